"""Real processes: a worker killed with SIGKILL mid fan-out, and two workers on one PostgreSQL.

The workers are `dagritme deliver --until-idle` processes; the fake Bot Connector runs in the
test on loopback and counts what reached it.
"""

from __future__ import annotations

import asyncio
import signal
from collections import Counter
from datetime import UTC, datetime

import pytest
from sqlmodel import col, select

from storage.db import Database
from storage.models import Delivery
from tests.support.connector import FakeConnector
from tests.support.fanout import deliver_process, seed_fanout


def _now() -> datetime:
    return datetime.now(UTC)


async def _worker(database_url: str, name: str) -> asyncio.subprocess.Process:
    return await deliver_process(
        database_url,
        name,
        DAGRITME_DELIVERY_LEASE_SECONDS="3",
        DAGRITME_TENANT_LIMITS="100/1",
    )


async def _finished(process: asyncio.subprocess.Process) -> str:
    out, err = await asyncio.wait_for(process.communicate(), timeout=90)
    assert process.returncode == 0, err.decode()
    return out.decode()


def _received(connector: FakeConnector) -> Counter[str]:
    return Counter(
        r.conversation_id
        for r in connector.requests
        if r.method == "POST" and r.conversation_id and r.path.endswith("/activities")
    )


async def test_a_worker_killed_mid_fan_out_loses_nothing_and_resends_nothing_confirmed(
    database_url: str, db: Database
) -> None:
    async with FakeConnector(latency=0.05) as connector:
        seeded = await seed_fanout(db, pupils=300, tenants=1, service_url=connector.url, now=_now())
        first = await _worker(database_url, "first")
        await connector.wait_for(lambda: sum(_received(connector).values()) >= 100, within=60)
        first.send_signal(signal.SIGKILL)
        await first.wait()
        async with db.session() as session:
            rows = (await session.exec(select(Delivery))).all()
        confirmed = {row.conversation_id for row in rows if row.status == "sent"}
        in_flight = {row.id for row in rows if row.status == "sending"}
        before = _received(connector)
        assert confirmed and len(confirmed) < 300  # killed halfway

        await _finished(await _worker(database_url, "restarted"))

        received = _received(connector)
        async with db.session() as session:
            rows = (await session.exec(select(Delivery))).all()
        assert {row.status for row in rows} == {"sent"}
        assert set(received) == set(seeded.conversations["tenant-000"])  # nothing lost
        assert all(received[c] == 1 for c in confirmed)  # nothing confirmed was sent again
        doubled = {c for c, n in received.items() if n > 1}
        # only calls under way at the kill can arrive twice: Teams had them, the answer was lost
        assert doubled <= set(before) - confirmed
        assert len(doubled) <= len(in_flight)


async def test_killed_again_and_again_it_still_delivers_each_confirmed_message_once(
    database_url: str, db: Database
) -> None:
    """Killed at three moments of one fan-out (early, in the middle, near the end)."""
    async with FakeConnector(latency=0.03) as connector:
        seeded = await seed_fanout(db, pupils=240, tenants=2, service_url=connector.url, now=_now())
        # per conversation confirmed at a kill: how often Teams had it then (never more after)
        settled: dict[str, int] = {}
        for round_, reached in enumerate((20, 110, 200)):
            worker = await _worker(database_url, f"attempt-{round_}")
            await connector.wait_for(
                lambda reached=reached: sum(_received(connector).values()) >= reached, within=60
            )
            worker.send_signal(signal.SIGKILL)
            await worker.wait()
            async with db.session() as session:
                rows = (await session.exec(select(Delivery))).all()
            confirmed = {row.conversation_id for row in rows if row.status == "sent"}
            assert set(settled) <= confirmed  # a kill never undoes a recorded send
            received = _received(connector)
            for conversation in confirmed - set(settled):
                assert conversation is not None
                settled[conversation] = received[conversation]
            assert all(received[c] == n for c, n in settled.items()), "a confirmed send repeated"
        await _finished(await _worker(database_url, "last"))
    received = _received(connector)
    expected = {c for conversations in seeded.conversations.values() for c in conversations}
    assert set(received) == expected  # nothing lost
    assert all(received[c] == n for c, n in settled.items())  # nothing confirmed sent again
    async with db.session() as session:
        assert set((await session.exec(select(Delivery.status))).all()) == {"sent"}


@pytest.mark.backends("postgresql")  # several processes on one database is a PostgreSQL setup
async def test_two_worker_processes_on_postgresql_deliver_each_row_exactly_once(
    database_url: str, db: Database
) -> None:
    async with FakeConnector(latency=0.02) as connector:
        seeded = await seed_fanout(db, pupils=800, tenants=4, service_url=connector.url, now=_now())
        workers = [await _worker(database_url, name) for name in ("one", "two")]
        outputs = await asyncio.gather(*(_finished(w) for w in workers))
    received = _received(connector)
    expected = {c for conversations in seeded.conversations.values() for c in conversations}
    assert set(received) == expected
    assert max(received.values()) == 1  # exactly once
    async with db.session() as session:
        statuses = (await session.exec(select(Delivery.status))).all()
        ids = (await session.exec(select(col(Delivery.activity_id)))).all()
    assert set(statuses) == {"sent"} and len(set(ids)) == 800
    sent = [int(out.split(": ")[-1].split()[0]) for out in outputs]
    assert sum(sent) == 800
    assert all(n > 0 for n in sent), outputs  # both took part
