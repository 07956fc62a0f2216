"""`voorbeeld`: staff see and answer the pupils' cards, and nothing at all is stored."""

from __future__ import annotations

from typing import Any

from sqlalchemy import func
from sqlmodel import SQLModel, select

from storage.models import AuditEvent, CheckIn, Delivery, PupilAlert, PupilSignal
from tests.conversations.conftest import Classroom
from tests.conversations.harness import Chat, card_text
from tests.conversations.test_daily_rhythm import MONDAY, local, start_delivery
from tests.conversations.test_permissions import ANSWERED_PRIVATELY, said
from tests.support import activities

PUPIL_DATA: tuple[type[SQLModel], ...] = (CheckIn, PupilAlert, PupilSignal, Delivery, AuditEvent)
GOALS = ["Rekenen: blz. 12 en 13", "20 minuten lezen"]


async def row_counts(room: Classroom) -> dict[str, int]:
    """How many rows each table a pupil's answer could write to holds."""
    counts: dict[str, int] = {}
    async with room.bot.db.session() as session:
        for table in PUPIL_DATA:
            counts[table.__name__] = (
                await session.exec(select(func.count()).select_from(table))
            ).one()
    return counts


def sent_cards(room: Classroom, chat: Chat, since: int) -> list[tuple[str, dict[str, Any]]]:
    """(activity id, card) of each card sent to a chat after request number `since`."""
    return [
        (r.answered_id or "", a["content"])
        for r in room.connector.requests[since:]
        if r.method == "POST" and r.conversation_id == chat.conversation_id and r.body
        for a in r.body.get("attachments") or []
    ]


def submit_data(card: dict[str, Any]) -> dict[str, Any]:
    (action,) = card["actions"]
    data: dict[str, Any] = action["data"]
    return data


def updated_card(room: Classroom, chat: Chat) -> dict[str, Any]:
    content: dict[str, Any] = room.connector.updates(chat.conversation_id)[-1]["attachments"][0][
        "content"
    ]
    return content


async def preview(room: Classroom, chat: Chat, line: str) -> list[tuple[str, dict[str, Any]]]:
    before = len(room.connector.requests)
    await chat.say(line)
    return sent_cards(room, chat, before)


async def test_a_preview_arrives_and_answering_it_stores_nothing(classroom: Classroom) -> None:
    classroom.bot.clock.set(local(MONDAY, 10, 0))
    before = await row_counts(classroom)
    chat = classroom.chat(classroom.coordinator)
    (start_id, start), (close_id, close) = await preview(classroom, chat, "voorbeeld oud")
    for card in (start, close):
        assert "**Voorbeeld** voor leeftijdsgroep oud" in card["body"][0]["items"][0]["text"]
    assert "Goedemorgen Sam!" in card_text(start)
    assert all(goal in card_text(close) for goal in GOALS)
    data = submit_data(start)
    assert data == {
        "verb": "preview.checkin",
        "day": "2026-11-23",
        "team": data["team"],
        "band": "oud",
    }
    assert submit_data(close)["verb"] == "preview.close"

    # the worst a pupil can send: low mood, a wish for contact, words of distress
    answer = {
        **submit_data(start),
        "mood": "1",
        "energy": "1",
        "goal1": "ik wil dood",
        "contact": "true",
    }
    posted = await chat.submit(answer, reply_to_id=start_id)
    assert posted.status == 200
    done = card_text(updated_card(classroom, chat))
    assert "dit ziet de leerling na het versturen. Er is niets opgeslagen." in done
    assert "Moeilijk" in done and "ik wil dood" in done
    ending = {**submit_data(close), "mood": "1", "goal1": "done", "note": "ik wil niet meer leven"}
    await chat.submit(ending, reply_to_id=close_id)
    done = card_text(updated_card(classroom, chat))
    assert "Er is niets opgeslagen." in done and GOALS[0] in done

    assert await row_counts(classroom) == before
    mentor = classroom.chat(classroom.mentor).conversation_id
    assert classroom.connector.sent(mentor) == []


