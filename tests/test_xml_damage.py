"""A damaged XML export keeps its whole records: one bad record never sinks the rest.

Each XML format gets a small file of four papers written here, then cut short inside the
third record (an interrupted download) or broken inside the second (a bare `&`, an
unclosed tag). The records read whole are kept; the damage is reported once, on its line,
with what to do. The safety of issue 18 holds on the damaged path too.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from digest.loading import load_papers
from digest.models import Corpus

NUMBERS = (1, 2, 3, 4)


def title(n: int) -> str:
    return f"Paper {n} on sleep and memory"


def abstract(n: int) -> str:
    return (
        f"We followed {n}00 adults for two years and measured how sleep length changed "
        f"recall of word lists, finding an effect in cohort {n}."
    )


def pubmed(titles: list[str]) -> str:
    articles = "".join(
        f"<PubmedArticle><MedlineCitation><PMID>3100000{n}</PMID><Article><ArticleTitle>{t}"
        f"</ArticleTitle><Abstract><AbstractText>{abstract(n)}</AbstractText></Abstract>"
        "</Article></MedlineCitation></PubmedArticle>\n"
        for n, t in zip(NUMBERS, titles, strict=True)
    )
    return (
        '<?xml version="1.0" ?>\n<!DOCTYPE PubmedArticleSet PUBLIC "-//NLM//DTD PubMedArticle, '
        '1st January 2025//EN" "https://dtd.nlm.nih.gov/ncbi/pubmed/out/pubmed_250101.dtd">\n'
        f"<PubmedArticleSet>\n{articles}</PubmedArticleSet>\n"
    )


def endnote(titles: list[str]) -> str:
    """On one line, as EndNote writes it."""
    style = '<style face="normal" font="default" size="100%">{}</style>'
    records = "".join(
        f'<record><rec-number>{n}</rec-number><ref-type name="Journal Article">17</ref-type>'
        f"<titles><title>{style.format(t)}</title></titles>"
        f"<abstract>{style.format(abstract(n))}</abstract></record>"
        for n, t in zip(NUMBERS, titles, strict=True)
    )
    return f'<?xml version="1.0" encoding="UTF-8" ?><xml><records>{records}</records></xml>'


def zotero(titles: list[str]) -> str:
    items = "".join(
        f'    <bib:Article rdf:about="#item_{n}">\n'
        "        <z:itemType>journalArticle</z:itemType>\n"
        '        <dcterms:isPartOf rdf:resource="urn:issn:1234-5678"/>\n'
        f"        <dc:title>{t}</dc:title>\n"
        f"        <dcterms:abstract>{abstract(n)}</dcterms:abstract>\n"
        "    </bib:Article>\n"
        for n, t in zip(NUMBERS, titles, strict=True)
    )
    return (
        '<rdf:RDF\n xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"\n'
        ' xmlns:z="http://www.zotero.org/namespaces/export#"\n'
        ' xmlns:dcterms="http://purl.org/dc/terms/"\n xmlns:bib="http://purl.org/net/biblio#"\n'
        ' xmlns:dc="http://purl.org/dc/elements/1.1/">\n'
        f"{items}"
        '    <bib:Journal rdf:about="urn:issn:1234-5678">\n'
        "        <dc:title>Sleep Research</dc:title>\n    </bib:Journal>\n</rdf:RDF>\n"
    )


def mods(titles: list[str]) -> str:
    """As the ACL Anthology and bibutils write it, one element a line."""
    records = "".join(
        f'<mods ID="paper-{n}">\n<titleInfo>\n<title>{t}</title>\n</titleInfo>\n'
        f"<abstract>{abstract(n)}</abstract>\n</mods>\n"
        for n, t in zip(NUMBERS, titles, strict=True)
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f'<modsCollection xmlns="http://www.loc.gov/mods/v3">\n{records}</modsCollection>\n'
    )


def rss(titles: list[str]) -> str:
    items = "".join(
        f"<item>\n<title>{t}</title>\n<link>https://example.org/{n}</link>\n"
        f"<description>{abstract(n)}</description>\n</item>\n"
        for n, t in zip(NUMBERS, titles, strict=True)
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"><channel>\n'
        f"<title>Saved alerts</title>\n{items}</channel></rss>\n"
    )


def atom(titles: list[str]) -> str:
    """As arXiv's API answers."""
    entries = "".join(
        f"  <entry>\n    <id>http://arxiv.org/abs/2401.0000{n}v1</id>\n    <title>{t}</title>\n"
        f"    <summary>{abstract(n)}</summary>\n"
        "    <author><name>Ana Lima</name></author>\n  </entry>\n"
        for n, t in zip(NUMBERS, titles, strict=True)
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom">\n'
        f"  <title>arXiv Query</title>\n{entries}</feed>\n"
    )


