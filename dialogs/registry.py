"""Imports every flow module so that their decorators fill the router."""

from dialogs import (  # noqa: F401
    admin,
    alert_actions,
    checkin,
    contact_list,
    contacts,
    digests,
    help,
    opp,
    overview,
    pause,
    privacy,
    team_settings,
    voice,
)
