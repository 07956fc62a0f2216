"""The pure checks of the HTTP trust boundary: JSON depth, serviceUrl hosts, operator access."""

from __future__ import annotations

import json
import time
from datetime import date
from typing import Any

import pytest
from pydantic import ValidationError

from bot.boundary import (
    MAX_JSON_DEPTH,
    channel_name,
    may_see_details,
    service_url_allowed,
    too_deeply_nested,
)
from bot.settings import Settings
from cards.checkin import checkin_card
from domain.age import AgeBand
from tests.support import activities
from tests.support.activities import TeamsWorld

TOKEN = "0123456789abcdef0123456789abcdef"
TEAMS = Settings.model_validate({}).service_url_host_patterns


def _depth(value: Any) -> int:
    deepest, stack = 0, [(value, 1)]
    while stack:
        node, level = stack.pop()
        if isinstance(node, dict | list):
            deepest = max(deepest, level)
            stack += [
                (child, level + 1) for child in (node.values() if isinstance(node, dict) else node)
            ]
    return deepest


def test_real_activities_stay_far_below_the_depth_limit() -> None:
    world = TeamsWorld(service_url="https://smba.trafficmanager.net/emea/")
    user = world.person("sanne", "Sanne de Vries")
    submit = activities.personal_message(world, user, "", value={"verb": "checkin.submit"})
    with_cards = [
        {
            **activities.personal_message(world, user, "x"),
            "attachments": [
                {
                    "contentType": "application/vnd.microsoft.card.adaptive",
                    # the youngest's card nests deepest: face buttons in columns
                    "content": checkin_card(
                        lang="nl", first_name="Sanne", day=date(2026, 11, 23), team_ref=1, band=band
                    ),
                }
            ],
        }
        for band in AgeBand
    ]
    for activity in (activities.install_in_team(world, user), submit, *with_cards):
        text = json.dumps(activity)
        assert _depth(activity) <= MAX_JSON_DEPTH // 4
        assert not too_deeply_nested(text)


def test_depth_is_counted_outside_strings_only() -> None:
    assert too_deeply_nested("[" * 100_000 + "]" * 100_000)
    assert too_deeply_nested('{"a":' * (MAX_JSON_DEPTH + 1) + "1" + "}" * (MAX_JSON_DEPTH + 1))
    assert not too_deeply_nested("[" * MAX_JSON_DEPTH + "]" * MAX_JSON_DEPTH)
    # brackets and escaped quotes inside strings are text, not nesting
    text = json.dumps({"text": '"[{' * 10_000, "value": {"note": "\\" + "[" * 500}})
    assert not too_deeply_nested(text)
    sideways = json.dumps([[[1]] for _ in range(1000)])  # many brackets, shallow
    assert not too_deeply_nested(sideways)
    assert too_deeply_nested("[" * 100 + '"unterminated')
    assert not too_deeply_nested('"' + "[" * 100)  # inside a string that never ends


def test_depth_is_found_in_linear_time() -> None:
    """Quotes that never close must not start the scan again at each one (quadratic: minutes)."""
    started = time.perf_counter()
    for tail in ('"\\' * 128_000, '"a' * 128_000, '\\"' * 128_000, "[]" * 128_000):
        assert too_deeply_nested("{" * (MAX_JSON_DEPTH + 1) + tail)
    assert time.perf_counter() - started < 2


@pytest.mark.parametrize(
    ("url", "allowed"),
    [
        ("https://smba.trafficmanager.net/emea/", True),
        ("https://smba.trafficmanager.net/teams/", True),
        ("https://SMBA.trafficmanager.net:443/amer/6f1c2b7e/", True),
        ("http://smba.trafficmanager.net/emea/", False),  # replies carry the bot's token
        ("https://webchat.botframework.com/", False),
        ("https://directline.botframework.com/", False),
        ("https://evil-trafficmanager.net/", False),
        ("https://x.smba.trafficmanager.net/", False),
        ("https://smba.trafficmanager.net.example.com/", False),
        ("https://smba.trafficmanager.net@example.com/", False),
        ("https://example.com\\@smba.trafficmanager.net/", False),
        ("https://user:pw@smba.trafficmanager.net/", False),
        ("https://smba.trafficmanager.net /", False),
        ("https://smba.trafficmanager.net:x/", False),
        ("ftp://smba.trafficmanager.net/", False),
        ("http://127.0.0.1:3978/", False),  # loopback only when listed
    ],
)
def test_the_default_hosts_are_teams_public_cloud(url: str, allowed: bool) -> None:
    assert service_url_allowed(url, TEAMS) is allowed


