"""RSS 2.0 / RSS 1.0 and Atom feeds saved to a file: arXiv's listing feeds, arXiv API answers.

arXiv's feeds put the id and announce type in front of the abstract:

    <description>arXiv:2411.10001v1 Announce Type: new
    Abstract: Long-context language models …</description>

arXiv's API answers are Atom, with the id in `<id>http://arxiv.org/abs/2101.00001v2</id>`,
the abstract in `<summary>` and `arxiv:doi`/`arxiv:comment` elements. Any other feed gives
its items' descriptions (or summaries) as abstracts.

The XML is parsed by defusedxml (see digest/readers/xml_documents.py).
"""

from __future__ import annotations

import re
from xml.etree.ElementTree import Element

from digest.readers.markup import html_to_text
from digest.readers.records import (
    Parsed,
    Problem,
    Record,
    excerpt,
    parsed_from,
    split_authors,
)
from digest.readers.xml_documents import local as _local
from digest.readers.xml_documents import opens_like_xml, parse_xml, prepare_xml, start_lines

__all__ = ["html_to_text", "looks_like_atom", "looks_like_rss", "parse_feed"]

_HEAD = 4096
_RSS_ROOT = re.compile(r"<rss[\s>]|<rdf:RDF[\s>]")
_ATOM_ROOT = re.compile(r"<(?:\w+:)?feed[\s>][^>]*http://www\.w3\.org/2005/Atom")
# arXiv's listing feeds: "arXiv:2411.10001v1 Announce Type: new \nAbstract: …"
_ARXIV_DESCRIPTION = re.compile(
    r"\A\s*arXiv:(\S+)\s+Announce Type:\s*([\w-]+)\s*(?:Abstract:\s*)?(.*)\Z", re.S
)
_OLD_TITLE = re.compile(
    r"\A(.*?)\.?\s*\(arXiv:(\S+?)(?:\s+\[[^\]]*\])?(?:\s+UPDATED)?\)\s*\Z", re.S
)
_OAI_ID = re.compile(r"\Aoai:arXiv\.org:(\S+)\Z", re.I)
_STARTS_WITH_TAG = re.compile(r"\A\s*<(?:p|div|span|br|b|i|em|a)[\s/>]", re.I)


def looks_like_rss(text: str) -> bool:
    return opens_like_xml(text) and _RSS_ROOT.search(text, 0, _HEAD) is not None


def looks_like_atom(text: str) -> bool:
    return opens_like_xml(text) and _ATOM_ROOT.search(text, 0, _HEAD) is not None


def parse_feed(text: str) -> Parsed:
    """Every item (RSS) or entry (Atom) of a saved feed; ones without text are Problems."""
    text = prepare_xml(text)
    root = parse_xml(text, "feed")
    if isinstance(root, Problem):
        return Parsed((), (root,))
    items = [el for el in root.iter() if _local(el.tag) in ("item", "entry")]
    lines = start_lines(text, "entry" if _local(root.tag) == "feed" else "item")
    lines += [1] * (len(items) - len(lines))
    found = (
        _atom_entry(item, line) if _local(item.tag) == "entry" else _rss_item(item, line)
        for item, line in zip(items, lines, strict=True)
    )
    empty = [] if items else [Problem(None, "feed without items or entries")]
    return parsed_from(found, empty)


# An element's children by local name, made once per item: looking each field up by
# scanning every child is what made large feeds slow.
_Kids = dict[str, list[Element]]


def _kids(element: Element) -> _Kids:
    kids: _Kids = {}
    for child in element:
        kids.setdefault(_local(child.tag), []).append(child)
    return kids


def _text(kids: _Kids, *names: str) -> str:
    """The text of the first named child that has any (markup inside it included)."""
    for name in names:
        for child in kids.get(name, ()):
            value = "".join(child.itertext()).strip()
            if value:
                if child.get("type") in ("html", "xhtml") or (
                    name == "description" and _STARTS_WITH_TAG.match(value)
                ):
                    value = html_to_text(value)
                return value
    return ""


def _own_text(element: Element) -> str:
    return "".join(element.itertext()).strip()


