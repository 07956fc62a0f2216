"""The contact log: `log` and the contact card (save, undo, edit, delete)."""

from __future__ import annotations

import logging
import uuid
from collections.abc import Sequence
from datetime import date, timedelta
from typing import Any

from cards.catalogue import Lang, t
from cards.mentor import (
    ContactDraft,
    contact_card,
    contact_saved_card,
    kind_name,
    minutes_text,
)
from cards.pupils import OPEN_CONTACT
from dialogs.inbound import Reply, card, text
from dialogs.names import NotFound, resolve_pupil, visible_pupils
from dialogs.router import PRIVATE, STAFF, Turn, router
from domain.clock import local_date
from domain.contacts import (
    KINDS,
    MAX_DAYS_BACK,
    MAX_NOTE,
    PROGRESS_TALK,
    LogLine,
    LogProblem,
    parse_log,
)
from domain.grammar import MAX_MINUTES, format_date
from domain.numbers import MAX_ID, int_value
from domain.text import printable
from storage import contacts
from storage.models import ContactLog, Person

logger = logging.getLogger(__name__)

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


async def contact_form(
    turn: Turn,
    draft: ContactDraft | None = None,
    *,
    problem: str | None = None,
    alert_id: int | None = None,
) -> Reply:
    """The contact card, optionally filled in (and answering an alert: saving picks it up)."""
    pupils = await visible_pupils(turn)
    if not pupils:
        return text(t("contact.no_pupils", turn.lang))
    return card(
        contact_card(
            lang=turn.lang,
            pupils=[(p.id or 0, p.name) for p in pupils],
            team_ref=turn.team_id,
            nonce=uuid.uuid4().hex,
            today=local_date(turn.now),
            draft=draft,
            problem=problem,
            alert_id=alert_id,
        )
    )


@router.card_action(OPEN_CONTACT, roles=STAFF, where=PRIVATE)
async def open_for_pupil(turn: Turn) -> Sequence[Reply]:
    """A *Contact loggen* button in a list: the contact card, filled in for that pupil."""
    wanted = int_value((turn.inbound.value or {}).get("pupil"), low=1, high=MAX_ID)
    pupil = next((p for p in await visible_pupils(turn) if p.id == wanted), None)
    if pupil is None:
        return [text(t("contact.pupil_unknown", turn.lang))]
    return [await contact_form(turn, ContactDraft(pupil_id=pupil.id))]


async def _store(
    turn: Turn,
    pupil: Person,
    *,
    day: date,
    kind: str,
    minutes: int | None,
    note: str | None,
    source: str,
    agreements: str | None = None,
) -> Sequence[Reply]:
    assert pupil.id is not None
    contact, created = await contacts.add_contact(
        session=turn.session,
        team_id=turn.team_id,
        pupil_id=pupil.id,
        author_id=turn.actor_id,
        day=day,
        kind=kind,
        minutes=minutes,
        note=note,
        source=source,
        now=turn.now,
        agreements=agreements,
    )
    if created:
        await turn.audit(
            "contact.logged", subject_id=pupil.id, details={"contact_id": contact.id, "kind": kind}
        )
    summary = t(
        "contact.saved",
        turn.lang,
        pupil=pupil.name,
        details=details(contact, turn.lang, today=local_date(turn.now)),
    )
    if not created:
        summary += " " + t("contact.already", turn.lang)
    return [
        card(
            contact_saved_card(
                lang=turn.lang,
                summary=summary,
                team_ref=turn.team_id,
                contact_id=contact.id,
                undo_minutes=int(UNDO_WINDOW / timedelta(minutes=1)),
            )
        )
    ]


@router.command("log", "contact", roles=STAFF, where=PRIVATE)
async def log_contact(turn: Turn) -> Sequence[Reply]:
    """`log <leerling> <soort> [duur] [datum] [notitie]`; unreadable lines open the card."""
    if not turn.args:
        return [await contact_form(turn)]
    today = local_date(turn.now)
    parsed = parse_log(turn.args, today=today)
    if isinstance(parsed, LogProblem):
        return [await _explain(turn, parsed)]
    pupil = await resolve_pupil(turn, parsed.name, rerun=_rerun(parsed))
    if isinstance(pupil, NotFound):
        return [pupil.reply]
    source = f"msg:{turn.inbound.activity_id or uuid.uuid4().hex}"
    return await _store(
        turn,
        pupil,
        day=parsed.day,
        kind=parsed.kind,
        minutes=parsed.minutes,
        note=parsed.note,
        source=source,
        agreements=parsed.agreements,
    )


def _rerun(line: LogLine) -> str:
    """The same log line with `{name}` for the pupil, for the candidate buttons."""
    parts = ["log", "{name}", line.kind]
    if line.minutes:
        parts.append(f"{line.minutes}m")
    parts.append(line.day.isoformat())
    if line.note:
        parts.append(line.note.replace("{", "(").replace("}", ")"))
    if line.agreements:
        parts.append("afspraken: " + line.agreements.replace("{", "(").replace("}", ")"))
    return " ".join(parts)


