"""Where each claimed outbox row goes: a team channel, or a person's 1:1 chat.

Read for a whole batch of rows at once (teams, people and their chats in three queries). A row
whose team removed the bot, whose person left, or who blocked the bot goes nowhere, with the
reason, and is finished without a call.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from domain.recipient import Recipient
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
    team_ids = {row.team_id for row in rows}
    person_ids = {row.person_id for row in rows if row.person_id is not None}
    found_teams = await session.exec(select(Team).where(col(Team.id).in_(team_ids)))
    teams = {team.id: team for team in found_teams.all()}
    persons: dict[int | None, Person] = {}
    if person_ids:
        found = await session.exec(select(Person).where(col(Person.id).in_(person_ids)))
        persons = {person.id: person for person in found.all()}
    user_ids = {person.teams_user_id for person in persons.values()}
    chats: dict[str, PersonalChat] = {}
    if user_ids:
        found_chats = await session.exec(
            select(PersonalChat).where(col(PersonalChat.teams_user_id).in_(user_ids))
        )
        chats = {chat.teams_user_id: chat for chat in found_chats.all()}
    jobs: list[Job] = []
    for row in rows:
        team = teams.get(row.team_id)
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
        person = persons.get(row.person_id)
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
