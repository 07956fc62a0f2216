"""Queries about people: team members, roles, mentor links, personal chats, pauses."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.orm import aliased
from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from domain.roles import Role
from storage.models import MentorLink, Person, PersonalChat, Team
from storage.util import insert_once


@dataclass(frozen=True)
class MemberInfo:
    """What Teams tells about a member."""

    teams_user_id: str
    name: str
    aad_object_id: str | None = None
    given_name: str | None = None


async def get_person(*, session: AsyncSession, person_id: int) -> Person | None:
    """A person by our id."""
    return await session.get(Person, person_id)


async def by_ids(*, session: AsyncSession, ids: Collection[int]) -> dict[int, Person]:
    """People by our id (those that exist)."""
    if not ids:
        return {}
    found = await session.exec(select(Person).where(col(Person.id).in_(ids)))
    return {person.id: person for person in found.all() if person.id is not None}


async def chats_of(
    *, session: AsyncSession, teams_user_ids: Collection[str]
) -> dict[str, PersonalChat]:
    """The known 1:1 chats with the bot of these Teams users, by user id."""
    if not teams_user_ids:
        return {}
    found = await session.exec(
        select(PersonalChat).where(col(PersonalChat.teams_user_id).in_(teams_user_ids))
    )
    return {chat.teams_user_id: chat for chat in found.all()}


async def find_member(*, session: AsyncSession, team_id: int, teams_user_id: str) -> Person | None:
    """A team's member by Teams user id (also someone who has left)."""
    result = await session.exec(
        select(Person).where(Person.team_id == team_id, Person.teams_user_id == teams_user_id)
    )
    return result.first()


async def upsert_member(
    *, session: AsyncSession, team_id: int, member: MemberInfo, now: datetime
) -> tuple[Person, bool]:
    """Store or refresh a team member; a returning member becomes active again."""
    person = await find_member(session=session, team_id=team_id, teams_user_id=member.teams_user_id)
    created = person is None
    if person is None:
        person = Person(team_id=team_id, teams_user_id=member.teams_user_id, joined_at=now)
    person.name = member.name or person.name
    person.aad_object_id = member.aad_object_id or person.aad_object_id
    person.given_name = member.given_name or person.given_name
    if not person.active:
        person.active = True
        person.left_at = None
    session.add(person)
    await session.flush()
    return person, created


async def mark_left(
    *, session: AsyncSession, team_id: int, teams_user_id: str, now: datetime
) -> Person | None:
    """A member left the team: keep their history, stop addressing them."""
    person = await find_member(session=session, team_id=team_id, teams_user_id=teams_user_id)
    if person is not None and person.active:
        person.active = False
        person.left_at = now
        session.add(person)
        await session.flush()
    return person


async def memberships(
    *, session: AsyncSession, teams_user_id: str
) -> Sequence[tuple[Person, Team]]:
    """Every active membership of a Teams user in a team that has the bot installed."""
    result = await session.exec(
        select(Person, Team)
        .join(Team, col(Team.id) == col(Person.team_id))
        .where(
            Person.teams_user_id == teams_user_id,
            col(Person.active).is_(True),
            col(Team.removed_at).is_(None),
        )
        .order_by(col(Person.id))
    )
    return result.all()


async def team_members(
    *, session: AsyncSession, team_id: int, role: Role | None = None, active: bool = True
) -> Sequence[Person]:
    """A team's members, optionally of one role, by name."""
    query = select(Person).where(Person.team_id == team_id)
    if active:
        query = query.where(col(Person.active).is_(True))
    if role is not None:
        query = query.where(Person.role == role)
    result = await session.exec(query.order_by(col(Person.name), col(Person.id)))
    return result.all()


async def names_in_team(
    *, session: AsyncSession, team_id: int, ids: set[int | None]
) -> dict[int | None, str]:
    """The names of the people of a team among `ids` (erased people have none)."""
    wanted = [person_id for person_id in ids if person_id is not None]
    if not wanted:
        return {}
    found = await session.exec(
        select(Person).where(col(Person.id).in_(wanted), Person.team_id == team_id)
    )
    return {person.id: person.name for person in found.all()}


async def has_pupils(*, session: AsyncSession, team_id: int) -> bool:
    """Whether a team has a pupil among its current members."""
    result = await session.exec(
        select(Person.id)
        .where(Person.team_id == team_id, Person.role == Role.PUPIL, col(Person.active).is_(True))
        .limit(1)
    )
    return result.first() is not None


async def mentor_of(*, session: AsyncSession, pupil_id: int) -> Person | None:
    """A pupil's mentor, if linked and still in the team."""
    result = await session.exec(
        select(Person)
        .join(MentorLink, col(MentorLink.mentor_id) == col(Person.id))
        .where(MentorLink.pupil_id == pupil_id, col(Person.active).is_(True))
    )
    return result.first()


