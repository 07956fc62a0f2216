"""What comes from a pupil and what it raises: a check-in, an alert their mentor must act on,
and an early signal that stays open while its rule holds.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import JSON, CheckConstraint, Column, Index, UniqueConstraint
from sqlmodel import Field, SQLModel

from storage.models.columns import timestamp

CHECKIN_KINDS = ("start", "close")


class CheckIn(SQLModel, table=True):
    """One pupil's answer to the day start or day close card; one per pupil, day and kind."""

    __tablename__ = "checkin"
    __table_args__ = (
        UniqueConstraint("pupil_id", "day", "kind", name="uq_checkin_pupil_day_kind"),
        CheckConstraint("kind IN ('start', 'close')", name="ck_checkin_kind"),
        CheckConstraint("mood BETWEEN 1 AND 5", name="ck_checkin_mood"),
        CheckConstraint("energy IS NULL OR energy BETWEEN 1 AND 3", name="ck_checkin_energy"),
        Index("ix_checkin_team_day", "team_id", "day"),
    )

    id: int | None = Field(default=None, primary_key=True)
    team_id: int = Field(foreign_key="team.id", ondelete="CASCADE")
    pupil_id: int = Field(foreign_key="person.id", ondelete="CASCADE")
    day: date
    kind: str = Field(max_length=10)
    mood: int
    energy: int | None = None
    goals: list[str] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    goal_status: list[str | None] = Field(
        default_factory=list, sa_column=Column(JSON, nullable=False)
    )
    wants_contact: bool = Field(default=False)
    note: str | None = Field(default=None, max_length=2000)
    feeling: str | None = Field(default=None, max_length=30)  # a word of the band's vocabulary
    created_at: datetime | None = timestamp(nullable=False)


class PupilAlert(SQLModel, table=True):
    """Something a pupil said that their mentor must see and act on: a check-in that needs
    attention, words they asked to send, or words of distress. Holds no text: the words stay in
    the check-in, or only in the message that carried them.
    """

    __tablename__ = "pupil_alert"
    __table_args__ = (
        UniqueConstraint("pupil_id", "source", name="uq_pupil_alert_source"),
        CheckConstraint(
            "kind IN ('checkin_start', 'checkin_close', 'message', 'distress')",
            name="ck_pupil_alert_kind",
        ),
        Index("ix_pupil_alert_team_day", "team_id", "day"),
    )

    id: int | None = Field(default=None, primary_key=True)
    team_id: int = Field(foreign_key="team.id", ondelete="CASCADE")
    pupil_id: int = Field(foreign_key="person.id", ondelete="CASCADE")
    day: date
    kind: str = Field(max_length=20)
    source: str = Field(max_length=200)  # e.g. "checkin:12", "message:<activity id>"
    wants_contact: bool = Field(default=False)
    created_at: datetime | None = timestamp(nullable=False)
    picked_up_at: datetime | None = timestamp()
    picked_up_by_id: int | None = Field(default=None, foreign_key="person.id", ondelete="SET NULL")
    escalated_at: datetime | None = timestamp()


class PupilSignal(SQLModel, table=True):
    """An early signal about a pupil: open until the rule no longer holds."""

    __tablename__ = "pupil_signal"
    __table_args__ = (
        UniqueConstraint("pupil_id", "kind", "since", name="uq_pupil_signal"),
        Index("ix_pupil_signal_team_open", "team_id", "resolved_at"),
    )

    id: int | None = Field(default=None, primary_key=True)
    team_id: int = Field(foreign_key="team.id", ondelete="CASCADE")
    pupil_id: int = Field(foreign_key="person.id", ondelete="CASCADE")
    kind: str = Field(max_length=30)
    since: date
    detail: str = Field(default="", max_length=50)
    detected_at: datetime | None = timestamp(nullable=False)
    resolved_at: datetime | None = timestamp()
