"""An article's web page saved from the browser (File > Save Page As, .html): an arXiv
abstract page, a PubMed page, a publisher's article page.

Nearly every scholarly site describes the article in its page's head with Highwire Press
tags, as Google Scholar's inclusion guidelines ask (`<meta name="citation_title">`,
`citation_author` once per author, `citation_doi`, `citation_arxiv_id`, `citation_pmid`,
`citation_publication_date`, `citation_journal_title`, `citation_keywords`,
`citation_abstract`), often with Dublin Core (`DC.Title`, `DC.Description`) and Open Graph
(`og:title`, `og:description`, `og:url`) ones. The abstract is taken from the best source
the page has: the abstract printed in the page's body (arXiv's `<blockquote
class="abstract">`, PubMed's `abstract-content`, Springer Nature's `data-title="Abstract"`
section, ScienceDirect's `abstract author` block, any element with role="doc-abstract"),
else `citation_abstract`, else a description that is whole; a description the site cut
with "…" only when nothing else is there.

One page is one record. A page of an article without an abstract is a record without one,
and says what to save instead; a saved page that is not one article's page (a search
result, a journal's issue, a listing) says what to do rather than making a paper of it (an
arXiv listing page is read by arxiv_list_pages, one paper per entry).

A page whose body is one `<pre>` is a text document the site showed in HTML (legacy
PubMed's "report=xml&format=text" display, an escaped PubmedArticle): its text, unescaped,
is what the page holds, read by the reader its content calls for (readers.FORMATS).

IEEE Xplore's page carries no citation_ tags: its article is read from the JSON object
its script assigns to `xplGlobal.document.metadata` (title, abstract, authors, DOI, date,
keywords), parsed as JSON and never run. ScienceDirect's page names no citation_author:
its authors are read from the body's `given-name` and `surname` spans.

Read with the standard library's HTMLParser (markup.MarkupParser): nothing is fetched, and no
entity is expanded beyond HTML's own.
"""

from __future__ import annotations

import html
import json
import re
from dataclasses import dataclass

from digest.readers.markup import (
    BARE_HEADINGS,
    MarkupParser,
    html_blocks,
    structured_abstract,
    without_abstract_heading,
    without_keywords_line,
)
from digest.readers.records import (
    Parsed,
    Problem,
    Record,
    date_or_year,
    first_name_first,
    missing_abstract,
    split_keywords,
)
from digest.readers.scholarly_json.values import list_of

# A document that opens as HTML (after a byte-order mark, blanks, comments and the
# "saved from" comment browsers write).
_OPENS_AS_HTML = re.compile(r"\ufeff?\s*(?:<!--.*?-->\s*)*(?:<!doctype\s+html|<html)", re.I | re.S)
_ARTICLE_META = re.compile(
    r"<meta\b[^>]*\b(?:name|property)\s*=\s*[\"']?(?:citation_|dc\.|prism\.)", re.I
)
_HEAD = 200_000


def looks_like_web_page(text: str) -> bool:
    """A saved web page: opens as an HTML document, or has `<html` and an article's
    citation_ (or Dublin Core) meta tags."""
    head = text[:_HEAD]
    if _OPENS_AS_HTML.match(head):
        return True
    return "<html" in head.lower() and _ARTICLE_META.search(head) is not None


# A page's body that opens with a preformatted text.
_PRE_BODY = re.compile(r"<body\b[^<>]*>\s*<pre\b[^<>]*>", re.I)


def preformatted_text(text: str) -> str | None:
    """The text of a saved page whose body is one `<pre>`, unescaped, its lines where they
    are in the file (blank lines stand for the page's head); None for any other page."""
    if not _OPENS_AS_HTML.match(text[:_HEAD]):
        return None
    body = _PRE_BODY.search(text)
    end = text.rfind("</pre>")
    if body is None or end < body.end() or not text[end + 6 :].lstrip().startswith("</body>"):
        return None
    inner = text[body.end() : end]
    if "<pre" in inner.lower():
        return None
    return "\n" * text.count("\n", 0, body.end()) + html.unescape(inner)


