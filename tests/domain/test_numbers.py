"""Numbers in chat and card data: ASCII digits only, always within bounds, never an exception."""

from __future__ import annotations

from datetime import date, time

import pytest
from hypothesis import given
from hypothesis import strategies as st

from domain.contacts import LogProblem, parse_log
from domain.grammar import duration_minutes, parse_date, parse_duration, parse_time
from domain.numbers import (
    MAX_ID,
    ascii_decimal,
    ascii_int,
    clamped_int,
    has_other_digits,
    int_value,
    is_ascii_number,
)
from domain.opp import OppInvalid, OppStart, parse_opp

MONDAY = date(2026, 11, 23)
OTHER_DIGITS = ["²", "٣", "５", "١٢", "߃", "௫", "Ⅻ", "½", "𝟓", "३०", "①"]


@pytest.mark.parametrize("text", OTHER_DIGITS)
def test_other_digits_are_no_numbers(text: str) -> None:
    assert text.isdigit() or text.isnumeric()  # what Python itself would accept
    assert has_other_digits(text)
    assert not is_ascii_number(text)
    assert ascii_int(text, low=0, high=MAX_ID) is None
    assert clamped_int(text, low=0, high=50) is None
    assert int_value(text, low=0, high=MAX_ID) is None
    assert ascii_decimal(text, low=0, high=10) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("0", 0),
        ("7", 7),
        (" 12 ", 12),
        ("0007", 7),
        ("52", 52),
        ("53", None),
        ("", None),
        ("-1", None),
        ("+1", None),
        ("1_0", None),
        ("1.0", None),
        ("0x1F", None),
        ("1e3", None),
        ("9" * 5000, None),
        ("0" * 5000 + "5", 5),
        ("3\n", 3),
    ],
)
def test_ascii_int(text: str, expected: int | None) -> None:
    assert ascii_int(text, low=0, high=52) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [("500", 50), ("0", 1), ("9" * 5000, 50), ("12", 12), ("²", None), ("x", None)],
)
def test_clamped_int(text: str, expected: int | None) -> None:
    assert clamped_int(text, low=1, high=50) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (3, 3),
        ("3", 3),
        (True, None),
        (False, None),
        (3.0, None),
        (None, None),
        ([3], None),
        (10**30, None),
        (-1, None),
        (str(MAX_ID), MAX_ID),
        (str(MAX_ID + 1), None),
    ],
)
def test_int_value(value: object, expected: int | None) -> None:
    assert int_value(value, low=0, high=MAX_ID) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1,5", 1.5),
        ("2", 2.0),
        ("0.5", 0.5),
        ("1e309", None),
        ("nan", None),
        ("inf", None),
        ("4.1", None),
        ("١٫٥", None),
        ("1_0", None),
        ("9" * 400, None),
    ],
)
def test_ascii_decimal(text: str, expected: float | None) -> None:
    assert ascii_decimal(text, low=0.5, high=4) == expected


@given(st.text(max_size=30) | st.from_regex(r"[0-9]{1,400}", fullmatch=True))
def test_number_readers_never_raise(text: str) -> None:
    for reader in (ascii_int, clamped_int):
        number = reader(text, low=1, high=720)
        assert number is None or 1 <= number <= 720
    decimal = ascii_decimal(text, low=0.5, high=4)
    assert decimal is None or 0.5 <= decimal <= 4


@pytest.mark.parametrize(
    ("text", "minutes"),
    [
        ("800m", 800),
        ("13 uur", 780),
        ("0m", 0),
        ("99999999999u", -1),
        ("9" * 5000 + "m", -1),
        ("²u", -1),
        ("٣٠ min", -1),
        ("15m", 15),
        ("1e309", None),
        ("14:45", None),
        ("²", None),
    ],
)
def test_duration_minutes_reads_durations_out_of_range(text: str, minutes: int | None) -> None:
    assert duration_minutes(text) == minutes


@given(st.text(max_size=40))
def test_durations_are_within_bounds_or_none(text: str) -> None:
    found = parse_duration(text)
    assert found is None or 0 < found.total_seconds() <= 12 * 3600


@pytest.mark.parametrize(
    "line",
    [
        "Sanne bellen 99999999999u",
        "Sanne bellen 800m",
        "Sanne bellen 0m",
        "Sanne bellen ²u",
        "Sanne bellen gisteren 13u",
    ],
)
def test_a_contact_with_an_impossible_duration_is_refused(line: str) -> None:
    result = parse_log(line, today=MONDAY)
    assert result == LogProblem("bad_duration", name="Sanne", kind="bellen")


def test_a_note_may_hold_any_number() -> None:
    result = parse_log("Sanne bellen 15m 1e309 keer ٣ gebeld", today=MONDAY)
    assert not isinstance(result, LogProblem)
    assert (result.minutes, result.note) == (15, "1e309 keer ٣ gebeld")


@pytest.mark.parametrize(
    "text",
    ["²-11", "٣-11", "３-11", "2999-01-01", "1-1-1999", "1 jan 2101", "01-01-0000", "٢٠٢٦-11-23"],
)
def test_dates_with_other_digits_or_outside_the_years_are_refused(text: str) -> None:
    assert parse_date(text, today=MONDAY) is None


@pytest.mark.parametrize("text", ["2000-01-01", "31-12-2100", "1-1-00"])
def test_dates_at_the_edges_of_the_years(text: str) -> None:
    assert parse_date(text, today=MONDAY) is not None


@pytest.mark.parametrize("text", ["９:00", "٩:٠٠", "²u", "9:²0"])
def test_times_with_other_digits_are_refused(text: str) -> None:
    assert parse_time(text) is None
    assert parse_time("9:00") == time(9)


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Sanne start 1-9 elke ٣ weken", OppInvalid("bad_cycle")),
        ("Sanne start 1-9 elke ８ weken", OppInvalid("bad_cycle")),
        ("Sanne start 1-9 elke 99999999999 weken", OppInvalid("bad_cycle")),
        ("Sanne start 1-9 elke 0 weken", OppInvalid("bad_cycle")),
        ("Sanne start ３-9", OppInvalid("bad_date")),
        ("Sanne start 1-1-2999", OppInvalid("bad_date")),
        ("Sanne start 1-9  elke 8 weken", OppStart("Sanne", date(2026, 9, 1), 8)),
        ("Sanne start 1-9 Elke 8 Weken", OppStart("Sanne", date(2026, 9, 1), 8)),
    ],
)
def test_opp_cycles_and_dates(line: str, expected: object) -> None:
    assert parse_opp(line, today=MONDAY) == expected
