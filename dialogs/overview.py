"""`leerlingen` (the pupils at a glance) and `leerling` (one pupil over time)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from datetime import date, timedelta

from cards.catalogue import t
from cards.mentor import PupilPage, PupilRow, pupil_page_card, pupils_card
from cards.opp import due_text
from dialogs.contacts import contact_rows
from dialogs.inbound import Reply, card, text
from dialogs.names import NotFound, resolve_pupil, visible_pupils
from dialogs.opp import opp_rows
from dialogs.router import STAFF, Turn, router
from dialogs.teamcal import calendar_for
from domain.clock import local_date
from storage import checkins, contacts, people

HISTORY_DAYS = 20  # school days in the mood chart and check-in rate
PLAN_DAYS = 14  # calendar days for plan versus done
RECENT_CONTACTS = 5


@router.command("leerlingen", "pupils", "overzicht", roles=STAFF)
async def pupils_overview(turn: Turn) -> Sequence[Reply]:
    """Today's check-ins, closes and days since the last contact for every visible pupil."""
    assert turn.team is not None
    today = local_date(turn.now)
    pupils = await visible_pupils(turn)
    day_rows = await checkins.day_checkins(session=turn.session, team_id=turn.team_id, day=today)
    starts = {c.pupil_id: c for c in day_rows if c.kind == "start"}
    closes = {c.pupil_id: c for c in day_rows if c.kind == "close"}
    last = await contacts.last_contact_days(
        session=turn.session, pupil_ids=[p.id for p in pupils if p.id is not None]
    )
    mentors = (
        await people.mentor_map(session=turn.session, team_id=turn.team_id)
        if turn.role == "coordinator"
        else {}
    )
    calendar = await calendar_for(turn.session, turn.team)
    opp_due = {
        row.pupil_id: due_text(row, turn.lang)
        for row in (
            await opp_rows(turn.session, turn.team, pupils, today=today, calendar=calendar)
        )[0]
    }
    rows = []
    for pupil in pupils:
        assert pupil.id is not None
        start, close = starts.get(pupil.id), closes.get(pupil.id)
        paused = people.is_paused(pupil, today)
        contact_day = last.get(pupil.id)
        mentor = mentors.get(pupil.id)
        rows.append(
            PupilRow(
                name=pupil.name,
                paused_until=pupil.paused_until if paused else None,
                start_mood=start.mood if start else None,
                goals=list(start.goals) if start else [],
                wants_contact=bool(start and start.wants_contact),
                close_mood=close.mood if close else None,
                days_since_contact=(today - contact_day).days if contact_day else None,
                mentor=mentor.name if mentor else None,
                opp_due=opp_due.get(pupil.id),
            )
        )
    title = (
        t("pupils.title.coordinator", turn.lang, team=turn.team.name)
        if turn.role == "coordinator"
        else t("pupils.title.mentor", turn.lang)
    )
    await turn.audit("pupils.overview_read", details={"pupils": len(rows)})
    return [card(pupils_card(lang=turn.lang, day=today, rows=rows, title=title))]


@router.command("leerling", "pupil", roles=STAFF)
async def pupil_page(turn: Turn) -> Sequence[Reply]:
    """`leerling <naam>`: one pupil's mood over time, check-in rate, plans and contacts."""
    assert turn.team is not None
    if not turn.args:
        return [text(t("usage.leerling", turn.lang))]
    pupil = await resolve_pupil(turn, turn.args, rerun="leerling {name}")
    if isinstance(pupil, NotFound):
        return [pupil.reply]
    assert pupil.id is not None
    today = local_date(turn.now)
    calendar = await calendar_for(turn.session, turn.team)
    days: list[date] = []
    cursor = today if calendar.is_school_day(today) else calendar.previous_school_day(today)
    while len(days) < HISTORY_DAYS:
        days.append(cursor)
        cursor = calendar.previous_school_day(cursor)
    days.reverse()
    start = min(days[0], today - timedelta(days=PLAN_DAYS))
    history = await checkins.pupil_checkins(
        session=turn.session, pupil_id=pupil.id, start=start, end=today
    )
    moods = {c.day: c.mood for c in history if c.kind == "start"}
    counted = [d for d in days if not people.is_paused(pupil, d) or d in moods]
    goal_counts: Counter[str] = Counter()
    for check in history:
        if check.kind == "close" and check.day > today - timedelta(days=PLAN_DAYS):
            goal_counts.update(status or "open" for status in check.goal_status)
    mentor = await people.mentor_of(session=turn.session, pupil_id=pupil.id)
    page = PupilPage(
        name=pupil.name,
        mentor=mentor.name if mentor else None,
        paused_until=pupil.paused_until if people.is_paused(pupil, today) else None,
        moods=[(d, moods.get(d)) for d in days],
        school_days=len(counted),
        checked_in=sum(1 for d in counted if d in moods),
        goal_counts=dict(goal_counts),
        contacts=await contact_rows(turn, pupil.id, RECENT_CONTACTS),
    )
    await turn.audit("pupil.history_read", subject_id=pupil.id)
    return [card(pupil_page_card(lang=turn.lang, page=page))]
