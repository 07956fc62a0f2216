"""Who sees what, and where: every command by role and by place, through the HTTP endpoint.

Roles: a pupil, the pupil's own mentor, another mentor, a coordinator of this team, a coordinator
of another team, and someone the bot does not know. Places: the person's 1:1 chat, the class
channel, another channel of the team, and a group chat. Each command names Daan, whose mentor is
Fatima. "ok" means the command did its work; "no" means a polite refusal and nothing changed.

Wherever it is typed, the answer to a command that shows anything about pupils, roles or
settings reaches only the sender's 1:1 chat; the channel or group chat hears one sentence that
names nobody. Card buttons are pressed by the same people in the same places.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass
from typing import Any

import pytest

from dialogs.router import HERE, PRIVATE, router
from tests.conversations.conftest import START, Classroom
from tests.conversations.harness import Bot, card_text, running_bot
from tests.conversations.test_daily_rhythm import MONDAY, local
from tests.support import activities
from tests.support.activities import TeamsWorld
from tests.support.connector import FakeConnector, Member

ROLES = ("pupil", "own_mentor", "other_mentor", "coordinator", "other_coordinator", "stranger")
PLACES = ("chat", "class_channel", "other_channel", "group_chat")
REFUSALS = (
    "alleen een coördinator",
    "mentoren en coördinatoren",
    "niet jouw leerling",
    "ken je nog niet",
    "Ik vind niemand",
    "alleen voor leerlingen",
)
# What may never be read outside a 1:1 chat: the pupils' and their mentor's names.
NAMES = ("Daan", "van der Berg", "Noah", "Sanne de Vries", "Sanne Bakker", "Fatima", "Lotte")
ANSWERED_PRIVATELY = "Ik heb je antwoord in onze privéchat gezet."
OTHER_CHANNEL = "19:coordinatie@thread.tacv2"

#          command                            pupil own   other coord other-team stranger
TABLE: list[tuple[str, tuple[str, ...]]] = [
    ("hulp",                                 ("ok", "ok", "ok", "ok", "ok", "no")),
    ("inchecken",                            ("ok", "no", "no", "no", "no", "no")),
    ("mijn week",                            ("ok", "no", "no", "no", "no", "no")),
    ("leerlingen",                           ("no", "ok", "ok", "ok", "ok", "no")),
    ("leerling Daan",                        ("no", "ok", "no", "ok", "no", "no")),
    ("log Daan bellen 10m",                  ("no", "ok", "no", "ok", "no", "no")),
    ("contacten Daan",                       ("no", "ok", "no", "ok", "no", "no")),
    ("opp",                                  ("no", "ok", "ok", "ok", "ok", "no")),
    ("opp Daan verslag",                     ("no", "ok", "no", "ok", "no", "no")),
    ("traject Daan",                         ("no", "ok", "no", "ok", "no", "no")),
    ("traject Daan fase opbouw",             ("no", "ok", "no", "ok", "no", "no")),
    ("traject fasen instroom, opbouw",       ("no", "no", "no", "ok", "ok", "no")),
    ("rapport",                              ("no", "no", "no", "ok", "ok", "no")),
    ("pauze Daan tot vrijdag",               ("no", "ok", "no", "ok", "no", "no")),
    ("hervat Daan",                          ("no", "ok", "no", "ok", "no", "no")),
    ("rol Noah mentor",                      ("no", "no", "no", "ok", "no", "no")),
    ("koppel Noah aan Fatima",               ("no", "no", "no", "ok", "no", "no")),
    ("leeftijd Daan jong",                   ("no", "ok", "no", "ok", "no", "no")),
    ("voorbeeld",                            ("no", "ok", "ok", "ok", "ok", "no")),
    ("team",                                 ("no", "no", "no", "ok", "ok", "no")),
    ("instellingen",                         ("no", "no", "no", "ok", "ok", "no")),
    ("digest",                               ("no", "no", "no", "ok", "ok", "no")),
    ("audit Daan",                           ("no", "no", "no", "ok", "no", "no")),
    ("inzage Daan",                          ("no", "no", "no", "ok", "no", "no")),
    ("wis Daan",                             ("no", "no", "no", "ok", "no", "no")),
    ("signaalwoorden",                       ("no", "no", "no", "ok", "ok", "no")),
]  # fmt: skip
# The commands that answer where they were typed; every other one answers in private only.
ANSWERS_HERE = {"hulp"}

# Card buttons by verb, pressed with the least data a button carries: no pupil, no contact. So
# "ok" here means the role may press it (the answer is no refusal); which pupil or contact a
# mentor may act on is checked by the commands above and by each flow's own tests.
#          card action                           pupil own   other coord other-team stranger
CARD_TABLE: list[tuple[str, tuple[str, ...]]] = [
    ("command",                              ("ok", "ok", "ok", "ok", "ok", "no")),
    ("checkin.submit",                       ("ok", "no", "no", "no", "no", "no")),
    ("close.submit",                         ("ok", "no", "no", "no", "no", "no")),
    ("week.open",                            ("ok", "no", "no", "no", "no", "no")),
    ("voice.send",                           ("ok", "no", "no", "no", "no", "no")),
    ("voice.cancel",                         ("ok", "no", "no", "no", "no", "no")),
    ("pupil.open",                           ("no", "ok", "ok", "ok", "ok", "no")),
    ("contact.open",                         ("no", "ok", "ok", "ok", "ok", "no")),
    ("contact.save",                         ("no", "ok", "ok", "ok", "ok", "no")),
    ("contact.undo",                         ("no", "ok", "ok", "ok", "ok", "no")),
    ("contact.edit",                         ("no", "ok", "ok", "ok", "ok", "no")),
    ("contact.delete",                       ("no", "ok", "ok", "ok", "ok", "no")),
    ("alert.pickup",                         ("no", "ok", "ok", "ok", "ok", "no")),
    ("alert.log",                            ("no", "ok", "ok", "ok", "ok", "no")),
    ("alert.contact",                        ("no", "ok", "ok", "ok", "ok", "no")),
    ("opp.record",                           ("no", "ok", "ok", "ok", "ok", "no")),
    ("opp.report",                           ("no", "ok", "ok", "ok", "ok", "no")),
    ("preview.checkin",                      ("no", "ok", "ok", "ok", "ok", "no")),
    ("preview.close",                        ("no", "ok", "ok", "ok", "ok", "no")),
    ("preview.other",                        ("no", "ok", "ok", "ok", "ok", "no")),
    ("settings.submit",                      ("no", "no", "no", "ok", "ok", "no")),
    ("erase.confirm",                        ("no", "no", "no", "ok", "ok", "no")),
    ("erase.cancel",                         ("no", "no", "no", "ok", "ok", "no")),
]  # fmt: skip
# What a button carries besides its verb, where the bare verb would not say what to do.
CARD_DATA: dict[str, dict[str, Any]] = {"command": {"text": "hulp"}}
# The card actions that answer where they were pressed (the button runs a command line, which
# then answers where that command may).
CARDS_ANSWER_HERE = {"command"}


@pytest.fixture
async def running(database_url: str) -> AsyncIterator[tuple[Bot, FakeConnector]]:
    """The bot with room in Teams' limits: the matrix sends a few hundred answers a minute."""
    async with running_bot(
        database_url,
        at=START,
        DAGRITME_CONVERSATION_LIMITS="1000/1",
        DAGRITME_TENANT_LIMITS="1000/1",
    ) as pair:
        yield pair


