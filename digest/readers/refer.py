"""EndNote's tagged export (the refer format; Mendeley writes it too, sometimes named .xml):

    %0 Journal Article
    %T A constant rate of spontaneous mutation in DNA-based microbes.
    %A Drake, John W.
    %J Proceedings of the National Academy of Sciences of the United States of America
    %D 1991
    %X In terms of evolution and fitness, the most significant spontaneous mutation …
    %K Bacterial,Bacterial: genetics,Base Composition
    %U http://dx.doi.org/10.1073/pnas.88.16.7160

A `%` and one character tag each line; a blank line ends a record, and so does a second
`%0` (the type) without one (HighWire Press's export, Oxford's and PNAS's journals until
the 2010s, writes `%A` and `%T` before `%0`); an untagged line continues the field before
it. Too small and regular a format for a dependency: read here with the splitting the
tagged formats share (digest/readers/tagged.py).
"""

from __future__ import annotations

import re
import textwrap

from digest.readers.cnki_custom import OPENING_TEXT, OPENING_TEXT_ONLY, cnki_abstract
from digest.readers.identifiers import parse_doi
from digest.readers.records import (
    Parsed,
    Problem,
    Record,
    cased_in_list,
    endnote_date,
    first_name_first,
    missing_abstract,
    split_keywords,
)
from digest.readers.tagged import (
    TaggedRecord,
    first_tagged_line,
    parse_records,
    split_tagged,
)

# A tag, then a space and its value; CNKI's export sometimes glues a value in Chinese to its
# tag ("%K园林;花境"), which no continuation line of English text would start with; VIP's
# (CQVIP's) puts a colon after two of its tags ("%@: 1000-4890", "%+: 南京林业大学").
_TAG_LINE = re.compile(r"%([0-9A-Z@!#$&()*+^|~?\[\]])(?::? |(?=[^\x00-\x7f])|:?$)(.*)$")
# Names in one %A: "Choi, J;Jeong, G" (CNKI's export), full-width separators too, and the
# tags of CNKI's EndNote text with a record's authors on one line, "%A 蔺卿 %A 罗格平", or
# glued to the name before them, "%A 张福锁%A 王激清" (CNKI's export API). One space at most
# before the tag ("\s*" tried from each space of a long run rescanned the rest of it).
_NAMES = re.compile(r"[;\uff1b\uff0c]|\s?%A\s")  # ";", the full-width semicolon and comma
_WEB_LINK = re.compile(r"https?://", re.I)
# A citation where the journal's name goes (the Cochrane Library's records from Embase):
# "BMJ Open. 6 (7) (no pagination), 2016. Article Number: e010197. Date of Publication: …":
# the name, then the volume and its issue or pages in brackets, then the year.
# Only the first "name. 12 (" is tried: a year after a later one is after the first one too
# (the field is one line), and trying each would rescan the line to its end (quadratic).
_CITATION = re.compile(r"(?>(.+?)\.\s+\d+\s*\().*,\s*(?:1[89]|20)\d\d\b")
_METADATA = {"0": "type", "@": "issn", "M": "accession number", "F": "label"}


def looks_like_refer(text: str) -> bool:
    """The first line is a `%` tag, and so are most of the first few."""
    head = _dedented(text[:4096])
    if first_tagged_line(head, _TAG_LINE) is None:
        return False
    lines = [line for line in head.split("\n") if line.strip()][:10]
    return sum(1 for line in lines if _TAG_LINE.match(line)) * 2 > len(lines)


def parse_refer(text: str) -> Parsed:
    split = split_tagged(
        _dedented(text), _TAG_LINE, opens=lambda tag: tag == "0", paragraphs=True, opens_once=True
    )
    return parse_records(split, _record, "EndNote records")


def _dedented(text: str) -> str:
    """The text without the spaces every line of it opens with: AGU's search export (about
    2007) writes " %0 Journal Article", " %A B. Chen", … Only where its first line opens
    with spaces, so that other files are not scanned for them."""
    return textwrap.dedent(text) if text.lstrip("\n")[:1].isspace() else text


def _record(tagged: TaggedRecord) -> Record | Problem:
    title = tagged.text("T")
    given = tagged.text("X")
    if given.startswith(OPENING_TEXT):  # CNKI's
        return missing_abstract(tagged.line, OPENING_TEXT_ONLY, title)
    abstract = cnki_abstract(given)
    if not abstract:
        return missing_abstract(tagged.line, "an EndNote record without a %X field", title)
    # Magtech's journal sites (China's) wrap the address in braces: "%U {http://…}".
    urls = [url.strip("{}").strip() for url in tagged.items("U")]
    doi = tagged.text("R") or next((d for url in urls if (d := parse_doi(url))), "")
    # A web page before a DOI's address; EndNote's "<Go to ISI>://WOS:…" last.
    web = [url for url in urls if _WEB_LINK.match(url)] or urls
    page = next((url for url in web if not parse_doi(url)), web[0] if web else "")
    metadata = [(name, value) for tag, name in _METADATA.items() if (value := tagged.text(tag))]
    return Record(
        line=tagged.line,
        abstract=abstract,
        title=title or None,
        authors=tuple(
            first_name_first(name)
            for name in cased_in_list(
                [name for item in tagged.items("A") for name in _NAMES.split(item) if name.strip()]
            )
        ),
        url=page or None,
        doi=doi or None,
        date=endnote_date(tagged.text("8"), tagged.text("D")) or None,
        metadata=tuple(metadata),
        # The ACL Anthology's export (bibutils') names a paper's proceedings in %S alone.
        venue=tagged.text("J") or _venue_of_citation(tagged.text("B")) or tagged.text("S") or None,
        keywords=split_keywords(";".join(_keywords(item) for item in tagged.items("K")) or None),
    )


def _keywords(item: str) -> str:
    """A %K line as split_keywords takes it: VIP's export joins Chinese keywords by spaces
    ("%K 城市绿地 地表温度 降温效应 "), which no English keyword list does alone."""
    words = item.split()
    if len(words) > 1 and not _SEPARATED.search(item) and all(map(_CJK.search, words)):
        return ";".join(words)
    return item


# ";", ",", and the full-width semicolon, comma and enumeration comma.
_SEPARATED = re.compile(r"[;,\uff1b\uff0c\u3001]")
_CJK = re.compile(r"[\u4e00-\u9fff]")


def _venue_of_citation(book: str) -> str:
    """%B, the journal's or book's name; only the name where it is a whole citation."""
    found = _CITATION.match(book)
    return found.group(1) if found else book
