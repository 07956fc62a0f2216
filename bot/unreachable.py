"""What a 403 for one person means: the app is not installed for them, or they blocked the bot.

Where the school granted it, the app is installed for them through Graph and the send is tried
once more; otherwise the person is marked unreachable, their mentor hears of it once (a notice
in the outbox), and this worker sends them nothing more.
"""

from __future__ import annotations

from collections.abc import Callable

from bot.graph import GraphInstaller, Install
from bot.observability import Metrics
from bot.targets import Target
from dialogs.reachability import mark_unreachable
from domain.clock import Clock
from storage import people
from storage.db import Database


class Unreachable:
    """The people this worker found it cannot reach, and the Graph installs that may reach them."""

    def __init__(
        self,
        db: Database,
        clock: Clock,
        metrics: Metrics,
        *,
        graph: GraphInstaller | None,
        wake: Callable[[], None],
    ) -> None:
        self.db = db
        self.clock = clock
        self.metrics = metrics
        self.graph = graph
        self._wake = wake  # the outbox has new rows (a mentor's notice)
        self._user_ids: set[str] = set()

    def __contains__(self, user_id: object) -> bool:
        """Whether a Teams user was found unreachable in this run."""
        return user_id in self._user_ids

    async def installed(self, target: Target) -> bool:
        """Whether the app was installed for the person just now (through Graph, where allowed)."""
        if self.graph is None:
            return False
        async with self.db.session() as session:
            peers = await people.reachable_aad_ids(session=session, tenant_id=target.tenant)
        outcome = await self.graph.install(
            tenant_id=target.tenant,
            aad_object_id=target.aad_object_id,
            peers=[peer for peer in peers if peer != target.aad_object_id],
        )
        self.metrics.inc("dagritme_graph_installs_total", outcome=outcome.value)
        return outcome is Install.INSTALLED

    async def mark(self, target: Target) -> None:
        """Send the person nothing more; their mentor is told once, through the outbox."""
        assert target.user_id is not None
        self._user_ids.add(target.user_id)
        async with self.db.session() as session:
            news = await mark_unreachable(
                session,
                teams_user_id=target.user_id,
                tenant_id=target.tenant,
                service_url=target.service_url,
                now=self.clock.now(),
            )
        if news:
            self._wake()  # the mentor's notice is in the outbox
