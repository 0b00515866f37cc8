"""What every XML reader shares: parsing with defusedxml, reading around damage, tags without
their namespace, and the line each record starts on.

defusedxml refuses entity declarations (no "billion laughs") and never fetches a DTD or any
external entity, so a hostile file can neither blow up memory nor make us touch the network;
a DOCTYPE that only names a public DTD (PubMed's) is allowed, and it is not fetched.
ElementTree builds and walks trees without recursion, so deep nesting costs nothing more.

A damaged file (a download cut short, one record with an unclosed tag or a bare `&`) keeps
its other records: a well-formed file is parsed whole, as fast as ElementTree can; only when
that fails is the file read again record by record with the same defused parser, keeping
every record expat saw end, leaving out the one it failed in, and starting again at the next
record's start tag, behind the file's own opening (its prolog and root element, so the
namespaces still apply). Every stretch goes through defusedxml: a DTD or an entity anywhere
still refuses the whole file.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any
from xml.etree.ElementTree import Element, ParseError, TreeBuilder
from xml.parsers.expat import errors as expat_errors

import defusedxml.ElementTree as safe_xml  # type: ignore[import-untyped]
from defusedxml import DefusedXmlException

from digest.readers.records import Problem

_XML_DECLARATION = re.compile(r"\A\s*<\?xml[^>]*\?>")
# Where one document ends and the next, with the same root, begins.
_JOINED_DOCUMENTS = re.compile(
    r"</([\w.:-]+)\s*>\s*<\?xml[^>]*\?>\s*(?:<!DOCTYPE[^>\[]*>\s*)?<\1(?:\s[^>]*)?>"
)
_XML_ILLEGAL_CHARS = [chr(cp) for cp in range(0x20) if chr(cp) not in "\t\n\r"] + [
    "\ufffe",
    "\uffff",
]
_XML_ILLEGAL = re.compile("[" + "".join(_XML_ILLEGAL_CHARS) + "]")


def opens_like_xml(text: str) -> bool:
    return text.lstrip("\ufeff \t\r\n")[:1] == "<"


def prepare_xml(text: str) -> str:
    """The decoded text, ready for the parser, every line and column where it was.

    The declaration may name the file's original encoding, which no longer applies to the
    decoded text. Control characters are illegal in XML and would make expat reject the
    whole file for one stray byte; cleaning drops them from every field anyway. Documents
    saved one after another into one file (efetch's answers to a search fetched in batches,
    EDirect's output) become one: the root's end, the next declaration and DOCTYPE, and the
    root's new start between them go.
    """
    text = _XML_DECLARATION.sub(_blanked, text, count=1)
    if "<?xml" in text:
        text = _JOINED_DOCUMENTS.sub(_blanked, text)
    if any(ch in text for ch in _XML_ILLEGAL_CHARS):  # ~10x faster than the regex alone
        text = _XML_ILLEGAL.sub("", text)
    return text


@dataclass(frozen=True)
class RecordShape:
    """How a format's records look, so that damage can be read around: where one starts in
    the text (a place to resume after damage), and which elements are records, by tag and
    depth (the root is at depth 0)."""

    starts: re.Pattern[str]
    is_record: Callable[[str, int], bool]


@dataclass(frozen=True)
class XmlDocument:
    """A parsed file. For a damaged file: a root of the file's root tag holding the records
    that were read whole, each one's line, and the damage (Problems)."""

    root: Element
    damage: tuple[Problem, ...] = ()
    record_lines: dict[Element, int] | None = None
    head: Element | None = None  # a damaged file's root as its first stretch read it

    @property
    def opening(self) -> Element:
        """The root as far as it was read: what a format keeps outside its records (a
        feed's channel) is there, damaged file or not."""
        return self.head if self.head is not None else self.root

    def lines_of(self, elements: Sequence[Element], counted: Callable[[], list[int]]) -> list[int]:
        """The line of each element: `counted` finds them in the text of a whole file."""
        if self.record_lines is not None:
            return [self.record_lines.get(element, 1) for element in elements]
        # Counted in the text, a tag in a comment or a damaged stretch the parser read past
        # may add a line or lack one: every element still gets one.
        lines = counted()[: len(elements)]
        return lines + [1] * (len(elements) - len(lines))

    def problems(self, found: bool, nothing: str) -> tuple[Problem, ...]:
        """The damage; for a file read whole in which nothing was `found`, `nothing` (the
        reason, "feed without items or entries") as its one Problem."""
        return self.damage if found or self.damage else (Problem(None, nothing),)


def _blanked(declaration: re.Match[str]) -> str:
    """Spaces in place of the declaration: every line and column stays where it was."""
    return re.sub(r"[^\n]", " ", declaration.group())


def parse_xml(text: str, what: str, shape: RecordShape) -> XmlDocument | Problem:
    """The file's tree, or a Problem naming its fault when nothing of it can be read;
    `what` names the file in the advice ("feed", "PubMed export")."""
    try:
        root: Element = safe_xml.fromstring(text)
    except ParseError as error:
        return _read_around_damage(text, what, shape, error)
    except DefusedXmlException as error:
        return _unsafe(error, what)
    return XmlDocument(root)


def _unsafe(error: DefusedXmlException, what: str) -> Problem:
    reason = f"XML with a DTD or entities ({type(error).__name__}), not read for safety"
    return Problem(None, f"{reason}; save the {what} without its DOCTYPE")


def _expat_reason(error: ParseError) -> str:
    """expat's words: "mismatched tag", "invalid token" (not "not well-formed (invalid token)")."""
    reason = str(error).split(":")[0]
    return reason.removeprefix("not well-formed (").removesuffix(")")


# Errors expat reports only when the text ends before the document does.
_CUT_SHORT = frozenset(
    expat_errors.codes[name]
    for name in (
        expat_errors.XML_ERROR_NO_ELEMENTS,
        expat_errors.XML_ERROR_UNCLOSED_TOKEN,
        expat_errors.XML_ERROR_PARTIAL_CHAR,
        expat_errors.XML_ERROR_UNCLOSED_CDATA_SECTION,
    )
)
# Text is fed to expat a slice at a time, so that resuming after damage never copies the
# rest of the file; the slices start small and double, so that a stretch ending at the next
# damage a few lines on costs those lines, not a whole slice (damage in every record).
_FIRST_CHUNK = 1 << 12
_CHUNK = 1 << 20


class _RecordBuilder(TreeBuilder):
    """A TreeBuilder that notes where each record starts and which records ended.

    A record that ends is kept, with the records it holds dropped (they are part of it); a
    record still open when expat fails is the damaged one. Records that ended inside a
    damaged one (whose own end tag is missing) are kept: each is whole."""

    def __init__(self, is_record: Callable[[str, int], bool], since: tuple[int, int]) -> None:
        super().__init__()
        self.is_record = is_record
        self.since = since  # records starting before this (line, column) are the prefix's
        self.expat: Any = None  # the parser's pyexpat object: where each record starts
        self.open: list[tuple[bool, int, int]] = []  # (is a record, line, kept so far)
        self.kept: list[tuple[Element, int]] = []
        self.root: Element | None = None

    def start(self, tag: str, attrs: dict[str, str]) -> Element:
        element: Element = super().start(tag, attrs)
        if self.root is None:
            self.root = element
        record = self.is_record(tag, len(self.open))
        expat = self.expat
        line, column = (expat.CurrentLineNumber, expat.CurrentColumnNumber) if record else (0, 0)
        self.open.append((record and (line, column) >= self.since, line, len(self.kept)))
        return element

    def end(self, tag: str) -> Element:
        element: Element = super().end(tag)
        record, line, kept = self.open.pop()
        if record:
            del self.kept[kept:]
            self.kept.append((element, line))
        return element

    def damaged_line(self) -> int | None:
        """The line of the outermost record still open: the one expat failed in."""
        return next((line for record, line, _ in self.open if record), None)


def _read_around_damage(
    text: str, what: str, shape: RecordShape, first_error: ParseError
) -> XmlDocument | Problem:
    newlines = [match.start() for match in re.finditer("\n", text)]

    def offset_of(line: int, column: int) -> int:
        return (newlines[line - 2] + 1 if line > 1 else 0) + column

    first = shape.starts.search(text)
    if first is None or offset_of(*first_error.position) < first.start():
        line, column = first_error.position
        reason = f"not well-formed XML ({_expat_reason(first_error)} at column {column})"
        return Problem(line, f"{reason}; save the {what} again or fix the file")
    prefix = text[: first.start()]  # the prolog and the root's opening: each stretch's start
    prefix_line = prefix.count("\n") + 1
    prefix_column = len(prefix) - (prefix.rfind("\n") + 1)
    opening: Element | None = None  # the root, as the first stretch read it
    kept: list[tuple[Element, int]] = []
    damage: list[Problem] = []
    resume = first.start()
    while True:
        resume_line = bisect_left(newlines, resume) + 1
        # One newline after the prefix when the stretch starts on a later line, so that the
        # prefix ends as it does in the file; the stretch's lines are the file's less
        # `shift` (padding with every line between cost the file's length at each damage).
        pad = "\n" if resume_line > prefix_line else ""
        since = (prefix_line + 1, 0) if pad else (prefix_line, prefix_column)
        shift = resume_line - since[0]
        builder = _RecordBuilder(shape.is_record, since)
        parser = safe_xml.XMLParser(target=builder)
        builder.expat = parser.parser
        try:
            parser.feed(prefix + pad)
            chunk, size = resume, _FIRST_CHUNK
            while chunk < len(text):
                parser.feed(text[chunk : chunk + size])
                chunk, size = chunk + size, min(2 * size, _CHUNK)
            parser.close()
            error = None
        except ParseError as failed:
            error = failed
        except DefusedXmlException as unsafe:
            return _unsafe(unsafe, what)
        opening = opening if opening is not None else builder.root
        kept += [(element, line + shift) for element, line in builder.kept]
        if error is None:
            break
        line, column = error.position
        if line == since[0]:  # the line the stretch's text (from `resume` on) starts on
            line, at = resume_line, resume + column - since[1]
        else:  # in the prefix (read again), or further on in the stretch
            line += shift if line > since[0] else 0
            at = offset_of(line, column)
        column = at - offset_of(line, 0)  # as in the file, not in this stretch
        damaged = builder.damaged_line()
        damaged = damaged + shift if damaged is not None else None
        damage.append(_damage(error, line, column, damaged, what))
        following = shape.starts.search(text, max(at, resume + 1))
        if following is None:
            break
        # Each stretch parses the prefix again: past the file's own length in prefixes (a
        # huge prolog and damage in every record), the rest is left unread.
        if len(damage) * len(prefix) > len(text):
            line = bisect_left(newlines, following.start()) + 1
            reason = "damaged again and again: the rest of the file is not read"
            damage.append(Problem(line, f"{reason}; save the {what} again"))
            break
        resume = following.start()
    root = Element(opening.tag, opening.attrib) if opening is not None else Element("root")
    root.extend(element for element, _ in kept)
    return XmlDocument(root, tuple(damage), dict(kept), opening)


def _damage(
    error: ParseError, line: int, column: int, record_line: int | None, what: str
) -> Problem:
    """One Problem for one stretch of damage, on the damaged record's line if there is one."""
    if error.code in _CUT_SHORT:
        if record_line is not None:
            reason = "the file ends inside a record, which is left out"
            return Problem(record_line, f"{reason}: download or save the {what} again")
        reason = "the file ends early (no closing tag), records may be missing"
        return Problem(line, f"{reason}: download or save the {what} again")
    reason = f"not well-formed XML ({_expat_reason(error)} at column {column})"
    if record_line is None:
        return Problem(line, f"{reason}; fix the file or save the {what} again")
    where = "this record" if record_line == line else f"the record from line {record_line}"
    return Problem(line, f"{reason}: {where} is left out; fix it or save the {what} again")


def local(tag: str) -> str:
    """A tag without its namespace: "{http://purl.org/dc/elements/1.1/}title" -> "title"."""
    return tag.rsplit("}", 1)[-1]


def children_by_name(element: Element) -> dict[str, list[Element]]:
    """An element's children by local name, made once per record: looking each field up by
    scanning every child is what made large feeds slow."""
    kids: dict[str, list[Element]] = {}
    for child in element:
        kids.setdefault(local(child.tag), []).append(child)
    return kids


def descendants_by_name(element: Element, name: str) -> list[Element]:
    """The element itself and every element inside it whose local name is `name`, in
    document order."""
    return [found for found in element.iter() if local(found.tag) == name]


def start_lines(text: str, name: str) -> list[int]:
    """The line of each start tag named `name` (any prefix), in document order."""
    lines: list[int] = []
    line, pos = 1, 0
    for match in re.finditer(rf"<(?:[\w.-]+:)?{name}[\s>/]", text):
        line += text.count("\n", pos, match.start())
        pos = match.start()
        lines.append(line)
    return lines


_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
# ISO 639-2 and 639-1 codes for English, with or without a region ("en-GB").
_ENGLISH = re.compile(r"(?:eng?|english)(?:[-_][a-z]{2})?")


def in_one_language(elements: list[Element]) -> list[Element]:
    """Of elements giving one text in several languages (a MODS `abstract lang="eng"` beside
    `lang="pol"`, a DataCite description per `xml:lang`), the English ones, else the first
    language's; those that name no language stay. Without two languages, all of them."""
    langs = [(e.get("lang") or e.get(_XML_LANG) or "").strip().lower() for e in elements]
    named = list(dict.fromkeys(lang for lang in langs if lang))
    if len(named) < 2:
        return elements
    keep = next((lang for lang in named if _ENGLISH.fullmatch(lang)), named[0])
    return [e for e, lang in zip(elements, langs, strict=True) if lang in ("", keep)]


def all_text(element: Element | None) -> str:
    """The text inside an element, markup (<i>, <sup>, EndNote's <style>) left out."""
    return "".join(element.itertext()).strip() if element is not None else ""
