"""The OPP report as a document to paste into the school's pupil administration (ParnasSys,
Magister, Somtoday): Markdown with plain headings and tables, or CSV for a spreadsheet.

What people typed (names, notes, agreements) stays as typed: escaped in Markdown, and in CSV
guarded against being read as a spreadsheet formula.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from dataclasses import replace

from cards.catalogue import Lang, t
from cards.mentor import kind_name, minutes_text
from cards.opp_report_text import (
    OppPack,
    alert_text,
    long_date,
    mood_text,
    pause_text,
    period_text,
    signal_text,
    talk_text,
    total_rate_text,
    week_label,
)
from cards.plain import plain
from domain.grammar import format_date

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _table(header: Sequence[str], rows: Sequence[Sequence[object]]) -> list[str]:
    lines = ["| " + " | ".join(header) + " |", "|" + " --- |" * len(header)]
    lines += ["| " + " | ".join(str(cell) for cell in row) + " |" for row in rows]
    return lines


def _section(title: str, lines: Sequence[str], empty: str) -> list[str]:
    return ["", f"## {title}", "", *(lines or [empty])]


def _weeks(pack: OppPack, lang: Lang) -> list[str]:
    def number(value: float | None) -> str:
        return "—" if value is None else f"{value:.1f}".replace(".", "," if lang == "nl" else ".")

    rows = [
        (
            week_label(row, lang),
            row.school_days,
            row.checked_in,
            f"{round(100 * row.rate)}%" if row.rate is not None else "—",
            number(row.mood),
        )
        for row in pack.weeks
    ]
    header = [
        t(f"opp.report.column.{name}", lang)
        for name in ("week", "days", "checked_in", "percent", "mood")
    ]
    return [t("opp.report.rate_note", lang), "", *_table(header, rows)]


def _contacts(pack: OppPack, lang: Lang) -> list[str]:
    if not pack.contacts:
        return []

    def spent(minutes: int) -> str:
        return minutes_text(minutes, lang) if minutes else "—"

    rows: list[Sequence[object]] = [
        (kind_name(c.kind, lang), c.count, spent(c.minutes)) for c in pack.contacts
    ]
    total = sum(c.count for c in pack.contacts)
    rows.append((t("opp.report.total", lang), total, spent(sum(c.minutes for c in pack.contacts))))
    header = [t(f"opp.report.column.{name}", lang) for name in ("kind", "count", "time")]
    return _table(header, rows)


def _one_line(text: str) -> str:
    """A note in one list item: its line breaks would end the item."""
    return " ".join(text.split())


def _flat(pack: OppPack) -> OppPack:
    """The pack with everything people typed on one line: a heading, a table row and a list
    item each end at a line break."""
    return replace(
        pack,
        pupil=_one_line(pack.pupil),
        mentor=_one_line(pack.mentor) if pack.mentor else None,
        notes=None if pack.notes is None else [(d, _one_line(n)) for d, n in pack.notes],
        talks=[(d, _one_line(said) if said else None) for d, said in pack.talks],
    )


def _head(pack: OppPack, lang: Lang) -> list[str]:
    due = long_date(pack.due, lang) if pack.due else t("opp.report.no_plan", lang)
    facts = [
        (t("opp.report.fact.period", lang), period_text(pack, lang)),
        (t("opp.report.fact.mentor", lang), plain(pack.mentor or t("team.no_mentor", lang))),
        (t("opp.report.fact.next", lang), due),
        (t("opp.report.fact.checkins", lang), total_rate_text(pack.weeks, lang)),
        (t("opp.report.fact.mood", lang), mood_text(pack.weeks, lang)),
    ]
    return [
        f"# {t('opp.report.title', lang, name=pack.pupil)}",
        "",
        *(f"- {title}: {value}" for title, value in facts),
    ]


def _goals(pack: OppPack, lang: Lang) -> list[str]:
    goals = pack.goals
    header = [
        t(f"opp.report.goals.{name}", lang)
        for name in ("planned", "done", "partly", "not_yet", "unanswered")
    ]
    row = (goals.planned, goals.done, goals.partly, goals.not_yet, goals.unanswered)
    return _table(header, [row])


def opp_report_markdown(pack: OppPack, lang: Lang, *, made: str) -> str:
    """The report as Markdown; `made` is the day it was made, already worded."""
    pack = _flat(pack)
    if pack.notes is None:
        notes = [t("opp.report.notes.hidden", lang, count=pack.note_count)]
    else:
        notes = [f"- {format_date(day, lang)}: {plain(note)}" for day, note in pack.notes]
    lines = [
        *_head(pack, lang),
        *_section(t("opp.report.weeks", lang), _weeks(pack, lang), ""),
        *_section(t("opp.report.goals", lang), _goals(pack, lang), ""),
        *_section(
            t("opp.report.notes", lang, count=pack.note_count),
            notes,
            t("opp.report.notes.none", lang),
        ),
        *_section(
            t("opp.report.contacts", lang, count=sum(c.count for c in pack.contacts)),
            _contacts(pack, lang),
            t("opp.report.contacts.none", lang),
        ),
        *_section(
            t("opp.report.talks", lang, count=len(pack.talks)),
            [f"- {talk_text(day, said, lang)}" for day, said in pack.talks],
            t("opp.report.talks.none", lang),
        ),
        *_section(
            t("opp.report.signals", lang),
            [f"- {signal_text(s, lang)}" for s in pack.signals],
            t("opp.report.signals.none", lang),
        ),
        *_section(
            t("opp.report.alerts", lang),
            [f"- {alert_text(a, lang)}" for a in pack.alerts],
            t("opp.report.alerts.none", lang),
        ),
        *_section(
            t("opp.report.pauses", lang),
            [f"- {pause_text(p, lang)}" for p in pack.pauses],
            t("opp.report.pauses.none", lang),
        ),
        "",
        f"_{t('opp.report.footer', lang, day=made)}_",
    ]
    return "\n".join(lines) + "\n"


def _cell(value: object) -> str:
    """A CSV cell; text that a spreadsheet would run as a formula starts with a quote."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_START) else text


