"""Scholarly JSON: the mappers of scholarly APIs' answers: OpenAlex (its abstract rebuilt
from the inverted index), Crossref, Semantic Scholar, Europe PMC, bioRxiv/medRxiv, Elsevier,
CORE, PubMed E-utilities, DOAJ, Zenodo, DataCite, Springer Nature, IEEE Xplore,
INSPIRE-HEP, NASA ADS, HAL, Dimensions and Lens.org.
"""

from __future__ import annotations

import calendar
import json
import re
import unicodedata
import urllib.parse
from typing import Any

from digest.readers.markup import (
    markup_to_text,
    unglued_sections,
    without_abstract_heading,
)
from digest.readers.records import (
    Problem,
    Record,
    date_or_year,
    excerpt,
    first_name_first,
)
from digest.readers.scholarly_json.shapes import (
    core_item,
    datacite_item,
    doaj_bibjson,
    elsevier_item,
    inspire_metadata,
    s2_wrapped,
    zenodo_metadata,
)
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

# A word position beyond this is not an abstract (a hostile or broken index).
_MAX_WORD_POSITION = 100_000


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
        for position in list_of(positions):
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


def openalex_record(line: int, work: dict[str, Any]) -> Record | Problem:
    title = markup_free(text_of(work.get("title")) or text_of(work.get("display_name")))
    # openalexR's data frame (saved as JSON) holds the rebuilt abstract as `ab`, its authors
    # as `author[].au_display_name`, its venue as `so`.
    abstract = inverted_index_to_text(work.get("abstract_inverted_index")) or text_of(
        work.get("ab")
    )
    if not abstract:
        return no_abstract(line, "OpenAlex", title)
    ids = dict_of(work.get("ids"))
    location = work.get("primary_location")
    # Works written before OpenAlex's 2023 schema (old pyalex and openalexR dumps) have no
    # locations: the venue and its page are `host_venue`, the others `alternate_host_venues`.
    host = work.get("host_venue")
    urls = [nested(loc, "landing_page_url") for loc in [location, *list_of(work.get("locations"))]]
    urls += [nested(venue, "url") for venue in [host, *list_of(work.get("alternate_host_venues"))]]
    arxiv = next((u for u in map(text_of, urls) if "arxiv.org/abs/" in u), None)
    authors = strings_of(
        _openalex_author(a) for a in list_of(work.get("authorships"))
    ) or strings_of(nested(a, "au_display_name") for a in list_of(work.get("author")))
    keywords = strings_of(nested(k, "display_name") for k in list_of(work.get("keywords")))
    return Record(
        line=line,
        abstract=markup_free(abstract),
        arxiv=arxiv,
        title=title or None,
        authors=authors,
        url=(
            text_of(nested(location, "landing_page_url"))
            or text_of(nested(host, "url"))
            or text_of(work.get("url"))
            or None
        ),
        doi=text_of(work.get("doi")) or text_of(ids.get("doi")) or None,
        date=text_of(work.get("publication_date")) or text_of(work.get("publication_year")) or None,
        pmid=text_of(ids.get("pmid")).rstrip("/").rsplit("/", 1)[-1] or None,
        venue=(
            _openalex_venue(work.get("type"), nested(location, "source"))
            or text_of(nested(host, "display_name"))
            or text_of(work.get("so"))
            or None
        ),
        keywords=keywords,
        metadata=metadata_of([("openalex", work.get("id")), ("type", work.get("type"))]),
    )


def _openalex_venue(work_type: Any, source: Any) -> str:
    """The name of the source a work appeared in; none for a repository holding a copy of an
    article or a book ("LA Referencia (Red Federada de Repositorios ...)", a university's
    server): it is no venue. A preprint server (arXiv, bioRxiv) is a preprint's venue."""
    if nested(source, "type") == "repository" and work_type not in _PREPRINT_TYPES:
        return ""
    return text_of(nested(source, "display_name"))


# OpenAlex's types of a preprint, since 2023 and before.
_PREPRINT_TYPES = ("preprint", "posted-content")


def _openalex_author(authorship: Any) -> str:
    """An authorship's name as OpenAlex's author it matched names it ("Fernando Muro" for
    the paper's "Muro Jim\u00e9nez, Fernando" or "F. Muro"), or as the paper names it when
    that author is someone else: none of the matched name's words is in the paper's ("K.
    Cohen" matched for "G D Marijn Veerman")."""
    matched = text_of(nested(authorship, "author", "display_name"))
    written = text_of(nested(authorship, "raw_author_name"))
    if not written or not matched:
        return matched
    letters = _letters(written)
    words = [word for word in map(_letters, matched.split()) if len(word) > 1]
    return matched if any(word in letters for word in words) else first_name_first(written)


def _letters(text: str) -> str:
    """The letters and digits of a name, accents off, in lower case: "Tjan\u2010Heijnen" and
    "Tjan-Heijnen" both "tjanheijnen"."""
    return "".join(c for c in unicodedata.normalize("NFKD", text).casefold() if c.isalnum())


# The Unix epoch, the date a journal's system (Open Journal Systems) deposits at Crossref for a
# paper whose date it never had: "issued" {"date-parts": [[1970, 1, 1]]}. It dates no paper.
_EPOCH = "1970-01-01"


