"""Installing the app for a pupil through Microsoft Graph, so the bot can reach them again.

Teams answers 403 when the app is not installed for a user (or they blocked it). Where the
school granted the application permission `TeamsAppInstallation.ReadWriteSelfForUser.All`, the
bot installs itself for that user and tries once more.

Installing needs the app's id in the tenant's catalogue, which differs from the manifest id.
It is looked up in the catalogue (that takes `AppCatalog.Read.All` as well) or, without that
permission, among the apps of a colleague who already has the bot (the install permission
covers reading that).
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable, Sequence
from enum import StrEnum
from typing import Any
from urllib.parse import quote

import aiohttp

from bot.identity import app_token, msal_client
from bot.settings import Settings

logger = logging.getLogger(__name__)

GRAPH_RESOURCE = "https://graph.microsoft.com"
# After Graph refuses a tenant (permission not granted), ask again only after this long.
REFUSAL_MEMORY_SECONDS = 3600.0
TenantTokens = Callable[[str], Awaitable[str | None]]


class Install(StrEnum):
    """What an install attempt came to."""

    INSTALLED = "installed"  # newly installed: worth opening the chat again
    ALREADY = "already"  # it was installed: the user blocked the bot
    NOT_ALLOWED = "not_allowed"  # the tenant has not granted the permission
    FAILED = "failed"  # Graph could not be reached or answered otherwise


def graph_tokens(settings: Settings) -> TenantTokens:
    """App-only Graph tokens per tenant (client credentials); none in local mode."""
    if not settings.app_id:

        async def no_token(_tenant: str) -> str | None:
            return None

        return no_token

    clients: dict[str, Any] = {}  # one per tenant; a managed identity is one for all
    scope = settings.graph_url.rstrip("/") + "/.default"

    def acquire(tenant: str) -> dict[str, Any]:
        key = "" if settings.app_type == "UserAssignedMSI" else tenant
        client = clients.get(key)
        if client is None:
            authority = f"{settings.login_url.rstrip('/')}/{tenant}"
            client = clients[key] = msal_client(settings, authority=authority)
        return app_token(client, settings, resource=settings.graph_url, scope=scope)

    async def bearer(tenant: str) -> str | None:
        result = await asyncio.to_thread(acquire, tenant)
        token = result.get("access_token")
        if not token:
            logger.warning("no Graph token for tenant %s: %s", tenant, result.get("error"))
            return None
        return str(token)

    return bearer


class GraphInstaller:
    """Installs this app in a user's personal scope through Graph."""

    def __init__(
        self,
        *,
        base_url: str,
        teams_app_id: str,
        tokens: TenantTokens,
        monotonic: Callable[[], float],
        timeout: float = 15.0,
    ) -> None:
        self.base_url = base_url.rstrip("/")
        self.teams_app_id = teams_app_id
        self._tokens = tokens
        self._monotonic = monotonic
        self._timeout = aiohttp.ClientTimeout(total=timeout)
        self._session: aiohttp.ClientSession | None = None
        self._catalog_ids: dict[str, str] = {}
        self._refused: dict[str, float] = {}

    async def close(self) -> None:
        """Close the HTTP session."""
        if self._session is not None:
            await self._session.close()
            self._session = None

    async def install(
        self, *, tenant_id: str, aad_object_id: str | None, peers: Sequence[str] = ()
    ) -> Install:
        """Install the app for one user; never raises.

        `peers` are Entra ids of people in the tenant who have the bot, to find the app's
        catalogue id through when the catalogue itself may not be read.
        """
        if not aad_object_id:
            return Install.FAILED
        refused_at = self._refused.get(tenant_id)
        if refused_at is not None and self._monotonic() - refused_at < REFUSAL_MEMORY_SECONDS:
            return Install.NOT_ALLOWED
        try:
            catalog_id = await self._catalog_id(tenant_id, peers)
            if catalog_id is None:
                return Install.FAILED
            status, _ = await self._call(
                "POST",
                tenant_id,
                f"/v1.0/users/{quote(aad_object_id, safe='')}/teamwork/installedApps",
                {"teamsApp@odata.bind": f"{self.base_url}/v1.0/appCatalogs/teamsApps/{catalog_id}"},
            )
        except _Refused:
            self._refused[tenant_id] = self._monotonic()
            logger.warning(
                "Graph refused to install the app in tenant %s; grant "
                "TeamsAppInstallation.ReadWriteSelfForUser.All to let the bot reach pupils "
                "who do not have it",
                tenant_id,
            )
            return Install.NOT_ALLOWED
        except (aiohttp.ClientError, TimeoutError) as exc:
            logger.warning("Graph unreachable: %s", type(exc).__name__)
            return Install.FAILED
        if status in (200, 201, 204):
            return Install.INSTALLED
        if status == 409:
            return Install.ALREADY
        logger.warning("Graph answered %s to an app install", status)
        return Install.FAILED

    async def _catalog_id(self, tenant_id: str, peers: Sequence[str]) -> str | None:
        """The app's id in the tenant's catalogue, from the catalogue or a peer's apps."""
        cached = self._catalog_ids.get(tenant_id)
        if cached:
            return cached
        catalog_id: str | None = None
        external = quote(f"externalId eq '{self.teams_app_id}'", safe="")
        try:
            status, data = await self._call(
                "GET", tenant_id, f"/v1.0/appCatalogs/teamsApps?$filter={external}", None
            )
            catalog_id = _first(data.get("value") if status == 200 else None, "id")
        except _Refused:  # no AppCatalog.Read.All: a colleague's installed apps tell it too
            pass
        installed = quote(f"teamsApp/externalId eq '{self.teams_app_id}'", safe="")
        for peer in peers:
            if catalog_id:
                break
            status, data = await self._call(
                "GET",
                tenant_id,
                f"/v1.0/users/{quote(peer, safe='')}/teamwork/installedApps"
                f"?$expand=teamsApp&$filter={installed}",
                None,
            )
            app = _first(data.get("value") if status == 200 else None, "teamsApp")
            catalog_id = _first([app], "id") if isinstance(app, dict) else None
        if not catalog_id:
            logger.warning("the app's id in the Teams catalogue of tenant %s is unknown", tenant_id)
            return None
        self._catalog_ids[tenant_id] = catalog_id
        return catalog_id

    async def _call(
        self, method: str, tenant_id: str, path: str, body: dict[str, Any] | None
    ) -> tuple[int, dict[str, Any]]:
        if self._session is None:
            self._session = aiohttp.ClientSession(timeout=self._timeout)
        headers = {"Content-Type": "application/json"}
        token = await self._tokens(tenant_id)
        if token:
            headers["Authorization"] = f"Bearer {token}"
        async with self._session.request(
            method, self.base_url + path, json=body, headers=headers
        ) as response:
            if response.status in (401, 403):
                raise _Refused
            data: Any = {}
            if response.content_type == "application/json":
                data = await response.json()
            return response.status, data if isinstance(data, dict) else {}


def _first(items: Any, key: str) -> Any:
    """`key` of the first item of a Graph list, or None."""
    if isinstance(items, list) and items and isinstance(items[0], dict):
        return items[0].get(key) or None
    return None


class _Refused(Exception):
    """Graph said no to this app in this tenant."""
