"""Who needs attention first: the rows of `leerlingen` and of the mentor's morning list.

Words of distress today, an open wish for contact, low mood, no check-in yet; then the rest, and
paused pupils last and calmly.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlmodel.ext.asyncio.session import AsyncSession

from cards.catalogue import Lang
from cards.opp import due_text
from cards.pupils import PupilRow
from dialogs.alerts import checkin_source
from dialogs.opp_status import opp_rows
from domain.alerts import attention_of, attention_rank, check_in_expected
from domain.calendar import SchoolCalendar
from domain.clock import local_date
from domain.due import LOW_MOOD
from domain.pause import paused_on
from domain.text import fold
from storage import alerts, checkins, contacts, people
from storage.models import CheckIn, Person, PupilAlert, Team

OPEN_WISHES = timedelta(days=7)  # a wish nobody picked up stays on top for a week


@dataclass(frozen=True)
class _TeamToday:
    """What the rows are made from, read for the whole team at once."""

    starts: Mapping[int, CheckIn]
    closes: Mapping[int, CheckIn]
    alert_sources: set[str]  # the alerts of the last week, picked up or not
    open_alerts: Mapping[int, list[PupilAlert]]  # per pupil, newest first
    last_contact: Mapping[int, date]
    mentors: Mapping[int, Person]
    opp_due: Mapping[int, str]


async def pupil_rows(
    session: AsyncSession,
    team: Team,
    pupils: Sequence[Person],
    *,
    now: datetime,
    lang: Lang,
    calendar: SchoolCalendar,
    with_mentor: bool,
) -> list[PupilRow]:
    """One row per pupil, those who need attention first."""
    today = local_date(now)
    known = await _read(
        session, team, pupils, today=today, lang=lang, calendar=calendar, with_mentor=with_mentor
    )
    expected = check_in_expected(now, start=team.start_time, calendar=calendar)
    rows = [_row(pupil, known, today=today, expected=expected) for pupil in pupils]
    rows.sort(
        key=lambda r: (attention_rank(r.attention, paused=r.paused_until is not None), fold(r.name))
    )
    return rows


async def _read(
    session: AsyncSession,
    team: Team,
    pupils: Sequence[Person],
    *,
    today: date,
    lang: Lang,
    calendar: SchoolCalendar,
    with_mentor: bool,
) -> _TeamToday:
    """Today's check-ins, the open alerts, the last contacts, mentors and OPP dates."""
    assert team.id is not None
    day_rows = await checkins.day_checkins(session=session, team_id=team.id, day=today)
    recent = await alerts.alerts_between(
        session=session, team_id=team.id, start=today - OPEN_WISHES, end=today
    )
    open_by_pupil: dict[int, list[PupilAlert]] = {}
    for alert in sorted(recent, key=lambda a: a.id or 0, reverse=True):
        if alert.picked_up_at is None:
            open_by_pupil.setdefault(alert.pupil_id, []).append(alert)
    last = await contacts.last_contact_days(
        session=session, pupil_ids=[p.id for p in pupils if p.id is not None]
    )
    mentors = await people.mentor_map(session=session, team_id=team.id) if with_mentor else {}
    opp_due = {
        row.pupil_id: due_text(row, lang)
        for row in (await opp_rows(session, team, pupils, today=today, calendar=calendar))[0]
    }
    return _TeamToday(
        starts={c.pupil_id: c for c in day_rows if c.kind == "start"},
        closes={c.pupil_id: c for c in day_rows if c.kind == "close"},
        alert_sources={a.source for a in recent},
        open_alerts=open_by_pupil,
        last_contact=last,
        mentors=mentors,
        opp_due=opp_due,
    )


def _row(pupil: Person, known: _TeamToday, *, today: date, expected: bool) -> PupilRow:
    """How one pupil is doing today, and what in it needs attention."""
    assert pupil.id is not None
    start, close = known.starts.get(pupil.id), known.closes.get(pupil.id)
    paused = paused_on(pupil.paused_until, today)
    waiting = known.open_alerts.get(pupil.id, [])
    # a wish from a check-in without an alert (stored before alerts existed) counts too
    unrecorded = any(
        c is not None and c.wants_contact and checkin_source(c.id or 0) not in known.alert_sources
        for c in (start, close)
    )
    wish = unrecorded or any(a.wants_contact for a in waiting)
    attention = attention_of(
        distress=any(a.kind == "distress" and a.day == today for a in waiting),
        wish=wish,
        low_mood=any(c is not None and c.mood <= LOW_MOOD for c in (start, close)),
        missing=expected and not paused and start is None,
    )
    contact_day = known.last_contact.get(pupil.id)
    mentor = known.mentors.get(pupil.id)
    chosen = next((a for a in waiting if a.wants_contact), waiting[0] if waiting else None)
    return PupilRow(
        name=pupil.name,
        paused_until=pupil.paused_until if paused else None,
        start_mood=start.mood if start else None,
        start_feeling=start.feeling if start else None,
        goals=list(start.goals) if start else [],
        wants_contact=wish,
        close_mood=close.mood if close else None,
        close_feeling=close.feeling if close else None,
        days_since_contact=(today - contact_day).days if contact_day else None,
        mentor=mentor.name if mentor else None,
        opp_due=known.opp_due.get(pupil.id),
        pupil_id=pupil.id,
        attention=attention,
        note_today=any(c is not None and c.note for c in (start, close)),
        alert_id=chosen.id if chosen else None,
    )