WRITERS: dict[str, tuple[str, Callable[[list[str]], str]]] = {
    "pubmed-xml": ("pubmed.xml", pubmed),
    "endnote-xml": ("endnote.xml", endnote),
    "zotero-rdf": ("zotero.rdf", zotero),
    "mods": ("mods.xml", mods),
    "rss": ("feed.xml", rss),
    "atom": ("arxiv.xml", atom),
}
FORMATS = pytest.mark.parametrize("fmt", list(WRITERS))


def load_text(tmp_path: Path, fmt: str, text: str) -> tuple[Corpus, str]:
    path = tmp_path / WRITERS[fmt][0]
    path.write_text(text, encoding="utf-8")
    ok = tmp_path / "other.jsonl"  # another file of the same folder is read as ever
    ok.write_text('{"title": "Other", "abstract": "We read another file whole."}\n')
    corpus = load_papers([tmp_path])
    assert {f.path: f.format for f in corpus.files}[path.as_posix()] == fmt
    return corpus, path.as_posix()


def line_of(text: str, offset: int) -> int:
    return text.count("\n", 0, offset) + 1


def titles_of(corpus: Corpus) -> list[str | None]:
    return [p.title for p in corpus.papers if p.title != "Other"]


@FORMATS
def test_the_whole_file_is_read_as_before(fmt: str, tmp_path: Path) -> None:
    corpus, _ = load_text(tmp_path, fmt, WRITERS[fmt][1]([title(n) for n in NUMBERS]))
    assert titles_of(corpus) == [title(n) for n in NUMBERS]
    assert corpus.skipped == ()


@FORMATS
def test_a_file_cut_inside_a_record_keeps_the_records_before(fmt: str, tmp_path: Path) -> None:
    whole = WRITERS[fmt][1]([title(n) for n in NUMBERS])
    text = whole[: whole.index(abstract(3)) + 20]  # the download stopped in the third record
    corpus, path = load_text(tmp_path, fmt, text)
    assert titles_of(corpus) == [title(1), title(2)]
    assert "Other" in [p.title for p in corpus.papers]
    [skipped] = corpus.skipped
    record_start = max(text.rfind(tag, 0, whole.index(title(3))) for tag in TAGS)
    assert (skipped.path, skipped.line) == (path, line_of(text, record_start))
    assert skipped.reason == (
        f"the file ends inside a record, which is left out: download or save the {WHAT[fmt]} again"
    )
    assert not skipped.notice  # --strict fails on it


TAGS = ("<PubmedArticle>", "<record>", "<bib:Article", "<mods ", "<item>", "<entry>")
WHAT = {
    "pubmed-xml": "PubMed export",
    "endnote-xml": "EndNote export",
    "zotero-rdf": "Zotero export",
    "mods": "MODS export",
    "rss": "feed",
    "atom": "feed",
}


