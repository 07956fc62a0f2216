"""The trajectory card (`traject <leerling>`) and the words for phases, weeks and outcomes."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from microsoft_teams.cards import AdaptiveCard, CardElement, Fact, FactSet, TextBlock

from cards.catalogue import Lang, t
from cards.common import CARD_VERSION, to_json
from cards.plain import Markdown, plain
from domain.grammar import format_date
from domain.term_report import phase_spans
from domain.trajectory import DEFAULT_PHASES, weeks_between


def phase_name(phase: str, lang: Lang) -> str:
    """A phase as people read it: a default phase in their language, a team's own as typed."""
    if phase in DEFAULT_PHASES:
        return t(f"trajectory.phase.{phase}", lang)
    return plain(phase)


def phase_list(phases: Sequence[str], lang: Lang) -> Markdown:
    """ "instroom, opbouw, schoolfit, terugkeer"."""
    return Markdown(", ".join(phase_name(phase, lang) for phase in phases))


def weeks_text(weeks: int, lang: Lang) -> str:
    """ "nog geen week", "1 week", "3 weken"."""
    if weeks <= 0:
        return t("trajectory.no_week", lang)
    if weeks == 1:
        return t("trajectory.one_week", lang)
    return t("trajectory.weeks", lang, weeks=weeks)


def phase_with_weeks(phase: str, weeks: int, lang: Lang) -> str:
    """ "opbouw (3 weken)", as the pupil page shows it."""
    return t(
        "trajectory.phase_weeks",
        lang,
        phase=Markdown(phase_name(phase, lang)),
        weeks=Markdown(weeks_text(weeks, lang)),
    )


def outcome_name(outcome: str, lang: Lang) -> str:
    """ "terug naar school" / "back to school"."""
    return t(f"trajectory.outcome.{outcome}", lang)


@dataclass(frozen=True)
class PhaseStep:
    """One phase in a pupil's history; `end` is None while it goes on."""

    phase: str
    start: date
    end: date | None
    weeks: int


@dataclass(frozen=True)
class TrajectoryView:
    """Everything `traject <leerling>` shows."""

    name: str
    started_on: date
    weeks: int
    steps: Sequence[PhaseStep]  # oldest first
    ended_on: date | None = None
    outcome: str | None = None


def trajectory_view(
    *,
    name: str,
    started_on: date,
    ended_on: date | None,
    outcome: str | None,
    phases: Sequence[tuple[str, date]],
    today: date,
) -> TrajectoryView:
    """What the card shows, with weeks counted up to today (or to the day it ended)."""
    spans = phase_spans(phases, closed_on=ended_on, until=today)
    last = len(spans) - 1
    steps = [
        PhaseStep(
            phase=phase,
            start=start,
            end=None if i == last and ended_on is None else end,
            weeks=weeks_between(start, end),
        )
        for i, (phase, start, end) in enumerate(spans)
    ]
    return TrajectoryView(
        name=name,
        started_on=started_on,
        weeks=weeks_between(started_on, ended_on or today),
        steps=steps,
        ended_on=ended_on,
        outcome=outcome,
    )


def _step_line(step: PhaseStep, lang: Lang) -> str:
    end = (
        format_date(step.end, lang, with_year=True)
        if step.end is not None
        else t("trajectory.ongoing", lang)
    )
    return t(
        "trajectory.history_line",
        lang,
        phase=Markdown(phase_name(step.phase, lang)),
        start=format_date(step.start, lang, with_year=True),
        end=Markdown(end),
        weeks=Markdown(weeks_text(step.weeks, lang)),
    )


def trajectory_card(*, lang: Lang, view: TrajectoryView) -> dict[str, Any]:
    """A pupil's trajectory: where they are now, since when, the phases so far, the outcome."""
    facts = []
    current = view.steps[-1] if view.steps else None
    if current is not None and view.ended_on is None:
        value = phase_with_weeks(current.phase, current.weeks, lang)
        facts.append(Fact(title=t("trajectory.fact.phase", lang), value=value))
    facts.append(
        Fact(
            title=t("trajectory.fact.start", lang),
            value=format_date(view.started_on, lang, with_year=True),
        )
    )
    facts.append(Fact(title=t("trajectory.fact.weeks", lang), value=str(view.weeks)))
    if view.ended_on is not None and view.outcome is not None:
        ended = format_date(view.ended_on, lang, with_year=True)
        facts.append(
            Fact(
                title=t("trajectory.fact.outcome", lang),
                value=f"{outcome_name(view.outcome, lang)} ({ended})",
            )
        )
    body: list[CardElement] = [
        TextBlock(
            text=t("trajectory.title", lang, name=view.name),
            size="Large",
            weight="Bolder",
            wrap=True,
        ),
        FactSet(facts=facts),
        TextBlock(text=t("trajectory.history", lang), weight="Bolder", wrap=True),
    ]
    body.extend(
        TextBlock(text=_step_line(step, lang), wrap=True, spacing="None")
        for step in reversed(view.steps)
    )
    return to_json(AdaptiveCard(version=CARD_VERSION, body=body))
