"""What a coordinator gives for the settings is read into an update, or refused in their words."""

from __future__ import annotations

from datetime import time

from dialogs.settings_validation import read_update
from tests.domain.test_team_settings import FACTS


def test_a_right_update_has_no_problems() -> None:
    checked = read_update({"start": "9:15", "region": "zuid"}, facts=FACTS, lang="nl")
    assert checked.problems == []
    assert checked.update is not None
    assert checked.update.model_dump(exclude_unset=True) == {
        "start_time": time(9, 15),
        "region": "zuid",
    }


def test_every_reason_is_told_and_nothing_is_read() -> None:
    given = {"start": "25:00", "region": "oost", "reminder": "08:00"}
    checked = read_update(given, facts=FACTS, lang="nl")
    assert checked.update is None
    assert checked.problems == [
        "de tijd bij dagstart is geen geldige tijd (gebruik uu:mm, bijvoorbeeld 09:00)",
        "de regio moet noord, midden of zuid zijn",
        # the times that are right are checked against the team's others
        "de herinnering moet tussen dagstart en dagafsluiting liggen",
    ]


def test_the_reasons_are_told_in_the_coordinators_language() -> None:
    given = {"close": "x", "signal_low_streak": "11", "start": "15:00"}
    checked = read_update(given, facts=FACTS, lang="en")
    assert checked.problems == [
        "the day close time is not a valid time (use hh:mm, for example 09:00)",
        "a threshold must be a number between 2 and 10",
        "the day start must be before the day close",
        "the reminder must be between day start and day close",
        "the mentor list must be between day start and day close",
    ]
