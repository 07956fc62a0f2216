"""`dagritme report`: reports for the samenwerkingsverband, printed as Markdown or CSV.

One subcommand, one mode per kind of report (`--term` for the whole team over a period); the
modes exclude each other (see `bot.cli`), so each new kind of report is one more flag there and
one more branch in `report`.
"""

from __future__ import annotations

import argparse
from datetime import date, datetime

from bot.maintenance import find_team
from bot.pupil_report import pupil_report
from bot.settings import ConfigError, Settings
from cards.catalogue import Lang
from cards.term_report import report_csv, report_markdown
from dialogs.commands.term_report import term_report
from domain.clock import local_date
from domain.grammar import parse_date
from domain.term_report import Period, period_between, school_year_start
from storage.db import Database


def _day(value: str | None, option: str, *, today: date) -> date | None:
    if value is None:
        return None
    found = parse_date(value, today=today, prefer="past")
    if found is None:
        raise ConfigError(f"{option} {value!r} is not a date (e.g. 2026-08-01 or 1-8-2026)")
    return found


def term_period(start: str | None, end: str | None, *, today: date) -> Period:
    """The period of `--from`/`--to`: by default this school year up to today."""
    last = _day(end, "--to", today=today) or today
    first = _day(start, "--from", today=today) or school_year_start(last)
    period = period_between(first, last, today=today)
    if not isinstance(period, Period):
        raise ConfigError(f"no report for {first} to {last}: {period.replace('_', ' ')}")
    return period


async def report(settings: Settings, args: argparse.Namespace, *, now: datetime) -> str:
    """The report the options ask for, as text to print."""
    if args.term:
        return await _term(settings, args, now=now)
    if args.pupil:
        return await pupil_report(settings, args, now=now)
    raise ConfigError("report: say which report (--term or --pupil)")


async def _term(settings: Settings, args: argparse.Namespace, *, now: datetime) -> str:
    lang: Lang = args.lang
    period = term_period(args.start, args.end, today=local_date(now))
    db = Database.from_url(settings.database_url)
    try:
        async with db.session() as session:
            team = await find_team(session, args.team)
            found, activity = await term_report(
                session, team, period, now=now, actor_id=None, details={"by": "operator"}
            )
    finally:
        await db.close()
    if args.format == "csv":
        return report_csv(lang=lang, figures=found, activity=activity)
    return report_markdown(lang=lang, team=team.name, figures=found, activity=activity)
