"""A pupil's voice reaches their mentor: one alert card per check-in, picked up, escalated."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from sqlmodel import select

from storage.models import AuditEvent, CheckIn, ContactLog, Delivery, Person, PupilAlert, Team
from tests.conversations.conftest import Classroom, person_id
from tests.conversations.harness import Chat, card_text
from tests.conversations.test_daily_rhythm import MONDAY, local
from tests.support.connector import Member

FRIDAY = date(2026, 11, 27)
NEXT_MONDAY = date(2026, 11, 30)
NOTE = "ik vind het moeilijk"


async def team_id(room: Classroom) -> int:
    async with room.bot.db.session() as session:
        team = (await session.exec(select(Team))).one()
    assert team.id is not None
    return team.id


async def answer(
    room: Classroom, pupil: Member, verb: str, day: date, *, locale: str = "nl-NL", **fields: Any
) -> None:
    """The pupil sends their start (`checkin.submit`) or close (`close.submit`) card."""
    value = {"verb": verb, "day": day.isoformat(), "team": await team_id(room), **fields}
    posted = await room.chat(pupil, locale=locale).submit(value)
    assert posted.status == 200


async def rows(room: Classroom, model: Any, **where: Any) -> list[Any]:
    async with room.bot.db.session() as session:
        query = select(model)
        for column, value in where.items():
            query = query.where(getattr(model, column) == value)
        return list((await session.exec(query)).all())


async def delivered(room: Classroom, prompt: str, to: Member) -> Delivery:
    """The one outbox row of `prompt` to a person (sent, so it has an activity id)."""
    (row,) = await rows(room, Delivery, prompt=prompt, person_id=await person_id(room.bot, to))
    return row


async def tap(chat: Chat, value: dict[str, Any]) -> list[str]:
    """Send a card submit; what the bot answered in this chat."""
    before = len(chat.bot.connector.requests)
    posted = await chat.submit(value)
    assert posted.status == 200
    return chat.replies_since(before)


def actions(card: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """The card's buttons by verb (the "Bekijk" button is a command)."""
    return {a["data"]["verb"]: a["data"] for a in card.get("actions", [])}


async def test_a_close_note_reaches_the_mentor_once_with_mood_and_wish(
    classroom: Classroom,
) -> None:
    room = classroom
    noah = room.pupils[2]
    await room.bot.tick(local(MONDAY, 14, 45))
    (close_card,) = room.connector.cards(room.chat(noah).conversation_id)
    assert "Je mentor en de coördinatoren lezen dit." in card_text(close_card)
    assert "Alleen je mentor" not in card_text(close_card)

    room.bot.clock.set(local(MONDAY, 14, 52))
    for _ in range(2):  # a retried submit sends once
        await answer(room, noah, "close.submit", MONDAY, mood="2", note=NOTE, contact="true")
    await room.bot.tick(local(MONDAY, 14, 53))
    await room.bot.tick(local(MONDAY, 14, 54))

    mentor = room.chat(room.mentor).conversation_id
    assert room.connector.texts(mentor) == []
    (alert,) = room.connector.cards(mentor)
    shown = card_text(alert)
    for words in ("Noah Bakker bij de dagafsluiting", "🙁 Niet zo goed", "💬 ja, graag", NOTE):
        assert words in shown
    assert {"text": NOTE, "type": "TextBlock", "wrap": True, "spacing": "None"} in alert["body"]
    assert list(actions(alert)) == ["alert.pickup", "alert.log", "command"]

    (checkin,) = await rows(room, CheckIn, kind="close")
    (stored,) = await rows(room, PupilAlert)
    assert (stored.kind, stored.source, stored.wants_contact) == (
        "checkin_close",
        f"checkin:{checkin.id}",
        True,
    )
    (row,) = await rows(room, Delivery, prompt="alert")
    assert row.ref == f"checkin:{checkin.id}"
    done = card_text(room.connector.cards(room.chat(noah).conversation_id)[1])
    assert "Je bericht gaat vandaag nog naar je mentor." in done
    assert "Je mentor weet dat je contact wilt" in done
    # nothing about Noah in the class channel, nothing to the coordinator yet
    assert not any("Noah" in t for t in room.connector.texts(room.world.team_id))
    assert room.connector.cards(room.chat(room.coordinator).conversation_id) == []

    # the mentor's own views: the page shows the note, the overview marks it
    chat = room.chat(room.mentor)
    await chat.say("leerling Noah")
    assert NOTE in card_text(room.connector.cards(mentor)[-1])
    await chat.say("leerlingen")
    assert "📝 schreef vandaag een bericht" in card_text(room.connector.cards(mentor)[-1])


