"""`digest [dag|week] [datum] [pagina]`: a coordinator's digest on demand, page by page."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import time, timedelta

from cards.catalogue import Words, t
from cards.digest_pages import daily_digest_pages, weekly_digest_pages
from cards.pages import page_number
from dialogs.digest_figures import daily_figures, weekly_figures
from dialogs.inbound import Reply, card, text
from dialogs.router import COORDINATOR, PRIVATE, Turn, router
from dialogs.teamcal import calendar_for
from dialogs.teams_menu import TeamsMenu
from domain.clock import at_local, local_date
from domain.paging import parse_digest_args
from storage import audit, signals


@router.command(
    "digest",
    "overzichten",
    roles=COORDINATOR,
    where=PRIVATE,
    order=100,
    help=Words(
        nl=(
            "**digest** [dag|week] [datum] [pagina] — de "
            "cijfers van vandaag of deze week, met signalen"
        ),
        en="**digest** [day|week] [date] [page] — today's or this week's figures, with signals",
    ),
    usage=Words(
        nl=(
            "Gebruik: **digest** (vandaag), **digest week**, **digest "
            "dag 23-11** of **digest week 2** (de tweede pagina)."
        ),
        en=(
            "Usage: **digest** (today), **digest week**, **digest "
            "day 23-11** or **digest week 2** (the second page)."
        ),
    ),
    teams=TeamsMenu(
        title="digest",
        order=100,
        personal=Words(
            nl="Dag- of weekoverzicht met signalen (coördinatoren)",
            en="Daily or weekly digest with signals (coordinators)",
        ),
    ),
)
async def digest_command(turn: Turn) -> Sequence[Reply]:
    """`digest [dag|week] [datum] [pagina]`: the figures so far, on demand, page by page."""
    assert turn.team is not None
    today = local_date(turn.now)
    asked = parse_digest_args(turn.args, today=today)
    if asked is None:
        return [text(turn.usage())]
    if asked.day is not None and asked.day > today:
        return [text(t("digest.future", turn.lang))]
    calendar = await calendar_for(turn.session, turn.team)
    day = asked.day or today
    day = day if calendar.is_school_day(day) else calendar.previous_school_day(day)
    shown: set[int] = set()
    if asked.week:
        weekly = await weekly_figures(
            turn.session, turn.team, day, calendar, turn.lang, shown=shown
        )
        pages = weekly_digest_pages(lang=turn.lang, figures=weekly, day=day, team_ref=turn.team_id)
    else:
        start = at_local(day, time(0, 0))
        new = await signals.detected_on(
            session=turn.session, team_id=turn.team_id, start=start, end=start + timedelta(days=1)
        )
        daily = await daily_figures(turn.session, turn.team, day, new, turn.lang, shown=shown)
        pages = daily_digest_pages(lang=turn.lang, figures=daily, team_ref=turn.team_id)
    await audit.record_each(
        session=turn.session,
        action="digest.viewed",
        now=turn.now,
        team_id=turn.team_id,
        actor_id=turn.actor_id,
        subject_ids=sorted(shown),
        details={"kind": "week" if asked.week else "day"},
    )
    replies = [card(pages[page_number(asked.page, len(pages)) - 1])]
    if asked.page > len(pages):
        replies.insert(0, text(t("pages.beyond", turn.lang, pages=len(pages))))
    return replies
