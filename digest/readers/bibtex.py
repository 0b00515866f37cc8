"""BibTeX and BibLaTeX (.bib) files, as Zotero, Better BibTeX, Mendeley, JabRef, Paperpile,
Google Scholar, arXiv, IEEE, ScienceDirect, Scopus, Web of Science and the ACL Anthology write
them, and as people keep them by hand; read with bibtexparser (v2).

Each entry with an `abstract` field (`abstractNote` in Open Journal Systems' download) is a
record; its key is the paper's id (a leading space is no part of it). Kept: `eprint` (arXiv,
or PubMed by `eprinttype`), `arxivid`, `doi`, `pmid`, `url`, the venue (`journal`,
`journaltitle`, `booktitle`), `keywords` (Scopus's `author_keywords` in their place: its
`keywords` are its index terms), `date` or `year`/`month`. Values keep their LaTeX: the loader's
cleaning turns it into Unicode the same way for every format; only BibTeX's case-protecting
braces (`{BERT}`, `{{Double}}`), TeX's dashes in titles and abstracts ("a method---the
first", "pages 1--10": em and en dashes; never in an address) and HTML entities some
exporters leave (`&#039;`, `G\\&ouml;ttingen`) are undone here, and so are NASA ADS's
ways: a value in one more pair of braces (`title = "{…}"`), old font switches
(`{\\it Planck}`) and the AAS journal macros (`journal = {\\apj}`, the Astrophysical
Journal); its `adsurl` is the paper's page; its abstracts wrapped after a hyphen keep it
("multiple-reflection"), its initials' ties ("D.~W.") are spaces, its escaped "\\~{}10\\^{}5"
is "~10^5", and a quote inside its "{…}" values no longer loses the entry.
A structured abstract's headings, on lines of their own (ScienceDirect) or glued to their
sections ("IntroductionThe launch … .MethodsWe analyzed …", Frontiers), become labels
("Introduction: The launch …"). Dimensions' `url` of two addresses joined by "and" keeps
the first.

Values are evaluated as BibTeX does: `@string` macros (any case), `#` joins; an entry with
`crossref` takes the fields it lacks (venue, year, publisher) from the entry it names.

One bad entry never takes the others with it: bibtexparser starts again at the next `@` at
a line start. A field repeated in an entry keeps its longest value (Zotero writes a
truncated `doi` before the full one); a key used twice still gives both entries; a field
swallowed by the one before it for want of a comma is split off again. What cannot be read
is a Problem with its line, and so is text between entries that looks like an entry.
JabRef's `@Comment{jabref-meta: …}` blocks and `@string`/`@preamble` are not papers.
Semantic Scholar's API types an entry with a list ("@['JournalArticle', 'Conference']{…"):
its first is the entry's type.
"""

from __future__ import annotations

import itertools
import logging
import re
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

from digest.cleaning import FONT_SWITCH, tex_accents, tex_dashes
from digest.readers.cnki_custom import OPENING_TEXT, OPENING_TEXT_ONLY, cnki_abstract
from digest.readers.identifiers import doi_in_addresses, parse_arxiv_field, split_addresses
from digest.readers.markup import (
    decode_entities,
    inline_markup_to_text,
    structured_abstract,
    unglued_sections,
    without_abstract_heading,
    without_keywords_line,
)
from digest.readers.records import (
    NAME_SUFFIX,
    Parsed,
    Problem,
    Record,
    cased_in_list,
    excerpt,
    given_and_family,
    iso_date,
    missing_abstract,
    month_number,
    split_keywords,
)
from digest.readers.web_of_science import publication_date, web_of_science_text

if TYPE_CHECKING:
    from bibtexparser.model import Entry, ImplicitComment, ParsingFailedBlock, String

