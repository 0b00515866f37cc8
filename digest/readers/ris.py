"""RIS files, from every source (Zotero, Mendeley, EndNote, PubMed through Zotero, Scopus,
IEEE Xplore, Lens, ProQuest, EBSCO, Ovid), read with rispy.

    TY  - JOUR
    TI  - Retrieval-Augmented Generation …
    AU  - Lewis, Patrick
    AB  - Large pre-trained language models …
    DO  - 10.5555/…
    ER  -

rispy reads a record's tags well (an untagged line continues the field before it, N2 is
the abstract where AB is missing), but silently drops a record that lacks its closing `ER`
line and any text between records. So this module splits the file into records itself
(which also gives each its line) and hands rispy one record at a time: nothing is lost
without a Problem saying so. What the split takes care of:

- Ovid numbers its records ("1.", "<2>") on lines of their own, and puts a "Link to the
  Ovid Full Text or citation:" line, its URL on the same line or the next, inside or after
  records: neither is a field nor a problem;
- the Cochrane Library heads each record with "Record #3 of 18", "Provider: John Wiley &
  Sons, Ltd." and "Content: text/plain; …" lines, and writes two spaces after the dash
  ("TY  -  JOUR"); JSTOR heads its file with "Provider: JSTOR …", "Database: JSTOR" and
  "Content: …" (Wiley, dblp and J-STAGE with "Content:text/plain"): neither a field nor a
  problem either;
- RIS copied from a web page has one space between a tag and its dash ("TY - JOUR"), the
  browser having collapsed the two: where the first TY line has one, every tag is read so;
- Scopus's RIS of 2016 gives the document's type in words on a second TY line inside the
  record ("TY  - Review", where it now writes M3): it is the record's M3, not the next
  record;
- Rayyan glues a field onto the line before it after a run of spaces ("DO  - 10.1038/x
  LK  - https://…"): it is split off as the field it is;
- other lines between records are counted in one Problem for the file;
- abstracts copied from Crossref hold JATS markup (`<jats:p>`), titles HTML (`<i>`): the
  text is kept, the markup dropped, and so is a heading before the abstract (SciELO's
  "ABSTRACT The Atlantic Forest…"); Scopus's entities without markup ("1&lt;p≤2") are
  the characters they stand for;
- one UR line may hold several links (ProQuest's page and a link resolver separated by a
  space, Publish or Perish's joined by " and "): each is a link of its own;
- dates are "YYYY/MM/DD/other info": the other info (ProQuest's "2018- -21", Zotero's
  "undefined") is dropped, and a DA without a year ("Oct 7") takes PY's;
- the PMID is the accession number when the database is MEDLINE/PubMed (Ovid, EBSCO,
  Inciteful's "DP - Nlm"), Embase's C5, Cochrane's "C3  - PUBMED 21314913", else the
  number in a PubMed link or Ovid MEDLINE's own link;
- the DOI is DO's, else EBSCOhost's L3 (where it puts the DOI), else a doi.org link among
  the record's links (ERIC through Ovid writes "L1  - https://dx.doi.org/10.…");
- the arXiv id is that of an arxiv.org page among the record's links (Lens's, through
  Citavi, only in L2);
- Ovid marks a major subject heading with a star ("KW  - *Paleontology"): dropped; so is
  the footnote marker Web of Science keeps apart at a title's end ("…contracts *").

Line ends, mixed `\\r\\n` and `\\n\\r` included, were made `\\n` when the file was decoded.
"""

from __future__ import annotations

import re

import rispy  # type: ignore[import-untyped]

from digest.readers.identifiers import arxiv_id_at_start, parse_doi, pubmed_page_pmid
from digest.readers.markup import (
    decode_entities,
    markup_to_text,
    structured_abstract,
    without_abstract_heading,
)
from digest.readers.records import (
    AND_SEPARATOR,
    NAME_SEPARATOR,
    Parsed,
    Problem,
    Record,
    cased_in_list,
    date_or_year,
    excerpt,
    first_in_english,
    first_name_first,
    initials_turned_round,
    missing_abstract,
    mostly_cjk,
    split_keywords,
)
from digest.readers.web_of_science import web_of_science_title

