"""A fake Bot Connector on loopback: answers like Teams and records everything the bot sent."""

from __future__ import annotations

import asyncio
import itertools
from collections.abc import Callable
from dataclasses import dataclass, field
from types import TracebackType
from typing import Any

from aiohttp import web

ADAPTIVE_CARD = "application/vnd.microsoft.card.adaptive"


@dataclass(frozen=True)
class Member:
    """A team member as Teams describes them."""

    id: str
    name: str
    aad_object_id: str = ""
    given_name: str | None = None
    surname: str | None = None

    def json(self, tenant_id: str) -> dict[str, Any]:
        """TeamsChannelAccount JSON."""
        return {
            "id": self.id,
            "name": self.name,
            "aadObjectId": self.aad_object_id,
            "givenName": self.given_name,
            "surname": self.surname,
            "tenantId": tenant_id,
            "userRole": "user",
        }


@dataclass
class Recorded:
    """One request the bot made."""

    method: str
    path: str
    conversation_id: str | None
    activity_id: str | None
    body: dict[str, Any] | None
    headers: dict[str, str]


@dataclass
class _Failure:
    remaining: int
    status: int
    retry_after: float | None
    path_contains: str | None


@dataclass
class _Team:
    name: str
    tenant_id: str
    members: list[Member]
    channels: list[tuple[str, str | None]]


