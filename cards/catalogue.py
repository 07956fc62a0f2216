"""The message catalogue: every sentence a person reads, Dutch first, English second.

Texts live in `cards/messages/*.py`, one module per area, each exporting `MESSAGES`:
a dict of key -> {"nl": ..., "en": ...}. Placeholders use `str.format` names.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from importlib import import_module
from pkgutil import iter_modules
from typing import Literal

Lang = Literal["nl", "en"]
DEFAULT_LANG: Lang = "nl"


def lang_of(locale: str | None) -> Lang:
    """Map a Teams locale ("en-US", "nl-NL", None) to a catalogue language; Dutch by default."""
    if locale and locale.lower().startswith("en"):
        return "en"
    return DEFAULT_LANG


@cache
def catalogue() -> Mapping[str, Mapping[str, str]]:
    """All messages of all areas, checked for duplicate keys and missing languages."""
    from cards import messages

    merged: dict[str, Mapping[str, str]] = {}
    for info in iter_modules(messages.__path__):
        module = import_module(f"{messages.__name__}.{info.name}")
        for key, texts in module.MESSAGES.items():
            if key in merged:
                raise ValueError(f"message key {key!r} is defined twice")
            if set(texts) != {"nl", "en"}:
                raise ValueError(f"message {key!r} needs exactly 'nl' and 'en'")
            merged[key] = texts
    return merged


def t(key: str, lang: Lang = DEFAULT_LANG, /, **values: object) -> str:
    """The text for `key` in `lang`, with its placeholders filled in."""
    return catalogue()[key][lang].format(**values)
