"""The whole permission table, command by role, through the HTTP endpoint.

Roles: a pupil, the pupil's own mentor, another mentor, a coordinator of this team, a coordinator
of another team, and someone the bot does not know. Each command names Daan, whose mentor is
Fatima. "ok" means the command did its work; "no" means a polite refusal and nothing changed.
"""

from __future__ import annotations

import pytest

from tests.e2e.conftest import Classroom
from tests.e2e.harness import Chat
from tests.e2e.test_daily_rhythm import MONDAY, local
from tests.support import activities
from tests.support.activities import TeamsWorld
from tests.support.connector import Member

ROLES = ("pupil", "own_mentor", "other_mentor", "coordinator", "other_coordinator", "stranger")
REFUSALS = (
    "alleen een coördinator",
    "mentoren en coördinatoren",
    "niet jouw leerling",
    "ken je nog niet",
    "Ik vind niemand",
    "alleen voor leerlingen",
)
#          command                            pupil own   other coord other-team stranger
TABLE: list[tuple[str, tuple[str, ...]]] = [
    ("hulp",                                 ("ok", "ok", "ok", "ok", "ok", "no")),
    ("inchecken",                            ("ok", "no", "no", "no", "no", "no")),
    ("leerlingen",                           ("no", "ok", "ok", "ok", "ok", "no")),
    ("leerling Daan",                        ("no", "ok", "no", "ok", "no", "no")),
    ("log Daan bellen 10m",                  ("no", "ok", "no", "ok", "no", "no")),
    ("contacten Daan",                       ("no", "ok", "no", "ok", "no", "no")),
    ("opp Daan start 1-9",                   ("no", "ok", "no", "ok", "no", "no")),
    ("pauze Daan tot vrijdag",               ("no", "ok", "no", "ok", "no", "no")),
    ("hervat Daan",                          ("no", "ok", "no", "ok", "no", "no")),
    ("rol Noah mentor",                      ("no", "no", "no", "ok", "no", "no")),
    ("koppel Noah aan Fatima",               ("no", "no", "no", "ok", "no", "no")),
    ("team",                                 ("no", "no", "no", "ok", "ok", "no")),
    ("instellingen",                         ("no", "no", "no", "ok", "ok", "no")),
    ("digest",                               ("no", "no", "no", "ok", "ok", "no")),
    ("audit Daan",                           ("no", "no", "no", "ok", "no", "no")),
    ("inzage Daan",                          ("no", "no", "no", "ok", "no", "no")),
]  # fmt: skip


async def actors(room: Classroom) -> dict[str, Chat]:
    """One chat per role; the other team is a second class in the same tenant."""
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
        "pupil": room.chat(room.pupils[1]),
        "own_mentor": room.chat(room.mentor),
        "other_mentor": room.chat(other),
        "coordinator": room.chat(room.coordinator),
        "other_coordinator": Chat(room.bot, second, boss),
        "stranger": room.chat(stranger),
    }


@pytest.mark.parametrize(("line", "expected"), TABLE, ids=[row[0] for row in TABLE])
async def test_permission_table(classroom: Classroom, line: str, expected: tuple[str, ...]) -> None:
    chats = await actors(classroom)
    for role, outcome in zip(ROLES, expected, strict=True):
        classroom.bot.clock.set(local(MONDAY, 10, 0))
        replies = await chats[role].say(line)
        assert replies, (line, role)
        refused = any(refusal in reply for refusal in REFUSALS for reply in replies)
        assert refused == (outcome == "no"), (line, role, replies[0][:120])
