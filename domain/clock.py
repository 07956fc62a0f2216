"""The one place that reads the wall clock, and the time zone every school day is counted in."""

from __future__ import annotations

import asyncio
import re
from datetime import UTC, date, datetime, time, timedelta
from typing import Protocol
from zoneinfo import ZoneInfo

SCHOOL_TZ = ZoneInfo("Europe/Amsterdam")
WALL_TIME = re.compile(r"^([0-9]{1,2}):([0-9]{2})(?::([0-9]{2}))?$")


class Clock(Protocol):
    """Something that tells the current instant (timezone-aware, UTC)."""

    def now(self) -> datetime: ...

    async def sleep(self, seconds: float) -> None:
        """Wait until `seconds` have passed on this clock."""
        ...


class SystemClock:
    """The real clock."""

    def now(self) -> datetime:
        return datetime.now(UTC)

    async def sleep(self, seconds: float) -> None:
        await asyncio.sleep(max(0.0, seconds))


class FixedClock:
    """A clock that stands still until it is moved; used by `tick --at` and by tests.

    Sleeping moves it forward by the time slept, at once, or (with `real_sleep`, for `tick`
    talking to the real Teams) after really waiting that long.
    """

    def __init__(self, at: datetime, *, real_sleep: bool = False) -> None:
        self._at = as_utc(at)
        self._real_sleep = real_sleep

    def now(self) -> datetime:
        return self._at

    async def sleep(self, seconds: float) -> None:
        seconds = max(0.0, seconds)
        # let whatever is ready run first, at the time it was started
        await asyncio.sleep(seconds if self._real_sleep else 0)
        self._at += timedelta(seconds=seconds)

    def set(self, at: datetime) -> None:
        self._at = as_utc(at)

    def advance(self, delta: timedelta) -> None:
        self._at += delta


def as_utc(moment: datetime) -> datetime:
    """Return an aware UTC datetime; a naive one is read as Europe/Amsterdam wall time."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=SCHOOL_TZ)
    return moment.astimezone(UTC)


def local_date(moment: datetime) -> date:
    """The Europe/Amsterdam calendar date of an instant."""
    return as_utc(moment).astimezone(SCHOOL_TZ).date()


def local_time(moment: datetime) -> time:
    """The Europe/Amsterdam wall-clock time of an instant."""
    return as_utc(moment).astimezone(SCHOOL_TZ).time()


def at_local(day: date, wall: time) -> datetime:
    """The UTC instant of a wall-clock time on a local school day (DST-safe)."""
    return datetime.combine(day, wall, tzinfo=SCHOOL_TZ).astimezone(UTC)


def instant_at(text: str, *, now: datetime) -> datetime | None:
    """An instant as an operator types it (`dagritme tick --at`), in UTC; None if it is none.

    A wall-clock time alone ("09:00", "9:00", "14:45") is that time on `now`'s school day in
    Europe/Amsterdam; otherwise an ISO 8601 date-time, local time when it carries no offset.
    """
    text = text.strip()
    match = WALL_TIME.match(text)
    if match:
        hour, minute, second = (int(part or 0) for part in match.groups())
        if hour > 23 or minute > 59 or second > 59:
            return None
        return at_local(local_date(now), time(hour, minute, second))
    try:
        return as_utc(datetime.fromisoformat(text))
    except ValueError:
        return None
