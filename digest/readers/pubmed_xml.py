"""PubMed XML (`<PubmedArticleSet>`), as PubMed's "Save > XML" and E-utilities' efetch write it,
MEDLINE XML (`<MedlineCitationSet>`), NLM's MEDLINE/PubMed baseline files before 2013, and
the `<ArticleSet>` a publisher sends PubMed (Open Journal Systems' "PubMed XML" export).

Each `<PubmedArticle>` (or `<PubmedBookArticle>`; in MEDLINE XML each `<MedlineCitation>`
of the set, without the PubmedData around it) is a record: `ArticleTitle`, the
`AbstractText` parts of `Abstract` (a structured abstract's `Label`s kept: "Background: …
Methods: …"), `AuthorList`, the journal's `Title`, `PubDate`, the PMID, the DOI from the
article's own `ArticleIdList` (not the cited references' lists) or its `ELocationID`, and
MeSH headings and keywords. Inline markup (`<i>TERT</i>`, `<sup>`) is text; a word in
`<i>` glued to its neighbours ("at the<i>TERT</i>gene", as 2017-2018 answers have it) is
spaced; a MathML formula is the symbols it shows, not efetch's layout of a symbol a line.
A book chapter's venue and date are its book's; the authors before 2005's DTD have
FirstName/MiddleName; a `DeleteCitation` is no record. In a publisher's ArticleSet each
`<Article>` is a record of its own shape: the journal's `JournalTitle` and `PubDate`, a
`VernacularTitle` where the article has no English `ArticleTitle`, an `Abstract` of plain
text (or of `AbstractText` parts), the DOI from its `ArticleIdList` or `ELocationID`.

Read with the standard library's ElementTree through defusedxml (xml_documents.py): the
format is plain XML, and Biopython's reader would be a large dependency for one format.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from xml.etree.ElementTree import Element

from digest.cleaning import superscript_figures
from digest.readers.markup import decode_entities, labelled_sections
from digest.readers.records import (
    Parsed,
    Problem,
    Record,
    excerpt,
    month_number,
    nlm_title,
    parsed_from,
)
from digest.readers.xml_documents import (
    RecordShape,
    all_text,
    opens_like_xml,
    parse_xml,
    prepare_xml,
    start_lines,
)

_ROOT = re.compile(
    r"<(?:PubmedArticleSet|PubmedArticle|PubmedBookArticle|MedlineCitationSet|ArticleSet)[\s>]"
)
_ARTICLE = re.compile(r"PubmedArticle|PubmedBookArticle")
_SHAPE = RecordShape(
    re.compile(r"<(?:PubmedArticle|PubmedBookArticle)[\s>]"),
    lambda tag, _depth: _ARTICLE.fullmatch(tag) is not None,
)
# MEDLINE XML: the set's MedlineCitations are the records (in PubMed XML each is a part of
# its PubmedArticle, so a file is read one way or the other, by its root).
_MEDLINE_SET = re.compile(r"<MedlineCitationSet[\s>]")
_CITATION = re.compile(r"MedlineCitation")
_MEDLINE_SHAPE = RecordShape(
    re.compile(r"<MedlineCitation[\s>]"),
    lambda tag, _depth: tag == "MedlineCitation",
)
# A publisher's ArticleSet: its Articles are the records, each one whole.
_ARTICLE_SET = re.compile(r"<ArticleSet[\s>]")
_SUBMITTED = re.compile(r"Article")
_SUBMITTED_SHAPE = RecordShape(
    re.compile(r"<Article[\s>]"),
    lambda tag, depth: tag == "Article" and depth == 1,
)
_ID_LISTS = ("PubmedData", "PubmedBookData", "BookDocument")
# Inline styles of PubMed's titles and abstracts that mark a word, not a part of one.
_STYLES = frozenset({"i", "b", "u"})
# A sub- or superscript belongs to what stands before it ("β<sub>2</sub>-agonist"): a line
# break before one is the layout of an indented efetch answer ("β\n\t\t<sub>2</sub>").
_SCRIPTS = frozenset({"sub", "sup"})
# The numbers of cited references a <sup> holds: more than one, in a list or a range.
_REFERENCE_MARKS = re.compile(r"\d+(?:\s*[,\u2013-]\s*\d+)+")
# MathML in an abstract (SPIE's, Frontiers'): efetch indents it, a symbol a line.
_MATHML = "{http://www.w3.org/1998/Math/MathML}"
_MATH_TOKENS = frozenset({"mi", "mn", "mo", "ms"})
# An accent over a symbol: the dot of a rate ("V\u0307O2max").
_MATH_DOTS = frozenset({".", "\u02d9", "\u0307"})


def looks_like_pubmed_xml(text: str) -> bool:
    return opens_like_xml(text) and _ROOT.search(text, 0, 4096) is not None


def parse_pubmed_xml(text: str) -> Parsed:
    text = prepare_xml(text)
    medline = _MEDLINE_SET.search(text, 0, 4096) is not None
    submitted = not medline and _ARTICLE_SET.search(text, 0, 4096) is not None
    shape, record = (_MEDLINE_SHAPE, _CITATION) if medline else (_SHAPE, _ARTICLE)
    if submitted:
        shape, record = _SUBMITTED_SHAPE, _SUBMITTED
    document = parse_xml(text, "PubMed export", shape)
    if isinstance(document, Problem):
        return Parsed((), (document,))
    if submitted:
        articles = [el for el in document.root if el.tag == "Article"]
    else:
        articles = [el for el in document.root.iter() if record.fullmatch(el.tag)]
    lines = document.lines_of(articles, lambda: start_lines(text, f"(?:{record.pattern})"))
    nothing = "MedlineCitation" if medline else "Article" if submitted else "PubmedArticle"
    problems = document.problems(bool(articles), f"PubMed XML without any {nothing}")
    read = _submitted_record if submitted else _record
    return parsed_from(map(read, articles, lines), problems)


def _record(article: Element, line: int) -> Record | Problem:
    citation = article if article.tag == "MedlineCitation" else article.find("MedlineCitation")
    if citation is None:
        citation = article.find("BookDocument")
    if citation is None:
        return Problem(line, "PubMed article without MedlineCitation or BookDocument")
    body = citation.find("Article")
    if body is None:
        body = citation  # a book document keeps its fields directly
    pmid = all_text(citation.find("PMID"))
    title = nlm_title(_text(body.find("ArticleTitle"))) or _text(body.find("VernacularTitle"))
    if not title:
        title = all_text(body.find("Book/BookTitle"))
    abstract = _abstract(body.find("Abstract"))
    if not abstract:
        other = [a for a in citation.findall("OtherAbstract") if a.get("Language", "eng") == "eng"]
        abstract = _abstract(other[0]) if other else ""
    if not abstract:
        reason = f"no abstract (PubMed article PMID {pmid or '?'} has none)"
        return Problem(line, reason, excerpt(title))
    journal = body.find("Journal")
    book = citation.find("Book")  # a book chapter's book: its title and date
    if journal is None and book is not None:
        date = _pub_date(book.find("PubDate"))
        venue = all_text(book.find("BookTitle"))
    else:
        date = _pub_date(journal.find("JournalIssue/PubDate") if journal is not None else None)
        venue = all_text(journal.find("Title")) if journal is not None else ""
    keywords = [
        all_text(d) for d in citation.iterfind("MeshHeadingList/MeshHeading/DescriptorName")
    ]
    keywords += [
        word for k in citation.iterfind("KeywordList/Keyword") for word in _keywords(all_text(k))
    ]
    # The record's own identifiers, never its cited references': a book's or chapter's DOI
    # is in its BookDocument's list, or an ELocationID of the book (PCORI's reports).
    ids = {
        a.get("IdType", ""): text
        for path in _ID_LISTS
        for a in article.iterfind(f"{path}/ArticleIdList/ArticleId")
        if (text := all_text(a))
    }
    locations = [*body.iterfind("ELocationID"), *citation.iterfind("Book/ELocationID")]
    doi = _doi(ids, locations)
    metadata = [("pmc", ids["pmc"])] if ids.get("pmc") else []
    return Record(
        line=line,
        abstract=abstract,
        title=title or None,
        authors=_authors(body.find("AuthorList")),
        doi=doi or None,
        date=date,
        pmid=pmid or None,
        venue=venue or None,
        keywords=tuple(k for k in keywords if k),
        metadata=tuple(metadata),
    )


def _submitted_record(article: Element, line: int) -> Record | Problem:
    title = nlm_title(_text(article.find("ArticleTitle"))) or _text(article.find("VernacularTitle"))
    abstract = _abstract(article.find("Abstract")) or _text(article.find("Abstract"))
    if not abstract:
        return Problem(line, "no abstract (the publisher's PubMed record has none)", excerpt(title))
    journal = article.find("Journal")
    ids = {a.get("IdType", ""): all_text(a) for a in article.iterfind("ArticleIdList/ArticleId")}
    doi = _doi(ids, article.iterfind("ELocationID"))
    keywords = [all_text(p) for p in article.iterfind("ObjectList/Object[@Type='keyword']/Param")]
    return Record(
        line=line,
        abstract=abstract,
        title=title or None,
        authors=_authors(article.find("AuthorList")),
        doi=doi or None,
        date=_pub_date(journal.find("PubDate") if journal is not None else None),
        pmid=ids.get("pubmed") or None,
        venue=all_text(journal.find("JournalTitle")) if journal is not None else None,
        keywords=tuple(k for k in keywords if k),
    )


def _doi(ids: dict[str, str], locations: Iterable[Element]) -> str:
    """The DOI of the article's ids, else of its ELocationIDs."""
    return ids.get("doi") or next((all_text(e) for e in locations if e.get("EIdType") == "doi"), "")


