"""The school calendar against the holidays data and the team's settings."""

from __future__ import annotations

from datetime import date

import pytest

from domain.calendar import LiberationDay, Region, SchoolCalendar


@pytest.mark.parametrize(
    ("region", "first", "last"),
    [
        ("noord", date(2026, 10, 10), date(2026, 10, 18)),
        ("midden", date(2026, 10, 17), date(2026, 10, 25)),
        ("zuid", date(2026, 10, 17), date(2026, 10, 25)),
    ],
)
def test_autumn_break_per_region(region: str, first: date, last: date) -> None:
    calendar = SchoolCalendar(Region(region))
    assert calendar.vacation_name(first) == "Herfstvakantie"
    assert calendar.vacation_name(last) == "Herfstvakantie"
    assert calendar.is_school_day(last.replace(day=last.day + 1))  # the Monday after
    assert calendar.closed_reason(first.replace(day=first.day + 2)) == "Herfstvakantie"


@pytest.mark.parametrize(
    ("day", "reason"),
    [
        (date(2026, 11, 21), "weekend"),
        (date(2026, 11, 22), "weekend"),
        (date(2026, 5, 14), "Hemelvaartsdag"),
        (date(2026, 5, 25), "Tweede pinksterdag"),
        (date(2027, 4, 27), "Meivakantie"),
        (date(2026, 12, 25), "Kerstvakantie"),
        (date(2027, 1, 1), "Kerstvakantie"),
        (date(2026, 11, 23), None),
        (date(2026, 3, 30), None),  # the Monday after the clocks go forward
        (date(2026, 10, 26), None),  # the Monday after the clocks go back (midden)
    ],
)
def test_closed_reasons(day: date, reason: str | None) -> None:
    assert SchoolCalendar(Region.MIDDEN).closed_reason(day) == reason


def test_liberation_day_setting() -> None:
    lustrum, always, never = (
        SchoolCalendar(Region.MIDDEN, liberation_day=LiberationDay(v))
        for v in ("lustrum", "altijd", "nooit")
    )
    # 2025 is a lustrum year; 5 May 2026 is a Tuesday outside the May break
    assert lustrum.closed_reason(date(2025, 5, 5)) is not None
    assert lustrum.is_school_day(date(2026, 5, 5))
    assert always.closed_reason(date(2026, 5, 5)) == "Bevrijdingsdag"
    assert never.is_school_day(date(2026, 5, 5))


def test_good_friday_setting() -> None:
    good_friday = date(2026, 4, 3)
    assert SchoolCalendar(Region.MIDDEN).is_school_day(good_friday)
    assert SchoolCalendar(Region.MIDDEN, good_friday_off=True).closed_reason(good_friday) == (
        "Goede vrijdag"
    )


def test_team_free_day() -> None:
    calendar = SchoolCalendar(Region.NOORD, free_days=frozenset({date(2026, 11, 25)}))
    assert calendar.closed_reason(date(2026, 11, 25)) == "vrije dag"
    assert calendar.next_school_day(date(2026, 11, 24)) == date(2026, 11, 26)


def test_next_and_previous_school_day_cross_weekends_breaks_and_year_end() -> None:
    calendar = SchoolCalendar(Region.MIDDEN)
    assert calendar.next_school_day(date(2026, 11, 20)) == date(2026, 11, 23)
    assert calendar.next_school_day(date(2026, 12, 18)) == date(2027, 1, 4)
    assert calendar.previous_school_day(date(2027, 1, 4)) == date(2026, 12, 18)


def test_school_days_in_a_range() -> None:
    days = SchoolCalendar(Region.MIDDEN).school_days(date(2026, 11, 23), date(2026, 12, 6))
    assert len(days) == 10
    assert all(d.weekday() < 5 for d in days)
