"""Identifiers found in any format: arXiv ids (new and old style, with version), DOIs and
PubMed ids in PubMed's addresses."""

from __future__ import annotations

import re
import urllib.parse
from dataclasses import dataclass


@dataclass(frozen=True)
class ArxivId:
    id: str  # without version: "2112.09332", "hep-th/9901001"
    version: int | None
    end: int  # where the id ended in the text it was read from


_NEW_ID = re.compile(r"(\d{2})(\d{2})\.(\d{4,5})(?:v(\d+))?")
_OLD_ID = re.compile(r"([a-z]+(?:-[a-z]+)?(?:\.[A-Z]{2})?)/(\d{7})(?:v(\d+))?")
_ID_PREFIX = re.compile(
    r"\s*(?:arxiv\s*:\s*|(?:https?://)?(?:www\.|export\.)?arxiv\.org/(?:abs|pdf)/)", re.I
)
# Where an id sits inside a longer value: an arxiv.org URL, arXiv's own DOI, or RePEc's
# handle of an arXiv paper ("https://d.repec.org/n?u=RePEc:arx:papers:2601.11958&r=fmk").
_ARXIV_URL = re.compile(r"arxiv\.org/(?:abs|pdf)/|10\.48550/arxiv\.|RePEc:arx:papers:", re.I)
_DOI = re.compile(r"\b(10\.\d{4,9}/\S+)")
_QUERY = re.compile(r"[?#].*")
_PAGE_TAIL = re.compile(
    r"(?:/(?:full|abstract|pdf|epdf|pdfdirect|fulltext|summary|html))+/?$", re.I
)


def read_arxiv_id(text: str, pos: int = 0) -> ArxivId | None:
    """The arXiv id starting exactly at `pos`, even when text is glued to it.

    Since 2015 (yymm 1501) the number has 5 digits, before it 4: that is how
    "arXiv:1412.69803D models" splits into 1412.6980 + "3D models".
    """
    new = _NEW_ID.match(text, pos)
    if new:
        yymm = int(new.group(1) + new.group(2))
        if not 1 <= int(new.group(2)) <= 12:
            return None
        digits = 5 if yymm >= 1501 else 4
        number = new.group(3)
        if len(number) < digits:
            return None
        if len(number) > digits:  # the 5th digit belongs to the glued text
            return ArxivId(
                f"{new.group(1)}{new.group(2)}.{number[:digits]}", None, new.start(3) + 4
            )
        version = int(new.group(4)) if new.group(4) else None
        return ArxivId(f"{new.group(1)}{new.group(2)}.{number}", version, new.end())
    old = _OLD_ID.match(text, pos)
    if old:
        version = int(old.group(3)) if old.group(3) else None
        return ArxivId(f"{old.group(1)}/{old.group(2)}", version, old.end())
    return None


def arxiv_id_at_start(text: str) -> ArxivId | None:
    """An id that opens the text: "arXiv:2112.09332…", "https://arxiv.org/abs/…"."""
    prefix = _ID_PREFIX.match(text)
    return read_arxiv_id(text, prefix.end()) if prefix else None


def parse_arxiv_field(value: str) -> ArxivId | None:
    """An id given as a field: bare ("2101.00001v2"), prefixed, or an arxiv.org URL."""
    value = value.strip()
    found = arxiv_id_at_start(value) or read_arxiv_id(value)
    if found is None:
        url = _ARXIV_URL.search(value)
        found = read_arxiv_id(value, url.end()) if url else None
    return found


