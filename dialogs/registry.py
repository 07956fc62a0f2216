"""Imports every module of `dialogs.commands`, so that their decorators fill the router.

A new command or card action needs no entry here: a module in that package is found by name.
"""

from importlib import import_module
from pkgutil import iter_modules

from dialogs import commands


def load_commands() -> None:
    """Import each command module once (importing twice is harmless: Python keeps modules)."""
    for info in sorted(iter_modules(commands.__path__), key=lambda info: info.name):
        import_module(f"{commands.__name__}.{info.name}")


load_commands()
