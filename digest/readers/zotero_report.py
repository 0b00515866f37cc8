"""Zotero's report (right-click items, "Generate Report from Items…", saved as HTML), which
people make to share or read a collection's abstracts:

    <ul class="report combineChildItems">
      <li id="item_WY3GCAYB" class="item preprint">
        <h2>XMem: Long-Term Video Object Segmentation with …</h2>
        <table><tbody>
          <tr><th>Item Type</th><td>Preprint</td></tr>
          <tr><th class="author">Author</th><td>Ho Kei Cheng</td></tr>
          <tr><th>Abstract</th><td>We devise XMem. …</td></tr>
          <tr><th>Date</th><td>2022-07-18</td></tr>
          <tr><th>URL</th><td><a href="http://arxiv.org/abs/2207.07115">…</a></td></tr>
          <tr><th>DOI</th><td>…</td></tr> …
        </tbody></table>
        <h3 class="tags">Tags:</h3><ul class="tags"><li>…</li></ul>
        <h3 class="notes">Notes:</h3><ul class="notes"><li id="item_…">…</li></ul>
        <h3 class="attachments">Attachments</h3><ul class="attachments">…</ul>
      </li> …

Each top-level item is a record: its <h2> the title, its `author` rows the authors (other
creators, `editor` and the like, are not), its tags the keywords. The other rows are named in
the language of the Zotero that wrote the report ("Abstract", "摘要", "Zusammenfassung" …):
the labels below are Zotero's own translations of its fields; DOI and URL are the same in
every language. Notes and attachments (the items inside an item) are not records. Read with
the standard library's HTMLParser (markup.MarkupParser): a report is a document from outside.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from digest.readers.markup import MarkupParser, UnreadableMarkup
from digest.readers.records import (
    Parsed,
    Problem,
    Record,
    excerpt,
    missing_abstract,
    parsed_from,
)

_HEAD = 100_000  # a report's <head> holds its style sheets, base64-encoded
_REPORT = re.compile(r"<ul\s+class=\"report\b")
_ITEM = re.compile(r"<li\s+id=\"item_\w+\"\s+class=\"item\s")

# Zotero's translations of its fields' names, as its reports write them (the locales of
# zotero/zotero's chrome/locale/*/zotero/zotero.properties, itemFields.*), folded.
_ABSTRACT = frozenset(
    [
        "abstract",
        "摘要",
        "zusammenfassung",
        "résumé",
        "resumen",
        "riassunto",
        "аннотация",
        "анотація",
        "resumo",
        "samenvatting",
        "streszczenie",
        "abstrakt",
        "要旨",
        "抄録",
        "초록",
        "özet",
        "tiivistelmä",
        "sammendrag",
        "sammanfattning",
        "absztrakt",
        "περίληψη",
        "rezumat",
        "sažetak",
        "povzetek",
        "kivonat",
    ]
)
_DATE = frozenset(
    [
        "date",
        "日期",
        "datum",
        "fecha",
        "data",
        "дата",
        "日付",
        "날짜",
        "tarih",
        "päivämäärä",
        "dátum",
    ]
)
_VENUE = frozenset(
    [
        "publication",
        "proceedings title",
        "book title",
        "website title",
        "repository",
        "出版物",
        "期刊",
        "会议论文集标题",
        "书名",
        "仓库",
        "publikation",
        "publicación",
        "publication title",
    ]
)
_DOI = "doi"
_URL = "url"
_AUTHOR_CLASS = "author"
_NO_ABSTRACT = "Zotero report item without an Abstract row"


def looks_like_zotero_report(text: str) -> bool:
    # Every file that no earlier format took reaches here: a plain substring test first.
    head = text[:_HEAD]
    return (
        'class="report' in head
        and _REPORT.search(head) is not None
        and _ITEM.search(head) is not None
    )


@dataclass
class _Item:
    line: int
    title: list[str] = field(default_factory=list)
    rows: list[tuple[str, str, str, str]] = field(default_factory=list)  # class, label, text, href
    tags: list[str] = field(default_factory=list)


class _Report(MarkupParser):
    """The report's top-level items: their title, table rows and tags."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.items: list[_Item] = []
        self._depth = 0  # <li> nesting inside the report
        self._item: _Item | None = None
        self._in: str | None = None  # "title", "th", "td", "tag"
        self._th_class = ""
        self._label: list[str] = []
        self._cell: list[str] = []
        self._href = ""
        self._list: str | None = None  # the class of the <ul> inside an item

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        named = dict(attrs)
        classes = (named.get("class") or "").split()
        if tag == "li":
            self._depth += 1
            if self._depth == 1 and "item" in classes:
                self._item = _Item(self.getpos()[0])
                self.items.append(self._item)
            elif self._depth == 2 and self._list == "tags":
                self._in, self._cell = "tag", []
            return
        if self._item is None or self._depth != 1:
            return  # outside the items, or inside a note or an attachment
        if tag == "h2":
            self._in = "title"
        elif tag == "ul":
            self._list = classes[0] if classes else ""
        elif tag == "th":
            self._in, self._th_class, self._label = "th", " ".join(classes), []
        elif tag == "td":
            self._in, self._cell, self._href = "td", [], ""
        elif tag == "a" and self._in == "td":
            self._href = self._href or (named.get("href") or "")

    def handle_endtag(self, tag: str) -> None:
        item = self._item
        if tag == "li":
            if self._depth == 2 and self._in == "tag" and item is not None:
                item.tags.append(" ".join("".join(self._cell).split()))
                self._in = None
            self._depth = max(0, self._depth - 1)
            if self._depth == 0:
                self._item, self._list = None, None
            return
        if item is None or self._depth != 1:
            return
        if tag == "h2" and self._in == "title":
            self._in = None
        elif tag == "ul":
            self._list = None
        elif tag == "td" and self._in == "td":
            label = " ".join("".join(self._label).split())
            item.rows.append(
                (self._th_class, label, " ".join("".join(self._cell).split()), self._href)
            )
            self._in = None

    def handle_data(self, data: str) -> None:
        if self._item is None:
            return
        if self._in == "title":
            self._item.title.append(data)
        elif self._in == "th":
            self._label.append(data)
        elif self._in in ("td", "tag"):
            self._cell.append(data)


