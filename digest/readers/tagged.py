"""What the tagged-line exports share (MEDLINE, Web of Science plain text, EndNote's refer
format): a record is a run of lines that each start with a short tag, a value that runs on
over untagged (usually indented) lines, and a blank line or an end tag between records.

    PMID- 36206242            PT J                      %0 Journal Article
    TI  - On the Monte Carlo  TI Structural control of  %T A constant rate of
          weights in …           ultra-fine CoPt …      %A Drake, John W.
                              ER                        %X In terms of evolution …

Each format's reader says what a tag line looks like and which tags open and close a
record; this module splits the text, keeping each field's lines apart (a Web of Science
author list has one name a line; an abstract's lines are one text) and the line numbers of
anything outside a record.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from digest.readers.records import Parsed, Problem, Record, excerpt


@dataclass
class TaggedRecord:
    line: int  # where the record starts
    fields: list[tuple[str, list[str]]] = field(default_factory=list)

    def values(self, tag: str) -> list[list[str]]:
        """Every occurrence of `tag`, each as its lines."""
        return [lines for name, lines in self.fields if name == tag]

    def text(self, *tags: str) -> str:
        """The first of `tags` present, its lines joined into one text."""
        for tag in tags:
            for lines in self.values(tag):
                joined = joined_lines(lines)
                if joined:
                    return joined
        return ""

    def items(self, tag: str) -> list[str]:
        """Every line of every occurrence of `tag` as an item of its own (one name a line)."""
        return [line.strip() for lines in self.values(tag) for line in lines if line.strip()]

    def texts(self, tag: str) -> list[str]:
        """Every occurrence of `tag` as one text, its lines joined (a MeSH heading that
        PubMed wraps onto an indented line is one heading)."""
        return [text for lines in self.values(tag) for text in [joined_lines(lines)] if text]


# Chinese, Japanese and Korean characters and full-width forms: text in them has no spaces
# between words, so a line break beside one is no space.
_WIDE = re.compile(r"[\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\uff00-\uffef]")


def joined_lines(lines: Sequence[str]) -> str:
    """A field's lines as one text: joined by a space, or by nothing where the break is
    beside a Chinese, Japanese or Korean character (CNKI breaks abstracts mid-sentence)."""
    joined = ""
    for part in (line.strip() for line in lines):
        if not part:
            continue
        if joined and not (_WIDE.match(joined[-1]) or _WIDE.match(part[0])):
            joined += " "
        joined += part
    return joined


@dataclass(frozen=True)
class Split:
    records: list[TaggedRecord]
    stray: list[tuple[int, str]]  # lines outside any record: (line number, text)


def split_tagged(
    text: str,
    tag_line: re.Pattern[str],
    opens: Callable[[str], bool],
    closes: Callable[[str], bool] = lambda tag: False,
    ignored: Sequence[str] = (),
    paragraphs: bool = False,
    opens_once: bool = False,
    blank_ends: bool = True,
) -> Split:
    """Records of tagged lines. `tag_line` matches a tagged line with groups (tag, value);
    a line that is not one continues the field before it. `opens(tag)` starts a new record
    even without a blank line before it; `closes(tag)` ends one (Web of Science's `ER`). A
    blank line ends a record too, unless `paragraphs` is set and an indented untagged line
    follows it: that is the field's next paragraph (CNKI's EndNote export writes an
    abstract's paragraphs so). Tags in `ignored` (a file header's) are outside records. With
    `opens_once`, an opening tag starts a new record only where the record before has one
    already: HighWire's EndNote export writes a record's %A and %T lines before its %0.
    Without `blank_ends`, blank lines end nothing: only an opening tag starts a record, and
    an untagged line after blank ones continues the field before them (CNKI's NoteExpress
    export keeps the blank lines of an address it copied)."""
    records: list[TaggedRecord] = []
    stray: list[tuple[int, str]] = []
    current: TaggedRecord | None = None
    before_blank: TaggedRecord | None = None  # the record a run of blank lines interrupted
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            if blank_ends:
                before_blank = before_blank or current
                current = None
            continue
        indented = line[:1].isspace()
        if paragraphs and before_blank and indented and not tag_line.match(line):
            current = before_blank
        before_blank = None
        found = tag_line.match(line)
        if found:
            tag, value = found.group(1), found.group(2) or ""
            if tag in ignored:
                current = None
                continue
            if closes(tag):
                current = None
                continue
            # With `opens_once`, only a record that has the opening tag already is done.
            if current is None or (
                opens(tag)
                and bool(current.fields)
                and (not opens_once or any(name == tag for name, _ in current.fields))
            ):
                current = TaggedRecord(number)
                records.append(current)
            current.fields.append((tag, [value]))
        elif current is not None and current.fields:
            current.fields[-1][1].append(line)
        else:
            stray.append((number, line.strip()))
    return Split(records, stray)


def first_tagged_line(
    text: str, tag_line: re.Pattern[str], head: int = 4096
) -> re.Match[str] | None:
    """The file's first non-blank line, if it is a tagged line (sniffing)."""
    for line in text[:head].split("\n"):
        if line.strip():
            return tag_line.match(line.lstrip("\ufeff"))
    return None


def parse_records(
    split: Split, to_record: Callable[[TaggedRecord], Record | Problem], what: str
) -> Parsed:
    """Each record made a Record (or a Problem, such as no abstract), and the lines outside
    records counted in one Problem: `what` names the records ("MEDLINE records")."""
    records: list[Record] = []
    problems: list[Problem] = []
    for tagged in split.records:
        record = to_record(tagged)
        if isinstance(record, Problem):
            problems.append(record)
        else:
            records.append(record)
    if split.stray:
        line, shown = split.stray[0]
        count = len(split.stray)
        reason = f"{count} {'line' if count == 1 else 'lines'} outside {what}"
        problems.append(Problem(line, reason, excerpt(shown)))
    return Parsed(tuple(records), tuple(problems))
