"""Crossref XML: a DOI's metadata as Crossref serves it (UNIXREF `<doi_records>`, UNIXSD
`<crossref_result>` from doi.crossref.org/servlet/query and api.crossref.org/works/…xml)
and as publishers deposit it (`<doi_batch>`, written by OJS, Janeway and other platforms'
Crossref export):

    <doi_records><doi_record><crossref>
      <journal>
        <journal_metadata><full_title>PLoS ONE</full_title></journal_metadata>
        <journal_issue><publication_date>…</publication_date></journal_issue>
        <journal_article>
          <titles><title>…</title></titles>
          <contributors><person_name contributor_role="author" sequence="first">
            <given_name>Markus</given_name><surname>Ralser</surname></person_name>…
          </contributors>
          <jats:abstract><jats:p>…</jats:p></jats:abstract>
          <publication_date media_type="online"><month>12</month><year>2006</year>…
          <doi_data><doi>10.1371/…</doi><resource>http://…</resource></doi_data>
        </journal_article>…

A work is any element with its own `titles` and `doi_data` (a journal article, a
conference paper, a book or a chapter, a posted preprint, a dissertation, a report). Its
abstract is its JATS abstract (a structured one's sections labelled); its venue the title
of the journal, proceedings or book it is in, or a preprint's server; its date the earliest
it gives (online or print), else its issue's. Only authors are authors (no editors or
translators). Crossref holds abstracts only where the publisher deposited them: many works
have none, and are counted, not papers.

Read with the standard library's ElementTree through defusedxml (xml_documents.py).
"""

from __future__ import annotations

import re
from xml.etree.ElementTree import Element

from digest.readers.identifiers import parse_doi
from digest.readers.jats import own_abstract
from digest.readers.records import (
    Parsed,
    Problem,
    Record,
    excerpt,
    missing_abstract,
    parsed_from,
)
from digest.readers.xml_documents import (
    RecordShape,
    all_text,
    children_by_name,
    local,
    opens_like_xml,
    parse_xml,
    prepare_xml,
    start_lines,
)

_HEAD = 4096
_ROOT = re.compile(r"<(?:[\w.-]+:)?(?:doi_records|crossref_result|doi_batch)[\s>]")
_NAMESPACE = re.compile(r"crossref\.org/(?:qrschema|schema|xschema)/|<doi_records[\s>]")
# What Crossref's schema holds a work in (a journal its articles, a book its chapters…).
_CONTAINERS = (
    "journal",
    "conference",
    "book",
    "posted_content",
    "dissertation",
    "report-paper",
    "standard",
    "database",
    "peer_review",
    "sa_component",
)
_SHAPE = RecordShape(
    re.compile(r"<(?:[\w.-]+:)?(?:doi_record|journal|conference|book|posted_content)[\s>]"),
    lambda tag, _depth: local(tag) == "doi_record" or local(tag) in _CONTAINERS,
)
# Where a container names itself: the work's venue.
_VENUE_OF = {
    "journal_metadata": ("full_title",),
    "proceedings_metadata": ("proceedings_title",),
    "proceedings_series_metadata": ("proceedings_title",),
    "book_metadata": ("titles",),
    "book_series_metadata": ("titles",),
    "book_set_metadata": ("titles",),
    "report-paper_metadata": (),
    "database_metadata": ("titles",),
}
_DATES = ("publication_date", "posted_date", "approval_date")
_ISSUES = frozenset({"journal_issue", "proceedings_metadata", "book_metadata"})
_MEDIA_ORDER = {"online": 0, "print": 1}
_AUTHOR_ROLES = frozenset({"author", ""})
_YEAR = re.compile(r"\d{4}")
_MONTH_OR_DAY = re.compile(r"\d{1,2}")


def looks_like_crossref_xml(text: str) -> bool:
    head = text[:_HEAD]
    return opens_like_xml(text) and bool(_ROOT.search(head)) and bool(_NAMESPACE.search(head))


def parse_crossref_xml(text: str) -> Parsed:
    text = prepare_xml(text)
    document = parse_xml(text, "Crossref XML", _SHAPE)
    if isinstance(document, Problem):
        return Parsed((), (document,))
    works = _works(document.root)
    elements = [work for work, _venue, _issued in works]
    if document.record_lines is not None:  # read around damage: the line of its record
        line_of = {el: n for kept, n in document.record_lines.items() for el in kept.iter()}
        lines = [line_of.get(work, 1) for work in elements]
    else:
        # Each work's line is its <titles>' (every work has one; its start tag has many names).
        lines = document.lines_of(elements, lambda: start_lines(text, "titles"))
    found = (_record(*work, line) for work, line in zip(works, lines, strict=True))
    problems = document.problems(bool(works), "Crossref XML without any work (titles and a DOI)")
    return parsed_from(found, problems)


