"""A gap in the catalogue costs a sentence, never an answer: `t` falls back and says which key."""

from __future__ import annotations

import logging
from collections.abc import Mapping

import pytest

from cards import catalogue
from cards.catalogue import t


@pytest.fixture
def gaps(monkeypatch: pytest.MonkeyPatch) -> dict[str, Mapping[str, str]]:
    """The real catalogue with a few holes: one key gone, one without Dutch, one needing a value."""
    holed: dict[str, Mapping[str, str]] = dict(catalogue.catalogue())
    holed["only.english"] = {"en": "Hello {name}"}
    holed["needs.name"] = {"nl": "Hallo {name}", "en": "Hello {name}"}
    monkeypatch.setattr(catalogue, "catalogue", lambda: holed)
    return holed


def test_a_missing_key_gives_the_key_and_a_warning_naming_it(
    gaps: dict[str, Mapping[str, str]], caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    assert t("no.such.key", "nl", name="Geheime Naam") == "no.such.key"
    (record,) = caplog.records
    assert record.levelno == logging.WARNING
    assert "no.such.key" in record.getMessage()
    assert "Geheime" not in record.getMessage()


def test_a_missing_language_gives_the_other_one(
    gaps: dict[str, Mapping[str, str]], caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    assert t("only.english", "nl", name="Sanne") == "Hello Sanne"
    assert "Sanne" not in caplog.text
    assert "only.english" in caplog.text


def test_a_placeholder_left_out_gives_the_text_unfilled(
    gaps: dict[str, Mapping[str, str]], caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    assert t("needs.name", "nl", other="Geheim") == "Hallo {name}"
    assert "needs.name" in caplog.text and "Geheim" not in caplog.text


def test_complete_keys_are_untouched(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    assert t("command.unknown", "en", word="x").startswith("I don't know 'x'")
    assert [r for r in caplog.records if r.name == "cards.catalogue"] == []


def test_the_load_time_checks_still_refuse_a_broken_catalogue(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from cards.messages import core

    catalogue.catalogue.cache_clear()
    monkeypatch.setitem(core.MESSAGES, "broken.key", {"nl": "alleen Nederlands"})
    try:
        with pytest.raises(ValueError, match=r"broken\.key"):
            catalogue.catalogue()
    finally:
        monkeypatch.undo()
        catalogue.catalogue.cache_clear()
    assert "broken.key" not in catalogue.catalogue()
