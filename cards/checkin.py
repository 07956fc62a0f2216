"""The cards of the school day: the check-in, the close, and their confirmations."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from microsoft_teams.cards import (
    ActionSet,
    AdaptiveCard,
    CardElement,
    Choice,
    ChoiceSetInput,
    Container,
    SubmitAction,
    TextBlock,
    TextInput,
    ToggleInput,
    ToggleVisibilityAction,
)

from cards.catalogue import Lang, t
from cards.checkin_answers import (
    CHECKIN_SUBMIT,
    CLOSE_SUBMIT,
    CONTACT_INPUT,
    ENERGY_INPUT,
    FEELING_INPUT,
    GOAL_INPUTS,
    GOAL_MAX_CHARS,
    GOAL_STATUS,
    MAX_GOALS,
    MOOD_INPUT,
    NOTE_INPUT,
    NOTE_MAX_CHARS,
    DayCloseAnswer,
    DayStartAnswer,
)
from cards.common import CARD_VERSION, to_json
from cards.plain import plain
from cards.young import young_checkin_card, young_close_card
from domain.age import DEFAULT_BAND, AgeBand
from domain.feelings import feelings_for
from domain.grammar import format_date


@dataclass(frozen=True)
class Mood:
    """One answer to "how do you feel": value 1 (bad) to 5 (great)."""

    value: int
    emoji: str


MOODS: tuple[Mood, ...] = (
    Mood(5, "😄"),
    Mood(4, "🙂"),
    Mood(3, "😐"),
    Mood(2, "🙁"),
    Mood(1, "😢"),
)
ENERGY: tuple[tuple[int, str], ...] = ((3, "⚡"), (2, "🔋"), (1, "🪫"))
GOAL_EMOJI = {"done": "✅", "partly": "🌓", "not": "🌱"}  # not yet: still growing


MORE_GOALS = "moreGoals"
ENERGY_BOX = "energyBox"
NOTE_BOX = "noteBox"


def mood_word(mood: int, lang: Lang, feeling: str | None = None) -> str:
    """The emoji and word for a mood value, and the named feeling: "🙂 Goed · trots"."""
    emoji = next((m.emoji for m in MOODS if m.value == mood), "")
    shown = f"{emoji} {t(f'mood.{mood}', lang)}"
    if feeling:
        shown += f" · {feeling_word(feeling, lang)}"
    return shown


def feeling_word(feeling: str, lang: Lang) -> str:
    """A named feeling in the reader's language."""
    return t(f"feeling.{feeling}", lang)


def energy_word(energy: int, lang: Lang) -> str:
    """The emoji and word for an energy level."""
    emoji = next((e for v, e in ENERGY if v == energy), "")
    return f"{emoji} {t(f'energy.{energy}', lang)}"


def _card(body: Sequence[CardElement], actions: Sequence[SubmitAction] = ()) -> dict[str, Any]:
    card = AdaptiveCard(version=CARD_VERSION, body=list(body), actions=list(actions) or None)
    return to_json(card)


def _mood_input(lang: Lang, label_key: str) -> ChoiceSetInput:
    return ChoiceSetInput(
        id=MOOD_INPUT,
        label=t(label_key, lang),
        style="expanded",
        is_required=True,
        error_message=t("checkin.mood_required", lang),
        choices=[Choice(title=mood_word(m.value, lang), value=str(m.value)) for m in MOODS],
    )


def _feeling_input(lang: Lang, band: AgeBand) -> ChoiceSetInput:
    """The optional named feeling after the mood: one line, a list of the band's words."""
    return ChoiceSetInput(
        id=FEELING_INPUT,
        label=t("checkin.feeling_label", lang),
        style="compact",
        placeholder=t("checkin.feeling_placeholder", lang),
        choices=[Choice(title=feeling_word(f, lang), value=f) for f in feelings_for(band)],
    )


def _submit(lang: Lang, data: dict[str, Any]) -> SubmitAction:
    return SubmitAction(title=t("checkin.send", lang), style="positive", data=data)


def _contact_toggle(lang: Lang, key: str) -> ToggleInput:
    return ToggleInput(
        id=CONTACT_INPUT,
        title=t(key, lang),
        value_on="true",
        value_off="false",
        value="false",
        wrap=True,
    )


def _toggles(*buttons: tuple[str, str]) -> ActionSet:
    """Buttons that show or hide a folded section: (title, id of the section)."""
    return ActionSet(
        actions=[
            ToggleVisibilityAction(title=title, target_elements=[target])
            for title, target in buttons
        ]
    )


def _goal_input(lang: Lang, band: AgeBand, number: int, label: str) -> TextInput:
    return TextInput(
        id=GOAL_INPUTS[number - 1],
        label=label,
        placeholder=t(f"checkin.goal_placeholder.{band.value}.{number}", lang),
        max_length=GOAL_MAX_CHARS,
    )


