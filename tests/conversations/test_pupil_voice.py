"""A pupil's voice reaches their mentor: words of distress at once, other words when they say so."""

from __future__ import annotations

import logging
from datetime import date
from typing import Any

import pytest
from sqlmodel import select

from storage.models import AuditEvent, Delivery, MentorLink, PupilAlert, Team, TeamPhrase
from tests.conversations.conftest import Classroom, person_id
from tests.conversations.harness import Chat, card_text
from tests.conversations.test_daily_rhythm import MONDAY, local
from tests.conversations.test_no_secrets_in_logs import rendered
from tests.conversations.test_permissions import ANSWERED_PRIVATELY, said
from tests.support import activities

SATURDAY = date(2026, 11, 28)
SECRET = "Kwartelkoningsnest"  # a word that appears nowhere but in what the pupil wrote
HELPLINES = ("0800-0432", "kindertelefoon.nl", "113", "0800-0113", "112")


def offer_of(room: Classroom, chat: Chat) -> tuple[dict[str, Any], str]:
    """The last offer card sent to a chat, and the activity id Teams gave it."""
    for request in reversed(room.connector.requests):
        if request.conversation_id != chat.conversation_id or request.method != "POST":
            continue
        for attachment in (request.body or {}).get("attachments") or []:
            content = attachment.get("content") or {}
            verbs = [(a.get("data") or {}).get("verb") for a in content.get("actions") or []]
            if "voice.send" in verbs:
                assert request.answered_id is not None
                return content, request.answered_id
    raise AssertionError("no offer card was sent")


def data_of(card: dict[str, Any], verb: str) -> dict[str, Any]:
    """The submit data of a card's button with this verb (under the card or in its body)."""
    buttons = list(card.get("actions") or [])
    for element in card.get("body") or []:
        if element.get("type") == "ActionSet":
            buttons += element.get("actions") or []
    (data,) = [a["data"] for a in buttons if (a.get("data") or {}).get("verb") == verb]
    return dict(data)


async def rows(room: Classroom, prompt: str) -> list[Delivery]:
    async with room.bot.db.session() as session:
        query = select(Delivery).where(Delivery.prompt == prompt)
        return list((await session.exec(query)).all())


async def stored_alerts(room: Classroom) -> list[PupilAlert]:
    async with room.bot.db.session() as session:
        return list((await session.exec(select(PupilAlert))).all())


async def audit_trail(room: Classroom, action: str) -> list[AuditEvent]:
    async with room.bot.db.session() as session:
        query = select(AuditEvent).where(AuditEvent.action == action)
        return list((await session.exec(query)).all())


def alert_cards(room: Classroom, chat: Chat) -> list[dict[str, Any]]:
    """Cards in a chat that carry the alert buttons."""
    return [
        c
        for c in room.connector.cards(chat.conversation_id)
        if any((a.get("data") or {}).get("verb") == "alert.pickup" for a in c.get("actions") or [])
    ]


async def test_distress_on_saturday_night_reaches_mentor_and_coordinator_at_once(
    classroom: Classroom, caplog: pytest.LogCaptureFixture
) -> None:
    room = classroom
    caplog.set_level(logging.DEBUG)
    sanne = room.chat(room.pupils[0])
    at = local(SATURDAY, 22, 0)
    room.bot.clock.set(at)
    words = f"ik wil niet meer, niemand snapt me. {SECRET}"

    (reply,) = await sanne.say(words)

    assert "Wat goed dat je dit vertelt" in reply
    assert all(number in reply for number in HELPLINES)
    assert SECRET not in reply
    await room.bot.tick(at)
    for staff in (room.mentor, room.coordinator):
        chat = room.chat(staff)
        (alert,) = alert_cards(room, chat)
        shown = card_text(alert)
        assert "Dringend" in shown and "Sanne de Vries" in shown, staff.name
        assert words in shown  # as typed, plain text
        (notice,) = room.connector.texts(chat.conversation_id)
        assert "Dringend" in notice and SECRET not in notice
    (stored,) = await stored_alerts(room)
    pupil = await person_id(room.bot, room.pupils[0])
    assert (stored.kind, stored.pupil_id, stored.wants_contact) == ("distress", pupil, True)
    assert stored.source.startswith("distress:message:")
    assert {row.status for row in await rows(room, "distress")} == {"sent"}
    (event,) = await audit_trail(room, "distress.alerted")
    assert event.subject_id == pupil
    assert SECRET.lower() not in str(event.details).lower()
    assert "niemand" not in str(event.details)
    assert SECRET.lower() not in rendered(caplog).lower()


