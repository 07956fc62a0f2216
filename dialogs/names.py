"""Finding the person a command names: an @mention or an unambiguous part of a display name."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from cards.catalogue import Lang, t
from cards.common import choice_buttons_card
from dialogs.inbound import Reply, card, text
from dialogs.router import Turn
from domain.numbers import MAX_ID, ascii_int, is_ascii_number
from domain.roles import Role
from domain.text import fold, name_matches
from storage import people
from storage.models import Person

MAX_CANDIDATES = 8


@dataclass(frozen=True)
class NotFound:
    """The name did not resolve; `reply` says why (unknown, or which candidates)."""

    reply: Reply


def first_name(person: Person) -> str:
    """How the bot addresses someone: the given name, else the first word of the display name."""
    if person.given_name:
        return person.given_name
    return person.name.split(" ")[0] if person.name else ""


async def resolve(
    turn: Turn,
    query: str,
    *,
    rerun: str,
    candidates: Sequence[Person] | None = None,
) -> Person | NotFound:
    """Resolve `query` among the team's members (or `candidates`).

    `rerun` is the command line with `{name}` where the name goes; an ambiguous name answers with
    one button per candidate that runs that command again for exactly that person (`#<id>`,
    accepted only for people in the pool, so a forged button reaches no one else).
    """
    query = query.strip().strip("\"'")
    if not query:
        return NotFound(text(t("names.missing", turn.lang)))
    pool = (
        list(candidates)
        if candidates is not None
        else list(await people.team_members(session=turn.session, team_id=turn.team_id))
    )
    if query.startswith("#") and is_ascii_number(query[1:]):
        return _by_id(pool, query, turn.lang)
    mentioned = _by_mention(turn, pool, query)
    if mentioned is not None:
        return mentioned
    return _by_name(pool, query.lstrip("@"), rerun=rerun, lang=turn.lang)


def _by_id(pool: Sequence[Person], query: str, lang: Lang) -> Person | NotFound:
    """`#<id>`, as a button of an ambiguous answer runs it: only someone in the pool."""
    wanted = ascii_int(query[1:], low=1, high=MAX_ID)
    chosen = [p for p in pool if wanted is not None and p.id == wanted]
    if chosen:
        return chosen[0]
    return NotFound(text(t("names.unknown", lang, query=_shown(query))))


def _by_mention(turn: Turn, pool: Sequence[Person], query: str) -> Person | NotFound | None:
    """The person an @mention of `query` names; None when it is no mention or names several."""
    mentioned = {m.id for m in turn.inbound.mentions if fold(m.name) == fold(query.lstrip("@"))}
    if not mentioned:
        return None
    hits = [p for p in pool if p.teams_user_id in mentioned]
    if len(hits) == 1:
        return hits[0]
    if not hits:
        return NotFound(text(t("names.not_in_list", turn.lang, query=_shown(query))))
    return None


def _by_name(pool: Sequence[Person], plain: str, *, rerun: str, lang: Lang) -> Person | NotFound:
    """The one person whose name is `plain`, or the one it is part of; else unknown, or a
    button for each candidate."""
    exact = [p for p in pool if fold(p.name) == fold(plain)]
    if len(exact) == 1:
        return exact[0]
    hits = exact or [p for p in pool if name_matches(plain, p.name)]
    if len(hits) == 1:
        return hits[0]
    if not hits:
        return NotFound(text(t("names.unknown", lang, query=_shown(plain))))
    shown = hits[:MAX_CANDIDATES]
    buttons = [(p.name, rerun.format(name=f"#{p.id}")) for p in shown]
    return NotFound(
        card(
            choice_buttons_card(
                title=t("names.ambiguous", lang, query=_shown(plain), count=len(hits)),
                buttons=buttons,
            )
        )
    )


def _shown(query: str) -> str:
    """A name as typed, shortened so an echo can never carry a long text back."""
    return query if len(query) <= 40 else query[:39] + "…"


async def visible_pupils(turn: Turn) -> Sequence[Person]:
    """The pupils this person may see and act on: a mentor's own, every pupil for a coordinator."""
    if turn.role == Role.COORDINATOR:
        return await people.team_members(
            session=turn.session, team_id=turn.team_id, role=Role.PUPIL
        )
    if turn.role == Role.MENTOR:
        return await people.pupils_of(session=turn.session, mentor_id=turn.actor_id)
    return []


async def resolve_pupil(turn: Turn, query: str, *, rerun: str) -> Person | NotFound:
    """One of the pupils this person may see; another mentor's pupil gets a polite no."""
    found = await resolve(turn, query, rerun=rerun, candidates=await visible_pupils(turn))
    if not isinstance(found, NotFound) or turn.role == Role.COORDINATOR:
        return found
    everyone = await people.team_members(
        session=turn.session, team_id=turn.team_id, role=Role.PUPIL
    )
    other = await resolve(turn, query, rerun=rerun, candidates=everyone)
    if isinstance(other, Person):
        return NotFound(text(t("pupil.not_yours", turn.lang, name=other.name)))
    return found
