# Chinese paper lists write full-width labels and punctuation; they are matched on purpose.
# ruff: noqa: RUF001, RUF002, RUF003
"""Labelled fields: a line such as `Title: …`, `**Authors**: …` or `**摘要**：…`, in English or
Chinese, plain or bold, read as (field, label, value); the labels and the field each fills, the
labels and headings that name an abstract or a summary of it, and the tests that hang on them
(a title-like line is no field; a date as a note's template writes it).
"""

from __future__ import annotations

import re

from digest.readers.pasted.text import LINK, URL, inline_text, is_prose
from digest.readers.plaintext import looks_like_names
from digest.readers.records import rfc2822_day

# "Authors: …", "**Authors:** …", "*Authors:* …" (bold or italic labels), with a bullet;
# Obsidian's Dataview fields ("Authors:: …").
# The spaces before the line and after its bullet are taken whole, or all but the last (a
# label may start with that one, "   : x"): giving back any more cannot match where these
# fail, and a plain "\s*" (or "\s+") gave back one at a time, rescanning the rest of a long
# run of tabs (or of spaces after a "-") for each.
_FIELD = re.compile(
    r"^(?:(?>\s*)|\s*?(?=\s(?!\s)))(?:[-*+](?:(?>\s+)|\s+?(?=\s(?!\s))))?"
    r"(?:\*\*|__|\*|_)?([^:：*_\[\]()<>|/]{1,40}?)(?:\*\*|__|\*|_)?\s*[:：]:?\s*"
    r"(?:\*\*|__|\*|_)?\s*(.*)$"
)
_BOLD_FIELD = re.compile(r"^\s*(?:[-*+]\s+)?(\*\*|__)[^*_:：]{1,40}[:：]")
BOLD_LABEL = re.compile(r"^(\*\*|__|\*|_)([^*_:：\n]{1,40}?)\s*(?:[:：]\1|\1\s*[:：])\s*")

# Field labels (lower case) and the field they fill.
LABELS: dict[str, str] = {
    "title": "title", "paper title": "title", "标题": "title", "题目": "title", "论文标题": "title",
    "论文名称": "title", "título": "title", "titulo": "title",
    "author": "authors", "authors": "authors", "author(s)": "authors", "by": "authors",
    "作者": "authors", "autores": "authors", "autor": "authors",
    "abstract": "abstract", "summary": "abstract", "tl;dr": "abstract", "tldr": "abstract",
    "摘要": "abstract", "摘要翻译": "abstract", "概要": "abstract", "简介": "abstract",
    "link": "url", "url": "url", "pdf": "url", "paper": "url", "paper link": "url",
    "arxiv link": "url", "论文链接": "url", "链接": "url", "论文地址": "url",
    "arxiv": "arxiv", "arxiv id": "arxiv", "cite as": "arxiv",
    "doi": "doi", "pmid": "pmid",
    "date": "date", "published": "date", "publication date": "date", "submitted": "date",
    "year": "date", "año": "date", "发布日期": "date", "日期": "date", "submitdate": "date",
    "submit date": "date", "submission date": "date", "submitted date": "date",
    "venue": "venue", "journal": "venue", "conference": "venue", "published in": "venue",
    "journal-ref": "venue", "journal ref": "venue", "journal reference": "venue",
    "keywords": "keywords", "tags": "keywords", "关键词": "keywords",
    "subjects": "subjects", "categories": "subjects",
    "comments": "comments", "comment": "comments", "备注": "comments", "评论": "comments",
    "分类": "subjects", "类别": "subjects",
    # The paper's own reference, as a note's template writes it (Zotero Integration's
    # "bibliography:: Lee, Ana. 2017. 'Title'. [https://doi.org/…](…)."): its links are the paper's.
    "bibliography": "citation", "citation": "citation",
    "code": "code", "code link": "code", "github": "code", "代码": "code", "代码链接": "code",
    # Korean: title, original title, authors, date, year, year published, journal, venue,
    # abstract, keywords.
    "제목": "title", "원문 제목": "title", "저자": "authors", "날짜": "date", "연도": "date",
    "발표연도": "date", "저널": "venue", "게재지": "venue", "발표처": "venue", "초록": "abstract",
    "키워드": "keywords",
    # Japanese: abstract (a paper's "要旨", a database's "抄録").
    "要旨": "abstract", "抄録": "abstract",
}  # fmt: skip
# Labels of a summary of the paper (a model's or a reader's): its abstract when the entry
# has no other, but the abstract itself replaces it ("**简介:** …" then "**摘要:** …").
SUMMARY_LABELS = frozenset({"summary", "tl;dr", "tldr", "简介", "概要", "요약"})

