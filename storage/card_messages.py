"""The cards a reply may replace: those the bot sent in that conversation, recorded as sent."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from storage.models import CardMessage, Delivery


async def record(
    *, session: AsyncSession, conversation_id: str, activity_ids: Sequence[str], now: datetime
) -> None:
    """Remember cards the bot just sent as replies in a conversation."""
    known = set(
        (
            await session.exec(
                select(CardMessage.activity_id).where(
                    CardMessage.conversation_id == conversation_id,
                    col(CardMessage.activity_id).in_(activity_ids),
                )
            )
        ).all()
    )
    for activity_id in dict.fromkeys(activity_ids):
        if activity_id not in known:
            session.add(
                CardMessage(conversation_id=conversation_id, activity_id=activity_id, sent_at=now)
            )


async def is_ours(*, session: AsyncSession, conversation_id: str, activity_id: str) -> bool:
    """Whether the bot sent this activity in this conversation (as a reply or a delivery)."""
    reply = await session.exec(
        select(CardMessage.id).where(
            CardMessage.conversation_id == conversation_id,
            CardMessage.activity_id == activity_id,
        )
    )
    if reply.first() is not None:
        return True
    delivered = await session.exec(
        select(Delivery.id).where(
            Delivery.conversation_id == conversation_id, Delivery.activity_id == activity_id
        )
    )
    return delivered.first() is not None
