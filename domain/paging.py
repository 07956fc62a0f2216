"""Page numbers and list filters typed after a command: `leerlingen 2`, `leerlingen alleen
aandacht`, `digest week 3`, `pupils attention only page 2`."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from domain.grammar import parse_date
from domain.numbers import DIGITS, ascii_int, has_other_digits
from domain.text import fold

MAX_PAGE = 999  # the highest page anyone may ask for
PAGE_WORDS = frozenset({"pagina", "page", "p", "blz"})
# What a person may type to see only the pupils who need attention now.
ATTENTION_WORDS = frozenset(
    {
        "aandacht",
        "aandacht nodig",
        "alleen aandacht",
        "alleen aandacht nodig",
        "attention",
        "attention only",
        "only attention",
        "needs attention",
        "need attention",
    }
)


def split_page(args: str) -> tuple[str, int] | None:
    """The words typed and the page asked for ("alleen aandacht 2" -> ("alleen aandacht", 2));
    page 1 when no number ends the line; None when the number is no page (0, "²", 5000)."""
    if has_other_digits(args):  # fold would read "²" as "2"
        return None
    words = fold(args).split()
    page = 1
    if words and DIGITS.fullmatch(words[-1]):
        number = ascii_int(words[-1], low=1, high=MAX_PAGE)
        if number is None:
            return None
        page = number
        words = words[:-1]
        if words and words[-1] in PAGE_WORDS:
            words = words[:-1]
    return " ".join(words), page


def is_attention_filter(words: str) -> bool:
    """Whether `words` (folded) ask for only those who need attention."""
    return words in ATTENTION_WORDS


WEEK_WORDS = frozenset({"week", "weekly", "wekelijks"})
DAY_WORDS = frozenset({"dag", "day", "daily", "vandaag", "today", "dagelijks"})


@dataclass(frozen=True)
class DigestAsk:
    """What `digest` was asked for: the week or a day, which day (None: the latest), a page."""

    week: bool
    day: date | None
    page: int


def parse_digest_args(args: str, *, today: date) -> DigestAsk | None:
    """`digest`, `digest week`, `digest dag 23-11`, `digest week 2026-11-27 2`; None when
    unreadable."""
    asked = split_page(args)
    if asked is None:
        return None
    words, page = asked
    kind, _, rest = words.partition(" ")
    if kind not in WEEK_WORDS | DAY_WORDS:
        kind, rest = "dag", words
    day = None
    if rest and kind not in ("vandaag", "today"):
        day = parse_date(rest, today=today, prefer="past")
        if day is None:
            return None
    elif rest:
        return None
    return DigestAsk(week=kind in WEEK_WORDS, day=day, page=page)