_TY = re.compile(r"\s*TY  -")
_TAG_LINE = re.compile(r"([A-Z][A-Z0-9])  -(?: |$)")
# Web of Science's BibTeX protects punctuation with braces ("``Kopaonik{''}", "{[}Ca]"); a
# tool that imported it and writes RIS (Covidence) keeps them.
_BRACED_PUNCTUATION = re.compile(r"\{(''|\[|\])\}")
# A field glued onto the end of the line before it, after a run of spaces (Rayyan).
# Tried from a run's first space only, and whole: a line of 100,000 spaces must not cost a scan
# to the run's end from each of them.
_GLUED_TAG = re.compile(r"(?<!\s)\s{3,}+(?=[A-Z][A-Z0-9]  - \S)")
# Web of Science's RIS (since 2023) writes a field that repeats without a line break before
# its next value, nor before the field after it: "AD  - …, CA 94720 USAC3  - University of
# California SystemPU  - AMER ASSOC…", "WE  - Science Citation Index Expanded
# (SCI-EXPANDED)AN  - WOS:001046573800010". Parted only at a tag RIS or Web of Science has.
_RIS_TAGS = sorted(
    {*rispy.TAG_KEY_MAPPING, "BT", "L3", "LK", "U2", "WE", "PU", "PI", "PA", "FU", "FX", "J9",
     "JI", "U1"}
)  # fmt: skip
_GLUED_TO_VALUE = re.compile(rf"(?<=\S)(?=(?:{'|'.join(_RIS_TAGS)})  - \S)")
# A record's type alone, "TY  - JOUR", or none: a script's RIS may leave it empty ("TY  - ").
_TY_TYPE = re.compile(r"\s*TY  -(?: +[A-Z]{2,6})?\s*")
# Scopus (in 2016) wrote the document's type in words on a second TY line inside the record,
# where it now writes M3: "TY  - JOUR" … "TY  - Review" … "ER  - ".
_DOCUMENT_TYPE = re.compile(r"\s*TY  - +[A-Z][a-z]+(?: [A-Za-z]+)*\s*")
# The first TY line, and how many spaces stand before its dash; where there is one ("TY -
# JOUR"), every tag has one: RIS copied from a web page, where runs of spaces collapse.
_FIRST_TY = re.compile(r"^[ \t]*TY( {1,2})-", re.M)
_ONE_SPACE_TAG = re.compile(r"^([A-Z][A-Z0-9]) -(?= |$)", re.M)
_HEAD = 4096
# Ovid's record numbers, alone on their line.
_RECORD_NUMBER = re.compile(r"\s*(?:<\d+>|\d+\.)\s*")
# The lines a download puts before its records: the Cochrane Library's before each record,
# JSTOR's (its "Provider: JSTOR", "Database: JSTOR", "Content: …") before the first; Wiley,
# dblp and J-STAGE write no space after "Content:" ("Content:text/plain; charset=…").
_EXPORT_HEADER = re.compile(
    r"\s*(?:Record #\d+ of \d+|Provider: .*|Database: .*|Content: ?text/plain.*)\s*"
)
_OVID_LINK = "Link to the Ovid Full Text or citation:"
_URL_LINE = re.compile(r"\s*https?://\S+\s*")
_WEB_LINK = re.compile(r"https?://[^\s;]+")
_DOI_RESOLVER = re.compile(r"https?://(?:dx\.)?doi\.org/", re.I)
# A date as RIS writes it, "YYYY/MM/DD/other info", any part but the year may be empty.
_RIS_DATE = re.compile(r"(\d{4})/([^/]*)(?:/([^/]*))?(?:/.*)?", re.S)
_YEAR = re.compile(r"\b\d{4}\b")
_CROSS_REFERENCE = re.compile(r"\bPUBMED (\d+)\b")
_PUBMED_DATABASE = re.compile(r"pubmed|medline|\bnlm\b", re.I)
_EMBASE = re.compile(r"embase|medline", re.I)
_SCOPUS = re.compile(r"\bscopus\b", re.I)
# Ovid's link to a record of one of its MEDLINE databases (medl, medp, prem, …).
_OVID_MEDLINE_LINK = re.compile(r"ovid\.com/.*[?&]D=(?:me[a-z0-9]*|prem)&.*[?&]AN=(\d+)", re.I)
# At most this many short lines may come before the first record (Ovid's numbers, a
# database's header line); more, and the file is something else quoting RIS.
_LINES_BEFORE = 3
# rispy's names for what has a Record field of its own, or is bookkeeping.
_OWN_FIELDS = frozenset(
    {"abstract", "notes_abstract", "title", "primary_title", "authors", "first_authors",
     "doi", "urls", "year", "publication_year", "date", "id", "end_of_reference",
     "unknown_tag", "file_attachments1", "file_attachments2", "access_date", "keywords",
     "secondary_title", "journal_name", "alternate_title1", "alternate_title2",
     "alternate_title3", "type_of_reference"}
)  # fmt: skip
# rispy's names for the links kept apart from the other links (UR): L1 and L2.
_LINK_FIELDS = frozenset({"file_attachments1", "file_attachments2"})
# The venue, by rispy's names: JF (full journal name), T2, JO, then the abbreviations.
_VENUES = ("alternate_title3", "secondary_title", "journal_name", "alternate_title2",
           "alternate_title1")  # fmt: skip


