"""`instellingen`: a coordinator reads and changes the team's rhythm, calendar and channels.

Every setting is a field of the settings model (domain/team_settings.py): the card, the line
`instellingen <veld> <waarde>` and the summary are made from its fields, and what a coordinator
gives is read into its update model, of which exactly the given settings are set on the team.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from cards.catalogue import Words, t
from cards.settings import SUBMIT, SettingsAnswer, settings_card, settings_summary
from dialogs.inbound import Reply, card, text
from dialogs.recipients import channel_refusal
from dialogs.router import COORDINATOR, PRIVATE, Turn, router
from dialogs.settings_validation import channel_choices, read_update
from dialogs.teamcal import class_channel
from dialogs.teams_menu import TeamsMenu
from domain.clock import local_date
from domain.setting_inputs import Channel, Days
from domain.setting_readers import NONE_WORDS
from domain.team_settings import (
    SettingsFacts,
    SettingsUpdate,
    TeamSettings,
    stored_settings,
    typed_setting,
    typed_words,
)
from domain.text import fold, suggest
from storage import teams

# The field the coordinators' channel is kept in (its choice may be refused, see `_refusal`).
COORDINATOR_CHANNEL = "coordinator_channel"


async def _current(turn: Turn) -> TeamSettings:
    """The team's settings now; General stands for the class channel until one is chosen."""
    assert turn.team is not None
    free = await teams.free_days(session=turn.session, team_id=turn.team_id)
    return stored_settings(turn.team, free_days=free, class_channel_id=class_channel(turn.team))


def _summary(turn: Turn, values: TeamSettings) -> str:
    assert turn.team is not None
    channels = channel_choices(turn.team, turn.lang)
    return settings_summary(lang=turn.lang, values=values, channels=channels)


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
    assert turn.team is not None
    current = await _current(turn)
    if not turn.args:
        channels = channel_choices(turn.team, turn.lang)
        form = settings_card(
            lang=turn.lang, values=current, channels=channels, team_ref=turn.team_id
        )
        return [text(_summary(turn, current)), card(form)]
    word, _, value = turn.args.partition(" ")
    field = typed_setting(word)
    if field is None:
        reply = t("settings.unknown_field", turn.lang, field=word[:30])
        guess = suggest(word, typed_words())
        if guess:
            reply += " " + t("command.bad_value", turn.lang, value=word[:30], guess=guess)
        return [text(reply + "\n\n" + turn.usage())]
    value = value.strip()
    if isinstance(field.card, Channel) and not value:  # the channel it is typed in
        if turn.inbound.conversation_type != "channel" or not turn.inbound.channel_id:
            return [text(t("settings.channel_here", turn.lang))]
        value = turn.inbound.channel_id
    if isinstance(field.card, Days) and fold(value) in NONE_WORDS:
        value = ""
    elif isinstance(field.card, Days):  # a typed day is added to the team's
        value = ", ".join([d.isoformat() for d in current.free_days] + [value])
    return await _save(turn, current, {field.key: value})


@router.card_action(SUBMIT, answer=SettingsAnswer, roles=COORDINATOR, where=PRIVATE)
async def settings_submit(turn: Turn) -> Sequence[Reply]:
    """The settings card was sent."""
    return await _save(turn, await _current(turn), SettingsAnswer.of(turn.answer).given())


async def _save(turn: Turn, current: TeamSettings, given: Mapping[str, object]) -> Sequence[Reply]:
    """Read what was given; set it on the team if every setting is right, else say why not."""
    assert turn.team is not None
    channels = frozenset(cid for cid, _ in channel_choices(turn.team, turn.lang))
    facts = SettingsFacts(current=current, channels=channels, today=local_date(turn.now))
    checked = read_update(given, facts=facts, lang=turn.lang)
    problems = checked.problems + await _refusal(turn, given.get(COORDINATOR_CHANNEL), channels)
    if problems or checked.update is None:
        lines = "\n".join(f"- {problem}" for problem in problems)
        return [text(t("settings.refused", turn.lang) + "\n" + lines)]
    if not await _apply(turn, current, checked.update):
        return [text(t("settings.unchanged", turn.lang))]
    return [text(t("settings.saved", turn.lang) + "\n\n" + _summary(turn, await _current(turn)))]


async def _refusal(turn: Turn, chosen: object, channels: frozenset[str]) -> list[str]:
    """Why the coordinators' channel chosen may not be theirs (dialogs/recipients.py decides)."""
    assert turn.team is not None
    if not isinstance(chosen, str) or chosen not in channels:
        return []  # none chosen, or none of the team's (the settings refuse that themselves)
    refusal = await channel_refusal(turn.session, turn.team, chosen)
    return [] if refusal is None else [t(refusal, turn.lang)]


async def _apply(turn: Turn, current: TeamSettings, update: SettingsUpdate) -> list[str]:
    """Set the settings given on the team; the names of those that changed, audited."""
    assert turn.team is not None
    columns = update.model_dump(exclude_unset=True)
    free_days = columns.pop("free_days", None)  # kept in a table of their own
    changed = sorted(teams.apply_settings(turn.team, columns))
    turn.session.add(turn.team)
    if free_days is not None and free_days != current.free_days:
        await teams.replace_free_days(session=turn.session, team_id=turn.team_id, days=free_days)
        changed.append("free_days")
    if changed:
        await turn.audit("settings.changed", details={"fields": changed})
    return changed
