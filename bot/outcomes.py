"""How what became of an outbox row is recorded and counted: a send with its Teams activity id,
a retry with its time, a failure with its reason.

Sends that end together share one transaction: at a fan-out's pace a commit per send would keep
the database from the people answering their cards.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass, field
from datetime import datetime

from bot.observability import Metrics
from domain.clock import Clock
from domain.delivery import DeliveryStatus
from storage import outbox
from storage.db import Database
from storage.models import Delivery

# Sends confirmed within this many seconds of each other are recorded in one transaction. At a
# fan-out's 500 sends a second, 50 ms makes 20 commits a second rather than 100, which leaves the
# database to the people answering their cards (the benchmark's inbound table); a crash can then
# repeat at most the sends of the last 50 ms besides those under way.
CONFIRM_EVERY = 0.05


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


class Unconfirmed(Exception):
    """A send Teams accepted that could not be recorded."""


class Outcomes:
    """Records the outcome of each row a worker claimed, in the outbox and in its counters."""

    def __init__(self, db: Database, clock: Clock, metrics: Metrics) -> None:
        self.db = db
        self.clock = clock
        self.metrics = metrics
        self._confirmed: list[tuple[int, str, str | None, str]] = []
        self._confirming: asyncio.Future[None] | None = None
        self._confirm_task: asyncio.Task[None] | None = None

    async def sent(
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

    async def failed(self, row: Delivery, reason: str, stats: DeliveryStats) -> None:
        """Give up on a row, with the reason: recorded, and counted by reason and prompt."""
        await self.finish(row, DeliveryStatus.FAILED, error=reason)
        stats.fail(reason)
        self.metrics.inc("dagritme_deliveries_total", outcome="failed", prompt=row.prompt)

    async def finish(
        self,
        row: Delivery,
        status: DeliveryStatus,
        *,
        error: str | None = None,
        retry_at: datetime | None = None,
    ) -> None:
        """Record a row's new status, if this worker still holds its claim."""
        assert row.id is not None and row.claim_token is not None
        async with self.db.session() as session:
            await outbox.finish(
                session=session,
                delivery_id=row.id,
                claim_token=row.claim_token,
                status=status,
                now=self.clock.now(),
                error=error[:500] if error else None,
                retry_at=retry_at,
            )
