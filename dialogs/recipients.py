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

from cards.catalogue import t
from cards.confirmations import Reader
from dialogs.outbox_rows import Destination, message_now
from dialogs.teamcal import class_channel
from domain.delivery import Prompt
from domain.roles import Role
from storage import deliveries, people
from storage.models import Person, Team

logger = logging.getLogger(__name__)


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
    coordinators = await people.team_members(
        session=session, team_id=team.id, role=Role.COORDINATOR
    )
    channel = team.coordinator_channel_id
    if channel and await channel_refusal(session, team, channel) is not None:
        logger.warning("team %s: the coordinators' channel has pupils; moved to 1:1 chats", team.id)
        team.coordinator_channel_moved = channel
        team.coordinator_channel_id = None
        session.add(team)
    if team.coordinator_channel_moved:
        await _tell_moved(session, team, coordinators, now=now)
    if team.coordinator_channel_id:
        return [Destination.channel(team.coordinator_channel_id)]
    return [Destination.chat_of(c) for c in coordinators]


async def _tell_moved(
    session: AsyncSession, team: Team, coordinators: Sequence[Person], *, now: datetime
) -> None:
    """Tell each coordinator, once, that their messages now come in their 1:1 chat."""
    assert team.id is not None
    rows = [
        message_now(
            Prompt.COORDINATOR_CHANNEL_MOVED,
            team_id=team.id,
            to=to,
            now=now,
            ref=f"team-{team.id}",
            text=t("coordinator_channel_moved", to.lang),
        )
        for to in map(Destination.chat_of, coordinators)
    ]
    await deliveries.enqueue(session=session, deliveries=rows, now=now)
    logger.info("team %s: coordinators told that their channel moved", team.id)
    team.coordinator_channel_moved = None
    session.add(team)


@dataclass(frozen=True)
class PupilStaff:
    """The adults told about one pupil: their mentor, else the team's coordinators."""

    mentor: Person | None
    coordinators: Sequence[Person] = ()

    @property
    def people(self) -> list[Person]:
        """Everyone told, the mentor alone when the pupil has one."""
        return [self.mentor] if self.mentor is not None else list(self.coordinators)

    @property
    def reader(self) -> Reader | None:
        """Who reads about the pupil, as the pupil's card says it: the mentor, the school, or
        nobody yet."""
        if self.mentor is not None:
            return "mentor"
        return "school" if self.coordinators else None


async def staff_of(session: AsyncSession, team: Team, pupil: Person) -> PupilStaff:
    """The adults told about one pupil: their mentor, else the team's coordinators."""
    assert team.id is not None and pupil.id is not None
    mentor = await people.mentor_of(session=session, pupil_id=pupil.id)
    if mentor is not None:
        return PupilStaff(mentor=mentor)
    coordinators = await people.team_members(
        session=session, team_id=team.id, role=Role.COORDINATOR
    )
    return PupilStaff(mentor=None, coordinators=coordinators)


async def pupil_staff(session: AsyncSession, team: Team, pupil: Person) -> list[Destination]:
    """Who is told about one pupil, each in their 1:1 chat: their mentor, else the team's
    coordinators."""
    staff = await staff_of(session, team, pupil)
    return [Destination.chat_of(person) for person in staff.people]


async def urgent_staff(session: AsyncSession, team: Team, pupil: Person) -> list[Destination]:
    """Who is told at once about words of distress, each in their 1:1 chat: the pupil's mentor
    and every coordinator."""
    assert team.id is not None and pupil.id is not None
    mentor = await people.mentor_of(session=session, pupil_id=pupil.id)
    coordinators = await people.team_members(
        session=session, team_id=team.id, role=Role.COORDINATOR
    )
    found = {p.id: p for p in [*coordinators, *([mentor] if mentor else [])] if p.id is not None}
    return [Destination.chat_of(p) for p in found.values()]
