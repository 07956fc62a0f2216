"""The trust boundary over HTTP: Teams only, replies only to Teams' hosts, no JSON bombs, and
operational details for the operator only."""

from __future__ import annotations

import json
import logging
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from typing import Any, cast

import pytest
from aiohttp import web
from sqlmodel import func, select

from bot.services import SERVICES
from bot.settings import Settings
from domain.clock import FixedClock
from storage.models import AuditEvent, Person, PersonalChat, Team
from tests.conversations.conftest import START, Classroom, make_world
from tests.conversations.harness import Bot, running_bot
from tests.support import activities
from tests.support.connector import FakeConnector
from tests.support.tokens import KeysServer, SigningKey

APP_ID = "00000000-0000-0000-0000-00000000a991"
TENANT = "6f1c2b7e-0d5a-4f0e-9a55-2f8d4b1c9e01"
OPERATOR_TOKEN = "9f2c4e6a8b0d1f3e5a7c9e1b3d5f7a9c"
SECRET_WORDS = "geheim-4711 ik voel me slecht"
OUTSIDE = "203.0.113.9"  # a documentation address: any caller that is not this machine


async def _rows(bot: Bot) -> dict[str, int]:
    async with bot.db.session() as session:
        return {
            model.__name__: (await session.exec(select(func.count()).select_from(model))).one()
            for model in (Team, Person, PersonalChat, AuditEvent)
        }


async def _chat_of(bot: Bot, teams_user_id: str) -> tuple[str, str]:
    async with bot.db.session() as session:
        chat = (
            await session.exec(
                select(PersonalChat).where(PersonalChat.teams_user_id == teams_user_id)
            )
        ).one()
    return chat.conversation_id, chat.service_url


@asynccontextmanager
async def authenticated(
    database_url: str, *, endorsements: list[str] | None = None, **env: Any
) -> AsyncIterator[tuple[Bot, SigningKey]]:
    """The bot with an app id, trusting only the key its own key server publishes.

    Without `endorsements` the key names no channels, as Microsoft's keys have not since
    September 2023 (MicrosoftDocs/bot-docs#2300): the SDK then takes a token for any channel.
    """
    trusted = SigningKey("trusted")
    key = {k: v for k, v in trusted.jwk().items() if k != "endorsements"}
    if endorsements is not None:
        key["endorsements"] = endorsements
    with KeysServer([key]) as keys_host:
        async with running_bot(
            database_url,
            at=START,
            MicrosoftAppId=APP_ID,
            MicrosoftAppPassword="not-used-in-tests",
            MicrosoftAppTenantId=TENANT,
            DAGRITME_OPENID_METADATA_URL=f"{keys_host.url}openid",
            **env,
        ) as (bot, _):
            yield bot, trusted


Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


@asynccontextmanager
async def seen_from(database_url: str, remote: str, **env: Any) -> AsyncIterator[Bot]:
    """The bot as a caller at `remote` reaches it, e.g. through the Azure ingress.

    The connection is still made on loopback; a middleware in front of the app's own changes
    the peer address the routes see, as a proxy in between would."""

    @web.middleware
    async def from_elsewhere(request: web.Request, handler: Handler) -> web.StreamResponse:
        return await handler(request.clone(remote=remote))

    async with FakeConnector() as connector:
        settings = Settings.model_validate(
            {"DATABASE_URL": database_url, "DAGRITME_SCHEDULER": False, **env}
        )
        bot = Bot(settings, FixedClock(START), connector)
        bot.app.middlewares.insert(0, from_elsewhere)
        await bot.start()
        try:
            yield bot
        finally:
            await bot.stop()


