"""Words in sentences and the words people may type for a setting, in Dutch and in English.

A catalogue word such as a mood ("Goed", "Not so good") is written to stand alone, on a button or
as a value; dropped into a sentence it is written in lower case ("afsluiting 🙂 goed").

The settings store Dutch values ("noord", "altijd"); an English speaker may type the English word
for each of them.
"""

from __future__ import annotations

from domain.numbers import has_other_digits
from domain.text import fold


def in_sentence(word: str) -> str:
    """`word` as it reads inside a sentence: its first letter in lower case ("Gaat wel" ->
    "gaat wel"), unless it is an abbreviation ("OPP", "SWV") that keeps its capitals."""
    for index, char in enumerate(word):
        if char.isalpha():
            following = word[index + 1 : index + 2]
            if following.isupper():
                return word  # "OPP", "SWV"
            return word[:index] + char.lower() + word[index + 1 :]
    return word


# What a coordinator may type for each stored value (after `fold`: lower case, no accents).
REGION_WORDS: dict[str, str] = {
    "noord": "noord",
    "north": "noord",
    "northern": "noord",
    "midden": "midden",
    "middle": "midden",
    "central": "midden",
    "centre": "midden",
    "center": "midden",
    "zuid": "zuid",
    "south": "zuid",
    "southern": "zuid",
}
LIBERATION_WORDS: dict[str, str] = {
    "lustrum": "lustrum",
    "lustrumjaren": "lustrum",
    "every 5 years": "lustrum",
    "once every 5 years": "lustrum",
    "every five years": "lustrum",
    "altijd": "altijd",
    "always": "altijd",
    "every year": "altijd",
    "elk jaar": "altijd",
    "nooit": "nooit",
    "never": "nooit",
}
# "vrij": the day is free; "off"/"uit": the setting is switched off (school is open).
YES_WORDS = frozenset({"ja", "yes", "y", "true", "aan", "on", "vrij", "free"})
NO_WORDS = frozenset({"nee", "no", "n", "false", "uit", "off", "open"})


def region_of(text: str) -> str | None:
    """The stored region a typed word names ("North", "zuid"), or None."""
    return REGION_WORDS.get(_words(text))


def liberation_of(text: str) -> str | None:
    """The stored Liberation Day value a typed word names ("never", "altijd"), or None."""
    return LIBERATION_WORDS.get(_words(text))


def yes_no_of(text: str) -> bool | None:
    """True for "ja"/"yes", False for "nee"/"no", None for anything else."""
    word = _words(text)
    if word in YES_WORDS:
        return True
    if word in NO_WORDS:
        return False
    return None


def _words(text: str) -> str:
    # fold turns "⁵" into "5"; a word with such a digit is no value anyone meant
    return "?" if has_other_digits(text) else fold(text)
