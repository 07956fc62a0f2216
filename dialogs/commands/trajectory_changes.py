"""A pupil's path changed: a trajectory starts, moves to a phase or ends (`traject …`)."""

from __future__ import annotations

from datetime import date

from cards.catalogue import t
from cards.trajectory import outcome_name, phase_list, phase_name
from dialogs.inbound import Reply, text
from dialogs.router import Turn
from domain.clock import local_date
from domain.grammar import format_date
from domain.term_report import phase_on
from domain.trajectory import EndTrajectory, MoveToPhase, match_phase, outcome_of
from storage import trajectories
from storage.models import Person, Trajectory, TrajectoryPhase


def _day(day: date, turn: Turn) -> str:
    return format_date(day, turn.lang, with_year=True)


def _joined(pupil: Person, today: date) -> date:
    return local_date(pupil.joined_at) if pupil.joined_at is not None else today


async def _open(turn: Turn, pupil: Person) -> tuple[Trajectory | None, Reply | None]:
    """The pupil's trajectory, and a reply instead when it has ended already."""
    assert pupil.id is not None
    trajectory = await trajectories.trajectory_of(session=turn.session, pupil_id=pupil.id)
    if trajectory is None or trajectory.ended_on is None or trajectory.outcome is None:
        return trajectory, None
    return trajectory, text(
        t(
            "trajectory.is_ended",
            turn.lang,
            name=pupil.name,
            day=_day(trajectory.ended_on, turn),
            outcome=outcome_name(trajectory.outcome, turn.lang),
        )
    )


async def move(turn: Turn, pupil: Person, parsed: MoveToPhase, phases: list[str]) -> Reply:
    assert pupil.id is not None
    phase = match_phase(parsed.phase, phases)
    if phase is None:
        shown = parsed.phase if len(parsed.phase) <= 40 else parsed.phase[:39] + "…"
        return text(
            t(
                "trajectory.unknown_phase",
                turn.lang,
                phase=shown,
                phases=phase_list(phases, turn.lang),
            )
        )
    trajectory, ended = await _open(turn, pupil)
    if ended is not None:
        return ended
    day, session = parsed.day, turn.session
    if trajectory is None:
        start = min(_joined(pupil, day), day)
        if phase == phases[0]:
            start = day  # entering the first phase is where the trajectory begins
        trajectory = await trajectories.begin(
            session=session, team_id=turn.team_id, pupil_id=pupil.id, started_on=start, now=turn.now
        )
        if start < day:
            await _enter(turn, trajectory, phases[0], start)
    elif day < trajectory.started_on:
        began = _day(trajectory.started_on, turn)
        return text(t("trajectory.before_start", turn.lang, day=_day(day, turn), start=began))
    else:
        rows = await trajectories.phases_of(session=session, trajectory_id=trajectory.id or 0)
        current = phase_on([(r.phase, r.started_on) for r in rows], day)
        if current is not None and current[0] == phase:
            since = _day(current[1], turn)
            name = phase_name(phase, turn.lang)
            return text(t("trajectory.already", turn.lang, name=pupil.name, phase=name, day=since))
    await _enter(turn, trajectory, phase, day)
    await turn.audit("trajectory.phase", subject_id=pupil.id, details={"day": day.isoformat()})
    name = phase_name(phase, turn.lang)
    return text(t("trajectory.moved", turn.lang, name=pupil.name, phase=name, day=_day(day, turn)))


async def _enter(turn: Turn, trajectory: Trajectory, phase: str, day: date) -> None:
    await trajectories.enter_phase(
        session=turn.session,
        trajectory=trajectory,
        phase=phase,
        day=day,
        author_id=turn.actor_id,
        now=turn.now,
    )


async def start(turn: Turn, pupil: Person, day: date | None, phases: list[str]) -> Reply:
    assert pupil.id is not None
    start = day or _joined(pupil, local_date(turn.now))
    trajectory, ended = await _open(turn, pupil)
    if ended is not None:
        return ended
    if trajectory is None:
        trajectory = await trajectories.begin(
            session=turn.session,
            team_id=turn.team_id,
            pupil_id=pupil.id,
            started_on=start,
            now=turn.now,
        )
        await _enter(turn, trajectory, phases[0], start)
        first = phases[0]
    else:
        rows = await trajectories.phases_of(session=turn.session, trajectory_id=trajectory.id or 0)
        if len(rows) > 1 and start >= rows[1].started_on:
            return text(
                t(
                    "trajectory.start_after_phase",
                    turn.lang,
                    day=_day(rows[1].started_on, turn),
                    phase=phase_name(rows[1].phase, turn.lang),
                )
            )
        await trajectories.move_start(
            session=turn.session, trajectory=trajectory, started_on=start, now=turn.now
        )
        first = rows[0].phase if rows else phases[0]
    await turn.audit("trajectory.started", subject_id=pupil.id, details={"day": start.isoformat()})
    return text(
        t(
            "trajectory.started",
            turn.lang,
            name=pupil.name,
            day=_day(start, turn),
            phase=phase_name(first, turn.lang),
        )
    )


async def end(turn: Turn, pupil: Person, parsed: EndTrajectory) -> Reply:
    assert pupil.id is not None
    outcome = outcome_of(parsed.outcome)
    assert outcome is not None  # the grammar read it
    trajectory = await trajectories.trajectory_of(session=turn.session, pupil_id=pupil.id)
    if trajectory is None:
        return text(t("trajectory.none", turn.lang, name=pupil.name))
    rows = await trajectories.phases_of(session=turn.session, trajectory_id=trajectory.id or 0)
    last: TrajectoryPhase | None = rows[-1] if rows else None
    if last is not None and parsed.day < last.started_on:
        return text(
            t(
                "trajectory.end_before_phase",
                turn.lang,
                day=_day(last.started_on, turn),
                phase=phase_name(last.phase, turn.lang),
            )
        )
    await trajectories.end(
        session=turn.session,
        trajectory=trajectory,
        ended_on=parsed.day,
        outcome=outcome,
        now=turn.now,
    )
    await turn.audit("trajectory.ended", subject_id=pupil.id, details={"outcome": outcome})
    return text(
        t(
            "trajectory.ended",
            turn.lang,
            name=pupil.name,
            day=_day(parsed.day, turn),
            outcome=outcome_name(outcome, turn.lang),
        )
    )
