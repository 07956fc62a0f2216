"""Benchmark: the 09:00 fan-out through the real delivery worker against a throttling fake Teams.

The fake Bot Connector (`bench.fake_teams`, its own process) applies Teams' limits per
conversation and per tenant (50 calls a second), answers in 50–150 ms and fails 1% of calls
with 503. Workers are real `dagritme deliver` processes; the inbound scenario runs
`dagritme serve` and posts check-in card submits to it while its worker fans out.

Prints one table per side. PostgreSQL scenarios run when TEST_DATABASE_URL is set.
"""

from __future__ import annotations

import asyncio
import os
import signal
import statistics
import sys
import tempfile
import time
import uuid
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import aiohttp
from sqlalchemy import func, update
from sqlalchemy.engine import make_url
from sqlmodel import col, select

from dialogs.schedule import enqueue_due
from domain.clock import local_date
from storage.db import Database, upgrade
from storage.models import Delivery, Person, Team
from tests.support import activities
from tests.support.connector import Member
from tests.support.fanout import deliver_process, seed_fanout

TENANT_LIMIT = 50.0
# Submits in the baseline run (no fan-out); during a fan-out they run until it is done.
BASELINE_SUBMITS = 400
LEASE_SECONDS = "10"


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


def _env(url: str, name: str, **extra: str) -> dict[str, str]:
    return {
        **os.environ,
        "DATABASE_URL": url,
        "DAGRITME_WORKER_NAME": name,
        "DAGRITME_DELIVERY_LEASE_SECONDS": LEASE_SECONDS,
        "DAGRITME_LOG_LEVEL": "WARNING",
        "MicrosoftAppId": "",
        **extra,
    }


async def worker(url: str, name: str) -> asyncio.subprocess.Process:
    return await deliver_process(
        url, name, quiet=True, DAGRITME_DELIVERY_LEASE_SECONDS=LEASE_SECONDS
    )


