"""The contact log grammar: `log <leerling> <soort> [duur] [datum] [notitie]`, nl and en."""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import Literal

from domain.grammar import MAX_MINUTES, duration_minutes, parse_date
from domain.text import fold, printable


class ContactKind(StrEnum):
    """What kind of contact a mentor logs; its (Dutch) value is stored and shown in the log."""

    TALK = "gesprek"
    PROGRESS_TALK = "voortgangsgesprek"  # the weekly talk with the pupil, which may hold agreements
    CALL = "bellen"
    CHAT = "chat"
    HOME_VISIT = "huisbezoek"
    PARENTS = "ouders"
    SCHOOL = "school"
    OTHER = "overig"


KINDS: tuple[ContactKind, ...] = tuple(ContactKind)
KIND_WORDS: dict[str, ContactKind] = {
    **dict.fromkeys(
        (
            "voortgangsgesprek",
            "voortgang",
            "weekgesprek",
            "progress",
            "progresstalk",
            "progress-talk",
        ),
        ContactKind.PROGRESS_TALK,
    ),
    **dict.fromkeys(
        ("gesprek", "videogesprek", "video", "beeldbellen", "talk", "meeting"), ContactKind.TALK
    ),
    **dict.fromkeys(
        ("bellen", "gebeld", "telefoon", "telefonisch", "call", "phone", "called"), ContactKind.CALL
    ),
    **dict.fromkeys(("chat", "chatten", "bericht", "app", "message", "teams"), ContactKind.CHAT),
    **dict.fromkeys(
        ("huisbezoek", "bezoek", "thuisbezoek", "visit", "homevisit"), ContactKind.HOME_VISIT
    ),
    **dict.fromkeys(
        ("ouders", "ouder", "moeder", "vader", "parents", "parent"), ContactKind.PARENTS
    ),
    **dict.fromkeys(("school", "schoolcontact", "stamschool"), ContactKind.SCHOOL),
    **dict.fromkeys(("overig", "anders", "other"), ContactKind.OTHER),
}
MAX_NOTE = 1000
# "progress talk", "voortgang gesprek": the second word belongs to the kind, not to the note
TALK_WORDS = {"talk", "gesprek", "meeting"}
# Where the agreements start in a progress talk's note: "… afspraken: elke dag om 10 uur starten"
AGREEMENTS = re.compile(r"(?:^|\s)(?:afspraken|afspraak|agreements?|agreed)\s*:\s*", re.IGNORECASE)
MAX_DAYS_BACK = 366
FUZZY = 0.8

Problem = Literal[
    "no_name",
    "no_kind",
    "bad_duration",
    "future_date",
    "too_old",
    "note_too_long",
    "agreements_too_long",
]


@dataclass(frozen=True)
class LogLine:
    """A readable `log` line."""

    name: str
    kind: ContactKind
    day: date
    minutes: int | None = None
    note: str | None = None
    agreements: str | None = None


@dataclass(frozen=True)
class LogProblem:
    """Why a `log` line could not be read; `name` and `kind` are what could be read of it."""

    problem: Problem
    name: str = ""
    kind: ContactKind | None = None
    guess: ContactKind | None = None


def kind_of(word: str, *, fuzzy: bool = False) -> ContactKind | None:
    """The contact kind a word names ("telefoon" -> "bellen"), also for a small typo if asked."""
    folded = fold(word).strip(".,:;!")
    if folded in KIND_WORDS:
        return KIND_WORDS[folded]
    if fuzzy and len(folded) >= 4:
        close = difflib.get_close_matches(folded, list(KIND_WORDS), n=1, cutoff=FUZZY)
        if close:
            return KIND_WORDS[close[0]]
    return None


def _duration_at(tokens: list[str], i: int) -> tuple[int, int] | None:
    """(minutes, tokens used) for a duration starting at tokens[i]: "15m", "1u30", "90 min".

    The minutes may be out of range ("800m", "99999999999u"): that is a duration typed wrong,
    not the start of the note.
    """
    for width in (3, 2, 1):
        if i + width <= len(tokens):
            found = duration_minutes(" ".join(tokens[i : i + width]))
            if found is not None:
                return found, width
    return None


