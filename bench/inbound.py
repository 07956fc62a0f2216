"""Benchmark: pupils answering their card while the server fans out the 09:00 cards.

`dagritme serve` gets card submits; the answer is a message back to the pupil through the
throttling fake Teams. Each way of answering runs once with nothing to send (idle) and once
while the server's own worker fans out to 5,000 pupils in 10 tenants:

- *back to back*: 8 clients, each posting the next submit as soon as the last is answered. This
  measures how many submits a second the server can answer; its answers take as much of each
  tenant's limit as they can (more as the server gets faster).
- *paced*: submits arrive at a steady 20 a second, each timed from when it was due, whether or
  not the earlier ones were answered. This is a heavy 09:00 (5,000 pupils answering within about
  four minutes) inside the share of the limit kept free for answers; it measures how long a
  pupil waits, and how near the limit the fan-out gets beside her. On PostgreSQL it runs once
  more with the fan-out in a `dagritme deliver` process of its own.
"""

from __future__ import annotations

import asyncio
import random
import sys
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import aiohttp
from sqlalchemy import func, update
from sqlmodel import col, select

from bench.harness import (
    TENANT_LIMIT,
    connector_stats,
    count_unsent,
    database,
    fake_teams,
    fanout_rate,
    free_port,
    server,
    worker,
)
from dialogs.clock.planner import enqueue_due
from domain.clock import local_date
from storage.db import Database
from storage.models import Delivery, Person, Team
from tests.support import activities
from tests.support.connector import Member
from tests.support.fanout import DAY, seed_fanout

PUPILS = 5000
TENANTS = 10
CLIENTS = 8
# Submits a second in the paced runs: two a second per school, 4% of a tenant's limit.
PACE = 20.0
# Submits in an idle run; during a fan-out they go on until it is done.
IDLE_SUBMITS = 300


@dataclass(frozen=True)
class Submits:
    """What the clients saw, and what the fake Teams saw meanwhile."""

    count: int
    per_second: float
    p50: float  # milliseconds
    p99: float
    slowest: float
    rate: float | None  # the fan-out's pace as a share of the limit (None when idle)
    answers_rate: float  # the answers' pace per tenant as a share of the limit
    throttled_answers: int  # 429s to the submits' answers
    throttled: int  # 429s in all
    calls: int
    missing: int  # pupils the fan-out did not reach


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


async def seed(url: str, teams_url: str, *, fanout: bool) -> list[tuple[str, int, str]]:
    """The pupils (user id, team id, tenant) with a card each in the outbox, or none pending,
    in the order they answer."""
    db = Database.from_url(url)
    try:
        now = datetime.now(UTC)
        await seed_fanout(db, pupils=PUPILS, tenants=TENANTS, service_url=teams_url, now=now)
        await settle_the_planner(db)
        async with db.session() as session:
            if not fanout:
                await session.exec(update(Delivery).values(status="cancelled"))
            query = (
                select(Person.teams_user_id, Team.id, Team.tenant_id)  # type: ignore[call-overload]
                .join(Team, col(Team.id) == col(Person.team_id))
                .order_by(col(Person.id))
            )
            pupils = list((await session.exec(query)).all())
    finally:
        await db.close()
    # pupils of every school answer, in no particular order (seeded: each run asks the same)
    random.Random(PUPILS).shuffle(pupils)
    return pupils


def submit(teams_url: str, user_id: str, team_id: int, tenant: str) -> dict[str, Any]:
    """A pupil's check-in card submit for today."""
    world = activities.TeamsWorld(service_url=teams_url, tenant_id=tenant)
    value = {
        "verb": "checkin.submit",
        "day": local_date(datetime.now(UTC)).isoformat(),
        "team": team_id,
        "mood": "4",
        "energy": "3",
    }
    return activities.personal_message(world, Member(id=user_id, name="Leerling"), "", value=value)