@FORMATS
@pytest.mark.parametrize(
    ("damage", "expat"),
    [("AT&T", "invalid token"), ("<i>italic", "mismatched tag"), ("&nbsp;", "undefined entity")],
)
def test_a_malformed_record_in_the_middle_is_left_out_alone(
    fmt: str, damage: str, expat: str, tmp_path: Path
) -> None:
    bad = f"{title(2)} {damage}"
    text = WRITERS[fmt][1]([title(1), bad, title(3), title(4)])
    corpus, path = load_text(tmp_path, fmt, text)
    assert titles_of(corpus) == [title(1), title(3), title(4)]
    [skipped] = corpus.skipped
    assert (skipped.path, skipped.line) == (path, line_of(text, text.index(bad)))
    assert skipped.reason.startswith(f"not well-formed XML ({expat}")
    assert " is left out; fix it or save the " in skipped.reason


def test_the_column_is_the_files_own_on_a_one_line_export(tmp_path: Path) -> None:
    text = endnote([title(1), title(2), f"{title(3)} R & D", title(4)])
    corpus, _ = load_text(tmp_path, "endnote-xml", text)
    [skipped] = corpus.skipped
    column = text.index("R & D") + len("R &")  # expat points past the bare "&"
    assert f"(invalid token at column {column})" in skipped.reason
    assert titles_of(corpus) == [title(1), title(2), title(4)]


def test_a_record_whose_end_tag_is_missing_keeps_the_records_after_it(tmp_path: Path) -> None:
    whole = pubmed([title(n) for n in NUMBERS])
    second = whole.index("<PubmedArticle>", whole.index(title(2)) - 200)
    end = whole.index("</PubmedArticle>", second)
    text = whole[:end] + whole[end + len("</PubmedArticle>") :]
    corpus, _ = load_text(tmp_path, "pubmed-xml", text)
    assert titles_of(corpus) == [title(1), title(3), title(4)]
    [skipped] = corpus.skipped
    assert skipped.reason.startswith("not well-formed XML (mismatched tag")
    assert f"the record from line {line_of(text, second)} is left out" in skipped.reason


def test_a_file_cut_between_records_says_records_may_be_missing(tmp_path: Path) -> None:
    whole = rss([title(n) for n in NUMBERS])
    text = whole[: whole.index("<item>", whole.index(title(2)))]
    corpus, _ = load_text(tmp_path, "rss", text)
    assert titles_of(corpus) == [title(1), title(2)]
    [skipped] = corpus.skipped
    assert skipped.reason.startswith("the file ends early (no closing tag), records may be")


def test_damage_in_every_record_reports_each_and_keeps_the_whole_ones(tmp_path: Path) -> None:
    text = atom([f"{title(1)} &", title(2), f"{title(3)} <b>", title(4)])
    corpus, _ = load_text(tmp_path, "atom", text)
    assert titles_of(corpus) == [title(2), title(4)]
    assert [s.line for s in corpus.skipped] == [line_of(text, text.index(title(n))) for n in (1, 3)]


def test_damage_before_the_first_record_still_loses_the_file(tmp_path: Path) -> None:
    whole = rss([title(n) for n in NUMBERS])
    text = whole.replace("<title>Saved alerts</title>", "<title>Saved & alerts</title>")
    corpus, _ = load_text(tmp_path, "rss", text)
    assert titles_of(corpus) == []
    [skipped] = corpus.skipped
    column = text.index("& alerts") - text.rindex("\n", 0, text.index("& alerts"))  # after "&"
    assert (skipped.line, skipped.reason) == (
        3,
        f"not well-formed XML (invalid token at column {column}); save the feed again or fix "
        "the file",
    )


def test_damage_over_and_over_stops_reading_instead_of_parsing_the_prolog_again(
    tmp_path: Path,
) -> None:
    """Each stretch after damage is parsed behind the file's prolog: a huge prolog and a
    broken record after every few bytes would make that quadratic."""
    items = "".join(f"<item><title>{n} &</title></item>\n" for n in range(200))
    channel = "<description>" + "long " * 2000 + "</description>\n"
    text = f'<rss version="2.0"><channel>\n{channel}{items}</channel></rss>\n'
    corpus, _ = load_text(tmp_path, "rss", text)
    assert titles_of(corpus) == []
    assert corpus.skipped[-1].reason.startswith("damaged again and again: the rest of the file")
    assert len(corpus.skipped) < 200


