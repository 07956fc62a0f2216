"""The README's walkthrough: `tick --at 09:00` is today, so its cards are answered today; on a
weekend nothing is due, and a card sent ahead for a later day waits for that day."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from sqlmodel import select

from domain.clock import instant_at
from storage.models import CheckIn
from tests.conversations.conftest import Classroom
from tests.conversations.test_daily_rhythm import MONDAY, local, start_delivery, stored_checkins

SATURDAY = MONDAY - timedelta(days=2)


def typed(at: str, now: datetime) -> datetime:
    """What `dagritme tick --at <at>` runs at when typed at `now`."""
    moment = instant_at(at, now=now)
    assert moment is not None
    return moment


async def answer_start(room: Classroom, day: date) -> list[str]:
    """Sanne answers her day start card; what the bot said back."""
    sanne = room.pupils[0]
    card = await start_delivery(room, sanne)
    chat = room.chat(sanne)
    before = len(room.connector.requests)
    value = {"verb": "checkin.submit", "day": day.isoformat(), "team": card.team_id, "mood": "4"}
    posted = await chat.submit(value, reply_to_id=card.activity_id)
    assert posted.status == 200
    return chat.replies_since(before)


async def test_a_time_alone_is_today_and_its_cards_are_answered_all_day(
    classroom: Classroom,
) -> None:
    classroom.bot.clock.set(local(MONDAY, 19, 30))  # a newcomer trying it in the evening
    at = typed("9:00", classroom.bot.clock.now())
    assert at == local(MONDAY, 9, 0)
    await classroom.bot.tick(at)
    classroom.bot.clock.set(local(MONDAY, 19, 35))
    replies = await answer_start(classroom, MONDAY)
    assert any("Dank je wel" in reply for reply in replies), replies
    (stored,) = await stored_checkins(classroom)
    assert (stored.day, stored.mood) == (MONDAY, 4)


async def test_on_a_weekend_nothing_is_due_and_a_later_days_card_waits(
    classroom: Classroom,
) -> None:
    classroom.bot.clock.set(local(SATURDAY, 11, 0))
    summary = await classroom.bot.tick(typed("09:00", classroom.bot.clock.now()))
    assert "0 scheduled" in summary

    # `tick --at 2026-11-23T09:00` on Saturday: Monday's cards arrive now ...
    await classroom.bot.tick(typed("2026-11-23T09:00", local(SATURDAY, 11, 0)))
    classroom.bot.clock.set(local(SATURDAY, 11, 5))
    replies = await answer_start(classroom, MONDAY)
    assert replies == [
        "Deze kaart is voor maandag 23 november. Vul hem die dag in; er is nu niets bewaard."
    ]
    assert await stored_checkins(classroom) == []
    # ... and are taken on Monday
    classroom.bot.clock.set(local(MONDAY, 9, 30))
    await answer_start(classroom, MONDAY)
    async with classroom.bot.db.session() as session:
        assert len((await session.exec(select(CheckIn))).all()) == 1