async def test_pick_up_tells_the_pupil_and_a_second_tap_says_who(classroom: Classroom) -> None:
    room = classroom
    noah = room.pupils[2]
    await room.bot.tick(local(MONDAY, 9, 0))
    room.bot.clock.set(local(MONDAY, 9, 40))
    await answer(room, noah, "checkin.submit", MONDAY, mood="3", goal1="rekenen", contact="true")
    await room.bot.tick(local(MONDAY, 9, 41))
    row = await delivered(room, "alert", room.mentor)
    mentor = room.chat(room.mentor)
    alert = room.connector.cards(mentor.conversation_id)[-1]

    room.bot.clock.set(local(MONDAY, 10, 12))
    await mentor.submit(actions(alert)["alert.pickup"], reply_to_id=row.activity_id)
    (update,) = room.connector.updates(mentor.conversation_id)
    picked = update["attachments"][0]["content"]
    assert "✅ Opgepakt door Fatima om 10:12" in card_text(picked)
    assert "rekenen" in card_text(picked)
    assert "alert.pickup" not in actions(picked)
    await room.bot.tick(local(MONDAY, 10, 13))
    told = ["Fatima heeft je bericht gezien en neemt contact met je op. 💬"]
    assert room.connector.texts(room.chat(noah).conversation_id) == told

    room.bot.clock.set(local(MONDAY, 10, 30))
    (again,) = await tap(mentor, actions(alert)["alert.pickup"])
    assert again == "Dit is al opgepakt door Fatima om 10:12."
    coordinator = room.chat(room.coordinator)
    (theirs,) = await tap(coordinator, actions(alert)["alert.pickup"])
    assert theirs == "Dit is al opgepakt door Fatima om 10:12."
    await room.bot.tick(local(MONDAY, 10, 31))
    assert room.connector.texts(room.chat(noah).conversation_id) == told
    (stored,) = await rows(room, PupilAlert)
    assert stored.picked_up_by_id == await person_id(room.bot, room.mentor)
    assert stored.picked_up_at == local(MONDAY, 10, 12)
    assert await rows(room, AuditEvent, action="alert.picked_up")


async def test_forged_or_foreign_alerts_are_refused_politely(classroom: Classroom) -> None:
    room = classroom
    noah, daan = room.pupils[2], room.pupils[1]
    await room.bot.tick(local(MONDAY, 9, 0))
    room.bot.clock.set(local(MONDAY, 9, 30))
    await answer(room, noah, "checkin.submit", MONDAY, mood="1")
    (real,) = await rows(room, PupilAlert)
    own = await team_id(room)
    async with room.bot.db.session() as session:
        other_team = Team(
            teams_id="19:andere@thread.tacv2",
            tenant_id=room.world.tenant_id,
            service_url=room.connector.url,
            bot_id=room.world.bot_id,
            general_channel_id="19:andere@thread.tacv2",
        )
        session.add(other_team)
        await session.flush()
        stranger = Person(
            team_id=other_team.id or 0, teams_user_id="29:1x", name="Kim", role="pupil"
        )
        session.add(stranger)
        await session.flush()
        foreign = PupilAlert(
            team_id=other_team.id or 0,
            pupil_id=stranger.id or 0,
            day=MONDAY,
            kind="checkin_start",
            source="checkin:999",
            wants_contact=True,
            created_at=local(MONDAY, 9, 0),
        )
        session.add(foreign)
        await session.flush()
        foreign_id, other_id = foreign.id, other_team.id
    mentor = room.chat(room.mentor)
    for verb in ("alert.pickup", "alert.log", "alert.contact"):
        for alert in (foreign_id, 99999, "1; drop", 0, True, None):
            (reply,) = await tap(mentor, {"verb": verb, "team": own, "alert": alert})
            assert reply.startswith("Deze melding ken ik niet"), (verb, alert)
    (reply,) = await tap(mentor, {"verb": "alert.pickup", "team": other_id, "alert": real.id})
    assert "Ik ken je nog niet in dit team" in reply

    # another mentor of the team, and the pupil, may not pick up Noah's alert
    lotte = room.world.person("lotte", "Lotte Visser")
    room.connector.teams[room.world.team_id].members.append(lotte)
    from tests.support import activities

    await room.bot.post(activities.members_added(room.world, [lotte], room.coordinator))
    await room.chat(room.coordinator).say("rol Lotte mentor")
    (reply,) = await tap(room.chat(lotte), {"verb": "alert.pickup", "team": own, "alert": real.id})
    assert reply.startswith("Noah Bakker is niet jouw leerling")
    (reply,) = await tap(room.chat(daan), {"verb": "alert.pickup", "team": own, "alert": real.id})
    assert "mentoren en coördinatoren" in reply
    assert all(a.picked_up_at is None for a in await rows(room, PupilAlert))


