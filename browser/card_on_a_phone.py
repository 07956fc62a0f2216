"""Adaptive Cards as a phone shows them: Microsoft's renderer in Debian's Chromium.

The renderer is the npm package `adaptivecards` (`make e2e` installs it into .cache/npm at a
pinned version), loaded into a page one phone screen wide and high (340 × 640 CSS px) with a host
config like Teams' (browser/teams_host_config.json: Segoe UI, or Roboto as on Android, 14 px text,
Teams' spacing). browser/card_on_a_phone.js parses, validates, renders and measures one card; the
functions here turn what it measured into the problems a person would see.
"""

from __future__ import annotations

import copy
import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from playwright.sync_api import Browser, ConsoleMessage, Page, Route

from browser.playground import NPM_PREFIX
from cards.gallery import LOCAL_URL

HERE = Path(__file__).resolve().parent
RENDERER = NPM_PREFIX / "node_modules" / "adaptivecards" / "dist" / "adaptivecards.min.js"
# The renderer shows texts as Markdown when markdown-it is on the page, as Teams does.
MARKDOWN = (
    NPM_PREFIX / "node_modules" / "markdown-it" / "dist" / "browser" / "markdown-it.umd.min.js"
)
MEASURE = HERE / "card_on_a_phone.js"
HOST_CONFIG = HERE / "teams_host_config.json"
# The pictures the bot serves (the youngest pupils' faces), as Teams would fetch them from it.
IMAGES = HERE.parent / "bot" / "images"
PHONE_WIDTH = 340
PHONE_HEIGHT = 640
# The Adaptive Cards version Teams renders: cards are parsed as this version.
TEAMS_CARD_VERSION = "1.5"
# Teams shows charts (Chart.Line, Chart.Donut, …) that Microsoft's web renderer does not know.
CHART_PREFIX = "Chart."
FALLBACK_ID = "dagritme-chart-fallback-{}"
UNKNOWN_TYPE = re.compile(r'Unknown element type "([^"]+)"')

STYLESHEET = RENDERER.with_name("adaptivecards.css")  # the renderer's own look of inputs
PAGE = f"""<!doctype html>
<html><head><meta charset="utf-8"><style>
  html, body {{ margin: 0; padding: 0; background: #fff; }}
  #card {{ width: {PHONE_WIDTH}px; }}
  /* Teams' page, built with Fluent UI, sizes boxes with their padding; the renderer gives the
     first element of a Markdown text (a list too) width 100%. */
  #card, #card * {{ box-sizing: border-box; }}
  #fold {{ position: absolute; left: 0; width: {PHONE_WIDTH}px; top: {PHONE_HEIGHT}px;
    border-top: 2px dashed #c4314b; pointer-events: none; }}
</style></head><body><div id="card"></div></body></html>"""
FOLD = """() => {
  const fold = document.createElement("div");
  fold.id = "fold";
  document.body.appendChild(fold);
}"""


class PhoneRenderer:
    """One Chromium page with Microsoft's renderer, rendering one card at a time."""

    def __init__(self, browser: Browser) -> None:
        for script in (MARKDOWN, RENDERER):
            if not script.exists():
                raise FileNotFoundError(f"{script} is missing: make e2e-adaptivecards")
        self.host_config: dict[str, Any] = json.loads(HOST_CONFIG.read_text(encoding="utf-8"))
        self.errors: list[str] = []
        self.page: Page = browser.new_page(
            viewport={"width": PHONE_WIDTH, "height": PHONE_HEIGHT}, device_scale_factor=2
        )
        self.page.on("console", self._console)
        self.page.route(f"{LOCAL_URL}/images/*", self._picture)
        self.page.on("pageerror", lambda error: self.errors.append(f"page error: {error}"))
        self.page.set_content(PAGE)
        self.page.add_style_tag(path=str(STYLESHEET))
        self.page.add_script_tag(path=str(MARKDOWN))
        self.page.add_script_tag(path=str(RENDERER))
        self.page.add_script_tag(path=str(MEASURE))

    @staticmethod
    def _picture(route: Route) -> None:
        """A picture from bot/images, as the bot serves it; anything else there is missing."""
        name = route.request.url.rsplit("/", 1)[-1]
        found = IMAGES / name
        if name.endswith(".png") and found.is_file():
            route.fulfill(path=str(found), content_type="image/png")
        else:
            route.fulfill(status=404)

    def _console(self, message: ConsoleMessage) -> None:
        if message.type == "error":
            self.errors.append(f"console error: {message.text}")

    def render(self, card: dict[str, Any], screenshot: Path) -> dict[str, Any]:
        """Parse, validate, render and measure `card`; save what it looks like to `screenshot`."""
        self.errors.clear()
        tagged, fallback_ids = tag_chart_fallbacks(card)
        measured: dict[str, Any] = self.page.evaluate(
            "([card, config, ids, version]) => window.renderOnPhone(card, config, ids, version)",
            [tagged, self.host_config, fallback_ids, TEAMS_CARD_VERSION],
        )
        self.page.evaluate(FOLD)
        screenshot.parent.mkdir(parents=True, exist_ok=True)
        self.page.screenshot(path=str(screenshot), full_page=True)
        measured["errors"] = list(self.errors)
        measured["charts"] = sorted(_chart_types(card))
        measured["charts_without_fallback"] = sorted(_charts_without_fallback(card))
        return measured

    def fonts(self, selector: str = ".ac-textBlock") -> set[str]:
        """The font families Chromium set the first `selector` of the last card in."""
        cdp = self.page.context.new_cdp_session(self.page)
        try:
            cdp.send("DOM.enable")
            cdp.send("CSS.enable")
            root = cdp.send("DOM.getDocument", {"depth": -1})["root"]["nodeId"]
            node = cdp.send("DOM.querySelector", {"nodeId": root, "selector": selector})
            used = cdp.send("CSS.getPlatformFontsForNode", {"nodeId": node["nodeId"]})
            return {font["familyName"] for font in used["fonts"]}
        finally:
            cdp.detach()

    def close(self) -> None:
        self.page.close()


