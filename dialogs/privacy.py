"""AVG requests from chat: `inzage` (export), `wis` (erasure, confirmed on a card), `audit`."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import func
from sqlmodel import col, select

from cards.catalogue import t
from cards.common import confirm_card
from cards.plain import plain
from dialogs.inbound import Reply, card, text
from dialogs.names import NotFound, resolve
from dialogs.router import COORDINATOR, PRIVATE, Turn, router
from domain.clock import SCHOOL_TZ
from domain.numbers import MAX_ID, int_value
from storage import audit, people, privacy
from storage.models import AuditEvent, Person

INLINE_EXPORT = 12_000  # characters of JSON shown in chat; larger exports go through the operator
AUDIT_LINES = 20
NAMES_PER_LINE = 3  # a read of many pupils names the first few and counts the rest


@router.command("inzage", "export", roles=COORDINATOR, where=PRIVATE)
async def export_command(turn: Turn) -> Sequence[Reply]:
    """`inzage <naam>`: everything stored about one person (an inzageverzoek)."""
    if not turn.args:
        return [text(t("usage.inzage", turn.lang))]
    person = await resolve(turn, turn.args, rerun="inzage {name}")
    if isinstance(person, NotFound):
        return [person.reply]
    data = await privacy.export_person(session=turn.session, person=person)
    await turn.audit("person.exported", subject_id=person.id)
    # Other pupils appear in the export by id only, but that is still something about them.
    named = await privacy.others_named(session=turn.session, person=person, export=data)
    if named:
        await audit.record_each(
            session=turn.session,
            action="export.named",
            now=turn.now,
            team_id=turn.team_id,
            actor_id=turn.actor_id,
            subject_ids=named,
            details={"export_of": person.id},
        )
    counts = ", ".join(f"{key}: {len(v)}" for key, v in data.items() if isinstance(v, list))
    dumped = json.dumps(data, ensure_ascii=False, indent=1)
    summary = t("inzage.summary", turn.lang, name=person.name, counts=counts)
    if len(dumped) <= INLINE_EXPORT:
        return [text(summary + "\n\n```json\n" + dumped + "\n```")]
    return [
        text(summary + "\n\n" + t("inzage.too_large", turn.lang, id=person.id, team=turn.team_id))
    ]


@router.command("wis", "erase", roles=COORDINATOR, where=PRIVATE)
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


@router.card_action("erase.confirm", roles=COORDINATOR, where=PRIVATE)
async def erase_confirmed(turn: Turn) -> Sequence[Reply]:
    """The coordinator confirmed the erasure."""
    person_id = int_value((turn.inbound.value or {}).get("person"), low=1, high=MAX_ID)
    if person_id is None:
        return [text(t("card.unknown", turn.lang))]
    person = await people.get_person(session=turn.session, person_id=person_id)
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


@router.card_action("erase.cancel", roles=COORDINATOR, where=PRIVATE)
async def erase_cancelled(turn: Turn) -> Sequence[Reply]:
    """The coordinator thought better of it."""
    return [text(t("wis.cancelled", turn.lang))]


@router.command("audit", roles=COORDINATOR, where=PRIVATE)
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
    acts = await _latest_acts(turn, about)
    names = await _names(
        turn,
        {act.actor_id for act in acts}
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


@dataclass
class _Act:
    """One act in the trail: the events with the same action, actor and moment."""

    action: str
    at: datetime | None
    actor_ref: str | None
    actor_id: int | None = None
    subjects: list[tuple[int | None, str | None]] = field(default_factory=list)


async def _latest_acts(turn: Turn, about: Person | None) -> list[_Act]:
    """The latest AUDIT_LINES acts of the team (about one person, if given), newest first."""
    conditions: list[Any] = [AuditEvent.team_id == turn.team_id]
    if about is not None:
        conditions.append(AuditEvent.subject_id == about.id)
    # The actor's pseudonym stands for the actor: it is set whenever the actor id is, and stays
    # when the actor is erased.
    key = (col(AuditEvent.action), col(AuditEvent.at), col(AuditEvent.actor_ref))
    latest = func.max(AuditEvent.id).label("latest")
    groups = (
        await turn.session.exec(
            select(*key, latest)
            .where(*conditions)
            .group_by(*key)
            .order_by(latest.desc())
            .limit(AUDIT_LINES)
        )
    ).all()
    acts = {
        (action, at, actor_ref): _Act(action, at, actor_ref) for action, at, actor_ref, _ in groups
    }
    if acts:
        events = await turn.session.exec(
            select(AuditEvent)
            .where(*conditions, col(AuditEvent.at).in_({at for _, at, _ in acts}))
            .order_by(col(AuditEvent.id))
        )
        for event in events.all():
            act = acts.get((event.action, event.at, event.actor_ref))
            if act is None:
                continue
            act.actor_id = act.actor_id or event.actor_id
            subject = (event.subject_id, event.subject_ref)
            if subject != (None, None) and subject not in act.subjects:
                act.subjects.append(subject)
    return list(acts.values())


def _gone(turn: Turn, ref: str | None) -> str | None:
    """A person who is no longer there, by the pseudonym the trail kept."""
    return t("audit.gone", turn.lang, ref=ref) if ref else None


async def _names(turn: Turn, ids: set[int | None]) -> dict[int | None, str]:
    """The names of the people of this team among `ids` (erased people have none)."""
    wanted = [person_id for person_id in ids if person_id is not None]
    if not wanted:
        return {}
    found = await turn.session.exec(
        select(Person).where(col(Person.id).in_(wanted), Person.team_id == turn.team_id)
    )
    return {person.id: person.name for person in found.all()}
