"""Where each pupil's OPP cycle stands: a plan's cycle, who to invite, when each pupil's next
evaluation is due, and how a pupil has done since the last one. Read by the `opp` command, the
nudges, the digests and the signals.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from sqlmodel.ext.asyncio.session import AsyncSession

from cards.opp import OppRow, Trend
from domain.calendar import SchoolCalendar
from domain.opp import next_due, participants_to_invite
from domain.pause import unpaused
from domain.trend import mood_halves
from storage import checkins, contacts, opp, people
from storage.models import OppPlan, Person, Team


def cycle_of(plan: OppPlan, team: Team) -> int:
    """A plan's cycle in weeks: its own, else the team's default."""
    return plan.cycle_weeks or team.opp_cycle_weeks


def suggested_participants(team: Team) -> list[str]:
    """Who to invite: pupil, parents, mentor, school, and the team's behavioural scientist."""
    return participants_to_invite(with_scientist=bool(team.behavioural_scientist))


async def opp_rows(
    session: AsyncSession,
    team: Team,
    pupils: Sequence[Person],
    *,
    today: date,
    calendar: SchoolCalendar,
    with_mentor: bool = False,
) -> tuple[list[OppRow], list[Person]]:
    """(rows with a due date, sorted overdue first; pupils without a plan)."""
    assert team.id is not None
    plans = {p.pupil_id: p for p in await opp.team_plans(session=session, team_id=team.id)}
    last = await opp.last_evaluations(session=session, team_id=team.id)
    mentors = await people.mentor_map(session=session, team_id=team.id) if with_mentor else {}
    rows: list[OppRow] = []
    missing: list[Person] = []
    for pupil in pupils:
        plan = plans.get(pupil.id or 0)
        if plan is None:
            missing.append(pupil)
            continue
        due = next_due(
            start=plan.start_date,
            last_evaluation=last.get(pupil.id or 0),
            cycle_weeks=cycle_of(plan, team),
        )
        mentor = mentors.get(pupil.id or 0)
        rows.append(
            OppRow(
                pupil_id=pupil.id or 0,
                name=pupil.name,
                due=due,
                days_left=(due - today).days,
                vacation=calendar.vacation_name(due),
                mentor=mentor.name if mentor else None,
            )
        )
    rows.sort(key=lambda r: (r.due, r.name))
    return rows, missing


async def trend_since(
    session: AsyncSession, pupil: Person, *, since: date, today: date, calendar: SchoolCalendar
) -> Trend:
    """Check-ins, mood and contacts since `since`, to prepare an evaluation with."""
    assert pupil.id is not None
    history = await checkins.pupil_checkins(
        session=session, pupil_id=pupil.id, start=since, end=today
    )
    moods = [c.mood for c in history if c.kind == "start"]
    mood = mood_halves(moods)
    return Trend(
        since=since,
        school_days=len(unpaused(calendar.school_days(since, today), pupil.paused_until)),
        checked_in=len(moods),
        average_mood=mood.average,
        first_half_mood=mood.first_half,
        second_half_mood=mood.second_half,
        contacts=await contacts.count_since(session=session, pupil_id=pupil.id, since=since),
    )
