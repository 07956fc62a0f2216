"""Long cards in pages: no page over the budget, nothing lost, headings repeated."""

from __future__ import annotations

from microsoft_teams.cards import AdaptiveCard, TextBlock

from cards.common import CARD_VERSION, to_json
from cards.pages import (
    CARD_BUDGET,
    Section,
    element_size,
    fill_pages,
    page_buttons,
    size_of,
    split_rows,
)


def block(text: str) -> TextBlock:
    return TextBlock(text=text, wrap=True)


def test_element_sizes_add_up_to_the_card() -> None:
    body = [block("é" * 50), block("x" * 300)]
    empty = size_of(to_json(AdaptiveCard(version=CARD_VERSION, body=[])))
    total = size_of(to_json(AdaptiveCard(version=CARD_VERSION, body=body)))
    assert abs(total - empty - sum(element_size(e) for e in body)) <= 4


def test_lists_go_on_over_pages_under_the_budget() -> None:
    first = [block("Weekoverzicht")]
    sections = [
        Section(
            heading=[block(f"Sectie {n}")],
            items=[block(f"{n}-{i} " + "é" * 200) for i in range(120)],
        )
        for n in range(3)
    ]
    pages = fill_pages(first, sections)
    assert len(pages) > 3
    texts = [e.text for page in pages for e in page]
    for n in range(3):
        for i in range(120):
            assert texts.count(f"{n}-{i} " + "é" * 200) == 1
    for page in pages:
        card = to_json(AdaptiveCard(version=CARD_VERSION, body=[block("head"), *page]))
        assert size_of(card) <= CARD_BUDGET
        # a page that goes on with a section starts with its heading again
        assert page[0].text.startswith(("Weekoverzicht", "Sectie"))


def test_empty_sections_keep_their_heading() -> None:
    pages = fill_pages([block("a")], [Section(heading=[block("Geen signalen")], items=[])])
    assert [[e.text for e in page] for page in pages] == [["a", "Geen signalen"]]


def test_split_rows_and_buttons() -> None:
    assert split_rows([], 20) == [[]]
    assert [len(p) for p in split_rows(list(range(45)), 20)] == [20, 20, 5]
    assert page_buttons("nl", page=1, pages=1, command="leerlingen", team_ref=3) == []
    buttons = page_buttons("en", page=2, pages=3, command="leerlingen", team_ref=3)
    card = to_json(AdaptiveCard(version=CARD_VERSION, body=buttons))
    data = [a["data"] for a in card["body"][0]["actions"]]
    assert [a["title"] for a in card["body"][0]["actions"]] == ["◀ Previous", "Next (3/3) ▶"]
    assert data == [
        {"verb": "command", "team": 3, "text": "leerlingen 1"},
        {"verb": "command", "team": 3, "text": "leerlingen 3"},
    ]
