"""Queries for a pupil's own week: the days they checked in."""

from __future__ import annotations

from datetime import date

from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from storage.models import CheckIn


async def checkin_days(
    *, session: AsyncSession, pupil_id: int, start: date, end: date
) -> set[date]:
    """The days between `start` and `end` (both included) with a day start or close answer."""
    result = await session.exec(
        select(col(CheckIn.day))
        .where(CheckIn.pupil_id == pupil_id, CheckIn.day >= start, CheckIn.day <= end)
        .distinct()
    )
    return set(result.all())
