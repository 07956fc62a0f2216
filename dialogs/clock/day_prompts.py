"""The school day's own prompts: the class posts at the start and the close, each pupil's
check-in cards and reminder, and each mentor's morning list of pupils who need attention."""

from __future__ import annotations

from datetime import datetime
from typing import Literal

from sqlmodel.ext.asyncio.session import AsyncSession

from cards.catalogue import Lang, t
from cards.checkin import checkin_card, close_card
from cards.plain import url
from cards.pupils import pupils_card
from dialogs.attention import pupil_rows
from dialogs.bands import pupil_band
from dialogs.names import first_name
from dialogs.outbox_rows import Destination, message_at
from dialogs.teamcal import class_channel
from domain.calendar import SchoolCalendar
from domain.delivery import Prompt
from domain.due import DuePrompt, Moment
from domain.pause import paused_on
from domain.recipient import Recipient
from domain.roles import Role
from storage import checkins, deliveries, people
from storage.models import Person, Team


async def day_post(session: AsyncSession, team: Team, moment: DuePrompt, now: datetime) -> int:
    """The class post of the day start (with the meeting link, if any) or of the close."""
    assert team.id is not None
    lang: Lang = "nl"  # the class posts are for everyone: Dutch
    if moment.kind == Moment.DAY_START:
        prompt, body = Prompt.DAY_START_POST, t("rhythm.day_start", lang)
        if team.meeting_link:
            body += "\n\n" + t("rhythm.day_start_meeting", lang, link=url(team.meeting_link))
    else:
        prompt, body = Prompt.DAY_CLOSE_POST, t("rhythm.day_close", lang)
    to = Destination.channel(class_channel(team))
    row = message_at(prompt, moment, team_id=team.id, to=to, text=body)
    return await deliveries.enqueue(session=session, deliveries=[row], now=now)


async def _prompted_pupils(
    session: AsyncSession, team: Team, moment: DuePrompt, prompt: Prompt
) -> list[Person]:
    """Active, unpaused pupils who have no delivery of `prompt` yet today."""
    assert team.id is not None
    pupils = await people.team_members(session=session, team_id=team.id, role=Role.PUPIL)
    done = await deliveries.recipients_with(
        session=session, team_id=team.id, prompt=prompt, day=moment.day
    )
    return [
        p
        for p in pupils
        if p.id is not None
        and not paused_on(p.paused_until, moment.day)
        and Recipient.person(p.id) not in done
    ]


async def checkin_cards(
    session: AsyncSession,
    team: Team,
    moment: DuePrompt,
    now: datetime,
    *,
    kind: Literal["start", "close"],
) -> int:
    """The morning's check-in card, or the close card with the morning's goals, to each pupil
    who has neither had it nor answered it today."""
    assert team.id is not None
    prompt = Prompt.CHECKIN_START if kind == "start" else Prompt.CHECKIN_CLOSE
    answered = await checkins.checked_in(
        session=session, team_id=team.id, day=moment.day, kind=kind
    )
    goals: dict[int, list[str]] = {}  # the morning's, which the close card asks about
    if kind == "close":
        day_rows = await checkins.day_checkins(session=session, team_id=team.id, day=moment.day)
        goals = {c.pupil_id: list(c.goals) for c in day_rows if c.kind == "start"}
    rows = []
    for p in await _prompted_pupils(session, team, moment, prompt):
        if p.id in answered:
            continue
        to = Destination.chat_of(p)
        name, band = first_name(p), pupil_band(p, team)
        if kind == "start":
            card = checkin_card(
                lang=to.lang, first_name=name, day=moment.day, team_ref=team.id, band=band
            )
        else:
            card = close_card(
                lang=to.lang,
                first_name=name,
                day=moment.day,
                team_ref=team.id,
                goals=goals.get(p.id or 0, []),
                band=band,
            )
        rows.append(message_at(prompt, moment, team_id=team.id, to=to, card=card))
    return await deliveries.enqueue(session=session, deliveries=rows, now=now)


async def reminders(session: AsyncSession, team: Team, moment: DuePrompt, now: datetime) -> int:
    """A reminder to each pupil who got the morning card today and has not answered it."""
    assert team.id is not None
    answered = await checkins.checked_in(
        session=session, team_id=team.id, day=moment.day, kind="start"
    )
    prompted = await deliveries.recipients_with(
        session=session, team_id=team.id, prompt=Prompt.CHECKIN_START, day=moment.day
    )
    rows = []
    for p in await _prompted_pupils(session, team, moment, Prompt.REMINDER):
        to = Destination.chat_of(p)
        if p.id in answered or to.recipient not in prompted:
            continue
        text = t("rhythm.reminder", to.lang, first_name=first_name(p))
        rows.append(message_at(Prompt.REMINDER, moment, team_id=team.id, to=to, text=text))
    return await deliveries.enqueue(session=session, deliveries=rows, now=now)


async def mentor_lists(
    session: AsyncSession, team: Team, moment: DuePrompt, calendar: SchoolCalendar, now: datetime
) -> int:
    """Each mentor's pupils, those who need attention first, when any of them does."""
    assert team.id is not None
    done = await deliveries.recipients_with(
        session=session, team_id=team.id, prompt=Prompt.MENTOR_LIST, day=moment.day
    )
    rows = []
    for mentor in await people.team_members(session=session, team_id=team.id, role=Role.MENTOR):
        assert mentor.id is not None
        to = Destination.chat_of(mentor)
        if to.recipient in done:
            continue
        pupils = [
            p
            for p in await people.pupils_of(session=session, mentor_id=mentor.id)
            if p.role == Role.PUPIL
        ]
        listed = await pupil_rows(
            session, team, pupils, now=now, lang=to.lang, calendar=calendar, with_mentor=False
        )
        needing = sum(1 for row in listed if row.attention is not None)
        if not needing:
            continue
        card = pupils_card(
            lang=to.lang,
            day=moment.day,
            rows=listed,
            title=t("pupils.title.morning", to.lang),
            team_ref=team.id,
            subtitle=t("pupils.attention", to.lang, count=needing, total=len(listed)),
        )
        rows.append(message_at(Prompt.MENTOR_LIST, moment, team_id=team.id, to=to, card=card))
    return await deliveries.enqueue(session=session, deliveries=rows, now=now)
