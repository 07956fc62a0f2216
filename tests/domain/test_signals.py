"""Each signal rule with histories that just meet and just miss its threshold."""

from __future__ import annotations

from datetime import date, timedelta

from domain.signals import (
    DayRecord,
    Thresholds,
    contact_wish,
    mood_falling,
    no_checkin,
    no_contact,
    opp_overdue,
    plan_not_reached,
    plan_outcome,
)

DAY = date(2026, 11, 2)  # a Monday; the histories use consecutive weekdays from here
LIMITS = Thresholds()


def days(moods: list[int | None], **extra: object) -> list[DayRecord]:
    out = []
    current = DAY
    for mood in moods:
        while current.weekday() >= 5:
            current += timedelta(days=1)
        out.append(DayRecord(day=current, mood=mood, **extra))  # type: ignore[arg-type]
        current += timedelta(days=1)
    return out


def test_no_checkin_meets_and_misses() -> None:
    meets = no_checkin(days([3, 4, None, None]), LIMITS.missing_days)
    assert meets is not None
    assert meets.since == date(2026, 11, 4)
    assert meets.detail == "2"
    assert no_checkin(days([3, 4, 3, None]), LIMITS.missing_days) is None
    assert no_checkin(days([None, 4, 3, 3]), LIMITS.missing_days) is None


def test_no_checkin_skips_paused_days() -> None:
    history = days([3, None, None])
    paused = [DayRecord(day=d.day, mood=d.mood, paused=i > 0) for i, d in enumerate(history)]
    assert no_checkin(paused, 2) is None


def test_mood_falling_by_average() -> None:
    meets = days([4] * 10 + [3, 3, 3, 3, 3])  # 4.0 before, 3.0 now: exactly one point
    assert mood_falling(meets, LIMITS.mood_drop, LIMITS.low_streak) is not None
    misses = days([4] * 10 + [3, 3, 3, 3, 4])  # 3.2: 0.8 point lower
    assert mood_falling(misses, LIMITS.mood_drop, LIMITS.low_streak) is None
    too_short = days([5, 5, 5, 5, 1, 1])
    found = mood_falling(too_short, LIMITS.mood_drop, LIMITS.low_streak)
    assert found is None


def test_mood_falling_by_low_streak() -> None:
    meets = mood_falling(days([4, 2, 1, 2]), LIMITS.mood_drop, LIMITS.low_streak)
    assert meets is not None
    assert meets.detail == "low"
    assert meets.since == date(2026, 11, 3)
    assert mood_falling(days([2, 1, 3, 2, 2]), LIMITS.mood_drop, LIMITS.low_streak) is None
    # days without a check-in do not break the streak of answers
    assert mood_falling(days([2, None, 1, 2]), LIMITS.mood_drop, LIMITS.low_streak) is not None


def test_no_contact() -> None:
    today = date(2026, 11, 20)
    assert no_contact(date(2026, 11, 13), known_since=DAY, today=today, threshold=7) is not None
    assert no_contact(date(2026, 11, 14), known_since=DAY, today=today, threshold=7) is None
    never = no_contact(None, known_since=date(2026, 11, 13), today=today, threshold=7)
    assert never is not None
    assert never.since == date(2026, 11, 13)
    assert no_contact(None, known_since=date(2026, 11, 16), today=today, threshold=7) is None


def test_contact_wish() -> None:
    wish = (date(2026, 11, 19), date(2026, 11, 20))  # Thursday, next school day Friday
    assert contact_wish([wish], [], today=date(2026, 11, 19)) is None  # same day: still time
    found = contact_wish([wish], [], today=date(2026, 11, 20))
    assert found is not None
    assert found.since == date(2026, 11, 19)
    assert contact_wish([wish], [date(2026, 11, 20)], today=date(2026, 11, 23)) is None
    assert contact_wish([wish], [date(2026, 11, 18)], today=date(2026, 11, 23)) is not None


def closes(outcomes: str) -> list[DayRecord]:
    mapping = {"r": "reached", "n": "not_reached", "u": "unknown"}
    return [
        DayRecord(day=DAY + timedelta(days=i), plan=mapping[c])  # type: ignore[arg-type]
        for i, c in enumerate(outcomes)
    ]


def test_plan_not_reached() -> None:
    assert plan_not_reached(closes("rnrnn"), 3) is not None
    assert plan_not_reached(closes("rnrnr"), 3) is None
    assert plan_not_reached(closes("nnnrrrrr"), 3) is None  # only the last five count
    assert plan_not_reached(closes("nunun"), 3) is not None  # days without a close are skipped


def test_plan_outcome() -> None:
    assert plan_outcome(["not", "not"]) == "not_reached"
    assert plan_outcome(["not", "partly"]) == "reached"
    assert plan_outcome([None, None]) == "unknown"
    assert plan_outcome([]) == "unknown"


def test_opp_overdue() -> None:
    today = date(2026, 11, 23)
    assert opp_overdue(date(2026, 11, 22), today) is not None
    assert opp_overdue(today, today) is None
    assert opp_overdue(None, today) is None
