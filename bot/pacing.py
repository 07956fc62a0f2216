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
    """When the calls under one key were made, checked against several limits."""

    def __init__(self, limits: tuple[Limit, ...], *, smooth: bool = False) -> None:
        padded = [(limit.count, _padded(limit.seconds)) for limit in limits]
        # With `smooth`, a large limit is also spread over its window (a tenth of it per tenth
        # of the time): calls in small steady groups arrive steady, where one big burst per
        # window would arrive with its jitter on the edge of the service's window.
        smoothed = [
            (limit.count // SMOOTHING, limit.seconds / SMOOTHING)
            for limit in limits
            if smooth and limit.count >= 2 * SMOOTHING
        ]
        self.limits = tuple(padded + smoothed)
        self.span = max((seconds for _, seconds in self.limits), default=0.0)
        self.calls: deque[float] = deque()
        self.held_until = 0.0

    def wait(self, now: float) -> float:
        """Seconds from `now` until one more call fits every limit (0 when it fits now)."""
        self._forget(now)
        delay = max(0.0, self.held_until - now)
        calls = self.calls
        for count, seconds in self.limits:
            inside = len(calls) - bisect.bisect_right(calls, now - seconds)
            if inside >= count:
                # the call that has to leave the window before another one fits
                delay = max(delay, calls[len(calls) - count] + seconds - now)
        return delay

    def record(self, now: float) -> None:
        """Count a call made at `now`."""
        self._forget(now)  # a clock that steps back must not unsort the window
        self.calls.append(now)

    def hold(self, until: float) -> None:
        """No calls before `until` (the service asked us to wait)."""
        self.held_until = max(self.held_until, until)

    def idle(self, now: float) -> bool:
        """Whether nothing here can still delay a call."""
        self._forget(now)
        return not self.calls and self.held_until <= now

    def _forget(self, now: float) -> None:
        calls = self.calls
        if calls and calls[-1] > now:
            # The clock stepped back (a corrected wall clock): move what we remember back with
            # it, so the spacing of recent calls still counts but nothing waits out the step.
            step = calls[-1] - now
            self.calls = calls = deque(moment - step for moment in calls)
            self.held_until -= step
        while calls and calls[0] <= now - self.span:
            calls.popleft()


class Pacer:
    """Sliding windows per tenant and per conversation; one per worker process."""

    def __init__(self, *, conversation: tuple[Limit, ...], tenant: tuple[Limit, ...]) -> None:
        self.conversation_limits = conversation
        self.tenant_limits = tenant
        self._tenants: dict[str, Window] = {}
        self._conversations: dict[str, Window] = {}

    def wait(self, tenant: str, conversation: str | None, now: float) -> float:
        """Seconds until a call to `conversation` in `tenant` fits every limit."""
        delay = self._tenant(tenant).wait(now)
        if conversation is not None:
            delay = max(delay, self._conversation(conversation).wait(now))
        return delay

    def record(self, tenant: str, conversation: str | None, now: float) -> None:
        """Count a call; creating a conversation counts for the tenant like any other call."""
        self._tenant(tenant).record(now)
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
            window = self._tenants[tenant] = Window(self.tenant_limits, smooth=True)
        return window

    def _conversation(self, conversation: str) -> Window:
        window = self._conversations.get(conversation)
        if window is None:
            window = self._conversations[conversation] = Window(self.conversation_limits)
        return window


def _padded(seconds: float) -> float:
    return seconds * (1 + WINDOW_PAD_FRACTION) + WINDOW_PAD_SECONDS