def parse_doi(value: str) -> str | None:
    """The DOI in a field or URL ("https://doi.org/10.1/X" -> "10.1/X"), or None. In a
    publisher's page link the DOI stops before the page's own path and query:
    ".../doi/10.1002/central/CN-02364481/full" (Cochrane), ".../doi/10.1111/x.1/abstract"
    (Wiley until 2018).

    A DOI Google Scholar took from a page's link (and Publish or Perish exports) may still
    be escaped as the link had it, "10.1002/1098-2345%28200011%2952%3A3%3C133…", and may
    keep the page's suffix, "10.1638/2009-0160.1.short" (BioOne): the DOI is unescaped
    and the suffix dropped. A DOI written as a link's host that a URL parser took for an
    IPv4 address ("http://10.0.4.69/police/pav040") is read back ("10.1093/police/pav040").
    A link that gives the DOI as a parameter of its query (Scopus's record link,
    "…?eid=2-s2.0-1&doi=10.1007%2f978-3-030-30738-7_2&partnerID=40") gives it unescaped,
    without the parameters after it. What that DOI holds is read in turn (a link in a
    link's query, each escaped once more), in a loop: a damaged field of thousands of them
    is no call for each."""
    while "://" in value and (in_query := _DOI_IN_QUERY.search(value)):
        value = urllib.parse.unquote(in_query.group(1))
    found = _DOI.search(value)
    if not found:
        return _doi_from_address(value) if "://10." in value else None
    doi = found.group(1)
    if "://" in value:
        doi = _PAGE_TAIL.sub("", _QUERY.sub("", doi))
        if _SILVERCHAIR_PATH.search(value, 0, found.start()):
            without_tail = _SILVERCHAIR_TAIL.sub("", doi)
            doi = without_tail if "/" in without_tail else doi
        if _PREPRINT_SITE.search(value, 0, found.start()):
            preprint = _PREPRINT_DOI.match(doi)
            doi = preprint.group() if preprint else doi
    # unquote leaves a "%" that starts no escape as it is.
    doi = urllib.parse.unquote(doi)
    return _PAGE_SUFFIX.sub("", doi.rstrip(".,;)")) or None


_PAGE_SUFFIX = re.compile(r"\.(?:short|full)$")

# Silverchair's article links (Oxford Academic, GeoScienceWorld, MIT Press …) put the
# platform's own article number and the title's slug after the DOI:
# ".../article/doi/10.1785/0220250169/725511/Seismic-XR-Simulating-and-…".
_SILVERCHAIR_PATH = re.compile(r"/article(?:-abstract|-pdf)?/doi/$")
_SILVERCHAIR_TAIL = re.compile(r"/\d{5,9}(?:/[^/]*)?/?$")

# bioRxiv's and medRxiv's page links put the version, and a page's name, after the DOI:
# ".../content/10.1101/2021.03.20.436288v3", "...436288v1.full.pdf"; the DOI has neither, only
# the preprint's number, dated since December 2019 ("10.1101/857789" before).
_PREPRINT_SITE = re.compile(r"(?:bio|med)rxiv\.org/", re.I)
_PREPRINT_DOI = re.compile(r"10\.1101/(?:\d{4}\.\d\d\.\d\d\.)?\d{6,8}(?!\d)")

# A DOI a link gives as a parameter of its query, escaped, up to the next parameter:
# Scopus's record link "…record.uri?eid=2-s2.0-85078285406&doi=10.1007%2f978-3-030-30738-7_2
# &partnerID=40&md5=…", Embase's library link "…&id=doi:10.4103%2F2303-9027…&…".
_DOI_IN_QUERY = re.compile(r"[?&](?:doi=|id=doi:)(10\.\d{4,9}(?:/|%2f)[^&#\s]+)", re.I)

# A DOI that an export wrote as a link's host ("http://10.1093/police/pav040", as EBSCOhost
# gives it) and that a URL parser then read as an IPv4 address, its registrant code the
# address's last three bytes: "http://10.0.4.69/police/pav040" (real: an ASReview CSV of
# EBSCOhost records). 10.x.x.x is a private network's: no paper is there.
_DOI_AS_ADDRESS = re.compile(r"https?://10\.0\.(\d{1,3})\.(\d{1,3})/(\S+)", re.I)


def _doi_from_address(value: str) -> str | None:
    found = _DOI_AS_ADDRESS.fullmatch(value.strip())
    if not found:
        return None
    middle, low = int(found.group(1)), int(found.group(2))
    registrant = (middle << 8) + low  # below 65536: all of 4 digits, most of 5
    if middle > 255 or low > 255 or registrant < 1000:
        return None
    return f"10.{registrant}/{found.group(3)}"


# An id written after its label in free text: "arXiv preprint arXiv:2401.00001" (Google
# Scholar's venue), "Pages: arXiv:1708.02025" (Zotero).
# A venue that is only the paper's own arXiv id, as Zotero's older exports write their
# "journal" ("arXiv:2105.06458 [cs]") and Google Scholar's BibTeX ("arXiv preprint
# arXiv:2105.06458"). The category's brackets hold no "[": from each "[" of a long run after
# the id, "[^\]]*" went to the end of the venue looking for its "]" (quadratic).
_ARXIV_VENUE = re.compile(
    r"(?:arxiv\s+preprint\s+)?arxiv:\s*(?P<id>\S+?)(?:\s*\[[^\[\]]*\])?", re.I
)


