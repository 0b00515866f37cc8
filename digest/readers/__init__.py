"""The readers: one module per family of input formats, and the table that picks one.

Each reader has `looks_like_x(text) -> bool` (judged by content: the extension is only a hint)
and `parse_x(text) -> Parsed` (Records and Problems, see digest/readers/records.py). Readers
only split and label; loading (digest/loading.py) cleans, merges and accounts, the same for
every format. Adding a format is adding one module here, one row to `FORMATS`, and one
fixture under tests/fixtures/.
"""

from __future__ import annotations

from dataclasses import replace

from digest.readers.arxiv_list_pages import (
    looks_like_arxiv_list_page,
    looks_like_arxiv_search_page,
    parse_arxiv_list_page,
    parse_arxiv_search_page,
)
from digest.readers.arxiv_listing import looks_like_arxiv_listing, parse_arxiv_listing
from digest.readers.arxiv_pages import looks_like_arxiv_page
from digest.readers.bibtex import looks_like_bibtex, parse_bibtex
from digest.readers.cnki_custom import looks_like_cnki_custom, parse_cnki_custom
from digest.readers.cochrane_text import looks_like_cochrane_text, parse_cochrane_text
from digest.readers.crossref_xml import looks_like_crossref_xml, parse_crossref_xml
from digest.readers.csl_yaml import looks_like_csl_yaml, parse_csl_yaml
from digest.readers.datacite_xml import looks_like_datacite_xml, parse_datacite_xml
from digest.readers.dspace_archive import looks_like_dspace_archive, parse_dspace_archive
from digest.readers.endnote_xml import looks_like_endnote_xml, parse_endnote_xml
from digest.readers.europe_pmc_xml import looks_like_europe_pmc_xml, parse_europe_pmc_xml
from digest.readers.ieee_text import looks_like_ieee_text, parse_ieee_text
from digest.readers.jats import looks_like_jats_article, parse_jats
from digest.readers.json_documents import looks_like_json, looks_like_jsonl, parse_json, parse_jsonl
from digest.readers.mail import looks_like_gmail_json, looks_like_mail, parse_gmail_json, parse_mail
from digest.readers.medline import looks_like_medline, parse_medline
from digest.readers.mods import looks_like_mods, parse_mods
from digest.readers.ncbi_alerts import looks_like_ncbi_alert, parse_ncbi_alert
from digest.readers.noteexpress import looks_like_noteexpress, parse_noteexpress
from digest.readers.oai_pmh import looks_like_oai_pmh, parse_oai_pmh
from digest.readers.ovid import (
    looks_like_ovid,
    looks_like_ovid_labelled,
    parse_ovid,
    parse_ovid_labelled,
)
from digest.readers.pasted import (
    looks_like_markdown,
    looks_like_notes,
    parse_arxiv_page,
    parse_markdown,
    parse_notes,
)
from digest.readers.plaintext import looks_like_text, parse_text
from digest.readers.proquest import looks_like_proquest, parse_proquest
from digest.readers.pubmed_text import (
    looks_like_pmid_list,
    looks_like_pubmed_text,
    parse_pmid_list,
    parse_pubmed_text,
)
from digest.readers.pubmed_xml import looks_like_pubmed_xml, parse_pubmed_xml
from digest.readers.records import Format, Parsed
from digest.readers.refer import looks_like_refer, parse_refer
from digest.readers.refworks import looks_like_refworks, parse_refworks
from digest.readers.ris import looks_like_ris, parse_ris
from digest.readers.saved_feeds import looks_like_atom, looks_like_rss, parse_feed
from digest.readers.scholar_alerts import looks_like_scholar_alert, parse_scholar_alert
from digest.readers.sciencedirect import looks_like_sciencedirect, parse_sciencedirect
from digest.readers.scopus_text import looks_like_scopus_text, parse_scopus_text
from digest.readers.tabular import looks_like_csv, parse_csv
from digest.readers.unread_formats import (
    looks_like_hayagriva,
    looks_like_other_xml,
    looks_like_word_sources,
    parse_hayagriva,
    parse_other_xml,
    parse_word_sources,
)
from digest.readers.web_of_science import looks_like_web_of_science, parse_web_of_science
from digest.readers.web_pages import looks_like_web_page, parse_web_page, preformatted_text
from digest.readers.zotero_rdf import looks_like_zotero_rdf, parse_zotero_rdf
from digest.readers.zotero_report import looks_like_zotero_report, parse_zotero_report

# Readers a page's preformatted text may call for that take any text: such a page is an
# article's page or none, for the saved-page reader to say.
_ANY_TEXT = frozenset({"markdown", "arxiv-paste", "notes", "csv", "text", "other-xml"})


def _looks_preformatted(text: str) -> bool:
    """A saved page whose preformatted text is an export's (see web_pages.preformatted_text)."""
    inner = preformatted_text(text)
    return inner is not None and _sniffed(inner).name not in _ANY_TEXT


def _read_preformatted(text: str) -> Parsed:
    return _read_by_content(preformatted_text(text) or text)


