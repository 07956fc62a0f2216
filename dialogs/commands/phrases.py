"""`signaalwoorden`: a team's own words of distress, which coordinators list, add and remove.

They are heard beside the built-in ones (dialogs.commands.distress).
"""

from __future__ import annotations

from collections.abc import Sequence

from cards.catalogue import Words, t
from dialogs.inbound import Reply, text
from dialogs.router import COORDINATOR, PRIVATE, Turn, router
from domain import distress
from domain.text import printable
from storage import phrases

PHRASE_LENGTH = (3, 200)
MAX_PHRASES = 100


@router.command(
    "signaalwoorden",
    "distresswords",
    roles=COORDINATOR,
    where=PRIVATE,
    order=230,
    help=Words(
        nl="**signaalwoorden** [+ _zin_ | - _zin_] — eigen signaalwoorden van dit team",
        en="**distresswords** [+ _phrase_ | - _phrase_] — this team's own words of distress",
    ),
    usage=Words(
        nl=(
            "Toevoegen: **signaalwoorden + ik ben zo alleen**. "
            "Weghalen: **signaalwoorden - ik ben zo alleen**."
        ),
        en="Add: **distresswords + i am so alone**. Remove: **distresswords - i am so alone**.",
    ),
)
async def phrases_command(turn: Turn) -> Sequence[Reply]:
    """List, add (`+ zin`) or remove (`- zin`) the team's own words of distress."""
    args = turn.args.strip()
    if args[:1] in ("+", "-"):
        phrase = " ".join(printable(args[1:]).split()).lower()
        key = distress.extra_key(phrase)
        low, high = PHRASE_LENGTH
        if not (low <= len(phrase) <= high) or len(key) < low or not any(c.isalpha() for c in key):
            return [text(t("phrases.bad_length", turn.lang, low=low, high=high))]
        if args[0] == "+":
            return [text(await _add_phrase(turn, phrase, key))]
        return [text(await _remove_phrase(turn, phrase, key))]
    own = await phrases.team_phrases(session=turn.session, team_id=turn.team_id)
    listed = [t("phrases.list", turn.lang, count=len(own)) if own else t("phrases.none", turn.lang)]
    listed += [t("phrases.item", turn.lang, phrase=p.phrase) for p in own]
    parts = [
        t("phrases.intro", turn.lang, count=len(distress.builtin())),
        "\n".join(listed),
        turn.usage(),
    ]
    return [text("\n\n".join(parts))]


async def _add_phrase(turn: Turn, phrase: str, key: str) -> str:
    own = await phrases.team_phrases(session=turn.session, team_id=turn.team_id)
    if any(distress.extra_key(p.phrase) == key for p in own):
        return t("phrases.already", turn.lang, phrase=phrase)
    if len(own) >= MAX_PHRASES:
        return t("phrases.too_many", turn.lang, limit=MAX_PHRASES)
    stored, _ = await phrases.add_phrase(
        session=turn.session,
        team_id=turn.team_id,
        phrase=phrase,
        added_by_id=turn.actor_id,
        now=turn.now,
    )
    await turn.audit("phrases.added", details={"phrase_id": stored.id})
    return t("phrases.added", turn.lang, phrase=phrase)


async def _remove_phrase(turn: Turn, phrase: str, key: str) -> str:
    own = await phrases.team_phrases(session=turn.session, team_id=turn.team_id)
    found = next((p for p in own if distress.extra_key(p.phrase) == key), None)
    if found is None or found.id is None:
        return t("phrases.not_found", turn.lang, phrase=phrase)
    await phrases.remove_phrase(session=turn.session, team_id=turn.team_id, phrase_id=found.id)
    await turn.audit("phrases.removed", details={"phrase_id": found.id})
    return t("phrases.removed", turn.lang, phrase=found.phrase)
