"""Folding names and words for matching, and suggesting the closest word for a typo."""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Iterable

# What no one means to type and a database cannot store: control characters (PostgreSQL
# refuses NUL in text) and halves of a surrogate pair, which JSON can carry ("\ud800") but
# UTF-8 cannot encode.
UNSTORABLE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff]")
NUL_OR_SURROGATE = re.compile(r"[\x00\ud800-\udfff]")


def printable(text: str) -> str:
    """`text` without control characters and lone surrogates; new lines and tabs stay."""
    return UNSTORABLE.sub("", text)


def holds_unstorable(value: object) -> bool:
    """Whether a string anywhere in parsed JSON (keys too) holds NUL or a lone surrogate.

    No database stores those, and Teams never sends them; an id or name with one would fail
    every query it reached.
    """
    pending = [value]
    while pending:
        item = pending.pop()
        if isinstance(item, str):
            if NUL_OR_SURROGATE.search(item):
                return True
        elif isinstance(item, dict):
            pending.extend(item)
            pending.extend(item.values())
        elif isinstance(item, list):
            pending.extend(item)
    return False


def fold(text: str) -> str:
    """Casefold, strip accents and collapse whitespace: "Coördinator  " -> "coordinator"."""
    decomposed = unicodedata.normalize("NFKD", text)
    bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(bare.casefold().split())


def suggest(word: str, choices: Iterable[str], *, cutoff: float = 0.6) -> str | None:
    """The choice closest to a mistyped word (in its own spelling), or None if none is close."""
    by_folded: dict[str, str] = {}
    for choice in choices:
        by_folded.setdefault(fold(choice), choice)
    found = difflib.get_close_matches(fold(word), list(by_folded), n=1, cutoff=cutoff)
    return by_folded[found[0]] if found else None


def name_matches(query: str, display_name: str) -> bool:
    """Whether a typed name fits a display name: each typed word starts a word of the name.

    "sanne", "de vr" and "daan b" fit "Sanne de Vries" / "Daan van der Berg"; the words of the
    query are matched in order against distinct words of the name.
    """
    wanted = fold(query).split()
    words = fold(display_name).split()
    if not wanted:
        return False
    if " ".join(wanted) == " ".join(words):
        return True
    position = 0
    for part in wanted:
        while position < len(words) and not words[position].startswith(part):
            position += 1
        if position == len(words):
            return False
        position += 1
    return True
