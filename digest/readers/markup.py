"""Markup inside a field, turned into the text a reader sees: HTML fragments (old arXiv
feeds, Zotero notes) and JATS XML (Crossref abstracts, Lens and other RIS exports that
copied them).

Both are read with the standard library's HTMLParser, which expands no entities but the
standard ones: a field holds a fragment, not a document, and often a malformed one. It
reads almost any broken markup, but not quite all of it: on Python 3.11 a damaged `<![`
declaration raises AssertionError from _markupbase. MarkupParser reads that the way HTML5 (and
later Pythons) do, as a comment up to the next `>`; anything else the parser still
refuses becomes UnreadableMarkup, a ValueError the loader reports with the file's name.
"""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser
from typing import NamedTuple

from digest.cleaning import superscript_figures


class UnreadableMarkup(ValueError):
    """Markup the standard library's parser cannot read, whatever it is given to read."""


# The last end of a comment in a text (_markupbase's "--", spaces, ">"), and of a marked
# section (its "]]>", Office's "]>": either ends with a "]", spaces, ">").
_LAST_COMMENT_END = re.compile(r".*(--\s*>)", re.S)
_LAST_SECTION_END = re.compile(r".*(\]\s*>)", re.S)
# The marked sections _markupbase reads (any other name is a bogus comment).
_MARKED_SECTIONS = frozenset(
    {"temp", "cdata", "ignore", "include", "rcdata", "if", "else", "endif"}
)


class MarkupParser(HTMLParser):
    """HTMLParser that reads a damaged `<![` declaration (`<![ 12]>`, `<![foo[`, garbage
    after `<![`) as a bogus comment up to the next `>`, as HTML5 does, and the rest of the
    document after it; Python 3.11 raises AssertionError there. Well-formed marked
    sections (`<![CDATA[…]]>`, Office's `<![if …]>`) are read as before. Markup after the
    last ">" of the text, which nothing can end, is text, as before, but found so without
    a scan to the end of the text for each "<"."""

    # Past the document's last ">" (at its end: close()), where no tag, comment or
    # declaration can end: HTMLParser finds that out by scanning to the end for each "<"
    # (and again for a ">" to end it at), which made 50,000 unclosed `<li ` take minutes.
    _last_gt = 0
    _last_ends: dict[re.Pattern[str], int]  # where the text's last "-->" (...) starts

    def goahead(self, end: bool) -> None:
        self._last_gt = self.rawdata.rfind(">") if end else len(self.rawdata)
        self._last_ends = {}
        super().goahead(end)

    def _unclosed(self, i: int) -> int | None:
        """Where the text goes on, if the markup at `i` cannot end: then it is text up to
        the next "<", as HTMLParser makes of it at the end (but without its scans)."""
        if i < self._last_gt:
            return None
        end = self.rawdata.find("<", i + 1)
        end = i + 1 if end < 0 else end
        text = self.rawdata[i:end]
        self.handle_data(
            html.unescape(text) if self.convert_charrefs and not self.cdata_elem else text
        )
        return end

    def parse_starttag(self, i: int) -> int:
        unclosed = self._unclosed(i)
        return super().parse_starttag(i) if unclosed is None else unclosed

    def parse_endtag(self, i: int) -> int:
        unclosed = self._unclosed(i)
        return super().parse_endtag(i) if unclosed is None else unclosed

    def parse_comment(self, i: int, report: bool = True) -> int:
        unclosed = self._unclosed(i)
        if unclosed is not None:
            return unclosed
        # A "<!--" after the last "-->" is not closed: HTMLParser looked for its "-->" to
        # the end of the text, for each of 50,000 "<!--x>" in turn.
        return (
            -1 if self._ends_before(i + 4, _LAST_COMMENT_END) else super().parse_comment(i, report)
        )

    def _ends_before(self, i: int, last_end: re.Pattern[str]) -> bool:
        """Whether the text's last end of a comment (or of a marked section) starts before
        `i`: looked for once, from the end of the text."""
        if last_end not in self._last_ends:
            found = last_end.match(self.rawdata)
            self._last_ends[last_end] = found.start(1) if found else -1
        return self._last_ends[last_end] < i

    def parse_pi(self, i: int) -> int:
        unclosed = self._unclosed(i)
        return super().parse_pi(i) if unclosed is None else unclosed

    def parse_html_declaration(self, i: int) -> int:
        unclosed = self._unclosed(i)
        return super().parse_html_declaration(i) if unclosed is None else unclosed

    def parse_marked_section(self, i: int, report: bool = True) -> int:
        try:
            if not self._ends_before(i + 3, _LAST_SECTION_END):
                return super().parse_marked_section(i, report)
            # Unclosed, as _markupbase finds after looking for its end to the end of the text.
            name, end = self._scan_name(i + 3, i)  # type: ignore[attr-defined]
            if end < 0 or name in _MARKED_SECTIONS:
                return -1
            raise AssertionError(name)
        except AssertionError:
            return self.parse_bogus_comment(i, report)

    def read(self, text: str) -> None:
        """Feeds the whole of `text` and closes; UnreadableMarkup where the parser gives up."""
        try:
            self.feed(text)
            self.close()
        except AssertionError as error:  # _markupbase's way of saying "malformed"
            raise UnreadableMarkup(
                f"HTML or XML markup that cannot be read ({str(error)[:60]})"
            ) from None