def _works(root: Element) -> list[tuple[Element, str, str]]:
    """Each work in document order, with the venue its container names and the date of
    the issue (or proceedings) it is in."""
    works: list[tuple[Element, str, str]] = []
    for container in root.iter():
        if local(container.tag) not in _CONTAINERS:
            continue
        venue = _venue(container)
        issued = next(
            (
                date
                for child in container
                if local(child.tag) in _ISSUES and (date := _date(children_by_name(child)))
            ),
            "",
        )
        for element in container.iter():
            kids = children_by_name(element)
            if "titles" in kids and "doi_data" in kids:
                own = local(element.tag) in _VENUE_OF  # a book's own record names no venue
                works.append((element, "" if own else venue, issued))
    return works


def _venue(container: Element) -> str:
    for child in container:
        name = local(child.tag)
        if name in _VENUE_OF:
            kids = children_by_name(child)
            for field in _VENUE_OF[name]:
                if field == "titles":
                    title = _title(kids)
                else:
                    title = _words(next((all_text(el) for el in kids.get(field, [])), ""))
                if title:
                    return title
    if local(container.tag) == "posted_content":  # a preprint: its server
        kids = children_by_name(container)
        server = _words(next((all_text(el) for el in kids.get("group_title", [])), ""))
        return server or _words(all_text(next(iter(kids.get("institution", [])), None)))
    return ""


def _record(work: Element, venue: str, issued: str, line: int) -> Record | Problem:
    kids = children_by_name(work)
    title = _title(kids)
    doi_data = children_by_name(kids["doi_data"][0])
    doi = parse_doi(next((all_text(el) for el in doi_data.get("doi", [])), "")) or None
    abstract = own_abstract(kids.get("abstract", []))
    if not abstract:
        why = "Crossref XML work without a <jats:abstract>"
        return missing_abstract(line, why, excerpt(title or doi or ""))
    url = next((all_text(el) for el in doi_data.get("resource", []) if all_text(el)), None)
    return Record(
        line=line,
        abstract=abstract,
        title=title or None,
        authors=_authors(kids),
        url=url,
        doi=doi,
        date=_date(kids) or issued or None,
        venue=venue or None,
        metadata=(("type", local(work.tag).replace("_", " ")),),
    )


def _words(text: str) -> str:
    return " ".join(text.split())


def _title(kids: dict[str, list[Element]]) -> str:
    """The work's title, with its subtitle after a colon; markup (<i>, <sup>) is text."""
    for titles in kids.get("titles", []):
        parts = children_by_name(titles)
        title = _words(next((all_text(el) for el in parts.get("title", [])), ""))
        subtitle = _words(next((all_text(el) for el in parts.get("subtitle", [])), ""))
        if title:
            return f"{title.rstrip(' :')}: {subtitle}" if subtitle else title
    return ""


def _authors(kids: dict[str, list[Element]]) -> tuple[str, ...]:
    names: list[str] = []
    for contributors in kids.get("contributors", []):
        for person in contributors:
            if (person.get("contributor_role") or "").casefold() not in _AUTHOR_ROLES:
                continue  # an editor, a translator, a chair
            if local(person.tag) == "organization":
                names.append(_words(all_text(person)))
            elif local(person.tag) == "person_name":
                parts = children_by_name(person)
                name = " ".join(
                    _words(all_text(el))
                    for field in ("given_name", "surname", "suffix")
                    for el in parts.get(field, [])
                )
                names.append(name.strip())
    return tuple(name for name in names if name)


def _date(kids: dict[str, list[Element]]) -> str:
    """The earliest date the work gives (online or print); an undated one its first."""
    dates = [
        (found, _MEDIA_ORDER.get(el.get("media_type") or "", 2))
        for name in _DATES
        for el in kids.get(name, [])
        if (found := _date_of(el))
    ]
    return min(dates, key=lambda d: (d[0][:4], d[1], d[0]))[0] if dates else ""


def _date_of(element: Element) -> str:
    parts = children_by_name(element)
    year, month, day = (
        _words(next((all_text(el) for el in parts.get(name, [])), ""))
        for name in ("year", "month", "day")
    )
    if not _YEAR.fullmatch(year):
        return ""
    if not _MONTH_OR_DAY.fullmatch(month) or not 1 <= int(month) <= 12:
        return year
    if not _MONTH_OR_DAY.fullmatch(day) or not 1 <= int(day) <= 31:
        return f"{year}-{int(month):02d}"
    return f"{year}-{int(month):02d}-{int(day):02d}"
