"""Subject access and the audit of reads, end to end.

An export (inzage) holds the person's own data in full and what they wrote or received about
other pupils only as date, kind and id. Every pupil whose data a read showed is the subject of
an audit line of that read, and the trail still reads after a staff member is erased.
"""

from __future__ import annotations

import json
import os
from collections import defaultdict
from typing import Any

from sqlmodel import select

from storage.models import AuditEvent, Delivery, Team
from tests.conversations.conftest import Classroom, person_id
from tests.conversations.test_daily_rhythm import MONDAY, local
from tests.conversations.test_digests import FRIDAY, seed_week
from tests.conversations.test_privacy import SECRETS, a_day_with_data, cli

OPP_NOTE = "Oma is ziek geworden"
PUPIL_NAMES = ("Sanne", "Daan", "Noah", "Bakker")


async def a_mentor_with_history(room: Classroom) -> None:
    """A day of Sanne's check-ins, her mentor's contact note and alerts, and an OPP evaluation."""
    await a_day_with_data(room)
    room.bot.clock.set(local(MONDAY, 16, 0))
    mentor = room.chat(room.mentor)
    await mentor.say("opp Sanne de Vries start 28-9")
    (reply,) = await mentor.say(f"opp Sanne de Vries geëvalueerd met ouders, school {OPP_NOTE}")
    assert "Volgende" in reply


async def export_in_chat(room: Classroom, name: str) -> dict[str, Any]:
    """The JSON a coordinator gets for `inzage <name>`."""
    (reply,) = await room.chat(room.coordinator).say(f"inzage {name}")
    assert "```json\n" in reply, reply[:300]
    data: dict[str, Any] = json.loads(reply.split("```json\n", 1)[1].rsplit("\n```", 1)[0])
    return data


async def events(room: Classroom) -> list[AuditEvent]:
    async with room.bot.db.session() as session:
        return list((await session.exec(select(AuditEvent).order_by(AuditEvent.id))).all())


async def test_a_mentors_export_holds_no_other_pupils_text_or_name(
    classroom: Classroom, database_url: str
) -> None:
    room = classroom
    await a_mentor_with_history(room)
    sanne = await person_id(room.bot, room.pupils[0])
    mentor = await person_id(room.bot, room.mentor)
    coordinator = await person_id(room.bot, room.coordinator)
    async with room.bot.db.session() as session:
        to_mentor = (await session.exec(select(Delivery).where(Delivery.person_id == mentor))).all()
        team = (await session.exec(select(Team))).one()
    alerts = [json.dumps(d.payload, ensure_ascii=False) for d in to_mentor]
    assert any("Sanne de Vries" in alert for alert in alerts)  # the alerts did name her

    data = await export_in_chat(room, "Fatima")
    dumped = json.dumps(data, ensure_ascii=False)
    for forbidden in (*SECRETS, OPP_NOTE, *PUPIL_NAMES):
        assert forbidden not in dumped, forbidden
    assert data["person"]["name"] == "Fatima el Amrani"
    assert data["contacts_written"] == [{"day": "2026-11-23", "kind": "bellen", "pupil_id": sanne}]
    assert data["opp_evaluations_written"] == [{"day": "2026-11-23", "pupil_id": sanne}]
    assert data["contacts_about"] == data["checkins"] == []
    assert len(data["messages_sent_to"]) == len(to_mentor) > 0
    assert all(set(m) == {"prompt", "day", "status", "sent_at"} for m in data["messages_sent_to"])
    assert data["audit_by"]
    assert all(set(line) == {"at", "action", "subject_id"} for line in data["audit_by"])
    assert {link["pupil_id"] for link in data["mentor_links"]} == {
        await person_id(room.bot, pupil) for pupil in room.pupils
    }

    # the pupils it names by id are subjects of the export's audit lines
    trail = await events(room)
    exported = [e for e in trail if e.action == "person.exported"]
    assert [(e.actor_id, e.subject_id) for e in exported] == [(coordinator, mentor)]
    named = {e.subject_id for e in trail if e.action == "export.named"}
    assert named == {await person_id(room.bot, pupil) for pupil in room.pupils}

    # the operator's export from the command line holds the same, and no more
    env = {**os.environ, "DATABASE_URL": database_url}
    done = cli(env, "export", "--person", str(mentor), "--team", str(team.id))
    assert done.returncode == 0, done.stderr
    for forbidden in (*SECRETS, OPP_NOTE, *PUPIL_NAMES):
        assert forbidden not in done.stdout, forbidden
    assert json.loads(done.stdout)["contacts_written"] == data["contacts_written"]


async def test_a_pupils_export_holds_her_own_words_and_what_was_noted_about_her(
    classroom: Classroom,
) -> None:
    room = classroom
    await a_mentor_with_history(room)
    mentor = await person_id(room.bot, room.mentor)
    data = await export_in_chat(room, "Sanne de Vries")
    start, close = sorted(data["checkins"], key=lambda c: c["kind"] != "start")
    assert start["goals"][0] == "Geheim doel over mijn oma"
    assert start["wants_contact"] is True
    assert close["note"] == "Ik mis mijn klas heel erg"
    (contact,) = data["contacts_about"]
    assert (contact["kind"], contact["minutes"], contact["note"], contact["author_id"]) == (
        "bellen",
        15,
        "Thuis is het moeilijk",
        mentor,
    )
    (evaluation,) = data["opp_evaluations"]
    assert evaluation["note"] == OPP_NOTE
    assert data["opp_plan"][0]["start_date"] == "2026-09-28"
    assert data["signals"] == []  # one day is too short for a signal
    assert {link["mentor_id"] for link in data["mentor_links"]} == {mentor}
    assert data["messages_sent_to"]  # her check-in cards, without their content
    assert all("payload" not in m for m in data["messages_sent_to"])
    assert "contact.logged" in {line["action"] for line in data["audit_about"]}
    # nothing of the other pupils
    for other in ("Daan", "Noah", "Bakker"):
        assert other not in json.dumps(data, ensure_ascii=False)


