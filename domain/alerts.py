"""Alerts about a pupil, as pure rules: which check-in needs attention, when an open wish for
contact goes to the coordinators, how long picking up took, and who comes first in a list.

Waiting is counted in school time: only the time between the day start and the day close of a
school day counts, so a wish at 14:00 on a Friday does not go to the coordinators that evening.
"""

from __future__ import annotations

import statistics
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, time, timedelta
from typing import Literal

from domain.calendar import SchoolCalendar
from domain.clock import at_local, local_date
from domain.due import LOW_MOOD, DayTimes

MAX_DAYS = 400  # longer than any school vacation
PICKUP_HOURS = (1, 16)  # the range a team may choose for `contact_pickup_hours`

Attention = Literal["distress", "wish", "low_mood", "missing"]
# Who comes first in a mentor's list: words of distress, a wish for contact, low mood, no check-in.
ATTENTION_ORDER: tuple[Attention, ...] = ("distress", "wish", "low_mood", "missing")
URGENT: frozenset[Attention] = frozenset({"distress", "wish", "low_mood"})


def needs_attention(*, mood: int, wants_contact: bool, note: str | None) -> bool:
    """Whether a check-in goes to the mentor at once: low mood, a wish for contact, or a note."""
    return mood <= LOW_MOOD or wants_contact or bool(note)


def school_time(
    start: datetime, end: datetime, *, times: DayTimes, calendar: SchoolCalendar
) -> timedelta:
    """The school time between two instants: the parts of it between start and close of school
    days."""
    total = timedelta()
    if end <= start:
        return total
    day = local_date(start)
    last = local_date(end)
    for _ in range(MAX_DAYS):
        if day > last:
            break
        if calendar.is_school_day(day):
            opens, closes = at_local(day, times.start), at_local(day, times.close)
            overlap = min(end, closes) - max(start, opens)
            if overlap > timedelta():
                total += overlap
        day += timedelta(days=1)
    return total


def escalation_due_at(
    created: datetime, *, hours: int, times: DayTimes, calendar: SchoolCalendar
) -> datetime | None:
    """The instant at which `hours` of school time have passed since `created` (None when no
    school day comes within a year)."""
    remaining = timedelta(hours=hours)
    day = local_date(created)
    for _ in range(MAX_DAYS):
        if calendar.is_school_day(day):
            opens, closes = at_local(day, times.start), at_local(day, times.close)
            begin = max(created, opens)
            if begin < closes:
                if begin + remaining <= closes:
                    return begin + remaining
                remaining -= closes - begin
        day += timedelta(days=1)
    return None


def due_to_escalate(
    *, created: datetime, now: datetime, hours: int, times: DayTimes, calendar: SchoolCalendar
) -> bool:
    """Whether a wish for contact nobody picked up has waited `hours` school hours at `now`."""
    due = escalation_due_at(created, hours=hours, times=times, calendar=calendar)
    return due is not None and now >= due


@dataclass(frozen=True)
class PickupFigures:
    """How long picking up alerts took: over the picked up ones, and how many are still open."""

    picked_up: int
    median: timedelta | None
    slowest: timedelta | None
    still_open: int


def pickup_figures(durations: Sequence[timedelta], *, still_open: int) -> PickupFigures:
    """Median and slowest of the pick-up times."""
    if not durations:
        return PickupFigures(0, None, None, still_open)
    ordered = sorted(durations)
    median = timedelta(seconds=statistics.median(d.total_seconds() for d in ordered))
    return PickupFigures(len(ordered), median, ordered[-1], still_open)


def check_in_expected(now: datetime, *, start: time, calendar: SchoolCalendar) -> bool:
    """Whether a missing check-in means something: on a school day, once the day has started."""
    today = local_date(now)
    return calendar.is_school_day(today) and now >= at_local(today, start)


def attention_of(*, distress: bool, wish: bool, low_mood: bool, missing: bool) -> Attention | None:
    """The most pressing reason to look at a pupil now, or None."""
    for reason, holds in zip(ATTENTION_ORDER, (distress, wish, low_mood, missing), strict=True):
        if holds:
            return reason
    return None


def attention_rank(attention: Attention | None, *, paused: bool) -> int:
    """Sort key for a list: the most pressing first, then the rest, paused pupils last."""
    if attention is not None:
        return ATTENTION_ORDER.index(attention)
    return len(ATTENTION_ORDER) + (1 if paused else 0)