@pytest.mark.parametrize("line", ["help, ik wil dood", "inchecken ik word thuis geslagen"])
async def test_distress_after_a_command_word_is_heard(classroom: Classroom, line: str) -> None:
    (reply,) = await classroom.chat(classroom.pupils[0]).say(line)
    assert all(number in reply for number in HELPLINES)
    assert len(await rows(classroom, "distress")) == 2


async def test_the_same_message_twice_alerts_once(classroom: Classroom) -> None:
    room = classroom
    room.bot.clock.set(local(MONDAY, 11, 0))
    pupil = room.pupils[1]
    activity = activities.personal_message(room.world, pupil, "ik snij mezelf")
    for _ in range(2):  # Teams retries an activity it thinks was lost
        assert (await room.bot.post(activity)).status == 200
    assert len(await stored_alerts(room)) == 1
    assert len(await rows(room, "distress")) == 2  # mentor and coordinator, once each
    assert len(await audit_trail(room, "distress.alerted")) == 1


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("hoi", "Hoi Sanne!"),
        ("Hallo juf!", "Hoi Sanne!"),
        ("goedemorgen", "Hoi Sanne!"),
        ("dankjewel", "Graag gedaan"),
        ("doei", "Doei Sanne"),
        ("oké", "👍"),
    ],
)
async def test_greetings_get_a_friendly_answer(
    classroom: Classroom, line: str, expected: str
) -> None:
    (reply,) = await classroom.chat(classroom.pupils[0]).say(line)
    assert expected in reply
    assert "ken ik niet" not in reply
    assert await rows(classroom, "pupil_message") == []


async def test_a_message_goes_to_the_mentor_once_when_the_pupil_says_yes(
    classroom: Classroom, caplog: pytest.LogCaptureFixture
) -> None:
    room = classroom
    caplog.set_level(logging.DEBUG)
    room.bot.clock.set(local(MONDAY, 10, 0))
    sanne = room.chat(room.pupils[0])
    words = f"ik voel me niet zo goed, {SECRET} *echt*"

    (offer,) = await sanne.say(words)

    assert "Wil je dit naar Fatima sturen?" in offer
    assert r"\*echt\*" in offer  # the words as plain text, not Markdown
    assert "ken ik niet" not in offer
    assert await stored_alerts(room) == []  # nothing is stored before the pupil says yes
    card, activity_id = offer_of(room, sanne)
    send = data_of(card, "voice.send")
    assert send["words"] == words
    for _ in range(2):  # a double tap
        posted = await sanne.submit(send, reply_to_id=activity_id)
        assert posted.status == 200
    updates = room.connector.updates(sanne.conversation_id)
    assert updates and all(
        "Verstuurd naar Fatima" in card_text(u["attachments"][0]["content"]) for u in updates
    )
    assert "actions" not in updates[0]["attachments"][0]["content"]

    await room.bot.tick(local(MONDAY, 10, 1))
    mentor = room.chat(room.mentor)
    (message,) = alert_cards(room, mentor)
    assert "Sanne de Vries" in card_text(message)
    assert words.replace("*", r"\*") in card_text(message)
    assert alert_cards(room, room.chat(room.coordinator)) == []
    (alert,) = await stored_alerts(room)
    assert (alert.kind, alert.wants_contact) == ("message", True)
    (row,) = await rows(room, "pupil_message")
    assert row.ref == f"message:{send['ref']}"
    assert SECRET.lower() not in rendered(caplog).lower()
    async with room.bot.db.session() as session:
        events = (await session.exec(select(AuditEvent))).all()
    assert all(SECRET.lower() not in str(e.details).lower() for e in events)


