"""Trust at the edges: where coordinators' messages go, who becomes coordinator, which card a
submit may replace."""

from __future__ import annotations

from datetime import date

from sqlmodel import select

from bot import maintenance
from storage.models import AuditEvent, Delivery, Person, Team
from tests.conversations.conftest import Classroom, person_id
from tests.conversations.harness import Chat
from tests.conversations.test_daily_rhythm import MONDAY, local, start_delivery
from tests.support import activities
from tests.support.activities import TeamsWorld
from tests.support.connector import FakeConnector, Member

CHANNEL = "19:coordinatie@thread.tacv2"


async def team_row(room: Classroom) -> Team:
    async with room.bot.db.session() as session:
        return (await session.exec(select(Team).where(Team.teams_id == room.world.team_id))).one()


async def roles(room: Classroom) -> dict[str, str | None]:
    """The roles of the team's current members, by name."""
    async with room.bot.db.session() as session:
        found = await session.exec(select(Person).where(Person.active == True))  # noqa: E712
        return {p.name: p.role for p in found.all()}


async def test_a_channel_of_a_team_with_pupils_is_never_the_coordinators_channel(
    classroom: Classroom,
) -> None:
    room = classroom
    activity = activities.channel_message(
        room.world, room.coordinator, "instellingen coordinatiekanaal", channel_id=CHANNEL
    )
    await room.bot.post(activity)
    assert (await team_row(room)).coordinator_channel_id is None
    (answer,) = room.connector.texts(room.chat(room.coordinator).conversation_id)
    assert "lezen elk kanaal mee" in answer
    # nor through the settings card
    team = await team_row(room)
    await room.chat(room.coordinator).submit(
        {"verb": "settings.submit", "team": team.id, "coordinator_channel": CHANNEL}
    )
    assert (await team_row(room)).coordinator_channel_id is None


async def test_a_team_without_pupils_may_have_a_coordinators_channel(
    running: tuple[object, FakeConnector],
) -> None:
    bot, connector = running
    world = TeamsWorld(service_url=connector.url, team_id="19:staf@thread.tacv2")
    boss = world.person("boss", "Marieke Jansen")
    world.channels = [(world.team_id, None), (CHANNEL, "Coördinatie")]
    connector.add_team(
        world.team_id,
        "Staf",
        tenant_id=world.tenant_id,
        members=[boss],
        channels=world.channels,
    )
    await bot.post(activities.install_in_team(world, boss))  # type: ignore[attr-defined]
    activity = activities.channel_message(
        world, boss, "instellingen coordinatiekanaal", channel_id=CHANNEL
    )
    await bot.post(activity)  # type: ignore[attr-defined]
    async with bot.db.session() as session:  # type: ignore[attr-defined]
        team = (await session.exec(select(Team))).one()
    assert team.coordinator_channel_id == CHANNEL


async def test_a_channel_set_before_pupils_joined_is_moved_and_the_coordinators_told_once(
    classroom: Classroom,
) -> None:
    room = classroom
    async with room.bot.db.session() as session:
        team = (await session.exec(select(Team))).one()
        team.coordinator_channel_id = CHANNEL  # as an older version allowed
        session.add(team)
    await room.bot.tick(local(MONDAY, 15, 15))  # the daily digest
    await room.bot.tick(local(date(2026, 11, 24), 15, 15))
    assert room.connector.sent(CHANNEL) == []
    coordinator = room.chat(room.coordinator).conversation_id
    told = [text for text in room.connector.texts(coordinator) if "coördinatiekanaal" in text]
    assert len(told) == 1
    assert len(room.connector.cards(coordinator)) == 2  # Monday's and Tuesday's digest
    team = await team_row(room)
    assert (team.coordinator_channel_id, team.coordinator_channel_moved) == (None, None)


async def test_only_the_first_install_makes_a_coordinator(classroom: Classroom) -> None:
    room = classroom
    pupil = room.pupils[1]
    # the coordinator leaves; a pupil removes and installs the app again
    room.connector.teams[room.world.team_id].members.remove(room.coordinator)
    await room.bot.post(activities.members_removed(room.world, [room.coordinator], pupil))
    await room.bot.post(activities.bot_removed_from_team(room.world, pupil))
    await room.bot.post(activities.install_in_team(room.world, pupil))
    assert (await roles(room))["Daan van der Berg"] == "pupil"
    assert "coordinator" not in (await roles(room)).values()
    (answer,) = await Chat(room.bot, room.world, pupil).say("leerlingen")
    assert "mentoren en coördinatoren" in answer


