"""`instellingen`: a coordinator reads and changes the team's rhythm, calendar and channels."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from cards.catalogue import Lang, t
from cards.settings import SettingsView, settings_card
from dialogs.bands import band_name, team_band
from dialogs.inbound import Reply, card, text
from dialogs.recipients import channel_refusal
from dialogs.router import COORDINATOR, PRIVATE, Turn, router
from domain.age import band_of
from domain.alerts import PICKUP_HOURS
from domain.clock import local_date
from domain.grammar import format_time, parse_date, parse_time
from domain.numbers import ascii_decimal, ascii_int
from domain.progress import parse_talk_weeks
from domain.rhythm import DayTimes
from domain.text import fold, printable, suggest
from domain.words import REGION_NAMES, liberation_of, region_of, yes_no_of
from storage import teams
from storage.models import Team

MAX_FREE_DAYS = 60
URL = re.compile(r"^https://[^\s<>\"'\x00-\x1f\x7f]{3,1000}$")
TIME_FIELDS = {
    "start": "start_time",
    "close": "close_time",
    "reminder": "reminder_time",
    "mentor_list": "mentor_list_time",
}
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
THRESHOLDS: dict[str, tuple[float, float]] = {
    "signal_missing_days": (1, 20),
    "signal_mood_drop": (0.5, 4),
    "signal_low_streak": (2, 10),
    "signal_contact_days": (1, 60),
    "signal_plan_days": (1, 5),
}


@dataclass
class Changes:
    """Validated changes to a team, or the reasons they were refused."""

    columns: dict[str, Any] = field(default_factory=dict)
    free_days: list[date] | None = None
    problems: list[str] = field(default_factory=list)


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


def channel_choices(team: Team, lang: Lang) -> list[tuple[str, str]]:
    """(id, name) of the team's channels; General has no name in Teams, so we give it one."""
    known = [(c["id"], c.get("name") or t("settings.general", lang)) for c in team.channels or []]
    if not any(cid == team.general_channel_id for cid, _ in known):
        known.insert(0, (team.general_channel_id, t("settings.general", lang)))
    return known


def validate(team: Team, raw: dict[str, Any], *, today: date, lang: Lang) -> Changes:
    """Check every submitted field; nothing is applied unless all of them are valid."""
    changes = Changes()
    for key, column in TIME_FIELDS.items():
        if key in raw:
            wall = parse_time(raw[key]) if isinstance(raw[key], str) else None
            if wall is None:
                changes.problems.append(
                    t("settings.bad_time", lang, field=t(f"settings.field.{key}", lang))
                )
            else:
                changes.columns[column] = wall
    if "region" in raw:
        region = region_of(str(raw["region"]))
        if region is not None:
            changes.columns["region"] = region
        else:
            changes.problems.append(t("settings.bad_region", lang))
    if "liberation_day" in raw:
        value = liberation_of(str(raw["liberation_day"]))
        if value is not None:
            changes.columns["liberation_day"] = value
        else:
            changes.problems.append(t("settings.bad_liberation_day", lang))
    if "good_friday_off" in raw:
        flag = yes_no_of(str(raw["good_friday_off"]))
        if flag is not None:
            changes.columns["good_friday_off"] = flag
        else:
            changes.problems.append(t("settings.bad_yes_no", lang))
    channels = {cid for cid, _ in channel_choices(team, lang)}
    for key, column in (
        ("class_channel", "class_channel_id"),
        ("coordinator_channel", "coordinator_channel_id"),
    ):
        if key in raw:
            value = raw[key]
            if value in (None, "") and key == "coordinator_channel":
                changes.columns[column] = None
            elif isinstance(value, str) and value in channels:
                changes.columns[column] = value
            else:
                changes.problems.append(t("settings.bad_channel", lang))
    if "meeting_link" in raw:
        link = raw["meeting_link"]
        if link in (None, "", "-", "geen", "none"):
            changes.columns["meeting_link"] = None
        elif isinstance(link, str) and URL.match(link.strip()):
            changes.columns["meeting_link"] = link.strip()
        else:
            changes.problems.append(t("settings.bad_link", lang))
    if "opp_cycle_weeks" in raw:
        weeks = " ".join(str(raw["opp_cycle_weeks"]).casefold().split())  # no fold: "²" is no 2
        weeks = weeks.removeprefix("elke ").removeprefix("every ")
        weeks = weeks.removesuffix(" weken").removesuffix(" weeks")
        cycle = ascii_int(weeks, low=1, high=52)
        if cycle is not None:
            changes.columns["opp_cycle_weeks"] = cycle
        else:
            changes.problems.append(t("settings.bad_cycle", lang))
    if "behavioural_scientist" in raw:
        name = raw["behavioural_scientist"]
        if not isinstance(name, str) or len(name) > 200:
            changes.problems.append(t("settings.bad_name", lang))
        else:
            name = " ".join(printable(name).split())
            changes.columns["behavioural_scientist"] = (
                None if fold(name) in ("", "geen", "none", "-") else name
            )
    if "contact_pickup_hours" in raw:
        fewest, most = PICKUP_HOURS
        number = str(raw["contact_pickup_hours"]).strip()
        for unit in ("uur", "u", "hours", "hour", "h"):
            number = number.removesuffix(unit)
        hours = ascii_int(number.strip(), low=fewest, high=most)
        if hours is None:
            changes.problems.append(t("settings.bad_pickup", lang, low=fewest, high=most))
        else:
            changes.columns["contact_pickup_hours"] = hours
    if "progress_talk_weeks" in raw:
        _talk_weeks(raw["progress_talk_weeks"], lang=lang, changes=changes)
    if "age_band" in raw:
        band_setting(raw["age_band"], lang=lang, changes=changes)
    for key, (low, high) in THRESHOLDS.items():
        if key in raw:
            number = str(raw[key])
            limit: float | None
            if key == "signal_mood_drop":
                limit = ascii_decimal(number, low=low, high=high)
            else:
                limit = ascii_int(number, low=int(low), high=int(high))
            if limit is None:
                changes.problems.append(t("settings.bad_threshold", lang, low=low, high=high))
            else:
                changes.columns[key] = limit
    if "free_days" in raw:
        _free_days(raw["free_days"], today=today, lang=lang, changes=changes)
    times = DayTimes(
        start=changes.columns.get("start_time", team.start_time),
        reminder=changes.columns.get("reminder_time", team.reminder_time),
        mentor_list=changes.columns.get("mentor_list_time", team.mentor_list_time),
        close=changes.columns.get("close_time", team.close_time),
    )
    for problem in times.problems():
        changes.problems.append(t(f"settings.order.{problem}", lang))
    return changes


