"""Queries about alerts: recorded once per source, picked up once, escalated once."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from typing import Any

from sqlalchemy import update
from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from storage.models import ContactLog, Delivery, PupilAlert
from storage.util import insert_once


async def record_alert(
    *,
    session: AsyncSession,
    team_id: int,
    pupil_id: int,
    day: date,
    kind: str,
    source: str,
    wants_contact: bool,
    now: datetime,
) -> tuple[PupilAlert, bool]:
    """Store an alert once per pupil and source; (the stored one, whether it is new)."""
    return await insert_once(
        session,
        PupilAlert,
        values={
            "team_id": team_id,
            "pupil_id": pupil_id,
            "day": day,
            "kind": kind,
            "source": source,
            "wants_contact": wants_contact,
            "created_at": now,
        },
        conflict=("pupil_id", "source"),
    )


async def get_alert(*, session: AsyncSession, alert_id: int) -> PupilAlert | None:
    """An alert by id."""
    return await session.get(PupilAlert, alert_id)


async def pick_up(*, session: AsyncSession, alert: PupilAlert, by_id: int, now: datetime) -> bool:
    """Mark an alert picked up by someone; False when someone had already (it stays theirs)."""
    result: Any = await session.exec(
        update(PupilAlert)
        .where(col(PupilAlert.id) == alert.id, col(PupilAlert.picked_up_at).is_(None))
        .values(picked_up_at=now, picked_up_by_id=by_id)
    )
    await session.refresh(alert)
    return bool(result.rowcount)


async def pick_up_after_contact(
    *, session: AsyncSession, author_id: int, source: str, now: datetime
) -> tuple[int | None, int]:
    """A contact stored from `source` picks up the open alerts of its pupil up to its day;
    (the pupil, how many alerts)."""
    contact = (
        await session.exec(
            select(ContactLog).where(ContactLog.author_id == author_id, ContactLog.source == source)
        )
    ).first()
    if contact is None:
        return None, 0
    result: Any = await session.exec(
        update(PupilAlert)
        .where(
            col(PupilAlert.pupil_id) == contact.pupil_id,
            col(PupilAlert.day) <= contact.day,
            col(PupilAlert.picked_up_at).is_(None),
        )
        .values(picked_up_at=now, picked_up_by_id=author_id)
        .execution_options(synchronize_session=False)
    )
    return contact.pupil_id, int(result.rowcount or 0)


async def open_alerts(*, session: AsyncSession, team_id: int, since: date) -> Sequence[PupilAlert]:
    """A team's alerts since a day that nobody picked up yet, oldest first."""
    result = await session.exec(
        select(PupilAlert)
        .where(
            PupilAlert.team_id == team_id,
            col(PupilAlert.day) >= since,
            col(PupilAlert.picked_up_at).is_(None),
        )
        .order_by(col(PupilAlert.created_at), col(PupilAlert.id))
    )
    return result.all()


async def waiting_wishes(
    *, session: AsyncSession, team_id: int, since: date
) -> Sequence[PupilAlert]:
    """Open wishes for contact since a day that have not gone to the coordinators yet (words of
    distress went to them at once)."""
    result = await session.exec(
        select(PupilAlert)
        .where(
            PupilAlert.team_id == team_id,
            col(PupilAlert.day) >= since,
            col(PupilAlert.wants_contact).is_(True),
            col(PupilAlert.kind) != "distress",
            col(PupilAlert.picked_up_at).is_(None),
            col(PupilAlert.escalated_at).is_(None),
        )
        .order_by(col(PupilAlert.id))
    )
    return result.all()


async def mark_escalated(*, session: AsyncSession, alert: PupilAlert, now: datetime) -> bool:
    """Record that an alert went to the coordinators; False when another pass did it first."""
    result: Any = await session.exec(
        update(PupilAlert)
        .where(col(PupilAlert.id) == alert.id, col(PupilAlert.escalated_at).is_(None))
        .values(escalated_at=now)
    )
    await session.refresh(alert)
    return bool(result.rowcount)


async def alerts_between(
    *, session: AsyncSession, team_id: int, start: date, end: date
) -> Sequence[PupilAlert]:
    """A team's alerts of the days between start and end (both included)."""
    result = await session.exec(
        select(PupilAlert).where(
            PupilAlert.team_id == team_id,
            col(PupilAlert.day) >= start,
            col(PupilAlert.day) <= end,
        )
    )
    return result.all()


async def pupil_alerts_between(
    *, session: AsyncSession, pupil_id: int, start: date, end: date
) -> Sequence[PupilAlert]:
    """One pupil's alerts of the days between start and end (both included), oldest first."""
    result = await session.exec(
        select(PupilAlert)
        .where(
            PupilAlert.pupil_id == pupil_id,
            col(PupilAlert.day) >= start,
            col(PupilAlert.day) <= end,
        )
        .order_by(col(PupilAlert.day), col(PupilAlert.id))
    )
    return result.all()


async def delivered_card(
    *, session: AsyncSession, conversation_id: str, activity_id: str
) -> dict[str, Any] | None:
    """The card of an outbox message as it was sent in a conversation, if the bot sent one."""
    row = (
        await session.exec(
            select(Delivery).where(
                Delivery.conversation_id == conversation_id, Delivery.activity_id == activity_id
            )
        )
    ).first()
    if row is None:
        return None
    card = (row.payload or {}).get("card")
    return card if isinstance(card, dict) else None