def _keywords(text: str) -> list[str]:
    """A <Keyword>'s keywords: one, but for a publisher's several, each closed by a full stop
    ("Infertilidad masculina.  Epigenética.  Nutrición.", Nutrición Hospitalaria's): a stop
    after a word in small letters, so that "U.S. Army." stays one."""
    parts = text.removesuffix(".").split(". ") if text.endswith(".") else []
    if len(parts) < 2 or not all(
        part[-2:].isalpha() and part[-2:].islower() for part in parts[:-1]
    ):
        return [text]
    return [part.strip() for part in parts]


def _abstract(element: Element | None) -> str:
    if element is None:
        return ""
    parts = [(text.get("Label", ""), _text(text)) for text in element.iterfind("AbstractText")]
    return labelled_sections(parts)


def _text(element: Element | None) -> str:
    """all_text, with a space where PubMed glued a word in <i>, <b> or <u> to its
    neighbours ("at the<i>TERT</i>gene" reads "at the TERT gene", "at<i>TERT</i>(r…" "at
    TERT (r…"); <sub> and <sup> stay glued ("r<sup>2</sup>" is "r²"), also where an
    indented answer broke the line before them. The HTML entities a publisher deposited,
    which PubMed escapes once more ("14&amp;nbsp;min", "p &amp;lt; 0.001"), are their
    characters."""
    if element is None:
        return ""
    return decode_entities(_glued_text(element).strip())


