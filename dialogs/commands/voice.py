"""A pupil's voice: words of distress reach the staff at once, and free text can reach the mentor.

What a pupil writes that is no command is theirs: it is stored nowhere until they say "send"
(the words travel in the offer card's data), and it never reaches a log line.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Callable, Sequence
from typing import Any

from microsoft_teams.cards import SubmitAction

from cards.alerts import alert_actions
from cards.answers import CardAnswer
from cards.catalogue import Lang, Words, t
from cards.voice import distress_card, message_card, not_sent_card, offer_card, sent_card
from dialogs.inbound import Reply, card, text
from dialogs.names import first_name
from dialogs.outbox_rows import Destination, message_now
from dialogs.recipients import pupil_staff, urgent_staff
from dialogs.router import COORDINATOR, PRIVATE, PUPILS, Turn, placed, router
from domain import distress
from domain.clock import local_date
from domain.delivery import Prompt
from domain.text import fold, printable, suggest
from storage import alerts, deliveries, people, phrases
from storage.models import PupilAlert

logger = logging.getLogger(__name__)

SEND = "voice.send"
CANCEL = "voice.cancel"
MAX_WORDS = 2000  # characters of a message a pupil can pass on
MAX_REF = 150  # characters of the message id carried in the offer card
SUBMIT_KEYS = {"verb", "team", "words", "ref", "msteams"}
PHRASE_LENGTH = (3, 200)
MAX_PHRASES = 100

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


def _fit(value: str, limit: int) -> str:
    """A key of at most `limit` characters: itself, or a digest when it is longer."""
    if len(value) <= limit:
        return value
    return "h:" + hashlib.sha256(value.encode()).hexdigest()[:40]


def _clean(words: str) -> str:
    return printable(words).strip()


def _source_kind(source: str) -> str:
    return source.partition(":")[0]


async def _team_phrases(turn: Turn) -> list[str]:
    found = await phrases.team_phrases(session=turn.session, team_id=turn.team_id)
    return [p.phrase for p in found]


async def check_distress(turn: Turn, texts: Sequence[str], *, source: str) -> list[Reply]:
    """Words of distress in what a pupil wrote reach their mentor and the coordinators at once.

    `source` names where the words are (e.g. "checkin:12", "message:<activity id>"); a second
    call with the same source alerts nobody twice. Returns what the pupil reads (help right now),
    or [] when there is no distress.
    """
    if turn.team is None or turn.actor is None or turn.role != "pupil":
        return []
    extra = await _team_phrases(turn)
    found = [words for words in texts if words and distress.find_distress(words, extra)]
    if not found:
        return []
    alert, new = await alerts.record_alert(
        session=turn.session,
        team_id=turn.team_id,
        pupil_id=turn.actor_id,
        day=local_date(turn.now),
        kind="distress",
        source=_fit(f"distress:{source}", 200),
        wants_contact=True,
        now=turn.now,
    )
    if new:
        sent = await _alert_staff(turn, alert, found, source=source)
        await turn.audit(
            "distress.alerted",
            subject_id=turn.actor_id,
            details={"alert": alert.id, "source": _source_kind(source), "staff": sent},
        )
        logger.info("team %s: distress alert %s to %d staff", turn.team_id, alert.id, sent)
    return [text(t("distress.pupil_reply", turn.lang))]


async def _alert_staff(turn: Turn, alert: PupilAlert, words: Sequence[str], *, source: str) -> int:
    """The urgent message, now and at any hour, to the mentor and every coordinator."""
    assert turn.team is not None and turn.actor is not None
    staff = await urgent_staff(turn.session, turn.team, turn.actor)
    if not staff:
        logger.warning("team %s: words of distress, but no mentor or coordinator", turn.team_id)
    shown = [words_[:MAX_WORDS] for words_ in words]
    where, pupil = _source_kind(source), turn.actor.name
    return await _tell_staff(
        turn,
        alert,
        staff,
        prompt=Prompt.DISTRESS,
        source=source,
        notice="distress.notice",
        build=lambda lang, actions: distress_card(
            lang=lang, pupil=pupil, words=shown, where=where, actions=actions
        ),
    )


async def _tell_staff(
    turn: Turn,
    alert: PupilAlert,
    staff: Sequence[Destination],
    *,
    prompt: Prompt,
    source: str,
    notice: str,
    build: Callable[[Lang, list[SubmitAction]], dict[str, Any]],
) -> int:
    """One outbox row per staff member, in their language, due now and never expiring."""
    assert turn.actor is not None and alert.id is not None
    rows = []
    for to in staff:
        actions = alert_actions(
            lang=to.lang, team_id=turn.team_id, alert_id=alert.id, pupil_id=turn.actor_id
        )
        rows.append(
            message_now(
                prompt,
                team_id=turn.team_id,
                to=to,
                now=turn.now,
                ref=_fit(source, 100),
                text=t(notice, to.lang, name=turn.actor.name),
                card=build(to.lang, actions),
            )
        )
    created = await deliveries.enqueue(session=turn.session, deliveries=rows, now=turn.now)
    turn.outbox_touched = True
    return created


def _message_ref(turn: Turn) -> str:
    """The id of the message a pupil typed (a digest when Teams sent none)."""
    activity = turn.inbound.activity_id
    if activity:
        return _fit(activity, MAX_REF)
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
    words = _clean(line)
    if turn.role == "pupil" and turn.team is not None:
        help_now = await check_distress(turn, [words], source=f"message:{_message_ref(turn)}")
        if help_now:
            return placed(turn, PRIVATE, help_now)
    if command or turn.inbound.conversation_type != "personal" or turn.role == "unknown":
        return None  # a channel hears no one's words back, and nothing is passed on from there
    kind = greeting_of(words)
    if kind is not None:
        return [text(_greeting(turn, kind))]
    if turn.role != "pupil" or _close_to_own_command(turn, words):
        return None
    return await _offer(turn, words)


def _greeting(turn: Turn, kind: str) -> str:
    assert turn.actor is not None
    name = first_name(turn.actor)
    if kind == "hello":
        key = "voice.hello.pupil" if turn.role == "pupil" else "voice.hello.staff"
        return t(key, turn.lang, name=name)
    return t(f"voice.{kind}", turn.lang, name=name)


async def _addressee(turn: Turn) -> str | None:
    """Who a pupil's message goes to, as the pupil reads it: the mentor's first name."""
    assert turn.team is not None and turn.actor is not None
    staff = await pupil_staff(turn.session, turn.team, turn.actor)
    if not staff:
        return None
    mentor = await people.mentor_of(session=turn.session, pupil_id=turn.actor_id)
    return first_name(mentor) if mentor is not None else t("voice.to_coordinators", turn.lang)


async def _offer(turn: Turn, words: str) -> Sequence[Reply]:
    """ "Wil je dit naar Fatima sturen?" — the words ride in the card until the pupil says yes."""
    if len(words) > MAX_WORDS:
        return [text(t("voice.too_long", turn.lang, limit=MAX_WORDS))]
    to = await _addressee(turn)
    if to is None:
        return [text(t("voice.no_one", turn.lang))]
    send = {"verb": SEND, "team": turn.team_id, "words": words, "ref": _message_ref(turn)}
    cancel = {"verb": CANCEL, "team": turn.team_id}
    return [card(offer_card(lang=turn.lang, to=to, words=words, send=send, cancel=cancel))]


def _submitted(value: dict[str, Any]) -> tuple[str, str] | None:
    """The words and message id of a "send" submit, if the offer card could have sent them."""
    if set(value) - SUBMIT_KEYS:
        return None
    words, ref = value.get("words"), value.get("ref")
    if not isinstance(words, str) or not isinstance(ref, str):
        return None
    words, ref = _clean(words), ref.strip()
    if not words or len(words) > MAX_WORDS or not ref or len(ref) > MAX_REF:
        return None
    if printable(ref) != ref or not ref.isprintable():
        return None
    return words, ref


@router.card_action(SEND, answer=CardAnswer, roles=PUPILS, where=PRIVATE)
async def send(turn: Turn) -> Sequence[Reply]:
    """ "Ja, stuur door": the mentor (else the coordinators) gets the words, once."""
    assert turn.team is not None and turn.actor is not None
    submitted = _submitted(turn.inbound.value or {})
    if submitted is None:
        return [text(t("card.unknown", turn.lang))]
    words, ref = submitted
    pupil_name = turn.actor.name
    to = await _addressee(turn)
    if to is None:
        return [text(t("voice.no_one", turn.lang))]
    done = card(sent_card(lang=turn.lang, to=to, words=words), replaces=turn.inbound.reply_to_id)
    source = f"message:{ref}"
    help_now = await check_distress(turn, [words], source=source)
    if help_now:  # a team phrase added since the offer, or a submit the card did not make
        return [done, *help_now]
    alert, new = await alerts.record_alert(
        session=turn.session,
        team_id=turn.team_id,
        pupil_id=turn.actor_id,
        day=local_date(turn.now),
        kind="message",
        source=_fit(source, 200),
        wants_contact=True,
        now=turn.now,
    )
    if new:
        await _tell_staff(
            turn,
            alert,
            await pupil_staff(turn.session, turn.team, turn.actor),
            prompt=Prompt.PUPIL_MESSAGE,
            source=source,
            notice="voice.message_notice",
            build=lambda lang, actions: message_card(
                lang=lang, pupil=pupil_name, words=words, actions=actions
            ),
        )
        await turn.audit("voice.sent", subject_id=turn.actor_id, details={"alert": alert.id})
    return [done]


@router.card_action(CANCEL, answer=CardAnswer, roles=PUPILS, where=PRIVATE)
async def cancel(turn: Turn) -> Sequence[Reply]:
    """ "Nee": nothing is sent or stored; the offer gives way to a short word."""
    return [card(not_sent_card(lang=turn.lang), replaces=turn.inbound.reply_to_id)]


@router.command(
    "signaalwoorden",
    "distresswords",
    roles=COORDINATOR,
    where=PRIVATE,
    order=230,
    help=Words(
        nl="**signaalwoorden** [+ _zin_ | - _zin_] — eigen signaalwoorden van dit team",
        en="**distresswords** [+ _phrase_ | - _phrase_] — this team's own words of distress",
    ),
    usage=Words(
        nl=(
            "Toevoegen: **signaalwoorden + ik ben zo alleen**. "
            "Weghalen: **signaalwoorden - ik ben zo alleen**."
        ),
        en="Add: **distresswords + i am so alone**. Remove: **distresswords - i am so alone**.",
    ),
)
async def phrases_command(turn: Turn) -> Sequence[Reply]:
    """List, add (`+ zin`) or remove (`- zin`) the team's own words of distress."""
    args = turn.args.strip()
    if args[:1] in ("+", "-"):
        phrase = " ".join(printable(args[1:]).split()).lower()
        key = distress.extra_key(phrase)
        low, high = PHRASE_LENGTH
        if not (low <= len(phrase) <= high) or len(key) < low or not any(c.isalpha() for c in key):
            return [text(t("phrases.bad_length", turn.lang, low=low, high=high))]
        if args[0] == "+":
            return [text(await _add_phrase(turn, phrase, key))]
        return [text(await _remove_phrase(turn, phrase, key))]
    own = await phrases.team_phrases(session=turn.session, team_id=turn.team_id)
    listed = [t("phrases.list", turn.lang, count=len(own)) if own else t("phrases.none", turn.lang)]
    listed += [t("phrases.item", turn.lang, phrase=p.phrase) for p in own]
    parts = [
        t("phrases.intro", turn.lang, count=len(distress.builtin())),
        "\n".join(listed),
        turn.usage(),
    ]
    return [text("\n\n".join(parts))]


