"""What every reader returns, and the helpers readers share.

A reader turns a file's decoded text into `Record`s (one paper as that file told it) and
`Problem`s (parts that did not become a record, with why). Readers only split and label;
cleaning, ids, links and duplicate merging happen in digest/loading.py, the same for every
format. Here too: named fields (a JSON object, a CSV row) sorted into a Record, author lists,
and a file's first lines for sniffing.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from email.utils import parsedate_to_datetime

from digest.cleaning import IDEOGRAPHS, KANA


@dataclass(frozen=True)
class Record:
    """One paper as one file gave it: raw strings, before cleaning and merging."""

    line: int
    abstract: str
    id: str | None = None
    arxiv: str | None = None  # an arXiv id in any accepted spelling
    title: str | None = None
    authors: tuple[str, ...] = ()
    url: str | None = None
    doi: str | None = None
    date: str | None = None
    metadata: tuple[tuple[str, str], ...] = ()
    pmid: str | None = None  # PubMed id, digits only
    venue: str | None = None  # journal, proceedings or server ("bioRxiv")
    keywords: tuple[str, ...] = ()


@dataclass(frozen=True)
class Problem:
    """Something in a file that did not become a record. `line` is None for the whole file.

    `notice`: expected in its format and nothing to fix (see models.Skipped)."""

    line: int | None
    reason: str
    excerpt: str = ""
    notice: bool = False


@dataclass(frozen=True)
class Parsed:
    """What a reader found in a file. `format`: what the reader found the file to be, when
    that is more than its row in FORMATS says (a JSON reader tells OpenAlex from Crossref)."""

    records: tuple[Record, ...] = ()
    problems: tuple[Problem, ...] = ()
    format: str = ""


def parsed_from(
    found: Iterable[Record | Problem], problems: Iterable[Problem] = (), format: str = ""
) -> Parsed:
    """A Parsed from a reader's results in file order, records and problems sorted apart."""
    records: list[Record] = []
    others: list[Problem] = list(problems)
    for item in found:
        if isinstance(item, Record):
            records.append(item)
        else:
            others.append(item)
    return Parsed(tuple(records), tuple(others), format)


@dataclass(frozen=True)
class Format:
    name: str
    looks_like: Callable[[str], bool]
    parse: Callable[[str], Parsed]
    # A reader that needs the file's bytes (a mail's parts name their own charsets) is given
    # its text and the encoding it was read with, and encodes it back.
    parse_file: Callable[[str, str], Parsed] | None = None


# Every reader's reason for a record that is not a paper for want of an abstract starts so:
# loading counts these in one line per file instead of one warning each.
NO_ABSTRACT = "no abstract"


def missing_abstract(line: int, why: str, shown: str = "", notice: bool = False) -> Problem:
    """A record without an abstract: `why` says what was missing ("no 'AB' line")."""
    return Problem(line, f"{NO_ABSTRACT} ({why})", shown, notice)


def blocks(text: str) -> Iterator[tuple[int, list[str]]]:
    """The runs of non-blank lines between blank ones, each with the number of its first
    line and its lines stripped: the records of exports that write one a paragraph."""
    block: list[str] = []
    start = 0
    for number, line in enumerate([*text.split("\n"), ""], start=1):
        if line.strip():
            if not block:
                start = number
            block.append(line.strip())
        elif block:
            yield start, block
            block = []


# A word as str.split() finds them (re's \s and str.isspace() are the same characters).
_WORD = re.compile(r"\S+")


def excerpt(text: str, limit: int = 80) -> str:
    """The start of `text`, its spaces made single, in `limit` characters at most.

    Words are read only until the excerpt is full: splitting a whole 200 MB record into
    its words, to show 80 characters of it, cost gigabytes."""
    words: list[str] = []
    length = -1
    for word in _WORD.finditer(text):
        start, end = word.span()
        words.append(text[start : min(end, start + limit + 1)])  # a 1 GB "word" is not copied
        length += 1 + len(words[-1])
        if length > limit:
            break
    joined = " ".join(words)
    return joined if len(joined) <= limit else joined[: limit - 1] + "…"


def has_letter(text: str) -> bool:
    """Whether the text holds a letter (of any script): a name or field without one is a
    piece of punctuation left from splitting, or a placeholder ("...")."""
    # Its first character looked at first: most text opens on a letter, and this runs on
    # every abstract loaded, where the generator alone costs more than the test.
    return text[:1].isalpha() or any(character.isalpha() for character in text)


# --- named fields (JSON objects, CSV rows) ---------------------------------------------------

# Column/key names we understand; anything else is kept as metadata under its own name.
FIELD_NAMES: dict[str, str] = {
    "abstract": "abstract", "summary": "abstract", "id": "id", "title": "title",
    "authors": "authors", "author": "authors", "url": "url", "link": "url", "date": "date",
    "published": "date", "doi": "doi", "arxiv_id": "arxiv", "arxiv": "arxiv",
    "pmid": "pmid", "venue": "venue", "journal": "venue", "keywords": "keywords",
    "year": "date", "journal_iso": "venue", "publication_date": "date", "pub_date": "date",
}  # fmt: skip
# Synonyms that give a field shortened, read only where no other gives it: a journal's ISO
# abbreviation ("J Clin Oncol", a script's JSONL of PubMed records).
_ABBREVIATED = frozenset({"journal_iso"})


def record_from_fields(
    line: int, fields: Sequence[tuple[str, str | list[str]]]
) -> Record | Problem:
    """Sort named fields (a JSON object, a CSV row) into a Record; the rest is metadata.

    A field's own name beats a synonym ("abstract" over "summary"); a synonym that lost,
    and every unknown field, is kept as metadata so nothing the user wrote disappears.
    """
    known: dict[str, str | list[str]] = {}
    metadata: list[tuple[str, str]] = []
    synonyms: list[tuple[str, str, str | list[str]]] = []
    for key, value in fields:
        key = key.strip()
        name = FIELD_NAMES.get(key.lower())
        if not _filled(value):
            continue
        if name == key.lower() and name not in known:
            known[name] = value
        elif name:
            synonyms.append((name, key, value))
        else:
            metadata.append((key, _joined(value)))
    for name, key, value in sorted(synonyms, key=lambda found: found[1].lower() in _ABBREVIATED):
        if name in known:
            metadata.append((key, _joined(value)))
        else:
            known[name] = value
    abstract = known.get("abstract")
    if not isinstance(abstract, str):
        return Problem(line, "no abstract (no non-empty 'abstract' or 'summary' field)")
    return Record(
        line=line,
        abstract=abstract,
        id=_one(known.get("id")),
        arxiv=_one(known.get("arxiv")),
        title=_one(known.get("title")),
        authors=_authors(known.get("authors")),
        url=_one(known.get("url")),
        doi=_one(known.get("doi")),
        date=_one(known.get("date")),
        metadata=tuple(metadata),
        pmid=_one(known.get("pmid")),
        venue=_one(known.get("venue")),
        keywords=split_keywords(known.get("keywords")),
    )


def _filled(value: str | list[str]) -> bool:
    return bool(value.strip()) if isinstance(value, str) else any(v.strip() for v in value)


def _joined(value: str | list[str]) -> str:
    return value if isinstance(value, str) else "; ".join(v for v in value if v.strip())


def _one(value: str | list[str] | None) -> str | None:
    return None if value is None else _joined(value)


