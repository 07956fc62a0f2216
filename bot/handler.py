"""The activity handler: transport in, dispatcher, replies out. The only code that sees a turn.

Answers go out through the bot's own connector client (`bot.connector`), as the delivery
worker's sends do: one pooled HTTP session, no thread per call. The Bot Framework SDK's turn
would build a new connector client, with its own HTTP session, for every activity; it is used
for what it does well, checking who sent the request (`bot.app`).
"""

from __future__ import annotations

import logging
import traceback
from collections.abc import Awaitable, Callable, Sequence
from functools import partial
from typing import Any, TypeVar

from botbuilder.schema import Activity
from sqlalchemy.exc import SQLAlchemyError

from bot.connector import ConnectorClient, ConnectorError
from bot.observability import Metrics
from bot.sending import to_activity
from bot.transport import tenant_of, to_inbound
from cards.catalogue import lang_of, t
from dialogs.dispatch import Dispatcher
from dialogs.inbound import Inbound, Reply
from domain.clock import Clock

logger = logging.getLogger(__name__)

Pace = Callable[[str, str | None], Awaitable[None]]
REPLY_ATTEMPTS = 4
# Someone is waiting for the answer: a passing failure (a 503 now and then) is tried again at
# once, then a little later (0.05 s, 0.1 s, 0.2 s); a Retry-After from Teams is always honoured.
FIRST_RETRY = 0.05
T = TypeVar("T")


