"""The migrations build exactly the tables the models describe (no drift between the two)."""

from __future__ import annotations

from typing import Any

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import CheckConstraint, text
from sqlmodel import SQLModel

import storage.models  # noqa: F401  (the tables on the metadata)
from storage.db import Database


async def test_migrated_schema_matches_the_models(db: Database) -> None:
    def differences(connection: Any) -> list[Any]:
        context = MigrationContext.configure(connection, opts={"compare_type": False})
        return compare_metadata(context, SQLModel.metadata)

    async with db.engine.connect() as connection:
        found = await connection.run_sync(differences)
    assert found == []


@pytest.mark.backends("sqlite")
async def test_every_check_is_the_one_the_migrations_wrote(db: Database) -> None:
    # compare_metadata does not look at CHECK constraints; SQLite keeps their text as written.
    async with db.engine.connect() as connection:
        result = await connection.execute(text("SELECT name, sql FROM sqlite_master"))
        schema = {name: sql for name, sql in result.all()}
    checks = [
        (table.name, check)
        for table in SQLModel.metadata.sorted_tables
        for check in table.constraints
        if isinstance(check, CheckConstraint)
    ]
    assert len(checks) == 16
    for table, check in checks:
        assert f"CONSTRAINT {check.name} CHECK ({check.sqltext})" in schema[table]
