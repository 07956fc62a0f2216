"""Coordinator commands: give roles, link pupils to mentors, list the team."""

from __future__ import annotations

import re
from collections.abc import Sequence

from cards.catalogue import Words, t
from cards.plain import plain
from dialogs.bands import band_name, band_note, set_own_band
from dialogs.inbound import Reply, text
from dialogs.names import NotFound, resolve
from dialogs.router import COORDINATOR, PRIVATE, Turn, router
from dialogs.teams_menu import TeamsMenu
from domain.age import AgeBand, band_of
from domain.clock import local_date
from domain.grammar import format_date
from domain.roles import Role
from domain.text import fold, suggest
from storage import people
from storage.models import Person

ROLE_WORDS = {
    "leerling": Role.PUPIL,
    "pupil": Role.PUPIL,
    "student": Role.PUPIL,
    "mentor": Role.MENTOR,
    "coach": Role.MENTOR,
    "coordinator": Role.COORDINATOR,
    "coördinator": Role.COORDINATOR,
    "geen": None,
    "none": None,
}
ROLE_BY_WORD = {fold(word): role for word, role in ROLE_WORDS.items()}
LINK_SPLIT = re.compile(r"\s+(?:aan|to|bij|with)\s+", re.IGNORECASE)


@router.command(
    "rol",
    "role",
    roles=COORDINATOR,
    where=PRIVATE,
    order=140,
    help=Words(
        nl=(
            "**rol** _naam_ leerling "
            "[jong|midden|oud]|mentor|coördinator|geen — geef iemand een rol"
        ),
        en=(
            "**role** _name_ pupil "
            "[young|middle|older]|mentor|coordinator|none — give someone a role"
        ),
    ),
    usage=Words(
        nl=(
            "Gebruik: **rol** _naam_ leerling|mentor|coördinator|geen, "
            "bijvoorbeeld `rol Sanne leerling`; een leerling met "
            "leeftijdsgroep: `rol Sanne leerling jong` (of midden, oud)."
        ),
        en=(
            "Usage: **role** _name_ pupil|mentor|coordinator|none, for example `role Sanne "
            "pupil`; a pupil with an age band: `role Sanne pupil young` (or middle, older)."
        ),
    ),
    teams=TeamsMenu(
        title="role",
        order=120,
        personal=Words(
            nl="Iemand een rol geven: rol Sanne leerling (coördinatoren)",
            en="Give someone a role: role Sanne pupil (coordinators)",
        ),
    ),
)
async def set_role(turn: Turn) -> Sequence[Reply]:
    """`rol <naam> leerling|mentor|coördinator|geen`; a pupil may get `jong|midden|oud` too."""
    args, band_word = _band_suffix(turn.args)
    name, _, word = args.rpartition(" ")
    key = fold(word)
    if not name.strip() or key not in ROLE_BY_WORD:
        return [_role_usage(turn, name, word, key)]
    role = ROLE_BY_WORD[key]
    band = band_of(band_word) if band_word else None
    if band is not None and role != Role.PUPIL:
        return [text(t("leeftijd.pupils_only", turn.lang))]
    found = await resolve(turn, name, rerun=f"rol {{name}} {word} {band_word}".rstrip())
    if isinstance(found, NotFound):
        return [found.reply]
    person = found
    role_name = t(f"role.{role or 'member'}", turn.lang)
    if person.role == role:
        reply = t("rol.unchanged", turn.lang, name=person.name, role=role_name)
        if band is not None and await set_own_band(turn, person, band):
            reply += "\n\n" + _band_set(turn, person, band)
        return [text(reply)]
    if person.role == Role.COORDINATOR:
        coordinators = await people.team_members(
            session=turn.session, team_id=turn.team_id, role=Role.COORDINATOR
        )
        if len(coordinators) <= 1:
            return [text(t("rol.last_coordinator", turn.lang, name=person.name))]
    notes = await _leave_role(turn, person)
    old = person.role
    person.role = role
    turn.session.add(person)
    await turn.audit("role.changed", subject_id=person.id, details={"from": old, "to": role})
    reply = t("rol.done", turn.lang, name=person.name, role=role_name)
    if role == Role.PUPIL:
        if band is not None and await set_own_band(turn, person, band):
            notes.append(_band_set(turn, person, band))
        notes.append(t("rol.link_hint", turn.lang, name=person.name))
    return [text("\n\n".join([reply, *notes]))]


def _band_suffix(args: str) -> tuple[str, str]:
    """ "Sanne leerling jong" -> ("Sanne leerling", "jong"): a band only right after a role."""
    head, _, last = args.strip().rpartition(" ")
    if band_of(last) is not None and fold(head.rpartition(" ")[2]) in ROLE_BY_WORD:
        return head, last
    return args, ""


def _role_usage(turn: Turn, name: str, word: str, key: str) -> Reply:
    guess = suggest(key, list(ROLE_WORDS)) if key else None
    usage = turn.usage()
    if guess and name.strip():
        return text(
            t("command.bad_value", turn.lang, value=word[:30], guess=guess) + "\n\n" + usage
        )
    return text(usage)


def _band_set(turn: Turn, person: Person, band: AgeBand) -> str:
    return t("leeftijd.set", turn.lang, name=person.name, band=band_name(band, turn.lang))


