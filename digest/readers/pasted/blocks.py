"""The shapes of a pasted line: Markdown's block structure (a heading, a `---` rule, a list
item, a quote, a table row and the rule under a table's header row, a footnote), a line that
is only a link, and a note's front matter. Each is a pattern matched against one line; what the line
then means is decided in lines.py. `next_text` finds the line with text after one.
"""

from __future__ import annotations

import re

# The text never ends in a space, so it stops only after a non-space: stopping at every space
# of a long run, "\s*" rescanned the rest of the run from each.
HEADING = re.compile(r"^\s{0,3}(#{1,6})\s+(|.*?(?<!\s))\s*(?:\s#+\s*)?$")
RULE = re.compile(r"^\s{0,3}([-*_])(?:\s*\1){2,}\s*$")
ITEM = re.compile(r"^(\s*)(?:[-*+]|\d{1,3}[.)])\s+(.*)$")
QUOTE = re.compile(r"^\s{0,3}>\s?(.*)$")
TABLE_ROW = re.compile(r"^\s*\|(.*)\|\s*$")
# Possessive: each run stops before a character that cannot be a space, so giving some back never
# helps, and "\s*\|?\s*" no longer splits a long run of tabs at each of its places.
TABLE_RULE = re.compile(r"^\s*+(?:\|\s*+)?:?-{3,}+:?\s*+(?:\|\s*+:?-{3,}+:?\s*+)*+(?:\|\s*+)?$")
URL_LINE = re.compile(r"^\s*<?(https?://\S+?)>?\s*$")
# A footnote's definition ("[^3]: text", its paragraphs indented under it) and a reference
# to one ("| [^3] | [Title](…) |").
FOOTNOTE = re.compile(r"^\s{0,3}\[\^([\w.-]{1,40})\]:[ \t]*(.*)$")
FOOTNOTE_REF = re.compile(r"\[\^([\w.-]{1,40})\](?!:)")
FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?\n)?---[ \t]*(?:\n|\Z)", re.S)


def next_text(lines: list[str], start: int) -> str:
    """The first line from index `start` on that is not blank, or "" if none is."""
    # (Not `lines[start:]`: a copy of the rest of the file for each line that asks.)
    return next((lines[n] for n in range(start, len(lines)) if lines[n].strip()), "")
