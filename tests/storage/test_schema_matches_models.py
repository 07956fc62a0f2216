"""The migrations build exactly the tables the models describe (no drift between the two)."""

from __future__ import annotations

from typing import Any

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
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
