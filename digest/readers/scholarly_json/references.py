"""Scholarly JSON: the mappers of reference managers' JSON and its kin: CSL-JSON
(`csl_record`, which CSL YAML shares), Zotero's item JSON, the `scholarly` library's Google
Scholar publications, JSON Feed items and arXiv's metadata snapshot.
"""

from __future__ import annotations

import re
from typing import Any

from digest.readers.markup import (
    html_to_text,
    without_abstract_heading,
    without_keywords_line,
)
from digest.readers.records import (
    Problem,
    Record,
    excerpt,
    given_and_family,
    rfc2822_day,
    split_authors,
)
from digest.readers.scholarly_json.shapes import zotero_item
from digest.readers.scholarly_json.values import (
    csl_name,
    date_from_parts,
    dict_of,
    keywords_of,
    list_of,
    markup_free,
    metadata_of,
    nested,
    no_abstract,
    strings_of,
    text_of,
)

# Zotero items that are no paper: a note or a file attached to one, listed on their own.
_ZOTERO_CHILDREN = frozenset({"note", "attachment", "annotation"})
_ZOTERO_VENUES = (
    "publicationTitle", "proceedingsTitle", "bookTitle", "websiteTitle", "blogTitle",
    "forumTitle", "repository", "university", "institution", "publisher",
)  # fmt: skip
# Where a Google Scholar `bib` names its venue, in the order looked for.
_SCHOLAR_VENUES = ("journal", "conference", "book", "venue", "citation")
# What Zotero keeps in `extra`, one "Name: value" a line.
_EXTRA_ID = re.compile(r"^[^\S\n]*(arXiv|PMID|DOI|Citation Key)\s*:\s*(\S+)", re.I | re.M)
# An arXiv version as the metadata snapshot names it: "v2".
_VERSION = re.compile(r"v\d+")


def csl_record(line: int, item: dict[str, Any], source: str = "CSL-JSON") -> Record | Problem:
    """A CSL item (CSL-JSON, or CSL YAML as csl_yaml.py reads it) as a Record."""
    title = markup_free(text_of(item.get("title")))
    # Zotero keeps Crossref's JATS abstract with its heading on a line of its own
    # ("Abstract\n            A volume-area scaling relation …"), and exports it so.
    abstract, keywords_line = without_keywords_line(
        without_abstract_heading(markup_free(text_of(item.get("abstract"))))
    )
    if not abstract:
        if not title and set(item) <= {"id", "type", "citation-key"}:
            reason = f"empty {source} item (no title, no abstract: a stub the exporter wrote)"
            return Problem(line, reason, excerpt(text_of(item.get("id"))), notice=True)
        return no_abstract(line, source, title or text_of(item.get("id")))
    note = text_of(item.get("note"))
    arxiv = re.search(r"arXiv:\s*(\S+)", note + " " + text_of(item.get("number")))
    # Zotero keeps what an item type has no field for in Extra, exported as the note's
    # "DOI: …" and "PMID: …" lines (a report's or a book chapter's DOI).
    extra = dict(_EXTRA_LINE.findall(note))
    return Record(
        line=line,
        abstract=abstract,
        id=text_of(item.get("citation-key")) or text_of(item.get("id")) or None,
        arxiv=arxiv.group(1) if arxiv else None,
        title=title or None,
        # An edited book or proceedings has editors and no authors: its editors are named.
        authors=tuple(
            name
            for n in list_of(item.get("author")) or list_of(item.get("editor"))
            if (name := csl_name(n))
        ),
        url=text_of(item.get("URL")) or None,
        doi=text_of(item.get("DOI")) or extra.get("DOI") or None,
        date=date_from_parts(item.get("issued")),
        pmid=text_of(item.get("PMID")) or extra.get("PMID") or None,
        venue=text_of(item.get("container-title")) or None,
        keywords=keywords_of(item.get("keyword") or item.get("categories") or keywords_line),
        metadata=metadata_of(
            (key, item.get(key)) for key in ("type", "publisher", "page", "volume")
        ),
    )


_EXTRA_LINE = re.compile(r"^(DOI|PMID):[ \t]*(\S+)[ \t]*$", re.M)


def arxiv_snapshot_record(line: int, item: dict[str, Any]) -> Record | Problem:
    title = " ".join(text_of(item.get("title")).split())
    abstract = text_of(item.get("abstract"))
    ident = text_of(item.get("id"))
    if not abstract:
        return no_abstract(line, "arXiv snapshot", title or ident)
    versions = [dict_of(v) for v in list_of(item.get("versions"))]
    last = text_of(versions[-1].get("version")) if versions else ""
    submitted = rfc2822_day(text_of(versions[0].get("created"))) if versions else ""
    return Record(
        line=line,
        abstract=abstract,
        arxiv=f"{ident}{last}" if ident and _VERSION.fullmatch(last) else ident or None,
        title=title or None,
        authors=split_authors(" ".join(text_of(item.get("authors")).split())),
        doi=next(iter(text_of(item.get("doi")).split()), None),  # some list two DOIs
        date=submitted or text_of(item.get("update_date")) or None,
        venue=text_of(item.get("journal-ref")) or None,
        keywords=tuple(text_of(item.get("categories")).split()),
        metadata=metadata_of((key, item.get(key)) for key in ("comments", "report-no", "license")),
    )


