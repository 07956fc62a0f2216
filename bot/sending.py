"""Sending one outbox row: the calls to Teams, and what their answers mean.

The delivery worker (`bot.delivery`) decides which rows go when; a `Sender` makes the calls for
one row at a time: opens a pupil's 1:1 chat when needed, takes pacing slots, and turns an error
into a retry after `Retry-After` or a backoff, a failure with its reason, or, for a 403 for one
person, an app install through Graph or a notice to the mentor (`bot.unreachable`). What became
of the row is recorded by `bot.outcomes`.
"""

from __future__ import annotations

import contextlib
import logging
import random
from collections import Counter
from collections.abc import Callable
from dataclasses import replace
from datetime import datetime, timedelta
from typing import Any

from bot.connector import ConnectorClient, ConnectorError
from bot.graph import GraphInstaller
from bot.observability import Metrics
from bot.outcomes import DeliveryStats, Outcomes, Unconfirmed
from bot.pacing import Pacer
from bot.targets import Job, Target
from bot.unreachable import Unreachable
from cards.faces import with_public_images
from domain.clock import Clock
from domain.delivery import DeliveryStatus
from storage import people
from storage.db import Database
from storage.models import Delivery

logger = logging.getLogger(__name__)

ADAPTIVE_CARD = "application/vnd.microsoft.card.adaptive"
MAX_BACKOFF = 300.0
# How long the rest of a tenant's fan-out pauses after a 429 in one of its conversations. The
# pacer keeps under the limit, so a 429 means a few calls arrived closer together than they were
# sent: a quarter of a second lets a dozen calls' room come free.
TENANT_PAUSE = 0.25
# The longest a lane naps waiting for a pacing slot before it looks around again.
MAX_NAP = 1.0
# 403 codes that say the bot may not post anywhere in the tenant (the tenant's admin disabled the
# app, or the bot's registration is gone), not that one person blocked it: nobody is marked, and
# the tenant's other rows fail at once for this long instead of each asking Teams again.
BOT_WIDE_403 = frozenset({"BotDisabledByAdmin", "BotNotRegistered", "InvalidBotApiHost"})
BOT_WIDE_PAUSE = timedelta(minutes=10)


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
        self.rng = rng
        self.metrics = metrics
        self.outcomes = Outcomes(db, clock, metrics)
        self.unreachable = Unreachable(db, clock, metrics, graph=graph, wake=wake)
        self.urgent: Counter[str] = Counter()  # per tenant: replies waiting for a slot
        self._chats: dict[str, str] = {}
        self._refused: dict[str, tuple[datetime, str]] = {}  # tenant: (until, reason)

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
                await self.outcomes.finish(
                    row, DeliveryStatus.PENDING, error="internal error", retry_at=retry_at
                )
            stats.retried += 1

    async def _deliver_job(self, tenant: str, job: Job, stats: DeliveryStats) -> None:
        row, target = job.row, job.target
        if target is None or (target.user_id and target.user_id in self.unreachable):
            await self.outcomes.failed(row, job.unreachable or "person blocked the bot", stats)
            return
        if row.expires_at is not None and row.expires_at <= self.clock.now():
            await self.outcomes.finish(row, DeliveryStatus.CANCELLED, error="expired")
            stats.expired += 1
            return
        refused = self._refused.get(tenant)
        if refused is not None and refused[0] > self.clock.now():
            await self.outcomes.failed(row, refused[1], stats)
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
        await self.outcomes.sent(row, conversation_id, activity_id, stats)

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

    async def _unreachable_person(
        self, tenant: str, row: Delivery, target: Target, exc: ConnectorError, stats: DeliveryStats
    ) -> None:
        """403 for a person: install the app through Graph and try once more, else stop."""
        assert target.user_id is not None
        if await self.unreachable.installed(target):
            self._chats.pop(target.user_id, None)
            fresh = replace(target, conversation_id=None)
            try:
                conversation_id, activity_id = await self._send(
                    tenant, row, fresh, first_paced=False
                )
            except ConnectorError as again:
                exc = again
            else:
                await self.outcomes.sent(row, conversation_id, activity_id, stats)
                return
        if exc.status != 403:
            await self._failed(tenant, row, target, exc, stats)
            return
        await self.unreachable.mark(target)
        await self.outcomes.failed(row, f"{exc.status} {exc.code}", stats)

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
            retry_at = now + timedelta(seconds=wait)
            await self.outcomes.finish(row, DeliveryStatus.PENDING, error=reason, retry_at=retry_at)
            stats.retried += 1
            self.metrics.inc("dagritme_deliveries_total", outcome="retried", prompt=row.prompt)
            return
        await self.outcomes.failed(row, reason, stats)
        logger.warning("delivery %s failed: %s", row.id, reason)
