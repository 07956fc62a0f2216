"""The delivery outbox: rows written once per natural key, claimed by one worker at a time."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import and_, func, or_, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from storage.models import Delivery
from storage.util import dialect_of

# A row claimed longer ago than this belongs to a worker that died; another may take it.
STALE_CLAIM = timedelta(minutes=5)


@dataclass(frozen=True)
class NewDelivery:
    """One message to write to the outbox."""

    team_id: int
    prompt: str
    day: date
    recipient: str
    payload: dict[str, Any]
    not_before: datetime
    person_id: int | None = None
    ref: str = ""
    expires_at: datetime | None = None
    status: str = "pending"  # "cancelled" writes a marker that is never sent


def person_recipient(person_id: int) -> str:
    """The recipient key for a person's 1:1 chat."""
    return f"person:{person_id}"


def channel_recipient(channel_id: str) -> str:
    """The recipient key for a team channel."""
    return f"channel:{channel_id}"


async def enqueue(
    *, session: AsyncSession, deliveries: Sequence[NewDelivery], now: datetime
) -> int:
    """Write deliveries, skipping any whose natural key is already there; returns how many new."""
    if not deliveries:
        return 0
    rows = [
        {
            "team_id": d.team_id,
            "person_id": d.person_id,
            "prompt": d.prompt,
            "day": d.day,
            "recipient": d.recipient,
            "ref": d.ref,
            "payload": d.payload,
            "status": d.status,
            "attempts": 0,
            "not_before": d.not_before,
            "expires_at": d.expires_at,
            "created_at": now,
        }
        for d in deliveries
    ]
    table: Any = Delivery.__table__  # type: ignore[attr-defined]
    insert: Any = postgresql.insert if dialect_of(session) == "postgresql" else sqlite.insert
    created = 0
    for start in range(0, len(rows), 500):
        stmt = (
            insert(table)
            .values(rows[start : start + 500])
            .on_conflict_do_nothing(index_elements=["prompt", "day", "recipient", "ref"])
            .returning(table.c.id)
        )
        result = await session.exec(stmt)
        created += len(result.all())
    return created


async def recipients_with(
    *, session: AsyncSession, team_id: int, prompt: str, day: date
) -> set[str]:
    """Recipients that already have a delivery of this prompt on this day."""
    result = await session.exec(
        select(Delivery.recipient).where(
            Delivery.team_id == team_id, Delivery.prompt == prompt, Delivery.day == day
        )
    )
    return set(result.all())


async def claim(*, session: AsyncSession, now: datetime, limit: int) -> list[Delivery]:
    """Take up to `limit` due rows for this worker (other workers skip them), oldest first."""
    stale = now - STALE_CLAIM
    due = or_(
        and_(col(Delivery.status) == "pending", col(Delivery.not_before) <= now),
        and_(col(Delivery.status) == "sending", col(Delivery.claimed_at) < stale),
    )
    query = select(Delivery).where(due).order_by(col(Delivery.not_before), col(Delivery.id))
    query = query.limit(limit)
    if dialect_of(session) == "postgresql":
        query = query.with_for_update(skip_locked=True)
    rows = list((await session.exec(query)).all())
    token = uuid.uuid4().hex
    for row in rows:
        row.status = "sending"
        row.claimed_at = now
        row.claim_token = token
        row.attempts += 1
        session.add(row)
    await session.flush()
    return rows


async def finish(
    *,
    session: AsyncSession,
    delivery_id: int,
    claim_token: str,
    status: str,
    now: datetime,
    activity_id: str | None = None,
    conversation_id: str | None = None,
    error: str | None = None,
    retry_at: datetime | None = None,
) -> bool:
    """Record a send's outcome, only if this worker still holds the claim."""
    values: dict[str, Any] = {"status": status, "last_error": error, "claim_token": None}
    if status == "sent":
        values.update(sent_at=now, activity_id=activity_id, conversation_id=conversation_id)
    if retry_at is not None:
        values["not_before"] = retry_at
    result: Any = await session.exec(
        update(Delivery)
        .where(col(Delivery.id) == delivery_id, col(Delivery.claim_token) == claim_token)
        .values(**values)
    )
    return bool(result.rowcount)


async def counts(*, session: AsyncSession, team_id: int | None = None) -> dict[str, int]:
    """How many deliveries are in each state (for health and digests)."""
    query = select(Delivery.status, func.count()).group_by(col(Delivery.status))
    if team_id is not None:
        query = query.where(Delivery.team_id == team_id)
    result = await session.exec(query)
    return {status: int(n) for status, n in result.all()}


async def cancel_pending(
    *, session: AsyncSession, reason: str, team_id: int | None = None, person_id: int | None = None
) -> None:
    """Cancel what is still waiting for a team that removed the bot or a person who left."""
    query = update(Delivery).where(col(Delivery.status) == "pending")
    if team_id is not None:
        query = query.where(col(Delivery.team_id) == team_id)
    if person_id is not None:
        query = query.where(col(Delivery.person_id) == person_id)
    await session.exec(query.values(status="cancelled", last_error=reason))