async def test_no_sends_nothing(classroom: Classroom) -> None:
    room = classroom
    sanne = room.chat(room.pupils[0])
    await sanne.say("mag ik morgen later beginnen?")
    card, activity_id = offer_of(room, sanne)
    posted = await sanne.submit(data_of(card, "voice.cancel"), reply_to_id=activity_id)
    assert posted.status == 200
    (update,) = room.connector.updates(sanne.conversation_id)
    shown = card_text(update["attachments"][0]["content"])
    assert "Oké, ik heb het niet doorgestuurd." in shown
    assert "later beginnen" not in shown
    await room.bot.tick(local(MONDAY, 10, 0))
    assert await rows(room, "pupil_message") == []
    assert await stored_alerts(room) == []
    assert alert_cards(room, room.chat(room.mentor)) == []


async def test_forged_or_odd_submits_send_nothing(classroom: Classroom) -> None:
    room = classroom
    sanne = room.chat(room.pupils[0])
    await sanne.say("kan iemand mij bellen?")
    card, _ = offer_of(room, sanne)
    send = data_of(card, "voice.send")
    # a second team the pupil is not in: the submit cannot reach its mentor
    other = activities.TeamsWorld(
        service_url=room.connector.url, team_id="19:klas2@thread.tacv2", team_name="Groep 2"
    )
    boss = other.person("kees", "Kees Koster")
    room.connector.add_team(
        other.team_id, other.team_name, tenant_id=other.tenant_id, members=[boss]
    )
    await room.bot.post(activities.install_in_team(other, boss))
    async with room.bot.db.session() as session:
        second = (await session.exec(select(Team).where(Team.teams_id == other.team_id))).one()
    odd = [
        {**send, "team": second.id},
        {**send, "words": ["ik", "wil"]},
        {**send, "words": "x" * 5000},
        {**send, "words": "   "},
        {**send, "ref": {"id": 1}},
        {**send, "ref": ""},
        {**send, "extra": "veld"},
    ]
    for value in odd:
        posted = await sanne.submit(value)
        assert posted.status == 200, value
    assert await rows(room, "pupil_message") == []
    assert await stored_alerts(room) == []


async def test_without_a_mentor_the_coordinator_gets_the_message(classroom: Classroom) -> None:
    room = classroom
    noah = room.pupils[2]
    async with room.bot.db.session() as session:
        pid = await person_id(room.bot, noah)
        link = (await session.exec(select(MentorLink).where(MentorLink.pupil_id == pid))).one()
        await session.delete(link)
    chat = room.chat(noah)
    (offer,) = await chat.say("ik heb een vraag over de toets")
    assert "Wil je dit naar je coördinator sturen?" in offer
    card, activity_id = offer_of(room, chat)
    await chat.submit(data_of(card, "voice.send"), reply_to_id=activity_id)
    await room.bot.tick(local(MONDAY, 10, 0))
    assert len(alert_cards(room, room.chat(room.coordinator))) == 1
    assert alert_cards(room, room.chat(room.mentor)) == []


async def test_suggestions_name_only_own_commands_and_come_as_a_button(
    classroom: Classroom,
) -> None:
    room = classroom
    pupil = room.chat(room.pupils[0])
    (reply,) = await pupil.say("incheken")
    assert "Bedoelde je **inchecken**?" in reply
    (card,) = room.connector.cards(pupil.conversation_id)
    assert data_of(card, "command")["text"] == "inchecken"

    for line in ("wiss", "leerlingn", "koppl", "ik voel me niet zo goed"):
        room.connector.clear()
        (reply,) = await pupil.say(line)
        for staff_command in ("**wis**", "**leerlingen**", "**koppel**", "**link**"):
            assert staff_command not in reply, (line, reply)
        assert "Bedoelde je" not in reply
        assert "Wil je dit naar Fatima sturen?" in reply  # it is their own words

    coordinator = room.chat(room.coordinator)
    room.connector.clear()
    (reply,) = await coordinator.say("koppl Sanne aan Fatima")
    assert "Bedoelde je **koppel**?" in reply
    (card,) = room.connector.cards(coordinator.conversation_id)
    assert data_of(card, "command")["text"] == "koppel Sanne aan Fatima"
    room.connector.clear()
    (reply,) = await coordinator.say("incheken")
    assert "inchecken" not in reply and "ken ik niet" in reply

    # the button runs the corrected line
    room.connector.clear()
    posted = await pupil.submit({"verb": "command", "text": "inchecken"})
    assert posted.status == 200
    assert room.connector.sent(pupil.conversation_id)