def looks_like_ris(text: str) -> bool:
    """A `TY  - ` line opens the file, after blank lines and at most a few short ones
    (Ovid's "1." record numbers)."""
    before: list[str] = []
    for line in _two_spaces(text[:_HEAD]).split("\n"):
        if _TY.match(line):
            numbers = all(
                _RECORD_NUMBER.fullmatch(b) or _EXPORT_HEADER.fullmatch(b) for b in before
            )
            short = len(before) <= _LINES_BEFORE and all(len(b) < 80 for b in before)
            return numbers or (short and _TY_TYPE.fullmatch(line) is not None)
        if line.strip():
            before.append(line.strip())
            if len(before) > _LINES_BEFORE:
                return False
    return False


def _two_spaces(text: str) -> str:
    """The text with two spaces between each tag and its dash, where its first TY line has
    one."""
    first = _FIRST_TY.search(text[:_HEAD])
    if first is None or first.group(1) == "  ":
        return text
    return _ONE_SPACE_TAG.sub(r"\1  -", text)


def parse_ris(text: str) -> Parsed:
    text = _two_spaces(text)
    records: list[Record] = []
    problems: list[Problem] = []
    stray: list[tuple[int, str]] = []
    chunk: list[str] = []
    start = 0
    after_link = False
    field = ""  # the tag of the field the line before belongs to
    for number, line in enumerate(text.split("\n"), start=1):
        # Ovid's link line, and its URL on the same line or the next: neither a field nor a
        # problem.
        if after_link and _URL_LINE.fullmatch(line):
            after_link = False
            continue
        after_link = line.strip() == _OVID_LINK
        if line.lstrip().startswith(_OVID_LINK) or _RECORD_NUMBER.fullmatch(line):
            continue
        if _TY.match(line):
            if chunk and _document_type(line, chunk):
                chunk.append("M3" + line.lstrip()[2:])
                field = "M3"
                continue
            if chunk:
                _finish(start, chunk, records, problems, closed=False)
            chunk, start, field = [line.lstrip()], number, "TY"
        elif chunk:
            field = _parted(line, field, chunk)
            if line.startswith("ER  -"):
                _finish(start, chunk, records, problems, closed=True)
                chunk = []
        elif line.strip() and not _EXPORT_HEADER.fullmatch(line):
            stray.append((number, line))
    if chunk:
        _finish(start, chunk, records, problems, closed=False)
    if stray:
        first, shown = stray[0]
        reason = (
            f"{len(stray)} {'line' if len(stray) == 1 else 'lines'} outside RIS records "
            "(records run from 'TY  -' to 'ER  -')"
        )
        problems.append(Problem(first, reason, excerpt(shown)))
    return Parsed(tuple(records), tuple(problems))


def _document_type(line: str, chunk: list[str]) -> bool:
    """Whether a TY line inside a record gives the document's type in words ("TY  -
    Review"), as Scopus wrote it after the record's own type ("TY  - JOUR"), rather than
    opening the next record."""
    return _TY_TYPE.fullmatch(chunk[0]) is not None and _DOCUMENT_TYPE.fullmatch(line) is not None


# Fields of prose, where a tag-like run ("HbA1  - 5.7%") is text, never Web of Science's glue.
_PROSE_TAGS = frozenset({"AB", "N2", "TI", "T1", "T2", "T3", "ST", "BT"})


def _parted(line: str, field: str, chunk: list[str]) -> str:
    """The line's fields added to the chunk: a field glued on after a run of spaces
    (Rayyan) or, outside a field of prose, right after a value (Web of Science); the tag
    of the field the line ends in is returned."""
    for part in _GLUED_TAG.split(line):
        found = _TAG_LINE.match(part)
        field = found.group(1) if found else field
        # Glue is a tag's "  - " after a value's first character: a part without that dash
        # past its own tag (nearly every line) is not tried against every tag at each place.
        glued = field not in _PROSE_TAGS and part.find("  - ", 3) >= 0
        pieces = _GLUED_TO_VALUE.split(part) if glued else [part]
        chunk.extend(pieces)
        last = _TAG_LINE.match(pieces[-1]) if len(pieces) > 1 else None
        field = last.group(1) if last else field
    return field


