"""Render an Issue as Markdown, email bodies (HTML and text) and JSON.

Templates receive plain data (dicts, lists, strings), built once here, so a user's template
can rely on the same names in every output and never has to call our code.
"""

from __future__ import annotations

import hashlib
import io
import json
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Any

import jinja2

from digest.models import Entry, Issue, Section, unique_slugs
from digest.templating import render_template, render_template_bytes

MARKDOWN_TEMPLATE = "digest.md.j2"
EMAIL_HTML_TEMPLATE = "email.html.j2"
EMAIL_TEXT_TEMPLATE = "email.txt.j2"


# \s matches exactly what str.isspace() calls whitespace.
_SPACE = re.compile(r"\s")


def safe_url(url: str | None) -> str | None:
    """A link a reader may follow: http(s) only, so no `javascript:` ever becomes a link."""
    if url and url.startswith(("https://", "http://")) and _SPACE.search(url) is None:
        return url
    return None


Context = dict[str, Any]


def issue_context(issue: Issue) -> Context:
    """The data every template sees, as plain values. Built once per issue: the renderers
    below take it, and `cap_context` derives the shorter version an email needs."""
    return {
        "title": issue.title,
        "date": issue.date.isoformat(),
        "date_long": f"{issue.date.day} {issue.date:%B %Y}",
        "week": issue.week,
        "number": issue.number,
        "site_url": issue.site_url,
        "paper_count": issue.paper_count,
        "theme_count": issue.theme_count,
        "themes": [
            _section_context(s, slug)
            for s, slug in zip(
                issue.sections, unique_slugs([s.label for s in issue.sections]), strict=True
            )
        ],
        "updated": [_entry_context(e) for e in issue.updated],
        "skipped": [
            {"path": s.path, "line": s.line, "reason": s.reason, "where": str(s)}
            for s in issue.skipped
        ],
    }


def cap_context(context: Context, per_theme: int | None) -> Context:
    """The same issue with at most `per_theme` papers a theme; each theme says how many more."""
    if per_theme is None:
        return context
    themes = [
        {**t, "papers": t["papers"][:per_theme], "more": len(t["papers"][per_theme:])}
        for t in context["themes"]
    ]
    return {**context, "themes": themes}


# The most an email shows of each text, in characters; past it the text is cut at a word
# with an ellipsis. Real titles, labels, headlines and summaries are far shorter (a summary
# is one line): only broken or hostile input (a 1 MB "word") reaches these, and the email
# must stay under its size limit whatever the input. A longer link is dropped, not cut.
EMAIL_TEXT_LIMITS: dict[str, int] = {
    "title": 200,
    "label": 200,
    "keyword": 80,
    "headline": 300,
    "summary": 600,
    "url": 2000,
}


def clip_context(context: Context) -> Context:
    """The issue with each text an email shows bounded by EMAIL_TEXT_LIMITS."""
    limits = EMAIL_TEXT_LIMITS
    themes = [
        {
            **t,
            "label": _clip(t["label"], limits["label"]),
            "keywords": [_clip(k, limits["keyword"]) for k in t["keywords"]],
            "papers": [_clip_paper(p) for p in t["papers"]],
        }
        for t in context["themes"]
    ]
    return {
        **context,
        "title": _clip(context["title"], limits["title"]),
        "themes": themes,
        "updated": [_clip_paper(p) for p in context["updated"]],
    }


def _clip_paper(paper: Context) -> Context:
    limits = EMAIL_TEXT_LIMITS
    headline, summary = paper["headline"], paper["summary"]
    url, search_url = paper["url"], paper["search_url"]
    if (
        len(headline) <= limits["headline"]
        and len(summary) <= limits["summary"]
        and len(url or "") <= limits["url"]
        and len(search_url or "") <= limits["url"]
    ):
        return paper  # the usual case: nothing to cut, nothing copied
    return {
        **paper,
        "headline": _clip(headline, limits["headline"]),
        "summary": _clip(summary, limits["summary"]),
        "url": url if len(url or "") <= limits["url"] else None,
        "search_url": search_url if len(search_url or "") <= limits["url"] else None,
    }


