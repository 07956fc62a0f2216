"""The weekly progress talk end to end: logging it with agreements, the pupil's page, the team
setting, the mentor's Monday list, and the signals about talks and the OPP in the digests."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlmodel import select

from storage.models import ContactLog, Delivery, Person, PupilSignal
from tests.conversations.conftest import Classroom, person_id
from tests.conversations.harness import card_text
from tests.conversations.test_daily_rhythm import MONDAY, local
from tests.conversations.test_digests import COORDINATION
from tests.conversations.test_mentors import submits
from tests.conversations.test_settings_and_pause import team_row

AGREED = "elke dag om 10 uur starten"


async def talks(room: Classroom) -> list[ContactLog]:
    async with room.bot.db.session() as session:
        query = select(ContactLog).where(ContactLog.kind == "voortgangsgesprek")
        return list((await session.exec(query.order_by(ContactLog.id))).all())


async def page(room: Classroom, name: str, *, locale: str = "nl-NL") -> str:
    (shown,) = await room.chat(room.mentor, locale=locale).say(f"leerling {name}")
    return shown


async def test_a_talk_with_agreements_shows_on_the_page_until_the_next(
    classroom: Classroom,
) -> None:
    room = classroom
    mentor = room.chat(room.mentor)
    room.bot.clock.set(local(MONDAY, 11))
    (reply,) = await mentor.say(f"log Sanne de Vries voortgangsgesprek 20m afspraken: {AGREED}")
    assert reply.startswith("✅ Gelogd: Sanne de Vries — voortgangsgesprek, 20 min, met afspraken.")
    (talk,) = await talks(room)
    assert (talk.minutes, talk.note, talk.agreements) == (20, None, AGREED)
    shown = await page(room, "Sanne de Vries")
    assert "Voortgangsgesprek\nmaandag 23 november" in shown
    assert f"Afspraken uit het voortgangsgesprek van maandag 23 november\n{AGREED}" in shown
    assert AGREED not in await page(room, "Daan")

    # the next talk replaces them, with or without new agreements
    room.bot.clock.set(local(date(2026, 11, 30), 11))
    (reply,) = await mentor.say("log Sanne de Vries voortgang 15m ging goed")
    assert reply.startswith("✅ Gelogd: Sanne de Vries — voortgangsgesprek, 15 min, met notitie.")
    shown = await page(room, "Sanne de Vries")
    assert "maandag 30 november" in shown and AGREED not in shown

    # from the contact card too; agreements with another kind come back to be fixed
    team = await team_row(room)
    sanne = await person_id(room.bot, room.pupils[0])
    value: dict[str, Any] = {
        "verb": "contact.save",
        "team": team.id,
        "nonce": "card-nonce-0001",
        "pupil": str(sanne),
        "kind": "bellen",
        "minutes": "10",
        "day": "2026-11-30",
        "note": "",
        "agreements": "samen het rooster maken",
    }
    await mentor.submit(value)
    back = room.connector.cards(mentor.conversation_id)[-1]
    assert "Afspraken horen bij een voortgangsgesprek" in card_text(back)
    assert "samen het rooster maken" in card_text(back)  # nothing typed is lost
    assert len(await talks(room)) == 2
    async with room.bot.db.session() as session:
        assert (
            await session.exec(select(ContactLog).where(ContactLog.kind == "bellen"))
        ).all() == []
    await mentor.submit({**value, "kind": "voortgangsgesprek"})
    assert "samen het rooster maken" in await page(room, "Sanne de Vries")

    # a name that fits two pupils keeps the agreements on the buttons
    (choice,) = await mentor.say("log Sanne voortgangsgesprek afspraken: om 9 uur bellen")
    assert "past bij 2 mensen" in choice
    lines = {d["text"] for d in submits(room.connector.cards(mentor.conversation_id)[-1])}
    assert f"log #{sanne} voortgangsgesprek 2026-11-30 afspraken: om 9 uur bellen" in lines


async def test_in_english(classroom: Classroom) -> None:
    room = classroom
    room.bot.clock.set(local(MONDAY, 11))
    mentor = room.chat(room.mentor, locale="en-US")
    (reply,) = await mentor.say("log Daan progress talk 20m agreements: start at ten every day")
    assert reply.startswith(
        "✅ Logged: Daan van der Berg — progress talk, 20 min, with agreements."
    )
    shown = await page(room, "Daan", locale="en-US")
    assert (
        "Agreements from the progress talk of Monday 23 November\nstart at ten every day" in shown
    )


async def test_how_often_is_a_team_setting(classroom: Classroom) -> None:
    room = classroom
    coordinator = room.chat(room.coordinator)
    assert (await team_row(room)).progress_talk_weeks == 1
    assert (await team_row(room)).opp_cycle_weeks == 8
    replies = await coordinator.say("instellingen")
    assert "Voortgangsgesprek met elke leerling elke week (voortgangsgesprek)" in replies[0]
    assert "OPP-evaluatie elke 8 weken" in replies[0]
    (reply,) = await coordinator.say("instellingen voortgangsgesprek elke 2 weken")
    assert reply.startswith("Opgeslagen") and "elke 2 weken (voortgangsgesprek)" in reply
    assert (await team_row(room)).progress_talk_weeks == 2
    for wrong in ("elke 9 weken", "0", "twee", "elke ² weken"):
        (reply,) = await coordinator.say(f"instellingen voortgangsgesprek {wrong}")
        assert reply.startswith("Niet opgeslagen") and "1 tot 8 weken" in reply, wrong
    assert (await team_row(room)).progress_talk_weeks == 2
    (reply,) = await coordinator.say("instellingen opp 6")
    assert reply.startswith("Opgeslagen") and (await team_row(room)).opp_cycle_weeks == 6
    team = await team_row(room)
    card = room.connector.cards(coordinator.conversation_id)[-1]
    (field,) = [b for b in card["body"] if b.get("id") == "progress_talk_weeks"]
    assert (field["value"], field["min"], field["max"]) == (1, 1, 8)
    await coordinator.submit(
        {"verb": "settings.submit", "team": team.id, "progress_talk_weeks": "3"}
    )
    assert (await team_row(room)).progress_talk_weeks == 3
    (reply,) = await room.chat(room.mentor).say("instellingen voortgangsgesprek 1")
    assert "alleen een coördinator" in reply
    english = room.chat(room.coordinator, locale="en-US")
    (reply,) = await english.say("settings progress every 4 weeks")
    assert "Progress talk with each pupil every 4 weeks (progress)" in reply


async def mondays_lists(room: Classroom) -> list[str]:
    return [
        card_text(c)
        for c in room.connector.cards(room.chat(room.mentor).conversation_id)
        if "Voortgangsgesprekken deze week" in card_text(c)
    ]


async def test_the_mentors_monday_list_names_whose_talk_is_due(classroom: Classroom) -> None:
    room = classroom
    mentor = room.chat(room.mentor)
    room.bot.clock.set(local(MONDAY, 11))
    await mentor.say("log Sanne de Vries voortgangsgesprek 20m")
    await mentor.say("pauze Noah tot 11-12")
    room.bot.clock.set(local(date(2026, 11, 30), 8, 30))
    await mentor.say("log Daan voortgangsgesprek 15m")  # this week's talk, before the list
    room.connector.clear()

    await room.bot.tick(local(date(2026, 11, 30), 9, 0))
    await room.bot.tick(local(date(2026, 11, 30), 9, 30))  # once
    (listed,) = await mondays_lists(room)
    assert "Sanne de Vries: vorige op maandag 23 november" in listed
    assert "Sanne Bakker: nog geen voortgangsgesprek gelogd" in listed
    assert "Daan" not in listed and "Noah" not in listed  # talked this week; paused
    assert "elke week" in listed

    await room.bot.tick(local(date(2026, 12, 1), 9, 0))  # a Tuesday: no list
    assert len(await mondays_lists(room)) == 1

    await room.chat(room.coordinator).say("instellingen voortgangsgesprek elke 3 weken")
    await room.bot.tick(local(date(2026, 12, 7), 9, 0))
    (_, listed) = await mondays_lists(room)
    assert "Sanne de Vries" not in listed  # three weeks after 23 November is next week
    assert "Sanne Bakker" in listed and "elke 3 weken" in listed
    async with room.bot.db.session() as session:
        rows = (await session.exec(select(Delivery).where(Delivery.prompt == "talks_due"))).all()
    assert [(r.day, r.status) for r in rows] == [
        (date(2026, 11, 30), "sent"),
        (date(2026, 12, 7), "sent"),
    ]


async def test_no_list_when_every_talk_is_held(classroom: Classroom) -> None:
    room = classroom
    mentor = room.chat(room.mentor)
    room.bot.clock.set(local(date(2026, 11, 30), 8))
    for pupil in ("Sanne de Vries", "Daan", "Noah", "Sanne Bakker"):
        await mentor.say(f"log {pupil} voortgangsgesprek 15m")
    await room.bot.tick(local(date(2026, 11, 30), 9, 0))
    assert await mondays_lists(room) == []


async def test_talks_and_the_opp_raise_signals_in_the_digest(classroom: Classroom) -> None:
    room = classroom
    mentor = room.chat(room.mentor)
    room.bot.clock.set(local(date(2026, 12, 1), 12))
    await mentor.say("log Sanne de Vries voortgangsgesprek 20m")
    await mentor.say("opp Sanne de Vries start 1-12")
    await mentor.say("opp Daan start 1-9-2025")
    await mentor.say("opp Daan geëvalueerd 3-11-2025 met leerling, school")
    await mentor.say("pauze Sanne Bakker tot 18-12")
    noah = await person_id(room.bot, room.pupils[2])
    async with room.bot.db.session() as session:
        person = await session.get(Person, noah)
        assert person is not None
        person.joined_at = local(date(2026, 10, 1), 10)  # joined two months ago
        session.add(person)

    await room.bot.tick(local(date(2026, 12, 7), 15, 15))
    (daily,) = room.connector.cards(COORDINATION)
    text = card_text(daily)
    for line in (
        "2 weken geen voortgangsgesprek, sinds zondag 22 november.",  # Daan, since joining
        "9 weken geen voortgangsgesprek, sinds donderdag 1 oktober.",  # Noah
        "nog geen OPP, 9 weken na de aanmelding (nodig sinds donderdag 12 november).",  # Noah
        "462 dagen geen OPP-evaluatie met de ouders (nodig sinds dinsdag 1 september).",  # Daan
    ):
        assert line in text, line
    async with room.bot.db.session() as session:
        found = {(s.pupil_id, s.kind) for s in (await session.exec(select(PupilSignal))).all()}
    sanne, daan, _, bakker = [await person_id(room.bot, pupil) for pupil in room.pupils]
    assert (daan, "opp_without_parents") in found
    assert (noah, "opp_missing") in found and (daan, "opp_missing") not in found
    assert (daan, "no_progress_talk") in found and (sanne, "no_progress_talk") not in found
    assert not any(pupil == bakker for pupil, _ in found)  # paused: no signals
    alerts = room.connector.texts(mentor.conversation_id)
    assert any(t.startswith("🔔 Signaal over Noah Bakker: nog geen OPP") for t in alerts)

    # an evaluation with the parents and a talk end them
    room.bot.clock.set(local(date(2026, 12, 8), 12))
    await mentor.say("opp Daan geëvalueerd met ouders, school")
    await mentor.say("log Daan voortgangsgesprek 15m")
    await room.bot.tick(local(date(2026, 12, 8), 15, 15))
    async with room.bot.db.session() as session:
        still = {
            (s.pupil_id, s.kind)
            for s in (await session.exec(select(PupilSignal))).all()
            if s.resolved_at is None
        }
    assert (daan, "opp_without_parents") not in still
    assert (daan, "no_progress_talk") not in still
    assert (noah, "opp_missing") in still

    room.bot.clock.set(local(date(2026, 12, 8), 16))
    english = room.chat(room.coordinator, locale="en-US")
    await english.say("digest week")
    week = card_text(room.connector.cards(english.conversation_id)[-1])
    assert "no OPP yet, 9 weeks after joining (due since Thursday 12 November)." in week