def _finish(
    line: int, chunk: list[str], records: list[Record], problems: list[Problem], closed: bool
) -> None:
    if not closed:
        chunk = [*chunk, "ER  - "]
    [entry] = _rispy_loads("\n".join(chunk) + "\n")
    abstract, translated = _abstract(entry, chunk)
    abstract = _one_language(_text(_sections_unglued(abstract)))
    title = _title(entry) if not translated else _english_title(entry)
    if _SCIELO.search(_databases(entry)):
        abstract = _without_index_words(abstract, sentences=True)
        title = _without_index_words(title, sentences=False)
    abstract = without_abstract_heading(abstract)
    if not abstract:
        problems.append(missing_abstract(line, "a RIS record without an AB or N2 line", title))
        return
    metadata = [
        (key.replace("_", " "), _joined(value))
        for key, value in sorted(entry.items())
        if key not in _OWN_FIELDS and _joined(value)
    ]
    if not closed:
        metadata.append(("note", "record had no closing ER line"))
    # SafetyLit writes a resolver's address without a DOI where it has none
    # ("UR  - http://dx.doi.org/"): a link to nothing.
    urls = [
        url
        for value in _list(entry.get("urls"))
        for url in _WEB_LINK.findall(value)
        if not _DOI_RESOLVER.fullmatch(url)
    ]
    names = _author_lines(entry)
    venue, date = _venue_dated(_venue(entry, title), _date(entry))
    registry = _registry_page(entry)
    if registry:
        urls = urls or [registry]
        names = [name for name in names if " " in name.strip() or name.strip() not in registry]
        venue = None
    date = _posted_day(date, urls)
    records.append(
        Record(
            line=line,
            abstract=abstract,
            id=_first(entry, "id") or None,
            title=title or None,
            authors=initials_turned_round(
                tuple(
                    first_name_first(name)
                    for name in cased_in_list([n for value in names for n in _names(value)])
                )
            ),
            url=urls[0] if urls else None,
            arxiv=_arxiv(entry, urls),
            doi=_doi(entry, urls),
            date=date,
            metadata=tuple(metadata),
            pmid=_pmid(entry, urls),
            venue=venue,
            keywords=tuple(_keywords(entry)),
        )
    )


def _text(value: str) -> str:
    """A title's or abstract's text, without markup or braces left from BibTeX, and without
    the HTML entities of a text that has no markup."""
    if "{" in value:
        value = _BRACED_PUNCTUATION.sub(r"\1", value)
    text = markup_to_text(value)
    # Scopus writes '<', '>' and '&' in its abstracts as HTML does, with no markup around
    # them: "the exponent 1&lt;p≤2".
    return decode_entities(text) if text is value else text


def _title(entry: dict[str, object]) -> str:
    """TI or T1; Web of Science's (its accession number "WOS:…") without the footnote
    marker it keeps apart at a title's end ("…incentive contracts *"), as in its other
    exports."""
    title = _text(_first(entry, "title", "primary_title"))
    if _first(entry, "accession_number").startswith("WOS:"):
        return web_of_science_title(title)
    return title


def _one_language(abstract: str) -> str:
    """The abstract in one language: ProQuest's RIS gives a paper's abstract in a second
    language after the first, behind a label in the language of the session that exported
    it ("...nuevas aplicaciones.Resumen alternativo:The effective integration of AI..."). The
    English one is kept, as of LILACS's abstracts in several languages."""
    if not any(label in abstract for label in _ALTERNATE_LABELS):
        # Looked for as text first: the pattern, opening on "\b", is tried at every character
        # of every abstract (0.3 s for 10,000 records).
        return abstract
    parts = _ALTERNATE_ABSTRACT.split(abstract, maxsplit=1)
    if len(parts) == 1:
        return abstract
    return parts[first_in_english(parts)].strip()


# ProQuest's label before a paper's abstract in another language: an English session's, a
# Spanish one's.
_ALTERNATE_LABELS = ("Alternate abstract:", "Resumen alternativo:")
_ALTERNATE_ABSTRACT = re.compile(r"\b(?:" + "|".join(map(re.escape, _ALTERNATE_LABELS)) + ")")


def _author_lines(entry: dict[str, object]) -> list[str]:
    """The AU and A1 lines. Web of Science writes a proceedings volume's group author (its
    plain text's GP, "IEEE", "ACM") as A1, after the paper's own AU lines: no author of the
    paper, unless its record has no AU."""
    authors = _list(entry.get("authors"))
    if authors and _first(entry, "accession_number").startswith("WOS:"):
        return authors
    return authors + _list(entry.get("first_authors"))


