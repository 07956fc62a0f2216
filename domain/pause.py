"""Whether a pupil is paused on a day (ill, in hospital, on a trip): no cards, no nudges, and
not counted in the figures and signals."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date


def paused_on(paused_until: date | None, day: date) -> bool:
    """Whether a pause that lasts until and including `paused_until` covers `day`."""
    return paused_until is not None and day <= paused_until


def unpaused(days: Iterable[date], paused_until: date | None) -> list[date]:
    """The days a pause that lasts until and including `paused_until` leaves free."""
    return [day for day in days if not paused_on(paused_until, day)]
