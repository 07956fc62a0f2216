"""`rapport`: the coordinators' term report, in counts only, for the team as a whole."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlmodel.ext.asyncio.session import AsyncSession

from cards.catalogue import Words, t
from cards.term_report import term_report_card
from dialogs.inbound import Reply, card, text
from dialogs.router import COORDINATOR, PRIVATE, Turn, router
from dialogs.teamcal import calendar_for
from domain.clock import local_date
from domain.pause import paused_on
from domain.roles import Role
from domain.term_report import (
    ActivityFigures,
    Period,
    TermFigures,
    TrajectoryFacts,
    parse_period,
    term_figures,
)
from domain.trajectory import DEFAULT_PHASES
from storage import audit, figures, people, trajectories
from storage.models import Team


async def activity_figures(session: AsyncSession, team: Team, period: Period) -> ActivityFigures:
    """Check-ins over the period's school days, and the contacts logged in it."""
    assert team.id is not None
    calendar = await calendar_for(session, team)
    days = calendar.school_days(period.start, period.end)
    expected = asked = 0
    for pupil in await people.team_members(session=session, team_id=team.id, role=Role.PUPIL):
        joined = local_date(pupil.joined_at) if pupil.joined_at else period.start
        count = sum(1 for d in days if d >= joined and not paused_on(pupil.paused_until, d))
        expected += count
        asked += 1 if count else 0
    per_day = await figures.checkins_per_day(
        session=session, team_id=team.id, start=period.start, end=period.end
    )
    checked_in = sum(per_day.get((day, "start"), 0) for day in days)
    return ActivityFigures(
        pupils=asked,
        school_days=len(days),
        expected=expected,
        # pupils who have left the team checked in too, but are no longer asked for
        checked_in=min(checked_in, expected),
        contacts=await figures.contacts_per_kind(
            session=session, team_id=team.id, start=period.start, end=period.end
        ),
    )


async def term_report(
    session: AsyncSession,
    team: Team,
    period: Period,
    *,
    now: datetime,
    actor_id: int | None,
    details: dict[str, Any] | None = None,
) -> tuple[TermFigures, ActivityFigures]:
    """The report's figures; reading them is audited as a read of the whole team (it names no
    one, so no pupil is its subject)."""
    assert team.id is not None
    phases = await trajectories.team_phases(session=session, team_id=team.id)
    facts = [
        TrajectoryFacts(
            started_on=trajectory.started_on,
            ended_on=trajectory.ended_on,
            outcome=trajectory.outcome,
            phases=rows,
            left_on=local_date(left_at) if left_at is not None else None,
        )
        for trajectory, rows, left_at in await trajectories.team_trajectories(
            session=session, team_id=team.id
        )
    ]
    found = term_figures(facts, team_phases=phases or DEFAULT_PHASES, period=period)
    activity = await activity_figures(session, team, period)
    await audit.record(
        session=session,
        action="report.term.read",
        now=now,
        team_id=team.id,
        actor_id=actor_id,
        details={"from": period.start.isoformat(), "to": period.end.isoformat(), **(details or {})},
    )
    return found, activity


@router.command(
    "rapport",
    "report",
    roles=COORDINATOR,
    where=PRIVATE,
    order=110,
    help=Words(
        nl=(
            "**rapport** [periode] — periodeverslag in aantallen, zonder "
            "namen: fasen, uitkomsten, check-ins, contacten; `rapport`, "
            "`rapport schooljaar 2025-2026`, `rapport 1-8 tot 31-12`"
        ),
        en=(
            "**report** [period] — term report in counts, without names: phases, outcomes, "
            "check-ins, contacts; `report`, `report school year 2025-2026`, `report 1-8 to 31-12`"
        ),
    ),
    usage=Words(
        nl=(
            "Gebruik: **rapport** (dit schooljaar), **rapport vorig schooljaar**, "
            "**rapport schooljaar** 2025-2026, **rapport** _datum_ **tot** _datum_."
        ),
        en=(
            "Usage: **report** (this school year), **report last school year**, "
            "**report school year** 2025-2026, **report** _date_ **to** _date_."
        ),
    ),
)
async def report_command(turn: Turn) -> Sequence[Reply]:
    """`rapport [periode]`: this school year, last school year, a school year, or two dates."""
    assert turn.team is not None
    period = parse_period(turn.args, today=local_date(turn.now))
    if not isinstance(period, Period):
        message = t(f"report.problem.{period}", turn.lang)
        return [text(message + "\n\n" + turn.usage())]
    found, activity = await term_report(
        turn.session, turn.team, period, now=turn.now, actor_id=turn.actor_id
    )
    shown = term_report_card(lang=turn.lang, team=turn.team.name, figures=found, activity=activity)
    return [card(shown)]
