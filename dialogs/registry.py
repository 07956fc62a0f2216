"""Imports every flow module so that their decorators fill the router."""

from dialogs import admin, checkin, contacts, help, overview, pause, team_settings  # noqa: F401
