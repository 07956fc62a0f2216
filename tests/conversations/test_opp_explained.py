"""An English speaker is told once what OPP stands for: in the first message that mentions it,
whether that is an answer to them or a message the bot sends on its own."""

from __future__ import annotations

from datetime import date

from sqlmodel import select

from storage.models import Person
from tests.conversations.conftest import Classroom, person_id
from tests.conversations.harness import card_text
from tests.conversations.test_daily_rhythm import local
from tests.support.connector import Member

EXPLAINED = "OPP (ontwikkelingsperspectiefplan) is the pupil's development plan"


async def told(room: Classroom, user: Member) -> bool:
    async with room.bot.db.session() as session:
        person = await session.get(Person, await person_id(room.bot, user))
        assert person is not None
        return person.opp_explained


async def test_the_first_answer_that_mentions_opp_explains_it(classroom: Classroom) -> None:
    room = classroom
    room.bot.clock.set(local(date(2026, 11, 23), 11, 0))
    mentor = room.chat(room.mentor, locale="en-US")
    replies = await mentor.say("contacts Sanne de Vries")  # no OPP in it: nothing added
    assert replies and all("ontwikkelingsperspectiefplan" not in r for r in replies)
    assert not await told(room, room.mentor)
    (reply,) = await mentor.say("help")
    assert reply.count(EXPLAINED) == 1
    assert await told(room, room.mentor)
    (reply,) = await mentor.say("help")
    assert "ontwikkelingsperspectiefplan" not in reply
    replies = await mentor.say("opp Sanne de Vries start 28-9")
    assert all("ontwikkelingsperspectiefplan" not in r for r in replies)


async def test_the_opp_report_explains_it_once(classroom: Classroom) -> None:
    room = classroom
    room.bot.clock.set(local(date(2026, 11, 23), 11, 0))
    mentor = room.chat(room.mentor, locale="en-US")
    await room.chat(room.coordinator).say("opp Sanne de Vries start 28-9")
    before = len(room.connector.cards(mentor.conversation_id))
    replies = await mentor.say("opp Sanne de Vries report")
    assert "\n".join(replies).count(EXPLAINED) == 1
    for card in room.connector.cards(mentor.conversation_id)[before:]:
        if EXPLAINED in card_text(card):
            assert EXPLAINED in card["body"][-1]["text"]
            assert card["body"][-1]["isSubtle"] is True
    await mentor.say("opp Sanne de Vries report")
    again = room.connector.cards(mentor.conversation_id)[-1]
    assert EXPLAINED not in card_text(again)


async def test_dutch_speakers_are_not_told(classroom: Classroom) -> None:
    room = classroom
    mentor = room.chat(room.mentor)
    (reply,) = await mentor.say("hulp")
    assert "OPP" in reply and "ontwikkelingsperspectiefplan" not in reply
    assert not await told(room, room.mentor)


async def test_a_nudge_the_bot_sends_explains_it_once(classroom: Classroom) -> None:
    room = classroom
    room.bot.clock.set(local(date(2026, 9, 28), 11, 0))
    await room.chat(room.coordinator).say("opp Sanne de Vries start 28-9")  # due 23 November
    await room.chat(room.mentor, locale="en-US").say("contacts Sanne de Vries")  # now English
    assert not await told(room, room.mentor)
    mentor_chat = room.chat(room.mentor).conversation_id
    await room.bot.tick(local(date(2026, 11, 9), 9, 0))  # 14 days before
    await room.bot.tick(local(date(2026, 11, 16), 9, 0))  # 7 days before
    first, second = [c for c in room.connector.cards(mentor_chat) if "OPP" in card_text(c)]
    assert card_text(first).count(EXPLAINED) == 1
    assert EXPLAINED in first["body"][-1]["text"]  # the card's last block
    assert EXPLAINED not in card_text(second)
    assert await told(room, room.mentor)
    async with room.bot.db.session() as session:
        others = (await session.exec(select(Person).where(Person.opp_explained))).all()
    assert [p.name for p in others] == ["Fatima el Amrani"]