def parse_zotero_report(text: str) -> Parsed:
    report = _Report()
    try:
        report.read(text)
    except UnreadableMarkup as err:
        return Parsed((), (Problem(1, f"a Zotero report that cannot be read ({err})"),))
    return parsed_from(map(_record, report.items))


def _record(item: _Item) -> Record | Problem:
    title = " ".join("".join(item.title).split())
    by_label: dict[str, tuple[str, str]] = {}
    authors: list[str] = []
    for th_class, label, text, href in item.rows:
        if th_class == _AUTHOR_CLASS:
            authors.append(text)
        elif text and not th_class:
            by_label.setdefault(label.casefold().rstrip(":\uff1a"), (text, href))
    abstract = _first(by_label, _ABSTRACT)
    if not abstract:
        return missing_abstract(item.line, _NO_ABSTRACT, excerpt(title))
    url = by_label.get(_URL, ("", ""))
    return Record(
        line=item.line,
        abstract=abstract,
        title=title or None,
        authors=tuple(name for name in authors if name),
        doi=by_label.get(_DOI, ("", ""))[0] or None,
        url=url[1] or url[0] or None,
        date=_first(by_label, _DATE) or None,
        venue=_first(by_label, _VENUE) or None,
        keywords=tuple(tag for tag in item.tags if tag),
    )


def _first(rows: dict[str, tuple[str, str]], labels: frozenset[str]) -> str:
    return next((text for label, (text, _) in rows.items() if label in labels), "")
