"""The coordinators' digests: built from database counts, posted where pupils cannot see them."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import date, datetime, timedelta
from typing import Any

from sqlmodel.ext.asyncio.session import AsyncSession

from cards.catalogue import Lang, t
from cards.digest import (
    DailyFigures,
    DayFigures,
    NamedSignal,
    WeeklyFigures,
    WeekSummary,
)
from cards.digest_pages import daily_digest_pages, weekly_digest_pages
from cards.signals import signal_sentence
from dialogs.alerts import pickup_per_mentor
from dialogs.clock.signals import alert_mentors, evaluate
from dialogs.opp_status import opp_rows
from dialogs.recipients import Destination, coordinator_destinations
from dialogs.teamcal import message_payload
from domain.calendar import SchoolCalendar
from domain.due import DuePrompt
from domain.pause import paused_on
from domain.recipient import Recipient
from domain.text import fold
from domain.week import is_last_school_day_of_week, week_so_far
from storage import audit, figures, outbox, people, signals
from storage.models import Person, PupilSignal, Team
from storage.outbox import NewDelivery

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
    pupils = await people.team_members(session=session, team_id=team.id, role="pupil")
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
    pupils = await people.team_members(session=session, team_id=team.id, role="pupil")
    days = week_so_far(day, calendar)
    monday = day - timedelta(days=day.weekday())
    before = week_so_far(monday - timedelta(days=3), calendar)
    start = days[0] if days else monday
    counts = await figures.checkins_per_day(session=session, team_id=team.id, start=start, end=day)
    moods = await figures.moods_per_day(session=session, team_id=team.id, start=start, end=day)
    per_author = await figures.contacts_per_author(
        session=session, team_id=team.id, start=monday, end=day
    )
    contacted = await figures.contacted_pupils(
        session=session, team_id=team.id, start=monday, end=day
    )
    mentors = await people.team_members(session=session, team_id=team.id, role="mentor")
    names = {m.id: m.name for m in mentors}
    per_mentor = sorted(
        (
            (names.get(author) or t("digest.someone_else", lang), n)
            for author, n in per_author.items()
        ),
        key=lambda item: fold(item[0]),
    )
    for mentor in mentors:
        if mentor.id not in per_author:
            per_mentor.append((mentor.name, 0))
    rows, _ = await opp_rows(session, team, pupils, today=day, calendar=calendar, with_mentor=True)
    due = [r for r in rows if r.days_left <= OPP_HORIZON]
    uncontacted = [
        p for p in pupils if p.id not in contacted and not paused_on(p.paused_until, day)
    ]
    if shown is not None:
        shown.update(r.pupil_id for r in due)
        shown.update(p.id for p in uncontacted if p.id is not None)
    return WeeklyFigures(
        team=team.name,
        week_start=monday,
        days=[
            DayFigures(
                day=d,
                pupils=_pupils_on(pupils, d),
                starts=counts.get((d, "start"), 0),
                closes=counts.get((d, "close"), 0),
                moods={mood: n for (day, mood), n in moods.items() if day == d},
            )
            for d in days
        ],
        open_signals=await _named(
            session,
            team,
            await signals.open_signals(session=session, team_id=team.id),
            lang,
            shown,
        ),
        contacts_per_mentor=per_mentor,
        without_contact=sorted(p.name for p in uncontacted),
        opp=due,
        pickup=await pickup_per_mentor(session, team, start=monday, end=day, calendar=calendar),
        this_week=await _summary(session, team, days, pupils),
        last_week=await _summary(session, team, before, pupils),
        failed_deliveries=await figures.failed_deliveries(
            session=session, team_id=team.id, start=start, end=day
        ),
    )


async def plan_digests(
    session: AsyncSession, team: Team, prompt: DuePrompt, calendar: SchoolCalendar, now: datetime
) -> int:
    """Half an hour after the close: evaluate the signals, alert mentors, send the digests."""
    assert team.id is not None
    day = prompt.day
    if await outbox.recipients_with(
        session=session, team_id=team.id, prompt="digest_daily", day=day
    ):
        return 0
    evaluated = await evaluate(session, team, today=day, calendar=calendar, now=now)
    written = await alert_mentors(session, team, evaluated.new, day=day, now=now)
    rows: list[NewDelivery] = []
    weekly = is_last_school_day_of_week(day, calendar)
    targets = await coordinator_destinations(session, team, now=now)
    if not targets:
        # No coordinator to send to: remember that today's evaluation ran, so the next pass
        # (half a minute later) does not evaluate again.
        # (the recipient names the team: natural keys are unique across teams)
        nobody = Destination(Recipient.marker(f"team-{team.id}"), "nl")
        marker = _row(team, "digest_daily", day, nobody, {}, prompt)
        rows.append(replace(marker, status="cancelled"))
    named: list[tuple[str, Destination, set[int]]] = []  # (kind, where, pupils) per digest
    for target in targets:
        lang = target.lang
        shown: set[int] = set()
        content: dict[str, Any] = daily_digest_pages(
            lang=lang,
            figures=await daily_figures(session, team, day, evaluated.new, lang, shown=shown),
            team_ref=team.id,
        )[0]
        rows.append(_row(team, "digest_daily", day, target, content, prompt))
        named.append(("day", target, shown))
        if weekly:
            shown = set()
            content = weekly_digest_pages(
                lang=lang,
                figures=await weekly_figures(session, team, day, calendar, lang, shown=shown),
                day=day,
                team_ref=team.id,
            )[0]
            rows.append(_row(team, "digest_weekly", day, target, content, prompt))
            named.append(("week", target, shown))
    created = await outbox.enqueue(session=session, deliveries=rows, now=now)
    if created:  # not when another instance planned these digests first
        for kind, target, pupils in named:
            if pupils:
                await audit.record_each(
                    session=session,
                    action="digest.sent",
                    now=now,
                    team_id=team.id,
                    subject_ids=sorted(pupils),
                    details={"kind": kind, "to": target.person_id or "channel"},
                )
    return written + created


def _row(
    team: Team,
    kind: str,
    day: date,
    target: Destination,
    content: dict[str, Any],
    prompt: DuePrompt,
) -> NewDelivery:
    assert team.id is not None
    return NewDelivery(
        team_id=team.id,
        prompt=kind,
        day=day,
        recipient=target.recipient,
        payload=message_payload(card=content),
        not_before=prompt.due_at,
        expires_at=None,
    )
