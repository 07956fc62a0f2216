"""Mentors log contacts and follow their pupils, end to end over HTTP."""

from __future__ import annotations

import logging
from datetime import date, timedelta
from typing import Any

import pytest
from sqlmodel import select

from storage.models import AuditEvent, CheckIn, ContactLog, Team
from tests.conversations.conftest import Classroom, person_id
from tests.conversations.harness import card_text
from tests.conversations.test_daily_rhythm import MONDAY, local
from tests.support import activities


async def contact_rows(room: Classroom) -> list[ContactLog]:
    async with room.bot.db.session() as session:
        return list((await session.exec(select(ContactLog).order_by(ContactLog.id))).all())


async def audit_actions(room: Classroom) -> list[str]:
    async with room.bot.db.session() as session:
        return [a.action for a in (await session.exec(select(AuditEvent))).all()]


def last_card(room: Classroom, conversation_id: str) -> dict[str, Any]:
    return room.connector.cards(conversation_id)[-1]


def submits(card: dict[str, Any]) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = []

    def walk(node: Any) -> None:
        if isinstance(node, dict):
            if node.get("type") == "Action.Submit":
                found.append(node["data"])
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for item in node:
                walk(item)

    walk(card)
    return found


@pytest.fixture
def at_monday(classroom: Classroom) -> Classroom:
    classroom.bot.clock.set(local(MONDAY, 11, 0))
    return classroom


async def test_log_a_contact_in_one_line_and_undo_it(at_monday: Classroom) -> None:
    room = at_monday
    mentor = room.chat(room.mentor)
    (reply,) = await mentor.say("log Daan bellen 15m planning besproken, gaat beter")
    assert reply.startswith("✅ Gelogd: Daan van der Berg — bellen, 15 min, met notitie.")
    (row,) = await contact_rows(room)
    assert (row.kind, row.minutes, row.day) == ("bellen", 15, MONDAY)
    assert row.note == "planning besproken, gaat beter"
    assert row.author_id == await person_id(room.bot, room.mentor)

    # the same message delivered twice is one contact
    message = activities.personal_message(room.world, room.mentor, "log Daan chat")
    await room.bot.post(message)
    await room.bot.post(message)
    assert len(await contact_rows(room)) == 2

    undo = submits(last_card(room, mentor.conversation_id))[0]
    assert undo["verb"] == "contact.undo"
    room.bot.clock.set(local(MONDAY, 11, 5))
    await mentor.submit(undo)
    assert [r.kind for r in await contact_rows(room)] == ["bellen"]
    assert "contact.undone" in await audit_actions(room)

    first_undo = submits(room.connector.cards(mentor.conversation_id)[0])[0]
    room.bot.clock.set(local(MONDAY, 11, 30))
    await mentor.submit(first_undo)
    assert (
        "ongedaan maken kan niet meer" in room.connector.texts(mentor.conversation_id)[-1].lower()
    )
    assert len(await contact_rows(room)) == 1


async def test_log_alone_opens_the_card_and_a_double_click_logs_once(
    at_monday: Classroom,
) -> None:
    room = at_monday
    mentor = room.chat(room.mentor)
    await mentor.say("log")
    form = last_card(room, mentor.conversation_id)
    pupils = next(b for b in form["body"] if b.get("id") == "pupil")
    assert {c["title"] for c in pupils["choices"]} == {p.name for p in room.pupils}
    data = submits(form)[0]
    value = {
        **data,
        "pupil": str(await person_id(room.bot, room.pupils[2])),
        "kind": "huisbezoek",
        "minutes": "60",
        "day": "2026-11-20",
        "note": "met moeder gesproken",
    }
    await mentor.submit(value)
    await mentor.submit(value)
    (row,) = await contact_rows(room)
    assert (row.kind, row.minutes, row.day) == ("huisbezoek", 60, date(2026, 11, 20))

    for bad in (
        {**value, "nonce": "other-nonce-1", "day": "2026-11-24"},
        {**value, "nonce": "other-nonce-2", "kind": "feestje"},
        {**value, "nonce": "other-nonce-3", "minutes": "9999"},
        {**value, "nonce": "other-nonce-4", "pupil": "999999"},
        {**value, "nonce": "x"},
    ):
        await mentor.submit(bad)
    assert len(await contact_rows(room)) == 1


