"""Sending the outbox: rows claimed by one worker at a time, the leases that share the tenants
out between workers, each send's outcome, and what an operator checks.

What the flows write into it is `storage.deliveries`.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import and_, bindparam, delete, func, or_, update
from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from domain.delivery import DeliveryStatus
from storage.models import Delivery, DeliveryLane, Team
from storage.util import dialect_of, table_of, upsert_for

# Lease keys of worker heartbeats (tenants have their tenant id as key).
WORKER_KEY = "worker:"


def _waiting(now: datetime) -> Any:
    """Rows to send now, and rows a worker claimed and may not have sent."""
    return or_(
        and_(col(Delivery.status) == DeliveryStatus.PENDING, col(Delivery.not_before) <= now),
        col(Delivery.status) == DeliveryStatus.SENDING,
    )


async def due_tenants(*, session: AsyncSession, now: datetime) -> dict[str, int]:
    """Tenants with rows to send now, or with rows a worker claimed and may not have sent."""
    query = (
        select(Team.tenant_id, func.count())
        .join(Delivery, col(Delivery.team_id) == col(Team.id))
        .where(_waiting(now))
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
        col(Delivery.status) == DeliveryStatus.PENDING, col(Delivery.not_before) <= now
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
            status=DeliveryStatus.SENDING,
            claimed_at=now,
            claim_token=token,
            attempts=col(Delivery.attempts) + 1,
        )
        .execution_options(synchronize_session=False)
    )
    for row in rows:
        session.expunge(row)
        row.status, row.claimed_at, row.claim_token = DeliveryStatus.SENDING, now, token
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
        col(Delivery.status) == DeliveryStatus.SENDING, col(Delivery.team_id).in_(in_tenant)
    )
    if keep_token is not None:
        query = query.where(col(Delivery.claim_token) != keep_token)
    result: Any = await session.exec(query.values(status=DeliveryStatus.PENDING, claim_token=None))
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
            col(Delivery.status) == DeliveryStatus.SENDING,
        )
        .values(
            status=DeliveryStatus.PENDING,
            claim_token=None,
            attempts=col(Delivery.attempts) - 1,
        )
    )


async def take_lease(
    *, session: AsyncSession, key: str, holder: str, now: datetime, ttl: timedelta
) -> bool:
    """Take or renew a lease; False while another holder's lease runs."""
    table = table_of(DeliveryLane)
    insert = upsert_for(session)
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
    status: DeliveryStatus,
    now: datetime,
    activity_id: str | None = None,
    conversation_id: str | None = None,
    error: str | None = None,
    retry_at: datetime | None = None,
) -> bool:
    """Record a send's outcome, only if this worker still holds the claim."""
    values: dict[str, Any] = {"status": status, "last_error": error, "claim_token": None}
    if status == DeliveryStatus.SENT:
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
    table = table_of(Delivery)
    stmt = (
        update(table)
        .where(table.c.id == bindparam("row_id"), table.c.claim_token == bindparam("token"))
        .values(
            status=DeliveryStatus.SENT,
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
    waiting, oldest = (
        await session.exec(
            select(func.count(), func.min(col(Delivery.not_before))).where(_waiting(now))
        )
    ).one()
    since = now - timedelta(days=1)
    # a row's last attempt began when it was last claimed: that is when it failed
    failed = await session.exec(
        select(Delivery.last_error, func.count())
        .where(col(Delivery.status) == DeliveryStatus.FAILED, col(Delivery.claimed_at) >= since)
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
