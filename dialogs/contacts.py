"""The contact log: `log`, `contacten`, and the contact card (save, undo, edit, delete)."""

from __future__ import annotations

import logging
import uuid
from collections.abc import Sequence
from datetime import date, timedelta
from typing import Any

from cards.catalogue import Lang, t
from cards.mentor import (
    ContactDraft,
    ContactRow,
    contact_card,
    contact_saved_card,
    contacts_card,
    kind_name,
    minutes_text,
)
from dialogs.inbound import Reply, card, text
from dialogs.names import NotFound, resolve_pupil, visible_pupils
from dialogs.router import STAFF, Turn, router
from domain.clock import local_date
from domain.contacts import KINDS, MAX_DAYS_BACK, MAX_NOTE, LogLine, LogProblem, parse_log
from domain.grammar import format_date
from storage import contacts, people
from storage.models import ContactLog, Person

logger = logging.getLogger(__name__)

UNDO_WINDOW = timedelta(minutes=10)
EDIT_WINDOW = timedelta(days=1)
DEFAULT_LIST = 10
MAX_LIST = 50


def details(contact: ContactLog, lang: Lang, *, today: date) -> str:
    """ "bellen, 15 min, gisteren (zondag 22 november), met notitie"."""
    parts = [kind_name(contact.kind, lang)]
    if contact.minutes:
        parts.append(minutes_text(contact.minutes, lang))
    if contact.day != today:
        parts.append(format_date(contact.day, lang))
    if contact.note:
        parts.append(t("contact.with_note", lang))
    return ", ".join(parts)


async def _contact_form(
    turn: Turn, draft: ContactDraft | None = None, *, problem: str | None = None
) -> Reply:
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
        )
    )


async def _store(
    turn: Turn,
    pupil: Person,
    *,
    day: date,
    kind: str,
    minutes: int | None,
    note: str | None,
    source: str,
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


@router.command("log", "contact", roles=STAFF)
async def log_contact(turn: Turn) -> Sequence[Reply]:
    """`log <leerling> <soort> [duur] [datum] [notitie]`; unreadable lines open the card."""
    if not turn.args:
        return [await _contact_form(turn)]
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
    )


def _rerun(line: LogLine) -> str:
    """The same log line with `{name}` for the pupil, for the candidate buttons."""
    parts = ["log", "{name}", line.kind]
    if line.minutes:
        parts.append(f"{line.minutes}m")
    parts.append(line.day.isoformat())
    if line.note:
        parts.append(line.note.replace("{", "(").replace("}", ")"))
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
    return await _contact_form(
        turn, ContactDraft(pupil_id=pupil_id, kind=problem.kind), problem=message
    )


def _read_card(
    value: dict[str, Any], *, today: date
) -> tuple[int, str, int | None, date, str | None]:
    """(pupil id, kind, minutes, day, note) from a contact card, or ValueError."""
    pupil = value.get("pupil")
    kind = value.get("kind")
    if not isinstance(pupil, str | int) or not str(pupil).isdigit() or kind not in KINDS:
        raise ValueError("pupil or kind")
    raw_minutes = value.get("minutes")
    minutes = None
    if raw_minutes not in (None, ""):
        if not str(raw_minutes).isdigit() or not 1 <= int(str(raw_minutes)) <= 720:
            raise ValueError("minutes")
        minutes = int(str(raw_minutes))
    day = date.fromisoformat(str(value.get("day") or today.isoformat()))
    if day > today or (today - day).days > MAX_DAYS_BACK:
        raise ValueError("day")
    note = value.get("note")
    if note is not None and not isinstance(note, str):
        raise ValueError("note")
    note = (note or "").strip() or None
    if note is not None and len(note) > MAX_NOTE:
        raise ValueError("note")
    return int(str(pupil)), str(kind), minutes, day, note


@router.card_action("contact.save", roles=STAFF)
async def save_from_card(turn: Turn) -> Sequence[Reply]:
    """The contact card was sent: a new contact, or an edit of the author's own."""
    value = turn.inbound.value or {}
    today = local_date(turn.now)
    try:
        pupil_id, kind, minutes, day, note = _read_card(value, today=today)
    except ValueError:
        return [text(t("contact.problem.invalid", turn.lang))]
    pupil = next((p for p in await visible_pupils(turn) if p.id == pupil_id), None)
    if pupil is None:
        return [text(t("contact.problem.invalid", turn.lang))]
    if value.get("contact") is not None:
        return await _edit(turn, value.get("contact"), pupil, kind, minutes, day, note)
    nonce = value.get("nonce")
    if not isinstance(nonce, str) or not 8 <= len(nonce) <= 64:
        return [text(t("contact.problem.invalid", turn.lang))]
    return await _store(
        turn, pupil, day=day, kind=kind, minutes=minutes, note=note, source=f"card:{nonce}"
    )


