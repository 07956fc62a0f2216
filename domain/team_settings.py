"""A team's settings: one model, each field with its type, the reader that checks what a
coordinator typed or chose, the words typed for it and its input on the settings card.

The settings card, the one-line `instellingen <woord> <waarde>` and the summary are made from
these fields, so a setting is added here, with its texts in the catalogue and its column on the
team, and nowhere else. A field's name is the team's column; its alias, where it has one, is
what the card and the catalogue call it (`settings.field.<key>`, `{key}` in the summary).

`SettingsUpdate` is the same model with every field optional: what a card or a typed line
changes. Only the fields given are read and set on the team; a setting not given is not touched.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, time
from enum import Enum
from functools import cache
from typing import Annotated, Any, Self, TypeVar

from pydantic import BaseModel, ConfigDict, Field, ValidationInfo, model_validator

from domain.age import AgeBand, band_of
from domain.alerts import PICKUP_HOURS
from domain.calendar import LiberationDay, Region
from domain.due import DayTimes
from domain.progress import TALK_WEEKS, parse_talk_weeks
from domain.setting_inputs import (
    Channel,
    Days,
    EveryWeeks,
    Input,
    Number,
    OneOf,
    Text,
    Typed,
    WallClock,
    YesNo,
)
from domain.setting_readers import (
    CHANNEL,
    CHANNEL_OR_NONE,
    FREE_DAYS,
    MAX_LINK,
    MAX_NAME,
    MEETING_LINK,
    NAME_OR_NONE,
    OPP_CYCLE_WEEKS,
    WALL_TIME,
    Threshold,
    facts,
    opp_cycle_of,
    pickup_hours_of,
    read_with,
    refused,
)
from domain.text import fold
from domain.words import liberation_of, region_of, yes_no_of

# A time of the school day: typed as 9:00, 09.00 or 9u, a time input on the card.
DayTime = Annotated[time, WALL_TIME, WallClock()]
# One of the team's channels (its id), chosen on the card by its name; or, if it may, none.
TeamChannel = Annotated[str, CHANNEL, Channel(required=True)]
TeamChannelOrNone = Annotated[str | None, CHANNEL_OR_NONE, Channel(required=False)]


@dataclass(frozen=True)
class SettingsFacts:
    """What reading an update needs besides the values: the team's settings now (the rules
    between fields take a setting not given from there), its channels, and today's date (a
    free day may be typed as "vrijdag")."""

    current: TeamSettings
    channels: frozenset[str]
    today: date


class TeamSettings(BaseModel):
    """A team's settings, in the order the settings card shows them (those only typed last).

    Each field: its type; its alias, if the card calls it other than the column; its reader
    (domain/setting_readers.py), which refuses what it cannot read; the words typed for it
    (`Typed`); and its input on the card, if it has one (domain/setting_inputs.py).
    """

    model_config = ConfigDict(use_enum_values=True)

    start_time: Annotated[DayTime, Field(alias="start"), Typed("start", "dagstart")]
    reminder_time: Annotated[DayTime, Field(alias="reminder"), Typed("herinnering", "reminder")]
    mentor_list_time: Annotated[
        DayTime, Field(alias="mentor_list"), Typed("mentorlijst", "mentorlist")
    ]
    close_time: Annotated[
        DayTime, Field(alias="close"), Typed("afsluiting", "dagafsluiting", "close")
    ]
    region: Annotated[
        Region,
        read_with(region_of, "settings.bad_region"),
        Typed("regio", "region"),
        OneOf(titles="settings.region"),
    ]
    class_channel_id: Annotated[
        TeamChannel, Field(alias="class_channel"), Typed("klaskanaal", "classchannel")
    ]
    coordinator_channel_id: Annotated[
        TeamChannelOrNone,
        Field(alias="coordinator_channel"),
        Typed("coordinatiekanaal", "coordinatorchannel"),
    ]
    meeting_link: Annotated[
        str | None,
        MEETING_LINK,
        Typed("link", "meetinglink", "vergaderlink"),
        Text(MAX_LINK, placeholder="https://teams.microsoft.com/l/meetup-join/…", url=True),
    ]
    # Kept in a table of its own (`TeamFreeDay`), not as a column of the team.
    free_days: Annotated[
        list[date],
        FREE_DAYS,
        Typed("vrij", "vrijedagen", "studiedagen", "freedays"),
        Days(1000, placeholder="12-03-2027, 13-03-2027"),
    ]
    liberation_day: Annotated[
        LiberationDay,
        read_with(liberation_of, "settings.bad_liberation_day"),
        Typed("bevrijdingsdag", "liberationday"),
        OneOf(titles="settings.liberation"),
    ]
    age_band: Annotated[
        AgeBand,
        read_with(band_of, "settings.bad_age_band"),
        Typed("leeftijd", "leeftijdsgroep", "age", "ageband"),
        OneOf(titles="band.about", names="band"),
    ]
    opp_cycle_weeks: Annotated[
        int,
        read_with(opp_cycle_of, "settings.bad_cycle"),
        Typed("opp", "oppcyclus", "oppcycle"),
        Number(*OPP_CYCLE_WEEKS),
    ]
    progress_talk_weeks: Annotated[
        int,
        read_with(parse_talk_weeks, "settings.bad_talk_weeks"),
        Typed("voortgangsgesprek", "voortgang", "progress", "progresstalk"),
        EveryWeeks(*TALK_WEEKS),
    ]
    contact_pickup_hours: Annotated[
        int,
        read_with(
            pickup_hours_of, "settings.bad_pickup", low=PICKUP_HOURS[0], high=PICKUP_HOURS[1]
        ),
        Typed("oppakken", "oppaktijd", "pickup"),
        Number(*PICKUP_HOURS),
    ]
    behavioural_scientist: Annotated[
        str | None,
        NAME_OR_NONE,
        Typed("gedragswetenschapper", "behaviouralscientist"),
        Text(MAX_NAME),
    ]
    good_friday_off: Annotated[
        bool,
        read_with(yes_no_of, "settings.bad_yes_no"),
        Typed("goedevrijdag", "goodfriday"),
        YesNo(),
    ]
    signal_missing_days: Annotated[
        int, Threshold(1, 20), Typed("drempelcheckin", "thresholdcheckin")
    ]
    signal_mood_drop: Annotated[float, Threshold(0.5, 4), Typed("drempelstemming", "thresholdmood")]
    signal_low_streak: Annotated[int, Threshold(2, 10), Typed("drempellaag", "thresholdlow")]
    signal_contact_days: Annotated[
        int, Threshold(1, 60), Typed("drempelcontact", "thresholdcontact")
    ]
    signal_plan_days: Annotated[int, Threshold(1, 5), Typed("drempelplanning", "thresholdplan")]

    @model_validator(mode="after")
    def _one_school_day(self, info: ValidationInfo) -> Self:
        """The day's times make one school day; an update's times not given are the team's."""
        team = facts(info).current

        def given(name: str) -> time:
            found: time = getattr(self if name in self.model_fields_set else team, name)
            return found

        times = DayTimes(
            start=given("start_time"),
            reminder=given("reminder_time"),
            mentor_list=given("mentor_list_time"),
            close=given("close_time"),
        )
        problems = times.problems()
        if problems:
            raise refused("settings.order", reasons=problems)
        return self


