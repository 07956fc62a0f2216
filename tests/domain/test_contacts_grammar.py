"""The `log` line as busy mentors type it: Dutch and English, typos, names with tussenvoegsels."""

from __future__ import annotations

from datetime import date

import pytest

from domain.contacts import LogLine, LogProblem, kind_of, parse_log

MONDAY = date(2026, 11, 23)


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        (
            "Sanne bellen 15m planning besproken, gaat beter",
            LogLine("Sanne", "bellen", MONDAY, 15, "planning besproken, gaat beter"),
        ),
        (
            "@Daan huisbezoek 1u met moeder",
            LogLine("@Daan", "huisbezoek", MONDAY, 60, "met moeder"),
        ),
        (
            "Daan van der Berg gesprek 1u30 gisteren",
            LogLine("Daan van der Berg", "gesprek", date(2026, 11, 22), 90, None),
        ),
        ("van der Berg ouders 90 min", LogLine("van der Berg", "ouders", MONDAY, 90, None)),
        ("Sanne belen 10 min", LogLine("Sanne", "bellen", MONDAY, 10, None)),
        ("Sanne  bellen   15m  ", LogLine("Sanne", "bellen", MONDAY, 15, None)),
        ("sanne CHAT", LogLine("sanne", "chat", MONDAY, None, None)),
        (
            "Sanne de Vries chat 12-11 vroeg naar rooster",
            LogLine("Sanne de Vries", "chat", date(2026, 11, 12), None, "vroeg naar rooster"),
        ),
        (
            "Noah school 1 uur vrijdag leerplicht gebeld",
            LogLine("Noah", "school", date(2026, 11, 20), 60, "leerplicht gebeld"),
        ),
        ("Noah school 3 nov", LogLine("Noah", "school", date(2026, 11, 3), None, None)),
        ("Sanne bellen gisteren 15m", LogLine("Sanne", "bellen", date(2026, 11, 22), 15, None)),
        (
            "Sanne call 1h30m talked about planning",
            LogLine("Sanne", "bellen", MONDAY, 90, "talked about planning"),
        ),
        ("Sanne visit yesterday", LogLine("Sanne", "huisbezoek", date(2026, 11, 22), None, None)),
        ("Sanne parents 20 min", LogLine("Sanne", "ouders", MONDAY, 20, None)),
        (
            "Sanne overig 2 opdrachten af",
            LogLine("Sanne", "overig", MONDAY, None, "2 opdrachten af"),
        ),
        ("Sanne B telefoon 5m", LogLine("Sanne B", "bellen", MONDAY, 5, None)),
        ("Sanne huisbzoek 45m", LogLine("Sanne", "huisbezoek", MONDAY, 45, None)),
    ],
)
def test_readable_lines(line: str, expected: LogLine) -> None:
    assert parse_log(line, today=MONDAY) == expected


@pytest.mark.parametrize(
    ("line", "problem"),
    [
        ("Sanne", "no_kind"),
        ("", "no_kind"),
        ("Sanne xyz 15m", "no_kind"),
        ("bellen 15m", "no_name"),
        ("Sanne bellen morgen", "future_date"),
        ("Sanne bellen 1-1-2020", "too_old"),
        ("Sanne bellen " + "x" * 1200, "note_too_long"),
    ],
)
def test_unreadable_lines_say_why(line: str, problem: str) -> None:
    result = parse_log(line, today=MONDAY)
    assert isinstance(result, LogProblem)
    assert result.problem == problem


def test_unknown_kind_keeps_the_name_and_guesses() -> None:
    result = parse_log("Sanne bellem", today=MONDAY)
    assert result == LogLine("Sanne", "bellen", MONDAY)
    problem = parse_log("Sanne bel", today=MONDAY)
    assert isinstance(problem, LogProblem)
    assert problem.name == "Sanne"
    assert problem.guess == "bellen"


@pytest.mark.parametrize(
    ("word", "kind"),
    [
        ("telefoon", "bellen"),
        ("Video", "gesprek"),
        ("app", "chat"),
        ("moeder", "ouders"),
        ("stamschool", "school"),
        ("anders", "overig"),
        ("Sanne", None),
    ],
)
def test_kind_words(word: str, kind: str | None) -> None:
    assert kind_of(word) == kind
