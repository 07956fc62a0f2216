"""The one router: chat commands and card actions, registered by decorators, with their roles."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime
from typing import Any, Literal

from sqlmodel.ext.asyncio.session import AsyncSession

from cards.answers import CardAnswer
from cards.catalogue import Lang, Words, t
from cards.common import choice_buttons_card, runnable
from cards.plain import Markdown
from dialogs.inbound import Inbound, Reply, card, text
from dialogs.teams_menu import TeamsMenu
from domain.roles import Role
from domain.text import fold, suggest
from storage import audit
from storage.models import Person, Team

# Where a command or card action may answer. PRIVATE: only in the sender's 1:1 chat (typed in a
# channel or group chat, the answer goes to that chat and the channel hears only that it did).
# HERE: wherever it was typed (nothing about any pupil, no roster).
Place = Literal["private", "here"]
PRIVATE: Place = "private"
HERE: Place = "here"
STAFF: frozenset[Role] = frozenset({Role.MENTOR, Role.COORDINATOR})
COORDINATOR: frozenset[Role] = frozenset({Role.COORDINATOR})
PUPILS: frozenset[Role] = frozenset({Role.PUPIL})
EVERYONE: frozenset[Role] = frozenset(Role)
MEMBERS: frozenset[Role] = EVERYONE - {Role.UNKNOWN}
MAX_LABEL = 60  # characters of a suggestion button's title


@dataclass
class Turn:
    """Everything a handler needs for one incoming activity: plain data and a session."""

    inbound: Inbound
    session: AsyncSession
    now: datetime
    lang: Lang
    team: Team | None
    actor: Person | None
    args: str = ""
    # A card submit as its action's model reads it (see `cards.answers`); None for a typed line.
    answer: CardAnswer | None = None
    # The chat command that is running, set by the router just before its handler runs.
    command: Command | None = None
    outbox_touched: bool = False
    other_teams: Sequence[Team] = ()

    @property
    def role(self) -> Role:
        """The actor's role in the turn's team."""
        if self.actor is None:
            return Role.UNKNOWN
        return Role.of_member(self.actor.role)

    async def audit(
        self, action: str, *, subject_id: int | None = None, details: dict[str, Any] | None = None
    ) -> None:
        """Record in the audit trail that the sender did `action` in this team."""
        await audit.record(
            session=self.session,
            action=action,
            now=self.now,
            team_id=self.team.id if self.team else None,
            actor_id=self.actor.id if self.actor else None,
            subject_id=subject_id,
            details=details,
        )

    @property
    def team_id(self) -> int:
        """The turn's team id; handlers that need a team are only reached with one."""
        assert self.team is not None and self.team.id is not None
        return self.team.id

    @property
    def actor_id(self) -> int:
        """The actor's person id; handlers that need an actor are only reached with one."""
        assert self.actor is not None and self.actor.id is not None
        return self.actor.id

    def usage(self) -> Markdown:
        """How to type the running command, in the turn's language (its registration says)."""
        assert self.command is not None, "usage() is for a chat command's handler"
        return self.command.usage.in_(self.lang)


Handler = Callable[[Turn], Awaitable[Sequence[Reply]]]
# A line with words that are no command: replies, or None to let the router go on. The flag
# says whether the first word is a command (then only words of distress are answered).
TextHandler = Callable[[Turn, str, bool], Awaitable[Sequence[Reply] | None]]


@dataclass(frozen=True)
class Command:
    """A chat command: its names (Dutch first), who may use it and where, what `hulp` says of it,
    how to type it, and its handler."""

    names: tuple[str, ...]
    roles: frozenset[Role]
    where: Place
    handler: Handler
    order: int  # its place in `hulp`: everyday commands first, set-up ones last
    help: Words  # its line in `hulp`
    usage: Words  # how to type it, for a line it cannot read
    teams: TeamsMenu | None = None  # its entry in Teams' command menu, if it has one
    listed: bool = True
    # Takes no words after its name: a line with more words ("mijn week was leuk") is heard
    # first as the sender's own words (a pupil may send them to their mentor); the command runs
    # when nothing took them.
    bare: bool = False

    @property
    def name(self) -> str:
        """The primary (Dutch) name."""
        return self.names[0]


@dataclass(frozen=True)
class CardAction:
    """A card submit, routed on the `verb` in its data and read into its answer model first.

    A submit the model refuses gets the `invalid` sentence, and the handler never runs.
    """

    verb: str
    answer: type[CardAnswer]
    roles: frozenset[Role]
    where: Place
    handler: Handler
    invalid: str = "card.unknown"


