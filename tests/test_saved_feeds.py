"""RSS and Atom feeds saved to a file: arXiv's listing feeds and arXiv API answers."""

from __future__ import annotations

from pathlib import Path

import pytest

from digest.loading import load_papers
from digest.models import Corpus, Paper
from digest.readers import sniff_format
from digest.readers.records import Record
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


def test_atom_entry_whose_id_is_a_doi_keeps_it(tmp_path: Path) -> None:
    # PLOS's Atom feeds: the entry id is "info:doi/…", the link an escaped page address.
    (tmp_path / "plos.atom").write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom">\n'
        "<title>PLOS ONE Alerts: New Articles</title>\n<entry>\n"
        "<id>info:doi/10.1371/journal.pone.0012303</id>\n"
        "<title>Transmission of single HIV-1 genomes</title>\n"
        "<author><name>Wendy Fischer</name></author>\n"
        '<link rel="alternate" href="https://journals.plos.org/plosone/article?'
        'id=info%3Adoi%2F10.1371%2Fjournal.pone.0012303"/>\n'
        '<content type="html">&lt;p&gt;We followed the transmitted genomes and their escape '
        "from the first immune responses over many weeks.&lt;/p&gt;</content>\n"
        "</entry>\n</feed>\n",
        encoding="utf-8",
    )
    [paper] = load_papers([tmp_path / "plos.atom"]).papers
    assert paper.doi == "10.1371/journal.pone.0012303"


def test_an_author_name_without_a_letter_is_no_author(tmp_path: Path) -> None:
    # arXiv's API gives 1411.4413 (CMS and LHCb) three authors: "The CMS", "LHCb
    # Collaborations" and " :" (FMuro/bibliographer's arxiv.xml).
    (tmp_path / "query.xml").write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom">\n'
        "<entry>\n<id>http://arxiv.org/abs/1411.4413v2</id>\n"
        "<title>Observation of the rare decay of the strange B meson</title>\n"
        "<summary>A joint measurement is presented of the branching fractions of two rare "
        "decays in proton-proton collisions at the LHC.</summary>\n"
        "<author><name>The CMS</name></author>\n<author><name>LHCb Collaborations</name>"
        "</author>\n<author><name> :</name></author>\n<author><name>V. Khachatryan</name>"
        "</author>\n</entry>\n</feed>\n",
        encoding="utf-8",
    )
    [paper] = load_papers([tmp_path / "query.xml"]).papers
    assert paper.authors == ("The CMS", "LHCb Collaborations", "V. Khachatryan")


def test_tex_dashes_of_an_arxiv_api_entry_are_dashes(tmp_path: Path) -> None:
    # arXiv gives the TeX its authors wrote: "LIGO--Virgo--KAGRA" in a title and a summary,
    # "($f$ -- $g$)" (FMuro/fmuro.github.io's arxiv.xml); the issue showed the two hyphens.
    (tmp_path / "query.xml").write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom">\n'
        "<entry>\n<id>http://arxiv.org/abs/2603.11111v1</id>\n"
        "<title>Searches in the third North--South observing run</title>\n"
        "<summary>We search for signals in data of the North--South observing run, over a "
        "range of the frequency -- amplitude ($f$ -- $A$) plane.</summary>\n"
        "<author><name>Ana Lima</name></author>\n</entry>\n</feed>\n",
        encoding="utf-8",
    )
    [paper] = load_papers([tmp_path / "query.xml"]).papers
    assert paper.title == "Searches in the third North\u2013South observing run"
    assert paper.abstract == (
        "We search for signals in data of the North\u2013South observing run, over a range "
        "of the frequency \u2013 amplitude (f \u2013 A) plane."
    )


def test_an_arxiv_abstract_in_two_languages_is_read_in_english(tmp_path: Path) -> None:
    # arXiv asks for a line of "-----" between an abstract's languages; its API gives it
    # in the summary (an answer of 2026 for all:cs.AI, darmindark691-web/Hsjs data/arxiv.xml:
    # English, then Portuguese). The line and the translation were read as the abstract's.
    english = (
        "We mine the records of a tax office to find the evaders, with the tools of data "
        "mining and the work of the inspectors in the field."
    )
    portuguese = (
        "Mineramos os registros de uma receita para achar os sonegadores, com as ferramentas "
        "de mineração de dados e o trabalho dos inspetores em campo."
    )
    for first, second in ((english, portuguese), (portuguese, english)):
        (tmp_path / "query.xml").write_text(
            '<?xml version="1.0" encoding="UTF-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom">'
            "\n<entry>\n<id>http://arxiv.org/abs/1309.12345v1</id>\n"
            f"<title>Mining tax records</title>\n<summary>{first}\n  -----\n  {second}"
            "</summary>\n<author><name>Ana Lima</name></author>\n</entry>\n</feed>\n",
            encoding="utf-8",
        )
        [paper] = load_papers([tmp_path / "query.xml"]).papers
        assert paper.abstract == english


def test_tex_ties_of_an_arxiv_api_entry_are_spaces(tmp_path: Path) -> None:
    # "from a distance of 10~kpc" (a LIGO abstract in FMuro/bibliographer's arxiv.xml),
    # "formalized in Lean~4" (CombiBench): a tie is a space; "~70 Hz" is "about 70 Hz".
    (tmp_path / "query.xml").write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom">\n'
        "<entry>\n<id>http://arxiv.org/abs/2603.22222v1</id>\n"
        "<title>Bursts from 10~kpc</title>\n"
        "<summary>We search for bursts at ~70 Hz from a distance of 10~kpc, each "
        "formalized in Lean~4 as in Fig.~2.</summary>\n"
        "<author><name>Ana Lima</name></author>\n</entry>\n</feed>\n",
        encoding="utf-8",
    )
    [paper] = load_papers([tmp_path / "query.xml"]).papers
    assert paper.title == "Bursts from 10 kpc"
    assert paper.abstract == (
        "We search for bursts at ~70 Hz from a distance of 10 kpc, each formalized in Lean 4 "
        "as in Fig. 2."
    )