def _authors(value: str | list[str] | None) -> tuple[str, ...]:
    """A list as given; a string split on ';' if it has one, else on ',' and ' and '."""
    if value is None:
        return ()
    if isinstance(value, list):
        return tuple(name.strip() for name in value if name.strip())
    return split_authors(value)


def first_name_first(name: str, initials: bool = False) -> str:
    """'Lewis, Patrick' -> 'Patrick Lewis', as databases and reference managers write it;
    a generational suffix goes last, after its comma ('King, Martin L., Jr.') or at the end
    of the given names (PubMed's 'Dengah, H. J. François 2nd'): 'Martin L. King Jr.'. Any
    other name, and one without a comma, stays as given. A hyphenated pair of initials
    loses the space written in it ('Endara, M. -J.' -> 'M.-J. Endara'). The e-mail address
    Scopus's RIS writes after the corresponding author ('Nguyen, C.D., chi@uni.edu.vn'), or
    BIOSIS's in brackets ('Tingley, Morgan W. (mt@uconn.edu)'), is no part of the name, nor
    is the "null" Lens and Citavi write for given names they do not have ('Sneha, null'), nor
    the degrees ProQuest writes after some journals' names ('Higa, Darrel H, PhD', 'Sipe,
    Theresa Ann, MD, MPH'). A name in capitals is cased first (see `cased_name`)."""
    name = cased_name(joined_initials(name), initials)
    before, comma, after = name.rpartition(",")
    if comma and _EMAIL.fullmatch(after.strip()):
        name = before
    elif "@" in name:
        before, bracket, after = name.rstrip().rpartition("(")
        if bracket and after.endswith(")") and _EMAIL.fullmatch(after[:-1].strip()):
            name = before
    parts = [" ".join(part.split()) for part in name.split(",")]
    while len(parts) > 2 and _DEGREE.fullmatch(parts[-1]):
        parts.pop()
    if len(parts) == 2 and parts[1] == "null":
        return parts[0]
    if len(parts) == 3 and all(parts) and NAME_SUFFIX.fullmatch(parts[2]):
        return f"{parts[1]} {parts[0]} {parts[2]}"
    if (
        len(parts) == 3
        and _ROMAN_INITIAL.fullmatch(parts[2])
        and _GIVEN_INITIALS.fullmatch(parts[1])
    ):
        # Web of Science reads a last initial I or V as a numeral after the name: "Semenov,
        # A., V" is A. V. Semenov, "Yudin, Yu, V" Yu V Yudin.
        stop = "." if parts[1].endswith(".") else ""
        return f"{parts[1]} {parts[2]}{stop} {parts[0]}"
    if len(parts) != 2 or not all(parts):
        return " ".join(name.split())
    if NAME_SUFFIX.fullmatch(parts[1]):  # Scopus's "Spencer B.F., Jr.": the suffix alone
        return f"{parts[0]} {parts[1]}"
    given, _, last = parts[1].rpartition(" ")
    if given and NAME_SUFFIX.fullmatch(last):
        return f"{given} {parts[0]} {last}"
    return given_and_family(parts[1], parts[0])


def given_and_family(given: str, family: str) -> str:
    """A person's whole name as a reader writes it, from its parts: "Patrick Lewis"; but a
    Chinese, Japanese or Korean name family name first and as one word, as it is written
    ("王, 小明" is 王小明, not "小明 王"); one part alone as it is."""
    if _CJK_NAME.fullmatch(family) and _CJK_NAME.fullmatch(given):
        return family + given
    return f"{given} {family}".strip()


# Kana, Han characters and Hangul, as the inside of a character class.
_CJK_LETTERS = KANA + IDEOGRAPHS + "\uac00-\ud7af"
# A family or given name in those (or compatibility ideographs) only.
_CJK_NAME = re.compile(f"[{_CJK_LETTERS}\uf900-\ufaff]+")


def cased_name(name: str, initials: bool = False) -> str:
    """A name written surname first in capitals, as older Web of Science and CINAHL records
    give every name ("SMITH, JOHN A", "COWAN, JJ"), in the case a reader writes it: "Smith,
    John A.", "Cowan, J. J.". A particle stays small ("VAN DER BERG" -> "van der Berg"),
    "Mc" and a letter before an apostrophe keep the next letter a capital ("McDonald",
    "O'Brien", "D'Angelo"), each part of a hyphenated name is cased ("Jean-Pierre"). A
    given name of one letter is an initial; so is each letter of one of up to three letters
    without a vowel ("JJ", "XM"), or of any up to three letters when `initials` says the
    field holds initials only (Web of Science's AU: "SMITH, JA"). Any other name (one with
    a small letter, or without a comma) stays as given."""
    if "," not in name or not in_capitals(name):
        return name
    surname, _, rest = name.partition(",")
    given, comma, suffix = rest.partition(",")
    cased = f"{_cased_words(surname, False)}, {_cased_words(given, True, initials)}"
    if comma:
        suffix = suffix.strip()
        kept = (
            suffix
            if _ROMAN_INITIAL.fullmatch(suffix) or suffix in _NUMERAL_SUFFIXES
            else _cased_words(suffix, False)
        )
        cased += f", {_SUFFIXES.get(suffix, kept)}"
    return cased


def cased_in_list(names: Sequence[str], initials: bool = False) -> list[str]:
    """A list's names in capitals cased (see `cased_name`), when it holds a name in capitals
    written surname first (so that it is a list of people in capitals, not an organisation's
    name): those written first name first too ("CAIZHI SHEN", which CINAHL puts among
    "CROUDACE, ANGUS D.; …") -> "Caizhi Shen". A given name without a vowel ("JM") shows
    the list gives initials, as Web of Science's AU does, wherever it was exported to (its
    RIS): then "BENZIE, JAH" beside "PANDOLFI, JM" is "J. A. H. Benzie" too."""
    surname_first = [n for n in names if "," in n and in_capitals(n)]
    if not surname_first:
        return list(names)
    initials = initials or any(map(_has_consonant_initials, surname_first))
    return [
        cased_name(name, initials) if "," in name else _cased_first_name_first(name)
        for name in names
    ]


def _has_consonant_initials(name: str) -> bool:
    given = name.partition(",")[2].split()
    return any(1 < len(w) <= 3 and w.isalpha() and not set(w) & set("AEIOU") for w in given)


def _cased_first_name_first(name: str) -> str:
    if not in_capitals(name) or len(words := name.split()) < 2:
        return name
    (*given, surname), suffix = _without_suffix(words, False)
    if not given:  # "SMITH III": a surname and its suffix
        return f"{_cased_words(surname, False)}{suffix}"
    return f"{_cased_words(' '.join(given), True)} {_cased_words(surname, False)}{suffix}"


def cased_surname(surname: str) -> str:
    """A surname written in capitals beside given names that are not, as SciELO's Brazilian
    journals write their authors after the ABNT's habit ("ARAÚJO", "Paula Carina de"), in the
    case a reader writes it: "Araújo"; any other as given."""
    return _cased_words(surname, False) if in_capitals(surname) else surname


def in_capitals(text: str) -> bool:
    """Whether every cased letter of the text is a capital (a text without any is not)."""
    return any(ch.isupper() for ch in text) and not any(ch.islower() for ch in text)


def _cased_words(words: str, given: bool, initials: bool = False) -> str:
    split, suffix = _without_suffix(words.split(), initials)
    return (
        " ".join(
            word.lower()
            if word.lower() in _PARTICLES and (given or index < len(split) - 1)
            else _as_initials(word)
            if given and _is_initials(word, initials)
            else "-".join(map(_cased_part, word.split("-")))
            for index, word in enumerate(split)
        )
        + suffix
    )


