"""The trajectory grammar and rules, and the term report's periods and figures."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from domain.term_report import (
    Period,
    TrajectoryFacts,
    parse_period,
    phase_on,
    phase_spans,
    school_year_start,
    term_figures,
)
from domain.trajectory import (
    DEFAULT_PHASES,
    EndTrajectory,
    MoveToPhase,
    SetStart,
    ShowTrajectory,
    TeamPhases,
    TrajectoryProblem,
    match_phase,
    outcome_of,
    parse_trajectory,
    weeks_between,
)

TODAY = date(2026, 11, 23)  # a Monday


@pytest.mark.parametrize(
    ("line", "parsed"),
    [
        ("Sanne", ShowTrajectory("Sanne")),
        ("Sanne de Vries", ShowTrajectory("Sanne de Vries")),
        ("Sanne fase opbouw", MoveToPhase("Sanne", "opbouw", TODAY)),
        (
            "Sanne de Vries fase opbouw 1-9",
            MoveToPhase("Sanne de Vries", "opbouw", date(2026, 9, 1)),
        ),
        ("Sanne phase building up 3 nov", MoveToPhase("Sanne", "building up", date(2026, 11, 3))),
        ("Sanne start", SetStart("Sanne", None)),
        ("Sanne start 1-9", SetStart("Sanne", date(2026, 9, 1))),
        (
            "Sanne afgerond terug naar school",
            EndTrajectory("Sanne", "terug naar school", TODAY),
        ),
        (
            "Sanne done other placement 20-11",
            EndTrajectory("Sanne", "other placement", date(2026, 11, 20)),
        ),
        ("fasen", TeamPhases(None)),
        ("fasen instroom, opbouw , schoolfit,", TeamPhases(("instroom", "opbouw", "schoolfit"))),
        ("phases a;b", TeamPhases(("a", "b"))),
    ],
)
def test_lines_that_read(line: str, parsed: object) -> None:
    assert parse_trajectory(line, today=TODAY) == parsed


@pytest.mark.parametrize(
    ("line", "problem"),
    [
        ("", "no_name"),
        ("Sanne fase", "no_phase"),
        ("Sanne fase opbouw morgen", "future_date"),
        ("Sanne fase opbouw 2027-01-04", "future_date"),
        ("Sanne fase opbouw 31-2", "bad_date"),
        ("Sanne start volgende week", "bad_date"),
        ("Sanne afgerond", "no_outcome"),
        ("Sanne afgerond 1-9", "no_outcome"),
        ("Sanne afgerond naar huis", "bad_outcome"),
        ("fasen " + ",".join("abcdefghi"), "too_many_phases"),
        ("fasen a, " + "b" * 31, "phase_too_long"),
        ("fasen ,,", "empty_phase"),
        ("fasen Opbouw, opbouw", "duplicate_phase"),
        ("fasen a, 12", "phase_without_letters"),
    ],
)
def test_lines_that_do_not(line: str, problem: str) -> None:
    found = parse_trajectory(line, today=TODAY)
    assert isinstance(found, TrajectoryProblem)
    assert found.problem == problem


def test_an_outcome_with_a_typo_gets_a_guess_not_a_guess_taken() -> None:
    found = parse_trajectory("Sanne afgerond terug naar scool", today=TODAY)
    assert found == TrajectoryProblem("bad_outcome", guess="terug naar school")
    assert outcome_of("Terug naar school.") == "school"
    assert outcome_of("andere plek") == "elsewhere"
    assert outcome_of("anders") == "other"
    assert outcome_of("scool") is None


def test_phases_match_in_any_case_in_english_and_with_a_small_typo() -> None:
    phases = list(DEFAULT_PHASES)
    assert match_phase("OPBOUW", phases) == "opbouw"
    assert match_phase("building up", phases) == "opbouw"
    assert match_phase("school-ready", phases) == "schoolfit"
    assert match_phase("opbouww", phases) == "opbouw"
    assert match_phase("terugkear", phases) == "terugkeer"
    assert match_phase("vakantie", phases) is None
    assert match_phase("op", phases) is None  # too short to guess at
    own = ["Kennismaken", "Ritme", "school erbij"]
    assert match_phase("ritme", own) == "Ritme"
    assert match_phase("School Erbij", own) == "school erbij"
    assert match_phase("intake", own) is None  # English words name the default phases only


def test_weeks_in_a_phase() -> None:
    assert weeks_between(date(2026, 11, 2), TODAY) == 3
    assert weeks_between(date(2026, 11, 17), TODAY) == 0
    assert weeks_between(TODAY, date(2026, 11, 2)) == 0


@pytest.mark.parametrize(
    ("text", "period"),
    [
        ("", Period(date(2026, 8, 1), TODAY)),
        ("dit schooljaar", Period(date(2026, 8, 1), TODAY)),
        ("this school year", Period(date(2026, 8, 1), TODAY)),
        ("vorig schooljaar", Period(date(2025, 8, 1), date(2026, 7, 31))),
        ("schooljaar 2025-2026", Period(date(2025, 8, 1), date(2026, 7, 31))),
        ("school year 2026/2027", Period(date(2026, 8, 1), TODAY)),
        ("1-8 tot 31-12", Period(date(2026, 8, 1), TODAY)),
        ("van 1-9 t/m 1-10", Period(date(2026, 9, 1), date(2026, 10, 1))),
        ("1 Sep to 30 Sep", Period(date(2026, 9, 1), date(2026, 9, 30))),
        ("2025-01-01 tot 2025-06-30", Period(date(2025, 1, 1), date(2025, 6, 30))),
    ],
)
def test_periods(text: str, period: Period) -> None:
    assert parse_period(text, today=TODAY) == period


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("schooljaar 2025-2027", "bad_period"),
        ("schooljaar 2027-2028", "future_period"),
        ("gisteren", "bad_period"),
        ("1-9 tot gisteren tot morgen", "bad_period"),
        ("2026-10-01 tot 2026-09-01", "end_before_start"),
    ],
)
def test_periods_that_do_not_read(text: str, problem: str) -> None:
    assert parse_period(text, today=TODAY) == problem


def test_the_school_year_begins_in_august() -> None:
    assert school_year_start(date(2026, 7, 31)) == date(2025, 8, 1)
    assert school_year_start(date(2026, 8, 1)) == date(2026, 8, 1)


def test_phase_spans_end_where_the_next_begins() -> None:
    phases = [("opbouw", date(2026, 10, 1)), ("instroom", date(2026, 9, 1))]
    assert phase_spans(phases, closed_on=None, until=TODAY) == [
        ("instroom", date(2026, 9, 1), date(2026, 10, 1)),
        ("opbouw", date(2026, 10, 1), TODAY),
    ]
    assert phase_spans(phases, closed_on=date(2026, 11, 1), until=TODAY)[-1][2] == date(2026, 11, 1)
    assert phase_on(phases, date(2026, 9, 30)) == ("instroom", date(2026, 9, 1))
    assert phase_on(phases, date(2026, 8, 30)) is None


def _facts(
    ended: date | None = None, outcome: str | None = None, left: date | None = None
) -> TrajectoryFacts:
    return TrajectoryFacts(
        started_on=date(2026, 9, 1),
        ended_on=ended,
        outcome=outcome,
        phases=[("instroom", date(2026, 9, 1)), ("opbouw", date(2026, 9, 29))],
        left_on=left,
    )


def test_term_figures_count_phases_outcomes_and_weeks() -> None:
    period = Period(date(2026, 8, 1), TODAY)
    found = term_figures(
        [
            *[_facts(date(2026, 11, 20), "school") for _ in range(5)],
            _facts(date(2026, 11, 2), "elsewhere"),
            _facts(),
            _facts(),
            _facts(left=date(2026, 10, 1)),  # left the team: no longer counted in a phase
            # ended before the period
            TrajectoryFacts(
                date(2025, 9, 1), date(2026, 7, 1), "other", [("instroom", date(2025, 9, 1))]
            ),
        ],
        team_phases=DEFAULT_PHASES,
        period=period,
    )
    by_name = {p.name: p for p in found.phases}
    assert [p.name for p in found.phases] == list(DEFAULT_PHASES)
    assert (by_name["instroom"].now, by_name["opbouw"].now) == (0, 2)
    assert by_name["instroom"].weeks == [4.0] * 9
    assert sorted(by_name["opbouw"].weeks) == [2 / 7, 34 / 7, *[52 / 7] * 5, *[55 / 7] * 2]
    assert dict(found.outcomes) == {"school": 5, "elsewhere": 1}
    assert (found.ended, found.returned) == (6, 5)
    assert found.weeks_to_return == [80 / 7] * 5


def test_term_figures_at_the_end_of_an_earlier_period() -> None:
    found = term_figures(
        [
            _facts(date(2026, 11, 20), "school"),
            TrajectoryFacts(date(2026, 10, 5), None, None, [("Ritme", date(2026, 10, 5))]),
        ],
        team_phases=("Kennismaken", "Ritme"),
        period=Period(date(2026, 9, 1), date(2026, 9, 30)),
    )
    assert {p.name: p.now for p in found.phases} == {
        "Kennismaken": 0,
        "Ritme": 0,
        "instroom": 0,
        "opbouw": 1,
    }
    assert found.ended == 0


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=80))
def test_no_line_makes_the_grammar_fail(line: str) -> None:
    parse_trajectory(line, today=TODAY)
    parse_period(line, today=TODAY)
    parse_trajectory("Sanne fase " + line, today=TODAY)
    parse_period(line + " tot " + line, today=TODAY)
