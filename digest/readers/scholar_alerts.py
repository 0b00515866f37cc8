"""Google Scholar alert e-mails, pasted or saved as text: new results for a search, new
citations to an author's articles, new articles by an author.

Each item is a title (after a `[PDF]`, `[HTML]`… tag; it may wrap), in the mail's plain-text
body a `<https://scholar.google.com/scholar_url?url=…>` line, a byline
("Y Yano, N Koizumi - SIGGRAPH Asia 2023 Emerging Technologies, 2023"), and Google's snippet
of the abstract, cut with "…". Citation alerts add a "Cites: …" line; a copy from the
browser adds "Save Twitter LinkedIn Facebook". The mail closes with "This message was sent
by Google Scholar because …".

The alert's HTML saved on its own (the mail's HTML part, a browser's "Save page as") is
read the same way, once turned into lines with its links (markup.html_to_lines); Google
marks each item's title link with the class `gse_alrt_title`.

The snippet is all of the abstract the alert has, so it is the abstract (cut as Google cut
it); an item without one (`[CITATION]`) is counted as a record without an abstract. The link
is the paper's own address, taken out of Google's redirect; a copy without links gets the
usual search link.
"""

from __future__ import annotations

import re
import urllib.parse
from dataclasses import dataclass

from digest.cleaning import join_wrapped_lines
from digest.readers.identifiers import labelled_arxiv_id
from digest.readers.markup import html_to_lines
from digest.readers.records import Parsed, Problem, Record, excerpt, missing_abstract

_FOOTER = re.compile(
    r"^(?:This (?:message|alert) (?:was|is) sent by Google Scholar|This Google Scholar alert)",
    re.I,
)
_BUTTONS = re.compile(r"^(?:Save|保存)(?:\s+(?:Twitter|LinkedIn|Facebook|X)){2,}\s*$")
_CITES = re.compile(r"^[•·*]?\s*Cites:\s*", re.I)
_REDIRECT = re.compile(r"^<?(https?://scholar\.google\.[a-z.]+/scholar_url\?\S+?)>?$")
_TAG = re.compile(r"^\[(?:PDF|HTML|BOOK|B|CITATION|C|DOC|PS)\]\s*", re.I)
# "Y Yano, N Koizumi - SIGGRAPH Asia 2023 …, 2023", "B Xie, I Sieh… - 2024": names of
# initials and a surname, a spaced dash, then venue and year, or just a year.
# The names end on a non-space and the dash's spaces are taken whole: a line with a long run of
# spaces and no dash was tried as every split of the run (100,000 spaces: 36 s).
_BYLINE = re.compile(
    r"^(?P<names>[^\n]+?)(?<!\s)\s++[-\u2013]\s+(?P<source>.*?(?:\b(?:19|20)\d\d|…))\s*$"
)
_NAME = re.compile(r"^(?:[A-Z]{1,4}\s+[^\s,]+(?:\s[^\s,]+){0,2}|…)$")
# A citation Scholar took from a reference list written "Surname, I. & Surname, I." comes out
# garbled: "G Vanryckeghem, M. & Brutten - 2026" (Martine Vanryckeghem and Gene Brutten).
# Its pieces are names as above, bare initials ("M."), surnames, joined by "&" or "and".
_JOINER = re.compile(r"\s+(?:&|and)\s+")
_INITIALS = re.compile(r"^(?:[A-Z]\.\s?){1,3}$")
_SURNAME = re.compile(r"^(?:[a-z]+\s){0,2}[^\W\d_][\w'\u2019-]*$")
_YEAR = re.compile(r"(?:,\s*)?\b((?:19|20)\d\d)$")
_BOILERPLATE = re.compile(
    r"^(?:List alerts|Cancel alert|Update alert to receive .*|Showing .* results.*"
    r"|Skip to content …|Saved to|Your library|Scholar Alert:.*|Google Scholar Alerts?)$",
    re.I,
)
_TITLE_LINES = 4  # a title wraps over at most this many lines


def looks_like_scholar_alert(text: str) -> bool:
    """A Google Scholar alert: its footer, or its redirect links or button rows, with at
    least one byline; or the alert's own HTML."""
    head = text[:200_000]
    if _is_alert_html(head):
        return True
    marked = "sent by Google Scholar" in head or "scholar_url?url=" in head
    if not marked and "LinkedIn" not in head:
        return False  # every other file is told apart before its lines are split
    lines = [line.strip() for line in head.splitlines()]
    if not marked and not any(map(_BUTTONS.match, lines)):
        return False
    return any(map(_byline, lines))


@dataclass(frozen=True)
class _Byline:
    authors: tuple[str, ...]
    venue: str | None
    year: str | None


def _byline(line: str) -> _Byline | None:
    found = _BYLINE.match(line)
    if not found:
        return None
    authors = _names(found.group("names"))
    if authors is None:
        return None
    source = found.group("source").strip()
    year = _YEAR.search(source)
    venue = source[: year.start()].strip(" ,") if year else source
    return _Byline(authors, venue or None, year.group(1) if year else None)


def _names(text: str) -> tuple[str, ...] | None:
    """The byline's names ("Y Yano, N Koizumi…"), or None if the text is not a list of names.

    A garbled byline ("G Vanryckeghem, M. & Brutten") has bare initials that belong to
    another name than the one they stand by: its authors are then the surnames alone."""
    names = [name.strip() for name in text.split(",")]
    if all(_NAME.match(name) for name in names if not name.endswith("…")):
        cut = (name.rstrip("…").strip() for name in names)
        return tuple(name for name in cut if name)
    pieces = [piece for name in names for piece in _JOINER.split(name.rstrip("…").strip())]
    if not all(_NAME.match(p) or _INITIALS.match(p) or _is_surname(p) for p in pieces if p):
        return None
    if not any(_NAME.match(p) or _INITIALS.match(p) for p in pieces):
        return None  # capitalised words and no initials: "Methods and Results - 2020"
    displaced = any(_INITIALS.match(piece) for piece in pieces)
    authors = [
        piece.split(maxsplit=1)[1] if displaced and _NAME.match(piece) else piece
        for piece in pieces
        if piece and not _INITIALS.match(piece)
    ]
    return tuple(authors) or None