def crossref_record(line: int, work: dict[str, Any]) -> Record | Problem:
    title = markup_free(text_of(work.get("title")))
    # SciELO deposits its abstracts with their heading glued on ("<jats:p>RESUMO Objetivo:
    # …", "<jats:p>Resumo   Neste trabalho …"), in a paragraph, not a <jats:title>.
    abstract = without_abstract_heading(markup_free(text_of(work.get("abstract"))))
    if not abstract:
        return no_abstract(line, "Crossref", title or text_of(work.get("DOI")))
    dates = ("issued", "published", "published-print", "published-online", "created")
    date = next((d for key in dates if (d := date_from_parts(work.get(key))) and d != _EPOCH), None)
    subtitle = markup_free(text_of(work.get("subtitle")))
    return Record(
        line=line,
        abstract=abstract,
        title=(f"{title}: {subtitle}" if title and subtitle else title) or None,
        authors=tuple(name for n in list_of(work.get("author")) if (name := csl_name(n))),
        url=text_of(work.get("URL")) or None,
        doi=text_of(work.get("DOI")) or None,
        date=date,
        # A preprint (`posted-content`) has no container: its server is the `institution`.
        venue=text_of(work.get("container-title"))
        or text_of(nested(next(iter(list_of(work.get("institution"))), None), "name"))
        or None,
        keywords=strings_of(list_of(work.get("subject"))),
        metadata=metadata_of([("type", work.get("type")), ("publisher", work.get("publisher"))]),
    )


_S2_ARXIV_JOURNAL = re.compile(r"arxiv(?:\.org)?", re.I)
_S2_PAPER_ID = re.compile(r"[0-9a-f]{40}")


def _s2_page(paper: dict[str, Any]) -> str:
    """The paper's page at Semantic Scholar, from its `paperId`, for an answer whose fields
    left out `url` (fields=title,abstract,year): the page that `url` would have named."""
    paper_id = text_of(paper.get("paperId"))
    return (
        f"https://www.semanticscholar.org/paper/{paper_id}"
        if _S2_PAPER_ID.fullmatch(paper_id)
        else ""
    )


def semantic_scholar_record(line: int, value: dict[str, Any]) -> Record | Problem:
    paper = s2_wrapped(value) or value
    title = markup_free(text_of(paper.get("title")))
    # The Open Research Corpus names it `paperAbstract`, and keeps its ids, page and
    # journal at the top (`doi`, `pmid`, `s2Url`, `journalName`).
    # Elsevier's abstracts come with their heading glued on ("Abstract Hot compression ...").
    abstract = without_abstract_heading(
        text_of(paper.get("abstract")) or text_of(paper.get("paperAbstract"))
    )
    if not abstract:
        return no_abstract(line, "Semantic Scholar", title)
    # The datasets' abstracts and s2orc lines keep their ids in openaccessinfo.
    ids = dict_of(
        paper.get("externalIds")
        or paper.get("externalids")
        or nested(paper, "openaccessinfo", "externalids")
    )
    # The journal as the paper names it before the "normalized" venue Semantic Scholar
    # matched it to, which may be another ("Sensors (Basel, Switzerland)" matched to
    # "Italian National Conference on Sensors", Turing's "Mind" to a book reprinting
    # him); but a preprint's journal is "ArXiv", where the venue names its conference.
    journal = text_of(nested(paper, "journal", "name")) or text_of(paper.get("journalName"))
    venue = (
        ("" if _S2_ARXIV_JOURNAL.fullmatch(journal) else journal)
        or text_of(paper.get("venue"))
        or journal
        or text_of(nested(paper, "publicationVenue", "name"))
        # A script that kept publicationVenue under "venue": {"name": "medRxiv", "id": …}.
        or text_of(nested(paper, "venue", "name"))
    )
    return Record(
        line=line,
        abstract=abstract,
        arxiv=text_of(ids.get("ArXiv")) or None,
        title=title or None,
        authors=strings_of(nested(author, "name") for author in list_of(paper.get("authors"))),
        url=text_of(paper.get("url")) or text_of(paper.get("s2Url")) or _s2_page(paper) or None,
        doi=text_of(ids.get("DOI")) or text_of(paper.get("doi")) or None,
        date=(
            text_of(paper.get("publicationDate"))
            or text_of(paper.get("publicationdate"))
            or text_of(paper.get("year"))
            or None
        ),
        pmid=text_of(ids.get("PubMed")) or text_of(paper.get("pmid")) or None,
        venue=venue or None,
        keywords=strings_of(list_of(paper.get("fieldsOfStudy")))
        or strings_of(
            dict.fromkeys(
                nested(f, "category")
                for f in list_of(paper.get("s2FieldsOfStudy") or paper.get("s2fieldsofstudy"))
            )
        ),
        metadata=metadata_of(
            [("semantic scholar", paper.get("paperId")), ("corpus id", paper.get("corpusid"))]
        ),
    )


