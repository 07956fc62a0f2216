"""Text stays text: what people typed shows as typed in every card and message, never as Markdown.

The cards and messages are read with a CommonMark parser (markdown-it, as Teams reads them with
its own): a card built with a hostile value must have the same Markdown structure (links,
emphasis, headings, lists) as the same card built with an ordinary name, and show the hostile
value character for character.
"""

from __future__ import annotations

import logging
import string
from collections.abc import Callable, Iterator
from datetime import date, timedelta
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from markdown_it import MarkdownIt
from markdown_it.token import Token

from cards.alerts import AlertView, alert_card
from cards.catalogue import Lang, catalogue, t
from cards.checkin import checkin_card, close_card
from cards.common import choice_buttons_card, confirm_card
from cards.confirmations import checkin_done_card, close_done_card
from cards.digest import (
    DailyFigures,
    DayFigures,
    NamedSignal,
    WeeklyFigures,
    WeekSummary,
)
from cards.digest_pages import daily_digest_card, weekly_digest_card
from cards.mentor import (
    ContactRow,
    contact_card,
    contacts_card,
)
from cards.opp import (
    EvaluationRow,
    OppRow,
    Trend,
    opp_history_card,
    opp_list_card,
    opp_nudge_card,
    opp_overview_card,
)
from cards.plain import Markdown, plain, url
from cards.pupil_page import PupilPage, pupil_page_card
from cards.pupils import PupilRow, pupils_card
from cards.settings import settings_card
from domain.age import AgeBand
from domain.alerts import PickupFigures
from tests.cards import test_cards

DAY = date(2026, 11, 23)
MD = MarkdownIt("commonmark").enable(["table", "strikethrough"])
# The parser logs every rule it tries at DEBUG; thousands of parses here need none of that.
logging.getLogger("markdown_it").setLevel(logging.INFO)

HOSTILE = [
    "[Teams-sessie verlopen: log opnieuw in](https://evil.example)",
    "[x](https://example.com)",
    "**bold**",
    "_it_",
    "# heading",
    "- item",
    "1. een",
    "+ plus",
    "> quote",
    "`code`",
    "~~weg~~",
    "<at>Daan</at>",
    "<https://example.com>",
    "![beeld](https://example.com/a.png)",
    "&amp; &#35;",
    "{{DATE(2017-02-14T06:00:00Z, SHORT)}}",
    "a \\*b\\* c\\",
    "regel\n# kop\n- punt\n1. lijst\n---\n===",
]
ORDINARY = [
    "Daan de Vries",
    "Anne-Fleur",
    "Fatima el Amrani",
    "Zoë O'Brien",
    "Jan-Willem (JW) 2.0",
    "blz. 12 (rekenen)!",
    "3.5 uur, 50% af",
    "rekenen & lezen",
]
# Escaped at the start of a line though CommonMark would not need it: Teams' renderers are not all
# CommonMark (one shows a lone "-" as a bullet), and the escape there costs nothing.
ODD = ["#1 doel", "-5 graden", "=", "2)"]
BENIGN = "Sanne"

STRUCTURE_FREE = {"text", "softbreak", "hardbreak", "inline"}


def structure(markdown: str) -> list[str]:
    """The Markdown structure of a text: every token but plain text and line breaks."""
    found: list[str] = []

    def walk(tokens: list[Token]) -> None:
        for token in tokens:
            if token.type not in STRUCTURE_FREE:
                found.append(token.type)
            walk(token.children or [])

    walk(MD.parse(markdown))
    return found


def shown(markdown: str) -> str:
    """The characters a reader sees: text, with a newline where a line broke."""
    lines: list[str] = []

    def walk(tokens: list[Token]) -> None:
        for token in tokens:
            if token.type == "text":
                lines.append(token.content)
            elif token.type in ("softbreak", "hardbreak"):
                lines.append("\n")
            elif token.type == "paragraph_close":
                lines.append("\n\n")
            walk(token.children or [])

    walk(MD.parse(markdown))
    return "".join(lines)


