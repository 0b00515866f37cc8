# The LaTeX table maps commands to look-alike symbols (α, ×, ∪) on purpose.
# ruff: noqa: RUF001, RUF003
"""Text normalisation for everything the loader reads.

Abstracts arrive as bytes in whatever encoding a browser, a PDF copy or a mail client chose,
with invisible characters, hard line wraps and bits of LaTeX. Everything here is a pure
function of its input, so the same file always cleans to the same text, and the result is
plain Unicode that XML 1.0 (hence the feeds) can carry.
"""

from __future__ import annotations

import bisect
import collections
import functools
import html.entities
import itertools
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Final

# --- bytes -> str ---------------------------------------------------------------------------

# Longest BOM first: the UTF-32-LE BOM starts with the UTF-16-LE one.
_BOMS: tuple[tuple[bytes, str], ...] = (
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xff\xfe\x00\x00", "utf-32"),
    (b"\x00\x00\xfe\xff", "utf-32"),
    (b"\xff\xfe", "utf-16"),
    (b"\xfe\xff", "utf-16"),
)

# Files people drop into the abstracts folder by mistake, named so the message can say
# what to do instead of just "binary".
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"%PDF", "a PDF file; extract its text first"),
    (b"PK\x03\x04", "a ZIP archive (or .docx/.xlsx); unpack or export it as text first"),
    (b"\x1f\x8b", "a gzip archive; unpack it first"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"{\\rtf", "an RTF document; save it as plain text first"),
)


@dataclass(frozen=True)
class Decoded:
    """A file's text and the encoding it was read with."""

    text: str
    encoding: str


def binary_reason(data: bytes) -> str | None:
    """Why `data` is not a text file, or None when it may be text."""
    for magic, what in _MAGIC:
        if data.startswith(magic):
            return f"binary file ({what})"
    if any(data.startswith(bom) for bom, _ in _BOMS) or _bomless_utf16(data):
        return None  # UTF-16/32 text is full of NUL bytes
    sample = data[:4096]
    if b"\x00" in sample:
        return (
            "binary file (contains NUL bytes); if it is UTF-16 text, save it with a BOM or as UTF-8"
        )
    controls = sum(1 for b in sample if b < 32 and b not in b"\t\n\r\f")
    if controls > len(sample) // 10:
        return "binary file (mostly control bytes); pass text, JSONL or CSV files"
    return None


def decode_bytes(data: bytes) -> Decoded:
    """Decode a text file: BOM-marked UTF-8/16/32, else UTF-8, else GB18030 when the bytes are
    Chinese text, else cp1252, else latin-1.

    Line ends are normalised to "\\n" so line numbers mean the same on every platform, and
    a byte-order mark that opens a line (files joined into one) is dropped.
    Chinese Windows tools (CNKI's and Wanfang's exports, NoteExpress) save GBK, which
    cp1252 would read without an error, as mojibake: see `_chinese_text`.
    cp1252 is tried before latin-1 because Windows tools write it and it is a superset of
    latin-1's printable characters; latin-1 never fails, so this always returns.
    """
    for bom, codec in _BOMS:
        if data.startswith(bom):
            text = data.decode(codec, errors="replace")
            return Decoded(_unify_newlines(text), "utf-8" if codec == "utf-8-sig" else codec)
    bomless = _bomless_utf16(data)
    if bomless:
        return Decoded(_unify_newlines(data.decode(bomless, errors="replace")), bomless)
    try:
        return Decoded(_unify_newlines(data.decode("utf-8")), "utf-8")
    except UnicodeDecodeError:
        pass
    east_asian = _east_asian_text(data)
    if east_asian is not None:
        return Decoded(_unify_newlines(east_asian[0]), east_asian[1])
    try:
        return Decoded(_unify_newlines(data.decode("cp1252")), "cp1252")
    except UnicodeDecodeError:
        return Decoded(_unify_newlines(data.decode("latin-1")), "latin-1")


@dataclass(frozen=True)
class _Script:
    """A double-byte encoding of East Asian text, and what text in it is mostly made of."""

    codec: str
    # The letters the language is mostly written in: the encoding's first, commonest level
    # (found by the character's place in `level_codec`), and any character from `own`.
    level_codec: str
    level: tuple[int, int]
    own: tuple[str, str] = ("", "")
    # How much of the text must be letters of `own`, and how many different ones: Japanese
    # without kana, or Korean without hangul, is another language's double-byte text
    # misread; and a few hanzi of GB2312's commonest (目的, 李明) are hangul in EUC-KR.
    own_share: float = 0.0
    own_distinct: int = 0
    # How many of the pairs must end in a byte from 0xA1 on: Latin text's accented letters
    # before ASCII ones ("Äpfel", "µm") are pairs of some of these codecs too.
    high_share: float = 0.0
    # How many must have both bytes from 0xA1 on (GBK's Chinese is mostly GB2312's).
    both_high_share: float = 0.0


_KANA = ("\u3041", "\u30fe")
_HANGUL = ("\uac00", "\ud7a3")

# Chinese and Japanese ideographs (CJK Unified Ideographs and Extension A) and Japanese kana,
# as the inside of a character class: text written without spaces between its words.
IDEOGRAPHS: Final = "\u3400-\u4dbf\u4e00-\u9fff"
KANA: Final = "\u3040-\u30ff"

# Tried in this order; a later one is taken only when its text fits better. Korean's
# hangul sit where GB2312 has its commonest hanzi, so Korean reads as Chinese of a sort
# and must come first; Chinese text that uses 20 hanzi of those rows uses others too,
# from 0xC9 on, which are no hangul (or no EUC-KR at all).
_SCRIPTS = (
    _Script("cp949", "euc_kr", (0xB0A1, 0xC8FE), _HANGUL, 0.5, 20, 0.3),
    _Script("euc_jp", "euc_jp", (0xB0A1, 0xCFFE), _KANA, 0.02, 1),
    _Script("cp932", "euc_jp", (0xB0A1, 0xCFFE), _KANA, 0.02, 1),
    _Script("gb18030", "gb2312", (0xB0A1, 0xD7FE), both_high_share=0.8),
    _Script("cp950", "big5", (0xA440, 0xC67E), high_share=0.3),
)


def _east_asian_text(data: bytes) -> tuple[str, str] | None:
    """`data` read as Chinese (GB18030, Big5), Japanese (Shift_JIS, EUC-JP) or Korean (EUC-KR)
    text, with the codec it was read with, when it is such text; else None.

    Windows tools in China, Taiwan, Japan and Korea save in these (CNKI's and Wanfang's,
    Airiti's, CiNii's and RISS's exports), and cp1252 would read most of them without an
    error, as mojibake. The bytes are read with each codec that takes them all; the
    reading kept is the one whose non-ASCII characters are most often punctuation or
    letters of the language's commonest level (GB2312's first 3,755 hanzi, Big5's first
    5,401, JIS's first 2,965 kanji and the kana, KS X 1001's 2,350 hangul), and at least
    80% of them must be. GB18030 keeps the test it had alone: GBK's Chinese is mostly
    GB2312's, both bytes of a pair at 0xA1 or above, so 80% of the text's pairs must be.
    Latin text in cp1252 seldom reads in these codecs at all (an accented letter before a
    space or a comma is no pair); when it does, its pairs are an accented letter and an
    ASCII one, seldom a common letter, and never kana or 50% hangul.
    """
    best: tuple[float, str, str] | None = None
    for script in _SCRIPTS:
        try:
            text = data.decode(script.codec)
        except UnicodeDecodeError:
            continue
        fit = _script_fit(text, script)
        if fit is not None and (best is None or fit > best[0]):
            best = (fit, text, script.codec)
    return None if best is None else (best[1], best[2])


def _script_fit(text: str, script: _Script) -> float | None:
    """The share of `text`'s non-ASCII characters that are punctuation or `script`'s
    commonest letters, or None when the text is not in `script` at all."""
    # Each distinct character is encoded once: a file's few thousand, not its million.
    counts = collections.Counter(text)
    wide = typical = own = high = both_high = distinct = 0
    for ch, count in counts.items():
        if ch <= "\x7f":
            continue
        wide += count
        pair = ch.encode(script.codec, "ignore")
        if len(pair) == 2 and pair[1] >= 0xA1:
            high += count
            both_high += count if pair[0] >= 0xA1 else 0
        if unicodedata.category(ch)[0] in "PZ" or "\uff01" <= ch <= "\uff5e":
            typical += count
        elif script.own[0] <= ch <= script.own[1]:
            own += count
            distinct += 1
            typical += count if _in_level(ch, script) or script.own == _KANA else 0
        elif _in_level(ch, script):
            typical += count
    if not wide:
        return None
    if high < wide * script.high_share or both_high < wide * script.both_high_share:
        return None
    if own < wide * script.own_share:
        return None
    if distinct < script.own_distinct:
        return None
    return typical / wide if typical >= wide * 0.8 else None


def _in_level(ch: str, script: _Script) -> bool:
    try:
        pair = ch.encode(script.level_codec)
    except UnicodeEncodeError:
        return False
    return len(pair) == 2 and script.level[0] <= int.from_bytes(pair) <= script.level[1]


def _bomless_utf16(data: bytes) -> str | None:
    """ "utf-16-le" or "utf-16-be" for UTF-16 text saved without its byte-order mark (what
    .NET's Encoding.Unicode and some Windows tools write), else None. Such text in a Latin
    script has a NUL as every other byte, on one side only; binary data has them anywhere."""
    sample = data[:4096]
    sample = sample[: len(sample) - len(sample) % 2]
    if len(sample) < 16:
        return None
    for codec, nuls, other in (
        ("utf-16-le", sample[1::2], sample[0::2]),
        ("utf-16-be", sample[0::2], sample[1::2]),
    ):
        if nuls.count(0) >= len(nuls) * 0.9 and other.count(0) == 0:
            try:
                text = sample.decode(codec)
            except UnicodeDecodeError:  # a lone surrogate: not text
                return None
            controls = sum(1 for c in text if c < " " and c not in "\t\n\r\f")
            return codec if controls <= len(text) // 10 else None
    return None


def _unify_newlines(text: str) -> str:
    """ "\n" line ends, and no byte-order mark opening a line: exports joined with `cat`
    (Web of Science gives 500 records a file, Scopus 2,000) keep each file's mark before
    its header, where it would hide the header's first tag or quote."""
    return _LINE_BOM.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))


_LINE_BOM = re.compile("^\ufeff+", re.M)


# --- invisible and illegal characters -------------------------------------------------------


def _build_invisible_table() -> dict[int, str | None]:
    table: dict[int, str | None] = {}
    # C0 and C1 controls and DEL; tab/newline/CR/FF/VT/NEL act as whitespace.
    for cp in [*range(0x00, 0x20), 0x7F, *range(0x80, 0xA0)]:
        table[cp] = None
    for cp in (0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x85):
        table[cp] = " "
    # Zero-width characters, the soft hyphen (an invisible hyphenation hint) and BOMs.
    # The zero-width joiner and non-joiner are not here: scripts need them (see _JOINERS).
    for cp in (0x00AD, 0x200B, 0x2060, 0xFEFF):
        table[cp] = None
    # Bidi controls: invisible, and a classic way to make text display other than it reads.
    for cp in (0x061C, 0x200E, 0x200F, *range(0x202A, 0x202F), *range(0x2066, 0x206A)):
        table[cp] = None
    for cp in (0x2028, 0x2029):  # line/paragraph separators
        table[cp] = " "
    # Not allowed in XML 1.0 at all: lone surrogates (json.loads can produce them) and
    # U+FFFE/U+FFFF.
    for cp in [*range(0xD800, 0xE000), 0xFFFE, 0xFFFF]:
        table[cp] = None
    return table


