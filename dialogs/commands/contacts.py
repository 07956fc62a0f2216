"""The contact log: `log` and the contact card (open, save); see `contact_changes` beside it."""

from __future__ import annotations

import logging
import uuid
from collections.abc import Sequence
from datetime import date, timedelta

from cards.catalogue import Words, t
from cards.mentor import (
    SAVE,
    ContactDraft,
    ContactForm,
    contact_card,
    contact_saved_card,
    kind_name,
)
from cards.pupils import OPEN_CONTACT, PupilChoice
from dialogs.commands.contact_changes import UNDO_WINDOW, details, edit_contact
from dialogs.inbound import Reply, card, text
from dialogs.names import NotFound, resolve_pupil, visible_pupils
from dialogs.router import PRIVATE, STAFF, Turn, router
from dialogs.teams_menu import TeamsMenu
from domain.clock import local_date
from domain.contacts import MAX_DAYS_BACK, ContactKind, LogLine, LogProblem, parse_log
from storage import contacts
from storage.models import Person

logger = logging.getLogger(__name__)


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


@router.card_action(
    OPEN_CONTACT,
    answer=PupilChoice,
    invalid="contact.pupil_unknown",
    roles=STAFF,
    where=PRIVATE,
)
async def open_for_pupil(turn: Turn) -> Sequence[Reply]:
    """A *Contact loggen* button in a list: the contact card, filled in for that pupil."""
    wanted = PupilChoice.of(turn.answer).pupil
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


@router.command(
    "log",
    "contact",
    roles=STAFF,
    where=PRIVATE,
    order=60,
    help=Words(
        nl=(
            "**log** _leerling_ _soort_ [duur] [datum] [notitie] — contact "
            "vastleggen, bv. `log Sanne bellen 15m gaat beter` (soorten: gesprek, "
            "voortgangsgesprek, bellen, chat, huisbezoek, ouders, school, overig); "
            "afspraken van een voortgangsgesprek na `afspraken:`, bv. `log Sanne "
            "voortgangsgesprek 20m afspraken: elke dag om 10 uur starten`"
        ),
        en=(
            "**log** _pupil_ _kind_ [duration] [date] [note] — record a contact, e.g. `log "
            "Sanne call 15m doing better` (kinds: talk, progress talk, call, chat, visit, "
            "parents, school, other); a progress talk's agreements after `agreements:`, "
            "e.g. `log Sanne progress talk 20m agreements: start at 10 every day`"
        ),
    ),
    usage=Words(
        nl=(
            "Gebruik: **log** _leerling_ _soort_ [duur] [datum] [notitie], bijvoorbeeld "
            "`log Sanne bellen 15m gaat beter`; **log** alleen opent de kaart."
        ),
        en=(
            "Usage: **log** _pupil_ _kind_ [duration] [date] [note], for example "
            "`log Sanne call 15m doing better`; **log** alone opens the card."
        ),
    ),
    teams=TeamsMenu(
        title="log",
        order=60,
        personal=Words(
            nl="Contact vastleggen: log Sanne bellen 15m gaat beter",
            en="Record a contact: log Sanne call 15m going better",
        ),
    ),
)
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


@router.card_action(
    SAVE, answer=ContactForm, invalid="contact.problem.invalid", roles=STAFF, where=PRIVATE
)
async def save_from_card(turn: Turn) -> Sequence[Reply]:
    """The contact card was sent: a new contact, or an edit of the author's own."""
    form = ContactForm.of(turn.answer)
    today = local_date(turn.now)
    day = form.day or today
    pupil = next((p for p in await visible_pupils(turn) if p.id == form.pupil), None)
    if pupil is None or form.kind is None or day > today or (today - day).days > MAX_DAYS_BACK:
        return [text(t("contact.problem.invalid", turn.lang))]
    draft = ContactDraft(
        pupil_id=pupil.id,
        kind=form.kind,
        minutes=form.minutes,
        day=day,
        note=form.note,
        agreements=form.agreements,
    )
    if form.agreements and form.kind != ContactKind.PROGRESS_TALK:
        # nothing typed is lost: the card comes back as it was sent
        problem = t("contact.problem.agreements_kind", turn.lang)
        return [await contact_form(turn, draft, problem=problem)]
    if form.contact is not None:
        return await edit_contact(turn, form.contact, pupil, draft)
    return await _store(
        turn,
        pupil,
        day=day,
        kind=form.kind,
        minutes=form.minutes,
        note=form.note,
        source=f"card:{form.nonce}",
        agreements=form.agreements,
    )
