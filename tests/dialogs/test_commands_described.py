"""Every chat command describes itself where it is registered: its line in `hulp` and its usage
in Dutch and English, its place in `hulp`, and the entry it asks for in Teams' command menu; and
every command and card button has a row in the permission matrix."""

from __future__ import annotations

from typing import Any

import pytest

import dialogs.registry  # noqa: F401  (fills the router)
from bot.package import build_manifest, translations
from cards.catalogue import Lang
from dialogs.router import Command, router
from domain.roles import Role
from tests.conversations.test_permissions import (
    CARD_DATA,
    CARD_TABLE,
    ROLES,
    TABLE,
    command_of,
)

APP_ID = "0b6c7f4e-3a2d-4c1b-9e8f-7a6b5c4d3e2f"
LANGS: tuple[Lang, ...] = ("nl", "en")
# The role each column of the permission matrix stands for.
COLUMN_ROLE = {
    "pupil": Role.PUPIL,
    "own_mentor": Role.MENTOR,
    "other_mentor": Role.MENTOR,
    "coordinator": Role.COORDINATOR,
    "other_coordinator": Role.COORDINATOR,
    "stranger": Role.UNKNOWN,
}
COMMANDS = router.ordered


@pytest.mark.parametrize("command", COMMANDS, ids=[c.name for c in COMMANDS])
def test_help_and_usage_in_both_languages(command: Command) -> None:
    """Both are there and translated, and the help line starts with a name the bot knows."""
    for words in (command.help, command.usage):
        assert all(words.in_(lang).strip() for lang in LANGS), command.name
        assert words.nl != words.en, command.name
    for lang in LANGS:
        named = command.help.in_(lang).removeprefix("**").partition("**")[0]
        assert named in command.names, (command.name, lang, named)


def test_the_order_of_help_and_of_the_teams_menu_has_no_ties() -> None:
    places = [command.order for command in COMMANDS]
    assert len(set(places)) == len(places)
    menu = [command.teams.order for command in COMMANDS if command.teams is not None]
    assert len(set(menu)) == len(menu)


def test_every_command_and_card_action_has_a_row_in_the_permission_matrix() -> None:
    assert {router.commands[command_of(line)].name for line, _ in TABLE} == {
        command.name for command in COMMANDS
    }
    assert sorted(verb for verb, _ in CARD_TABLE) == sorted(router.card_actions)


@pytest.mark.parametrize(("line", "expected"), TABLE, ids=[row[0] for row in TABLE])
def test_a_command_row_allows_no_role_the_registration_refuses(
    line: str, expected: tuple[str, ...]
) -> None:
    """A row may refuse more (another mentor's pupil), never let in a role the router refuses."""
    roles = router.commands[command_of(line)].roles
    for column, outcome in zip(ROLES, expected, strict=True):
        if outcome == "ok":
            assert COLUMN_ROLE[column] in roles, (line, column)


@pytest.mark.parametrize(("verb", "expected"), CARD_TABLE, ids=[row[0] for row in CARD_TABLE])
def test_a_card_row_is_what_the_registration_allows(verb: str, expected: tuple[str, ...]) -> None:
    """A bare button press is refused exactly when the role may not press it (a button that
    runs a command line is answered as that command is)."""
    roles = router.card_actions[verb].roles
    for column, outcome in zip(ROLES, expected, strict=True):
        allowed = COLUMN_ROLE[column] in roles
        if outcome == "ok":
            assert allowed, (verb, column)
        elif verb not in CARD_DATA:
            assert not allowed, (verb, column)


def menus() -> tuple[list[dict[str, Any]], dict[str, Any]]:
    manifest = build_manifest(app_id=APP_ID, domain=None)
    return manifest["bots"][0]["commandLists"], translations(manifest)["en-us.json"]


def test_the_teams_menus_hold_what_the_commands_ask_for_and_nothing_else() -> None:
    lists, english = menus()
    personal, shared = (
        next(entry for entry in lists if scope in entry["scopes"]) for scope in ("personal", "team")
    )
    asked = [command for command in COMMANDS if command.teams is not None]
    assert {c["title"] for c in personal["commands"]} == {command.name for command in asked}
    assert {c["title"] for c in shared["commands"]} == {
        command.name for command in asked if command.teams and command.teams.shared
    }
    for i, entry in enumerate(lists):
        for j, item in enumerate(entry["commands"]):
            command = router.commands[item["title"]]
            assert command.teams is not None and command.name == item["title"]
            words = command.teams.personal if entry is personal else command.teams.shared
            assert words is not None
            key = f"bots[0].commandLists[{i}].commands[{j}]"
            assert item["description"] == words.nl
            assert english[f"{key}.title"] == command.teams.title
            assert english[f"{key}.description"] == words.en
