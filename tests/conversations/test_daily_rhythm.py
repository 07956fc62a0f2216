"""The school day end to end, travelling in time with `tick` and answering cards over HTTP."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import Any

import pytest
from sqlmodel import select

from domain.clock import as_utc
from storage.models import CheckIn, Delivery, Person, Team, TeamFreeDay
from tests.cards.test_cards import walk
from tests.conversations.conftest import Classroom, person_id
from tests.conversations.harness import card_text
from tests.support.connector import Member

MONDAY = date(2026, 11, 23)


def local(day: date, hour: int, minute: int = 0) -> datetime:
    """An Amsterdam wall-clock instant."""
    return as_utc(datetime(day.year, day.month, day.day, hour, minute))


def pupil_cards(room: Classroom) -> dict[str, list[dict[str, Any]]]:
    """Cards sent to each pupil's 1:1 chat, by name."""
    return {p.name: room.connector.cards(room.chat(p).conversation_id) for p in room.pupils}


async def set_team(room: Classroom, **values: Any) -> None:
    async with room.bot.db.session() as session:
        team = (await session.exec(select(Team))).one()
        for key, value in values.items():
            setattr(team, key, value)
        session.add(team)


async def start_delivery(room: Classroom, pupil: Member) -> Delivery:
    pid = await person_id(room.bot, pupil)
    async with room.bot.db.session() as session:
        return (
            await session.exec(
                select(Delivery).where(
                    Delivery.person_id == pid, Delivery.prompt == "checkin_start"
                )
            )
        ).one()


async def stored_checkins(room: Classroom) -> list[CheckIn]:
    async with room.bot.db.session() as session:
        return list((await session.exec(select(CheckIn))).all())


async def test_nothing_before_nine_then_day_start_for_class_and_every_pupil(
    classroom: Classroom,
) -> None:
    summary = await classroom.bot.tick(local(MONDAY, 8, 59))
    assert "0 scheduled" in summary
    assert classroom.connector.requests == []

    await classroom.bot.tick(local(MONDAY, 9, 0))

    (post,) = classroom.connector.texts(classroom.world.team_id)
    assert post.startswith("Goedemorgen allemaal!")
    cards = pupil_cards(classroom)
    assert all(len(c) == 1 for c in cards.values()), cards
    card = cards["Sanne de Vries"][0]
    assert "Goedemorgen Sanne!" in card["body"][0]["text"]
    assert card["actions"][0]["data"]["verb"] == "checkin.submit"
    assert card["actions"][0]["data"]["day"] == "2026-11-23"
    # the bot had no 1:1 chats with the pupils yet: it opened them (and the mentor's, for the
    # list of progress talks due this week)
    assert len(classroom.connector.created()) == 5


async def test_meeting_link_is_in_the_day_start(classroom: Classroom) -> None:
    await set_team(classroom, meeting_link="https://teams.microsoft.com/l/meetup-join/abc")
    await classroom.bot.tick(local(MONDAY, 9, 0))
    (post,) = classroom.connector.texts(classroom.world.team_id)
    assert "https://teams.microsoft.com/l/meetup-join/abc" in post


async def test_repeated_ticks_and_a_late_restart_send_once(classroom: Classroom) -> None:
    await classroom.bot.tick(local(MONDAY, 9, 20))  # server came back at 09:20
    await classroom.bot.tick(local(MONDAY, 9, 20))
    await classroom.bot.tick(local(MONDAY, 9, 21))
    assert len(classroom.connector.texts(classroom.world.team_id)) == 1
    assert all(len(c) == 1 for c in pupil_cards(classroom).values())


async def test_no_start_prompts_after_the_day_has_closed(classroom: Classroom) -> None:
    await classroom.bot.tick(local(MONDAY, 15, 0))  # down all morning, back after the close
    assert all(
        "Hoe ging het vandaag" in c[0]["body"][0]["text"] for c in pupil_cards(classroom).values()
    )
    assert not any("Goedemorgen" in t for t in classroom.connector.texts())
    classroom.connector.clear()
    await classroom.bot.tick(local(MONDAY, 23, 0))
    await classroom.bot.tick(local(date(2026, 11, 24), 2, 0))
    assert all(cards == [] for cards in pupil_cards(classroom).values())
    assert classroom.connector.texts(classroom.world.team_id) == []


