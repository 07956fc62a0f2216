"""`traject`: a pupil's path back to school, from phase to phase until it ends with an outcome."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from cards.catalogue import Words, t
from cards.trajectory import (
    outcome_name,
    phase_list,
    phase_name,
    phase_with_weeks,
    trajectory_card,
    trajectory_view,
)
from dialogs.inbound import Reply, card, text
from dialogs.names import NotFound, resolve_pupil
from dialogs.router import COORDINATOR, PRIVATE, STAFF, Turn, refusal, router
from domain.clock import local_date
from domain.grammar import format_date
from domain.term_report import phase_on
from domain.trajectory import (
    DEFAULT_PHASES,
    EndTrajectory,
    MoveToPhase,
    SetStart,
    ShowTrajectory,
    TeamPhases,
    TrajectoryProblem,
    match_phase,
    outcome_of,
    parse_trajectory,
    weeks_between,
)
from storage import trajectories
from storage.models import Person, Trajectory, TrajectoryPhase


async def phases_of_team(turn: Turn) -> list[str]:
    """The team's own phases, else the default list."""
    found = await trajectories.team_phases(session=turn.session, team_id=turn.team_id)
    return found or list(DEFAULT_PHASES)


def _problem(problem: TrajectoryProblem, turn: Turn) -> Reply:
    if problem.problem == "bad_outcome" and problem.guess:
        message = t("trajectory.problem.bad_outcome_guess", turn.lang, guess=problem.guess)
    else:
        message = t(f"trajectory.problem.{problem.problem}", turn.lang)
    return text(message + "\n\n" + turn.usage())


def _day(day: date, turn: Turn) -> str:
    return format_date(day, turn.lang, with_year=True)


@router.command(
    "traject",
    "trajectory",
    roles=STAFF,
    where=PRIVATE,
    order=90,
    help=Words(
        nl=(
            "**traject** _leerling_ — de weg terug naar school: fase, sinds wanneer, "
            "uitkomst; `traject Sanne fase opbouw`, `traject Sanne afgerond terug naar school`"
        ),
        en=(
            "**trajectory** _pupil_ — the path back to school: phase, since when, outcome; "
            "`trajectory Sanne phase building up`, `trajectory Sanne done back to school`"
        ),
    ),
    usage=Words(
        nl=(
            "Gebruik: **traject** _leerling_ (bekijken), **traject** _leerling_ **fase** "
            "_fase_ [datum], **traject** _leerling_ **start** [datum] (zonder datum: sinds de "
            "leerling erbij kwam), **traject** _leerling_ **afgerond** terug naar school | "
            "andere plek | anders [datum], **traject fasen** (de fasen van het team; een "
            "coördinator zet ze met **traject fasen** instroom, opbouw, schoolfit, terugkeer)."
        ),
        en=(
            "Usage: **trajectory** _pupil_ (view), **trajectory** _pupil_ **phase** _phase_ "
            "[date], **trajectory** _pupil_ **start** [date] (without a date: when the pupil "
            "joined), **trajectory** _pupil_ **done** back to school | other placement | "
            "other [date], **trajectory phases** (the team's phases; a coordinator sets them "
            "with **trajectory phases** intake, building up, school-ready, return)."
        ),
    ),
)
async def trajectory_command(turn: Turn) -> Sequence[Reply]:
    """`traject <leerling> [fase … | start … | afgerond …]` and `traject fasen [fase, …]`."""
    if not turn.args:
        return [text(turn.usage())]
    parsed = parse_trajectory(turn.args, today=local_date(turn.now))
    if isinstance(parsed, TrajectoryProblem):
        return [_problem(parsed, turn)]
    if isinstance(parsed, TeamPhases):
        return [await _team_phases(turn, parsed)]
    rest = turn.args.split(maxsplit=len(parsed.name.split()))[len(parsed.name.split()) :]
    rerun = "traject {name} " + " ".join(rest).replace("{", "{{").replace("}", "}}")
    pupil = await resolve_pupil(turn, parsed.name, rerun=rerun.strip())
    if isinstance(pupil, NotFound):
        return [pupil.reply]
    phases = await phases_of_team(turn)
    if isinstance(parsed, MoveToPhase):
        return [await _move(turn, pupil, parsed, phases)]
    if isinstance(parsed, SetStart):
        return [await _start(turn, pupil, parsed.day, phases)]
    if isinstance(parsed, EndTrajectory):
        return [await _end(turn, pupil, parsed)]
    assert isinstance(parsed, ShowTrajectory)
    return [await _show(turn, pupil)]


async def _team_phases(turn: Turn, parsed: TeamPhases) -> Reply:
    """Everyone on staff may read the team's phases; only a coordinator names them."""
    if parsed.names is None:
        own = await trajectories.team_phases(session=turn.session, team_id=turn.team_id)
        message = t(
            "trajectory.phases.current",
            turn.lang,
            phases=phase_list(own or DEFAULT_PHASES, turn.lang),
        )
        return text(message if own else message + " " + t("trajectory.phases.default", turn.lang))
    if turn.role != "coordinator":
        return refusal(turn, COORDINATOR)
    await trajectories.set_team_phases(
        session=turn.session, team_id=turn.team_id, names=parsed.names
    )
    await turn.audit("trajectory.phases_set", details={"phases": len(parsed.names)})
    return text(t("trajectory.phases.set", turn.lang, phases=phase_list(parsed.names, turn.lang)))


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


async def _move(turn: Turn, pupil: Person, parsed: MoveToPhase, phases: list[str]) -> Reply:
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


async def _start(turn: Turn, pupil: Person, day: date | None, phases: list[str]) -> Reply:
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


async def _end(turn: Turn, pupil: Person, parsed: EndTrajectory) -> Reply:
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


async def _show(turn: Turn, pupil: Person) -> Reply:
    assert pupil.id is not None
    trajectory = await trajectories.trajectory_of(session=turn.session, pupil_id=pupil.id)
    if trajectory is None:
        return text(t("trajectory.none", turn.lang, name=pupil.name))
    rows = await trajectories.phases_of(session=turn.session, trajectory_id=trajectory.id or 0)
    view = trajectory_view(
        name=pupil.name,
        started_on=trajectory.started_on,
        ended_on=trajectory.ended_on,
        outcome=trajectory.outcome,
        phases=[(row.phase, row.started_on) for row in rows],
        today=local_date(turn.now),
    )
    await turn.audit("trajectory.viewed", subject_id=pupil.id)
    return card(trajectory_card(lang=turn.lang, view=view))


async def phase_for_page(turn: Turn, pupil: Person) -> str | None:
    """ "opbouw (3 weken)" for the pupil page, while the pupil's trajectory goes on."""
    assert pupil.id is not None
    today = local_date(turn.now)
    found = await trajectories.current_phase(session=turn.session, pupil_id=pupil.id, today=today)
    if found is None:
        return None
    return phase_with_weeks(found[0], weeks_between(found[1], today), turn.lang)
