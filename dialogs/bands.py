"""A pupil's age band: which check-in and close card they get, and how a band is named."""

from __future__ import annotations

from cards.catalogue import Lang, t
from dialogs.router import Turn
from domain.age import AgeBand, effective_band
from domain.text import fold
from storage.models import Person, Team

# Words that put a pupil back on the team's default band.
DEFAULT_WORDS = frozenset({"standaard", "default", "team", "geen", "none"})


def pupil_band(pupil: Person, team: Team) -> AgeBand:
    """The band a pupil's cards are made for: their own, else the team's default."""
    return effective_band(pupil.age_band, team.age_band)


def team_band(team: Team) -> AgeBand:
    """The team's default band."""
    return effective_band(None, team.age_band)


def band_name(band: AgeBand, lang: Lang) -> str:
    """The band as people read it ("jong", "young")."""
    return t(f"band.{band.value}", lang)


def band_note(person: Person, team: Team, lang: Lang) -> str:
    """A pupil's band for a list: "jong", or "midden (standaard)" when it is the team's."""
    band = band_name(pupil_band(person, team), lang)
    if person.age_band is None:
        return t("band.team_default", lang, band=band)
    return band


def is_default_word(word: str) -> bool:
    """Whether a typed word means "the team's default"."""
    return fold(word.strip()) in DEFAULT_WORDS


async def set_own_band(turn: Turn, pupil: Person, band: AgeBand | None) -> bool:
    """Give a pupil a band of their own (None: the team's default); audited. False: no change."""
    new = band.value if band is not None else None
    if pupil.age_band == new:
        return False
    old = pupil.age_band
    pupil.age_band = new
    turn.session.add(pupil)
    await turn.audit("age_band.changed", subject_id=pupil.id, details={"from": old, "to": new})
    return True
