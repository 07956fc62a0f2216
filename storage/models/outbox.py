"""The tables of sending: the outbox of proactive messages, the lanes that say which worker
sends for a tenant, and the reply cards that may be replaced later.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import JSON, Column, Index, UniqueConstraint
from sqlmodel import Field, SQLModel

from domain.delivery import DeliveryStatus
from storage.models.columns import one_of, timestamp


class Delivery(SQLModel, table=True):
    """The outbox: one proactive message, written by the scheduler and sent by the worker."""

    __tablename__ = "delivery"
    __table_args__ = (
        UniqueConstraint("prompt", "day", "recipient", "ref", name="uq_delivery_natural"),
        one_of("status", DeliveryStatus, name="ck_delivery_status"),
        Index("ix_delivery_due", "status", "not_before"),
        Index("ix_delivery_activity", "activity_id"),
    )

    id: int | None = Field(default=None, primary_key=True)
    team_id: int = Field(foreign_key="team.id", ondelete="CASCADE", index=True)
    person_id: int | None = Field(default=None, foreign_key="person.id", ondelete="CASCADE")
    prompt: str = Field(max_length=50)  # a domain.delivery.Prompt
    day: date
    recipient: str = Field(max_length=300)
    ref: str = Field(default="", max_length=100)
    payload: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))
    status: str = Field(default=DeliveryStatus.PENDING, max_length=20)
    attempts: int = Field(default=0)
    not_before: datetime | None = timestamp(nullable=False)
    expires_at: datetime | None = timestamp()
    claimed_at: datetime | None = timestamp()
    claim_token: str | None = Field(default=None, max_length=64)
    activity_id: str | None = Field(default=None, max_length=300)
    conversation_id: str | None = Field(default=None, max_length=300)
    last_error: str | None = Field(default=None, max_length=500)
    created_at: datetime | None = timestamp(nullable=False)
    sent_at: datetime | None = timestamp()


class DeliveryLane(SQLModel, table=True):
    """A lease: which worker sends for a tenant now. It lapses when its worker stops renewing.

    A worker's own heartbeat is kept here too, under `worker:<name>`, so workers can share the
    tenants out between them.
    """

    __tablename__ = "delivery_lane"

    key: str = Field(primary_key=True, max_length=200)
    holder: str = Field(max_length=200)
    expires_at: datetime | None = timestamp(nullable=False)


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
    sent_at: datetime | None = timestamp(nullable=False, index=True)
