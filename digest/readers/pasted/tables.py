# Chinese paper lists write full-width labels and punctuation; they are matched on purpose.
# ruff: noqa: RUF001
"""Table rows, in Markdown or in HTML: a header row names the columns ("Title", "题目"), and every
other row is one paper; in a table without a header row, each column is told by what its
cell holds (a date, a link, names, a title).
"""

from __future__ import annotations

import re

from digest.readers.pasted.entries import Reader
from digest.readers.pasted.fields import LABELS, labelled_field, title_like
from digest.readers.pasted.text import ET_AL, LINK, URL, inline_text, join_lines
from digest.readers.plaintext import looks_like_names


def table_end(lines: list[str], start: int) -> int:
    """Where an HTML table ends: after its "</table>" line, or at the end of the file."""
    for index in range(start, len(lines)):
        if "</table>" in lines[index].lower():
            return index + 1
    return len(lines)


def read_table_row(reader: Reader, number: int, inner: str, header: bool) -> None:
    cells = [cell.strip() for cell in re.split(r"(?<!\\)\|", inner)]
    read_table_cells(reader, number, cells, header)


def read_table_cells(reader: Reader, number: int, cells: list[str], header: bool) -> None:
    if header:
        named = tuple(inline_text(cell).lower() for cell in cells)
        reader.columns = (
            list(_KEY_VALUE) if named in _KEY_VALUE_HEADERS else [_column(cell) for cell in cells]
        )
        return
    reader.flush()
    if reader.columns == list(_KEY_VALUE):
        # A table of one paper's fields, under its heading: "| \U0001f4c5 发布日期 | 2026-09-29 |".
        field = labelled_field(f"{cells[0]}: {cells[1]}") if len(cells) == 2 else None
        if field is not None and field[0]:
            reader.add_field(number, *field)
        return
    entry = reader.start(number, "row")
    for name, cell in zip(reader.columns or _guessed_columns(cells), cells, strict=False):
        if not cell or not name:
            continue
        if name == "title":
            link = LINK.search(cell)
            entry.set_title(link.group(1) if link else cell, 1)
            reader.add_ids(entry, cell)
        elif name == "abstract":
            entry.abstract, entry.labelled = join_lines([cell.replace("<br>", " ")]), True
        else:
            reader.add_field(number, name, name, cell)
            if name not in LABELS.values() and "arxiv:" in cell.lower():
                reader.add_ids(entry, cell)  # "arXiv:2507.08104v1" in a column of its own
    reader.current = None


# The header of a table of one paper's fields, a label and its value a row (YOLO-Arxiv-Daily:
# "| 属性 | 内容 |", attribute and content).
_KEY_VALUE = ("label", "value")
_KEY_VALUE_HEADERS = frozenset({("属性", "内容"), ("field", "value"), ("property", "value")})


def _column(header: str) -> str:
    """The field a table column holds, by its header ("题目", "论文名称(链接)": title)."""
    label = inline_text(header).lower()
    return LABELS.get(label) or LABELS.get(_BRACKETED.sub("", label), label)


# "(链接)", "(link)". Spaces before it only from where their run starts: tried from inside a
# long run, "\s*" rescanned the rest of it each time.
_BRACKETED = re.compile(r"(?<!\s)\s*+[(（][^()（）]{1,20}[)）]\s*$")


def _guessed_columns(cells: list[str]) -> list[str]:
    """The fields of a table row with no header row above it (nlp-arxiv-daily's monthly
    archives: `|**2018-10-23**|**Title**|Tomer Libal et.al.|[id](link)|null|`), told by
    what each cell holds: a date, a link, names, a title (bold, or the first title-like)."""
    names: list[str] = []
    for cell in cells:
        text = inline_text(cell)
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
            name = "date"
        elif LINK.search(cell) or URL.search(cell):
            name = "url"
        elif "title" not in names and cell.startswith(("**", "__")) and title_like(text):
            name = "title"
        elif ET_AL.match(text) or looks_like_names(text):
            name = "authors"
        elif "title" not in names and title_like(text):
            name = "title"
        else:
            name = ""  # "null" where a code link would be, a number
        names.append(name)
    return names
