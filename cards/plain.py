"""People's text inside our Markdown: it shows as typed, never as a link, emphasis, heading or list.

Teams reads Markdown in a card's TextBlock text, Fact titles and values and input labels, and in
bot messages. Our own texts use it on purpose; a value someone typed (a name from Teams, a goal,
a note, a channel name, a link) must not. The one rule: every such value is passed through
`plain` before it goes into Markdown. `cards.catalogue.t` does that for every value it fills in,
and a card builder for every piece of people's data it is given (names, goals, notes); the
sentences a builder is given (a title, a summary, a signal) come from `t` and are Markdown already.
Text we composed is `Markdown` and passes `plain` unchanged, so nothing is escaped twice. Where
Teams shows text as it is (buttons, the choices of a drop-down list, input values) nothing is
escaped.

`plain` escapes with backslashes, as CommonMark defines and Teams' Markdown honours, and only
where a character could start or end Markdown, so ordinary names and sentences ("Daan de
Vries", "Anne-Fleur", "blz. 12 (rekenen)!") stay exactly as typed: some Teams clients have shown
escape backslashes literally, and text that needs none shows none.
"""

from __future__ import annotations

import re
from urllib.parse import quote


class Markdown(str):
    """Text that is Markdown on purpose: a catalogue text, or a line composed of safe parts."""

    __slots__ = ()


# Anywhere in a line: escapes, code, emphasis and strikethrough, links and images (a "(" straight
# after "]" too, for renderers that ignore the escape before it), autolinks and HTML, table cells,
# an HTML entity ("&amp;" would show as "&"), and Adaptive Cards' {{DATE(...)}} functions.
_INLINE = re.compile(r"[\\`*_\[\]<>~|]|(?<=\])\(|&(?=#?[0-9A-Za-z]+;)|\{(?=\{)|(?<=\{)\{")
# At the start of a line: a heading (#), a list item (-, +, "1." or "1)"), a setext underline
# (=, -) or a thematic break (---). "*", ">" and "_" are escaped everywhere already.
_BLOCK = re.compile(r"^[ \t]*(?:(?P<mark>[#+=-])|\d{1,9}(?P<number>[.)])(?=[ \t]|$))")
# Every way a line can end in Markdown or in an Adaptive Card ("\r" is a newline in a TextBlock).
_NEWLINE = re.compile(r"(\r\n|[\n\r\v\f\x1c-\x1e\x85\u2028\u2029])")


def plain(value: object) -> Markdown:
    """`value` as literal text for a Markdown context; `Markdown` itself passes unchanged."""
    if isinstance(value, Markdown):
        return value
    parts = _NEWLINE.split(str(value))
    # split() keeps the separators at the odd places; every even part starts a line, and so does
    # the value itself, since we cannot know where a template puts it.
    return Markdown("".join(part if i % 2 else _line(part) for i, part in enumerate(parts)))


def _line(line: str) -> str:
    line = _INLINE.sub(lambda m: "\\" + m.group(), line)
    block = _BLOCK.match(line)
    if block is not None:
        at = block.start("mark") if block.group("mark") else block.start("number")
        line = line[:at] + "\\" + line[at:]
    return line


def url(value: str) -> Markdown:
    """A web address for a link's target, `[text](…)`: nothing in it can end the link early.

    Characters that could close the target or open new Markdown are percent-encoded, which means
    the same to the web server; letters, digits, "%" escapes and the usual URL punctuation stay.
    """
    return Markdown(quote(value.strip(), safe="/:?#@!$&+,;=%~"))
