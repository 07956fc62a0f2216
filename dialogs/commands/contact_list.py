"""`contacten`: a pupil's latest contacts, newest first; the author may still edit them."""

from __future__ import annotations

import logging
from collections.abc import Sequence

from cards.catalogue import Words
from cards.mentor import (
    ContactRow,
    contacts_card,
)
from dialogs.commands.contact_changes import EDIT_WINDOW
from dialogs.inbound import Reply, card, text
from dialogs.names import NotFound, resolve_pupil
from dialogs.router import PRIVATE, STAFF, Turn, router
from dialogs.teams_menu import TeamsMenu
from domain.numbers import clamped_int
from storage import contacts, people

logger = logging.getLogger(__name__)

DEFAULT_LIST = 10
MAX_LIST = 50


@router.command(
    "contacten",
    "contacts",
    roles=STAFF,
    where=PRIVATE,
    order=70,
    help=Words(
        nl="**contacten** _leerling_ [aantal] — de laatste contacten",
        en="**contacts** _pupil_ [number] — the latest contacts",
    ),
    usage=Words(
        nl="Gebruik: **contacten** _leerling_ [aantal], bijvoorbeeld `contacten Sanne 5`.",
        en="Usage: **contacts** _pupil_ [number], for example `contacts Sanne 5`.",
    ),
    teams=TeamsMenu(
        title="contacts",
        order=70,
        personal=Words(
            nl="De laatste contacten met een leerling",
            en="The latest contacts with a pupil",
        ),
    ),
)
async def list_contacts(turn: Turn) -> Sequence[Reply]:
    """`contacten <leerling> [aantal]`: the latest contacts, newest first."""
    name, limit = turn.args, DEFAULT_LIST
    head, _, last = turn.args.rpartition(" ")
    count = clamped_int(last, low=1, high=MAX_LIST)  # "500" shows the latest MAX_LIST
    if head and count is not None:
        name, limit = head, count
    if not name.strip():
        return [text(turn.usage())]
    pupil = await resolve_pupil(turn, name, rerun=f"contacten {{name}} {limit}")
    if isinstance(pupil, NotFound):
        return [pupil.reply]
    assert pupil.id is not None
    rows = await contact_rows(turn, pupil.id, limit)
    await turn.audit("contacts.viewed", subject_id=pupil.id)
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