def _clip(text: str, limit: int) -> str:
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    space = cut.rfind(" ")
    if space > limit // 2:
        cut = cut[:space]
    return cut.rstrip() + "…"


def _section_context(section: Section, slug: str) -> Context:
    return {
        "label": section.label,
        "slug": slug,
        "keywords": list(section.keywords),
        "papers": [_entry_context(e) for e in section.entries],
        "more": 0,
    }


# An anchor longer than this is cut, and made unique again by a hash of the whole id: a
# paper id can be any length (a 1 MB id from broken input would make a 1 MB anchor, written
# into every link to the paper). Real ids give anchors far shorter.
ANCHOR_MAX = 100
# How much of a cut anchor is kept readable, before its hash.
_ANCHOR_KEPT = 60
# What an anchor writes as `_` + code point in hex + `_`.
_ANCHOR_ESCAPED = re.compile(r"[^A-Za-z0-9.-]")


def paper_anchor(paper_id: str) -> str:
    """The id of a paper's row on its issue page, so that `page.html#anchor` is its permalink.

    Letters, digits, '.' and '-' are kept; anything else becomes `_` and its code point in hex,
    so two different ids never share an anchor and the anchor needs no escaping in a URL.
    Past ANCHOR_MAX characters, the anchor keeps its first characters (never half an escape)
    and ends in `_` and 16 hex digits of the id's SHA-256 and `_`: an ending no shorter anchor
    has (an escape holds at most six hex digits), so anchors stay unique, and stable."""
    if len(paper_id) <= ANCHOR_MAX - 2:  # else, even with nothing to escape, too long
        anchor = "p-" + _ANCHOR_ESCAPED.sub(_escape_anchor_char, paper_id)
        if len(anchor) <= ANCHOR_MAX:
            return anchor
    kept, length = [], 2
    for ch in paper_id[:_ANCHOR_KEPT]:
        part = _ANCHOR_ESCAPED.sub(_escape_anchor_char, ch)
        if length + len(part) > _ANCHOR_KEPT:
            break
        kept.append(part)
        length += len(part)
    digest = hashlib.sha256(paper_id.encode("utf-8", "surrogatepass")).hexdigest()[:16]
    return f"p-{''.join(kept)}_{digest}_"


def _escape_anchor_char(match: re.Match[str]) -> str:
    return f"_{ord(match.group()):x}_"


# A byline's part (the authors, the venue) is cut past this many characters: real ones are
# far shorter, a broken export's may not be.
BYLINE_PART_LIMIT = 100
_YEAR = re.compile(r"\b(?:1[5-9]|20)[0-9]{2}\b")
# NLM's journal titles add a subtitle or an abbreviation after " : " ("Journal of
# Alzheimer's disease : JAD"); a byline keeps the title.
_VENUE_SUBTITLE = " : "
# A venue written as a citation (arXiv's journal references, Web of Science's proceedings)
# goes on with where in it the paper is: a volume and pages, a part, a date ("Phys. Rev. D
# 103, 122002 (2021)", "Bioinformatics, 33(18), 2017, 2808-2817", "ICCCI 2025, Pt II",
# "Science China Mathematics, 2023, Vol. 66, No. 10", "… (ISSTA 2020), pages 14-26", the
# astronomers' "PASP 138 046001 (2026)" and "A&A 670, A12 (2023)"); a byline keeps the name
# before it.
_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)"
)
_VENUE_CITATION = re.compile(
    r"(?<=\S)(?:[,;]\s*|\s+)(?:(?:Vol(?:ume)?|vol|pp|[Pp]ages?|[Nn]o|Pt)\.?\s*(?:[0-9]|[IVX]+\b)"
    rf"|[0-9]+\s*[:(,]\s*[A-Za-z]?[0-9]|[0-9]+\s+[A-Za-z]?[0-9]+\s*\([0-9]{{4}}\)"
    rf"|\([0-9]{{4}}\)|{_MONTH}\.?\s+[0-9]|[0-9]{{4}}\s*[,;])"
)

# The year a venue's citation gives ("Nature 522, 68-72 (04 June 2015)", "Bioinformatics,
# 33(18), 2017, 2808-2817"): the journal's, where the paper's date may be its preprint's.
# Not one within a number or a range of pages ("122002", "1987-1995").
_CITED_YEAR = re.compile(r"(?<![0-9.:-])(?:19|20)[0-9]{2}(?![0-9.:-])")


