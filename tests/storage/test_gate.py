"""On SQLite, transactions take turns in the process, and someone waiting for an answer goes
before the background work without starving it."""

from __future__ import annotations

import asyncio

import pytest
from sqlalchemy import text

from storage.db import Database, Gate


async def _take(gate: Gate, name: str, order: list[str], *, answering: bool) -> None:
    await gate.acquire(answering=answering)
    order.append(name)
    await asyncio.sleep(0)
    gate.release()


async def test_an_answer_goes_before_the_work_that_was_waiting() -> None:
    gate, order = Gate(), []
    await gate.acquire(answering=False)  # the fan-out's transaction under way
    waiting = [
        asyncio.create_task(_take(gate, "fan-out 1", order, answering=False)),
        asyncio.create_task(_take(gate, "fan-out 2", order, answering=False)),
    ]
    await asyncio.sleep(0)
    waiting.append(asyncio.create_task(_take(gate, "answer", order, answering=True)))
    await asyncio.sleep(0)
    gate.release()
    await asyncio.gather(*waiting)
    assert order == ["answer", "fan-out 1", "fan-out 2"]


async def test_answers_and_background_work_take_turns_when_both_wait() -> None:
    gate, order = Gate(), []
    await gate.acquire(answering=True)
    waiting = [
        asyncio.create_task(_take(gate, f"{kind} {i}", order, answering=kind == "answer"))
        for i in range(3)
        for kind in ("answer", "work")
    ]
    await asyncio.sleep(0)
    gate.release()
    await asyncio.gather(*waiting)
    # the last holder answered, so the work goes first; then one of each
    assert order == ["work 0", "answer 0", "work 1", "answer 1", "work 2", "answer 2"]


@pytest.mark.parametrize("handed", [False, True], ids=["while-waiting", "as-it-is-handed"])
async def test_a_cancelled_waiter_passes_the_gate_on(handed: bool) -> None:
    gate, order = Gate(), []
    await gate.acquire(answering=False)
    cancelled = asyncio.create_task(gate.acquire(answering=True))
    later = asyncio.create_task(_take(gate, "later", order, answering=False))
    await asyncio.sleep(0)
    if handed:
        gate.release()  # handed to the first waiter, which is cancelled before it runs
    cancelled.cancel()
    with pytest.raises(asyncio.CancelledError):
        await cancelled
    if not handed:
        gate.release()
    await asyncio.wait_for(later, timeout=1)
    assert order == ["later"]
    await asyncio.wait_for(gate.acquire(answering=False), timeout=1)  # open again


async def test_sessions_wait_for_each_other_and_a_nested_one_does_not_wait_for_itself(
    db: Database,
) -> None:
    inside: list[str] = []

    async def turn(name: str) -> None:
        async with db.session(answering=True) as session:
            inside.append(f"{name} in")
            await session.exec(text("SELECT 1"))  # type: ignore[call-overload]
            async with db.session() as nested:  # the same task: no waiting for itself
                await nested.exec(text("SELECT 1"))  # type: ignore[call-overload]
            await asyncio.sleep(0.01)
            inside.append(f"{name} out")

    await asyncio.wait_for(asyncio.gather(turn("a"), turn("b")), timeout=10)
    if db.dialect == "sqlite":  # one after the other
        assert inside == ["a in", "a out", "b in", "b out"]
    else:  # PostgreSQL lets them run side by side
        assert sorted(inside) == ["a in", "a out", "b in", "b out"]
