"""Queries about check-ins (day start and day close answers)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime

from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from storage.models import CheckIn
from storage.util import insert_once


async def create_checkin(
    *,
    session: AsyncSession,
    team_id: int,
    pupil_id: int,
    day: date,
    kind: str,
    mood: int,
    now: datetime,
    energy: int | None = None,
    goals: Sequence[str] = (),
    goal_status: Sequence[str | None] = (),
    wants_contact: bool = False,
    note: str | None = None,
    feeling: str | None = None,
) -> tuple[CheckIn, bool]:
    """Store a check-in once per pupil, day and kind; (the stored one, whether it is new)."""
    return await insert_once(
        session,
        CheckIn,
        values={
            "team_id": team_id,
            "pupil_id": pupil_id,
            "day": day,
            "kind": kind,
            "mood": mood,
            "energy": energy,
            "goals": list(goals),
            "goal_status": list(goal_status),
            "wants_contact": wants_contact,
            "note": note,
            "feeling": feeling,
            "created_at": now,
        },
        conflict=("pupil_id", "day", "kind"),
    )


async def get_checkin(
    *, session: AsyncSession, pupil_id: int, day: date, kind: str
) -> CheckIn | None:
    """A pupil's check-in of one kind on one day."""
    result = await session.exec(
        select(CheckIn).where(
            CheckIn.pupil_id == pupil_id, CheckIn.day == day, CheckIn.kind == kind
        )
    )
    return result.first()


async def checked_in(*, session: AsyncSession, team_id: int, day: date, kind: str) -> set[int]:
    """Ids of the team's pupils who answered `kind` on `day`."""
    result = await session.exec(
        select(CheckIn.pupil_id).where(
            CheckIn.team_id == team_id, CheckIn.day == day, CheckIn.kind == kind
        )
    )
    return set(result.all())


async def day_checkins(*, session: AsyncSession, team_id: int, day: date) -> Sequence[CheckIn]:
    """All of a team's check-ins on one day."""
    result = await session.exec(
        select(CheckIn)
        .where(CheckIn.team_id == team_id, CheckIn.day == day)
        .order_by(col(CheckIn.id))
    )
    return result.all()


async def pupil_checkins(
    *, session: AsyncSession, pupil_id: int, start: date, end: date
) -> Sequence[CheckIn]:
    """A pupil's check-ins between two days (both included), oldest first."""
    result = await session.exec(
        select(CheckIn)
        .where(CheckIn.pupil_id == pupil_id, CheckIn.day >= start, CheckIn.day <= end)
        .order_by(col(CheckIn.day), col(CheckIn.kind))
    )
    return result.all()


async def team_checkins(
    *, session: AsyncSession, team_id: int, start: date, end: date
) -> dict[int, list[CheckIn]]:
    """pupil id -> check-ins between two days (both included), oldest first."""
    result = await session.exec(
        select(CheckIn)
        .where(CheckIn.team_id == team_id, CheckIn.day >= start, CheckIn.day <= end)
        .order_by(col(CheckIn.day))
    )
    found: dict[int, list[CheckIn]] = {}
    for check in result.all():
        found.setdefault(check.pupil_id, []).append(check)
    return found