async def test_unreadable_line_opens_a_prefilled_card(at_monday: Classroom) -> None:
    room = at_monday
    mentor = room.chat(room.mentor)
    (shown,) = await mentor.say("log Daan bel")
    assert "Bedoelde je **bellen**?" in shown
    form = last_card(room, mentor.conversation_id)
    pupil = next(b for b in form["body"] if b.get("id") == "pupil")
    assert pupil["value"] == str(await person_id(room.bot, room.pupils[1]))
    (shown,) = await mentor.say("log Daan bellen morgen")
    assert "toekomst" in shown
    assert await contact_rows(room) == []


async def test_mentors_log_only_for_their_own_pupils(at_monday: Classroom) -> None:
    room = at_monday
    other = room.world.person("lotte", "Lotte Visser")
    room.connector.teams[room.world.team_id].members.append(other)
    await room.bot.post(activities.members_added(room.world, [other], room.coordinator))
    await room.chat(room.coordinator).say("rol Lotte mentor")

    (reply,) = await room.chat(other).say("log Daan bellen 5m")
    assert "niet jouw leerling" in reply
    (reply,) = await room.chat(other).say("leerling Daan")
    assert "niet jouw leerling" in reply
    (reply,) = await room.chat(room.pupils[0]).say("log Daan bellen 5m")
    assert "mentoren en coördinatoren" in reply
    (reply,) = await room.chat(room.coordinator).say("log Daan school 30m")
    assert reply.startswith("✅ Gelogd: Daan van der Berg")
    assert len(await contact_rows(room)) == 1


async def test_same_first_name_asks_which_pupil(at_monday: Classroom) -> None:
    room = at_monday
    mentor = room.chat(room.mentor)
    (question,) = await mentor.say("log Sanne gesprek 20m")
    assert "Sanne de Vries" in question
    assert "Sanne Bakker" in question
    bakker = await person_id(room.bot, room.pupils[3])
    buttons = submits(last_card(room, mentor.conversation_id))
    await mentor.submit(next(b for b in buttons if f"#{bakker} " in b["text"]))
    (row,) = await contact_rows(room)
    assert row.pupil_id == bakker
    assert (row.kind, row.minutes) == ("gesprek", 20)


async def test_contacts_list_edit_and_delete(at_monday: Classroom) -> None:
    room = at_monday
    mentor = room.chat(room.mentor)
    await mentor.say("log Noah bellen 10m eerste")
    await room.chat(room.coordinator).say("log Noah ouders 30m tweede")
    await mentor.say("log Noah chat gisteren derde")
    await mentor.say("contacten Noah")
    listing = last_card(room, mentor.conversation_id)
    text = card_text(listing)
    assert text.index("tweede") < text.index("eerste") < text.index("derde")
    actions = submits(listing)
    assert {a["verb"] for a in actions} == {"contact.edit", "contact.delete"}
    assert len(actions) == 4  # the coordinator's contact is not the mentor's to change

    edit = next(a for a in actions if a["verb"] == "contact.edit")
    await mentor.submit(edit)
    form = last_card(room, mentor.conversation_id)
    save = submits(form)[0]
    assert save["contact"] == edit["contact"]
    values = {b["id"]: b.get("value") for b in form["body"] if b.get("id")}
    await mentor.submit({**save, **values, "minutes": "45", "note": "gewijzigd"})
    changed = next(r for r in await contact_rows(room) if r.id == edit["contact"])
    assert (changed.minutes, changed.note) == (45, "gewijzigd")
    assert "contact.edited" in await audit_actions(room)

    delete = next(a for a in actions if a["verb"] == "contact.delete")
    coordinator_chat = room.chat(room.coordinator)
    await coordinator_chat.submit(delete)  # not the coordinator's own contact
    assert (
        "Dat kan alleen de schrijver" in room.connector.texts(coordinator_chat.conversation_id)[-1]
    )
    room.bot.clock.set(local(MONDAY, 11, 0) + timedelta(days=2))
    await mentor.submit(delete)
    assert "Dat kan alleen de schrijver" in room.connector.texts(mentor.conversation_id)[-1]
    room.bot.clock.set(local(MONDAY, 12, 0))
    await mentor.submit(delete)
    assert len(await contact_rows(room)) == 2
    assert "contacts.viewed" in await audit_actions(room)


