"""The OPP report's contents and their sentences, shared by the card and the document."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from cards.catalogue import Lang, t
from cards.mentor import kind_name, minutes_text
from cards.plain import Markdown, plain
from domain.figures_text import decimal_shown, percent_shown
from domain.grammar import MONTH_NAMES, format_date
from domain.report import Basis, ContactTotal, GoalTally, WeekRow, average_mood, mood_trend


@dataclass(frozen=True)
class SignalLine:
    """A signal that held in the period: its sentence (with since when) and when it ended."""

    kind: str
    since: date
    sentence: str
    resolved: date | None


@dataclass(frozen=True)
class AlertCount:
    """How often the mentor was alerted about the pupil for one reason, and picked it up."""

    kind: str
    count: int
    picked_up: int


@dataclass(frozen=True)
class OppPack:
    """Everything the OPP report shows about one pupil over one period."""

    pupil: str
    mentor: str | None
    start: date
    end: date
    basis: Basis
    due: date | None  # the next OPP evaluation, None without an OPP
    weeks: Sequence[WeekRow]
    goals: GoalTally
    notes: Sequence[tuple[date, str]] | None  # None: not for this reader, only counted
    note_count: int
    contacts: Sequence[ContactTotal]
    talks: Sequence[tuple[date, str | None]]  # progress talks and their agreements
    signals: Sequence[SignalLine]
    alerts: Sequence[AlertCount]
    pauses: Sequence[tuple[date, date]]


def decimal(value: float, lang: Lang) -> str:
    """ "3,4" / "3.4"."""
    return decimal_shown(value, lang)


def short_date(day: date, lang: Lang) -> str:
    """ "23 nov" / "23 Nov"."""
    return f"{day.day} {MONTH_NAMES[lang][day.month - 1][:3]}"


def long_date(day: date, lang: Lang) -> str:
    """ "maandag 23 november 2026"."""
    return format_date(day, lang, with_year=True)


def period_text(pack: OppPack, lang: Lang) -> str:
    """ "maandag 28 september 2026 t/m …, sinds de laatste OPP-evaluatie"."""
    dates = t(
        "opp.report.period", lang, start=long_date(pack.start, lang), end=long_date(pack.end, lang)
    )
    return f"{dates}, {t(f'opp.report.basis.{pack.basis}', lang)}"


def rate_text(done: int, total: int, lang: Lang) -> str:
    """ "4 van 5 schooldagen (80%)"."""
    if not total:
        return t("opp.report.rate_none", lang)
    percent = percent_shown(done / total, lang)
    return t("opp.report.rate", lang, done=done, total=total, percent=percent)


def total_rate_text(weeks: Sequence[WeekRow], lang: Lang) -> str:
    """The check-in rate over the whole period."""
    return rate_text(sum(w.checked_in for w in weeks), sum(w.school_days for w in weeks), lang)


def mood_text(weeks: Sequence[WeekRow], lang: Lang) -> str:
    """ "gemiddeld 3,4 van 5, stijgend"."""
    average = average_mood(weeks)
    if average is None:
        return t("opp.report.mood.none", lang)
    direction = mood_trend(weeks) or "only"
    return t(f"opp.report.mood.{direction}", lang, average=decimal(average, lang))


def week_label(row: WeekRow, lang: Lang) -> str:
    """ "week 48 (23 nov)"."""
    number = row.monday.isocalendar().week
    return t("opp.report.week", lang, number=number, day=short_date(row.monday, lang))


def week_mood(row: WeekRow, lang: Lang) -> str:
    """ "stemming 3,4" or "geen stemming"."""
    if row.mood is None:
        return t("opp.report.week_no_mood", lang)
    return t("opp.report.week_mood", lang, mood=decimal(row.mood, lang))


def week_text(row: WeekRow, lang: Lang) -> Markdown:
    """ "week 48 (23 nov): 4 van 5 schooldagen (80%) · stemming 3,4"."""
    rate = rate_text(row.checked_in, row.school_days, lang)
    return Markdown(f"{week_label(row, lang)}: {rate} · {week_mood(row, lang)}")


def goals_text(goals: GoalTally, lang: Lang) -> str:
    """ "12 gepland: 6 gelukt, 3 een beetje, 2 nog niet, 1 niet ingevuld"."""
    return t(
        "opp.report.goals.line",
        lang,
        planned=goals.planned,
        done=goals.done,
        partly=goals.partly,
        not_yet=goals.not_yet,
        unanswered=goals.unanswered,
    )


def time_text(minutes: int, lang: Lang) -> str:
    """ "1 u 30", or that no time was logged."""
    return minutes_text(minutes, lang) if minutes else t("opp.report.no_time", lang)


def contact_text(total: ContactTotal, lang: Lang) -> str:
    """ "bellen: 3 (45 min)"."""
    return t(
        "opp.report.contacts.line",
        lang,
        kind=kind_name(total.kind, lang),
        count=total.count,
        time=time_text(total.minutes, lang),
    )


def talk_text(day: date, agreements: str | None, lang: Lang) -> Markdown:
    """ "maandag 23 november: elke dag om 10 uur starten" (the agreements as typed)."""
    said = plain(agreements) if agreements else t("opp.report.talks.no_agreements", lang)
    return Markdown(f"{format_date(day, lang)}: {said}")


def signal_text(line: SignalLine, lang: Lang) -> Markdown:
    """The signal's sentence and whether it still holds."""
    if line.resolved is None:
        state = t("opp.report.signal.open", lang)
    else:
        state = t("opp.report.signal.resolved", lang, day=format_date(line.resolved, lang))
    return Markdown(f"{plain(line.sentence)} ({state})")


def alert_text(count: AlertCount, lang: Lang) -> str:
    """ "na de dagstart: 3, waarvan 3 opgepakt"."""
    kind = t(f"opp.report.alert.{count.kind}", lang)
    return t("opp.report.alerts.line", lang, kind=kind, count=count.count, picked=count.picked_up)


def pause_text(period: tuple[date, date], lang: Lang) -> str:
    """ "maandag 7 december t/m vrijdag 11 december"."""
    first, last = period
    return t("opp.report.pause", lang, start=format_date(first, lang), end=format_date(last, lang))
