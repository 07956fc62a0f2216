"""The OPP report end to end: three weeks of check-ins, contacts, a signal, an alert and a pause,
read by the mentor, by a coordinator, on a nudge's button and on the command line."""

from __future__ import annotations

import os
from datetime import date, timedelta

from sqlmodel import select

from bot.cli import _parser
from bot.reports import report
from storage import checkins
from storage.models import AuditEvent, Team
from tests.conversations.conftest import Classroom, person_id
from tests.conversations.harness import card_text
from tests.conversations.test_daily_rhythm import local
from tests.conversations.test_mentors import submits
from tests.conversations.test_privacy import cli

MONDAY = date(2026, 11, 23)
FRIDAY = date(2026, 12, 11)  # the end of the third week
NOTE = "Ik vond *rekenen* moeilijk | echt"  # Markdown and a table bar, shown as typed
AGREEMENTS = "elke dag om 10 uur starten"


async def seed_checkins(room: Classroom) -> None:
    """Sanne: a hard first week with goals and notes, two days in week two, four in week three."""
    sanne = await person_id(room.bot, room.pupils[0])
    async with room.bot.db.session() as session:
        team = (await session.exec(select(Team))).one()
        assert team.id is not None

        async def start(day: date, mood: int, goals: tuple[str, ...] = ()) -> None:
            await checkins.create_checkin(
                session=session,
                team_id=team.id or 0,
                pupil_id=sanne,
                day=day,
                kind="start",
                mood=mood,
                goals=goals,
                now=local(day, 9),
            )

        week = [MONDAY + timedelta(days=n) for n in range(5)]
        for day, mood in zip(week, (1, 2, 2, 4, 3), strict=True):
            await start(day, mood, ("rekenen", "lezen"))
        outcomes: tuple[tuple[str | None, ...], ...] = (
            ("done", "not"),
            ("partly", "done"),
            ("not", None),
            ("done", "done"),
        )
        notes = (None, NOTE, None, "Het ging beter vandaag")
        for day, status, note in zip(week, outcomes, notes, strict=False):
            await checkins.create_checkin(
                session=session,
                team_id=team.id,
                pupil_id=sanne,
                day=day,
                kind="close",
                mood=3,
                goals=("rekenen", "lezen"),
                goal_status=status,
                note=note,
                now=local(day, 15),
            )
        for day in (date(2026, 11, 30), date(2026, 12, 1)):
            await start(day, 3)
        for day, mood in zip(
            [date(2026, 12, 7) + timedelta(days=n) for n in range(4)], (4, 4, 5, 4), strict=True
        ):
            await start(day, mood)


async def three_weeks(room: Classroom) -> None:
    """The plan, check-ins, contacts, a signal that came and went, words of distress, a pause."""
    mentor = room.chat(room.mentor)
    room.bot.clock.set(local(MONDAY, 8, 0))
    await mentor.say("opp Sanne de Vries start 23-11")
    await seed_checkins(room)
    room.bot.clock.set(local(date(2026, 11, 24), 12))
    await mentor.say("log Sanne de Vries bellen 15m")
    await room.bot.tick(local(date(2026, 11, 25), 15, 15))  # three low days: a signal
    room.bot.clock.set(local(date(2026, 11, 26), 12))
    await mentor.say(f"log Sanne de Vries voortgangsgesprek 30m afspraken: {AGREEMENTS}")
    await room.bot.tick(local(date(2026, 11, 26), 15, 15))  # a good day: resolved
    room.bot.clock.set(local(date(2026, 11, 27), 20))
    await room.chat(room.pupils[0]).say("ik wil niet meer")
    room.bot.clock.set(local(date(2026, 12, 2), 8))
    await mentor.say("pauze Sanne de Vries tot 11-12")
    room.bot.clock.set(local(date(2026, 12, 4), 8))
    await mentor.say("hervat Sanne de Vries")
    room.bot.clock.set(local(date(2026, 12, 8), 12))
    await mentor.say("log Sanne de Vries huisbezoek 1u")
    room.connector.clear()
    room.bot.clock.set(local(FRIDAY, 16))


async def reads(room: Classroom) -> list[AuditEvent]:
    async with room.bot.db.session() as session:
        query = select(AuditEvent).where(AuditEvent.action == "opp.report").order_by(AuditEvent.id)
        return list((await session.exec(query)).all())


