"""How a team setting is typed and shown: the words that name it, and its input on the card.

Each field of the settings model (domain/team_settings.py) carries its words (`Typed`) and, if
it is on the settings card, one of the inputs below: the card (cards/settings.py) makes its
input from it, and the summary says its value by it. The catalogue holds the input's label,
`settings.field.<key>`.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class WallClock:
    """A time of day: a time input, shown as "09:00"."""


@dataclass(frozen=True)
class OneOf:
    """One of the field's enum values: a choice titled `<titles>.<value>` in the catalogue, named
    in a sentence by `<names>.<value>` or else by its title in lower case."""

    titles: str
    names: str | None = None


@dataclass(frozen=True)
class Number:
    """A whole number from `low` to `high`."""

    low: int
    high: int


@dataclass(frozen=True)
class EveryWeeks(Number):
    """How many weeks between two of something, said as "elke week", "elke 2 weken"."""


@dataclass(frozen=True)
class Text:
    """A line of text (`url`: a web address), or none."""

    max_length: int
    placeholder: str | None = None
    url: bool = False


@dataclass(frozen=True)
class Days:
    """Dates, typed as dd-mm-yyyy with commas."""

    max_length: int
    placeholder: str


@dataclass(frozen=True)
class Channel:
    """One of the team's channels, shown by its name; `required` when the team needs one."""

    required: bool


@dataclass(frozen=True)
class YesNo:
    """Yes or no: a toggle."""


Input = WallClock | OneOf | Number | Text | Days | Channel | YesNo


@dataclass(frozen=True, init=False)
class Typed:
    """The words that name a setting in `instellingen <woord> <waarde>`: Dutch and English,
    folded, without "-" or "_"."""

    words: tuple[str, ...]

    def __init__(self, *words: str) -> None:
        object.__setattr__(self, "words", words)