@pytest.mark.parametrize(
    ("region", "day", "expected"),
    [
        ("midden", date(2026, 11, 28), False),  # Saturday
        ("midden", date(2026, 5, 14), False),  # Hemelvaartsdag
        ("midden", date(2026, 4, 27), False),  # Koningsdag (in the May break too)
        ("noord", date(2026, 10, 12), False),  # herfstvakantie noord
        ("noord", date(2026, 10, 19), True),
        ("midden", date(2026, 10, 19), False),  # herfstvakantie midden
        ("zuid", date(2026, 10, 20), False),  # herfstvakantie zuid
        ("zuid", date(2027, 2, 15), False),  # voorjaarsvakantie zuid
        ("noord", date(2027, 2, 15), True),
        ("midden", date(2026, 12, 21), False),  # kerstvakantie
    ],
)
async def test_prompts_only_on_school_days(
    classroom: Classroom, region: str, day: date, expected: bool
) -> None:
    await set_team(classroom, region=region)
    await classroom.bot.tick(local(day, 9, 5))
    assert bool(classroom.connector.requests) is expected


async def test_team_free_day_gets_nothing(classroom: Classroom) -> None:
    async with classroom.bot.db.session() as session:
        team = (await session.exec(select(Team))).one()
        session.add(TeamFreeDay(team_id=team.id or 0, day=MONDAY))
    await classroom.bot.tick(local(MONDAY, 9, 0))
    assert classroom.connector.requests == []


@pytest.mark.parametrize(
    ("day", "utc_hour"),
    [
        (date(2026, 10, 26), 8),  # first Monday after the clocks went back (CET, UTC+1)
        (date(2026, 3, 30), 7),  # first Monday after the clocks went forward (CEST, UTC+2)
    ],
)
async def test_nine_oclock_local_across_daylight_saving(
    classroom: Classroom, day: date, utc_hour: int
) -> None:
    from datetime import UTC

    await classroom.bot.tick(datetime(day.year, day.month, day.day, utc_hour - 1, 59, tzinfo=UTC))
    assert classroom.connector.requests == []
    await classroom.bot.tick(datetime(day.year, day.month, day.day, utc_hour, 0, tzinfo=UTC))
    assert len(classroom.connector.texts(classroom.world.team_id)) == 1


async def test_paused_pupil_gets_no_prompts_until_resumed(classroom: Classroom) -> None:
    mentor = classroom.chat(classroom.mentor)
    (reply,) = await mentor.say("pauze Daan tot woensdag")
    assert "Daan van der Berg is gepauzeerd tot en met woensdag 25 november" in reply
    classroom.connector.clear()

    await classroom.bot.tick(local(MONDAY, 9, 0))
    cards = pupil_cards(classroom)
    assert cards["Daan van der Berg"] == []
    assert len(cards["Sanne de Vries"]) == 1

    (reply,) = await mentor.say("hervat Daan")
    assert "krijgt weer check-ins" in reply
    await classroom.bot.tick(local(date(2026, 11, 24), 9, 0))
    assert len(pupil_cards(classroom)["Daan van der Berg"]) == 1


