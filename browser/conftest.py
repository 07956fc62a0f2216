"""Fixtures for `make e2e`: the bot, the Agents Playground, and Debian's Chromium, headless.

var/e2e/ (kept out of git) gets each person's page as they left it, the page and its HTML where
a step failed, the Playground's output and the tick's.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime
from pathlib import Path

import pytest
from playwright.sync_api import Browser, sync_playwright

from browser.playground import ROOT, Playground, Sessions
from browser.server import ServedBot
from domain.clock import FixedClock, as_utc
from storage.db import upgrade

ARTIFACTS = ROOT / "var" / "e2e"
# Debian's chromium; Playwright never downloads a browser of its own here.
CHROMIUM = os.environ.get("DAGRITME_E2E_CHROMIUM", "/usr/bin/chromium")
# Sunday evening before a normal school week (Monday 23 November 2026).
START = as_utc(datetime(2026, 11, 22, 20, 0))


@pytest.fixture(autouse=True)
def production_log_levels() -> None:
    """Keep the libraries that could log personal text (and SQL) quiet, as in production."""
    from bot.observability import quiet_libraries

    quiet_libraries()


@pytest.fixture(scope="session")
def artifacts() -> Path:
    """var/e2e/, emptied: what a failed run leaves to look at."""
    shutil.rmtree(ARTIFACTS, ignore_errors=True)
    ARTIFACTS.mkdir(parents=True)
    return ARTIFACTS


@pytest.fixture(scope="session")
def database_url(tmp_path_factory: pytest.TempPathFactory) -> str:
    """A migrated SQLite file of its own, shared by the served bot and `dagritme tick`."""
    path = tmp_path_factory.mktemp("db") / "dagritme.sqlite3"
    url = f"sqlite+aiosqlite:///{path}"
    # in a thread of its own: the migrations run an event loop, and Playwright's sync API (the
    # browser of an earlier test) may already have one running in this thread
    with ThreadPoolExecutor(max_workers=1) as pool:
        pool.submit(upgrade, url).result()
    return url


@pytest.fixture(scope="session")
def bot(database_url: str) -> Iterator[ServedBot]:
    """The real bot on a loopback port; its clock stands at START until the test moves it."""
    served = ServedBot(database_url, FixedClock(START))
    served.start()
    try:
        yield served
    finally:
        served.stop()


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    """Headless Chromium from Debian (`apt-get install chromium`)."""
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: apt-get install chromium", pytrace=False)
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(
            executable_path=CHROMIUM,
            headless=True,
            args=["--no-sandbox", "--disable-background-networking"],
        )
        try:
            yield launched
        finally:
            launched.close()


@pytest.fixture
def playground(bot: ServedBot, artifacts: Path, tmp_path: Path) -> Iterator[Playground]:
    """The Playground CLI, pointed at the bot; started as one person at a time."""
    started = Playground(endpoint=bot.endpoint, workdir=tmp_path / "playground", logs=artifacts)
    try:
        yield started
    finally:
        started.stop()


@pytest.fixture
def sessions(playground: Playground, browser: Browser, artifacts: Path) -> Sessions:
    """One person's Playground page at a time."""
    return Sessions(playground, browser, artifacts)