def test_entities_a_feed_escaped_once_too_often_are_characters(tmp_path: Path) -> None:
    # An arXiv API answer of 2026 (a Feishu script's arxiv_response.xml) sends the "&#177;"
    # its authors typed as "&amp;#177;"; a JAMA feed's "&amp;amp;gt;" is a ">"; a
    # description of markup so escaped is HTML, not text with "<p>" in it.
    (tmp_path / "query.xml").write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom">\n'
        "<entry>\n<id>http://arxiv.org/abs/2610.01234v1</id>\n<title>Roof survey</title>\n"
        "<summary>Errors are 6.2% &amp;#177; 2.8% against experts.</summary>\n"
        '<category term="cs.CV" scheme="http://arxiv.org/schemas/atom"/>\n'
        "<author><name>Ana Lima</name></author>\n</entry>\n</feed>\n",
        encoding="utf-8",
    )
    (tmp_path / "journal.xml").write_text(
        '<?xml version="1.0"?>\n<rss version="2.0"><channel><title>J Tides</title>\n'
        "<item><title>Care costs</title><link>https://example.org/1</link>\n"
        "<description>Costs fell with early (&amp;amp;gt;6 months) care.</description></item>\n"
        "<item><title>Harbour tides</title><link>https://example.org/2</link>\n"
        "<description>&amp;lt;p&amp;gt;Tides follow the moon, p &amp;lt; 0.05."
        "&amp;lt;/p&amp;gt;</description></item>\n</channel></rss>\n",
        encoding="utf-8",
    )
    papers = load_papers([tmp_path / "query.xml", tmp_path / "journal.xml"]).papers
    assert {paper.title: paper.abstract for paper in papers} == {
        "Roof survey": "Errors are 6.2% \u00b1 2.8% against experts.",
        "Care costs": "Costs fell with early (>6 months) care.",
        "Harbour tides": "Tides follow the moon, p < 0.05.",
    }


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


def test_arxiv_api_journal_ref_is_the_venue(tmp_path: Path) -> None:
    # arXiv's own API example answer (every element naming its namespace): the
    # arxiv:journal_ref is where the paper came out, as the listing readers make it.
    atom = 'xmlns="http://www.w3.org/2005/Atom"'
    ns = 'xmlns:arxiv="http://arxiv.org/schemas/atom"'
    (tmp_path / "query.xml").write_text(
        f'<?xml version="1.0" encoding="utf-8"?>\n<feed {atom}\n      {ns}>\n'
        f"  <entry {atom} {ns}>\n"
        f"    <id {atom}>http://arxiv.org/abs/hep-ex/0307015</id>\n"
        f"    <published {atom}>2003-07-07T13:46:39-04:00</published>\n"
        f"    <title {atom}>Multi-Electron Production at High Transverse\n"
        "Momenta in ep Collisions</title>\n"
        f"    <summary {atom}>\n  Multi-electron production is studied at high electron\n"
        "transverse momentum in positron-proton collisions.\n</summary>\n"
        f"    <author {atom}><name {atom}>H1 Collaboration</name></author>\n"
        f"    <arxiv:comment {ns}>23 pages, 8 figures</arxiv:comment>\n"
        f"    <arxiv:journal_ref {ns}>Eur.Phys.J. C31 (2003) 17-29</arxiv:journal_ref>\n"
        f'    <category term="hep-ex" scheme="http://arxiv.org/schemas/atom"/>\n'
        "  </entry>\n</feed>\n",
        encoding="utf-8",
    )
    [paper] = load_papers([tmp_path / "query.xml"]).papers
    assert (paper.arxiv_id, paper.venue, paper.date) == (
        "hep-ex/0307015",
        "Eur.Phys.J. C31 (2003) 17-29",
        "2003-07-07",
    )
    assert paper.title == "Multi-Electron Production at High Transverse Momenta in ep Collisions"


def test_arxiv_api_entries_kept_under_a_root_of_their_own_are_read(tmp_path: Path) -> None:
    # A site's store of arXiv API entries: one <articles> root, the first entry naming the
    # Atom namespace and the ones after it none. It was read as plain text: no paper but
    # two titleless "abstracts" of the summaries' wrapped lines, and a skip for each line.
    entry = (
        "<id>http://arxiv.org/abs/{id}v1</id>\n<published>2019-10-14T14:25:25Z</published>\n"
        "<title>{title}</title>\n<summary>  We index sorted keys with a few linear models\n"
        "and answer each query in a guaranteed number of I/Os.\n</summary>\n"
        "<author><name>Ana Lima</name></author>\n"
        '<link href="http://arxiv.org/abs/{id}v1" rel="alternate" type="text/html"/>\n'
    )
    (tmp_path / "arxiv.xml").write_text(
        '<?xml version="1.0" encoding="UTF-8"?><articles>\n'
        '<entry id="1910.06001" xmlns="http://www.w3.org/2005/Atom">\n'
        + entry.format(id="1910.06001", title="Learned Indexes in\n  Guaranteed Space")
        + '</entry><entry id="1910.06002">\n'
        + entry.format(id="1910.06002", title="Compressed Learned Indexes")
        + "</entry>\n</articles>\n",
        encoding="utf-8",
    )
    corpus = load_papers([tmp_path / "arxiv.xml"])
    assert [(p.arxiv_id, p.title, p.authors) for p in corpus.papers] == [
        ("1910.06001", "Learned Indexes in Guaranteed Space", ("Ana Lima",)),
        ("1910.06002", "Compressed Learned Indexes", ("Ana Lima",)),
    ]
    assert corpus.papers[0].abstract.startswith("We index sorted keys")
    assert [s.line for s in corpus.skipped] == []
    assert [p.sources[0].line for p in corpus.papers] == [2, 12]


def test_tex_dashes_of_an_arxiv_listing_item_are_dashes(tmp_path: Path) -> None:
    # arXiv's RSS gives the TeX its authors wrote, as its API does: "3--5$\\times$" (a note
    # that copied an rss.arxiv.org/rss/cs.LG item, 2605.20400); the issue showed "3--5" and
    # the times sign.
    (tmp_path / "cs.LG.xml").write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"><channel>\n<item>\n'
        "<title>Pumps of the North--South Network</title>\n"
        "<link>https://arxiv.org/abs/2605.11111</link>\n"
        "<description>arXiv:2605.11111v1 Announce Type: cross \nAbstract: We sample random "
        "effects on a GPU and run 3--5$\\times$ faster than on a CPU, for every pump."
        "</description>\n"
        '<guid isPermaLink="false">oai:arXiv.org:2605.11111v1</guid>\n'
        "</item>\n</channel></rss>\n",
        encoding="utf-8",
    )
    [paper] = load_papers([tmp_path / "cs.LG.xml"]).papers
    assert paper.title == "Pumps of the North\u2013South Network"
    assert "run 3\u20135\u00d7 faster" in paper.abstract


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