async def run(
    backend: str, *, fanout: bool, separate_worker: bool = False, pace: float | None = None
) -> Submits:
    """Card submits answered idle, or while the fan-out runs (in the server or beside it);
    back to back, or `pace` a second."""
    async with database(backend) as url, fake_teams() as teams_url:
        queue = await seed(url, teams_url, fanout=fanout)
        port = free_port()
        serving = await server(url, port=port, delivery_worker=not separate_worker)
        sender = await worker(url, "sender") if separate_worker else None
        endpoint = f"http://127.0.0.1:{port}/api/messages"
        latencies: list[float] = []
        fanned_out = asyncio.Event()

        async def watch() -> None:
            while (await connector_stats(teams_url))["messages"] < PUPILS:  # noqa: ASYNC110  (polls another process)
                await asyncio.sleep(0.2)
            fanned_out.set()

        def going_on(sent: int) -> bool:
            return bool(queue) and not fanned_out.is_set() and (fanout or sent < IDLE_SUBMITS)

        async def answer(session: aiohttp.ClientSession, due: float) -> None:
            """One submit, timed from when it was due."""
            async with session.post(endpoint, json=submit(teams_url, *queue.pop())) as response:
                await response.read()
                assert response.status < 300, response.status
            latencies.append(time.perf_counter() - due)

        async def client(session: aiohttp.ClientSession) -> None:
            while going_on(len(latencies)):
                await answer(session, time.perf_counter())

        async def paced(session: aiohttp.ClientSession, per_second: float) -> None:
            started, answers = time.perf_counter(), []
            while going_on(len(answers)):
                due = started + len(answers) / per_second
                await asyncio.sleep(max(0.0, due - time.perf_counter()))
                answers.append(asyncio.create_task(answer(session, due)))
            await asyncio.gather(*answers)

        try:
            start = time.perf_counter()
            watcher = asyncio.create_task(watch()) if fanout else None
            async with aiohttp.ClientSession() as session:
                if pace is not None:
                    await paced(session, pace)
                else:
                    await asyncio.gather(*(client(session) for _ in range(CLIENTS)))
            elapsed = time.perf_counter() - start
            if watcher is not None:
                await watcher
            stats = await connector_stats(teams_url)
        finally:
            serving.terminate()
            await serving.wait()
            if sender is not None:
                await sender.wait()
        unsent = await count_unsent(url, day=DAY) if fanout else 0
        missing = max(PUPILS - stats["conversations"], unsent) if fanout else 0
    latencies.sort()
    return Submits(
        count=len(latencies),
        per_second=len(latencies) / elapsed,
        p50=latencies[len(latencies) // 2] * 1000,
        p99=latencies[int(len(latencies) * 0.99)] * 1000,
        slowest=latencies[-1] * 1000,
        rate=fanout_rate(stats) if fanout else None,
        answers_rate=stats["replies"] / elapsed / TENANTS / TENANT_LIMIT,
        throttled_answers=stats["throttled_answers"],
        throttled=stats["throttled"],
        calls=stats["messages"] + stats["replies"] + stats["throttled"] + stats["unavailable"],
        missing=missing,
    )


@dataclass(frozen=True)
class Measured:
    """One database's runs: back to back and paced, each idle and during the fan-out."""

    idle: Submits
    busy: Submits
    idle_paced: Submits
    busy_paced: Submits
    others: tuple[Submits, ...] = ()  # the fan-out in a process of its own

    @property
    def runs(self) -> tuple[Submits, ...]:
        return (self.idle, self.busy, self.idle_paced, self.busy_paced, *self.others)


RUNS = (  # fan-out, in a process of its own, submits a second (None: back to back), label
    (False, False, None, "none"),
    (True, False, None, "in the server"),
    (False, False, PACE, "none"),
    (True, False, PACE, "in the server"),
    (True, True, PACE, "in its own process"),
)


async def table(backends: list[str]) -> dict[str, Measured]:
    """Print the table; per database, the runs the summary compares."""
    print(
        f"\nCard submits answered by the server, idle and while it fans out to {PUPILS:,} pupils"
        f" in {TENANTS} tenants: {CLIENTS} clients back to back, or {PACE:g} a second"
    )
    print(
        "rate/limit: the fan-out's pace, answers: the answers' pace, each as a share of a"
        " tenant's limit (both count against it)"
    )
    print(
        f"{'db':<12}{'fan-out':>20}{'submits':>14}{'n':>6}{'per s':>7}{'p50 ms':>8}"
        f"{'p99 ms':>8}{'max ms':>8}{'rate/limit':>11}{'answers':>8}{'429s':>6}"
        f"{'of answers':>11}{'missing':>8}"
    )
    measured: dict[str, Measured] = {}
    for backend in backends:
        runs: list[Submits] = []
        for fanout, separate, pace, label in RUNS:
            if separate and backend == "sqlite":
                continue  # one process is the SQLite set-up
            r = await run(backend, fanout=fanout, separate_worker=separate, pace=pace)
            runs.append(r)
            how = "back to back" if pace is None else f"{pace:g} a second"
            rate = f"{r.rate:.2f}" if r.rate is not None else "—"
            print(
                f"{backend:<12}{label:>20}{how:>14}{r.count:>6}{r.per_second:>7.0f}"
                f"{r.p50:>8.0f}{r.p99:>8.0f}{r.slowest:>8.0f}{rate:>11}{r.answers_rate:>8.2f}"
                f"{r.throttled:>6}{r.throttled_answers:>11}{r.missing:>8}",
                flush=True,
            )
        measured[backend] = Measured(*runs[:4], others=tuple(runs[4:]))
    return measured


if __name__ == "__main__":
    backends = sys.argv[1:] or ["sqlite"]
    asyncio.run(table(backends))
