"""CSV and tab-separated files: our own simple columns, and what reference managers and
databases export (Zotero, Scopus, IEEE Xplore, Embase, APA PsycNET, Consensus, Lens.org,
Dimensions, Publish or Perish, Web of Science, PubMed, the Cochrane Library, Covidence,
Rayyan), told apart by the names in their header row.

Read with the standard library's csv module; the work here is naming. Each export calls
its columns its own way ("Abstract Note", "Document Title", "Article Title", "AB"), so one
table maps every column name we know to a Record field, with a rank for when a file has two
columns for one field ("Author Full Names" before "Authors"). The names are matched
without case, spaces or a BOM, which covers the same file re-saved by Excel; Excel may also
have changed the separator to ';' (the header decides which separator names the most
columns) and written a `sep=;` line first. Dimensions writes a line about the export
("About the data: Exported on …") above its header: a header naming an abstract column may
come after a few such lines.

Lens.org and Crossref-fed exports copy JATS or HTML markup into abstracts and titles
(`<jats:p>`, `<title>Abstract</title>`): the text is kept, the markup dropped, and so is
the "Abstract" heading Crossref glues to Elsevier's ("Abstract Amine wastes are…").
Dimensions glues Springer's structured-abstract headings to their sections ("BackgroundWe
… .MethodsThe …"): they are set apart as the other readers show them ("Background: We …").

Ovid's CSV export (Embase, MEDLINE, PsycINFO… through Ovid) names its columns by Ovid's
own field tags ("ORN,VN,DB,UI,PM,TI,SO,AU,…,AB"), a cell holding a field's lines (an author
a line, blank lines between): each row is read as a record of Ovid's tagged text
(digest/readers/ovid.py), the export told by its VN, DB or ORN column.

Web of Science's tab-delimited export names its columns by two-letter tags (TI, AB, AU…);
they are read by their own table, and only in a header that is one, since "ID" there means
Keywords Plus. Its date of issue (PD, "Publication Date") is a month without a year ("SEP",
"DEC 10"), dated with the year column beside it. PubMed's CSV export (the old site's too)
has no abstracts at all: it gets its own message saying which PubMed export to use instead,
and so does Europe PMC's (SOURCE,EXTERNAL_ID,…,IN_EPMC), the ACM Digital Library's, and a
few more citation-only CSVs.

Embase's CSV export is not a table unless "fields by column" is chosen: by default it
writes a record as one labelled line a field ("TITLE","Sleep apnea in…" then "AUTHOR
NAMES","Shi X.","Jiang P." with a cell a name), records apart by a blank line. Such a file
is turned into a header and rows and read like the rest.

Columns that hold a whole reference list or address book (Scopus "References", WoS "CR")
are not kept; every other column is kept as metadata under its own name.
"""

from __future__ import annotations

import csv
import dataclasses
import io
import re
import urllib.parse
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from digest.cleaning import repaired_encoding
from digest.readers.cnki_custom import OPENING_TEXT, OPENING_TEXT_ONLY
from digest.readers.identifiers import labelled_arxiv_id
from digest.readers.markup import (
    decode_entities,
    markup_to_text,
    unglued_sections,
    without_abstract_heading,
)
from digest.readers.ovid import ovid_record
from digest.readers.records import (
    AND_SEPARATOR,
    SURNAME_FIRST,
    YEAR,
    Parsed,
    Problem,
    Record,
    cased_in_list,
    date_or_year,
    excerpt,
    first_lines,
    first_name_first,
    initials_turned_round,
    iso_date,
    joined_initials,
    missing_abstract,
    month_number,
    split_authors,
    split_keywords,
)
from digest.readers.scholarly_json.apis import highwire_free
from digest.readers.tagged import TaggedRecord
from digest.readers.web_of_science import (
    TITLE_TAGS,
    accented_full_names,
    english_title,
    publication_date,
    web_of_science_text,
    web_of_science_title,
)

# Column name (lower case, spaces collapsed) -> (Record field, rank: lower wins).
_COLUMNS: dict[str, tuple[str, int]] = {
    # ours, and the plain names most exports use
    "abstract": ("abstract", 0), "summary": ("abstract", 5), "id": ("id", 0),
    "title": ("title", 1), "authors": ("authors", 1), "author": ("authors", 1),
    "url": ("url", 0), "link": ("url", 1), "date": ("date", 0), "published": ("date", 2),
    "year": ("date", 1), "doi": ("doi", 0), "arxiv id": ("arxiv", 0), "arxiv": ("arxiv", 0),
    "pmid": ("pmid", 0), "venue": ("venue", 0), "journal": ("venue", 0),
    "keywords": ("keywords", 2),
    # BibTeX's field names, as a script writes its entries to a table, and as the ACM
    # Digital Library's CSV names them: a paper in proceedings has its venue in "booktitle"
    "booktitle": ("venue", 1),
    # Zotero
    "abstract note": ("abstract", 0), "publication year": ("date", 1),
    "publication title": ("venue", 0), "manual tags": ("keywords", 0),
    "automatic tags": ("keywords", 3),
    # the pages an item links to, when it has no Url of its own: a library catalogue's
    # record of a book, ERIC's of a paper
    "link attachments": ("url", 5),
    # Scopus ("Author full names": "Hao, Jie (57221302630); …", the ids dropped)
    "source title": ("venue", 0), "author keywords": ("keywords", 0),
    "index keywords": ("keywords", 3), "pubmed id": ("pmid", 0),
    "author full names": ("authors", 0),
    # Scopus in Chinese (its interface in 简体中文 names the columns so, "Author full names"
    # left in English): 作者,作者 ID,文献标题,年份,来源出版物名称,链接,摘要,作者关键字,索引关键字
    "摘要": ("abstract", 0), "文献标题": ("title", 0), "作者": ("authors", 1),
    "年份": ("date", 1), "来源出版物名称": ("venue", 0), "链接": ("url", 1),
    "作者关键字": ("keywords", 0), "索引关键字": ("keywords", 3),
    # Scopus in Japanese: 著者名,Author full names,著者ID,文献タイトル (before 2022 タイトル),
    # 出版年,出版物名,…,リンク,抄録,著者キーワード,索引キーワード,参考文献,…
    "抄録": ("abstract", 0), "文献タイトル": ("title", 0), "タイトル": ("title", 0),
    "著者名": ("authors", 1), "出版年": ("date", 1), "出版物名": ("venue", 0),
    "リンク": ("url", 1), "著者キーワード": ("keywords", 0), "索引キーワード": ("keywords", 3),
    # Scopus in Russian: Автор (ы),Author full names,Идентификатор автора(ов),Название
    # документа,Год,Название источника,…,Ссылка,Организации,Авторы организаций,Краткое
    # описание,Ключевые слова автора,Ключевые слова указателя,…
    "краткое описание": ("abstract", 0), "название документа": ("title", 0),
    "автор (ы)": ("authors", 1), "год": ("date", 1), "название источника": ("venue", 0),
    "ссылка": ("url", 1), "ключевые слова автора": ("keywords", 0),
    "ключевые слова указателя": ("keywords", 3),
    # CNKI's export to Excel ("自定义", its fields chosen), saved as CSV: each column named as
    # its custom text export names the field, "Title-题名", "Summary-摘要" (cnki_custom.py)
    "title-题名": ("title", 0), "author-作者": ("authors", 0), "source-文献来源": ("venue", 0),
    "keyword-关键词": ("keywords", 0), "summary-摘要": ("abstract", 0),
    "pubtime-发表时间": ("date", 0), "year-年": ("date", 1), "url-网址": ("url", 0),
    "doi-doi": ("doi", 0),
    # IEEE Xplore
    "document title": ("title", 0), "ieee terms": ("keywords", 3), "pdf link": ("url", 4),
    # Embase
    "author names": ("authors", 1), "medline pmid": ("pmid", 1), "embase link": ("url", 3),
    "full text link": ("url", 2),
    # APA PsycNET
    "documenttitle": ("title", 0), "publicationname": ("venue", 0),
    "publicationyear": ("date", 1), "descriptors": ("keywords", 1),
    # Consensus
    "consensus link": ("url", 2),
    # The Scopus Search API's names, as pybliometrics' ScopusSearch results saved as CSV
    # keep them
    "dc:title": ("title", 0), "dc:creator": ("authors", 1), "prism:publicationname": ("venue", 0),
    "prism:doi": ("doi", 0), "prism:coverdate": ("date", 0), "pubmed-id": ("pmid", 0),
    "authkeywords": ("keywords", 0),
    # Cochrane Library (CENTRAL): "Author(s)", and "Source" is the journal (see below)
    "author(s)": ("authors", 1),
    # Covidence (and the WHO COVID-19 database it fed)
    "published year": ("date", 1),
    # Web of Science with full column names
    "article title": ("title", 0), "keywords plus": ("keywords", 3),
    "early access date": ("date", 2),
    # Lens.org
    "author/s": ("authors", 1), "date published": ("date", 0), "external url": ("url", 1),
    "mesh terms": ("keywords", 4),
    # Dimensions
    "publication date": ("date", 0), "pubyear": ("date", 1), "source linkout": ("url", 2),
    "dimensions url": ("url", 3),
    # Publish or Perish (Google Scholar, Crossref…); its "Source" is read below
    "articleurl": ("url", 0),
    # PubMed
    "journal/book": ("venue", 0),
    # rispy's names for RIS tags (an underscore read as a space), which a table made from
    # RIS keeps: ASReview's export of a project fed a RIS file, scripts built on rispy.
    # T1/TI, N2/AB, A1/AU, Y1/PY, JF/JO/T2/JA/J2, UR.
    "primary title": ("title", 1), "notes abstract": ("abstract", 1),
    "first authors": ("authors", 2), "alternate title3": ("venue", 1),
    "journal name": ("venue", 1), "secondary title": ("venue", 2),
    "alternate title2": ("venue", 3), "alternate title1": ("venue", 4), "urls": ("url", 1),
    # EBSCOhost (CINAHL, Academic Search): its permalink; its subject headings after the
    # authors' keywords
    "journal title": ("venue", 0), "plink": ("url", 1), "subjects": ("keywords", 3),
    # OpenAlex's CSV download (the web site's Export): its nested names with dots, lists
    # joined with "|"; the work's title its "display_name" (since 2024 without "title")
    "display name": ("title", 2), "primary location.source.display name": ("venue", 0),
    "authorships.author.display name": ("authors", 0),
    "authorships.raw author name": ("authors", 2), "keywords.display name": ("keywords", 1),
    "concepts.display name": ("keywords", 4), "ids.pmid": ("pmid", 0),
    # R's medrxivr (mx_search's results): the preprint's page, and its subject area
    "link page": ("url", 1), "category": ("keywords", 3),
    # Citavi's tab-delimited export
    "authors, primary": ("authors", 0), "title primary": ("title", 0),
    "periodical full": ("venue", 0), "periodical abbrev": ("venue", 3), "pub year": ("date", 1),
}  # fmt: skip