# --- journals' feeds: lines around the abstract that are not one ------------------------------

_RDF = (
    '<?xml version="1.0" encoding="UTF-8"?>\n'
    '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" '
    'xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/" '
    'xmlns:content="http://purl.org/rss/1.0/modules/content/" '
    'xmlns:prism="http://prismstandard.org/namespaces/basic/2.0/">\n'
)


def test_nature_feed_without_its_citation_line_and_with_doi_and_journal() -> None:
    text = (
        _RDF + '<channel rdf:about="http://feeds.nature.com/nature/rss/current">'
        "<title>Nature</title><prism:publicationName>Nature</prism:publicationName></channel>\n"
        '<item rdf:about="https://www.nature.com/articles/s41586-023-00001-x">\n'
        "<title><![CDATA[Magnetocaloric effect in Na<sub>2</sub>BaCo(PO<sub>4</sub>)<sub>2</sub>]]>"
        "</title>\n<link>https://www.nature.com/articles/s41586-023-00001-x</link>\n"
        "<content:encoded>\n  <![CDATA[<p>Nature, Published online: 10 January 2024; "
        '<a href="https://www.nature.com/articles/s41586-023-00001-x">'
        "doi:10.1038/s41586-023-00001-x</a></p>We find a supersolid phase that cools.]]>"
        "</content:encoded>\n"
        "<dc:creator>Ana Lima</dc:creator><dc:creator>Kofi Mensah</dc:creator>\n"
        "<dc:identifier>doi:10.1038/s41586-023-00001-x</dc:identifier>\n"
        "<dc:date>2024-01-10</dc:date>\n<prism:doi>10.1038/s41586-023-00001-x</prism:doi>\n"
        "</item>\n"
        '<item rdf:about="https://www.nature.com/articles/s41586-024-00002-y">\n'
        "<title>Author Correction: A new antibiotic</title>\n"
        "<content:encoded><![CDATA[<p>Nature, Published online: 10 January 2024; "
        "<a>doi:10.1038/s41586-024-00002-y</a></p>Author Correction: A new antibiotic]]>"
        "</content:encoded>\n<prism:doi>10.1038/s41586-024-00002-y</prism:doi>\n</item>\n"
        "</rdf:RDF>\n"
    )
    parsed = parse_feed(text)
    [record] = parsed.records
    assert record.abstract == "We find a supersolid phase that cools."
    assert record.title == "Magnetocaloric effect in Na2BaCo(PO4)2"
    assert (record.doi, record.venue, record.date) == (
        "10.1038/s41586-023-00001-x",
        "Nature",
        "2024-01-10",
    )
    assert record.authors == ("Ana Lima", "Kofi Mensah")
    [correction] = parsed.problems  # its text is its title again: no abstract
    assert correction.reason == "no abstract (feed item whose description is only a citation)"
    assert correction.line == 14


def test_aps_feed_authors_line_and_citation_line_are_not_the_abstract() -> None:
    # Physical Review's feeds: a plain "Author(s): …" before the first <br/>, then the
    # abstract, then "[Journal volume, article] Published …"; the channel has no
    # prism:publicationName, so the citation names the journal.
    text = (
        _RDF + '<channel rdf:about="http://journals.aps.org/prl/">'
        "<title>Recent Articles in Phys. Rev. Lett.</title></channel>\n"
        '<item rdf:about="http://link.aps.org/doi/10.1103/PhysRevLett.132.010001">\n'
        "<title>Supersolid cooling in a triangular magnet</title>\n"
        "<link>http://link.aps.org/doi/10.1103/PhysRevLett.132.010001</link>\n"
        "<description>Author(s): Ana Lima, Kofi Mensah, and Wei Zhang&lt;br/&gt;&lt;p&gt;We "
        "find a supersolid phase that cools the crystal as the field is lowered.&lt;/p&gt;"
        "&lt;br/&gt;[Phys. Rev. Lett. 132, 010001] Published Tue Jan 02, 2024</description>\n"
        "<dc:date>2024-01-02T10:00:00+00:00</dc:date>\n"
        "<prism:doi>10.1103/PhysRevLett.132.010001</prism:doi>\n</item>\n</rdf:RDF>\n"
    )
    [record] = parse_feed(text).records
    assert record.abstract == (
        "We find a supersolid phase that cools the crystal as the field is lowered."
    )
    assert record.authors == ("Ana Lima", "Kofi Mensah", "Wei Zhang")
    assert record.venue == "Phys. Rev. Lett."


def test_a_plain_description_loses_its_abstract_heading() -> None:
    text = (
        '<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0">\n<channel>'
        "<title>Journal of Ecology: Table of Contents</title>\n<item>\n"
        "<title>Seedlings grow faster when warm</title>\n"
        "<description>Abstract\nWe grew seedlings of twelve species in warm and cold "
        "chambers.</description>\n</item>\n</channel>\n</rss>\n"
    )
    [record] = parse_feed(text).records
    assert record.abstract == "We grew seedlings of twelve species in warm and cold chambers."


@pytest.mark.parametrize(
    "description",
    [
        "Abstract: We grew seedlings of twelve species in warm and cold chambers.",
        "ABSTRACT We grew seedlings of twelve species in warm and cold chambers.",
        "&lt;p&gt;Abstract: We grew seedlings of twelve species in warm and cold chambers."
        "&lt;/p&gt;",
    ],
)
def test_a_description_loses_the_abstract_heading_glued_to_its_first_line(
    description: str,
) -> None:
    # A heading on a line of its own goes with the lines over the abstract; one glued to the
    # abstract's first words is taken off the text.
    text = (
        '<rss version="2.0"><channel><title>Journal of Ecology</title><item>'
        f"<title>Seedlings grow faster when warm</title><description>{description}</description>"
        "</item></channel></rss>"
    )
    [record] = parse_feed(text).records
    assert record.abstract == "We grew seedlings of twelve species in warm and cold chambers."


