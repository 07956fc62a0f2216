"""How fast alerts were picked up, as the weekly digest shows it (waiting in school time)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import timedelta

from microsoft_teams.cards import CardElement, TextBlock

from cards.catalogue import Lang, t
from cards.plain import plain
from domain.alerts import PickupFigures

LONG_WAIT_HOURS = 10  # from here a pick-up time is shown in whole hours


def duration_text(wait: timedelta, lang: Lang) -> str:
    """ "12 min", "1:05 u" / "1:05 h"; ten hours or more in whole hours ("14 u")."""
    minutes = round(wait.total_seconds() / 60)
    if minutes < 60:
        return f"{minutes} min"
    unit = "u" if lang == "nl" else "h"
    hours, rest = divmod(minutes, 60)
    if hours >= LONG_WAIT_HOURS:
        return f"{round(minutes / 60)} {unit}"
    return f"{hours}:{rest:02d} {unit}"


def pickup_section(
    lines: Sequence[tuple[str | None, PickupFigures]], lang: Lang
) -> list[CardElement]:
    """Per mentor: the median and slowest pick-up time, and what is still open."""
    items: list[CardElement] = [
        TextBlock(text=t("digest.week.pickup", lang), weight="Bolder", wrap=True)
    ]
    if not lines:
        items.append(TextBlock(text=t("digest.week.pickup_none", lang), wrap=True, spacing="None"))
    for mentor, figures in lines:
        who = plain(mentor) if mentor else t("digest.week.pickup_no_mentor", lang)
        if figures.median is not None and figures.slowest is not None:
            line = t(
                "digest.week.pickup_line",
                lang,
                median=duration_text(figures.median, lang),
                slowest=duration_text(figures.slowest, lang),
                count=figures.picked_up,
            )
        else:
            line = t("digest.week.pickup_nothing", lang)
        if figures.still_open:
            line += t("digest.week.pickup_open", lang, count=figures.still_open)
        items.append(
            TextBlock(
                text=f"- {who}: {line}",
                wrap=True,
                spacing="None",
                color="Attention" if figures.still_open else "Default",
            )
        )
    return items
