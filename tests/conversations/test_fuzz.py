"""Property-based: thousands of odd activities, never a 5xx, and only valid effects stored.

Hypothesis draws the activities first (it draws synchronously); they are then posted, one by
one, to the running app in the test's event loop. Every few hundred the team is put back in
shape (roles, links, pauses), so that a fuzzed `rol` or `wis` early on does not leave the rest
of the run talking to a team without pupils.
"""

from __future__ import annotations

import copy
import json
import logging
import os
import time
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from sqlmodel import select

import dialogs.registry  # noqa: F401  (every command and card action on the router)
from cards.checkin_answers import GOAL_MAX_CHARS, GOAL_STATUS, MAX_GOALS, NOTE_MAX_CHARS
from dialogs.router import router
from domain.calendar import REGIONS
from domain.contacts import KINDS, MAX_NOTE
from domain.due import DayTimes
from domain.opp import PARTICIPANTS
from domain.setting_readers import MAX_FREE_DAYS
from domain.team_settings import THRESHOLDS
from storage import people
from storage.models import (
    CheckIn,
    ContactLog,
    Delivery,
    MentorLink,
    OppEvaluation,
    OppPlan,
    Person,
    Team,
    TeamFreeDay,
)
from tests.conversations.conftest import Classroom
from tests.conversations.test_daily_rhythm import MONDAY, local
from tests.support import activities
from tests.support.activities import TeamsWorld

# 10,000 activities in all: this many on each of the two databases.
ACTIVITIES = int(os.environ.get("DAGRITME_FUZZ_ACTIVITIES", "5000"))
RESTORE_EVERY = 500
START_NOW = local(MONDAY, 9, 0)
BATCH = 10  # activities drawn per Hypothesis example (fewer examples, less overhead each)

UNICODE_DIGITS = ["²", "٣", "５", "١٢", "߃", "௫", "Ⅻ", "½", "𝟓", "३०", "٣٠", "①"]
HUGE = [
    "99999999999u",
    "1e309",
    "-1e309",
    "9" * 5000,
    "NaN",
    "Infinity",
    "-0",
    "0x1F",
    "1_000",
    "0" * 40 + "1",
    str(2**31),
    str(2**63),
    str(-(2**31) - 1),
]
NUMBERISH = (
    st.sampled_from(UNICODE_DIGITS + HUGE)
    | st.integers(-3, 1000).map(str)
    | st.integers(-(10**40), 10**40).map(str)
)
UNITS = ["", "m", "u", "min", " uur", "h", "u30", "-11", "-11-2026", "-2-2999", " weken", " nov"]
NUMBER_WORD = st.builds(lambda n, u: n + u, NUMBERISH, st.sampled_from(UNITS))
NAMES = [
    "Sanne",
    "Sanne de Vries",
    "Daan",
    "Noah Bakker",
    "Fatima",
    "Marieke",
    "#1",
    "#3",
    "#²",
    "#٣",
    "#99999999999",
    "#" + "9" * 5000,
    "@Sanne",
    '"Daan"',
    "sanne b",
    "Niemand",
]
WORDS = [
    *KINDS,
    "feest",
    "leerling",
    "mentor",
    "coördinator",
    "geen",
    "aan",
    "tot",
    "t/m",
    "start",
    "elke",
    "weken",
    "geëvalueerd",
    "met",
    "ouders",
    "gisteren",
    "morgen",
    "vrijdag",
    "vandaag",
    "12-11",
    "31-02",
    "2026-11-20",
    "1-1-2999",
    "ja",
    "nee",
    "week",
    "dag",
    "opp",
    "drempelstemming",
    "drempelcheckin",
    "vrij",
    "regio",
    "noord",
    "link",
    "https://example.nl/x",
]
ARG = st.sampled_from(NAMES) | st.sampled_from(WORDS) | NUMBER_WORD | st.text(max_size=15)
COMMAND_LINE = st.builds(
    lambda word, args: " ".join([word, *args]),
    st.sampled_from(sorted(router.commands)),
    st.lists(ARG, max_size=6),
)
ODD_TEXT = (
    COMMAND_LINE
    | COMMAND_LINE
    | st.text(max_size=300)
    | st.sampled_from(
        [
            "",
            " ",
            "\u0000",
            "\ud800",
            "log Sanne bellen 15m half \udfff paar",
            "log Sanne bellen 15m nul \u0000 teken",
            "🙂" * 50,
            "<at>x</at>",
            "log",
            "rol",
            "koppel x aan",
            "opp x start",
            "instellingen start 25:99",
            "log Daan bellen 99999m",
            "log Sanne bellen 99999999999u",
            "contacten Sanne ²",
            "leerling #²",
            "wis Daan",
            "ñ" * 2000,
        ]
    )
)
JSONISH = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(-(10**12), 10**12)
    | st.integers(-(10**40), 10**40)
    | st.floats(allow_nan=False)
    | st.text(max_size=40)
    | st.sampled_from(UNICODE_DIGITS + HUGE),
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=10), inner, max_size=4)
    ),
    max_leaves=12,
)