def test_biorxiv_feed_names_doi_and_server() -> None:
    text = (
        _RDF + '<channel rdf:about="http://biorxiv.org"><title>bioRxiv Subject Collection'
        "</title><prism:publicationName>bioRxiv</prism:publicationName></channel>\n"
        '<item rdf:about="http://biorxiv.org/cgi/content/short/857789v1?rss=1">\n'
        "<title><![CDATA[ Collagen microtissues ]]></title>\n"
        "<link>http://biorxiv.org/cgi/content/short/857789v1?rss=1</link>\n"
        "<description><![CDATA[ Human liver models are indispensable. ]]></description>\n"
        "<dc:creator><![CDATA[ Kukla, D., Crampton, A. M., Khetani, S.-R. ]]></dc:creator>\n"
        "<dc:identifier>doi:10.1101/857789</dc:identifier>\n</item>\n</rdf:RDF>\n"
    )
    [record] = parse_feed(text).records
    assert record.authors == ("D. Kukla", "A. M. Crampton", "S.-R. Khetani")
    assert (record.doi, record.venue) == ("doi:10.1101/857789", "bioRxiv")


@pytest.mark.parametrize(
    "item",
    [
        # Science (Atypon): the citation, twice
        "<title>Artificial intimacies</title>"
        "<content:encoded>Science, Volume 392, Issue 6800, Page 814-814, May 2026."
        "</content:encoded><description>Science, Volume 392, Issue 6800, Page 814-814, "
        "May 2026.</description><dc:identifier>doi:10.1126/science.aeg5507</dc:identifier>",
        # ScienceDirect: date, source and authors, each a labelled paragraph
        "<title>Citizen science</title><description><![CDATA[<p>Publication date: Available "
        "online 20 May 2026</p><p><b>Source:</b> Cell</p><p>Author(s): Laura E. Tibbs-Cortes, "
        "Linqian Han</p>]]></description>",
        # ACS: the table-of-contents graphic, the journal cited, the DOI
        '<title>[ASAP] A zeolite</title><description>&lt;p&gt;&lt;img src="toc.gif" '
        'alt="TOC Graphic" /&gt;&lt;/p&gt;&lt;div&gt;&lt;cite&gt;Journal of the American '
        "Chemical Society&lt;/cite&gt;&lt;/div&gt;&lt;div&gt;DOI: 10.1021/jacs.5c22299"
        "&lt;/div&gt;</description>",
    ],
)
def test_a_description_that_is_only_a_citation_is_no_abstract(item: str) -> None:
    text = f'{_RDF}<channel rdf:about="x"><title>J</title></channel>\n<item>{item}</item>\n'
    parsed = parse_feed(text + "</rdf:RDF>\n")
    assert parsed.records == ()
    [problem] = parsed.problems
    assert problem.reason == "no abstract (feed item whose description is only a citation)"


def test_sciencedirect_lines_give_authors_and_journal_around_an_abstract() -> None:
    text = (
        '<?xml version="1.0"?>\n<rss version="2.0"><channel><title>ScienceDirect</title>\n'
        "<item><title>T</title><description><![CDATA[<p>Publication date: March 2024</p>"
        "<p><b>Source:</b> Cell, Volume 187, Issue 2</p><p>Author(s): Ana Lima, Kofi Mensah"
        "</p><p>We show that it works.</p>]]></description></item>\n</channel></rss>\n"
    )
    [record] = parse_feed(text).records
    assert record.abstract == "We show that it works."
    assert (record.authors, record.venue) == (("Ana Lima", "Kofi Mensah"), "Cell")


def test_pubmed_feed_keeps_the_abstract_and_gives_pmid_doi_and_journal() -> None:
    text = (
        '<?xml version="1.0"?>\n<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/">'
        "<channel><title>pubmed: surfing</title>\n<item><title>Collective surfing</title>\n"
        "<link>https://pubmed.ncbi.nlm.nih.gov/42471391/?utm_source=Other</link>\n"
        '<description>&lt;div&gt;&lt;p style="color: #4aa564;"&gt;Integr Comp Biol. 2026 Jul '
        "20:icag118. doi: 10.1093/icb/icag118. Online ahead of print.&lt;/p&gt;&lt;p&gt;&lt;b"
        "&gt;ABSTRACT&lt;/b&gt;&lt;/p&gt;&lt;p&gt;Wavelike motion occurs in neutrophil swarms."
        '&lt;/p&gt;&lt;p style="color: lightgray"&gt;PMID:&lt;a href="x"&gt;42471391&lt;/a&gt;'
        " | DOI:&lt;a href=x&gt;10.1093/icb/icag118&lt;/a&gt;&lt;/p&gt;&lt;/div&gt;"
        "</description>\n<dc:creator>George W A Constable</dc:creator>\n"
        "<dc:source>Integrative and comparative biology</dc:source>\n"
        "<dc:identifier>pmid:42471391</dc:identifier>\n"
        "<dc:identifier>doi:10.1093/icb/icag118</dc:identifier>\n"
        '<guid isPermaLink="false">pubmed:42471391</guid>\n</item></channel></rss>\n'
    )
    [record] = parse_feed(text).records
    assert record.abstract == "Wavelike motion occurs in neutrophil swarms."
    assert (record.pmid, record.doi) == ("42471391", "doi:10.1093/icb/icag118")
    assert record.venue == "Integrative and comparative biology"


@pytest.mark.parametrize(
    "citation",
    [
        "Advanced Materials, EarlyView.",
        # Wiley's feeds cite a paper accepted but not yet edited so (supersciencegrl/easy-wiley
        # AdvMater.xml): the line was read as the paper's abstract.
        "Advanced Materials, Accepted Article. ",
    ],
)
def test_the_abstract_is_in_the_content_when_the_description_is_a_citation(
    citation: str,
) -> None:
    text = (
        f'{_RDF}<channel rdf:about="x"><title>Advanced Materials</title></channel>\n<item>'
        f"<title>T</title><description>{citation}</description>"
        '<content:encoded><![CDATA[<div><img src="toc.png"/></div><p>We show that it works.'
        "</p>]]></content:encoded></item>\n</rdf:RDF>\n"
    )
    [record] = parse_feed(text).records
    assert record.abstract == "We show that it works."


