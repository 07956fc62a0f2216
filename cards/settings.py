"""The coordinator's settings card: the team's rhythm, calendar, channels and thresholds."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, time
from typing import Any

from microsoft_teams.cards import (
    AdaptiveCard,
    CardElement,
    Choice,
    ChoiceSetInput,
    NumberInput,
    SubmitAction,
    TextBlock,
    TextInput,
    TimeInput,
    ToggleInput,
)

from cards.catalogue import Lang, t
from cards.common import CARD_VERSION, to_json
from domain.age import DEFAULT_BAND, AgeBand
from domain.alerts import PICKUP_HOURS
from domain.grammar import format_time
from domain.progress import DEFAULT_TALK_WEEKS, TALK_WEEKS
from domain.words import REGION_NAMES


@dataclass(frozen=True)
class SettingsView:
    """A team's settings as the card shows them."""

    start: time
    close: time
    reminder: time
    mentor_list: time
    region: str
    class_channel_id: str | None
    coordinator_channel_id: str | None
    meeting_link: str | None
    free_days: Sequence[date]
    liberation_day: str
    good_friday_off: bool
    opp_cycle_weeks: int = 8
    behavioural_scientist: str | None = None
    contact_pickup_hours: int = 2
    progress_talk_weeks: int = DEFAULT_TALK_WEEKS
    age_band: str = DEFAULT_BAND.value


def _number(lang: Lang, field: str, value: int, bounds: tuple[int, int]) -> NumberInput:
    """A required whole number between `bounds`, saying so when it is missing."""
    low, high = bounds
    return NumberInput(
        id=field,
        label=t(f"settings.field.{field}", lang),
        value=value,
        min=low,
        max=high,
        is_required=True,
        error_message=t("settings.required_number", lang, low=low, high=high),
    )


def settings_card(
    *, lang: Lang, values: SettingsView, channels: Sequence[tuple[str, str]], team_ref: int
) -> dict[str, Any]:
    """The coordinator's settings card."""
    channel_choices = [Choice(title=name, value=cid) for cid, name in channels]
    body: list[CardElement] = [
        TextBlock(text=t("settings.title", lang), size="Large", weight="Bolder", wrap=True),
        *(
            TimeInput(
                id=field,
                label=t(f"settings.field.{field}", lang),
                value=format_time(getattr(values, field)),
                is_required=True,
                error_message=t("settings.required", lang),
            )
            for field in ("start", "reminder", "mentor_list", "close")
        ),
        ChoiceSetInput(
            id="region",
            label=t("settings.field.region", lang),
            value=values.region,
            is_required=True,
            error_message=t("settings.required", lang),
            choices=[
                Choice(title=name.capitalize(), value=region)
                for region, name in REGION_NAMES[lang].items()
            ],
        ),
        ChoiceSetInput(
            id="class_channel",
            label=t("settings.field.class_channel", lang),
            value=values.class_channel_id,
            is_required=True,
            error_message=t("settings.required", lang),
            choices=channel_choices,
        ),
        ChoiceSetInput(
            id="coordinator_channel",
            label=t("settings.field.coordinator_channel", lang),
            value=values.coordinator_channel_id,
            placeholder=t("settings.none", lang),
            choices=channel_choices,
        ),
        TextInput(
            id="meeting_link",
            label=t("settings.field.meeting_link", lang),
            value=values.meeting_link,
            placeholder="https://teams.microsoft.com/l/meetup-join/…",
            style="Url",
            max_length=1000,
        ),
        TextInput(
            id="free_days",
            label=t("settings.field.free_days", lang),
            value=", ".join(d.strftime("%d-%m-%Y") for d in values.free_days) or None,
            placeholder="12-03-2027, 13-03-2027",
            max_length=1000,
        ),
        ChoiceSetInput(
            id="liberation_day",
            label=t("settings.field.liberation_day", lang),
            value=values.liberation_day,
            is_required=True,
            error_message=t("settings.required", lang),
            choices=[
                Choice(title=t(f"settings.liberation.{v}", lang), value=v)
                for v in ("lustrum", "altijd", "nooit")
            ],
        ),
        ChoiceSetInput(
            id="age_band",
            label=t("settings.field.age_band", lang),
            value=values.age_band,
            is_required=True,
            error_message=t("settings.required", lang),
            choices=[
                Choice(title=t(f"band.about.{b.value}", lang), value=b.value) for b in AgeBand
            ],
        ),
        _number(lang, "opp_cycle_weeks", values.opp_cycle_weeks, (1, 52)),
        _number(lang, "progress_talk_weeks", values.progress_talk_weeks, TALK_WEEKS),
        _number(lang, "contact_pickup_hours", values.contact_pickup_hours, PICKUP_HOURS),
        TextInput(
            id="behavioural_scientist",
            label=t("settings.field.behavioural_scientist", lang),
            value=values.behavioural_scientist,
            max_length=200,
        ),
        ToggleInput(
            id="good_friday_off",
            title=t("settings.field.good_friday_off", lang),
            value="true" if values.good_friday_off else "false",
            value_on="true",
            value_off="false",
            wrap=True,
        ),
    ]
    save = SubmitAction(
        title=t("settings.save", lang), data={"verb": "settings.submit", "team": team_ref}
    )
    return to_json(AdaptiveCard(version=CARD_VERSION, body=body, actions=[save]))
