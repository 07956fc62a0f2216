"""Turns a Bot Framework activity into the plain Inbound the flows see (and nothing else)."""

from __future__ import annotations

import html
import logging
import re
from typing import Any

from botbuilder.schema import Activity, ChannelAccount

from bot.connector import ConnectorClient, ConnectorError, Member
from dialogs.inbound import Account, ConversationType, Inbound, InboundKind, TeamRef

logger = logging.getLogger(__name__)

MAX_TEXT = 4000
AT_TAG = re.compile(r"<at>(.*?)</at>", re.IGNORECASE | re.DOTALL)
HTML_TAG = re.compile(r"<[^>]{0,200}>")
SPACES = re.compile(r"\s+")
CHANNEL_EVENTS = {"channelCreated", "channelDeleted", "channelRenamed", "channelRestored"}


def _channel_data(activity: Activity) -> dict[str, Any]:
    data = activity.channel_data
    return data if isinstance(data, dict) else {}


def tenant_of(activity: Activity) -> str:
    """The tenant an activity comes from (channelData.tenant, else the conversation)."""
    tenant = _channel_data(activity).get("tenant")
    if isinstance(tenant, dict) and isinstance(tenant.get("id"), str):
        return str(tenant["id"])
    conversation = activity.conversation
    return str(getattr(conversation, "tenant_id", None) or "")


def _team(activity: Activity) -> TeamRef | None:
    team = _channel_data(activity).get("team")
    if isinstance(team, dict) and isinstance(team.get("id"), str):
        return TeamRef(
            teams_id=team["id"],
            name=str(team.get("name") or ""),
            aad_group_id=team.get("aadGroupId")
            if isinstance(team.get("aadGroupId"), str)
            else None,
        )
    return None


def _channel_id(activity: Activity) -> str | None:
    data = _channel_data(activity)
    channel = data.get("channel")
    if isinstance(channel, dict) and isinstance(channel.get("id"), str):
        return str(channel["id"])
    value = data.get("teamsChannelId")
    return value if isinstance(value, str) else None


def _conversation_type(activity: Activity) -> ConversationType:
    kind = getattr(activity.conversation, "conversation_type", None)
    if kind in ("personal", "channel", "groupChat"):
        return kind
    return "channel" if _team(activity) is not None else "personal"


def _account(raw: ChannelAccount | None) -> Account:
    if raw is None:
        return Account(id="")
    return Account(
        id=str(raw.id or ""),
        name=str(raw.name or ""),
        aad_object_id=getattr(raw, "aad_object_id", None),
    )


def _from_member(member: Member) -> Account:
    return Account(
        id=member.id,
        name=member.name,
        aad_object_id=member.aad_object_id,
        given_name=member.given_name,
    )


def clean_text(activity: Activity) -> tuple[str, tuple[Account, ...]]:
    """The message text without the bot's @mention, and the other people mentioned."""
    raw = str(activity.text or "")[: MAX_TEXT * 4]
    bot_id = getattr(activity.recipient, "id", None)
    mentions: list[Account] = []
    bot_names: set[str] = set()
    for entity in activity.entities or []:
        if getattr(entity, "type", None) != "mention":
            continue
        props = entity.additional_properties or {}
        mentioned = props.get("mentioned") or {}
        mention_text = props.get("text")
        if not isinstance(mentioned, dict):
            continue
        if mentioned.get("id") == bot_id:
            if isinstance(mention_text, str):
                bot_names.add(mention_text)
            continue
        if isinstance(mentioned.get("id"), str):
            mentions.append(Account(id=mentioned["id"], name=str(mentioned.get("name") or "")))
    for bot_mention in bot_names:
        raw = raw.replace(bot_mention, " ")
    raw = AT_TAG.sub(lambda m: m.group(1), raw)
    raw = HTML_TAG.sub(" ", raw)
    raw = html.unescape(raw)
    return SPACES.sub(" ", raw).strip()[:MAX_TEXT], tuple(mentions)


