"""Teams activity JSON as Teams posts it to a bot: install, roster changes, messages, submits."""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from tests.support.connector import Member

_ids = itertools.count(1)


@dataclass
class TeamsWorld:
    """One tenant with one team, its people and the bot, as the activities refer to them."""

    service_url: str
    tenant_id: str = "6f1c2b7e-0d5a-4f0e-9a55-2f8d4b1c9e01"
    bot_id: str = "28:2b4f9c1e-7d3a-4e8b-b5c6-0a9d8e7f6c5b"
    bot_name: str = "Dagritme"
    team_id: str = "19:klas1-general@thread.tacv2"
    team_name: str = "Digitale School – Groep 1"
    aad_group_id: str = "0c6b1a52-3f4e-4d2c-8b7a-9e1f0a2b3c4d"
    channels: list[tuple[str, str | None]] = field(default_factory=list)
    people: dict[str, Member] = field(default_factory=dict)

    def person(self, key: str, name: str, given_name: str | None = None) -> Member:
        """Add (or get) a person with a Teams-like id."""
        if key not in self.people:
            number = len(self.people) + 1
            self.people[key] = Member(
                id=f"29:1{key}-{number:04d}",
                name=name,
                aad_object_id=f"00000000-0000-0000-0000-{number:012d}",
                given_name=given_name or name.split(" ")[0],
            )
        return self.people[key]


def personal_conversation_id(world: TeamsWorld, user: Member) -> str:
    """The 1:1 chat id Teams gives a user and the bot (stable per user)."""
    return f"a:1personal-{user.id.replace(':', '-')}"


def _base(
    world: TeamsWorld, kind: str, sender: Member, conversation: dict[str, Any]
) -> dict[str, Any]:
    now = datetime.now(UTC)
    return {
        "type": kind,
        "id": f"f:{next(_ids):08d}",
        "timestamp": now.isoformat(),
        "localTimestamp": now.isoformat(),
        "serviceUrl": world.service_url,
        "channelId": "msteams",
        "from": {"id": sender.id, "name": sender.name, "aadObjectId": sender.aad_object_id},
        "recipient": {"id": world.bot_id, "name": world.bot_name},
        "conversation": {**conversation, "tenantId": world.tenant_id},
        "channelData": {"tenant": {"id": world.tenant_id}},
        "locale": "nl-NL",
        "entities": [{"type": "clientInfo", "locale": "nl-NL", "country": "NL", "platform": "Web"}],
    }


def _team_data(world: TeamsWorld, event: str | None = None) -> dict[str, Any]:
    data: dict[str, Any] = {
        "tenant": {"id": world.tenant_id},
        "team": {"id": world.team_id, "name": world.team_name, "aadGroupId": world.aad_group_id},
        "channel": {"id": world.team_id},
    }
    if event:
        data["eventType"] = event
    return data


def _channel_conversation(world: TeamsWorld, channel_id: str | None = None) -> dict[str, Any]:
    return {"id": channel_id or world.team_id, "conversationType": "channel", "isGroup": True}


def install_in_team(world: TeamsWorld, installer: Member) -> dict[str, Any]:
    """conversationUpdate: the bot was added to the team by `installer`."""
    activity = _base(world, "conversationUpdate", installer, _channel_conversation(world))
    activity["membersAdded"] = [{"id": world.bot_id}]
    activity["channelData"] = _team_data(world, "teamMemberAdded")
    return activity


def bot_removed_from_team(world: TeamsWorld, by: Member) -> dict[str, Any]:
    """conversationUpdate: the bot was removed from the team."""
    activity = _base(world, "conversationUpdate", by, _channel_conversation(world))
    activity["membersRemoved"] = [{"id": world.bot_id}]
    activity["channelData"] = _team_data(world, "teamMemberRemoved")
    return activity


def members_added(world: TeamsWorld, users: list[Member], by: Member) -> dict[str, Any]:
    """conversationUpdate: people joined the team (Teams sends only their ids)."""
    activity = _base(world, "conversationUpdate", by, _channel_conversation(world))
    activity["membersAdded"] = [{"id": u.id, "aadObjectId": u.aad_object_id} for u in users]
    activity["channelData"] = _team_data(world, "teamMemberAdded")
    return activity


