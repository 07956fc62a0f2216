"""The foundation end to end: install, roster, help, roles and links, bad input."""

from __future__ import annotations

import json

from sqlmodel import select

from storage.models import AuditEvent, MentorLink, Person, PersonalChat, Team
from tests.conversations.conftest import Classroom, make_world
from tests.conversations.harness import Bot, Chat
from tests.support import activities
from tests.support.connector import FakeConnector


async def _members(bot: Bot) -> dict[str, Person]:
    async with bot.db.session() as session:
        return {p.name: p for p in (await session.exec(select(Person))).all()}


async def test_install_stores_team_roster_and_greets_once(
    running: tuple[Bot, FakeConnector],
) -> None:
    bot, connector = running
    world = make_world(connector)
    coordinator = world.people["coord"]

    posted = await bot.post(activities.install_in_team(world, coordinator))

    assert posted.status == 200
    async with bot.db.session() as session:
        team = (await session.exec(select(Team))).one()
    assert team.teams_id == world.team_id
    assert team.tenant_id == world.tenant_id
    assert team.service_url == connector.url
    assert {c["name"] for c in team.channels} == {"", "Coördinatie"}
    members = await _members(bot)
    assert set(members) == {p.name for p in world.people.values()}
    assert members["Marieke Jansen"].role == "coordinator"
    assert all(m.role is None for name, m in members.items() if name != "Marieke Jansen")
    paged = [r for r in connector.requests if r.path.endswith("/pagedmembers")]
    assert len(paged) == 3  # six members, two per page: the bot reads every page
    (greeting,) = connector.texts(world.team_id)
    assert "Marieke Jansen" in greeting
    assert "coördinator" in greeting

    connector.clear()
    again = await bot.post(activities.install_in_team(world, coordinator))
    assert again.status == 200
    assert connector.texts(world.team_id) == []
    assert len(await _members(bot)) == len(world.people)


async def test_members_added_and_removed_update_the_roster(classroom: Classroom) -> None:
    bot, world = classroom.bot, classroom.world
    newcomer = world.person("lotte", "Lotte Visser")
    classroom.connector.teams[world.team_id].members.append(newcomer)

    await bot.post(activities.members_added(world, [newcomer], classroom.coordinator))
    members = await _members(bot)
    assert members["Lotte Visser"].active
    assert members["Lotte Visser"].aad_object_id == newcomer.aad_object_id

    sanne = classroom.pupils[0]
    await bot.post(activities.members_removed(world, [sanne], classroom.coordinator))
    members = await _members(bot)
    assert not members["Sanne de Vries"].active
    assert members["Sanne de Vries"].role == "pupil"  # history kept


async def test_help_lists_what_each_role_may_do(classroom: Classroom) -> None:
    (coordinator_help,) = await classroom.chat(classroom.coordinator).say("hulp")
    (pupil_help,) = await classroom.chat(classroom.pupils[0]).say("help")
    (english,) = await classroom.chat(classroom.coordinator, locale="en-US").say("help")

    assert "koppel" in coordinator_help
    assert "rol" in coordinator_help
    assert "koppel" not in pupil_help
    assert "leerling" in pupil_help
    assert "link" in english
    assert "pupil" in english
    (asked,) = await classroom.chat(classroom.pupils[0]).say("?")
    assert asked == pupil_help


async def test_unknown_word_gets_a_suggestion(classroom: Classroom) -> None:
    (reply,) = await classroom.chat(classroom.coordinator).say("koppl Sanne aan Fatima")
    assert "Bedoelde je **koppel**?" in reply


async def test_stranger_is_told_who_can_help(running: tuple[Bot, FakeConnector]) -> None:
    bot, connector = running
    world = make_world(connector)
    stranger = world.person("x", "Onbekend Persoon")
    (reply,) = await Chat(bot, world, stranger).say("team")
    assert "ken je nog niet" in reply


