"""Long cards in pages that Teams accepts: at most CARD_BUDGET bytes each, with buttons to the
previous and the next page that run the command again with the page number.

Teams takes no message over 28 KB. A list of every pupil of a large team, or every signal of a
week, is cut into pages by the size each element has as sent, so that no page is too large
whatever the names and texts are, and the first page always carries what matters most (the lists
are sorted that way before they get here).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, TypeVar

from microsoft_teams.cards import ActionSet, CardElement, SubmitAction, TextBlock

from cards.catalogue import Lang, t
from cards.common import command_button

CARD_BUDGET = 26 * 1024  # bytes as sent (JSON, \u-escaped); Teams' limit is 28 KB
RESERVE = 2 * 1024  # room kept on every page for its page line and its buttons
T = TypeVar("T")
MAX_PAGE = 999  # the highest page number anyone may type


def size_of(card: dict[str, Any]) -> int:
    """A card's size as it is sent."""
    return len(json.dumps(card).encode())


def element_size(element: CardElement) -> int:
    """The bytes one element adds to a card's body (with the comma between elements)."""
    data = element.model_dump(by_alias=True, exclude_none=True)
    return len(json.dumps(data).encode()) + 2


@dataclass(frozen=True)
class Section:
    """A heading and its lines; the heading is repeated on a page where the section goes on."""

    heading: Sequence[CardElement]
    items: Sequence[CardElement]


def fill_pages(
    first: Sequence[CardElement],
    sections: Sequence[Section],
    *,
    budget: int = CARD_BUDGET - RESERVE,
    head_size: int = 1024,
) -> list[list[CardElement]]:
    """The body of each page: `first` and as many sections' lines as fit, then the rest on the
    following pages (each of which gets a head of at most `head_size` bytes from the caller)."""
    pages: list[list[CardElement]] = [list(first)]
    used = sum(element_size(e) for e in first)
    for section in sections:
        heading = list(section.heading)
        heading_size = sum(element_size(e) for e in heading)
        if not section.items:
            if used + heading_size > budget and len(pages[-1]) > 0:
                pages.append([])
                used = head_size
            pages[-1].extend(heading)
            used += heading_size
            continue
        started = False
        for item in section.items:
            size = element_size(item)
            need = size + (0 if started else heading_size)
            if used + need > budget and (started or pages[-1]):
                pages.append([])
                used = head_size
                started = False
                need = size + heading_size
            if not started:
                pages[-1].extend(heading)
                started = True
            pages[-1].append(item)
            used += need
    return pages


def split_rows(rows: Sequence[T], per_page: int) -> list[Sequence[T]]:
    """`rows` in pages of `per_page` (one empty page when there are none)."""
    if not rows:
        return [rows]
    return [rows[i : i + per_page] for i in range(0, len(rows), per_page)]


def page_number(page: int, pages: int) -> int:
    """`page` moved into 1..pages."""
    return max(1, min(page, pages))


def page_line(lang: Lang, page: int, pages: int) -> TextBlock:
    """ "Pagina 2 van 5"."""
    return TextBlock(
        text=t("pages.page", lang, page=page, pages=pages), is_subtle=True, spacing="None"
    )


def page_buttons(
    lang: Lang,
    *,
    page: int,
    pages: int,
    command: str,
    team_ref: int | None,
    extra: Sequence[SubmitAction] = (),
) -> list[CardElement]:
    """ "Vorige" and "Volgende": the same command for the page before and after this one."""
    actions: list[SubmitAction] = []
    if page > 1:
        previous = f"{command} {page - 1}"
        actions.append(command_button(t("pages.previous", lang), previous, team_ref=team_ref))
    if page < pages:
        following = f"{command} {page + 1}"
        title = t("pages.next", lang, page=page + 1, pages=pages)
        actions.append(command_button(title, following, team_ref=team_ref))
    actions.extend(extra)
    return [ActionSet(actions=actions, separator=True)] if actions else []
