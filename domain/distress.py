"""Words of distress in what a pupil writes: wanting to die, hurting oneself, being hurt.

The phrases are data (`DUTCH`, `ENGLISH`), written in a small pattern language and matched on
normalised text, so a teacher can read and extend them without reading regular expressions.

Normalising (`normalise`): lower case, accents folded, apostrophes dropped ("don't" -> "dont",
"m'n" -> "mn"), every run of a repeated letter collapsed ("dooood" -> "dod", "meer" -> "mer"; the
patterns are collapsed the same way), and punctuation, emoji and line breaks turned into a
clause boundary "." between the words.

A pattern is a sequence of space-separated tokens:
- `word` matches that word; `a|b` either word; `a_b` a run of words ("pijn_doen");
- `word*` any word that starts with it ("suicid*" finds suicide, suicidal);
- `<slot>` one of the spellings in `SLOTS` ("<ik>": ik, k, ikke);
- a token ending in `?` may be left out;
- `!a|b` the next word may not be one of these ("dood !graag": "dood graag" is "doodgraag");
- `$` the clause ends here: end of text, punctuation, an emoji;
- `^` the clause starts here.
Between two tokens the words of `FILLERS` may stand ("ik wil echt gewoon dood").

The phrases, and the decisions that keep everyday school sentences quiet, are in
`domain.distress_phrases`.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache

from domain.distress_phrases import DUTCH, ENGLISH, FILLERS, HARMLESS, SLOTS

_APOSTROPHES = re.compile(r"['’‘`´]")
_REPEATS = re.compile(r"([a-z])\1+")
_BOUNDARY_CHARS = set(".!?;:,…\n\r\t")


@dataclass(frozen=True)
class Phrase:
    """One phrase of distress, compiled."""

    id: str
    pattern: str
    regex: re.Pattern[str]


def normalise(text: str) -> str:
    """The text as the phrases see it: " ik wil niet mer . niemand snapt me " (spaced, folded)."""
    decomposed = unicodedata.normalize("NFKD", text)
    bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()
    bare = _APOSTROPHES.sub("", bare)
    out: list[str] = []
    for ch in bare:
        if ch.isascii() and ch.isalnum():
            out.append(ch)
        elif ch in _BOUNDARY_CHARS or unicodedata.category(ch) in ("So", "Sk", "Cs"):
            out.append(" . ")
        elif ch.isalpha():
            out.append(ch)  # a letter of another script stays a letter
        else:
            out.append(" ")
    words = _REPEATS.sub(r"\1", "".join(out)).split()
    collapsed: list[str] = []
    for word in words:
        if word == "." and (not collapsed or collapsed[-1] == "."):
            continue
        collapsed.append(word)
    while collapsed and collapsed[-1] == ".":
        collapsed.pop()
    return " " + " ".join(collapsed) + " "


def _word(spelling: str) -> str:
    """One spelling of a pattern word as a regular expression: " ik", " zelf mord[a-z0-9]*"."""
    prefix = spelling.endswith("*")
    words = normalise(spelling.rstrip("*").replace("_", " ")).split()
    body = "".join(" " + re.escape(w) for w in words)
    return body + ("[a-z0-9]*" if prefix else "")


_CLAUSE_END = r"(?= (?:\.|$))"


def _alternatives(token: str) -> str:
    spellings: list[str] = []
    ends = False
    for part in token.split("|"):
        if part == "$":
            ends = True
        elif part.startswith("<") and part.endswith(">"):
            spellings.extend(SLOTS[part[1:-1]].split())
        else:
            spellings.append(part)
    unique = sorted({_word(s) for s in spellings}, key=len, reverse=True)
    words = "(?:" + "|".join(unique) + ")(?= )"
    return f"(?:{_CLAUSE_END}|{words})" if ends else words


@cache
def _filler() -> str:
    fillers = {_word(f) for f in FILLERS.split()}
    return "(?:" + "|".join(sorted(fillers, key=len, reverse=True)) + ")"


def compile_pattern(pattern: str) -> re.Pattern[str]:
    """A pattern of the phrase language as a regular expression over normalised text."""
    fill = f"(?:{_filler()}(?= ))*"
    parts: list[str] = []
    first = True
    for token in pattern.split():
        if token == "$":
            parts.append(fill + _CLAUSE_END)
        elif token == "^":
            parts.append(r"(?:^|(?<=\.))")
        elif token.startswith("!"):
            parts.append("(?!" + fill + _alternatives(token[1:]) + ")")
        else:
            optional = token.endswith("?")
            word = _alternatives(token.rstrip("?"))
            if not first:
                word = fill + word
            parts.append(f"(?:{word})?" if optional else word)
            first = False
    return re.compile("".join(parts))


@cache
def builtin() -> tuple[Phrase, ...]:
    """The built-in phrases of both languages, compiled once."""
    return tuple(
        Phrase(id=phrase_id, pattern=pattern, regex=compile_pattern(pattern))
        for phrase_id, pattern in (*DUTCH, *ENGLISH)
    )


def _without_harmless(normalised: str) -> str:
    for harmless in HARMLESS:
        normalised = normalised.replace(normalise(harmless), " ")
    return normalised


def extra_key(phrase: str) -> str:
    """A team's own phrase as it is matched: normalised, so "Ik ben BANG!" is "ik ben bang"."""
    return " ".join(w for w in normalise(phrase).split() if w != ".")


def matches(text: str, extra: Sequence[str] = ()) -> tuple[str, ...]:
    """The ids of the phrases found in `text`; a team's own phrases are "extra:<index>"."""
    if not text:
        return ()
    seen = normalise(text)
    found = [p.id for p in builtin() if p.regex.search(_without_harmless(seen))]
    flat = " " + " ".join(w for w in seen.split() if w != ".") + " "
    for index, phrase in enumerate(extra):
        key = extra_key(phrase)
        if key and f" {key} " in flat:
            found.append(f"extra:{index}")
    return tuple(found)


def find_distress(text: str, extra: Sequence[str] = ()) -> bool:
    """Whether `text` holds words of distress (the built-in phrases or a team's own)."""
    return bool(matches(text, extra))


def any_distress(texts: Iterable[str | None], extra: Sequence[str] = ()) -> bool:
    """Whether any of several texts (a note, goals, a message) holds words of distress."""
    return any(find_distress(text, extra) for text in texts if text)
