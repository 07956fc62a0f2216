"""The path back to school end to end: phases, the pupil page, a team's own phase names, the
outcome, who may do what, bad input, and the privacy of it (audit, inzage, wis)."""

from __future__ import annotations

from datetime import date

from sqlmodel import select

from storage.models import AuditEvent, Trajectory, TrajectoryPhase
from tests.conversations.conftest import Classroom, person_id
from tests.conversations.harness import card_text
from tests.conversations.test_daily_rhythm import MONDAY, local
from tests.conversations.test_subject_access import export_in_chat
from tests.support import activities


async def stored(room: Classroom) -> tuple[list[Trajectory], list[TrajectoryPhase]]:
    async with room.bot.db.session() as session:
        found = list((await session.exec(select(Trajectory).order_by(Trajectory.id))).all())
        phases = (
            await session.exec(select(TrajectoryPhase).order_by(TrajectoryPhase.started_on))
        ).all()
        return found, list(phases)


async def audit_lines(room: Classroom, action: str) -> list[AuditEvent]:
    async with room.bot.db.session() as session:
        result = await session.exec(select(AuditEvent).where(AuditEvent.action == action))
        return list(result.all())


async def test_default_phases_moving_on_and_the_pupil_page(classroom: Classroom) -> None:
    room = classroom
    room.bot.clock.set(local(MONDAY, 11, 0))
    mentor = room.chat(room.mentor)
    (reply,) = await mentor.say("traject Sanne de Vries start 1-9")
    assert "begint op dinsdag 1 september 2026, in de fase instroom" in reply
    (reply,) = await mentor.say("traject sanne de fase OPBOUW 2-11")
    assert reply.startswith("Sanne de Vries is nu in de fase **opbouw**, sinds maandag 2 november")
    (reply,) = await mentor.say("traject Sanne de Vries fase opbouw")
    assert "is al in de fase opbouw, sinds maandag 2 november 2026" in reply

    await mentor.say("leerling Sanne de Vries")
    page = card_text(room.connector.cards(mentor.conversation_id)[-1])
    assert "Fase" in page and "opbouw (3 weken)" in page

    await mentor.say("traject Sanne de Vries")
    shown = card_text(room.connector.cards(mentor.conversation_id)[-1])
    assert "Traject van Sanne de Vries" in shown
    assert "opbouw (3 weken)" in shown
    assert "instroom**: dinsdag 1 september 2026 – maandag 2 november 2026 (8 weken)" in shown
    assert "opbouw**: maandag 2 november 2026 – nog bezig (3 weken)" in shown

    sanne = await person_id(room.bot, room.pupils[0])
    (trajectory,), phases = await stored(room)
    assert (trajectory.pupil_id, trajectory.started_on) == (sanne, date(2026, 9, 1))
    assert [(p.phase, p.started_on) for p in phases] == [
        ("instroom", date(2026, 9, 1)),
        ("opbouw", date(2026, 11, 2)),
    ]
    moved = await audit_lines(room, "trajectory.phase")
    assert [(e.subject_id, e.details) for e in moved] == [(sanne, {"day": "2026-11-02"})]
    assert [e.subject_id for e in await audit_lines(room, "trajectory.viewed")] == [sanne]

    # a first move without a start: the trajectory begins when the pupil joined
    (reply,) = await mentor.say("traject Daan fase schoolfit")
    assert "schoolfit" in reply
    _, phases = await stored(room)
    daan = [p for p in phases if p.trajectory_id != trajectory.id]
    assert [(p.phase, p.started_on) for p in daan] == [
        ("instroom", date(2026, 11, 22)),
        ("schoolfit", MONDAY),
    ]


