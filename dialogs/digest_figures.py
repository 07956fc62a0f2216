"""The figures the coordinators' digests show, read from the database: one school day's, and
the week so far beside the week before. The clock sends them; the `digest` command shows them."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta

from sqlmodel.ext.asyncio.session import AsyncSession

from cards.catalogue import Lang, t
from cards.digest import (
    DailyFigures,
    DayFigures,
    NamedSignal,
    WeeklyFigures,
    WeekSummary,
)
from cards.signals import signal_sentence
from dialogs.alerts import pickup_per_mentor
from dialogs.opp_status import opp_rows
from domain.calendar import SchoolCalendar
from domain.pause import paused_on
from domain.roles import Role
from domain.text import fold
from domain.week import week_so_far
from storage import figures, people, signals
from storage.models import Person, PupilSignal, Team

OPP_HORIZON = 14


def _pupils_on(pupils: Sequence[Person], day: date) -> int:
    return sum(1 for p in pupils if not paused_on(p.paused_until, day))


async def _named(
    session: AsyncSession,
    team: Team,
    found: Sequence[PupilSignal],
    lang: Lang,
    shown: set[int] | None = None,
) -> list[NamedSignal]:
    assert team.id is not None
    mentors = await people.mentor_map(session=session, team_id=team.id)
    named = []
    for signal in found:
        pupil = await people.get_person(session=session, person_id=signal.pupil_id)
        if pupil is None or not pupil.active:
            continue
        mentor = mentors.get(signal.pupil_id)
        if shown is not None:
            shown.add(signal.pupil_id)
        named.append(
            NamedSignal(
                pupil=pupil.name,
                mentor=mentor.name if mentor else None,
                sentence=signal_sentence(signal.kind, signal.detail, signal.since, lang),
            )
        )
    return sorted(named, key=lambda s: s.pupil)


async def daily_figures(
    session: AsyncSession,
    team: Team,
    day: date,
    new: Sequence[PupilSignal],
    lang: Lang,
    *,
    shown: set[int] | None = None,
) -> DailyFigures:
    """The figures of one school day; the ids of the pupils they name are added to `shown`."""
    assert team.id is not None
    pupils = await people.team_members(session=session, team_id=team.id, role=Role.PUPIL)
    counts = await figures.checkins_per_day(session=session, team_id=team.id, start=day, end=day)
    moods = await figures.moods_per_day(session=session, team_id=team.id, start=day, end=day)
    contacts = await figures.contacts_per_author(
        session=session, team_id=team.id, start=day, end=day
    )
    open_now = await signals.open_signals(session=session, team_id=team.id)
    if shown is not None:
        shown.update(
            p.id for p in pupils if p.id and p.paused_until and paused_on(p.paused_until, day)
        )
    return DailyFigures(
        team=team.name,
        day=day,
        pupils=_pupils_on(pupils, day),
        starts=counts.get((day, "start"), 0),
        closes=counts.get((day, "close"), 0),
        moods={mood: n for (_, mood), n in moods.items()},
        new_signals=await _named(session, team, new, lang, shown),
        open_signals=len(open_now),
        contacts=sum(contacts.values()),
        paused=[
            (p.name, p.paused_until)
            for p in pupils
            if p.paused_until and paused_on(p.paused_until, day)
        ],
        failed_deliveries=await figures.failed_deliveries(
            session=session, team_id=team.id, start=day, end=day
        ),
    )


async def _summary(
    session: AsyncSession, team: Team, days: Sequence[date], pupils: Sequence[Person]
) -> WeekSummary:
    assert team.id is not None
    if not days:
        return WeekSummary(start_rate=None, average_mood=None, contacts=0)
    counts = await figures.checkins_per_day(
        session=session, team_id=team.id, start=days[0], end=days[-1]
    )
    moods = await figures.moods_per_day(
        session=session, team_id=team.id, start=days[0], end=days[-1]
    )
    expected = sum(_pupils_on(pupils, d) for d in days)
    answered = sum(counts.get((d, "start"), 0) for d in days)
    total = sum(moods.values())
    contacts = await figures.contacts_per_author(
        session=session, team_id=team.id, start=days[0], end=days[-1]
    )
    return WeekSummary(
        start_rate=answered / expected if expected else None,
        average_mood=sum(m * n for (_, m), n in moods.items()) / total if total else None,
        contacts=sum(contacts.values()),
    )


async def _contacts_per_mentor(
    session: AsyncSession, team: Team, *, start: date, end: date, lang: Lang
) -> list[tuple[str, int]]:
    """How many contacts each mentor logged between start and end, by name; mentors who logged
    none come last, and contacts by someone no longer a mentor count under one name."""
    assert team.id is not None
    per_author = await figures.contacts_per_author(
        session=session, team_id=team.id, start=start, end=end
    )
    mentors = await people.team_members(session=session, team_id=team.id, role=Role.MENTOR)
    names = {m.id: m.name for m in mentors}
    per_mentor = sorted(
        (
            (names.get(author) or t("digest.someone_else", lang), n)
            for author, n in per_author.items()
        ),
        key=lambda item: fold(item[0]),
    )
    per_mentor.extend((mentor.name, 0) for mentor in mentors if mentor.id not in per_author)
    return per_mentor


async def _week_days(
    session: AsyncSession, team: Team, days: Sequence[date], pupils: Sequence[Person]
) -> list[DayFigures]:
    """The figures of each of these school days."""
    assert team.id is not None
    if not days:
        return []
    start, end = days[0], days[-1]
    counts = await figures.checkins_per_day(session=session, team_id=team.id, start=start, end=end)
    moods = await figures.moods_per_day(session=session, team_id=team.id, start=start, end=end)
    return [
        DayFigures(
            day=d,
            pupils=_pupils_on(pupils, d),
            starts=counts.get((d, "start"), 0),
            closes=counts.get((d, "close"), 0),
            moods={mood: n for (day, mood), n in moods.items() if day == d},
        )
        for d in days
    ]


async def weekly_figures(
    session: AsyncSession,
    team: Team,
    day: date,
    calendar: SchoolCalendar,
    lang: Lang,
    *,
    shown: set[int] | None = None,
) -> WeeklyFigures:
    """The figures of the week up to `day`, and the week before for comparison; the ids of the
    pupils they name are added to `shown`."""
    assert team.id is not None
    pupils = await people.team_members(session=session, team_id=team.id, role=Role.PUPIL)
    days = week_so_far(day, calendar)
    monday = day - timedelta(days=day.weekday())
    before = week_so_far(monday - timedelta(days=3), calendar)
    start = days[0] if days else monday
    contacted = await figures.contacted_pupils(
        session=session, team_id=team.id, start=monday, end=day
    )
    rows, _ = await opp_rows(session, team, pupils, today=day, calendar=calendar, with_mentor=True)
    due = [r for r in rows if r.days_left <= OPP_HORIZON]
    uncontacted = [
        p for p in pupils if p.id not in contacted and not paused_on(p.paused_until, day)
    ]
    if shown is not None:
        shown.update(r.pupil_id for r in due)
        shown.update(p.id for p in uncontacted if p.id is not None)
    open_now = await signals.open_signals(session=session, team_id=team.id)
    return WeeklyFigures(
        team=team.name,
        week_start=monday,
        days=await _week_days(session, team, days, pupils),
        open_signals=await _named(session, team, open_now, lang, shown),
        contacts_per_mentor=await _contacts_per_mentor(
            session, team, start=monday, end=day, lang=lang
        ),
        without_contact=sorted(p.name for p in uncontacted),
        opp=due,
        pickup=await pickup_per_mentor(session, team, start=monday, end=day, calendar=calendar),
        this_week=await _summary(session, team, days, pupils),
        last_week=await _summary(session, team, before, pupils),
        failed_deliveries=await figures.failed_deliveries(
            session=session, team_id=team.id, start=start, end=day
        ),
    )
