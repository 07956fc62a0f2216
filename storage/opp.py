"""Queries about OPP plans and their evaluations."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime

from sqlalchemy import func
from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from storage.models import OppEvaluation, OppPlan
from storage.util import insert_once


async def plan_of(*, session: AsyncSession, pupil_id: int) -> OppPlan | None:
    """A pupil's OPP plan, if one was started."""
    result = await session.exec(select(OppPlan).where(OppPlan.pupil_id == pupil_id))
    return result.first()


async def set_plan(
    *,
    session: AsyncSession,
    team_id: int,
    pupil_id: int,
    start: date,
    cycle_weeks: int | None,
    now: datetime,
) -> tuple[OppPlan, bool]:
    """Start (or restart) a pupil's OPP cycle; returns (plan, created)."""
    plan = await plan_of(session=session, pupil_id=pupil_id)
    created = plan is None
    if plan is None:
        plan = OppPlan(team_id=team_id, pupil_id=pupil_id, start_date=start, created_at=now)
    plan.start_date = start
    plan.cycle_weeks = cycle_weeks
    plan.updated_at = now
    session.add(plan)
    await session.flush()
    return plan, created


async def team_plans(*, session: AsyncSession, team_id: int) -> Sequence[OppPlan]:
    """Every OPP plan of a team."""
    result = await session.exec(select(OppPlan).where(OppPlan.team_id == team_id))
    return result.all()


async def last_evaluations(*, session: AsyncSession, team_id: int) -> dict[int, date]:
    """pupil id -> the day of their latest evaluation, for a whole team."""
    result = await session.exec(
        select(OppEvaluation.pupil_id, func.max(OppEvaluation.day))
        .where(OppEvaluation.team_id == team_id)
        .group_by(col(OppEvaluation.pupil_id))
    )
    return {pupil_id: day for pupil_id, day in result.all() if day is not None}


async def last_evaluations_with(
    *, session: AsyncSession, team_id: int, participant: str
) -> dict[int, date]:
    """pupil id -> the day of their latest evaluation in which `participant` took part.

    The participants are a JSON list, read here rather than in SQL so that SQLite and
    PostgreSQL answer alike; a team holds a few hundred evaluations at most.
    """
    result = await session.exec(select(OppEvaluation).where(OppEvaluation.team_id == team_id))
    found: dict[int, date] = {}
    for row in result.all():
        if participant in (row.participants or []) and row.day > found.get(row.pupil_id, date.min):
            found[row.pupil_id] = row.day
    return found


async def add_evaluation(
    *,
    session: AsyncSession,
    team_id: int,
    pupil_id: int,
    author_id: int,
    day: date,
    participants: Sequence[str],
    note: str | None,
    source: str,
    now: datetime,
) -> tuple[OppEvaluation, bool]:
    """Record an evaluation once per author and source; returns (evaluation, created)."""
    return await insert_once(
        session,
        OppEvaluation,
        values={
            "team_id": team_id,
            "pupil_id": pupil_id,
            "author_id": author_id,
            "day": day,
            "participants": list(participants),
            "note": note,
            "source": source,
            "created_at": now,
        },
        conflict=("author_id", "source"),
    )


async def evaluations(*, session: AsyncSession, pupil_id: int) -> Sequence[OppEvaluation]:
    """A pupil's evaluations, newest first."""
    result = await session.exec(
        select(OppEvaluation)
        .where(OppEvaluation.pupil_id == pupil_id)
        .order_by(col(OppEvaluation.day).desc(), col(OppEvaluation.id).desc())
    )
    return result.all()
