"""The people in a team and how the bot reaches them: a member with a role, the 1:1 chat shared
by all teams a user is in, and the link from a pupil to their mentor.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import UniqueConstraint, false
from sqlmodel import Field, SQLModel

from domain.age import AgeBand
from domain.roles import MEMBER_ROLES
from storage.models.columns import one_of, timestamp


class Person(SQLModel, table=True):
    """A member of one team: pupil, mentor, coordinator, or not yet given a role."""

    __tablename__ = "person"
    __table_args__ = (
        UniqueConstraint("team_id", "teams_user_id", name="uq_person_team_user"),
        one_of("role", MEMBER_ROLES, name="ck_person_role", nullable=True),
        one_of("age_band", AgeBand, name="ck_person_age_band", nullable=True),
    )

    id: int | None = Field(default=None, primary_key=True)
    team_id: int = Field(foreign_key="team.id", ondelete="CASCADE", index=True)
    teams_user_id: str = Field(max_length=200, index=True)
    aad_object_id: str | None = Field(default=None, max_length=100)
    name: str = Field(default="", max_length=300)
    given_name: str | None = Field(default=None, max_length=200)
    role: str | None = Field(default=None, max_length=20)  # one of MEMBER_ROLES; None: not yet
    locale: str | None = Field(default=None, max_length=20)
    paused_until: date | None = None
    age_band: str | None = Field(default=None, max_length=10)  # None: the team's default
    # an English speaker has been told once what "OPP" stands for
    opp_explained: bool = Field(default=False, sa_column_kwargs={"server_default": false()})
    active: bool = Field(default=True)
    joined_at: datetime | None = timestamp()
    left_at: datetime | None = timestamp()


class PersonalChat(SQLModel, table=True):
    """The bot's 1:1 conversation with a Teams user; shared by all teams that user is in."""

    __tablename__ = "personal_chat"
    __table_args__ = (UniqueConstraint("teams_user_id", name="uq_personal_chat_user"),)

    id: int | None = Field(default=None, primary_key=True)
    teams_user_id: str = Field(max_length=200)
    tenant_id: str = Field(max_length=100)
    service_url: str = Field(max_length=500)
    conversation_id: str = Field(max_length=300)
    blocked_at: datetime | None = timestamp()
    updated_at: datetime | None = timestamp()


class MentorLink(SQLModel, table=True):
    """A pupil's fixed mentor; one mentor per pupil."""

    __tablename__ = "mentor_link"
    __table_args__ = (UniqueConstraint("pupil_id", name="uq_mentor_link_pupil"),)

    id: int | None = Field(default=None, primary_key=True)
    team_id: int = Field(foreign_key="team.id", ondelete="CASCADE", index=True)
    pupil_id: int = Field(foreign_key="person.id", ondelete="CASCADE")
    mentor_id: int = Field(foreign_key="person.id", ondelete="CASCADE", index=True)
    linked_by_id: int | None = Field(default=None, foreign_key="person.id", ondelete="SET NULL")
    linked_at: datetime | None = timestamp()
