"""`dagritme report --pupil`: one pupil's OPP report, as Markdown or CSV, to paste into the
school's pupil administration.

The operator acts for the pupil's mentor here, so the report includes the pupil's close notes,
as the mentor reads them in the chat; the read is audited with the pupil as subject.
"""

from __future__ import annotations

import argparse
from datetime import date, datetime

from bot.maintenance import _one_person
from bot.settings import ConfigError, Settings
from cards.catalogue import Lang
from cards.opp_report_doc import opp_report_csv, opp_report_markdown
from dialogs.commands.opp_report import build_pack
from domain.clock import local_date
from domain.grammar import format_date, parse_date
from domain.opp import MAX_REPORT_DAYS
from domain.roles import Role
from storage import audit
from storage.models import Team


def _day(value: str | None, option: str, *, today: date) -> date | None:
    if value is None:
        return None
    found = parse_date(value, today=today, prefer="past")
    if found is None:
        raise ConfigError(f"{option} {value!r} is not a date (e.g. 2026-09-01 or 1-9-2026)")
    if found > today:
        raise ConfigError(f"{option} {found} lies in the future: a report covers what happened")
    return found


def report_days(start: str | None, end: str | None, *, today: date) -> tuple[date | None, date]:
    """`--from` (None: since the last evaluation) and `--to` (default today), checked."""
    last = _day(end, "--to", today=today) or today
    first = _day(start, "--from", today=today)
    if first is not None and first > last:
        raise ConfigError(f"--from {first} lies after --to {last}")
    if first is not None and (last - first).days > MAX_REPORT_DAYS:
        raise ConfigError(f"a report covers {MAX_REPORT_DAYS} days at most")
    return first, last


async def pupil_report(settings: Settings, args: argparse.Namespace, *, now: datetime) -> str:
    """The OPP report of the pupil `--pupil` names, as text to print."""
    lang: Lang = args.lang
    today = local_date(now)
    first, last = report_days(args.start, args.end, today=today)
    async with _one_person(settings, args.pupil, args.team) as (session, pupil, team_id):
        team = await session.get(Team, team_id)
        if pupil.role != Role.PUPIL or team is None:
            raise ConfigError(f"--pupil: person {pupil.id} is no pupil of team {team_id}")
        pack = await build_pack(
            session, team, pupil, given=first, end=last, lang=lang, with_notes=True
        )
        await audit.record(
            session=session,
            action="opp.report",
            now=now,
            team_id=team_id,
            subject_id=pupil.id,
            details={
                "by": "operator",
                "format": args.format,
                "from": pack.start.isoformat(),
                "to": pack.end.isoformat(),
                "notes": True,
            },
        )
    if args.format == "csv":
        return opp_report_csv(pack)
    return opp_report_markdown(pack, lang, made=format_date(today, lang, with_year=True))