def byline(authors: Sequence[str], venue: str | None, date: str | None) -> str:
    """Who wrote a paper, where and when it appeared, in a few words: "Ada Lovelace et al.
    · Nature · 2021" (the one author or both of two, else the first and "et al."; the venue;
    the year its citation gives, else the date's, unless the venue holds it). Empty when
    the input gave none of them.

    Shown with each paper's line, so that a reader knows whose work it is and where it was
    published without opening it."""
    who = f"{authors[0]} et al." if len(authors) > 2 else " and ".join(authors)
    written = venue or ""
    venue = _venue_name(written)
    cited = _cited_year(written[len(venue) :])  # _venue_name keeps the start of what is written
    if venue.casefold() == who.casefold():
        venue = ""  # a newspaper's or an agency's page, its author named as its venue
    dated = _YEAR.search(date or "")
    year = cited or (dated.group() if dated else "")
    when = year if year not in venue else ""
    return " · ".join(_clip(part, BYLINE_PART_LIMIT) for part in (who, venue, when) if part)


def _cited_year(citation: str) -> str | None:
    """The year of the citation that followed a venue's name (see _CITED_YEAR), when it
    gives more numbers than the year (a volume, pages): NLM's "Social science & medicine
    (1982)" names the journal's first year, Web of Science's "ICCCI 2025, Pt II" the
    conference's."""
    found = _CITED_YEAR.search(citation)
    if found is None:
        return None
    rest = citation[: found.start()] + citation[found.end() :]
    return found.group() if any(c.isdigit() for c in rest) else None


def _venue_name(venue: str) -> str:
    """The venue's name alone: without NLM's subtitle (see _VENUE_SUBTITLE), the citation
    that may follow it (see _VENUE_CITATION), or a parenthesis either cut would leave open
    ("CEC'02 (Cat. No.02TH8600)", NLM's "Journal of magnetic resonance (San Diego, Calif. :
    1997)")."""
    venue = venue.split(_VENUE_SUBTITLE, 1)[0]
    # Looked for where a name ends, so that a broken export's endless venue costs no more.
    citation = _VENUE_CITATION.search(venue, 0, 2 * BYLINE_PART_LIMIT)
    name = venue[: citation.start()] if citation else venue
    if name.count("(") > name.count(")"):
        name = name[: name.rfind("(")]
    elif citation is None:
        return venue
    return name.rstrip(" ,;:-") or venue


def _entry_context(entry: Entry) -> Context:
    paper, summary = entry.paper, entry.summary
    return {
        "id": paper.id,
        "anchor": paper_anchor(paper.id),
        "arxiv_id": paper.arxiv_id,
        "version": paper.arxiv_version,
        "title": paper.title,
        "headline": summary.headline,
        "summary": summary.text,
        "sentence": summary.sentence,
        "shortened": summary.shortened,
        "url": safe_url(paper.link),
        # Only for a paper with no page of its own; templates mark it as a search.
        "search_url": safe_url(paper.search_link),
        "authors": list(paper.authors),
        "byline": byline(paper.authors, paper.venue, paper.date),
        "sources": [str(s) for s in paper.sources],
        "doi": paper.doi,
        "pmid": paper.pmid,
        "venue": paper.venue,
        "date": paper.date,
        "keywords": list(paper.keywords),
    }


def render_markdown(context: Context, env: jinja2.Environment) -> bytes:
    """The issue in Markdown, as the UTF-8 bytes of digest.md."""
    return render_template_bytes(env, MARKDOWN_TEMPLATE, **context)


# What an email's footer says; the web page has none of it.
NO_FOOTER: Context = {"list_name": "", "archive_url": None, "unsubscribe_url": None}


def render_page_html(context: Context, env: jinja2.Environment) -> bytes:
    """The issue's web page, as UTF-8 bytes: the email's template with every paper, no link
    to itself, its <style> block kept (browsers apply it), links to the feeds, and the
    navigation marker (see NAV_MARKER)."""
    return render_template_bytes(
        env,
        EMAIL_HTML_TEMPLATE,
        **context,
        **NO_FOOTER,
        page_url=None,
        email=False,
        links=site_links("../"),
    )


