"""The delivery worker: pacing, retries, leases and unreachable pupils, on both databases.

Pacing and backoff run on a `FixedClock` whose sleeps take no time, against a connector that
applies Teams' limits at the clock's time; the 403 path uses the fake Bot Connector and Graph
on loopback.
"""

from __future__ import annotations

import asyncio
import random
import re
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlmodel import col, select

from bot.connector import ConnectorClient, ConnectorError
from bot.delivery import DeliveryWorker
from bot.graph import GraphInstaller
from bot.pacing import parse_limits
from domain.clock import FixedClock
from domain.recipient import Recipient
from storage import deliveries, outbox, people
from storage.db import Database
from storage.deliveries import NewDelivery
from storage.models import Delivery, MentorLink, Person, PersonalChat, Team
from tests.support.connector import CATALOG_APP_ID, FakeConnector, Throttle
from tests.support.fanout import DAY, seed_fanout

NOW = datetime(2026, 11, 23, 8, 0, tzinfo=UTC)
TEAMS_CONVERSATION = parse_limits("7/1,8/2,60/30,1800/3600")


async def no_token() -> str | None:
    return None


class ClockedConnector(ConnectorClient):
    """Answers in-process at the worker's clock time, applying Teams' throttling."""

    def __init__(self, clock: FixedClock, throttle: Throttle | None = None) -> None:
        super().__init__(no_token)
        self.clock = clock
        self.throttle = throttle
        self.sent: list[tuple[float, str]] = []
        self.fail: list[ConnectorError] = []

    async def send(
        self, service_url: str, conversation_id: str, activity: dict[str, Any]
    ) -> str | None:
        moment = self.clock.now().timestamp()
        if self.fail:
            raise self.fail.pop(0)
        tenant = _tenant(conversation_id)
        if self.throttle is not None and not self.throttle.admit(tenant, conversation_id):
            raise ConnectorError(429, "Throttled", self.throttle.retry_after)
        self.sent.append((moment, conversation_id))
        return f"1:{len(self.sent)}"


def _tenant(conversation_id: str) -> str:
    found = re.search(r"tenant-\d+", conversation_id)
    return found.group(0) if found else "tenant-000"


def _worker(db: Database, connector: ConnectorClient, clock: FixedClock, **kwargs: Any) -> Any:
    return DeliveryWorker(db, connector, clock, rng=random.Random(3), **kwargs)


def _throttled(tenant_limit: str) -> tuple[FixedClock, ClockedConnector, Throttle]:
    """A clock at NOW and a connector applying Teams' limits at that clock's time."""
    clock = FixedClock(NOW)
    throttle = Throttle(
        conversation=TEAMS_CONVERSATION,
        tenant=parse_limits(tenant_limit),
        now=lambda: clock.now().timestamp(),
    )
    return clock, ClockedConnector(clock, throttle), throttle


async def _statuses(db: Database) -> dict[str, int]:
    async with db.session() as session:
        return await outbox.counts(session=session)


async def test_a_fan_out_is_paced_inside_the_tenant_limit(db: Database) -> None:
    clock, connector, throttle = _throttled("20/1")
    limit = parse_limits("20/1")
    await seed_fanout(db, pupils=120, tenants=1, service_url="http://unused/", now=NOW)
    stats = await _worker(db, connector, clock, tenant_limits=limit, concurrency=8).drain()
    assert stats.sent == 120
    assert throttle.refused == 0
    assert throttle.most_in_any_window("tenant:tenant-000", 1.0) <= 20
    elapsed = (clock.now() - NOW).total_seconds()
    assert 120 / elapsed >= 0.9 * 20  # as fast as the limit allows
    assert await _statuses(db) == {"sent": 120}


async def test_an_answer_finds_the_tenant_free_while_it_fans_out(db: Database) -> None:
    """The fan-out leaves a tenth of the tenant's limit free: a pupil's answer never waits."""
    clock, connector, throttle = _throttled("20/1")
    await seed_fanout(db, pupils=200, tenants=1, service_url="http://unused/", now=NOW)
    worker = _worker(
        db, connector, clock, tenant_limits=parse_limits("20/1"), answer_reserve=0.1, concurrency=8
    )
    drain = asyncio.create_task(worker.drain())
    answers = 0
    while not drain.done():
        await clock.sleep(0.6)  # answers within the reserve: 2 calls a second
        if not 20 < len(connector.sent) < 180:
            continue  # only while the fan-out is under way at full pace
        chat, moment = f"a:answer-{answers}", clock.now().timestamp()
        assert worker.pacer.wait("tenant-000", chat, moment) == 0
        await worker.pace("tenant-000", chat, urgent=True)
        assert throttle.admit("tenant-000", chat)  # Teams takes it
        answers += 1
    stats = await drain
    assert stats.sent == 200
    assert answers >= 5
    assert throttle.refused == 0
    assert throttle.most_in_any_window("tenant:tenant-000", 1.0) <= 20


