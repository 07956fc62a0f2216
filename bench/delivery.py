"""Benchmark: the 09:00 fan-out through the real delivery worker against a throttling fake Teams.

The fake Bot Connector (`bench.fake_teams`, its own process) applies Teams' limits per
conversation and per tenant (50 calls a second), answers in 50–150 ms and fails 1% of calls
with 503. Workers are real `dagritme deliver` processes. Then `bench.inbound`: card submits
answered by `dagritme serve` while its worker fans out.

Prints one table per side and ends with one summary line per database, to compare runs by.
PostgreSQL scenarios run when TEST_DATABASE_URL is set.
"""

from __future__ import annotations

import asyncio
import os
import signal
import sys
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlmodel import col, select

from bench import inbound
from bench.harness import (
    connector_stats,
    count_unsent,
    database,
    fake_teams,
    fanout_rate,
    worker,
)
from storage.db import Database
from storage.models import Delivery
from tests.support.fanout import seed_fanout

# What the benchmark holds to: an answer during the fan-out at most this much slower than idle,
# the fan-out at least this share of Teams' limit, and SQLite's submits a second during the
# fan-out at least this share of idle.
MOST_SLOWER = 1.5
LEAST_RATE = 0.85
LEAST_THROUGHPUT = 0.8


@dataclass(frozen=True)
class Scenario:
    name: str
    backend: str
    pupils: int
    tenants: int
    workers: int = 1
    kill: bool = False


SCENARIOS = [
    Scenario("1,000 pupils, 1 tenant", "sqlite", 1000, 1),
    Scenario("5,000 pupils, 10 tenants", "sqlite", 5000, 10),
    Scenario("5,000 / 10, killed halfway", "sqlite", 5000, 10, kill=True),
    Scenario("5,000 / 10", "postgresql", 5000, 10),
    Scenario("5,000 / 10, two workers", "postgresql", 5000, 10, workers=2),
]


async def sent_conversations(url: str) -> set[str]:
    """The conversations the database has a confirmed send to."""
    db = Database.from_url(url)
    try:
        async with db.session() as session:
            found = await session.exec(
                select(Delivery.conversation_id).where(col(Delivery.status) == "sent")
            )
            return {conversation for conversation in found.all() if conversation}
    finally:
        await db.close()


async def run_fanout(scenario: Scenario) -> dict[str, Any]:
    async with database(scenario.backend) as url, fake_teams() as teams_url:
        db = Database.from_url(url)
        try:
            await seed_fanout(
                db,
                pupils=scenario.pupils,
                tenants=scenario.tenants,
                service_url=teams_url,
                now=datetime.now(UTC),
            )
        finally:
            await db.close()
        print(f"  {scenario.name} ({scenario.backend}): seeded, sending", file=sys.stderr)
        start = time.perf_counter()
        processes = [await worker(url, f"w{i}") for i in range(scenario.workers)]
        confirmed: set[str] = set()  # what the database had as sent when the worker died
        if scenario.kill:
            while (await connector_stats(teams_url))["messages"] < scenario.pupils // 2:  # noqa: ASYNC110  (polls another process)
                await asyncio.sleep(0.05)
            processes[0].send_signal(signal.SIGKILL)
            await processes[0].wait()
            confirmed = await sent_conversations(url)
            processes = [await worker(url, "restarted")]
        for process in processes:
            await process.wait()
        wall = time.perf_counter() - start
        stats = await connector_stats(teams_url)
        unsent = await count_unsent(url)
    calls = stats["messages"] + stats["throttled"] + stats["unavailable"]
    return {
        "calls": calls,
        # a crash may send a call that was under way again; without one nothing is sent twice
        "sent_twice": len(confirmed & set(stats["doubled"]))
        if scenario.kill
        else stats["duplicates"],
        "wall": wall,
        "rate": fanout_rate(stats),
        "throttled": stats["throttled"],
        "throttled_share": stats["throttled"] / max(calls, 1),
        # every 429 or 503 the connector gave is one retry (rows given back after the kill are
        # sent for the first time, or again when their call was under way)
        "retries": stats["throttled"] + stats["unavailable"],
        "duplicates": stats["duplicates"],
        # a confirmed send posted again would be a bug; a call under way at the kill posted
        # again is the price of at-least-once (Teams has no idempotency key)
        "confirmed_again": len(confirmed & set(stats["doubled"])),
        "missing": max(scenario.pupils - stats["conversations"], unsent),
    }