def render_email_html(
    context: Context,
    env: jinja2.Environment,
    *,
    page_url: str | None = None,
    email: bool = False,
    footer: Context = NO_FOOTER,
) -> str:
    """The issue as an HTML page; as an email (`email=True`) it links to its web page and
    its footer (`list_name`, `archive_url`, `unsubscribe_url`) says why it came."""
    return render_template(
        env,
        EMAIL_HTML_TEMPLATE,
        **context,
        **footer,
        page_url=page_url,
        email=email,
        links=site_links("../"),
    )


def render_email_text(
    context: Context,
    env: jinja2.Environment,
    *,
    page_url: str | None = None,
    footer: Context = NO_FOOTER,
) -> str:
    return render_template(env, EMAIL_TEXT_TEMPLATE, **context, **footer, page_url=page_url)


_JSON_PAPER_KEYS = (
    "id",
    "arxiv_id",
    "title",
    "headline",
    "summary",
    "sentence",
    "shortened",
    "url",
    "search_url",
    "authors",
    "sources",
    "doi",
    "pmid",
    "venue",
    "date",
    "keywords",
)
# One encoder for everything: json.dumps with options builds a new one per call.
_ENCODER = json.JSONEncoder(ensure_ascii=False)


def _json_paper(paper: Context) -> Context:
    return {key: paper[key] for key in _JSON_PAPER_KEYS}


def render_json(context: Context) -> bytes:
    """The issue as data, for scripts: stable key order, UTF-8, one paper per line.

    Written by hand at the outer levels so that each paper is one compact line: readable in a
    diff, and fast (json's C encoder is used only without indentation). Papers are written a
    batch at a time straight into the bytes returned, so that the whole text is never held
    as one string (at 100,000 papers, 70 MB of text takes 140 to 280 MB as a str)."""
    out = io.BytesIO()

    def put(text: str) -> None:
        out.write(text.encode())

    head = {k: context[k] for k in ("title", "date", "week", "number", "paper_count")}
    put("{\n" + "".join(f"  {_dump(k)}: {_dump(v)},\n" for k, v in head.items()))
    themes = context["themes"]
    put('  "themes": [' + ("\n" if themes else ""))
    for i, t in enumerate(themes):
        put(
            ("    {\n" if i == 0 else ",\n    {\n")
            + f'      "label": {_dump(t["label"])},\n'
            + f'      "keywords": {_dump(t["keywords"])},\n'
            + '      "papers": '
        )
        _put_papers(put, t["papers"], "      ")
        put("\n    }")
    put(("\n  ]," if themes else "],") + '\n  "updated": ')
    _put_papers(put, context["updated"], "  ")
    skipped = [
        {"path": s["path"], "line": s["line"], "reason": s["reason"]} for s in context["skipped"]
    ]
    put(f',\n  "skipped": {_rows_json(skipped)}\n}}\n')
    return out.getvalue()


_PAPERS_PER_BATCH = 1000


def _dump(value: object) -> str:
    return _ENCODER.encode(value)


def _put_papers(put: Callable[[str], None], rows: Sequence[Context], indent: str) -> None:
    """A list of papers, one a line, written a batch of lines at a time."""
    if not rows:
        put("[]")
        return
    line_break = ",\n" + indent + "  "
    put("[\n" + indent + "  ")
    for start in range(0, len(rows), _PAPERS_PER_BATCH):
        lines = line_break.join(
            _dump(_json_paper(p)) for p in rows[start : start + _PAPERS_PER_BATCH]
        )
        put((line_break if start else "") + lines)
    put("\n" + indent + "]")


def _rows_json(rows: Sequence[Context]) -> str:
    """A list of small objects, one per line."""
    if not rows:
        return "[]"
    inner = ",\n".join(f"    {json.dumps(r, ensure_ascii=False)}" for r in rows)
    return f"[\n{inner}\n  ]"


