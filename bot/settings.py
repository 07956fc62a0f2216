"""All configuration, read once from the environment or `.env` by the app factory."""

from __future__ import annotations

import ipaddress
import os
import socket
from typing import Literal
from urllib.parse import urlsplit

from pydantic import Field, SecretStr, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from bot.boundary import is_host_pattern
from bot.pacing import parse_limits

DEFAULT_DATABASE_URL = "sqlite+aiosqlite:///var/dagritme.sqlite3"
# Where Teams in Microsoft's public cloud sends activities from (and takes replies): the host
# of every serviceUrl Teams sends, whatever the region path (/emea/, /amer/, /teams/).
TEAMS_SERVICE_URL_HOSTS = "smba.trafficmanager.net"
OPERATOR_TOKEN_MIN_LENGTH = 32


class ConfigError(ValueError):
    """A refused configuration; the message names the variable to fix."""


class Settings(BaseSettings):
    """Dagritme settings. Bot Framework names as Microsoft documents them, the rest `DAGRITME_*`."""

    model_config = SettingsConfigDict(
        env_file=".env",
        env_file_encoding="utf-8",
        extra="ignore",
        populate_by_name=True,
        # A refused value is not repeated: it may be a secret (a token, a database URL).
        hide_input_in_errors=True,
    )

    database_url: str = Field(DEFAULT_DATABASE_URL, alias="DATABASE_URL")

    app_id: str = Field("", alias="MicrosoftAppId")
    app_password: str = Field("", alias="MicrosoftAppPassword")
    app_type: Literal["SingleTenant", "MultiTenant", "UserAssignedMSI"] = Field(
        "SingleTenant", alias="MicrosoftAppType"
    )
    app_tenant_id: str = Field("", alias="MicrosoftAppTenantId")

    host: str = Field("127.0.0.1", alias="DAGRITME_HOST")
    port: int = Field(3978, alias="DAGRITME_PORT", ge=1, le=65535)
    # Where Teams reaches this bot from outside (https://bot.school.nl): the pictures on the
    # youngest pupils' cards are fetched from here. Unset: http://<host>:<port>, for local use.
    public_url: str = Field("", alias="DAGRITME_PUBLIC_URL")
    allowed_tenants: str = Field("", alias="DAGRITME_ALLOWED_TENANTS")
    max_request_bytes: int = Field(256 * 1024, alias="DAGRITME_MAX_REQUEST_BYTES", ge=1024)
    scheduler: bool = Field(True, alias="DAGRITME_SCHEDULER")
    # false: `serve` plans but leaves sending to separate `dagritme deliver` processes
    delivery_worker: bool = Field(True, alias="DAGRITME_DELIVERY_WORKER")
    delivery_max_attempts: int = Field(6, alias="DAGRITME_DELIVERY_MAX_ATTEMPTS", ge=1, le=50)
    delivery_batch: int = Field(50, alias="DAGRITME_DELIVERY_BATCH", ge=1, le=1000)
    # Teams' throttling limits as count/seconds; the worker paces itself inside them.
    conversation_limits: str = Field(
        "7/1,8/2,60/30,1800/3600", alias="DAGRITME_CONVERSATION_LIMITS"
    )
    tenant_limits: str = Field("50/1", alias="DAGRITME_TENANT_LIMITS")
    # The share of each tenant limit the fan-out leaves free, so that a pupil who taps
    # "Verstuur" at 09:00 is answered at once; a server without its own delivery worker keeps
    # its answers within this share.
    answer_reserve: float = Field(0.1, alias="DAGRITME_ANSWER_RESERVE", ge=0, le=0.5)
    # Calls under way at once per tenant: enough to fill the tenant limit at Teams' latency.
    delivery_concurrency: int = Field(16, alias="DAGRITME_DELIVERY_CONCURRENCY", ge=1, le=200)
    # How long a worker's hold on a tenant lasts unless renewed; after a crash, another worker
    # (or the restarted one) takes the tenant over this long after the last renewal.
    delivery_lease_seconds: int = Field(30, alias="DAGRITME_DELIVERY_LEASE_SECONDS", ge=3, le=600)
    # This process's name in the delivery leases; unique per process sharing one database.
    worker_name: str = Field(
        default_factory=lambda: f"{socket.gethostname()}-{os.getpid()}",
        alias="DAGRITME_WORKER_NAME",
        max_length=150,
    )
    # Install the app for a pupil Teams cannot reach (Graph, application permission
    # TeamsAppInstallation.ReadWriteSelfForUser.All); "auto": when the bot has an identity.
    graph_install: Literal["auto", "on", "off"] = Field("auto", alias="DAGRITME_GRAPH_INSTALL")
    graph_url: str = Field("https://graph.microsoft.com", alias="DAGRITME_GRAPH_URL")
    login_url: str = Field("https://login.microsoftonline.com", alias="DAGRITME_LOGIN_URL")
    log_level: str = Field("INFO", alias="DAGRITME_LOG_LEVEL")
    commands_per_minute: int = Field(30, alias="DAGRITME_COMMANDS_PER_MINUTE", ge=1, le=1000)
    retention_checkin_days: int = Field(400, alias="DAGRITME_RETENTION_CHECKIN_DAYS", ge=30)
    retention_after_leaving_days: int = Field(
        730, alias="DAGRITME_RETENTION_AFTER_LEAVING_DAYS", ge=30
    )
    retention_audit_days: int = Field(1826, alias="DAGRITME_RETENTION_AUDIT_DAYS", ge=365)
    # Where the Bot Framework publishes its signing keys; only tests and sovereign clouds change it.
    openid_metadata_url: str | None = Field(None, alias="DAGRITME_OPENID_METADATA_URL")
    # The hosts an authenticated bot accepts as an activity's serviceUrl, where its replies go.
    # Bot Framework tokens for other channels (Web Chat, Direct Line) name their own hosts.
    service_url_hosts: str = Field(TEAMS_SERVICE_URL_HOSTS, alias="DAGRITME_SERVICE_URL_HOSTS")
    # Bearer token for /metrics and the details of /healthz from off this machine; unset: no one.
    operator_token: SecretStr = Field(SecretStr(""), alias="DAGRITME_OPERATOR_TOKEN")

    @field_validator("database_url")
    @classmethod
    def _known_driver(cls, value: str) -> str:
        if not value.startswith(("sqlite+aiosqlite://", "postgresql+asyncpg://")):
            raise ValueError(
                "DATABASE_URL must start with sqlite+aiosqlite:// or postgresql+asyncpg://"
            )
        return value

    @field_validator("public_url")
    @classmethod
    def _public_url(cls, value: str) -> str:
        value = value.strip()
        if not value:
            return ""
        parts = urlsplit(value)
        if parts.scheme not in ("https", "http") or not parts.hostname:
            raise ValueError("give the bot's address as https://host[:port][/path]")
        if parts.query or parts.fragment or parts.username or parts.password:
            raise ValueError("give the address without a query, fragment or user name")
        return value.rstrip("/")

    @field_validator("conversation_limits", "tenant_limits")
    @classmethod
    def _limits(cls, value: str) -> str:
        if not parse_limits(value):
            raise ValueError("give at least one limit as count/seconds, e.g. 7/1,60/30")
        return value

    @field_validator("service_url_hosts")
    @classmethod
    def _host_patterns(cls, value: str) -> str:
        patterns = [part.strip().lower() for part in value.split(",") if part.strip()]
        if not patterns:
            raise ValueError("name at least one host, e.g. smba.trafficmanager.net")
        for pattern in patterns:
            if not is_host_pattern(pattern):
                raise ValueError(
                    f"{pattern!r} is not a host name, an address or *. and a domain "
                    "(no scheme, port or path)"
                )
        return ",".join(patterns)

    @field_validator("operator_token")
    @classmethod
    def _operator_token(cls, value: SecretStr) -> SecretStr:
        token = value.get_secret_value().strip()
        if token and (
            len(token) < OPERATOR_TOKEN_MIN_LENGTH or not all("!" <= char <= "~" for char in token)
        ):
            raise ValueError(
                f"give at least {OPERATOR_TOKEN_MIN_LENGTH} visible ASCII characters "
                "(e.g. openssl rand -hex 32), or leave it unset"
            )
        return SecretStr(token)

    @property
    def service_url_host_patterns(self) -> tuple[str, ...]:
        """The allowed serviceUrl hosts, `*.example.com` for any name under example.com."""
        return tuple(self.service_url_hosts.split(","))

    @property
    def public_base(self) -> str:
        """The address Teams fetches our card pictures from: DAGRITME_PUBLIC_URL, else where
        `serve` listens (local use; a wildcard address is reached on loopback)."""
        if self.public_url:
            return self.public_url
        host = self.host
        if host in ("0.0.0.0", "::", ""):
            host = "127.0.0.1"
        if ":" in host:
            host = f"[{host}]"
        return f"http://{host}:{self.port}"

    @property
    def graph_installs(self) -> bool:
        """Whether to install the app through Graph for a user Teams cannot reach."""
        if self.graph_install == "auto":  # any bot with an identity that Graph can trust
            return bool(self.app_id and (self.app_password or self.app_type == "UserAssignedMSI"))
        return self.graph_install == "on"

    @property
    def authenticated(self) -> bool:
        """Whether incoming requests are checked by the Bot Framework (an app id is set)."""
        return bool(self.app_id)

    @property
    def tenant_allow_list(self) -> frozenset[str]:
        """Tenants whose activities are accepted; empty means every tenant."""
        parts = self.allowed_tenants.split(",")
        return frozenset(part.strip().lower() for part in parts if part.strip())

    def check_serving(self, host: str) -> None:
        """Refuse a config that must not serve: unauthenticated off loopback, half a login."""
        if self.app_id and not self.app_password and self.app_type != "UserAssignedMSI":
            raise ConfigError("MicrosoftAppPassword is required when MicrosoftAppId is set")
        if self.app_id and self.app_type != "MultiTenant" and not self.app_tenant_id:
            raise ConfigError(f"MicrosoftAppTenantId is required for {self.app_type} bots")
        if not self.authenticated and not _is_loopback(host):
            raise ConfigError(
                f"refusing to listen on {host} without MicrosoftAppId: "
                "unauthenticated local mode binds to loopback only (set MicrosoftAppId, "
                "MicrosoftAppPassword and MicrosoftAppTenantId, or DAGRITME_HOST=127.0.0.1)"
            )


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False