async def test_roles_and_links_through_chat(running: tuple[Bot, FakeConnector]) -> None:
    bot, connector = running
    world = make_world(connector)
    await bot.post(activities.install_in_team(world, world.people["coord"]))
    chat = Chat(bot, world, world.people["coord"])

    assert await chat.say("rol Fatima mentor") == ["Fatima el Amrani is nu **mentor**."]
    (reply,) = await chat.say("rol Daan leerling")
    assert reply.startswith("Daan van der Berg is nu **leerling**.")
    assert await chat.say("koppel daan aan fatima") == [
        "Daan van der Berg is gekoppeld aan mentor Fatima el Amrani."
    ]
    (listing,) = await chat.say("team")
    assert "Daan van der Berg — mentor Fatima el Amrani" in listing

    async with bot.db.session() as session:
        link = (await session.exec(select(MentorLink))).one()
        actions = [a.action for a in (await session.exec(select(AuditEvent))).all()]
    assert link.pupil_id == (await _members(bot))["Daan van der Berg"].id
    assert actions.count("role.changed") == 2
    assert "mentor.linked" in actions
    # the coordinator's 1:1 chat is remembered for proactive messages
    async with bot.db.session() as session:
        chat_row = (await session.exec(select(PersonalChat))).one()
    assert chat_row.teams_user_id == world.people["coord"].id


async def test_ambiguous_and_unknown_names_are_never_guessed(classroom: Classroom) -> None:
    chat = classroom.chat(classroom.coordinator)
    before = len(classroom.connector.requests)
    replies = await chat.say("rol Sanne mentor")
    assert len(replies) == 1
    assert "Sanne de Vries" in replies[0]
    assert "Sanne Bakker" in replies[0]
    (card,) = classroom.connector.cards()
    buttons = card["body"][1]["actions"]
    assert [b["data"]["verb"] for b in buttons] == ["command", "command"]
    assert (await chat.say("rol Zeynep mentor"))[0].startswith("Ik vind niemand")
    members = await _members(classroom.bot)
    assert members["Sanne de Vries"].role == "pupil"
    assert len(classroom.connector.requests) > before

    # pressing a candidate's button runs the command for exactly that person
    posted = await chat.submit(buttons[1]["data"])
    assert posted.status == 200
    members = await _members(classroom.bot)
    roles = {members["Sanne de Vries"].role, members["Sanne Bakker"].role}
    assert roles == {"pupil", "mentor"}


async def test_channel_mention_works_like_a_chat(classroom: Classroom) -> None:
    bot, world = classroom.bot, classroom.world
    activity = activities.channel_message(
        world, classroom.coordinator, "rol @Noah Bakker mentor", mentions=(world.people["noah"],)
    )
    posted = await bot.post(activity)
    assert posted.status == 200
    # the answer names people and roles: it goes to the coordinator's 1:1 chat
    private = classroom.connector.texts(classroom.chat(classroom.coordinator).conversation_id)
    assert "Noah Bakker is nu **mentor**." in private[-1]
    (in_channel,) = [text for text in classroom.connector.texts() if text not in private]
    assert in_channel == "Ik heb je antwoord in onze privéchat gezet."


async def test_only_coordinators_give_roles(classroom: Classroom) -> None:
    (reply,) = await classroom.chat(classroom.mentor).say("rol Daan coördinator")
    assert "alleen een coördinator" in reply
    (reply,) = await classroom.chat(classroom.pupils[0]).say("koppel Daan aan Fatima")
    assert "coördinator" in reply
    assert (await _members(classroom.bot))["Daan van der Berg"].role == "pupil"


async def test_last_coordinator_keeps_the_role(classroom: Classroom) -> None:
    (reply,) = await classroom.chat(classroom.coordinator).say("rol Marieke mentor")
    assert "enige coördinator" in reply


async def test_the_app_details_links_lead_to_the_privacy_and_terms_pages(
    running: tuple[Bot, FakeConnector],
) -> None:
    bot, _ = running
    pages = {}
    for path in ("privacy", "voorwaarden"):
        async with bot.http.get(f"{bot.url}/{path}") as response:
            assert response.status == 200
            assert response.content_type == "text/html"
            pages[path] = await response.text()
    assert "verwerkingsverantwoordelijke" in pages["privacy"]
    assert "<table>" in pages["privacy"]  # the retention table reads as a table
    assert "protocol van de school" in pages["voorwaarden"]
    assert '<a href="privacy">' in pages["voorwaarden"]
    async with bot.http.get(f"{bot.url}/privacy.md") as response:
        assert response.status == 404


async def test_healthz_reports_the_database(running: tuple[Bot, FakeConnector]) -> None:
    bot, _ = running
    async with bot.http.get(f"{bot.url}/healthz") as response:
        assert response.status == 200
        assert await response.json() == {
            "status": "ok",
            "database": True,
            "deliveries": {
                "due": 0,
                "oldest_due_seconds": 0,
                "failed_last_24h": 0,
                "failed_reasons": {},
                "lanes": 0,
            },
            "teams_without_coordinator": 0,
        }


