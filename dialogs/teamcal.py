"""A team's calendar, times and channels, as the flows need them."""

from __future__ import annotations

from typing import Any

from sqlmodel.ext.asyncio.session import AsyncSession

from domain.calendar import LiberationDay, Region, SchoolCalendar
from domain.due import DayTimes
from storage import teams
from storage.models import Team


def day_times(team: Team) -> DayTimes:
    """A team's rhythm times."""
    return DayTimes(
        start=team.start_time,
        reminder=team.reminder_time,
        mentor_list=team.mentor_list_time,
        close=team.close_time,
    )


async def calendar_for(session: AsyncSession, team: Team) -> SchoolCalendar:
    """A team's school calendar: its region, its free days and its holiday settings."""
    assert team.id is not None
    return SchoolCalendar(
        region=Region(team.region),
        free_days=frozenset(await teams.free_days(session=session, team_id=team.id)),
        liberation_day=LiberationDay(team.liberation_day),
        good_friday_off=team.good_friday_off,
    )


def class_channel(team: Team) -> str:
    """Where the class posts go: the chosen channel, else General."""
    return team.class_channel_id or team.general_channel_id


def message_payload(
    *, text: str | None = None, card: dict[str, Any] | None = None
) -> dict[str, Any]:
    """The plain payload of an outbox row; the worker turns it into a Teams message."""
    payload: dict[str, Any] = {}
    if text is not None:
        payload["text"] = text
    if card is not None:
        payload["card"] = card
    return payload