# Words in an element's class or id that mark it as the article's abstract, and words that
# mark a neighbour of it (a graphical abstract, highlights, a "show abstract" button).
_ABSTRACT_WORD = re.compile(r"abstract", re.I)
_NOT_THE_ABSTRACT = re.compile(
    r"highlight|graphic|visual|video|short|teaser|toggle|button|link|nav|title|heading|"
    r"keyword|menu|tab(?:s|list)?\b|trigger|preview|metrics|translation",
    re.I,
)
_HIDDEN = frozenset({"script", "style", "template", "noscript", "svg", "math", "button"})
_BLOCKS = frozenset(
    {"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "section", "dt", "dd", "tr"}
)
_VOID = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
     "track", "wbr"}
)  # fmt: skip
# A citation's number set in superscript ("disruption<sup>1,2</sup>"): no part of the text.
_REFERENCE_MARK = re.compile(r"[\d,\s\u2013-]+")


# How many abstract elements nested in one another are read as candidates, the innermost
# ones (PubMed nests two): each one's text holds the text of those inside it, so a damaged
# page of thousands nested would be read in time and memory growing as their square.
_NESTED_ABSTRACTS = 8


@dataclass(frozen=True)
class _Open:
    tag: str
    abstract: bool
    start: int  # where its text starts in the page's list of open text


class _Page(MarkupParser):
    """The meta tags, canonical link and title of a page, and the text of each element the
    page marks as its abstract (innermost first: PubMed's outer `#abstract` holds its
    keywords too)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.meta: list[tuple[str, str]] = []
        self.canonical = ""
        self.title_parts: list[str] = []
        self.abstracts: list[str] = []
        self._stack: list[_Open] = []  # open abstract elements and the elements inside them
        # The text of the open elements, in order: an element's text is what follows its
        # start, so closing one joins only its own text, and only if it is an abstract.
        self._open_text: list[str] = []
        # For each open element, how many abstract elements its closed ones nest at most.
        self._nesting: list[int] = []
        self._depths: dict[str, list[int]] = {}  # a tag's open elements, by their index
        self._hidden = 0
        self._in_title = False
        self._in_sup = False
        self._sup: list[str] = []
        # ScienceDirect's author list, its names only in the body's spans: (class, text).
        self.name_parts: list[tuple[str, str]] = []
        self._name: tuple[str, list[str]] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        if tag == "meta":
            name = (values.get("name") or values.get("property") or "").strip().lower()
            if name and "content" in values:
                self.meta.append((name, values["content"]))
            return
        if tag == "link":
            if "canonical" in values.get("rel", "").lower().split() and not self.canonical:
                self.canonical = values.get("href", "").strip()
            return
        if tag in _VOID:
            if tag == "br":
                self._text("\n")
            return
        if tag == "span" and not self._stack and self._name is None:
            part = _NAME_PART.search(values.get("class", ""))
            if part:
                self._name = (part.group(0).casefold(), [])
        if tag in _HIDDEN:
            self._hidden += 1
        elif tag == "title" and not self._stack:
            self._in_title = True
        elif tag == "sup":
            self._in_sup, self._sup = True, []
        if tag in _BLOCKS:
            self._text("\n")
        abstract = _marks_abstract(values)
        if self._stack or abstract:
            self._depths.setdefault(tag, []).append(len(self._stack))
            self._stack.append(_Open(tag, abstract, len(self._open_text)))
            self._nesting.append(0)

    def handle_endtag(self, tag: str) -> None:
        if tag == "span" and self._name is not None:
            kind, parts = self._name
            self.name_parts.append((kind, " ".join("".join(parts).split())))
            self._name = None
        if tag in _HIDDEN:
            self._hidden = max(0, self._hidden - 1)
        elif tag == "title":
            self._in_title = False
        elif tag == "sup" and self._in_sup:
            self._in_sup = False
            mark = "".join(self._sup)
            if not _REFERENCE_MARK.fullmatch(mark):
                self._text(mark)
        if tag in _BLOCKS:
            self._text("\n")
        # Close up to the innermost open element of this name (HTML leaves some unclosed).
        open_ones = self._depths.get(tag)
        if open_ones:
            self._close_from(open_ones[-1])

    def handle_data(self, data: str) -> None:
        if self._name is not None:  # in a <button> on some of ScienceDirect's pages
            self._name[1].append(data)
        if self._hidden:
            return
        if self._in_title:
            self.title_parts.append(data)
        elif self._in_sup:
            self._sup.append(data)
        else:
            self._text(data)

    def close(self) -> None:
        super().close()
        self._close_from(0)

    def _text(self, data: str) -> None:
        if self._stack and not self._hidden:
            self._open_text.append(data)

    def _close_from(self, index: int) -> None:
        """Closes the open elements from `index` on, innermost first; their text stays part
        of the element around them."""
        while len(self._stack) > index:
            element = self._stack.pop()
            self._depths[element.tag].pop()
            nesting = self._nesting.pop() + element.abstract
            if element.abstract and nesting <= _NESTED_ABSTRACTS:
                self.abstracts.append("".join(self._open_text[element.start :]))
            if self._nesting:
                self._nesting[-1] = max(self._nesting[-1], nesting)
        if not self._stack:
            self._open_text.clear()


# The classes of ScienceDirect's author names ("given-name", "text surname"), as Elsevier's
# own XML names their parts (ce:given-name, ce:surname).
_NAME_PART = re.compile(r"(?<![\w-])(?:given-name|surname)(?![\w-])", re.I)


def _names_in_body(parts: list[tuple[str, str]]) -> tuple[str, ...]:
    """The authors a page's body lists as given-name and surname spans, in order."""
    names: list[str] = []
    given = ""
    for kind, text in parts:
        if kind == "given-name":
            given = text
        elif text:
            names.append(f"{given} {text}".strip())
            given = ""
    return tuple(dict.fromkeys(names))


