"""Text no database can store (NUL, lone surrogates) is dropped from notes, or found in a body."""

from __future__ import annotations

from datetime import date

from domain.contacts import LogLine, parse_log
from domain.opp import OppEvaluated, parse_opp
from domain.text import holds_unstorable, printable

MONDAY = date(2026, 11, 23)


def test_printable_keeps_lines_and_tabs_and_drops_the_rest() -> None:
    assert printable("a\x00b\x1b[31m\nc\td\x7f\ud800é🙂") == "ab[31m\nc\tdé🙂"


def test_notes_lose_what_cannot_be_stored() -> None:
    line = parse_log("Sanne bellen 15m nul\x00 en half\ud800 paar", today=MONDAY)
    assert line == LogLine("Sanne", "bellen", MONDAY, 15, "nul en half paar")
    opp = parse_opp("Sanne geëvalueerd vandaag goed\x00 gesprek", today=MONDAY)
    assert isinstance(opp, OppEvaluated) and opp.note == "goed gesprek"


def test_holds_unstorable_looks_everywhere() -> None:
    assert holds_unstorable({"from": {"id": "29:1\x00"}})
    assert holds_unstorable({"membersRemoved": [{"id": "x\udc00"}]})
    assert holds_unstorable({"key\x00": 1})
    assert not holds_unstorable({"text": "🙂 é \n\t", "n": [1, 2.5, None, True]})
    deep: object = "ok"
    for _ in range(5000):  # no recursion, whatever the depth
        deep = [deep]
    assert not holds_unstorable(deep)
