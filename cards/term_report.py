"""The term report, in counts only: as a card in chat, and as Markdown or CSV for the command line.

All three are written from the same sections, so the chat and the file can never disagree about
what is shown and what is held back as a small group.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from microsoft_teams.cards import AdaptiveCard, CardElement, Fact, FactSet, TextBlock

from cards.catalogue import Lang, t
from cards.common import CARD_VERSION, to_json
from cards.mentor import CONTACT_KINDS, kind_name, minutes_text
from cards.plain import Markdown, plain
from domain.grammar import format_date
from domain.small_numbers import (
    HIDDEN,
    NO_FIGURE,
    count_shown,
    is_small,
    median_shown,
    rate_shown,
    share_shown,
)
from domain.term_report import ActivityFigures, TermFigures
from domain.trajectory import DEFAULT_PHASES, OUTCOMES

# A cell that starts like a formula is run by spreadsheet programs; a team's own phase name
# could start that way.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


@dataclass(frozen=True)
class Section:
    """A heading and its (label, value) rows. Labels are as typed or from the catalogue."""

    key: str
    title: str
    rows: Sequence[tuple[str, str]]


def _phase_label(phase: str, lang: Lang) -> str:
    # as typed, unescaped: the card and Markdown escape it, the CSV keeps it as it is
    return t(f"trajectory.phase.{phase}", lang) if phase in DEFAULT_PHASES else phase


def _contacts(activity: ActivityFigures, lang: Lang) -> list[tuple[str, str]]:
    rows: list[tuple[str, str]] = []
    for kind in [*CONTACT_KINDS, *sorted(set(activity.contacts) - set(CONTACT_KINDS))]:
        count, minutes = activity.contacts.get(kind, (0, 0))
        if count:
            rows.append((kind_name(kind, lang), _count_and_time(count, minutes, lang)))
    total = sum(n for n, _ in activity.contacts.values())
    minutes = sum(m for _, m in activity.contacts.values())
    rows.append((t("report.contacts_total", lang), _count_and_time(total, minutes, lang)))
    return rows


def _count_and_time(count: int, minutes: int, lang: Lang) -> str:
    if is_small(count) or not count:
        return count_shown(count)
    return f"{count} · {minutes_text(minutes, lang) if minutes else NO_FIGURE}"


def report_sections(
    *, lang: Lang, figures: TermFigures, activity: ActivityFigures
) -> list[Section]:
    """The report's sections, in the order they are read."""
    day = format_date(figures.period.end, lang, with_year=True)
    phases = figures.phases
    outcomes = [(t(f"trajectory.outcome.{o}", lang), figures.outcomes.get(o, 0)) for o in OUTCOMES]
    return [
        Section(
            "phases",
            t("report.section.phases", lang, day=day),
            [(_phase_label(p.name, lang), count_shown(p.now)) for p in phases],
        ),
        Section(
            "weeks",
            t("report.section.weeks", lang),
            [(_phase_label(p.name, lang), median_shown(p.weeks, lang)) for p in phases],
        ),
        Section(
            "outcomes",
            t("report.section.outcomes", lang),
            [
                (t("report.ended", lang), count_shown(figures.ended)),
                *[(label, count_shown(n)) for label, n in outcomes],
                (t("report.returned_share", lang), share_shown(figures.returned, figures.ended)),
                (t("report.weeks_to_return", lang), median_shown(figures.weeks_to_return, lang)),
            ],
        ),
        Section(
            "checkins",
            t("report.section.checkins", lang),
            [
                (t("report.pupils", lang), count_shown(activity.pupils)),
                (t("report.school_days", lang), str(activity.school_days)),
                (
                    t("report.checkin_rate", lang),
                    rate_shown(activity.checked_in, activity.expected, pupils=activity.pupils),
                ),
            ],
        ),
        Section("contacts", t("report.section.contacts", lang), _contacts(activity, lang)),
    ]


def _note(lang: Lang) -> str:
    return t("report.note", lang, hidden=Markdown(HIDDEN), none=Markdown(NO_FIGURE))


def _heading(lang: Lang, team: str, figures: TermFigures) -> tuple[str, str]:
    period = t(
        "report.period",
        lang,
        start=format_date(figures.period.start, lang, with_year=True),
        end=format_date(figures.period.end, lang, with_year=True),
    )
    return t("report.title", lang, team=team), period


def term_report_card(
    *, lang: Lang, team: str, figures: TermFigures, activity: ActivityFigures
) -> dict[str, Any]:
    """`rapport`: the term report as a card."""
    title, period = _heading(lang, team, figures)
    body: list[CardElement] = [
        TextBlock(text=title, size="Large", weight="Bolder", wrap=True),
        TextBlock(text=period, wrap=True, spacing="None", is_subtle=True),
    ]
    for section in report_sections(lang=lang, figures=figures, activity=activity):
        body.append(TextBlock(text=section.title, weight="Bolder", wrap=True))
        body.append(
            FactSet(facts=[Fact(title=plain(label), value=value) for label, value in section.rows])
        )
    body.append(TextBlock(text=_note(lang), wrap=True, is_subtle=True, size="Small"))
    return to_json(AdaptiveCard(version=CARD_VERSION, body=body))


def report_markdown(
    *, lang: Lang, team: str, figures: TermFigures, activity: ActivityFigures
) -> str:
    """The term report as a Markdown document (`dagritme report --term`)."""
    title, period = _heading(lang, team, figures)
    item, value = t("report.column.item", lang), t("report.column.value", lang)
    lines = [f"# {title}", "", period, ""]
    for section in report_sections(lang=lang, figures=figures, activity=activity):
        lines += ["", f"## {section.title}", "", f"| {item} | {value} |", "| --- | --- |"]
        lines += [f"| {plain(label)} | {cell} |" for label, cell in section.rows]
    lines += ["", _note(lang), ""]
    return "\n".join(lines)


def report_csv(*, lang: Lang, figures: TermFigures, activity: ActivityFigures) -> str:
    """The term report as CSV: one row per figure (section, item, value)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow([t(f"report.column.{name}", lang) for name in ("section", "item", "value")])
    for section in report_sections(lang=lang, figures=figures, activity=activity):
        for label, value in section.rows:
            safe = "'" + label if label.startswith(FORMULA_START) else label
            writer.writerow([section.key, safe, value])
    return out.getvalue()
