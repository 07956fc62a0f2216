"""A preview is the pupil's own card with every submit turned into a preview verb."""

from __future__ import annotations

import json
from datetime import date
from typing import Any

import pytest

from cards.checkin import checkin_card, close_card
from cards.preview import PREVIEW_OTHER, PREVIEW_VERBS, as_preview
from domain.age import AgeBand

DAY = date(2026, 11, 23)


def verbs_in(node: Any) -> list[str]:
    """Every `data.verb` anywhere in a card's JSON."""
    found: list[str] = []
    if isinstance(node, dict):
        data = node.get("data")
        if isinstance(data, dict) and "verb" in data:
            found.append(data["verb"])
        for value in node.values():
            found += verbs_in(value)
    elif isinstance(node, list):
        for item in node:
            found += verbs_in(item)
    return found


def undone(preview: dict[str, Any], original_verb: str) -> dict[str, Any]:
    """The preview without its banner and with the real verb back: what the pupil gets."""
    text = json.dumps({**preview, "body": preview["body"][1:]})
    for verb in set(PREVIEW_VERBS.values()):
        text = text.replace(f'"{verb}"', f'"{original_verb}"')
    card = json.loads(text)
    _drop_band(card)
    return dict(card)


def _drop_band(node: Any) -> None:
    """Take the band the preview adds out of every submit's data (the faces' too)."""
    if isinstance(node, dict):
        data = node.get("data")
        if isinstance(data, dict):
            data.pop("band", None)
        for value in node.values():
            _drop_band(value)
    elif isinstance(node, list):
        for item in node:
            _drop_band(item)


@pytest.mark.parametrize("band", list(AgeBand))
@pytest.mark.parametrize("lang", ["nl", "en"])
def test_a_preview_is_the_real_card_with_preview_verbs(band: AgeBand, lang: Any) -> None:
    start = checkin_card(lang=lang, first_name="Sam", day=DAY, team_ref=7, band=band)
    close = close_card(
        lang=lang, first_name="Sam", day=DAY, team_ref=7, goals=["a", "b"], band=band
    )
    for card, verb in ((start, "checkin.submit"), (close, "close.submit")):
        frozen = json.dumps(card, sort_keys=True)
        shown = as_preview(card, band=band.value, banner="Voorbeeld")
        assert json.dumps(card, sort_keys=True) == frozen  # the original is not changed
        assert shown["body"][0]["items"][0]["text"] == "Voorbeeld"
        assert verbs_in(shown) == [PREVIEW_VERBS[verb]] * len(verbs_in(card))
        assert verbs_in(card) and set(verbs_in(card)) == {verb}
        assert undone(shown, verb) == card


def test_every_verb_anywhere_is_rewritten() -> None:
    card = {
        "type": "AdaptiveCard",
        "body": [
            {
                "type": "Image",
                "url": "https://example.org/x.png",
                "selectAction": {"type": "Action.Submit", "data": {"verb": "checkin.submit"}},
            },
            {
                "type": "ActionSet",
                "actions": [
                    {
                        "type": "Action.ShowCard",
                        "card": {
                            "type": "AdaptiveCard",
                            "actions": [
                                {"type": "Action.Submit", "data": {"verb": "close.submit"}}
                            ],
                        },
                    },
                    {"type": "Action.Submit", "data": {"verb": "checkin.something_new", "x": 1}},
                ],
            },
        ],
    }
    shown = as_preview(card, band="jong", banner="B")
    assert verbs_in(shown) == ["preview.checkin", "preview.close", PREVIEW_OTHER]
    assert shown["body"][2]["actions"][1]["data"] == {"verb": PREVIEW_OTHER, "x": 1, "band": "jong"}
