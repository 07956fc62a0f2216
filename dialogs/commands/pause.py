"""`pauze` and `hervat`: a pupil who is ill or in hospital gets no prompts for a while."""

from __future__ import annotations

import re
from collections.abc import Sequence

from cards.catalogue import t
from dialogs.inbound import Reply, text
from dialogs.names import NotFound, resolve_pupil
from dialogs.router import PRIVATE, STAFF, Turn, router
from domain.clock import local_date
from domain.grammar import format_date, parse_date

UNTIL = re.compile(r"\s+(?:tot(?:\s+en\s+met)?|t/m|tm|until|till|to)\s+", re.IGNORECASE)
MAX_PAUSE_DAYS = 366


@router.command("pauze", "pause", roles=STAFF, where=PRIVATE)
async def pause(turn: Turn) -> Sequence[Reply]:
    """`pauze <leerling> tot <datum>`: no prompts or reminders up to and including that date."""
    parts = UNTIL.split(turn.args, maxsplit=1)
    if len(parts) != 2 or not parts[0].strip():
        return [text(t("usage.pauze", turn.lang))]
    name, when = parts[0].strip(), parts[1].strip()
    today = local_date(turn.now)
    until = parse_date(when, today=today, prefer="future")
    if until is None:
        return [
            text(
                t("pauze.bad_date", turn.lang, value=when[:30])
                + "\n\n"
                + t("usage.pauze", turn.lang)
            )
        ]
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


@router.command("hervat", "resume", roles=STAFF, where=PRIVATE)
async def resume(turn: Turn) -> Sequence[Reply]:
    """`hervat <leerling>`: prompts again from the next school day (today's still come if due)."""
    if not turn.args.strip():
        return [text(t("usage.hervat", turn.lang))]
    pupil = await resolve_pupil(turn, turn.args, rerun="hervat {name}")
    if isinstance(pupil, NotFound):
        return [pupil.reply]
    if pupil.paused_until is None or pupil.paused_until < local_date(turn.now):
        return [text(t("hervat.not_paused", turn.lang, name=pupil.name))]
    pupil.paused_until = None
    turn.session.add(pupil)
    await turn.audit("pupil.resumed", subject_id=pupil.id)
    return [text(t("hervat.done", turn.lang, name=pupil.name))]
