"""The values a coordinator gives for the team's settings, checked field by field.

`validate` takes what the settings card or an `instellingen <veld> <waarde>` line submitted and
returns the columns to change, or the reasons they were refused: one sentence per bad field, so
nothing is applied unless every field is valid. Pure apart from the catalogue: no session, no
turn, so the same checks serve the card and the typed command.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from cards.catalogue import Lang, t
from domain.age import band_of
from domain.alerts import PICKUP_HOURS
from domain.due import DayTimes
from domain.grammar import parse_date, parse_time
from domain.numbers import ascii_decimal, ascii_int
from domain.progress import parse_talk_weeks
from domain.text import fold, printable
from domain.words import liberation_of, region_of, yes_no_of
from storage.models import Team

MAX_FREE_DAYS = 60
URL = re.compile(r"^https://[^\s<>\"'\x00-\x1f\x7f]{3,1000}$")
TIME_FIELDS = {
    "start": "start_time",
    "close": "close_time",
    "reminder": "reminder_time",
    "mentor_list": "mentor_list_time",
}
THRESHOLDS: dict[str, tuple[float, float]] = {
    "signal_missing_days": (1, 20),
    "signal_mood_drop": (0.5, 4),
    "signal_low_streak": (2, 10),
    "signal_contact_days": (1, 60),
    "signal_plan_days": (1, 5),
}


@dataclass
class Changes:
    """Validated changes to a team, or the reasons they were refused."""

    columns: dict[str, Any] = field(default_factory=dict)
    free_days: list[date] | None = None
    problems: list[str] = field(default_factory=list)


def channel_choices(team: Team, lang: Lang) -> list[tuple[str, str]]:
    """(id, name) of the team's channels; General has no name in Teams, so we give it one."""
    known = [(c["id"], c.get("name") or t("settings.general", lang)) for c in team.channels or []]
    if not any(cid == team.general_channel_id for cid, _ in known):
        known.insert(0, (team.general_channel_id, t("settings.general", lang)))
    return known


def validate(team: Team, raw: dict[str, Any], *, today: date, lang: Lang) -> Changes:
    """Check every submitted field; nothing is applied unless all of them are valid."""
    changes = Changes()
    _times(raw, lang=lang, changes=changes)
    _calendar(raw, lang=lang, changes=changes)
    _channels(team, raw, lang=lang, changes=changes)
    for key, check in _ONE_FIELD:
        if key in raw:
            check(raw[key], lang=lang, changes=changes)
    _thresholds(raw, lang=lang, changes=changes)
    if "free_days" in raw:
        _free_days(raw["free_days"], today=today, lang=lang, changes=changes)
    _day_order(team, lang=lang, changes=changes)
    return changes


def _times(raw: dict[str, Any], *, lang: Lang, changes: Changes) -> None:
    for key, column in TIME_FIELDS.items():
        if key in raw:
            wall = parse_time(raw[key]) if isinstance(raw[key], str) else None
            if wall is None:
                changes.problems.append(
                    t("settings.bad_time", lang, field=t(f"settings.field.{key}", lang))
                )
            else:
                changes.columns[column] = wall


def _calendar(raw: dict[str, Any], *, lang: Lang, changes: Changes) -> None:
    words: tuple[tuple[str, Callable[[str], object], str], ...] = (
        ("region", region_of, "settings.bad_region"),
        ("liberation_day", liberation_of, "settings.bad_liberation_day"),
        ("good_friday_off", yes_no_of, "settings.bad_yes_no"),
    )
    for key, read, problem in words:
        if key in raw:
            value = read(str(raw[key]))
            if value is not None:
                changes.columns[key] = value
            else:
                changes.problems.append(t(problem, lang))


def _channels(team: Team, raw: dict[str, Any], *, lang: Lang, changes: Changes) -> None:
    channels = {cid for cid, _ in channel_choices(team, lang)}
    for key, column in (
        ("class_channel", "class_channel_id"),
        ("coordinator_channel", "coordinator_channel_id"),
    ):
        if key in raw:
            value = raw[key]
            if value in (None, "") and key == "coordinator_channel":
                changes.columns[column] = None
            elif isinstance(value, str) and value in channels:
                changes.columns[column] = value
            else:
                changes.problems.append(t("settings.bad_channel", lang))


def _meeting_link(link: Any, *, lang: Lang, changes: Changes) -> None:
    if link in (None, "", "-", "geen", "none"):
        changes.columns["meeting_link"] = None
    elif isinstance(link, str) and URL.match(link.strip()):
        changes.columns["meeting_link"] = link.strip()
    else:
        changes.problems.append(t("settings.bad_link", lang))