# --- the rule itself ---------------------------------------------------------------------------


@pytest.mark.parametrize("typed", HOSTILE + ORDINARY + ODD)
def test_plain_text_reads_back_as_typed(typed: str) -> None:
    escaped = plain(typed)
    assert structure(escaped) == ["paragraph_open", "paragraph_close"]
    assert shown(escaped).strip("\n") == typed


@pytest.mark.parametrize("typed", ORDINARY)
def test_ordinary_text_needs_no_escaping(typed: str) -> None:
    assert plain(typed) == typed


@pytest.mark.parametrize("typed", HOSTILE)
def test_plain_text_is_text_wherever_a_template_puts_it(typed: str) -> None:
    for template in ("{}", "Plan: {}", "- **{}**: ok", "x\n\n{}\n\ny", "**{}**"):
        benign = template.format(BENIGN)
        hostile = template.format(plain(typed))
        assert structure(hostile) == structure(benign), (template, typed)
        assert typed in shown(hostile), (template, typed)


@given(st.text(alphabet=st.characters(exclude_categories=("Cs", "Cc", "Zl", "Zp")), min_size=1))
def test_any_line_reads_back_as_typed(typed: str) -> None:
    typed = typed.strip()
    if typed:
        assert structure(plain(typed)) == ["paragraph_open", "paragraph_close"]
        assert shown(plain(typed)).strip("\n") == typed


@given(st.lists(st.text(alphabet=string.printable.strip(), min_size=1), min_size=2, max_size=5))
def test_any_lines_read_back_as_typed(lines: list[str]) -> None:
    typed = "\n".join(line.strip() for line in lines if line.strip())
    if typed:
        assert structure(plain(typed)) == ["paragraph_open", "paragraph_close"]
        assert shown(plain(typed)).strip("\n") == typed


def test_our_own_markdown_is_not_escaped_again() -> None:
    assert plain(Markdown("**hulp**")) == "**hulp**"
    assert plain(plain("**x**")) == plain("**x**")
    assert t("help.intro", "nl", role=t("role.mentor", "nl")) == (
        "Dit kun je mij vragen (je bent hier **mentor**):"
    )


def test_a_link_target_cannot_end_early() -> None:
    link = "https://teams.microsoft.com/l/meetup-join/19%3ameeting_Nj@thread.v2/0?context=%7b%7d"
    assert url(link) == link
    sneaky = "https://x.example/a)**[Log in](https://evil.example)**"
    text = t("rhythm.day_start_meeting", "nl", link=url(sneaky))
    assert structure(text) == structure(t("rhythm.day_start_meeting", "nl", link=url(link)))
    inline = MD.parse(text)[1].children or []
    targets = [str(token.attrs["href"]) for token in inline if token.type == "link_open"]
    assert targets == [url(sneaky)]  # one link, the whole address: nothing escaped it
    assert shown(text).startswith("Doe mee met de dagstart: vergadering openen")


# --- every message ------------------------------------------------------------------------------


def fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def fill(key: str, lang: Lang, value: str) -> str:
    names = fields(catalogue()[key][lang])
    values: dict[str, object] = {name: value for name in names}
    if key == "rhythm.day_start_meeting":
        values["link"] = url("https://teams.microsoft.com/l/" + value)
    if key == "inzage.too_large":  # ids in a command to copy
        values = {"id": 12, "team": 3}
    return t(key, lang, **values)


@pytest.mark.parametrize("typed", HOSTILE)
def test_every_message_shows_a_typed_value_as_typed(typed: str) -> None:
    for key, texts in catalogue().items():
        for lang in ("nl", "en"):
            if not fields(texts[lang]):
                continue
            hostile, benign = fill(key, lang, typed), fill(key, lang, BENIGN)
            assert structure(hostile) == structure(benign), (key, lang)
            if key not in ("rhythm.day_start_meeting", "inzage.too_large"):
                assert typed in shown(hostile), (key, lang)


