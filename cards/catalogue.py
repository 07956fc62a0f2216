"""The message catalogue: every sentence a person reads, Dutch first, English second.

Texts live in `cards/messages/*.py`, one module per area, each exporting `MESSAGES`:
a dict of key -> {"nl": ..., "en": ...}. Placeholders use `str.format` names.
The texts are Markdown; the values filled in are shown as typed (see `cards.plain`).

A text that belongs to one thing rather than to an area is kept beside that thing as `Words`:
a chat command's help line and usage live in its registration (see `dialogs.router`).
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from importlib import import_module
from pkgutil import iter_modules
from typing import Literal

from cards.plain import Markdown, plain

logger = logging.getLogger(__name__)

Lang = Literal["nl", "en"]
DEFAULT_LANG: Lang = "nl"


def lang_of(locale: str | None) -> Lang:
    """Map a Teams locale ("en-US", "nl-NL", None) to a catalogue language; Dutch by default."""
    if locale and locale.lower().startswith("en"):
        return "en"
    return DEFAULT_LANG


@dataclass(frozen=True)
class Words:
    """One text of ours in both languages, Dutch first, kept where the thing it describes is."""

    nl: str
    en: str

    def in_(self, lang: Lang) -> Markdown:
        """The text in `lang`, as `Markdown` like a catalogue text: we wrote it, it has no values
        filled in."""
        return Markdown(self.en if lang == "en" else self.nl)


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
    """The text for `key` in `lang`, with its placeholders filled in.

    Every value is text to show as it is (a name, a goal, a channel name), so it is escaped with
    `plain`, except numbers and `Markdown` we composed ourselves. The result is `Markdown`, so a
    `t(...)` filled into another text stays as it is. (It is typed `str` because flows add words
    to it, and what they add is not known to be safe.)

    A missing key must not turn an answer into a 500: the other language's text is used, else
    the key itself, and the key's name (never the values, which may be a pupil's words) is
    logged so the gap gets fixed.
    """
    texts = catalogue().get(key)
    if texts is None:
        logger.warning("message key %r is not in the catalogue", key[:100])
        return Markdown(key)
    template = texts.get(lang)
    if template is None:
        logger.warning("message key %r has no %r text", key[:100], lang)
        template = next(iter(texts.values()), key)
    shown = {
        name: value if isinstance(value, int | float) else plain(value)
        for name, value in values.items()
    }
    try:
        return Markdown(template.format(**shown))
    except (KeyError, IndexError, ValueError) as exc:  # a placeholder the caller did not fill
        logger.warning("message %r could not be filled in (%s)", key[:100], type(exc).__name__)
        return Markdown(template)
