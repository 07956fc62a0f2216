"""OPP evaluations end to end: plans, evaluations, nudges on the right days, the Monday overview."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from sqlmodel import select

from storage.models import Delivery, OppEvaluation, OppPlan, Team
from tests.conversations.conftest import Classroom, person_id
from tests.conversations.harness import card_text
from tests.conversations.test_daily_rhythm import MONDAY, local
from tests.conversations.test_mentors import submits
from tests.support import activities


def show_card_submit(card: dict[str, Any]) -> dict[str, Any]:
    (action,) = [a for a in card["actions"] if a["type"] == "Action.ShowCard"]
    return action["card"]["actions"][0]["data"]


async def nudges(room: Classroom) -> list[Delivery]:
    async with room.bot.db.session() as session:
        result = await session.exec(
            select(Delivery).where(Delivery.prompt == "opp_nudge").order_by(Delivery.id)
        )
        return list(result.all())


async def test_plan_evaluate_and_list(classroom: Classroom) -> None:
    room = classroom
    room.bot.clock.set(local(MONDAY, 11, 0))
    mentor = room.chat(room.mentor)
    (reply,) = await mentor.say("opp Sanne de Vries start 28-9")
    assert "Eerste evaluatie: maandag 23 november 2026" in reply
    (reply,) = await mentor.say("opp Daan start 26-10")
    assert "maandag 21 december 2026" in reply
    (reply,) = await mentor.say("opp Noah start 1-12 elke 6 weken")
    assert "elke 6 weken" in reply

    await mentor.say("opp")
    listing = card_text(room.connector.cards(mentor.conversation_id)[-1])
    assert listing.index("Sanne de Vries") < listing.index("Daan") < listing.index("Noah")
    assert "vandaag" in listing
    assert "valt in de kerstvakantie" in listing
    assert "Nog zonder OPP: Sanne Bakker" in listing

    (reply,) = await mentor.say("opp Sanne de Vries geëvalueerd met ouders, school goed gesprek")
    assert "Volgende: maandag 18 januari 2027" in reply
    async with room.bot.db.session() as session:
        evaluation = (await session.exec(select(OppEvaluation))).one()
    assert evaluation.participants == ["ouders", "school"]
    assert evaluation.note == "goed gesprek"

    await mentor.say("opp sanne de")
    history = card_text(room.connector.cards(mentor.conversation_id)[-1])
    assert "goed gesprek" in history
    assert "18 januari 2027" in history

    (reply,) = await mentor.say("opp Sanne Bakker geëvalueerd")
    assert "nog geen OPP" in reply


async def test_opp_respects_who_may_see_whom(classroom: Classroom) -> None:
    room = classroom
    other = room.world.person("lotte", "Lotte Visser")
    room.connector.teams[room.world.team_id].members.append(other)
    await room.bot.post(activities.members_added(room.world, [other], room.coordinator))
    await room.chat(room.coordinator).say("rol Lotte mentor")
    (reply,) = await room.chat(other).say("opp Daan start 1-9")
    assert "niet jouw leerling" in reply
    (reply,) = await room.chat(room.pupils[1]).say("opp")
    assert "mentoren en coördinatoren" in reply
    (reply,) = await room.chat(room.coordinator).say("opp Daan start 1-9")
    assert reply.startswith("OPP van Daan van der Berg gestart")
    async with room.bot.db.session() as session:
        assert len((await session.exec(select(OppPlan))).all()) == 1


async def test_each_nudge_goes_out_once_on_the_right_day(classroom: Classroom) -> None:
    room = classroom
    room.bot.clock.set(local(date(2026, 9, 28), 11, 0))
    await room.chat(room.mentor).say("opp Sanne de Vries start 28-9")  # due Monday 23 November
    mentor_chat = room.chat(room.mentor).conversation_id

    def nudge_cards() -> list[dict[str, Any]]:
        return [c for c in room.connector.cards(mentor_chat) if "OPP" in card_text(c)]

    schedule = [
        (date(2026, 11, 6), 0),  # 17 days before: nothing yet
        (date(2026, 11, 9), 1),  # 14 days before
        (date(2026, 11, 10), 1),
        (date(2026, 11, 13), 1),
        (date(2026, 11, 16), 2),  # 7 days before
        (date(2026, 11, 20), 2),
        (MONDAY, 3),  # on the due date
        (date(2026, 11, 27), 3),
        (date(2026, 11, 30), 4),  # a week overdue
        (date(2026, 12, 3), 4),
        (date(2026, 12, 7), 5),  # two weeks overdue
    ]
    for day, expected in schedule:
        await room.bot.tick(local(day, 9, 0))
        await room.bot.tick(local(day, 9, 30))
        assert len(nudge_cards()) == expected, day
    assert [n.ref.split(":")[1] for n in await nudges(room)] == ["14", "7", "due", "late1", "late2"]
    texts = [card_text(c) for c in nudge_cards()]
    assert "komt eraan" in texts[0]
    assert "te laat" in texts[3]
    assert "ouders" in texts[0]
    assert "school van inschrijving" in texts[0]


async def test_record_the_evaluation_from_the_nudge(classroom: Classroom) -> None:
    room = classroom
    room.bot.clock.set(local(date(2026, 9, 28), 11, 0))
    mentor = room.chat(room.mentor)
    await mentor.say("opp Sanne de Vries start 28-9")
    pupil = await person_id(room.bot, room.pupils[0])
    async with room.bot.db.session() as session:
        from storage.models import CheckIn

        team = (await session.exec(select(Team))).one()
        for offset, mood in ((0, 2), (3, 3), (7, 4), (10, 5)):
            day = date(2026, 10, 26) + timedelta(days=offset)
            session.add(
                CheckIn(
                    team_id=team.id or 0,
                    pupil_id=pupil,
                    day=day,
                    kind="start",
                    mood=mood,
                    created_at=local(day, 9),
                )
            )
    await room.bot.tick(local(date(2026, 11, 16), 9, 0))
    (nudge,) = [c for c in room.connector.cards(mentor.conversation_id) if "OPP" in card_text(c)]
    assert "stijgend" in card_text(nudge)
    assert "4 check-ins" in card_text(nudge)
    data = show_card_submit(nudge)
    assert data["verb"] == "opp.record"

    room.bot.clock.set(local(date(2026, 11, 18), 15, 0))
    value = {**data, "day": "2026-11-18", "participants": "leerling,ouders,mentor", "note": ""}
    await mentor.submit(value)
    await mentor.submit(value)  # pressed twice
    async with room.bot.db.session() as session:
        (evaluation,) = (await session.exec(select(OppEvaluation))).all()
    assert evaluation.day == date(2026, 11, 18)
    assert evaluation.participants == ["leerling", "ouders", "mentor"]
    assert "woensdag 13 januari 2027" in room.connector.texts(mentor.conversation_id)[-1]

    for bad in (
        {**value, "nonce": "another-nonce", "day": "2026-11-30"},
        {**value, "nonce": "another-nonce", "participants": "buurman"},
        {**value, "nonce": "another-nonce", "pupil": 99999},
    ):
        await mentor.submit(bad)
    async with room.bot.db.session() as session:
        assert len((await session.exec(select(OppEvaluation))).all()) == 1

    # the cycle moved: no nudges for the old due date any more
    await room.bot.tick(local(MONDAY, 9, 0))
    assert [n.ref.split(":")[1] for n in await nudges(room)] == ["7"]


async def test_monday_overview_for_coordinators(classroom: Classroom) -> None:
    room = classroom
    room.bot.clock.set(local(date(2026, 9, 28), 11, 0))
    coordinator = room.chat(room.coordinator)
    await coordinator.say("opp Sanne de Vries start 28-9")  # due 23 November
    await coordinator.say("opp Daan start 5-10")  # due 30 November
    await coordinator.say("opp Noah start 9-11")  # due 4 January, outside two weeks
    async with room.bot.db.session() as session:
        team = (await session.exec(select(Team))).one()
        team.coordinator_channel_id = "19:coordinatie@thread.tacv2"
        session.add(team)

    await room.bot.tick(local(date(2026, 11, 17), 9, 0))  # a Tuesday: no overview
    assert room.connector.cards(coordinator.conversation_id) == []
    await room.bot.tick(local(date(2026, 11, 16), 9, 0))  # Monday
    await room.bot.tick(local(date(2026, 11, 16), 10, 0))
    # the team has pupils, who read every channel: the overview comes in the 1:1 chat
    assert room.connector.cards("19:coordinatie@thread.tacv2") == []
    (overview,) = room.connector.cards(coordinator.conversation_id)
    text = card_text(overview)
    assert "Fatima el Amrani" in text
    assert "Sanne de Vries" in text
    assert "Daan van der Berg" in text
    assert "Noah" not in text
    # the class channel never sees it
    assert not any("OPP" in card_text(c) for c in room.connector.cards(room.world.team_id))
    assert submits(overview) == []


async def test_nudge_at_nine_local_after_the_clocks_go_back(classroom: Classroom) -> None:
    """A nudge due on the first Monday of winter time goes out at 09:00 CET (08:00 UTC)."""
    from datetime import UTC, datetime

    room = classroom
    room.bot.clock.set(local(date(2026, 9, 28), 11, 0))
    await room.chat(room.mentor).say("opp Sanne de Vries start 31-8")  # due 26 October
    await room.bot.tick(datetime(2026, 10, 26, 7, 59, tzinfo=UTC))
    assert await nudges(room) == []
    await room.bot.tick(datetime(2026, 10, 26, 8, 0, tzinfo=UTC))
    assert [n.ref.split(":")[1] for n in await nudges(room)] == ["due"]