# Web of Science's tab-delimited export: a header of two-letter tags.
_WOS_TAGS: dict[str, tuple[str, int]] = {
    "ti": ("title", 0), "ab": ("abstract", 0), "af": ("authors", 0), "au": ("authors", 1),
    "di": ("doi", 0), "so": ("venue", 0), "de": ("keywords", 0), "id": ("keywords", 1),
    "pm": ("pmid", 0), "pd": ("date", 0), "py": ("date", 1), "ea": ("date", 2),
    "pmid": ("pmid", 1),
}  # fmt: skip

# Ovid's CSV export: a header of Ovid's field tags, among them its version, database or
# record number column (VN "Ovid Technologies", DB "Embase", ORN "1"). Its rows are read by
# ovid.py; this table only tells the header for one.
_OVID_TAGS: dict[str, tuple[str, int]] = {
    "ti": ("title", 0), "ab": ("abstract", 0), "fa": ("authors", 0), "au": ("authors", 1),
    "do": ("doi", 0), "jn": ("venue", 0), "so": ("venue", 1), "yr": ("date", 0),
    "kw": ("keywords", 0), "mh": ("keywords", 1),
}  # fmt: skip
_OVID_COLUMNS = frozenset({"vn", "db", "orn"})
_OVID_TAG = re.compile(r"[a-z][a-z0-9]{1,4}")

# Whole reference lists, address books and file paths: nothing a reader of a digest needs,
# and often longer than the abstract (Scopus "References" runs to 30 KB a row).
_NOT_KEPT = frozenset(
    {"references", "cited references", "cr", "affiliations", "authors with affiliations",
     "addresses", "c1", "c3", "correspondence address", "correspondence", "reprint addresses",
     "rp", "email addresses", "em", "researcher ids", "ri", "orcids", "oi", "funding text",
     "fx", "funding details", "funding texts", "file attachments", "link attachments", "notes",
     "author(s) id", "author affiliations", "author addresses", "referenced works",
     "related works", "authorships.institutions", "authorships.raw affiliation strings",
     "authorships.affiliations", "作者 id", "organ-单位", "著者id", "参考文献",
     "著者所属機関名", "著者 + 所属機関", "連絡先住所", "идентификатор автора(ов)", "организации",
     "авторы организаций", "сведения \u043e финансировании", "текст \u043e финансировании"}
)  # fmt: skip

# Scopus numbers a column it repeats: "Funding Text 1" … "Funding Text 5" (2019).
_NUMBERED = re.compile(r" \d+$")

# Columns where Zotero (and ADS through it) keeps an arXiv id: "arXiv:1708.02025".
_ARXIV_HOMES = frozenset({"extra", "pages", "number", "archive id", "report number"})

# Embase has no DOI column; its library link holds one: "…&id=doi:10.4103%2F2303-9027…&…".
_DOI_HOMES = frozenset({"open url link"})
_DOI_IN_LINK = re.compile(r"[?&]id=doi:([^&\s]+)", re.I)

# Embase's "Source" is a whole citation, "Cancer (2004) 102:4 (253-258). Date of Publication:
# 25 Aug 2004": the journal and year of a file without columns of their own.
_CITATION_HOMES = frozenset({"source"})
# The venue ends on a non-space: otherwise each space of a long run is tried as its end,
# and the run scanned again from there (a cell with a million spaces never finished).
_CITATION = re.compile(r"(?P<venue>\S.*?)(?<!\s)\s+\((?P<year>(?:18|19|20)\d\d)\)(?:\s|$)")

# Zotero keeps a PubMed record's PMID in Extra, a "Name: value" a line: "PMID: 36206242";
# Web of Science's MEDLINE, which has no PM column, in its UT: "MEDLINE:29782655".
_PMID_HOMES = frozenset({"extra", "ut"})
_PMID_IN_TEXT = re.compile(r"^[^\S\n]*(?:PMID|MEDLINE):\s*(\d+)", re.I | re.M)

# IEEE Xplore may open the "Author Keywords" cell with its label: "Keywords Deep learning;…".
_IEEE_KEYWORDS_LABEL = re.compile(r"^Keywords:?\s+")
# IEEE Xplore links its PDF viewer; the paper's page is its document page.
_IEEE_STAMP = re.compile(
    r"^https?://ieeexplore\.ieee\.org/stamp/stamp\.jsp\?(?:tp=&)?arnumber=(\d+)\S*$"
)