# Semantic Scholar's API writes its BibTeX's type as a Python list of publication types:
# "@['JournalArticle', 'Conference']{Ammar2018ConstructionOT,". The first is the type.
_LISTED = r"\['(\w+)'[^\]\n]*\]"
_ENTRY_START = re.compile(r"^[ \t]*@(?:[A-Za-z]+|" + _LISTED + r")[ \t]*[{(]", re.M)
_LISTED_TYPE = re.compile(r"^([ \t]*@)" + _LISTED, re.M)
_HEAD = 8192
# A brace group not opened by a command ("{BERT}", also inside a word, as the ACL Anthology
# protects one: "{C}ol{BERT}v2"; not "\emph{x}", nor "M{\"u}ller"'s inner accent, which
# the LaTeX cleaning reads). A command's argument is matched with it, and kept.
_PROTECTING_BRACES = re.compile(r"(\\[A-Za-z]+\s*)?(?<!\\)\{([^{}\\]*)\}")
# Braces around punctuation protect it wherever they are: Web of Science's "``physical{''}"
# and "{[}m/k]".
_BRACED_PUNCTUATION = re.compile(r"\{([^\w\s{}\\]+)\}")
# Fields with a Record field of their own, or that are bookkeeping, not metadata.
_OWN_FIELDS = frozenset(
    {"abstract", "abstractnote", "title", "author", "eprint", "doi", "url", "year", "month",
     "day", "date", "archiveprefix", "eprinttype", "primaryclass", "file", "urldate", "keywords",
     "author_keywords", "pmid", "pubmedid", "arxivid"}
)  # fmt: skip
# BibDesk's PubMed import writes the journal's abbreviation ("Plant J") as `journal` and its
# full name, MEDLINE's JT, as `journal-full`: the full name is the venue. Scopus types some
# conference papers @ARTICLE and gives them no `journal`, only `abbrev_source_title` ("Proc.
# Int. Conf. Digit. Econ. Inf. Syst., DEIS"): the venue, when nothing fuller is there.
_VENUE_FIELDS = ("journal-full", "journal", "journaltitle", "booktitle", "abbrev_source_title")
# What a `crossref` child does not take from its parent: what identifies the parent itself.
_NOT_INHERITED = frozenset(
    {"abstract", "abstractnote", "title", "author", "doi", "url", "eprint", "arxivid", "pmid",
     "pubmedid", "keywords", "author_keywords", "crossref", "file", "note", "annote", "isbn",
     "pages"}
)  # fmt: skip
_VALUE_MARKS = re.compile(r'(?<!\\)[{}"#]')
_KEYWORD_FIELDS = ("keywords", "author_keywords")
# HTML entities are left in values, LaTeX-escaped or not: "G\&ouml;ttingen", "Harvard&#039;s";
# this is the backslash before an escaped one.
_ESCAPED_ENTITY = re.compile(r"\\(?=&(?:#\d+|#[xX][0-9A-Fa-f]+|[A-Za-z]+\d*);)")
# A value that swallowed the next field for want of a comma: "{T}\n  abstract = {…}".
_SWALLOWED = re.compile(
    r"\A(\{.*\}|\".*\"|\w+)\s*\n\s*([A-Za-z][\w-]*)\s*=\s*(\{.*\}|\".*\"|\w+)\s*\Z", re.S
)
_ENTRY_IN_TEXT = re.compile(r"@\s*[A-Za-z]+\s*[{(]")
# An entry's opening, not @string's (a definition), @preamble's or @comment's; a field's
# name and its "=".
_ENTRY_OPENING = r"[ \t]*@(?!(?:string|preamble|comment)\b)[A-Za-z]+[ \t]*\{"
_FIELD_AHEAD = r"\s*[A-Za-z][\w-]*\s*="
# An entry that opens with a field instead of its key.
_KEYLESS_ENTRY = re.compile(rf"^({_ENTRY_OPENING})(?={_FIELD_AHEAD})", re.M | re.I)
_NO_KEY = "digest-no-key-"
# Web of Science keys each entry by its accession number: "WOS:000715171600003", "ISI:…" before.
_WEB_OF_SCIENCE_KEYS = ("WOS:", "ISI:")
# Its escaped "&" and the space or line break before it, where the entry was wrapped (from
# a run's first space only: a long run of them stays linear).
_ESCAPED_AMPERSAND = re.compile(r"(?<!\s)\s*+\\& ")
# An entry whose key has no comma after it, its first field on the next line
# ("@ARTICLE{2020arXiv200206071\n  author = {…}"), as entries copied by hand into READMEs
# and dataset cards have it.
_KEY_WITHOUT_COMMA = re.compile(
    rf"^({_ENTRY_OPENING}[ \t]*[^\s,{{}}=\"#%]+)(?=[ \t]*\r?\n{_FIELD_AHEAD})", re.M | re.I
)
# Fields of names: Ingenta Connect writes one `author` field for each author.
_NAME_FIELDS = frozenset({"author", "editor"})
# Elsevier's older BibTeX protects acronyms with escaped braces: "the \\{HST\\} \\{WFC3\\}
# instrument". A set ("\\{a, b\\}", "\\{x\\}") is left alone.
_ESCAPED_PROTECTION = re.compile(r"\\\{([A-Z][\w.-]*(?: [\w.-]+){0,3})\\\}")
# Paperpile escapes the braces of an arXiv abstract's LaTeX but not its backslashes:
# "$\textit\{Structured State Space\}$" is "$\textit{Structured State Space}$".
_ESCAPED_ARGUMENT = re.compile(r"(\\[A-Za-z]+)\\\{([^{}\\]*)\\\}")
_WRAPPED_AFTER_HYPHEN = re.compile(r"(?<=[^\W\d_]-)\n[ \t]+(?=[^\W\d_])")
_BARE_COMMA = re.compile(r",(?=\S)")
_NOTE_PMID = re.compile(r"\bPMID:\s*(\d{1,9})\b")
_JOURNAL_ARXIV = re.compile(r"\barXiv:\s*(\S+)", re.I)
# LaTeX left in an identifier: "10.1007/978-3-642-10745-0\_76" (Web of Science),
# ".../978-3-319-14218-0{\_}5" (Mendeley), "\url{https://...}" (Better BibTeX's @misc).
_ESCAPED_IN_TOKEN = re.compile(r"\{?\\([_%&#$~])\}?")
_URL_COMMAND = re.compile(r"\\url\s*\{([^{}]*)\}")
# A README's Markdown editor makes a link of an address pasted in a field:
# url = {[https://doi.org/10.1145/3600100.3623724](https://doi.org/10.1145/3600100.3623724)}.
_MARKDOWN_LINK = re.compile(r"\[[^\[\]]*\]\(([^()\s]+)\)")
# Mendeley wraps every escape and symbol in braces ("10{\\%}", "R{\\&}D", "{\\{}x{\\}}",
# "{\\textgreater}200", "{\\~{}}"), as OpenReview's older BibTeX does ("in {\\{}CNN{\\}}s"):
# the escapes are unwrapped, as Zotero writes them ("\\{x\\}"), the symbols written out.
_BRACED_ESCAPE = re.compile(r"\{(\\[&%$_#{}])\}")
# Its "{\^{}}" and "{\~{}}" are Zotero's "{\textasciicircum}" and "{\textasciitilde}".
_BRACED_RESERVED = re.compile(r"\{\\([\^~])\{\}\}")
_RESERVED_NAMES = {"^": "{\\textasciicircum}", "~": "{\\textasciitilde}"}
_TEXT_SYMBOLS = {
    "textless": "<", "textgreater": ">", "textdegree": "°", "textmu": "µ", "textpm": "±",
    "texttimes": "\u00d7", "textregistered": "®", "texttrademark": "™", "textcopyright": "©",
    "textquoteleft": "\u2018", "textquoteright": "\u2019", "textquotedblleft": "“",
    "textquotedblright": "”", "textbullet": "•", "textperiodcentered": "·",
    "textasciicircum": "^", "textunderscore": "_", "textbar": "|", "~": "~",
    "textasciitilde": "~", "textbackslash": "\\",
    # NASA ADS writes every character it knows a text command for so (pylatexenc's table).
    "texttwosuperior": "²", "textthreesuperior": "³", "textonesuperior": "¹",
    "textonehalf": "½", "textonequarter": "¼", "textthreequarters": "¾",
    "textellipsis": "…", "textsterling": "£", "texteuro": "€", "textyen": "¥",
    "textcent": "¢", "textsection": "§", "textparagraph": "¶", "textdiv": "÷",
    "textlnot": "¬", "textcelsius": "℃", "textohm": "Ω", "textperthousand": "‰",
    "textrightarrow": "→", "textleftarrow": "←", "textuparrow": "↑", "textdownarrow": "↓",
    "textdagger": "†", "textdaggerdbl": "‡", "guillemotleft": "«", "guillemotright": "»",
    "textquestiondown": "¿", "textexclamdown": "¡", "textordfeminine": "ª",
    "textordmasculine": "º", "textendash": "\u2013", "textemdash": "\u2014", "textnumero": "№",
}  # fmt: skip
# biblatex's quotation and emphasis wrappers, as Better BibLaTeX writes a quotation
# ("de \\mkbibquote{notion fonctionnelle}"; Better BibTeX "\\enquote{…}") and, by option,
# emphasis ("{\\mkbibemph{Physics}}"); csquotes' starred form is the inner quotation.
# "\\foreignquote{german}{…}" names the quotation's language first.
_BIBLATEX_WRAPPER = re.compile(
    r"\\(?:(?P<quote>enquote|mkbibquote|textquote)(?P<inner>\*?)"
    r"|(?:foreignquote|hyphenquote)(?P<foreign>\*?)\s*\{[A-Za-z-]*\}|mkbib(?:emph|italic|bold))"
    r"\s*\{(?P<text>[^{}]*)\}"
)
# TeX's tie, an unbreakable space; "\\~{n}" is an accent.
_TIE = re.compile(r"(?<!\\)~")
# NASA ADS escapes the characters TeX reserves as text: "\\~{}10\\^{}5" is "~10^5", and
# "$\\{$51$\\}$" the braces of "10^{51}"; its export since 2018 writes "~" as
# "\\raisebox{-0.5ex}\\textasciitilde" and "^" as "\\^" ("10\\^5": before a letter it
# would be an accent).
_ESCAPED_RESERVED = re.compile(
    r"\\([~^])\{\}|\$\\([{}])\$|\\raisebox\{-0\.5ex\}\\text(asciitilde)(?![A-Za-z])(?:\{\})?\s?"
    r"|\\(\^)(?=[-+\d(])"
)
# "\\ensuremath{x}" is math.
_ENSUREMATH = re.compile(r"\{?\\ensuremath\s*\{([^{}]*)\}\}?")
# NASA ADS names its journals with the AAS macros (journal = {\\apj}): aas_macros.sty.
_AAS_JOURNALS = {
    "aj": "Astronomical Journal", "actaa": "Acta Astronomica",
    "araa": "Annual Review of Astronomy and Astrophysics", "apj": "Astrophysical Journal",
    "apjl": "Astrophysical Journal Letters", "apjs": "Astrophysical Journal Supplement Series",
    "ao": "Applied Optics", "apss": "Astrophysics and Space Science",
    "aap": "Astronomy and Astrophysics", "aapr": "Astronomy and Astrophysics Review",
    "aaps": "Astronomy and Astrophysics Supplement Series", "azh": "Astronomicheskii Zhurnal",
    "baas": "Bulletin of the American Astronomical Society",
    "bac": "Bulletin of the Astronomical Institutes of Czechoslovakia",
    "caa": "Chinese Astronomy and Astrophysics",
    "cjaa": "Chinese Journal of Astronomy and Astrophysics",
    "icarus": "Icarus", "jcap": "Journal of Cosmology and Astroparticle Physics",
    "jrasc": "Journal of the Royal Astronomical Society of Canada",
    "memras": "Memoirs of the Royal Astronomical Society",
    "mnras": "Monthly Notices of the Royal Astronomical Society", "na": "New Astronomy",
    "nar": "New Astronomy Reviews", "pra": "Physical Review A", "prb": "Physical Review B",
    "prc": "Physical Review C", "prd": "Physical Review D", "pre": "Physical Review E",
    "prl": "Physical Review Letters",
    "pasa": "Publications of the Astronomical Society of Australia",
    "pasp": "Publications of the Astronomical Society of the Pacific",
    "pasj": "Publications of the Astronomical Society of Japan", "psj": "Planetary Science Journal",
    "qjras": "Quarterly Journal of the Royal Astronomical Society",
    "rmxaa": "Revista Mexicana de Astronomía y Astrofísica", "skytel": "Sky and Telescope",
    "solphys": "Solar Physics", "sovast": "Soviet Astronomy", "ssr": "Space Science Reviews",
    "zap": "Zeitschrift für Astrophysik", "nat": "Nature", "iaucirc": "IAU Circulars",
    "aplett": "Astrophysics Letters", "apspr": "Astrophysics Space Physics Research",
    "bain": "Bulletin of the Astronomical Institutes of the Netherlands",
    "fcp": "Fundamentals of Cosmic Physics", "gca": "Geochimica et Cosmochimica Acta",
    "grl": "Geophysical Research Letters", "jcp": "Journal of Chemical Physics",
    "jgr": "Journal of Geophysical Research",
    "jqsrt": "Journal of Quantitative Spectroscopy and Radiative Transfer",
    "memsai": "Memorie della Società Astronomica Italiana", "nphysa": "Nuclear Physics A",
    "physrep": "Physics Reports", "physscr": "Physica Scripta",
    "planss": "Planetary and Space Science",
    "procspie": "Proceedings of the SPIE",
}  # fmt: skip
# Zotero escapes a value that holds LaTeX source (an arXiv abstract's "\emph{x}", "$64\times
# 64$") as text: "{\textbackslash}emph\{x\}", "\$64{\textbackslash}times64\$". Where its
# backslash escape shows, every escape is undone in one pass, giving the LaTeX back to the
# loader's cleaning; elsewhere "\$5" stays a dollar, never math, except between two escaped
# dollars that hold TeX's own escapes, as an ACM abstract's "$19.0\%$" comes out: "\$19.0\%\$"
# (no space just inside them, as in the loader's inline math). Its braces left unescaped
# are then all its own (case protection, "{BERT}"), and go before the escaped ones come
# back: "\frac\{a\}\{b\}" and the set "\{1, 2\}" keep theirs.
_SOURCE_SYMBOLS = {"{\\textbackslash}": "\\", "{\\textasciitilde}": "~", "{\\textasciicircum}": "^"}
# Better BibTeX writes the same escapes as bare commands ("\textbackslash mathrm",
# "\textbraceleft +\textbraceright"): they are read as Zotero's.
_BARE_ESCAPE = re.compile(
    r"(?<!\{)(?<!\\raisebox\{-0\.5ex\})"  # not Zotero's "{\textbackslash}", nor NASA ADS's tilde
    r"\\text(backslash|braceleft|braceright|asciicircum|asciitilde)(?:\{\}|\s|(?![A-Za-z]))"
)
_AS_ZOTERO_WRITES = {
    "backslash": "{\\textbackslash}", "braceleft": "\\{", "braceright": "\\}",
    "asciicircum": "{\\textasciicircum}", "asciitilde": "{\\textasciitilde}",
}  # fmt: skip
# Better BibTeX puts each character it writes in math mode in braces: "j{$\rightarrow$}k".
_BRACED_MATH = re.compile(r"\{(\$[^${}]*(?:\{[^${}]*\}[^${}]*)*\$)\}")
_ESCAPED_SOURCE = re.compile("|".join(map(re.escape, _SOURCE_SYMBOLS)) + r"|\\([{}$%&#_])")
_ESCAPED_MATH = re.compile(r"\\\$(?!\s)([^$\n]{1,80}?)(?<![\s\\])\\\$")
_MATH_MARK = re.compile(r"\\[%&#_]|[\^_]")
_JOURNAL_MACRO = re.compile(r"\\([a-z]+)\s*")
_TEXT_SYMBOL = re.compile(r"\{\\(" + "|".join(map(re.escape, _TEXT_SYMBOLS)) + r")(?:\{\})?\}")
# The ACM Digital Library and Better BibTeX 7 write them bare: "speedups of 1.37\\texttimes{}"
# (the escapes among them are read as Zotero's before, NASA ADS's tilde too).
_BARE_SYMBOLS = [n for n in _TEXT_SYMBOLS if n.isalpha() and n[4:] not in _AS_ZOTERO_WRITES]
_BARE_TEXT_SYMBOL = re.compile(
    r"(?<!\{)\\(" + "|".join(_BARE_SYMBOLS) + r")(?:\{\}|\s|(?![A-Za-z]))"
)