def checkin_card(
    *, lang: Lang, first_name: str, day: date, team_ref: int, band: AgeBand = DEFAULT_BAND
) -> dict[str, Any]:
    """The 09:00 card: the mood in one tap, then a named feeling, a goal (two more and the
    energy folded away) and a wish for contact; the youngest get faces and pictures."""
    if band is AgeBand.JONG:
        return young_checkin_card(lang=lang, first_name=first_name, day=day, team_ref=team_ref)
    more = [
        _goal_input(lang, band, i, t("checkin.goal_label", lang, number=i))
        for i in range(2, MAX_GOALS + 1)
    ]
    body: list[CardElement] = [
        TextBlock(
            text=t("checkin.title", lang, name=first_name), size="Large", weight="Bolder", wrap=True
        ),
        TextBlock(text=format_date(day, lang), is_subtle=True, spacing="None", wrap=True),
        _mood_input(lang, "checkin.mood_label"),
        _feeling_input(lang, band),
        _goal_input(lang, band, 1, t("checkin.goals_label", lang)),
        Container(id=MORE_GOALS, is_visible=False, items=list(more)),
        Container(
            id=ENERGY_BOX,
            is_visible=False,
            items=[
                ChoiceSetInput(
                    id=ENERGY_INPUT,
                    label=t("checkin.energy_label", lang),
                    style="expanded",
                    choices=[Choice(title=energy_word(v, lang), value=str(v)) for v, _ in ENERGY],
                )
            ],
        ),
        _toggles(
            (t("checkin.more_goals", lang), MORE_GOALS),
            (t("checkin.show_energy", lang), ENERGY_BOX),
        ),
        _contact_toggle(lang, "checkin.contact"),
        TextBlock(text=t("checkin.readers", lang), is_subtle=True, wrap=True),
    ]
    send = DayStartAnswer.button(verb=CHECKIN_SUBMIT, day=day, team=team_ref)
    return _card(body, [_submit(lang, send)])


def goal_status_title(status: str, lang: Lang) -> str:
    """A goal's outcome with its emoji, e.g. "🌱 Nog niet"."""
    return f"{GOAL_EMOJI[status]} {t(f'close.status.{status}', lang)}"


def goal_outcome(status: str | None, lang: Lang) -> str:
    """A stored goal status as shown: its outcome, or "niet ingevuld"."""
    if status is not None and status in GOAL_EMOJI:
        return goal_status_title(status, lang)
    return t("close.status.none", lang)


def _goal_outcomes(goals: Sequence[str], lang: Lang) -> list[CardElement]:
    """How each morning goal went, one tap each; or that there were none (that's fine)."""
    if not goals:
        return [TextBlock(text=t("close.no_goals", lang), wrap=True, is_subtle=True)]
    found: list[CardElement] = [
        TextBlock(text=t("close.goals_label", lang), weight="Bolder", wrap=True)
    ]
    for i, goal in enumerate(goals[:MAX_GOALS], start=1):
        found.append(
            ChoiceSetInput(
                id=GOAL_INPUTS[i - 1],
                label=plain(goal),  # an input's label is Markdown too
                style="expanded",
                choices=[Choice(title=goal_status_title(s, lang), value=s) for s in GOAL_STATUS],
            )
        )
    return found


def close_card(
    *,
    lang: Lang,
    first_name: str,
    day: date,
    team_ref: int,
    goals: Sequence[str],
    band: AgeBand = DEFAULT_BAND,
) -> dict[str, Any]:
    """The 14:45 card: mood and named feeling, how each morning goal went, a folded note for the
    mentor and a wish for contact; the youngest get faces and pictures."""
    if band is AgeBand.JONG:
        return young_close_card(
            lang=lang, first_name=first_name, day=day, team_ref=team_ref, goals=goals
        )
    body: list[CardElement] = [
        TextBlock(
            text=t("close.title", lang, name=first_name), size="Large", weight="Bolder", wrap=True
        ),
        TextBlock(text=format_date(day, lang), is_subtle=True, spacing="None", wrap=True),
        _mood_input(lang, "close.mood_label"),
        _feeling_input(lang, band),
    ]
    body += _goal_outcomes(goals, lang)
    note = TextInput(
        id=NOTE_INPUT,
        label=t("close.note_label", lang),
        placeholder=t("checkin.readers", lang),
        is_multiline=True,
        max_length=NOTE_MAX_CHARS,
    )
    body += [
        Container(
            id=NOTE_BOX,
            is_visible=False,
            items=[note, TextBlock(text=t("checkin.readers", lang), is_subtle=True, wrap=True)],
        ),
        _toggles((t("close.show_note", lang), NOTE_BOX)),
        _contact_toggle(lang, "close.contact"),
    ]
    send = DayCloseAnswer.button(verb=CLOSE_SUBMIT, day=day, team=team_ref)
    return _card(body, [_submit(lang, send)])


def expired_card(*, lang: Lang, day: date) -> dict[str, Any]:
    """What a card from an earlier day turns into when someone still sends it."""
    return _card(
        [
            TextBlock(text=t("checkin.expired", lang), weight="Bolder", wrap=True),
            TextBlock(text=format_date(day, lang), is_subtle=True, wrap=True),
        ]
    )
