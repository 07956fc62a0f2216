"""Every pupil card, rendered by Microsoft's Adaptive Cards renderer on a phone-sized page.

Each variant of `cards.gallery.pupil_card_variants()` is parsed, validated and rendered by the npm
package `adaptivecards` in Chromium, into a container 340 CSS px wide, with a Teams-like host
config, and saved as var/e2e/cards/<variant>.png (a dashed line marks the bottom of the first
phone screen). Three things must hold for each:

1. **No findings.** The card says it is Adaptive Cards 1.5 (what Teams supports) and is parsed
   as 1.5, so a property of a later version is a finding too; the renderer's parse warnings and
   errors and `validateProperties()` report nothing, and no JavaScript error is logged. The one
   exception is a chart (`Chart.*`, which Teams draws and this renderer does not know): its
   "unknown element type" is accepted when it has a fallback element, which must then render.
2. **Fits the width.** The rendered card is at most 340 px wide, no element lies outside it, and
   no element's content is wider than its own box (nothing cut off or spilling sideways).
3. **The primary action is within reach.** The primary action is the card's first
   `Action.Submit` in reading order (body first, then the card's own buttons; an element made
   tappable by a `selectAction` counts as its button) together with the other `Action.Submit`
   buttons in the same top-level part of the card: the card's own buttons ("Verstuur"), or a
   row of face buttons in the body. All of them must be shown (not in an overflow menu). The
   card's sections are the top-level body elements as laid out, each counted with the spacing
   above it; a section is *optional* when it holds inputs and none of them is required. The
   pupil sees the first 640 px (a phone screen of 340 × 640 CSS px); the primary action is
   within reach when the bottom of its lowest button lies at most 640 px plus the height of the
   tallest optional section above it from the card's top: scrolling past one optional section
   is fine, past more is not. A card without an `Action.Submit` (a confirmation) has nothing to
   reach.

Beside them, made-up cards show that each check catches what it is for.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser

from browser.card_on_a_phone import (
    PHONE_HEIGHT,
    TEAMS_CARD_VERSION,
    PhoneRenderer,
    finding_problems,
    reach_problems,
    width_problems,
)
from cards.gallery import pupil_card_variants

VARIANTS = list(pupil_card_variants())
PARAMS = [pytest.param(name, card, id=name) for name, card in VARIANTS]
CARD_VERSION = TEAMS_CARD_VERSION
# Teams' fonts, and Liberation Sans (Arial's widths, installed with Debian's chromium): a page
# without any of them falls back to DejaVu Sans, which is wider and would wrap more.
TEAMS_WIDE_FONTS = {"Segoe UI", "Roboto", "Helvetica Neue", "Arial", "Liberation Sans"}

Render = Callable[[str, dict[str, Any]], dict[str, Any]]


@pytest.fixture(scope="module")
def phone(browser: Browser) -> Iterator[PhoneRenderer]:
    """One page with Microsoft's renderer for the whole module."""
    renderer = PhoneRenderer(browser)
    try:
        yield renderer
    finally:
        renderer.close()


@pytest.fixture(scope="module")
def render(phone: PhoneRenderer, artifacts: Path) -> Render:
    """Render a variant once (the three checks share it) and keep its screenshot."""
    done: dict[str, dict[str, Any]] = {}

    def rendered(name: str, card: dict[str, Any]) -> dict[str, Any]:
        if name not in done:
            done[name] = phone.render(card, artifacts / "cards" / f"{name}.png")
        return done[name]

    return rendered


def test_the_gallery_names_each_variant_once() -> None:
    names = [name for name, _ in VARIANTS]
    assert names, "pupil_card_variants() returned no cards"
    assert len(set(names)) == len(names), sorted(n for n in names if names.count(n) > 1)


def test_text_is_as_wide_as_in_teams(phone: PhoneRenderer, artifacts: Path) -> None:
    """Measured in a font of about Segoe UI's or Roboto's widths, not a wider fallback."""
    name, card = VARIANTS[0]
    phone.render(card, artifacts / "cards" / f"{name}.png")
    used = phone.fonts()
    assert used & TEAMS_WIDE_FONTS, f"text is set in {used}: apt-get install fonts-liberation"


