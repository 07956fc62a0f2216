"""The small-numbers rule: no figure that could point at one pupil."""

from __future__ import annotations

import pytest

from domain.small_numbers import (
    count_shown,
    is_small,
    median,
    median_shown,
    number_shown,
    rate_shown,
    share_shown,
)


@pytest.mark.parametrize(
    ("count", "shown"), [(0, "0"), (1, "< 5"), (4, "< 5"), (5, "5"), (12, "12")]
)
def test_a_group_of_one_to_four_is_shown_as_fewer_than_five(count: int, shown: str) -> None:
    assert count_shown(count) == shown
    assert is_small(count) == (shown == "< 5")


@pytest.mark.parametrize(
    ("part", "whole", "shown"),
    [
        (0, 0, "—"),  # nothing to share
        (2, 4, "—"),  # too few pupils for a share
        (4, 4, "—"),
        (0, 5, "0%"),
        (5, 5, "100%"),
        (5, 6, "83%"),
        (3, 10, "< 5"),  # 30% of 10 gives the 3 back
        (6, 9, "67%"),
    ],
)
def test_a_share_of_fewer_than_five_or_of_a_small_group_is_held_back(
    part: int, whole: int, shown: str
) -> None:
    assert share_shown(part, whole) == shown


def test_a_median_needs_five_pupils() -> None:
    assert median([]) is None
    assert median([3, 1, 2]) == 2
    assert median([4, 1, 3, 2]) == 2.5
    assert median_shown([1.0, 2.0, 3.0, 4.0], "nl") == "—"
    assert median_shown([1.0, 2.0, 3.5, 4.0, 9.0], "nl") == "3,5"
    assert median_shown([1.0, 2.0, 3.5, 4.0, 9.0], "en") == "3.5"
    assert median_shown([7.0] * 6, "en") == "7"


def test_numbers_have_at_most_one_decimal() -> None:
    assert number_shown(80 / 7, "nl") == "11,4"
    assert number_shown(2.0, "nl") == "2"
    assert number_shown(2.04, "en") == "2"


def test_a_check_in_rate_of_fewer_than_five_pupils_is_held_back() -> None:
    assert rate_shown(3, 8, pupils=4) == "—"
    assert rate_shown(16, 40, pupils=8) == "40%"
    assert rate_shown(0, 0, pupils=8) == "—"
