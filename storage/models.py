"""The tables. Natural keys carry unique constraints so a retried event cannot add a second row."""

from __future__ import annotations

from datetime import date, datetime, time
from typing import Any

from sqlalchemy import JSON, CheckConstraint, Column, Index, UniqueConstraint, false
from sqlmodel import Field, SQLModel

from storage.types import UTCDateTime

ROLES = ("pupil", "mentor", "coordinator")
CHECKIN_KINDS = ("start", "close")
DELIVERY_STATES = ("pending", "sending", "sent", "failed", "cancelled")


def _ts(*, nullable: bool = True, index: bool = False) -> Any:
    return Field(default=None, sa_column=Column(UTCDateTime(), nullable=nullable, index=index))


class Team(SQLModel, table=True):
    """A class team the bot is installed in, with its settings and conversation reference."""

    __tablename__ = "team"
    __table_args__ = (
        UniqueConstraint("teams_id", name="uq_team_teams_id"),
        CheckConstraint("region IN ('noord', 'midden', 'zuid')", name="ck_team_region"),
        CheckConstraint(
            "liberation_day IN ('lustrum', 'altijd', 'nooit')", name="ck_team_liberation_day"
        ),
        CheckConstraint("age_band IN ('jong', 'midden', 'oud')", name="ck_team_age_band"),
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
    installed_at: datetime | None = _ts()
    removed_at: datetime | None = _ts()
    greeted_at: datetime | None = _ts()

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


class Person(SQLModel, table=True):
    """A member of one team: pupil, mentor, coordinator, or not yet given a role."""

    __tablename__ = "person"
    __table_args__ = (
        UniqueConstraint("team_id", "teams_user_id", name="uq_person_team_user"),
        CheckConstraint(
            "role IS NULL OR role IN ('pupil', 'mentor', 'coordinator')", name="ck_person_role"
        ),
        CheckConstraint(
            "age_band IS NULL OR age_band IN ('jong', 'midden', 'oud')", name="ck_person_age_band"
        ),
    )

    id: int | None = Field(default=None, primary_key=True)
    team_id: int = Field(foreign_key="team.id", ondelete="CASCADE", index=True)
    teams_user_id: str = Field(max_length=200, index=True)
    aad_object_id: str | None = Field(default=None, max_length=100)
    name: str = Field(default="", max_length=300)
    given_name: str | None = Field(default=None, max_length=200)
    role: str | None = Field(default=None, max_length=20)
    locale: str | None = Field(default=None, max_length=20)
    paused_until: date | None = None
    age_band: str | None = Field(default=None, max_length=10)  # None: the team's default
    # an English speaker has been told once what "OPP" stands for
    opp_explained: bool = Field(default=False, sa_column_kwargs={"server_default": false()})
    active: bool = Field(default=True)
    joined_at: datetime | None = _ts()
    left_at: datetime | None = _ts()


class PersonalChat(SQLModel, table=True):
    """The bot's 1:1 conversation with a Teams user; shared by all teams that user is in."""

    __tablename__ = "personal_chat"
    __table_args__ = (UniqueConstraint("teams_user_id", name="uq_personal_chat_user"),)

    id: int | None = Field(default=None, primary_key=True)
    teams_user_id: str = Field(max_length=200)
    tenant_id: str = Field(max_length=100)
    service_url: str = Field(max_length=500)
    conversation_id: str = Field(max_length=300)
    blocked_at: datetime | None = _ts()
    updated_at: datetime | None = _ts()


class MentorLink(SQLModel, table=True):
    """A pupil's fixed mentor; one mentor per pupil."""

    __tablename__ = "mentor_link"
    __table_args__ = (UniqueConstraint("pupil_id", name="uq_mentor_link_pupil"),)

    id: int | None = Field(default=None, primary_key=True)
    team_id: int = Field(foreign_key="team.id", ondelete="CASCADE", index=True)
    pupil_id: int = Field(foreign_key="person.id", ondelete="CASCADE")
    mentor_id: int = Field(foreign_key="person.id", ondelete="CASCADE", index=True)
    linked_by_id: int | None = Field(default=None, foreign_key="person.id", ondelete="SET NULL")
    linked_at: datetime | None = _ts()


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
    created_at: datetime | None = _ts(nullable=False)


class TeamPhrase(SQLModel, table=True):
    """A phrase of distress a team adds to the built-in list (lower case, as typed)."""

    __tablename__ = "team_phrase"
    __table_args__ = (UniqueConstraint("team_id", "phrase", name="uq_team_phrase"),)

    id: int | None = Field(default=None, primary_key=True)
    team_id: int = Field(foreign_key="team.id", ondelete="CASCADE", index=True)
    phrase: str = Field(max_length=200)
    added_by_id: int | None = Field(default=None, foreign_key="person.id", ondelete="SET NULL")
    added_at: datetime | None = _ts(nullable=False)


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
    created_at: datetime | None = _ts(nullable=False)
    picked_up_at: datetime | None = _ts()
    picked_up_by_id: int | None = Field(default=None, foreign_key="person.id", ondelete="SET NULL")
    escalated_at: datetime | None = _ts()


class CardMessage(SQLModel, table=True):
    """A card the bot sent in a person's chat as a reply; only such a card may be replaced later.

    (Cards sent through the outbox are recorded on their delivery row.)
    """

    __tablename__ = "card_message"
    __table_args__ = (
        UniqueConstraint("conversation_id", "activity_id", name="uq_card_message_activity"),
    )

    id: int | None = Field(default=None, primary_key=True)
    conversation_id: str = Field(max_length=300)
    activity_id: str = Field(max_length=300)
    sent_at: datetime | None = _ts(nullable=False, index=True)


class Delivery(SQLModel, table=True):
    """The outbox: one proactive message, written by the scheduler and sent by the worker."""

    __tablename__ = "delivery"
    __table_args__ = (
        UniqueConstraint("prompt", "day", "recipient", "ref", name="uq_delivery_natural"),
        CheckConstraint(
            "status IN ('pending', 'sending', 'sent', 'failed', 'cancelled')",
            name="ck_delivery_status",
        ),
        Index("ix_delivery_due", "status", "not_before"),
        Index("ix_delivery_activity", "activity_id"),
    )

    id: int | None = Field(default=None, primary_key=True)
    team_id: int = Field(foreign_key="team.id", ondelete="CASCADE", index=True)
    person_id: int | None = Field(default=None, foreign_key="person.id", ondelete="CASCADE")
    prompt: str = Field(max_length=50)
    day: date
    recipient: str = Field(max_length=300)
    ref: str = Field(default="", max_length=100)
    payload: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))
    status: str = Field(default="pending", max_length=20)
    attempts: int = Field(default=0)
    not_before: datetime | None = _ts(nullable=False)
    expires_at: datetime | None = _ts()
    claimed_at: datetime | None = _ts()
    claim_token: str | None = Field(default=None, max_length=64)
    activity_id: str | None = Field(default=None, max_length=300)
    conversation_id: str | None = Field(default=None, max_length=300)
    last_error: str | None = Field(default=None, max_length=500)
    created_at: datetime | None = _ts(nullable=False)
    sent_at: datetime | None = _ts()


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
    at: datetime | None = _ts(nullable=False)


