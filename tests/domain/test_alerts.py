"""The pure rules of alerts: what needs attention, school time, escalation, pick-up figures."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

import pytest

from domain.alerts import (
    attention_of,
    attention_rank,
    check_in_expected,
    due_to_escalate,
    escalation_due_at,
    needs_attention,
    pickup_figures,
    school_time,
)
from domain.calendar import Region, SchoolCalendar
from domain.clock import as_utc
from domain.due import DayTimes

TIMES = DayTimes(start=time(9, 0), close=time(14, 45))
CALENDAR = SchoolCalendar(region=Region.MIDDEN)
FRIDAY = date(2026, 11, 27)
MONDAY = date(2026, 11, 30)


def at(day: date, hour: int, minute: int = 0) -> datetime:
    return as_utc(datetime(day.year, day.month, day.day, hour, minute))


@pytest.mark.parametrize(
    ("mood", "wish", "note", "expected"),
    [
        (3, False, None, False),
        (3, False, "", False),
        (2, False, None, True),
        (5, True, None, True),
        (4, False, "ik vind het moeilijk", True),
    ],
)
def test_which_check_in_needs_attention(
    mood: int, wish: bool, note: str | None, expected: bool
) -> None:
    assert needs_attention(mood=mood, wants_contact=wish, note=note) is expected


def test_school_time_counts_only_between_start_and_close_of_school_days() -> None:
    assert school_time(at(FRIDAY, 14, 0), at(FRIDAY, 14, 30), times=TIMES, calendar=CALENDAR) == (
        timedelta(minutes=30)
    )
    # the evening, the weekend and the night before Monday do not count
    weekend = school_time(at(FRIDAY, 14, 0), at(MONDAY, 10, 15), times=TIMES, calendar=CALENDAR)
    assert weekend == timedelta(hours=2)
    assert school_time(at(FRIDAY, 16, 0), at(FRIDAY, 18, 0), times=TIMES, calendar=CALENDAR) == (
        timedelta()
    )


def test_a_wish_on_friday_afternoon_escalates_on_monday_morning() -> None:
    created = at(FRIDAY, 14, 0)
    due = escalation_due_at(created, hours=2, times=TIMES, calendar=CALENDAR)
    assert due == at(MONDAY, 10, 15)
    for moment in (at(FRIDAY, 16, 0), at(FRIDAY, 23, 0), at(MONDAY, 9, 0), at(MONDAY, 10, 14)):
        assert not due_to_escalate(
            created=created, now=moment, hours=2, times=TIMES, calendar=CALENDAR
        )
    assert due_to_escalate(
        created=created, now=at(MONDAY, 10, 15), hours=2, times=TIMES, calendar=CALENDAR
    )


def test_a_morning_wish_escalates_the_same_day_and_evening_ones_the_next_morning() -> None:
    assert escalation_due_at(at(MONDAY, 9, 10), hours=2, times=TIMES, calendar=CALENDAR) == at(
        MONDAY, 11, 10
    )
    # sent after the close (or before the start): counting begins at the next day start
    tuesday = MONDAY + timedelta(days=1)
    assert escalation_due_at(at(MONDAY, 15, 0), hours=1, times=TIMES, calendar=CALENDAR) == at(
        tuesday, 10, 0
    )
    assert escalation_due_at(at(MONDAY, 7, 0), hours=1, times=TIMES, calendar=CALENDAR) == at(
        MONDAY, 10, 0
    )


def test_school_vacations_and_long_waits_do_not_count() -> None:
    before_christmas = date(2026, 12, 18)  # the last school day before the Christmas holidays
    due = escalation_due_at(at(before_christmas, 14, 0), hours=1, times=TIMES, calendar=CALENDAR)
    assert due == at(date(2027, 1, 4), 9, 15)
    # 16 school hours span three school days
    assert escalation_due_at(at(MONDAY, 9, 0), hours=16, times=TIMES, calendar=CALENDAR) == at(
        MONDAY + timedelta(days=2), 13, 30
    )


def test_pickup_figures_median_and_slowest() -> None:
    figures = pickup_figures(
        [timedelta(minutes=40), timedelta(hours=2), timedelta(minutes=10)], still_open=1
    )
    assert (figures.picked_up, figures.still_open) == (3, 1)
    assert figures.median == timedelta(minutes=40)
    assert figures.slowest == timedelta(hours=2)
    assert pickup_figures([], still_open=2).median is None


def test_attention_comes_in_a_fixed_order_and_paused_pupils_last() -> None:
    assert attention_of(distress=True, wish=True, low_mood=True, missing=True) == "distress"
    assert attention_of(distress=False, wish=True, low_mood=True, missing=True) == "wish"
    assert attention_of(distress=False, wish=False, low_mood=True, missing=True) == "low_mood"
    assert attention_of(distress=False, wish=False, low_mood=False, missing=True) == "missing"
    assert attention_of(distress=False, wish=False, low_mood=False, missing=False) is None
    ranks = [
        attention_rank("distress", paused=False),
        attention_rank("wish", paused=False),
        attention_rank("low_mood", paused=False),
        attention_rank("missing", paused=False),
        attention_rank(None, paused=False),
        attention_rank(None, paused=True),
    ]
    assert ranks == sorted(ranks) and len(set(ranks)) == len(ranks)


def test_a_missing_check_in_counts_on_a_school_day_from_its_start() -> None:
    assert not check_in_expected(at(MONDAY, 8, 59), start=TIMES.start, calendar=CALENDAR)
    assert check_in_expected(at(MONDAY, 9, 0), start=TIMES.start, calendar=CALENDAR)
    saturday = FRIDAY + timedelta(days=1)
    assert not check_in_expected(at(saturday, 10, 0), start=TIMES.start, calendar=CALENDAR)
