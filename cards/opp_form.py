"""The form that records an OPP evaluation, on a nudge and under a pupil's history, and what
it sends back: the day, who took part, a note."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Annotated

from microsoft_teams.cards import (
    AdaptiveCard,
    Choice,
    ChoiceSetInput,
    DateInput,
    ShowCardAction,
    SubmitAction,
    TextInput,
)
from pydantic import BeforeValidator

from cards.answers import CardAnswer, Id, IsoDate, Nonce, typed_text
from cards.catalogue import Lang, t
from cards.common import CARD_VERSION
from domain.opp import MAX_NOTE, PARTICIPANTS

RECORD = "opp.record"  # the evaluation form on a nudge or a history card was sent


def participant_name(role: str, lang: Lang) -> str:
    """A participant role as people read it."""
    return t(f"opp.participant.{role}", lang)


def _participants(value: object) -> tuple[str, ...]:
    """Who took part, as the multi-select sends them ("ouders,mentor"); none when left empty."""
    if not value:
        return ()
    if not isinstance(value, str):
        raise ValueError("participants")
    chosen = tuple(p for p in value.split(",") if p)
    if any(p not in PARTICIPANTS for p in chosen):
        raise ValueError("participants")
    return chosen


class EvaluationForm(CardAnswer):
    """The form that records an OPP evaluation: the pupil and the form's key (set by the card),
    and the day, who took part and a note. A day left empty is None; the flow needs one."""

    pupil: Id
    nonce: Nonce
    day: IsoDate = None
    participants: Annotated[tuple[str, ...], BeforeValidator(_participants)] = ()
    note: Annotated[str | None, typed_text(MAX_NOTE)] = None


def record_action(
    lang: Lang, pupil_id: int, team_ref: int, nonce: str, participants: Sequence[str]
) -> ShowCardAction:
    """A button that unfolds the form to record an evaluation."""
    answer = EvaluationForm(verb=RECORD, team=team_ref, pupil=pupil_id, nonce=nonce)
    form = AdaptiveCard(
        version=CARD_VERSION,
        body=[  # each input named after the EvaluationForm field it fills
            DateInput(
                id="day",
                label=t("opp.form.day", lang),
                is_required=True,
                error_message=t("opp.form.day_required", lang),
            ),
            ChoiceSetInput(
                id="participants",
                label=t("opp.form.participants", lang),
                is_multi_select=True,
                style="expanded",
                value=",".join(participants),
                choices=[Choice(title=participant_name(p, lang), value=p) for p in PARTICIPANTS],
            ),
            TextInput(
                id="note", label=t("opp.form.note", lang), is_multiline=True, max_length=MAX_NOTE
            ),
        ],
        actions=[SubmitAction(title=t("opp.form.save", lang), data=answer.button_data())],
    )
    return ShowCardAction(title=t("opp.form.open", lang), card=form)
