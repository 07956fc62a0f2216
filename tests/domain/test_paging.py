"""Page numbers and filters typed after `leerlingen` and `digest`."""

from __future__ import annotations

from datetime import date

import pytest

from domain.paging import DigestAsk, is_attention_filter, parse_digest_args, split_page

TODAY = date(2026, 12, 4)  # a Friday


@pytest.mark.parametrize(
    ("typed", "asked"),
    [
        ("", ("", 1)),
        ("2", ("", 2)),
        ("pagina 3", ("", 3)),
        ("page 3", ("", 3)),
        ("alleen aandacht", ("alleen aandacht", 1)),
        ("Alleen  Aandacht 2", ("alleen aandacht", 2)),
        ("attention only page 2", ("attention only", 2)),
        ("0", None),
        ("1000", None),
        ("9" * 5000, None),
        ("²", None),
        ("sanne", ("sanne", 1)),
    ],
)
def test_split_page(typed: str, asked: tuple[str, int] | None) -> None:
    assert split_page(typed) == asked


def test_attention_words() -> None:
    assert is_attention_filter("alleen aandacht")
    assert is_attention_filter("attention only")
    assert not is_attention_filter("sanne")


@pytest.mark.parametrize(
    ("typed", "asked"),
    [
        ("", DigestAsk(week=False, day=None, page=1)),
        ("dag", DigestAsk(week=False, day=None, page=1)),
        ("today", DigestAsk(week=False, day=None, page=1)),
        ("week", DigestAsk(week=True, day=None, page=1)),
        ("week 2", DigestAsk(week=True, day=None, page=2)),
        ("2", DigestAsk(week=False, day=None, page=2)),
        ("dag 23-11", DigestAsk(week=False, day=date(2026, 11, 23), page=1)),
        ("23-11", DigestAsk(week=False, day=date(2026, 11, 23), page=1)),
        ("week 2026-11-27 3", DigestAsk(week=True, day=date(2026, 11, 27), page=3)),
        ("day monday", DigestAsk(week=False, day=date(2026, 11, 30), page=1)),
        ("vandaag 23-11", None),
        ("maand", None),
        ("week 0", None),
    ],
)
def test_digest_args(typed: str, asked: DigestAsk | None) -> None:
    assert parse_digest_args(typed, today=TODAY) == asked