async def test_an_open_wish_goes_to_the_coordinators_after_two_school_hours(
    classroom: Classroom,
) -> None:
    room = classroom
    noah = room.pupils[2]
    await room.bot.tick(local(FRIDAY, 9, 0))
    room.bot.clock.set(local(FRIDAY, 14, 0))
    await answer(room, noah, "checkin.submit", FRIDAY, mood="3", contact="true")
    saturday, sunday = FRIDAY + timedelta(days=1), FRIDAY + timedelta(days=2)
    for moment in (
        local(FRIDAY, 14, 30),
        local(FRIDAY, 15, 30),
        local(FRIDAY, 23, 0),
        local(saturday, 12, 0),
        local(sunday, 20, 0),
        local(NEXT_MONDAY, 9, 0),
        local(NEXT_MONDAY, 10, 14),
    ):
        await room.bot.tick(moment)
        assert await rows(room, Delivery, prompt="alert_escalated") == [], moment
    await room.bot.tick(local(NEXT_MONDAY, 10, 15))
    await room.bot.tick(local(NEXT_MONDAY, 10, 16))
    (row,) = await rows(room, Delivery, prompt="alert_escalated")
    assert row.person_id == await person_id(room.bot, room.coordinator)
    assert row.status == "sent"
    escalated = row.payload["card"]
    assert "⏰ Na 2 schooluren nog niet opgepakt" in card_text(escalated)
    assert "Noah Bakker bij de dagstart" in card_text(escalated)
    (stored,) = await rows(room, PupilAlert)
    assert stored.escalated_at == local(NEXT_MONDAY, 10, 15)

    # the coordinator picks it up from that card; Noah hears it from her
    room.bot.clock.set(local(NEXT_MONDAY, 10, 20))
    coordinator = room.chat(room.coordinator)
    await coordinator.submit(actions(escalated)["alert.pickup"], reply_to_id=row.activity_id)
    (update,) = room.connector.updates(coordinator.conversation_id)
    assert "✅ Opgepakt door Marieke om 10:20" in card_text(update["attachments"][0]["content"])
    await room.bot.tick(local(NEXT_MONDAY, 10, 21))
    told = room.connector.texts(room.chat(noah).conversation_id)
    assert told[-1] == "Marieke heeft je bericht gezien en neemt contact met je op. 💬"


async def test_the_pickup_delay_is_a_team_setting_and_a_pickup_stops_escalation(
    classroom: Classroom,
) -> None:
    room = classroom
    coordinator = room.chat(room.coordinator)
    (reply,) = await coordinator.say("instellingen oppakken 17")
    assert reply.startswith("Niet opgeslagen")
    (reply,) = await coordinator.say("instellingen oppakken 1")
    assert reply.startswith("Opgeslagen")
    assert "na 1 schooluren niet oppakte" in reply
    await coordinator.say("instellingen")
    form = room.connector.cards(coordinator.conversation_id)[-1]
    field = next(b for b in form["body"] if b.get("id") == "contact_pickup_hours")
    assert (field["value"], field["min"], field["max"]) == (1, 1, 16)

    noah, daan = room.pupils[2], room.pupils[1]
    await room.bot.tick(local(MONDAY, 9, 0))
    room.bot.clock.set(local(MONDAY, 9, 10))
    await answer(room, noah, "checkin.submit", MONDAY, mood="4", contact="true")
    await answer(room, daan, "checkin.submit", MONDAY, mood="4", contact="true")
    # Daan's wish is picked up in time: logging the contact from the alert picks it up
    daan_id = await person_id(room.bot, daan)
    (daan_alert,) = await rows(room, PupilAlert, pupil_id=daan_id)
    mentor = room.chat(room.mentor)
    room.bot.clock.set(local(MONDAY, 9, 30))
    await mentor.submit({"verb": "alert.log", "team": await team_id(room), "alert": daan_alert.id})
    form = room.connector.cards(mentor.conversation_id)[-1]
    pupil = next(b for b in form["body"] if b.get("id") == "pupil")
    assert pupil["value"] == str(daan_alert.pupil_id)
    save = actions(form)["alert.contact"]
    await mentor.submit({**save, "pupil": pupil["value"], "kind": "bellen", "minutes": "15"})
    (contact,) = await rows(room, ContactLog)
    assert (contact.kind, contact.minutes, contact.pupil_id) == ("bellen", 15, daan_alert.pupil_id)
    saved = card_text(room.connector.cards(mentor.conversation_id)[-1])
    assert saved.startswith("✅ Gelogd: Daan van der Berg — bellen, 15 min")
    await room.bot.tick(local(MONDAY, 10, 9))
    assert await rows(room, Delivery, prompt="alert_escalated") == []
    await room.bot.tick(local(MONDAY, 10, 10))
    (row,) = await rows(room, Delivery, prompt="alert_escalated")
    assert "Na 1 schooluur nog niet opgepakt" in card_text(row.payload["card"])
    assert "Noah Bakker" in card_text(row.payload["card"])
    picked = {a.pupil_id: a.picked_up_at for a in await rows(room, PupilAlert)}
    assert picked[daan_alert.pupil_id] == local(MONDAY, 9, 30)