async def test_rows_whose_targets_cannot_be_read_go_back_to_the_outbox(
    db: Database, monkeypatch: Any
) -> None:
    """A lane claims its rows in one transaction and reads where they go in the next; when that
    read fails, the rows are not left claimed by a worker that never queued them."""
    clock, connector, _ = _throttled("50/1")
    await seed_fanout(db, pupils=30, tenants=1, service_url="http://unused/", now=NOW)

    async def unreadable(session: Any, rows: Any) -> Any:
        raise ConnectionResetError("the database went away")

    monkeypatch.setattr("bot.delivery.jobs_for", unreadable)
    worker = _worker(db, connector, clock)
    await worker.drain()  # the pass fails and is logged; the worker lives on
    assert await _statuses(db) == {"pending": 30}
    monkeypatch.undo()
    stats = await _worker(db, connector, clock).drain()
    assert stats.sent == 30
    assert await _statuses(db) == {"sent": 30}


async def test_tenants_are_paced_each_on_their_own(db: Database) -> None:
    clock, connector, throttle = _throttled("20/1")
    limit = parse_limits("20/1")
    await seed_fanout(db, pupils=160, tenants=4, service_url="http://unused/", now=NOW)
    stats = await _worker(db, connector, clock, tenant_limits=limit).drain()
    assert stats.sent == 160
    assert throttle.refused == 0
    # side by side: every tenant started at once, none waited for another's limit
    started = {_tenant(conversation): moment for moment, conversation in reversed(connector.sent)}
    assert len(started) == 4
    assert max(started.values()) - NOW.timestamp() < 0.5  # not one tenant's 2 s after another
    for tenant in started:
        assert throttle.most_in_any_window(f"tenant:{tenant}", 1.0) <= 20


async def test_posts_to_one_channel_keep_every_conversation_limit(db: Database) -> None:
    clock, connector, throttle = _throttled("50/1")
    seeded = await seed_fanout(db, pupils=1, tenants=1, service_url="http://unused/", now=NOW)
    async with db.session() as session:
        team = (await session.exec(select(Team))).one()
        assert team.id is not None
        await deliveries.enqueue(
            session=session,
            deliveries=[
                NewDelivery(
                    team_id=team.id,
                    prompt="day_start",
                    day=DAY,
                    recipient=Recipient.channel("19:general-tenant-000"),
                    ref=str(i),
                    payload={"text": f"post {i}"},
                    not_before=NOW,
                )
                for i in range(70)
            ],
            now=NOW,
        )
    stats = await _worker(db, connector, clock).drain()
    assert stats.sent == 70 + seeded.deliveries
    assert throttle.refused == 0
    channel = [t for t, conversation in connector.sent if conversation.startswith("19:")]
    assert len(channel) == 70
    # 60 per 30 s: the last ten wait for the first ones to leave the half-minute window
    assert channel[-1] - channel[0] >= 30


async def test_throttling_is_retried_after_retry_after_then_given_up(db: Database) -> None:
    clock = FixedClock(NOW)
    connector = ClockedConnector(clock)
    await seed_fanout(db, pupils=1, tenants=1, service_url="http://unused/", now=NOW)
    connector.fail = [ConnectorError(429, "Throttled", 7.0)]
    worker = _worker(db, connector, clock, max_attempts=3)
    stats = await worker.drain()
    assert (stats.sent, stats.retried, stats.throttled) == (0, 1, 1)
    async with db.session() as session:
        row = (await session.exec(select(Delivery))).one()
    assert row.status == "pending" and row.last_error == "429 Throttled"
    assert row.not_before == NOW + timedelta(seconds=7)
    assert (await worker.drain()).handled == 0  # not before its time
    clock.set(NOW + timedelta(seconds=7))
    connector.fail = [ConnectorError(503, "ServiceUnavailable"), ConnectorError(502, "BadGateway")]
    assert (await worker.drain()).retried == 1
    clock.advance(timedelta(minutes=10))
    stats = await worker.drain()
    assert stats.failed == 1 and stats.reasons == {"502 BadGateway": 1}
    async with db.session() as session:
        row = (await session.exec(select(Delivery))).one()
    assert (row.status, row.attempts, row.last_error) == ("failed", 3, "502 BadGateway")


