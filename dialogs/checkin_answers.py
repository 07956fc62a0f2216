"""Reading what a pupil sent with the day start and day close cards, for every age band.

Three shapes arrive: today's cards of the middle and oldest bands (typed goals, a named feeling),
the youngest's cards (picture goals, goals ticked as done, a parent's note), and cards sent
before named feelings existed (the same as the first, without one). A submit the card could not
have produced is refused as a whole, so nothing half is stored.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from cards.catalogue import Lang
from cards.checkin import GOAL_MAX_CHARS, GOAL_STATUS, MAX_GOALS, NOTE_MAX_CHARS
from cards.young import picture_goal
from domain.age import AgeBand
from domain.feelings import is_feeling, parse_done, parse_picture_goals, picture_goal_emoji
from domain.numbers import int_value
from domain.text import printable

TYPED_GOALS = {f"goal{i}" for i in range(1, MAX_GOALS + 1)}
# Keys an Action.Submit may carry besides our inputs (Teams adds some of its own).
KNOWN_KEYS = {
    "verb",
    "day",
    "team",
    "mood",
    "energy",
    "contact",
    "note",
    "feeling",
    "goals",
    "done",
    "msteams",
} | TYPED_GOALS


class Refused(Exception):
    """A submit the card could not have produced."""


@dataclass(frozen=True)
class StartAnswer:
    """A valid day start answer."""

    mood: int
    energy: int | None
    goals: tuple[str, ...]
    wants_contact: bool
    feeling: str | None = None
    note: str | None = None  # the youngest's card: a parent's words to the mentor


@dataclass(frozen=True)
class CloseAnswer:
    """A valid day close answer."""

    mood: int
    goal_status: tuple[str | None, ...]
    note: str | None
    wants_contact: bool = False
    feeling: str | None = None


def _int_in(value: Any, low: int, high: int, *, required: bool) -> int | None:
    if value is None or value == "":
        if required:
            raise Refused("missing")
        return None
    number = int_value(value, low=low, high=high)  # ASCII digits only: "²" is no mood
    if number is None:
        raise Refused("not a number in range")
    return number


def _text(value: Any, limit: int) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str):
        raise Refused("not text")
    value = " ".join(printable(value).split())
    if len(value) > limit:
        raise Refused("too long")
    return value or None


def _check_keys(value: dict[str, Any]) -> None:
    if set(value) - KNOWN_KEYS:
        raise Refused("unknown fields")


def _mood(value: dict[str, Any]) -> int:
    mood = _int_in(value.get("mood"), 1, 5, required=True)
    assert mood is not None
    return mood


def _feeling(value: dict[str, Any], band: AgeBand) -> str | None:
    """The named feeling, a word of the pupil's band (or none)."""
    raw = value.get("feeling")
    if raw is None or raw == "":
        return None
    if not isinstance(raw, str) or not is_feeling(raw, band):
        raise Refused("feeling outside the band's words")
    return raw


def _wish(value: dict[str, Any]) -> bool:
    """The toggle "I want contact" (absent: no)."""
    contact = value.get("contact", "false")
    if contact not in ("true", "false", True, False):
        raise Refused("contact")
    return contact in ("true", True)


def _picture_goals(raw: Any, lang: Lang) -> tuple[str, ...]:
    """The youngest's picture goals, as shown and stored in the pupil's language."""
    if raw is None or raw == "":
        return ()
    keys = parse_picture_goals(raw) if isinstance(raw, str) else None
    if keys is None:
        raise Refused("picture goal")
    return tuple(picture_goal(key, picture_goal_emoji(key), lang) for key in keys)


def parse_start(value: dict[str, Any], *, band: AgeBand, lang: Lang = "nl") -> StartAnswer:
    """Validate a day start submit; raises Refused for anything the card cannot produce."""
    _check_keys(value)
    typed = tuple(g for key in sorted(TYPED_GOALS) if (g := _text(value.get(key), GOAL_MAX_CHARS)))
    pictures = _picture_goals(value.get("goals"), lang)
    if typed and pictures:
        raise Refused("typed and picture goals")
    return StartAnswer(
        mood=_mood(value),
        energy=_int_in(value.get("energy"), 1, 3, required=False),
        goals=typed or pictures,
        wants_contact=_wish(value),
        feeling=_feeling(value, band),
        note=_text(value.get("note"), NOTE_MAX_CHARS),
    )


def _statuses(value: dict[str, Any], goals: Sequence[str]) -> tuple[str | None, ...]:
    """Each typed goal's outcome (done, partly, not yet, or not filled in)."""
    statuses: list[str | None] = []
    for i in range(1, MAX_GOALS + 1):
        raw = value.get(f"goal{i}")
        if i > len(goals):
            if raw not in (None, ""):
                raise Refused("status for a goal that was not set")
            continue
        if raw in (None, ""):
            statuses.append(None)
        elif raw in GOAL_STATUS:
            statuses.append(raw)
        else:
            raise Refused("goal status")
    return tuple(statuses)


def _ticked(raw: Any, goals: Sequence[str]) -> tuple[str | None, ...]:
    """The youngest's goals ticked as done; the rest stay not filled in (never "not yet")."""
    done = parse_done(raw, len(goals)) if isinstance(raw, str) else None
    if done is None:
        raise Refused("done")
    return tuple("done" if i in done else None for i in range(1, len(goals) + 1))


def parse_close(value: dict[str, Any], goals: Sequence[str], *, band: AgeBand) -> CloseAnswer:
    """Validate a day close submit against the morning's goals."""
    _check_keys(value)
    raw_done = value.get("done")
    if raw_done not in (None, ""):
        if any(value.get(key) not in (None, "") for key in TYPED_GOALS):
            raise Refused("ticked and typed outcomes")
        statuses = _ticked(raw_done, goals)
    else:
        statuses = _statuses(value, goals)
    return CloseAnswer(
        mood=_mood(value),
        goal_status=statuses,
        note=_text(value.get("note"), NOTE_MAX_CHARS),
        wants_contact=_wish(value),
        feeling=_feeling(value, band),
    )
