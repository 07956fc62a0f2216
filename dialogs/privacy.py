"""AVG requests from chat: `inzage` (export), `wis` (erasure, confirmed on a card), `audit`."""

from __future__ import annotations

import json
from collections.abc import Sequence

from sqlmodel import col, select

from cards.catalogue import t
from cards.common import confirm_card
from dialogs.inbound import Reply, card, text
from dialogs.names import NotFound, resolve
from dialogs.router import COORDINATOR, Turn, router
from domain.clock import SCHOOL_TZ
from storage import people, privacy
from storage.models import AuditEvent, Person

INLINE_EXPORT = 12_000  # characters of JSON shown in chat; larger exports go through the operator
AUDIT_LINES = 20


@router.command("inzage", "export", roles=COORDINATOR)
async def export_command(turn: Turn) -> Sequence[Reply]:
    """`inzage <naam>`: everything stored about one person (an inzageverzoek)."""
    if not turn.args:
        return [text(t("usage.inzage", turn.lang))]
    person = await resolve(turn, turn.args, rerun="inzage {name}")
    if isinstance(person, NotFound):
        return [person.reply]
    data = await privacy.export_person(session=turn.session, person=person)
    await turn.audit("person.exported", subject_id=person.id)
    counts = ", ".join(f"{key}: {len(v)}" for key, v in data.items() if isinstance(v, list))
    dumped = json.dumps(data, ensure_ascii=False, indent=1)
    summary = t("inzage.summary", turn.lang, name=person.name, counts=counts)
    if len(dumped) <= INLINE_EXPORT:
        return [text(summary + "\n\n```json\n" + dumped + "\n```")]
    return [
        text(summary + "\n\n" + t("inzage.too_large", turn.lang, id=person.id, team=turn.team_id))
    ]


@router.command("wis", "erase", roles=COORDINATOR)
async def erase_command(turn: Turn) -> Sequence[Reply]:
    """`wis <naam>`: asks for confirmation on a card before erasing everything about someone."""
    if not turn.args:
        return [text(t("usage.wis", turn.lang))]
    person = await resolve(turn, turn.args, rerun="wis {name}")
    if isinstance(person, NotFound):
        return [person.reply]
    if person.id == turn.actor_id:
        return [text(t("wis.not_yourself", turn.lang))]
    question = confirm_card(
        question=t("wis.confirm", turn.lang, name=person.name),
        confirm=(
            t("wis.yes", turn.lang),
            {"verb": "erase.confirm", "team": turn.team_id, "person": person.id},
        ),
        cancel=(t("wis.no", turn.lang), {"verb": "erase.cancel", "team": turn.team_id}),
    )
    return [card(question)]


@router.card_action("erase.confirm", roles=COORDINATOR)
async def erase_confirmed(turn: Turn) -> Sequence[Reply]:
    """The coordinator confirmed the erasure."""
    raw = (turn.inbound.value or {}).get("person")
    if not isinstance(raw, int | str) or not str(raw).isdigit():
        return [text(t("card.unknown", turn.lang))]
    person = await people.get_person(session=turn.session, person_id=int(str(raw)))
    if person is None or person.team_id != turn.team_id:
        return [text(t("wis.gone", turn.lang))]
    if person.id == turn.actor_id:
        return [text(t("wis.not_yourself", turn.lang))]
    if person.role == "coordinator":
        coordinators = await people.team_members(
            session=turn.session, team_id=turn.team_id, role="coordinator"
        )
        if len(coordinators) <= 1:
            return [text(t("rol.last_coordinator", turn.lang, name=person.name))]
    name, person_id = person.name, person.id
    await privacy.erase_person(session=turn.session, person=person)
    await turn.audit("person.erased", details={"person_id": person_id})
    return [text(t("wis.done", turn.lang, name=name))]


@router.card_action("erase.cancel", roles=COORDINATOR)
async def erase_cancelled(turn: Turn) -> Sequence[Reply]:
    """The coordinator thought better of it."""
    return [text(t("wis.cancelled", turn.lang))]


@router.command("audit", roles=COORDINATOR)
async def audit_command(turn: Turn) -> Sequence[Reply]:
    """`audit [naam]`: who did what, latest first (the whole team, or about one person)."""
    query = select(AuditEvent).where(AuditEvent.team_id == turn.team_id)
    title = t("audit.title", turn.lang)
    if turn.args:
        person = await resolve(turn, turn.args, rerun="audit {name}")
        if isinstance(person, NotFound):
            return [person.reply]
        query = query.where(AuditEvent.subject_id == person.id)
        title = t("audit.title_about", turn.lang, name=person.name)
    events = (
        await turn.session.exec(query.order_by(col(AuditEvent.id).desc()).limit(AUDIT_LINES))
    ).all()
    names = await _names(turn, {e.actor_id for e in events} | {e.subject_id for e in events})
    lines = [f"**{title}**"]
    for event in events:
        when = event.at.astimezone(SCHOOL_TZ).strftime("%d-%m-%Y %H:%M") if event.at else ""
        who = names.get(event.actor_id, "—")
        about = f" → {names[event.subject_id]}" if event.subject_id in names else ""
        lines.append(f"- {when} · {event.action} · {who}{about}")
    if len(lines) == 1:
        lines.append(t("audit.none", turn.lang))
    await turn.audit("audit.read")
    return [text("\n".join(lines))]


async def _names(turn: Turn, ids: set[int | None]) -> dict[int | None, str]:
    found: dict[int | None, str] = {}
    for person_id in ids:
        if person_id is None:
            continue
        person: Person | None = await people.get_person(session=turn.session, person_id=person_id)
        if person is not None:
            found[person_id] = person.name
    return found
