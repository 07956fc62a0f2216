"""The Teams app package: written after the built-in rules pass (Microsoft's schema too, when it is
installed, as it always is here), or refused with the path of what is wrong and no zip."""

from __future__ import annotations

import fcntl
import json
import shutil
import struct
import subprocess
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from bot.manifest_rules import check
from bot.package import (
    SCHEMA_PACKAGE,
    TEAMS,
    ManifestError,
    build_manifest,
    package,
    schema_dir,
    translations,
    validate,
)
from bot.settings import ConfigError
from cards.catalogue import Words
from dialogs.inbound import Reply
from dialogs.router import EVERYONE, HERE, Turn, router
from dialogs.teams_menu import TeamsMenu

ROOT = Path(__file__).resolve().parents[2]
APP_ID = "0b6c7f4e-3a2d-4c1b-9e8f-7a6b5c4d3e2f"


@pytest.fixture(scope="session")
def schemas() -> Path:
    """Microsoft's manifest schemas from the npm package, installed once into .cache/npm."""
    cache = ROOT / ".cache" / "npm"
    cache.mkdir(parents=True, exist_ok=True)
    # pytest-xdist's workers each ask: one installs while the others wait for it
    with (cache / ".install.lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not (cache / SCHEMA_PACKAGE).exists():
            _install_schemas(cache)
    return cache / SCHEMA_PACKAGE


def _install_schemas(cache: Path) -> None:
    npm = shutil.which("npm")
    if npm is None:
        pytest.fail("npm is needed to fetch @microsoft/app-manifest (the manifest schemas)")
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


def test_package_is_valid_and_complete(schemas: Path, tmp_path: Path) -> None:
    packaged = package(
        app_id=APP_ID, domain="dagritme.school.nl", out=tmp_path / "app.zip", schemas=schemas
    )
    assert packaged.schema == schemas / "teams" / "v1.24"
    with zipfile.ZipFile(packaged.path) as archive:
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
    ).path
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


def test_the_package_is_written_where_only_python_is_installed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An IT admin's machine: no Node, no schema in .cache/npm; the built-in rules suffice."""
    monkeypatch.chdir(tmp_path)
    assert schema_dir("1.24") is None
    packaged = package(app_id=APP_ID, domain="dagritme.school.nl", out=tmp_path / "app.zip")
    assert packaged.schema is None
    with zipfile.ZipFile(packaged.path) as archive:
        assert sorted(archive.namelist()) == [
            "color.png",
            "en-us.json",
            "manifest.json",
            "outline.png",
        ]
        assert archive.read("outline.png") == (TEAMS / "outline.png").read_bytes()
        manifest = json.loads(archive.read("manifest.json"))
    assert manifest == build_manifest(app_id=APP_ID, domain="dagritme.school.nl")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["app.zip"]


@pytest.fixture
def thirteen_commands(monkeypatch: pytest.MonkeyPatch) -> None:
    """A thirteenth command that asks for a place in the personal menu."""
    monkeypatch.setattr(router, "commands", dict(router.commands))
    monkeypatch.setattr(router, "ordered", list(router.ordered))

    async def extra(turn: Turn) -> list[Reply]:
        return []

    said = Words(nl="een dertiende commando", en="a thirteenth command")
    menu = TeamsMenu(title="extra", order=999, personal=said)
    register = router.command(
        "extra", roles=EVERYONE, where=HERE, order=999, help=said, usage=said, teams=menu
    )
    register(extra)


@pytest.mark.usefixtures("thirteen_commands")
def test_a_broken_rule_writes_no_zip(tmp_path: Path) -> None:
    out = tmp_path / "out" / "app.zip"
    with pytest.raises(ManifestError) as refused:
        package(app_id=APP_ID, domain="dagritme.school.nl", out=out)
    # the new command's English title and description are written from its registration
    assert refused.value.args == ("bots[0].commandLists[0]: 13 commands, Teams allows at most 12",)
    assert not out.parent.exists() or not any(out.parent.iterdir())