def _opp_cycle(raw: Any, *, lang: Lang, changes: Changes) -> None:
    weeks = " ".join(str(raw).casefold().split())  # no fold: "²" is no 2
    weeks = weeks.removeprefix("elke ").removeprefix("every ")
    weeks = weeks.removesuffix(" weken").removesuffix(" weeks")
    cycle = ascii_int(weeks, low=1, high=52)
    if cycle is not None:
        changes.columns["opp_cycle_weeks"] = cycle
    else:
        changes.problems.append(t("settings.bad_cycle", lang))


def _scientist(name: Any, *, lang: Lang, changes: Changes) -> None:
    if not isinstance(name, str) or len(name) > 200:
        changes.problems.append(t("settings.bad_name", lang))
    else:
        name = " ".join(printable(name).split())
        changes.columns["behavioural_scientist"] = (
            None if fold(name) in ("", "geen", "none", "-") else name
        )


def _pickup_hours(raw: Any, *, lang: Lang, changes: Changes) -> None:
    fewest, most = PICKUP_HOURS
    number = str(raw).strip()
    for unit in ("uur", "u", "hours", "hour", "h"):
        number = number.removesuffix(unit)
    hours = ascii_int(number.strip(), low=fewest, high=most)
    if hours is None:
        changes.problems.append(t("settings.bad_pickup", lang, low=fewest, high=most))
    else:
        changes.columns["contact_pickup_hours"] = hours


def _thresholds(raw: dict[str, Any], *, lang: Lang, changes: Changes) -> None:
    for key, (low, high) in THRESHOLDS.items():
        if key in raw:
            number = str(raw[key])
            limit: float | None
            if key == "signal_mood_drop":
                limit = ascii_decimal(number, low=low, high=high)
            else:
                limit = ascii_int(number, low=int(low), high=int(high))
            if limit is None:
                changes.problems.append(t("settings.bad_threshold", lang, low=low, high=high))
            else:
                changes.columns[key] = limit


def _day_order(team: Team, *, lang: Lang, changes: Changes) -> None:
    times = DayTimes(
        start=changes.columns.get("start_time", team.start_time),
        reminder=changes.columns.get("reminder_time", team.reminder_time),
        mentor_list=changes.columns.get("mentor_list_time", team.mentor_list_time),
        close=changes.columns.get("close_time", team.close_time),
    )
    for problem in times.problems():
        changes.problems.append(t(f"settings.order.{problem}", lang))


def band_setting(raw: Any, *, lang: Lang, changes: Changes) -> None:
    """The team's default age band, typed in either language or chosen on the card."""
    band = band_of(raw) if isinstance(raw, str) else None
    if band is None:
        changes.problems.append(t("settings.bad_age_band", lang))
    else:
        changes.columns["age_band"] = band.value


def _talk_weeks(raw: Any, *, lang: Lang, changes: Changes) -> None:
    weeks = parse_talk_weeks(str(raw))
    if weeks is None:
        changes.problems.append(t("settings.bad_talk_weeks", lang))
    else:
        changes.columns["progress_talk_weeks"] = weeks


def _free_days(raw: Any, *, today: date, lang: Lang, changes: Changes) -> None:
    if raw is None:
        raw = ""
    if not isinstance(raw, str):
        changes.problems.append(t("settings.bad_free_days", lang, value="?"))
        return
    days: list[date] = []
    for part in re.split(r"[,;\n]+", raw):
        part = part.strip()
        if not part:
            continue
        day = parse_date(part, today=today, prefer="future")
        if day is None:
            changes.problems.append(t("settings.bad_free_days", lang, value=part[:20]))
            return
        days.append(day)
    if len(set(days)) > MAX_FREE_DAYS:
        changes.problems.append(t("settings.too_many_free_days", lang, max=MAX_FREE_DAYS))
        return
    changes.free_days = sorted(set(days))


# Fields checked on their own, in the order their problems are told.
_ONE_FIELD: tuple[tuple[str, Callable[..., None]], ...] = (
    ("meeting_link", _meeting_link),
    ("opp_cycle_weeks", _opp_cycle),
    ("behavioural_scientist", _scientist),
    ("contact_pickup_hours", _pickup_hours),
    ("progress_talk_weeks", _talk_weeks),
    ("age_band", band_setting),
)
