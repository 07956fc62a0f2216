"""What is due: turns the rules of the school day into outbox rows. Never talks to Teams itself."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlmodel.ext.asyncio.session import AsyncSession

from cards.catalogue import Lang, lang_of, t
from cards.checkin import checkin_card, close_card
from cards.plain import url
from cards.pupils import pupils_card
from dialogs.alerts import plan_escalations
from dialogs.attention import pupil_rows
from dialogs.bands import pupil_band
from dialogs.clock.digests import plan_digests
from dialogs.clock.opp_nudges import plan_nudges, plan_overview
from dialogs.clock.progress import plan_talks_due
from dialogs.names import first_name
from dialogs.opp_explained import explain_in_deliveries
from dialogs.recipients import pupil_staff
from dialogs.teamcal import calendar_for, class_channel, day_times, message_payload
from domain.calendar import SchoolCalendar
from domain.due import DuePrompt, due_prompts
from domain.pause import paused_on
from domain.recipient import Recipient
from storage import checkins, outbox, people, teams
from storage.db import Database
from storage.models import Person, Team
from storage.outbox import NewDelivery

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
            for prompt in due_prompts(now, day_times(fresh), calendar):
                if prompt.kind == "digest":
                    created += await plan_digests(session, fresh, prompt, calendar, now)
                    continue
                created += await _plan(session, fresh, prompt, calendar, now)
                if prompt.kind == "day_start":
                    for planner in (plan_nudges, plan_overview, plan_talks_due):
                        created += await planner(session, fresh, prompt, calendar, now)
            await explain_in_deliveries(session, since=now, team_id=fresh.id)
    if created:
        logger.info("scheduled %d deliveries", created)
    return Planned(teams=len(active), created=created)


async def _plan(
    session: AsyncSession, team: Team, prompt: DuePrompt, calendar: SchoolCalendar, now: datetime
) -> int:
    match prompt.kind:
        case "day_start":
            return await _day_post(session, team, prompt, now) + await _start_cards(
                session, team, prompt, now
            )
        case "reminder":
            return await _reminders(session, team, prompt, now)
        case "mentor_list":
            return await _mentor_lists(session, team, prompt, calendar, now)
        case "day_close":
            return await _day_post(session, team, prompt, now) + await _close_cards(
                session, team, prompt, now
            )
        case "digest":
            return 0


async def _prompted_pupils(
    session: AsyncSession, team: Team, prompt: DuePrompt, kind: str
) -> list[Person]:
    """Active, unpaused pupils who have no delivery of `kind` yet today."""
    assert team.id is not None
    pupils = await people.team_members(session=session, team_id=team.id, role="pupil")
    done = await outbox.recipients_with(
        session=session, team_id=team.id, prompt=kind, day=prompt.day
    )
    return [
        p
        for p in pupils
        if p.id is not None
        and not paused_on(p.paused_until, prompt.day)
        and Recipient.person(p.id) not in done
    ]


def _row(
    team: Team,
    prompt: DuePrompt,
    kind: str,
    recipient: Recipient,
    payload: dict[str, Any],
    *,
    ref: str = "",
) -> NewDelivery:
    assert team.id is not None
    return NewDelivery(
        team_id=team.id,
        prompt=kind,
        day=prompt.day,
        recipient=recipient,
        payload=payload,
        ref=ref,
        not_before=prompt.due_at,
        expires_at=prompt.expires_at,
    )


async def _day_post(session: AsyncSession, team: Team, prompt: DuePrompt, now: datetime) -> int:
    kind = "day_start_post" if prompt.kind == "day_start" else "day_close_post"
    lang: Lang = "nl"  # the class posts are for everyone: Dutch
    if kind == "day_start_post":
        body = t("rhythm.day_start", lang)
        if team.meeting_link:
            link = url(team.meeting_link)
            body += "\n\n" + t("rhythm.day_start_meeting", lang, link=link)
    else:
        body = t("rhythm.day_close", lang)
    row = _row(
        team, prompt, kind, Recipient.channel(class_channel(team)), message_payload(text=body)
    )
    return await outbox.enqueue(session=session, deliveries=[row], now=now)


async def _start_cards(session: AsyncSession, team: Team, prompt: DuePrompt, now: datetime) -> int:
    assert team.id is not None
    answered = await checkins.checked_in(
        session=session, team_id=team.id, day=prompt.day, kind="start"
    )
    rows = [
        _row(
            team,
            prompt,
            "checkin_start",
            Recipient.person(p.id or 0),
            message_payload(
                card=checkin_card(
                    lang=lang_of(p.locale),
                    first_name=first_name(p),
                    day=prompt.day,
                    team_ref=team.id,
                    band=pupil_band(p, team),
                )
            ),
        )
        for p in await _prompted_pupils(session, team, prompt, "checkin_start")
        if p.id not in answered
    ]
    return await outbox.enqueue(session=session, deliveries=rows, now=now)


async def _close_cards(session: AsyncSession, team: Team, prompt: DuePrompt, now: datetime) -> int:
    assert team.id is not None
    answered = await checkins.checked_in(
        session=session, team_id=team.id, day=prompt.day, kind="close"
    )
    morning = {
        c.pupil_id: c
        for c in await checkins.day_checkins(session=session, team_id=team.id, day=prompt.day)
        if c.kind == "start"
    }
    rows = []
    for p in await _prompted_pupils(session, team, prompt, "checkin_close"):
        if p.id in answered:
            continue
        start = morning.get(p.id or 0)
        card = close_card(
            lang=lang_of(p.locale),
            first_name=first_name(p),
            day=prompt.day,
            team_ref=team.id,
            goals=list(start.goals) if start else [],
            band=pupil_band(p, team),
        )
        rows.append(
            _row(
                team,
                prompt,
                "checkin_close",
                Recipient.person(p.id or 0),
                message_payload(card=card),
            )
        )
    return await outbox.enqueue(session=session, deliveries=rows, now=now)


async def _reminders(session: AsyncSession, team: Team, prompt: DuePrompt, now: datetime) -> int:
    assert team.id is not None
    answered = await checkins.checked_in(
        session=session, team_id=team.id, day=prompt.day, kind="start"
    )
    prompted = await outbox.recipients_with(
        session=session, team_id=team.id, prompt="checkin_start", day=prompt.day
    )
    rows = [
        _row(
            team,
            prompt,
            "reminder",
            Recipient.person(p.id or 0),
            message_payload(text=t("rhythm.reminder", lang_of(p.locale), first_name=first_name(p))),
        )
        for p in await _prompted_pupils(session, team, prompt, "reminder")
        if p.id not in answered and Recipient.person(p.id or 0) in prompted
    ]
    return await outbox.enqueue(session=session, deliveries=rows, now=now)


async def _mentor_lists(
    session: AsyncSession, team: Team, prompt: DuePrompt, calendar: SchoolCalendar, now: datetime
) -> int:
    """Each mentor's pupils, those who need attention first, when any of them does."""
    assert team.id is not None
    done = await outbox.recipients_with(
        session=session, team_id=team.id, prompt="mentor_list", day=prompt.day
    )
    rows = []
    for mentor in await people.team_members(session=session, team_id=team.id, role="mentor"):
        assert mentor.id is not None
        if Recipient.person(mentor.id) in done:
            continue
        pupils = [
            p
            for p in await people.pupils_of(session=session, mentor_id=mentor.id)
            if p.role == "pupil"
        ]
        lang = lang_of(mentor.locale)
        listed = await pupil_rows(
            session, team, pupils, now=now, lang=lang, calendar=calendar, with_mentor=False
        )
        needing = sum(1 for row in listed if row.attention is not None)
        if not needing:
            continue
        card = pupils_card(
            lang=lang,
            day=prompt.day,
            rows=listed,
            title=t("pupils.title.morning", lang),
            team_ref=team.id,
            subtitle=t("pupils.attention", lang, count=needing, total=len(listed)),
        )
        rows.append(
            _row(
                team,
                prompt,
                "mentor_list",
                Recipient.person(mentor.id),
                message_payload(card=card),
            )
        )
    return await outbox.enqueue(session=session, deliveries=rows, now=now)


async def alert_staff(
    session: AsyncSession,
    *,
    team: Team,
    pupil: Person,
    day: date,
    prompt: str,
    ref: str,
    text_for: Any,
    now: datetime,
) -> int:
    """Alert a pupil's mentor at once (coordinators when the pupil has no mentor)."""
    targets = await pupil_staff(session, team, pupil)
    rows = [
        NewDelivery(
            team_id=team.id or 0,
            prompt=prompt,
            day=day,
            recipient=Recipient.person(target.id or 0),
            payload=message_payload(text=text_for(lang_of(target.locale))),
            ref=ref,
            not_before=now,
        )
        for target in targets
    ]
    return await outbox.enqueue(session=session, deliveries=rows, now=now)