async def test_two_workers_share_the_tenants_and_send_each_row_once(
    database_url: str, db: Database
) -> None:
    clock = FixedClock(NOW)
    connector = ClockedConnector(clock)
    await seed_fanout(db, pupils=200, tenants=4, service_url="http://unused/", now=NOW)
    other_db = Database.from_url(database_url)
    try:
        first = _worker(db, connector, clock, name="a", tenant_limits=parse_limits("20/1"))
        second = _worker(other_db, connector, clock, name="b", tenant_limits=parse_limits("20/1"))
        async with db.session() as session:  # both are alive before the fan-out starts
            for worker in (first, second):
                await outbox.take_lease(
                    session=session,
                    key=outbox.WORKER_KEY + worker.name,
                    holder=worker.name,
                    now=NOW,
                    ttl=timedelta(seconds=30),
                )
        a, b = await asyncio.gather(first.drain(), second.drain())
    finally:
        await other_db.close()
    conversations = [conversation for _, conversation in connector.sent]
    assert len(conversations) == len(set(conversations)) == 200
    assert a.sent and b.sent  # each took its share of the tenants
    assert a.sent + b.sent == 200
    assert await _statuses(db) == {"sent": 200}


async def test_a_worker_that_loses_its_lease_stops_and_gives_the_rows_back(db: Database) -> None:
    clock = FixedClock(NOW)
    connector = ClockedConnector(clock)
    await seed_fanout(db, pupils=100, tenants=1, service_url="http://unused/", now=NOW)
    worker = _worker(db, connector, clock, name="a", tenant_limits=parse_limits("10/1"))
    original = connector.send

    async def send_then_lose(*args: Any) -> str | None:
        if len(connector.sent) == 30:  # someone else holds the lane now (a's lease lapsed)
            async with db.session() as session:
                await outbox.drop_leases(session=session, keys=["tenant-000"], holder="a")
                await outbox.take_lease(
                    session=session,
                    key="tenant-000",
                    holder="b",
                    now=clock.now(),
                    ttl=timedelta(hours=1),
                )
        return await original(*args)

    connector.send = send_then_lose  # type: ignore[method-assign]
    stats = await worker.drain()
    assert 30 <= stats.sent < 100
    counts = await _statuses(db)
    assert counts == {"sent": stats.sent, "pending": 100 - stats.sent}  # none left "sending"


async def _class_with_mentor(db: Database, connector: FakeConnector, *, chat: bool) -> Person:
    await seed_fanout(db, pupils=1, tenants=1, service_url=connector.url, now=NOW, mentor=True)
    async with db.session() as session:
        pupil = (await session.exec(select(Person).where(Person.role == "pupil"))).one()
        mentor = (await session.exec(select(Person).where(Person.role == "mentor"))).one()
        assert pupil.id is not None and mentor.id is not None
        session.add(MentorLink(team_id=pupil.team_id, pupil_id=pupil.id, mentor_id=mentor.id))
        if not chat:
            found = await people.personal_chat(session=session, teams_user_id=pupil.teams_user_id)
            assert found is not None
            await session.delete(found)
    return pupil


@asynccontextmanager
async def _graph_worker(db: Database, connector: FakeConnector) -> AsyncIterator[DeliveryWorker]:
    """A worker talking to the fake Bot Connector and Graph on loopback."""
    client = ConnectorClient(no_token)
    graph = GraphInstaller(
        base_url=connector.url,
        teams_app_id="00000000-0000-0000-0000-00000000b07",
        tokens=lambda _tenant: no_token(),
        monotonic=lambda: 0.0,
    )
    try:
        yield _worker(db, client, FixedClock(NOW), graph=graph)
    finally:
        await client.close()
        await graph.close()


async def test_a_pupil_who_blocked_the_bot_is_left_alone_and_the_mentor_told_once(
    db: Database,
) -> None:
    async with FakeConnector() as connector:
        pupil = await _class_with_mentor(db, connector, chat=True)
        connector.graph_status = 409  # the app is installed: the pupil blocked it
        connector.fail_next(1, 403, path_contains="pupil")
        async with _graph_worker(db, connector) as worker:
            stats = await worker.drain()
            assert stats.reasons == {"403 ConversationBlockedByUser": 1}
            assert connector.installs == [pupil.aad_object_id]
            mentor_texts = connector.texts("a:1personal-29-tenant-000-mentor")
            assert len(mentor_texts) == 1 and "Leerling 0" in mentor_texts[0]
            # the next morning: nothing goes out to the pupil, and the mentor hears nothing new
            connector.clear()
            async with db.session() as session:
                await deliveries.enqueue(
                    session=session,
                    deliveries=[
                        NewDelivery(
                            team_id=pupil.team_id,
                            prompt="checkin_start",
                            day=DAY + timedelta(days=1),
                            recipient=Recipient.person(pupil.id or 0),
                            payload={"text": "Goedemorgen"},
                            not_before=NOW,
                        )
                    ],
                    now=NOW,
                )
            stats = await worker.drain()
            assert stats.reasons == {"person blocked the bot": 1}
            assert connector.requests == []