# Headings that name a part of a paper's entry, or a part of a note: no paper's title.
# "摘要（原文）", "Abstract (original)", "📄 Abstract", "Original abstract", "原始摘要": still the
# abstract, and Japanese "要旨"; "Key summary", Korean "핵심 요약" (key summary): a summary.
ABSTRACT_HEADING = re.compile(
    r"^[^\w]*(?:(?:original|paper|full|english|key|short|brief|quick)\s+|完整|原文|原始|英文|论文|핵심\s*)?"
    r"(abstract|summary|tl;dr|tldr|摘要|概要|简介|초록|요약|要旨|抄録)\s*(?:[(（][^)）]{1,40}[)）])?$"
)


def labelled_field(text: str) -> tuple[str, str, str] | None:
    """(field, label, value) of a field line ("**Authors**: …", "Title:…"), or None."""
    found = _FIELD.match(text)
    if found is None:
        return None
    label = inline_text(found.group(1)).strip().lower()
    value = found.group(2)
    bold = _BOLD_FIELD.match(text)
    if bold and value.rstrip().endswith(bold.group(1)) and value.count(bold.group(1)) % 2:
        value = value.rstrip()[: -len(bold.group(1))]  # "**简介: …**": the whole field bold
    if label in ("http", "https") or len(label.split()) > 4:
        return None
    name = LABELS.get(label) or LABELS.get(_ICON.sub("", label), "")  # "📅 发布日期"
    if not name and ABSTRACT_HEADING.match(label):
        name = "abstract"  # "完整摘要（实际读）：", "Abstract (arXiv):"
    if name == "url" and label == "paper" and not URL.search(value) and not LINK.search(value):
        name = "title"
    if not name and (is_prose(value) or not value.strip()):
        return None  # "Background: We …" is an abstract's own label, not a field
    if not name and _named_for(found.group(1).strip(), value):
        return None  # "CORL: A Continuous-state Offset-dynamics Reinforcement Learner", a title
    return name, label, value


# The icons a generated list puts before its labels ("\U0001f4c5 发布日期", "\U0001f464 作者").
_ICON = re.compile(r"^[^\w\s]+\s*")


def _named_for(label: str, value: str) -> bool:
    """Whether a label in capitals is the acronym of the title after it ("CORL: A
    Continuous-state Offset-dynamics Reinforcement Learner"): its letters, in order, among
    the capitals that open the title's words."""
    if not _ACRONYM.fullmatch(label) or not title_like(value):
        return False
    capitals = iter(_WORD_CAPITAL.findall(value))
    return all(letter in capitals for letter in label)


_ACRONYM = re.compile(r"[A-Z]{2,8}")
_WORD_CAPITAL = re.compile(r"\b[A-Z]")


def title_like(text: str) -> bool:
    words = text.split()
    if not 2 <= len(words) <= 30 or text.endswith((".", ":", ",", ";")):
        return False
    if URL.search(text) or labelled_field(text) is not None or looks_like_names(text):
        return False
    return text[:1].isupper() or text[:1].isdigit()


def translated(label: str) -> bool:
    """An abstract's label naming a translation ("摘要（中文）", "Abstract (translated)"):
    the abstract only of an entry that has no other, as a summary ("摘要（原文）" follows)."""
    return bool(re.search(r"[(（][^)）]{0,20}(?:中文|译|chinese|translat)", label, re.I))


_RFC_2822 = re.compile(r"^[A-Z][a-z]{2}, \d{1,2} [A-Z][a-z]{2} \d{4} \d\d:\d\d")


# A remark in brackets after the date: "2025-05-06 (更新: 2025-05-29)", the day the paper
# was updated after the day it came out.
_DATE_REMARK = re.compile(r"(?<=\S)\s*[(（][^()（）]*[)）]$")


def date_value(value: str) -> str:
    """A date as the note has it, without a remark in brackets after it; an e-mail style one
    ("Thu, 28 May 2026 00:00:00 -0400", a feed's pubDate copied into a note's properties) as
    its ISO day."""
    value = _DATE_REMARK.sub("", value.strip())
    return (rfc2822_day(value) or value) if _RFC_2822.match(value) else value
