"""Every card action reads its answer into a model of its own, and every button of a pupil's
card sends what that model reads."""

from __future__ import annotations

from typing import Any

import pytest

from cards.answers import BadAnswer, CardAnswer
from cards.gallery import pupil_card_variants
from dialogs import registry  # noqa: F401  (registers every card action)
from dialogs.router import router
from tests.cards.test_cards import inputs, walk


def test_every_card_action_reads_a_model_of_its_own() -> None:
    """The base model takes any answer; each action names the one its card sends."""
    assert router.card_actions
    bare = sorted(
        verb for verb, action in router.card_actions.items() if action.answer is CardAnswer
    )
    assert bare == [], "card actions registered without a model of their own"


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


def test_a_refusal_names_the_models_fields_never_a_key_the_sender_made_up() -> None:
    from cards.checkin_answers import DayStartAnswer

    forged = {"verb": "checkin.submit", "day": "2026-11-23", "mood": "9", "ik wil niet meer": "x"}
    with pytest.raises(BadAnswer) as refused:
        DayStartAnswer.read(forged)
    assert "mood" in str(refused.value)
    assert "an unknown field" in str(refused.value)
    assert "ik wil" not in str(refused.value)
