"""Words inside sentences, and the English words for setting values."""

from __future__ import annotations

import pytest

from domain.words import in_sentence, liberation_of, region_of, yes_no_of


@pytest.mark.parametrize(
    ("word", "inside"),
    [
        ("Slecht", "slecht"),
        ("😢 Slecht", "😢 slecht"),
        ("🙁 Niet zo goed", "🙁 niet zo goed"),
        ("🙂 Great", "🙂 great"),
        ("😐 Okay", "😐 okay"),
        ("OPP", "OPP"),
        ("😐 OK", "😐 OK"),
        ("goed", "goed"),
        ("Één", "één"),
        ("", ""),
        ("🙂", "🙂"),
    ],
)
def test_in_sentence(word: str, inside: str) -> None:
    assert in_sentence(word) == inside


@pytest.mark.parametrize(
    ("typed", "region"),
    [
        ("noord", "noord"),
        ("North", "noord"),
        ("midden", "midden"),
        ("middle", "midden"),
        ("Central", "midden"),
        ("zuid", "zuid"),
        ("south", "zuid"),
        ("noordoost", None),
        ("", None),
    ],
)
def test_regions_in_both_languages(typed: str, region: str | None) -> None:
    assert region_of(typed) == region


@pytest.mark.parametrize(
    ("typed", "value"),
    [
        ("lustrum", "lustrum"),
        ("every 5 years", "lustrum"),
        ("Every  five years", "lustrum"),
        ("altijd", "altijd"),
        ("always", "altijd"),
        ("every year", "altijd"),
        ("nooit", "nooit"),
        ("Never", "nooit"),
        ("every ⁵ years", None),
        ("soms", None),
    ],
)
def test_liberation_day_in_both_languages(typed: str, value: str | None) -> None:
    assert liberation_of(typed) == value


@pytest.mark.parametrize(
    ("typed", "flag"),
    [
        ("ja", True),
        ("Yes", True),
        ("vrij", True),
        ("free", True),
        ("nee", False),
        ("no", False),
        ("off", False),
        ("open", False),
        ("misschien", None),
    ],
)
def test_yes_and_no_in_both_languages(typed: str, flag: bool | None) -> None:
    assert yes_no_of(typed) is flag
