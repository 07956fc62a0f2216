"""The activity handler: transport in, dispatcher, replies out. The only code that sees a turn."""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable, Sequence

from aiohttp import ClientError
from botbuilder.core import Bot, CardFactory, MessageFactory, TurnContext
from botbuilder.schema import Activity, ActivityTypes
from msrest.exceptions import HttpOperationError
from sqlalchemy.exc import SQLAlchemyError

from bot.connector import ConnectorClient
from bot.observability import Metrics
from bot.transport import tenant_of, to_inbound
from cards.catalogue import lang_of, t
from dialogs.dispatch import Dispatcher
from dialogs.inbound import Reply
from domain.clock import Clock

logger = logging.getLogger(__name__)

Pace = Callable[[str, str | None], Awaitable[None]]
REPLY_ATTEMPTS = 3
RETRYABLE = (412, 429, 500, 502, 503, 504)


class DagritmeBot(Bot):
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
    ) -> None:
        self.metrics = metrics or Metrics()
        self.pace = pace
        self.dispatcher = dispatcher
        self.connector = connector
        self.clock = clock
        self.allowed_tenants = allowed_tenants

    async def on_turn(self, context: TurnContext) -> None:
        """Handle one activity."""
        activity: Activity = context.activity
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
        except SQLAlchemyError:
            logger.exception("database error while handling a %s", inbound.kind)
            if inbound.kind == "message":
                busy = MessageFactory.text(t("error.busy", lang_of(inbound.locale)))
                await self._send(context, busy)
            return
        await self.send_replies(context, replies)

    async def send_replies(self, context: TurnContext, replies: Sequence[Reply]) -> None:
        """Send replies in the turn; a card that replaces an earlier one updates that message.

        Replies are paced with the delivery worker's sends (they count against the same Teams
        limits). A reply Teams will not take is logged, never turned into a 500: what the
        person did is stored, and Teams would only post the activity again.
        """
        for reply in replies:
            message = _message(reply)
            if reply.replaces:
                message.id = reply.replaces
                await self._paced(context)
                try:
                    await context.update_activity(message)
                    continue
                except (HttpOperationError, ClientError, OSError) as exc:
                    # Some clients cannot update a message; a new one still shows the answer.
                    logger.warning("could not update the card (%s); sending a new message", exc)
                    message.id = None
            await self._send(context, message)

    async def _send(self, context: TurnContext, message: Activity) -> None:
        for attempt in range(REPLY_ATTEMPTS):
            await self._paced(context)
            try:
                await context.send_activity(message)
                return
            except (HttpOperationError, ClientError, OSError) as exc:
                status, retry_after = _failure(exc)
                retryable = status in RETRYABLE and attempt + 1 < REPLY_ATTEMPTS
                if not retryable:
                    logger.warning("could not send a reply: %s", status or type(exc).__name__)
                    self.metrics.inc("dagritme_replies_failed_total")
                    return
                await self.clock.sleep(retry_after if retry_after is not None else 2.0**attempt)

    async def _paced(self, context: TurnContext) -> None:
        if self.pace is not None:
            activity = context.activity
            await self.pace(tenant_of(activity), activity.conversation.id)


def _failure(exc: Exception) -> tuple[int | None, float | None]:
    """The HTTP status and Retry-After of a failed reply, as far as the SDK tells them."""
    response = getattr(exc, "response", None)
    status = getattr(response, "status_code", None) or getattr(response, "status", None)
    headers = getattr(response, "headers", None) or {}
    raw = headers.get("Retry-After")
    try:
        retry_after = float(raw) if raw else None
    except (TypeError, ValueError):
        retry_after = None
    return (int(status) if isinstance(status, int) else None), retry_after


def _message(reply: Reply) -> Activity:
    if reply.card is not None:
        activity = MessageFactory.attachment(CardFactory.adaptive_card(reply.card))
        if reply.text:
            activity.text = reply.text
        return activity
    activity = MessageFactory.text(reply.text or "")
    activity.type = ActivityTypes.message
    return activity
