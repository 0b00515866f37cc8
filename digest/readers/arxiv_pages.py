"""arXiv as people copy it out of a browser or a feed reader, line by line.

- A listing page (arxiv.org/list/cs.CL/new): `[1] arXiv:2401.00001 [pdf, html, other]`, then
  `Title:`, `Authors:`, `Comments:`, `Subjects:` lines and the abstract, under "New
  submissions (showing …)", "Cross submissions …" and "Replacement submissions …" headers.
- A search results page (arxiv.org/search): `1. arXiv:2405.02246  [pdf, other]  cs.CV cs.AI`,
  the categories and a `doi 10.…` tag on that line or the next ones, the title as a bare
  line, `Authors:`, `Abstract: … ▽ More` (or the expanded `… △ Less`), then
  `Submitted 3 May, 2024; originally announced May 2024.` and `Comments:`.
- An abstract page (arxiv.org/abs/ID): `Title:`, `Authors:`, `Abstract:`, `Comments:`,
  `Subjects:`, `Cite as: arXiv:ID` among the page's navigation, either as lines or flattened
  onto one line ("[2509.13361] Title … Skip to main content … Title:… Authors:… Abstract:…").
- An RSS item flattened to text ("arXiv:2509.13361v1 Announce Type: new Abstract: …"), and raw
  RSS/Atom XML pasted into a note, often cut off in the middle.

This module only recognises those pieces; digest/readers/pasted/ assembles records from
them (and from Markdown), since people paste them into notes as often as on their own.
No library reads copies of web pages: their shape is all there is to go by.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

from digest.readers.records import has_letter

ARXIV_ID = r"(?:\d{4}\.\d{4,5}|[a-z]+(?:-[a-z]+)?(?:\.[A-Z]{2})?/\d{7})(?:v\d+)?"
# "[1] arXiv:2401.00001 [pdf, html, other]" (the links part may be missing).
LISTING_ENTRY = re.compile(rf"^\s*\[\d+\]\s+arXiv:({ARXIV_ID})\b(.*)$")
# "1. arXiv:2405.02246  [pdf, other]  cs.CV cs.AI": a search results page (the number, the
# categories and the links part vary with the browser and the paper).
SEARCH_ENTRY = re.compile(
    rf"^\s*(?:\d{{1,4}}\.\s+)?arXiv:({ARXIV_ID})\s*\[(?:pdf|html|ps|other)\b[^\]]*\](.*)$"
)
# A search result's category tags ("cs.CV cs.AI", "hep-th quant-ph"): never a title.
# Each run of letters is taken whole (atomic groups): a line that is not tags fails at once,
# where splitting runs of letters between repeats made a long line take exponential time.
SEARCH_TAGS = re.compile(r"^(?:(?>[a-z]+)(?:-(?>[a-z]+))?(?:\.(?>[A-Za-z-]{2,}))?\s*)+$")
# "Submitted 8 October, 2024; v1 submitted 3 October, 2024; originally announced …"
SUBMITTED = re.compile(
    r"^Submitted\s+(\d{1,2} \w+, \d{4})(?:;\s*v1 submitted\s+(\d{1,2} \w+, \d{4}))?.*"
    r"originally announced\b",
    re.I,
)
# The search page's toggles: a short abstract ends "… ▽ More", the expanded one "△ Less".
# Leading spaces are taken only from where their run starts (lookbehind): tried from inside
# a long run, "\s*" rescanned the rest of it from every space.
_MORE = re.compile(r"(?:(?<!\s)\s+)?▽\s*More\b\s*")
_LESS = re.compile(r"(?:(?<!\s)\s+)?△\s*Less\b\s*")
# "New submissions (showing 3 of 3 entries)", "Replacement submissions …", "Cross-lists …"
_LISTING_SECTION = re.compile(
    r"^\s*(New submissions|Cross submissions|Cross-lists|Replacement submissions|Replacements)"
    r"\b",
    re.I,
)


def listing_section(heading: str) -> str | None:
    """The announce type of a listing's section heading ("new", "cross", "replace"), or None
    where the line is no section heading."""
    section = _LISTING_SECTION.match(heading)
    if not section:
        return None
    word = section.group(1).lower()
    return "replace" if word.startswith("replace") else "cross" if "cross" in word else "new"


# An RSS description's id and announce type: "arXiv:2509.13361v1 Announce Type: new".
_RSS_ID = rf"arXiv:({ARXIV_ID})\s+Announce Type:\s*([\w-]+)"
# An RSS description flattened to text; the title is usually the line before it.
FLATTENED_RSS = re.compile(rf"(?:^|\s){_RSS_ID}\s+Abstract:\s*(.*)$", re.I)
# The same description's id line alone, its "Abstract: …" on the next line, as the feeds
# break it.
RSS_ID_LINE = re.compile(rf"{_RSS_ID}\s*", re.I)
# An abstract page's history line: "[Submitted on 15 Nov 2024 (v1), last revised …]".
SUBMITTED_ON = re.compile(r"\[Submitted on (\d{1,2} [A-Z][a-z]{2} \d{4})\b")
_ABS_PAGE_MARKS = ("Skip to main content", "View PDF", "Submitted on", "Cite as:")
# The page's own fields end at the next field or at the page's furniture after them; the
# navigation's search form lists the same words without colons ("Title Author Abstract").
_FLAT_FIELD = re.compile(
    r"\b(?:(Title|Authors|Abstract|Comments|Subjects|Journal reference|Cite as)\s*:|(View a "
    r"PDF of the paper titled|View PDF|Submission history|Access Paper|Bibliographic Tools))"
)
_PAGE_ID = re.compile(rf"^\s*\[({ARXIV_ID})\]")
_ANY_ID = re.compile(rf"\barXiv:({ARXIV_ID})")
_CITE_AS = re.compile(rf"\bCite as:\s*arXiv:({ARXIV_ID})")
THIS_VERSION = re.compile(r"\(this version, (v\d+)\)")
# "Cite as: arXiv:2501.11733 [cs.CL] (or arXiv:2501.11733v2 [cs.CL] for this version)"
FOR_THIS_VERSION = re.compile(rf"\(or arXiv:({ARXIV_ID}) \[[^\]]*\] for this version\)")
# The page's links glued to its abstract's label by a clipper: "View PDFAbstract:…".
ABSTRACT_LEAD = re.compile(r"^(?:View PDF|HTML \(experimental\)|\s)+(?=Abstract\s*:)")
# What an abstract page puts right after its author list, on the same line in a copy. The
# spaces before it only from where their run starts: tried from every space of a long run,
# "\s*" rescanned the rest of it.
AUTHORS_END = re.compile(r"(?<!\s)\s*\b(?:View a PDF of the paper titled|View PDF)\b.*$")
_SNIFF_FIELDS = re.compile(r"^[^\S\n]*(Title|Authors?|Abstract|Subjects|Cite as)\s*:", re.M)
# An abstract page copied without its labels: its "(Submitted on 8 Oct 2017)" line.
_SNIFF_SUBMITTED = re.compile(r"^\s*[\[(]Submitted on \d{1,2} [A-Z][a-z]{2} \d{4}\b", re.M)
# A feed reader's view of one item (newsboat): "Title:", "Author:", "Date:", "Link:" lines
# over the abstract, unlabelled.
_SNIFF_LINK = re.compile(r"^[^\S\n]*(?:Link|URL)\s*:\s*https?://(?:export\.)?arxiv\.org/abs/", re.M)


def looks_like_arxiv_page(text: str) -> bool:
    """A copy of an arXiv listing page, a search results page, or an abstract page (as lines
    or flattened)."""
    head = text[:20_000]
    if any(LISTING_ENTRY.match(line) for line in head.split("\n")[:400]):
        return "Title:" in head
    if any(SEARCH_ENTRY.match(line) for line in head.split("\n")[:400]):
        return "Abstract:" in head
    named = {match.group(1) for match in _SNIFF_FIELDS.finditer(head)}
    fields = {"Authors" if name == "Author" else name for name in named}
    if {"Title", "Abstract"} <= fields and fields & {"Authors", "Subjects", "Cite as"}:
        return True
    if {"Title", "Authors"} <= fields and _SNIFF_LINK.search(head):
        return True
    if "Cite as" in fields and _SNIFF_SUBMITTED.search(head):
        return True  # a copy without its labels ("(Submitted on 8 Oct 2017)", the title, …)
    return any(_is_flat_abs_page(line) for line in head.split("\n")[:400])


@dataclass(frozen=True)
class Found:
    """A paper found whole in one place: field name -> value."""

    line: int
    fields: dict[str, str]


def _is_flat_abs_page(line: str) -> bool:
    return (
        "Title:" in line
        and "Abstract:" in line
        and "Authors:" in line
        and any(mark in line for mark in _ABS_PAGE_MARKS)
    )


def cut_abs_page(line: str) -> bool:
    """An abstract page flattened onto one line and cut before its abstract: a clipper's
    snapshot of the page's first characters ("[2603.00077] Title Skip to main content …
    Title:… Authors:… View a PDF of"), which holds no abstract."""
    return (
        "Abstract:" not in line
        and "Skip to main content" in line
        and "Title:" in line
        and "Authors:" in line
    )


