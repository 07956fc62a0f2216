"""Imports every flow module so that their decorators fill the router."""

from dialogs import admin, checkin, help, pause, team_settings  # noqa: F401