def _marks_abstract(values: dict[str, str]) -> bool:
    """An element the page marks as its abstract: role="doc-abstract", Springer Nature's
    data-title="Abstract", or "abstract" in its class or id (and no word of a neighbour)."""
    if values.get("role", "").lower() == "doc-abstract":
        return True
    if values.get("data-title", "").strip().lower() == "abstract":
        return True
    words = f"{values.get('class', '')} {values.get('id', '')}"
    return _ABSTRACT_WORD.search(words) is not None and not _NOT_THE_ABSTRACT.search(words)


def _body_abstract(abstracts: list[str]) -> str:
    """The first abstract the page's body prints that reads as one (PubMed's page also holds
    the abstract in its other languages, after it)."""
    for text in abstracts:
        abstract = _abstract_text(text)
        if len(abstract.split()) >= _MIN_WORDS:
            return abstract
    return ""


def _abstract_text(text: str) -> str:
    """An abstract's text from its lines: an "Abstract" heading dropped, a structured
    abstract's headings kept as "Background: …", a closing keywords line dropped."""
    lines = [" ".join(line.split()) for line in text.split("\n")]
    lines = [line for line in lines if line]
    while lines and lines[0].rstrip(":").casefold() in BARE_HEADINGS:
        lines = lines[1:]
    if not lines:
        return ""
    joined = without_keywords_line("\n".join(lines))[0]
    structured = structured_abstract(joined)
    return without_abstract_heading(" ".join(structured.split()))


_MIN_WORDS = 15
_CUT = ("…", "...", "\u22ef")
_HTML_TAG = re.compile(r"</?[a-z][a-z0-9]*\b[^<>]*>", re.I)


def _field_text(value: str) -> str:
    """A meta tag's text: bioRxiv's citation_abstract holds HTML ("<h3>ABSTRACT</h3><p>…")."""
    if "<" in value and _HTML_TAG.search(value):
        return _abstract_text("\n".join(html_blocks(value)))
    return _abstract_text(value)


