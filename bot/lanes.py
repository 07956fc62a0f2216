"""The lanes a delivery worker holds: one per tenant, each held through a lease in the database.

The worker renews a lane's lease while it has work. The workers on one PostgreSQL share the due
tenants out between them, a newcomer gets its share handed over, and a lane whose worker died is
taken over when its lease lapses; the rows it left claimed then go back to the queue.
"""

from __future__ import annotations

import asyncio
import logging
import math
import uuid
from collections import deque
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from sqlmodel.ext.asyncio.session import AsyncSession

from bot.targets import Job
from storage import outbox

logger = logging.getLogger(__name__)

# A lane's lease lasts this long; its worker renews it every RENEW_EVERY while it has work, and
# stops starting calls LEASE_MARGIN before a lease it could not renew runs out, so the calls it
# has under way (bounded by the connector's 15 s timeout) end before another worker takes over.
LEASE_TTL = timedelta(seconds=30)
RENEW_EVERY = timedelta(seconds=5)
LEASE_MARGIN = timedelta(seconds=17)


@dataclass
class Lane:
    """One tenant's rows as one worker sends them: its queue, the calls under way, its lease."""

    tenant: str
    lease_until: datetime
    renewed: datetime
    queue: deque[Job] = field(default_factory=deque)
    tasks: set[asyncio.Task[None]] = field(default_factory=set)
    runner: asyncio.Task[None] | None = None
    stopping: bool = False  # lost its lease, or handed to another worker

    @property
    def busy(self) -> bool:
        return bool(self.queue or self.tasks)

    def runner_done(self, _task: asyncio.Task[None]) -> None:
        self.runner = None


class Leases:
    """One worker's leases: its own (it is alive) and one for each lane it holds."""

    def __init__(self, holder: str, *, ttl: timedelta) -> None:
        self.holder = holder
        self.ttl = ttl
        self.renew_every = min(RENEW_EVERY, ttl / 3)
        self.margin = min(LEASE_MARGIN, ttl / 2)
        # Marks the rows this run claims, so that rows a dead run left claimed are told apart.
        self.token = f"{holder[:40]}:{uuid.uuid4().hex[:12]}"

    @property
    def own_key(self) -> str:
        """The key of the lease that says the worker is alive (for sharing the tenants out)."""
        return outbox.WORKER_KEY + self.holder

    def renewal_due(self, lane: Lane, now: datetime) -> bool:
        return now - lane.renewed >= self.renew_every

    def running_out(self, lane: Lane, now: datetime) -> bool:
        """Whether a lane must stop starting calls: its lease may pass to another worker soon."""
        return now >= lane.lease_until - self.margin

    async def share_out(self, session: AsyncSession, lanes: dict[str, Lane], now: datetime) -> None:
        """Renew the worker's own lease, let go of idle lanes, take free ones up to its share."""
        await outbox.take_lease(
            session=session, key=self.own_key, holder=self.holder, now=now, ttl=self.ttl
        )
        due = await outbox.due_tenants(session=session, now=now)
        workers = max(1, await outbox.live_workers(session=session, now=now))
        for tenant, lane in list(lanes.items()):
            if lane.runner is not None or lane.busy:
                continue
            if tenant not in due or lane.stopping:
                await outbox.drop_leases(session=session, keys=[tenant], holder=self.holder)
                del lanes[tenant]
        share = math.ceil(len(due) / workers)
        # another worker joined: hand it the lanes above this worker's share
        for lane in list(lanes.values())[share:]:
            lane.stopping = True
        for tenant in due:
            if tenant in lanes or len(lanes) >= share:
                continue
            if await self._take_over(session, tenant, now):
                lanes[tenant] = Lane(tenant, lease_until=now + self.ttl, renewed=now)

    async def _take_over(self, session: AsyncSession, tenant: str, now: datetime) -> bool:
        """Take a free lane's lease; the rows another worker left claimed in it go back."""
        if not await outbox.take_lease(
            session=session, key=tenant, holder=self.holder, now=now, ttl=self.ttl
        ):
            return False
        released = await outbox.release_claims(
            session=session, tenant=tenant, keep_token=self.token
        )
        if released:
            logger.info("took over a lane with %d unconfirmed deliveries", released)
        return True

    async def renew(self, session: AsyncSession, lane: Lane, now: datetime) -> bool:
        """Renew a lane's lease; a lease another worker took stops the lane."""
        if await outbox.take_lease(
            session=session, key=lane.tenant, holder=self.holder, now=now, ttl=self.ttl
        ):
            lane.lease_until, lane.renewed = now + self.ttl, now
            return True
        lane.stopping = True
        logger.warning("lost the delivery lease of tenant %s to another worker", lane.tenant)
        return False