def _glued_text(element: Element) -> str:
    """Walked without recursion (a record may nest deeply); None marks a style's edge."""
    pieces: list[str | None] = []
    stack: list[tuple[Element, bool]] = [(element, False)]
    while stack:
        node, closing = stack.pop()
        edge = node is not element and node.tag in _STYLES
        if closing:
            pieces += [None, node.tail or ""] if edge else [node.tail or ""]
            continue
        if node.tag == f"{_MATHML}math":
            pieces.append(_formula(node))
            stack.append((node, True))
            continue
        if node is not element and node.tag in _SCRIPTS and isinstance(before := pieces[-1], str):
            stripped = before.rstrip()
            if "\n" in before[len(stripped) :]:
                pieces[-1] = stripped
        text = node.text or ""
        if node.tag == "sup" and not len(node):
            text = _superscript(text)
        pieces += [None, text] if edge else [text]
        if node is not element:
            stack.append((node, True))
        stack.extend((child, False) for child in reversed(node))
    text, at_edge = "", False
    for piece in pieces:
        if piece is None:
            at_edge = True
        elif piece:
            if at_edge and text[-1:].isalnum() and (piece[0].isalnum() or piece[0] == "("):
                text += " "
            text, at_edge = text + piece, False
    return text


def _formula(math: Element) -> str:
    """A MathML formula as the text it shows, without the layout between its symbols
    ("V . O 2 m a x" is "V\u0307O2max"): a superscript in superscript figures, a prescript
    before its symbol ("\u00b3He", not "He 3"), a dot accent over its symbol. Walked
    without recursion, children first."""
    shown: dict[int, str] = {}
    stack: list[tuple[Element, bool]] = [(math, False)]
    while stack:
        node, done = stack.pop()
        if not done:
            stack.append((node, True))
            stack.extend((child, False) for child in node)
            continue
        name = node.tag.removeprefix(_MATHML)
        parts = [shown.pop(id(child)) for child in node]
        if name in _MATH_TOKENS:
            text = "".join(node.itertext()).strip()
        elif name == "mtext":
            text = "".join(node.itertext())
        elif name == "msup" and len(parts) == 2:
            text = parts[0] + superscript_figures(parts[1])
        elif name == "mover" and len(parts) == 2 and parts[1] in _MATH_DOTS:
            text = parts[0] + "\u0307"
        elif name == "mmultiscripts" and parts:
            text = _multiscripts(node, parts)
        else:
            text = "".join(parts)
        shown[id(node)] = text
    return shown[id(math)]


