"""`leerlingen` (the pupils at a glance) and `leerling` (one pupil over time)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from datetime import date, timedelta

from cards.catalogue import Lang, Words, t
from cards.pages import split_rows
from cards.pupil_page import PupilPage, pupil_page_card
from cards.pupils import (
    ONLY_ATTENTION,
    OPEN_PUPIL,
    PAGE_SIZE,
    PupilChoice,
    PupilRow,
    pupils_card,
)
from dialogs.attention import pupil_rows
from dialogs.clock.progress import latest_talk
from dialogs.commands.contact_list import contact_rows
from dialogs.commands.trajectory import phase_for_page
from dialogs.inbound import Reply, card, text
from dialogs.names import NotFound, resolve_pupil, visible_pupils
from dialogs.router import PRIVATE, STAFF, Turn, router
from dialogs.teamcal import calendar_for
from dialogs.teams_menu import TeamsMenu
from domain.clock import local_date
from domain.paging import is_attention_filter, split_page
from domain.pause import paused_on
from domain.roles import Role
from storage import audit, checkins, people
from storage.models import Person

HISTORY_DAYS = 20  # school days in the mood chart and check-in rate
PLAN_DAYS = 14  # calendar days for plan versus done
RECENT_CONTACTS = 5
MAX_NOTES = 10  # the pupil's latest notes on their page


@router.command(
    "leerlingen",
    "pupils",
    "overzicht",
    roles=STAFF,
    where=PRIVATE,
    order=40,
    help=Words(
        nl="**leerlingen** [alleen aandacht] [pagina] — je leerlingen van vandaag in één overzicht",
        en="**pupils** [attention only] [page] — your pupils today at a glance",
    ),
    usage=Words(
        nl=(
            "Gebruik: **leerlingen** (alle leerlingen van vandaag), **leerlingen 2** (de tweede "
            "pagina) of **leerlingen alleen aandacht** (alleen wie nu aandacht nodig heeft)."
        ),
        en=(
            "Usage: **pupils** (all pupils today), **pupils 2** (the second page) "
            "or **pupils attention only** (only those who need attention now)."
        ),
    ),
    teams=TeamsMenu(
        title="pupils",
        order=40,
        personal=Words(
            nl="Je leerlingen van vandaag in één overzicht",
            en="Your pupils today at a glance",
        ),
    ),
)
async def pupils_overview(turn: Turn) -> Sequence[Reply]:
    """Every visible pupil today, those who need attention first, each with a way to act; in
    pages (`leerlingen 2`), or only those who need attention (`leerlingen alleen aandacht`)."""
    assert turn.team is not None
    asked = split_page(turn.args)
    if asked is None or (asked[0] and not is_attention_filter(asked[0])):
        return [text(turn.usage())]
    words, page = asked
    only_attention = bool(words)
    pupils = await visible_pupils(turn)
    rows = await pupil_rows(
        turn.session,
        turn.team,
        pupils,
        now=turn.now,
        lang=turn.lang,
        calendar=await calendar_for(turn.session, turn.team),
        with_mentor=turn.role == Role.COORDINATOR,
    )
    listed = [row for row in rows if row.attention is not None] if only_attention else rows
    pages = len(split_rows(listed, PAGE_SIZE))
    await audit.record_each(
        session=turn.session,
        action="pupils.viewed",
        now=turn.now,
        team_id=turn.team_id,
        actor_id=turn.actor_id,
        subject_ids=[p.id for p in pupils if p.id is not None],
    )
    shown = pupils_card(
        lang=turn.lang,
        day=local_date(turn.now),
        rows=listed,
        title=_title(turn),
        team_ref=turn.team_id,
        subtitle=_subtitle(turn.lang, rows, only_attention=only_attention),
        page=page,
        command=ONLY_ATTENTION if only_attention else "leerlingen",
    )
    replies = [card(shown)]
    if page > pages:
        replies.insert(0, text(t("pages.beyond", turn.lang, pages=pages)))
    return replies


def _title(turn: Turn) -> str:
    """Whose pupils these are: the team's for a coordinator, one's own for a mentor."""
    assert turn.team is not None
    if turn.role == Role.COORDINATOR:
        return t("pupils.title.coordinator", turn.lang, team=turn.team.name)
    return t("pupils.title.mentor", turn.lang)


def _subtitle(lang: Lang, rows: Sequence[PupilRow], *, only_attention: bool) -> str | None:
    """How many need attention; in the list of only those, also that none do."""
    needing = sum(1 for row in rows if row.attention is not None)
    if only_attention and not needing:
        return t("pupils.attention_none", lang)
    key = "pupils.attention_only" if only_attention else "pupils.attention"
    return t(key, lang, count=needing, total=len(rows)) if needing else None


@router.command(
    "leerling",
    "pupil",
    roles=STAFF,
    where=PRIVATE,
    order=50,
    help=Words(
        nl="**leerling** _naam_ — stemming, check-ins, planning en contacten van één leerling",
        en="**pupil** _name_ — one pupil's mood, check-ins, plans and contacts",
    ),
    usage=Words(
        nl="Gebruik: **leerling** _naam_, bijvoorbeeld `leerling Sanne`.",
        en="Usage: **pupil** _name_, for example `pupil Sanne`.",
    ),
    teams=TeamsMenu(
        title="pupil",
        order=50,
        personal=Words(
            nl="Stemming, check-ins, planning en contacten van één leerling",
            en="Mood, check-ins, plans and contacts of one pupil",
        ),
    ),
)
async def pupil_page(turn: Turn) -> Sequence[Reply]:
    """`leerling <naam>`: one pupil's mood over time, check-in rate, plans and contacts."""
    assert turn.team is not None
    if not turn.args:
        return [text(turn.usage())]
    pupil = await resolve_pupil(turn, turn.args, rerun="leerling {name}")
    if isinstance(pupil, NotFound):
        return [pupil.reply]
    return [await _page(turn, pupil)]