def europe_pmc_record(line: int, item: dict[str, Any]) -> Record | Problem:
    title = markup_free(text_of(item.get("title")))
    abstract = without_abstract_heading(markup_free(text_of(item.get("abstractText"))))
    if not abstract:
        return no_abstract(line, "Europe PMC", title or text_of(item.get("id")))
    journal = dict_of(item.get("journalInfo"))
    venue = (
        text_of(nested(journal, "journal", "title"))
        or text_of(journal.get("title"))
        or text_of(item.get("journalTitle"))
        or text_of(nested(item, "bookOrReportDetails", "publisher"))
    )
    source, ident = text_of(item.get("source")), text_of(item.get("id"))
    keywords = strings_of(list_of(nested(item, "keywordList", "keyword"))) or strings_of(
        nested(heading, "descriptorName")
        for heading in list_of(nested(item, "meshHeadingList", "meshHeading"))
    )
    return Record(
        line=line,
        abstract=abstract,
        title=title or None,
        authors=_europe_pmc_authors(item),
        url=f"https://europepmc.org/article/{source}/{ident}" if source and ident else None,
        doi=text_of(item.get("doi")) or None,
        date=(
            text_of(item.get("firstPublicationDate"))
            or text_of(journal.get("printPublicationDate"))
            or text_of(item.get("pubYear"))
            or text_of(nested(journal, "publicationDate", "year"))
            or None
        ),
        pmid=text_of(item.get("pmid")) or None,
        venue=venue or None,
        keywords=keywords,
        metadata=metadata_of([("pmcid", item.get("pmcid")), ("europe pmc", f"{source}/{ident}")]),
    )


def _europe_pmc_authors(item: dict[str, Any]) -> tuple[str, ...]:
    """Full names from `authorList` (a group as its `collectiveName`; a relaying script's
    plain `authors` list of the same objects); else `authorString`, "Smith J, Doe A."."""
    names = []
    authors = list_of(nested(item, "authorList", "author")) or list_of(item.get("authors"))
    for author in authors:
        first, last = text_of(nested(author, "firstName")), text_of(nested(author, "lastName"))
        full = f"{first} {last}".strip() if last else ""
        if (
            name := full
            or text_of(nested(author, "fullName"))
            or text_of(nested(author, "collectiveName"))
        ):
            names.append(name)
    if names:
        return tuple(names)
    listed = text_of(item.get("authorString")).removesuffix(".")
    return tuple(name.strip() for name in listed.split(",") if name.strip())


def _biorxiv_name(name: str) -> str:
    """ "Mensah, K." -> "K. Mensah"."""
    last, _, first = name.partition(",")
    return f"{first.strip()} {last.strip()}".strip() if first.strip() else name.strip()


# HighWire's marks in bioRxiv's and medRxiv's abstracts (see the module's docstring).
_HIGHWIRE_BLOCKS = {kind: re.compile(rf"O_{kind}\b.*?C_{kind}\b", re.S) for kind in ("FIG", "TBL")}
# The space before a mark is taken from the start of its run only ("(?<!\s)"): a pattern
# opening on "\s*" tries each space of a run in turn, each time to the run's end.
_HIGHWIRE_SUBHEADING = re.compile(r"(?:(?<!\s)\s+)?O_ST_ABS(.*?)C_ST_ABS\s*", re.S)
_HIGHWIRE_ITEM_END = re.compile(r"(?:(?<!\s)\s+)?C_LI\s*")
_HIGHWIRE_CHARACTERS = {"O_SCPLOW": "", "C_SCPLOW": "", "O_LI": " "}
# A character by its Unicode name or, a Greek letter, by its own: "0{middle dot}96",
# "TGF{beta}", "{Delta}"; an entity's symbol in brackets: "[&ge;] 130 mg/dl" ("[≥]" once
# the entity is read).
_HIGHWIRE_NAMED = re.compile(r"\{([A-Za-z][A-Za-z -]*)\}")
_HIGHWIRE_BRACKETED = re.compile(r"\[([^\x00-\x7f])\]")


def highwire_free(abstract: str) -> str:
    """A bioRxiv/medRxiv abstract without HighWire's marks: figures and tables out, a
    sub-heading as a label, list items as clauses, characters by name as themselves,
    headings glued to their sections apart ("Background: We …")."""
    if "_" in abstract or "{" in abstract:
        abstract = _without_blocks(abstract)
        abstract = _with_subheadings_as_labels(abstract)
        abstract = _HIGHWIRE_ITEM_END.sub(_item_end, abstract)
        for mark, character in _HIGHWIRE_CHARACTERS.items():
            abstract = abstract.replace(mark, character)
        abstract = _HIGHWIRE_NAMED.sub(_named_character, abstract)
    if "[" in abstract:
        abstract = _HIGHWIRE_BRACKETED.sub(_bracketed_symbol, abstract)
    return unglued_sections(abstract)


def _without_blocks(abstract: str) -> str:
    """The abstract without its figures and tables. Only the text up to a kind's last
    closing mark is searched: an opening mark past it closes nowhere, and each such mark
    would be scanned to the end ("O_FIG " 20,000 times took 16 s)."""
    for kind, block in _HIGHWIRE_BLOCKS.items():
        last = abstract.rfind(f"C_{kind}")
        if last >= 0:
            end = last + len(f"C_{kind}")
            abstract = block.sub(" ", abstract[:end]) + abstract[end:]
    return abstract


def _with_subheadings_as_labels(abstract: str) -> str:
    """The abstract with its sub-headings as labels. As for the blocks, only the text up to
    the last closing mark (and the space after it) is searched: "O_ST_ABS " 20,000 times
    took 42 s."""
    end = abstract.rfind("C_ST_ABS")
    if end < 0:
        return abstract
    end = len(abstract) - len(abstract[end:].removeprefix("C_ST_ABS").lstrip())
    labelled = _HIGHWIRE_SUBHEADING.sub(lambda m: f" {m.group(1).strip()}: ", abstract[:end])
    return labelled + abstract[end:]