_DELIMITERS = (",", "\t", ";")
# A line longer than this is text, never a row of column names.
_MAX_HEADER_CHARS = 20_000
# A cell may be as long as a file digest reads (Zotero's Notes column holds whole notes);
# the csv module's own limit (131,072 characters) would lose the record. Its largest value
# everywhere (a C long).
_MAX_FIELD_CHARS = 2**31 - 1
_SEP_LINE = re.compile(r"sep=(.)\s*$", re.I)  # Excel's first line naming the separator
# PubMed's "Save > Format: CSV" header; it has no abstract column.
_PUBMED_CSV = frozenset({"pmid", "title", "authors", "citation", "first author", "journal/book"})
# The old PubMed site's "Send to: File, CSV" (until 2020): Title,URL,Description,Details,…
_OLD_PUBMED_CSV = frozenset({"title", "url", "description", "details", "shortdetails", "entrezuid"})
_PUBMED_CSV_HELP = (
    "PubMed's CSV export has no abstracts; in PubMed, click Save and choose "
    "Format: PubMed (then Create file) to save them in a MEDLINE file digest reads"
)


def _name(cell: str) -> str:
    # "Publication_Year" (IEEE Xplore until about 2019), "pubmed_id" (Rayyan): an underscore
    # is a space.
    return " ".join(cell.replace("\ufeff", "").replace("_", " ").split()).lower()


def _names(cells: Sequence[str]) -> list[str]:
    """The header's names, as _name gives them, less a word every column opens with when
    the names then tell more fields ("google_title", "google_abstract": a Google Scholar
    scrape's table)."""
    names = [_name(cell) for cell in cells]
    firsts = {name.split(" ", 1)[0] for name in names if name}
    if len(firsts) != 1 or not all(" " in name for name in names if name):
        return names
    word = firsts.pop()
    shorter = [name.removeprefix(word + " ") for name in names]
    shorter = [_SCRAPED_NAMES.get((word, name), name) for name in shorter]
    return shorter if _known(shorter) > _known(names) else names


# A scrape's own name for a field, where an export's differs: a Google Scholar result's
# "google_source" is its venue (as Publish or Perish's "Source" is); a table of "papers_*"
# columns names each paper's title "papers_name".
_SCRAPED_NAMES = {("google", "source"): "journal", ("papers", "name"): "title"}


def _known(names: Sequence[str]) -> int:
    return sum(name in _COLUMNS for name in names)


def _is_ovid_tags(names: Sequence[str]) -> bool:
    # Web of Science's export from all its databases has a VN column too, and its UT
    # (accession number), which Ovid's has not.
    return (
        {"ti", "ab"} <= set(names)
        and not _OVID_COLUMNS.isdisjoint(names)
        and "ut" not in names
        and all(_OVID_TAG.fullmatch(n) for n in names if n)
    )


# bibliometrix (R) keeps a collection as a data frame of Web of Science's tags, whatever
# database it came from, with columns of its own, among them always "SR" (its short
# reference); a script's write.csv() saves it with them (and R's row names, unnamed).
_BIBLIOMETRIX_COLUMNS = frozenset(
    {"sr", "sr full", "db", "au un", "au1 un", "au un nr", "au co", "au1 co", "so co",
     "py is", "grant id", "grant org", "mesh", "pmid", "cr so", "ab raw", "ti raw"}
)  # fmt: skip


def _is_wos_tags(names: Sequence[str]) -> bool:
    """Web of Science's header, "PT" first; bibliometrix's, with its "SR"; or a few of
    their columns a script chose, tags only, with the authors' among them."""
    tags = {n for n in names if n}
    if "sr" in tags and {"ti", "ab"} <= tags:
        return all(len(n) <= 2 or n in _BIBLIOMETRIX_COLUMNS for n in tags)
    return (
        {"ti", "ab"} <= tags
        and not tags.isdisjoint({"pt", "au", "af"})
        and all(len(n) <= 2 for n in tags)
    )


# Publish or Perish and the Cochrane Library name the venue "Source"; elsewhere "Source" is
# the database a record came from (Scopus) or a whole citation (Embase), so it is the venue
# only in their headers.
_PUBLISH_OR_PERISH = frozenset({"gsrank", "articleurl"})
_COCHRANE = "central id"
_SOURCE_IS_VENUE = _COLUMNS | {"source": ("venue", 0)}

# pybliometrics' ScopusSearch results as pandas saves them: the fields of its records, named
# as its namedtuple names them ("eid", "coverDate", "publicationName", "author_names"), the
# abstract in "description" (its COMPLETE view). Elsewhere "description" is no abstract (the
# old PubMed CSV's is its authors), so it is one only in this header.
_PYBLIOMETRICS = frozenset({"eid", "coverdate", "description"})
_DESCRIPTION_IS_ABSTRACT = _COLUMNS | {"description": ("abstract", 0), "coverdate": ("date", 0)}


# Exports a few cells of which are read their own way: Web of Science (by tags, or by full
# column names, which end with its "UT (Unique WOS ID)"), IEEE Xplore ("IEEE Terms", or
# before 2020 "Document Title" and "PDF Link") and Zotero (its "Author", whose names ";"
# always parts).
_WOS, _IEEE, _OVID, _PUBMED, _ZOTERO = "web of science", "ieee xplore", "ovid", "pubmed", "zotero"
# Zotero's CSV names its columns so ("Key","Item Type",…,"Author",…,"Abstract Note").
_ZOTERO_COLUMNS = frozenset({"item type", "abstract note"})
_WOS_COLUMN = "ut (unique wos id)"
_IEEE_COLUMNS = (frozenset({"ieee terms"}), frozenset({"document title", "pdf link"}))


def _exporter(table: dict[str, tuple[str, int]], names: Sequence[str]) -> str:
    if table is _OVID_TAGS:
        return _OVID
    if table is _WOS_TAGS or _WOS_COLUMN in names:
        return _WOS
    if set(names) >= _PUBMED_CSV:
        return _PUBMED
    if set(names) >= _ZOTERO_COLUMNS:
        return _ZOTERO
    return _IEEE if any(columns <= set(names) for columns in _IEEE_COLUMNS) else ""


def _table(names: Sequence[str]) -> dict[str, tuple[str, int]]:
    if _is_ovid_tags(names):  # before Web of Science's: Ovid's tags may be two letters too
        return _OVID_TAGS
    if _is_wos_tags(names):
        return _WOS_TAGS
    if set(names) >= _PUBLISH_OR_PERISH or _COCHRANE in names:
        return _SOURCE_IS_VENUE
    if set(names) >= _PYBLIOMETRICS:
        return _DESCRIPTION_IS_ABSTRACT
    return _COLUMNS


# Lines an export may write above its header (Dimensions: one "About the data: …" line;
# Embase's spreadsheet its query and a rule: "SEARCH QUERY;dinosaur:ti;;;", "-----;;;"),
# and rows of empty cells among them.
_PREAMBLE_LINES = 2
_BLANK_ROWS = 3


@dataclass(frozen=True)
class _Header:
    delimiter: str
    skip: int  # lines before the header: Excel's `sep=` line, an export's note
    # Web of Science's tab-delimited export never quotes a cell: a title that opens with a
    # quotation mark ('"Hot" papers ...') is text, not a quoted cell running on through the
    # rest of the file.
    unquoted: bool = False