_BLOCK_TAGS = frozenset({"p", "br", "div", "li", "tr", "sec", "list-item", "title", "label"})


class _TextOnly(MarkupParser):
    """Collects the text of an HTML fragment; script and style contents are not text."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._hidden = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("script", "style"):
            self._hidden += 1
        elif tag in ("p", "br", "div", "li"):
            self.parts.append(" ")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style"):
            self._hidden = max(0, self._hidden - 1)

    def handle_data(self, data: str) -> None:
        if not self._hidden:
            self.parts.append(data)


def html_to_text(fragment: str) -> str:
    """The text a reader sees in an HTML fragment (old arXiv feeds wrap abstracts in <p>)."""
    if "<" not in fragment:
        return html.unescape(fragment)
    parser = _TextOnly()
    parser.read(fragment)
    return " ".join("".join(parser.parts).split())


_HTML_BLOCKS = frozenset({"p", "br", "div", "li", "tr", "td", "h1", "h2", "h3", "h4", "h5", "h6"})


class _Blocks(_TextOnly):
    """The text of an HTML fragment cut where a block starts or ends: a feed's description
    puts its citation line, DOI line and abstract in separate paragraphs."""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        super().handle_starttag(tag, attrs)
        if tag in _HTML_BLOCKS:
            self.parts.append("\0")

    def handle_endtag(self, tag: str) -> None:
        super().handle_endtag(tag)
        if tag in _HTML_BLOCKS:
            self.parts.append("\0")


def html_blocks(fragment: str) -> list[str]:
    """The non-empty text of each block (paragraph, div, line) of an HTML fragment."""
    parser = _Blocks()
    parser.read(fragment)
    blocks = (" ".join(block.split()) for block in "".join(parser.parts).split("\0"))
    return [block for block in blocks if block]


# Tags that end a line of text; of these, the ones that open with a blank line (a heading
# opens a new item, and stays next to the lines under it, as in a mail's plain text).
_LINE_TAGS = frozenset(
    {"br", "div", "p", "li", "tr", "table", "tbody", "ul", "ol", "dt", "dd",
     "h1", "h2", "h3", "h4", "h5", "h6", "hr", "blockquote", "pre", "section", "article",
     "header", "footer", "center", "body"}
)  # fmt: skip
_PARAGRAPH_TAGS = frozenset({"p", "table", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "blockquote"})
_HIDDEN_TAGS = frozenset({"script", "style", "title", "template", "noscript"})
_CELL_TAGS = frozenset({"td", "th"})  # a table row is one line, as a browser copies it


class _Lines(MarkupParser):
    """The lines a reader sees in an HTML document (an e-mail's HTML part), the web address
    of each link in a line on a line of its own after it, as `<https://…>`: the way alert
    mails write links in their plain-text part. Nothing is fetched: images, scripts and
    styles are not text, and only http(s) addresses are kept."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.lines: list[str] = []
        self._line: list[str] = []
        self._links: list[str] = []  # the addresses of the links in the line so far
        self._hidden = 0
        self._href: str | None = None
        self._link_text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _HIDDEN_TAGS:
            self._hidden += 1
        elif tag == "a":
            href = (dict(attrs).get("href") or "").strip()
            self._href = href if href.lower().startswith(("https://", "http://")) else None
            self._link_text = []
        elif tag in _LINE_TAGS:
            self._end_line(blank=tag in _PARAGRAPH_TAGS)
        elif tag in _CELL_TAGS:
            self._line.append(" ")

    def handle_endtag(self, tag: str) -> None:
        if tag in _HIDDEN_TAGS:
            self._hidden = max(0, self._hidden - 1)
        elif tag == "a":
            text = " ".join("".join(self._link_text).split())
            if self._href and text and text != self._href:
                self._links.append(f"<{''.join(self._href.split())}>")
            self._href = None
        elif tag in _LINE_TAGS:
            self._end_line()

    def handle_data(self, data: str) -> None:
        if not self._hidden:
            self._line.append(data)
            if self._href is not None:
                self._link_text.append(data)

    def _end_line(self, blank: bool = False) -> None:
        line = " ".join("".join(self._line).split())
        self._line = []
        if line:
            self.lines.append(line)
        self.lines += self._links
        self._links = []
        if blank and self.lines and self.lines[-1]:
            self.lines.append("")

    def text(self) -> str:
        self._end_line()
        return "\n".join(self.lines).strip("\n") + "\n"


def html_to_lines(document: str) -> str:
    """The text of an HTML document as lines, links kept (see _Lines)."""
    parser = _Lines()
    parser.read(document)
    return parser.text()


class HtmlRow(NamedTuple):
    """A row of an HTML table: the line it starts on (1 for the table's first), whether it
    is a header row (its cells all <th>), and each cell's text."""

    line: int
    header: bool
    cells: tuple[str, ...]


# An attribute naming an arXiv id: a site's button carrying its paper (`data-arxiv-id=…`).
_ARXIV_ATTRIBUTE = re.compile(r"arxiv", re.I)
_ARXIV_ID_VALUE = re.compile(r"(?:\d{4}\.\d{4,5}|[a-z-]+(?:\.[A-Z]{2})?/\d{7})(?:v\d+)?")


class _TableRows(MarkupParser):
    """The rows of an HTML table written into a Markdown page (an arxiv-daily index, a
    model zoo's list), each cell as Markdown inline text: a web link as `[text](url)` (a
    link to the site's own pages as its text), a toggle's <summary> label left out (the
    cell holds what it hides), an arXiv id an element carries in an attribute as
    `arXiv:ID`. Nested tables' cells are read as text of the cell around them."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.rows: list[HtmlRow] = []
        self._row: list[str] | None = None
        self._row_line = 0
        self._header = True
        self._cell: list[str] | None = None
        self._hidden = 0  # inside a script, a style or a <summary>
        self._href: str | None = None
        self._link_text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _HIDDEN_TAGS or tag == "summary":
            self._hidden += 1
        elif tag == "tr":
            self._end_row()
            self._row, self._row_line, self._header = [], self.getpos()[0], True
        elif tag in _CELL_TAGS and self._row is not None:
            self._end_cell()
            self._cell = []
            self._header = self._header and tag == "th"
        elif tag == "a" and self._cell is not None:
            href = (dict(attrs).get("href") or "").strip()
            self._href = href if href.lower().startswith(("https://", "http://")) else None
            self._link_text = []
        elif tag in _LINE_TAGS and self._cell is not None:
            self._cell.append(" ")
        if self._cell is not None:
            for name, value in attrs:
                if value and _ARXIV_ATTRIBUTE.search(name) and _ARXIV_ID_VALUE.fullmatch(value):
                    self._cell.append(f" arXiv:{value} ")

    def handle_endtag(self, tag: str) -> None:
        if tag in _HIDDEN_TAGS or tag == "summary":
            self._hidden = max(0, self._hidden - 1)
        elif tag == "a" and self._href is not None and self._cell is not None:
            text = " ".join("".join(self._link_text).split())
            if text:
                self._cell.append(f"[{text}]({''.join(self._href.split())})")
            self._href = None
        elif tag in _CELL_TAGS:
            self._end_cell()
        elif tag in ("tr", "table"):
            self._end_row()

    def handle_data(self, data: str) -> None:
        if self._hidden or self._cell is None:
            return
        if self._href is not None:
            self._link_text.append(data)
        else:
            self._cell.append(data)

    def _end_cell(self) -> None:
        if self._cell is not None and self._row is not None:
            self._row.append(" ".join("".join(self._cell).split()))
        self._cell = None

    def _end_row(self) -> None:
        self._end_cell()
        if self._row:
            self.rows.append(HtmlRow(self._row_line, self._header, tuple(self._row)))
        self._row = None


def html_table_rows(table: str) -> list[HtmlRow]:
    """The rows of an HTML table (see _TableRows)."""
    parser = _TableRows()
    parser.read(table)
    parser._end_row()
    return parser.rows


_JATS_TAG = re.compile(r"<\s*/?\s*(?:jats:|mml:)?(?:p|sec|title|abstract|italic|bold|sup|sub|"
                       r"inline-formula|tex-math|list|list-item|label|sc)\b", re.I)  # fmt: skip


def looks_like_jats(text: str) -> bool:
    return "<" in text and _JATS_TAG.search(text) is not None


# The LaTeX document PubMed Central wraps every <tex-math> in, around the formula itself:
# "\documentclass[12pt]{minimal} \usepackage{amsmath} … \begin{document}$$R_0$$\end{document}",
# display math ($$) even where the formula is inline.
_TEX_DOCUMENT = re.compile(r"\\documentclass\b.*?\\begin\s*\{document\}|\\end\s*\{document\}", re.S)


# Left out with all they hold: scripts, and eLife's <object-id> (a DOI for the abstract).
_HIDDEN = frozenset({"script", "style", "object-id"})
# eLife's paragraph after an abstract: "DOI: http://dx.doi.org/10.7554/eLife.00051.001".
_DOI_PARAGRAPH = re.compile(r"\s*DOI:\s*(?:https?://(?:dx\.)?doi\.org/)?10\.\S+\s*", re.I)


def _tex_formula(tex: str) -> str:
    """A <tex-math>'s formula, out of PMC's document: inline math ("$R_0$"), which the
    loader's cleaning turns into text where it can. IEEE ends its formulas with a space
    inside the dollars ("$4.6\\times $"), which TeX ignores and inline math may not hold."""
    formula = _TEX_DOCUMENT.sub("", tex).strip()
    if len(formula) > 4 and formula.startswith("$$") and formula.endswith("$$"):
        return f"${formula[2:-2].strip()}$"
    if len(formula) > 2 and formula.startswith("$") and formula.endswith("$"):
        return f"${formula[1:-1].strip()}$"
    return formula


class _JatsText(MarkupParser):
    """The text of a JATS abstract. A section's title becomes a label ("Methods: …"); a
    lone "Abstract" heading is dropped; a formula keeps its TeX, not its MathML twin (its
    `mml:` prefix may come back as ElementTree's `ns0:`), and not the LaTeX document PMC
    wraps the TeX in, nor the spaces IEEE writes between an <inline-formula> and its
    <tex-math> ("0.18-<inline-formula> <tex-math>…" is "0.18-μm", not "0.18- μm"). A
    heading whose section holds no text goes too: Elsevier deposits a
    "Graphical abstract" section that holds only an image. eLife numbers its abstract with
    a DOI of its own: an `<object-id>` before it and a "DOI: http://dx.doi.org/…" paragraph
    after it, neither of them text of the abstract."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._title: list[str] | None = None
        self._heading: int | None = None  # where the last heading is in parts
        self._hidden = 0  # inside MathML next to a TeX alternative, or a script
        self._alternatives = 0
        self._tex: list[str] | None = None  # inside <tex-math>
        self._formula = 0  # inside <inline-formula>
        self._in_formula = 0  # inside an element of it (but <alternatives>): a formula's own
        self._paragraph: int | None = 0  # where the open paragraph starts in parts
        self._blank = 0  # how many parts at the front are known to hold no text
        self._sup: int | None = None  # where an open <sup> starts in the parts written to
        self._math: int | None = None  # where a shown MathML formula starts in the parts
        self._after_math = ""  # the last character of a formula just closed

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        name = tag.rsplit(":", 1)[-1]
        if self._formula and name not in ("inline-formula", "alternatives"):
            self._in_formula += 1
        if name == "alternatives":
            self._alternatives += 1
        elif (name == "math" and self._alternatives) or name in _HIDDEN:
            self._hidden += 1
        elif name == "math" and not self._hidden:
            self._math = len(self._target())
        elif name == "tex-math":
            self._tex = []
        elif name == "inline-formula":
            self._formula += 1
        elif name == "title" and self._title is None:
            self._title = []
        elif name == "sup":
            self._sup = len(self._target())
        elif name in _BLOCK_TAGS:
            self._out(" ")
            if name == "p":
                self._paragraph = len(self.parts)

    def handle_endtag(self, tag: str) -> None:
        name = tag.rsplit(":", 1)[-1]
        if self._in_formula and name not in ("inline-formula", "alternatives"):
            self._in_formula -= 1
        if name == "alternatives":
            self._alternatives = max(0, self._alternatives - 1)
        elif (name == "math" and self._alternatives) or name in _HIDDEN:
            self._hidden = max(0, self._hidden - 1)
        elif name == "math" and self._math is not None:
            start, self._math = self._math, None
            self._after_math = _spaced_formula(self._target(), start)
        elif name == "tex-math" and self._tex is not None:
            tex, self._tex = "".join(self._tex), None
            self._out(_tex_formula(tex))
        elif name == "inline-formula":
            self._formula = max(0, self._formula - 1)
        elif name == "title" and self._title is not None:
            title = " ".join("".join(self._title).split())
            self._title = None
            self._drop_empty_section()
            first = self._nothing_written()
            if title and not (first and title.rstrip(".: ").casefold() in _ABSTRACT_WORDS):
                self._heading = len(self.parts)
                self.parts.append(f" {title}{'' if title[-1] in '.:?!' else ':'} ")
        elif name == "sup" and self._sup is not None:
            start, self._sup = self._sup, None
            _superscript(self._target(), start)
            self._blank = min(self._blank, start)
        elif name == "sec":
            self._drop_empty_section()
            self._out(" ")
        elif name == "p":
            if self._paragraph is not None and _DOI_PARAGRAPH.fullmatch(
                "".join(self.parts[self._paragraph :])
            ):
                self._cut(self._paragraph)
            else:
                self._out(" ")
            # Closed: a "</p>" after it closes no paragraph, and a run of them (thousands
            # deep, or unbalanced) is not joined again for each.
            self._paragraph = None
        elif name in _BLOCK_TAGS:
            self._out(" ")

    def close(self) -> None:
        super().close()
        self._drop_empty_section()

    def _drop_empty_section(self) -> None:
        """The last heading goes if no text followed it."""
        if self._heading is not None and not "".join(self.parts[self._heading + 1 :]).strip():
            self._cut(self._heading)
        self._heading = None

    def _nothing_written(self) -> bool:
        """Whether no part holds text yet; the blank parts at the front are counted once,
        not joined again at each heading (thousands of sections were quadratic)."""
        while self._blank < len(self.parts) and not self.parts[self._blank].strip():
            self._blank += 1
        return self._blank == len(self.parts)

    def _cut(self, start: int) -> None:
        """The parts from `start` on are dropped."""
        del self.parts[start:]
        self._blank = min(self._blank, start)

    def handle_data(self, data: str) -> None:
        if self._hidden:
            return
        if self._tex is not None:
            self._tex.append(data)
        elif not (self._formula and not self._in_formula and data.isspace()):
            # A word glued to the formula before it ("P<0.01versus basal") is a word apart.
            if self._after_math in _FORMULA_ENDS and data[:1].isalpha():
                data = " " + data
            self._after_math = ""
            self._out(data)

    def _out(self, text: str) -> None:
        self._target().append(text)

    def _target(self) -> list[str]:
        return self._title if self._title is not None else self.parts


# A formula that ends so is a value or a bracket, not the first letters of a word's unit
# ("5<math>μ</math>m" stays "5μm").
_FORMULA_ENDS = frozenset("0123456789)]")


def _spaced_formula(parts: list[str], start: int) -> str:
    """A MathML formula shown as text, written from `start` on, set apart from the word
    before it: Hindawi's abstracts at Crossref glue it to the words around it
    ("corticosterone<mml:math>…(P<0.05)…</mml:math>and"), which read "corticosterone (P<0.05)
    and". Returns the formula's last character, for the word after it."""
    formula = "".join(parts[start:]).strip()
    if not formula:
        return ""
    before = next((parts[i] for i in range(start - 1, -1, -1) if parts[i]), "")
    if before[-1:].isalpha() and (formula[0] == "(" or formula[0].isalnum()):
        parts.insert(start, " ")
    return formula[-1]


def _superscript(parts: list[str], start: int) -> None:
    """The text written since `start` in superscript figures, when it is a number."""
    text = "".join(parts[start:])
    if (figures := superscript_figures(text)) != text:
        parts[start:] = [figures]


def jats_to_text(fragment: str) -> str:
    """Plain text from a JATS fragment ("<jats:p>We show…</jats:p>"); other text as it is."""
    if "<" not in fragment:
        return fragment
    parser = _JatsText()
    parser.read(fragment)
    return " ".join("".join(parser.parts).split())


# An abstract's own heading, in the languages journals write it in: SciELO's JATS heads
# the Spanish abstract "RESUMEN" and the English translation "ABSTRACT". ScienceDirect heads
# a book chapter's summary "Publisher Summary" ("Publisher Summary Infrastructure as a
# Service (IaaS) and …" in its BibTeX).
_ABSTRACT_WORDS = frozenset(
    {"abstract", "summary", "publisher summary", "resumen", "resumo", "résumé", "resume",
     "zusammenfassung", "riassunto", "streszczenie", "samenvatting", "sammanfattning",
     "abstrakt", "özet", "аннотация", "резюме", "摘要", "要旨"}
)  # fmt: skip
# A heading glued to the front of an abstract: "Abstract Eleven coupled models…" (Mendeley
# and Zotero keep the one publishers print; OpenAlex's index starts with it too), in any of
# those languages, capitalised or in capitals (_is_abstract_word). What
# sets it apart from the text, if anything: a colon or stop, a spaced dash, a line end; or
# nothing at all, glued to a capitalised word (PsycInfo through Zotero: "AbstractYouth with
# inflammatory bowel disease …").
_ABSTRACT_HEADING = re.compile(
    rf"\A(?P<word>(?i:{'|'.join(sorted(_ABSTRACT_WORDS, key=len, reverse=True))}))"
    r"(?:(?P<separator>\s*[:.]|\s+[-\u2013\u2014]|[ \t]*\n|(?=[A-Z][a-z]+\s))\s*|\s+)"
    r"(?=(?P<next>[A-Z][A-Za-z]*))"
)
# Fields and things whose names start with "Abstract" (or "Summary"), by the words after
# it: "Abstract Interpretation is a theory of …" opens with its subject, not with a heading.
# Whole names, where the word after "Abstract" often opens a sentence by itself ("Machine
# learning is …", "Data were …", "State-of-the-art …"): only the name keeps the heading word.
_TERMS_AFTER_HEADING = {
    "abstract": re.compile(
        r"(?:interpretations?|argumentation|algebra|expressionism|nonsense|polytopes?"
        r"|simplicial complex(?:es)?|dialectical frameworks?|rewriting systems?"
        r"|elementary class(?:es)?|meaning representations?|syntax(?: trees?)?"
        r"|data types?|state machines?)\b",
        re.I,
    ),
    "summary": re.compile(r"(?:statistics?|judgments?)\b", re.I),
}
# Words that open a sentence and are never the noun "abstract" qualifies ("we abstract a
# model" is the verb): after the heading, they start the abstract's first sentence.
_SENTENCE_OPENERS = frozenset({"a", "an", "the", "this", "these", "that", "those", "we", "our"})


def without_abstract_heading(text: str) -> str:
    """The abstract without an "Abstract" (or "Summary") heading glued to its first word.

    A heading set apart (by a colon, a stop, a spaced dash or a line end) or in capitals
    always goes. Glued to a capitalised word by a space only, "Abstract" may instead be the
    first word of what the abstract opens with: "Abstract Interpretation is …", "Abstract
    Meaning Representation (AMR) is …". It stays when it and the words after it name a
    known field or thing (_TERMS_AFTER_HEADING), when the text says "abstract <that word>"
    again further on (its own evidence that the two go together), or when it starts a
    capitalised run of words whose initials spell the acronym in brackets after it
    ("Abstract Syntax Trees (ASTs)"); an acronym spelled without the A ("Abstract Large
    Language Models (LLMs)") shows a heading."""
    heading = _ABSTRACT_HEADING.match(text)
    if heading is None or not _is_abstract_word(word := heading.group("word")):
        return text
    if heading.group("separator") is not None or word.isupper():
        return text[heading.end() :]
    term = _TERM.match(text, heading.end())
    if term:
        initials = word[0] + "".join(w[0] for w in term.group("words").split())
        acronym = term.group("acronym").upper()
        if initials.upper() in (acronym, acronym.removesuffix("S")):  # "ASTs"
            return text
        return text[heading.end() :]
    terms = _TERMS_AFTER_HEADING.get(word.casefold())
    if terms and terms.match(text, heading.end()):
        return text
    after = heading.group("next").casefold()
    if after not in _SENTENCE_OPENERS:
        again = re.compile(rf"\b{word}\s+{after}\b", re.I)
        if again.search(text, heading.end() + len(after)):
            return text
    return text[heading.end() :]


def _is_abstract_word(word: str) -> bool:
    """Whether a word is "Abstract" in one of the languages journals head abstracts in,
    capitalised or in capitals ("Resumo", "RESUMEN"); Crossref holds SciELO's abstracts with
    the heading glued to the text ("Resumo Neste trabalho …", "RESUMEN Objetivo: …")."""
    return (word.istitle() or word.isupper()) and word.casefold() in _ABSTRACT_WORDS


# Capitalised words, then an acronym in brackets: "Meaning Representation (AMR)".
_TERM = re.compile(r"(?P<words>(?:[A-Z][\w-]*\s+){0,5})\((?P<acronym>[A-Z][A-Za-z]{1,7})\)")


# A tag: its name, then anything up to its ">" ("<jats:p>", "<a href=…>"). One class after
# the first letter, so a long name with no ">" after it is scanned once, not once a letter.
_TAG = re.compile(r"</?[A-Za-z][^<>]*>")
# A whole character entity, ending in ';': "&amp;", "&#8211;", "&#x2013;", "&frac12;"; or
# one escaped twice, its '&' written "&amp;" ("&amp;#8725;").
_ENTITY = re.compile(r"&(?:amp;)?(?:[A-Za-z]+\d*|#\d+|#[xX][0-9A-Fa-f]+);")


def decode_entities(text: str) -> str:
    """Text with the character entities an exporter wrote for '&', '<' or a dash decoded
    ("Memory &amp; Cognition"), those escaped twice too (LILACS's "e&amp;#8725;ou" is
    "e\u2215ou"). Only whole entities ending in ';' are read, so "R&D" and "&notes" stay as
    written."""
    if "&" not in text:
        return text
    return _ENTITY.sub(lambda found: html.unescape(found.group().replace("&amp;", "&", 1)), text)


def markup_to_text(value: str) -> str:
    """A field's text without the JATS or HTML markup an export copied into it, an HTML
    section heading the label of its section; a field without tags (a '<' in "p < 0.05") as
    it is."""
    if "<" not in value or not _TAG.search(value):
        return value
    return (
        jats_to_text(value) if looks_like_jats(value) else html_to_text(_labelled_headings(value))
    )


# A section heading of an HTML abstract: Europe PMC's "<h4>Methods</h4>We …".
_HTML_HEADING = re.compile(r"<h[1-6][^<>]*>([^<]*)</h[1-6]>\s*", re.I)


def _labelled_headings(fragment: str) -> str:
    """An HTML fragment with each section heading the label of the text after it
    ("<h4>Methods</h4>We …" as " Methods: We …"), not glued to its first word."""
    return _HTML_HEADING.sub(_heading_label, fragment)


def _heading_label(match: re.Match[str]) -> str:
    label = match.group(1).strip().rstrip(":.")
    return f" {label}: " if label else " "


# A closing tag of the inline markup exports copy into a field: HTML's (Web of Science's
# "<i>L</i>", "CO<sub>2</sub>") or JATS's (IEEE's formulas, Crossref's "<jats:p>").
_INLINE_CLOSING = re.compile(
    r"</(?:jats:)?(?:i|b|em|strong|sub|sup|p|span|scp|inf|u|br|h[1-6]|italic|bold|tex-math"
    r"|inline-formula)"
    r"\s*>",
    re.I,
)


def inline_markup_to_text(value: str) -> str:
    """A field's text without inline HTML or JATS markup, when a closing tag shows the field
    holds some: "$a<b$ and $c>d$" is left alone."""
    return markup_to_text(value) if "</" in value and _INLINE_CLOSING.search(value) else value


def labelled_sections(sections: list[tuple[str, str]]) -> str:
    """A structured abstract as one text: "Background: … Methods: …" (unlabelled parts as
    they are)."""
    parts: list[str] = []
    for label, text in sections:
        text = " ".join(text.split())
        if not text:
            continue
        label = " ".join(label.split())
        if label:
            label = label[0].upper() + label[1:].lower() if label.isupper() else label
            parts.append(f"{label}{'' if label[-1] in '.:?!' else ':'} {text}")
        else:
            parts.append(text)
    return " ".join(parts)


# The headings of a structured abstract, as journals print them (Springer's and BMC's
# "Background", "Methods", "Results", "Conclusions"; the IMRaD words; trial and case reports).
_STRUCTURED_HEADINGS = (
    "Backgrounds?|Introduction|Context|Rationale|Purposes?|Aims?|Objectives?|Goals?|"
    "Background and [Oo]bjectives?|"
    "Methods?|Methodology|Materials and [Mm]ethods|Design|Settings?|Participants|Patients|"
    "Interventions?|Measurements|Main outcome measures|Results?|Findings|Discussion|"
    "Conclusions?|Interpretation|Limitations|Implications|Significance|Trial [Rr]egistration|"
    "Case presentation|Case description|Main text|Main body|"
    # Emerald's, after its Purpose and Findings
    "Design/methodology/approach|Research limitations/implications|"
    "Practical implications|Social implications|Originality/value|"
    # Springer's review journals ("Current … Reports"): Purpose of Review, Recent Findings,
    # Summary
    "Purpose of [Rr]eview|Recent [Ff]indings|Summary|"
    # European Radiology and its sister journals (Springer): a list of bullets after the
    # sections, and a sentence on what the study means for practice; Taylor & Francis's
    # (Annals of Medicine) "Key messages" after the abstract
    "Key [Pp]oints|Key [Mm]essages?|Clinical relevance statement|Critical relevance statement|"
    # Behavioral Ecology and Sociobiology's (Springer) and the Journal of Neuroscience's
    # paragraph for readers outside the field, after the abstract
    "Significance [Ss]tatement|"
    # Environmental Evidence (BMC): its systematic maps and their protocols
    "Review findings|Methods and outputs?|"
    # Bioinformatics (OUP), and bioRxiv's preprints written for it
    "Motivation|Availability and [Ii]mplementation|Availability|Supplementary [Ii]nformation|"
    # the Journal of Leukocyte Biology's one-sentence summary, closing a bioRxiv abstract
    "Summary sentence|"
    # medRxiv's preprints: a protocol's (BMJ Open's) and the closing notes, among them
    # the key to the authors' initials used in the text
    "Ethics (?:and|&) [Dd]issemination|Registration|Funding|Author name abbreviations|"
    # ClinicalTrials.gov's records, as Embase's CSV holds them: "Brief SummaryThis is a
    # prospective … 2 years.Detailed DescriptionThis multi-center …"
    "Brief [Ss]ummary|Detailed [Dd]escription"
)
# A heading glued to the first word of its section, as Dimensions takes Springer's
# abstracts: "BackgroundDespite treatment, … (RRMS).MethodThirteen participants …", or to
# the bullet of a list ("…therapy.Key points• A frequent …"), or with its colon, as early
# PubMed imports hold BMC's ("BACKGROUND:Picking … micrographs.RESULTS:We"). The word after it
# capitalised and no one-letter word but "A", so that a name such as "MethodsX" stays;
# (Not inside a word either: checked apart, since a lookbehind opening the pattern makes
# the search ~6x slower, and it runs on every abstract of a table.)
_GLUED_HEADING = re.compile(rf"(?P<label>{_STRUCTURED_HEADINGS}):?(?=[A-Z][A-Za-z0-9]|A\s|•)")
# Bioinformatics' "Contact" is glued to an address ("Contactsdaniele.r@unimib.it", bioRxiv),
# whose local part is at most 64 characters (so a run of "Contact" is not searched to its
# end). A pattern of its own, looked for only where the word is: as a branch of the one
# above it kept the engine from skipping to the letters a heading can start with, which
# made ungluing every abstract of a table 12x slower.
_GLUED_CONTACT = re.compile(r"(?P<label>Contacts?)(?=[\w.+-]{1,64}@)")
# A heading in capitals (the Lancet's, medRxiv: "BACKGROUNDAnalysis of … METHODSGermline
# …") only before a word in small letters, so that "DESIGNER" stays a word, but for the
# closing FUNDING, also before its funder's acronym ("FUNDINGNIH R01AG038797 …"): no word
# opens with it (an acronym of ten letters at most, so that a run of capitals is not
# searched to its end from each FUNDING in it). Looked for only in an abstract that one
# opens (its second letter a capital): trying these headings too at every capital of every
# abstract made ungluing a third slower.
_GLUED_CAPITAL_HEADING = re.compile(
    rf"(?P<label>{_STRUCTURED_HEADINGS.upper()}):?(?=[A-Z][a-z]|(?<=FUNDING)[A-Z]{{2,10}}\b)"
)
# A bullet of such a list, glued to the sentences on either side ("imaging.• The change").
# The spaces before it taken only from where their run starts: tried from every space of a
# long run, "\s*" rescanned the rest of it.
_BULLET = re.compile(r"(?:(?<!\s)\s*+)?•\s*")


def unglued_sections(abstract: str) -> str:
    """A structured abstract whose headings are glued to their sections' first words
    ("BackgroundWe … .MethodsThe …") as "Background: We … Methods: The …", as the other
    readers present structured abstracts; any other abstract stays as it is. It takes two
    such headings, or one opening the abstract or a paragraph of it (bioRxiv's "…B
    cell.\n\nSummary sentenceThe …"), or one of two words or more opening a sentence
    (Taylor & Francis's "…of dislocation.Key messagesThe present study …" in Scopus's CSV
    and PubMed), to be sure they are headings."""
    headings = list(_GLUED_HEADING.finditer(abstract))
    if "Contact" in abstract:
        headings += _GLUED_CONTACT.finditer(abstract)
    if abstract[1:2].isupper():
        headings += _GLUED_CAPITAL_HEADING.finditer(abstract)
    headings.sort(key=lambda heading: heading.start())
    found = [
        heading
        for heading in headings
        if heading.start() == 0 or not _in_word(abstract[heading.start() - 1])
    ]
    if not found or (len(found) < 2 and not _surely_a_heading(abstract, found[0])):
        return abstract
    sections = [("", abstract[: found[0].start()])]
    for heading, after in zip(found, [*found[1:], None], strict=True):
        end = after.start() if after else len(abstract)
        sections.append((heading.group("label"), _unbulleted(abstract[heading.end() : end])))
    return labelled_sections(sections)


def _surely_a_heading(abstract: str, heading: re.Match[str]) -> bool:
    """Whether a glued heading found alone is one: opening the abstract or a paragraph, or
    of two words or more, opening a sentence (a single word glued after a stop may be a
    name in code, "ask.MethodsThe")."""
    start = heading.start()
    if start == 0 or abstract.endswith("\n\n", 0, start):
        return True
    before = abstract[max(0, start - 2) : start].rstrip(" ")
    return " " in heading.group("label") and before[-1:] in (".", "?", "!")


# A heading run into its section's first word with only a space, as Lens's RIS and Zotero
# give Springer's and Elsevier's structured abstracts: "Background The Gambling Act 2003 … .
# Methods We …": at the start of the abstract, or after a sentence's end. Embase's CSV
# spaces a Springer heading's colon from it: "Purpose : The growing burden … Methods : We …";
# Web of Science parts Emerald's from it by a dash: "Purpose - The purpose of this paper …".
_RUN_IN_HEADING = re.compile(
    rf"(?:\A|(?<=[.?!] ))(?P<label>{_STRUCTURED_HEADINGS})(?: | : | [-\u2013] )"
    r"(?=[A-Z0-9][\w-]*\b(?!:))"
)


def run_in_sections(abstract: str) -> str:
    """A structured abstract whose headings are run into their sections with only a space
    ("Background The … . Methods We …") as "Background: The … Methods: We …", as the other
    readers present structured abstracts. It takes a heading opening the abstract and one
    more after a sentence's end to be sure they are headings ("Results show …" is a
    sentence; "Results Fifty-one percent …", at a section's start, is a heading)."""
    first = _RUN_IN_HEADING.match(abstract)
    if first is None:
        return abstract
    found = list(_RUN_IN_HEADING.finditer(abstract, first.end()))
    if not found:
        return abstract
    found.insert(0, first)
    sections = []
    for heading, after in zip(found, [*found[1:], None], strict=True):
        end = after.start() if after else len(abstract)
        sections.append((heading.group("label"), abstract[heading.end() : end].strip()))
    return labelled_sections(sections)


def _in_word(before: str) -> bool:
    """Whether a character before a heading makes it part of a word or a name in code
    ('PMethods', '_MethodCache')."""
    return before.isalnum() or before == "_"


def _unbulleted(text: str) -> str:
    """A section's list as sentences: each bullet a space after a finished sentence (or
    opening the section), and "; " after an unfinished item."""
    if "•" not in text:
        return text
    return _BULLET.sub(
        lambda bullet: "; " if bullet.start() and text[bullet.start() - 1] not in ".?!:;" else " ",
        text,
    )


# A heading of a structured abstract on a line of its own ("Background\nThere is…"): a few
# capitalised words, no stop; Emerald's joined by slashes ("Design/methodology/approach").
_SECTION_HEADING = re.compile(r"[A-Z][A-Za-z]*(?:[ /-][A-Za-z]+){0,3}:?")
# Headings that only say "here is the abstract" (or a video), with nothing to label.
BARE_HEADINGS = frozenset({"abstract", "summary", "graphical abstract", "video abstract"})


def structured_abstract(abstract: str) -> str:
    """A structured abstract with its headings on lines of their own becomes "Background: …
    Methods: …"; any other abstract stays as it is. A heading line must follow a finished
    sentence, so the short last line of a hard-wrapped paragraph is never taken for one.

    ScienceDirect's BibTeX writes them so, PeerJ's RIS (the headings indented on
    continuation lines of the AB field), and Zotero's RIS of an abstract it took from
    Crossref ("ABSTRACT", then each heading indented on a line of its own)."""
    if "\n" not in abstract:
        return abstract
    lines = [line.strip() for line in abstract.split("\n") if line.strip()]
    headings = {
        index
        for index, line in enumerate(lines[:-1])
        if len(line) < 40
        and _SECTION_HEADING.fullmatch(line)
        and (index == 0 or lines[index - 1][-1] in ".!?:)]" or _bare(lines[index - 1]))
    }
    labels = [i for i in headings if not _bare(lines[i])]
    if len(labels) < 2:
        return abstract
    sections: list[tuple[str, str]] = []
    label = ""
    for index, line in enumerate(lines):
        if index in headings:
            label = "" if index not in labels else line
        else:
            sections.append((label, line))
            label = ""
    return labelled_sections(sections)


def _bare(line: str) -> bool:
    """An "Abstract" heading with nothing to label: the one before the first real heading
    of a Crossref abstract (Zotero's "ABSTRACT", then "Background" on a line of its own)."""
    return line.rstrip(":").casefold() in BARE_HEADINGS


# A last line listing the paper's keywords, as a publisher's page prints them under the
# abstract and a reader copied them in with it ("…misled conclusions.\n\nKeywords: metrics,
# decision making, oddball"): on a line of its own, the abstract's end.
_KEYWORDS_LINE = re.compile(
    r"\n[ \t]*(?:key[ -]?words?|index terms)[ \t]*[:\uff1a][ \t]*(?P<words>[^\n]{1,500}?)"
    r"[ \t.;]*\Z",
    re.I,
)


def without_keywords_line(abstract: str) -> tuple[str, str]:
    """The abstract without a closing "Keywords: a, b, c" line, and that line's keywords
    ("" when there is none)."""
    found = _KEYWORDS_LINE.search(abstract.rstrip())
    if found is None or not abstract[: found.start()].strip():
        return abstract, ""
    return abstract[: found.start()].rstrip(), found.group("words")
