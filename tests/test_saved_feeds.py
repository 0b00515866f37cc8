"""RSS and Atom feeds saved to a file: arXiv's listing feeds and arXiv API answers."""

from __future__ import annotations

from pathlib import Path

import pytest

from digest.loading import load_papers
from digest.models import Corpus, Paper
from digest.readers import sniff_format
from digest.readers.saved_feeds import html_to_text, parse_feed

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "loading"


def load(name: str) -> Corpus:
    with pytest.MonkeyPatch.context() as mp:
        mp.chdir(FIXTURES)
        return load_papers([Path(name)])


def by_id(corpus: Corpus, arxiv_id: str) -> Paper:
    [paper] = [p for p in corpus.papers if p.arxiv_id == arxiv_id]
    return paper


@pytest.mark.parametrize(
    ("name", "fmt"),
    [("arxiv_rss.xml", "rss"), ("arxiv_atom.xml", "atom"), ("arxiv_api.xml", "atom")],
)
def test_feeds_are_recognised_by_content(name: str, fmt: str) -> None:
    assert sniff_format((FIXTURES / name).read_text(encoding="utf-8")).name == fmt


def test_arxiv_rss_description_gives_id_version_type_and_abstract() -> None:
    corpus = load("arxiv_rss.xml")
    paper = by_id(corpus, "2411.10001")
    assert paper.arxiv_version == 1
    assert paper.abstract.startswith("Long-context language models can answer questions")
    assert "Announce Type" not in paper.abstract and "arXiv:" not in paper.abstract
    assert "fewer than 5% of all heads" in paper.abstract
    assert paper.authors == ("Ana Lima", "Kofi Mensah", "Wei Zhang", "Sofia Rossi")
    assert dict(paper.metadata) == {"announce type": "new", "categories": "cs.CL cs.AI"}
    assert [s.line for s in paper.sources] == [12]


def test_escaped_markup_in_a_plain_description_stays_text() -> None:
    paper = by_id(load("arxiv_rss.xml"), "2411.09876")
    assert paper.abstract.endswith("12% of utterances & keeps <5% of pitch.")


def test_every_announce_type_is_read_and_an_empty_replacement_is_skipped() -> None:
    corpus = load("arxiv_rss.xml")
    types = sorted(dict(p.metadata)["announce type"] for p in corpus.papers)
    assert types == ["cross", "new", "replace-cross"]
    [skipped] = corpus.skipped
    assert (skipped.line, skipped.excerpt) == (
        36,
        "arXiv:2403.05555v3 A Benchmark for Multilingual Instruction Following",
    )
    assert skipped.reason.startswith("no abstract")
    assert skipped.notice  # a replacement, as arXiv sends it


def test_arxiv_atom_feed() -> None:
    corpus = load("arxiv_atom.xml")
    assert [(p.arxiv_id, p.arxiv_version, s.line) for p in corpus.papers for s in p.sources] == [
        ("2411.10001", 1, 8),
        ("2403.05555", 3, 26),
    ]
    assert corpus.papers[0].authors == ("Ana Lima", "Kofi Mensah")
    assert corpus.papers[0].url == "https://arxiv.org/abs/2411.10001"


def test_arxiv_api_answer_keeps_doi_comment_and_rejoins_wrapped_summary() -> None:
    corpus = load("arxiv_api.xml")
    rag = by_id(corpus, "2005.11401")
    assert rag.arxiv_version == 4
    assert rag.title == "Retrieval-Augmented Generation for Knowledge-Intensive NLP Tasks"
    assert "store factual knowledge in their parameters" in rag.abstract
    assert dict(rag.metadata)["comments"] == "Accepted at NeurIPS 2020"
    assert rag.authors == ("Patrick Lewis", "Ethan Perez")
    realm = by_id(corpus, "2002.08909")
    assert realm.doi == "10.5555/3524938.3525306"


def test_api_error_entry_is_reported() -> None:
    text = (
        '<?xml version="1.0"?>\n<feed xmlns="http://www.w3.org/2005/Atom">\n'
        "  <entry>\n    <id>http://arxiv.org/api/errors#incorrect_id_format_for_1234</id>\n"
        "    <title>Error</title>\n    <summary>incorrect id format for 1234</summary>\n"
        "  </entry>\n</feed>\n"
    )
    parsed = parse_feed(text)
    assert parsed.records == ()
    assert [(p.line, p.reason) for p in parsed.problems] == [
        (3, "arXiv API error: incorrect id format for 1234")
    ]


