"""Bad numbers get a clear answer, never a 500: Unicode digits, huge numbers, forged team ids."""

from __future__ import annotations

import logging
from datetime import timedelta
from typing import Any

import pytest
from sqlmodel import select

from cards import catalogue
from storage.models import CheckIn, ContactLog, Team
from tests.cards.test_cards import walk
from tests.conversations.conftest import Classroom, person_id
from tests.conversations.test_daily_rhythm import MONDAY, local, stored_checkins
from tests.support import activities


@pytest.fixture
def errors(caplog: pytest.LogCaptureFixture) -> pytest.LogCaptureFixture:
    """The test's log (a bug caught by a turn's last resort shows there as an error)."""
    caplog.set_level(logging.DEBUG)
    return caplog


def no_errors(log: pytest.LogCaptureFixture) -> None:
    """Nothing went wrong inside: no 500, and no error the handler caught and apologised for."""
    found = [f"{r.name}: {r.getMessage()}" for r in log.records if r.levelno >= logging.ERROR]
    assert found == []


async def contacts_stored(room: Classroom) -> list[ContactLog]:
    async with room.bot.db.session() as session:
        return list((await session.exec(select(ContactLog))).all())


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("log Sanne de Vries bellen 99999999999u", "Zo lang kan een contact niet duren"),
        ("log Sanne de Vries bellen 800m", "Zo lang kan een contact niet duren"),
        ("log Sanne de Vries bellen 0m", "Zo lang kan een contact niet duren"),
        ("log Sanne de Vries bellen 13 uur", "Zo lang kan een contact niet duren"),
        ("log Sanne de Vries bellen " + "9" * 900 + "m", "Zo lang kan een contact niet duren"),
        ("log Sanne de Vries bellen ²u", "Zo lang kan een contact niet duren"),
        ("log Sanne de Vries bellen ٣٠ min", "Zo lang kan een contact niet duren"),
        ("contacten Sanne de Vries ²", "Ik vind niemand die 'Sanne de Vries ²'"),
        ("contacten Sanne de Vries ٣", "Ik vind niemand"),
        ("leerling #²", "Ik vind niemand die"),
        ("leerling #５", "Ik vind niemand"),
        ("leerling #" + "9" * 30, "Ik vind niemand"),
        ("leerling #" + "9" * 5000, "Ik vind niemand"),
        ("opp Sanne de Vries start 1-9 elke ٣ weken", "De cyclus moet tussen 1 en 52 weken"),
        ("opp Sanne de Vries start 1-9 elke 99999999999 weken", "De cyclus moet tussen 1"),
        ("opp Sanne de Vries start 1-1-2999", "Die datum kan ik niet lezen"),
        ("opp Sanne de Vries start ３-9", "Die datum kan ik niet lezen"),
        ("pauze Sanne de Vries tot 1-1-2999", "kan ik niet als datum lezen"),
        ("pauze Sanne de Vries tot ²-12", "kan ik niet als datum lezen"),
    ],
)
async def test_mentor_commands_with_odd_numbers(
    classroom: Classroom, errors: pytest.LogCaptureFixture, line: str, expected: str
) -> None:
    chat = classroom.chat(classroom.mentor)
    replies = await chat.say(line)
    no_errors(errors)
    assert any(expected in reply for reply in replies), replies
    assert await contacts_stored(classroom) == []


async def test_a_date_in_other_digits_is_part_of_the_note(
    classroom: Classroom, errors: pytest.LogCaptureFixture
) -> None:
    await classroom.chat(classroom.mentor).say("log Sanne de Vries bellen 15m ٣-11")
    (stored,) = await contacts_stored(classroom)
    assert (stored.minutes, stored.day, stored.note) == (15, MONDAY - timedelta(days=1), "٣-11")
    no_errors(errors)


