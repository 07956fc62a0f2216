"""The coordinators' term report end to end: in chat and on the command line, in counts only,
with every group of 1 to 4 held back."""

from __future__ import annotations

import os
from datetime import date, timedelta

import pytest
from sqlmodel import select

from bot.cli import _parser
from bot.reports import report
from storage.models import AuditEvent, CheckIn, Team
from tests.conversations.conftest import Classroom, person_id
from tests.conversations.test_daily_rhythm import MONDAY, local
from tests.conversations.test_privacy import cli
from tests.support import activities
from tests.support.connector import Member

FRIDAY = MONDAY + timedelta(days=4)
NEWCOMERS = (("emma", "Emma Smit"), ("liam", "Liam de Jong"), ("mila", "Mila Mulder"))
NEWCOMERS += (("finn", "Finn Dekker"),)
PUPIL_WORDS = ("Sanne", "Daan", "Noah", "Bakker", "Emma", "Liam", "Mila", "Finn", "Fatima")


async def more_pupils(room: Classroom) -> list[Member]:
    """Four more pupils for Fatima, who join on Monday morning."""
    room.bot.clock.set(local(MONDAY, 10, 0))
    added = [room.world.person(key, name) for key, name in NEWCOMERS]
    room.connector.teams[room.world.team_id].members.extend(added)
    await room.bot.post(activities.members_added(room.world, added, room.coordinator))
    coordinator = room.chat(room.coordinator)
    for pupil in added:
        pupil_id = await person_id(room.bot, pupil)
        await coordinator.say(f"rol #{pupil_id} leerling")
        await coordinator.say(f"koppel #{pupil_id} aan Fatima")
    return added


async def checked_in(room: Classroom, pupils: list[Member], days: list[date]) -> None:
    async with room.bot.db.session() as session:
        team = (await session.exec(select(Team))).one()
        for pupil in pupils:
            for day in days:
                session.add(
                    CheckIn(
                        team_id=team.id or 0,
                        pupil_id=await person_id(room.bot, pupil),
                        day=day,
                        kind="start",
                        mood=4,
                        created_at=local(day, 9),
                    )
                )


async def eight_trajectories(room: Classroom) -> None:
    """All eight from 1 September, building up from 1 October; by 20 November five went back to
    school, one to another placement, two are still building up."""
    pupils = room.pupils + await more_pupils(room)
    room.bot.clock.set(local(MONDAY, 11, 0))
    coordinator = room.chat(room.coordinator)
    for index, pupil in enumerate(pupils):
        ref = f"#{await person_id(room.bot, pupil)}"
        await coordinator.say(f"traject {ref} start 1-9")
        await coordinator.say(f"traject {ref} fase opbouw 1-10")
        outcome = "terug naar school" if index < 5 else "andere plek" if index == 5 else None
        if outcome:
            (reply,) = await coordinator.say(f"traject {ref} afgerond {outcome} 20-11")
            assert "is afgerond" in reply
        if index < 6:
            await room.chat(room.mentor).say(
                f"log {ref} bellen 15m" if index < 5 else f"log {ref} huisbezoek 1u"
            )
    await checked_in(room, pupils, [MONDAY, MONDAY + timedelta(days=1)])


async def read_report(room: Classroom, line: str = "rapport", *, locale: str = "nl-NL") -> str:
    room.bot.clock.set(local(FRIDAY, 16, 0))
    chat = room.chat(room.coordinator, locale=locale)
    replies = await chat.say(line)
    assert len(replies) == 1
    return replies[0]


async def test_a_group_of_five_or_more_is_counted(classroom: Classroom) -> None:
    room = classroom
    await eight_trajectories(room)
    shown = await read_report(room)
    assert "Periodeverslag Digitale School – Groep 1" in shown
    assert "zaterdag 1 augustus 2026 tot en met vrijdag 27 november 2026" in shown
    for pair in (
        "instroom\n0",
        "opbouw\n< 5",  # two still building up
        "instroom\n4,3",  # median weeks, eight pupils
        "opbouw\n7,1",
        "schoolfit\n—",
        "Afgerond\n6",
        "terug naar school\n5",
        "andere plek\n< 5",
        "anders\n0",
        "Deel terug naar school\n83%",
        "Mediaan weken tot terug naar school\n11,4",
        "Leerlingen\n8",
        "Ingecheckt op schooldagen\n40%",
        "bellen\n5 · 1 u 15",
        "huisbezoek\n< 5",
        "Totaal\n6 · 2 u 15",
    ):
        assert pair in shown, pair
    assert not any(word in shown for word in PUPIL_WORDS)

    (read,) = [e for e in await trail(room) if e.action == "report.term.read"]
    coordinator = await person_id(room.bot, room.coordinator)
    assert (read.actor_id, read.subject_id, read.subject_ref) == (coordinator, None, None)
    assert read.details == {"from": "2026-08-01", "to": "2026-11-27"}


