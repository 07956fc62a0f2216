"""The OPP cycle's date rules and command grammar."""

from __future__ import annotations

from datetime import date

import pytest

from domain.opp import OppEvaluated, OppInvalid, OppShow, OppStart, next_due, nudge_stage, parse_opp

MONDAY = date(2026, 11, 23)


def test_next_due_from_start_or_last_evaluation() -> None:
    assert next_due(start=date(2026, 9, 28), last_evaluation=None, cycle_weeks=8) == MONDAY
    assert next_due(start=date(2026, 9, 28), last_evaluation=MONDAY, cycle_weeks=8) == date(
        2027, 1, 18
    )
    # across the year end and a leap day
    assert next_due(start=date(2027, 12, 20), last_evaluation=None, cycle_weeks=10) == date(
        2028, 2, 28
    )
    assert next_due(start=date(2028, 1, 4), last_evaluation=None, cycle_weeks=8) == date(
        2028, 2, 29
    )


@pytest.mark.parametrize(
    ("days_before", "stage"),
    [
        (20, None),
        (15, None),
        (14, "14"),
        (8, "14"),
        (7, "7"),
        (1, "7"),
        (0, "due"),
        (-3, "due"),
        (-6, "due"),
        (-7, "late1"),
        (-13, "late1"),
        (-14, "late2"),
        (-70, "late10"),
    ],
)
def test_nudge_stage(days_before: int, stage: str | None) -> None:
    from datetime import timedelta

    assert nudge_stage(due=MONDAY, today=MONDAY - timedelta(days=days_before)) == stage


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Sanne start 1-9", OppStart("Sanne", date(2026, 9, 1), None)),
        ("Sanne start 1-12", OppStart("Sanne", date(2026, 12, 1), None)),
        (
            "Sanne de Vries start 01-09-2026 elke 6 weken",
            OppStart("Sanne de Vries", date(2026, 9, 1), 6),
        ),
        ("Sanne start every 10 weeks", OppStart("Sanne", MONDAY, 10)),
        ("Sanne geëvalueerd", OppEvaluated("Sanne", MONDAY, (), None)),
        (
            "Sanne geëvalueerd gisteren met ouders, school en mentor goed gesprek",
            OppEvaluated(
                "Sanne", date(2026, 11, 22), ("ouders", "school", "mentor"), "goed gesprek"
            ),
        ),
        (
            "Daan van der Berg evaluated 20-11 with parents & school",
            OppEvaluated("Daan van der Berg", date(2026, 11, 20), ("ouders", "school"), None),
        ),
        (
            "Sanne geevalueerd met ouders,school,orthopedagoog",
            OppEvaluated("Sanne", MONDAY, ("ouders", "school", "gedragswetenschapper"), None),
        ),
        ("Sanne", OppShow("Sanne")),
        ("Sanne start elke 99 weken", OppInvalid("bad_cycle")),
        ("Sanne start elke paar weken", OppInvalid("bad_cycle")),
        ("Sanne start ooit", OppInvalid("bad_date")),
        ("Sanne geëvalueerd morgen", OppInvalid("future_date")),
    ],
)
def test_parse_opp(line: str, expected: object) -> None:
    assert parse_opp(line, today=MONDAY) == expected
