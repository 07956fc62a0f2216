"""Every card action reads its answer into a model of its own, and every button of a pupil's
card sends what that model reads."""

from __future__ import annotations

from typing import Any

import pytest

from cards.answers import CardAnswer
from cards.gallery import pupil_card_variants
from dialogs import registry  # noqa: F401  (registers every card action)
from dialogs.router import router
from tests.cards.test_cards import inputs, walk

# Card actions whose answer is read into a model of its own (cards.answers), not the
# placeholder that takes anything.
CONVERTED = frozenset(
    {
        "checkin.submit",
        "close.submit",
        "contact.delete",
        "contact.edit",
        "contact.undo",
        "preview.checkin",
        "preview.close",
        "preview.other",
        "settings.submit",
        "voice.cancel",
        "voice.send",
        "week.open",
    }
)
# Those still registered with the placeholder: each conversion takes its verbs out of this list
# and into CONVERTED, until it is empty.
PLACEHOLDERS = frozenset(
    {
        "alert.contact",
        "alert.log",
        "alert.pickup",
        "command",
        "contact.open",
        "contact.save",
        "erase.cancel",
        "erase.confirm",
        "opp.record",
        "opp.report",
        "pupil.open",
    }
)


def test_card_actions_read_their_own_model() -> None:
    still = {verb for verb, action in router.card_actions.items() if action.answer is CardAnswer}
    assert still == PLACEHOLDERS, "a card action is registered with the CardAnswer placeholder"
    assert set(router.card_actions) == CONVERTED | PLACEHOLDERS


def sample_value(element: dict[str, Any]) -> str:
    """What a person could fill in: the first choice, the toggle on, some words."""
    kind = element["type"]
    if kind == "Input.ChoiceSet":
        return str(element["choices"][0]["value"])
    if kind == "Input.Toggle":
        return str(element.get("valueOn", "true"))
    if kind == "Input.Date":
        return "2026-11-23"
    if kind == "Input.Number":
        return "1"
    return "Rekenen"


def submits(card: dict[str, Any]) -> list[dict[str, Any]]:
    """What each submit button of a card sends when every input is filled in: its data, with
    the inputs' values merged in (as Teams does)."""
    filled = {element["id"]: sample_value(element) for element in inputs(card)}
    return [
        {**node["data"], **filled}
        for node in walk(card)
        if node.get("type") == "Action.Submit" and isinstance(node.get("data"), dict)
    ]


@pytest.mark.parametrize(("name", "card"), pupil_card_variants())
def test_every_button_of_a_pupils_card_sends_what_its_action_reads(
    name: str, card: dict[str, Any]
) -> None:
    for sent in submits(card):
        action = router.card_actions[sent["verb"]]
        answer = action.answer.read(sent)
        assert type(answer) is action.answer, name
