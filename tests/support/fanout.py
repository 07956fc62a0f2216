"""A morning fan-out in the database: many pupils in many tenants, one card each in the outbox.

Used by the delivery tests and by the delivery benchmark.
"""

from __future__ import annotations

import asyncio
import os
import sys
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import insert, select

from domain.recipient import Recipient
from storage import deliveries
from storage.db import Database
from storage.deliveries import NewDelivery
from storage.models import Person, PersonalChat, Team

DAY = date(2026, 11, 23)


@dataclass(frozen=True)
class Seeded:
    """What was written: tenant ids, and per tenant the pupils' personal conversation ids."""

    tenants: list[str]
    conversations: dict[str, list[str]]
    deliveries: int


def tenant_name(index: int) -> str:
    """The tenant id of the index'th school."""
    return f"tenant-{index:03d}"


def conversation_of(user_id: str) -> str:
    """The 1:1 conversation the fake connector gives a user."""
    return f"a:1personal-{user_id.replace(':', '-')}"


async def seed_fanout(
    db: Database,
    *,
    pupils: int,
    tenants: int,
    service_url: str,
    now: datetime,
    with_chats: bool = True,
    mentor: bool = False,
) -> Seeded:
    """Teams and pupils spread over `tenants`, each pupil with a pending card due `now`."""
    per_tenant = [pupils // tenants + (1 if i < pupils % tenants else 0) for i in range(tenants)]
    conversations: dict[str, list[str]] = {}
    rows: list[NewDelivery] = []
    async with db.session() as session:
        for index, count in enumerate(per_tenant):
            tenant = tenant_name(index)
            team_values: dict[str, Any] = {
                "teams_id": f"19:team-{index}@thread.tacv2",
                "tenant_id": tenant,
                "name": f"School {index}",
                "service_url": service_url,
                "bot_id": "28:bot",
                "bot_name": "Dagritme",
                "general_channel_id": f"19:team-{index}@thread.tacv2",
                "channels": [],
                "installed_at": now,
            }
            team_id = (
                await session.exec(insert(Team).values(team_values).returning(Team.id))
            ).one()[0]
            users = [f"29:{tenant}-pupil-{i:05d}" for i in range(count)]
            people = [
                {
                    "team_id": team_id,
                    "teams_user_id": user,
                    "aad_object_id": f"aad-{user[3:]}",
                    "name": f"Leerling {i}",
                    "role": "pupil",
                    "active": True,
                    "joined_at": now,
                }
                for i, user in enumerate(users)
            ]
            if mentor:
                people.append(
                    {
                        "team_id": team_id,
                        "teams_user_id": f"29:{tenant}-mentor",
                        "aad_object_id": None,
                        "name": "Mentor",
                        "role": "mentor",
                        "active": True,
                        "joined_at": now,
                    }
                )
            await session.exec(insert(Person).values(people))
            found = await session.exec(
                select(Person.id, Person.teams_user_id).where(Person.team_id == team_id)
            )
            ids = {user: person_id for person_id, user in found.all()}
            if with_chats:
                chats = [
                    {
                        "teams_user_id": user,
                        "tenant_id": tenant,
                        "service_url": service_url,
                        "conversation_id": conversation_of(user),
                        "updated_at": now,
                    }
                    for user in users
                ]
                await session.exec(insert(PersonalChat).values(chats))
            conversations[tenant] = [conversation_of(user) for user in users]
            rows += [
                NewDelivery(
                    team_id=team_id,
                    prompt="checkin_start",
                    day=DAY,
                    recipient=Recipient.person(ids[user]),
                    payload={"text": f"Goedemorgen {user}"},
                    not_before=now,
                )
                for user in users
            ]
        created = await deliveries.enqueue(session=session, deliveries=rows, now=now)
    return Seeded(
        tenants=[tenant_name(i) for i in range(tenants)],
        conversations=conversations,
        deliveries=created,
    )


async def deliver_process(
    database_url: str, name: str, *, quiet: bool = False, **settings: str
) -> asyncio.subprocess.Process:
    """`dagritme deliver --until-idle` in its own process, in local mode (no app id)."""
    env = {
        **os.environ,
        "DATABASE_URL": database_url,
        "DAGRITME_WORKER_NAME": name,
        "DAGRITME_LOG_LEVEL": "WARNING",
        "MicrosoftAppId": "",
        **settings,
    }
    output = asyncio.subprocess.DEVNULL if quiet else asyncio.subprocess.PIPE
    return await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "bot",
        "deliver",
        "--until-idle",
        env=env,
        stdout=output,
        stderr=output,
    )