def test_old_arxiv_cross_listed_title_gives_id_and_version() -> None:
    text = (
        _RDF + '<item rdf:about="http://arxiv.org/abs/1805.09166">\n'
        "<title>Recent Top quark results. (arXiv:1805.09166v1 [hep-ex] CROSS LISTED)</title>\n"
        '<link>http://arxiv.org/abs/1805.09166</link><description rdf:parseType="Literal">'
        "&lt;p&gt;We present recent measurements.&lt;/p&gt;</description></item>\n</rdf:RDF>\n"
    )
    [record] = parse_feed(text).records
    assert (record.title, record.arxiv) == ("Recent Top quark results", "1805.09166v1")


@pytest.mark.parametrize(
    ("skip", "said"),
    [
        ("<skipDays><day>Saturday</day><day>Sunday</day></skipDays>", "skips Saturday and Sunday"),
        ("", None),
    ],
)
def test_an_empty_feed_says_which_days_it_skips(skip: str, said: str | None) -> None:
    # arXiv's listing feed saved on a weekend: a channel without items, naming its skipDays.
    parsed = parse_feed(
        "<?xml version='1.0' encoding='UTF-8'?>\n<rss version=\"2.0\"><channel>"
        "<title>cs updates on arXiv.org</title><link>http://rss.arxiv.org/rss/cs</link>"
        f"<description>cs updates</description>{skip}</channel></rss>\n"
    )
    [problem] = parsed.problems
    assert parsed.records == ()
    assert problem.reason.startswith("feed without items or entries")
    if said:
        assert said in problem.reason and problem.reason.endswith("save it on another day")
    else:
        assert problem.reason == "feed without items or entries"


OJS_RSS2 = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/">
  <channel><title>Revista de Mareas</title><generator>OJS 3.4.0.5</generator>
    <item>
      <title>Las mareas y la luna</title>
      <link>https://revistas.example.org/mareas/article/view/12</link>
      <description>
        Sección: Artículos&lt;br /&gt;
        Palabras clave: mareas, luna&lt;br /&gt;
        &lt;br /&gt;
        &lt;p&gt;Las mareas siguen a la luna durante un mes de registros.&lt;/p&gt;
      </description>
      <dc:creator>Ana Costa, Bo Li</dc:creator>
      <category domain="https://pkp.sfu.ca/ojs/category/section">Artículos</category>
      <category domain="https://pkp.sfu.ca/ojs/category/keywords">mareas</category>
      <category domain="https://pkp.sfu.ca/ojs/category/keywords">luna</category>
      <guid isPermaLink="true">https://revistas.example.org/mareas/article/view/12</guid>
    </item>
    <item>
      <title>Only categories, no abstract</title>
      <description>Sección: Artículos&lt;br /&gt;&lt;br /&gt;</description>
      <category domain="https://pkp.sfu.ca/ojs/category/section">Artículos</category>
    </item>
  </channel>
</rss>
"""

OJS_ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <id>https://revistas.example.org/mareas/gateway/plugin/WebFeedGatewayPlugin/atom</id>
  <title>Revista de Mareas</title>
  <entry>
    <id>https://revistas.example.org/mareas/article/view/12</id>
    <title>Las mareas y la luna</title>
    <author><name>Ana Costa</name></author>
    <summary type="html">Sección: Artículos&lt;br /&gt;Palabras clave: mareas, luna&lt;br /&gt;
      &lt;br /&gt;&lt;p&gt;Las mareas siguen a la luna durante un mes de registros.&lt;/p&gt;
    </summary>
    <category term="Artículos" scheme="https://pkp.sfu.ca/ojs/category/section"/>
    <category term="mareas" scheme="https://pkp.sfu.ca/ojs/category/keywords"/>
    <category term="luna" scheme="https://pkp.sfu.ca/ojs/category/keywords"/>
  </entry>
</feed>
"""


@pytest.mark.parametrize("text", [OJS_RSS2, OJS_ATOM], ids=["rss2", "atom"])
def test_open_journal_systems_category_lines_are_keywords_not_abstract(
    tmp_path: Path, text: str
) -> None:
    # OJS 3.4's feeds open a description with the item's categories, "Label: values" in
    # the journal's language, then a blank line, then the abstract.
    (tmp_path / "feed.xml").write_text(text, encoding="utf-8")
    corpus = load_papers([tmp_path / "feed.xml"])
    paper = corpus.papers[0]
    assert paper.abstract == "Las mareas siguen a la luna durante un mes de registros."
    assert paper.keywords == ("mareas", "luna")
    assert len(corpus.papers) == 1


def test_a_description_cut_off_with_dots_gives_way_to_the_whole_content() -> None:
    # PubMed's feeds: the description is the abstract cut off at ~400 characters; the
    # content has the citation, an ABSTRACT heading, the whole abstract and the ids.
    text = (
        '<?xml version="1.0"?>\n<rss version="2.0" '
        'xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>pubmed: '
        "worms</title>\n<item><title>A new flatworm</title>\n<description>A new species was "
        "found on zebrafish. It differs in its hooks and...</description>\n<content:encoded>"
        '<![CDATA[<div><p style="color: #4aa564;">Parasitol Int. 2021 Dec 17:102531. doi: '
        "10.1016/j.parint.2021.102531. Online ahead of print.</p><p><b>ABSTRACT</b></p><p>A "
        "new species was found on zebrafish. It differs in its hooks and bars. We name it."
        '</p><p style="color: lightgray">PMID:<a href="x">34929406</a> | DOI:<a href=x>'
        "10.1016/j.parint.2021.102531</a></p></div>]]></content:encoded>\n</item>\n"
        "<item><title>Cut short</title><description>Only this is known...</description>"
        "</item></channel></rss>\n"
    )
    whole, cut = parse_feed(text).records
    assert whole.abstract == (
        "A new species was found on zebrafish. It differs in its hooks and bars. We name it."
    )
    assert cut.abstract == "Only this is known..."  # nothing longer to take instead


