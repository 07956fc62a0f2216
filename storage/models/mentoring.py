"""What mentors record about their pupils: contacts, the OPP cycle and its evaluations, and a
pupil's trajectory back to school with the phases it went through.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import JSON, CheckConstraint, Column, Index, UniqueConstraint
from sqlmodel import Field, SQLModel

from domain.contacts import ContactKind
from storage.models.columns import one_of, timestamp


class ContactLog(SQLModel, table=True):
    """A mentor's contact with (or about) a pupil; `source` makes a repeated message harmless."""

    __tablename__ = "contact_log"
    __table_args__ = (
        UniqueConstraint("author_id", "source", name="uq_contact_log_source"),
        one_of("kind", ContactKind, name="ck_contact_log_kind"),
        CheckConstraint("minutes IS NULL OR minutes BETWEEN 1 AND 720", name="ck_contact_minutes"),
        Index("ix_contact_log_pupil_day", "pupil_id", "day"),
    )

    id: int | None = Field(default=None, primary_key=True)
    team_id: int = Field(foreign_key="team.id", ondelete="CASCADE", index=True)
    pupil_id: int = Field(foreign_key="person.id", ondelete="CASCADE")
    author_id: int | None = Field(default=None, foreign_key="person.id", ondelete="SET NULL")
    day: date
    kind: str = Field(max_length=20)
    minutes: int | None = None
    note: str | None = Field(default=None, max_length=1000)
    # What mentor and pupil agreed on in a progress talk; shown until the next talk.
    agreements: str | None = Field(default=None, max_length=1000)
    source: str = Field(max_length=200)
    created_at: datetime | None = timestamp(nullable=False)
    updated_at: datetime | None = timestamp()


class OppPlan(SQLModel, table=True):
    """A pupil's OPP cycle (ontwikkelingsperspectiefplan): start and evaluation interval."""

    __tablename__ = "opp_plan"
    __table_args__ = (
        UniqueConstraint("pupil_id", name="uq_opp_plan_pupil"),
        CheckConstraint(
            "cycle_weeks IS NULL OR cycle_weeks BETWEEN 1 AND 52", name="ck_opp_plan_cycle"
        ),
    )

    id: int | None = Field(default=None, primary_key=True)
    team_id: int = Field(foreign_key="team.id", ondelete="CASCADE", index=True)
    pupil_id: int = Field(foreign_key="person.id", ondelete="CASCADE")
    start_date: date
    cycle_weeks: int | None = None
    created_at: datetime | None = timestamp(nullable=False)
    updated_at: datetime | None = timestamp()


class OppEvaluation(SQLModel, table=True):
    """One OPP evaluation that took place: when, with whom, and a short note."""

    __tablename__ = "opp_evaluation"
    __table_args__ = (
        UniqueConstraint("author_id", "source", name="uq_opp_evaluation_source"),
        Index("ix_opp_evaluation_pupil_day", "pupil_id", "day"),
    )

    id: int | None = Field(default=None, primary_key=True)
    team_id: int = Field(foreign_key="team.id", ondelete="CASCADE", index=True)
    pupil_id: int = Field(foreign_key="person.id", ondelete="CASCADE")
    author_id: int | None = Field(default=None, foreign_key="person.id", ondelete="SET NULL")
    day: date
    participants: list[str] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    note: str | None = Field(default=None, max_length=1000)
    source: str = Field(max_length=200)
    created_at: datetime | None = timestamp(nullable=False)


class Trajectory(SQLModel, table=True):
    """A pupil's path back to school: when it started and, once ended, how."""

    __tablename__ = "trajectory"
    __table_args__ = (
        UniqueConstraint("pupil_id", name="uq_trajectory_pupil"),
        CheckConstraint(
            "outcome IS NULL OR outcome IN ('school', 'elsewhere', 'other')",
            name="ck_trajectory_outcome",
        ),
        CheckConstraint(
            "(ended_on IS NULL) = (outcome IS NULL)", name="ck_trajectory_ended_with_outcome"
        ),
    )

    id: int | None = Field(default=None, primary_key=True)
    team_id: int = Field(foreign_key="team.id", ondelete="CASCADE", index=True)
    pupil_id: int = Field(foreign_key="person.id", ondelete="CASCADE")
    started_on: date
    ended_on: date | None = None
    outcome: str | None = Field(default=None, max_length=20)
    created_at: datetime | None = timestamp(nullable=False)
    updated_at: datetime | None = timestamp()


class TrajectoryPhase(SQLModel, table=True):
    """A phase a pupil entered on a day. The phase is kept by name, so a team that renames its
    phases later still reads its history as it was.
    """

    __tablename__ = "trajectory_phase"
    __table_args__ = (
        UniqueConstraint("trajectory_id", "started_on", name="uq_trajectory_phase_day"),
    )

    id: int | None = Field(default=None, primary_key=True)
    trajectory_id: int = Field(foreign_key="trajectory.id", ondelete="CASCADE")
    phase: str = Field(max_length=30)
    started_on: date
    author_id: int | None = Field(default=None, foreign_key="person.id", ondelete="SET NULL")
    created_at: datetime | None = timestamp(nullable=False)
