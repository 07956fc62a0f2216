"""The OPP report: what a mentor brings to an OPP evaluation, as a card in the 1:1 chat.

Every figure is written out in words; the mood chart only repeats them, so a client that draws
no charts (or a reader of the copied text) misses nothing.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
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
from cards.common import CARD_VERSION, to_json
from cards.opp_report_text import (
    OppPack,
    alert_text,
    contact_text,
    goals_text,
    long_date,
    mood_text,
    pause_text,
    period_text,
    signal_text,
    talk_text,
    total_rate_text,
    week_label,
    week_text,
)
from cards.plain import plain
from cards.pupils import CARD_BUDGET, size_of
from domain.grammar import format_date
from domain.report import WeekRow


def _heading(text: str) -> TextBlock:
    return TextBlock(text=text, weight="Bolder", wrap=True, spacing="Medium")


def _line(text: str, *, subtle: bool = False) -> TextBlock:
    return TextBlock(text=text, wrap=True, spacing="None", is_subtle=subtle or None)


def _mood_chart(weeks: Sequence[WeekRow], lang: Lang) -> CardElement | None:
    """The mood per week as Teams' line chart; a client without charts shows the trend in words
    (each week's mood is written out below it either way)."""
    shown = [row for row in weeks if row.mood is not None]
    if not shown:
        return None
    return LineChart(
        title=t("opp.report.mood_chart", lang),
        y_min=1,
        y_max=5,
        data=[
            LineChartData(
                legend=t("pupil.mood_legend", lang),
                values=[
                    LineChartValue(x=week_label(row, lang), y=round(row.mood or 0, 1))
                    for row in shown
                ],
            )
        ],
        fallback=TextBlock(text=mood_text(weeks, lang), wrap=True),
    )


def _facts(pack: OppPack, lang: Lang) -> FactSet:
    due = long_date(pack.due, lang) if pack.due else t("opp.report.no_plan", lang)
    mentor = plain(pack.mentor) if pack.mentor else t("team.no_mentor", lang)
    return FactSet(
        facts=[
            Fact(title=t("opp.report.fact.period", lang), value=period_text(pack, lang)),
            Fact(title=t("opp.report.fact.mentor", lang), value=mentor),
            Fact(title=t("opp.report.fact.next", lang), value=due),
            Fact(
                title=t("opp.report.fact.checkins", lang), value=total_rate_text(pack.weeks, lang)
            ),
            Fact(title=t("opp.report.fact.mood", lang), value=mood_text(pack.weeks, lang)),
        ]
    )


def _notes(pack: OppPack, lang: Lang) -> list[CardElement]:
    body: list[CardElement] = [_heading(t("opp.report.notes", lang, count=pack.note_count))]
    if pack.notes is None:
        return [*body, _line(t("opp.report.notes.hidden", lang, count=pack.note_count))]
    body += [_line(f"{format_date(day, lang)}: {plain(note)}") for day, note in pack.notes]
    if len(pack.notes) < pack.note_count:
        hidden = pack.note_count - len(pack.notes)
        body.append(_line(t("opp.report.notes.cut", lang, count=hidden), subtle=True))
    elif not pack.notes:
        body.append(_line(t("opp.report.notes.none", lang)))
    return body


def _section(title: str, lines: Sequence[str], empty: str) -> list[CardElement]:
    return [_heading(title), *(_line(line) for line in lines or [empty])]


def _card(pack: OppPack, lang: Lang, *, chart: bool) -> dict[str, Any]:
    title = t("opp.report.title", lang, name=pack.pupil)
    contacts = t("opp.report.contacts", lang, count=sum(c.count for c in pack.contacts))
    drawn = _mood_chart(pack.weeks, lang) if chart else None
    body: list[CardElement] = [
        TextBlock(text=title, size="Large", weight="Bolder", wrap=True),
        _facts(pack, lang),
        _heading(t("opp.report.weeks", lang)),
        _line(t("opp.report.rate_note", lang), subtle=True),
        *([drawn] if drawn else []),
        *(_line(week_text(row, lang)) for row in pack.weeks),
        *_section(t("opp.report.goals", lang), [goals_text(pack.goals, lang)], ""),
        *_notes(pack, lang),
        *_section(
            contacts,
            [contact_text(c, lang) for c in pack.contacts],
            t("opp.report.contacts.none", lang),
        ),
        *_section(
            t("opp.report.talks", lang, count=len(pack.talks)),
            [talk_text(day, said, lang) for day, said in pack.talks],
            t("opp.report.talks.none", lang),
        ),
        *_section(
            t("opp.report.signals", lang),
            [signal_text(s, lang) for s in pack.signals],
            t("opp.report.signals.none", lang),
        ),
        *_section(
            t("opp.report.alerts", lang),
            [alert_text(a, lang) for a in pack.alerts],
            t("opp.report.alerts.none", lang),
        ),
        *_section(
            t("opp.report.pauses", lang),
            [pause_text(p, lang) for p in pack.pauses],
            t("opp.report.pauses.none", lang),
        ),
    ]
    return to_json(AdaptiveCard(version=CARD_VERSION, body=body))


def opp_report_card(*, lang: Lang, pack: OppPack) -> dict[str, Any]:
    """The report as one card. Teams takes no message over 28 KB: a long period first loses its
    mood chart (the words stay), then the oldest notes (the card says how many)."""
    card = _card(pack, lang, chart=True)
    if size_of(card) <= CARD_BUDGET:
        return card
    card = _card(pack, lang, chart=False)
    notes = list(pack.notes or [])
    while notes and size_of(card) > CARD_BUDGET:
        notes = notes[len(notes) // 4 + 1 :]  # keep the newest
        card = _card(replace(pack, notes=notes), lang, chart=False)
    return card
