"""Structured logs with a request id, and Prometheus metrics. Ids and event names only."""

from __future__ import annotations

import contextvars
import json
import logging
import sys
import uuid
from collections import defaultdict
from collections.abc import Awaitable, Callable, Mapping
from datetime import UTC, datetime

from aiohttp import web

REQUEST_ID: contextvars.ContextVar[str] = contextvars.ContextVar("request_id", default="-")


class RequestIdFilter(logging.Filter):
    """Puts the current request id on every record."""

    def filter(self, record: logging.LogRecord) -> bool:
        record.request_id = REQUEST_ID.get()
        return True


class JsonFormatter(logging.Formatter):
    """One JSON object per line, for log collectors."""

    def format(self, record: logging.LogRecord) -> str:
        entry = {
            "ts": datetime.fromtimestamp(record.created, UTC).isoformat(),
            "level": record.levelname,
            "logger": record.name,
            "msg": record.getMessage(),
            "request_id": getattr(record, "request_id", "-"),
        }
        if record.exc_info:
            entry["error"] = self.formatException(record.exc_info)
        return json.dumps(entry, ensure_ascii=False)


# Loggers of libraries that print SQL parameters or request bodies at DEBUG level: what a pupil
# or mentor typed would end up in the log, so they never log below WARNING.
CHATTY = ("aiosqlite", "sqlalchemy.engine", "asyncpg", "botbuilder", "botframework", "msrest")


def quiet_libraries() -> None:
    """Keep third-party loggers that could carry personal text at WARNING and above."""
    for name in CHATTY:
        logging.getLogger(name).setLevel(logging.WARNING)
    # The planner runs every half minute; its "executed successfully" lines are noise.
    logging.getLogger("apscheduler").setLevel(logging.WARNING)
    # Alembic lists each of its plugins at INFO before every upgrade; the migrations themselves
    # ("Running upgrade …") stay in the log.
    logging.getLogger("alembic.runtime.plugins").setLevel(logging.WARNING)


def configure_logging(level: str) -> None:
    """Plain logs on a terminal, JSON lines otherwise; ids and event names, never pupil text."""
    handler = logging.StreamHandler(sys.stderr)
    handler.addFilter(RequestIdFilter())
    if sys.stderr.isatty():
        handler.setFormatter(
            logging.Formatter("%(asctime)s %(levelname)s %(name)s [%(request_id)s]: %(message)s")
        )
    else:
        handler.setFormatter(JsonFormatter())
    logging.basicConfig(level=level.upper(), handlers=[handler], force=True)
    quiet_libraries()


@web.middleware
async def request_id_middleware(
    request: web.Request, handler: Callable[[web.Request], Awaitable[web.StreamResponse]]
) -> web.StreamResponse:
    """Give each request an id (Teams' MS-CV when present) for the logs and the response."""
    rid = (request.headers.get("MS-CV") or request.headers.get("X-Request-Id") or "")[:64]
    token = REQUEST_ID.set(rid or uuid.uuid4().hex[:16])
    try:
        response = await handler(request)
        response.headers["X-Request-Id"] = REQUEST_ID.get()
        return response
    finally:
        REQUEST_ID.reset(token)


HELP: Mapping[str, str] = {
    "dagritme_activities_total": "Activities handled, by kind.",
    "dagritme_deliveries_total": "Delivery attempts by outcome and prompt.",
    "dagritme_delivery_throttled_total": "Calls Teams answered with 429.",
    "dagritme_delivery_paced_total": "Times a lane waited for a slot inside the rate limits.",
    "dagritme_graph_installs_total": "App installs through Graph for unreachable users.",
    "dagritme_delivery_lanes": "Tenants this process is sending for now.",
    "dagritme_outbox_deliveries": "Outbox rows by status.",
    "dagritme_requests_refused_total": "Requests refused before handling, by reason.",
    "dagritme_turn_errors_total": "Turns that ended in an error (answered politely), by kind.",
}


class Metrics:
    """Counters kept in the process; rendered in the Prometheus text format."""

    def __init__(self) -> None:
        self._counters: dict[str, dict[tuple[tuple[str, str], ...], int]] = defaultdict(
            lambda: defaultdict(int)
        )
        self._gauges: dict[str, dict[tuple[tuple[str, str], ...], float]] = defaultdict(dict)

    def set(self, name: str, level: float, **labels: str) -> None:
        """Set a gauge kept by the process."""
        self._gauges[name][tuple(sorted(labels.items()))] = level

    def inc(self, name: str, amount: int = 1, **labels: str) -> None:
        """Add to a counter."""
        self._counters[name][tuple(sorted(labels.items()))] += amount

    def render(self, gauges: Mapping[str, Mapping[tuple[tuple[str, str], ...], float]]) -> str:
        """The exposition text, counters first, then the gauges given."""
        lines: list[str] = []
        for name, series in sorted(self._counters.items()):
            lines.append(f"# HELP {name} {HELP.get(name, name)}")
            lines.append(f"# TYPE {name} counter")
            lines += [
                f"{name}{_labels(labels)} {value}" for labels, value in sorted(series.items())
            ]
        for name, gauge in sorted({**self._gauges, **gauges}.items()):
            lines.append(f"# HELP {name} {HELP.get(name, name)}")
            lines.append(f"# TYPE {name} gauge")
            lines += [
                f"{name}{_labels(labels)} {level:g}" for labels, level in sorted(gauge.items())
            ]
        return "\n".join(lines) + "\n"


def _labels(labels: tuple[tuple[str, str], ...]) -> str:
    if not labels:
        return ""
    inner = ",".join(f'{key}="{value.replace(chr(34), "")}"' for key, value in labels)
    return "{" + inner + "}"