def _without_suffix(words: list[str], initials: bool) -> tuple[list[str], str]:
    """The words of a name without the suffix that ends it (a name of two words or more),
    and that suffix with its space (" III", " Jr."): "JR" or "SR", or a numeral, but not
    after initials in a list of initials, where "IV" is two more ("SMITH, J IV" is J. I. V.
    Smith). The words as they are and "" when there is none."""
    if len(words) < 2:
        return words, ""
    last = words[-1]
    numeral = last in _NUMERAL_SUFFIXES and not (initials and _is_initials(words[-2], True))
    if last not in _SUFFIXES and not numeral:
        return words, ""
    return words[:-1], f" {_SUFFIXES.get(last, last)}"


def _is_initials(word: str, initials: bool) -> bool:
    if _DOTTED_INITIALS.fullmatch(word):
        return True  # "J.M.", "J.-P.": initials as written
    letters = word.replace("-", "").rstrip(".")
    if not letters.isalpha() or len(letters) > 3:
        return False
    return len(letters) == 1 or initials or not any(ch in "AEIOU" for ch in letters)


def _as_initials(word: str) -> str:
    """ "JJ" -> "J. J.", "J-P" -> "J.-P.", "A" -> "A."; "J.M." as it is."""
    if _DOTTED_INITIALS.fullmatch(word):
        return word
    return "-".join(" ".join(f"{ch}." for ch in part.rstrip(".")) for part in word.split("-"))


def _cased_part(part: str) -> str:
    """ "MCDONALD" -> "McDonald", "O'BRIEN" -> "O'Brien", "SMITH" -> "Smith". A letter
    before an apostrophe stays as it is, and so does each one after it ("D'O'BRIEN"): the
    apostrophe is the ASCII one while the rest holds one, else the typographic one."""
    start, ascii_left = 0, part.count("'")
    while len(part) - start > 2:
        apostrophe = "'" if ascii_left else "\u2019"
        if part[start] == apostrophe or part[start + 1] != apostrophe:
            break
        ascii_left -= apostrophe == "'"
        start += 2
    head, part = part[:start], part[start:]
    if part.startswith("MC") and len(part) > 3 and part[2:].isalpha():
        return head + "Mc" + part[2:].capitalize()
    return head + part.capitalize()


def cased_venue(venue: str) -> str:
    """A journal's name written in capitals, as older Web of Science records (SO), CINAHL
    and some RIS and EndNote exports give it, in the case a reader writes it: "CORAL
    REEFS" -> "Coral Reefs", "JOURNAL OF THE ACM" -> "Journal of the ACM". Small words
    are small but for the first ("The Journal of …"); a word kept in capitals is an
    acronym: a publisher's or society's of the list below ("IEEE", "ACM", "PLOS"), one
    without a vowel ("BMJ", "BMC", "NMR"), a Roman numeral ("PART II"), a single letter
    ("SECTION A"), a word with a digit ("COVID-19"), and a conference's acronym after a
    comma, alone or before its year (Web of Science's proceedings: "…, ICCCN 2024", "…,
    IWQOS"), or in brackets before its year ("… (ICCI 2022)") or, made of the initials of
    the words before it (of each part of a hyphenated one; a word may give its first two
    letters), at the end ("… NETWORKING TECHNOLOGIES (ICCCNT)", "… MULTIPLE-VALUED LOGIC
    (ISMVL)", "… COMPUTER AND COMPUTATION (ICECCO)"); an ordinal's
    ending is small ("33RD" -> "33rd"). A name without a small word is a name of acronyms,
    and stays as it is, when its words (each part of a hyphenated one) have four letters or
    fewer ("ICML", "IEEE TIFS", "AI", "PLOS ONE", "EG-ICE"; "LAB ON A CHIP" is cased) or
    when it is a conference's, one or two words beside a year ("ICETA 2012", "IEEE INFOCOM
    2019"). Any name with a small letter stays as it is, but for "Ieee" and "Acm", never
    right as words: EndNote's title case of Web of Science's capitals ("Ieee-Acm
    Transactions on …" -> "IEEE-ACM Transactions on …")."""
    if not in_capitals(venue):
        # Looked for as text first: this runs for nearly every paper, and most have neither.
        if "Ieee" in venue or "Acm" in venue:
            return _TITLE_CASED_ACRONYM.sub(lambda found: found.group().upper(), venue)
        return venue
    words = venue.split()
    if _acronyms_name(words):
        return venue
    cased = []
    for index, word in enumerate(words):
        before = words[index - 1] if index else ""
        small = word.lower()
        if _ORDINAL.fullmatch(word) or (small in _ORDINAL_ENDS and before.isdigit()):
            cased.append(small if small in _ORDINAL_ENDS else word[:-2] + small[-2:])
        elif any(ch.isdigit() for ch in word):
            cased.append(word)  # "COVID-19", "ICA3PP"
        elif _conference_acronym(words, index):
            # A conference's acronym after its name, alone or before its year ("…, IWQOS",
            # "…, CIKM 2025", "…RECOGNITION-ICDAR 2024": its last part), or in brackets
            # ("(LA-CCI)": all of it): as written.
            head, hyphen, tail = word.rpartition("-")
            glued = hyphen and not word.startswith("(")
            cased.append(_venue_word(head) + hyphen + tail if glued else word)
        elif (
            index > 0 and small in _SMALL_WORDS and (small != "a" or before.lower() in _SMALL_WORDS)
        ):
            cased.append(small)
        else:
            cased.append(_venue_word(word))
    return " ".join(cased)


def _conference_acronym(words: list[str], index: int) -> bool:
    word, after = words[index], words[index + 1 : index + 2]
    year_after = bool(after) and bool(_YEAR.fullmatch(after[0].rstrip(",:")))
    if "-" in word and year_after:
        return True
    if word.startswith("(") and after and _YEAR.fullmatch(after[0].rstrip(",:)")):
        return True  # in brackets before its year: "… INFORMATICS (ICCI 2022)"
    if word.startswith("(") and word.endswith(")") and not after:
        # in brackets at the end, the initials of the name's words, a hyphenated word's
        # each: "… TECHNOLOGIES (ICCCNT)", "… HUMAN-MACHINE SYSTEMS (ICHMS)"; a hyphen
        # inside it joins no initials ("… COMPUTATIONAL INTELLIGENCE (LA-CCI)")
        parts = [part for w in words[:index] for part in w.lstrip("(").split("-")]
        letters = word[1:-1].replace("-", "")
        return 3 < len(word) <= 14 and _abbreviates(letters, parts)
    if index == 0 or not words[index - 1].endswith(","):
        return False
    if word.endswith(","):
        return False
    return word.upper() not in _NUMBERING and (not after or year_after)


def _abbreviates(letters: str, words: list[str]) -> bool:
    """Whether the letters are the words' initials, in order, some words left out: each
    word gives none, its first letter or its first two ("ICECCO": International Conference
    on Electronics, Computer and COmputation)."""
    reached = {0}
    for word in words:
        reached |= {
            at + taken
            for at in reached
            for taken in (1, 2)
            if word[:taken] == letters[at : at + taken] and len(word) >= taken
        }
    return len(letters) in reached


