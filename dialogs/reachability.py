"""When Teams will not let the bot reach someone: stop, and tell the people who work with them."""

from __future__ import annotations

import logging
from datetime import datetime

from sqlmodel.ext.asyncio.session import AsyncSession

from dialogs.alerts import alert_staff
from domain.delivery import Prompt
from domain.roles import Role
from storage import people
from storage.models import PersonalChat

logger = logging.getLogger(__name__)


async def mark_unreachable(
    session: AsyncSession,
    *,
    teams_user_id: str,
    tenant_id: str,
    service_url: str,
    now: datetime,
) -> bool:
    """Stop sending to a Teams user; the first time, tell their mentor (or coordinators).

    Returns whether this was news. The mark is lifted when the user talks to the bot again.
    """
    chat = await people.personal_chat(session=session, teams_user_id=teams_user_id)
    if chat is not None and chat.blocked_at is not None:
        return False
    if chat is None:  # never had a chat (the app was not installed for them): remember that too
        chat = PersonalChat(
            teams_user_id=teams_user_id,
            tenant_id=tenant_id,
            service_url=service_url,
            conversation_id="",
        )
    chat.blocked_at = now
    chat.updated_at = now
    session.add(chat)
    await session.flush()
    for person, team in await people.memberships(session=session, teams_user_id=teams_user_id):
        if person.role not in (Role.PUPIL, Role.MENTOR):
            continue  # coordinators see undelivered messages in their digest
        key = (
            "rhythm.unreachable.pupil" if person.role == Role.PUPIL else "rhythm.unreachable.staff"
        )
        await alert_staff(
            session,
            team=team,
            pupil=person,
            prompt=Prompt.UNREACHABLE,
            ref=f"person:{person.id}",
            key=key,
            values={"name": person.name},
            now=now,
        )
    logger.info("stopped sending to a user Teams cannot reach (person ids in the outbox)")
    return True
