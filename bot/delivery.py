"""The delivery worker: sends what the outbox holds, paced inside Teams' limits, exactly once.

How it holds up at scale:

- Every tenant is a *lane*, sent by one worker at a time. The worker holds the lane through a
  lease in the database that it renews while it has work (`bot.lanes`); several server
  processes on one PostgreSQL share the tenants out between them, and a lane whose worker died
  is taken over when its lease lapses.
- Within a lane, calls are paced per tenant and per conversation (`bot.pacing`) with several
  calls under way at once, so the lane sends as fast as Teams allows and rarely hears 429.
- Rows are claimed in a transaction (`FOR UPDATE SKIP LOCKED` on PostgreSQL) and marked sent,
  with the Teams activity id, as soon as Teams accepted them. Rows a killed worker left claimed
  go back to the queue when the next worker takes the lane, so nothing is lost; what Teams had
  confirmed is never sent again.
- Each row's calls are made by a `bot.sending.Sender`: 429 and passing server errors are retried
  after `Retry-After` or an exponential backoff with jitter, a bounded number of times; a 403
  (the app blocked or not installed) first tries to install the app through Graph and retries
  once, else stops sending to that person and tells their mentor once. Where each row goes is
  read by `bot.targets`.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import math
import random
import uuid
from datetime import datetime, timedelta

from bot.connector import ConnectorClient
from bot.graph import GraphInstaller
from bot.lanes import LEASE_TTL, Lane, Leases
from bot.observability import Metrics
from bot.outcomes import DeliveryStats
from bot.pacing import Limit, Pacer, parse_limits
from bot.sending import MAX_NAP, Sender
from bot.targets import jobs_for
from domain.clock import Clock
from storage import outbox
from storage.db import Database

logger = logging.getLogger(__name__)

DEFAULT_CONVERSATION_LIMITS = parse_limits("7/1,8/2,60/30,1800/3600")
DEFAULT_TENANT_LIMITS = parse_limits("50/1")
# How much work a lane claims ahead, in seconds of sending at its tenant's limit.
QUEUE_SECONDS = 2.0
# How often the worker looks for new work while a fan-out runs.
REFILL_EVERY = 0.25
# How often a lane looks again while a reply in its tenant waits for a slot.
URGENT_NAP = 0.005
# How far ahead of the queue a lane looks for a conversation that may be sent to now.
LOOKAHEAD = 64


class DeliveryWorker:
    """Sends what the outbox holds; several may run against one PostgreSQL."""

    def __init__(
        self,
        db: Database,
        connector: ConnectorClient,
        clock: Clock,
        *,
        max_attempts: int = 6,
        batch: int = 50,
        concurrency: int = 16,
        conversation_limits: tuple[Limit, ...] = DEFAULT_CONVERSATION_LIMITS,
        tenant_limits: tuple[Limit, ...] = DEFAULT_TENANT_LIMITS,
        answer_reserve: float = 0.0,
        answers_only: bool = False,
        name: str | None = None,
        lease_ttl: timedelta = LEASE_TTL,
        graph: GraphInstaller | None = None,
        rng: random.Random | None = None,
        metrics: Metrics | None = None,
        public_url: str = "",
    ) -> None:
        self.db = db
        self.clock = clock
        self.concurrency = concurrency
        self.pacer = Pacer(
            conversation=conversation_limits,
            tenant=tenant_limits,
            reserve=answer_reserve,
            answers_only=answers_only,
        )
        self.name = name or f"worker-{uuid.uuid4().hex[:8]}"
        self.leases = Leases(self.name, ttl=lease_ttl)
        self.graph = graph
        self.metrics = metrics or Metrics()
        tightest = min(tenant_limits, key=lambda limit: limit.count / limit.seconds)
        self.queue_depth = max(batch, math.ceil(tightest.count / tightest.seconds * QUEUE_SECONDS))
        self.lanes: dict[str, Lane] = {}
        self.stats = DeliveryStats()  # what `run_forever` has done so far
        self._wake = asyncio.Event()
        self.sender = Sender(
            db,
            connector,
            clock,
            self.pacer,
            max_attempts=max_attempts,
            graph=graph,
            rng=rng or random.Random(),
            metrics=self.metrics,
            wake=self.wake,
            public_url=public_url,
        )

    async def pace(self, tenant: str, conversation: str | None, *, urgent: bool = False) -> None:
        """Wait for a slot for one more call in a tenant (a reply in a turn: `urgent`)."""
        await self.sender.pace(tenant, conversation, urgent=urgent)

    async def close(self) -> None:
        """Close what the worker opened besides the connector (the Graph session)."""
        if self.graph is not None:
            await self.graph.close()

    def wake(self) -> None:
        """Something was written to the outbox; look now rather than at the next poll."""
        self._wake.set()

    async def drain(self) -> DeliveryStats:
        """Send until nothing is due right now, then let go of the lanes (for `tick` and tests)."""
        stats = DeliveryStats()
        try:
            await self._pump(stats, forever=False, poll=0.0)
        finally:
            await self._stop_lanes()
        return stats

    async def run_forever(self, *, poll: float = 5.0) -> None:
        """Keep sending; wakes on new rows or every `poll` seconds. Cancel to stop."""
        try:
            await self._pump(self.stats, forever=True, poll=poll)
        finally:
            await asyncio.shield(self._stop_lanes())

    async def _pump(self, stats: DeliveryStats, *, forever: bool, poll: float) -> None:
        while True:
            self._wake.clear()
            try:
                claimed = await self._fill(stats)
            except Exception:  # keep the worker alive; the rows stay and the cause is logged
                logger.exception("delivery pass failed")
                claimed = 0
            runners = [lane.runner for lane in self.lanes.values() if lane.runner is not None]
            self.metrics.set("dagritme_delivery_lanes", float(len(self.lanes)))
            if not runners and not claimed:
                if not forever:
                    return
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(self._wake.wait(), timeout=poll)
                continue
            waker = asyncio.ensure_future(self._wake.wait())
            try:
                await asyncio.wait(
                    [*runners, waker], timeout=REFILL_EVERY, return_when=asyncio.FIRST_COMPLETED
                )
            finally:
                waker.cancel()

    async def _fill(self, stats: DeliveryStats) -> int:
        """Renew the worker's leases, take free lanes up to its share, top up their queues."""
        now = self.clock.now()
        async with self.db.session() as session:
            await self.leases.share_out(session, self.lanes, now)
            hungry = [
                lane
                for lane in self.lanes.values()
                if not lane.stopping and len(lane.queue) <= self.queue_depth // 2
            ]
        # Each lane's queue is topped up in a transaction of its own, and where its rows go is
        # read after that: on SQLite a write transaction holds the one write lock, and the
        # people answering their cards wait for it.
        claimed = 0
        for lane in hungry:
            claimed += await self._top_up(lane, now)
        for lane in self.lanes.values():
            if lane.runner is None and lane.busy:
                lane.runner = asyncio.create_task(self._run_lane(lane, stats))
                lane.runner.add_done_callback(lane.runner_done)
        return claimed

    async def _top_up(self, lane: Lane, now: datetime) -> int:
        """Claim rows for a lane's queue (renewing its lease when due); how many."""
        async with self.db.session() as session:
            renew = self.leases.renewal_due(lane, now)
            if renew and not await self.leases.renew(session, lane, now):
                return 0
            rows = await outbox.claim(
                session=session,
                now=now,
                limit=self.queue_depth - len(lane.queue),
                tenant=lane.tenant,
                token=self.leases.token,
            )
        if not rows:
            return 0
        try:
            async with self.db.session() as session:
                jobs = await jobs_for(session, rows)
        except BaseException:  # not queued: back to the outbox rather than stranded as claimed
            with contextlib.suppress(Exception):
                async with self.db.session() as session:
                    ids = [row.id for row in rows if row.id is not None]
                    await outbox.unclaim(session=session, ids=ids, token=self.leases.token)
            raise
        lane.queue.extend(jobs)
        return len(rows)

    async def _run_lane(self, lane: Lane, stats: DeliveryStats) -> None:
        """Start calls for a lane's queue as fast as the pacer allows, `concurrency` at once."""
        try:
            while lane.queue or lane.tasks:
                if lane.tasks and (not lane.queue or len(lane.tasks) >= self.concurrency):
                    await asyncio.wait(lane.tasks, return_when=asyncio.FIRST_COMPLETED)
                    continue
                now = self.clock.now()
                if self.leases.renewal_due(lane, now):
                    try:
                        async with self.db.session() as session:
                            await self.leases.renew(session, lane, now)
                    except Exception:  # the database hiccuped; go on while the lease lasts
                        logger.warning("could not renew a delivery lease", exc_info=True)
                if lane.stopping or self.leases.running_out(lane, now):
                    break
                if self.sender.urgent.get(lane.tenant):
                    await self.clock.sleep(URGENT_NAP)  # a reply is waiting for a slot
                    continue
                index, wait = self._next_ready(lane, now)
                if wait > 0:
                    self.metrics.inc("dagritme_delivery_paced_total")
                    await self.clock.sleep(min(wait, MAX_NAP))
                    continue
                job = lane.queue[index]
                del lane.queue[index]
                task = asyncio.create_task(self.sender.deliver(lane.tenant, job, stats))
                lane.tasks.add(task)
                task.add_done_callback(lane.tasks.discard)
        finally:
            if lane.tasks:
                await asyncio.wait(list(lane.tasks))
            if lane.queue:  # the lease is going: give what was not started back
                leftover = [job.row.id for job in lane.queue if job.row.id is not None]
                lane.queue.clear()
                with contextlib.suppress(Exception):
                    async with self.db.session() as session:
                        await outbox.unclaim(session=session, ids=leftover, token=self.leases.token)

    def _next_ready(self, lane: Lane, now: datetime) -> tuple[int, float]:
        """The first job (within LOOKAHEAD) that may start now, else the soonest, with its wait."""
        moment = now.timestamp()
        # While the tenant is at its limit no call may start (asked once, not per job).
        tenant_wait = self.pacer.wait(lane.tenant, None, moment, bulk=True)
        best, best_wait = 0, tenant_wait if tenant_wait > 0 else math.inf
        for index, job in enumerate(lane.queue):
            if index >= LOOKAHEAD:
                break
            if job.target is None:
                return index, 0.0  # nothing to send: finished without a call
            if tenant_wait > 0:
                continue
            conversation = self.sender.conversation_of(job.target)
            wait = self.pacer.wait(lane.tenant, conversation, moment, bulk=True)
            if wait <= 0:
                self.pacer.record(lane.tenant, conversation, moment, bulk=True)
                return index, 0.0
            if wait < best_wait:
                best, best_wait = index, wait
        return best, best_wait

    async def _stop_lanes(self) -> None:
        """Stop every lane, give unsent rows back and let go of the leases."""
        runners = [lane.runner for lane in self.lanes.values() if lane.runner is not None]
        for runner in runners:
            runner.cancel()
        for runner in runners:
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await runner
        keys = [*self.lanes, self.leases.own_key]
        self.lanes.clear()
        self.pacer.forget_idle(self.clock.now().timestamp())
        try:
            async with self.db.session() as session:
                await outbox.drop_leases(session=session, keys=keys, holder=self.name)
        except Exception:  # they lapse by themselves
            logger.warning("could not let go of the delivery leases", exc_info=True)
