"""OAI-PMH answers saved to a file: arXiv's bulk metadata (export.arxiv.org/oai2, the way
arXiv asks harvesters to take more than a few records), and any repository's Dublin Core.

    <OAI-PMH xmlns="http://www.openarchives.org/OAI/2.0/">
      <ListRecords>
        <record>
          <header><identifier>oai:arXiv.org:0704.0002</identifier>…</header>
          <metadata><arXiv xmlns="http://arxiv.org/OAI/arXiv/"><id>0704.0002</id>
            <authors><author><keyname>Streinu</keyname><forenames>Ileana</forenames>…
            <title>…</title><categories>math.CO cs.CG</categories><doi>…</doi>
            <abstract>  We describe …</abstract></arXiv></metadata>
        </record>…

Six metadata formats are read: DataCite's, MODS and PubMed Central's JATS (each by its own
reader), arXiv's own (`arXiv`: names in keyname/forenames), `arXivRaw` (one `authors`
string, a `version` per revision) and Dublin Core (`oai_dc`:
`dc:creator` "Surname, Given", the abstract the first `dc:description`, as text where a
repository gives its HTML (figshare, Zenodo), arXiv's comment a later one starting
"Comment:", the links in `dc:identifier`). A record the repository deleted has a header and
no metadata: it is counted, not a paper.

Read with the standard library's ElementTree through defusedxml (xml_documents.py): no
maintained library reads these answers without also fetching them.
"""

from __future__ import annotations

import re
from xml.etree.ElementTree import Element

from digest.readers.datacite_xml import datacite_resource_record, datacite_resources
from digest.readers.identifiers import parse_doi
from digest.readers.jats import jats_record
from digest.readers.markup import markup_to_text
from digest.readers.mods import mods_record
from digest.readers.records import Parsed, Problem, Record, excerpt, parsed_from, rfc2822_day
from digest.readers.xml_documents import (
    RecordShape,
    all_text,
    children_by_name,
    descendants_by_name,
    local,
    opens_like_xml,
    parse_xml,
    prepare_xml,
    start_lines,
)

_HEAD = 4096
_ROOT = re.compile(r"<(?:\w+:)?OAI-PMH[\s>]")
_SHAPE = RecordShape(re.compile(r"<(?:\w+:)?record[\s>]"), lambda tag, _d: local(tag) == "record")
_ARXIV_OAI_ID = re.compile(r"^oai:arXiv\.org:(.+)$", re.I)
_WEB_LINK = re.compile(r"https?://\S+")
_DATACITE = frozenset({"oai_datacite", "resource"})
_RAW_AUTHOR_SEPARATOR = re.compile(r",\s*(?:and\s+)?|(?<!\s)\s+and\s+")  # arXivRaw's "A, B and C"


def looks_like_oai_pmh(text: str) -> bool:
    return opens_like_xml(text) and _ROOT.search(text, 0, _HEAD) is not None


def parse_oai_pmh(text: str) -> Parsed:
    text = prepare_xml(text)
    document = parse_xml(text, "OAI-PMH answer", _SHAPE)
    if isinstance(document, Problem):
        return Parsed((), (document,))
    found = descendants_by_name(document.root, "record")
    lines = document.lines_of(found, lambda: start_lines(text, "record"))
    problems = document.problems(bool(found), _nothing(document.root))
    return parsed_from(map(_record, found, lines), problems)


def _nothing(root: Element) -> str:
    """Why an answer holds no record: OAI-PMH's own error ("noRecordsMatch"), if it has one."""
    error = next((el for el in root.iter() if local(el.tag) == "error"), None)
    if error is None:
        return "OAI-PMH answer without any record"
    said = " ".join(all_text(error).split())
    return f"OAI-PMH answer without any record: {error.get('code', 'error')}" + (
        f" ({said})" if said else ""
    )


def _texts(kids: dict[str, list[Element]], name: str) -> list[str]:
    return [text for el in kids.get(name, []) if (text := " ".join(all_text(el).split()))]


def _first(kids: dict[str, list[Element]], name: str) -> str:
    return next(iter(_texts(kids, name)), "")


