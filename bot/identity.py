"""The bot's own identity towards Microsoft Entra ID, for app-only tokens: a user-assigned
managed identity, or the app id and its secret. MSAL is imported only when a token is needed."""

from __future__ import annotations

from typing import Any

from bot.settings import Settings


def msal_client(settings: Settings, *, authority: str) -> Any:
    """An MSAL client for the bot's identity; `authority` serves the app id and secret only.

    MSAL reads the authority's metadata over the network when a client is made: make one on
    first use (in a worker thread), never at startup or import.
    """
    import msal
    import requests

    if settings.app_type == "UserAssignedMSI":
        return msal.ManagedIdentityClient(
            msal.UserAssignedManagedIdentity(client_id=settings.app_id),
            http_client=requests.Session(),
        )
    return msal.ConfidentialClientApplication(
        settings.app_id, client_credential=settings.app_password, authority=authority
    )


def app_token(client: Any, settings: Settings, *, resource: str, scope: str) -> dict[str, Any]:
    """MSAL's answer to a request for an app-only token: its "access_token", or its "error".

    A managed identity asks for the `resource`, the app id and secret for its `scope`.
    """
    result: dict[str, Any]
    if settings.app_type == "UserAssignedMSI":
        result = client.acquire_token_for_client(resource=resource)
    else:
        result = client.acquire_token_for_client(scopes=[scope])
    return result
