"""What the pupil's cards turn into once sent: what they said, a kind word, nothing to click."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any, Literal

from microsoft_teams.cards import AdaptiveCard, CardElement, Fact, FactSet, TextBlock

from cards.catalogue import Lang, t
from cards.checkin import energy_word, goal_outcome, mood_word
from cards.common import CARD_VERSION, to_json
from cards.plain import plain
from cards.young import goal_lines, young_face_row
from domain.age import DEFAULT_BAND, AgeBand
from domain.due import LOW_MOOD
from domain.grammar import format_date

# Who reads a low mood today: the pupil's mentor, else someone from school (the coordinators).
Reader = Literal["mentor", "school"]


def followup(mood: int, lang: Lang, reader: Reader | None) -> str:
    """The kind word for a mood; for a low one, who reads it today (only when someone does)."""
    line = t(f"followup.{mood}", lang)
    if mood <= LOW_MOOD and reader is not None:
        line += " " + t(f"followup.reader.{reader}", lang)
    return line


def _card(body: Sequence[CardElement]) -> dict[str, Any]:
    return to_json(AdaptiveCard(version=CARD_VERSION, body=list(body)))


def _top(key: str, day: date, lang: Lang) -> list[CardElement]:
    return [
        TextBlock(text=t(key, lang), size="Medium", weight="Bolder", wrap=True),
        TextBlock(text=format_date(day, lang), is_subtle=True, spacing="None", wrap=True),
    ]


def _mood_part(
    mood: int, feeling: str | None, lang: Lang, band: AgeBand, reader: Reader | None
) -> tuple[list[CardElement], list[Fact]]:
    """The face (youngest) or the mood fact, and the kind word under it."""
    kind = TextBlock(text=followup(mood, lang, reader), wrap=True)
    if band is AgeBand.JONG:
        return [young_face_row(mood, lang), kind], []
    return [kind], [Fact(title=t("checkin.fact.mood", lang), value=mood_word(mood, lang, feeling))]


def checkin_done_card(
    *,
    lang: Lang,
    day: date,
    mood: int,
    energy: int | None,
    goals: Sequence[str],
    wants_contact: bool,
    feeling: str | None = None,
    note_given: bool = False,
    band: AgeBand = DEFAULT_BAND,
    reader: Reader | None = None,
) -> dict[str, Any]:
    """What the day start card turns into once sent."""
    shown, facts = _mood_part(mood, feeling, lang, band, reader)
    if energy is not None:
        facts.append(Fact(title=t("checkin.fact.energy", lang), value=energy_word(energy, lang)))
    facts.append(
        Fact(
            title=t("checkin.fact.contact", lang),
            value=t("checkin.yes" if wants_contact else "checkin.no", lang),
        )
    )
    top = "young.thanks" if band is AgeBand.JONG else "checkin.thanks"
    body = [*_top(top, day, lang), FactSet(facts=facts), *shown]
    if goals:
        body.append(TextBlock(text=t("checkin.fact.goals", lang), weight="Bolder", wrap=True))
        body += goal_lines(goals)
    if note_given:
        body.append(TextBlock(text=t("young.note_received", lang), wrap=True))
    if wants_contact:
        body.append(TextBlock(text=t("checkin.contact_follows", lang), wrap=True))
    return _card(body)


def close_done_card(
    *,
    lang: Lang,
    day: date,
    mood: int,
    goals: Sequence[str],
    goal_status: Sequence[str | None],
    note_given: bool,
    wants_contact: bool = False,
    feeling: str | None = None,
    band: AgeBand = DEFAULT_BAND,
    reader: Reader | None = None,
) -> dict[str, Any]:
    """What the day close card turns into once sent."""
    shown, facts = _mood_part(mood, feeling, lang, band, reader)
    if wants_contact:
        facts.append(Fact(title=t("checkin.fact.contact", lang), value=t("checkin.yes", lang)))
    body = _top("close.thanks", day, lang)
    if facts:
        body.append(FactSet(facts=facts))
    body += shown
    statuses = list(goal_status) + [None] * len(goals)
    if band is AgeBand.JONG:
        done = [goal for i, goal in enumerate(goals) if statuses[i] == "done"]
        if done:
            body.append(TextBlock(text=t("young.done_list", lang), weight="Bolder", wrap=True))
            body += goal_lines(done)
    elif goals:
        body.append(
            FactSet(
                facts=[
                    Fact(title=plain(goal), value=goal_outcome(statuses[i], lang))
                    for i, goal in enumerate(goals)
                ]
            )
        )
    if note_given:
        key = "young.note_received" if band is AgeBand.JONG else "close.note_received"
        body.append(TextBlock(text=t(key, lang), wrap=True))
    if wants_contact:
        body.append(TextBlock(text=t("close.contact_follows", lang), wrap=True))
    return _card(body)