def _record(record: Element, line: int) -> Record | Problem:
    header = next((el for el in record if local(el.tag) == "header"), None)
    identifier = _first(children_by_name(header), "identifier") if header is not None else ""
    metadata = next((el for el in record if local(el.tag) == "metadata"), None)
    inner = next(iter(metadata), None) if metadata is not None else None
    if inner is None:
        deleted = header is not None and header.get("status") == "deleted"
        reason = (
            "deleted record (the repository keeps only its header)"
            if deleted
            else ("OAI-PMH record without metadata")
        )
        return Problem(line, reason, excerpt(identifier), notice=deleted)
    if local(inner.tag) in _DATACITE:  # DataCite's own, or wrapped in oai_datacite's payload
        resource = next(iter(datacite_resources(inner)), None)
        if resource is None:
            return Problem(line, "OAI-PMH record without a DataCite resource", excerpt(identifier))
        return datacite_resource_record(resource, line)
    if local(inner.tag) == "mods":  # a library repository's (Islandora, DSpace) MODS
        return mods_record(inner, line)
    if local(inner.tag) == "article":  # PubMed Central's (pmc, pmc_fm): a JATS article
        return jats_record(inner, line)
    kids = children_by_name(inner)
    if local(inner.tag) == "dc":
        return _dublin_core(line, kids, identifier)
    return _arxiv(line, kids, identifier, raw=local(inner.tag) == "arXivRaw")


def _arxiv(
    line: int, kids: dict[str, list[Element]], identifier: str, raw: bool
) -> Record | Problem:
    title = _first(kids, "title")
    abstract = " ".join(_first(kids, "abstract").split())
    if not abstract:
        return Problem(line, "no abstract (arXiv OAI-PMH record without one)", excerpt(title))
    from_header = _ARXIV_OAI_ID.match(identifier)
    arxiv = _first(kids, "id") or (from_header.group(1) if from_header else "")
    if raw:  # arXivRaw: "A. One, B. Two and C. Three"; the first version's date, as arXiv's
        # `created` is: the same paper gets the same date from either format
        authors = tuple(
            name.strip()
            for name in _RAW_AUTHOR_SEPARATOR.split(_first(kids, "authors"))
            if name.strip()
        )
        dates = [_first(children_by_name(v), "date") for v in kids.get("version", [])]
        date = rfc2822_day(dates[0]) if dates else ""
    else:
        authors = tuple(
            _arxiv_name(children_by_name(a)) for el in kids.get("authors", []) for a in el
        )
        date = _first(kids, "created")
    metadata = [
        (key.replace("-", " "), value)
        for key in ("categories", "comments", "journal-ref", "report-no", "msc-class", "acm-class")
        if (value := _first(kids, key))
    ]
    categories = _first(kids, "categories").split()
    return Record(
        line=line,
        abstract=abstract,
        arxiv=arxiv or None,
        title=title or None,
        authors=tuple(name for name in authors if name),
        doi=parse_doi(_first(kids, "doi")) or None,
        date=date or None,
        venue=_first(kids, "journal-ref") or None,
        keywords=tuple(categories),
        metadata=tuple(metadata),
    )


def _arxiv_name(kids: dict[str, list[Element]]) -> str:
    """keyname/forenames/suffix -> "Ileana Streinu"."""
    return " ".join(
        part
        for part in (_first(kids, "forenames"), _first(kids, "keyname"), _first(kids, "suffix"))
        if part
    )


def _dublin_core(line: int, kids: dict[str, list[Element]], identifier: str) -> Record | Problem:
    title = _first(kids, "title")
    descriptions = _texts(kids, "description")
    abstracts = [d for d in descriptions if not d.startswith("Comment:")]
    if not abstracts:
        return Problem(
            line,
            "no abstract (OAI-PMH Dublin Core record without a description)",
            excerpt(title or identifier),
        )
    identifiers = _texts(kids, "identifier")
    links = [found.group() for value in identifiers if (found := _WEB_LINK.match(value))]
    doi = next((d for value in identifiers if (d := parse_doi(value))), None)
    from_header = _ARXIV_OAI_ID.match(identifier)
    comments = [
        d.removeprefix("Comment:").strip() for d in descriptions if d.startswith("Comment:")
    ]
    return Record(
        line=line,
        # figshare's and Zenodo's description is their HTML, escaped in the XML: its text.
        abstract=markup_to_text(abstracts[0]),
        arxiv=from_header.group(1) if from_header else None,
        title=title or None,
        authors=tuple(_surname_last(name) for name in _texts(kids, "creator")),
        url=links[0] if links else None,
        doi=doi,
        date=next(iter(_texts(kids, "date")), None),
        keywords=tuple(_texts(kids, "subject")),
        metadata=tuple(("comments", comment) for comment in comments if comment),
    )


def _surname_last(name: str) -> str:
    """ "Streinu, Ileana" -> "Ileana Streinu"; other forms as written."""
    surname, comma, given = name.partition(",")
    return f"{given.strip()} {surname.strip()}" if comma and given.strip() else name
