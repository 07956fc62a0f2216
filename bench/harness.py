"""What the delivery benchmarks share: a fresh database, the throttling fake Teams in its own
process, and the bot's own processes (`dagritme serve`, `dagritme deliver`) started against them.
"""

from __future__ import annotations

import asyncio
import os
import socket
import statistics
import sys
import tempfile
import uuid
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import date
from typing import Any

import aiohttp
from sqlalchemy.engine import make_url

from storage.db import Database, upgrade
from tests.support.fanout import deliver_process

TENANT_LIMIT = 50.0
LEASE_SECONDS = "10"


@asynccontextmanager
async def database(backend: str) -> AsyncIterator[str]:
    """A fresh, migrated database of that kind; its URL."""
    if backend == "sqlite":
        with tempfile.TemporaryDirectory() as folder:
            url = f"sqlite+aiosqlite:///{folder}/bench.sqlite3"
            await asyncio.to_thread(upgrade, url)
            yield url
        return
    from tests.conftest import _admin

    base = os.environ["TEST_DATABASE_URL"]
    name = f"dagritme_bench_{uuid.uuid4().hex[:8]}"
    await _admin(base, f'CREATE DATABASE "{name}"')
    try:
        url = make_url(base).set(database=name).render_as_string(hide_password=False)
        await asyncio.to_thread(upgrade, url)
        yield url
    finally:
        await _admin(base, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@asynccontextmanager
async def fake_teams() -> AsyncIterator[str]:
    """The throttling fake Bot Connector in its own process; its URL."""
    process = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "bench.fake_teams", stdout=asyncio.subprocess.PIPE
    )
    assert process.stdout is not None
    url = (await process.stdout.readline()).decode().strip()
    try:
        yield url
    finally:
        process.terminate()
        await process.wait()


async def connector_stats(url: str) -> dict[str, Any]:
    async with aiohttp.ClientSession() as session, session.get(url + "_stats") as response:
        data: dict[str, Any] = await response.json()
        return data


def fanout_rate(stats: dict[str, Any]) -> float:
    """The fan-out's pace as a share of the tenant limit: each tenant's first 95% of messages
    over the time they took (the last few are 503s retried after their backoff)."""
    rates = [
        int(t["sent"] * 0.95) / max(t["p95"] - t["first"], 1e-9) / TENANT_LIMIT
        for t in stats["tenants"].values()
        if t["sent"] > 20
    ]
    return statistics.mean(rates) if rates else 0.0


async def worker(url: str, name: str) -> asyncio.subprocess.Process:
    return await deliver_process(
        url, name, quiet=True, DAGRITME_DELIVERY_LEASE_SECONDS=LEASE_SECONDS
    )


async def server(url: str, *, port: int, delivery_worker: bool) -> asyncio.subprocess.Process:
    """`dagritme serve` in local mode (no app id), with or without its own delivery worker."""
    env = {
        **os.environ,
        "DATABASE_URL": url,
        "DAGRITME_WORKER_NAME": "server",
        "DAGRITME_DELIVERY_LEASE_SECONDS": LEASE_SECONDS,
        "DAGRITME_LOG_LEVEL": "WARNING",
        "DAGRITME_DELIVERY_WORKER": str(delivery_worker).lower(),
        "MicrosoftAppId": "",
    }
    process = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "bot",
        "serve",
        "--port",
        str(port),
        env=env,
        stdout=asyncio.subprocess.DEVNULL,
        stderr=asyncio.subprocess.DEVNULL,
    )
    await _wait_until_up(f"http://127.0.0.1:{port}/healthz")
    return process


async def count_unsent(url: str, *, day: date | None = None) -> int:
    """Rows the database does not have as sent (what the benchmark cancelled itself aside);
    with `day`, only the rows of that day (the seeded ones, not what the server's planner wrote
    while it ran: a run that crosses 14:45 finds the close cards due)."""
    from sqlmodel import select

    from storage.models import Delivery

    db = Database.from_url(url)
    query = select(Delivery.status)
    if day is not None:
        query = query.where(Delivery.day == day)
    try:
        async with db.session() as session:
            statuses = (await session.exec(query)).all()
    finally:
        await db.close()
    return sum(1 for status in statuses if status not in ("sent", "cancelled"))


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


async def _wait_until_up(url: str) -> None:
    async with aiohttp.ClientSession() as session:
        for _ in range(200):
            try:
                async with session.get(url) as response:
                    if response.status == 200:
                        return
            except aiohttp.ClientError:
                pass
            await asyncio.sleep(0.1)
    raise RuntimeError("the server did not come up")
