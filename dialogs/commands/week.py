"""`mijn week`: a pupil sees their own week, only in their own 1:1 chat; and *Bekijk je week* on
the close confirmation of the week's last school day."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from cards.catalogue import Words, t
from cards.week import OPEN_WEEK, MyWeek, OpenWeek, WeekDay, my_week_card, with_week_button
from dialogs.commands.opp_report import pause_history
from dialogs.inbound import Reply, card, text
from dialogs.names import first_name
from dialogs.router import PRIVATE, PUPILS, Turn, router
from dialogs.teamcal import calendar_for
from dialogs.teams_menu import TeamsMenu
from domain.calendar import SchoolCalendar
from domain.clock import local_date
from domain.report import paused_days
from domain.week import is_last_school_day_of_week, shown_week, streak, streak_days
from storage import checkins
from storage.models import CheckIn
from storage.week import checkin_days


def week_days(history: Sequence[CheckIn]) -> tuple[WeekDay, ...]:
    """The days with a check-in, oldest first: moods, and each morning goal with how it went."""
    by_day: dict[date, dict[str, CheckIn]] = {}
    for check in history:
        by_day.setdefault(check.day, {})[check.kind] = check
    found = []
    for day in sorted(by_day):
        start, close = by_day[day].get("start"), by_day[day].get("close")
        goals = list(start.goals if start is not None else close.goals if close else [])
        status = list(close.goal_status) if close is not None else []
        found.append(
            WeekDay(
                day=day,
                start_mood=start.mood if start is not None else None,
                close_mood=close.mood if close is not None else None,
                goals=tuple(
                    (goal, status[i] if i < len(status) else None) for i, goal in enumerate(goals)
                ),
            )
        )
    return tuple(found)


async def pupil_streak(turn: Turn, today: date, calendar: SchoolCalendar) -> int:
    """School days in a row, up to today, the sender checked in (pauses do not break it)."""
    assert turn.actor is not None
    days = streak_days(today, calendar)
    if not days:
        return 0
    checked = await checkin_days(
        session=turn.session, pupil_id=turn.actor_id, start=days[0], end=today
    )
    pauses = await pause_history(turn.session, turn.actor, start=days[0], end=today)
    return streak(today=today, school_days=days, checked_in=checked, paused=paused_days(pauses))


async def my_week_reply(turn: Turn) -> Reply:
    """The sender's own week as a card."""
    assert turn.team is not None and turn.actor is not None
    today = local_date(turn.now)
    calendar = await calendar_for(turn.session, turn.team)
    week = shown_week(today, calendar)
    if week is None:
        return text(t("week.no_school", turn.lang))
    history = await checkins.pupil_checkins(
        session=turn.session, pupil_id=turn.actor_id, start=week.monday, end=week.last
    )
    shown = MyWeek(
        first_name=first_name(turn.actor),
        first=week.first,
        last=week.last,
        days=week_days(history),
        streak=await pupil_streak(turn, today, calendar),
    )
    return card(my_week_card(lang=turn.lang, week=shown))


@router.command(
    "mijn week",
    "my week",
    "week",
    roles=PUPILS,
    where=PRIVATE,
    bare=True,
    order=30,
    help=Words(
        nl=(
            "**mijn week** — hoe je week ging: je gevoel, "
            "je doelen en hoeveel dagen op rij je incheckte"
        ),
        en=(
            "**my week** — how your week went: how you felt, "
            "your goals and how many days in a row you checked in"
        ),
    ),
    usage=Words(
        nl=(
            "Typ **mijn week** (of **week**) en je ziet je week: je gevoel "
            "per dag, je doelen en hoeveel dagen op rij je incheckte."
        ),
        en=(
            "Type **my week** (or **week**) to see your week: how you felt "
            "each day, your goals and how many days in a row you checked in."
        ),
    ),
    teams=TeamsMenu(
        title="my week",
        order=30,
        personal=Words(
            nl="Hoe je week ging: je gevoel, je doelen en je reeks (leerlingen)",
            en="How your week went: how you felt, your goals and your streak (pupils)",
        ),
    ),
)
async def my_week(turn: Turn) -> Sequence[Reply]:
    """`mijn week`: how the pupil's week went, their goals and their streak."""
    return [await my_week_reply(turn)]


@router.card_action(OPEN_WEEK, answer=OpenWeek, roles=PUPILS, where=PRIVATE)
async def open_week(turn: Turn) -> Sequence[Reply]:
    """*Bekijk je week* on the close confirmation: the same card as `mijn week`."""
    return [await my_week_reply(turn)]


async def offer_week(turn: Turn, day: date, done: dict[str, Any]) -> dict[str, Any]:
    """The close confirmation, with *Bekijk je week* on the week's last school day."""
    assert turn.team is not None
    if not is_last_school_day_of_week(day, await calendar_for(turn.session, turn.team)):
        return done
    return with_week_button(done, lang=turn.lang, team_ref=turn.team_id)