def test_old_style_html_description_becomes_text() -> None:
    text = (
        '<?xml version="1.0"?>\n<rss version="2.0"><channel>\n<item>\n<title>T</title>\n'
        "<description>&lt;p&gt;We show &lt;b&gt;this&lt;/b&gt; works.&lt;/p&gt;"
        "&lt;script&gt;alert(1)&lt;/script&gt;</description>\n</item>\n</channel></rss>\n"
    )
    [record] = parse_feed(text).records
    assert record.abstract == "We show this works."
    assert record.line == 3


def test_html_to_text_keeps_plain_text() -> None:
    assert html_to_text("a &lt; b &amp; c") == "a < b & c"


def test_broken_xml_is_skipped_with_its_line(tmp_path: Path) -> None:
    path = tmp_path / "broken.xml"
    path.write_text(
        '<?xml version="1.0"?>\n<rss version="2.0"><channel>\n<item><title>T</item>\n',
        encoding="utf-8",
    )
    ok = tmp_path / "ok.jsonl"
    ok.write_text('{"abstract": "We show things."}\n', encoding="utf-8")
    corpus = load_papers([tmp_path])
    [skipped] = corpus.skipped
    assert (skipped.path, skipped.line) == (path.as_posix(), 3)
    assert skipped.reason.startswith("not well-formed XML")
    assert len(corpus.papers) == 1


@pytest.mark.parametrize(
    "doctype",
    [
        '<!DOCTYPE rss [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]>',
        '<!DOCTYPE rss [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>',
    ],
)
def test_entities_are_never_expanded_or_fetched(doctype: str) -> None:
    text = (
        f'<?xml version="1.0"?>\n{doctype}\n<rss version="2.0"><channel><item>'
        "<description>&lol2; &xxe;</description></item></channel></rss>\n"
    )
    parsed = parse_feed(text)
    assert parsed.records == ()
    [problem] = parsed.problems
    assert "not read for safety" in problem.reason


def test_a_stray_control_character_does_not_lose_the_feed() -> None:
    text = (
        '<?xml version="1.0"?>\n<rss version="2.0"><channel>\n<item><title>T</title>\n'
        "<description>We show\x18 that it works.</description></item>\n</channel></rss>\n"
    )
    [record] = parse_feed(text).records
    assert record.abstract == "We show that it works."


def test_a_feed_saved_as_utf16_with_its_declaration_still_loads(tmp_path: Path) -> None:
    text = (FIXTURES / "arxiv_atom.xml").read_text(encoding="utf-8")
    text = text.replace("encoding='UTF-8'", "encoding='UTF-16'")
    (tmp_path / "feed.xml").write_bytes(text.encode("utf-16"))
    corpus = load_papers([tmp_path])
    assert (corpus.files[0].format, corpus.files[0].encoding) == ("atom", "utf-16")
    assert [p.arxiv_id for p in corpus.papers] == ["2411.10001", "2403.05555"]


def test_old_arxiv_rss_1_0_with_html_abstracts() -> None:
    text = (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" '
        'xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">\n'
        '<channel rdf:about="http://arxiv.org/rss/cs.CL"><title>cs.CL</title></channel>\n'
        '<item rdf:about="http://arxiv.org/abs/2101.00001">\n'
        "<title>A Paper. (arXiv:2101.00001v2 [cs.CL] UPDATED)</title>\n"
        "<link>http://arxiv.org/abs/2101.00001</link>\n"
        '<description rdf:parseType="Literal">&lt;p&gt;We show that it works.&lt;/p&gt;'
        "</description>\n"
        '<dc:creator> &lt;a href="http://arxiv.org/find/cs/1/au:+Lima_A/0/1/0/all/0/1"&gt;'
        'Ana Lima&lt;/a&gt;, &lt;a href="http://arxiv.org/a/mensah_k_1"&gt;Kofi Mensah&lt;/a&gt;'
        "</dc:creator>\n</item>\n</rdf:RDF>\n"
    )
    assert sniff_format(text).name == "rss"
    [record] = parse_feed(text).records
    assert (record.line, record.abstract) == (4, "We show that it works.")
    assert record.authors == ("Ana Lima", "Kofi Mensah")
    assert record.url == "http://arxiv.org/abs/2101.00001"
    assert (record.title, record.arxiv) == ("A Paper", "2101.00001v2")