async def outbox_unsent(url: str) -> int:
    """Rows the database does not have as sent."""
    db = Database.from_url(url)
    try:
        async with db.session() as session:
            statuses = (await session.exec(select(Delivery.status))).all()
    finally:
        await db.close()
    return sum(1 for status in statuses if status != "sent")


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
        unsent = await outbox_unsent(url)
    # the pace of the fan-out itself: the first 95% of each tenant's messages (the last few
    # are 503s retried after their backoff, which the wall time includes)
    rates = [
        int(t["sent"] * 0.95) / max(t["p95"] - t["first"], 1e-9) / TENANT_LIMIT
        for t in stats["tenants"].values()
        if t["sent"] > 20
    ]
    calls = stats["messages"] + stats["throttled"] + stats["unavailable"]
    return {
        "wall": wall,
        "rate": statistics.mean(rates),
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


async def settle_the_planner(db: Database) -> None:
    """Plan once now and cancel what that wrote, so the server sends only the seeded cards.

    What is due depends on the time of day (the close cards after 14:45, the digests after
    that); without this, a run in the afternoon measured a second fan-out besides the seeded
    one. The server's planner still runs every half minute, finding nothing new.
    """
    async with db.session() as session:
        seeded = (await session.exec(select(func.max(col(Delivery.id))))).one()
    await enqueue_due(db, datetime.now(UTC))
    async with db.session() as session:
        await session.exec(
            update(Delivery).where(col(Delivery.id) > (seeded or 0)).values(status="cancelled")
        )


async def run_inbound(
    backend: str,
    *,
    fanout: bool = True,
    separate_worker: bool = False,
    pupils: int = 5000,
    tenants: int = 10,
) -> dict[str, Any]:
    """Card submits answered while the server's own worker fans out to `pupils` (or, without
    `fanout`, with nothing to send: the baseline)."""
    async with database(backend) as url, fake_teams() as teams_url:
        db = Database.from_url(url)
        try:
            await seed_fanout(
                db, pupils=pupils, tenants=tenants, service_url=teams_url, now=datetime.now(UTC)
            )
            await settle_the_planner(db)
            async with db.session() as session:
                if not fanout:
                    await session.exec(update(Delivery).values(status="cancelled"))
                rows = (
                    await session.exec(
                        select(Person.teams_user_id, Team.id, Team.tenant_id)  # type: ignore[call-overload]
                        .join(Team, col(Team.id) == col(Person.team_id))
                        .order_by(col(Person.id))
                    )
                ).all()
        finally:
            await db.close()
        port = _free_port()
        server = await asyncio.create_subprocess_exec(
            sys.executable,
            "-m",
            "bot",
            "serve",
            "--port",
            str(port),
            env=_env(url, "server", DAGRITME_DELIVERY_WORKER=str(not separate_worker).lower()),
            stdout=asyncio.subprocess.DEVNULL,
            stderr=asyncio.subprocess.DEVNULL,
        )
        sender = await worker(url, "sender") if separate_worker else None
        try:
            endpoint = f"http://127.0.0.1:{port}/api/messages"
            await _wait_until_up(f"http://127.0.0.1:{port}/healthz")
            today = local_date(datetime.now(UTC)).isoformat()
            latencies: list[float] = []
            queue = list(rows)
            start = time.perf_counter()

            fanned_out = asyncio.Event()

            async def watch() -> None:
                while (await connector_stats(teams_url))["messages"] < pupils:  # noqa: ASYNC110
                    await asyncio.sleep(0.2)
                fanned_out.set()

            async def client(session: aiohttp.ClientSession) -> None:
                while queue and not fanned_out.is_set() and len(latencies) < BASELINE_SUBMITS:
                    user_id, team_id, tenant = queue.pop()
                    world = activities.TeamsWorld(service_url=teams_url, tenant_id=tenant)
                    member = Member(id=user_id, name="Leerling")
                    body = activities.personal_message(
                        world,
                        member,
                        "",
                        value={
                            "verb": "checkin.submit",
                            "day": today,
                            "team": team_id,
                            "mood": "4",
                            "energy": "3",
                        },
                    )
                    sent = time.perf_counter()
                    async with session.post(endpoint, json=body) as response:
                        await response.read()
                        assert response.status < 300, response.status
                    latencies.append(time.perf_counter() - sent)

            watcher = asyncio.create_task(watch()) if fanout else None
            async with aiohttp.ClientSession() as session:
                await asyncio.gather(*(client(session) for _ in range(8)))
            elapsed = time.perf_counter() - start
            if watcher is not None:
                await watcher
        finally:
            server.send_signal(signal.SIGTERM)
            await server.wait()
            if sender is not None:
                await sender.wait()
    latencies.sort()
    return {
        "submits": len(latencies),
        "per_second": len(latencies) / elapsed,
        "p50": latencies[len(latencies) // 2] * 1000,
        "p99": latencies[int(len(latencies) * 0.99)] * 1000,
        "max": latencies[-1] * 1000,
    }


def _free_port() -> int:
    import socket

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


async def main(parts: list[str]) -> None:
    """Both tables, or the ones named: `python -m bench.delivery [fanout] [inbound]`."""
    backends = ["sqlite"] + (["postgresql"] if os.environ.get("TEST_DATABASE_URL") else [])
    if not parts or "fanout" in parts:
        await fanout_table(backends)
    if not parts or "inbound" in parts:
        await inbound_table(backends)


async def fanout_table(backends: list[str]) -> None:
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
    for scenario in SCENARIOS:
        if scenario.backend not in backends:
            continue
        r = await run_fanout(scenario)
        print(
            f"{scenario.name:<30}{scenario.backend:>11}{scenario.pupils:>8,}"
            f"{scenario.tenants:>8}{r['wall']:>8.1f}{r['rate']:>11.2f}{r['throttled']:>6}"
            f"{r['throttled_share'] * 100:>6.2f}%{r['retries']:>8}{r['duplicates']:>6}"
            f"{r['confirmed_again']:>8}{r['missing']:>8}",
            flush=True,
        )


async def inbound_table(backends: list[str]) -> None:
    print(
        "\nInbound card submits, idle and while the server fans out to 5,000 pupils in 10 tenants"
    )
    print(
        f"{'db':<12}{'fan-out':>22}{'submits':>8}{'per s':>8}"
        f"{'p50 ms':>8}{'p99 ms':>8}{'max ms':>8}"
    )
    for backend in backends:
        for fanout, separate, label in (
            (False, False, "none"),
            (True, False, "in the server"),
            (True, True, "in its own process"),
        ):
            if separate and backend == "sqlite":
                continue  # one process is the SQLite set-up
            r = await run_inbound(backend, fanout=fanout, separate_worker=separate)
            print(
                f"{backend:<12}{label:>22}{r['submits']:>8}"
                f"{r['per_second']:>8.0f}{r['p50']:>8.0f}{r['p99']:>8.0f}{r['max']:>8.0f}",
                flush=True,
            )


if __name__ == "__main__":
    asyncio.run(main(sys.argv[1:]))
