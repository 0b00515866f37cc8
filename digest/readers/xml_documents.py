"""What every XML reader shares: parsing with defusedxml, tags without their namespace, and
the line each record starts on.

defusedxml refuses entity declarations (no "billion laughs") and never fetches a DTD or any
external entity, so a hostile file can neither blow up memory nor make us touch the network;
a DOCTYPE that only names a public DTD (PubMed's) is allowed, and it is not fetched.
ElementTree builds and walks trees without recursion, so deep nesting costs nothing more.
"""

from __future__ import annotations

import re
from xml.etree.ElementTree import Element, ParseError

import defusedxml.ElementTree as safe_xml  # type: ignore[import-untyped]
from defusedxml import DefusedXmlException

from digest.readers.records import Problem

_XML_DECLARATION = re.compile(r"\A\s*<\?xml[^>]*\?>")
_XML_ILLEGAL_CHARS = [chr(cp) for cp in range(0x20) if chr(cp) not in "\t\n\r"] + [
    "\ufffe",
    "\uffff",
]
_XML_ILLEGAL = re.compile("[" + "".join(_XML_ILLEGAL_CHARS) + "]")


def opens_like_xml(text: str) -> bool:
    return text.lstrip("\ufeff \t\r\n")[:1] == "<"


def prepare_xml(text: str) -> str:
    """The decoded text, ready for the parser, every line where it was.

    The declaration may name the file's original encoding, which no longer applies to the
    decoded text. Control characters are illegal in XML and would make expat reject the
    whole file for one stray byte; cleaning drops them from every field anyway.
    """
    text = _XML_DECLARATION.sub("", text, count=1)
    if any(ch in text for ch in _XML_ILLEGAL_CHARS):  # ~10x faster than the regex alone
        text = _XML_ILLEGAL.sub("", text)
    return text


def parse_xml(text: str, what: str) -> Element | Problem:
    """The root element, or a Problem naming the file's fault; `what` names the file in
    the advice ("feed", "export")."""
    try:
        root: Element = safe_xml.fromstring(text)
    except ParseError as error:
        line, column = error.position
        reason = f"not well-formed XML ({str(error).split(':')[0]} at column {column})"
        return Problem(line, f"{reason}; save the {what} again or fix the file")
    except DefusedXmlException as error:
        reason = f"XML with a DTD or entities ({type(error).__name__}), not read for safety"
        return Problem(None, f"{reason}; save the {what} without its DOCTYPE")
    return root


def local(tag: str) -> str:
    """A tag without its namespace: "{http://purl.org/dc/elements/1.1/}title" -> "title"."""
    return tag.rsplit("}", 1)[-1]


def start_lines(text: str, name: str) -> list[int]:
    """The line of each start tag named `name` (any prefix), in document order."""
    lines: list[int] = []
    line, pos = 1, 0
    for match in re.finditer(rf"<(?:[\w.-]+:)?{name}[\s>/]", text):
        line += text.count("\n", pos, match.start())
        pos = match.start()
        lines.append(line)
    return lines


def all_text(element: Element | None) -> str:
    """The text inside an element, markup (<i>, <sup>, EndNote's <style>) left out."""
    return "".join(element.itertext()).strip() if element is not None else ""
