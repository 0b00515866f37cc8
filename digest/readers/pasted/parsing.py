"""The entry points and the walk over a paste's lines: front matter, code fences, XML or an
HTML table pasted into a note, an abstract page split over lines and hard-wrapped fields are
taken whole; every other line goes to lines.read_line, and finishing.finish makes the
entries records.
"""

from __future__ import annotations

import re

from digest.readers import arxiv_pages, markup
from digest.readers.csl_yaml import front_matter_references
from digest.readers.pasted.blocks import (
    FOOTNOTE,
    FOOTNOTE_REF,
    FRONT_MATTER,
    HEADING,
    ITEM,
    QUOTE,
    RULE,
    TABLE_ROW,
    next_text,
)
from digest.readers.pasted.entries import Reader
from digest.readers.pasted.finishing import finish
from digest.readers.pasted.front_matter import front_matter_properties, is_item_note
from digest.readers.pasted.lines import read_line
from digest.readers.pasted.tables import read_table_cells, table_end
from digest.readers.pasted.wrapped import wrapped_field
from digest.readers.records import Parsed, Problem, Record, excerpt, parsed_from


def parse_markdown(text: str) -> Parsed:
    return _parse(text, "markdown")


def parse_arxiv_page(text: str) -> Parsed:
    return _parse(text, "arxiv-paste")


def parse_notes(text: str) -> Parsed:
    return _parse(text, "notes")


def _parse(text: str, name: str) -> Parsed:
    lines = _setext_headings(_unquoted_entries(text.split("\n")))
    structured = name != "notes"
    reader = Reader(structured)
    skip_until = 0
    front = FRONT_MATTER.match(text)
    in_front = front_matter_references(front.group(0)) if front else None
    cited = [in_front] if in_front else []
    if front:
        skip_until = front.group(0).count("\n")
        reader.properties = front_matter_properties(front.group(1) or "")
        reader.item_note = is_item_note(reader.properties, lines[skip_until:])
        reason = "front matter (the note's properties), not a paper"
        if in_front is None:
            reader.problems.append(Problem(1, reason, excerpt(front.group(1) or ""), notice=True))
    in_fence = False
    number = skip_until
    while number < len(lines):
        line = lines[number]
        number += 1
        stripped = line.strip()
        if stripped.startswith(("```", "~~~")):
            reader.flush()
            in_fence = not in_fence
            continue
        if in_fence:
            continue
        block_end = _references_block_end(lines, number - 1)
        if block_end is not None:
            # pandoc's metadata block after the text, as a document ends with the works it
            # cites: read as a front matter's (its line numbers the file's).
            reader.flush()
            block = "\n".join(lines[number - 1 : block_end + 1])
            if (references := front_matter_references(block, number)) is not None:
                cited.append(references)
            number = block_end + 1
            continue
        if stripped.startswith(("<?xml", "<rss", "<feed", "<rdf:RDF")):
            end = _section_end(lines, number - 1)
            chunk = "\n".join(lines[number - 1 : end])
            reader.flush()
            for found in arxiv_pages.xml_items(number, chunk):
                reader.add_found(found)
            number = end
            continue
        if stripped.lower().startswith("<table"):
            # An HTML table in a Markdown page (an arxiv-daily index, a model zoo's list):
            # its rows are the table rows they would be in Markdown.
            end = table_end(lines, number - 1)
            reader.flush()
            for row in markup.html_table_rows("\n".join(lines[number - 1 : end])):
                read_table_cells(reader, number - 1 + row.line, list(row.cells), row.header)
            number = end
            continue
        split_page = arxiv_pages.split_abs_page(lines, number - 1)
        if split_page is not None:
            reader.flush()
            reader.add_found(split_page[0])
            number = split_page[1]
            continue
        wrapped = wrapped_field(lines, number - 1)
        reader.line_start = number
        if wrapped is not None:
            line, number = wrapped
        opened = len(reader.entries)
        read_line(reader, number, line, lines)
        if "[^" in line and not FOOTNOTE.match(line):
            _refer(reader, opened, FOOTNOTE_REF.findall(line))
    reader.flush()
    parsed = finish(reader, name, lines)
    if not cited:
        return parsed
    # A document's metadata (its front matter, or a block after its text) names the works
    # it cites (pandoc's `references`): they are its papers; a section of its own text (a
    # heading over prose, naming no paper by an id) is not one.
    # (Each record is sorted once: `r not in own` compared each with all of a long
    # document's sections.)
    own: list[Record] = []
    papers: list[Record] = []
    for r in parsed.records:
        (papers if r.doi or r.arxiv or r.url or r.pmid else own).append(r)
    sections = [
        Problem(r.line, _OWN_SECTION, excerpt(r.title or r.abstract), notice=True) for r in own
    ]
    results: list[Record | Problem] = [*papers, *parsed.problems, *sections]
    for references in cited:
        results += [*references.records, *references.problems]
    return parsed_from(sorted(results, key=lambda one: one.line or 0), format=parsed.format)


