"""Who needs attention first: the rows of `leerlingen` and of the mentor's morning list.

Words of distress today, an open wish for contact, low mood, no check-in yet; then the rest, and
paused pupils last and calmly.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta

from sqlmodel.ext.asyncio.session import AsyncSession

from cards.catalogue import Lang
from cards.opp import due_text
from cards.pupils import PupilRow
from dialogs.alerts import checkin_source
from dialogs.opp_status import opp_rows
from domain.alerts import attention_of, attention_rank
from domain.calendar import SchoolCalendar
from domain.clock import at_local, local_date
from domain.due import LOW_MOOD
from domain.pause import paused_on
from domain.text import fold
from storage import alerts, checkins, contacts, people
from storage.models import Person, PupilAlert, Team

OPEN_WISHES = timedelta(days=7)  # a wish nobody picked up stays on top for a week


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
    assert team.id is not None
    today = local_date(now)
    day_rows = await checkins.day_checkins(session=session, team_id=team.id, day=today)
    starts = {c.pupil_id: c for c in day_rows if c.kind == "start"}
    closes = {c.pupil_id: c for c in day_rows if c.kind == "close"}
    recent = await alerts.alerts_between(
        session=session, team_id=team.id, start=today - OPEN_WISHES, end=today
    )
    sources = {a.source for a in recent}
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
    # "No check-in" means something only once the day has started.
    expected = calendar.is_school_day(today) and now >= at_local(today, team.start_time)
    rows: list[PupilRow] = []
    for pupil in pupils:
        assert pupil.id is not None
        start, close = starts.get(pupil.id), closes.get(pupil.id)
        paused = paused_on(pupil.paused_until, today)
        waiting = open_by_pupil.get(pupil.id, [])
        # a wish from a check-in without an alert (stored before alerts existed) counts too
        unrecorded = any(
            c is not None and c.wants_contact and checkin_source(c.id or 0) not in sources
            for c in (start, close)
        )
        wish = unrecorded or any(a.wants_contact for a in waiting)
        attention = attention_of(
            distress=any(a.kind == "distress" and a.day == today for a in waiting),
            wish=wish,
            low_mood=any(c is not None and c.mood <= LOW_MOOD for c in (start, close)),
            missing=expected and not paused and start is None,
        )
        contact_day = last.get(pupil.id)
        mentor = mentors.get(pupil.id)
        chosen = next((a for a in waiting if a.wants_contact), waiting[0] if waiting else None)
        rows.append(
            PupilRow(
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
                opp_due=opp_due.get(pupil.id),
                pupil_id=pupil.id,
                attention=attention,
                note_today=any(c is not None and c.note for c in (start, close)),
                alert_id=chosen.id if chosen else None,
            )
        )
    rows.sort(
        key=lambda r: (attention_rank(r.attention, paused=r.paused_until is not None), fold(r.name))
    )
    return rows
