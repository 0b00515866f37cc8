"""DataCite XML: the metadata a DOI registered at DataCite carries (Zenodo, figshare, arXiv's
own DOIs, data repositories), as DataCite serves it (api.datacite.org/dois/…  with
Accept: application/vnd.datacite.datacite+xml, the "DataCite XML" download of Zenodo and
of DataCite Commons) and as OAI-PMH gives it (oai_datacite, datacite):

    <resource xmlns="http://datacite.org/schema/kernel-4">
      <identifier identifierType="DOI">10.5281/zenodo.1234</identifier>
      <creators><creator><creatorName nameType="Personal">Feldman, Heidi Li</creatorName>
        <givenName>Heidi Li</givenName><familyName>Feldman</familyName></creator></creators>
      <titles><title>…</title><title titleType="Subtitle">…</title></titles>
      <publisher>Zenodo</publisher><publicationYear>2023</publicationYear>
      <resourceType resourceTypeGeneral="JournalArticle">Article</resourceType>
      <subjects><subject>…</subject></subjects>
      <dates><date dateType="Issued">2023-01-01</date></dates>
      <descriptions><description descriptionType="Abstract">…</description></descriptions>
    </resource>

Each `resource` is a record, with or without a `datacite:` prefix (kernel 2.x to 4.x).
Its abstract is the description typed "Abstract", the English one when there is one per
language (kernel 3 breaks its lines with <br/>; Zenodo's holds its HTML escaped:
"&lt;p&gt;…"); other descriptions (methods, technical
notes, series) are not abstracts. A creator's name is given + family name when they are
given, else the creatorName ("Family, Given" for a person). The venue is the journal the
resource is published in (relatedItem relationType="IsPublishedIn"), else its publisher.

Read with the standard library's ElementTree through defusedxml (xml_documents.py).
"""

from __future__ import annotations

import re
from xml.etree.ElementTree import Element

from digest.readers.identifiers import parse_doi
from digest.readers.markup import markup_to_text
from digest.readers.records import (
    Parsed,
    Problem,
    Record,
    excerpt,
    first_name_first,
    missing_abstract,
    parsed_from,
)
from digest.readers.xml_documents import (
    RecordShape,
    all_text,
    children_by_name,
    descendants_by_name,
    in_one_language,
    local,
    opens_like_xml,
    parse_xml,
    prepare_xml,
    start_lines,
)

_HEAD = 4096
_NAMESPACE = re.compile(r"datacite\.org/schema/kernel-")
_ROOT = re.compile(r"<(?:[\w.-]+:)?resource[\s>]")
_SHAPE = RecordShape(_ROOT, lambda tag, _d: local(tag) == "resource")
_ARXIV_DOI = re.compile(r"^10\.48550/arxiv\.(.+)$", re.I)
_WEB_LINK = re.compile(r"^https?://\S+$")


def looks_like_datacite_xml(text: str) -> bool:
    head = text[:_HEAD]
    return opens_like_xml(text) and bool(_NAMESPACE.search(head)) and bool(_ROOT.search(head))


def parse_datacite_xml(text: str) -> Parsed:
    text = prepare_xml(text)
    document = parse_xml(text, "DataCite XML", _SHAPE)
    if isinstance(document, Problem):
        return Parsed((), (document,))
    found = datacite_resources(document.root)
    lines = document.lines_of(found, lambda: start_lines(text, "resource"))
    problems = document.problems(bool(found), "DataCite XML without any <resource>")
    return parsed_from(map(datacite_resource_record, found, lines), problems)


def datacite_resources(root: Element) -> list[Element]:
    """The `resource` elements of a tree: the root alone when it is one."""
    return [root] if local(root.tag) == "resource" else descendants_by_name(root, "resource")


