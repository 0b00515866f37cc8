"""The JSON that scholarly tools and APIs write, one mapper per source: a decoded object in,
a Record (or a Problem saying why not) out. digest/readers/json_documents.py finds the
objects; `shape_of` tells which source wrote one by the keys only that source uses.

- CSL-JSON (Zotero, Better BibTeX, citeproc): `title`, `abstract`, `author` as
  `{"family", "given"}` or `{"literal"}`, `issued.date-parts`, `container-title`, `DOI`
  (sometimes a full https://doi.org/ URL), `URL`, `PMID`, `keyword` (DataCite's, asked for
  CSL-JSON at doi.org, puts its subjects in a `categories` list). Zotero writes an empty
  stub item (`{"id": "zotero-undefined"}`) for items it could not export.
- OpenAlex works: the abstract only as `abstract_inverted_index` (word -> positions),
  rebuilt here; `doi` and `ids.pmid` as URLs; `authorships[].author.display_name`;
  `primary_location.source.display_name` as the venue (before 2023, `host_venue`).
  openalexR's works data frame saved as JSON keeps the abstract rebuilt as `ab`.
- Crossref works: `title` and `container-title` are lists; the abstract is JATS XML; a
  preprint (`posted-content`) names its server as `institution[0].name`.
- Semantic Scholar papers: `externalIds` (DOI, ArXiv, PubMed), `authors[].name`, `venue`
  or `journal.name`; its bulk datasets (JSON Lines) write the same fields lowercased
  (`corpusid`, `externalids`, `publicationdate`, `s2fieldsofstudy`), and its "abstracts"
  dataset has only `corpusid`, `abstract` and the ids under `openaccessinfo.externalids`;
  a batch answer holds null for ids not found (json_documents.py).
- Semantic Scholar's citations and references answers wrap each paper as `citingPaper` or
  `citedPaper` (beside `contexts`, `intents`): the paper inside is read.
- Europe PMC REST search (`resultList.result`, json_documents.py): `abstractText` (HTML,
  with `<h4>` section headings) only in `resultType=core`, `authorList.author[]` or
  `authorString`, `journalInfo.journal.title` (or `journalTitle`), `pmid`, `pmcid`, `doi`,
  `keywordList.keyword` (else the MeSH `meshHeadingList`); preprints (`source` PPR) name
  their server in `bookOrReportDetails`.
- bioRxiv/medRxiv API: `doi`, `title`, `authors` as "Last, F.; Last, G.", `server`,
  `category`, `version`, `date`; the /pubs endpoint's `preprint_*` fields too. Its
  abstracts keep the marks of HighWire's conversion: headings glued to their sections
  ("BackgroundWe …"), sub-headings as "O_ST_ABS…C_ST_ABS", figures and tables as
  "O_FIG…C_FIG" and "O_TBL…C_TBL" blocks, list items as "O_LI…C_LI", small capitals as
  "O_SCPLOW…C_SCPLOW", and characters by name ("0{middle dot}96").
- DataCite (its REST API, `{"data": [{"type": "dois", "attributes": {…}}]}`, or the bare
  attributes as DataCite JSON): `titles[].title`, `descriptions[]` (the one whose
  `descriptionType` is "Abstract"; "Methods", "SeriesInformation"… are not abstracts),
  `creators[]` (`givenName`/`familyName`, else `name`), `doi`, `url`, `publicationYear`,
  `dates[]` ("Issued"), `container.title` or `publisher`, `subjects[].subject`.
- Elsevier's APIs: a Scopus or ScienceDirect search (`{"search-results": {"entry": […]}}`,
  json_documents.py) or an Abstract/Article Retrieval answer (its `coredata`): `dc:title`,
  `dc:description` (the abstract: Scopus's search has it only with view=COMPLETE,
  ScienceDirect's never), `prism:doi`, `prism:publicationName`, `prism:coverDate`,
  `pubmed-id`, `authkeywords` ("a | b"), authors as `author[]` (Scopus: `given-name`,
  `surname`, `authname`), `authors.author[].$` (ScienceDirect) or `dc:creator`. Titles
  keep Elsevier's `<ce:italic>` markup, which is taken out.
- arXiv's metadata snapshot (Kaggle's arxiv-metadata-oai-snapshot, JSON Lines): `id`,
  `title`, `abstract`, `authors` as one string, `versions[]` ({"version": "v2", "created":
  "Sat, 30 Jan 2021 23:57:29 GMT"}: the last is the abstract's, the first the date
  submitted), `journal-ref`, `doi`, `categories` ("cs.DB cs.PF"), `comments`.
- JSON Feed (jsonfeed.org) items: the paper's text is the item's `content_text` or
  `content_html` (`summary`, "a sentence or two", only where there is no content),
  `authors[].name` (1.0: `author.name`), `url`, `date_published`, `tags`.
- Google Scholar publications as the `scholarly` library gives them (an author's
  `publications`, saved with json.dump): `{"container_type": "Publication", "bib": {…}}`,
  `bib.title`, `bib.abstract` (Scholar's, cut short with "…" unless filled), `bib.author`
  ("A, B and C"; a search result's a list), `bib.pub_year`, the journal, conference,
  book or venue, `pub_url` or `eprint_url`.
- CORE (core.ac.uk): API v3 works and outputs (`abstract`, `authors[].name`, `yearPublished`,
  `publishedDate`, `doi`, `arxivId`, `pubmedId`, `journals[].title`, `fieldOfStudy`, the
  work's page among `links`), and API v2 articles (`description` is the abstract, `authors`
  as "Family, Given" strings, `datePublished`, `topics`), which v2's search wraps as
  Elasticsearch hits (`{"_index", "_id", "_source": {…}}`) and its /articles/get answers
  as `{"status": "OK", "data": {…}}`. Both carry the whole `fullText` (and v2 the harvested
  `rawRecordXml`) where asked for: never read.
- DOAJ (doaj.org/api/search/articles, /api/articles/{id}, its public data dump): all under
  `bibjson`: `title`, `abstract`, `author[].name`, `identifier[]` (the one of type "doi"),
  `journal.title`, `year` and `month`, `keywords`, the `link` of type "fulltext". A journal
  record (/api/search/journals: `eissn`, `pissn`, `apc`… and no article fields) is no paper.
- PubMed E-utilities: esummary's document summaries (`result[uid]`, json_documents.py)
  have titles, authors and ids but never an abstract; esearch's answer only PMIDs
  (`esearchresult.idlist`). Both are recognised to say so, and what to fetch instead.
- Zenodo's REST API records (one, or a search's `hits.hits`, json_documents.py): all
  under `metadata`: `title`, `description` (HTML), `creators[].name` ("Family, Given"),
  `doi`, `publication_date`, `keywords`, `journal.title`; the record's page in
  `links.html` (`links.self_html` in the 2023 API). Since 2023 Zenodo is InvenioRDM,
  whose own records (asked for as application/vnd.inveniordm.v1+json, or from another
  InvenioRDM repository) name a creator `person_or_org.name`, keep the DOI in
  `pids.doi.identifier`, keywords as `subjects[].subject` and the journal in
  `custom_fields["journal:journal"]`.
- Zotero's own item JSON, as Better BibTeX's "BetterBibTeX JSON" export and Zotero's web
  API (under `data`) write it: `itemType`, `abstractNote`, `creators` as `{"firstName",
  "lastName"}` or `{"name"}`, `publicationTitle` (or the proceedings', book's, site's or
  repository's title), `DOI`, `url`, `date`, `tags`, `citationKey`, and ids Zotero keeps
  in `extra` ("arXiv: 2101.00001", "PMID: 123", "DOI: …" where the item type has no field).

Titles lose the markup some sources keep in them (Crossref's and OpenAlex's `<i>EGFR</i>`,
Zotero's rich-text `<sub>2</sub>`).

No library reads these: each API documents its own fields, and mapping them is a few lines
each, so nothing is gained from a dependency.
"""