def test_placeholders_are_never_inside_code_or_a_link_text() -> None:
    """Inside `code` an escape shows as a backslash; the only value in a link is its target."""
    for key, texts in catalogue().items():
        for text in texts.values():
            code_spans = text.split("`")[1::2]
            for span in code_spans:
                assert fields(span) <= {"id", "team"}, key  # numbers only
            if "](" in text:
                assert key == "rhythm.day_start_meeting", key


def test_alert_names_the_pupil_and_shows_the_note_as_typed() -> None:
    hostile = "[Daan](https://evil.example)"
    card = alert_card(
        lang="nl",
        view=AlertView(pupil=hostile, moment="start", mood=1, note=hostile),
        team_id=7,
        alert_id=5,
        pupil_id=3,
    )
    title, *_ = markdown_texts(card)
    assert title.startswith("🔔 ")
    assert structure(title) == ["paragraph_open", "paragraph_close"]
    assert hostile in shown(title)


def test_settings_summary_shows_names_and_link_as_typed() -> None:
    values: dict[str, object] = {
        name: "—" for name in fields(catalogue()["settings.summary"]["nl"])
    }
    hostile = {
        **values,
        "class_channel": "**Klas 3**",
        "meeting_link": "https://teams.microsoft.com/l/meetup-join/19%3ameeting_abc_def",
        "behavioural_scientist": "[dr. X](https://evil.example)",
    }
    summary = t("settings.summary", "nl", **hostile)
    assert structure(summary) == structure(t("settings.summary", "nl", **values))
    for typed in ("**Klas 3**", hostile["meeting_link"], "[dr. X](https://evil.example)"):
        assert typed in shown(summary)


# --- every card ---------------------------------------------------------------------------------


def markdown_texts(card: Any) -> Iterator[str]:
    """Every text in a card that Teams reads as Markdown."""
    if isinstance(card, list):
        for item in card:
            yield from markdown_texts(item)
        return
    if not isinstance(card, dict):
        return
    kind = str(card.get("type", ""))
    if kind == "TextBlock":
        yield card["text"]
    if kind.startswith("Input.") and "label" in card:
        yield card["label"]
    if kind == "Input.ChoiceSet" and card.get("style") == "expanded":
        yield from (choice["title"] for choice in card["choices"])
    if kind == "Input.Toggle":
        yield card["title"]
    for fact in card.get("facts", []):
        yield fact["title"]
        yield fact["value"]
    for value in card.values():
        if isinstance(value, list | dict):
            yield from markdown_texts(value)


def plain_texts(card: Any) -> Iterator[str]:
    """Texts Teams shows as they are: buttons, drop-down choices, input values."""
    if isinstance(card, list):
        for item in card:
            yield from plain_texts(item)
        return
    if not isinstance(card, dict):
        return
    kind = str(card.get("type", ""))
    if kind.startswith("Action."):
        yield card["title"]
    if kind == "Input.ChoiceSet" and card.get("style") != "expanded":
        yield from (choice["title"] for choice in card["choices"])
    if kind.startswith("Input.") and isinstance(card.get("value"), str):
        yield card["value"]
    for value in card.values():
        if isinstance(value, list | dict):
            yield from plain_texts(value)


SETTINGS = test_cards.SETTINGS.model_copy(
    update={"meeting_link": "https://teams.microsoft.com/l/meetup-join/abc", "free_days": []}
)
TREND = Trend(DAY, 20, 15, 3.4, 3.0, 3.8, 4)


def opp_row(name: str, mentor: str | None = None) -> OppRow:
    return OppRow(pupil_id=1, name=name, due=DAY, days_left=-2, mentor=mentor)


