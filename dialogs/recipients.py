"""Who is told about a pupil, and where the coordinators' messages go: decided here, once.

Coordinators' messages (digests, the OPP overview) name pupils. They go to the coordinators'
channel only when that channel is in a team without pupils; otherwise to each coordinator's 1:1
chat. A channel setting that would let pupils read along is moved aside, and the coordinators are
told so once.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlmodel.ext.asyncio.session import AsyncSession

from cards.catalogue import Lang, lang_of, t
from dialogs.teamcal import class_channel, message_payload
from domain.clock import local_date
from domain.recipient import Recipient
from storage import outbox, people
from storage.models import Person, Team
from storage.outbox import NewDelivery

logger = logging.getLogger(__name__)

MOVED_PROMPT = "coordinator_channel_moved"  # also its catalogue key


@dataclass(frozen=True)
class Destination:
    """One place a message goes: a channel (no person) or a person's 1:1 chat."""

    recipient: Recipient
    lang: Lang

    @property
    def person_id(self) -> int | None:
        """The person, for a 1:1 chat."""
        return self.recipient.person_id


async def channel_refusal(session: AsyncSession, team: Team, channel_id: str) -> str | None:
    """Why a channel may not be the coordinators' channel (a catalogue key), or None."""
    assert team.id is not None
    if channel_id == class_channel(team) or channel_id == team.general_channel_id:
        return "settings.coordinator_channel_is_class"
    if await people.has_pupils(session=session, team_id=team.id):
        return "settings.coordinator_channel_has_pupils"
    return None


async def coordinator_destinations(
    session: AsyncSession, team: Team, *, now: datetime
) -> list[Destination]:
    """Where the coordinators' messages about this team go; never where a pupil reads along."""
    assert team.id is not None
    coordinators = await people.team_members(session=session, team_id=team.id, role="coordinator")
    channel = team.coordinator_channel_id
    if channel and await channel_refusal(session, team, channel) is not None:
        logger.warning("team %s: the coordinators' channel has pupils; moved to 1:1 chats", team.id)
        team.coordinator_channel_moved = channel
        team.coordinator_channel_id = None
        session.add(team)
    if team.coordinator_channel_moved:
        await _tell_moved(session, team, coordinators, now=now)
    if team.coordinator_channel_id:
        return [Destination(Recipient.channel(team.coordinator_channel_id), "nl")]
    return [Destination(Recipient.person(c.id or 0), lang_of(c.locale)) for c in coordinators]


async def _tell_moved(
    session: AsyncSession, team: Team, coordinators: Sequence[Person], *, now: datetime
) -> None:
    """Tell each coordinator, once, that their messages now come in their 1:1 chat."""
    assert team.id is not None
    rows = [
        NewDelivery(
            team_id=team.id,
            prompt=MOVED_PROMPT,
            day=local_date(now),
            recipient=Recipient.person(c.id or 0),
            ref=f"team-{team.id}",
            payload=message_payload(text=t(MOVED_PROMPT, lang_of(c.locale))),
            not_before=now,
        )
        for c in coordinators
    ]
    await outbox.enqueue(session=session, deliveries=rows, now=now)
    logger.info("team %s: coordinators told that their channel moved", team.id)
    team.coordinator_channel_moved = None
    session.add(team)


async def pupil_staff(session: AsyncSession, team: Team, pupil: Person) -> Sequence[Person]:
    """Who is told about one pupil: their mentor, else the team's coordinators."""
    assert team.id is not None and pupil.id is not None
    mentor = await people.mentor_of(session=session, pupil_id=pupil.id)
    if mentor is not None:
        return [mentor]
    return await people.team_members(session=session, team_id=team.id, role="coordinator")


async def urgent_staff(session: AsyncSession, team: Team, pupil: Person) -> Sequence[Person]:
    """Who is told at once about words of distress: the pupil's mentor and every coordinator."""
    assert team.id is not None and pupil.id is not None
    mentor = await people.mentor_of(session=session, pupil_id=pupil.id)
    coordinators = await people.team_members(session=session, team_id=team.id, role="coordinator")
    found = {p.id: p for p in [*coordinators, *([mentor] if mentor else [])] if p.id is not None}
    return list(found.values())
