"""The check-in and close cards of the youngest pupils (about 4 to 7): nothing to read or type.

A parent or carer reads along. The plan is picture choices, a note for the mentor is the
parent's and folded away, and a tap on a face sends the card with everything chosen above it.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from microsoft_teams.cards import (
    ActionSet,
    AdaptiveCard,
    CardElement,
    Choice,
    ChoiceSetInput,
    Column,
    ColumnSet,
    Container,
    Image,
    SubmitAction,
    TextBlock,
    TextInput,
    ToggleInput,
    ToggleVisibilityAction,
)

from cards.catalogue import Lang, t
from cards.checkin_answers import (
    CHECKIN_SUBMIT,
    CLOSE_SUBMIT,
    CONTACT_INPUT,
    DONE_INPUT,
    MOOD_INPUT,
    NOTE_INPUT,
    NOTE_MAX_CHARS,
    PICTURES_INPUT,
    DayCloseAnswer,
    DayStartAnswer,
    picture_goal,
)
from cards.common import CARD_VERSION, to_json
from cards.faces import face_path
from cards.plain import plain
from domain.feelings import PICTURE_GOALS
from domain.grammar import format_date

NOTE_BOX = "noteBox"
MOOD_ORDER = (5, 4, 3, 2, 1)


def face_image(mood: int, lang: Lang, **extra: Any) -> Image:
    """A mood's face picture with its alt text."""
    word = t(f"mood.{mood}", lang)
    return Image(url=face_path(mood), alt_text=t("young.face_alt", lang, mood=word), **extra)


def _faces(lang: Lang, data: dict[str, Any]) -> ColumnSet:
    """One column per mood: a face and its word; a tap on either sends the card."""
    columns = []
    for mood in MOOD_ORDER:
        send = SubmitAction(title=t(f"mood.{mood}", lang), data={**data, MOOD_INPUT: str(mood)})
        columns.append(
            Column(
                width="stretch",
                select_action=send,
                items=[
                    face_image(mood, lang, size="Stretch", select_action=send),
                    TextBlock(
                        text=t(f"mood.{mood}", lang),
                        size="Small",
                        horizontal_alignment="Center",
                        wrap=True,
                        spacing="Small",
                    ),
                ],
            )
        )
    return ColumnSet(columns=columns, spacing="Small")


def _parent_note(lang: Lang) -> list[CardElement]:
    """The parent's folded section: a note for the mentor and a wish for contact."""
    return [
        ActionSet(
            actions=[
                ToggleVisibilityAction(title=t("young.show_note", lang), target_elements=[NOTE_BOX])
            ]
        ),
        Container(
            id=NOTE_BOX,
            is_visible=False,
            items=[
                TextInput(
                    id=NOTE_INPUT,
                    label=t("young.note_label", lang),
                    placeholder=t("young.note_placeholder", lang),
                    is_multiline=True,
                    max_length=NOTE_MAX_CHARS,
                ),
                ToggleInput(
                    id=CONTACT_INPUT,
                    title=t("young.contact", lang),
                    value_on="true",
                    value_off="false",
                    value="false",
                    wrap=True,
                ),
                TextBlock(text=t("young.readers", lang), is_subtle=True, wrap=True),
            ],
        ),
    ]


def _head(title: str, day: date, lang: Lang, parent_line: str) -> list[CardElement]:
    return [
        TextBlock(text=title, size="Large", weight="Bolder", wrap=True),
        TextBlock(text=format_date(day, lang), is_subtle=True, spacing="None", wrap=True),
        TextBlock(text=parent_line, is_subtle=True, wrap=True),
    ]


def _mood_question(lang: Lang) -> TextBlock:
    return TextBlock(
        text=t("young.mood_label", lang), size="Large", weight="Bolder", wrap=True, spacing="Large"
    )


def young_checkin_card(*, lang: Lang, first_name: str, day: date, team_ref: int) -> dict[str, Any]:
    """The 09:00 card for the youngest: picture goals, the parent's note, then the faces."""
    body = _head(
        t("checkin.title", lang, name=first_name),
        day,
        lang,
        t("young.parent_start", lang, name=first_name),
    )
    body.append(
        ChoiceSetInput(
            id=PICTURES_INPUT,
            label=t("young.goals_label", lang),
            style="expanded",
            is_multi_select=True,
            choices=[
                Choice(title=picture_goal(key, emoji, lang), value=key)
                for key, emoji in PICTURE_GOALS
            ],
        )
    )
    body += _parent_note(lang)
    body.append(_mood_question(lang))
    body.append(_faces(lang, DayStartAnswer.button(verb=CHECKIN_SUBMIT, day=day, team=team_ref)))
    return to_json(AdaptiveCard(version=CARD_VERSION, body=body))


def young_close_card(
    *, lang: Lang, first_name: str, day: date, team_ref: int, goals: Sequence[str]
) -> dict[str, Any]:
    """The 14:45 card for the youngest: tick what went well, the parent's note, the faces."""
    body = _head(t("close.title", lang, name=first_name), day, lang, t("young.parent_close", lang))
    if goals:
        body.append(
            ChoiceSetInput(
                id=DONE_INPUT,
                label=t("young.done_label", lang),
                style="expanded",
                is_multi_select=True,
                # an expanded choice's title is Markdown
                choices=[
                    Choice(title=plain(goal), value=str(i)) for i, goal in enumerate(goals, 1)
                ],
            )
        )
    body += _parent_note(lang)
    body.append(_mood_question(lang))
    body.append(_faces(lang, DayCloseAnswer.button(verb=CLOSE_SUBMIT, day=day, team=team_ref)))
    return to_json(AdaptiveCard(version=CARD_VERSION, body=body))


def young_face_row(mood: int, lang: Lang) -> ColumnSet:
    """The chosen face and its word, on a confirmation."""
    return ColumnSet(
        columns=[
            Column(width="auto", items=[face_image(mood, lang, width="64px")]),
            Column(
                width="stretch",
                vertical_content_alignment="Center",
                items=[
                    TextBlock(
                        text=t(f"mood.{mood}", lang), size="Large", weight="Bolder", wrap=True
                    )
                ],
            ),
        ]
    )


def goal_lines(goals: Sequence[str]) -> list[CardElement]:
    """Goals as a list, shown as typed."""
    return [TextBlock(text=f"- {plain(goal)}", wrap=True, spacing="None") for goal in goals]
