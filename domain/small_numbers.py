"""Figures about a group that may be shown without anyone in it being recognised.

A coordinator reports to the samenwerkingsverband, and a report can travel further. In a
programme of a few dozen pupils, "1 pupil went to another placement" names that pupil for
anyone who knows the class. So a group of 1 to 4 is shown as "< 5", and a share or median
worked out from fewer than 5 pupils is not shown at all.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal

SMALL = 5  # groups smaller than this are not shown as a number
HIDDEN = "< 5"
NO_FIGURE = "—"

Lang = Literal["nl", "en"]


def is_small(count: int) -> bool:
    """Whether a group of `count` could point at someone (1 to 4; an empty group cannot)."""
    return 0 < count < SMALL


def count_shown(count: int) -> str:
    """A group's size as it may be shown: "0", "< 5", or the number."""
    return HIDDEN if is_small(count) else str(count)


def share_shown(part: int, whole: int) -> str:
    """`part` of `whole` as a percentage, or "—" / "< 5" when it would give a small group away.

    A share of fewer than 5 says too much about each of them ("—"). So does a share whose part
    is a small group: with the whole known, 3 of 10 is 30% and 30% of 10 is 3 again ("< 5").
    """
    if whole < SMALL:
        return NO_FIGURE
    if is_small(part):
        return HIDDEN
    return f"{round(100 * part / whole)}%"


def median(values: Sequence[float]) -> float | None:
    """The middle value (the mean of the two middle ones for an even count); None when empty."""
    if not values:
        return None
    ordered = sorted(values)
    middle = len(ordered) // 2
    if len(ordered) % 2:
        return float(ordered[middle])
    return (ordered[middle - 1] + ordered[middle]) / 2


def number_shown(value: float, lang: Lang) -> str:
    """A figure with at most one decimal, in the reader's way of writing it ("3,5" / "3.5")."""
    rounded = round(value, 1)
    text = str(int(rounded)) if rounded == int(rounded) else f"{rounded:.1f}"
    return text.replace(".", ",") if lang == "nl" else text


def median_shown(values: Sequence[float], lang: Lang) -> str:
    """The median of one value per pupil, or "—" when fewer than 5 pupils gave one."""
    found = median(values)
    if found is None or len(values) < SMALL:
        return NO_FIGURE
    return number_shown(found, lang)


def rate_shown(part: int, whole: int, *, pupils: int) -> str:
    """A rate over pupil-days (check-ins on school days), or "—" when fewer than 5 pupils were
    asked: then it would be about each of them."""
    if pupils < SMALL or whole <= 0:
        return NO_FIGURE
    return f"{round(100 * part / whole)}%"