async def test_the_mentor_reads_everything_since_the_plan_started(classroom: Classroom) -> None:
    room = classroom
    await three_weeks(room)
    mentor = room.chat(room.mentor)
    (shown,) = await mentor.say("opp Sanne de Vries verslag")
    for line in (
        "OPP-verslag van Sanne de Vries",
        "maandag 23 november 2026 t/m vrijdag 11 december 2026, sinds de start van het OPP",
        "Fatima el Amrani",
        "maandag 18 januari 2027",  # the first evaluation, eight weeks after the start
        "11 van 13 schooldagen (85%)",
        "week 48 (23 nov): 5 van 5 schooldagen (100%) · stemming 2,4",
        "week 49 (30 nov): 2 van 3 schooldagen (67%) · stemming 3,0",  # Wed and Thu paused
        "week 50 (7 dec): 4 van 5 schooldagen (80%) · stemming 4,3",  # 4.25, rounded up
        "gemiddeld 3,2 van 5, stijgend",
        "10 gepland: 4 gelukt, 1 een beetje, 2 nog niet, 3 niet ingevuld",
        "Berichten van de leerling bij de dagafsluiting (2)",
        "dinsdag 24 november: Ik vond \\*rekenen\\* moeilijk \\| echt",
        "donderdag 26 november: Het ging beter vandaag",
        "Contacten (3)",
        "bellen: 1 (15 min)",
        "voortgangsgesprek: 1 (30 min)",
        "huisbezoek: 1 (1 u)",
        "Voortgangsgesprekken en afspraken (1)",
        f"donderdag 26 november: {AGREEMENTS}",
        "meerdere schooldagen op rij een lage stemming (1–2), sinds maandag 23 november. "
        "(opgelost op donderdag 26 november)",
        "zorgelijke woorden: 1, waarvan 0 opgepakt",
        "woensdag 2 december t/m donderdag 3 december",
    ):
        assert line in shown, line
    (card,) = room.connector.cards(mentor.conversation_id)
    (chart,) = [c for c in card["body"] if c["type"] == "Chart.Line"]
    assert len(chart["data"][0]["values"]) == 3  # the mood of each week, beside its words
    sanne = await person_id(room.bot, room.pupils[0])
    (read,) = await reads(room)
    assert (read.actor_id, read.subject_id) == (await person_id(room.bot, room.mentor), sanne)
    assert read.details == {"from": "2026-11-23", "to": "2026-12-11", "notes": True}


async def test_a_coordinator_sees_how_many_notes_not_what_they_say(classroom: Classroom) -> None:
    room = classroom
    await three_weeks(room)
    (shown,) = await room.chat(room.coordinator).say("opp Sanne de Vries verslag")
    assert "De leerling schreef 2 berichten bij de dagafsluiting" in shown
    assert "rekenen\\* moeilijk" not in shown and "ging beter" not in shown
    assert AGREEMENTS in shown  # the mentor's agreements are for the team
    (read,) = await reads(room)
    assert read.actor_id == await person_id(room.bot, room.coordinator)
    assert read.details["notes"] is False


async def test_from_a_date_and_bad_input(classroom: Classroom) -> None:
    room = classroom
    await three_weeks(room)
    mentor = room.chat(room.mentor)
    (shown,) = await mentor.say("opp Sanne de Vries verslag vanaf 30-11")
    assert (
        "maandag 30 november 2026 t/m vrijdag 11 december 2026, vanaf de gevraagde datum" in shown
    )
    assert "week 48" not in shown
    assert "Contacten (1)" in shown and "huisbezoek: 1 (1 u)" in shown
    assert "Geen signalen in deze periode." in shown

    (reply,) = await mentor.say("opp Sanne de Vries verslag vanaf 14-12-2026")
    assert "ligt in de toekomst" in reply and "Gebruik" in reply
    (reply,) = await mentor.say("opp Sanne de Vries verslag vanaf ooit")
    assert "Die datum kan ik niet lezen" in reply
    (reply,) = await mentor.say("opp Sanne de Vries verslag vanaf 1-1-2025")
    assert "hoogstens een jaar" in reply
    (reply,) = await mentor.say("opp Lotte verslag")
    assert "Ik vind niemand die 'Lotte' heet" in reply
    (reply,) = await mentor.say("opp verslag")
    assert "Over welke leerling?" in reply
    (choice,) = await mentor.say("opp Sanne verslag")  # two pupils called Sanne
    assert "past bij 2 mensen" in choice
    lines = {data["text"] for data in submits(room.connector.cards(mentor.conversation_id)[-1])}
    assert lines == {
        f"opp #{await person_id(room.bot, p)} verslag" for p in (room.pupils[0], room.pupils[3])
    }
    assert len(await reads(room)) == 1