async def test_a_huge_count_of_contacts_is_capped(
    classroom: Classroom, errors: pytest.LogCaptureFixture
) -> None:
    chat = classroom.chat(classroom.mentor)
    await chat.say("log Sanne de Vries bellen 15m")
    for count in ("500", "9" * 5000, "0"):
        replies = await chat.say(f"contacten Sanne de Vries {count}")
        assert any("bellen" in reply for reply in replies), replies
    no_errors(errors)


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("opp", "²"),
        ("opp", "٣"),
        ("opp", "99999999999"),
        ("opp", "9" * 5000),
        ("drempelstemming", "1e309"),
        ("drempelstemming", "nan"),
        ("drempelstemming", "١٫٥"),
        ("drempelcheckin", "²"),
        ("drempelcheckin", "1_0"),
        ("vrij", "1-1-2999"),
        ("start", "９:00"),
    ],
)
async def test_settings_with_odd_numbers_are_refused(
    classroom: Classroom, errors: pytest.LogCaptureFixture, field: str, value: str
) -> None:
    replies = await classroom.chat(classroom.coordinator).say(f"instellingen {field} {value}")
    assert any("Niet opgeslagen" in reply for reply in replies), replies
    no_errors(errors)


@pytest.mark.parametrize(
    "mood", ["²", "٣", "５", "99999999999", "9" * 5000, 10**30, -1, 3.5, True, "3²", " "]
)
async def test_a_checkin_with_an_odd_mood_stores_nothing(
    classroom: Classroom, errors: pytest.LogCaptureFixture, mood: Any
) -> None:
    await classroom.bot.tick(local(MONDAY, 9, 0))
    team_id = await _team_id(classroom)
    chat = classroom.chat(classroom.pupils[0])
    value = {"verb": "checkin.submit", "day": MONDAY.isoformat(), "team": team_id, "mood": mood}
    before = len(classroom.connector.requests)
    posted = await chat.submit(value)
    assert posted.status < 500
    assert any("kan ik niet opslaan" in reply for reply in chat.replies_since(before))
    assert await stored_checkins(classroom) == []
    no_errors(errors)


@pytest.mark.parametrize("team", ["²", "٣", "-1", -1, 10**30, "9" * 5000, 2**31, "abc", None])
async def test_a_forged_team_in_a_submit_is_no_error(
    classroom: Classroom, errors: pytest.LogCaptureFixture, team: Any
) -> None:
    """A team id that is no number of ours finds no team of the pupil's: a polite answer."""
    await classroom.bot.tick(local(MONDAY, 9, 0))
    chat = classroom.chat(classroom.pupils[0])
    value = {"verb": "checkin.submit", "day": MONDAY.isoformat(), "team": team, "mood": "3"}
    before = len(classroom.connector.requests)
    posted = await chat.submit(value)
    assert posted.status < 500
    assert chat.replies_since(before)
    no_errors(errors)
    for check in await stored_checkins(classroom):
        assert check.mood == 3 and check.day == MONDAY


@pytest.mark.parametrize(
    "value",
    [
        {"verb": "contact.save", "pupil": "²", "kind": "bellen", "nonce": "x" * 20},
        {"verb": "contact.save", "pupil": 10**30, "kind": "bellen", "nonce": "x" * 20},
        {"verb": "contact.save", "pupil": "3", "kind": "bellen", "minutes": "٣٠"},
        {"verb": "contact.save", "pupil": "3", "kind": "bellen", "minutes": 10**30},
        {"verb": "contact.save", "pupil": "3", "kind": ["bellen"], "nonce": "x" * 20},
        {"verb": "contact.save", "pupil": "3", "kind": "bellen", "day": "２０２６-11-23"},
        {"verb": "contact.undo", "contact": "²"},
        {"verb": "contact.undo", "contact": 10**30},
        {"verb": "contact.delete", "contact": 2**31},
        {"verb": "contact.edit", "contact": "9" * 5000},
        {"verb": "opp.record", "pupil": "²", "day": "2026-11-23", "nonce": "x" * 20},
        {"verb": "opp.record", "pupil": 10**30, "day": "2026-11-23", "nonce": "x" * 20},
    ],
)
async def test_staff_card_submits_with_odd_numbers_store_nothing(
    classroom: Classroom, errors: pytest.LogCaptureFixture, value: dict[str, Any]
) -> None:
    chat = classroom.chat(classroom.mentor)
    before = len(classroom.connector.requests)
    posted = await chat.submit(value)
    assert posted.status < 500
    assert chat.replies_since(before)
    assert await contacts_stored(classroom) == []
    no_errors(errors)


