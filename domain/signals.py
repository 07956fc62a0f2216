"""Early signals about pupils who drift away: pure rules over a pupil's recent history."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Literal, get_args

SignalKind = Literal[
    "no_checkin",
    "mood_falling",
    "no_contact",
    "contact_wish",
    "plan_not_reached",
    "opp_overdue",
    "no_progress_talk",
    "opp_missing",
    "opp_without_parents",
]
SIGNAL_KINDS: tuple[SignalKind, ...] = get_args(SignalKind)
OPP_WITHIN_DAYS = 42  # a pupil has an OPP within six weeks of joining
PARENTS_WITHIN_DAYS = 365  # and evaluates it with their parents at least once a year


@dataclass(frozen=True)
class Thresholds:
    """A team's thresholds for each signal."""

    missing_days: int = 2  # school days in a row without a check-in
    mood_drop: float = 1.0  # average of the last 5 below the 10 before, in mood points
    low_streak: int = 3  # school days in a row with mood 1–2
    contact_days: int = 7  # days without a logged contact
    plan_days: int = 3  # of the last 5 closes with the plan not reached


@dataclass(frozen=True)
class DayRecord:
    """One school day of a pupil, as far as the signals need it."""

    day: date
    mood: int | None = None  # day start mood, None without a check-in
    wants_contact: bool = False
    plan: Literal["reached", "not_reached", "unknown"] = "unknown"
    paused: bool = False


@dataclass(frozen=True)
class Signal:
    """A named reason for attention since a day; `detail` carries the figure for the sentence."""

    kind: SignalKind
    since: date
    detail: str = ""


def no_checkin(days: Sequence[DayRecord], threshold: int) -> Signal | None:
    """No check-in on `threshold` or more school days in a row, up to the last one."""
    run: list[DayRecord] = []
    for record in reversed([d for d in days if not d.paused]):
        if record.mood is not None:
            break
        run.append(record)
    if len(run) >= threshold:
        return Signal("no_checkin", since=run[-1].day, detail=str(len(run)))
    return None


def mood_falling(days: Sequence[DayRecord], drop: float, streak: int) -> Signal | None:
    """The last 5 moods average `drop` below the 10 before, or `streak` days in a row at 1–2."""
    moods = [(d.day, d.mood) for d in days if d.mood is not None]
    low: list[date] = []
    for day, mood in reversed(moods):
        if mood > 2:
            break
        low.append(day)
    if len(low) >= streak:
        return Signal("mood_falling", since=low[-1], detail="low")
    if len(moods) >= 10:
        recent = moods[-5:]
        before = moods[-15:-5]
        recent_avg = sum(m for _, m in recent) / len(recent)
        before_avg = sum(m for _, m in before) / len(before)
        if before_avg - recent_avg >= drop:
            return Signal(
                "mood_falling", since=recent[0][0], detail=f"{before_avg:.1f}>{recent_avg:.1f}"
            )
    return None


def no_contact(
    last_contact: date | None, *, known_since: date, today: date, threshold: int
) -> Signal | None:
    """No logged mentor contact for `threshold` or more days."""
    since = last_contact or known_since
    days = (today - since).days
    if days >= threshold:
        return Signal("no_contact", since=since, detail=str(days))
    return None


def contact_wish(
    wishes: Sequence[tuple[date, date]], contact_days: Sequence[date], *, today: date
) -> Signal | None:
    """A wish for contact with no contact logged by the end of the next school day.

    `wishes` are (day of the wish, the school day after it); signals are judged after the day
    close, so a wish is unanswered once that next school day is today or past."""
    for wished, next_day in sorted(wishes):
        answered = any(c >= wished for c in contact_days)
        if not answered and today >= next_day:
            return Signal("contact_wish", since=wished)
    return None


def plan_not_reached(days: Sequence[DayRecord], threshold: int) -> Signal | None:
    """The plan was not reached on `threshold` or more of the last 5 closes with a plan."""
    closes = [d for d in days if d.plan != "unknown"][-5:]
    missed = [d for d in closes if d.plan == "not_reached"]
    if len(missed) >= threshold:
        return Signal("plan_not_reached", since=missed[0].day, detail=str(len(missed)))
    return None


def opp_overdue(due: date | None, today: date) -> Signal | None:
    """The OPP evaluation is past its due date."""
    if due is not None and due < today:
        return Signal("opp_overdue", since=due, detail=str((today - due).days))
    return None


def no_progress_talk(
    last_talk: date | None, *, known_since: date, today: date, weeks: int, grace: int
) -> Signal | None:
    """No progress talk for the team's number of weeks plus `grace` weeks (or since joining)."""
    since = last_talk or known_since
    days = (today - since).days
    if days >= (weeks + grace) * 7:
        return Signal("no_progress_talk", since=since, detail=str(days // 7))
    return None


def opp_missing(has_plan: bool, *, joined: date | None, today: date) -> Signal | None:
    """Still no OPP six weeks after the pupil joined; since the day it was due (a recent day, so
    the retention of signals never takes a signal that still holds)."""
    if has_plan or joined is None:
        return None
    days = (today - joined).days
    if days >= OPP_WITHIN_DAYS:
        due = joined + timedelta(days=OPP_WITHIN_DAYS)
        return Signal("opp_missing", since=due, detail=str(days // 7))
    return None


def opp_without_parents(
    last_with_parents: date | None, *, plan_start: date | None, today: date
) -> Signal | None:
    """A year without an evaluation with the parents, counted from the plan's start when that
    came later (a new plan starts the year again); since the day one was due."""
    if plan_start is None:
        return None
    last = max(last_with_parents or plan_start, plan_start)
    days = (today - last).days
    if days >= PARENTS_WITHIN_DAYS:
        due = last + timedelta(days=PARENTS_WITHIN_DAYS)
        return Signal("opp_without_parents", since=due, detail=str(days))
    return None


def plan_outcome(statuses: Sequence[str | None]) -> Literal["reached", "not_reached", "unknown"]:
    """A close's goals as one outcome: not reached when nothing was done, even partly."""
    filled = [s for s in statuses if s]
    if not filled:
        return "unknown"
    if any(s in ("done", "partly") for s in filled):
        return "reached"
    return "not_reached"
