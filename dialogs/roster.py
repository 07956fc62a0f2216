"""Install, uninstall and roster events: who is in which team, and where to reach them."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from datetime import datetime

from sqlmodel.ext.asyncio.session import AsyncSession

from cards.catalogue import Lang, t
from dialogs.inbound import Account, Inbound, Reply, text
from dialogs.names import first_name
from dialogs.outbox_rows import Destination, message_now
from dialogs.reachability import mark_unreachable
from domain.delivery import Prompt
from domain.roles import Role
from storage import audit, deliveries, people, teams
from storage.models import Team
from storage.people import MemberInfo

logger = logging.getLogger(__name__)


async def handle_event(
    session: AsyncSession, inbound: Inbound, *, now: datetime, lang: Lang
) -> tuple[Sequence[Reply], bool]:
    """Apply one install/roster event; returns (replies, whether the outbox changed)."""
    match inbound.kind:
        case "team_install":
            return await _team_installed(session, inbound, now=now, lang=lang), False
        case "team_uninstall":
            return await _team_uninstalled(session, inbound, now=now), True
        case "members_added":
            await _members_added(session, inbound, now=now)
            return [], False
        case "members_removed":
            return [], await _members_removed(session, inbound, now=now)
        case "team_changed":
            await _team_changed(session, inbound)
            return [], False
        case "personal_install":
            return await _personal_installed(session, inbound, now=now, lang=lang), False
        case "personal_uninstall":
            await _personal_uninstalled(session, inbound, now=now)
            return [], False
        case _:
            return [], False


def _info(account: Account) -> MemberInfo:
    return MemberInfo(
        teams_user_id=account.id,
        name=account.name,
        aad_object_id=account.aad_object_id,
        given_name=account.given_name,
    )


async def _store_team(
    session: AsyncSession, inbound: Inbound, *, now: datetime
) -> tuple[Team, bool]:
    assert inbound.team is not None
    team, created = await teams.upsert_team(
        session=session,
        teams_id=inbound.team.teams_id,
        tenant_id=inbound.tenant_id,
        name=inbound.team.name,
        aad_group_id=inbound.team.aad_group_id,
        service_url=inbound.service_url,
        bot_id=inbound.bot.id,
        bot_name=inbound.bot.name,
        installed_by=inbound.sender.id,
        now=now,
    )
    if inbound.channels:
        teams.set_channels(team, inbound.channels)
        team.general_channel_id = teams.general_channel(team.teams_id, inbound.channels)
    return team, created


async def _team_installed(
    session: AsyncSession, inbound: Inbound, *, now: datetime, lang: Lang
) -> Sequence[Reply]:
    if inbound.team is None:
        return []
    team, first_install = await _store_team(session, inbound, now=now)
    assert team.id is not None
    roster = {m.id: m for m in inbound.members if m.id != inbound.bot.id}
    roster.setdefault(inbound.sender.id, inbound.sender)
    for member in roster.values():
        await people.upsert_member(session=session, team_id=team.id, member=_info(member), now=now)
    coordinators = await people.team_members(
        session=session, team_id=team.id, role=Role.COORDINATOR
    )
    installer = await people.find_member(
        session=session, team_id=team.id, teams_user_id=inbound.sender.id
    )
    # Only the first install makes its installer coordinator: anyone can install an app again,
    # a pupil included, and must not get every pupil's data that way.
    if first_install and installer is not None:
        installer.role = Role.COORDINATOR
        session.add(installer)
        coordinators = [installer]
        await audit.record(
            session=session,
            action="role.first_coordinator",
            now=now,
            team_id=team.id,
            subject_id=installer.id,
        )
    await audit.record(
        session=session,
        action="team.installed",
        now=now,
        team_id=team.id,
        details={"members": len(roster)},
    )
    logger.info("team %s installed with %d members", team.id, len(roster))
    if not coordinators:
        logger.warning(
            "team %s has no coordinator; an operator can name one (dagritme role)", team.id
        )
    if team.greeted_at is not None:
        return []
    team.greeted_at = now
    session.add(team)
    names = ", ".join(c.name for c in coordinators) or "?"
    return [
        text(t("install.greeting", lang, coordinators=names, bot=inbound.bot.name or "Dagritme"))
    ]


async def _team_uninstalled(
    session: AsyncSession, inbound: Inbound, *, now: datetime
) -> Sequence[Reply]:
    if inbound.team is None:
        return []
    team = await teams.find_team(session=session, teams_id=inbound.team.teams_id)
    if team is None or team.removed_at is not None:
        return []
    team.removed_at = now
    session.add(team)
    await deliveries.cancel_pending(session=session, team_id=team.id, reason="team uninstalled")
    await audit.record(session=session, action="team.uninstalled", now=now, team_id=team.id)
    return []


async def _members_added(session: AsyncSession, inbound: Inbound, *, now: datetime) -> None:
    if inbound.team is None:
        return
    team = await teams.find_team(session=session, teams_id=inbound.team.teams_id)
    if team is None or team.removed_at is not None or team.id is None:
        return
    for member in inbound.members:
        if member.id == inbound.bot.id:
            continue
        await people.upsert_member(session=session, team_id=team.id, member=_info(member), now=now)
        await audit.record(session=session, action="member.added", now=now, team_id=team.id)


async def _members_removed(session: AsyncSession, inbound: Inbound, *, now: datetime) -> bool:
    if inbound.team is None:
        return False
    team = await teams.find_team(session=session, teams_id=inbound.team.teams_id)
    if team is None or team.id is None:
        return False
    for member in inbound.members:
        person = await people.mark_left(
            session=session, team_id=team.id, teams_user_id=member.id, now=now
        )
        if person is not None:
            await deliveries.cancel_pending(
                session=session, person_id=person.id, reason="member left the team"
            )
            await audit.record(
                session=session,
                action="member.removed",
                now=now,
                team_id=team.id,
                subject_id=person.id,
            )
            if person.role == Role.COORDINATOR:
                await _check_coordinators_left(session, team, now=now)
    return True


async def _check_coordinators_left(session: AsyncSession, team: Team, *, now: datetime) -> None:
    """When the last coordinator left: log it, and tell the mentors who can help."""
    assert team.id is not None
    if await people.team_members(session=session, team_id=team.id, role=Role.COORDINATOR):
        return
    logger.warning(
        "team %s has no coordinator left; an operator can name one (dagritme role)", team.id
    )
    await audit.record(session=session, action="team.no_coordinator", now=now, team_id=team.id)
    mentors = await people.team_members(session=session, team_id=team.id, role=Role.MENTOR)
    rows = [
        message_now(
            Prompt.NO_COORDINATOR,
            team_id=team.id,
            to=to,
            now=now,
            ref=f"team-{team.id}",
            text=t("roster.no_coordinator", to.lang, team=team.name),
        )
        for to in map(Destination.chat_of, mentors)
    ]
    await deliveries.enqueue(session=session, deliveries=rows, now=now)


async def _team_changed(session: AsyncSession, inbound: Inbound) -> None:
    if inbound.team is None:
        return
    team = await teams.find_team(session=session, teams_id=inbound.team.teams_id)
    if team is None:
        return
    if inbound.team.name:
        team.name = inbound.team.name
    if inbound.channels:
        teams.set_channels(team, inbound.channels)
    session.add(team)


async def _personal_installed(
    session: AsyncSession, inbound: Inbound, *, now: datetime, lang: Lang
) -> Sequence[Reply]:
    found = await people.memberships(session=session, teams_user_id=inbound.sender.id)
    if not found:
        return [text(t("install.personal_unknown", lang))]
    await remember_personal_chat(session, inbound, now=now)
    return [text(t("install.personal_welcome", lang, name=first_name(found[0][0])))]


async def remember_personal_chat(session: AsyncSession, inbound: Inbound, *, now: datetime) -> None:
    """Keep the sender's 1:1 chat, where the bot reaches them later (alerts, prompts, answers)."""
    await people.remember_personal_chat(
        session=session,
        teams_user_id=inbound.sender.id,
        tenant_id=inbound.tenant_id,
        service_url=inbound.service_url,
        conversation_id=inbound.conversation_id,
        now=now,
    )


async def _personal_uninstalled(session: AsyncSession, inbound: Inbound, *, now: datetime) -> None:
    await mark_unreachable(
        session,
        teams_user_id=inbound.sender.id,
        tenant_id=inbound.tenant_id,
        service_url=inbound.service_url,
        now=now,
    )
