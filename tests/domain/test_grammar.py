"""Dates, times and durations as people type them, in Dutch and English."""

from __future__ import annotations

from datetime import date, time, timedelta

import pytest

from domain.grammar import format_date, format_time, parse_date, parse_duration, parse_time

SUNDAY = date(2026, 11, 22)


@pytest.mark.parametrize(
    ("text", "future", "past"),
    [
        ("vandaag", SUNDAY, SUNDAY),
        ("Today", SUNDAY, SUNDAY),
        ("morgen", date(2026, 11, 23), date(2026, 11, 23)),
        ("gisteren", date(2026, 11, 21), date(2026, 11, 21)),
        ("eergisteren", date(2026, 11, 20), date(2026, 11, 20)),
        ("vrijdag", date(2026, 11, 27), date(2026, 11, 20)),
        ("vr", date(2026, 11, 27), date(2026, 11, 20)),
        ("zondag", date(2026, 11, 29), date(2026, 11, 15)),
        ("Monday", date(2026, 11, 23), date(2026, 11, 16)),
        ("12-12", date(2026, 12, 12), date(2025, 12, 12)),
        ("12/12", date(2026, 12, 12), date(2025, 12, 12)),
        ("12.12.2026", date(2026, 12, 12), date(2026, 12, 12)),
        ("1-2-27", date(2027, 2, 1), date(2027, 2, 1)),
        ("2026-12-12", date(2026, 12, 12), date(2026, 12, 12)),
        ("3 mrt", date(2027, 3, 3), date(2026, 3, 3)),
        ("3 maart 2027", date(2027, 3, 3), date(2027, 3, 3)),
        ("12 december", date(2026, 12, 12), date(2025, 12, 12)),
        ("dec 12", date(2026, 12, 12), date(2025, 12, 12)),
        ("22-11", SUNDAY, SUNDAY),
        ("29-2", date(2028, 2, 29), date(2024, 2, 29)),
    ],
)
def test_parse_date(text: str, future: date, past: date) -> None:
    assert parse_date(text, today=SUNDAY) == future
    assert parse_date(text, today=SUNDAY, prefer="past") == past


@pytest.mark.parametrize(
    "text", ["", "  ", "31-02", "13-13", "32 dec", "morgenochtend", "12-12-12-12", "blah 3"]
)
def test_parse_date_rejects(text: str) -> None:
    assert parse_date(text, today=SUNDAY) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("9:00", time(9)),
        ("09:00", time(9)),
        ("9.00", time(9)),
        ("9u", time(9)),
        ("9", time(9)),
        ("14:45", time(14, 45)),
        ("0:00", time(0)),
        ("23:59", time(23, 59)),
    ],
)
def test_parse_time(text: str, expected: time) -> None:
    assert parse_time(text) == expected


@pytest.mark.parametrize("text", ["24:00", "9:60", "9:5", "negen", "", "-1:00", "9:00 pm"])
def test_parse_time_rejects(text: str) -> None:
    assert parse_time(text) is None


@pytest.mark.parametrize(
    ("text", "minutes"),
    [
        ("15m", 15),
        ("15 m", 15),
        ("15min", 15),
        ("15 minuten", 15),
        ("1u", 60),
        ("1 uur", 60),
        ("1h", 60),
        ("1u30", 90),
        ("1u 30", 90),
        ("1h30m", 90),
        ("1:30", 90),
        ("90 min", 90),
        ("1,5u", 90),
        ("1.5 uur", 90),
        ("2 uren", 120),
        ("12u", 720),
    ],
)
def test_parse_duration(text: str, minutes: int) -> None:
    assert parse_duration(text) == timedelta(minutes=minutes)


@pytest.mark.parametrize("text", ["15", "0m", "13u", "", "lang", "1:75", "-5m"])
def test_parse_duration_rejects(text: str) -> None:
    assert parse_duration(text) is None


def test_format() -> None:
    assert format_date(date(2026, 11, 23), "nl") == "maandag 23 november"
    assert format_date(date(2026, 11, 23), "en", with_year=True) == "Monday 23 November 2026"
    assert format_time(time(9, 5)) == "09:05"
