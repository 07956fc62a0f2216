"""The plain values the transport hands to the flows, and the replies the flows hand back."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

InboundKind = Literal[
    "message",
    "team_install",
    "team_uninstall",
    "members_added",
    "members_removed",
    "personal_install",
    "personal_uninstall",
    "team_changed",
]
ConversationType = Literal["personal", "channel", "groupChat"]


@dataclass(frozen=True)
class Account:
    """A Teams user (or the bot) as the flows see it."""

    id: str
    name: str = ""
    aad_object_id: str | None = None
    given_name: str | None = None


@dataclass(frozen=True)
class TeamRef:
    """The team an activity came from."""

    teams_id: str
    name: str = ""
    aad_group_id: str | None = None


@dataclass(frozen=True)
class Inbound:
    """One incoming activity, stripped of everything Bot Framework."""

    kind: InboundKind
    tenant_id: str
    service_url: str
    conversation_id: str
    conversation_type: ConversationType
    sender: Account
    bot: Account
    team: TeamRef | None = None
    channel_id: str | None = None
    text: str = ""
    mentions: tuple[Account, ...] = ()
    value: dict[str, Any] | None = None
    locale: str | None = None
    activity_id: str | None = None
    reply_to_id: str | None = None
    members: tuple[Account, ...] = ()
    channels: tuple[tuple[str, str | None], ...] = ()


@dataclass(frozen=True)
class Reply:
    """What the bot answers: text, a card, or a card that replaces one.

    A private reply goes to the sender's 1:1 chat, wherever the sender typed.
    """

    text: str | None = None
    card: dict[str, Any] | None = None
    replaces: str | None = None
    private: bool = False
    extra: dict[str, Any] = field(default_factory=dict)


def text(message: str) -> Reply:
    """A plain text reply."""
    return Reply(text=message)


def card(content: dict[str, Any], *, replaces: str | None = None) -> Reply:
    """An Adaptive Card reply, optionally replacing the card message with that activity id."""
    return Reply(card=content, replaces=replaces)