async def test_in_english_for_an_english_pupil_and_mentor(classroom: Classroom) -> None:
    room = classroom
    noah = room.pupils[2]
    english_mentor = room.chat(room.mentor, locale="en-US")
    await english_mentor.say("help")
    await room.chat(noah, locale="en-US").say("help")
    await room.bot.tick(local(MONDAY, 14, 45))
    (close_card,) = room.connector.cards(room.chat(noah).conversation_id)
    assert "Your mentor and the coordinators read this." in card_text(close_card)
    assert "I would like to talk to my mentor" in card_text(close_card)
    room.bot.clock.set(local(MONDAY, 14, 50))
    await answer(
        room, noah, "close.submit", MONDAY, locale="en-US", mood="2", note=NOTE, contact="true"
    )
    await room.bot.tick(local(MONDAY, 14, 51))
    row = await delivered(room, "alert", room.mentor)
    alert = row.payload["card"]
    shown = card_text(alert)
    for words in ("Noah Bakker at the day close", "🙁 Not so good", "💬 yes, please", NOTE):
        assert words in shown
    room.bot.clock.set(local(MONDAY, 15, 2))
    await english_mentor.submit(actions(alert)["alert.pickup"], reply_to_id=row.activity_id)
    (update,) = room.connector.updates(english_mentor.conversation_id)
    assert "✅ Picked up by Fatima at 15:02" in card_text(update["attachments"][0]["content"])
    await room.bot.tick(local(MONDAY, 15, 3))
    told = room.connector.texts(room.chat(noah).conversation_id)
    assert told[-1] == "Fatima has seen your message and will get in touch with you. 💬"


async def test_words_of_distress_in_a_check_in_also_go_out_at_once(classroom: Classroom) -> None:
    room = classroom
    noah = room.pupils[2]
    await room.bot.tick(local(MONDAY, 9, 0))
    room.bot.clock.set(local(MONDAY, 14, 50))
    pupil = room.chat(noah)
    before = len(room.connector.requests)
    await answer(room, noah, "close.submit", MONDAY, mood="3", note="ik wil dood")
    assert any("Wat goed dat je dit vertelt" in said for said in pupil.replies_since(before))
    await answer(room, noah, "close.submit", MONDAY, mood="3", note="ik wil dood")  # retried
    await room.bot.tick(local(MONDAY, 14, 51))
    (checkin,) = await rows(room, CheckIn, kind="close")
    kinds = sorted((a.kind, a.source) for a in await rows(room, PupilAlert))
    assert kinds == [
        ("checkin_close", f"checkin:{checkin.id}"),
        ("distress", f"distress:checkin:{checkin.id}"),
    ]
    assert len(await rows(room, Delivery, prompt="distress")) == 2  # the mentor and Marieke
    assert len(await rows(room, Delivery, prompt="alert")) == 1
    # the check-in alert is the mentor's; the coordinators already have the words of distress
    await room.bot.tick(local(MONDAY + timedelta(days=1), 14, 0))
    assert await rows(room, Delivery, prompt="alert_escalated") == []
    mentor = room.chat(room.mentor)
    room.bot.clock.set(local(MONDAY, 15, 0))
    await mentor.say("leerlingen")
    overview = room.connector.cards(mentor.conversation_id)[-1]
    first = next(b for b in overview["body"] if b.get("type") == "Container")
    assert first["items"][0]["text"] == "Noah Bakker"
    assert "🆘" in card_text(first)
