"""Cards of the OPP cycle: the due list, one pupil's history, the nudge, the weekly overview."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from microsoft_teams.cards import (
    AdaptiveCard,
    CardElement,
    Container,
    Fact,
    FactSet,
    SubmitAction,
    TextBlock,
)

from cards.catalogue import Lang, t
from cards.common import CARD_VERSION, to_json
from cards.opp_form import participant_name, record_action
from cards.plain import Markdown, plain
from cards.pupils import PupilChoice
from domain.figures_text import decimal_shown
from domain.grammar import format_date

OPEN_REPORT = "opp.report"  # the OPP report of one pupil, from the button on a nudge


def _card(body: Sequence[CardElement], actions: Sequence[Any] = ()) -> dict[str, Any]:
    return to_json(
        AdaptiveCard(version=CARD_VERSION, body=list(body), actions=list(actions) or None)
    )


@dataclass(frozen=True)
class OppRow:
    """One pupil's place in the cycle."""

    pupil_id: int
    name: str
    due: date
    days_left: int
    vacation: str | None = None
    mentor: str | None = None


def due_text(row: OppRow, lang: Lang) -> Markdown:
    """ "maandag 18 januari (over 12 dagen)", "… (3 dagen te laat)", with a holiday warning."""
    when = format_date(row.due, lang, with_year=True)
    if row.days_left < 0:
        status = t("opp.overdue", lang, days=-row.days_left)
    elif row.days_left == 0:
        status = t("opp.today", lang)
    else:
        status = t("opp.in_days", lang, days=row.days_left)
    text = f"{when} ({status})"
    if row.vacation:
        text += " — " + t("opp.in_vacation", lang, vacation=row.vacation.lower())
    return Markdown(text)


def opp_list_card(
    *, lang: Lang, title: str, rows: Sequence[OppRow], missing: Sequence[str]
) -> dict[str, Any]:
    """`opp`: every pupil's next evaluation, overdue first."""
    body: list[CardElement] = [TextBlock(text=title, size="Large", weight="Bolder", wrap=True)]
    if not rows:
        body.append(TextBlock(text=t("opp.none", lang), wrap=True))
    for row in rows:
        late = row.days_left < 0
        items: list[CardElement] = [
            TextBlock(text=plain(row.name), weight="Bolder", wrap=True),
            TextBlock(
                text=due_text(row, lang),
                wrap=True,
                spacing="None",
                color="Attention" if late else "Default",
            ),
        ]
        if row.mentor:
            items.append(
                TextBlock(
                    text=t("pupils.mentor", lang, name=row.mentor), is_subtle=True, spacing="None"
                )
            )
        body.append(Container(items=items, separator=True))
    if missing:
        body.append(
            TextBlock(
                text=t("opp.missing", lang, names=", ".join(missing)), wrap=True, is_subtle=True
            )
        )
    return _card(body)


@dataclass(frozen=True)
class EvaluationRow:
    """One evaluation in a pupil's history."""

    day: date
    participants: Sequence[str]
    note: str | None
    author: str


def opp_history_card(
    *,
    lang: Lang,
    row: OppRow,
    start: date,
    cycle_weeks: int,
    evaluations: Sequence[EvaluationRow],
    team_ref: int,
    nonce: str,
    participants: Sequence[str],
) -> dict[str, Any]:
    """`opp <leerling>`: the plan, the evaluations so far, and a form to record the next."""
    facts = [
        Fact(title=t("opp.fact.start", lang), value=format_date(start, lang, with_year=True)),
        Fact(title=t("opp.fact.cycle", lang), value=t("opp.weeks", lang, weeks=cycle_weeks)),
        Fact(title=t("opp.fact.next", lang), value=due_text(row, lang)),
    ]
    body: list[CardElement] = [
        TextBlock(
            text=t("opp.history.title", lang, name=row.name),
            size="Large",
            weight="Bolder",
            wrap=True,
        ),
        FactSet(facts=facts),
        TextBlock(text=t("opp.history.evaluations", lang), weight="Bolder", wrap=True),
    ]
    if not evaluations:
        body.append(TextBlock(text=t("opp.history.none", lang), wrap=True, spacing="None"))
    for evaluation in evaluations:
        who = ", ".join(participant_name(p, lang) for p in evaluation.participants) or "—"
        when = format_date(evaluation.day, lang, with_year=True)
        line = f"{when} · {who} · {plain(evaluation.author)}"
        items: list[CardElement] = [TextBlock(text=line, wrap=True, weight="Bolder")]
        if evaluation.note:
            items.append(TextBlock(text=plain(evaluation.note), wrap=True, spacing="None"))
        body.append(Container(items=items, separator=True))
    return _card(body, [record_action(lang, row.pupil_id, team_ref, nonce, participants)])


