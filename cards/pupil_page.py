"""`leerling <naam>`: one pupil's page for their mentor or a coordinator: mood over time, how
often they checked in, plan versus done, the latest progress talk, and recent contacts.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from microsoft_teams.cards import (
    AdaptiveCard,
    CardElement,
    Fact,
    FactSet,
    LineChart,
    LineChartData,
    LineChartValue,
    TextBlock,
)

from cards.catalogue import Lang, t
from cards.checkin import GOAL_EMOJI, feeling_word
from cards.common import CARD_VERSION, to_json
from cards.mentor import ContactRow, contact_line, mood_emoji
from cards.plain import plain
from domain.grammar import format_date


def _card(body: Sequence[CardElement]) -> dict[str, Any]:
    return to_json(AdaptiveCard(version=CARD_VERSION, body=list(body)))


@dataclass(frozen=True)
class PupilPage:
    """Everything `leerling` shows about one pupil."""

    name: str
    mentor: str | None
    paused_until: date | None
    moods: Sequence[tuple[date, int | None]]  # the last school days, oldest first
    school_days: int
    checked_in: int
    goal_counts: dict[str, int] = field(default_factory=dict)  # done / partly / not / open
    contacts: Sequence[ContactRow] = ()
    notes: Sequence[tuple[date, str]] = ()  # the pupil's own words at the day close, newest first
    phase: str | None = None  # "opbouw (3 weken)", worded by `t`, while a trajectory goes on
    talk: tuple[date, str | None] | None = None  # the latest progress talk and its agreements
    feelings: Sequence[tuple[str, int]] = ()  # named feelings of the chart's days, most first


def _mood_chart(lang: Lang, moods: Sequence[tuple[date, int | None]]) -> CardElement:
    """Teams draws a line chart; clients without charts show the same moods as text."""
    shown = [(day, mood) for day, mood in moods if mood is not None]
    fallback_text = "  ".join(
        f"{day.day}/{day.month} {mood_emoji(mood) if mood else '·'}" for day, mood in moods
    )
    if not shown:
        return TextBlock(text=t("pupil.no_moods", lang), wrap=True, is_subtle=True)
    fallback = TextBlock(text=fallback_text, wrap=True)
    return LineChart(
        title=t("pupil.mood_chart", lang),
        y_min=1,
        y_max=5,
        data=[
            LineChartData(
                legend=t("pupil.mood_legend", lang),
                values=[LineChartValue(x=f"{d.day}/{d.month}", y=m) for d, m in shown],
            )
        ],
        fallback=fallback,
    )


def pupil_page_card(*, lang: Lang, page: PupilPage) -> dict[str, Any]:
    """`leerling <naam>`: mood over time, check-in rate, plan versus done, contacts."""
    body: list[CardElement] = [
        TextBlock(text=plain(page.name), size="Large", weight="Bolder", wrap=True),
        FactSet(facts=_facts(page, lang)),
        _mood_chart(lang, page.moods),
    ]
    if page.feelings:
        words = ", ".join(f"{feeling_word(word, lang)} ({n})" for word, n in page.feelings)
        body.append(TextBlock(text=t("pupil.feelings", lang, words=words), wrap=True))
    if page.talk is not None and page.talk[1]:
        day = format_date(page.talk[0], lang)
        body.append(
            TextBlock(text=t("pupil.agreements", lang, day=day), weight="Bolder", wrap=True)
        )
        body.append(TextBlock(text=plain(page.talk[1]), wrap=True, spacing="None"))
    if page.notes:
        body.append(TextBlock(text=t("pupil.notes", lang), weight="Bolder", wrap=True))
        body.extend(
            TextBlock(text=f"{format_date(day, lang)}: {plain(note)}", wrap=True, spacing="None")
            for day, note in page.notes
        )
    body.append(TextBlock(text=t("pupil.recent_contacts", lang), weight="Bolder", wrap=True))
    if not page.contacts:
        body.append(TextBlock(text=t("contacts.none", lang), wrap=True, spacing="None"))
    for row in page.contacts:
        body.append(TextBlock(text=contact_line(row, lang), wrap=True, spacing="None"))
    return _card(body)


def _facts(page: PupilPage, lang: Lang) -> list[Fact]:
    """Mentor, check-in rate, phase and pause, plan versus done, and the latest progress talk."""
    facts = [
        Fact(
            title=t("pupil.mentor", lang),
            value=plain(page.mentor) if page.mentor else t("team.no_mentor", lang),
        ),
        Fact(
            title=t("pupil.checkin_rate", lang),
            value=t("pupil.rate", lang, done=page.checked_in, total=page.school_days),
        ),
    ]
    if page.phase is not None:
        facts.append(Fact(title=t("trajectory.fact.phase", lang), value=page.phase))
    if page.paused_until is not None:
        facts.append(
            Fact(title=t("pupil.paused", lang), value=format_date(page.paused_until, lang))
        )
    counts = page.goal_counts
    plan = ", ".join(
        f"{GOAL_EMOJI.get(status, '·')} {counts.get(status, 0)} {t(f'close.status.{status}', lang)}"
        for status in ("done", "partly", "not")
    )
    facts.append(Fact(title=t("pupil.plan_vs_done", lang), value=plan))
    if page.talk is not None:
        facts.append(Fact(title=t("pupil.last_talk", lang), value=format_date(page.talk[0], lang)))
    return facts