_INVISIBLE = _build_invisible_table()


def _character_class(table: dict[int, str | None], value: str | None) -> re.Pattern[str]:
    chars = "".join(re.escape(chr(cp)) for cp, to in sorted(table.items()) if to == value)
    return re.compile(f"[{chars}]+")


# The table as two regexes: str.translate looks every character up in a dict, which is
# ~5x slower than a regex character class on long texts.
_INVISIBLE_DROP = _character_class(_INVISIBLE, None)
_INVISIBLE_SPACE = _character_class(_INVISIBLE, " ")
# The zero-width joiner (U+200D) and non-joiner (U+200C) shape what is around them: an
# emoji sequence (👩‍🔬), Persian and Arabic words (می‌خواهم), Indic conjuncts. Between two such
# characters they stay; next to ASCII, a space or an end of text they only hide a word
# ("pass\u200dword") and go.
_JOINERS = re.compile(
    "(?:^|(?<=[\x00-\x7f\\s]))[\u200c\u200d]+|[\u200c\u200d]+(?=[\x00-\x7f\\s]|$)"
)
_NOT_WORD = re.compile(r"[\W_]+")
_ASCII_NOT_ALNUM = bytes(b for b in range(128) if not chr(b).isalnum())


def strip_invisible(text: str) -> str:
    """Drop control, zero-width, bidi and XML-illegal characters; NFC-normalise."""
    return _strip_invisible(text, text.isprintable())


def _strip_invisible(text: str, printable: bool) -> str:
    # Every character the table removes is "non-printable" to Python, and checking is far
    # cheaper than translating, so most text skips the translation.
    if not printable:
        text = _INVISIBLE_SPACE.sub(" ", _INVISIBLE_DROP.sub("", text))
        if "\u200c" in text or "\u200d" in text:
            text = _JOINERS.sub("", text)
    if text.isascii() or unicodedata.is_normalized("NFC", text):
        return text
    return unicodedata.normalize("NFC", text)


def collapse_whitespace(text: str) -> str:
    return " ".join(text.split())  # str.split() knows Unicode whitespace


# UTF-8 read as Latin-1 or cp1252 upstream and saved again ("JosÃ© RaÃºl Romero" in an
# arXiv API answer, "GÃ©ographe" and "â€™" in a CSV opened in Excel): a lead byte's letter
# before a continuation byte's. Only text holding such a pair is handed to ftfy.
_MOJIBAKE = re.compile(
    "[\u00c2-\u00f4][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e"
    "\u0192\u02c6\u02dc\u2013\u2014\u2018-\u201e\u2020-\u2022\u2026\u2030"
    "\u2039\u203a\u20ac\u2122]"
)


def repaired_encoding(text: str) -> str:
    """Text that was UTF-8 decoded as Latin-1 or cp1252 on its way here, as it was written
    ("JosÃ© RaÃºl" -> "José Raúl"); real text ("SÃO PAULO") stays. ftfy decides, as it does
    for much of the web's text: its tables of what mojibake looks like are what we would
    otherwise write badly. Imported only for text that may need it."""
    if not _MOJIBAKE.search(text):
        return text
    import ftfy  # about 65 ms to import, for the few texts that need it

    return ftfy.fix_encoding(text)


# The Latin ligatures (U+FB00-FB06) a PDF's text layer keeps ("inﬂammation", "ﬁeld") are
# two or three letters to a reader's search and to theme keywords: they become those letters.
_LIGATURE = re.compile("[\ufb00-\ufb06]")
_LIGATURE_LETTERS = {cp: unicodedata.normalize("NFKC", chr(cp)) for cp in range(0xFB00, 0xFB07)}
# A PDF set in TeX keeps an umlaut in its text layer as a spacing mark before its vowel,
# which Crossref's, OpenAlex's and Zotero's copies of the abstract keep ("the na\u00a8\u0131ve
# usage", "in the sense of To\u00a8en"): the two become the one letter ("na\u00efve", the
# dotless i made a plain one first). Before anything but a vowel the mark stays.
_SPACING_DIAERESIS = re.compile("\u00a8([aeiouyAEIOUY\u0131])")
_WITH_DIAERESIS = {
    vowel: unicodedata.normalize("NFC", vowel.replace("\u0131", "i") + "\u0308")
    for vowel in "aeiouyAEIOUY\u0131"
}


# IEEE Xplore's symbol markup in its records of about 1990 to 2005, which its exports and
# the data made from them keep: "0.18-/spl mu/m CMOS", "15-ppm//spl deg/C", "/spl plusmn/",
# "0.016mm/sup 2/", "V/sub DD/". A symbol's name is HTML's but for IEEE's own "les" and
# "ges"; an unknown one stays as written.
_IEEE_MARKUP = re.compile(r"/(spl|sup|sub) ([^/\s][^/]{0,30}?)/")
_IEEE_SYMBOLS = {"les": "\u2264", "ges": "\u2265"}


def _ieee_symbol(found: re.Match[str]) -> str:
    kind, name = found.group(1), found.group(2).strip()  # Inspec's "Sn/sub 2 /P/sub 2/S"
    if kind == "sup":
        return superscript_figures(name)
    if kind == "sub":
        return name
    symbol = _IEEE_SYMBOLS.get(name) or html.entities.html5.get(name + ";")
    return symbol if symbol is not None else found.group(0)


def clean_text(text: str) -> str:
    """Everything a prose field (abstract, title, comment) goes through."""
    text = repaired_encoding(text)
    if "/s" in text and ("/spl " in text or "/sup " in text or "/sub " in text):
        text = _IEEE_MARKUP.sub(_ieee_symbol, text)
    if not text.isascii() and _LIGATURE.search(text):
        text = text.translate(_LIGATURE_LETTERS)
    if "\u00a8" in text:
        text = _SPACING_DIAERESIS.sub(lambda m: _WITH_DIAERESIS[m.group(1)], text)
    if "\n" in text:  # a hard-wrapped field (a CSV cell, a JSON string)
        text = join_wrapped_lines(text.split("\n"))
    # Printable means no control characters and no whitespace but " ": most fields then
    # need no work beyond the checks, which matters when loading thousands of abstracts.
    simple = text.isprintable()
    text = _strip_invisible(text, simple)
    if "\\" in text or "$" in text or "`" in text:
        # Printable text stays printable (every character LaTeX turns into is, see
        # _SYMBOLS): only the spaces a command leaves ("a \\, b") can need collapsing.
        text = latex_to_unicode(text)
    if simple and "  " not in text and text[:1] != " " and text[-1:] != " ":
        return text
    return collapse_whitespace(text)


# A MeSH heading as PubMed hands it to EndNote and RIS keywords: a star on the major topic
# and a subheading after a slash ("Long-Term Potentiation/*physiology", "*Hippocampus",
# "Crassostrea/growth & development/*physiology"); Embase's subheading is a code and its
# name ("hypertension/di [Diagnosis]", in Rayyan's RIS). Only a starred one, or one ending
# in Embase's name, is read so: "MXene/CNT" or "input/output" are keywords of their own.
_STARRED_MESH = re.compile(
    r"\*?([^/*]*[^/*\s])(?:/\*?(?:[a-z][a-z ,&-]*|[a-z]{2} \[[A-Z][A-Za-z ,&-]*\]))*"
)
# MeSH's subheadings, by which a heading not starred is known too ("Gambling/epidemiology/
# psychology", "Republic of Korea/epidemiology", in Zotero's RIS of PubMed records): a
# keyword whose every part after a slash is one of them is that heading.
_MESH_SUBHEADINGS = frozenset(
    ("abnormalities", "administration & dosage", "adverse effects", "agonists",
     "analogs & derivatives", "analysis", "anatomy & histology", "antagonists & inhibitors",
     "biosynthesis", "blood", "blood supply", "cerebrospinal fluid", "chemical synthesis",
     "chemically induced", "chemistry", "classification", "complications", "congenital",
     "cytology", "deficiency", "diagnosis", "diagnostic imaging", "diet therapy",
     "drug effects", "drug therapy", "economics", "education", "embryology", "enzymology",
     "epidemiology", "ethics", "ethnology", "etiology", "genetics", "growth & development",
     "history", "immunology", "injuries", "innervation", "instrumentation",
     "isolation & purification", "legislation & jurisprudence", "manpower", "metabolism",
     "methods", "microbiology", "mortality", "nursing", "organization & administration",
     "parasitology", "pathogenicity", "pathology", "pharmacokinetics", "pharmacology",
     "physiology", "physiopathology", "poisoning", "prevention & control", "psychology",
     "radiation effects", "radiography", "radiotherapy", "rehabilitation", "secondary",
     "standards", "statistics & numerical data", "supply & distribution", "surgery",
     "therapeutic use", "therapy", "toxicity", "transmission", "trends", "ultrasonography",
     "ultrastructure", "urine", "utilization", "veterinary", "virology")
)  # fmt: skip


# The list's own label standing as one of its keywords, as Scopus keeps it when the
# author's "Keywords: a; b" reached it whole ("inequality; Keywords:; migrant workers").
_KEYWORDS_LABEL = re.compile(
    r"(?:key\s?-?words?|palabras clave|palavras-chave|mots-cl[ée]s)\s*:", re.I
)


def clean_keyword(text: str) -> str:
    """A keyword as prose is cleaned, a MeSH heading (starred, or with MeSH's subheadings,
    or Embase's with its subheading named) without its star and subheadings; "" for the
    list's label ("Keywords:")."""
    text = clean_text(text)
    if text.endswith(":") and _KEYWORDS_LABEL.fullmatch(text):
        return ""
    starred = _STARRED_MESH.fullmatch(text) if "*" in text or text.endswith("]") else None
    if starred:
        return starred.group(1)
    if "/" in text:
        heading, *subheadings = text.split("/")
        if heading and all(part in _MESH_SUBHEADINGS for part in subheadings):
            return heading
    return text


def clean_token(text: str) -> str:
    """For ids, URLs and DOIs: no LaTeX conversion, and no whitespace at all."""
    return "".join(strip_invisible(text).split())


def comparable_text(text: str) -> str:
    """The text with case, whitespace and punctuation removed, to spot the same abstract."""
    if text.isascii():  # the common case, ~20x faster than the regex
        return text.lower().encode("ascii").translate(None, _ASCII_NOT_ALNUM).decode("ascii")
    # ASCII punctuation and spaces go first as bytes (UTF-8 never reuses ASCII bytes inside
    # a multi-byte character), which leaves the slow Unicode-aware regex a shorter string,
    # or nothing to do at all.
    folded = text.casefold().encode("utf-8").translate(None, _ASCII_NOT_ALNUM).decode("utf-8")
    return folded if folded.isalnum() else _NOT_WORD.sub("", folded)


def without_accents(text: str) -> str:
    """Accents off ("Müller" -> "Muller"), so a name spelled with and without them matches."""
    if text.isascii():
        return text
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


# --- what databases add to an abstract -------------------------------------------------------

