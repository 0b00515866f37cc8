"""Scholarly JSON: small readers of JSON values, shared by the mappers: a text, a list, a
nested key, CSL's dates and names, a title's or abstract's markup taken out.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from digest.readers.markup import (
    decode_entities,
    html_to_text,
    jats_to_text,
    looks_like_jats,
    markup_to_text,
)
from digest.readers.records import (
    Problem,
    excerpt,
    first_name_first,
    given_and_family,
    in_capitals,
    iso_date,
)


def text_of(value: Any) -> str:
    """A string field; a list of strings (Crossref's titles) gives its first non-empty one."""
    if isinstance(value, str):
        return value.strip()
    if isinstance(value, int | float) and not isinstance(value, bool):
        return str(value)
    if isinstance(value, list):
        return next((text for item in value if (text := text_of(item))), "")
    return ""


def nested(value: Any, *path: str) -> Any:
    for key in path:
        if not isinstance(value, dict):
            return None
        value = value.get(key)
    return value


def strings_of(values: Iterable[Any]) -> tuple[str, ...]:
    return tuple(text for value in values if (text := text_of(value)))


def dict_of(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def list_of(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []


def date_from_parts(value: Any) -> str | None:
    """CSL/Crossref dates: {"date-parts": [[2020, 6, 18]]} -> "2020-06-18"; "raw" as is.
    Some writers spell it "date_parts" (isbnlib, bolognese, Crossref answers relayed through
    snake_case clients) or leave out the outer list ([2020, 6, 18])."""
    if not isinstance(value, dict):
        return text_of(value) or None
    parts = list_of(value.get("date-parts", value.get("date_parts")))
    first = list_of(parts[0]) if parts and isinstance(parts[0], list) else parts
    numbers: list[int] = []
    for part in first[:3]:
        try:
            numbers.append(int(part))
        except (TypeError, ValueError):
            break
    season = value.get(
        "season"
    )  # CSL's season beside a year: {"date-parts": [[1985]], "season": 1}
    if len(numbers) == 1 and str(season).isdigit() and 1 <= int(str(season)) <= 4:
        numbers.append(12 + int(str(season)))
    if len(numbers) > 1 and numbers[1] > 12:
        # Better BibTeX writes a season as a pseudo-month: CSL's 13-16 or EDTF's 21-24
        # ("date-parts": [[2017, 15]]): no month, kept in words as BibTeX's "Spring 2025" is.
        season = _SEASONS.get(numbers[1] - (20 if numbers[1] > 20 else 12))
        return f"{season} {numbers[0]}" if season else str(numbers[0])
    if numbers:
        return "-".join(f"{n:02d}" if i else str(n) for i, n in enumerate(numbers))
    raw, literal = text_of(value.get("raw")), text_of(value.get("literal"))
    iso_like = None if raw else _ISO_LIKE_LITERAL.fullmatch(literal)
    if iso_like:
        year, month, day = iso_like.groups(default="0")
        return iso_date(year, int(month), int(day))
    return raw or literal or None


# Zotero writes a date it cannot read into parts as CSL's "literal", an ISO day with its day
# in four figures among them (Zotero CSL JSON of a Google Books item: "1995-01-0001"): read
# when its month and day can be one; a range ("2017-14/2017-15") or a season stays as written.
_ISO_LIKE_LITERAL = re.compile(
    r"((?:1[89]|20)\d\d)-(0?[1-9]|1[0-2])(?:-0{0,3}([1-9]|[12]\d|3[01]))?"
)


_SEASONS = {1: "Spring", 2: "Summer", 3: "Autumn", 4: "Winter"}


def has_csl_names(value: Any) -> bool:
    return any(
        isinstance(name, dict) and ("family" in name or "literal" in name)
        for name in list_of(value)
    )


def csl_name(name: Any) -> str:
    if not isinstance(name, dict):
        return text_of(name)
    if literal := text_of(name.get("literal")) or text_of(name.get("name")):
        return literal
    # "Herbert Van de Sompel", "Vincent van Gogh": the particles stand between the names.
    parts = ("dropping-particle", "non-dropping-particle", "family")
    given = text_of(name.get("given"))
    surname = " ".join(text for key in parts if (text := text_of(name.get(key))))
    # Crossref passes on a publisher's names in capitals ({"given": "LOUIS M.", "family":
    # "ROTH"}): such a name is cased as a reader writes it, "Louis M. Roth".
    whole = given_and_family(given, surname)
    if given and surname and in_capitals(whole):
        # A suffix in the family name ("SMITH, JR.") goes after the given names, where
        # first_name_first looks for it.
        family, comma, suffix = surname.partition(",")
        whole = first_name_first(f"{family}, {given}{comma}{suffix}")
    return " ".join(text for text in (whole, text_of(name.get("suffix"))) if text)


def no_abstract(line: int, source: str, title: str) -> Problem:
    return Problem(line, f"no abstract ({source} record without one)", excerpt(title))


def metadata_of(pairs: Iterable[tuple[str, Any]]) -> tuple[tuple[str, str], ...]:
    return tuple((key, text) for key, value in pairs if (text := text_of(value)))


def keywords_of(value: Any) -> tuple[str, ...]:
    if isinstance(value, list):
        return strings_of(value)
    text = text_of(value)
    separator = ";" if ";" in text else ","
    return tuple(part.strip() for part in text.split(separator) if part.strip())


_HTML_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9]*(?:\s[^<>]*)?/?>")
_HTML_CLOSING = re.compile(r"</(?:p|i|b|em|strong|sub|sup|span|div|li|ul|ol|h[1-6])\s*>", re.I)


# Springer gives each formula twice, as TeX and then as MathML ("$$BV_\\infty$$ <mml:math
# …><mml:mi>B</mml:mi>…</mml:math>"), and OpenAlex's inverted index keeps both, tags and all.
_MATH_OPEN = re.compile(r"<(mml:)?math\b[^<>]*>")
_TEX_BEFORE = re.compile(r"\$\$?([^$]+?)\$\$?\s*\Z")
_ANY_TAG = re.compile(r"<[^<>]*>")


def _without_mathml(text: str) -> str:
    """Each MathML formula as its TeX twin just before it ("$BV_\\infty$"), or else as the
    symbols it shows ("BV∞"). A formula never closed stays as it is (and is found in one
    pass: a regex searching for each opening's end would rescan the rest of the text)."""
    parts: list[str] = []
    start = 0
    for opening in _MATH_OPEN.finditer(text):
        if opening.start() < start:
            continue  # inside the formula just taken
        closing = f"</{opening.group(1) or ''}math>"
        end = text.find(closing, opening.end())
        if end < 0:
            break
        before, formula = text[start : opening.start()], text[opening.start() : end]
        tex = _TEX_BEFORE.search(before[-200:])
        if tex:
            cut = len(before) - len(before[-200:]) + tex.start()
            parts.append(f"{before[:cut]}${tex.group(1).strip()}$")
        else:
            parts.append(before + "".join(_ANY_TAG.sub("", formula).split()))
        start = end + len(closing)
    return "".join(parts) + text[start:]


def markup_free(text: str) -> str:
    """An abstract without the JATS or HTML some exporters leave in it ("p < 0.05" stays)."""
    if looks_like_jats(text):
        text = jats_to_text(text)
        # TechRxiv deposits its abstract's HTML escaped inside the JATS: "<jats:p>&lt;p&gt;The
        # impact…&lt;/p&gt;</jats:p>", which the JATS pass turns into "<p>The impact…</p>".
        # Only a closing tag tells it: "a<b and c>d" is mathematics. Some deposits escape a
        # sign twice ("(P &amp;lt; .001)"): what the JATS pass leaves of it is decoded.
        return html_to_text(text) if _HTML_CLOSING.search(text) else decode_entities(text)
    if "math" in text and "<" in text:  # JATS has its own way with MathML (<alternatives>)
        text = _without_mathml(text)
    if _HTML_TAG.search(text):
        # A section heading ("<h4>Methods</h4>We ...") keeps its place as a label.
        return markup_to_text(text)
    decoded = decode_entities(text)
    if decoded != text and (looks_like_jats(decoded) or _HTML_CLOSING.search(decoded)):
        # Crossref holds some deposits' JATS escaped ("&lt;jats:p&gt;…&lt;/jats:p&gt;",
        # Persoonia's), and so does CSL JSON made from them: the tags come back, and go.
        # Only a tag does: "a &lt; b" is "a < b".
        return markup_free(decoded)
    return decoded