def test_taylor_and_francis_citation_line_and_title_as_journal() -> None:
    # Taylor & Francis: "Volume 67, Issue 4, …, Page 283-289<br/>. <br/>" with no journal
    # in front, and the item's own title as its prism:publicationName.
    item = (
        "<item><title>{title}</title><description>Volume 67, Issue 4, December 2021, Page "
        "283-289&lt;br/&gt;. &lt;br/&gt;{abstract}</description><dc:source>Zoology in the "
        "Middle East</dc:source><prism:publicationName>{title}</prism:publicationName>"
        "</item>\n"
    )
    text = (
        f'{_RDF}<channel rdf:about="x"><title>tandf: Table of Contents</title></channel>\n'
        + item.format(title="Bats of Cyprus", abstract="")
        + item.format(title="Jirds of Iran", abstract="We sequenced jirds.")
        + "</rdf:RDF>\n"
    )
    parsed = parse_feed(text)
    [record] = parsed.records
    assert (record.abstract, record.venue) == ("We sequenced jirds.", "Zoology in the Middle East")
    [problem] = parsed.problems
    assert problem.reason == "no abstract (feed item whose description is only a citation)"


def test_one_name_in_each_creator_is_turned_round() -> None:
    # Cambridge Core: a dc:creator for each author, "Surname, Given names".
    item = "<item><title>T{n}</title><description>We show it {n}.</description>{who}</item>\n"
    text = (
        f'{_RDF}<channel rdf:about="x"><title>The Canadian Entomologist</title></channel>\n'
        + item.format(n=1, who="<dc:creator>Inoda, Toshio</dc:creator>")
        + item.format(
            n=2,
            who="<dc:creator>D'Amico, Josué</dc:creator><dc:creator>Pires, Patrícia D.S."
            "</dc:creator><dc:creator>de Araujo, Mayara R.</dc:creator>",
        )
        + "</rdf:RDF>\n"
    )
    one, three = parse_feed(text).records
    assert one.authors == ("Toshio Inoda",)
    assert three.authors == ("Josué D'Amico", "Patrícia D.S. Pires", "Mayara R. de Araujo")


def test_a_creator_listed_twice_is_one_author() -> None:
    # Nature's RSS 1.0 feeds: an item may give the same dc:creator twice, not side by side.
    item = "<item><title>T</title><description>We show it.</description>{who}</item>\n"
    who = "".join(
        f"<dc:creator>{name}</dc:creator>" for name in ("Ana Lima", "Kofi Mensah", "Ana Lima")
    )
    text = (
        f'{_RDF}<channel rdf:about="x"><title>Nature Catalysis</title></channel>\n'
        + item.format(who=who)
        + "</rdf:RDF>\n"
    )
    [record] = parse_feed(text).records
    assert record.authors == ("Ana Lima", "Kofi Mensah")


def test_an_rss_author_element_names_the_authors() -> None:
    # Oxford Academic (Silverchair) lists the names in RSS 2.0's <author>; the standard
    # puts a mailbox there.
    item = "<item><title>T</title><description>We show it.</description>{}</item>\n"
    text = (
        '<?xml version="1.0"?>\n<rss version="2.0"><channel><title>Zoological Journal'
        "</title>\n"
        + item.format("<author>Chen C, Zhou Y, Watanabe H, et al. </author>")
        + item.format("<author>Brandão S, De Miranda G, Brandt A. </author>")
        + item.format("<author>Ana Lima, Kofi Mensah</author>")
        + item.format("<author>editor@example.org (Ana Lima)</author>")
        + item.format("<author>editor@example.org</author>")
        + "</channel></rss>\n"
    )
    listed, stop, written, mailbox, address = parse_feed(text).records
    # Surname first, initials bare: turned round as other exports' names are.
    assert listed.authors == ("C Chen", "Y Zhou", "H Watanabe")
    assert stop.authors == ("S Brandão", "G De Miranda", "A Brandt")
    assert written.authors == ("Ana Lima", "Kofi Mensah")
    assert mailbox.authors == ("Ana Lima",)
    assert address.authors == ()


def test_a_line_of_names_over_the_abstract_gives_the_authors() -> None:
    # CNKI: "Given SURNAME;" for each author, a "</br>", then the abstract.
    item = "<item><title>T</title><description>{}</description></item>\n"
    text = (
        '<?xml version="1.0"?>\n<rss version="2.0"><channel><title>Asian Herpetological '
        "Research-CNKI</title>\n"
        + item.format("Guocheng SHU;Ping LIU;Feng XIE;&lt;/br&gt;Biodiversity is declining.")
        + item.format("舒国成;刘平;&lt;/br&gt;生物多样性正在下降。")
        + item.format("We tested three doses; all worked;&lt;/br&gt;Then we stopped.")
        + "</channel></rss>\n"
    )
    latin, chinese, prose = parse_feed(text).records
    assert (latin.authors, latin.abstract) == (
        ("Guocheng SHU", "Ping LIU", "Feng XIE"),
        "Biodiversity is declining.",
    )
    assert (chinese.authors, chinese.abstract) == (("舒国成", "刘平"), "生物多样性正在下降。")
    assert prose.authors == ()
    assert prose.abstract == "We tested three doses; all worked; Then we stopped."


@pytest.mark.parametrize(
    ("channel", "venue"),
    [
        ("Zoological Journal of the Linnean Society Current Issue", "Zoological Journal of "
         "the Linnean Society"),
        ("International Journal of Systematic and Evolutionary Microbiology: Most Recent "
         "Articles", "International Journal of Systematic and Evolutionary Microbiology"),
        ("Asian Herpetological Research-CNKI", "Asian Herpetological Research"),
        ("ScienceDirect Publication: Molecular Phylogenetics and Evolution", "Molecular "
         "Phylogenetics and Evolution"),
        ("tandf: Zoology in the Middle East: Table of Contents", "Zoology in the Middle East"),
        # A search's or a site's title names no journal.
        ("pubmed: surfing", None),
        ("cs.CL updates on arXiv.org", None),
        ("tandf: Table of Contents", None),  # the publisher is no journal
    ],
)  # fmt: skip
def test_a_channel_title_names_the_journal_in_its_publishers_words(
    channel: str, venue: str | None
) -> None:
    text = (
        f'<?xml version="1.0"?>\n<rss version="2.0"><channel><title>{channel}</title>\n'
        "<item><title>T</title><description>We show it.</description></item>\n"
        "</channel></rss>\n"
    )
    [record] = parse_feed(text).records
    assert record.venue == venue


def remade_arxiv_item(channel: str, title: str, link: str, paragraphs: list[str]) -> Record:
    """The one item of a feed remade from arXiv's as cn-chat-arxiv writes them: a <p> for
    each paragraph, escaped, in the item's description."""
    description = "".join(f"&lt;p&gt;\n{p}\n&lt;/p&gt;\n" for p in paragraphs)
    text = (
        f'<rss version="2.0"><channel><title>{channel}</title><item>'
        f"<title>{title}</title><link>{link}</link>"
        f"<description>{description}</description></item></channel></rss>"
    )
    [record] = parse_feed(text).records
    return record