async def _add_phrase(turn: Turn, phrase: str, key: str) -> str:
    own = await phrases.team_phrases(session=turn.session, team_id=turn.team_id)
    if any(distress.extra_key(p.phrase) == key for p in own):
        return t("phrases.already", turn.lang, phrase=phrase)
    if len(own) >= MAX_PHRASES:
        return t("phrases.too_many", turn.lang, limit=MAX_PHRASES)
    stored, _ = await phrases.add_phrase(
        session=turn.session,
        team_id=turn.team_id,
        phrase=phrase,
        added_by_id=turn.actor_id,
        now=turn.now,
    )
    await turn.audit("phrases.added", details={"phrase_id": stored.id})
    return t("phrases.added", turn.lang, phrase=phrase)


async def _remove_phrase(turn: Turn, phrase: str, key: str) -> str:
    own = await phrases.team_phrases(session=turn.session, team_id=turn.team_id)
    found = next((p for p in own if distress.extra_key(p.phrase) == key), None)
    if found is None or found.id is None:
        return t("phrases.not_found", turn.lang, phrase=phrase)
    await phrases.remove_phrase(session=turn.session, team_id=turn.team_id, phrase_id=found.id)
    await turn.audit("phrases.removed", details={"phrase_id": found.id})
    return t("phrases.removed", turn.lang, phrase=found.phrase)
