"""The OPP report's figures: pure rules over a pupil's school days, goals, contacts and pauses."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Literal

from domain.opp import MAX_REPORT_DAYS
from domain.trend import halves, mean

Basis = Literal["given", "evaluation", "plan", "joined"]
Direction = Literal["up", "down", "steady"]
TREND_STEP = 0.5  # mood points between the first and second half that count as a change


def monday_of(day: date) -> date:
    """The Monday of `day`'s week."""
    return day - timedelta(days=day.weekday())


def report_start(
    *,
    given: date | None,
    last_evaluation: date | None,
    plan_start: date | None,
    joined: date | None,
    today: date,
) -> tuple[date, Basis]:
    """Where the report begins, and why: the date asked for, else the last evaluation, else the
    plan's start, else the day the pupil joined. Never before a year ago, never after today."""
    start: date
    basis: Basis
    if given is not None:
        start, basis = given, "given"
    elif last_evaluation is not None:
        start, basis = last_evaluation, "evaluation"
    elif plan_start is not None:
        start, basis = plan_start, "plan"
    else:
        start, basis = joined or today, "joined"
    earliest = today - timedelta(days=MAX_REPORT_DAYS)
    return min(max(start, earliest), today), basis


@dataclass(frozen=True)
class WeekRow:
    """One week of the period: school days (without holidays and pauses), check-ins, mood."""

    monday: date
    school_days: int
    checked_in: int
    mood: float | None  # the average day-start mood, None without any

    @property
    def rate(self) -> float | None:
        """Share of the school days with a check-in."""
        return self.checked_in / self.school_days if self.school_days else None


def week_rows(
    *,
    start: date,
    end: date,
    school_days: Iterable[date],
    paused: set[date],
    moods: Mapping[date, int],
) -> list[WeekRow]:
    """One row per week from `start` to `end`. A paused day counts only when the pupil checked
    in anyway (as on the pupil's page)."""
    counted = [d for d in school_days if start <= d <= end and (d not in paused or d in moods)]
    rows = []
    monday = monday_of(start)
    while monday <= end:
        days = [d for d in counted if monday <= d < monday + timedelta(days=7)]
        found = [moods[d] for d in days if d in moods]
        rows.append(
            WeekRow(
                monday=monday,
                school_days=len(days),
                checked_in=len(found),
                mood=sum(found) / len(found) if found else None,
            )
        )
        monday += timedelta(days=7)
    return rows


def mood_trend(rows: Sequence[WeekRow]) -> Direction | None:
    """Rising, falling or steady: the second half of the weeks with a mood against the first."""
    moods = [row.mood for row in rows if row.mood is not None]
    first, second = (mean(half) for half in halves(moods))
    if first is None or second is None:  # fewer than two weeks with a mood
        return None
    delta = second - first
    return "up" if delta >= TREND_STEP else "down" if delta <= -TREND_STEP else "steady"


def average_mood(rows: Sequence[WeekRow]) -> float | None:
    """The average mood over the whole period, each check-in weighing the same."""
    total = sum((row.mood or 0) * row.checked_in for row in rows)
    count = sum(row.checked_in for row in rows if row.mood is not None)
    return total / count if count else None


@dataclass(frozen=True)
class GoalTally:
    """The goals set at the day starts, and how the day closes said they went."""

    planned: int = 0
    done: int = 0
    partly: int = 0
    not_yet: int = 0

    @property
    def unanswered(self) -> int:
        """Goals no day close said anything about."""
        return max(self.planned - self.done - self.partly - self.not_yet, 0)


def goal_tally(
    planned: Iterable[Sequence[str]], outcomes: Iterable[Sequence[str | None]]
) -> GoalTally:
    """Count the goals of the day starts and the outcomes of the day closes."""
    statuses = [status for outcome in outcomes for status in outcome if status]
    return GoalTally(
        planned=sum(len(goals) for goals in planned),
        done=statuses.count("done"),
        partly=statuses.count("partly"),
        not_yet=statuses.count("not"),
    )


@dataclass(frozen=True)
class ContactTotal:
    """The contacts of one kind: how many, and the minutes logged for them."""

    kind: str
    count: int
    minutes: int


def contact_totals(
    contacts: Iterable[tuple[str, int | None]], order: Sequence[str]
) -> list[ContactTotal]:
    """Contacts by kind, in the order of `order`; kinds without contacts are left out."""
    counts: dict[str, list[int]] = {}
    for kind, minutes in contacts:
        counts.setdefault(kind, []).append(minutes or 0)
    ranked = sorted(counts, key=lambda k: order.index(k) if k in order else len(order))
    return [ContactTotal(kind, len(counts[kind]), sum(counts[kind])) for kind in ranked]


@dataclass(frozen=True)
class PauseEvent:
    """A pause set on `day` up to and including `until`, or (until None) lifted on `day`."""

    day: date
    until: date | None


def pause_periods(
    events: Sequence[PauseEvent], *, start: date, end: date
) -> list[tuple[date, date]]:
    """The pauses (first and last day) that fall in the period, from the pause and resume events.

    A new pause while one runs moves its end; a resume ends it the day before (that day's
    prompts still come).
    """
    periods: list[tuple[date, date]] = []
    current: tuple[date, date] | None = None
    for event in sorted(events, key=lambda e: e.day):
        running = current is not None and event.day <= current[1]
        if event.until is not None:
            if current is not None and running:
                current = (current[0], event.until)
            else:
                if current is not None:
                    periods.append(current)
                current = (event.day, event.until)
        elif current is not None and running:
            current = (current[0], event.day - timedelta(days=1))
    if current is not None:
        periods.append(current)
    clipped = [(max(first, start), min(last, end)) for first, last in periods]
    return [(first, last) for first, last in clipped if first <= last]


def paused_days(periods: Iterable[tuple[date, date]]) -> set[date]:
    """Every day inside the periods."""
    return {
        first + timedelta(days=n) for first, last in periods for n in range((last - first).days + 1)
    }