def looks_like_bibtex(text: str) -> bool:
    """An `@type{` entry start on a line of its own, near the top. One only in a Markdown
    code block, under an abstract the text gives outside it, is a paper's README citing
    the paper ("**Abstract:** ..." and "```bibtex @article{...}```"): no BibTeX file."""
    head = text[:_HEAD]
    if _ENTRY_START.search(head) is None:
        return False
    if "```" not in head:
        return True
    outside = _CODE_BLOCK.sub("", head)
    return _ENTRY_START.search(outside) is not None or _ABSTRACT_LABEL.search(outside) is None


# A fenced code block of Markdown, to its closing fence (or the end of the text read).
_CODE_BLOCK = re.compile(r"^[ \t]*```[^\n]*\n(?:(?![ \t]*```).*\n)*(?:[ \t]*```.*$|.*\Z)", re.M)
# A line that opens with the label of an abstract: "**Abstract:** ...", "## Abstract".
_ABSTRACT_LABEL = re.compile(r"^[ \t>#*_]*abstract\b", re.I | re.M)


@contextmanager
def _quiet_bibtexparser() -> Iterator[None]:
    # bibtexparser logs each block it cannot read; those blocks come back as Problems, so
    # the log lines would only repeat them on the terminal.
    names = [n for n in logging.root.manager.loggerDict if n.startswith("bibtexparser")]
    loggers = [logging.getLogger(name) for name in names]
    were = [logger.disabled for logger in loggers]
    for logger in loggers:
        logger.disabled = True
    try:
        yield
    finally:
        for logger, was in zip(loggers, were, strict=True):
            logger.disabled = was


