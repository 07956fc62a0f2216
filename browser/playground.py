"""The Microsoft 365 Agents Playground as a subprocess, and its web page as one person sees it.

The Playground has one "current user" and no way to switch to another in its page, so each
person gets a Playground of their own in turn: the same configuration (tenant, team, channels,
everyone's ids) with that person as the current user, on the same port, so the service URL the
bot stored at the team install stays valid. Messages only show while the page is open: open the
page first, then make the bot send.
"""

from __future__ import annotations

import contextlib
import os
import re
import signal
import socket
import subprocess
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from playwright.sync_api import Browser, Locator, Page, expect

ROOT = Path(__file__).resolve().parents[1]
NPM_PREFIX = ROOT / ".cache" / "npm"
PLAYGROUND_BIN = NPM_PREFIX / "node_modules" / ".bin" / "agentsplayground"
CONFIG = ROOT / ".m365agentsplayground.yml"

# What one reply may take: the bot answers in well under a second, the page renders it in a
# few; generous so a busy CI machine does not fail the run, bounded so a broken one does.
REPLY_TIMEOUT_MS = 20_000
START_TIMEOUT_S = 30.0


def free_port() -> int:
    """A loopback port nobody listens on right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def config_as(user_id: str, *, source: Path = CONFIG) -> dict[str, Any]:
    """The repository's Playground configuration with `user_id` as the current user.

    Everyone else becomes one of the other users; the team, its channels and all ids stay the
    same. Only the personal chat gets an id of its own per person, as in Teams, where each
    person's chat with a bot is a conversation of its own.
    """
    config: dict[str, Any] = yaml.safe_load(source.read_text(encoding="utf-8"))
    everyone = [config["currentUser"], *config["users"]]
    chosen = [user for user in everyone if user["id"] == user_id]
    if not chosen:
        raise ValueError(f"{user_id} is not in {source.name}")
    config["currentUser"] = chosen[0]
    config["users"] = [user for user in everyone if user["id"] != user_id]
    suffix = re.sub(r"[^a-z0-9]+", "-", user_id.lower()).strip("-")
    config["personalChat"] = {"id": f"{config['personalChat']['id']}-{suffix}"}
    return config


@dataclass(frozen=True)
class Person:
    """Someone in the demo class of .m365agentsplayground.yml."""

    id: str
    name: str

    @property
    def first_name(self) -> str:
        return self.name.split()[0]


def people(source: Path = CONFIG) -> dict[str, Person]:
    """Everyone in the Playground configuration, by first name."""
    config = yaml.safe_load(source.read_text(encoding="utf-8"))
    found = [Person(user["id"], user["name"]) for user in [config["currentUser"], *config["users"]]]
    return {person.first_name: person for person in found}


class Playground:
    """Starts and stops the Playground CLI, one current user at a time, always on one port."""

    def __init__(self, *, endpoint: str, workdir: Path, logs: Path) -> None:
        if not PLAYGROUND_BIN.exists():
            raise RuntimeError(
                f"{PLAYGROUND_BIN} is missing: `make e2e` installs it "
                "(npm install --prefix .cache/npm @microsoft/m365agentsplayground)"
            )
        self.endpoint = endpoint
        self.workdir = workdir
        self.logs = logs
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}/"
        self._process: subprocess.Popen[bytes] | None = None
        self._starts = 0

    def start(self, person: Person) -> None:
        """Serve the Playground with `person` as the current user; returns once it answers."""
        self.stop()
        self._starts += 1
        folder = self.workdir / f"{self._starts:02d}-{person.first_name.lower()}"
        folder.mkdir(parents=True)
        (folder / CONFIG.name).write_text(
            yaml.safe_dump(config_as(person.id), allow_unicode=True, sort_keys=False),
            encoding="utf-8",
        )
        log_path = self.logs / f"playground-{self._starts:02d}-{person.first_name.lower()}.log"
        with log_path.open("wb") as log:
            self._process = subprocess.Popen(
                [
                    str(PLAYGROUND_BIN),
                    "--app-endpoint",
                    self.endpoint,
                    "--channel-id",
                    "msteams",
                    "--port",
                    str(self.port),
                    "--disable-telemetry",
                ],
                cwd=folder,
                stdin=subprocess.DEVNULL,
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,  # its own process group, so stop() ends all of it
                env={**os.environ, "BROWSER": "none", "NO_UPDATE_NOTIFIER": "1"},
            )
        self._wait_until_serving(log_path, folder)

    def _wait_until_serving(self, log_path: Path, folder: Path) -> None:
        assert self._process is not None
        deadline = time.monotonic() + START_TIMEOUT_S
        while time.monotonic() < deadline:
            if self._process.poll() is not None:
                break
            output = log_path.read_text(errors="replace")
            listening = re.search(r"Listening on (\d+)", output)
            if listening and int(listening.group(1)) != self.port:
                raise RuntimeError(
                    f"the Playground took port {listening.group(1)}, not {self.port}: "
                    "the bot's stored service URL would no longer reach it"
                )
            if listening and self._answers():
                return
            time.sleep(0.2)
        problems = folder / "devTools" / "m365agentsplayground.log"
        details = problems.read_text(errors="replace") if problems.exists() else ""
        self.stop()
        raise RuntimeError(
            f"the Playground did not start within {START_TIMEOUT_S:.0f} s; "
            f"output:\n{log_path.read_text(errors='replace')}\n{details}"
        )

    def _answers(self) -> bool:
        try:
            with urllib.request.urlopen(self.url, timeout=2) as response:
                return bool(response.status == 200)
        except (urllib.error.URLError, OSError):
            return False

    def stop(self) -> None:
        """End the Playground (its whole process group) and wait until its port is free."""
        process, self._process = self._process, None
        if process is None:
            return
        if process.poll() is None:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(process.pid, signal.SIGTERM)
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                with contextlib.suppress(ProcessLookupError):
                    os.killpg(process.pid, signal.SIGKILL)
                process.wait(timeout=10)
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline and not _port_free(self.port):
            time.sleep(0.1)


def _port_free(port: int) -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind(("127.0.0.1", port))
        except OSError:
            return False
        return True


class TeamsPage:
    """The Playground's page as one person uses it: chats on the left, messages, a composer."""

    def __init__(self, page: Page) -> None:
        self.page = page

    @property
    def bot_messages(self) -> Locator:
        """Everything the bot posted in the open chat or channel (cards included)."""
        return self.page.locator(".fai-OutputCard")

    def bot_says(self, text: str | re.Pattern[str]) -> Locator:
        """The bot's latest message in the open chat that contains `text`, once it is visible."""
        message = self.bot_messages.filter(has_text=text).last
        expect(message).to_be_visible(timeout=REPLY_TIMEOUT_MS)
        return message

    def card(self, text: str | re.Pattern[str]) -> Locator:
        """The latest Adaptive Card in the open chat that contains `text`, once it is visible."""
        found = self.page.locator(".ac-adaptiveCard").filter(has_text=text).last
        expect(found).to_be_visible(timeout=REPLY_TIMEOUT_MS)
        return found

    def open_chat(self, name: str) -> None:
        """Select a chat or channel in the left column."""
        self.page.get_by_role("treeitem", name=name, exact=True).first.click()

    def say(self, text: str) -> None:
        """Type a message in the composer and send it with Enter."""
        composer = self.page.locator('[data-lexical-editor="true"]')
        expect(composer).to_be_editable(timeout=REPLY_TIMEOUT_MS)
        composer.click()
        self.page.keyboard.type(text)
        self.page.keyboard.press("Enter")
        expect(composer).to_have_text("", timeout=REPLY_TIMEOUT_MS)

    def ask(self, text: str, reply: str | re.Pattern[str]) -> Locator:
        """Send `text` and wait for a new message of the bot containing `reply`; returns it."""
        answers = self.bot_messages.filter(has_text=reply)
        before = answers.count()
        self.say(text)
        expect(answers).to_have_count(before + 1, timeout=REPLY_TIMEOUT_MS)
        return answers.last


