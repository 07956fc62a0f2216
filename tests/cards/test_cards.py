"""The cards: stable JSON (snapshots), inputs the flows can read, and a complete catalogue."""

from __future__ import annotations

import string
from collections.abc import Iterator
from datetime import date, time
from typing import Any

import pytest

from cards.alerts import AlertView, alert_card, picked_up_card
from cards.catalogue import catalogue, lang_of, t
from cards.checkin import MOODS, checkin_card, close_card, expired_card
from cards.common import choice_buttons_card
from cards.confirmations import checkin_done_card, close_done_card
from cards.gallery import pupil_card_variants
from cards.mentor import (
    ContactDraft,
    ContactRow,
    contact_card,
    contact_saved_card,
    contacts_card,
)
from cards.pupil_page import PupilPage, pupil_page_card
from cards.pupils import PupilRow, pupils_card
from cards.settings import settings_card
from cards.week import OPEN_WEEK
from domain.team_settings import TeamSettings
from tests.cards.snapshot import assert_snapshot

DAY = date(2026, 11, 23)
SETTINGS = TeamSettings.model_construct(
    start_time=time(9),
    close_time=time(14, 45),
    reminder_time=time(10),
    mentor_list_time=time(10, 30),
    region="midden",
    class_channel_id="19:a@thread.tacv2",
    coordinator_channel_id=None,
    meeting_link=None,
    free_days=[date(2027, 3, 12)],
    liberation_day="lustrum",
    good_friday_off=False,
    opp_cycle_weeks=8,
    behavioural_scientist=None,
    contact_pickup_hours=2,
    progress_talk_weeks=1,
    age_band="midden",
)


def all_cards() -> Iterator[tuple[str, dict[str, Any]]]:
    for lang in ("nl", "en"):
        yield f"checkin_{lang}", checkin_card(lang=lang, first_name="Sanne", day=DAY, team_ref=7)
        yield (
            f"checkin_done_{lang}",
            checkin_done_card(
                lang=lang, day=DAY, mood=4, energy=2, goals=["rekenen"], wants_contact=True
            ),
        )
        yield (
            f"close_goals_{lang}",
            close_card(lang=lang, first_name="Sanne", day=DAY, team_ref=7, goals=["a", "b"]),
        )
        yield (
            f"close_no_goals_{lang}",
            close_card(lang=lang, first_name="Sanne", day=DAY, team_ref=7, goals=[]),
        )
        yield (
            f"close_done_{lang}",
            close_done_card(
                lang=lang,
                day=DAY,
                mood=2,
                goals=["a", "b"],
                goal_status=["done", None],
                note_given=True,
            ),
        )
        yield f"expired_{lang}", expired_card(lang=lang, day=DAY)
        yield (
            f"alert_close_{lang}",
            alert_card(
                lang=lang,
                view=AlertView(
                    pupil="Noah",
                    moment="close",
                    mood=2,
                    wants_contact=True,
                    goals=["rekenen", "lezen"],
                    goal_status=["done", None],
                    note="ik vind het moeilijk",
                ),
                team_id=7,
                alert_id=5,
                pupil_id=3,
            ),
        )
        start_alert = alert_card(
            lang=lang,
            view=AlertView(pupil="Noah", moment="start", mood=4, goals=["rekenen"], waited_hours=2),
            team_id=7,
            alert_id=6,
            pupil_id=3,
        )
        yield f"alert_start_escalated_{lang}", start_alert
        yield f"alert_picked_up_{lang}", picked_up_card(start_alert, line="✅ Opgepakt door Fatima")
        yield (
            f"settings_{lang}",
            settings_card(
                lang=lang,
                values=SETTINGS,
                channels=[("19:a@thread.tacv2", "Algemeen")],
                team_ref=7,
            ),
        )
        yield (
            f"pupils_{lang}",
            pupils_card(
                lang=lang,
                day=DAY,
                title="Jouw leerlingen",
                subtitle="2 van 4 vragen nu aandacht",
                team_ref=7,
                rows=[
                    PupilRow(
                        "Sanne",
                        start_mood=2,
                        goals=["rekenen"],
                        wants_contact=True,
                        days_since_contact=8,
                        pupil_id=1,
                        attention="wish",
                        alert_id=9,
                    ),
                    PupilRow("Bram", pupil_id=4, attention="missing", note_today=True),
                    PupilRow(
                        "Daan", paused_until=date(2026, 11, 27), days_since_contact=1, pupil_id=2
                    ),
                    PupilRow("Noah", close_mood=4, mentor="Fatima", pupil_id=3),
                ],
            ),
        )
        yield (
            f"contact_form_{lang}",
            contact_card(
                lang=lang,
                pupils=[(1, "Sanne")],
                team_ref=7,
                nonce="n" * 32,
                today=DAY,
                draft=ContactDraft(pupil_id=1, kind="bellen"),
                problem="?",
            ),
        )
        row = ContactRow(
            id=3,
            day=DAY,
            kind="huisbezoek",
            minutes=90,
            author="Fatima",
            note="met moeder",
            editable=True,
        )
        yield (
            f"contacts_{lang}",
            contacts_card(lang=lang, pupil="Sanne", rows=[row], team_ref=7),
        )
        yield (
            f"contact_saved_{lang}",
            contact_saved_card(lang=lang, summary="ok", team_ref=7, contact_id=3, undo_minutes=10),
        )
        yield (
            f"pupil_page_{lang}",
            pupil_page_card(
                lang=lang,
                page=PupilPage(
                    name="Sanne",
                    mentor="Fatima",
                    paused_until=None,
                    moods=[(DAY, 4), (date(2026, 11, 24), None)],
                    school_days=2,
                    checked_in=1,
                    goal_counts={"done": 2, "not": 1},
                    contacts=[row],
                    notes=[(DAY, "ik vind het moeilijk")],
                    feelings=[("moe", 3), ("blij", 1)],
                ),
            ),
        )
    yield "choice_buttons", choice_buttons_card(title="Wie?", buttons=[("A", "rol #1 mentor")])
    for name, card in pupil_card_variants():
        yield f"pupil_{name}", card


