"""NoteExpress's tagged format, China's reference manager, which Wanfang Data and CNKI write
as their "NoteExpress" export (Wanfang's is named .NET):

    {Reference Type}: Journal Article
    {Title}: 乳腺癌术后患者婚姻质量与负性情绪、社会支持的相关性
    {Translated Title}: Relationship between marital quality, negative emotion and …
    {Author}: 许雅琼
    {Author}: 张银萍
    {Translated Author}:  ZHANG Yin-ping
    {Journal}: 临床医学研究与实践
    {Year}: 2020
    {Keywords}: 乳腺癌
    {Keywords}:  婚姻质量
    {Abstract}: 目的 调查乳腺癌术后患者婚姻质量,并探讨…
    {DOI}: 10.19347/j.cnki.2096-1413.202001019
    {Database Provider}: 北京万方数据股份有限公司

A field name in braces, a colon and its value a line; `{Reference Type}` opens a record.
Wanfang writes one name or keyword a line (the later ones after two spaces), CNKI all of
them in one line joined by ";", ";;" or "," ("潘紫麟;刘庆鹏;", "谢昕,王小增"). A line without
a name continues the field before it (Wanfang breaks some abstracts), even after blank
lines: CNKI keeps the blank lines of an address it copied, so only `{Reference Type}`
starts a record. CNKI marks a paragraph break in an abstract "(#br)" ("Abstract(#br)This
research…"), and gives an article's opening lines marked "<正>" where it has no abstract:
such a record has none. Some exports (the Chinese Medical Association's) write full-width
colons and semicolons. A thesis's venue is its university (`{Publisher}`). The English
`{Translated …}` fields stand in for a missing original. Read here with the splitting the
tagged formats share (digest/readers/tagged.py).
"""

from __future__ import annotations

import re
import unicodedata

from digest.readers.cnki_custom import (
    NAME_SEPARATOR,
    OPENING_TEXT,
    OPENING_TEXT_ONLY,
    cnki_abstract,
)
from digest.readers.identifiers import parse_doi
from digest.readers.records import (
    Parsed,
    Problem,
    Record,
    first_name_first,
    missing_abstract,
    split_keywords,
)
from digest.readers.tagged import (
    TaggedRecord,
    first_tagged_line,
    parse_records,
    split_tagged,
)

# "{Title}: …", the colon full-width in some exports; a name may hold a comma or be Chinese
# ("{Subsidiary Author,}", "{图书印刷版ISBN}").
_TAG_LINE = re.compile(r"\{([^{}\n]{1,40})\}[:\uff1a] *(.*)$")
_OPENING = "Reference Type"
_THESIS = re.compile(r"thesis|dissertation", re.I)
_METADATA = {"Reference Type": "type", "Language": "language", "ISBN/ISSN": "issn"}


def looks_like_noteexpress(text: str) -> bool:
    """The first line is a record's `{Reference Type}: …`."""
    found = first_tagged_line(text, _TAG_LINE)
    return found is not None and found.group(1) == _OPENING


def parse_noteexpress(text: str) -> Parsed:
    split = split_tagged(text, _TAG_LINE, opens=lambda tag: tag == _OPENING, blank_ends=False)
    return parse_records(split, _record, "NoteExpress records")


def _record(tagged: TaggedRecord) -> Record | Problem:
    title = tagged.text("Title", "Translated Title")
    given = tagged.text("Abstract", "Translated Abstract")
    if given.startswith(OPENING_TEXT):
        return missing_abstract(tagged.line, OPENING_TEXT_ONLY, title)
    abstract = cnki_abstract(given)
    if not abstract:
        return missing_abstract(tagged.line, "a NoteExpress record without an {Abstract}", title)
    names = tagged.items("Author") or tagged.items("Translated Author")
    authors = [
        first_name_first(name.strip()) for item in names for name in NAME_SEPARATOR.split(item)
    ]
    keywords = tagged.items("Keywords") or tagged.items("Translated Keywords")
    keywords = [keyword.replace("\uff1b", ";") for keyword in keywords]
    link = tagged.text("URL")
    # Wanfang writes some DOIs with a full-width solidus and hyphen: NFKC makes them ASCII.
    doi = parse_doi(unicodedata.normalize("NFKC", tagged.text("DOI"))) or parse_doi(link)
    metadata = [(name, value) for tag, name in _METADATA.items() if (value := tagged.text(tag))]
    return Record(
        line=tagged.line,
        abstract=abstract,
        title=title or None,
        authors=tuple(name for name in authors if name),
        url=link or None,
        doi=doi,
        date=tagged.text("Year", "Date") or None,
        metadata=tuple(metadata),
        venue=_venue(tagged) or None,
        keywords=split_keywords(";".join(keywords) or None),
    )


def _venue(tagged: TaggedRecord) -> str:
    venue = tagged.text("Journal", "Secondary Title", "Tertiary Title", "Translated Journal")
    if not venue and _THESIS.search(tagged.text(_OPENING)):
        return tagged.text("Publisher")
    return venue
