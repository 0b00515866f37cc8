"""RSS 2.0 / RSS 1.0 and Atom feeds saved to a file: arXiv's listing feeds, arXiv API answers.

arXiv's feeds put the id and announce type in front of the abstract:

    <description>arXiv:2411.10001v1 Announce Type: new
    Abstract: Long-context language models …</description>

arXiv's API answers are Atom, with the id in `<id>http://arxiv.org/abs/2101.00001v2</id>`,
the abstract in `<summary>` and `arxiv:doi`/`arxiv:comment` elements. Any other feed gives
its items' descriptions (or content, or summaries) as abstracts.

Journals' feeds (Nature, Science, Cell, ScienceDirect, ACS, Wiley, PubMed, bioRxiv, APS…)
wrap the abstract in lines that are not one, or send only those lines:

    <p>Nature, Published online: 10 January 2024; doi:10.1038/s41586-023-06826-7</p>We …
    Science, Volume 392, Issue 6800, Page 814-814, May 2026.
    <p>Publication date: Available online 20 May 2026</p><p>Source: Cell</p><p>Author(s): …
    Author(s): A, B, and C<br/><p>We …</p><br/>[Phys. Rev. Lett. 132, 010001] Published Tue …

Such lines (a citation, a DOI or PMID line, ScienceDirect's labelled lines, the title or
the journal's name again, an "Abstract" heading) are taken apart from the text: what they
name (DOI, authors, journal) is kept, and an item with nothing else is a record without an
abstract, not a paper. The DOI, PMID and journal also come from `prism:doi`,
`dc:identifier` ("doi:10.…", "pmid:…"), `prism:publicationName` (the item's, else the
channel's) and PubMed's `dc:source`.

Open Journal Systems (the feeds of thousands of journals) can open each abstract with its
item's categories, one "Label: values" line each, in the journal's language:

    Section: Articles<br />Keywords: tides, moon<br /><br /><p>Tides follow …</p>

A line whose values are all the item's own `<category>` terms is such a line, whatever its
label's language; categories whose domain (RSS) or scheme (Atom) is a "keywords",
"subjects" or "disciplines" one are the paper's keywords.

The XML is parsed by defusedxml (see digest/readers/xml_documents.py).
"""

from __future__ import annotations

import re
from xml.etree.ElementTree import Element

from digest.cleaning import tex_dashes, tex_ties
from digest.readers.identifiers import old_feed_title, parse_arxiv_field
from digest.readers.markup import (
    decode_entities,
    html_blocks,
    html_to_text,
    markup_to_text,
    without_abstract_heading,
)
from digest.readers.records import (
    AND_SEPARATOR,
    Parsed,
    Problem,
    Record,
    excerpt,
    first_name_first,
    mostly_cjk,
    parsed_from,
    split_authors,
)
from digest.readers.xml_documents import (
    RecordShape,
    all_text,
    children_by_name,
    opens_like_xml,
    parse_xml,
    prepare_xml,
    start_lines,
)
from digest.readers.xml_documents import local as _local

__all__ = ["html_to_text", "looks_like_atom", "looks_like_rss", "parse_feed"]

_HEAD = 4096
_RSS_ROOT = re.compile(r"<rss[\s>]|<rdf:RDF[\s>]")
_ATOM_ROOT = re.compile(r"<(?:\w+:)?(?:feed|entry)[\s>][^>]*http://www\.w3\.org/2005/Atom")
# arXiv's listing feeds: "arXiv:2411.10001v1 Announce Type: new \nAbstract: …"
_ARXIV_DESCRIPTION = re.compile(
    r"\A\s*arXiv:(\S+)\s+Announce Type:\s*([\w-]+)\s*(?:Abstract:\s*)?(.*)\Z", re.S
)
_OAI_ID = re.compile(r"\Aoai:arXiv\.org:(\S+)\Z", re.I)
# A journal's section in brackets before an item's title: "[Comment] ", "[Policy Review] ".
_SECTION = re.compile(r"\A\[([A-Z][a-z]+(?: [A-Za-z]+){0,3})\]\s+(?=\S)")
# An entry id that is a DOI: PLOS's Atom feeds name each entry "info:doi/10.1371/…".
_DOI_ID = re.compile(r"\A(?:info:doi/|doi:\s*|https?://(?:dx\.)?doi\.org/)10\.\S+\Z", re.I)
_SHAPE = RecordShape(
    re.compile(r"<(?:\w+:)?(?:item|entry)[\s>]"),
    lambda tag, _depth: _local(tag) in ("item", "entry"),
)
_STARTS_WITH_TAG = re.compile(r"\A\s*<(?:p|div|span|br|b|i|em|a)[\s/>]", re.I)
# A paragraph or line break further on: APS opens its HTML description with a plain
# "Author(s): …" before the first <br/>; CNKI's line break is "</br>".
_BLOCK_TAG = re.compile(r"</?(?:p|br|div)(?:\s[^<>]*)?/?>", re.I)