# Recognised by content, most specific first; plain text takes whatever is left. The arXiv
# listing comes before CSV because a listing's mail headers may hold commas; it is
# recognised by its `\\ ( https://arxiv…` trailers, which nothing else has.
FORMATS: tuple[Format, ...] = (
    Format("zotero-rdf", looks_like_zotero_rdf, parse_zotero_rdf),  # before RSS 1.0 (RDF)
    Format("pubmed-xml", looks_like_pubmed_xml, parse_pubmed_xml),
    Format("jats", looks_like_jats_article, parse_jats),
    Format("endnote-xml", looks_like_endnote_xml, parse_endnote_xml),
    Format("oai-pmh", looks_like_oai_pmh, parse_oai_pmh),
    Format("datacite-xml", looks_like_datacite_xml, parse_datacite_xml),  # after OAI-PMH
    Format("crossref-xml", looks_like_crossref_xml, parse_crossref_xml),
    Format("europe-pmc-xml", looks_like_europe_pmc_xml, parse_europe_pmc_xml),
    Format("mods", looks_like_mods, parse_mods),  # after OAI-PMH, which may carry MODS
    Format("dspace-archive", looks_like_dspace_archive, parse_dspace_archive),
    Format("word-sources", looks_like_word_sources, parse_word_sources),  # refused: no abstracts
    Format("rss", looks_like_rss, parse_feed),
    Format("atom", looks_like_atom, parse_feed),
    # Its lines open with a "{": before JSON, which would call the file broken JSON.
    Format("noteexpress", looks_like_noteexpress, parse_noteexpress),
    Format("jsonl", looks_like_jsonl, parse_jsonl),
    Format("json", looks_like_json, parse_json),
    # Before the Markdown and plain-text readers, which would take its lines one by one.
    Format("csl-yaml", looks_like_csl_yaml, parse_csl_yaml),
    Format("hayagriva", looks_like_hayagriva, parse_hayagriva),  # refused: say what to pass
    # ProQuest's text report may end with its documents as BibTeX ("Bibliography").
    Format("proquest", looks_like_proquest, parse_proquest),
    Format("bibtex", looks_like_bibtex, parse_bibtex),
    Format("ris", looks_like_ris, parse_ris),
    Format("ovid", looks_like_ovid, parse_ovid),  # Ovid's RIS has TY lines, this not
    Format("ovid-labelled", looks_like_ovid_labelled, parse_ovid_labelled),
    Format("medline", looks_like_medline, parse_medline),
    Format("cnki-custom", looks_like_cnki_custom, parse_cnki_custom),
    Format("web-of-science", looks_like_web_of_science, parse_web_of_science),
    Format("endnote-tagged", looks_like_refer, parse_refer),
    Format("refworks", looks_like_refworks, parse_refworks),
    Format("cochrane-text", looks_like_cochrane_text, parse_cochrane_text),
    Format("sciencedirect", looks_like_sciencedirect, parse_sciencedirect),
    Format("ieee-text", looks_like_ieee_text, parse_ieee_text),
    Format("scopus-text", looks_like_scopus_text, parse_scopus_text),
    Format("pubmed-text", looks_like_pubmed_text, parse_pubmed_text),
    Format("pmid-list", looks_like_pmid_list, parse_pmid_list),
    Format("arxiv-listing", looks_like_arxiv_listing, parse_arxiv_listing),
    # What people paste: before CSV, as a Markdown table or a copied page may hold commas.
    # A Google Scholar alert before notes, which would take its link lines for records.
    Format("scholar-alert", looks_like_scholar_alert, parse_scholar_alert),
    Format("ncbi-alert", looks_like_ncbi_alert, parse_ncbi_alert),  # before text: its HTML
    # A page showing an export as text (legacy PubMed's XML display): read as that export.
    Format("saved-text-page", _looks_preformatted, _read_preformatted),
    # Zotero's report is an HTML document too: before the saved page, which would refuse it.
    Format("zotero-report", looks_like_zotero_report, parse_zotero_report),
    # Saved arXiv listing and search pages: before the saved article page, which would
    # refuse them.
    Format("arxiv-list-page", looks_like_arxiv_list_page, parse_arxiv_list_page),
    Format("arxiv-search-page", looks_like_arxiv_search_page, parse_arxiv_search_page),
    # A saved article page: after the alerts, whose HTML is an alert's, not an article's.
    Format("web-page", looks_like_web_page, parse_web_page),
    # After every reader of XML and HTML: an XML document none of them took is refused,
    # not read line by line as text.
    Format("other-xml", looks_like_other_xml, parse_other_xml),
    Format("markdown", looks_like_markdown, parse_markdown),
    Format("arxiv-paste", looks_like_arxiv_page, parse_arxiv_page),
    Format("notes", looks_like_notes, parse_notes),
    Format("csv", looks_like_csv, parse_csv),
    Format("text", looks_like_text, parse_text),
)


def _sniffed(text: str) -> Format:
    return next(fmt for fmt in FORMATS if fmt.looks_like(text))


def _read_by_content(text: str) -> Parsed:
    """A mail's body or a page's preformatted text, read by the reader its content calls for
    (never as a mail again: a body is no file of headers, and a message inside a message
    inside… has no end)."""
    fmt = _sniffed(text)
    parsed = fmt.parse(text)
    return replace(parsed, format=parsed.format or fmt.name)


# A saved e-mail or mbox: its headers open the file, which nothing else's do.
MAIL = Format(
    "email",
    looks_like_mail,
    lambda text: parse_mail(text, _read_by_content),
    lambda text, encoding: parse_mail(text, _read_by_content, encoding),
)


# Mails as the Gmail API answers with them (JSON), read as saved mails are.
GMAIL_JSON = Format(
    "gmail-json", looks_like_gmail_json, lambda text: parse_gmail_json(text, _read_by_content)
)


def sniff_format(text: str) -> Format:
    """The format of a file, judged by its content."""
    if MAIL.looks_like(text):
        return MAIL
    if GMAIL_JSON.looks_like(text):
        return GMAIL_JSON
    return _sniffed(text)