@dataclass(frozen=True)
class Deep:
    """A JSON value nested `depth` levels deep, written into the body as text (json.dumps
    itself would give up on the deepest ones)."""

    depth: int
    kind: str

    def marker(self) -> str:
        return f"@@deep:{self.kind}:{self.depth}@@"

    def text(self) -> str:
        if self.kind == "list":
            return "[" * self.depth + "1" + "]" * self.depth
        return '{"a":' * self.depth + "1" + "}" * self.depth


DEEP = st.builds(
    Deep,
    # around the server's limit (64, the envelope included), and far past it
    st.integers(1, 70)
    | st.sampled_from([2, 10, 50, 60, 61, 62, 63, 64, 65, 100, 999, 1000, 1001, 5000, 50000]),
    st.sampled_from(["list", "dict"]),
)


@dataclass
class World:
    """What the strategies may refer to: the class, a second team, ids the bot has used."""

    room: Classroom
    other: TeamsWorld
    team_ids: tuple[int, int]
    person_ids: tuple[int, ...]
    activity_ids: tuple[str, ...]

    def __post_init__(self) -> None:
        self.card_values = card_value(self)


def forged_ids(known: tuple[int, ...]) -> st.SearchStrategy[Any]:
    """Ids in card data: real ones (of anyone, any team) and every odd form of a number."""
    return (
        st.sampled_from(known)
        | st.sampled_from(known).map(str)
        | st.integers(-3, 40)
        | st.sampled_from(UNICODE_DIGITS + HUGE)
        | st.sampled_from([10**30, 2**31, 2**63, -(2**31), 0, True, False, None, 1.0, [1]])
        | JSONISH
    )


VERBS = sorted(router.card_actions)


def card_value(world: World) -> st.SearchStrategy[dict[str, Any]]:
    """An Action.Submit's data: a verb of ours (or not), our fields, extra and odd ones."""
    ours = st.fixed_dictionaries(
        {
            "verb": st.sampled_from([*VERBS, *VERBS, "x", ""]) | JSONISH,
            # our cards always carry the team; a forged one names another, or no number at all
            "team": st.sampled_from(world.team_ids[:1])
            | st.sampled_from(world.team_ids)
            | st.sampled_from(["²", "٣", "５", "-1", -1, 0, 10**30, str(10**30), "9" * 5000])
            | forged_ids(world.team_ids),
        },
        optional={
            "day": st.just(MONDAY.isoformat())
            | st.sampled_from(
                [
                    *("2026-11-23", "2026-11-24", "2026-11-22", "1900-01-01", "2026-02-30"),
                    *("morgen", "20261123", "2026-W48-1", "２０２６-11-23", "9999-12-31"),
                ]
            )
            | JSONISH,
            "mood": st.sampled_from(["1", "2", "3", "4", "5"])
            | st.sampled_from(["0", "6", "9", "-1", "", "3.5", " 2 "])
            | NUMBERISH
            | JSONISH,
            "energy": NUMBERISH | JSONISH,
            "goal1": st.text(max_size=150)
            | st.sampled_from(["a\x00b", "\ud800", "\x1b[31m"])
            | JSONISH,
            "goal2": st.sampled_from([*GOAL_STATUS, "half"]) | st.text(max_size=110),
            "contact": st.sampled_from(["true", "false", "misschien", True])
            | forged_ids((1, 2, 3)),
            "note": st.text(max_size=600) | JSONISH,
            "agreements": st.text(max_size=600) | JSONISH,
            "pupil": forged_ids(world.person_ids),
            "alert": forged_ids((1, 2, 3)),
            "person": forged_ids(world.person_ids),
            "kind": st.sampled_from([*KINDS, "feest"]) | JSONISH,
            "minutes": NUMBERISH | JSONISH,
            "nonce": st.text(min_size=0, max_size=70),
            "participants": st.text(max_size=40) | st.sampled_from(["ouders,mentor", "x,ouders"]),
            "text": ODD_TEXT,
            "start": st.sampled_from(["07:00", "9:00", "25:99", "٩:٠٠"]) | JSONISH,
            "opp_cycle_weeks": NUMBERISH | JSONISH,
            "signal_mood_drop": NUMBERISH | JSONISH,
            "free_days": st.lists(st.sampled_from(WORDS) | NUMBER_WORD, max_size=4).map(", ".join),
            "msteams": JSONISH,
        },
    )
    extra = st.dictionaries(st.text(max_size=12), JSONISH, max_size=3)
    return st.builds(lambda value, more: {**more, **value}, ours, extra)