def parse_bibtex(text: str) -> Parsed:
    # Imported here: bibtexparser costs a tenth of a second to import, and most runs read
    # no BibTeX at all.
    from bibtexparser.entrypoint import parse_string

    with _quiet_bibtexparser():
        # No middlewares: values come as written ('{…}', '"…"', a macro, 'a # "b"') and
        # are evaluated here, the same way for entries bibtexparser refused.
        text = _LISTED_TYPE.sub(r"\1\2", text) if "@[" in text else text
        library = parse_string(_keyed(_quotes_in_braces(text)), parse_stack=[])
    records: list[Record] = []
    problems: list[Problem] = []
    entries: list[tuple[Entry, int]] = [(e, _line(e)) for e in library.entries]
    for block in library.failed_blocks:
        entry = _entry_despite(block)
        if entry is not None:
            entries.append((entry, _line(block)))
        else:
            problems.append(_failed(block))
    for comment in library.comments:
        problem = _lost_entry(comment)
        if problem is not None:
            problems.append(problem)
    macros = _macros(library.strings)
    fields = {id(entry): _fields(entry, macros) for entry, _ in entries}
    by_key = {entry.key.strip().casefold(): fields[id(entry)] for entry, _ in entries}
    for entry, line in sorted(entries, key=lambda item: item[1]):
        found = _record(entry, line, _inherited(fields[id(entry)], by_key))
        if isinstance(found, Record):
            records.append(found)
        else:
            problems.append(found)
    problems.sort(key=lambda p: p.line or 0)
    return Parsed(tuple(records), tuple(problems))


def _keyed(text: str) -> str:
    """The text with a stand-in key in each entry that has none, which bibtexparser cannot
    read: EndNote's "BibTeX Export" style and Ingenta Connect (the IET's library) open an
    entry with its first field ("@article{\n   author = {…},"); and with the comma after a
    key that lacks it, which bibtexparser reads as no entry at all."""
    if "@" not in text:
        return text
    count = itertools.count(1)
    text = _KEY_WITHOUT_COMMA.sub(r"\1,", text)
    return _KEYLESS_ENTRY.sub(lambda m: f"{m.group(1)}{_NO_KEY}{next(count)},", text)


# A field's value in double quotes, at the start of its line (as every exporter writes it).
_QUOTED_VALUE = re.compile(r'^[ \t]*[A-Za-z][\w-]*[ \t]*=[ \t]*(")', re.M)
_QUOTE_MARKS = re.compile(r'[{}"]|\n[ \t]*@')


