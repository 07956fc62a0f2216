"""`hulp`: the commands this person may use; and the button that re-runs a command line."""

from __future__ import annotations

from collections.abc import Sequence

from cards.catalogue import Words, t
from cards.common import RUN_COMMAND, CommandLine
from dialogs.inbound import Reply, text
from dialogs.router import EVERYONE, HERE, Turn, router, run_command
from dialogs.teams_menu import TeamsMenu
from domain.roles import Role


@router.command(
    "hulp",
    "help",
    "?",
    "commands",
    "commando's",
    roles=EVERYONE,
    where=HERE,
    order=10,
    help=Words(nl="**hulp** — dit overzicht", en="**help** — this overview"),
    usage=Words(
        nl="Typ **hulp** (of **?**) voor alles wat je mij kunt vragen.",
        en="Type **help** (or **?**) for everything you can ask me.",
    ),
    teams=TeamsMenu(
        title="help",
        order=10,
        personal=Words(nl="Wat je mij kunt vragen", en="What you can ask me"),
        shared=Words(
            nl="Wat je mij kunt vragen; antwoorden over leerlingen komen altijd privé",
            en="What you can ask me; answers about pupils always come privately",
        ),
    ),
)
async def help_command(turn: Turn) -> Sequence[Reply]:
    """List the commands the sender's role may use, everyday ones first (their `order`)."""
    if turn.role == Role.UNKNOWN:
        return [text(t("help.unknown_person", turn.lang))]
    lines = [t("help.intro", turn.lang, role=t(f"role.{turn.role}", turn.lang))]
    for command in sorted(router.available_to(turn.role), key=lambda c: c.order):
        lines.append(f"- {command.help.in_(turn.lang)}")
    if turn.role == Role.MEMBER:
        lines.append(t("help.no_role", turn.lang))
    return [text("\n".join(lines))]


@router.card_action(RUN_COMMAND, answer=CommandLine, roles=EVERYONE, where=HERE)
async def command_button(turn: Turn) -> Sequence[Reply]:
    """A button that runs a chat command (e.g. a candidate chosen from a list of names)."""
    return await run_command(turn, CommandLine.of(turn.answer).text)