# Fields to drop or replace; the least destructive first (Hypothesis leans towards the first).
FIELDS = st.sampled_from(
    [
        "extra-field",
        "replyToId",
        "locale",
        "entities",
        "attachments",
        "value",
        "channelData",
        "text",
        "id",
        "channelId",
        "membersAdded",
        "membersRemoved",
        "serviceUrl",
        "recipient",
        "conversation",
        "from",
        "type",
    ]
)


@st.composite
def activity(draw: st.DrawFn, world: World) -> dict[str, Any] | bytes:
    room = world.room
    who = draw(st.sampled_from([*room.pupils, room.mentor, room.coordinator]))
    kind = draw(
        st.sampled_from(
            ["chat", "chat", "card", "card", "channel", "install", "roster", "raw", "deep"]
        )
    )
    if kind == "raw":
        return draw(st.binary(max_size=200))
    if kind == "card":
        base = activities.personal_message(room.world, who, "", value=draw(world.card_values))
    elif kind == "channel":
        base = activities.channel_message(room.world, who, draw(ODD_TEXT))
    elif kind == "install":
        base = activities.install_in_team(draw(st.sampled_from([room.world, world.other])), who)
    elif kind == "roster":
        base = activities.members_removed(room.world, [who], room.coordinator)
        base["membersRemoved"] = [{"id": draw(st.text(max_size=20))}]
    else:
        base = activities.personal_message(room.world, who, draw(ODD_TEXT))
    mutated = copy.deepcopy(base)
    if kind == "deep":
        where = draw(st.sampled_from(["value", "value.note", "value.team", "channelData", "ent"]))
        deep = draw(DEEP)
        if where == "value":
            mutated["value"] = {"verb": "checkin.submit", "x": deep}
        elif where.startswith("value."):
            mutated["value"] = {"verb": draw(st.sampled_from(VERBS)), where[6:]: deep}
        elif where == "channelData":
            mutated["channelData"] = {**mutated["channelData"], "x": deep}
        else:
            mutated["entities"] = [{"type": "clientInfo", "x": deep}]
    if draw(st.integers(0, 3)) == 0:  # a reply to something: ours, elsewhere, or made up
        mutated["replyToId"] = draw(
            st.sampled_from(world.activity_ids) | st.text(max_size=40) | st.just("1:act-1")
        )
    mutated_fields = (
        draw(st.lists(FIELDS, min_size=1, max_size=3)) if draw(st.integers(0, 2)) == 0 else []
    )
    for field in mutated_fields:
        if draw(st.booleans()):
            mutated.pop(field, None)
        else:
            mutated[field] = draw(JSONISH | DEEP)
    return mutated


def serialized(body: dict[str, Any] | bytes) -> bytes:
    """The body as Teams would post it, with the deep values written out as text."""
    if isinstance(body, bytes):
        return body
    deep: list[Deep] = []

    def default(value: object) -> str:
        assert isinstance(value, Deep)
        deep.append(value)
        return value.marker()

    payload = json.dumps(body, default=default)
    for value in deep:
        payload = payload.replace(json.dumps(value.marker()), value.text(), 1)
    return payload.encode()


async def second_team(room: Classroom) -> TeamsWorld:
    """Another team of the same school: its own coordinator and pupil, and our mentor too."""
    other = TeamsWorld(
        service_url=room.connector.url,
        team_id="19:klas2-general@thread.tacv2",
        team_name="Digitale School – Groep 2",
        aad_group_id="1d7c2b63-4f5e-4e3d-9c8b-0f2a1b3c4d5e",
    )
    other.person("coord2", "Joost Visser")
    other.person("pupil2", "Lotte Smit")
    other.people["mentor"] = room.mentor
    room.connector.add_team(
        other.team_id,
        other.team_name,
        tenant_id=other.tenant_id,
        members=list(other.people.values()),
        channels=[(other.team_id, None)],
    )
    posted = await room.bot.post(activities.install_in_team(other, other.people["coord2"]))
    assert posted.status == 200, posted
    return other


