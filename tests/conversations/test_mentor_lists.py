"""The mentor's lists lead to action, and the weekly digest shows how fast alerts were picked up."""

from __future__ import annotations

import json
import re
from datetime import date, datetime, timedelta
from typing import Any

import pytest
from sqlmodel import select

from domain.clock import local_date
from storage.models import CheckIn, Delivery, MentorLink, Person, PupilAlert, Team
from tests.conversations.conftest import Classroom, person_id
from tests.conversations.harness import card_text
from tests.conversations.test_daily_rhythm import MONDAY, local
from tests.conversations.test_mentor_alerts import answer, rows, team_id
from tests.support import activities

TEAMS_LIMIT = 28 * 1024  # the largest message Teams takes from a bot
NUMBERED = re.compile(r"Leerling Met Een Lange Naam Nummer \d{3}")


def next_page(card: dict[str, Any]) -> dict[str, Any] | None:
    """The data of a list's *Volgende* button, if it has one."""
    for block in card["body"]:
        for action in block.get("actions", []) if block.get("type") == "ActionSet" else []:
            if "▶" in action["title"]:
                return dict(action["data"])
    return None


def rows_of(card: dict[str, Any]) -> list[dict[str, Any]]:
    """The pupil rows of a list card."""
    return [block for block in card["body"] if block.get("type") == "Container"]


def heading(row: dict[str, Any]) -> str:
    return str(row["items"][0]["text"])


def buttons(row: dict[str, Any]) -> list[dict[str, Any]]:
    (action_set,) = [item for item in row["items"] if item.get("type") == "ActionSet"]
    return [action["data"] for action in action_set["actions"]]


async def add_pupil(room: Classroom, key: str, name: str) -> None:
    """A new team member, made a pupil of Fatima by the coordinator."""
    member = room.world.person(key, name)
    room.connector.teams[room.world.team_id].members.append(member)
    await room.bot.post(activities.members_added(room.world, [member], room.coordinator))
    coordinator = room.chat(room.coordinator)
    await coordinator.say(f"rol #{await person_id(room.bot, member)} leerling")
    await coordinator.say(f"koppel #{await person_id(room.bot, member)} aan Fatima")


async def test_those_who_need_attention_come_first_each_with_a_way_to_act(
    classroom: Classroom,
) -> None:
    room = classroom
    sanne, daan, noah, bakker = room.pupils
    await add_pupil(room, "bram", "Bram Smit")
    await add_pupil(room, "eva", "Eva Jansen")
    mentor = room.chat(room.mentor)
    room.bot.clock.set(local(MONDAY, 8, 0))
    await mentor.say("pauze Eva tot vrijdag")
    await room.bot.tick(local(MONDAY, 9, 0))
    room.bot.clock.set(local(MONDAY, 9, 20))
    await answer(room, sanne, "checkin.submit", MONDAY, mood="4")
    await answer(room, daan, "checkin.submit", MONDAY, mood="4")
    await answer(room, noah, "checkin.submit", MONDAY, mood="1")
    await answer(room, bakker, "checkin.submit", MONDAY, mood="3", contact="true")
    async with room.bot.db.session() as session:  # what the words-of-distress check records
        team = (await session.exec(select(Team))).one()
        session.add(
            PupilAlert(
                team_id=team.id or 0,
                pupil_id=await person_id(room.bot, daan),
                day=MONDAY,
                kind="distress",
                source="message:1",
                created_at=local(MONDAY, 9, 25),
            )
        )
    expected = [
        "Daan van der Berg",  # words of distress
        "Sanne Bakker",  # wants contact
        "Noah Bakker",  # low mood
        "Bram Smit",  # no check-in
        "Sanne de Vries",  # fine
        "Eva Jansen — gepauzeerd tot en met vrijdag 27 november",  # paused, last and calm
    ]

    room.bot.clock.set(local(MONDAY, 10, 0))
    await mentor.say("leerlingen")
    overview = room.connector.cards(mentor.conversation_id)[-1]
    assert [heading(row) for row in rows_of(overview)] == expected
    assert "4 van 6 vragen nu aandacht" in card_text(overview)
    daan_row, bakker_row, _, bram_row, _, eva_row = rows_of(overview)
    assert [row.get("style") for row in rows_of(overview)] == [
        "attention",
        "attention",
        "attention",
        None,
        None,
        None,
    ]
    assert "Attention" not in json.dumps(eva_row)  # no alarm colours for a paused pupil
    assert "🆘" in card_text(daan_row)
    (wish,) = await rows(room, PupilAlert, pupil_id=await person_id(room.bot, bakker))
    assert buttons(bakker_row)[0] == {"verb": "alert.log", "team": team.id, "alert": wish.id}
    bram = await person_id(room.bot, room.world.people["bram"])
    log, view = buttons(bram_row)
    assert log == {"verb": "contact.open", "team": team.id, "pupil": bram}
    assert view == {"verb": "command", "team": team.id, "text": f"leerling #{bram}"}

    # both buttons work: a contact card filled in for Bram, and his page
    await mentor.submit(log)
    form = room.connector.cards(mentor.conversation_id)[-1]
    assert next(b for b in form["body"] if b.get("id") == "pupil")["value"] == str(bram)
    await mentor.submit(view)
    assert "Bram Smit" in card_text(room.connector.cards(mentor.conversation_id)[-1])

    # the 10:30 list is the same, and only goes out because someone needs attention
    await room.bot.tick(local(MONDAY, 10, 30))
    morning = room.connector.cards(mentor.conversation_id)[-1]
    assert "Je leerlingen vanochtend" in card_text(morning)
    assert [heading(row) for row in rows_of(morning)] == expected