def _venue_word(word: str) -> str:
    if "/" not in word:
        return _VENUE_WORD.sub(_cased_venue_word, word)
    parts = word.split("/")
    cased = [_VENUE_WORD.sub(_cased_venue_word, part) for part in parts]
    pairs = list(zip(parts, cased, strict=True))
    if any(part == kept and part.isalpha() for part, kept in pairs):
        # societies joined by slashes: a short part beside an acronym kept in capitals is
        # one too ("IEEE/WIC/ACM", not "IEEE/Wic/ACM")
        cased = [part if part.isalpha() and len(part) <= 4 else kept for part, kept in pairs]
    return "/".join(cased)


def _acronyms_name(words: list[str]) -> bool:
    if any(word.lower() in _SMALL_WORDS for word in words[1:]):
        return False
    spelled = [w for w in words if not any(ch.isdigit() for ch in w)]
    # each part of a hyphenated word counted apart: "EG-ICE" is two acronyms
    short = all(
        len([ch for ch in part if ch.isalpha()]) <= 4 for w in spelled for part in w.split("-")
    )
    dated = any(_YEAR.fullmatch(w.strip(",:()'")) for w in words)
    return short or (dated and len(spelled) <= 2)


def _cased_venue_word(found: re.Match[str]) -> str:
    word = found.group()
    if (
        len(word) == 1
        or word in _VENUE_ACRONYMS
        or _ROMAN_NUMERAL.fullmatch(word)
        or (not set(word) & set("AEIOUY") and word not in _VOWELLESS_ABBREVIATIONS)
    ):
        return word
    return _cased_part(word)


# A word of a name (its letters, with an apostrophe inside: "L'ANNEE"); hyphens, stops,
# "&" and brackets between words stay as written.
_VENUE_WORD = re.compile(r"[^\W\d_]+(?:['\u2019][^\W\d_]+)?")
_SMALL_WORDS = frozenset(
    ("a", "an", "and", "as", "at", "by", "for", "from", "in", "into", "of", "on", "or", "the",
     "to", "with", "de", "des", "du", "la", "le", "les", "et", "der", "die", "und", "fur",
     "für", "y", "e", "di", "del", "della")
)  # fmt: skip
# Publishers' and societies' acronyms with a vowel, as journal names keep them.
_VENUE_ACRONYMS = frozenset(
    ("IEEE", "ACM", "SIAM", "JAMA", "PLOS", "AIP", "ASME", "SPIE", "IET", "RSC", "ACS", "AMA",
     "AIAA", "ASCE", "AAPG", "SAE", "IEICE", "ICES", "EMBO", "FEBS", "FASEB", "IUBMB", "PNAS",
     "NEJM", "AIDS", "HIV", "DNA", "RNA", "USA", "UK", "EU", "ISME", "OECD", "NATO", "IAEA",
     "ISPRS", "CIRP", "AORN", "AACN", "ASHRAE", "ESAIM", "AJR", "ANZ", "AI", "IFAC", "IFIP", "AEU",
     "AAAI", "IJCAI", "SIGSAC", "SIGKDD", "SIGMOD", "SIGIR", "SIGCHI", "SIGPLAN", "SIGCOMM",
     "EC")
)  # fmt: skip
# Publishers' acronyms in title case, which no venue's name has as words.
_TITLE_CASED_ACRONYM = re.compile(r"\b(?:Ieee|Acm)\b")
# Abbreviations without a vowel that are words, not acronyms ("BR J SURG", "PUBLIC HLTH").
_VOWELLESS_ABBREVIATIONS = frozenset(
    ("BR", "DR", "HLTH", "JPN", "LTD", "MGMT", "MT", "NR", "PT", "SCH", "ST", "WKLY")
)  # fmt: skip
_ROMAN_NUMERAL = re.compile(r"X{0,3}(?:IX|IV|V?I{0,3})")
# "31ST", "62ND", "33RD", "34TH" (and "27 TH"): an ordinal's ending is small.
_ORDINAL = re.compile(r"\d*(?:1ST|2ND|3RD|[04-9]TH|1[123]TH)")
_ORDINAL_ENDS = frozenset(("st", "nd", "rd", "th"))
_YEAR = re.compile(r"(?:19|20)\d\d")
# What numbers a volume of proceedings: "…, VOL 2", "…, PT III".
_NUMBERING = frozenset(("VOL", "PT", "PART", "NO"))


_DOTTED_INITIALS = re.compile(r"(?:[^\W\d_]\.-?)+")

# Particles a surname keeps in small letters: "van der Berg", "de la Cruz", "dos Santos".
_PARTICLES = frozenset(
    ("van", "von", "der", "den", "de", "del", "della", "di", "da", "dos", "das", "du", "la",
     "le", "ten", "ter", "vom", "zu", "y")
)  # fmt: skip
_SUFFIXES = {"JR": "Jr.", "JR.": "Jr.", "SR": "Sr.", "SR.": "Sr.", "2ND": "2nd", "3RD": "3rd"}
# A name's numeral, kept in capitals ("John Smith III").
_NUMERAL_SUFFIXES = frozenset({"II", "III", "IV"})


# Scopus's and Embase's names: surname first, then dotted initials, no comma between
# ("Adler D.G.", "Del Rosario R.C.H.", "Jones-Oliveira J.B.", "Grall-Bronnec M.-C.").
# The spaces before the initials are taken from where their run starts, and whole: a name
# that fails ("Smith B.F." and 100,000 spaces before "Jr.") is read at once, not in minutes.
_INITIALS_LAST = re.compile(
    r"(?P<surname>[^\W\d_].*?)(?<!\s)\s++(?P<initials>[^\W\d_]\.(?:-?[^\W\d_]\.)*)"
)
_INITIAL_FIRST = re.compile(r"[^\W\d_]\.")
# A name of one word: "Monika" (an author known by one name, as Embase and Scopus list one).
_ONE_NAME = re.compile(r"[^\W\d_][\w'\u2019-]*")


def initials_turned_round(names: tuple[str, ...]) -> tuple[str, ...]:
    """('Liu R.', 'Adler D.G.') -> ('R. Liu', 'D.G. Adler'): a list where every name ends
    in capital initials and none begins with one is written surname first (Scopus's and
    Embase's CSV, Embase's RIS); any other list ('P. Kogge', 'Vikram S Chundawat', 'George
    Engelhard Jr.') stays as it is. A one-word name in such a list ('Sharma P.', 'Monika',
    'Kumar T.': an author known by one name) is kept as it is and turns nothing back."""
    turned: list[str] = []
    for name in names:
        if _ONE_NAME.fullmatch(name):
            turned.append(name)
            continue
        core, suffix = name, ""
        if (ended := _ENDING_SUFFIX.search(name)) is not None:  # "Spencer B.F., Jr."
            core, suffix = name[: ended.start()], " " + ended["suffix"]
        found = _INITIALS_LAST.fullmatch(core)
        if not found or _INITIAL_FIRST.match(name) or not found["initials"].isupper():
            return names
        turned.append(f"{found['initials']} {found['surname']}{suffix}")
    return tuple(turned)


# An e-mail address, as Scopus writes one after a name: "Nguyen, C.D., chi.nguyen@uni.edu.vn"
# (BIOSIS in brackets: "Tingley, Morgan W. (morgan.tingley@uconn.edu)").
_EMAIL = re.compile(r"[^\s@]+@[^\s@]+")

# A hyphenated pair of initials written with a space, as IEEE Xplore and Web of Science
# write them: "J. -P. Stoldt", "Endara, M. -J." are "J.-P.", "M.-J.".
_SPACED_HYPHEN = re.compile(r"(?<=\b[^\W\d_]\.) -(?=[^\W\d_]\.)")