class DagritmeBot:
    """Hands each activity to the dispatcher and sends what it answers."""

    def __init__(
        self,
        dispatcher: Dispatcher,
        connector: ConnectorClient,
        clock: Clock,
        *,
        allowed_tenants: frozenset[str] = frozenset(),
        metrics: Metrics | None = None,
        pace: Pace | None = None,
        public_url: str = "",
    ) -> None:
        self.public_url = public_url  # where Teams fetches the pictures our cards name
        self.metrics = metrics or Metrics()
        self.pace = pace
        self.dispatcher = dispatcher
        self.connector = connector
        self.clock = clock
        self.allowed_tenants = allowed_tenants

    async def on_activity(self, activity: Activity) -> None:
        """Handle one authenticated activity."""
        # Checked before anything else: another tenant's activity must not even make us read
        # its roster.
        if self.allowed_tenants and tenant_of(activity).lower() not in self.allowed_tenants:
            logger.warning("refused activity from a tenant outside the allow-list")
            return
        inbound = await to_inbound(activity, self.connector)
        if inbound is None:
            logger.debug("ignored activity of type %s", activity.type)
            self.metrics.inc("dagritme_activities_total", kind="ignored")
            return
        self.metrics.inc("dagritme_activities_total", kind=inbound.kind)
        try:
            replies = await self.dispatcher.handle(inbound, now=self.clock.now())
        except SQLAlchemyError as exc:
            # By type and place only: the message of a database error can quote what was typed.
            logger.error(
                "database error (%s) while handling a %s", type(exc).__name__, inbound.kind
            )
            self.metrics.inc("dagritme_turn_errors_total", kind="database")
            await self._apologise(inbound, "error.busy")
            return
        except Exception as exc:  # the last resort of a turn: a bug must not become a 500
            logger.error(
                "unexpected %s while handling a %s, at %s",
                type(exc).__name__,
                inbound.kind,
                _where(exc),
            )
            self.metrics.inc("dagritme_turn_errors_total", kind="internal")
            await self._apologise(inbound, "error.internal")
            return
        try:
            await self.send_replies(inbound, replies)
        except Exception as exc:  # what was done is stored; a failed answer must not be a 500
            logger.error("could not send the answer: %s at %s", type(exc).__name__, _where(exc))
            self.metrics.inc("dagritme_turn_errors_total", kind="reply")

    async def _apologise(self, inbound: Inbound, key: str) -> None:
        """Tell the person, politely, that this did not work (nothing was stored)."""
        if inbound.kind == "message":
            await self._answer(inbound, Reply(text=t(key, lang_of(inbound.locale))))

    async def send_replies(self, inbound: Inbound, replies: Sequence[Reply]) -> None:
        """Send replies; a card that replaces an earlier one updates that message.

        Private replies go to the sender's 1:1 chat; the conversation where the sender typed
        hears only that they did (or that they could not, and where to ask instead).

        Replies are paced with the delivery worker's sends (they count against the same Teams
        limits). A reply Teams will not take is logged, never turned into a 500: what the
        person did is stored, and Teams would only post the activity again.
        """
        here = [reply for reply in replies if not reply.private]
        private = [reply for reply in replies if reply.private]
        cards: list[str] = []
        for reply in here:
            if reply.replaces:
                update = partial(
                    self.connector.update,
                    inbound.service_url,
                    inbound.conversation_id,
                    reply.replaces,
                    self._activity(reply),
                )
                updated, _ = await self._in_turn(inbound, update)
                if updated:
                    continue
                # Some clients cannot update a message; a new one still shows the answer.
            sent = await self._answer(inbound, reply)
            if sent and reply.card is not None:
                cards.append(sent)
        await self.dispatcher.cards_sent(inbound.conversation_id, cards, now=self.clock.now())
        if private:
            delivered = await self._send_privately(inbound, private)
            key = "place.answered_privately" if delivered else "place.private_failed"
            await self._answer(inbound, Reply(text=t(key, lang_of(inbound.locale))))

    async def _send_privately(self, inbound: Inbound, replies: Sequence[Reply]) -> bool:
        """Send replies to the sender's 1:1 chat (opened when needed); False when it failed."""
        try:
            conversation = await self.dispatcher.personal_chat(inbound)
            if conversation is None:
                open_chat = partial(
                    self.connector.create_personal_conversation,
                    inbound.service_url,
                    bot_id=inbound.bot.id,
                    user_id=inbound.sender.id,
                    tenant_id=inbound.tenant_id,
                )
                conversation = await self._connector_call(inbound, None, open_chat)
                await self.dispatcher.remember_personal_chat(
                    inbound, conversation, now=self.clock.now()
                )
            target = conversation
            cards: list[str] = []
            for reply in replies:
                post = partial(
                    self.connector.send, inbound.service_url, target, self._activity(reply)
                )
                sent = await self._connector_call(inbound, target, post)
                if sent and reply.card is not None:
                    cards.append(sent)
            await self.dispatcher.cards_sent(target, cards, now=self.clock.now())
        except ConnectorError as exc:
            logger.warning("could not answer in the 1:1 chat: %s %s", exc.status, exc.code)
            self.metrics.inc("dagritme_replies_failed_total")
            return False
        return True

    async def _connector_call(
        self, inbound: Inbound, conversation: str | None, call: Callable[[], Awaitable[T]]
    ) -> T:
        """One paced call to the Bot Connector, retried on throttling and passing trouble."""
        for attempt in range(REPLY_ATTEMPTS):
            if self.pace is not None:
                await self.pace(inbound.tenant_id, conversation)
            try:
                return await call()
            except ConnectorError as exc:
                if not exc.retryable or attempt + 1 == REPLY_ATTEMPTS:
                    raise
                await self.clock.sleep(_retry_wait(exc.retry_after, attempt))
        raise AssertionError("unreachable")

    def _activity(self, reply: Reply) -> dict[str, Any]:
        return to_activity({"text": reply.text, "card": reply.card}, public_url=self.public_url)

    async def _answer(self, inbound: Inbound, reply: Reply) -> str | None:
        """Answer in the turn's conversation (a reply to the activity when it has an id);
        returns the new activity's id."""
        activity = self._activity(reply)
        if inbound.activity_id:
            activity["replyToId"] = inbound.activity_id
        post = partial(
            self.connector.reply,
            inbound.service_url,
            inbound.conversation_id,
            inbound.activity_id,
            activity,
        )
        sent, activity_id = await self._in_turn(inbound, post)
        if not sent:
            self.metrics.inc("dagritme_replies_failed_total")
            return None
        return activity_id or None

    async def _in_turn(
        self, inbound: Inbound, call: Callable[[], Awaitable[T]]
    ) -> tuple[bool, T | None]:
        """One paced call in the turn's conversation, retried on throttling and passing
        trouble; whether it went through, and what it answered."""
        try:
            return True, await self._connector_call(inbound, inbound.conversation_id, call)
        except ConnectorError as exc:
            logger.warning("a call in the turn failed: %s %s", exc.status, exc.code)
            return False, None


def _where(exc: BaseException) -> str:
    """The module and line a failure was raised at (no message: it may quote what was typed)."""
    frame = traceback.extract_tb(exc.__traceback__)[-1:] if exc.__traceback__ else []
    return f"{frame[0].filename.rsplit('/', 1)[-1]}:{frame[0].lineno}" if frame else "?"


def _retry_wait(retry_after: float | None, attempt: int) -> float:
    return retry_after if retry_after is not None else FIRST_RETRY * 2**attempt
