"""Bibliography files digest recognises but does not read, each refused with the export to
pass instead.

Read as plain text, their field lines would be taken for abstracts (a Hayagriva entry's
`title: …` line, a long `<b:Comments>` line) or reported one by one as "not an abstract".
Recognised, each file is one clear problem instead:

- Hayagriva YAML, typst's own bibliography format: a mapping of entry keys, each a mapping
  of fields (`type`, `title`, `author`, `date`, `parent`, `serial-number`…). Hayagriva has
  had an `abstract` field since 0.5.2, but no file its program wrote with abstracts has been
  seen; the BibTeX it is usually made from (`hayagriva refs.bib`) is read.
- Word's bibliography XML (`Sources.xml`, `<b:Sources>`): Word's source fields have no
  abstract (JabRef's "MS Office 2007" export keeps one only as its own `BIBTEX_Abstract`).
- Any other XML document (an XML declaration, or a root element declaring a namespace) that
  no XML reader took: dblp's search API answer, an ORCID record. As plain text its lines
  of markup were reported one by one, and one of twelve words ending in a full stop (a dblp
  `<info>` line) became a paper whose abstract was that markup.
"""

from __future__ import annotations

import re

from digest.readers.records import Parsed, Problem

_HEAD = 4096

# A Hayagriva entry: a key alone on its line, then its fields indented below it.
_ENTRY_KEY = re.compile(r"""(?:"[^"\n]+"|'[^'\n]+'|[^\s#"'\-][^:\n]*?):[ \t]*(?:#.*)?""")
_FIELD = re.compile(r"([ \t]+)([A-Za-z][\w-]*):(?:[ \t]+(.*))?$")
# Fields only Hayagriva has (CSL, BibTeX and the rest spell these otherwise).
_HAYAGRIVA_FIELDS = frozenset(
    {"parent", "serial-number", "page-range", "page-total", "volume-total", "affiliated",
     "time-range", "runtime"}
)  # fmt: skip
_HAYAGRIVA_TYPES = frozenset(
    {"article", "chapter", "entry", "anthos", "report", "thesis", "web", "scene", "artwork",
     "patent", "case", "newspaper", "legislation", "manuscript", "tweet", "post", "misc",
     "periodical", "proceedings", "book", "blog", "reference", "conference", "anthology",
     "repository", "thread", "video", "audio", "exhibition", "original", "performance"}
)  # fmt: skip

_HAYAGRIVA_HELP = (
    "a Hayagriva YAML bibliography (typst's) is not read: pass the BibTeX file it was made "
    "from, or export these references with their abstracts as BibTeX, RIS or CSL JSON"
)

_WORD_SOURCES = re.compile(
    r"<(?:[\w.-]+:)?Sources\b[^>]*schemas\.openxmlformats\.org/officeDocument/2006/bibliography"
)
_WORD_HELP = (
    "Word's bibliography XML (b:Sources) is not read: Word keeps no abstracts in it; export "
    "these references with their abstracts as BibTeX or RIS from the reference manager "
    "(Zotero, Mendeley, JabRef, EndNote) instead"
)


# The prolog (declaration, processing instructions, comments, a DOCTYPE), then the root's
# start tag. No part can run on past its own end ("?>", "-->", "]"): the ways to cut a head
# of thousands of "<?a?>" into parts would be tried one by one. Nor does the root's name
# give back letters to its attributes: a head of 4,096 letters and no ">" took 0.25 s.
_PROLOG_AND_ROOT = re.compile(
    r"\ufeff?\s*(?:(?:<\?(?:[^?]|\?(?!>))*\?>|<!--(?:[^-]|-(?!->))*-->"
    r"|<!DOCTYPE[^>\[]*(?:\[[^\]]*\])?\s*>)\s*)*"
    r"<([A-Za-z_][\w.:-]*+)([^<>]*)>"
)


def _other_xml_help(root: str) -> str:
    return (
        f"an XML document of a kind digest does not read (root element <{root}>): pass "
        "PubMed, JATS, EndNote, MODS, Crossref or DataCite XML, an OAI-PMH answer or an "
        "RSS/Atom feed, or export these references with their abstracts as BibTeX, RIS or "
        "CSL JSON"
    )


def looks_like_hayagriva(text: str) -> bool:
    """A YAML document whose first entry is a key alone on its line with a `title` among
    its indented fields, and a field only Hayagriva has or a Hayagriva `type`."""
    lines = text[:_HEAD].lstrip("\ufeff").split("\n")
    body = [
        line.rstrip("\r") for line in lines if line.strip() and not line.lstrip().startswith("#")
    ]
    if body and body[0].strip() == "---":
        body = body[1:]
    if len(body) < 3 or not _ENTRY_KEY.fullmatch(body[0]):
        return False
    fields: dict[str, str] = {}
    indent = None
    for line in body[1:]:
        found = _FIELD.match(line)
        if not line[:1].isspace():
            break  # the next entry
        if found is None or (indent is not None and found.group(1) != indent):
            continue  # a nested value (a parent's fields, a list's items)
        indent = found.group(1)
        fields[found.group(2).lower()] = (found.group(3) or "").strip().strip("\"'").lower()
    if "title" not in fields:
        return False
    return bool(_HAYAGRIVA_FIELDS & fields.keys()) or fields.get("type") in _HAYAGRIVA_TYPES


def parse_hayagriva(text: str) -> Parsed:
    return Parsed((), (Problem(None, _HAYAGRIVA_HELP),))


def looks_like_word_sources(text: str) -> bool:
    """Word's bibliography XML: a `Sources` root in Office's bibliography namespace."""
    return _WORD_SOURCES.search(text[:_HEAD]) is not None


def parse_word_sources(text: str) -> Parsed:
    return Parsed((), (Problem(None, _WORD_HELP),))


def _xml_root(text: str) -> str | None:
    """The root element's name of an XML document: one that opens with an XML declaration,
    or whose root declares a namespace. An HTML page is none (the saved-page reader's)."""
    found = _PROLOG_AND_ROOT.match(text, 0, _HEAD)
    if found is None or found.group(1).rpartition(":")[2].lower() == "html":
        return None
    declared = text.lstrip("\ufeff \t\r\n").startswith("<?xml")
    return found.group(1) if declared or "xmlns" in found.group(2) else None


def looks_like_other_xml(text: str) -> bool:
    """An XML document no XML reader took (they all come before this in FORMATS)."""
    return _xml_root(text) is not None


def parse_other_xml(text: str) -> Parsed:
    return Parsed((), (Problem(None, _other_xml_help(_xml_root(text) or "?")),))
