"""Cards for mentors and coordinators: the contact log, its form and what a contact shows."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Annotated, Any

from microsoft_teams.cards import (
    ActionSet,
    AdaptiveCard,
    CardElement,
    Choice,
    ChoiceSetInput,
    Container,
    DateInput,
    SubmitAction,
    TextBlock,
    TextInput,
)
from pydantic import AfterValidator, BeforeValidator, StrictStr

from cards.alerts import ALERT_CONTACT
from cards.answers import CardAnswer, Id, IsoDate, Nonce, typed_text, whole_number
from cards.catalogue import Lang, t
from cards.checkin import MOODS
from cards.common import CARD_VERSION, to_json
from cards.plain import Markdown, plain
from domain.contacts import KINDS, MAX_NOTE
from domain.grammar import MAX_MINUTES, format_date

SAVE = "contact.save"
UNDO, EDIT, DELETE = "contact.undo", "contact.edit", "contact.delete"


class ContactChange(CardAnswer):
    """Undo, edit or delete one's own contact: the buttons under a logged contact."""

    contact: Id


def _kind(kind: str | None) -> str | None:
    if kind is not None and kind not in KINDS:
        raise ValueError("a contact kind")
    return kind


def _blank_is_none(value: object) -> object:
    """An optional choice left empty: Teams sends an empty string."""
    return None if value == "" else value


class ContactForm(CardAnswer):
    """The contact card: the form's key, the contact it changes or the alert it answers (set by
    the card), and what the person filled in. A field left empty is None; the flow says which
    it needs."""

    nonce: Nonce
    contact: Id | None = None
    alert: Id | None = None
    pupil: Id | None = None
    kind: Annotated[StrictStr | None, AfterValidator(_kind)] = None
    # "" is a duration left empty (of the validators before, pydantic runs the last first)
    minutes: Annotated[
        int | None, whole_number(1, MAX_MINUTES), BeforeValidator(_blank_is_none)
    ] = None
    day: IsoDate = None
    note: Annotated[str | None, typed_text(MAX_NOTE)] = None
    agreements: Annotated[str | None, typed_text(MAX_NOTE)] = None


CONTACT_KINDS = KINDS
DURATIONS = (5, 10, 15, 20, 30, 45, 60, 90, 120)


def kind_name(kind: str, lang: Lang) -> str:
    """A contact kind as people read it."""
    return t(f"contact.kind.{kind}", lang)


def mood_emoji(mood: int) -> str:
    """Just the emoji of a mood."""
    return next((m.emoji for m in MOODS if m.value == mood), "?")


def minutes_text(minutes: int | None, lang: Lang) -> str:
    """ "15 min", "1 u 30" / "1 h 30"."""
    if minutes is None:
        return ""
    hours, rest = divmod(minutes, 60)
    if not hours:
        return f"{rest} min"
    unit = "u" if lang == "nl" else "h"
    return f"{hours} {unit}" + (f" {rest:02d}" if rest else "")


def _card(body: Sequence[CardElement], actions: Sequence[SubmitAction] = ()) -> dict[str, Any]:
    return to_json(
        AdaptiveCard(version=CARD_VERSION, body=list(body), actions=list(actions) or None)
    )


@dataclass(frozen=True)
class ContactDraft:
    """What a contact card is pre-filled with."""

    pupil_id: int | None = None
    kind: str | None = None
    minutes: int | None = None
    day: date | None = None
    note: str | None = None
    agreements: str | None = None