def _date_at(tokens: list[str], i: int, today: date) -> tuple[date, int] | None:
    """(day, tokens used) for a date starting at tokens[i]: "gisteren", "12-11", "3 nov"."""
    for width in (3, 2, 1):
        if i + width <= len(tokens):
            text = " ".join(tokens[i : i + width])
            if width > 1 and not re.match(r"^[0-9]", text):
                continue  # multi-word dates start with a day number ("3 nov", "3 nov 2026")
            found = parse_date(text, today=today, prefer="past")
            if found is not None:
                return found, width
    return None


def split_agreements(kind: str, text: str | None) -> tuple[str | None, str | None]:
    """(note, agreements) of a progress talk's text; other kinds keep their text as the note."""
    if not text or kind != ContactKind.PROGRESS_TALK:
        return text, None
    found = AGREEMENTS.search(text)
    if found is None:
        return text, None
    note, agreements = text[: found.start()].strip(), text[found.end() :].strip()
    return note or None, agreements or None


def _without_kind(tokens: list[str]) -> LogProblem:
    """Why a line with no kind word after the name cannot be read: a kind with no name before
    it, or a name with no kind after it (with a guess at the kind a typo meant)."""
    if tokens and kind_of(tokens[0]):
        return LogProblem("no_name", kind=kind_of(tokens[0]))
    guess = None
    if len(tokens) > 1:
        words = difflib.get_close_matches(fold(tokens[1]), list(KIND_WORDS), n=1, cutoff=0.5)
        guess = KIND_WORDS[words[0]] if words else None
    return LogProblem("no_kind", name=" ".join(tokens[:1]), guess=guess)


def parse_log(args: str, *, today: date) -> LogLine | LogProblem:
    """Read the words after `log`. The name is everything before the first kind word."""
    tokens = printable(args).split()
    position = next((i for i, tok in enumerate(tokens) if i > 0 and kind_of(tok)), None)
    if position is None:
        position = next(
            (i for i, tok in enumerate(tokens) if i > 0 and kind_of(tok, fuzzy=True)), None
        )
    if position is None:
        return _without_kind(tokens)
    name = " ".join(tokens[:position])
    kind = kind_of(tokens[position], fuzzy=True)
    assert kind is not None
    rest = position + 1
    if (
        kind == ContactKind.PROGRESS_TALK
        and rest < len(tokens)
        and fold(tokens[rest]) in TALK_WORDS
    ):
        rest += 1
    minutes, day, rest = _duration_and_date(tokens, rest, today)
    note, agreements = split_agreements(kind, " ".join(tokens[rest:]) or None)
    if minutes is not None and not 1 <= minutes <= MAX_MINUTES:
        return LogProblem("bad_duration", name=name, kind=kind)
    if day > today:
        return LogProblem("future_date", name=name, kind=kind)
    if (today - day).days > MAX_DAYS_BACK:
        return LogProblem("too_old", name=name, kind=kind)
    if note is not None and len(note) > MAX_NOTE:
        return LogProblem("note_too_long", name=name, kind=kind)
    if agreements is not None and len(agreements) > MAX_NOTE:
        return LogProblem("agreements_too_long", name=name, kind=kind)
    return LogLine(name=name, kind=kind, day=day, minutes=minutes, note=note, agreements=agreements)


def _duration_and_date(tokens: list[str], rest: int, today: date) -> tuple[int | None, date, int]:
    """(minutes, day, where the note starts): a duration and a date from tokens[rest], in either
    order, both optional; the day is today without one."""
    minutes: int | None = None
    day = today
    dated = False
    for _ in range(2):
        if rest >= len(tokens):
            break
        if minutes is None and (duration := _duration_at(tokens, rest)):
            minutes, used = duration
            rest += used
            continue
        if not dated and (when := _date_at(tokens, rest, today)):
            day, used = when
            dated = True
            rest += used
            continue
        break
    return minutes, day, rest
