"""Retention, export (inzage) and erasure: what the school must be able to show under the AVG."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import Text, cast, delete, update
from sqlmodel import SQLModel, col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from domain.delivery import DeliveryStatus
from domain.roles import Role
from storage import audit, trajectories
from storage.models import (
    AuditEvent,
    CardMessage,
    CheckIn,
    ContactLog,
    Delivery,
    MentorLink,
    OppEvaluation,
    OppPlan,
    Person,
    PersonalChat,
    PupilAlert,
    PupilSignal,
    TeamPhrase,
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
    await run("alerts", delete(PupilAlert).where(col(PupilAlert.day) < cutoff))
    await run("deliveries", delete(Delivery).where(col(Delivery.day) < cutoff))
    await run(
        "payloads",
        update(Delivery)
        .where(
            col(Delivery.status).in_(
                [DeliveryStatus.SENT, DeliveryStatus.FAILED, DeliveryStatus.CANCELLED]
            ),
            col(Delivery.created_at) < now - timedelta(days=PAYLOAD_DAYS),
            # only rows not emptied yet: an old row's activity id stays, its text goes
            cast(col(Delivery.payload), Text) != "{}",
        )
        .values(payload={}),
    )
    # Cards sent as replies: only their ids, kept while an answer to them may still come in.
    await run(
        "card_messages",
        delete(CardMessage).where(col(CardMessage.sent_at) < now - timedelta(days=PAYLOAD_DAYS)),
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
    await trajectories.erase_person(session=session, person_id=pid)
    for model, column in (
        (CheckIn, CheckIn.pupil_id),
        (ContactLog, ContactLog.pupil_id),
        (OppEvaluation, OppEvaluation.pupil_id),
        (OppPlan, OppPlan.pupil_id),
        (PupilSignal, PupilSignal.pupil_id),
        (PupilAlert, PupilAlert.pupil_id),
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
        update(PupilAlert)
        .where(col(PupilAlert.picked_up_by_id) == pid)
        .values(picked_up_by_id=None)
    )
    await session.exec(
        update(TeamPhrase).where(col(TeamPhrase.added_by_id) == pid).values(added_by_id=None)
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


def _rows(rows: Sequence[SQLModel], *fields: str) -> list[dict[str, Any]]:
    """Rows as JSON-ready dicts: whole, or only the named fields."""
    dumped = [row.model_dump(mode="json") for row in rows]
    if not fields:
        return dumped
    return [{name: row[name] for name in fields} for row in dumped]


async def export_person(*, session: AsyncSession, person: Person) -> dict[str, Any]:
    """What is stored about one person in one team, as JSON-ready data (inzageverzoek).

    Only the person's own data is given in full: their row, chat and links, their check-ins,
    and everything recorded *about* them (contacts, OPP, signals, reads of their data). A
    pupil's export therefore includes the notes their mentor wrote about them: under the AVG
    (art. 15) a data subject may see the personal data about them; whether an exception
    applies (UAVG art. 41) is for the coordinator to weigh before handing the export over.
    What the person wrote or received about *others* is shown only as date, kind and the other
    pupil's id, never as text or name; message payloads (which name other pupils in alerts and
    digests) are left out, and audit lines the person caused show action, time and subject id.
    """
    pid = person.id

    async def rows(model: type[SQLModel], *conditions: Any) -> Sequence[SQLModel]:
        return (await session.exec(select(model).where(*conditions))).all()

    return {
        "person": person.model_dump(mode="json"),
        "personal_chat": _rows(
            await rows(PersonalChat, PersonalChat.teams_user_id == person.teams_user_id)
        ),
        "mentor_links": _rows(
            await rows(MentorLink, (MentorLink.pupil_id == pid) | (MentorLink.mentor_id == pid))
        ),
        "checkins": _rows(await rows(CheckIn, CheckIn.pupil_id == pid)),
        "contacts_about": _rows(await rows(ContactLog, ContactLog.pupil_id == pid)),
        "contacts_written": _rows(
            await rows(ContactLog, ContactLog.author_id == pid, ContactLog.pupil_id != pid),
            "day",
            "kind",
            "pupil_id",
        ),
        "opp_plan": _rows(await rows(OppPlan, OppPlan.pupil_id == pid)),
        "opp_evaluations": _rows(await rows(OppEvaluation, OppEvaluation.pupil_id == pid)),
        "opp_evaluations_written": _rows(
            await rows(
                OppEvaluation, OppEvaluation.author_id == pid, OppEvaluation.pupil_id != pid
            ),
            "day",
            "pupil_id",
        ),
        "signals": _rows(await rows(PupilSignal, PupilSignal.pupil_id == pid)),
        **await trajectories.export_pupil(session=session, pupil_id=pid),
        # what they said that was brought to an adult (the words stay in the check-ins above)
        "alerts": _rows(
            await rows(PupilAlert, PupilAlert.pupil_id == pid),
            "day",
            "kind",
            "wants_contact",
            "created_at",
            "picked_up_at",
            "escalated_at",
        ),
        "alerts_picked_up": _rows(
            await rows(PupilAlert, PupilAlert.picked_up_by_id == pid),
            "day",
            "kind",
            "pupil_id",
        ),
        "messages_sent_to": _rows(
            await rows(Delivery, Delivery.person_id == pid), "prompt", "day", "status", "sent_at"
        ),
        "audit_about": _rows(
            await rows(AuditEvent, AuditEvent.subject_id == pid),
            "at",
            "action",
            "actor_id",
            "actor_ref",
            "details",
        ),
        "audit_by": _rows(
            await rows(AuditEvent, AuditEvent.actor_id == pid), "at", "action", "subject_id"
        ),
    }


async def others_named(
    *, session: AsyncSession, person: Person, export: dict[str, Any]
) -> list[int]:
    """The other pupils an export names by id (contacts and evaluations written, links, reads)."""
    ids: set[int] = set()
    for key, field in (
        ("contacts_written", "pupil_id"),
        ("opp_evaluations_written", "pupil_id"),
        ("mentor_links", "pupil_id"),
        ("audit_by", "subject_id"),
    ):
        ids.update(row[field] for row in export.get(key, []) if isinstance(row.get(field), int))
    ids.discard(person.id or 0)
    if not ids:
        return []
    found = await session.exec(
        select(Person.id).where(
            col(Person.id).in_(ids), Person.team_id == person.team_id, Person.role == Role.PUPIL
        )
    )
    return sorted(pupil_id for pupil_id in found.all() if pupil_id is not None)


async def erase_person(*, session: AsyncSession, person: Person) -> None:
    """Remove a person and everything stored about them (the caller audits that it happened)."""
    await _delete_person(session, person)


async def audited_export(
    *,
    session: AsyncSession,
    person: Person,
    team_id: int,
    now: datetime,
    actor_id: int | None = None,
    details: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """The export of one person, with its audit lines: the export itself, and one for every
    other pupil it names by id (that is still something about them)."""
    data = await export_person(session=session, person=person)
    await audit.record(
        session=session,
        action="person.exported",
        now=now,
        team_id=team_id,
        actor_id=actor_id,
        subject_id=person.id,
        details=details,
    )
    named = await others_named(session=session, person=person, export=data)
    if named:
        await audit.record_each(
            session=session,
            action="export.named",
            now=now,
            team_id=team_id,
            actor_id=actor_id,
            subject_ids=named,
            details={"export_of": person.id, **(details or {})},
        )
    return data
