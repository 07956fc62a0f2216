"""The audit trail: ids and event names, never free text typed by people."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import func
from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from storage.models import AuditEvent


def pseudonym(person_id: int | None) -> str | None:
    """A stable reference to a person that says nothing about them and outlives their erasure.

    The foreign keys of an audit line are cleared when a person is erased; this reference stays,
    so the trail can still tell that one and the same (now unknown) person did several things.
    """
    return None if person_id is None else f"persoon-{person_id}"


def _event(
    *,
    action: str,
    now: datetime,
    team_id: int | None,
    actor_id: int | None,
    subject_id: int | None,
    subject_ref: str | None,
    details: dict[str, Any] | None,
) -> AuditEvent:
    return AuditEvent(
        team_id=team_id,
        actor_id=actor_id,
        actor_ref=pseudonym(actor_id),
        subject_id=subject_id,
        subject_ref=subject_ref or pseudonym(subject_id),
        action=action,
        details=dict(details or {}),
        at=now,
    )


async def record(
    *,
    session: AsyncSession,
    action: str,
    now: datetime,
    team_id: int | None = None,
    actor_id: int | None = None,
    subject_id: int | None = None,
    subject_ref: str | None = None,
    details: dict[str, Any] | None = None,
) -> None:
    """Append an audit event in the caller's transaction.

    `subject_ref` is for a subject that no longer has a row (the erasure itself); otherwise the
    reference is made from `subject_id`.
    """
    session.add(
        _event(
            action=action,
            now=now,
            team_id=team_id,
            actor_id=actor_id,
            subject_id=subject_id,
            subject_ref=subject_ref,
            details=details,
        )
    )


async def record_each(
    *,
    session: AsyncSession,
    action: str,
    now: datetime,
    subject_ids: Iterable[int],
    team_id: int | None = None,
    actor_id: int | None = None,
    details: dict[str, Any] | None = None,
) -> int:
    """One event per subject (each once), added as one batch; returns how many were added.

    A read that showed nobody is still recorded, once and without a subject.
    """
    unique: list[int | None] = list(dict.fromkeys(subject_ids))
    events = [
        _event(
            action=action,
            now=now,
            team_id=team_id,
            actor_id=actor_id,
            subject_id=subject_id,
            subject_ref=None,
            details=details,
        )
        for subject_id in unique or [None]
    ]
    session.add_all(events)
    return len(events)


@dataclass
class Act:
    """One act in the trail: the events with the same action, actor and moment."""

    action: str
    at: datetime | None
    actor_ref: str | None
    actor_id: int | None = None
    subjects: list[tuple[int | None, str | None]] = field(default_factory=list)


async def latest_acts(
    *, session: AsyncSession, team_id: int, subject_id: int | None, limit: int
) -> list[Act]:
    """The latest `limit` acts of a team (about one person, if given), newest first."""
    conditions: list[Any] = [AuditEvent.team_id == team_id]
    if subject_id is not None:
        conditions.append(AuditEvent.subject_id == subject_id)
    # The actor's pseudonym stands for the actor: it is set whenever the actor id is, and stays
    # when the actor is erased.
    key = (col(AuditEvent.action), col(AuditEvent.at), col(AuditEvent.actor_ref))
    latest = func.max(AuditEvent.id).label("latest")
    groups = (
        await session.exec(
            select(*key, latest)
            .where(*conditions)
            .group_by(*key)
            .order_by(latest.desc())
            .limit(limit)
        )
    ).all()
    acts = {
        (action, at, actor_ref): Act(action, at, actor_ref) for action, at, actor_ref, _ in groups
    }
    if acts:
        events = await session.exec(
            select(AuditEvent)
            .where(*conditions, col(AuditEvent.at).in_({at for _, at, _ in acts}))
            .order_by(col(AuditEvent.id))
        )
        for event in events.all():
            act = acts.get((event.action, event.at, event.actor_ref))
            if act is None:
                continue
            act.actor_id = act.actor_id or event.actor_id
            subject = (event.subject_id, event.subject_ref)
            if subject != (None, None) and subject not in act.subjects:
                act.subjects.append(subject)
    return list(acts.values())


async def subject_events(
    *, session: AsyncSession, subject_id: int, actions: Iterable[str]
) -> Sequence[AuditEvent]:
    """The events of some actions about one person, oldest first (e.g. their pauses: the audit
    trail is the one record of when a pause was set and lifted)."""
    result = await session.exec(
        select(AuditEvent)
        .where(AuditEvent.subject_id == subject_id, col(AuditEvent.action).in_(list(actions)))
        .order_by(col(AuditEvent.at), col(AuditEvent.id))
    )
    return result.all()