_OWN_SECTION = "a section of a document that cites its papers in its metadata, not a paper"


def _unquoted_entries(lines: list[str]) -> list[str]:
    """The lines with each quote that holds a heading unquoted: a paper list that quotes
    each of its entries whole ("> ### 1. Title", its table and abstract quoted under it:
    YOLO-Arxiv-Daily since 2026) lists them as it would unquoted. A quote without a heading
    (an abstract quoted in a note) is left as it is."""
    unquoted = list(lines)
    start = None
    for number, line in enumerate([*lines, ""]):
        if QUOTE.match(line):
            start = number if start is None else start
            continue
        if start is not None:
            quote = [QUOTE.sub(r"\1", one) for one in lines[start:number]]
            if any(map(HEADING.match, quote)):
                unquoted[start:number] = quote
        start = None
    return unquoted


# A setext heading's underline: "=" under the text (a README's title, "Title\n=====").
_UNDERLINE = re.compile(r"^\s{0,3}=+\s*$")


def _setext_headings(lines: list[str]) -> list[str]:
    """The lines with each title underlined by "=" (a paragraph of one line, outside a code
    fence) written as the "# Title" it is; its underline is left blank, so every line keeps
    its number."""
    headed = list(lines)
    in_fence = False
    for number in range(len(lines) - 1):
        stripped = lines[number].strip()
        if stripped.startswith(("```", "~~~")):
            in_fence = not in_fence
        if in_fence or not stripped or not _UNDERLINE.match(lines[number + 1]):
            continue
        if (number == 0 or not lines[number - 1].strip()) and not any(
            p.match(lines[number]) for p in (HEADING, RULE, ITEM, QUOTE, TABLE_ROW)
        ):
            headed[number], headed[number + 1] = "# " + stripped, ""
    return headed


def _references_block_end(lines: list[str], start: int) -> int | None:
    """Where a pandoc metadata block holding `references` that opens on line `start` (a
    `---` after a blank line, not at the file's top) closes (its `---` or `...` line);
    None if no such block opens there."""
    if start == 0 or lines[start].rstrip() != "---" or lines[start - 1].strip():
        return None
    first = next_text(lines, start + 1)
    if not first.startswith("references:"):
        return None
    ends = (n for n in range(start + 1, len(lines)) if lines[n].rstrip() in ("---", "..."))
    return next(ends, None)


def _refer(reader: Reader, opened: int, labels: list[str]) -> None:
    """The footnotes a line refers to belong to its entry: the one the line opened (a table
    row, done with once read) or the one it is part of; a footnote referred to again (a
    note two papers share) stays with the first."""
    entry = reader.entries[-1] if len(reader.entries) > opened else reader.current
    if entry is None:
        return
    for label in labels:
        if label not in reader.referred:
            reader.referred.add(label)
            entry.footnotes.append(label)


def _section_end(lines: list[str], start: int) -> int:
    """Where pasted XML ends: the next Markdown heading, or the end of the file."""
    for index in range(start + 1, len(lines)):
        if HEADING.match(lines[index]) and not lines[index].lstrip().startswith("<"):
            return index
    return len(lines)
