"""The pupils at a glance (`leerlingen`, the morning list): those who need attention first, each
with a way to act.

Teams takes no message over 28 KB. A list comes in pages of PAGE_SIZE pupils (`leerlingen 2`,
or the *Volgende* button); a page that would not fit with a block and two buttons per pupil shows
one line per pupil and one pupil picker with the same two buttons.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from microsoft_teams.cards import (
    ActionSet,
    AdaptiveCard,
    CardElement,
    Choice,
    ChoiceSetInput,
    Container,
    Fact,
    FactSet,
    SubmitAction,
    TextBlock,
)

from cards.alerts import LOG_CONTACT, AlertAnswer
from cards.answers import CardAnswer, Id
from cards.catalogue import Lang, t
from cards.checkin import mood_word
from cards.common import CARD_VERSION, command_button, to_json
from cards.pages import CARD_BUDGET, page_buttons, page_line, page_number, size_of, split_rows
from cards.plain import plain
from domain.alerts import URGENT, Attention
from domain.grammar import format_date
from domain.words import in_sentence

OPEN_CONTACT = "contact.open"  # the contact card, filled in for one pupil
OPEN_PUPIL = "pupil.open"  # one pupil's page, for the pupil chosen in the picker
LONG_SILENCE = 7  # days without a logged contact before a pupil is highlighted
ONLY_ATTENTION = "leerlingen alleen aandacht"
PAGE_SIZE = 20  # pupils per page: a block and two buttons each still fit in most cases


class PupilChoice(CardAnswer):
    """A button about one pupil: the pupil it names, or the one chosen in the pupil picker."""

    pupil: Id | None = None


@dataclass(frozen=True)
class PupilRow:
    """One line of the overview: how a pupil is doing today."""

    name: str
    paused_until: date | None = None
    start_mood: int | None = None
    start_feeling: str | None = None
    goals: Sequence[str] = ()
    wants_contact: bool = False
    close_mood: int | None = None
    close_feeling: str | None = None
    days_since_contact: int | None = None
    mentor: str | None = None
    opp_due: str | None = None  # the next OPP evaluation, already worded
    pupil_id: int | None = None  # with a team: buttons to log a contact and open the page
    attention: Attention | None = None
    note_today: bool = False
    alert_id: int | None = None  # an open alert: logging a contact picks it up


def pupils_card(
    *,
    lang: Lang,
    day: date,
    rows: Sequence[PupilRow],
    title: str,
    team_ref: int | None = None,
    subtitle: str | None = None,
    page: int = 1,
    command: str = "leerlingen",
) -> dict[str, Any]:
    """`leerlingen` and the morning list: every pupil, those who need attention first, in pages
    of PAGE_SIZE; `command` with a page number shows another page."""
    pages = split_rows(rows, PAGE_SIZE)
    page = page_number(page, len(pages))
    shown = pages[page - 1]
    head: list[CardElement] = [
        TextBlock(text=title, size="Large", weight="Bolder", wrap=True),
        TextBlock(text=format_date(day, lang), is_subtle=True, spacing="None", wrap=True),
    ]
    if len(pages) > 1:
        head.append(page_line(lang, page, len(pages)))
    if subtitle:
        head.append(TextBlock(text=subtitle, wrap=True))
    if not rows:
        head.append(TextBlock(text=t("pupils.none", lang), wrap=True))
    nav = page_buttons(
        lang,
        page=page,
        pages=len(pages),
        command=command,
        team_ref=team_ref,
        extra=_attention_button(lang, rows, team_ref) if len(pages) > 1 else [],
    )
    full = _card([*head, *(_pupil_row(lang, row, team_ref) for row in shown), *nav])
    if size_of(full) <= CARD_BUDGET:
        return full
    picker = _picker(lang, shown, team_ref) if team_ref is not None else []
    short = _card([*head, *_short_list(lang, shown, minimal=False), *picker, *nav])
    if size_of(short) <= CARD_BUDGET:
        return short
    return _card([*head, *_short_list(lang, shown, minimal=True), *picker, *nav])


def _attention_button(
    lang: Lang, rows: Sequence[PupilRow], team_ref: int | None
) -> list[SubmitAction]:
    """In a list of several pages, a button to only those who need attention (if any do and
    the list is not that already)."""
    needing = [r.attention is not None for r in rows]
    if team_ref is None or all(needing) or not any(needing):
        return []
    return [command_button(t("pupils.only_attention", lang), ONLY_ATTENTION, team_ref=team_ref)]


def _card(body: Sequence[CardElement]) -> dict[str, Any]:
    return to_json(AdaptiveCard(version=CARD_VERSION, body=list(body)))


def _mood(mood: int, lang: Lang, feeling: str | None = None) -> str:
    """A mood inside a line ("Dagstart: 🙂 goed · moe"): the word in lower case."""
    return in_sentence(mood_word(mood, lang, feeling))


def _heading(lang: Lang, row: PupilRow) -> str:
    heading: str = plain(row.name)
    if row.paused_until is not None:
        heading += " — " + t("pupils.paused", lang, until=format_date(row.paused_until, lang))
    return heading


def _status_lines(lang: Lang, row: PupilRow, *, short: bool = False) -> list[str]:
    lines: list[str] = []
    if row.attention == "distress":
        lines.append(t("pupils.distress", lang))
    if row.paused_until is None or row.start_mood is not None:
        if row.start_mood is None:
            lines.append(t("pupils.not_checked_in", lang))
        else:
            start = t("pupils.start", lang, mood=_mood(row.start_mood, lang, row.start_feeling))
            if row.wants_contact:
                start += " · " + t("pupils.wants_contact", lang)
            lines.append(start)
            if row.goals and not short:
                lines.append(t("pupils.goals", lang, goals="; ".join(row.goals)))
        if row.close_mood is not None:
            lines.append(
                t("pupils.close", lang, mood=_mood(row.close_mood, lang, row.close_feeling))
            )
    if row.wants_contact and row.start_mood is None:
        lines.append(t("pupils.wants_contact", lang))
    if row.note_today:
        lines.append(t("pupils.note_today", lang))
    if row.opp_due and not short:
        lines.append(t("pupils.opp", lang, due=row.opp_due))
    return lines


def _contact_line(lang: Lang, row: PupilRow) -> str:
    silence = row.days_since_contact
    if silence is None:
        contact = t("pupils.never_contacted", lang)
    elif silence <= 1:
        contact = t(f"pupils.last_contact_{'today' if silence == 0 else 'yesterday'}", lang)
    else:
        contact = t("pupils.last_contact", lang, days=silence)
    if row.mentor:
        contact += " · " + t("pupils.mentor", lang, name=row.mentor)
    return contact


def _urgent(row: PupilRow) -> bool:
    # Paused pupils are shown calmly: no alarm colours while they are ill or in hospital.
    return row.paused_until is None and row.attention in URGENT


def _row_actions(lang: Lang, row: PupilRow, team_ref: int) -> ActionSet:
    log = (
        AlertAnswer(verb=LOG_CONTACT, team=team_ref, alert=row.alert_id)
        if row.alert_id is not None
        else PupilChoice(verb=OPEN_CONTACT, team=team_ref, pupil=row.pupil_id)
    )
    return ActionSet(
        actions=[
            SubmitAction(title=t("alert.log_contact", lang), data=log.button_data()),
            command_button(t("alert.view", lang), f"leerling #{row.pupil_id}", team_ref=team_ref),
        ]
    )


def _pupil_row(lang: Lang, row: PupilRow, team_ref: int | None) -> Container:
    silence = row.days_since_contact
    quiet = row.paused_until is None and (silence is None or silence >= LONG_SILENCE)
    items: list[CardElement] = [
        TextBlock(text=_heading(lang, row), weight="Bolder", wrap=True),
        *(TextBlock(text=line, wrap=True, spacing="None") for line in _status_lines(lang, row)),
        TextBlock(
            text=_contact_line(lang, row),
            wrap=True,
            spacing="None",
            color="Attention" if quiet else "Default",
            weight="Bolder" if quiet else "Default",
            is_subtle=not quiet,
        ),
    ]
    if team_ref is not None and row.pupil_id is not None:
        items.append(_row_actions(lang, row, team_ref))
    return Container(items=items, separator=True, style="attention" if _urgent(row) else None)


def _short_status(lang: Lang, row: PupilRow, *, minimal: bool) -> str:
    """How a pupil is doing in a few words, for lists too long for a block each."""
    parts: list[str] = []
    if row.attention == "distress":
        parts.append("🆘")
    if row.start_mood is not None:
        parts.append(_mood(row.start_mood, lang))
    elif row.paused_until is None:
        parts.append(t("pupils.not_checked_in", lang))
    if row.close_mood is not None:
        parts.append(t("pupils.short.close", lang, mood=_mood(row.close_mood, lang)))
    if row.wants_contact:
        parts.append(t("pupils.wants_contact", lang))
    if row.note_today:
        parts.append("📝")
    if minimal:
        return ", ".join(parts)
    silence = row.days_since_contact
    if silence is None:
        parts.append(t("pupils.short.never", lang))
    else:
        parts.append(t("pupils.short.contact", lang, days=silence))
    if row.mentor:
        parts.append(plain(row.mentor))
    # ", " rather than " · ": every non-ASCII character is sent as six bytes
    return ", ".join(parts)


def _short_list(lang: Lang, rows: Sequence[PupilRow], *, minimal: bool) -> list[CardElement]:
    """The pupils in three groups: who needs attention, the rest, and who is paused."""
    groups: dict[str, list[PupilRow]] = {"attention": [], "rest": [], "paused": []}
    for row in rows:
        if row.paused_until is not None:
            groups["paused"].append(row)
        else:
            groups["attention" if row.attention else "rest"].append(row)
    shown: list[CardElement] = []
    for group, members in groups.items():
        if not members:
            continue
        shown.append(
            TextBlock(
                text=t(f"pupils.group.{group}", lang, count=len(members)),
                weight="Bolder",
                color="Attention" if group == "attention" else None,
                separator=True,
            )
        )
        facts = [
            Fact(title=_heading(lang, r), value=_short_status(lang, r, minimal=minimal))
            for r in members
        ]
        shown.append(FactSet(facts=facts, spacing="None"))
    return shown


def _picker(lang: Lang, rows: Sequence[PupilRow], team_ref: int) -> list[CardElement]:
    """One choice of pupil, with the two buttons every row has in a shorter list."""
    choices = [Choice(title=r.name, value=str(r.pupil_id)) for r in rows if r.pupil_id]
    log = PupilChoice(verb=OPEN_CONTACT, team=team_ref)
    view = PupilChoice(verb=OPEN_PUPIL, team=team_ref)
    return [
        ChoiceSetInput(
            id="pupil",  # PupilChoice.pupil
            label=t("pupils.pick", lang),
            is_required=True,
            error_message=t("contact.card.pupil_required", lang),
            choices=choices,
            separator=True,
        ),
        ActionSet(
            actions=[
                SubmitAction(title=t("alert.log_contact", lang), data=log.button_data()),
                SubmitAction(title=t("alert.view", lang), data=view.button_data()),
            ]
        ),
    ]