# What an export writes where a record has no abstract (ScienceDirect's RIS: its heading alone,
# "AB  - Abstract"); what an AI-enhanced arXiv daily writes in every field of a paper its
# model failed on ("错误:AI分析失败", "Error: AI analysis failed", its colon and stop
# full-width).
_PLACEHOLDER = re.compile(
    r"\[?\s*(?:no abstract(?: available| provided)?|abstract not available|not available"
    r"|n/?a|none|null|nan|-+|abstract|\u9519\u8bef[:\uff1a]\s*ai\s*\u5206\u6790\u5931\u8d25)"
    r"\s*[.\u3002]?\s*\]?",
    re.I,
)
# IEEE Xplore's stand-in for the abstract of an old paper that has none: a picture of its
# first page, as its API and scrapers of its pages give it ("<div style=…>First Page of the
# Article</div><img class=\"img-abs-container\" … src=\"/xploreAssets/images/absImages/
# 01477236.png\" …>"), or its caption alone once the markup is read.
_FIRST_PAGE_PICTURE = re.compile(
    r"(?:<div\b[^>]*>)?First Page of the Article(?:</div>)?\s*(?:<img\b[^>]*>)?", re.I
)
# "Published by Elsevier B.V.", "… Ltd on behalf of the Royal Society.": a publisher's name
# (capitalised words, "B.V.", "(IAPR)") that runs to the very end of the abstract, so that
# a sentence after it ("… on behalf of IAPR. We then …") keeps it where it is. A word is
# taken whole, atomically: "A." could end with the class or with "[.,]?", and trying both
# for each of 20 words that fail to reach the end took seconds.
_PUBLISHER = (
    r"(?:(?>\(?[A-Z][\w'&.,+-]*\)?[.,]?)(?:\s++|$)|(?:on behalf of|and|of|the|for|&)\s++){1,20}"
)
# A paper's citation of itself: the journal's name (up to eight capitalised words or
# abbreviations, and the small words of a name: "of", "and"), then the volume, its issue and
# the pages: "93:1187-1197", "67(2):e12-e20".
_JOURNAL_NAME = (
    r"[A-Z][A-Za-z]*\.?(?:\s+(?:[A-Z][A-Za-z]*\.?|\([A-Z][A-Za-z]+\)|&|of|and|the|in|for)){0,7}?"
)
_VOLUME_PAGES = r"\d+(?:\(\d+\))?\s?:\s?[A-Za-z]?\d+(?:[-\u2013][A-Za-z]?\d+)?"
# A copyright line or a database's stamp closing an abstract: "© 2020 Elsevier Ltd. All rights
# reserved.", "(C) 2003 Elsevier Ltd.", "Copyright (c) 2025 The Authors.", "(PsycInfo
# Database Record (c) 2022 APA, all rights reserved)" (RefWorks' of 2002, "( PsycINFO
# Database Record ( c) 2002 APA, ...)"), ProQuest's "[Author Abstract]" (and the authors'
# keywords after it, "[Author Abstract] KEY WORDS: PTSD; children": a list, no sentence),
# Elsevier's "Published by Elsevier B.V." (only as the abstract's last words), Embase's
# line of a bioRxiv or medRxiv preprint ("Copyright The copyright holder for this preprint
# is the author/funder, who has granted medRxiv a license …"), Wiley's stamp on an accepted
# article ("This article is protected by copyright. All rights reserved.", its feeds' and
# PubMed's, only as the abstract's last words). It
# starts a sentence (so "Alceste(©) software" stays); "(c)" must have the year right after
# it, so that a list's "(c) the third case" stays too. A copyright sign or word may be glued
# to the sentence before it ("…results.© 2020 Elsevier Ltd.", Ovid's "…).Crown Copyright ©
# 2018.", Web of Science's "…a VDCS.(c) 2022 The Author(s)."), and a line that lost its sign
# ("2020 Elsevier Ltd. All rights reserved.", Scopus's of the Journal of Finance's old
# papers, "1989 The American Finance Association") is one only as the abstract's last words.
_TRAILER = re.compile(
    r"(?:^|(?<=[.!?)\]\"”])\s+|(?<=[.!?)\]\"”])"
    r"(?=©|(?:Crown\s+)?Copyright\b|\([cC]\)\s*(?:19|20)\d\d\b)|\s+(?=\[)"
    # Lippincott's (Wolters Kluwer's) abstracts, as Crossref and so Zotero keep them, give the
    # paper's citation before the copyright line: "... contraindications. Int Clin
    # Psychopharmacol 30:183–192 Copyright © 2015 Wolters Kluwer Health, Inc. ..."
    rf"|(?<=[.!?])\s+{_JOURNAL_NAME}\s+{_VOLUME_PAGES}\s+(?=(?:Copyright\s*)?©))"
    r"(?:CR\s+-\s+(?=Copyright))?"  # JSTOR's RIS line, kept in the abstract by Mendeley
    r"(?:\(\s?Psyc(?:INFO|Info) Database Record\b"
    r"|(?:Crown\s+)?(?:Copyright\s*)?©"
    r"|(?:Crown\s+)?(?:Copyright\s*)?\([cC]\)\s*(?:19|20)\d\d\b"
    r"|Copyright\s+(?:(?:19|20)\d\d|[Ss]tatement:|The copyright holder for this preprint\b)"
    r"|\[(?:Author|Publisher) [Aa]bstract\]\.?(?:\s+KEY ?WORDS:[^\n]*)?$"
    r"|Published by " + _PUBLISHER + r"(?:All rights reserved\.?)?\s*$"
    r"|(?:19|20)\d\d\s+" + _PUBLISHER + r"[Aa]ll rights reserved\.?\s*$"
    r"|(?:19|20)\d\d\s+The\s+" + _PUBLISHER + r"$"
    r"|This article is protected by copyright\.\s+All rights reserved\.?\s*$)"
    r".*$",
    re.S,
)
_TRAILER_TAIL = 400
# The last word of a line without its sign that is the society's own ("1989 The American
# Finance Association"): only an abstract ending so is searched for one.
_LEARNED_SOCIETY = ("Association", "Society")
# EBSCOhost's stamp, "[ABSTRACT FROM AUTHOR]" (or PUBLISHER), with the language before it
# where a paper has its abstract in two ("… method. (English) [ABSTRACT FROM AUTHOR]"),
# and its note "Copyright of <journal> is the property of <publisher> and its content may
# not be copied … (Copyright applies to all Abstracts.)", together or apart: longer than
# _TRAILER_TAIL, so searched for apart, in a longer tail, only when the tail holds one of
# their fixed words.
_EBSCO_TRAILER = re.compile(
    r"(?:(?<=[.!?)\]])\s*\([A-Z][a-z]+\))?\s*(?:\[ABSTRACT FROM [A-Z ]+\]"
    r"|(?<=[.!?)\]])\s*Copyright of .{1,400}? is the "
    r"property of ).*$",
    re.S,
)
_EBSCO_TAIL = 1200
# arXiv's mail closes each abstract with its page's line, "\\\\ ( https://arxiv.org/abs/2411.13560
# , 31214kb)"; a script turning the mail into RIS keeps it in the abstract.
_LISTING_TRAILER = re.compile(r"\s*(?:\\\\\s*)?\(\s*https?://arxiv\.org/abs/\S+\s*,\s*\d+kb\)$")
_LISTING_TAIL = 120  # looked for in the tail only, as the other trailers are
# ERIC closes each abstract with who wrote it, whatever exports the record (Ovid, EBSCOhost,
# ProQuest): "(As Provided)" (the author's own), "(Author)", "(Author/RT)", or the
# abstractor's initials, "(MVL)". Only after a sentence's end, as the abstract's last words,
# so that "… the United Kingdom (UK)." and "… rates (BMI)" stay.
_ERIC_MARK = re.compile(
    r"(?:(?<=[.!?\"”])|(?<=\.\)))\s+"
    r"\((?:As Provided|Author(?:/[A-Z]{1,4})?|[A-Z]{2,4}(?:/[A-Z]{1,4})?)\)$"
)
# INFORMS's journals close an abstract with where its supplement is, glued to the last
# sentence in EndNote's and Zotero's copies of its page: "… in organizational
# life.Supplemental Material: The online appendix is available at https://doi.org/10.1287/…".
_SUPPLEMENT_NOTE = re.compile(
    r"(?<=[.!?])\s*Supplemental Material: [^\n]{0,300}? available at https?://\S+?\.?$"
)
# Taylor & Francis closes a reply's abstract with the papers of its exchange, each title
# glued to its DOI, and Web of Science glues the list to the last sentence: "… of comparative
# anthropology.See also:A Naturalist Abroad in the Museum of Ontology: … Culture10.1080/
# 00664677.2015.1136591Biolatry: … 10.1080/00664677.2016.1212523" (its RIS, 2023).
_SEE_ALSO = re.compile(r"(?<=[.!?])\s*See also:[^\n]*?10\.\d{4,9}/\S+$")
_SEE_ALSO_TAIL = 1500  # a few titles and their DOIs
# ProQuest's CSA databases (LISA, Sociological Abstracts, ERIC's notes), whatever exports
# their records (Mendeley's BibTeX of them), close an abstract with where it came from, one
# mark or several: "(Quotes from original text)", "(Author abstract)", "(Original abstract)",
# "Adapted from the source document.", "(Contains 51 references.)", "(Copies of this article
# are available for a fee from the Haworth Document Delivery Service, … ).", and ERIC's count
# of a paper's figures and tables, "(Contains 5 figures.)", "(Contains 3 tables and 1
# figure.)", as Zotero keeps it (core-methods-in-edm/final-upload My Library.csv). The American
# Economic Association's journals close theirs with the paper's JEL codes, which Zotero
# keeps: "(JEL C91, D44, D81, D91)". Ovid's MEDLINE closes a review's abstract with the
# number of its references, "[References: 38]", whatever exports the record (EndNote's XML).
_SOURCE_MARKS = re.compile(
    r"(?:(?<=[.!?\"”)])\s+(?:\((?:Quotes from original text|(?:Author|Original|Publisher)"
    r" abstract|Contains \d+ (?:references?|figures?|tables?|footnotes?)"
    r"(?:,? (?:and )?\d+ (?:references?|figures?|tables?|footnotes?))*\.?"
    r"|Copies of this article are available for a fee"
    r" from [^()]{1,300}|JEL [A-Z]\d\d?(?:, ?[A-Z]\d\d?)*)\)\.?"
    r"|\[References: \d+\]|Adapted from the source document\.))+$",
    re.I,
)
# A few marks close an abstract, the longest (Haworth's notice) under 400 characters.
_SOURCE_MARKS_TAIL = 2000
# A library catalogue's summary of a book (MARC's 520 field), which Zotero keeps as the
# abstract of a book it found there (heheka1/regal-repo zotero.csv, from a university's
# catalogue; a Better BibLaTeX export's book, "…"--Publisher's description"), closes with
# where the summary came from after two hyphens: "…"--Provided by publisher.", "…soul.--From
# publisher description", "…natural."--BOOK JACKET"; a quoted
# summary may close with the hyphens alone ("…and photography"--). The quotes round a quoted
# summary, and round each of its paragraphs, go with the mark.
_CATALOGUE_SOURCE = re.compile(
    r"(?<=[\w.!?\"\u201d)])\s*--\s*(?:(?:Provided by|From)(?: the)? publisher(?:'s)?"
    r"(?: description)?|Publisher(?:'s)? description|(?:Book )?jacket|Back cover"
    r"|Source other than (?:the )?Library of Congress)\.?$|(?<=[\"\u201d])--$",
    re.I,
)
_CATALOGUE_SOURCE_TAIL = 80
_QUOTED_PARAGRAPHS = re.compile(r"(?<=[.!?])[\"\u201d]\s+[\"\u201c](?=[A-Z])")


