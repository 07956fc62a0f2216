"""`leeftijd`: which check-in a pupil gets (jong, midden, oud), or the team's default."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from cards.catalogue import Words, t
from dialogs.bands import (
    DEFAULT_WORDS,
    band_name,
    band_note,
    is_default_word,
    pupil_band,
    set_own_band,
    team_band,
)
from dialogs.inbound import Reply, text
from dialogs.names import NotFound, resolve, resolve_pupil
from dialogs.router import PRIVATE, STAFF, Turn, router
from domain.age import BAND_WORDS, AgeBand, band_of
from domain.roles import Role
from domain.text import fold, suggest
from storage import people


@dataclass(frozen=True)
class AgeLine:
    """What `leeftijd` was asked: about whom, and the band to set (or clear, or neither)."""

    name: str
    word: str = ""
    band: AgeBand | None = None
    clear: bool = False

    @property
    def changes(self) -> bool:
        return self.band is not None or self.clear


async def parse_line(turn: Turn, args: str) -> AgeLine:
    """Split `<naam> [band|standaard]`; a last word that is part of someone's name stays so."""
    head, _, last = args.rpartition(" ")
    band = band_of(last) if head.strip() else None
    clear = bool(head.strip()) and is_default_word(last)
    if not (band or clear):
        return AgeLine(name=args)
    # "leeftijd Sanne de Jong" asks about Sanne de Jong; it does not give "Sanne de" a band
    members = await people.team_members(session=turn.session, team_id=turn.team_id)
    whole = fold(args.lstrip("@"))
    if any(fold(member.name) == whole for member in members):
        return AgeLine(name=args)
    return AgeLine(name=head.strip(), word=last, band=band, clear=clear)


async def not_a_pupil(turn: Turn, query: str) -> Reply | None:
    """When the name fits exactly one member who is not a pupil, say so."""
    everyone = await people.team_members(session=turn.session, team_id=turn.team_id)
    found = await resolve(turn, query, rerun="", candidates=everyone)
    if isinstance(found, NotFound) or found.role == Role.PUPIL:
        return None
    return text(t("koppel.not_a_pupil", turn.lang, name=found.name))


def _bad_band(turn: Turn, line: AgeLine) -> Reply | None:
    """ "leeftijd Sanne jonk": a last word close to a band is a typo, not part of a name."""
    head, _, last = line.name.rpartition(" ")
    guess = suggest(last, [*BAND_WORDS, *DEFAULT_WORDS]) if head.strip() else None
    if line.changes or guess is None:
        return None
    usage = turn.usage()
    return text(t("command.bad_value", turn.lang, value=last[:30], guess=guess) + "\n\n" + usage)


@router.command(
    "leeftijd",
    "age",
    "leeftijdsgroep",
    roles=STAFF,
    where=PRIVATE,
    order=160,
    help=Words(
        nl=(
            "**leeftijd** _leerling_ [jong|midden|oud|standaard] "
            "— welke check-in een leerling krijgt"
        ),
        en="**age** _pupil_ [young|middle|older|default] — which check-in a pupil gets",
    ),
    usage=Words(
        nl=(
            "Gebruik: **leeftijd** _leerling_ jong|midden|oud, bijvoorbeeld "
            "`leeftijd Sanne jong`; `leeftijd Sanne` zegt welke groep ze heeft, "
            "`leeftijd Sanne standaard` zet haar terug op de standaard van het team."
        ),
        en=(
            "Usage: **age** _pupil_ young|middle|older, for example "
            "`age Sanne young`; `age Sanne` says which band she has, "
            "`age Sanne default` puts her back on the team's default."
        ),
    ),
)
async def age_command(turn: Turn) -> Sequence[Reply]:
    """`leeftijd <leerling> [jong|midden|oud|standaard]`: say or set a pupil's age band."""
    if not turn.args.strip():
        return [text(turn.usage())]
    line = await parse_line(turn, turn.args.strip())
    rerun = f"leeftijd {{name}} {line.word}".strip() if line.changes else "leeftijd {name}"
    found = await resolve_pupil(turn, line.name, rerun=rerun)
    if isinstance(found, NotFound):
        return [await not_a_pupil(turn, line.name) or _bad_band(turn, line) or found.reply]
    assert turn.team is not None
    pupil, lang = found, turn.lang
    default = band_name(team_band(turn.team), lang)
    if not line.changes:
        key = "leeftijd.default" if pupil.age_band is None else "leeftijd.own"
        band = band_name(pupil_band(pupil, turn.team), lang)
        return [text(t(key, lang, name=pupil.name, band=band, default=default))]
    if not await set_own_band(turn, pupil, line.band):
        note = band_note(pupil, turn.team, lang)
        return [text(t("leeftijd.unchanged", lang, name=pupil.name, band=note))]
    if line.band is None:
        return [text(t("leeftijd.cleared", lang, name=pupil.name, band=default))]
    band = band_name(line.band, lang)
    return [text(t("leeftijd.set", lang, name=pupil.name, band=band))]
