"""Small cards shared by several flows."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from microsoft_teams.cards import ActionSet, AdaptiveCard, SubmitAction, TextBlock

CARD_VERSION = "1.5"


def to_json(card: AdaptiveCard) -> dict[str, Any]:
    """Adaptive Card JSON as Teams expects it."""
    data: dict[str, Any] = card.model_dump(by_alias=True, exclude_none=True)
    return data


def choice_buttons_card(*, title: str, buttons: Sequence[tuple[str, str]]) -> dict[str, Any]:
    """A question with one button per answer; each button runs a chat command line."""
    actions = [
        SubmitAction(title=label, data={"verb": "command", "text": line}) for label, line in buttons
    ]
    card = AdaptiveCard(
        version=CARD_VERSION,
        body=[TextBlock(text=title, wrap=True), ActionSet(actions=actions)],
    )
    return to_json(card)


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