def test_a_failure_while_writing_leaves_no_half_written_zip(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    written: list[str] = []
    real = zipfile.ZipFile.writestr

    def disk_full(self: zipfile.ZipFile, name: Any, data: Any, *args: Any, **kw: Any) -> None:
        if written:
            raise OSError(28, "No space left on device")
        written.append(str(name))
        real(self, name, data, *args, **kw)

    monkeypatch.setattr(zipfile.ZipFile, "writestr", disk_full)
    with pytest.raises(OSError, match="No space"):
        package(app_id=APP_ID, domain="dagritme.school.nl", out=tmp_path / "app.zip")
    assert written == ["manifest.json"]
    assert list(tmp_path.iterdir()) == []


def run_package(*args: str, monkeypatch: pytest.MonkeyPatch) -> int:
    """`dagritme package …` in this process (its logging setup left out: pytest owns logging)."""
    from bot import cli

    monkeypatch.setattr(cli, "configure_logging", lambda level: None)
    return cli.main(["package", "--app-id", APP_ID, "--domain", "dagritme.school.nl", *args])


def test_the_command_says_in_one_line_that_the_schema_check_was_skipped(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    assert run_package("--out", "app.zip", monkeypatch=monkeypatch) == 0
    said = capsys.readouterr()
    assert said.out == "wrote app.zip\n"
    (note,) = said.err.splitlines()
    assert note.startswith("note: Microsoft's manifest schema is not installed")
    assert "npm install --prefix .cache/npm @microsoft/app-manifest@1" in note
    assert (tmp_path / "app.zip").is_file()


def test_the_command_with_the_schema_says_nothing_more(
    schemas: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    out = tmp_path / "app.zip"
    assert run_package("--out", str(out), "--schemas", str(schemas), monkeypatch=monkeypatch) == 0
    assert capsys.readouterr().err == ""
    assert out.is_file()


@pytest.mark.usefixtures("thirteen_commands")
def test_the_command_refuses_a_broken_rule_with_its_path(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    out = tmp_path / "app.zip"
    assert run_package("--out", str(out), monkeypatch=monkeypatch) == 2
    said = capsys.readouterr().err.splitlines()
    assert said[0] == "dagritme: invalid manifest, nothing written:"
    assert "  bots[0].commandLists[0]: 13 commands, Teams allows at most 12" in said
    assert not out.exists()


def shipped() -> tuple[dict[str, Any], dict[str, Any], dict[str, bytes]]:
    manifest = build_manifest(app_id=APP_ID, domain="dagritme.school.nl")
    english = translations(manifest)["en-us.json"]
    icons = {name: (TEAMS / name).read_bytes() for name in ("color.png", "outline.png")}
    return manifest, english, icons


def commands(manifest: dict[str, Any]) -> list[dict[str, str]]:
    found: list[dict[str, str]] = manifest["bots"][0]["commandLists"][0]["commands"]
    return found


# Rules that Microsoft's schema states too: on each, both must refuse. (Read as draft-04, the
# schema ignores `const` and anything beside a `$ref`, and its `version` has no pattern: the
# manifest version, semver and the English names' lengths are left to the built-in rules.)
BOTH_REFUSE: list[Any] = [
    pytest.param(lambda m, e: commands(m).append(dict(commands(m)[0])), id="13 commands"),
    pytest.param(lambda m, e: commands(m)[3].update(title="l" * 129), id="129-char title"),
    pytest.param(lambda m, e: commands(m)[3].update(description="d" * 4001), id="long text"),
    pytest.param(lambda m, e: m["name"].update(short="D" * 31), id="31-char short name"),
    pytest.param(lambda m, e: m.update(id="dagritme"), id="id not a GUID"),
    pytest.param(lambda m, e: m["bots"][0].update(botId="dagritme"), id="botId not a GUID"),
    pytest.param(lambda m, e: m.update(accentColor="groen"), id="accent colour"),
    pytest.param(
        lambda m, e: m.update(validDomains=[f"h{i}.school.nl" for i in range(17)]),
        id="17 domains",
    ),
    pytest.param(
        lambda m, e: m["bots"][0]["commandLists"].extend([{"scopes": [], "commands": []}] * 2),
        id="4 command lists",
    ),
    pytest.param(lambda m, e: m["bots"][0].update(scopes=["channel"]), id="unknown scope"),
    pytest.param(
        lambda m, e: e.update({"bots[0].commandLists[0].commands[3].title": "p" * 129}),
        id="English 129-char title",
    ),
    pytest.param(
        lambda m, e: e.update({"bots[0].commandLists[0].commands[12].title": "extra"}),
        id="English key for a 13th command",
    ),
]


@pytest.mark.parametrize("change", BOTH_REFUSE)
def test_the_built_in_rules_and_microsofts_schema_agree(
    schemas: Path, change: Callable[[dict[str, Any], dict[str, Any]], object]
) -> None:
    folder = schemas / "teams" / "v1.24"

    def schema_refuses(manifest: dict[str, Any], english: dict[str, Any]) -> bool:
        try:
            validate(manifest, folder / "MicrosoftTeams.schema.json")
            validate(english, folder / "MicrosoftTeams.Localization.schema.json")
        except ManifestError:
            return True
        return False

    manifest, english, icons = shipped()
    assert check(manifest, translations={"en-us.json": english}, icons=icons) == []
    assert not schema_refuses(manifest, english)
    change(manifest, english)
    assert check(manifest, translations={"en-us.json": english}, icons=icons) != []
    assert schema_refuses(manifest, english)


def test_every_listed_command_is_one_the_bot_answers_in_both_languages() -> None:
    manifest = build_manifest(app_id=APP_ID, domain=None)
    english = translations(manifest)["en-us.json"]
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


def test_the_personal_list_offers_the_everyday_commands_in_teams_limit() -> None:
    """Twelve commands at most; pupils' and mentors' everyday ones first, as they were shipped."""
    manifest = build_manifest(app_id=APP_ID, domain=None)
    (personal,) = [c for c in manifest["bots"][0]["commandLists"] if "personal" in c["scopes"]]
    assert [c["title"] for c in personal["commands"]] == [
        "hulp",
        "inchecken",
        "mijn week",
        "leerlingen",
        "leerling",
        "log",
        "contacten",
        "opp",
        "pauze",
        "digest",
        "instellingen",
        "rol",
    ]
