"""The bot's own client for the Bot Connector REST API (v3), used outside a turn.

The delivery worker needs exact status codes and `Retry-After` headers to pace and retry, and
the roster reader needs paging; both are thin calls, so we make them with aiohttp directly.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote

import aiohttp

from bot.identity import app_token, msal_client
from bot.settings import Settings

logger = logging.getLogger(__name__)

BOT_FRAMEWORK_RESOURCE = "https://api.botframework.com"
BOT_FRAMEWORK_SCOPE = f"{BOT_FRAMEWORK_RESOURCE}/.default"
TokenSource = Callable[[], Awaitable[str | None]]


class ConnectorError(Exception):
    """A non-2xx answer from the Bot Connector, with what a retry decision needs."""

    def __init__(self, status: int, code: str, retry_after: float | None = None) -> None:
        super().__init__(f"connector answered {status} ({code})")
        self.status = status
        self.code = code
        self.retry_after = retry_after

    @property
    def retryable(self) -> bool:
        """Throttling and passing server trouble are worth another try."""
        return self.status in (412, 429, 500, 502, 503, 504) or self.status == 0


@dataclass(frozen=True)
class Member:
    """A member as the connector describes them."""

    id: str
    name: str
    aad_object_id: str | None
    given_name: str | None


def token_source(settings: Settings) -> TokenSource:
    """Where outgoing calls get their bearer token; none in unauthenticated local mode."""
    if not settings.app_id:

        async def no_token() -> str | None:
            return None

        return no_token

    made: list[Any] = []  # the MSAL client, made on first use

    def acquire() -> dict[str, Any]:
        if not made:
            tenant = (
                settings.app_tenant_id
                if settings.app_type == "SingleTenant"
                else "botframework.com"
            )
            authority = f"https://login.microsoftonline.com/{tenant}"
            made.append(msal_client(settings, authority=authority))
        return app_token(
            made[0], settings, resource=BOT_FRAMEWORK_RESOURCE, scope=BOT_FRAMEWORK_SCOPE
        )

    async def bearer() -> str | None:
        result = await asyncio.to_thread(acquire)
        token = result.get("access_token")
        if not token:
            raise ConnectorError(401, str(result.get("error", "token_unavailable")))
        return str(token)

    return bearer


class ConnectorClient:
    """Calls to the Bot Connector service for one bot; one shared aiohttp session."""

    def __init__(self, tokens: TokenSource, *, timeout: float = 15.0) -> None:
        self._tokens = tokens
        self._timeout = aiohttp.ClientTimeout(total=timeout)
        self._session: aiohttp.ClientSession | None = None

    async def close(self) -> None:
        """Close the HTTP session."""
        if self._session is not None:
            await self._session.close()
            self._session = None

    async def _request(
        self, method: str, service_url: str, path: str, body: dict[str, Any] | None = None
    ) -> dict[str, Any]:
        if self._session is None:
            self._session = aiohttp.ClientSession(timeout=self._timeout)
        headers = {"Content-Type": "application/json"}
        token = await self._tokens()
        if token:
            headers["Authorization"] = f"Bearer {token}"
        url = service_url.rstrip("/") + path
        try:
            async with self._session.request(method, url, json=body, headers=headers) as response:
                if response.status >= 400:
                    raise ConnectorError(
                        response.status,
                        await _error_code(response),
                        _retry_after(response.headers.get("Retry-After")),
                    )
                if response.content_type == "application/json":
                    data = await response.json()
                    return data if isinstance(data, dict) else {}
                return {}
        except (aiohttp.ClientError, TimeoutError) as exc:
            raise ConnectorError(0, type(exc).__name__) from exc

    async def send(
        self, service_url: str, conversation_id: str, activity: dict[str, Any]
    ) -> str | None:
        """Post an activity to a conversation; returns the new activity id."""
        path = f"/v3/conversations/{quote(conversation_id, safe='')}/activities"
        data = await self._request("POST", service_url, path, activity)
        return data.get("id")

    async def reply(
        self,
        service_url: str,
        conversation_id: str,
        reply_to_id: str | None,
        activity: dict[str, Any],
    ) -> str | None:
        """Answer an activity in its conversation (a plain post when it has no id); returns the
        new activity id."""
        if not reply_to_id:
            return await self.send(service_url, conversation_id, activity)
        path = (
            f"/v3/conversations/{quote(conversation_id, safe='')}"
            f"/activities/{quote(reply_to_id, safe='')}"
        )
        data = await self._request("POST", service_url, path, activity)
        return data.get("id")

    async def update(
        self, service_url: str, conversation_id: str, activity_id: str, activity: dict[str, Any]
    ) -> None:
        """Replace an activity the bot sent earlier (e.g. a card that was answered)."""
        path = (
            f"/v3/conversations/{quote(conversation_id, safe='')}"
            f"/activities/{quote(activity_id, safe='')}"
        )
        await self._request("PUT", service_url, path, {**activity, "id": activity_id})

    async def create_personal_conversation(
        self, service_url: str, *, bot_id: str, user_id: str, tenant_id: str
    ) -> str:
        """Open (or find) the 1:1 chat between the bot and a user; returns its conversation id."""
        body = {
            "isGroup": False,
            "bot": {"id": bot_id},
            "members": [{"id": user_id}],
            "channelData": {"tenant": {"id": tenant_id}},
            "tenantId": tenant_id,
        }
        data = await self._request("POST", service_url, "/v3/conversations", body)
        conversation_id = data.get("id")
        if not isinstance(conversation_id, str) or not conversation_id:
            raise ConnectorError(502, "no_conversation_id")
        return conversation_id

    async def members(self, service_url: str, conversation_id: str) -> list[Member]:
        """All members of a team or chat, read page by page."""
        found: list[Member] = []
        token: str | None = None
        for _ in range(1000):  # a hard stop against a connector that never ends paging
            path = f"/v3/conversations/{quote(conversation_id, safe='')}/pagedmembers?pageSize=500"
            if token:
                path += f"&continuationToken={quote(token, safe='')}"
            data = await self._request("GET", service_url, path)
            for raw in data.get("members") or []:
                member = _member(raw)
                if member is not None:
                    found.append(member)
            token = data.get("continuationToken")
            if not token:
                break
        return found

    async def member(self, service_url: str, conversation_id: str, user_id: str) -> Member | None:
        """One member's details, or None when Teams does not know them in that conversation."""
        path = (
            f"/v3/conversations/{quote(conversation_id, safe='')}/members/{quote(user_id, safe='')}"
        )
        try:
            data = await self._request("GET", service_url, path)
        except ConnectorError as exc:
            if exc.status == 404:
                return None
            raise
        return _member(data)

    async def channels(self, service_url: str, team_id: str) -> list[tuple[str, str | None]]:
        """The team's channels as (id, name); the General channel has no name in Teams."""
        path = f"/v3/teams/{quote(team_id, safe='')}/conversations"
        data = await self._request("GET", service_url, path)
        result: list[tuple[str, str | None]] = []
        for raw in data.get("conversations") or []:
            if isinstance(raw, dict) and isinstance(raw.get("id"), str):
                name = raw.get("name")
                result.append((raw["id"], name if isinstance(name, str) else None))
        return result


def _member(raw: Any) -> Member | None:
    if not isinstance(raw, dict) or not isinstance(raw.get("id"), str):
        return None
    return Member(
        id=raw["id"],
        name=str(raw.get("name") or ""),
        aad_object_id=raw.get("aadObjectId") or raw.get("objectId"),
        given_name=raw.get("givenName"),
    )


async def _error_code(response: aiohttp.ClientResponse) -> str:
    try:
        data = await response.json(content_type=None)
    except (ValueError, aiohttp.ContentTypeError):
        return f"http_{response.status}"
    if isinstance(data, dict) and isinstance(data.get("error"), dict):
        return str(data["error"].get("code") or f"http_{response.status}")[:100]
    return f"http_{response.status}"


def _retry_after(header: str | None) -> float | None:
    if not header:
        return None
    try:
        return max(0.0, float(header))
    except ValueError:
        return None