def flat_abs_page(number: int, line: str) -> Found | None:
    """An abstract page flattened onto one line, or None."""
    if not _is_flat_abs_page(line):
        return None
    parts: dict[str, str] = {}
    marks = list(_FLAT_FIELD.finditer(line))
    # The page's fields start at its "Title:": an "Abstract:" before it is someone's text
    # about a page (a note describing what it holds), not the page's own.
    titled = next((i for i, mark in enumerate(marks) if mark.group(1) == "Title"), 0)
    marks = marks[titled:]
    for mark, following in zip(marks, [*marks[1:], None], strict=True):
        name = (mark.group(1) or mark.group(2)).lower()
        value = line[mark.end() : following.start() if following else len(line)].strip()
        if name in ("title", "authors", "abstract", "comments", "subjects") and name not in parts:
            parts[name] = value
    # The page's own id: the versioned one of "(or arXiv:IDv2 [cs.CL] for this version)",
    # else "[ID]" before the title or "Cite as: arXiv:ID"; any other "arXiv:ID" on the line
    # may be a paper the abstract or the comments cite, so it comes last.
    page_id = (
        FOR_THIS_VERSION.search(line)
        or _PAGE_ID.match(line)
        or _CITE_AS.search(line)
        or _ANY_ID.search(line)
    )
    if page_id:
        found = page_id.group(1)
        version = THIS_VERSION.search(line)  # "(this version, v2)" in the history
        if version and not re.search(r"v\d+$", found):
            found += version.group(1)
        parts["arxiv"] = found
    submitted = SUBMITTED_ON.search(line)  # the first version's day
    if submitted:
        parts["date"] = submitted.group(1)
    parts = {key: html.unescape(value) for key, value in parts.items() if value}
    if not has_letter(parts.get("title", "")) or not has_letter(parts.get("abstract", "")):
        return None  # "Title:... Authors:... Abstract:...": a page's shape described, elided
    return Found(number, parts)


