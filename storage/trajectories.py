"""Queries about trajectories: a pupil's path back to school, its phases, a team's phase names."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from typing import Any

from sqlalchemy import update
from sqlmodel import col, delete, select
from sqlmodel.ext.asyncio.session import AsyncSession

from storage.models import Person, TeamPhase, Trajectory, TrajectoryPhase


async def team_phases(*, session: AsyncSession, team_id: int) -> list[str]:
    """The phases a team named, in order; empty when it uses the default list."""
    result = await session.exec(
        select(TeamPhase.name).where(TeamPhase.team_id == team_id).order_by(col(TeamPhase.position))
    )
    return list(result.all())


async def set_team_phases(*, session: AsyncSession, team_id: int, names: Sequence[str]) -> None:
    """Replace a team's phase names (the history keeps the names it was written with)."""
    await session.exec(delete(TeamPhase).where(col(TeamPhase.team_id) == team_id))
    await session.flush()
    session.add_all(
        TeamPhase(team_id=team_id, position=position, name=name)
        for position, name in enumerate(names, start=1)
    )
    await session.flush()


async def trajectory_of(*, session: AsyncSession, pupil_id: int) -> Trajectory | None:
    """A pupil's trajectory, if one was begun."""
    result = await session.exec(select(Trajectory).where(Trajectory.pupil_id == pupil_id))
    return result.first()


async def phases_of(*, session: AsyncSession, trajectory_id: int) -> Sequence[TrajectoryPhase]:
    """A trajectory's phases, oldest first."""
    result = await session.exec(
        select(TrajectoryPhase)
        .where(TrajectoryPhase.trajectory_id == trajectory_id)
        .order_by(col(TrajectoryPhase.started_on))
    )
    return result.all()


async def begin(
    *, session: AsyncSession, team_id: int, pupil_id: int, started_on: date, now: datetime
) -> Trajectory:
    """A new trajectory for a pupil (without phases yet)."""
    trajectory = Trajectory(
        team_id=team_id, pupil_id=pupil_id, started_on=started_on, created_at=now, updated_at=now
    )
    session.add(trajectory)
    await session.flush()
    return trajectory


async def enter_phase(
    *,
    session: AsyncSession,
    trajectory: Trajectory,
    phase: str,
    day: date,
    author_id: int | None,
    now: datetime,
) -> None:
    """The pupil is in `phase` from `day`; a phase already begun that day is replaced by it."""
    assert trajectory.id is not None
    result = await session.exec(
        select(TrajectoryPhase).where(
            TrajectoryPhase.trajectory_id == trajectory.id, TrajectoryPhase.started_on == day
        )
    )
    row = result.first() or TrajectoryPhase(
        trajectory_id=trajectory.id, phase=phase, started_on=day, created_at=now
    )
    row.phase = phase
    row.author_id = author_id
    trajectory.updated_at = now
    session.add_all([row, trajectory])
    await session.flush()


async def move_start(
    *, session: AsyncSession, trajectory: Trajectory, started_on: date, now: datetime
) -> None:
    """A new start date; the first phase begins then too (the caller checked no other phase
    begins before it)."""
    assert trajectory.id is not None
    phases = await phases_of(session=session, trajectory_id=trajectory.id)
    if phases:
        phases[0].started_on = started_on
        session.add(phases[0])
    trajectory.started_on = started_on
    trajectory.updated_at = now
    session.add(trajectory)
    await session.flush()


async def end(
    *, session: AsyncSession, trajectory: Trajectory, ended_on: date, outcome: str, now: datetime
) -> None:
    """The trajectory ended on a day, with an outcome ("school", "elsewhere", "other")."""
    trajectory.ended_on = ended_on
    trajectory.outcome = outcome
    trajectory.updated_at = now
    session.add(trajectory)
    await session.flush()


async def current_phase(
    *, session: AsyncSession, pupil_id: int, today: date
) -> tuple[str, date] | None:
    """(phase, since) of a pupil whose trajectory is under way; None otherwise."""
    result = await session.exec(
        select(col(TrajectoryPhase.phase), col(TrajectoryPhase.started_on))
        .join(Trajectory, col(Trajectory.id) == col(TrajectoryPhase.trajectory_id))
        .where(
            Trajectory.pupil_id == pupil_id,
            col(Trajectory.ended_on).is_(None),
            TrajectoryPhase.started_on <= today,
        )
        .order_by(col(TrajectoryPhase.started_on).desc())
        .limit(1)
    )
    row = result.first()
    return None if row is None else (row[0], row[1])


async def team_trajectories(
    *, session: AsyncSession, team_id: int
) -> list[tuple[Trajectory, list[tuple[str, date]], datetime | None]]:
    """Every trajectory of a team: (trajectory, its phases oldest first, when the pupil left)."""
    found = (
        await session.exec(
            select(Trajectory, Person.left_at, Person.active)
            .join(Person, col(Person.id) == col(Trajectory.pupil_id))
            .where(Trajectory.team_id == team_id)
            .order_by(col(Trajectory.id))
        )
    ).all()
    ids = [trajectory.id for trajectory, _, _ in found]
    phases: dict[int, list[tuple[str, date]]] = {}
    if ids:
        rows = await session.exec(
            select(TrajectoryPhase)
            .where(col(TrajectoryPhase.trajectory_id).in_(ids))
            .order_by(col(TrajectoryPhase.started_on))
        )
        for row in rows.all():
            phases.setdefault(row.trajectory_id, []).append((row.phase, row.started_on))
    return [
        (trajectory, phases.get(trajectory.id or 0, []), None if active else left_at)
        for trajectory, left_at, active in found
    ]


async def erase_person(*, session: AsyncSession, person_id: int | None) -> None:
    """Remove a pupil's trajectory and its phases; a mentor's name goes from the phases they
    recorded for others."""
    owned = select(Trajectory.id).where(col(Trajectory.pupil_id) == person_id)
    await session.exec(delete(TrajectoryPhase).where(col(TrajectoryPhase.trajectory_id).in_(owned)))
    await session.exec(delete(Trajectory).where(col(Trajectory.pupil_id) == person_id))
    await session.exec(
        update(TrajectoryPhase)
        .where(col(TrajectoryPhase.author_id) == person_id)
        .values(author_id=None)
    )


async def export_pupil(*, session: AsyncSession, pupil_id: int | None) -> dict[str, Any]:
    """A pupil's trajectory and phases as JSON-ready rows, for the subject access export."""
    trajectory = (
        await session.exec(select(Trajectory).where(Trajectory.pupil_id == pupil_id))
    ).first()
    phases = (
        await phases_of(session=session, trajectory_id=trajectory.id or 0) if trajectory else []
    )
    return {
        "trajectory": [trajectory.model_dump(mode="json")] if trajectory else [],
        "trajectory_phases": [row.model_dump(mode="json") for row in phases],
    }