async def test_pupils_overview_shows_today_at_a_glance(classroom: Classroom) -> None:
    room = classroom
    await room.bot.tick(local(MONDAY, 9, 0))
    sanne_card = room.connector.cards(room.chat(room.pupils[0]).conversation_id)[0]
    room.bot.clock.set(local(MONDAY, 9, 30))
    await room.chat(room.pupils[0]).submit(
        {**sanne_card["actions"][0]["data"], "mood": "2", "goal1": "rekenen", "contact": "true"}
    )
    mentor = room.chat(room.mentor)
    room.bot.clock.set(local(MONDAY - timedelta(days=10), 10, 0))
    await mentor.say("log Daan bellen 10m")
    room.bot.clock.set(local(MONDAY, 10, 0))
    await mentor.say("log Noah chat")
    await mentor.say("leerlingen")
    overview = last_card(room, mentor.conversation_id)
    text = card_text(overview)
    assert "Sanne de Vries" in text
    assert "Plan: rekenen" in text
    assert "wil contact" in text
    assert "nog niet ingecheckt" in text
    assert "laatste contact 10 dagen geleden" in text
    assert "vandaag contact gehad" in text
    assert "nog geen contact gelogd" in text
    attention = [c for c in overview["body"] if c.get("style") == "attention"]
    assert len(attention) == 1  # Sanne: low mood and wants contact

    await room.chat(room.coordinator).say("leerlingen")
    everyone = card_text(last_card(room, room.chat(room.coordinator).conversation_id))
    assert "mentor Fatima el Amrani" in everyone


async def test_pupil_page_shows_mood_over_time(classroom: Classroom) -> None:
    room = classroom
    pupil_id = await person_id(room.bot, room.pupils[1])
    async with room.bot.db.session() as session:
        team = (await session.exec(select(Team))).one()
        for offset, mood in ((0, 4), (3, 3), (4, 2)):
            day = MONDAY - timedelta(days=offset)
            session.add(
                CheckIn(
                    team_id=team.id or 0,
                    pupil_id=pupil_id,
                    day=day,
                    kind="start",
                    mood=mood,
                    goals=["lezen"],
                    created_at=local(day, 9),
                )
            )
        session.add(
            CheckIn(
                team_id=team.id or 0,
                pupil_id=pupil_id,
                day=MONDAY,
                kind="close",
                mood=4,
                goals=["lezen"],
                goal_status=["done"],
                created_at=local(MONDAY, 15),
            )
        )
    room.bot.clock.set(local(MONDAY, 16, 0))
    mentor = room.chat(room.mentor)
    await mentor.say("log Daan gesprek 30m")
    await mentor.say("leerling daan")
    page = last_card(room, mentor.conversation_id)
    chart = next(b for b in page["body"] if b.get("type") == "Chart.Line")
    points = chart["data"][0]["values"]
    assert [p["y"] for p in points] == [2, 3, 4]
    assert chart["fallback"]["type"] == "TextBlock"
    text = card_text(page)
    assert "Daan van der Berg" in text
    assert "3 van 20" in text
    assert "1 Gelukt" in text
    assert "gesprek" in text
    assert "pupil.viewed" in await audit_actions(room)


async def test_notes_never_reach_the_logs(
    at_monday: Classroom, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    secret = "Moeder vertelde over de scheiding"
    await at_monday.chat(at_monday.mentor).say(f"log Daan ouders 20m {secret}")
    assert len(await contact_rows(at_monday)) == 1
    assert all(secret not in record.getMessage() for record in caplog.records)
    assert secret not in caplog.text
