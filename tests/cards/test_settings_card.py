"""The settings card and summary are made from the settings model: every setting has its texts."""

from __future__ import annotations

from string import Formatter

import pytest

from cards.catalogue import Lang, catalogue
from cards.settings import settings_card, settings_summary
from domain.setting_inputs import OneOf
from domain.team_settings import setting_fields
from tests.cards.test_cards import SETTINGS

LANGS: tuple[Lang, ...] = ("nl", "en")


def placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in Formatter().parse(text) if name}


@pytest.mark.parametrize("lang", LANGS)
def test_every_setting_has_its_place_in_the_summary(lang: Lang) -> None:
    summary = placeholders(catalogue()["settings.summary"][lang])
    shown = {field.key for field in setting_fields()}
    assert summary <= shown, "the summary names a setting the model does not have"
    missing = shown - summary - {"liberation_day", "good_friday_off"}
    assert not missing, f"settings missing from the summary: {missing}"


def test_every_input_has_its_label_and_choices_in_the_catalogue() -> None:
    texts = catalogue()
    for field in setting_fields():
        if field.card is None:
            continue
        assert f"settings.field.{field.key}" in texts, field.key
        if isinstance(field.card, OneOf):
            for value in field.choices:
                assert f"{field.card.titles}.{value}" in texts, (field.key, value)
                if field.card.names:
                    assert f"{field.card.names}.{value}" in texts, (field.key, value)


@pytest.mark.parametrize("lang", LANGS)
def test_the_card_has_an_input_for_each_setting_on_it_in_the_models_order(lang: Lang) -> None:
    card = settings_card(lang=lang, values=SETTINGS, channels=[("19:a", "Algemeen")], team_ref=7)
    ids = [element["id"] for element in card["body"] if "id" in element]
    assert ids == [field.key for field in setting_fields() if field.card is not None]
    assert card["actions"][0]["data"] == {"verb": "settings.submit", "team": 7}


def test_the_summary_says_each_value_as_people_read_it() -> None:
    values = SETTINGS.model_copy(
        update={
            "region": "zuid",
            "coordinator_channel_id": "19:gone",
            "progress_talk_weeks": 2,
            "signal_missing_days": 2,
            "signal_mood_drop": 1.0,
            "signal_low_streak": 3,
            "signal_contact_days": 7,
            "signal_plan_days": 3,
        }
    )
    channels = [("19:a@thread.tacv2", "Klas 3")]
    said = {
        "nl": [
            "Regio schoolvakanties: zuid",
            "Klaskanaal: Klas 3; coördinatiekanaal: —",
            "Vrije dagen: 12-03-2027",
            "stemming 1 punt gedaald",
            "elke leerling elke 2 weken",
            "zonder eigen leeftijdsgroep: midden (leeftijd)",
        ],
        "en": ["School holiday region: south", "Meeting link: —"],
    }
    for lang, parts in said.items():
        summary = settings_summary(lang=lang, values=values, channels=channels)
        assert [part for part in parts if part not in summary] == [], summary
