"""Every card a pupil can get, filled in as on a real school day: for tests that look at them all.

Each variant is a (name, card JSON) pair, in Dutch and in English. The content is what makes a
card long or wide on a phone: three goals of a realistic length, the wish for contact and a note.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from cards.catalogue import Lang
from cards.rhythm import (
    MAX_GOALS,
    checkin_card,
    checkin_done_card,
    close_card,
    close_done_card,
    expired_card,
)

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


def pupil_card_variants() -> list[tuple[str, dict[str, Any]]]:
    """Every pupil card (check-in, close, their confirmations) in both languages."""
    variants: list[tuple[str, dict[str, Any]]] = []
    for lang in ("nl", "en"):
        variants.extend((f"{name}_{lang}", card) for name, card in _day_cards(lang))
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
