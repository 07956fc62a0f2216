"""The Teams app package: valid against Microsoft's schema, or refused with the error's path."""

from __future__ import annotations

import json
import shutil
import struct
import subprocess
import zipfile
from pathlib import Path

import pytest

from bot.package import (
    SCHEMA_PACKAGE,
    TEAMS,
    ManifestError,
    build_manifest,
    package,
    schema_dir,
    validate,
)
from bot.settings import ConfigError

ROOT = Path(__file__).resolve().parents[2]
APP_ID = "0b6c7f4e-3a2d-4c1b-9e8f-7a6b5c4d3e2f"


@pytest.fixture(scope="session")
def schemas() -> Path:
    """Microsoft's manifest schemas from the npm package, installed once into .cache/npm."""
    cache = ROOT / ".cache" / "npm"
    if not (cache / SCHEMA_PACKAGE).exists():
        npm = shutil.which("npm")
        if npm is None:
            pytest.fail("npm is needed to fetch @microsoft/app-manifest (the manifest schemas)")
        cache.mkdir(parents=True, exist_ok=True)
        subprocess.run(
            [
                npm,
                "install",
                "--prefix",
                str(cache),
                "--no-audit",
                "--no-fund",
                "@microsoft/app-manifest@1",
            ],
            check=True,
            capture_output=True,
            timeout=300,
        )
    return cache / SCHEMA_PACKAGE


def test_package_is_valid_and_complete(schemas: Path, tmp_path: Path) -> None:
    out = package(
        app_id=APP_ID, domain="dagritme.school.nl", out=tmp_path / "app.zip", schemas=schemas
    )
    with zipfile.ZipFile(out) as archive:
        assert sorted(archive.namelist()) == [
            "color.png",
            "en-us.json",
            "manifest.json",
            "outline.png",
        ]
        manifest = json.loads(archive.read("manifest.json"))
    assert manifest["manifestVersion"].startswith("1.2")
    assert manifest["id"] == APP_ID
    assert manifest["bots"][0]["botId"] == APP_ID
    assert manifest["bots"][0]["scopes"] == ["personal", "team", "groupChat"]
    assert manifest["validDomains"] == ["dagritme.school.nl"]
    assert all(len(c["commands"]) <= 12 for c in manifest["bots"][0]["commandLists"])
    assert manifest["localizationInfo"]["defaultLanguageTag"] == "nl-nl"
    # the Graph install permission works for the app whose manifest names its Entra app
    assert manifest["webApplicationInfo"]["id"] == APP_ID
    # the bot serves these pages itself (bot/pages)
    assert manifest["developer"]["privacyUrl"] == "https://dagritme.school.nl/privacy"
    assert manifest["developer"]["termsOfUseUrl"] == "https://dagritme.school.nl/voorwaarden"


def test_a_school_links_its_own_privacy_statement(schemas: Path, tmp_path: Path) -> None:
    own = "https://www.swv-voorbeeld.nl/privacyverklaring"
    out = package(
        app_id=APP_ID,
        domain="dagritme.school.nl",
        out=tmp_path / "app.zip",
        schemas=schemas,
        privacy_url=own,
    )
    with zipfile.ZipFile(out) as archive:
        developer = json.loads(archive.read("manifest.json"))["developer"]
    assert developer["privacyUrl"] == own
    assert developer["termsOfUseUrl"] == "https://dagritme.school.nl/voorwaarden"
    with pytest.raises(ConfigError, match="--terms-url"):
        build_manifest(app_id=APP_ID, domain=None, terms_url="http://plain.example.nl/x")


def png_size_and_type(path: Path) -> tuple[int, int, int]:
    header = path.read_bytes()[:29]
    width, height, _, color_type = struct.unpack(">IIBB", header[16:26])
    return width, height, color_type


def test_icons() -> None:
    assert png_size_and_type(TEAMS / "color.png") == (192, 192, 6)
    assert png_size_and_type(TEAMS / "outline.png") == (32, 32, 6)  # RGBA: transparent


def test_a_bad_manifest_names_the_schema_path(schemas: Path) -> None:
    manifest = build_manifest(app_id=APP_ID, domain=None)
    commands = manifest["bots"][0]["commandLists"][0]["commands"]
    commands.append({"title": "te veel", "description": "dertiende commando"})
    folder = schema_dir(manifest["manifestVersion"], schemas)
    with pytest.raises(ManifestError, match="/bots/0/commandLists/0/commands"):
        validate(manifest, folder / "MicrosoftTeams.schema.json")
    manifest = build_manifest(app_id=APP_ID, domain=None)
    manifest["accentColor"] = "groen"
    with pytest.raises(ManifestError, match="/accentColor"):
        validate(manifest, folder / "MicrosoftTeams.schema.json")


def test_bad_arguments_are_refused(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="--app-id"):
        build_manifest(app_id="dagritme", domain=None)
    with pytest.raises(ConfigError, match="--domain"):
        build_manifest(app_id=APP_ID, domain="https://x")
    with pytest.raises(ConfigError, match="npm install"):
        schema_dir("1.24", tmp_path)


def test_every_listed_command_is_one_the_bot_answers_in_both_languages() -> None:
    import dialogs.registry  # noqa: F401  (fills the router)
    from dialogs.router import router

    manifest = build_manifest(app_id=APP_ID, domain=None)
    english = json.loads((TEAMS / "en-us.json").read_text("utf-8"))
    for i, command_list in enumerate(manifest["bots"][0]["commandLists"]):
        for j, command in enumerate(command_list["commands"]):
            dutch = router.commands[command["title"]]
            key = f"bots[0].commandLists[{i}].commands[{j}]"
            # the English title is another name of the same command, with its own description
            assert router.commands[english[f"{key}.title"]] is dutch, key
            assert english[f"{key}.description"] != command["description"]


def test_the_channel_and_group_chat_list_offers_only_what_belongs_there() -> None:
    """Help, and choosing the class channel (which must be typed in that channel)."""
    manifest = build_manifest(app_id=APP_ID, domain=None)
    (shared,) = [c for c in manifest["bots"][0]["commandLists"] if "team" in c["scopes"]]
    assert shared["scopes"] == ["team", "groupChat"]
    assert [c["title"] for c in shared["commands"]] == ["hulp", "instellingen"]
