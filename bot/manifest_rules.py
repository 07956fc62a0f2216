"""The rules a Teams app manifest must keep, checked in plain Python before the package is written.

They run on every packaging, whether or not Microsoft's JSON schema is installed, so a school's IT
admin with only Python still gets a package Teams accepts. The limits are those of manifest
version 1.24 (Microsoft's schema for that version and the app manifest reference on
learn.microsoft.com). They change between versions (a command list grew from 10 to 12 commands
in 1.24; a command title from 32 to 128 characters in 1.21), so a manifest of another version is
refused until these rules have been compared with its schema.

Each problem is one line: where (the path as localization files write it), then what is wrong.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from typing import Any, TypeGuard
from urllib.parse import urlsplit

from bot import png
from bot.manifest_texts import (
    COMMAND_LIMITS,
    as_dict,
    as_list,
    language_rules,
    manifest_text_rules,
)

MANIFEST_VERSION = "1.24"
MAX_COMMAND_LISTS = 3
MAX_COMMANDS = 12
MAX_VALID_DOMAINS = 16
MAX_URL = 2048
MAX_DEVELOPER_NAME = 32
BOT_SCOPES = ("team", "personal", "groupChat", "copilot")
ICON_SIZES = {"color": 192, "outline": 32}
WHITE = (255, 255, 255)
# Parents shared by many customers' hosts: a wildcard under one of them takes in hosts the school
# does not control (Microsoft's own example of an invalid entry is *.onmicrosoft.com).
SHARED_PARENTS = {"onmicrosoft.com", "azurewebsites.net", "azurecontainerapps.io"}

GUID = re.compile(r"[0-9a-fA-F]{8}-([0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}")
HOST = re.compile(r"([a-zA-Z0-9]([a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?\.)+[a-zA-Z]{2,63}")
SEMVER = re.compile(r"(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)")
HEX_COLOR = re.compile(r"#[0-9a-fA-F]{6}")


def is_guid(value: object) -> TypeGuard[str]:
    """A GUID as Entra writes an application (client) id."""
    return isinstance(value, str) and GUID.fullmatch(value) is not None


def is_host(value: object) -> bool:
    """A host name of two or more labels, such as dagritme.school.nl (no scheme, port or path)."""
    return isinstance(value, str) and len(value) <= 253 and HOST.fullmatch(value) is not None


def url_problem(url: object) -> str | None:
    """Why a link is not an https:// address on a named host, or None when it is one."""
    if not isinstance(url, str) or not url:
        return "missing"
    if len(url) > MAX_URL:
        return f"{len(url)} characters, Teams allows at most {MAX_URL}"
    parts = urlsplit(url)
    if parts.scheme != "https":
        return f"{url!r} is not an https:// address"
    if any(c.isspace() for c in url) or parts.username or not is_host(parts.hostname):
        return f"{url!r} does not name a host, as in https://dagritme.school.nl/privacy"
    return None


def check(
    manifest: Mapping[str, Any],
    *,
    translations: Mapping[str, Any],
    icons: Mapping[str, bytes],
) -> list[str]:
    """Every rule the manifest, its localization files and its icons break, one line each."""
    return [
        *version_rules(manifest),
        *id_rules(manifest),
        *url_rules(manifest),
        *domain_rules(manifest),
        *command_rules(manifest),
        *manifest_text_rules(manifest),
        *icon_rules(manifest, icons),
        *language_rules(manifest, translations),
    ]


def version_rules(manifest: Mapping[str, Any]) -> Iterator[str]:
    """The manifest version these rules describe, the app's own version, the accent colour."""
    found = manifest.get("manifestVersion")
    if found != MANIFEST_VERSION:
        yield (
            f"manifestVersion: {found!r}, these checks are written for {MANIFEST_VERSION} "
            "(Teams' limits differ between versions)"
        )
    if not SEMVER.fullmatch(str(manifest.get("version"))):
        yield f"version: {manifest.get('version')!r} is not MAJOR.MINOR.PATCH (semver)"
    if "accentColor" in manifest and not HEX_COLOR.fullmatch(str(manifest["accentColor"])):
        yield f"accentColor: {manifest['accentColor']!r} is not an HTML colour such as #2E7D6B"


