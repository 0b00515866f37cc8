"""Web of Science plain text ("Export > Plain text file"):

    FN Clarivate Analytics Web of Science
    VR 1.0
    PT J
    AU Wodarz, S
       Hasegawa, T
    AF Wodarz, Siggi
       Hasegawa, Takashi
    TI Structural control of ultra-fine CoPt nanodot arrays via
       electrodeposition process
    AB CoPt nanodot arrays were fabricated by …
    DI 10.1016/j.jmmm.2016.10.048
    ER

    EF

A two-letter tag and a space open each field; its value runs on over lines indented three
spaces, where author and address fields hold one item a line and text fields wrap. `ER`
ends a record, `EF` the file; a record pasted on its own has no `FN`/`VR` header. No
well-kept parser exists outside whole bibliometrics packages (metaknowledge, pybibx), so it
is read here with the splitting the tagged formats share (digest/readers/tagged.py). The
tab-delimited export is a CSV (digest/readers/tabular.py).
"""

from __future__ import annotations

import html.entities
import re
import unicodedata
from collections.abc import Sequence

from digest.cleaning import latex_to_unicode, without_accents
from digest.readers.markup import labelled_sections, markup_to_text, without_abstract_heading
from digest.readers.records import (
    YEAR,
    Parsed,
    Problem,
    Record,
    first_in_english,
    first_name_first,
    in_capitals,
    iso_date,
    missing_abstract,
    month_number,
    split_keywords,
    without_footnote_mark,
)
from digest.readers.tagged import (
    TaggedRecord,
    first_tagged_line,
    joined_lines,
    parse_records,
    split_tagged,
)

_TAG_LINE = re.compile(r"([A-Z][A-Z0-9])(?: (.*))?$")
# Some of the 2021 exports write a tab after each tag and a field's further lines without an
# indent ("AU\tMansueto, Giovanni" then "Cavallo, Chiara"): there only a tab makes a tag line,
# so a name that opens with two capitals and a space ("DE LA TORRE, J") continues a field.
_TAB_TAG_LINE = re.compile(r"([A-Z][A-Z0-9])(?:\t(.*))?$")
_MONTH_DAY = re.compile(r"([A-Za-z]{3})[A-Za-z]*\.?(?:\s+(\d{1,2})\b)?")
# The part of a paper in several, as records of the 1990s mark it at the title's end: "…
# CAPABILITIES AND ENVIRONMENTAL RELIEF .1.". From a run's first space only, and whole: a
# title with 100,000 spaces is read at once.
_PART_MARK = re.compile(r"(?<!\s)\s++\.(\d{1,2})\.\s*$")
# What a Chinese session's export opens a retracted paper's title with ("Retracted
# Publication: "), where the title ends with Web of Science's own "(Retracted Article)".
_RETRACTED_LABEL = "被撤回的出版物: "
# A character Web of Science has no glyph for, written as an HTML entity with spaces around
# its "&": "Schr & ouml;dinger", "Szeg & odblac;", "p & lt; 0.05". A small letter joins the
# word before it; a capital ("& Ouml;zt & uuml;rk") or a sign keeps its space.
_SPACED_ENTITY = re.compile(r"((?<=\w) )?& ([A-Za-z][A-Za-z0-9]{1,31};)")
# Its degree sign after a number: the superscript "o" in parentheses (Yanbu, "24(o) N").
_DEGREE = re.compile(r"\(o\)(?<=\d\(o\))")
# A Greek letter it writes as its name in angle brackets, which reads as a tag and would go
# with the markup: "recycled powders (<75 <mu>m)", "<Delta>T". No HTML element has such a
# name.
_GREEK_TAG = re.compile(r"<([A-Za-z]{2,7})>")
_GREEK_LETTERS = {
    unicodedata.name(letter).rpartition(" ")[2].replace("LAMDA", "LAMBDA"): letter
    for letter in map(chr, range(0x3B1, 0x3CA))
    if letter != "\u03c2"  # the final sigma, named after sigma
}
# Wiley's MathML comes as its text then its TeX, glued: "on R$\\mathbb {R}$",
# "a H1/2$H<^>{1/2}$-type variance" ("<^>" is a superscript); IEEE's as its TeX then its
# text: "a fast approximation method for $K$K-nearest representatives". The TeX is dropped
# when it reads as the text glued before it, or as the text after it up to a word's end;
# other inline math stays for the cleaning to read.
_INLINE_MATH = re.compile(r"\$(?!\s)([^$\n]{1,80}?)(?<!\s)\$")
_NOT_IN_TEXT = re.compile(r"<\^>|[\s{}^_]")
_LEADING_YEAR = re.compile(r"^(?:1[89]|20)\d\d(?:\s+|-)(?=[A-Za-z])")
_HEADER = ("FN", "VR")
_METADATA = {"DT": "document type", "LA": "language", "UT": "wos id", "PU": "publisher"}


