"""The weekly progress talk: its agreements on the pupil's page, the mentor's Monday list of
whose talk is due, and what the timing signals (talks, OPP) need to know about a team."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlmodel.ext.asyncio.session import AsyncSession

from cards.progress import talks_due_card
from cards.settings import every_weeks
from dialogs.clock.opp_nudges import first_school_day_of_week
from dialogs.outbox_rows import Destination, message_at
from domain.calendar import SchoolCalendar
from domain.contacts import ContactKind
from domain.delivery import Prompt
from domain.due import DuePrompt
from domain.pause import paused_on
from domain.progress import GRACE_WEEKS, talk_due
from domain.roles import Role
from domain.signals import Signal, no_progress_talk, opp_missing, opp_without_parents
from storage import contacts, deliveries, opp, people
from storage.deliveries import NewDelivery
from storage.models import Team


async def latest_talk(session: AsyncSession, pupil_id: int) -> tuple[date, str | None] | None:
    """The pupil's latest progress talk and its agreements: they hold until the next talk."""
    talk = await contacts.latest_of_kind(
        session=session, pupil_id=pupil_id, kind=ContactKind.PROGRESS_TALK
    )
    return None if talk is None else (talk.day, talk.agreements)


async def plan_talks_due(
    session: AsyncSession, team: Team, prompt: DuePrompt, calendar: SchoolCalendar, now: datetime
) -> int:
    """On the week's first school day, each mentor hears whose progress talk is due this week
    (nothing when nobody's is)."""
    assert team.id is not None
    today = prompt.day
    if first_school_day_of_week(today, calendar) != today:
        return 0
    last = await contacts.last_days_of_kind(
        session=session, team_id=team.id, kind=ContactKind.PROGRESS_TALK
    )
    monday = today - timedelta(days=today.weekday())
    lists: list[NewDelivery] = []
    for mentor in await people.team_members(session=session, team_id=team.id, role=Role.MENTOR):
        assert mentor.id is not None
        due = [
            (pupil.name, last.get(pupil.id or 0))
            for pupil in await people.pupils_of(session=session, mentor_id=mentor.id)
            if pupil.role == Role.PUPIL
            and not paused_on(pupil.paused_until, today)
            and talk_due(last.get(pupil.id or 0), weeks=team.progress_talk_weeks, today=today)
        ]
        if not due:
            continue
        to = Destination.chat_of(mentor)
        card = talks_due_card(
            lang=to.lang,
            day=today,
            every=every_weeks(team.progress_talk_weeks, to.lang),
            pupils=sorted(due),
        )
        lists.append(
            message_at(Prompt.TALKS_DUE, prompt, team_id=team.id, to=to, day=monday, card=card)
        )
    return await deliveries.enqueue(session=session, deliveries=lists, now=now)


@dataclass(frozen=True)
class TimingFacts:
    """What the signals about talks and the OPP need of a team, read once per evaluation."""

    talk_weeks: int
    last_talks: Mapping[int, date]
    plans: Mapping[int, date]  # pupil id -> the start of their OPP
    with_parents: Mapping[int, date]  # pupil id -> their last evaluation with the parents

    def signals(
        self, pupil_id: int, *, joined: date | None, known_since: date, today: date
    ) -> list[Signal]:
        """The timing signals that hold for one pupil today."""
        found = (
            no_progress_talk(
                self.last_talks.get(pupil_id),
                known_since=known_since,
                today=today,
                weeks=self.talk_weeks,
                grace=GRACE_WEEKS,
            ),
            opp_missing(pupil_id in self.plans, joined=joined, today=today),
            opp_without_parents(
                self.with_parents.get(pupil_id), plan_start=self.plans.get(pupil_id), today=today
            ),
        )
        return [signal for signal in found if signal is not None]


async def timing_facts(session: AsyncSession, team: Team) -> TimingFacts:
    """Read the progress talks, OPP plans and evaluations with parents of a whole team."""
    assert team.id is not None
    plans = await opp.team_plans(session=session, team_id=team.id)
    return TimingFacts(
        talk_weeks=team.progress_talk_weeks,
        last_talks=await contacts.last_days_of_kind(
            session=session, team_id=team.id, kind=ContactKind.PROGRESS_TALK
        ),
        plans={plan.pupil_id: plan.start_date for plan in plans},
        with_parents=await opp.last_evaluations_with(
            session=session, team_id=team.id, participant="ouders"
        ),
    )