def test_an_arxiv_feed_remade_with_a_translation_keeps_the_papers_title_and_abstract() -> None:
    # cn-chat-arxiv's feeds (leongxj123/cn-chat-arxiv, cs.IR.xml): each item's title is a
    # Chinese summary, its description the title in Chinese, arXiv's old title line, the
    # link, the summary, the abstract in Chinese and the abstract. All of it was the
    # abstract, under the summary as title.
    summary = "&#26412;&#25991;&#32508;&#36848;&#20102;&#25512;&#33616;&#31995;&#32479;&#12290;"
    paragraphs = [
        "&#25512;&#33616;&#31995;&#32479;&#32508;&#36848;",
        "Multi-task Learning in Recommender Systems: A Survey. (arXiv:2305.13843v1 [cs.IR])",
        "http://arxiv.org/abs/2305.13843",
        summary,
        "",
        "&#22810;&#20219;&#21153;&#23398;&#20064;&#24050;&#24191;&#27867;&#24212;&#29992;&#12290;",
        "Multi-task learning has been widely applied in vision and language. We survey "
        "multi-task recommender systems and raise future directions.",
    ]
    link = "http://arxiv.org/abs/2305.13843"
    record = remade_arxiv_item("Chat Arxiv cs.IR", summary, link, paragraphs)
    assert (record.title, record.arxiv) == (
        "Multi-task Learning in Recommender Systems: A Survey",
        "2305.13843v1",
    )
    assert record.abstract == (
        "Multi-task learning has been widely applied in vision and language. We survey "
        "multi-task recommender systems and raise future directions."
    )


def test_an_atom_entry_with_arxivs_title_line_gets_the_papers_title_and_abstract() -> None:
    # The same remade arXiv paper as an Atom entry: its content holds arXiv's old title
    # line over the abstract. RSS items were read for it; an Atom entry kept the title
    # line (and the link) in its abstract, under the feed maker's title.
    paragraphs = [
        "Multi-task Learning in Recommender Systems: A Survey. (arXiv:2305.13843v1 [cs.IR])",
        "http://arxiv.org/abs/2305.13843",
        "Multi-task learning has been widely applied in vision and language.",
    ]
    content = "".join(f"&lt;p&gt;{p}&lt;/p&gt;" for p in paragraphs)
    text = (
        '<feed xmlns="http://www.w3.org/2005/Atom"><title>Chat Arxiv cs.IR</title><entry>'
        "<id>urn:uuid:1</id><title>A survey of multi-task recommenders</title>"
        f'<content type="html">{content}</content></entry></feed>'
    )
    [record] = parse_feed(text).records
    assert (record.title, record.arxiv) == (
        "Multi-task Learning in Recommender Systems: A Survey",
        "2305.13843v1",
    )
    assert record.abstract == "Multi-task learning has been widely applied in vision and language."


def test_a_remade_arxiv_item_takes_its_title_from_the_line_over_its_link() -> None:
    # cn-chat-arxiv since arXiv's 2024 feeds (leongxj123/cn-chat-arxiv, cs.AI.xml): the
    # title in Chinese, then in English with no "(arXiv:…)" after it, then the link. The
    # English title was the abstract's first words, under the Chinese summary as title.
    summary = "&#26412;&#25991;&#25552;&#20986;&#20102;BAT&#12290;"
    paragraphs = [
        "BAT: &#20351;&#29992;&#22823;&#35268;&#27169;&#35821;&#35328;&#27169;&#22411;",
        "BAT: Learning to Reason about Spatial Sounds with Large Language Models",
        "https://rss.arxiv.org/abs/2402.01591",
        summary,
        "&#31354;&#38388;&#22768;&#38899;&#25512;&#29702;&#26159;&#19968;&#31181;&#25216;&#33021;",
        "Spatial sound reasoning is a fundamental human skill. We present BAT.",
    ]
    link = "https://rss.arxiv.org/abs/2402.01591"
    record = remade_arxiv_item("Chat Arxiv cs.AI", summary, link, paragraphs)
    assert record.title == "BAT: Learning to Reason about Spatial Sounds with Large Language Models"
    assert record.abstract == (
        "Spatial sound reasoning is a fundamental human skill. We present BAT."
    )


def test_a_remade_arxiv_item_with_arxivs_own_abstract_paragraph() -> None:
    # qhduan/cn-chat-arxiv (cs.SE.xml, 2026): the English abstract is given as arXiv's
    # feeds write it, "arXiv:… Announce Type: new  Abstract: …", and the Chinese title
    # holds Latin words ("ShikumiMiner", "AI"). Both were read into the abstract.
    chinese_title = "ShikumiMiner&#65306;&#25366;&#25496;AI&#20195;&#30721;&#24211;&#20013;&#30340;"
    paragraphs = [
        chinese_title,
        "ShikumiMiner: Mining Recurring Implementation Patterns in AI Codebases",
        "https://arxiv.org/abs/2609.02789",
        "&#26412;&#25991;&#25552;&#20986;ShikumiMiner&#12290;",
        "arXiv:2609.02789v1 Announce Type: new  Abstract: Large language models are paving "
        "the way towards innovation.",
    ]
    summary = "&#26412;&#25991;&#25552;&#20986;ShikumiMiner&#12290;"
    link = "https://arxiv.org/abs/2609.02789"
    record = remade_arxiv_item("Chat Arxiv cs.SE", summary, link, paragraphs)
    assert record.title == "ShikumiMiner: Mining Recurring Implementation Patterns in AI Codebases"
    assert record.abstract == "Large language models are paving the way towards innovation."
    assert record.arxiv == "2609.02789v1"
    assert ("announce type", "new") in record.metadata


