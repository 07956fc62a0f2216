"""The OPP report's rules: where it starts, the weeks, goals, contacts and pauses."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from domain.calendar import Region, SchoolCalendar
from domain.opp import OppInvalid, OppReport, OppShow, parse_opp
from domain.report import (
    ContactTotal,
    GoalTally,
    PauseEvent,
    WeekRow,
    average_mood,
    contact_totals,
    goal_tally,
    mood_trend,
    pause_periods,
    paused_days,
    report_start,
    week_rows,
)

TODAY = date(2026, 12, 11)  # a Friday
MONDAY = date(2026, 11, 23)


@pytest.mark.parametrize(
    ("given", "last", "plan", "joined", "expected"),
    [
        (
            date(2026, 12, 1),
            date(2026, 11, 2),
            date(2026, 9, 1),
            None,
            (date(2026, 12, 1), "given"),
        ),
        (None, date(2026, 11, 2), date(2026, 9, 1), None, (date(2026, 11, 2), "evaluation")),
        (None, None, date(2026, 9, 1), date(2026, 8, 20), (date(2026, 9, 1), "plan")),
        (None, None, None, date(2026, 10, 5), (date(2026, 10, 5), "joined")),
        (None, None, None, None, (TODAY, "joined")),
        (None, None, date(2024, 1, 8), None, (TODAY - timedelta(days=366), "plan")),  # a year
        (None, None, date(2027, 1, 4), None, (TODAY, "plan")),  # a plan that starts later
    ],
)
def test_where_the_report_starts(
    given: date | None,
    last: date | None,
    plan: date | None,
    joined: date | None,
    expected: tuple[date, str],
) -> None:
    found = report_start(
        given=given, last_evaluation=last, plan_start=plan, joined=joined, today=TODAY
    )
    assert found == expected


def test_weeks_leave_out_holidays_and_pauses_but_count_a_check_in_while_paused() -> None:
    calendar = SchoolCalendar(region=Region.MIDDEN)
    start, end = MONDAY, date(2027, 1, 8)  # across the Christmas holiday
    moods = {MONDAY: 2, MONDAY + timedelta(days=1): 4, date(2026, 12, 2): 5}
    paused = paused_days([(date(2026, 12, 1), date(2026, 12, 4))])
    rows = week_rows(
        start=start,
        end=end,
        school_days=calendar.school_days(start, end),
        paused=paused,
        moods=moods,
    )
    assert [row.monday for row in rows][:2] == [MONDAY, date(2026, 11, 30)]
    assert len(rows) == 7
    assert rows[0] == WeekRow(MONDAY, school_days=5, checked_in=2, mood=3.0)
    # Monday 30 Nov and Wednesday 2 Dec (paused, but she checked in)
    assert (rows[1].school_days, rows[1].checked_in, rows[1].mood) == (2, 1, 5.0)
    assert [(r.school_days, r.rate) for r in rows[4:6]] == [(0, None), (0, None)]  # holiday
    assert rows[1].rate == 0.5


def test_a_period_that_starts_mid_week_counts_from_its_first_day() -> None:
    calendar = SchoolCalendar(region=Region.MIDDEN)
    start = date(2026, 11, 26)  # Thursday
    rows = week_rows(
        start=start,
        end=date(2026, 11, 27),
        school_days=calendar.school_days(start, date(2026, 11, 27)),
        paused=set(),
        moods={date(2026, 11, 25): 1, date(2026, 11, 27): 4},
    )
    assert rows == [WeekRow(MONDAY, school_days=2, checked_in=1, mood=4.0)]


def test_mood_trend_and_average() -> None:
    def week(mood: float | None, checked_in: int = 5) -> WeekRow:
        return WeekRow(MONDAY, school_days=5, checked_in=checked_in if mood else 0, mood=mood)

    assert mood_trend([week(2.0), week(None), week(3.0), week(3.4)]) == "up"
    assert mood_trend([week(4.0), week(3.0)]) == "down"
    assert mood_trend([week(3.0), week(3.4)]) == "steady"
    assert mood_trend([week(3.0)]) is None
    assert average_mood([week(2.0, 1), week(4.0, 3)]) == pytest.approx(3.5)
    assert average_mood([week(None)]) is None


def test_goals_planned_and_how_they_went() -> None:
    tally = goal_tally(
        [["rekenen", "lezen"], ["rekenen"], []],
        [["done", "not"], ["partly"], [None]],
    )
    assert tally == GoalTally(planned=3, done=1, partly=1, not_yet=1)
    assert tally.unanswered == 0
    assert goal_tally([["a", "b", "c"]], []).unanswered == 3


def test_contacts_by_kind_in_the_given_order() -> None:
    found = contact_totals(
        [("bellen", 15), ("voortgangsgesprek", 30), ("bellen", None), ("huisbezoek", 60)],
        ("gesprek", "voortgangsgesprek", "bellen", "huisbezoek"),
    )
    assert found == [
        ContactTotal("voortgangsgesprek", 1, 30),
        ContactTotal("bellen", 2, 15),
        ContactTotal("huisbezoek", 1, 60),
    ]


def test_pauses_from_their_events() -> None:
    events = [
        PauseEvent(date(2026, 11, 2), date(2026, 11, 6)),  # before the period, ran to its end
        PauseEvent(date(2026, 11, 24), date(2026, 11, 27)),
        PauseEvent(date(2026, 11, 26), date(2026, 12, 4)),  # extended while it ran
        PauseEvent(date(2026, 12, 2), None),  # lifted early: paused up to the day before
        PauseEvent(date(2026, 12, 7), date(2026, 12, 7)),
        PauseEvent(date(2026, 12, 7), None),  # set and lifted on one day: no pause
        PauseEvent(date(2026, 12, 9), date(2027, 1, 8)),  # runs past the period
    ]
    periods = pause_periods(events, start=MONDAY, end=TODAY)
    assert periods == [
        (date(2026, 11, 24), date(2026, 12, 1)),
        (date(2026, 12, 9), TODAY),
    ]
    assert len(paused_days(periods)) == 8 + 3
    assert pause_periods([PauseEvent(date(2026, 12, 1), None)], start=MONDAY, end=TODAY) == []


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Sanne verslag", OppReport("Sanne", None)),
        ("Sanne de Vries verslag vanaf 1-9", OppReport("Sanne de Vries", date(2026, 9, 1))),
        ("Daan report from 2026-11-02", OppReport("Daan", date(2026, 11, 2))),
        ("Daan verslag sinds 3 nov", OppReport("Daan", date(2026, 11, 3))),
        ("Daan verslag 12-12", OppReport("Daan", date(2025, 12, 12))),  # a past date
        ("Daan verslag vanaf 2027-01-04", OppInvalid("report_future")),
        ("Daan verslag vanaf 1-1-2025", OppInvalid("report_too_old")),
        ("Daan verslag vanaf gisteravond laat", OppInvalid("report_bad_date")),
        ("verslag", OppInvalid("no_name")),
        ("Daan", OppShow("Daan")),
    ],
)
def test_the_report_grammar(line: str, expected: object) -> None:
    assert parse_opp(line, today=TODAY) == expected
