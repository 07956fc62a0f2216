"""A delivery worker made from the settings: Teams' limits, concurrency, leases, the answers'
reserve and, where the school granted it, app installs through Microsoft Graph. Used by
`dagritme serve`, `dagritme deliver` and `dagritme tick`."""

from __future__ import annotations

import time
from datetime import timedelta

from bot.connector import ConnectorClient
from bot.delivery import DeliveryWorker
from bot.graph import GraphInstaller, graph_tokens
from bot.observability import Metrics
from bot.pacing import parse_limits
from bot.settings import Settings
from domain.clock import Clock
from storage.db import Database


def worker_for(
    settings: Settings,
    db: Database,
    connector: ConnectorClient,
    clock: Clock,
    *,
    metrics: Metrics | None = None,
    answers_only: bool = False,
) -> DeliveryWorker:
    """A worker configured from the settings (limits, concurrency, Graph installs); with
    `answers_only`, for a server whose fan-out runs in a delivery process of its own."""
    graph = None
    if settings.graph_installs:
        graph = GraphInstaller(
            base_url=settings.graph_url,
            teams_app_id=settings.app_id,
            tokens=graph_tokens(settings),
            monotonic=time.monotonic,
        )
    return DeliveryWorker(
        db,
        connector,
        clock,
        max_attempts=settings.delivery_max_attempts,
        batch=settings.delivery_batch,
        concurrency=settings.delivery_concurrency,
        conversation_limits=parse_limits(settings.conversation_limits),
        tenant_limits=parse_limits(settings.tenant_limits),
        answer_reserve=settings.answer_reserve,
        answers_only=answers_only,
        name=settings.worker_name,
        lease_ttl=timedelta(seconds=settings.delivery_lease_seconds),
        graph=graph,
        metrics=metrics,
        public_url=settings.public_base,
    )
