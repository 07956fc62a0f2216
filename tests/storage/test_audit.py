"""The audit trail on SQLite and PostgreSQL: one batch per read, pseudonyms that outlive erasure."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import event
from sqlmodel import col, select

from storage import audit, privacy
from storage.db import Database
from storage.models import AuditEvent, ContactLog, Delivery, Person, Team
from tests.storage.test_storage import NOW, _pupil, _team


async def _class_of(db: Database, team: Team, size: int) -> list[int]:
    """`size` pupils in the team; their ids."""
    ids = []
    for n in range(size):
        pupil = await _pupil(db, team, user=f"29:p{n}")
        assert pupil.id is not None
        ids.append(pupil.id)
    return ids


async def test_a_read_of_ninety_pupils_is_one_flush(db: Database) -> None:
    team = await _team(db)
    pupils = await _class_of(db, team, 91)
    reader, shown = pupils[0], pupils[1:]
    inserts: list[str] = []
    flushes: list[int] = []

    def count(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        if statement.lstrip().upper().startswith("INSERT INTO AUDIT_EVENT"):
            inserts.append(statement)

    event.listen(db.engine.sync_engine, "before_cursor_execute", count)
    try:
        async with db.session() as session:
            event.listen(session.sync_session, "after_flush", lambda *_: flushes.append(1))
            added = await audit.record_each(
                session=session,
                action="pupils.viewed",
                now=NOW,
                team_id=team.id,
                actor_id=reader,
                subject_ids=[*shown, shown[0]],  # a pupil shown twice is recorded once
            )
    finally:
        event.remove(db.engine.sync_engine, "before_cursor_execute", count)
    assert added == 90
    assert len(flushes) == 1
    if db.dialect == "postgresql":
        # One statement for all rows. SQLite has no ordered RETURNING for a batch, so there
        # SQLAlchemy inserts the rows one by one inside that one flush.
        assert len(inserts) == 1
    async with db.session() as session:
        events = (await session.exec(select(AuditEvent))).all()
    assert sorted(e.subject_id or 0 for e in events) == shown
    assert {e.actor_ref for e in events} == {f"persoon-{reader}"}
    assert all(e.subject_ref == f"persoon-{e.subject_id}" for e in events)


async def test_a_read_that_showed_nobody_is_recorded_once(db: Database) -> None:
    team = await _team(db)
    async with db.session() as session:
        added = await audit.record_each(
            session=session, action="digest.viewed", now=NOW, team_id=team.id, subject_ids=[]
        )
    assert added == 1
    async with db.session() as session:
        (only,) = (await session.exec(select(AuditEvent))).all()
    assert (only.subject_id, only.subject_ref, only.actor_ref) == (None, None, None)


async def test_erasure_clears_the_ids_but_keeps_the_pseudonyms(db: Database) -> None:
    team = await _team(db)
    mentor_id, pupil_id = await _class_of(db, team, 2)
    async with db.session() as session:
        await audit.record(
            session=session,
            action="pupil.viewed",
            now=NOW,
            team_id=team.id,
            actor_id=mentor_id,
            subject_id=pupil_id,
        )
    async with db.session() as session:
        for person_id in (mentor_id, pupil_id):
            person = await session.get(Person, person_id)
            assert person is not None
            await privacy.erase_person(session=session, person=person)
    async with db.session() as session:
        (line,) = (
            await session.exec(select(AuditEvent).where(col(AuditEvent.action) == "pupil.viewed"))
        ).all()
    assert (line.actor_id, line.subject_id) == (None, None)
    assert (line.actor_ref, line.subject_ref) == (f"persoon-{mentor_id}", f"persoon-{pupil_id}")


async def test_an_export_gives_others_only_by_date_kind_and_id(db: Database) -> None:
    team = await _team(db)
    mentor_id, pupil_id = await _class_of(db, team, 2)
    assert team.id is not None
    async with db.session() as session:
        session.add(
            ContactLog(
                team_id=team.id,
                pupil_id=pupil_id,
                author_id=mentor_id,
                day=date(2026, 11, 23),
                kind="bellen",
                minutes=15,
                note="Thuis is het moeilijk",
                source="seed:1",
                created_at=NOW,
            )
        )
        session.add(
            Delivery(
                team_id=team.id,
                person_id=mentor_id,
                prompt="alert",
                day=date(2026, 11, 23),
                recipient=f"person:{mentor_id}",
                payload={"text": "Sanne de Vries voelt zich niet goed"},
                not_before=NOW,
                created_at=NOW,
            )
        )
    async with db.session() as session:
        mentor = await session.get(Person, mentor_id)
        pupil = await session.get(Person, pupil_id)
        assert mentor is not None and pupil is not None
        written = await privacy.export_person(session=session, person=mentor)
        about = await privacy.export_person(session=session, person=pupil)
        named = await privacy.others_named(session=session, person=mentor, export=written)
    assert written["contacts_written"] == [
        {"day": "2026-11-23", "kind": "bellen", "pupil_id": pupil_id}
    ]
    assert written["messages_sent_to"] == [
        {"prompt": "alert", "day": "2026-11-23", "status": "pending", "sent_at": None}
    ]
    assert "moeilijk" not in str(written) and "voelt" not in str(written)
    assert named == [pupil_id]
    assert about["contacts_about"][0]["note"] == "Thuis is het moeilijk"
    assert about["contacts_written"] == []
