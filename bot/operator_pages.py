"""What the operator reads: /healthz (the status for anyone, the details for loopback and the
operator token) and /metrics (counters and the outbox queue, in Prometheus format)."""

from __future__ import annotations

import logging
from typing import Any

from aiohttp import web

from bot.boundary import bearer_token, may_see_details
from bot.services import SERVICES, Services
from storage import outbox, teams

logger = logging.getLogger(__name__)

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
        return web.json_response({"error": "wrong operator token"}, status=403)
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
