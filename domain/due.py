"""When each prompt of the school day is due, and until when it still makes sense to send it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from enum import StrEnum

from domain.calendar import SchoolCalendar
from domain.clock import at_local, local_date


class Moment(StrEnum):
    """A moment of the school day at which the planner writes prompts, in the day's order."""

    DAY_START = "day_start"
    REMINDER = "reminder"
    MENTOR_LIST = "mentor_list"
    DAY_CLOSE = "day_close"
    DIGEST = "digest"


# A close card that arrives in the evening is no longer "the end of the school day".
CLOSE_GRACE = timedelta(hours=3)
DIGEST_AFTER_CLOSE = timedelta(minutes=30)
LOW_MOOD = 2  # a mood of 1 or 2 alerts the mentor


@dataclass(frozen=True)
class DayTimes:
    """A team's wall-clock times for the daily rhythm (Europe/Amsterdam)."""

    start: time = time(9, 0)
    reminder: time = time(10, 0)
    mentor_list: time = time(10, 30)
    close: time = time(14, 45)

    def problems(self) -> list[str]:
        """Why these times do not make one school day (empty when they do)."""
        found: list[str] = []
        if not self.start < self.close:
            found.append("start_before_close")
        if not self.start < self.reminder < self.close:
            found.append("reminder_between")
        if not self.start < self.mentor_list < self.close:
            found.append("mentor_list_between")
        return found


@dataclass(frozen=True)
class DuePrompt:
    """A moment that is due now: which one, its school day, and the instants it is valid between."""

    kind: Moment
    day: date
    due_at: datetime
    expires_at: datetime


def prompt_window(kind: Moment, day: date, times: DayTimes) -> tuple[datetime, datetime]:
    """The UTC instants between which the prompts of `kind` may go out on `day`."""
    close = at_local(day, times.close)
    match kind:
        case Moment.DAY_START:
            return at_local(day, times.start), close
        case Moment.REMINDER:
            return at_local(day, times.reminder), close
        case Moment.MENTOR_LIST:
            return at_local(day, times.mentor_list), close
        case Moment.DAY_CLOSE:
            end_of_day = at_local(day, time(23, 59))
            return close, min(close + CLOSE_GRACE, end_of_day)
        case Moment.DIGEST:
            return close + DIGEST_AFTER_CLOSE, at_local(day, time(23, 59))


def due_prompts(now: datetime, times: DayTimes, calendar: SchoolCalendar) -> list[DuePrompt]:
    """The prompts due at `now`: inside their window, on a school day. Catching up is built in:
    a server that was down at 09:00 and comes back before the close still sends the day start."""
    day = local_date(now)
    if not calendar.is_school_day(day):
        return []
    due: list[DuePrompt] = []
    for kind in Moment:
        start, end = prompt_window(kind, day, times)
        if start <= now < end:
            due.append(DuePrompt(kind=kind, day=day, due_at=start, expires_at=end))
    return due
