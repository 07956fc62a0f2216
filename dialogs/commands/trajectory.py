"""`traject`: a pupil's path back to school, from phase to phase until it ends with an outcome."""

from __future__ import annotations

from collections.abc import Sequence

from cards.catalogue import Words, t
from cards.trajectory import (
    phase_list,
    phase_with_weeks,
    trajectory_card,
    trajectory_view,
)
from dialogs.commands import trajectory_changes as changes
from dialogs.inbound import Reply, card, text
from dialogs.names import NotFound, resolve_pupil
from dialogs.router import COORDINATOR, PRIVATE, STAFF, Turn, refusal, router
from domain.clock import local_date
from domain.roles import Role
from domain.trajectory import (
    DEFAULT_PHASES,
    EndTrajectory,
    MoveToPhase,
    SetStart,
    ShowTrajectory,
    TeamPhases,
    TrajectoryProblem,
    parse_trajectory,
    weeks_between,
)
from storage import trajectories
from storage.models import Person


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
        return [await changes.move(turn, pupil, parsed, phases)]
    if isinstance(parsed, SetStart):
        return [await changes.start(turn, pupil, parsed.day, phases)]
    if isinstance(parsed, EndTrajectory):
        return [await changes.end(turn, pupil, parsed)]
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
    if turn.role != Role.COORDINATOR:
        return refusal(turn, COORDINATOR)
    await trajectories.set_team_phases(
        session=turn.session, team_id=turn.team_id, names=parsed.names
    )
    await turn.audit("trajectory.phases_set", details={"phases": len(parsed.names)})
    return text(t("trajectory.phases.set", turn.lang, phases=phase_list(parsed.names, turn.lang)))


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
