"""What the OPP cycle puts in the outbox: nudges to mentors, the weekly coordinator overview."""

from __future__ import annotations

import uuid
from collections import defaultdict
from datetime import date, datetime, timedelta
from typing import Any

from sqlmodel.ext.asyncio.session import AsyncSession

from cards.catalogue import Lang, lang_of, t
from cards.opp import OppRow, opp_nudge_card, opp_overview_card
from dialogs.opp_status import cycle_of, opp_rows, suggested_participants, trend_since
from dialogs.recipients import coordinator_destinations
from dialogs.teamcal import message_payload
from domain.calendar import SchoolCalendar
from domain.due import DuePrompt
from domain.opp import nudge_stage
from domain.recipient import Recipient
from storage import opp, outbox, people
from storage.models import Person, Team
from storage.outbox import NewDelivery

OVERVIEW_HORIZON = 14  # days ahead that the Monday overview shows


async def plan_nudges(
    session: AsyncSession, team: Team, prompt: DuePrompt, calendar: SchoolCalendar, now: datetime
) -> int:
    """One nudge per pupil per stage of the cycle, to the mentor (coordinators if none)."""
    assert team.id is not None
    today = prompt.day
    pupils = await people.team_members(session=session, team_id=team.id, role="pupil")
    rows, _ = await opp_rows(session, team, pupils, today=today, calendar=calendar)
    if not rows:
        return 0
    by_id = {p.id: p for p in pupils}
    plans = {p.pupil_id: p for p in await opp.team_plans(session=session, team_id=team.id)}
    last = await opp.last_evaluations(session=session, team_id=team.id)
    deliveries: list[NewDelivery] = []
    for row in rows:
        stage = nudge_stage(due=row.due, today=today)
        pupil = by_id.get(row.pupil_id)
        if stage is None or pupil is None:
            continue
        targets = await _responsible(session, team, pupil)
        since = last.get(row.pupil_id) or plans[row.pupil_id].start_date
        trend = await trend_since(session, pupil, since=since, today=today, calendar=calendar)
        for target in targets:
            assert target.id is not None
            card = opp_nudge_card(
                lang=lang_of(target.locale),
                row=row,
                stage=stage,
                trend=trend,
                participants=suggested_participants(team),
                behavioural_scientist=team.behavioural_scientist,
                team_ref=team.id,
                nonce=uuid.uuid4().hex,
            )
            deliveries.append(
                NewDelivery(
                    team_id=team.id,
                    prompt="opp_nudge",
                    day=row.due,
                    recipient=Recipient.person(target.id),
                    ref=f"{row.pupil_id}:{stage}:{cycle_of(plans[row.pupil_id], team)}",
                    payload=message_payload(card=card),
                    not_before=prompt.due_at,
                    expires_at=prompt.expires_at,
                )
            )
    return await outbox.enqueue(session=session, deliveries=deliveries, now=now)


async def _responsible(session: AsyncSession, team: Team, pupil: Person) -> list[Person]:
    assert pupil.id is not None and team.id is not None
    mentor = await people.mentor_of(session=session, pupil_id=pupil.id)
    if mentor is not None:
        return [mentor]
    return list(await people.team_members(session=session, team_id=team.id, role="coordinator"))


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
    pupils = await people.team_members(session=session, team_id=team.id, role="pupil")
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
    deliveries = [
        NewDelivery(
            team_id=team.id,
            prompt="opp_overview",
            day=monday,
            recipient=target.recipient,
            payload=message_payload(card=overview_card(target.lang)),
            not_before=prompt.due_at,
            expires_at=prompt.expires_at,
        )
        for target in targets
    ]
    return await outbox.enqueue(session=session, deliveries=deliveries, now=now)
