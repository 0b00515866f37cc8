"""Scholarly JSON: which source wrote an object (`shape_of`), told by the keys only that
source uses, and where each source keeps its record inside its envelope.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from digest.readers.records import (
    Problem,
    Record,
)
from digest.readers.scholarly_json.values import dict_of, has_csl_names, nested

GENERIC = "json"
Mapper = Callable[[int, dict[str, Any]], Record | Problem]

_CROSSREF_KEYS = ("member", "prefix", "deposited", "indexed", "is-referenced-by-count")
_CSL_KEYS = ("issued", "container-title", "citation-key", "DOI", "URL", "accessed", "PMID")
_BIORXIV_KEYS = ("jatsxml", "author_corresponding", "biorxiv_doi", "preprint_abstract")
_DATACITE_KEYS = ("descriptions", "publicationYear", "creators", "types")
_ELSEVIER_KEYS = ("prism:publicationName", "prism:doi", "prism:coverDate", "eid", "pii")
_ELSEVIER_ANSWERS = ("abstracts-retrieval-response", "full-text-retrieval-response")
_JSON_FEED_KEYS = ("content_html", "content_text", "date_published")
# CORE's API v2 (repositoryDocument, fulltextIdentifier) and v3 (the others).
_CORE_KEYS = (
    "repositoryDocument", "fulltextIdentifier", "fullTextIdentifier", "yearPublished",
    "dataProviders", "sourceFulltextUrls", "oaiIds",
)  # fmt: skip
_ZENODO_KEYS = ("description", "creators", "resource_type", "publication_date")
# IEEE Xplore's API: beside its article_number.
_IEEE_KEYS = ("publication_title", "content_type", "index_terms", "is_number")
_ZOTERO_KEYS = ("abstractNote", "creators", "title", "key")
_EUROPEPMC_KEYS = ("authorString", "abstractText", "journalInfo", "pubYear", "journalTitle")
# Semantic Scholar's graph API (camelCase), its bulk datasets (the same names lowercased)
# and its Open Research Corpus (2016-2021: `paperAbstract`, `s2Url`).
_S2_KEYS = ("paperId", "externalIds", "externalids", "corpusid", "paperAbstract", "s2Url")
# A NASA ADS document: beside its bibcode ("2017PhDT........14C"), any of these.
_ADS_KEYS = ("abstract", "title", "pub", "pubdate")
# Semantic Scholar's citations and references answers: the paper sits under one of these.
_S2_WRAPPERS = ("citingPaper", "citedPaper")


def springer_item(value: dict[str, Any]) -> bool:
    """A record of Springer Nature's Metadata API: its creators are {"creator": "…"}."""
    creators = value.get("creators")
    return isinstance(creators, list) and any(
        isinstance(c, dict) and "creator" in c for c in creators
    )


def datacite_item(value: dict[str, Any]) -> dict[str, Any] | None:
    """The DataCite attributes in an object: itself (DataCite JSON), its `attributes` (an
    item of the REST API's list) or `data.attributes` (its answer for one DOI); None if
    not DataCite's."""
    data = value.get("data")
    for item in (value, dict_of(value.get("attributes")), dict_of(nested(data, "attributes"))):
        if isinstance(item.get("titles"), list) and any(k in item for k in _DATACITE_KEYS):
            return item
    return None


def elsevier_item(value: dict[str, Any]) -> dict[str, Any] | None:
    """The record of an Elsevier API object: a search entry itself, or the `coredata` of a
    retrieval answer (`{"abstracts-retrieval-response": {"coredata": …}}`); None if neither."""
    for wrapper in _ELSEVIER_ANSWERS:
        core = nested(value, wrapper, "coredata")
        if isinstance(core, dict):
            return core
    if "dc:title" in value and any(key in value for key in _ELSEVIER_KEYS):
        return value
    # The entry of a search that found nothing: {"@_fa": "true", "error": "Result set was empty"}
    return value if "@_fa" in value and "error" in value else None


def core_item(value: dict[str, Any]) -> dict[str, Any] | None:
    """A CORE work or article: itself, the `_source` of a v2 search hit, or the `data` of a
    v2 /articles/get answer; None if not CORE's."""
    for item in (value, dict_of(value.get("_source")), dict_of(value.get("data"))):
        if any(key in item for key in _CORE_KEYS) and "title" in item:
            return item
    return None


def doaj_bibjson(value: dict[str, Any]) -> dict[str, Any] | None:
    """A DOAJ record's `bibjson`; None if the object is not a DOAJ article or journal."""
    bibjson = value.get("bibjson")
    return bibjson if isinstance(bibjson, dict) and "title" in bibjson else None


