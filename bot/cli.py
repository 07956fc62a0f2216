"""The `dagritme` command: serve, db upgrade, tick, deliver, package, export, erase, report."""

from __future__ import annotations

import argparse
import asyncio
import logging
import sys
from collections.abc import Callable, Sequence
from datetime import datetime
from typing import Any

from pydantic import ValidationError

from bot.observability import configure_logging
from bot.settings import ConfigError, Settings
from domain.clock import SystemClock, instant_at
from domain.roles import MEMBER_ROLES

logger = logging.getLogger(__name__)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="dagritme", description="Dagritme Teams bot")
    commands = parser.add_subparsers(dest="command", required=True)

    serve = commands.add_parser("serve", help="serve the bot on /api/messages")
    serve.add_argument("--host", help="address to bind (default DAGRITME_HOST or 127.0.0.1)")
    serve.add_argument("--port", type=int, help="port (default DAGRITME_PORT or 3978)")

    db = commands.add_parser("db", help="database maintenance")
    db_commands = db.add_subparsers(dest="db_command", required=True)
    db_commands.add_parser("upgrade", help="apply all migrations")

    tick = commands.add_parser("tick", help="run once everything that is due, then exit")
    tick.add_argument(
        "--at",
        type=_instant,
        help="the instant to run at: a time today (09:00, 14:45) or an ISO 8601 date-time, "
        "Europe/Amsterdam time unless it has an offset",
    )
    deliver = commands.add_parser(
        "deliver",
        help="run only the delivery worker (several on one PostgreSQL share the tenants)",
    )
    deliver.add_argument(
        "--until-idle",
        action="store_true",
        help="exit once the outbox is empty, retries included (default: run until stopped)",
    )
    _package_parser(commands)
    _person_parsers(commands)
    _report_parser(commands)
    return parser


def _package_parser(commands: Any) -> None:
    """The `package` subcommand and its options."""
    pack = commands.add_parser("package", help="write the Teams app package (zip)")
    pack.add_argument("--app-id", required=True, help="the bot's Microsoft App ID")
    pack.add_argument("--domain", help="the host the bot is served from")
    pack.add_argument("--out", default="var/dagritme-teams.zip", help="where to write the zip")
    pack.add_argument(
        "--schemas",
        help="folder with Microsoft's manifest JSON schemas, checked in addition when given "
        "(default: .cache/npm when installed there)",
    )
    pack.add_argument(
        "--privacy-url", help="the school's privacy statement (default: the bot's /privacy)"
    )
    pack.add_argument("--terms-url", help="the terms of use (default: the bot's /voorwaarden)")


def _person_parsers(commands: Any) -> None:
    """The subcommands about one person: `export`, `erase` and `role`."""
    for name, text in (
        ("export", "everything stored about one person, as JSON (inzageverzoek)"),
        ("erase", "remove everything stored about one person"),
    ):
        sub = commands.add_parser(name, help=text)
        sub.add_argument("--person", required=True, help="our person id, or a part of the name")
        sub.add_argument("--team", required=True, help="our team id, or the Teams team id")
        if name == "erase":
            sub.add_argument("--yes", action="store_true", help="confirm the erasure")
    role = commands.add_parser(
        "role", help="give a member a role (e.g. a new coordinator when a team has none)"
    )
    role.add_argument("--person", required=True, help="our person id, or a part of the name")
    role.add_argument("--team", required=True, help="our team id, or the Teams team id")
    role.add_argument("role", choices=[*MEMBER_ROLES, "none"])


def _report_parser(commands: Any) -> None:
    """The `report` subcommand and its options."""
    report = commands.add_parser(
        "report",
        help="the team's term report in counts only, or one pupil's OPP report (audited)",
    )
    report.add_argument("--team", required=True, help="our team id, or the Teams team id")
    mode = report.add_mutually_exclusive_group(required=True)
    mode.add_argument(
        "--term",
        action="store_true",
        help="the term report: phases, outcomes, check-ins and contacts of the whole team",
    )
    mode.add_argument(
        "--pupil",
        help="one pupil's OPP report (our person id, or a part of the name): check-ins, mood, "
        "goals, contacts, signals, pauses, and the pupil's close notes, which otherwise only "
        "their mentor reads: the operator acts for the mentor",
    )
    report.add_argument(
        "--from",
        dest="start",
        help="first day (default: 1 August of the school year of --to; with --pupil: the last "
        "OPP evaluation)",
    )
    report.add_argument("--to", dest="end", help="last day (default: today)")
    report.add_argument("--format", choices=["md", "csv"], default="md", help="default: md")
    report.add_argument("--lang", choices=["nl", "en"], default="nl", help="default: nl")


