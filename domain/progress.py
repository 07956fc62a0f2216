"""The progress talk: how often it is due, whose is due this week, and how the setting is typed."""

from __future__ import annotations

import re
from datetime import date, timedelta

from domain.numbers import ascii_int, has_other_digits
from domain.text import fold

TALK_WEEKS = (1, 8)  # the fewest and most weeks a team may set between two talks
DEFAULT_TALK_WEEKS = 1
GRACE_WEEKS = 1  # a week late is no signal yet: holidays and illness move talks
# "2", "2 weken", "elke 2 weken", "every 2 weeks", "1 week", "wekelijks"
EVERY = re.compile(r"^(?:(?:elke|iedere|every)\s+)?(\S+?)(?:\s*(?:weken|week|wk|weeks))?$")
WEEKLY = {"wekelijks", "weekly", "elke week", "iedere week", "every week"}
FORTNIGHTLY = {
    "om de week",
    "om de andere week",
    "tweewekelijks",
    "every other week",
    "fortnightly",
    "biweekly",
    "every fortnight",
}


def monday_of(day: date) -> date:
    """The Monday of `day`'s week."""
    return day - timedelta(days=day.weekday())


def talk_due(last_talk: date | None, *, weeks: int, today: date) -> bool:
    """Whether a talk belongs in today's week: there was none yet, or the last one was `weeks`
    or more calendar weeks ago (a talk on any day of a week counts for that week)."""
    if last_talk is None:
        return True
    return monday_of(today) >= monday_of(last_talk) + timedelta(weeks=weeks)


def parse_talk_weeks(text: str) -> int | None:
    """The weeks between talks a coordinator typed, within TALK_WEEKS; None when unreadable."""
    if has_other_digits(text):  # fold would turn "²" into "2"
        return None
    value = fold(text)
    if value in WEEKLY:
        return 1
    if value in FORTNIGHTLY:
        return 2
    match = EVERY.match(value)
    if match is None:
        return None
    return ascii_int(match.group(1), low=TALK_WEEKS[0], high=TALK_WEEKS[1])