@pytest.mark.parametrize(("name", "card"), list(all_cards()))
def test_card_matches_snapshot(name: str, card: dict[str, Any]) -> None:
    assert card["type"] == "AdaptiveCard"
    assert card["version"] == "1.5"
    assert_snapshot(name, card)


def walk(node: Any) -> Iterator[dict[str, Any]]:
    if isinstance(node, dict):
        yield node
        for value in node.values():
            yield from walk(value)
    elif isinstance(node, list):
        for item in node:
            yield from walk(item)


def inputs(card: dict[str, Any]) -> list[dict[str, Any]]:
    return [n for n in walk(card) if str(n.get("type", "")).startswith("Input.")]


def test_checkin_card_inputs_are_what_the_flow_reads() -> None:
    card = checkin_card(lang="nl", first_name="Sanne", day=DAY, team_ref=7)
    ids = [i["id"] for i in inputs(card)]
    assert ids == ["mood", "feeling", "goal1", "goal2", "goal3", "energy", "contact"]
    mood = inputs(card)[0]
    assert mood["isRequired"] is True
    assert sorted(c["value"] for c in mood["choices"]) == ["1", "2", "3", "4", "5"]
    assert card["actions"][0]["data"] == {"verb": "checkin.submit", "day": "2026-11-23", "team": 7}
    assert card["actions"][0]["style"] == "positive"
    assert [m.value for m in MOODS] == [5, 4, 3, 2, 1]


def test_done_cards_cannot_be_sent_again() -> None:
    for name, card in all_cards():
        if "done" in name or "expired" in name:
            assert inputs(card) == []
            submits = [n for n in walk(card) if n.get("type") == "Action.Submit"]
            # only the offer to look at the week, never a way to send the answer again
            assert all(n["data"]["verb"] == OPEN_WEEK for n in submits), name


def test_every_submit_names_its_verb() -> None:
    for name, card in all_cards():
        for action in (n for n in walk(card) if n.get("type") == "Action.Submit"):
            assert isinstance(action["data"].get("verb"), str), name
        ids = [i["id"] for i in inputs(card)]
        assert len(ids) == len(set(ids)), name


def placeholders(text: str) -> set[str]:
    return {field for _, field, _, _ in string.Formatter().parse(text) if field}


def test_catalogue_is_complete_and_consistent() -> None:
    messages = catalogue()
    assert len(messages) > 100
    for key, texts in messages.items():
        assert texts["nl"].strip(), key
        assert texts["en"].strip(), key
        assert placeholders(texts["nl"]) == placeholders(texts["en"]), key


def test_language_follows_the_teams_locale() -> None:
    assert lang_of("en-US") == "en"
    assert lang_of("nl-NL") == "nl"
    assert lang_of("fr-FR") == "nl"
    assert lang_of(None) == "nl"
    assert t("settings.saved", "en") == "Saved. ✅"


def test_texts_have_no_angle_brackets() -> None:
    """Teams renders text as markdown with HTML: a `<naam>` would vanish or show escaped."""
    for key, texts in catalogue().items():
        for text in texts.values():
            assert "<" not in text, key
