"""The mentor's Monday message: whose progress talk is due this week."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from microsoft_teams.cards import AdaptiveCard, CardElement, TextBlock

from cards.catalogue import Lang, t
from cards.common import CARD_VERSION, to_json
from cards.plain import plain
from domain.grammar import format_date


def talks_due_card(
    *, lang: Lang, day: date, every: str, pupils: Sequence[tuple[str, date | None]]
) -> dict[str, Any]:
    """One line per pupil whose talk is due: their name and when the last talk was."""
    body: list[CardElement] = [
        TextBlock(text=t("talks.title", lang), size="Large", weight="Bolder", wrap=True),
        TextBlock(text=format_date(day, lang, with_year=True), is_subtle=True, spacing="None"),
        TextBlock(text=t("talks.intro", lang, every=every), wrap=True),
    ]
    for name, last in pupils:
        when = (
            t("talks.last", lang, day=format_date(last, lang)) if last else t("talks.never", lang)
        )
        body.append(TextBlock(text=f"- {plain(name)}: {when}", wrap=True, spacing="None"))
    body.append(TextBlock(text=t("talks.how", lang), wrap=True, is_subtle=True))
    return to_json(AdaptiveCard(version=CARD_VERSION, body=body))