# A title line. Looked for in the whole file, not its first pages: the record of a
# collaboration's paper (ATLAS, CMS) lists its 3,000 authors twice, on AU and AF lines,
# before its title.
_TITLE_LINE = re.compile(r"^TI[ \t]", re.M)


# Spaces before the file's first tag (" FN Clarivate Analytics Web of Science", the rest of
# the export as written; a BOM may come before them). Only the first line's are dropped:
# other indented lines continue a field.
_FIRST_LINE_INDENT = re.compile(r"\A((?:\ufeff?[ \t]*\n)*\ufeff?)[ \t]+(?=(?:FN|PT) )")


def looks_like_web_of_science(text: str) -> bool:
    """A file that opens with the export's `FN` header, or a record's `PT J` line, and
    holds a title line."""
    head = _FIRST_LINE_INDENT.sub(r"\1", text[:4096])
    found = first_tagged_line(head, _tag_line(head))
    if found is None or found.group(1) not in ("FN", "PT"):
        return False
    return _TITLE_LINE.search(text) is not None


def _tag_line(text: str) -> re.Pattern[str]:
    """The tag line of an export whose first tag is followed by a tab, or the usual one."""
    found = first_tagged_line(text, _TAB_TAG_LINE)
    return _TAB_TAG_LINE if found is not None and found.group(2) is not None else _TAG_LINE


def parse_web_of_science(text: str) -> Parsed:
    text = _FIRST_LINE_INDENT.sub(r"\1", text, count=1)
    split = split_tagged(
        text,
        _tag_line(text),
        opens=lambda tag: tag == "PT",
        closes=lambda tag: tag in ("ER", "EF"),
        ignored=_HEADER,
    )
    return parse_records(split, _record, "Web of Science records")


def _record(tagged: TaggedRecord) -> Record | Problem:
    # Since 2023 titles and abstracts carry the publisher's inline HTML ("<i>Tropical</i>").
    abstract = markup_to_text(web_of_science_text(_abstract(tagged)))
    # SciELO Citation Index's records open their abstracts with a heading ("Abstract
    # Institutions often …", "Resumen …" in X4) and give the title in the paper's language
    # in TI, its translations in X1 and Y1: the English one goes with the English abstract.
    abstract = without_abstract_heading(abstract)
    title, original = english_title(
        [
            web_of_science_title(markup_to_text(web_of_science_text(tagged.text(tag))))
            for tag in TITLE_TAGS
        ]
    )
    if not abstract:
        return missing_abstract(tagged.line, "a Web of Science record without an AB field", title)
    # AU gives initials ("SMITH, JA"); AF full names, or (before 2006) AU's initials again.
    short = tagged.items("AU")
    full = accented_full_names(tagged.items("AF"), short)
    shortened = {name.casefold() for name in short}
    names = [(n, not full or n.casefold() in shortened) for n in full or short]
    metadata = [(name, value) for tag, name in _METADATA.items() if (value := tagged.text(tag))]
    if original:
        metadata.append(("original title", original))
    return Record(
        line=tagged.line,
        abstract=abstract,
        title=title or None,
        authors=tuple(first_name_first(name, initials) for name, initials in names),
        doi=tagged.text("DI") or None,
        date=publication_date(tagged.text("PD"), tagged.text("PY"))
        or publication_date(tagged.text("EA")),
        metadata=tuple(metadata),
        pmid=tagged.text("PM") or None,
        venue=tagged.text("SO") or None,
        keywords=split_keywords(tagged.text("DE", "ID") or None),
    )


