"""arXiv's daily email listing, as received (or saved from a mail client).

A listing is boilerplate, then one record per paper between `\\\\` lines:

    \\\\
    arXiv:2411.10001                         <- id, version optional, "(*cross-listing*)"
    Date: Fri, 15 Nov 2024 19:04:11 GMT   (812kb,D)
                                             <- blank line
    Title: Sparse Retrieval Heads: How ...   <- fields, continued on indented lines
      Needle
    Authors: Ana Lima, Kofi Mensah (University of Ghana, Legon) and Wei Zhang
    Categories: cs.CL cs.AI
    Comments: 18 pages
    \\\\
      Long-context language models ...       <- the abstract, hard-wrapped
    \\\\ ( https://arxiv.org/abs/2411.10001 ,  812kb)

`%-%-…` opens the cross-listed papers and `%%--…` the replacements. A replacement often
carries no abstract (only its header and the trailer): it becomes a Problem that names the
paper, since a new version of a paper whose abstract we never saw has nothing to summarise;
a notice, not an error, since the file is as arXiv sends it (`--strict` lets it pass).
The mail header and arXiv's preamble before the first record are not papers and are passed
over; any other text between records is reported as a Problem with its line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from digest.cleaning import join_wrapped_lines
from digest.readers.records import Parsed, Problem, Record, excerpt, split_authors

_TRAILER = re.compile(r"^\\\\ \(\s*(https?://\S*arxiv\.org/abs/\S+?)\s*,\s*[\d.]+\s*[kKmM]b\s*\)")
_ID_LINE = re.compile(r"^arXiv:(\S+)(.*)$")
_FIELD = re.compile(r"^([A-Z][A-Za-z-]*(?: \(v\d+\))?):\s?(.*)$")
_CROSS_MARKER = re.compile(r"^(?:%-){4,}")
_REPLACE_MARKER = re.compile(r"^(?:%%--){3,}|^(?:%%%---){3,}")
_RULE = re.compile(r"^-{20,}\s*$")
_SECTION_TITLE = re.compile(
    r"^(?:New submissions|Submissions|Cross-submissions|Cross-lists|Replacements|"
    r"Revised submissions)\b",
    re.I,
)
_SNIFF = re.compile(r"^\\\\ \(\s*https?://\S*arxiv\.org/abs/", re.M)
# Starts only where a run of spaces starts, and never gives a space back: from inside a long
# run, \s* would rescan the rest of it at every position (quadratic).
_SIZE = re.compile(r"(?<!\s)\s*+\(\d+kb(?:,\w+)?\)\s*$")

# Fields (lower case) with a Record field of their own; the rest are kept as metadata.
_OWN_FIELDS = frozenset({"title", "authors", "date", "doi", "journal-ref"})


def looks_like_arxiv_listing(text: str) -> bool:
    """A `\\\\ ( https://arxiv.org/abs/… , NNkb)` trailer line near the start."""
    return _SNIFF.search(text, 0, 200_000) is not None


@dataclass
class _Entry:
    """A record being read: where it started, its header fields and abstract lines."""

    line: int
    section: str
    fields: list[tuple[str, list[str]]] = field(default_factory=list)
    abstract: list[str] = field(default_factory=list)
    arxiv: str = ""
    in_abstract: bool = False
    url: str = ""
    replaced: str = ""


def parse_arxiv_listing(text: str) -> Parsed:
    """Every paper in a listing; replacements without an abstract come back as Problems."""
    records: list[Record] = []
    problems: list[Problem] = []
    section = "new"
    entry: _Entry | None = None
    started = False  # before the first record is the mail's header and arXiv's preamble
    for number, line in enumerate(text.split("\n"), start=1):
        stripped = line.strip()
        if entry is None:
            if _CROSS_MARKER.match(stripped):
                section = "cross"
            elif _REPLACE_MARKER.match(stripped):
                section = "replace"
            elif stripped == "\\\\":
                entry, started = _Entry(number, section), True
            elif started and stripped and not _between_records(stripped):
                reason = "text between listing records, not part of any paper"
                problems.append(Problem(number, reason, excerpt(stripped)))
            continue
        # Only lines starting with a backslash, a dash or a percent sign can be structure;
        # testing that first spares the regexes the thousands of abstract lines.
        first = stripped[:1]
        trailer = _TRAILER.match(stripped) if first == "\\" else None
        if trailer:
            entry.url = trailer.group(1)
            _finish(entry, records, problems)
            entry = None
        elif stripped == "\\\\":
            if entry.in_abstract:  # a record cut short: close it and start the next
                _finish(entry, records, problems)
                entry = _Entry(number, section)
            else:
                entry.in_abstract = True
        elif first in ("-", "%") and (_RULE.match(stripped) or _CROSS_MARKER.match(stripped)):
            _finish(entry, records, problems)
            entry = None
        elif entry.in_abstract:
            entry.abstract.append(line)
        else:
            _add_header_line(entry, number, line)
    if entry is not None:
        _finish(entry, records, problems)
    return Parsed(tuple(records), tuple(problems))


def no_abstract(line: int, what: str, title: str, section: str) -> Problem:
    """A listed paper without its abstract (`what`: "arXiv:ID"). arXiv announces most
    replacements without one: that is a notice, since there is nothing in the file to fix."""
    replacement = section.startswith("replace")
    if replacement:
        reason = (
            f"arXiv replacement without an abstract ({what}); it announces a new "
            "version, so add the abstract from the paper's page or an earlier listing"
        )
    else:
        reason = f"arXiv listing entry without an abstract ({what})"
    return Problem(line, reason, excerpt(f"{what} {title}"), replacement)


def _between_records(stripped: str) -> bool:
    """Lines a listing has between records: rules, section titles, the closing marker; and
    the code fence a note pastes the mail into ("```")."""
    fence = stripped.startswith(("```", "~~~"))
    return bool(fence or _RULE.match(stripped) or _SECTION_TITLE.match(stripped))


def _add_header_line(entry: _Entry, number: int, line: str) -> None:
    stripped = line.strip()
    if not stripped:
        return
    id_line = _ID_LINE.match(stripped)
    if id_line and not entry.arxiv:
        entry.line = number
        entry.arxiv = id_line.group(1)
        if "cross-list" in id_line.group(2):
            entry.section = "replace-cross" if entry.section == "replace" else "cross"
        return
    if stripped.startswith("replaced with revised version"):
        entry.replaced = stripped.removeprefix("replaced with revised version").strip()
        return
    named = _FIELD.match(stripped)
    if named and not line[:1].isspace():
        entry.fields.append((named.group(1), [named.group(2)]))
    elif entry.fields:  # a field wrapped onto an indented line
        entry.fields[-1][1].append(stripped)
    else:
        entry.fields.append(("note", [stripped]))


def _finish(entry: _Entry, records: list[Record], problems: list[Problem]) -> None:
    fields = [(name.lower(), join_wrapped_lines(lines)) for name, lines in entry.fields]
    own = {name: value for name, value in reversed(fields) if name in _OWN_FIELDS}
    title = own.get("title", "")
    abstract = join_wrapped_lines(entry.abstract)
    what = f"arXiv:{entry.arxiv}" if entry.arxiv else "listing entry"
    if not abstract and not entry.arxiv and not entry.fields:
        return  # a "\\" that opens nothing: a copy cut right after a record's rule
    if not abstract:
        problems.append(no_abstract(entry.line, what, title, entry.section))
        return
    # Every other field (Categories, Comments, Journal-ref, License, stray lines) is kept.
    metadata = [("announce type", entry.section)]
    metadata += [(name, value) for name, value in fields if name not in _OWN_FIELDS and value]
    if entry.replaced:
        metadata.append(("replaced", _SIZE.sub("", entry.replaced)))
    if "(" in own.get("authors", ""):  # the affiliations the names are read without
        metadata.append(("authors with affiliations", own["authors"]))
    records.append(
        Record(
            line=entry.line,
            abstract=abstract,
            arxiv=entry.arxiv or None,
            title=title or None,
            authors=split_authors(own.get("authors", "")),
            url=entry.url or None,
            doi=own.get("doi") or None,
            venue=own.get("journal-ref") or None,
            date=_SIZE.sub("", own.get("date", "")) or None,
            metadata=tuple(metadata),
        )
    )