@dataclass
class Actor:
    """Someone who types: their Teams world (tenant, team) and who they are."""

    world: TeamsWorld
    user: Member


async def actors(room: Classroom) -> dict[str, Actor]:
    """One actor per role; the other team is a second class in the same tenant."""
    world = room.world
    other = world.person("lotte", "Lotte Visser")
    room.connector.teams[world.team_id].members.append(other)
    await room.bot.post(activities.members_added(world, [other], room.coordinator))
    await room.chat(room.coordinator).say("rol Lotte mentor")

    second = TeamsWorld(
        service_url=room.connector.url, team_id="19:klas2@thread.tacv2", team_name="Groep 2"
    )
    boss: Member = second.person("kees", "Kees Koster")
    room.connector.add_team(
        second.team_id, second.team_name, tenant_id=second.tenant_id, members=[boss]
    )
    await room.bot.post(activities.install_in_team(second, boss))
    stranger = world.person("x", "Onbekende Bezoeker")
    return {
        "pupil": Actor(world, room.pupils[1]),
        "own_mentor": Actor(world, room.mentor),
        "other_mentor": Actor(world, other),
        "coordinator": Actor(world, room.coordinator),
        "other_coordinator": Actor(second, boss),
        "stranger": Actor(world, stranger),
    }


def activity_in(place: str, actor: Actor, line: str) -> dict[str, Any]:
    """The activity Teams posts when `actor` types `line` in `place`."""
    match place:
        case "chat":
            return activities.personal_message(actor.world, actor.user, line)
        case "class_channel":
            return activities.channel_message(actor.world, actor.user, line)
        case "other_channel":
            return activities.channel_message(
                actor.world, actor.user, line, channel_id=OTHER_CHANNEL
            )
        case _:
            return activities.group_message(actor.world, actor.user, line)


def said(requests: list[Any]) -> dict[str, list[str]]:
    """What the bot sent (or put in place of a card), by conversation."""
    by_conversation: dict[str, list[str]] = {}
    for request in requests:
        body = request.body
        if request.method not in ("POST", "PUT") or not body or "/activities" not in request.path:
            continue
        texts = [body["text"]] if body.get("text") else []
        texts += [card_text(a.get("content") or {}) for a in body.get("attachments") or []]
        by_conversation.setdefault(request.conversation_id, []).extend(texts)
    return by_conversation


