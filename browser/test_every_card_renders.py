"""Every card the bot sends (the staff's too: alerts, lists, digests, reports, settings) parsed,
validated and rendered by Microsoft's Adaptive Cards renderer at 340 px, as Teams on a phone
shows it: no findings (a chart only with a fallback that renders) and nothing wider than the
phone. The pupils' cards are checked more closely in test_cards_on_a_phone.py.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser

from browser.card_on_a_phone import PhoneRenderer, finding_problems, width_problems
from tests.cards.test_cards import all_cards

CARDS = [pytest.param(name, card, id=name) for name, card in all_cards()]


@pytest.fixture(scope="module")
def rendered(browser: Browser, artifacts: Path) -> Iterator[dict[str, dict[str, Any]]]:
    """Each card rendered once (both checks share it); screenshots in var/e2e/all-cards/."""
    phone = PhoneRenderer(browser)
    try:
        yield {
            name: phone.render(card, artifacts / "all-cards" / f"{name}.png")
            for name, card in all_cards()
        }
    finally:
        phone.close()


@pytest.mark.parametrize(("name", "card"), CARDS)
def test_renders_without_findings(
    name: str, card: dict[str, Any], rendered: dict[str, dict[str, Any]]
) -> None:
    problems = finding_problems(rendered[name])
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize(("name", "card"), CARDS)
def test_fits_a_phone_340_px_wide(
    name: str, card: dict[str, Any], rendered: dict[str, dict[str, Any]]
) -> None:
    problems = width_problems(rendered[name])
    assert not problems, "\n".join(problems)
