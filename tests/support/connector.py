"""A fake Bot Connector on loopback: answers like Teams and records everything the bot sent."""

from __future__ import annotations

import asyncio
import bisect
import itertools
import json
import random
import re
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from types import TracebackType
from typing import Any

from aiohttp import web

from bot.pacing import Limit

ADAPTIVE_CARD = "application/vnd.microsoft.card.adaptive"
CATALOG_APP_ID = "catalog-app-1"  # the app's id in the fake tenant's Teams catalogue


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
    answered_id: str | None = None  # the id of the activity a POST created


@dataclass
class _Failure:
    remaining: int
    status: int
    retry_after: float | None
    path_contains: str | None
    code: str | None = None


@dataclass
class _Team:
    name: str
    tenant_id: str
    members: list[Member]
    channels: list[tuple[str, str | None]]


class Throttle:
    """Teams' throttling as the service applies it: exact sliding windows, 429 when over."""

    def __init__(
        self,
        *,
        conversation: tuple[Limit, ...],
        tenant: tuple[Limit, ...],
        now: Callable[[], float],
        retry_after: float = 1.0,
    ) -> None:
        self.conversation_limits = conversation
        self.tenant_limits = tenant
        self.now = now
        self.retry_after = retry_after
        self.calls: dict[str, list[float]] = defaultdict(list)
        self.refused = 0

    def admit(self, tenant: str, conversation: str | None) -> bool:
        """Count a call; False (and not counted) when it would exceed a limit."""
        moment = self.now()
        keys = [(f"tenant:{tenant}", self.tenant_limits)]
        if conversation is not None:
            keys.append((f"conversation:{conversation}", self.conversation_limits))
        for key, limits in keys:
            calls = self.calls[key]  # in the order admitted, so sorted
            for limit in limits:
                if len(calls) - bisect.bisect_right(calls, moment - limit.seconds) >= limit.count:
                    self.refused += 1
                    return False
        for key, _ in keys:
            self.calls[key].append(moment)
        return True

    def most_in_any_window(self, key: str, seconds: float) -> int:
        """The most calls admitted under `key` in any window of `seconds`."""
        calls, most, start = sorted(self.calls[key]), 0, 0
        for end, moment in enumerate(calls):
            while calls[start] <= moment - seconds:
                start += 1
            most = max(most, end - start + 1)
        return most


