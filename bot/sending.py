"""Sending one outbox row: the calls to Teams, what their answers mean, and how it is recorded.

The delivery worker (`bot.delivery`) decides which rows go when; a `Sender` makes the calls for
one row at a time: opens a pupil's 1:1 chat when needed, takes pacing slots, records a send with
its Teams activity id (sends that end together share one transaction), and turns an error into a
retry after `Retry-After` or a backoff, a failure with its reason, or, for a 403, an app install
through Graph or a notice to the mentor.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import random
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from bot.connector import ConnectorClient, ConnectorError
from bot.graph import GraphInstaller, Install
from bot.observability import Metrics
from bot.pacing import Pacer
from bot.targets import Job, Target
from cards.faces import with_public_images
from dialogs.reachability import mark_unreachable
from domain.clock import Clock
from domain.delivery import DeliveryStatus
from storage import outbox, people
from storage.db import Database
from storage.models import Delivery

logger = logging.getLogger(__name__)

ADAPTIVE_CARD = "application/vnd.microsoft.card.adaptive"
MAX_BACKOFF = 300.0
# How long the rest of a tenant's fan-out pauses after a 429 in one of its conversations. The
# pacer keeps under the limit, so a 429 means a few calls arrived closer together than they were
# sent: a quarter of a second lets a dozen calls' room come free.
TENANT_PAUSE = 0.25
# Sends confirmed within this many seconds of each other are recorded in one transaction. At a
# fan-out's 500 sends a second, 50 ms makes 20 commits a second rather than 100, which leaves the
# database to the people answering their cards (the benchmark's inbound table); a crash can then
# repeat at most the sends of the last 50 ms besides those under way.
CONFIRM_EVERY = 0.05
# The longest a lane naps waiting for a pacing slot before it looks around again.
MAX_NAP = 1.0
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


def to_activity(payload: dict[str, Any], *, public_url: str = "") -> dict[str, Any]:
    """A Teams message activity from an outbox payload; the card's own pictures are named by
    their full address under `public_url` (DAGRITME_PUBLIC_URL), since Teams fetches them."""
    activity: dict[str, Any] = {"type": "message"}
    if payload.get("text"):
        activity["text"] = payload["text"]
        activity["textFormat"] = "markdown"
    if payload.get("card"):
        card = with_public_images(payload["card"], public_url)
        activity["attachments"] = [{"contentType": ADAPTIVE_CARD, "content": card}]
    return activity


def backoff(attempt: int, retry_after: float | None, *, rng: random.Random) -> float:
    """Seconds to wait before the next attempt: the server's word, else exponential with jitter."""
    if retry_after is not None:
        return min(retry_after, MAX_BACKOFF)
    return min(MAX_BACKOFF, (2 ** min(attempt, 10)) * (0.5 + rng.random()))