@dataclass
class Router:
    """The registry of commands and card actions."""

    commands: dict[str, Command] = field(default_factory=dict)
    ordered: list[Command] = field(default_factory=list)
    card_actions: dict[str, CardAction] = field(default_factory=dict)
    free_text: TextHandler | None = None

    def command(
        self,
        *names: str,
        roles: frozenset[Role],
        where: Place,
        order: int,
        help: Words,
        usage: Words,
        teams: TeamsMenu | None = None,
        listed: bool = True,
        bare: bool = False,
    ) -> Callable[[Handler], Handler]:
        """Register a chat command under one or more names (one word, or two: "mijn week"),
        with who may use it and where, its place and line in `hulp`, its usage, and its entry
        in Teams' command menu."""

        def register(handler: Handler) -> Handler:
            spec = Command(
                names=names,
                roles=roles,
                where=where,
                handler=handler,
                order=order,
                help=help,
                usage=usage,
                teams=teams,
                listed=listed,
                bare=bare,
            )
            for name in names:
                if name in self.commands:
                    raise ValueError(f"command {name!r} is registered twice")
                self.commands[name] = spec
            self.ordered.append(spec)
            return handler

        return register

    def card_action(
        self,
        verb: str,
        *,
        answer: type[CardAnswer],
        roles: frozenset[Role],
        where: Place,
        invalid: str = "card.unknown",
    ) -> Callable[[Handler], Handler]:
        """Register a card submit handler for a verb: the model its answer is read into, the
        sentence for an answer the model refuses, who may use it and where."""

        def register(handler: Handler) -> Handler:
            if verb in self.card_actions:
                raise ValueError(f"card action {verb!r} is registered twice")
            self.card_actions[verb] = CardAction(
                verb=verb,
                answer=answer,
                roles=roles,
                where=where,
                handler=handler,
                invalid=invalid,
            )
            return handler

        return register

    def text_handler(self, handler: TextHandler) -> TextHandler:
        """Register the one handler for words that are no command (a pupil's own words)."""
        if self.free_text is not None:
            raise ValueError("a free text handler is registered twice")
        self.free_text = handler
        return handler

    def available_to(self, role: Role) -> list[Command]:
        """The listed commands a role may use, in registration order."""
        return [c for c in self.ordered if c.listed and role in c.roles]


router = Router()


async def run_command(turn: Turn, line: str) -> Sequence[Reply]:
    """Parse a command line, check the role, run the handler; unknown words get a suggestion."""
    word, _, rest = line.strip().partition(" ")
    # "?" alone is a name of `hulp`; elsewhere a trailing "?" or "!" is punctuation
    key = "?" if word == "?" else fold(word).lstrip("/").rstrip("?!.,:")
    turn.args = rest.strip()
    if not key and not turn.args:
        return [text(t("command.empty", turn.lang))]
    command = router.commands.get(key)
    second, _, after = turn.args.partition(" ")
    pair = router.commands.get(f"{key} {fold(second).rstrip('?!.,:')}") if second else None
    if pair is not None:  # a name of two words ("mijn week")
        command, turn.args = pair, after.strip()
    # Words that are no command are heard first: a pupil's "help, ik wil dood" must reach an
    # adult, not a list of commands.
    if router.free_text is not None and (command is None or turn.args):
        heard_as_command = command is not None and not command.bare
        answered = await router.free_text(turn, line, heard_as_command)
        if answered is not None:
            return list(answered)
    if command is None:
        return unknown_command(turn, word, key, turn.args)
    if turn.role not in command.roles:
        return placed(turn, command.where, [refusal(turn, command.roles)])
    turn.command = command
    return placed(turn, command.where, await command.handler(turn))


def unknown_command(turn: Turn, word: str, key: str, rest: str) -> list[Reply]:
    """ "'x' ken ik niet", with a button that runs the corrected line when a command is close.

    Only commands this person may use are suggested. A corrected line that carries more than
    the command (names, notes) is shown only in the sender's 1:1 chat.
    """
    options = [name for c in router.available_to(turn.role) for name in c.names]
    guess = suggest(key, options)
    if guess is None:
        return [text(t("command.unknown", turn.lang, word=word[:40]))]
    question = t("command.unknown_suggest", turn.lang, word=word[:40], guess=guess)
    if " " in guess:  # "mijn weeek": the guess stands for both words
        rest = rest.partition(" ")[2]
    corrected = f"{guess} {rest}".strip()
    if not runnable(corrected):  # more than a button carries
        return [text(question)]
    label = corrected if len(corrected) <= MAX_LABEL else corrected[: MAX_LABEL - 1] + "…"
    reply = card(choice_buttons_card(title=question, buttons=[(label, corrected)]))
    return placed(turn, PRIVATE if rest else HERE, [reply])


def placed(turn: Turn, where: Place, replies: Sequence[Reply]) -> list[Reply]:
    """The replies, sent to the sender's 1:1 chat when they may only be read there.

    A private answer to something typed in a channel or group chat cannot replace a card there.
    """
    if where == HERE or turn.inbound.conversation_type == "personal":
        return list(replies)
    return [replace(reply, private=True, replaces=None) for reply in replies]


def refusal(turn: Turn, roles: frozenset[Role]) -> Reply:
    """A polite no that says who can help."""
    if turn.role is Role.UNKNOWN:
        return text(t("access.unknown_person", turn.lang))
    if roles <= COORDINATOR:
        return text(t("access.coordinators_only", turn.lang))
    if roles <= STAFF:
        return text(t("access.staff_only", turn.lang))
    if roles <= PUPILS:
        return text(t("access.pupils_only", turn.lang))
    return text(t("access.not_for_you", turn.lang))
