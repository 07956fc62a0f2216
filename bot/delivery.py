"""The delivery worker: sends what the outbox holds, paced inside Teams' limits, exactly once.

How it holds up at scale:

- Every tenant is a *lane*, sent by one worker at a time. The worker holds the lane through a
  lease in the database that it renews while it has work; several server processes on one
  PostgreSQL share the tenants out between them, and a lane whose worker died is taken over
  when its lease lapses.
- Within a lane, calls are paced per tenant and per conversation (`bot.pacing`) with several
  calls under way at once, so the lane sends as fast as Teams allows and rarely hears 429.
- Rows are claimed in a transaction (`FOR UPDATE SKIP LOCKED` on PostgreSQL) and marked sent,
  with the Teams activity id, as soon as Teams accepted them. Rows a killed worker left claimed
  go back to the queue when the next worker takes the lane, so nothing is lost; what Teams had
  confirmed is never sent again.
- 429 and passing server errors are retried after `Retry-After` or an exponential backoff with
  jitter, a bounded number of times; a 403 (the app blocked or not installed) first tries to
  install the app through Graph and retries once, else stops sending to that person and tells
  their mentor once.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import math
import random
import time
import uuid
from collections import Counter, deque
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from functools import partial
from typing import Any

from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from bot.connector import ConnectorClient, ConnectorError
from bot.graph import GraphInstaller, Install, graph_tokens
from bot.observability import Metrics
from bot.pacing import Limit, Pacer, parse_limits
from bot.settings import Settings
from dialogs.reachability import mark_unreachable
from domain.clock import Clock
from storage import outbox, people
from storage.db import Database
from storage.models import Delivery, Person, PersonalChat, Team

logger = logging.getLogger(__name__)

ADAPTIVE_CARD = "application/vnd.microsoft.card.adaptive"
MAX_BACKOFF = 300.0
DEFAULT_CONVERSATION_LIMITS = parse_limits("7/1,8/2,60/30,1800/3600")
DEFAULT_TENANT_LIMITS = parse_limits("50/1")
# A lane's lease lasts this long; its worker renews it every RENEW_EVERY while it has work, and
# stops starting calls LEASE_MARGIN before a lease it could not renew runs out, so the calls it
# has under way (bounded by the connector's 15 s timeout) end before another worker takes over.
LEASE_TTL = timedelta(seconds=30)
RENEW_EVERY = timedelta(seconds=5)
LEASE_MARGIN = timedelta(seconds=17)
# How long the rest of a tenant pauses after a 429 in one of its conversations.
TENANT_PAUSE = 1.0
# How much work a lane claims ahead, in seconds of sending at its tenant's limit.
QUEUE_SECONDS = 2.0
# Sends confirmed within this many seconds of each other are recorded in one transaction. At a
# fan-out's 500 sends a second, 50 ms makes 20 commits a second rather than 100, which leaves the
# database to the people answering their cards (the benchmark's inbound table); a crash can then
# repeat at most the sends of the last 50 ms besides those under way.
CONFIRM_EVERY = 0.05
# How often the worker looks for new work while a fan-out runs.
REFILL_EVERY = 0.25
# The longest a lane naps waiting for a pacing slot before it looks around again.
MAX_NAP = 1.0
# How often a lane looks again while a reply in its tenant waits for a slot.
URGENT_NAP = 0.005
# How far ahead of the queue a lane looks for a conversation that may be sent to now.
LOOKAHEAD = 64
# 403 codes that say the bot may not post anywhere in the tenant (the tenant's admin disabled the
# app, or the bot's registration is gone), not that one person blocked it: nobody is marked, and
# the tenant's other rows fail at once for this long instead of each asking Teams again.
BOT_WIDE_403 = frozenset({"BotDisabledByAdmin", "BotNotRegistered", "InvalidBotApiHost"})
BOT_WIDE_PAUSE = timedelta(minutes=10)


@dataclass
class DeliveryStats:
    """What the worker did in one run."""

    sent: int = 0
    retried: int = 0
    failed: int = 0
    expired: int = 0
    throttled: int = 0
    reasons: dict[str, int] = field(default_factory=dict)

    def fail(self, reason: str) -> None:
        """Count a failure and its reason."""
        self.failed += 1
        self.reasons[reason] = self.reasons.get(reason, 0) + 1

    @property
    def handled(self) -> int:
        """Rows finished or rescheduled."""
        return self.sent + self.retried + self.failed + self.expired


@dataclass(frozen=True)
class Target:
    """Where a row goes: a channel, or a person's 1:1 chat (opened on first use)."""

    tenant: str
    service_url: str
    bot_id: str
    conversation_id: str | None
    user_id: str | None = None
    aad_object_id: str | None = None


