"""Authentication, tenants and abuse: refused requests change nothing."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import timedelta

import pytest
from sqlmodel import select

from storage.models import Person, Team
from tests.conversations.conftest import START, Classroom, make_world
from tests.conversations.harness import Bot, running_bot
from tests.support import activities
from tests.support.connector import FakeConnector
from tests.support.tokens import KeysServer, SigningKey

APP_ID = "00000000-0000-0000-0000-00000000a991"
TENANT = "6f1c2b7e-0d5a-4f0e-9a55-2f8d4b1c9e01"


@pytest.fixture
async def secured(database_url: str) -> AsyncIterator[tuple[Bot, FakeConnector, SigningKey]]:
    """The bot with an app id, trusting only the key the fake connector publishes."""
    trusted = SigningKey("trusted")
    with KeysServer([trusted.jwk()]) as keys_host:
        async with running_bot(
            database_url,
            at=START,
            MicrosoftAppId=APP_ID,
            MicrosoftAppPassword="not-used-in-tests",
            MicrosoftAppTenantId=TENANT,
            DAGRITME_OPENID_METADATA_URL=f"{keys_host.url}openid",
            DAGRITME_SERVICE_URL_HOSTS="127.0.0.1",
        ) as (bot, connector):
            yield bot, connector, trusted


async def teams(bot: Bot) -> list[Team]:
    async with bot.db.session() as session:
        return list((await session.exec(select(Team))).all())


async def test_tokens_signed_by_an_unknown_key_get_401(
    secured: tuple[Bot, FakeConnector, SigningKey],
) -> None:
    bot, connector, trusted = secured
    world = make_world(connector)
    install = activities.install_in_team(world, world.people["coord"])
    forged = SigningKey("trusted").token(app_id=APP_ID, service_url=connector.url)
    other_app = trusted.token(app_id="another-app", service_url=connector.url)
    expired = trusted.token(app_id=APP_ID, service_url=connector.url, lifetime=-3600)
    for header in (
        f"Bearer {forged}",
        f"Bearer {other_app}",
        f"Bearer {expired}",
        "Bearer not-a-token",
        "Basic dXNlcjpwYXNz",
    ):
        posted = await bot.post(install, headers={"Authorization": header})
        assert posted.status == 401, header
    assert await teams(bot) == []
    assert [r for r in connector.requests if "/v3/" in r.path] == []


async def test_a_token_from_the_trusted_key_is_accepted(
    secured: tuple[Bot, FakeConnector, SigningKey],
) -> None:
    """The same checks let a genuine token through (an activity that needs no reply)."""
    bot, connector, trusted = secured
    world = make_world(connector)
    token = trusted.token(app_id=APP_ID, service_url=connector.url)
    typing = {**activities.personal_message(world, world.people["coord"], "x"), "type": "typing"}
    posted = await bot.post(typing, headers={"Authorization": f"Bearer {token}"})
    assert posted.status == 200
    wrong_url = trusted.token(app_id=APP_ID, service_url="https://elsewhere.example/")
    posted = await bot.post(typing, headers={"Authorization": f"Bearer {wrong_url}"})
    assert posted.status == 401


async def test_other_tenants_are_refused_and_nothing_is_stored(database_url: str) -> None:
    async with running_bot(
        database_url, at=START, DAGRITME_ALLOWED_TENANTS="11111111-2222-3333-4444-555555555555"
    ) as (bot, connector):
        world = make_world(connector)
        await bot.post(activities.install_in_team(world, world.people["coord"]))
        await bot.post(activities.personal_message(world, world.people["coord"], "hulp"))
        assert await teams(bot) == []
        async with bot.db.session() as session:
            assert (await session.exec(select(Person))).all() == []
        assert [r for r in connector.requests if "/v3/" in r.path] == []


async def test_a_flood_of_commands_is_slowed_down(classroom: Classroom) -> None:
    classroom.bot.clock.advance(timedelta(minutes=2))  # past the set-up's own commands
    chat = classroom.chat(classroom.coordinator)
    replies = []
    for _ in range(35):
        replies += await chat.say("team")
    slowed = [r for r in replies if "even rustig aan" in r.lower()]
    assert len(slowed) == 1  # said once, the rest is ignored quietly
    assert len([r for r in replies if "teamleden" in r]) == 30
    classroom.bot.clock.advance(timedelta(minutes=1))
    assert any("teamleden" in r for r in await chat.say("team"))