def _abstract(tagged: TaggedRecord) -> str:
    """The AB field as one text. A structured abstract comes one section a line, its label
    alone on the line before ("Review", "Research Question/Issue"): the label opens its
    section ("Review: Over the last…"). Only a label before a line longer than any wrapped
    line counts, so an export that wraps its lines keeps a short wrapped line as text."""
    lines = next((ls for ls in tagged.values("AB") if any(line.strip() for line in ls)), [])
    parts = [line.strip() for line in lines if line.strip()]
    if _editors_summary(tagged, parts):
        return joined_lines(parts[1:])
    labels = {
        i
        for i, part in enumerate(parts[:-1])
        if _SECTION_LABEL.fullmatch(part) and len(parts[i + 1]) > _WRAPPED_WIDTH
    }
    if not labels:
        return tagged.text("AB")
    sections = [(parts[i - 1] if i - 1 in labels else "", p) for i, p in enumerate(parts)]
    return labelled_sections([section for i, section in enumerate(sections) if i not in labels])


def _editors_summary(tagged: TaggedRecord, parts: list[str]) -> bool:
    """Whether the AB's first line is a Nature journal's editor's summary, which Web of
    Science puts before the abstract: one sentence of its own on what "the authors" (or
    "Smith et al.") show, an abstract's lines after it ("Using epicPCR, …, the authors
    identify host-virus interactions …", Nature Microbiology, 2021)."""
    if len(parts) < 2 or not tagged.text("SO").upper().startswith("NATURE "):
        return False
    summary = parts[0]
    return (
        all(len(part) > _WRAPPED_WIDTH for part in parts[:2])
        and summary.endswith(".")
        and "." not in summary[:-1].replace("et al.", "")
        and _THE_AUTHORS.search(summary) is not None
    )


# The authors named in the third person.
_THE_AUTHORS = re.compile(r"\b(?:the authors\b|et al\.)", re.I)
# A label of one to four words without a sentence's punctuation; WoS wraps at 70 characters.
_SECTION_LABEL = re.compile(r"[A-Z][\w/&-]*(?: [\w/&-]+){0,3}")
_WRAPPED_WIDTH = 80


def accented_full_names(full: list[str], short: list[str]) -> list[str]:
    """AF's names ("surname, given names") with the accents of AU's surnames, which AF has
    lost in exports of the 2020s: "Lopez-Cortes, Xaviera A." beside "López-Cortés, XA" is
    "López-Cortés, Xaviera A.", "Stoeber, Anna" beside "Stöber, A" "Stöber, Anna". A name
    whose surname AU spells otherwise, or lists of two lengths, stay as AF gives them."""
    if len(full) != len(short):
        return full
    names = []
    for name, initialled in zip(full, short, strict=True):
        surname, comma, given = name.partition(",")
        accented = initialled.partition(",")[0].strip()
        if not accented.isascii() and surname.isascii() and surname in _ascii_spellings(accented):
            name = accented + comma + given
        names.append(name)
    return names


def _ascii_spellings(name: str) -> set[str]:
    """A name as Web of Science writes it in ASCII: without its accents ("Lopez"), or the
    German way ("Stoeber" for "Stöber")."""
    spellings = set()
    for letters in (name, name.translate(_GERMAN_SPELLING)):
        spellings.add(without_accents(letters.translate(_UNACCENTED)))
    return spellings


_GERMAN_SPELLING = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue"})
# Letters with no accent to take off ("ø" is no "o" with a mark in Unicode).
_UNACCENTED = str.maketrans(
    {"ø": "o", "Ø": "O", "ł": "l", "Ł": "L", "đ": "d", "Đ": "D", "ß": "ss", "æ": "ae", "Æ": "Ae",
     "œ": "oe", "Œ": "Oe", "\u0131": "i"}
)  # fmt: skip


# The title in the paper's own language and its translations (SciELO Citation Index's).
TITLE_TAGS = ("TI", "X1", "Y1")