async def test_other_channels_are_refused_before_anything_is_stored(
    classroom: Classroom, caplog: pytest.LogCaptureFixture
) -> None:
    """Web Chat with a coordinator's Teams id once repointed her stored 1:1 chat."""
    bot, world, coordinator = classroom.bot, classroom.world, classroom.coordinator
    rows = await _rows(bot)
    chat = await _chat_of(bot, coordinator.id)
    stranger = world.person("x", "Onbekend Persoon")
    variants: list[tuple[str | None, str]] = [
        ("webchat", "https://webchat.botframework.com/"),
        ("directline", "https://directline.botframework.com/"),
        ("emulator", "http://127.0.0.1:9/"),
        ("MSTEAMS", world.service_url),
        ("", world.service_url),
        (None, world.service_url),
    ]
    caplog.clear()
    for channel, service_url in [*variants, ("missing", world.service_url)]:
        for activity in (
            activities.personal_message(world, coordinator, f"rol Daan mentor {SECRET_WORDS}"),
            activities.install_personal(world, stranger),
            activities.install_in_team(world, stranger),
        ):
            activity["conversation"]["id"] = "a:1attacker-conversation"
            activity["serviceUrl"] = service_url
            if channel == "missing":
                del activity["channelId"]
            else:
                activity["channelId"] = channel
            posted = await bot.post(activity)
            assert posted.status == 403, (channel, posted)
            assert json.loads(posted.body) == {"error": "only Microsoft Teams"}

    assert await _rows(bot) == rows
    assert await _chat_of(bot, coordinator.id) == chat
    assert classroom.connector.requests == []
    refusals = [r for r in caplog.records if r.name == "bot.app" and r.levelno == logging.INFO]
    assert {r.getMessage() for r in refusals} >= {
        "refused an activity from channel webchat: only Teams is served",
        "refused an activity from channel none: only Teams is served",
        "refused an activity from channel unknown: only Teams is served",
    }
    logged = "\n".join(record.getMessage() for record in caplog.records)
    assert "geheim-4711" not in logged
    assert "attacker" not in logged
    async with bot.http.get(f"{bot.url}/metrics") as response:  # loopback: no token needed
        assert 'dagritme_requests_refused_total{reason="channel"} 21' in await response.text()

    # the same person from Teams is still served, in the chat Teams knows
    (reply,) = await classroom.chat(coordinator).say("team")
    assert "Fatima el Amrani" in reply
    assert await _chat_of(bot, coordinator.id) == chat


async def test_authenticated_replies_go_only_to_the_allowed_hosts(database_url: str) -> None:
    async with authenticated(database_url) as (bot, trusted):
        world = make_world(bot.connector)
        install = activities.install_in_team(world, world.people["coord"])
        # a genuine token, but for a loopback serviceUrl that production does not list
        token = trusted.token(app_id=APP_ID, service_url=bot.connector.url)
        posted = await bot.post(install, headers={"Authorization": f"Bearer {token}"})
        assert posted.status == 403
        assert json.loads(posted.body) == {"error": "serviceUrl is not a Microsoft Teams host"}

        # A Web Chat token vouches for Web Chat's serviceUrl, and its client picks the sender's
        # id: calling the channel Teams does not make it Teams.
        webchat = "https://webchat.botframework.com/"
        token = trusted.token(app_id=APP_ID, service_url=webchat)
        for channel in ("msteams", "webchat"):
            forged = {**install, "serviceUrl": webchat, "channelId": channel}
            posted = await bot.post(forged, headers={"Authorization": f"Bearer {token}"})
            assert posted.status == 403, channel

        # who is asking comes before what they may ask: no token is a 401, whatever the channel
        # (and an odd header is a 401 too, not the SDK's AttributeError)
        for channel in ("msteams", "webchat"):
            for header in ({}, {"Authorization": "Bearer"}, {"Authorization": "Bearer a b"}):
                posted = await bot.post({**install, "channelId": channel}, headers=header)
                assert posted.status == 401, (channel, header)

        assert (await _rows(bot))["Team"] == 0
        assert [r for r in bot.connector.requests if "/v3/" in r.path] == []


async def test_a_listed_host_is_served_as_before(database_url: str) -> None:
    hosts = "smba.trafficmanager.net,127.0.0.1"
    async with authenticated(
        database_url, endorsements=["msteams"], DAGRITME_SERVICE_URL_HOSTS=hosts
    ) as (bot, trusted):
        world = make_world(bot.connector)
        token = trusted.token(app_id=APP_ID, service_url=bot.connector.url)
        # an activity that needs no reply: a reply would fetch the bot's own token from Entra
        typing = {
            **activities.personal_message(world, world.people["coord"], "x"),
            "type": "typing",
        }
        posted = await bot.post(typing, headers={"Authorization": f"Bearer {token}"})
        assert posted.status == 200, posted
        # a key that endorses Teams only: the SDK refuses the token for another channel (it
        # raises a plain Exception, once a 500)
        posted = await bot.post(
            {**typing, "channelId": "webchat"}, headers={"Authorization": f"Bearer {token}"}
        )
        assert posted.status == 401


