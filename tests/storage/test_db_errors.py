"""A database error's text names the statement, never the values bound to it."""

from __future__ import annotations

import pytest
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from storage.db import Database

SECRET = "Zwanenbloemvijver"


async def test_error_messages_hide_the_parameters(db: Database) -> None:
    with pytest.raises(DBAPIError) as caught:
        async with db.engine.begin() as conn:
            await conn.execute(
                text("INSERT INTO no_such_table (note) VALUES (:note)"), {"note": SECRET}
            )
    message = str(caught.value)
    assert "no_such_table" in message  # the statement is still there to debug with
    assert "parameters hidden" in message
    assert SECRET not in message


async def test_parameters_stay_hidden_when_a_caller_asks_otherwise(database_url: str) -> None:
    db = Database.from_url(database_url, hide_parameters=False)
    try:
        with pytest.raises(DBAPIError) as caught:
            async with db.engine.connect() as conn:
                await conn.execute(
                    text("SELECT * FROM no_such_table WHERE note = :n"), {"n": SECRET}
                )
        assert SECRET not in str(caught.value)
    finally:
        await db.close()
