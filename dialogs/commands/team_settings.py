"""`instellingen`: a coordinator reads and changes the team's rhythm, calendar and channels."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from cards.answers import CardAnswer
from cards.catalogue import Lang, Words, t
from cards.settings import SettingsView, settings_card
from dialogs.bands import band_name, team_band
from dialogs.inbound import Reply, card, text
from dialogs.recipients import channel_refusal
from dialogs.router import COORDINATOR, PRIVATE, Turn, router
from dialogs.settings_validation import Changes, channel_choices, validate
from dialogs.teams_menu import TeamsMenu
from domain.clock import local_date
from domain.grammar import format_time
from domain.text import fold, suggest
from domain.words import REGION_NAMES
from storage import teams
from storage.models import Team

# Words a coordinator may type after `instellingen` for each card field.
TEXT_KEYS = {
    "start": "start",
    "dagstart": "start",
    "afsluiting": "close",
    "dagafsluiting": "close",
    "close": "close",
    "herinnering": "reminder",
    "reminder": "reminder",
    "mentorlijst": "mentor_list",
    "mentorlist": "mentor_list",
    "regio": "region",
    "region": "region",
    "link": "meeting_link",
    "meetinglink": "meeting_link",
    "vergaderlink": "meeting_link",
    "vrij": "free_days",
    "vrijedagen": "free_days",
    "studiedagen": "free_days",
    "freedays": "free_days",
    "bevrijdingsdag": "liberation_day",
    "liberationday": "liberation_day",
    "goedevrijdag": "good_friday_off",
    "goodfriday": "good_friday_off",
    "opp": "opp_cycle_weeks",
    "oppcyclus": "opp_cycle_weeks",
    "oppcycle": "opp_cycle_weeks",
    "gedragswetenschapper": "behavioural_scientist",
    "behaviouralscientist": "behavioural_scientist",
    "drempelcheckin": "signal_missing_days",
    "drempelstemming": "signal_mood_drop",
    "drempellaag": "signal_low_streak",
    "drempelcontact": "signal_contact_days",
    "drempelplanning": "signal_plan_days",
    "thresholdcheckin": "signal_missing_days",
    "thresholdmood": "signal_mood_drop",
    "thresholdlow": "signal_low_streak",
    "thresholdcontact": "signal_contact_days",
    "thresholdplan": "signal_plan_days",
    "voortgangsgesprek": "progress_talk_weeks",
    "voortgang": "progress_talk_weeks",
    "progress": "progress_talk_weeks",
    "progresstalk": "progress_talk_weeks",
    "oppakken": "contact_pickup_hours",
    "oppaktijd": "contact_pickup_hours",
    "pickup": "contact_pickup_hours",
    "leeftijd": "age_band",
    "leeftijdsgroep": "age_band",
    "age": "age_band",
    "ageband": "age_band",
    "klaskanaal": "class_channel",
    "classchannel": "class_channel",
    "coordinatiekanaal": "coordinator_channel",
    "coordinatorchannel": "coordinator_channel",
}


def view_of(team: Team, free_days: Sequence[date]) -> SettingsView:
    """The settings as the card shows them."""
    return SettingsView(
        start=team.start_time,
        close=team.close_time,
        reminder=team.reminder_time,
        mentor_list=team.mentor_list_time,
        region=team.region,
        class_channel_id=team.class_channel_id or team.general_channel_id,
        coordinator_channel_id=team.coordinator_channel_id,
        meeting_link=team.meeting_link,
        free_days=list(free_days),
        liberation_day=team.liberation_day,
        good_friday_off=team.good_friday_off,
        opp_cycle_weeks=team.opp_cycle_weeks,
        behavioural_scientist=team.behavioural_scientist,
        contact_pickup_hours=team.contact_pickup_hours,
        progress_talk_weeks=team.progress_talk_weeks,
        age_band=team.age_band,
    )


def every_weeks(weeks: int, lang: Lang) -> str:
    """ "elke week", "elke 2 weken"."""
    if weeks == 1:
        return t("progress.every.one", lang)
    return t("progress.every.many", lang, weeks=weeks)


async def _apply(turn: Turn, changes: Changes) -> list[str]:
    assert turn.team is not None
    diff = teams.apply_settings(turn.team, changes.columns)
    turn.session.add(turn.team)
    changed = sorted(diff)
    if changes.free_days is not None:
        before = await teams.free_days(session=turn.session, team_id=turn.team_id)
        if before != changes.free_days:
            await teams.replace_free_days(
                session=turn.session, team_id=turn.team_id, days=changes.free_days
            )
            changed.append("free_days")
    if changed:
        await turn.audit("settings.changed", details={"fields": changed})
    return changed


async def _settings_card(turn: Turn) -> Reply:
    assert turn.team is not None
    free = await teams.free_days(session=turn.session, team_id=turn.team_id)
    return card(
        settings_card(
            lang=turn.lang,
            values=view_of(turn.team, free),
            channels=channel_choices(turn.team, turn.lang),
            team_ref=turn.team_id,
        )
    )


async def summary(turn: Turn) -> str:
    """The current settings in a few lines."""
    assert turn.team is not None
    team = turn.team
    free = await teams.free_days(session=turn.session, team_id=turn.team_id)
    names = dict(channel_choices(team, turn.lang))
    return t(
        "settings.summary",
        turn.lang,
        start=format_time(team.start_time),
        reminder=format_time(team.reminder_time),
        mentor_list=format_time(team.mentor_list_time),
        close=format_time(team.close_time),
        region=REGION_NAMES[turn.lang].get(team.region, team.region),
        channel=names.get(team.class_channel_id or team.general_channel_id, "?"),
        coordinator_channel=names.get(team.coordinator_channel_id or "", "—"),
        link=team.meeting_link or "—",
        free_days=", ".join(d.strftime("%d-%m-%Y") for d in free) or "—",
        opp=team.opp_cycle_weeks,
        scientist=team.behavioural_scientist or "—",
        missing=team.signal_missing_days,
        drop=f"{team.signal_mood_drop:g}",
        low=team.signal_low_streak,
        contact=team.signal_contact_days,
        plan=team.signal_plan_days,
        pickup=team.contact_pickup_hours,
        talks=every_weeks(team.progress_talk_weeks, turn.lang),
        band=band_name(team_band(team), turn.lang),
    )


@router.command(
    "instellingen",
    "settings",
    roles=COORDINATOR,
    where=PRIVATE,
    order=180,
    help=Words(
        nl=(
            "**instellingen** — tijden, regio, kanalen, "
            "vergaderlink, vrije dagen en leeftijdsgroep van het team"
        ),
        en=(
            "**settings** — the team's times, region, "
            "channels, meeting link, free days and age band"
        ),
    ),
    usage=Words(
        nl=(
            "Typ **instellingen** voor de kaart, of één regel: `instellingen start 09:00`, "
            "`instellingen afsluiting 14:45`, `instellingen herinnering 10:00`, "
            "`instellingen mentorlijst 10:30`, `instellingen regio zuid`, "
            "`instellingen link https://…`, `instellingen vrij 12-03-2027`, "
            "`instellingen oppakken 2`, `instellingen voortgangsgesprek elke 1 week`, "
            "`instellingen leeftijd jong` (of midden, oud), "
            "`instellingen klaskanaal` (in het kanaal zelf)."
        ),
        en=(
            "Type **settings** for the card, or one line: `settings start 09:00`, "
            "`settings close 14:45`, `settings reminder 10:00`, `settings mentorlist 10:30`, "
            "`settings region south`, `settings link https://…`, `settings freedays 12-03-2027`, "
            "`settings pickup 2`, `settings progress every 1 week`, "
            "`settings age young` (or middle, older), "
            "`settings classchannel` (in the channel itself)."
        ),
    ),
    teams=TeamsMenu(
        title="settings",
        order=110,
        personal=Words(
            nl="Tijden, regio, kanalen en drempels van het team (coördinatoren)",
            en="The team's times, region, channels and thresholds (coordinators)",
        ),
        shared=Words(
            nl=(
                "'instellingen klaskanaal' kiest dit kanaal "
                "voor de dagstart (het antwoord komt privé)"
            ),
            en=(
                "'settings classchannel' picks this channel "
                "for the day start (the answer comes privately)"
            ),
        ),
    ),
)
async def settings_command(turn: Turn) -> Sequence[Reply]:
    """`instellingen` shows the card; `instellingen <veld> <waarde>` changes one setting."""
    if not turn.args:
        return [text(await summary(turn)), await _settings_card(turn)]
    word, _, value = turn.args.partition(" ")
    key = TEXT_KEYS.get(fold(word).replace("-", "").replace("_", ""))
    if key is None:
        guess = suggest(word, list(TEXT_KEYS))
        reply = t("settings.unknown_field", turn.lang, field=word[:30])
        if guess:
            reply += " " + t("command.bad_value", turn.lang, value=word[:30], guess=guess)
        return [text(reply + "\n\n" + turn.usage())]
    value = value.strip()
    if key in ("class_channel", "coordinator_channel") and not value:
        if turn.inbound.conversation_type != "channel" or not turn.inbound.channel_id:
            return [text(t("settings.channel_here", turn.lang))]
        value = turn.inbound.channel_id
    if key == "free_days" and fold(value) in ("geen", "none", "-"):
        value = ""
    elif key == "free_days":
        free = await teams.free_days(session=turn.session, team_id=turn.team_id)
        value = ", ".join([d.isoformat() for d in free] + [value])
    assert turn.team is not None
    changes = validate(turn.team, {key: value}, today=local_date(turn.now), lang=turn.lang)
    return await _finish(turn, changes)


async def _finish(turn: Turn, changes: Changes) -> Sequence[Reply]:
    channel = changes.columns.get("coordinator_channel_id")
    if channel:
        assert turn.team is not None
        refusal = await channel_refusal(turn.session, turn.team, channel)
        if refusal is not None:
            changes.problems.append(t(refusal, turn.lang))
    if changes.problems:
        return [
            text(
                t("settings.refused", turn.lang)
                + "\n"
                + "\n".join(f"- {p}" for p in changes.problems)
            )
        ]
    changed = await _apply(turn, changes)
    if not changed:
        return [text(t("settings.unchanged", turn.lang))]
    return [text(t("settings.saved", turn.lang) + "\n\n" + await summary(turn))]


@router.card_action("settings.submit", answer=CardAnswer, roles=COORDINATOR, where=PRIVATE)
async def settings_submit(turn: Turn) -> Sequence[Reply]:
    """The settings card was sent."""
    raw = {k: v for k, v in (turn.inbound.value or {}).items() if k not in ("verb", "team")}
    assert turn.team is not None
    changes = validate(turn.team, raw, today=local_date(turn.now), lang=turn.lang)
    return await _finish(turn, changes)
