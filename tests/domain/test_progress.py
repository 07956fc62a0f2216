"""The progress talk and the timing signals: when a talk is due, how the setting is typed, and
when talks and the OPP become a signal."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from domain.contacts import LogLine, LogProblem, parse_log, split_agreements
from domain.progress import parse_talk_weeks, talk_due
from domain.signals import Signal, no_progress_talk, opp_missing, opp_without_parents

MONDAY = date(2026, 11, 30)
TODAY = date(2026, 12, 2)  # a Wednesday


@pytest.mark.parametrize(
    ("last", "weeks", "due"),
    [
        (None, 1, True),
        (date(2026, 11, 27), 1, True),  # last Friday: a new week, a new talk
        (MONDAY, 1, False),  # this week's talk was held
        (date(2026, 11, 20), 2, True),
        (date(2026, 11, 23), 2, False),  # two weeks after it is next week
        (date(2026, 10, 1), 8, True),
        (date(2026, 10, 12), 8, False),
    ],
)
def test_whose_talk_is_due_this_week(last: date | None, weeks: int, due: bool) -> None:
    assert talk_due(last, weeks=weeks, today=TODAY) is due


@pytest.mark.parametrize(
    ("typed", "weeks"),
    [
        ("1", 1),
        ("elke 2 weken", 2),
        ("Iedere 3 week", 3),
        ("every 4 weeks", 4),
        ("8 wk", 8),
        ("wekelijks", 1),
        ("every week", 1),
        ("9", None),
        ("0", None),
        ("twee", None),
        ("elke ² weken", None),
        ("", None),
    ],
)
def test_the_setting_as_typed(typed: str, weeks: int | None) -> None:
    assert parse_talk_weeks(typed) == weeks


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        (
            "Sanne voortgangsgesprek 20m afspraken: elke dag om 10 uur starten",
            LogLine("Sanne", "voortgangsgesprek", TODAY, 20, None, "elke dag om 10 uur starten"),
        ),
        (
            "Sanne de Vries progress talk 30m went well. Agreements: start at ten",
            LogLine("Sanne de Vries", "voortgangsgesprek", TODAY, 30, "went well.", "start at ten"),
        ),
        (
            "Daan voortgang gisteren",
            LogLine("Daan", "voortgangsgesprek", TODAY - timedelta(days=1)),
        ),
        ("Daan weekgesprek afspraken:", LogLine("Daan", "voortgangsgesprek", TODAY)),
        # only a progress talk holds agreements; other kinds keep the words in the note
        (
            "Daan bellen 10m afspraken: morgen weer",
            LogLine("Daan", "bellen", TODAY, 10, "afspraken: morgen weer"),
        ),
        (
            "Daan voortgangsgesprek afspraken: " + "x" * 1001,
            LogProblem("agreements_too_long", name="Daan", kind="voortgangsgesprek"),
        ),
    ],
)
def test_logging_a_talk_with_agreements(line: str, expected: object) -> None:
    assert parse_log(line, today=TODAY) == expected


def test_agreements_split_from_the_note() -> None:
    assert split_agreements("voortgangsgesprek", "goed gesprek afspraak: om 9 uur bellen") == (
        "goed gesprek",
        "om 9 uur bellen",
    )
    assert split_agreements("voortgangsgesprek", "geen afspraken vandaag") == (
        "geen afspraken vandaag",
        None,
    )
    assert split_agreements("gesprek", "afspraken: x") == ("afspraken: x", None)
    assert split_agreements("voortgangsgesprek", None) == (None, None)


def test_no_progress_talk_after_the_setting_and_a_week_of_grace() -> None:
    joined = date(2026, 11, 1)
    last = date(2026, 11, 19)  # 13 days ago
    assert no_progress_talk(last, known_since=joined, today=TODAY, weeks=1, grace=1) is None
    assert no_progress_talk(
        last, known_since=joined, today=last + timedelta(days=14), weeks=1, grace=1
    ) == Signal("no_progress_talk", since=last, detail="2")
    assert no_progress_talk(None, known_since=joined, today=TODAY, weeks=2, grace=1) == Signal(
        "no_progress_talk", since=joined, detail="4"
    )
    assert no_progress_talk(None, known_since=joined, today=TODAY, weeks=4, grace=1) is None


def test_no_opp_six_weeks_after_joining() -> None:
    joined = date(2026, 10, 21)
    assert opp_missing(False, joined=joined, today=joined + timedelta(days=41)) is None
    assert opp_missing(False, joined=joined, today=joined + timedelta(days=42)) == Signal(
        "opp_missing", since=joined + timedelta(days=42), detail="6"
    )
    assert opp_missing(True, joined=joined, today=TODAY) is None
    assert opp_missing(False, joined=None, today=TODAY) is None


def test_a_year_without_an_evaluation_with_the_parents() -> None:
    start = date(2025, 9, 1)
    year_later = start + timedelta(days=365)
    assert opp_without_parents(None, plan_start=start, today=year_later - timedelta(days=1)) is None
    assert opp_without_parents(None, plan_start=start, today=year_later) == Signal(
        "opp_without_parents", since=year_later, detail="365"
    )
    # an evaluation with the parents starts the year again
    assert opp_without_parents(date(2026, 3, 2), plan_start=start, today=TODAY) is None
    # and so does a new plan
    assert opp_without_parents(date(2024, 3, 2), plan_start=date(2026, 1, 5), today=TODAY) is None
    assert opp_without_parents(None, plan_start=None, today=TODAY) is None