def id_rules(manifest: Mapping[str, Any]) -> Iterator[str]:
    """One bot, and one App ID for the app, the bot and its Entra registration."""
    app_id = manifest.get("id")
    if not is_guid(app_id):
        yield f"id: {app_id!r} is not a GUID (the bot's Microsoft App ID)"
    bots = as_list(manifest.get("bots"))
    if len(bots) != 1:
        yield f"bots: {len(bots)} bots, the package holds exactly one (Teams allows one per app)"
        return
    bot_id = as_dict(bots[0]).get("botId")
    if not is_guid(bot_id):
        yield f"bots[0].botId: {bot_id!r} is not a GUID (the bot's Microsoft App ID)"
        return
    # The bot looks its own app up in the tenant's catalogue by its App ID (bot/graph.py).
    if str(app_id).lower() != bot_id.lower():
        yield "bots[0].botId: differs from id; both must be the bot's Microsoft App ID"
    info = as_dict(manifest.get("webApplicationInfo"))
    # Graph's resource-specific permissions belong to the Entra app named here.
    if str(info.get("id")).lower() != bot_id.lower():
        yield "webApplicationInfo.id: must be the bot's Microsoft App ID (bots[0].botId)"
    if str(info.get("resource")).lower() != f"api://botid-{bot_id}".lower():
        yield f"webApplicationInfo.resource: must be api://botid-{bot_id} for a bot"


def url_rules(manifest: Mapping[str, Any]) -> Iterator[str]:
    """The developer's name and the https:// links Teams shows in the app's details."""
    developer = as_dict(manifest.get("developer"))
    name = developer.get("name")
    if not isinstance(name, str) or not name.strip():
        yield "developer.name: missing"
    elif len(name) > MAX_DEVELOPER_NAME:
        yield f"developer.name: {len(name)} characters, Teams allows at most {MAX_DEVELOPER_NAME}"
    for key in ("websiteUrl", "privacyUrl", "termsOfUseUrl"):
        problem = url_problem(developer.get(key))
        if problem:
            yield f"developer.{key}: {problem}"


def domain_rules(manifest: Mapping[str, Any]) -> Iterator[str]:
    """validDomains: host names only, no more than Teams allows, each once."""
    domains = manifest.get("validDomains", [])
    if not isinstance(domains, list):
        yield "validDomains: must be a list of host names"
        return
    if len(domains) > MAX_VALID_DOMAINS:
        yield f"validDomains: {len(domains)} domains, Teams allows at most {MAX_VALID_DOMAINS}"
    seen: set[str] = set()
    for i, domain in enumerate(domains):
        problem = domain_problem(domain)
        if problem is None and domain.lower() in seen:
            problem = f"{domain!r} is listed twice"
        if problem:
            yield f"validDomains[{i}]: {problem}"
        seen.add(str(domain).lower())


def domain_problem(domain: object) -> str | None:
    """Why an entry of validDomains is not a host name Teams accepts, or None."""
    if not isinstance(domain, str) or not domain:
        return "empty"
    if "://" in domain:
        return f"{domain!r} has a scheme; list the host name only, e.g. dagritme.school.nl"
    if "/" in domain or ":" in domain:
        return f"{domain!r} has a path or a port; list the host name only"
    labels = domain.split(".")
    wild = 0
    while wild < len(labels) - 1 and labels[wild] == "*":
        wild += 1
    parent = ".".join(labels[wild:])
    if "*" in parent:
        return f"{domain!r}: a wildcard stands for whole labels on the left, as in *.example.com"
    if wild and ("." not in parent or parent.lower() in SHARED_PARENTS):
        return f"{domain!r} takes in hosts outside the school's control"
    if not is_host(parent):
        return f"{domain!r} is not a host name"
    return None


