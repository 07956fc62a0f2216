"""The in-process scheduler: every half minute it asks what is due and wakes the worker."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from datetime import UTC, datetime, timedelta

from apscheduler.schedulers.asyncio import AsyncIOScheduler

from bot.delivery import DeliveryWorker
from bot.maintenance import purge
from bot.settings import Settings
from dialogs.clock.planner import enqueue_due
from domain.clock import Clock
from storage.db import Database

logger = logging.getLogger(__name__)

PURGE_EVERY = timedelta(hours=1)


class Scheduler:
    """Runs the planning pass on a timer and the delivery worker in the background."""

    def __init__(
        self,
        db: Database,
        worker: DeliveryWorker,
        clock: Clock,
        *,
        interval: float = 30.0,
        settings: Settings | None = None,
    ) -> None:
        self.settings = settings
        self._last_purge: datetime | None = None
        self.db = db
        self.worker = worker
        self.clock = clock
        self.interval = interval
        self._scheduler: AsyncIOScheduler | None = None
        self._worker_task: asyncio.Task[None] | None = None

    async def plan(self) -> None:
        """One planning pass; wakes the worker when it wrote anything."""
        try:
            planned = await enqueue_due(self.db, self.clock.now())
        except Exception:  # the next pass retries; never let the timer die
            logger.exception("planning pass failed")
            return
        if planned.created:
            self.worker.wake()
        now = self.clock.now()
        if self.settings and (self._last_purge is None or now - self._last_purge > PURGE_EVERY):
            self._last_purge = now
            try:
                await purge(self.db, self.settings, now)
            except Exception:  # retried at the next hour; never let the timer die
                logger.exception("retention purge failed")

    async def start(self) -> None:
        """Catch up at once (a restart at 09:20 still sends the day start), then every interval."""
        if self.settings is None or self.settings.delivery_worker:
            self._worker_task = asyncio.create_task(self.worker.run_forever(), name="delivery")
        await self.plan()
        self._scheduler = AsyncIOScheduler(timezone=UTC)
        self._scheduler.add_job(
            self.plan,
            "interval",
            seconds=self.interval,
            max_instances=1,
            coalesce=True,
            id="plan",
        )
        self._scheduler.start()

    async def stop(self) -> None:
        """Stop the timer and the worker."""
        if self._scheduler is not None:
            self._scheduler.shutdown(wait=False)
            self._scheduler = None
        if self._worker_task is not None:
            self._worker_task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._worker_task
            self._worker_task = None