def split_abs_page(lines: list[str], start: int) -> tuple[Found, int] | None:
    """An abstract page copied as a few paragraphs (a reader view, a clipper): the line with
    its Title: (and Authors:, or they follow), then "… Abstract:", the abstract, and
    "Comments: … Cite as: …"; or, copied without those labels, its "[Submitted on …]" line,
    then the title, the authors and the abstract up to "Cite as: …". The page found in them,
    and the index of the line after it; or None."""
    first = lines[start]
    submitted = _SUBMITTED_LINE.match(first)
    if submitted is not None:
        title, authors = (lines[n] if n < len(lines) else "" for n in (start + 1, start + 2))
        return _unlabelled_abs_page(lines, start, start + 3, (submitted.group(1), title, authors))
    if first.strip() and (older := _older_unlabelled_head(lines, start)) is not None:
        return _unlabelled_abs_page(lines, start, *older)
    if "Abstract:" in first or not _is_flat_abs_page(first + " Abstract: Authors:"):
        return None
    for end in range(start + 1, min(len(lines), start + 16)):
        if "Cite as:" in lines[end] or "Subjects:" in lines[end]:
            joined = " ".join(line.strip() for line in lines[start : end + 1] if line.strip())
            found = flat_abs_page(start + 1, joined)
            return (found, end + 1) if found is not None else None
    return None


# A reader view's copy of an abstract page without its labels (r.jina.ai's, an old page's):
# "[Submitted on 2 Oct 2023]" or "(Submitted on 8 Oct 2017)" alone on its line, the title,
# the authors, the abstract, then "Comments:", "Subjects:" and "Cite as: arXiv:ID". An older
# page put the title and the authors (a blank line apart or not) before its "(Submitted on
# …)" line.
_SUBMITTED_LINE = re.compile(
    r"^\s*[\[(](Submitted on \d{1,2} [A-Z][a-z]{2} \d{4})\b[^\])]*[\])]\s*$"
)


def _older_unlabelled_head(lines: list[str], start: int) -> tuple[int, tuple[str, str, str]] | None:
    """When line `start` is the title of an older page's copy (the title, the authors, then
    its "Submitted on" line): the index of the abstract's first line, and the day, the title
    and the authors; else None."""
    filled = (n for n in range(start + 1, min(len(lines), start + 5)) if lines[n].strip())
    authors, submitted = next(filled, None), next(filled, None)
    if authors is None or submitted is None or "Submitted on" not in lines[submitted]:
        return None
    day = _SUBMITTED_LINE.match(lines[submitted])
    if day is None or not lines[submitted].lstrip().startswith("("):
        return None  # "[Submitted on …]": today's page, whose title and authors follow it
    return submitted + 1, (day.group(1), lines[start], lines[authors])


