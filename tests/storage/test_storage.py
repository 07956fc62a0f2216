"""Storage on SQLite and PostgreSQL: migrations, natural keys, the outbox claim."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, timedelta

import pytest
from sqlalchemy.exc import IntegrityError

from domain.contacts import ContactKind
from domain.recipient import Recipient
from storage import checkins, contacts, deliveries, outbox, people, teams
from storage.db import Database
from storage.deliveries import NewDelivery
from storage.models import CheckIn, Person, Team
from storage.people import MemberInfo

NOW = datetime(2026, 11, 23, 8, 0, tzinfo=UTC)


async def _team(db: Database) -> Team:
    async with db.session() as session:
        team, created = await teams.upsert_team(
            session=session,
            teams_id="19:abc@thread.tacv2",
            tenant_id="tenant-1",
            name="Groep 1",
            aad_group_id=None,
            service_url="http://127.0.0.1:1/",
            bot_id="28:bot",
            bot_name="Dagritme",
            installed_by="29:a",
            now=NOW,
        )
        assert created
        return team


async def _pupil(db: Database, team: Team, user: str = "29:p") -> Person:
    assert team.id is not None
    async with db.session() as session:
        person, _ = await people.upsert_member(
            session=session, team_id=team.id, member=MemberInfo(user, "Sanne de Vries"), now=NOW
        )
        person.role = "pupil"
        session.add(person)
        return person


async def test_database_answers(db: Database) -> None:
    assert await db.ping()


async def test_team_is_stored_once(db: Database) -> None:
    first = await _team(db)
    async with db.session() as session:
        again, created = await teams.upsert_team(
            session=session,
            teams_id="19:abc@thread.tacv2",
            tenant_id="tenant-1",
            name="Groep 1 (nieuw)",
            aad_group_id=None,
            service_url="http://127.0.0.1:2/",
            bot_id="28:bot",
            bot_name="Dagritme",
            installed_by="29:a",
            now=NOW,
        )
    assert not created
    assert again.id == first.id
    assert again.name == "Groep 1 (nieuw)"


async def test_person_once_per_team(db: Database) -> None:
    team = await _team(db)
    await _pupil(db, team)
    assert team.id is not None
    with pytest.raises(IntegrityError):
        async with db.session() as session:
            session.add(Person(team_id=team.id, teams_user_id="29:p", name="dubbel"))


async def test_timestamps_come_back_aware_utc(db: Database) -> None:
    team = await _team(db)
    async with db.session() as session:
        stored = await teams.get_team(session=session, team_id=team.id or 0)
    assert stored is not None
    assert stored.installed_at == NOW
    assert stored.installed_at.tzinfo is not None


async def test_one_checkin_per_pupil_day_kind(db: Database) -> None:
    team = await _team(db)
    pupil = await _pupil(db, team)
    assert team.id is not None and pupil.id is not None
    day = date(2026, 11, 23)
    async with db.session() as session:
        first = await checkins.create_checkin(
            session=session,
            team_id=team.id,
            pupil_id=pupil.id,
            day=day,
            kind="start",
            mood=4,
            goals=["rekenen"],
            now=NOW,
        )
        second = await checkins.create_checkin(
            session=session,
            team_id=team.id,
            pupil_id=pupil.id,
            day=day,
            kind="start",
            mood=1,
            now=NOW,
        )
    assert first[1]
    assert first[0].goals == ["rekenen"]
    assert not second[1]
    assert second[0].id == first[0].id
    async with db.session() as session:
        stored = await checkins.get_checkin(
            session=session, pupil_id=pupil.id, day=day, kind="start"
        )
    assert stored is not None
    assert stored.mood == 4


async def test_database_refuses_impossible_mood(db: Database) -> None:
    team = await _team(db)
    pupil = await _pupil(db, team)
    assert team.id is not None and pupil.id is not None
    with pytest.raises(IntegrityError):
        async with db.session() as session:
            session.add(
                CheckIn(
                    team_id=team.id,
                    pupil_id=pupil.id,
                    day=date(2026, 11, 23),
                    kind="start",
                    mood=9,
                    created_at=NOW,
                )
            )


def _delivery(team: Team, recipient: str, *, prompt: str = "checkin_start") -> NewDelivery:
    assert team.id is not None
    return NewDelivery(
        team_id=team.id,
        prompt=prompt,
        day=date(2026, 11, 23),
        recipient=Recipient.parse(recipient),
        payload={"text": "hallo"},
        not_before=NOW,
    )


async def test_outbox_keeps_one_row_per_natural_key(db: Database) -> None:
    team = await _team(db)
    async with db.session() as session:
        first = await deliveries.enqueue(
            session=session,
            deliveries=[_delivery(team, "channel:c1"), _delivery(team, "channel:c2")],
            now=NOW,
        )
        again = await deliveries.enqueue(
            session=session,
            deliveries=[_delivery(team, "channel:c1"), _delivery(team, "channel:c3")],
            now=NOW,
        )
    assert (first, again) == (2, 1)
    async with db.session() as session:
        assert await outbox.counts(session=session) == {"pending": 3}


async def test_claim_takes_each_row_once_and_gives_orphans_back(db: Database) -> None:
    team = await _team(db)
    async with db.session() as session:
        await deliveries.enqueue(
            session=session,
            deliveries=[_delivery(team, f"channel:c{i}") for i in range(5)],
            now=NOW,
        )
    async with db.session() as session:
        first = await outbox.claim(session=session, now=NOW, limit=3, token="dead")
    async with db.session() as session:
        second = await outbox.claim(session=session, now=NOW, limit=10, tenant="tenant-1")
    assert len(first) == 3
    assert len(second) == 2
    assert not {r.id for r in first} & {r.id for r in second}
    async with db.session() as session:
        assert await outbox.claim(session=session, now=NOW, limit=10) == []
        assert await outbox.claim(session=session, now=NOW, limit=10, tenant="other") == []
        assert await outbox.due_tenants(session=session, now=NOW) == {"tenant-1": 5}
    # the worker that claimed `first` died: the lane's next holder puts its rows back
    async with db.session() as session:
        released = await outbox.release_claims(
            session=session, tenant="tenant-1", keep_token=second[0].claim_token
        )
    assert released == 3
    async with db.session() as session:
        recovered = await outbox.claim(session=session, now=NOW, limit=10)
    assert {r.id for r in recovered} == {r.id for r in first}
    assert all(r.attempts == 2 for r in recovered)


async def test_unclaimed_rows_are_as_if_never_claimed(db: Database) -> None:
    team = await _team(db)
    async with db.session() as session:
        await deliveries.enqueue(
            session=session, deliveries=[_delivery(team, "channel:c1")], now=NOW
        )
    async with db.session() as session:
        (row,) = await outbox.claim(session=session, now=NOW, limit=1, token="mine")
    assert row.id is not None
    async with db.session() as session:
        await outbox.unclaim(session=session, ids=[row.id], token="not-mine")
        assert await outbox.claim(session=session, now=NOW, limit=1) == []
        await outbox.unclaim(session=session, ids=[row.id], token="mine")
    async with db.session() as session:
        (again,) = await outbox.claim(session=session, now=NOW, limit=1)
    assert again.attempts == 1


async def test_a_lease_has_one_holder_until_it_lapses(db: Database) -> None:
    ttl = timedelta(seconds=30)
    async with db.session() as session:
        assert await outbox.take_lease(session=session, key="t", holder="a", now=NOW, ttl=ttl)
        assert not await outbox.take_lease(session=session, key="t", holder="b", now=NOW, ttl=ttl)
        later = NOW + timedelta(seconds=20)
        assert await outbox.take_lease(session=session, key="t", holder="a", now=later, ttl=ttl)
        # renewed at +20 s, so still a's at +40 s
        at_40 = NOW + timedelta(seconds=40)
        assert not await outbox.take_lease(session=session, key="t", holder="b", now=at_40, ttl=ttl)
        at_50 = NOW + timedelta(seconds=50)
        assert await outbox.take_lease(session=session, key="t", holder="b", now=at_50, ttl=ttl)
        await outbox.drop_leases(session=session, keys=["t"], holder="a")  # not a's any more
        assert not await outbox.take_lease(session=session, key="t", holder="c", now=at_50, ttl=ttl)
        await outbox.drop_leases(session=session, keys=["t"], holder="b")
        assert await outbox.take_lease(session=session, key="t", holder="c", now=at_50, ttl=ttl)


async def test_live_workers_are_counted_by_heartbeat(db: Database) -> None:
    ttl = timedelta(seconds=30)
    async with db.session() as session:
        for name in ("a", "b"):
            key = outbox.WORKER_KEY + name
            await outbox.take_lease(session=session, key=key, holder=name, now=NOW, ttl=ttl)
        await outbox.take_lease(session=session, key="tenant-1", holder="a", now=NOW, ttl=ttl)
        assert await outbox.live_workers(session=session, now=NOW) == 2
        assert await outbox.live_workers(session=session, now=NOW + ttl) == 0


async def test_finish_needs_the_claim(db: Database) -> None:
    team = await _team(db)
    async with db.session() as session:
        await deliveries.enqueue(
            session=session, deliveries=[_delivery(team, "channel:c1")], now=NOW
        )
    async with db.session() as session:
        (row,) = await outbox.claim(session=session, now=NOW, limit=1)
    assert row.id is not None
    async with db.session() as session:
        assert not await outbox.finish(
            session=session, delivery_id=row.id, claim_token="not-mine", status="sent", now=NOW
        )
        assert await outbox.finish(
            session=session,
            delivery_id=row.id,
            claim_token=row.claim_token or "",
            status="sent",
            now=NOW,
            activity_id="1:a",
        )


async def test_health_counts_the_failures_of_the_last_day_by_when_they_failed(
    db: Database,
) -> None:
    team = await _team(db)
    two_days_ago = NOW - timedelta(days=2)
    async with db.session() as session:  # both rows were written two days ago
        await deliveries.enqueue(
            session=session,
            deliveries=[
                replace(_delivery(team, recipient), not_before=two_days_ago)
                for recipient in ("channel:c1", "channel:c2")
            ],
            now=two_days_ago,
        )

    async def fail_one(at: datetime, reason: str) -> None:
        async with db.session() as session:
            (row,) = await outbox.claim(session=session, now=at, limit=1)
            assert row.id is not None and row.claim_token is not None
            await outbox.finish(
                session=session,
                delivery_id=row.id,
                claim_token=row.claim_token,
                status="failed",
                now=at,
                error=reason,
            )

    await fail_one(two_days_ago, "403 ConversationBlockedByUser")  # long ago: not news
    await fail_one(NOW - timedelta(hours=1), "503 ServiceUnavailable")  # the last retry, now
    async with db.session() as session:
        health = await outbox.health(session=session, now=NOW)
    assert health["failed_last_24h"] == 1
    assert health["failed_reasons"] == {"503 ServiceUnavailable": 1}


async def test_colleagues_to_learn_the_app_id_from_are_those_the_bot_can_reach(
    db: Database,
) -> None:
    team = await _team(db)
    assert team.id is not None
    async with db.session() as session:
        for index, user in enumerate(("29:recent", "29:older", "29:blocked", "29:nochat")):
            await people.upsert_member(
                session=session,
                team_id=team.id,
                member=MemberInfo(user, user, aad_object_id=f"aad-{user[3:]}"),
                now=NOW,
            )
            if user == "29:nochat":
                continue
            chat = await people.remember_personal_chat(
                session=session,
                teams_user_id=user,
                tenant_id="tenant-1",
                service_url="http://127.0.0.1:1/",
                conversation_id=f"a:{user}",
                now=NOW - timedelta(hours=index),
            )
            if user == "29:blocked":
                chat.blocked_at = NOW
                session.add(chat)
        await people.remember_personal_chat(  # someone in another school's tenant
            session=session,
            teams_user_id="29:elsewhere",
            tenant_id="tenant-2",
            service_url="http://127.0.0.1:1/",
            conversation_id="a:elsewhere",
            now=NOW,
        )
    async with db.session() as session:
        found = await people.reachable_aad_ids(session=session, tenant_id="tenant-1")
    assert found == ["aad-recent", "aad-older"]


async def test_contacts_are_counted_from_a_day_on(db: Database) -> None:
    team = await _team(db)
    pupil = await _pupil(db, team)
    assert team.id is not None and pupil.id is not None
    async with db.session() as session:
        for number, day in enumerate((date(2026, 11, 2), date(2026, 11, 9), date(2026, 11, 20))):
            await contacts.add_contact(
                session=session,
                team_id=team.id,
                pupil_id=pupil.id,
                author_id=pupil.id,
                day=day,
                kind=ContactKind.CALL,
                minutes=None,
                note=None,
                source=f"test:{number}",
                now=NOW,
            )
    async with db.session() as session:
        since = date(2026, 11, 9)
        assert await contacts.count_since(session=session, pupil_id=pupil.id, since=since) == 2
        later = date(2026, 11, 21)
        assert await contacts.count_since(session=session, pupil_id=pupil.id, since=later) == 0