def _quotes_in_braces(text: str) -> str:
    """The text with each double-quoted value that holds a double quote inside braces
    delimited by braces instead: NASA ADS writes `abstract = "{… writes: "Adrian … (MWC
    560), as …" …}"`, which is BibTeX, but bibtexparser ends the value at the inner quote
    and loses the entry. The value is the same either way; nothing moves."""
    if '"' not in text:
        return text
    chars: list[str] | None = None
    for value in _QUOTED_VALUE.finditer(text):
        end = _quoted_value_end(text, value.end(1))
        if end is not None:
            chars = chars or list(text)
            chars[value.start(1)], chars[end] = "{", "}"
    return "".join(chars) if chars else text


def _quoted_value_end(text: str, start: int) -> int | None:
    """Where the quoted value opened before `start` ends, if a quote inside braces comes
    first; None if it has none, or ends nowhere before the next entry."""
    depth, inner = 0, False
    for mark in _QUOTE_MARKS.finditer(text, start):
        char = mark.group(0)
        if char == "{":
            depth += 1
        elif char == "}":
            depth -= 1
            if depth < 0:
                return None
        elif char == '"':
            if depth == 0:
                return mark.start() if inner else None
            inner = True
        else:
            return None  # an entry starts: the value never closed
    return None


def _line(block: Entry | ParsingFailedBlock | ImplicitComment) -> int:
    return (block.start_line or 0) + 1  # bibtexparser counts from 0


def _entry_despite(block: ParsingFailedBlock) -> Entry | None:
    """The entry in a block that failed only for a repeated field or a key used twice, or
    only for its closing brace: an entry copied out of a README without its last line
    ("… abstract = { … }" and the end of the file, or the next "@article{")."""
    from bibtexparser.entrypoint import parse_string
    from bibtexparser.model import DuplicateBlockKeyBlock, DuplicateFieldKeyBlock, Entry

    if isinstance(block, DuplicateFieldKeyBlock | DuplicateBlockKeyBlock):
        entry = block.ignore_error_block
        return entry if isinstance(entry, Entry) else None
    raw = block.raw or ""
    if not raw.lstrip().startswith("@") or not _open_only_at_its_end(raw):
        return None
    closed = parse_string(raw.rstrip() + "\n}\n", parse_stack=[])
    if len(closed.entries) != 1 or closed.failed_blocks:
        return None
    [entry] = closed.entries
    return Entry(entry.entry_type, entry.key, entry.fields, block.start_line, raw)


# A field's name and "=" at the start of a line.
_FIELD_LINE = re.compile(r"\n[ \t]*[A-Za-z][\w-]*[ \t]*=")


def _open_only_at_its_end(raw: str) -> bool:
    """Whether an entry's one brace left open is its own: every field starts inside it and
    outside any value (a value left open takes the next field's line into it)."""
    depth, at = 0, 0
    for found in _FIELD_LINE.finditer(raw):
        depth += raw.count("{", at, found.start()) - raw.count("}", at, found.start())
        if depth != 1:
            return False
        at = found.start()
    return depth + raw.count("{", at) - raw.count("}", at) == 1


def _lost_entry(comment: object) -> Problem | None:
    """Text between entries that looks like an entry bibtexparser did not take as one."""
    from bibtexparser.model import ImplicitComment

    if not isinstance(comment, ImplicitComment):
        return None  # an explicit @Comment{…}: JabRef's groups, a note
    for offset, text in enumerate(comment.comment.split("\n")):
        found = _ENTRY_IN_TEXT.search(text)
        if found:
            reason = "text that looks like a BibTeX entry but could not be read"
            return Problem(
                _line(comment) + offset,
                f"{reason}; check its '@type{{key,' line",
                excerpt(text[found.start() :]),
            )
    return None


def _macros(strings: list[String]) -> dict[str, str]:
    """`@string` macros by name (any case), each evaluated with the ones defined before it."""
    macros: dict[str, str] = {}
    for string in strings:
        macros[string.key.strip().casefold()] = _evaluated(str(string.value), macros)
    return macros


def _evaluated(raw: str, macros: dict[str, str]) -> str:
    """A value as written, evaluated: '{…}' and '"…"' lose their delimiters, a macro name
    gives its `@string` value (an unknown one, 'aug', stays as it is), '#' joins the parts."""
    parts: list[str] = []
    start, depth, quoted = 0, 0, False
    for match in _VALUE_MARKS.finditer(raw):
        mark = match.group(0)
        if mark == "{":
            depth += 1
        elif mark == "}":
            depth = max(0, depth - 1)
        elif mark == '"' and depth == 0:
            quoted = not quoted
        elif mark == "#" and depth == 0 and not quoted:
            parts.append(raw[start : match.start()])
            start = match.end()
    parts.append(raw[start:])
    if len(parts) > 1 and not all(part.strip() for part in parts):
        return _unquote(raw)  # a '#' that joins nothing is text
    return "".join(_part(part.strip(), macros) for part in parts)


def _part(part: str, macros: dict[str, str]) -> str:
    if len(part) >= 2 and part[0] + part[-1] in ("{}", '""'):
        return part[1:-1]
    return macros.get(part.casefold(), part)


def _inherited(fields: dict[str, str], by_key: dict[str, dict[str, str]]) -> dict[str, str]:
    """An entry with `crossref` takes the fields it lacks (its venue, year, publisher…) from
    the entry it names; the parent's title is the child's book title. What identifies the
    parent itself (its abstract, DOI, authors…) is not inherited."""
    parent = by_key.get(fields.get("crossref", "").strip().casefold())
    if parent is None or parent is fields:
        return fields
    inherited = {k: v for k, v in parent.items() if k not in _NOT_INHERITED and k not in fields}
    if "title" in parent and not any(name in fields for name in _VENUE_FIELDS):
        inherited.setdefault("booktitle", parent["title"])
    return fields | inherited


