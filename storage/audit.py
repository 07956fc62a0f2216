"""The audit trail: ids and event names, never free text typed by people."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from typing import Any

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