def _best_abstract(page: _Page, meta: dict[str, list[str]]) -> str:
    body = _body_abstract(page.abstracts)
    given = max((_field_text(v) for v in meta.get("citation_abstract", [])), key=len, default="")
    if body and len(body) >= 0.7 * len(given):
        return body
    if len(given.split()) >= _MIN_WORDS:
        return given
    descriptions = [
        _field_text(value)
        for name in ("dc.description", "dcterms.abstract", "og:description", "description",
                     "twitter:description", "dcterms.description")
        for value in meta.get(name, [])
    ]  # fmt: skip
    whole = [d for d in descriptions if len(d.split()) >= _MIN_WORDS and not d.endswith(_CUT)]
    cut = [d for d in descriptions if len(d.split()) >= _MIN_WORDS and d.endswith(_CUT)]
    return max(whole, key=len, default="") or max(cut, key=len, default="") or given or body


def _first(meta: dict[str, list[str]], *names: str) -> str | None:
    for name in names:
        for value in meta.get(name, []):
            if value.strip():
                return " ".join(value.split())
    return None


def _authors(meta: dict[str, list[str]]) -> tuple[str, ...]:
    """The page's authors, each first name first: Google Scholar's guidelines let a
    citation_author be written surname first, as arXiv's pages write it ("Vaswani, Ashish"
    is Ashish Vaswani)."""
    for name in ("citation_author", "dc.creator", "dc.contributor", "citation_authors"):
        values = [" ".join(v.split()) for v in meta.get(name, []) if v.strip()]
        if name == "citation_authors" and values:
            values = [a.strip() for v in values for a in v.split(";") if a.strip()]
        if values:
            return tuple(map(first_name_first, values))
    return ()


_DOI_IN_TEXT = re.compile(r"\b10\.\d{4,9}/\S")


def _doi(meta: dict[str, list[str]]) -> str | None:
    found = _first(meta, "citation_doi", "prism.doi", "bepress_citation_doi")
    if found:
        return found
    for name in ("dc.identifier", "dcterms.identifier"):
        for value in meta.get(name, []):
            if _DOI_IN_TEXT.search(value):
                return value.strip()
    return None


# IEEE Xplore's article page has no citation_ tags: the article is described only by the
# object its script assigns ("xplGlobal.document.metadata={"title":…,"abstract":…};"),
# which its page scripts then render. Read as JSON, never run.
_XPLORE_NAME = "xplGlobal.document.metadata"
_XPLORE_METADATA = re.compile(r"\b" + re.escape(_XPLORE_NAME) + r"\s*=\s*(?=\{)")


def _xplore_tags(text: str) -> dict[str, list[str]]:
    """IEEE Xplore's metadata object as the citation_ tags other pages carry."""
    # Searched from the name's first place: a pattern led by \b is tried at every position
    # (40 times slower over a page than finding the name), and \b still sees the character
    # before where the search starts.
    start = text.find(_XPLORE_NAME)
    found = _XPLORE_METADATA.search(text, start) if start >= 0 else None
    if found is None:
        return {}
    try:
        value, _ = json.JSONDecoder().raw_decode(text, found.end())
    except (ValueError, RecursionError):  # the decoder recurses once per level of nesting
        return {}
    if not isinstance(value, dict):
        return {}
    tags: dict[str, list[str]] = {}

    def add(name: str, *values: object) -> None:
        texts = [" ".join(v.split()) for v in values if isinstance(v, str) and v.strip()]
        if texts:
            tags[name] = texts

    add("citation_title", value.get("title") or value.get("formulaStrippedArticleTitle"))
    add("citation_abstract", value.get("abstract"))
    add("citation_doi", value.get("doi"))
    add("citation_journal_title", value.get("publicationTitle"))
    people = value.get("authors")
    if isinstance(people, list):
        add("citation_author", *(p.get("name") for p in people if isinstance(p, dict)))
    date, year = value.get("publicationDate"), value.get("publicationYear")
    if isinstance(date, str) or isinstance(year, str | int):
        add("citation_publication_date", date_or_year(str(date or ""), str(year or "")))
    # Its authors' own keywords first, then IEEE's index terms, as the API's answer is read.
    groups = [g for g in list_of(value.get("keywords")) if isinstance(g, dict)]
    groups.sort(key=lambda group: str(group.get("type", "")).casefold() != "author keywords")
    add(
        "citation_keywords",
        *dict.fromkeys(k for g in groups for k in list_of(g.get("kwd")) if isinstance(k, str)),
    )
    number = value.get("articleNumber")
    if isinstance(number, str) and number.isdigit():
        add("citation_abstract_html_url", f"https://ieeexplore.ieee.org/document/{number}/")
    return tags