def test_a_description_of_labelled_fields_is_no_abstract() -> None:
    # colmmemedsurv/sentinelnode's feed (docs/betterdoi.xml), remade from journals' feeds
    # with Crossref's and PubMed's fields: the description is "Journal: … | DOI: …" and
    # content:encoded labels each field over an "Abstract" heading. The description's
    # field line was read as the abstract.
    encoded = (
        "<p><strong>Journal</strong>: The Lancet Oncology</p>"
        "<p><strong>Authors</strong>: Imran Petkar, Ana Lima</p>"
        "<p><strong>DOI</strong>: <a href='https://doi.org/10.1016/S1470-2045(25)00726-0'>"
        "10.1016/S1470-2045(25)00726-0</a></p><hr/><p><strong>Abstract</strong></p>"
        "<p>HPV-associated oropharyngeal carcinoma has a distinct biology.</p>"
    )
    text = (
        '<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">'
        "<channel><title>Head &amp; Neck Cancer</title><item><title>[Comment] T</title>"
        "<description>Journal: The Lancet Oncology | DOI: 10.1016/S1470-2045(25)00726-0"
        f"</description><content:encoded><![CDATA[{encoded}]]></content:encoded>"
        "</item></channel></rss>"
    )
    [record] = parse_feed(text).records
    assert record.abstract == "HPV-associated oropharyngeal carcinoma has a distinct biology."
    assert record.authors == ("Imran Petkar", "Ana Lima")
    assert (record.venue, record.doi) == ("The Lancet Oncology", "10.1016/S1470-2045(25)00726-0")


@pytest.mark.parametrize(
    ("journal", "venue"),
    [
        ("The Lancet Oncology", "The Lancet Oncology"),
        # A field escaped twice ("JAMA Otolaryngology\u2013Head &amp;amp; Neck Surgery" in
        # the same feed) is read once: the venue kept "&amp;".
        ("Ear &amp;amp; Throat", "Ear & Throat"),
    ],
)
def test_a_plain_description_reads_its_field_lines_apart_from_the_abstract(
    journal: str, venue: str
) -> None:
    # colmmemedsurv/sentinelnode's other feed (docs/head-neck-cancer.xml) writes each field
    # on a line of a plain-text description, over a heading and the abstract. The whole
    # description was read as one "Journal:" field: every item was skipped as a citation.
    description = (
        f"Journal: {journal}\nDOI: 10.1016/S1470-2045(25)00655-2\n"
        "Authors: Ana Lima, Rui Costa\n\n\nAbstract/summary (from RSS):\n"
        "We thank Lima and colleagues for their letter.\nThe trial was not powered for it."
    )
    text = (
        '<rss version="2.0"><channel><title>Head &amp; Neck Cancer</title><item>'
        f"<title>[Correspondence] Reply</title><description>{description}</description>"
        "</item></channel></rss>"
    )
    [record] = parse_feed(text).records
    assert " ".join(record.abstract.split()) == (
        "We thank Lima and colleagues for their letter. The trial was not powered for it."
    )
    assert record.authors == ("Ana Lima", "Rui Costa")
    assert (record.venue, record.doi) == (venue, "10.1016/S1470-2045(25)00655-2")


def test_a_lancet_items_section_in_brackets_is_no_part_of_its_title() -> None:
    # The Lancet's feeds (and colmmemedsurv/sentinelnode's, remade from them) open each
    # item's title with the journal's section: "[Policy Review] International consensus …".
    text = (
        '<rss version="2.0"><channel><title>The Lancet Oncology</title><item>'
        "<title>[Policy Review] Consensus terms for extranodal extension</title>"
        "<description>Extranodal extension leads to upstaging.</description></item>"
        "<item><title>[18F]FDG uptake in lymph nodes</title>"
        "<description>Uptake was measured.</description></item></channel></rss>"
    )
    staged, traced = parse_feed(text).records
    assert staged.title == "Consensus terms for extranodal extension"
    assert ("section", "Policy Review") in staged.metadata
    assert traced.title == "[18F]FDG uptake in lymph nodes"


@pytest.mark.parametrize(
    "text",
    [
        # dc:description, plain text (supersciencegrl/easy-wiley ChemBioChem.xml).
        "<dc:description>\nFilms of ordered pores make sensors selective.\n\n\n\n\nAbstract\n"
        "Vertically ordered silica films hold nanopores. We review their uses.\n"
        "</dc:description>",
        # content:encoded, HTML: the summary under the TOC graphic, then the heading.
        "<content:encoded><![CDATA[<img src='toc.png' alt='T'/><p>Films of ordered pores make "
        "sensors selective.</p><br/><h2>Abstract</h2><p>Vertically ordered silica films hold "
        "nanopores. We review their uses.</p>]]></content:encoded>",
    ],
)
def test_a_wiley_item_gives_the_abstract_under_its_heading_not_the_toc_summary(text: str) -> None:
    # Wiley's feeds: a citation in <description>, then the table of contents' summary of the
    # paper and the paper's abstract under an "Abstract" heading. The two were one abstract
    # ("… selective. Abstract Vertically …").
    feed = (
        '<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/" '
        'xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>'
        "<title>ChemBioChem</title><item><title>T</title>"
        f"<description>ChemBioChem, EarlyView. </description>{text}</item></channel></rss>"
    )
    [record] = parse_feed(feed).records
    assert (
        record.abstract == "Vertically ordered silica films hold nanopores. We review their uses."
    )


def test_a_nep_items_repec_handle_of_an_arxiv_paper_gives_its_arxiv_id() -> None:
    # NEP (RePEc's New Economics Papers) links each item by its RePEc handle; a paper from
    # arXiv has the handle "RePEc:arx:papers:<id>". The id was not read.
    text = (
        '<?xml version="1.0"?>\n<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"'
        ' xmlns:rss="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">\n'
        '<rss:channel rdf:about="https://nep.repec.org/nep-fmk"><rss:title>nep-fmk</rss:title>'
        "</rss:channel>\n"
        '<rss:item rdf:about="https://d.repec.org/n?u=RePEc:arx:papers:2601.01234&amp;r=fmk">\n'
        "<rss:title>Counting Sheep with Small Language Models</rss:title>\n"
        "<rss:link>https://d.repec.org/n?u=RePEc:arx:papers:2601.01234&amp;r=fmk</rss:link>\n"
        "<rss:description>Small language models miscount objects in images, and we show that a "
        "counting tool they call fixes most of the errors on three benchmarks.</rss:description>\n"
        "<dc:creator>Ana Lima</dc:creator>\n</rss:item>\n</rdf:RDF>\n"
    )
    [record] = parse_feed(text).records
    assert isinstance(record, Record)
    assert record.arxiv == "2601.01234"