def _fields(entry: Entry, macros: dict[str, str]) -> dict[str, str]:
    """Field names (lower case) and values; a repeated field keeps its longest value (its
    keywords all), and a field swallowed by the one before it is split off again."""
    values: dict[str, list[str]] = {}
    for field in entry.fields:
        key, value = field.key.lower().strip(), str(field.value).strip()
        maybe = "\n" in value and "=" in value and len(value) < 20_000  # the regex backtracks
        swallowed = _SWALLOWED.match(value) if maybe else None
        if swallowed:
            value = swallowed.group(1)
            values.setdefault(swallowed.group(2).lower(), []).append(
                _unwrapped(_evaluated(swallowed.group(3), macros))
            )
        # Web of Science (before 2020) wraps every value in two pairs: {{DEC}}, {{a; b}}.
        values.setdefault(key, []).append(_unwrapped(_evaluated(value, macros)))
    fields: dict[str, str] = {}
    for key, found in values.items():
        if key in _KEYWORD_FIELDS:
            fields[key] = "; ".join(v for v in found if v.strip())
        elif key in _NAME_FIELDS:
            fields[key] = " and ".join(dict.fromkeys(v.strip() for v in found if v.strip()))
        else:
            fields[key] = max(found, key=lambda v: len(v.strip()))
    return fields


def _unquote(value: str) -> str:
    value = value.strip()
    if len(value) >= 2 and value[0] + value[-1] in ("{}", '""'):
        return value[1:-1]
    return value


def _record(entry: Entry, line: int, fields: dict[str, str]) -> Record | Problem:
    key = entry.key.strip()
    if key.startswith(_NO_KEY):
        key = ""  # the paper's id comes from its abstract
    given = _abstract_field(fields)
    if given.lstrip().startswith(OPENING_TEXT):  # CNKI's record, made BibTeX (cnki2bib)
        return missing_abstract(
            line, OPENING_TEXT_ONLY, excerpt(_decoded(fields.get("title", key)))
        )
    # Web of Science puts inline HTML in titles and abstracts since 2023 ("discrete
    # <i>L</i>-algebras", "CO<sub>2</sub>"); commonmeta the JATS of Crossref's abstracts.
    abstract = inline_markup_to_text(_own_text(cnki_abstract(given), key))
    # A "Keywords: …" line copied in after the abstract (JabRef, from a publisher's page).
    abstract, keywords_line = without_keywords_line(abstract)
    abstract = unglued_sections(without_abstract_heading(structured_abstract(abstract).strip()))
    if not abstract.strip():
        entry_name = f"BibTeX entry '{key}'" if key else "a BibTeX entry without a key"
        reason = f"no abstract ({entry_name} has no 'abstract' field)"
        return Problem(line, reason, excerpt(_decoded(fields.get("title", key))))
    eprint = _identifier(fields.get("eprint", "")).strip()
    prefix = (fields.get("archiveprefix") or fields.get("eprinttype") or "arxiv").lower()
    venue = next((_venue(fields[name]) for name in _VENUE_FIELDS if fields.get(name)), "")
    from_journal = _JOURNAL_ARXIV.search(venue)  # Google Scholar: "arXiv preprint arXiv:…"
    arxiv = eprint if eprint and prefix == "arxiv" else None
    arxiv_id = _identifier(fields.get("arxivid"))
    if arxiv_id and (not arxiv or parse_arxiv_field(arxiv) is None):
        arxiv = arxiv_id  # Mendeley's eprint of an old-style id lost its archive: "0009418v1"
    pmid = _identifier(fields.get("pmid") or fields.get("pubmedid"))  # MDPI: PubMedID
    in_note = _NOTE_PMID.search(fields.get("note", ""))  # SAGE, T&F: note = {PMID: 22006061}
    pmid = pmid or (in_note.group(1) if in_note else "")
    pmid = pmid or (eprint if prefix == "pubmed" else "")
    in_key = _NOTE_PMID.fullmatch(key)  # Europe PMC keys each entry by it: "PMID:36788546"
    pmid = pmid or (in_key.group(1) if in_key else "")
    # Scopus writes the authors' keywords in author_keywords and its own index terms in
    # keywords ("Truck drivers" for a paper on MongoDB's drivers, "Plastic bottles" for one on
    # packaging applications): the authors' where there are any, as its CSV and text are read.
    keywords = (
        _keywords(fields.get("author_keywords", ""))
        or _keywords(fields.get("keywords", ""))
        or split_keywords(keywords_line)
    )
    metadata = [
        (name, _decoded(value))
        for name, value in sorted(fields.items())
        if name not in _OWN_FIELDS and value.strip()
    ]
    metadata.append(("bibtex type", entry.entry_type.lower()))
    url = _identifier(fields.get("url") or fields.get("adsurl")).replace("&amp;", "&")
    addresses = split_addresses(url)
    return Record(
        line=line,
        abstract=abstract,
        id=key or None,
        arxiv=arxiv or (from_journal.group(1) if from_journal else None),
        title=inline_markup_to_text(_own_text(fields["title"], key)) if "title" in fields else None,
        # World Scientific writes some journals' names in capitals ("CANDELLONE, ELENA").
        authors=tuple(map(_author_name, cased_in_list(_split_names(fields.get("author", ""))))),
        url=(addresses[0] if addresses else _url_in(fields.get("howpublished"))) or None,
        doi=_identifier(fields.get("doi")) or doi_in_addresses(addresses[1:]),
        date=fields.get("date")
        or _year_month(fields)
        or publication_date(fields.get("early access date", "")),
        pmid=pmid or None,
        venue=venue or None,
        keywords=tuple(_decoded(word) for word in keywords),
        metadata=tuple(metadata),
    )


def _keywords(value: str) -> tuple[str, ...]:
    """Keywords separated by ';' or ','; EndNote's BibTeX Export puts one on each line
    ("Models, Genetic\nRNA/*analysis"), where a wrapped line (Web of Science's) is indented.
    Better BibTeX joins Zotero's tags with bare commas, and a tag may hold a ';' ("C/N
    ratios; disturbance,land-use change"): more bare commas than semicolons, the commas
    separate. A Chinese record's full-width semicolons (cnki2bib's "肉瘤\uff1b诊断") are
    semicolons."""
    value = value.replace("\uff1b", ";")
    lines = value.strip().split("\n")
    if len(lines) > 1 and ";" not in value and not any(line[:1].isspace() for line in lines):
        return split_keywords(lines)
    if ";" in value and len(_BARE_COMMA.findall(value)) > value.count(";"):
        return split_keywords(value.split(","))
    return split_keywords(value)


