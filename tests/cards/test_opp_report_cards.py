"""The OPP report, the Monday list of talks and the agreements on a pupil's page: typed text
shows as typed, every figure is in words, and a long period still fits in one Teams message."""

from __future__ import annotations

import csv
import io
from datetime import date, timedelta
from typing import Any

import pytest

from cards.opp_report import opp_report_card
from cards.opp_report_doc import opp_report_csv, opp_report_markdown
from cards.opp_report_text import AlertCount, OppPack, SignalLine
from cards.progress import talks_due_card
from cards.pupil_page import PupilPage, pupil_page_card
from cards.pupils import CARD_BUDGET, size_of
from domain.report import ContactTotal, GoalTally, WeekRow
from tests.cards.test_plain_text import BENIGN, HOSTILE, markdown_texts, shown, structure

DAY = date(2026, 11, 23)


def pack(typed: str, *, weeks: int = 3, notes: int = 2, note_length: int = 0) -> OppPack:
    note = typed + "x" * note_length
    return OppPack(
        pupil=typed,
        mentor=typed,
        start=DAY,
        end=DAY + timedelta(days=7 * weeks - 3),
        basis="evaluation",
        due=DAY + timedelta(days=56),
        weeks=[
            WeekRow(DAY + timedelta(weeks=n), 5, 4, 3.0 + n % 3 if n % 4 else None)
            for n in range(weeks)
        ],
        goals=GoalTally(planned=10, done=4, partly=1, not_yet=2),
        notes=[(DAY + timedelta(days=n), f"{n}: {note}") for n in range(notes)],
        note_count=notes,
        contacts=[ContactTotal("voortgangsgesprek", 2, 50), ContactTotal("bellen", 1, 0)],
        talks=[(DAY, typed), (DAY + timedelta(days=7), None)],
        signals=[SignalLine("no_contact", DAY, "8 dagen geen contact gelogd.", DAY)],
        alerts=[AlertCount("distress", 1, 1)],
        pauses=[(DAY, DAY + timedelta(days=2))],
    )


CARDS: dict[str, Any] = {
    "report": lambda v: opp_report_card(lang="nl", pack=pack(v)),
    "report_hidden_notes": lambda v: opp_report_card(
        lang="en", pack=OppPack(**{**pack(v).__dict__, "notes": None})
    ),
    "talks_due": lambda v: talks_due_card(
        lang="nl", day=DAY, every="elke week", pupils=[(v, DAY), (v, None)]
    ),
    "page": lambda v: pupil_page_card(
        lang="nl",
        page=PupilPage(
            name=v,
            mentor=v,
            paused_until=None,
            moods=[(DAY, 3)],
            school_days=20,
            checked_in=1,
            talk=(DAY, v),
        ),
    ),
}


@pytest.mark.parametrize("typed", HOSTILE)
@pytest.mark.parametrize("name", sorted(CARDS))
def test_typed_values_show_as_typed(name: str, typed: str) -> None:
    benign = list(markdown_texts(CARDS[name](BENIGN)))
    hostile = list(markdown_texts(CARDS[name](typed)))
    assert len(hostile) == len(benign)
    for ours, theirs in zip(benign, hostile, strict=True):
        assert structure(theirs) == structure(ours), (name, theirs)
    assert typed in "\n".join(map(shown, hostile)), name


@pytest.mark.parametrize("typed", HOSTILE)
def test_the_document_keeps_its_headings_and_tables(typed: str) -> None:
    benign = opp_report_markdown(pack(BENIGN), "nl", made="vandaag")
    hostile = opp_report_markdown(pack(typed), "nl", made="vandaag")
    assert structure(hostile) == structure(benign)
    assert " ".join(typed.split()) in shown(hostile)


def test_the_document_reads_as_a_report() -> None:
    text = opp_report_markdown(pack("Sanne"), "nl", made="vrijdag 11 december 2026")
    lines = text.splitlines()
    assert lines[0] == "# OPP-verslag van Sanne"
    assert "## Check-ins en stemming per week" in lines
    assert "| Week | Schooldagen | Ingecheckt | Percentage | Stemming (gemiddeld, 1–5) |" in lines
    assert "| week 48 (23 nov) | 5 | 4 | 80% | — |" in lines  # a week without moods
    assert "| week 49 (30 nov) | 5 | 4 | 80% | 4,0 |" in lines
    assert "| voortgangsgesprek | 2 | 50 min |" in lines
    assert "| bellen | 1 | — |" in lines
    assert "- 8 dagen geen contact gelogd. (opgelost op maandag 23 november)" in lines
    assert lines[-1].startswith("_Gemaakt door Dagritme op vrijdag 11 december 2026.")


def test_csv_cells_are_never_formulas() -> None:
    table = opp_report_csv(pack('=HYPERLINK("https://evil.example")'))
    rows = list(csv.reader(io.StringIO(table)))
    assert rows[0] == ["section", "date", "item", "value"]
    assert ["pupil", "", "name", '\'=HYPERLINK("https://evil.example")'] in rows
    notes = [row for row in rows if row[0] == "note"]
    assert notes[0] == ["note", "2026-11-23", "close_note", '0: =HYPERLINK("https://evil.example")']
    assert ["week", "2026-11-30", "mood", "4.00"] in rows


def test_a_year_with_long_notes_fits_in_one_message() -> None:
    long = pack("Sanne", weeks=53, notes=250, note_length=1900)
    card = opp_report_card(lang="nl", pack=long)
    assert size_of(card) <= CARD_BUDGET
    text = "\n".join(markdown_texts(card))
    assert "249: Sanne" in text  # the newest note stays
    assert "0: Sanne" not in text
    assert "oudere berichten passen niet op deze kaart" in text
    assert "week 48 (23 nov): 4 van 5 schooldagen (80%)" in text  # every week, in words
    assert len([line for line in text.splitlines() if line.startswith("week ")]) == 53


def test_the_mood_per_week_is_a_line_chart_with_the_trend_in_words_as_fallback() -> None:
    card = opp_report_card(lang="nl", pack=pack("Sanne"))
    (chart,) = [element for element in card["body"] if element["type"] == "Chart.Line"]
    (line,) = chart["data"]
    assert [value["y"] for value in line["values"]] == [4.0, 5.0]  # the first week has no mood
    assert chart["fallback"]["text"].startswith("gemiddeld")