@dataclass
class FakeConnector:
    """The Bot Connector REST API v3, as far as this bot uses it."""

    page_size: int = 2
    latency: float = 0.0
    requests: list[Recorded] = field(default_factory=list)
    teams: dict[str, _Team] = field(default_factory=dict)
    _failures: list[_Failure] = field(default_factory=list)
    _ids: itertools.count[int] = field(default_factory=lambda: itertools.count(1))
    _personal: dict[str, str] = field(default_factory=dict)
    _runner: web.AppRunner | None = None
    url: str = ""

    async def __aenter__(self) -> FakeConnector:
        await self.start()
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self.stop()

    async def start(self) -> None:
        """Serve on a free port of 127.0.0.1."""
        app = web.Application()
        app.router.add_route("*", "/{tail:.*}", self._handle)
        self._runner = web.AppRunner(app)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        server: Any = site._server
        self.url = f"http://127.0.0.1:{server.sockets[0].getsockname()[1]}/"

    async def stop(self) -> None:
        """Stop serving."""
        if self._runner is not None:
            await self._runner.cleanup()

    def add_team(
        self,
        team_id: str,
        name: str,
        *,
        tenant_id: str,
        members: list[Member],
        channels: list[tuple[str, str | None]] | None = None,
    ) -> None:
        """The roster and channels Teams will report for a team."""
        self.teams[team_id] = _Team(name, tenant_id, list(members), channels or [(team_id, None)])

    def fail_next(
        self,
        n: int,
        status: int,
        *,
        retry_after: float | None = None,
        path_contains: str | None = None,
    ) -> None:
        """Answer the next `n` matching calls with `status` (429, 503, 403, …)."""
        self._failures.append(_Failure(n, status, retry_after, path_contains))

    def clear(self) -> None:
        """Forget what was recorded."""
        self.requests.clear()

    def sent(self, conversation_id: str | None = None) -> list[dict[str, Any]]:
        """Activities posted (sent or replied) to conversations."""
        return [
            r.body
            for r in self.requests
            if r.method == "POST"
            and r.body is not None
            and r.conversation_id is not None
            and "/activities" in r.path
            and (conversation_id is None or r.conversation_id == conversation_id)
        ]

    def updates(self, conversation_id: str | None = None) -> list[dict[str, Any]]:
        """Activities replaced with PUT (e.g. an answered card)."""
        return [
            r.body
            for r in self.requests
            if r.method == "PUT"
            and r.body is not None
            and (conversation_id is None or r.conversation_id == conversation_id)
        ]

    def created(self) -> list[dict[str, Any]]:
        """Create-conversation bodies."""
        return [
            r.body
            for r in self.requests
            if r.method == "POST" and r.path.rstrip("/") == "/v3/conversations" and r.body
        ]

    def texts(self, conversation_id: str | None = None) -> list[str]:
        """The text of every sent activity."""
        return [a["text"] for a in self.sent(conversation_id) if a.get("text")]

    def cards(self, conversation_id: str | None = None) -> list[dict[str, Any]]:
        """The Adaptive Cards of every sent activity."""
        return [
            att["content"]
            for a in self.sent(conversation_id)
            for att in a.get("attachments") or []
            if att.get("contentType") == ADAPTIVE_CARD
        ]

    async def wait_for(self, predicate: Callable[[], bool], within: float = 5.0) -> None:
        """Poll until `predicate` holds (for sends that happen in the background)."""
        async with asyncio.timeout(within):
            while not predicate():  # noqa: ASYNC110  (the predicate reads plain lists)
                await asyncio.sleep(0.02)

    def personal_conversation(self, user_id: str) -> str:
        """The 1:1 conversation id Teams uses for a user (stable)."""
        return self._personal.setdefault(user_id, f"a:1personal-{user_id.replace(':', '-')}")

    def _failure_for(self, path: str) -> _Failure | None:
        for failure in self._failures:
            if failure.remaining > 0 and (
                failure.path_contains is None or failure.path_contains in path
            ):
                failure.remaining -= 1
                return failure
        return None

    async def _handle(self, request: web.Request) -> web.Response:
        body: dict[str, Any] | None = None
        if request.can_read_body:
            data = await request.json()
            body = data if isinstance(data, dict) else None
        parts = [p for p in request.path.split("/") if p]
        conversation_id = parts[2] if len(parts) > 2 and parts[1] == "conversations" else None
        activity_id = parts[4] if len(parts) > 4 and parts[3] == "activities" else None
        self.requests.append(
            Recorded(
                request.method,
                request.path,
                conversation_id,
                activity_id,
                body,
                dict(request.headers),
            )
        )
        if self.latency:
            await asyncio.sleep(self.latency)
        failure = self._failure_for(request.path)
        if failure is not None:
            headers = {}
            if failure.retry_after is not None:
                headers["Retry-After"] = str(failure.retry_after)
            code = "ConversationBlockedByUser" if failure.status == 403 else "Throttled"
            return web.json_response(
                {"error": {"code": code, "message": "injected"}},
                status=failure.status,
                headers=headers,
            )
        return self._answer(request, parts, body)

    def _answer(
        self, request: web.Request, parts: list[str], body: dict[str, Any] | None
    ) -> web.Response:
        method = request.method
        if parts[:2] == ["v3", "conversations"] and len(parts) == 2 and method == "POST":
            members = (body or {}).get("members") or [{}]
            user = str(members[0].get("id", "")) or f"anon-{next(self._ids)}"
            return web.json_response({"id": self.personal_conversation(user)}, status=201)
        if len(parts) >= 4 and parts[:2] == ["v3", "conversations"] and parts[3] == "activities":
            if method == "POST":
                return web.json_response({"id": f"1:act-{next(self._ids)}"}, status=201)
            if method == "PUT":
                return web.json_response({"id": parts[4] if len(parts) > 4 else ""})
            if method == "DELETE":
                return web.Response(status=200)
        if len(parts) == 4 and parts[3] == "pagedmembers" and method == "GET":
            return self._paged(parts[2], request.query.get("continuationToken"))
        if len(parts) >= 4 and parts[3] == "members" and method == "GET":
            team = self.teams.get(parts[2])
            members = team.members if team else []
            if len(parts) == 5:
                found = [m for m in members if m.id == parts[4]]
                if not found or team is None:
                    return web.json_response({"error": {"code": "NotFound"}}, status=404)
                return web.json_response(found[0].json(team.tenant_id))
            tenant = team.tenant_id if team else ""
            return web.json_response([m.json(tenant) for m in members])
        if parts[:2] == ["v3", "teams"] and len(parts) >= 3 and method == "GET":
            team = self.teams.get(parts[2])
            if team is None:
                return web.json_response({"error": {"code": "NotFound"}}, status=404)
            if len(parts) == 4 and parts[3] == "conversations":
                return web.json_response(
                    {"conversations": [{"id": cid, "name": name} for cid, name in team.channels]}
                )
            return web.json_response({"id": parts[2], "name": team.name})
        return web.json_response({"error": {"code": "NotFound"}}, status=404)

    def _paged(self, conversation_id: str, token: str | None) -> web.Response:
        team = self.teams.get(conversation_id)
        if team is None:
            return web.json_response({"error": {"code": "NotFound"}}, status=404)
        start = int(token) if token and token.isdigit() else 0
        page = team.members[start : start + self.page_size]
        result: dict[str, Any] = {"members": [m.json(team.tenant_id) for m in page]}
        if start + self.page_size < len(team.members):
            result["continuationToken"] = str(start + self.page_size)
        return web.json_response(result)