from __future__ import annotations

import calendar
import html
import json
import re
from collections.abc import Callable, Iterable
from typing import Any

from digest.readers.markup import (
    html_to_text,
    jats_to_text,
    looks_like_jats,
    markup_to_text,
    unglued_sections,
    without_abstract_heading,
    without_keywords_line,
)
from digest.readers.records import (
    Problem,
    Record,
    excerpt,
    first_name_first,
    rfc2822_day,
    split_authors,
)

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
_ZOTERO_KEYS = ("abstractNote", "creators", "title", "key")
_EUROPEPMC_KEYS = ("authorString", "abstractText", "journalInfo", "pubYear", "journalTitle")
# Semantic Scholar's graph API (camelCase) and its bulk datasets (the same names lowercased).
_S2_KEYS = ("paperId", "externalIds", "externalids", "corpusid")
# Semantic Scholar's citations and references answers: the paper sits under one of these.
_S2_WRAPPERS = ("citingPaper", "citedPaper")
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
# A word position beyond this is not an abstract (a hostile or broken index).
_MAX_WORD_POSITION = 100_000


def _datacite_item(value: dict[str, Any]) -> dict[str, Any] | None:
    """The DataCite attributes in an object: itself (DataCite JSON), its `attributes` (an
    item of the REST API's list) or `data.attributes` (its answer for one DOI); None if
    not DataCite's."""
    data = value.get("data")
    for item in (value, _dict(value.get("attributes")), _dict(_get(data, "attributes"))):
        if isinstance(item.get("titles"), list) and any(k in item for k in _DATACITE_KEYS):
            return item
    return None


def _elsevier_item(value: dict[str, Any]) -> dict[str, Any] | None:
    """The record of an Elsevier API object: a search entry itself, or the `coredata` of a
    retrieval answer (`{"abstracts-retrieval-response": {"coredata": …}}`); None if neither."""
    for wrapper in _ELSEVIER_ANSWERS:
        core = _get(value, wrapper, "coredata")
        if isinstance(core, dict):
            return core
    if "dc:title" in value and any(key in value for key in _ELSEVIER_KEYS):
        return value
    # The entry of a search that found nothing: {"@_fa": "true", "error": "Result set was empty"}
    return value if "@_fa" in value and "error" in value else None


def _core_item(value: dict[str, Any]) -> dict[str, Any] | None:
    """A CORE work or article: itself, the `_source` of a v2 search hit, or the `data` of a
    v2 /articles/get answer; None if not CORE's."""
    for item in (value, _dict(value.get("_source")), _dict(value.get("data"))):
        if any(key in item for key in _CORE_KEYS) and "title" in item:
            return item
    return None


def _doaj_bibjson(value: dict[str, Any]) -> dict[str, Any] | None:
    """A DOAJ record's `bibjson`; None if the object is not a DOAJ article or journal."""
    bibjson = value.get("bibjson")
    return bibjson if isinstance(bibjson, dict) and "title" in bibjson else None


def _zenodo_metadata(value: dict[str, Any]) -> dict[str, Any] | None:
    """A Zenodo record's `metadata`; None if the object is not a Zenodo record."""
    metadata = value.get("metadata")
    if not isinstance(metadata, dict) or "title" not in metadata:
        return None
    record = any(key in value for key in _ZENODO_RECORD_KEYS)
    return metadata if record and any(k in metadata for k in _ZENODO_KEYS) else None


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
    if any(key in value for key in _S2_KEYS) or _s2_wrapped(value) is not None:
        return "semantic-scholar"
    if "source" in value and any(key in value for key in _EUROPEPMC_KEYS):
        return "europe-pmc"
    if _zotero_item(value) is not None:
        return "zotero"
    if (
        "uid" in value
        and (any(key in value for key in _ESUMMARY_KEYS) or set(value) == {"uid", "error"})
    ) or _get(value, "header", "type") == "esummary":
        return "pubmed-esummary"
    if isinstance(value.get("esearchresult"), dict):
        return "pubmed-esearch"
    if _core_item(value) is not None:
        return "core"
    if _doaj_bibjson(value) is not None:
        return "doaj"
    if _datacite_item(value) is not None:
        return "datacite"
    if _elsevier_item(value) is not None:
        return "elsevier"
    if _zenodo_metadata(value) is not None:
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
        or _has_csl_names(value.get("author") or value.get("editor"))
    ):
        return "csl-json"
    return GENERIC


def map_object(line: int, value: dict[str, Any]) -> Record | Problem | None:
    """The record of a known source's object; None for an object of no known shape."""
    mapper = _MAPPERS.get(shape_of(value))
    return mapper(line, value) if mapper else None


# --- small readers of JSON values -----------------------------------------------------------


def _text(value: Any) -> str:
    """A string field; a list of strings (Crossref's titles) gives its first non-empty one."""
    if isinstance(value, str):
        return value.strip()
    if isinstance(value, int | float) and not isinstance(value, bool):
        return str(value)
    if isinstance(value, list):
        return next((text for item in value if (text := _text(item))), "")
    return ""


