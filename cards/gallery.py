"""Every card a pupil can see, in every age band and both languages: for rendering tests and
for reviewing the wording in one place."""

from __future__ import annotations

from datetime import date
from typing import Any

from cards.catalogue import Lang, t
from cards.checkin import checkin_card, close_card, expired_card
from cards.checkin_answers import picture_goal
from cards.common import choice_buttons_card
from cards.confirmations import checkin_done_card, close_done_card
from cards.faces import with_public_images
from cards.voice import not_sent_card, offer_card, sent_card
from cards.week import my_week_card_variants, with_week_button
from domain.age import AgeBand
from domain.feelings import PICTURE_GOALS

DAY = date(2026, 11, 23)
LOCAL_URL = "http://127.0.0.1:3978"  # where `make run` serves the pictures
TYPED_GOALS = {
    AgeBand.MIDDEN: ["Rekenen: les 4 van blok 2", "20 minuten lezen in mijn boek"],
    AgeBand.OUD: ["Wiskunde H3 §2 afmaken", "Engelse woordjes leren voor de toets van vrijdag"],
}
FEELING = {AgeBand.JONG: None, AgeBand.MIDDEN: "trots", AgeBand.OUD: "gestrest"}
TEAM_REF = 7
MENTOR = "Fatima"
WORDS: dict[Lang, str] = {
    "nl": (
        "Ik vind de breuken van rekenen heel moeilijk en ik snap de uitleg in het filmpje niet. "
        "Kunnen we morgen samen een paar sommen doen?"
    ),
    "en": (
        "I find the fractions in maths really hard and I don't understand the video. "
        "Could we do a few sums together tomorrow?"
    ),
}


def _goals(band: AgeBand, lang: Lang) -> list[str]:
    if band is AgeBand.JONG:
        return [picture_goal(key, emoji, lang) for key, emoji in PICTURE_GOALS[:3]]
    return TYPED_GOALS[band]


def _questions(band: AgeBand, lang: Lang) -> list[tuple[str, dict[str, Any]]]:
    name = "Sanne"
    goals = _goals(band, lang)
    return [
        (
            "checkin",
            checkin_card(lang=lang, first_name=name, day=DAY, team_ref=TEAM_REF, band=band),
        ),
        (
            "close_goals",
            close_card(
                lang=lang, first_name=name, day=DAY, team_ref=TEAM_REF, goals=goals, band=band
            ),
        ),
        (
            "close_no_goals",
            close_card(lang=lang, first_name=name, day=DAY, team_ref=TEAM_REF, goals=[], band=band),
        ),
    ]


def _confirmations(band: AgeBand, lang: Lang) -> list[tuple[str, dict[str, Any]]]:
    goals = _goals(band, lang)
    feeling = FEELING[band]
    return [
        (
            "checkin_done",
            checkin_done_card(
                lang=lang,
                day=DAY,
                mood=4,
                energy=None if band is AgeBand.JONG else 2,
                goals=goals,
                wants_contact=False,
                feeling=feeling,
                note_given=band is AgeBand.JONG,
                band=band,
            ),
        ),
        (
            "checkin_done_low",
            checkin_done_card(
                lang=lang,
                day=DAY,
                mood=1,
                energy=None,
                goals=[],
                wants_contact=True,
                feeling=None if band is AgeBand.JONG else "verdrietig",
                band=band,
                reader="mentor",
            ),
        ),
        (
            "close_done",
            close_done_card(
                lang=lang,
                day=DAY,
                mood=2,
                goals=goals,
                goal_status=["done", "not"] if band is not AgeBand.JONG else ["done", None, "done"],
                note_given=True,
                wants_contact=True,
                feeling=feeling,
                band=band,
                reader="school",
            ),
        ),
    ]


def pupil_card_variants(public_url: str = LOCAL_URL) -> list[tuple[str, dict[str, Any]]]:
    """(name, card JSON) of every pupil-facing card: each band's check-in, close with and
    without goals and confirmations (the week's last one offering the week), the expired card,
    the pupil's week, and what a pupil gets when writing to the bot, in Dutch and English, with
    the pictures' addresses as Teams gets them."""
    found: list[tuple[str, dict[str, Any]]] = []
    langs: tuple[Lang, ...] = ("nl", "en")
    for lang in langs:
        for band in AgeBand:
            for name, card in _questions(band, lang) + _confirmations(band, lang):
                found.append((f"{name}_{band.value}_{lang}", with_public_images(card, public_url)))
            last = dict(_confirmations(band, lang))["close_done"]
            friday = with_week_button(last, lang=lang, team_ref=TEAM_REF)
            friday = with_public_images(friday, public_url)
            found.append((f"close_done_friday_{band.value}_{lang}", friday))
        found.append((f"expired_{lang}", expired_card(lang=lang, day=DAY)))
        found.extend((f"{name}_{lang}", card) for name, card in _voice_cards(lang))
    found.extend(my_week_card_variants())
    return found


def _voice_cards(lang: Lang) -> list[tuple[str, dict[str, Any]]]:
    """What a pupil gets when they write to the bot: the offer to pass it on, and its answers."""
    words = WORDS[lang]
    typo, command = ("incheken", "inchecken") if lang == "nl" else ("chekin", "checkin")
    suggestion = t("command.unknown_suggest", lang, word=typo, guess=command)
    return [
        (
            "voice_offer",
            offer_card(lang=lang, to=MENTOR, words=words, team_ref=TEAM_REF, ref="1:1"),
        ),
        ("voice_sent", sent_card(lang=lang, to=MENTOR, words=words)),
        ("voice_not_sent", not_sent_card(lang=lang)),
        ("did_you_mean", choice_buttons_card(title=suggestion, buttons=[(command, command)])),
    ]
