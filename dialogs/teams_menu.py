"""A chat command's entry in the command menu Teams shows (the app manifest's command lists)."""

from __future__ import annotations

from dataclasses import dataclass

from cards.catalogue import Words


@dataclass(frozen=True)
class TeamsMenu:
    """How a command appears in Teams' menu: `bot.package` writes the manifest's lists from it.

    Teams titles the entry with the command's first name in Dutch and with `title` in English.
    The menu of the 1:1 chat and that of a team's channels and group chats each have their own
    description, because what the command does there differs.
    """

    title: str  # the English title: one of the command's names
    order: int  # its place in the menu, smallest first (Teams' own order, not that of `hulp`)
    personal: Words  # the description in the 1:1 chat's menu
    shared: Words | None = None  # in channels and group chats; None: not in that menu
