"""The pupil's side of the day: answering the day start and day close cards."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from cards.catalogue import Lang, t
from cards.rhythm import (
    GOAL_MAX_CHARS,
    GOAL_STATUS,
    MAX_GOALS,
    NOTE_MAX_CHARS,
    checkin_card,
    checkin_done_card,
    close_card,
    close_done_card,
    expired_card,
)
from dialogs.alerts import alert_checkin, checkin_source
from dialogs.bands import pupil_band
from dialogs.inbound import Reply, card, text
from dialogs.names import first_name
from dialogs.router import PRIVATE, PUPILS, Turn, router
from dialogs.teamcal import calendar_for, day_times
from dialogs.voice import check_distress
from dialogs.week import offer_week
from domain.clock import local_date
from domain.grammar import format_date
from domain.numbers import int_value
from domain.rhythm import due_prompts
from domain.text import printable
from storage import checkins
from storage.models import CheckIn

logger = logging.getLogger(__name__)

# Keys an Action.Submit may carry besides our inputs (Teams adds some of its own).
KNOWN_KEYS = {"verb", "day", "team", "mood", "energy", "contact", "note", "msteams"} | {
    f"goal{i}" for i in range(1, MAX_GOALS + 1)
}


class Refused(Exception):
    """A submit the card could not have produced."""


@dataclass(frozen=True)
class StartAnswer:
    """A valid day start answer."""

    mood: int
    energy: int | None
    goals: tuple[str, ...]
    wants_contact: bool


@dataclass(frozen=True)
class CloseAnswer:
    """A valid day close answer."""

    mood: int
    goal_status: tuple[str | None, ...]
    note: str | None
    wants_contact: bool = False


def _int_in(value: Any, low: int, high: int, *, required: bool) -> int | None:
    if value is None or value == "":
        if required:
            raise Refused("missing")
        return None
    number = int_value(value, low=low, high=high)  # ASCII digits only: "²" is no mood
    if number is None:
        raise Refused("not a number in range")
    return number


def _text(value: Any, limit: int) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str):
        raise Refused("not text")
    value = " ".join(printable(value).split())
    if len(value) > limit:
        raise Refused("too long")
    return value or None


def _check_keys(value: dict[str, Any]) -> None:
    unknown = set(value) - KNOWN_KEYS
    if unknown:
        raise Refused("unknown fields")


def parse_start(value: dict[str, Any]) -> StartAnswer:
    """Validate a day start submit; raises Refused for anything the card cannot produce."""
    _check_keys(value)
    mood = _int_in(value.get("mood"), 1, 5, required=True)
    assert mood is not None
    energy = _int_in(value.get("energy"), 1, 3, required=False)
    goals = tuple(
        g for i in range(1, MAX_GOALS + 1) if (g := _text(value.get(f"goal{i}"), GOAL_MAX_CHARS))
    )
    return StartAnswer(mood=mood, energy=energy, goals=goals, wants_contact=_wish(value))


def _wish(value: dict[str, Any]) -> bool:
    """The toggle "I want contact" (absent: no)."""
    contact = value.get("contact", "false")
    if contact not in ("true", "false", True, False):
        raise Refused("contact")
    return contact in ("true", True)


def parse_close(value: dict[str, Any], goals: Sequence[str]) -> CloseAnswer:
    """Validate a day close submit against the morning's goals."""
    _check_keys(value)
    mood = _int_in(value.get("mood"), 1, 5, required=True)
    assert mood is not None
    statuses: list[str | None] = []
    for i in range(1, MAX_GOALS + 1):
        raw = value.get(f"goal{i}")
        if i > len(goals):
            if raw not in (None, ""):
                raise Refused("status for a goal that was not set")
            continue
        if raw in (None, ""):
            statuses.append(None)
        elif raw in GOAL_STATUS:
            statuses.append(raw)
        else:
            raise Refused("goal status")
    return CloseAnswer(
        mood=mood,
        goal_status=tuple(statuses),
        note=_text(value.get("note"), NOTE_MAX_CHARS),
        wants_contact=_wish(value),
    )


def _card_day(turn: Turn) -> date | Reply:
    """The school day a card is for: today, or an answer for a stale or impossible card."""
    value = turn.inbound.value or {}
    raw = value.get("day")
    try:
        day = date.fromisoformat(raw) if isinstance(raw, str) else None
    except ValueError:
        day = None
    today = local_date(turn.now)
    if day is None:
        return text(t("rhythm.submit.invalid", turn.lang))
    if day > today:  # sent ahead of time (`dagritme tick --at` a later day): it waits for its day
        return text(t("rhythm.submit.future", turn.lang, day=format_date(day, turn.lang)))
    if day < today:
        return card(expired_card(lang=turn.lang, day=day), replaces=turn.inbound.reply_to_id)
    return day