def _header(text: str) -> _Header | None:
    """Where the header is and its separator. The header is the first line if it names an
    abstract column or at least two columns we know (among separators, the one naming the
    most); after Excel's `sep=` line; or, after a line or two of notes, a line that names
    an abstract column and two more we know."""
    # A line of separators alone (";;;;", a blank row a spreadsheet saved) is no line: the
    # reader passes over it as it passes over a blank line.
    found_lines = first_lines(text, _PREAMBLE_LINES + 1 + _BLANK_ROWS)
    lines = [line for line in found_lines if line.strip(",;\t ")][: _PREAMBLE_LINES + 1]
    sep = _SEP_LINE.match(lines[0]) if lines else None
    if sep:
        found = _header_line(lines[1]) if len(lines) > 1 and sep.group(1) in _DELIMITERS else None
        return _Header(found[1], 1) if found else None
    for skip, line in enumerate(lines):
        found = _header_line(line)
        if found and (skip == 0 or found[0] >= _ABSTRACT_SCORE + 2):
            names = _names(line.split("\t"))
            unquoted = found[1] == "\t" and _is_wos_tags(names)
            if unquoted and skip + 1 < len(lines):
                unquoted = not _authors_quoted(names, lines[skip + 1].split("\t"))
            return _Header(found[1], skip, unquoted)
    return None


def _authors_quoted(names: Sequence[str], row: Sequence[str]) -> bool:
    """Whether a Web of Science tab-delimited export was saved again by a spreadsheet
    (Excel's "Text (Tab delimited)"), which quotes each cell holding a comma or a quotation
    mark: its first record's authors ('"Xiu, Y; Moore, ME"'). Web of Science quotes no cell,
    and no name opens with a quotation mark."""
    for tag in ("au", "af"):
        at = names.index(tag) if tag in names else len(row)
        if at < len(row) and row[at]:
            return row[at].startswith('"')
    return False


_ABSTRACT_SCORE = 100


def _header_line(line: str) -> tuple[int, str] | None:
    """(score, separator) for a line that reads as a header, or None."""
    if len(line) > _MAX_HEADER_CHARS:
        return None  # a paragraph of text, not column names
    best: tuple[int, str] | None = None
    for delimiter in _DELIMITERS:
        if delimiter not in line:
            continue
        names = _names(next(csv.reader([line], delimiter=delimiter), []))
        table = _table(names)
        fields = {table[n][0] for n in names if n in table}
        if "abstract" in fields or len(fields) >= 2 or set(names) >= _PUBMED_CSV:
            score = len(fields) + (_ABSTRACT_SCORE if "abstract" in fields else 0)
            if best is None or score > best[0]:
                best = (score, delimiter)
    return best


def looks_like_csv(text: str) -> bool:
    return _header(text) is not None or _labelled_rows(text)


@dataclass(frozen=True)
class _Plan:
    """Where each Record field is read from, worked out once from the header."""

    fields: dict[str, tuple[int, ...]]  # field -> column indices, best rank first
    extra: tuple[tuple[int, str], ...]  # metadata columns: index, name as written
    arxiv_homes: tuple[int, ...]
    doi_homes: tuple[int, ...]
    pmid_homes: tuple[int, ...]
    citation_homes: tuple[int, ...]
    width: int  # columns the header names
    names: list[str]  # the header's names, as _name gives them
    exporter: str  # _WOS, _IEEE, _OVID, _PUBMED or _ZOTERO when the header tells, else ""


def _plan(header: Sequence[str]) -> _Plan:
    names = _names(header)
    table = _table(names)
    ranked: dict[str, list[tuple[int, int]]] = {}
    extra: list[tuple[int, str]] = []
    for index, name in enumerate(names):
        if name in table:
            field, rank = table[name]
            ranked.setdefault(field, []).append((rank, index))
        elif name and _NUMBERED.sub("", name) not in _NOT_KEPT:
            extra.append((index, header[index].replace("\ufeff", "").strip()))
    fields = {field: tuple(i for _, i in sorted(found)) for field, found in ranked.items()}
    homes = tuple(i for i, name in enumerate(names) if name in _ARXIV_HOMES)
    doi_homes = tuple(i for i, name in enumerate(names) if name in _DOI_HOMES)
    pmid_homes = tuple(i for i, name in enumerate(names) if name in _PMID_HOMES)
    citations = tuple(i for i, name in enumerate(names) if name in _CITATION_HOMES)
    exporter = _exporter(table, names)
    return _Plan(
        fields, tuple(extra), homes, doi_homes, pmid_homes, citations, len(header), names, exporter
    )


def parse_csv(text: str) -> Parsed:
    csv.field_size_limit(_MAX_FIELD_CHARS)  # the module's one setting, for every reader
    if _labelled_rows(text):
        return _parse_labelled_rows(text)
    found = _header(text)
    delimiter = found.delimiter if found else ","
    if found and found.unquoted:
        reader = csv.reader(io.StringIO(text), delimiter=delimiter, quoting=csv.QUOTE_NONE)
    else:
        reader = csv.reader(io.StringIO(text), delimiter=delimiter)
    for _ in range(found.skip if found else 0):
        next(_filled_rows(reader), None)
    records: list[Record] = []
    problems: list[Problem] = []
    plan: _Plan | None = None
    header_line = 0
    numbered = _numbered_rows(reader, problems)
    for start, row in numbered:
        if not any(cell.strip() for cell in row):
            continue
        if plan is None:
            plan = _plan(row)
            if "abstract" not in plan.fields:
                first = next(numbered, (0, []))[1]
                return Parsed((), (_no_abstract_column(start, row, delimiter, first),))
            header_line = start
            continue
        if _names(row) == plan.names:
            continue  # the header again: exports joined into one file, each with its header
        if len(row) == 1 and plan.width > 2:
            # a line without a separator between the rows: a note, no record (Abstrackr
            # heads the records nobody has screened "citations that are not yet labeled…")
            continue
        header_line = 0
        if plan.exporter == _OVID:
            read = _ovid_row(start, row, plan.names)
            if isinstance(read, Record):
                records.append(read)
            else:
                problems.append(read)
            continue
        record = _record(start, row, plan)
        if record is None:
            why = "the abstract column is empty"
            problems.append(missing_abstract(start, why, _shown(row, plan, delimiter)))
        elif isinstance(record, Problem):
            problems.append(record)
        else:
            records.append(record)
    if header_line:
        problems.append(Problem(header_line, _HEADER_ONLY))
    return Parsed(_slashed_dates_read(records), tuple(problems))


def _shown(row: list[str], plan: _Plan, delimiter: str) -> str:
    """What a skip shows of a row: its title where it has one (a Web of Science table's row
    opens with its type and authors, "C Sachdeva, A; Bala, H …"), else the row's start."""
    titles = (_cell(row[i]) for i in plan.fields.get("title", ()) if i < len(row))
    return excerpt(next((title for title in titles if title), "") or delimiter.join(row))


# A header and not one row under it: an export of an empty selection, or one cut short.
_HEADER_ONLY = "a header row and no records under it; export again with the records selected"


def _ovid_row(start: int, row: list[str], names: Sequence[str]) -> Record | Problem:
    """A row of Ovid's CSV export, read as a record of its tagged text: a column's tag,
    and its cell's lines (a row may be shorter or longer than the header)."""
    fields = [(name.upper(), cell.split("\n")) for name, cell in zip(names, row, strict=False)]
    return ovid_record(TaggedRecord(start, fields))


def _slashed_dates_read(records: list[Record]) -> tuple[Record, ...]:
    """Dates a spreadsheet rewrote in its locale's short form ("2/13/2023", "13/2/2023 9:41")
    as ISO dates, month or day first as the file's own dates tell (a first or second
    number above 12); when none tells, each keeps only its year."""
    found = [(r, _SLASHED.fullmatch(r.date or "")) for r in records]
    slashed = [m for _, m in found if m]
    if not slashed:
        return tuple(records)
    day_first = any(int(m.group(1)) > 12 for m in slashed)
    month_first = any(int(m.group(2)) > 12 for m in slashed)
    read: list[Record] = []
    for record, m in found:
        if m is None:
            read.append(record)
            continue
        first, second, year = int(m.group(1)), int(m.group(2)), m.group(3)
        if day_first == month_first:  # no date tells the order, or they disagree
            date = year
        else:
            month, day = (second, first) if day_first else (first, second)
            date = f"{year}-{month:02d}-{day:02d}" if month <= 12 and day <= 31 else year
        read.append(dataclasses.replace(record, date=date))
    return tuple(read)


