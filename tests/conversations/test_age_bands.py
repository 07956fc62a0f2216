"""Age bands: set per pupil (`rol`, `leeftijd`) and per team (`instellingen`), and the cards
of the school day made for each pupil's band."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from sqlmodel import col, select

from dialogs.clock import day_prompts
from dialogs.commands import checkin
from domain.age import AgeBand
from storage.models import AuditEvent, Person, Team
from tests.conversations.conftest import Classroom
from tests.conversations.test_daily_rhythm import MONDAY, local


async def bands(room: Classroom) -> dict[str, str | None]:
    """Each person's own band, by name."""
    async with room.bot.db.session() as session:
        return {p.name: p.age_band for p in (await session.exec(select(Person))).all()}


async def team_band(room: Classroom) -> str:
    async with room.bot.db.session() as session:
        return (await session.exec(select(Team))).one().age_band


async def band_events(room: Classroom) -> list[dict[str, Any]]:
    async with room.bot.db.session() as session:
        found = await session.exec(
            select(AuditEvent)
            .where(AuditEvent.action == "age_band.changed")
            .order_by(col(AuditEvent.id))
        )
        return [e.details for e in found.all()]


async def test_a_coordinator_sets_says_and_clears_a_pupils_band(classroom: Classroom) -> None:
    chat = classroom.chat(classroom.coordinator)
    (reply,) = await chat.say("rol Sanne de Vries leerling jong")
    assert "Sanne de Vries is al **leerling**" in reply
    assert "krijgt vanaf nu de check-in voor **jong**" in reply
    (reply,) = await chat.say("leeftijd Sanne de Vries")
    assert "**jong** (eigen instelling; de standaard van het team is midden)" in reply
    (reply,) = await chat.say("leeftijd Daan")
    assert "**midden**: de standaard van het team" in reply

    (reply,) = await chat.say("leeftijd Daan oud")
    assert reply == "Daan van der Berg krijgt vanaf nu de check-in voor **oud**."
    (reply,) = await chat.say("leeftijd daan OUD")
    assert "had al **oud**" in reply
    (reply,) = await chat.say("team")
    assert "- Sanne de Vries — mentor Fatima el Amrani — jong" in reply
    assert "- Daan van der Berg — mentor Fatima el Amrani — oud" in reply
    assert "- Noah Bakker — mentor Fatima el Amrani — midden (standaard)" in reply

    (reply,) = await chat.say("leeftijd Daan standaard")
    assert reply == "Daan van der Berg krijgt weer de standaard van het team: **midden**."
    assert (await bands(classroom))["Daan van der Berg"] is None
    assert await band_events(classroom) == [
        {"from": None, "to": "jong"},
        {"from": None, "to": "oud"},
        {"from": "oud", "to": None},
    ]


async def test_a_band_is_given_with_the_role_and_goes_with_it(classroom: Classroom) -> None:
    chat = classroom.chat(classroom.coordinator)
    await chat.say("rol Noah geen")
    (reply,) = await chat.say("rol Noah leerling oud")
    assert "Noah Bakker is nu **leerling**." in reply
    assert "check-in voor **oud**" in reply
    assert (await bands(classroom))["Noah Bakker"] == "oud"
    await chat.say("rol Noah mentor")
    assert (await bands(classroom))["Noah Bakker"] is None
    (reply,) = await chat.say("rol Noah leerling")
    assert "check-in voor" not in reply
    assert (await bands(classroom))["Noah Bakker"] is None

    # a band is a pupil's only; a name that ends like a band is still a name
    (reply,) = await chat.say("rol Fatima mentor oud")
    assert "alleen bij een leerling" in reply
    (reply,) = await chat.say("leeftijd Marieke jong")
    assert "Marieke Jansen is geen leerling" in reply
    (reply,) = await chat.say("leeftijd Sanne de Vries jonk")
    assert "'jonk' begrijp ik niet. Bedoelde je **jong**?" in reply
    (reply,) = await chat.say("leeftijd")
    assert reply.startswith("Gebruik: **leeftijd**")
    assert (await bands(classroom))["Fatima el Amrani"] is None
    assert (await bands(classroom))["Marieke Jansen"] is None


async def test_english_words_and_a_mentor_for_their_own_pupils(classroom: Classroom) -> None:
    english = classroom.chat(classroom.coordinator, locale="en-US")
    (reply,) = await english.say("role Noah pupil young")
    assert "From now on Noah Bakker gets the check-in for **young**." in reply
    (reply,) = await english.say("age Noah")
    assert "**young** (set for them; the team's default is middle)" in reply
    (reply,) = await english.say("age Noah default")
    assert "gets the team's default again: **middle**" in reply

    mentor = classroom.chat(classroom.mentor)
    (reply,) = await mentor.say("leeftijd Daan jong")
    assert "check-in voor **jong**" in reply
    assert (await bands(classroom))["Daan van der Berg"] == "jong"


