"""AVG: retention, inzage and erasure, the audit trail, no pupil text where it does not belong."""

from __future__ import annotations

import json
import logging
import os
import subprocess
import sys
from datetime import timedelta
from pathlib import Path

import pytest
from sqlmodel import select

from storage.models import AuditEvent, CheckIn, ContactLog, Delivery, Person, PupilSignal
from tests.conversations.conftest import Classroom, person_id
from tests.conversations.harness import card_text
from tests.conversations.test_daily_rhythm import MONDAY, local, start_delivery
from tests.support import activities

ROOT = Path(__file__).resolve().parents[2]


async def a_day_with_data(room: Classroom) -> None:
    """Sanne checks in and closes with text of her own; her mentor logs a contact with a note."""
    await room.bot.tick(local(MONDAY, 9, 0))
    sanne = room.chat(room.pupils[0])
    card = await start_delivery(room, room.pupils[0])
    room.bot.clock.set(local(MONDAY, 9, 5))
    await sanne.submit(
        {
            "verb": "checkin.submit",
            "day": "2026-11-23",
            "team": card.team_id,
            "mood": "2",
            "goal1": "Geheim doel over mijn oma",
            "contact": "true",
        },
        reply_to_id=card.activity_id,
    )
    room.bot.clock.set(local(MONDAY, 11, 0))
    await room.chat(room.mentor).say("log Sanne de Vries bellen 15m Thuis is het moeilijk")
    await room.bot.tick(local(MONDAY, 14, 45))
    close = room.connector.cards(sanne.conversation_id)[-1]
    room.bot.clock.set(local(MONDAY, 14, 50))
    await sanne.submit(
        {
            **close["actions"][0]["data"],
            "mood": "3",
            "goal1": "not",
            "note": "Ik mis mijn klas heel erg",
        }
    )
    await room.bot.tick(local(MONDAY, 15, 30))


SECRETS = ("Geheim doel over mijn oma", "Thuis is het moeilijk", "Ik mis mijn klas heel erg")


