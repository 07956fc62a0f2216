"""Pacing outgoing calls inside Teams' rate limits, per conversation and per tenant.

Teams throttles a bot per conversation (7 calls a second, 8 per 2 s, 60 per 30 s, 1800 an
hour) and per tenant (about 50 calls a second). A sliding window per key remembers when calls
were made and says how long to wait before the next one fits every limit; a tenant's calls
are spread evenly over the second rather than sent in one burst. Time is passed in, so the
rules are tested without sleeping.
"""

from __future__ import annotations

import bisect
from collections import deque
from dataclasses import dataclass

# Calls reach the service a little later than we count them and not all equally late; a window
# this much longer than the published one keeps that jitter from tipping a burst over the limit.
WINDOW_PAD_SECONDS = 0.02
WINDOW_PAD_FRACTION = 0.01
SMOOTHING = 10


@dataclass(frozen=True)
class Limit:
    """At most `count` calls in any `seconds`."""

    count: int
    seconds: float

    def __str__(self) -> str:
        return f"{self.count}/{self.seconds:g}"


def parse_limits(text: str) -> tuple[Limit, ...]:
    """Limits written as `count/seconds`, comma separated: `7/1,8/2,60/30,1800/3600`."""
    limits: list[Limit] = []
    for part in text.split(","):
        part = part.strip()
        if not part:
            continue
        count, sep, seconds = part.partition("/")
        try:
            limit = Limit(int(count), float(seconds))
        except ValueError:
            raise ValueError(f"{part!r} is not count/seconds, e.g. 7/1") from None
        if not sep or limit.count < 1 or limit.seconds <= 0:
            raise ValueError(f"{part!r} is not count/seconds with both above zero")
        limits.append(limit)
    return tuple(sorted(limits, key=lambda limit: limit.seconds))


class Window:
    """When the calls under one key were made, checked against several limits.

    With a `reserve`, the bulk calls (a fan-out) may fill only that much less of each limit,
    counted among themselves, so that an answer to someone waiting always finds room. Every
    call, bulk or not, counts against the whole limit.
    """

    def __init__(
        self,
        limits: tuple[Limit, ...],
        *,
        smooth: bool = False,
        reserve: float = 0.0,
        hold_bulk_only: bool = False,
    ) -> None:
        # Every call counts against the limits as published (padded for jitter). The bulk
        # calls also keep to their own share, spread over the second: steady groups arrive
        # steady, where one burst per second would arrive with its jitter on the window's edge.
        self.limits = _checks(limits, smooth=False)
        self.bulk_limits = _checks(_share(limits, 1 - reserve), smooth=smooth)
        self.span = max((seconds for _, seconds in self.limits), default=0.0)
        self.calls: deque[float] = deque()
        self.bulk_calls: deque[float] = deque()
        self.held_until = 0.0
        self.hold_bulk_only = hold_bulk_only

    def wait(self, now: float, *, bulk: bool = False) -> float:
        """Seconds from `now` until one more call fits every limit (0 when it fits now)."""
        self._forget(now)
        delay = _wait(self.calls, self.limits, now)
        if bulk or not self.hold_bulk_only:
            delay = max(delay, self.held_until - now)
        if bulk:
            delay = max(delay, _wait(self.bulk_calls, self.bulk_limits, now))
        return max(0.0, delay)

    def record(self, now: float, *, bulk: bool = False) -> None:
        """Count a call made at `now`."""
        self._forget(now)  # a clock that steps back must not unsort the window
        self.calls.append(now)
        if bulk:
            self.bulk_calls.append(now)

    def hold(self, until: float) -> None:
        """No calls before `until` (the service asked us to wait)."""
        self.held_until = max(self.held_until, until)

    def idle(self, now: float) -> bool:
        """Whether nothing here can still delay a call."""
        self._forget(now)
        return not self.calls and self.held_until <= now

    def _forget(self, now: float) -> None:
        if self.calls and self.calls[-1] > now:
            # The clock stepped back (a corrected wall clock): move what we remember back with
            # it, so the spacing of recent calls still counts but nothing waits out the step.
            step = self.calls[-1] - now
            self.calls = deque(moment - step for moment in self.calls)
            self.bulk_calls = deque(moment - step for moment in self.bulk_calls)
            self.held_until -= step
        for calls in (self.calls, self.bulk_calls):
            while calls and calls[0] <= now - self.span:
                calls.popleft()


