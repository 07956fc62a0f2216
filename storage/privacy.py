"""Retention, export (inzage) and erasure: what the school must be able to show under the AVG."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import Text, cast, delete, update
from sqlmodel import SQLModel, col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from storage.models import (
    AuditEvent,
    CheckIn,
    ContactLog,
    Delivery,
    MentorLink,
    OppEvaluation,
    OppPlan,
    Person,
    PersonalChat,
    PupilSignal,
)

# Sent messages keep their bookkeeping, but not their text, after this long.
PAYLOAD_DAYS = 14


async def purge(
    *,
    session: AsyncSession,
    now: datetime,
    today: date,
    checkin_days: int,
    after_leaving_days: int,
    audit_days: int,
) -> dict[str, int]:
    """Delete what is past its retention period; returns how many rows of each kind went."""
    counts: dict[str, int] = {}

    async def run(name: str, statement: Any) -> None:
        result: Any = await session.exec(statement)
        counts[name] = int(result.rowcount or 0)

    cutoff = today - timedelta(days=checkin_days)
    await run("checkins", delete(CheckIn).where(col(CheckIn.day) < cutoff))
    await run("signals", delete(PupilSignal).where(col(PupilSignal.since) < cutoff))
    await run("deliveries", delete(Delivery).where(col(Delivery.day) < cutoff))
    await run(
        "payloads",
        update(Delivery)
        .where(
            col(Delivery.status).in_(["sent", "failed", "cancelled"]),
            col(Delivery.created_at) < now - timedelta(days=PAYLOAD_DAYS),
            # only rows not emptied yet: an old row's activity id stays, its text goes
            cast(col(Delivery.payload), Text) != "{}",
        )
        .values(payload={}),
    )
    left_before = now - timedelta(days=after_leaving_days)
    gone = (
        await session.exec(
            select(Person.id).where(
                col(Person.active).is_(False), col(Person.left_at) < left_before
            )
        )
    ).all()
    counts["people"] = 0
    for person_id in gone:
        person = await session.get(Person, person_id)
        if person is not None:
            await _delete_person(session, person)
            counts["people"] += 1
    await run(
        "audit", delete(AuditEvent).where(col(AuditEvent.at) < now - timedelta(days=audit_days))
    )
    return counts


async def _delete_person(session: AsyncSession, person: Person) -> None:
    """Remove a person and everything about them (the tables cascade; we do it explicitly so
    that it does not depend on the database's foreign key settings)."""
    pid = person.id
    for model, column in (
        (CheckIn, CheckIn.pupil_id),
        (ContactLog, ContactLog.pupil_id),
        (OppEvaluation, OppEvaluation.pupil_id),
        (OppPlan, OppPlan.pupil_id),
        (PupilSignal, PupilSignal.pupil_id),
        (MentorLink, MentorLink.pupil_id),
        (MentorLink, MentorLink.mentor_id),
        (Delivery, Delivery.person_id),
    ):
        await session.exec(delete(model).where(col(column) == pid))
    await session.exec(
        update(ContactLog).where(col(ContactLog.author_id) == pid).values(author_id=None)
    )
    await session.exec(
        update(OppEvaluation).where(col(OppEvaluation.author_id) == pid).values(author_id=None)
    )
    await session.exec(
        update(AuditEvent).where(col(AuditEvent.actor_id) == pid).values(actor_id=None)
    )
    await session.exec(
        update(AuditEvent).where(col(AuditEvent.subject_id) == pid).values(subject_id=None)
    )
    others = (
        await session.exec(
            select(Person.id).where(
                Person.teams_user_id == person.teams_user_id, col(Person.id) != pid
            )
        )
    ).all()
    if not others:
        await session.exec(
            delete(PersonalChat).where(col(PersonalChat.teams_user_id) == person.teams_user_id)
        )
    await session.delete(person)
    await session.flush()


def _rows(rows: Sequence[SQLModel]) -> list[dict[str, Any]]:
    return [row.model_dump(mode="json") for row in rows]


async def export_person(*, session: AsyncSession, person: Person) -> dict[str, Any]:
    """Everything stored about one person in one team, as JSON-ready data (inzageverzoek)."""
    pid = person.id

    async def rows(model: type[SQLModel], *conditions: Any) -> list[dict[str, Any]]:
        return _rows((await session.exec(select(model).where(*conditions))).all())

    return {
        "person": person.model_dump(mode="json"),
        "personal_chat": await rows(
            PersonalChat, PersonalChat.teams_user_id == person.teams_user_id
        ),
        "mentor_links": await rows(
            MentorLink, (MentorLink.pupil_id == pid) | (MentorLink.mentor_id == pid)
        ),
        "checkins": await rows(CheckIn, CheckIn.pupil_id == pid),
        "contacts_about": await rows(ContactLog, ContactLog.pupil_id == pid),
        "contacts_written": await rows(ContactLog, ContactLog.author_id == pid),
        "opp_plan": await rows(OppPlan, OppPlan.pupil_id == pid),
        "opp_evaluations": await rows(OppEvaluation, OppEvaluation.pupil_id == pid),
        "signals": await rows(PupilSignal, PupilSignal.pupil_id == pid),
        "messages_sent_to": await rows(Delivery, Delivery.person_id == pid),
        "audit_about": await rows(AuditEvent, AuditEvent.subject_id == pid),
        "audit_by": await rows(AuditEvent, AuditEvent.actor_id == pid),
    }


async def erase_person(*, session: AsyncSession, person: Person) -> None:
    """Remove a person and everything stored about them (the caller audits that it happened)."""
    await _delete_person(session, person)