FEED_CONTENT_TEMPLATE = "feed-item.html.j2"
INDEX_TEMPLATE = "index.html.j2"
SEARCH_TEMPLATE = "search.html.j2"
NAV_TEMPLATE = "issue-nav.html.j2"
FEED_PAPER_TEMPLATE = "feed-paper.html.j2"

# Every template a build renders, in the order it first renders them.
BUILD_TEMPLATES = (
    EMAIL_HTML_TEMPLATE,
    EMAIL_TEXT_TEMPLATE,
    MARKDOWN_TEMPLATE,
    FEED_CONTENT_TEMPLATE,
    FEED_PAPER_TEMPLATE,
    INDEX_TEMPLATE,
    SEARCH_TEMPLATE,
    NAV_TEMPLATE,
)

# Where each page of the site lives in the output folder. Links between pages are relative, so
# the folder browses the same from a web server and opened from disk (file://).
INDEX_PAGE = "index.html"
SEARCH_PAGE = "search.html"
SEARCH_DATA = "search-data.js"
ISSUE_FEEDS = ("feed.xml", "atom.xml", "feed.json")
PAPER_FEED_DIR = "papers/"

# Feeds and permalinks need absolute URLs. Until a team sets site_url, links point to a
# reserved domain (RFC 2606) that can never resolve to someone else's site.
PLACEHOLDER_SITE_URL = "https://example.invalid/digest/"


def issue_page(week: str, ext: str) -> str:
    """The permanent path of an issue's page inside the output folder."""
    return f"issues/{week}.{ext}"


def site_root(site_url: str | None) -> str:
    """The absolute URL the output folder is published at (the placeholder until one is set)."""
    return site_url or PLACEHOLDER_SITE_URL


# Stands where an issue page's navigation goes. The page is rendered once, when its issue is
# built, and kept in the history; its neighbours are known only when the archive is written
# (the next issue does not exist yet), so the navigation is put in its place then.
NAV_MARKER = "<!--digest:nav-->"


def site_links(root: str) -> Context:
    """The site's own pages and feeds, relative to a page `root` away from the top
    ("" for index.html, "../" for an issue page)."""
    kinds = (
        ("RSS", "application/rss+xml"),
        ("Atom", "application/atom+xml"),
        ("JSON Feed", "application/feed+json"),
    )
    return {
        "index": root + INDEX_PAGE,
        "search": root + SEARCH_PAGE,
        "search_data": root + SEARCH_DATA,
        "issue_feeds": [
            {"name": name, "type": kind, "href": root + file}
            for (name, kind), file in zip(kinds, ISSUE_FEEDS, strict=True)
        ],
        "paper_feeds": [
            {"name": name, "type": kind, "href": root + PAPER_FEED_DIR + file}
            for (name, kind), file in zip(kinds, ISSUE_FEEDS, strict=True)
        ],
    }


def render_feed_content(context: Context, env: jinja2.Environment) -> str:
    """The HTML a feed reader shows for an issue: its themes and summary lines."""
    return render_template(env, FEED_CONTENT_TEMPLATE, **context)


def render_feed_content_of(themes: Sequence[dict[str, Any]], env: jinja2.Environment) -> str:
    """The same for some themes of an issue, as digest.json has them (per-theme feeds)."""
    return render_template(env, FEED_CONTENT_TEMPLATE, themes=_with_bylines(themes), updated=[])


def _with_bylines(themes: Sequence[dict[str, Any]]) -> list[dict[str, Any]]:
    """Themes as digest.json has them, each paper with its byline: digest.json keeps the
    fields it is made of, not the byline (an older digest's may lack some of them)."""
    return [
        {
            **t,
            "papers": [
                {**p, "byline": byline(p.get("authors", ()), p.get("venue"), p.get("date"))}
                for p in t["papers"]
            ],
        }
        for t in themes
    ]


def render_feed_paper(
    paper: Context,
    label: str,
    number: int,
    week: str,
    permalink: str,
    env: jinja2.Environment,
) -> str:
    """The HTML a feed reader shows for one paper: its summary, authors and links."""
    return render_template(
        env,
        FEED_PAPER_TEMPLATE,
        p=paper,
        theme=label,
        number=number,
        week=week,
        permalink=permalink,
    )


