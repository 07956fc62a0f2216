"""Digests and signals end to end, on a known week of data."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlmodel import select

from storage.models import CheckIn, ContactLog, Delivery, Person, PupilSignal, Team
from tests.conversations.conftest import Classroom, person_id
from tests.conversations.harness import card_text
from tests.conversations.test_daily_rhythm import local

WEEK = [date(2026, 11, 30) + timedelta(days=i) for i in range(5)]  # Monday 30 Nov – Friday 4 Dec
FRIDAY = WEEK[-1]
CHANNEL = "19:coordinatie@thread.tacv2"
# A team with pupils never gets its coordinators' messages in a channel (pupils read every channel
# of their team): they come in the coordinator's 1:1 chat, whatever the setting said.
COORDINATION = "a:1personal-29-1coord-0001"


async def seed_week(room: Classroom, *, coordinator_channel: str | None = CHANNEL) -> None:
    """Sanne does well, Daan drops out, Noah feels bad and asked for contact, Sanne B is ill."""
    sanne, daan, noah, bakker = [await person_id(room.bot, p) for p in room.pupils]
    mentor = await person_id(room.bot, room.mentor)
    async with room.bot.db.session() as session:
        team = (await session.exec(select(Team))).one()
        team.coordinator_channel_id = coordinator_channel
        session.add(team)
        assert team.id is not None
        rows: list[CheckIn] = []
        for day, mood in zip(WEEK, (4, 4, 5, 4, 4), strict=True):
            rows.append(
                CheckIn(
                    team_id=team.id,
                    pupil_id=sanne,
                    day=day,
                    kind="start",
                    mood=mood,
                    goals=["lezen"],
                    created_at=local(day, 9),
                )
            )
        rows.append(
            CheckIn(
                team_id=team.id,
                pupil_id=sanne,
                day=FRIDAY,
                kind="close",
                mood=5,
                goals=["lezen"],
                goal_status=["done"],
                created_at=local(FRIDAY, 15),
            )
        )
        for day in WEEK[:3]:
            rows.append(
                CheckIn(
                    team_id=team.id,
                    pupil_id=daan,
                    day=day,
                    kind="start",
                    mood=3,
                    created_at=local(day, 9),
                )
            )
        for day, mood in zip(WEEK, (4, 2, 1, 2, 2), strict=True):
            rows.append(
                CheckIn(
                    team_id=team.id,
                    pupil_id=noah,
                    day=day,
                    kind="start",
                    mood=mood,
                    wants_contact=day == WEEK[2],
                    created_at=local(day, 9),
                )
            )
        session.add_all(rows)
        session.add(
            ContactLog(
                team_id=team.id,
                pupil_id=sanne,
                author_id=mentor,
                day=WEEK[2],
                kind="bellen",
                minutes=15,
                source="seed:1",
                created_at=local(WEEK[2], 12),
            )
        )
        session.add(
            ContactLog(
                team_id=team.id,
                pupil_id=noah,
                author_id=mentor,
                day=WEEK[0],
                kind="chat",
                source="seed:2",
                created_at=local(WEEK[0], 12),
            )
        )
        ill = await session.get(Person, bakker)
        assert ill is not None
        ill.paused_until = date(2026, 12, 10)
        session.add(ill)


async def test_friday_brings_daily_and_weekly_digest_to_the_coordinators(
    classroom: Classroom,
) -> None:
    room = classroom
    await seed_week(room)
    await room.bot.tick(local(FRIDAY, 15, 14))
    assert room.connector.cards(COORDINATION) == []
    await room.bot.tick(local(FRIDAY, 15, 15))
    await room.bot.tick(local(FRIDAY, 16, 0))  # a second pass sends nothing twice

    daily, weekly = room.connector.cards(COORDINATION)
    text = card_text(daily)
    assert "Dagoverzicht Digitale School – Groep 1" in text
    assert "2/3 (67%)" in text  # day start: Sanne and Noah of three unpaused pupils
    assert "1/3 (33%)" in text  # day close: Sanne
    assert "Nieuwe signalen (4)" in text
    assert "Daan van der Berg" in text
    assert "2 schooldagen op rij niet ingecheckt" in text
    assert "geen contact gelogd" in text
    assert "lage stemming" in text
    assert "vroeg om contact" in text
    assert "Sanne de Vries" not in text.split("Nieuwe signalen")[1]
    assert "Gepauzeerd: Sanne Bakker" in text
    donut = next(b for b in daily["body"] if b.get("type") == "Chart.Donut")
    assert {d["legend"].split(" ", 1)[1]: d["value"] for d in donut["data"]}["Goed"] == 1

    week = card_text(weekly)
    assert "Weekoverzicht" in week
    bars = next(b for b in weekly["body"] if b.get("type") == "Chart.VerticalBar")
    assert [v["y"] for v in bars["data"]] == [100, 100, 100, 67, 67]
    assert bars["fallback"]["type"] == "TextBlock"
    stacked = next(b for b in weekly["body"] if b.get("type") == "Chart.VerticalBar.Grouped")
    low = next(series for series in stacked["data"] if series["legend"].endswith("Moeilijk"))
    assert [v["y"] for v in low["values"]] == [0, 0, 1, 0, 0]  # Noah's mood 1 on Wednesday
    assert "Fatima el Amrani: 2" in week
    assert "Deze week nog geen contact: Daan van der Berg" in week

    # the class channel never carries names or figures
    class_posts = room.connector.sent(room.world.team_id)
    assert all("Daan" not in str(post) and "Noah" not in str(post) for post in class_posts)

    # each new signal reached the mentor once
    mentor_texts = room.connector.texts(room.chat(room.mentor).conversation_id)
    assert len([t for t in mentor_texts if t.startswith("🔔")]) == 4
    async with room.bot.db.session() as session:
        open_signals = (await session.exec(select(PupilSignal))).all()
    assert {(s.kind) for s in open_signals} == {
        "no_checkin",
        "no_contact",
        "mood_falling",
        "contact_wish",
    }


async def test_the_daily_digest_says_which_messages_did_not_arrive_and_why(
    classroom: Classroom,
) -> None:
    room = classroom
    monday = WEEK[0]
    async with room.bot.db.session() as session:
        team = (await session.exec(select(Team))).one()
        team.coordinator_channel_id = CHANNEL
        session.add(team)
    room.connector.fail_next(1, 403, path_contains="personal-29-1sanne-")  # she blocked the bot
    room.connector.fail_next(6, 503, path_contains="personal-29-1daan-")  # Teams keeps failing
    for minute in range(10):  # the retries, each after its backoff
        await room.bot.tick(local(monday, 9, minute))
    async with room.bot.db.session() as session:
        failed = (await session.exec(select(Delivery).where(Delivery.status == "failed"))).all()
    assert sorted((row.last_error or "")[:3] for row in failed) == ["403", "503"]

    await room.bot.tick(local(monday, 15, 15))
    (daily,) = room.connector.cards(COORDINATION)
    assert (
        "Niet afgeleverde berichten\n2 (1 onbereikbaar, de bot is geblokkeerd of verwijderd; "
        "1 door herhaalde storingen bij Teams)"
    ) in card_text(daily)


async def test_without_a_coordinators_channel_each_coordinator_gets_it(
    classroom: Classroom,
) -> None:
    room = classroom
    await seed_week(room, coordinator_channel=None)
    await room.bot.tick(local(WEEK[1], 15, 30))  # a Tuesday: daily only
    coordinator = room.chat(room.coordinator).conversation_id
    (daily,) = room.connector.cards(coordinator)
    assert "Dagoverzicht" in card_text(daily)
    assert room.connector.cards(room.world.team_id) == [
        c for c in room.connector.cards(room.world.team_id) if "Dagoverzicht" not in card_text(c)
    ]


async def test_signals_resolve_when_the_rule_no_longer_holds(classroom: Classroom) -> None:
    room = classroom
    await seed_week(room)
    await room.bot.tick(local(FRIDAY, 15, 30))
    room.bot.clock.set(local(FRIDAY, 16, 0))
    await room.chat(room.mentor).say("log Daan bellen 20m")
    await room.bot.tick(local(WEEK[0] + timedelta(days=7), 15, 30))
    async with room.bot.db.session() as session:
        signals = (await session.exec(select(PupilSignal))).all()
    resolved = {
        s.kind
        for s in signals
        if s.resolved_at is not None and s.pupil_id == await person_id(room.bot, room.pupils[1])
    }
    assert "no_contact" in resolved


async def test_digest_on_demand(classroom: Classroom) -> None:
    room = classroom
    await seed_week(room)
    room.bot.clock.set(local(FRIDAY, 12, 0))
    chat = room.chat(room.coordinator)
    await chat.say("digest")
    assert "Dagoverzicht" in card_text(room.connector.cards(chat.conversation_id)[-1])
    await chat.say("digest week")
    assert "Weekoverzicht" in card_text(room.connector.cards(chat.conversation_id)[-1])
    (reply,) = await chat.say("digest maand")
    assert reply.startswith("Gebruik")
    (reply,) = await room.chat(room.mentor).say("digest")
    assert "alleen een coördinator" in reply


@pytest.mark.parametrize("threshold", ["3", "drie"])
async def test_thresholds_are_team_settings(classroom: Classroom, threshold: str) -> None:
    room = classroom
    (reply,) = await room.chat(room.coordinator).say(f"instellingen drempel-checkin {threshold}")
    async with room.bot.db.session() as session:
        team = (await session.exec(select(Team))).one()
    if threshold == "3":
        assert reply.startswith("Opgeslagen")
        assert team.signal_missing_days == 3
        await seed_week(room)
        await room.bot.tick(local(FRIDAY, 15, 30))
        async with room.bot.db.session() as session:
            kinds = {s.kind for s in (await session.exec(select(PupilSignal))).all()}
        assert "no_checkin" not in kinds
    else:
        assert reply.startswith("Niet opgeslagen")
        assert team.signal_missing_days == 2


async def test_digest_rows_are_unique_per_day(classroom: Classroom) -> None:
    room = classroom
    await seed_week(room)
    for minute in (15, 20, 25):
        await room.bot.tick(local(FRIDAY, 15, minute))
    async with room.bot.db.session() as session:
        rows = (
            await session.exec(
                select(Delivery).where(Delivery.prompt.in_(["digest_daily", "digest_weekly"]))
            )  # type: ignore[attr-defined]
        ).all()
    assert sorted(r.prompt for r in rows) == ["digest_daily", "digest_weekly"]


async def test_signals_are_evaluated_once_a_day_even_without_coordinators(
    classroom: Classroom,
) -> None:
    room = classroom
    await seed_week(room, coordinator_channel=None)
    async with room.bot.db.session() as session:
        for person in (
            await session.exec(select(Person).where(Person.role == "coordinator"))
        ).all():
            person.role = None
            session.add(person)
    await room.bot.tick(local(FRIDAY, 15, 30))
    await room.bot.tick(local(FRIDAY, 15, 31))
    async with room.bot.db.session() as session:
        rows = (await session.exec(select(Delivery).where(Delivery.prompt == "digest_daily"))).all()
    assert [(r.recipient, r.status) for r in rows] == [
        (f"nobody:team-{rows[0].team_id}", "cancelled")
    ]
    mentor_texts = room.connector.texts(room.chat(room.mentor).conversation_id)
    assert len([t for t in mentor_texts if t.startswith("🔔")]) == 4
