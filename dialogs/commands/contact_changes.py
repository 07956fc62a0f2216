"""A contact after it is logged: how it reads in a reply, and how its author undoes, changes or
deletes it (undo within UNDO_WINDOW of logging it, edit and delete within EDIT_WINDOW).
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import date, timedelta

from cards.catalogue import Lang, t
from cards.mentor import (
    DELETE,
    EDIT,
    UNDO,
    ContactChange,
    ContactDraft,
    contact_card,
    contact_saved_card,
    kind_name,
    minutes_text,
)
from dialogs.inbound import Reply, card, text
from dialogs.names import visible_pupils
from dialogs.router import PRIVATE, STAFF, Turn, router
from domain.clock import local_date
from domain.grammar import format_date
from storage import contacts
from storage.models import ContactLog, Person

UNDO_WINDOW = timedelta(minutes=10)
EDIT_WINDOW = timedelta(days=1)


def details(contact: ContactLog, lang: Lang, *, today: date) -> str:
    """ "bellen, 15 min, gisteren (zondag 22 november), met notitie"."""
    parts = [kind_name(contact.kind, lang)]
    if contact.minutes:
        parts.append(minutes_text(contact.minutes, lang))
    if contact.day != today:
        parts.append(format_date(contact.day, lang))
    if contact.note:
        parts.append(t("contact.with_note", lang))
    if contact.agreements:
        parts.append(t("contact.with_agreements", lang))
    return ", ".join(parts)


async def _own_recent(turn: Turn, contact_id: int, window: timedelta) -> ContactLog | Reply:
    """A contact the sender wrote within `window`, or the polite reason why not."""
    contact = await contacts.get_contact(session=turn.session, contact_id=contact_id)
    if contact is None or contact.team_id != turn.team_id:
        return text(t("contact.gone", turn.lang))
    created = contact.created_at or turn.now
    if contact.author_id != turn.actor_id or turn.now - created > window:
        return text(t("contact.too_late", turn.lang))
    return contact


async def edit_contact(
    turn: Turn, contact_id: int, pupil: Person, draft: ContactDraft
) -> Sequence[Reply]:
    """The contact card was sent for one of the author's own contacts: change it."""
    found = await _own_recent(turn, contact_id, EDIT_WINDOW)
    if isinstance(found, Reply):
        return [found]
    new_values = {
        "pupil_id": pupil.id or 0,
        "kind": draft.kind,
        "minutes": draft.minutes,
        "day": draft.day,
        "note": draft.note,
        "agreements": draft.agreements,
    }
    changed = sorted(field for field, new in new_values.items() if getattr(found, field) != new)
    for field, new in new_values.items():
        setattr(found, field, new)
    found.updated_at = turn.now
    turn.session.add(found)
    await turn.audit(
        "contact.edited", subject_id=pupil.id, details={"contact_id": found.id, "fields": changed}
    )
    summary = t(
        "contact.updated",
        turn.lang,
        pupil=pupil.name,
        details=details(found, turn.lang, today=local_date(turn.now)),
    )
    return [text(summary)]


async def _remove(turn: Turn, contact: ContactLog, action: str) -> None:
    await turn.audit(
        action,
        subject_id=contact.pupil_id,
        details={"contact_id": contact.id, "kind": contact.kind, "day": contact.day.isoformat()},
    )
    await contacts.delete_contact(session=turn.session, contact=contact)


@router.card_action(UNDO, answer=ContactChange, invalid="contact.gone", roles=STAFF, where=PRIVATE)
async def undo(turn: Turn) -> Sequence[Reply]:
    """The undo button under a freshly logged contact."""
    found = await _own_recent(turn, ContactChange.of(turn.answer).contact, EDIT_WINDOW)
    if isinstance(found, Reply):
        return [found]
    if turn.now - (found.created_at or turn.now) > UNDO_WINDOW:
        return [text(t("contact.undo_expired", turn.lang))]
    await _remove(turn, found, "contact.undone")
    return [
        card(
            contact_saved_card(
                lang=turn.lang,
                summary=t("contact.undone", turn.lang),
                team_ref=turn.team_id,
                contact_id=None,
                undo_minutes=0,
            ),
            replaces=turn.inbound.reply_to_id,
        )
    ]


@router.card_action(
    DELETE, answer=ContactChange, invalid="contact.gone", roles=STAFF, where=PRIVATE
)
async def delete(turn: Turn) -> Sequence[Reply]:
    """Delete one's own contact within a day."""
    found = await _own_recent(turn, ContactChange.of(turn.answer).contact, EDIT_WINDOW)
    if isinstance(found, Reply):
        return [found]
    await _remove(turn, found, "contact.deleted")
    return [text(t("contact.deleted", turn.lang))]


@router.card_action(EDIT, answer=ContactChange, invalid="contact.gone", roles=STAFF, where=PRIVATE)
async def edit_form(turn: Turn) -> Sequence[Reply]:
    """Open the contact card pre-filled, to change one's own contact within a day."""
    found = await _own_recent(turn, ContactChange.of(turn.answer).contact, EDIT_WINDOW)
    if isinstance(found, Reply):
        return [found]
    pupils = await visible_pupils(turn)
    draft = ContactDraft(
        pupil_id=found.pupil_id,
        kind=found.kind,
        minutes=found.minutes,
        day=found.day,
        note=found.note,
        agreements=found.agreements,
    )
    return [
        card(
            contact_card(
                lang=turn.lang,
                pupils=[(p.id or 0, p.name) for p in pupils],
                team_ref=turn.team_id,
                nonce=uuid.uuid4().hex,
                today=local_date(turn.now),
                draft=draft,
                contact_id=found.id,
            )
        )
    ]