def _abstract_field(fields: dict[str, str]) -> str:
    """The abstract; Open Journal Systems' "BibTeX" citation download (citeproc-js's BibTeX
    style) names it `abstractNote`, as Zotero names the field, with its HTML escaped
    ("&lt;p&gt;We present …&lt;/p&gt;")."""
    return fields.get("abstract") or fields.get("abstractnote", "")


def _venue(value: str) -> str:
    macro = _JOURNAL_MACRO.fullmatch(value.strip())
    if macro and macro.group(1) in _AAS_JOURNALS:
        return _AAS_JOURNALS[macro.group(1)]
    return _decoded(value)


def _identifier(value: str | None) -> str:
    """A DOI, URL or id without the LaTeX escapes some exporters put in it, or the Markdown
    link a README wraps it in."""
    linked = _MARKDOWN_LINK.fullmatch(value.strip()) if value else None
    value = linked.group(1) if linked else value
    if not value or ("\\" not in value and "{" not in value):
        return value or ""
    value = _URL_COMMAND.sub(r"\1", value)
    value = _ESCAPED_IN_TOKEN.sub(r"\1", value)
    return value.replace("{", "").replace("}", "")


def _url_in(value: str | None) -> str:
    """The address in `howpublished = {\\url{…}}`, where BibTeX styles without a url
    field want it."""
    found = _URL_COMMAND.search(value) if value else None
    return _identifier(found.group(1)) if found else ""


def _failed(block: ParsingFailedBlock) -> Problem:
    reason = "unreadable BibTeX entry (unbalanced braces or quotes?); fix it or remove it"
    return Problem(_line(block), reason, excerpt(block.raw or ""))


def _decoded(value: str) -> str:
    """A value without BibTeX's protecting braces and without leftover HTML entities."""
    value = _unwrapped(value)
    if "quote" in value or "\\mkbib" in value:
        value = _BIBLATEX_WRAPPER.sub(_unwrapped_biblatex, value)
    if "\\text" in value:
        value = _BARE_ESCAPE.sub(lambda m: _AS_ZOTERO_WRITES[m.group(1)], value)
    if "{$" in value:
        value = _BRACED_MATH.sub(r"\1", value)
    if "{\\" in value:
        value = _BRACED_ESCAPE.sub(r"\1", value)
        value = _BRACED_RESERVED.sub(lambda m: _RESERVED_NAMES[m.group(1)], value)
        # SpringerLink's escape of a backslash in a formula ("{\backslash}gamma") is Zotero's.
        value = value.replace("{\\backslash}", "{\\textbackslash}")
    source = "{\\textbackslash}" in value
    if source:
        value = _ESCAPED_SOURCE.sub(_unescaped, _unbrace(value))
    elif "\\$" in value:
        value = _ESCAPED_MATH.sub(_escaped_math, value)
    if "\\{" in value:
        value = _ESCAPED_ARGUMENT.sub(r"\1{\2}", value)
        value = _ESCAPED_PROTECTION.sub(r"\1", value)
    if "{\\" in value:
        value = _TEXT_SYMBOL.sub(lambda m: _TEXT_SYMBOLS[m.group(1)], value)
        value = FONT_SWITCH.sub(r"\1", value)  # "{\\it Planck}": NASA ADS
    if "\\text" in value or "\\guillemot" in value:
        value = _BARE_TEXT_SYMBOL.sub(lambda m: _TEXT_SYMBOLS[m.group(1)], value)
    if "{}" in value or "$\\" in value or "\\raisebox" in value or "\\^" in value:
        value = _ESCAPED_RESERVED.sub(_reserved, value)
    if "\\ensuremath" in value:
        value = _ENSUREMATH.sub(r"$\1$", value)
    if not source:  # the braces left are the LaTeX's own
        value = _unbrace(tex_accents(value))  # "{M{\\"u}ller}" is NASA ADS's protection
    if "&" in value:
        value = decode_entities(_ESCAPED_ENTITY.sub("", value))
    return value


def _unwrapped_biblatex(found: re.Match[str]) -> str:
    text = found.group("text")
    quote = found.group("inner") if found.group("quote") else found.group("foreign")
    if quote is None:  # emphasis
        return text
    return f"\u2018{text}\u2019" if quote else f"\u201c{text}\u201d"


def _reserved(found: re.Match[str]) -> str:
    return "~" if found.group(3) else found.group(1) or found.group(2) or found.group(4)


def _escaped_math(found: re.Match[str]) -> str:
    inner = found.group(1)
    return f"${inner}$" if _MATH_MARK.search(inner) else found.group(0)


def _unescaped(found: re.Match[str]) -> str:
    return found.group(1) or _SOURCE_SYMBOLS[found.group(0)]


# SpringerLink writes each formula of an abstract twice: its TeX between doubled escaped
# dollars, then the text its MathML shows ("{\$}{\$}X{\_}0{\$}{\$}X0").
_SPRINGER_FORMULA = re.compile(r"\{\\\$\}\{\\\$\}(.{1,200}?)\{\\\$\}\{\\\$\}")
_TEX_MARKUP = re.compile(r"\{\\[_^]\}|\\[A-Za-z]+|[{}\s_^]")


def _without_formula_twins(value: str) -> str:
    """The value without the text SpringerLink writes after each formula's TeX, where it is
    the formula's own letters and digits ("X0" after "X{\\_}0"): the formula shows once."""
    parts: list[str] = []
    start = 0
    for formula in _SPRINGER_FORMULA.finditer(value):
        shown, end = _TEX_MARKUP.sub("", formula.group(1)), formula.end()
        after = value[end + len(shown) : end + len(shown) + 1]
        if shown and value.startswith(shown, end) and not after.isalnum():
            parts.append(value[start:end])
            start = end + len(shown)
    return "".join(parts) + value[start:]


