"""Pacing inside Teams' limits, driven by a simulated clock: no sleeping."""

from __future__ import annotations

import random

import pytest

from bot.pacing import Limit, Pacer, Window, parse_limits
from bot.sending import MAX_BACKOFF, backoff

TEAMS_CONVERSATION = parse_limits("7/1,8/2,60/30,1800/3600")
TEAMS_TENANT = parse_limits("50/1")


def greedy(window: Window, until: float, *, bulk: bool = False) -> list[float]:
    """Call as soon as the window allows, until `until`; the call times."""
    now, calls = 0.0, []
    while now < until:
        wait = window.wait(now, bulk=bulk)
        if wait > 0:
            now += wait
            continue
        window.record(now, bulk=bulk)
        calls.append(now)
    return calls


def most_in_any_window(calls: list[float], seconds: float) -> int:
    """The most calls that fall in any window of `seconds` (the service's view)."""
    most, start = 0, 0
    for end, moment in enumerate(calls):
        while calls[start] <= moment - seconds:
            start += 1
        most = max(most, end - start + 1)
    return most


def test_limits_are_read_from_settings_text() -> None:
    assert parse_limits(" 7/1, 1800/3600,8/2 ") == (Limit(7, 1), Limit(8, 2), Limit(1800, 3600))
    for bad in ("7", "7/0", "0/1", "x/1", "7/y"):
        with pytest.raises(ValueError, match="count/seconds"):
            parse_limits(bad)


def test_a_conversation_never_exceeds_any_of_its_limits_over_an_hour() -> None:
    calls = greedy(Window(TEAMS_CONVERSATION), until=3600)
    for limit in TEAMS_CONVERSATION:
        assert most_in_any_window(calls, limit.seconds) <= limit.count, limit
    # and it uses what it may: the hourly limit is nearly reached within the hour
    assert len(calls) >= 0.95 * 1800


def test_a_burst_starts_at_once_and_then_spreads() -> None:
    window = Window(TEAMS_CONVERSATION)
    for _ in range(7):
        assert window.wait(0.0) == 0
        window.record(0.0)
    eighth = window.wait(0.0)
    assert 1.0 < eighth < 1.1  # the second before, plus the jitter margin


def test_a_tenant_is_paced_to_ninety_percent_or_more_of_its_limit() -> None:
    calls = greedy(Window(TEAMS_TENANT), until=60)
    assert most_in_any_window(calls, 1.0) <= 50
    assert len(calls) / 60 >= 0.9 * 50


def test_the_pacer_waits_for_the_tighter_of_tenant_and_conversation() -> None:
    pacer = Pacer(conversation=TEAMS_CONVERSATION, tenant=parse_limits("10/1"))
    for i in range(7):
        pacer.record("t", "chat", 0.0)
        pacer.record("t", f"other-{i}", 0.0)
    assert pacer.wait("t", "new-chat", 0.0) > 1.0  # 14 calls in this tenant: over 10/s
    assert pacer.wait("u", "chat-in-another-tenant", 0.0) == 0
    assert pacer.wait("t", "chat", 1.2) == pytest.approx(0.0)


def test_a_throttled_conversation_waits_as_told_and_the_tenant_does_not() -> None:
    pacer = Pacer(conversation=TEAMS_CONVERSATION, tenant=TEAMS_TENANT)
    pacer.hold("t", "chat", 30.0)
    assert pacer.wait("t", "chat", 0.0) == 30.0
    assert pacer.wait("t", "other", 0.0) == 0
    pacer.hold("t", None, 1.0)
    assert pacer.wait("t", "other", 0.0, bulk=True) == 1.0


def test_a_tenant_pause_holds_the_fan_out_and_not_an_answer() -> None:
    # a 429 somewhere in the tenant pauses the fan-out; someone waiting still gets an answer
    pacer = Pacer(conversation=TEAMS_CONVERSATION, tenant=TEAMS_TENANT)
    pacer.hold("t", None, 0.25)
    assert pacer.wait("t", "pupil", 0.0, bulk=True) == 0.25
    assert pacer.wait("t", "pupil", 0.0) == 0
    pacer.hold("t", "pupil", 1.0)  # that conversation itself was throttled: everyone waits
    assert pacer.wait("t", "pupil", 0.0) == 1.0


def test_idle_windows_are_forgotten() -> None:
    pacer = Pacer(conversation=TEAMS_CONVERSATION, tenant=TEAMS_TENANT)
    for i in range(1000):
        pacer.record("t", f"chat-{i}", float(i) / 100)
    assert pacer.size == 1001
    pacer.forget_idle(10.0)
    assert pacer.size == 1001  # the hourly window still counts them
    pacer.forget_idle(3700.0)
    assert pacer.size == 0