def _get(value: Any, *path: str) -> Any:
    for key in path:
        if not isinstance(value, dict):
            return None
        value = value.get(key)
    return value


def _strings(values: Iterable[Any]) -> tuple[str, ...]:
    return tuple(text for value in values if (text := _text(value)))


def _dict(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def _list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []


def _date_parts(value: Any) -> str | None:
    """CSL/Crossref dates: {"date-parts": [[2020, 6, 18]]} -> "2020-06-18"; "raw" as is.
    Some writers spell it "date_parts" (isbnlib, bolognese, Crossref answers relayed through
    snake_case clients) or leave out the outer list ([2020, 6, 18])."""
    if not isinstance(value, dict):
        return _text(value) or None
    parts = _list(value.get("date-parts", value.get("date_parts")))
    first = _list(parts[0]) if parts and isinstance(parts[0], list) else parts
    numbers: list[int] = []
    for part in first[:3]:
        try:
            numbers.append(int(part))
        except (TypeError, ValueError):
            break
    season = value.get(
        "season"
    )  # CSL's season beside a year: {"date-parts": [[1985]], "season": 1}
    if len(numbers) == 1 and str(season).isdigit() and 1 <= int(str(season)) <= 4:
        numbers.append(12 + int(str(season)))
    if len(numbers) > 1 and numbers[1] > 12:
        # Better BibTeX writes a season as a pseudo-month: CSL's 13-16 or EDTF's 21-24
        # ("date-parts": [[2017, 15]]): no month, kept in words as BibTeX's "Spring 2025" is.
        season = _SEASONS.get(numbers[1] - (20 if numbers[1] > 20 else 12))
        return f"{season} {numbers[0]}" if season else str(numbers[0])
    if numbers:
        return "-".join(f"{n:02d}" if i else str(n) for i, n in enumerate(numbers))
    return _text(value.get("raw")) or _text(value.get("literal")) or None


_SEASONS = {1: "Spring", 2: "Summer", 3: "Autumn", 4: "Winter"}


def _has_csl_names(value: Any) -> bool:
    return any(
        isinstance(name, dict) and ("family" in name or "literal" in name) for name in _list(value)
    )


def _csl_name(name: Any) -> str:
    if not isinstance(name, dict):
        return _text(name)
    if literal := _text(name.get("literal")) or _text(name.get("name")):
        return literal
    # "Herbert Van de Sompel", "Vincent van Gogh": the particles stand between the names.
    parts = ("given", "dropping-particle", "non-dropping-particle", "family", "suffix")
    return " ".join(text for key in parts if (text := _text(name.get(key))))


def _s2_wrapped(value: dict[str, Any]) -> dict[str, Any] | None:
    """The paper a Semantic Scholar citation or reference holds; None if not one."""
    return next((inner for key in _S2_WRAPPERS if isinstance(inner := value.get(key), dict)), None)


def _zotero_item(value: dict[str, Any]) -> dict[str, Any] | None:
    """The Zotero item in an object: itself, or the web API's `data`; None if not one."""
    data = value.get("data")
    item = data if isinstance(data, dict) and "itemType" in data else value
    if isinstance(item.get("itemType"), str) and any(key in item for key in _ZOTERO_KEYS):
        return item
    return None


def _no_abstract(line: int, source: str, title: str) -> Problem:
    return Problem(line, f"no abstract ({source} record without one)", excerpt(title))


def _metadata(pairs: Iterable[tuple[str, Any]]) -> tuple[tuple[str, str], ...]:
    return tuple((key, text) for key, value in pairs if (text := _text(value)))


def _split_keywords(value: Any) -> tuple[str, ...]:
    if isinstance(value, list):
        return _strings(value)
    text = _text(value)
    separator = ";" if ";" in text else ","
    return tuple(part.strip() for part in text.split(separator) if part.strip())


_HTML_HEADING = re.compile(r"<h[1-6][^<>]*>([^<]*)</h[1-6]>\s*", re.I)
_HTML_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9]*(?:\s[^<>]*)?/?>")
_HTML_CLOSING = re.compile(r"</(?:p|i|b|em|strong|sub|sup|span|div|li|ul|ol|h[1-6])\s*>", re.I)
_ENTITY = re.compile(r"&(?:[A-Za-z]+|#\d+|#x[0-9A-Fa-f]+);")


def _markup_free(text: str) -> str:
    """An abstract without the JATS or HTML some exporters leave in it ("p < 0.05" stays)."""
    if looks_like_jats(text):
        text = jats_to_text(text)
        # TechRxiv deposits its abstract's HTML escaped inside the JATS: "<jats:p>&lt;p&gt;The
        # impact…&lt;/p&gt;</jats:p>", which the JATS pass turns into "<p>The impact…</p>".
        # Only a closing tag tells it: "a<b and c>d" is mathematics.
        return html_to_text(text) if _HTML_CLOSING.search(text) else text
    if _HTML_TAG.search(text):
        # A section heading ("<h4>Methods</h4>We ...") keeps its place as a label.
        return html_to_text(_HTML_HEADING.sub(_heading_label, text))
    return html.unescape(text) if _ENTITY.search(text) else text


def _heading_label(match: re.Match[str]) -> str:
    label = match.group(1).strip().rstrip(":.")
    return f" {label}: " if label else " "


# --- the mappers -----------------------------------------------------------------------------


def csl_record(line: int, item: dict[str, Any], source: str = "CSL-JSON") -> Record | Problem:
    """A CSL item (CSL-JSON, or CSL YAML as csl_yaml.py reads it) as a Record."""
    title = _markup_free(_text(item.get("title")))
    abstract, keywords_line = without_keywords_line(_markup_free(_text(item.get("abstract"))))
    if not abstract:
        if not title and set(item) <= {"id", "type", "citation-key"}:
            reason = f"empty {source} item (no title, no abstract: a stub the exporter wrote)"
            return Problem(line, reason, excerpt(_text(item.get("id"))), notice=True)
        return _no_abstract(line, source, title or _text(item.get("id")))
    note = _text(item.get("note"))
    arxiv = re.search(r"arXiv:\s*(\S+)", note + " " + _text(item.get("number")))
    # Zotero keeps what an item type has no field for in Extra, exported as the note's
    # "DOI: …" and "PMID: …" lines (a report's or a book chapter's DOI).
    extra = dict(_EXTRA_LINE.findall(note))
    return Record(
        line=line,
        abstract=abstract,
        id=_text(item.get("citation-key")) or _text(item.get("id")) or None,
        arxiv=arxiv.group(1) if arxiv else None,
        title=title or None,
        # An edited book or proceedings has editors and no authors: its editors are named.
        authors=tuple(
            name
            for n in _list(item.get("author")) or _list(item.get("editor"))
            if (name := _csl_name(n))
        ),
        url=_text(item.get("URL")) or None,
        doi=_text(item.get("DOI")) or extra.get("DOI") or None,
        date=_date_parts(item.get("issued")),
        pmid=_text(item.get("PMID")) or extra.get("PMID") or None,
        venue=_text(item.get("container-title")) or None,
        keywords=_split_keywords(item.get("keyword") or item.get("categories") or keywords_line),
        metadata=_metadata((key, item.get(key)) for key in ("type", "publisher", "page", "volume")),
    )


