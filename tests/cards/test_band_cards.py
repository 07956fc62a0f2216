"""The check-in and close cards per age band: what each band sees, and what its submit carries."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from cards.catalogue import Lang, t
from cards.checkin import checkin_card, close_card
from cards.confirmations import checkin_done_card, close_done_card, followup
from cards.faces import face_path, with_public_images
from cards.gallery import pupil_card_variants
from domain.age import AgeBand
from domain.feelings import MIDDEN_FEELINGS, OUD_FEELINGS
from tests.cards.test_cards import inputs, walk

DAY = date(2026, 11, 23)
LANGS: tuple[Lang, ...] = ("nl", "en")


def hidden_ids(card: dict[str, Any]) -> set[str]:
    """Ids of inputs inside a section the card folds away."""
    found: set[str] = set()
    for node in walk(card):
        if node.get("isVisible") is False:
            found |= {i["id"] for i in inputs(node)}
    return found


def visible_inputs(card: dict[str, Any]) -> list[str]:
    return [i["id"] for i in inputs(card) if i["id"] not in hidden_ids(card)]


@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize("band", [AgeBand.MIDDEN, AgeBand.OUD])
def test_older_bands_start_short_mood_first_the_rest_folded(lang: Lang, band: AgeBand) -> None:
    card = checkin_card(lang=lang, first_name="Sanne", day=DAY, team_ref=7, band=band)
    assert visible_inputs(card) == ["mood", "feeling", "goal1", "contact"]
    assert hidden_ids(card) == {"goal2", "goal3", "energy"}
    feeling = next(i for i in inputs(card) if i["id"] == "feeling")
    assert feeling["style"] == "compact"  # one line until opened
    expected = MIDDEN_FEELINGS if band is AgeBand.MIDDEN else OUD_FEELINGS
    assert [c["value"] for c in feeling["choices"]] == list(expected)
    toggles = [n for n in walk(card) if n.get("type") == "Action.ToggleVisibility"]
    assert [a["title"] for a in toggles] == [
        t("checkin.more_goals", lang),
        t("checkin.show_energy", lang),
    ]
    goal1 = next(i for i in inputs(card) if i["id"] == "goal1")
    assert goal1["placeholder"] == t(f"checkin.goal_placeholder.{band.value}.1", lang)


def test_each_band_has_its_own_goal_examples() -> None:
    for lang in LANGS:
        for i in (1, 2, 3):
            midden = t(f"checkin.goal_placeholder.midden.{i}", lang)
            oud = t(f"checkin.goal_placeholder.oud.{i}", lang)
            assert midden != oud
    assert "blz. 12" not in t("checkin.goal_placeholder.oud.1")


@pytest.mark.parametrize("band", [AgeBand.MIDDEN, AgeBand.OUD])
def test_older_close_says_not_yet_and_folds_the_note(band: AgeBand) -> None:
    card = close_card(lang="nl", first_name="Sanne", day=DAY, team_ref=7, goals=["a"], band=band)
    assert visible_inputs(card) == ["mood", "feeling", "goal1", "contact"]
    assert hidden_ids(card) == {"note"}
    goal = next(i for i in inputs(card) if i["id"] == "goal1")
    assert [c["title"] for c in goal["choices"]] == ["✅ Gelukt", "🌓 Een beetje", "🌱 Nog niet"]
    assert "❌" not in str(card)


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_youngest_tap_a_face_to_send_and_type_nothing(lang: Lang) -> None:
    card = checkin_card(lang=lang, first_name="Sanne", day=DAY, team_ref=7, band=AgeBand.JONG)
    assert "actions" not in card  # the faces send
    assert visible_inputs(card) == ["goals"]  # picture choices; the parent's note is folded
    assert hidden_ids(card) == {"note", "contact"}
    goals = inputs(card)[0]
    assert goals["isMultiSelect"] is True and "isRequired" not in goals
    images = [n for n in walk(card) if n.get("type") == "Image"]
    assert [i["url"] for i in images] == [face_path(m) for m in (5, 4, 3, 2, 1)]
    for image, mood in zip(images, (5, 4, 3, 2, 1), strict=True):
        assert image["altText"] == t("young.face_alt", lang, mood=t(f"mood.{mood}", lang))
        assert image["selectAction"]["type"] == "Action.Submit"
        assert image["selectAction"]["data"] == {
            "verb": "checkin.submit",
            "day": "2026-11-23",
            "team": 7,
            "mood": str(mood),
        }
    parent = t("young.parent_start", lang, name="Sanne")
    assert parent in str(card)


def test_youngest_close_ticks_what_went_well() -> None:
    card = close_card(
        lang="nl",
        first_name="Sanne",
        day=DAY,
        team_ref=7,
        goals=["📖 Lezen", "🖍️ Tekenen"],
        band=AgeBand.JONG,
    )
    done = inputs(card)[0]
    assert done["id"] == "done" and done["isMultiSelect"] is True
    assert [(c["title"], c["value"]) for c in done["choices"]] == [
        ("📖 Lezen", "1"),
        ("🖍️ Tekenen", "2"),
    ]
    faces = [n for n in walk(card) if n.get("type") == "Image"]
    assert {f["selectAction"]["data"]["verb"] for f in faces} == {"close.submit"}
    no_goals = close_card(
        lang="nl", first_name="Sanne", day=DAY, team_ref=7, goals=[], band=AgeBand.JONG
    )
    assert "done" not in [i["id"] for i in inputs(no_goals)]


def test_every_mood_has_a_kind_word_and_a_low_one_says_who_reads_only_when_true() -> None:
    for lang in LANGS:
        lines = {followup(m, lang, None) for m in range(1, 6)}
        assert len(lines) == 5
    assert "mentor" not in followup(1, "nl", None)
    assert followup(1, "nl", "mentor").endswith("Je mentor leest dit vandaag.")
    assert followup(2, "en", "school").endswith("Someone from school reads this today.")
    assert "mentor" not in followup(4, "nl", "mentor")  # a good mood alerts nobody


def test_confirmations_show_the_named_feeling_and_the_face() -> None:
    done = checkin_done_card(
        lang="nl", day=DAY, mood=4, energy=None, goals=[], wants_contact=False, feeling="trots"
    )
    assert "🙂 Goed · trots" in str(done)
    young = close_done_card(
        lang="en",
        day=DAY,
        mood=1,
        goals=["📖 Reading", "🖍️ Drawing"],
        goal_status=["done", None],
        note_given=True,
        band=AgeBand.JONG,
        reader="mentor",
    )
    text = str(young)
    assert face_path(1) in text and "Tough" in text
    assert "📖 Reading" in text and "Drawing" not in text  # only what went well
    assert "Your mentor reads this today." in text


def test_pictures_are_made_absolute_under_the_public_address() -> None:
    card = checkin_card(lang="nl", first_name="S", day=DAY, team_ref=7, band=AgeBand.JONG)
    shown = with_public_images(card, "https://bot.school.nl/dagritme/")
    urls = {n["url"] for n in walk(shown) if n.get("type") == "Image"}
    assert urls == {f"https://bot.school.nl/dagritme/images/face-{m}.png" for m in range(1, 6)}
    assert {n["url"] for n in walk(card) if n.get("type") == "Image"} == {
        face_path(m) for m in range(1, 6)
    }  # the card itself is unchanged
    assert with_public_images(card, "") == card


def test_gallery_has_every_variant_in_both_languages() -> None:
    names = [name for name, _ in pupil_card_variants()]
    assert len(names) == len(set(names))
    for lang in LANGS:
        for band in ("jong", "midden", "oud"):
            for kind in ("checkin", "close_goals", "close_no_goals", "checkin_done", "close_done"):
                assert f"{kind}_{band}_{lang}" in names
        assert f"expired_{lang}" in names
    for _, card in pupil_card_variants():
        assert card["version"] == "1.5"
        for image in (n for n in walk(card) if n.get("type") == "Image"):
            assert image["url"].startswith("http://127.0.0.1:3978/images/")
