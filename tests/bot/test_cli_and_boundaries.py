"""The command line as an operator uses it, the settings it refuses, and the layer boundaries."""

from __future__ import annotations

import ast
import os
import subprocess
import sys
from pathlib import Path

import pytest

from bot.settings import ConfigError, Settings
from domain.clock import SystemClock, instant_at

ROOT = Path(__file__).resolve().parents[2]


def run_cli(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("DAGRITME_", "Microsoft"))}
    return subprocess.run(
        [sys.executable, "-m", "bot", *args],
        capture_output=True,
        text=True,
        env={**clean, **env},
        cwd=ROOT,
        timeout=120,
        check=False,
    )


def test_db_upgrade_then_tick(tmp_path: Path) -> None:
    env = {"DATABASE_URL": f"sqlite+aiosqlite:///{tmp_path / 'd.sqlite3'}"}
    upgraded = run_cli("db", "upgrade", env=env)
    assert upgraded.returncode == 0, upgraded.stderr
    assert "up to date" in upgraded.stdout
    again = run_cli("db", "upgrade", env=env)
    assert again.returncode == 0
    ticked = run_cli("tick", "--at", "2026-11-23T09:00", env=env)
    assert ticked.returncode == 0, ticked.stderr
    assert ticked.stdout.startswith("at 2026-11-23T08:00:00+00:00: 0 team(s)")


def test_tick_at_a_time_alone_is_today_in_amsterdam(tmp_path: Path) -> None:
    env = {"DATABASE_URL": f"sqlite+aiosqlite:///{tmp_path / 'd.sqlite3'}"}
    assert run_cli("db", "upgrade", env=env).returncode == 0
    for typed in ("09:00", "9:00", "14:45"):
        # the day may turn while the command runs: either side of it is today
        days = [instant_at(typed, now=SystemClock().now())]
        ticked = run_cli("tick", "--at", typed, env=env)
        days.append(instant_at(typed, now=SystemClock().now()))
        assert ticked.returncode == 0, ticked.stderr
        assert any(ticked.stdout.startswith(f"at {d.isoformat()}: 0 team(s)") for d in days if d)


def test_tick_rejects_a_bad_instant(tmp_path: Path) -> None:
    env = {"DATABASE_URL": f"sqlite+aiosqlite:///{tmp_path / 'd.sqlite3'}"}
    result = run_cli("tick", "--at", "maandag", env=env)
    assert result.returncode == 2
    assert "ISO 8601" in result.stderr


def test_serve_refuses_to_listen_publicly_without_authentication(tmp_path: Path) -> None:
    env = {"DATABASE_URL": f"sqlite+aiosqlite:///{tmp_path / 'd.sqlite3'}"}
    result = run_cli("serve", "--host", "0.0.0.0", env=env)
    assert result.returncode == 2
    assert "MicrosoftAppId" in result.stderr


def test_bad_database_url_names_the_variable() -> None:
    result = run_cli("db", "upgrade", env={"DATABASE_URL": "mysql://x"})
    assert result.returncode == 2
    assert "DATABASE_URL" in result.stderr


def settings(**values: str) -> Settings:
    return Settings.model_validate(values)


def test_check_serving() -> None:
    settings().check_serving("127.0.0.1")
    settings().check_serving("::1")
    settings().check_serving("localhost")
    with pytest.raises(ConfigError, match="MicrosoftAppId"):
        settings().check_serving("0.0.0.0")
    with pytest.raises(ConfigError, match="MicrosoftAppPassword"):
        settings(MicrosoftAppId="a").check_serving("0.0.0.0")
    with pytest.raises(ConfigError, match="MicrosoftAppTenantId"):
        settings(MicrosoftAppId="a", MicrosoftAppPassword="b").check_serving("0.0.0.0")
    settings(MicrosoftAppId="a", MicrosoftAppPassword="b", MicrosoftAppTenantId="t").check_serving(
        "0.0.0.0"
    )
    assert settings(DAGRITME_ALLOWED_TENANTS=" A, b ,").tenant_allow_list == {"a", "b"}


def imports_of(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module.split(".")[0])
    return found


LAYERS = {
    "domain": {"bot", "dialogs", "cards", "storage"},
    "storage": {"bot", "dialogs", "cards"},
    "cards": {"bot", "dialogs", "storage"},
    "dialogs": {"bot"},
}


@pytest.mark.parametrize("package", ["domain", "storage", "cards", "dialogs"])
def test_layers_import_only_downwards(package: str) -> None:
    for path in (ROOT / package).rglob("*.py"):
        imported = imports_of(path)
        assert not imported & {"botbuilder", "botframework", "aiohttp"}, path
        assert not imported & LAYERS[package], path


def test_graph_installs_follow_the_bot_identity() -> None:
    from bot.settings import Settings

    app = "0b6c7f4e-3a2d-4c1b-9e8f-7a6b5c4d3e2f"
    assert not Settings(MicrosoftAppId="").graph_installs  # local mode: nobody to ask Graph as
    assert Settings(MicrosoftAppId=app, MicrosoftAppPassword="s").graph_installs
    assert Settings(MicrosoftAppId=app, MicrosoftAppType="UserAssignedMSI").graph_installs
    assert not Settings(
        MicrosoftAppId=app, MicrosoftAppPassword="s", DAGRITME_GRAPH_INSTALL="off"
    ).graph_installs