async def _explain(turn: Turn, problem: LogProblem) -> Reply:
    """An unreadable line opens the card, pre-filled with what could be read."""
    pupil_id = None
    if problem.name:
        found = await resolve_pupil(turn, problem.name, rerun="")
        if isinstance(found, Person):
            pupil_id = found.id
    if problem.problem == "no_kind" and problem.guess:
        guess = kind_name(problem.guess, turn.lang)
        message = t("contact.problem.no_kind_guess", turn.lang, guess=guess)
    else:
        message = t(f"contact.problem.{problem.problem}", turn.lang)
    return await contact_form(
        turn, ContactDraft(pupil_id=pupil_id, kind=problem.kind), problem=message
    )


def _text_field(value: dict[str, Any], name: str) -> str | None:
    """A free text field of the contact card, trimmed; ValueError when it is no text or too long."""
    raw = value.get(name)
    if raw is not None and not isinstance(raw, str):
        raise ValueError(name)
    found = printable(raw or "").strip() or None
    if found is not None and len(found) > MAX_NOTE:
        raise ValueError(name)
    return found


def _read_card(value: dict[str, Any], *, today: date) -> ContactDraft:
    """What a contact card holds (every field checked), or ValueError."""
    pupil = int_value(value.get("pupil"), low=1, high=MAX_ID)
    kind = value.get("kind")
    if pupil is None or not isinstance(kind, str) or kind not in KINDS:
        raise ValueError("pupil or kind")
    raw_minutes = value.get("minutes")
    minutes = None
    if raw_minutes not in (None, ""):
        minutes = int_value(raw_minutes, low=1, high=MAX_MINUTES)
        if minutes is None:
            raise ValueError("minutes")
    day = date.fromisoformat(str(value.get("day") or today.isoformat()))
    if day > today or (today - day).days > MAX_DAYS_BACK:
        raise ValueError("day")
    return ContactDraft(
        pupil_id=pupil,
        kind=kind,
        minutes=minutes,
        day=day,
        note=_text_field(value, "note"),
        agreements=_text_field(value, "agreements"),
    )


@router.card_action("contact.save", roles=STAFF, where=PRIVATE)
async def save_from_card(turn: Turn) -> Sequence[Reply]:
    """The contact card was sent: a new contact, or an edit of the author's own."""
    value = turn.inbound.value or {}
    today = local_date(turn.now)
    try:
        draft = _read_card(value, today=today)
    except ValueError:
        return [text(t("contact.problem.invalid", turn.lang))]
    pupil = next((p for p in await visible_pupils(turn) if p.id == draft.pupil_id), None)
    if pupil is None or draft.kind is None or draft.day is None:
        return [text(t("contact.problem.invalid", turn.lang))]
    if draft.agreements and draft.kind != PROGRESS_TALK:
        # nothing typed is lost: the card comes back as it was sent
        problem = t("contact.problem.agreements_kind", turn.lang)
        return [await contact_form(turn, draft, problem=problem)]
    if value.get("contact") is not None:
        return await _edit(turn, value.get("contact"), pupil, draft)
    nonce = value.get("nonce")
    if not isinstance(nonce, str) or not 8 <= len(nonce) <= 64:
        return [text(t("contact.problem.invalid", turn.lang))]
    return await _store(
        turn,
        pupil,
        day=draft.day,
        kind=draft.kind,
        minutes=draft.minutes,
        note=draft.note,
        source=f"card:{nonce}",
        agreements=draft.agreements,
    )


async def _own_recent(turn: Turn, raw_id: Any, window: timedelta) -> ContactLog | Reply:
    """A contact the sender wrote within `window`, or the polite reason why not."""
    contact_id = int_value(raw_id, low=1, high=MAX_ID)
    if contact_id is None:
        return text(t("contact.gone", turn.lang))
    contact = await contacts.get_contact(session=turn.session, contact_id=contact_id)
    if contact is None or contact.team_id != turn.team_id:
        return text(t("contact.gone", turn.lang))
    created = contact.created_at or turn.now
    if contact.author_id != turn.actor_id or turn.now - created > window:
        return text(t("contact.too_late", turn.lang))
    return contact


async def _edit(turn: Turn, raw_id: Any, pupil: Person, draft: ContactDraft) -> Sequence[Reply]:
    found = await _own_recent(turn, raw_id, EDIT_WINDOW)
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


@router.card_action("contact.undo", roles=STAFF, where=PRIVATE)
async def undo(turn: Turn) -> Sequence[Reply]:
    """The undo button under a freshly logged contact."""
    found = await _own_recent(turn, (turn.inbound.value or {}).get("contact"), EDIT_WINDOW)
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


@router.card_action("contact.delete", roles=STAFF, where=PRIVATE)
async def delete(turn: Turn) -> Sequence[Reply]:
    """Delete one's own contact within a day."""
    found = await _own_recent(turn, (turn.inbound.value or {}).get("contact"), EDIT_WINDOW)
    if isinstance(found, Reply):
        return [found]
    await _remove(turn, found, "contact.deleted")
    return [text(t("contact.deleted", turn.lang))]


@router.card_action("contact.edit", roles=STAFF, where=PRIVATE)
async def edit_form(turn: Turn) -> Sequence[Reply]:
    """Open the contact card pre-filled, to change one's own contact within a day."""
    found = await _own_recent(turn, (turn.inbound.value or {}).get("contact"), EDIT_WINDOW)
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