_SLASHED = re.compile(r"(\d{1,2})/(\d{1,2})/((?:1[89]|20)\d\d)(?:\s+\d{1,2}:\d\d(?::\d\d)?)?")


# Embase's labelled lines: '"TITLE","…"' opens a record; a label is upper case.
_LABEL_LINE = re.compile(r'"([A-Z][A-Z0-9 ()/&.,-]*)",')
# Fields whose cells are a list (a cell a name, a cell a term), joined with '; ' as every
# label's cells kept as metadata; of another field's cells only the first is read.
_LISTS = frozenset({"authors", "keywords"})


def _labelled_rows(text: str) -> bool:
    """Embase's one-line-a-field layout: the first line labelled TITLE, the lines after it
    labelled too, and an ABSTRACT line among the first records."""
    lines = [line for line in text[:50_000].split("\n") if line.strip()][:60]
    if not lines or not lines[0].startswith('"TITLE",'):
        return False
    labelled = [found.group(1) for line in lines if (found := _LABEL_LINE.match(line))]
    return len(labelled) >= len(lines) * 0.8 and "ABSTRACT" in labelled


def _parse_labelled_rows(text: str) -> Parsed:
    """Each record's labelled lines made a row under a header of every label seen, then
    read as any CSV row is."""
    blocks: list[tuple[int, dict[str, list[str]]]] = []
    labels: dict[str, None] = {}
    problems: list[Problem] = []
    current: dict[str, list[str]] | None = None
    for start, row in _numbered_rows(csv.reader(io.StringIO(text)), problems):
        cells = [cell.strip() for cell in row]
        if not any(cells):
            current = None
            continue
        label, values = cells[0], [cell for cell in cells[1:] if cell]
        if current is None or label == "TITLE":
            current = {}
            blocks.append((start, current))
        labels.setdefault(label, None)
        current.setdefault(label, []).extend(values)
    header = list(labels)
    plan = _plan(header)
    single = {i for field, found in plan.fields.items() if field not in _LISTS for i in found}
    records: list[Record] = []
    for line, block in blocks:
        row = [
            _first(block.get(label, [])) if i in single else "; ".join(block.get(label, []))
            for i, label in enumerate(header)
        ]
        record = _record(line, row, plan)
        if record is None:
            why = "the record has no ABSTRACT line"
            problems.append(missing_abstract(line, why, _first(block.get("TITLE", []))))
        elif isinstance(record, Problem):
            problems.append(record)
        else:
            records.append(record)
    return Parsed(tuple(records), tuple(problems))


def _first(values: list[str]) -> str:
    """A field's first cell ('"MEDLINE PMID","36512345","http://…/36512345"': the id)."""
    return values[0] if values else ""


def _numbered_rows(reader: Any, problems: list[Problem]) -> Iterator[tuple[int, list[str]]]:
    """(line where the row starts, row) for each row `reader` (a csv.reader) reads; a row
    the csv module cannot read is a problem, and reading goes on after it."""
    while True:
        start = reader.line_num + 1
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as error:
            problems.append(Problem(start, f"unreadable CSV row ({error})"))
            continue
        yield start, row


def _filled_rows(reader: Iterator[list[str]]) -> Iterator[list[str]]:
    return (row for row in reader if any(cell.strip() for cell in row))


# Scopus leaves the abstract out unless it is ticked in the export dialog. Its header is
# told by its "EID" and "Source title", or, where those were unticked too, by "Cited by"
# and "Link" beside a column no other export names so ("Authors with affiliations",
# "Access Type": Scopus of 2019).
_SCOPUS_CSV = frozenset({"eid", "source title", "title"})
_SCOPUS_CORE = frozenset({"title", "cited by", "link"})
_SCOPUS_OWN = frozenset(
    {"eid", "source title", "author(s) id", "art. no.", "authors with affiliations",
     "correspondence address", "access type", "index keywords"}
)  # fmt: skip


def _is_scopus(names: Sequence[str]) -> bool:
    found = set(names)
    return found >= _SCOPUS_CSV or (found >= _SCOPUS_CORE and bool(found & _SCOPUS_OWN))


# The link each row of a Scopus export has to the record's page.
_SCOPUS_RECORD_LINK = "scopus.com/inward/record.uri"
_SCOPUS_CSV_HELP = (
    "Scopus exported this file without abstracts; in Scopus, choose Export > CSV, tick "
    "'Abstract' under 'Abstract & keywords', and export again"
)

# pybliometrics' ScopusSearch results saved as CSV: its default (STANDARD) view has none.
_SCOPUS_API_CSV = frozenset({"dc:identifier", "eid", "dc:title", "prism:publicationname"})
_SCOPUS_API_CSV_HELP = (
    "this table of Scopus Search API results (pybliometrics' ScopusSearch) has no abstracts; "
    "export the search as CSV from scopus.com with 'Abstract' ticked"
)

# SpringerLink's search results download ("Download search results (CSV)") never has them.
_SPRINGER_CSV = frozenset({"item title", "item doi", "content type"})
_SPRINGER_CSV_HELP = (
    "SpringerLink's CSV export has no abstracts; save the articles with the Zotero "
    "connector (it keeps each abstract) and export them from Zotero, or run the search in "
    "Scopus or Web of Science and export from there"
)


# Elicit's CSV export of a search: Title,Authors,DOI,DOI link,Venue,Citation count,Year and
# its own one-sentence "Abstract summary" of each paper, unless the table showed abstracts.
_ELICIT_CSV = frozenset({"title", "doi link", "venue", "citation count", "abstract summary"})
_ELICIT_CSV_HELP = (
    "this Elicit export holds Elicit's one-sentence 'Abstract summary' of each paper, not "
    "its abstract; in Elicit, add the 'Abstract' column to the table and export again"
)

# Google Scholar's "My library" export (Export > CSV): Authors,Title,Publication,Volume,…
_SCHOLAR_CSV = frozenset({"authors", "title", "publication", "volume", "number", "pages", "year"})
_SCHOLAR_CSV_HELP = (
    "Google Scholar's CSV export has no abstracts; run the search in Publish or Perish and "
    "save its CSV (it keeps the snippets Google Scholar shows), or export the papers from "
    "Scopus, Web of Science or OpenAlex"
)


# Europe PMC's "Export" of search results as CSV: SOURCE,EXTERNAL_ID,PMCID,DOI,AUTHORS,…,
# IN_EPMC,EPMC_AUTH_MAN; citations only.
_EUROPE_PMC_CSV = frozenset({"source", "external id", "in epmc", "epmc auth man"})
_EUROPE_PMC_CSV_HELP = (
    "Europe PMC's CSV export has no abstracts; run the search through its REST API "
    "(https://www.ebi.ac.uk/europepmc/webservices/rest/search?query=…&resultType=core"
    "&format=json) and save the answer, which digest reads with the abstracts"
)

# Lens.org's CSV export writes the fields chosen in its export dialog; without "Abstract"
# among them (mtbrazilll/easy_esg lens-export.csv: Lens ID,Title,Publication Year,…,DOI,
# Citing Works Count) it holds citations only.
_LENS_CSV = frozenset({"lens id"})
_LENS_CSV_HELP = (
    "this Lens.org CSV export was made without its Abstract field; in Lens.org, export the "
    "results again with Abstract among the fields (or as RIS, which keeps the abstracts)"
)

