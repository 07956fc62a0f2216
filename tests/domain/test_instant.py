"""`dagritme tick --at`: a time alone is today in Amsterdam; a full date-time still works."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from domain.clock import instant_at

# Saturday 28 March 2026, 23:30 in Amsterdam (UTC+1); the clocks go forward that night.
LATE = datetime(2026, 3, 28, 22, 30, tzinfo=UTC)
WINTER_MONDAY = datetime(2026, 11, 23, 6, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    ("typed", "now", "expected"),
    [
        ("09:00", WINTER_MONDAY, datetime(2026, 11, 23, 8, 0, tzinfo=UTC)),
        ("9:00", WINTER_MONDAY, datetime(2026, 11, 23, 8, 0, tzinfo=UTC)),
        ("14:45", WINTER_MONDAY, datetime(2026, 11, 23, 13, 45, tzinfo=UTC)),
        ("14:45:30", WINTER_MONDAY, datetime(2026, 11, 23, 13, 45, 30, tzinfo=UTC)),
        # 23:30 on Saturday in Amsterdam: 09:00 that Saturday
        ("09:00", LATE, datetime(2026, 3, 28, 8, 0, tzinfo=UTC)),
        # at 00:30 UTC it is Sunday 01:30 in Amsterdam; 09:00 that Sunday is summer time
        (
            "09:00",
            datetime(2026, 3, 29, 0, 30, tzinfo=UTC),
            datetime(2026, 3, 29, 7, 0, tzinfo=UTC),
        ),
        ("2026-11-23T09:00", LATE, datetime(2026, 11, 23, 8, 0, tzinfo=UTC)),
        ("2026-11-23T09:00+00:00", LATE, datetime(2026, 11, 23, 9, 0, tzinfo=UTC)),
        ("2026-11-23", LATE, datetime(2026, 11, 22, 23, 0, tzinfo=UTC)),
    ],
)
def test_an_instant_as_typed(typed: str, now: datetime, expected: datetime) -> None:
    assert instant_at(typed, now=now) == expected


@pytest.mark.parametrize("typed", ["maandag", "24:00", "9:60", "9", "09:00 morgen", "", "٠٩:٠٠"])
def test_what_is_no_instant(typed: str) -> None:
    assert instant_at(typed, now=WINTER_MONDAY) is None
