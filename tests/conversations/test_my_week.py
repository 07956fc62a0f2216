"""`mijn week` end to end: a pupil's own week, their streak, and *Bekijk je week* on Friday."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from sqlmodel import select

from cards.week import OPEN_WEEK
from storage.models import Team
from tests.conversations.conftest import Classroom
from tests.conversations.harness import Chat, card_text
from tests.conversations.test_daily_rhythm import MONDAY, local

FRIDAY = MONDAY + timedelta(days=4)


async def team_ref(room: Classroom) -> int:
    async with room.bot.db.session() as session:
        team = (await session.exec(select(Team))).one()
        assert team.id is not None
        return team.id


async def check_in(
    room: Classroom, chat: Chat, day: date, mood: int, goals: tuple[str, ...] = ()
) -> None:
    """The pupil answers the day start card at 09:05."""
    room.bot.clock.set(local(day, 9, 5))
    value: dict[str, Any] = {
        "verb": "checkin.submit",
        "day": day.isoformat(),
        "team": await team_ref(room),
        "mood": str(mood),
    }
    value.update({f"goal{i}": goal for i, goal in enumerate(goals, start=1)})
    assert (await chat.submit(value)).status == 200


async def close(
    room: Classroom, chat: Chat, day: date, mood: int, statuses: tuple[str, ...] = ()
) -> list[dict[str, Any]]:
    """The pupil answers the day close card at 14:50; returns the cards the bot sent back."""
    room.bot.clock.set(local(day, 14, 50))
    value: dict[str, Any] = {
        "verb": "close.submit",
        "day": day.isoformat(),
        "team": await team_ref(room),
        "mood": str(mood),
    }
    value.update({f"goal{i}": status for i, status in enumerate(statuses, start=1)})
    before = len(room.connector.cards(chat.conversation_id))
    assert (await chat.submit(value)).status == 200
    return room.connector.cards(chat.conversation_id)[before:]


async def a_week_of_daan(room: Classroom) -> Chat:
    """Sanne checks in on Monday; Daan Monday to Thursday, and closes Monday and Tuesday."""
    sanne = room.chat(room.pupils[0])
    await check_in(room, sanne, MONDAY, 1, ("geheim plan van Sanne",))
    await close(room, sanne, MONDAY, 1, ("not",))
    daan = room.chat(room.pupils[1])
    await check_in(room, daan, MONDAY, 3, ("rekenen blz. 12", "lezen", "wandelen"))
    await close(room, daan, MONDAY, 4, ("done", "partly", "not"))
    await check_in(room, daan, MONDAY + timedelta(days=1), 2, ("taal",))
    await close(room, daan, MONDAY + timedelta(days=1), 5, ("done",))
    await check_in(room, daan, MONDAY + timedelta(days=2), 4, ("tekenen",))
    await check_in(room, daan, MONDAY + timedelta(days=3), 5)
    return daan


async def test_a_pupil_sees_their_moods_goals_and_streak_and_no_one_elses(
    classroom: Classroom,
) -> None:
    daan = await a_week_of_daan(classroom)
    classroom.bot.clock.set(local(MONDAY + timedelta(days=3), 15, 30))
    (answer,) = await daan.say("mijn week")
    for words in (
        "Jouw week, Daan",
        "maandag 23 november t/m vrijdag 27 november",
        "4 dagen op rij ingecheckt",
        "Deze week zijn 2 doelen gelukt",
        "rekenen blz. 12: gelukt",
        "lezen: een beetje",
        "wandelen: nog niet",
        "taal: gelukt",
        "📝 tekenen",
        "Maandag: 's ochtends 😐 Gaat wel, 's middags 🙂 Goed",
        "Dinsdag: 's ochtends 🙁 Niet zo goed, 's middags 😄 Super",
        "Donderdag: 's ochtends 😄 Super",
    ):
        assert words in answer, words
    assert "Sanne" not in answer and "geheim" not in answer
    assert "😢" not in answer  # Sanne's mood
    assert "niet gelukt" not in answer.lower()
    (card,) = classroom.connector.cards(daan.conversation_id)[-1:]
    (chart,) = [e for e in card["body"] if e.get("type") == "Chart.Line"]
    start = chart["data"][0]["values"]
    assert [(v["x"], v["y"]) for v in start] == [("ma", 3), ("di", 2), ("wo", 4), ("do", 5)]


async def test_the_week_in_english_and_by_its_other_names(classroom: Classroom) -> None:
    await a_week_of_daan(classroom)
    classroom.bot.clock.set(local(MONDAY + timedelta(days=3), 15, 30))
    english = classroom.chat(classroom.pupils[1], locale="en-US")
    (answer,) = await english.say("my week")
    for words in ("Your week, Daan", "4 days in a row", "wandelen: not yet", "Tuesday:"):
        assert words in answer, words
    assert await english.say("week") == [answer]
    assert await english.say("Mijn Week?") == [answer]


async def test_fridays_close_offers_the_week_and_the_button_opens_it(
    classroom: Classroom,
) -> None:
    daan = await a_week_of_daan(classroom)
    thursday = await close(classroom, daan, MONDAY + timedelta(days=3), 4)
    assert all("actions" not in c for c in thursday)
    await check_in(classroom, daan, FRIDAY, 4, ("opruimen",))
    (done,) = await close(classroom, daan, FRIDAY, 5, ("done",))
    (button,) = done["actions"]
    assert button["title"] == "Bekijk je week"
    assert button["data"]["verb"] == OPEN_WEEK
    before = len(classroom.connector.requests)
    assert (await daan.submit(button["data"])).status == 200
    (week,) = daan.replies_since(before)
    assert "5 dagen op rij ingecheckt" in week
    assert "opruimen: gelukt" in week
    assert "Deze week zijn 3 doelen gelukt" in week


async def test_the_button_follows_the_teams_calendar_not_the_weekday(
    classroom: Classroom,
) -> None:
    """With Friday a day off, Thursday's close is the week's last."""
    await classroom.chat(classroom.coordinator).say("instellingen vrij 27-11-2026")
    daan = classroom.chat(classroom.pupils[1])
    thursday = MONDAY + timedelta(days=3)
    await check_in(classroom, daan, thursday, 4)
    (done,) = await close(classroom, daan, thursday, 4)
    assert [a["data"]["verb"] for a in done["actions"]] == [OPEN_WEEK]


async def test_staff_hear_politely_that_it_is_for_pupils(classroom: Classroom) -> None:
    await a_week_of_daan(classroom)
    for person in (classroom.mentor, classroom.coordinator):
        (answer,) = await classroom.chat(person).say("mijn week")
        assert answer == "Dat is alleen voor leerlingen."
    english = classroom.chat(classroom.mentor, locale="en-US")
    assert await english.say("my week") == ["That is for pupils only."]
    refused = await classroom.chat(classroom.mentor).submit({"verb": OPEN_WEEK})
    assert refused.status == 200
    (said,) = classroom.connector.texts(classroom.chat(classroom.mentor).conversation_id)[-1:]
    assert said == "Dat is alleen voor leerlingen."


async def test_no_check_ins_yet_encourages(classroom: Classroom) -> None:
    classroom.bot.clock.set(local(MONDAY, 10, 0))
    (answer,) = await classroom.chat(classroom.pupils[2]).say("mijn week")
    assert "Elke check-in telt" in answer
    assert "Je week is nog leeg" in answer
    assert not any(word in answer for word in ("gemist", "vergeten", "niet ingecheckt"))


async def test_a_pause_and_the_weekend_keep_the_streak_and_saturday_shows_the_week_just_ended(
    classroom: Classroom,
) -> None:
    daan = classroom.chat(classroom.pupils[1])
    thursday, friday = MONDAY + timedelta(days=3), FRIDAY
    await check_in(classroom, daan, thursday, 4)
    await check_in(classroom, daan, friday, 4)
    classroom.bot.clock.set(local(friday, 16, 0))
    (paused,) = await classroom.chat(classroom.mentor).say("pauze Daan tot 30-11")
    assert "30 november" in paused
    next_monday = MONDAY + timedelta(weeks=1)
    for day in (next_monday + timedelta(days=1), next_monday + timedelta(days=2)):
        await check_in(classroom, daan, day, 3, ("lezen",))
    classroom.bot.clock.set(local(next_monday + timedelta(days=2), 12, 0))
    (answer,) = await daan.say("mijn week")
    assert "4 dagen op rij ingecheckt" in answer
    assert "maandag 30 november t/m vrijdag 4 december" in answer
    assert "Donderdag" not in answer  # last week's days stay in last week
    for day in (next_monday + timedelta(days=3), next_monday + timedelta(days=4)):
        await check_in(classroom, daan, day, 4)
    classroom.bot.clock.set(local(next_monday + timedelta(days=5), 11, 0))  # Saturday
    (saturday,) = await daan.say("week")
    assert "maandag 30 november t/m vrijdag 4 december" in saturday
    assert "6 dagen op rij ingecheckt" in saturday


async def test_a_sentence_that_starts_with_my_week_is_the_pupils_own_words(
    classroom: Classroom,
) -> None:
    """ "mijn week was leuk" is for the mentor (if the pupil wants), not the command."""
    classroom.bot.clock.set(local(MONDAY, 11, 0))
    daan = classroom.chat(classroom.pupils[1])
    (offer,) = await daan.say("mijn week was leuk")
    assert "Wil je dit naar Fatima sturen?" in offer
    (offer,) = await daan.say("week is saai")
    assert "Wil je dit naar Fatima sturen?" in offer


async def test_typed_in_the_class_channel_the_week_comes_privately(classroom: Classroom) -> None:
    from tests.conversations.test_permissions import ANSWERED_PRIVATELY
    from tests.support import activities

    await a_week_of_daan(classroom)
    classroom.bot.clock.set(local(MONDAY + timedelta(days=3), 15, 30))
    daan = classroom.pupils[1]
    activity = activities.channel_message(classroom.world, daan, "mijn week")
    before = len(classroom.connector.requests)
    assert (await classroom.bot.post(activity)).status == 200
    channel = activity["conversation"]["id"]
    assert classroom.connector.texts(channel) == [ANSWERED_PRIVATELY]
    own = classroom.chat(daan).replies_since(before)
    assert len(own) == 1 and "4 dagen op rij ingecheckt" in own[0]
    assert all("Jouw week" not in card_text(c) for c in classroom.connector.cards(channel))


async def test_a_near_miss_is_offered_as_both_words(classroom: Classroom) -> None:
    from tests.support import activities

    classroom.bot.clock.set(local(MONDAY, 11, 0))
    daan = classroom.pupils[1]
    chat = classroom.chat(daan)
    (asked,) = await chat.say("mijn")
    assert "Bedoelde je **mijn week**?" in asked
    (button,) = classroom.connector.cards(chat.conversation_id)[-1]["body"][1]["actions"]
    assert button["data"] == {"verb": "command", "text": "mijn week"}
    activity = activities.channel_message(classroom.world, daan, "mijn weeek")
    assert (await classroom.bot.post(activity)).status == 200
    (offer,) = classroom.connector.cards(activity["conversation"]["id"])
    (button,) = offer["body"][1]["actions"]
    assert button["data"] == {"verb": "command", "text": "mijn week"}
    before = len(classroom.connector.requests)
    assert (await chat.submit(button["data"])).status == 200
    (week,) = chat.replies_since(before)
    assert "Jouw week, Daan" in week


async def test_after_months_without_school_there_is_no_week_to_show(classroom: Classroom) -> None:
    from storage.models import TeamFreeDay

    team = await team_ref(classroom)
    async with classroom.bot.db.session() as session:
        for n in range(-200, 7):
            session.add(TeamFreeDay(team_id=team, day=MONDAY + timedelta(days=n)))
    classroom.bot.clock.set(local(MONDAY, 10, 0))
    (answer,) = await classroom.chat(classroom.pupils[1]).say("mijn week")
    assert answer.startswith("Er was de laatste tijd geen school")