_NOT_AN_ARTICLE = (
    "a saved web page that is not one article's page (no citation_title or DOI in its "
    "head): save the page of the article itself (its abstract page), or export the "
    "results from the site as RIS, BibTeX or MEDLINE"
)
_LISTING = (
    "a saved web page that lists {count} articles: digest reads one article per page; "
    "export the list from the site as RIS, BibTeX or MEDLINE, or save each article's page"
)
_NO_ABSTRACT = (
    "the saved page shows no abstract: save the page of the article itself (its abstract "
    "page), or export its citation with the abstract (RIS or BibTeX) from the site"
)


def parse_web_page(text: str) -> Parsed:
    page = _Page()
    page.read(text)
    meta: dict[str, list[str]] = {}
    for name, value in page.meta:
        meta.setdefault(name, []).append(value)
    for name, values in _xplore_tags(text).items():
        meta.setdefault(name, values)
    titles = {" ".join(t.split()).casefold() for t in meta.get("citation_title", []) if t.strip()}
    if len(titles) > 1:
        return Parsed(problems=(Problem(None, _LISTING.format(count=len(titles))),))
    title = _first(meta, "citation_title", "dc.title", "dcterms.title", "prism.title")
    doi = _doi(meta)
    arxiv = _first(meta, "citation_arxiv_id")
    pmid = _first(meta, "citation_pmid")
    if not (title or doi or arxiv or pmid):
        return Parsed(problems=(Problem(None, _NOT_AN_ARTICLE),))
    if not title:
        title = _first(meta, "og:title", "twitter:title") or " ".join(
            "".join(page.title_parts).split()
        )
    url = _first(meta, "citation_abstract_html_url", "og:url") or page.canonical.strip() or None
    if url and not url.lower().startswith(("https://", "http://")):
        url = _first(meta, "citation_public_url", "citation_fulltext_html_url")
    if arxiv and url:
        # arXiv's og:url names the version saved ("…/abs/1706.03762v7"); its citation_arxiv_id not.
        versioned = re.search(rf"/abs/({re.escape(arxiv)}v\d+)\b", url)
        arxiv = versioned.group(1) if versioned else arxiv
    abstract = _best_abstract(page, meta)
    if not abstract:
        return Parsed(problems=(missing_abstract(1, _NO_ABSTRACT, title or ""),))
    keywords = [
        keyword
        for value in meta.get("citation_keywords", []) or meta.get("dc.subject", [])
        for keyword in split_keywords(value)
    ]
    record = Record(
        line=1,
        abstract=abstract,
        arxiv=arxiv,
        title=title or None,
        authors=_authors(meta) or _names_in_body(page.name_parts),
        url=url,
        doi=doi,
        date=_first(
            meta,
            "citation_publication_date",
            "citation_date",
            "citation_online_date",
            "dc.date",
            "prism.publicationdate",
            "article:published_time",
        ),
        pmid=pmid,
        venue=_first(
            meta,
            "citation_journal_title",
            "citation_conference_title",
            "prism.publicationname",
            "citation_inbook_title",
            "citation_dissertation_institution",
        ),
        keywords=tuple(keywords),
    )
    return Parsed(records=(record,))
