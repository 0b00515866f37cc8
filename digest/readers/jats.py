"""JATS articles (`<article>` with `<front><article-meta>`), as PubMed Central writes them: an
efetch answer from `db=pmc` (`<pmc-articleset>` holding one `<article>` each), a file of
PMC's or Europe PMC's open-access subset, or the "Download XML" of PLOS, eLife, Frontiers,
MDPI and bioRxiv.

Each `<article>` is a record, read from its `front` only (the body is the full text):
`article-title`, the first `abstract` that is the article's own (not PLOS's "Author
summary", eLife's digest, a graphical or table-of-contents abstract; a structured one's
section titles kept: "Background: … Methods: …"), the authors of `contrib-group`, the
`article-id`s (DOI, PMID, PMCID), the journal's title, the publication date and the `kwd`
keywords. A meeting abstract (`article-type="abstract"`) holds its text in the body only:
that is its abstract. Inline markup (`<italic>`, `<sc>`, `<sub>`) is text.

Read with the standard library's ElementTree through defusedxml (xml_documents.py); a JATS
library would be a large dependency for the few fields a digest needs.
"""

from __future__ import annotations

import copy
import re
from xml.etree.ElementTree import Element, tostring

from digest.readers.markup import jats_to_text
from digest.readers.records import (
    Parsed,
    Problem,
    Record,
    cased_surname,
    excerpt,
    in_capitals,
    missing_abstract,
    parsed_from,
)
from digest.readers.xml_documents import (
    RecordShape,
    all_text,
    descendants_by_name,
    local,
    opens_like_xml,
    parse_xml,
    prepare_xml,
    start_lines,
)

# The root of a PMC answer, a JATS DOCTYPE, or an <article> root carrying a JATS attribute
# (an HTML page's <article> has none of these).
_ROOT = re.compile(
    r"<!DOCTYPE\s+(?:article|pmc-articleset)\b|<pmc-articleset[\s>]"
    r"|<article\b[^>]*\b(?:article-type|dtd-version|xmlns:xlink|xmlns:mml)="
)
_SHAPE = RecordShape(re.compile(r"<article[\s>]"), lambda tag, depth: local(tag) == "article")
# Abstracts that are not the article's abstract: PLOS's "Author summary" ("summary"),
# eLife's digest ("executive-summary"), a picture, a teaser, a table-of-contents blurb.
_OTHER_ABSTRACTS = frozenset(
    {
        "summary",
        "author-summary",
        "executive-summary",
        "graphical",
        "teaser",
        "toc",
        "web-summary",
        "precis",
        "short",
        "author-highlights",
        "highlights",
        "editor-summary",
        "plain-language-summary",
        "lay-summary",
        "video-abstract",
    }
)
# The publication date, most wanted first (among the dates of its earliest year): the
# article's own (electronic) date before the issue's, and PMC's release date last.
_DATE_TYPES = ("epub", "electronic", "ppub", "print", "collection", "pub", "")


def looks_like_jats_article(text: str) -> bool:
    return opens_like_xml(text) and _ROOT.search(text, 0, 4096) is not None


def parse_jats(text: str) -> Parsed:
    text = prepare_xml(text)
    document = parse_xml(text, "article XML", _SHAPE)
    if isinstance(document, Problem):
        return Parsed((), (document,))
    root = document.root
    # A PMC answer lists its articles; PMC's OAI-PMH (pmc, pmc_fm) holds each in a record.
    articles = [root] if local(root.tag) == "article" else descendants_by_name(root, "article")
    lines = document.lines_of(articles, lambda: start_lines(text, "article"))
    problems = document.problems(bool(articles), "JATS XML without any <article>")
    return parsed_from(map(jats_record, articles, lines), problems)


def jats_record(article: Element, line: int) -> Record | Problem:
    meta = _path(article, "front", "article-meta")
    if meta is None:
        return Problem(line, "JATS article without <front><article-meta>")
    title = _inline(_path(meta, "title-group", "article-title"))
    ids = {el.get("pub-id-type", ""): all_text(el) for el in _children(meta, "article-id")}
    abstract = _abstract(meta)
    if not abstract and article.get("article-type") == "abstract":
        # A meeting abstract (BMC's supplements in PMC, "Poster Presentation"): its text,
        # under "Introduction", "Methods" and the like, is the body, and there is no other.
        abstract = _body_text(_child(article, "body"))
    if not abstract:
        shown = ids.get("doi") or ids.get("pmc") or "?"
        return missing_abstract(line, f"JATS article {shown} has none", excerpt(title))
    journal = _path(article, "front", "journal-meta")
    venue = all_text(_path(journal, "journal-title-group", "journal-title")) or all_text(
        _path(journal, "journal-title")  # NLM 2.x: no group
    )
    pmc = ids.get("pmc") or ids.get("pmcid") or ""
    if pmc and not pmc.upper().startswith("PMC"):
        pmc = f"PMC{pmc}"
    keywords = [
        _inline(k) for group in _children(meta, "kwd-group") for k in _children(group, "kwd")
    ]
    return Record(
        line=line,
        abstract=abstract,
        title=title or None,
        authors=_authors(meta),
        doi=ids.get("doi") or None,
        date=_date(meta),
        pmid=ids.get("pmid") or None,
        venue=venue or None,
        keywords=tuple(k for k in keywords if k),
        metadata=(("pmc", pmc),) if pmc else (),
    )