def stored_settings(row: object, **elsewhere: Any) -> TeamSettings:
    """The settings a team has: its columns, and what it keeps elsewhere (its free days).
    Not read again: what is stored was read when it was set."""
    names = [name for name in TeamSettings.model_fields if name not in elsewhere]
    values: dict[str, Any] = {name: getattr(row, name) for name in names}
    return TeamSettings.model_construct(**values, **elsewhere)


Model = TypeVar("Model", bound=BaseModel)


def _every_field_optional(model: type[Model]) -> type[Model]:
    """`model` with every field optional: a field not given is left unset (and not read)."""
    for field in model.model_fields.values():
        field.default = None
    model.model_rebuild(force=True)
    return model


@_every_field_optional
class SettingsUpdate(TeamSettings):
    """The settings a coordinator changes: any of the fields, each read by its own reader, and
    the rules between fields checked with the team's other settings (`SettingsFacts.current`).
    `model_dump(exclude_unset=True)` holds exactly the settings to set."""


@dataclass(frozen=True)
class SettingField:
    """One setting as the card, the typed line and the summary see it."""

    name: str  # the field: the team's column, or `free_days`
    key: str  # what the card and the catalogue call it
    words: tuple[str, ...]
    card: Input | None  # None: only typed
    choices: tuple[str, ...]  # an enum field's values, in order


@cache
def setting_fields() -> tuple[SettingField, ...]:
    """Every setting, in the model's order."""
    found: list[SettingField] = []
    for name, field in TeamSettings.model_fields.items():
        (typed,) = [m for m in field.metadata if isinstance(m, Typed)]
        card = next((m for m in field.metadata if isinstance(m, Input)), None)
        kind = field.annotation
        choices: tuple[str, ...] = ()
        if isinstance(kind, type) and issubclass(kind, Enum):
            choices = tuple(str(member.value) for member in kind)
        found.append(SettingField(name, field.alias or name, typed.words, card, choices))
    return tuple(found)


def _typed_key(word: str) -> str:
    return fold(word).replace("-", "").replace("_", "")


@cache
def _by_word() -> dict[str, SettingField]:
    return {word: field for field in setting_fields() for word in field.words}


def typed_words() -> Sequence[str]:
    """Every word that names a setting, for suggestions."""
    return list(_by_word())


def typed_setting(word: str) -> SettingField | None:
    """The setting a typed word names ("dagstart", "drempel-checkin", "freedays"), or None."""
    return _by_word().get(_typed_key(word))


# The signals' thresholds, the fewest and the most of each.
THRESHOLDS: dict[str, tuple[float, float]] = {
    name: (m.low, m.high)
    for name, field in TeamSettings.model_fields.items()
    for m in field.metadata
    if isinstance(m, Threshold)
}
