"""The aiohttp app: its routes, and POST /api/messages (validated, authenticated, refused or
handled). The parts it serves with are wired in `bot.services`; /healthz and /metrics are in
`bot.operator_pages`."""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass
from typing import Any

import jwt
import requests
from aiohttp import web
from botbuilder.integration.aiohttp import ConfigurationBotFrameworkAuthentication
from botbuilder.schema import Activity

from bot import pages
from bot.boundary import (
    TEAMS_CHANNEL,
    channel_name,
    service_url_allowed,
    service_url_host,
    too_deeply_nested,
)
from bot.faces import CACHE_SECONDS
from bot.observability import request_id_middleware
from bot.operator_pages import healthz, metrics
from bot.services import SERVICES, build_services
from bot.settings import Settings
from cards.faces import FACE_PREFIX
from domain.clock import Clock
from domain.text import holds_unstorable

logger = logging.getLogger(__name__)


def create_app(settings: Settings, *, clock: Clock | None = None) -> web.Application:
    """The web application serving /api/messages and /healthz."""
    app = web.Application(
        client_max_size=settings.max_request_bytes, middlewares=[request_id_middleware]
    )
    services = build_services(settings, clock=clock)
    app[SERVICES] = services
    app.router.add_post("/api/messages", messages)
    app.router.add_get("/healthz", healthz)
    app.router.add_get("/metrics", metrics)
    app.router.add_get("/{page:privacy|voorwaarden}", public_page)
    app.router.add_get(FACE_PREFIX + "{name}", picture)
    if settings.scheduler:
        app.on_startup.append(_start_rhythm)
    app.on_cleanup.append(_close)
    return app


async def _start_rhythm(app: web.Application) -> None:
    await app[SERVICES].scheduler.start()


async def _close(app: web.Application) -> None:
    services = app[SERVICES]
    await services.scheduler.stop()
    await services.worker.close()
    await services.connector.close()
    await services.db.close()


def _problem(status: int, reason: str) -> web.Response:
    return web.json_response({"error": reason}, status=status)


def validate_activity(body: Any) -> str | None:
    """Why an incoming body is not an activity we can handle, or None when it is."""
    if not isinstance(body, dict):
        return "the body must be a JSON object"
    if not isinstance(body.get("type"), str) or not body["type"]:
        return "'type' is required"
    for field in ("conversation", "from", "recipient"):
        value = body.get(field)
        if not isinstance(value, dict) or not isinstance(value.get("id"), str) or not value["id"]:
            return f"'{field}.id' is required"
    service_url = body.get("serviceUrl")
    if not isinstance(service_url, str) or not service_url.startswith(("https://", "http://")):
        return "'serviceUrl' must be an http(s) URL"
    for field in ("text", "locale", "id", "replyToId", "channelId"):
        if field in body and body[field] is not None and not isinstance(body[field], str):
            return f"'{field}' must be a string"
    for field in ("channelData", "value"):
        if field in body and body[field] is not None and not isinstance(body[field], dict):
            return f"'{field}' must be an object"
    for field in ("entities", "membersAdded", "membersRemoved", "attachments"):
        if field in body and body[field] is not None:
            items = body[field]
            if not isinstance(items, list) or not all(isinstance(i, dict) for i in items):
                return f"'{field}' must be a list of objects"
    if holds_unstorable(body):
        # A NUL or half a surrogate pair cannot be stored (PostgreSQL refuses it in any text).
        return "text with NUL or half a surrogate pair"
    return None


