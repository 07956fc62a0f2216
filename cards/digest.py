"""The coordinators' digests: today's figures, the week in charts, and the signals by name."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date

from microsoft_teams.cards import (
    BarChartDataValue,
    CardElement,
    Fact,
    FactSet,
    GroupedVerticalBarChart,
    GroupedVerticalBarChartData,
    TextBlock,
    VerticalBarChart,
    VerticalBarChartDataValue,
)

from cards.catalogue import Lang, t
from cards.digest_blocks import (
    MOOD_COLORS,
    DigestParts,
    NamedSignal,
    failed_fact,
    mood_chart,
    mood_text,
    name_blocks,
    percent,
    signals_section,
)
from cards.mentor import mood_emoji
from cards.opp import OppRow, due_text
from cards.pages import Section
from cards.pickup import pickup_section
from cards.plain import plain
from domain.alerts import PickupFigures
from domain.figures_text import NO_FIGURE, decimal_shown, percent_shown, with_change
from domain.grammar import format_date


@dataclass(frozen=True)
class DailyFigures:
    """One school day of a team."""

    team: str
    day: date
    pupils: int
    starts: int
    closes: int
    moods: Mapping[int, int]
    new_signals: Sequence[NamedSignal]
    open_signals: int
    contacts: int
    paused: Sequence[tuple[str, date]]
    failed_deliveries: Mapping[str, int]


def daily_parts(*, lang: Lang, figures: DailyFigures) -> DigestParts:
    """The daily digest: its figures first, then the lists that may go on over pages."""
    facts = [
        Fact(
            title=t("digest.start_rate", lang), value=percent(figures.starts, figures.pupils, lang)
        ),
        Fact(
            title=t("digest.close_rate", lang), value=percent(figures.closes, figures.pupils, lang)
        ),
        Fact(title=t("digest.contacts_today", lang), value=str(figures.contacts)),
        Fact(title=t("digest.open_signals", lang), value=str(figures.open_signals)),
    ]
    if figures.failed_deliveries:
        facts.append(failed_fact(figures.failed_deliveries, lang))
    first: list[CardElement] = [
        FactSet(facts=facts),
        mood_chart(figures.moods, lang, t("digest.mood_today", lang)),
    ]
    sections = [signals_section(figures.new_signals, lang, "digest.new_signals")]
    if figures.paused:
        paused = [f"{name} ({format_date(until, lang)})" for name, until in figures.paused]
        blocks = name_blocks("digest.paused", paused, lang, separator=True)
        sections.append(Section(heading=[], items=blocks))
    return DigestParts(
        title=t("digest.daily.title", lang, team=figures.team),
        subtitle=format_date(figures.day, lang, with_year=True),
        first=first,
        sections=sections,
    )


@dataclass(frozen=True)
class DayFigures:
    """One day in the weekly digest."""

    day: date
    pupils: int
    starts: int
    closes: int
    moods: Mapping[int, int] = field(default_factory=dict)


@dataclass(frozen=True)
class WeekSummary:
    """A week in three numbers, to compare with the week before."""

    start_rate: float | None
    average_mood: float | None
    contacts: int


@dataclass(frozen=True)
class WeeklyFigures:
    """One school week of a team."""

    team: str
    week_start: date
    days: Sequence[DayFigures]
    open_signals: Sequence[NamedSignal]
    contacts_per_mentor: Sequence[tuple[str, int]]
    without_contact: Sequence[str]
    opp: Sequence[OppRow]
    this_week: WeekSummary
    last_week: WeekSummary
    failed_deliveries: Mapping[str, int] = field(default_factory=dict)
    extra: Mapping[str, str] = field(default_factory=dict)
    # per mentor (None: pupils without one): how long picking up alerts took, in school time
    pickup: Sequence[tuple[str | None, PickupFigures]] = ()


def _day_label(day: date, lang: Lang) -> str:
    return format_date(day, lang).split(" ")[0][:2]


def _moods_per_day(days: Sequence[DayFigures], lang: Lang) -> CardElement:
    """A stacked bar per day, one colour per mood; text where charts are not drawn."""
    if not any(any(d.moods.values()) for d in days):
        return TextBlock(text=t("digest.no_moods", lang), wrap=True, is_subtle=True)
    fallback = "\n\n".join(f"{_day_label(d.day, lang)}: {mood_text(d.moods, lang)}" for d in days)
    return GroupedVerticalBarChart(
        title=t("digest.week.mood_chart", lang),
        stacked=True,
        data=[
            GroupedVerticalBarChartData(
                legend=f"{mood_emoji(m)} {t(f'mood.{m}', lang)}",
                color=MOOD_COLORS[m],
                values=[
                    BarChartDataValue(x=_day_label(d.day, lang), y=d.moods.get(m, 0)) for d in days
                ],
            )
            for m in (5, 4, 3, 2, 1)
        ],
        fallback=TextBlock(text=fallback, wrap=True),
    )


def weekly_parts(*, lang: Lang, figures: WeeklyFigures) -> DigestParts:
    """The weekly digest: the week's figures and charts first, then the lists."""
    first: list[CardElement] = [
        TextBlock(text=t("digest.week.compared", lang), weight="Bolder", wrap=True),
        FactSet(facts=_week_facts(figures, lang)),
        _rates_per_day(figures.days, lang),
        _moods_per_day(figures.days, lang),
    ]
    pickup = pickup_section(figures.pickup, lang)
    if isinstance(pickup[0], TextBlock):
        pickup[0].separator = True
    sections = [
        signals_section(figures.open_signals, lang, "digest.open_signal_list"),
        _contacts_section(figures, lang),
        Section(heading=pickup[:1], items=pickup[1:]),
        _opp_section(figures.opp, lang),
    ]
    return DigestParts(
        title=t("digest.weekly.title", lang, team=figures.team),
        subtitle=t(
            "digest.week_of", lang, day=format_date(figures.week_start, lang, with_year=True)
        ),
        first=first,
        sections=sections,
    )


