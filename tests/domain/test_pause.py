"""A pause lasts until and including its last day."""

from __future__ import annotations

from datetime import date, timedelta

from domain.pause import paused_on, unpaused

UNTIL = date(2026, 12, 11)


def test_a_pause_covers_the_days_up_to_and_including_its_last() -> None:
    assert paused_on(UNTIL, UNTIL - timedelta(days=30))
    assert paused_on(UNTIL, UNTIL)
    assert not paused_on(UNTIL, UNTIL + timedelta(days=1))
    assert not paused_on(None, UNTIL)


def test_the_days_a_pause_leaves_free() -> None:
    days = [UNTIL - timedelta(days=1), UNTIL, UNTIL + timedelta(days=3)]
    assert unpaused(days, UNTIL) == [UNTIL + timedelta(days=3)]
    assert unpaused(days, None) == days