async def test_the_weekly_digest_shows_how_fast_each_mentor_picked_up(
    classroom: Classroom,
) -> None:
    room = classroom
    week = [date(2026, 11, 30) + timedelta(days=i) for i in range(5)]
    friday = week[-1]
    sanne, daan, noah, _ = [await person_id(room.bot, p) for p in room.pupils]
    fatima = await person_id(room.bot, room.mentor)
    own = await team_id(room)

    def alert(pupil: int, created: datetime, picked: datetime | None, source: str) -> PupilAlert:
        return PupilAlert(
            team_id=own,
            pupil_id=pupil,
            day=local_date(created),
            kind="checkin_start",
            source=source,
            created_at=created,
            picked_up_at=picked,
            picked_up_by_id=fatima if picked else None,
        )

    async with room.bot.db.session() as session:
        session.add_all(
            [
                # 40 minutes
                alert(noah, local(week[0], 9, 10), local(week[0], 9, 50), "checkin:a"),
                # 14:30 Tuesday to 09:45 Wednesday is one hour of school time
                alert(daan, local(week[1], 14, 30), local(week[2], 9, 45), "checkin:b"),
                alert(sanne, local(week[3], 9, 5), None, "checkin:c"),  # nobody yet
            ]
        )
    await room.bot.tick(local(friday, 15, 15))
    coordinator = room.chat(room.coordinator)
    weekly = next(
        c for c in room.connector.cards(coordinator.conversation_id) if "Weekoverzicht" in str(c)
    )
    assert (
        "- Fatima el Amrani: mediaan 50 min, langzaamst 1:00 u (2 opgepakt); 1 nog open"
        in card_text(weekly)
    )

    english = room.chat(room.coordinator, locale="en-US")
    room.bot.clock.set(local(friday, 16, 0))
    await english.say("digest week")
    shown = card_text(room.connector.cards(coordinator.conversation_id)[-1])
    assert "Picking up alerts (waiting time in school hours)" in shown
    assert "- Fatima el Amrani: median 50 min, slowest 1:00 h (2 picked up); 1 still open" in shown


@pytest.mark.parametrize("who", ["mentor", "coordinator"])
async def test_ninety_pupils_come_in_pages_that_fit(classroom: Classroom, who: str) -> None:
    room = classroom
    own = await team_id(room)
    fatima = await person_id(room.bot, room.mentor)
    long_goal = "rekenen blz. 12 tot en met 18, daarna lezen in het boek over de ruimte " * 2
    async with room.bot.db.session() as session:
        for n in range(90):
            pupil = Person(
                team_id=own,
                teams_user_id=f"29:1pupil-{n:03d}",
                name=f"Leerling Met Een Lange Naam Nummer {n:03d}",
                role="pupil",
            )
            session.add(pupil)
            await session.flush()
            assert pupil.id is not None
            session.add(MentorLink(team_id=own, pupil_id=pupil.id, mentor_id=fatima))
            checkin = CheckIn(
                team_id=own,
                pupil_id=pupil.id,
                day=MONDAY,
                kind="start",
                mood=1,
                goals=[long_goal[:100]] * 3,
                wants_contact=True,
                created_at=local(MONDAY, 9, 5),
            )
            session.add(checkin)
            await session.flush()
            session.add(
                PupilAlert(
                    team_id=own,
                    pupil_id=pupil.id,
                    day=MONDAY,
                    kind="checkin_start",
                    source=f"checkin:{checkin.id}",
                    wants_contact=True,
                    created_at=local(MONDAY, 9, 5),
                )
            )
    chat = room.chat(room.mentor if who == "mentor" else room.coordinator)
    room.bot.clock.set(local(MONDAY, 10, 0))
    await chat.say("leerlingen")
    overview = room.connector.cards(chat.conversation_id)[-1]
    pages = [overview]
    while button := next_page(pages[-1]):
        await chat.submit(button)
        pages.append(room.connector.cards(chat.conversation_id)[-1])
    assert len(pages) == 5  # 94 pupils, 20 a page
    assert all(len(json.dumps(page).encode()) < TEAMS_LIMIT for page in pages)
    names = [set(NUMBERED.findall(card_text(page))) for page in pages]
    assert len(set().union(*names)) == 90 and sum(map(len, names)) == 90  # each on one page
    assert "94 van 94 vragen nu aandacht" in card_text(overview)
    assert "Pagina 1 van 5" in card_text(overview)
    # twenty pupils fit with a block and two buttons each
    assert not any(b.get("id") == "pupil" for b in overview["body"])
    row = next(b for b in overview["body"] if b.get("type") == "Container")
    log, view = next(b for b in row["items"] if b.get("type") == "ActionSet")["actions"]
    first = NUMBERED.search(card_text(row))
    assert first is not None
    await chat.submit(log["data"])
    form = room.connector.cards(chat.conversation_id)[-1]
    assert first.group() in card_text(form)
    await chat.submit(view["data"])
    assert first.group() in card_text(room.connector.cards(chat.conversation_id)[-1])
    if who == "mentor":
        await room.bot.tick(local(MONDAY, 10, 30))
        (row,) = await rows(room, Delivery, prompt="mentor_list")
        assert row.status == "sent"
        assert len(json.dumps(row.payload["card"]).encode()) < TEAMS_LIMIT
