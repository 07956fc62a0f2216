"""The delivery outbox: rows written once per natural key, claimed by one worker at a time."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import and_, bindparam, delete, func, or_, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from domain.recipient import Recipient
from storage.models import Delivery, DeliveryLane, Team
from storage.util import dialect_of

# Lease keys of worker heartbeats (tenants have their tenant id as key).
WORKER_KEY = "worker:"
# Set in a session's `info` once `enqueue` wrote a row in it (see `wrote_deliveries`).
WROTE = "dagritme.wrote_deliveries"


@dataclass(frozen=True)
class NewDelivery:
    """One message to write to the outbox."""

    team_id: int
    prompt: str
    day: date
    recipient: Recipient
    payload: dict[str, Any]
    not_before: datetime
    ref: str = ""
    expires_at: datetime | None = None
    status: str = "pending"  # "cancelled" writes a marker that is never sent


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
    if created:
        session.info[WROTE] = True
    return created


def wrote_deliveries(session: AsyncSession) -> bool:
    """Whether `enqueue` wrote a row in this session (a turn's answer may add to what it wrote)."""
    return bool(session.info.get(WROTE))


async def recipients_with(
    *, session: AsyncSession, team_id: int, prompt: str, day: date
) -> set[Recipient]:
    """Recipients that already have a delivery of this prompt on this day."""
    result = await session.exec(
        select(Delivery.recipient).where(
            Delivery.team_id == team_id, Delivery.prompt == prompt, Delivery.day == day
        )
    )
    return {Recipient.parse(key) for key in result.all()}


async def due_tenants(*, session: AsyncSession, now: datetime) -> dict[str, int]:
    """Tenants with rows to send now, or with rows a worker claimed and may not have sent."""
    waiting = or_(
        and_(col(Delivery.status) == "pending", col(Delivery.not_before) <= now),
        col(Delivery.status) == "sending",
    )
    query = (
        select(Team.tenant_id, func.count())
        .join(Delivery, col(Delivery.team_id) == col(Team.id))
        .where(waiting)
        .group_by(col(Team.tenant_id))
        .order_by(func.min(col(Delivery.not_before)))
    )
    return {tenant: int(n) for tenant, n in (await session.exec(query)).all()}


async def claim(
    *, session: AsyncSession, now: datetime, limit: int, tenant: str | None = None, token: str = ""
) -> list[Delivery]:
    """Take up to `limit` due rows (of one tenant) for this worker, oldest first.

    On PostgreSQL the rows are locked with SKIP LOCKED, so concurrent claims never take the same
    row; SQLite has one writer at a time, which gives the same.
    """
    query = select(Delivery).where(
        col(Delivery.status) == "pending", col(Delivery.not_before) <= now
    )
    if tenant is not None:
        in_tenant = select(Team.id).where(Team.tenant_id == tenant)
        query = query.where(col(Delivery.team_id).in_(in_tenant))
    query = query.order_by(col(Delivery.not_before), col(Delivery.id)).limit(limit)
    if dialect_of(session) == "postgresql":
        query = query.with_for_update(skip_locked=True)
    rows = list((await session.exec(query)).all())
    if not rows:
        return []
    token = token or uuid.uuid4().hex
    ids = [row.id for row in rows]
    await session.exec(
        update(Delivery)
        .where(col(Delivery.id).in_(ids))
        .values(
            status="sending",
            claimed_at=now,
            claim_token=token,
            attempts=col(Delivery.attempts) + 1,
        )
        .execution_options(synchronize_session=False)
    )
    for row in rows:
        session.expunge(row)
        row.status, row.claimed_at, row.claim_token = "sending", now, token
        row.attempts += 1
    return rows


async def release_claims(
    *, session: AsyncSession, tenant: str, keep_token: str | None = None
) -> int:
    """Give a tenant's claimed rows back to the queue (their worker is gone, or lost its lease).

    Rows are only ever claimed by the tenant's lease holder, so this runs when a lease changes
    hands; `keep_token` spares the caller's own claims.
    """
    in_tenant = select(Team.id).where(Team.tenant_id == tenant)
    query = update(Delivery).where(
        col(Delivery.status) == "sending", col(Delivery.team_id).in_(in_tenant)
    )
    if keep_token is not None:
        query = query.where(col(Delivery.claim_token) != keep_token)
    result: Any = await session.exec(query.values(status="pending", claim_token=None))
    return int(result.rowcount or 0)


async def unclaim(*, session: AsyncSession, ids: Sequence[int], token: str) -> None:
    """Put rows this worker claimed but did not send back in the queue, as if never claimed."""
    if not ids:
        return
    await session.exec(
        update(Delivery)
        .where(
            col(Delivery.id).in_(list(ids)),
            col(Delivery.claim_token) == token,
            col(Delivery.status) == "sending",
        )
        .values(
            status="pending",
            claim_token=None,
            attempts=col(Delivery.attempts) - 1,
        )
    )


async def take_lease(
    *, session: AsyncSession, key: str, holder: str, now: datetime, ttl: timedelta
) -> bool:
    """Take or renew a lease; False while another holder's lease runs."""
    table: Any = DeliveryLane.__table__  # type: ignore[attr-defined]
    insert: Any = postgresql.insert if dialect_of(session) == "postgresql" else sqlite.insert
    stmt = insert(table).values(key=key, holder=holder, expires_at=now + ttl)
    stmt = stmt.on_conflict_do_update(
        index_elements=["key"],
        set_={"holder": holder, "expires_at": now + ttl},
        where=or_(table.c.holder == holder, table.c.expires_at <= now),
    ).returning(table.c.holder)
    return (await session.exec(stmt)).first() is not None


async def drop_leases(*, session: AsyncSession, keys: Sequence[str], holder: str) -> None:
    """Let go of leases this holder has (at shutdown, or when a tenant has nothing left)."""
    if keys:
        await session.exec(
            delete(DeliveryLane).where(
                col(DeliveryLane.key).in_(list(keys)), col(DeliveryLane.holder) == holder
            )
        )


async def live_workers(*, session: AsyncSession, now: datetime) -> int:
    """How many workers have a current heartbeat."""
    query = select(func.count()).where(
        col(DeliveryLane.key).startswith(WORKER_KEY), col(DeliveryLane.expires_at) > now
    )
    return int((await session.exec(query)).one())


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


async def finish_sent(
    *, session: AsyncSession, sent: Sequence[tuple[int, str, str | None, str]], now: datetime
) -> None:
    """Record many successful sends at once: (id, claim token, activity id, conversation id)."""
    if not sent:
        return
    table: Any = Delivery.__table__  # type: ignore[attr-defined]
    stmt = (
        update(table)
        .where(table.c.id == bindparam("row_id"), table.c.claim_token == bindparam("token"))
        .values(
            status="sent",
            sent_at=now,
            last_error=None,
            claim_token=None,
            activity_id=bindparam("activity"),
            conversation_id=bindparam("conversation"),
        )
    )
    connection = await session.connection()
    await connection.execute(
        stmt,
        [
            {"row_id": i, "token": token, "activity": activity, "conversation": conversation}
            for i, token, activity, conversation in sent
        ],
    )


async def health(*, session: AsyncSession, now: datetime) -> dict[str, Any]:
    """What an operator checks first: the backlog, how late it runs, and recent failures."""
    due = or_(
        and_(col(Delivery.status) == "pending", col(Delivery.not_before) <= now),
        col(Delivery.status) == "sending",
    )
    waiting, oldest = (
        await session.exec(select(func.count(), func.min(col(Delivery.not_before))).where(due))
    ).one()
    since = now - timedelta(days=1)
    # a row's last attempt began when it was last claimed: that is when it failed
    failed = await session.exec(
        select(Delivery.last_error, func.count())
        .where(col(Delivery.status) == "failed", col(Delivery.claimed_at) >= since)
        .group_by(col(Delivery.last_error))
    )
    reasons = {str(reason or "unknown"): int(n) for reason, n in failed.all()}
    late = (now - oldest).total_seconds() if oldest is not None else 0.0
    return {
        "due": int(waiting),
        "oldest_due_seconds": round(max(late, 0.0)),
        "failed_last_24h": sum(reasons.values()),
        "failed_reasons": reasons,
    }


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