async def test_the_teams_default_is_a_setting(classroom: Classroom) -> None:
    chat = classroom.chat(classroom.coordinator)
    replies = await chat.say("instellingen")
    assert "Check-in voor leerlingen zonder eigen leeftijdsgroep: midden" in replies[0]
    settings = classroom.connector.cards(chat.conversation_id)[-1]
    (field,) = [b for b in settings["body"] if b.get("id") == "age_band"]
    assert field["value"] == "midden"
    assert [c["value"] for c in field["choices"]] == ["jong", "midden", "oud"]

    (reply,) = await chat.say("instellingen leeftijd jong")
    assert reply.startswith("Opgeslagen")
    assert await team_band(classroom) == "jong"
    (reply,) = await chat.say("leeftijd Daan")
    assert "**jong**: de standaard van het team" in reply
    (reply,) = await chat.say("instellingen leeftijd baby")
    assert reply.startswith("Niet opgeslagen") and "kies jong, midden of oud" in reply
    (reply,) = await classroom.chat(classroom.coordinator, locale="en-US").say("settings age older")
    assert reply.startswith("Saved") and "own: older (age)" in reply
    assert await team_band(classroom) == "oud"

    team_id = (await session_team(classroom)).id
    await chat.submit({**card_values(settings), "team": team_id, "age_band": "x"})
    assert classroom.connector.texts(chat.conversation_id)[-1].startswith("Niet opgeslagen")
    assert await team_band(classroom) == "oud"
    await chat.submit({**card_values(settings), "team": team_id, "age_band": "midden"})
    assert classroom.connector.texts(chat.conversation_id)[-1].startswith("Opgeslagen")
    assert await team_band(classroom) == "midden"


async def session_team(room: Classroom) -> Team:
    async with room.bot.db.session() as session:
        return (await session.exec(select(Team))).one()


def card_values(card: dict[str, Any]) -> dict[str, Any]:
    """What a settings card sends when nothing on it is changed."""
    values = {b["id"]: sent_as(b.get("value", "")) for b in card["body"] if b.get("id")}
    return {**values, "verb": card["actions"][0]["data"]["verb"]}


def sent_as(value: Any) -> str:
    """An input's value as Teams submits it: text ("8", not 8.0)."""
    return f"{value:g}" if isinstance(value, int | float) else str(value)


def recording(calls: list[tuple[str, str, AgeBand]], kind: str, build: Callable[..., Any]) -> Any:
    """A card builder that notes for whom it built which kind of card, and for which band."""

    def record(**kwargs: Any) -> Any:
        calls.append((kind, kwargs["first_name"], kwargs["band"]))
        return build(**kwargs)

    return record


@pytest.fixture
def built(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str, AgeBand]]:
    """The check-in and close cards the planner and `inchecken` build, with their band."""
    calls: list[tuple[str, str, AgeBand]] = []
    for module in (day_prompts, checkin):
        monkeypatch.setattr(module, "checkin_card", recording(calls, "start", module.checkin_card))
        monkeypatch.setattr(module, "close_card", recording(calls, "close", module.close_card))
    return calls


async def test_every_card_of_the_day_is_made_for_the_pupils_band(
    classroom: Classroom, built: list[tuple[str, str, AgeBand]]
) -> None:
    chat = classroom.chat(classroom.coordinator)
    await chat.say("instellingen leeftijd oud")
    await chat.say("leeftijd Sanne de Vries jong")
    await chat.say("leeftijd Noah midden")

    await classroom.bot.tick(local(MONDAY, 9, 0))
    # Sanne de Vries has her own band, Noah too; Daan and Sanne Bakker get the team's
    expected = [("Daan", AgeBand.OUD), ("Noah", AgeBand.MIDDEN), ("Sanne", AgeBand.JONG)]
    expected = sorted([*expected, ("Sanne", AgeBand.OUD)])
    assert sorted((name, band) for kind, name, band in built if kind == "start") == expected

    built.clear()
    classroom.bot.clock.set(local(MONDAY, 9, 30))
    await classroom.chat(classroom.pupils[0]).say("inchecken")
    assert built == [("start", "Sanne", AgeBand.JONG)]

    built.clear()
    await classroom.bot.tick(local(MONDAY, 14, 45))
    assert sorted((name, band) for kind, name, band in built if kind == "close") == expected
    built.clear()
    classroom.bot.clock.set(local(MONDAY, 14, 50))
    await classroom.chat(classroom.pupils[1]).say("inchecken")
    assert built == [("close", "Daan", AgeBand.OUD)]