def looks_like_rss(text: str) -> bool:
    return opens_like_xml(text) and _RSS_ROOT.search(text, 0, _HEAD) is not None


def looks_like_atom(text: str) -> bool:
    return opens_like_xml(text) and _ATOM_ROOT.search(text, 0, _HEAD) is not None


def parse_feed(text: str) -> Parsed:
    """Every item (RSS) or entry (Atom) of a saved feed; ones without text are Problems."""
    text = prepare_xml(text)
    document = parse_xml(text, "feed", _SHAPE)
    if isinstance(document, Problem):
        return Parsed((), (document,))
    root = document.root
    items = [el for el in root.iter() if _local(el.tag) in ("item", "entry")]
    name = "entry" if any(_local(item.tag) == "entry" for item in items) else "item"
    lines = document.lines_of(items, lambda: start_lines(text, name))
    # Only an RSS item takes its channel's journal: an Atom feed is not walked for a channel.
    rss = any(_local(item.tag) == "item" for item in items)
    journal = _channel_journal(document.opening) if rss else ""
    # A feed that gives some item several dc:creator elements writes one person in each
    # (Cambridge Core: "Inoda, Toshio"), so a comma there turns a name round.
    one_each = any(sum(_local(el.tag) == "creator" for el in item) > 1 for item in items)
    found = (
        _atom_entry(item, line)
        if _local(item.tag) == "entry"
        else _rss_item(item, line, journal, one_each)
        for item, line in zip(items, lines, strict=True)
    )
    return parsed_from(found, document.problems(bool(items), _nothing(None if items else root)))


def _nothing(root: Element | None) -> str:
    """Why a feed gave nothing: no items; and when its channel names the days it skips
    (`<skipDays>`: arXiv's listing feeds are empty on Saturday and Sunday), which those are."""
    reason = "feed without items or entries"
    skip = (
        None
        if root is None
        else next((e for e in root.iter() if _local(e.tag) == "skipDays"), None)
    )
    days = [" ".join((day.text or "").split()) for day in skip] if skip is not None else []
    if not any(days):
        return reason
    return f"{reason}: the feed skips {' and '.join(filter(None, days))}; save it on another day"


def _channel_journal(root: Element) -> str:
    """The journal a whole RSS feed is from: `prism:publicationName` of its channel, else
    its title where that is a journal's name in a publisher's words around it."""
    channel = next((el for el in root.iter() if _local(el.tag) == "channel"), None)
    if channel is None:
        return ""
    kids = children_by_name(channel)
    journal = _text(kids, "publicationName")
    if journal:
        return journal
    named = _JOURNAL_IN_TITLE.match(" ".join(_text(kids, "title").split()))
    return (named.group("named") or named.group("journal")) if named else ""


# A channel titled with a journal's name and what its publisher puts around it: "Zoological
# Journal of the Linnean Society Current Issue" (Oxford Academic), "International Journal of
# Systematic and Evolutionary Microbiology: Most Recent Articles" (Ingenta), "Asian
# Herpetological Research-CNKI", "ScienceDirect Publication: Cell", "tandf: Zoology in the
# Middle East: Table of Contents". A title in other words (a search's) names no journal.
_JOURNAL_IN_TITLE = re.compile(
    r"\A(?:ScienceDirect Publication:\s*(?P<named>.{3,150})"
    r"|(?:(?:Wiley|tandf):\s*)?(?!(?:Wiley|tandf):)(?P<journal>[^:]{3,150}?)"
    r"(?:\s*:\s*Table of Contents"
    r"|:?\s+(?:Current Issue|Advance Access|Most Recent Articles|Latest (?:Issue|Articles))"
    r"|-CNKI))\Z",
    re.I,
)