# A web page's own description that reference managers save as the abstract of a paper
# they found there (Zotero from NASA ADS, from an NBER working paper's page; Papers from a
# J-STAGE article's page without an abstract, kemu-chem/kemu-chem.github.io sample.ris):
# the same words for every paper.
_SITE_DESCRIPTIONS = frozenset(
    {
        "a powerful, streamlined new way to search the astrophysics data system",
        "founded in 1920, the nber is a private, non-profit, non-partisan organization"
        " dedicated to conducting economic research and to disseminating research findings"
        " among academics, public policy makers, and business professionals",
        "access full-text academic articles: j-stage is an online platform for japanese"
        " academic journals",
    }
)
_SITE_DESCRIPTION_LENGTH = 250
# CiNii Books' description of a book, which Zotero saves as the abstract of a book it found
# there (keisato0/jss-csl sample.ris, DP "ci.nii.ac.jp"): the catalogue's line, the title
# then who wrote it, the publisher and the date with the binding, "Precarious Japan Anne
# Allison Duke University Press, 2013 : pbk : [hardback]", "家 (チベ) の歴史を書く 朴沙羅著
# 筑摩書房, 2018.9". Only a short line after the title that closes with that date.
_CATALOGUE_LINE_DATE = re.compile(r", c?\d{4}(?:\.\d{1,2})?(?: : [^:]{1,40})*$")
_CATALOGUE_LINE_LENGTH = 150
# GitHub's line closing the description of a repository's page, which a reference manager
# saves as the abstract of the code or data a paper cites (Paperpile, hkarl/paperpile
# paperpile.bib): "Contribute to pcie-bench/pcie-model development by creating an account on
# GitHub.", after the repository's own words where it has some ("SOTA Open Source TTS.
# Contribute to fishaudio/fish-speech …"); on its own it is no abstract.
_GITHUB_LINE = re.compile(
    r"(?:^|\s)Contribute to \S{1,200} development by creating an account on GitHub\.?$"
)
_GITHUB_TAIL = 300


# ResearchGate's description of a paper's page, which Zotero saves as the paper's abstract
# (and its title with "(PDF) " before it) when it finds the paper there, and web clippers
# too: the abstract's first 150-odd characters between a label and the site's line, "PDF |
# Modelling the aggregate behavior of … field of application.... | Find, read and cite all
# the research you need on ResearchGate" (jedopuig/ToLaptop My Library.rdf), with the title
# after "Request PDF" ("Request PDF | Particle identification | Particle IDentification
# (PID) is …"). Where the page has no abstract the description only says who published the
# paper: "PDF | On Jan 1, 2000, J.E. Montealegre and others published La variabilidad … |
# Find, …", no abstract at all.
_RESEARCHGATE_LINE = "Find, read and cite all the research you need on ResearchGate"
_RESEARCHGATE_LABEL = re.compile(r"((?:Request |Download )?PDF|Download Citation)\s*\|\s*")
_RESEARCHGATE_BYLINE = re.compile(r"On [A-Z][a-z]{2,8}\.? \d{1,2}, \d{4}, .{1,300} published ")


def researchgate_description(abstract: str, title: str) -> tuple[str, str] | None:
    """The abstract's words and the paper's title from ResearchGate's description of the
    paper's page, saved as its abstract ("" where it holds no abstract, only who published
    the paper); None where the abstract is no such description."""
    # Cut with string methods, not one pattern: a pattern's "\s*\|" tried after every
    # character of the text would read a long run of spaces again from each of them.
    body = abstract.rstrip(".")
    if not body.endswith(_RESEARCHGATE_LINE):
        return None
    body = body.removesuffix(_RESEARCHGATE_LINE).rstrip()
    label = _RESEARCHGATE_LABEL.match(body) if body.endswith("|") else None
    if label is None:
        return None
    text = body[label.end() : -1].rstrip()
    title = title.removeprefix("(PDF)").lstrip() if title.startswith("(PDF)") else title
    cut = title.removesuffix("Request PDF").rstrip()
    if cut != title and cut.endswith("|"):
        title = cut[:-1].rstrip()
    # The title is there after "Request PDF", and after "PDF" where the paper has one.
    head, bar, rest = text.partition(" | ")
    if bar and (label[1] != "PDF" or comparable_text(head) == comparable_text(title)):
        text = rest
    return ("" if _RESEARCHGATE_BYLINE.match(text) else text), title


# Cambridge University Press's notice where a paper has no abstract, deposited at Crossref
# as the abstract, and so in OpenAlex: "An abstract is not available for this content so a
# preview has been provided. Please use the Get access link above …", "… As you have access
# to this content, full HTML content is provided on this page. …"; "A summary is not …".
# IEEE Xplore's, as the abstract of a magazine's reprint of an article IEEE holds no copyright
# on (its CSV export): "This publication contains reprint articles for which
# IEEE does not hold copyright. Full text is not available on IEEE Xplore for these articles."
_NOT_AVAILABLE = re.compile(
    r"(?:An abstract|A summary) is not available for this content\b"
    r"|This publication contains reprint articles for which IEEE does not hold copyright\b"
)
_NOT_AVAILABLE_LENGTH = 400
# A journal's line on how to cite the paper, which some (Erciyes Medical Journal's) gave
# Crossref as the abstract, and so Zotero's and other tools' copies of it: "Cite this
# article as: Öner Özdemir. Coronavirus Disease 2019 (COVID-19): … Erciyes Med J 2020;
# 42(3): 242–7." Only the line: an abstract after it would be far longer.
_CITATION_ONLY = re.compile(r"(?:How to )?cite this article(?: as)?\s*:", re.I)
_CITATION_ONLY_LENGTH = 300
# PubMed's notice where a publisher gave no abstract text: an OtherAbstract of Type
# "Publisher" in PubMed XML, "OAB - Publisher: …" in MEDLINE, and the abstract field of
# what tools built on PubMed's data write (BioASQ's corpora, medic skips it).
_PUBLISHER_NOTICE = re.compile(r"(?:Publisher:\s*)?Abstract available from the publisher\.?", re.I)


# PubMed keeps a letter's or an editorial's conflict-of-interest line where its abstract
# goes, and so do the tools fed from it (Covidence, Rayyan): "Conflicts of interest. None.",
# "Declaration of Competing Interest None.", "The authors declare no competing interests."
_INTERESTS_ONLY = re.compile(
    r"(?:(?:(?:declarations?|disclosures?|statements?)\s+of\s+)?"
    r"(?:conflicts?|competing)\s+(?:of\s+)?interests?(?:\s+(?:statements?|disclosures?))?"
    r"\s*[.:;,-]?\s*)?"
    r"(?:none(?:\s+(?:declared|to\s+declare|reported))?|nothing\s+to\s+(?:declare|disclose)"
    r"|the\s+authors?\s+(?:declares?|reports?|ha(?:ve|s))\s+(?:that\s+they\s+have\s+)?"
    r"no\s+(?:competing\s+interests?|conflicts?\s+of\s+interests?)(?:\s+to\s+declare)?)"
    r"\s*\.?",
    re.I,
)
_INTERESTS_LENGTH = 160
# A library catalogue's note that a book has a bibliography or an index (MARC's 504 note),
# which Zotero keeps as the book's abstract when a catalogue gave nothing else (its K10plus
# and Library of Congress look-ups): "Includes bibliographical references and index",
# "Includes bibliographical references (p. 301-318)", "Includes index."
_CATALOGUE_NOTE = re.compile(
    r"Includes (?:bibliographical references|a bibliography|index(?:es)?)(?:\s*\([^()]{0,40}\))?"
    r"(?: and (?:index(?:es)?|bibliographical references)(?:\s*\([^()]{0,40}\))?)?\s*\.?",
    re.I,
)
_CATALOGUE_NOTE_LENGTH = 160
# Oxford University Press's description of a page of its books and reference works, which
# Zotero saves as a chapter's or an entry's abstract: "\"Middlemarch\" published on  by
# Oxford University Press." (its date left out, or "published on 01 Jan 2006 by …").
_OXFORD_PAGE_LINE = re.compile(
    r"[\"\u201c][^\"\u201c\u201d]{1,300}[\"\u201d] published on [\w ]{0,20}"
    r"by Oxford University Press\.{0,3}"
)
_OXFORD_PAGE_LINE_LENGTH = 400


def is_first_page_picture(abstract: str) -> bool:
    """Whether an abstract field holds only IEEE Xplore's picture of the paper's first page
    (see _FIRST_PAGE_PICTURE): tried on a field of a placeholder's length only."""
    return len(abstract) < 1000 and _FIRST_PAGE_PICTURE.fullmatch(abstract) is not None


def is_placeholder(abstract: str) -> bool:
    """Whether an abstract field only says there is none ("[No abstract available]"), or
    holds a web site's description of itself (or ResearchGate's of a paper without an
    abstract, Oxford's of a page), a publisher's notice, a declaration of no conflicts of
    interest, how to cite the paper, or a catalogue's note that a book has a bibliography,
    instead."""
    if len(abstract) < 40 and _PLACEHOLDER.fullmatch(abstract):
        return True
    if len(abstract) < _INTERESTS_LENGTH and _INTERESTS_ONLY.fullmatch(abstract):
        return True
    if len(abstract) < 60 and _PUBLISHER_NOTICE.fullmatch(abstract):
        return True
    if len(abstract) < _CATALOGUE_NOTE_LENGTH and _CATALOGUE_NOTE.fullmatch(abstract):
        return True
    if len(abstract) < 40:
        return False
    if len(abstract) < _NOT_AVAILABLE_LENGTH and _NOT_AVAILABLE.match(abstract):
        return True
    if len(abstract) < _CITATION_ONLY_LENGTH and _CITATION_ONLY.match(abstract):
        return True
    if len(abstract) < _OXFORD_PAGE_LINE_LENGTH and _OXFORD_PAGE_LINE.fullmatch(abstract):
        return True
    described = researchgate_description(abstract, "")
    if described is not None and not described[0]:
        return True
    if abstract.startswith("Contribute to ") and _GITHUB_LINE.match(abstract):
        return True
    return (
        len(abstract) < _SITE_DESCRIPTION_LENGTH
        and abstract.rstrip(".").casefold() in _SITE_DESCRIPTIONS
    )


def is_catalogue_line(abstract: str, title: str) -> bool:
    """Whether an abstract is only a library catalogue's line on a book: its title, then who
    wrote it, the publisher and the date (CiNii Books' description, as Zotero saves it)."""
    title = title.strip()
    if not title or not abstract.startswith(title):
        return False
    rest = abstract[len(title) :]
    if not rest.startswith(" ") or len(rest) > _CATALOGUE_LINE_LENGTH:
        return False
    return _CATALOGUE_LINE_DATE.search(rest) is not None


# bioRxiv's and medRxiv's pages (and so their BibTeX, RIS and what Zotero saves from them)
# glue their competing-interest statement to the abstract: "…resolution.Competing Interest
# StatementThe authors have declared no competing interest." medRxiv's goes on with its
# funding statement and the authors' declarations, longer than _TRAILER_TAIL: "…Funding
# StatementN/AAuthor DeclarationsI confirm all relevant ethical guidelines … .Yes…", in
# 2020 "…Author DeclarationsAll relevant ethical guidelines have been followed; … .Yes…".
_INTEREST_STATEMENT = "Competing Interest Statement"
_AUTHOR_DECLARATIONS = "Author Declarations"
# AACR's meeting abstracts (Cancer Research's supplements and its other journals') close with
# how to cite them, kept by Crossref and so by OpenAlex and the tools fed from it: "…
# Citation Format: Jim Lacey. Insights from … [abstract]. In: Proceedings of the AACR …;
# 2019 Feb 19-22; San Diego, CA. Philadelphia (PA): AACR; Cancer Epidemiol Biomarkers Prev
# 2020;29(9 Suppl):Abstract nr IA22." Its authors may be twenty and more: a longer tail.
_MEETING_CITATION = "Citation Format:"
_MEETING_CITATION_TAIL = 3000