def classify(activity: Activity) -> InboundKind | None:
    """Which of our inbound kinds an activity is, or None for one we ignore."""
    bot_id = getattr(activity.recipient, "id", None)
    personal = _conversation_type(activity) == "personal"
    if activity.type == "message":
        return "message"
    if activity.type == "installationUpdate":
        # Teams sends this beside a conversationUpdate for the same install; the welcome and
        # the roster read happen on the conversationUpdate, so only an uninstall counts here.
        action = str(activity.action or "")
        if personal and action.startswith("remove"):
            return "personal_uninstall"
        return None
    if activity.type != "conversationUpdate":
        return None
    added = [m for m in activity.members_added or [] if m is not None]
    removed = [m for m in activity.members_removed or [] if m is not None]
    event = _channel_data(activity).get("eventType")
    if personal:
        if any(m.id == bot_id for m in added):
            return "personal_install"
        return None
    if _team(activity) is None:
        return None
    if any(m.id == bot_id for m in removed):
        return "team_uninstall"
    if any(m.id == bot_id for m in added):
        return "team_install"
    if removed:
        return "members_removed"
    if added:
        return "members_added"
    if event == "teamRenamed" or event in CHANNEL_EVENTS:
        return "team_changed"
    return None


async def to_inbound(activity: Activity, connector: ConnectorClient) -> Inbound | None:
    """The plain Inbound for an activity; reads the roster and channels where the event needs it."""
    kind = classify(activity)
    if kind is None:
        return None
    team = _team(activity)
    service_url = str(activity.service_url or "")
    members: tuple[Account, ...] = ()
    channels: tuple[tuple[str, str | None], ...] = ()
    if kind == "team_install" and team is not None:
        members = await _roster(connector, service_url, team.teams_id, activity)
        channels = await _channels(connector, service_url, team.teams_id)
    elif kind == "members_added" and team is not None:
        members = await _details(connector, service_url, team.teams_id, activity)
    elif kind == "members_removed":
        members = tuple(_account(m) for m in activity.members_removed or [] if m is not None)
    elif kind == "team_changed" and team is not None:
        channels = await _channels(connector, service_url, team.teams_id)
    text, mentions = clean_text(activity) if kind == "message" else ("", ())
    value = activity.value if isinstance(activity.value, dict) else None
    return Inbound(
        kind=kind,
        tenant_id=tenant_of(activity),
        service_url=service_url,
        conversation_id=str(activity.conversation.id),
        conversation_type=_conversation_type(activity),
        sender=_account(activity.from_property),
        bot=_account(activity.recipient),
        team=team,
        channel_id=_channel_id(activity),
        text=text,
        mentions=mentions,
        value=value,
        locale=str(activity.locale)[:20] if activity.locale else None,
        activity_id=str(activity.id) if activity.id else None,
        reply_to_id=str(activity.reply_to_id) if activity.reply_to_id else None,
        members=members,
        channels=channels,
    )


async def _roster(
    connector: ConnectorClient, service_url: str, team_id: str, activity: Activity
) -> tuple[Account, ...]:
    try:
        return tuple(_from_member(m) for m in await connector.members(service_url, team_id))
    except ConnectorError as exc:
        logger.warning("could not read the team roster: %s", exc)
        return (_account(activity.from_property),)


async def _details(
    connector: ConnectorClient, service_url: str, team_id: str, activity: Activity
) -> tuple[Account, ...]:
    found: list[Account] = []
    bot_id = getattr(activity.recipient, "id", None)
    for raw in activity.members_added or []:
        if raw is None or raw.id == bot_id:
            continue
        try:
            member = await connector.member(service_url, team_id, str(raw.id))
        except ConnectorError as exc:
            logger.warning("could not read a new member's details: %s", exc)
            member = None
        found.append(_from_member(member) if member else _account(raw))
    return tuple(found)


async def _channels(
    connector: ConnectorClient, service_url: str, team_id: str
) -> tuple[tuple[str, str | None], ...]:
    try:
        return tuple(await connector.channels(service_url, team_id))
    except ConnectorError as exc:
        logger.warning("could not read the team's channels: %s", exc)
        return ()