def command_rules(manifest: Mapping[str, Any]) -> Iterator[str]:
    """The bot's scopes, and its command lists: one per scope, each within Teams' limits."""
    bots = as_list(manifest.get("bots"))
    if len(bots) != 1:
        return  # id_rules says so
    bot = as_dict(bots[0])
    scopes = as_list(bot.get("scopes"))
    if not scopes:
        yield "bots[0].scopes: empty; say where the bot can be used"
    for scope in scopes:
        if scope not in BOT_SCOPES:
            yield f"bots[0].scopes: {scope!r} is not a Teams scope ({', '.join(BOT_SCOPES)})"
    lists = as_list(bot.get("commandLists"))
    if len(lists) > MAX_COMMAND_LISTS:
        yield f"bots[0].commandLists: {len(lists)} lists, Teams allows at most {MAX_COMMAND_LISTS}"
    owners: dict[str, str] = {}
    for i, entry in enumerate(lists):
        yield from _command_list(f"bots[0].commandLists[{i}]", as_dict(entry), scopes, owners)


def _command_list(
    path: str, entry: Mapping[str, Any], bot_scopes: list[Any], owners: dict[str, str]
) -> Iterator[str]:
    scopes = as_list(entry.get("scopes"))
    if not scopes:
        yield f"{path}.scopes: empty; say where these commands are offered"
    for scope in scopes:
        if scope not in bot_scopes:
            yield f"{path}.scopes: {scope!r} is not one of the bot's scopes (bots[0].scopes)"
        elif scope in owners:
            yield f"{path}.scopes: {scope!r} already has a command list ({owners[scope]})"
        else:
            owners[scope] = path
    commands = as_list(entry.get("commands"))
    if len(commands) > MAX_COMMANDS:
        yield f"{path}: {len(commands)} commands, Teams allows at most {MAX_COMMANDS}"
    titles: dict[str, str] = {}
    for j, command in enumerate(commands):
        here = f"{path}.commands[{j}]"
        if not all(isinstance(as_dict(command).get(key), str) for key in COMMAND_LIMITS):
            yield f"{here}: needs a title and a description"
            continue
        title = command["title"].strip().lower()
        if title in titles:
            yield f"{here}.title: {command['title']!r} is already {titles[title]}"
        titles.setdefault(title, f"{here}.title")


def icon_rules(manifest: Mapping[str, Any], icons: Mapping[str, bytes]) -> Iterator[str]:
    """A 192x192 colour icon and a 32x32 outline icon of white on transparent."""
    paths = as_dict(manifest.get("icons"))
    for kind, size in ICON_SIZES.items():
        here, name = f"icons.{kind}", paths.get(kind)
        if not isinstance(name, str) or name not in icons:
            yield f"{here}: {name!r} is not in the package folder"
            continue
        try:
            head = png.header(icons[name])
            if (head.width, head.height) != (size, size):
                yield f"{here}: {name} is {head.width}x{head.height}, Teams wants {size}x{size}"
            elif kind == "outline":
                yield from (f"{here}: {name} {p}" for p in _outline_problems(icons[name]))
        except png.PngError as exc:
            yield f"{here}: {name}: {exc}"


def _outline_problems(data: bytes) -> Iterator[str]:
    # Microsoft's rule: white (255, 255, 255) on a fully transparent background (alpha 0), or
    # the reverse, and no other colour.
    pixels = png.rgba(data)
    if not any(alpha == 0 for *_, alpha in pixels):
        yield "has no transparent pixel; the outline icon is white on transparent"
    stray = sum(1 for *rgb, alpha in pixels if alpha and tuple(rgb) != WHITE)
    if stray:
        yield f"has pixels that are neither white nor fully transparent ({stray} of them)"
