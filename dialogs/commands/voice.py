"""A pupil's own words: what is no command is heard first for distress, then answered.

A greeting gets a friendly word back; other words are offered to be sent on to the mentor
(dialogs.commands.voice_offer). What a pupil writes is stored nowhere until they say "send",
and it never reaches a log line.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence

from cards.catalogue import t
from cards.voice import MAX_REF, clean_words
from dialogs.commands.distress import check_distress, fit_key
from dialogs.commands.voice_offer import offer
from dialogs.inbound import Reply, text
from dialogs.names import first_name
from dialogs.router import PRIVATE, Turn, placed, router
from domain import distress
from domain.roles import Role
from domain.text import fold, suggest

# Whole lines that are a greeting, thanks or goodbye (compared after `distress.normalise`, so
# "Hoiii!" is "hoi"); a name or "juf" after them is allowed.
GREETINGS: dict[str, str] = {
    "hello": (
        "hoi|hoihoi|hallo|hai|hey|hee|hi|hello|yo|goedemorgen|goeiemorgen|morgen|goedemiddag|"
        "goedenavond|goedendag|good morning|good afternoon|good evening|hey there|hi there"
    ),
    "bye": (
        "doei|doeg|dag|tot morgen|tot straks|tot ziens|tot later|bye|goodbye|bye bye|see you|"
        "see you tomorrow|cya|fijne dag|fijn weekend|welterusten|slaap lekker|good night"
    ),
    "thanks": (
        "dankjewel|dank je|dank je wel|dankuwel|dank u|dank u wel|bedankt|thanks|thank you|thx|"
        "thnx|ty|merci|top bedankt|thanks a lot"
    ),
    "ok": "oke|ok|okay|okido|okidoki|prima|top|super|cool|fijn",
}
COURTESY = ("juf", "meester", "dagritme", "bot", "allemaal", "hoor", "he", "weer", "nog")
OK_EMOJI = {"👍", "👌", "🙂", "😊", "👋"}


def _message_ref(turn: Turn) -> str:
    """The id of the message a pupil typed (a digest when Teams sent none)."""
    activity = turn.inbound.activity_id
    if activity:
        return fit_key(activity, MAX_REF)
    seed = f"{turn.inbound.sender.id}|{turn.now.isoformat()}"
    return "h:" + hashlib.sha256(seed.encode()).hexdigest()[:40]


def greeting_of(line: str) -> str | None:
    """ "hello", "bye", "thanks" or "ok" when a whole line is just that; else None."""
    if line.strip() in OK_EMOJI:
        return "hello" if line.strip() == "👋" else "ok"
    words = [w for w in distress.normalise(line).split() if w != "."]
    courtesy = {distress.normalise(w).strip() for w in COURTESY}
    while len(words) > 1 and words[-1] in courtesy:
        words.pop()
    said = " ".join(words)
    for kind, lines in GREETINGS.items():
        if said in {distress.normalise(g).strip() for g in lines.split("|")}:
            return kind
    return None


def _close_to_own_command(turn: Turn, line: str) -> bool:
    words = line.split()
    if len(words) != 1:
        return False
    options = [name for c in router.available_to(turn.role) for name in c.names]
    return suggest(fold(words[0]).lstrip("/").rstrip("?!.,:"), options) is not None


@router.text_handler
async def free_text(turn: Turn, line: str, command: bool) -> Sequence[Reply] | None:
    """Words that are no command: distress first, a greeting, else the offer to send them on.

    After a command word ("hulp, ik wil dood") only distress is answered. None leaves the line
    to the router: the command, or the plain "ken ik niet" with a suggestion.
    """
    words = clean_words(line)
    if turn.role == Role.PUPIL and turn.team is not None:
        help_now = await check_distress(turn, [words], source=f"message:{_message_ref(turn)}")
        if help_now:
            return placed(turn, PRIVATE, help_now)
    if command or turn.inbound.conversation_type != "personal" or turn.role == Role.UNKNOWN:
        return None  # a channel hears no one's words back, and nothing is passed on from there
    kind = greeting_of(words)
    if kind is not None:
        return [text(_greeting(turn, kind))]
    if turn.role != Role.PUPIL or _close_to_own_command(turn, words):
        return None
    return await offer(turn, words, ref=_message_ref(turn))


def _greeting(turn: Turn, kind: str) -> str:
    assert turn.actor is not None
    name = first_name(turn.actor)
    if kind == "hello":
        key = "voice.hello.pupil" if turn.role == Role.PUPIL else "voice.hello.staff"
        return t(key, turn.lang, name=name)
    return t(f"voice.{kind}", turn.lang, name=name)