def contact_row(author: str, note: str) -> ContactRow:
    return ContactRow(id=3, day=DAY, kind="bellen", minutes=15, author=author, note=note)


def signal(name: str) -> NamedSignal:
    return NamedSignal(
        pupil=name, mentor=name, sentence=t("signal.no_contact", "nl", detail=8, since="ma 16 nov")
    )


CARDS: dict[str, Callable[[str], dict[str, Any]]] = {
    "leerlingen": lambda v: pupils_card(
        lang="nl",
        day=DAY,
        title=t("pupils.title.coordinator", "nl", team=v),
        rows=[
            PupilRow(v, start_mood=2, goals=[v, v], wants_contact=True, close_mood=3, mentor=v),
            PupilRow(v, paused_until=DAY, days_since_contact=9),
        ],
    ),
    "leerling": lambda v: pupil_page_card(
        lang="nl",
        page=PupilPage(
            name=v,
            mentor=v,
            paused_until=None,
            moods=[(DAY, 3)],
            school_days=20,
            checked_in=1,
            contacts=[contact_row(v, v)],
        ),
    ),
    "leerlingen_long": lambda v: pupils_card(
        lang="nl",
        day=DAY,
        title=t("pupils.title.mentor", "nl"),
        team_ref=7,
        rows=[
            PupilRow(v, start_mood=2, wants_contact=True, pupil_id=n, attention="wish")
            for n in range(1, 80)
        ],
    ),
    "contacten": lambda v: contacts_card(lang="nl", pupil=v, rows=[contact_row(v, v)], team_ref=7),
    "log": lambda v: contact_card(
        lang="nl", pupils=[(1, v)], team_ref=7, nonce="n" * 32, today=DAY
    ),
    "checkin": lambda v: checkin_card(lang="nl", first_name=v, day=DAY, team_ref=7),
    "checkin_done": lambda v: checkin_done_card(
        lang="nl", day=DAY, mood=2, energy=1, goals=[v, v], wants_contact=True
    ),
    "close": lambda v: close_card(lang="nl", first_name=v, day=DAY, team_ref=7, goals=[v, v]),
    "close_done": lambda v: close_done_card(
        lang="nl", day=DAY, mood=4, goals=[v, v], goal_status=["done", None], note_given=True
    ),
    "checkin_jong": lambda v: checkin_card(
        lang="nl", first_name=v, day=DAY, team_ref=7, band=AgeBand.JONG
    ),
    "checkin_done_jong": lambda v: checkin_done_card(
        lang="nl", day=DAY, mood=2, energy=None, goals=[v], wants_contact=False, band=AgeBand.JONG
    ),
    "close_jong": lambda v: close_card(
        lang="nl", first_name=v, day=DAY, team_ref=7, goals=[v, v], band=AgeBand.JONG
    ),
    "close_done_jong": lambda v: close_done_card(
        lang="nl",
        day=DAY,
        mood=4,
        goals=[v, v],
        goal_status=["done", None],
        note_given=True,
        band=AgeBand.JONG,
    ),
    "alert": lambda v: alert_card(
        lang="nl",
        view=AlertView(
            pupil=v,
            moment="close",
            mood=2,
            wants_contact=True,
            goals=[v, v],
            goal_status=["done", None],
            note=v,
            waited_hours=2,
        ),
        team_id=7,
        alert_id=5,
        pupil_id=3,
    ),
    "settings": lambda v: settings_card(
        lang="nl",
        values=SETTINGS.model_copy(update={"behavioural_scientist": v}),
        channels=[("19:a@thread.tacv2", v)],
        team_ref=7,
    ),
    "opp": lambda v: opp_list_card(
        lang="nl",
        title=t("opp.title.coordinator", "nl", team=v),
        rows=[opp_row(v, v)],
        missing=[v, v],
    ),
    "opp_history": lambda v: opp_history_card(
        lang="nl",
        row=opp_row(v),
        start=DAY,
        cycle_weeks=8,
        evaluations=[EvaluationRow(DAY, ["ouders"], v, v)],
        team_ref=7,
        nonce="n" * 32,
        participants=["leerling"],
    ),
    "opp_nudge": lambda v: opp_nudge_card(
        lang="nl",
        row=opp_row(v),
        stage="late",
        trend=TREND,
        participants=["gedragswetenschapper"],
        behavioural_scientist=v,
        team_ref=7,
        nonce="n" * 32,
    ),
    "opp_overview": lambda v: opp_overview_card(
        lang="nl", day=DAY, groups={v: [opp_row(v)], t("opp.overview.no_mentor", "nl"): []}
    ),
    "daily_digest": lambda v: daily_digest_card(
        lang="nl",
        figures=DailyFigures(
            team=v,
            day=DAY,
            pupils=3,
            starts=2,
            closes=1,
            moods={2: 1, 4: 1},
            new_signals=[signal(v)],
            open_signals=1,
            contacts=2,
            paused=[(v, DAY)],
            failed_deliveries={},
        ),
    ),
    "weekly_digest": lambda v: weekly_digest_card(
        lang="nl",
        figures=WeeklyFigures(
            team=v,
            week_start=DAY,
            days=[DayFigures(DAY, 3, 2, 1, {3: 2})],
            open_signals=[signal(v)],
            contacts_per_mentor=[(v, 3)],
            without_contact=[v, v],
            opp=[opp_row(v)],
            this_week=WeekSummary(0.8, 3.2, 5),
            last_week=WeekSummary(0.7, 3.0, 4),
            pickup=[(v, PickupFigures(2, timedelta(minutes=30), timedelta(hours=2), 1))],
        ),
    ),
    "confirm": lambda v: confirm_card(
        question=t("wis.confirm", "nl", name=v), confirm=("ja", {}), cancel=("nee", {})
    ),
    "names": lambda v: choice_buttons_card(
        title=t("names.ambiguous", "nl", query=v, count=2), buttons=[(v, "rol #1 mentor")]
    ),
}