def _elements(node: Any) -> Iterator[dict[str, Any]]:
    """Every object in a card's JSON that has a type, depth first."""
    if isinstance(node, dict):
        if isinstance(node.get("type"), str):
            yield node
        for value in node.values():
            yield from _elements(value)
    elif isinstance(node, list):
        for value in node:
            yield from _elements(value)


def _is_chart(element: dict[str, Any]) -> bool:
    return str(element["type"]).startswith(CHART_PREFIX)


def _chart_types(card: dict[str, Any]) -> set[str]:
    return {element["type"] for element in _elements(card) if _is_chart(element)}


def _charts_without_fallback(card: dict[str, Any]) -> set[str]:
    """Chart types used at least once without an element to show instead ("drop" shows none)."""
    return {
        element["type"]
        for element in _elements(card)
        if _is_chart(element) and not isinstance(element.get("fallback"), dict)
    }


def tag_chart_fallbacks(card: dict[str, Any]) -> tuple[dict[str, Any], list[str]]:
    """A copy of `card` whose charts' fallback elements all have an id, and those ids.

    The ids let the page find each fallback after rendering; an id changes nothing of the look.
    """
    tagged = copy.deepcopy(card)
    ids: list[str] = []
    for element in _elements(tagged):
        fallback = element.get("fallback")
        if _is_chart(element) and isinstance(fallback, dict):
            fallback.setdefault("id", FALLBACK_ID.format(len(ids)))
            ids.append(str(fallback["id"]))
    return tagged, ids


def finding_problems(measured: dict[str, Any]) -> list[str]:
    """Parse and validation findings, JavaScript errors, and charts that would show nothing.

    The renderer reports every chart as an unknown element type; that one finding is accepted
    for a chart type whose every use has a fallback element, and each fallback must then render.
    """
    charts_ok = set(measured["charts"]) - set(measured["charts_without_fallback"])
    problems = [f"{chart} has no fallback element" for chart in measured["charts_without_fallback"]]
    for finding in measured["findings"]:
        unknown = UNKNOWN_TYPE.search(finding["message"] or "")
        if finding["event"] == "UnknownElementType" and unknown and unknown[1] in charts_ok:
            continue
        problems.append(
            f"{finding['stage']} {finding['event']} ({finding['phase']}, "
            f"{finding['source'] or 'card'}): {finding['message']}"
        )
    for fallback in measured.get("fallbacks", []):
        rect = fallback["rect"]
        if rect is None or rect["height"] <= 0:
            problems.append(f"the chart fallback {fallback['id']} did not render")
    problems.extend(measured["errors"])
    if not measured["rendered"]:
        problems.append("the renderer rendered nothing")
    return problems


def width_problems(measured: dict[str, Any]) -> list[str]:
    """Whatever is wider than the phone, lies outside it, or is cut off inside its box."""
    problems = []
    if measured["width"] > PHONE_WIDTH + 0.5:
        problems.append(f"the card is {measured['width']:.0f} px wide")
    if measured["pageWidth"] > PHONE_WIDTH:
        problems.append(f"the page scrolls sideways: {measured['pageWidth']} px wide")
    for item in measured["overflows"]:
        sizes = ", ".join(
            f"{key} {value:.0f}" for key, value in item.items() if key not in ("problem", "node")
        )
        problems.append(f"{item['problem']}: {item['node']} ({sizes} px)")
    return problems


def reach_problems(measured: dict[str, Any]) -> list[str]:
    """Why the primary action is out of reach (see test_cards_on_a_phone for the rule)."""
    primary = measured["primary"]
    if primary is None:
        return []  # a confirmation: nothing to press
    missing = [button["title"] for button in primary["buttons"] if button["rect"] is None]
    if missing:
        return [f"the primary action is not shown: {', '.join(missing)}"]
    top = min(button["rect"]["top"] for button in primary["buttons"])
    bottom = max(button["rect"]["bottom"] for button in primary["buttons"])
    optional_above = [
        section
        for section in measured["sections"]
        if section["optional"] and section["bottom"] <= top
    ]
    allowed = max((section["height"] for section in optional_above), default=0.0)
    scroll = bottom - PHONE_HEIGHT
    if scroll <= allowed + 0.5:
        return []
    titles = ", ".join(button["title"] for button in primary["buttons"])
    layout = "; ".join(
        f"{s['type']}#{s['index']}{' optional' if s['optional'] else ''} "
        f"{s['top']:.0f}-{s['bottom']:.0f}"
        for s in measured["sections"]
    )
    return [
        f"[{titles}] ends at {bottom:.0f} px: {scroll:.0f} px below the first screen of "
        f"{PHONE_HEIGHT} px, more than the largest optional section above it "
        f"({allowed:.0f} px). Sections: {layout}"
    ]
