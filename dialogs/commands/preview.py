"""`voorbeeld`: staff see and try the pupils' check-in and close cards; nothing is stored.

The cards are the pupils' own, built by the same builders for the chosen age band, with every
submit turned into a preview verb (cards.preview). An answer is read into the pupil's own model
and checked against the band as a pupil's is (cards.checkin_answers), and the card turns into
what the pupil would see after sending; no check-in, alert, delivery or audit line is written.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from typing import Any

from cards.answers import BadAnswer
from cards.catalogue import Lang, Words, t
from cards.checkin import checkin_card, close_card
from cards.checkin_answers import DayCloseAnswer, DayStartAnswer, picture_goal
from cards.confirmations import Reader
from cards.preview import (
    PREVIEW_CLOSE,
    PREVIEW_OTHER,
    PREVIEW_START,
    PreviewAnswer,
    as_preview,
    with_banner,
)
from dialogs.bands import band_name, team_band
from dialogs.commands.checkin import done_close, done_start
from dialogs.inbound import Reply, card, text
from dialogs.router import PRIVATE, STAFF, Turn, router
from domain.age import BAND_WORDS, AgeBand, band_of, effective_band
from domain.clock import local_date
from domain.feelings import PICTURE_GOALS
from domain.text import suggest
from storage.models import CheckIn

logger = logging.getLogger(__name__)
# The preview shows what a pupil with a mentor sees after sending.
PREVIEW_READER: Reader = "mentor"


def example_goals(lang: Lang, band: AgeBand) -> list[str]:
    """The two goals the preview's close card asks about (pictures for the youngest)."""
    if band is AgeBand.JONG:
        return [picture_goal(key, emoji, lang) for key, emoji in PICTURE_GOALS[:2]]
    return [t("preview.goal.1", lang), t("preview.goal.2", lang)]


@router.command(
    "voorbeeld",
    "preview",
    roles=STAFF,
    where=PRIVATE,
    order=190,
    help=Words(
        nl=(
            "**voorbeeld** [jong|midden|oud] — zie en probeer de "
            "kaarten van de leerlingen; er wordt niets opgeslagen"
        ),
        en="**preview** [young|middle|older] — see and try the pupils' cards; nothing is stored",
    ),
    usage=Words(
        nl=(
            "Gebruik: **voorbeeld**, of **voorbeeld** "
            "jong|midden|oud, bijvoorbeeld `voorbeeld jong`."
        ),
        en="Usage: **preview**, or **preview** young|middle|older, for example `preview young`.",
    ),
)
async def preview_command(turn: Turn) -> Sequence[Reply]:
    """`voorbeeld [jong|midden|oud]`: the check-in and close card of a band (the team's)."""
    assert turn.team is not None
    word = turn.args.strip()
    band = band_of(word) if word else team_band(turn.team)
    if band is None:
        guess = suggest(word, list(BAND_WORDS))
        usage = turn.usage()
        if guess is None:
            return [text(usage)]
        return [
            text(t("command.bad_value", turn.lang, value=word[:30], guess=guess) + "\n\n" + usage)
        ]
    lang, today = turn.lang, local_date(turn.now)
    name = t("preview.name", lang)
    start = checkin_card(lang=lang, first_name=name, day=today, team_ref=turn.team_id, band=band)
    close = close_card(
        lang=lang,
        first_name=name,
        day=today,
        team_ref=turn.team_id,
        goals=example_goals(lang, band),
        band=band,
    )
    banner = t("preview.banner", lang, band=band_name(band, lang))
    return [
        card(as_preview(start, band=band.value, banner=banner)),
        card(as_preview(close, band=band.value, banner=banner)),
    ]


def _band(turn: Turn, preview: PreviewAnswer) -> AgeBand:
    """The band the preview was made for (the team's, when the card names none)."""
    assert turn.team is not None
    return effective_band(preview.band, turn.team.age_band)


def _refused(turn: Turn, refused: BadAnswer) -> list[Reply]:
    logger.info("preview answer refused: %s", refused)
    return [text(t("rhythm.submit.invalid", turn.lang) + "\n\n" + t("preview.refused", turn.lang))]


def _done(turn: Turn, done: dict[str, Any], band: AgeBand) -> list[Reply]:
    banner = t("preview.answered", turn.lang, band=band_name(band, turn.lang))
    return [card(with_banner(done, banner), replaces=turn.inbound.reply_to_id)]


@router.card_action(PREVIEW_START, answer=PreviewAnswer, roles=STAFF, where=PRIVATE)
async def preview_start(turn: Turn) -> Sequence[Reply]:
    """A preview of the day start card was sent: show what the pupil would see, store nothing."""
    preview = PreviewAnswer.of(turn.answer)
    band = _band(turn, preview)
    try:
        answer = preview.pupils_answer(DayStartAnswer)
        goals = answer.planned_goals(band=band, lang=turn.lang)
    except BadAnswer as refused:
        return _refused(turn, refused)
    # what the real card would store, built but never added to a session
    would_store = CheckIn(
        team_id=turn.team_id,
        pupil_id=turn.actor_id,
        day=answer.day,
        **answer.stored(goals=goals),
    )
    return _done(turn, done_start(turn.lang, would_store, band, PREVIEW_READER), band)


@router.card_action(PREVIEW_CLOSE, answer=PreviewAnswer, roles=STAFF, where=PRIVATE)
async def preview_close(turn: Turn) -> Sequence[Reply]:
    """A preview of the day close card was sent (with the example goals); nothing is stored."""
    preview = PreviewAnswer.of(turn.answer)
    band = _band(turn, preview)
    goals = example_goals(turn.lang, band)
    try:
        answer = preview.pupils_answer(DayCloseAnswer)
        outcomes = answer.outcomes(band=band, goals=goals)
    except BadAnswer as refused:
        return _refused(turn, refused)
    would_store = CheckIn(
        team_id=turn.team_id,
        pupil_id=turn.actor_id,
        day=answer.day,
        **answer.stored(goals=goals, outcomes=outcomes),
    )
    return _done(turn, done_close(turn.lang, would_store, band, PREVIEW_READER), band)


@router.card_action(PREVIEW_OTHER, answer=PreviewAnswer, roles=STAFF, where=PRIVATE)
async def preview_other(turn: Turn) -> Sequence[Reply]:
    """Any other button on a preview card: it does nothing here."""
    return [text(t("preview.button", turn.lang))]