_EXTRA_LINE = re.compile(r"^(DOI|PMID):[ \t]*(\S+)[ \t]*$", re.M)


def inverted_index_to_text(index: Any) -> str:
    """OpenAlex's `abstract_inverted_index` ({"We": [0, 10], "show": [1]}) back to text.

    OpenAlex's snapshot writes it as Microsoft Academic Graph did, {"IndexLength": 3,
    "InvertedIndex": {…}}, and its older releases as that object encoded in a string."""
    if isinstance(index, str) and index.lstrip().startswith("{"):
        try:
            index = json.loads(index)
        except (ValueError, RecursionError):
            return ""
    if isinstance(index, dict) and isinstance(index.get("InvertedIndex"), dict):
        index = index["InvertedIndex"]
    if not isinstance(index, dict):
        return ""
    words: dict[int, str] = {}
    for word, positions in index.items():
        for position in _list(positions):
            if isinstance(position, int) and 0 <= position <= _MAX_WORD_POSITION:
                words.setdefault(position, _unescaped_breaks(str(word)))
    text = " ".join(words[position] for position in sorted(words))
    # The index often starts with the heading the publisher's abstract had.
    return without_abstract_heading(text)


def _unescaped_breaks(word: str) -> str:
    """A word of the index with the line breaks and tabs its source held as escaped text
    ("categories&#13;\\nand", "generally\\nwe", "categories\\n\\t\\t") as spaces; a TeX
    command ("\\nabla", "\\nu", "\\times") stays."""
    return _ESCAPED_BREAK.sub(_break, word) if "\\" in word or "&#" in word else word


def _break(found: re.Match[str]) -> str:
    escape, rest = found.group(1, 2)
    if escape is None:
        return " "  # a lone "&#13;"
    if escape + rest in _TEX_N_T_R:
        return found.group(0)
    return " " + rest


_ESCAPED_BREAK = re.compile(r"(?:&#13;)?\\([nrt])([A-Za-z]*)|&#13;")
# TeX commands that open with the letter of an escape: a "\\n" before them is no line break.
_TEX_N_T_R = frozenset((
    "nabla", "natural", "nearrow", "neg", "neq", "newline", "nexists", "ngeq", "ni", "nleq",
    "nmid", "noindent", "nolimits", "nonumber", "not", "notin", "nparallel", "nsim",
    "nsubseteq", "nsupseteq", "nu", "nwarrow", "rangle", "rceil", "rfloor", "rho", "right",
    "rightarrow", "rm", "rvert", "tau", "text", "textbf", "textit", "textrm", "textsc",
    "texttt", "tfrac", "therefore", "theta", "tilde", "times", "to", "top", "triangle", "tt",
))  # fmt: skip


def _openalex(line: int, work: dict[str, Any]) -> Record | Problem:
    title = _markup_free(_text(work.get("title")) or _text(work.get("display_name")))
    # openalexR's data frame (saved as JSON) holds the rebuilt abstract as `ab`, its authors
    # as `author[].au_display_name`, its venue as `so`.
    abstract = inverted_index_to_text(work.get("abstract_inverted_index")) or _text(work.get("ab"))
    if not abstract:
        return _no_abstract(line, "OpenAlex", title)
    ids = _dict(work.get("ids"))
    location = work.get("primary_location")
    # Works written before OpenAlex's 2023 schema (old pyalex and openalexR dumps) have no
    # locations: the venue and its page are `host_venue`, the others `alternate_host_venues`.
    host = work.get("host_venue")
    urls = [_get(loc, "landing_page_url") for loc in [location, *_list(work.get("locations"))]]
    urls += [_get(venue, "url") for venue in [host, *_list(work.get("alternate_host_venues"))]]
    arxiv = next((u for u in map(_text, urls) if "arxiv.org/abs/" in u), None)
    authors = _strings(
        _get(a, "author", "display_name") for a in _list(work.get("authorships"))
    ) or _strings(_get(a, "au_display_name") for a in _list(work.get("author")))
    keywords = _strings(_get(k, "display_name") for k in _list(work.get("keywords")))
    return Record(
        line=line,
        abstract=_markup_free(abstract),
        arxiv=arxiv,
        title=title or None,
        authors=authors,
        url=(
            _text(_get(location, "landing_page_url"))
            or _text(_get(host, "url"))
            or _text(work.get("url"))
            or None
        ),
        doi=_text(work.get("doi")) or _text(ids.get("doi")) or None,
        date=_text(work.get("publication_date")) or _text(work.get("publication_year")) or None,
        pmid=_text(ids.get("pmid")).rstrip("/").rsplit("/", 1)[-1] or None,
        venue=(
            _text(_get(location, "source", "display_name"))
            or _text(_get(host, "display_name"))
            or _text(work.get("so"))
            or None
        ),
        keywords=keywords,
        metadata=_metadata([("openalex", work.get("id")), ("type", work.get("type"))]),
    )


def _crossref(line: int, work: dict[str, Any]) -> Record | Problem:
    title = _markup_free(_text(work.get("title")))
    abstract = _markup_free(_text(work.get("abstract")))
    if not abstract:
        return _no_abstract(line, "Crossref", title or _text(work.get("DOI")))
    dates = ("issued", "published", "published-print", "published-online", "created")
    date = next((d for key in dates if (d := _date_parts(work.get(key)))), None)
    subtitle = _markup_free(_text(work.get("subtitle")))
    return Record(
        line=line,
        abstract=abstract,
        title=(f"{title}: {subtitle}" if title and subtitle else title) or None,
        authors=tuple(name for n in _list(work.get("author")) if (name := _csl_name(n))),
        url=_text(work.get("URL")) or None,
        doi=_text(work.get("DOI")) or None,
        date=date,
        # A preprint (`posted-content`) has no container: its server is the `institution`.
        venue=_text(work.get("container-title"))
        or _text(_get(next(iter(_list(work.get("institution"))), None), "name"))
        or None,
        keywords=_strings(_list(work.get("subject"))),
        metadata=_metadata([("type", work.get("type")), ("publisher", work.get("publisher"))]),
    )