def _text(value: str) -> str:
    """A title or abstract: decoded, with TeX's dashes ("---", "1--10") as the dashes they
    typeset; the rest of its LaTeX is the loader's cleaning's. A hyphen that ends a line
    before an indented one is a hyphen the exporter wrapped after, as NASA ADS wraps its
    abstracts ("the multiple-\n        reflection"): a word's own, never a line-break
    hyphen to take out."""
    if "-\n" in value:
        value = _WRAPPED_AFTER_HYPHEN.sub("", value)
    if "{\\$}{\\$}" in value:
        value = _without_formula_twins(value)
    return tex_dashes(_decoded(value))


def _own_text(value: str, key: str) -> str:
    """A title or abstract as `_text` gives it; in Web of Science's entries (keyed by their
    accession number) a character it has no glyph for, written as an HTML entity with spaces
    around its escaped "&" ("T \\& uuml;rkiye"), is that character ("Türkiye")."""
    text = _text(value)
    if not key.startswith(_WEB_OF_SCIENCE_KEYS) or "\\& " not in text:
        return text
    return web_of_science_text(_ESCAPED_AMPERSAND.sub(" & ", text))


def _unwrapped(value: str) -> str:
    """A value inside one more pair of braces, as NASA ADS writes titles and abstracts
    ('"{The {\\"O}pik Law}"'), loses that pair; '{\\em x}' is markup and keeps it.

    Where each brace of the value's leading run closes is found in one pass: a scan of all
    that was left for each pair taken off was quadratic in the pairs (25,000 took 71 s)."""
    lead = len(value) - len(value.lstrip("{"))
    if not lead or not value.endswith("}"):
        return value
    closes = [len(value)] * lead  # where the leading run's i-th brace closes (never: the end)
    depth = unclosed = lead
    for index in range(lead, len(value)):
        depth += {"{": 1, "}": -1}.get(value[index], 0)
        if depth < unclosed:
            closes[depth] = index
            unclosed = depth
            if not unclosed:
                break
    start, end = 0, len(value)
    while end - start > 2 and value[start] == "{" and value[end - 1] == "}":
        if value[start + 1] == "\\" or closes[start] < end - 1:
            break  # '{A} and {B}': the first brace closes before the end
        start, end = start + 1, end - 1
    return value[start:end]


def _unbrace(value: str) -> str:
    if "{" not in value:
        return value
    value = _BRACED_PUNCTUATION.sub(r"\1", value)
    for _ in range(3):  # nested protection: {{BERT}}
        unbraced = _PROTECTING_BRACES.sub(_unprotected, value)
        if unbraced == value:
            break
        value = unbraced
    return value


def _unprotected(group: re.Match[str]) -> str:
    return group.group(0) if group.group(1) else group.group(2)


def _split_names(value: str) -> list[str]:
    """BibTeX separates names with ' and ' (any case), never inside braces; JAMA Network
    doubles it before a group ("… and Stolovitzky, Gustavo and and the DM DREAM Consortium")."""
    names: list[str] = []
    depth, start = 0, 0
    for match in re.finditer(r"[{}]|(?<!\s)\s+and(?:\s+and)*\s+", value, re.I):
        token = match.group(0)
        if token == "{":
            depth += 1
        elif token == "}":
            depth = max(0, depth - 1)
        elif depth == 0:
            names.append(value[start : match.start()])
            start = match.end()
    names.append(value[start:])
    return [" ".join(name.split()) for name in names if name.strip()]


def _author_name(name: str) -> str:
    """'Last, First' -> 'First Last'; BibLaTeX's extended form ('family=Heuvel,
    given=Charles, prefix=van den, useprefix=false', Better BibLaTeX's for a name with a
    particle) -> 'Charles van den Heuvel'; a generational suffix goes last, from BibTeX's own
    'King, Jr., Martin L.' and NASA ADS's '{Davidson}, J.~W., Jr.'; other forms as written."""
    if _EXTENDED_NAME.match(name):
        named = dict(_NAME_PART.findall(name))
        ordered = (named.get(key, "") for key in ("given", "prefix", "family", "suffix"))
        return _TIE.sub(" ", _decoded(" ".join(_unbrace(p) for p in ordered if p.strip())))
    name = _TIE.sub(" ", _decoded(name))  # NASA ADS: "{Green}, D.~W.~E."
    parts = [part.strip() for part in name.split(",")]
    if len(parts) == 2 and all(parts):
        return given_and_family(parts[1], parts[0])
    if len(parts) == 3 and all(parts) and NAME_SUFFIX.fullmatch(parts[1]):
        return f"{parts[2]} {parts[0]} {parts[1]}"
    if len(parts) == 3 and all(parts) and NAME_SUFFIX.fullmatch(parts[2]):
        return f"{parts[1]} {parts[0]} {parts[2]}"
    return name


# BibLaTeX's extended name format: key=value parts, a value braced when it holds a comma.
_EXTENDED_NAME = re.compile(r"(?:family|given|prefix|suffix)=", re.I)
# A name starts only where a word starts: from inside a long word, [a-z-]+ would rescan the
# rest of it at every letter (quadratic: 20,000 letters took 10 s).
_NAME_PART = re.compile(r"(?<![a-z-])([a-z-]++)=(\{[^{}]*\}|[^,]*)", re.I)


def _year_month(fields: dict[str, str]) -> str | None:
    """The year and month as the other readers date a paper, "2018-04", however the month
    is written, with the day Web of Science writes after it ("MAY 23": "2021-05-23") or
    Springer in a field of its own (day="26"); a month that is none ("Spring") stays in
    words before the year. An entry with no year has none here: Web of Science dates a
    record not yet in an issue only by its "Early Access Date" ("JUL 2020"), read by the
    caller as its plain-text EA is."""
    year = fields.get("year", "").strip()
    month = fields.get("month", "").strip()
    day = fields.get("day", "").strip()
    day_number = int(day) if day.isdigit() else 0
    if not year or year.lower() == "null":  # cnki2bib's year of a record CNKI gives none
        return None
    if year.isdigit():
        if month.isdigit() and 1 <= int(month) <= 12:
            return iso_date(year, int(month), day_number)  # Oxford Academic: month = {04}
        number = month_number(month)
        if number:
            return iso_date(year, number, day_number)
        dated = publication_date(month, year)  # Web of Science: Month = {{MAY 23}}, a day too
        if dated and dated != year:
            return dated
    return f"{month} {year}" if month else year
