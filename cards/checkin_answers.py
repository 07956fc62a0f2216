"""What the day start and day close cards send back, for every age band: one model per card.

Three shapes arrive: today's cards of the middle and oldest bands (typed goals, a named feeling),
the youngest's cards (picture goals, goals ticked as done, a parent's note), and cards sent
before named feelings existed (the same as the first, without one). One model reads all three,
and the builders name their inputs after its fields. A submit the card could not have produced
is refused as a whole, so nothing half is stored.

What depends on the pupil (the feeling is a word of their band, the outcomes are those of the
morning's goals, picture goals are written in their language) is not known when the router
reads the answer; the handler asks the model for it (`planned_goals`, `outcomes`), and the
model refuses with BadAnswer just as the reading does.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Annotated, Any

from pydantic import BeforeValidator, ConfigDict, ValidationInfo, field_validator

# `whole_number(low, high)` is made for pydantic, but a call is no annotation mypy can read.
from cards.answers import BadAnswer, CardAnswer, whole_number
from cards.catalogue import Lang, t
from domain.age import AgeBand
from domain.feelings import (
    PICTURE_GOALS,
    is_feeling,
    parse_done,
    parse_picture_goals,
    picture_goal_emoji,
)
from domain.text import printable

CHECKIN_SUBMIT = "checkin.submit"  # the verb of the day start card (its button, the faces)
CLOSE_SUBMIT = "close.submit"  # the verb of the day close card
MAX_GOALS = 3  # goals a pupil can type in the morning
GOAL_MAX_CHARS = 100
NOTE_MAX_CHARS = 500
GOAL_STATUS: tuple[str, ...] = ("done", "partly", "not")
# The most goals a morning can hold: the youngest may pick every picture.
MOST_GOALS = max(MAX_GOALS, len(PICTURE_GOALS))

# The cards' inputs, named after the models' fields.
MOOD_INPUT, FEELING_INPUT, ENERGY_INPUT = "mood", "feeling", "energy"
CONTACT_INPUT, NOTE_INPUT = "contact", "note"
# A typed goal in the morning, how it went at the close.
GOAL_INPUTS: tuple[str, ...] = tuple(f"goal{i}" for i in range(1, MAX_GOALS + 1))
PICTURES_INPUT = "goals"  # the youngest's picture goals
DONE_INPUT = "done"  # the youngest's goals ticked as done


def picture_goal(key: str, emoji: str, lang: Lang) -> str:
    """A picture goal as it is shown and stored, e.g. "📖 Lezen"."""
    return f"{emoji} {t(f'goal.picture.{key}', lang)}"


def _blank_is_none(value: object) -> object:
    """An input left empty: Teams sends "" or nothing, and both are no answer."""
    return None if value == "" else value


def _iso_day(value: object) -> date:
    """The day the builder wrote on the card ("2026-11-23")."""
    if not isinstance(value, str):
        raise ValueError("an ISO date")
    return date.fromisoformat(value)


def _typed(limit: int) -> BeforeValidator:
    """Words a pupil typed: printable, on one line, at most `limit` characters; empty is none."""

    def read(value: object) -> str | None:
        if value is None:
            return None
        if not isinstance(value, str):
            raise ValueError("text")
        words = " ".join(printable(value).split())
        if len(words) > limit:
            raise ValueError(f"at most {limit} characters")
        return words or None

    return BeforeValidator(read)


def _wish(value: object) -> object:
    """The toggle "I want contact", as Teams sends it."""
    if value not in ("true", "false", True, False):
        raise ValueError("true or false")
    return value in ("true", True)


def _pictures(value: object) -> tuple[str, ...]:
    """The youngest's picture goals ("lezen,tekenen"), in the card's order."""
    if value is None or value == "":
        return ()
    keys = parse_picture_goals(value) if isinstance(value, str) else None
    if keys is None:
        raise ValueError("pictures the card offers")
    return keys


def _status(value: object) -> str | None:
    """How a typed goal went: one of the card's choices, or not filled in."""
    if value is None or value == "":
        return None
    if not isinstance(value, str) or value not in GOAL_STATUS:
        raise ValueError("an outcome the card offers")
    return value


def _ticked(value: object) -> frozenset[int] | None:
    """The numbers of the youngest's goals ticked as done ("1,3"); None when not sent."""
    if value is None or value == "":
        return None
    done = parse_done(value, MOST_GOALS) if isinstance(value, str) else None
    if done is None:
        raise ValueError("goal numbers")
    return done


Day = Annotated[date, BeforeValidator(_iso_day)]
Mood = Annotated[int, whole_number(1, 5)]
Energy = Annotated[int | None, whole_number(1, 3), BeforeValidator(_blank_is_none)]
Feeling = Annotated[str | None, BeforeValidator(_blank_is_none)]
Wish = Annotated[bool, BeforeValidator(_wish)]
Goal = Annotated[str | None, _typed(GOAL_MAX_CHARS)]
Note = Annotated[str | None, _typed(NOTE_MAX_CHARS)]
Pictures = Annotated[tuple[str, ...], BeforeValidator(_pictures)]
Outcome = Annotated[str | None, BeforeValidator(_status)]
Ticked = Annotated[frozenset[int] | None, BeforeValidator(_ticked)]