# The ACM Digital Library's CSV export ("type","id","author","editor","advisor","note",
# "title","pages","article_no","num_pages","keywords","doi",…,"acronym",…,"conf_loc"):
# citations only; its BibTeX export has each abstract.
_ACM_CSV = frozenset({"advisor", "article no", "num pages", "conf loc"})
_ACM_CSV_HELP = (
    "the ACM Digital Library's CSV export has no abstracts; export the same papers from "
    "the ACM Digital Library as BibTeX (it keeps each abstract) and load that"
)

# Web of Science's citation report, exported (as savedrecs.txt, comma-separated, quoted):
# "Title","Authors",…,"Total Citations","Average per Year","1900",…: a paper's citations
# each year, no abstracts (ggloor/cv data/savedrecs.txt).
_WOS_CITATION_REPORT = frozenset({"title", "authors", "total citations", "average per year"})
_WOS_CITATION_REPORT_HELP = (
    "this is Web of Science's citation report, which counts citations and has no abstracts; "
    "export the records themselves (Export > Plain text file or Tab delimited file, with "
    "'Full Record') and load that"
)

# SciELO search's "Export > CSV": ID,Title,Author(s),Source,Journal,Language(s),Publication year.
_SCIELO_CSV = frozenset({"id", "title", "author(s)", "source", "journal", "language(s)"})
_SCIELO_CSV_HELP = (
    "SciELO's CSV export has no abstracts; export the same results from SciELO's search as "
    "RIS (it keeps each abstract) and load that"
)

# Exports known by their columns, and what to do about their missing abstracts (Scopus's
# own CSV is known by _is_scopus, after PubMed's and before these).
_EXPORTS_WITHOUT_ABSTRACTS = (
    (_SCOPUS_API_CSV, _SCOPUS_API_CSV_HELP),
    (_SPRINGER_CSV, _SPRINGER_CSV_HELP),
    (_ELICIT_CSV, _ELICIT_CSV_HELP),
    (_SCHOLAR_CSV, _SCHOLAR_CSV_HELP),
    (_EUROPE_PMC_CSV, _EUROPE_PMC_CSV_HELP),
    (_LENS_CSV, _LENS_CSV_HELP),
    (_ACM_CSV, _ACM_CSV_HELP),
    (_WOS_CITATION_REPORT, _WOS_CITATION_REPORT_HELP),
    (_SCIELO_CSV, _SCIELO_CSV_HELP),
)


def _no_abstract_column(line: int, header: list[str], delimiter: str, first: list[str]) -> Problem:
    """Why a table has no abstracts: the export that leaves them out, told by its header or
    (Scopus with a few columns ticked: "Authors,Title,Year,DOI,Link") by the link to
    Scopus's record in the first row under it, and how to export them."""
    names = _names(header)
    named = set(names)
    shown = excerpt(delimiter.join(header))
    if named >= _PUBMED_CSV or named >= _OLD_PUBMED_CSV:
        return Problem(line, _PUBMED_CSV_HELP, shown)
    if _is_scopus(names):
        return Problem(line, _SCOPUS_CSV_HELP, shown)
    for export, help_text in _EXPORTS_WITHOUT_ABSTRACTS:
        if named >= export:
            return Problem(line, help_text, shown)
    if any(_SCOPUS_RECORD_LINK in cell for cell in first):
        return Problem(line, _SCOPUS_CSV_HELP, shown)
    columns = [name for cell in header if (name := cell.replace("\ufeff", "").strip())]
    # A header saved again from a spreadsheet can lose its names past the first few.
    unnamed = len(header) - len(columns)
    found = ", ".join(columns) + (f" and {unnamed} without a name" if unnamed else "")
    reason = f"CSV header has no 'abstract' column (found: {found}); add one"
    return Problem(line, reason, shown)


def _record(line: int, row: list[str], plan: _Plan) -> Record | Problem | None:
    row = [_cell(cell) for cell in row]
    values: dict[str, str] = {}
    for field, indices in plan.fields.items():
        for index in indices:
            if index < len(row) and row[index].strip():
                values[field] = row[index].strip()
                break
    abstract = values.get("abstract")
    if abstract is None:
        return None
    if abstract.startswith(OPENING_TEXT):  # CNKI's: the article's opening lines
        return missing_abstract(line, OPENING_TEXT_ONLY, values.get("title", ""))
    if plan.exporter == _WOS:
        abstract = web_of_science_text(abstract)
    if _PREPRINT_DOI in values.get("doi", ""):  # a table of bioRxiv's or medRxiv's records
        abstract = highwire_free(abstract)
    abstract = unglued_sections(without_abstract_heading(_text(abstract).lstrip(" ;,")))
    if not abstract:
        return None
    title = values.get("title")
    original = ""
    if title and plan.exporter == _WOS:
        cells = [_column(row, plan, tag.lower()) for tag in TITLE_TAGS[1:]]
        titles = [web_of_science_title(web_of_science_text(cell)) for cell in (title, *cells)]
        title, original = english_title(titles)
    keywords = values.get("keywords")
    if keywords and plan.exporter == _IEEE:
        keywords = _IEEE_KEYWORDS_LABEL.sub("", keywords)
    metadata = [(name, row[i].strip()) for i, name in plan.extra if i < len(row) and row[i].strip()]
    if len(row) > plan.width:  # cells past the header's last column
        metadata += [(f"column {i + 1}", c) for i, c in enumerate(row) if i >= plan.width and c]
    if original:
        metadata.append(("original title", original))
    doi = _first_doi(values.get("doi")) or _found_in(row, plan.doi_homes, _DOI_IN_LINK)
    arxiv = values.get("arxiv") or _arxiv_elsewhere(row, plan.arxiv_homes) or _arxiv_doi(doi)
    pmid = values.get("pmid") or _found_in(row, plan.pmid_homes, _PMID_IN_TEXT)
    url = _IEEE_STAMP.sub(
        r"https://ieeexplore.ieee.org/document/\1", _first_link(values.get("url") or "")
    )
    return Record(
        line=line,
        abstract=abstract,
        id=values.get("id"),
        arxiv=arxiv,
        title=_text(title) if title else None,
        authors=_authors(
            _author_list(row, values, plan),
            _initials_only(row, plan, values),
            semicolons=plan.exporter in (_WOS, _ZOTERO),
        ),
        url=url or None,
        doi=doi,
        date=_finer_date(row, plan)
        or _date(row, plan.fields.get("date", ()), plan.exporter == _WOS)
        or _cited(row, plan, "year"),
        metadata=tuple(metadata),
        pmid=pmid,
        venue=_text(values["venue"]) if values.get("venue") else _cited(row, plan, "venue"),
        keywords=tuple(k.lstrip("*").strip() for k in _keywords(keywords)),
    )


def _cell(cell: str) -> str:
    """A cell's value without what the program that wrote it wrapped it in or left on it:
    R's "NA" (Elicit's "-") for an empty cell, Excel's text formula ('="08912963"',
    EBSCOhost's way of keeping an ISSN's or a date's own form), RIS fields glued after it."""
    value = cell.strip()
    if value in _MISSING:
        return ""
    if value.startswith('="') and value.endswith('"') and len(value) > 2:
        value = value[2:-1].replace('""', '"').strip()
    if "  - " in value:
        value = _GLUED_RIS_FIELDS.sub("", value)
    return repaired_encoding(value)


# bioRxiv's and medRxiv's DOIs: their abstracts keep HighWire's marks ("O_LI…C_LI",
# "{beta}") in any table of their records (R's medrxivr, a script's API dump).
_PREPRINT_DOI = "10.1101/"

# R's write.csv() writes "NA" in every empty cell: a table an R script saved (ASReview or
# Scopus records filtered in R) would have "NA" for a venue, a keyword, a url. Elicit
# writes "-" for a venue it does not know.
_MISSING = frozenset({"NA", "-"})