async def messages(request: web.Request) -> web.StreamResponse:
    """POST /api/messages: validate, authenticate (through the SDK), refuse, then handle."""
    services = request.app[SERVICES]
    if request.content_type != "application/json":
        return _problem(415, "expected application/json")
    try:
        raw = await request.read()
    except web.HTTPRequestEntityTooLarge:
        return _problem(413, "request too large")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        return _problem(400, "malformed JSON")
    if too_deeply_nested(text):
        services.metrics.inc("dagritme_requests_refused_total", reason="nesting")
        return _problem(400, "too deeply nested")
    try:
        body = json.loads(text)
    except ValueError:
        return _problem(400, "malformed JSON")
    problem = validate_activity(body)
    if problem:
        return _problem(400, problem)
    try:
        activity = Activity().deserialize(body)
    except (ValueError, TypeError, AttributeError, KeyError):
        return _problem(400, "not a Bot Framework activity")
    auth_header = request.headers.get("Authorization", "")
    try:
        # Authenticated first: who sends it is asked (401) before what they may send (403).
        await _authenticate(services.auth, activity, auth_header)
        refusal = refuse_activity(body, services.settings)
        if refusal:
            services.metrics.inc("dagritme_requests_refused_total", reason=refusal.metric)
            return _problem(403, refusal.reason)
    except (PermissionError, jwt.PyJWTError):
        return _problem(401, "unauthorized")
    except requests.RequestException:
        # The Bot Framework's signing keys could not be fetched: nothing was processed, and
        # Teams retries a 503.
        logger.exception("could not fetch the Bot Framework signing keys")
        return _problem(503, "authentication service unavailable")
    await services.bot.on_activity(activity)
    return web.Response(status=200)


async def _authenticate(
    auth: ConfigurationBotFrameworkAuthentication, activity: Activity, auth_header: str
) -> Any:
    """The SDK's check of the request's token (none in local mode); PermissionError if refused."""
    # With its own metadata URL the SDK takes only None for "no header", and fails with an
    # AttributeError on a header that is not "<scheme> <token>".
    if auth_header and len(auth_header.split(" ")) != 2:
        raise PermissionError("the Authorization header is not '<scheme> <token>'")
    try:
        return await auth.authenticate_request(activity, auth_header or None)
    except Exception as exc:
        if type(exc) is not Exception:  # PermissionError, PyJWTError, a failed key fetch, a bug
            raise
        # botframework-connector refuses some tokens with a plain Exception: a signing key that
        # does not endorse the activity's channel, an algorithm it does not allow.
        logger.info("the Bot Framework SDK refused a token: %s", exc)
        raise PermissionError(str(exc)) from exc


@dataclass(frozen=True)
class Refusal:
    """Why an authenticated, well-formed activity is not taken: the answer and the metric."""

    reason: str
    metric: str


def refuse_activity(body: dict[str, Any], settings: Settings) -> Refusal | None:
    """Teams only, replies only to Teams' hosts: the refusal of an activity, or None to go on.

    Checked before the bot sees the activity, so nothing is read or stored. A Web Chat or Direct
    Line token is a valid Bot Framework token too, and their clients choose the sender's id: the
    serviceUrl (which the token vouches for) is what ties an activity to Teams.
    """
    channel = body.get("channelId")
    if channel != TEAMS_CHANNEL:
        logger.info(
            "refused an activity from channel %s: only Teams is served", channel_name(channel)
        )
        return Refusal("only Microsoft Teams", "channel")
    service_url = body["serviceUrl"]
    if settings.authenticated and not service_url_allowed(
        service_url, settings.service_url_host_patterns
    ):
        logger.info(
            "refused an activity whose serviceUrl host %s is not in DAGRITME_SERVICE_URL_HOSTS",
            service_url_host(service_url) or "(unreadable)",
        )
        return Refusal("serviceUrl is not a Microsoft Teams host", "service_url")
    return None


async def public_page(request: web.Request) -> web.Response:
    """GET /privacy and /voorwaarden: the pages the Teams app's details link to."""
    body = pages.page(request.match_info["page"])
    if body is None:
        raise web.HTTPNotFound()
    return web.Response(text=body, content_type="text/html", charset="utf-8")


async def picture(request: web.Request) -> web.Response:
    """GET /images/<name>: a picture our cards show (the faces), cached by Teams and browsers."""
    found = request.app[SERVICES].pictures.get(request.match_info["name"])
    if found is None:
        raise web.HTTPNotFound()
    headers = {
        "Cache-Control": f"public, max-age={CACHE_SECONDS}",
        "ETag": found.etag,
        "X-Content-Type-Options": "nosniff",
    }
    if found.etag in request.headers.get("If-None-Match", ""):
        return web.Response(status=304, headers=headers)
    return web.Response(body=found.body, content_type="image/png", headers=headers)
