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
  `primary_location.source.display_name` as the venue (before 2023, `host_venue`), unless
  that source is a repository holding a copy of a work that is no preprint.
  openalexR's works data frame saved as JSON keeps the abstract rebuilt as `ab`.
- Crossref works: `title` and `container-title` are lists; the abstract is JATS XML; a
  preprint (`posted-content`) names its server as `institution[0].name`.
- Semantic Scholar papers: `externalIds` (DOI, ArXiv, PubMed), `authors[].name`,
  `journal.name` before `venue` (the "normalized" one, at times another journal) but a
  preprint's journal "ArXiv" after it; its bulk datasets (JSON Lines) write the same
  fields lowercased (`corpusid`, `externalids`, `publicationdate`, `s2fieldsofstudy`),
  and its "abstracts" dataset has only `corpusid`, `abstract` and the ids under
  `openaccessinfo.externalids`; a batch answer holds null for ids not found
  (json_documents.py).
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
  "O_SCPLOW…C_SCPLOW", characters by name ("0{middle dot}96", "TGF{beta}") and an
  entity's symbol in brackets ("[&ge;] 130 mg/dl").
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
- INSPIRE-HEP's literature API (one record, or a search's `hits.hits`; its JSON dump's
  bare records): all under `metadata`, told by `control_number` beside `titles[]`:
  `abstracts[]` (the publisher's and arXiv's, by `source`: arXiv's is read),
  `authors[].full_name` ("Bern, Zvi"), `dois[]`, `arxiv_eprints[]` (with `categories`),
  `earliest_date`, `publication_info[].journal_title` ("Phys.Rev.D"), `keywords[]`; the
  record's page is https://inspirehep.net/literature/{control_number}. Each of its
  `references` has authors and a journal too: never read.
- NASA ADS's search API (Solr: `response.docs[]`, json_documents.py), told by `bibcode`:
  `title` and `doi` lists, `abstract` HTML with "<P />" between paragraphs ("Not
  Available" for none), `author` "Family, Given", `pub`, `pubdate` ("2017-06-00"), the
  arXiv id among `identifier`s ("arXiv:hep-th/9108028"); its page is named by the bibcode.
- HAL (archives-ouvertes.fr, Solr too), told by `halId_s`: `title_s`, `abstract_s` (every
  language's) and `fr_…`/`en_…` (one language's), read in the paper's `language_s`;
  `authFullName_s`, `doiId_s`, `arxivId_s`, `uri_s`, `producedDate_s`, the journal,
  conference or book title, `keyword_s`.
- Dimensions' API publications (its DSL's `publications`), told by an id "pub.…":
  `authors[]` objects (`first_name`, `last_name`, affiliations), `journal.title` (else
  the proceedings' or book's), `date`, `doi`, `pmid`, `arxiv_id`, `mesh_terms`; its
  abstracts glue Springer's headings to their sections as its CSV does.
- Lens.org's scholarly API (`{"total", "data": […]}`), told by `lens_id`: `authors[]`
  objects (`first_name`, `last_name`), the DOI and PMID among `external_ids`,
  `source.title`, `date_published`, `keywords`; abstracts with Crossref's glued
  "Abstract" heading.
- Zotero's own item JSON, as Better BibTeX's "BetterBibTeX JSON" export and Zotero's web
  API (under `data`) write it: `itemType`, `abstractNote`, `creators` as `{"firstName",
  "lastName"}` or `{"name"}`, `publicationTitle` (or the proceedings', book's, site's or
  repository's title), `DOI`, `url`, `date`, `tags`, `citationKey`, and ids Zotero keeps
  in `extra` ("arXiv: 2101.00001", "PMID: 123", "DOI: …" where the item type has no field).

Titles lose the markup some sources keep in them (Crossref's and OpenAlex's `<i>EGFR</i>`,
Zotero's rich-text `<sub>2</sub>`).

No library reads these: each API documents its own fields, and mapping them is a few lines
each, so nothing is gained from a dependency.

The modules, in the order they build on each other:
- `values`: small readers of JSON values (a text, a list, a nested key, CSL dates and
  names, markup taken out of a text);
- `shapes`: `shape_of`, which source wrote an object, by the keys only that source uses;
- `references`: the mappers of reference managers' and their kin's JSON (CSL-JSON, Zotero,
  the `scholarly` library's Google Scholar, JSON Feed, arXiv's metadata snapshot);
- `apis`: the mappers of scholarly APIs' answers (OpenAlex, Crossref, Semantic Scholar,
  Europe PMC, bioRxiv, Elsevier, CORE, PubMed E-utilities, DOAJ, Zenodo, DataCite,
  INSPIRE-HEP, NASA ADS, HAL, Dimensions, Lens.org);
- `mapping`: `map_object`, each shape given to its mapper.
"""

from __future__ import annotations

from digest.readers.scholarly_json.apis import inverted_index_to_text
from digest.readers.scholarly_json.mapping import map_object
from digest.readers.scholarly_json.references import csl_record, newest_versions_first
from digest.readers.scholarly_json.shapes import GENERIC, Mapper, shape_of

__all__ = [
    "GENERIC",
    "Mapper",
    "csl_record",
    "inverted_index_to_text",
    "map_object",
    "newest_versions_first",
    "shape_of",
]
