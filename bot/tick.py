"""`dagritme tick`: run once everything that is due at an instant, deliver it, exit."""

from __future__ import annotations

from datetime import datetime

from bot.connector import ConnectorClient, token_source
from bot.delivery import DeliveryWorker
from bot.maintenance import purge
from bot.settings import Settings
from dialogs.schedule import enqueue_due
from domain.clock import FixedClock, SystemClock
from storage.db import Database


async def tick(settings: Settings, *, at: datetime | None = None) -> str:
    """Schedule what is due at `at` (default now) and send it; returns a one-line summary."""
    clock = FixedClock(at) if at is not None else FixedClock(SystemClock().now())
    db = Database.from_url(settings.database_url)
    connector = ConnectorClient(token_source(settings))
    try:
        planned = await enqueue_due(db, clock.now())
        worker = DeliveryWorker(
            db,
            connector,
            clock,
            max_attempts=settings.delivery_max_attempts,
            batch=settings.delivery_batch,
        )
        stats = await worker.drain()
        await purge(db, settings, clock.now())
    finally:
        await connector.close()
        await db.close()
    return (
        f"at {clock.now().isoformat()}: {planned.teams} team(s), {planned.created} scheduled, "
        f"{stats.sent} sent, {stats.retried} to retry, {stats.failed} failed, "
        f"{stats.expired} expired"
    )
