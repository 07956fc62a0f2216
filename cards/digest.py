"""The coordinators' digests: today's figures, the week in charts, and the signals by name."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from microsoft_teams.cards import (
    AdaptiveCard,
    BarChartDataValue,
    CardElement,
    Container,
    DonutChart,
    DonutChartData,
    Fact,
    FactSet,
    GroupedVerticalBarChart,
    GroupedVerticalBarChartData,
    TextBlock,
    VerticalBarChart,
    VerticalBarChartDataValue,
)

from cards.catalogue import Lang, t
from cards.common import CARD_VERSION, to_json
from cards.mentor import mood_emoji
from cards.opp import OppRow, due_text
from cards.pickup import pickup_section
from cards.plain import plain
from domain.alerts import PickupFigures
from domain.grammar import format_date

MOOD_COLORS = {
    1: "categoricalRed",
    2: "categoricalMarigold",
    3: "categoricalLavender",
    4: "categoricalBlue",
    5: "categoricalGreen",
}


def _card(body: Sequence[CardElement]) -> dict[str, Any]:
    return to_json(AdaptiveCard(version=CARD_VERSION, body=list(body)))


def percent(part: int, whole: int) -> str:
    """ "7 van 9 (78%)"."""
    if whole <= 0:
        return "—"
    return f"{part}/{whole} ({round(100 * part / whole)}%)"


@dataclass(frozen=True)
class NamedSignal:
    """A signal as a coordinator reads it."""

    pupil: str
    mentor: str | None
    sentence: str  # worded by `t`, so Markdown already


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


# Why a delivery gave up, in the words the coordinator needs to act on it.
_BLOCKED = ("person blocked the bot",)
_GONE = ("person left the team", "team not installed")


def _failed_fact(reasons: Mapping[str, int], lang: Lang) -> Fact:
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


def _mood_text(moods: Mapping[int, int], lang: Lang) -> str:
    return "  ".join(f"{mood_emoji(m)} {moods.get(m, 0)}" for m in (5, 4, 3, 2, 1))


def _mood_chart(moods: Mapping[int, int], lang: Lang, title: str) -> CardElement:
    fallback = TextBlock(text=_mood_text(moods, lang), wrap=True)
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


def _signals(signals: Sequence[NamedSignal], lang: Lang, title_key: str) -> list[CardElement]:
    items: list[CardElement] = [
        TextBlock(text=t(title_key, lang, count=len(signals)), weight="Bolder", wrap=True)
    ]
    if not signals:
        items.append(TextBlock(text=t("digest.no_signals", lang), wrap=True, spacing="None"))
    for signal in signals:
        who = plain(signal.pupil) + (
            f" ({t('pupils.mentor', lang, name=signal.mentor)})" if signal.mentor else ""
        )
        items.append(TextBlock(text=f"- **{who}**: {signal.sentence}", wrap=True, spacing="None"))
    return items


def daily_digest_card(*, lang: Lang, figures: DailyFigures) -> dict[str, Any]:
    """The daily digest, half an hour after the day close."""
    facts = [
        Fact(title=t("digest.start_rate", lang), value=percent(figures.starts, figures.pupils)),
        Fact(title=t("digest.close_rate", lang), value=percent(figures.closes, figures.pupils)),
        Fact(title=t("digest.contacts_today", lang), value=str(figures.contacts)),
        Fact(title=t("digest.open_signals", lang), value=str(figures.open_signals)),
    ]
    if figures.failed_deliveries:
        facts.append(_failed_fact(figures.failed_deliveries, lang))
    body: list[CardElement] = [
        TextBlock(
            text=t("digest.daily.title", lang, team=figures.team),
            size="Large",
            weight="Bolder",
            wrap=True,
        ),
        TextBlock(
            text=format_date(figures.day, lang, with_year=True), is_subtle=True, spacing="None"
        ),
        FactSet(facts=facts),
        _mood_chart(figures.moods, lang, t("digest.mood_today", lang)),
        Container(items=_signals(figures.new_signals, lang, "digest.new_signals"), separator=True),
    ]
    if figures.paused:
        paused = ", ".join(f"{name} ({format_date(until, lang)})" for name, until in figures.paused)
        body.append(
            TextBlock(text=t("digest.paused", lang, names=paused), wrap=True, separator=True)
        )
    return _card(body)


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


def _rate(value: float | None) -> str:
    return "—" if value is None else f"{round(100 * value)}%"


def _mood(value: float | None, lang: Lang) -> str:
    if value is None:
        return "—"
    text = f"{value:.1f}"
    return text.replace(".", ",") if lang == "nl" else text


def _change(
    now: float | None, before: float | None, *, scale: float = 1.0, digits: int = 0, unit: str = ""
) -> str:
    """ " (+5%)": the change against the week before."""
    if now is None or before is None:
        return ""
    delta = (now - before) * scale
    sign = "+" if delta > 0 else ""
    return f" ({sign}{delta:.{digits}f}{unit})"


def _day_label(day: date, lang: Lang) -> str:
    return format_date(day, lang).split(" ")[0][:2]


def _moods_per_day(days: Sequence[DayFigures], lang: Lang) -> CardElement:
    """A stacked bar per day, one colour per mood; text where charts are not drawn."""
    if not any(any(d.moods.values()) for d in days):
        return TextBlock(text=t("digest.no_moods", lang), wrap=True, is_subtle=True)
    fallback = "\n\n".join(f"{_day_label(d.day, lang)}: {_mood_text(d.moods, lang)}" for d in days)
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


def weekly_digest_card(*, lang: Lang, figures: WeeklyFigures) -> dict[str, Any]:
    """The weekly digest on the week's last school day."""
    rates = [
        VerticalBarChartDataValue(
            x=format_date(d.day, lang).split(" ")[0][:2],
            y=round(100 * d.starts / d.pupils) if d.pupils else 0,
        )
        for d in figures.days
    ]
    rate_text = "  ".join(
        f"{format_date(d.day, lang).split(' ')[0][:2]} {percent(d.starts, d.pupils)}"
        for d in figures.days
    )
    now, before = figures.this_week, figures.last_week
    facts = [
        Fact(
            title=t("digest.week.start_rate", lang),
            value=_rate(now.start_rate)
            + _change(now.start_rate, before.start_rate, scale=100)
            + ("%" if now.start_rate is not None and before.start_rate is not None else ""),
        ),
        Fact(
            title=t("digest.week.average_mood", lang),
            value=_mood(now.average_mood, lang)
            + _change(now.average_mood, before.average_mood, digits=1),
        ),
        Fact(
            title=t("digest.week.contacts", lang),
            value=str(now.contacts) + _change(float(now.contacts), float(before.contacts)),
        ),
    ]
    if figures.failed_deliveries:
        facts.append(_failed_fact(figures.failed_deliveries, lang))
    body: list[CardElement] = [
        TextBlock(
            text=t("digest.weekly.title", lang, team=figures.team),
            size="Large",
            weight="Bolder",
            wrap=True,
        ),
        TextBlock(
            text=t(
                "digest.week_of", lang, day=format_date(figures.week_start, lang, with_year=True)
            ),
            is_subtle=True,
            spacing="None",
        ),
        TextBlock(text=t("digest.week.compared", lang), weight="Bolder", wrap=True),
        FactSet(facts=facts),
        VerticalBarChart(
            title=t("digest.week.rates_chart", lang),
            y_min=0,
            y_max=100,
            data=rates,
            fallback=TextBlock(text=rate_text, wrap=True),
        ),
        _moods_per_day(figures.days, lang),
        Container(
            items=_signals(figures.open_signals, lang, "digest.open_signal_list"), separator=True
        ),
    ]
    contacts: list[CardElement] = [
        TextBlock(text=t("digest.week.per_mentor", lang), weight="Bolder", wrap=True)
    ]
    contacts += [
        TextBlock(text=f"- {plain(name)}: {count}", wrap=True, spacing="None")
        for name, count in figures.contacts_per_mentor
    ]
    if figures.without_contact:
        contacts.append(
            TextBlock(
                text=t(
                    "digest.week.without_contact", lang, names=", ".join(figures.without_contact)
                ),
                wrap=True,
                color="Attention",
            )
        )
    body.append(Container(items=contacts, separator=True))
    body.append(Container(items=pickup_section(figures.pickup, lang), separator=True))
    opp: list[CardElement] = [
        TextBlock(text=t("digest.week.opp", lang), weight="Bolder", wrap=True)
    ]
    if not figures.opp:
        opp.append(TextBlock(text=t("opp.overview.none", lang), wrap=True, spacing="None"))
    opp += [
        TextBlock(text=f"- {plain(row.name)}: {due_text(row, lang)}", wrap=True, spacing="None")
        for row in figures.opp
    ]
    body.append(Container(items=opp, separator=True))
    return _card(body)
