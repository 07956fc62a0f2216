"""A team of 90 pupils with long names and a realistic week: every card the coordinator gets
from `leerlingen`, `digest dag` and `digest week` stays under Teams' 28 KB, and its pages name
every pupil who needs attention."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from sqlmodel import select

from storage.models import (
    CheckIn,
    ContactLog,
    MentorLink,
    OppPlan,
    Person,
    PupilSignal,
    Team,
)
from tests.conversations.conftest import Classroom, person_id
from tests.conversations.harness import Chat, card_text
from tests.conversations.test_daily_rhythm import local

TEAMS_LIMIT = 28 * 1024  # bytes of one message
PUPILS = 90
WEEK = [date(2026, 11, 30) + timedelta(days=i) for i in range(5)]  # Monday 30 Nov – Friday 4 Dec
LAST_WEEK = [day - timedelta(days=7) for day in WEEK]
FRIDAY = WEEK[-1]
COORDINATION = "a:1personal-29-1coord-0001"
FIRST = ["Anne-Fleur", "Mohammed", "Wilhelmina", "Noa-Sophie", "Bartholomeus", "Yasmina"]
LAST = ["van den Heuvel-Vermeulen", "El Idrissi-Bakker", "de Jong-Schoonhoven", "Oudshoorn"]
GOALS = [
    "Hoofdstuk 4 van wiskunde afmaken, met de opgaven over breuken en procenten",
    "Een half uur lezen in mijn boek en daarna de samenvatting voor Nederlands typen",
    "Wandelen met de hond en daarna het werkblad aardrijkskunde over rivieren doen",
]


def name_of(index: int) -> str:
    """A long, unique name (the number keeps "… 07" apart from "… 70")."""
    first = FIRST[index % len(FIRST)]
    last = LAST[index % len(LAST)]
    return f"{first} Catharina Maria {last} {index:02d}"


@dataclass
class Seeded:
    """What the seed made, to know who must be named."""

    names: dict[int, str] = field(default_factory=dict)  # pupil id -> name
    paused: set[int] = field(default_factory=set)
    attention_friday: set[int] = field(default_factory=set)  # at 11:00 on Friday
    without_contact: set[int] = field(default_factory=set)


async def seed_large_team(room: Classroom) -> Seeded:
    """90 pupils of two mentors, two weeks of check-ins, contacts, OPP plans and signals."""
    mentor = await person_id(room.bot, room.mentor)
    seeded = Seeded()
    async with room.bot.db.session() as session:
        team = (await session.exec(select(Team))).one()
        assert team.id is not None
        other = Person(
            team_id=team.id,
            teams_user_id="29:mentor-two",
            name="Gerardus Johannes Maria Oudshoorn-Verhagen",
            role="mentor",
        )
        session.add(other)
        pupils = list(
            (
                await session.exec(
                    select(Person).where(Person.team_id == team.id, Person.role == "pupil")
                )
            ).all()
        )
        for index in range(len(pupils), PUPILS):
            pupil = Person(
                team_id=team.id, teams_user_id=f"29:pupil-{index}", name="", role="pupil"
            )
            session.add(pupil)
            pupils.append(pupil)
        await session.flush()
        assert other.id is not None
        for index, pupil in enumerate(pupils):
            assert pupil.id is not None
            pupil.name = name_of(index)
            seeded.names[pupil.id] = pupil.name
            if index >= 4:  # the classroom's four already have Fatima
                session.add(
                    MentorLink(
                        team_id=team.id,
                        pupil_id=pupil.id,
                        mentor_id=mentor if index % 2 else other.id,
                    )
                )
            if index % 15 == 14:
                pupil.paused_until = FRIDAY + timedelta(days=10)
                seeded.paused.add(pupil.id)
            session.add(pupil)
            _seed_pupil(session, team.id, pupil.id, index, mentor, seeded)
    return seeded


def _seed_pupil(
    session: Any, team_id: int, pupil: int, index: int, mentor: int, seeded: Seeded
) -> None:
    paused = pupil in seeded.paused
    if not paused:
        seeded.attention_friday.add(pupil)  # until a good check-in on Friday says otherwise
    for days, week in ((LAST_WEEK, "last"), (WEEK, "this")):
        for number, day in enumerate(days):
            if paused or (day == FRIDAY and index % 3 == 0) or (index + number) % 6 == 0:
                continue
            mood = 1 + (index * 3 + number + (week == "this")) % 5
            wish = day == FRIDAY and index % 11 == 0
            session.add(
                CheckIn(
                    team_id=team_id,
                    pupil_id=pupil,
                    day=day,
                    kind="start",
                    mood=mood,
                    energy=1 + index % 3,
                    goals=GOALS,
                    wants_contact=wish,
                    created_at=local(day, 9, 5),
                )
            )
            if day == FRIDAY and mood > 2 and not wish:
                seeded.attention_friday.discard(pupil)
    if index % 4 == 0:
        session.add(
            ContactLog(
                team_id=team_id,
                pupil_id=pupil,
                author_id=mentor,
                day=WEEK[2],
                kind="bellen",
                minutes=15,
                note="Gebeld over de planning en het werk van deze week",
                source=f"seed:{pupil}",
                created_at=local(WEEK[2], 12),
            )
        )
    elif not paused:
        seeded.without_contact.add(pupil)
    session.add(
        OppPlan(
            team_id=team_id,
            pupil_id=pupil,
            start_date=FRIDAY - timedelta(weeks=8) + timedelta(days=index % 20 - 5),
            created_at=local(LAST_WEEK[0], 8),
        )
    )
    if index % 2 == 0 or index % 5 == 0:
        session.add(
            PupilSignal(
                team_id=team_id,
                pupil_id=pupil,
                kind="no_contact" if index % 2 == 0 else "plan_not_reached",
                since=WEEK[0],
                detail="9" if index % 2 == 0 else "3",
                detected_at=local(WEEK[1], 15, 15),
            )
        )


def _size(activity: dict[str, Any]) -> int:
    return len(json.dumps(activity).encode())


def _next_button(card: dict[str, Any]) -> dict[str, Any] | None:
    """The data of the card's *Volgende* button, if it has one."""
    for element in card.get("body", []):
        for action in element.get("actions", []) if element.get("type") == "ActionSet" else []:
            data = action.get("data") or {}
            if data.get("verb") == "command" and "▶" in action.get("title", ""):
                return dict(data)
    return None


