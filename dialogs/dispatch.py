"""One way in: turn an Inbound into replies, checking the tenant, the team and the role first."""

from __future__ import annotations

import logging
from collections import deque
from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import datetime, timedelta

from sqlmodel.ext.asyncio.session import AsyncSession

from cards.answers import BadAnswer
from cards.catalogue import Lang, lang_of, t
from dialogs import (
    registry,  # noqa: F401  (registers every command and card action)
    roster,
)
from dialogs.inbound import Inbound, Reply, text
from dialogs.opp_explained import explain_in_deliveries, explain_in_replies
from dialogs.router import Turn, placed, refusal, router, run_command
from domain.numbers import MAX_ID, ascii_int
from domain.roles import Role
from storage import card_messages, deliveries, people, teams
from storage.db import Database
from storage.models import Person, Team

logger = logging.getLogger(__name__)

ROLE_RANK = {Role.COORDINATOR: 3, Role.MENTOR: 2, Role.PUPIL: 1}  # others rank 0


class Dispatcher:
    """Routes inbound activities to flows; one per app."""

    def __init__(
        self,
        db: Database,
        *,
        on_outbox: Callable[[], None] = lambda: None,
        commands_per_minute: int = 30,
    ) -> None:
        self.db = db
        self.on_outbox = on_outbox
        self.limiter = RateLimiter(per_minute=commands_per_minute)

    async def handle(self, inbound: Inbound, *, now: datetime) -> Sequence[Reply]:
        """Handle one activity in one transaction and return what to answer."""
        lang = lang_of(inbound.locale)
        if inbound.kind == "message":
            verdict = self.limiter.check(inbound.sender.id, now)
            if verdict == "refuse":
                logger.warning("a sender is sending too many messages; ignored one")
                return []
            if verdict == "warn":
                return [text(t("access.slow_down", lang))]
        async with self.db.session(answering=True) as session:
            if inbound.kind != "message":
                replies, touched = await roster.handle_event(session, inbound, now=now, lang=lang)
            else:
                turn = await self._turn(session, inbound, now=now, lang=lang)
                replies = await self._checked_replacements(turn, await self._route(turn))
                replies = explain_in_replies(session, turn.actor, lang, replies)
                if turn.team is not None and deliveries.wrote_deliveries(session):
                    # what this turn wrote, for anyone in its team
                    await explain_in_deliveries(session, since=now, team_id=turn.team.id)
                touched = turn.outbox_touched
        if touched:
            self.on_outbox()
        return replies

    async def _turn(
        self, session: AsyncSession, inbound: Inbound, *, now: datetime, lang: Lang
    ) -> Turn:
        team: Team | None = None
        actor: Person | None = None
        others: list[Team] = []
        if inbound.conversation_type == "channel" and inbound.team is not None:
            team = await teams.find_team(session=session, teams_id=inbound.team.teams_id)
            if team is not None and team.removed_at is None:
                assert team.id is not None
                actor = await people.find_member(
                    session=session, team_id=team.id, teams_user_id=inbound.sender.id
                )
                if actor is not None and not actor.active:
                    actor = None
            else:
                team = None
        else:
            found = await people.memberships(session=session, teams_user_id=inbound.sender.id)
            wanted = _card_team(inbound)
            if wanted is not None:
                found = [(p, tm) for p, tm in found if tm.id == wanted]
            if found:
                actor, team = max(
                    found, key=lambda pt: (ROLE_RANK.get(Role.of_member(pt[0].role), 0),)
                )
                others = [tm for _, tm in found if tm.id != team.id]
                if inbound.conversation_type == "personal":
                    await roster.remember_personal_chat(session, inbound, now=now)
        if actor is not None and inbound.locale and actor.locale != inbound.locale:
            actor.locale = inbound.locale[:20]
            session.add(actor)
        return Turn(
            inbound=inbound,
            session=session,
            now=now,
            lang=lang,
            team=team,
            actor=actor,
            other_teams=others,
        )

    async def cards_sent(
        self, conversation_id: str, activity_ids: Sequence[str], *, now: datetime
    ) -> None:
        """Remember the cards just sent as replies, so that only they can be replaced later."""
        if activity_ids:
            async with self.db.session(answering=True) as session:
                await card_messages.record(
                    session=session,
                    conversation_id=conversation_id,
                    activity_ids=activity_ids,
                    now=now,
                )

    async def personal_chat(self, inbound: Inbound) -> str | None:
        """The sender's 1:1 conversation with the bot, when known and not blocked."""
        async with self.db.session(answering=True) as session:
            chat = await people.personal_chat(session=session, teams_user_id=inbound.sender.id)
        if chat is None or chat.blocked_at is not None or not chat.conversation_id:
            return None
        return chat.conversation_id

    async def remember_personal_chat(
        self, inbound: Inbound, conversation_id: str, *, now: datetime
    ) -> None:
        """Store the 1:1 chat the bot just opened with the sender."""
        async with self.db.session(answering=True) as session:
            await people.remember_personal_chat(
                session=session,
                teams_user_id=inbound.sender.id,
                tenant_id=inbound.tenant_id,
                service_url=inbound.service_url,
                conversation_id=conversation_id,
                now=now,
            )

    async def _checked_replacements(self, turn: Turn, replies: Sequence[Reply]) -> list[Reply]:
        """A reply may replace only a card the bot sent in this conversation; else it is new.

        (A forged `replyToId` must not let a submit overwrite, say, the class's 09:00 post.)
        """
        checked: list[Reply] = []
        for reply in replies:
            if reply.replaces and not await card_messages.is_ours(
                session=turn.session,
                conversation_id=turn.inbound.conversation_id,
                activity_id=reply.replaces,
            ):
                logger.info("a reply may not replace an activity the bot did not send here")
                reply = replace(reply, replaces=None)
            checked.append(reply)
        return checked

    async def _route(self, turn: Turn) -> Sequence[Reply]:
        value = turn.inbound.value
        if isinstance(value, dict) and value:
            return await self._card_action(turn, value)
        return await run_command(turn, turn.inbound.text)

    async def _card_action(self, turn: Turn, value: dict[str, object]) -> Sequence[Reply]:
        verb = value.get("verb")
        action = router.card_actions.get(verb) if isinstance(verb, str) else None
        if action is None:
            logger.info("card submit with unknown verb")
            return [text(t("card.unknown", turn.lang))]
        if turn.role not in action.roles:
            return placed(turn, action.where, [refusal(turn, action.roles)])
        try:
            turn.answer = action.answer.read(value)
        except BadAnswer as refused:  # names the fields, never what was typed
            logger.info("card submit refused: %s", refused)
            return placed(turn, action.where, [text(t(action.invalid, turn.lang))])
        return placed(turn, action.where, await action.handler(turn))


class RateLimiter:
    """At most `per_minute` messages per sender in any minute; the first one over gets a word."""

    def __init__(self, *, per_minute: int) -> None:
        self.per_minute = per_minute
        self._seen: dict[str, deque[datetime]] = {}

    def check(self, sender: str, now: datetime) -> str:
        """ "ok", "warn" (the first message over the limit) or "refuse"."""
        window = self._seen.setdefault(sender, deque())
        while window and now - window[0] >= timedelta(minutes=1):
            window.popleft()
        if len(self._seen) > 10_000:  # forget idle senders so memory stays bounded
            for key in [k for k, v in self._seen.items() if not v and k != sender]:
                del self._seen[key]
        window.append(now)
        if len(window) <= self.per_minute:
            return "ok"
        return "warn" if len(window) == self.per_minute + 1 else "refuse"


def _card_team(inbound: Inbound) -> int | None:
    value = inbound.value
    if isinstance(value, dict):
        team = value.get("team")
        if isinstance(team, int) and not isinstance(team, bool):
            return team if 0 < team <= MAX_ID else None
        if isinstance(team, str):
            return ascii_int(team, low=1, high=MAX_ID)
    return None
