# Chinese paper lists write full-width labels and punctuation; they are matched on purpose.
# ruff: noqa: RUF001
"""Pasted text as plain text, and what kind of text it is: Markdown's inline markup removed
(links to their text, emphasis, code, escapes, pandoc's attributes), a paragraph's
hard-wrapped lines joined, and the tests for prose (an abstract's paragraph), for a list of
names, and for the same title written twice.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from digest.cleaning import join_wrapped_lines
from digest.readers.markup import decode_entities
from digest.readers.plaintext import MIN_ABSTRACT_WORDS, looks_like_names, stray_text_reason

# Repeats are bounded: a line of 50,000 "[" must not cost 50,000 scans to its end each. They
# are possessive too: each stops only before the one character that may follow it, so giving
# characters back never helps, and a line of 20,000 "[](" must not try 2,000 lengths at each.
# Neither the text nor the address goes past a "[": a link tried from one "[" then scans no
# further than the next, where the next try starts (bounded alone, 100,000 "[" still cost
# 500 characters each, and every pass over a line of them took seconds).
LINK = re.compile(
    r"!?\[([^\[\]\n]{0,500}+)\]\(\s*+<?([^)\s>\[]{1,2000}+)>?(?:\s+\"[^\"]{0,200}+\")?\s*\)"
)
URL = re.compile(r"https?://[^\s<>()\[\]\"']+[^\s<>()\[\]\"'.,;:]")
# Pandoc's attributes after a link or a span ("[Emma Brunskill](…){rel="nofollow"}",
# "{.arxivid}", "{#title}"): a web page turned into Markdown by pandoc keeps them.
# One attribute: "#id", ".class" or 'key="value"'.
_PANDOC_ATTRIBUTE = r'(?:[#.][\w-]{1,60}|[\w-]{1,40}="[^"{}\n]{0,300}")'
_PANDOC_ATTRIBUTES = re.compile(rf"\{{{_PANDOC_ATTRIBUTE}(?:\s{_PANDOC_ATTRIBUTE}){{0,20}}\}}")
# Obsidian's wiki links ("[[Ruizhe Chen]]", "[[chen2023|Ruizhe Chen]]"): their text, the
# alias if there is one; an embed ("![[figure.png]]") has none. Not before a "(": "[[pdf]](…)"
# is a Markdown link whose text is "[pdf]".
_WIKILINK = re.compile(r"(!?)\[\[([^\[\]|\n]{1,300}+)(?:\|([^\[\]\n]{0,300}+))?\]\](?!\()")
_MD_ESCAPE = re.compile(r"\\([!\"#$%&'()*+,\-./:;<=>?@\[\]^_`{|}~])")
_EMPHASIS = re.compile(
    r"(\*\*|__)(.{1,500}?)\1|(?<![\w*])\*(?!\s)([^*\n]{1,500}?)(?<!\s)\*(?!\w)|`([^`]{1,500})`"
)
# TeX's quotes ("``with solution''"), which an abstract pasted from arXiv keeps: their two
# backticks are no code span, and a code span would take the words between two of them.
_TEX_QUOTE = re.compile(r"``([^`\n]{1,500}?)''")
SENTENCE_END = re.compile(r"[.!?。！？](?:\s|$)|\.\.\.$|…$")
ET_AL = re.compile(r"^([^,;]{2,80}?)\s+et\.?\s?al\.?(?:[,;]\s*|\s+|$)(.*)$")


def inline_text(text: str) -> str:
    """Markdown inline markup to text: links (and wiki links) to their text, emphasis and
    escapes removed, entities decoded (in Markdown "&rsquo;" is the quote it names)."""
    # Each pass only where its markup can be: abstracts are long, and most have none.
    if "{" in text:
        text = _PANDOC_ATTRIBUTES.sub("", text)
    if "[[" in text:
        text = _WIKILINK.sub(lambda m: "" if m.group(1) else m.group(3) or m.group(2), text)
    if "](" in text:
        text = LINK.sub(lambda m: m.group(1), text)
    if "``" in text:
        text = _TEX_QUOTE.sub("\u201c\\1\u201d", text)
    if "*" in text or "__" in text or "`" in text:
        for _ in range(2):
            text = _EMPHASIS.sub(lambda m: m.group(2) or m.group(3) or m.group(4) or "", text)
    if "\\" in text:
        text = _MD_ESCAPE.sub(r"\1", text)
    return decode_entities(text).strip()


def join_lines(lines: Iterable[str]) -> str:
    """Lines of a paragraph as one text, hard wraps and their hyphens undone."""
    return join_wrapped_lines([inline_text(line) for line in lines if line.strip()])


def word_count(text: str) -> int:
    """How many words a text has, the marks standing between them ("|", "+") not counted."""
    return sum(1 for word in text.split() if any(c.isalnum() for c in word))


def is_prose(text: str) -> bool:
    words = text.split()
    if len(words) < MIN_ABSTRACT_WORDS or not SENTENCE_END.search(text):
        return False
    urls = sum(1 for word in words if word.startswith(("http://", "https://")))
    return urls * 3 < len(words) and not looks_like_names(text) and not stray_text_reason(text)


def same_title(one: str, other: str) -> bool:
    def words(text: str) -> str:
        return " ".join(re.sub(r"\W+", " ", inline_text(text).casefold()).split())

    return bool(one and other) and words(one) == words(other.strip("'\""))
