"""Imports every flow module so that their decorators fill the router."""

from dialogs import (  # noqa: F401
    admin,
    age,
    alert_actions,
    checkin,
    contact_list,
    contacts,
    digests,
    help,
    opp,
    opp_report,
    overview,
    pause,
    preview,
    privacy,
    progress,
    team_settings,
    term_report,
    trajectory,
    voice,
    week,
)
