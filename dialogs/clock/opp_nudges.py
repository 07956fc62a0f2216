"""What the OPP cycle puts in the outbox: nudges to mentors, the weekly coordinator overview."""

from __future__ import annotations

import uuid
from collections import defaultdict
from datetime import date, datetime, timedelta
from typing import Any

from sqlmodel.ext.asyncio.session import AsyncSession

from cards.catalogue import Lang, t
from cards.opp import OppRow, opp_nudge_card, opp_overview_card
from dialogs.opp_status import cycle_of, opp_rows, suggested_participants, trend_since
from dialogs.outbox_rows import message_at
from dialogs.recipients import coordinator_destinations, pupil_staff
from domain.calendar import SchoolCalendar
from domain.delivery import Prompt
from domain.due import DuePrompt
from domain.opp import nudge_stage
from domain.roles import Role
from storage import deliveries, opp, people
from storage.deliveries import NewDelivery
from storage.models import Team

OVERVIEW_HORIZON = 14  # days ahead that the Monday overview shows


async def plan_nudges(
    session: AsyncSession, team: Team, prompt: DuePrompt, calendar: SchoolCalendar, now: datetime
) -> int:
    """One nudge per pupil per stage of the cycle, to the mentor (coordinators if none)."""
    assert team.id is not None
    today = prompt.day
    pupils = await people.team_members(session=session, team_id=team.id, role=Role.PUPIL)
    rows, _ = await opp_rows(session, team, pupils, today=today, calendar=calendar)
    if not rows:
        return 0
    by_id = {p.id: p for p in pupils}
    plans = {p.pupil_id: p for p in await opp.team_plans(session=session, team_id=team.id)}
    last = await opp.last_evaluations(session=session, team_id=team.id)
    nudges: list[NewDelivery] = []
    for row in rows:
        stage = nudge_stage(due=row.due, today=today)
        pupil = by_id.get(row.pupil_id)
        if stage is None or pupil is None:
            continue
        targets = await pupil_staff(session, team, pupil)
        since = last.get(row.pupil_id) or plans[row.pupil_id].start_date
        trend = await trend_since(session, pupil, since=since, today=today, calendar=calendar)
        for to in targets:
            card = opp_nudge_card(
                lang=to.lang,
                row=row,
                stage=stage,
                trend=trend,
                participants=suggested_participants(team),
                behavioural_scientist=team.behavioural_scientist,
                team_ref=team.id,
                nonce=uuid.uuid4().hex,
            )
            nudges.append(
                message_at(
                    Prompt.OPP_NUDGE,
                    prompt,
                    team_id=team.id,
                    to=to,
                    day=row.due,
                    ref=f"{row.pupil_id}:{stage}:{cycle_of(plans[row.pupil_id], team)}",
                    card=card,
                )
            )
    return await deliveries.enqueue(session=session, deliveries=nudges, now=now)


def first_school_day_of_week(day: date, calendar: SchoolCalendar) -> date | None:
    """The first school day of `day`'s week (Monday, unless it is a holiday)."""
    monday = day - timedelta(days=day.weekday())
    return next((d for d in calendar.school_days(monday, monday + timedelta(days=4))), None)


async def plan_overview(
    session: AsyncSession, team: Team, prompt: DuePrompt, calendar: SchoolCalendar, now: datetime
) -> int:
    """On the week's first school day: due within two weeks and overdue, per mentor."""
    assert team.id is not None
    today = prompt.day
    if first_school_day_of_week(today, calendar) != today:
        return 0
    if not await opp.team_plans(session=session, team_id=team.id):
        return 0
    pupils = await people.team_members(session=session, team_id=team.id, role=Role.PUPIL)
    rows, _ = await opp_rows(
        session, team, pupils, today=today, calendar=calendar, with_mentor=True
    )
    targets = await coordinator_destinations(session, team, now=now)

    def overview_card(lang: Lang) -> dict[str, Any]:
        groups: dict[str, list[OppRow]] = defaultdict(list)
        for row in rows:
            if row.days_left <= OVERVIEW_HORIZON:
                groups[row.mentor or t("opp.overview.no_mentor", lang)].append(row)
        return opp_overview_card(lang=lang, day=today, groups=dict(sorted(groups.items())))

    monday = today - timedelta(days=today.weekday())
    overviews = [
        message_at(
            Prompt.OPP_OVERVIEW,
            prompt,
            team_id=team.id,
            to=to,
            day=monday,
            card=overview_card(to.lang),
        )
        for to in targets
    ]
    return await deliveries.enqueue(session=session, deliveries=overviews, now=now)
