"""Outbox rows, built here only: where a message goes, what it says, and from when until when.

A flow says which prompt, to whom, and what; these functions add what every row of that sort
shares, so that a row due now and a row of the school day's rhythm are each written one way.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, datetime
from typing import Any

from cards.catalogue import Lang, lang_of
from dialogs.teamcal import message_payload
from domain.clock import local_date
from domain.delivery import DeliveryStatus, Prompt
from domain.due import DuePrompt
from domain.recipient import Recipient
from storage.deliveries import NewDelivery
from storage.models import Person


@dataclass(frozen=True)
class Destination:
    """One place a message goes: a channel (no person) or a person's 1:1 chat, and its language."""

    recipient: Recipient
    lang: Lang

    @classmethod
    def chat_of(cls, person: Person) -> Destination:
        """A person's 1:1 chat, in the language of their Teams."""
        return cls(Recipient.person(person.id or 0), lang_of(person.locale))

    @classmethod
    def channel(cls, channel_id: str) -> Destination:
        """A team channel: read by everyone in it, so in Dutch."""
        return cls(Recipient.channel(channel_id), "nl")

    @property
    def person_id(self) -> int | None:
        """The person, for a 1:1 chat."""
        return self.recipient.person_id


def message_now(
    prompt: Prompt,
    *,
    team_id: int,
    to: Destination,
    now: datetime,
    day: date | None = None,
    ref: str = "",
    text: str | None = None,
    card: dict[str, Any] | None = None,
) -> NewDelivery:
    """A message due at once that never expires: news about a pupil is worth reading whenever it
    is seen. Its day is today's, unless it belongs to another (the check-in's, the alert's)."""
    return NewDelivery(
        team_id=team_id,
        prompt=prompt,
        day=day or local_date(now),
        recipient=to.recipient,
        payload=message_payload(text=text, card=card),
        ref=ref,
        not_before=now,
    )


def message_at(
    prompt: Prompt,
    moment: DuePrompt,
    *,
    team_id: int,
    to: Destination,
    day: date | None = None,
    ref: str = "",
    text: str | None = None,
    card: dict[str, Any] | None = None,
) -> NewDelivery:
    """A message of a moment of the school day: due at the moment, and not sent once it has
    passed (a check-in card in the evening is no use). Its day is the moment's, unless given."""
    return NewDelivery(
        team_id=team_id,
        prompt=prompt,
        day=day or moment.day,
        recipient=to.recipient,
        payload=message_payload(text=text, card=card),
        ref=ref,
        not_before=moment.due_at,
        expires_at=moment.expires_at,
    )


def digest_at(
    prompt: Prompt, moment: DuePrompt, *, team_id: int, to: Destination, card: dict[str, Any]
) -> NewDelivery:
    """A digest: due at its moment, and never expiring (it is read the next morning too)."""
    return NewDelivery(
        team_id=team_id,
        prompt=prompt,
        day=moment.day,
        recipient=to.recipient,
        payload=message_payload(card=card),
        not_before=moment.due_at,
    )


def digest_marker(moment: DuePrompt, *, team_id: int) -> NewDelivery:
    """An empty daily digest, written cancelled: today's digests were planned with nobody to
    send them to, and the next pass (half a minute later) must not evaluate the signals again.
    Its recipient names the team, as natural keys are unique across teams."""
    return replace(
        digest_at(
            Prompt.DIGEST_DAILY,
            moment,
            team_id=team_id,
            to=Destination(Recipient.marker(f"team-{team_id}"), "nl"),
            card={},
        ),
        status=DeliveryStatus.CANCELLED,
    )