async def restore(room: Classroom) -> None:
    """Put the class back as the fixture made it: everyone a member, roles, links, no pause."""
    posted = await room.bot.post(activities.install_in_team(room.world, room.coordinator))
    assert posted.status < 500, posted
    roles = {room.coordinator.id: "coordinator", room.mentor.id: "mentor"}
    roles.update({p.id: "pupil" for p in room.pupils})
    async with room.bot.db.session() as session:
        team = (await session.exec(select(Team).where(Team.teams_id == room.world.team_id))).one()
        assert team.id is not None
        found = {}
        for user_id, role in roles.items():
            person = await people.find_member(
                session=session, team_id=team.id, teams_user_id=user_id
            )
            if person is None:
                continue  # erased and not back in the roster: the rest of the run goes without
            person.role, person.active, person.paused_until = role, True, None
            session.add(person)
            found[user_id] = person
        await session.flush()
        mentor = found.get(room.mentor.id)
        for pupil in room.pupils:
            if mentor is not None and pupil.id in found:
                await people.link_mentor(
                    session=session, pupil=found[pupil.id], mentor=mentor, by=None, now=START_NOW
                )


async def world_of(room: Classroom) -> World:
    other = await second_team(room)
    async with room.bot.db.session() as session:
        teams = (await session.exec(select(Team))).all()
        ours = {t.teams_id: t.id for t in teams if t.id is not None}
        person_ids = tuple(p.id for p in (await session.exec(select(Person))).all() if p.id)
        sent = (await session.exec(select(Delivery.activity_id))).all()
    activity_ids = tuple(a for a in sent if a) + tuple(f"1:act-{n}" for n in range(1, 30))
    team_ids = (ours[room.world.team_id], ours[other.team_id])  # the class first
    return World(room, other, team_ids, person_ids, activity_ids)


def targeted(world: World) -> list[dict[str, Any]]:
    """Activities that once gave a 500, sent in every run whatever Hypothesis draws."""
    room = world.room
    mentor, coordinator, pupil = room.mentor, room.coordinator, room.pupils[0]
    lines = [
        (mentor, "log Sanne bellen 99999999999u"),
        (mentor, "log Sanne bellen 1e309"),
        (mentor, "contacten Sanne ²"),
        (mentor, "contacten Sanne " + "9" * 5000),
        (mentor, "leerling #²"),
        (mentor, "leerling #" + "9" * 5000),
        (mentor, "opp Sanne start 1-9 elke ٣ weken"),
        (mentor, "pauze Sanne tot 1-1-2999"),
        (coordinator, "instellingen opp ²"),
        (coordinator, "instellingen drempelstemming 1e309"),
    ]
    sent = [activities.personal_message(room.world, who, line) for who, line in lines]
    start = {"verb": "checkin.submit", "day": MONDAY.isoformat(), "team": world.team_ids[0]}
    for change in (
        {"mood": "²"},
        {"mood": "9" * 5000},
        {"mood": "3", "team": "²"},
        {"mood": "3", "team": "9" * 5000},
        {"mood": "3", "team": 10**30},
        {"mood": "3", "team": world.team_ids[1]},
        {"mood": "3", "team": str(world.team_ids[1])},
    ):
        sent.append(activities.personal_message(room.world, pupil, "", value={**start, **change}))
    return sent