# Where Elsevier's abstract holds its graphical abstract, the databases that take the text
# (EBSCOhost, ProQuest, Scopus) write a placeholder for the picture, mid-abstract or closing
# it: "… may persist. Graphical abstract Unlabelled Image Highlights • …", "Graphical
# abstract: [Display omitted]". "Unlabelled Image" only after its heading, so that a paper
# on "unlabelled Images" keeps its words. Web of Science writes "[GRAPHICS]" for the picture
# (a Springer journal's), on a line of its own with a lone stop on the next: "… this
# technology in Brazil. [GRAPHICS] ."; the stop goes with it where no word follows it. The
# space before it goes too, looked for from the run's first character only (linear on a
# long run of spaces).
_GRAPHICAL_ABSTRACT = re.compile(
    r"(?<!\s)\s*(?:Graphical abstract:?\s*(?:Unlabell?ed Image\b|\[Display omitted\]\.?)"
    r"|\[Display omitted\]\.?|(?-i:\[GRAPHICS\])(?:\s*\.(?!\S))?)",
    re.I,
)


# eScholarship (the University of California's repository) opens a thesis's abstract with
# its byline, which Lens keeps: "Author(s): Vatanparvar, Korosh | Advisor(s): Al Faruque,
# Mohammad | Abstract: Cyber-Physical Systems …".
_ESCHOLARSHIP_BYLINE = re.compile(r"Author\(s\):(?:[^|]{0,300}\|){1,4}\s*Abstract:\s*")


# Wolters Kluwer deposits the graphical abstract of its Medknow journals in PubMed as the
# path of its picture, glued before the first sentence, and PubMed's XML and MEDLINE exports
# keep it: "JOURNAL/nrgr/04.03/01300535-202508000-00026/figure1/v/2024-09-30T120553Z/r/
# image-tiff Interferon regulatory factor 7 plays …" (Neural Regeneration Research).
_FIGURE_PATH = re.compile(r"JOURNAL/\S*?/r/image-[a-z]+\s*")


# IEEE Xplore opens the abstract of a keynote or talk it holds only a summary of with a note
# saying so, in its CSV, RIS and BibTeX alike: "Summary form only given. Cloud Computing as
# an emerging technology …", "Summary form only given, as follows."
_SUMMARY_ONLY = re.compile(r"Summary form only(?: given)?(?:,? as follows)?\s*[.:]\s*")


# Web of Science's MEDLINE glues the record's copyright line to the front of its abstract:
# "© 2018 The Authors. Journal of Animal Ecology © 2018 British Ecological Society.Fire
# creates …". The line runs to the first stop with a sentence glued to it.
_LEADING_COPYRIGHT = re.compile(
    r"(?:Copyright\s*)?(?:©|\([cC]\)\s*(?:19|20)\d\d).{0,300}?\.(?=[A-Z][a-z])"
)
# Scopus's API opens an abstract with the publisher's line and a space after it ("© 2020
# Elsevier Inc. Recent software …", "© 2020, Springer Nature Switzerland AG. This paper
# …"): the line runs to the first stop not after an initial ("© 2018 J. Smith."), with
# "All rights reserved." after it, and on over a second or third line ("© 2018 The
# Authors. Journal of Birds © 2018 Society of Birds. We …"); a line alone stays for the
# trailer's rule, which takes it all.
_COPYRIGHT_STATEMENT = r".{0,120}?(?<!\s[A-Z])\.(?:\s*All rights reserved\.)?\s+"
_LEADING_COPYRIGHT_LINE = re.compile(
    r"(?:Copyright\s*)?(?:©|\([cC]\)\s*(?:19|20)\d\d)"
    rf"(?:{_COPYRIGHT_STATEMENT}(?=[^.]{{0,80}}©)){{0,2}}"
    rf"{_COPYRIGHT_STATEMENT}(?=[A-Z])(?!All rights reserved|[^.]{{0,80}}©)"
)


def strip_abstract_trailer(abstract: str) -> str:
    """The abstract without the copyright line or database stamp an export closed it with
    (ERIC's "(As Provided)", ProQuest's "(Author abstract)" and INFORMS's note of where
    the supplement is too, SafetyLit's "Language: en", Web of Science's lone "Accepted", a
    library catalogue's source of a book's summary, '"…"--Provided by publisher.', with the
    quotes, and the arXiv mail's link to the paper's page), without JSTOR's square brackets
    round the whole of it, without GitHub's
    line closing a repository's description ("... Contribute to owner/repo development by
    creating an account on GitHub."), without the placeholder of a graphical abstract,
    IEEE's old end-of-text mark ("<<ETX>>"), and without IEEE's "Summary form only given.",
    the path of a Medknow journal's graphical abstract ("JOURNAL/nrgr/…/r/image-tiff"),
    eScholarship's byline or a copyright line (Web of Science's MEDLINE glues one to it,
    Scopus's API leaves a space) opening it; then without the citation of the paper itself
    that closes the abstracts of Wiley's journals in PubMed ("... mortality in MCR
    patients. ANN NEUROL 2023;93:1187-1197.", "J Am Geriatr Soc 68:1072-1077, 2020.") and,
    in brackets, those of JMIR's ("... services in LMICs. [J Med Internet Res
    2016;18(8):e226]") and of Nature Publishing Group's ("… Epidemiology (2005) 15, 482-490.
    doi:10.1038/sj.jea.7500426; published online 27 April 2005."), and without the
    "Citation Format: …" closing AACR's meeting abstracts."""
    abstract = _without_trailers(abstract)
    if abstract[-1:].isdigit() or abstract[-2:-1].isdigit():
        citation = _CLOSING_CITATION.search(abstract, max(0, len(abstract) - _CLOSING_TAIL))
        abstract = abstract[: citation.start()] if citation else abstract
    if "10.1038/" in abstract[-_NATURE_TAIL:]:
        citation = _NATURE_CITATION.search(abstract, max(0, len(abstract) - _NATURE_TAIL))
        abstract = abstract[: citation.start()] if citation else abstract
    return abstract


# The journal's name, then the year, volume and pages ("2023;93:1187-1197") or the volume,
# pages and year ("68:1072-1077, 2020"), after a sentence's stop, at the end, JMIR's in
# square brackets.
_CLOSING_CITATION = re.compile(
    rf"(?<=[.!?])\s+(\[)?{_JOURNAL_NAME}\s+"
    rf"(?:(?:19|20)\d\d\s?;\s?{_VOLUME_PAGES}|{_VOLUME_PAGES},\s?(?:19|20)\d\d)(?(1)\])\.?$"
)
_CLOSING_TAIL = 160  # a journal's name and a citation: looked for in the tail only

# Nature Publishing Group's journals closed their abstracts of the 2000s with the paper's
# citation, its DOI and the day it went online, which PubMed keeps, at times glued to the
# last sentence ("… such as cigarette smoking.Journal of Exposure Analysis and
# Environmental Epidemiology (2005) 15, 482-490. doi:10.1038/sj.jea.7500426; published
# online 27 April 2005."); the same house style gives an e-number for pages ("(2012) 2,
# e123; doi:…") or, ahead of print, "advance online publication, 12 May 2009; doi:…".
_NATURE_CITATION = re.compile(
    rf"(?<=[.!?])\s*{_JOURNAL_NAME}\s+"
    r"(?:\((?:19|20)\d\d\)\s?\d+,\s?[A-Za-z]?\d+(?:[-\u2013][A-Za-z]?\d+)?"
    r"|advance online publication,\s\d{1,2}\s[A-Z][a-z]+\s(?:19|20)\d\d)"
    r"[.;,]\s?doi:\s?10\.1038/[\w.-]+?[.;]?"
    r"(?:\s+[Pp]ublished online:?\s\d{1,2}\s[A-Z][a-z]+\s(?:19|20)\d\d\.?)?$"
)
_NATURE_TAIL = 260


# SafetyLit closes each abstract with the language it is in, a paragraph of its own ("… be
# elevated as a priority.<p />  <p>Language: en</p>", its RIS of 2024; the markup dropped,
# "… as a priority. Language: en"), after any copyright line, which then goes too.
_LANGUAGE_NOTE = re.compile(r"\s+Language: [a-z]{2,3}$")
_LANGUAGE_NOTE_TAIL = 20


# IEEE Xplore closed the abstracts of its records of about 1988 to 1995 with an end-of-text
# mark, which its exports and Semantic Scholar's corpus keep ("… for the testing
# program.<<ETX>>"); a reader that drops markup (RIS, CSV) leaves "<>" of it.
_END_OF_TEXT = ("<<ETX>>", "<>")


def _without_trailers(abstract: str) -> str:
    if abstract[:1] == "[" and abstract[-1:] == "]":
        abstract = _without_brackets_round(abstract)
    if "Language: " in abstract[-_LANGUAGE_NOTE_TAIL:]:
        note = _LANGUAGE_NOTE.search(abstract, max(0, len(abstract) - _LANGUAGE_NOTE_TAIL))
        abstract = abstract[: note.start()] if note else abstract
    if abstract.endswith(_END_OF_TEXT):
        abstract = abstract.removesuffix("<<ETX>>").removesuffix("<>").rstrip()
    summary_only = _SUMMARY_ONLY.match(abstract) if abstract.startswith("Summary") else None
    if summary_only:
        abstract = abstract[summary_only.end() :]
    if abstract.startswith("JOURNAL/"):
        figure = _FIGURE_PATH.match(abstract)
        abstract = abstract[figure.end() :] if figure else abstract
    if abstract.startswith("Author(s):"):
        byline = _ESCHOLARSHIP_BYLINE.match(abstract)
        abstract = abstract[byline.end() :] if byline else abstract
    if abstract.startswith(("©", "Copyright", "(c)", "(C)")):
        copyright_line = _LEADING_COPYRIGHT.match(abstract) or _LEADING_COPYRIGHT_LINE.match(
            abstract
        )
        abstract = abstract[copyright_line.end() :] if copyright_line else abstract
    if "raphical" in abstract or "RAPHIC" in abstract or "omitted]" in abstract:
        abstract = _GRAPHICAL_ABSTRACT.sub("", abstract).strip()
    ebsco = abstract[-_EBSCO_TAIL:]
    if "ABSTRACT FROM" in ebsco or "is the property of" in ebsco:
        found = _EBSCO_TRAILER.search(abstract, len(abstract) - len(ebsco))
        abstract = abstract[: found.start()].rstrip() if found else abstract
    if abstract.endswith(("on GitHub.", "on GitHub")):
        github = _GITHUB_LINE.search(abstract, max(0, len(abstract) - _GITHUB_TAIL))
        abstract = abstract[: github.start()].rstrip() if github else abstract
    if abstract.endswith("kb)"):
        listing = _LISTING_TRAILER.search(abstract, max(0, len(abstract) - _LISTING_TAIL))
        abstract = abstract[: listing.start()] if listing else abstract
    if abstract.endswith(")"):
        abstract = _ERIC_MARK.sub("", abstract)
    if abstract.endswith(". Accepted"):
        # Web of Science closes some of Emerald's Early Access abstracts with the word
        # ("… further detailed empirical investigation. Accepted"), a sentence of nothing.
        abstract = abstract.removesuffix(" Accepted")
    if "Supplemental Material:" in abstract[-_TRAILER_TAIL:]:
        abstract = _SUPPLEMENT_NOTE.sub("", abstract)
    if "See also:" in abstract[-_SEE_ALSO_TAIL:]:
        found = _SEE_ALSO.search(abstract, max(0, len(abstract) - _SEE_ALSO_TAIL))
        abstract = abstract[: found.start()] if found else abstract
    if abstract.endswith((")", ").", "document.", "]")):
        # Looked for in the tail, as the other trailers are: from every position of a whole
        # abstract, a run of thousands of marks would be read to its end each time.
        marks = _SOURCE_MARKS.search(abstract, max(0, len(abstract) - _SOURCE_MARKS_TAIL))
        if marks:
            abstract = abstract[: marks.start()] + abstract[marks.end() :]
    if "--" in abstract[-_CATALOGUE_SOURCE_TAIL:]:
        abstract = _without_catalogue_source(abstract)
    statement = abstract.find(_INTEREST_STATEMENT, max(0, len(abstract) - _TRAILER_TAIL))
    declarations = abstract.rfind(_AUTHOR_DECLARATIONS) if statement < 0 else -1
    if declarations > 0:
        statement = abstract.rfind(_INTEREST_STATEMENT, 0, declarations)
    if statement > 0:
        abstract = abstract[:statement].rstrip()
    cited = abstract.rfind(_MEETING_CITATION, max(0, len(abstract) - _MEETING_CITATION_TAIL))
    if cited > 0 and "[abstract]" in abstract[cited:] and "Abstract nr" in abstract[cited:]:
        abstract = abstract[:cited].rstrip()
    tail = abstract[-_TRAILER_TAIL:]
    # Spelled out, not any(...): this runs for every abstract loaded.
    if not (
        "©" in tail
        or "(c)" in tail
        or "(C)" in tail
        or "opyright" in tail
        or "Database Record" in tail
        or "bstract]" in tail
        or "Published by" in tail
        or "rights reserved" in tail
        or tail.endswith(_LEARNED_SOCIETY)
    ):
        return abstract
    found = _TRAILER.search(abstract, len(abstract) - len(tail))
    if found is None:
        return abstract
    kept = abstract[: found.start()].rstrip()
    # Scopus puts a stop between a question and its copyright line ("…for that matter?.
    # © 2014 Wiley Periodicals, Inc."): the stop went with the line.
    return kept[:-1] if kept.endswith(("?.", "!.")) else kept


