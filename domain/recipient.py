"""Where a message goes: a person's 1:1 chat with the bot, or a team channel.

The outbox stores a recipient as one text key (`person:42`, `channel:19:…@thread.tacv2`), which
keeps a row's natural key (prompt, day, recipient, ref) unique in the database. The key is made
and read here only. A third kind, *nobody*, names the marker rows that are written cancelled
and never sent (e.g. "today's digest ran, with no coordinator to send it to").
"""

from __future__ import annotations

from dataclasses import dataclass

PERSON = "person:"
CHANNEL = "channel:"
NOBODY = "nobody:"


@dataclass(frozen=True)
class Recipient:
    """A person (by their id in our tables), a team channel (by its Teams id), or nobody (a
    marker, by what it marks): exactly one of the three."""

    person_id: int | None = None
    channel_id: str | None = None
    nobody: str | None = None

    def __post_init__(self) -> None:
        named = (self.person_id, self.channel_id, self.nobody)
        if sum(part is not None for part in named) != 1:
            raise ValueError("a recipient is a person, a channel or nobody")

    @classmethod
    def person(cls, person_id: int) -> Recipient:
        """A person's 1:1 chat."""
        return cls(person_id=person_id)

    @classmethod
    def channel(cls, channel_id: str) -> Recipient:
        """A team channel."""
        return cls(channel_id=channel_id)

    @classmethod
    def marker(cls, label: str) -> Recipient:
        """Nobody: a row written only to remember that something happened."""
        return cls(nobody=label)

    @classmethod
    def parse(cls, key: str) -> Recipient:
        """The recipient a stored key names; ValueError for a key of neither kind."""
        if key.startswith(PERSON) and key.removeprefix(PERSON).isdigit():
            return cls.person(int(key.removeprefix(PERSON)))
        if key.startswith(CHANNEL) and len(key) > len(CHANNEL):
            return cls.channel(key.removeprefix(CHANNEL))
        if key.startswith(NOBODY) and len(key) > len(NOBODY):
            return cls.marker(key.removeprefix(NOBODY))
        raise ValueError(f"not a recipient key: {key[:60]!r}")

    @property
    def key(self) -> str:
        """The text the outbox stores."""
        if self.person_id is not None:
            return f"{PERSON}{self.person_id}"
        if self.channel_id is not None:
            return f"{CHANNEL}{self.channel_id}"
        return f"{NOBODY}{self.nobody}"

    def __str__(self) -> str:
        return self.key
