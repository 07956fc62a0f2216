"""The strings Teams translates: where they sit in the manifest, how long they may be, and that
every language of the app has all of them.

Localization files name a string by its path in the manifest (`name.short`,
`bots[0].commandLists[0].commands[3].title`); the manifest itself holds the default language.
Limits are those of manifest version 1.24 and its localization schema.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from typing import Any

REQUIRED_TEXTS = ("name.short", "description.short", "description.full")
# Every string Teams translates and its longest length: the same in the manifest (the default
# language) and in each localization file.
TEXT_LIMITS = {
    "name.short": 30,
    "name.full": 100,
    "description.short": 80,
    "description.full": 4000,
}
COMMAND_LIMITS = {"title": 128, "description": 4000}
LANGUAGE_TAG = re.compile(r"[A-Za-z0-9]{1,8}(-[A-Za-z0-9]{1,8}){0,2}")
COMMAND_TEXT = re.compile(r"bots\[0\]\.commandLists\[\d+\]\.commands\[\d+\]\.(title|description)")


def texts(manifest: Mapping[str, Any]) -> dict[str, Any]:
    """The strings Teams translates, under the keys localization files use for them."""
    found: dict[str, Any] = {}
    for key in TEXT_LIMITS:
        group, part = key.split(".")
        if part in as_dict(manifest.get(group)):
            found[key] = manifest[group][part]
    bots = as_list(manifest.get("bots"))
    lists = as_list(as_dict(bots[0]).get("commandLists")) if bots else []
    for i, entry in enumerate(lists):
        for j, command in enumerate(as_list(as_dict(entry).get("commands"))):
            for part in COMMAND_LIMITS:
                if part in as_dict(command):
                    found[f"bots[0].commandLists[{i}].commands[{j}].{part}"] = command[part]
    return found


def text_limit(key: str) -> int:
    """The longest a translatable string may be."""
    if COMMAND_TEXT.fullmatch(key):
        return COMMAND_LIMITS[key.rsplit(".", 1)[1]]
    return TEXT_LIMITS[key]


def text_rules(strings: Mapping[str, Any], *, where: str = "") -> Iterator[str]:
    """Each string present and within Teams' length for it."""
    for key, value in strings.items():
        if not isinstance(value, str) or not value.strip():
            yield f"{where}{key}: empty"
        elif len(value) > text_limit(key):
            yield f"{where}{key}: {len(value)} characters, Teams allows at most {text_limit(key)}"


def manifest_text_rules(manifest: Mapping[str, Any]) -> Iterator[str]:
    """The app's names and descriptions, and the command texts, in the default language."""
    strings = texts(manifest)
    for key in REQUIRED_TEXTS:
        if key not in strings:
            yield f"{key}: missing"
    yield from text_rules(strings)


def language_rules(manifest: Mapping[str, Any], translations: Mapping[str, Any]) -> Iterator[str]:
    """The default language, and every other language's file with the same strings."""
    info = as_dict(manifest.get("localizationInfo"))
    default = info.get("defaultLanguageTag")
    if not isinstance(default, str) or not LANGUAGE_TAG.fullmatch(default):
        yield f"localizationInfo.defaultLanguageTag: {default!r} is not a language tag like nl-nl"
    tags = {str(default).lower()}
    for k, extra in enumerate(as_list(info.get("additionalLanguages"))):
        here = f"localizationInfo.additionalLanguages[{k}]"
        tag, name = as_dict(extra).get("languageTag"), as_dict(extra).get("file")
        if not isinstance(tag, str) or not LANGUAGE_TAG.fullmatch(tag):
            yield f"{here}.languageTag: {tag!r} is not a language tag like en-us"
        elif tag.lower() in tags:
            yield f"{here}.languageTag: {tag} is already a language of this app"
        tags.add(str(tag).lower())
        if not isinstance(name, str) or name not in translations:
            yield f"{here}.file: {name!r} is not in the package folder"
        else:
            yield from translation_rules(name, translations[name], texts(manifest), default)


def translation_rules(
    name: str, translation: object, strings: Mapping[str, Any], default: object
) -> Iterator[str]:
    """A localization file translates every string of the manifest, and nothing else."""
    if not isinstance(translation, dict):
        yield f"{name}: not a JSON object"
        return
    for key in strings:
        if key not in translation:
            yield f"{name}: {key}: missing (the manifest has it in {default})"
    for key in translation:
        if key != "$schema" and key not in strings:
            yield f"{name}: {key}: no such string in the manifest"
    yield from text_rules({k: v for k, v in translation.items() if k in strings}, where=f"{name}: ")


def as_dict(value: object) -> dict[str, Any]:
    """The value if it is a JSON object, else an empty one."""
    return value if isinstance(value, dict) else {}


def as_list(value: object) -> list[Any]:
    """The value if it is a JSON array, else an empty one."""
    return value if isinstance(value, list) else []