@dataclass
class _Job:
    row: Delivery
    target: Target | None
    unreachable: str | None = None


@dataclass
class _Lane:
    tenant: str
    lease_until: datetime
    renewed: datetime
    queue: deque[_Job] = field(default_factory=deque)
    tasks: set[asyncio.Task[None]] = field(default_factory=set)
    runner: asyncio.Task[None] | None = None
    stopping: bool = False  # lost its lease, or handed to another worker

    @property
    def busy(self) -> bool:
        return bool(self.queue or self.tasks)


def to_activity(payload: dict[str, Any]) -> dict[str, Any]:
    """A Teams message activity from an outbox payload."""
    activity: dict[str, Any] = {"type": "message"}
    if payload.get("text"):
        activity["text"] = payload["text"]
        activity["textFormat"] = "markdown"
    if payload.get("card"):
        activity["attachments"] = [{"contentType": ADAPTIVE_CARD, "content": payload["card"]}]
    return activity


def backoff(attempt: int, retry_after: float | None, *, rng: random.Random) -> float:
    """Seconds to wait before the next attempt: the server's word, else exponential with jitter."""
    if retry_after is not None:
        return min(retry_after, MAX_BACKOFF)
    return min(MAX_BACKOFF, (2 ** min(attempt, 10)) * (0.5 + rng.random()))


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
        name: str | None = None,
        lease_ttl: timedelta = LEASE_TTL,
        graph: GraphInstaller | None = None,
        rng: random.Random | None = None,
        metrics: Metrics | None = None,
    ) -> None:
        self.db = db
        self.connector = connector
        self.clock = clock
        self.max_attempts = max_attempts
        self.batch = batch
        self.concurrency = concurrency
        self.pacer = Pacer(conversation=conversation_limits, tenant=tenant_limits)
        self.name = name or f"worker-{uuid.uuid4().hex[:8]}"
        self.lease_ttl = lease_ttl
        self.renew_every = min(RENEW_EVERY, lease_ttl / 3)
        self.lease_margin = min(LEASE_MARGIN, lease_ttl / 2)
        self.graph = graph
        self.rng = rng or random.Random()
        self.metrics = metrics or Metrics()
        self.token = f"{self.name[:40]}:{uuid.uuid4().hex[:12]}"
        tightest = min(tenant_limits, key=lambda limit: limit.count / limit.seconds)
        self.queue_depth = max(batch, math.ceil(tightest.count / tightest.seconds * QUEUE_SECONDS))
        self.lanes: dict[str, _Lane] = {}
        self.stats = DeliveryStats()  # what `run_forever` has done so far
        self._chats: dict[str, str] = {}
        self._unreachable: set[str] = set()
        self._refused: dict[str, tuple[datetime, str]] = {}  # tenant: (until, reason)
        self._urgent: Counter[str] = Counter()
        self._wake = asyncio.Event()
        self._confirmed: list[tuple[int, str, str | None, str]] = []
        self._confirming: asyncio.Future[None] | None = None
        self._confirm_task: asyncio.Task[None] | None = None

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
        claimed = 0
        async with self.db.session() as session:
            await outbox.take_lease(
                session=session,
                key=outbox.WORKER_KEY + self.name,
                holder=self.name,
                now=now,
                ttl=self.lease_ttl,
            )
            due = await outbox.due_tenants(session=session, now=now)
            workers = max(1, await outbox.live_workers(session=session, now=now))
            for tenant, lane in list(self.lanes.items()):
                if lane.runner is not None or lane.busy:
                    continue
                if tenant not in due or lane.stopping:
                    await outbox.drop_leases(session=session, keys=[tenant], holder=self.name)
                    del self.lanes[tenant]
            share = math.ceil(len(due) / workers)
            # another worker joined: hand it the lanes above this worker's share
            for lane in list(self.lanes.values())[share:]:
                lane.stopping = True
            for tenant in due:
                if tenant in self.lanes or len(self.lanes) >= share:
                    continue
                if await outbox.take_lease(
                    session=session, key=tenant, holder=self.name, now=now, ttl=self.lease_ttl
                ):
                    released = await outbox.release_claims(
                        session=session, tenant=tenant, keep_token=self.token
                    )
                    if released:
                        logger.info("took over a lane with %d unconfirmed deliveries", released)
                    lane = _Lane(tenant, lease_until=now + self.lease_ttl, renewed=now)
                    self.lanes[tenant] = lane
            for tenant, lane in self.lanes.items():
                if lane.stopping or len(lane.queue) > self.queue_depth // 2:
                    continue
                renew = now - lane.renewed >= self.renew_every
                if renew and not await self._renew(session, lane, now):
                    continue
                rows = await outbox.claim(
                    session=session,
                    now=now,
                    limit=self.queue_depth - len(lane.queue),
                    tenant=tenant,
                    token=self.token,
                )
                if rows:
                    lane.queue.extend(await self._jobs(session, rows))
                    claimed += len(rows)
        for lane in self.lanes.values():
            if lane.runner is None and lane.busy:
                lane.runner = asyncio.create_task(self._run_lane(lane, stats))
                lane.runner.add_done_callback(partial(_runner_done, lane))
        return claimed

    async def _renew(self, session: AsyncSession, lane: _Lane, now: datetime) -> bool:
        if await outbox.take_lease(
            session=session, key=lane.tenant, holder=self.name, now=now, ttl=self.lease_ttl
        ):
            lane.lease_until, lane.renewed = now + self.lease_ttl, now
            return True
        lane.stopping = True
        logger.warning("lost the delivery lease of tenant %s to another worker", lane.tenant)
        return False

    async def _run_lane(self, lane: _Lane, stats: DeliveryStats) -> None:
        """Start calls for a lane's queue as fast as the pacer allows, `concurrency` at once."""
        try:
            while lane.queue or lane.tasks:
                if lane.tasks and (not lane.queue or len(lane.tasks) >= self.concurrency):
                    await asyncio.wait(lane.tasks, return_when=asyncio.FIRST_COMPLETED)
                    continue
                now = self.clock.now()
                if now - lane.renewed >= self.renew_every:
                    try:
                        async with self.db.session() as session:
                            await self._renew(session, lane, now)
                    except Exception:  # the database hiccuped; go on while the lease lasts
                        logger.warning("could not renew a delivery lease", exc_info=True)
                if lane.stopping or now >= lane.lease_until - self.lease_margin:
                    break
                if self._urgent.get(lane.tenant):
                    await self.clock.sleep(URGENT_NAP)  # a reply is waiting for a slot
                    continue
                index, wait = self._next_ready(lane, now)
                if wait > 0:
                    self.metrics.inc("dagritme_delivery_paced_total")
                    await self.clock.sleep(min(wait, MAX_NAP))
                    continue
                job = lane.queue[index]
                del lane.queue[index]
                task = asyncio.create_task(self._deliver(lane, job, stats))
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
                        await outbox.unclaim(session=session, ids=leftover, token=self.token)

    def _next_ready(self, lane: _Lane, now: datetime) -> tuple[int, float]:
        """The first job (within LOOKAHEAD) that may start now, else the soonest, with its wait."""
        moment = now.timestamp()
        best, best_wait = 0, math.inf
        for index, job in enumerate(lane.queue):
            if index >= LOOKAHEAD:
                break
            if job.target is None:
                return index, 0.0  # nothing to send: finished without a call
            conversation = self._conversation_of(job.target)
            wait = self.pacer.wait(lane.tenant, conversation, moment)
            if wait <= 0:
                self.pacer.record(lane.tenant, conversation, moment)
                return index, 0.0
            if wait < best_wait:
                best, best_wait = index, wait
        return best, best_wait

    def _conversation_of(self, target: Target) -> str | None:
        if target.conversation_id:
            return target.conversation_id
        return self._chats.get(target.user_id or "")

    async def pace(self, tenant: str, conversation: str | None, *, urgent: bool = False) -> None:
        """Wait for a slot for one more call (a second call in a delivery, a reply in a turn).

        An `urgent` call (someone is waiting for the answer) goes before the tenant's lane: the
        lane holds back while one waits.
        """
        if urgent:
            self._urgent[tenant] += 1
        try:
            while True:
                moment = self.clock.now().timestamp()
                wait = self.pacer.wait(tenant, conversation, moment)
                if wait <= 0:
                    self.pacer.record(tenant, conversation, moment)
                    return
                await self.clock.sleep(min(wait, MAX_NAP))
        finally:
            if urgent:
                self._urgent[tenant] -= 1
                if not self._urgent[tenant]:
                    del self._urgent[tenant]

    async def _deliver(self, lane: _Lane, job: _Job, stats: DeliveryStats) -> None:
        row = job.row
        try:
            await self._deliver_job(lane, job, stats)
        except _Unconfirmed:
            # Teams has it but the database did not take the record: the row stays claimed, and
            # is only sent again if this worker dies and another takes the lane over.
            logger.exception("delivery %s was sent but could not be recorded", row.id)
        except Exception:  # a bug or the database: retry later rather than lose the row
            logger.exception("delivery %s could not be handled", row.id)
            wait = backoff(row.attempts, None, rng=self.rng)
            retry_at = self.clock.now() + timedelta(seconds=wait)
            with contextlib.suppress(Exception):
                await self._finish(row, "pending", error="internal error", retry_at=retry_at)
            stats.retried += 1

    async def _deliver_job(self, lane: _Lane, job: _Job, stats: DeliveryStats) -> None:
        row, target = job.row, job.target
        if target is None or (target.user_id and target.user_id in self._unreachable):
            reason = job.unreachable or "person blocked the bot"
            await self._finish(row, "failed", error=reason)
            stats.fail(reason)
            self.metrics.inc("dagritme_deliveries_total", outcome="failed", prompt=row.prompt)
            return
        if row.expires_at is not None and row.expires_at <= self.clock.now():
            await self._finish(row, "cancelled", error="expired")
            stats.expired += 1
            return
        refused = self._refused.get(lane.tenant)
        if refused is not None and refused[0] > self.clock.now():
            await self._finish(row, "failed", error=refused[1])
            stats.fail(refused[1])
            self.metrics.inc("dagritme_deliveries_total", outcome="failed", prompt=row.prompt)
            return
        try:
            conversation_id, activity_id = await self._send(lane, row, target, first_paced=True)
        except ConnectorError as exc:
            if exc.status == 403 and exc.code in BOT_WIDE_403:
                reason = f"{exc.status} {exc.code}"
                self._refused[lane.tenant] = (self.clock.now() + BOT_WIDE_PAUSE, reason)
                logger.error("Teams refuses the bot in tenant %s: %s", lane.tenant, reason)
                await self._failed(lane, row, target, exc, stats)
                return
            if exc.status == 403 and target.user_id:
                await self._unreachable_person(lane, row, target, exc, stats)
                return
            await self._failed(lane, row, target, exc, stats)
            return
        await self._sent(row, conversation_id, activity_id, stats)

    async def _send(
        self, lane: _Lane, row: Delivery, target: Target, *, first_paced: bool
    ) -> tuple[str, str | None]:
        """Open the 1:1 chat when needed, then post; the first call's slot was taken by the lane."""
        conversation = self._conversation_of(target)
        if not first_paced:
            await self.pace(lane.tenant, conversation)
        if conversation is None:
            assert target.user_id is not None
            conversation = await self.connector.create_personal_conversation(
                target.service_url,
                bot_id=target.bot_id,
                user_id=target.user_id,
                tenant_id=target.tenant,
            )
            self._chats[target.user_id] = conversation
            async with self.db.session() as session:
                await people.remember_personal_chat(
                    session=session,
                    teams_user_id=target.user_id,
                    tenant_id=target.tenant,
                    service_url=target.service_url,
                    conversation_id=conversation,
                    now=self.clock.now(),
                )
            await self.pace(lane.tenant, conversation)
        activity_id = await self.connector.send(
            target.service_url, conversation, to_activity(row.payload)
        )
        return conversation, activity_id

    async def _sent(
        self, row: Delivery, conversation_id: str, activity_id: str | None, stats: DeliveryStats
    ) -> None:
        """Record a send; sends that end together share one transaction (returns once stored)."""
        assert row.id is not None and row.claim_token is not None
        self._confirmed.append((row.id, row.claim_token, activity_id, conversation_id))
        if self._confirming is None:
            self._confirming = asyncio.get_running_loop().create_future()
            self._confirm_task = asyncio.create_task(self._confirm(self._confirming))
        await asyncio.shield(self._confirming)
        stats.sent += 1
        self.metrics.inc("dagritme_deliveries_total", outcome="sent", prompt=row.prompt)

    async def _confirm(self, done: asyncio.Future[None]) -> None:
        await asyncio.sleep(CONFIRM_EVERY)
        batch, self._confirmed, self._confirming = self._confirmed, [], None
        for attempt in range(3):
            try:
                async with self.db.session() as session:
                    await outbox.finish_sent(session=session, sent=batch, now=self.clock.now())
            except Exception as exc:  # the database hiccuped: Teams has these, keep trying
                if attempt == 2:
                    done.set_exception(_Unconfirmed(str(exc)))
                    return
                await asyncio.sleep(0.5 * (attempt + 1))
            else:
                done.set_result(None)
                return

    async def _unreachable_person(
        self, lane: _Lane, row: Delivery, target: Target, exc: ConnectorError, stats: DeliveryStats
    ) -> None:
        """403 for a person: install the app through Graph and try once more, else stop."""
        assert target.user_id is not None
        if self.graph is not None:
            async with self.db.session() as session:
                peers = await people.reachable_aad_ids(session=session, tenant_id=target.tenant)
            outcome = await self.graph.install(
                tenant_id=target.tenant,
                aad_object_id=target.aad_object_id,
                peers=[peer for peer in peers if peer != target.aad_object_id],
            )
            self.metrics.inc("dagritme_graph_installs_total", outcome=outcome.value)
            if outcome is Install.INSTALLED:
                self._chats.pop(target.user_id, None)
                fresh = Target(
                    tenant=target.tenant,
                    service_url=target.service_url,
                    bot_id=target.bot_id,
                    conversation_id=None,
                    user_id=target.user_id,
                    aad_object_id=target.aad_object_id,
                )
                try:
                    conversation_id, activity_id = await self._send(
                        lane, row, fresh, first_paced=False
                    )
                except ConnectorError as again:
                    exc = again
                else:
                    await self._sent(row, conversation_id, activity_id, stats)
                    return
        if exc.status != 403:
            await self._failed(lane, row, target, exc, stats)
            return
        self._unreachable.add(target.user_id)
        async with self.db.session() as session:
            news = await mark_unreachable(
                session,
                teams_user_id=target.user_id,
                tenant_id=target.tenant,
                service_url=target.service_url,
                now=self.clock.now(),
            )
        if news:
            self.wake()  # the mentor's notice is in the outbox
        reason = f"{exc.status} {exc.code}"
        await self._finish(row, "failed", error=reason)
        stats.fail(reason)
        self.metrics.inc("dagritme_deliveries_total", outcome="failed", prompt=row.prompt)

    async def _failed(
        self, lane: _Lane, row: Delivery, target: Target, exc: ConnectorError, stats: DeliveryStats
    ) -> None:
        reason = f"{exc.status} {exc.code}"
        now = self.clock.now()
        if exc.status == 429:
            stats.throttled += 1
            self.metrics.inc("dagritme_delivery_throttled_total")
            # Teams does not say which limit was hit: the conversation waits as long as it was
            # told, the rest of the tenant a moment (a tenant-wide limit keeps answering 429).
            pause = exc.retry_after if exc.retry_after is not None else TENANT_PAUSE
            moment = now.timestamp()
            self.pacer.hold(lane.tenant, None, moment + min(pause, TENANT_PAUSE))
            conversation = self._conversation_of(target)
            if conversation is not None:
                self.pacer.hold(lane.tenant, conversation, moment + pause)
        if exc.retryable and row.attempts < self.max_attempts:
            wait = backoff(row.attempts, exc.retry_after, rng=self.rng)
            await self._finish(row, "pending", error=reason, retry_at=now + timedelta(seconds=wait))
            stats.retried += 1
            self.metrics.inc("dagritme_deliveries_total", outcome="retried", prompt=row.prompt)
            return
        await self._finish(row, "failed", error=reason)
        stats.fail(reason)
        self.metrics.inc("dagritme_deliveries_total", outcome="failed", prompt=row.prompt)
        logger.warning("delivery %s failed: %s", row.id, reason)

    async def _finish(
        self,
        row: Delivery,
        status: str,
        *,
        error: str | None = None,
        activity_id: str | None = None,
        conversation_id: str | None = None,
        retry_at: datetime | None = None,
    ) -> None:
        assert row.id is not None and row.claim_token is not None
        async with self.db.session() as session:
            await outbox.finish(
                session=session,
                delivery_id=row.id,
                claim_token=row.claim_token,
                status=status,
                now=self.clock.now(),
                activity_id=activity_id,
                conversation_id=conversation_id,
                error=error[:500] if error else None,
                retry_at=retry_at,
            )

    async def _jobs(self, session: AsyncSession, rows: list[Delivery]) -> list[_Job]:
        """Where each claimed row goes, read for the whole batch at once."""
        team_ids = {row.team_id for row in rows}
        person_ids = {row.person_id for row in rows if row.person_id is not None}
        found_teams = await session.exec(select(Team).where(col(Team.id).in_(team_ids)))
        teams = {team.id: team for team in found_teams.all()}
        persons: dict[int | None, Person] = {}
        if person_ids:
            found = await session.exec(select(Person).where(col(Person.id).in_(person_ids)))
            persons = {person.id: person for person in found.all()}
        user_ids = {person.teams_user_id for person in persons.values()}
        chats: dict[str, PersonalChat] = {}
        if user_ids:
            found_chats = await session.exec(
                select(PersonalChat).where(col(PersonalChat.teams_user_id).in_(user_ids))
            )
            chats = {chat.teams_user_id: chat for chat in found_chats.all()}
        jobs: list[_Job] = []
        for row in rows:
            team = teams.get(row.team_id)
            if team is None or team.removed_at is not None:
                jobs.append(_Job(row, None, "team not installed"))
                continue
            if row.recipient.startswith("channel:"):
                channel = row.recipient.removeprefix("channel:")
                target = Target(team.tenant_id, team.service_url, team.bot_id, channel)
                jobs.append(_Job(row, target))
                continue
            person = persons.get(row.person_id)
            if person is None or not person.active:
                jobs.append(_Job(row, None, "person left the team"))
                continue
            chat = chats.get(person.teams_user_id)
            if chat is not None and chat.blocked_at is not None:
                jobs.append(_Job(row, None, "person blocked the bot"))
                continue
            jobs.append(
                _Job(
                    row,
                    Target(
                        tenant=team.tenant_id,
                        service_url=chat.service_url
                        if chat and chat.conversation_id
                        else team.service_url,
                        bot_id=team.bot_id,
                        conversation_id=(chat.conversation_id or None) if chat else None,
                        user_id=person.teams_user_id,
                        aad_object_id=person.aad_object_id,
                    ),
                )
            )
        return jobs

    async def _stop_lanes(self) -> None:
        """Stop every lane, give unsent rows back and let go of the leases."""
        runners = [lane.runner for lane in self.lanes.values() if lane.runner is not None]
        for runner in runners:
            runner.cancel()
        for runner in runners:
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await runner
        keys = [*self.lanes, outbox.WORKER_KEY + self.name]
        self.lanes.clear()
        self.pacer.forget_idle(self.clock.now().timestamp())
        try:
            async with self.db.session() as session:
                await outbox.drop_leases(session=session, keys=keys, holder=self.name)
        except Exception:  # they lapse by themselves
            logger.warning("could not let go of the delivery leases", exc_info=True)


class _Unconfirmed(Exception):
    """A send Teams accepted that could not be recorded."""


def _runner_done(lane: _Lane, _task: asyncio.Task[None]) -> None:
    lane.runner = None


def worker_for(
    settings: Settings,
    db: Database,
    connector: ConnectorClient,
    clock: Clock,
    *,
    metrics: Metrics | None = None,
) -> DeliveryWorker:
    """A worker configured from the settings (limits, concurrency, Graph installs)."""
    graph = None
    if settings.graph_installs:
        graph = GraphInstaller(
            base_url=settings.graph_url,
            teams_app_id=settings.app_id,
            tokens=graph_tokens(settings),
            monotonic=time.monotonic,
        )
    return DeliveryWorker(
        db,
        connector,
        clock,
        max_attempts=settings.delivery_max_attempts,
        batch=settings.delivery_batch,
        concurrency=settings.delivery_concurrency,
        conversation_limits=parse_limits(settings.conversation_limits),
        tenant_limits=parse_limits(settings.tenant_limits),
        name=settings.worker_name,
        lease_ttl=timedelta(seconds=settings.delivery_lease_seconds),
        graph=graph,
        metrics=metrics,
    )