async def mentor_map(*, session: AsyncSession, team_id: int) -> dict[int, Person]:
    """pupil id -> mentor for a whole team."""
    mentor = aliased(Person)
    result = await session.exec(
        select(MentorLink.pupil_id, mentor)
        .join(mentor, col(mentor.id) == col(MentorLink.mentor_id))
        .where(MentorLink.team_id == team_id)
    )
    return {pupil_id: m for pupil_id, m in result.all()}


async def pupils_of(*, session: AsyncSession, mentor_id: int) -> Sequence[Person]:
    """A mentor's active pupils, by name."""
    result = await session.exec(
        select(Person)
        .join(MentorLink, col(MentorLink.pupil_id) == col(Person.id))
        .where(MentorLink.mentor_id == mentor_id, col(Person.active).is_(True))
        .order_by(col(Person.name))
    )
    return result.all()


async def link_mentor(
    *, session: AsyncSession, pupil: Person, mentor: Person, by: Person | None, now: datetime
) -> Person | None:
    """Make `mentor` the pupil's mentor; returns the previous mentor, if another."""
    assert pupil.id is not None and mentor.id is not None
    result = await session.exec(select(MentorLink).where(MentorLink.pupil_id == pupil.id))
    link = result.first()
    previous = None
    if link is None:
        link = MentorLink(team_id=pupil.team_id, pupil_id=pupil.id, mentor_id=mentor.id)
    elif link.mentor_id != mentor.id:
        previous = await session.get(Person, link.mentor_id)
    link.mentor_id = mentor.id
    link.linked_by_id = by.id if by else None
    link.linked_at = now
    session.add(link)
    await session.flush()
    return previous


async def unlink_pupil(*, session: AsyncSession, pupil_id: int) -> None:
    """Remove a pupil's mentor link (when the pupil is no longer a pupil)."""
    result = await session.exec(select(MentorLink).where(MentorLink.pupil_id == pupil_id))
    for link in result.all():
        await session.delete(link)
    await session.flush()


async def unlink_mentor(*, session: AsyncSession, mentor_id: int) -> Sequence[int]:
    """Remove every link to a mentor who is no longer a mentor; returns the pupils' ids."""
    result = await session.exec(select(MentorLink).where(MentorLink.mentor_id == mentor_id))
    links = result.all()
    for link in links:
        await session.delete(link)
    await session.flush()
    return [link.pupil_id for link in links]


async def personal_chat(*, session: AsyncSession, teams_user_id: str) -> PersonalChat | None:
    """The bot's 1:1 conversation with a user, if it has one."""
    result = await session.exec(
        select(PersonalChat).where(PersonalChat.teams_user_id == teams_user_id)
    )
    return result.first()


async def reachable_aad_ids(*, session: AsyncSession, tenant_id: str, limit: int = 3) -> list[str]:
    """Entra ids of people in a tenant the bot has a working 1:1 chat with, latest first."""
    result = await session.exec(
        select(Person.aad_object_id, PersonalChat.updated_at)
        .join(PersonalChat, col(PersonalChat.teams_user_id) == col(Person.teams_user_id))
        .where(
            PersonalChat.tenant_id == tenant_id,
            col(PersonalChat.blocked_at).is_(None),
            col(PersonalChat.conversation_id) != "",
            col(Person.aad_object_id).is_not(None),
        )
        .order_by(col(PersonalChat.updated_at).desc().nulls_last())
        .limit(limit * 4)  # someone in several teams is listed once per team
    )
    found: list[str] = []
    for aad_object_id, _ in result.all():
        if aad_object_id and aad_object_id not in found:
            found.append(aad_object_id)
    return found[:limit]


async def remember_personal_chat(
    *,
    session: AsyncSession,
    teams_user_id: str,
    tenant_id: str,
    service_url: str,
    conversation_id: str,
    now: datetime,
) -> PersonalChat:
    """Store (or refresh) the conversation reference of a user's 1:1 chat with the bot.

    Two messages to someone the bot has not talked to yet may open the chat at the same moment;
    the second finds the first one's row instead of failing on the unique user id.
    """
    chat = await personal_chat(session=session, teams_user_id=teams_user_id)
    if chat is None:
        chat, created = await insert_once(
            session,
            PersonalChat,
            values={
                "teams_user_id": teams_user_id,
                "tenant_id": tenant_id,
                "service_url": service_url,
                "conversation_id": conversation_id,
                "updated_at": now,
            },
            conflict=("teams_user_id",),
        )
        if created:
            return chat
    changed = (
        chat.conversation_id != conversation_id
        or chat.service_url != service_url
        or chat.blocked_at is not None
        or chat.id is None
    )
    if changed:
        chat.conversation_id = conversation_id
        chat.service_url = service_url
        chat.tenant_id = tenant_id
        chat.blocked_at = None
        chat.updated_at = now
        session.add(chat)
        await session.flush()
    return chat
