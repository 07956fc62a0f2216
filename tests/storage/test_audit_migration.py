"""Migration 0006 gives the audit lines already there their pseudonyms."""

from __future__ import annotations

import asyncio
from pathlib import Path

from storage.db import upgrade
from tests.storage.test_migrations import _execute, on_fresh_postgresql

ROWS = [
    "INSERT INTO team (id, teams_id, tenant_id, name, service_url, bot_id, bot_name,"
    " general_channel_id, channels, start_time, close_time, reminder_time, mentor_list_time,"
    " region, liberation_day, good_friday_off) VALUES (1, '19:t', 'x', 'Groep 1', 'http://s/',"
    " '28:b', 'D', '19:t', '[]', '09:00:00', '14:45:00', '10:00:00', '10:30:00', 'zuid',"
    " 'lustrum', false)",
    "INSERT INTO person (id, team_id, teams_user_id, name, role, active)"
    " VALUES (5, 1, '29:m', 'Fatima el Amrani', 'mentor', true)",
    "INSERT INTO person (id, team_id, teams_user_id, name, role, active)"
    " VALUES (7, 1, '29:s', 'Sanne de Vries', 'pupil', true)",
    # a mentor's read of a pupil
    "INSERT INTO audit_event (id, team_id, actor_id, subject_id, action, details, at)"
    " VALUES (1, 1, 5, 7, 'pupil.history_read', '{}', '2026-11-23 10:00:00')",
    # the retention job: no actor, no subject
    "INSERT INTO audit_event (id, team_id, actor_id, subject_id, action, details, at)"
    " VALUES (2, NULL, NULL, NULL, 'retention.purged', '{\"checkins\": 3}',"
    " '2026-11-23 11:00:00')",
    # an erasure of person 9, who is gone: named only in the details
    "INSERT INTO audit_event (id, team_id, actor_id, subject_id, action, details, at)"
    " VALUES (3, 1, 5, NULL, 'person.erased', '{\"person_id\": 9}', '2026-11-23 12:00:00')",
]


def _backfills(url: str) -> None:
    upgrade(url, "0005")
    for statement in ROWS:
        asyncio.run(_execute(url, statement))
    upgrade(url, "0006")
    rows = asyncio.run(
        _execute(url, "SELECT id, actor_ref, subject_ref FROM audit_event ORDER BY id")
    )
    assert rows == [
        (1, "persoon-5", "persoon-7"),
        (2, None, None),
        (3, "persoon-5", "persoon-9"),
    ]
    upgrade(url)  # and whatever follows still applies on top


def test_upgrade_from_0005_backfills_pseudonyms_on_sqlite(tmp_path: Path) -> None:
    _backfills(f"sqlite+aiosqlite:///{tmp_path / 'old.sqlite3'}")


def test_upgrade_from_0005_backfills_pseudonyms_on_postgresql() -> None:
    on_fresh_postgresql(_backfills)
