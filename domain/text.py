"""Folding names and words for matching, and suggesting the closest word for a typo."""

from __future__ import annotations

import difflib
import unicodedata
from collections.abc import Iterable


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