def _semantic_scholar(line: int, value: dict[str, Any]) -> Record | Problem:
    paper = _s2_wrapped(value) or value
    title = _markup_free(_text(paper.get("title")))
    abstract = _text(paper.get("abstract"))
    if not abstract:
        return _no_abstract(line, "Semantic Scholar", title)
    # The datasets' abstracts and s2orc lines keep their ids in openaccessinfo.
    ids = _dict(
        paper.get("externalIds")
        or paper.get("externalids")
        or _get(paper, "openaccessinfo", "externalids")
    )
    venue = (
        _text(paper.get("venue"))
        or _text(_get(paper, "journal", "name"))
        or _text(_get(paper, "publicationVenue", "name"))
    )
    return Record(
        line=line,
        abstract=abstract,
        arxiv=_text(ids.get("ArXiv")) or None,
        title=title or None,
        authors=_strings(_get(author, "name") for author in _list(paper.get("authors"))),
        url=_text(paper.get("url")) or None,
        doi=_text(ids.get("DOI")) or None,
        date=(
            _text(paper.get("publicationDate"))
            or _text(paper.get("publicationdate"))
            or _text(paper.get("year"))
            or None
        ),
        pmid=_text(ids.get("PubMed")) or None,
        venue=venue or None,
        keywords=_strings(_list(paper.get("fieldsOfStudy")))
        or _strings(
            dict.fromkeys(
                _get(f, "category")
                for f in _list(paper.get("s2FieldsOfStudy") or paper.get("s2fieldsofstudy"))
            )
        ),
        metadata=_metadata(
            [("semantic scholar", paper.get("paperId")), ("corpus id", paper.get("corpusid"))]
        ),
    )


def _europe_pmc(line: int, item: dict[str, Any]) -> Record | Problem:
    title = _markup_free(_text(item.get("title")))
    abstract = without_abstract_heading(_markup_free(_text(item.get("abstractText"))))
    if not abstract:
        return _no_abstract(line, "Europe PMC", title or _text(item.get("id")))
    journal = _dict(item.get("journalInfo"))
    venue = (
        _text(_get(journal, "journal", "title"))
        or _text(item.get("journalTitle"))
        or _text(_get(item, "bookOrReportDetails", "publisher"))
    )
    source, ident = _text(item.get("source")), _text(item.get("id"))
    keywords = _strings(_list(_get(item, "keywordList", "keyword"))) or _strings(
        _get(heading, "descriptorName")
        for heading in _list(_get(item, "meshHeadingList", "meshHeading"))
    )
    return Record(
        line=line,
        abstract=abstract,
        title=title or None,
        authors=_europe_pmc_authors(item),
        url=f"https://europepmc.org/article/{source}/{ident}" if source and ident else None,
        doi=_text(item.get("doi")) or None,
        date=(
            _text(item.get("firstPublicationDate"))
            or _text(journal.get("printPublicationDate"))
            or _text(item.get("pubYear"))
            or None
        ),
        pmid=_text(item.get("pmid")) or None,
        venue=venue or None,
        keywords=keywords,
        metadata=_metadata([("pmcid", item.get("pmcid")), ("europe pmc", f"{source}/{ident}")]),
    )


def _europe_pmc_authors(item: dict[str, Any]) -> tuple[str, ...]:
    """Full names from `authorList` (a group as its `collectiveName`); else `authorString`,
    "Smith J, Doe A."."""
    names = []
    for author in _list(_get(item, "authorList", "author")):
        first, last = _text(_get(author, "firstName")), _text(_get(author, "lastName"))
        full = f"{first} {last}".strip() if last else ""
        if name := full or _text(_get(author, "fullName")) or _text(_get(author, "collectiveName")):
            names.append(name)
    if names:
        return tuple(names)
    listed = _text(item.get("authorString")).removesuffix(".")
    return tuple(name.strip() for name in listed.split(",") if name.strip())


def _biorxiv_name(name: str) -> str:
    """ "Mensah, K." -> "K. Mensah"."""
    last, _, first = name.partition(",")
    return f"{first.strip()} {last.strip()}".strip() if first.strip() else name.strip()


# HighWire's marks in bioRxiv's and medRxiv's abstracts (see the module's docstring).
_HIGHWIRE_BLOCK = re.compile(r"O_(FIG|TBL)\b.*?C_\1\b", re.S)
_HIGHWIRE_SUBHEADING = re.compile(r"\s*O_ST_ABS(.*?)C_ST_ABS\s*", re.S)
_HIGHWIRE_ITEM_END = re.compile(r"\s*C_LI\s*")
_HIGHWIRE_CHARACTERS = {"{middle dot}": "\u00b7", "O_SCPLOW": "", "C_SCPLOW": "", "O_LI": " "}


def _highwire_free(abstract: str) -> str:
    """A bioRxiv/medRxiv abstract without HighWire's marks: figures and tables out, a
    sub-heading as a label, list items as clauses, headings glued to their sections apart
    ("Background: We …")."""
    if "_" in abstract or "{" in abstract:
        abstract = _HIGHWIRE_BLOCK.sub(" ", abstract)
        abstract = _HIGHWIRE_SUBHEADING.sub(lambda m: f" {m.group(1).strip()}: ", abstract)
        abstract = _HIGHWIRE_ITEM_END.sub(_item_end, abstract)
        for mark, character in _HIGHWIRE_CHARACTERS.items():
            abstract = abstract.replace(mark, character)
    return unglued_sections(abstract)


def _item_end(end: re.Match[str]) -> str:
    """The end of a list item: a space after a finished one, else "; "."""
    finished = end.start() and end.string[end.start() - 1] in ".;:!?"
    return " " if finished else "; "


