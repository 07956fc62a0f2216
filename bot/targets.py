"""Where each claimed outbox row goes: a team channel, or a person's 1:1 chat.

Read for a whole batch of rows at once (teams, people and their chats in three queries). A row
whose team removed the bot, whose person left, or who blocked the bot goes nowhere, with the
reason, and is finished without a call.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from sqlmodel.ext.asyncio.session import AsyncSession

from domain.recipient import Recipient
from storage import people, teams
from storage.models import Delivery, Person, PersonalChat, Team


@dataclass(frozen=True)
class Target:
    """Where a row goes: a channel, or a person's 1:1 chat (opened on first use)."""

    tenant: str
    service_url: str
    bot_id: str
    conversation_id: str | None
    user_id: str | None = None
    aad_object_id: str | None = None


@dataclass
class Job:
    """A claimed row and where it goes (None: nowhere, with the reason)."""

    row: Delivery
    target: Target | None
    unreachable: str | None = None


async def jobs_for(session: AsyncSession, rows: list[Delivery]) -> list[Job]:
    """Where each claimed row goes, read for the whole batch at once."""
    teams_by_id = await teams.by_ids(session=session, ids={row.team_id for row in rows})
    persons = await people.by_ids(
        session=session, ids={row.person_id for row in rows if row.person_id is not None}
    )
    chats = await people.chats_of(
        session=session, teams_user_ids={person.teams_user_id for person in persons.values()}
    )
    return [_job(row, teams_by_id.get(row.team_id), persons, chats) for row in rows]


def _job(
    row: Delivery,
    team: Team | None,
    persons: Mapping[int, Person],
    chats: Mapping[str, PersonalChat],
) -> Job:
    """Where one row goes: its team's channel or a person's chat, else nowhere and why."""
    if team is None or team.removed_at is not None:
        return Job(row, None, "team not installed")
    try:
        recipient = Recipient.parse(row.recipient)
    except ValueError:
        return Job(row, None, "unknown recipient")
    if recipient.nobody is not None:
        return Job(row, None, "nobody to send to")
    if recipient.channel_id is not None:
        target = Target(team.tenant_id, team.service_url, team.bot_id, recipient.channel_id)
        return Job(row, target)
    person = persons.get(recipient.person_id) if recipient.person_id is not None else None
    if person is None or not person.active:
        return Job(row, None, "person left the team")
    chat = chats.get(person.teams_user_id)
    if chat is not None and chat.blocked_at is not None:
        return Job(row, None, "person blocked the bot")
    return Job(
        row,
        Target(
            tenant=team.tenant_id,
            service_url=chat.service_url if chat and chat.conversation_id else team.service_url,
            bot_id=team.bot_id,
            conversation_id=(chat.conversation_id or None) if chat else None,
            user_id=person.teams_user_id,
            aad_object_id=person.aad_object_id,
        ),
    )
