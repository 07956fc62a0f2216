"""`pauze` and `hervat`: a pupil who is ill or in hospital gets no prompts for a while."""

from __future__ import annotations

import re
from collections.abc import Sequence

from cards.catalogue import Words, t
from dialogs.inbound import Reply, text
from dialogs.names import NotFound, resolve_pupil
from dialogs.router import PRIVATE, STAFF, Turn, router
from dialogs.teams_menu import TeamsMenu
from domain.clock import local_date
from domain.grammar import format_date, parse_date

UNTIL = re.compile(r"\s+(?:tot(?:\s+en\s+met)?|t/m|tm|until|till|to)\s+", re.IGNORECASE)
MAX_PAUSE_DAYS = 366


@router.command(
    "pauze",
    "pause",
    roles=STAFF,
    where=PRIVATE,
    order=120,
    help=Words(
        nl="**pauze** _leerling_ tot _datum_ — geen check-ins tijdens ziekte of opname",
        en="**pause** _pupil_ until _date_ — no check-ins during illness or a hospital stay",
    ),
    usage=Words(
        nl=(
            "Gebruik: **pauze** _leerling_ tot _datum_, bijvoorbeeld "
            "`pauze Sanne tot vrijdag` of `pauze Sanne tot 12-12`."
        ),
        en=(
            "Usage: **pause** _pupil_ until _date_, for example "
            "`pause Sanne until friday` or `pause Sanne until 12-12`."
        ),
    ),
    teams=TeamsMenu(
        title="pause",
        order=90,
        personal=Words(
            nl="Geen check-ins tijdens ziekte: pauze Sanne tot vrijdag",
            en="No check-ins during illness: pause Sanne until Friday",
        ),
    ),
)
async def pause(turn: Turn) -> Sequence[Reply]:
    """`pauze <leerling> tot <datum>`: no prompts or reminders up to and including that date."""
    parts = UNTIL.split(turn.args, maxsplit=1)
    if len(parts) != 2 or not parts[0].strip():
        return [text(turn.usage())]
    name, when = parts[0].strip(), parts[1].strip()
    today = local_date(turn.now)
    until = parse_date(when, today=today, prefer="future")
    if until is None:
        return [text(t("pauze.bad_date", turn.lang, value=when[:30]) + "\n\n" + turn.usage())]
    if until < today:
        return [text(t("pauze.past_date", turn.lang))]
    if (until - today).days > MAX_PAUSE_DAYS:
        return [text(t("pauze.too_long", turn.lang))]
    pupil = await resolve_pupil(turn, name, rerun=f"pauze {{name}} tot {when}")
    if isinstance(pupil, NotFound):
        return [pupil.reply]
    pupil.paused_until = until
    turn.session.add(pupil)
    await turn.audit("pupil.paused", subject_id=pupil.id, details={"until": until.isoformat()})
    return [text(t("pauze.done", turn.lang, name=pupil.name, until=format_date(until, turn.lang)))]


@router.command(
    "hervat",
    "resume",
    roles=STAFF,
    where=PRIVATE,
    order=130,
    help=Words(
        nl="**hervat** _leerling_ — check-ins weer aanzetten",
        en="**resume** _pupil_ — turn check-ins back on",
    ),
    usage=Words(
        nl="Gebruik: **hervat** _leerling_, bijvoorbeeld `hervat Sanne`.",
        en="Usage: **resume** _pupil_, for example `resume Sanne`.",
    ),
)
async def resume(turn: Turn) -> Sequence[Reply]:
    """`hervat <leerling>`: prompts again from the next school day (today's still come if due)."""
    if not turn.args.strip():
        return [text(turn.usage())]
    pupil = await resolve_pupil(turn, turn.args, rerun="hervat {name}")
    if isinstance(pupil, NotFound):
        return [pupil.reply]
    if pupil.paused_until is None or pupil.paused_until < local_date(turn.now):
        return [text(t("hervat.not_paused", turn.lang, name=pupil.name))]
    pupil.paused_until = None
    turn.session.add(pupil)
    await turn.audit("pupil.resumed", subject_id=pupil.id)
    return [text(t("hervat.done", turn.lang, name=pupil.name))]