def _without_brackets_round(abstract: str) -> str:
    """An abstract JSTOR wraps whole in square brackets ("[This paper describes …]", in its
    RIS and so in what Zotero imports from JSTOR) without them; a bracket that closes before
    the end ("[Background] We … [sic]") leaves the text as it is."""
    depth = 0
    for index, char in enumerate(abstract):
        if char == "[":
            depth += 1
        elif char == "]":
            depth -= 1
            if depth <= 0 and index < len(abstract) - 1:
                return abstract
    return abstract[1:-1].strip() if depth == 0 else abstract


def _without_catalogue_source(abstract: str) -> str:
    found = _CATALOGUE_SOURCE.search(abstract, max(0, len(abstract) - _CATALOGUE_SOURCE_TAIL))
    if found is None:
        return abstract
    summary = abstract[: found.start()].rstrip()
    if summary[:1] in '"\u201c' and summary[-1:] in '"\u201d':
        summary = _QUOTED_PARAGRAPHS.sub(" ", summary[1:-1]).strip()
    return summary


# Paragraphs joined with nothing between them: "… has remained unexplored.This study …"
# (ACM's Digital Library), "… in a video.We propose …" (Zotero), "… ground ring.This
# obstruction …" (OpenAlex's index takes "ring.This" for one word); 495 such joins in the
# exports and corpus of bench/. A stop after a word of three small letters or more, after
# an acronym's plural ("… associated ISPs.We use …", ACM) or after a closing parenthesis
# ("… galactic supernova (SN).We consider …", "… psychological health).Design: …",
# PsycINFO's run-in headings) or a closing quote ("… 'worry or rumination'.Results A …",
# Web of Science's Wiley paragraphs), before a capitalised word or an acronym ("… German
# medical texts.BRONCO consists of …", Oxford Academic's BibTeX); a dotted name ("java.lang.String",
# "Foo.Bar()", "e.g.The", "ASP.Net", "www.IEEE.org", "Node.Js") is no paragraph's end. After
# a capitalised word, only before a section's heading and its colon: "… Scirus y Science
# Direct.Resultados y conclusión: …" (a Spanish abstract in PubMed). After a year: JAMA's
# BibTeX drops its abstracts' headings, and the Design paragraph ends on when the data were
# analysed ("… Data analysis occurred January to February 2024.Dermatologist condition labels
# …", "… Analysis began November 18, 2016.Algorithms used …").
_NEXT_SENTENCE = r"(?=(?:[A-Z][a-z]+|[A-Z]{3,}s?)\b(?![.(]))"
_BEFORE_HEADING = r"(?=\.[A-Z][a-z]+(?: [^\W\d_]+){0,3}:)"
_RUN_ON_SENTENCE = re.compile(
    r"((?:(?<![.\w])(?:[a-z]{3,}|[A-Z]{2,}s|(?:19|20)\d\d"
    rf"|[A-Z][a-z]{{2,}}{_BEFORE_HEADING})|[)'\"\u2019\u201d])[.?!])" + _NEXT_SENTENCE
)
# Its stop and what follows, looked for first: the pattern above, opening on a lookbehind or
# a parenthesis, is tried at every character, one opening on a class of characters is scanned
# for in C, about 7x faster, and this runs on every abstract loaded while few hold such a stop.
_RUN_ON_STOP = re.compile(r"[.?!]" + _NEXT_SENTENCE)
# Numbered paragraphs, the British Ecological Society's journals' way, run together by Web of
# Science: "1. Tanytarsus populations … orders of magnitude.2. A partial …" (Journal of Animal
# Ecology), where a summary's line ended "… magnitude.2.". Only in an abstract that opens on
# "1. ", and after a word's small letter or a parenthesis.
_RUN_ON_NUMBER = re.compile(r"(?<=[a-z)]\.)(?=[1-9]\d?\. [A-Z])")


# Punctuation a database left where it dropped text: Semantic Scholar's abstract opening on
# the stop of a lost first line (". Natural language processing …"), PubMed's on the colon
# of a heading it lost (": The pol gene …", AIDS), Lens's "; " between a structured
# abstract's paragraphs whose headings it dropped ("… phenomena. ; ; An objective …",
# "… research topics.; ; This is …").
_STRAY_OPENING = re.compile(r"[.;,:]\s+(?=[A-Z])")
_EMPTY_CLAUSES = re.compile(r"(?<=[.?!])(?:\s*;)+\s+")


def without_stray_punctuation(abstract: str) -> str:
    """The abstract without a stop, semicolon, comma or colon opening it, or semicolons between
    its sentences for text that is not there."""
    opening = _STRAY_OPENING.match(abstract) if abstract[:1] in ".;,:" else None
    if opening:
        abstract = abstract[opening.end() :]
    if "; ;" in abstract:
        abstract = _EMPTY_CLAUSES.sub(" ", abstract)
    return abstract


def space_run_on_sentences(abstract: str) -> str:
    """The abstract with a space after a sentence's full stop that has lost it."""
    if abstract.startswith("1. "):
        abstract = _RUN_ON_NUMBER.sub(" ", abstract)
    if not _RUN_ON_STOP.search(abstract):
        return abstract
    return _RUN_ON_SENTENCE.sub(r"\1 ", abstract)


# Taylor & Francis opens some journals' abstracts (Lake and Reservoir Management) with how to
# cite the paper, which Better BibTeX, Zotero and Crossref keep: "Dunnington DW, Spooner IS,
# … 2018. Anthropogenic activity in the Halifax region … of lake sediments. Lake Reserv
# Manage. 34:334–348.Separating the timing …". Taken out only when the paper's own title sits
# between a year and a journal's volume and pages, in the abstract's first words.
_OWN_CITATION_YEAR = re.compile(r"\b(?:19|20)\d\d[a-z]?\)?\.\s*$")
_OWN_CITATION_TAIL = re.compile(
    r"\.?\s+[^\n]{1,150}?\s(?:\d{1,4}(?:\s*\(\s*[\w–-]{1,9}\s*\))?\s*:\s*[eE]?\d{1,6}"
    r"(?:\s*[–-]\s*\d{1,6})?)\.\s*"
)
_OWN_CITATION_HEAD = 1200
# Names and their initials, "et al.", "van der": no word of four small letters.
_PROSE_WORD = re.compile(r"\b[a-z]{4,}\b")


# Zotero's copy of a Nature journal's page closes the abstract with the editor's summary of
# the paper, glued to it: "… over their 400 million year history.Yeoh et al. study root
# microbiomes of different plant phyla … They confirm that …" (Nature Communications). Only
# glued, in the abstract's last characters, and for a Nature journal: "Smith et al. show"
# opening a paragraph of an abstract is no summary.
_SURNAME = r"[A-Z][\w'\u2019-]+"
_GLUED_SUMMARY = re.compile(
    rf"\.(?<=[a-z\d)%]\.)(?:{_SURNAME}(?: and {_SURNAME})? et al\.|The authors) [a-z]"
)
_SUMMARY_TAIL = 600


def without_editors_summary(abstract: str, venue: str) -> str:
    """The abstract without the editor's summary a Nature journal's page glues to it."""
    if not venue.casefold().startswith("nature"):
        return abstract
    summary = _GLUED_SUMMARY.search(abstract, max(0, len(abstract) - _SUMMARY_TAIL))
    return abstract[: summary.start() + 1] if summary else abstract


def without_own_citation(abstract: str, title: str) -> str:
    """The abstract without the citation of its own paper that opens it, if one does."""
    title = title.rstrip(".").strip()
    if len(title) < 20:
        return abstract
    at = abstract[:_OWN_CITATION_HEAD].lower().find(title.lower())
    if at <= 0 or not _OWN_CITATION_YEAR.search(abstract, 0, at):
        return abstract
    if _PROSE_WORD.search(abstract, 0, at):  # a sentence of the abstract, not names
        return abstract
    tail = _OWN_CITATION_TAIL.match(abstract, at + len(title))
    rest = abstract[tail.end() :] if tail else ""
    return rest if len(rest) > 40 else abstract


# --- LaTeX -> Unicode -----------------------------------------------------------------------