class Pacer:
    """Sliding windows per tenant and per conversation; one per worker process.

    `reserve` is the share of each tenant's limit that the fan-out leaves for answers to people
    who wait for them (a reply in a turn, a card updated after a tap). A process that only
    answers, while a delivery process of its own fans out, keeps its answers within that share.
    """

    def __init__(
        self,
        *,
        conversation: tuple[Limit, ...],
        tenant: tuple[Limit, ...],
        reserve: float = 0.0,
        answers_only: bool = False,
    ) -> None:
        if not 0 <= reserve < 1:
            raise ValueError("the reserve is a share of the limit, from 0 up to 1")
        self.conversation_limits = conversation
        self.tenant_limits = _share(tenant, reserve) if answers_only and reserve else tenant
        self.reserve = 0.0 if answers_only else reserve
        self._tenants: dict[str, Window] = {}
        self._conversations: dict[str, Window] = {}

    def wait(
        self, tenant: str, conversation: str | None, now: float, *, bulk: bool = False
    ) -> float:
        """Seconds until a call to `conversation` in `tenant` fits every limit; a `bulk` call
        (the fan-out) leaves the reserve free."""
        delay = self._tenant(tenant).wait(now, bulk=bulk)
        if conversation is not None:
            delay = max(delay, self._conversation(conversation).wait(now))
        return delay

    def record(
        self, tenant: str, conversation: str | None, now: float, *, bulk: bool = False
    ) -> None:
        """Count a call; creating a conversation counts for the tenant like any other call."""
        self._tenant(tenant).record(now, bulk=bulk)
        if conversation is not None:
            self._conversation(conversation).record(now)

    def hold(self, tenant: str, conversation: str | None, until: float) -> None:
        """The service throttled us: pause the conversation (or, without one, the tenant)."""
        if conversation is None:
            self._tenant(tenant).hold(until)
        else:
            self._conversation(conversation).hold(until)

    def forget_idle(self, now: float) -> None:
        """Drop windows that can no longer delay anything (keeps memory flat over months)."""
        for windows in (self._tenants, self._conversations):
            for key in [key for key, window in windows.items() if window.idle(now)]:
                del windows[key]

    @property
    def size(self) -> int:
        """How many windows are kept (for tests and metrics)."""
        return len(self._tenants) + len(self._conversations)

    def _tenant(self, tenant: str) -> Window:
        window = self._tenants.get(tenant)
        if window is None:
            # A 429 somewhere in the tenant pauses the fan-out a moment; an answer that someone
            # waits for still goes when the window has room (refused too, it waits as long as
            # Teams says, like any call).
            window = self._tenants[tenant] = Window(
                self.tenant_limits, smooth=True, reserve=self.reserve, hold_bulk_only=True
            )
        return window

    def _conversation(self, conversation: str) -> Window:
        window = self._conversations.get(conversation)
        if window is None:
            window = self._conversations[conversation] = Window(self.conversation_limits)
        return window


def _wait(calls: deque[float], limits: tuple[tuple[int, float], ...], now: float) -> float:
    """Seconds until one more call fits every limit, given the calls so far."""
    delay = 0.0
    for count, seconds in limits:
        inside = len(calls) - bisect.bisect_right(calls, now - seconds)
        if inside >= count:
            # the call that has to leave the window before another one fits
            delay = max(delay, calls[len(calls) - count] + seconds - now)
    return delay


def _share(limits: tuple[Limit, ...], share: float) -> tuple[Limit, ...]:
    """That share of each limit (at least one call)."""
    return tuple(Limit(max(1, int(limit.count * share)), limit.seconds) for limit in limits)


def _checks(limits: tuple[Limit, ...], *, smooth: bool) -> tuple[tuple[int, float], ...]:
    """The (count, seconds) pairs a window checks: each limit, padded for jitter, and with
    `smooth` also a tenth of each large limit per tenth of its time (the same rate)."""
    checks = [(limit.count, _padded(limit.seconds)) for limit in limits]
    for limit in limits:
        if smooth and limit.count >= 2 * SMOOTHING:
            step = limit.count // SMOOTHING
            checks.append((step, limit.seconds * step / limit.count))
    return tuple(checks)


def _padded(seconds: float) -> float:
    return seconds * (1 + WINDOW_PAD_FRACTION) + WINDOW_PAD_SECONDS
