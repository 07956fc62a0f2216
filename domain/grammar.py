"""Values people type in chat, Dutch first and English too: dates, times, durations."""

from __future__ import annotations

import re
from datetime import date, time, timedelta
from typing import Literal

from domain.numbers import has_other_digits
from domain.text import fold

Direction = Literal["future", "past"]
Lang = Literal["nl", "en"]

RELATIVE = {
    "vandaag": 0,
    "today": 0,
    "morgen": 1,
    "tomorrow": 1,
    "overmorgen": 2,
    "gisteren": -1,
    "yesterday": -1,
    "eergisteren": -2,
}
WEEKDAYS = {
    **dict.fromkeys(("maandag", "ma", "monday", "mon"), 0),
    **dict.fromkeys(("dinsdag", "di", "tuesday", "tue", "tues"), 1),
    **dict.fromkeys(("woensdag", "wo", "wednesday", "wed"), 2),
    **dict.fromkeys(("donderdag", "do", "thursday", "thu", "thur", "thurs"), 3),
    **dict.fromkeys(("vrijdag", "vr", "friday", "fri"), 4),
    **dict.fromkeys(("zaterdag", "za", "saturday", "sat"), 5),
    **dict.fromkeys(("zondag", "zo", "sunday", "sun"), 6),
}
MONTHS = {
    **dict.fromkeys(("januari", "jan", "january"), 1),
    **dict.fromkeys(("februari", "feb", "february"), 2),
    **dict.fromkeys(("maart", "mrt", "mar", "march"), 3),
    **dict.fromkeys(("april", "apr"), 4),
    **dict.fromkeys(("mei", "may"), 5),
    **dict.fromkeys(("juni", "jun", "june"), 6),
    **dict.fromkeys(("juli", "jul", "july"), 7),
    **dict.fromkeys(("augustus", "aug", "august"), 8),
    **dict.fromkeys(("september", "sep", "sept"), 9),
    **dict.fromkeys(("oktober", "okt", "oct", "october"), 10),
    **dict.fromkeys(("november", "nov"), 11),
    **dict.fromkeys(("december", "dec"), 12),
}
MONTH_NAMES = {
    "nl": [
        "januari",
        "februari",
        "maart",
        "april",
        "mei",
        "juni",
        "juli",
        "augustus",
        "september",
        "oktober",
        "november",
        "december",
    ],
    "en": [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ],
}
WEEKDAY_NAMES = {
    "nl": ["maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag"],
    "en": ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"],
}

# Digits are ASCII only: `\d` would also match "٣", and `fold` turns "²" into "2".
ISO = re.compile(r"^([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})$")
NUMERIC = re.compile(r"^([0-9]{1,2})[-/.]([0-9]{1,2})(?:[-/.]([0-9]{2}|[0-9]{4}))?$")
DAY_MONTH = re.compile(r"^([0-9]{1,2})(?:e|ste|de)?\s+([a-z]+)\.?(?:\s+([0-9]{4}))?$")
MONTH_DAY = re.compile(r"^([a-z]+)\.?\s+([0-9]{1,2})(?:st|nd|rd|th)?,?(?:\s+([0-9]{4}))?$")
TIME = re.compile(r"^([0-9]{1,2})(?:[:.]([0-9]{2}))?\s*(?:u|uur|h)?$")
DURATION_PARTS = re.compile(
    r"^(?:(?P<hours>[0-9]+(?:[.,][0-9]+)?)\s*(?:u|uur|uren|h|hr|hrs|hour|hours))?\s*"
    r"(?:(?P<minutes>[0-9]+)\s*(?:m|min|mins|minuut|minuten|minute|minutes)?)?$"
)
CLOCK_DURATION = re.compile(r"^([0-9]{1,2}):([0-9]{2})$")
MAX_DURATION = timedelta(hours=12)
MAX_MINUTES = int(MAX_DURATION / timedelta(minutes=1))  # 720, as the contact log's CHECK says
NO_LENGTH = -1  # minutes of something written as a duration that cannot be one ("²u")
MAX_DIGITS = 6  # more digits than this in a duration part is never a real duration
YEARS = range(2000, 2101)  # the dates a school programme can mean


def _safe_date(year: int, month: int, day: int) -> date | None:
    if year not in YEARS:
        return None
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _plain(text: str) -> str:
    """`text` folded for matching, or "" when it holds digits other than ASCII ("²", "٣")."""
    return "" if has_other_digits(text) else fold(text)


def _nearest(month: int, day: int, today: date, prefer: Direction) -> date | None:
    """The occurrence of day-month nearest to today in the preferred direction."""
    candidates = [
        d for year in range(today.year - 4, today.year + 5) if (d := _safe_date(year, month, day))
    ]
    if prefer == "future":
        ahead = [d for d in candidates if d >= today]
        return min(ahead) if ahead else None
    behind = [d for d in candidates if d <= today]
    return max(behind) if behind else None


