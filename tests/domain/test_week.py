"""A pupil's own week: the days it spans, the week's last school day, and the streak."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from domain.calendar import Region, SchoolCalendar
from domain.week import (
    is_last_school_day_of_week,
    monday_of,
    shown_week,
    streak,
    streak_days,
    week_of,
    week_so_far,
)

MIDDEN = SchoolCalendar(region=Region.MIDDEN)
MONDAY = date(2026, 11, 23)  # an ordinary school week, Monday to Friday 27 November


def days(first: date, last: date) -> set[date]:
    return {first + timedelta(days=n) for n in range((last - first).days + 1)}


def count(
    today: date,
    checked: set[date],
    paused: frozenset[date] | set[date] = frozenset(),
    calendar: SchoolCalendar = MIDDEN,
) -> int:
    return streak(
        today=today,
        school_days=streak_days(today, calendar),
        checked_in=checked,
        paused=paused,
    )


def test_consecutive_school_days_count() -> None:
    week = days(MONDAY, MONDAY + timedelta(days=3))
    assert count(MONDAY + timedelta(days=3), week) == 4


def test_today_not_yet_answered_does_not_break_it() -> None:
    checked = days(MONDAY, MONDAY + timedelta(days=2))
    assert count(MONDAY + timedelta(days=3), checked) == 3


def test_a_missed_school_day_starts_it_anew() -> None:
    checked = {MONDAY, MONDAY + timedelta(days=2), MONDAY + timedelta(days=3)}  # not Tuesday
    assert count(MONDAY + timedelta(days=3), checked) == 2


def test_no_check_ins_is_zero() -> None:
    assert count(MONDAY + timedelta(days=3), set()) == 0


def test_the_weekend_does_not_break_it() -> None:
    friday = MONDAY - timedelta(days=3)
    checked = {friday - timedelta(days=1), friday, MONDAY, MONDAY + timedelta(days=1)}
    assert count(MONDAY + timedelta(days=1), checked) == 4
    assert count(MONDAY + timedelta(days=5), checked | days(MONDAY, MONDAY + timedelta(4))) == 7


def test_a_school_vacation_and_public_holiday_do_not_break_it() -> None:
    # kerstvakantie midden 2026: 19 December to 3 January; 4 January 2027 is a Monday
    before = {date(2026, 12, 17), date(2026, 12, 18)}
    after = {date(2027, 1, 4), date(2027, 1, 5)}
    assert count(date(2027, 1, 5), before | after) == 4
    # Hemelvaartsdag, Thursday 14 May 2026
    around = {date(2026, 5, 12), date(2026, 5, 13), date(2026, 5, 15)}
    assert count(date(2026, 5, 15), around) == 3


def test_a_team_day_off_does_not_break_it() -> None:
    checked = {MONDAY, MONDAY + timedelta(days=2)}
    off = SchoolCalendar(region=Region.MIDDEN, free_days=frozenset({MONDAY + timedelta(days=1)}))
    assert count(MONDAY + timedelta(days=2), checked, calendar=off) == 2
    assert count(MONDAY + timedelta(days=2), checked) == 1


def test_a_pause_does_not_break_it_and_a_check_in_while_paused_counts() -> None:
    checked = {MONDAY, MONDAY + timedelta(days=3), MONDAY + timedelta(days=4)}
    paused = {MONDAY + timedelta(days=1), MONDAY + timedelta(days=2)}
    assert count(MONDAY + timedelta(days=4), checked, paused) == 3
    assert count(MONDAY + timedelta(days=4), checked | paused, paused) == 5


def test_check_ins_after_today_are_not_counted() -> None:
    assert count(MONDAY, {MONDAY, MONDAY + timedelta(days=1)}) == 1


@pytest.mark.parametrize(
    ("today", "monday"),
    [
        (MONDAY, MONDAY),
        (MONDAY + timedelta(days=2), MONDAY),
        (MONDAY + timedelta(days=5), MONDAY),  # Saturday: the week just ended
        (MONDAY + timedelta(days=6), MONDAY),  # Sunday
        (date(2026, 12, 23), date(2026, 12, 14)),  # kerstvakantie: the last week with school
        (date(2027, 1, 4), date(2027, 1, 4)),  # the first day after it
    ],
)
def test_the_week_a_pupil_sees(today: date, monday: date) -> None:
    week = shown_week(today, MIDDEN)
    assert week is not None
    assert week.monday == monday == monday_of(week.first)
    assert all(MIDDEN.is_school_day(d) for d in week.school_days)


def test_a_week_spans_its_school_days_only() -> None:
    # Hemelvaartsdag (Thursday 14 May 2026) and the Friday after it, off for many schools
    calendar = SchoolCalendar(region=Region.MIDDEN, free_days=frozenset({date(2026, 5, 15)}))
    week = week_of(date(2026, 5, 13), calendar)
    assert week.school_days == (date(2026, 5, 11), date(2026, 5, 12), date(2026, 5, 13))
    assert week.last == date(2026, 5, 13)


def test_no_week_when_there_was_no_school_for_months() -> None:
    closed = SchoolCalendar(
        region=Region.MIDDEN, free_days=frozenset(days(date(2026, 1, 1), date(2026, 12, 31)))
    )
    assert shown_week(date(2026, 11, 25), closed) is None


def test_the_weeks_last_school_day() -> None:
    friday = MONDAY + timedelta(days=4)
    assert is_last_school_day_of_week(friday, MIDDEN)
    assert not is_last_school_day_of_week(friday - timedelta(days=1), MIDDEN)
    assert not is_last_school_day_of_week(friday + timedelta(days=1), MIDDEN)  # Saturday
    # Good Friday off (26 March 2027): Thursday ends the week
    easter = SchoolCalendar(region=Region.MIDDEN, good_friday_off=True)
    assert is_last_school_day_of_week(date(2027, 3, 25), easter)
    assert not is_last_school_day_of_week(date(2027, 3, 25), MIDDEN)
    # a team's own Friday off
    off = SchoolCalendar(region=Region.MIDDEN, free_days=frozenset({friday}))
    assert is_last_school_day_of_week(friday - timedelta(days=1), off)
    assert not is_last_school_day_of_week(friday, off)


def test_the_week_so_far_is_its_school_days_up_to_the_day() -> None:
    wednesday = MONDAY + timedelta(days=2)
    assert week_so_far(wednesday, MIDDEN) == [MONDAY, MONDAY + timedelta(days=1), wednesday]
    assert week_so_far(MONDAY + timedelta(days=6), MIDDEN) == [
        MONDAY + timedelta(days=i) for i in range(5)
    ]  # on Sunday: Monday to Friday
