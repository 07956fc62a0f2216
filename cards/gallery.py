"""Every card a pupil can get, filled in as on a real school day: for tests that look at them all.

Each variant is a (name, card JSON) pair, in Dutch and in English. The content is what makes a
card long or wide on a phone: three goals of a realistic length, the wish for contact, a note, a
message of a few lines to pass on to the mentor.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from cards.catalogue import Lang, t
from cards.common import choice_buttons_card
from cards.rhythm import (
    MAX_GOALS,
    checkin_card,
    checkin_done_card,
    close_card,
    close_done_card,
    expired_card,
)
from cards.voice import not_sent_card, offer_card, sent_card

# A Monday in term time.
DAY = date(2026, 11, 23)
FIRST_NAME = "Sanne"
TEAM_REF = 1
GOALS: dict[Lang, tuple[str, ...]] = {
    "nl": (
        "Rekenen blz. 12 en 13",
        "Een hoofdstuk lezen in mijn boek over de ruimte",
        "Een wandeling maken met de hond",
    ),
    "en": (
        "Maths pages 12 and 13",
        "Read a chapter of my book about space",
        "Go for a walk with the dog",
    ),
}
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


def pupil_card_variants() -> list[tuple[str, dict[str, Any]]]:
    """Every pupil card (check-in, close, confirmations, passing words on) in both languages."""
    variants: list[tuple[str, dict[str, Any]]] = []
    for lang in ("nl", "en"):
        variants.extend((f"{name}_{lang}", card) for name, card in _day_cards(lang))
        variants.extend((f"{name}_{lang}", card) for name, card in _voice_cards(lang))
    return variants


def _day_cards(lang: Lang) -> list[tuple[str, dict[str, Any]]]:
    goals = list(GOALS[lang][:MAX_GOALS])
    return [
        ("checkin", checkin_card(lang=lang, first_name=FIRST_NAME, day=DAY, team_ref=TEAM_REF)),
        (
            "checkin_done",
            checkin_done_card(
                lang=lang, day=DAY, mood=2, energy=1, goals=goals, wants_contact=True
            ),
        ),
        (
            "close_goals",
            close_card(lang=lang, first_name=FIRST_NAME, day=DAY, team_ref=TEAM_REF, goals=goals),
        ),
        (
            "close_no_goals",
            close_card(lang=lang, first_name=FIRST_NAME, day=DAY, team_ref=TEAM_REF, goals=[]),
        ),
        (
            "close_done",
            close_done_card(
                lang=lang,
                day=DAY,
                mood=2,
                goals=goals,
                goal_status=["done", "partly", None],
                note_given=True,
                wants_contact=True,
            ),
        ),
        ("expired", expired_card(lang=lang, day=DAY)),
    ]


def _voice_cards(lang: Lang) -> list[tuple[str, dict[str, Any]]]:
    """What a pupil gets when they write to the bot: the offer to pass it on, and its answers."""
    words = WORDS[lang]
    send = {"verb": "voice.send", "team": TEAM_REF, "words": words, "ref": "1:1"}
    cancel = {"verb": "voice.cancel", "team": TEAM_REF}
    typo, command = ("incheken", "inchecken") if lang == "nl" else ("chekin", "checkin")
    suggestion = t("command.unknown_suggest", lang, word=typo, guess=command)
    return [
        (
            "voice_offer",
            offer_card(lang=lang, to=MENTOR, words=words, send=send, cancel=cancel),
        ),
        ("voice_sent", sent_card(lang=lang, to=MENTOR, words=words)),
        ("voice_not_sent", not_sent_card(lang=lang)),
        ("did_you_mean", choice_buttons_card(title=suggestion, buttons=[(command, command)])),
    ]
