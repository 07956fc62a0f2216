"""The one place that reads the wall clock, and the time zone every school day is counted in."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from typing import Protocol
from zoneinfo import ZoneInfo

SCHOOL_TZ = ZoneInfo("Europe/Amsterdam")


class Clock(Protocol):
    """Something that tells the current instant (timezone-aware, UTC)."""

    def now(self) -> datetime: ...


class SystemClock:
    """The real clock."""

    def now(self) -> datetime:
        return datetime.now(UTC)


class FixedClock:
    """A clock that stands still until it is moved; used by `tick --at` and by tests."""

    def __init__(self, at: datetime) -> None:
        self._at = as_utc(at)

    def now(self) -> datetime:
        return self._at

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
