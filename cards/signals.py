"""An early signal in one sentence, as the digests, the mentor's alert and the OPP report say it."""

from __future__ import annotations

from datetime import date

from cards.catalogue import Lang, t
from domain.grammar import format_date


def signal_sentence(kind: str, detail: str, since: date, lang: Lang) -> str:
    """The reason in one sentence, with since when."""
    key = f"signal.{kind}" + ("_low" if kind == "mood_falling" and detail == "low" else "")
    return t(key, lang, detail=detail, since=format_date(since, lang))