_Kids = dict[str, list[Element]]


def _text(kids: _Kids, *names: str) -> str:
    """The text of the first named child that has any (markup inside it included)."""
    for name in names:
        for child in kids.get(name, ()):
            value = _unescaped(name, child, all_text(child))
            if value:
                return html_to_text(value) if _is_html(name, child, value) else value
    return ""


def _unescaped(name: str, child: Element, value: str) -> str:
    """A plain field's text with the character entities of a feed escaped once too often
    decoded: arXiv's "6.2% &amp;#177; 2.8%" (its authors typed "&#177;"), JAMA's "early
    (&amp;amp;gt;6 months before death)"; a description of markup so escaped
    ("&amp;lt;p&amp;gt;We …") is HTML once decoded."""
    return value if _is_html(name, child, value) else decode_entities(value)


def _is_html(name: str, child: Element, value: str) -> bool:
    """Whether a field holds HTML: content:encoded, an Atom text of type html or xhtml, or
    a description that opens with a tag or holds a paragraph or a line break."""
    return (
        name == "encoded"
        or child.get("type") in ("html", "xhtml")
        or (
            name == "description"
            and (_STARTS_WITH_TAG.match(value) is not None or _BLOCK_TAG.search(value) is not None)
        )
    )


def _rss_item(item: Element, line: int, journal: str, one_each: bool) -> Record | Problem:
    kids = children_by_name(item)
    title = markup_to_text(_text(kids, "title"))
    # The Lancet's feeds open each title with its section: "[Articles] Proton versus …".
    section = _SECTION.match(title)
    if section:
        title = title[section.end() :]
    arxiv, announce, abstract = _split_arxiv_description(_text(kids, "description"))
    found = _Found()
    categories = [
        (text, el.get("domain", "")) for el in kids.get("category", ()) if (text := all_text(el))
    ]
    if arxiv is None:
        terms = {_folded(term) for term, _ in categories}
        abstract = _journal_abstract(kids, _RSS_TEXTS, title, journal, found, terms)
    old_style = old_feed_title(title)
    if old_style:  # arXiv's feeds before 2024: "Title. (arXiv:2101.00001v2 [cs.CL] UPDATED)"
        title, arxiv = old_style[0], arxiv or old_style[1]
    title, arxiv, announce = _named(title, arxiv, announce, found)
    guid = _text(kids, "guid")
    oai = _OAI_ID.match(guid)
    if oai or announce:
        # arXiv's listing item: its title and description are the TeX its authors wrote
        # ("3--5$\times$ speedup"), as its API's entries are.
        title, abstract = tex_dashes(title), tex_dashes(abstract)
    if not arxiv:
        arxiv = oai.group(1) if oai else None
    link = _text(kids, "link")
    if not arxiv and "RePEc:arx:papers:" in link:
        # NEP's items (RePEc's New Economics Papers) link an arXiv paper by its handle.
        repec = parse_arxiv_field(link)
        arxiv = repec.id if repec else None
    # Gathered in a list: adding tuple to tuple copies all names so far, once per creator.
    creators = [
        name
        for creator in kids.get("creator", ())
        for name in _creators(html_to_text("".join(creator.itertext())), one_each)
    ]
    # Nature's feeds now and then list one author twice ("A", "B", "A"): one person.
    authors = tuple(dict.fromkeys(creators)) or found.authors or _rss_authors(kids)
    metadata = _metadata(kids, announce)
    if section:
        metadata.append(("section", section.group(1)))
    if categories:
        metadata.append(("categories", " ".join(term for term, _ in categories)))
    if not abstract:
        why = "whose description is only a citation" if found.citation else None
        return _no_abstract(line, "feed item", title, arxiv, metadata, why)
    identifiers = [all_text(el) for el in kids.get("identifier", ())] + [guid]
    pmid = next((m.group(1) for i in identifiers if (m := _PMID_ID.match(i))), None)
    source = _text(kids, "source")
    # Taylor & Francis give each item's title as its prism:publicationName.
    own_journal = _text(kids, "publicationName")
    if _folded(own_journal) == _folded(title):
        own_journal = ""
    return Record(
        line=line,
        abstract=abstract,
        arxiv=arxiv,
        title=title or None,
        authors=authors,
        url=link or None,
        doi=_text(kids, "doi") or next((i for i in identifiers if "10." in i), found.doi),
        date=_text(kids, "pubDate", "date") or None,
        metadata=tuple(metadata),
        pmid=pmid,
        keywords=_keywords(categories),
        venue=own_journal
        or journal
        or (source if source and not _DIGIT.search(source) else found.journal)
        or None,
    )


