"""Figures as each language writes them: "2,9" and "75%" in Dutch, "2.9" and "75%" in English,
and a change against an earlier figure with a real minus sign (U+2212) or a plus sign.

Dutch writes the decimal comma; both languages write a percentage with the sign against the
number ("75%", as the Taalunie allows and as every card here does). A change of a percentage is
given in percentage points, without a second sign: "75% (−5)".
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal
from typing import Literal

Lang = Literal["nl", "en"]

MINUS = "\u2212"  # "−", not the hyphen "-"
NO_FIGURE = "—"


def rounded(value: float, digits: int) -> Decimal:
    """`value` rounded half away from zero, as people round (Python's `round` gives 2 for 2.5)."""
    return Decimal(repr(float(value))).quantize(Decimal(1).scaleb(-digits), ROUND_HALF_UP)


def decimal_shown(value: float, lang: Lang, *, digits: int = 1) -> str:
    """ "2,9" / "−2.9": `value` rounded to `digits` decimals, without a sign for zero."""
    number = rounded(value, digits)
    text = f"{abs(number):.{digits}f}"
    if number < 0:
        text = MINUS + text
    return text.replace(".", ",") if lang == "nl" else text


def percent_shown(share: float | None, lang: Lang) -> str:
    """A share (0.75) as "75%", or "—" when there is none."""
    if share is None:
        return NO_FIGURE
    return decimal_shown(100 * share, lang, digits=0) + "%"


def change_shown(now: float, before: float, lang: Lang, *, digits: int = 0) -> str:
    """ "+5", "−0,3", "0": how much `now` differs from `before`, both rounded to `digits` as
    they are shown, so that the change adds up to what the reader sees."""
    delta = rounded(now, digits) - rounded(before, digits)
    shown = decimal_shown(float(delta), lang, digits=digits)
    return "+" + shown if delta > 0 else shown


def with_change(
    shown: str,
    now: float | None,
    before: float | None,
    lang: Lang,
    *,
    digits: int = 0,
    scale: float = 1.0,
) -> str:
    """ "75% (−5)": a figure as shown, with its change when both figures exist.

    `scale` turns shares into percentage points (100); `digits` is the change's precision.
    """
    if now is None or before is None:
        return shown
    return f"{shown} ({change_shown(now * scale, before * scale, lang, digits=digits)})"
