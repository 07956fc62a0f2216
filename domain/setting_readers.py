"""How what a coordinator typed or chose becomes the value of a team setting.

Each reader is a pydantic validator that runs before the field's own type is checked. What it
cannot read it refuses with the catalogue key of the sentence that says why (`refused`), so the
settings model never phrases a sentence itself. A reader that needs more than the value (the
team's channels, today's date) finds it in the validation context (`SettingsFacts`).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, time
from typing import TYPE_CHECKING, Any

from pydantic import BeforeValidator, GetCoreSchemaHandler, ValidationInfo
from pydantic_core import CoreSchema, PydanticCustomError, core_schema

from domain.alerts import PICKUP_HOURS
from domain.grammar import parse_date, parse_time
from domain.numbers import ascii_decimal, ascii_int
from domain.text import fold, printable

if TYPE_CHECKING:
    from domain.team_settings import SettingsFacts

MAX_FREE_DAYS = 60
MAX_LINK = 1000
MAX_NAME = 200
OPP_CYCLE_WEEKS = (1, 52)
URL = re.compile(r"^https://[^\s<>\"'\x00-\x1f\x7f]{3,1000}$")
NONE_WORDS = ("geen", "none", "-")


def refused(key: str, **params: object) -> PydanticCustomError:
    """A refused value: `key` names the catalogue sentence that says why, `params` fill it in.

    A refusal with `field` names the field (the sentence is given the field's label); one with
    `reasons` is told as one sentence per reason, `<key>.<reason>`.
    """
    return PydanticCustomError(key, key, params)


def facts(info: ValidationInfo) -> SettingsFacts:
    """What the readers and rules are given besides the values."""
    if info.context is None:
        raise TypeError("team settings are read with their SettingsFacts as context")
    found: SettingsFacts = info.context
    return found


def read_with(
    read: Callable[[str], object | None], refusal: str, **params: object
) -> BeforeValidator:
    """A setting read from its text by `read`; what it cannot read (None) is refused."""

    def check(value: object) -> object:
        found = read(str(value))
        if found is None:
            raise refused(refusal, **params)
        return found

    return BeforeValidator(check)


@dataclass(frozen=True)
class Threshold:
    """A signal's threshold: a number from `low` to `high`, with a fraction if the field is a
    float ("1,5"), else whole."""

    low: float
    high: float

    def __get_pydantic_core_schema__(
        self, source: Any, handler: GetCoreSchemaHandler
    ) -> CoreSchema:
        """The field's own schema, with this reader before it."""

        def check(value: object) -> float | None:
            text = str(value)
            if source is float:
                return ascii_decimal(text, low=self.low, high=self.high)
            return ascii_int(text, low=int(self.low), high=int(self.high))

        def read(value: object) -> float:
            found = check(value)
            if found is None:
                raise refused("settings.bad_threshold", low=self.low, high=self.high)
            return found

        return core_schema.no_info_before_validator_function(read, handler(source))


def _wall_time(value: object) -> time:
    wall = parse_time(value) if isinstance(value, str) else None
    if wall is None:
        raise refused("settings.bad_time", field=True)
    return wall


def _channel(value: object, info: ValidationInfo) -> str:
    if isinstance(value, str) and value in facts(info).channels:
        return value
    raise refused("settings.bad_channel")


def _channel_or_none(value: object, info: ValidationInfo) -> str | None:
    return None if value in (None, "") else _channel(value, info)


def _meeting_link(value: object) -> str | None:
    if value is None or value in ("", *NONE_WORDS):
        return None
    if isinstance(value, str) and URL.match(value.strip()):
        return value.strip()
    raise refused("settings.bad_link")


def _name(value: object) -> str | None:
    if not isinstance(value, str) or len(value) > MAX_NAME:
        raise refused("settings.bad_name")
    name = " ".join(printable(value).split())
    return None if fold(name) in ("", *NONE_WORDS) else name


def _free_days(value: object, info: ValidationInfo) -> list[date]:
    if value is None:
        value = ""
    if not isinstance(value, str):
        raise refused("settings.bad_free_days", value="?")
    days: set[date] = set()
    for part in re.split(r"[,;\n]+", value):
        part = part.strip()
        if not part:
            continue
        day = parse_date(part, today=facts(info).today, prefer="future")
        if day is None:
            raise refused("settings.bad_free_days", value=part[:20])
        days.add(day)
    if len(days) > MAX_FREE_DAYS:
        raise refused("settings.too_many_free_days", max=MAX_FREE_DAYS)
    return sorted(days)


def opp_cycle_of(text: str) -> int | None:
    """The weeks of an OPP cycle typed as "6", "6 weken" or "every 6 weeks"."""
    weeks = " ".join(text.casefold().split())  # no fold: "²" is no 2
    weeks = weeks.removeprefix("elke ").removeprefix("every ")
    weeks = weeks.removesuffix(" weken").removesuffix(" weeks")
    return ascii_int(weeks, low=OPP_CYCLE_WEEKS[0], high=OPP_CYCLE_WEEKS[1])


def pickup_hours_of(text: str) -> int | None:
    """The school hours a wish for contact may wait, typed as "2", "2 uur" or "2h"."""
    number = text.strip()
    for unit in ("uur", "u", "hours", "hour", "h"):
        number = number.removesuffix(unit)
    return ascii_int(number.strip(), low=PICKUP_HOURS[0], high=PICKUP_HOURS[1])


WALL_TIME = BeforeValidator(_wall_time)
CHANNEL = BeforeValidator(_channel)
CHANNEL_OR_NONE = BeforeValidator(_channel_or_none)
MEETING_LINK = BeforeValidator(_meeting_link)
NAME_OR_NONE = BeforeValidator(_name)
FREE_DAYS = BeforeValidator(_free_days)
