"""The cards of the school day: the check-in, the close, and their confirmations."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from microsoft_teams.cards import (
    AdaptiveCard,
    CardElement,
    Choice,
    ChoiceSetInput,
    Fact,
    FactSet,
    SubmitAction,
    TextBlock,
    TextInput,
    ToggleInput,
)

from cards.catalogue import Lang, t
from cards.common import CARD_VERSION, to_json
from cards.plain import plain
from domain.age import DEFAULT_BAND, AgeBand
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
GOAL_STATUS: tuple[str, ...] = ("done", "partly", "not")
GOAL_EMOJI = {"done": "✅", "partly": "🌓", "not": "❌"}
MAX_GOALS = 3
GOAL_MAX_CHARS = 100
NOTE_MAX_CHARS = 500


def mood_word(mood: int, lang: Lang) -> str:
    """The emoji and word for a mood value, e.g. "🙂 Goed"."""
    emoji = next((m.emoji for m in MOODS if m.value == mood), "")
    return f"{emoji} {t(f'mood.{mood}', lang)}"


def energy_word(energy: int, lang: Lang) -> str:
    """The emoji and word for an energy level."""
    emoji = next((e for v, e in ENERGY if v == energy), "")
    return f"{emoji} {t(f'energy.{energy}', lang)}"


def _card(body: Sequence[CardElement], actions: Sequence[SubmitAction] = ()) -> dict[str, Any]:
    card = AdaptiveCard(version=CARD_VERSION, body=list(body), actions=list(actions) or None)
    return to_json(card)


def _mood_input(lang: Lang, label_key: str) -> ChoiceSetInput:
    return ChoiceSetInput(
        id="mood",
        label=t(label_key, lang),
        style="expanded",
        is_required=True,
        error_message=t("checkin.mood_required", lang),
        choices=[Choice(title=mood_word(m.value, lang), value=str(m.value)) for m in MOODS],
    )


def _submit(lang: Lang, verb: str, day: date, team_ref: int) -> SubmitAction:
    return SubmitAction(
        title=t("checkin.send", lang),
        data={"verb": verb, "day": day.isoformat(), "team": team_ref},
    )


def _contact_toggle(lang: Lang, key: str) -> ToggleInput:
    return ToggleInput(
        id="contact",
        title=t(key, lang),
        value_on="true",
        value_off="false",
        value="false",
        wrap=True,
    )


def checkin_card(
    *, lang: Lang, first_name: str, day: date, team_ref: int, band: AgeBand = DEFAULT_BAND
) -> dict[str, Any]:
    """The 09:00 card: mood, energy, up to three goals, and whether they want contact."""
    body: list[CardElement] = [
        TextBlock(
            text=t("checkin.title", lang, name=first_name), size="Large", weight="Bolder", wrap=True
        ),
        TextBlock(text=format_date(day, lang), is_subtle=True, spacing="None", wrap=True),
        _mood_input(lang, "checkin.mood_label"),
        ChoiceSetInput(
            id="energy",
            label=t("checkin.energy_label", lang),
            style="expanded",
            choices=[Choice(title=energy_word(v, lang), value=str(v)) for v, _ in ENERGY],
        ),
        TextBlock(text=t("checkin.goals_label", lang), weight="Bolder", wrap=True),
    ]
    for i in range(1, MAX_GOALS + 1):
        body.append(
            TextInput(
                id=f"goal{i}",
                label=t("checkin.goal_label", lang, number=i),
                placeholder=t(f"checkin.goal_placeholder.{i}", lang),
                max_length=GOAL_MAX_CHARS,
            )
        )
    body.append(_contact_toggle(lang, "checkin.contact"))
    body.append(TextBlock(text=t("checkin.readers", lang), is_subtle=True, wrap=True))
    return _card(body, [_submit(lang, "checkin.submit", day, team_ref)])


def checkin_done_card(
    *,
    lang: Lang,
    day: date,
    mood: int,
    energy: int | None,
    goals: Sequence[str],
    wants_contact: bool,
) -> dict[str, Any]:
    """What the day start card turns into once sent: what was sent, and nothing to click."""
    facts = [Fact(title=t("checkin.fact.mood", lang), value=mood_word(mood, lang))]
    if energy is not None:
        facts.append(Fact(title=t("checkin.fact.energy", lang), value=energy_word(energy, lang)))
    facts.append(
        Fact(
            title=t("checkin.fact.contact", lang),
            value=t("checkin.yes" if wants_contact else "checkin.no", lang),
        )
    )
    body: list[CardElement] = [
        TextBlock(text=t("checkin.thanks", lang), size="Medium", weight="Bolder", wrap=True),
        TextBlock(text=format_date(day, lang), is_subtle=True, spacing="None", wrap=True),
        FactSet(facts=facts),
    ]
    if goals:
        body.append(TextBlock(text=t("checkin.fact.goals", lang), weight="Bolder", wrap=True))
        body.extend(TextBlock(text=f"- {plain(goal)}", wrap=True, spacing="None") for goal in goals)
    if wants_contact:
        body.append(TextBlock(text=t("checkin.contact_follows", lang), wrap=True))
    return _card(body)


def close_card(
    *,
    lang: Lang,
    first_name: str,
    day: date,
    team_ref: int,
    goals: Sequence[str],
    band: AgeBand = DEFAULT_BAND,
) -> dict[str, Any]:
    """The 14:45 card: mood, how each morning goal went, an optional note, a wish for contact."""
    body: list[CardElement] = [
        TextBlock(
            text=t("close.title", lang, name=first_name), size="Large", weight="Bolder", wrap=True
        ),
        TextBlock(text=format_date(day, lang), is_subtle=True, spacing="None", wrap=True),
        _mood_input(lang, "close.mood_label"),
    ]
    if goals:
        body.append(TextBlock(text=t("close.goals_label", lang), weight="Bolder", wrap=True))
        for i, goal in enumerate(goals[:MAX_GOALS], start=1):
            body.append(
                ChoiceSetInput(
                    id=f"goal{i}",
                    label=plain(goal),  # an input's label is Markdown too
                    style="expanded",
                    choices=[
                        Choice(title=f"{GOAL_EMOJI[s]} {t(f'close.status.{s}', lang)}", value=s)
                        for s in GOAL_STATUS
                    ],
                )
            )
    else:
        body.append(TextBlock(text=t("close.no_goals", lang), wrap=True, is_subtle=True))
    body.append(
        TextInput(
            id="note",
            label=t("close.note_label", lang),
            placeholder=t("checkin.readers", lang),
            is_multiline=True,
            max_length=NOTE_MAX_CHARS,
        )
    )
    body.append(_contact_toggle(lang, "close.contact"))
    return _card(body, [_submit(lang, "close.submit", day, team_ref)])


def close_done_card(
    *,
    lang: Lang,
    day: date,
    mood: int,
    goals: Sequence[str],
    goal_status: Sequence[str | None],
    note_given: bool,
    wants_contact: bool = False,
) -> dict[str, Any]:
    """What the day close card turns into once sent."""
    facts = [Fact(title=t("checkin.fact.mood", lang), value=mood_word(mood, lang))]
    if wants_contact:
        facts.append(Fact(title=t("checkin.fact.contact", lang), value=t("checkin.yes", lang)))
    body: list[CardElement] = [
        TextBlock(text=t("close.thanks", lang), size="Medium", weight="Bolder", wrap=True),
        TextBlock(text=format_date(day, lang), is_subtle=True, spacing="None", wrap=True),
        FactSet(facts=facts),
    ]
    if goals:
        facts = []
        for i, goal in enumerate(goals):
            status = goal_status[i] if i < len(goal_status) else None
            shown = (
                f"{GOAL_EMOJI[status]} {t(f'close.status.{status}', lang)}"
                if status in GOAL_EMOJI
                else t("close.status.none", lang)
            )
            facts.append(Fact(title=plain(goal), value=shown))
        body.append(FactSet(facts=facts))
    if note_given:
        body.append(TextBlock(text=t("close.note_received", lang), wrap=True))
    if wants_contact:
        body.append(TextBlock(text=t("close.contact_follows", lang), wrap=True))
    return _card(body)


def expired_card(*, lang: Lang, day: date) -> dict[str, Any]:
    """What a card from an earlier day turns into when someone still sends it."""
    return _card(
        [
            TextBlock(text=t("checkin.expired", lang), weight="Bolder", wrap=True),
            TextBlock(text=format_date(day, lang), is_subtle=True, wrap=True),
        ]
    )