async def test_a_json_bomb_gets_400_and_changes_nothing(classroom: Classroom) -> None:
    bot, world, coordinator = classroom.bot, classroom.world, classroom.coordinator
    rows = await _rows(bot)
    posted = await bot.post("[" * 100_000 + "]" * 100_000)
    assert posted.status == 400
    assert json.loads(posted.body) == {"error": "too deeply nested"}

    # deep inside a card submit that is otherwise a proper activity
    submit = activities.personal_message(world, coordinator, "", value={"verb": "PLACEHOLDER"})
    text = json.dumps(submit).replace('"PLACEHOLDER"', "[" * 100_000 + "]" * 100_000)
    posted = await bot.post(text)
    assert posted.status == 400
    assert json.loads(posted.body) == {"error": "too deeply nested"}
    deep: Any = "x"
    for _ in range(65):
        deep = {"a": deep}
    posted = await bot.post({**submit, "value": {"verb": "command", "a": deep}})
    assert posted.status == 400
    assert await _rows(bot) == rows

    # what Teams sends is far shallower, and brackets in what people type are text
    posted = await bot.post(
        activities.personal_message(world, coordinator, "team " + "[{" * 5_000 + '"\\')
    )
    assert posted.status == 200
    async with bot.http.get(f"{bot.url}/healthz") as response:
        assert response.status == 200


async def test_healthz_on_loopback_shows_counts_not_tenants(classroom: Classroom) -> None:
    bot, world = classroom.bot, classroom.world
    lanes = bot.app[SERVICES].worker.lanes
    lanes[world.tenant_id] = cast(Any, object())  # as if this process were sending for it
    try:
        async with bot.http.get(f"{bot.url}/healthz") as response:
            assert response.status == 200
            text = await response.text()
    finally:
        del lanes[world.tenant_id]
    health = json.loads(text)
    assert health["status"] == "ok"
    assert health["database"] is True
    assert health["deliveries"]["lanes"] == 1
    assert world.tenant_id not in text
    assert world.team_id not in text


async def test_from_elsewhere_details_and_metrics_need_the_operator_token(
    database_url: str,
) -> None:
    async with seen_from(database_url, OUTSIDE, DAGRITME_OPERATOR_TOKEN=OPERATOR_TOKEN) as bot:

        async def get(path: str, token: str | None = None) -> tuple[int, str, str | None]:
            headers = {"Authorization": f"Bearer {token}"} if token is not None else {}
            async with bot.http.get(f"{bot.url}{path}", headers=headers) as response:
                challenge = response.headers.get("WWW-Authenticate")
                return response.status, await response.text(), challenge

        # the platform's probe (and anyone else) learns whether the bot is up, nothing more
        for token in (None, "wrong", OPERATOR_TOKEN[:-1], ""):
            status, text, _ = await get("/healthz", token)
            assert (status, json.loads(text)) == (200, {"status": "ok"}), token
        status, text, _ = await get("/healthz", OPERATOR_TOKEN)
        assert status == 200
        assert set(json.loads(text)) == {
            "status",
            "database",
            "deliveries",
            "teams_without_coordinator",
        }

        status, text, challenge = await get("/metrics")
        assert status == 401
        assert challenge is not None and challenge.startswith("Bearer")
        assert json.loads(text) == {"error": "operator token required"}
        status, _, _ = await get("/metrics", "wrong")
        assert status == 403
        status, text, _ = await get("/metrics", OPERATOR_TOKEN)
        assert status == 200
        assert "# TYPE dagritme_outbox_deliveries gauge" in text


async def test_without_an_operator_token_only_loopback_sees_details(database_url: str) -> None:
    async with seen_from(database_url, OUTSIDE) as bot:
        for token in ("", "anything", OPERATOR_TOKEN):
            headers = {"Authorization": f"Bearer {token}"}
            async with bot.http.get(f"{bot.url}/healthz", headers=headers) as response:
                assert await response.json() == {"status": "ok"}
            async with bot.http.get(f"{bot.url}/metrics", headers=headers) as response:
                assert response.status in (401, 403)
    async with (
        running_bot(database_url, at=START) as (bot, _),
        bot.http.get(f"{bot.url}/metrics") as response,
    ):
        assert response.status == 200  # loopback