def _named_character(named: re.Match[str]) -> str:
    name = named.group(1)
    case = "CAPITAL" if name[0].isupper() else "SMALL"
    for full_name in (name, f"GREEK {case} LETTER {name}"):
        try:
            return unicodedata.lookup(full_name)
        except KeyError:
            continue
    return named.group(0)


def _bracketed_symbol(bracketed: re.Match[str]) -> str:
    symbol = bracketed.group(1)
    return symbol if unicodedata.category(symbol).startswith("S") else bracketed.group(0)


def _item_end(end: re.Match[str]) -> str:
    """The end of a list item: a space after a finished one, else "; "."""
    finished = end.start() and end.string[end.start() - 1] in ".;:!?"
    return " " if finished else "; "


def biorxiv_record(line: int, item: dict[str, Any]) -> Record | Problem:
    def field(name: str) -> str:
        return text_of(item.get(name)) or text_of(item.get(f"preprint_{name}"))

    title = markup_free(field("title"))
    abstract = highwire_free(markup_free(field("abstract")))
    if not abstract:
        return no_abstract(line, "bioRxiv/medRxiv", title)
    doi = text_of(item.get("doi")) or text_of(item.get("biorxiv_doi"))
    server = text_of(item.get("server")) or text_of(item.get("preprint_platform")) or "bioRxiv"
    server = {"biorxiv": "bioRxiv", "medrxiv": "medRxiv"}.get(server.lower(), server)
    version = text_of(item.get("version"))
    host = "www.medrxiv.org" if server == "medRxiv" else "www.biorxiv.org"
    authors = field("authors")
    published = item.get("published") or item.get("published_doi")  # the journal version
    published = None if text_of(published).upper() in ("NA", "") else published
    return Record(
        line=line,
        abstract=abstract,
        title=title or None,
        authors=tuple(_biorxiv_name(n) for n in authors.split(";") if n.strip()),
        url=f"https://{host}/content/{doi}v{version or 1}" if doi else None,
        doi=doi or None,
        date=field("date") or None,
        venue=server,
        keywords=keywords_of(field("category")),
        metadata=metadata_of([("version", version), ("published", published)]),
    )


