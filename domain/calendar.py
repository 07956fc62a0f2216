"""The school calendar: which days are school days for a team, from public data and its settings."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum
from functools import lru_cache

import holidays


class Region(StrEnum):
    """The school holiday regions of the Netherlands; the value is what a team stores."""

    NOORD = "noord"
    MIDDEN = "midden"
    ZUID = "zuid"


REGIONS: tuple[Region, ...] = tuple(Region)


class LiberationDay(StrEnum):
    """Whether schools close on 5 May: in lustrum years (the law's minimum), always or never."""

    LUSTRUM = "lustrum"
    ALTIJD = "altijd"
    NOOIT = "nooit"


# Public holidays (Dutch names as the `holidays` package gives them) on which schools close.
SCHOOL_CLOSED = frozenset(
    {
        "Nieuwjaarsdag",
        "Eerste paasdag",
        "Tweede paasdag",
        "Koningsdag",
        "Hemelvaartsdag",
        "Eerste pinksterdag",
        "Tweede pinksterdag",
        "Eerste kerstdag",
        "Tweede kerstdag",
    }
)
GOOD_FRIDAY = "Goede vrijdag"
LIBERATION_DAY = "Bevrijdingsdag"
MAX_SEARCH = 400  # days; longer than any school vacation


@lru_cache(maxsize=64)
def _public(year: int) -> dict[date, str]:
    found = holidays.country_holidays("NL", years=year, categories=("public",), language="nl")
    return dict(found.items())


@lru_cache(maxsize=64)
def _vacations(region: Region, year: int) -> dict[date, str]:
    found = holidays.country_holidays(
        "NL", subdiv=region.capitalize(), years=year, categories=("school",), language="nl"
    )
    return dict(found.items())


@dataclass(frozen=True)
class SchoolCalendar:
    """A team's calendar: its holiday region, its own free days and two holiday settings."""

    region: Region
    free_days: frozenset[date] = frozenset()
    liberation_day: LiberationDay = LiberationDay.LUSTRUM
    good_friday_off: bool = False

    def vacation_name(self, day: date) -> str | None:
        """The school vacation covering `day` ("Kerstvakantie"), if any."""
        return _vacations(self.region, day.year).get(day)

    def _public_closure(self, day: date) -> str | None:
        names = [n.strip() for n in _public(day.year).get(day, "").split(";") if n.strip()]
        for name in names:
            if name in SCHOOL_CLOSED:
                return name
            if name == GOOD_FRIDAY and self.good_friday_off:
                return name
            if name == LIBERATION_DAY and self.liberation_day != LiberationDay.NOOIT:
                return name  # the package lists 5 May only in lustrum years
        if day.month == 5 and day.day == 5 and self.liberation_day == LiberationDay.ALTIJD:
            return LIBERATION_DAY
        return None

    def closed_reason(self, day: date) -> str | None:
        """Why there is no school on `day` (a short Dutch reason), or None on a school day."""
        if day.weekday() >= 5:
            return "weekend"
        vacation = self.vacation_name(day)
        if vacation:
            return vacation
        public = self._public_closure(day)
        if public:
            return public
        if day in self.free_days:
            return "vrije dag"
        return None

    def is_school_day(self, day: date) -> bool:
        """Whether prompts go out on `day`."""
        return self.closed_reason(day) is None

    def next_school_day(self, day: date) -> date:
        """The first school day strictly after `day`."""
        for offset in range(1, MAX_SEARCH):
            candidate = day + timedelta(days=offset)
            if self.is_school_day(candidate):
                return candidate
        raise ValueError("no school day within a year")

    def previous_school_day(self, day: date) -> date:
        """The last school day strictly before `day`."""
        for offset in range(1, MAX_SEARCH):
            candidate = day - timedelta(days=offset)
            if self.is_school_day(candidate):
                return candidate
        raise ValueError("no school day within a year")

    def school_days(self, start: date, end: date) -> list[date]:
        """The school days from `start` to `end`, both included, ascending."""
        days = (start + timedelta(days=n) for n in range((end - start).days + 1))
        return [d for d in days if self.is_school_day(d)]
