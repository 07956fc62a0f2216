"""A period's mood: the average, and the first half against the second."""

from __future__ import annotations

from domain.trend import MoodHalves, halves, mean, mood_halves


def test_a_series_is_cut_in_two_with_the_odd_one_in_the_second_half() -> None:
    assert halves([1, 2, 3, 4, 5]) == ([1, 2], [3, 4, 5])
    assert halves([4]) == ([], [4])
    assert mean([]) is None
    assert mean([2, 3]) == 2.5


def test_the_moods_of_a_period_and_its_halves() -> None:
    assert mood_halves([1, 2, 3, 4, 5]) == MoodHalves(average=3, first_half=1.5, second_half=4)
    assert mood_halves([4]) == MoodHalves(average=4, first_half=None, second_half=4)
    assert mood_halves([]) == MoodHalves(average=None, first_half=None, second_half=None)