def _biorxiv(line: int, item: dict[str, Any]) -> Record | Problem:
    def field(name: str) -> str:
        return _text(item.get(name)) or _text(item.get(f"preprint_{name}"))

    title = _markup_free(field("title"))
    abstract = _highwire_free(_markup_free(field("abstract")))
    if not abstract:
        return _no_abstract(line, "bioRxiv/medRxiv", title)
    doi = _text(item.get("doi")) or _text(item.get("biorxiv_doi"))
    server = _text(item.get("server")) or _text(item.get("preprint_platform")) or "bioRxiv"
    server = {"biorxiv": "bioRxiv", "medrxiv": "medRxiv"}.get(server.lower(), server)
    version = _text(item.get("version"))
    host = "www.medrxiv.org" if server == "medRxiv" else "www.biorxiv.org"
    authors = field("authors")
    published = item.get("published") or item.get("published_doi")  # the journal version
    published = None if _text(published).upper() in ("NA", "") else published
    return Record(
        line=line,
        abstract=abstract,
        title=title or None,
        authors=tuple(_biorxiv_name(n) for n in authors.split(";") if n.strip()),
        url=f"https://{host}/content/{doi}v{version or 1}" if doi else None,
        doi=doi or None,
        date=field("date") or None,
        venue=server,
        keywords=_split_keywords(field("category")),
        metadata=_metadata([("version", version), ("published", published)]),
    )


def _elsevier(line: int, value: dict[str, Any]) -> Record | Problem:
    item = _elsevier_item(value) or value
    if "error" in item and "dc:title" not in item:
        reason = f"no record (the Elsevier API said: {_text(item.get('error'))})"
        return Problem(line, reason, notice=True)
    title = markup_to_text(_text(item.get("dc:title")))
    abstract = _markup_free(_text(item.get("dc:description")))
    doi = _text(item.get("prism:doi"))
    if not abstract:
        return _no_abstract(line, "Elsevier", title or doi)
    links = {_get(link, "@ref"): _text(_get(link, "@href")) for link in _list(item.get("link"))}
    keywords = _text(item.get("authkeywords"))
    return Record(
        line=line,
        abstract=abstract,
        title=title or None,
        authors=_elsevier_authors(item),
        url=links.get("scopus") or links.get("scidir") or None,
        doi=doi or None,
        date=_text(item.get("prism:coverDate")) or None,
        pmid=_text(item.get("pubmed-id")) or None,
        venue=_text(item.get("prism:publicationName")) or None,
        keywords=tuple(k.strip() for k in keywords.split("|") if k.strip()),
        metadata=_metadata(
            [
                ("eid", item.get("eid")),
                ("pii", item.get("pii")),
                ("type", item.get("subtypeDescription")),
            ]
        ),
    )


def _elsevier_authors(item: dict[str, Any]) -> tuple[str, ...]:
    """Scopus's `author[]` (a retrieval answer's `dc:creator.author[]`, names prefixed
    `ce:`), ScienceDirect's `authors.author` ({"$": name}, or one name), else `dc:creator`
    (a name, or a list of {"$": name})."""
    names = []
    creator = item.get("dc:creator")
    for author in [*_list(item.get("author")), *_list(_get(creator, "author"))]:
        given = _text(_get(author, "given-name")) or _text(_get(author, "ce:given-name"))
        family = _text(_get(author, "surname")) or _text(_get(author, "ce:surname"))
        indexed = _text(_get(author, "authname")) or _text(_get(author, "ce:indexed-name"))
        if name := (f"{given} {family}" if given and family else indexed or family):
            names.append(name)
    listed = _get(item, "authors", "author")
    for author in listed if isinstance(listed, list) else [listed]:
        if name := _text(author) or _text(_get(author, "$")):
            names.append(name)
    creators = [_text(c) or _text(_get(c, "$")) for c in _list(creator) or [creator]]
    return tuple(names) or _strings(creators)


def _arxiv_snapshot(line: int, item: dict[str, Any]) -> Record | Problem:
    title = " ".join(_text(item.get("title")).split())
    abstract = _text(item.get("abstract"))
    ident = _text(item.get("id"))
    if not abstract:
        return _no_abstract(line, "arXiv snapshot", title or ident)
    versions = [_dict(v) for v in _list(item.get("versions"))]
    last = _text(versions[-1].get("version")) if versions else ""
    submitted = rfc2822_day(_text(versions[0].get("created"))) if versions else ""
    return Record(
        line=line,
        abstract=abstract,
        arxiv=f"{ident}{last}" if ident and _VERSION.fullmatch(last) else ident or None,
        title=title or None,
        authors=split_authors(" ".join(_text(item.get("authors")).split())),
        doi=next(iter(_text(item.get("doi")).split()), None),  # some list two DOIs
        date=submitted or _text(item.get("update_date")) or None,
        venue=_text(item.get("journal-ref")) or None,
        keywords=tuple(_text(item.get("categories")).split()),
        metadata=_metadata((key, item.get(key)) for key in ("comments", "report-no", "license")),
    )


def _json_feed(line: int, item: dict[str, Any]) -> Record | Problem:
    title = _markup_free(_text(item.get("title")))
    content = _text(item.get("content_text")) or html_to_text(_text(item.get("content_html")))
    abstract = without_abstract_heading(content or _markup_free(_text(item.get("summary"))))
    if not abstract:
        return _no_abstract(line, "JSON Feed", title or _text(item.get("id")))
    url = _text(item.get("url")) or _text(item.get("external_url"))
    authors = _list(item.get("authors")) or [item.get("author")]
    return Record(
        line=line,
        abstract=abstract,
        arxiv=url if "arxiv.org/abs/" in url else None,
        title=title or None,
        authors=_strings(_get(author, "name") for author in authors),
        url=url or None,
        # An RFC 3339 time ("2021-01-01T00:00:00Z"): its day.
        date=_text(item.get("date_published")).split("T")[0] or None,
        keywords=_strings(_list(item.get("tags"))),
        metadata=_metadata([("id", item.get("id"))]),
    )


def _google_scholar(line: int, publication: dict[str, Any]) -> Record | Problem:
    bib = _dict(publication.get("bib"))
    title = _text(bib.get("title"))
    abstract = _text(bib.get("abstract"))
    if not abstract:
        return _no_abstract(line, "Google Scholar", title)
    eprint = _text(publication.get("eprint_url"))
    url = _text(publication.get("pub_url")) or eprint
    return Record(
        line=line,
        abstract=abstract,
        arxiv=eprint if "arxiv.org/" in eprint else None,
        title=title or None,
        # A search result lists its authors; a filled publication names them in one string.
        authors=_strings(names)
        if isinstance(names := bib.get("author"), list)
        else split_authors(_text(names)),
        url=url or None,
        date=_text(bib.get("pub_year")) or None,
        venue=next((v for key in _SCHOLAR_VENUES if (v := _text(bib.get(key)))), None),
        metadata=_metadata(
            [("publisher", bib.get("publisher")), ("citations", publication.get("num_citations"))]
        ),
    )


