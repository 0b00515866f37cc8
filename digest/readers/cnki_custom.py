"""CNKI's "custom" export (自定义, the fields CNKI's E-Study takes), a field a line, each
named in English and Chinese:

    DataType: 1
    Title-题名: 阿霉素抗4T1乳腺癌荷瘤小鼠的免疫调控机制
    Author-作者: 张楠;曹晓东;刘颖;杨冬冬;张子英;
    Source-刊名: 生物工程学报
    Year-年: 2021
    PubTime-出版时间: 2021-01-15 10:52
    Keyword-关键词: 乳腺癌;4T1细胞;蛋白质组学;串联质量标签;阿霉素
    Summary-摘要: 为了探讨阿霉素(Adriamycin,ADM)对4T1乳腺癌荷瘤鼠…
    SrcDatabase-来源库: 期刊
    Link-链接: https://kns.cnki.net/kcms/detail/detail.aspx?FileName=SHWU20210111001&…

`DataType` opens a record, with no blank line between records; older exports start each
with `SrcDatabase-来源库` and put a blank line between them. Where CNKI has no abstract it
gives the article's opening lines marked "<正>" (正文, body text): such a record has no
abstract. The names differ by kind of document ("Source-刊名" for a journal, "Source-来源"
for proceedings; "PubTime-出版日期"), so a field is known by its English name. Read here
with the splitting the tagged formats share (digest/readers/tagged.py).
"""

from __future__ import annotations

import re

from digest.readers.identifiers import parse_doi
from digest.readers.markup import without_abstract_heading
from digest.readers.records import (
    Parsed,
    Problem,
    Record,
    first_lines,
    missing_abstract,
    split_keywords,
)
from digest.readers.tagged import TaggedRecord, parse_records, split_tagged

# "Title-题名: …": an English name (the tag), a hyphen, the Chinese name (or an English
# one again, "DOI-DOI") and a colon; "DataType: 1" alone has no second name.
_TAG = re.compile(
    r"(DataType|[A-Z][A-Za-z]*)"
    r"(?:(?<=^DataType)|-(?:[^\x00-\x7f:\uff1a\s]+|DOI|ISSN|ISBN|CLC|URL))[:\uff1a] *(.*)$"
)
_OPENING = ("DataType", "SrcDatabase", "Title")
# CNKI's mark of an article's opening lines given where it has no abstract (正文, body text),
# in all its exports (custom, NoteExpress, RefWorks, EndNote), and the reason given for such
# a record; its mark of a paragraph break in an abstract ("Abstract(#br)This research…").
OPENING_TEXT = "<正>"
OPENING_TEXT_ONLY = "CNKI gives the article's opening lines, marked <正>, for want of one"
_BREAK = "(#br)"


def cnki_abstract(text: str) -> str:
    """An abstract from CNKI with its "(#br)" breaks as line breaks, and its heading
    ("Abstract(#br)…", as Elsevier's records in CNKI have it) dropped."""
    if _BREAK not in text:
        return without_abstract_heading(text)
    return without_abstract_heading(text.replace(_BREAK, "\n").strip())


# Names in one field (CNKI's, NoteExpress's {Author}): ";" and the full-width separators;
# "," only before a Chinese name.
NAME_SEPARATOR = re.compile(r"[;\uff1b\uff0c]|,(?=\s?[\u4e00-\u9fff])")
_METADATA = {"SrcDatabase": "database", "Organ": "affiliations", "Fund": "funding"}


def looks_like_cnki_custom(text: str) -> bool:
    """The first line is "DataType: …" or a named field ("SrcDatabase-来源库: 期刊"), and a
    title and an abstract field are among the first few lines."""
    lines = first_lines(text[:8192].lstrip("\ufeff"), 20)
    if not lines or not _TAG.match(lines[0]):
        return False
    names = {found.group(1) for line in lines if (found := _TAG.match(line))}
    return {"Title", "Summary"} <= names


def parse_cnki_custom(text: str) -> Parsed:
    split = split_tagged(text, _TAG, opens=lambda tag: tag in _OPENING, opens_once=True)
    return parse_records(split, _record, "CNKI records")


def _record(tagged: TaggedRecord) -> Record | Problem:
    title = tagged.text("Title")
    summary = tagged.text("Summary")
    if summary.startswith(OPENING_TEXT):
        return missing_abstract(tagged.line, OPENING_TEXT_ONLY, title)
    abstract = cnki_abstract(summary)
    if not abstract:
        return missing_abstract(tagged.line, "a CNKI record without a Summary-摘要", title)
    names = tagged.text("Author", "FirstDuty")
    link = tagged.text("Link", "URL")
    metadata = [(name, value) for tag, name in _METADATA.items() if (value := tagged.text(tag))]
    published = tagged.text("PubTime")
    return Record(
        line=tagged.line,
        abstract=abstract,
        title=title or None,
        authors=tuple(name.strip() for name in NAME_SEPARATOR.split(names) if name.strip()),
        url=link or None,
        doi=parse_doi(tagged.text("DOI")),
        date=published.split()[0] if published else (tagged.text("Year") or None),
        metadata=tuple(metadata),
        venue=tagged.text("Source", "Meeting") or None,
        keywords=split_keywords(tagged.text("Keyword") or None),
    )
