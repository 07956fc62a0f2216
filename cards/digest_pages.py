"""The coordinators' digests as cards Teams accepts: in pages of at most CARD_BUDGET bytes.

A large team's week has many signals and names; the figures and charts come first, the lists go
on over as many pages as they need. The first page is what is sent; its *Volgende* button (and
`digest week <datum> 2`) shows the next.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from microsoft_teams.cards import AdaptiveCard, CardElement, TextBlock

from cards.catalogue import Lang, t
from cards.common import CARD_VERSION, to_json
from cards.digest import DailyFigures, DigestParts, WeeklyFigures, daily_parts, weekly_parts
from cards.pages import fill_pages, page_buttons, page_line, page_number


def daily_digest_pages(
    *, lang: Lang, figures: DailyFigures, team_ref: int | None = None
) -> list[dict[str, Any]]:
    """Every page of the daily digest."""
    parts = daily_parts(lang=lang, figures=figures)
    return _pages(parts, lang, command=f"digest dag {figures.day.isoformat()}", team_ref=team_ref)


def weekly_digest_pages(
    *, lang: Lang, figures: WeeklyFigures, day: date | None = None, team_ref: int | None = None
) -> list[dict[str, Any]]:
    """Every page of the weekly digest (of the week up to `day`)."""
    parts = weekly_parts(lang=lang, figures=figures)
    last = day or (figures.days[-1].day if figures.days else figures.week_start)
    return _pages(parts, lang, command=f"digest week {last.isoformat()}", team_ref=team_ref)


def daily_digest_card(
    *, lang: Lang, figures: DailyFigures, page: int = 1, team_ref: int | None = None
) -> dict[str, Any]:
    """One page of the daily digest (the last one when `page` is beyond it)."""
    pages = daily_digest_pages(lang=lang, figures=figures, team_ref=team_ref)
    return pages[page_number(page, len(pages)) - 1]


def weekly_digest_card(
    *, lang: Lang, figures: WeeklyFigures, page: int = 1, team_ref: int | None = None
) -> dict[str, Any]:
    """One page of the weekly digest (the last one when `page` is beyond it)."""
    pages = weekly_digest_pages(lang=lang, figures=figures, team_ref=team_ref)
    return pages[page_number(page, len(pages)) - 1]


def _head(parts: DigestParts, lang: Lang, page: int, pages: int) -> list[CardElement]:
    title = parts.title if page == 1 else t("digest.continued", lang, title=parts.title)
    head: list[CardElement] = [
        TextBlock(text=title, size="Large", weight="Bolder", wrap=True),
        TextBlock(text=parts.subtitle, is_subtle=True, spacing="None", wrap=True),
    ]
    if pages > 1:
        head.append(page_line(lang, page, pages))
    return head


def _pages(
    parts: DigestParts, lang: Lang, *, command: str, team_ref: int | None
) -> list[dict[str, Any]]:
    first = [*_head(parts, lang, 1, 2), *parts.first]
    bodies = fill_pages(first, parts.sections)
    count = len(bodies)
    cards: list[dict[str, Any]] = []
    for number, body in enumerate(bodies, start=1):
        if number == 1:
            body = [*_head(parts, lang, 1, count), *parts.first, *body[len(first) :]]
        else:
            body = [*_head(parts, lang, number, count), *body]
        nav = page_buttons(lang, page=number, pages=count, command=command, team_ref=team_ref)
        card = AdaptiveCard(version=CARD_VERSION, body=[*body, *nav])
        cards.append(to_json(card))
    return cards