def _rates_per_day(days: Sequence[DayFigures], lang: Lang) -> CardElement:
    """A bar per day: the share of pupils who checked in; text where charts are not drawn."""
    rates = [
        VerticalBarChartDataValue(
            x=_day_label(d.day, lang),
            y=round(100 * d.starts / d.pupils) if d.pupils else 0,
        )
        for d in days
    ]
    rate_text = "  ".join(
        f"{_day_label(d.day, lang)} {percent(d.starts, d.pupils, lang)}" for d in days
    )
    return VerticalBarChart(
        title=t("digest.week.rates_chart", lang),
        y_min=0,
        y_max=100,
        data=rates,
        fallback=TextBlock(text=rate_text, wrap=True),
    )


def _contacts_section(figures: WeeklyFigures, lang: Lang) -> Section:
    """Contacts per mentor this week, then the pupils nobody had contact with."""
    contacts: list[CardElement] = [
        TextBlock(text=f"- {plain(name)}: {count}", wrap=True, spacing="None")
        for name, count in figures.contacts_per_mentor
    ]
    contacts += name_blocks(
        "digest.week.without_contact", figures.without_contact, lang, color="Attention"
    )
    heading = TextBlock(
        text=t("digest.week.per_mentor", lang), weight="Bolder", wrap=True, separator=True
    )
    return Section(heading=[heading], items=contacts)


def _opp_section(rows: Sequence[OppRow], lang: Lang) -> Section:
    """The OPP evaluations coming up, or a line that none are."""
    heading = TextBlock(text=t("digest.week.opp", lang), weight="Bolder", wrap=True, separator=True)
    items: list[CardElement] = [
        TextBlock(text=f"- {plain(row.name)}: {due_text(row, lang)}", wrap=True, spacing="None")
        for row in rows
    ] or [TextBlock(text=t("opp.overview.none", lang), wrap=True, spacing="None")]
    return Section(heading=[heading], items=items)


def _week_facts(figures: WeeklyFigures, lang: Lang) -> list[Fact]:
    """This week against the week before: "75% (−5)", "2,9 (−0,3)", "12 (+3)"."""
    now, before = figures.this_week, figures.last_week
    facts = [
        Fact(
            title=t("digest.week.start_rate", lang),
            value=with_change(
                percent_shown(now.start_rate, lang),
                now.start_rate,
                before.start_rate,
                lang,
                scale=100,
            ),
        ),
        Fact(
            title=t("digest.week.average_mood", lang),
            value=with_change(
                NO_FIGURE if now.average_mood is None else decimal_shown(now.average_mood, lang),
                now.average_mood,
                before.average_mood,
                lang,
                digits=1,
            ),
        ),
        Fact(
            title=t("digest.week.contacts", lang),
            value=with_change(str(now.contacts), now.contacts, before.contacts, lang),
        ),
    ]
    if figures.failed_deliveries:
        facts.append(failed_fact(figures.failed_deliveries, lang))
    return facts
