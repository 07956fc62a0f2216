"""A pupil's card as a preview for staff: every submit goes to a preview verb, a banner on top.

The card itself is built by the same builders the pupils' cards come from; only its JSON is
changed afterwards, so a preview never differs from the real card but can never store anything.
"""

from __future__ import annotations

from copy import deepcopy
from typing import Annotated, Any, TypeVar

from microsoft_teams.cards import Container, TextBlock
from pydantic import BeforeValidator, ConfigDict

from cards.answers import CardAnswer
from cards.checkin_answers import CHECKIN_SUBMIT, CLOSE_SUBMIT

PREVIEW_START = "preview.checkin"
PREVIEW_CLOSE = "preview.close"
# What a real card's verb becomes on its preview. Any other verb, present now or added later,
# goes to PREVIEW_OTHER: a preview card reaches no handler that stores.
PREVIEW_VERBS = {CHECKIN_SUBMIT: PREVIEW_START, CLOSE_SUBMIT: PREVIEW_CLOSE}
PREVIEW_OTHER = "preview.other"

Answer = TypeVar("Answer", bound=CardAnswer)


def _band_word(value: object) -> str | None:
    """The band the preview was made for; anything but a word is none (the team's band then)."""
    return value if isinstance(value, str) else None


class PreviewAnswer(CardAnswer):
    """An answer on a preview card: what the pupil's card sends, and the band it was made for.

    Only the band is the preview's own. The rest is read into the pupil's own model by
    `pupils_answer`, so that a preview refuses what the pupil's card would, and can say so.
    """

    model_config = ConfigDict(frozen=True, extra="allow")

    band: Annotated[str | None, BeforeValidator(_band_word)] = None

    def pupils_answer(self, model: type[Answer]) -> Answer:
        """The answer as the pupil's card sent it, read into its model (BadAnswer if refused)."""
        return model.read(self.model_dump(exclude={"band"}, exclude_unset=True))


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
            preview = PreviewAnswer(verb=preview_verb(data["verb"]), band=band)
            node["data"] = {**data, **preview.button_data()}
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