async def test_in_english(classroom: Classroom) -> None:
    room = classroom
    await three_weeks(room)
    (shown,) = await room.chat(room.mentor, locale="en-US").say(
        "opp Sanne de Vries report from 23-11"
    )
    for line in (
        "OPP report of Sanne de Vries",
        "Monday 23 November 2026 to Friday 11 December 2026, from the date asked for",
        "week 49 (30 Nov): 2 of 3 school days (67%) · mood 3.0",
        "10 planned: 4 done, 1 partly, 2 not yet, 3 not filled in",
        "progress talk: 1 (30 min)",
        "worrying words: 1, 0 of them picked up",
        "Wednesday 2 December to Thursday 3 December",
    ):
        assert line in shown, line


async def test_the_nudge_opens_the_report(classroom: Classroom) -> None:
    room = classroom
    await three_weeks(room)
    await room.bot.tick(local(date(2027, 1, 11), 9, 0))  # seven days before the evaluation
    mentor = room.chat(room.mentor)
    (nudge,) = [c for c in room.connector.cards(mentor.conversation_id) if "OPP" in card_text(c)]
    (button,) = [d for d in submits(nudge) if d["verb"] == "opp.report"]
    room.bot.clock.set(local(date(2027, 1, 11), 10))
    posted = await mentor.submit(button)
    assert posted.status == 200
    report_card = room.connector.cards(mentor.conversation_id)[-1]
    assert "OPP-verslag van Sanne de Vries" in card_text(report_card)
    assert "maandag 11 januari 2027" in card_text(report_card)
    # another mentor's forged button, a pupil's, and one for nobody reach no report
    for value in ({**button, "pupil": 999999}, {**button, "pupil": "x"}):
        before = len(room.connector.cards(mentor.conversation_id))
        await mentor.submit(value)
        assert "Die leerling vind ik niet" in room.connector.texts(mentor.conversation_id)[-1]
        assert len(room.connector.cards(mentor.conversation_id)) == before
    await room.chat(room.pupils[0]).submit(button)
    assert (
        "mentoren en coördinatoren"
        in room.connector.texts(room.chat(room.pupils[0]).conversation_id)[-1]
    )
    assert len(await reads(room)) == 1


async def test_the_report_on_the_command_line(classroom: Classroom, database_url: str) -> None:
    room = classroom
    await three_weeks(room)
    sanne = await person_id(room.bot, room.pupils[0])
    async with room.bot.db.session() as session:
        team = (await session.exec(select(Team))).one()
    args = ["report", "--team", str(team.id), "--pupil", str(sanne)]
    markdown = await report(room.bot.settings, _parser().parse_args(args), now=local(FRIDAY, 16))
    assert markdown.startswith("# OPP-verslag van Sanne de Vries\n")
    for line in (
        "## Check-ins en stemming per week",
        "| week 49 (30 nov) | 3 | 2 | 67% | 3,0 |",
        "| 10 | 4 | 1 | 2 | 3 |",
        "- dinsdag 24 november: Ik vond \\*rekenen\\* moeilijk \\| echt",
        "| voortgangsgesprek | 1 | 30 min |",
        "| totaal | 3 | 1 u 45 |",
        f"- donderdag 26 november: {AGREEMENTS}",
        "- woensdag 2 december t/m donderdag 3 december",
    ):
        assert line in markdown.splitlines(), line
    english = _parser().parse_args([*args, "--format", "csv", "--from", "2026-11-30"])
    table = (await report(room.bot.settings, english, now=local(FRIDAY, 16))).splitlines()
    assert table[0] == "section,date,item,value"
    for row in (
        "period,2026-11-30,start,given",
        "week,2026-11-30,checked_in,2",
        "contacts,,huisbezoek_minutes,60",
        "pause,2026-12-02,until,2026-12-03",
    ):
        assert row in table, row
    done = [e for e in await reads(room) if e.details.get("by") == "operator"]
    assert [(e.actor_id, e.subject_id, e.details["format"]) for e in done] == [
        (None, sanne, "md"),
        (None, sanne, "csv"),
    ]

    env = {**os.environ, "DATABASE_URL": database_url}
    ran = cli(env, *args, "--format", "csv")
    assert ran.returncode == 0, ran.stderr
    assert f"note,2026-11-24,close_note,{NOTE}" in ran.stdout.splitlines()
    wrong = cli(env, *args, "--from", "2099-01-01")
    assert wrong.returncode == 2 and "lies in the future" in wrong.stderr
    mentor = cli(env, "report", "--team", str(team.id), "--pupil", "Fatima")
    assert mentor.returncode == 2 and "no pupil" in mentor.stderr