def english_title(titles: Sequence[str]) -> tuple[str, str]:
    """Of a record's titles (TI, X1, Y1, cleaned), the one to read with its English
    abstract: the English one (first_in_english), and TI where it is not that one, else "";
    a record with one title keeps it, whatever its language."""
    given = [title for title in titles if title]
    if len(given) < 2:
        return "".join(given), ""
    title = given[first_in_english(given)]
    return title, "" if title == given[0] else given[0]


def web_of_science_title(title: str) -> str:
    """The title without a footnote marker ("*", "†", "‡") left alone at its end; a
    "*" in or against a word ("Sgr A*") stays. A part marker at its end (".1.") is said in
    words ("…, PART 1" in a title in capitals), so that it reads as one, and the parts of
    a paper keep titles of their own. The label a Chinese session opens a retracted paper's
    title with ("被撤回的出版物: ", "Retracted Publication: ") goes: Web of Science's own
    "(Retracted Article)" at its end says it."""
    title = without_footnote_mark(title.removeprefix(_RETRACTED_LABEL))
    part = _PART_MARK.search(title) if title.endswith(".") else None
    if part is None:
        return title
    word = "PART" if in_capitals(title) else "Part"
    return f"{title[: part.start()]}, {word} {part.group(1)}"


def web_of_science_text(value: str) -> str:
    """A title or abstract with its spaced entities as characters ("Schrödinger"); "& "
    before what is no entity's name ("R & D;") stays. A formula given twice, as text and
    as TeX ("R$\\mathbb {R}$"), is given once, as text. A degree after a number, written
    as its raised "o" in parentheses ("24(o) N", "37(o)C"), is "°"; a Greek letter written
    as its name in angle brackets ("<mu>m", "<Delta>") is that letter."""
    if "& " in value:
        value = _SPACED_ENTITY.sub(_character, value)
    if "(o)" in value:
        value = _DEGREE.sub("\u00b0", value)
    if "<" in value:
        value = _GREEK_TAG.sub(_greek_letter, value)
    return _INLINE_MATH.sub(_unless_twin, value) if "$" in value else value


def _unless_twin(found: re.Match[str]) -> str:
    read = _NOT_IN_TEXT.sub("", latex_to_unicode(found.group(0)))
    text, start, end = found.string, found.start(), found.end()
    glued = start > 0 and not text[start - 1].isspace()
    before = _NOT_IN_TEXT.sub("", text[max(0, start - 2 * len(read) - 8) : start])
    after = text[end : end + len(read) + 1]
    if read and (
        (glued and before.endswith(read))
        or (after.startswith(read) and not after[len(read) :].isalnum())
    ):
        return ""
    return found.group(0)


def _greek_letter(found: re.Match[str]) -> str:
    name = found.group(1)
    letter = _GREEK_LETTERS.get(name.upper())
    if letter is None or not (name.islower() or name.istitle()):
        return found.group(0)
    return letter if name.islower() else letter.upper()


def _character(found: re.Match[str]) -> str:
    character = html.entities.html5.get(found.group(2))
    if character is None:
        return found.group(0)
    joined = character.isalpha() and character.islower()
    return ("" if joined else found.group(1) or "") + character


def publication_date(published: str, year: str = "") -> str | None:
    """Web of Science's date of issue (PD, "Publication Date") holds a month and maybe a
    day but no year: "SEP", "DEC 10"; the year is PY's. With it: "2020-09", "2020-12-10".
    An early-access date (EA) brings its own year: "JUN 2021" gives "2021-06". A season
    ("SPR") or nothing gives the year alone, and no year at all gives no date, never a
    bare "SEP". Since 2025 an early-access record's PD opens with its year: "2025 MAR 17";
    a MEDLINE record's is NLM's, "2020-Dec"."""
    published = published.strip()
    in_published = YEAR.search(published)
    year = year.strip() or (in_published.group(0) if in_published else "")
    if not year:
        return None
    found = _MONTH_DAY.match(_LEADING_YEAR.sub("", published))
    month = month_number(found.group(1)) if found else None
    if found is None or month is None:
        return year
    day = int(found.group(2)) if found.group(2) else 0
    return iso_date(year, month, day)