async def test_bad_input_gets_4xx_and_writes_nothing(classroom: Classroom) -> None:
    bot, world = classroom.bot, classroom.world
    good = activities.personal_message(world, classroom.coordinator, "rol Daan mentor")
    cases: list[tuple[bytes | str | dict[str, object], int]] = [
        (b"{not json", 400),
        ("[]", 400),
        ({k: v for k, v in good.items() if k != "from"}, 400),
        ({k: v for k, v in good.items() if k != "conversation"}, 400),
        ({**good, "type": 42}, 400),
        ({**good, "text": {"a": 1}}, 400),
        ({**good, "serviceUrl": "ftp://x"}, 400),
        ({**good, "entities": "nope"}, 400),
        ({**good, "text": "x" * (1024 * 1024)}, 413),
    ]
    for body, status in cases:
        payload = body if not isinstance(body, dict) else json.dumps(body)
        posted = await bot.post(payload)
        assert posted.status == status, (str(body)[:80], posted)
    async with bot.http.post(
        f"{bot.url}/api/messages", data="{}", headers={"Content-Type": "text/plain"}
    ) as response:
        assert response.status == 415
    unknown_type = await bot.post({**good, "type": "somethingNew"})
    assert unknown_type.status == 200
    long_text = await bot.post({**good, "text": "rol " + "x" * 100_000})
    assert long_text.status == 200
    assert (await _members(bot))["Daan van der Berg"].role == "pupil"


async def test_unauthenticated_request_is_refused_when_an_app_id_is_set(
    database_url: str,
) -> None:
    from tests.conversations.conftest import START
    from tests.conversations.harness import running_bot

    async with running_bot(
        database_url,
        at=START,
        MicrosoftAppId="00000000-0000-0000-0000-00000000a991",
        MicrosoftAppPassword="not-a-real-secret",
        MicrosoftAppTenantId="6f1c2b7e-0d5a-4f0e-9a55-2f8d4b1c9e01",
    ) as (bot, connector):
        world = make_world(connector)
        posted = await bot.post(activities.install_in_team(world, world.people["coord"]))
        assert posted.status == 401
        assert connector.requests == []
        async with bot.db.session() as session:
            assert (await session.exec(select(Team))).all() == []


async def test_metrics_and_request_ids(classroom: Classroom) -> None:
    bot = classroom.bot
    from tests.conversations.test_daily_rhythm import MONDAY, local

    await bot.tick(local(MONDAY, 9, 0))
    async with bot.http.get(f"{bot.url}/metrics") as response:
        assert response.status == 200
        assert response.headers["X-Request-Id"]
        body = await response.text()
    assert 'dagritme_activities_total{kind="message"}' in body
    # the class post, four check-in cards, and the mentor's list of progress talks due this week
    assert 'dagritme_outbox_deliveries{status="sent"} 6' in body
    async with bot.http.get(f"{bot.url}/healthz", headers={"MS-CV": "abc.1"}) as response:
        assert response.headers["X-Request-Id"] == "abc.1"


def test_json_log_lines_carry_the_request_id() -> None:
    import json
    import logging

    from bot.observability import REQUEST_ID, JsonFormatter, RequestIdFilter

    token = REQUEST_ID.set("req-7")
    try:
        record = logging.LogRecord(
            "bot.test", logging.INFO, __file__, 1, "team %s installed", (3,), None
        )
        RequestIdFilter().filter(record)
        line = json.loads(JsonFormatter().format(record))
    finally:
        REQUEST_ID.reset(token)
    assert line["msg"] == "team 3 installed"
    assert line["request_id"] == "req-7"
    assert line["level"] == "INFO"


async def test_a_reply_teams_throttles_is_retried_and_never_a_500(classroom: Classroom) -> None:
    pupil = classroom.pupils[0]
    chat = classroom.chat(pupil)
    classroom.connector.fail_next(1, 429, retry_after=0.01, path_contains=chat.conversation_id)
    replies = await chat.say("hulp")
    answered = [
        r for r in classroom.connector.requests if r.conversation_id == chat.conversation_id
    ]
    assert len(answered) == 2 and replies  # refused once, then taken
    classroom.connector.fail_next(10, 503, path_contains=chat.conversation_id)
    posted = await classroom.bot.post(activities.personal_message(classroom.world, pupil, "hulp"))
    assert posted.status == 200  # nothing to gain from Teams posting the message again