def _core(line: int, value: dict[str, Any]) -> Record | Problem:
    item = _core_item(value) or value
    title = _markup_free(_text(item.get("title")))
    # v3 names it `abstract`; v2 `description`, often opening with a glued "Abstract." heading.
    text = _text(item.get("abstract")) or _text(item.get("description"))
    abstract = without_abstract_heading(_markup_free(text))
    ident = _text(item.get("id"))
    if not abstract:
        return _no_abstract(line, "CORE", title or ident)
    authors = (_text(a) or _text(_get(a, "name")) for a in _list(item.get("authors")))
    oai = [*_strings(_list(item.get("oaiIds"))), _text(item.get("oai"))]
    arxiv = _text(item.get("arxivId")) or next(
        (i.split(":", 2)[2] for i in oai if i.casefold().startswith("oai:arxiv.org:")), ""
    )
    pages = {
        _text(_get(link, "type")): _text(_get(link, "url")) for link in _list(item.get("links"))
    }
    url = (
        pages.get("display")
        or _text(item.get("downloadUrl"))
        or _text(item.get("fulltextIdentifier"))
        or _text(item.get("fullTextIdentifier"))
    )
    # v3's publishedDate is a timestamp ("2021-01-01T00:00:00"): its day.
    date = _text(item.get("publishedDate")).split("T")[0] or _text(item.get("datePublished"))
    field = item.get("fieldOfStudy")
    return Record(
        line=line,
        abstract=abstract,
        arxiv=arxiv or None,
        title=title or None,
        authors=tuple(first_name_first(name) for name in authors if name),
        url=url or None,
        doi=_text(item.get("doi")) or None,
        date=date or _text(item.get("yearPublished")) or _text(item.get("year")) or None,
        pmid=_text(item.get("pubmedId")) or None,
        venue=_text(_get(next(iter(_list(item.get("journals"))), None), "title")) or None,
        keywords=_strings([field] if isinstance(field, str) else _list(item.get("topics"))),
        metadata=_metadata(
            [
                ("core", ident),
                ("type", item.get("documentType")),
                ("publisher", item.get("publisher")),
            ]
        ),
    )


# Fields of an E-utilities esummary document summary (db=pubmed, pmc, …).
_ESUMMARY_KEYS = ("sortpubdate", "fulljournalname", "articleids", "pubtype", "elocationid")


def _esummary(line: int, summary: dict[str, Any]) -> Problem:
    error = _text(summary.get("error"))
    if "header" in summary:  # the whole answer, refused: "Too many UIDs in request…"
        return Problem(line, f"no records (the API said: {error or 'nothing'})")
    if error and len(summary) <= 2:  # {"uid": …, "error": "cannot get document summary"}
        reason = f"no record (the API said: {error})"
        return Problem(line, reason, excerpt(_text(summary.get("uid"))), notice=True)
    return _no_abstract(line, "PubMed esummary", _text(summary.get("title")))


def _esearch(line: int, answer: dict[str, Any]) -> Problem:
    pmids = _strings(_list(_get(answer, "esearchresult", "idlist")))
    reason = (
        f"PMIDs only (an E-utilities esearch answer lists {len(pmids)}, without titles or "
        "abstracts: fetch them with efetch.fcgi?db=pubmed&retmode=xml&id=… and load that)"
    )
    return Problem(line, reason, excerpt(", ".join(pmids)))


# What only DOAJ's journal records have in their bibjson.
_DOAJ_JOURNAL_KEYS = ("eissn", "pissn", "apc", "editorial", "oa_start", "boai")
_MONTHS = {
    name.casefold(): number
    for number, names in enumerate(zip(calendar.month_name, calendar.month_abbr, strict=True))
    for name in names
    if name
}


def _doaj(line: int, value: dict[str, Any]) -> Record | Problem:
    bib = _doaj_bibjson(value) or {}
    title = _markup_free(_text(bib.get("title")))
    ident = _text(value.get("id"))
    if any(key in bib for key in _DOAJ_JOURNAL_KEYS) and "abstract" not in bib:
        reason = "not a paper (a DOAJ journal record: its articles are at /api/search/articles)"
        return Problem(line, reason, excerpt(title))
    abstract = without_abstract_heading(_markup_free(_text(bib.get("abstract"))))
    if not abstract:
        return _no_abstract(line, "DOAJ", title or ident)
    ids = {
        _text(_get(i, "type")).casefold(): _text(_get(i, "id"))
        for i in _list(bib.get("identifier"))
    }
    links = _list(bib.get("link"))
    fulltext = next((_get(k, "url") for k in links if _get(k, "type") == "fulltext"), None)
    journal = _dict(bib.get("journal"))
    start, end = _text(bib.get("start_page")), _text(bib.get("end_page"))
    return Record(
        line=line,
        abstract=abstract,
        title=title or None,
        authors=tuple(
            first_name_first(name)
            for author in _list(bib.get("author"))
            if (name := _text(_get(author, "name")))
        ),
        url=_text(fulltext) or (f"https://doaj.org/article/{ident}" if ident else None),
        doi=ids.get("doi") or None,
        date=_year_month(_text(bib.get("year")), _text(bib.get("month"))),
        venue=_text(journal.get("title")) or None,
        keywords=_strings(_list(bib.get("keywords"))),
        metadata=_metadata(
            [
                ("doaj", ident),
                ("publisher", journal.get("publisher")),
                ("volume", journal.get("volume")),
                ("issue", journal.get("number")),
                ("pages", "-".join(p for p in (start, end) if p)),
            ]
        ),
    )


def _year_month(year: str, month: str) -> str | None:
    """DOAJ's year and month ("5", "05", "May", "January") as "2019-05"; the year alone
    where the month is none of these."""
    number = int(month) if month.isdigit() else _MONTHS.get(month.casefold().rstrip("."), 0)
    if year and 1 <= number <= 12:
        return f"{year}-{number:02d}"
    return year or None


