"""Queries about a team's own phrases of distress (added to the built-in list by a coordinator)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlmodel import col, delete, select
from sqlmodel.ext.asyncio.session import AsyncSession

from storage.models import TeamPhrase
from storage.util import insert_once


async def team_phrases(*, session: AsyncSession, team_id: int) -> Sequence[TeamPhrase]:
    """A team's own phrases, in the order they were added."""
    result = await session.exec(
        select(TeamPhrase)
        .where(TeamPhrase.team_id == team_id)
        .order_by(col(TeamPhrase.added_at), col(TeamPhrase.id))
    )
    return result.all()


async def add_phrase(
    *, session: AsyncSession, team_id: int, phrase: str, added_by_id: int | None, now: datetime
) -> tuple[TeamPhrase, bool]:
    """Add a phrase once per team; (the stored one, whether it is new)."""
    return await insert_once(
        session,
        TeamPhrase,
        values={"team_id": team_id, "phrase": phrase, "added_by_id": added_by_id, "added_at": now},
        conflict=("team_id", "phrase"),
    )


async def remove_phrase(*, session: AsyncSession, team_id: int, phrase_id: int) -> None:
    """Remove one of a team's phrases."""
    await session.exec(
        delete(TeamPhrase).where(
            col(TeamPhrase.team_id) == team_id, col(TeamPhrase.id) == phrase_id
        )
    )
