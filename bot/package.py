"""`dagritme package`: the Teams app package (manifest, icons, English strings) as a zip.

The manifest is checked against Microsoft's JSON schema for its version before the zip is
written. The schemas are published in the npm package @microsoft/app-manifest:
`npm install --prefix .cache/npm @microsoft/app-manifest@1` puts them where we look.
"""

from __future__ import annotations

import copy
import json
import re
import zipfile
from pathlib import Path
from typing import Any

from bot.settings import ConfigError

TEAMS = Path(__file__).resolve().parent.parent / "deploy" / "teams"
SCHEMA_PACKAGE = Path("node_modules") / "@microsoft" / "app-manifest" / "build" / "json-schemas"
SEARCH = (Path(".cache") / "npm", Path("."))
GUID = re.compile(r"^[0-9a-fA-F]{8}-([0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}$")
HTTPS_URL = re.compile(r"^https://[^\s/]+\.[^\s/]+(/\S*)?$")
HOST = re.compile(r"^(?=.{1,253}$)([a-zA-Z0-9-]{1,63}\.)+[a-zA-Z]{2,63}$")


class ManifestError(ValueError):
    """The manifest does not match the schema; the message names the path of the error."""


def schema_dir(version: str, explicit: Path | None = None) -> Path:
    """Where the JSON schemas of a manifest version are."""
    roots = [explicit] if explicit else [base / SCHEMA_PACKAGE for base in SEARCH]
    for root in roots:
        candidate = root / "teams" / f"v{version}" if root else None
        if candidate and (candidate / "MicrosoftTeams.schema.json").exists():
            return candidate
    raise ConfigError(
        f"the Teams manifest schema v{version} is not installed; run "
        "`npm install --prefix .cache/npm @microsoft/app-manifest@1` (or pass --schemas)"
    )


def build_manifest(
    *,
    app_id: str,
    domain: str | None,
    privacy_url: str | None = None,
    terms_url: str | None = None,
) -> dict[str, Any]:
    """The manifest for one bot registration and the host it is served from."""
    if not GUID.match(app_id):
        raise ConfigError("--app-id must be the bot's Microsoft App ID (a GUID)")
    if domain is not None and not HOST.match(domain):
        raise ConfigError("--domain must be a host name such as dagritme.school.nl")
    manifest: dict[str, Any] = json.loads((TEAMS / "manifest.template.json").read_text("utf-8"))
    manifest = copy.deepcopy(manifest)
    manifest["id"] = app_id
    manifest["bots"][0]["botId"] = app_id
    # Graph's *Self* permissions (installing the app for a pupil) apply to the app whose
    # manifest names its Entra app here.
    manifest["webApplicationInfo"] = {"id": app_id, "resource": f"api://botid-{app_id}"}
    host = domain or "token.botframework.com"
    manifest["validDomains"] = [host] if domain else []
    site = f"https://{host}/"
    manifest["developer"]["websiteUrl"] = site
    # the bot serves both pages itself (bot/pages); a school may link its own instead
    for key, url, option in (
        ("privacyUrl", privacy_url or f"{site}privacy", "--privacy-url"),
        ("termsOfUseUrl", terms_url or f"{site}voorwaarden", "--terms-url"),
    ):
        if not HTTPS_URL.match(url):
            raise ConfigError(f"{option} must be an https:// address")
        manifest["developer"][key] = url
    return manifest


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
) -> Path:
    """Validate and write the installable zip; returns its path."""
    manifest = build_manifest(
        app_id=app_id, domain=domain, privacy_url=privacy_url, terms_url=terms_url
    )
    folder = schema_dir(manifest["manifestVersion"], schemas)
    validate(manifest, folder / "MicrosoftTeams.schema.json")
    english = json.loads((TEAMS / "en-us.json").read_text("utf-8"))
    validate(english, folder / "MicrosoftTeams.Localization.schema.json")
    out.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("manifest.json", json.dumps(manifest, indent=2, ensure_ascii=False))
        archive.writestr("en-us.json", json.dumps(english, indent=2, ensure_ascii=False))
        archive.write(TEAMS / "color.png", "color.png")
        archive.write(TEAMS / "outline.png", "outline.png")
    return out
