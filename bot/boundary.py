"""The trust boundary of the HTTP layer, as pure checks: JSON depth, Teams hosts, operators."""

from __future__ import annotations

import hmac
import ipaddress
import re
from collections.abc import Iterable
from itertools import accumulate
from urllib.parse import urlsplit

from botframework.connector import Channels

TEAMS_CHANNEL = "msteams"
# Teams activities nest 3-4 levels (a card submit's value, channelData.team), 8 with one of our
# Adaptive Cards attached: far below the ~1000 levels at which the JSON parser, or the SDK's
# deserializer after it, raises RecursionError.
MAX_JSON_DEPTH = 64

_KNOWN_CHANNELS = frozenset(channel.value for channel in Channels)
# A JSON string, escapes included (so a quote inside one does not end it). An unterminated one
# runs to the end, as for the parser: a match never fails, so no quote is scanned from twice.
_JSON_STRINGS = re.compile(r'"(?:[^"\\]|\\.)*"?', re.DOTALL)
_NOT_BRACKETS = re.compile(r"[^\[\]{}]+")
_DEPTH_STEP = {"[": 1, "{": 1, "]": -1, "}": -1}
_LABEL = r"[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?"
_HOSTNAME = re.compile(rf"{_LABEL}(?:\.{_LABEL})*")


def too_deeply_nested(text: str, limit: int = MAX_JSON_DEPTH) -> bool:
    """Whether JSON text nests arrays and objects deeper than `limit`, found without parsing it."""
    if text.count("[") + text.count("{") <= limit:  # the common case, counted in C
        return False
    brackets = _NOT_BRACKETS.sub("", _JSON_STRINGS.sub("", text))
    # the running depth, and the first point past the limit; C iterators, no Python loop
    depths = accumulate(map(_DEPTH_STEP.__getitem__, brackets))
    return next(filter(limit.__lt__, depths), None) is not None


def channel_name(channel_id: object) -> str:
    """A channel id fit for a log line: a Bot Framework channel's name, never other text."""
    if channel_id is None:
        return "none"
    if isinstance(channel_id, str) and channel_id in _KNOWN_CHANNELS:
        return channel_id
    return "unknown"


def is_host_pattern(pattern: str) -> bool:
    """Whether `pattern` is a host name or address, or `*.` and a name of at least two labels."""
    if pattern.startswith("*."):
        rest = pattern[2:]
        return bool(_HOSTNAME.fullmatch(rest)) and "." in rest
    return bool(_HOSTNAME.fullmatch(pattern)) or _is_address(pattern)


def host_matches(host: str, pattern: str) -> bool:
    """Whether a (lowercase) host is `pattern`, or for `*.example.com` any name under it."""
    if pattern.startswith("*."):
        return host.endswith(pattern[1:]) and len(host) > len(pattern) - 1
    return host == pattern


def service_url_host(url: str) -> str | None:
    """The lowercase host of a plain http(s) URL: None for anything odd (credentials, spaces)."""
    split = _scheme_and_host(url)
    return split[1] if split else None


def service_url_allowed(url: str, patterns: Iterable[str]) -> bool:
    """Whether replies may go to `url`: https on an allowed host (plain http to loopback only)."""
    split = _scheme_and_host(url)
    if split is None:
        return False
    scheme, host = split
    if scheme != "https" and not is_loopback(host):
        return False
    return any(host_matches(host, pattern) for pattern in patterns)


def is_loopback(address: str | None) -> bool:
    """Whether an address (or `localhost`) is this machine's loopback, IPv4-mapped included."""
    if address == "localhost":
        return True
    try:
        ip = ipaddress.ip_address(address or "")
    except ValueError:
        return False
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        return ip.ipv4_mapped.is_loopback
    return ip.is_loopback


def bearer_token(authorization: str | None) -> str | None:
    """The token of an `Authorization: Bearer <token>` header, or None."""
    scheme, _, token = (authorization or "").strip().partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        return None
    return token.strip()


def may_see_details(remote: str | None, authorization: str | None, token: str) -> bool:
    """Whether a caller may read operational details: from loopback, or with the operator token.

    `remote` is the peer of the connection, never a forwarded header: behind an ingress it is
    the ingress, so only the token lets someone outside the machine in. Without a token set,
    nobody outside is.
    """
    if is_loopback(remote):
        return True
    presented = bearer_token(authorization)
    if not token or presented is None:
        return False
    return hmac.compare_digest(presented.encode("utf-8", "surrogateescape"), token.encode())


def _scheme_and_host(url: str) -> tuple[str, str] | None:
    if "\\" in url or any(char.isspace() or not char.isprintable() for char in url):
        return None
    try:
        parts = urlsplit(url)
        _ = parts.port  # a port that is not a number raises ValueError
    except ValueError:
        return None
    if parts.scheme not in ("https", "http") or parts.username is not None:
        return None
    host = (parts.hostname or "").lower()
    if not (_HOSTNAME.fullmatch(host) or _is_address(host)):
        return None
    return parts.scheme, host


def _is_address(host: str) -> bool:
    try:
        ipaddress.ip_address(host)
    except ValueError:
        return False
    return True