async def test_english(classroom: Classroom) -> None:
    room = classroom
    daan = room.chat(room.pupils[1], locale="en-US")
    (reply,) = await daan.say("hello")
    assert "Hi Daan!" in reply
    (offer,) = await daan.say("can we talk tomorrow about my project?")
    assert "Would you like me to send this to Fatima?" in offer
    card, activity_id = offer_of(room, daan)
    await daan.submit(data_of(card, "voice.send"), reply_to_id=activity_id)
    (update,) = room.connector.updates(daan.conversation_id)
    assert "Sent to Fatima" in card_text(update["attachments"][0]["content"])
    (reply,) = await daan.say("I want to die")
    assert "I'm really glad you told me" in reply
    assert all(number in reply for number in HELPLINES)
    (reply,) = await daan.say("incheken")
    assert "Did you mean **inchecken**?" in reply


async def test_the_teams_own_phrase_triggers(classroom: Classroom) -> None:
    room = classroom
    coordinator = room.chat(room.coordinator)
    (reply,) = await coordinator.say("signaalwoorden + Zwarte Wolk")
    assert "Toegevoegd: ‘zwarte wolk’" in reply
    (reply,) = await coordinator.say("signaalwoorden + zwarte wolk!")
    assert "staat al in de lijst" in reply
    (listing,) = await coordinator.say("signaalwoorden")
    assert "- zwarte wolk" in listing
    (event,) = await audit_trail(room, "phrases.added")
    async with room.bot.db.session() as session:
        (phrase,) = (await session.exec(select(TeamPhrase))).all()
    assert event.details == {"phrase_id": phrase.id}

    sanne = room.chat(room.pupils[0])
    (reply,) = await sanne.say("er hangt weer een zwaaaarte wolk boven me")
    assert "Wat goed dat je dit vertelt" in reply
    assert len(await rows(room, "distress")) == 2

    (reply,) = await coordinator.say("distresswords - zwarte wolk")
    assert "Weggehaald" in reply
    (event,) = await audit_trail(room, "phrases.removed")
    assert event.details == {"phrase_id": phrase.id}
    (reply,) = await sanne.say("weer een zwarte wolk vandaag")
    assert "Wil je dit naar Fatima sturen?" in reply


async def test_phrases_are_for_coordinators_and_checked(classroom: Classroom) -> None:
    room = classroom
    (reply,) = await room.chat(room.mentor).say("signaalwoorden + iets")
    assert "alleen een coördinator" in reply
    coordinator = room.chat(room.coordinator)
    for line in ("signaalwoorden + a", "signaalwoorden + !!!!", f"signaalwoorden + {'x' * 201}"):
        (reply,) = await coordinator.say(line)
        assert "3 tot 200 tekens" in reply, line
    (reply,) = await coordinator.say("signaalwoorden - bestaat niet")
    assert "staat niet in de eigen lijst" in reply
    async with room.bot.db.session() as session:
        assert (await session.exec(select(TeamPhrase))).all() == []


async def test_free_text_in_a_channel_is_not_passed_on_or_echoed(classroom: Classroom) -> None:
    room = classroom
    pupil = room.pupils[0]
    activity = activities.channel_message(room.world, pupil, f"ik voel me {SECRET}")
    before = len(room.connector.requests)
    assert (await room.bot.post(activity)).status == 200
    answers = said(room.connector.requests[before:])
    (in_channel,) = answers[activity["conversation"]["id"]]
    assert SECRET not in in_channel and "ken ik niet" in in_channel
    assert not any("voice.send" in str(c) for c in room.connector.cards())

    # words of distress typed in a channel still reach the staff; the help comes privately
    activity = activities.channel_message(room.world, pupil, f"ik wil dood {SECRET}")
    before = len(room.connector.requests)
    assert (await room.bot.post(activity)).status == 200
    answers = said(room.connector.requests[before:])
    assert answers[activity["conversation"]["id"]] == [ANSWERED_PRIVATELY]
    private = answers[room.chat(pupil).conversation_id]
    assert any("0800-0432" in text for text in private)
    assert len(await rows(room, "distress")) == 2
