"""Benchmark: a weekly digest and the signal evaluation for a team of 300 pupils with a year of
history, on SQLite and (when TEST_DATABASE_URL is set) PostgreSQL. Prints one table."""

from __future__ import annotations

import asyncio
import os
import random
import statistics
import sys
import tempfile
import time
import uuid
from datetime import UTC, date, datetime, timedelta

from sqlalchemy.engine import make_url

from dialogs.clock.signals import evaluate
from dialogs.digest_figures import daily_figures, weekly_figures
from dialogs.teamcal import calendar_for
from storage.db import Database, upgrade
from storage.models import CheckIn, ContactLog, MentorLink, Person, Team

PUPILS = 300
MENTORS = 20
TODAY = date(2026, 11, 20)  # a Friday
RUNS = 5


async def seed(db: Database) -> Team:
    """300 pupils, 20 mentors, a school year of check-ins and contacts."""
    rng = random.Random(7)
    now = datetime(2026, 11, 20, 16, tzinfo=UTC)
    async with db.session() as session:
        team = Team(
            teams_id="19:bench@thread.tacv2",
            tenant_id="t",
            name="Bench",
            service_url="http://127.0.0.1:9/",
            bot_id="28:b",
            general_channel_id="19:bench@thread.tacv2",
            installed_at=now - timedelta(days=400),
        )
        session.add(team)
        await session.flush()
        assert team.id is not None
        people = [
            Person(
                team_id=team.id,
                teams_user_id=f"29:m{i}",
                name=f"Mentor {i}",
                role="mentor",
                joined_at=now - timedelta(days=400),
            )
            for i in range(MENTORS)
        ]
        people += [
            Person(
                team_id=team.id,
                teams_user_id=f"29:p{i}",
                name=f"Leerling {i}",
                role="pupil",
                joined_at=now - timedelta(days=400),
            )
            for i in range(PUPILS)
        ]
        session.add_all(people)
        await session.flush()
        mentors, pupils = people[:MENTORS], people[MENTORS:]
        session.add_all(
            [
                MentorLink(
                    team_id=team.id, pupil_id=p.id or 0, mentor_id=mentors[i % MENTORS].id or 0
                )
                for i, p in enumerate(pupils)
            ]
        )
        calendar = await calendar_for(session, team)
        days = calendar.school_days(TODAY - timedelta(days=365), TODAY)
        checkins, contacts = [], []
        for pupil in pupils:
            for day in days:
                if rng.random() < 0.85:
                    mood = rng.choice((1, 2, 3, 3, 4, 4, 4, 5, 5))
                    checkins.append(
                        {
                            "team_id": team.id,
                            "pupil_id": pupil.id,
                            "day": day,
                            "kind": "start",
                            "mood": mood,
                            "goals": ["a", "b"],
                            "goal_status": [],
                            "wants_contact": rng.random() < 0.05,
                            "created_at": now,
                        }
                    )
                    if rng.random() < 0.8:
                        checkins.append(
                            {
                                "team_id": team.id,
                                "pupil_id": pupil.id,
                                "day": day,
                                "kind": "close",
                                "mood": mood,
                                "goals": ["a", "b"],
                                "goal_status": [rng.choice(["done", "partly", "not"]), None],
                                "wants_contact": False,
                                "created_at": now,
                            }
                        )
                if rng.random() < 0.3:
                    contacts.append(
                        {
                            "team_id": team.id,
                            "pupil_id": pupil.id,
                            "author_id": mentors[0].id,
                            "day": day,
                            "kind": "bellen",
                            "minutes": 10,
                            "note": None,
                            "source": uuid.uuid4().hex,
                            "created_at": now,
                        }
                    )
        connection = await session.connection()
        for table, rows in ((CheckIn.__table__, checkins), (ContactLog.__table__, contacts)):
            for chunk in range(0, len(rows), 5000):
                await connection.execute(table.insert(), rows[chunk : chunk + 5000])  # type: ignore[attr-defined]
        print(
            f"  seeded {len(checkins):,} check-ins and {len(contacts):,} contacts"
            f" over {len(days)} school days",
            file=sys.stderr,
        )
        return team


async def measure(url: str) -> dict[str, float]:
    await asyncio.to_thread(upgrade, url)
    db = Database.from_url(url)
    try:
        team = await seed(db)
        timings: dict[str, list[float]] = {
            "weekly digest": [],
            "daily digest": [],
            "signals (300 pupils)": [],
        }
        for _ in range(RUNS):
            async with db.session() as session:
                fresh = await session.get(Team, team.id)
                assert fresh is not None
                calendar = await calendar_for(session, fresh)
                start = time.perf_counter()
                await weekly_figures(session, fresh, TODAY, calendar, "nl")
                timings["weekly digest"].append(time.perf_counter() - start)
                start = time.perf_counter()
                await daily_figures(session, fresh, TODAY, [], "nl")
                timings["daily digest"].append(time.perf_counter() - start)
                start = time.perf_counter()
                await evaluate(
                    session, fresh, today=TODAY, calendar=calendar, now=datetime.now(UTC)
                )
                timings["signals (300 pupils)"].append(time.perf_counter() - start)
        return {name: statistics.median(values) for name, values in timings.items()}
    finally:
        await db.close()


async def main() -> None:
    results: dict[str, dict[str, float]] = {}
    with tempfile.TemporaryDirectory() as folder:
        results["SQLite"] = await measure(f"sqlite+aiosqlite:///{folder}/bench.sqlite3")
    base = os.environ.get("TEST_DATABASE_URL")
    if base:
        from tests.conftest import _admin

        name = f"dagritme_bench_{uuid.uuid4().hex[:8]}"
        await _admin(base, f'CREATE DATABASE "{name}"')
        try:
            url = make_url(base).set(database=name).render_as_string(hide_password=False)
            results["PostgreSQL"] = await measure(url)
        finally:
            await _admin(base, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    print(
        f"\nDigest figures, team of {PUPILS} pupils with a year of history (median of {RUNS} runs)"
    )
    print(f"{'measure':<24}" + "".join(f"{db:>14}" for db in results))
    for measure_name in next(iter(results.values())):
        print(
            f"{measure_name:<24}"
            + "".join(f"{results[db][measure_name] * 1000:>11.0f} ms" for db in results)
        )


if __name__ == "__main__":
    asyncio.run(main())