def json_feed_record(line: int, item: dict[str, Any]) -> Record | Problem:
    title = markup_free(text_of(item.get("title")))
    content = text_of(item.get("content_text")) or html_to_text(text_of(item.get("content_html")))
    abstract = without_abstract_heading(content or markup_free(text_of(item.get("summary"))))
    if not abstract:
        return no_abstract(line, "JSON Feed", title or text_of(item.get("id")))
    url = text_of(item.get("url")) or text_of(item.get("external_url"))
    authors = list_of(item.get("authors")) or [item.get("author")]
    return Record(
        line=line,
        abstract=abstract,
        arxiv=url if "arxiv.org/abs/" in url else None,
        title=title or None,
        authors=strings_of(nested(author, "name") for author in authors),
        url=url or None,
        # An RFC 3339 time ("2021-01-01T00:00:00Z"): its day.
        date=text_of(item.get("date_published")).split("T")[0] or None,
        keywords=strings_of(list_of(item.get("tags"))),
        metadata=metadata_of([("id", item.get("id"))]),
    )


def google_scholar_record(line: int, publication: dict[str, Any]) -> Record | Problem:
    bib = dict_of(publication.get("bib"))
    title = text_of(bib.get("title"))
    abstract = text_of(bib.get("abstract"))
    if not abstract:
        return no_abstract(line, "Google Scholar", title)
    eprint = text_of(publication.get("eprint_url"))
    url = text_of(publication.get("pub_url")) or eprint
    return Record(
        line=line,
        abstract=abstract,
        arxiv=eprint if "arxiv.org/" in eprint else None,
        title=title or None,
        # A search result lists its authors; a filled publication names them in one string.
        authors=strings_of(names)
        if isinstance(names := bib.get("author"), list)
        else split_authors(text_of(names)),
        url=url or None,
        date=text_of(bib.get("pub_year")) or None,
        venue=next((v for key in _SCHOLAR_VENUES if (v := text_of(bib.get(key)))), None),
        metadata=metadata_of(
            [("publisher", bib.get("publisher")), ("citations", publication.get("num_citations"))]
        ),
    )


def zotero_record(line: int, value: dict[str, Any]) -> Record | Problem:
    item = zotero_item(value) or value
    kind = text_of(item.get("itemType"))
    title = markup_free(text_of(item.get("title")))
    if kind in _ZOTERO_CHILDREN:
        reason = f"not a paper (a Zotero {kind}, listed on its own)"
        return Problem(line, reason, excerpt(title or text_of(item.get("note"))), notice=True)
    abstract = without_abstract_heading(markup_free(text_of(item.get("abstractNote"))))
    if not abstract:
        return no_abstract(line, "Zotero", title)
    extra = {
        name.casefold(): found for name, found in _EXTRA_ID.findall(text_of(item.get("extra")))
    }
    creators = list_of(item.get("creators"))
    authors = [c for c in creators if nested(c, "creatorType") in ("author", None)] or creators
    key = text_of(item.get("citationKey")) or text_of(item.get("citekey"))
    return Record(
        line=line,
        abstract=abstract,
        id=key or extra.get("citation key") or text_of(item.get("key")) or None,
        arxiv=extra.get("arxiv"),
        title=title or None,
        authors=tuple(name for c in authors if (name := _zotero_name(c))),
        url=text_of(item.get("url")) or None,
        doi=text_of(item.get("DOI")) or extra.get("doi"),
        date=text_of(item.get("date")) or None,
        pmid=extra.get("pmid"),
        venue=next((v for name in _ZOTERO_VENUES if (v := text_of(item.get(name)))), None),
        keywords=strings_of(nested(tag, "tag") for tag in list_of(item.get("tags"))),
        metadata=metadata_of([("type", kind), ("zotero key", item.get("key"))]),
    )


def _zotero_name(creator: Any) -> str:
    if not isinstance(creator, dict):
        return text_of(creator)
    # Zotero saves a Chinese name from Wanfang or CNKI in two fields too ("李", "鲁").
    first, last = text_of(creator.get("firstName")), text_of(creator.get("lastName"))
    return text_of(creator.get("name")) or given_and_family(first, last)


def newest_versions_first(records: list[Record]) -> list[Record]:
    """bioRxiv's /details answer lists every version of a preprint; loading keeps the first
    record's abstract, so each preprint's newest version is put where its first one was."""
    by_doi: dict[str, list[int]] = {}
    for index, record in enumerate(records):
        if record.doi and any(key == "version" for key, _ in record.metadata):
            by_doi.setdefault(record.doi.casefold(), []).append(index)
    out = list(records)
    for indices in by_doi.values():
        if len(indices) > 1:
            newest = sorted((records[i] for i in indices), key=_version, reverse=True)
            for index, record in zip(indices, newest, strict=True):
                out[index] = record
    return out


def _version(record: Record) -> int:
    value = next((v for key, v in record.metadata if key == "version"), "")
    return int(value) if value.isdigit() else 0