@router.card_action(
    OPEN_PUPIL, answer=PupilChoice, invalid="contact.pupil_unknown", roles=STAFF, where=PRIVATE
)
async def open_pupil(turn: Turn) -> Sequence[Reply]:
    """*Bekijk* under the pupil picker of a long list: the chosen pupil's page."""
    wanted = PupilChoice.of(turn.answer).pupil
    pupil = next((p for p in await visible_pupils(turn) if p.id == wanted), None)
    if pupil is None:
        return [text(t("contact.pupil_unknown", turn.lang))]
    return [await _page(turn, pupil)]


async def _page(turn: Turn, pupil: Person) -> Reply:
    """One pupil's page; the read is audited."""
    assert turn.team is not None and pupil.id is not None
    today = local_date(turn.now)
    calendar = await calendar_for(turn.session, turn.team)
    days: list[date] = []
    cursor = today if calendar.is_school_day(today) else calendar.previous_school_day(today)
    while len(days) < HISTORY_DAYS:
        days.append(cursor)
        cursor = calendar.previous_school_day(cursor)
    days.reverse()
    start = min(days[0], today - timedelta(days=PLAN_DAYS))
    history = await checkins.pupil_checkins(
        session=turn.session, pupil_id=pupil.id, start=start, end=today
    )
    moods = {c.day: c.mood for c in history if c.kind == "start"}
    counted = [d for d in days if not paused_on(pupil.paused_until, d) or d in moods]
    goal_counts: Counter[str] = Counter()
    for check in history:
        if check.kind == "close" and check.day > today - timedelta(days=PLAN_DAYS):
            goal_counts.update(status or "open" for status in check.goal_status)
    notes = [
        (check.day, check.note)
        for check in reversed(history)
        if check.kind == "close" and check.note and check.day >= days[0]
    ][:MAX_NOTES]
    feelings = Counter(c.feeling for c in history if c.feeling and c.day >= days[0])
    mentor = await people.mentor_of(session=turn.session, pupil_id=pupil.id)
    page = PupilPage(
        name=pupil.name,
        mentor=mentor.name if mentor else None,
        paused_until=pupil.paused_until if paused_on(pupil.paused_until, today) else None,
        moods=[(d, moods.get(d)) for d in days],
        school_days=len(counted),
        checked_in=sum(1 for d in counted if d in moods),
        goal_counts=dict(goal_counts),
        contacts=await contact_rows(turn, pupil.id, RECENT_CONTACTS),
        notes=notes,
        feelings=sorted(feelings.items(), key=lambda item: (-item[1], item[0])),
        phase=await phase_for_page(turn, pupil),
        talk=await latest_talk(turn.session, pupil.id),
    )
    await turn.audit("pupil.viewed", subject_id=pupil.id)
    return card(pupil_page_card(lang=turn.lang, page=page))