async def test_check_in_end_to_end(classroom: Classroom) -> None:
    await classroom.bot.tick(local(MONDAY, 9, 0))
    sanne = classroom.pupils[0]
    card = await start_delivery(classroom, sanne)
    chat = classroom.chat(sanne)
    value = {
        "verb": "checkin.submit",
        "day": "2026-11-23",
        "team": card.team_id,
        "mood": "4",
        "energy": "2",
        "goal1": "rekenen blz. 12",
        "goal2": "  ",
        "goal3": "lezen",
        "contact": "false",
    }
    classroom.bot.clock.set(local(MONDAY, 9, 7))
    posted = await chat.submit(value, reply_to_id=card.activity_id)
    assert posted.status == 200

    (stored,) = await stored_checkins(classroom)
    assert (stored.kind, stored.mood, stored.energy) == ("start", 4, 2)
    assert stored.goals == ["rekenen blz. 12", "lezen"]
    assert stored.wants_contact is False
    (update,) = classroom.connector.updates(chat.conversation_id)
    done = update["attachments"][0]["content"]
    assert "actions" not in done  # the answered card cannot be sent again
    assert "Dank je wel" in done["body"][0]["text"]

    # a second click, or the same submit retried, stores one check-in
    await chat.submit(value, reply_to_id=card.activity_id)
    await chat.submit({**value, "mood": "1"}, reply_to_id=card.activity_id)
    (stored,) = await stored_checkins(classroom)
    assert stored.mood == 4
    assert any("één keer bewaard" in t for t in classroom.connector.texts(chat.conversation_id))

    # the 10:00 reminder skips Sanne, the 10:30 mentor list puts the others first
    classroom.connector.clear()
    await classroom.bot.tick(local(MONDAY, 10, 0))
    assert classroom.connector.texts(chat.conversation_id) == []
    daan = classroom.chat(classroom.pupils[1])
    (reminder,) = classroom.connector.texts(daan.conversation_id)
    assert reminder.startswith("Hoi Daan")
    await classroom.bot.tick(local(MONDAY, 10, 30))
    (listing,) = classroom.connector.cards(classroom.chat(classroom.mentor).conversation_id)
    names = [row["items"][0]["text"] for row in listing["body"] if row.get("type") == "Container"]
    assert names[-1] == "Sanne de Vries"  # checked in and fine: after those who are not
    assert "Daan van der Berg" in names[:3]
    assert "3 van 4 vragen nu aandacht" in card_text(listing)

    # 14:45: the close card shows Sanne's goals, and her answer is stored
    classroom.connector.clear()
    await classroom.bot.tick(local(MONDAY, 14, 45))
    assert len(classroom.connector.texts(classroom.world.team_id)) == 1
    (close,) = classroom.connector.cards(chat.conversation_id)
    labels = [b.get("label") for b in close["body"]]
    assert "rekenen blz. 12" in labels
    assert "lezen" in labels
    async with classroom.bot.db.session() as session:
        close_row = (
            await session.exec(
                select(Delivery).where(
                    Delivery.prompt == "checkin_close", Delivery.person_id == stored.pupil_id
                )
            )
        ).one()
    classroom.bot.clock.set(local(MONDAY, 14, 50))
    posted = await chat.submit(
        {
            "verb": "close.submit",
            "day": "2026-11-23",
            "team": card.team_id,
            "mood": "5",
            "goal1": "done",
            "goal2": "partly",
            "note": "Het ging goed vandaag",
        },
        reply_to_id=close_row.activity_id,
    )
    assert posted.status == 200
    rows = {c.kind: c for c in await stored_checkins(classroom)}
    assert rows["close"].goal_status == ["done", "partly"]
    assert rows["close"].note == "Het ging goed vandaag"
    assert rows["close"].goals == ["rekenen blz. 12", "lezen"]


async def test_a_card_update_teams_fails_once_is_tried_again_not_sent_anew(
    classroom: Classroom,
) -> None:
    await classroom.bot.tick(local(MONDAY, 9, 0))
    sanne = classroom.pupils[0]
    card = await start_delivery(classroom, sanne)
    chat = classroom.chat(sanne)
    value = {"verb": "checkin.submit", "day": "2026-11-23", "team": card.team_id, "mood": "4"}
    classroom.connector.fail_next(1, 503, path_contains=card.activity_id)
    classroom.bot.clock.set(local(MONDAY, 9, 7))
    cards_before = len(classroom.connector.cards(chat.conversation_id))
    posted = await chat.submit(value, reply_to_id=card.activity_id)
    assert posted.status == 200
    failed, update = classroom.connector.updates(chat.conversation_id)
    assert failed == update  # the same update, tried again
    assert "Dank je wel" in update["attachments"][0]["content"]["body"][0]["text"]
    assert len(classroom.connector.cards(chat.conversation_id)) == cards_before  # no new card


async def test_close_card_without_morning_check_in_asks_mood_and_note(
    classroom: Classroom,
) -> None:
    await classroom.bot.tick(local(MONDAY, 14, 45))
    (close,) = classroom.connector.cards(classroom.chat(classroom.pupils[1]).conversation_id)
    inputs = [n for n in walk(close) if str(n.get("type", "")).startswith("Input.")]
    assert [i["id"] for i in inputs] == ["mood", "feeling", "note", "contact"]


