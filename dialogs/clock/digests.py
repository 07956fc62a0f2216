"""The coordinators' digests, half an hour after the close: the day's signals evaluated, mentors
alerted to new ones, and the digests posted where pupils cannot see them."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlmodel.ext.asyncio.session import AsyncSession

from cards.digest_pages import daily_digest_pages, weekly_digest_pages
from dialogs.clock.signals import alert_mentors, evaluate
from dialogs.digest_figures import daily_figures, weekly_figures
from dialogs.outbox_rows import Destination, digest_at, digest_marker
from dialogs.recipients import coordinator_destinations
from domain.calendar import SchoolCalendar
from domain.delivery import Prompt
from domain.due import DuePrompt
from domain.week import is_last_school_day_of_week
from storage import audit, deliveries
from storage.deliveries import NewDelivery
from storage.models import PupilSignal, Team


@dataclass(frozen=True)
class _Digest:
    """A digest's row, and the pupils it names (for the audit trail)."""

    row: NewDelivery
    kind: str  # "day" or "week"
    pupils: set[int]


async def plan_digests(
    session: AsyncSession, team: Team, prompt: DuePrompt, calendar: SchoolCalendar, now: datetime
) -> int:
    """Half an hour after the close: evaluate the signals, alert mentors, send the digests."""
    assert team.id is not None
    day = prompt.day
    if await deliveries.recipients_with(
        session=session, team_id=team.id, prompt=Prompt.DIGEST_DAILY, day=day
    ):
        return 0
    evaluated = await evaluate(session, team, today=day, calendar=calendar, now=now)
    written = await alert_mentors(session, team, evaluated.new, day=day, now=now)
    weekly = is_last_school_day_of_week(day, calendar)
    targets = await coordinator_destinations(session, team, now=now)
    # No coordinator to send to: a marker remembers that today's evaluation ran.
    rows = [] if targets else [digest_marker(prompt, team_id=team.id)]
    digests: list[_Digest] = []
    for target in targets:
        digests += await _digests_for(
            session, team, prompt, calendar, evaluated.new, target, weekly=weekly
        )
    rows += [digest.row for digest in digests]
    created = await deliveries.enqueue(session=session, deliveries=rows, now=now)
    if created:  # not when another instance planned these digests first
        for digest in digests:
            if digest.pupils:
                await audit.record_each(
                    session=session,
                    action="digest.sent",
                    now=now,
                    team_id=team.id,
                    subject_ids=sorted(digest.pupils),
                    details={
                        "kind": digest.kind,
                        "to": digest.row.recipient.person_id or "channel",
                    },
                )
    return written + created


async def _digests_for(
    session: AsyncSession,
    team: Team,
    moment: DuePrompt,
    calendar: SchoolCalendar,
    new: Sequence[PupilSignal],
    target: Destination,
    *,
    weekly: bool,
) -> list[_Digest]:
    """The day's digest for one destination, and the week's on the week's last school day."""
    assert team.id is not None
    lang, day = target.lang, moment.day
    shown: set[int] = set()
    daily = await daily_figures(session, team, day, new, lang, shown=shown)
    content: dict[str, Any] = daily_digest_pages(lang=lang, figures=daily, team_ref=team.id)[0]
    row = digest_at(Prompt.DIGEST_DAILY, moment, team_id=team.id, to=target, card=content)
    found = [_Digest(row, "day", shown)]
    if weekly:
        shown = set()
        week = await weekly_figures(session, team, day, calendar, lang, shown=shown)
        content = weekly_digest_pages(lang=lang, figures=week, day=day, team_ref=team.id)[0]
        row = digest_at(Prompt.DIGEST_WEEKLY, moment, team_id=team.id, to=target, card=content)
        found.append(_Digest(row, "week", shown))
    return found
