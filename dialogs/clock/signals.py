"""Evaluating the early signals for a team and alerting mentors to new ones."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlmodel.ext.asyncio.session import AsyncSession

from cards.catalogue import t
from cards.signals import signal_sentence
from dialogs.clock.progress import timing_facts
from dialogs.opp_status import opp_rows
from dialogs.outbox_rows import message_now
from dialogs.recipients import pupil_staff
from domain.calendar import SchoolCalendar
from domain.clock import local_date
from domain.delivery import Prompt
from domain.pause import paused_on
from domain.roles import Role
from domain.signals import (
    DayRecord,
    Signal,
    Thresholds,
    contact_wish,
    mood_falling,
    no_checkin,
    no_contact,
    opp_overdue,
    plan_not_reached,
    plan_outcome,
)
from storage import checkins, deliveries, figures, people, signals
from storage.deliveries import NewDelivery
from storage.models import CheckIn, Person, PupilSignal, Team

HISTORY = 15  # school days the rules look back over


def thresholds(team: Team) -> Thresholds:
    """A team's signal thresholds."""
    return Thresholds(
        missing_days=team.signal_missing_days,
        mood_drop=team.signal_mood_drop,
        low_streak=team.signal_low_streak,
        contact_days=team.signal_contact_days,
        plan_days=team.signal_plan_days,
    )


@dataclass(frozen=True)
class Evaluated:
    """What one evaluation found: the signals that hold now, and which of them are new."""

    open: Sequence[PupilSignal]
    new: Sequence[PupilSignal]


async def evaluate(
    session: AsyncSession, team: Team, *, today: date, calendar: SchoolCalendar, now: datetime
) -> Evaluated:
    """Run every rule for every pupil; store new signals, resolve those that no longer hold."""
    assert team.id is not None
    limits = thresholds(team)
    pupils = list(await people.team_members(session=session, team_id=team.id, role=Role.PUPIL))
    days = _history_days(calendar, today)
    start = days[0]
    history = await checkins.team_checkins(session=session, team_id=team.id, start=start, end=today)
    contacts = await figures.last_contacts(
        session=session, team_id=team.id, since=today - timedelta(days=366)
    )
    due = {
        r.pupil_id: r.due
        for r in (await opp_rows(session, team, pupils, today=today, calendar=calendar))[0]
    }
    timing = await timing_facts(session, team)
    found: dict[tuple[int, str], Signal] = {}
    for pupil in pupils:
        assert pupil.id is not None
        if paused_on(pupil.paused_until, today):
            continue
        joined = local_date(pupil.joined_at) if pupil.joined_at else start
        records = _records(pupil, days, history.get(pupil.id, []), joined)
        contact_days = contacts.get(pupil.id, [])
        wishes = [(r.day, calendar.next_school_day(r.day)) for r in records if r.wants_contact]
        for signal in (
            no_checkin(records, limits.missing_days),
            mood_falling(records, limits.mood_drop, limits.low_streak),
            no_contact(
                max(contact_days, default=None),
                known_since=joined,
                today=today,
                threshold=limits.contact_days,
            ),
            contact_wish(wishes, contact_days, today=today),
            plan_not_reached(records, limits.plan_days),
            opp_overdue(due.get(pupil.id), today),
            *timing.signals(
                pupil.id,
                joined=local_date(pupil.joined_at) if pupil.joined_at else None,
                known_since=joined,
                today=today,
            ),
        ):
            if signal is not None:
                found[(pupil.id, signal.kind)] = signal
    return await _store(session, team, found, now=now)


def _history_days(calendar: SchoolCalendar, today: date) -> list[date]:
    """The last HISTORY school days up to today, oldest first."""
    days: list[date] = []
    cursor = today if calendar.is_school_day(today) else calendar.previous_school_day(today)
    while len(days) < HISTORY:
        days.append(cursor)
        cursor = calendar.previous_school_day(cursor)
    return days[::-1]


def _records(
    pupil: Person, days: Sequence[date], history: Sequence[CheckIn], joined: date
) -> list[DayRecord]:
    """A pupil's school days as the rules read them (days before they joined count as paused)."""
    starts = {c.day: c for c in history if c.kind == "start"}
    closes = {c.day: c for c in history if c.kind == "close"}
    return [
        DayRecord(
            day=d,
            mood=starts[d].mood if d in starts else None,
            wants_contact=bool(d in starts and starts[d].wants_contact),
            plan=plan_outcome(closes[d].goal_status) if d in closes else "unknown",
            paused=paused_on(pupil.paused_until, d) or d < joined,
        )
        for d in days
    ]


async def _store(
    session: AsyncSession, team: Team, found: dict[tuple[int, str], Signal], *, now: datetime
) -> Evaluated:
    assert team.id is not None
    new: list[PupilSignal] = []
    still: list[PupilSignal] = []
    for stored in await signals.open_signals(session=session, team_id=team.id):
        current = found.get((stored.pupil_id, stored.kind))
        if current is None or current.since != stored.since:
            await signals.resolve(session=session, signal=stored, now=now)
    for (pupil_id, kind), rule in found.items():
        row, created = await signals.raise_signal(
            session=session,
            team_id=team.id,
            pupil_id=pupil_id,
            kind=kind,
            since=rule.since,
            detail=rule.detail,
            now=now,
        )
        still.append(row)
        if created:
            new.append(row)
    await session.flush()
    return Evaluated(open=still, new=new)


async def alert_mentors(
    session: AsyncSession, team: Team, new: Sequence[PupilSignal], *, day: date, now: datetime
) -> int:
    """Each new signal goes once to the pupil's mentor (the coordinators when there is none)."""
    assert team.id is not None
    rows: list[NewDelivery] = []
    for signal in new:
        pupil = await people.get_person(session=session, person_id=signal.pupil_id)
        if pupil is None:
            continue
        for to in await pupil_staff(session, team, pupil):
            body = t(
                "signal.alert",
                to.lang,
                name=pupil.name,
                reason=signal_sentence(signal.kind, signal.detail, signal.since, to.lang),
            )
            rows.append(
                message_now(
                    Prompt.SIGNAL,
                    team_id=team.id,
                    to=to,
                    now=now,
                    day=day,
                    ref=f"signal:{signal.id}",
                    text=body,
                )
            )
    return await deliveries.enqueue(session=session, deliveries=rows, now=now)
