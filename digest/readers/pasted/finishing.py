"""From entries to records: the same paper pasted twice becomes one, a page's own heading and
blurb are told from papers, and every entry without an abstract is accounted for (as a
notice, or as a paper without its abstract; a list of titles and links without any abstract
says so in each entry's reason).
"""

from __future__ import annotations

import re

from digest.readers import arxiv_pages
from digest.readers.markup import inline_markup_to_text
from digest.readers.pasted.entries import Entry, Reader
from digest.readers.pasted.front_matter import apply_properties
from digest.readers.pasted.text import SENTENCE_END, join_lines
from digest.readers.records import Parsed, Problem, Record, excerpt


def finish(reader: Reader, name: str, lines: list[str]) -> Parsed:
    entries = reader.entries
    note = _note_title(reader)
    if note is not None:
        # A note's "# Title" over its sections, the paper's feed item (untitled) in one of
        # them: the note's title is the paper's, as a title property would be; a section
        # heading ("## Links" over the paper's link) is not.
        reader.found[0].set_title(note.title, 2)
        entries = [entry for entry in entries if entry is not note]
    merged = _merge_same_papers([*entries, *reader.found])
    papers = [entry for entry in merged if entry.abstract]
    if not papers and reader.properties.get("abstract"):
        # A reference note whose properties are the whole reference, abstract included.
        entry = Entry(1, "front", abstract=join_lines([reader.properties["abstract"]]))
        merged.append(entry)
        papers = [entry]
        reader.title_lines.add(1)  # the front matter is the paper, not text left out
    if reader.properties and len(papers) == 1:  # a note about one paper: its properties
        apply_properties(reader, papers[0])
    blurbs = {id(entry) for entry in _page_blurbs(papers)}
    papers = [entry for entry in papers if id(entry) not in blurbs]
    records: list[Record] = []
    problems = [p for p in reader.problems if p.line not in reader.title_lines]
    # A paper list of titles and links with no abstract at all (an arxiv-daily table) is
    # the wrong file, and says so in each entry's reason, which loading sums up in one line;
    # its headings and page furniture are then no news.
    no_abstracts = not papers and any(_names_a_paper(entry) for entry in merged)
    why = _NO_ABSTRACTS if no_abstracts else "a pasted entry without one"
    if no_abstracts:
        problems = [p for p in problems if not p.notice]
    for entry in merged:
        if id(entry) in blurbs:
            reason = "a page's heading and its line of text, not a paper (no id, no authors)"
            problems.append(Problem(entry.line, reason, excerpt(entry.title), notice=True))
        elif entry.abstract:
            records.append(_record(entry))
        elif _names_a_paper(entry):
            what = f"arXiv:{entry.ids['arxiv']}" if "arxiv" in entry.ids else entry.title
            problems.append(
                Problem(entry.line, f"no abstract ({why})", excerpt(what or ""), entry.replacement)
            )
        elif entry.title and not no_abstracts:
            reason = "heading without an abstract, not a paper"
            problems.append(Problem(entry.line, reason, excerpt(entry.title), notice=True))
        elif entry.metadata and not no_abstracts:
            # A field line of no paper ("Note: …" above a pasted abstract page): said, as
            # text outside any paper is.
            label, value = entry.metadata[0]
            field = f"{_as_written(label, lines[entry.line - 1])}: {value}"
            reason = "text that is not part of any paper"
            problems.append(Problem(entry.line, reason, excerpt(field), notice=True))
    records.sort(key=lambda r: r.line)
    problems.sort(key=lambda p: p.line or 0)
    return Parsed(tuple(records), tuple(problems), format=name)


_NO_ABSTRACTS = (
    "the file lists papers without their abstracts (titles, links, notes): use a list made "
    "with abstracts, or the papers' arXiv listing or feed"
)


def _as_written(label: str, line: str) -> str:
    """A field's label, read lower-cased ("note"), as its line writes it ("Note")."""
    start = line.lower().find(label)
    written = line[start : start + len(label)] if start >= 0 else ""
    return written if written.lower() == label else label


def _note_title(reader: Reader) -> Entry | None:
    """A note's own "#" heading, its only one and its first entry, when the note's one paper
    is a feed item found whole without a title, and the note has no title property."""
    first = reader.entries[0] if reader.entries else None
    if (
        first is None
        or first.kind != "heading"
        or first.level != 1
        or first.abstract
        or first.ids
        or reader.properties.get("title")
        or len(reader.found) != 1
        or reader.found[0].title
        or any(entry.level == 1 or entry.abstract for entry in reader.entries[1:])
    ):
        return None
    return first


