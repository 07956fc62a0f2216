"""The tables. Natural keys carry unique constraints so a retried event cannot add a second row.

Each module holds the tables of one part of the school day (a team's, its people's, what pupils
send, what mentors record, the outbox, the audit trail); importing this package puts every one
of them on the metadata, and `from storage.models import X` reaches any table.
"""

from __future__ import annotations

from storage.models.audit import AuditEvent
from storage.models.mentoring import (
    ContactLog,
    OppEvaluation,
    OppPlan,
    Trajectory,
    TrajectoryPhase,
)
from storage.models.outbox import CardMessage, Delivery, DeliveryLane
from storage.models.people import MentorLink, Person, PersonalChat
from storage.models.pupils import CHECKIN_KINDS, CheckIn, PupilAlert, PupilSignal
from storage.models.teams import Team, TeamFreeDay, TeamPhase, TeamPhrase

__all__ = [
    "CHECKIN_KINDS",
    "AuditEvent",
    "CardMessage",
    "CheckIn",
    "ContactLog",
    "Delivery",
    "DeliveryLane",
    "MentorLink",
    "OppEvaluation",
    "OppPlan",
    "Person",
    "PersonalChat",
    "PupilAlert",
    "PupilSignal",
    "Team",
    "TeamFreeDay",
    "TeamPhase",
    "TeamPhrase",
    "Trajectory",
    "TrajectoryPhase",
]