async def test_stale_and_forged_submits_store_nothing(classroom: Classroom) -> None:
    await classroom.bot.tick(local(MONDAY, 9, 0))
    sanne = classroom.pupils[0]
    card = await start_delivery(classroom, sanne)
    chat = classroom.chat(sanne)
    good = {"verb": "checkin.submit", "day": "2026-11-23", "team": card.team_id, "mood": "3"}

    classroom.bot.clock.set(local(date(2026, 11, 24), 9, 30))
    await chat.submit(good, reply_to_id=card.activity_id)
    assert await stored_checkins(classroom) == []
    (expired,) = classroom.connector.updates(chat.conversation_id)
    assert "verlopen" in expired["attachments"][0]["content"]["body"][0]["text"]

    classroom.bot.clock.set(local(MONDAY, 9, 30))
    forged: list[dict[str, Any]] = [
        {**good, "mood": "9"},
        {**good, "mood": "0"},
        {**good, "mood": True},
        {**good, "energy": "7"},
        {**good, "day": "2026-11-30"},
        {**good, "day": "gisteren"},
        {**good, "pupil": 999},
        {**good, "goal1": "x" * 5000},
        {**good, "contact": "misschien"},
        {**good, "team": 99999},
        {**good, "verb": "iets.anders"},
        {k: v for k, v in good.items() if k != "mood"},
    ]
    for value in forged:
        posted = await chat.submit(value)
        assert posted.status == 200, value
    assert await stored_checkins(classroom) == []

    # a mentor cannot check in, and no one can check in for someone else
    mentor_chat = classroom.chat(classroom.mentor)
    await mentor_chat.submit(good)
    assert await stored_checkins(classroom) == []


async def test_low_mood_and_contact_wish_alert_the_mentor_once(classroom: Classroom) -> None:
    await classroom.bot.tick(local(MONDAY, 9, 0))
    noah = classroom.pupils[2]
    card = await start_delivery(classroom, noah)
    value = {
        "verb": "checkin.submit",
        "day": "2026-11-23",
        "team": card.team_id,
        "mood": "2",
        "goal1": "rekenen",
        "contact": "true",
    }
    classroom.bot.clock.set(local(MONDAY, 9, 10))
    await classroom.chat(noah).submit(value, reply_to_id=card.activity_id)
    await classroom.chat(noah).submit(value, reply_to_id=card.activity_id)
    await classroom.bot.tick(local(MONDAY, 9, 10))
    await classroom.bot.tick(local(MONDAY, 9, 11))
    mentor = classroom.chat(classroom.mentor).conversation_id
    assert classroom.connector.texts(mentor) == []
    (alert,) = [  # one card: the mood and the wish together
        c for c in classroom.connector.cards(mentor) if "bij de dagstart" in card_text(c)
    ]
    shown = card_text(alert)
    assert "Noah Bakker bij de dagstart" in shown
    assert "🙁 Niet zo goed" in shown
    assert "💬 ja, graag" in shown
    assert "rekenen" in shown
    assert [a["data"]["verb"] for a in alert["actions"]] == ["alert.pickup", "alert.log", "command"]
    # pupil data never lands in the class channel
    assert not any("Noah" in t for t in classroom.connector.texts(classroom.world.team_id))


async def test_alert_goes_out_at_once_while_serving(database_url: str) -> None:
    """With the scheduler on, a low mood reaches the mentor without waiting for a tick."""
    from bot.services import SERVICES
    from tests.conversations.conftest import make_world
    from tests.conversations.harness import Chat, running_bot
    from tests.support import activities

    at = local(MONDAY, 9, 0)
    async with running_bot(database_url, at=at, DAGRITME_SCHEDULER=True) as (bot, connector):
        world = make_world(connector)
        people = world.people
        await bot.post(activities.install_in_team(world, people["coord"]))
        coordinator = Chat(bot, world, people["coord"])
        await coordinator.say("rol Fatima mentor")
        await coordinator.say("rol Daan leerling")
        await coordinator.say("koppel Daan aan Fatima")
        await bot.app[SERVICES].scheduler.plan()  # what the 30-second timer does
        daan = Chat(bot, world, people["daan"])
        await connector.wait_for(lambda: bool(connector.cards(daan.conversation_id)))
        async with bot.db.session() as session:
            team = (await session.exec(select(Team))).one()
        await daan.submit(
            {"verb": "checkin.submit", "day": "2026-11-23", "team": team.id, "mood": "1"}
        )
        mentor_chat = Chat(bot, world, people["mentor"])

        def alerts() -> list[str]:
            shown = map(card_text, connector.cards(mentor_chat.conversation_id))
            return [text for text in shown if "bij de dagstart" in text]

        await connector.wait_for(lambda: bool(alerts()))
        alert = alerts()[0]
        assert "Daan van der Berg bij de dagstart" in alert
        assert "😢 Moeilijk" in alert