def _done_start(lang: Lang, stored: CheckIn) -> dict[str, Any]:
    return checkin_done_card(
        lang=lang,
        day=stored.day,
        mood=stored.mood,
        energy=stored.energy,
        goals=stored.goals,
        wants_contact=stored.wants_contact,
    )


@router.card_action("checkin.submit", roles=PUPILS, where=PRIVATE)
async def submit_start(turn: Turn) -> Sequence[Reply]:
    """A pupil answered the day start card."""
    day = _card_day(turn)
    if isinstance(day, Reply):
        return [day]
    try:
        answer = parse_start(turn.inbound.value or {})
    except Refused as exc:
        logger.info("refused a day start submit: %s", exc)
        return [text(t("rhythm.submit.invalid", turn.lang))]
    replaces = turn.inbound.reply_to_id
    stored, created = await checkins.create_checkin(
        session=turn.session,
        team_id=turn.team_id,
        pupil_id=turn.actor_id,
        day=day,
        kind="start",
        mood=answer.mood,
        energy=answer.energy,
        goals=answer.goals,
        wants_contact=answer.wants_contact,
        now=turn.now,
    )
    replies = [card(_done_start(turn.lang, stored), replaces=replaces)]
    if created:
        await alert_checkin(turn, stored)
    else:
        replies.append(text(t("rhythm.submit.duplicate", turn.lang)))
    # words of distress in the goals reach the staff at once (once per check-in)
    replies += await check_distress(turn, stored.goals, source=checkin_source(stored.id or 0))
    return replies


@router.card_action("close.submit", roles=PUPILS, where=PRIVATE)
async def submit_close(turn: Turn) -> Sequence[Reply]:
    """A pupil answered the day close card."""
    day = _card_day(turn)
    if isinstance(day, Reply):
        return [day]
    morning = await checkins.get_checkin(
        session=turn.session, pupil_id=turn.actor_id, day=day, kind="start"
    )
    goals = list(morning.goals) if morning else []
    try:
        answer = parse_close(turn.inbound.value or {}, goals)
    except Refused as exc:
        logger.info("refused a day close submit: %s", exc)
        return [text(t("rhythm.submit.invalid", turn.lang))]
    replaces = turn.inbound.reply_to_id
    stored, created = await checkins.create_checkin(
        session=turn.session,
        team_id=turn.team_id,
        pupil_id=turn.actor_id,
        day=day,
        kind="close",
        mood=answer.mood,
        goals=goals,
        goal_status=answer.goal_status,
        note=answer.note,
        wants_contact=answer.wants_contact,
        now=turn.now,
    )
    if created:
        await alert_checkin(turn, stored)
    done = close_done_card(
        lang=turn.lang,
        day=stored.day,
        mood=stored.mood,
        goals=stored.goals,
        goal_status=stored.goal_status,
        note_given=bool(stored.note),
        wants_contact=stored.wants_contact,
    )
    done = await offer_week(turn, stored.day, done)  # *Bekijk je week* as the week ends
    replies = [card(done, replaces=replaces)]
    if not created:
        replies.append(text(t("rhythm.submit.duplicate", turn.lang)))
    notes = [stored.note] if stored.note else []
    replies += await check_distress(turn, notes, source=checkin_source(stored.id or 0))
    return replies


@router.command("inchecken", "checkin", "check-in", roles=PUPILS, where=PRIVATE)
async def checkin_again(turn: Turn) -> Sequence[Reply]:
    """A pupil asks for today's card again (lost it, or was paused and feels better)."""
    assert turn.team is not None and turn.actor is not None
    today = local_date(turn.now)
    calendar = await calendar_for(turn.session, turn.team)
    closed = calendar.closed_reason(today)
    if closed is not None:
        return [text(t("rhythm.again.no_school", turn.lang, reason=closed))]
    kinds = {p.kind for p in due_prompts(turn.now, day_times(turn.team), calendar)}
    name = first_name(turn.actor)
    band = pupil_band(turn.actor, turn.team)
    if "day_close" in kinds:
        if await checkins.get_checkin(
            session=turn.session, pupil_id=turn.actor_id, day=today, kind="close"
        ):
            return [text(t("rhythm.again.done", turn.lang))]
        morning = await checkins.get_checkin(
            session=turn.session, pupil_id=turn.actor_id, day=today, kind="start"
        )
        goals = list(morning.goals) if morning else []
        return [
            card(
                close_card(
                    lang=turn.lang,
                    first_name=name,
                    day=today,
                    team_ref=turn.team_id,
                    goals=goals,
                    band=band,
                )
            )
        ]
    if "day_start" in kinds:
        if await checkins.get_checkin(
            session=turn.session, pupil_id=turn.actor_id, day=today, kind="start"
        ):
            return [text(t("rhythm.again.done", turn.lang))]
        return [
            card(
                checkin_card(
                    lang=turn.lang, first_name=name, day=today, team_ref=turn.team_id, band=band
                )
            )
        ]
    return [text(t("rhythm.again.not_now", turn.lang))]