async def test_the_trajectory_ends_with_an_outcome(classroom: Classroom) -> None:
    room = classroom
    room.bot.clock.set(local(MONDAY, 11, 0))
    coordinator = room.chat(room.coordinator)
    await coordinator.say("traject Noah start 1-9")
    await coordinator.say("traject Noah fase terugkeer 2-11")
    (reply,) = await coordinator.say("traject Noah afgerond terug naar school 20-11")
    assert (
        reply
        == "Het traject van Noah Bakker is afgerond op vrijdag 20 november 2026: terug naar school."
    )
    await coordinator.say("traject Noah")
    shown = card_text(room.connector.cards(room.chat(room.coordinator).conversation_id)[-1])
    assert "Uitkomst" in shown and "terug naar school (vrijdag 20 november 2026)" in shown
    assert "terugkeer**: maandag 2 november 2026 – vrijdag 20 november 2026 (2 weken)" in shown
    (reply,) = await coordinator.say("traject Noah fase opbouw")
    assert "al afgerond op vrijdag 20 november 2026 (terug naar school)" in reply
    (trajectory,), _ = await stored(room)
    assert (trajectory.ended_on, trajectory.outcome) == (date(2026, 11, 20), "school")
    noah = await person_id(room.bot, room.pupils[2])
    ended = await audit_lines(room, "trajectory.ended")
    assert [(e.subject_id, e.details) for e in ended] == [(noah, {"outcome": "school"})]

    # nothing to end for a pupil without a trajectory
    (reply,) = await coordinator.say("traject Daan afgerond andere plek")
    assert "heeft nog geen traject" in reply


async def test_a_team_names_its_own_phases(classroom: Classroom) -> None:
    room = classroom
    room.bot.clock.set(local(MONDAY, 11, 0))
    mentor, coordinator = room.chat(room.mentor), room.chat(room.coordinator)
    await mentor.say("traject Sanne de Vries fase opbouw 2-11")
    (reply,) = await mentor.say("traject fasen kennismaken, ritme")
    assert "alleen een coördinator" in reply
    (reply,) = await mentor.say("traject fasen")
    assert "instroom, opbouw, schoolfit, terugkeer" in reply and "standaardlijst" in reply

    (reply,) = await coordinator.say("traject fasen kennismaken, *ritme*, school erbij, terug")
    assert "kennismaken, \\*ritme\\*, school erbij, terug" in reply
    (reply,) = await mentor.say("traject Daan fase School Erbij")
    assert "in de fase **school erbij**" in reply
    (reply,) = await mentor.say("traject Noah fase kenismaken")  # a small typo
    assert "in de fase **kennismaken**" in reply
    (reply,) = await mentor.say("traject Noah fase opbouw")
    assert "'opbouw' is geen fase van dit team" in reply and "school erbij" in reply

    # the history keeps the names it was written with
    await mentor.say("traject Sanne de Vries")
    assert "opbouw" in card_text(room.connector.cards(mentor.conversation_id)[-1])
    assert len(await audit_lines(room, "trajectory.phases_set")) == 1

    for line, problem in (
        ("traject fasen " + ", ".join(f"f{i}" for i in range(9)), "hoogstens 8 fasen"),
        ("traject fasen a, " + "x" * 31, "hoogstens 30 tekens"),
        ("traject fasen een, Een", "maar één keer"),
        ("traject fasen een, 1-9", "letters"),
    ):
        (reply,) = await coordinator.say(line)
        assert problem in reply, line
    (reply,) = await mentor.say("traject fasen")
    assert "kennismaken" in reply and "standaardlijst" not in reply


async def test_a_mentor_only_for_their_own_pupils(classroom: Classroom) -> None:
    room = classroom
    other = room.world.person("lotte", "Lotte Visser")
    room.connector.teams[room.world.team_id].members.append(other)
    await room.bot.post(activities.members_added(room.world, [other], room.coordinator))
    await room.chat(room.coordinator).say("rol Lotte mentor")
    (reply,) = await room.chat(other).say("traject Daan fase opbouw")
    assert "niet jouw leerling" in reply
    (reply,) = await room.chat(other).say("traject Daan")
    assert "niet jouw leerling" in reply
    (reply,) = await room.chat(room.pupils[1]).say("traject Daan")
    assert "mentoren en coördinatoren" in reply
    assert await stored(room) == ([], [])