PUPIL, TEAM = "<pupil>", "<team>"  # stand for Sanne's id and the team's, filled in by the test
CONTACT = {"verb": "contact.save", "team": TEAM, "nonce": "n" * 32, "pupil": PUPIL}
SAVE = {**CONTACT, "kind": "bellen"}
RECORD = {"verb": "opp.record", "team": TEAM, "pupil": PUPIL, "nonce": "n" * 32}


@pytest.mark.parametrize(
    ("value", "answer"),
    [
        ({**SAVE, "pupil": "²"}, "contact.problem.invalid"),
        ({**SAVE, "pupil": None}, "contact.problem.invalid"),
        ({**SAVE, "pupil": 99999}, "contact.problem.invalid"),
        ({**CONTACT, "kind": "feest"}, "contact.problem.invalid"),
        (CONTACT, "contact.problem.invalid"),
        ({**SAVE, "minutes": "٣٠"}, "contact.problem.invalid"),
        ({**SAVE, "minutes": 0}, "contact.problem.invalid"),
        ({**SAVE, "day": "morgen"}, "contact.problem.invalid"),
        ({**SAVE, "day": "2999-01-01"}, "contact.problem.invalid"),
        ({**SAVE, "day": "2000-01-01"}, "contact.problem.invalid"),
        ({**SAVE, "note": 5}, "contact.problem.invalid"),
        ({**SAVE, "note": "x" * 1001}, "contact.problem.invalid"),
        ({**SAVE, "agreements": ["afspraak"]}, "contact.problem.invalid"),
        ({**SAVE, "nonce": "kort"}, "contact.problem.invalid"),
        ({k: v for k, v in SAVE.items() if k != "nonce"}, "contact.problem.invalid"),
        ({"verb": "contact.open", "team": TEAM, "pupil": "²"}, "contact.pupil_unknown"),
        ({"verb": "contact.open", "team": TEAM}, "contact.pupil_unknown"),
        ({"verb": "contact.open", "team": TEAM, "pupil": 99999}, "contact.pupil_unknown"),
        ({"verb": "pupil.open", "team": TEAM, "pupil": [1]}, "contact.pupil_unknown"),
        ({"verb": "pupil.open", "team": TEAM}, "contact.pupil_unknown"),
        ({"verb": "opp.report", "team": TEAM, "pupil": "٣"}, "opp.report.unknown_pupil"),
        ({"verb": "opp.report", "team": TEAM, "pupil": 99999}, "opp.report.unknown_pupil"),
        ({**RECORD, "day": "2026-11-23", "pupil": "²"}, "opp.problem.invalid"),
        (RECORD, "opp.problem.invalid"),
        ({**RECORD, "day": "morgen"}, "opp.problem.invalid"),
        ({**RECORD, "day": "2999-01-01"}, "opp.problem.invalid"),
        ({**RECORD, "day": "2026-11-23", "participants": "x,ouders"}, "opp.problem.invalid"),
        ({**RECORD, "day": "2026-11-23", "participants": ["ouders"]}, "opp.problem.invalid"),
        ({**RECORD, "day": "2026-11-23", "note": {"a": 1}}, "opp.problem.invalid"),
        ({**RECORD, "day": "2026-11-23", "nonce": 12345678}, "opp.problem.invalid"),
        ({"verb": "alert.pickup", "team": TEAM, "alert": "x"}, "alert.unknown"),
        ({"verb": "alert.log", "team": TEAM}, "alert.unknown"),
        ({"verb": "command", "team": TEAM}, "card.unknown"),
        ({"verb": "command", "text": "   "}, "card.unknown"),
        ({"verb": "command", "text": ["hulp"]}, "card.unknown"),
        ({"verb": "command", "text": "hulp " + "x" * 300}, "card.unknown"),
    ],
)
async def test_a_staff_submit_its_card_could_not_send_gets_the_usual_answer(
    classroom: Classroom, errors: pytest.LogCaptureFixture, value: dict[str, Any], answer: str
) -> None:
    room = classroom
    room.bot.clock.set(local(MONDAY, 11))
    ids = {PUPIL: str(await person_id(room.bot, room.pupils[0])), TEAM: await _team_id(room)}
    chat = room.chat(room.mentor)
    before = len(room.connector.requests)
    filled = {key: ids.get(v, v) if isinstance(v, str) else v for key, v in value.items()}
    posted = await chat.submit(filled)
    assert posted.status == 200
    assert chat.replies_since(before) == [catalogue.t(answer, "nl")]
    assert await contacts_stored(room) == []
    no_errors(errors)


