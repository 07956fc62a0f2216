"""A pupil's card as a preview for staff: every submit goes to a preview verb, a banner on top.

The card itself is built by the same builders the pupils' cards come from; only its JSON is
changed afterwards, so a preview never differs from the real card but can never store anything.
"""

from __future__ import annotations

from copy import deepcopy
from typing import Any

from microsoft_teams.cards import Container, TextBlock

# What a real card's verb becomes on its preview. Any other verb, present now or added later,
# goes to PREVIEW_OTHER: a preview card reaches no handler that stores.
PREVIEW_VERBS = {"checkin.submit": "preview.checkin", "close.submit": "preview.close"}
PREVIEW_OTHER = "preview.other"
# Keys a preview adds to the submit data; taken off again before the answer is parsed.
PREVIEW_KEYS = frozenset({"band"})


def preview_verb(verb: object) -> str:
    """The preview verb that stands in for a real one."""
    return PREVIEW_VERBS.get(verb, PREVIEW_OTHER) if isinstance(verb, str) else PREVIEW_OTHER


def as_preview(card: dict[str, Any], *, band: str, banner: str) -> dict[str, Any]:
    """A copy of `card` in which every submit's verb (anywhere: actions, a selectAction, a
    card inside a ShowCard) is a preview verb carrying the band, with `banner` on top."""
    copy = deepcopy(card)
    _rewrite(copy, band)
    return with_banner(copy, banner)


def _rewrite(node: Any, band: str) -> None:
    if isinstance(node, dict):
        data = node.get("data")
        if isinstance(data, dict) and "verb" in data:
            node["data"] = {**data, "verb": preview_verb(data["verb"]), "band": band}
        for value in node.values():
            _rewrite(value, band)
    elif isinstance(node, list):
        for item in node:
            _rewrite(item, band)


def with_banner(card: dict[str, Any], banner: str) -> dict[str, Any]:
    """`card` with a highlighted line at the top of its body (a new dict; `card` is unchanged)."""
    block = Container(
        style="accent",
        items=[TextBlock(text=banner, wrap=True, size="Small")],
    ).model_dump(by_alias=True, exclude_none=True)
    return {**card, "body": [block, *card.get("body", [])]}