def joined_initials(name: str) -> str:
    """The name with each hyphenated pair of initials written without a space in it."""
    return _SPACED_HYPHEN.sub("-", name) if " -" in name else name


# "van der Berg, Jan", "O'Neil, Mary-Kate A.", "Chen, CM": a surname of one word after its
# lower-case particles, a comma, then given names or initials.
SURNAME_FIRST = re.compile(
    r"(?:(?:van|von|der|den|de|del|della|di|da|dos|du|la|le|ten|ter)\s+)*"
    r"[^\W\d_][\w'\u2019-]*[^\W\d_],"
    r"(?:\s+(?:[^\W\d_][\w'\u2019-]*\.?|(?:[^\W\d_]\.)+-?(?:[^\W\d_]\.)*)){1,4}"
)

# A generational suffix: "Jr.", "Sr", "III", "2nd".
NAME_SUFFIX = re.compile(r"[JS]r\.?|II|III|IV|2nd|3rd|[4-9]th")
# One closing a name written surname first, after its comma or not: "Spencer B.F., Jr.",
# "Spencer B.F. Jr.".
_ENDING_SUFFIX = re.compile(rf",?\s(?P<suffix>{NAME_SUFFIX.pattern})$")
# An academic or professional degree after a name and its own comma, as ProQuest writes one:
# "PhD", "MPH", "MLS", "MD", "RN".
_DEGREE = re.compile(
    r"(?:Ph\.?D|M\.?D|M\.?P\.?H|M\.?L\.?S|M\.?S\.?W|M\.?S\.?N|M\.?Sc|Dr\.?P\.?H|Psy\.?D|Ed\.?D"
    r"|Pharm\.?D|B\.?S\.?N|R\.?N|LCSW|DDS|DMD|DVM)\.?"
)
# An initial that is also a Roman numeral, and given names that are initials only ("A.",
# "Yu", "G. P."): Web of Science's "Semenov, A., V".
_ROMAN_INITIAL = re.compile(r"[IV]")
_GIVEN_INITIALS = re.compile(r"[A-Z][a-z]?\.?(?:[ -]?[A-Z][a-z]?\.?)*")


def without_doubled_names(names: Sequence[str]) -> tuple[str, ...]:
    """An author list written with each name twice in a row, as ResearchRabbit writes it
    ("Paul N. Otto; Paul N. Otto; Annie I. Antón; Annie I. Antón", the second time now
    and then spelled another way: "Robert Kowalski; Robert A. Kowalski"), or written whole
    twice over, as a Mendeley EndNote XML did ("Dueck, Delbert; Frey, Brendan J; Dueck,
    Delbert; Frey, Brendan J"), with each name once. Only a list that doubles at least half
    its names is one: two authors of one name and initial side by side in a longer list
    stay two."""
    half, odd = divmod(len(names), 2)
    if half and not odd and tuple(names[:half]) == tuple(names[half:]):
        return tuple(names[:half])
    repeats = sum(map(_same_person, names, names[1:]))
    if not repeats or repeats * 2 < len(names):
        return tuple(names)
    kept = [names[0]]
    for name in names[1:]:
        if not _same_person(kept[-1], name):
            kept.append(name)
    return tuple(kept)


def _same_person(one: str, other: str) -> bool:
    """The same name, or the same surname (a last word that is no initial: "Liu R." and
    "Lee R." are two people) after the same first name or its initial."""
    if one.casefold() == other.casefold():
        return True
    a, b = one.casefold().split(), other.casefold().split()
    return (
        len(a) > 1
        and len(b) > 1
        and a[-1] == b[-1]
        and len(a[-1]) > 1
        and a[-1].isalpha()
        and _same_given_name(a[0], b[0])
    )


def _same_given_name(one: str, other: str) -> bool:
    """ "Frank" and "F." (or "F"), or one name twice; "Yi" and "Yu" are two."""
    if one == other:
        return True
    initial = len(one.rstrip(".")) == 1 or len(other.rstrip(".")) == 1
    return initial and one[0] == other[0]


def split_keywords(value: str | list[str] | None) -> tuple[str, ...]:
    """Keywords as given in a list, or in one string separated by ';' (else by ','), never
    inside parentheses: Embase's "duplication cyst (diagnosis, surgery)" is one term."""
    if value is None:
        return ()
    if isinstance(value, str):
        separator = ";" if ";" in value else ","
        parts, closed = _split_outside_parentheses(value, re.escape(separator))
        # A parenthesis never closed (a cut cell) would hold every term after it.
        value = parts if closed else value.split(separator)
    return tuple(" ".join(word.split()) for word in value if word.strip())


# A month as the files write it: a name ("June"), its three letters in any case ("JUN",
# "jun") or an abbreviation with its stop ("Jun.", "Sept.").
_MONTHS = {
    spelling: number
    for number, name in enumerate(
        ("january", "february", "march", "april", "may", "june", "july", "august",
         "september", "october", "november", "december"),
        start=1,
    )
    for spelling in (name, name[:3], *(("sept",) if number == 9 else ()))
}  # fmt: skip


def month_number(name: str) -> int | None:
    """1 to 12 for a month's name or abbreviation ("SEP", "June", "Sept."), else None."""
    return _MONTHS.get(name.removesuffix(".").casefold())


def rfc2822_day(value: str) -> str:
    """An e-mail style date ("Sun, 1 Apr 2007 13:06:50 GMT", arXiv's versions) as its ISO
    day, "2007-04-01"; "" when it is no such date."""
    try:
        return parsedate_to_datetime(value).date().isoformat()
    except (TypeError, ValueError, IndexError):
        return ""