@pytest.mark.parametrize(
    ("person", "answer"), [("²", "card.unknown"), (None, "card.unknown"), (99999, "wis.gone")]
)
async def test_an_erasure_of_no_one_erases_nothing(
    classroom: Classroom, errors: pytest.LogCaptureFixture, person: Any, answer: str
) -> None:
    chat = classroom.chat(classroom.coordinator)
    value = {"verb": "erase.confirm", "team": await _team_id(classroom), "person": person}
    before = len(classroom.connector.requests)
    assert (await chat.submit(value)).status == 200
    assert chat.replies_since(before) == [catalogue.t(answer, "nl")]
    no_errors(errors)


async def test_a_name_that_fits_two_in_a_long_line_offers_no_button_that_cannot_run(
    classroom: Classroom, errors: pytest.LogCaptureFixture
) -> None:
    """A command button carries at most 300 characters: longer lines get no button."""
    room = classroom
    room.bot.clock.set(local(MONDAY, 11))
    chat = room.chat(room.mentor)
    (question,) = await chat.say("log Sanne bellen 15m " + "het ging goed " * 30)
    assert "past bij 2 mensen" in question
    sent = room.connector.cards(chat.conversation_id)[-1]
    assert [n for n in walk(sent) if n.get("type") == "Action.Submit"] == []
    assert await contacts_stored(room) == []
    no_errors(errors)