def _abstract(meta: Element) -> str:
    return own_abstract(_children(meta, "abstract"))


def own_abstract(abstracts: list[Element]) -> str:
    """The text of the first JATS abstract that is the work's own (no author summary,
    digest or graphical abstract); a structured one's sections labelled."""
    own = [a for a in abstracts if a.get("abstract-type", "") not in _OTHER_ABSTRACTS]
    for abstract in own:
        text = _inline(abstract)
        if text:
            return text
    return ""


# What a meeting abstract's body shows beside its text: a figure or a table, caption and all.
_FLOATS = frozenset({"fig", "fig-group", "table-wrap", "table-wrap-group"})


def _body_text(body: Element | None) -> str:
    """The text of a body, its figures and tables left out (the tree is left as it is)."""
    if body is None:
        return ""
    body = copy.deepcopy(body)
    for parent in list(body.iter()):
        for child in list(parent):
            if local(child.tag) in _FLOATS:
                parent.remove(child)
    return _inline(body)


def _inline(element: Element | None) -> str:
    """The text of a title or an abstract: a section's title a label, markup left out."""
    if element is None:
        return ""
    return jats_to_text(tostring(element, encoding="unicode"))


def _authors(meta: Element) -> tuple[str, ...]:
    names: list[str] = []
    for group in _children(meta, "contrib-group"):
        for contrib in _children(group, "contrib"):
            if contrib.get("contrib-type", "author") != "author":
                continue
            name = _name(contrib)
            if name is not None and local(name.tag) == "name":
                given = all_text(_child(name, "given-names"))
                surname = all_text(_child(name, "surname"))
                if given and not in_capitals(given):
                    surname = cased_surname(surname)
                full = f"{given} {surname}".strip()
            else:
                full = _collab(_child(contrib, "collab")) or all_text(name)
            if full:
                names.append(" ".join(full.split()))
    return tuple(names)


def _name(contrib: Element) -> Element | None:
    """A contributor's <name> (or <string-name>); of the spellings in <name-alternatives>
    (J-STAGE's and Korean journals' Japanese or Korean name beside the English one), the
    western one."""
    alternatives = _child(contrib, "name-alternatives")
    holder = contrib if alternatives is None else alternatives
    names = _children(holder, "name")
    western = [n for n in names if n.get("name-style") == "western" or _lang(n) == "en"]
    return next(iter(western + names + _children(holder, "string-name")), None)


def _lang(element: Element) -> str:
    return element.get("{http://www.w3.org/XML/1998/namespace}lang", "")


def _collab(collab: Element | None) -> str:
    """A group author's name, without the roster of members some nest in it (a
    <contrib-group>) or a footnote mark (<xref>)."""
    if collab is None:
        return ""
    parts = [collab.text or ""]
    for child in collab:
        if local(child.tag) not in ("contrib-group", "xref"):
            parts.append("".join(child.itertext()))
        parts.append(child.tail or "")
    return " ".join("".join(parts).split())


def _date(meta: Element) -> str | None:
    """ "2011-04-07", "2011-07", "2011": the most wanted publication date there is."""
    dates = [d for d in _children(meta, "pub-date") if all_text(_child(d, "year"))]
    if not dates:
        return None

    def rank(date: Element) -> tuple[str, int]:
        """The earliest year first: an article is published when it first appears (SciELO
        gives an article of a 2003 issue, digitised later, an electronic date of 2022 and
        the issue's, 2003); within that year, the most wanted kind of date."""
        kind = date.get("pub-type") or date.get("publication-format") or date.get("date-type", "")
        year = all_text(_child(date, "year"))
        return (
            year.zfill(4) if year.isdigit() else "9999",
            _DATE_TYPES.index(kind) if kind in _DATE_TYPES else len(_DATE_TYPES),
        )

    date = min(dates, key=rank)
    parts = [all_text(_child(date, "year"))]
    month, day = all_text(_child(date, "month")), all_text(_child(date, "day"))
    if month.isdigit():
        parts.append(month.zfill(2))
        if day.isdigit():
            parts.append(day.zfill(2))
    return "-".join(parts)


def _children(element: Element | None, name: str) -> list[Element]:
    return [] if element is None else [c for c in element if local(c.tag) == name]


def _child(element: Element | None, name: str) -> Element | None:
    return next(iter(_children(element, name)), None)


def _path(element: Element | None, *names: str) -> Element | None:
    for name in names:
        element = _child(element, name)
    return element