def contact_card(
    *,
    lang: Lang,
    pupils: Sequence[tuple[int, str]],
    team_ref: int,
    nonce: str,
    today: date,
    draft: ContactDraft | None = None,
    contact_id: int | None = None,
    problem: str | None = None,
    alert_id: int | None = None,
) -> dict[str, Any]:
    """The form behind `log`: pupil, kind, duration, day and note. Also used to edit, and to log
    the contact that answers an alert (saving it picks the alert up)."""
    draft = draft or ContactDraft()
    body: list[CardElement] = [
        TextBlock(
            text=t("contact.card.edit_title" if contact_id else "contact.card.title", lang),
            size="Large",
            weight="Bolder",
            wrap=True,
        )
    ]
    if problem:
        body.append(TextBlock(text=problem, wrap=True, color="Attention"))
    body += [  # each input named after the ContactForm field it fills
        ChoiceSetInput(
            id="pupil",
            label=t("contact.card.pupil", lang),
            is_required=True,
            error_message=t("contact.card.pupil_required", lang),
            value=str(draft.pupil_id) if draft.pupil_id else None,
            choices=[Choice(title=name, value=str(pid)) for pid, name in pupils],
        ),
        ChoiceSetInput(
            id="kind",
            label=t("contact.card.kind", lang),
            is_required=True,
            error_message=t("contact.card.kind_required", lang),
            value=draft.kind,
            choices=[Choice(title=kind_name(k, lang), value=k) for k in CONTACT_KINDS],
        ),
        ChoiceSetInput(
            id="minutes",
            label=t("contact.card.minutes", lang),
            value=str(draft.minutes) if draft.minutes in DURATIONS else None,
            choices=[Choice(title=minutes_text(m, lang), value=str(m)) for m in DURATIONS],
        ),
        DateInput(
            id="day",
            label=t("contact.card.day", lang),
            is_required=True,
            error_message=t("contact.card.day_required", lang),
            value=(draft.day or today).isoformat(),
            max=today.isoformat(),
        ),
        TextInput(
            id="note",
            label=t("contact.card.note", lang),
            is_multiline=True,
            max_length=MAX_NOTE,
            value=draft.note,
        ),
        TextInput(
            id="agreements",
            label=t("contact.card.agreements", lang),
            is_multiline=True,
            max_length=MAX_NOTE,
            value=draft.agreements,
        ),
    ]
    # the contact it changes, the alert it answers: only when there is one
    about = {"contact": contact_id, "alert": alert_id}
    answer = ContactForm(
        verb=SAVE if alert_id is None else ALERT_CONTACT,
        team=team_ref,
        nonce=nonce,
        **{name: ref for name, ref in about.items() if ref is not None},
    )
    save = SubmitAction(title=t("contact.card.save", lang), data=answer.button_data())
    return _card(body, [save])


def contact_saved_card(
    *,
    lang: Lang,
    summary: str,
    team_ref: int,
    contact_id: int | None,
    undo_minutes: int,
) -> dict[str, Any]:
    """What the bot stored, in one line, with an undo button for a few minutes."""
    body: list[CardElement] = [TextBlock(text=summary, wrap=True)]
    actions: list[SubmitAction] = []
    if contact_id is not None:
        body.append(
            TextBlock(
                text=t("contact.undo_hint", lang, minutes=undo_minutes),
                is_subtle=True,
                wrap=True,
                spacing="None",
            )
        )
        actions.append(
            SubmitAction(
                title=t("contact.undo", lang),
                data=ContactChange(verb=UNDO, team=team_ref, contact=contact_id).button_data(),
            )
        )
    return _card(body, actions)


@dataclass(frozen=True)
class ContactRow:
    """One logged contact as a list shows it."""

    id: int
    day: date
    kind: str
    minutes: int | None
    author: str
    note: str | None
    editable: bool = False


def contact_line(row: ContactRow, lang: Lang) -> Markdown:
    """ "ma 23 nov · bellen · 15 min · Fatima el Amrani"."""
    parts = [format_date(row.day, lang), kind_name(row.kind, lang)]
    if row.minutes:
        parts.append(minutes_text(row.minutes, lang))
    parts.append(plain(row.author))
    return Markdown(" · ".join(parts))


def contacts_card(
    *, lang: Lang, pupil: str, rows: Sequence[ContactRow], team_ref: int
) -> dict[str, Any]:
    """`contacten`: the latest contacts, newest first, with edit and delete for one's own."""
    body: list[CardElement] = [
        TextBlock(
            text=t("contacts.title", lang, name=pupil), size="Medium", weight="Bolder", wrap=True
        )
    ]
    if not rows:
        body.append(TextBlock(text=t("contacts.none", lang), wrap=True))
    for row in rows:
        items: list[CardElement] = [
            TextBlock(text=contact_line(row, lang), weight="Bolder", wrap=True)
        ]
        if row.note:
            items.append(TextBlock(text=plain(row.note), wrap=True, spacing="None"))
        if row.editable:
            items.append(
                ActionSet(
                    actions=[
                        SubmitAction(
                            title=t("contacts.edit", lang),
                            data=ContactChange(
                                verb=EDIT, team=team_ref, contact=row.id
                            ).button_data(),
                        ),
                        SubmitAction(
                            title=t("contacts.delete", lang),
                            data=ContactChange(
                                verb=DELETE, team=team_ref, contact=row.id
                            ).button_data(),
                        ),
                    ]
                )
            )
        body.append(Container(items=items, separator=True))
    return _card(body)
