# Chinese paper lists write full-width labels and punctuation; they are matched on purpose.
# ruff: noqa: RUF001
"""A Markdown list item: a field of the entry (`- **Authors:** …`), the label of its abstract, a
labelled note on it, or a new entry opened by a linked or bold title, with the authors and
the citation that follow the title on its line.
"""

from __future__ import annotations

import re

from digest.readers.pasted.entries import Reader
from digest.readers.pasted.fields import (
    ABSTRACT_HEADING,
    BOLD_LABEL,
    LABELS,
    labelled_field,
    title_like,
)
from digest.readers.pasted.text import ET_AL, LINK, inline_text, is_prose
from digest.readers.plaintext import NAME, looks_like_names
from digest.readers.records import split_authors

# The spaces round a separator are "\s*(?:[:]\s*)?", never "\s*[:]?\s*": with no
# separator, the second "\s*" took the first's spaces back one at a time, so a long run of
# spaces that the pattern could not end on ("- 2020-01-01", 100,000 spaces, "x") was scanned
# once for each of its spaces: the item took minutes.
_ITEM_DATE = re.compile(r"^(\d{4}-\d{2}-\d{2})\s*(?:[,，|]\s*)?(?=\*\*|__|\[)")
_EMPTY_LABEL = re.compile(
    r"(?:^|[,;]\s*)(?:paper|pdf|code|link|url|github|project|arxiv)\s*(?:[:：]\s*)?(?=[,;]|$)",
    re.I,
)
_LINK_WORDS = frozenset(
    {"paper", "pdf", "arxiv", "link", "code", "html", "abs", "project", "website", "github",
     "阅读更多", "论文", "代码", "read more", "here", "doi", "bibtex"}
)  # fmt: skip


def read_item(reader: Reader, number: int, text: str, nested: bool) -> bool:
    """A list item: a field of the entry, or a new entry when it opens with a linked or bold
    title. Other items are left to the paragraph rules. True when the item was used."""
    if reader.current is not None and reader.current.mode == "abstract":
        # Logseq nests a block's text under its label ("- [[Abstract]]", then "\t- A …"):
        # a nested item is the abstract's text, the next item at the top ends it.
        if nested:
            reader.paragraph.append((number, text))
            return True
        reader.flush()
    field_line = labelled_field(text)
    if field_line is not None and not _bold_named_title(text, *field_line):
        name, label, value = field_line
        reader.flush()
        reader.add_field(number, name, label, value)
        return True
    if _abstract_label(text) and reader.current is not None:
        # "- **Abstract**" with the abstract on the next lines: the label, no paper's title.
        reader.flush()
        reader.current.mode = "abstract"
        return True
    labelled = BOLD_LABEL.match(text)
    if labelled and reader.current is not None and _id_labels(labelled.group(2)):
        # "- **DOI/URL**: https://doi.org/…": the paper's own ids, under labels joined by "/".
        reader.flush()
        reader.add_ids(reader.current, text[labelled.end() :])
        return True
    if labelled and reader.current is not None:
        # "- **What's New**: …" under a paper: a labelled note on it (a reader's or a model's
        # summary), neither its abstract nor the next paper's title.
        reader.flush()
        reason = f"a note labelled '{inline_text(labelled.group(2))}', not an abstract"
        reader.not_a_paper(number, text[labelled.end() :], reason)
        return True
    dated = _ITEM_DATE.match(text)  # "2022-02-22, **Title**, …": a daily list's line
    if dated:
        text = text[dated.end() :]
    link = LINK.match(text.lstrip("*_ "))
    bold = re.match(r"^(\*\*|__)(.+?)\1", text)
    title = ""
    if link and not link.group(2).lower().startswith(("http://", "https://", "doi:", "www.")):
        pass  # "[1. Introduction](#1-introduction)", "[返回目录](./index.md)": the site's pages
    elif link and inline_text(link.group(1)).lower() not in _LINK_WORDS:
        title = link.group(1)
    elif bold:
        title = bold.group(2)
    if not title or nested:
        if reader.current is not None and reader.current.mode == "notes":
            reader.flush()
            reader.paragraph.append((number, text))
            reader.flush()
            return True
        return False
    entry = reader.start(number, "item")
    entry.set_title(title, 1)
    entry.date = dated.group(1) if dated else ""
    reader.add_ids(entry, text)
    rest = LINK.sub(" ", text[len(bold.group(0)) :] if bold and not link else text)
    rest = re.sub(r"^[\s:：—–-]+", "", inline_text(rest)).strip()
    rest = rest.removeprefix(inline_text(title)).strip(" :：—–-")
    rest = re.sub(r"\[\s*\]|\(\s*\)", " ", rest).strip(" .,;[]()")
    if not re.search(r"\w", rest):
        return True
    if is_prose(rest):
        reader.paragraph.append((number, rest))
        return True
    rest = _EMPTY_LABEL.sub("", rest).strip(" ,;")  # "Paper: , Code:" once links are gone
    etal = ET_AL.match(rest)
    if etal and (looks_like_names(etal.group(1)) or NAME.match(etal.group(1))):
        entry.authors = split_authors(etal.group(1))
        rest = etal.group(2).strip(" .,;")
    # "Ana Lima, Kofi Mensah. *ACL 2024*.": the authors, then where it appeared.
    names, _, after = rest.partition(". ")
    one_name = bool(NAME.match(names)) and names[:1].isupper() and len(names.split()) <= 4
    if looks_like_names(names) or one_name or (" et al" in names and len(names.split()) <= 6):
        entry.authors = split_authors(names.replace(" et al", ""))
        rest = after.strip(" .")
    if rest:
        entry.metadata.append(("citation", rest))
    return True


_LABEL_ALONE = re.compile(r"(\*\*|__|\*|_|\[\[)([^*_\n\]]{1,40})(?:\1|\]\])\s*(?:[:：]\s*)?")


def _abstract_label(text: str) -> bool:
    """A bold or italic label naming the abstract, alone ("**Abstract**", "_摘要_"), or a
    Logseq page link naming it ("[[Abstract]]", the block Logseq's Zotero import nests the
    abstract under)."""
    bare = _LABEL_ALONE.fullmatch(text.strip())
    label = inline_text(bare.group(2)).strip(" :：").lower() if bare else ""
    return bool(label) and bool(ABSTRACT_HEADING.match(label))


def _id_labels(label: str) -> bool:
    """Labels of the paper's ids joined by "/" ("DOI/URL", "arXiv / PDF")."""
    parts = [LABELS.get(part.strip().lower()) for part in label.split("/")]
    return len(parts) > 1 and all(part in ("url", "doi", "arxiv", "pmid") for part in parts)


# An item wholly one bold span: "**GaussianCaR: Gaussian Splatting for … Fusion**".
_WHOLE_BOLD = re.compile(r"(\*\*|__)[^*_\n]{3,300}\1")


def _bold_named_title(text: str, name: str, label: str, value: str) -> bool:
    """Whether a bold item that reads as a field of an unknown label is a paper's title of
    the form "Name: what it is" ("**GaussianCaR: Gaussian Splatting for Efficient
    Camera-Radar Fusion**"): one word before the colon, a title after it."""
    return (
        not name
        and " " not in label
        and len(value.split()) >= 3
        and bool(_WHOLE_BOLD.fullmatch(text.strip()))
        and title_like(value.strip().strip("*_"))
    )