class Sessions:
    """Open the Playground's page as one person after another; a failure leaves a screenshot."""

    def __init__(self, playground: Playground, browser: Browser, artifacts: Path) -> None:
        self.playground = playground
        self.browser = browser
        self.artifacts = artifacts
        self.opened = 0

    @contextmanager
    def open_as(self, person: Person) -> Iterator[TeamsPage]:
        """The Playground's page as `person` (loading it installs the bot in their chat)."""
        self.opened += 1
        name = f"{self.opened:02d}-{person.first_name.lower()}"
        self.playground.start(person)
        context = self.browser.new_context(viewport={"width": 1400, "height": 1000})
        context.set_default_timeout(REPLY_TIMEOUT_MS)
        page = context.new_page()
        try:
            page.goto(self.playground.url)
            yield TeamsPage(page)
        except BaseException:
            self._keep(page, f"{name}-failed", html=True)
            raise
        else:
            self._keep(page, name)  # what this person saw last, for a human to look at
        finally:
            context.close()
            self.playground.stop()

    def _keep(self, page: Page, name: str, *, html: bool = False) -> None:
        try:
            page.screenshot(path=self.artifacts / f"{name}.png", full_page=True)
            if html:
                (self.artifacts / f"{name}.html").write_text(page.content(), encoding="utf-8")
        except Exception as exc:  # the screenshot must not hide the failure itself
            (self.artifacts / f"{name}.txt").write_text(f"no screenshot: {exc}\n")
