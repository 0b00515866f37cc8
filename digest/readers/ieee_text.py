"""IEEE Xplore's plain-text export (Export > Citations, format "Plain Text", with "Citation
and Abstract"): a citation line in IEEE's style, then labelled lines, a blank line between
records:

    C. Zhang, D. Chu and X. Su, "Trajectory Planning and Tracking for Autonomous Vehicle …,"
    in IEEE Intelligent Transportation Systems Magazine, vol. 11, no. 2, pp. 29-40, Summer
    2019, doi: 10.1109/MITS.2019.2903536.
    Abstract: Trajectory planning and tracking control are two keys of collision …
    keywords: {Trajectory;Autonomous vehicles;Planning},
    URL: https://ieeexplore.ieee.org/stamp/stamp.jsp?tp=&arnumber=8668708&isnumber=8694967

(the citation is one line in the file). The authors come before the quoted title, the venue
after it: a journal's name after "in", up to its volume, pages or year; a conference's name
up to its place. "Citation Only" has no Abstract lines: such an export says which export
has them. Nothing else writes this, so it is read here.
"""

from __future__ import annotations

import re

from digest.readers.identifiers import parse_doi
from digest.readers.records import (
    Parsed,
    Problem,
    Record,
    blocks,
    last_year,
    missing_abstract,
    parsed_from,
    split_authors,
    split_keywords,
)

_URL_LINE = re.compile(r"^URL: https?://ieeexplore\.ieee\.org/\S+\s*$", re.M)
# Authors (none for some standards and front matter), the title quoted with its closing
# comma inside the quotes, then the rest of the citation.
_CITATION = re.compile(r'(?:(?P<authors>[^"]*?),\s*)?"(?P<title>.+),"\s*(?P<rest>.*)')
# Where a journal's name ends: its volume, issue, pages, article number, date or DOI.
_JOURNAL_END = re.compile(
    r",\s*(?:vol\.|no\.|pp\.|p\.|Art\. no\.|early access|doi:|"
    r"(?:[A-Z][a-z]+\.?[ -]*)?(?:\d{1,2}[ -])?(?:1[89]|20)\d\d\b)"
)
_DOI = re.compile(r"\bdoi:\s*(\S+?)\.?\s*$")
_FIELD = re.compile(r"(Abstract|keywords|URL):\s?(.*)")
# Where the file's text starts, past a byte-order mark and blank lines.
_FIRST_TEXT = re.compile(r"[^\s\ufeff]")
# The first line read whole up to this size: 3,000 authors take about 60,000 characters.
_FIRST_LINE_LIMIT = 1_000_000


def looks_like_ieee_text(text: str) -> bool:
    """A citation with a quoted title on the first line, and an IEEE Xplore 'URL:' line,
    both looked for whole: a collaboration's paper lists its thousands of authors on the
    first line, before its title and its URL line."""
    opening = _FIRST_TEXT.search(text, 0, _FIRST_LINE_LIMIT)
    if opening is None:
        return False
    start = opening.start()
    end = text.find("\n", start, start + _FIRST_LINE_LIMIT)
    first = text[start : end if end != -1 else start + _FIRST_LINE_LIMIT]
    if _CITATION.match(first.rstrip()) is None:
        return False
    # A quoted CSV header passes for a citation: a quick test before the line pattern.
    return text.find("URL: http", start) >= 0 and _URL_LINE.search(text, start) is not None


def parse_ieee_text(text: str) -> Parsed:
    return parsed_from(_record(start, block) for start, block in blocks(text))


def _record(line: int, block: list[str]) -> Record | Problem:
    citation: list[str] = []
    fields: dict[str, list[str]] = {}
    current: list[str] = citation
    for text in block:
        labelled = _FIELD.fullmatch(text)
        if labelled:
            current = fields.setdefault(labelled.group(1), [])
            text = labelled.group(2)
        current.append(text)
    cited = " ".join(citation)
    found = _CITATION.match(cited)
    if found is None:
        return Problem(line, "not an IEEE Xplore citation (no quoted title)", cited[:80])
    title = found.group("title").strip()
    abstract = " ".join(" ".join(fields.get("Abstract", [])).split())
    if not abstract:
        return missing_abstract(line, "an IEEE Xplore record without an 'Abstract:' line", title)
    rest = found.group("rest")
    doi = _DOI.search(rest)
    before_doi = rest[: doi.start()] if doi else rest
    keywords = " ".join(fields.get("keywords", [])).strip().rstrip(",").strip("{}")
    url = " ".join(fields.get("URL", [])).strip()
    return Record(
        line=line,
        abstract=abstract,
        title=title or None,
        authors=split_authors(found.group("authors") or ""),
        url=url or None,
        doi=parse_doi(doi.group(1)) if doi else None,
        date=last_year(before_doi) or None,
        venue=_venue(rest) or None,
        keywords=split_keywords(keywords or None),
    )


def _venue(rest: str) -> str:
    """A journal's name ("in IEEE Access, vol. 8, …"), or a conference's ("2020 IEEE
    International Conference on Big Data (Big Data), Atlanta, GA, USA, 2020, …")."""
    if rest.startswith("in "):
        rest = rest.removeprefix("in ")
        if end := _JOURNAL_END.search(rest):
            return rest[: end.start()].strip()
    return rest.split(",")[0].strip()
