"""The cards of the school day: check-in, close, their confirmations, the mentor list, settings."""

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
    Fact,
    FactSet,
    NumberInput,
    SubmitAction,
    TextBlock,
    TextInput,
    TimeInput,
    ToggleInput,
)

from cards.catalogue import Lang, t
from cards.common import CARD_VERSION, to_json
from domain.grammar import format_date, format_time


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


def checkin_card(*, lang: Lang, first_name: str, day: date, team_ref: int) -> dict[str, Any]:
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
    body.append(
        ToggleInput(
            id="contact",
            title=t("checkin.contact", lang),
            value_on="true",
            value_off="false",
            value="false",
            wrap=True,
        )
    )
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
        body.extend(TextBlock(text=f"- {goal}", wrap=True, spacing="None") for goal in goals)
    if wants_contact:
        body.append(TextBlock(text=t("checkin.contact_follows", lang), wrap=True))
    return _card(body)


def close_card(
    *, lang: Lang, first_name: str, day: date, team_ref: int, goals: Sequence[str]
) -> dict[str, Any]:
    """The 14:45 card: mood, how each morning goal went, and an optional note."""
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
                    label=goal,
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
            placeholder=t("close.note_placeholder", lang),
            is_multiline=True,
            max_length=NOTE_MAX_CHARS,
        )
    )
    return _card(body, [_submit(lang, "close.submit", day, team_ref)])


def close_done_card(
    *,
    lang: Lang,
    day: date,
    mood: int,
    goals: Sequence[str],
    goal_status: Sequence[str | None],
    note_given: bool,
) -> dict[str, Any]:
    """What the day close card turns into once sent."""
    body: list[CardElement] = [
        TextBlock(text=t("close.thanks", lang), size="Medium", weight="Bolder", wrap=True),
        TextBlock(text=format_date(day, lang), is_subtle=True, spacing="None", wrap=True),
        FactSet(facts=[Fact(title=t("checkin.fact.mood", lang), value=mood_word(mood, lang))]),
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
            facts.append(Fact(title=goal, value=shown))
        body.append(FactSet(facts=facts))
    if note_given:
        body.append(TextBlock(text=t("close.note_received", lang), wrap=True))
    return _card(body)


def expired_card(*, lang: Lang, day: date) -> dict[str, Any]:
    """What a card from an earlier day turns into when someone still sends it."""
    return _card(
        [
            TextBlock(text=t("checkin.expired", lang), weight="Bolder", wrap=True),
            TextBlock(text=format_date(day, lang), is_subtle=True, wrap=True),
        ]
    )


def mentor_missing_card(*, lang: Lang, names: Sequence[str]) -> dict[str, Any]:
    """The mentor's morning list of pupils who have not checked in yet."""
    body: list[CardElement] = [
        TextBlock(
            text=t("rhythm.mentor_missing.title", lang, count=len(names)),
            weight="Bolder",
            wrap=True,
        )
    ]
    body.extend(TextBlock(text=f"- {name}", wrap=True, spacing="None") for name in names)
    body.append(TextBlock(text=t("rhythm.mentor_missing.hint", lang), wrap=True, is_subtle=True))
    return _card(body)


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
            )
            for field in ("start", "reminder", "mentor_list", "close")
        ),
        ChoiceSetInput(
            id="region",
            label=t("settings.field.region", lang),
            value=values.region,
            is_required=True,
            choices=[Choice(title=r.capitalize(), value=r) for r in ("noord", "midden", "zuid")],
        ),
        ChoiceSetInput(
            id="class_channel",
            label=t("settings.field.class_channel", lang),
            value=values.class_channel_id,
            is_required=True,
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
            choices=[
                Choice(title=t(f"settings.liberation.{v}", lang), value=v)
                for v in ("lustrum", "altijd", "nooit")
            ],
        ),
        NumberInput(
            id="opp_cycle_weeks",
            label=t("settings.field.opp_cycle_weeks", lang),
            value=values.opp_cycle_weeks,
            min=1,
            max=52,
            is_required=True,
        ),
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
    return _card(body, [save])
