"""Scholarly JSON: `map_object`, each object given to the mapper of the source that wrote
it.
"""

from __future__ import annotations

from typing import Any

from digest.readers.records import (
    Problem,
    Record,
)
from digest.readers.scholarly_json.apis import (
    ads_record,
    biorxiv_record,
    core_record,
    crossref_record,
    datacite_record,
    dimensions_record,
    doaj_record,
    elsevier_record,
    esearch_record,
    esummary_record,
    europe_pmc_record,
    hal_record,
    ieee_xplore_record,
    inspire_record,
    lens_record,
    openalex_record,
    semantic_scholar_record,
    springer_record,
    zenodo_record,
)
from digest.readers.scholarly_json.references import (
    arxiv_snapshot_record,
    csl_record,
    google_scholar_record,
    json_feed_record,
    zotero_record,
)
from digest.readers.scholarly_json.shapes import Mapper, shape_of


def map_object(line: int, value: dict[str, Any]) -> Record | Problem | None:
    """The record of a known source's object; None for an object of no known shape."""
    mapper = _MAPPERS.get(shape_of(value))
    return mapper(line, value) if mapper else None


_MAPPERS: dict[str, Mapper] = {
    "csl-json": csl_record,
    "openalex": openalex_record,
    "crossref": crossref_record,
    "semantic-scholar": semantic_scholar_record,
    "europe-pmc": europe_pmc_record,
    "biorxiv": biorxiv_record,
    "zotero": zotero_record,
    "datacite": datacite_record,
    "elsevier": elsevier_record,
    "arxiv-snapshot": arxiv_snapshot_record,
    "json-feed": json_feed_record,
    "google-scholar": google_scholar_record,
    "zenodo": zenodo_record,
    "core": core_record,
    "doaj": doaj_record,
    "pubmed-esummary": esummary_record,
    "pubmed-esearch": esearch_record,
    "springer": springer_record,
    "ieee-xplore": ieee_xplore_record,
    "inspire": inspire_record,
    "nasa-ads": ads_record,
    "hal": hal_record,
    "dimensions": dimensions_record,
    "lens": lens_record,
}
