"""Upgrading keeps data: each migration runs on a database that already holds rows."""

from __future__ import annotations

import asyncio
import os
import uuid
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.engine import make_url

from storage.db import create_engine, upgrade
from tests.conftest import _admin


async def _execute(url: str, statement: str) -> list[tuple[object, ...]]:
    engine = create_engine(url)
    try:
        async with engine.begin() as conn:
            result = await conn.execute(text(statement))
            return [tuple(row) for row in result.all()] if result.returns_rows else []
    finally:
        await engine.dispose()


def _upgrade_with_data(url: str) -> None:
    upgrade(url, "0002")
    asyncio.run(
        _execute(
            url,
            "INSERT INTO team (teams_id, tenant_id, name, service_url, bot_id, bot_name,"
            " general_channel_id,"
            " start_time, close_time, reminder_time, mentor_list_time, region, liberation_day,"
            " good_friday_off) VALUES ('19:t', 'x', 'Groep 1', 'http://s/', '28:b', 'D', '19:t',"
            " '09:00:00', '14:45:00', '10:00:00', '10:30:00', 'zuid', 'lustrum', false)",
        )
    )
    upgrade(url)
    rows = asyncio.run(_execute(url, "SELECT name, region, opp_cycle_weeks FROM team"))
    assert rows == [("Groep 1", "zuid", 8)]


def test_upgrade_keeps_rows_on_sqlite(tmp_path: Path) -> None:
    _upgrade_with_data(f"sqlite+aiosqlite:///{tmp_path / 'old.sqlite3'}")


def test_upgrade_keeps_rows_on_postgresql() -> None:
    base = os.environ.get("TEST_DATABASE_URL")
    if not base:
        pytest.skip("TEST_DATABASE_URL is not set")
    name = f"dagritme_migrate_{uuid.uuid4().hex[:8]}"
    asyncio.run(_admin(base, f'CREATE DATABASE "{name}"'))
    try:
        _upgrade_with_data(make_url(base).set(database=name).render_as_string(hide_password=False))
    finally:
        asyncio.run(_admin(base, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
