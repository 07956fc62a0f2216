"""What a card sends back when a button is pressed: one pydantic model per answer.

A card's builder makes the data its button carries from the model (`button_data`), and names its
inputs after the model's fields; the router reads the submit into the same model before the
handler runs. Teams merges the inputs' values into the button's data, so the model holds both:
the fields the builder fixed (the verb, the team, the pupil) and what the person filled in.

A submit the card could not have produced (a missing field, a number out of range, a word of
the wrong type) never reaches a handler: the router answers it with a clear sentence instead.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Annotated, Any, Self

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    StrictStr,
    StringConstraints,
    ValidationError,
)

from domain.numbers import MAX_ID, int_value
from domain.text import printable


class BadAnswer(ValueError):
    """A submit its card could not have produced. The message names fields, never values."""


def whole_number(low: int, high: int) -> BeforeValidator:
    """A JSON number or a string of ASCII digits within low..high; never a boolean. A card sends
    either (a ChoiceSet's value is a string): `Annotated[int, whole_number(1, 5)]`."""

    def check(value: object) -> object:
        if value is None:
            return None
        number = int_value(value, low=low, high=high)
        if number is None:
            raise ValueError(f"a whole number from {low} to {high}")
        return number

    return BeforeValidator(check)


# A database id as a card carries it (a pupil, a contact, an alert, a team).
Id = Annotated[int, whole_number(1, MAX_ID)]

# The key a form is made with, so that a form sent twice stores one record.
Nonce = Annotated[StrictStr, StringConstraints(min_length=8, max_length=64)]


def typed_text(max_chars: int) -> BeforeValidator:
    """A text input's value as stored: without control characters, trimmed, None when nothing is
    left; no text, or more than max_chars, is refused: `Annotated[str | None, typed_text(500)]`.
    """

    def clean(value: object) -> str | None:
        if value is None:
            return None
        if not isinstance(value, str):
            raise ValueError("text")
        found = printable(value).strip() or None
        if found is not None and len(found) > max_chars:
            raise ValueError(f"at most {max_chars} characters")
        return found

    return BeforeValidator(clean)


def _iso_date(value: object) -> object:
    """A date input's value: an ISO date, or None when it was left empty."""
    if not value:
        return None
    return date.fromisoformat(str(value))


# A date input (ISO, as Teams sends it); None when it was left empty.
IsoDate = Annotated[date | None, BeforeValidator(_iso_date)]


class CardAnswer(BaseModel):
    """The common part of every answer: the verb the router routes on, the team, Teams' key."""

    model_config = ConfigDict(frozen=True, extra="ignore")

    verb: str
    # Which team the answer is about (the dispatcher reads it to find the team).
    team: Id | None = None
    # Teams adds this to some submits (messageBack, imBack); it is never read.
    msteams: object = None

    @classmethod
    def read(cls, value: Mapping[str, object] | None) -> Self:
        """The answer in `value`, or BadAnswer naming the fields that are wrong."""
        try:
            return cls.model_validate(dict(value or {}))
        except ValidationError as exc:
            fields = sorted({cls._field_named(e["loc"]) for e in exc.errors()})
            raise BadAnswer(f"{cls.__name__}: {', '.join(fields)}") from None

    @classmethod
    def _field_named(cls, loc: tuple[int | str, ...]) -> str:
        """The field an error is about, as the model names it: a key the model does not know
        came from the sender (a forged submit may put any words there), so it is not repeated."""
        name = str(loc[0]) if loc else "?"
        known = {name for name in cls.model_fields} | {
            field.alias for field in cls.model_fields.values() if field.alias
        }
        return name if name in known else "an unknown field"

    @classmethod
    def of(cls, answer: CardAnswer | None) -> Self:
        """The answer the router read for this handler, as the model the handler was registered
        with."""
        if not isinstance(answer, cls):
            raise TypeError(f"{cls.__name__} expected, the router read {type(answer).__name__}")
        return answer

    def button_data(self) -> dict[str, Any]:
        """The data a card's button carries: the fields the builder set, nothing of Teams'."""
        return self.model_dump(mode="json", exclude_unset=True, exclude={"msteams"})
