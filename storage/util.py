"""Small helpers shared by the query modules."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, TypeVar

from sqlalchemy.dialects import postgresql, sqlite
from sqlmodel import SQLModel, select
from sqlmodel.ext.asyncio.session import AsyncSession

Row = TypeVar("Row", bound=SQLModel)


def dialect_of(session: AsyncSession) -> str:
    """The SQL dialect name behind a session."""
    return session.get_bind().dialect.name


def table_of(model: type[SQLModel]) -> Any:
    """A table model's SQLAlchemy table (SQLModel sets `__table__` without declaring it)."""
    return model.__table__  # type: ignore[attr-defined]


def upsert_for(session: AsyncSession) -> Any:
    """The dialect's INSERT that can take ON CONFLICT (PostgreSQL's or SQLite's)."""
    return postgresql.insert if dialect_of(session) == "postgresql" else sqlite.insert


async def insert_ignoring_conflict(
    session: AsyncSession,
    model: type[SQLModel],
    *,
    values: dict[str, Any],
    conflict: Sequence[str],
) -> int | None:
    """Insert a row unless its natural key exists; the new id, or None when it was there."""
    table = table_of(model)
    stmt = upsert_for(session)(table).values(**values)
    stmt = stmt.on_conflict_do_nothing(index_elements=list(conflict)).returning(table.c.id)
    result = await session.exec(stmt)
    row = result.first()
    return None if row is None else int(row[0])


async def insert_once(
    session: AsyncSession, model: type[Row], *, values: dict[str, Any], conflict: Sequence[str]
) -> tuple[Row, bool]:
    """Insert a row unless its natural key exists; (the row, whether it is new)."""
    new_id = await insert_ignoring_conflict(session, model, values=values, conflict=conflict)
    if new_id is not None:
        row = await session.get(model, new_id)
        assert row is not None
        return row, True
    query = select(model)
    for column in conflict:
        query = query.where(getattr(model, column) == values[column])
    return (await session.exec(query)).one(), False
