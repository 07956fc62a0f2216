"""Whole numbers people type or cards send: ASCII digits only, always within stated bounds.

`str.isdigit()` is True for "²" and "٣", and `int()` accepts "٣" and "1_000" but raises on "²"
and on more than 4300 digits; so numbers are read here, with an explicit `[0-9]` pattern and
their length checked before they are converted.
"""

from __future__ import annotations

import re

DIGITS = re.compile(r"[0-9]+")
DECIMAL = re.compile(r"[0-9]{1,6}(?:[.,][0-9]{1,6})?")
MAX_ID = 2**31 - 1  # the largest id our tables hold (INTEGER on PostgreSQL)


def has_other_digits(text: str) -> bool:
    """Whether `text` holds a numeric character that is not an ASCII digit: "²", "٣", "５", "½"."""
    return any(ch.isnumeric() and not "0" <= ch <= "9" for ch in text)


def is_ascii_number(text: str) -> bool:
    """Whether `text` (surrounding spaces aside) is one or more ASCII digits: "12", not "²"."""
    return DIGITS.fullmatch(text.strip()) is not None


def clamped_int(text: str, *, low: int, high: int) -> int | None:
    """The ASCII-digit number in `text` moved into low..high ("500" -> 50), or None if none."""
    if not 0 <= low <= high:
        raise ValueError("bounds must satisfy 0 <= low <= high")
    value = text.strip()
    if DIGITS.fullmatch(value) is None:
        return None
    significant = value.lstrip("0") or "0"
    if len(significant) > len(str(high)):
        return high  # far too many digits: no need to convert them to know the answer
    return max(low, min(high, int(significant)))


def ascii_int(text: str, *, low: int, high: int) -> int | None:
    """The number `text` spells in ASCII digits if it lies in low..high, else None."""
    value = text.strip()
    if high < 0 or DIGITS.fullmatch(value) is None:
        return None
    significant = value.lstrip("0") or "0"
    if len(significant) > len(str(high)):
        return None
    number = int(significant)
    return number if low <= number <= high else None


def ascii_decimal(text: str, *, low: float, high: float) -> float | None:
    """A number like "1,5" or "2" in ASCII digits (at most six either side), within low..high."""
    value = text.strip()
    if DECIMAL.fullmatch(value) is None:
        return None
    number = float(value.replace(",", "."))
    return number if low <= number <= high else None


def int_value(value: object, *, low: int, high: int) -> int | None:
    """A JSON number or a string of ASCII digits within low..high (card data), else None.

    Booleans are not numbers here, although Python counts them as ints.
    """
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value if low <= value <= high else None
    if isinstance(value, str):
        return ascii_int(value, low=low, high=high)
    return None