def _is_surname(piece: str) -> bool:
    """A surname standing alone: "Brutten", "van der Berg"."""
    words = piece.split()
    return 0 < len(words) <= 3 and words[-1][0].isupper() and bool(_SURNAME.match(piece))


def _is_alert_html(text: str) -> bool:
    """The alert's HTML: Scholar's title links (class gse_alrt_title) in markup."""
    return "gse_alrt_title" in text and "<a" in text


def parse_scholar_alert(text: str) -> Parsed:
    if _is_alert_html(text[:200_000]):
        text = html_to_lines(text)  # line numbers are then those of the text, as in a mail
    lines = [line.strip() for line in text.splitlines()]
    bylines = [(i, byline) for i, line in enumerate(lines) if (byline := _byline(line))]
    records: list[Record] = []
    problems: list[Problem] = []
    used = 0  # lines before this belong to an earlier item
    for number, (at, byline) in enumerate(bylines):
        start, title, link = _title_above(lines, at, used)
        end = _snippet_end(
            lines, at + 1, bylines[number + 1][0] if number + 1 < len(bylines) else None
        )
        problems += _stray(lines, used, start)
        # Google wraps the snippet anywhere, after a hyphen too ("Phallus cremeo-" over
        # "ochraceus is …"): the lines are rejoined as one text.
        snippet = join_wrapped_lines(lines[at + 1 : end])
        if not snippet:
            problems.append(missing_abstract(at + 1, "no snippet", excerpt(title), notice=True))
        else:
            records.append(_record(at + 1, title, link, byline, snippet))
        used = _item_end(lines, end)
    problems += _stray(lines, used, len(lines))
    return Parsed(tuple(records), tuple(problems))


def _title_above(lines: list[str], at: int, used: int) -> tuple[int, str, str | None]:
    """Where the item's title starts, the title, and the paper's link if the mail had it."""
    link = None
    parts: list[str] = []
    start = at
    for index in range(at - 1, max(used, at - _TITLE_LINES - 1) - 1, -1):
        line = lines[index]
        redirect = _REDIRECT.match(line)
        if redirect:
            link = _target(redirect.group(1))
            start = index
            continue
        if _CITATION_VIEW.match(line):
            start = index  # a [CITATION] item's title links to Scholar's page about it
            continue
        if not line or _stops(line):
            break
        parts.insert(0, line)
        start = index
    return start, _TAG.sub("", " ".join(parts)), link


def _target(redirect: str) -> str | None:
    """The paper's own address inside Google's redirect link."""
    query = urllib.parse.urlsplit(redirect).query
    targets = urllib.parse.parse_qs(query).get("url")
    return targets[0] if targets else redirect


# A link to Google Scholar itself, not through its redirect to a paper: the alert's HTML
# part has them under each item (save, share) once turned into lines (see mail.py).
_OWN_LINK = re.compile(r"^<https?://scholar\.google\.[a-z.]+/(?!scholar_url\?)\S*>$")
# Scholar's page about a citation it has no copy of: a [CITATION] item's title link.
_CITATION_VIEW = re.compile(
    r"^<https?://scholar\.google\.[a-z.]+/citations\?\S*view_op=view_citation\S*>$"
)


def _stops(line: str) -> bool:
    return bool(
        _CITES.match(line)
        or _BUTTONS.match(line)
        or _FOOTER.match(line)
        or _BOILERPLATE.match(line)
        or _OWN_LINK.match(line)
    )


def _snippet_end(lines: list[str], start: int, next_byline: int | None) -> int:
    """The snippet runs to a blank line, a Cites:/buttons line, or the next item's title."""
    limit = len(lines) if next_byline is None else next_byline
    for index in range(start, limit):
        line = lines[index]
        if not line or _stops(line) or _REDIRECT.match(line):
            return index
        # Lines just above the next byline belong to the next title when nothing separates
        # the items: the snippet ends with Google's "…".
        near_next = next_byline is not None and index >= next_byline - _TITLE_LINES
        if near_next and index > start and lines[index - 1].endswith("…"):
            return index
    return limit


def _item_end(lines: list[str], end: int) -> int:
    """The first line after an item's Cites:, buttons and blank lines."""
    while end < len(lines) and (
        not lines[end] or _CITES.match(lines[end]) or _BUTTONS.match(lines[end])
    ):
        end += 1
    return end


def _stray(lines: list[str], start: int, end: int) -> list[Problem]:
    """Text between items that is not part of one: Google's header lines and everything
    from its footer on are expected; anything else is reported."""
    problems: list[Problem] = []
    for index in range(start, end):
        line = lines[index]
        if _FOOTER.match(line):
            break
        if line and not _stops(line):
            reason = "text that is not part of any alert item"
            problems.append(Problem(index + 1, reason, excerpt(line), notice=True))
    return problems


def _record(line: int, title: str, link: str | None, byline: _Byline, snippet: str) -> Record:
    return Record(
        line=line,
        abstract=snippet,
        arxiv=labelled_arxiv_id(byline.venue or ""),  # "arXiv preprint arXiv:2401.00001"
        title=title or None,
        authors=byline.authors,
        url=link,
        date=byline.year,
        venue=byline.venue,
    )