class Sender:
    """Makes the calls for one row at a time, in its tenant's pacing, and records the outcome."""

    def __init__(
        self,
        db: Database,
        connector: ConnectorClient,
        clock: Clock,
        pacer: Pacer,
        *,
        max_attempts: int,
        graph: GraphInstaller | None,
        rng: random.Random,
        metrics: Metrics,
        wake: Callable[[], None],
        public_url: str = "",
    ) -> None:
        self.db = db
        self.public_url = public_url
        self.connector = connector
        self.clock = clock
        self.pacer = pacer
        self.max_attempts = max_attempts
        self.graph = graph
        self.rng = rng
        self.metrics = metrics
        self._wake = wake  # the outbox has new rows (a mentor's notice)
        self.urgent: Counter[str] = Counter()  # per tenant: replies waiting for a slot
        self._chats: dict[str, str] = {}
        self._unreachable: set[str] = set()
        self._refused: dict[str, tuple[datetime, str]] = {}  # tenant: (until, reason)
        self._confirmed: list[tuple[int, str, str | None, str]] = []
        self._confirming: asyncio.Future[None] | None = None
        self._confirm_task: asyncio.Task[None] | None = None

    def conversation_of(self, target: Target) -> str | None:
        if target.conversation_id:
            return target.conversation_id
        return self._chats.get(target.user_id or "")

    async def pace(self, tenant: str, conversation: str | None, *, urgent: bool = False) -> None:
        """Wait for a slot for one more call (a second call in a delivery, a reply in a turn).

        An `urgent` call (someone is waiting for the answer) goes before the tenant's lane: the
        lane holds back while one waits, and it may use the share of the limit that the lane
        leaves free.
        """
        if urgent:
            self.urgent[tenant] += 1
        try:
            while True:
                moment = self.clock.now().timestamp()
                wait = self.pacer.wait(tenant, conversation, moment, bulk=not urgent)
                if wait <= 0:
                    self.pacer.record(tenant, conversation, moment, bulk=not urgent)
                    return
                await self.clock.sleep(min(wait, MAX_NAP))
        finally:
            if urgent:
                self.urgent[tenant] -= 1
                if not self.urgent[tenant]:
                    del self.urgent[tenant]

    async def deliver(self, tenant: str, job: Job, stats: DeliveryStats) -> None:
        row = job.row
        try:
            await self._deliver_job(tenant, job, stats)
        except Unconfirmed:
            # Teams has it but the database did not take the record: the row stays claimed, and
            # is only sent again if this worker dies and another takes the lane over.
            logger.exception("delivery %s was sent but could not be recorded", row.id)
        except Exception:  # a bug or the database: retry later rather than lose the row
            logger.exception("delivery %s could not be handled", row.id)
            wait = backoff(row.attempts, None, rng=self.rng)
            retry_at = self.clock.now() + timedelta(seconds=wait)
            with contextlib.suppress(Exception):
                await self._finish(
                    row, DeliveryStatus.PENDING, error="internal error", retry_at=retry_at
                )
            stats.retried += 1

    async def _deliver_job(self, tenant: str, job: Job, stats: DeliveryStats) -> None:
        row, target = job.row, job.target
        if target is None or (target.user_id and target.user_id in self._unreachable):
            reason = job.unreachable or "person blocked the bot"
            await self._finish(row, DeliveryStatus.FAILED, error=reason)
            stats.fail(reason)
            self.metrics.inc("dagritme_deliveries_total", outcome="failed", prompt=row.prompt)
            return
        if row.expires_at is not None and row.expires_at <= self.clock.now():
            await self._finish(row, DeliveryStatus.CANCELLED, error="expired")
            stats.expired += 1
            return
        refused = self._refused.get(tenant)
        if refused is not None and refused[0] > self.clock.now():
            await self._finish(row, DeliveryStatus.FAILED, error=refused[1])
            stats.fail(refused[1])
            self.metrics.inc("dagritme_deliveries_total", outcome="failed", prompt=row.prompt)
            return
        try:
            conversation_id, activity_id = await self._send(tenant, row, target, first_paced=True)
        except ConnectorError as exc:
            if exc.status == 403 and exc.code in BOT_WIDE_403:
                reason = f"{exc.status} {exc.code}"
                self._refused[tenant] = (self.clock.now() + BOT_WIDE_PAUSE, reason)
                logger.error("Teams refuses the bot in tenant %s: %s", tenant, reason)
                await self._failed(tenant, row, target, exc, stats)
                return
            if exc.status == 403 and target.user_id:
                await self._unreachable_person(tenant, row, target, exc, stats)
                return
            await self._failed(tenant, row, target, exc, stats)
            return
        await self._sent(row, conversation_id, activity_id, stats)

    async def _send(
        self, tenant: str, row: Delivery, target: Target, *, first_paced: bool
    ) -> tuple[str, str | None]:
        """Open the 1:1 chat when needed, then post; the first call's slot was taken by the lane."""
        conversation = self.conversation_of(target)
        if not first_paced:
            await self.pace(tenant, conversation)
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
            await self.pace(tenant, conversation)
        activity_id = await self.connector.send(
            target.service_url, conversation, to_activity(row.payload, public_url=self.public_url)
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
                    done.set_exception(Unconfirmed(str(exc)))
                    return
                await asyncio.sleep(0.5 * (attempt + 1))
            else:
                done.set_result(None)
                return

    async def _unreachable_person(
        self, tenant: str, row: Delivery, target: Target, exc: ConnectorError, stats: DeliveryStats
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
                        tenant, row, fresh, first_paced=False
                    )
                except ConnectorError as again:
                    exc = again
                else:
                    await self._sent(row, conversation_id, activity_id, stats)
                    return
        if exc.status != 403:
            await self._failed(tenant, row, target, exc, stats)
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
            self._wake()  # the mentor's notice is in the outbox
        reason = f"{exc.status} {exc.code}"
        await self._finish(row, DeliveryStatus.FAILED, error=reason)
        stats.fail(reason)
        self.metrics.inc("dagritme_deliveries_total", outcome="failed", prompt=row.prompt)

    async def _failed(
        self, tenant: str, row: Delivery, target: Target, exc: ConnectorError, stats: DeliveryStats
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
            self.pacer.hold(tenant, None, moment + min(pause, TENANT_PAUSE))
            conversation = self.conversation_of(target)
            if conversation is not None:
                self.pacer.hold(tenant, conversation, moment + pause)
        if exc.retryable and row.attempts < self.max_attempts:
            wait = backoff(row.attempts, exc.retry_after, rng=self.rng)
            await self._finish(
                row, DeliveryStatus.PENDING, error=reason, retry_at=now + timedelta(seconds=wait)
            )
            stats.retried += 1
            self.metrics.inc("dagritme_deliveries_total", outcome="retried", prompt=row.prompt)
            return
        await self._finish(row, DeliveryStatus.FAILED, error=reason)
        stats.fail(reason)
        self.metrics.inc("dagritme_deliveries_total", outcome="failed", prompt=row.prompt)
        logger.warning("delivery %s failed: %s", row.id, reason)

    async def _finish(
        self,
        row: Delivery,
        status: DeliveryStatus,
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


class Unconfirmed(Exception):
    """A send Teams accepted that could not be recorded."""