async def test_small_groups_are_held_back(classroom: Classroom) -> None:
    room = classroom
    room.bot.clock.set(local(MONDAY, 11, 0))
    coordinator = room.chat(room.coordinator)
    await coordinator.say("traject Sanne de Vries start 1-9")
    await coordinator.say("traject Sanne de Vries afgerond terug naar school 20-11")
    await coordinator.say("traject Daan fase opbouw 1-10")
    await checked_in(room, room.pupils, [MONDAY])
    shown = await read_report(room)
    for pair in (
        "opbouw\n< 5",
        "instroom\n0",
        "Afgerond\n< 5",
        "terug naar school\n< 5",
        "Deel terug naar school\n—",
        "Mediaan weken tot terug naar school\n—",
        "opbouw\n—",
        "Leerlingen\n< 5",
        "Ingecheckt op schooldagen\n—",
        "Totaal\n0",
    ):
        assert pair in shown, pair
    assert not any(word in shown for word in PUPIL_WORDS)


async def test_the_report_in_english_and_its_periods(classroom: Classroom) -> None:
    room = classroom
    room.bot.clock.set(local(MONDAY, 11, 0))
    await room.chat(room.coordinator).say("traject Daan fase opbouw 1-10")
    shown = await read_report(room, "report 1-9 to 31-10", locale="en-US")
    assert (
        "Term report" in shown and "Tuesday 1 September 2026 to Saturday 31 October 2026" in shown
    )
    assert "Pupils per phase on Saturday 31 October 2026" in shown
    assert "building up\n< 5" in shown and "intake\n0" in shown
    assert "Counts only, no names" in shown
    reply = await read_report(room, "rapport schooljaar 2030-2031")
    assert "nog niet begonnen" in reply and "Gebruik: **rapport**" in reply
    reply = await read_report(room, "rapport volgende maand")
    assert "Die periode ken ik niet" in reply
    reads = [e for e in await trail(room) if e.action == "report.term.read"]
    assert [e.details for e in reads] == [{"from": "2026-09-01", "to": "2026-10-31"}]


async def test_the_report_on_the_command_line(classroom: Classroom, database_url: str) -> None:
    room = classroom
    await eight_trajectories(room)
    async with room.bot.db.session() as session:
        team = (await session.exec(select(Team))).one()
    args = ["report", "--team", str(team.id), "--term", "--to", "2026-11-27"]
    markdown = await report(room.bot.settings, _parser().parse_args(args), now=local(FRIDAY, 16))
    assert markdown.startswith("# Periodeverslag Digitale School – Groep 1\n")
    for row in (
        "| opbouw | < 5 |",
        "| terug naar school | 5 |",
        "| Deel terug naar school | 83% |",
    ):
        assert row in markdown, row
    english = _parser().parse_args([*args, "--format", "csv", "--lang", "en"])
    table = await report(room.bot.settings, english, now=local(FRIDAY, 16))
    assert table.splitlines()[0] == "section,item,value"
    for row in ("phases,building up,< 5", "outcomes,back to school,5", "checkins,Pupils,8"):
        assert row in table.splitlines(), row
    assert not any(word in markdown + table for word in PUPIL_WORDS)
    reads = [e for e in await trail(room) if e.action == "report.term.read"]
    assert [(e.actor_id, e.subject_id, e.details["by"]) for e in reads] == [
        (None, None, "operator")
    ] * 2

    # the real command, as an operator runs it
    env = {**os.environ, "DATABASE_URL": database_url}
    done = cli(env, *args, "--from", "2026-08-01", "--format", "csv")
    assert done.returncode == 0, done.stderr
    assert "phases,opbouw,< 5" in done.stdout.splitlines()
    with pytest.raises(SystemExit):
        _parser().parse_args(["report", "--team", str(team.id)])  # which report?
    wrong = cli(env, "report", "--team", "999", "--term")
    assert wrong.returncode == 2 and "no team" in wrong.stderr


async def trail(room: Classroom) -> list[AuditEvent]:
    async with room.bot.db.session() as session:
        return list((await session.exec(select(AuditEvent).order_by(AuditEvent.id))).all())
