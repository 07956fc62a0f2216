"""Queries about the contact log."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime

from sqlalchemy import func
from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from domain.contacts import ContactKind
from storage.models import ContactLog
from storage.util import insert_once


async def add_contact(
    *,
    session: AsyncSession,
    team_id: int,
    pupil_id: int,
    author_id: int,
    day: date,
    kind: str,
    minutes: int | None,
    note: str | None,
    source: str,
    now: datetime,
    agreements: str | None = None,
) -> tuple[ContactLog, bool]:
    """Store a contact once per author and source; returns (contact, created)."""
    return await insert_once(
        session,
        ContactLog,
        values={
            "team_id": team_id,
            "pupil_id": pupil_id,
            "author_id": author_id,
            "day": day,
            "kind": kind,
            "minutes": minutes,
            "note": note,
            "agreements": agreements,
            "source": source,
            "created_at": now,
        },
        conflict=("author_id", "source"),
    )


async def get_contact(*, session: AsyncSession, contact_id: int) -> ContactLog | None:
    """A contact by id."""
    return await session.get(ContactLog, contact_id)


async def recent_contacts(
    *, session: AsyncSession, pupil_id: int, limit: int
) -> Sequence[ContactLog]:
    """A pupil's latest contacts, newest first."""
    result = await session.exec(
        select(ContactLog)
        .where(ContactLog.pupil_id == pupil_id)
        .order_by(col(ContactLog.day).desc(), col(ContactLog.id).desc())
        .limit(limit)
    )
    return result.all()


async def last_contact_days(*, session: AsyncSession, pupil_ids: Sequence[int]) -> dict[int, date]:
    """pupil id -> the day of their latest logged contact (pupils without one are absent)."""
    if not pupil_ids:
        return {}
    result = await session.exec(
        select(ContactLog.pupil_id, func.max(ContactLog.day))
        .where(col(ContactLog.pupil_id).in_(list(pupil_ids)))
        .group_by(col(ContactLog.pupil_id))
    )
    return {pupil_id: day for pupil_id, day in result.all() if day is not None}


async def contacts_between(
    *, session: AsyncSession, pupil_id: int, start: date, end: date
) -> Sequence[ContactLog]:
    """A pupil's contacts between two days (both included), oldest first."""
    result = await session.exec(
        select(ContactLog)
        .where(ContactLog.pupil_id == pupil_id, ContactLog.day >= start, ContactLog.day <= end)
        .order_by(col(ContactLog.day), col(ContactLog.id))
    )
    return result.all()


async def count_since(*, session: AsyncSession, pupil_id: int, since: date) -> int:
    """How many contacts with a pupil were logged for `since` or a later day."""
    result = await session.exec(
        select(func.count())
        .select_from(ContactLog)
        .where(ContactLog.pupil_id == pupil_id, ContactLog.day >= since)
    )
    return int(result.one())


async def latest_of_kind(
    *, session: AsyncSession, pupil_id: int, kind: ContactKind
) -> ContactLog | None:
    """A pupil's latest contact of one kind (the latest progress talk, with its agreements)."""
    result = await session.exec(
        select(ContactLog)
        .where(ContactLog.pupil_id == pupil_id, ContactLog.kind == kind)
        .order_by(col(ContactLog.day).desc(), col(ContactLog.id).desc())
        .limit(1)
    )
    return result.first()


async def last_days_of_kind(
    *, session: AsyncSession, team_id: int, kind: ContactKind
) -> dict[int, date]:
    """pupil id -> the day of their latest contact of one kind, for a whole team."""
    result = await session.exec(
        select(ContactLog.pupil_id, func.max(ContactLog.day))
        .where(ContactLog.team_id == team_id, ContactLog.kind == kind)
        .group_by(col(ContactLog.pupil_id))
    )
    return {pupil_id: day for pupil_id, day in result.all() if day is not None}


async def delete_contact(*, session: AsyncSession, contact: ContactLog) -> None:
    """Remove a contact (the caller records the audit event)."""
    await session.delete(contact)
    await session.flush()