# --- what journals' feeds put around an abstract --------------------------------------------

# "Nature, Published online: 10 January 2024; doi:10.1038/s41586-023-06826-7"
_PUBLISHED_ONLINE = re.compile(
    r"\A[^;]{1,150}, Published online: [^;]{1,40};\s*(?:doi:\s*)?(?P<doi>10\.\S+)\Z", re.I
)
# "Science, Volume 392, Issue 6800, Page 814-814, May 2026." (Atypon: Science, PNAS, Wiley;
# Wiley's papers not yet in an issue: "Advanced Materials, EarlyView.", "…, Accepted Article.");
# Taylor & Francis leave the journal out: "Volume 67, Issue 4, December 2021, Page 283-289".
_VOLUME_CITATION = re.compile(
    r"\A(?:[^,;]{1,150}, (?:Volume \w+|EarlyView|Accepted Article|Ahead of Print)"
    r"|Volume \d+)\b"
    r"(?:, [^,]{1,40}){0,5}\.?\Z",
    re.I,
)
# PubMed: "Cell Rep. 2024 Jan 10;43(1):113657. doi: 10.1016/j.celrep.2023.113657. Online …"
_PUBMED_CITATION = re.compile(
    r"\A[A-Z][^.]{0,120}\. (?:19|20)\d\d\b[^.]{0,60}[.:;].{0,200}?"
    r"(?:doi: (?P<doi>10\.\S+?)\.?(?:\s|\Z)|Online ahead of print\.?\Z)"
)
# APS (Physical Review): "[Phys. Rev. Lett. 132, 010001] Published Tue Jan 02, 2024"
_APS_CITATION = re.compile(
    r"\A\[(?P<journal>[^\]]{1,120}?)\s+\d+,\s*[\w.-]+\]\s*Published\b[^\[\]]{0,60}\Z"
)
_ID_LINE = re.compile(r"\A(?:PMID:\s*\d+\s*\|?\s*)?(?:DOI:?\s*(?P<doi>10\.\S+))?\Z", re.I)
# ScienceDirect: "Publication date: …", "Source: Cell, Volume 187", "Author(s): A, B"; feeds
# remade with Crossref's and PubMed's fields: "Journal: The Lancet", "Authors: A, B".
_LABELLED = re.compile(
    r"\A(?P<label>Publication date|Source|Journal|Author\(s\)|Authors?):\s*(?P<value>.*)\Z", re.S
)
# "Abstract", and a heading that qualifies it: "Abstract/summary (from RSS):".
_HEADING = re.compile(
    r"\A(?:Abstract|ABSTRACT|Summary|SUMMARY)(?:/\w+)?(?: \([^()]{1,40}\))?[:.]?\Z"
)
# That heading alone, as a block of a description (Wiley's, under the table of contents'
# summary of the paper); as a line of a plain-text one, kept in the split as a block.
_ABSTRACT_ALONE = re.compile(r"\A(?:Abstract|ABSTRACT)[:.]?\Z")
_ABSTRACT_LINE = re.compile(r"\n[ \t]*((?:Abstract|ABSTRACT)[:.]?)[ \t]*\n")
_CITE = re.compile(r"<cite\b.*?</cite\s*>", re.I | re.S)
# "Keywords: tides, moon": a label and the values after it.
_LABELLED_VALUES = re.compile(r"\A[^:]{1,60}:\s*(?P<values>\S.*)\Z")
_KEYWORD_SCHEME = re.compile(r"/(?:keywords?|subjects?|disciplines?)/?\Z", re.I)
_PMID_ID = re.compile(r"\A(?:pmid|pubmed):\s*(\d+)\Z", re.I)
_DIGIT = re.compile(r"\d")


