"""What staff do with an alert: pick it up (the pupil hears so), or log the contact that answers it.

Only for a pupil of theirs: a mentor their own pupils, a coordinator the pupils of their team.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from cards.alerts import (
    ALERT_CONTACT,
    LOG_CONTACT,
    PICK_UP,
    AlertAnswer,
    is_alert_card,
    picked_up_card,
)
from cards.catalogue import t
from cards.mentor import ContactDraft, ContactForm
from dialogs.commands.contacts import contact_form, save_from_card
from dialogs.inbound import Reply, card, text
from dialogs.names import first_name, visible_pupils
from dialogs.outbox_rows import Destination, message_now
from dialogs.router import PRIVATE, STAFF, Turn, router
from domain.clock import local_date, local_time
from domain.delivery import Prompt
from domain.grammar import format_date, format_time
from storage import alerts, deliveries, people
from storage.models import Person, PupilAlert


async def _alert_for(turn: Turn, alert_id: int | None) -> tuple[PupilAlert, Person] | Reply:
    """The alert a button names, and its pupil, if this person may act on it; else why not."""
    alert = await alerts.get_alert(session=turn.session, alert_id=alert_id) if alert_id else None
    if alert is None or alert.team_id != turn.team_id:
        return text(t("alert.unknown", turn.lang))
    pupil = next((p for p in await visible_pupils(turn) if p.id == alert.pupil_id), None)
    if pupil is not None:
        return alert, pupil
    other = await people.get_person(session=turn.session, person_id=alert.pupil_id)
    if other is None or not other.active or other.team_id != turn.team_id:
        return text(t("alert.unknown", turn.lang))
    return text(t("pupil.not_yours", turn.lang, name=other.name))


def _when(turn: Turn, moment: datetime) -> str:
    """ "om 10:12", or "op maandag 23 november om 10:12" when it was not today."""
    clock = format_time(local_time(moment))
    if local_date(moment) == local_date(turn.now):
        return t("alert.at_time", turn.lang, time=clock)
    day = format_date(local_date(moment), turn.lang)
    return t("alert.on_day", turn.lang, day=day, time=clock)


async def _tell_pupil(turn: Turn, alert: PupilAlert, pupil: Person) -> None:
    """The pupil hears, once, that their message was seen and who will get in touch."""
    assert turn.actor is not None and pupil.id is not None
    to = Destination.chat_of(pupil)
    row = message_now(
        Prompt.ALERT_PICKED_UP,
        team_id=turn.team_id,
        to=to,
        now=turn.now,
        ref=f"alert:{alert.id}",
        text=t("alert.pupil_told", to.lang, name=first_name(turn.actor)),
    )
    if await deliveries.enqueue(session=turn.session, deliveries=[row], now=turn.now):
        turn.outbox_touched = True


async def _shown_card(turn: Turn, alert: PupilAlert, line: str) -> Reply | None:
    """The alert card that was tapped, now saying who picked it up (when the bot sent it here)."""
    tapped = turn.inbound.reply_to_id
    if not tapped or alert.id is None:
        return None
    sent = await alerts.delivered_card(
        session=turn.session, conversation_id=turn.inbound.conversation_id, activity_id=tapped
    )
    if sent is None or not is_alert_card(sent, alert.id):
        return None
    return card(picked_up_card(sent, line=line), replaces=tapped)


@router.card_action(
    PICK_UP, answer=AlertAnswer, invalid="alert.unknown", roles=STAFF, where=PRIVATE
)
async def pick_up(turn: Turn) -> Sequence[Reply]:
    """*Ik pak het op*: the alert is theirs, the card says so, and the pupil is told."""
    found = await _alert_for(turn, AlertAnswer.of(turn.answer).alert)
    if isinstance(found, Reply):
        return [found]
    alert, pupil = found
    first = await alerts.pick_up(
        session=turn.session, alert=alert, by_id=turn.actor_id, now=turn.now
    )
    picker = (
        await people.get_person(session=turn.session, person_id=alert.picked_up_by_id)
        if alert.picked_up_by_id is not None
        else None
    )
    name = first_name(picker) if picker is not None else t("alert.someone", turn.lang)
    when = _when(turn, alert.picked_up_at or turn.now)
    line = t("alert.picked_up", turn.lang, name=name, when=when)
    shown = await _shown_card(turn, alert, line)
    replies = [shown] if shown is not None else []
    if not first:
        replies.append(text(t("alert.already", turn.lang, name=name, when=when)))
        return replies
    await turn.audit("alert.picked_up", subject_id=pupil.id, details={"alert_id": alert.id})
    await _tell_pupil(turn, alert, pupil)
    if shown is None:
        replies.append(text(line))
    return replies


@router.card_action(
    LOG_CONTACT, answer=AlertAnswer, invalid="alert.unknown", roles=STAFF, where=PRIVATE
)
async def log_for_alert(turn: Turn) -> Sequence[Reply]:
    """*Contact loggen*: the contact card, filled in for this pupil."""
    found = await _alert_for(turn, AlertAnswer.of(turn.answer).alert)
    if isinstance(found, Reply):
        return [found]
    alert, pupil = found
    return [await contact_form(turn, ContactDraft(pupil_id=pupil.id), alert_id=alert.id)]


@router.card_action(
    ALERT_CONTACT, answer=ContactForm, invalid="alert.unknown", roles=STAFF, where=PRIVATE
)
async def save_for_alert(turn: Turn) -> Sequence[Reply]:
    """The contact card opened from an alert was saved: the contact also picks the alert up."""
    form = ContactForm.of(turn.answer)
    found = await _alert_for(turn, form.alert)
    if isinstance(found, Reply):
        return [found]
    replies = await save_from_card(turn)
    pupil_id, picked = await alerts.pick_up_after_contact(
        session=turn.session, author_id=turn.actor_id, source=f"card:{form.nonce}", now=turn.now
    )
    if picked:
        await turn.audit("alert.picked_up", subject_id=pupil_id, details={"alerts": picked})
    return replies
