"""How a pupil's mood went over a period: its average, and the average of its first half against
that of its second. The OPP nudge's summary and the OPP report's direction both cut it so."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TypeVar

T = TypeVar("T")


def mean(values: Sequence[float]) -> float | None:
    """The average, None without values."""
    return sum(values) / len(values) if values else None


def halves(values: Sequence[T]) -> tuple[Sequence[T], Sequence[T]]:
    """A series cut in two, oldest half first; with an odd length the second holds one more."""
    half = len(values) // 2
    return values[:half], values[half:]


@dataclass(frozen=True)
class MoodHalves:
    """The average mood of a period, and of its first and second half (None without moods)."""

    average: float | None
    first_half: float | None
    second_half: float | None


def mood_halves(moods: Sequence[int]) -> MoodHalves:
    """The averages of a pupil's moods, oldest first, over the whole period and its halves."""
    first, second = halves(moods)
    return MoodHalves(average=mean(moods), first_half=mean(first), second_half=mean(second))
