"""What is due: turns the rules of the school day into outbox rows. Never talks to Teams itself."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime

from sqlmodel.ext.asyncio.session import AsyncSession

from dialogs.alerts import plan_escalations
from dialogs.clock.day_prompts import checkin_cards, day_post, mentor_lists, reminders
from dialogs.clock.digests import plan_digests
from dialogs.clock.opp_nudges import plan_nudges, plan_overview
from dialogs.clock.progress import plan_talks_due
from dialogs.opp_explained import explain_in_deliveries
from dialogs.teamcal import calendar_for, day_times
from domain.calendar import SchoolCalendar
from domain.due import DuePrompt, Moment, due_prompts
from storage import teams
from storage.db import Database
from storage.models import Team

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Planned:
    """How many rows one pass wrote."""

    teams: int
    created: int


async def enqueue_due(db: Database, now: datetime) -> Planned:
    """Write every prompt that is due at `now`, for every installed team; safe to repeat."""
    created = 0
    async with db.session() as session:
        active = list(await teams.active_teams(session=session))
    for team in active:
        async with db.session() as session:
            fresh = await teams.get_team(session=session, team_id=team.id or 0)
            if fresh is None or fresh.removed_at is not None:
                continue
            calendar = await calendar_for(session, fresh)
            created += await plan_escalations(session, fresh, calendar, now)
            for moment in due_prompts(now, day_times(fresh), calendar):
                created += await _plan(session, fresh, moment, calendar, now)
            await explain_in_deliveries(session, since=now, team_id=fresh.id)
    if created:
        logger.info("scheduled %d deliveries", created)
    return Planned(teams=len(active), created=created)


async def _plan(
    session: AsyncSession, team: Team, moment: DuePrompt, calendar: SchoolCalendar, now: datetime
) -> int:
    """The rows of one moment of the day; the day start also brings the OPP nudges, and on the
    week's first school day the OPP overview and the progress talks due."""
    match moment.kind:
        case Moment.DAY_START:
            written = await day_post(session, team, moment, now)
            written += await checkin_cards(session, team, moment, now, kind="start")
            for planner in (plan_nudges, plan_overview, plan_talks_due):
                written += await planner(session, team, moment, calendar, now)
            return written
        case Moment.REMINDER:
            return await reminders(session, team, moment, now)
        case Moment.MENTOR_LIST:
            return await mentor_lists(session, team, moment, calendar, now)
        case Moment.DAY_CLOSE:
            written = await day_post(session, team, moment, now)
            return written + await checkin_cards(session, team, moment, now, kind="close")
        case Moment.DIGEST:
            return await plan_digests(session, team, moment, calendar, now)
