"""Figures and their changes as each language writes them."""

from __future__ import annotations

import pytest

from domain.figures_text import (
    MINUS,
    change_shown,
    decimal_shown,
    percent_shown,
    rounded,
    with_change,
)


@pytest.mark.parametrize(
    ("value", "nl", "en"),
    [
        (2.94, "2,9", "2.9"),
        (3.0, "3,0", "3.0"),
        (2.25, "2,3", "2.3"),  # half away from zero, as people round
        (-0.04, "0,0", "0.0"),  # no minus before a zero
        (-0.3, f"{MINUS}0,3", f"{MINUS}0.3"),
    ],
)
def test_decimals(value: float, nl: str, en: str) -> None:
    assert decimal_shown(value, "nl") == nl
    assert decimal_shown(value, "en") == en


def test_rounding_half_away_from_zero() -> None:
    assert rounded(2.5, 0) == 3  # Python's round(2.5) is 2
    assert rounded(-2.5, 0) == -3
    assert rounded(0.125, 2) == rounded(0.13, 2)


@pytest.mark.parametrize(
    ("share", "shown"),
    [(0.75, "75%"), (0.745, "75%"), (0.0, "0%"), (1.0, "100%"), (None, "—")],
)
def test_percentages_have_the_sign_against_the_number(share: float | None, shown: str) -> None:
    assert percent_shown(share, "nl") == shown
    assert percent_shown(share, "en") == shown


def test_changes_have_a_real_minus_and_a_plus() -> None:
    assert change_shown(75, 80, "nl") == "−5"
    assert change_shown(75, 80, "nl") == f"{MINUS}5"
    assert "-" not in change_shown(75, 80, "en")
    assert change_shown(80, 75, "en") == "+5"
    assert change_shown(2.9, 3.2, "nl", digits=1) == "−0,3"
    assert change_shown(2.9, 3.2, "en", digits=1) == "−0.3"
    assert change_shown(3.2, 2.9, "nl", digits=1) == "+0,3"
    assert change_shown(3.0, 3.0, "nl", digits=1) == "0,0"
    assert change_shown(7, 7, "en") == "0"


def test_a_change_adds_up_to_the_figures_shown() -> None:
    """75.4% against 80.3% shows as 75% and 80%: the change is −5, not −4.9 rounded."""
    assert change_shown(75.4, 80.3, "nl") == "−5"
    assert change_shown(2.94, 3.26, "en", digits=1) == "−0.4"  # 2.9 against 3.3


def test_with_change() -> None:
    assert with_change("75%", 0.75, 0.80, "nl", scale=100) == "75% (−5)"
    assert with_change("75%", 0.75, 0.70, "en", scale=100) == "75% (+5)"
    assert with_change("2,9", 2.9, 3.2, "nl", digits=1) == "2,9 (−0,3)"
    assert with_change("2.9", 2.9, 3.2, "en", digits=1) == "2.9 (−0.3)"
    assert with_change("12", 12, 9, "nl") == "12 (+3)"
    assert with_change("—", None, 3.2, "nl", digits=1) == "—"
    assert with_change("75%", 0.75, None, "en", scale=100) == "75%"