# MDPI's pages give their source as the journal, year, volume and page ("Applied Sciences
# 2021, Vol. 11, Page 7725"): Mendeley and Zotero import that as the paper's journal.
_MDPI_SOURCE = re.compile(r"(?P<journal>.+?) (?:19|20)\d\d, Vol\. \d+, Pages? [\w.-]+")


# Other names the sources give arXiv as a venue, up to case: OpenAlex's "arXiv (Cornell
# University)", Semantic Scholar's and Consensus's "ArXiv", ProQuest's and Zotero's
# "arXiv.org", NASA ADS's "ArXiv e-prints".
_ARXIV_NAMES = frozenset(("arxiv (cornell university)", "arxiv", "arxiv.org", "arxiv e-prints"))
# arXiv named with the paper's primary category, "arXiv (cs.LG)"; and a script's label of
# where it found the paper after the venue, "… \u2014 Semantic Scholar" (a thesis scraper's
# JSON of Semantic Scholar's results: "arXiv (cs.LG) \u2014 Semantic Scholar").
_ARXIV_CATEGORY = re.compile(r"arxiv\s*\(\s*[a-z-]+(?:\.[a-z-]+)?\s*\)", re.I)
_FOUND_ON = re.compile(r"(?<!\s)\s+[\u2014\u2013-]\s*Semantic Scholar\s*\Z", re.I)
# A venue field that holds only a web address (a reference manager's "journal" filled with
# the project's page): no venue a reader can name.
_WEB_ADDRESS = re.compile(r"(?:https?://|www\.)\S+")


# IEEE Xplore's older conference names, turned round: "Robotics and Automation (ICRA), 2013
# IEEE International Conference on", "Engineering in Medicine and Biology Society, 2004.
# IEMBS '04. 26th Annual International Conference of the IEEE". Tried only on a venue of
# that ending and of a sane length: the pattern may try each ", <year>" of the venue.
_TURNED_ROUND_ENDINGS = (" on", " on the", " of the IEEE")
_TURNED_ROUND_LENGTH = 300
_TURNED_ROUND = re.compile(
    r"(?P<topic>[^,\d].*?), (?:(?P<year>(?:19|20)\d\d)\. (?P<acronym>[^.]+)\. )?"
    r"(?P<event>(?(year)|(?:19|20)\d\d\b).*)"
)


def venue_name(venue: str) -> str:
    """The venue a reader should see: "arXiv" for one that is only an arXiv id (a paper's
    id is no journal) or another name of arXiv (see _ARXIV_NAMES), the journal alone of
    MDPI's source line, none for a web address, IEEE's conference names turned round the
    right way ("2013 IEEE International Conference on Robotics and Automation (ICRA)"),
    else the venue as written, without a comma or semicolon a citation's next part was to
    follow (a RefWorks RIS's "JF  - Transactions of the Institute of British
    Geographers,"). A script's label of where it found the paper after any venue
    ("Nature \u2014 Semantic Scholar") is left out first."""
    if "semantic scholar" in venue.casefold():
        venue = _FOUND_ON.sub("", venue)
    stripped = venue.strip()
    if (
        stripped.casefold() in _ARXIV_NAMES
        or venue_arxiv_id(venue)
        or _ARXIV_CATEGORY.fullmatch(stripped)
    ):
        return "arXiv"
    if _WEB_ADDRESS.fullmatch(stripped):
        return ""
    if stripped.endswith(_TURNED_ROUND_ENDINGS) and len(stripped) < _TURNED_ROUND_LENGTH:
        turned = _TURNED_ROUND.fullmatch(stripped)
        if turned:
            named = f"{turned['event']} {turned['topic']}"
            return f"{named} ({turned['acronym']})" if turned["acronym"] else named
    source = _MDPI_SOURCE.fullmatch(stripped)
    return source.group("journal") if source else venue.rstrip().rstrip(",;")


def venue_arxiv_id(venue: str) -> str | None:
    """The arXiv id of a venue that is only that id ("arXiv preprint arXiv:2105.03824")."""
    found = _ARXIV_VENUE.fullmatch(venue.strip())
    return found.group("id") if found and parse_arxiv_field(found.group("id")) else None


_LABELLED_ARXIV = re.compile(r"arxiv:\s*(\S+)", re.I)


def labelled_arxiv_id(text: str) -> str | None:
    """The text after the first "arXiv:" label, as written, when it is an arXiv id."""
    found = _LABELLED_ARXIV.search(text)
    return found.group(1) if found and parse_arxiv_field(found.group(1)) else None


