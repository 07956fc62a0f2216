"""`mijn week`: a pupil's own week, as kind words for a child and a chart of their moods."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from microsoft_teams.cards import (
    AdaptiveCard,
    CardElement,
    Container,
    LineChart,
    LineChartData,
    LineChartValue,
    SubmitAction,
    TextBlock,
)

from cards.answers import CardAnswer
from cards.catalogue import Lang, t
from cards.checkin import mood_word
from cards.common import CARD_VERSION, to_json
from cards.plain import Markdown, plain
from domain.grammar import WEEKDAY_NAMES, format_date

OPEN_WEEK = "week.open"  # the verb of *Bekijk je week*
# How a goal went, in soft words: "nog niet", never "niet gelukt".
STATUS_EMOJI = {"done": "✅", "partly": "🌓", "not": "🌱"}
PLANNED_EMOJI = "📝"


class OpenWeek(CardAnswer):
    """*Bekijk je week*: the verb and the team; the week shown is always the sender's own."""


@dataclass(frozen=True)
class WeekDay:
    """One school day the pupil checked in: moods at start and close, goals and how they went."""

    day: date
    start_mood: int | None
    close_mood: int | None
    goals: tuple[tuple[str, str | None], ...] = ()  # (goal, "done" | "partly" | "not" | None)


@dataclass(frozen=True)
class MyWeek:
    """Everything `mijn week` shows: the week's span, the days checked in, and the streak."""

    first_name: str
    first: date  # the week's first school day
    last: date  # the week's last school day
    days: tuple[WeekDay, ...]  # oldest first; days without a check-in are left out
    streak: int


def day_name(day: date, lang: Lang) -> str:
    """ "maandag" / "Monday"."""
    return WEEKDAY_NAMES[lang][day.weekday()]


def short_day(day: date, lang: Lang) -> str:
    """ "ma" / "Mon", as each language shortens its days."""
    return day_name(day, lang)[: 2 if lang == "nl" else 3]


def _streak_line(count: int, lang: Lang) -> str:
    if count == 0:
        return t("week.streak.none", lang)
    if count == 1:
        return t("week.streak.one", lang)
    return t("week.streak.many", lang, count=count)


def _mood_words(day: WeekDay, lang: Lang) -> str:
    parts = [
        t(f"week.mood.{kind}", lang, mood=Markdown(mood_word(mood, lang)))
        for kind, mood in (("start", day.start_mood), ("close", day.close_mood))
        if mood is not None
    ]
    name = day_name(day.day, lang)
    return f"{name[:1].upper()}{name[1:]}: {', '.join(parts)}"


def _mood_chart(days: Sequence[WeekDay], lang: Lang) -> CardElement:
    """A line per part of the day; where charts are not drawn, the same moods in words."""
    series = []
    for kind in ("start", "close"):
        values = [
            LineChartValue(x=short_day(d.day, lang), y=mood)
            for d in days
            if (mood := d.start_mood if kind == "start" else d.close_mood) is not None
        ]
        if values:
            series.append(LineChartData(legend=t(f"week.chart.{kind}", lang), values=values))
    fallback = "\n\n".join(_mood_words(d, lang) for d in days)
    return LineChart(
        title=t("week.chart", lang),
        y_min=1,
        y_max=5,
        data=series,
        fallback=TextBlock(text=fallback, wrap=True),
    )


def _goal_line(goal: str, status: str | None, lang: Lang) -> str:
    if status in STATUS_EMOJI:
        return f"{STATUS_EMOJI[status]} {plain(goal)}: {t(f'week.status.{status}', lang)}"
    return f"{PLANNED_EMOJI} {plain(goal)}"