def test_a_clock_that_steps_back_moves_the_window_with_it() -> None:
    window = Window(parse_limits("2/1"))
    window.record(5.0)
    window.record(4.0)  # the clock stepped back a second
    assert list(window.calls) == [4.0, 4.0]
    assert 0 < window.wait(4.5) <= 1.02


def test_a_clock_set_days_back_does_not_wait_out_the_days() -> None:
    window = Window(parse_limits("7/1,8/2,60/30,1800/3600"))
    for n in range(8):
        window.record(500_000.0 + n / 10)
    window.hold(500_010.0)
    moment = 60.0  # days earlier
    assert 0 < window.wait(moment) <= 10.0
    assert window.wait(moment + 10.0) == 0


def test_backoff_follows_retry_after_or_grows_with_jitter() -> None:
    rng = random.Random(7)
    assert backoff(1, 12.0, rng=rng) == 12.0
    assert backoff(1, 10_000.0, rng=rng) == MAX_BACKOFF
    for attempt in range(1, 8):
        waits = [backoff(attempt, None, rng=rng) for _ in range(200)]
        assert min(waits) >= 0.5 * 2**attempt
        assert max(waits) <= min(MAX_BACKOFF, 1.5 * 2**attempt)
        assert len(set(waits)) > 100  # jitter: workers do not retry in step
    assert backoff(30, None, rng=rng) <= MAX_BACKOFF


def test_a_tenant_spreads_its_fan_out_over_the_second() -> None:
    calls = greedy(Window(TEAMS_TENANT, smooth=True), until=10, bulk=True)
    assert most_in_any_window(calls, 0.1) <= 5  # never the whole second's calls in one burst
    assert most_in_any_window(calls, 1.0) <= 50
    assert len(calls) / 10 >= 0.9 * 50


def run_second_by_second(
    pacer: Pacer, *, answers_per_second: int, until: float
) -> dict[str, list[float]]:
    """A lane sending as fast as it may (bulk) and answers arriving evenly; the call times."""
    calls: dict[str, list[float]] = {"fan-out": [], "answers": []}
    answers_due = [n / answers_per_second for n in range(int(until * answers_per_second))]
    now = 0.0
    while now < until:
        if answers_due and answers_due[0] <= now and pacer.wait("t", None, now) <= 0:
            pacer.record("t", None, now)
            calls["answers"].append(now - answers_due.pop(0))  # how long it waited
            continue
        if pacer.wait("t", None, now, bulk=True) <= 0:
            pacer.record("t", None, now, bulk=True)
            calls["fan-out"].append(now)
            continue
        now += 0.001
    return calls


def test_the_fan_out_leaves_a_share_of_the_tenant_for_answers() -> None:
    pacer = Pacer(conversation=TEAMS_CONVERSATION, tenant=TEAMS_TENANT, reserve=0.1)
    calls = run_second_by_second(pacer, answers_per_second=4, until=20)
    fan_out, waits = calls["fan-out"], calls["answers"]
    assert most_in_any_window(fan_out, 1.0) <= 45  # the fan-out alone stays at 90%
    assert len(fan_out) / 20 >= 0.85 * 50
    # an answer within the reserve waits a few milliseconds at most (the spreading of calls
    # over the second), never for the fan-out
    assert len(waits) == 80
    assert max(waits) < 0.01


def test_answers_and_fan_out_together_stay_inside_the_limit() -> None:
    pacer = Pacer(conversation=TEAMS_CONVERSATION, tenant=TEAMS_TENANT, reserve=0.1)
    window = pacer._tenant("t")
    now = 0.0
    for step in range(20_000):  # answers far beyond the reserve: they take what is free
        now = step * 0.001
        for bulk in (True, False):
            if pacer.wait("t", None, now, bulk=bulk) <= 0:
                pacer.record("t", None, now, bulk=bulk)
    assert most_in_any_window(sorted(window.calls), 1.0) <= 50


def test_a_server_without_its_own_fan_out_keeps_answers_within_the_reserve() -> None:
    pacer = Pacer(
        conversation=TEAMS_CONVERSATION, tenant=TEAMS_TENANT, reserve=0.1, answers_only=True
    )
    calls = greedy(pacer._tenant("t"), until=10)
    assert most_in_any_window(calls, 1.0) <= 5
    with pytest.raises(ValueError, match="share"):
        Pacer(conversation=TEAMS_CONVERSATION, tenant=TEAMS_TENANT, reserve=1.0)
