"""A pupil's own week: which school days it spans, and their streak of days checked in."""

from __future__ import annotations

from collections.abc import Collection, Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from domain.calendar import SchoolCalendar

# How far back a streak is counted: check-ins are kept about this long (the retention).
STREAK_LOOKBACK = timedelta(days=400)
MAX_WEEKS_BACK = 26  # longer than any school vacation


@dataclass(frozen=True)
class SchoolWeek:
    """A week from Monday to Sunday and the school days in it, ascending."""

    monday: date
    school_days: tuple[date, ...]

    @property
    def first(self) -> date:
        """The week's first school day."""
        return self.school_days[0]

    @property
    def last(self) -> date:
        """The week's last school day."""
        return self.school_days[-1]


def monday_of(day: date) -> date:
    """The Monday of the week `day` is in (Saturday and Sunday end the week)."""
    return day - timedelta(days=day.weekday())


def week_of(day: date, calendar: SchoolCalendar) -> SchoolWeek:
    """The week of `day` with its school days (none in a vacation week)."""
    monday = monday_of(day)
    return SchoolWeek(
        monday=monday, school_days=tuple(calendar.school_days(monday, monday + timedelta(days=6)))
    )


def shown_week(today: date, calendar: SchoolCalendar) -> SchoolWeek | None:
    """The school week a pupil sees on `today`: this week, which on a weekend is the week just
    ended; in a vacation the last week that had school. None when there was none for months."""
    monday = monday_of(today)
    for _ in range(MAX_WEEKS_BACK):
        week = week_of(monday, calendar)
        if week.school_days and week.first <= today:
            return week
        monday -= timedelta(weeks=1)
    return None


def week_so_far(day: date, calendar: SchoolCalendar) -> list[date]:
    """The school days of `day`'s week up to and including `day`."""
    return calendar.school_days(monday_of(day), day)


def is_last_school_day_of_week(day: date, calendar: SchoolCalendar) -> bool:
    """Whether `day` ends its school week: a school day with no school day after it until Sunday
    (a Friday usually; a Thursday before Good Friday off, say)."""
    if not calendar.is_school_day(day):
        return False
    sunday = monday_of(day) + timedelta(days=6)
    return not calendar.school_days(day + timedelta(days=1), sunday)


def streak(
    *,
    today: date,
    school_days: Iterable[date],
    checked_in: Collection[date],
    paused: Collection[date] = frozenset(),
) -> int:
    """How many school days in a row, up to today, the pupil checked in.

    `school_days` are the calendar's (no weekends, holidays or days off), so those never break a
    streak; nor does a paused day, or today before the pupil has answered. A paused day on which
    the pupil still checked in counts.
    """
    count = 0
    for day in sorted((d for d in school_days if d <= today), reverse=True):
        if day in checked_in:
            count += 1
        elif day == today or day in paused:
            continue
        else:
            break
    return count


def streak_days(today: date, calendar: SchoolCalendar) -> list[date]:
    """The school days a streak ending today is counted over."""
    return calendar.school_days(today - STREAK_LOOKBACK, today)
