"""What OPP stands for, added once to the first English text or card that mentions it.

"OPP" (ontwikkelingsperspectiefplan) is a Dutch term an English-speaking mentor or coordinator
may not know. The explanation is one short block at the end of the message.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from typing import Any

from microsoft_teams.cards import TextBlock

from cards.catalogue import Lang, t

OPP = re.compile(r"\bOPP\b")


def mentions_opp(*, text: str | None = None, card: Mapping[str, Any] | None = None) -> bool:
    """Whether a message's text or card names OPP."""
    if text and OPP.search(text):
        return True
    return card is not None and OPP.search(json.dumps(card, ensure_ascii=False)) is not None


def explained_text(text: str, lang: Lang) -> str:
    """`text` with what OPP stands for after it."""
    return f"{text}\n\n_{t('opp.explained', lang)}_"


def explained_card(card: Mapping[str, Any], lang: Lang) -> dict[str, Any]:
    """`card` with what OPP stands for as its last block (a new dict; `card` is not changed)."""
    block = TextBlock(text=t("opp.explained", lang), wrap=True, is_subtle=True, separator=True)
    body = [*card.get("body", []), block.model_dump(by_alias=True, exclude_none=True)]
    return {**card, "body": body}


def explained_payload(payload: Mapping[str, Any], lang: Lang) -> dict[str, Any] | None:
    """An outbox payload ({"text"}, {"card"}) with the explanation, or None when it does not
    mention OPP. A card gets it rather than a text beside it."""
    text, card = payload.get("text"), payload.get("card")
    if not mentions_opp(text=text if isinstance(text, str) else None, card=card):
        return None
    if isinstance(card, Mapping):
        return {**payload, "card": explained_card(card, lang)}
    if isinstance(text, str):
        return {**payload, "text": explained_text(text, lang)}
    return None