@pytest.mark.parametrize(("name", "card"), PARAMS)
def test_renders_without_findings(name: str, card: dict[str, Any], render: Render) -> None:
    assert card.get("version") == CARD_VERSION, f"{name} is version {card.get('version')}"
    measured = render(name, card)
    assert measured["version"] == CARD_VERSION
    problems = finding_problems(measured)
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize(("name", "card"), PARAMS)
def test_fits_a_phone_340_px_wide(name: str, card: dict[str, Any], render: Render) -> None:
    problems = width_problems(render(name, card))
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize(("name", "card"), PARAMS)
def test_primary_action_within_reach(name: str, card: dict[str, Any], render: Render) -> None:
    problems = reach_problems(render(name, card))
    assert not problems, "\n".join(problems)


def _card(body: list[dict[str, Any]], *, send: bool = False) -> dict[str, Any]:
    card: dict[str, Any] = {"type": "AdaptiveCard", "version": CARD_VERSION, "body": body}
    if send:
        card["actions"] = [{"type": "Action.Submit", "title": "Verstuur", "data": {"v": 1}}]
    return card


def _text(text: str, **extra: Any) -> dict[str, Any]:
    return {"type": "TextBlock", "text": text, "wrap": True, **extra}


def _question(number: int, *, required: bool = True, tall: bool = False) -> dict[str, Any]:
    return {
        "type": "Input.Text",
        "id": f"q{number}",
        "label": f"Vraag {number}",
        "isRequired": required,
        "errorMessage": "Vul dit in",
        "isMultiline": tall,
    }


CHART = {"type": "Chart.Line", "title": "Stemming", "data": []}
EIGHT_REQUIRED = [_question(i) for i in range(8)]
CHECKS: dict[str, Callable[[dict[str, Any]], list[str]]] = {
    "findings": finding_problems,
    "width": width_problems,
    "reach": reach_problems,
}
CAUGHT = [
    ("findings", "chart_without_fallback", _card([CHART])),
    ("findings", "chart_dropped", _card([{**CHART, "fallback": "drop"}])),
    ("findings", "unknown_element", _card([{"type": "Foo.Bar", "fallback": _text("x")}])),
    (
        "findings",
        "unlabelled_required",
        _card([{"type": "Input.Text", "id": "a", "isRequired": True}]),
    ),
    (
        "findings",
        "property_of_a_later_version",
        _card([{**_question(1), "labelPosition": "inline"}]),
    ),
    (
        "width",
        "text_cut_off",
        _card([_text("Een zin die te lang is voor één regel op een telefoon", wrap=False)]),
    ),
    (
        "width",
        "columns_too_wide",
        _card(
            [
                {
                    "type": "ColumnSet",
                    "columns": [
                        {"type": "Column", "width": "200px", "items": [_text("links")]},
                        {"type": "Column", "width": "200px", "items": [_text("rechts")]},
                    ],
                }
            ]
        ),
    ),
    ("reach", "ten_required_questions", _card([_question(i) for i in range(10)], send=True)),
    (
        "reach",
        "two_optional_notes_to_pass",
        _card(
            [
                *EIGHT_REQUIRED,
                _question(10, required=False, tall=True),
                _question(11, required=False, tall=True),
            ],
            send=True,
        ),
    ),
]
PASSED = [
    ("findings", "chart_with_fallback", _card([{**CHART, "fallback": _text("Stemming: goed")}])),
    (
        "reach",
        "one_optional_note_to_pass",
        _card([*EIGHT_REQUIRED, _question(10, required=False, tall=True)], send=True),
    ),
]


@pytest.mark.parametrize(("check", "name", "card"), CAUGHT, ids=[c[1] for c in CAUGHT])
def test_each_check_catches_what_it_is_for(
    check: str, name: str, card: dict[str, Any], render: Render
) -> None:
    assert CHECKS[check](render(f"check_{name}", card))


@pytest.mark.parametrize(("check", "name", "card"), PASSED, ids=[c[1] for c in PASSED])
def test_each_check_lets_pass_what_it_allows(
    check: str, name: str, card: dict[str, Any], render: Render
) -> None:
    measured = render(f"check_{name}", card)
    problems = CHECKS[check](measured)
    assert not problems, "\n".join(problems)
    if check == "reach":  # the allowance is used: the button is below the first screen
        assert max(b["rect"]["bottom"] for b in measured["primary"]["buttons"]) > PHONE_HEIGHT
