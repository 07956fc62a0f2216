"""Alerts about a pupil, and what a mentor can do with one: pick it up, log the contact, look."""

from __future__ import annotations

import copy
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Literal

from microsoft_teams.cards import AdaptiveCard, CardElement, Fact, FactSet, SubmitAction, TextBlock

from cards.answers import CardAnswer, Id
from cards.catalogue import Lang, t
from cards.checkin import GOAL_EMOJI, mood_word
from cards.common import CARD_VERSION, command_button, to_json
from cards.plain import plain

PICK_UP = "alert.pickup"
LOG_CONTACT = "alert.log"
ALERT_CONTACT = "alert.contact"  # the contact card opened from an alert was saved


class AlertAnswer(CardAnswer):
    """*Ik pak het op* or *Contact loggen* under an alert: the alert it is about."""

    alert: Id


def alert_actions(*, lang: Lang, team_id: int, alert_id: int, pupil_id: int) -> list[SubmitAction]:
    """The three buttons under every alert: *Ik pak het op*, *Contact loggen*, *Bekijk*."""
    return [
        SubmitAction(
            title=t("alert.pick_up", lang),
            data=AlertAnswer(verb=PICK_UP, team=team_id, alert=alert_id).button_data(),
            style="positive",
        ),
        SubmitAction(
            title=t("alert.log_contact", lang),
            data=AlertAnswer(verb=LOG_CONTACT, team=team_id, alert=alert_id).button_data(),
        ),
        command_button(t("alert.view", lang), f"leerling #{pupil_id}", team_ref=team_id),
    ]


@dataclass(frozen=True)
class AlertView:
    """What an alert card tells about a pupil; the words are the pupil's own."""

    pupil: str
    moment: Literal["start", "close"] | None = None  # None: not from a check-in
    mood: int | None = None
    feeling: str | None = None  # the named feeling that came with the mood
    wants_contact: bool = False
    goals: Sequence[str] = ()
    goal_status: Sequence[str | None] = ()  # the day close only
    note: str | None = None
    waited_hours: int | None = None  # set when it goes to the coordinators, not picked up


def _status(status: str | None, lang: Lang) -> str:
    if status in GOAL_EMOJI:
        return f"{GOAL_EMOJI[status]} {t(f'close.status.{status}', lang)}"
    return t("close.status.none", lang)


def alert_card(
    *, lang: Lang, view: AlertView, team_id: int, alert_id: int, pupil_id: int
) -> dict[str, Any]:
    """One card per check-in that needs attention: mood, the wish, the goals and the note."""
    title = t(f"alert.title.{view.moment or 'other'}", lang, name=view.pupil)
    body: list[CardElement] = [TextBlock(text=title, size="Medium", weight="Bolder", wrap=True)]
    if view.waited_hours is not None:
        key = "alert.escalated.one" if view.waited_hours == 1 else "alert.escalated.many"
        body.append(
            TextBlock(text=t(key, lang, hours=view.waited_hours), color="Attention", wrap=True)
        )
    facts: list[Fact] = []
    if view.mood is not None:
        facts.append(
            Fact(title=t("checkin.fact.mood", lang), value=mood_word(view.mood, lang, view.feeling))
        )
    facts.append(
        Fact(
            title=t("alert.fact.contact", lang),
            value=t("alert.wants_contact" if view.wants_contact else "checkin.no", lang),
        )
    )
    if view.moment == "start" and view.goals:
        facts.append(Fact(title=t("alert.fact.plan", lang), value=plain("; ".join(view.goals))))
    body.append(FactSet(facts=facts))
    if view.moment == "close" and view.goals:
        body.append(TextBlock(text=t("alert.goals", lang), weight="Bolder", wrap=True))
        statuses = list(view.goal_status) + [None] * len(view.goals)
        body.append(
            FactSet(
                facts=[
                    Fact(title=plain(goal), value=_status(statuses[i], lang))
                    for i, goal in enumerate(view.goals)
                ]
            )
        )
    if view.note:
        body.append(TextBlock(text=t("alert.note", lang), weight="Bolder", wrap=True))
        body.append(TextBlock(text=plain(view.note), wrap=True, spacing="None"))
    actions = alert_actions(lang=lang, team_id=team_id, alert_id=alert_id, pupil_id=pupil_id)
    return to_json(AdaptiveCard(version=CARD_VERSION, body=body, actions=actions))


def is_alert_card(card: dict[str, Any], alert_id: int) -> bool:
    """Whether a card is the alert card of this alert (its buttons name it)."""
    return any(
        isinstance(action, dict)
        and isinstance(action.get("data"), dict)
        and action["data"].get("verb") in (PICK_UP, LOG_CONTACT)
        and action["data"].get("alert") == alert_id
        for action in card.get("actions") or []
    )


def picked_up_card(card: dict[str, Any], *, line: str) -> dict[str, Any]:
    """An alert card as it was sent, with its pick-up button replaced by who picked it up."""
    shown = copy.deepcopy(card)
    shown["actions"] = [
        action
        for action in shown.get("actions") or []
        if not (isinstance(action, dict) and (action.get("data") or {}).get("verb") == PICK_UP)
    ]
    if not shown["actions"]:
        del shown["actions"]
    shown.setdefault("body", []).append(
        to_json_element(TextBlock(text=line, weight="Bolder", color="Good", wrap=True))
    )
    return shown


def to_json_element(element: CardElement) -> dict[str, Any]:
    """One card element as Adaptive Card JSON."""
    data: dict[str, Any] = element.model_dump(by_alias=True, exclude_none=True)
    return data
