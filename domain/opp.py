"""The OPP cycle: when an evaluation is due, which nudge is due, and the `opp` command grammar."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Literal

from domain.grammar import parse_date
from domain.numbers import has_other_digits
from domain.text import fold, printable

DEFAULT_CYCLE_WEEKS = 8
PARTICIPANTS: tuple[str, ...] = ("leerling", "ouders", "mentor", "school", "gedragswetenschapper")
PARTICIPANT_WORDS: dict[str, str] = {
    **dict.fromkeys(("leerling", "pupil", "kind", "student"), "leerling"),
    **dict.fromkeys(
        ("ouders", "ouder", "parents", "parent", "moeder", "vader", "verzorgers"), "ouders"
    ),
    **dict.fromkeys(("mentor", "coach"), "mentor"),
    **dict.fromkeys(("school", "stamschool", "schoolvaninschrijving"), "school"),
    **dict.fromkeys(
        ("gedragswetenschapper", "orthopedagoog", "psycholoog", "gw", "scientist"),
        "gedragswetenschapper",
    ),
}
JOINERS = {"en", "and", "&", "met", "with", ","}
START_WORDS = {"start", "begin", "gestart", "started"}
EVALUATED_WORDS = {"geevalueerd", "evaluatie", "evaluated", "evaluation", "geevalueerd:"}
REPORT_WORDS = {"verslag", "report", "rapport", "rapportage"}
FROM_WORDS = {"vanaf", "sinds", "from", "since"}
MAX_REPORT_DAYS = 366  # the longest period an OPP report covers (the check-ins are kept 400 days)
MAX_NOTE = 1000


def next_due(*, start: date, last_evaluation: date | None, cycle_weeks: int) -> date:
    """The next evaluation: the last one (or the start) plus one cycle."""
    return (last_evaluation or start) + timedelta(weeks=cycle_weeks)


def participants_to_invite(*, with_scientist: bool) -> list[str]:
    """Who to invite: pupil, parents, mentor, school, and the behavioural scientist if any."""
    return [p for p in PARTICIPANTS if with_scientist or p != "gedragswetenschapper"]


NudgeStage = str  # "14", "7", "due", "late1", "late2", …


def nudge_stage(*, due: date, today: date) -> NudgeStage | None:
    """Which reminder fits today: 14 and 7 days before, on the day (or the first school day
    after it), then once a week while overdue. Keyed per due date, so each goes out once."""
    days = (due - today).days
    if days > 14:
        return None
    if days > 7:
        return "14"
    if days > 0:
        return "7"
    if days > -7:
        return "due"
    return f"late{(-days) // 7}"


@dataclass(frozen=True)
class OppStart:
    """`opp <leerling> start <datum> [elke <n> weken]`."""

    name: str
    start: date
    cycle_weeks: int | None


@dataclass(frozen=True)
class OppEvaluated:
    """`opp <leerling> geëvalueerd [datum] [met …] [notitie]`."""

    name: str
    day: date
    participants: tuple[str, ...]
    note: str | None


@dataclass(frozen=True)
class OppReport:
    """`opp <leerling> verslag [vanaf <datum>]`: the evidence for the next evaluation."""

    name: str
    start: date | None


@dataclass(frozen=True)
class OppShow:
    """`opp <leerling>`: the pupil's history."""

    name: str


OppProblem = Literal[
    "bad_date",
    "future_date",
    "bad_cycle",
    "note_too_long",
    "no_name",
    "report_bad_date",
    "report_future",
    "report_too_old",
]


@dataclass(frozen=True)
class OppInvalid:
    """A line that could not be read."""

    problem: OppProblem


CYCLE = re.compile(r"\b(?:elke|iedere|every)\s+([0-9]{1,2})\s*(?:weken|week|wk|weeks?)$")
CYCLE_WORD = re.compile(r"\b(?:elke|iedere|every)\b")


def _split(tokens: list[str], words: set[str]) -> int | None:
    return next((i for i, tok in enumerate(tokens) if i > 0 and fold(tok) in words), None)