@dataclass(frozen=True)
class Trend:
    """How a pupil did since the last evaluation (or the start of the plan)."""

    since: date
    school_days: int
    checked_in: int
    average_mood: float | None
    first_half_mood: float | None
    second_half_mood: float | None
    contacts: int


def trend_text(trend: Trend, lang: Lang) -> Markdown:
    """A two-line summary to prepare the evaluation with."""
    lines = [
        t(
            "opp.trend.checkins",
            lang,
            since=format_date(trend.since, lang),
            done=trend.checked_in,
            total=trend.school_days,
            contacts=trend.contacts,
        )
    ]
    if trend.average_mood is None:
        lines.append(t("opp.trend.no_mood", lang))
    else:
        direction = "steady"
        if trend.first_half_mood is not None and trend.second_half_mood is not None:
            delta = trend.second_half_mood - trend.first_half_mood
            direction = "up" if delta >= 0.5 else "down" if delta <= -0.5 else "steady"
        lines.append(
            t(
                f"opp.trend.mood_{direction}",
                lang,
                average=decimal_shown(trend.average_mood, lang),
            )
        )
    return Markdown("\n\n".join(lines))


def opp_nudge_card(
    *,
    lang: Lang,
    row: OppRow,
    stage: str,
    trend: Trend,
    participants: Sequence[str],
    behavioural_scientist: str | None,
    team_ref: int,
    nonce: str,
) -> dict[str, Any]:
    """The reminder a mentor gets before (and while) an evaluation is due."""
    heading = t(
        "opp.nudge.overdue" if stage.startswith("late") else "opp.nudge.title",
        lang,
        name=row.name,
    )
    who = ", ".join(participant_name(p, lang) for p in participants)
    if behavioural_scientist and "gedragswetenschapper" in participants:
        who += f" ({plain(behavioural_scientist)})"
    body: list[CardElement] = [
        TextBlock(text=heading, size="Medium", weight="Bolder", wrap=True),
        FactSet(
            facts=[
                Fact(title=t("opp.fact.due", lang), value=due_text(row, lang)),
                Fact(title=t("opp.fact.who", lang), value=who),
            ]
        ),
        TextBlock(text=t("opp.nudge.prepare", lang), weight="Bolder", wrap=True),
        TextBlock(text=trend_text(trend, lang), wrap=True, spacing="None"),
    ]
    report = SubmitAction(
        title=t("opp.report.open", lang),
        data=PupilChoice(verb=OPEN_REPORT, team=team_ref, pupil=row.pupil_id).button_data(),
    )
    return _card(body, [record_action(lang, row.pupil_id, team_ref, nonce, participants), report])


def opp_overview_card(
    *, lang: Lang, day: date, groups: Mapping[str, Sequence[OppRow]]
) -> dict[str, Any]:
    """Monday's overview for coordinators: due within two weeks and overdue, per mentor."""
    body: list[CardElement] = [
        TextBlock(text=t("opp.overview.title", lang), size="Large", weight="Bolder", wrap=True),
        TextBlock(text=format_date(day, lang, with_year=True), is_subtle=True, spacing="None"),
    ]
    if not groups:
        body.append(TextBlock(text=t("opp.overview.none", lang), wrap=True))
    for mentor, rows in groups.items():
        items: list[CardElement] = [TextBlock(text=plain(mentor), weight="Bolder", wrap=True)]
        for row in rows:
            items.append(
                TextBlock(
                    text=f"- {plain(row.name)}: {due_text(row, lang)}",
                    wrap=True,
                    spacing="None",
                    color="Attention" if row.days_left < 0 else "Default",
                )
            )
        body.append(Container(items=items, separator=True))
    return _card(body)
