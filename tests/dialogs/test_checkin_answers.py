"""Reading check-in submits: each band's card, cards sent before this version, and forgeries."""

from __future__ import annotations

from typing import Any

import pytest

from dialogs.checkin_answers import Refused, parse_close, parse_start
from domain.age import AgeBand

BASE = {"verb": "checkin.submit", "day": "2026-11-23", "team": 7}


def test_todays_shape_without_a_feeling_still_reads() -> None:
    """A card sent before named feelings existed."""
    old = {**BASE, "mood": "4", "energy": "2", "goal1": "rekenen", "goal3": "lezen"}
    answer = parse_start(old, band=AgeBand.MIDDEN)
    assert (answer.mood, answer.energy, answer.goals, answer.feeling) == (
        4,
        2,
        ("rekenen", "lezen"),
        None,
    )
    close = parse_close(
        {**BASE, "mood": "2", "goal1": "not", "note": "zwaar"}, ["rekenen"], band=AgeBand.OUD
    )
    assert close.goal_status == ("not",) and close.note == "zwaar"


def test_a_feeling_must_be_a_word_of_the_pupils_band() -> None:
    assert (
        parse_start({**BASE, "mood": "3", "feeling": "moe"}, band=AgeBand.MIDDEN).feeling == "moe"
    )
    assert parse_start({**BASE, "mood": "3", "feeling": ""}, band=AgeBand.MIDDEN).feeling is None
    assert (
        parse_start({**BASE, "mood": "2", "feeling": "eenzaam"}, band=AgeBand.OUD).feeling
        == "eenzaam"
    )
    for band, word in [
        (AgeBand.MIDDEN, "eenzaam"),
        (AgeBand.JONG, "blij"),
        (AgeBand.OUD, "lonely"),
        (AgeBand.OUD, ["blij"]),
    ]:
        with pytest.raises(Refused):
            parse_start({**BASE, "mood": "3", "feeling": word}, band=band)
        with pytest.raises(Refused):
            parse_close({**BASE, "mood": "3", "feeling": word}, [], band=band)


def test_the_youngest_picture_goals_and_parent_note() -> None:
    value = {
        **BASE,
        "mood": "5",
        "goals": "tekenen,lezen",
        "note": "  slecht  geslapen ",
        "contact": "true",
    }
    answer = parse_start(value, band=AgeBand.JONG, lang="nl")
    assert answer.goals == ("📖 Lezen", "🖍️ Tekenen")
    assert answer.note == "slecht geslapen"
    assert answer.wants_contact is True
    english = parse_start(
        {**BASE, "mood": "5", "goals": "buiten_spelen"}, band=AgeBand.JONG, lang="en"
    )
    assert english.goals == ("🌳 Playing outside",)


def test_the_youngest_close_ticks_done_and_leaves_the_rest_open() -> None:
    goals = ["📖 Lezen", "🔢 Rekenen", "🖍️ Tekenen"]
    answer = parse_close({**BASE, "mood": "4", "done": "1,3"}, goals, band=AgeBand.JONG)
    assert answer.goal_status == ("done", None, "done")  # never "not yet" for a 5-year-old
    nothing = parse_close({**BASE, "mood": "4"}, goals, band=AgeBand.JONG)
    assert nothing.goal_status == (None, None, None)


@pytest.mark.parametrize(
    "value",
    [
        {**BASE, "mood": "4", "goals": "lezen,gamen"},  # no such picture
        {**BASE, "mood": "4", "goals": "lezen", "goal1": "rekenen"},  # two shapes at once
        {**BASE, "mood": "4", "goals": 3},
        {**BASE, "mood": "4", "note": "x" * 501},
        {**BASE, "mood": "4", "colour": "red"},
        {**BASE},
    ],
)
def test_start_submits_no_card_produces_are_refused(value: dict[str, Any]) -> None:
    with pytest.raises(Refused):
        parse_start(value, band=AgeBand.JONG)


@pytest.mark.parametrize(
    "value",
    [
        {**BASE, "mood": "4", "done": "3"},  # only two goals this morning
        {**BASE, "mood": "4", "done": "1", "goal1": "done"},
        {**BASE, "mood": "4", "done": ["1"]},
        {**BASE, "mood": "4", "goal3": "done"},
        {**BASE, "mood": "4", "goal1": "failed"},
    ],
)
def test_close_submits_no_card_produces_are_refused(value: dict[str, Any]) -> None:
    with pytest.raises(Refused):
        parse_close(value, ["a", "b"], band=AgeBand.MIDDEN)