# RIS fields a table kept glued to the end of the cell they followed: "… prevention
# efforts. NR  - 55 PU  - ROUTLEDGE JOURNALS … PA  - 2-4 PARK SQUARE …" (Web of Science RIS
# read into ASReview and exported as CSV), "10.1038/s41467-024-48400-3     LK  - https://…"
# (Rayyan's DOI and url of an Embase record). RIS's "XY  - " (two spaces, a hyphen, a
# space) is never prose; the value ends before the first of them.
_GLUED_RIS_FIELDS = re.compile(r"(?<=\S)\s++[A-Z][A-Z0-9]  - \S.*$", re.S)


# A string as Python prints it (an item of a list, a value of a dict): quoted with ' or,
# holding an apostrophe, with ".
_PYTHON_STRING = r"'([^'\\]*)'|\"([^\"\\]*)\""
_QUOTED_ITEM = re.compile(_PYTHON_STRING)


def _python_list(value: str) -> list[str] | None:
    """The strings of a list as Python prints it, which pandas writes for a column of lists
    ("['AI application', "Parkinson's"]", "[]" for none); None for any other cell."""
    if not (value.startswith("[") and value.endswith("]")):
        return None
    inner = value[1:-1]
    if _QUOTED_ITEM.sub("", inner).replace(",", "").strip():
        return None
    return [a or b for a, b in _QUOTED_ITEM.findall(inner)]


def _keywords(value: str | None) -> tuple[str, ...]:
    """split_keywords, and OpenAlex's "|"-joined lists ("Paleontology|Cretaceous"), and a
    list as Python prints it (pymed's records: "['AI application', "Parkinson's"]")."""
    listed = _python_list(value) if value else None
    if listed is not None:
        return split_keywords(listed)
    if value and "|" in value and ";" not in value:
        return split_keywords(value.split("|"))
    return split_keywords(value)


# What parts the links a cell lists: spaces, after Zotero's ";" too (a link may hold a ";"
# of its own, JSTOR's old "…CO;2-Y", but never a space).
_LINKS_APART = re.compile(r";?\s+")


def _first_link(value: str) -> str:
    """The first of the links a cell lists apart with spaces (Citavi's "URL": "https://…
    https://lens.org/…") or with "; " (Zotero's "Link Attachments"); any other cell as it
    is."""
    links = _LINKS_APART.split(value.strip())
    return links[0] if len(links) > 1 and all("://" in link for link in links) else value


# A DOI as a cell lists it, bare or after "doi:".
_DOI_START = re.compile(r"(?:doi:)?10\.\d{4,9}/", re.I)


def _first_doi(value: str | None) -> str | None:
    """The first of the DOIs a cell lists one a line (pymed's records written out by pandas
    hold the paper's DOI, then its references'); any other cell as it is, a DOI wrapped over
    two lines too."""
    dois = value.split() if value else []
    return dois[0] if len(dois) > 1 and all(_DOI_START.match(doi) for doi in dois) else value


def _text(cell: str) -> str:
    """A cell's text without markup, and with the character entities an exporter wrote for
    '&', '<' or a dash decoded: Scopus CSV of the 2010s wrote "Memory &amp; Cognition". Only
    whole entities ending in ';' are read, so "R&D" and "&notes" stay as written."""
    return decode_entities(markup_to_text(cell))


def _date(row: list[str], columns: tuple[int, ...], wos: bool = False) -> str | None:
    """The best-ranked date column's cell; Web of Science's "Publication Date" (PD) has no
    year ("SEP", "DEC 10") and is dated with the "Publication Year" column beside it, or
    opens with it ("2025 MAR 17")."""
    cells = [row[i].strip() for i in columns if i < len(row) and row[i].strip()]
    glued = _GLUED_MONTH_YEAR.fullmatch(cells[0]) if cells else None
    if glued:
        month = month_number(glued.group(1)[:3])
        return iso_date(glued.group(2), month) if month else glued.group(2)
    compact = _COMPACT_DATE.fullmatch(cells[0]) if cells else None
    if compact:
        return iso_date(compact.group(1), int(compact.group(2)), int(compact.group(3)))
    if wos and cells and _WOS_YEAR_MONTH.match(cells[0]):
        return publication_date(cells[0])
    if not cells or YEAR.search(cells[0]):
        return cells[0] if cells else None
    year = next((cell for cell in cells[1:] if YEAR.fullmatch(cell)), "")
    return publication_date(cells[0], year) or next((c for c in cells if YEAR.search(c)), None)


# EBSCOhost (CINAHL, Academic Search) glues a season or month to the year: "Jun2023",
# "Nov2022", "Jan/Feb2023", "Spring2024"; a season gives the year alone.
_GLUED_MONTH_YEAR = re.compile(r"([A-Za-z]{3,9})(?:/[A-Za-z]{3,9})?((?:1[89]|20)\d\d)")
_WOS_YEAR_MONTH = re.compile(r"(?:1[89]|20)\d\d [A-Za-z]{3}")
# A date written as one number, as R's medrxivr keeps a preprint's: "20190715".
_COMPACT_DATE = re.compile(r"((?:1[89]|20)\d\d)(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])")

# Columns that date a paper closer than its year column does: Embase's "Date of Publication"
# ("1 Jan 2023", "Jan 2023"), Covidence's "Published Month" ("Sep") beside "Published Year",
# and IEEE Xplore's "Issue Date" ("Jan. 2020", a conference's "13-16 Sept. 2015") beside
# "Publication Year" ("Publication_Year" until about 2019, "Year" in 2025), the month its RIS
# dates it by.
_EMBASE_DATE, _COVIDENCE_MONTH, _COVIDENCE_YEAR, _IEEE_ISSUE = (
    "date of publication",
    "published month",
    "published year",
    "issue date",
)
_IEEE_YEARS = ("publication year", "year")
_FINER = frozenset({_EMBASE_DATE, _COVIDENCE_MONTH, _COVIDENCE_YEAR, _IEEE_ISSUE, *_IEEE_YEARS})
_DAY_MONTH_YEAR = re.compile(r"(?:(\d{1,2})\s+)?([A-Za-z]+)\.?,?\s+((?:1[89]|20)\d\d)")
_ISO_DATE = re.compile(r"(?:1[89]|20)\d\d-[01]\d(?:-[0-3]\d)?")


def _finer_date(row: list[str], plan: _Plan) -> str | None:
    """The date those columns give ("2023-01-01", "2020-09") when it is more than the year;
    else None, and the year is read as any table's."""
    cells = {n: row[i].strip() for i, n in enumerate(plan.names[: len(row)]) if n in _FINER}
    published = cells.get(_EMBASE_DATE, "")
    if _ISO_DATE.fullmatch(published):
        return published
    found = _DAY_MONTH_YEAR.fullmatch(published)
    month = month_number(found.group(2)) if found else None
    if found and month:
        return iso_date(found.group(3), month, int(found.group(1) or 0))
    if plan.exporter == _IEEE and (issue := cells.get(_IEEE_ISSUE)):
        year = next((cells[name] for name in _IEEE_YEARS if cells.get(name)), "")
        dated = date_or_year(issue, year)
        return dated if dated and dated != year else None
    month_cell, year = cells.get(_COVIDENCE_MONTH, ""), cells.get(_COVIDENCE_YEAR, "")
    if not month_cell or not YEAR.fullmatch(year):
        return None
    if month_cell.isdigit():
        return iso_date(year, int(month_cell)) if 1 <= int(month_cell) <= 12 else None
    dated = publication_date(month_cell, year)  # "Sep" or "Sep 15", as Web of Science's
    return dated if dated != year else None


