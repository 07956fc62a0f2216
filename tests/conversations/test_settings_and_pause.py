"""Coordinators change the team's settings; mentors pause their own pupils; the roster shrinks."""

from __future__ import annotations

from datetime import date, time
from typing import Any

from sqlmodel import select

from storage.models import AuditEvent, Person, Team, TeamFreeDay
from tests.conversations.conftest import Classroom
from tests.conversations.test_daily_rhythm import MONDAY, local, pupil_cards
from tests.support import activities


async def team_row(room: Classroom) -> Team:
    async with room.bot.db.session() as session:
        return (await session.exec(select(Team))).one()


async def test_settings_card_shows_the_current_values(classroom: Classroom) -> None:
    chat = classroom.chat(classroom.coordinator)
    replies = await chat.say("instellingen")
    assert "Dagstart 09:00" in replies[0]
    card = classroom.connector.cards(chat.conversation_id)[-1]
    ids = [b.get("id") for b in card["body"] if b.get("id")]
    assert ids[:4] == ["start", "reminder", "mentor_list", "close"]
    assert card["actions"][0]["data"]["verb"] == "settings.submit"


async def test_settings_card_submit_saves_everything_or_nothing(classroom: Classroom) -> None:
    chat = classroom.chat(classroom.coordinator)
    team = await team_row(classroom)
    value: dict[str, Any] = {
        "verb": "settings.submit",
        "team": team.id,
        "start": "09:15",
        "reminder": "10:15",
        "mentor_list": "11:00",
        "close": "14:30",
        "region": "zuid",
        "class_channel": "19:coordinatie@thread.tacv2",
        "coordinator_channel": "",
        "meeting_link": "https://teams.microsoft.com/l/meetup-join/xyz",
        "free_days": "30-11-2026, 1-12-2026",
        "liberation_day": "altijd",
        "good_friday_off": "true",
    }
    bad = {**value, "start": "25:00", "region": "oost", "meeting_link": "javascript:alert(1)"}
    await chat.submit(bad)
    reply = classroom.connector.texts(chat.conversation_id)[-1]
    assert reply.startswith("Niet opgeslagen")
    assert "dagstart" in reply
    assert "regio" in reply
    assert "https://" in reply
    unchanged = await team_row(classroom)
    assert unchanged.start_time == time(9, 0)
    assert unchanged.region == "midden"

    await chat.submit(value)
    assert classroom.connector.texts(chat.conversation_id)[-1].startswith("Opgeslagen")
    saved = await team_row(classroom)
    assert (saved.start_time, saved.close_time) == (time(9, 15), time(14, 30))
    assert saved.region == "zuid"
    assert saved.class_channel_id == "19:coordinatie@thread.tacv2"
    assert saved.good_friday_off is True
    async with classroom.bot.db.session() as session:
        free = [f.day for f in (await session.exec(select(TeamFreeDay))).all()]
        audit = (
            await session.exec(select(AuditEvent).where(AuditEvent.action == "settings.changed"))
        ).one()
    assert sorted(free) == [date(2026, 11, 30), date(2026, 12, 1)]
    assert "free_days" in audit.details["fields"]

    # the new times and channel take effect: nothing at 09:00, the post at 09:15 in the channel
    classroom.connector.clear()
    await classroom.bot.tick(local(MONDAY, 9, 0))
    assert classroom.connector.sent() == []
    await classroom.bot.tick(local(MONDAY, 9, 15))
    assert len(classroom.connector.texts("19:coordinatie@thread.tacv2")) == 1
    assert classroom.connector.texts(classroom.world.team_id) == []


async def test_settings_one_line_at_a_time(classroom: Classroom) -> None:
    chat = classroom.chat(classroom.coordinator)
    (reply,) = await chat.say("instellingen start 9.30")
    assert reply.startswith("Opgeslagen")
    (reply,) = await chat.say("instellingen herinnering 09:00")
    assert "tussen dagstart en dagafsluiting" in reply
    (reply,) = await chat.say("instellingen vrij 25-11")
    assert "25-11-2026" in reply
    (reply,) = await chat.say("instellingen vrij 26-11-2026")
    assert "25-11-2026, 26-11-2026" in reply
    (reply,) = await chat.say("instellingen regio noordoost")
    assert reply.startswith("Niet opgeslagen")
    (reply,) = await chat.say("instellingen kleur blauw")
    assert "geen instelling" in reply
    (reply,) = await chat.say("instellingen klaskanaal")
    assert "in het kanaal zelf" in reply
    team = await team_row(classroom)
    assert team.start_time == time(9, 30)
    assert team.reminder_time == time(10, 0)


async def test_class_channel_chosen_in_the_channel_itself(classroom: Classroom) -> None:
    world = classroom.world
    activity = activities.channel_message(
        world, classroom.coordinator, "instellingen klaskanaal", channel_id="19:klas@thread.tacv2"
    )
    await classroom.bot.post(activity)
    # that channel is not one the bot knows: refused
    assert (await team_row(classroom)).class_channel_id is None
    activity = activities.channel_message(
        world,
        classroom.coordinator,
        "instellingen klaskanaal",
        channel_id="19:coordinatie@thread.tacv2",
    )
    await classroom.bot.post(activity)
    assert (await team_row(classroom)).class_channel_id == "19:coordinatie@thread.tacv2"


async def test_only_coordinators_change_settings(classroom: Classroom) -> None:
    (reply,) = await classroom.chat(classroom.mentor).say("instellingen start 07:00")
    assert "alleen een coördinator" in reply
    team = await team_row(classroom)
    await classroom.chat(classroom.pupils[0]).submit(
        {"verb": "settings.submit", "team": team.id, "start": "07:00"}
    )
    assert (await team_row(classroom)).start_time == time(9, 0)


async def test_mentor_pauses_only_own_pupils(classroom: Classroom) -> None:
    coordinator = classroom.chat(classroom.coordinator)
    other = classroom.world.person("lotte", "Lotte Visser")
    classroom.connector.teams[classroom.world.team_id].members.append(other)
    await classroom.bot.post(
        activities.members_added(classroom.world, [other], classroom.coordinator)
    )
    await coordinator.say("rol Lotte mentor")
    (reply,) = await classroom.chat(other).say("pauze Daan tot vrijdag")
    assert "Daan van der Berg is niet jouw leerling" in reply
    (reply,) = await classroom.chat(classroom.pupils[1]).say("pauze Daan tot vrijdag")
    assert "mentoren en coördinatoren" in reply
    (reply,) = await coordinator.say("pauze Daan tot gisteren")
    assert "al voorbij" in reply
    (reply,) = await coordinator.say("pauze Daan tot ooit")
    assert "als datum lezen" in reply
    (reply,) = await coordinator.say("pauze Daan")
    assert reply.startswith("Gebruik")
    async with classroom.bot.db.session() as session:
        daan = (await session.exec(select(Person).where(Person.name == "Daan van der Berg"))).one()
    assert daan.paused_until is None


async def test_removed_member_and_uninstalled_team_get_nothing(classroom: Classroom) -> None:
    world = classroom.world
    sanne = classroom.pupils[0]
    await classroom.bot.post(activities.members_removed(world, [sanne], classroom.coordinator))
    await classroom.bot.tick(local(MONDAY, 9, 0))
    cards = pupil_cards(classroom)
    assert cards["Sanne de Vries"] == []
    assert len(cards["Daan van der Berg"]) == 1

    await classroom.bot.post(activities.bot_removed_from_team(world, classroom.coordinator))
    classroom.connector.clear()
    await classroom.bot.tick(local(date(2026, 11, 24), 9, 0))
    assert classroom.connector.requests == []