# A year of a paper, as the date forms below read it.
_Y = r"((?:1[89]|20)\d\d)"
# A month's name or abbreviation, checked with month_number ("Sept.", "AUG", "November").
_M = r"([A-Za-z]{3,9}\.?)"
# Seconds and a time zone after a time's hours and minutes.
_TIME_TAIL = r"(?::\d\d(?:\.\d+)?)?(?:Z|[+-]\d\d:?\d\d)?"
# The date forms exports write, each read as (year, month, day) groups by _DATE_FORMS' order.
_DATE_FORMS: tuple[tuple[re.Pattern[str], tuple[int, int, int]], ...] = (
    # ISO with a time: "2022-02-24T15:05:19Z", "2013-10-30T11:20:51-07:00" (its day as written).
    (re.compile(_Y + r"-([01]\d)-([0-3]\d)[T ]\d\d:\d\d" + _TIME_TAIL), (1, 2, 3)),
    # ISO: "2021-09-23", "2020-09", with 00 for a month or day not known (NASA ADS's
    # "2017-06-00", "2018-00-00"), or in Zotero's own form, the ISO date and the date as
    # typed ("2019-00-00 2019", "2023-12-00 12/2023": notes made from Zotero's database);
    # a month or day of one digit as PubMed Central's pages give Zotero ("2020-8") and
    # EndNote XML keeps ("2021-6-25").
    (re.compile(_Y + r"-(0?\d|1[0-2])(?:-([0-2]?\d|3[01]))?(?: \S.*)?"), (1, 2, 3)),
    # RIS: "2021/09/23", "2019/06", "1991/aug", "2018/02/03/".
    (re.compile(_Y + r"/(\d{1,2}|[A-Za-z]{3,9}\.?)(?:/(\d{1,2}))?/?"), (1, 2, 3)),
    # MEDLINE and PubMed: "2020 May", "2021 Sep 20", a range "2016 Mar-Apr" (its first month).
    (re.compile(_Y + r",? " + _M + r"(?: (\d{1,2}))?(?: ?[-/] ?[A-Za-z]{3,9}\.?)?"), (1, 2, 3)),
    # EndNote and pages: "Sep 30 2004", "November 15, 2024", "Jun 2015".
    (re.compile(_M + r"(?: (\d{1,2}))?,? " + _Y), (3, 1, 2)),
    # "15 November, 2024", "1 Jan 2023".
    (re.compile(r"(\d{1,2}) " + _M + r",? " + _Y), (3, 2, 1)),
    # Zotero RDF: "12/2012".
    (re.compile(r"(\d{1,2})/" + _Y), (2, 1, 0)),
    # IEEE Xplore's conference and issue dates, its first month: "15-17 Dec. 2014",
    # "29 Oct.-1 Nov. 2017", "Jan.-Feb. 2020" (a day of a range is no day of the paper).
    (re.compile(r"(?:\d{1,2}(?: ?[-\u2013] ?\d{1,2})? )?" + _M
                + r"(?: ?[-\u2013/] ?(?:\d{1,2} )?[A-Za-z]{3,9}\.?)?,? " + _Y), (2, 1, 0)),
)  # fmt: skip
# A time of day after a date, as a web page gives one: "7 August 2012, 9:22", "… 09:22 AM".
_TIME_AFTER = re.compile(r",? \d{1,2}:\d\d(?::\d\d)?(?: ?[AaPp]\.?[Mm]\.?)?")
# A day written as an ordinal, as Logseq names its journal pages ("Mar 1st, 2022").
_ORDINAL_DAY = re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)\b")
_ISO_DAY = re.compile(r"\d{4}-\d\d-\d\d")
# An e-mail style date: "Fri, 15 Nov 2024 19:04:11 GMT" (feeds' pubDate, mail headers).
_RFC_2822_DATE = re.compile(r"(?:[A-Za-z]{3}, )?\d{1,2} [A-Za-z]{3} \d{4} \d\d:\d\d.*")


def normal_date(value: str) -> str:
    """A paper's date as an ISO date, "2021", "2021-09" or "2021-09-23", when it is in a form
    the exports write ("2021/09/23", "2020 May", "Sep 30 2004", "2022-02-24T15:05:19Z", "12/2012",
    "Fri, 15 Nov 2024 19:04:11 GMT" …), one of them with a time of day after it ("7 August
    2012, 9:22", Zotero's date of a web page) as its day; any other form ("Spring 2020",
    "3/4/2021", whose order only its file can tell) as given. A month or day that cannot be
    ("2021/02/30"), or is written 00 for not known ("2018-00-00"), is left out."""
    text = " ".join(value.split())
    dated = _form_date(text)
    if dated is None and (plain := _ORDINAL_DAY.sub(r"\1", text)) != text:
        ordinal = _form_date(plain)
        dated = ordinal if ordinal != plain else None  # "4th quarter 2020" is as given
    if dated is None and _RFC_2822_DATE.fullmatch(text):
        dated = rfc2822_day(text)
    if dated is None and (timed := _TIME_AFTER.search(text)) and timed.end() == len(text):
        day = _form_date(text[: timed.start()])
        dated = day if day and _ISO_DAY.fullmatch(day) else None
    return dated or text


def _form_date(text: str) -> str | None:
    """The date of one of _DATE_FORMS, or None; the text itself where its month is none."""
    for form, (year, month, day) in _DATE_FORMS:
        found = form.fullmatch(text)
        if found is None:
            continue
        written = found.group(month)
        number = int(written) if written.isdigit() else month_number(written)
        if number is None:
            return text
        return _iso_day(found.group(year), number, found.group(day) if day else None)
    return None


def date_or_year(date: str, year: str) -> str | None:
    """A date as written beside its year (IEEE Xplore's "12-15 March 2019" and 2019) when it
    reads as a month or day of a year ("Firstquarter 2019" does not), else the year."""
    read = normal_date(date) if date else ""
    if re.fullmatch(r"\d{4}-\d\d(?:-\d\d)?", read) and (not year or read.startswith(year)):
        return read
    return year.strip() or None


# A month and day in numbers without their year: a RIS import's "YYYY/MM/DD/" as EndNote keeps
# it ("3//", "1/12/"), a month number alone (JabRef's <month>12</month>).
_MONTH_DAY = re.compile(r"(\d{1,2})(?:/(\d{0,2})/?)?")


def endnote_date(date: str, year: str) -> str:
    """EndNote's Date field (%8, <pub-dates>: "Sep 30", "aug", a RIS import's "3//" or
    "1/12/", JabRef's month "12") and its Year (%D, <year>) as one date the forms above read
    ("Sep 30 2004", "2006/3/"); the Date alone where it holds its year ("January 1, 2003");
    the Year alone where the two make no date ("Spring")."""
    date, year = " ".join(date.split()), year.strip()
    if not date or not year or year in date:
        return date or year
    month_day = _MONTH_DAY.fullmatch(date)
    joined = (
        f"{year}/{month_day.group(1)}/{month_day.group(2) or ''}" if month_day else f"{date} {year}"
    )
    return joined if normal_date(joined).startswith(f"{year}-") else year


def _iso_day(year: str, month: int, day: str | None) -> str:
    if not 1 <= month <= 12:
        return year
    if day and 1 <= int(day) <= calendar.monthrange(int(year), month)[1]:
        return iso_date(year, month, int(day))
    return iso_date(year, month)


def iso_date(year: str, month: int, day: int = 0) -> str:
    """A year and month as the readers date a paper, "2020-09", with a day of 1 to 31 after
    them ("2020-12-10"); another day (0: none known) is left out."""
    return f"{year}-{month:02d}" + (f"-{day:02d}" if 1 <= day <= 31 else "")


def first_in_english(texts: Sequence[str]) -> int:
    """Which of a record's texts in several languages to read (untagged, as LILACS's RIS gives
    an abstract per language): the first, unless it is in another language and a later one
    is in English. A text is in English when it has more of English's commonest function
    words ("the", "of", "and" …) than of Portuguese's, Spanish's, French's or German's ("de",
    "que", "les", "und" …): a terse structured abstract ("Aim: Global change factors, such
    as warming …") has few of the first and none of the second, a Portuguese one quoting an
    English title many of both."""
    english = [_in_english(text) for text in texts]
    if not english or english[0]:
        return 0
    return english.index(True) if True in english else 0


def in_one_language(abstract: str) -> str:
    """An abstract without the translation its record gives after it, as Zotero keeps an
    abstract from Crossref: the elements of the publisher's deposit apart by the runs of
    spaces their indentation left ("… enforcement agencies.             Reintroducción
    Exitosa del Loro …             La cotorra …"). The text is cut before the first of these
    parts clearly in another language than the first part clearly in one, the title and
    headings before it left out; of the two halves, the English one is kept
    (first_in_english). Headings ("Methods:") are in no language and cut nothing. arXiv's
    line of dashes between an abstract's languages ("… tax research. ----- Apresentando …")
    parts them too."""
    # Looked for as text first: the pattern is slower.
    if " " * 8 not in abstract and "-----" not in abstract:
        return abstract
    breaks = list(_PART_BREAK.finditer(abstract))
    starts = [0] + [found.end() for found in breaks]
    ends = [found.start() for found in breaks] + [len(abstract)]
    languages = [_clear_language(abstract[a:b]) for a, b in zip(starts, ends, strict=True)]
    first = next((language for language in languages if language is not None), None)
    for index, language in enumerate(languages):
        if language is not None and language != first:
            # The translation's own title and headings, in no language, go with neither.
            last = max(i for i in range(index) if languages[i] == first)
            halves = [abstract[: ends[last]], abstract[starts[index] :]]
            return halves[first_in_english(halves)]
    return abstract


