"""`dagritme package`: the Teams app package (manifest, icons, English strings) as a zip.

Every rule the bot and Teams rely on is checked in Python first (bot/manifest_rules.py), so the
package can be written on a machine with only this project installed. Microsoft's JSON schema
for the manifest version is checked as well when it is installed: it is published in the npm
package @microsoft/app-manifest, and `npm install --prefix .cache/npm @microsoft/app-manifest@1`
puts it where we look (or pass its folder with --schemas).

The command menus are not kept in deploy/teams: each command says in its registration whether
and how it appears (`dialogs.teams_menu.TeamsMenu`), and the lists and their English strings are
written from there.
"""

from __future__ import annotations

import copy
import json
import os
import tempfile
import zipfile
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import dialogs.registry  # noqa: F401  (fills the router with every command)
from bot import manifest_rules
from bot.manifest_texts import as_dict, as_list
from bot.settings import ConfigError
from cards.catalogue import Words
from dialogs.router import Command, router
from dialogs.teams_menu import TeamsMenu

# Beside the code in a checkout. The container image installs the code into site-packages and
# copies deploy/teams to its working directory (/app), so there the relative path finds it.
_BESIDE = Path(__file__).resolve().parent.parent / "deploy" / "teams"
TEAMS = _BESIDE if _BESIDE.is_dir() else Path("deploy") / "teams"
SCHEMA_PACKAGE = Path("node_modules") / "@microsoft" / "app-manifest" / "build" / "json-schemas"
SEARCH = (Path(".cache") / "npm", Path("."))
INSTALL_SCHEMA = "`npm install --prefix .cache/npm @microsoft/app-manifest@1`"
# Teams' command menus, one list each: where it is offered, and which description of a
# command's entry it shows (a command without that description is not in the list).
MENUS: tuple[tuple[tuple[str, ...], Callable[[TeamsMenu], Words | None]], ...] = (
    (("personal",), lambda entry: entry.personal),
    (("team", "groupChat"), lambda entry: entry.shared),
)


class ManifestError(ValueError):
    """The manifest breaks a rule; each argument is one problem, and names its path."""

    def __str__(self) -> str:
        return "\n".join(str(problem) for problem in self.args)


@dataclass(frozen=True)
class Packaged:
    """The zip written, and the schema folder it was also checked against (None: none found)."""

    path: Path
    schema: Path | None


def schema_dir(version: str, explicit: Path | None = None) -> Path | None:
    """Where the JSON schemas of a manifest version are; None when they are not installed.

    A folder named with --schemas must hold them: an admin who asks for the schema check and
    silently does not get it is worse off than one who gets an error.
    """
    if explicit is not None:
        candidate = explicit / "teams" / f"v{version}"
        if (candidate / "MicrosoftTeams.schema.json").exists():
            return candidate
        raise ConfigError(
            f"--schemas {explicit}: no teams/v{version}/MicrosoftTeams.schema.json in it; give "
            f"the {SCHEMA_PACKAGE} folder that {INSTALL_SCHEMA} installs, or leave --schemas out"
        )
    for base in SEARCH:
        candidate = base / SCHEMA_PACKAGE / "teams" / f"v{version}"
        if (candidate / "MicrosoftTeams.schema.json").exists():
            return candidate
    return None


def build_manifest(
    *,
    app_id: str,
    domain: str | None,
    privacy_url: str | None = None,
    terms_url: str | None = None,
) -> dict[str, Any]:
    """The manifest for one bot registration and the host it is served from."""
    if not manifest_rules.is_guid(app_id):
        raise ConfigError("--app-id must be the bot's Microsoft App ID (a GUID)")
    if domain is not None and not manifest_rules.is_host(domain):
        raise ConfigError("--domain must be a host name such as dagritme.school.nl")
    template = TEAMS / "manifest.template.json"
    if not template.is_file():
        raise ConfigError(
            f"{template} not found; run `dagritme package` in a checkout of the repository "
            "or in /app of the container image"
        )
    manifest: dict[str, Any] = json.loads(template.read_text("utf-8"))
    manifest = copy.deepcopy(manifest)
    manifest["id"] = app_id
    manifest["bots"][0]["botId"] = app_id
    # Graph's *Self* permissions (installing the app for a pupil) apply to the app whose
    # manifest names its Entra app here.
    manifest["webApplicationInfo"] = {"id": app_id, "resource": f"api://botid-{app_id}"}
    manifest["bots"][0]["commandLists"], _ = command_lists()
    host = domain or "token.botframework.com"
    manifest["validDomains"] = [host] if domain else []
    site = f"https://{host}/"
    manifest["developer"]["websiteUrl"] = site
    # the bot serves both pages itself (bot/pages); a school may link its own instead
    for key, url, option in (
        ("privacyUrl", privacy_url or f"{site}privacy", "--privacy-url"),
        ("termsOfUseUrl", terms_url or f"{site}voorwaarden", "--terms-url"),
    ):
        if manifest_rules.url_problem(url):
            raise ConfigError(f"{option} must be an https:// address")
        manifest["developer"][key] = url
    return manifest