def _without_index_words(text: str, sentences: bool) -> str:
    """The text without the words SciELO's search (in 2024) appends to each abstract and
    title it exports: the forms its index made of the text's words that stand next to a
    stop, a comma, a bracket, a hyphen or an apostrophe, those the text does not have as
    they are ("...technology in countries. review computerization control SI. SI . (SI)
    organizations producer s ... (SI", from "review.", "(SI).", "producer's"; "...a
    bibliometric study construction application", from "construction," and "application:").
    The appended words run from a sentence's end in an abstract, from any word in a title.
    Each is a form of a word with such a mark before it, and none is a word the text has
    before it; a number may be the start of one ("202" of "2022,")."""
    words = list(_WORD.finditer(text))
    made: dict[str, int] = {}  # each form the index makes, at the first word it makes it of
    given: dict[str, int] = {}  # each word as written, at its first place
    for place, found in enumerate(words):
        word = found.group()
        given.setdefault(word, place)
        core = _NOT_ALPHANUMERIC.sub("", word)
        forms = [core, *_RUNS.findall(word)] if core != word else []
        forms += [run[:end] for run in _DIGITS.findall(word) for end in range(1, len(run) + 1)]
        for form in filter(None, forms):
            made.setdefault(form, place)
    start = len(words)
    latest, earliest = -1, len(words)  # over the words from `place` on
    for place in range(len(words) - 1, 0, -1):
        word = words[place].group()
        core = _NOT_ALPHANUMERIC.sub("", word)
        if core and core not in made:
            break
        latest, earliest = max(latest, made.get(core, -1)), min(earliest, given[word])
        before = words[place - 1].group()
        if latest < place <= earliest and (not sentences or _SENTENCE_END.search(before)):
            start = place
    return text[: words[start].start()].rstrip() if start < len(words) else text


_SCIELO = re.compile(r"scielo", re.I)
_WORD = re.compile(r"\S+")
_NOT_ALPHANUMERIC = re.compile(r"[\W_]+")
_RUNS = re.compile(r"[^\W\d_]+|\d+")  # the runs of letters and of figures in a word
_DIGITS = re.compile(r"\d{1,8}(?!\d)")
_SENTENCE_END = re.compile(r"[.!?][\"'\u201d\u2019)\]]*$")


def _english_title(entry: dict[str, object]) -> str:
    """The title of a record read in English, its abstract a translation: the English one
    of its translated titles (LILACS's TT), else its own."""
    titles = [_title(entry), *(_text(title) for title in _list(entry.get("translated_title")))]
    return titles[first_in_english(titles)]


def _names(value: str) -> list[str]:
    """One author line's names: a script's RIS (R's, from Web of Science's AU) puts all of
    a record's in one line split by ";", "Elliot, T; Almenar, JB"; Covidence puts a record's
    editors in one line, "Zlatic, M and Kostadinov, S", as the BibTeX it imported had them;
    a name with "and" in it and no such list ("Johnson and Johnson") stays one; Ovid's
    CENTRAL puts them all in one line as NLM writes them, "Achterbergh RCA, van der Helm JJ,
    de Vries HJC". Only a ";" before a space or the line's end parts names: one before a
    letter is an entity's ("M&uuml;ller")."""
    return [
        name for item in NAME_SEPARATOR.split(value) if item.strip() for name in _and_names(item)
    ]


def _and_names(value: str) -> list[str]:
    value = value.strip()
    parts = AND_SEPARATOR.split(value)
    if len(parts) > 1 and all("," in part for part in parts):
        return parts
    listed = value.split(", ")
    nlm = len(listed) > 1 and all(_NLM_NAME.fullmatch(name) for name in listed)
    return listed if nlm else [value]


# A name as NLM writes it, its surname (after any small particles) then up to three capital
# initials without stops: "Achterbergh RCA", "van der Helm JJ"; "Lewis, Patrick" is none.
# Each word is taken whole, so that a long line that is none fails at once.
_NLM_NAME = re.compile(r"(?:[^\W\d_][\w'\u2019-]*+ )++[A-Z]{1,3}")


def _sections_unglued(abstract: str) -> str:
    """Ovid's RIS joins a structured abstract's sections with ", " after each section's
    stop: "…countries and territories., RESEARCH DESIGN AND METHODS: We collected…",
    "…systematically reviewed., Objective: To review…". The comma goes; one after an
    abbreviation ("e.g., Methods: …", "et al., Nature: …") stays. An "ABSTRACT: " heading
    over the next section's own (Wiley's, after an accessible summary: "…during
    disaster., ABSTRACT: AIM: The present review…") goes with it. Its CENTRAL joins a
    registered trial's paragraphs so too ("…with prevention initiatives., Social anxiety
    is…"): after a word's stop the comma before a capitalised word goes as well."""
    if "., " not in abstract:
        return abstract
    return _GLUED_PARAGRAPH.sub(_unglued, _GLUED_SECTION.sub(_unglued, abstract))


def _unglued(found: re.Match[str]) -> str:
    before = found.string[max(0, found.start() - 5) : found.start()].lower()
    return found.group(0) if before.endswith(_ABBREVIATIONS) else ". "


