"""Fixtures for end-to-end tests: a running bot, a fake connector, and a demo team."""

from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import dataclass
from datetime import datetime

import pytest

from domain.clock import as_utc
from tests.conversations.harness import Bot, Chat, running_bot
from tests.support import activities
from tests.support.activities import TeamsWorld
from tests.support.connector import FakeConnector, Member

# Sunday evening before a normal school week (Monday 23 November 2026).
START = as_utc(datetime(2026, 11, 22, 20, 0))


@dataclass
class Classroom:
    """A team with a coordinator, a mentor and pupils, the bot installed and roles given."""

    bot: Bot
    connector: FakeConnector
    world: TeamsWorld
    coordinator: Member
    mentor: Member
    pupils: list[Member]

    def chat(self, user: Member, *, locale: str = "nl-NL") -> Chat:
        """The 1:1 chat of one person with the bot."""
        return Chat(self.bot, self.world, user, locale=locale)


@pytest.fixture
async def running(database_url: str) -> AsyncIterator[tuple[Bot, FakeConnector]]:
    """The bot app on loopback with a fake connector; nothing installed yet."""
    async with running_bot(database_url, at=START) as pair:
        yield pair


def make_world(connector: FakeConnector) -> TeamsWorld:
    """A tenant with a team: coordinator Marieke, mentor Fatima, four pupils and a newcomer."""
    world = TeamsWorld(service_url=connector.url)
    world.person("coord", "Marieke Jansen")
    world.person("mentor", "Fatima el Amrani")
    world.person("sanne", "Sanne de Vries")
    world.person("daan", "Daan van der Berg")
    world.person("noah", "Noah Bakker")
    world.person("sanneb", "Sanne Bakker")
    world.channels = [(world.team_id, None), ("19:coordinatie@thread.tacv2", "Coördinatie")]
    connector.add_team(
        world.team_id,
        world.team_name,
        tenant_id=world.tenant_id,
        members=list(world.people.values()),
        channels=world.channels,
    )
    return world


@pytest.fixture
async def classroom(running: tuple[Bot, FakeConnector]) -> Classroom:
    """Installed by the coordinator; Fatima is mentor of all four pupils."""
    bot, connector = running
    world = make_world(connector)
    people = world.people
    posted = await bot.post(activities.install_in_team(world, people["coord"]))
    assert posted.status == 200, posted
    room = Classroom(
        bot=bot,
        connector=connector,
        world=world,
        coordinator=people["coord"],
        mentor=people["mentor"],
        pupils=[people["sanne"], people["daan"], people["noah"], people["sanneb"]],
    )
    coordinator = room.chat(room.coordinator)
    await coordinator.say("rol Fatima mentor")
    for pupil in room.pupils:
        await coordinator.say(f"rol #{await person_id(bot, pupil)} leerling")
        await coordinator.say(f"koppel #{await person_id(bot, pupil)} aan Fatima")
    connector.clear()
    return room


async def person_id(bot: Bot, user: Member) -> int:
    """Our id of a Teams user in the demo team."""
    from sqlmodel import select

    from storage.models import Person

    async with bot.db.session() as session:
        result = await session.exec(select(Person).where(Person.teams_user_id == user.id))
        person = result.one()
        assert person.id is not None
        return person.id
