"""The pupil's side of the day: answering the day start and day close cards."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from datetime import date
from typing import Any

from cards.answers import BadAnswer
from cards.catalogue import Lang, Words, t
from cards.checkin import checkin_card, close_card, expired_card
from cards.checkin_answers import CHECKIN_SUBMIT, CLOSE_SUBMIT, DayCloseAnswer, DayStartAnswer
from cards.confirmations import Reader, checkin_done_card, close_done_card
from dialogs.alerts import alert_checkin, checkin_source
from dialogs.bands import pupil_band
from dialogs.commands.distress import check_distress
from dialogs.commands.week import offer_week
from dialogs.inbound import Reply, card, text
from dialogs.names import first_name
from dialogs.recipients import staff_of
from dialogs.router import PRIVATE, PUPILS, Turn, router
from dialogs.teamcal import calendar_for, day_times
from dialogs.teams_menu import TeamsMenu
from domain.age import AgeBand
from domain.clock import local_date
from domain.due import due_prompts
from domain.grammar import format_date
from storage import checkins
from storage.models import CheckIn

logger = logging.getLogger(__name__)


def _band(turn: Turn) -> AgeBand:
    """The age band of the pupil in this turn: their own, else their team's."""
    assert turn.team is not None and turn.actor is not None
    return pupil_band(turn.actor, turn.team)


async def reader_of(turn: Turn) -> Reader | None:
    """Who reads a low mood of this pupil today (the same people `alert_checkin` tells)."""
    assert turn.team is not None and turn.actor is not None
    return (await staff_of(turn.session, turn.team, turn.actor)).reader


def _card_day(turn: Turn, day: date) -> date | Reply:
    """The school day a card is for: today, or an answer for a card of another day."""
    today = local_date(turn.now)
    if day > today:  # sent ahead of time (`dagritme tick --at` a later day): it waits for its day
        return text(t("rhythm.submit.future", turn.lang, day=format_date(day, turn.lang)))
    if day < today:
        return card(expired_card(lang=turn.lang, day=day), replaces=turn.inbound.reply_to_id)
    return day


def done_start(lang: Lang, stored: CheckIn, band: AgeBand, reader: Reader | None) -> dict[str, Any]:
    """What the day start card turns into once sent (the preview shows the same)."""
    return checkin_done_card(
        lang=lang,
        day=stored.day,
        mood=stored.mood,
        energy=stored.energy,
        goals=stored.goals,
        wants_contact=stored.wants_contact,
        feeling=stored.feeling,
        note_given=bool(stored.note),
        band=band,
        reader=reader,
    )


def done_close(lang: Lang, stored: CheckIn, band: AgeBand, reader: Reader | None) -> dict[str, Any]:
    """What the day close card turns into once sent (the preview shows the same)."""
    return close_done_card(
        lang=lang,
        day=stored.day,
        mood=stored.mood,
        goals=stored.goals,
        goal_status=stored.goal_status,
        note_given=bool(stored.note),
        wants_contact=stored.wants_contact,
        feeling=stored.feeling,
        band=band,
        reader=reader,
    )


@router.card_action(
    CHECKIN_SUBMIT,
    answer=DayStartAnswer,
    invalid="rhythm.submit.invalid",
    roles=PUPILS,
    where=PRIVATE,
)
async def submit_start(turn: Turn) -> Sequence[Reply]:
    """A pupil answered the day start card."""
    answer = DayStartAnswer.of(turn.answer)
    day = _card_day(turn, answer.day)
    if isinstance(day, Reply):
        return [day]
    band = _band(turn)
    try:
        goals = answer.planned_goals(band=band, lang=turn.lang)
    except BadAnswer as refused:  # names the fields, never what was typed
        logger.info("refused a day start submit: %s", refused)
        return [text(t("rhythm.submit.invalid", turn.lang))]
    replaces = turn.inbound.reply_to_id
    stored, created = await checkins.create_checkin(
        session=turn.session,
        team_id=turn.team_id,
        pupil_id=turn.actor_id,
        day=day,
        now=turn.now,
        **answer.stored(goals=goals),
    )
    done = done_start(turn.lang, stored, band, await reader_of(turn))
    replies = [card(done, replaces=replaces)]
    if created:
        await alert_checkin(turn, stored)
    else:
        replies.append(text(t("rhythm.submit.duplicate", turn.lang)))
    # words of distress in the goals or a parent's note reach the staff at once (once per
    # check-in)
    words = [*stored.goals, *([stored.note] if stored.note else [])]
    replies += await check_distress(turn, words, source=checkin_source(stored.id or 0))
    return replies


@router.card_action(
    CLOSE_SUBMIT,
    answer=DayCloseAnswer,
    invalid="rhythm.submit.invalid",
    roles=PUPILS,
    where=PRIVATE,
)
async def submit_close(turn: Turn) -> Sequence[Reply]:
    """A pupil answered the day close card."""
    answer = DayCloseAnswer.of(turn.answer)
    day = _card_day(turn, answer.day)
    if isinstance(day, Reply):
        return [day]
    morning = await checkins.get_checkin(
        session=turn.session, pupil_id=turn.actor_id, day=day, kind="start"
    )
    goals = list(morning.goals) if morning else []
    band = _band(turn)
    try:
        outcomes = answer.outcomes(band=band, goals=goals)
    except BadAnswer as refused:  # names the fields, never what was typed
        logger.info("refused a day close submit: %s", refused)
        return [text(t("rhythm.submit.invalid", turn.lang))]
    replaces = turn.inbound.reply_to_id
    stored, created = await checkins.create_checkin(
        session=turn.session,
        team_id=turn.team_id,
        pupil_id=turn.actor_id,
        day=day,
        now=turn.now,
        **answer.stored(goals=goals, outcomes=outcomes),
    )
    if created:
        await alert_checkin(turn, stored)
    done = done_close(turn.lang, stored, band, await reader_of(turn))
    done = await offer_week(turn, stored.day, done)  # *Bekijk je week* as the week ends
    replies = [card(done, replaces=replaces)]
    if not created:
        replies.append(text(t("rhythm.submit.duplicate", turn.lang)))
    notes = [stored.note] if stored.note else []
    replies += await check_distress(turn, notes, source=checkin_source(stored.id or 0))
    return replies


@router.command(
    "inchecken",
    "checkin",
    "check-in",
    roles=PUPILS,
    where=PRIVATE,
    order=20,
    help=Words(
        nl="**inchecken** — je kaart van vandaag nog een keer",
        en="**checkin** — today's card once more",
    ),
    usage=Words(
        nl="Typ **inchecken** en je krijgt je kaart van vandaag nog een keer.",
        en="Type **checkin** to get today's card once more.",
    ),
    teams=TeamsMenu(
        title="checkin",
        order=20,
        personal=Words(
            nl="Je kaart van vandaag nog een keer (leerlingen)",
            en="Today's card once more (pupils)",
        ),
    ),
)
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
                    band=_band(turn),
                )
            )
        ]
    if "day_start" in kinds:
        if await checkins.get_checkin(
            session=turn.session, pupil_id=turn.actor_id, day=today, kind="start"
        ):
            return [text(t("rhythm.again.done", turn.lang))]
        start = checkin_card(
            lang=turn.lang, first_name=name, day=today, team_ref=turn.team_id, band=_band(turn)
        )
        return [card(start)]
    return [text(t("rhythm.again.not_now", turn.lang))]