# A section's stop after a word, a bracket or "%", ", " and the next section's heading: a
# capitalised word or words (up to six) before a colon; an "ABSTRACT: " before that heading
# heads the headed sections, not any text, and is matched to go too. This pattern and the
# next open on the stop, what comes before it looked behind for: the engine skips to a
# literal character, while one opening on a class or a lookbehind is tried at every
# character of the abstract.
_GLUED_SECTION = re.compile(
    r"\.(?<=[^\W_]\.|[)\]%]\.), (?:ABSTRACT: |Abstract: )?"
    r"(?=[A-Z][A-Za-z]*(?: [A-Za-z&/-]+){0,5}\??: )"
)
_ABBREVIATIONS = ("e.g", "i.e", " al", "etc", " vs", " cf", " sp", "spp", "esp", "rox", "ncl")
# A paragraph's stop after a word of small letters, a figure's "%" or a bracket, ", " and
# the next paragraph's first word ("initiatives., Social", "22.9%., Social", "(CBT)., The");
# not after an abbreviation with a capital ("U.S., Canada", "Inc., Boston", "Co., Ltd").
_GLUED_PARAGRAPH = re.compile(
    r"\.(?:(?<=[a-z][a-z]\.)(?<![A-Z][a-z][a-z]\.)|(?<=\d%\.)|(?<=[\w%]\)\.)), (?=[A-Z][a-z])"
)


def _abstract(entry: dict[str, object], chunk: list[str]) -> tuple[str, bool]:
    """AB, else N2; a structured abstract whose headings stand on continuation lines of
    their own (PeerJ's "AB  - " then "Background", its text, "Methods"…) as "Background: …
    Methods: …", which rispy, joining the lines, cannot tell. Whether it is a translation,
    the English one of several."""
    abstract = _first(entry, "abstract", "notes_abstract")
    tag = "AB" if _first(entry, "abstract") else "N2"
    fields: list[list[str]] = []  # each tag line's value, then its continuation lines
    within = False
    for line in chunk:
        # Outside the tag's fields only a line of that tag matters: the pattern is tried on
        # those, and on each line within (another tag's line closes the field).
        found = _TAG_LINE.match(line) if within or line.startswith(tag) else None
        if found:
            within = found.group(1) == tag
            if within:
                fields.append([line[found.end() :]])
        elif within:
            fields[-1].append(line)
    if not fields:
        return abstract, False
    # One abstract per language (LILACS: Portuguese, English, Spanish), of which rispy keeps
    # the first: the English one, where the first is in another language. EBSCOhost's
    # "Copyright of <journal> is the property of …" on an AB line of its own is none.
    lines = fields[0]
    if len(fields) > 1 and not mostly_cjk(abstract):
        # A record in Chinese, Japanese or Korean (Airiti's) is read in its language.
        texts = [" ".join(lines) for lines in fields]
        notices = ["" if text.startswith("Copyright of ") else text for text in texts]
        lines = fields[first_in_english(notices)]
        abstract = abstract if lines is fields[0] else " ".join(" ".join(lines).split())
    translated = lines is not fields[0]
    if len(lines) < 2:
        return abstract, translated
    text = "\n".join(lines)
    labelled = structured_abstract(text)
    return (abstract if labelled == text else labelled), translated


def _pmid(entry: dict[str, object], urls: list[str]) -> str | None:
    """The accession number, when the record's database is MEDLINE/PubMed; else the MEDLINE
    PMID Embase gives in C5; else the PubMed id the Cochrane Library cross-references in C3;
    else the PMID in a link to PubMed, or in Ovid's link to the record in one of its MEDLINE
    databases."""
    databases = _databases(entry)
    accession = _first(entry, "accession_number")
    if accession.isdigit() and _PUBMED_DATABASE.search(databases):
        return accession
    medline = _first(entry, "custom5")  # Embase's "C5  - 38773066", with "DB  - Embase"
    if medline.isdigit() and _EMBASE.search(databases):
        return medline
    cochrane = _CROSS_REFERENCE.search(_first(entry, "custom3"))  # "PUBMED 21314913,EMBASE …"
    if cochrane:
        return cochrane.group(1)
    links = [*urls, *_list(entry.get("file_attachments2"))]
    page = next((pmid for link in links if (pmid := pubmed_page_pmid(link))), None)
    ovid = next((m for link in links if (m := _OVID_MEDLINE_LINK.search(link))), None)
    return page or (ovid.group(1) if ovid else None)


def _venue(entry: dict[str, object], title: str) -> str | None:
    """JF, T2, JO or an abbreviation; else BT, where a proceedings' title stands in the RIS
    of DBLP and Atlantis Press ("BT  - Proceedings of the 2018 International Conference
    on …"), unless it is the record's own title (a book's); else, in Scopus's RIS, C3, the
    book series or proceedings a paper in one came out in ("TY  - SER", "C3  - Lecture
    Notes in Networks and Systems"; C3 is an address in Web of Science's, a cross-reference
    in the Cochrane Library's). Scopus's RIS of a book repeats its title in T2, in other
    case ("Greenhouse Gas Emissions Information for Decision Making"): no venue."""
    venue = _text(_first(entry, *_VENUES))
    if venue and venue.casefold() != title.casefold():
        return venue
    books = _unknown_tag(entry, "BT")
    book = _text(books[0]) if books else ""
    if book and book != title:
        return book
    if _SCOPUS.search(_databases(entry)):
        return _text(_first(entry, "custom3")) or None
    return None