def elsevier_record(line: int, value: dict[str, Any]) -> Record | Problem:
    item = elsevier_item(value) or value
    if "error" in item and "dc:title" not in item:
        reason = f"no record (the Elsevier API said: {text_of(item.get('error'))})"
        return Problem(line, reason, notice=True)
    title = markup_to_text(text_of(item.get("dc:title")))
    abstract = markup_free(text_of(item.get("dc:description")))
    doi = text_of(item.get("prism:doi"))
    if not abstract:
        return no_abstract(line, "Elsevier", title or doi)
    links = {
        nested(link, "@ref"): text_of(nested(link, "@href")) for link in list_of(item.get("link"))
    }
    keywords = text_of(item.get("authkeywords"))
    return Record(
        line=line,
        abstract=abstract,
        title=title or None,
        authors=_elsevier_authors(item),
        url=links.get("scopus") or links.get("scidir") or None,
        doi=doi or None,
        date=text_of(item.get("prism:coverDate")) or None,
        pmid=text_of(item.get("pubmed-id")) or None,
        venue=text_of(item.get("prism:publicationName")) or None,
        keywords=tuple(k.strip() for k in keywords.split("|") if k.strip()),
        metadata=metadata_of(
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
    for author in [*list_of(item.get("author")), *list_of(nested(creator, "author"))]:
        given = text_of(nested(author, "given-name")) or text_of(nested(author, "ce:given-name"))
        family = text_of(nested(author, "surname")) or text_of(nested(author, "ce:surname"))
        indexed = text_of(nested(author, "authname")) or text_of(nested(author, "ce:indexed-name"))
        if name := (f"{given} {family}" if given and family else indexed or family):
            names.append(name)
    listed = nested(item, "authors", "author")
    for author in listed if isinstance(listed, list) else [listed]:
        if name := text_of(author) or text_of(nested(author, "$")):
            names.append(name)
    creators = [text_of(c) or text_of(nested(c, "$")) for c in list_of(creator) or [creator]]
    return tuple(names) or strings_of(creators)


def core_record(line: int, value: dict[str, Any]) -> Record | Problem:
    item = core_item(value) or value
    title = markup_free(text_of(item.get("title")))
    # v3 names it `abstract`; v2 `description`, often opening with a glued "Abstract." heading.
    text = text_of(item.get("abstract")) or text_of(item.get("description"))
    abstract = without_abstract_heading(markup_free(text))
    ident = text_of(item.get("id"))
    if not abstract:
        return no_abstract(line, "CORE", title or ident)
    authors = (text_of(a) or text_of(nested(a, "name")) for a in list_of(item.get("authors")))
    oai = [*strings_of(list_of(item.get("oaiIds"))), text_of(item.get("oai"))]
    arxiv = text_of(item.get("arxivId")) or next(
        (i.split(":", 2)[2] for i in oai if i.casefold().startswith("oai:arxiv.org:")), ""
    )
    pages = {
        text_of(nested(link, "type")): text_of(nested(link, "url"))
        for link in list_of(item.get("links"))
    }
    url = (
        pages.get("display")
        or text_of(item.get("downloadUrl"))
        or text_of(item.get("fulltextIdentifier"))
        or text_of(item.get("fullTextIdentifier"))
    )
    # v3's publishedDate is a timestamp ("2021-01-01T00:00:00"): its day.
    date = text_of(item.get("publishedDate")).split("T")[0] or text_of(item.get("datePublished"))
    field = item.get("fieldOfStudy")
    return Record(
        line=line,
        abstract=abstract,
        arxiv=arxiv or None,
        title=title or None,
        authors=tuple(first_name_first(name) for name in authors if name),
        url=url or None,
        doi=text_of(item.get("doi")) or None,
        date=date or text_of(item.get("yearPublished")) or text_of(item.get("year")) or None,
        pmid=text_of(item.get("pubmedId")) or None,
        venue=text_of(nested(next(iter(list_of(item.get("journals"))), None), "title")) or None,
        keywords=strings_of([field] if isinstance(field, str) else list_of(item.get("topics"))),
        metadata=metadata_of(
            [
                ("core", ident),
                ("type", item.get("documentType")),
                ("publisher", item.get("publisher")),
            ]
        ),
    )


def esummary_record(line: int, summary: dict[str, Any]) -> Problem:
    error = text_of(summary.get("error"))
    if "header" in summary:  # the whole answer, refused: "Too many UIDs in request…"
        return Problem(line, f"no records (the API said: {error or 'nothing'})")
    if error and len(summary) <= 2:  # {"uid": …, "error": "cannot get document summary"}
        reason = f"no record (the API said: {error})"
        return Problem(line, reason, excerpt(text_of(summary.get("uid"))), notice=True)
    return no_abstract(line, "PubMed esummary", text_of(summary.get("title")))


def esearch_record(line: int, answer: dict[str, Any]) -> Problem:
    pmids = strings_of(list_of(nested(answer, "esearchresult", "idlist")))
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


def doaj_record(line: int, value: dict[str, Any]) -> Record | Problem:
    bib = doaj_bibjson(value) or {}
    title = markup_free(text_of(bib.get("title")))
    ident = text_of(value.get("id"))
    if any(key in bib for key in _DOAJ_JOURNAL_KEYS) and "abstract" not in bib:
        reason = "not a paper (a DOAJ journal record: its articles are at /api/search/articles)"
        return Problem(line, reason, excerpt(title))
    abstract = without_abstract_heading(markup_free(text_of(bib.get("abstract"))))
    if not abstract:
        return no_abstract(line, "DOAJ", title or ident)
    ids = {
        text_of(nested(i, "type")).casefold(): text_of(nested(i, "id"))
        for i in list_of(bib.get("identifier"))
    }
    links = list_of(bib.get("link"))
    fulltext = next((nested(k, "url") for k in links if nested(k, "type") == "fulltext"), None)
    journal = dict_of(bib.get("journal"))
    start, end = text_of(bib.get("start_page")), text_of(bib.get("end_page"))
    return Record(
        line=line,
        abstract=abstract,
        title=title or None,
        authors=_names_surname_first(bib.get("author"), "name"),
        url=text_of(fulltext) or (f"https://doaj.org/article/{ident}" if ident else None),
        doi=ids.get("doi") or None,
        date=_year_month(text_of(bib.get("year")), text_of(bib.get("month"))),
        venue=text_of(journal.get("title")) or None,
        keywords=strings_of(list_of(bib.get("keywords"))),
        metadata=metadata_of(
            [
                ("doaj", ident),
                ("publisher", journal.get("publisher")),
                ("volume", journal.get("volume")),
                ("issue", journal.get("number")),
                ("pages", "-".join(p for p in (start, end) if p)),
            ]
        ),
    )


def _names_surname_first(people: Any, key: str) -> tuple[str, ...]:
    """Each person's name under `key`, given "Family, Given" (DOAJ's, INSPIRE's)."""
    return tuple(
        first_name_first(name)
        for person in list_of(people)
        if (name := text_of(nested(person, key)))
    )


def _year_month(year: str, month: str) -> str | None:
    """DOAJ's year and month ("5", "05", "May", "January") as "2019-05"; the year alone
    where the month is none of these."""
    number = int(month) if month.isdigit() else _MONTHS.get(month.casefold().rstrip("."), 0)
    if year and 1 <= number <= 12:
        return f"{year}-{number:02d}"
    return year or None


def zenodo_record(line: int, value: dict[str, Any]) -> Record | Problem:
    metadata = zenodo_metadata(value) or {}
    title = markup_free(text_of(metadata.get("title")))
    abstract = markup_free(text_of(metadata.get("description")))
    if not abstract:
        return no_abstract(line, "Zenodo", title)
    links = dict_of(value.get("links"))
    # InvenioRDM keeps a creator under person_or_org, its DOI in pids, its keywords as
    # subjects, its journal in custom_fields and its type's title by language.
    creators = (
        text_of(nested(c, "name")) or text_of(nested(c, "person_or_org", "name"))
        for c in list_of(metadata.get("creators"))
    )
    journal = nested(metadata, "journal", "title") or nested(
        value, "custom_fields", "journal:journal", "title"
    )
    kind = nested(metadata, "resource_type", "title")
    subjects = (nested(subject, "subject") for subject in list_of(metadata.get("subjects")))
    return Record(
        line=line,
        abstract=abstract,
        title=title or None,
        authors=tuple(first_name_first(name) for name in creators if name),
        url=text_of(links.get("html")) or text_of(links.get("self_html")) or None,
        doi=(
            text_of(metadata.get("doi"))
            or text_of(value.get("doi"))
            or text_of(nested(value, "pids", "doi", "identifier"))
            or None
        ),
        date=text_of(metadata.get("publication_date")) or None,
        venue=text_of(journal) or "Zenodo",
        keywords=strings_of(list_of(metadata.get("keywords"))) or strings_of(subjects),
        metadata=metadata_of(
            [
                ("type", nested(kind, "en") if isinstance(kind, dict) else kind),
                ("zenodo", value.get("id")),
            ]
        ),
    )


def datacite_record(line: int, value: dict[str, Any]) -> Record | Problem:
    item = datacite_item(value) or value
    titles = [t for t in list_of(item.get("titles")) if isinstance(t, dict)]
    # The main title has no `titleType` ("Subtitle", "TranslatedTitle"… come after it).
    main = next((t for t in titles if not t.get("titleType")), titles[0] if titles else {})
    title = markup_free(text_of(main.get("title")))
    descriptions = [d for d in list_of(item.get("descriptions")) if isinstance(d, dict)]
    abstract = next(
        (
            text
            for d in descriptions
            if text_of(d.get("descriptionType")).casefold() == "abstract"
            and (text := markup_free(text_of(d.get("description"))))
        ),
        "",
    )
    if not abstract:
        return no_abstract(line, "DataCite", title or text_of(item.get("doi")))
    # Crosscite JSON (bolognese's, as DataCite's content negotiation gives it) names its year
    # "publication_year"; its hand-kept copies give `dates` as one object, not a list.
    dates = list_of(item.get("dates")) or [item.get("dates")]
    issued = next(
        (text_of(nested(d, "date")) for d in dates if nested(d, "dateType") == "Issued"), ""
    )
    url = text_of(item.get("url"))
    doi = text_of(item.get("doi"))
    # arXiv's own DOIs (10.48550/arXiv.2101.00001) are registered at DataCite.
    arxiv = url if "arxiv.org/abs/" in url else (doi if "/arxiv." in doi.casefold() else None)
    subjects = (nested(s, "subject") for s in list_of(item.get("subjects")))
    return Record(
        line=line,
        abstract=abstract,
        arxiv=arxiv,
        title=title or None,
        authors=tuple(name for c in list_of(item.get("creators")) if (name := _datacite_name(c))),
        url=url or None,
        doi=doi or None,
        date=issued
        or text_of(item.get("published"))
        or text_of(item.get("publicationYear"))
        or text_of(item.get("publication_year"))
        or None,
        venue=text_of(nested(item, "container", "title")) or text_of(item.get("publisher")) or None,
        # Subjects given as URLs (Wikidata entities) name nothing a reader can read.
        keywords=strings_of(
            s for s in subjects if not text_of(s).startswith(("http://", "https://"))
        ),
        metadata=metadata_of(
            [
                ("type", nested(item, "types", "resourceTypeGeneral")),
                ("publisher", item.get("publisher")),
            ]
        ),
    )


def _datacite_name(creator: Any) -> str:
    if not isinstance(creator, dict):
        return text_of(creator)
    given, family = text_of(creator.get("givenName")), text_of(creator.get("familyName"))
    if family:
        return f"{given} {family}".strip()
    name = text_of(creator.get("name"))
    # A person's `name` is "Family, Given"; an organisation's is as it is written.
    personal = creator.get("nameType") == "Personal"
    return first_name_first(name) if personal else name


def springer_record(line: int, value: dict[str, Any]) -> Record | Problem:
    """A record of Springer Nature's Metadata API (api.springernature.com/meta/v2/json,
    the older /metadata/json): "Family, Given" creators, `publicationName` its venue."""
    title = markup_free(text_of(value.get("title")))
    abstract = value.get("abstract")
    if isinstance(abstract, dict):  # {"h1": "Abstract", "p": ["…", "…"]}
        abstract = " ".join(strings_of(list_of(abstract.get("p"))))
    abstract = unglued_sections(without_abstract_heading(markup_free(text_of(abstract))))
    identifier = text_of(value.get("identifier"))
    doi = text_of(value.get("doi")) or identifier.removeprefix("doi:")
    if not abstract:
        return no_abstract(line, "Springer Nature", title or doi)
    links = [link for link in list_of(value.get("url")) if isinstance(link, dict)]
    link = next((nested(k, "value") for k in links if nested(k, "format") == "html"), None)
    return Record(
        line=line,
        abstract=abstract,
        title=title or None,
        authors=tuple(
            first_name_first(name)
            for creator in list_of(value.get("creators"))
            if (
                name := text_of(
                    nested(creator, "creator") if isinstance(creator, dict) else creator
                )
            )
        ),
        url=text_of(link or nested(next(iter(links), None), "value")) or None,
        doi=doi or None,
        date=text_of(value.get("publicationDate") or value.get("onlineDate")) or None,
        venue=text_of(value.get("publicationName") or value.get("journalTitle")) or None,
        keywords=strings_of(list_of(value.get("keyword"))),
        metadata=metadata_of(
            [
                ("type", value.get("contentType")),
                ("publisher", value.get("publisher") or value.get("publisherName")),
            ]
        ),
    )


def ieee_xplore_record(line: int, value: dict[str, Any]) -> Record | Problem:
    """An article of IEEE Xplore's API (ieeexploreapi.ieee.org/api/v1/search/articles):
    authors under authors.authors[].full_name, keywords under index_terms."""
    title = markup_free(text_of(value.get("title")))
    abstract = without_abstract_heading(markup_free(text_of(value.get("abstract"))))
    number = text_of(value.get("article_number"))
    if not abstract:
        return no_abstract(line, "IEEE Xplore", title or number)
    people = sorted(
        (p for p in list_of(nested(value, "authors", "authors")) if isinstance(p, dict)),
        key=lambda person: int(p) if isinstance(p := person.get("author_order"), int) else 0,
    )
    terms = dict_of(value.get("index_terms"))
    keywords = [
        term
        for kind in ("author_terms", "ieee_terms", "dynamic_index_terms")
        for term in strings_of(list_of(nested(terms.get(kind), "terms")))
    ]
    page = text_of(value.get("html_url") or value.get("abstract_url"))
    return Record(
        line=line,
        abstract=abstract,
        title=title or None,
        authors=tuple(name for p in people if (name := text_of(p.get("full_name")))),
        url=page or (f"https://ieeexplore.ieee.org/document/{number}/" if number else None),
        doi=text_of(value.get("doi")) or None,
        date=date_or_year(
            text_of(value.get("publication_date")), text_of(value.get("publication_year"))
        ),
        venue=text_of(value.get("publication_title")) or None,
        keywords=tuple(dict.fromkeys(keywords)),
        metadata=metadata_of(
            [
                ("type", value.get("content_type")),
                ("publisher", value.get("publisher")),
                ("ieee", number),
            ]
        ),
    )


def inspire_record(line: int, value: dict[str, Any]) -> Record | Problem:
    """An INSPIRE-HEP literature record. A record may hold its abstract twice, the
    publisher's and arXiv's (`source`): arXiv's is read, as the arXiv id is the one every
    record of the field has. Only the record's own fields are read: each of its
    `references` has authors and a `publication_info` too."""
    item = inspire_metadata(value) or {}
    titles = [t for t in list_of(item.get("titles")) if isinstance(t, dict)]
    title = markup_free(text_of(titles[0].get("title"))) if titles else ""
    abstracts = [a for a in list_of(item.get("abstracts")) if isinstance(a, dict)]
    abstracts.sort(key=lambda a: text_of(a.get("source")).casefold() != "arxiv")
    abstract = next((text for a in abstracts if (text := markup_free(text_of(a.get("value"))))), "")
    number = text_of(item.get("control_number"))
    if not abstract:
        return no_abstract(line, "INSPIRE-HEP", title or number)
    eprint = dict_of(next(iter(list_of(item.get("arxiv_eprints"))), None))
    published = [p for p in list_of(item.get("publication_info")) if isinstance(p, dict)]
    journal = next((p for p in published if text_of(p.get("journal_title"))), {})
    return Record(
        line=line,
        abstract=abstract,
        title=title or None,
        authors=_names_surname_first(item.get("authors"), "full_name"),
        url=f"https://inspirehep.net/literature/{number}" if number.isdigit() else None,
        doi=text_of(nested(next(iter(list_of(item.get("dois"))), None), "value")) or None,
        arxiv=text_of(eprint.get("value")) or None,
        date=(
            text_of(item.get("earliest_date"))
            or text_of(item.get("preprint_date"))
            or text_of(nested(next(iter(list_of(item.get("imprints"))), None), "date"))
            or next((year for p in published if (year := text_of(p.get("year")))), "")
            or None
        ),
        venue=text_of(journal.get("journal_title")) or None,
        keywords=strings_of(nested(k, "value") for k in list_of(item.get("keywords"))),
        metadata=metadata_of(
            [
                ("inspire", number),
                ("categories", " ".join(strings_of(list_of(eprint.get("categories"))))),
                ("volume", journal.get("journal_volume")),
                ("pages", journal.get("artid") or journal.get("page_start")),
            ]
        ),
    )


def ads_record(line: int, doc: dict[str, Any]) -> Record | Problem:
    """A NASA ADS search API document (`response.docs[]` of its Solr answer): `title` a
    list, `abstract` HTML with a `<P />` between paragraphs and "Not Available" for none,
    `author` as "Family, Given", `doi` a list, `pub` the venue, `pubdate` with 00 for an
    unknown month or day ("2017-06-00"), an arXiv id among the `identifier`s
    ("arXiv:hep-th/9108028"). The record's page is named by its `bibcode`."""
    title = markup_free(text_of(doc.get("title")))
    abstract = markup_free(text_of(doc.get("abstract")))
    bibcode = text_of(doc.get("bibcode"))
    if not abstract:
        return no_abstract(line, "NASA ADS", title or bibcode)
    identifiers = strings_of(list_of(doc.get("identifier")))
    return Record(
        line=line,
        abstract=abstract,
        title=title or None,
        authors=tuple(first_name_first(name) for name in strings_of(list_of(doc.get("author")))),
        url=f"https://ui.adsabs.harvard.edu/abs/{urllib.parse.quote(bibcode)}/abstract"
        if bibcode
        else None,
        doi=text_of(doc.get("doi")) or None,
        arxiv=next((i[6:] for i in identifiers if i.casefold().startswith("arxiv:")), None),
        date=text_of(doc.get("pubdate")) or text_of(doc.get("year")) or None,
        venue=text_of(doc.get("pub")) or None,
        keywords=strings_of(list_of(doc.get("keyword"))),
        metadata=metadata_of([("bibcode", bibcode), ("doctype", doc.get("doctype"))]),
    )


def hal_record(line: int, doc: dict[str, Any]) -> Record | Problem:
    """A HAL document (api.archives-ouvertes.fr/search, hal.science/{id}/json: Solr's
    `response.docs[]`). Its fields are lists ending in a type: `title_s` and `abstract_s`
    hold each language's, `en_title_s`, `fr_abstract_s`… one language's; the title and
    abstract are taken in the document's own language (`language_s`) where it has them, so
    a French paper is not given its French title over its English abstract.
    `authFullName_s` is "Given Family"; `uri_s` the page, `producedDate_s` the date."""
    language = text_of(doc.get("language_s"))

    def in_language(field: str) -> str:
        return text_of(doc.get(f"{language}_{field}")) or text_of(doc.get(field))

    title = markup_free(in_language("title_s"))
    abstract = markup_free(in_language("abstract_s"))
    hal_id = text_of(doc.get("halId_s"))
    if not abstract:
        return no_abstract(line, "HAL", title or hal_id)
    venues = ("journalTitle_s", "conferenceTitle_s", "bookTitle_s")
    return Record(
        line=line,
        abstract=abstract,
        title=title or None,
        authors=strings_of(list_of(doc.get("authFullName_s"))),
        url=text_of(doc.get("uri_s")) or None,
        doi=text_of(doc.get("doiId_s")) or None,
        arxiv=text_of(doc.get("arxivId_s")) or None,
        date=text_of(doc.get("producedDate_s")) or text_of(doc.get("publicationDate_s")) or None,
        venue=next((venue for key in venues if (venue := text_of(doc.get(key)))), None),
        keywords=strings_of(list_of(doc.get(f"{language}_keyword_s") or doc.get("keyword_s"))),
        metadata=metadata_of([("hal", hal_id), ("type", doc.get("docType_s"))]),
    )


def dimensions_record(line: int, pub: dict[str, Any]) -> Record | Problem:
    """A Dimensions API publication (its DSL's `publications`, or such records saved as a
    list), told by its id ("pub.1147121755"): `authors` as objects with `first_name` and
    `last_name` (and affiliations, never read), `journal.title` (else the proceedings' or
    book's), `date`, `doi`, `pmid`, `arxiv_id`, `mesh_terms`. Its abstracts glue Springer's
    headings to their sections as its CSV export does ("BackgroundWe …")."""
    title = markup_free(text_of(pub.get("title")))
    abstract = unglued_sections(markup_free(text_of(pub.get("abstract"))))
    ident = text_of(pub.get("id"))
    if not abstract:
        return no_abstract(line, "Dimensions", title or ident)
    venues = (nested(pub, "journal", "title"), pub.get("proceedings_title"), pub.get("book_title"))
    return Record(
        line=line,
        abstract=abstract,
        title=title or None,
        authors=_first_and_last_names(pub.get("authors")),
        url=f"https://app.dimensions.ai/details/publication/{ident}",
        doi=text_of(pub.get("doi")) or None,
        pmid=text_of(pub.get("pmid")) or None,
        arxiv=text_of(pub.get("arxiv_id")) or None,
        date=text_of(pub.get("date")) or text_of(pub.get("year")) or None,
        venue=next((venue for value in venues if (venue := text_of(value))), None),
        keywords=strings_of(list_of(pub.get("mesh_terms"))),
        metadata=metadata_of([("dimensions", ident), ("type", pub.get("type"))]),
    )


def _first_and_last_names(people: Any) -> tuple[str, ...]:
    """Each person's `first_name` and `last_name` (Dimensions', Lens.org's) as one name."""
    return tuple(
        name
        for person in list_of(people)
        if (
            name := " ".join(
                strings_of([nested(person, "first_name"), nested(person, "last_name")])
            )
        )
    )


def lens_record(line: int, work: dict[str, Any]) -> Record | Problem:
    """A Lens.org scholarly work (its API's `data[]`), told by its `lens_id`: `authors` as
    objects with `first_name` and `last_name`, the DOI and PMID among `external_ids`
    ({"type": "doi", "value": …}), `source.title` the venue, `date_published` a timestamp.
    Its abstracts keep the heading Crossref glued to Elsevier's ("Abstract Background …")."""
    title = markup_free(text_of(work.get("title")))
    abstract = without_abstract_heading(markup_free(text_of(work.get("abstract"))))
    ident = text_of(work.get("lens_id"))
    if not abstract:
        return no_abstract(line, "Lens.org", title or ident)
    ids = {
        text_of(i.get("type")).casefold(): text_of(i.get("value"))
        for i in list_of(work.get("external_ids"))
        if isinstance(i, dict)
    }
    return Record(
        line=line,
        abstract=abstract,
        title=title or None,
        authors=_first_and_last_names(work.get("authors")),
        doi=ids.get("doi") or None,
        pmid=ids.get("pmid") or None,
        date=text_of(work.get("date_published")).split("T")[0]
        or text_of(work.get("year_published"))
        or None,
        venue=text_of(nested(work, "source", "title")) or None,
        keywords=strings_of(list_of(work.get("keywords"))),
        metadata=metadata_of([("lens", ident), ("type", work.get("publication_type"))]),
    )
