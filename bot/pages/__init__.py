"""The public pages the Teams app package links to: privacy information and terms of use.

They are Markdown files beside this module (Dutch, for schools, pupils and parents), served as
HTML at `/privacy` and `/voorwaarden`, so the links in the app's details work as soon as the bot
is deployed. A school with its own privacy statement links that instead (`dagritme package
--privacy-url`).
"""

from __future__ import annotations

import html
from functools import cache
from pathlib import Path

from markdown_it import MarkdownIt

FOLDER = Path(__file__).resolve().parent
PAGES = {"privacy": "privacy.md", "voorwaarden": "voorwaarden.md"}

_LAYOUT = """<!doctype html>
<html lang="nl">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title}</title>
<style>
body {{ font-family: system-ui, sans-serif; max-width: 48rem; margin: 2rem auto;
       padding: 0 1rem; line-height: 1.5; color: #1b1b1b; }}
table {{ border-collapse: collapse; }}
th, td {{ border: 1px solid #ccc; padding: .3rem .5rem; text-align: left; vertical-align: top; }}
code {{ background: #f3f3f3; padding: 0 .2rem; }}
</style>
</head>
<body>
{body}</body>
</html>
"""


@cache
def page(name: str) -> str | None:
    """The HTML of a public page, or None when there is no such page."""
    file = PAGES.get(name)
    if file is None:
        return None
    text = (FOLDER / file).read_text(encoding="utf-8")
    title = text.splitlines()[0].lstrip("# ").strip() if text else name
    # "js-default": tables on, raw HTML in the Markdown off
    body = MarkdownIt("js-default").render(text)
    return _LAYOUT.format(title=html.escape(title), body=body)