def _instant(value: str) -> datetime:
    moment = instant_at(value, now=SystemClock().now())
    if moment is None:
        raise argparse.ArgumentTypeError(
            f"not a time (09:00) nor an ISO 8601 date-time (2026-11-23T09:00): {value!r}"
        )
    return moment


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the console script and of `python -m bot`."""
    args = _parser().parse_args(argv)
    try:
        settings = Settings()
    except ValidationError as exc:
        names = ", ".join(str(err["loc"][0]) for err in exc.errors() if err["loc"])
        print(f"dagritme: invalid configuration: {names}\n{exc}", file=sys.stderr)
        return 2
    configure_logging(settings.log_level)
    try:
        return RUNS[args.command](args, settings)
    except ConfigError as exc:
        print(f"dagritme: {exc}", file=sys.stderr)
        return 2


def _serve(args: argparse.Namespace, settings: Settings) -> int:
    from bot.server import serve

    host = args.host or settings.host
    port = args.port or settings.port
    settings.check_serving(host)
    # the default picture address follows where this server listens
    settings = settings.model_copy(update={"host": host, "port": port})
    if settings.authenticated and not settings.public_url:
        logger.warning(
            "DAGRITME_PUBLIC_URL is not set: Teams cannot fetch the faces on the "
            "youngest pupils' cards from %s",
            settings.public_base,
        )
    serve(settings, host=host, port=port)
    return 0


def _db(args: argparse.Namespace, settings: Settings) -> int:
    from storage.db import upgrade

    upgrade(settings.database_url)
    print("database is up to date")
    return 0


def _tick(args: argparse.Namespace, settings: Settings) -> int:
    from bot.tick import tick

    summary = asyncio.run(tick(settings, at=args.at))
    print(summary)
    return 0


def _deliver(args: argparse.Namespace, settings: Settings) -> int:
    from bot.tick import deliver

    print(asyncio.run(deliver(settings, until_idle=args.until_idle)))
    return 0


def _package(args: argparse.Namespace, settings: Settings) -> int:
    from pathlib import Path

    from bot.package import INSTALL_SCHEMA, ManifestError, package

    try:
        packaged = package(
            app_id=args.app_id,
            domain=args.domain,
            out=Path(args.out),
            schemas=Path(args.schemas) if args.schemas else None,
            privacy_url=args.privacy_url,
            terms_url=args.terms_url,
        )
    except ManifestError as exc:
        problems = "\n".join(f"  {problem}" for problem in exc.args)
        print(f"dagritme: invalid manifest, nothing written:\n{problems}", file=sys.stderr)
        return 2
    print(f"wrote {packaged.path}")
    if packaged.schema is None:
        print(
            "note: Microsoft's manifest schema is not installed, so only the built-in "
            f"checks ran; {INSTALL_SCHEMA} (or --schemas) adds the schema check",
            file=sys.stderr,
        )
    if not args.domain and not (args.privacy_url and args.terms_url):
        print(
            "note: without --domain the app's privacy and terms links do not reach the "
            "bot's own pages; pass --domain (or --privacy-url and --terms-url)",
            file=sys.stderr,
        )
    return 0


def _export(args: argparse.Namespace, settings: Settings) -> int:
    from bot import maintenance

    now = SystemClock().now()
    print(asyncio.run(maintenance.export(settings, person=args.person, team=args.team, now=now)))
    return 0


def _erase(args: argparse.Namespace, settings: Settings) -> int:
    from bot import maintenance

    if not args.yes:
        print("dagritme: erase removes everything about this person; add --yes", file=sys.stderr)
        return 2
    now = SystemClock().now()
    print(asyncio.run(maintenance.erase(settings, person=args.person, team=args.team, now=now)))
    return 0


def _report(args: argparse.Namespace, settings: Settings) -> int:
    from bot.reports import report

    print(asyncio.run(report(settings, args, now=SystemClock().now())), end="")
    return 0


def _role(args: argparse.Namespace, settings: Settings) -> int:
    from bot import maintenance

    changed = maintenance.set_role(
        settings, person=args.person, team=args.team, role=args.role, now=SystemClock().now()
    )
    print(asyncio.run(changed))
    return 0


# What each subcommand runs: its exit code, after the settings were read and the logs set up.
RUNS: dict[str, Callable[[argparse.Namespace, Settings], int]] = {
    "serve": _serve,
    "db": _db,
    "tick": _tick,
    "deliver": _deliver,
    "package": _package,
    "export": _export,
    "erase": _erase,
    "report": _report,
    "role": _role,
}