class _Found:
    """What a description's non-abstract lines named."""

    def __init__(self) -> None:
        self.citation = False
        self.doi: str | None = None
        self.journal = ""
        self.authors: tuple[str, ...] = ()
        # The paper's title (and arXiv id) a line of the description gives: arXiv's old
        # title line "Title. (arXiv:2305.13843v1 [cs.IR])", or the line over its link.
        self.arxiv_title: tuple[str, str | None] | None = None
        # (id, announce type) of a block in arXiv's words: "arXiv:… Announce Type: new …"
        self.announced: tuple[str, str] | None = None


def _named(
    title: str, arxiv: str | None, announce: str | None, found: _Found
) -> tuple[str, str | None, str | None]:
    """An item's title, arXiv id and announce type, or the paper's as its description
    names them."""
    if found.announced:
        arxiv, announce = arxiv or found.announced[0], announce or found.announced[1]
    if found.arxiv_title:
        title, arxiv = found.arxiv_title[0], arxiv or found.arxiv_title[1]
    return title, arxiv, announce


def _announced(block: str, found: _Found) -> str:
    """A block as arXiv's feeds write an abstract ("arXiv:2609.02789v1 Announce Type: new
    Abstract: …", a remade feed's last paragraph) without what comes before the abstract."""
    arxiv, announce, abstract = _split_arxiv_description(block)
    if arxiv is None or announce is None:
        return block
    found.announced = found.announced or (arxiv, announce)
    return abstract


# Where an RSS item's and an Atom entry's text is, in the order it is looked for.
_RSS_TEXTS = ("description", "encoded", "summary")
_ATOM_TEXTS = ("summary", "content")


def _journal_abstract(
    kids: _Kids, fields: tuple[str, ...], title: str, journal: str, found: _Found, terms: set[str]
) -> str:
    """The abstract in an item's description, content or summary (the first that has one),
    without the lines around it that are not the abstract (`terms`: the item's categories)."""
    names = {_folded(title), _folded(journal), _folded(_text(kids, "publicationName"))} - {""}
    arxiv_link = "arxiv.org/abs/" in _text(kids, "link")
    teaser = ""
    for name in fields:
        for child in kids.get(name, ()):
            value = _unescaped(name, child, all_text(child))
            if _is_html(name, child, value):
                # A <cite> names the journal (ACS: the TOC graphic, <cite>, a DOI line).
                value, cited = _CITE.subn(" ", value)
                found.citation = found.citation or bool(cited)
                blocks = html_blocks(value)
            else:
                blocks = _without_lines_over(value, names, found, terms)
            blocks = _without_title_over_link(blocks, found)
            kept: list[str] = []
            for block in blocks:
                if not _apart(block, names, found, terms):
                    kept.append(_announced(block, found))
                elif kept and _ABSTRACT_ALONE.match(block.strip()):
                    # Wiley's: the table of contents' summary of the paper, then the paper's
                    # own under an "Abstract" heading; the abstract is what follows it.
                    kept = []
            if found.arxiv_title or arxiv_link:
                kept = _untranslated(kept)
            if not kept:
                continue
            # A heading glued to the abstract's first line ("Abstract: We …", "ABSTRACT We …");
            # one on a line of its own ("Abstract\nWe …") went with the lines over it.
            text = without_abstract_heading(" ".join(kept) if len(blocks) > 1 else kept[0])
            if len(text) > len(teaser) and not _CUT_OFF.search(text):
                return text
            # PubMed's description is the abstract cut off ("… distinct haptoral shape...");
            # the whole of it is in content:encoded.
            teaser = max(teaser, text, key=len)
    return teaser