def _multiscripts(node: Element, parts: list[str]) -> str:
    """An <mmultiscripts>: its symbol, then subscript and superscript pairs after it, then
    after <mprescripts/> the pairs before it ("\u00b3He")."""
    kinds = [child.tag.removeprefix(_MATHML) for child in node]
    cut = kinds.index("mprescripts") if "mprescripts" in kinds else len(parts)

    def scripts(pairs: list[str]) -> str:
        return "".join(
            sub + superscript_figures(sup)
            for sub, sup in zip(pairs[::2], pairs[1::2], strict=False)
        )

    return scripts(parts[cut + 1 :]) + parts[0] + scripts(parts[1:cut])


def _superscript(text: str) -> str:
    """A <sup>'s text: a number in superscript figures ("10<sup>-4</sup>" is "10⁻⁴", not
    "10-4"); Nature's citation marks ("repeat<sup>2-7</sup>", "<sup>8,9</sup>") left out."""
    return "" if _REFERENCE_MARKS.fullmatch(text.strip()) else superscript_figures(text)


def _authors(author_list: Element | None) -> tuple[str, ...]:
    if author_list is None:
        return ()
    names: list[str] = []
    for author in author_list.iterfind("Author"):
        if author.get("ValidYN") == "N":
            continue
        collective = all_text(author.find("CollectiveName"))
        # Before 2005 the DTD had FirstName and MiddleName where it now has ForeName.
        given = all_text(author.find("ForeName")) or " ".join(
            part
            for part in (all_text(author.find("FirstName")), all_text(author.find("MiddleName")))
            if part
        )
        given = given or all_text(author.find("Initials"))
        # "Lattin" "Grant" "Jr": "Grant Lattin Jr", as MEDLINE's "Lattin, Grant Jr" reads.
        last = " ".join(
            p for p in (all_text(author.find("LastName")), all_text(author.find("Suffix"))) if p
        )
        name = collective or f"{given} {last}".strip()
        if name:
            names.append(name)
    return tuple(names)


def _pub_date(date: Element | None) -> str | None:
    """ "2017-06-03", "2017-06", "1990" ("Spring" kept as written); MedlineDate as is."""
    if date is None:
        return None
    medline = all_text(date.find("MedlineDate"))
    year = all_text(date.find("Year"))
    if not year:
        return medline or None
    month = all_text(date.find("Month"))
    number = month_number(month[:3]) if month and not month.isdigit() else None
    month = f"{number:02d}" if number else month.zfill(2) if month.isdigit() else month
    day = all_text(date.find("Day"))
    season = all_text(date.find("Season"))
    if month and month.isdigit():
        return "-".join([year, month] + ([day.zfill(2)] if day.isdigit() else []))
    return " ".join(part for part in (season or month, year) if part)
