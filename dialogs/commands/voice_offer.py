"""The offer to send a pupil's words on to their mentor, and its two buttons.

The words travel in the offer card's data (cards.voice) and are stored nowhere until the pupil
says yes; then the mentor, else the coordinators, get them once.
"""

from __future__ import annotations

from collections.abc import Sequence

from cards.catalogue import t
from cards.voice import (
    CANCEL,
    MAX_WORDS,
    SEND,
    VoiceCancel,
    VoiceSend,
    message_card,
    not_sent_card,
    offer_card,
    sent_card,
)
from dialogs.commands.distress import check_distress, record_pupil_alert, tell_staff
from dialogs.inbound import Reply, card, text
from dialogs.names import first_name
from dialogs.recipients import pupil_staff, staff_of
from dialogs.router import PRIVATE, PUPILS, Turn, router
from domain.delivery import Prompt


async def _addressee(turn: Turn) -> str | None:
    """Who a pupil's message goes to, as the pupil reads it: the mentor's first name."""
    assert turn.team is not None and turn.actor is not None
    staff = await staff_of(turn.session, turn.team, turn.actor)
    if staff.mentor is not None:
        return first_name(staff.mentor)
    return t("voice.to_coordinators", turn.lang) if staff.coordinators else None


async def offer(turn: Turn, words: str, *, ref: str) -> Sequence[Reply]:
    """ "Wil je dit naar Fatima sturen?" — the words ride in the card until the pupil says yes;
    `ref` is the id of the message they came in."""
    if len(words) > MAX_WORDS:
        return [text(t("voice.too_long", turn.lang, limit=MAX_WORDS))]
    to = await _addressee(turn)
    if to is None:
        return [text(t("voice.no_one", turn.lang))]
    return [card(offer_card(lang=turn.lang, to=to, words=words, team_ref=turn.team_id, ref=ref))]


@router.card_action(SEND, answer=VoiceSend, roles=PUPILS, where=PRIVATE)
async def send(turn: Turn) -> Sequence[Reply]:
    """ "Ja, stuur door": the mentor (else the coordinators) gets the words, once."""
    assert turn.team is not None and turn.actor is not None
    answer = VoiceSend.of(turn.answer)
    words = answer.words
    pupil_name = turn.actor.name
    to = await _addressee(turn)
    if to is None:
        return [text(t("voice.no_one", turn.lang))]
    done = card(sent_card(lang=turn.lang, to=to, words=words), replaces=turn.inbound.reply_to_id)
    source = f"message:{answer.ref}"
    help_now = await check_distress(turn, [words], source=source)
    if help_now:  # a team phrase added since the offer, or a submit the card did not make
        return [done, *help_now]
    alert, new = await record_pupil_alert(turn, kind="message", source=source)
    if new:
        await tell_staff(
            turn,
            alert,
            await pupil_staff(turn.session, turn.team, turn.actor),
            prompt=Prompt.PUPIL_MESSAGE,
            source=source,
            notice="voice.message_notice",
            build=lambda lang, actions: message_card(
                lang=lang, pupil=pupil_name, words=words, actions=actions
            ),
        )
        await turn.audit("voice.sent", subject_id=turn.actor_id, details={"alert": alert.id})
    return [done]


@router.card_action(CANCEL, answer=VoiceCancel, roles=PUPILS, where=PRIVATE)
async def cancel(turn: Turn) -> Sequence[Reply]:
    """ "Nee": nothing is sent or stored; the offer gives way to a short word."""
    return [card(not_sent_card(lang=turn.lang), replaces=turn.inbound.reply_to_id)]
