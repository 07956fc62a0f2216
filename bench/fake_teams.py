"""A Bot Connector for the delivery benchmark, in its own process: Teams' throttling (per
conversation and per tenant, 429 with Retry-After), 50–150 ms latency, 1% of calls 503.

`python -m bench.fake_teams` prints its URL on the first line, then serves until killed;
`GET /_stats` tells what reached it.
"""

from __future__ import annotations

import asyncio
import sys
import time

from bot.pacing import parse_limits
from tests.support.connector import FakeConnector, Throttle


async def main() -> None:
    connector = FakeConnector(
        throttle=Throttle(
            conversation=parse_limits("7/1,8/2,60/30,1800/3600"),
            tenant=parse_limits("50/1"),
            now=time.monotonic,
            retry_after=1.0,
        ),
        latency_range=(0.05, 0.15),
        error_rate=0.01,
        keep_requests=False,
    )
    await connector.start()
    print(connector.url, flush=True)
    await asyncio.Event().wait()


if __name__ == "__main__":
    try:
        asyncio.run(main())
    except KeyboardInterrupt:
        sys.exit(0)