async def _pages(chat: Chat, line: str) -> list[dict[str, Any]]:
    """Every activity the command `line` gives, then those of each *Volgende* after it."""
    connector = chat.bot.connector
    before = len(connector.sent(chat.conversation_id))
    await chat.say(line)
    activities = connector.sent(chat.conversation_id)[before:]
    while True:
        card = _cards(activities)[-1]
        button = _next_button(card)
        if button is None:
            return activities
        before = len(connector.sent(chat.conversation_id))
        posted = await chat.submit(button)
        assert posted.status == 200
        activities += connector.sent(chat.conversation_id)[before:]
        assert len(activities) <= 20, "pages without end"


def _cards(activities: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [att["content"] for a in activities for att in a.get("attachments") or []]


def _all_text(activities: list[dict[str, Any]]) -> str:
    return "\n".join(card_text(card) for card in _cards(activities))


def _assert_fits(activities: list[dict[str, Any]]) -> None:
    assert activities
    for activity in activities:
        assert _size(activity) < TEAMS_LIMIT, _size(activity)


async def test_leerlingen_of_90_pupils_comes_in_pages_that_name_everyone(
    classroom: Classroom,
) -> None:
    room = classroom
    seeded = await seed_large_team(room)
    room.bot.clock.set(local(FRIDAY, 11))
    coordinator = room.chat(room.coordinator)

    pages = await _pages(coordinator, "leerlingen")
    _assert_fits(pages)
    assert len(pages) > 1
    text = _all_text(pages)
    for name in seeded.names.values():
        assert name in text
    # those who need attention come first: all of them on the first pages, before anyone else
    order = [pid for pid, _ in sorted(seeded.names.items(), key=lambda p: text.index(p[1]))]
    attention = set(order[: len(seeded.attention_friday)])
    assert attention == seeded.attention_friday
    assert "Pagina 2 van" in text

    only = await _pages(coordinator, "leerlingen alleen aandacht")
    _assert_fits(only)
    shown = _all_text(only)
    for pupil, name in seeded.names.items():
        assert (name in shown) == (pupil in seeded.attention_friday), name

    english = room.chat(room.coordinator, locale="en-US")
    second = await english.say("pupils attention only 2")
    assert "Page 2 of" in second[-1]
    beyond = await coordinator.say("leerlingen 9")
    assert beyond[0] == "Er zijn 5 pagina's; dit is de laatste."
    assert "Pagina 5 van 5" in beyond[1]
    assert (await coordinator.say("leerlingen 0"))[0].startswith("Gebruik: **leerlingen**")
    assert (await coordinator.say("leerlingen sanne"))[0].startswith("Gebruik: **leerlingen**")


async def test_digests_of_90_pupils_fit_and_name_every_signal(classroom: Classroom) -> None:
    room = classroom
    seeded = await seed_large_team(room)
    await room.bot.tick(local(FRIDAY, 15, 15))
    sent = [
        a
        for a in room.connector.sent(COORDINATION)
        if any("overzicht" in card_text(c) for c in _cards([a]))
    ]
    assert len(sent) == 2  # the first page of the daily and of the weekly digest
    _assert_fits(sent)
    _, weekly = _cards(sent)
    assert _next_button(weekly) is not None  # a week of 90 pupils takes more than one page

    coordinator = room.chat(room.coordinator)
    async with room.bot.db.session() as session:
        found = (await session.exec(select(PupilSignal))).all()
    new_today = {s.pupil_id for s in found if s.detected_at and s.detected_at >= local(FRIDAY, 0)}
    still_open = {s.pupil_id for s in found if s.resolved_at is None}
    assert len(new_today) > 5 and len(still_open) > 30
    for line, named in (
        ("digest dag", new_today),
        ("digest week", still_open | seeded.without_contact),
    ):
        pages = await _pages(coordinator, line)
        _assert_fits(pages)
        text = _all_text(pages)
        for pupil in named:
            assert seeded.names[pupil] in text, (line, seeded.names[pupil])

    (future,) = await coordinator.say("digest week 2027-01-08")
    assert future.startswith("Die dag is nog niet geweest")
    (usage,) = await coordinator.say("digest maand")
    assert usage.startswith("Gebruik: **digest**")
    (earlier,) = await coordinator.say("digest dag 1-12")
    assert "dinsdag 1 december 2026" in earlier and "Dagoverzicht" in earlier

    # the proactive weekly digest's button goes on with that week, page 2
    button = _next_button(weekly)
    assert button is not None and button["text"] == f"digest week {FRIDAY.isoformat()} 2"
    before = len(room.connector.sent(COORDINATION))
    await coordinator.submit(button)
    (second,) = _cards(room.connector.sent(COORDINATION)[before:])
    assert "Weekoverzicht" in card_text(second) and "Pagina 2 van" in card_text(second)


async def test_the_week_compared_is_written_as_each_language_writes_it(
    classroom: Classroom,
) -> None:
    room = classroom
    await seed_large_team(room)
    room.bot.clock.set(local(FRIDAY, 16))
    facts: dict[str, list[str]] = {}
    for lang, locale in (("nl", "nl-NL"), ("en", "en-US")):
        chat = room.chat(room.coordinator, locale=locale)
        before = len(room.connector.sent(chat.conversation_id))
        await chat.say("digest week")
        (card,) = _cards(room.connector.sent(chat.conversation_id)[before:])
        factset = next(b for b in card["body"] if b.get("type") == "FactSet")
        facts[lang] = [fact["value"] for fact in factset["facts"]]
    rate, mood, contacts = facts["nl"]
    assert re.fullmatch(r"\d{1,3}% \((?:[+−]\d+|0)\)", rate), rate
    assert re.fullmatch(r"\d,\d \((?:[+−]\d,\d|0,0)\)", mood), mood
    assert re.fullmatch(r"\d+ \((?:[+−]\d+|0)\)", contacts), contacts
    assert "-" not in rate + mood + contacts  # a real minus sign, not a hyphen
    rate_en, mood_en, contacts_en = facts["en"]
    assert rate_en == rate and contacts_en == contacts
    assert mood_en == mood.replace(",", ".")
