"""Age bands: which check-in a pupil gets. The programmes teach children from 4 to 18."""

from __future__ import annotations

from enum import StrEnum


class AgeBand(StrEnum):
    """A pupil's age band; its value is what is stored and what people type."""

    JONG = "jong"  # about 4 to 7: a parent or carer reads along, nothing needs typing
    MIDDEN = "midden"  # about 8 to 12
    OUD = "oud"  # about 12 to 18


DEFAULT_BAND = AgeBand.MIDDEN

# What people may type for a band, in Dutch and in English.
BAND_WORDS: dict[str, AgeBand] = {
    "jong": AgeBand.JONG,
    "young": AgeBand.JONG,
    "midden": AgeBand.MIDDEN,
    "middle": AgeBand.MIDDEN,
    "oud": AgeBand.OUD,
    "ouder": AgeBand.OUD,
    "older": AgeBand.OUD,
    "old": AgeBand.OUD,
}


def band_of(word: str) -> AgeBand | None:
    """The band a typed word names ("Jong", "older"), or None."""
    return BAND_WORDS.get(word.strip().casefold())


def effective_band(own: str | None, team_default: str) -> AgeBand:
    """A pupil's own band, else the team's default."""
    for value in (own, team_default):
        if value is not None and value in AgeBand._value2member_map_:
            return AgeBand(value)
    return DEFAULT_BAND
