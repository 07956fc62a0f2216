"""The aiohttp app factory: routes, request authentication, database, scheduler and delivery."""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass
from functools import partial
from typing import Any

import jwt
import requests
from aiohttp import web
from botbuilder.integration.aiohttp import ConfigurationBotFrameworkAuthentication
from botbuilder.schema import Activity

from bot import pages
from bot.boundary import (
    TEAMS_CHANNEL,
    bearer_token,
    channel_name,
    may_see_details,
    service_url_allowed,
    service_url_host,
    too_deeply_nested,
)
from bot.connector import ConnectorClient, token_source
from bot.delivery import DeliveryWorker
from bot.faces import CACHE_SECONDS, Picture, load_pictures
from bot.handler import DagritmeBot
from bot.observability import Metrics, request_id_middleware
from bot.scheduler import Scheduler
from bot.settings import Settings
from bot.workers import worker_for
from cards.faces import FACE_PREFIX
from dialogs.dispatch import Dispatcher
from domain.clock import Clock, SystemClock
from domain.text import holds_unstorable
from storage import outbox, teams
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
    auth: ConfigurationBotFrameworkAuthentication  # checks who sent a request
    bot: DagritmeBot
    dispatcher: Dispatcher
    worker: DeliveryWorker
    scheduler: Scheduler
    metrics: Metrics
    pictures: dict[str, Picture]


def build_services(settings: Settings, *, clock: Clock | None = None) -> Services:
    """Wire the parts of one running bot."""
    clock = clock or SystemClock()
    observed = Metrics()
    db = Database.from_url(settings.database_url)
    connector = ConnectorClient(token_source(settings))
    worker = worker_for(
        settings, db, connector, clock, metrics=observed, answers_only=not settings.delivery_worker
    )
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
    bot = DagritmeBot(
        dispatcher,
        connector,
        clock,
        allowed_tenants=settings.tenant_allow_list,
        metrics=observed,
        pace=partial(worker.pace, urgent=True),
        public_url=settings.public_base,
    )
    return Services(
        settings=settings,
        clock=clock,
        db=db,
        connector=connector,
        auth=auth,
        bot=bot,
        dispatcher=dispatcher,
        worker=worker,
        scheduler=Scheduler(db, worker, clock, settings=settings),
        metrics=observed,
        pictures=load_pictures(),
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


# A backlog older than this means delivery is stuck or far behind: reported, not fatal.
LATE_DELIVERY_SECONDS = 600


async def healthz(request: web.Request) -> web.Response:
    """GET /healthz: the status for anyone, the details for loopback and the operator token."""
    services = request.app[SERVICES]
    report = await health_report(services)
    body = report if _operator(request) else {"status": report["status"]}
    return web.json_response(body, status=503 if report["status"] == "down" else 200)


async def health_report(services: Services) -> dict[str, Any]:
    """Is the process up, does the database answer, and how is delivery doing.

    Only a database that does not answer makes it "down" (503: a restart may help); a late
    backlog or failed deliveries show in the details, for the operator.
    """
    database = await services.db.ping()
    report: dict[str, Any] = {"status": "ok" if database else "down", "database": database}
    if not database:
        return report
    try:
        async with services.db.session() as session:
            # The details, one line each: counts and reasons, never a tenant, team or person.
            report["deliveries"] = await outbox.health(session=session, now=services.clock.now())
            report["deliveries"]["lanes"] = len(services.worker.lanes)
            report["teams_without_coordinator"] = await teams.count_without_coordinator(
                session=session
            )
    except Exception:  # a health check answers, whatever a query ran into
        logger.warning("could not read the details for /healthz", exc_info=True)
    deliveries = report.get("deliveries")
    if deliveries and deliveries["oldest_due_seconds"] > LATE_DELIVERY_SECONDS:
        report["status"] = "degraded"
    return report


async def metrics(request: web.Request) -> web.Response:
    """GET /metrics: counters of this process and the outbox queue, in Prometheus format.

    For loopback and the operator token only (401 without credentials, 403 with wrong ones).
    """
    services = request.app[SERVICES]
    if not _operator(request):
        if bearer_token(request.headers.get("Authorization")) is None:
            return web.json_response(
                {"error": "operator token required"},
                status=401,
                headers={"WWW-Authenticate": 'Bearer realm="dagritme"'},
            )
        return _problem(403, "wrong operator token")
    async with services.db.session() as session:
        counts = await outbox.counts(session=session)
    queue: dict[tuple[tuple[str, str], ...], float] = {
        (("status", status),): float(n) for status, n in counts.items()
    }
    body = services.metrics.render({"dagritme_outbox_deliveries": queue})
    return web.Response(text=body, content_type="text/plain", charset="utf-8")


def _operator(request: web.Request) -> bool:
    """Whether the caller may see operational details (loopback, or the operator token)."""
    token = request.app[SERVICES].settings.operator_token.get_secret_value()
    return may_see_details(request.remote, request.headers.get("Authorization"), token)


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