class DayAnswer(CardAnswer):
    """What both cards of the day send: the card's day, the mood, and what may come with it."""

    # Nothing the card does not have: a field it never sends is a forgery, refused whole.
    model_config = ConfigDict(frozen=True, extra="forbid")

    day: Day
    mood: Mood
    feeling: Feeling = None  # a word of the pupil's band; none on the youngest's cards
    contact: Wish = False
    note: Note = None  # the close's note, or the youngest's parent's words

    @classmethod
    def button(cls, *, verb: str, day: date, team: int) -> dict[str, Any]:
        """The data of the card's send button: the card's own fields, the inputs add the rest
        (not read here: the mood is still to come)."""
        # a dict, since the type checker would ask for the mood the pupil has yet to choose
        fixed: dict[str, Any] = {"verb": verb, "team": team, "day": day}
        return cls.model_construct(**fixed).button_data()

    def _refused(self, *fields: str) -> BadAnswer:
        return BadAnswer(f"{type(self).__name__}: {', '.join(fields)}")

    def _check_feeling(self, band: AgeBand) -> None:
        """A named feeling is a word of the pupil's own band."""
        if self.feeling is not None and not is_feeling(self.feeling, band):
            raise self._refused(FEELING_INPUT)


class DayStartAnswer(DayAnswer):
    """The 09:00 card: typed goals and energy, or the youngest's picture goals."""

    energy: Energy = None
    goal1: Goal = None
    goal2: Goal = None
    goal3: Goal = None
    goals: Pictures = ()  # picture keys; read after the typed goals, which they exclude

    @field_validator(PICTURES_INPUT)
    @classmethod
    def _one_kind_of_goals(cls, pictures: tuple[str, ...], info: ValidationInfo) -> tuple[str, ...]:
        if pictures and any(info.data.get(name) for name in GOAL_INPUTS):
            raise ValueError("typed goals and picture goals at once")
        return pictures

    def planned_goals(self, *, band: AgeBand, lang: Lang) -> list[str]:
        """The day's goals as stored: the typed ones, or the youngest's pictures in the pupil's
        language. BadAnswer when the answer does not fit the pupil's band."""
        self._check_feeling(band)
        typed = [goal for goal in (self.goal1, self.goal2, self.goal3) if goal]
        return typed or [picture_goal(key, picture_goal_emoji(key), lang) for key in self.goals]

    def stored(self, *, goals: Sequence[str]) -> dict[str, Any]:
        """What a day start check-in keeps of this answer, with its planned goals (the
        handler stores it, the preview shows it)."""
        return {
            "kind": "start",
            "mood": self.mood,
            "energy": self.energy,
            "goals": list(goals),
            "wants_contact": self.contact,
            "note": self.note,
            "feeling": self.feeling,
        }


class DayCloseAnswer(DayAnswer):
    """The 14:45 card: how each typed goal went, or the youngest's goals ticked as done."""

    goal1: Outcome = None
    goal2: Outcome = None
    goal3: Outcome = None
    done: Ticked = None  # read after the outcomes, which it excludes

    @field_validator(DONE_INPUT)
    @classmethod
    def _one_kind_of_outcome(
        cls, done: frozenset[int] | None, info: ValidationInfo
    ) -> frozenset[int] | None:
        if done is not None and any(info.data.get(name) for name in GOAL_INPUTS):
            raise ValueError("ticked and typed outcomes at once")
        return done

    def outcomes(self, *, band: AgeBand, goals: Sequence[str]) -> list[str | None]:
        """How each of the morning's goals went (None: not filled in). The youngest tick what
        went well and the rest stay not filled in, never "not yet". BadAnswer when the answer
        does not fit the pupil's band or names a goal the morning did not have."""
        self._check_feeling(band)
        if self.done is not None:
            if any(number > len(goals) for number in self.done):
                raise self._refused(DONE_INPUT)
            return ["done" if i in self.done else None for i in range(1, len(goals) + 1)]
        typed = [self.goal1, self.goal2, self.goal3]
        unasked = zip(GOAL_INPUTS[len(goals) :], typed[len(goals) :], strict=True)
        if stray := [name for name, status in unasked if status]:
            raise self._refused(*stray)
        return typed[: len(goals)]

    def stored(self, *, goals: Sequence[str], outcomes: Sequence[str | None]) -> dict[str, Any]:
        """What a day close check-in keeps of this answer: the morning's goals and how each
        went (the handler stores it, the preview shows it)."""
        return {
            "kind": "close",
            "mood": self.mood,
            "goals": list(goals),
            "goal_status": list(outcomes),
            "note": self.note,
            "wants_contact": self.contact,
            "feeling": self.feeling,
        }
