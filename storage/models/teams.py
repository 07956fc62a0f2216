"""A class team's tables: the team with its settings and conversation reference, and the lists
it keeps of its own: free days, phrases of distress, and the phases of its trajectories.
"""

from __future__ import annotations

from datetime import date, datetime, time

from sqlalchemy import JSON, CheckConstraint, Column, UniqueConstraint
from sqlmodel import Field, SQLModel

from domain.age import AgeBand
from domain.calendar import LiberationDay, Region
from storage.models.columns import one_of, timestamp


class Team(SQLModel, table=True):
    """A class team the bot is installed in, with its settings and conversation reference."""

    __tablename__ = "team"
    __table_args__ = (
        UniqueConstraint("teams_id", name="uq_team_teams_id"),
        one_of("region", Region, name="ck_team_region"),
        one_of("liberation_day", LiberationDay, name="ck_team_liberation_day"),
        one_of("age_band", AgeBand, name="ck_team_age_band"),
    )

    id: int | None = Field(default=None, primary_key=True)
    teams_id: str = Field(max_length=200)
    tenant_id: str = Field(max_length=100, index=True)
    name: str = Field(default="", max_length=300)
    aad_group_id: str | None = Field(default=None, max_length=100)
    service_url: str = Field(max_length=500)
    bot_id: str = Field(max_length=200)
    bot_name: str = Field(default="", max_length=200)
    general_channel_id: str = Field(max_length=200)
    channels: list[dict[str, str]] = Field(default_factory=list, sa_column=Column(JSON))
    installed_by: str | None = Field(default=None, max_length=200)
    installed_at: datetime | None = timestamp()
    removed_at: datetime | None = timestamp()
    greeted_at: datetime | None = timestamp()

    start_time: time = Field(default=time(9, 0))
    close_time: time = Field(default=time(14, 45))
    reminder_time: time = Field(default=time(10, 0))
    mentor_list_time: time = Field(default=time(10, 30))
    region: str = Field(default="midden", max_length=10)
    class_channel_id: str | None = Field(default=None, max_length=200)
    coordinator_channel_id: str | None = Field(default=None, max_length=200)
    # A coordinators' channel that was refused because the team has pupils: its messages go to
    # each coordinator's 1:1 chat, and the coordinators are told once (then this is cleared).
    coordinator_channel_moved: str | None = Field(default=None, max_length=200)
    meeting_link: str | None = Field(default=None, max_length=1000)
    liberation_day: str = Field(default="lustrum", max_length=10)
    good_friday_off: bool = Field(default=False)
    opp_cycle_weeks: int = Field(default=8, sa_column_kwargs={"server_default": "8"})
    signal_missing_days: int = Field(default=2, sa_column_kwargs={"server_default": "2"})
    signal_mood_drop: float = Field(default=1.0, sa_column_kwargs={"server_default": "1.0"})
    signal_low_streak: int = Field(default=3, sa_column_kwargs={"server_default": "3"})
    signal_contact_days: int = Field(default=7, sa_column_kwargs={"server_default": "7"})
    signal_plan_days: int = Field(default=3, sa_column_kwargs={"server_default": "3"})
    behavioural_scientist: str | None = Field(default=None, max_length=200)
    # School hours a pupil's wish for contact may wait for their mentor before the coordinators
    # are asked to pick it up.
    contact_pickup_hours: int = Field(default=2, sa_column_kwargs={"server_default": "2"})
    # How many weeks may pass between two progress talks with a pupil (1–8).
    progress_talk_weeks: int = Field(default=1, sa_column_kwargs={"server_default": "1"})
    # the check-in a pupil without an age band of their own gets (domain.age.AgeBand)
    age_band: str = Field(
        default="midden", max_length=10, sa_column_kwargs={"server_default": "midden"}
    )


class TeamFreeDay(SQLModel, table=True):
    """A study day or other day off that a team adds to its calendar."""

    __tablename__ = "team_free_day"
    __table_args__ = (UniqueConstraint("team_id", "day", name="uq_team_free_day"),)

    id: int | None = Field(default=None, primary_key=True)
    team_id: int = Field(foreign_key="team.id", ondelete="CASCADE")
    day: date


class TeamPhrase(SQLModel, table=True):
    """A phrase of distress a team adds to the built-in list (lower case, as typed)."""

    __tablename__ = "team_phrase"
    __table_args__ = (UniqueConstraint("team_id", "phrase", name="uq_team_phrase"),)

    id: int | None = Field(default=None, primary_key=True)
    team_id: int = Field(foreign_key="team.id", ondelete="CASCADE", index=True)
    phrase: str = Field(max_length=200)
    added_by_id: int | None = Field(default=None, foreign_key="person.id", ondelete="SET NULL")
    added_at: datetime | None = timestamp(nullable=False)


class TeamPhase(SQLModel, table=True):
    """One of the phases a team names for its trajectories, in order."""

    __tablename__ = "team_phase"
    __table_args__ = (
        UniqueConstraint("team_id", "position", name="uq_team_phase_position"),
        CheckConstraint("position BETWEEN 1 AND 8", name="ck_team_phase_position"),
    )

    id: int | None = Field(default=None, primary_key=True)
    team_id: int = Field(foreign_key="team.id", ondelete="CASCADE")
    position: int
    name: str = Field(max_length=30)