def _year(raw: str | None) -> int | None:
    if raw is None:
        return None
    value = int(raw)
    return 2000 + value if len(raw) == 2 else value  # "27" is 2027; "0027" is no year of ours


def parse_date(text: str, *, today: date, prefer: Direction = "future") -> date | None:
    """A date typed in chat ("morgen", "vrijdag", "12-12", "3 mrt 2027", "2026-12-12"), in YEARS."""
    value = _plain(text).strip(" .,")
    if not value:
        return None
    if value in RELATIVE:
        return today + timedelta(days=RELATIVE[value])
    if value in WEEKDAYS:
        delta = (WEEKDAYS[value] - today.weekday()) % 7
        if prefer == "future":
            return today + timedelta(days=delta or 7)
        back = (today.weekday() - WEEKDAYS[value]) % 7
        return today - timedelta(days=back or 7)
    if match := ISO.match(value):
        return _safe_date(int(match[1]), int(match[2]), int(match[3]))
    day: int
    month: int | None
    year: int | None
    if match := NUMERIC.match(value):
        day, month, year = int(match[1]), int(match[2]), _year(match[3])
    elif match := DAY_MONTH.match(value):
        day, month, year = int(match[1]), MONTHS.get(match[2]), _year(match[3])
    elif match := MONTH_DAY.match(value):
        day, month, year = int(match[2]), MONTHS.get(match[1]), _year(match[3])
    else:
        return None
    if month is None:
        return None
    if year is not None:
        return _safe_date(year, month, day)
    if _safe_date(2024, month, day) is None:  # 2024 is a leap year: every real day-month exists
        return None
    return _nearest(month, day, today, prefer)


def parse_time(text: str) -> time | None:
    """A wall-clock time, 24-hour: "9:00", "09.00", "9u", "14:45"."""
    match = TIME.match(_plain(text))
    if not match:
        return None
    hour = int(match[1])
    minute = int(match[2]) if match[2] is not None else 0
    if hour > 23 or minute > 59:
        return None
    return time(hour, minute)


def duration_minutes(text: str) -> int | None:
    """The minutes a typed duration names, in range or not ("15m", "1u30", "1,5 uur", "800m").

    None when `text` is no duration at all. A clock-like "h:mm" counts only up to 12:00 (later
    it reads as a time of day). NO_LENGTH when it is written as one but cannot be one: with
    digits other than ASCII ("²u", "٣٠m") or with more digits than any duration has.
    """
    if has_other_digits(text):
        probe = "".join("1" if ch.isnumeric() else ch for ch in fold(text))
        return NO_LENGTH if _minutes(probe) is not None else None
    return _minutes(fold(text))


def _minutes(value: str) -> int | None:
    if not value:
        return None
    if match := CLOCK_DURATION.match(value):
        minutes = int(match[1]) * 60 + int(match[2])
        return minutes if int(match[2]) <= 59 and minutes <= MAX_MINUTES else None
    compact = value.replace(" ", "")
    match = DURATION_PARTS.match(compact)
    if not match or not (match["hours"] or match["minutes"]):
        return None
    if not match["hours"] and not re.search(r"[a-z]$", compact):
        return None  # a bare number is not a duration
    whole, _, fraction = (match["hours"] or "0").replace(",", ".").partition(".")
    whole, rest = whole.lstrip("0") or "0", (match["minutes"] or "0").lstrip("0") or "0"
    if len(whole) > MAX_DIGITS or len(rest) > MAX_DIGITS:
        return NO_LENGTH
    hours = float(f"{whole}.{fraction[:MAX_DIGITS] or '0'}")
    return round(hours * 60) + int(rest)


def parse_duration(text: str) -> timedelta | None:
    """A duration: "15m", "1u", "1u30", "1:30", "90 min", "1,5 uur"; more than 0, at most 12h."""
    minutes = duration_minutes(text)
    if minutes is None or not 1 <= minutes <= MAX_MINUTES:
        return None
    return timedelta(minutes=minutes)


def format_date(day: date, lang: Lang, *, with_year: bool = False) -> str:
    """ "maandag 23 november" / "Monday 23 November" (with the year when asked)."""
    text = f"{WEEKDAY_NAMES[lang][day.weekday()]} {day.day} {MONTH_NAMES[lang][day.month - 1]}"
    return f"{text} {day.year}" if with_year else text


def format_time(wall: time) -> str:
    """ "09:00"."""
    return f"{wall.hour:02d}:{wall.minute:02d}"
