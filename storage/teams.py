"""Queries about teams, their channels, free days and settings."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from datetime import date, datetime
from typing import Any

from sqlmodel import col, delete, func, select
from sqlmodel.ext.asyncio.session import AsyncSession

from domain.roles import Role
from storage.models import Person, Team, TeamFreeDay


async def get_team(*, session: AsyncSession, team_id: int) -> Team | None:
    """A team by our id."""
    return await session.get(Team, team_id)


async def by_ids(*, session: AsyncSession, ids: Collection[int]) -> dict[int, Team]:
    """Teams by our id (those that exist)."""
    if not ids:
        return {}
    found = await session.exec(select(Team).where(col(Team.id).in_(ids)))
    return {team.id: team for team in found.all() if team.id is not None}


async def find_team(*, session: AsyncSession, teams_id: str) -> Team | None:
    """A team by its Teams id (the 19:…@thread id)."""
    result = await session.exec(select(Team).where(Team.teams_id == teams_id))
    return result.first()


async def upsert_team(
    *,
    session: AsyncSession,
    teams_id: str,
    tenant_id: str,
    name: str,
    aad_group_id: str | None,
    service_url: str,
    bot_id: str,
    bot_name: str,
    installed_by: str | None,
    now: datetime,
) -> tuple[Team, bool]:
    """Store a team on install, or refresh it on re-install; returns (team, created)."""
    team = await find_team(session=session, teams_id=teams_id)
    created = team is None
    if team is None:
        team = Team(
            teams_id=teams_id,
            tenant_id=tenant_id,
            service_url=service_url,
            bot_id=bot_id,
            general_channel_id=teams_id,
            installed_by=installed_by,
            installed_at=now,
        )
    team.tenant_id = tenant_id
    team.name = name or team.name
    team.aad_group_id = aad_group_id or team.aad_group_id
    team.service_url = service_url
    team.bot_id = bot_id
    team.bot_name = bot_name or team.bot_name
    if team.removed_at is not None:
        team.removed_at = None
        team.installed_at = now
        team.installed_by = installed_by
    session.add(team)
    await session.flush()
    return team, created


async def active_teams(*, session: AsyncSession) -> Sequence[Team]:
    """Teams that currently have the bot installed."""
    result = await session.exec(
        select(Team).where(col(Team.removed_at).is_(None)).order_by(col(Team.id))
    )
    return result.all()


def set_channels(team: Team, channels: Sequence[tuple[str, str | None]]) -> None:
    """Replace a team's channel list; the general channel has no name in Teams."""
    team.channels = [{"id": cid, "name": name or ""} for cid, name in channels]


def general_channel(team_id: str, channels: Sequence[tuple[str, str | None]]) -> str:
    """The General channel: in Teams its id is the team id and it has no name."""
    ids = [cid for cid, _ in channels]
    if team_id in ids or not ids:
        return team_id
    for cid, name in channels:
        if not name or name.casefold() in ("general", "algemeen"):
            return cid
    return ids[0]


def channel_name(team: Team, channel_id: str | None) -> str | None:
    """The display name of one of the team's channels, if known."""
    for channel in team.channels or []:
        if channel.get("id") == channel_id:
            return channel.get("name") or None
    return None


async def free_days(*, session: AsyncSession, team_id: int) -> list[date]:
    """The team's own free days, ascending."""
    result = await session.exec(
        select(col(TeamFreeDay.day))
        .where(TeamFreeDay.team_id == team_id)
        .order_by(col(TeamFreeDay.day))
    )
    return list(result.all())


async def replace_free_days(*, session: AsyncSession, team_id: int, days: Sequence[date]) -> None:
    """Set the team's free days to exactly `days`."""
    await session.exec(delete(TeamFreeDay).where(col(TeamFreeDay.team_id) == team_id))
    for day in sorted(set(days)):
        session.add(TeamFreeDay(team_id=team_id, day=day))
    await session.flush()


def apply_settings(team: Team, changes: dict[str, Any]) -> dict[str, tuple[Any, Any]]:
    """Set changed setting columns on a team; returns {field: (old, new)} for the audit trail."""
    diff: dict[str, tuple[Any, Any]] = {}
    for field, value in changes.items():
        old = getattr(team, field)
        if old != value:
            setattr(team, field, value)
            diff[field] = (old, value)
    return diff


async def count_without_coordinator(*, session: AsyncSession) -> int:
    """How many installed teams have no coordinator among their current members."""
    coordinators = (
        select(Person.id)
        .where(
            Person.team_id == Team.id,
            Person.role == Role.COORDINATOR,
            col(Person.active).is_(True),
        )
        .exists()
    )
    result = await session.exec(
        select(func.count()).select_from(Team).where(col(Team.removed_at).is_(None), ~coordinators)
    )
    return int(result.one())
