"""The one delivery worker: claims outbox rows, sends them to Teams, records the outcome."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import random
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from bot.connector import ConnectorClient, ConnectorError
from bot.observability import Metrics
from domain.clock import Clock
from storage import outbox, people
from storage.db import Database
from storage.models import Delivery, Person, Team

logger = logging.getLogger(__name__)

ADAPTIVE_CARD = "application/vnd.microsoft.card.adaptive"
MAX_BACKOFF = 300.0


@dataclass
class DeliveryStats:
    """What one pass of the worker did."""

    sent: int = 0
    retried: int = 0
    failed: int = 0
    expired: int = 0
    reasons: dict[str, int] = field(default_factory=dict)

    def add(self, other: DeliveryStats) -> None:
        """Add another pass's counts to these."""
        self.sent += other.sent
        self.retried += other.retried
        self.failed += other.failed
        self.expired += other.expired
        for reason, n in other.reasons.items():
            self.reasons[reason] = self.reasons.get(reason, 0) + n

    @property
    def handled(self) -> int:
        """Rows this pass finished or rescheduled."""
        return self.sent + self.retried + self.failed + self.expired


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
        rng: random.Random | None = None,
        metrics: Metrics | None = None,
    ) -> None:
        self.metrics = metrics or Metrics()
        self.db = db
        self.connector = connector
        self.clock = clock
        self.max_attempts = max_attempts
        self.batch = batch
        self.rng = rng or random.Random()
        self._wake = asyncio.Event()

    def wake(self) -> None:
        """Something was written to the outbox; look now rather than at the next poll."""
        self._wake.set()

    async def run_once(self) -> DeliveryStats:
        """Claim one batch of due rows and send them."""
        now = self.clock.now()
        async with self.db.session() as session:
            rows = await outbox.claim(session=session, now=now, limit=self.batch)
        stats = DeliveryStats()
        for row in rows:
            await self._deliver(row, stats)
        return stats

    async def drain(self, *, max_passes: int = 10_000) -> DeliveryStats:
        """Send until nothing is due right now."""
        total = DeliveryStats()
        for _ in range(max_passes):
            stats = await self.run_once()
            total.add(stats)
            if stats.handled == 0:
                break
        return total

    async def run_forever(self, *, poll: float = 5.0) -> None:
        """Keep sending; wakes on new rows or every `poll` seconds."""
        while True:
            try:
                await self.drain()
            except Exception:  # keep the worker alive; the cause is logged and the row stays
                logger.exception("delivery pass failed")
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._wake.wait(), timeout=poll)
            self._wake.clear()

    async def _deliver(self, row: Delivery, stats: DeliveryStats) -> None:
        assert row.id is not None and row.claim_token is not None
        now = self.clock.now()
        if row.expires_at is not None and row.expires_at <= now:
            await self._finish(row, "cancelled", error="expired")
            stats.expired += 1
            return
        try:
            conversation_id, service_url = await self._target(row)
            activity_id = await self.connector.send(
                service_url, conversation_id, to_activity(row.payload)
            )
        except ConnectorError as exc:
            await self._failed(row, exc, stats)
            return
        except _Unreachable as exc:
            await self._finish(row, "failed", error=str(exc))
            stats.failed += 1
            stats.reasons[str(exc)] = stats.reasons.get(str(exc), 0) + 1
            return
        await self._finish(row, "sent", activity_id=activity_id, conversation_id=conversation_id)
        stats.sent += 1
        self.metrics.inc("dagritme_deliveries_total", outcome="sent", prompt=row.prompt)

    async def _failed(self, row: Delivery, exc: ConnectorError, stats: DeliveryStats) -> None:
        reason = f"{exc.status} {exc.code}"
        if exc.status == 403 and row.person_id is not None:
            await self._mark_blocked(row)
        if exc.retryable and row.attempts < self.max_attempts:
            wait = backoff(row.attempts, exc.retry_after, rng=self.rng)
            retry_at = self.clock.now() + timedelta(seconds=wait)
            await self._finish(row, "pending", error=reason, retry_at=retry_at)
            stats.retried += 1
            self.metrics.inc("dagritme_deliveries_total", outcome="retried", prompt=row.prompt)
            return
        await self._finish(row, "failed", error=reason)
        stats.failed += 1
        self.metrics.inc("dagritme_deliveries_total", outcome="failed", prompt=row.prompt)
        stats.reasons[reason] = stats.reasons.get(reason, 0) + 1
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

    async def _target(self, row: Delivery) -> tuple[str, str]:
        """(conversation id, service url) for a row; opens a 1:1 chat when there is none yet."""
        async with self.db.session() as session:
            team = await session.get(Team, row.team_id)
            if team is None or team.removed_at is not None:
                raise _Unreachable("team not installed")
            if row.recipient.startswith("channel:"):
                return row.recipient.removeprefix("channel:"), team.service_url
            person = await session.get(Person, row.person_id) if row.person_id else None
            if person is None or not person.active:
                raise _Unreachable("person left the team")
            chat = await people.personal_chat(session=session, teams_user_id=person.teams_user_id)
            if chat is not None and chat.blocked_at is not None:
                raise _Unreachable("person blocked the bot")
            if chat is not None:
                return chat.conversation_id, chat.service_url
            bot_id, tenant_id, service_url = team.bot_id, team.tenant_id, team.service_url
            user_id = person.teams_user_id
        conversation_id = await self.connector.create_personal_conversation(
            service_url, bot_id=bot_id, user_id=user_id, tenant_id=tenant_id
        )
        async with self.db.session() as session:
            await people.remember_personal_chat(
                session=session,
                teams_user_id=user_id,
                tenant_id=tenant_id,
                service_url=service_url,
                conversation_id=conversation_id,
                now=self.clock.now(),
            )
        return conversation_id, service_url

    async def _mark_blocked(self, row: Delivery) -> None:
        async with self.db.session() as session:
            person = await session.get(Person, row.person_id) if row.person_id else None
            if person is None:
                return
            chat = await people.personal_chat(session=session, teams_user_id=person.teams_user_id)
            if chat is not None and chat.blocked_at is None:
                chat.blocked_at = self.clock.now()
                session.add(chat)


class _Unreachable(Exception):
    """The recipient cannot be reached at all (left, blocked, team gone); not worth a retry."""