def opp_report_csv(pack: OppPack) -> str:
    """The report as CSV, one fact per row: section, date, item, value (ISO dates, dot
    decimals, English item names), for a spreadsheet or an import."""
    rows: list[tuple[str, object, str, object]] = [
        ("pupil", "", "name", pack.pupil),
        ("pupil", "", "mentor", pack.mentor or ""),
        ("period", pack.start.isoformat(), "start", pack.basis),
        ("period", pack.end.isoformat(), "end", ""),
        ("opp", pack.due.isoformat() if pack.due else "", "next_evaluation", ""),
    ]
    for week in pack.weeks:
        monday = week.monday.isoformat()
        rows += [
            ("week", monday, "school_days", week.school_days),
            ("week", monday, "checked_in", week.checked_in),
            ("week", monday, "mood", "" if week.mood is None else f"{week.mood:.2f}"),
        ]
    goals = pack.goals
    for item in ("planned", "done", "partly", "not_yet", "unanswered"):
        rows.append(("goals", "", item, getattr(goals, item)))
    rows.append(("notes", "", "count", pack.note_count))
    for day, note in pack.notes or []:
        rows.append(("note", day.isoformat(), "close_note", note))
    for total in pack.contacts:
        rows += [
            ("contacts", "", total.kind, total.count),
            ("contacts", "", f"{total.kind}_minutes", total.minutes),
        ]
    for day, said in pack.talks:
        rows.append(("progress_talk", day.isoformat(), "agreements", said or ""))
    for signal in pack.signals:
        resolved = signal.resolved.isoformat() if signal.resolved else "open"
        rows.append(("signal", signal.since.isoformat(), signal.kind, resolved))
    for alert in pack.alerts:
        rows += [
            ("alerts", "", alert.kind, alert.count),
            ("alerts", "", f"{alert.kind}_picked_up", alert.picked_up),
        ]
    for first, last in pack.pauses:
        rows.append(("pause", first.isoformat(), "until", last.isoformat()))
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["section", "date", "item", "value"])
    writer.writerows([[_cell(cell) for cell in row] for row in rows])
    return out.getvalue()