# --- the damaged path is as safe as the whole one ----------------------------------------------


BOMB = (
    '<!DOCTYPE PubmedArticleSet [<!ENTITY a "aaaaaaaaaa">'
    '<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">'
    '<!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;"><!ENTITY e "&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;">]>'
)


@pytest.mark.parametrize("cut", [True, False])
def test_billion_laughs_in_a_damaged_file_is_refused_whole(cut: bool, tmp_path: Path) -> None:
    whole = pubmed([title(1), f"{title(2)} &e;", title(3), title(4)])
    text = whole.replace('<!DOCTYPE PubmedArticleSet PUBLIC "-//NLM', "<!-- -//NLM", 1)
    text = text.replace('pubmed_250101.dtd">', f"pubmed_250101.dtd -->{BOMB}", 1)
    if cut:
        text = text[: text.index(abstract(3))]
    corpus, _ = load_text(tmp_path, "pubmed-xml", text)
    assert titles_of(corpus) == []
    [skipped] = corpus.skipped
    assert "not read for safety" in skipped.reason
    assert "aaaaaaaaaa" not in str(corpus)


def test_an_external_entity_in_a_cut_file_is_never_read(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("the password is swordfish")
    (tmp_path / "in").mkdir()
    doctype = f'<!DOCTYPE rss [<!ENTITY xxe SYSTEM "{secret.as_uri()}">]>'
    whole = rss([title(1), f"{title(2)} &xxe;", title(3), title(4)])
    text = whole.replace("<rss ", f"{doctype}\n<rss ", 1)
    text = text[: text.index(abstract(3))]
    corpus, _ = load_text(tmp_path / "in", "rss", text)
    assert titles_of(corpus) == []
    assert "not read for safety" in corpus.skipped[0].reason
    assert "swordfish" not in str(corpus)


def test_an_undeclared_entity_after_the_damage_is_not_resolved(tmp_path: Path) -> None:
    """A stretch read after damage is still parsed by defusedxml: an entity it does not
    know leaves its record out, and nothing is fetched."""
    text = zotero([f"{title(1)} <i>", f"{title(2)} &xxe;", title(3), title(4)])
    corpus, _ = load_text(tmp_path, "zotero-rdf", text)
    assert titles_of(corpus) == [title(3), title(4)]
    assert [s.reason.split(" at ")[0] for s in corpus.skipped] == [
        "not well-formed XML (mismatched tag",
        "not well-formed XML (undefined entity",
    ]


def test_deep_nesting_in_a_cut_file_is_read_without_recursion(tmp_path: Path) -> None:
    depth = 100_000
    whole = endnote([title(n) for n in NUMBERS])
    cut = whole.index("</abstract>", whole.index(abstract(2))) + len("</abstract>")
    text = whole[:cut] + "<x>" * depth + "</x>" * depth + whole[cut:]
    text = text[: text.index(abstract(4)) + 10]
    corpus, _ = load_text(tmp_path, "endnote-xml", text)
    assert titles_of(corpus) == [title(1), title(2), title(3)]
    [skipped] = corpus.skipped
    assert skipped.reason.startswith("the file ends inside a record")


def test_a_damaged_feed_keeps_its_channels_journal(tmp_path: Path) -> None:
    text = rss([title(1), f"{title(2)} &", title(3), title(4)]).replace(
        '<rss version="2.0"><channel>',
        '<rss version="2.0" xmlns:prism="http://prismstandard.org/namespaces/basic/2.0/">'
        "<channel><prism:publicationName>Sleep Research</prism:publicationName>",
    )
    corpus, _ = load_text(tmp_path, "rss", text)
    assert titles_of(corpus) == [title(1), title(3), title(4)]
    assert {p.venue for p in corpus.papers if p.title != "Other"} == {"Sleep Research"}