async def test_the_app_is_installed_through_graph_and_the_message_sent_after_all(
    db: Database,
) -> None:
    async with FakeConnector() as connector:
        pupil = await _class_with_mentor(db, connector, chat=False)
        connector.fail_next(1, 403, path_contains="/v3/conversations")  # not installed for them
        async with _graph_worker(db, connector) as worker:
            stats = await worker.drain()
        assert stats.sent == 1 and stats.failed == 0
        assert connector.installs == [pupil.aad_object_id]
        assert len(connector.created()) == 2  # refused, then opened after the install
        assert connector.texts() == ["Goedemorgen 29:tenant-000-pupil-00000"]
        async with db.session() as session:
            chat = (await session.exec(select(PersonalChat))).one()
        assert chat.blocked_at is None and chat.conversation_id


async def test_without_the_graph_permission_the_pupil_is_marked_unreachable(
    db: Database,
) -> None:
    async with FakeConnector() as connector:
        pupil = await _class_with_mentor(db, connector, chat=False)
        connector.graph_status = 403
        connector.fail_next(1, 403, path_contains="/v3/conversations")
        async with _graph_worker(db, connector) as worker:
            stats = await worker.drain()
        assert stats.failed == 1
        async with db.session() as session:
            chat = await people.personal_chat(session=session, teams_user_id=pupil.teams_user_id)
            notices = (
                await session.exec(select(Delivery).where(col(Delivery.prompt) == "unreachable"))
            ).all()
        assert chat is not None and chat.blocked_at is not None and chat.conversation_id == ""
        assert [n.status for n in notices] == ["sent"]


async def test_a_tenant_that_disabled_the_bot_fails_its_rows_without_blaming_the_pupils(
    db: Database,
) -> None:
    async with FakeConnector() as connector:
        await seed_fanout(db, pupils=40, tenants=1, service_url=connector.url, now=NOW, mentor=True)
        connector.fail_next(40, 403, code="BotDisabledByAdmin")
        async with _graph_worker(db, connector) as worker:
            stats = await worker.drain()
        assert stats.reasons == {"403 BotDisabledByAdmin": 40}
        # the first answer told it all: only the calls already under way reached Teams
        assert len(connector.sent()) <= worker.concurrency
        assert connector.installs == []  # nothing to install: the app itself is off
        async with db.session() as session:
            chats = (await session.exec(select(PersonalChat))).all()
            notices = (
                await session.exec(select(Delivery).where(col(Delivery.prompt) == "unreachable"))
            ).all()
        assert [chat.blocked_at for chat in chats] == [None] * 40  # no pupil is marked
        assert notices == []  # and no mentor is told their pupil blocked the bot


async def test_without_reading_the_catalogue_the_app_is_found_through_a_colleague(
    db: Database,
) -> None:
    async with FakeConnector() as connector:
        pupil = await _class_with_mentor(db, connector, chat=False)
        async with db.session() as session:  # the mentor talks to the bot, so has the app
            mentor = (await session.exec(select(Person).where(Person.role == "mentor"))).one()
            mentor.aad_object_id = "aad-mentor"
            session.add(mentor)
            await people.remember_personal_chat(
                session=session,
                teams_user_id=mentor.teams_user_id,
                tenant_id="tenant-000",
                service_url=connector.url,
                conversation_id="a:1personal-mentor",
                now=NOW,
            )
        connector.catalog_status = 403  # no AppCatalog.Read.All
        connector.with_app.add("aad-mentor")
        connector.fail_next(1, 403, path_contains="/v3/conversations")
        async with _graph_worker(db, connector) as worker:
            stats = await worker.drain()
        assert stats.sent == 1 and stats.failed == 0
        assert connector.installs == [pupil.aad_object_id]
        assert connector.install_bindings == [
            f"{connector.url.rstrip('/')}/v1.0/appCatalogs/teamsApps/{CATALOG_APP_ID}"
        ]
        looked_up = [r.path for r in connector.requests if r.method == "GET"]
        assert "/v1.0/users/aad-mentor/teamwork/installedApps" in looked_up


async def test_with_nobody_to_learn_the_app_id_from_the_pupil_is_reported(db: Database) -> None:
    async with FakeConnector() as connector:
        await _class_with_mentor(db, connector, chat=False)
        connector.catalog_status = 403
        connector.fail_next(1, 403, path_contains="/v3/conversations")
        async with _graph_worker(db, connector) as worker:
            stats = await worker.drain()
        assert stats.failed == 1 and connector.installs == []
        async with db.session() as session:
            notices = (
                await session.exec(select(Delivery).where(col(Delivery.prompt) == "unreachable"))
            ).all()
        assert len(notices) == 1  # the mentor hears of it
