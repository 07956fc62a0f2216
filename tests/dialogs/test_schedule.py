"""The planner across many teams: what one team writes never stands in for another's."""

from __future__ import annotations

from datetime import time
from typing import Any

import pytest
from sqlmodel import col, select

from dialogs.clock import digests
from dialogs.clock.planner import enqueue_due
from domain.clock import at_local
from storage.db import Database
from storage.models import Delivery
from tests.support.fanout import DAY, seed_fanout


async def test_each_team_without_coordinators_has_its_signals_evaluated_once(
    db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    evaluated: list[int | None] = []
    evaluate = digests.evaluate

    async def counted(session: Any, team: Any, **kwargs: Any) -> Any:
        evaluated.append(team.id)
        return await evaluate(session, team, **kwargs)

    monkeypatch.setattr(digests, "evaluate", counted)
    morning = at_local(DAY, time(8, 0))
    await seed_fanout(db, pupils=30, tenants=3, service_url="http://unused/", now=morning)
    after_the_close = at_local(DAY, time(15, 20))
    await enqueue_due(db, after_the_close)
    assert len(evaluated) == 3
    await enqueue_due(db, after_the_close)  # half a minute later: nothing to do again
    assert len(evaluated) == 3
    async with db.session() as session:
        markers = (
            await session.exec(select(Delivery).where(col(Delivery.prompt) == "digest_daily"))
        ).all()
    assert sorted(m.recipient for m in markers) == sorted(
        f"nobody:team-{team_id}" for team_id in set(evaluated)
    )
    assert {m.status for m in markers} == {"cancelled"}