def _rss_item(item: Element, line: int) -> Record | Problem:
    kids = _kids(item)
    title = _text(kids, "title")
    description = _text(kids, "description", "encoded", "summary")
    arxiv, announce, abstract = _split_arxiv_description(description)
    old_style = _OLD_TITLE.match(title)
    if old_style:  # arXiv's feeds before 2024: "Title. (arXiv:2101.00001v2 [cs.CL] UPDATED)"
        title, arxiv = old_style.group(1), arxiv or old_style.group(2)
    if not arxiv:
        guid = _OAI_ID.match(_text(kids, "guid"))
        arxiv = guid.group(1) if guid else None
    authors: tuple[str, ...] = ()
    for creator in kids.get("creator", ()):
        authors += split_authors(html_to_text("".join(creator.itertext())))
    metadata = _metadata(kids, announce)
    categories = [text for el in kids.get("category", ()) if (text := _own_text(el))]
    if categories:
        metadata.append(("categories", " ".join(categories)))
    if not abstract:
        return _no_abstract(line, "feed item", title, arxiv, metadata)
    return Record(
        line=line,
        abstract=abstract,
        arxiv=arxiv,
        title=title or None,
        authors=authors,
        url=_text(kids, "link") or None,
        date=_text(kids, "pubDate", "date") or None,
        metadata=tuple(metadata),
    )


def _atom_entry(entry: Element, line: int) -> Record | Problem:
    kids = _kids(entry)
    title = _text(kids, "title")
    summary = _text(kids, "summary", "content")
    entry_id = _text(kids, "id")
    if "arxiv.org/api/errors" in entry_id:
        return Problem(line, f"arXiv API error: {summary or title}", excerpt(entry_id))
    arxiv, announce, abstract = _split_arxiv_description(summary)
    if not arxiv:
        oai = _OAI_ID.match(entry_id)
        arxiv = oai.group(1) if oai else (entry_id if "arxiv.org/abs/" in entry_id else None)
    url = None
    doi = _text(kids, "doi") or None
    for link in kids.get("link", ()):
        href = link.get("href", "")
        if link.get("rel", "alternate") == "alternate" and url is None:
            url = href
        elif link.get("title") == "doi" and doi is None:
            doi = href
    authors = tuple(
        name for author in kids.get("author", ()) if (name := _text(_kids(author), "name"))
    )
    metadata = _metadata(kids, announce)
    categories = [term for el in kids.get("category", ()) if (term := el.get("term", ""))]
    if categories:
        metadata.append(("categories", " ".join(categories)))
    for name, key in (("comment", "comments"), ("journal_ref", "journal-ref")):
        value = _text(kids, name)
        if value:
            metadata.append((key, value))
    if not abstract:
        return _no_abstract(line, "feed entry", title, arxiv, metadata)
    return Record(
        line=line,
        abstract=abstract,
        arxiv=arxiv,
        title=title or None,
        authors=authors,
        url=url or None,
        doi=doi,
        date=_text(kids, "published", "updated") or None,
        metadata=tuple(metadata),
    )


def _split_arxiv_description(text: str) -> tuple[str | None, str | None, str]:
    """(arXiv id, announce type, abstract) from an arXiv feed description, else the text."""
    found = _ARXIV_DESCRIPTION.match(text)
    if found is None:
        return None, None, text
    return found.group(1), found.group(2), found.group(3).strip()


def _metadata(kids: _Kids, announce: str | None) -> list[tuple[str, str]]:
    announce = announce or _text(kids, "announce_type")
    return [("announce type", announce)] if announce else []


def _no_abstract(
    line: int, what: str, title: str, arxiv: str | None, metadata: list[tuple[str, str]]
) -> Problem:
    reason = f"no abstract ({what} with an empty description or summary)"
    # An arXiv feed's replacement without its abstract is as arXiv sends it: a notice.
    replacement = any(k == "announce type" and v.startswith("replace") for k, v in metadata)
    shown = excerpt(f"arXiv:{arxiv} {title}" if arxiv else title)
    return Problem(line, reason, shown, replacement)