# Letters BibTeX writes as commands (M{\o}ller, Stra{\ss}e).
_LETTERS: dict[str, str] = {
    "ss": "ß", "o": "ø", "O": "Ø", "aa": "å", "AA": "Å", "ae": "æ", "AE": "Æ",
    "oe": "œ", "OE": "Œ", "l": "ł", "L": "Ł",
}  # fmt: skip
_SYMBOLS: dict[str, str] = {
    # Greek
    "alpha": "α", "beta": "β", "gamma": "γ", "delta": "δ", "epsilon": "ε", "varepsilon": "ε",
    "zeta": "ζ", "eta": "η", "theta": "θ", "iota": "ι", "kappa": "κ", "lambda": "λ",
    "mu": "μ", "nu": "ν", "xi": "ξ", "pi": "π", "rho": "ρ", "sigma": "σ", "tau": "τ",
    "upsilon": "υ", "phi": "φ", "varphi": "φ", "chi": "χ", "psi": "ψ", "omega": "ω",
    "Gamma": "Γ", "Delta": "Δ", "Theta": "Θ", "Lambda": "Λ", "Xi": "Ξ", "Pi": "Π",
    "Sigma": "Σ", "Phi": "Φ", "Psi": "Ψ", "Omega": "Ω",
    # arrows
    "leftrightarrow": "↔", "rightarrow": "→", "to": "→", "leftarrow": "←", "gets": "←",
    "Rightarrow": "⇒", "Leftarrow": "⇐", "Leftrightarrow": "⇔", "mapsto": "↦",
    "uparrow": "↑", "downarrow": "↓",
    # relations and operators
    "sim": "~", "approx": "≈", "simeq": "≃", "propto": "∝", "le": "≤", "leq": "≤",
    "ge": "≥", "geq": "≥", "ll": "≪", "gg": "≫", "neq": "≠", "ne": "≠", "equiv": "≡",
    "times": "×", "cdot": "·", "pm": "±", "mp": "∓", "div": "÷", "ast": "∗",
    "infty": "∞", "partial": "∂", "nabla": "∇", "sum": "∑", "prod": "∏", "int": "∫",
    "in": "∈", "notin": "∉", "subset": "⊂", "subseteq": "⊆", "cup": "∪", "cap": "∩",
    "forall": "∀", "exists": "∃", "neg": "¬", "wedge": "∧", "vee": "∨", "emptyset": "∅",
    "circ": "∘", "star": "⋆", "dagger": "†", "ell": "ℓ", "log": "log", "exp": "exp",
    "ldots": "…", "dots": "…", "cdots": "⋯", "mid": "|", "lvert": "|", "rvert": "|",
    "langle": "⟨", "rangle": "⟩", "lfloor": "⌊", "rfloor": "⌋", "lceil": "⌈", "rceil": "⌉",
    "top": "⊤", "perp": "⊥", "prime": "′", "degree": "°", "checkmark": "✓",
    # astronomy's (NASA ADS): the Sun, "1.4 \\lesssim z"
    "odot": "⊙", "sun": "☉", "lesssim": "≲", "gtrsim": "≳", "lsim": "≲", "gsim": "≳",
    # letters BibTeX writes as commands, and the dotless i and j
    **_LETTERS, "i": "ı", "j": "ȷ",
    "textendash": "–", "textemdash": "—", "textasciitilde": "~", "textbackslash": "\\",
    "textregistered": "®", "texttrademark": "™",
    # abbreviations as CVPR/ICCV papers' macros write them ("inpainting, \\ie synthesizing")
    "ie": "i.e.", "eg": "e.g.", "etal": "et al.", "wrt": "w.r.t.", "vs": "vs.",
    # spacing commands: nothing to show
    ",": " ", ";": " ", ":": " ", "!": "", "quad": " ", "qquad": " ",
    # A place the word may be hyphenated at the end of a line: "Sto\\-chas\\-tic".
    "-": "",
    # A forced line break, as arXiv abstracts keep it ("a critical challenge.\\\\ This paper
    # introduces …"): the space between two sentences.
    "\\": " ",
}  # fmt: skip

# \emph{x} and friends keep their argument and lose the markup.
_STYLE_COMMANDS = (
    "emph|textit|textbf|texttt|textsc|textrm|textsf|textup|textnormal|underline|text|"
    "mathrm|mathbf|mathit|mathsf|mathtt|mathcal|mathbb|mathfrak|boldsymbol|operatorname|"
    "mbox|hbox|url"
)
_STYLE = re.compile(r"\\(?:" + _STYLE_COMMANDS + r")\s*\{([^{}]*)\}")
# The older switches inside a group keep the group's text: "{\\it AstroBlend}", "{\\bf x}"
# (NASA ADS abstracts; BibTeX reading takes them out of every field with this too).
FONT_SWITCH = re.compile(r"\{\\(?:it|bf|em|rm|sc|tt|sl|sf|itshape|bfseries|scshape)\s+([^{}]*)\}")
_HREF = re.compile(r"\\href\s*\{[^{}]*\}\s*\{([^{}]*)\}")
# Text set raised or lowered ("m\\textsuperscript{2}", "H\\textsubscript{2}O", Better BibTeX's
# <sup> and <sub>; arXiv's "LEGO\\textsuperscript{\\textregistered}"): read as HTML's are.
_TEXT_SCRIPT = re.compile(r"\\text(super|sub)script\s*\{([^{}]*)\}")
# A number in <sup> is written in superscript figures: "10<sup>18</sup>" is 10¹⁸, not 1018;
# "r<sup>2</sup>", "10<sup>-4</sup>". Any other superscript (a footnote's "a") stays text.
_SUPERSCRIPTABLE = re.compile(r"[-+\u2212=()]?[0-9]+")
_SUPERSCRIPTS = str.maketrans("0123456789+-\u2212=()", "⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻⁻⁼⁽⁾")


def superscript_figures(text: str) -> str:
    """The text of a superscript in superscript figures when it is a number ("-4" is "⁻⁴");
    any other text as it is."""
    number = text.strip()
    return number.translate(_SUPERSCRIPTS) if _SUPERSCRIPTABLE.fullmatch(number) else text


def _text_script(match: re.Match[str]) -> str:
    # The brace ends a command inside it, which then takes no space after it.
    text = _COMMAND.sub(_known_command, match.group(2))
    return superscript_figures(text) if match.group(1) == "super" else text


_ESCAPED = re.compile(r"\\([%&_#$\{\}])")
_ACCENTS = {
    "'": "\u0301", "`": "\u0300", "^": "\u0302", '"': "\u0308", "~": "\u0303",
    "=": "\u0304", ".": "\u0307", "u": "\u0306", "v": "\u030c", "H": "\u030b", "c": "\u0327",
    "r": "\u030a", "k": "\u0328",
}  # fmt: skip
# Every pattern starts with a literal so the regex engine can skip ahead: LaTeX is common
# in abstracts, and a pattern that must be tried at every position is ~30x slower.
# "\\i" is the dotless i that carries an accent in BibTeX: Garc{\\'\\i}a, Garc\\'{\\i}a.
# A letter accent's letter braced ("\\c{c}") or after a space, as HAL writes it ("fran{\\c c}aise").
_ACCENT = re.compile(
    r"\\(?:(['`^\"~=.])\s*(?:\{([A-Za-z]|\\i)\}|([A-Za-z]|\\i\b))"
    r"|([uvHcrk])(?:\{([A-Za-z])\}| +([A-Za-z])(?![A-Za-z])))"
)
_BRACED_ACCENTED = re.compile(r"\{([^\x00-\x7f])\}")  # "{\\'e}" leaves "{é}"
# Letters BibTeX writes as commands, in braces: "Nordstr{\\o}m", and the ACL Anthology's
# Icelandic thorn and eth ("Arnard{\\'o}ttir, {\\TH}{\\'o}runn", "Stein{\\th}{\\'o}r"), the
# crossed D of Vietnamese and Croatian names ("{\\DJ}") and the eng. Only braced: a bare
# "\\th" may be an author's own macro ("$n^\\th$").
_BRACED_LETTERS = {
    **_LETTERS, "TH": "Þ", "th": "þ", "DH": "Ð", "dh": "ð", "DJ": "Đ", "dj": "đ", "NG": "Ŋ",
    "ng": "ŋ",
}  # fmt: skip
_BRACED_LETTER = re.compile(r"\{\\(" + "|".join(_BRACED_LETTERS) + r")\}")
# A control word swallows the spaces after it in TeX, so "$8\times 8$" reads "8×8"; "\\"
# (a line break) is a control symbol as "\," is.
_COMMAND = re.compile(r"\\(?:([A-Za-z]+)(?:\{\})?\s*|([,;:!\\-]))")
# Inline math: no whitespace just inside the dollars, so "costs $5 and $10" is not math; nor
# a currency's sign, glued to its country's capitals and then an amount ("US$5 or US$9").
# (The sign first: a pattern opening on a lookbehind is tried in full at every character.)
_MATH = re.compile(r"\$(?<!\\\$)(?:(?<![A-Z]\$)|(?!\d))(?!\s)([^$\n]{1,80}?)(?<![\s\\])\$")
# Math with spaces inside its dollars, as Scopus writes a symbol ("Wnt/ $ \\beta $ -catenin"):
# only when a command opens it, never an amount ("$ 5 and $").
_SPACED_MATH = re.compile(r"\$ *(\\[A-Za-z][^$\n]{0,78}?) +\$|\$ +(\\[A-Za-z][^$\n]{0,78}?)\$")
# Inline math between LaTeX's own delimiters, "\\(" and "\\)", as arXiv abstracts also write
# it: only where it holds math's marks or is one letter, since "\\(YOLO\\)" is Markdown's
# escaped brackets around a word.
_PAREN_MATH = re.compile(r"\\\((?!\s)([^\n]{1,80}?)(?<![\s\\])\\\)")
_MATH_MARKS = frozenset("\\_^{}")
_SCRIPT = re.compile(r"([_^])\{([^{}]*)\}")
# Braces that only group ("${A}_\\infty$", as Cambridge writes its titles).
_GROUP = re.compile(r"\{([^{}\\]*)\}")
_TEX_OPEN_QUOTE = re.compile(r"(?<!`)``(?!`)")
# TeX's single quotes ("`serialised' MNIST"), as Better BibTeX and arXiv keep them: a
# backtick opening a word and an apostrophe closing one, with no backtick between, so that a
# Markdown code span ("`x`", "`print('a')`") stays; an apostrophe inside a word ("`the
# user's view'") is no closing one.
_TEX_SINGLE_QUOTE = re.compile(
    r"`(?<![\w`]`)(?=[^\W_])((?:[^`'\n]|(?<=\w)'(?=\w)){1,200}?)(?<=[\w.,!?])'(?![\w'])"
)


def latex_to_unicode(text: str) -> str:
    """Turn the LaTeX that abstracts carry into plain text without losing any of it.

    Simple inline math loses its dollars ("$\\sim$5\\%" -> "~5%", "image$\\leftrightarrow$text"
    -> "image↔text"); math that still holds an unknown command is left exactly as written.
    A bare % or & is not LaTeX markup here and stays as it is.
    """
    if "$" in text:
        if " $" in text or "$ " in text:
            text = _SPACED_MATH.sub(_spaced_math_to_text, text)
        text = _MATH.sub(_math_to_text, text)
    if "\\(" in text:
        text = _PAREN_MATH.sub(_paren_math_to_text, text)
    if "\\" in text:
        text = _markup_to_text(text)
        text = _COMMAND.sub(_known_command, text)
        if "{" in text:  # "{\\o}" became "{ø}"
            text = _BRACED_ACCENTED.sub(r"\1", text)
    if "``" in text:
        # Three backticks or more fence Markdown code (a Zenodo README as its description).
        text = _TEX_OPEN_QUOTE.sub("\u201c", text).replace("''", "\u201d")
    if "`" in text:
        text = _TEX_SINGLE_QUOTE.sub("\u2018\\1\u2019", text)
    return text


# TeX's dashes, as BibTeX exporters (Springer, ACM) and arXiv write them: "---" is an em
# dash, "--" an en dash ("pages 1--10", "2010--2020", "a--b", "$f$ -- $g$", "(hPINNs) --
# for"); a web address or a DOI keeps its own ("https://x.org/a--b", "10.1000/a--b"), and
# so does an option ("use --verbose"). An address's scheme is short ("https", "svn+ssh"): a
# bounded one is not looked for from every letter of a long "a-a-a-..." to its end.
_TEX_DASH = re.compile(
    r"(?P<address>(?:\b[a-z][a-z0-9+.-]{0,31}://|\bwww\.|\bdoi:|\b10\.\d{4,9}/)\S+)"
    r"|(?<!-)---(?!-)"
    r"|(?<=\w)--(?=\w)|(?<=[\w$)\]]) -- (?=[\w$(\[])",
    re.I,
)