async def _leave_role(turn: Turn, person: Person) -> list[str]:
    """Undo what the old role held: a pupil's mentor and age band, a mentor's pupils."""
    notes: list[str] = []
    assert person.id is not None
    if person.role == Role.PUPIL:
        await people.unlink_pupil(session=turn.session, pupil_id=person.id)
        person.age_band = None  # a band is a pupil's; a pupil again gets the team's default
    if person.role == Role.MENTOR:
        orphans = await people.unlink_mentor(session=turn.session, mentor_id=person.id)
        if orphans:
            notes.append(t("rol.orphans", turn.lang, count=len(orphans)))
    return notes


@router.command(
    "koppel",
    "link",
    roles=COORDINATOR,
    where=PRIVATE,
    order=150,
    help=Words(
        nl="**koppel** _leerling_ aan _mentor_ — koppel een leerling aan een mentor",
        en="**link** _pupil_ to _mentor_ — link a pupil to a mentor",
    ),
    usage=Words(
        nl="Gebruik: **koppel** _leerling_ aan _mentor_, bijvoorbeeld `koppel Sanne aan Fatima`.",
        en="Usage: **link** _pupil_ to _mentor_, for example `link Sanne to Fatima`.",
    ),
)
async def link_pupil(turn: Turn) -> Sequence[Reply]:
    """`koppel <leerling> aan <mentor>`."""
    parts = LINK_SPLIT.split(turn.args)
    if len(parts) != 2 or not parts[0].strip() or not parts[1].strip():
        return [text(turn.usage())]
    pupil_query, mentor_query = parts[0].strip(), parts[1].strip()
    pupils = await people.team_members(session=turn.session, team_id=turn.team_id, role=Role.PUPIL)
    pupil = await resolve(
        turn, pupil_query, rerun=f"koppel {{name}} aan {mentor_query}", candidates=pupils
    )
    if isinstance(pupil, NotFound):
        return [await _explain_not_pupil(turn, pupil_query) or pupil.reply]
    mentors = await people.team_members(
        session=turn.session, team_id=turn.team_id, role=Role.MENTOR
    )
    mentor = await resolve(
        turn, mentor_query, rerun=f"koppel #{pupil.id} aan {{name}}", candidates=mentors
    )
    if isinstance(mentor, NotFound):
        return [mentor.reply if mentors else text(t("koppel.no_mentors", turn.lang))]
    previous = await people.link_mentor(
        session=turn.session, pupil=pupil, mentor=mentor, by=turn.actor, now=turn.now
    )
    await turn.audit(
        "mentor.linked",
        subject_id=pupil.id,
        details={"mentor_id": mentor.id, "previous_mentor_id": previous.id if previous else None},
    )
    if previous is not None:
        return [
            text(
                t(
                    "koppel.moved",
                    turn.lang,
                    pupil=pupil.name,
                    mentor=mentor.name,
                    previous=previous.name,
                )
            )
        ]
    return [text(t("koppel.done", turn.lang, pupil=pupil.name, mentor=mentor.name))]


async def _explain_not_pupil(turn: Turn, query: str) -> Reply | None:
    """When the name fits exactly one member who is not a pupil, say so instead of 'unknown'."""
    everyone = await people.team_members(session=turn.session, team_id=turn.team_id)
    found = await resolve(turn, query, rerun="", candidates=everyone)
    if isinstance(found, NotFound) or found.role == Role.PUPIL:
        return None
    return text(t("koppel.not_a_pupil", turn.lang, name=found.name))


@router.command(
    "team",
    "klas",
    "members",
    roles=COORDINATOR,
    where=PRIVATE,
    order=170,
    help=Words(
        nl="**team** — alle teamleden met hun rol en mentor",
        en="**team** — all team members with their role and mentor",
    ),
    usage=Words(
        nl="Typ **team** voor alle teamleden met hun rol en mentor.",
        en="Type **team** for all team members with their role and mentor.",
    ),
)
async def list_team(turn: Turn) -> Sequence[Reply]:
    """`team`: members by role, pupils with their mentor."""
    members = await people.team_members(session=turn.session, team_id=turn.team_id)
    mentors = await people.mentor_map(session=turn.session, team_id=turn.team_id)
    assert turn.team is not None
    lines = [t("team.title", turn.lang, team=turn.team.name or "?", count=len(members))]
    for role in (Role.COORDINATOR, Role.MENTOR, Role.PUPIL, None):
        group = [m for m in members if m.role == role]
        if not group:
            continue
        lines.append("")
        lines.append(
            "**" + t("team.heading." + (role or "member"), turn.lang) + f"** ({len(group)})"
        )
        for member in group:
            line = f"- {plain(member.name)}"
            if role == Role.PUPIL:
                assert member.id is not None
                mentor = mentors.get(member.id)
                line += " — " + (
                    t("team.mentor", turn.lang, name=mentor.name)
                    if mentor
                    else t("team.no_mentor", turn.lang)
                )
                line += " — " + band_note(member, turn.team, turn.lang)
                if member.paused_until and member.paused_until >= local_date(turn.now):
                    line += " — " + t(
                        "team.paused", turn.lang, until=format_date(member.paused_until, turn.lang)
                    )
            lines.append(line)
    if any(m.role is None for m in members):
        lines.append("")
        lines.append(t("team.hint_roles", turn.lang))
    return [text("\n".join(lines))]
