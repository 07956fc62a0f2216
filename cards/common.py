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