def test_listed_hosts_wildcards_and_loopback() -> None:
    listed = Settings.model_validate(
        {"DAGRITME_SERVICE_URL_HOSTS": " 127.0.0.1, ::1 ,*.Example.org"}
    ).service_url_host_patterns
    assert listed == ("127.0.0.1", "::1", "*.example.org")
    assert service_url_allowed("http://127.0.0.1:41234/", listed)
    assert service_url_allowed("http://[::1]:41234/", listed)
    assert service_url_allowed("https://a.b.example.org/x", listed)
    assert not service_url_allowed("https://example.org/", listed)
    assert not service_url_allowed("https://badexample.org/", listed)
    assert not service_url_allowed("http://a.example.org/", listed)  # http: loopback only


@pytest.mark.parametrize(
    "value", ["", " , ", "https://smba.trafficmanager.net", "host:443", "*", "*.net", "a/b"]
)
def test_unusable_host_lists_are_refused_by_name(value: str) -> None:
    with pytest.raises(ValidationError, match="DAGRITME_SERVICE_URL_HOSTS"):
        Settings.model_validate({"DAGRITME_SERVICE_URL_HOSTS": value})


def test_a_weak_operator_token_is_refused_without_repeating_it() -> None:
    for weak in ("changeme", "x" * 31, "é" * 40, "a b" * 20):
        with pytest.raises(ValidationError, match="DAGRITME_OPERATOR_TOKEN") as refused:
            Settings.model_validate({"DAGRITME_OPERATOR_TOKEN": weak})
        assert weak not in str(refused.value)
    settings = Settings.model_validate({"DAGRITME_OPERATOR_TOKEN": f" {TOKEN}\n"})
    assert settings.operator_token.get_secret_value() == TOKEN
    assert TOKEN not in repr(settings)
    assert Settings.model_validate({}).operator_token.get_secret_value() == ""


@pytest.mark.parametrize(
    ("remote", "authorization", "token", "allowed"),
    [
        ("127.0.0.1", None, "", True),
        ("127.0.0.7", None, "", True),
        ("::1", None, "", True),
        ("::ffff:127.0.0.1", None, "", True),
        ("10.0.3.4", None, "", False),  # the Azure ingress, a platform probe, anyone
        ("10.0.3.4", f"Bearer {TOKEN}", TOKEN, True),
        ("10.0.3.4", f"bearer  {TOKEN} ", TOKEN, True),
        ("10.0.3.4", f"Bearer {TOKEN[:-1]}x", TOKEN, False),
        ("10.0.3.4", f"Bearer {TOKEN}x", TOKEN, False),
        ("10.0.3.4", f"Basic {TOKEN}", TOKEN, False),
        ("10.0.3.4", TOKEN, TOKEN, False),
        ("10.0.3.4", "Bearer ", "", False),  # no token set: nobody from outside
        ("10.0.3.4", "Bearer é", TOKEN, False),
        ("::ffff:10.0.3.4", None, "", False),
        (None, None, "", False),  # a Unix socket: no address, no trust
        ("localhost", None, "", True),
    ],
)
def test_who_may_see_operational_details(
    remote: str | None, authorization: str | None, token: str, allowed: bool
) -> None:
    assert may_see_details(remote, authorization, token) is allowed


def test_channel_names_in_logs_are_known_ids_only() -> None:
    assert channel_name("webchat") == "webchat"
    assert channel_name("directline") == "directline"
    assert channel_name(None) == "none"
    assert channel_name("Sanne voelt zich slecht") == "unknown"
    assert channel_name({"id": "msteams"}) == "unknown"