def band_setting(raw: Any, *, lang: Lang, changes: Changes) -> None:
    """The team's default age band, typed in either language or chosen on the card."""
    band = band_of(raw) if isinstance(raw, str) else None
    if band is None:
        changes.problems.append(t("settings.bad_age_band", lang))
    else:
        changes.columns["age_band"] = band.value


def _talk_weeks(raw: Any, *, lang: Lang, changes: Changes) -> None:
    weeks = parse_talk_weeks(str(raw))
    if weeks is None:
        changes.problems.append(t("settings.bad_talk_weeks", lang))
    else:
        changes.columns["progress_talk_weeks"] = weeks


def every_weeks(weeks: int, lang: Lang) -> str:
    """ "elke week", "elke 2 weken"."""
    if weeks == 1:
        return t("progress.every.one", lang)
    return t("progress.every.many", lang, weeks=weeks)


def _free_days(raw: Any, *, today: date, lang: Lang, changes: Changes) -> None:
    if raw is None:
        raw = ""
    if not isinstance(raw, str):
        changes.problems.append(t("settings.bad_free_days", lang, value="?"))
        return
    days: list[date] = []
    for part in re.split(r"[,;\n]+", raw):
        part = part.strip()
        if not part:
            continue
        day = parse_date(part, today=today, prefer="future")
        if day is None:
            changes.problems.append(t("settings.bad_free_days", lang, value=part[:20]))
            return
        days.append(day)
    if len(set(days)) > MAX_FREE_DAYS:
        changes.problems.append(t("settings.too_many_free_days", lang, max=MAX_FREE_DAYS))
        return
    changes.free_days = sorted(set(days))


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


@router.command("instellingen", "settings", roles=COORDINATOR, where=PRIVATE)
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
        return [text(reply + "\n\n" + t("usage.instellingen", turn.lang))]
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


@router.card_action("settings.submit", roles=COORDINATOR, where=PRIVATE)
async def settings_submit(turn: Turn) -> Sequence[Reply]:
    """The settings card was sent."""
    raw = {k: v for k, v in (turn.inbound.value or {}).items() if k not in ("verb", "team")}
    assert turn.team is not None
    changes = validate(turn.team, raw, today=local_date(turn.now), lang=turn.lang)
    return await _finish(turn, changes)