async def _own_recent(turn: Turn, raw_id: Any, window: timedelta) -> ContactLog | Reply:
    """A contact the sender wrote within `window`, or the polite reason why not."""
    if not isinstance(raw_id, int | str) or not str(raw_id).isdigit():
        return text(t("contact.gone", turn.lang))
    contact = await contacts.get_contact(session=turn.session, contact_id=int(str(raw_id)))
    if contact is None or contact.team_id != turn.team_id:
        return text(t("contact.gone", turn.lang))
    created = contact.created_at or turn.now
    if contact.author_id != turn.actor_id or turn.now - created > window:
        return text(t("contact.too_late", turn.lang))
    return contact


async def _edit(
    turn: Turn,
    raw_id: Any,
    pupil: Person,
    kind: str,
    minutes: int | None,
    day: date,
    note: str | None,
) -> Sequence[Reply]:
    found = await _own_recent(turn, raw_id, EDIT_WINDOW)
    if isinstance(found, Reply):
        return [found]
    changed = sorted(
        field
        for field, new in (
            ("pupil_id", pupil.id),
            ("kind", kind),
            ("minutes", minutes),
            ("day", day),
            ("note", note),
        )
        if getattr(found, field) != new
    )
    found.pupil_id, found.kind, found.minutes, found.day, found.note = (
        pupil.id or 0,
        kind,
        minutes,
        day,
        note,
    )
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


@router.card_action("contact.undo", roles=STAFF)
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


@router.card_action("contact.delete", roles=STAFF)
async def delete(turn: Turn) -> Sequence[Reply]:
    """Delete one's own contact within a day."""
    found = await _own_recent(turn, (turn.inbound.value or {}).get("contact"), EDIT_WINDOW)
    if isinstance(found, Reply):
        return [found]
    await _remove(turn, found, "contact.deleted")
    return [text(t("contact.deleted", turn.lang))]


@router.card_action("contact.edit", roles=STAFF)
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


@router.command("contacten", "contacts", roles=STAFF)
async def list_contacts(turn: Turn) -> Sequence[Reply]:
    """`contacten <leerling> [aantal]`: the latest contacts, newest first."""
    name, limit = turn.args, DEFAULT_LIST
    head, _, last = turn.args.rpartition(" ")
    if head and last.isdigit():
        name, limit = head, max(1, min(MAX_LIST, int(last)))
    if not name.strip():
        return [text(t("usage.contacten", turn.lang))]
    pupil = await resolve_pupil(turn, name, rerun=f"contacten {{name}} {limit}")
    if isinstance(pupil, NotFound):
        return [pupil.reply]
    assert pupil.id is not None
    rows = await contact_rows(turn, pupil.id, limit)
    await turn.audit("pupil.contacts_read", subject_id=pupil.id)
    return [card(contacts_card(lang=turn.lang, pupil=pupil.name, rows=rows, team_ref=turn.team_id))]


async def contact_rows(turn: Turn, pupil_id: int, limit: int) -> list[ContactRow]:
    """A pupil's latest contacts as rows, editable where the sender may still change them."""
    found = await contacts.recent_contacts(session=turn.session, pupil_id=pupil_id, limit=limit)
    authors: dict[int, str] = {}
    rows: list[ContactRow] = []
    for contact in found:
        author = ""
        if contact.author_id is not None:
            if contact.author_id not in authors:
                person = await people.get_person(session=turn.session, person_id=contact.author_id)
                authors[contact.author_id] = person.name if person else ""
            author = authors[contact.author_id]
        editable = contact.author_id == turn.actor_id and (
            turn.now - (contact.created_at or turn.now) <= EDIT_WINDOW
        )
        rows.append(
            ContactRow(
                id=contact.id or 0,
                day=contact.day,
                kind=contact.kind,
                minutes=contact.minutes,
                author=author,
                note=contact.note,
                editable=editable,
            )
        )
    return rows
