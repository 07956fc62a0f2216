"""Retention, export and erasure for operators: the purge job and the `export`/`erase` commands."""

from __future__ import annotations

import json
import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import datetime

from sqlmodel.ext.asyncio.session import AsyncSession

from bot.settings import ConfigError, Settings
from domain.clock import local_date
from domain.numbers import MAX_ID, ascii_int, is_ascii_number
from domain.roles import Role
from domain.text import fold
from storage import audit, people, privacy, teams
from storage.db import Database
from storage.models import Person, Team

logger = logging.getLogger(__name__)


async def purge(db: Database, settings: Settings, now: datetime) -> dict[str, int]:
    """Delete whatever is past its retention period."""
    async with db.session() as session:
        counts = await privacy.purge(
            session=session,
            now=now,
            today=local_date(now),
            checkin_days=settings.retention_checkin_days,
            after_leaving_days=settings.retention_after_leaving_days,
            audit_days=settings.retention_audit_days,
        )
        if any(counts.values()):
            await audit.record(session=session, action="retention.purged", now=now, details=counts)
    if any(counts.values()):
        logger.info("retention purge removed %s", counts)
    return counts


async def find_team(session: AsyncSession, team: str) -> Team:
    """The team an operator's --team names (our id or the Teams id), or ConfigError."""
    team_id = ascii_int(team, low=1, high=MAX_ID)
    found_team = (
        await teams.get_team(session=session, team_id=team_id)
        if team_id is not None
        else await teams.find_team(session=session, teams_id=team)
    )
    if found_team is None or found_team.id is None:
        raise ConfigError(f"no team {team!r}")
    return found_team


async def _find(db: Database, person: str, team: str) -> tuple[int, int]:
    """(person id, team id) for an operator's --person (id or name) and --team (id or Teams id)."""
    async with db.session() as session:
        found_team = await find_team(session, team)
        assert found_team.id is not None
        members = await people.team_members(session=session, team_id=found_team.id, active=False)
        if is_ascii_number(person):
            matches = [p for p in members if p.id == ascii_int(person, low=1, high=MAX_ID)]
        else:
            matches = [p for p in members if fold(person) in fold(p.name)]
        if len(matches) != 1:
            names = ", ".join(f"{p.id}: {p.name}" for p in matches) or "none"
            raise ConfigError(f"--person {person!r} must match exactly one member (found {names})")
        assert matches[0].id is not None
        return matches[0].id, found_team.id


@asynccontextmanager
async def _one_person(
    settings: Settings, person: str, team: str
) -> AsyncIterator[tuple[AsyncSession, Person, int]]:
    """A session with the person an operator named, and their team id."""
    db = Database.from_url(settings.database_url)
    try:
        person_id, team_id = await _find(db, person, team)
        async with db.session() as session:
            found = await session.get(Person, person_id)
            assert found is not None
            yield session, found, team_id
    finally:
        await db.close()


async def export(settings: Settings, *, person: str, team: str, now: datetime) -> str:
    """Everything about one person as JSON (an inzageverzoek); the read is audited."""
    async with _one_person(settings, person, team) as (session, found, team_id):
        data = await privacy.audited_export(
            session=session,
            person=found,
            team_id=team_id,
            now=now,
            details={"by": "operator"},
        )
    return json.dumps(data, indent=2, ensure_ascii=False)


async def erase(settings: Settings, *, person: str, team: str, now: datetime) -> str:
    """Remove everything about one person; only an audit line that it happened remains."""
    async with _one_person(settings, person, team) as (session, found, team_id):
        person_id = found.id
        await privacy.erase_person(session=session, person=found)
        await audit.record(
            session=session,
            action="person.erased",
            now=now,
            team_id=team_id,
            subject_ref=audit.pseudonym(person_id),
            details={"person_id": person_id, "by": "operator"},
        )
    return f"erased person {person_id} of team {team_id}"


# The roles a person can be given from the command line; "none" takes the role away.
ROLES = (Role.COORDINATOR, Role.MENTOR, Role.PUPIL, "none")


async def set_role(settings: Settings, *, person: str, team: str, role: str, now: datetime) -> str:
    """Give one member a role from the server: the way back when a team has no coordinator."""
    if role not in ROLES:
        raise ConfigError(f"role must be one of {', '.join(ROLES)}")
    async with _one_person(settings, person, team) as (session, found, team_id):
        if not found.active:
            raise ConfigError(f"person {found.id} has left the team")
        before = found.role
        found.role = None if role == "none" else role
        session.add(found)
        await audit.record(
            session=session,
            action="role.changed",
            now=now,
            team_id=team_id,
            subject_id=found.id,
            details={"from": before, "to": found.role, "by": "operator"},
        )
        person_id = found.id
    logger.info("operator set the role of person %s in team %s", person_id, team_id)
    return f"person {person_id} of team {team_id} is now {role}"