def parse_opp(
    args: str, *, today: date
) -> OppStart | OppEvaluated | OppReport | OppShow | OppInvalid:
    """Read the words after `opp` (not empty)."""
    tokens = printable(args).split()
    if tokens and fold(tokens[0]) in REPORT_WORDS:
        return OppInvalid("no_name")
    at = _split(tokens, REPORT_WORDS)
    if at is not None:
        return _report(" ".join(tokens[:at]), tokens[at + 1 :], today)
    at = _split(tokens, START_WORDS)
    if at is not None:
        return _start(" ".join(tokens[:at]), tokens[at + 1 :], today)
    at = _split(tokens, EVALUATED_WORDS)
    if at is not None:
        return _evaluated(" ".join(tokens[:at]), tokens[at + 1 :], today)
    if not tokens:
        return OppInvalid("no_name")
    return OppShow(" ".join(tokens))


def _start(name: str, rest: list[str], today: date) -> OppStart | OppInvalid:
    text = fold(" ".join(rest))  # parse_date folds too; positions below are in this text
    cycle: int | None = None
    if has_other_digits(" ".join(rest)):  # "elke ８ weken": fold would make it ASCII
        return OppInvalid("bad_cycle" if CYCLE_WORD.search(text) else "bad_date")
    match = CYCLE.search(text)
    if match:
        cycle = int(match.group(1))
        text = text[: match.start()].strip()
        if not 1 <= cycle <= 52:
            return OppInvalid("bad_cycle")
    elif CYCLE_WORD.search(text):
        return OppInvalid("bad_cycle")
    start = _nearest_date(text, today) if text else today
    if start is None:
        return OppInvalid("bad_date")
    if (start - today).days > 366:
        return OppInvalid("bad_date")
    return OppStart(name=name, start=start, cycle_weeks=cycle)


def _report(name: str, rest: list[str], today: date) -> OppReport | OppInvalid:
    if rest and fold(rest[0]) in FROM_WORDS:
        rest = rest[1:]
    if not rest:
        return OppReport(name=name, start=None)
    start = parse_date(" ".join(rest), today=today, prefer="past")
    if start is None:
        return OppInvalid("report_bad_date")
    if start > today:
        return OppInvalid("report_future")
    if (today - start).days > MAX_REPORT_DAYS:
        return OppInvalid("report_too_old")
    return OppReport(name=name, start=start)


def _nearest_date(text: str, today: date) -> date | None:
    """A start date may lie a little ahead or behind; without a year, take the nearest."""
    ahead = parse_date(text, today=today, prefer="future")
    behind = parse_date(text, today=today, prefer="past")
    if ahead is None or behind is None:
        return ahead or behind
    return ahead if (ahead - today) < (today - behind) else behind


def _evaluated(name: str, rest: list[str], today: date) -> OppEvaluated | OppInvalid:
    day = today
    index = 0
    for width in (3, 2, 1):
        if len(rest) >= width:
            text = " ".join(rest[:width])
            if width > 1 and not re.match(r"^[0-9]", text):
                continue
            found = parse_date(text, today=today, prefer="past")
            if found is not None:
                day, index = found, width
                break
    if day > today:
        return OppInvalid("future_date")
    participants: list[str] = []
    if index < len(rest) and fold(rest[index]) in ("met", "with"):
        index += 1
        while index < len(rest):
            parts = [p for p in re.split(r"([,&])", rest[index]) if p]
            words = [fold(p) for p in parts]
            if all(w in JOINERS or w in PARTICIPANT_WORDS for w in words):
                for word in words:
                    role = PARTICIPANT_WORDS.get(word)
                    if role and role not in participants:
                        participants.append(role)
                index += 1
            else:
                break
    note = " ".join(rest[index:]).strip(" ,;:-") or None
    if note is not None and len(note) > MAX_NOTE:
        return OppInvalid("note_too_long")
    return OppEvaluated(name=name, day=day, participants=tuple(participants), note=note)
