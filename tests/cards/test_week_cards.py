"""`mijn week`: the pupil's own week card in both languages, with data and empty."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from cards.catalogue import Lang
from cards.confirmations import close_done_card
from cards.week import (
    OPEN_WEEK,
    MyWeek,
    WeekDay,
    my_week_card,
    my_week_card_variants,
    with_week_button,
)
from tests.cards.snapshot import assert_snapshot

MONDAY = date(2026, 11, 23)
FRIDAY = date(2026, 11, 27)
DAYS = (
    WeekDay(
        day=MONDAY,
        start_mood=3,
        close_mood=4,
        goals=(("rekenen *blz* 12", "done"), ("lezen", "partly"), ("wandelen", "not")),
    ),
    WeekDay(day=date(2026, 11, 24), start_mood=2, close_mood=None, goals=(("taal", None),)),
    WeekDay(day=date(2026, 11, 26), start_mood=None, close_mood=5, goals=()),
)


def week(*, days: tuple[WeekDay, ...] = DAYS, streak: int = 4) -> MyWeek:
    return MyWeek(first_name="Sanne", first=MONDAY, last=FRIDAY, days=days, streak=streak)


def nodes(node: Any) -> list[dict[str, Any]]:
    """Every object in a card's JSON, depth first."""
    if isinstance(node, list):
        return [found for item in node for found in nodes(item)]
    if isinstance(node, dict):
        return [node, *(found for value in node.values() for found in nodes(value))]
    return []


def elements(card: dict[str, Any], kind: str) -> list[dict[str, Any]]:
    return [node for node in nodes(card) if node.get("type") == kind]


def card_text(card: dict[str, Any]) -> str:
    """Every text and title on a card (the chart's fallback too)."""
    keys = ("text", "title")
    return "\n".join(n[k] for n in nodes(card) for k in keys if isinstance(n.get(k), str))


@pytest.mark.parametrize(("name", "card"), my_week_card_variants(), ids=lambda v: str(v)[:20])
def test_the_variants_keep_their_json(name: str, card: dict[str, Any]) -> None:
    assert card["type"] == "AdaptiveCard"
    assert_snapshot(name, card)


def test_the_variants_cover_both_languages_with_data_and_empty() -> None:
    names = [name for name, _ in my_week_card_variants()]
    assert names == ["week_nl", "week_empty_nl", "week_en", "week_empty_en"]


@pytest.mark.parametrize(
    ("lang", "words"),
    [
        (
            "nl",
            [
                "Jouw week, Sanne",
                "maandag 23 november t/m vrijdag 27 november",
                "4 dagen op rij ingecheckt",
                "Deze week is 1 doel gelukt",
                "rekenen \\*blz\\* 12: gelukt",
                "lezen: een beetje",
                "wandelen: nog niet",
                "taal",
                "Maandag: 's ochtends 😐 Gaat wel, 's middags 🙂 Goed",
                "Donderdag: 's middags 😄 Super",
                "Geen doelen opgeschreven",
            ],
        ),
        (
            "en",
            [
                "Your week, Sanne",
                "Monday 23 November to Friday 27 November",
                "4 days in a row",
                "You did 1 goal this week",
                "wandelen: not yet",
                "Monday: in the morning 😐 Okay, in the afternoon 🙂 Good",
                "Thursday: in the afternoon 😄 Great",
            ],
        ),
    ],
)
def test_the_week_in_words(lang: Lang, words: list[str]) -> None:
    text = card_text(my_week_card(lang=lang, week=week()))
    for word in words:
        assert word in text, word
    assert "niet gelukt" not in text.lower()
    assert "not done" not in text.lower()


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_the_moods_as_a_chart_with_the_same_in_words_beside_it(lang: Lang) -> None:
    card = my_week_card(lang=lang, week=week())
    (chart,) = elements(card, "Chart.Line")
    assert chart["yMin"] == 1 and chart["yMax"] == 5
    start, close = chart["data"]
    short = ["ma", "di"] if lang == "nl" else ["Mon", "Tue"]
    assert [(v["x"], v["y"]) for v in start["values"]] == list(zip(short, (3, 2), strict=True))
    assert [v["y"] for v in close["values"]] == [4, 5]
    fallback = chart["fallback"]
    assert fallback["type"] == "TextBlock"
    assert fallback["text"].count("\n\n") == 2  # one line per day checked in


@pytest.mark.parametrize(
    ("streak", "lang", "expected"),
    [
        (0, "nl", "Elke check-in telt"),
        (1, "nl", "1 dag ingecheckt. Een mooi begin!"),
        (12, "nl", "12 dagen op rij ingecheckt"),
        (0, "en", "Every check-in counts"),
        (1, "en", "Checked in 1 day"),
        (2, "en", "2 days in a row"),
    ],
)
def test_the_streak_is_framed_kindly(streak: int, lang: Lang, expected: str) -> None:
    assert expected in card_text(my_week_card(lang=lang, week=week(streak=streak)))


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_an_empty_week_encourages(lang: Lang) -> None:
    card = my_week_card(lang=lang, week=week(days=(), streak=0))
    text = card_text(card)
    assert ("Je week is nog leeg" if lang == "nl" else "Your week is still empty") in text
    assert not elements(card, "Chart.Line")
    assert not any(word in text.lower() for word in ("gemist", "vergeten", "missed", "forgot"))


def test_the_button_is_added_to_a_card_without_changing_it() -> None:
    done = close_done_card(
        lang="nl", day=FRIDAY, mood=4, goals=["lezen"], goal_status=["done"], note_given=False
    )
    offered = with_week_button(done, lang="nl", team_ref=7)
    assert offered["body"] == done["body"]
    assert "actions" not in done  # the original is left as it was
    (button,) = offered["actions"]
    assert button == {
        "type": "Action.Submit",
        "title": "Bekijk je week",
        "data": {"verb": OPEN_WEEK, "team": 7},
    }
    english = with_week_button(done, lang="en", team_ref=7)
    assert english["actions"][0]["title"] == "See your week"
