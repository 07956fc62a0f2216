"""The coordinators' term report: which period it covers, and its figures about trajectories.

Everything here counts; nothing here names. Whether a count may be shown is for
`domain.small_numbers` to say when the report is written out.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Literal

from domain.grammar import parse_date
from domain.text import fold

SCHOOL_YEAR_MONTH = 8  # a Dutch school year runs from 1 August to 31 July
THIS_YEAR = {"", "dit schooljaar", "this school year", "schooljaar", "school year"}
LAST_YEAR = {"vorig schooljaar", "last school year", "previous school year"}
YEAR = re.compile(r"^(?:schooljaar|school year)?\s*([0-9]{4})\s*[-/]\s*([0-9]{4})$")
UNTIL = re.compile(r"\s+(?:tot en met|t/m|tm|tot|to|until|till)\s+")
FROM = re.compile(r"^(?:van|from|vanaf)\s+")


@dataclass(frozen=True)
class Period:
    """The days a report covers; the end is never after today."""

    start: date
    end: date


PeriodProblem = Literal["bad_period", "future_period", "end_before_start"]


def school_year_start(day: date) -> date:
    """1 August of the school year `day` falls in."""
    year = day.year if day.month >= SCHOOL_YEAR_MONTH else day.year - 1
    return date(year, SCHOOL_YEAR_MONTH, 1)


def period_between(start: date, end: date, *, today: date) -> Period | PeriodProblem:
    """The days from `start` to `end`, cut off at today."""
    if start > today:
        return "future_period"
    if end < start:
        return "end_before_start"
    return Period(start, min(end, today))


def parse_period(text: str, *, today: date) -> Period | PeriodProblem:
    """ "dit schooljaar" (also no words), "vorig schooljaar", "schooljaar 2025-2026",
    "1-8 tot 31-12" (a date, "tot"/"to", a date), in Dutch or English."""
    value = fold(text).strip(" .")
    this_year = school_year_start(today)
    if value in THIS_YEAR:
        return Period(this_year, today)
    if value in LAST_YEAR:
        return Period(this_year.replace(year=this_year.year - 1), this_year - timedelta(days=1))
    if match := YEAR.match(value):
        first, second = int(match[1]), int(match[2])
        if second != first + 1 or not 2000 <= first <= 2100:
            return "bad_period"
        return period_between(date(first, 8, 1), date(second, 7, 31), today=today)
    parts = UNTIL.split(FROM.sub("", value), maxsplit=1)
    if len(parts) != 2:
        return "bad_period"
    start = parse_date(parts[0], today=today, prefer="past")
    end = parse_date(parts[1], today=today, prefer="past")
    if start is None or end is None:
        return "bad_period"
    if end < start:  # "1-8 tot 31-12": the 31st of December after that 1st of August
        end = parse_date(parts[1], today=start, prefer="future") or end
    return period_between(start, end, today=today)


@dataclass(frozen=True)
class TrajectoryFacts:
    """One pupil's trajectory as the report needs it: dates and phase names, no one's name."""

    started_on: date
    ended_on: date | None
    outcome: str | None
    phases: Sequence[tuple[str, date]]  # (phase, since), oldest first
    left_on: date | None = None  # when the pupil left the team, if they did


@dataclass(frozen=True)
class PhaseFigures:
    """One phase: pupils in it at the end of the period, and each pupil's weeks in it."""

    name: str
    now: int = 0
    weeks: list[float] = field(default_factory=list)


@dataclass(frozen=True)
class TermFigures:
    """The trajectory figures of one period."""

    period: Period
    phases: list[PhaseFigures]
    outcomes: Mapping[str, int]
    ended: int
    returned: int
    weeks_to_return: list[float]


def phase_spans(
    phases: Sequence[tuple[str, date]], *, closed_on: date | None, until: date
) -> list[tuple[str, date, date]]:
    """(phase, from, to) for each phase: to the next one's start, else the end or `until`."""
    ordered = sorted(phases, key=lambda item: item[1])
    last = closed_on if closed_on is not None else until
    ends = [since for _, since in ordered[1:]] + [max(last, ordered[-1][1])] if ordered else []
    return [(name, since, end) for (name, since), end in zip(ordered, ends, strict=True)]


def phase_on(phases: Sequence[tuple[str, date]], day: date) -> tuple[str, date] | None:
    """The phase a pupil was in on `day`, with the day it began."""
    before = [item for item in phases if item[1] <= day]
    return max(before, key=lambda item: item[1]) if before else None


def _weeks(start: date, end: date) -> float:
    return (end - start).days / 7


def term_figures(
    trajectories: Sequence[TrajectoryFacts], *, team_phases: Sequence[str], period: Period
) -> TermFigures:
    """Count pupils per phase at the period's end, weeks per phase, outcomes and returns."""
    figures = {name: PhaseFigures(name) for name in team_phases}
    now: dict[str, int] = {}
    outcomes: dict[str, int] = {}
    returned: list[float] = []
    for facts in trajectories:
        closed = (
            facts.ended_on if facts.ended_on is not None and facts.ended_on <= period.end else None
        )
        # a pupil who left the team stops counting weeks then
        stop = min(period.end, facts.left_on) if facts.left_on is not None else period.end
        per_phase: dict[str, float] = {}
        for name, since, until in phase_spans(facts.phases, closed_on=closed, until=stop):
            if since <= period.end and until >= period.start:
                per_phase[name] = per_phase.get(name, 0.0) + _weeks(since, min(until, period.end))
        for name, weeks in per_phase.items():
            figures.setdefault(name, PhaseFigures(name)).weeks.append(weeks)
        still = facts.left_on is None or facts.left_on > period.end
        current = phase_on(facts.phases, period.end)
        if facts.started_on <= period.end and closed is None and still and current:
            now[current[0]] = now.get(current[0], 0) + 1
        if closed is not None and closed >= period.start and facts.outcome is not None:
            outcomes[facts.outcome] = outcomes.get(facts.outcome, 0) + 1
            if facts.outcome == "school":
                returned.append(_weeks(facts.started_on, closed))
    for name, count in now.items():
        figures.setdefault(name, PhaseFigures(name))
        figures[name] = PhaseFigures(name, count, figures[name].weeks)
    return TermFigures(
        period=period,
        phases=list(figures.values()),
        outcomes=outcomes,
        ended=sum(outcomes.values()),
        returned=outcomes.get("school", 0),
        weeks_to_return=returned,
    )


@dataclass(frozen=True)
class ActivityFigures:
    """Check-ins and contacts over the period's school days."""

    pupils: int  # pupils expected to check in on at least one school day
    school_days: int
    expected: int  # pupil-days on which a check-in was asked for
    checked_in: int
    contacts: Mapping[str, tuple[int, int]]  # kind -> (contacts, minutes)