def submit_in(place: str, actor: Actor, verb: str) -> dict[str, Any]:
    """The activity Teams posts when `actor` presses a button with `verb` in `place`."""
    activity = activity_in(place, actor, "")
    activity.pop("text", None)
    activity["value"] = {"verb": verb, **CARD_DATA.get(verb, {})}
    return activity


def command_of(line: str) -> str:
    """The command a line of the table runs: its first word, or two ("mijn week")."""
    two = " ".join(line.split()[:2])
    return two if two in router.commands else line.split()[0]


def test_every_command_and_card_action_declares_its_place() -> None:
    for command in router.ordered:
        expected = HERE if command.name in ANSWERS_HERE else PRIVATE
        assert command.where == expected, command.name
    for verb, action in router.card_actions.items():
        assert action.where == (HERE if verb in CARDS_ANSWER_HERE else PRIVATE), verb


async def check_row(
    classroom: Classroom,
    expected: tuple[str, ...],
    *,
    here: bool,
    activity_for: Callable[[str, Actor], dict[str, Any]],
) -> None:
    """Each role in each place: refused or not as `expected` says, and nothing said where it
    may not be read."""
    cast = await actors(classroom)
    connector = classroom.connector
    for place in PLACES:
        for role, outcome in zip(ROLES, expected, strict=True):
            actor = cast[role]
            case = (role, place)
            classroom.bot.clock.set(local(MONDAY, 10, 0))
            activity = activity_for(place, actor)
            where = activity["conversation"]["id"]
            own_chat = activities.personal_conversation_id(actor.world, actor.user)
            before = len(connector.requests)
            posted = await classroom.bot.post(activity)
            assert posted.status == 200, case
            answers = said(connector.requests[before:])
            assert set(answers) <= {where, own_chat}, (case, set(answers))
            answered = answers.get(where if here or place == "chat" else own_chat, [])
            assert answered, case
            refused = any(refusal in text for refusal in REFUSALS for text in answered)
            assert refused == (outcome == "no"), (case, answered[0][:120])
            if place == "chat":
                continue
            in_place = answers.get(where, [])
            if not here:
                assert in_place == [ANSWERED_PRIVATELY], (case, in_place)
            for text in in_place:
                assert not any(name in text for name in NAMES), (case, text[:200])


@pytest.mark.parametrize(("line", "expected"), TABLE, ids=[row[0] for row in TABLE])
async def test_who_sees_what_where(
    classroom: Classroom, line: str, expected: tuple[str, ...]
) -> None:
    await check_row(
        classroom,
        expected,
        here=command_of(line) in ANSWERS_HERE,
        activity_for=lambda place, actor: activity_in(place, actor, line),
    )


@pytest.mark.parametrize(("verb", "expected"), CARD_TABLE, ids=[row[0] for row in CARD_TABLE])
async def test_who_may_press_which_button_where(
    classroom: Classroom, verb: str, expected: tuple[str, ...]
) -> None:
    await check_row(
        classroom,
        expected,
        here=verb in CARDS_ANSWER_HERE,
        activity_for=lambda place, actor: submit_in(place, actor, verb),
    )


async def test_a_check_in_card_asked_for_in_the_channel_comes_privately(
    classroom: Classroom,
) -> None:
    pupil = classroom.pupils[1]
    classroom.bot.clock.set(local(MONDAY, 9, 5))
    before = len(classroom.connector.requests)
    activity = activities.channel_message(classroom.world, pupil, "inchecken")
    await classroom.bot.post(activity)
    answers = said(classroom.connector.requests[before:])
    own_chat = activities.personal_conversation_id(classroom.world, pupil)
    assert answers[activity["conversation"]["id"]] == [ANSWERED_PRIVATELY]
    (checkin,) = classroom.connector.cards(own_chat)
    day = MONDAY.isoformat()
    verbs = [a.get("data", {}).get("verb") for a in checkin.get("actions", [])]
    assert "checkin.submit" in verbs or day in str(checkin)


async def test_a_card_submitted_in_a_channel_is_answered_privately(classroom: Classroom) -> None:
    """An old card in a channel (or a forged submit there) never gets a confirmation there."""
    pupil = classroom.pupils[1]
    classroom.bot.clock.set(local(MONDAY, 9, 5))
    activity = activities.channel_message(classroom.world, pupil, "", mention_bot=False)
    activity["value"] = {"verb": "checkin.submit", "day": MONDAY.isoformat(), "mood": "1"}
    activity.pop("text", None)
    before = len(classroom.connector.requests)
    posted = await classroom.bot.post(activity)
    assert posted.status == 200
    answers = said(classroom.connector.requests[before:])
    assert answers[activity["conversation"]["id"]] == [ANSWERED_PRIVATELY]
    own = answers[activities.personal_conversation_id(classroom.world, pupil)]
    assert any("Moeilijk" in text for text in own)