def draw_activities(world: World, count: int) -> list[dict[str, Any] | bytes]:
    drawn: list[dict[str, Any] | bytes] = []

    @settings(
        max_examples=-(-count // BATCH),
        deadline=None,
        database=None,
        phases=[Phase.generate],
        suppress_health_check=list(HealthCheck),
    )
    @given(data=st.data())
    def examples(data: st.DataObject) -> None:
        drawn.extend(data.draw(st.lists(activity(world), min_size=BATCH, max_size=BATCH)))

    examples()
    return drawn[:count]


async def test_odd_activities_never_break_the_bot(
    classroom: Classroom, caplog: pytest.LogCaptureFixture
) -> None:
    room = classroom
    await room.bot.tick(START_NOW)
    world = await world_of(room)
    started = time.monotonic()
    drawn = [*targeted(world), *draw_activities(world, ACTIVITIES)]
    drawing = time.monotonic() - started
    statuses: dict[int, int] = {}
    for index, body in enumerate(drawn):
        if index % RESTORE_EVERY == 0:
            await restore(room)
        # two seconds apart, so the per-sender limit is not what every message runs into
        room.bot.clock.set(local(MONDAY, 9, 30) + timedelta(seconds=2 * index))
        posted = await room.bot.post(serialized(body))
        statuses[posted.status] = statuses.get(posted.status, 0) + 1
        assert posted.status < 500, (posted, serialized(body)[:2000])
        # the turn's last resort turns a bug into a polite answer and an error in the log
        errors = [r for r in caplog.records if r.levelno >= logging.ERROR]
        found = [f"{r.name}: {r.getMessage()}" for r in errors]
        assert errors == [], (found, serialized(body)[:2000])
        caplog.clear()
    posting = time.monotonic() - started - drawing
    print(f"\n{len(drawn)} activities: drawn in {drawing:.1f}s, posted in {posting:.1f}s")
    print(f"answers: {dict(sorted(statuses.items()))}")
    assert statuses.get(200, 0) > len(drawn) // 3  # most activities got through to the flows
    await assert_valid(room)


async def assert_valid(room: Classroom) -> None:
    """What is stored is what the flows may store, whatever was sent."""
    today = MONDAY
    async with room.bot.db.session() as session:
        persons = {p.id: p for p in (await session.exec(select(Person))).all()}
        teams = (await session.exec(select(Team))).all()
        for team in teams:
            assert 1 <= team.opp_cycle_weeks <= 52
            assert team.region in REGIONS
            for key, (low, high) in THRESHOLDS.items():
                assert low <= getattr(team, key) <= high, key
            times = DayTimes(
                start=team.start_time,
                reminder=team.reminder_time,
                mentor_list=team.mentor_list_time,
                close=team.close_time,
            )
            assert list(times.problems()) == []
            members = [p for p in persons.values() if p.team_id == team.id and p.active]
            if team.removed_at is None and members:
                assert any(p.role == "coordinator" for p in members), team.name
        free = (await session.exec(select(TeamFreeDay))).all()
        for team in teams:
            assert len([d for d in free if d.team_id == team.id]) <= MAX_FREE_DAYS
        for day in free:
            assert date(2000, 1, 1) <= day.day <= date(2100, 12, 31)
        for person in persons.values():
            assert person.role in (None, "pupil", "mentor", "coordinator")
            if person.paused_until is not None:
                assert today <= person.paused_until <= today + timedelta(days=366)
        for link in (await session.exec(select(MentorLink))).all():
            pupil, mentor = persons[link.pupil_id], persons[link.mentor_id]
            assert pupil.team_id == mentor.team_id == link.team_id
            assert (pupil.role, mentor.role) == ("pupil", "mentor")
        for check in (await session.exec(select(CheckIn))).all():
            assert check.day == MONDAY  # the clock never left Monday morning
            assert check.kind in ("start", "close")
            assert 1 <= check.mood <= 5
            assert check.energy is None or 1 <= check.energy <= 3
            assert len(check.goals) <= MAX_GOALS
            assert all(0 < len(goal) <= GOAL_MAX_CHARS for goal in check.goals)
            assert all(s is None or s in GOAL_STATUS for s in check.goal_status)
            assert check.note is None or len(check.note) <= NOTE_MAX_CHARS
            assert persons[check.pupil_id].team_id == check.team_id
        for contact in (await session.exec(select(ContactLog))).all():
            assert today - timedelta(days=366) <= contact.day <= today
            assert contact.kind in KINDS
            assert contact.minutes is None or 1 <= contact.minutes <= 720
            assert contact.note is None or 0 < len(contact.note) <= MAX_NOTE
            assert persons[contact.pupil_id].team_id == contact.team_id
            if contact.author_id is not None:
                assert persons[contact.author_id].team_id == contact.team_id
        for plan in (await session.exec(select(OppPlan))).all():
            assert plan.cycle_weeks is None or 1 <= plan.cycle_weeks <= 52
            assert date(2000, 1, 1) <= plan.start_date <= today + timedelta(days=366)
            assert persons[plan.pupil_id].team_id == plan.team_id
        for evaluation in (await session.exec(select(OppEvaluation))).all():
            assert today - timedelta(days=366) <= evaluation.day <= today
            assert set(evaluation.participants) <= set(PARTICIPANTS)
            assert evaluation.note is None or len(evaluation.note) <= MAX_NOTE
            assert persons[evaluation.pupil_id].team_id == evaluation.team_id