def tex_accents(text: str) -> str:
    """TeX's accented letters as the letters ("M{\\"u}ller", "{\\r{A}}ngstr{\\"o}m",
    "Nordstr{\\o}m"), for a reader that takes BibTeX's protecting braces off a name
    ("{M{\\"u}ller}"), which it can only once the letters inside are letters."""
    if "\\" not in text:
        return text
    text = _BRACED_LETTER.sub(lambda m: _BRACED_LETTERS[m.group(1)], _ACCENT.sub(_accented, text))
    return _BRACED_ACCENTED.sub(r"\1", text)


# TeX's tie, an unbreakable space between two words ("Lean~4", "10~kpc", "Fig.~3"); "~5%" or
# "a ~ b" is no tie.
_TEX_TIE = re.compile(r"(?<=[\w.])~(?=\w)")


def tex_ties(text: str) -> str:
    """TeX's ties between words as the spaces they typeset: "Lean~4" is "Lean 4"."""
    return _TEX_TIE.sub(" ", text) if "~" in text else text


def tex_dashes(text: str) -> str:
    """TeX's "---" and "--" as the em and en dashes they typeset, outside addresses."""
    if "--" not in text:
        return text
    return _TEX_DASH.sub(_tex_dash, text)


def _tex_dash(match: re.Match[str]) -> str:
    found = match.group(0)
    if match.group("address"):
        return found
    if found == "---":
        return "\u2014"
    return found.replace("--", "\u2013")


def _markup_to_text(text: str) -> str:
    # Each pass runs only when its markup can be there: most math is "$x$" or "$\\sim$",
    # and a regex pass over a whole abstract costs more than the substring checks.
    if "\\" not in text:
        return text
    if "script" in text:
        text = _TEXT_SCRIPT.sub(_text_script, text)
    if "{" in text:
        # Repeat so nested markup (\emph{\textbf{x}}) unwraps from the inside out.
        for _ in range(4):
            new = FONT_SWITCH.sub(r"\1", _STYLE.sub(r"\1", text))
            if "\\href" in new:
                new = _HREF.sub(r"\1", new)
            if new == text:
                break
            text = new
    text, accents = _ACCENT.subn(_accented, text)
    if accents:
        text = _BRACED_ACCENTED.sub(r"\1", text)
    return _ESCAPED.sub(r"\1", text)


def _accented(match: re.Match[str]) -> str:
    accent = match.group(1) or match.group(4)
    letter = match.group(2) or match.group(3) or match.group(5) or match.group(6)
    if letter == "\\i":
        letter = "i"
    return unicodedata.normalize("NFC", letter + _ACCENTS[accent])


def _known_command(match: re.Match[str]) -> str:
    name = match.group(1) or match.group(2)
    if name in _SYMBOLS:
        symbol = _SYMBOLS[name]
        # "\\log x" is "log x", not "logx": a command that reads as a word (or an
        # abbreviation: "\\ie x" is "i.e. x") keeps its space.
        if len(symbol) > 1 and symbol[0].isalpha() and match.group(0)[-1:].isspace():
            return symbol + " "
        return symbol
    return match.group(0)


def _spaced_math_to_text(match: re.Match[str]) -> str:
    plain = _simple_math(match.group(1) or match.group(2))
    return match.group(0) if plain is None else plain


def _paren_math_to_text(match: re.Match[str]) -> str:
    inner = match.group(1)
    if len(inner) > 1 and _MATH_MARKS.isdisjoint(inner):
        return match.group(0)
    return _math_to_text(match)


def _math_to_text(match: re.Match[str]) -> str:
    plain = _simple_math(match.group(1))
    # Not simple math: keep every character the author wrote.
    return match.group(0) if plain is None else plain


@functools.lru_cache(maxsize=16384)
def _simple_math(inner: str) -> str | None:
    """The text of inline math, or None when it holds more than we can show as text.

    Cached: abstracts repeat the same snippets ("$\\sim$", "$k$", "$\\times$") thousands
    of times in a large corpus.
    """
    if "\\\\" in inner:
        inner = _DOUBLED_BACKSLASH.sub(r"\\", inner)
    if "\\" in inner:
        inner = _COMMAND.sub(_known_command, _markup_to_text(inner))
    if "{" in inner:
        inner = _SCRIPT.sub(_script, inner)
    if "\\" in inner:
        inner = _MATH_ACCENT.sub(_math_accent, _SQRT.sub(_root, inner))
    if "{" in inner and "\\" not in inner:
        inner = _GROUP.sub(r"\1", inner)
    if "\\" in inner or "{" in inner or "}" in inner:
        return None
    return inner


# A command's backslash doubled, as text escaped twice has it (OpenAlex's copy of an arXiv
# abstract: "given an integer $d\\\\geq1$", "$d\\\\mathbb{Z}$"): one backslash. Inline math
# breaks no line, so "\\\\" before a letter there is no line break.
_DOUBLED_BACKSLASH = re.compile(r"\\\\(?=[A-Za-z])")
# A bar, hat, tilde, arrow or dots over one letter, and a square root, as text:
# "$\\bar\\Lambda$" (LHCb's antiparticles) is "Λ̄", "$\\sqrt{s_{NN}}$" is "√(s_NN)", a
# time derivative "$\\dot{f}$" is "ḟ".
_MATH_ACCENT = re.compile(
    r"\\(bar|overline|hat|widehat|tilde|widetilde|vec|dot|ddot)\s*(?:\{([^\W_])\}|([^\W_]))"
)
_COMBINING = {
    "bar": "\u0304", "overline": "\u0304", "hat": "\u0302", "widehat": "\u0302",
    "tilde": "\u0303", "widetilde": "\u0303", "vec": "\u20d7", "dot": "\u0307",
    "ddot": "\u0308",
}  # fmt: skip
_SQRT = re.compile(r"\\sqrt\s*\{([^{}\\]*)\}")


def _math_accent(match: re.Match[str]) -> str:
    return (match.group(2) or match.group(3)) + _COMBINING[match.group(1)]


def _root(match: re.Match[str]) -> str:
    body = match.group(1)
    return "\u221a" + (body if body.isalnum() else f"({body})")


def _script(match: re.Match[str]) -> str:
    body = match.group(2)
    return match.group(1) + (body if body.isalnum() or len(body) == 1 else f"({body})")


# --- hard-wrapped lines ---------------------------------------------------------------------

# A hyphen at a line end is a line-break hyphen when the right part is a word ending that
# cannot stand alone ("repre-" + "sentation"); it is a real hyphen when the left part is a
# word that forms compounds ("multi-" + "agent"). Evidence in the text itself wins.
_COMPOUND_HEADS = frozenset(
    {
        "multi", "self", "non", "semi", "cross", "pre", "post", "co", "anti", "inter",
        "intra", "meta", "sub", "super", "over", "under", "well", "state", "end", "fine",
        "long", "short", "high", "low", "large", "small", "real", "open", "zero", "few",
        "one", "two", "three", "many", "single", "double", "human", "data", "task", "domain",
        "model", "sample", "time", "world", "rule", "text", "image", "deep", "all", "half",
        "full", "top", "bottom", "in", "out", "on", "off",
    }
)  # fmt: skip
_WORD_ENDINGS = (
    "tion", "tions", "sion", "sions", "ment", "ments", "ness", "ity", "ities", "ing", "ings",
    "ance", "ances", "ence", "ences", "ism", "isms", "ize", "izes", "ized", "ization",
    "ical", "ically", "ally", "ous", "ive", "ively", "able", "ably", "ible", "ibly", "ial",
    "ated", "ates", "ative",
)  # fmt: skip
# Anchored at a word's start: tried from inside a long run of letters, a bare "([A-Za-z]+)-$"
# rescans the rest of the run from every letter (a 200,000-letter line took minutes).
_LINE_END_HYPHEN = re.compile(r"(?<![A-Za-z])([A-Za-z]+)-$")
_LINE_START_WORD = re.compile(r"^([a-z]+)")
# Chinese and Japanese are written without spaces between words: a line wrapped between two
# of their characters (ideographs, kana, their full-width punctuation) joins with none.
# Korean puts spaces between words, so Hangul is not in the set.
_UNSPACED = re.compile(r"[\u3000-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff01-\uff65]")


def join_wrapped_lines(lines: Sequence[str]) -> str:
    """Re-join the hard-wrapped lines of one record into one line of text.

    Lines are joined with a space, except between two Chinese or Japanese characters (those
    scripts put no space between words) and where a line ends in a hyphen inside a word:
    "repre-" + "sentation" -> "representation" (the hyphen was a line-break hyphen), while
    "multi-" + "agent" -> "multi-agent". The whole record decides first: a word written
    whole or hyphenated elsewhere in it settles the case; otherwise a compound-forming first
    part keeps the hyphen and a bare word ending ("-tion", "-ment", ...) drops it. When
    unsure the hyphen is kept, which never hides a letter.
    """
    parts = [line.strip() for line in lines if line.strip()]
    if len(parts) <= 1:
        return parts[0] if parts else ""
    record: _Record | None = None  # made only when a hyphen needs judging
    # Pieces joined once at the end: growing one string line by line is quadratic, and a
    # pasted file may hold a record of thousands of lines.
    pieces = [parts[0]]
    for before, part in itertools.pairwise(parts):
        head = _LINE_END_HYPHEN.search(before) if before.endswith("-") else None
        tail = _LINE_START_WORD.match(part) if head else None
        if head and tail:
            record = record or _Record(" ".join(parts).casefold())
            if _is_break_hyphen(head.group(1), tail.group(1), record):
                pieces[-1] = pieces[-1][:-1]
        elif _UNSPACED.match(before[-1]) and _UNSPACED.match(part[0]):
            pass  # "…に頼らない方法" + "として…": one sentence, no space
        elif not (head and part[:1].isalnum()):  # "Model-" + "Based", "COVID-" + "19"
            pieces.append(" ")
        pieces.append(part)
    return "".join(pieces)


def _is_break_hyphen(left: str, right: str, record: _Record) -> bool:
    if (left + right).casefold() in record.words:
        return True
    if record.has_pair(left.casefold(), right):
        return False
    if left.casefold() in _COMPOUND_HEADS:
        return False
    return right.endswith(_WORD_ENDINGS)


# A hyphen between two runs of letters, from the first letter of the run before it.
_HYPHEN_PAIR = re.compile(r"(?<![a-z])([a-z]++)-(?=([a-z]+))")
_LONGEST_SUFFIX = 60


class _Record:
    """A record's text (in lower case), its words and the letters either side of each of its
    hyphens looked up, not searched for: a record of thousands of wrapped lines searched
    all of itself again for each (quadratic)."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.words = frozenset(re.findall(r"\w+", text))  # whole words: \b either side
        after: dict[str, list[str]] = collections.defaultdict(list)
        for found in _HYPHEN_PAIR.finditer(text):
            before, run = found.groups()
            for length in range(1, min(len(before), _LONGEST_SUFFIX) + 1):
                after[before[-length:]].append(run)
        self._after = {letters: sorted(runs) for letters, runs in after.items()}

    def has_pair(self, left: str, right: str) -> bool:
        """Whether "left-right" is in the text (both in lower-case letters a-z)."""
        if len(left) > _LONGEST_SUFFIX:
            return f"{left}-{right}" in self.text
        runs = self._after.get(left, [])
        at = bisect.bisect_left(runs, right)
        return at < len(runs) and runs[at].startswith(right)