async def test_the_last_coordinator_leaving_is_logged_and_told_to_the_mentors(
    classroom: Classroom,
) -> None:
    room = classroom
    await room.bot.post(activities.members_removed(room.world, [room.coordinator], room.mentor))
    await room.bot.tick(local(MONDAY, 8, 0))
    mentor = room.chat(room.mentor).conversation_id
    (told,) = [t for t in room.connector.texts(mentor) if "laatste coördinator" in t]
    assert "ICT-beheerder" in told
    async with room.bot.http.get(f"{room.bot.url}/healthz") as response:
        assert (await response.json())["teams_without_coordinator"] == 1
    # the operator names a new one on the server
    team = await team_row(room)
    fatima = await person_id(room.bot, room.mentor)
    said = await maintenance.set_role(
        room.bot.settings,
        person=str(fatima),
        team=str(team.id),
        role="coordinator",
        now=local(MONDAY, 8, 5),
    )
    assert said.endswith("is now coordinator")
    assert (await roles(room))["Fatima el Amrani"] == "coordinator"
    async with room.bot.db.session() as session:
        audit = (
            await session.exec(select(AuditEvent).where(AuditEvent.action == "role.changed"))
        ).all()
    assert audit[-1].details["by"] == "operator"


async def test_a_submit_replaces_only_the_card_the_bot_sent_that_pupil(
    classroom: Classroom,
) -> None:
    room = classroom
    await room.bot.tick(local(MONDAY, 9, 0))
    async with room.bot.db.session() as session:
        post = (
            await session.exec(select(Delivery).where(Delivery.prompt == "day_start_post"))
        ).one()
    sanne = room.pupils[0]
    card = await start_delivery(room, sanne)
    chat = room.chat(sanne)
    value = {"verb": "checkin.submit", "day": MONDAY.isoformat(), "team": card.team_id}
    room.bot.clock.set(local(MONDAY, 9, 5))
    # a forged replyToId: the class's 09:00 post, and another pupil's card
    daan = await start_delivery(room, room.pupils[1])
    for forged in (post.activity_id, daan.activity_id, "f:nonsense"):
        await chat.submit({**value, "mood": "3"}, reply_to_id=forged)
    assert room.connector.updates() == []
    # the pupil's own card is replaced by the confirmation
    await chat.submit({**value, "mood": "3"}, reply_to_id=card.activity_id)
    (update,) = room.connector.updates()
    assert update["id"] == card.activity_id


async def test_a_card_sent_as_a_reply_may_be_replaced_by_its_answer(
    classroom: Classroom,
) -> None:
    chat = classroom.chat(classroom.pupils[0])
    classroom.bot.clock.set(local(MONDAY, 11, 0))
    before = len(classroom.connector.requests)
    await chat.say("inchecken")
    (reply,) = [r for r in classroom.connector.requests[before:] if r.method == "POST" and r.body]
    sent_id = reply.answered_id
    card = classroom.connector.cards(chat.conversation_id)[-1]
    await chat.submit({**card["actions"][0]["data"], "mood": "3"}, reply_to_id=sent_id)
    (update,) = classroom.connector.updates(chat.conversation_id)
    assert update["id"] == sent_id


async def test_the_other_teams_card_data_cannot_reach_into_this_team(
    classroom: Classroom,
) -> None:
    """A pupil who forges another team's id in card data is not answered as that team."""
    room = classroom
    stranger: Member = room.world.person("zz", "Zoë Zomer")
    value = {"verb": "checkin.submit", "day": MONDAY.isoformat(), "team": 1, "mood": "3"}
    room.bot.clock.set(local(MONDAY, 9, 5))
    posted = await Chat(room.bot, room.world, stranger).submit(value)
    assert posted.status == 200
    async with room.bot.db.session() as session:
        assert (
            await session.exec(select(Person).where(Person.name == "Zoë Zomer"))
        ).first() is None
