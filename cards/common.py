"""Small cards shared by several flows, and the button that runs a chat command."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Annotated, Any

from microsoft_teams.cards import ActionSet, AdaptiveCard, CardElement, SubmitAction, TextBlock
from pydantic import AfterValidator, StrictStr

from cards.answers import CardAnswer

CARD_VERSION = "1.5"
RUN_COMMAND = "command"
MAX_COMMAND_LINE = 300  # characters a command button carries


def runnable(line: str) -> bool:
    """Whether a button can carry `line`: some words, at most MAX_COMMAND_LINE characters."""
    return bool(line.strip()) and len(line) <= MAX_COMMAND_LINE


def _runnable(line: str) -> str:
    if not runnable(line):
        raise ValueError(f"a command line of at most {MAX_COMMAND_LINE} characters")
    return line


class CommandLine(CardAnswer):
    """A button that runs a chat command line as if it were typed (a candidate chosen from a
    list of names, the next page of a list, a pupil's page)."""

    text: Annotated[StrictStr, AfterValidator(_runnable)]


class Declined(CardAnswer):
    """The "no" of a yes/no question: nothing but its verb and team."""


def to_json(card: AdaptiveCard) -> dict[str, Any]:
    """Adaptive Card JSON as Teams expects it."""
    data: dict[str, Any] = card.model_dump(by_alias=True, exclude_none=True)
    return data


def command_button(title: str, line: str, *, team_ref: int | None = None) -> SubmitAction:
    """A button that runs `line`; with `team_ref` when the card is about that team."""
    about = {"team": team_ref} if team_ref is not None else {}
    answer = CommandLine(verb=RUN_COMMAND, text=line, **about)
    return SubmitAction(title=title, data=answer.button_data())


def choice_buttons_card(*, title: str, buttons: Sequence[tuple[str, str]]) -> dict[str, Any]:
    """A question with one button per answer; each button runs a chat command line.

    A line no button can carry (none, or too long) gets no button: it could not be run.
    """
    actions = [command_button(label, line) for label, line in buttons if runnable(line)]
    body: list[CardElement] = [TextBlock(text=title, wrap=True)]
    if actions:
        body.append(ActionSet(actions=actions))
    return to_json(AdaptiveCard(version=CARD_VERSION, body=body))


def confirm_card(
    *,
    question: str,
    confirm: tuple[str, dict[str, Any]],
    cancel: tuple[str, dict[str, Any]],
) -> dict[str, Any]:
    """A yes/no question whose "yes" is destructive (e.g. an erasure)."""
    card = AdaptiveCard(
        version=CARD_VERSION,
        body=[TextBlock(text=question, wrap=True)],
        actions=[
            SubmitAction(title=confirm[0], data=confirm[1], style="destructive"),
            SubmitAction(title=cancel[0], data=cancel[1]),
        ],
    )
    return to_json(card)