_CUT_OFF = re.compile(r"(?:\.\.\.|…)\Z")


def _without_lines_over(value: str, names: set[str], found: _Found, terms: set[str]) -> list[str]:
    """A plain-text description as one block, less the lines over its abstract that are not
    abstract text (sentinelnode's remade feed: "Journal: …", "DOI: …", "Authors: …" and
    "Abstract/summary (from RSS):", one a line); none when every line is such a line. An
    "Abstract" heading on a line of its own further down (Wiley's dc:description, under the
    table of contents' summary) is a block of its own, between the text over it and under it."""
    lines = value.splitlines()
    for at, line in enumerate(lines):
        if not _apart(line, names, found, terms):
            return _ABSTRACT_LINE.split("\n".join(lines[at:]))
    return []


def _apart(block: str, names: set[str], found: _Found, terms: set[str]) -> bool:
    """Whether a block of a description is not abstract text; what it names goes to found."""
    line = " ".join(block.split())
    # No word in it: the ". " Taylor & Francis leave after their citation line.
    if _folded(line) in names or _HEADING.match(line) or not _folded(line):
        return True
    listed = _LABELLED_VALUES.match(line) if terms else None
    if listed and all(_folded(value) in terms for value in listed.group("values").split(",")):
        return True  # Open Journal Systems' "Keywords: tides, moon", the item's categories
    if _URL_ONLY.match(line):
        return True  # the item's link again
    fields = line.split(" | ")
    if len(fields) > 1 and all(_apart(field, names, found, terms) for field in fields):
        return True  # "Journal: The Lancet Oncology | DOI: 10.1016/…" (sentinelnode's feed)
    arxiv_title = old_feed_title(line)
    if arxiv_title and _OLD_FEED_END.search(line):
        # "Advances and Challenges of …: A Survey. (arXiv:2305.13843v1 [cs.IR])": the
        # paper's title and id as arXiv's feeds gave them, over a summary of it (cn-chat-arxiv)
        found.arxiv_title = found.arxiv_title or arxiv_title
        return True
    listed_names = _name_list(line)
    if listed_names:
        found.authors = found.authors or listed_names
        found.citation = True
        return True
    labelled = _LABELLED.match(line)
    if labelled:
        # A feed remade from others' may escape a field twice: a plain-text description's
        # "Journal: JAMA Otolaryngology\u2013Head &amp;amp; Neck Surgery" (sentinelnode).
        label, value = labelled.group("label"), decode_entities(labelled.group("value"))
        if label in ("Source", "Journal"):
            found.journal = found.journal or value.split(",")[0].strip()
        elif label.startswith("Author"):
            found.authors = found.authors or split_authors(value)
        found.citation = True
        return True
    for pattern in (_PUBLISHED_ONLINE, _VOLUME_CITATION, _PUBMED_CITATION, _APS_CITATION, _ID_LINE):
        citation = pattern.match(line)
        if citation:
            doi, journal = citation.groupdict().get("doi"), citation.groupdict().get("journal")
            found.doi = found.doi or (doi.rstrip(".") if doi else None)
            found.journal = found.journal or journal or ""
            found.citation = True
            return True
    return False


_NOT_WORD = re.compile(r"\W+")
_URL_ONLY = re.compile(r"\Ahttps?://\S+\Z")
_OLD_FEED_END = re.compile(r"\(arXiv:[^()]*\]\)\Z")


def _without_title_over_link(blocks: list[str], found: _Found) -> list[str]:
    """The blocks less the paper's title where a block that is only its arXiv link follows
    it (cn-chat-arxiv since 2024: the title in Chinese, in English, the link, the rest)."""
    for at, block in enumerate(blocks[1:], 1):
        if "arxiv.org/abs/" not in block:  # before joining each block's words again
            continue
        link = " ".join(block.split())
        if not _URL_ONLY.match(link):
            continue
        line = " ".join(blocks[at - 1].split())
        if old_feed_title(line):
            return blocks  # arXiv's own title line over the link: _apart reads it
        if 0 < len(line) <= _TITLE_LENGTH and not mostly_cjk(line) and not line.endswith("."):
            found.arxiv_title = found.arxiv_title or (line, None)
            return blocks[: at - 1] + blocks[at:]
    return blocks