@dataclass
class FakeConnector:
    """The Bot Connector REST API v3 (and the bit of Graph the bot uses)."""

    page_size: int = 2
    latency: float = 0.0
    throttle: Throttle | None = None
    default_tenant: str = "tenant-1"
    graph_status: int = 201
    catalog_status: int = 200
    installs: list[str] = field(default_factory=list)
    install_bindings: list[str] = field(default_factory=list)
    with_app: set[str] = field(default_factory=set)  # Entra ids that have the app installed
    # for the benchmark: a latency drawn per call, a share of calls failing with 503, and not
    # keeping request bodies (thousands of cards)
    latency_range: tuple[float, float] | None = None
    error_rate: float = 0.0
    keep_requests: bool = True
    rng: random.Random = field(default_factory=lambda: random.Random(11))
    delivered: Counter[str] = field(default_factory=Counter)
    delivered_at: dict[str, list[float]] = field(default_factory=lambda: defaultdict(list))
    replies_at: dict[str, list[float]] = field(default_factory=lambda: defaultdict(list))
    unavailable: int = 0
    throttled_answers: int = 0  # 429s to replies in a turn and card updates
    requests: list[Recorded] = field(default_factory=list)
    teams: dict[str, _Team] = field(default_factory=dict)
    _failures: list[_Failure] = field(default_factory=list)
    _ids: itertools.count[int] = field(default_factory=lambda: itertools.count(1))
    _personal: dict[str, str] = field(default_factory=dict)
    _tenants: dict[str, str] = field(default_factory=dict)
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
        code: str | None = None,
    ) -> None:
        """Answer the next `n` matching calls with `status` (429, 503, 403, …) and error code."""
        self._failures.append(_Failure(n, status, retry_after, path_contains, code))

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
        if parts == ["_stats"]:
            return web.json_response(self.stats())
        recorded = Recorded(
            request.method, request.path, conversation_id, activity_id, body, dict(request.headers)
        )
        if self.keep_requests:
            self.requests.append(recorded)
        if parts[:1] == ["v1.0"]:
            return self._graph(request, parts, body)
        # Teams counts every call that posts, replies, updates or deletes a message
        throttled = (
            self.throttle is not None
            and request.method in ("POST", "PUT", "DELETE")
            and not self.throttle.admit(self.tenant_of(conversation_id, body), conversation_id)
        )
        if throttled and self.throttle is not None:
            if request.method != "POST" or len(parts) > 4:
                self.throttled_answers += 1
            return web.json_response(
                {"error": {"code": "Throttled", "message": "too many requests"}},
                status=429,
                headers={"Retry-After": f"{self.throttle.retry_after:g}"},
            )
        # Teams counts a call when it arrives; the answer takes its time
        if self.latency:
            await asyncio.sleep(self.latency)
        if self.latency_range:
            await asyncio.sleep(self.rng.uniform(*self.latency_range))
        if self.error_rate and request.method == "POST" and self.rng.random() < self.error_rate:
            self.unavailable += 1
            return web.json_response({"error": {"code": "ServiceUnavailable"}}, status=503)
        failure = self._failure_for(request.path)
        if failure is not None:
            headers = {}
            if failure.retry_after is not None:
                headers["Retry-After"] = str(failure.retry_after)
            code = failure.code or (
                "ConversationBlockedByUser" if failure.status == 403 else "Throttled"
            )
            return web.json_response(
                {"error": {"code": code, "message": "injected"}},
                status=failure.status,
                headers=headers,
            )
        answer = self._answer(request, parts, body)
        if request.method == "POST" and len(parts) >= 4 and parts[3] == "activities":
            created = json.loads(answer.body) if isinstance(answer.body, bytes) else {}
            recorded.answered_id = created.get("id") if isinstance(created, dict) else None
        return answer

    def _answer(
        self, request: web.Request, parts: list[str], body: dict[str, Any] | None
    ) -> web.Response:
        method = request.method
        if parts[:2] == ["v3", "conversations"] and len(parts) == 2 and method == "POST":
            members = (body or {}).get("members") or [{}]
            user = str(members[0].get("id", "")) or f"anon-{next(self._ids)}"
            conversation = self.personal_conversation(user)
            self._tenants[conversation] = str((body or {}).get("tenantId") or "")
            return web.json_response({"id": conversation}, status=201)
        if len(parts) >= 4 and parts[:2] == ["v3", "conversations"] and parts[3] == "activities":
            if method == "POST" and len(parts) > 4:
                # a reply in a turn (…/activities/{id}): an answer, not part of a fan-out
                self.replies_at[self.tenant_of(parts[2], None)].append(self._now())
                return web.json_response({"id": f"1:act-{next(self._ids)}"}, status=201)
            if method == "POST":
                conversation = parts[2]
                self.delivered[conversation] += 1
                self.delivered_at[self.tenant_of(conversation, None)].append(self._now())
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

    def _now(self) -> float:
        return self.throttle.now() if self.throttle else 0.0

    def tenant_of(self, conversation_id: str | None, body: dict[str, Any] | None) -> str:
        """The tenant a call counts against."""
        tenant = (body or {}).get("tenantId") or self._tenants.get(conversation_id or "")
        if not tenant and conversation_id:
            found = re.search(r"tenant-\d+", conversation_id)
            tenant = found.group(0) if found else ""
        return str(tenant or self.default_tenant)

    def stats(self) -> dict[str, Any]:
        """What reached this connector, for the benchmark."""
        per_tenant = {
            tenant: {
                "sent": len(times),
                "first": min(times),
                "last": max(times),
                "p95": sorted(times)[max(0, int(len(times) * 0.95) - 1)],
            }
            for tenant, times in self.delivered_at.items()
            if times
        }
        return {
            "conversations": len(self.delivered),
            "messages": sum(self.delivered.values()),
            "duplicates": sum(n - 1 for n in self.delivered.values() if n > 1),
            "doubled": sorted(c for c, n in self.delivered.items() if n > 1),
            "throttled": self.throttle.refused if self.throttle else 0,
            "unavailable": self.unavailable,
            "replies": sum(len(times) for times in self.replies_at.values()),
            "throttled_answers": self.throttled_answers,
            "tenants": per_tenant,
        }

    def _graph(
        self, request: web.Request, parts: list[str], body: dict[str, Any] | None
    ) -> web.Response:
        """Microsoft Graph: the app catalogue, a user's installed apps, the per-user install."""
        app = {"id": CATALOG_APP_ID, "externalId": "x"}
        if parts[1:3] == ["appCatalogs", "teamsApps"] and request.method == "GET":
            if self.catalog_status != 200:  # AppCatalog.Read.All not granted
                return web.json_response({"error": {"code": "x"}}, status=self.catalog_status)
            return web.json_response({"value": [app]})
        if parts[1] == "users" and parts[3:] == ["teamwork", "installedApps"]:
            if request.method == "GET":
                has = parts[2] in self.with_app
                return web.json_response(
                    {"value": [{"id": "inst-1", "teamsApp": app}] if has else []}
                )
            self.installs.append(parts[2])
            self.install_bindings.append(str((body or {}).get("teamsApp@odata.bind", "")))
            if self.graph_status >= 400:
                return web.json_response({"error": {"code": "x"}}, status=self.graph_status)
            self.with_app.add(parts[2])
            return web.Response(status=self.graph_status)
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
