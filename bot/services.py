"""The parts of one running bot, wired once per app from the settings and shared by the routes."""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial

from aiohttp import web
from botbuilder.integration.aiohttp import ConfigurationBotFrameworkAuthentication

from bot.connector import ConnectorClient, token_source
from bot.delivery import DeliveryWorker
from bot.faces import Picture, load_pictures
from bot.handler import DagritmeBot
from bot.observability import Metrics
from bot.scheduler import Scheduler
from bot.settings import Settings
from bot.workers import worker_for
from dialogs.dispatch import Dispatcher
from domain.clock import Clock, SystemClock
from storage.db import Database

SERVICES: web.AppKey[Services] = web.AppKey("services")
BOT_FRAMEWORK_ISSUER = "https://api.botframework.com"


@dataclass
class AdapterConfig:
    """The configuration object the Bot Framework SDK reads its credentials from."""

    APP_ID: str
    APP_PASSWORD: str
    APP_TYPE: str
    APP_TENANTID: str
    TO_BOT_FROM_CHANNEL_OPENID_METADATA_URL: str | None = None
    TO_BOT_FROM_CHANNEL_TOKEN_ISSUER: str | None = None


@dataclass
class Services:
    """Everything the routes share, built once per app."""

    settings: Settings
    clock: Clock
    db: Database
    connector: ConnectorClient
    auth: ConfigurationBotFrameworkAuthentication  # checks who sent a request
    bot: DagritmeBot
    dispatcher: Dispatcher
    worker: DeliveryWorker
    scheduler: Scheduler
    metrics: Metrics
    pictures: dict[str, Picture]


def build_services(settings: Settings, *, clock: Clock | None = None) -> Services:
    """Wire the parts of one running bot."""
    clock = clock or SystemClock()
    observed = Metrics()
    db = Database.from_url(settings.database_url)
    connector = ConnectorClient(token_source(settings))
    worker = worker_for(
        settings, db, connector, clock, metrics=observed, answers_only=not settings.delivery_worker
    )
    dispatcher = Dispatcher(
        db, on_outbox=worker.wake, commands_per_minute=settings.commands_per_minute
    )
    bot = DagritmeBot(
        dispatcher,
        connector,
        clock,
        allowed_tenants=settings.tenant_allow_list,
        metrics=observed,
        pace=partial(worker.pace, urgent=True),
        public_url=settings.public_base,
    )
    return Services(
        settings=settings,
        clock=clock,
        db=db,
        connector=connector,
        auth=authentication(settings),
        bot=bot,
        dispatcher=dispatcher,
        worker=worker,
        scheduler=Scheduler(db, worker, clock, settings=settings),
        metrics=observed,
        pictures=load_pictures(),
    )


def authentication(settings: Settings) -> ConfigurationBotFrameworkAuthentication:
    """The SDK's check of who sent a request, with the bot's credentials."""
    return ConfigurationBotFrameworkAuthentication(
        AdapterConfig(
            APP_ID=settings.app_id,
            APP_PASSWORD=settings.app_password,
            # Local mode has no app id; the SDK accepts that only for the MultiTenant type.
            APP_TYPE=settings.app_type if settings.app_id else "MultiTenant",
            APP_TENANTID=settings.app_tenant_id,
            TO_BOT_FROM_CHANNEL_OPENID_METADATA_URL=settings.openid_metadata_url,
            # With its own metadata URL the SDK checks the issuer given here (Teams' issuer).
            TO_BOT_FROM_CHANNEL_TOKEN_ISSUER=(
                BOT_FRAMEWORK_ISSUER if settings.openid_metadata_url else None
            ),
        )
    )
