"""Plain-text dumps of abstracts: 'Abstract:' lines, one abstract per line or per
paragraph (hard-wrapped or not), and flattened arXiv listings.

Text has no markup, so records are found by the shape of lines: labels, arXiv ids at a line
start, blank lines, line lengths, and what a comment line looks like. The rules are
documented on `parse_text`; everything that is not part of a record comes back as a
Problem with its line, so nothing is dropped silently.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from itertools import islice
from typing import NamedTuple

from digest.cleaning import IDEOGRAPHS, KANA, join_wrapped_lines
from digest.readers.identifiers import arxiv_id_at_start
from digest.readers.records import Parsed, Problem, Record, excerpt

# "Abstract:", "Abstract.", "Abstract—", "Abstract - " but not "Abstract-based methods…";
# Chinese "\u6458\u8981:" or "\u6458\u8981\uff1a" (a full-width colon), as CNKI's pages write it.
_ABSTRACT_LABEL = re.compile(
    r"\s*(?:(?:abstract|summary)\s*(?::|\.(?=\s)|\u2013|\u2014|-(?=\s))|\u6458\u8981\s*[:\uff1a])\s*",
    re.I,
)
_COMMENT_LABEL = re.compile(r"\s*comments?\s*:\s*", re.I)

# A line hard-wrapped by an editor or mailer is at most this long; a longer line is a whole
# record, so the next line starts a new one.
WRAP_MAX = 160
_LINE_END_HYPHEN = re.compile(r"[A-Za-z]-\s*$")
# An arXiv comment line ("30 pages", "Submitted to ICLR 2022. 27 pages.") is short and talks
# about the paper as an object. Strong signs (page counts, "submitted to") make any short
# line a comment; weak ones (a venue word, "v2") only a line too short to be an abstract.
COMMENT_MAX = 300
_STRONG_COMMENT = re.compile(
    r"\b\d+\s*(?:\+\s*\d+\s*)?(?:pages?|pp|figures?|figs?|tables?)\b"
    r"|\b(?:submitted to|accepted (?:at|to|by|in|for)|to appear|camera[- ]ready|admin note"
    r"|extended version|equal contribution|code (?:is )?available)\b",
    re.I,
)
_WEAK_COMMENT = re.compile(
    r"\b(?:appeared|published|presented|under review|preprint|withdrawn|erratum|workshop"
    r"|conference|proceedings|symposium|journal|paper|project page|version \d|v\d"
    r"|github\.com|appendix|appendices)\b",
    re.I,
)
# An abstract has sentences: enough words, and a full stop (or ! ?) somewhere; Chinese and
# Japanese stops ("\u3002", "\uff01", "\uff1f") have no space after them.
MIN_ABSTRACT_WORDS = 12
_SENTENCE_END = re.compile(r"[.!?](?:\s|$)|[\u3002\uff01\uff1f]")
# Chinese and Japanese put no spaces between words, which are mostly two characters long.
_CJK_CHARACTER = re.compile(f"[{IDEOGRAPHS}{KANA}]")
_CJK_CHARACTERS_PER_WORD = 2


def _count_words(text: str) -> int:
    """How many words a text has, counted no further than a little past MIN_ABSTRACT_WORDS
    (a pasted record may be 200 MB): what spaces part, and one more for every two Chinese
    or Japanese characters, which have no spaces between them."""
    words = len(text.split(None, MIN_ABSTRACT_WORDS))
    if text.isascii() or words > MIN_ABSTRACT_WORDS:
        return words
    # the characters that take the count past MIN_ABSTRACT_WORDS, and no more
    needed = (MIN_ABSTRACT_WORDS - words + 1) * _CJK_CHARACTERS_PER_WORD
    characters = sum(1 for _ in islice(_CJK_CHARACTER.finditer(text), needed))
    return words + characters // _CJK_CHARACTERS_PER_WORD


# Stray text in the inbox: a README saying where to drop files, a to-do list. A note gives
# instructions or lists things to do; an abstract reports research ("we show", "results").
_NOTE_ITEM = re.compile(r"^\s*(?:[-*•+]\s|\[[ xX]\]\s|\d{1,2}[.)]\s)")
_INSTRUCTION = re.compile(
    r"\b(?:you|your|please|todo|to-do|readme|drop|put|paste|click|make sure|remember to|"
    r"don't|do not|this folder|inbox|newsletter)\b",
    re.I,
)
_SCHOLARLY = re.compile(
    r"\b(?:we|our|this (?:paper|work|study|article|thesis)|propos\w*|present\w*|show\w*|"
    r"results?|methods?|approach\w*|models?|experiment\w*|evaluat\w*|datasets?|analys[ie]s|"
    r"find|found|demonstrat\w*|stud(?:y|ies|ied)|investigat\w*|patients|participants)\b",
    re.I,
)


# One name: up to five words ("Maarten G. Lansberg", "Li-Jia Li").
NAME = re.compile(r"^[\w.'\u2019\-]+(?:\s+[\w.'\u2019\-]+){0,4}$")
# What parts an author list: commas (full-width too), semicolons, "and".
_NAME_SEPARATOR = re.compile(r",|;|\band\b|\uff0c")
_ET_AL = re.compile(r"et\.?\s?al\.?")

# What every arXiv page says of arXiv itself, which a copy of the page brings along.
_ARXIV_SITE_TEXT = re.compile(
    r"\s*(?:arXiv is a free distribution service|Both individuals and organizations that work "
    r"with arXivLabs|arXivLabs is a framework that allows|Have an idea for a project that will "
    r"add value for arXiv|Which authors of this paper are endorsers|View (?:a )?PDF\b)"
)


def stray_text_reason(text: str) -> str | None:
    """Why a text is a note rather than an abstract ("a to-do item"), or None."""
    if _NOTE_ITEM.match(text):
        return "a list item of a note"
    if _ARXIV_SITE_TEXT.match(text):
        return "arXiv's own text about itself"
    if _INSTRUCTION.search(text) and not _SCHOLARLY.search(text):
        return "instructions or a note"
    return None


def looks_like_names(text: str) -> bool:
    """An author list: several short capitalised parts separated by commas or 'and'."""
    parts = [p.strip() for p in _NAME_SEPARATOR.split(text) if p.strip()]
    if parts and _ET_AL.fullmatch(parts[-1]):
        parts.pop()  # "Zheqi He, Yesheng Liu, et al.": the names left out are no part
    if len(parts) < 2:
        return False
    named = [p for p in parts if NAME.match(p) and p[:1].isupper()]
    return len(named) >= 0.8 * len(parts) and not text.rstrip().endswith(("!", "?"))


def looks_like_text(text: str) -> bool:
    return True  # the fallback: anything that decoded as text


@dataclass
class _Candidate:
    """A record being assembled from lines, with every line it used."""

    line: int
    kind: str  # the kind of line that started it
    lines: list[str] = field(default_factory=list)
    comments: list[tuple[int, str]] = field(default_factory=list)
    arxiv: tuple[int, str] | None = None  # (line, id text)
    is_open: bool = True


class _Line(NamedTuple):
    # A NamedTuple, not a frozen dataclass: a pasted file has one per line, hundreds of
    # thousands of them, and a tuple is built several times faster.
    number: int
    text: str
    kind: str  # "blank", "abstract", "id", "comment", "text"
    rest: str = ""  # the text after a label or id
    arxiv: str = ""


def _classify(number: int, text: str) -> _Line:
    stripped = text.strip()
    if not stripped:
        return _Line(number, text, "blank")
    # The first letter says which patterns can match: a file has tens of thousands of
    # lines, nearly all plain text, and three regex calls per line add up.
    first = stripped[0].lower()
    label = _ABSTRACT_LABEL.match(text) if first in "as\u6458" else None
    if label:
        return _Line(number, text, "abstract", text[label.end() :])
    found = arxiv_id_at_start(text) if first in "ahwe" else None
    if found:
        version = f"v{found.version}" if found.version else ""
        return _Line(number, text, "id", text[found.end :].strip(), found.id + version)
    label = _COMMENT_LABEL.match(text) if first == "c" else None
    if label:
        return _Line(number, text, "comment", text[label.end() :])
    return _Line(number, text, "text", stripped)


def _ids_inside_sentences(lines: list[_Line]) -> list[_Line]:
    """Turn back into text the ids that a hard wrap put at a line start mid-sentence.

    "… as in (Lu et al. 2021," + "arXiv:2103.05247) claimed that …": the line before does
    not end a sentence and what follows the id is not a new abstract's capital letter, so
    the id is a citation inside the abstract, not a record boundary.
    """
    out = list(lines)
    for index in range(1, len(out)):
        line, before = out[index], out[index - 1]
        if (
            line.kind == "id"
            and before.kind in ("text", "abstract")
            and not _ends_sentence(before.text)
            and line.rest
            and not line.rest[:1].isupper()
        ):
            out[index] = _Line(line.number, line.text, "text", line.text.strip())
    return out


def _is_strong_comment(text: str) -> bool:
    return len(text) <= COMMENT_MAX and _STRONG_COMMENT.search(text) is not None


def _looks_like_comment(text: str) -> bool:
    if len(text) > COMMENT_MAX:
        return False
    if _is_strong_comment(text):
        return True
    short = len(text.split(None, MIN_ABSTRACT_WORDS)) < MIN_ABSTRACT_WORDS
    return short and _WEAK_COMMENT.search(text) is not None


_SENTENCE_ENDS = (".", "!", "?", ")", "]", "\u3002", "\uff01", "\uff1f")


def _ends_sentence(text: str) -> bool:
    return text.rstrip().endswith(_SENTENCE_ENDS)


def parse_text(text: str) -> Parsed:
    """Abstracts as plain text: one per line, 'Abstract:'-labelled, or in paragraphs.

    A blank line, an 'Abstract:' label or an arXiv id at a line start ends a record; lines
    in between are joined while they look hard-wrapped (see `_wrapped_lines`). A short line
    about the paper (page counts, "Submitted to …", a venue) after a record is that record's
    comment, as is a 'Comments:' line. In a flattened arXiv listing the id comes after its
    abstract, glued to the next one ("arXiv:2112.09332State-of-the-art…"); when the file
    has that shape, ids close records instead of opening them. An id in the middle of a
    line is just text. Unmarked text needs MIN_ABSTRACT_WORDS words and a sentence end to
    be an abstract; anything else is returned as a Problem with its line.
    """
    lines = _ids_inside_sentences(
        [_classify(n, t) for n, t in enumerate(text.split("\n"), start=1)]
    )
    ids_follow = _ids_follow_records(lines)
    next_kind = _next_kinds(lines)
    joins = _wrapped_lines(lines)
    candidates: list[_Candidate] = []
    problems: list[Problem] = []

    def start(line: _Line, body: str, arxiv: tuple[int, str] | None = None) -> None:
        if candidates:
            candidates[-1].is_open = False
        lines = [body] if body.strip() else []
        candidates.append(_Candidate(line.number, line.kind, lines, arxiv=arxiv))

    for line in lines:
        last = candidates[-1] if candidates else None
        waiting = last is not None and last.is_open and not last.lines  # a label, no text yet
        if line.kind == "blank":
            if last and not waiting:
                last.is_open = False
        elif line.kind == "abstract" and waiting and last and last.kind == "id":
            last.lines.append(line.rest)  # "arXiv:…" then "Abstract: …": one record
        elif line.kind == "abstract":
            start(line, line.rest)
        elif line.kind == "id" and ids_follow:
            if last is not None and last.arxiv is None:
                last.arxiv = (line.number, line.arxiv)
            else:
                reason = "arXiv id with no abstract before it"
                problems.append(Problem(line.number, reason, line.arxiv))
            if line.rest:
                start(line, line.rest)
            elif last:
                last.is_open = False
        elif line.kind == "id":
            start(line, line.rest, (line.number, line.arxiv))
        elif waiting and last and line.kind == "text":
            last.lines.append(line.rest)  # the text of a label that stood on its own line
        elif line.kind == "comment" or (
            # neither continuing a record nor continued by the next line: a paragraph's
            # first line may mention "12 pages" and still be abstract text
            line.number not in joins
            and line.number + 1 not in joins
            and _is_comment_here(line, last, ids_follow, next_kind)
        ):
            if last is None:
                reason = "comment with no abstract before it"
                problems.append(Problem(line.number, reason, line.text))
            else:
                last.comments.append((line.number, line.rest or line.text))
                last.is_open = waiting  # a comment between an id and its abstract
        elif last is not None and last.is_open and line.number in joins:
            last.lines.append(line.rest)
        else:
            start(line, line.rest)
    records: list[Record] = []
    # A file none of whose unmarked text reads like research, and some of which gives
    # instructions (a README saying where to drop files) or lists to-dos, is a note.
    # Each candidate's text joined once (a pasted file may be one record of 200 MB).
    bodies = [join_wrapped_lines(c.lines) for c in candidates]
    unmarked = [
        b for c, b in zip(candidates, bodies, strict=True) if c.kind not in ("abstract", "id")
    ]
    a_note = any(map(stray_text_reason, unmarked)) and not any(map(_SCHOLARLY.search, unmarked))
    for candidate, body in zip(candidates, bodies, strict=True):
        _finish(candidate, body, records, problems, a_note)
    problems.sort(key=lambda p: p.line or 0)
    return Parsed(tuple(records), tuple(problems))


def _is_comment_here(
    line: _Line, last: _Candidate | None, ids_follow: bool, next_kind: dict[int, str]
) -> bool:
    """A line that does not continue a record is a comment when it is shaped like one.

    In a flattened listing, any short line between a record and the next id is its comment
    ("Position Paper"), since that is where the listing puts comments.
    """
    if last is None or not last.lines:
        return False
    if _looks_like_comment(line.rest):
        return True
    return ids_follow and len(line.rest) <= COMMENT_MAX and next_kind.get(line.number) == "id"


def _wrapped_lines(lines: Sequence[_Line]) -> set[int]:
    """The numbers of the text lines that continue the line before them (a hard wrap).

    Lines form paragraphs between blank lines, labels and ids. In a paragraph where every
    line ends a sentence, each line is its own record. Otherwise a line continues the one
    before unless that one is longer than WRAP_MAX (a whole record on one line) or the
    next line's first word would have fitted on it: a wrapping editor would have put it
    there, so the break was made by hand. The paragraph's longest line stands in for the
    wrap width. A line ending in a hyphen inside a word always continues; a line clearly
    about the paper ("9 pages, 3 figures") after a finished sentence never does.
    """
    joins: set[int] = set()
    for block in _paragraphs(lines):
        if len(block) < 2:
            continue
        # Each line's measures once: this runs for every line of a pasted file.
        texts = [line.text.rstrip() for line in block]
        ends = [text.endswith(_SENTENCE_ENDS) for text in texts]
        if all(ends):
            continue
        width = max(map(len, texts))
        for index in range(1, len(block)):
            line = block[index]
            if line.kind != "text":
                continue
            before = texts[index - 1]
            if ends[index - 1] and _is_strong_comment(line.rest):
                continue
            if before.endswith("-") and _LINE_END_HYPHEN.search(before):
                joins.add(line.number)
            elif len(before) <= WRAP_MAX:
                first_word = line.rest.split(None, 1)[0]
                if len(before) + 1 + len(first_word) > width:
                    joins.add(line.number)
    return joins


def _paragraphs(lines: Sequence[_Line]) -> list[list[_Line]]:
    """Runs of lines that may belong together: a label or id line may only start one."""
    blocks: list[list[_Line]] = []
    current: list[_Line] = []
    for line in lines:
        if line.kind in ("blank", "comment") or (line.kind == "id" and not line.rest):
            current = []
            continue
        if line.kind != "text" or not current:
            current = [line]
            blocks.append(current)
        else:
            current.append(line)
    return blocks


def _ids_follow_records(lines: Sequence[_Line]) -> bool:
    """Whether ids close the record before them (a flattened listing) or open the next.

    A file that starts with an id opens records with ids; one where an abstract comes
    before the first id, or that ends with a lone id, closes them.
    """
    content = [line for line in lines if line.kind != "blank"]
    ids = [line for line in content if line.kind == "id"]
    if not ids or content[0].kind == "id":
        return False
    before = [line for line in content if line.number < ids[0].number]
    if any(line.kind == "abstract" or len(line.text) > WRAP_MAX for line in before):
        return True
    return content[-1].kind == "id" and not content[-1].rest


def _next_kinds(lines: Sequence[_Line]) -> dict[int, str]:
    """For each line, the kind of the next non-blank line after it."""
    result: dict[int, str] = {}
    following = "end"
    for line in reversed(lines):
        result[line.number] = following
        if line.kind != "blank":
            following = line.kind
    return result


def _finish(
    candidate: _Candidate, body: str, records: list[Record], problems: list[Problem], a_note: bool
) -> None:
    words = _count_words(body)
    # A record the input marked ('Abstract:', a leading arXiv id) is taken at its word;
    # unmarked text must look like an abstract, and not like a note.
    marked = candidate.kind in ("abstract", "id") and bool(body)
    if marked:
        stray = None
    elif looks_like_names(body):
        stray = "a list of names"  # a paper's authors, pasted under its title
    else:
        stray = stray_text_reason(body) or ("a note" if a_note else None)
    if stray and words >= MIN_ABSTRACT_WORDS and _SENTENCE_END.search(body):
        reason = f"not a paper: {stray}, not an abstract"
        problems.append(Problem(candidate.line, reason, excerpt(body)))
        return
    if marked or (words >= MIN_ABSTRACT_WORDS and _SENTENCE_END.search(body)):
        comments = " ".join(text.strip() for _, text in candidate.comments)
        records.append(
            Record(
                line=candidate.line,
                abstract=body,
                arxiv=candidate.arxiv[1] if candidate.arxiv else None,
                metadata=(("comments", comments),) if comments else (),
            )
        )
        return
    if not body and candidate.kind == "id":
        reason = "arXiv id with no abstract after it"
    elif not body:
        reason = "'Abstract:' label with no text after it"
    elif words < MIN_ABSTRACT_WORDS:
        plural = "s" if words != 1 else ""
        reason = f"not an abstract: {words} word{plural} (abstracts have {MIN_ABSTRACT_WORDS}+)"
    else:
        reason = "not an abstract: no complete sentence"
    problems.append(Problem(candidate.line, reason, excerpt(body)))
    belongs = f"belongs to line {candidate.line}, which is not an abstract"
    for number, text in candidate.comments:
        problems.append(Problem(number, f"comment that {belongs}", excerpt(text)))
    if candidate.arxiv and candidate.arxiv[0] != candidate.line:
        problems.append(Problem(candidate.arxiv[0], f"arXiv id that {belongs}", candidate.arxiv[1]))
