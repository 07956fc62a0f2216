"""A pupil of each age band answers the check-in and the close card end to end, in Dutch and in
English: what they see, what is stored, what they read back and what reaches their mentor."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

import pytest
from sqlmodel import select

from cards.catalogue import Lang, lang_of, t
from domain.age import AgeBand
from domain.feelings import feelings_for
from storage.models import CheckIn, Delivery, Person, PupilAlert
from tests.conversations.conftest import Classroom, person_id
from tests.conversations.harness import card_text
from tests.conversations.test_daily_rhythm import MONDAY, local
from tests.support.connector import Member

FEELINGS = {AgeBand.MIDDEN: ("moe", "trots"), AgeBand.OUD: ("gestrest", "opgelucht")}


def walk(node: Any) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = []
    if isinstance(node, dict):
        found.append(node)
        for value in node.values():
            found += walk(value)
    elif isinstance(node, list):
        for item in node:
            found += walk(item)
    return found


def by_type(card: dict[str, Any], kind: str) -> list[dict[str, Any]]:
    return [n for n in walk(card) if n.get("type") == kind]


def input_of(card: dict[str, Any], input_id: str) -> dict[str, Any]:
    return next(n for n in walk(card) if n.get("id") == input_id and "type" in n)


async def give_band(room: Classroom, pupil: Member, band: AgeBand, locale: str) -> None:
    """Until the band commands exist, a test sets the band (and Teams language) directly."""
    pid = await person_id(room.bot, pupil)
    async with room.bot.db.session() as session:
        person = await session.get(Person, pid)
        assert person is not None
        person.age_band = band.value
        person.locale = locale
        session.add(person)


async def delivery(room: Classroom, pupil: Member, prompt: str) -> Delivery:
    pid = await person_id(room.bot, pupil)
    async with room.bot.db.session() as session:
        query = select(Delivery).where(Delivery.person_id == pid, Delivery.prompt == prompt)
        return (await session.exec(query)).one()


async def stored(room: Classroom, kind: str) -> CheckIn:
    async with room.bot.db.session() as session:
        return (await session.exec(select(CheckIn).where(CheckIn.kind == kind))).one()


def face_submit(card: dict[str, Any], mood: int) -> dict[str, Any]:
    """The data of the face a child taps (Teams adds the card's inputs to it)."""
    (image,) = [i for i in by_type(card, "Image") if i["selectAction"]["data"]["mood"] == str(mood)]
    data: dict[str, Any] = image["selectAction"]["data"]
    return dict(data)


async def fetch_faces(room: Classroom, card: dict[str, Any]) -> None:
    """Every face the card shows is served by the bot, at the public address, cached."""
    images = by_type(card, "Image")
    assert len(images) == 5
    for image in images:
        assert image["url"].startswith(room.bot.settings.public_base + "/images/face-")
        assert image["altText"]
        path = urlsplit(image["url"]).path
        async with room.bot.http.get(room.bot.url + path) as response:
            assert response.status == 200
            assert response.content_type == "image/png"
            assert "max-age=" in response.headers["Cache-Control"]
            etag = response.headers["ETag"]
            assert (await response.read()).startswith(b"\x89PNG")
        async with room.bot.http.get(room.bot.url + path, headers={"If-None-Match": etag}) as again:
            assert again.status == 304
    for other in ("/images/face-9.png", "/images/..%2Fpages%2Fprivacy.md", "/images/"):
        async with room.bot.http.get(room.bot.url + other) as missing:
            assert missing.status == 404


async def start_answer(
    room: Classroom, card: dict[str, Any], band: AgeBand, lang: Lang
) -> dict[str, Any]:
    """Sanne answers the 09:00 card as her band's card lets her: a low mood, and words."""
    if band is AgeBand.JONG:
        assert "actions" not in card
        await fetch_faces(room, card)
        assert [c["value"] for c in input_of(card, "goals")["choices"]][:2] == ["lezen", "rekenen"]
        note = "Slecht geslapen, vanmiddag naar de dokter" if lang == "nl" else "Slept badly"
        return {**face_submit(card, 2), "goals": "tekenen,lezen", "note": note, "contact": "false"}
    feeling = input_of(card, "feeling")
    assert [c["value"] for c in feeling["choices"]] == list(feelings_for(band))
    assert input_of(card, "goal1")["placeholder"] == t(
        f"checkin.goal_placeholder.{band.value}.1", lang
    )
    return {
        **card["actions"][0]["data"],
        "mood": "2",
        "feeling": FEELINGS[band][0],
        "goal1": "wiskunde" if band is AgeBand.OUD else "rekenen",
        "goal2": "",
        "goal3": "",
        "energy": "",
        "contact": "false",
    }


async def close_answer(card: dict[str, Any], band: AgeBand) -> dict[str, Any]:
    if band is AgeBand.JONG:
        done = input_of(card, "done")
        assert [c["value"] for c in done["choices"]] == ["1", "2"]
        return {**face_submit(card, 4), "done": "2", "note": "", "contact": "false"}
    statuses = [c["value"] for c in input_of(card, "goal1")["choices"]]
    assert statuses == ["done", "partly", "not"]
    return {
        **card["actions"][0]["data"],
        "mood": "4",
        "feeling": FEELINGS[band][1],
        "goal1": "not",
        "note": "",
        "contact": "false",
    }


@pytest.mark.parametrize("locale", ["nl-NL", "en-US"])
@pytest.mark.parametrize("band", list(AgeBand))
async def test_a_pupil_of_each_band_answers_both_cards(
    classroom: Classroom, band: AgeBand, locale: str
) -> None:
    room = classroom
    lang = lang_of(locale)
    sanne = room.pupils[0]
    await give_band(room, sanne, band, locale)
    chat = room.chat(sanne, locale=locale)

    await room.bot.tick(local(MONDAY, 9, 0))
    (card,) = room.connector.cards(chat.conversation_id)
    room.connector.clear()  # (the mentor's list of progress talks due this week)
    assert t("checkin.title", lang, name="Sanne") == card["body"][0]["text"]
    value = await start_answer(room, card, band, lang)
    room.bot.clock.set(local(MONDAY, 9, 5))
    row = await delivery(room, sanne, "checkin_start")
    assert (await chat.submit(value, reply_to_id=row.activity_id)).status == 200

    start = await stored(room, "start")
    assert start.mood == 2
    if band is AgeBand.JONG:
        reading = t("goal.picture.lezen", lang)
        drawing = t("goal.picture.tekenen", lang)
        assert start.goals == [f"📖 {reading}", f"🖍️ {drawing}"]
        assert start.note == value["note"] and start.feeling is None
    else:
        assert start.feeling == FEELINGS[band][0]
        assert start.note is None and len(start.goals) == 1
    (done,) = room.connector.updates(chat.conversation_id)
    shown = card_text(done["attachments"][0]["content"])
    assert t("followup.2", lang) in shown
    assert t("followup.reader.mentor", lang) in shown  # Fatima is her mentor and gets the alert
    if band is AgeBand.JONG:
        (face,) = by_type(done["attachments"][0]["content"], "Image")
        assert face["url"].endswith("/images/face-2.png")
        assert t("young.note_received", lang) in shown
    else:
        feeling = t(f"feeling.{FEELINGS[band][0]}", lang)
        assert f"🙁 {t('mood.2', lang)} · {feeling}" in shown

    # the low mood (and the parent's note) reach the mentor, in the mentor's language
    await room.bot.tick(local(MONDAY, 9, 6))
    (alert,) = room.connector.cards(room.chat(room.mentor).conversation_id)
    alerted = card_text(alert)
    assert "🙁 Niet zo goed" in alerted
    if band is AgeBand.JONG:
        assert value["note"] in alerted
        mentor = room.chat(room.mentor)
        await mentor.say("leerlingen")
        listing = card_text(room.connector.cards(mentor.conversation_id)[-1])
        assert "📝 schreef vandaag een bericht" in listing
    else:
        assert f"🙁 Niet zo goed · {FEELINGS[band][0]}" in alerted

    room.connector.clear()
    await room.bot.tick(local(MONDAY, 14, 45))
    (close,) = room.connector.cards(chat.conversation_id)
    assert t("close.title", lang, name="Sanne") == close["body"][0]["text"]
    value = await close_answer(close, band)
    row = await delivery(room, sanne, "checkin_close")
    room.bot.clock.set(local(MONDAY, 14, 50))
    assert (await chat.submit(value, reply_to_id=row.activity_id)).status == 200

    end = await stored(room, "close")
    assert end.mood == 4 and end.goals == start.goals
    (done,) = room.connector.updates(chat.conversation_id)
    shown = card_text(done["attachments"][0]["content"])
    assert t("followup.4", lang) in shown
    if band is AgeBand.JONG:
        assert end.goal_status == [None, "done"]
        assert start.goals[1] in shown and start.goals[0] not in shown  # only what went well
    else:
        assert end.goal_status == ["not"] and end.feeling == FEELINGS[band][1]
        assert f"🌱 {t('close.status.not', lang)}" in shown
        assert "❌" not in shown


async def test_a_feeling_outside_the_pupils_band_is_refused_and_nothing_stored(
    classroom: Classroom,
) -> None:
    room = classroom
    sanne = room.pupils[0]
    await give_band(room, sanne, AgeBand.MIDDEN, "nl-NL")
    await room.bot.tick(local(MONDAY, 9, 0))
    (card,) = room.connector.cards(room.chat(sanne).conversation_id)
    value = {**card["actions"][0]["data"], "mood": "3", "feeling": "gestrest"}  # an "oud" word
    room.bot.clock.set(local(MONDAY, 9, 5))
    before = len(room.connector.requests)
    assert (await room.chat(sanne).submit(value)).status == 200
    assert room.chat(sanne).replies_since(before) == [t("rhythm.submit.invalid", "nl")]
    async with room.bot.db.session() as session:
        assert (await session.exec(select(CheckIn))).all() == []


async def test_a_parents_words_of_distress_reach_the_staff_at_once(classroom: Classroom) -> None:
    room = classroom
    sanne = room.pupils[0]
    await give_band(room, sanne, AgeBand.JONG, "nl-NL")
    await room.bot.tick(local(MONDAY, 9, 0))
    (card,) = room.connector.cards(room.chat(sanne).conversation_id)
    note = "Ze zei gisteren: ik wil dood"
    room.bot.clock.set(local(MONDAY, 9, 5))
    before = len(room.connector.requests)
    await room.chat(sanne).submit({**face_submit(card, 3), "note": note})
    replies = room.chat(sanne).replies_since(before)
    assert t("distress.pupil_reply", "nl") in replies
    async with room.bot.db.session() as session:
        kinds = {a.kind for a in (await session.exec(select(PupilAlert))).all()}
    assert kinds == {"distress", "checkin_start"}


async def test_the_mentor_sees_the_named_feelings_on_the_pupils_page(classroom: Classroom) -> None:
    room = classroom
    sanne = room.pupils[0]
    await give_band(room, sanne, AgeBand.OUD, "nl-NL")
    await room.bot.tick(local(MONDAY, 9, 0))
    (card,) = room.connector.cards(room.chat(sanne).conversation_id)
    room.bot.clock.set(local(MONDAY, 9, 5))
    await room.chat(sanne).submit({**card["actions"][0]["data"], "mood": "3", "feeling": "onzeker"})
    room.bot.clock.set(local(MONDAY, 14, 50))
    await room.chat(sanne).submit(
        {**card["actions"][0]["data"], "verb": "close.submit", "mood": "4", "feeling": "opgelucht"}
    )
    mentor = room.chat(room.mentor)
    await mentor.say(f"leerling #{await person_id(room.bot, sanne)}")
    page = card_text(room.connector.cards(mentor.conversation_id)[-1])
    assert "Genoemde gevoelens: onzeker (1), opgelucht (1)" in page
    await mentor.say("leerlingen")
    overview = card_text(room.connector.cards(mentor.conversation_id)[-1])
    # mid-sentence, the mood word is in lower case
    assert "😐 gaat wel · onzeker" in overview
    assert "Dagafsluiting: 🙂 goed · opgelucht" in overview