_TITLE_LENGTH = 300


def _untranslated(blocks: list[str]) -> list[str]:
    """An arXiv paper's description without the Chinese, Japanese or Korean paragraphs a
    feed's maker added over the abstract in its own words (cn-chat-arxiv translates each
    abstract and summarises it), when the abstract is there too."""
    latin = [block for block in blocks if not mostly_cjk(block)]
    return latin if latin and len(latin) < len(blocks) else blocks


def _name_list(line: str) -> tuple[str, ...]:
    """The names of a line that is only names, each ending with ';' (CNKI's "Guocheng SHU;
    Ping LIU;Tian ZHAO;" over the abstract), else none: prose does not end with ';'."""
    if not line.endswith(";"):
        return ()
    names = [" ".join(name.split()) for name in line[:-1].split(";")]
    for name in names:
        words = name.split()
        if not 1 <= len(words) <= 5 or len(name) > 40 or _DIGIT.search(name):
            return ()
        if not all(word[0].isalpha() and not word[0].islower() for word in words):
            return ()
    return tuple(names)


def _folded(text: str) -> str:
    return _NOT_WORD.sub(" ", text).strip().casefold()


# bioRxiv and medRxiv list names as "Kukla, D., Crampton, A., Khetani, S. K."
_INITIALS = re.compile(r"\A(?:[A-Z]\.\s?-?)+\Z")


def _keywords(categories: list[tuple[str, str]]) -> tuple[str, ...]:
    """The terms of the categories a feed says are keywords (by their domain or scheme)."""
    return tuple(
        dict.fromkeys(term for term, scheme in categories if _KEYWORD_SCHEME.search(scheme))
    )


def _creators(value: str, one_each: bool) -> tuple[str, ...]:
    """The names in one dc:creator: "A, B and C", or bioRxiv's "Surname, I., Surname, I.";
    one name turned round ("Inoda, Toshio") in a feed that writes one person in each."""
    parts = [part.strip() for part in value.split(",")]
    if one_each and len(parts) == 2 and all(parts) and not AND_SEPARATOR.search(value):
        return (first_name_first(value),)
    pairs = (
        len(parts) >= 2
        and len(parts) % 2 == 0
        and all(_INITIALS.match(initials) for initials in parts[1::2])
    )
    if pairs and ";" not in value:
        return tuple(
            first_name_first(f"{a}, {b}") for a, b in zip(parts[::2], parts[1::2], strict=True)
        )
    return split_authors(value)


# RSS 2.0's <author> is an e-mail address and a name: "editor@example.org (Ana Lima)".
_MAILBOX = re.compile(r"\A\S+@\S+\s*\((?P<name>[^()]+)\)\Z")


def _rss_authors(kids: _Kids) -> tuple[str, ...]:
    """The names in an RSS item's <author> elements: a mailbox's name, or a list of names
    (Oxford Academic's "Brandão S, Saeedi H, Brandt A.", "Chen C, Zhou Y, et al.")."""
    names: list[str] = []
    for author in kids.get("author", ()):
        value = " ".join(all_text(author).split())
        mailbox = _MAILBOX.match(value)
        if mailbox:
            names.append(mailbox.group("name").strip())
        elif "@" not in value:
            names.extend(_initials_first(split_authors(value)))
    return tuple(names)


# "Brandão S", "De Miranda G", "Brandt A." (the list's full stop): a surname, then initials.
_SURNAME_INITIALS = re.compile(r"\A(?P<surname>[^\W\d_].*?)\s(?P<initials>[A-Z]{1,3})\.?\Z")


def _initials_first(names: tuple[str, ...]) -> tuple[str, ...]:
    """Names written surname first with bare initials, as Oxford Academic lists them
    ("Brandão S, Saeedi H, Brandt A."), turned round as other exports' names are
    ("S Brandão"); a list where any name is written otherwise stays as it is."""
    found = [_SURNAME_INITIALS.match(name) for name in names]
    if not names or not all(found):
        return names
    return tuple(f"{m['initials']} {m['surname']}" for m in found if m)