def datacite_resource_record(resource: Element, line: int) -> Record | Problem:
    kids = children_by_name(resource)
    title = _title(_grandchildren(kids, "titles", "title"))
    doi = parse_doi(_doi(kids)) or None
    abstracts = [
        d
        for d in _grandchildren(kids, "descriptions", "description")
        if (d.get("descriptionType") or "").casefold() == "abstract"
    ]
    abstract = next((text for d in in_one_language(abstracts) if (text := _description(d))), "")
    if not abstract:
        why = "DataCite record without an Abstract description"
        return missing_abstract(line, why, excerpt(title or doi or ""))
    arxiv = _ARXIV_DOI.match(doi or "")
    issued = next(
        (
            all_text(d)
            for d in _grandchildren(kids, "dates", "date")
            if d.get("dateType") == "Issued" and all_text(d)
        ),
        "",
    )
    publisher = _first(kids, "publisher")
    resource_type = next(
        (t.get("resourceTypeGeneral") or all_text(t) for t in kids.get("resourceType", [])), ""
    )
    metadata = [("type", resource_type), ("publisher", publisher)]
    return Record(
        line=line,
        abstract=abstract,
        arxiv=arxiv.group(1) if arxiv else None,
        title=title or None,
        authors=tuple(
            name for c in _grandchildren(kids, "creators", "creator") if (name := _name(c))
        ),
        url=_link(kids),
        doi=doi,
        date=issued or _first(kids, "publicationYear") or None,
        venue=_journal(kids) or publisher or None,
        # Subjects given as URLs (Wikidata entities) name nothing a reader can read.
        keywords=tuple(
            dict.fromkeys(
                subject
                for s in _grandchildren(kids, "subjects", "subject")
                if (subject := _words(all_text(s))) and not _WEB_LINK.match(subject)
            )
        ),
        metadata=tuple((key, value) for key, value in metadata if value),
    )


def _grandchildren(kids: dict[str, list[Element]], outer: str, inner: str) -> list[Element]:
    return [el for parent in kids.get(outer, []) for el in parent if local(el.tag) == inner]


def _first(kids: dict[str, list[Element]], name: str) -> str:
    return next((text for el in kids.get(name, []) if (text := _words(all_text(el)))), "")


def _words(text: str) -> str:
    return " ".join(text.split())


def _title(titles: list[Element]) -> str:
    """The main title (the one without a titleType), with its subtitle after a colon."""
    main = next((t for t in titles if not t.get("titleType") and all_text(t)), None)
    if main is None:
        return ""
    title = _words(markup_to_text(all_text(main)))
    subtitle = next(
        (_words(all_text(t)) for t in titles if t.get("titleType") == "Subtitle" and all_text(t)),
        "",
    )
    return f"{title.rstrip(' :')}: {subtitle}" if subtitle else title


def _description(description: Element) -> str:
    """A description's text: kernel 3's <br/> breaks a line; HTML escaped in it goes."""
    parts = [description.text or ""]
    for child in description:
        parts.append("\n" if local(child.tag) == "br" else all_text(child))
        parts.append(child.tail or "")
    lines = (_words(line) for line in markup_to_text("".join(parts)).split("\n"))
    return "\n".join(line for line in lines if line)


def _doi(kids: dict[str, list[Element]]) -> str:
    for identifier in kids.get("identifier", []):
        if (identifier.get("identifierType") or "DOI").upper() == "DOI":
            return all_text(identifier)
    return ""


def _link(kids: dict[str, list[Element]]) -> str | None:
    """The resource's own web address, when the record gives one (an URL identifier)."""
    for parent in kids.get("alternateIdentifiers", []):
        for el in parent:
            if (el.get("alternateIdentifierType") or "").upper() == "URL":
                link = all_text(el)
                if _WEB_LINK.match(link):
                    return link
    return None


def _name(creator: Element) -> str:
    parts = children_by_name(creator)
    given, family = _first(parts, "givenName"), _first(parts, "familyName")
    if family:
        return f"{given} {family}".strip()
    names = parts.get("creatorName", [])
    name = _first(parts, "creatorName")
    # A person's creatorName is "Family, Given"; an organisation's is as it is written.
    organisation = bool(names) and names[0].get("nameType") == "Organizational"
    return name if organisation else first_name_first(name)


def _journal(kids: dict[str, list[Element]]) -> str:
    """The title of the journal (or book) the resource is published in (kernel 4.4+)."""
    for item in _grandchildren(kids, "relatedItems", "relatedItem"):
        if item.get("relationType") == "IsPublishedIn":
            title = _title(_grandchildren(children_by_name(item), "titles", "title"))
            if title:
                return title
    return ""