def _registry_page(entry: dict[str, object]) -> str:
    """The address of a trial registry's record where a journal's name goes: Ovid's CENTRAL
    writes a registered trial's so ("JA  - https://clinicaltrials.gov/show/NCT04381559"),
    its official title in T2 and its registry id as its author ("A1  - NCT04381559"). The
    record then names no venue; its author is none that the address holds, and the
    address is its page."""
    for key in _VENUES:
        value = _first(entry, key)
        if _WEB_LINK.fullmatch(value):
            return value
    return ""


def _venue_dated(venue: str | None, date: str | None) -> tuple[str | None, str | None]:
    """The venue and the date; but Zotero, saving a Google Scholar result it found no
    citation for, writes the source of the result's byline, "Journal, 2021", in T2 and no
    date: the year there is the record's date, not part of its venue."""
    found = _VENUE_YEAR.fullmatch(venue or "")
    if date or not found:
        return venue, date
    return found.group(1), found.group(2)


# A venue with a year after its comma, as Google Scholar's byline gives it: "Journal, 2021".
_VENUE_YEAR = re.compile(r"(.*\S),\s*((?:1[89]|20)\d\d)")


def _databases(entry: dict[str, object]) -> str:
    """The names of the database a record came from (DB) and of its provider (DP)."""
    return " ".join(_list(entry.get("name_of_database")) + _list(entry.get("database_provider")))


def _doi(entry: dict[str, object], urls: list[str]) -> str | None:
    """DO; else L3, where EBSCOhost puts the DOI; else M3 when it holds one alone, as an
    older reference manager's RIS does ("M3  - 10.1068/d8109"; M3 is otherwise the type of
    work, and Atypon's repeats DO there after "doi: "); else the DOI of a doi.org link among
    the record's links (UR, L1, L2): a publisher's page may name another work's DOI, so only
    a resolver's link counts."""
    doi = _first(entry, "doi")
    if doi:
        return doi
    held = [
        *_unknown_tag(entry, "L3"),
        *(m3 for m3 in _list(entry.get("type_of_work")) if _LONE_DOI.fullmatch(m3)),
    ]
    links = [*urls, *_list(entry.get("file_attachments1")), *_list(entry.get("file_attachments2"))]
    resolved = [link for link in links if _DOI_RESOLVER.match(link.strip())]
    return next((found for value in [*held, *resolved] if (found := parse_doi(value))), None)


# A field holding a DOI alone, after Atypon's "doi: " or not.
_LONE_DOI = re.compile(r"\s*(?:doi:\s*)?10\.\d{4,9}/\S+\s*", re.I)


def _arxiv(entry: dict[str, object], urls: list[str]) -> str | None:
    """The arXiv id of an arxiv.org page among the record's links (UR, L1, L2, L3, LK):
    Lens's RIS, through Citavi, links a preprint's lens.org page in UR and its arXiv pages
    only in L2."""
    fields = [*_list(entry.get("file_attachments1")), *_list(entry.get("file_attachments2"))]
    fields += [*_unknown_tag(entry, "L3"), *_unknown_tag(entry, "LK")]
    links = [*urls, *(link for value in fields for link in _WEB_LINK.findall(value))]
    return next((link for link in links if arxiv_id_at_start(link)), None)


def _date(entry: dict[str, object]) -> str | None:
    """DA, PY or Y1, the first with a year, without RIS's trailing "other info"; but Y1
    over a PY of the year alone when it reads as a month or day of that year (IEEE
    Xplore's "Jan. 2009", a conference's "16-18 Oct. 2014"). A DA without a year ("Oct 7", Web of
    Science's "JUN 13") after the year of PY or Y1. A record without any year takes the
    month of its early access, where Web of Science gives one in C6 ("SEP 2022") and no PY:
    it is not in an issue yet."""
    day, *others = [_ris_date(_first(entry, key)) for key in ("date", "year", "publication_year")]
    if _YEAR.search(day):
        return day
    dated = next((other for other in others if _YEAR.search(other)), "")
    year = _YEAR.search(dated)
    if year and dated == year.group(0) and others[1] != dated:
        dated = date_or_year(others[1], dated) or dated
    if year and day:
        return f"{year.group(0)} {day}"
    early = _first(entry, "custom6")
    if not year and _EARLY_ACCESS.fullmatch(early):
        return early
    return dated or day or next((other for other in others if other), None)