# A run of spaces no writer types: an XML deposit's indentation between two of its elements;
# or the line of five dashes or more that arXiv asks for between an abstract's languages.
_PART_BREAK = re.compile(r"(?<!\s)\s{8,}|\s+-{5,}\s+")


def _clear_language(text: str) -> bool | None:
    """True for English, False for Portuguese, Spanish, French or German, each by three
    function words or more than the other has; None when the text is too short to tell."""
    ours, others = _function_words(text)
    if ours >= 3 and ours > others:
        return True
    return False if others >= 3 and others > ours else None


def _in_english(text: str) -> bool:
    ours, others = _function_words(text)
    return ours > others


def _function_words(text: str) -> tuple[int, int]:
    """How many of English's commonest function words the text has, and how many of the
    other languages'."""
    words = _LETTERS.findall(text.lower())
    ours = sum(word in _ENGLISH_WORDS for word in words)
    return ours, sum(word in _OTHER_WORDS for word in words)


_LETTERS = re.compile(r"[^\W\d_]+")
_ENGLISH_WORDS = frozenset(
    ("the", "of", "and", "to", "is", "are", "was", "were", "with", "that", "this", "these",
     "which", "for", "by", "from", "on")
)  # fmt: skip
# Portuguese's, Spanish's, French's and German's, none an English word.
_OTHER_WORDS = frozenset(
    ("de", "da", "dos", "das", "e", "em", "os", "na", "para", "com", "que", "um", "uma", "por",
     "el", "la", "los", "las", "y", "en", "del", "con", "le", "les", "des", "et", "du", "est",
     "une", "au", "aux", "und", "der", "mit", "von", "zu", "ist", "ein", "eine")
)  # fmt: skip


_CJK = re.compile(f"[{_CJK_LETTERS}]")
_LATIN = re.compile(r"[A-Za-z]+")


def mostly_cjk(text: str) -> bool:
    """Whether a text is mostly in Chinese, Japanese or Korean: more of their characters
    than Latin words (a Chinese title holding "ShikumiMiner" and "AI" is Chinese)."""
    return len(_CJK.findall(text)) > len(_LATIN.findall(text))


# A year of a paper (1800 to 2099) as a word of its own: "2015", not "12015" nor "2015a".
YEAR = re.compile(r"\b(?:1[89]|20)\d\d\b")


def last_year(citation: str) -> str:
    """The year a citation dates its paper with, its last ("Ecohydrology. 8(6):1048-1064,
    September 2015."); "" when it names none."""
    years = YEAR.findall(citation)
    return years[-1] if years else ""


# Spaces before "and" only from where their run starts: tried from inside a long run of
# spaces, "\s+" rescanned the rest of it from every space.
_AUTHOR_SEPARATOR = re.compile(r",\s*and\s+|,|(?<!\s)\s+and\s+")
# " and " between two names ("Zlatic, M and Kostadinov, S"), for readers that split on it
# alone; from a run's start too.
AND_SEPARATOR = re.compile(r"(?<!\s)\s+and\s+")
# ";" between names one field holds ("Elliot, T; Almenar, JB", "Schumann, P.; Rose, E."),
# for readers that split on it alone: only before a space or the field's end, since one
# before a letter is an entity's ("M&uuml;ller").
NAME_SEPARATOR = re.compile(r";(?!\S)")
# Chinese and Japanese lists part names with the full-width comma or semicolon or the
# ideographic comma, as others do with "," and ";".
_FULL_WIDTH_SEPARATORS = str.maketrans({"\uff0c": ",", "\u3001": ",", "\uff1b": ";"})


def split_authors(value: str) -> tuple[str, ...]:
    """Names from one string: split on ';' if it has one outside parentheses, else on ','
    and ' and ' (the full-width and ideographic forms of both count as they do).

    Text in parentheses after a name is read with it, commas and all, and is dropped where
    it is an affiliation ("Kofi Mensah (University of Ghana, Legon)" -> "Kofi Mensah"; see
    `without_affiliation`). A count of names left out ("Chen +3", "et al.", "…") is dropped.
    Where every other part is initials ("Gatica, G.N., Sequeira, F.A.", as Scopus wrote its
    CSV until 2020) a surname and its initials are one name, turned round.
    """
    value = value.translate(_FULL_WIDTH_SEPARATORS)
    if "((" in value.replace(" ", ""):
        # arXiv's numbered affiliations, "Ana Lima (1), Kofi Mensah (2) ((1) Univ A, (2)
        # Univ B)": the list at the end names no one, the numbers only point into it.
        value = _AFFILIATION_NUMBER.sub("", _AFFILIATION_LIST.sub("", value))
    parts = value.split(";")
    if len(parts) > 1 and "(" in value:
        # A semicolon inside an affiliation ("Sergey Levine (UC Berkeley; Abbeel also at
        # OpenAI)") parts no names; in a parenthesis never closed, every semicolon still does.
        outside, closed = _split_outside_parentheses(value, ";")
        parts = outside if closed else parts
    names: Iterable[str]
    if len(parts) > 1:
        names = parts
    elif "(" in value:
        names = _split_outside_parentheses(value)[0]
    else:
        names = _paired_initials(_AUTHOR_SEPARATOR.split(value))
    # What stands for the names a list leaves out is no name: "Chen +3", "…", "et al.".
    names = _with_suffixes(_NAMES_LEFT_OUT.sub("", without_affiliation(name)) for name in names)
    return tuple(
        " ".join(name.split()) for name in names if name.strip() and not _NO_NAME.match(name)
    )


def nlm_title(title: str) -> str:
    """A title as PubMed/MEDLINE gives it, without the brackets NLM puts round the English
    translation of a title in another language ("[Effects of salt on blood pressure]." ->
    "Effects of salt on blood pressure.", "[Is salt a risk?]." -> "Is salt a risk?"),
    wherever it was exported to (Zotero's RIS, Dimensions' CSV); "" for its "[Not
    Available]." A title that only opens with a bracket ("[18F]FDG uptake …") stays as it
    is."""
    text = title.strip()
    if not text.startswith("["):
        return title
    depth = 0
    for index, char in enumerate(text):
        depth += (char == "[") - (char == "]")
        if depth == 0:
            inner, rest = text[1:index].strip(), text[index + 1 :].strip()
            if rest not in ("", ".") or not inner:
                return title
            if inner.casefold() == "not available":
                return ""
            return inner if inner.endswith(("?", "!", ".")) else inner + rest
    return title


# A footnote marker at a title's end, apart: Web of Science's "…incentive contracts *".
# From a run's first space only, and whole: a title with 100,000 spaces is read at once.
_FOOTNOTE_MARK = re.compile(r"(?<!\s)\s++[*†‡]\s*$")


