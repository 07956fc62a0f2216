"""The OPP report (`opp <leerling> verslag [vanaf <datum>]`): what the check-ins, contacts,
signals and pauses of a period say, gathered for the next OPP evaluation.

The pupil's close notes are their own words to their mentor: the report shows them to that
mentor only; anyone else reads how many there are. Every read is audited with the pupil as
subject.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from datetime import date, time

from sqlmodel.ext.asyncio.session import AsyncSession

from cards.catalogue import Lang, t
from cards.opp import OPEN_REPORT
from cards.opp_report import opp_report_card
from cards.opp_report_text import AlertCount, OppPack, SignalLine
from cards.pupils import PupilChoice
from cards.signals import signal_sentence
from dialogs.inbound import Reply, card, text
from dialogs.names import visible_pupils
from dialogs.router import PRIVATE, STAFF, Turn, router
from dialogs.teamcal import calendar_for
from domain.clock import at_local, local_date
from domain.contacts import KINDS, ContactKind
from domain.opp import next_due
from domain.report import (
    Basis,
    PauseEvent,
    contact_totals,
    goal_tally,
    pause_periods,
    paused_days,
    report_start,
    week_rows,
)
from storage import alerts, audit, checkins, contacts, opp, people, signals
from storage.models import Person, Team

PAUSE_ACTIONS = ("pupil.paused", "pupil.resumed")
ALERT_KINDS = ("checkin_start", "checkin_close", "message", "distress")


async def pause_history(
    session: AsyncSession, pupil: Person, *, start: date, end: date
) -> list[tuple[date, date]]:
    """The pauses in the period, from the audit trail of `pauze` and `hervat`."""
    assert pupil.id is not None
    events = await audit.subject_events(session=session, subject_id=pupil.id, actions=PAUSE_ACTIONS)
    found = []
    for event in events:
        until = (event.details or {}).get("until") if event.action == "pupil.paused" else None
        try:
            ends = date.fromisoformat(until) if isinstance(until, str) else None
        except ValueError:
            continue
        if event.at is not None and (ends is not None or event.action == "pupil.resumed"):
            found.append(PauseEvent(day=local_date(event.at), until=ends))
    return pause_periods(found, start=start, end=end)


async def _signals(
    session: AsyncSession, pupil_id: int, *, start: date, end: date, lang: Lang
) -> list[SignalLine]:
    found = await signals.pupil_signals_between(
        session=session, pupil_id=pupil_id, start=at_local(start, time(0, 0)), end=end
    )
    return [
        SignalLine(
            kind=s.kind,
            since=s.since,
            sentence=signal_sentence(s.kind, s.detail, s.since, lang),
            resolved=local_date(s.resolved_at) if s.resolved_at else None,
        )
        for s in found
    ]


async def _alerts(
    session: AsyncSession, pupil_id: int, *, start: date, end: date
) -> list[AlertCount]:
    found = await alerts.pupil_alerts_between(
        session=session, pupil_id=pupil_id, start=start, end=end
    )
    counts = Counter(a.kind for a in found)
    picked = Counter(a.kind for a in found if a.picked_up_at is not None)
    return [AlertCount(kind, counts[kind], picked[kind]) for kind in ALERT_KINDS if counts[kind]]


async def _period(
    session: AsyncSession, team: Team, pupil: Person, *, given: date | None, end: date
) -> tuple[date, Basis, date | None]:
    """(start, why that start, the next evaluation) of the report ending on `end`."""
    assert pupil.id is not None
    plan = await opp.plan_of(session=session, pupil_id=pupil.id)
    held = [e.day for e in await opp.evaluations(session=session, pupil_id=pupil.id)]
    start, basis = report_start(
        given=given,
        last_evaluation=max((d for d in held if d <= end), default=None),
        plan_start=plan.start_date if plan else None,
        joined=local_date(pupil.joined_at) if pupil.joined_at else None,
        today=end,
    )
    due = None
    if plan is not None:
        weeks = plan.cycle_weeks or team.opp_cycle_weeks
        due = next_due(
            start=plan.start_date, last_evaluation=max(held, default=None), cycle_weeks=weeks
        )
    return start, basis, due


async def build_pack(
    session: AsyncSession,
    team: Team,
    pupil: Person,
    *,
    given: date | None,
    end: date,
    lang: Lang,
    with_notes: bool,
) -> OppPack:
    """Everything the report says about one pupil, from `given` (or the last evaluation) to
    `end`; the close notes only when `with_notes`."""
    assert pupil.id is not None
    start, basis, due = await _period(session, team, pupil, given=given, end=end)
    calendar = await calendar_for(session, team)
    history = await checkins.pupil_checkins(
        session=session, pupil_id=pupil.id, start=start, end=end
    )
    starts = [c for c in history if c.kind == "start"]
    closes = [c for c in history if c.kind == "close"]
    pauses = await pause_history(session, pupil, start=start, end=end)
    logged = await contacts.contacts_between(
        session=session, pupil_id=pupil.id, start=start, end=end
    )
    notes = [(c.day, c.note) for c in closes if c.note]
    mentor = await people.mentor_of(session=session, pupil_id=pupil.id)
    return OppPack(
        pupil=pupil.name,
        mentor=mentor.name if mentor else None,
        start=start,
        end=end,
        basis=basis,
        due=due,
        weeks=week_rows(
            start=start,
            end=end,
            school_days=calendar.school_days(start, end),
            paused=paused_days(pauses),
            moods={c.day: c.mood for c in starts},
        ),
        goals=goal_tally([c.goals for c in starts], [c.goal_status for c in closes]),
        notes=notes if with_notes else None,
        note_count=len(notes),
        contacts=contact_totals([(c.kind, c.minutes) for c in logged], KINDS),
        talks=[(c.day, c.agreements) for c in logged if c.kind == ContactKind.PROGRESS_TALK],
        signals=await _signals(session, pupil.id, start=start, end=end, lang=lang),
        alerts=await _alerts(session, pupil.id, start=start, end=end),
        pauses=pauses,
    )


async def report_reply(turn: Turn, pupil: Person, given: date | None) -> Reply:
    """The report as a card for the sender; the read is audited."""
    assert turn.team is not None and pupil.id is not None
    mentor = await people.mentor_of(session=turn.session, pupil_id=pupil.id)
    own = mentor is not None and mentor.id == turn.actor_id
    pack = await build_pack(
        turn.session,
        turn.team,
        pupil,
        given=given,
        end=local_date(turn.now),
        lang=turn.lang,
        with_notes=own,
    )
    await turn.audit(
        "opp.report",
        subject_id=pupil.id,
        details={"from": pack.start.isoformat(), "to": pack.end.isoformat(), "notes": own},
    )
    return card(opp_report_card(lang=turn.lang, pack=pack))


@router.card_action(
    OPEN_REPORT,
    answer=PupilChoice,
    invalid="opp.report.unknown_pupil",
    roles=STAFF,
    where=PRIVATE,
)
async def open_report(turn: Turn) -> Sequence[Reply]:
    """*OPP-verslag bekijken* on a nudge: the report of that pupil, since the last evaluation."""
    wanted = PupilChoice.of(turn.answer).pupil
    pupil = next((p for p in await visible_pupils(turn) if p.id == wanted), None)
    if pupil is None:
        return [text(t("opp.report.unknown_pupil", turn.lang))]
    return [await report_reply(turn, pupil, None)]
