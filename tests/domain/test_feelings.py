"""Named feelings per age band, and the youngest's picture goals."""

from __future__ import annotations

from cards.catalogue import catalogue
from domain.age import AgeBand
from domain.feelings import (
    ALL_FEELINGS,
    FEELING_MAX_CHARS,
    MIDDEN_FEELINGS,
    OUD_FEELINGS,
    PICTURE_GOALS,
    feelings_for,
    is_feeling,
    parse_done,
    parse_picture_goals,
)


def test_vocabularies_fit_the_age() -> None:
    assert feelings_for(AgeBand.JONG) == ()  # faces only: no words to read
    assert 8 <= len(MIDDEN_FEELINGS) <= 12
    assert len(OUD_FEELINGS) > len(MIDDEN_FEELINGS)
    for word in ("gestrest", "opgelucht", "onzeker", "gefrustreerd", "eenzaam"):
        assert word in OUD_FEELINGS and word not in MIDDEN_FEELINGS
    for vocabulary in (MIDDEN_FEELINGS, OUD_FEELINGS):
        assert len(vocabulary) == len(set(vocabulary))


def test_every_word_fits_the_column_and_has_both_languages() -> None:
    messages = catalogue()
    for word in ALL_FEELINGS:
        assert len(word) <= FEELING_MAX_CHARS
        assert word == word.strip().lower()
        assert set(messages[f"feeling.{word}"]) == {"nl", "en"}
    for key, _ in PICTURE_GOALS:
        assert set(messages[f"goal.picture.{key}"]) == {"nl", "en"}


def test_a_word_outside_the_band_is_no_feeling() -> None:
    assert is_feeling("trots", AgeBand.MIDDEN)
    assert is_feeling("gestrest", AgeBand.OUD)
    assert not is_feeling("gestrest", AgeBand.MIDDEN)
    assert not is_feeling("blij", AgeBand.JONG)
    assert not is_feeling("Blij", AgeBand.MIDDEN)
    assert not is_feeling("happy", AgeBand.OUD)  # the stored word is the key, not the English


def test_picture_goals_parse_in_card_order() -> None:
    assert parse_picture_goals("tekenen,lezen") == ("lezen", "tekenen")
    assert parse_picture_goals(" lezen , lezen ") == ("lezen",)
    assert parse_picture_goals("") == ()
    assert parse_picture_goals("lezen,gamen") is None


def test_goals_ticked_done_are_numbers_of_the_morning_goals() -> None:
    assert parse_done("1,3", 3) == frozenset({1, 3})
    assert parse_done("", 2) == frozenset()
    assert parse_done("4", 3) is None
    assert parse_done("0", 3) is None
    assert parse_done("١", 3) is None  # an Arabic-Indic digit is no number here
    assert parse_done("1", 0) is None