async def main(parts: list[str]) -> None:
    """Both tables, or the ones named: `python -m bench.delivery [fanout] [inbound]`."""
    backends = ["sqlite"] + (["postgresql"] if os.environ.get("TEST_DATABASE_URL") else [])
    fanouts: dict[str, list[dict[str, Any]]] = {}
    answers: dict[str, inbound.Measured] = {}
    if not parts or "fanout" in parts:
        fanouts = await fanout_table(backends)
    if not parts or "inbound" in parts:
        answers = await inbound.table(backends)
    print()
    for backend in backends:
        print(summary(backend, fanouts.get(backend, []), answers.get(backend)))


def summary(backend: str, fanouts: list[dict[str, Any]], answers: inbound.Measured | None) -> str:
    """One line per database: the figures that must hold, and whether they did.

    How long a pupil waits, and how near the limit the fan-out gets beside her, come from the
    paced runs; how many submits a second the server answers, from the back-to-back ones.
    """
    parts = [f"{backend}:"]
    broken: list[str] = []
    if answers is not None:
        idle, busy = answers.idle_paced, answers.busy_paced
        p50, p99 = busy.p50 / idle.p50, busy.p99 / idle.p99
        throughput = answers.busy.per_second / answers.idle.per_second
        rate = busy.rate or 0.0
        parts += [
            f"submit p50 {idle.p50:.0f}→{busy.p50:.0f} ms (×{p50:.2f})",
            f"p99 {idle.p99:.0f}→{busy.p99:.0f} ms (×{p99:.2f})",
            f"fan-out {rate:.2f} of limit",
            f"back to back: submits/s {answers.idle.per_second:.0f}→"
            f"{answers.busy.per_second:.0f} (×{throughput:.2f}), fan-out"
            f" {answers.busy.rate or 0.0:.2f} + answers {answers.busy.answers_rate:.2f} of limit",
        ]
        broken += [f"p50 ×{p50:.2f}"] if p50 > MOST_SLOWER else []
        broken += [f"p99 ×{p99:.2f}"] if p99 > MOST_SLOWER else []
        broken += [f"fan-out {rate:.2f}"] if rate < LEAST_RATE else []
        if backend == "sqlite" and throughput < LEAST_THROUGHPUT:
            broken.append(f"submits/s ×{throughput:.2f}")
    if fanouts:
        runs = answers.runs if answers else ()
        calls = sum(r["calls"] for r in fanouts) + sum(r.calls for r in runs)
        throttled = sum(r["throttled"] for r in fanouts) + sum(r.throttled for r in runs)
        confirmed_again = sum(r["sent_twice"] for r in fanouts)
        missing = sum(r["missing"] for r in fanouts) + sum(r.missing for r in runs)
        parts += [
            f"429s {throttled / max(calls, 1):.2%}",
            f"sent twice {confirmed_again}",
            f"missing {missing}",
        ]
        broken += ["429s ≥ 1%"] if throttled >= 0.01 * calls else []
        broken += ["sent twice"] if confirmed_again else []
        broken += ["missing"] if missing else []
    verdict = "holds" if not broken else "BROKEN: " + ", ".join(broken)
    return " · ".join(parts) + f" · {verdict}"


async def fanout_table(backends: list[str]) -> dict[str, list[dict[str, Any]]]:
    print("\nDelivery fan-out (limit 50 calls/s per tenant; 50–150 ms latency; 1% 503)")
    print(
        "dupes: messages the fake Teams received twice; of sent: those among them that the"
        " database had confirmed as sent before the kill (must be 0)"
    )
    header = (
        f"{'scenario':<30}{'db':>11}{'pupils':>8}{'tenants':>8}{'wall s':>8}"
        f"{'rate/limit':>11}{'429s':>6}{'429 %':>7}{'retries':>8}{'dupes':>6}"
        f"{'of sent':>8}{'missing':>8}"
    )
    print(header)
    results: dict[str, list[dict[str, Any]]] = {backend: [] for backend in backends}
    for scenario in SCENARIOS:
        if scenario.backend not in backends:
            continue
        r = await run_fanout(scenario)
        results[scenario.backend].append(r)
        print(
            f"{scenario.name:<30}{scenario.backend:>11}{scenario.pupils:>8,}"
            f"{scenario.tenants:>8}{r['wall']:>8.1f}{r['rate']:>11.2f}{r['throttled']:>6}"
            f"{r['throttled_share'] * 100:>6.2f}%{r['retries']:>8}{r['duplicates']:>6}"
            f"{r['confirmed_again']:>8}{r['missing']:>8}",
            flush=True,
        )
    return results


if __name__ == "__main__":
    asyncio.run(main(sys.argv[1:]))