def _atom_entry(entry: Element, line: int) -> Record | Problem:
    kids = children_by_name(entry)
    title = _text(kids, "title")
    summary = _text(kids, "summary", "content")
    entry_id = _text(kids, "id")
    if "arxiv.org/api/errors" in entry_id:
        return Problem(line, f"arXiv API error: {summary or title}", excerpt(entry_id))
    arxiv, announce, abstract = _split_arxiv_description(summary)
    categories = [
        (term, el.get("scheme", ""))
        for el in kids.get("category", ())
        if (term := el.get("term", ""))
    ]
    found = _Found()
    if not arxiv and (categories or _arxiv_lines(summary)):
        terms = {_folded(term) for term, _ in categories}
        abstract = _journal_abstract(kids, _ATOM_TEXTS, title, "", found, terms)
        title, arxiv, announce = _named(title, arxiv, announce, found)
    oai = _OAI_ID.match(entry_id)
    if oai or "arxiv.org/abs/" in entry_id:
        # arXiv's own entry: its title and summary are the TeX its authors wrote, where
        # "LIGO--Virgo--KAGRA" has en dashes and "10~kpc" a space.
        title, abstract = tex_ties(tex_dashes(title)), tex_ties(tex_dashes(abstract))
    if not arxiv:
        arxiv = oai.group(1) if oai else (entry_id if "arxiv.org/abs/" in entry_id else None)
    url = None
    doi = _text(kids, "doi") or None
    for link in kids.get("link", ()):
        href = link.get("href", "")
        if link.get("rel", "alternate") == "alternate" and url is None:
            url = href
        elif link.get("title") == "doi" and doi is None:
            doi = href
    if doi is None and _DOI_ID.match(entry_id):
        doi = entry_id  # loading takes the DOI out of it
    authors = tuple(
        name
        for author in kids.get("author", ())
        if (name := _text(children_by_name(author), "name"))
    )
    metadata = _metadata(kids, announce)
    if categories:
        metadata.append(("categories", " ".join(term for term, _ in categories)))
    for name, key in (("comment", "comments"), ("journal_ref", "journal-ref")):
        value = _text(kids, name)
        if value:
            metadata.append((key, value))
    if not abstract:
        return _no_abstract(line, "feed entry", title, arxiv, metadata)
    return Record(
        line=line,
        abstract=abstract,
        arxiv=arxiv,
        title=title or None,
        authors=authors,
        url=url or None,
        doi=doi,
        date=_text(kids, "published", "updated") or None,
        # arXiv's journal_ref is where the paper came out, as in its listings and abs pages.
        venue=_text(kids, "journal_ref") or None,
        metadata=tuple(metadata),
        keywords=_keywords(categories),
    )


def _arxiv_lines(text: str) -> bool:
    """Whether an entry's text holds arXiv's title line or a block that is an arXiv link:
    an arXiv paper remade into another feed, its blocks to be taken apart as an item's."""
    return "(arXiv:" in text or "arxiv.org/abs/" in text


def _split_arxiv_description(text: str) -> tuple[str | None, str | None, str]:
    """(arXiv id, announce type, abstract) from an arXiv feed description, else the text."""
    found = _ARXIV_DESCRIPTION.match(text)
    if found is None:
        return None, None, text
    return found.group(1), found.group(2), found.group(3).strip()


def _metadata(kids: _Kids, announce: str | None) -> list[tuple[str, str]]:
    announce = announce or _text(kids, "announce_type")
    return [("announce type", announce)] if announce else []


def _no_abstract(
    line: int,
    what: str,
    title: str,
    arxiv: str | None,
    metadata: list[tuple[str, str]],
    why: str | None = None,
) -> Problem:
    reason = f"no abstract ({what} {why or 'with an empty description or summary'})"
    # An arXiv feed's replacement without its abstract is as arXiv sends it: a notice.
    replacement = any(k == "announce type" and v.startswith("replace") for k, v in metadata)
    shown = excerpt(f"arXiv:{arxiv} {title}" if arxiv else title)
    return Problem(line, reason, shown, replacement)
