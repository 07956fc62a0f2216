"""The coordinator's settings card and summary, made from the settings model's fields.

Each setting with an input (`Setting.card`, domain/team_settings.py) gets one on the card, in
the model's order, with the setting's key as its id and `settings.field.<key>` as its label; the
summary fills each setting's `{key}` in `settings.summary`.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date
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
from pydantic import ConfigDict

from cards.answers import CardAnswer
from cards.catalogue import Lang, t
from cards.common import CARD_VERSION, to_json
from domain.grammar import format_time
from domain.setting_inputs import Channel, Days, EveryWeeks, Number, OneOf, Text, WallClock, YesNo
from domain.team_settings import SettingField, TeamSettings, setting_fields
from domain.words import in_sentence

SUBMIT = "settings.submit"


class SettingsAnswer(CardAnswer):
    """What the settings card sends: each input under its setting's key, as the card left it.

    The handler reads them into a `SettingsUpdate`: its readers need the team's channels and
    today's date, and each refused setting is told by its own sentence, all of them at once.
    """

    model_config = ConfigDict(extra="allow")

    def given(self) -> dict[str, object]:
        """The inputs sent, by key."""
        return dict(self.model_extra or {})


def every_weeks(weeks: int, lang: Lang) -> str:
    """ "elke week", "elke 2 weken"."""
    if weeks == 1:
        return t("progress.every.one", lang)
    return t("progress.every.many", lang, weeks=weeks)


def _days(days: Sequence[date]) -> str:
    return ", ".join(d.strftime("%d-%m-%Y") for d in days)


def settings_card(
    *, lang: Lang, values: TeamSettings, channels: Sequence[tuple[str, str]], team_ref: int
) -> dict[str, Any]:
    """The coordinator's settings card."""
    channel_choices = [Choice(title=name, value=cid) for cid, name in channels]
    body: list[CardElement] = [
        TextBlock(text=t("settings.title", lang), size="Large", weight="Bolder", wrap=True),
        *(
            _input(field, getattr(values, field.name), lang, channel_choices)
            for field in setting_fields()
            if field.card is not None
        ),
    ]
    save = SubmitAction(
        title=t("settings.save", lang),
        data=SettingsAnswer(verb=SUBMIT, team=team_ref).button_data(),
    )
    return to_json(AdaptiveCard(version=CARD_VERSION, body=body, actions=[save]))


def _input(field: SettingField, value: Any, lang: Lang, channels: list[Choice]) -> CardElement:
    """The card's input for one setting, with the setting's key as its id."""
    key, label = field.key, t(f"settings.field.{field.key}", lang)
    match field.card:
        case WallClock():
            shown = format_time(value)
            required = t("settings.required", lang)
            return TimeInput(
                id=key, label=label, value=shown, is_required=True, error_message=required
            )
        case OneOf(titles=titles):
            choices = [Choice(title=t(f"{titles}.{v}", lang), value=v) for v in field.choices]
            return _choice(key, label, value, choices, lang, required=True)
        case Channel(required=required):
            return _choice(key, label, value, channels, lang, required=required)
        case Number(low=low, high=high):
            return _number(key, label, value, (low, high), lang)
        case Text(max_length=most, placeholder=placeholder, url=url):
            style = "Url" if url else None
            return TextInput(
                id=key,
                label=label,
                value=value,
                placeholder=placeholder,
                style=style,
                max_length=most,
            )
        case Days(max_length=most, placeholder=placeholder):
            days = _days(value) or None
            return TextInput(
                id=key, label=label, value=days, placeholder=placeholder, max_length=most
            )
        case YesNo():
            on = "true" if value else "false"
            return ToggleInput(
                id=key, title=label, value=on, value_on="true", value_off="false", wrap=True
            )
    raise ValueError(f"setting {key!r} has no input on the card")


def _choice(
    key: str, label: str, value: str | None, choices: list[Choice], lang: Lang, *, required: bool
) -> ChoiceSetInput:
    """A choice that must be made, or one that may be left empty ("Geen")."""
    if required:
        return ChoiceSetInput(
            id=key,
            label=label,
            value=value,
            is_required=True,
            error_message=t("settings.required", lang),
            choices=choices,
        )
    none = t("settings.none", lang)
    return ChoiceSetInput(id=key, label=label, value=value, placeholder=none, choices=choices)


def _number(key: str, label: str, value: int, bounds: tuple[int, int], lang: Lang) -> NumberInput:
    """A required whole number between `bounds`, saying so when it is missing."""
    low, high = bounds
    return NumberInput(
        id=key,
        label=label,
        value=value,
        min=low,
        max=high,
        is_required=True,
        error_message=t("settings.required_number", lang, low=low, high=high),
    )


def settings_summary(
    *, lang: Lang, values: TeamSettings, channels: Sequence[tuple[str, str]]
) -> str:
    """The current settings in a few lines."""
    names = dict(channels)
    shown = {
        field.key: _shown(field, getattr(values, field.name), lang, names)
        for field in setting_fields()
    }
    return t("settings.summary", lang, **shown)


def _shown(field: SettingField, value: Any, lang: Lang, channels: Mapping[str, str]) -> object:
    """One setting as the summary says it."""
    match field.card:
        case WallClock():
            return format_time(value)
        case OneOf(names=str(names)):
            return t(f"{names}.{value}", lang)
        case OneOf(titles=titles):
            return in_sentence(t(f"{titles}.{value}", lang))
        case Channel(required=required):
            return channels.get(value or "", "?" if required else "—")
        case EveryWeeks():
            return every_weeks(value, lang)
        case Days():
            return _days(value) or "—"
    if isinstance(value, float):
        return f"{value:g}"
    return "—" if value in (None, "") else value
