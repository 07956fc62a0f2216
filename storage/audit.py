"""The audit trail: ids and event names, never free text typed by people."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlmodel.ext.asyncio.session import AsyncSession

from storage.models import AuditEvent


async def record(
    *,
    session: AsyncSession,
    action: str,
    now: datetime,
    team_id: int | None = None,
    actor_id: int | None = None,
    subject_id: int | None = None,
    details: dict[str, Any] | None = None,
) -> None:
    """Append an audit event in the caller's transaction."""
    session.add(
        AuditEvent(
            team_id=team_id,
            actor_id=actor_id,
            subject_id=subject_id,
            action=action,
            details=details or {},
            at=now,
        )
    )
