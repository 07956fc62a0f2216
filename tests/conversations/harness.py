"""The running bot on loopback, a fake Bot Connector, and a conversation-like way to talk to it."""

from __future__ import annotations

import io
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import aiohttp
from aiohttp import web

from bot.app import create_app
from bot.services import SERVICES
from bot.settings import Settings
from bot.tick import tick
from domain.clock import FixedClock
from tests.support import activities
from tests.support.activities import TeamsWorld
from tests.support.connector import FakeConnector


@dataclass
class Posted:
    """The bot's HTTP answer to one activity."""

    status: int
    body: str


class Bot:
    """The real aiohttp app, served on 127.0.0.1, with its clock under the test's control."""

    def __init__(self, settings: Settings, clock: FixedClock, connector: FakeConnector) -> None:
        self.settings = settings
        self.clock = clock
        self.connector = connector
        self.app = create_app(settings, clock=clock)
        self._runner = web.AppRunner(self.app)
        self._http: aiohttp.ClientSession | None = None
        self.url = ""

    async def start(self) -> None:
        """Serve on a free loopback port."""
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        server: Any = site._server  # aiohttp exposes the bound port only here
        port = server.sockets[0].getsockname()[1]
        self.url = f"http://127.0.0.1:{port}"
        self._http = aiohttp.ClientSession()

    async def stop(self) -> None:
        """Stop serving."""
        if self._http is not None:
            await self._http.close()
        await self._runner.cleanup()

    @property
    def http(self) -> aiohttp.ClientSession:
        """The test's HTTP client."""
        assert self._http is not None
        return self._http

    async def post(
        self, activity: dict[str, Any] | bytes | str, *, headers: dict[str, str] | None = None
    ) -> Posted:
        """POST one activity (or raw bytes) to /api/messages."""
        send_headers = {"Content-Type": "application/json", **(headers or {})}
        if isinstance(activity, dict):
            async with self.http.post(
                f"{self.url}/api/messages", json=activity, headers=headers
            ) as response:
                return Posted(response.status, await response.text())
        data = io.BytesIO(activity.encode() if isinstance(activity, str) else activity)
        async with self.http.post(
            f"{self.url}/api/messages", data=data, headers=send_headers
        ) as response:
            return Posted(response.status, await response.text())

    async def tick(self, at: datetime) -> str:
        """Run `dagritme tick --at` in-process against the same database and connector."""
        self.clock.set(at)
        return await tick(self.settings, at=at, real_sleep=False)

    @property
    def db(self) -> Any:
        """The app's Database."""
        return self.app[SERVICES].db


class Chat:
    """Talk to the bot as one person in their 1:1 chat and read what it answered."""

    def __init__(self, bot: Bot, world: TeamsWorld, user: Any, *, locale: str = "nl-NL") -> None:
        self.bot = bot
        self.world = world
        self.user = user
        self.locale = locale

    @property
    def conversation_id(self) -> str:
        """This person's 1:1 conversation id."""
        return activities.personal_conversation_id(self.world, self.user)

    async def say(self, text: str) -> list[str]:
        """Send a message; returns the texts the bot sent back in this chat."""
        before = len(self.bot.connector.requests)
        posted = await self.bot.post(
            activities.personal_message(self.world, self.user, text, locale=self.locale)
        )
        assert posted.status < 300, posted
        return self.replies_since(before)

    async def submit(self, value: dict[str, Any], *, reply_to_id: str | None = None) -> Posted:
        """Send a card submit (Action.Submit arrives as a message with `value`)."""
        return await self.bot.post(
            activities.personal_message(
                self.world, self.user, "", value=value, reply_to_id=reply_to_id, locale=self.locale
            )
        )

    def replies_since(self, index: int) -> list[str]:
        """Texts (and card texts) sent to this chat after request number `index`."""
        found: list[str] = []
        for request in self.bot.connector.requests[index:]:
            if request.conversation_id != self.conversation_id or not request.body:
                continue
            if request.method not in ("POST", "PUT"):
                continue
            if request.body.get("text"):
                found.append(request.body["text"])
            for attachment in request.body.get("attachments") or []:
                found.append(card_text(attachment.get("content") or {}))
        return found


def card_text(card: dict[str, Any]) -> str:
    """Every text in a card, joined, so a test can look for words on it."""
    parts: list[str] = []

    def walk(node: Any) -> None:
        if isinstance(node, dict):
            for key in ("text", "title", "value", "label", "placeholder"):
                if isinstance(node.get(key), str):
                    parts.append(node[key])
            for value in node.values():
                if isinstance(value, list | dict):
                    walk(value)
        elif isinstance(node, list):
            for item in node:
                walk(item)

    walk(card)
    return "\n".join(parts)


@asynccontextmanager
async def running_bot(
    database_url: str, *, at: datetime, **env: Any
) -> AsyncIterator[tuple[Bot, FakeConnector]]:
    """A fake connector and the bot app on loopback, with the scheduler off (tests use tick)."""
    async with FakeConnector() as connector:
        settings = Settings.model_validate(
            {"DATABASE_URL": database_url, "DAGRITME_SCHEDULER": False, **env}
        )
        bot = Bot(settings, FixedClock(at), connector)
        await bot.start()
        try:
            yield bot, connector
        finally:
            await bot.stop()
