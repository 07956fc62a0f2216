"""What the flows put in the outbox: rows written once per natural key, and what they ask of them.

How the rows are sent (claims, leases, outcomes) is `storage.outbox`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import update
from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from domain.delivery import DeliveryStatus, Prompt
from domain.recipient import Recipient
from storage.models import Delivery
from storage.util import table_of, upsert_for

# Set in a session's `info` once `enqueue` wrote a row in it (see `wrote_deliveries`).
WROTE = "dagritme.wrote_deliveries"


@dataclass(frozen=True)
class NewDelivery:
    """One message to write to the outbox."""

    team_id: int
    prompt: Prompt
    day: date
    recipient: Recipient
    payload: dict[str, Any]
    not_before: datetime
    ref: str = ""
    expires_at: datetime | None = None
    status: DeliveryStatus = DeliveryStatus.PENDING  # CANCELLED: a marker that is never sent


async def enqueue(
    *, session: AsyncSession, deliveries: Sequence[NewDelivery], now: datetime
) -> int:
    """Write deliveries, skipping any whose natural key is already there; returns how many new."""
    if not deliveries:
        return 0
    rows = [
        {
            "team_id": d.team_id,
            "person_id": d.recipient.person_id,  # a row's person is who it goes to
            "prompt": d.prompt,
            "day": d.day,
            "recipient": d.recipient.key,
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
    table = table_of(Delivery)
    insert = upsert_for(session)
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
    if created:
        session.info[WROTE] = True
    return created


def wrote_deliveries(session: AsyncSession) -> bool:
    """Whether `enqueue` wrote a row in this session (a turn's answer may add to what it wrote)."""
    return bool(session.info.get(WROTE))


async def recipients_with(
    *, session: AsyncSession, team_id: int, prompt: Prompt, day: date
) -> set[Recipient]:
    """Recipients that already have a delivery of this prompt on this day."""
    result = await session.exec(
        select(Delivery.recipient).where(
            Delivery.team_id == team_id, Delivery.prompt == prompt, Delivery.day == day
        )
    )
    return {Recipient.parse(key) for key in result.all()}


async def cancel_pending(
    *, session: AsyncSession, reason: str, team_id: int | None = None, person_id: int | None = None
) -> None:
    """Cancel what is still waiting for a team that removed the bot or a person who left."""
    query = update(Delivery).where(col(Delivery.status) == DeliveryStatus.PENDING)
    if team_id is not None:
        query = query.where(col(Delivery.team_id) == team_id)
    if person_id is not None:
        query = query.where(col(Delivery.person_id) == person_id)
    await session.exec(query.values(status=DeliveryStatus.CANCELLED, last_error=reason))
