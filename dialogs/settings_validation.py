"""What a coordinator gives for the team's settings, read into an update or refused.

The settings card and an `instellingen <veld> <waarde>` line both give values by setting key;
`read_update` reads them with the settings model's own readers and rules (domain/team_settings.py)
and says each refusal in the coordinator's language: one sentence per bad field, so nothing is
applied unless every field is right. Pure apart from the catalogue: no session, no turn.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from pydantic import ValidationError
from pydantic_core import ErrorDetails

from cards.catalogue import Lang, t
from domain.team_settings import SettingsFacts, SettingsUpdate
from storage.models import Team


@dataclass(frozen=True)
class Checked:
    """The settings to change, or (update None) the sentences that refuse them."""

    update: SettingsUpdate | None
    problems: list[str]


def channel_choices(team: Team, lang: Lang) -> list[tuple[str, str]]:
    """(id, name) of the team's channels; General has no name in Teams, so we give it one."""
    known = [(c["id"], c.get("name") or t("settings.general", lang)) for c in team.channels or []]
    if not any(cid == team.general_channel_id for cid, _ in known):
        known.insert(0, (team.general_channel_id, t("settings.general", lang)))
    return known


def read_update(given: Mapping[str, object], *, facts: SettingsFacts, lang: Lang) -> Checked:
    """The update `given` (values by setting key) asks for, or why it is refused."""
    try:
        return Checked(SettingsUpdate.model_validate(given, context=facts), [])
    except ValidationError as refused:
        errors = refused.errors()
    wrong = {error["loc"][0] for error in errors if error["loc"]}
    if wrong:  # the rules between fields are checked with the fields that are right
        right = {key: value for key, value in given.items() if key not in wrong}
        try:
            SettingsUpdate.model_validate(right, context=facts)
        except ValidationError as refused:
            errors += refused.errors()
    return Checked(None, [sentence for error in errors for sentence in _said(error, lang)])


def _said(error: ErrorDetails, lang: Lang) -> list[str]:
    """A refusal as the coordinator reads it (see `domain.setting_readers.refused`)."""
    key, params = error["type"], dict(error.get("ctx", {}))
    reasons = params.pop("reasons", None)
    if reasons is not None:
        return [t(f"{key}.{reason}", lang) for reason in reasons]
    if "field" in params:
        params["field"] = t(f"settings.field.{error['loc'][0]}", lang)
    return [t(key, lang, **params)]
