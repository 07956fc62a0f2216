"""Serving the app: the web server plus the scheduler and delivery worker in the same process."""

from __future__ import annotations

import logging

from aiohttp import web

from bot.app import create_app
from bot.settings import Settings

logger = logging.getLogger(__name__)


def serve(settings: Settings, *, host: str, port: int) -> None:
    """Run until interrupted."""
    app = create_app(settings)
    logger.info(
        "serving on http://%s:%s/api/messages (%s)",
        host,
        port,
        "authenticated" if settings.authenticated else "local mode, no authentication",
    )
    web.run_app(app, host=host, port=port, print=None)
