"""A pupil's path back to school: the team's phases, how an outcome is named, and the grammar of
`traject <leerling> [fase … | start … | afgerond …]` and `traject fasen …`.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Literal

from domain.grammar import parse_date
from domain.text import fold, printable, suggest

DEFAULT_PHASES: tuple[str, ...] = ("instroom", "opbouw", "schoolfit", "terugkeer")
# English words for the default phases, so `trajectory Sanne phase building up` finds "opbouw".
PHASE_ALIASES: dict[str, str] = {
    **dict.fromkeys(("intake",), "instroom"),
    **dict.fromkeys(("building up", "build up", "build-up", "building"), "opbouw"),
    **dict.fromkeys(("school-ready", "school ready", "schoolready"), "schoolfit"),
    **dict.fromkeys(("return", "returning"), "terugkeer"),
}
MAX_PHASES = 8
MAX_PHASE_NAME = 30
FUZZY = 0.8  # as close as a small typo in a word of four letters or more

OUTCOMES: tuple[str, ...] = ("school", "elsewhere", "other")
OUTCOME_WORDS: dict[str, str] = {
    **dict.fromkeys(
        ("terug naar school", "naar school", "school", "back to school", "returned to school"),
        "school",
    ),
    **dict.fromkeys(
        ("andere plek", "andere plaats", "elders", "other placement", "elsewhere"), "elsewhere"
    ),
    **dict.fromkeys(("anders", "overig", "other"), "other"),
}

LIST_WORDS = {"fasen", "fases", "phases"}
PHASE_WORDS = {"fase", "phase"}
START_WORDS = {"start", "begin", "gestart", "started"}
END_WORDS = {"afgerond", "afgesloten", "klaar", "done", "ended", "finished"}


def weeks_between(since: date, until: date) -> int:
    """Whole weeks from `since` to `until` (0 in the first week, never negative)."""
    return max(0, (until - since).days // 7)


def match_phase(text: str, phases: Sequence[str]) -> str | None:
    """The team's phase a typed word names: any case, an English default, or a small typo."""
    wanted = fold(text).strip(".,:;!")
    by_folded = {fold(phase): phase for phase in phases}
    if wanted in by_folded:
        return by_folded[wanted]
    alias = PHASE_ALIASES.get(wanted)
    if alias is not None and alias in by_folded:
        return by_folded[alias]
    if len(wanted) < 4:
        return None
    words = list(by_folded) + [a for a, p in PHASE_ALIASES.items() if p in by_folded]
    close = difflib.get_close_matches(wanted, words, n=1, cutoff=FUZZY)
    if not close:
        return None
    return by_folded.get(close[0]) or by_folded[PHASE_ALIASES[close[0]]]


def outcome_of(text: str) -> str | None:
    """The outcome a phrase names ("terug naar school" -> "school"); exact, because it ends a
    trajectory and a guess would be the wrong kind of help."""
    return OUTCOME_WORDS.get(fold(text).strip(".,:;!"))


@dataclass(frozen=True)
class ShowTrajectory:
    """`traject <leerling>`."""

    name: str


@dataclass(frozen=True)
class MoveToPhase:
    """`traject <leerling> fase <fase> [datum]`: the phase is as typed, matched later."""

    name: str
    phase: str
    day: date


@dataclass(frozen=True)
class SetStart:
    """`traject <leerling> start [datum]`; no date means: when the pupil joined."""

    name: str
    day: date | None


@dataclass(frozen=True)
class EndTrajectory:
    """`traject <leerling> afgerond <uitkomst> [datum]`."""

    name: str
    outcome: str
    day: date


@dataclass(frozen=True)
class TeamPhases:
    """`traject fasen [naam, naam, …]`: show, or (with names) set, the team's phases."""

    names: tuple[str, ...] | None


Problem = Literal[
    "no_name",
    "no_phase",
    "bad_date",
    "future_date",
    "no_outcome",
    "bad_outcome",
    "too_many_phases",
    "phase_too_long",
    "empty_phase",
    "duplicate_phase",
    "phase_without_letters",
]


@dataclass(frozen=True)
class TrajectoryProblem:
    """Why a line could not be read; `guess` is a close outcome for a typo."""

    problem: Problem
    guess: str | None = None


Parsed = ShowTrajectory | MoveToPhase | SetStart | EndTrajectory | TeamPhases | TrajectoryProblem


def parse_trajectory(args: str, *, today: date) -> Parsed:
    """Read the words after `traject`."""
    tokens = printable(args).split()
    if not tokens:
        return TrajectoryProblem("no_name")
    if fold(tokens[0]) in LIST_WORDS:
        rest = printable(args).strip()[len(tokens[0]) :].strip()
        return parse_phase_list(rest) if rest else TeamPhases(None)
    keywords = PHASE_WORDS | START_WORDS | END_WORDS
    at = next((i for i, tok in enumerate(tokens) if i > 0 and fold(tok) in keywords), None)
    if at is None:
        return ShowTrajectory(" ".join(tokens))
    name, word = " ".join(tokens[:at]), fold(tokens[at])
    found = _dated(tokens[at + 1 :], today)
    if isinstance(found, TrajectoryProblem):
        return found
    words, day = found
    if word in START_WORDS:
        return SetStart(name, day) if not words else TrajectoryProblem("bad_date")
    if word in PHASE_WORDS:
        return MoveToPhase(name, words, day or today) if words else TrajectoryProblem("no_phase")
    if not words:
        return TrajectoryProblem("no_outcome")
    if outcome_of(words) is None:
        return TrajectoryProblem("bad_outcome", guess=suggest(words, OUTCOME_WORDS))
    return EndTrajectory(name, words, day or today)


def _dated(rest: list[str], today: date) -> tuple[str, date | None] | TrajectoryProblem:
    """(the words before a date at the end, that date), or a problem with the date."""
    for width in (3, 2, 1):
        if width > len(rest):
            continue
        text = " ".join(rest[-width:])
        if width > 1 and not re.match(r"^[0-9]", text):
            continue  # multi-word dates start with a day number ("3 nov", "3 nov 2026")
        day = parse_date(text, today=today, prefer="past")
        if day is not None:
            if day > today:
                return TrajectoryProblem("future_date")
            return " ".join(rest[:-width]), day
    words = " ".join(rest)
    if rest and re.fullmatch(r"[0-9]{1,4}([-/.][0-9]{1,4}){1,2}", rest[-1]):
        return TrajectoryProblem("bad_date")  # looks like a date, is none ("31-2")
    return words, None


def parse_phase_list(text: str) -> TeamPhases | TrajectoryProblem:
    """A team's phases, separated by commas: 1 to 8 names of at most 30 characters."""
    parts = [" ".join(part.split()) for part in re.split(r"[,;\n]", printable(text))]
    names = [name for name in parts if name]  # a comma too many is a slip, not a phase
    if not names:
        return TrajectoryProblem("empty_phase")
    if len(names) > MAX_PHASES:
        return TrajectoryProblem("too_many_phases")
    if any(len(name) > MAX_PHASE_NAME for name in names):
        return TrajectoryProblem("phase_too_long")
    if any(not any(ch.isalpha() for ch in name) for name in names):
        return TrajectoryProblem("phase_without_letters")
    if len({fold(name) for name in names}) < len(names):
        return TrajectoryProblem("duplicate_phase")
    return TeamPhases(tuple(names))