def _zenodo(line: int, value: dict[str, Any]) -> Record | Problem:
    metadata = _zenodo_metadata(value) or {}
    title = _markup_free(_text(metadata.get("title")))
    abstract = _markup_free(_text(metadata.get("description")))
    if not abstract:
        return _no_abstract(line, "Zenodo", title)
    links = _dict(value.get("links"))
    # InvenioRDM keeps a creator under person_or_org, its DOI in pids, its keywords as
    # subjects, its journal in custom_fields and its type's title by language.
    creators = (
        _text(_get(c, "name")) or _text(_get(c, "person_or_org", "name"))
        for c in _list(metadata.get("creators"))
    )
    journal = _get(metadata, "journal", "title") or _get(
        value, "custom_fields", "journal:journal", "title"
    )
    kind = _get(metadata, "resource_type", "title")
    subjects = (_get(subject, "subject") for subject in _list(metadata.get("subjects")))
    return Record(
        line=line,
        abstract=abstract,
        title=title or None,
        authors=tuple(first_name_first(name) for name in creators if name),
        url=_text(links.get("html")) or _text(links.get("self_html")) or None,
        doi=(
            _text(metadata.get("doi"))
            or _text(value.get("doi"))
            or _text(_get(value, "pids", "doi", "identifier"))
            or None
        ),
        date=_text(metadata.get("publication_date")) or None,
        venue=_text(journal) or "Zenodo",
        keywords=_strings(_list(metadata.get("keywords"))) or _strings(subjects),
        metadata=_metadata(
            [
                ("type", _get(kind, "en") if isinstance(kind, dict) else kind),
                ("zenodo", value.get("id")),
            ]
        ),
    )


def _datacite(line: int, value: dict[str, Any]) -> Record | Problem:
    item = _datacite_item(value) or value
    titles = [t for t in _list(item.get("titles")) if isinstance(t, dict)]
    # The main title has no `titleType` ("Subtitle", "TranslatedTitle"… come after it).
    main = next((t for t in titles if not t.get("titleType")), titles[0] if titles else {})
    title = _markup_free(_text(main.get("title")))
    descriptions = [d for d in _list(item.get("descriptions")) if isinstance(d, dict)]
    abstract = next(
        (
            text
            for d in descriptions
            if _text(d.get("descriptionType")).casefold() == "abstract"
            and (text := _markup_free(_text(d.get("description"))))
        ),
        "",
    )
    if not abstract:
        return _no_abstract(line, "DataCite", title or _text(item.get("doi")))
    dates = _list(item.get("dates"))
    issued = next((_text(_get(d, "date")) for d in dates if _get(d, "dateType") == "Issued"), "")
    url = _text(item.get("url"))
    doi = _text(item.get("doi"))
    # arXiv's own DOIs (10.48550/arXiv.2101.00001) are registered at DataCite.
    arxiv = url if "arxiv.org/abs/" in url else (doi if "/arxiv." in doi.casefold() else None)
    subjects = (_get(s, "subject") for s in _list(item.get("subjects")))
    return Record(
        line=line,
        abstract=abstract,
        arxiv=arxiv,
        title=title or None,
        authors=tuple(name for c in _list(item.get("creators")) if (name := _datacite_name(c))),
        url=url or None,
        doi=doi or None,
        date=issued or _text(item.get("published")) or _text(item.get("publicationYear")) or None,
        venue=_text(_get(item, "container", "title")) or _text(item.get("publisher")) or None,
        # Subjects given as URLs (Wikidata entities) name nothing a reader can read.
        keywords=_strings(s for s in subjects if not _text(s).startswith(("http://", "https://"))),
        metadata=_metadata(
            [
                ("type", _get(item, "types", "resourceTypeGeneral")),
                ("publisher", item.get("publisher")),
            ]
        ),
    )


def _datacite_name(creator: Any) -> str:
    if not isinstance(creator, dict):
        return _text(creator)
    given, family = _text(creator.get("givenName")), _text(creator.get("familyName"))
    if family:
        return f"{given} {family}".strip()
    name = _text(creator.get("name"))
    # A person's `name` is "Family, Given"; an organisation's is as it is written.
    personal = creator.get("nameType") == "Personal"
    return first_name_first(name) if personal else name


def _zotero(line: int, value: dict[str, Any]) -> Record | Problem:
    item = _zotero_item(value) or value
    kind = _text(item.get("itemType"))
    title = _markup_free(_text(item.get("title")))
    if kind in _ZOTERO_CHILDREN:
        reason = f"not a paper (a Zotero {kind}, listed on its own)"
        return Problem(line, reason, excerpt(title or _text(item.get("note"))), notice=True)
    abstract = without_abstract_heading(_markup_free(_text(item.get("abstractNote"))))
    if not abstract:
        return _no_abstract(line, "Zotero", title)
    extra = {name.casefold(): found for name, found in _EXTRA_ID.findall(_text(item.get("extra")))}
    creators = _list(item.get("creators"))
    authors = [c for c in creators if _get(c, "creatorType") in ("author", None)] or creators
    key = _text(item.get("citationKey")) or _text(item.get("citekey"))
    return Record(
        line=line,
        abstract=abstract,
        id=key or extra.get("citation key") or _text(item.get("key")) or None,
        arxiv=extra.get("arxiv"),
        title=title or None,
        authors=tuple(name for c in authors if (name := _zotero_name(c))),
        url=_text(item.get("url")) or None,
        doi=_text(item.get("DOI")) or extra.get("doi"),
        date=_text(item.get("date")) or None,
        pmid=extra.get("pmid"),
        venue=next((v for name in _ZOTERO_VENUES if (v := _text(item.get(name)))), None),
        keywords=_strings(_get(tag, "tag") for tag in _list(item.get("tags"))),
        metadata=_metadata([("type", kind), ("zotero key", item.get("key"))]),
    )


def _zotero_name(creator: Any) -> str:
    if not isinstance(creator, dict):
        return _text(creator)
    first, last = _text(creator.get("firstName")), _text(creator.get("lastName"))
    return _text(creator.get("name")) or f"{first} {last}".strip()


_MAPPERS: dict[str, Mapper] = {
    "csl-json": csl_record,
    "openalex": _openalex,
    "crossref": _crossref,
    "semantic-scholar": _semantic_scholar,
    "europe-pmc": _europe_pmc,
    "biorxiv": _biorxiv,
    "zotero": _zotero,
    "datacite": _datacite,
    "elsevier": _elsevier,
    "arxiv-snapshot": _arxiv_snapshot,
    "json-feed": _json_feed,
    "google-scholar": _google_scholar,
    "zenodo": _zenodo,
    "core": _core,
    "doaj": _doaj,
    "pubmed-esummary": _esummary,
    "pubmed-esearch": _esearch,
}


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
