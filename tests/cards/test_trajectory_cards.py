"""The trajectory card and the term report: stable JSON, and a team's own words shown as typed."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from cards.catalogue import Lang
from cards.term_report import report_csv, report_markdown, term_report_card
from cards.trajectory import trajectory_card, trajectory_view
from domain.term_report import ActivityFigures, Period, PhaseFigures, TermFigures
from tests.cards.snapshot import assert_snapshot

TODAY = date(2026, 11, 23)


def _view(ended: bool = False) -> Any:
    return trajectory_view(
        name="Sanne de Vries",
        started_on=date(2026, 9, 1),
        ended_on=date(2026, 11, 20) if ended else None,
        outcome="school" if ended else None,
        phases=[("instroom", date(2026, 9, 1)), ("opbouw", date(2026, 10, 1))],
        today=TODAY,
    )


def _figures(phases: list[PhaseFigures]) -> TermFigures:
    return TermFigures(
        period=Period(date(2026, 8, 1), TODAY),
        phases=phases,
        outcomes={"school": 5, "elsewhere": 1},
        ended=6,
        returned=5,
        weeks_to_return=[80 / 7] * 5,
    )


ACTIVITY = ActivityFigures(
    pupils=8,
    school_days=70,
    expected=40,
    checked_in=16,
    contacts={"bellen": (5, 75), "huisbezoek": (1, 60)},
)
PHASES = [PhaseFigures("instroom", 0, [30 / 7] * 8), PhaseFigures("opbouw", 2, [50 / 7] * 8)]


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_cards_match_their_snapshots(lang: Lang) -> None:
    assert_snapshot(f"trajectory_{lang}", trajectory_card(lang=lang, view=_view()))
    assert_snapshot(f"trajectory_ended_{lang}", trajectory_card(lang=lang, view=_view(True)))
    report = term_report_card(
        lang=lang, team="Groep 1", figures=_figures(PHASES), activity=ACTIVITY
    )
    assert_snapshot(f"term_report_{lang}", report)


def test_a_teams_own_phase_names_are_shown_as_typed() -> None:
    own = [PhaseFigures("*ritme*", 7, [2.0] * 7), PhaseFigures("=1+1", 0, [])]
    card = term_report_card(lang="nl", team="Groep 1", figures=_figures(own), activity=ACTIVITY)
    titles = [f["title"] for part in card["body"] if "facts" in part for f in part["facts"]]
    assert "\\*ritme\\*" in titles
    markdown = report_markdown(lang="nl", team="Groep 1", figures=_figures(own), activity=ACTIVITY)
    assert "| \\*ritme\\* | 7 |" in markdown
    table = report_csv(lang="nl", figures=_figures(own), activity=ACTIVITY).splitlines()
    assert "phases,*ritme*,7" in table
    assert "phases,'=1+1,0" in table  # never a formula in a spreadsheet
    assert "contacts,huisbezoek,< 5" in table and "contacts,bellen,5 · 1 u 15" in table