def _page_blurbs(papers: list[Entry]) -> list[Entry]:
    """Headings over one short sentence ("# Showing new listings for …" then "Auto update
    papers at about 2:30am UTC every weekday."), with neither id nor authors, in a list
    whose papers have them: the page's own heading and blurb, no paper. So is such a
    heading above every paper's ("# arXiv Daily Digest - 2026-09-21" over its "### [Title]
    (link)" papers, its summary a list of topics), however long its text."""
    named = [entry for entry in papers if entry.ids or entry.authors]
    if len(named) < 2:
        return []
    levels = [entry.level for entry in named if entry.kind == "heading"]
    top = min(levels) if len(levels) == len(named) else 0
    return [
        entry
        for entry in papers
        if entry.kind == "heading"
        and not entry.ids
        and not entry.authors
        and (
            0 < entry.level < top
            or (len(entry.abstract.split()) < 25 and len(SENTENCE_END.findall(entry.abstract)) <= 1)
        )
    ]


def _names_a_paper(entry: Entry) -> bool:
    """An entry without an abstract that still names a paper: by an id or link, as a line
    of an arXiv listing, or as a list item or table row with its authors. A bold list item
    alone ("- **20 new papers**") names none."""
    if entry.ids or entry.kind == "listing":
        return True
    return entry.kind in ("item", "row") and bool(entry.authors or entry.date)


def _record(entry: Entry) -> Record:
    metadata = list(dict.fromkeys((k, v) for k, v in entry.metadata if v))
    return Record(
        line=entry.line,
        abstract=inline_markup_to_text(arxiv_pages.without_toggles(entry.abstract)),
        arxiv=entry.ids.get("arxiv"),
        title=inline_markup_to_text(entry.title) or None,
        authors=entry.authors,
        url=entry.ids.get("url"),
        doi=entry.ids.get("doi"),
        date=entry.date or None,
        pmid=entry.ids.get("pmid"),
        venue=entry.venue or None,
        keywords=tuple(dict.fromkeys(entry.keywords)),
        metadata=tuple(metadata),
    )


def _keys(entry: Entry) -> list[str]:
    keys: list[str] = []
    if arxiv := entry.ids.get("arxiv"):
        keys.append("arxiv:" + re.sub(r"v\d+$", "", arxiv))
    if doi := entry.ids.get("doi"):
        keys.append("doi:" + doi.casefold())
    if entry.title and entry.title_rank >= 1 and len(entry.title) >= 20:
        keys.append("title:" + re.sub(r"\W+", " ", entry.title.casefold()).strip())
    # A footnote is the rest of the entry that refers to it ("| [^1] | [Title](…) | … |",
    # then "[^1]: …" below with the abstract: cn-chat-arxiv's daily lists).
    keys += ["footnote:" + label for label in entry.footnotes]
    return keys


def _merge_same_papers(entries: list[Entry]) -> list[Entry]:
    """The same paper pasted more than once in a file becomes one entry."""
    groups: list[list[Entry]] = []
    where: dict[str, int] = {}
    for entry in sorted(entries, key=lambda e: e.line):
        keys = _keys(entry)
        target = next((where[k] for k in keys if k in where), None)
        if target is None:
            target = len(groups)
            groups.append([])
        groups[target].append(entry)
        for key in keys:
            where.setdefault(key, target)
    return [_combined(group) for group in groups]


def _combined(group: list[Entry]) -> Entry:
    if len(group) == 1:
        return group[0]
    first = group[0]
    out = Entry(first.line, first.kind)
    for entry in group:
        out.set_title(entry.title, entry.title_rank) if entry.title else None
        if len(entry.abstract) > len(out.abstract):
            out.abstract = entry.abstract
        if len(entry.authors) > len(out.authors):
            out.authors = entry.authors
        for key, value in entry.ids.items():
            known = out.ids.get(key)
            if known is None or (key == "arxiv" and value.startswith(known) and value != known):
                out.ids[key] = value  # the first id, with its version when a later one has it
        out.date = out.date or entry.date
        out.venue = out.venue or entry.venue
        out.keywords += entry.keywords
        out.metadata += entry.metadata
        out.replacement = out.replacement or entry.replacement
        out.footnotes += entry.footnotes
    return out
