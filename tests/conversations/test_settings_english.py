"""An English-speaking coordinator types English setting values wherever a Dutch word exists."""

from __future__ import annotations

from datetime import date, time

import pytest
from sqlmodel import select

from storage.models import Team, TeamFreeDay
from tests.conversations.conftest import Classroom


async def team_row(room: Classroom) -> Team:
    async with room.bot.db.session() as session:
        return (await session.exec(select(Team))).one()


# (a Dutch line that sets another value first, or None; the English line; column; stored value)
CASES = [
    ("instellingen regio zuid", "settings region north", "region", "noord"),
    (None, "settings region South", "region", "zuid"),
    ("instellingen regio zuid", "settings region middle", "region", "midden"),
    ("instellingen regio noord", "settings region central", "region", "midden"),
    (None, "settings liberationday never", "liberation_day", "nooit"),
    (None, "settings bevrijdingsdag always", "liberation_day", "altijd"),
    (
        "instellingen bevrijdingsdag nooit",
        "settings liberationday every 5 years",
        "liberation_day",
        "lustrum",
    ),
    (None, "settings goodfriday yes", "good_friday_off", True),
    ("instellingen goedevrijdag ja", "settings goodfriday no", "good_friday_off", False),
    (None, "settings opp every 6 weeks", "opp_cycle_weeks", 6),
    (None, "settings opp 10 weeks", "opp_cycle_weeks", 10),
    (None, "settings progress every 2 weeks", "progress_talk_weeks", 2),
    (None, "settings progress every other week", "progress_talk_weeks", 2),
    (None, "settings progress fortnightly", "progress_talk_weeks", 2),
    (
        "instellingen voortgangsgesprek elke 4 weken",
        "settings progress weekly",
        "progress_talk_weeks",
        1,
    ),
    (None, "settings pickup 3 hours", "contact_pickup_hours", 3),
    (None, "settings thresholdcontact 12", "signal_contact_days", 12),
    (None, "settings thresholdmood 1.5", "signal_mood_drop", 1.5),
    (
        "instellingen gedragswetenschapper Ada Visser",
        "settings behaviouralscientist none",
        "behavioural_scientist",
        None,
    ),
    (
        "instellingen link https://teams.microsoft.com/l/meetup-join/abc",
        "settings link none",
        "meeting_link",
        None,
    ),
]


@pytest.mark.parametrize(("before", "line", "column", "stored"), CASES)
async def test_english_values(
    classroom: Classroom, before: str | None, line: str, column: str, stored: object
) -> None:
    if before is not None:  # another value first, so that the English word is seen to change it
        (reply,) = await classroom.chat(classroom.coordinator).say(before)
        assert reply.startswith("Opgeslagen"), reply
    chat = classroom.chat(classroom.coordinator, locale="en-US")
    (reply,) = await chat.say(line)
    assert reply.startswith("Saved"), reply
    assert getattr(await team_row(classroom), column) == stored


async def test_english_region_is_shown_in_english(classroom: Classroom) -> None:
    chat = classroom.chat(classroom.coordinator, locale="en-US")
    (reply,) = await chat.say("settings region south")
    assert "School holiday region: south" in reply
    replies = await chat.say("settings")
    assert "School holiday region: south" in replies[0]
    card = classroom.connector.cards(chat.conversation_id)[-1]
    region = next(b for b in card["body"] if b.get("id") == "region")
    assert [c["title"] for c in region["choices"]] == ["North", "Middle", "South"]
    assert region["value"] == "zuid"
    dutch = classroom.chat(classroom.coordinator)
    assert "Regio schoolvakanties: zuid" in (await dutch.say("instellingen"))[0]


async def test_english_free_days_and_refusals(classroom: Classroom) -> None:
    chat = classroom.chat(classroom.coordinator, locale="en-US")
    (reply,) = await chat.say("settings freedays 3 March 2027")
    assert reply.startswith("Saved") and "03-03-2027" in reply
    (reply,) = await chat.say("settings freedays friday")
    assert reply.startswith("Saved")
    async with classroom.bot.db.session() as session:
        days = [d.day for d in (await session.exec(select(TeamFreeDay))).all()]
    assert date(2027, 3, 3) in days and date(2026, 11, 27) in days
    (reply,) = await chat.say("settings region northeast")
    assert reply.startswith("Not saved") and "north, middle or south" in reply
    (reply,) = await chat.say("settings liberationday sometimes")
    assert "always or never" in reply
    (reply,) = await chat.say("settings goodfriday maybe")
    assert "choose yes or no" in reply
    (reply,) = await chat.say("settings opp every ² weeks")
    assert reply.startswith("Not saved")
    team = await team_row(classroom)
    assert team.region == "midden" and team.start_time == time(9, 0)
