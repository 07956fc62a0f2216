"""The activity handler: transport in, dispatcher, replies out. The only code that sees a turn."""

from __future__ import annotations

import logging
from collections.abc import Sequence

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
    ) -> None:
        self.metrics = metrics or Metrics()
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
                await context.send_activity(t("error.busy", lang_of(inbound.locale)))
            return
        await send_replies(context, replies)


async def send_replies(context: TurnContext, replies: Sequence[Reply]) -> None:
    """Send replies in the turn; a card that replaces an earlier one updates that message."""
    for reply in replies:
        message = _message(reply)
        if reply.replaces:
            message.id = reply.replaces
            try:
                await context.update_activity(message)
                continue
            except (HttpOperationError, ClientError, OSError) as exc:
                # Some clients cannot update a message; a new one still shows the answer.
                logger.warning("could not update the card (%s); sending a new message", exc)
                message.id = None
        await context.send_activity(message)


def _message(reply: Reply) -> Activity:
    if reply.card is not None:
        activity = MessageFactory.attachment(CardFactory.adaptive_card(reply.card))
        if reply.text:
            activity.text = reply.text
        return activity
    activity = MessageFactory.text(reply.text or "")
    activity.type = ActivityTypes.message
    return activity
