"""Reading check-in submits: each band's card, cards sent before this version, and forgeries."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from cards.answers import BadAnswer
from cards.catalogue import Lang
from cards.checkin import checkin_card, close_card
from cards.checkin_answers import (
    CONTACT_INPUT,
    DONE_INPUT,
    ENERGY_INPUT,
    FEELING_INPUT,
    GOAL_INPUTS,
    MOOD_INPUT,
    NOTE_INPUT,
    PICTURES_INPUT,
    DayCloseAnswer,
    DayStartAnswer,
)
from cards.preview import PreviewAnswer, as_preview
from domain.age import AgeBand
from tests.cards.test_card_answers import submits

BASE = {"verb": "checkin.submit", "day": "2026-11-23", "team": 7}


def checked_start(value: dict[str, Any], *, band: AgeBand, lang: Lang = "nl") -> DayStartAnswer:
    """A day start answer as the handler takes it: read, then checked against the pupil."""
    answer = DayStartAnswer.read(value)
    answer.planned_goals(band=band, lang=lang)
    return answer


def outcomes(value: dict[str, Any], goals: list[str], *, band: AgeBand) -> list[str | None]:
    """A day close answer's outcomes as the handler stores them."""
    return DayCloseAnswer.read(value).outcomes(band=band, goals=goals)


def test_the_cards_inputs_are_the_models_fields() -> None:
    shared = {MOOD_INPUT, FEELING_INPUT, CONTACT_INPUT, NOTE_INPUT, *GOAL_INPUTS}
    assert {*shared, ENERGY_INPUT, PICTURES_INPUT} <= set(DayStartAnswer.model_fields)
    assert {*shared, DONE_INPUT} <= set(DayCloseAnswer.model_fields)


def test_todays_shape_without_a_feeling_still_reads() -> None:
    """A card sent before named feelings existed."""
    old = {**BASE, "mood": "4", "energy": "2", "goal1": "rekenen", "goal3": "lezen"}
    answer = checked_start(old, band=AgeBand.MIDDEN)
    assert (answer.mood, answer.energy, answer.feeling) == (4, 2, None)
    assert answer.planned_goals(band=AgeBand.MIDDEN, lang="nl") == ["rekenen", "lezen"]
    close = DayCloseAnswer.read({**BASE, "mood": "2", "goal1": "not", "note": "zwaar"})
    assert close.outcomes(band=AgeBand.OUD, goals=["rekenen"]) == ["not"]
    assert close.note == "zwaar"


def test_a_feeling_must_be_a_word_of_the_pupils_band() -> None:
    assert (
        checked_start({**BASE, "mood": "3", "feeling": "moe"}, band=AgeBand.MIDDEN).feeling == "moe"
    )
    assert checked_start({**BASE, "mood": "3", "feeling": ""}, band=AgeBand.MIDDEN).feeling is None
    assert (
        checked_start({**BASE, "mood": "2", "feeling": "eenzaam"}, band=AgeBand.OUD).feeling
        == "eenzaam"
    )
    for band, word in [
        (AgeBand.MIDDEN, "eenzaam"),
        (AgeBand.JONG, "blij"),
        (AgeBand.OUD, "lonely"),
        (AgeBand.OUD, ["blij"]),
    ]:
        with pytest.raises(BadAnswer):
            checked_start({**BASE, "mood": "3", "feeling": word}, band=band)
        with pytest.raises(BadAnswer):
            outcomes({**BASE, "mood": "3", "feeling": word}, [], band=band)


def test_the_youngest_picture_goals_and_parent_note() -> None:
    value = {
        **BASE,
        "mood": "5",
        "goals": "tekenen,lezen",
        "note": "  slecht  geslapen ",
        "contact": "true",
    }
    answer = checked_start(value, band=AgeBand.JONG, lang="nl")
    assert answer.planned_goals(band=AgeBand.JONG, lang="nl") == ["📖 Lezen", "🖍️ Tekenen"]
    assert answer.note == "slecht geslapen"
    assert answer.contact is True
    english = DayStartAnswer.read({**BASE, "mood": "5", "goals": "buiten_spelen"})
    assert english.planned_goals(band=AgeBand.JONG, lang="en") == ["🌳 Playing outside"]


def test_the_youngest_close_ticks_done_and_leaves_the_rest_open() -> None:
    goals = ["📖 Lezen", "🔢 Rekenen", "🖍️ Tekenen"]
    ticked = outcomes({**BASE, "mood": "4", "done": "1,3"}, goals, band=AgeBand.JONG)
    assert ticked == ["done", None, "done"]  # never "not yet" for a 5-year-old
    assert outcomes({**BASE, "mood": "4"}, goals, band=AgeBand.JONG) == [None, None, None]


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
    with pytest.raises(BadAnswer):
        checked_start(value, band=AgeBand.JONG)


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
    with pytest.raises(BadAnswer):
        outcomes(value, ["a", "b"], band=AgeBand.MIDDEN)


@pytest.mark.parametrize(
    ("value", "field"),
    [
        ({**BASE, "mood": "4", "goal1": "geheim " * 20}, "goal1"),
        ({**BASE, "mood": "4", "note": "geheim " * 100}, "note"),
        ({**BASE, "mood": "geheim"}, "mood"),
        ({**BASE, "mood": "4", "feeling": "geheim"}, "feeling"),
        ({**BASE, "mood": "4", "geheim": "x"}, "an unknown field"),
    ],
)
def test_a_refusal_names_the_field_never_what_was_typed(value: dict[str, Any], field: str) -> None:
    with pytest.raises(BadAnswer) as refused:
        checked_start(value, band=AgeBand.MIDDEN)
    said = str(refused.value)
    assert field in said
    assert "geheim" not in said  # neither a value nor a key the sender made up


@pytest.mark.parametrize("band", list(AgeBand))
@pytest.mark.parametrize("lang", ["nl", "en"])
def test_each_bands_cards_filled_in_fit_that_band_and_so_do_their_previews(
    band: AgeBand, lang: Lang
) -> None:
    goals = ["Rekenen", "Lezen"]
    start = checkin_card(lang=lang, first_name="Sam", day=date(2026, 11, 23), team_ref=7, band=band)
    close = close_card(
        lang=lang, first_name="Sam", day=date(2026, 11, 23), team_ref=7, goals=goals, band=band
    )
    for sent in submits(start):
        assert DayStartAnswer.read(sent).planned_goals(band=band, lang=lang)
    for sent in submits(close):
        assert DayCloseAnswer.read(sent).outcomes(band=band, goals=goals)[0] == "done"
    for card, model in ((start, DayStartAnswer), (close, DayCloseAnswer)):
        for sent in submits(as_preview(card, band=band.value, banner="Voorbeeld")):
            preview = PreviewAnswer.read(sent)
            assert preview.band == band.value
            assert type(preview.pupils_answer(model)) is model
