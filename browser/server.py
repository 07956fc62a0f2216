"""The real bot (bot.app.create_app) on a loopback port, in a thread with its own event loop.

The test moves its clock: a card submit is checked against the server's "today", and the day's
cards are only due on a school day from 09:00.
"""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Coroutine
from typing import Any, TypeVar

from aiohttp import web

from bot.app import create_app
from bot.services import SERVICES
from bot.settings import Settings
from domain.clock import FixedClock
from storage.db import Database

T = TypeVar("T")


class ServedBot:
    """`dagritme serve` in local mode (no app id, no authentication), scheduler off."""

    def __init__(self, database_url: str, clock: FixedClock) -> None:
        self.settings = Settings.model_validate(
            {
                "DATABASE_URL": database_url,
                "MicrosoftAppId": "",
                "MicrosoftAppPassword": "",
                # the test runs `dagritme tick --at …` itself, as an operator would
                "DAGRITME_SCHEDULER": False,
            }
        )
        self.clock = clock
        self.url = ""
        self._loop = asyncio.new_event_loop()
        self._thread = threading.Thread(
            target=self._loop.run_forever, name="dagritme-e2e-bot", daemon=True
        )
        self._runner: web.AppRunner | None = None

    @property
    def endpoint(self) -> str:
        """Where the Playground posts activities."""
        return f"{self.url}/api/messages"

    def start(self) -> None:
        """Serve on a free loopback port; returns once it listens."""
        self._thread.start()
        self.run(self._start())

    async def _start(self) -> None:
        app = create_app(self.settings, clock=self.clock)
        self._runner = web.AppRunner(app)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        server: Any = site._server  # aiohttp exposes the bound port only here
        self.url = f"http://127.0.0.1:{server.sockets[0].getsockname()[1]}"

    def run(self, coroutine: Coroutine[Any, Any, T], *, timeout: float = 30) -> T:
        """Run a coroutine on the bot's loop (e.g. a database query) and return its result."""
        return asyncio.run_coroutine_threadsafe(coroutine, self._loop).result(timeout)

    @property
    def db(self) -> Database:
        """The bot's database."""
        assert self._runner is not None
        database: Database = self._runner.app[SERVICES].db
        return database

    def stop(self) -> None:
        """Stop serving and end the thread."""
        if self._runner is not None:
            self.run(self._runner.cleanup())
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join(timeout=10)
        self._loop.close()