async def test_a_missing_catalogue_key_does_not_break_help(
    classroom: Classroom, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    """`hulp` still answers when a sentence is missing; the log names the key, nothing else."""
    complete = catalogue.catalogue()
    gaps = {k: v for k, v in complete.items() if not k.startswith(("help.", "role."))}
    gaps["help.intro"] = {"en": complete["help.intro"]["en"]}  # Dutch missing
    monkeypatch.setattr(catalogue, "catalogue", lambda: gaps)
    caplog.set_level(logging.DEBUG)
    replies = await classroom.chat(classroom.mentor).say("hulp")
    assert replies and "role.mentor" in replies[0]  # the key stands in for a missing sentence
    assert complete["help.intro"]["en"].split("{")[0] in replies[0]  # the other language's text
    missing = [r.getMessage() for r in caplog.records if r.name == "cards.catalogue"]
    assert missing and all("help." in m or "role." in m for m in missing)
    assert [r for r in caplog.records if r.levelno >= logging.ERROR] == []


async def _team_id(room: Classroom) -> int:
    async with room.bot.db.session() as session:
        team = (await session.exec(select(Team))).one()
        assert team.id is not None
        return team.id


async def test_checkins_are_still_stored_for_good_input(classroom: Classroom) -> None:
    """The stricter reading still takes what the card sends."""
    await classroom.bot.tick(local(MONDAY, 9, 0))
    team_id = await _team_id(classroom)
    chat = classroom.chat(classroom.pupils[0])
    value = {"verb": "checkin.submit", "day": MONDAY.isoformat(), "team": team_id, "mood": " 4 "}
    assert (await chat.submit({**value, "energy": "2"})).status == 200
    (stored,) = await stored_checkins(classroom)
    assert isinstance(stored, CheckIn) and stored.mood == 4 and stored.energy == 2


async def test_notes_with_control_characters_are_saved_without_them(
    classroom: Classroom, errors: pytest.LogCaptureFixture
) -> None:
    await classroom.bot.tick(local(MONDAY, 9, 0))
    mentor = classroom.chat(classroom.mentor)
    await mentor.say("log Sanne de Vries bellen 15m gaat\x1b beter")
    (contact,) = await contacts_stored(classroom)
    assert contact.note == "gaat beter"
    team_id = await _team_id(classroom)
    pupil = classroom.chat(classroom.pupils[0])
    value = {"verb": "checkin.submit", "day": MONDAY.isoformat(), "team": team_id, "mood": "4"}
    posted = await pupil.submit({**value, "goal1": "re\x1bkenen"})
    assert posted.status == 200
    (stored,) = await stored_checkins(classroom)
    assert stored.goals == ["rekenen"]
    no_errors(errors)


@pytest.mark.parametrize("odd", ["\x00", "\ud800"])
async def test_text_no_database_can_store_is_refused_whole(
    classroom: Classroom, errors: pytest.LogCaptureFixture, odd: str
) -> None:
    """NUL or half a surrogate pair (Teams never sends them): 400, and nothing is stored."""
    await classroom.bot.tick(local(MONDAY, 9, 0))
    team_id = await _team_id(classroom)
    message = activities.personal_message(
        classroom.world, classroom.mentor, f"log Sanne de Vries bellen 15m gaat{odd} beter"
    )
    assert (await classroom.bot.post(message)).status == 400
    value = {"verb": "checkin.submit", "day": MONDAY.isoformat(), "team": team_id, "mood": "4"}
    submit = activities.personal_message(
        classroom.world, classroom.pupils[0], "", value={**value, "goal1": f"re{odd}kenen"}
    )
    assert (await classroom.bot.post(submit)).status == 400
    assert await contacts_stored(classroom) == []
    assert await stored_checkins(classroom) == []
    no_errors(errors)


@pytest.mark.parametrize("person", ["²", "٣", "9" * 5000, 10**30, 2**31, -1])
async def test_a_forged_person_in_an_erasure_is_no_error(
    classroom: Classroom, errors: pytest.LogCaptureFixture, person: Any
) -> None:
    """(Needs the ASCII-digit reading in dialogs/commands/privacy.py `erase_confirmed`.)"""
    team_id = await _team_id(classroom)
    chat = classroom.chat(classroom.coordinator)
    before = len(classroom.connector.requests)
    posted = await chat.submit({"verb": "erase.confirm", "team": team_id, "person": person})
    assert posted.status < 500
    assert chat.replies_since(before)
    no_errors(errors)


@pytest.mark.parametrize("odd", ["\x00", "\ud800"])
async def test_ids_and_locales_no_database_stores_are_refused(
    classroom: Classroom, errors: pytest.LogCaptureFixture, odd: str
) -> None:
    """(Needs the boundary to refuse such a body: see domain.text.holds_unstorable.)"""
    room = classroom
    removed = activities.members_removed(room.world, [room.pupils[0]], room.coordinator)
    removed["membersRemoved"] = [{"id": f"29:1x{odd}"}]
    message = activities.personal_message(room.world, room.pupils[0], "hulp")
    message["from"]["id"] += odd
    localized = activities.personal_message(room.world, room.pupils[1], "hulp")
    localized["locale"] = f"nl-NL{odd}"  # stored as the person's locale
    for body in (removed, message, localized):
        posted = await room.bot.post(body)
        assert posted.status < 500
    no_errors(errors)
