# Chinese paper notes write full-width labels and punctuation; the tests copy them on purpose.
# ruff: noqa: RUF001, RUF003
"""What people paste by hand: browser copies of arXiv listing and abstract pages, Markdown
paper lists and notes, plain notes; and the rules every paste keeps: a field line, an author
list, a heading, a Subjects: line or a note never becomes a paper, ids and titles are kept,
the same paper is not listed twice. Fixtures: tests/fixtures/pasted/, written for these tests.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from digest.errors import InputError
from digest.loading import load_papers
from digest.models import Corpus, Paper
from digest.readers import sniff_format
from digest.readers.pasted import parse_arxiv_page, parse_markdown
from digest.readers.pasted.text import LINK, inline_text
from digest.readers.plaintext import parse_text
from digest.readers.records import split_authors

PASTED = Path(__file__).resolve().parent / "fixtures" / "pasted"
SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def load(name: str) -> Corpus:
    return load_papers([PASTED / name])


def titled(corpus: Corpus, start: str) -> Paper:
    [paper] = [p for p in corpus.papers if (p.title or "").startswith(start)]
    return paper


def skipped(corpus: Corpus) -> list[tuple[int | None, str, bool]]:
    return [(s.line, s.reason.split(" (")[0], s.notice) for s in corpus.skipped]


# --- arXiv pages ----------------------------------------------------------------------------


def test_arxiv_listing_page_copy() -> None:
    corpus = load("arxiv_listing_page.txt")
    assert corpus.files[0].format == "arxiv-paste"
    heads = titled(corpus, "Sparse Retrieval Heads")
    assert heads.arxiv_id == "2411.10001"
    assert heads.authors == ("Ana Lima", "Kofi Mensah", "Wei Zhang")
    assert heads.abstract.startswith("Long-context language models retrieve facts")
    assert ("comments", "18 pages, 6 figures") in heads.metadata
    # "Authors:" alone, the names on the next line.
    assert titled(corpus, "Tokenizers").authors == ("Mei Chen", "Oluwaseun Adeyemi")
    warmup = titled(corpus, "Learning Rate Warmup")
    assert (warmup.arxiv_id, warmup.venue) == ("2411.09876", "Proceedings of ICLR 2025")
    # Three papers: the replacement of 2411.10001 is the same paper (not listed twice), and
    # the other replacement has no abstract (arXiv lists replacements without one).
    assert [p.arxiv_id for p in corpus.papers] == ["2411.10001", "2411.10002", "2411.09876"]
    assert len(corpus.merges) == 0
    assert skipped(corpus) == [
        (1, "text that is not part of any paper", True),  # the page's navigation
        (28, "no abstract", True),
        (37, "text that is not part of any paper", True),  # "Total of 5 entries"
    ]


def test_arxiv_listing_copy_without_authors_label() -> None:
    # arXiv's listing pages print the names under the title with no "Authors:" label: a long
    # title line is no wrapped one that goes on over them, and one name is the author too.
    corpus = load("arxiv_listing_unlabelled_authors.txt")
    calibrated = titled(corpus, "Calibrated Uncertainty")
    assert calibrated.title == (
        "Calibrated Uncertainty for Retrieval-Augmented Question Answering Systems"
    )
    assert calibrated.authors == ("Lena Park", "Tomas Oliveira", "Priya Raman")
    assert titled(corpus, "Sparse Probes").authors == ("Jon Berg",)
    assert skipped(corpus) == [(1, "text that is not part of any paper", True)]


def test_arxiv_search_page_copy() -> None:
    # arxiv.org/search copied from a browser: the title is a bare line after the id line and
    # its tags, the abstract ends in the page's "▽ More" / "△ Less" toggles, and the
    # "Submitted …; originally announced …" line follows it without a blank line.
    corpus = load("arxiv_search_page.txt")
    assert corpus.files[0].format == "arxiv-paste"
    assert [(p.arxiv_id, p.title) for p in corpus.papers] == [
        ("2411.10001", "Sparse Retrieval Heads: How Long-Context Models Find the Needle"),
        ("2410.06030", "Data Quality Issues in Vulnerability Detection Datasets"),
        ("2409.00123", "Entanglement Wedges in Flat Space"),
    ]
    heads, quality, wedges = corpus.papers
    assert heads.authors == ("Ana Lima", "Kofi Mensah", "Wei Zhang")
    assert heads.abstract.endswith("a sparse set of attention heads …")  # the short one
    assert heads.date == "2024-11-15"  # "15 November, 2024"
    assert ("subjects", "cs.CL cs.AI") in heads.metadata
    assert quality.doi == "10.1109/EuroSPW59978.2023.00008"  # the "doi" tag's value
    assert quality.date == "2024-10-03"  # v1's "3 October, 2024", not the revision's
    assert quality.abstract.endswith("54 datasets to confirm them.")
    # Both the short and the expanded abstract copied: the expanded one.
    assert wedges.abstract.startswith("We extend the entanglement wedge")
    assert wedges.abstract.endswith("set by the soft charges.")
    assert "▽" not in wedges.abstract and "show …" not in wedges.abstract
    assert ("subjects", "hep-th quant-ph") in wedges.metadata
    assert skipped(corpus) == [(1, "text that is not part of any paper", True)]


def test_arxiv_search_results_pasted_under_headings(tmp_path: Path) -> None:
    # A reading note: search results pasted under the reader's own topic headings.
    note = tmp_path / "reading.md"
    note.write_text(
        "# Reading\n\n## Others\narXiv:2410.18558  [pdf, other]  cs.CL\n"
        "Infinity-MM: Scaling Multimodal Instruction Data\n\nAuthors: Shuhao Gu, Jialing Zhang\n\n"
        "Abstract: Vision-language models have made significant progress, but open instruction "
        "data is limited in scale and quality, which we address with a new dataset.\n\n"
        "### 大规模多模态\narXiv:2410.17337  [pdf, other]  cs.CL cs.AI cs.IR\n"
        "Captions Speak Louder than Images: Foundation Models for E-commerce\n\n"
        "Authors: Xinyi Ling, Bo Peng\n\nAbstract: Leveraging multimodal data drives "
        "breakthroughs in e-commerce, and we introduce an instruction dataset for it.\n",
        encoding="utf-8",
    )
    corpus = load_papers([note])
    assert [(p.arxiv_id, p.title, p.authors[0]) for p in corpus.papers] == [
        ("2410.18558", "Infinity-MM: Scaling Multimodal Instruction Data", "Shuhao Gu"),
        ("2410.17337", "Captions Speak Louder than Images: Foundation Models for E-commerce",
         "Xinyi Ling"),
    ]  # fmt: skip


def test_arxiv_abstract_page_copy() -> None:
    corpus = load("arxiv_abs_page.txt")
    [paper] = corpus.papers
    assert paper.title == "Sparse Retrieval Heads: How Long-Context Models Find the Needle"
    assert (paper.arxiv_id, paper.arxiv_version) == ("2411.10001", 2)  # "(this version, v2)"
    assert paper.authors == ("Ana Lima", "Kofi Mensah", "Wei Zhang")
    # The abstract, not the page's greeting ("We gratefully acknowledge support …").
    assert paper.abstract.startswith("Long-context language models retrieve facts")
    assert dict(paper.metadata)["subjects"].startswith("Computation and Language (cs.CL)")
    # "[Submitted on 15 Nov 2024 (v1), last revised 2 Dec 2024 …]" above the Title: line.
    assert paper.date == "2024-11-15"


def test_a_submitted_on_line_dates_only_the_title_just_below_it(tmp_path: Path) -> None:
    # A history line far above a Title: (another paper's, cut) dates nothing.
    (tmp_path / "note.txt").write_text(
        "[Submitted on 15 Nov 2024 (v1)]\n\nSome notes of mine.\n\nMore notes.\n\n"
        "Title: Sparse Retrieval Heads\nAuthors: Ana Lima, Kofi Mensah\n"
        "Abstract: Long-context language models retrieve facts from anywhere in their input, "
        "and we find the attention heads that do it.\nSubjects: Computation and Language "
        "(cs.CL)\n",
        encoding="utf-8",
    )
    [paper] = load_papers([tmp_path]).papers
    assert paper.title == "Sparse Retrieval Heads" and paper.date is None


def test_authors_line_glued_above_the_abstract_under_a_heading(tmp_path: Path) -> None:
    # An abstract page copied under "# Title": the names, then the abstract on the very next
    # line (no blank line between), then the page's Subjects and Cite as.
    (tmp_path / "note.md").write_text(
        "https://arxiv.org/abs/2604.00001  paper\n\n"
        "# Sparse Retrieval Heads\nAna Lima, Kofi Mensah, Wei Zhang\n"
        "Long-context language models retrieve facts from anywhere in their input. We find "
        "the attention heads that do it.\nSubjects:\tComputation and Language (cs.CL)\n"
        "Cite as:\tarXiv:2604.00001 [cs.CL]\n\n---\n\n## My notes\n\n**Read** it again.\n",
        encoding="utf-8",
    )
    [paper] = load_papers([tmp_path]).papers
    assert paper.authors == ("Ana Lima", "Kofi Mensah", "Wei Zhang")
    assert paper.abstract.startswith("Long-context language models retrieve facts")


def test_an_abstract_wrapped_after_a_list_of_capitalised_terms_keeps_it(tmp_path: Path) -> None:
    # A hard-wrapped abstract whose first line ends on a list of terms goes on in lower case:
    # that line is the abstract's, not a byline.
    (tmp_path / "note.md").write_text(
        "# Sparse Retrieval Heads\nRetrieval Heads, Induction Heads and Copy Heads\n"
        "are found in every long-context model we study, and we show which of them "
        "retrieves facts.\n\n---\n\n## My notes\n\n**Read** it again.\n",
        encoding="utf-8",
    )
    [paper] = load_papers([tmp_path]).papers
    assert paper.authors == ()
    assert paper.abstract.startswith("Retrieval Heads, Induction Heads and Copy Heads are")


def test_bold_title_lines_with_italic_field_items_under_a_topic_heading(tmp_path: Path) -> None:
    # A report of related work: under topic headings, "**Title** (year)" on its own line and
    # its fields as items with italic labels ("- *Authors:* …"); a labelled note on the
    # paper ("- *Direct Connection:* …") is no abstract, and the topic heading no title.
    report = tmp_path / "prior_work.md"
    report.write_text(
        "## Key Prior Works\n\n### 💡 Inspiration\n\n"
        "**Estimating Training Data Influence by Tracing Gradient Descent** (2020)\n"
        "- *Authors:* Garima Pruthi et al.\n"
        "- *Direct Connection:* By summing gradient inner-products across checkpoints, TracIn "
        "tied data influence to the optimization path, which inspired this paper.\n\n"
        "**Data Shapley: Equitable Valuation of Data for Machine Learning** (2019)\n"
        "- *Authors:* Amirata Ghorbani, James Zou\n"
        "- *Abstract:* As data becomes the fuel driving technological and economic growth, a "
        "fundamental challenge is how to quantify the value of data in algorithmic predictions.\n",
        encoding="utf-8",
    )
    corpus = load_papers([report])
    [shapley] = corpus.papers
    assert shapley.title == "Data Shapley: Equitable Valuation of Data for Machine Learning"
    assert shapley.authors == ("Amirata Ghorbani", "James Zou")
    assert shapley.abstract.startswith("As data becomes the fuel")
    reasons = [s.reason for s in corpus.skipped]
    assert any(r.startswith("no abstract") for r in reasons)  # TracIn: a paper, no abstract
    assert any("a note labelled 'Direct Connection'" in r for r in reasons)


def test_icon_led_section_headings_are_sections_not_papers(tmp_path: Path) -> None:
    # A generated page per paper: the title heading, then sections whose headings open with
    # an icon, in the note's language ("## 📋 메타데이터" metadata, "## 📝 요약" a summary):
    # none is a paper's title, the fields in them are the paper's, the summary is set aside
    # for the abstract.
    note = tmp_path / "2404.17785.md"
    note.write_text(
        "# Temporal Scaling Law for Large Language Models\n\n## 📋 메타데이터\n\n"
        "**ArXiv ID**: [2404.17785](https://arxiv.org/abs/2404.17785)\n\n"
        "## 📄 Abstract (원문)\n\nRecently, large language models have been widely adopted, "
        "and we study how their test loss evolves as the training steps scale up.\n\n"
        "## 📝 요약\n\n최근 대형 언어 모델의 성능 향상에 대한 연구가 활발히 진행되고 "
        "있습니다. 본 논문에서는 새로운 개념인 시간적 스케일링 법칙을 제안하여 테스트 손실의 "
        "변화를 연구합니다.\n",
        encoding="utf-8",
    )
    corpus = load_papers([note])
    [paper] = corpus.papers
    assert paper.title == "Temporal Scaling Law for Large Language Models"
    assert paper.arxiv_id == "2404.17785"
    assert paper.abstract.startswith("Recently, large language models")
    assert [(s.line, s.reason) for s in corpus.skipped] == [
        (13, "a summary of the paper, not its abstract")
    ]


def test_a_generated_list_marks_each_papers_title_with_a_page_icon(tmp_path: Path) -> None:
    # Haseebjaved123/Daily_paper_update's template: "## \U0001f4c4 Title", then sections under
    # icons, the names under "### \U0001f465 Authors", a statistics section counting them
    # ("Authors: 3 researchers") and a figure's image. The paper came out with its abstract
    # only: no title, authors, arXiv id or link.
    note = tmp_path / "06-12-2025_10-07.md"
    note.write_text(
        "# \U0001f4c5 Date: 2025-10-02\n\n## \U0001f4c4 Sparse Retrieval for Long Documents\n\n"
        "### \U0001f465 Authors\nKofi Mensah, Ada Lovelace, Lena Brandt\n\n"
        "### \U0001f517 Links\n- **Primary**: [View Paper](http://arxiv.org/abs/2510.01234v1)\n"
        "- **PDF**: [Download PDF](https://arxiv.org/pdf/2510.01234v1.pdf)\n\n"
        "### \U0001f4ca Paper Statistics\n- **Word Count**: 30 words\n"
        "- **Authors**: 3 researchers\n\n### \U0001f5bc\ufe0f Figure\n"
        "![No Figure Available](https://img.shields.io/badge/Figure-Not_Available-lightgrey)\n\n"
        "### \U0001f4dd Abstract\nWe retrieve long documents with sparse models. Our method "
        "scores passages jointly and beats dense retrievers on three benchmarks.\n\n---\n"
        "*Generated by a paper update system*\n\n## \U0001f4c4 transformers\n\n"
        "### \U0001f465 Authors\nhuggingface\n\n### \U0001f517 Links\n"
        "- **Primary**: [View Paper](https://github.com/huggingface/transformers)\n\n"
        "### \U0001f5bc\ufe0f Figure\n![No Figure](https://img.shields.io/badge/Figure-None)\n\n"
        "### \U0001f4dd Abstract\nState-of-the-art machine learning for JAX and PyTorch\n",
        encoding="utf-8",
    )
    first, second = load_papers([note]).papers
    assert (first.title, first.authors, first.arxiv_id) == (
        "Sparse Retrieval for Long Documents",
        ("Kofi Mensah", "Ada Lovelace", "Lena Brandt"),
        "2510.01234",
    )
    assert first.abstract.startswith("We retrieve long documents")
    # A trending repository dressed as a paper: its page is a code host's, its image none.
    assert (second.title, second.authors, second.url) == ("transformers", ("huggingface",), None)


def test_a_page_clipped_with_its_translation_keeps_its_own_title(tmp_path: Path) -> None:
    # An arXiv page clipped with a Chinese line under each of its lines: "Title: \u2026", then
    # "\u6807\u9898\uff1a\u2026" (its title translated) opened a second paper, which took the
    # arXiv id and the abstract under the Chinese title.
    note = tmp_path / "clip.md"
    note.write_text(
        '---\ntitle: "Tides of the Inner Moons"\noriginalUrl: "https://arxiv.org/abs/2607.01234"\n'
        "---\n\n### Tides of the Inner Moons  \n\u5185\u536b\u661f\u7684\u6f6e\u6c50  \n\n"
        "**Content:**  \nComputer Science > Earth arXiv:2607.01234 (astro-ph)  \n"
        "Title: Tides of the Inner Moons  \nAuthors: Ana Lima, Rui Costa  \n\n"
        "\u6807\u9898\uff1a\u5185\u536b\u661f\u7684\u6f6e\u6c50  \n"
        "\u4f5c\u8005\uff1aAna Lima, Rui Costa  \n\n"
        "We measure the tides raised on the inner moons by their planet over ten years of "
        "observations.  \n\u6211\u4eec\u6d4b\u91cf\u4e86\u5341\u5e74\u6765\u884c\u661f\u5728"
        "\u5185\u536b\u661f\u4e0a\u5f15\u8d77\u7684\u6f6e\u6c50\u3002  \n\n"
        "We find them twice as strong as the models predict for moons of their size.  \n"
        "\u6211\u4eec\u53d1\u73b0\u6f6e\u6c50\u662f\u6a21\u578b"
        "\u9884\u6d4b\u7684\u4e24\u500d\u3002  \n\n"
        "Cite as: arXiv:2607.01234 [astro-ph.EP]  \n",
        encoding="utf-8",
    )
    [paper] = load_papers([note]).papers
    assert (paper.title, paper.arxiv_id) == ("Tides of the Inner Moons", "2607.01234")
    # Its abstract comes a sentence a paragraph, each over its translation: the English
    # sentences, all of them, once (the first was kept with its translation, the others
    # skipped as text after the abstract).
    assert paper.abstract == (
        "We measure the tides raised on the inner moons by their planet over ten years of "
        "observations. We find them twice as strong as the models predict for moons of their size."
    )


def test_a_title_named_by_its_acronym_is_no_labelled_field(tmp_path: Path) -> None:
    # pandoc's Markdown of an arXiv page under a header of the paper's title, topics and a
    # summary: "CORL: A Continuous-state Offset-dynamics Reinforcement Learner" was read as a
    # field "CORL", and opened a second paper: untitled, "Topics include ..." its authors.
    page = tmp_path / "abs.md"
    page.write_text(
        "SRLD: Sparse Retrieval for Long Documents\n\n"
        "Topics include Information retrieval, Sparse models, Long documents.\n\n"
        "Introduces SRLD for retrieving long documents with sparse models, scoring their "
        "passages jointly and beating dense retrievers on three benchmarks.\n\n"
        "## Computer Science \\> Information Retrieval\n\n"
        "## Title:SRLD: Sparse Retrieval for Long Documents\n\n"
        'Authors:Kofi Mensah{rel="nofollow"}, Ada Lovelace{rel="nofollow"}\n\n'
        "View a PDF of the paper titled SRLD: Sparse Retrieval for Long Documents\n\n"
        "> Abstract:We retrieve long documents with sparse models. We score the passages of "
        "each document jointly and beat dense retrievers on three benchmarks.\n\n"
        "Subjects: Information Retrieval (cs.IR)\n\n## Submission history\n",
        encoding="utf-8",
    )
    [paper] = load_papers([page]).papers
    assert (paper.title, paper.authors) == (
        "SRLD: Sparse Retrieval for Long Documents",
        ("Kofi Mensah", "Ada Lovelace"),
    )


def test_a_notes_paper_details_at_its_end_are_the_papers(tmp_path: Path) -> None:
    # A Japanese note on one paper: its summary under "## \u6982\u8981 (Overview)", its own
    # sections, then "#### \u8ad6\u6587\u60c5\u5831" (paper information: authors, journal,
    # DOI, arXiv). The block was read as a second entry, skipped for having no abstract, and
    # the paper kept neither id.
    note = tmp_path / "moons.md"
    note.write_text(
        "---\ntitle: Inner moon tides (Lima et al., 2024)\n---\n\n# Inner moon tides\n\n"
        "## \u6982\u8981 (Overview)\n\n\u672c\u7814\u7a76\u3067\u306f\u5185\u885b\u661f"
        "\u306e\u6f6e\u6c50\u3092\u5341\u5e74\u9593\u89b3\u6e2c\u3057\u3001\u30e2\u30c7"
        "\u30eb\u306e\u4e88\u6e2c\u306e\u4e8c\u500d\u3067\u3042\u308b\u3053\u3068\u3092"
        "\u793a\u3057\u305f\u3002\n\n## \u4e3b\u306a\u5185\u5bb9 (Main Content)\n\n"
        "### \u91cd\u8981\u306a\u767a\u898b\n- \u6f6e\u6c50\u306f\u4e8c\u500d\n\n---\n\n"
        "#### \u8ad6\u6587\u60c5\u5831\n\n- \u8457\u8005: Lima, A. et al. (2024)\n"
        "- DOI: [10.1000/moons.1](https://doi.org/10.1000/moons.1)\n"
        "- arXiv: [2401.01234](https://arxiv.org/abs/2401.01234)\n",
        encoding="utf-8",
    )
    corpus = load_papers([note])
    [paper] = corpus.papers
    assert (paper.arxiv_id, paper.doi) == ("2401.01234", "10.1000/moons.1")
    assert not any(s.reason.startswith("no abstract") for s in corpus.skipped)


def test_a_reading_note_with_its_table_of_contents_and_numbered_sections(tmp_path: Path) -> None:
    # Notes on one paper: its fields as items, a table of contents of in-page links (its
    # heading marked "<!-- omit in toc -->"), then the paper's own numbered sections with
    # quoted passages. Only the paper is a paper: no contents entry, no "1. Introduction".
    note = tmp_path / "refinenet.md"
    note.write_text(
        "# [Notes] RefineNet <!-- omit in toc -->\n\n* url: https://arxiv.org/abs/1611.06612\n"
        "* Title: RefineNet: Multi-Path Refinement Networks\n* Abstract: We present RefineNet, "
        "a multi-path refinement network that exploits all the information along the "
        "down-sampling process.\n\n## Table of Contents <!-- omit in toc -->\n\n"
        "- [Summary of Main Contributions](#summary-of-main-contributions)\n"
        "- [1. Introduction](#1-introduction)\n\n## 1. Introduction\n\n"
        "> Multiple stages of spatial pooling and convolution strides reduce the final image "
        "prediction by a factor of 32, losing much of the finer image structure.\n",
        encoding="utf-8",
    )
    corpus = load_papers([note])
    assert [(p.arxiv_id, p.title) for p in corpus.papers] == [
        ("1611.06612", "RefineNet: Multi-Path Refinement Networks")
    ]
    assert not any(s.reason.startswith("no abstract") for s in corpus.skipped)


def test_arxiv_abstract_page_clipped_into_paragraphs() -> None:
    # A web clipper's copy: "… [Submitted on …] Title:" ends a line, and the title, the
    # authors, "… Abstract:" and the abstract follow as paragraphs of their own; the version
    # is only in "(or arXiv:IDv1 [cs.CL] for this version)".
    corpus = load("arxiv_abs_page_clipped.md")
    [paper] = corpus.papers
    assert paper.title == "Sparse Retrieval Heads: How Long-Context Models Find the Needle"
    assert (paper.arxiv_id, paper.arxiv_version) == ("2411.10001", 1)
    assert paper.authors == ("Ana Lima", "Kofi Mensah", "Wei Zhang")
    assert paper.abstract.startswith("Long-context language models retrieve facts")
    assert paper.abstract.endswith("pruning them breaks it.")
    assert paper.date == "2024-11-15"  # "[Submitted on 15 Nov 2024]": the first version's day


def test_web_clipper_page_of_an_abstract_page() -> None:
    # Obsidian's Web Clipper: the page's Title: field as a heading ("# Title:…"), the
    # abstract glued to the page's link ("View PDFAbstract:…"), and the paper's link,
    # authors and date only in the note's properties.
    corpus = load("web_clipper_abs_page.md")
    [paper] = corpus.papers
    assert paper.title == "Sparse Retrieval Heads: How Long-Context Models Find the Needle"
    assert paper.abstract.startswith("Long-context language models retrieve facts")
    assert paper.arxiv_id == "2411.10001"
    assert paper.authors == ("Ana Lima", "Kofi Mensah", "Wei Zhang")
    assert paper.date == "2024-11-15"


def test_a_reference_note_whose_properties_hold_the_abstract(tmp_path: Path) -> None:
    # A note per reference, all in its properties (a folded "abstract: >-" among them) and
    # nothing in its body: the properties are the paper.
    note = tmp_path / "lima2024retrieval.md"
    note.write_text(
        "---\ntitle: Sparse Retrieval Heads\ntype: bibtex_entry\nauthors:\n  - Ana Lima\n"
        "  - Kofi Mensah\nyear: '2024'\nvenue: Transactions of the ACL\n"
        "url: 'https://arxiv.org/abs/2411.10001'\nabstract: >-\n"
        "  Long-context language models retrieve facts from anywhere in their input,\n"
        "  and we find the few attention heads that carry the retrieval.\ntags:\n"
        "  - retrieval\n---\n\n",
        encoding="utf-8",
    )
    corpus = load_papers([note])
    [paper] = corpus.papers
    assert paper.title == "Sparse Retrieval Heads"
    assert paper.authors == ("Ana Lima", "Kofi Mensah")
    assert (paper.arxiv_id, paper.date, paper.venue) == (
        "2411.10001",
        "2024",
        "Transactions of the ACL",
    )
    assert paper.abstract == (
        "Long-context language models retrieve facts from anywhere in their input, and we "
        "find the few attention heads that carry the retrieval."
    )
    assert not corpus.skipped


def test_a_notes_own_properties_lend_no_authors(tmp_path: Path) -> None:
    # A note's template names its writer as author and gives no source: the paper in it
    # keeps its own (missing) authors, and its own title.
    note = tmp_path / "note.md"
    note.write_text(
        "---\ntitle: Reading week 46\nauthor: Jonas Berg\n---\n\n# Sparse Retrieval Heads\n\n"
        "Long-context language models retrieve facts from anywhere in their input, but how "
        "they do it is unclear.\n",
        encoding="utf-8",
    )
    [paper] = load_papers([note]).papers
    assert (paper.title, paper.authors) == ("Sparse Retrieval Heads", ())


def test_arxiv_abstract_page_lines_with_page_text_after_the_authors(tmp_path: Path) -> None:
    # A copy with the page's own line breaks lost in places: the "View a PDF …" link sits on
    # the Authors: line, and the version only in "(or arXiv:IDv2 … for this version)".
    page = tmp_path / "page.md"
    page.write_text(
        "# Sparse Retrieval Heads\n\nSource URL: https://arxiv.org/abs/2411.10001\n\n"
        "Title: Sparse Retrieval Heads: How Long-Context Models Find the Needle \n"
        "Authors: Ana Lima , Kofi Mensah , Wei Zhang View a PDF of the paper titled Sparse "
        "Retrieval Heads, by Ana Lima and 2 other authors View PDF HTML (experimental) \n"
        "Abstract: Long-context language models retrieve facts from anywhere in their input, "
        "but how they do it is unclear. We find attention heads that carry the retrieval. \n"
        "Subjects: Computation and Language (cs.CL) Cite as: arXiv:2411.10001 [cs.CL] "
        "(or arXiv:2411.10001v2 [cs.CL] for this version) \n",
        encoding="utf-8",
    )
    [paper] = load_papers([page]).papers
    assert paper.authors == ("Ana Lima", "Kofi Mensah", "Wei Zhang")
    assert (paper.arxiv_id, paper.arxiv_version) == ("2411.10001", 2)


def test_hard_wrapped_abstract_page_keeps_the_rest_of_its_fields(tmp_path: Path) -> None:
    # A text browser's dump of an abstract page (lynx -dump, a fetcher's page text) wraps
    # every line at ~72 columns: the title, the author list and the subjects go on to the
    # next line, and "View a PDF …" follows the authors with no blank line between.
    page = tmp_path / "page.txt"
    page.write_text(
        "Computer Science > Computation and Language\n\n"
        "arXiv:2411.10001 (cs)\n[Submitted on 15 Nov 2024]\n\n"
        "Title:Sparse Retrieval Heads: How Long-Context Language Models Find the\n"
        "Needle\n\n"
        "Authors:Ana Lima, Kofi Mensah, Wei Zhang, Maria Garcia, Jan Kowalski,\n"
        "Christopher D. Manning, Sofia Rossi\n"
        "View a PDF of the paper titled Sparse Retrieval Heads: How Long-Context\n"
        "Language Models Find the Needle, by Ana Lima and 6 other authors\n"
        "View PDF HTML (experimental)\n\n"
        "Abstract:Long-context language models retrieve facts from anywhere in their\n"
        "input, but how they do it is unclear. We find attention heads that carry\n"
        "the retrieval.\n\n"
        "Subjects: Computation and Language (cs.CL); Artificial Intelligence (cs.AI);\n"
        "Machine Learning (cs.LG)\n"
        "Cite as: arXiv:2411.10001 [cs.CL]\n",
        encoding="utf-8",
    )
    [paper] = load_papers([page]).papers
    assert paper.title == (
        "Sparse Retrieval Heads: How Long-Context Language Models Find the Needle"
    )
    assert paper.authors == (
        "Ana Lima", "Kofi Mensah", "Wei Zhang", "Maria Garcia", "Jan Kowalski",
        "Christopher D. Manning", "Sofia Rossi",
    )  # fmt: skip
    assert dict(paper.metadata)["subjects"].endswith("(cs.AI); Machine Learning (cs.LG)")
    assert paper.abstract.endswith("carry the retrieval.")


def test_a_hard_wrapped_history_line_dates_the_wrapped_title_below_it(tmp_path: Path) -> None:
    # A text browser's dump wraps "[Submitted on …, last revised … (this version," before
    # "v2)]" and the title over two lines: the first version's day still dates the paper.
    page = tmp_path / "page.txt"
    page.write_text(
        "arXiv:2411.10001 (cs)\n[Submitted on 15 Nov 2024 (v1), last revised 2 Dec 2024 "
        "(this version,\nv2)]\n\n"
        "Title:Sparse Retrieval Heads: How Long-Context Language Models Find the\n"
        "Needle\n\nAuthors:Ana Lima, Kofi Mensah\n\n"
        "Abstract:Long-context language models retrieve facts from anywhere in their\n"
        "input, but how they do it is unclear. We find attention heads that carry\n"
        "the retrieval.\n\nSubjects: Computation and Language (cs.CL)\n",
        encoding="utf-8",
    )
    [paper] = load_papers([page]).papers
    assert paper.title == (
        "Sparse Retrieval Heads: How Long-Context Language Models Find the Needle"
    )
    assert paper.date == "2024-11-15"


def test_a_short_field_line_keeps_the_text_after_it_out_of_its_value(tmp_path: Path) -> None:
    # Only a line that reached the wrap width goes on: a short title line is followed by
    # the abstract, a long one that ends its sentence by the next paragraph's text.
    note = tmp_path / "note.txt"
    note.write_text(
        "Title: Sparse Retrieval Heads\n"
        "Long-context language models retrieve facts from anywhere in their input, but how "
        "they do it is unclear. We find attention heads that carry the retrieval.\n\n"
        "Authors: Ana Lima, Kofi Mensah, Wei Zhang, Maria Garcia, Jan Kowalski, Ola Berg\n"
        "Abstract: We find attention heads that carry the retrieval in long contexts.\n",
        encoding="utf-8",
    )
    papers = load_papers([note]).papers
    assert [p.title for p in papers] == ["Sparse Retrieval Heads"]
    assert papers[0].authors[-1] == "Ola Berg"


def test_a_feed_readers_view_of_an_arxiv_item(tmp_path: Path) -> None:
    # newsboat's article view copied from the terminal: its status line, "Feed:", "Title:"
    # (arXiv's feed title of before 2024, id and category in it), "Author:", "Date:" and
    # "Link:" lines, the abstract unlabelled and hard-wrapped, then the pager's "~" filler.
    view = tmp_path / "article.txt"
    view.write_text(
        "newsboat 2.14.1 - Article 'Sparse Retrieval Heads. (arXiv:2008.04826v1 [cs.SI])' "
        "(7 unread, 10\n"
        "Feed: cs updates on arXiv.org\n"
        "Title: Sparse Retrieval Heads. (arXiv:2008.04826v1 [cs.SI])\n"
        "Author: Ana Lima, Kofi Mensah\n"
        "Date: Wed, 12 Aug 2020 21:10:36 +0800\n"
        "Link: http://arxiv.org/abs/2008.04826\n\n"
        "Long-context language models retrieve facts from anywhere in their input, but\n"
        "how they do it is unclear. We find attention heads that carry the retrieval.\n"
        + "~\n" * 5
        + "q:Quit s:Save n:Next Unread o:Open in Browser e:Enqueue ?:Help          Top\n",
        encoding="utf-8",
    )
    corpus = load_papers([view])
    [paper] = corpus.papers
    assert (paper.title, paper.arxiv_id, paper.authors, paper.date) == (
        "Sparse Retrieval Heads",
        "2008.04826",
        ("Ana Lima", "Kofi Mensah"),
        "2020-08-12",
    )
    assert paper.abstract.endswith("heads that carry the retrieval.")


def test_pandocs_link_attributes_are_no_part_of_the_names(tmp_path: Path) -> None:
    # An abstract page turned into Markdown by pandoc: each author's link keeps its
    # attributes ('{rel="nofollow"}'), the id's link its class ("{.arxivid}").
    search = "https://arxiv.org/search/cs?searchtype=author&query="
    page = tmp_path / "page.md"
    page.write_text(
        "## Title:Sparse Retrieval Heads\n\n"
        f'Authors:[Ana Lima]({search}Lima,+A){{rel="nofollow"}}, '
        f'[Kofi Mensah]({search}Mensah,+K){{rel="nofollow" target="_blank"}}\n\n'
        "> Abstract:Long-context language models retrieve facts from anywhere in their "
        "input, but how they do it is unclear. We find the heads that carry it.\n\n"
        "Cite as: [arXiv:2411.10001](https://arxiv.org/abs/2411.10001){.arxivid} \\[cs.CL\\]\n",
        encoding="utf-8",
    )
    [paper] = load_papers([page]).papers
    assert (paper.authors, paper.arxiv_id) == (("Ana Lima", "Kofi Mensah"), "2411.10001")


def test_flattened_abstract_page_keeps_its_own_id_not_one_it_cites(tmp_path: Path) -> None:
    # A page flattened onto one line, without the "[ID]" before its title: the abstract and
    # the comments cite other arXiv papers before "Cite as:" names the page's own.
    head = (
        "Skip to main content Computer Science > Computation and Language "
        "Title: Sparse Retrieval Heads Authors: Ana Lima, Kofi Mensah View PDF "
        "Abstract: We extend the retrieval heads of arXiv:2404.15574 to long contexts and "
        "find the few attention heads that carry the retrieval. "
        "Comments: Extends arXiv:2310.01234v3 Subjects: Computation and Language (cs.CL) "
        "Cite as: arXiv:2411.10001 [cs.CL]"
    )
    pages = tmp_path / "pages.txt"
    pages.write_text(
        head
        + " (or arXiv:2411.10001v2 [cs.CL] for this version)\n\n"
        + head.replace("2411.10001", "2411.10002").replace("Sparse", "Dense")
        + " Submission history From: Ana Lima [v1] Fri, 15 Nov 2024 (this version, v1)\n",
        encoding="utf-8",
    )
    corpus = load_papers([pages])
    assert [(p.title, p.arxiv_id, p.arxiv_version) for p in corpus.papers] == [
        ("Sparse Retrieval Heads", "2411.10001", 2),
        ("Dense Retrieval Heads", "2411.10002", 1),
    ]


def test_a_line_describing_a_flattened_page_is_not_one(tmp_path: Path) -> None:
    # The note column of our own exports manifest (bench/exports/MANIFEST.tsv) says what a
    # paste holds, in the page's words with their values elided: it gave a "paper" whose
    # abstract was the description, and it won the merge with the real page's paper.
    (tmp_path / "notes.tsv").write_text(
        "path\tnotes\n"
        'paste.md\t"an RSS item flattened to text (""arXiv:2509.13361v1 Announce Type: new '
        'Abstract: ..."" truncated), then the arXiv abs web page copied as one line of text '
        '(""[2509.13361] Title ... Skip to main content ... Title:... Authors:... '
        'Abstract:..."", with entities)"\n',
        encoding="utf-8",
    )
    with pytest.raises(InputError, match=r"no abstracts found .*notes.tsv:1: text that is not"):
        load_papers([tmp_path / "notes.tsv"])


def test_a_feed_pasted_into_a_note_cut_off_before_its_first_item(tmp_path: Path) -> None:
    # The raw feed stops after the channel's header: no item in it, and the note's own
    # paper is still read.
    note = tmp_path / "note.md"
    note.write_text(
        "# Deep Lookup Network\n\nWe propose a lookup operation for convolutional networks "
        "instead of multiplications, and it cuts their energy use by half on images.\n\n"
        "## Scraped from https://arxiv.org/rss/cs.CV\n<?xml version='1.0' encoding='UTF-8'?>\n"
        '<rss version="2.0">\n  <channel>\n    <title>cs.CV updates on arXiv.org</title>\n',
        encoding="utf-8",
    )
    [paper] = load_papers([note]).papers
    assert paper.title == "Deep Lookup Network"


def test_flattened_abstract_page_and_feed_item_in_a_note(tmp_path: Path) -> None:
    # A note made by a feed-reading shortcut: the feed item flattened to text, the raw XML
    # of the feed cut off mid-item, and the abstract page flattened onto one line.
    note = (
        "---\ntype: note\ntags:\n- ai\n---\n\n# Deep Lookup Network\n\n## summary\n"
        "We propose a lookup operation for convolutional networks instead of multiplications.\n\n"
        "## content\nRSS Feed: cs.CV updates on arXiv.org\nLink: https://arxiv.org/abs/2509.13662\n\n"
        "Deep Lookup Network\n\narXiv:2509.13662v1 Announce Type: new Abstract: Convolutional "
        "neural networks are computationally intensive, and multiplication costs the most energy "
        "among their operations...\n\n## Scraped from https://arxiv.org/rss/cs.CV\n"
        "<?xml version='1.0' encoding='UTF-8'?>\n<rss version=\"2.0\">\n  <channel>\n"
        "    <title>cs.CV updates on arXiv.org</title>\n    <item>\n"
        "      <title>Proximity-Based Evidence Retrieval for Uncertainty-Aware Networks</title>\n"
        "      <link>https://arxiv.org/abs/2509.13338</link>\n"
        "      <description>arXiv:2509.13338v1 Announce Type: new \nAbstract: This work proposes "
        "an evidence-retrieval mechanism for uncertainty-aware decision-making that repl...\n\n"
        "## Scraped from https://arxiv.org/abs/2509.13662\n[2509.13662] Deep Lookup Network Skip "
        "to main content Donate &gt; cs &gt; arXiv:2509.13662 Help | Advanced Search All fields "
        "Title Author Abstract Comments [Submitted on 17 Sep 2025] Title:Deep Lookup Network "
        "Authors:Yulan Guo, Longguang Wang View a PDF of the paper titled Deep Lookup Network, by "
        "Yulan Guo and 1 other authors View PDF HTML (experimental) Abstract:Convolutional neural "
        "networks are computationally intensive, and multiplication costs the most energy among "
        "their operations. We introduce a generic lookup operation instead.\n\n## connections\n"
        "- processed from phone shortcut\n"
    )
    (tmp_path / "note.md").write_text(note, encoding="utf-8")
    corpus = load_papers([tmp_path / "note.md"])
    assert corpus.files[0].format == "markdown"
    lookup, evidence = corpus.papers
    assert (lookup.arxiv_id, lookup.title) == ("2509.13662", "Deep Lookup Network")
    assert lookup.authors == ("Yulan Guo", "Longguang Wang")
    assert lookup.abstract.endswith("We introduce a generic lookup operation instead.")
    assert evidence.arxiv_id == "2509.13338"
    assert evidence.title == "Proximity-Based Evidence Retrieval for Uncertainty-Aware Networks"
    assert len(corpus.merges) == 0  # the three copies of 2509.13662 are one record
    assert {s.reason.split(" (")[0] for s in corpus.skipped} == {
        "front matter",
        "note text, not an abstract",
    }


# --- Markdown -------------------------------------------------------------------------------


def test_markdown_reading_list() -> None:
    corpus = load("reading_list.md")
    assert corpus.files[0].format == "markdown"
    heads = titled(corpus, "Sparse Retrieval Heads")
    assert heads.url == "https://arxiv.org/abs/2411.10001"
    assert heads.authors == ("Ana Lima", "Kofi Mensah")  # after the link, on the bullet
    assert heads.abstract.endswith("We find the heads that carry the retrieval.")  # blockquote
    assert (heads.arxiv_id, heads.arxiv_version) == ("2411.10001", 2)  # listed again: once
    dense = titled(corpus, "Dense Passage Retrieval Revisited")  # a bold title, a pdf link
    assert dense.doi == "10.1000/dpr.2024"
    assert dense.abstract.startswith("We revisit dense passage retrieval")
    row = titled(corpus, "Tokenizers Across Forty Languages")  # a table row
    assert (row.arxiv_id, row.authors) == ("2411.10002", ("Mei Chen", "Oluwaseun Adeyemi"))
    yolo = titled(corpus, "Lightweight G-YOLOv11")  # "G\-YOLOv11": escapes removed
    assert yolo.title == "Lightweight G-YOLOv11: Fracture Detection in X-rays"
    assert yolo.abstract.startswith("Computer-aided diagnosis (CAD) systems")  # bold label
    assert yolo.abstract.endswith("https://github.com/AbdesselamFerdi/G-YOLOv11.")
    assert (yolo.arxiv_id, yolo.authors) == ("2501.00647", ("Abdesselam Ferdi",))
    assert len(corpus.papers) == 4


def test_daily_list_with_labels_on_their_own_lines(tmp_path: Path) -> None:
    # An arxiv-daily generator's README: "### Title:" with the title on the next line (a
    # colon in it), "- **Subjects:** Subjects:" with the subjects on the next line, links
    # whose ids the generator left out, and "- **Abstract**" over the abstract.
    entry = (
        "### Title:\n          {title}\n"
        " - **Authors:** {authors}\n"
        " - **Subjects:** Subjects:\nRobotics (cs.RO)\n"
        " - **Arxiv link:** https://arxiv.org/abs/\n"
        " - **Pdf link:** https://arxiv.org/pdf/\n"
        " - **Abstract**\n {abstract}\n"
    )
    daily = tmp_path / "README.md"
    daily.write_text(
        "# Showing new listings for Friday, 26 June 2026\n## Keyword: SLAM\n"
        + entry.format(
            title="PanoImager: Novel View Synthesis from Sparse Panoramic Views",
            authors="Zhisong Xu, Takeshi Oishi",
            abstract="Panoramic sensing offers wide coverage, yet 3D reconstruction from "
            "sparse panoramas remains challenging under weak-parallax motion.",
        )
        + "## Keyword: livox\nThere is no result \n## Keyword: lidar\n"
        + entry.format(
            title="A Closed-Form 4-DoF Inter-Robot Pose Estimator",
            authors="Qixin De, Ao Zhuang",
            abstract="Bearing-odometry-based cooperative localization has attracted "
            "increasing research interest due to its minimal infrastructure requirements.\\\\ "
            "This paper presents a closed-form estimator.",
        ),
        encoding="utf-8",
    )
    papers = load_papers([daily]).papers
    assert [(p.title, p.authors[0], p.url) for p in papers] == [
        ("PanoImager: Novel View Synthesis from Sparse Panoramic Views", "Zhisong Xu", None),
        ("A Closed-Form 4-DoF Inter-Robot Pose Estimator", "Qixin De", None),
    ]
    assert papers[0].abstract.startswith("Panoramic sensing offers wide coverage")
    # The line break "\\" arXiv keeps from the author's LaTeX is a space between sentences.
    assert papers[1].abstract.endswith(
        "infrastructure requirements. This paper presents a closed-form estimator."
    )
    assert dict(papers[1].metadata)["subjects"] == "Robotics (cs.RO)"


def test_a_label_left_blank_before_the_abstracts_heading_takes_no_value(tmp_path: Path) -> None:
    # A generated note about one arXiv paper (a Korean daily-digest vault; library id
    # 27567038605) leaves "**Authors:** " blank under its heading, then "## 📄 Abstract (원문)"
    # over the feed's "arXiv:… Announce Type: … Abstract: …": the blank label took the
    # abstract for its authors, and the note read as "papers without their abstracts".
    note = tmp_path / "note.md"
    note.write_text(
        "---\ncategory: cs.AI\narxiv_id: 2502.01375\n---\n\n"
        "# Compact Rule-Based Classifier Learning via Gradient Descent\n\n"
        "## 📋 메타데이터\n\n**PDF**: [Download](https://arxiv.org/pdf/2502.01375.pdf)\n"
        "**ArXiv ID**: [2502.01375](https://arxiv.org/abs/2502.01375)\n\n"
        "## 📋 저자 정보\n\n**Authors:** \n\n## 📄 Abstract (원문)\n\n"
        "arXiv:2502.01375v2 Announce Type: replace-cross \nAbstract: Rule-based models are "
        "essential for high-stakes decision-making due to their transparency, but their "
        "discrete nature makes them hard to optimise at scale.\n\n"
        "## 📝 요약\n\n이 논문에서는 규칙 기반 모델의 최적화 문제를 다룹니다.\n",
        encoding="utf-8",
    )
    [paper] = load_papers([note]).papers
    assert paper.title == "Compact Rule-Based Classifier Learning via Gradient Descent"
    assert paper.authors == ()
    assert paper.arxiv_id == "2502.01375"
    assert paper.abstract.startswith("Rule-based models are essential for high-stakes")


def test_a_generated_lists_own_heading_and_blurb_are_no_paper(tmp_path: Path) -> None:
    # "# Showing new listings for …" over one line about the page, then papers with ids
    # and authors: the page's heading and blurb are no paper.
    daily = tmp_path / "README.md"
    daily.write_text(
        "# Showing new listings for Tuesday, 25 February 2025\n"
        "Auto update papers at about 2:30am UTC (10:30am Beijing time) every weekday.\n\n"
        + "".join(
            f"#### {title}\n - **Authors:** {authors}\n"
            f" - **Arxiv link:** https://arxiv.org/abs/{arxiv}\n\n - **Abstract**\n"
            " Recent advancements in neural audio codec models have inspired their use in "
            "various speech processing tasks, including speech enhancement.\n"
            for title, authors, arxiv in [
                (
                    "Speech Enhancement Using Codec Embeddings",
                    "Haoyang Li, Jia Qi Yip",
                    "2502.16240",
                ),
                ("voc2vec: A Model for Non-Verbal Vocalization", "Alkis Koudounas", "2502.16298"),
            ]
        ),
        encoding="utf-8",
    )
    corpus = load_papers([daily])
    assert [p.arxiv_id for p in corpus.papers] == ["2502.16240", "2502.16298"]
    assert (1, "a page's heading and its line of text, not a paper", True) in skipped(corpus)


def test_a_digests_own_heading_over_its_papers_headings_is_no_paper(tmp_path: Path) -> None:
    # "# Weekly Digest - …" with its summary, a list of topics, above "### [Title](link)"
    # papers: the page's heading and blurb, however long, are no paper.
    digest_page = tmp_path / "digest.md"
    digest_page.write_text(
        "# Weekly Paper Digest - 2026-03-02\n\n**Papers Found:** 2\n\n## Summary\n\n"
        "This digest covers:\n- Sparse attention kernels for long sequences on small GPUs\n"
        "- Memory-bounded training of recurrent models on edge devices and phones\n"
        "- Benchmarks of tokenizer choices for low-resource and code-mixed languages\n\n"
        "## Papers\n\n"
        + "".join(
            f"### [{title}](http://arxiv.org/abs/{arxiv}v1)\n**Authors:** {authors}  \n\n"
            "**Abstract:** We study how a fixed compute budget is best split between model "
            "width and depth, and find that depth pays off only past a threshold size.\n\n"
            for title, authors, arxiv in [
                ("Depth Versus Width Under a Budget", "Ana Ruiz, Bo Chen", "2603.01001"),
                ("Budgeted Scaling of Small Models", "Carl Ode", "2603.01002"),
            ]
        ),
        encoding="utf-8",
    )
    corpus = load_papers([digest_page])
    assert [p.arxiv_id for p in corpus.papers] == ["2603.01001", "2603.01002"]
    assert (1, "a page's heading and its line of text, not a paper", True) in skipped(corpus)


def test_details_toggles_labelled_with_a_papers_title_are_its_entries(tmp_path: Path) -> None:
    # An arXiv daily list of <details> toggles: "<summary><strong>Title</strong> - authors -
    # [[pdf]](…)</summary>", the abstract inside, under "<summary><h2>Section</h2></summary>".
    daily = tmp_path / "daily.md"
    daily.write_text(
        "# Robotics arXiv Daily\n\n**Total Papers:** 2\n\n<details open>\n"
        "<summary><h2>Manipulation (2 papers)</h2></summary>\n\n"
        + "".join(
            f"<details>\n<summary><strong>{title}</strong> - {authors} - "
            f"[[pdf]](https://arxiv.org/pdf/{arxiv})</summary>\n\n**Abstract:** We train a "
            "gripper policy from few demonstrations and test it on cluttered shelves in a "
            f"warehouse.\n\n**arXiv ID:** {arxiv}\n</details>\n\n"
            for title, authors, arxiv in [
                (
                    "Few-Shot Grasping on Cluttered Shelves",
                    "Ana Ruiz, Bo Chen, Carl Ode",
                    "2602.20001",
                ),
                ("Tactile Policies for Soft Grippers", "Dana Fox, Eli Grant, Fay Hu", "2602.20002"),
                ("Grasp Success from Wrist Cameras", "Gil Ames, Hana Ito", "2602.20003"),
            ]
        )
        + "</details>\n",
        encoding="utf-8",
    )
    corpus = load_papers([daily])
    assert [(p.title, p.arxiv_id) for p in corpus.papers] == [
        ("Few-Shot Grasping on Cluttered Shelves", "2602.20001"),
        ("Tactile Policies for Soft Grippers", "2602.20002"),
        ("Grasp Success from Wrist Cameras", "2602.20003"),
    ]
    # The label's authors, without its "[[pdf]](…)" link (two names alone were note text).
    assert [p.authors for p in corpus.papers] == [
        ("Ana Ruiz", "Bo Chen", "Carl Ode"),
        ("Dana Fox", "Eli Grant", "Fay Hu"),
        ("Gil Ames", "Hana Ito"),
    ]
    assert [p.url for p in corpus.papers] == [
        f"https://arxiv.org/pdf/2602.2000{n}" for n in (1, 2, 3)
    ]
    assert not any("pdf" in s.excerpt for s in corpus.skipped)


def test_a_notes_own_label_over_the_papers_link_gives_its_id(tmp_path: Path) -> None:
    # "**Source:** cs.GT updates on arXiv.org — <link>" under the paper's heading: the link
    # names the paper, so "## What this is" below is a part of its note, not a paper.
    note = tmp_path / "note.md"
    note.write_text(
        "# Simultaneous Envy and Equitability Guarantees\n\n"
        "**Source:** cs.GT updates on arXiv.org — https://arxiv.org/abs/2608.26410\n"
        "**Date read:** 2026-09-02\n\n## What this is\n\n"
        "A game-theoretic paper on fair division protocols for indivisible goods and chores, "
        "asking whether envy-freeness and equitability can hold together.\n\n"
        "## What I took from it\n\n"
        "This is a technically sound but domain-specific contribution that maps impossibility "
        "results within fair division theory.\n",
        encoding="utf-8",
    )
    [paper] = load_papers([note]).papers
    assert (paper.title, paper.arxiv_id) == (
        "Simultaneous Envy and Equitability Guarantees",
        "2608.26410",
    )
    assert paper.abstract.startswith("A game-theoretic paper")


def test_markdown_list_styles_of_paper_lists(tmp_path: Path) -> None:
    # A numbered list with bold titles, authors and venue, links in brackets, and the
    # abstract indented below; then an arXiv-daily page with <details> around the abstract.
    (tmp_path / "numbered.md").write_text(
        "1. **Sparse Retrieval Heads: How Long-Context Models Find the Needle.** Ana Lima, Kofi "
        "Mensah. *arXiv 2024*. [[paper](https://arxiv.org/abs/2411.10001)] "
        "[[code](https://github.com/x/y)]\n\n   Long-context language models retrieve facts from "
        "anywhere in their input, but how they do it is unclear. We find the heads.\n\n"
        "2. **Tokenizers Across Forty Languages.** Mei Chen. *EMNLP 2024*. "
        "[[paper](https://arxiv.org/abs/2411.10002)]\n\n   We compare tokenizers across 40 "
        "languages and show that byte-level models close most of the gap.\n"
    )
    (tmp_path / "daily.md").write_text(
        "## 2024-11-15\n\n### [Tokenizers Across Forty Languages](https://arxiv.org/abs/2411."
        "10002)\n**Authors:** Mei Chen\n<details>\n<summary>Abstract</summary>\nWe compare "
        "tokenizers across 40 languages and show that byte-level models close most of the gap."
        "\n</details>\n"
    )
    numbered = load_papers([tmp_path / "numbered.md"])
    assert [(p.title, p.arxiv_id, p.authors) for p in numbered.papers] == [
        ("Sparse Retrieval Heads: How Long-Context Models Find the Needle", "2411.10001",
         ("Ana Lima", "Kofi Mensah")),
        ("Tokenizers Across Forty Languages", "2411.10002", ("Mei Chen",)),
    ]  # fmt: skip
    assert numbered.papers[0].abstract.endswith("We find the heads.")
    [daily] = load_papers([tmp_path / "daily.md"]).papers
    assert daily.abstract.startswith("We compare tokenizers")  # not "<details> <summary>…"
    assert daily.authors == ("Mei Chen",)


def test_markdown_headings_and_notes_are_not_papers() -> None:
    corpus = load("reading_list.md")
    assert skipped(corpus) == [
        (1, "heading without an abstract, not a paper", True),
        (3, "text that is not part of any paper", True),
        (5, "heading without an abstract, not a paper", True),
        (12, "heading without an abstract, not a paper", True),
        (35, "note text, not an abstract", True),
    ]


@pytest.mark.parametrize(
    "line",
    [
        "Subjects: Computation and Language (cs.CL); Artificial Intelligence (cs.AI); "
        "Machine Learning (cs.LG)",
        "**Authors**: Ana Lima, Kofi Mensah, Wei Zhang, Oluwaseun Adeyemi, Mei Chen and Jonas Berg",
        "Ana Lima, Kofi Mensah, Wei Zhang, Oluwaseun Adeyemi, Mei Chen, Jonas Berg, Tomás García.",
        "Comments: 18 pages, 6 figures, accepted at the main conference of ACL 2025 in Vienna.",
    ],
)
def test_field_lines_and_author_lists_never_become_papers(line: str) -> None:
    text = f"## A Paper With a Long Enough Title\n\n{line}\n"
    parsed = parse_markdown(text)
    assert parsed.records == ()


# --- plain notes and stray text -------------------------------------------------------------


def test_plain_notes_of_title_url_and_abstract() -> None:
    corpus = load("notes.txt")
    assert corpus.files[0].format == "notes"
    heads, dense = corpus.papers
    assert (heads.title, heads.arxiv_id) == ("Sparse Retrieval Heads", "2411.10001")
    assert heads.abstract.startswith("Long-context language models")
    assert (dense.title, dense.doi) == ("Dense Passage Retrieval Revisited", "10.1000/dpr.2024")


def test_a_readme_and_a_todo_list_are_not_papers(tmp_path: Path) -> None:
    (tmp_path / "README.txt").write_text(
        "Drop your exported files into this folder.\n"
        "Every Monday the digest build picks up whatever is here and mails it to the team.\n"
        "Ask Ana if you are not sure which export to use for your reference manager.\n"
    )
    (tmp_path / "todo.txt").write_text(
        "TODO\n- email Ana about the reading group slot\n"
        "- re-run the benchmark with the new tokenizer and check that the numbers still hold.\n"
    )
    abstract = "We show that models trained on more data generalise better to unseen tasks."
    (tmp_path / "paper.txt").write_text(abstract + "\n")
    corpus = load_papers([tmp_path])
    assert [p.abstract for p in corpus.papers] == [abstract]
    not_papers = [(Path(s.path).name, s.line) for s in corpus.skipped if "not a paper" in s.reason]
    assert not_papers == [("README.txt", 2), ("README.txt", 3), ("todo.txt", 3)]


def test_an_abstract_that_says_you_is_still_an_abstract() -> None:
    text = (
        "You only look once: we propose a detector that finds objects in one pass and show "
        "it runs at 45 frames per second.\n"
    )
    assert len(parse_text(text).records) == 1


# --- what must not change -------------------------------------------------------------------


def test_seed_dumps_are_still_plain_text() -> None:
    for path in sorted(SEEDS.iterdir()):
        assert sniff_format(path.read_text(encoding="utf-8")).name == "text", path.name


def test_hostile_markdown_lines_are_read_in_one_pass() -> None:
    # Unbounded patterns made a line of 50,000 "[" cost 50,000 scans to its end (6 s);
    # every repeat is bounded now. Nothing here reads a clock: the file must simply load.
    lines = ["[" * 50_000, "** a " * 20_000, "<p>" + " " * 45 + "<p>x<", "_a " * 20_000]
    text = "# A Title For This Note\n\n" + "\n\n".join(lines) + "\n"
    parsed = parse_markdown(text)
    assert parsed.records == ()
    assert len(parsed.problems) == 5


def test_a_list_items_long_run_of_spaces_after_a_label_is_read_in_one_pass() -> None:
    # "\s*[:]?\s*" gave a run of spaces that did not end the item back one at a time:
    # each of these items took minutes. Nothing here reads a clock: the file must simply load.
    spaces = " " * 100_000
    items = [f"- **Abstract**{spaces}x", f"- 2020-01-01{spaces}x", f"- **A Title** pdf{spaces}x"]
    parsed = parse_markdown("# A Title For This Note\n\n" + "\n".join(items) + "\n")
    assert parsed.records == ()


def test_a_link_after_a_run_of_brackets_is_tried_from_its_own_bracket_only() -> None:
    # Tried from each "[" of a run, a link's text scanned up to 500 characters and, after a
    # "](", its address up to 2,000 before failing: a Markdown list with 100,000 "[" in one
    # line took 3 s to load (sniffing and each reading step pass over the line again).
    # Neither holds a "[" now, so each try stops at the next "[": the link is the last one's.
    for run in ("[" * 1000, "[](" * 1000, "[x " * 1000):
        found = LINK.search(run + "[Paper](https://example.org/p)")
        assert found is not None and found.groups() == ("Paper", "https://example.org/p")
    assert inline_text("See [a [Paper](https://example.org/p) here") == "See [a Paper here"


def test_google_scholar_alert_as_its_plain_text_mail() -> None:
    corpus = load("scholar_alert.txt")
    assert corpus.files[0].format == "scholar-alert"
    sensors, mid_air = corpus.papers
    assert (
        sensors.title == "Printing flexible touch sensors with silicone rubber and conductive ink"
    )
    assert sensors.authors == ("J Xu", "M Okafor")
    assert (sensors.venue, sensors.date) == ("Journal of Interaction Materials", "2023")
    assert sensors.link == "https://example.org/articles/flexible-sensors.pdf"  # not Google's
    assert sensors.abstract.startswith("Most sensor designs still rely")
    assert sensors.abstract.endswith("how it bends and …")  # Google's snippet, cut as it was
    assert "Cites" not in sensors.abstract
    assert mid_air.authors == ("Y Yano", "N Koizumi", "A Lindqvist")  # no "…"
    assert mid_air.arxiv_id == "2311.01234"
    [skipped] = corpus.skipped  # the [CITATION] has no snippet; header and footer are Google's
    assert skipped.reason.startswith("no abstract") and skipped.notice


def test_google_scholar_alert_copied_from_the_browser(tmp_path: Path) -> None:
    # No links, no blank lines between items, the buttons row in the mail's language.
    text = (
        "Co-designing an AI curriculum with high school teachers\n"
        "B Xie, P Sarin, RCC Garcia… - 2024\n"
        "Teachers from many disciplines want to teach about artificial intelligence; we\n"
        "designed a curriculum with them over a year of workshops …\n"
        "保存 Twitter LinkedIn Facebook\n"
        "[HTML] Square tabletop displays for group work\n"
        "Y Yano - Proceedings of Tabletop Systems, 2023\n"
        "We build a square tabletop display that gives each side of the table its own view,\n"
        "and study how groups of four share it during design tasks …\n"
        "A third paper about displays\n"
        "N Koizumi, Y Yano - Display Letters, 2022\n"
        "Mid-air images let people touch floating pictures; we measure how far from the\n"
        "display they can be seen and report the errors people make …\n"
    )
    (tmp_path / "alert.txt").write_text(text, encoding="utf-8")
    corpus = load_papers([tmp_path])
    assert corpus.files[0].format == "scholar-alert"
    assert [p.title for p in corpus.papers] == [
        "Co-designing an AI curriculum with high school teachers",
        "Square tabletop displays for group work",
        "A third paper about displays",
    ]
    curriculum, tabletop, _ = corpus.papers
    assert curriculum.authors == ("B Xie", "P Sarin", "RCC Garcia")
    assert curriculum.venue is None and curriculum.date == "2024"
    assert curriculum.abstract.endswith("a year of workshops …")
    assert tabletop.abstract.startswith("We build a square tabletop")
    assert tabletop.link_is_search  # a copy without links gets a search link
    assert not corpus.skipped


def test_a_count_of_names_left_out_is_no_author(tmp_path: Path) -> None:
    # A screening tool's Markdown list: "+3" for three more authors, and field bullets.
    text = (
        "# IEEE Xplore: 2016-05\n\n"
        "## A decoder with less message exchange\n\n"
        "- **Status**: ❌\n"
        "- **ID**: ieee:7328322\n"
        "- **Published**: May 2016\n"
        "- **Authors**: Jesús O. Lacruz, Francisco García-Herrero, María José Canet +1\n"
        "- **PDF**: https://ieeexplore.ieee.org/document/7328322\n"
        "- **Abstract**: This decoder reduces the messages exchanged between check and "
        "variable nodes, which lowers storage and wiring congestion and raises throughput.\n"
    )
    (tmp_path / "list.md").write_text(text, encoding="utf-8")
    [paper] = load_papers([tmp_path]).papers
    assert paper.authors == ("Jesús O. Lacruz", "Francisco García-Herrero", "María José Canet")
    assert paper.link == "https://ieeexplore.ieee.org/document/7328322"


def test_arxiv_pages_turned_into_markdown_give_no_field_line_or_site_text_as_abstract() -> None:
    # Search results saved as Markdown: a listing entry as a definition list (no abstract),
    # and an abstract page of which only arXiv's text about itself was kept.
    text = (
        "### 4. Artificial Intelligence\n\n"
        "arXiv:2610.01471 (cross-list from cs.CL) [pdf, html, other]\n"
        ":   Title: When does a second model help? Cross-model review in verification\n\n"
        "    Tae-Eun Song\n\n"
        "    Comments: 15 pages, 2 figures, 6 tables\n\n"
        "    Subjects: Computation and Language (cs.CL)\n\n"
        "---\n\n"
        "### 5. [2505.19955] MLR-Bench: Evaluating AI agents on open-ended research\n\n"
        "Both individuals and organizations that work with arXivLabs have embraced and "
        "accepted our values of openness, community, excellence, and user data privacy.\n\n"
        "Which authors of this paper are endorsers? | Disable MathJax) (What is MathJax?)\n\n"
        "### 6. arXiv.org e-Print archive\n\n"
        "arXiv is a free distribution service and an open-access archive for nearly 2.4 "
        "million scholarly articles in the fields of physics and mathematics.\n"
    )
    parsed = parse_markdown(text)
    assert parsed.records == ()
    [entry] = [p for p in parsed.problems if "2610.01471" in p.excerpt]
    assert entry.reason.startswith("no abstract")


@pytest.mark.parametrize("abstract_heading", ["## 摘要（原文）", "## Abstract (original)"])
def test_a_paper_note_keeps_its_title_under_its_own_sections(abstract_heading: str) -> None:
    # An arxiv-daily site's page per paper: the title heading, its links and authors, a
    # section of AI key points, then the abstract under a heading with a qualifier.
    text = (
        "---\nlayout: default\ntitle: Lattice Codes for Sparse Channels\n---\n\n"
        "# Lattice Codes for Sparse Channels\n"
        "**arXiv**：[2510.01234v1](https://arxiv.org/abs/2510.01234) · "
        "[PDF](https://arxiv.org/pdf/2510.01234.pdf)  \n"
        "**作者**：Mei Ling Zhou, Tomas Berg, Ana Lima  \n\n"
        "**关键词**：稀疏信道, 格码\n\n"
        "## 3 点简述\n"
        "- 稀疏信道上的格码构造\n- 译码复杂度降低\n\n"
        f"{abstract_heading}\n\n"
        "> We build lattice codes for channels whose taps are mostly zero, and decode them\n"
        "> with a sparse sphere decoder that visits a tenth of the nodes of a full one.\n"
    )
    parsed = parse_markdown(text)
    [record] = parsed.records
    assert record.title == "Lattice Codes for Sparse Channels"
    assert record.arxiv == "2510.01234"
    assert record.authors == ("Mei Ling Zhou", "Tomas Berg", "Ana Lima")
    assert record.abstract.startswith("We build lattice codes")
    assert not [p for p in parsed.problems if "heading" in p.reason or "no abstract" in p.reason]


def test_a_list_of_tables_without_abstracts_gives_records_not_papers() -> None:
    # An arxiv-daily README: a short quoted note, then one table per topic, each with its
    # own header row; the rows have no abstract, and one paper is listed under two topics.
    header = "|Publish Date|Title|Authors|PDF|Code|\n|---|---|---|---|---|\n"
    row = "|**2022-02-{day}**|**{title}**|Ana Lima et.al.|[{id}](http://arxiv.org/abs/{id})|null|\n"
    sparse = row.format(day=18, title="Lattice Codes for Sparse Channels", id="2202.09199v1")
    text = (
        "## Updated on 2022.02.23\n> Usually updated daily.\n\n## SLAM\n\n"
        + header
        + row.format(day=22, title="Loop Closure from Appearance", id="2202.09487v2")
        + sparse
        + "\n## SFM\n\n"
        + header
        + sparse
        + row.format(day=20, title="Inpainting Scenes with Complex Geometry", id="2201.08131v1")
    )
    parsed = parse_markdown(text)
    assert parsed.records == ()
    rows = [p for p in parsed.problems if p.reason.startswith("no abstract")]
    assert [p.line for p in rows] == [8, 9, 16]  # the repeated row merged, no header row
    assert "Title" not in [p.excerpt for p in parsed.problems]


def test_a_quoted_line_of_marks_and_few_words_is_no_abstract() -> None:
    # An agent's daily report opens "# Daily Papers Report -- date" and quotes its generator
    # line: ten words, with "|" and "+" between them, are no abstract (12 words make one).
    text = (
        "# Daily Papers Report -- 2026-03-02\n\n"
        "> Built by a Paper Digest Bot | 3 core + 2 side papers\n\n"
        "## Highlights\n"
    )
    parsed = parse_markdown(text)
    assert parsed.records == ()
    assert (3, "text that is not part of any paper") in [
        (p.line, p.reason) for p in parsed.problems
    ]


def test_the_headings_of_a_toggle_under_a_paper_are_its_own_sections() -> None:
    # The same report: each paper's heading, fields and arXiv link, then a <details> toggle
    # holding an analysis of it whose "## 第一模块" heading and "**TL;DR:**" make no paper.
    text = (
        "### 1. Lichen Counts from Phone Photographs\n\n"
        "**Authors**: Ana Lima, Bo Chen et al.\n"
        "**Links**: [arXiv](http://arxiv.org/abs/2605.01234v1) | "
        "[PDF](https://arxiv.org/pdf/2605.01234v1)\n\n"
        "<details>\n<summary>Deep Research 深度解读</summary>\n\n"
        "## 第一模块：一分钟核心速写\n\n**论文领域：** Ecology\n\n"
        "**TL;DR:** 本文提出了一种用手机照片计数地衣的方法。\n\n</details>\n\n---\n\n"
        "### 2. Moss Heights in the Shade\n"
    )
    parsed = parse_markdown(text)
    [paper] = parsed.records
    assert (paper.title, paper.arxiv) == ("Lichen Counts from Phone Photographs", "2605.01234v1")
    assert paper.abstract == "本文提出了一种用手机照片计数地衣的方法。"


def test_a_toggle_under_a_paper_ends_at_its_close_after_a_rule() -> None:
    # The report's analyses put "---" between their parts: one closing the toggle left no
    # entry open, and the toggle stayed open, the next paper's heading read as a section of
    # the paper before it.
    text = (
        "### 1. Lichen Counts from Phone Photographs\n\n"
        "**Links**: [arXiv](http://arxiv.org/abs/2605.01234v1)\n\n"
        "<details>\n<summary>Deep Research 深度解读</summary>\n\n"
        "## 第一模块：一分钟核心速写\n\n**TL;DR:** 本文提出了一种用手机照片计数地衣的方法。\n\n"
        "---\n\n</details>\n\n---\n\n"
        "### 2. Moss Heights in the Shade\n\n"
        "**Links**: [arXiv](http://arxiv.org/abs/2605.05678v1)\n\n"
        "We measure mosses in shaded and sunny plots of three forests and find shade doubles"
        " their height.\n\n"
        "### 3. Fern Spores on the Wind\n\n"
        "**Links**: [arXiv](http://arxiv.org/abs/2605.09999v1)\n\n"
        "We trap fern spores downwind of a glade and model how far the wind carries them.\n"
    )
    titles = [paper.title for paper in parse_markdown(text).records]
    assert titles == [
        "Lichen Counts from Phone Photographs",
        "Moss Heights in the Shade",
        "Fern Spores on the Wind",
    ]


def test_a_daily_list_line_opening_with_its_date_is_a_paper_entry() -> None:
    # cv-arxiv-daily's list layout: "- date, **Title**, First Author et.al., Paper: [url](url),
    # Code: …". Each line is an entry (without an abstract unless one follows it).
    paper = "Paper: [http://arxiv.org/abs/{id}](http://arxiv.org/abs/{id})"
    text = (
        "> Updated on 2022.02.23\n\n## SLAM\n\n"
        f"- 2022-02-22, **Loop Closure from Appearance**, Ana Lima et.al., {paper}, Code: "
        "**[https://github.com/x/y](https://github.com/x/y)**\n".format(id="2202.09487v2")
        + "\n  > We close loops from appearance alone, with no geometry, and halve the drift "
        "of a visual odometry pipeline on four public sequences.\n\n"
        f"- 2022-02-18, **Lattice Codes for Sparse Channels**, Tomas Berg et.al., {paper}\n"
        "".format(id="2202.09199v1")
    )
    parsed = parse_markdown(text)
    [record] = parsed.records
    assert record.title == "Loop Closure from Appearance"
    assert (record.arxiv, record.date, record.authors) == (
        "2202.09487v2",
        "2022-02-22",
        ("Ana Lima",),
    )
    assert record.abstract.startswith("We close loops")
    assert not record.metadata
    [bare] = [p for p in parsed.problems if p.reason.startswith("no abstract")]
    assert (bare.line, bare.excerpt) == (9, "arXiv:2202.09199v1")


def test_labelled_notes_under_a_paper_are_neither_papers_nor_its_abstract() -> None:
    # A daily digest of model-written summaries: "### Title (link)", a Comments: line, then
    # "- **What's New**: …" bullets. The bullets are notes on the paper, not papers titled
    # "What's New"; the link after the title is the paper's, not part of its title.
    summary = (
        "이 연구는 대규모 언어 모델을 사용하여 정보 작전을 분석하는 새로운 접근 방식을 제시합니다."
    )
    text = (
        "### Reading Information Operations with Language Models "
        "(https://arxiv.org/abs/2405.03688)\n"
        "Comments: 15 pages, 9 figures\n"
        "Abstract: We read the goals, tactics and narrative frames of information operations "
        "with a large language model, and check them against two election data sets.\n\n"
        f"- **What's New**: {summary}\n\n"
        f"- **Technical Details**: {summary}\n\n\n"
        "### Detecting Generated Text in Vietnamese (https://arxiv.org/abs/2405.03206)\n"
        f"- **What's New**: {summary}\n"
    )
    parsed = parse_markdown(text)
    [record] = parsed.records
    assert record.title == "Reading Information Operations with Language Models"
    assert record.arxiv == "2405.03688"
    assert record.abstract.startswith("We read the goals")
    [bare] = [p for p in parsed.problems if p.reason.startswith("no abstract")]
    assert bare.excerpt == "arXiv:2405.03206"
    notes = [p.reason for p in parsed.problems if "labelled" in p.reason]
    assert len(notes) == 3


def test_a_review_note_of_numbered_papers_under_a_document_heading() -> None:
    # A reviewer's Markdown note: the document's own heading and author line, then per paper
    # "### <arXiv id> Title", a link line, and the abstract quoted after a label with a
    # qualifier ("完整摘要（实际读；作者原文）："). The author line is the note's, not a paper's.
    text = (
        "# Sep02 校准包\n\n作者：Darwin。记录时间：2026-10-07。\n\n## 逐项题摘\n\n"
        "### 2509.00366 KG-RAG: Knowledge Graphs for GUI Agents\n\n"
        "[官方身份](https://arxiv.org/abs/2509.00366)；原件：#2。\n\n"
        "当前元信息：Submitted 30 August, 2025; originally announced September 2025. "
        "Comments: Accepted by the EMNLP 2025\n\n"
        "完整摘要（实际读；作者原文，不作为成立证据）：\n\n"
        "> We turn an app's fragmented transition graphs into a vector database that a GUI\n"
        "> agent searches for navigation paths, and raise its success rate on mobile apps.\n"
    )
    parsed = parse_markdown(text)
    [record] = parsed.records
    assert record.title == "KG-RAG: Knowledge Graphs for GUI Agents"
    assert record.arxiv == "2509.00366" and record.authors == ()
    assert record.abstract.startswith("We turn an app's fragmented transition graphs")


def test_an_abstract_page_copied_as_paragraphs_is_one_paper() -> None:
    # A web clipper's copy of arxiv.org/abs/ID: the header line with Title: and Authors:, the
    # "View PDF … Abstract:" line, the abstract, then "Comments: … Cite as: …" and the page's
    # links; none of the page's furniture is a paper.
    title = "Why Models Fail at Causal Discovery"
    text = (
        "---\nsource: arXiv cs.AI (latest)\nurl: https://arxiv.org/abs/2605.27567\n---\n\n"
        "Computer Science > Artificial Intelligence arXiv:2605.27567 (cs) [Submitted on 26 May "
        f"2026] Title: {title} Authors: Amartya Roy , Sonali Parbhoo\n\n"
        f"View a PDF of the paper titled {title}, by Amartya Roy and 1 other authors\n\n"
        "View PDF HTML (experimental) Abstract:\n\n"
        "We prove that fine-tuning cannot tell apart causal graphs that generate similar data, "
        "and let a frozen model answer queries about interventions instead.\n\n"
        "Comments: 9 pages, 3 figures Subjects: Artificial Intelligence (cs.AI) Cite as: "
        "arXiv:2605.27567 [cs.AI] (or arXiv:2605.27567v1 [cs.AI] for this version)\n\n"
        "View PDF HTML (experimental) TeX Source view license Current browse context: cs.AI < "
        "prev | next > new | recent | 2026-05 Change to browse by: cs cs.CL References & "
        "Citations NASA ADS Google Scholar Semantic Scholar export BibTeX citation Loading... \n"
    )
    parsed = parse_markdown(text)
    [record] = parsed.records
    # The version from "(or arXiv:2605.27567v1 [cs.AI] for this version)".
    assert (record.title, record.arxiv) == (title, "2605.27567v1")
    assert record.authors == ("Amartya Roy", "Sonali Parbhoo")
    assert record.abstract.startswith("We prove that fine-tuning")


def test_an_abstract_page_quoted_into_a_note_keeps_its_fields() -> None:
    # A research note quotes the page: "> Title:", "> Authors:" under "### Metadata", the
    # abstract under "### Abstract (verbatim, v1)", "> Subjects:" under a heading of its own.
    text = (
        "# SWE-bench: Can Language Models Resolve Issues? (arXiv:2310.06770v1, initial)\n\n"
        "## Source Snapshot\n\n### Metadata\n\n"
        "> Computer Science > Computation and Language\n>\n"
        "> Title: SWE-bench: Can Language Models Resolve Issues?\n>\n"
        "> Authors: Carlos E. Jimenez, John Yang\n\n"
        "### Abstract (verbatim, v1)\n\n"
        "> Language models have outpaced our ability to evaluate them, so we collect real "
        "GitHub issues and the pull requests that resolved them.\n\n"
        "### Subjects / Cite as\n\n"
        "> Subjects: Computation and Language (cs.CL)\n>\n"
        "> Cite as: arXiv:2310.06770 [cs.CL]\n"
    )
    parsed = parse_markdown(text)
    [record] = parsed.records
    assert record.title == "SWE-bench: Can Language Models Resolve Issues?"
    assert record.authors == ("Carlos E. Jimenez", "John Yang")
    assert record.abstract.startswith("Language models have outpaced")
    assert all(p.excerpt for p in parsed.problems)


def test_a_daily_list_of_whole_bold_fields_keeps_the_abstract_not_the_summary() -> None:
    # advanced-cs/arXiv_daily's layout: counts as bold items, "#### [new 001] Title", then
    # "- **简介: …**" (a model's Chinese summary, the whole field bold) before the quoted
    # "> **摘要:** …", the abstract itself, which wins; "[new 001]" is no part of the title.
    text = (
        "# 计算机与社会 cs.CY\n\n- **最新发布 20 篇**\n\n- **更新 6 篇**\n\n## 最新发布\n\n"
        "#### [new 001] The Memory Paradox: Why Our Brains Need Knowledge\n"
        "- **分类: cs.CY; cs.AI**\n\n"
        "- **简介: 论文探讨了AI时代人类记忆系统的退化问题，属于认知科学任务。**\n\n"
        "- **链接: [http://arxiv.org/pdf/2506.11015v1](http://arxiv.org/pdf/2506.11015v1)**\n\n"
        "> **作者:** Barbara Oakley; Michael Johnston\n>\n"
        "> **备注:** 50 pages, 8 figures\n>\n"
        "> **摘要:** In the age of generative AI, internal memory systems risk atrophy as "
        "external aids become more capable, and we review why.\n>\n---\n"
    )
    parsed = parse_markdown(text)
    [record] = parsed.records
    assert record.title == "The Memory Paradox: Why Our Brains Need Knowledge"
    assert (record.arxiv, record.authors) == (
        "2506.11015v1",
        ("Barbara Oakley", "Michael Johnston"),
    )
    assert record.abstract.startswith("In the age of generative AI")
    assert ("comments", "50 pages, 8 figures") in record.metadata
    assert ("subjects", "cs.CY; cs.AI") in record.metadata
    assert not [p for p in parsed.problems if p.reason.startswith("no abstract")]
    [summary] = [p for p in parsed.problems if "summary" in p.reason]
    assert summary.line == 12 and not summary.excerpt.endswith("*")


def test_an_abstract_in_html_list_tags_inside_details() -> None:
    # cv-arxiv-daily's today_md: the abstract indented inside <details><summary>Abstract
    # </summary><ol> … </ol></details>, after a linked heading and an author line.
    text = (
        "## NeRF  \n\n"
        "### [Scene Editing with Radiance Fields](http://arxiv.org/abs/2401.12456)  \n"
        "Shun Fang, Ming Cui  \n<details>  \n  <summary>Abstract</summary>  \n  <ol>  \n"
        "    NeRF's scene synthesis was quickly accepted, and we review how scenes made with "
        "it are edited.  \n  </ol>  \n</details>  \n**comments**: Accepted by ICASSP 2024  \n"
    )
    [record] = parse_markdown(text).records
    assert record.abstract.startswith("NeRF's scene synthesis")
    assert (record.title, record.arxiv) == ("Scene Editing with Radiance Fields", "2401.12456")
    assert record.authors == ("Shun Fang", "Ming Cui")


def test_a_daily_list_papers_one_author_under_its_linked_heading() -> None:
    # The same generator's page: a paper with one author prints that name alone on the line
    # under the heading, where a list of names stands for the others.
    text = (
        "## NeRF  \n\n"
        "### [Kite Shapes from Video Alone](http://arxiv.org/abs/2406.01234)"
        "  \nHana Morikawa  \n<details>  \n  <summary>Abstract</summary>  \n  <ol>  \n"
        "    We find a kite's shape and stiffness from videos alone by moving particles in "
        "space.  \n  </ol>  \n</details>  \n"
    )
    parsed = parse_markdown(text)
    [record] = parsed.records
    assert record.authors == ("Hana Morikawa",)
    assert not [p for p in parsed.problems if p.excerpt == "Hana Morikawa"]


def test_a_paper_note_opening_with_its_abstract_heading_takes_its_title_from_properties() -> None:
    # daily-paper-reader's page of one paper: front matter (title, authors, date, pdf), then
    # "## Abstract" as the first heading: the paper is the front matter's, not "Abstract".
    text = (
        "---\ntitle: Localizing Tool Use to a Single Feature\n"
        'authors: "Andrii Shportko, Jessica Hullman"\ndate: 2026-06-25\n'
        'pdf: "https://arxiv.org/pdf/2606.26474v1"\nsource: arxiv\n---\n\n'
        "## Abstract\nFine-tuning through RL reshapes the internal representations of "
        "language models, and we find the features that carry tool use.\n"
    )
    [record] = parse_markdown(text).records
    assert record.title == "Localizing Tool Use to a Single Feature"
    assert (record.arxiv, record.date) == ("2606.26474v1", "2026-06-25")
    assert record.authors == ("Andrii Shportko", "Jessica Hullman")


def test_a_double_quoted_property_has_its_escapes_undone(tmp_path: Path) -> None:
    # A feed-to-notes generator writes each property as a JSON string: arXiv's TeX author
    # "Fr\\"oberg" is `"Fr\\\\\\"oberg"` in the front matter. Read as written, the backslashes
    # were TeX's line break and the name "Fr \u00f6berg"; the title's quotes stay quotes.
    note = tmp_path / "2604.01234.md"
    note.write_text(
        '---\ntitle: "A \\"Lazy\\" Planner for $\\\\mathcal{O}(n)$ Search"\n'
        'date: "2026-04-02"\nsource: "arXiv cs.AI"\n'
        'originalUrl: "https://arxiv.org/abs/2604.01234"\n'
        'author: "Tove Fr\\\\\\"oberg, Ben Okafor"\n---\n\n'
        "arXiv:2604.01234v1 Announce Type: new Abstract: We plan lazily and search only the "
        "states a plan needs, which halves the time on ten benchmark domains.\n"
    )
    [paper] = load_papers([note]).papers
    assert paper.authors == ("Tove Fr\u00f6berg", "Ben Okafor")
    assert paper.title == 'A "Lazy" Planner for O(n) Search'


def test_a_note_whose_original_url_property_links_its_paper() -> None:
    # A translating notes generator: front matter with title, originalUrl (the arXiv page)
    # and date, then the title and the abstract with no link or id: the paper had no arXiv
    # id, link or date.
    text = (
        '---\ntitle: "Sparse Probes for Soil Moisture"\n'
        'originalUrl: "https://arxiv.org/abs/2607.04321"\ndate: "2026-07-09T08:15:00.000Z"\n'
        "---\n\n# Sparse Probes for Soil Moisture\n\n"
        "We map soil moisture from a few probes and a weather model, and halve the error of "
        "interpolation on three farms.\n"
    )
    [record] = parse_markdown(text).records
    assert record.title == "Sparse Probes for Soil Moisture"
    assert (record.arxiv, record.date) == ("2607.04321", "2026-07-09T08:15:00.000Z")


def test_a_note_about_one_paper_takes_no_title_from_the_heading_translating_it() -> None:
    # The translating notes generator: "# Title", then "# <the title in Chinese>" at the same
    # level, then the abstract. The translation was taken as the paper's title, and the
    # heading with its own title skipped as a heading without an abstract.
    text = (
        '---\ntitle: "Sparse Probes for Soil Moisture"\n'
        'originalUrl: "https://arxiv.org/abs/2607.04321"\ndate: "2026-07-09T08:15:00.000Z"\n'
        "---\n\n# Sparse Probes for Soil Moisture\n# \u571f\u58e4\u6e7f\u5ea6\u7684\u63a2\u9488\n\n"
        "**Abstract:** We map soil moisture from a few probes and a weather model, and halve "
        "the error of interpolation on three farms.\n"
    )
    parsed = parse_markdown(text)
    [record] = parsed.records
    assert (record.title, record.arxiv) == ("Sparse Probes for Soil Moisture", "2607.04321")
    assert record.abstract.startswith("We map soil moisture")
    assert not [p for p in parsed.problems if "heading" in p.reason]


def assert_refused_as_a_list_without_abstracts(path: Path, lines: str) -> None:
    """Every entry is a paper without an abstract, and the refusal says the file lists
    none, not which headings or properties were no papers."""
    with pytest.raises(InputError) as raised:
        load_papers([path])
    message = str(raised.value)
    assert f"2 records without an abstract, not papers ({lines})" in message
    assert "lists papers without their abstracts" in message
    assert "heading" not in message and "front matter" not in message


def test_a_paper_list_without_abstracts_is_refused_in_one_line(tmp_path: Path) -> None:
    # nlp-arxiv-daily's monthly archive: a table with no header row, titles and links only.
    # Every row is a paper without an abstract (the first is no header), and the refusal
    # says the file lists no abstracts, not which headings were no papers.
    row = "|**2018-10-{day}**|**{title}**|Tomer Libal et.al.|[{id}](http://arxiv.org/abs/{id})|null|\n"
    path = tmp_path / "2018-10.md"
    path.write_text(
        "---\nlayout: default\n---\n\n## Updated on 2026.04.25\n\n## Legal NLP\n\n"
        + row.format(day=23, title="Automated Reasoning in Normative Structures", id="1810.09993v1")
        + row.format(day=3, title="Can Everyday AI Be Ethical", id="1810.01729v1")
        + "\n<p align=right>(<a href='#updated-on-20260425'>back to top</a>)</p>\n"
    )
    assert_refused_as_a_list_without_abstracts(path, "lines 9, 10")


def test_a_knowledge_base_note_about_one_paper_under_its_title_heading() -> None:
    # A research KB's source note: front matter (title, url, date_published), "# Title"
    # repeating it, then sections ("## Source Metadata" with "- Author: Unknown", "## TL;DR",
    # "## Entities" with "- Authors: X and collaborators") and the page's text, its abstract
    # last. The sections are no papers, "Unknown" no author or date, the TL;DR no abstract.
    text = (
        '---\ntype: source\ntitle: "LongLLMLingua: Accelerating LLMs via Prompt Compression"\n'
        "url: https://arxiv.org/abs/2310.06839\ndate_published: 2023-10-10\n---\n\n"
        "# LongLLMLingua: Accelerating LLMs via Prompt Compression\n\n## Source Metadata\n\n"
        "- Author: Unknown\n- Published: Unknown\n- URL: https://arxiv.org/abs/2310.06839\n\n"
        "## TL;DR\n\nLongLLMLingua reframes prompt compression as salience management, and "
        "keeps the dense parts of a long prompt.\n\n"
        "## Entities\n\n- Authors: Huiqiang Jiang and collaborators\n\n## Source Text\n\n"
        "View PDF\n    HTML (experimental)\n            Abstract:In long context scenarios, "
        "large language models face three main challenges: cost, performance and position.\n"
    )
    parsed = parse_markdown(text)
    [record] = parsed.records
    assert record.title == "LongLLMLingua: Accelerating LLMs via Prompt Compression"
    assert (record.arxiv, record.date) == ("2310.06839", "2023-10-10")
    assert record.authors == ("Huiqiang Jiang",)
    assert record.abstract.startswith("In long context scenarios")
    assert not [p for p in parsed.problems if "heading" in p.reason]


def test_a_note_whose_properties_link_one_paper_keeps_its_title_under_its_sections() -> None:
    # A vault of model-written notes, one per paper: front matter with the paper's arXiv
    # link but no title, "# Title", Chinese sections ("## 问题", "## 证据"), then the feed
    # item and a "### 来源" (source) section of fields. The sections are parts of the note:
    # the paper was titled "来源", the heading with its title skipped as no paper.
    text = (
        '---\ntype: update-item\nurl: "https://arxiv.org/abs/2608.20001"\n'
        'published: "Sat, 29 Aug 2026 00:00:00 -0400"\n---\n\n'
        "# Tactile Maps for Blind Grasping\n\n## 问题\n\n触觉地图能否替代视觉。\n\n"
        "## 证据\n\n摘要没有给出数字。\n\n<details>\n<summary>原文与来源</summary>\n\n"
        "arXiv:2608.20001v1 Announce Type: new Abstract: We grasp objects without vision from "
        "a tactile map built while the hand explores, and lift nine in ten household items.\n\n"
        "### 来源\n\n- URL: https://arxiv.org/abs/2608.20001\n"
        "- Authors: Ana Lima, Tomas Berg\n\n</details>\n"
    )
    parsed = parse_markdown(text)
    [record] = parsed.records
    assert record.title == "Tactile Maps for Blind Grasping"
    assert (record.arxiv, record.date) == ("2608.20001v1", "2026-08-29")
    assert record.authors == ("Ana Lima", "Tomas Berg")
    assert record.abstract.startswith("We grasp objects without vision")
    assert not [p for p in parsed.problems if "heading" in p.reason]


def test_an_original_abstract_heading_labels_the_abstract_over_a_quoted_summary() -> None:
    # A model-written note: a quoted one-line conclusion ("> [!summary] …") first, then
    # "### 原始摘要" (the original abstract). The heading was read as a paper titled
    # "原始摘要" and the quoted conclusion was the note's paper's abstract.
    text = (
        "# Tactile Maps for Blind Grasping\n\nhttps://arxiv.org/abs/2606.20002\n\n"
        "> [!summary] 一句话结论\n> Our tactile maps lift nine in ten household items, and "
        "need no camera at all, which makes them cheap to deploy.\n\n"
        "### 原始摘要\n\nWe grasp objects without vision from a tactile map built while the "
        "hand explores, and lift nine in ten household items.\n"
    )
    parsed = parse_markdown(text)
    [record] = parsed.records
    assert (record.title, record.arxiv) == ("Tactile Maps for Blind Grasping", "2606.20002")
    assert record.abstract.startswith("We grasp objects without vision")


def test_a_clipped_article_is_one_paper_and_its_sections_are_none() -> None:
    # A web clipper's note of a journal article: properties (title, source, authors,
    # published), "## Abstract", then the article's own sections and figures. Each section
    # was a paper of its own ("Background & Summary", "Subjects"), so the abstract's paper
    # got no title, authors or date from the properties; or, under sections named like a
    # note's, the paper's link was a figure's image.
    text = (
        '---\ntitle: "A Dataset of Spoken Sentences"\n'
        'source: "https://www.nature.com/articles/s41597-026-00001-x"\n'
        'author:\n  - "[[Ana Lima]]"\n  - "[[Tomas Berg]]"\npublished: 2026-04-02\n'
        'tags:\n  - "clippings"\n---\n## Abstract\n\n'
        "We share recordings of 204 listeners hearing sentences and scrambled word lists, "
        "with their brain responses.\n\n| Design Type(s) | observation design |\n| --- | --- |\n\n"
        "## Background & Summary\n\nA core aspect of understanding language is combining "
        "the words of a sentence into one message.\n\n### Subjects\n\nA total of 204 native "
        "speakers of Dutch took part, and all of them gave their consent.\n\n"
        "## Related work\n\n![Figure 1](https://media.example.org/fig1.png)\n\n"
        "Several works have recommended sentences to listeners before this one did.\n"
    )
    parsed = parse_markdown(text)
    [record] = parsed.records
    assert record.title == "A Dataset of Spoken Sentences"
    assert (record.authors, record.date) == (("Ana Lima", "Tomas Berg"), "2026-04-02")
    assert record.url == "https://www.nature.com/articles/s41597-026-00001-x"
    assert record.abstract.startswith("We share recordings")


def test_a_feed_item_kept_as_a_note_is_its_paper() -> None:
    # A site generator's content file of a journal feed item: properties (title, url,
    # pubDate, author), then the item's abstract, unlabelled and under no heading. Its text
    # was "not part of any paper": in a structured note only an entry held an abstract.
    text = (
        '---\ntitle: "Soil Moisture from Radar Backscatter"\ndescription: ""\n'
        'url: "https://www.example-journal.org/2076-1234/15/6/618"\ntype: "paper"\n'
        'author: "Mei Chen, Jonas Berg"\nheroImage: /journal.jpg\n---\n\n'
        "We estimate soil moisture from radar backscatter over farmland. "
        "Our model halves the error of the change-detection method on three sites.\n"
    )
    [record] = parse_markdown(text).records
    assert record.title == "Soil Moisture from Radar Backscatter"
    assert record.url == "https://www.example-journal.org/2076-1234/15/6/618"
    assert record.authors == ("Mei Chen", "Jonas Berg")
    assert record.abstract.startswith("We estimate soil moisture")


def test_a_feed_items_note_gives_its_pubdate_and_its_authors_without_quotes_or_label() -> None:
    # An Astro site's content files of feed items: the date under Astro's `pubDate` (a
    # briefing generator's under Hugo's `publishDate`), the authors a JSON list joined
    # into one quoted string, or a scraped page's "Authors:" label kept in the value, and
    # a placeholder ("pendiente") where the page gave no date. The date was not read, each
    # author kept its quotes ('"Kai Rong"'), the first author was "Authors:Alex Moor".
    def note(author: str, date: str) -> str:
        return (
            '---\ntitle: "Owls at Night"\nurl: "https://www.example-journal.org/15/6/618"\n'
            f"pubDate: {date}\nauthor: {author}\n---\n\n"
            "We count owls at night with thermal cameras. Counts double those made by ear.\n"
        )

    [quoted] = parse_markdown(note('"\\"Kai Rong\\",\\"Mei Sun\\""', '"2025-06-07"')).records
    assert (quoted.authors, quoted.date) == (("Kai Rong", "Mei Sun"), "2025-06-07")
    [labelled] = parse_markdown(note('"Authors:Alex Moor, Lan Xu"', "pendiente")).records
    assert (labelled.authors, labelled.date) == (("Alex Moor", "Lan Xu"), None)
    hugo = note("Ana Lima", "x").replace("pubDate: x", "publishDate: 2025-11-24T05:00:00.000Z")
    assert parse_markdown(hugo).records[0].date == "2025-11-24T05:00:00.000Z"


def test_an_mdpi_items_source_before_its_title_is_its_venue(tmp_path: Path) -> None:
    # MDPI's feeds title an item "Brain Sciences, Vol. 15, Pages 618: Prediction of …", and
    # a site's notes made from them keep that title: the journal and pages opened the
    # paper's title in the issue, and it had no venue.
    (tmp_path / "note.md").write_text(
        '---\ntitle: "Soil Science, Vol. 15, Pages 618: Moisture from Radar Backscatter"\n'
        'url: "https://www.example-journal.org/2076-1234/15/6/618"\nauthor: "Mei Chen"\n---\n\n'
        "We estimate soil moisture from radar backscatter over farmland. "
        "Our model halves the error of the change-detection method on three sites.\n"
    )
    [paper] = load_papers([tmp_path]).papers
    assert (paper.title, paper.venue) == ("Moisture from Radar Backscatter", "Soil Science")


def test_a_markdown_notes_entities_are_the_characters_they_name() -> None:
    # In Markdown an entity is its character ("&rsquo;" renders as a right quote). A site's
    # notes of MDPI feed items keep the feed's entities, the title's once and the abstract's
    # escaped twice ("&amp;rsquo;"), as the feed's HTML description wrote them: they reached
    # the issue's headline and abstract as written.
    note = (
        '---\ntitle: "Owls&rsquo; Calls at Night"\nurl: "https://www.example-journal.org/1"\n'
        "---\n\nWe count owls&amp;rsquo; calls at night with thermal cameras &amp;amp; "
        "microphones. Counts rose by 12 &amp;plusmn; 3% over those made by ear.\n"
    )
    [record] = parse_markdown(note).records
    assert record.title == "Owls\u2019 Calls at Night"
    assert record.abstract == (
        "We count owls\u2019 calls at night with thermal cameras & microphones. "
        "Counts rose by 12 \u00b1 3% over those made by ear."
    )
    assert inline_text("R&D, AT&amp;T and &notes") == "R&D, AT&T and &notes"


def test_a_list_that_quotes_each_entry_whole_gives_their_titles_and_fields() -> None:
    # YOLO-Arxiv-Daily's README since 2026 quotes each paper whole: "> ### 1. Title", a
    # table of its fields ("| \U0001f4c5 发布日期 | … |" under "| 属性 | 内容 |"), the
    # abstract under "**\U0001f4c4 英文摘要：**" and the link. Each paper was an abstract
    # alone: no title, arXiv id, date or author.
    text = (
        "## \U0001f4d1 论文列表\n\n"
        "> ### 1. Owls at Night: Counting by Thermal Camera\n>\n"
        "> | 属性 | 内容 |\n> |:---:|:---|\n"
        "> | \U0001f4c5 发布日期 | 2026-09-29 |\n> | \U0001f464 作者 | Ana Lima |\n>\n"
        "> **\U0001f4c4 英文摘要：**\n"
        "> We count owls at night with thermal cameras \\(TC\\). Counts double those made"
        " by ear.\n>\n"
        "> \U0001f517 [阅读论文](http://arxiv.org/abs/2609.10001v1)\n\n---\n"
    )
    [record] = parse_markdown(text).records
    assert (record.title, record.arxiv, record.date, record.authors) == (
        "Owls at Night: Counting by Thermal Camera",
        "2609.10001v1",
        "2026-09-29",
        ("Ana Lima",),
    )
    assert record.abstract == (
        "We count owls at night with thermal cameras (TC). Counts double those made by ear."
    )


def test_an_abstract_page_cut_before_its_abstract_is_no_abstract() -> None:
    # A wiki's snapshot of an arXiv abstract page, flattened onto one line and cut at its
    # first characters, before "Abstract:": the page's header and navigation were the
    # paper's abstract ("[2603.00001] Owls … Skip to main content Learn about arXiv …").
    text = (
        "# Owl Surveys\n\n### Owls at Night (arXiv:2603.00001)\n\n"
        "- URL: https://arxiv.org/abs/2603.00001\n\n"
        "[2603.00001] Owls at Night Skip to main content Learn about arXiv becoming an "
        "independent nonprofit. We gratefully acknowledge support from the Simons Foundation, "
        "member institutions, and all contributors.Donate >cs> "
        "arXiv:2603.00001 Help | Advanced Search All fieldsTitleAuthorAbstract Computer "
        "Science > Machine Learning arXiv:2603.00001 (cs) [Submitted on 4 Feb 2026] "
        "Title:Owls at Night Authors:Ana Lima, Kofi Mensah View a PDF of the paper titled\n"
    )
    parsed = parse_markdown(text)
    assert not parsed.records
    assert any("no abstract" in problem.reason for problem in parsed.problems)


def test_a_logseq_pages_ordinal_date_is_read(tmp_path: Path) -> None:
    # Logseq names a day as its journal pages do, "[[Mar 1st, 2022]]" (its Zotero import's
    # `date::`): the ordinal kept the paper's date as written.
    (tmp_path / "owls.md").write_text(
        "tags:: [[Ornithology]], [[Remote sensing]]\ndate:: [[Mar 1st, 2022]]\n"
        "title:: Owls at Night\nitem-type:: [[journalArticle]]\n"
        "url:: http://arxiv.org/abs/2202.10001\nauthors:: [[Ana Lima]], [[Kofi Mensah]]\n"
        "links:: [Local library](zotero://select/library/items/QW3OWL7K)\n\n"
        "- [[Abstract]]\n\t- We count owls at night with thermal cameras. Counts double those"
        " made by ear in the same woods.\n- [[Attachments]]\n"
        "\t- [Full Text PDF](zotero://select/library/items/Z9TC4NPX)\n"
    )
    [paper] = load_papers([tmp_path]).papers
    assert paper.date == "2022-03-01"


def test_a_logseq_zotero_page_gives_its_abstract_block() -> None:
    # Logseq's Zotero import writes a page of "key:: value" properties, then the abstract
    # as a block nested under "- [[Abstract]]", then "- [[Attachments]]" and the reader's
    # notes, with no blank line between. The abstract was lost ("the file lists papers
    # without their abstracts"), or a highlight in the notes taken for it, and each
    # property's value kept a colon (": journalArticle").
    text = (
        "tags:: [[Ornithology]], [[Remote sensing]]\n"
        "title:: Owls at Night\n"
        "item-type:: [[journalArticle]]\n"
        "url:: http://arxiv.org/abs/2202.10001\n"
        "authors:: [[Ana Lima]], [[Kofi Mensah]]\n\n"
        "- [[Abstract]]\n"
        "\t- We count owls at night with thermal cameras. Counts double those\n"
        "\t  made by ear in the same woods.\n"
        "- [[Attachments]]\n"
        "\t- [Full Text PDF](zotero://select/library/items/Z9TC4NPX)\n"
        "- [[Notes]]\n"
        "\t- \u201cCounts double those made by ear.\u201d (p. 1) a striking result, worth a look.\n"
    )
    [record] = parse_markdown(text).records
    assert record.abstract == (
        "We count owls at night with thermal cameras. Counts double those made by ear in "
        "the same woods."
    )
    assert (record.title, record.authors) == ("Owls at Night", ("Ana Lima", "Kofi Mensah"))
    assert ("item-type", "journalArticle") in record.metadata


def test_tex_dashes_of_an_arxiv_item_copied_into_a_note_are_dashes() -> None:
    # A feed reader's note of an arXiv RSS item (2605.20400): the item's TeX, "3--5$\\times$".
    text = (
        '---\ntitle: "Pumps of the North-South Network"\n'
        'originalUrl: "https://arxiv.org/abs/2605.11111"\n---\n\n'
        "arXiv:2605.11111v1 Announce Type: cross Abstract: We sample random effects on a GPU "
        "and run 3--5$\\times$ faster than on a CPU, for every pump in the network.\n"
    )
    [record] = parse_markdown(text).records
    assert "run 3\u20135$\\times$ faster" in record.abstract


def test_an_abstract_page_copied_without_its_labels_is_read() -> None:
    # A reader view's dump of an arXiv abstract page (r.jina.ai's: front matter, "## Content"
    # and the page's lines): "[Submitted on …]", the title, the authors and the abstract have
    # no labels. The note was refused whole: "no abstract".
    text = (
        "---\ntitle: Tactile Maps for Blind Grasping\nurl: https://arxiv.org/abs/2310.01111\n"
        "---\n\n# Tactile Maps for Blind Grasping\n\n## Content\n\nSkip to main content\n"
        "Computer Science > Robotics\n[Submitted on 2 Oct 2023]\n"
        "Tactile Maps for Blind Grasping\nAna Lima, Tomas Berg\n"
        "We grasp objects without vision from a tactile map built while the hand explores.\n"
        "Subjects:\tRobotics (cs.RO)\nCite as:\tarXiv:2310.01111 [cs.RO]\n"
        " \t(or arXiv:2310.01111v1 [cs.RO] for this version)\nSubmission history\n"
    )
    [record] = parse_markdown(text).records
    assert (record.title, record.authors) == (
        "Tactile Maps for Blind Grasping",
        ("Ana Lima", "Tomas Berg"),
    )
    assert (record.arxiv, record.date) == ("2310.01111v1", "2 Oct 2023")
    assert record.abstract.startswith("We grasp objects without vision")


def test_an_abstract_pages_journal_reference_is_the_venue() -> None:
    # An abstract page's "Journal reference:" (a reader view's dump, 2309.11392) names where
    # the paper came out, as arXiv's journal_ref does in its API and listings; it was kept
    # as metadata. The empty "Related DOI:" label after it is no part of its value.
    text = (
        "# Tactile Maps for Blind Grasping\n\n[Submitted on 2 Oct 2023]\n"
        "Tactile Maps for Blind Grasping\nAna Lima, Tomas Berg\n"
        "We grasp objects without vision from a tactile map built while the hand explores.\n"
        "Cite as:\tarXiv:2310.01111 [cs.RO]\n\n"
        "Journal reference:\tProceedings of the Asia Pacific Conference on Robot Hands (RH '23), "
        "Beijing, China\nRelated DOI:\t\nhttps://doi.org/10.1145/3624918.3625336\n"
    )
    [record] = parse_markdown(text).records
    assert record.venue == (
        "Proceedings of the Asia Pacific Conference on Robot Hands (RH '23), Beijing, China"
    )


def test_an_older_abstract_page_copied_as_plain_text_without_its_labels_is_read() -> None:
    # An older abstract page's copy in a plain-text file, under someone's own text: the
    # title and the authors come before "(Submitted on …)". Each line was read as a
    # one-line "paper" with no title, or skipped as too short.
    text = (
        "Notes for the reading group\n\nBring a laptop and your questions.\n\n\n"
        "Tactile Maps for Blind Grasping\n\nAna Lima, Tomas Berg\n(Submitted on 8 Oct 2017)\n"
        "We grasp objects without vision from a tactile map built while the hand explores.\n"
        "The map is updated as the hand moves, and it is enough for most household objects.\n"
        "Comments:\t13 pages\nSubjects:\tRobotics (cs.RO)\nCite as:\tarXiv:1710.01111 [cs.RO]\n"
    )
    fmt = sniff_format(text)
    [record] = fmt.parse(text).records
    assert (record.title, record.authors) == (
        "Tactile Maps for Blind Grasping",
        ("Ana Lima", "Tomas Berg"),
    )
    assert (record.arxiv, record.date, record.line) == ("1710.01111", "8 Oct 2017", 6)
    assert record.abstract.startswith("We grasp objects without vision")
    assert record.abstract.endswith("most household objects.")


def test_a_feed_items_date_in_a_notes_properties_is_its_day() -> None:
    # A feed reader's note: the item's pubDate as its "published" property, e-mail style.
    text = (
        "---\nurl: https://arxiv.org/abs/2605.27712\ntitle: Prefix-Safe Belief Tracking\n"
        "published: Thu, 28 May 2026 00:00:00 -0400\n---\n\n"
        "View PDF HTML (experimental) Abstract:\n\nLong reasoning traces need reliability "
        "estimates before final answers are known, and we track them with a two-state belief.\n"
    )
    [record] = parse_markdown(text).records
    assert (record.title, record.date) == ("Prefix-Safe Belief Tracking", "2026-05-28")


@pytest.mark.parametrize(
    ("names", "expected"),
    [
        ("Huiqiang Jiang and collaborators", ("Huiqiang Jiang",)),
        ("Ana Lima, Tomas Berg and others", ("Ana Lima", "Tomas Berg")),
        ("Zhenghan Song and 2 other authors", ("Zhenghan Song",)),
        ("Tomer Libal et.al.", ("Tomer Libal",)),  # arxiv-daily tables write it so
        ("Chen, Li, et al", ("Chen", "Li")),
    ],
)
def test_a_word_for_the_names_left_out_is_no_author(names: str, expected: tuple[str]) -> None:
    assert split_authors(names) == expected


def test_arxivs_numbered_affiliations_are_no_part_of_the_names() -> None:
    # arXiv's author line with numbered affiliations, as its listings, mails and pages show
    # it: the list at the end was read as a part of the last name.
    names = (
        "Jose Bermudez (1), Zilong Zhong (1), Dominic Cyr (2), Alemu Gonsamo (1) ((1) "
        "McMaster University, Hamilton, Ontario, Canada (2), Environment and Climate Change "
        "Canada, Montreal, Quebec, Canada)"
    )
    assert split_authors(names) == ("Jose Bermudez", "Zilong Zhong", "Dominic Cyr", "Alemu Gonsamo")
    # A named affiliation, brackets inside and all, goes too: the byline shows names.
    assert split_authors("Théo Biardeau (XLIM-ASALI, UFR SFA (Poitiers)), Salwan Alwan") == (
        "Théo Biardeau",
        "Salwan Alwan",
    )


def test_a_semicolon_inside_an_affiliation_parts_no_names() -> None:
    # A Spanish note of a paper: "**Autores:** …, Sergey Levine (UC Berkeley; Abbeel también
    # afiliado a OpenAI)." The semicolon in the remark split the list there: two "names",
    # "…, Sergey Levine (UC Berkeley" and "Abbeel también afiliado a OpenAI).".
    names = "Ana Lima, Rui Costa, Kofi Mensah (Univ Porto; Costa también en INESC)."
    assert split_authors(names) == ("Ana Lima", "Rui Costa", "Kofi Mensah")
    # Semicolons between names still part them, an affiliation's own read with its name.
    assert split_authors("Lima, A (Univ A; Dept B); Mensah, K") == ("Lima, A", "Mensah, K")
    # In a parenthesis never closed, every semicolon parts names, as before.
    assert split_authors("Lima, A (Univ A; Mensah, K") == ("Lima, A (Univ A", "Mensah, K")


@pytest.mark.parametrize(
    ("names", "expected"),
    [
        # arXiv's "Name (Affiliation)", in its listings and in notes pasted from them.
        ("Ana Lima, Kofi Mensah (Univ of Ghana, Legon) and Wei Zhang",
         ("Ana Lima", "Kofi Mensah", "Wei Zhang")),
        ("Rui Costa (UP, XLIM-ASALI), Ana Lima (UFR SFA (Poitiers), LabCom I3M (Poitiers))",
         ("Rui Costa", "Ana Lima")),
        ("Ana Lima, Kofi Mensah (Stanford; Lima also at Acme).", ("Ana Lima", "Kofi Mensah")),
    ],
)  # fmt: skip
def test_an_affiliation_after_a_name_is_no_part_of_it(names: str, expected: tuple[str]) -> None:
    assert split_authors(names) == expected


@pytest.mark.parametrize(
    "name",
    [
        "Ana Lima (Eds.)",
        "Ana Lima (Author)",
        "Ana Lima (ORCID 0000-0002-1825-0097)",
        "G. Aad (for the ATLAS Collaboration)",
        "Kofi Mensah (ATLAS Collaboration)",
        "Wei Zhang (\u5f20\u4f1f)",
        "\u5f20\u4f1f (Zhang Wei)",
        "World Health Organization (WHO)",
        "Zhen (Sean) Qian",
    ],
)
def test_brackets_after_a_name_that_hold_no_affiliation_stay(name: str) -> None:
    assert split_authors(name) == (name,)


def test_a_daily_list_numbered_in_brackets_keeps_no_number_in_its_titles() -> None:
    # An AI-enhanced arXiv daily: "### [1] [Title](https://arxiv.org/abs/…)", the title
    # translated, then the paper's fields. The titles were "[1] Title", "[2] Title".
    entry = (
        "### [{n}] [{title}](https://arxiv.org/abs/{id})\n\n"
        "**Abstract:** We grow crystals in a {adjective} flask, and they come out twice as large "
        "as the ones grown on a plate.\n\n---\n\n"
    )
    text = "".join(
        entry.format(n=n, title=title, id=id_, adjective=adjective)
        for n, title, id_, adjective in [(1, "Slow Crystals", "2607.01001", "cold"),
                                         (2, "Fast Crystals", "2607.01002", "warm")]
    )  # fmt: skip
    records = parse_markdown(text).records
    assert [(r.title, r.arxiv) for r in records] == [
        ("Slow Crystals", "2607.01001"),
        ("Fast Crystals", "2607.01002"),
    ]


def test_an_abstract_translation_is_the_abstract_over_a_tldr() -> None:
    # The AI-enhanced arXiv daily's paper: a model's TL;DR first, then, in its <details>,
    # the abstract translated ("\u6458\u8981\u7ffb\u8bd1", the only abstract it gives). The
    # one-line TL;DR was the paper's abstract and the whole translated abstract left out.
    text = (
        "### [1] [Slow Crystals](https://arxiv.org/abs/2607.01001)\n\n"
        "> **TL;DR:** \u51b7\u74f6\u91cc\u7684\u6676\u4f53\u66f4\u5927\n\n"
        "<details>\n  <summary>Details</summary>\n\n"
        "> **\u6458\u8981\u7ffb\u8bd1:** \u6211\u4eec\u5728\u51b7\u74f6\u4e2d\u57f9\u517b"
        "\u6676\u4f53 \u5b83\u4eec\u6bd4\u5728\u5e73\u677f\u4e0a\u751f\u957f\u7684"
        "\u6676\u4f53\u5927\u4e00\u500d\n\n</details>\n"
    )
    parsed = parse_markdown(text)
    [record] = parsed.records
    assert record.abstract.startswith("\u6211\u4eec\u5728\u51b7\u74f6")
    assert [p.reason for p in parsed.problems] == ["a summary of the paper, not its abstract"]


def test_a_byline_of_authors_and_fields_parted_by_bars_gives_the_authors() -> None:
    # The AI-enhanced arXiv daily's line under a paper's heading: the authors in italics,
    # then its category and day, parted by " | ". The line was skipped as text that is no
    # paper's, and every paper had no authors.
    text = (
        "### [1] [Slow Crystals](https://arxiv.org/abs/2607.01001)\n\n"
        "*Mara Lind, Tomas Berg* | **Category: cond-mat.mtrl-sci** | **Updated: 2026-07-02**\n\n"
        "**Abstract:** We grow crystals in a cold flask, and they come out twice as large as "
        "the ones grown on a plate.\n"
    )
    parsed = parse_markdown(text)
    [record] = parsed.records
    assert record.authors == ("Mara Lind", "Tomas Berg")
    assert ("category", "cond-mat.mtrl-sci") in record.metadata
    assert parsed.problems == ()


def test_a_numbered_daily_list_of_hugging_face_paper_pages() -> None:
    # A Hugging Face Daily Papers digest: "### 1. **[Title]**", its huggingface.co/papers
    # page (named by the arXiv id), then a model's notes. The number and the brackets are
    # no part of the title; with no abstract anywhere, each entry says the list has none.
    entry = (
        "### {n}. **[{title}]**\n- **论文链接**: [https://huggingface.co/papers/{id}]"
        "(https://huggingface.co/papers/{id})\n- **研究机构/作者**: 研究团队\n"
        "- **核心痛点与创新点**: 动态环境对 LLM 智能体提出了巨大挑战。\n\n---\n\n"
    )
    text = "今日的 Hugging Face Daily Papers 展现了强劲发展势头。\n\n---\n\n" + "".join(
        entry.format(n=n, title=title, id=id_)
        for n, title, id_ in [(1, "EvoArena: Tracking Memory Evolution", "2606.13681"),
                              (6, "MiniMax Sparse Attention", "2606.13392")]
    )  # fmt: skip
    parsed = parse_markdown(text)
    assert parsed.records == ()
    assert [(p.line, p.excerpt) for p in parsed.problems] == [
        (5, "arXiv:2606.13681"),
        (12, "arXiv:2606.13392"),
    ]
    assert all("without their abstracts" in p.reason for p in parsed.problems)
    abstract = "We track how the memory of an agent evolves, and prune what is out of date."
    with_abstract = text.replace("- **核心", f"- **Abstract**: {abstract}\n- **核心", 1)
    first = parse_markdown(with_abstract).records[0]
    assert (first.title, first.arxiv) == ("EvoArena: Tracking Memory Evolution", "2606.13681")
    assert first.url == "https://huggingface.co/papers/2606.13681"


def test_labels_coloured_in_html_and_a_count_of_authors_left_out() -> None:
    # shuita2333/Arxiv-daily-paper: "**<font color=…>作者：</font>** names 等 4 位作者", the
    # abstract quoted under a coloured "摘要：" label, and a link back to the day's index.
    text = (
        "# 🔐 大模型安全相关研究 | 2026年04月11日\n\n> 本类共 **9** 篇论文\n\n---\n\n"
        "### 3. [TRUSTDESC: Preventing Tool Poisoning](https://arxiv.org/abs/2604.07536)\n\n"
        "**<font color=#1a73e8>作者：</font>** Hengkai Ye, Zhechang Zhang, "
        "Jinyuan Jia 等 4 位作者  \n"
        "**<font color=#188038>arXiv所属领域：</font>** Cryptography and Security\n\n"
        "**<font color=#5f6368>摘要：</font>**\n> Large language models increasingly rely on "
        "external tools to perform time-sensitive tasks and real-world actions.\n\n---\n\n"
        "- [返回当日日报目录](./index.md)\n"
    )
    parsed = parse_markdown(text)
    [record] = parsed.records
    assert (record.title, record.arxiv) == ("TRUSTDESC: Preventing Tool Poisoning", "2604.07536")
    assert record.authors == ("Hengkai Ye", "Zhechang Zhang", "Jinyuan Jia")
    assert record.abstract.startswith("Large language models increasingly")
    assert not [p for p in parsed.problems if p.reason.startswith("no abstract")]


def test_an_html_table_index_without_abstracts_is_refused_in_one_line(tmp_path: Path) -> None:
    # An arxiv-daily site's day index: front matter, headings, then an HTML <table> whose
    # rows link the site's own pages and carry the arXiv id on a favourite button. It lists
    # papers without abstracts, and says so rather than listing its headings.
    row = (
        '<tr>\n  <td>{n}</td>\n  <td><a href="./papers/{slug}.html">{title}</a></td>\n'
        "  <td>提出{short}以解决问题</td>\n"
        '  <td class="tags-cell"><span class="paper-tag">multimodal</span></td>\n  <td></td>\n'
        '  <td><button class="favorite-btn" data-arxiv-id="{id}" '
        "onclick=\"toggleFavorite(this, '{id}')\">☆</button></td>\n</tr>\n"
    )
    path = tmp_path / "index.md"
    path.write_text(
        "---\nlayout: default\ntitle: arXiv 中文要点汇总 - cs.AI - 2025-06-04\n---\n\n"
        "# cs.AI（2025-06-04）\n\n📊 共 **2** 篇论文\n\n"
        '<h2 id="embodied">🔬 支柱九：具身大模型 (2 篇)</h2>\n\n<table>\n<thead>\n'
        "<tr><th>#</th><th>题目</th><th>一句话要点</th><th>标签</th><th>🔗</th><th>⭐</th></tr>\n"
        "</thead>\n<tbody>\n"
        + row.format(n=1, slug="250708104v1-videoconviction", id="2507.08104v1",
                     title="VideoConviction: A Multimodal Benchmark", short="VideoConviction")
        + row.format(n=2, slug="250604374v1-a-statistical-physics", id="2506.04374v1",
                     title="A Statistical Physics of Language Model Reasoning", short="框架")
        + "</tbody>\n</table>\n\n[⬅️ 返回 cs.AI 首页](../index.html)\n"
    )  # fmt: skip
    assert_refused_as_a_list_without_abstracts(path, "lines 17, 25")
    parsed = parse_markdown(path.read_text())
    assert [p.excerpt for p in parsed.problems] == ["arXiv:2507.08104v1", "arXiv:2506.04374v1"]


def test_an_html_table_whose_cells_hide_the_abstracts() -> None:
    # A model zoo's list (PaddlePaddle's community models): under a heading, an HTML table
    # whose "摘要" cells hold the abstract in a <details> toggle, a "论文名称(链接)" column
    # of linked titles, and a column of code links. The toggle's "Abstract" label is no
    # part of the abstract; the code link is no paper's link.
    cell = "<td><details><summary>Abstract</summary><div>{}</div></details></td>"
    text = (
        "# 社区模型库\n\n飞桨目前包含100+个社区模型，详细内容如下表：\n\n<table>\n    <tr>\n"
        "        <th>序号</th>\n        <th>论文名称(链接)</th>\n        <th>摘要</th>\n"
        "        <th>数据集</th>\n        <th width='10%'>快速开始</th>\n    </tr>\n    <tr>\n"
        "        <td>1</td>\n"
        '        <td><a href="https://arxiv.org/abs/1612.08242">YOLO9000: Better, Faster, '
        "Stronger</a></td>\n        "
        + cell.format("We present YOLO, a new approach to object detection that frames it as "
                      "a regression problem to spatially separated bounding boxes.")
        + "\n        <td>YOLOv2 416x416 mAP: 76.8</td>\n"
        '        <td><a href="https://github.com/nuaaceieyty/Paddle-YOLOv2">快速开始</a></td>\n'
        "    </tr>\n    <tr>\n        <td>6</td>\n"
        '        <td><a href="https://arxiv.org/pdf/1708.02002v2.pdf">Focal Loss for Dense '
        "Object Detection</a></td>\n        "
        + cell.format("The highest accuracy object detectors to date are based on a "
                      "two-stage approach popularized by R-CNN, and we ask why.")
        + "\n        <td>RetinaNet R-50-FPN 1x mAP: 35.7</td>\n"
        '        <td><a href="https://github.com/FL77N/RetinaNet-Based-on-PPdet">快速开始</a></td>\n'
        "    </tr>\n</table>\n"
    )  # fmt: skip
    assert sniff_format(text).name == "markdown"
    first, second = parse_markdown(text).records
    assert (first.title, first.arxiv, first.url) == (
        "YOLO9000: Better, Faster, Stronger",
        "1612.08242",
        "https://arxiv.org/abs/1612.08242",
    )
    assert first.abstract.startswith("We present YOLO, a new approach")
    assert (second.title, second.arxiv) == ("Focal Loss for Dense Object Detection", "1708.02002v2")
    assert second.abstract.endswith("popularized by R-CNN, and we ask why.")


def test_a_generated_page_about_one_paper_with_its_abstract_translated() -> None:
    # An arxiv-daily site's page of one paper: front matter and "# Title" naming it, an HTML
    # toolbar linking its arXiv page, its fields, a rule, then sections: a Chinese
    # translation of the abstract ("摘要（中文）") before the original ("摘要（原文）"). One
    # paper, its abstract the original; the rule ends no entry, the translation is none.
    text = (
        "---\nlayout: default\ntitle: A Statistical Physics of Language Model Reasoning\n---\n\n"
        "# A Statistical Physics of Language Model Reasoning\n\n"
        '<div class="paper-toolbar">\n  <a href="https://arxiv.org/abs/2506.04374" '
        'class="toolbar-btn" target="_blank">📄 arXiv: 2506.04374v1</a>\n</div>\n\n'
        "**作者**: Jack David Carson, Amir Reisizadeh\n\n**发布日期**: 2025-06-04\n\n---\n\n"
        "## 💡 一句话要点\n\n**提出统计物理框架以解析语言模型推理动态**\n\n"
        "## 📝 摘要（中文）\n\n本文探讨了语言模型的推理能力，提出了一种统计物理框架。\n\n"
        "## 🔬 方法详解\n\n**核心思路**：将推理过程视为一个随机动力系统。\n\n"
        "## 📄 摘要（原文）\n\n> Transformer LMs show emergent reasoning that resists "
        "mechanistic understanding, and we offer a statistical physics framework for it.\n"
    )
    parsed = parse_markdown(text)
    [record] = parsed.records
    assert (record.title, record.arxiv) == (
        "A Statistical Physics of Language Model Reasoning",
        "2506.04374",
    )
    assert (record.authors, record.date) == (("Jack David Carson", "Amir Reisizadeh"), "2025-06-04")
    assert record.abstract.startswith("Transformer LMs show emergent reasoning")
    [translation] = [p for p in parsed.problems if p.excerpt.startswith("本文探讨")]
    assert translation.notice


def test_a_rule_under_a_papers_heading_and_id_ends_no_paper_before_its_sections() -> None:
    # A note about one paper: "# Title", its fields with its DOI and PMID, a rule, then
    # "##" sections about it, each under a rule. The sections ("Quick Summary", "Why This
    # Paper Matters") are the paper's note, no papers of their own.
    text = (
        "# Moreau et al. 2021 - Sleep Predicts Recall in Older Adults\n\n"
        "**Paper:** Sleep spindle density predicts overnight recall in older adults\n\n"
        "**Authors:** Moreau A, Lindqvist P\n\n"
        "**DOI:** 10.1000/sleep.2021.17\n**PMID:** 31234567\n\n---\n\n"
        "## Quick Summary\n\n**Key Finding:** Spindle density predicts overnight recall. "
        "Older adults with more spindles forgot fewer word pairs.\n\n---\n\n"
        "## Why This Paper Matters\n\nThe sleep chapter of this guide cites only studies of "
        "young adults. This paper shows that the same link holds in older adults.\n"
    )
    parsed = parse_markdown(text)
    [record] = parsed.records
    assert (record.title, record.doi, record.pmid) == (
        "Sleep spindle density predicts overnight recall in older adults",
        "10.1000/sleep.2021.17",
        "31234567",
    )
    assert [p.line for p in parsed.problems] == [20]


def test_a_lone_field_line_above_a_pasted_abstract_page_is_said_skipped() -> None:
    # A note's own line "Note: …" (a label no paper field knows) above an arXiv abstract
    # page copied as plain text: no paper, but said, as the note's other text is.
    text = (
        "        Welcome to the Garden\n\n"
        "        Note: Carol always plants first.\n\n\n"
        "The time complexity of garden games\n\nAda Byron, Carl Gauss\n"
        "(Submitted on 8 Oct 2017)\n"
        "We consider a simple game between two players who plant seeds in turn, and we prove "
        "a lower bound on the time any winning strategy needs.\n"
        "Comments:\t13 pages\nSubjects:\tComputational Complexity (cs.CC)\n"
        "Cite as:\tarXiv:1710.01234 [cs.CC]\n"
    )
    parsed = parse_arxiv_page(text)
    [record] = parsed.records
    assert record.arxiv == "1710.01234"
    assert [(p.line, p.excerpt) for p in parsed.problems if p.line == 3] == [
        (3, "Note: Carol always plants first.")
    ]


def test_daily_lists_with_a_code_link_line_or_italic_names_above_the_abstract() -> None:
    # Two generated daily lists whose abstracts hide in <details>: a heading linking the
    # paper, "[[code](…)]" on a line of its own, then the names (a SLAM/NeRF daily); a
    # bold linked title, then "_names, et al._" in italics (awesome-daily-AI-arxiv).
    text = (
        "## SLAM  \n\n### [4D Radar-Inertial Odometry based on Gaussian Modeling]"
        "(http://arxiv.org/abs/2412.13639)  \n[[code](https://github.com/robotics-upo/g-rio)]  \n"
        "Fernando Amodeo, Luis Merino, Fernando Caballero  \n<details>  \n"
        "  <summary>Abstract</summary>  \n  <ol>  \n    4D millimeter-wave radars are sensors "
        "that provide robustness against adverse weather conditions, and we use them.  \n"
        "  </ol>  \n</details>  \n\n## 📚 Paper List\n\n"
        "- **[FlagEvalMM: A Flexible Framework for Multimodal Model Evaluation]"
        "(https://arxiv.org/abs/2506.09081)**  `arXiv:2506.09081`  `cs.CV`  \n"
        "  _Zheqi He, Yesheng Liu, Jing-shu Zheng, et al._\n"
        "  <details open><summary>Abstract</summary>\n  We present FlagEvalMM, an open-source "
        "evaluation framework designed to comprehensively assess multimodal models.\n"
        "  </details>\n"
    )
    radar, flag = parse_markdown(text).records
    assert radar.authors == ("Fernando Amodeo", "Luis Merino", "Fernando Caballero")
    assert (radar.arxiv, radar.url) == ("2412.13639", "http://arxiv.org/abs/2412.13639")
    assert radar.abstract.startswith("4D millimeter-wave radars are sensors")
    assert flag.authors == ("Zheqi He", "Yesheng Liu", "Jing-shu Zheng")
    assert flag.abstract.startswith("We present FlagEvalMM")


def test_a_daily_list_whose_abstracts_are_in_footnotes_under_its_table() -> None:
    # cn-chat-arxiv's daily pages (leongxj123/cn-chat-arxiv, stat.ML.md and its other
    # categories): a table of "[^1]" references, linked titles and a Chinese summary, then
    # under "# 详细" each footnote: the title in Chinese, the title, the link, the summary,
    # the abstract in Chinese, and the abstract, indented. A footnote opened no entry: the
    # second footnote's lines went to the first, whose abstract it had, and the second paper
    # kept the table's summary for its abstract.
    text = (
        "# 摘要\n\n| Ref | Title | Summary |\n| --- | --- | --- |\n"
        "| [^1] | [Sliced Regression Made Private.](http://arxiv.org/abs/2401.08150) | "
        "本文提出了差分隐私算法。 |\n"
        "| [^2] | [Backdoor Defense with Benign Backdoors.](http://arxiv.org/abs/2307.15539) | "
        "提出了一种后门防御框架。 |\n\n# 详细\n\n"
        "[^1]: 差分隐私切片逆回归\n\n"
        "    Sliced Regression Made Private. (arXiv:2401.08150v1 [stat.ML])\n\n"
        "    [http://arxiv.org/abs/2401.08150](http://arxiv.org/abs/2401.08150)\n\n"
        "    本文提出了差分隐私算法。\n\n    \n\n"
        "    随着数据驱动应用的普及，隐私保护已成为关键问题。\n\n"
        "    Privacy preservation has become a critical concern in data analysis. We propose "
        "private algorithms for sliced inverse regression and show that they are optimal. As a na\n"
        "    \n"
        "[^2]: 非对抗性后门防御\n\n"
        "    Backdoor Defense with Benign Backdoors. (arXiv:2307.15539v1 [cs.LG])\n\n"
        "    [http://arxiv.org/abs/2307.15539](http://arxiv.org/abs/2307.15539)\n\n"
        "    提出了一种后门防御框架。\n\n    \n\n    深度神经网络容易受到后门攻击的影响。\n\n"
        "    Deep neural networks are vulnerable to backdoor attacks. We inject benign "
        "backdoors into the samples we suspect, which suppresses the attacker's. We conduct\n"
        "    \n"
    )
    first, second = parse_markdown(text).records
    assert (first.title, first.arxiv) == ("Sliced Regression Made Private", "2401.08150")
    assert first.abstract.startswith("Privacy preservation has become a critical concern")
    assert (second.title, second.arxiv) == ("Backdoor Defense with Benign Backdoors", "2307.15539")
    assert second.abstract.startswith("Deep neural networks are vulnerable")


def test_a_details_toggle_labelled_with_another_field_holds_no_abstract() -> None:
    # A note about one paper (SplaTAM) under "## Abstract": the keywords, then a <details>
    # toggle "<summary>关键词</summary>" with them in Chinese, then "**Abstract:**" and the
    # abstract, then "<summary>摘要</summary>" with it in Chinese. The heading made the
    # Chinese keywords the abstract and the abstract 'a second abstract in one entry'.
    text = (
        "## Abstract\n\n**Keywords:** SLAM, 3D Gaussian Splatting, RGB-D Camera\n\n"
        "<details>\n    <summary>关键词</summary>\n    <ul>\n"
        "        SLAM, 3D高斯溅射, RGB-D相机\n    </ul>\n</details>\n\n"
        "**Abstract:**\nDense SLAM is critical for robotics and augmented reality. This work "
        "introduces SplaTAM, which tracks and maps with 3D Gaussians from one RGB-D camera.\n\n"
        "<details>\n    <summary>摘要</summary>\n    <ul>\n"
        "       稠密同步定位与建图对于机器人至关重要。\n    </ul>\n</details>\n"
    )
    [record] = parse_markdown(text).records
    assert record.abstract.startswith("Dense SLAM is critical for robotics")
    assert record.keywords == ("SLAM", "3D Gaussian Splatting", "RGB-D Camera")


def test_tex_quotes_in_a_pasted_abstract_are_quotes_not_a_code_span(tmp_path: Path) -> None:
    # A daily arXiv page of one paper (hdShang/arxiv-daily) quotes the abstract as arXiv
    # gives it, with TeX's quotes: their backticks were read as a code span, which took the
    # words between two of them ('with tools'' and without tools'').
    page = tmp_path / "paper.md"
    page.write_text(
        "# TileBench: Benchmarking Tiling Puzzles\n\n"
        "**Authors**: Ana Lima, Kofi Mensah\n\n"
        "## Abstract\n\n"
        "> We introduce TileBench, a benchmark of 80 tiling puzzles, each stated in Lean. "
        "The best model solves 5 puzzles under both ``with tools'' and ``without tools'' "
        "settings.\n",
        encoding="utf-8",
    )
    [paper] = load_papers([page]).papers
    assert paper.abstract.endswith(
        "under both \u201cwith tools\u201d and \u201cwithout tools\u201d settings."
    )


def test_keywords_written_as_code_spans_are_one_keyword_each(tmp_path: Path) -> None:
    # The same pages write their keywords as code spans with no comma between them: they
    # were read as one keyword, "tiling 基准测试 Fine-Check".
    page = tmp_path / "paper.md"
    page.write_text(
        "# TileBench: Benchmarking Tiling Puzzles\n\n"
        "**关键词**: `tiling` `基准测试` `Fine-Check`\n\n"
        "## Abstract\n\n"
        "> We introduce TileBench, a benchmark of 80 tiling puzzles, each stated in Lean, "
        "and find that the best model solves only 5 of them.\n",
        encoding="utf-8",
    )
    [paper] = load_papers([page]).papers
    assert paper.keywords == ("tiling", "基准测试", "Fine-Check")


def test_a_date_with_its_update_in_brackets_is_the_day_the_paper_came_out(
    tmp_path: Path,
) -> None:
    # The same pages date a paper "**发布日期**: 2025-05-06 (更新: 2025-05-29)": the paper's
    # date was that whole text, not a date.
    page = tmp_path / "paper.md"
    page.write_text(
        "# TileBench: Benchmarking Tiling Puzzles\n\n"
        "**发布日期**: 2025-05-06 (更新: 2025-05-29)\n\n"
        "## Abstract\n\n"
        "> We introduce TileBench, a benchmark of 80 tiling puzzles, each stated in Lean, "
        "and find that the best model solves only 5 of them.\n",
        encoding="utf-8",
    )
    [paper] = load_papers([page]).papers
    assert paper.date == "2025-05-06"


def test_notes_that_copied_an_abstracts_jats_markup_read_as_text(tmp_path: Path) -> None:
    # Markdown notes kept the abstracts of Semantic Scholar and IEEE Xplore's API as they
    # came, with JATS inline markup: "<bold>PHENICS</bold>", a formula as IEEE writes it
    # ("<inline-formula> <tex-math notation="LaTeX">$4.6\times $ </tex-math></inline-formula>",
    # "0.18-<inline-formula> <tex-math …>$\mu \text{m}$ </tex-math></inline-formula>").
    formula = '<inline-formula> <tex-math notation="LaTeX">${}$ </tex-math></inline-formula>'
    (tmp_path / "notes.md").write_text(
        "# Reading list\n\n"
        "## PHENICS: A Cortical Simulator\n\n"
        "- **DOI**: 10.1109/TCSI.2025.3648865\n"
        "- **Authors**: Fan Yang, Lufei Fan\n"
        "- **Abstract**: We present <bold>PHENICS</bold> (<italic>Pyramidal Hierarchical "
        "Infrastructure</italic>), achieving a " + formula.format("4.6\\times ") + " real-time "
        "acceleration on a chip made in a 0.18-" + formula.format("\\mu \\text{m}") + " process.\n"
    )
    [paper] = load_papers([tmp_path / "notes.md"]).papers
    assert paper.abstract == (
        "We present PHENICS (Pyramidal Hierarchical Infrastructure), achieving a 4.6× real-time"
        " acceleration on a chip made in a 0.18-μm process."
    )


def test_a_daily_list_whose_submit_date_line_holds_the_papers_links() -> None:
    # A generated daily list of arXiv papers with Chinese translations: "## **N. Title**",
    # the title translated beside its category, then "**SubmitDate**: day [abs](…) [pdf](…)"
    # (the paper's only link), names, the abstract and its translation ("摘要: …").
    text = (
        "# Latest Model Attack Papers\n**update at 2025-05-24 16:11:32**\n\n"
        "## **1. Font Injection in External Resources for Language Models**\n\n"
        "外部资源中的恶意字体注入 cs.CR\n\n"
        "**SubmitDate**: 2025-05-22    [abs](http://arxiv.org/abs/2505.16957v1) "
        "[paper-pdf](http://arxiv.org/pdf/2505.16957v1)\n\n"
        "**Authors**: Junjie Xiong, Changjia Zhu\n\n"
        "**Abstract**: Language models are increasingly equipped with real-time web search, "
        "and we study hidden prompts injected through malicious fonts in web pages.\n\n"
        "摘要: 大型语言模型越来越多地配备实时网络搜索功能。\n\n\n\n"
        "## **2. Safe Reinforcement Learning from Multi-modal Human Feedback**\n\n"
        "基于多模态人类反馈的安全强化学习 cs.LG\n\n"
        "**SubmitDate**: 2025-05-21    [abs](http://arxiv.org/abs/2503.17682v2) "
        "[paper-pdf](http://arxiv.org/pdf/2503.17682v2)\n\n"
        "**Authors**: Jiaming Ji, Xinyu Chen\n\n"
        "**Abstract**: Multimodal language models pose increasing safety risks, and we "
        "present a safety alignment framework that keeps them helpful.\n\n"
        "摘要: 多模式大型语言模型带来了越来越大的安全风险。\n"
    )
    first, second = parse_markdown(text).records
    assert (first.arxiv, first.date, first.authors) == (
        "2505.16957v1",
        "2025-05-22",
        ("Junjie Xiong", "Changjia Zhu"),
    )
    assert first.abstract.startswith("Language models are increasingly equipped")
    assert (second.title, second.arxiv, second.date) == (
        "Safe Reinforcement Learning from Multi-modal Human Feedback",
        "2503.17682v2",
        "2025-05-21",
    )


def test_a_notes_title_heading_titles_its_feed_item_not_its_last_section() -> None:
    # A generated note without front matter: "# Title", its fields, then "##" sections: the
    # paper's feed item (no title of its own) under "## 项目描述", its link under "## 项目链接".
    # The paper is titled by the note's "#" heading, not by the section holding its link.
    text = (
        "# Counting Sheep with Small Language Models\n\n**评分：** 0.0  \n**来源：** rss  \n\n"
        "## 项目描述\narXiv:2601.01234v1 Announce Type: new Abstract: Small language models "
        "miscount objects in images, and we show that a counting tool they call fixes most of "
        "the errors on three benchmarks.\n\n"
        "## 综合总结\nLLM 调用失败\n\n"
        "## 项目链接\nhttps://arxiv.org/abs/2601.01234\n"
    )
    parsed = parse_markdown(text)
    [record] = parsed.records
    assert (record.title, record.arxiv) == (
        "Counting Sheep with Small Language Models",
        "2601.01234v1",
    )
    assert [p.excerpt for p in parsed.problems if p.line == 1] == []


def test_a_list_items_field_keeps_its_indented_wrapped_line(tmp_path: Path) -> None:
    # A note's list of a capture's fields wraps a long author list on to an indented line
    # under its item ("- Authors: …, Rui Costa,", "  Ana Lima, …"): the rest of the names
    # were read as text after the item, and the paper kept only the first line's authors
    # (a first line with an initial, "Tom B. Brown", was taken for a sentence's end).
    note = tmp_path / "capture.md"
    note.write_text(
        "---\nsource_type: web-capture\n---\n\n# Sparse Retrieval Heads\n\n## Provenance\n"
        "- URL: https://arxiv.org/abs/2411.10001\n"
        "- Authors: Kofi Mensah, Wei Zhang, Maria Garcia, Tom B. Brown, Sofia Rossi, Rui Costa,\n"
        "  Ana Lima, Jan Kowalski\n\n## Abstract\n\n"
        "Long-context language models retrieve facts from anywhere in their input, but how "
        "they do it is unclear. We find attention heads that carry the retrieval.\n",
        encoding="utf-8",
    )
    [paper] = load_papers([note]).papers
    assert paper.authors == (
        "Kofi Mensah", "Wei Zhang", "Maria Garcia", "Tom B. Brown", "Sofia Rossi", "Rui Costa",
        "Ana Lima", "Jan Kowalski",
    )  # fmt: skip
    # The same capture described in Spanish ("- Autores: …"): the label names the authors.
    note.write_text(note.read_text(encoding="utf-8").replace("Authors:", "Autores:"), "utf-8")
    [paper] = load_papers([note]).papers
    assert len(paper.authors) == 8


def test_a_spanish_title_field_names_the_paper() -> None:
    # A Spanish analysis of a paper: its fields under "## 1. Metadata y resumen ejecutivo",
    # the title as "**Título:**". The paper was titled by the heading, "Metadata y resumen
    # ejecutivo", the title field read as a note's own label.
    text = (
        "# Conteo de ovejas (CSL) \u2014 An\u00e1lisis interno\n\n"
        "## 1. Metadata y resumen ejecutivo\n\n"
        "- **T\u00edtulo:** *Counting Sheep with Small Language Models*.\n"
        "- **Autores:** Ana Lima, Rui Costa\n"
        "- **Preprint:** [arxiv.org/abs/2601.01234](https://arxiv.org/abs/2601.01234)\n\n"
        "Los modelos peque\u00f1os cuentan mal los objetos de una imagen. Proponemos una "
        "herramienta de conteo que corrige el error en nueve de cada diez casos.\n"
    )
    [record] = parse_markdown(text).records
    assert record.title == "Counting Sheep with Small Language Models"
    assert record.authors == ("Ana Lima", "Rui Costa")


def test_a_notes_section_headings_beside_its_fields_heading_are_no_papers() -> None:
    # A Spanish analysis of one paper: "## 1. Metadata y resumen ejecutivo" over its fields
    # (title, authors, arXiv link) and summary, then "## 2. Contexto histórico", "## 3. …":
    # each further section was a paper of its own, titled by its heading.
    text = (
        "## 1. Metadata y resumen ejecutivo\n\n"
        "- **T\u00edtulo:** *Counting Sheep with Small Language Models*.\n"
        "- **Preprint:** [arxiv.org/abs/2601.01234](https://arxiv.org/abs/2601.01234)\n\n"
        "Los modelos peque\u00f1os cuentan mal los objetos de una imagen. Proponemos una "
        "herramienta de conteo que corrige el error en nueve de cada diez casos.\n\n"
        "## 2. Contexto hist\u00f3rico\n\n"
        "El conteo de objetos fue durante a\u00f1os un problema de visi\u00f3n por computador, "
        "resuelto con detectores entrenados para cada clase de objeto.\n"
    )
    [record] = parse_markdown(text).records
    assert record.title == "Counting Sheep with Small Language Models"
    # A list whose papers each have a heading and a Title: field keeps every paper.
    listed = (
        "## Paper 1\n\n- **Title:** Counting Sheep with Small Language Models\n"
        "- **Link:** https://arxiv.org/abs/2601.01234\n\n"
        "Small language models miscount objects in images, and a counting tool fixes it.\n\n"
        "## Paper 2\n\n- **Title:** Herding Cats with Large Language Models\n"
        "- **Link:** https://arxiv.org/abs/2601.04321\n\n"
        "Large language models herd cats poorly, and a herding tool helps them do better.\n"
    )
    records = parse_markdown(listed).records
    assert [r.title for r in records] == [
        "Counting Sheep with Small Language Models",
        "Herding Cats with Large Language Models",
    ]


def test_a_korean_notes_labels_name_the_papers_fields() -> None:
    # A Korean note of a paper: "* **저자**: …" (authors), "* **발표연도**: 2015" (the year it
    # came out). The labels were not known: the paper had no authors and no date.
    text = (
        "# Counting Sheep with Small Language Models\n\n"
        "* **저자**: Ana Lima, Rui Costa, and Kofi Mensah\n"
        "* **발표연도**: 2026\n"
        "* **arXiv**: [https://arxiv.org/abs/2601.01234](https://arxiv.org/abs/2601.01234)\n\n"
        "## 1. 논문 개요\n\n"
        "이 논문은 작은 언어 모델이 이미지 속 물체를 잘못 세는 문제를 다룬다. "
        "세는 도구를 주면 오류가 크게 줄어든다.\n"
    )
    [record] = parse_markdown(text).records
    assert record.authors == ("Ana Lima", "Rui Costa", "Kofi Mensah")
    assert record.date == "2026"


def test_a_versioned_arxiv_id_field_gives_the_version_of_the_linked_id() -> None:
    # MayDomine/arxiv_rss_bot's README: each paper's heading links its arXiv page, its
    # "**ArXiv ID**:" field below gives the same id with its version. The version was lost:
    # the heading's id came first and the field's was not read over it.
    text = (
        "### 1. [Counting Sheep with Small Language Models](https://arxiv.org/abs/2601.01234)\n\n"
        "**Authors**: Ana Lima, Rui Costa  \n**ArXiv ID**: 2601.01234v2  \n\n#### Abstract\n"
        "Small language models miscount objects in images, and we show that a counting tool "
        "they call fixes most of the errors on three benchmarks.\n"
    )
    [record] = parse_markdown(text).records
    assert record.arxiv == "2601.01234v2"


def test_an_arxiv_id_field_naming_another_paper_leaves_the_linked_id() -> None:
    # Only the linked id with its version replaces it: another paper's id does not.
    text = (
        "### 1. [Counting Sheep with Small Language Models](https://arxiv.org/abs/2601.01234)\n\n"
        "**Authors**: Ana Lima, Rui Costa  \n**ArXiv ID**: 2601.05678v1  \n\n#### Abstract\n"
        "Small language models miscount objects in images, and we show that a counting tool "
        "they call fixes most of the errors on three benchmarks.\n"
    )
    [record] = parse_markdown(text).records
    assert record.arxiv == "2601.01234"


def test_an_abstract_label_over_the_feeds_id_line_keeps_the_abstract_below_it(
    tmp_path: Path,
) -> None:
    # A generated "arXiv Paper Summary" note (library id 4351349860) labels the feed's
    # description "**Abstract:** arXiv:…v1 Announce Type: new", its own "Abstract: …" on the
    # next line, as arXiv's feeds break it: the id line was taken for the abstract and the
    # abstract skipped as a second one, the paper left with a later section's text.
    note = tmp_path / "summary.md"
    note.write_text(
        "# arXiv Paper Summary (2024-12-19)\n\n"
        "## Tracing Stalls in Vector Units\n"
        "**Link:** [https://arxiv.org/abs/2412.10001](https://arxiv.org/abs/2412.10001)\n\n"
        "**Abstract:** arXiv:2412.10001v1 Announce Type: new \n"
        "Abstract: Vector units stall for reasons that counters do not show. We model each "
        "unit's queues and find which one limits a loop.\n\n"
        "**Analysis:** True\n\n---\n",
        encoding="utf-8",
    )
    corpus = load_papers([note])
    [paper] = corpus.papers
    assert paper.abstract.startswith("Vector units stall for reasons")
    assert (paper.arxiv_id, paper.arxiv_version) == ("2412.10001", 1)
    assert ("announce type", "new") in paper.metadata
    assert "a second abstract in one entry" not in [s.reason for s in corpus.skipped]


def test_a_clippings_properties_lend_the_authors_listed_on_one_line(tmp_path: Path) -> None:
    # A feed script's note (library id 61161145450) lists its paper's authors on one line,
    # 'authors: ["Name (Affiliation)"]', over the feed's abstract: the list was dropped as
    # no value, and the paper shown without its authors.
    note = tmp_path / "note.md"
    note.write_text(
        '---\ntitle: "Sparse Retrieval Heads"\nsource: "arXiv (cs.CL)"\n'
        'url: "https://arxiv.org/abs/2411.10001"\n'
        'authors: ["Ana Lima (Univ A)", "Kofi Mensah"]\ntags: [retrieval, heads]\n---\n\n'
        "arXiv:2411.10001v1 Announce Type: new Abstract: Long-context language models "
        "retrieve facts from anywhere in their input, and we find the heads that do it.\n",
        encoding="utf-8",
    )
    [paper] = load_papers([note]).papers
    assert paper.title == "Sparse Retrieval Heads"
    assert paper.authors == ("Ana Lima", "Kofi Mensah")


@pytest.mark.parametrize(
    "callout",
    ["> [!abstract]", "> [!Abstract]-", "> [!quote] Abstract", "> [!abstract]+ 摘要"],
)
def test_an_obsidian_callout_naming_the_abstract_labels_it(callout: str) -> None:
    # Zotero Integration's templates for Obsidian: the paper's fields as a callout of the
    # note's own ("> [!Index Card]", Dataview's "Key:: value" lines), then the abstract in
    # "> [!Abstract]". The fields were the abstract, the abstract "text after the abstract";
    # alone, the abstract kept its "[!abstract]" marker.
    text = (
        "---\ntitle: Tactile Maps for Blind Grasping\ncitekey: limaTactileMaps2026\n---\n\n"
        "# Tactile Maps for Blind Grasping\n> [!Index Card]\n> About::\n"
        "> Read:: - [ ] Lima et al. - **Tactile Maps for Blind Grasping** #robotics\n"
        "> Zotero Link:: [Zotero](zotero://select/library/items/ABCD1234)\n\n"
        f"{callout}\n> We grasp objects without vision from a tactile map built while the "
        "hand explores. The maps lift nine in ten household items.\n# Top Notes\n"
    )
    parsed = parse_markdown(text)
    [record] = parsed.records
    assert record.title == "Tactile Maps for Blind Grasping"
    assert record.abstract == (
        "We grasp objects without vision from a tactile map built while the hand explores. "
        "The maps lift nine in ten household items."
    )


def test_an_obsidian_callout_titled_otherwise_holds_the_notes_own_text() -> None:
    # "> [!abstract] Core idea": the callout's type, its title names the reader's own gloss.
    text = (
        "# Tactile Maps for Blind Grasping\n\nhttps://arxiv.org/abs/2606.20002\n\n"
        "> [!abstract] Core idea\n> Touch is enough to build a map of an object, so the "
        "hand needs no camera at all.\n\n## Abstract\n\nWe grasp objects without vision "
        "from a tactile map built while the hand explores.\n"
    )
    [record] = parse_markdown(text).records
    assert record.abstract == (
        "We grasp objects without vision from a tactile map built while the hand explores."
    )


def test_obsidian_wiki_links_read_as_their_text() -> None:
    # Zotero Integration's literature notes link each author to a note of their own
    # ("**Authors:** [[Ruizhe Chen]], [[Jianfei Yang]]"): the names kept the brackets.
    text = (
        "# Tactile Maps for Blind Grasping\n\n"
        "**Authors:** [[Ana Lima]], [[lima-tomas|Tomas Berg]]\n\n"
        "We grasp objects without vision from a tactile map built while the hand explores. "
        "![[figure-1.png]]\n"
    )
    [record] = parse_markdown(text).records
    assert record.authors == ("Ana Lima", "Tomas Berg")
    assert record.abstract == (
        "We grasp objects without vision from a tactile map built while the hand explores."
    )


def test_an_obsidian_callout_title_gives_the_paper_its_web_links_only() -> None:
    # Zotero Integration's "> [!info]+ Metadata [Zotero](zotero://…) | [URL](http://arxiv…)":
    # the arXiv link was lost with the callout's first line, and a zotero:// link is no
    # page of the paper.
    text = (
        "---\ntitle: Tactile Maps for Blind Grasping\n---\n\n"
        "> [!info]+ Metadata [Zotero](zotero://select/library/items/ABCD1234) | "
        "[URL](http://arxiv.org/abs/2606.20002)\n>\n> **Authors:** [[Ana Lima]]\n\n"
        "> [!abstract]-\n> We grasp objects without vision from a tactile map built while the "
        "hand explores.\n"
    )
    [record] = parse_markdown(text).records
    assert record.arxiv == "2606.20002"
    assert record.url is None or record.url.startswith("http")


def test_a_template_placeholder_left_unfilled_is_no_value() -> None:
    # Zotero's mdnotes template leaves a field it has no value for as its placeholder
    # ("- **Journal**: {{publicationTitle}}, "): it was the paper's venue and keyword.
    text = (
        "# Soft Locks for Small Kernels\n\n## Metadata\n- **CiteKey**: {{citekey}}\n"
        "- **Journal**: {{publicationTitle}}, \n- **DOI**: 10.1000/softlocks.2025\n\n"
        "## Abstract\nWe make a small kernel that never disables interrupts and show that it "
        "still keeps its tasks apart.\n\n## Tags and Collections\n- **Keywords**: {{keywordsAll}}\n"
    )
    [record] = parse_markdown(text).records
    assert (record.venue, record.keywords) == (None, ())
    assert not [value for _, value in record.metadata if "{{" in value]


def test_a_title_field_loses_the_comma_a_template_puts_after_it() -> None:
    # Zotero's mdnotes template: " - **Title**: Hopter: a Safe, … Operating System, ".
    text = (
        "## Metadata\n - **Title**: Soft Locks for Small Kernels, \n\n## Abstract\nWe make a "
        "small kernel that never disables interrupts and show that it keeps its tasks apart.\n"
    )
    [record] = parse_markdown(text).records
    assert record.title == "Soft Locks for Small Kernels"


def test_a_note_whose_abstract_is_one_of_its_sections_holds_no_other_paper() -> None:
    # Zotero's mdnotes template: "# Title", "## Metadata" (authors surname first, joined
    # with ";"), "## Abstract", "## Tags and Collections"; then the reader's own sections. The
    # keywords went to a paper of their own, dropped, and "### Step Two" over a quote was
    # a second paper. Zotero's "/unread" tag is a reading state, no keyword.
    text = (
        "# Soft Locks for Small Kernels\n\n## Metadata\n"
        "- **Author**: Lima, Ana; van der Berg, Jan A.; Mensah, Kofi \n"
        "- **Journal**: Embedded Letters\n\n"
        "## Abstract\nWe make a small kernel that never disables interrupts and show that it "
        "still keeps its tasks apart.\n## Files and Links\n"
        "- **Local Library**: [Zotero](zotero://select/library/items/ABCD1234)\n\n"
        "## Tags and Collections\n- **Keywords**: /unread; Kernels; Interrupts\n\n---\n\n"
        "## Method\nThe locks are counted, not taken.\n\n### Step Two\n"
        "> Each task then waits on its counter until the count is back to zero, and runs.\n"
    )
    [record] = parse_markdown(text).records
    assert record.keywords == ("Kernels", "Interrupts")
    assert record.authors == ("Ana Lima", "Jan A. van der Berg", "Kofi Mensah")


def test_two_bold_fields_on_one_line_are_two_fields() -> None:
    # A Spanish note of a paper: "- **Año:** 2017. **Preprint:** arXiv:…" (the year, then the
    # preprint on the same line). The date was "2017. Preprint: arXiv:…", and "Año" (year) was
    # no known label.
    text = (
        "# Counting Sheep with Small Language Models\n\n"
        "- **Autores:** Ana Lima, Rui Costa\n"
        "- **Año:** 2026. **Preprint:** arXiv:2601.01234v2 (3 ene 2026)\n\n"
        "El artículo muestra que los modelos pequeños cuentan mal los objetos de una imagen, "
        "y que una herramienta de conteo corrige casi todos los errores.\n"
    )
    [record] = parse_markdown(text).records
    assert record.date == "2026"
    assert ("preprint", "arXiv:2601.01234v2 (3 ene 2026)") in record.metadata


def test_a_line_of_a_thousand_bold_fields_is_read() -> None:
    # Each bold field after the first on a line was read inside the one before it: a line of
    # a thousand of them went past Python's recursion limit and the load stopped.
    fields = "".join(f" **Note {n}:** n{n}" for n in range(1000))
    text = (
        "# Counting Sheep with Small Language Models\n\n"
        f"- **Year:** 2026.{fields}\n\n"
        "The paper shows that small models count the objects in a picture badly, and that a "
        "counting tool mends almost every error.\n"
    )
    [record] = parse_markdown(text).records
    assert record.date == "2026"
    assert ("note 999", "n999") in record.metadata


def test_dataview_fields_of_a_zotero_integration_note(tmp_path: Path) -> None:
    # Obsidian's Dataview fields ("Authors:: …") in a note's metadata callout: the names,
    # not ": Ana Lima"; the DOI of the note's own reference ("bibliography:: …"); an empty
    # quoted journal ("Journal:: \u201c\u201d") is no venue.
    note = tmp_path / "note.md"
    note.write_text(
        "# Lower bounds for dynamic interval stabbing\n\n"
        ">[!meta]- Abstract\n"
        "We prove cell probe lower bounds for dynamic interval stabbing with non-adaptive "
        "updates and give a matching upper bound in the word RAM model.\n\n"
        "> [!meta]- Metadata\n"
        "> zotero_link:: \n"
        "> Authors:: [[people/Ana Lima\\|Ana Lima]], [[people/Bo Chen\\|Bo Chen]], \n"
        "> Journal:: \u201c\u201d\n"
        "> doi:: \n"
        "> bibliography:: Lima, Ana, and Bo Chen. 2019. \u2018Lower Bounds for Dynamic "
        "Interval Stabbing\u2019. [https://doi.org/10.4230/LIPIcs.X.2019.7]"
        "(https://doi.org/10.4230/LIPIcs.X.2019.7).\n\n"
        "## My Notes\n\nModel::Dynamic, non-adaptive updates\n",
        encoding="utf-8",
    )
    (paper,) = load_papers([note]).papers
    assert paper.authors == ("Ana Lima", "Bo Chen")
    assert paper.doi == "10.4230/LIPIcs.X.2019.7"
    assert paper.venue is None
    assert ("model", "Dynamic, non-adaptive updates") in paper.metadata


@pytest.mark.parametrize(
    ("metadata", "summary", "contributions"),
    [("메타데이터", "핵심 요약", "주요 기여"), ("Metadata", "Key summary", "Main contributions")],
)
def test_a_notes_metadata_summary_and_contributions_are_sections_of_its_paper(
    tmp_path: Path, metadata: str, summary: str, contributions: str
) -> None:
    # A note on one paper (a Korean one's headings: metadata, key summary, main
    # contributions): its title heads it, its fields are the paper's (the DOI under
    # "DOI/URL"), the summary is its abstract; no heading of the note is a paper.
    note = tmp_path / "note.md"
    note.write_text(
        "# Fast Lithography Simulation with Pre-trained Networks\n\n"
        f"## {metadata}\n- **저자**: Ana Lima, Bo Chen\n- **Year**: 2024\n"
        "- **Venue**: Proc. SPIE 12000, Computational Patterning\n"
        "- **DOI/URL**: https://doi.org/10.1117/12.3000001\n\n"
        f"## {summary}\nWe pre-train a network to simulate lithography quickly and adapt it "
        "to new patterns with little data.\n\n"
        f"## {contributions}\n1. A pre-training method\n2. Adapting with little data\n",
        encoding="utf-8",
    )
    (paper,) = load_papers([note]).papers
    assert paper.title == "Fast Lithography Simulation with Pre-trained Networks"
    assert paper.authors == ("Ana Lima", "Bo Chen")
    assert (paper.doi, paper.date) == ("10.1117/12.3000001", "2024")
    assert paper.abstract.startswith("We pre-train a network")


def test_a_digest_items_lines_parted_by_hard_breaks(tmp_path: Path) -> None:
    # A daily digest's item: "- **Name: what it is**  ", then its names, then "_day_ ·
    # link · `category`", each line ended by a hard break (two spaces), the abstract in a
    # toggle. The bold "Name: …" is the title, no field; the names end before the day.
    digest = tmp_path / "2026-02-10.md"
    digest.write_text(
        "# Daily arXiv Digest\n\n## Autonomous Driving\n\n"
        + "".join(
            f"- **{title}**  \n  {names}  \n  _2026-02-09_ \u00b7 "
            f"https://arxiv.org/abs/{arxiv}v1 \u00b7 `cs.RO`  \n"
            "  <details><summary>Abstract</summary>\n\n  We fuse camera and radar data to "
            "detect moving objects and map lanes for autonomous vehicles in real time.\n\n"
            "  </details>\n\n"
            for title, names, arxiv in [
                (
                    "FuseNet: Camera-Radar Fusion for Driving",
                    "Ana Lima, Bo Chen, Carl Ode, Dana Fox, Eli Grant",
                    "2602.30001",
                ),
                ("Offloading Functions for Connected Vehicles", "Fay Hu, Gil Ames", "2602.30002"),
            ]
        ),
        encoding="utf-8",
    )
    papers = load_papers([digest]).papers
    assert [(p.title, p.arxiv_id, p.date) for p in papers] == [
        ("FuseNet: Camera-Radar Fusion for Driving", "2602.30001", "2026-02-09"),
        ("Offloading Functions for Connected Vehicles", "2602.30002", "2026-02-09"),
    ]
    assert [p.authors for p in papers] == [
        ("Ana Lima", "Bo Chen", "Carl Ode", "Dana Fox", "Eli Grant"),
        ("Fay Hu", "Gil Ames"),
    ]


def test_a_papers_readme_titled_by_an_underline_with_its_publication(tmp_path: Path) -> None:
    # A paper's code README: its title underlined by "=" (a setext heading), a badge, the
    # preprint's and the journal's links under "## Publication", the abstract, then the
    # repository's own sections: one paper, its DOI the journal's, the badge's link no part
    # of it, "## Data and Software Availability" no paper of its own.
    readme = tmp_path / "README.md"
    readme.write_text(
        "Ring Pucker Distributions in Three Solvents\n"
        "===========================================\n"
        "[![Toolkit](https://img.shields.io/badge/Powered%20by-Toolkit-blue.svg)]"
        "(https://toolkit.example.org/)\n\n"
        "## Publication\n"
        "pre-print: [https://chemrxiv.org/engage/chemrxiv/article-details/1234abcd]"
        "(https://chemrxiv.org/engage/chemrxiv/article-details/1234abcd)\n\n"
        "[1] J. Chem. Theory 2024, 12, 3, 100\u2013110 : "
        "https://pubs.acs.org/doi/10.1021/acs.jct.4c00123\n\n"
        "## Abstract\n"
        "We compare the ring pucker distributions of small molecules in water, hexane and "
        "the crystal, and find that each environment shifts them in its own way.\n\n"
        "## Data and Software Availability\n"
        "We provide scripts that reproduce the histograms instead of the structures, as the "
        "database's licence requires of everyone who uses it.\n\n"
        "## Installation\n"
        "```\nconda env create -f environment.yml\n```\n",
        encoding="utf-8",
    )
    (paper,) = load_papers([readme]).papers
    assert paper.title == "Ring Pucker Distributions in Three Solvents"
    assert paper.doi == "10.1021/acs.jct.4c00123"
    assert paper.url == "https://chemrxiv.org/engage/chemrxiv/article-details/1234abcd"
    assert paper.abstract.startswith("We compare the ring pucker")


def test_a_hugo_academic_page_is_its_paper_without_the_admin_profile() -> None:
    # Hugo Academic (Wowchemy) pages of academic websites. A project page (title, summary,
    # date, a `links:` list whose url is the arXiv page, the abstract as the body) was lost:
    # "no abstracts found". A publication page (authors as profile ids, `admin` the site's
    # owner; doi; abstract; url_pdf the arXiv page) had "admin" as an author and no arXiv id,
    # then a profile's id ("LevGrossman") as an author and its `publication:` (the venue, in
    # Markdown: "In *[Name](site)*") not read.
    project = (
        "---\ntitle: Tidal Control with Learned Perception\nsummary: We regulate tides.\n"
        'tags:\n- Optimization\ndate: "2021-01-01"\n\nlinks:\n- icon: ai-arxiv\n'
        "  icon_pack: ai\n  name: arXiv\n  url: https://arxiv.org/abs/2205.01234\n---\n"
        "We regulate a tidal basin whose state cannot be measured, with a controller that "
        "learns the state from camera images.\n"
    )
    [record] = parse_markdown(project).records
    assert (record.title, record.arxiv, record.date) == (
        "Tidal Control with Learned Perception",
        "2205.01234",
        "2021-01-01",
    )
    assert record.abstract.startswith("We regulate a tidal basin")
    publication = (
        '---\ntitle: "Compressed Replay for Robots"\nauthors:\n- AnaLima\n- admin\n'
        'date: "2024-05-13T00:00:01Z"\ndoi: "10.5555/icra.2024.1"\npublication_types: ["1"]\n'
        "publication: In *[2024 Conference on Robot Replay (CRR)](http://crr.example.org/)*\n"
        "publication_short: In *CRR 2024*\n"
        'abstract: "We compress the replay buffer of a robot by encoding its images as a '
        'video, and halve its memory."\n'
        "url_pdf: 'https://arxiv.org/abs/2310.01234'\nurl_code: ''\n---\n"
    )
    [record] = parse_markdown(publication).records
    assert record.authors == ("Ana Lima",)
    assert record.venue == "2024 Conference on Robot Replay (CRR)"
    assert f"{record.arxiv} {record.doi}" == "2310.01234 10.5555/icra.2024.1"


def test_a_japanese_abstract_heading_names_the_abstract() -> None:
    # A Japanese translation of a paper in Markdown: "## 要旨" (abstract) over its abstract,
    # one sentence a line, then "## 1.序章" (introduction). "要旨" was no abstract heading and
    # the lines under it, with no spaces, no prose: the file was refused ("no abstracts").
    text = (
        "# 画像の中の羊を数える\n\n"
        "Ana Lima, Rui Costa\n\n"
        "## 要旨\n"
        "小さな言語モデルは画像の中の物体を数え間違えることが多い。\n"
        "本研究では数を数える道具をモデルに与え、三つのベンチマークで誤りが大きく減ることを示す。\n\n"
        "## 1.序章\n"
        "画像の中の物体を数えることは多くの応用で必要とされている。\n"
    )
    [record] = parse_markdown(text).records
    assert record.title == "画像の中の羊を数える"
    assert record.abstract.startswith("小さな言語モデルは")
    assert record.abstract.endswith("誤りが大きく減ることを示す。")


def test_chinese_keywords_are_parted_by_full_width_semicolons() -> None:
    # A Chinese journal article as Markdown: "关键词：a；b；c" was one keyword.
    text = (
        "# 城市绿地与居民步行\n\n"
        "摘要：目的 探讨城市绿地对居民步行时间的影响。结果 绿地较多的社区居民每周步行时间更长。\n\n"
        "关键词：城市绿地；步行；社区\n"
    )
    [record] = parse_markdown(text).records
    assert record.keywords == ("城市绿地", "步行", "社区")
