"""`hulp`: the commands this person may use; and the button that re-runs a command line."""

from __future__ import annotations

from collections.abc import Sequence

from cards.catalogue import t
from cards.common import RUN_COMMAND, CommandLine
from dialogs.inbound import Reply, text
from dialogs.router import EVERYONE, HERE, Turn, router, run_command

# Help lists the everyday commands first, the set-up ones last.
HELP_ORDER = (
    "hulp",
    "inchecken",
    "mijn week",
    "leerlingen",
    "leerling",
    "log",
    "contacten",
    "opp",
    "traject",
    "digest",
    "rapport",
    "pauze",
    "hervat",
    "rol",
    "koppel",
    "leeftijd",
    "team",
    "instellingen",
    "voorbeeld",
    "audit",
    "inzage",
    "wis",
)


@router.command("hulp", "help", "?", "commands", "commando's", roles=EVERYONE, where=HERE)
async def help_command(turn: Turn) -> Sequence[Reply]:
    """List the commands the sender's role may use."""
    if turn.role == "unknown":
        return [text(t("help.unknown_person", turn.lang))]
    lines = [t("help.intro", turn.lang, role=t(f"role.{turn.role}", turn.lang))]
    commands = router.available_to(turn.role)
    commands.sort(key=lambda c: HELP_ORDER.index(c.name) if c.name in HELP_ORDER else 99)
    for command in commands:
        lines.append(f"- {t(f'help.{command.name}', turn.lang)}")
    if turn.role == "member":
        lines.append(t("help.no_role", turn.lang))
    return [text("\n".join(lines))]


@router.card_action(RUN_COMMAND, answer=CommandLine, roles=EVERYONE, where=HERE)
async def command_button(turn: Turn) -> Sequence[Reply]:
    """A button that runs a chat command (e.g. a candidate chosen from a list of names)."""
    return await run_command(turn, CommandLine.of(turn.answer).text)
