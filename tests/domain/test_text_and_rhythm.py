"""Name matching, suggestions, and the windows of the school day."""

from __future__ import annotations

from datetime import UTC, date, datetime, time

import pytest

from domain.calendar import Region, SchoolCalendar
from domain.clock import at_local
from domain.due import DayTimes, due_prompts
from domain.text import fold, name_matches, suggest


def test_fold() -> None:
    assert fold("  Coördinator  ") == "coordinator"
    assert fold("Ĳsbrand  Çelik") == "ijsbrand celik"


@pytest.mark.parametrize(
    ("query", "name", "expected"),
    [
        ("sanne", "Sanne de Vries", True),
        ("de vr", "Sanne de Vries", True),
        ("SANNE DE VRIES", "Sanne de Vries", True),
        ("van der berg", "Daan van der Berg", True),
        ("daan b", "Daan van der Berg", True),
        ("berg", "Daan van der Berg", True),
        ("vries sanne", "Sanne de Vries", False),
        ("anne", "Sanne de Vries", False),
        ("zeynep", "Sanne de Vries", False),
        ("", "Sanne de Vries", False),
        ("noa", "Noah Bakker", True),
        ("celik", "Emre Çelik", True),
    ],
)
def test_name_matches(query: str, name: str, expected: bool) -> None:
    assert name_matches(query, name) is expected


def test_suggest() -> None:
    commands = ["hulp", "rol", "koppel", "team", "instellingen", "pauze", "hervat"]
    assert suggest("koppl", commands) == "koppel"
    assert suggest("instelingen", commands) == "instellingen"
    assert suggest("xyzzy", commands) is None


MONDAY = date(2026, 11, 23)
CALENDAR = SchoolCalendar(Region.MIDDEN)


def kinds(at: datetime) -> list[str]:
    return [p.kind for p in due_prompts(at, DayTimes(), CALENDAR)]


def test_windows_of_a_school_day() -> None:
    assert kinds(at_local(MONDAY, time(8, 59))) == []
    assert kinds(at_local(MONDAY, time(9, 0))) == ["day_start"]
    assert kinds(at_local(MONDAY, time(10, 0))) == ["day_start", "reminder"]
    assert kinds(at_local(MONDAY, time(10, 30))) == ["day_start", "reminder", "mentor_list"]
    assert kinds(at_local(MONDAY, time(14, 45))) == ["day_close"]
    assert kinds(at_local(MONDAY, time(15, 15))) == ["day_close", "digest"]
    assert kinds(at_local(MONDAY, time(17, 44))) == ["day_close", "digest"]
    assert kinds(at_local(MONDAY, time(17, 45))) == ["digest"]
    assert kinds(at_local(MONDAY, time(23, 59))) == []
    assert kinds(at_local(date(2026, 11, 21), time(9, 0))) == []


def test_due_prompt_carries_its_window() -> None:
    (prompt,) = due_prompts(at_local(MONDAY, time(9, 20)), DayTimes(), CALENDAR)
    assert prompt.due_at == datetime(2026, 11, 23, 8, 0, tzinfo=UTC)
    assert prompt.expires_at == datetime(2026, 11, 23, 13, 45, tzinfo=UTC)


def test_day_times_must_make_one_day() -> None:
    assert DayTimes().problems() == []
    assert DayTimes(start=time(15, 0)).problems() == [
        "start_before_close",
        "reminder_between",
        "mentor_list_between",
    ]
    assert DayTimes(reminder=time(8, 0)).problems() == ["reminder_between"]