def _author_list(row: list[str], values: dict[str, str], plan: _Plan) -> str:
    """The authors cell; PubMed's closes its list with a full stop ("Vakkila E, Jehkonen
    M."), which is no initial's: its initials have none. (A table of medRxiv's records
    under PubMed's column names has "Durant, T. J.; Olson, E.": the stop is an initial's.)
    Web of Science's AF takes the accents of AU's surnames (accented_full_names)."""
    names = values.get("authors", "")
    if plan.exporter == _PUBMED and "." not in names[:-1]:
        return names.removesuffix(".")
    if plan.exporter == _WOS and "au" in plan.names and names.isascii():
        short = [name.strip() for name in _column(row, plan, "au").split(";")]
        return "; ".join(accented_full_names([n.strip() for n in names.split(";")], short))
    return names


def _column(row: list[str], plan: _Plan, name: str) -> str:
    """The cell of the column the header names so, "" where there is none."""
    index = plan.names.index(name) if name in plan.names else len(row)
    return row[index].strip() if index < len(row) else ""


def _initials_only(row: list[str], plan: _Plan, values: dict[str, str]) -> bool:
    """Whether the names are Web of Science's AU ("SMITH, JA": initials only), or its AF
    that repeats AU, as it does for records before 2006."""
    if plan.exporter != _WOS or "au" not in plan.names:
        return False
    return _column(row, plan, "au") == values.get("authors")


def _authors(value: str, initials: bool = False, semicolons: bool = False) -> tuple[str, ...]:
    """Names as one cell gives them: 'Brown, Catana;Rempfer, Melisa' (PsycNET, WoS,
    Zotero: surname first, turned round), 'P. Kogge; J. Shalf' (IEEE), 'Liu R., Adler D.G.'
    (Scopus, Embase), 'Vikram S Chundawat, A. Tarun' (Consensus), 'Hao, Jie (57221302630)'
    (Scopus full names: the author id dropped), 'C Kun-Rodrigues, J Salmona, ...' (Google
    Scholar through Publish or Perish: the '...' of a cut list is no name).

    A single author written surname first has no ';' to tell it from a list: 'Franklin,
    Martin E.' (PsycNET, Zotero, Web of Science) is one name, and so is each of Rayyan's
    'Smith, John and Lee, Min'. It is one when the part before the comma is a surname alone
    (one word, with its particles: 'van der Berg') and the part after it given names; 'Liu
    R., Adler D.G.' or 'Murari Mandal, Mohan Kankanhalli' stay two. A Scopus full name is
    one whatever its surname, as its id ends it: 'Le Roy, Barbara (58083366200)'; so is
    the name of a cell `semicolons` says parts its names with ';' always (Web of Science's AU
    and AF, Zotero's Author), whatever its surname: 'Santos Dominguez, Adela Beatriz',
    'Boekhout Van Solinge, Tim'."""
    if value.startswith("[{"):  # pymed's authors, as Python prints a list of dicts
        return tuple(
            f"{first or first_quoted} {last or last_quoted}".strip()
            for last, last_quoted, first, first_quoted in _PYMED_AUTHOR.findall(value)
            if last or last_quoted
        )
    listed = _python_list(value)
    if listed is not None:  # a scraper's names as Python prints a list: "['Ana Lima', …]"
        value = "; ".join(listed)
    if not value or _NO_AUTHOR.fullmatch(value):
        return ()
    separator = ";" if ";" in value else "|" if "|" in value else ""
    if separator or semicolons:  # OpenAlex's CSV joins names with "|"
        names = tuple(
            first_name_first(_AUTHOR_ID.sub("", name))
            for name in cased_in_list(value.split(separator) if separator else [value], initials)
        )
    elif _AUTHOR_ID.search(value):  # Scopus's id ends each of its full names: one name
        names = (first_name_first(_unnumbered(value)),)
    elif _surname_first_names(parts := AND_SEPARATOR.split(_unnumbered(value))):
        names = tuple(first_name_first(name) for name in parts)
    elif pairs := _surname_first_pairs(value):
        names = tuple(first_name_first(name) for name in pairs)
    else:
        names = split_authors(value)
    names = initials_turned_round(tuple(joined_initials(name) for name in names))
    return tuple(name for name in names if name and not _CUT_LIST.fullmatch(name))


# An author of pymed's records written out by pandas: "{'lastname': 'Lam', 'firstname':
# 'Kam-Yiu', 'initials': 'KY', 'affiliation': …}", a name holding an apostrophe in "…".
_PYMED_AUTHOR = re.compile(
    rf"'lastname': (?:{_PYTHON_STRING}|None), 'firstname': (?:{_PYTHON_STRING}|None)"
)
# Scopus: "[No author name available]" (a proceedings volume, an editorial).
_NO_AUTHOR = re.compile(r"\s*\[[^\]]*\]\s*")
_AUTHOR_ID = re.compile(r"(?<!\s)\s*\(\d+\)\s*$")  # from a run's start: never rescanned
_CUT_LIST = re.compile(r"\.\.\.|…|et al\.?", re.I)


def _surname_first_names(parts: list[str]) -> bool:
    """Whether the parts of a cell split at ' and ' are names written surname first: each
    'Surname, Given' with one comma ('Di Benedetto, Mirella and Gomez Isaza, Daniel F', as
    Rayyan and CiteSource join them), or one such name alone whose surname is one word (so
    that 'Liu R., Adler D.G.' stays two names)."""
    if len(parts) > 1:
        return all(part.count(",") == 1 and part.split(",")[1].strip() for part in parts)
    return bool(SURNAME_FIRST.fullmatch(parts[0]))


def _surname_first_pairs(value: str) -> list[str]:
    """'Vaughan, Adam D, Hewitt, A N' (a list of surname-first names joined with ', ', as R's
    paste() and ASReview's export leave RIS authors) -> ['Vaughan, Adam D', 'Hewitt, A N'];
    [] when any pair is not a surname alone and its given names ('Liu R., Adler D.G.' and
    'Murari Mandal, Mohan Kankanhalli' are lists of whole names)."""
    parts = value.split(",")
    if len(parts) < 4 or len(parts) % 2:
        return []
    pairs = [f"{parts[i].strip()}, {parts[i + 1].strip()}" for i in range(0, len(parts), 2)]
    return pairs if all(map(SURNAME_FIRST.fullmatch, pairs)) else []


def _unnumbered(name: str) -> str:
    return _AUTHOR_ID.sub("", name.strip())


def _arxiv_elsewhere(row: list[str], homes: tuple[int, ...]) -> str | None:
    """An arXiv id Zotero keeps in another column ("Pages: arXiv:1708.02025", "Extra")."""
    for index in homes:
        found = labelled_arxiv_id(row[index]) if index < len(row) else None
        if found:
            return found
    return None


def _cited(row: list[str], plan: _Plan, part: str) -> str | None:
    """The journal or year of a citation column (Embase's "Source"), when it is one."""
    for index in plan.citation_homes:
        found = _CITATION.match(row[index].strip()) if index < len(row) else None
        if found:
            return found.group(part)
    return None


def _arxiv_doi(doi: str | None) -> str | None:
    """The DOI arXiv gives a preprint, "10.48550/arXiv.2409.02977" (Consensus, Zotero, Lens
    give no other id of it): the paper's arXiv id too, so that it is linked to arXiv and is
    one paper with the same preprint from an arXiv listing."""
    return doi if doi and doi.lower().startswith("10.48550/arxiv.") else None


def _found_in(row: list[str], homes: tuple[int, ...], pattern: re.Pattern[str]) -> str | None:
    """An id another column holds (Embase's DOI in its library link, Zotero's PMID in Extra)."""
    for index in homes:
        found = pattern.search(row[index]) if index < len(row) else None
        if found:
            return urllib.parse.unquote(found.group(1))
    return None