# arXiv's feed titles before 2024: "Title. (arXiv:2101.00001v2 [cs.CL] UPDATED)"; the id's
# part, from its "(arXiv:" to the end. Neither the id nor the category holds the "(" or "["
# the next try starts from: tried from each "(arXiv:" of a title of thousands, the id went
# on to the title's end (20,000 took minutes).
_OLD_FEED_ID = re.compile(
    r"\(arXiv:([^\s(]+?)(?:\s+\[[^\[\]]*\])?(?:\s+UPDATED|\s+CROSS LISTED)?\)\s*\Z"
)


def old_feed_title(title: str) -> tuple[str, str] | None:
    """An arXiv feed title of before 2024 as (the title, its arXiv id), or None.

    The first "(arXiv:" that the id's part matches from; the title is what comes before
    it, less its spaces and one full stop. (One pattern "(.*?)\\.?\\s*\\(arXiv:…" rescanned
    a long run of spaces at each of its positions: quadratic.)"""
    start = title.find("(arXiv:")
    while start >= 0:
        found = _OLD_FEED_ID.match(title, start)
        if found:
            return title[:start].rstrip().removesuffix("."), found.group(1)
        start = title.find("(arXiv:", start + 1)
    return None


# A PubMed record's page, on its new or old site.
_PUBMED_PAGE = re.compile(
    r"https?://(?:www\.)?(?:pubmed\.ncbi\.nlm\.nih\.gov|ncbi\.nlm\.nih\.gov/pubmed)/"
    r"(\d{1,9})(?:[/?#]|$)",
    re.I,
)


def pubmed_page_pmid(link: str) -> str | None:
    """The PMID of a link to a PubMed record's page ("https://pubmed.ncbi.nlm.nih.gov/
    37203701/", "http://www.ncbi.nlm.nih.gov/pubmed/9876543"), or None."""
    found = _PUBMED_PAGE.match(link.strip())
    return found.group(1) if found else None


# A library's EZproxy sends its readers to a page through its own login, the page's
# address after "url=" or "qurl=", as it is or percent-encoded ("https://ezp.sub.su.se/
# login?url=http://search.ebscohost.com/login.aspx?…", "https://login.proxy.library.uu.nl/
# login?qurl=http://ovidsp.ovid.com/…"): only that library's readers get through.
_PROXY_LOGIN = re.compile(r"https?://[^/?#\s]+/login\?q?url=(?=https?(:|%3A))", re.I)


def without_proxy_login(link: str) -> str:
    """The page a library's proxy login leads to (see _PROXY_LOGIN), else the link."""
    found = _PROXY_LOGIN.match(link)
    if not found:
        return link
    page = link[found.end() :]
    return page if found.group(1) == ":" else urllib.parse.unquote(page)


# Two addresses in one field. Dimensions joins its own page and the publisher's as BibTeX
# joins names ("https://app.dimensions.ai/… and http://…"); Mendeley keeps an item's
# addresses in one field with a space or an escaped line break between them, the "\\n"
# percent-encoded ("https://arxiv.org/pdf/1511.07289.pdf%5Cnhttp://arxiv.org/abs/1511.07289",
# "…%5Cnpapers2://publication/uuid/…": the address Papers gave an item it imported).
# A run of whitespace is tried from its start only: from each of its places, a long run
# not followed by an address would be scanned to its end again and again.
_ADDRESSES_JOINED = re.compile(
    r"(?:(?<!\s)\s+and\s+|(?<!\s)\s+|%5[Cc]n|\\n)(?=[a-z][a-z0-9+.-]*://)"
)


def split_addresses(value: str) -> list[str]:
    """The addresses a url field holds, the first the item's own; a DOI may be in another
    ("http://www.ncbi.nlm.nih.gov/pubmed/26229145 http://jnm.snmjournals.org/cgi/doi/10…").
    Paths without a host before a whole address are no addresses: Mendeley keeps PubMed
    Central's own links to a page before its address ("/pmc/articles/PMC4209487/
    /pmc/articles/PMC4209487/?report=abstract https://www.ncbi.nlm.nih.gov/pmc/…")."""
    addresses = [address for address in _ADDRESSES_JOINED.split(value) if address]
    if len(addresses) > 1 and addresses[0].startswith("/"):
        return addresses[1:]
    return addresses


def doi_in_addresses(addresses: list[str]) -> str | None:
    """The first DOI that one of these addresses holds."""
    return next((doi for address in addresses if (doi := parse_doi(address))), None)
