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
    counts = await _purge_days(session, now=now, cutoff=today - timedelta(days=checkin_days))
    counts["people"] = await _purge_people(
        session, left_before=now - timedelta(days=after_leaving_days)
    )
    counts["audit"] = await _rowcount(
        session, delete(AuditEvent).where(col(AuditEvent.at) < now - timedelta(days=audit_days))
    )
    return counts


async def _rowcount(session: AsyncSession, statement: Any) -> int:
    """How many rows a delete or update touched."""
    result: Any = await session.exec(statement)
    return int(result.rowcount or 0)


async def _purge_days(session: AsyncSession, *, now: datetime, cutoff: date) -> dict[str, int]:
    """The school days' records before `cutoff`, and the texts of messages sent long ago."""
    counts: dict[str, int] = {}

    async def run(name: str, statement: Any) -> None:
        counts[name] = await _rowcount(session, statement)

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
    return counts


async def _purge_people(session: AsyncSession, *, left_before: datetime) -> int:
    """Everything about the people who left before `left_before`; how many they were."""
    left = select(Person.id).where(col(Person.active).is_(False), col(Person.left_at) < left_before)
    gone = (await session.exec(left)).all()
    count = 0
    for person_id in gone:
        person = await session.get(Person, person_id)
        if person is not None:
            await _delete_person(session, person)
            count += 1
    return count


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
    # The rows that stay (what they wrote or did, audit lines about them) point to nobody.
    for table, reference in (
        (ContactLog, ContactLog.author_id),
        (OppEvaluation, OppEvaluation.author_id),
        (AuditEvent, AuditEvent.actor_id),
        (PupilAlert, PupilAlert.picked_up_by_id),
        (TeamPhrase, TeamPhrase.added_by_id),
        (AuditEvent, AuditEvent.subject_id),
    ):
        await session.exec(update(table).where(col(reference) == pid).values({reference: None}))
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
    return {
        "person": person.model_dump(mode="json"),
        **await _school_records(session, person),
        **await trajectories.export_pupil(session=session, pupil_id=person.id),
        **await _alerts_messages_and_reads(session, person.id),
    }


async def _where(
    session: AsyncSession, model: type[SQLModel], *conditions: Any, shown: Sequence[str] = ()
) -> list[dict[str, Any]]:
    """The rows of `model` that meet the conditions, as JSON-ready dicts: whole, or only the
    fields `shown`."""
    found = (await session.exec(select(model).where(*conditions))).all()
    dumped = [row.model_dump(mode="json") for row in found]
    return [{name: row[name] for name in shown} for row in dumped] if shown else dumped


async def _school_records(session: AsyncSession, person: Person) -> dict[str, Any]:
    """The person's chat and links, check-ins, contacts, OPP and signals."""
    pid = person.id
    chat = PersonalChat.teams_user_id == person.teams_user_id
    links = (MentorLink.pupil_id == pid) | (MentorLink.mentor_id == pid)
    return {
        "personal_chat": await _where(session, PersonalChat, chat),
        "mentor_links": await _where(session, MentorLink, links),
        "checkins": await _where(session, CheckIn, CheckIn.pupil_id == pid),
        "contacts_about": await _where(session, ContactLog, ContactLog.pupil_id == pid),
        "contacts_written": await _where(
            session,
            ContactLog,
            ContactLog.author_id == pid,
            ContactLog.pupil_id != pid,
            shown=("day", "kind", "pupil_id"),
        ),
        "opp_plan": await _where(session, OppPlan, OppPlan.pupil_id == pid),
        "opp_evaluations": await _where(session, OppEvaluation, OppEvaluation.pupil_id == pid),
        "opp_evaluations_written": await _where(
            session,
            OppEvaluation,
            OppEvaluation.author_id == pid,
            OppEvaluation.pupil_id != pid,
            shown=("day", "pupil_id"),
        ),
        "signals": await _where(session, PupilSignal, PupilSignal.pupil_id == pid),
    }


async def _alerts_messages_and_reads(session: AsyncSession, pid: int | None) -> dict[str, Any]:
    """The alerts about the person and those they picked up, the messages sent to them, and the
    audit lines about them and by them."""
    alert_fields = ("day", "kind", "wants_contact", "created_at", "picked_up_at", "escalated_at")
    about_fields = ("at", "action", "actor_id", "actor_ref", "details")
    return {
        # what they said that was brought to an adult (the words stay in the check-ins)
        "alerts": await _where(session, PupilAlert, PupilAlert.pupil_id == pid, shown=alert_fields),
        "alerts_picked_up": await _where(
            session,
            PupilAlert,
            PupilAlert.picked_up_by_id == pid,
            shown=("day", "kind", "pupil_id"),
        ),
        "messages_sent_to": await _where(
            session,
            Delivery,
            Delivery.person_id == pid,
            shown=("prompt", "day", "status", "sent_at"),
        ),
        "audit_about": await _where(
            session, AuditEvent, AuditEvent.subject_id == pid, shown=about_fields
        ),
        "audit_by": await _where(
            session, AuditEvent, AuditEvent.actor_id == pid, shown=("at", "action", "subject_id")
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
