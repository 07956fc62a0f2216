"""Queries about early signals."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime

from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from storage.models import PupilSignal
from storage.util import insert_once


async def open_signals(*, session: AsyncSession, team_id: int) -> Sequence[PupilSignal]:
    """A team's signals that still hold, oldest first."""
    result = await session.exec(
        select(PupilSignal)
        .where(PupilSignal.team_id == team_id, col(PupilSignal.resolved_at).is_(None))
        .order_by(col(PupilSignal.since), col(PupilSignal.id))
    )
    return result.all()


async def raise_signal(
    *,
    session: AsyncSession,
    team_id: int,
    pupil_id: int,
    kind: str,
    since: date,
    detail: str,
    now: datetime,
) -> tuple[PupilSignal, bool]:
    """Record a signal once per pupil, kind and start day; returns (signal, new)."""
    signal, created = await insert_once(
        session,
        PupilSignal,
        values={
            "team_id": team_id,
            "pupil_id": pupil_id,
            "kind": kind,
            "since": since,
            "detail": detail[:50],
            "detected_at": now,
        },
        conflict=("pupil_id", "kind", "since"),
    )
    if not created and (signal.resolved_at is not None or signal.detail != detail[:50]):
        signal.resolved_at = None
        signal.detail = detail[:50]
        session.add(signal)
    return signal, created


async def resolve(*, session: AsyncSession, signal: PupilSignal, now: datetime) -> None:
    """The rule no longer holds."""
    signal.resolved_at = now
    session.add(signal)


async def detected_on(
    *, session: AsyncSession, team_id: int, start: datetime, end: datetime
) -> Sequence[PupilSignal]:
    """Signals first detected between two instants."""
    result = await session.exec(
        select(PupilSignal).where(
            PupilSignal.team_id == team_id,
            col(PupilSignal.detected_at) >= start,
            col(PupilSignal.detected_at) < end,
        )
    )
    return result.all()


async def pupil_signals_between(
    *, session: AsyncSession, pupil_id: int, start: datetime, end: date
) -> Sequence[PupilSignal]:
    """A pupil's signals that held at some moment between `start` and the day `end`: raised by
    then, and not resolved before `start`; oldest first."""
    result = await session.exec(
        select(PupilSignal)
        .where(
            PupilSignal.pupil_id == pupil_id,
            col(PupilSignal.since) <= end,
            col(PupilSignal.resolved_at).is_(None) | (col(PupilSignal.resolved_at) >= start),
        )
        .order_by(col(PupilSignal.since), col(PupilSignal.id))
    )
    return result.all()