def _posted_day(date: str | None, urls: list[str]) -> str | None:
    """The date; but bioRxiv's and medRxiv's RIS date every preprint January 1st of its
    year ("Y1  - 2020/01/01"): the day it was posted is the one in its link
    ("http://medrxiv.org/content/early/2020/05/12/2020.04.30.20083568.abstract")."""
    if date is None or not date.endswith("/01/01"):
        return date
    posted = next((found for url in urls if (found := _POSTED.search(url))), None)
    return "/".join(posted.groups()) if posted and date.startswith(posted.group(1)) else date


_POSTED = re.compile(r"rxiv\.org/content/early/((?:19|20)\d\d)/(\d\d)/(\d\d)/")


# Web of Science's early-access month, in C6: "SEP 2022".
_EARLY_ACCESS = re.compile(r"[A-Za-z]{3} (?:19|20)\d\d")


def _ris_date(value: str) -> str:
    """ "2018/02/03/2018- -21" -> "2018/02/03", "2018/03//undefined" -> "2018/03",
    "1998///Fal 1998" -> "1998"; R's "NA" (the RIS an R script writes for a record without
    a year) -> ""; any other form as given."""
    found = _RIS_DATE.fullmatch(value.strip())
    if not found:
        return "" if value.strip() == "NA" else value.strip()
    parts = [found.group(1)]
    for part in (found.group(2), found.group(3)):
        if not part or not part.strip() or part.strip() == "undefined":
            break
        parts.append(part.strip())
    return "/".join(parts)


# What a KW line holds for a paper without keywords (MDPI's "n/a").
_NO_KEYWORD = frozenset({"n/a", "none"})


def _keywords(entry: dict[str, object]) -> list[str]:
    """KW lines, one keyword each; Mendeley puts them all in one, comma-separated, or a
    Scopus record's index terms in a few, each joined with "; " ("KW  -  Data augmentation;
    Data preprocessing; …"); Ovid's star marking a major heading dropped, MDPI's "n/a" for
    a paper without keywords, and the record's own type of work (M3): Scopus lists Embase's
    index terms after the author's keywords, and among them is the paper's type ("KW  -
    Article", with "M3  - Article")."""
    words = _list(entry.get("keywords"))
    if len(words) == 1 and "," in words[0]:
        words = words[0].split(",")
    words = [part for word in words for part in (split_keywords(word) if ";" in word else [word])]
    stripped = (word.strip().lstrip("*").strip() for word in words)
    dropped = _NO_KEYWORD | {kind.strip().casefold() for kind in _list(entry.get("type_of_work"))}
    return [word for word in stripped if word and word.casefold() not in dropped]


class _RisParser(rispy.RisParser):  # type: ignore[misc]
    """rispy's parser, but a field continued over many lines grows in place: rispy makes a
    new string of the whole field for each line (" ".join((field, line))), quadratic in a
    damaged record of a million blank lines (25 s). The same string, as CPython extends a
    string that nothing else holds where it stands."""

    def _add_single_value(
        self, record: dict[str, object], name: str, value: object, is_multi: bool = False
    ) -> None:
        field = record.get(name)
        repeated = name not in _OWN_FIELDS or name in _LINK_FIELDS
        if not is_multi and field is not None and repeated:
            # A field of its own kept once (a DOI, a title); any other, every time it comes:
            # Web of Science's two SN, its AD and C3 for each address; and each link: ProQuest
            # gives a library's link resolver in the first L2, a preprint's arXiv page in the
            # second.
            self._add_list_value(record, name, value)
            return
        if is_multi and isinstance(field, list) and field and isinstance(value, str):
            last = field.pop()  # a repeated field's last value continued, grown in place too
            last += " "
            last += value
            field.append(last)
            return
        if not (is_multi and isinstance(value, str) and isinstance(field, str)):
            super()._add_single_value(record, name, value, is_multi)
            return
        record[name] = ""  # the field's only holder is now `field`, in the same place
        field += " "
        field += value
        record[name] = field


def _rispy_loads(text: str) -> list[dict[str, object]]:
    entries: list[dict[str, object]] = rispy.loads(text, implementation=_RisParser)
    return entries


def _first(entry: dict[str, object], *keys: str) -> str:
    for key in keys:
        value = _joined(entry.get(key))
        if value:
            return value
    return ""


def _unknown_tag(entry: dict[str, object], tag: str) -> list[str]:
    """The values of a tag rispy has no name for (BT, L3): it keeps them by tag."""
    unknown = entry.get("unknown_tag")
    return _list(unknown.get(tag)) if isinstance(unknown, dict) else []


def _list(value: object) -> list[str]:
    if isinstance(value, list):
        return [str(v) for v in value]
    return [str(value)] if value else []


def _joined(value: object) -> str:
    if isinstance(value, list):
        return "; ".join(str(v) for v in value if str(v).strip())
    return str(value).strip() if value is not None else ""
