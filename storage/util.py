"""Small helpers shared by the query modules."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any

from sqlalchemy.dialects import postgresql, sqlite
from sqlmodel import SQLModel
from sqlmodel.ext.asyncio.session import AsyncSession


def utcnow() -> datetime:
    """Wall-clock UTC for bookkeeping columns (created_at); rules use the clock they are given."""
    return datetime.now(UTC)


def dialect_of(session: AsyncSession) -> str:
    """The SQL dialect name behind a session."""
    return session.get_bind().dialect.name


async def insert_ignoring_conflict(
    session: AsyncSession,
    model: type[SQLModel],
    *,
    values: dict[str, Any],
    conflict: Sequence[str],
) -> int | None:
    """Insert a row unless its natural key exists; the new id, or None when it was there."""
    table: Any = model.__table__  # type: ignore[attr-defined]
    if dialect_of(session) == "postgresql":
        stmt: Any = postgresql.insert(table).values(**values)
    else:
        stmt = sqlite.insert(table).values(**values)
    stmt = stmt.on_conflict_do_nothing(index_elements=list(conflict)).returning(table.c.id)
    result = await session.exec(stmt)
    row = result.first()
    return None if row is None else int(row[0])