async def test_logs_of_a_whole_day_carry_no_pupil_text(
    classroom: Classroom, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    await a_day_with_data(classroom)
    async with classroom.bot.db.session() as session:
        assert len((await session.exec(select(CheckIn))).all()) == 2
    for secret in SECRETS:
        assert secret not in caplog.text


async def test_channel_posts_carry_no_individual_pupil_data(classroom: Classroom) -> None:
    await a_day_with_data(classroom)
    posts = classroom.connector.sent(classroom.world.team_id)
    assert len(posts) >= 2  # day start and day close
    pupils = [p.name for p in classroom.pupils] + [p.name.split()[0] for p in classroom.pupils]
    for post in posts:
        dumped = json.dumps(post, ensure_ascii=False)
        assert not any(name in dumped for name in pupils), dumped[:200]
        assert not any(secret in dumped for secret in SECRETS)
    # the digest went to the coordinator in private, not to the class
    coordinator = classroom.chat(classroom.coordinator).conversation_id
    assert any("Dagoverzicht" in card_text(c) for c in classroom.connector.cards(coordinator))


async def test_retention_purge_far_in_the_future(classroom: Classroom) -> None:
    room = classroom
    await a_day_with_data(room)
    await room.bot.post(activities.members_removed(room.world, [room.pupils[0]], room.coordinator))
    sanne = await person_id(room.bot, room.pupils[0])
    daan = await person_id(room.bot, room.pupils[1])
    async with room.bot.db.session() as session:
        room_team = (await session.exec(select(Person).where(Person.id == daan))).one().team_id
        session.add(
            CheckIn(
                team_id=room_team,
                pupil_id=daan,
                day=MONDAY,
                kind="start",
                mood=4,
                created_at=local(MONDAY, 9),
            )
        )
        left = await session.get(Person, sanne)
        assert left is not None
        left.left_at = local(MONDAY, 16)
        session.add(left)

    await room.bot.tick(local(MONDAY + timedelta(days=399), 9, 0))
    async with room.bot.db.session() as session:
        assert len((await session.exec(select(CheckIn))).all()) == 3  # not yet 400 days
        old = (await session.exec(select(Delivery).where(Delivery.day == MONDAY))).all()
    assert old
    assert all(d.payload == {} for d in old if d.status == "sent")  # the texts went first

    await room.bot.tick(local(MONDAY + timedelta(days=402), 9, 0))
    async with room.bot.db.session() as session:
        assert (await session.exec(select(CheckIn))).all() == []
        assert (await session.exec(select(PupilSignal))).all() == []
        assert await session.get(Person, sanne) is not None  # contacts stay 2 years after leaving
        assert len((await session.exec(select(ContactLog))).all()) == 1

    await room.bot.tick(local(MONDAY + timedelta(days=731), 9, 0))
    async with room.bot.db.session() as session:
        assert await session.get(Person, sanne) is None
        assert (await session.exec(select(ContactLog))).all() == []
        actions = {a.action for a in (await session.exec(select(AuditEvent))).all()}
    assert "retention.purged" in actions

    await room.bot.tick(local(MONDAY + timedelta(days=5 * 366 + 1), 9, 0))
    async with room.bot.db.session() as session:
        oldest = min(a.at for a in (await session.exec(select(AuditEvent))).all() if a.at)
    assert oldest > local(MONDAY + timedelta(days=366), 0, 0)


async def test_inzage_and_erasure_from_chat(classroom: Classroom) -> None:
    room = classroom
    await a_day_with_data(room)
    coordinator = room.chat(room.coordinator)
    (export,) = await coordinator.say("inzage Sanne de Vries")
    assert "Geheim doel over mijn oma" in export
    assert "Thuis is het moeilijk" in export
    (reply,) = await room.chat(room.mentor).say("inzage Sanne de Vries")
    assert "alleen een coördinator" in reply

    await coordinator.say("wis Sanne de Vries")
    question = room.connector.cards(coordinator.conversation_id)[-1]
    confirm, cancel = question["actions"]
    await coordinator.submit(cancel["data"])
    sanne = await person_id(room.bot, room.pupils[0])
    await coordinator.submit(confirm["data"])
    assert "is gewist" in room.connector.texts(coordinator.conversation_id)[-1]
    async with room.bot.db.session() as session:
        assert await session.get(Person, sanne) is None
        assert (await session.exec(select(CheckIn).where(CheckIn.pupil_id == sanne))).all() == []
        assert (await session.exec(select(ContactLog))).all() == []
        assert (await session.exec(select(Delivery).where(Delivery.person_id == sanne))).all() == []
        erased = (
            await session.exec(select(AuditEvent).where(AuditEvent.action == "person.erased"))
        ).one()
    assert erased.details == {"person_id": sanne}

    (trail,) = await coordinator.say("audit")
    assert "person.erased" in trail
    assert "person.exported" in trail


def cli(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    """Run `python -m bot` as an operator would."""
    return subprocess.run(
        [sys.executable, "-m", "bot", *args],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        timeout=120,
        check=False,
    )


def test_export_and_erase_on_the_command_line(tmp_path: Path) -> None:
    from storage.db import upgrade

    url = f"sqlite+aiosqlite:///{tmp_path / 'd.sqlite3'}"
    upgrade(url)
    import sqlite3

    db = sqlite3.connect(tmp_path / "d.sqlite3")
    db.execute(
        "INSERT INTO team (id, teams_id, tenant_id, name, service_url, bot_id, bot_name,"
        " general_channel_id, channels, start_time, close_time, reminder_time, mentor_list_time,"
        " region, liberation_day, good_friday_off) VALUES (1, '19:t', 'x', 'Groep 1',"
        " 'http://s/', '28:b', 'D', '19:t', '[]', '09:00:00', '14:45:00', '10:00:00',"
        " '10:30:00', 'zuid', 'lustrum', 0)"
    )
    db.execute(
        "INSERT INTO person (id, team_id, teams_user_id, name, role, active) "
        "VALUES (5, 1, '29:s', 'Sanne de Vries', 'pupil', 1)"
    )
    db.execute(
        "INSERT INTO checkin (team_id, pupil_id, day, kind, mood, goals, goal_status,"
        " wants_contact, created_at) VALUES (1, 5, '2026-11-23', 'start', 4, '[\"lezen\"]',"
        " '[]', 0, '2026-11-23 08:00:00')"
    )
    db.commit()
    env = {**os.environ, "DATABASE_URL": url}
    exported = cli(env, "export", "--person", "sanne", "--team", "1")
    assert exported.returncode == 0, exported.stderr
    data = json.loads(exported.stdout)
    assert data["person"]["name"] == "Sanne de Vries"
    assert data["checkins"][0]["goals"] == ["lezen"]
    refused = cli(env, "erase", "--person", "5", "--team", "1")
    assert refused.returncode == 2
    erased = cli(env, "erase", "--person", "5", "--team", "1", "--yes")
    assert erased.returncode == 0, erased.stderr
    assert db.execute("SELECT count(*) FROM person").fetchone() == (0,)
    assert db.execute("SELECT count(*) FROM checkin").fetchone() == (0,)
    assert db.execute(
        "SELECT count(*) FROM audit_event WHERE action = 'person.erased'"
    ).fetchone() == (1,)
    unknown = cli(env, "export", "--person", "nobody", "--team", "1")
    assert unknown.returncode == 2
    assert "--person" in unknown.stderr
    db.close()
