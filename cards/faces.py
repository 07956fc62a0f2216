"""The face pictures of the youngest pupils' cards: one PNG per mood, served by the bot itself.

A card names a face by its path on the bot's own site; the transport makes it absolute with the
bot's public address (DAGRITME_PUBLIC_URL) when it sends the card, so a card waiting in the
outbox does not depend on where the bot was served when it was planned.
"""

from __future__ import annotations

import copy
from typing import Any
from urllib.parse import urljoin

FACE_PREFIX = "/images/"
FACE_SIZE = 128  # pixels, square
FACE_FILES: dict[int, str] = {mood: f"face-{mood}.png" for mood in range(1, 6)}


def face_path(mood: int) -> str:
    """The path of a mood's face picture on the bot's site, e.g. /images/face-4.png."""
    return FACE_PREFIX + FACE_FILES[mood]


def with_public_images(card: dict[str, Any], public_url: str) -> dict[str, Any]:
    """The card with every Image that names a path on our site made absolute under public_url.

    Teams fetches a card's images itself, so it needs the full address; images that already have
    one are left as they are.
    """
    if not public_url:
        return card
    base = public_url.rstrip("/") + "/"
    shown = copy.deepcopy(card)
    _absolute(shown, base)
    return shown


def _absolute(node: Any, base: str) -> None:
    if isinstance(node, dict):
        url = node.get("url")
        if node.get("type") == "Image" and isinstance(url, str) and url.startswith(FACE_PREFIX):
            node["url"] = urljoin(base, url.lstrip("/"))
        for value in node.values():
            _absolute(value, base)
    elif isinstance(node, list):
        for item in node:
            _absolute(item, base)