def _day(day: WeekDay, lang: Lang) -> CardElement:
    items: list[CardElement] = [
        TextBlock(text=format_date(day.day, lang), weight="Bolder", wrap=True)
    ]
    if day.goals:
        items.extend(
            TextBlock(text=_goal_line(goal, status, lang), wrap=True, spacing="None")
            for goal, status in day.goals
        )
    else:
        items.append(
            TextBlock(text=t("week.no_goals", lang), wrap=True, spacing="None", is_subtle=True)
        )
    return Container(items=items, separator=True)


def _done_line(days: Sequence[WeekDay], lang: Lang) -> CardElement | None:
    done = sum(1 for d in days for _, status in d.goals if status == "done")
    if not done:
        return None
    key = "week.done.one" if done == 1 else "week.done.many"
    return TextBlock(text=t(key, lang, count=done), wrap=True)


def my_week_card(*, lang: Lang, week: MyWeek) -> dict[str, Any]:
    """The pupil's week: streak, moods per day as a chart, and the plan and how it went."""
    span = t(
        "week.span", lang, first=format_date(week.first, lang), last=format_date(week.last, lang)
    )
    body: list[CardElement] = [
        TextBlock(
            text=t("week.title", lang, name=week.first_name),
            size="Large",
            weight="Bolder",
            wrap=True,
        ),
        TextBlock(text=span, is_subtle=True, spacing="None", wrap=True),
        TextBlock(text=_streak_line(week.streak, lang), weight="Bolder", color="Good", wrap=True),
    ]
    if not week.days:
        body.append(TextBlock(text=t("week.empty", lang), wrap=True))
        return to_json(AdaptiveCard(version=CARD_VERSION, body=body))
    done = _done_line(week.days, lang)
    if done is not None:
        body.append(done)
    body.append(_mood_chart(week.days, lang))
    body.extend(_day(d, lang) for d in week.days)
    body.append(TextBlock(text=t("week.readers", lang), is_subtle=True, wrap=True))
    return to_json(AdaptiveCard(version=CARD_VERSION, body=body))


def week_button(*, lang: Lang, team_ref: int) -> dict[str, Any]:
    """*Bekijk je week*: an Action.Submit that opens `mijn week`."""
    opens = OpenWeek(verb=OPEN_WEEK, team=team_ref)
    action = SubmitAction(title=t("week.button", lang), data=opens.button_data())
    data: dict[str, Any] = action.model_dump(by_alias=True, exclude_none=True)
    return data


def with_week_button(card: dict[str, Any], *, lang: Lang, team_ref: int) -> dict[str, Any]:
    """A copy of a card JSON with *Bekijk je week* added to its actions."""
    actions = [*card.get("actions", []), week_button(lang=lang, team_ref=team_ref)]
    return {**card, "actions": actions}


def my_week_card_variants() -> list[tuple[str, dict[str, Any]]]:
    """(name, card JSON) of the week card in both languages, with data and empty: for renderer
    tests of every card a pupil sees."""
    monday = date(2026, 11, 23)
    days = (
        WeekDay(
            day=monday,
            start_mood=3,
            close_mood=4,
            goals=(
                ("Rekenen blz. 12 en de sommen van gisteren nakijken met mama", "done"),
                ("Een stukje lezen in mijn boek over de ruimte", "partly"),
                ("Een wandeling maken met de hond", "not"),
            ),
        ),
        WeekDay(day=date(2026, 11, 24), start_mood=2, close_mood=None, goals=(("Taal", None),)),
        WeekDay(day=date(2026, 11, 26), start_mood=5, close_mood=5, goals=()),
    )
    full = MyWeek(first_name="Sanne", first=monday, last=date(2026, 11, 27), days=days, streak=2)
    empty = MyWeek(first_name="Sanne", first=monday, last=date(2026, 11, 27), days=(), streak=0)
    variants: list[tuple[str, dict[str, Any]]] = []
    langs: tuple[Lang, ...] = ("nl", "en")
    for lang in langs:
        variants.append((f"week_{lang}", my_week_card(lang=lang, week=full)))
        variants.append((f"week_empty_{lang}", my_week_card(lang=lang, week=empty)))
    return variants
