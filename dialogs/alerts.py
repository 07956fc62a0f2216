"""Alerts about a pupil: one card per check-in that needs attention, to their mentor at once,
and to the coordinators when a wish for contact has waited too long without being picked up.

An alert row holds no words: the card is built from the check-in it points at (`checkin:<id>`).
"""

from __future__ import annotations

import logging
from collections.abc import Mapping, Sequence
from datetime import date, datetime, timedelta

from sqlmodel.ext.asyncio.session import AsyncSession

from cards.alerts import AlertView, alert_card
from cards.catalogue import t
from dialogs.outbox_rows import Destination, message_now
from dialogs.recipients import coordinator_destinations, pupil_staff
from dialogs.router import Turn
from dialogs.teamcal import day_times
from domain.alerts import (
    PickupFigures,
    due_to_escalate,
    needs_attention,
    pickup_figures,
    school_time,
)
from domain.calendar import SchoolCalendar
from domain.clock import local_date
from domain.delivery import Prompt
from domain.numbers import MAX_ID, ascii_int
from storage import alerts, deliveries, people
from storage.deliveries import NewDelivery
from storage.models import CheckIn, Person, PupilAlert, Team

logger = logging.getLogger(__name__)

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


def _alert_cards(
    prompt: Prompt,
    alert: PupilAlert,
    view: AlertView,
    *,
    to: Sequence[Destination],
    ref: str,
    now: datetime,
) -> list[NewDelivery]:
    """An alert's card, with the buttons to pick it up, to each destination in its language."""
    assert alert.id is not None
    return [
        message_now(
            prompt,
            team_id=alert.team_id,
            to=destination,
            now=now,
            day=alert.day,
            ref=ref,
            card=alert_card(
                lang=destination.lang,
                view=view,
                team_id=alert.team_id,
                alert_id=alert.id,
                pupil_id=alert.pupil_id,
            ),
        )
        for destination in to
    ]


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
    staff = await pupil_staff(turn.session, turn.team, turn.actor)
    rows = _alert_cards(Prompt.ALERT, alert, view, to=staff, ref=alert.source, now=turn.now)
    if await deliveries.enqueue(session=turn.session, deliveries=rows, now=turn.now):
        turn.outbox_touched = True
    return alert


async def alert_staff(
    session: AsyncSession,
    *,
    team: Team,
    pupil: Person,
    prompt: Prompt,
    ref: str,
    key: str,
    values: Mapping[str, object],
    now: datetime,
) -> int:
    """Tell a pupil's mentor at once (coordinators when the pupil has no mentor) the catalogue
    sentence `key`, each in their own language."""
    assert team.id is not None
    rows = [
        message_now(
            prompt, team_id=team.id, to=to, now=now, ref=ref, text=t(key, to.lang, **values)
        )
        for to in await pupil_staff(session, team, pupil)
    ]
    return await deliveries.enqueue(session=session, deliveries=rows, now=now)


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
        assert alert.created_at is not None
        if due_to_escalate(
            created=alert.created_at,
            now=now,
            hours=team.contact_pickup_hours,
            times=times,
            calendar=calendar,
        ):
            written += await _escalate(session, team, alert, now=now)
    return written


async def _escalate(session: AsyncSession, team: Team, alert: PupilAlert, *, now: datetime) -> int:
    """The alert's card to the coordinators, once, saying how long the wish has waited."""
    assert team.id is not None and alert.id is not None
    pupil = await people.get_person(session=session, person_id=alert.pupil_id)
    if pupil is None or not pupil.active:
        return 0
    if not await alerts.mark_escalated(session=session, alert=alert, now=now):
        return 0  # another pass was first
    view = await view_of(session, alert, pupil, waited_hours=team.contact_pickup_hours)
    coordinators = await coordinator_destinations(session, team, now=now)
    ref = f"alert:{alert.id}"
    rows = _alert_cards(Prompt.ALERT_ESCALATED, alert, view, to=coordinators, ref=ref, now=now)
    if not rows:
        logger.warning("team %s: a wish for contact waits; there is no coordinator", team.id)
    return await deliveries.enqueue(session=session, deliveries=rows, now=now)


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
