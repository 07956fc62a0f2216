"""OPP is explained the first time an English speaker meets it, in whatever message that is.

One pass after each turn and after each planning pass: the replies to the person who typed, and
every delivery just written for anyone, get the explanation when they mention OPP and are for an
English speaker who has not had it; `person.opp_explained` then records that they were told.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import datetime

from sqlmodel.ext.asyncio.session import AsyncSession

from cards.catalogue import Lang, lang_of
from cards.opp_words import explained_card, explained_payload, explained_text, mentions_opp
from dialogs.inbound import Reply
from storage import opp_explained
from storage.models import Person


def _explained_reply(reply: Reply, lang: Lang) -> Reply | None:
    if not mentions_opp(text=reply.text, card=reply.card):
        return None
    if reply.card is not None:
        return replace(reply, card=explained_card(reply.card, lang))
    if reply.text is not None:
        return replace(reply, text=explained_text(reply.text, lang))
    return None


def explain_in_replies(
    session: AsyncSession, person: Person | None, lang: Lang, replies: Sequence[Reply]
) -> list[Reply]:
    """The replies to `person`, the first one that mentions OPP explaining it if they read
    English and were not told yet."""
    shown = list(replies)
    if person is None or lang != "en" or person.opp_explained:
        return shown
    for index, reply in enumerate(shown):
        explained = _explained_reply(reply, lang)
        if explained is not None:
            shown[index] = explained
            opp_explained.mark_told(session=session, person=person)
            break
    return shown


async def explain_in_deliveries(
    session: AsyncSession, *, since: datetime, team_id: int | None = None
) -> int:
    """Add the explanation to the first delivery written since `since` that mentions OPP, for
    each English speaker not told yet; returns how many were explained."""
    told: set[int] = set()
    for delivery, person in await opp_explained.fresh_for_untold(
        session=session, since=since, team_id=team_id
    ):
        if person.id in told or person.opp_explained:
            continue
        payload = explained_payload(delivery.payload, lang_of(person.locale))
        if payload is None:
            continue
        delivery.payload = payload
        session.add(delivery)
        opp_explained.mark_told(session=session, person=person)
        told.add(person.id or 0)
    return len(told)