async def test_bad_input_is_answered_and_nothing_is_stored(classroom: Classroom) -> None:
    room = classroom
    room.bot.clock.set(local(MONDAY, 11, 0))
    mentor = room.chat(room.mentor)
    await mentor.say("traject Sanne de Vries start 1-9")
    before = await stored(room)
    for line, answer in (
        ("traject Sanne de Vries fase vakantie", "'vakantie' is geen fase van dit team"),
        ("traject Sanne de Vries fase opbouw morgen", "in de toekomst"),
        ("traject Sanne de Vries fase opbouw 2027-01-04", "in de toekomst"),
        ("traject Sanne de Vries fase opbouw 31-2", "Die datum ken ik niet"),
        ("traject Sanne de Vries fase opbouw 1-8", "ligt voor de start van het traject"),
        ("traject Sanne de Vries fase", "Naar welke fase?"),
        ("traject Pietje fase opbouw", "Ik vind niemand die 'Pietje' heet"),
        ("traject Sanne de Vries afgerond terug naar scool", "Bedoelde je 'terug naar school'?"),
        ("traject Sanne de Vries afgerond", "Met welke uitkomst?"),
        ("traject Sanne de Vries afgerond weg", "Die uitkomst ken ik niet"),
        ("traject Sanne de Vries start morgen", "in de toekomst"),
        ("traject", "Gebruik: **traject**"),
    ):
        replies = await mentor.say(line)
        assert len(replies) == 1 and answer in replies[0], (line, replies)
    assert await stored(room) == before
    (trajectory,), _ = await stored(room)
    assert trajectory.ended_on is None and trajectory.outcome is None


async def test_in_english(classroom: Classroom) -> None:
    room = classroom
    room.bot.clock.set(local(MONDAY, 11, 0))
    mentor = room.chat(room.mentor, locale="en-US")
    (reply,) = await mentor.say("trajectory Sanne de Vries start 1-9")
    assert "begins on Tuesday 1 September 2026, in the intake phase" in reply
    (reply,) = await mentor.say("trajectory Sanne de Vries phase building up 2-11")
    assert reply.startswith("Sanne de Vries is now in the **building up** phase")
    await mentor.say("pupil Sanne de Vries")
    page = card_text(room.connector.cards(mentor.conversation_id)[-1])
    assert "Phase" in page and "building up (3 weeks)" in page
    (reply,) = await mentor.say("trajectory Sanne de Vries done back to scool")
    assert "Did you mean 'back to school'?" in reply
    (reply,) = await mentor.say("trajectory Sanne de Vries done other placement")
    assert reply.endswith("trajectory ended on Monday 23 November 2026: other placement.")
    (trajectory,), _ = await stored(room)
    assert trajectory.outcome == "elsewhere"


async def test_inzage_and_wis_cover_the_trajectory(classroom: Classroom) -> None:
    room = classroom
    room.bot.clock.set(local(MONDAY, 11, 0))
    coordinator = room.chat(room.coordinator)
    await coordinator.say("traject Sanne de Vries start 1-9")
    await coordinator.say("traject Sanne de Vries fase opbouw 2-11")
    await coordinator.say("traject Daan start 1-9")
    data = await export_in_chat(room, "Sanne de Vries")
    (trajectory,) = data["trajectory"]
    assert trajectory["started_on"] == "2026-09-01"
    assert [p["phase"] for p in data["trajectory_phases"]] == ["instroom", "opbouw"]

    await coordinator.say("wis Sanne de Vries")
    confirm, _ = room.connector.cards(coordinator.conversation_id)[-1]["actions"]
    await coordinator.submit(confirm["data"])
    assert "is gewist" in room.connector.texts(coordinator.conversation_id)[-1]
    found, phases = await stored(room)
    daan = await person_id(room.bot, room.pupils[1])
    assert [t.pupil_id for t in found] == [daan]
    assert {p.trajectory_id for p in phases} == {found[0].id}