@pytest.mark.parametrize("typed", HOSTILE)
@pytest.mark.parametrize("name", sorted(CARDS))
def test_cards_show_typed_values_as_typed(name: str, typed: str) -> None:
    benign = list(markdown_texts(CARDS[name](BENIGN)))
    hostile = list(markdown_texts(CARDS[name](typed)))
    assert len(hostile) == len(benign)
    for ours, theirs in zip(benign, hostile, strict=True):
        assert structure(theirs) == structure(ours), (name, theirs)
    plain_hostile = list(plain_texts(CARDS[name](typed)))
    shown_anywhere = "\n".join([*map(shown, hostile), *plain_hostile])
    assert typed in shown_anywhere, name


@pytest.mark.parametrize("typed", HOSTILE)
def test_where_teams_shows_text_as_is_it_is_not_escaped(typed: str) -> None:
    for name in ("log", "settings", "names"):
        assert typed in list(plain_texts(CARDS[name](typed))), name


@pytest.mark.parametrize("name", sorted(CARDS))
def test_ordinary_names_read_naturally_on_every_card(name: str) -> None:
    for typed in ORDINARY:
        texts = [*markdown_texts(CARDS[name](typed)), *plain_texts(CARDS[name](typed))]
        assert any(typed in text for text in texts), (name, typed)


def test_a_goal_that_looks_like_a_link_is_no_link_in_the_mentors_overview() -> None:
    goal = "[Teams-sessie verlopen: log opnieuw in](https://evil.example)"
    texts = list(markdown_texts(CARDS["leerlingen"](goal)))
    plan = next(text for text in texts if text.startswith("Plan: "))
    assert "link_open" not in structure(plan)
    assert shown(plan).strip() == f"Plan: {goal}; {goal}"
    assert not any("[Teams-sessie" in text.replace("\\[", "") for text in texts)
