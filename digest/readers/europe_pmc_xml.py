"""Europe PMC's REST search answered in XML (www.ebi.ac.uk/europepmc/webservices/rest/search
with format=xml, its default before JSON was asked for):

    <responseWrapper><version>5.2.1</version><hitCount>1</hitCount>
      <request><query>EXT_ID:28644687</query><resultType>core</resultType>…</request>
      <resultList><result><id>28644687</id><source>MED</source><pmid>…</pmid>
        <title>…</title><authorList><author><firstName>Angela L</firstName>
        <lastName>Chiew</lastName>…</author>…</authorList>
        <journalInfo><journal><title>…</title></journal>…</journalInfo>
        <abstractText>…</abstractText><keywordList><keyword>…</keyword>…</keywordList>
      </result>…</resultList>
    </responseWrapper>

Its elements are the JSON answer's keys, so each `<result>` is turned into the object the
JSON answer holds (a `…List` element a list of its children, as `authorList.author[]`)
and read by the same Europe PMC mapper (scholarly_json). Only `resultType=core` answers
carry abstracts; a `lite` answer says to search again with it.

Asked for `format=dc`, the answer holds each result as Dublin Core instead, in an
`<rdf:RDF>` after the same `<request>`:

    <rdf:Description rdf:about="http://europepmc.org/abstract/MED/40468710">
      <dc:title>…</dc:title><dc:creator>Al-Abbadey, M</dc:creator>…<dc:subject>…</dc:subject>
      <dc:date>2025-09-01</dc:date><dc:identifier>https://doi.org/10.1111/bjhp.12807</dc:identifier>
      <dcterms:bibliographicCitation>&amp;ctx_ver=Z39.88-2004&amp;rft.jtitle=British%20…
      </dcterms:bibliographicCitation><dcterms:abstract>&lt;h4&gt;Objective…</dcterms:abstract>
    </rdf:Description>

Each is made into the object the JSON answer would hold for it (its source and id from
its address, its journal from the OpenURL citation) and read by the same mapper.

Read with the standard library's ElementTree through defusedxml (xml_documents.py).
"""

from __future__ import annotations

import re
import urllib.parse
from typing import Any
from xml.etree.ElementTree import Element, tostring

from digest.readers.identifiers import parse_doi
from digest.readers.records import Parsed, Problem, parsed_from
from digest.readers.scholarly_json.apis import europe_pmc_record
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
_ROOT = re.compile(r"<responseWrapper[\s>]")
_SIGNS = re.compile(r"<(?:hitCount|resultList|resultType)[\s>]")
_SHAPE = RecordShape(
    re.compile(r"<(?:result|rdf:Description)[\s>]"),
    lambda tag, _depth: local(tag) in ("result", "Description"),
)
_RDF_ABOUT = "{http://www.w3.org/1999/02/22-rdf-syntax-ns#}about"
# A Dublin Core result's address: "http://europepmc.org/abstract/MED/40468710".
_ADDRESS = re.compile(r"/abstract/([A-Z]+)/([^/\s]+)$")
# The HTML Europe PMC writes inside its text fields (no field of its answer is named so).
_HTML_TAGS = frozenset(
    {"p", "br", "div", "span", "h1", "h2", "h3", "h4", "h5", "h6", "i", "b", "em", "strong"}
    | {"sup", "sub", "u", "sc", "ul", "ol", "li"}
)


def looks_like_europe_pmc_xml(text: str) -> bool:
    head = text[:_HEAD]
    return opens_like_xml(text) and bool(_ROOT.search(head)) and bool(_SIGNS.search(head))


def parse_europe_pmc_xml(text: str) -> Parsed:
    text = prepare_xml(text)
    document = parse_xml(text, "Europe PMC answer", _SHAPE)
    if isinstance(document, Problem):
        return Parsed((), (document,))
    name, object_of = "result", _object_of
    found = descendants_by_name(document.root, name)
    if not found:  # format=dc
        name, object_of = "Description", _object_of_description
        found = descendants_by_name(document.root, name)
    lines = document.lines_of(found, lambda: start_lines(text, name))
    problems = document.problems(bool(found), "Europe PMC answer without any <result>")
    pairs = zip(found, lines, strict=True)
    records = (europe_pmc_record(line, object_of(result)) for result, line in pairs)
    # Named as the JSON answer is: a file without abstracts gets the same advice.
    return parsed_from(records, problems, format="europe-pmc")


def _object_of(element: Element) -> dict[str, Any]:
    """An element as the JSON answer has it: each child under its name; a `…List`'s
    children as a list under theirs; text with markup in it (an abstract's <i>, <sup>) as
    that markup, which the mapper reads as the JSON's HTML."""
    found: dict[str, Any] = {}
    for child in element:
        name = local(child.tag)
        value = _value_of(child)
        if local(element.tag).endswith("List"):
            found.setdefault(name, []).append(value)
        elif name in found:  # a repeated field: a list, as JSON writes it
            previous = found[name]
            found[name] = [*previous, value] if isinstance(previous, list) else [previous, value]
        else:
            found[name] = value
    return found


def _value_of(element: Element) -> Any:
    if len(element) == 0:
        return (element.text or "").strip()
    mixed = (element.text or "").strip() or any((child.tail or "").strip() for child in element)
    # An abstract in paragraphs or headed sections has no text of its own around them:
    # "<abstractText><h4>Background</h4><p>…</p></abstractText>" is markup all the same.
    if mixed or all(local(child.tag).lower() in _HTML_TAGS for child in element):
        inner = (element.text or "") + "".join(
            tostring(child, encoding="unicode") for child in element
        )
        return inner.strip()
    return _object_of(element)


def _object_of_description(element: Element) -> dict[str, Any]:
    """A Dublin Core result as the JSON answer's object: "Al-Abbadey, M" an author's last
    and first names, the journal the OpenURL citation's `rft.jtitle`."""
    kids = children_by_name(element)

    def texts(name: str) -> list[str]:
        return [text for text in map(all_text, kids.get(name, [])) if text]

    source, ident = "", ""
    if address := _ADDRESS.search(element.get(_RDF_ABOUT, "")):
        source, ident = address.groups()
    authors = []
    for creator in texts("creator"):
        last, comma, first = creator.partition(",")
        authors.append(
            {"lastName": last, "firstName": first.strip()} if comma else {"collectiveName": creator}
        )
    journals = (
        urllib.parse.parse_qs(citation).get("rft.jtitle", [""])[0]
        for citation in texts("bibliographicCitation")
    )
    return {
        "id": ident,
        "source": source,
        "pmid": ident if source == "MED" else "",
        "doi": next(filter(None, map(parse_doi, texts("identifier"))), ""),
        "title": next(iter(texts("title")), ""),
        "abstractText": next(iter(texts("abstract")), ""),
        "authorList": {"author": authors},
        "journalInfo": {"journal": {"title": next(filter(None, journals), "")}},
        "firstPublicationDate": next(iter(texts("date")), ""),
        "keywordList": {"keyword": texts("subject")},
    }
