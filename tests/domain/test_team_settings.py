"""The team settings model: its readers, the rule between the day's times, and an update that
holds exactly the settings given."""

from __future__ import annotations

from datetime import date, time
from types import SimpleNamespace
from typing import Any

import pytest
from pydantic import ValidationError

from domain.team_settings import (
    THRESHOLDS,
    SettingsFacts,
    SettingsUpdate,
    TeamSettings,
    setting_fields,
    stored_settings,
    typed_setting,
)

MONDAY = date(2026, 11, 23)
CHANNELS = frozenset({"19:general@thread.tacv2", "19:coordinatie@thread.tacv2"})
NOW = TeamSettings.model_construct(
    start_time=time(9),
    reminder_time=time(10),
    mentor_list_time=time(10, 30),
    close_time=time(14, 45),
    free_days=[],
)
FACTS = SettingsFacts(current=NOW, channels=CHANNELS, today=MONDAY)


def read(given: dict[str, Any]) -> dict[str, Any]:
    """The columns an update sets."""
    return SettingsUpdate.model_validate(given, context=FACTS).model_dump(exclude_unset=True)


def refusals(given: dict[str, Any]) -> list[tuple[tuple[int | str, ...], str, dict[str, Any]]]:
    """(field, catalogue key, its values) of each refusal, in order."""
    with pytest.raises(ValidationError) as refused:
        SettingsUpdate.model_validate(given, context=FACTS)
    return [(e["loc"], e["type"], dict(e.get("ctx", {}))) for e in refused.value.errors()]


def test_an_update_holds_exactly_the_settings_given() -> None:
    assert read({}) == {}
    assert read({"start": "9.30"}) == {"start_time": time(9, 30)}
    assert read({"coordinator_channel": ""}) == {"coordinator_channel_id": None}
    assert read({"region": "South", "age_band": "older", "liberation_day": "never"}) == {
        "region": "zuid",
        "age_band": "oud",
        "liberation_day": "nooit",
    }
    assert read({"unknown": "x", "verb": "settings.submit"}) == {}


@pytest.mark.parametrize(
    ("given", "columns"),
    [
        ({"opp_cycle_weeks": "elke 6 weken"}, {"opp_cycle_weeks": 6}),
        ({"progress_talk_weeks": "fortnightly"}, {"progress_talk_weeks": 2}),
        ({"contact_pickup_hours": "3 uur"}, {"contact_pickup_hours": 3}),
        ({"signal_mood_drop": "1,5"}, {"signal_mood_drop": 1.5}),
        ({"signal_missing_days": 4}, {"signal_missing_days": 4}),
        ({"good_friday_off": "true"}, {"good_friday_off": True}),
        ({"good_friday_off": "nee"}, {"good_friday_off": False}),
        (
            {"meeting_link": " https://teams.microsoft.com/l/x "},
            {"meeting_link": "https://teams.microsoft.com/l/x"},
        ),
        ({"meeting_link": "geen"}, {"meeting_link": None}),
        ({"behavioural_scientist": " Ada \t Visser "}, {"behavioural_scientist": "Ada Visser"}),
        ({"behavioural_scientist": "-"}, {"behavioural_scientist": None}),
        (
            {"free_days": "1-12, vrijdag; 1-12"},
            {"free_days": [date(2026, 11, 27), date(2026, 12, 1)]},
        ),
        ({"free_days": None}, {"free_days": []}),
    ],
)
def test_each_setting_is_read_from_what_is_typed_or_chosen(
    given: dict[str, Any], columns: dict[str, Any]
) -> None:
    assert read(given) == columns


@pytest.mark.parametrize(
    ("given", "key", "values"),
    [
        ({"start": "25:00"}, "settings.bad_time", {"field": True}),
        ({"close": 1445}, "settings.bad_time", {"field": True}),
        ({"region": "oost"}, "settings.bad_region", {}),
        ({"class_channel": "19:elders@thread.tacv2"}, "settings.bad_channel", {}),
        ({"class_channel": ""}, "settings.bad_channel", {}),
        ({"meeting_link": "javascript:alert(1)"}, "settings.bad_link", {}),
        ({"free_days": "ooit"}, "settings.bad_free_days", {"value": "ooit"}),
        ({"free_days": ["1-12"]}, "settings.bad_free_days", {"value": "?"}),
        ({"opp_cycle_weeks": "elke ² weken"}, "settings.bad_cycle", {}),
        ({"contact_pickup_hours": "17"}, "settings.bad_pickup", {"low": 1, "high": 16}),
        ({"behavioural_scientist": "x" * 201}, "settings.bad_name", {}),
        ({"good_friday_off": "misschien"}, "settings.bad_yes_no", {}),
        ({"signal_mood_drop": "1e309"}, "settings.bad_threshold", {"low": 0.5, "high": 4}),
        ({"signal_low_streak": "1"}, "settings.bad_threshold", {"low": 2, "high": 10}),
    ],
)
def test_what_cannot_be_read_is_refused_with_its_sentence(
    given: dict[str, Any], key: str, values: dict[str, Any]
) -> None:
    ((field,), refusal, ctx), *_ = refusals(given)
    assert (field, refusal, ctx) == (next(iter(given)), key, values)


def test_more_than_sixty_free_days_are_refused() -> None:
    many = ", ".join(f"{day}-{month}-2027" for month in (1, 2, 3) for day in range(1, 22))
    assert refusals({"free_days": many}) == [
        (("free_days",), "settings.too_many_free_days", {"max": 60})
    ]


def test_every_refused_field_is_told_in_the_models_order() -> None:
    found = refusals({"region": "oost", "close": "x", "reminder": "y"})
    assert [loc for loc, _, _ in found] == [("reminder",), ("close",), ("region",)]


def test_the_days_times_are_checked_with_the_teams_other_times() -> None:
    assert refusals({"reminder": "08:00"}) == [
        ((), "settings.order", {"reasons": ["reminder_between"]})
    ]
    assert refusals({"start": "15:00"}) == [
        (
            (),
            "settings.order",
            {"reasons": ["start_before_close", "reminder_between", "mentor_list_between"]},
        )
    ]
    assert read({"start": "07:00", "reminder": "08:00"}) == {
        "start_time": time(7),
        "reminder_time": time(8),
    }


def test_the_stored_settings_are_a_teams_columns_and_what_it_keeps_elsewhere() -> None:
    row = SimpleNamespace(**{name: f"the team's {name}" for name in TeamSettings.model_fields})
    stored = stored_settings(row, free_days=[MONDAY])
    assert stored.region == "the team's region"
    assert stored.start_time == "the team's start_time"  # as stored: not read again
    assert stored.free_days == [MONDAY]


def test_every_setting_has_its_own_words_and_key() -> None:
    fields = setting_fields()
    words = [word for field in fields for word in field.words]
    assert len(words) == len(set(words)), "a word names two settings"
    assert len({field.key for field in fields}) == len(fields)
    assert all(field.words for field in fields)
    dagstart = typed_setting("Dag-Start")
    assert dagstart is not None and dagstart.key == "start"
    assert typed_setting("drempel_checkin") is not None
    assert typed_setting("kleur") is None


def test_the_thresholds_are_the_signal_settings() -> None:
    assert THRESHOLDS == {
        "signal_missing_days": (1, 20),
        "signal_mood_drop": (0.5, 4),
        "signal_low_streak": (2, 10),
        "signal_contact_days": (1, 60),
        "signal_plan_days": (1, 5),
    }