def render_index(
    title: str,
    issues: Sequence[dict[str, object]],
    env: jinja2.Environment,
) -> str:
    """The archive's front page: every issue, newest first, with its themes."""
    return render_template(
        env, INDEX_TEMPLATE, title=title, issues=list(issues), links=site_links("")
    )


def render_search_page(title: str, env: jinja2.Environment) -> str:
    """The search page: finds papers of every issue in search-data.js, in the browser."""
    return render_template(env, SEARCH_TEMPLATE, title=title, links=site_links(""))


def render_nav(
    title: str,
    previous: Context | None,
    following: Context | None,
    env: jinja2.Environment,
) -> bytes:
    """An issue page's navigation: the archive, the search, its neighbours, the feeds."""
    return render_template_bytes(
        env,
        NAV_TEMPLATE,
        title=title,
        previous=previous,
        next=following,
        links=site_links("../"),
    )


# ASCII JSON (every other character as \\uXXXX, U+2028 and U+2029 included, which older
# JavaScript engines refuse inside a string), with the characters that could end a <script>
# early, were this data ever inlined into a page, escaped as well.
_JS_ENCODER = json.JSONEncoder(ensure_ascii=True)
_JS_UNSAFE = (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"))


def search_rows(papers: Iterable[Sequence[object]]) -> bytes:
    """An issue's rows of search-data.js, one per paper given as [label, headline, summary,
    authors, anchor], kept with the issue when it is recorded: each row will start with the
    issue's position among the issues (newest first, so it changes every week), which stands
    here as a NUL byte (never in ASCII JSON: a NUL in the text is written \\u0000)."""
    rows = []
    for start, batch in _batches(papers):
        encoded = ",\n".join("[\x00" + _JS_ENCODER.encode([0, *p])[2:] for p in batch)
        rows.append((",\n" if start else "") + encoded)
    return _ascii_json("".join(rows))


def render_search_data(issues: Sequence[Context], rows: Sequence[bytes]) -> bytes:
    """search-data.js: the issues and papers the search page looks through, as one JavaScript
    statement; `rows` are each issue's `search_rows`, in the order of `issues` (newest first).
    A script file, not JSON, because a page opened from disk (file://) may load a script but
    not fetch() a file. Paper text comes from abstracts: it is only ever a JSON string here
    (ASCII, with <, >, & escaped), and the page shows it with textContent."""
    head = _JS_ENCODER.encode(list(issues))
    out = io.BytesIO()
    out.write(b'window.digestSearch = {\n"issues": ')
    out.write(_ascii_json(head))
    out.write(b',\n"papers": [')
    first = True
    for position, issue_rows in enumerate(rows):
        if issue_rows:
            out.write(b"\n" if first else b",\n")
            out.write(issue_rows.replace(b"\x00", str(position).encode("ascii")))
            first = False
    out.write(b"\n]};\n")
    return out.getvalue()


def _batches(items: Iterable[Sequence[object]]) -> Iterator[tuple[int, list[Sequence[object]]]]:
    batch: list[Sequence[object]] = []
    start = 0
    for item in items:
        batch.append(item)
        if len(batch) == _PAPERS_PER_BATCH:
            yield start, batch
            start += len(batch)
            batch = []
    if batch:
        yield start, batch


def _ascii_json(text: str) -> bytes:
    # Three replaces, each a fast scan, rather than one translate, which goes character by
    # character through a table.
    for unsafe, escaped in _JS_UNSAFE:
        if unsafe in text:
            text = text.replace(unsafe, escaped)
    return text.encode("ascii")


SHOW_TEMPLATES = {
    "markdown": "show.md.j2",
    "slack": "show.slack.j2",
    "html": "show.html.j2",
    "text": "show.txt.j2",
}


def render_show(
    heading: str | None,
    themes: Sequence[dict[str, Any]],
    fmt: str,
    env: jinja2.Environment,
    show_theme_labels: bool = True,
) -> str:
    """Part of an issue (as digest.json has it) in a shape that pastes cleanly."""
    return render_template(
        env,
        SHOW_TEMPLATES[fmt],
        heading=heading,
        themes=_with_bylines(themes),
        show_theme_labels=show_theme_labels,
    )
