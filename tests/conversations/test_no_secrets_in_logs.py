"""What a pupil typed never reaches a log line, not even when the database refuses to store it."""

from __future__ import annotations

import logging

import pytest
from sqlalchemy import text
from sqlmodel import select

from storage.models import CheckIn, Team
from tests.conversations.conftest import Classroom
from tests.conversations.test_daily_rhythm import MONDAY, local

SECRET = "Zwanenbloemvijver"  # a word that appears nowhere but in the pupil's goal

# Ways to make the real database refuse the check-in row. A CHECK violation is the sharpest
# test on PostgreSQL: its error DETAIL quotes the whole failing row. SQLite cannot add a CHECK
# to a table, so a trigger stands in for it there.
REFUSE = {
    ("sqlite", "check"): [
        "CREATE TRIGGER refuse_all BEFORE INSERT ON checkin WHEN NEW.mood >= 0 "
        "BEGIN SELECT RAISE(ABORT, 'CHECK constraint failed: refuse_all'); END",
    ],
    ("sqlite", "trigger"): [
        "CREATE TRIGGER refuse_checkin BEFORE INSERT ON checkin "
        "BEGIN SELECT RAISE(ABORT, 'refused by the test'); END",
    ],
    ("sqlite", "missing table"): ["ALTER TABLE checkin RENAME TO checkin_away"],
    ("postgresql", "check"): [
        "ALTER TABLE checkin ADD CONSTRAINT refuse_all CHECK (mood < 0) NOT VALID",
    ],
    ("postgresql", "trigger"): [
        # The error message itself quotes the row: only a log line without it stays clean.
        "CREATE FUNCTION refuse_checkin() RETURNS trigger LANGUAGE plpgsql AS "
        "$$ BEGIN RAISE EXCEPTION 'refused by the test: %', NEW.goals; END $$",
        "CREATE TRIGGER refuse_checkin BEFORE INSERT ON checkin "
        "FOR EACH ROW EXECUTE FUNCTION refuse_checkin()",
    ],
    ("postgresql", "missing table"): ["ALTER TABLE checkin RENAME TO checkin_away"],
}
UNDO = {
    ("sqlite", "check"): ["DROP TRIGGER refuse_all"],
    ("sqlite", "trigger"): ["DROP TRIGGER refuse_checkin"],
    ("sqlite", "missing table"): ["ALTER TABLE checkin_away RENAME TO checkin"],
    ("postgresql", "check"): ["ALTER TABLE checkin DROP CONSTRAINT refuse_all"],
    ("postgresql", "trigger"): [
        "DROP TRIGGER refuse_checkin ON checkin",
        "DROP FUNCTION refuse_checkin()",
    ],
    ("postgresql", "missing table"): ["ALTER TABLE checkin_away RENAME TO checkin"],
}


async def _execute(room: Classroom, statements: list[str]) -> None:
    async with room.bot.db.engine.begin() as conn:
        for statement in statements:
            await conn.execute(text(statement))
    await room.bot.db.engine.dispose()  # no pooled connection keeps an old view of the schema


def rendered(caplog: pytest.LogCaptureFixture) -> str:
    """Every captured record as a handler would write it: message, arguments and traceback."""
    formatter = logging.Formatter("%(name)s %(levelname)s %(message)s")
    parts = []
    for record in caplog.records:
        parts.append(formatter.format(record))
        parts.append(repr(record.args))
        if record.exc_info:
            parts.append(formatter.formatException(record.exc_info))
            exc = record.exc_info[1]
            while exc is not None:  # the chained causes, as an error tracker would show them
                parts.append(repr(exc))
                exc = exc.__cause__ or exc.__context__
    return "\n".join(parts)


@pytest.mark.parametrize("how", ["check", "trigger", "missing table"])
async def test_a_refused_checkin_logs_nothing_the_pupil_typed(
    classroom: Classroom, caplog: pytest.LogCaptureFixture, backend: str, how: str
) -> None:
    room = classroom
    await room.bot.tick(local(MONDAY, 9, 0))
    async with room.bot.db.session() as session:
        team = (await session.exec(select(Team))).one()
    await _execute(room, REFUSE[backend, how])
    caplog.set_level(logging.DEBUG)  # the root logger and our handler: everything
    chat = room.chat(room.pupils[0])
    value = {
        "verb": "checkin.submit",
        "day": MONDAY.isoformat(),
        "team": team.id,
        "mood": "2",
        "goal1": f"{SECRET} oefenen",
        "goal2": SECRET.lower(),
        "contact": "true",
    }
    before = len(room.connector.requests)
    posted = await chat.submit(value)

    assert posted.status < 500, posted
    replies = chat.replies_since(before)
    assert replies and any("er is niets opgeslagen" in reply for reply in replies), replies
    assert any(r.name == "bot.handler" and r.levelno >= logging.ERROR for r in caplog.records), (
        "the database error must be logged (without its parameters)"
    )
    log = rendered(caplog)
    assert SECRET.lower() not in log.lower()
    assert SECRET.lower() not in posted.body.lower()

    await _execute(room, UNDO[backend, how])
    async with room.bot.db.session() as session:
        assert (await session.exec(select(CheckIn))).all() == []  # nothing half-written