class ContactLog(SQLModel, table=True):
    """A mentor's contact with (or about) a pupil; `source` makes a repeated message harmless."""

    __tablename__ = "contact_log"
    __table_args__ = (
        UniqueConstraint("author_id", "source", name="uq_contact_log_source"),
        CheckConstraint(
            "kind IN ('gesprek', 'voortgangsgesprek', 'bellen', 'chat', 'huisbezoek', 'ouders',"
            " 'school', 'overig')",
            name="ck_contact_log_kind",
        ),
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
    created_at: datetime | None = _ts(nullable=False)
    updated_at: datetime | None = _ts()


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
    created_at: datetime | None = _ts(nullable=False)
    updated_at: datetime | None = _ts()


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
    created_at: datetime | None = _ts(nullable=False)


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
    detected_at: datetime | None = _ts(nullable=False)
    resolved_at: datetime | None = _ts()


class DeliveryLane(SQLModel, table=True):
    """A lease: which worker sends for a tenant now. It lapses when its worker stops renewing.

    A worker's own heartbeat is kept here too, under `worker:<name>`, so workers can share the
    tenants out between them.
    """

    __tablename__ = "delivery_lane"

    key: str = Field(primary_key=True, max_length=200)
    holder: str = Field(max_length=200)
    expires_at: datetime | None = _ts(nullable=False)


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
    created_at: datetime | None = _ts(nullable=False)
    updated_at: datetime | None = _ts()


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
    created_at: datetime | None = _ts(nullable=False)


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
