"""The built-in manifest rules: the shipped package keeps them all, and each broken rule is
refused with the path of what is wrong and the limit it breaks."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from bot.manifest_rules import check
from bot.package import TEAMS, build_manifest, translations
from tests.support import pngs

APP_ID = "0b6c7f4e-3a2d-4c1b-9e8f-7a6b5c4d3e2f"
OTHER_ID = "9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d"
ENGLISH = "en-us.json"

Manifest = dict[str, Any]
Change = Callable[[Manifest, dict[str, Any], dict[str, bytes]], object]


def problems_after(change: Change, *, domain: str | None = "dagritme.school.nl") -> list[str]:
    """What the rules say about the shipped manifest, English strings and icons after `change`."""
    manifest = build_manifest(app_id=APP_ID, domain=domain)
    english = translations(manifest)[ENGLISH]
    icons = {name: (TEAMS / name).read_bytes() for name in ("color.png", "outline.png")}
    change(manifest, english, icons)
    return check(manifest, translations={ENGLISH: english}, icons=icons)


def personal(manifest: Manifest) -> dict[str, Any]:
    command_list: dict[str, Any] = manifest["bots"][0]["commandLists"][0]
    return command_list


def nothing(*_: object) -> None:
    return None


@pytest.mark.parametrize("domain", ["dagritme.school.nl", None])
def test_the_shipped_package_keeps_every_rule(domain: str | None) -> None:
    assert problems_after(nothing, domain=domain) == []


def thirteen_commands(m: Manifest, *_: object) -> None:
    personal(m)["commands"].append({"title": "extra", "description": "een dertiende"})


def long_english_title(m: Manifest, e: dict[str, Any], *_: object) -> None:
    e["bots[0].commandLists[0].commands[3].title"] = "p" * 129


def second_personal_list(m: Manifest, *_: object) -> None:
    m["bots"][0]["commandLists"][1]["scopes"] = ["team", "personal"]


BROKEN: list[Any] = [
    # ids
    (lambda m, *_: m.update(id="dagritme"), "id: 'dagritme' is not a GUID"),
    (lambda m, *_: m["bots"][0].update(botId=OTHER_ID), "bots[0].botId: differs from id"),
    (lambda m, *_: m["bots"].append({}), "bots: 2 bots, the package holds exactly one"),
    (
        lambda m, *_: m["webApplicationInfo"].update(id=OTHER_ID),
        "webApplicationInfo.id: must be the bot's Microsoft App ID",
    ),
    (
        lambda m, *_: m["webApplicationInfo"].update(resource="https://dagritme.school.nl"),
        f"webApplicationInfo.resource: must be api://botid-{APP_ID}",
    ),
    (lambda m, *_: m.update(manifestVersion="1.25"), "manifestVersion: '1.25', these checks"),
    (lambda m, *_: m.update(version="1.0"), "version: '1.0' is not MAJOR.MINOR.PATCH"),
    (lambda m, *_: m.update(accentColor="groen"), "accentColor: 'groen' is not an HTML colour"),
    # URLs
    (
        lambda m, *_: m["developer"].update(privacyUrl="http://dagritme.school.nl/privacy"),
        "developer.privacyUrl: 'http://dagritme.school.nl/privacy' is not an https:// address",
    ),
    (
        lambda m, *_: m["developer"].update(termsOfUseUrl="https://voorwaarden"),
        "developer.termsOfUseUrl: 'https://voorwaarden' does not name a host",
    ),
    (lambda m, *_: m["developer"].pop("websiteUrl"), "developer.websiteUrl: missing"),
    (
        lambda m, *_: m["developer"].update(name="D" * 33),
        "developer.name: 33 characters, Teams allows at most 32",
    ),
    # domains
    (
        lambda m, *_: m.update(validDomains=["https://dagritme.school.nl"]),
        "validDomains[0]: 'https://dagritme.school.nl' has a scheme",
    ),
    (
        lambda m, *_: m.update(validDomains=["dagritme.school.nl/api"]),
        "validDomains[0]: 'dagritme.school.nl/api' has a path or a port",
    ),
    (
        lambda m, *_: m.update(validDomains=["*.onmicrosoft.com"]),
        "validDomains[0]: '*.onmicrosoft.com' takes in hosts outside the school's control",
    ),
    (
        lambda m, *_: m.update(validDomains=["*.nl"]),
        "validDomains[0]: '*.nl' takes in hosts outside the school's control",
    ),
    (
        lambda m, *_: m.update(validDomains=["dag*.school.nl"]),
        "validDomains[0]: 'dag*.school.nl': a wildcard stands for whole labels on the left",
    ),
    (
        lambda m, *_: m.update(validDomains=["a.school.nl", "A.school.nl"]),
        "validDomains[1]: 'A.school.nl' is listed twice",
    ),
    (
        lambda m, *_: m.update(validDomains=[f"h{i}.school.nl" for i in range(17)]),
        "validDomains: 17 domains, Teams allows at most 16",
    ),
    # commands
    (thirteen_commands, "bots[0].commandLists[0]: 13 commands, Teams allows at most 12"),
    (
        lambda m, *_: personal(m)["commands"][3].update(title="l" * 129),
        "bots[0].commandLists[0].commands[3].title: 129 characters, Teams allows at most 128",
    ),
    (
        lambda m, *_: personal(m)["commands"][3].update(description="d" * 4001),
        "bots[0].commandLists[0].commands[3].description: 4001 characters, Teams allows at most",
    ),
    (
        lambda m, *_: personal(m)["commands"][3].update(title="Log"),
        "bots[0].commandLists[0].commands[5].title: 'log' is already "
        "bots[0].commandLists[0].commands[3].title",
    ),
    (
        lambda m, *_: personal(m)["commands"][3].pop("description"),
        "bots[0].commandLists[0].commands[3]: needs a title and a description",
    ),
    (
        second_personal_list,
        "bots[0].commandLists[1].scopes: 'personal' already has a command list "
        "(bots[0].commandLists[0])",
    ),
    (
        lambda m, *_: m["bots"][0].update(scopes=["personal"]),
        "bots[0].commandLists[1].scopes: 'team' is not one of the bot's scopes",
    ),
    (lambda m, *_: personal(m).update(scopes=[]), "bots[0].commandLists[0].scopes: empty"),
    (
        lambda m, *_: m["bots"][0]["commandLists"].extend([{"scopes": [], "commands": []}] * 2),
        "bots[0].commandLists: 4 lists, Teams allows at most 3",
    ),
    # texts in the default language
    (lambda m, *_: m["name"].update(short="D" * 31), "name.short: 31 characters, Teams allows"),
    (lambda m, *_: m["description"].pop("full"), "description.full: missing"),
    # the English file
    (
        lambda m, e, *_: e.pop("bots[0].commandLists[0].commands[3].title"),
        "en-us.json: bots[0].commandLists[0].commands[3].title: missing (the manifest has it "
        "in nl-nl)",
    ),
    (
        lambda m, e, *_: e.update({"bots[0].commandLists[0].commands[12].title": "extra"}),
        "en-us.json: bots[0].commandLists[0].commands[12].title: no such string in the manifest",
    ),
    (
        lambda m, e, *_: e.update({"name.short": "D" * 31}),
        "en-us.json: name.short: 31 characters, Teams allows at most 30",
    ),
    (
        long_english_title,
        "en-us.json: bots[0].commandLists[0].commands[3].title: 129 characters, Teams allows",
    ),
    (lambda m, e, *_: e.update({"description.short": " "}), "en-us.json: description.short: empty"),
    (
        lambda m, *_: m["localizationInfo"]["additionalLanguages"][0].update(file="de-de.json"),
        "localizationInfo.additionalLanguages[0].file: 'de-de.json' is not in the package folder",
    ),
    (
        lambda m, *_: m["localizationInfo"]["additionalLanguages"][0].update(languageTag="NL-nl"),
        "localizationInfo.additionalLanguages[0].languageTag: NL-nl is already a language",
    ),
    (
        lambda m, *_: m["localizationInfo"].update(defaultLanguageTag="Nederlands (NL)"),
        "localizationInfo.defaultLanguageTag: 'Nederlands (NL)' is not a language tag",
    ),
    # icons
    (
        lambda m, e, i: i.update({"color.png": pngs.square(32)}),
        "icons.color: color.png is 32x32, Teams wants 192x192",
    ),
    (
        lambda m, e, i: i.update({"outline.png": pngs.outline(64)}),
        "icons.outline: outline.png is 64x64, Teams wants 32x32",
    ),
    (
        lambda m, e, i: i.update({"outline.png": pngs.outline(stray=(46, 125, 107, 255))}),
        "icons.outline: outline.png has pixels that are neither white nor fully transparent "
        "(1 of them)",
    ),
    (
        lambda m, e, i: i.update({"outline.png": pngs.square(32)}),
        "icons.outline: outline.png has no transparent pixel",
    ),
    (
        lambda m, e, i: i.update({"outline.png": pngs.square(32, rgb_only=True)}),
        "icons.outline: outline.png: not an 8-bit, non-interlaced PNG with an alpha channel",
    ),
    (
        lambda m, e, i: i.update({"color.png": b"GIF89a"}),
        "icons.color: color.png: not a PNG file",
    ),
    (lambda m, e, i: i.pop("color.png"), "icons.color: 'color.png' is not in the package folder"),
]


@pytest.mark.parametrize(("change", "expected"), BROKEN, ids=[b[1][:60] for b in BROKEN])
def test_each_broken_rule_is_named_with_its_path(change: Change, expected: str) -> None:
    problems = problems_after(change)
    assert any(problem.startswith(expected) for problem in problems), problems


def test_the_limits_are_those_of_the_manifest_version() -> None:
    """v1.24 allows 12 commands and 128-character titles (v1.20 had 10 and 32)."""

    def longest(m: Manifest, e: dict[str, Any], *_: object) -> None:
        personal(m)["commands"][3].update(title="l" * 128, description="d" * 4000)
        e["bots[0].commandLists[0].commands[3].title"] = "p" * 128

    assert len(personal(build_manifest(app_id=APP_ID, domain=None))["commands"]) == 12
    assert problems_after(longest) == []


def test_an_outline_icon_from_an_image_editor_passes() -> None:
    """Editors filter each scanline their own way; white on transparent is all that counts."""

    def edited(m: Manifest, e: dict[str, Any], i: dict[str, bytes]) -> None:
        i["outline.png"] = pngs.outline(filters=(0, 1, 2, 3, 4))

    assert problems_after(edited) == []


def test_a_wildcard_under_the_school_s_own_domain_is_fine() -> None:
    assert problems_after(lambda m, *_: m.update(validDomains=["*.school.nl"])) == []