def zenodo_metadata(value: dict[str, Any]) -> dict[str, Any] | None:
    """A Zenodo record's `metadata`; None if the object is not a Zenodo record."""
    metadata = value.get("metadata")
    if not isinstance(metadata, dict) or "title" not in metadata:
        return None
    record = any(key in value for key in _ZENODO_RECORD_KEYS)
    return metadata if record and any(k in metadata for k in _ZENODO_KEYS) else None


def inspire_metadata(value: dict[str, Any]) -> dict[str, Any] | None:
    """An INSPIRE-HEP literature record's metadata: the `metadata` of its API's answer (one
    record, or a search's `hits.hits`), or the bare metadata (its JSON dump); None if not
    INSPIRE's. Its `control_number` beside a list of `titles` tells it."""
    for item in (dict_of(value.get("metadata")), value):
        if "control_number" in item and isinstance(item.get("titles"), list):
            return item
    return None


# A Zenodo record's own keys: the legacy API's, then InvenioRDM's (Zenodo since 2023).
_ZENODO_RECORD_KEYS = (
    "conceptrecid", "recid", "conceptdoi", "is_published", "pids", "revision_id",
)  # fmt: skip


def shape_of(value: dict[str, Any]) -> str:
    """Which source wrote this object, by keys only that source uses; GENERIC if none."""
    if "authors_parsed" in value or ("submitter" in value and "versions" in value):
        return "arxiv-snapshot"
    if value.get("container_type") == "Publication" and isinstance(value.get("bib"), dict):
        return "google-scholar"
    if "id" in value and "abstract" not in value and any(k in value for k in _JSON_FEED_KEYS):
        return "json-feed"
    ident = value.get("id")
    if "abstract_inverted_index" in value or (
        isinstance(ident, str) and ident.startswith("https://openalex.org/W")
    ):
        return "openalex"
    if any(key in value for key in _S2_KEYS) or s2_wrapped(value) is not None:
        return "semantic-scholar"
    # Europe PMC's "abstractText" names it alone too: a script relaying PubMed's records
    # under Europe PMC's names (an MCP server's efetch JSON) writes no "source".
    if "abstractText" in value or (
        "source" in value and any(key in value for key in _EUROPEPMC_KEYS)
    ):
        return "europe-pmc"
    if zotero_item(value) is not None:
        return "zotero"
    if inspire_metadata(value) is not None:
        return "inspire"
    if "bibcode" in value and any(key in value for key in _ADS_KEYS):
        return "nasa-ads"
    if "halId_s" in value or ("uri_s" in value and "title_s" in value):
        return "hal"
    if isinstance(ident, str) and ident.startswith("pub.") and "title" in value:
        return "dimensions"
    if "lens_id" in value and "title" in value:
        return "lens"
    if (
        "uid" in value
        and (any(key in value for key in _ESUMMARY_KEYS) or set(value) == {"uid", "error"})
    ) or nested(value, "header", "type") == "esummary":
        return "pubmed-esummary"
    if isinstance(value.get("esearchresult"), dict):
        return "pubmed-esearch"
    if springer_item(value):
        return "springer"
    if "article_number" in value and any(key in value for key in _IEEE_KEYS):
        return "ieee-xplore"
    if core_item(value) is not None:
        return "core"
    if doaj_bibjson(value) is not None:
        return "doaj"
    if datacite_item(value) is not None:
        return "datacite"
    if elsevier_item(value) is not None:
        return "elsevier"
    if zenodo_metadata(value) is not None:
        return "zenodo"
    if "DOI" in value and (
        any(key in value for key in _CROSSREF_KEYS) or isinstance(value.get("title"), list)
    ):
        return "crossref"
    if any(key in value for key in _BIORXIV_KEYS) or (
        str(value.get("server", "")).lower() in ("biorxiv", "medrxiv") and "doi" in value
    ):
        return "biorxiv"
    if "type" in value and (
        any(key in value for key in _CSL_KEYS)
        or has_csl_names(value.get("author") or value.get("editor"))
    ):
        return "csl-json"
    return GENERIC


def s2_wrapped(value: dict[str, Any]) -> dict[str, Any] | None:
    """The paper a Semantic Scholar citation or reference holds; None if not one."""
    return next((inner for key in _S2_WRAPPERS if isinstance(inner := value.get(key), dict)), None)


def zotero_item(value: dict[str, Any]) -> dict[str, Any] | None:
    """The Zotero item in an object: itself, or the web API's `data`; None if not one."""
    data = value.get("data")
    item = data if isinstance(data, dict) and "itemType" in data else value
    if isinstance(item.get("itemType"), str) and any(key in item for key in _ZOTERO_KEYS):
        return item
    return None


# Fields of an E-utilities esummary document summary (db=pubmed, pmc, …).
_ESUMMARY_KEYS = ("sortpubdate", "fulljournalname", "articleids", "pubtype", "elocationid")
