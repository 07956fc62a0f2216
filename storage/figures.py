"""Digest figures, counted by the database rather than by loading every row."""

from __future__ import annotations

from datetime import date

from sqlalchemy import func
from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from domain.delivery import DeliveryStatus
from storage.models import CheckIn, ContactLog, Delivery


async def checkins_per_day(
    *, session: AsyncSession, team_id: int, start: date, end: date
) -> dict[tuple[date, str], int]:
    """(day, kind) -> number of check-ins, for the days between start and end."""
    result = await session.exec(
        select(col(CheckIn.day), col(CheckIn.kind), func.count())
        .where(CheckIn.team_id == team_id, CheckIn.day >= start, CheckIn.day <= end)
        .group_by(col(CheckIn.day), col(CheckIn.kind))
    )
    return {(day, kind): int(n) for day, kind, n in result.all()}


async def moods_per_day(
    *, session: AsyncSession, team_id: int, start: date, end: date, kind: str = "start"
) -> dict[tuple[date, int], int]:
    """(day, mood) -> how many pupils answered that mood."""
    result = await session.exec(
        select(col(CheckIn.day), col(CheckIn.mood), func.count())
        .where(
            CheckIn.team_id == team_id,
            CheckIn.kind == kind,
            CheckIn.day >= start,
            CheckIn.day <= end,
        )
        .group_by(col(CheckIn.day), col(CheckIn.mood))
    )
    return {(day, mood): int(n) for day, mood, n in result.all()}


async def contacts_per_author(
    *, session: AsyncSession, team_id: int, start: date, end: date
) -> dict[int | None, int]:
    """author id -> contacts logged for days between start and end."""
    result = await session.exec(
        select(ContactLog.author_id, func.count())
        .where(ContactLog.team_id == team_id, ContactLog.day >= start, ContactLog.day <= end)
        .group_by(col(ContactLog.author_id))
    )
    return {author: int(n) for author, n in result.all()}


async def contacted_pupils(
    *, session: AsyncSession, team_id: int, start: date, end: date
) -> set[int]:
    """Pupils with at least one contact logged between start and end."""
    result = await session.exec(
        select(ContactLog.pupil_id)
        .where(ContactLog.team_id == team_id, ContactLog.day >= start, ContactLog.day <= end)
        .distinct()
    )
    return set(result.all())


async def failed_deliveries(
    *, session: AsyncSession, team_id: int, start: date, end: date
) -> dict[str, int]:
    """Why deliveries for the days between start and end gave up -> how many."""
    result = await session.exec(
        select(col(Delivery.last_error), func.count())
        .where(
            Delivery.team_id == team_id,
            Delivery.status == DeliveryStatus.FAILED,
            Delivery.day >= start,
            Delivery.day <= end,
        )
        .group_by(col(Delivery.last_error))
    )
    return {str(reason or "unknown"): int(n) for reason, n in result.all()}


async def last_contacts(
    *, session: AsyncSession, team_id: int, since: date
) -> dict[int, list[date]]:
    """pupil id -> days with a logged contact since `since` (for the signal rules)."""
    result = await session.exec(
        select(col(ContactLog.pupil_id), col(ContactLog.day)).where(
            ContactLog.team_id == team_id, ContactLog.day >= since
        )
    )
    found: dict[int, list[date]] = {}
    for pupil_id, day in result.all():
        found.setdefault(pupil_id, []).append(day)
    return found


async def contacts_per_kind(
    *, session: AsyncSession, team_id: int, start: date, end: date
) -> dict[str, tuple[int, int]]:
    """kind -> (contacts, minutes logged) for days between start and end."""
    result = await session.exec(
        select(col(ContactLog.kind), func.count(), func.coalesce(func.sum(ContactLog.minutes), 0))
        .where(ContactLog.team_id == team_id, ContactLog.day >= start, ContactLog.day <= end)
        .group_by(col(ContactLog.kind))
    )
    return {kind: (int(n), int(minutes or 0)) for kind, n, minutes in result.all()}
