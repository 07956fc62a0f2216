"""The aiohttp app factory: routes, Bot Framework adapter, database, scheduler and delivery."""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass
from functools import partial
from typing import Any

import jwt
import requests
from aiohttp import web
from botbuilder.integration.aiohttp import CloudAdapter, ConfigurationBotFrameworkAuthentication
from botbuilder.schema import Activity

from bot import pages
from bot.connector import ConnectorClient, token_source
from bot.delivery import DeliveryWorker, worker_for
from bot.handler import DagritmeBot
from bot.observability import Metrics, request_id_middleware
from bot.scheduler import Rhythm
from bot.settings import Settings
from dialogs.dispatch import Dispatcher
from domain.clock import Clock, SystemClock
from storage import outbox
from storage.db import Database

logger = logging.getLogger(__name__)

SERVICES: web.AppKey[Services] = web.AppKey("services")
BOT_FRAMEWORK_ISSUER = "https://api.botframework.com"


@dataclass
class AdapterConfig:
    """The configuration object the Bot Framework SDK reads its credentials from."""

    APP_ID: str
    APP_PASSWORD: str
    APP_TYPE: str
    APP_TENANTID: str
    TO_BOT_FROM_CHANNEL_OPENID_METADATA_URL: str | None = None
    TO_BOT_FROM_CHANNEL_TOKEN_ISSUER: str | None = None


@dataclass
class Services:
    """Everything the routes share, built once per app."""

    settings: Settings
    clock: Clock
    db: Database
    connector: ConnectorClient
    adapter: CloudAdapter
    bot: DagritmeBot
    dispatcher: Dispatcher
    worker: DeliveryWorker
    rhythm: Rhythm
    metrics: Metrics


def build_services(settings: Settings, *, clock: Clock | None = None) -> Services:
    """Wire the parts of one running bot."""
    clock = clock or SystemClock()
    observed = Metrics()
    db = Database.from_url(settings.database_url)
    connector = ConnectorClient(token_source(settings))
    worker = worker_for(settings, db, connector, clock, metrics=observed)
    dispatcher = Dispatcher(
        db, on_outbox=worker.wake, commands_per_minute=settings.commands_per_minute
    )
    auth = ConfigurationBotFrameworkAuthentication(
        AdapterConfig(
            APP_ID=settings.app_id,
            APP_PASSWORD=settings.app_password,
            # Local mode has no app id; the SDK accepts that only for the MultiTenant type.
            APP_TYPE=settings.app_type if settings.app_id else "MultiTenant",
            APP_TENANTID=settings.app_tenant_id,
            TO_BOT_FROM_CHANNEL_OPENID_METADATA_URL=settings.openid_metadata_url,
            # With its own metadata URL the SDK checks the issuer given here (Teams' issuer).
            TO_BOT_FROM_CHANNEL_TOKEN_ISSUER=(
                BOT_FRAMEWORK_ISSUER if settings.openid_metadata_url else None
            ),
        )
    )
    adapter = CloudAdapter(auth)
    bot = DagritmeBot(
        dispatcher,
        connector,
        clock,
        allowed_tenants=settings.tenant_allow_list,
        metrics=observed,
        pace=partial(worker.pace, urgent=True),
    )
    return Services(
        settings=settings,
        clock=clock,
        db=db,
        connector=connector,
        adapter=adapter,
        bot=bot,
        dispatcher=dispatcher,
        worker=worker,
        rhythm=Rhythm(db, worker, clock, settings=settings),
        metrics=observed,
    )


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
    if settings.scheduler:
        app.on_startup.append(_start_rhythm)
    app.on_cleanup.append(_close)
    return app


async def _start_rhythm(app: web.Application) -> None:
    await app[SERVICES].rhythm.start()


async def _close(app: web.Application) -> None:
    services = app[SERVICES]
    await services.rhythm.stop()
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
    return None


async def messages(request: web.Request) -> web.StreamResponse:
    """POST /api/messages: validate, authenticate (through the SDK), then handle."""
    services = request.app[SERVICES]
    if request.content_type != "application/json":
        return _problem(415, "expected application/json")
    try:
        raw = await request.read()
    except web.HTTPRequestEntityTooLarge:
        return _problem(413, "request too large")
    try:
        body = json.loads(raw)
    except (ValueError, UnicodeDecodeError):
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
        response = await services.adapter.process_activity(
            auth_header, activity, services.bot.on_turn
        )
    except (PermissionError, jwt.PyJWTError):
        return _problem(401, "unauthorized")
    except requests.RequestException:
        # The Bot Framework's signing keys could not be fetched: nothing was processed, and
        # Teams retries a 503.
        logger.exception("could not fetch the Bot Framework signing keys")
        return _problem(503, "authentication service unavailable")
    if response is not None:
        return web.json_response(response.body, status=response.status)
    return web.Response(status=200)


# A backlog older than this means delivery is stuck or far behind: reported, not fatal.
LATE_DELIVERY_SECONDS = 600


async def healthz(request: web.Request) -> web.Response:
    """GET /healthz: is the process up, does the database answer, and how is delivery doing.

    Only a database that does not answer makes it 503 (a restart may help); a late backlog or
    failed deliveries show in the details, for the operator.
    """
    services = request.app[SERVICES]
    database = await services.db.ping()
    body: dict[str, Any] = {"status": "ok" if database else "down", "database": database}
    if database:
        try:
            async with services.db.session() as session:
                deliveries = await outbox.health(session=session, now=services.clock.now())
        except Exception:  # a health check answers, whatever the outbox query ran into
            logger.warning("could not read the outbox for /healthz", exc_info=True)
        else:
            deliveries["lanes"] = sorted(services.worker.lanes)
            body["deliveries"] = deliveries
            if deliveries["oldest_due_seconds"] > LATE_DELIVERY_SECONDS:
                body["status"] = "degraded"
    return web.json_response(body, status=200 if database else 503)


async def metrics(request: web.Request) -> web.Response:
    """GET /metrics: counters of this process and the outbox queue, in Prometheus format."""
    services = request.app[SERVICES]
    async with services.db.session() as session:
        counts = await outbox.counts(session=session)
    queue: dict[tuple[tuple[str, str], ...], float] = {
        (("status", status),): float(n) for status, n in counts.items()
    }
    body = services.metrics.render({"dagritme_outbox_deliveries": queue})
    return web.Response(text=body, content_type="text/plain", charset="utf-8")


async def public_page(request: web.Request) -> web.Response:
    """GET /privacy and /voorwaarden: the pages the Teams app's details link to."""
    body = pages.page(request.match_info["page"])
    if body is None:
        raise web.HTTPNotFound()
    return web.Response(text=body, content_type="text/html", charset="utf-8")