def subjects_by(trail: list[AuditEvent], action: str) -> dict[Any, set[int | None]]:
    """For one action: details kind (or None) -> the subjects recorded."""
    found: dict[Any, set[int | None]] = defaultdict(set)
    for event in trail:
        if event.action == action:
            found[event.details.get("kind")].add(event.subject_id)
    return dict(found)


async def test_every_pupil_shown_is_a_subject_of_the_read(classroom: Classroom) -> None:
    room = classroom
    await seed_week(room, coordinator_channel=None)
    sanne, daan, noah, bakker = [await person_id(room.bot, p) for p in room.pupils]
    mentor = await person_id(room.bot, room.mentor)
    coordinator = await person_id(room.bot, room.coordinator)
    everyone = {sanne, daan, noah, bakker}
    room.bot.clock.set(local(FRIDAY, 12, 0))
    mentor_chat, coordinator_chat = room.chat(room.mentor), room.chat(room.coordinator)
    await mentor_chat.say("leerlingen")
    await mentor_chat.say("leerling daan")
    await mentor_chat.say("contacten daan")
    await coordinator_chat.say("opp")
    await coordinator_chat.say("digest")
    await coordinator_chat.say("digest week")

    trail = await events(room)
    assert subjects_by(trail, "pupils.viewed") == {None: everyone}
    assert subjects_by(trail, "pupil.viewed") == {None: {daan}}
    assert subjects_by(trail, "contacts.viewed") == {None: {daan}}
    assert subjects_by(trail, "opp.viewed") == {None: everyone}
    # today: only Sanne Bakker's pause; this week: Daan had no contact yet
    assert subjects_by(trail, "digest.viewed") == {"day": {bakker}, "week": {daan}}
    reads = [e for e in trail if e.action.endswith(".viewed")]
    assert len([e for e in reads if e.action == "pupils.viewed"]) == 4  # one line per pupil
    assert {e.actor_id for e in reads if e.action != "opp.viewed" and "digest" not in e.action} == {
        mentor
    }
    assert {e.actor_id for e in reads if e.action in ("opp.viewed", "digest.viewed")} == {
        coordinator
    }
    assert all(e.subject_ref == f"persoon-{e.subject_id}" for e in reads)
    assert all(e.actor_ref == f"persoon-{e.actor_id}" for e in reads)
    assert "pupils.overview_read" not in {e.action for e in trail}

    # the planner's digests name pupils too; nobody asked, so nobody is the actor
    await room.bot.tick(local(FRIDAY, 15, 15))
    await room.bot.tick(local(FRIDAY, 15, 45))  # a second pass records nothing twice
    sent = [e for e in await events(room) if e.action == "digest.sent"]
    assert subjects_by(sent, "digest.sent") == {"day": {daan, noah, bakker}, "week": {daan, noah}}
    assert len(sent) == 5
    assert all(e.actor_id is None and e.actor_ref is None for e in sent)
    assert all(e.details["to"] == coordinator for e in sent)

    (everything,) = await coordinator_chat.say("audit")
    overview = next(line for line in everything.splitlines() if "pupils.viewed" in line)
    assert "Fatima el Amrani →" in overview
    assert "en nog 1" in overview  # four pupils: three names and a count
    assert "digest.sent · — → Daan van der Berg" in everything
    (about_daan,) = await coordinator_chat.say("audit Daan")
    for action in ("pupils.viewed", "pupil.viewed", "contacts.viewed", "digest.sent"):
        assert f"{action} · " in about_daan, action
    assert "Sanne" not in about_daan
    assert any(e.action == "audit.read" and e.subject_id == daan for e in await events(room))


async def test_after_erasing_a_mentor_the_trail_names_her_by_pseudonym(
    classroom: Classroom,
) -> None:
    room = classroom
    room.bot.clock.set(local(MONDAY, 11, 0))
    mentor_chat, coordinator_chat = room.chat(room.mentor), room.chat(room.coordinator)
    await mentor_chat.say("log Daan bellen 10m")
    await mentor_chat.say("leerling daan")
    mentor = await person_id(room.bot, room.mentor)
    coordinator = await person_id(room.bot, room.coordinator)
    daan = await person_id(room.bot, room.pupils[1])

    await coordinator_chat.say("wis Fatima")
    confirm, _ = room.connector.cards(coordinator_chat.conversation_id)[-1]["actions"]
    await coordinator_chat.submit(confirm["data"])
    assert "is gewist" in room.connector.texts(coordinator_chat.conversation_id)[-1]

    trail = await events(room)
    hers = [e for e in trail if e.actor_ref == f"persoon-{mentor}"]
    assert {e.action for e in hers} >= {"contact.logged", "pupil.viewed"}
    assert all(e.actor_id is None for e in hers)
    (erased,) = [e for e in trail if e.action == "person.erased"]
    assert (erased.actor_id, erased.subject_id, erased.subject_ref) == (
        coordinator,
        None,
        f"persoon-{mentor}",
    )
    assert erased.details == {"person_id": mentor}

    (lines,) = await coordinator_chat.say("audit")
    assert f"pupil.viewed · persoon-{mentor} (gewist) → Daan van der Berg" in lines
    assert f"person.erased · Marieke Jansen → persoon-{mentor} (gewist)" in lines
    (about_daan,) = await coordinator_chat.say("audit Daan")
    assert f"contact.logged · persoon-{mentor} (gewist) → Daan van der Berg" in about_daan
    assert daan  # still there: only the mentor was erased
