"""Alerts about a pupil: one card per check-in that needs attention, to their mentor at once,
and to the coordinators when a wish for contact has waited too long without being picked up.

An alert row holds no words: the card is built from the check-in it points at (`checkin:<id>`).
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from datetime import date, datetime, timedelta

from sqlmodel.ext.asyncio.session import AsyncSession

from cards.alerts import AlertView, alert_card
from cards.catalogue import lang_of
from dialogs.recipients import coordinator_destinations, pupil_staff
from dialogs.router import Turn
from dialogs.teamcal import day_times, message_payload
from domain.alerts import (
    PickupFigures,
    due_to_escalate,
    needs_attention,
    pickup_figures,
    school_time,
)
from domain.calendar import SchoolCalendar
from domain.clock import local_date
from domain.numbers import MAX_ID, ascii_int
from domain.recipient import Recipient
from storage import alerts, outbox, people
from storage.models import CheckIn, Person, PupilAlert, Team
from storage.outbox import NewDelivery

logger = logging.getLogger(__name__)

ALERT_PROMPT = "alert"  # the outbox prompt of an alert card to the mentor
ESCALATED_PROMPT = "alert_escalated"  # the same card to the coordinators, not picked up in time
LOOK_BACK = timedelta(days=30)  # older wishes nobody picked up are no longer escalated


def checkin_source(checkin_id: int) -> str:
    """The source of the alert about a check-in (also its outbox ref)."""
    return f"checkin:{checkin_id}"


def view_of_checkin(
    pupil: Person, checkin: CheckIn, *, waited_hours: int | None = None
) -> AlertView:
    """What the alert card about a check-in shows."""
    return AlertView(
        pupil=pupil.name,
        moment="start" if checkin.kind == "start" else "close",
        mood=checkin.mood,
        feeling=checkin.feeling,
        wants_contact=checkin.wants_contact,
        goals=list(checkin.goals),
        goal_status=list(checkin.goal_status),
        note=checkin.note,
        waited_hours=waited_hours,
    )


async def view_of(
    session: AsyncSession, alert: PupilAlert, pupil: Person, *, waited_hours: int | None = None
) -> AlertView:
    """What an alert's card shows: the check-in it is about, else only who and the wish."""
    kind, _, ref = alert.source.partition(":")
    checkin_id = ascii_int(ref, low=1, high=MAX_ID) if kind == "checkin" else None
    checkin = await session.get(CheckIn, checkin_id) if checkin_id else None
    if checkin is not None and checkin.pupil_id == alert.pupil_id:
        return view_of_checkin(pupil, checkin, waited_hours=waited_hours)
    return AlertView(pupil=pupil.name, wants_contact=alert.wants_contact, waited_hours=waited_hours)


async def alert_checkin(turn: Turn, stored: CheckIn) -> PupilAlert | None:
    """A check-in with low mood, a wish for contact or a note reaches the mentor as one card."""
    if not needs_attention(mood=stored.mood, wants_contact=stored.wants_contact, note=stored.note):
        return None
    assert turn.team is not None and turn.actor is not None and stored.id is not None
    alert, _ = await alerts.record_alert(
        session=turn.session,
        team_id=turn.team_id,
        pupil_id=turn.actor_id,
        day=stored.day,
        kind=f"checkin_{stored.kind}",
        source=checkin_source(stored.id),
        wants_contact=stored.wants_contact,
        now=turn.now,
    )
    assert alert.id is not None
    view = view_of_checkin(turn.actor, stored)
    rows = [
        NewDelivery(
            team_id=turn.team_id,
            prompt=ALERT_PROMPT,
            day=stored.day,
            recipient=Recipient.person(target.id or 0),
            payload=message_payload(
                card=alert_card(
                    lang=lang_of(target.locale),
                    view=view,
                    team_id=turn.team_id,
                    alert_id=alert.id,
                    pupil_id=turn.actor_id,
                )
            ),
            ref=alert.source,
            not_before=turn.now,
        )
        for target in await pupil_staff(turn.session, turn.team, turn.actor)
    ]
    if await outbox.enqueue(session=turn.session, deliveries=rows, now=turn.now):
        turn.outbox_touched = True
    return alert


async def plan_escalations(
    session: AsyncSession, team: Team, calendar: SchoolCalendar, now: datetime
) -> int:
    """Wishes for contact nobody picked up within the team's school hours go to the
    coordinators, once each, with the alert buttons."""
    assert team.id is not None
    waiting = await alerts.waiting_wishes(
        session=session, team_id=team.id, since=local_date(now) - LOOK_BACK
    )
    times = day_times(team)
    written = 0
    for alert in waiting:
        assert alert.id is not None and alert.created_at is not None
        if not due_to_escalate(
            created=alert.created_at,
            now=now,
            hours=team.contact_pickup_hours,
            times=times,
            calendar=calendar,
        ):
            continue
        pupil = await people.get_person(session=session, person_id=alert.pupil_id)
        if pupil is None or not pupil.active:
            continue
        if not await alerts.mark_escalated(session=session, alert=alert, now=now):
            continue  # another pass was first
        view = await view_of(session, alert, pupil, waited_hours=team.contact_pickup_hours)
        rows = [
            NewDelivery(
                team_id=team.id,
                prompt=ESCALATED_PROMPT,
                day=alert.day,
                recipient=target.recipient,
                payload=message_payload(
                    card=alert_card(
                        lang=target.lang,
                        view=view,
                        team_id=team.id,
                        alert_id=alert.id,
                        pupil_id=alert.pupil_id,
                    )
                ),
                ref=f"alert:{alert.id}",
                not_before=now,
            )
            for target in await coordinator_destinations(session, team, now=now)
        ]
        if not rows:
            logger.warning("team %s: a wish for contact waits; there is no coordinator", team.id)
        written += await outbox.enqueue(session=session, deliveries=rows, now=now)
    return written


async def pickup_per_mentor(
    session: AsyncSession, team: Team, *, start: date, end: date, calendar: SchoolCalendar
) -> Sequence[tuple[str | None, PickupFigures]]:
    """How long picking up the alerts of the days between start and end took, per mentor of the
    pupil (None: pupils without a mentor), counted in school time."""
    assert team.id is not None
    found = await alerts.alerts_between(session=session, team_id=team.id, start=start, end=end)
    mentors = await people.mentor_map(session=session, team_id=team.id)
    times = day_times(team)
    waits: dict[int | None, list[timedelta]] = {}
    still_open: dict[int | None, int] = {}
    names: dict[int | None, str | None] = {None: None}
    for alert in found:
        mentor = mentors.get(alert.pupil_id)
        key = mentor.id if mentor else None
        if mentor is not None:
            names[key] = mentor.name
        waits.setdefault(key, [])
        if alert.picked_up_at is not None and alert.created_at is not None:
            waits[key].append(
                school_time(alert.created_at, alert.picked_up_at, times=times, calendar=calendar)
            )
        else:
            still_open[key] = still_open.get(key, 0) + 1
    figures = [
        (names[key], pickup_figures(durations, still_open=still_open.get(key, 0)))
        for key, durations in waits.items()
    ]
    return sorted(figures, key=lambda item: (item[0] is None, item[0] or ""))
