"""`dagritme tick` (plan and send what is due at an instant) and `dagritme deliver`."""

from __future__ import annotations

import asyncio
import contextlib
import signal
from datetime import datetime

from bot.connector import ConnectorClient, token_source
from bot.maintenance import purge
from bot.settings import Settings
from bot.workers import worker_for
from dialogs.clock.planner import enqueue_due
from domain.clock import FixedClock, SystemClock
from domain.delivery import DeliveryStatus
from storage import outbox
from storage.db import Database


async def tick(settings: Settings, *, at: datetime | None = None, real_sleep: bool = True) -> str:
    """Schedule what is due at `at` (default now) and send it; returns a one-line summary.

    Without `real_sleep` the worker's pacing waits take no time (for tests on a fake connector).
    """
    # The clock stands at `at` but moves on as the worker waits, and waits really: the pacing
    # must hold against the real Teams.
    clock = FixedClock(at if at is not None else SystemClock().now(), real_sleep=real_sleep)
    db = Database.from_url(settings.database_url)
    connector = ConnectorClient(token_source(settings))
    try:
        planned = await enqueue_due(db, clock.now())
        worker = worker_for(settings, db, connector, clock)
        try:
            stats = await worker.drain()
        finally:
            await worker.close()
        await purge(db, settings, clock.now())
    finally:
        await connector.close()
        await db.close()
    return (
        f"at {clock.now().isoformat()}: {planned.teams} team(s), {planned.created} scheduled, "
        f"{stats.sent} sent, {stats.retried} to retry, {stats.failed} failed, "
        f"{stats.expired} expired"
    )


async def deliver(settings: Settings, *, until_idle: bool = False) -> str:
    """Run the delivery worker alone, until stopped (SIGTERM lets go of its tenants at once)."""
    db = Database.from_url(settings.database_url)
    connector = ConnectorClient(token_source(settings))
    worker = worker_for(settings, db, connector, SystemClock())
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGTERM, signal.SIGINT):
        with contextlib.suppress(NotImplementedError):
            loop.add_signal_handler(sig, stop.set)
    running = asyncio.create_task(worker.run_forever(poll=0.5 if until_idle else 5.0))
    try:
        while not stop.is_set() and not running.done():
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(stop.wait(), timeout=0.5)
            if until_idle:
                async with db.session() as session:
                    counts = await outbox.counts(session=session)
                if not counts.get(DeliveryStatus.PENDING) and not counts.get(
                    DeliveryStatus.SENDING
                ):
                    break
        running.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await running
    finally:
        await worker.close()
        await connector.close()
        await db.close()
    return f"worker {worker.name}: {worker.stats.sent} sent, {worker.stats.failed} failed"
