"""Where each claimed outbox row goes: a team channel, or a person's 1:1 chat.

Read for a whole batch of rows at once (teams, people and their chats in three queries). A row
whose team removed the bot, whose person left, or who blocked the bot goes nowhere, with the
reason, and is finished without a call.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlmodel.ext.asyncio.session import AsyncSession

from domain.recipient import Recipient
from storage import people, teams
from storage.models import Delivery


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
    jobs: list[Job] = []
    for row in rows:
        team = teams_by_id.get(row.team_id)
        if team is None or team.removed_at is not None:
            jobs.append(Job(row, None, "team not installed"))
            continue
        try:
            recipient = Recipient.parse(row.recipient)
        except ValueError:
            jobs.append(Job(row, None, "unknown recipient"))
            continue
        if recipient.nobody is not None:
            jobs.append(Job(row, None, "nobody to send to"))
            continue
        if recipient.channel_id is not None:
            target = Target(team.tenant_id, team.service_url, team.bot_id, recipient.channel_id)
            jobs.append(Job(row, target))
            continue
        person = persons.get(recipient.person_id) if recipient.person_id is not None else None
        if person is None or not person.active:
            jobs.append(Job(row, None, "person left the team"))
            continue
        chat = chats.get(person.teams_user_id)
        if chat is not None and chat.blocked_at is not None:
            jobs.append(Job(row, None, "person blocked the bot"))
            continue
        jobs.append(
            Job(
                row,
                Target(
                    tenant=team.tenant_id,
                    service_url=chat.service_url
                    if chat and chat.conversation_id
                    else team.service_url,
                    bot_id=team.bot_id,
                    conversation_id=(chat.conversation_id or None) if chat else None,
                    user_id=person.teams_user_id,
                    aad_object_id=person.aad_object_id,
                ),
            )
        )
    return jobs
