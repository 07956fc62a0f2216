"""Cards of the pupil's voice: the offer to pass words on, and what the mentor receives."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Annotated, Any

from microsoft_teams.cards import (
    AdaptiveCard,
    CardElement,
    Container,
    SubmitAction,
    TextBlock,
)
from pydantic import BeforeValidator, ConfigDict

from cards.answers import CardAnswer
from cards.catalogue import Lang, t
from cards.common import CARD_VERSION, to_json
from domain.text import printable

WHERE = ("message", "checkin")  # the sources a distress card names; anything else is "other"
SEND = "voice.send"  # the offer's "yes"
CANCEL = "voice.cancel"  # the offer's "no"
MAX_WORDS = 2000  # characters of a message a pupil can pass on
MAX_REF = 150  # characters of the message id carried in the offer card


def clean_words(words: str) -> str:
    """What a pupil wrote, without control characters and the space around it."""
    return printable(words).strip()


def _words(value: object) -> str:
    if not isinstance(value, str):
        raise ValueError("text")
    words = clean_words(value)
    if not words or len(words) > MAX_WORDS:
        raise ValueError(f"1 to {MAX_WORDS} characters")
    return words


def _ref(value: object) -> str:
    if not isinstance(value, str):
        raise ValueError("text")
    ref = value.strip()
    if not ref or len(ref) > MAX_REF or printable(ref) != ref or not ref.isprintable():
        raise ValueError(f"1 to {MAX_REF} printable characters")
    return ref


class VoiceSend(CardAnswer):
    """ "Ja, stuur door": the pupil's words, which travel in the offer card until the pupil says
    yes (they are stored nowhere before), and the id of the message they came in."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    words: Annotated[str, BeforeValidator(_words)]
    ref: Annotated[str, BeforeValidator(_ref)]


class VoiceCancel(CardAnswer):
    """ "Nee": the verb and the team; the words do not come back."""


def _card(body: Sequence[CardElement], actions: Sequence[SubmitAction] = ()) -> dict[str, Any]:
    return to_json(
        AdaptiveCard(version=CARD_VERSION, body=list(body), actions=list(actions) or None)
    )


def _quoted(lang: Lang, words: Sequence[str]) -> Container:
    """A pupil's words, shown as plain text in a box of their own."""
    return Container(
        style="emphasis",
        items=[TextBlock(text=t("voice.words", lang, words=w), wrap=True) for w in words],
    )


def offer_card(*, lang: Lang, to: str, words: str, team_ref: int, ref: str) -> dict[str, Any]:
    """ "Wil je dit naar Fatima sturen?" with the words and [Ja, stuur door] [Nee]; `ref` is
    the id of the message the words came in."""
    # not read here: what the pupil wrote is carried as it is, and read when it comes back
    send = VoiceSend.model_construct(verb=SEND, team=team_ref, words=words, ref=ref)
    cancel = VoiceCancel(verb=CANCEL, team=team_ref)
    return _card(
        [
            TextBlock(text=t("voice.offer", lang, name=to), wrap=True, weight="Bolder"),
            _quoted(lang, [words]),
        ],
        [
            SubmitAction(title=t("voice.yes", lang), data=send.button_data(), style="positive"),
            SubmitAction(title=t("voice.no", lang), data=cancel.button_data()),
        ],
    )


def sent_card(*, lang: Lang, to: str, words: str) -> dict[str, Any]:
    """What the offer becomes once sent: the words and "Verstuurd naar Fatima"."""
    confirmation = TextBlock(text=t("voice.sent", lang, name=to), wrap=True)
    return _card([_quoted(lang, [words]), confirmation])


def not_sent_card(*, lang: Lang) -> dict[str, Any]:
    """What the offer becomes when the pupil said no (without the words)."""
    return _card([TextBlock(text=t("voice.not_sent", lang), wrap=True)])


def message_card(
    *, lang: Lang, pupil: str, words: str, actions: Sequence[SubmitAction]
) -> dict[str, Any]:
    """A pupil's message to their mentor, with the alert buttons."""
    return _card(
        [
            TextBlock(
                text=t("voice.message_title", lang, name=pupil),
                size="Medium",
                weight="Bolder",
                wrap=True,
            ),
            TextBlock(text=t("voice.message_intro", lang, name=pupil), wrap=True),
            _quoted(lang, [words]),
        ],
        actions,
    )


def distress_card(
    *, lang: Lang, pupil: str, words: Sequence[str], where: str, actions: Sequence[SubmitAction]
) -> dict[str, Any]:
    """The urgent card to the mentor and the coordinators: who, their words, what to do."""
    intro = f"distress.intro.{where if where in WHERE else 'other'}"
    return _card(
        [
            TextBlock(
                text=t("distress.title", lang, name=pupil),
                size="Large",
                weight="Bolder",
                color="Attention",
                wrap=True,
            ),
            TextBlock(text=t(intro, lang, name=pupil), wrap=True),
            _quoted(lang, words),
            TextBlock(text=t("distress.advice", lang, name=pupil), wrap=True, is_subtle=True),
        ],
        actions,
    )
