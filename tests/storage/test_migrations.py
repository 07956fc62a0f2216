"""Upgrading keeps data: each migration runs on a database that already holds rows."""

from __future__ import annotations

import asyncio
import os
import uuid
from collections.abc import Callable
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


def on_fresh_postgresql(check: Callable[[str], None]) -> None:
    """Run a migration check on a new, empty PostgreSQL database, dropped afterwards."""
    base = os.environ.get("TEST_DATABASE_URL")
    if not base:
        pytest.skip("TEST_DATABASE_URL is not set")
    name = f"dagritme_migrate_{uuid.uuid4().hex[:8]}"
    asyncio.run(_admin(base, f'CREATE DATABASE "{name}"'))
    try:
        check(make_url(base).set(database=name).render_as_string(hide_password=False))
    finally:
        asyncio.run(_admin(base, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))


def test_upgrade_keeps_rows_on_sqlite(tmp_path: Path) -> None:
    _upgrade_with_data(f"sqlite+aiosqlite:///{tmp_path / 'old.sqlite3'}")


def test_upgrade_keeps_rows_on_postgresql() -> None:
    on_fresh_postgresql(_upgrade_with_data)


def _coordinator_channels_move_out_of_class_teams(url: str) -> None:
    """0007: a coordinators' channel in a team with pupils is moved aside; elsewhere it stays."""
    upgrade(url, "0006")
    team = (
        "INSERT INTO team (id, teams_id, tenant_id, name, service_url, bot_id, bot_name,"
        " general_channel_id, coordinator_channel_id, start_time, close_time, reminder_time,"
        " mentor_list_time, region, liberation_day, good_friday_off) VALUES ({id}, '19:t{id}',"
        " 'x', 'T', 'http://s/', '28:b', 'D', '19:t{id}', '19:coord{id}', '09:00:00', '14:45:00',"
        " '10:00:00', '10:30:00', 'zuid', 'lustrum', false)"
    )
    person = (
        "INSERT INTO person (team_id, teams_user_id, name, role, active)"
        " VALUES ({team}, '29:{user}', 'P', '{role}', {active})"
    )
    for statement in (
        team.format(id=1),  # a class: pupils read along
        team.format(id=2),  # staff only
        team.format(id=3),  # its only pupil has left
        person.format(team=1, user="a", role="pupil", active="true"),
        person.format(team=1, user="b", role="coordinator", active="true"),
        person.format(team=2, user="c", role="coordinator", active="true"),
        person.format(team=3, user="d", role="pupil", active="false"),
    ):
        asyncio.run(_execute(url, statement))
    upgrade(url)
    rows = asyncio.run(
        _execute(
            url,
            "SELECT id, coordinator_channel_id, coordinator_channel_moved FROM team ORDER BY id",
        )
    )
    assert rows == [(1, None, "19:coord1"), (2, "19:coord2", None), (3, "19:coord3", None)]


def test_coordinator_channels_move_out_of_class_teams_on_sqlite(tmp_path: Path) -> None:
    _coordinator_channels_move_out_of_class_teams(f"sqlite+aiosqlite:///{tmp_path / 'c.sqlite3'}")


def test_coordinator_channels_move_out_of_class_teams_on_postgresql() -> None:
    on_fresh_postgresql(_coordinator_channels_move_out_of_class_teams)