def _unlabelled_abs_page(
    lines: list[str], start: int, body_start: int, head: tuple[str, str, str]
) -> tuple[Found, int] | None:
    """The page whose head (its "Submitted on" day, title and authors) starts on line
    `start` and whose abstract starts on line `body_start`, read as its labelled copy is."""
    submitted, title, authors = (part.strip() for part in head)
    if not title or not authors or ":" in authors:
        return None
    for end in range(body_start, min(len(lines), body_start + 13)):
        if "Cite as:" in lines[end]:
            if end + 1 < len(lines) and "for this version)" in lines[end + 1]:
                end += 1
            body = " ".join(line.strip() for line in lines[body_start : end + 1] if line.strip())
            labelled = f"[{submitted}] Title: {title} Authors: {authors} Abstract: {body}"
            found = flat_abs_page(start + 1, labelled)
            return (found, end + 1) if found is not None else None
    return None


def search_tags(text: str) -> tuple[list[str], str | None] | None:
    """A search result's tag line: its categories and the DOI of a `doi 10.…` tag, or None
    when the line is something else (the title)."""
    words = text.split()
    doi = None
    if len(words) >= 2 and words[-2].lower() == "doi" and words[-1].startswith("10."):
        doi, words = words[-1], words[:-2]
    if words and words[-1].lower() == "doi":
        words = words[:-1]  # the tag's name; its value is on the next line
    elif not words and doi is None:
        return None
    tags = " ".join(words)
    if tags and not (SEARCH_TAGS.match(tags) and all("." in w or "-" in w for w in words)):
        return None
    return words, doi


def without_toggles(abstract: str) -> str:
    """A search result's abstract without its "▽ More" / "△ Less" toggles: the expanded
    abstract when the copy holds both the short one and the full one."""
    if "▽" not in abstract and "△" not in abstract:
        return abstract
    more = _MORE.search(abstract)
    if more and _LESS.search(abstract, more.end()):
        abstract = abstract[more.end() :]
    return _LESS.sub(" ", _MORE.sub(" ", abstract)).strip()


def flattened_rss(number: int, line: str) -> Found | None:
    """'arXiv:ID Announce Type: new Abstract: …' on one line, or None."""
    found = FLATTENED_RSS.search(line) if "Announce Type" in line else None
    if found is None:
        return None
    fields = {"arxiv": found.group(1), "announce type": found.group(2)}
    abstract = found.group(3).strip()
    if abstract:
        fields["abstract"] = html.unescape(abstract)
    return Found(number, fields)


_XML_ITEM = re.compile(r"<(item|entry)[\s>]", re.I)
_XML_FIELD = {
    "title": re.compile(r"<title[^>]*>(.*?)(?:</title>|\Z)", re.S | re.I),
    "link": re.compile(r"<link[^>]*?(?:href=[\"']([^\"']+)[\"'][^>]*)?>([^<]*)", re.I),
    "description": re.compile(
        r"<(?:description|summary|content)[^>]*>(.*?)(?:</(?:description|summary|content)>|\Z)",
        re.S | re.I,
    ),
    "id": re.compile(r"<(?:id|guid)[^>]*>(.*?)</(?:id|guid)>", re.S | re.I),
}
_CDATA = re.compile(r"<!\[CDATA\[(.*?)(?:\]\]>|\Z)", re.S)


def xml_items(first_line: int, chunk: str) -> list[Found]:
    """The items (RSS) or entries (Atom) of XML pasted into a note, even cut off midway."""
    found: list[Found] = []
    starts = [match.start() for match in _XML_ITEM.finditer(chunk)]
    if not starts:
        return found  # a feed's header cut off before its first item
    line, counted = first_line, 0  # each item's line counted on from the one before
    for start, end in zip(starts, [*starts[1:], len(chunk)], strict=True):
        line += chunk.count("\n", counted, start)
        counted = start
        piece = chunk[start:end]
        fields: dict[str, str] = {}
        title = _XML_FIELD["title"].search(piece)
        if title:
            fields["title"] = _xml_text(title.group(1))
        link = _XML_FIELD["link"].search(piece)
        if link and (link.group(1) or link.group(2).strip()):
            fields["url"] = (link.group(1) or link.group(2)).strip()
        description = _XML_FIELD["description"].search(piece)
        text = _xml_text(description.group(1)) if description else ""
        rss = FLATTENED_RSS.search(" ".join(text.split()))
        if rss:
            fields["arxiv"], fields["announce type"] = rss.group(1), rss.group(2)
            text = rss.group(3)
        if text.strip():
            fields["abstract"] = text.strip()
        if fields.get("abstract") or fields.get("title"):
            found.append(Found(line, fields))
    return found


def _xml_text(value: str) -> str:
    value = _CDATA.sub(lambda m: m.group(1), value)
    value = re.sub(r"<[^>]+>", " ", value)
    return " ".join(html.unescape(value).split())
