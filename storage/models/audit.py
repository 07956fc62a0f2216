"""The audit trail: who did what to whom, kept without free text so it holds no pupil's words."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, Column
from sqlmodel import Field, SQLModel

from storage.models.columns import timestamp


class AuditEvent(SQLModel, table=True):
    """Who did what to whom: reads of pupil data, role and link changes, settings. No free text."""

    __tablename__ = "audit_event"

    id: int | None = Field(default=None, primary_key=True)
    team_id: int | None = Field(default=None, foreign_key="team.id", ondelete="SET NULL")
    actor_id: int | None = Field(default=None, foreign_key="person.id", ondelete="SET NULL")
    subject_id: int | None = Field(default=None, foreign_key="person.id", ondelete="SET NULL")
    # Stable pseudonyms ("persoon-<id>") of actor and subject: the ids above are cleared when a
    # person is erased, these stay so the trail still reads as one (now unknown) person's acts.
    actor_ref: str | None = Field(default=None, max_length=40)
    subject_ref: str | None = Field(default=None, max_length=40)
    action: str = Field(max_length=50, index=True)
    details: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))
    at: datetime | None = timestamp(nullable=False)