async def test_blocked_pupil_is_not_retried_forever(classroom: Classroom) -> None:
    classroom.connector.fail_next(1, 403, path_contains="personal-29-1sanne-")
    summary = await classroom.bot.tick(local(MONDAY, 9, 0))
    assert "1 failed" in summary
    async with classroom.bot.db.session() as session:
        failed = (await session.exec(select(Delivery).where(Delivery.status == "failed"))).one()
        sanne = (await session.exec(select(Person).where(Person.name == "Sanne de Vries"))).one()
    assert failed.person_id == sanne.id
    assert failed.last_error is not None and failed.last_error.startswith("403")
    # the operator sees it in /healthz, the mentor (none linked: the coordinator) in a message
    bot = classroom.bot
    async with bot.http.get(f"{bot.url}/healthz") as response:
        health = await response.json()
    assert health["deliveries"]["failed_last_24h"] == 1
    assert health["deliveries"]["failed_reasons"] == {"403 ConversationBlockedByUser": 1}
    async with classroom.bot.db.session() as session:
        notice = (
            await session.exec(select(Delivery).where(Delivery.prompt == "unreachable"))
        ).one()
    assert notice.status == "sent"
    # the next school day nothing is sent to her, and nobody is told again
    await classroom.bot.tick(local(MONDAY + timedelta(days=1), 9, 0))
    async with classroom.bot.db.session() as session:
        rows = (await session.exec(select(Delivery).where(Delivery.person_id == sanne.id))).all()
        notices = (
            await session.exec(select(Delivery).where(Delivery.prompt == "unreachable"))
        ).all()
    assert len(notices) == 1
    assert {r.status for r in rows} == {"failed"}


async def test_throttled_sends_are_retried_after_retry_after(classroom: Classroom) -> None:
    classroom.connector.fail_next(2, 429, retry_after=30)
    summary = await classroom.bot.tick(local(MONDAY, 9, 0))
    assert "2 to retry" in summary
    await classroom.bot.tick(
        local(
            MONDAY,
            9,
            0,
        )
    )
    summary = await classroom.bot.tick(local(MONDAY, 9, 1))
    assert "2 sent" in summary
    async with classroom.bot.db.session() as session:
        rows = (await session.exec(select(Delivery))).all()
    assert {r.status for r in rows} == {"sent"}


async def test_pupil_asks_for_todays_card_again(classroom: Classroom) -> None:
    chat = classroom.chat(classroom.pupils[0])
    classroom.bot.clock.set(local(date(2026, 11, 28), 10, 0))
    (reply,) = await chat.say("inchecken")
    assert "geen school (weekend)" in reply
    classroom.bot.clock.set(local(MONDAY, 8, 0))
    (reply,) = await chat.say("inchecken")
    assert "geen kaart" in reply
    classroom.bot.clock.set(local(MONDAY, 11, 0))
    (card_text,) = await chat.say("inchecken")
    assert "Goedemorgen Sanne!" in card_text
    card = classroom.connector.cards(chat.conversation_id)[-1]
    await chat.submit({**card["actions"][0]["data"], "mood": "3", "goal1": "lezen"})
    (reply,) = await chat.say("checkin")
    assert "al ingevuld" in reply
    classroom.bot.clock.set(local(MONDAY, 15, 0))
    (close_text,) = await chat.say("inchecken")
    assert "Hoe ging het vandaag" in close_text
    assert "lezen" in close_text