def command_lists() -> tuple[list[dict[str, Any]], dict[str, str]]:
    """The manifest's command lists in Dutch, and their strings for an English language file,
    from the commands that ask for a place in Teams' menu, in the menu's order."""
    listed = [(c, c.teams) for c in router.ordered if c.teams is not None]
    listed.sort(key=lambda pair: pair[1].order)
    lists: list[dict[str, Any]] = []
    english: dict[str, str] = {}
    for i, (scopes, description_in) in enumerate(MENUS):
        entries: list[tuple[Command, TeamsMenu, Words]] = [
            (command, entry, words)
            for command, entry in listed
            if (words := description_in(entry)) is not None
        ]
        commands = []
        for j, (command, entry, words) in enumerate(entries):
            commands.append({"title": command.name, "description": words.nl})
            english[f"bots[0].commandLists[{i}].commands[{j}].title"] = entry.title
            english[f"bots[0].commandLists[{i}].commands[{j}].description"] = words.en
        lists.append({"scopes": list(scopes), "commands": commands})
    return lists, english


def translations(manifest: Mapping[str, Any]) -> dict[str, Any]:
    """The language files the manifest names, from deploy/teams; an English one with the
    command menus' strings added (they come from the commands' registrations)."""
    info = as_dict(manifest.get("localizationInfo"))
    found: dict[str, Any] = {}
    for language in as_list(info.get("additionalLanguages")):
        tag, name = as_dict(language).get("languageTag"), as_dict(language).get("file")
        for file, data in _files([name]).items():
            strings = _json(file, data)
            if isinstance(strings, dict) and str(tag).lower().startswith("en"):
                _, english = command_lists()
                strings = {**strings, **english}
            found[file] = strings
    return found


def validate(document: dict[str, Any], schema_file: Path) -> None:
    """Check a document against a draft-04 schema; the first error names its path."""
    import jsonschema

    schema = json.loads(schema_file.read_text("utf-8"))
    validator = jsonschema.Draft4Validator(schema)
    errors = sorted(validator.iter_errors(document), key=lambda e: list(e.absolute_path))
    if errors:
        first = errors[0]
        where = "/" + "/".join(str(p) for p in first.absolute_path)
        raise ManifestError(f"{schema_file.name}: {where}: {first.message}")


def package(
    *,
    app_id: str,
    domain: str | None,
    out: Path,
    schemas: Path | None = None,
    privacy_url: str | None = None,
    terms_url: str | None = None,
) -> Packaged:
    """Check the manifest, its languages and icons, then write the zip; nothing on a broken rule."""
    manifest = build_manifest(
        app_id=app_id, domain=domain, privacy_url=privacy_url, terms_url=terms_url
    )
    languages = translations(manifest)
    icons = _files(as_dict(manifest.get("icons")).values())
    problems = manifest_rules.check(manifest, translations=languages, icons=icons)
    if problems:
        raise ManifestError(*problems)
    folder = schema_dir(manifest["manifestVersion"], schemas)
    if folder is not None:
        validate(manifest, folder / "MicrosoftTeams.schema.json")
        for strings in languages.values():
            validate(strings, folder / "MicrosoftTeams.Localization.schema.json")
    files = {"manifest.json": _dumps(manifest)}
    files.update({name: _dumps(strings) for name, strings in languages.items()})
    files.update(icons)
    write_zip(out, files)
    return Packaged(out, folder)


def write_zip(out: Path, files: Mapping[str, bytes]) -> None:
    """Write the zip under a temporary name beside `out`, then rename it into place.

    An error, a full disk or a crash halfway then leaves no half-written package behind that an
    admin could upload to Teams.
    """
    out.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=f".{out.name}.", suffix=".part", dir=out.parent)
    try:
        with os.fdopen(handle, "wb") as raw:
            with zipfile.ZipFile(raw, "w", compression=zipfile.ZIP_DEFLATED) as archive:
                for name, data in files.items():
                    archive.writestr(name, data)
            raw.flush()
            os.fsync(raw.fileno())
        os.chmod(temporary, 0o644)  # mkstemp makes it private; the package holds no secret
        os.replace(temporary, out)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def _files(names: Iterable[object]) -> dict[str, bytes]:
    """The files the manifest names that exist in deploy/teams (plain names, no folders)."""
    found: dict[str, bytes] = {}
    for name in names:
        if isinstance(name, str) and Path(name).name == name and (TEAMS / name).is_file():
            found[name] = (TEAMS / name).read_bytes()
    return found


def _json(name: str, data: bytes) -> Any:
    try:
        return json.loads(data.decode("utf-8"))
    except ValueError as exc:
        raise ManifestError(f"{name}: not valid JSON ({exc})") from exc


def _dumps(document: Any) -> bytes:
    return json.dumps(document, indent=2, ensure_ascii=False).encode("utf-8")