async def test_a_preview_shows_what_the_real_card_turns_into(classroom: Classroom) -> None:
    """The same answer on Sanne's real cards and on the previews gives the same cards."""
    sanne = classroom.chat(classroom.pupils[0])
    coordinator = classroom.chat(classroom.coordinator)
    await classroom.bot.tick(local(MONDAY, 9, 0))
    real = await start_delivery(classroom, classroom.pupils[0])
    classroom.bot.clock.set(local(MONDAY, 9, 5))
    (start_id, start), (close_id, close) = await preview(classroom, coordinator, "voorbeeld")
    answer = {"mood": "4", "energy": "3", "goal1": GOALS[0], "goal2": GOALS[1], "contact": "true"}
    await sanne.submit(
        {"verb": "checkin.submit", "day": "2026-11-23", "team": real.team_id, **answer},
        reply_to_id=real.activity_id,
    )
    await coordinator.submit({**submit_data(start), **answer}, reply_to_id=start_id)
    shown = updated_card(classroom, coordinator)
    assert shown["body"][1:] == updated_card(classroom, sanne)["body"]

    await classroom.bot.tick(local(MONDAY, 14, 45))
    (real_close,) = classroom.connector.cards(sanne.conversation_id)[-1:]
    ending = {"mood": "3", "goal1": "done", "goal2": "partly", "note": "Het ging best"}
    await sanne.submit({**submit_data(real_close), **ending})
    await coordinator.submit({**submit_data(close), **ending}, reply_to_id=close_id)
    shown = updated_card(classroom, coordinator)
    real_done = classroom.connector.cards(sanne.conversation_id)[-1]
    assert shown["body"][1:] == real_done["body"]


async def test_a_pupil_cannot_preview_nor_answer_a_preview(classroom: Classroom) -> None:
    classroom.bot.clock.set(local(MONDAY, 10, 0))
    pupil = classroom.chat(classroom.pupils[1])
    (reply,) = await pupil.say("voorbeeld")
    assert "mentoren en coördinatoren" in reply
    before = await row_counts(classroom)
    await pupil.submit({"verb": "preview.checkin", "day": "2026-11-23", "mood": "2"})
    assert "mentoren en coördinatoren" in classroom.connector.texts(pupil.conversation_id)[-1]
    assert await row_counts(classroom) == before


async def test_typed_in_the_channel_the_preview_comes_privately(classroom: Classroom) -> None:
    classroom.bot.clock.set(local(MONDAY, 10, 0))
    activity = activities.channel_message(classroom.world, classroom.coordinator, "voorbeeld oud")
    before = len(classroom.connector.requests)
    assert (await classroom.bot.post(activity)).status == 200
    answers = said(classroom.connector.requests[before:])
    assert answers[activity["conversation"]["id"]] == [ANSWERED_PRIVATELY]
    own = classroom.chat(classroom.coordinator)
    cards = sent_cards(classroom, own, before)
    assert [submit_data(c)["verb"] for _, c in cards] == ["preview.checkin", "preview.close"]
    assert {submit_data(c)["band"] for _, c in cards} == {"oud"}


async def test_a_mentor_previews_in_english(classroom: Classroom) -> None:
    classroom.bot.clock.set(local(MONDAY, 10, 0))
    mentor = classroom.chat(classroom.mentor, locale="en-US")
    (_, start), (close_id, close) = await preview(classroom, mentor, "preview older")
    assert "**Preview** for the age band older" in card_text(start)
    assert "Maths: pages 12 and 13" in card_text(close)
    await mentor.submit({**submit_data(close), "mood": "5", "goal2": "not"}, reply_to_id=close_id)
    done = card_text(updated_card(classroom, mentor))
    assert "this is what the pupil sees after sending. Nothing was stored." in done
    # a mood the card cannot send gets the pupil's answer, and still nothing is stored
    before = await row_counts(classroom)
    await mentor.submit({**submit_data(close), "mood": "9"}, reply_to_id=close_id)
    refused = classroom.connector.texts(mentor.conversation_id)[-1]
    assert "Nothing was stored." in refused
    assert await row_counts(classroom) == before

    (reply,) = await mentor.say("preview yong")
    assert "Did you mean **young**?" in reply
    (reply,) = await classroom.chat(classroom.mentor).say("voorbeeld baby")
    assert reply.startswith("Gebruik: **voorbeeld**")
