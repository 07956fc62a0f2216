"""AVG requests from chat: `inzage` (export), `wis` (erasure, confirmed on a card), `audit`."""

from __future__ import annotations

import json
from collections.abc import Sequence

from cards.catalogue import Words, t
from cards.common import Declined
from cards.plain import plain
from cards.privacy import ERASE, KEEP, Erasure, erase_card
from dialogs.inbound import Reply, card, text
from dialogs.names import NotFound, resolve
from dialogs.router import COORDINATOR, PRIVATE, Turn, router
from domain.clock import SCHOOL_TZ
from domain.roles import Role
from storage import audit, people, privacy
from storage.models import Person

INLINE_EXPORT = 12_000  # characters of JSON shown in chat; larger exports go through the operator
AUDIT_LINES = 20
NAMES_PER_LINE = 3  # a read of many pupils names the first few and counts the rest


@router.command(
    "inzage",
    "export",
    roles=COORDINATOR,
    where=PRIVATE,
    order=210,
    help=Words(
        nl="**inzage** _naam_ — alles wat over iemand is opgeslagen (inzageverzoek)",
        en="**export** _name_ — everything stored about someone (subject access request)",
    ),
    usage=Words(nl="Gebruik: **inzage** _naam_.", en="Usage: **export** _name_."),
)
async def export_command(turn: Turn) -> Sequence[Reply]:
    """`inzage <naam>`: everything stored about one person (an inzageverzoek)."""
    if not turn.args:
        return [text(turn.usage())]
    person = await resolve(turn, turn.args, rerun="inzage {name}")
    if isinstance(person, NotFound):
        return [person.reply]
    data = await privacy.audited_export(
        session=turn.session,
        person=person,
        team_id=turn.team_id,
        now=turn.now,
        actor_id=turn.actor_id,
    )
    counts = ", ".join(f"{key}: {len(v)}" for key, v in data.items() if isinstance(v, list))
    dumped = json.dumps(data, ensure_ascii=False, indent=1)
    summary = t("inzage.summary", turn.lang, name=person.name, counts=counts)
    if len(dumped) <= INLINE_EXPORT:
        return [text(summary + "\n\n```json\n" + dumped + "\n```")]
    return [
        text(summary + "\n\n" + t("inzage.too_large", turn.lang, id=person.id, team=turn.team_id))
    ]


@router.command(
    "wis",
    "erase",
    roles=COORDINATOR,
    where=PRIVATE,
    order=220,
    help=Words(
        nl="**wis** _naam_ — alles over iemand verwijderen (met bevestiging)",
        en="**erase** _name_ — remove everything about someone (asks to confirm)",
    ),
    usage=Words(nl="Gebruik: **wis** _naam_.", en="Usage: **erase** _name_."),
)
async def erase_command(turn: Turn) -> Sequence[Reply]:
    """`wis <naam>`: asks for confirmation on a card before erasing everything about someone."""
    if not turn.args:
        return [text(turn.usage())]
    person = await resolve(turn, turn.args, rerun="wis {name}")
    if isinstance(person, NotFound):
        return [person.reply]
    if person.id == turn.actor_id:
        return [text(t("wis.not_yourself", turn.lang))]
    assert person.id is not None
    question = erase_card(
        lang=turn.lang, name=person.name, team_ref=turn.team_id, person_id=person.id
    )
    return [card(question)]


@router.card_action(ERASE, answer=Erasure, roles=COORDINATOR, where=PRIVATE)
async def erase_confirmed(turn: Turn) -> Sequence[Reply]:
    """The coordinator confirmed the erasure."""
    erasure = Erasure.of(turn.answer)
    person = await people.get_person(session=turn.session, person_id=erasure.person)
    if person is None or person.team_id != turn.team_id:
        return [text(t("wis.gone", turn.lang))]
    if person.id == turn.actor_id:
        return [text(t("wis.not_yourself", turn.lang))]
    if person.role == Role.COORDINATOR:
        coordinators = await people.team_members(
            session=turn.session, team_id=turn.team_id, role=Role.COORDINATOR
        )
        if len(coordinators) <= 1:
            return [text(t("rol.last_coordinator", turn.lang, name=person.name))]
    name, person_id = person.name, person.id
    await privacy.erase_person(session=turn.session, person=person)
    # The erasure's own line stays; the person's row is gone, so it names them by pseudonym.
    await audit.record(
        session=turn.session,
        action="person.erased",
        now=turn.now,
        team_id=turn.team_id,
        actor_id=turn.actor_id,
        subject_ref=audit.pseudonym(person_id),
        details={"person_id": person_id},
    )
    return [text(t("wis.done", turn.lang, name=name))]


@router.card_action(KEEP, answer=Declined, roles=COORDINATOR, where=PRIVATE)
async def erase_cancelled(turn: Turn) -> Sequence[Reply]:
    """The coordinator thought better of it."""
    return [text(t("wis.cancelled", turn.lang))]


@router.command(
    "audit",
    roles=COORDINATOR,
    where=PRIVATE,
    order=200,
    help=Words(
        nl="**audit** [naam] — wie heeft wat gedaan of ingezien",
        en="**audit** [name] — who did or read what",
    ),
    usage=Words(
        nl="Gebruik: **audit** (wie wat deed in het team) of **audit** _naam_ (over één persoon).",
        en="Usage: **audit** (who did what in the team) or **audit** _name_ (about one person).",
    ),
)
async def audit_command(turn: Turn) -> Sequence[Reply]:
    """`audit [naam]`: who did what, latest first (the whole team, or about one person).

    The events of one act (a read that showed 30 pupils is 30 events) are shown as one line.
    """
    about: Person | None = None
    title = t("audit.title", turn.lang)
    if turn.args:
        found = await resolve(turn, turn.args, rerun="audit {name}")
        if isinstance(found, NotFound):
            return [found.reply]
        about = found
        title = t("audit.title_about", turn.lang, name=about.name)
    acts = await audit.latest_acts(
        session=turn.session,
        team_id=turn.team_id,
        subject_id=about.id if about else None,
        limit=AUDIT_LINES,
    )
    names = await people.names_in_team(
        session=turn.session,
        team_id=turn.team_id,
        ids={act.actor_id for act in acts}
        | {subject_id for act in acts for subject_id, _ in act.subjects},
    )
    lines = [f"**{title}**"]
    for act in acts:
        when = act.at.astimezone(SCHOOL_TZ).strftime("%d-%m-%Y %H:%M") if act.at else ""
        who = plain(names.get(act.actor_id) or _gone(turn, act.actor_ref) or "—")
        subjects = (names.get(i) or _gone(turn, ref) for i, ref in act.subjects)
        whom = [plain(name) for name in subjects if name]
        about_text = ", ".join(whom[:NAMES_PER_LINE])
        if len(whom) > NAMES_PER_LINE:
            about_text += " " + t("audit.more", turn.lang, count=len(whom) - NAMES_PER_LINE)
        lines.append(f"- {when} · {act.action} · {who}" + (f" → {about_text}" if whom else ""))
    if len(lines) == 1:
        lines.append(t("audit.none", turn.lang))
    await turn.audit("audit.read", subject_id=about.id if about else None)
    return [text("\n".join(lines))]


def _gone(turn: Turn, ref: str | None) -> str | None:
    """A person who is no longer there, by the pseudonym the trail kept."""
    return t("audit.gone", turn.lang, ref=ref) if ref else None