def members_removed(world: TeamsWorld, users: list[Member], by: Member) -> dict[str, Any]:
    """conversationUpdate: people left the team."""
    activity = _base(world, "conversationUpdate", by, _channel_conversation(world))
    activity["membersRemoved"] = [{"id": u.id, "aadObjectId": u.aad_object_id} for u in users]
    activity["channelData"] = _team_data(world, "teamMemberRemoved")
    return activity


def install_personal(world: TeamsWorld, user: Member) -> dict[str, Any]:
    """conversationUpdate in a 1:1 chat: the user added the bot for themselves."""
    conversation = {"id": personal_conversation_id(world, user), "conversationType": "personal"}
    activity = _base(world, "conversationUpdate", user, conversation)
    activity["membersAdded"] = [{"id": world.bot_id}]
    return activity


def installation_update(world: TeamsWorld, user: Member, action: str = "add") -> dict[str, Any]:
    """installationUpdate in a 1:1 chat (add or remove)."""
    conversation = {"id": personal_conversation_id(world, user), "conversationType": "personal"}
    activity = _base(world, "installationUpdate", user, conversation)
    activity["action"] = action
    return activity


def personal_message(
    world: TeamsWorld,
    user: Member,
    text: str,
    *,
    value: dict[str, Any] | None = None,
    reply_to_id: str | None = None,
    locale: str = "nl-NL",
) -> dict[str, Any]:
    """A message in the user's 1:1 chat; with `value` it is an Action.Submit from a card."""
    conversation = {"id": personal_conversation_id(world, user), "conversationType": "personal"}
    activity = _base(world, "message", user, conversation)
    activity["locale"] = locale
    activity["textFormat"] = "plain"
    if text:
        activity["text"] = text
    if value is not None:
        activity["value"] = value
    if reply_to_id is not None:
        activity["replyToId"] = reply_to_id
    return activity


def channel_message(
    world: TeamsWorld,
    user: Member,
    text: str,
    *,
    mention_bot: bool = True,
    mentions: tuple[Member, ...] = (),
    channel_id: str | None = None,
) -> dict[str, Any]:
    """A message in a team channel, @mentioning the bot (and maybe others) as Teams does."""
    channel = channel_id or world.team_id
    conversation = {**_channel_conversation(world), "id": f"{channel};messageid={next(_ids)}"}
    activity = _base(world, "message", user, conversation)
    entities: list[dict[str, Any]] = []
    body = text
    for person in mentions:
        tag = f"<at>{person.name}</at>"
        body = body.replace(f"@{person.name}", tag)
        entities.append(
            {"type": "mention", "text": tag, "mentioned": {"id": person.id, "name": person.name}}
        )
    if mention_bot:
        tag = f"<at>{world.bot_name}</at>"
        body = f"{tag} {body}"
        entities.append(
            {
                "type": "mention",
                "text": tag,
                "mentioned": {"id": world.bot_id, "name": world.bot_name},
            }
        )
    activity["text"] = body
    activity["entities"] = [*activity["entities"], *entities]
    data = _team_data(world)
    data["channel"] = {"id": channel}
    data["teamsChannelId"] = channel
    data["teamsTeamId"] = world.team_id
    activity["channelData"] = data
    return activity


def group_message(
    world: TeamsWorld,
    user: Member,
    text: str,
    *,
    conversation_id: str = "19:groepschat-ouders@thread.v2",
    value: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """A message in a group chat the bot is part of, @mentioning the bot as Teams does."""
    conversation = {"id": conversation_id, "conversationType": "groupChat", "isGroup": True}
    activity = _base(world, "message", user, conversation)
    tag = f"<at>{world.bot_name}</at>"
    activity["text"] = f"{tag} {text}" if text else ""
    activity["entities"] = [
        *activity["entities"],
        {"type": "mention", "text": tag, "mentioned": {"id": world.bot_id, "name": world.bot_name}},
    ]
    if value is not None:
        activity["value"] = value
    return activity
