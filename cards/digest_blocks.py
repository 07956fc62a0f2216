"""The pieces both coordinators' digests are built from: the mood colours and chart, the signals
by name, long lists of names cut into blocks that can go on over pages, and why deliveries failed.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from microsoft_teams.cards import CardElement, DonutChart, DonutChartData, Fact, TextBlock

from cards.catalogue import Lang, t
from cards.mentor import mood_emoji
from cards.pages import Section
from cards.plain import plain
from domain.figures_text import NO_FIGURE, percent_shown

MOOD_COLORS = {
    1: "categoricalRed",
    2: "categoricalMarigold",
    3: "categoricalLavender",
    4: "categoricalBlue",
    5: "categoricalGreen",
}


NAMES_PER_BLOCK = 20


@dataclass(frozen=True)
class DigestParts:
    """A digest before it is cut into pages: a head, what comes first, then the lists."""

    title: str
    subtitle: str
    first: Sequence[CardElement]
    sections: Sequence[Section]


def percent(part: int, whole: int, lang: Lang) -> str:
    """ "7/9 (78%)"."""
    if whole <= 0:
        return NO_FIGURE
    return f"{part}/{whole} ({percent_shown(part / whole, lang)})"


@dataclass(frozen=True)
class NamedSignal:
    """A signal as a coordinator reads it."""

    pupil: str
    mentor: str | None
    sentence: str  # worded by `t`, so Markdown already


# Why a delivery gave up, in the words the coordinator needs to act on it.
_BLOCKED = ("person blocked the bot",)
_GONE = ("person left the team", "team not installed")


def failed_fact(reasons: Mapping[str, int], lang: Lang) -> Fact:
    """How many messages did not arrive, and why: blocked (the mentor is told), gone, Teams."""
    kinds = {"blocked": 0, "gone": 0, "teams": 0}
    for reason, n in reasons.items():
        if reason in _BLOCKED or reason.startswith("403"):
            kinds["blocked"] += n
        elif reason in _GONE:
            kinds["gone"] += n
        else:
            kinds["teams"] += n
    why = "; ".join(t(f"digest.failed.{kind}", lang, n=n) for kind, n in kinds.items() if n)
    return Fact(title=t("digest.failed", lang), value=f"{sum(kinds.values())} ({why})")


def mood_text(moods: Mapping[int, int], lang: Lang) -> str:
    """ "😄 3  🙂 5 …": how many gave each mood, best first."""
    return "  ".join(f"{mood_emoji(m)} {moods.get(m, 0)}" for m in (5, 4, 3, 2, 1))


def mood_chart(moods: Mapping[int, int], lang: Lang, title: str) -> CardElement:
    """A donut of the moods given, with the counts as text where charts are not drawn."""
    fallback = TextBlock(text=mood_text(moods, lang), wrap=True)
    if not any(moods.values()):
        return TextBlock(text=t("digest.no_moods", lang), wrap=True, is_subtle=True)
    return DonutChart(
        title=title,
        data=[
            DonutChartData(
                legend=f"{mood_emoji(m)} {t(f'mood.{m}', lang)}",
                value=moods.get(m, 0),
                color=MOOD_COLORS[m],
            )
            for m in (5, 4, 3, 2, 1)
        ],
        fallback=fallback,
    )


def signals_section(signals: Sequence[NamedSignal], lang: Lang, title_key: str) -> Section:
    """The signals by pupil (and their mentor), under a heading that counts them."""
    heading = TextBlock(
        text=t(title_key, lang, count=len(signals)), weight="Bolder", wrap=True, separator=True
    )
    if not signals:
        none = TextBlock(text=t("digest.no_signals", lang), wrap=True, spacing="None")
        return Section(heading=[heading, none], items=[])
    items: list[CardElement] = []
    for signal in signals:
        who = plain(signal.pupil) + (
            f" ({t('pupils.mentor', lang, name=signal.mentor)})" if signal.mentor else ""
        )
        items.append(TextBlock(text=f"- **{who}**: {signal.sentence}", wrap=True, spacing="None"))
    return Section(heading=[heading], items=items)


def name_blocks(
    key: str, names: Sequence[str], lang: Lang, *, separator: bool = False, **style: Any
) -> list[CardElement]:
    """A long list of names in blocks of NAMES_PER_BLOCK, so that it can go on over pages."""
    blocks: list[CardElement] = []
    for start in range(0, len(names), NAMES_PER_BLOCK):
        chunk = ", ".join(names[start : start + NAMES_PER_BLOCK])
        shown = t(key, lang, names=chunk) if start == 0 else plain(chunk)
        blocks.append(
            TextBlock(
                text=shown, wrap=True, spacing="None", separator=separator and not start, **style
            )
        )
    return blocks