def without_footnote_mark(title: str) -> str:
    """The title without a footnote marker ("*", "†", "‡") left alone at its end, as
    Web of Science keeps it and MDPI gives it to the databases (Scopus's "… Technology
    Evaluator †"); a "*" in or against a word ("Sgr A*") stays."""
    if not title.rstrip().endswith(("*", "†", "‡")):
        return title
    return _FOOTNOTE_MARK.sub("", title)


def without_names_left_out(name: str) -> str:
    """A name without what stands for the names a list leaves out ("Booker GW et al." ->
    "Booker GW"); "" where that is all it is ("et al.", "others"), or where it says that no
    one signed the item ("Anonymous", "Anon")."""
    return "" if _NO_NAME.match(name) else _NAMES_LEFT_OUT.sub("", name).strip()


def without_honorific(name: str) -> str:
    """A name without the title a page's metadata put before it, which Zotero keeps in the
    given name ("Dr Tanay Maiti", "Mrs Aastha Dhingra Hasija"); a title before fewer than two
    words ("Dr Who", "Dr A") is left as it is, for want of a name after it."""
    return _HONORIFIC.sub("", name, count=1) if name[:1] in "DMP" else name


_INITIALS = re.compile(r"[A-Z][a-z]?\.(?:\s?-?[A-Z][a-z]?\.)*")


def _with_suffixes(names: Iterable[str]) -> list[str]:
    """Names with a generational suffix that a comma parted from its name joined to it again
    (Scopus's CSV until 2022: "Levine N.M., Spencer B.F., Jr." is two names, the second
    "Spencer B.F., Jr.")."""
    joined: list[str] = []
    for name in names:
        if joined and NAME_SUFFIX.fullmatch(name.strip()):
            joined[-1] = f"{joined[-1]}, {name.strip()}"
        else:
            joined.append(name)
    return joined


def _paired_initials(parts: list[str]) -> list[str]:
    """['Gatica', 'G.N.', 'Sequeira', 'F.A.'] -> ['G.N. Gatica', 'F.A. Sequeira']; other
    lists as they are."""
    parts = [part.strip() for part in parts]
    surnames, initials = parts[0::2], parts[1::2]
    if len(surnames) != len(initials) or not all(_INITIALS.fullmatch(i) for i in initials):
        return parts
    if any(not surname or _INITIALS.fullmatch(surname) for surname in surnames):
        return parts
    return [f"{given} {surname}" for surname, given in zip(surnames, initials, strict=True)]


# Spaces are taken only from where their run starts (lookbehinds): tried from inside a long
# run, "\s*" would rescan the rest of it from every space.
_AFFILIATION_LIST = re.compile(r"(?:(?<!\s)\s+)?\(\s*\(\d{1,3}\).*\)\s*$", re.S)
_AFFILIATION_NUMBER = re.compile(r"(?<!\s)\s*\(\d{1,3}(?:\s*,\s*\d{1,3})*\)(?=\s*(?:,|and\b|$))")

# A person's title before given names and a surname: "Dr ", "Prof. ", "Mrs ".
_HONORIFIC = re.compile(r"^(?:Dr|Prof|Professor|Mr|Mrs|Ms|Mx)\.?\s+(?=[^\W\d_][^\s]*\s+[^\W\d_])")
# The part of "Ana Lima and others" (or collaborators, or 2 other authors) that is no name;
# and the author of an unsigned item (ProQuest's "Anonymous", Web of Science's "[Anonymous]",
# Scopus's "Anon").
_NO_NAME = re.compile(
    r"^\s*(?:(?:\d+\s+)?(?:others|other authors?|collaborators|colleagues|co-?authors)"
    r"|\[?anon(?:ymous)?\]?)\s*$",
    re.I,
)
_NAMES_LEFT_OUT = re.compile(
    r"(?:(?:^|(?<!\s)\s+)(?:\+\s?\d+|et\.?\s?al\.?|\.\.\.)|…|(?<!\s)\s*等(?:\s*\d+\s*位?作者|人)?)\s*$",
    re.I,
)


# What parentheses after a name hold that is no affiliation: a role ("Smith, J. (Ed.)",
# "(Author)", Zotero's "(aut)"), an ORCID, a collaboration the person signs for ("G. Aad
# (for the ATLAS Collaboration)").
_NOT_AFFILIATION = re.compile(
    r"^(?:eds?\.?|editors?|hrsg\.?|author|aut|trans\.?|translator|comp\.?|coord\.?)$"
    r"|orcid|\d{4}-\d{4}-\d{4}-\d{3}[\dX]|collaboration|consortium|on behalf of|for the\b",
    re.I,
)
# A group's own name, whose parentheses hold its acronym ("World Health Organization (WHO)").
_GROUP_WORD = re.compile(
    r"\b(?:collaboration|consortium|group|organi[sz]ation|network|society|association|"
    r"agency|institute|university|committee|council|team|project|study|investigators|"
    r"foundation|alliance|initiative|commission|programme|program)s?\b",
    re.I,
)


def without_affiliation(name: str) -> str:
    """A name without the affiliation in parentheses after it, as arXiv lists authors
    ("Kofi Mensah (University of Ghana, Legon)", "David Helbert (UFR SFA (Poitiers),
    XLIM-ASALI)." -> "Kofi Mensah", "David Helbert"). What else parentheses hold stays: a
    role or an ORCID, a collaboration, a name in another script or its romanisation ("Wei
    Zhang (\u5f20\u4f1f)"), a group's acronym ("World Health Organization (WHO)"), a nickname
    inside a name ("Zhen (Sean) Qian")."""
    text = name.rstrip().removesuffix(".").rstrip()
    if not text.endswith(")"):
        return name
    depth = 0
    for start in range(len(text) - 1, -1, -1):
        depth += (text[start] == ")") - (text[start] == "(")
        if depth == 0:
            break
    inside, before = text[start + 1 : -1].strip(), text[:start].strip()
    if (
        depth
        or not before
        or _NOT_AFFILIATION.search(inside)
        or _CJK.search(inside + before)
        or _GROUP_WORD.search(before)
    ):
        return name
    return before


def _split_outside_parentheses(
    value: str, separator: str = _AUTHOR_SEPARATOR.pattern
) -> tuple[list[str], bool]:
    """`value` split where `separator` (a pattern: names' ", " and " and " by default) stands
    outside parentheses, and whether every parenthesis opened was closed."""
    parts: list[str] = []
    depth, start = 0, 0
    for match in re.finditer(r"[()]|" + separator, value):
        token = match.group(0)
        if token == "(":
            depth += 1
        elif token == ")":
            depth = max(0, depth - 1)
        elif depth == 0:
            parts.append(value[start : match.start()])
            start = match.end()
    parts.append(value[start:])
    return parts, depth == 0


# --- sniffing --------------------------------------------------------------------------------


def first_line(text: str) -> str:
    lines = first_lines(text, 1)
    return lines[0] if lines else ""


# What makes a line not blank (str.strip() and "\s" agree on whitespace).
_NOT_BLANK = re.compile(r"\S")


def first_lines(text: str, count: int) -> list[str]:
    """The first `count` non-blank lines, stripped. Runs of blank lines are skipped in one
    search: a file of 300,000 empty lines is looked at by every reader's sniffer."""
    found: list[str] = []
    start = 0
    while len(found) < count:
        content = _NOT_BLANK.search(text, start)
        if content is None:
            break
        begin = max(start, text.rfind("\n", start, content.start()) + 1)
        end = text.find("\n", content.start())
        end = len(text) if end < 0 else end
        found.append(text[begin:end].strip())
        start = end + 1
    return found
