"""The summarize stage: which sentence is chosen, through sumy, and what never breaks."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from sumy.models.dom import ObjectDocumentModel
from sumy.summarizers import AbstractSummarizer

from digest import summarizing
from digest.models import Paper, Summary
from digest.sentences import split_sentences, tokenize_words
from digest.summarizing import (
    MAX_LINE_CHARS,
    METHODS,
    NO_TEXT,
    ContributionSummarizer,
    select_sentence,
    stage,
    stem_word,
    stem_words,
    summarize_paper,
    summarize_papers,
    summarize_with,
    summarizer,
)
from digest.summarizing.features import VOCABULARY
from digest.summarizing.sumy_methods import build_document, chosen_index
from digest.summarizing.words import tokenize_rows

BIG_BENCH = (
    "Language models demonstrate both quantitative improvement and new qualitative capabilities "
    "with increasing scale. Despite their potentially transformative impact, these new "
    "capabilities are as yet poorly characterized. In order to inform future research, prepare "
    "for disruptive new model capabilities, and ameliorate socially harmful effects, it is vital "
    "that we understand the present and near-future capabilities and limitations of language "
    "models. To address this challenge, we introduce the Beyond the Imitation Game benchmark "
    "(BIG-bench). BIG-bench currently consists of 204 tasks, contributed by 442 authors across "
    "132 institutions."
)
CODEX = (
    "We introduce Codex, a GPT language model fine-tuned on publicly available code from GitHub, "
    "and study its Python code-writing capabilities. A distinct production version of Codex "
    "powers GitHub Copilot. On HumanEval, a new evaluation set we release to measure functional "
    "correctness for synthesizing programs from docstrings, our model solves 28.8% of the "
    "problems, while GPT-3 solves 0% and GPT-J solves 11.4%. Furthermore, we find that repeated "
    "sampling from the model is a surprisingly effective strategy for producing working "
    "solutions to difficult prompts."
)
HER = (
    "Dealing with sparse rewards is one of the biggest challenges in Reinforcement Learning (RL). "
    "We present a novel technique called Hindsight Experience Replay which allows "
    "sample-efficient learning from rewards which are sparse and binary and therefore avoid the "
    "need for complicated reward engineering. It can be combined with an arbitrary off-policy RL "
    "algorithm and may be seen as a form of implicit curriculum. We demonstrate our approach on "
    "the task of manipulating objects with a robotic arm."
)
GSM8K = (
    "State-of-the-art language models can match human performance on many tasks, but they still "
    "struggle to robustly perform multi-step mathematical reasoning. To diagnose the failures of "
    "current models and support research, we introduce GSM8K, a dataset of 8.5K high quality "
    "linguistically diverse grade school math word problems. We find that even the largest "
    "transformer models fail to achieve high test performance, despite the conceptual simplicity "
    "of this problem distribution. To increase performance, we propose training verifiers to "
    "judge the correctness of model completions. We demonstrate that verification significantly "
    "improves performance on GSM8K, and we provide strong empirical evidence that verification "
    "scales more effectively with increased data than a finetuning baseline."
)


def paper(abstract: str, title: str | None = None, id: str = "p1") -> Paper:
    return Paper(id=id, abstract=abstract, title=title)


@pytest.mark.parametrize(
    ("abstract", "starts"),
    [
        (BIG_BENCH, "To address this challenge, we introduce the Beyond"),
        (CODEX, "We introduce Codex"),
        (HER, "We present a novel technique called Hindsight Experience Replay"),
        (GSM8K, "To diagnose the failures"),
    ],
)
def test_picks_the_contribution_over_background(abstract: str, starts: str) -> None:
    summary = summarize_paper(paper(abstract))
    assert summary.sentence.startswith(starts)


def test_summary_sentence_is_verbatim_and_text_is_the_trimmed_line() -> None:
    for abstract in (BIG_BENCH, CODEX, HER, GSM8K):
        summary = summarize_paper(paper(abstract))
        assert summary.sentence in abstract
        assert len(summary.text) <= MAX_LINE_CHARS
        assert (summary.text, summary.shortened) == summarizing.trim_sentence(summary.sentence)
    big_bench = summarize_paper(paper(BIG_BENCH))
    assert big_bench.text == "We introduce the Beyond the Imitation Game benchmark (BIG-bench)."
    assert not big_bench.shortened


def test_title_words_steer_the_choice() -> None:
    abstract = (
        "We propose a method for graph coloring. "
        "We propose a scheduler for sparse matrix kernels on GPUs."
    )
    untitled = summarize_paper(paper(abstract))
    titled = summarize_paper(paper(abstract, title="Scheduling Sparse Matrix Kernels on GPUs"))
    assert untitled.sentence.startswith("We propose a method")
    assert titled.sentence.startswith("We propose a scheduler")
    assert titled.headline == "Scheduling Sparse Matrix Kernels on GPUs"


def test_summarize_papers_keeps_order_and_ids() -> None:
    papers = [paper(CODEX, id="b"), paper(HER, id="a"), paper(GSM8K, id="c")]
    summaries = summarize_papers(papers)
    assert [s.paper_id for s in summaries] == ["b", "a", "c"]
    assert all(isinstance(s, Summary) for s in summaries)


def test_same_input_same_output() -> None:
    papers = [paper(a, id=str(i)) for i, a in enumerate((BIG_BENCH, CODEX, HER, GSM8K))]
    assert summarize_papers(papers) == summarize_papers(papers)
    assert summarize_papers(papers[::-1]) == summarize_papers(papers)[::-1]


def test_all_caps_abstract() -> None:
    summary = summarize_paper(paper(HER.upper()))
    assert summary.sentence.startswith("WE PRESENT A NOVEL TECHNIQUE")


def test_one_sentence_abstract() -> None:
    summary = summarize_paper(paper("We introduce a tiny benchmark for parsing."))
    assert summary.sentence == "We introduce a tiny benchmark for parsing."
    assert summary.text == summary.sentence
    assert not summary.shortened


def test_very_long_abstract_considers_only_the_first_sentences() -> None:
    filler = " ".join(f"Background fact number {i} is stated here." for i in range(400))
    late = " We propose a novel parser for every language."
    summary = summarize_paper(paper(filler + late))
    assert summary.sentence.startswith("Background fact number")
    assert summary.text


@pytest.mark.parametrize(
    "abstract",
    [
        "Wir stellen ein neues Verfahren vor. Es ist schnell und genau.",
        "我们提出了一种新方法。它很快。",
        "1234 5678. 42.",
        "... !!! ???",
        "$x$",
    ],
)
def test_odd_text_gives_a_nonempty_summary(abstract: str) -> None:
    summary = summarize_paper(paper(abstract))
    assert summary.text
    assert summary.headline


def test_blank_abstract_says_why() -> None:
    summary = summarize_paper(paper("   "))
    assert summary.text == NO_TEXT
    assert summary.sentence == ""


@pytest.mark.parametrize("method", sorted(METHODS))
def test_every_method_returns_a_sentence_of_the_abstract(method: str) -> None:
    summary = summarize_with(paper(GSM8K, title="Training Verifiers"), method)
    assert summary.sentence in GSM8K


def test_unknown_method_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown method"):
        summarize_with(paper(CODEX), "nonesuch")


def test_lead_picks_the_first_sentence() -> None:
    assert select_sentence(["One here.", "We propose two."], None, "lead") == 0


def test_batch_equals_one_at_a_time() -> None:
    papers = [
        paper(BIG_BENCH, id="1"),
        paper(CODEX, title="Evaluating Large Language Models Trained on Code", id="2"),
        paper("One sentence only.", id="3"),
        paper("   ", id="4"),
        paper(HER.upper(), id="5"),
    ]
    assert summarize_papers(papers) == tuple(summarize_paper(p) for p in papers)


def test_batch_with_a_named_method() -> None:
    papers = [paper(CODEX, id="1"), paper(GSM8K, id="2")]
    summaries = summarize_papers(papers, method="luhn")
    assert [s.sentence in p.abstract for s, p in zip(summaries, papers, strict=True)] == [
        True,
        True,
    ]
    with pytest.raises(ValueError, match="unknown method"):
        summarize_papers(papers, method="nonesuch")


def test_worker_processes_and_chunks_give_the_same_summaries(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    abstracts = (BIG_BENCH, CODEX, HER, GSM8K, "One sentence only.", "   ", HER.upper())
    papers = [paper(a, id=str(i)) for i, a in enumerate(abstracts * 2)]
    one_batch = summarize_papers(papers, workers=1)
    monkeypatch.setattr(stage, "CHUNK_PAPERS", 3)
    done: list[int] = []
    assert summarize_papers(papers, workers=2, on_progress=done.append) == one_batch
    assert done == [3, 3, 3, 3, 2]
    assert summarize_papers(papers, workers=1) == one_batch


def test_small_batches_stay_in_this_process(monkeypatch: pytest.MonkeyPatch) -> None:
    def no_workers(*args: object) -> None:
        raise AssertionError("a small batch started worker processes")

    monkeypatch.setattr(stage, "_summarize_in_workers", no_workers)
    assert summarize_papers([paper(CODEX)])[0].sentence.startswith("We introduce Codex")


def test_stems_are_pystemmers_snowball_stems_of_the_lowercased_word() -> None:
    import Stemmer  # type: ignore[import-not-found]

    snowball = Stemmer.Stemmer("english")
    words = sorted({w.strip(".,()%") for a in (BIG_BENCH, CODEX, HER, GSM8K) for w in a.split()})
    words += ["Organizations", "EMERGENCE", "added", "skies", "proceeding", "generously", "dying"]
    expected = [snowball.stemWord(w.lower()) for w in words]
    assert [stem_word(w) for w in words] == expected
    assert stem_words(words) == expected


def test_stems_are_deterministic_and_join_inflections() -> None:
    words = ["Models", "modeling", "modelled", "proposed", "proposes", "added", "adding", "add"]
    first = stem_words(words)
    assert stem_words(list(reversed(words))) == list(reversed(first))
    assert [stem_word(w) for w in words] == first == stem_words(words)
    assert len({stem_word(w) for w in words[:3]}) == 1
    assert stem_word("proposed") == stem_word("proposes") != stem_word("added")
    assert stem_word("added") == stem_word("adding") == stem_word("add")


def test_words_of_every_kind_of_row_are_the_tokenizers() -> None:
    # ASCII rows are cut with numpy and their short words packed into integers; other rows
    # and words past the packed length go word by word. All must give tokenize_words' words.
    rows = [
        "We propose GSM8K, a state-of-the-art benchmark.",
        "",
        "Éric's Δ-learning beats the baseline by 3.5 points.",
        "Incomprehensibilities and counterrevolutionaries are long words; so is ab12cd34ef56gh.",
        "ÜBER-long ΣΑΣ words: Straßenbahnhaltestelle.",
        "   ",
        "A b c",
    ]
    ids, lengths = tokenize_rows(VOCABULARY, rows)
    word_of = {i: w for w, i in VOCABULARY.ids.items()}
    expected = [tokenize_words(row.lower()) for row in rows]
    assert lengths.tolist() == [len(words) for words in expected]
    assert [word_of[i] for i in ids.tolist()] == [w for words in expected for w in words]


def test_emptying_the_word_cache_does_not_change_summaries(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from digest.summarizing import words

    abstracts = (BIG_BENCH, CODEX, HER, GSM8K, "Éric's Δ-learning. We propose it.", "   ")
    papers = [paper(a, id=str(i)) for i, a in enumerate(abstracts)]
    expected = summarize_papers(papers, workers=1)
    # A limit so small that the cache is emptied before every chunk of one paper.
    monkeypatch.setattr(words, "ID_CACHE_LIMIT", 5)
    monkeypatch.setattr(stage, "CHUNK_PAPERS", 1)
    assert summarize_papers(papers, workers=1) == expected
    assert len(VOCABULARY.ids) < 200


# --- sumy does the summarizing ---------------------------------------------------------------


def test_the_default_summarizer_is_a_sumy_summarizer() -> None:
    assert issubclass(ContributionSummarizer, AbstractSummarizer)
    assert METHODS[summarizing.DEFAULT_METHOD] is ContributionSummarizer
    document = build_document(split_sentences(GSM8K), "Training Verifiers")
    assert isinstance(document, ObjectDocumentModel)
    chosen = ContributionSummarizer()(document, 1)
    # sumy's convention: the chosen Sentence objects of the document itself.
    assert len(chosen) == 1
    assert any(chosen[0] is s for s in document.sentences)
    # The title's words steer it to the verifiers.
    assert str(chosen[0]).startswith("To increase performance, we propose training verifiers")
    two = ContributionSummarizer()(document, 2)
    assert [chosen_index(document, [s]) for s in two] == sorted(
        chosen_index(document, [s]) for s in two
    )


def test_the_default_build_picks_through_the_summarizers_call(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The sentence of every summary is what `ContributionSummarizer.__call__` returns for
    the paper's sumy document: make it return the last sentence, and the summaries follow."""
    calls: list[tuple[Any, int]] = []
    original = ContributionSummarizer.__call__

    def last_sentence(self: ContributionSummarizer, document: Any, count: int) -> Any:
        calls.append((document, count))
        assert original(self, document, count)  # rated in the batch, as usual
        return document.sentences[-1:]

    monkeypatch.setattr(ContributionSummarizer, "__call__", last_sentence)
    papers = [paper(a, id=str(i)) for i, a in enumerate((BIG_BENCH, CODEX, HER, GSM8K))]
    summaries = summarize_papers(papers)
    assert [s.sentence for s in summaries] == [split_sentences(p.abstract)[-1] for p in papers]
    assert len(calls) == len(papers)
    assert all(isinstance(d, ObjectDocumentModel) and n == 1 for d, n in calls)


def test_the_cli_build_summarizes_through_the_sumy_summarizer(
    seeds_here: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    from click.testing import CliRunner

    from digest.cli import main

    seen: list[int] = []
    original = ContributionSummarizer.__call__

    def counting(self: ContributionSummarizer, document: Any, count: int) -> Any:
        seen.append(count)
        return original(self, document, count)

    monkeypatch.setattr(ContributionSummarizer, "__call__", counting)
    result = CliRunner().invoke(main, ["build", "--date", "2026-11-16", "-q"])
    assert result.exit_code == 0, result.output
    assert seen == [1] * 42


def test_sentence_texts_are_what_str_gives() -> None:
    from digest.summarizing.sumy_methods import _read_text, sentence_texts

    document = build_document(["  We propose X.  ", "Ünïcode — text."], "A Title")
    assert sentence_texts(document.sentences) == [str(s) for s in document.sentences]
    assert sentence_texts(document.headings) == ["A Title"]
    assert _read_text is not str  # sumy still keeps the text in its slot


def test_build_takes_a_method_too(seeds_here: Any) -> None:
    from click.testing import CliRunner

    from digest.cli import main

    runner = CliRunner()
    lead = runner.invoke(main, ["build", "--date", "2026-11-16", "-q", "--method", "lead"])
    assert lead.exit_code == 0, lead.output
    data = json.loads(Path("out/digest.json").read_text(encoding="utf-8"))
    papers = [p for theme in data["themes"] for p in theme["papers"]]
    assert len(papers) == 42
    # lead-1: every paper's sentence is the first of its abstract.
    from digest.loading import load_papers

    first = {p.id: split_sentences(p.abstract)[0] for p in load_papers([seeds_here]).papers}
    assert {p["id"]: p["sentence"] for p in papers} == first
    bad = runner.invoke(main, ["build", "--date", "2026-11-16", "--method", "nope"])
    assert bad.exit_code == 2
    assert "Invalid value for '--method': " in bad.output
    assert "unknown summary method 'nope'; choose one of contribution, " in bad.output


def test_a_batch_rates_each_document_as_alone() -> None:
    documents = [
        build_document(split_sentences(a), t)
        for a, t in ((BIG_BENCH, None), (CODEX, "Evaluating Code Models"), (GSM8K, None))
    ]
    alone = [ContributionSummarizer()(d, 1) for d in documents]
    batched = ContributionSummarizer()
    with batched.rating(documents):
        together = [batched(d, 1) for d in documents]
    assert [[str(s) for s in c] for c in together] == [[str(s) for s in c] for c in alone]
    for document in documents:
        ratings = ContributionSummarizer().rate_sentences(document)
        assert len(ratings) == len(document.sentences)


def ratings(
    values: list[float], back: list[bool], states: list[bool], line: bool = False
) -> summarizer.Ratings:
    """One document's ratings; `back` says which sentences lean back (all of them in the
    line a reader sees if `line`, else only in a dropped linking clause)."""
    return summarizer.Ratings(
        np.array(values),
        np.array(back),
        np.array(back) & line,
        np.array(states),
        np.array([len(values)]),
    )


def test_a_self_standing_contribution_wins_over_one_that_leans_back_when_close() -> None:
    margin = summarizer.STANDALONE_MARGIN
    # The best (0) leans back; 1 stands on its own and states the contribution; 2 is rated
    # higher than 1 but says nothing of the authors' own.
    close = ratings([0.30, 0.30 - margin / 2, 0.29], [True, False, False], [True, True, False])
    assert close.best().tolist() == [1]
    assert close.ranking(0) == [1, 0, 2]
    # Too far below, or not stating the contribution, or leaning back too: no change.
    far = ratings([0.30, 0.30 - 2 * margin], [True, False], [True, True])
    assert far.best().tolist() == [0]
    silent = ratings([0.30, 0.29], [True, False], [True, False])
    assert silent.best().tolist() == [0]
    leaning = ratings([0.30, 0.29], [True, True], [True, True])
    assert leaning.best().tolist() == [0]
    # The best does not lean back: nothing to prefer.
    standing = ratings([0.30, 0.29], [False, False], [True, True])
    assert standing.best().tolist() == [0]


def test_a_line_that_leans_back_gives_way_from_further_below() -> None:
    """ "We show how to make these algorithms ..." leans back in the line itself: a reader
    cannot tell what it points at, so the preference reaches further down."""
    margin, line_margin = summarizer.STANDALONE_MARGIN, summarizer.LINE_STANDALONE_MARGIN
    assert line_margin > margin
    between = 0.30 - (margin + line_margin) / 2
    assert ratings([0.30, between], [True, False], [True, True], line=True).best() == [1]
    assert ratings([0.30, between], [True, False], [True, True], line=False).best() == [0]


def test_a_leaning_line_does_not_give_way_to_a_result() -> None:
    """ "Our method outperforms ..." reports a result, not what the authors did: the line that
    says what they did stays, though it points back ("this problem")."""
    abstract = (
        "Attention-based networks are widely used. "
        "Yet little is known about their loss landscape, which makes training them hard. "
        "We address this problem by studying the landscape of population and empirical loss "
        "functions of attention-based neural networks. "
        "Our method finds the loss landscape of attention-based neural networks and "
        "significantly outperforms existing analyses of loss functions on MNIST."
    )
    assert summarize_paper(Paper(id="p", abstract=abstract)).text.startswith("We address")


def test_the_preference_is_per_document_in_a_batch() -> None:
    margin = summarizer.STANDALONE_MARGIN
    back = np.array([False, True, False, False, True, False, False, False])
    batch = summarizer.Ratings(
        np.array([0.5 - 2 * margin, 0.5, 0.5 - margin / 2, 0.4, 0.2, 0.2, 0.3, 0.3]),
        back,
        back,
        np.array([True, True, True, True, False, True, True, True]),
        np.array([0, 3, 1, 2, 2]),
    )
    # No sentences; 2 rather than 1, which leans back; one sentence; a tie, the earlier one
    # leaning back, so the other; a tie, the earlier one.
    assert batch.best().tolist() == [0, 2, 0, 1, 0]


def seed_abstract(start: str) -> str:
    from digest.loading import load_papers

    corpus = load_papers([summarizing_root() / "seeds"])
    return next(p.abstract for p in corpus.papers if p.abstract.startswith(start))


def summarizing_root() -> Any:
    from pathlib import Path

    return Path(__file__).resolve().parent.parent


def test_adem_is_named_rather_than_leaning_on_this_challenge(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The issue's example: "In response to this challenge, we formulate ..." leans on the
    sentence before; the same abstract says "We present an evaluation model (ADEM) ..."."""
    abstract = seed_abstract("Automatically evaluating the quality of dialogue responses")
    summary = summarize_paper(paper(abstract))
    assert summary.text.startswith("We present an evaluation model (ADEM) that learns")
    monkeypatch.setattr(summarizer, "STANDALONE_MARGIN", -1.0)
    monkeypatch.setattr(summarizer, "LINE_STANDALONE_MARGIN", -1.0)
    without = summarize_paper(paper(abstract))
    assert without.sentence.startswith("In response to this challenge, we formulate")
    assert without.text.startswith("We formulate automatic dialogue evaluation")


def test_batch_size_invariance_is_not_told_as_these_algorithms(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The issue's example of a line that leans back: "In this work we show how to make
    these algorithms batch size-invariant." The abstract states its key insight too."""
    abstract = seed_abstract("We say an algorithm is batch size-invariant")
    assert summarize_paper(paper(abstract)).text.startswith("Our key insight is to decouple")
    monkeypatch.setattr(summarizer, "LINE_STANDALONE_MARGIN", summarizer.STANDALONE_MARGIN)
    leaning = summarize_paper(paper(abstract))
    assert leaning.text == "We show how to make these algorithms batch size-invariant."


@pytest.mark.parametrize(
    ("start", "leaning"),
    [
        # A purpose clause answering "the loss" an earlier sentence described.
        ("One way to increase confidence in the outputs", "To mitigate the loss in legibility"),
        # The tasks the sentence before introduced.
        ("The purpose of this technical report", "All tasks have sparse binary rewards"),
        # Additions to what was said before.
        ("StarCraft II is one of the most challenging", "We also present baseline agents"),
        ("We explore deep reinforcement learning methods", "We then present an adaptation"),
        # "Our resulting model": the result of what came before.
        ("A major challenge for scaling machine learning", "Our resulting model generates"),
    ],
)
def test_seed_lines_that_lean_back_give_way(start: str, leaning: str) -> None:
    """The seeds' lines that leaned on an earlier sentence while another sentence of the same
    abstract states the contribution on its own."""
    abstract = seed_abstract(start)
    assert leaning in abstract
    summary = summarize_paper(paper(abstract))
    assert not summary.text.startswith(leaning)
    assert not summary.sentence.startswith(leaning)


def test_no_seed_line_opens_with_a_link_or_leans_back_when_another_need_not() -> None:
    """The issue's rule on the seeds: no line starts with a linking clause, or leans on an
    earlier sentence when another sentence of its abstract states the contribution on its
    own."""
    from digest.loading import load_papers
    from digest.sentences import split_abstracts
    from digest.summarizing.sumy_methods import build_documents
    from digest.summarizing.trimming import linking_clause_end

    papers = load_papers([summarizing_root() / "seeds"]).papers
    assert len(papers) == 42
    summaries = summarize_papers(papers)
    split = split_abstracts([p.abstract for p in papers], limit=summarizing.MAX_SENTENCES)
    rated = ContributionSummarizer().rate_documents(
        build_documents(split, [p.title for p in papers])
    )
    start = 0
    for summary, sentences in zip(summaries, split, strict=True):
        assert linking_clause_end(summary.text) == 0, summary.text
        chosen = start + sentences.index(summary.sentence)
        others = range(start, start + len(sentences))
        if rated.line_leans_back[chosen]:
            assert not any(
                rated.states_contribution[i] and not rated.leans_back[i] for i in others
            ), summary.text
        start += len(sentences)


def test_importing_the_summarizer_does_not_import_nltk() -> None:
    """sumy's base class imports NLTK's stemmer for a default argument, and sumy.utils
    imports requests: seconds of imports on every build. The stand-ins keep them out, and
    both still load when used."""
    code = (
        "import sys, digest.summarizing\n"
        "assert 'nltk' not in sys.modules, 'nltk imported'\n"
        "assert 'requests' not in sys.modules, 'requests imported'\n"
        "from sumy.nlp.stemmers import Stemmer\n"
        "assert Stemmer('english')('running') == 'run'\n"
        "assert 'nltk' in sys.modules\n"
        "import sumy.utils, requests\n"
        "assert sumy.utils.requests.get is requests.get\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def test_a_pubmed_structured_abstract_gives_a_line_without_its_section_label() -> None:
    abstract = (
        "BACKGROUND: Committees that price orphan drugs weigh many criteria at once. "
        "METHODS: We propose a multiple criteria decision analysis framework that ranks "
        "orphan drugs by their value to patients and payers. "
        "RESULTS: The framework ranked twelve drugs consistently across three committees. "
        "CONCLUSIONS: Decision analysis makes the value of orphan drugs explicit."
    )
    summary = summarize_paper(Paper(id="p", abstract=abstract))
    assert summary.sentence in abstract
    label = summary.sentence.split(":")[0]
    assert label in {"BACKGROUND", "METHODS", "RESULTS", "CONCLUSIONS"}
    assert summary.text == summary.sentence[len(label) + 2 :]


def test_a_structured_abstract_gives_its_line_from_its_conclusion() -> None:
    # A clinical trial's objective says what the authors set out to do, a bare infinitive
    # once its label is dropped ("To determine if infliximab ... results in clinical
    # benefit ..."), and was the line; the conclusion says what they found.
    abstract = (
        "Background: Tumour necrosis factor drives inflammation in chronic lung disease. "
        "Objectives: To determine whether lunaximab, an antibody against the factor, "
        "improves lung function and is safe in adults with moderate lung disease. "
        "Methods: We randomised 240 adults to lunaximab or placebo for 24 weeks. "
        "Results: Lung function did not differ between the groups at 24 weeks. "
        "Conclusions: Adults with moderate lung disease did not benefit from lunaximab."
    )
    title = "Lunaximab in moderate chronic lung disease: a randomised trial"
    summary = summarize_paper(Paper(id="p", abstract=abstract, title=title))
    assert summary.text == "Adults with moderate lung disease did not benefit from lunaximab."
    # Without a conclusion, the background gives way to the other parts, however much of
    # the title it repeats.
    abstract = (
        "Background: Lunaximab in moderate chronic lung disease is an antibody treatment "
        "that many clinics have adopted. "
        "Methods: We randomised 240 adults to lunaximab or placebo for 24 weeks. "
        "Results: Lung function rose by a tenth with lunaximab and did not change with placebo."
    )
    summary = summarize_paper(Paper(id="q", abstract=abstract, title=title))
    assert not summary.sentence.startswith("Background")
    assert summary.text in {
        "We randomised 240 adults to lunaximab or placebo for 24 weeks.",
        "Lung function rose by a tenth with lunaximab and did not change with placebo.",
    }
    # The authors' own "We propose ..." is taken wherever it stands, beside the conclusion.
    abstract = (
        "Background: Committees price drugs by many criteria at once. "
        "We propose a decision model that learns a committee's utility from its past reviews. "
        "Methods: We fit the model to 120 oncology reviews. "
        "Results: It predicted 9 of 10 later decisions. "
        "Conclusion: Preference disaggregation is an indirect way of eliciting utilities."
    )
    summary = summarize_paper(Paper(id="r", abstract=abstract, title="Learning drug reviews"))
    assert summary.text.startswith("We propose a decision model")


def test_the_back_matter_is_never_the_line_however_much_of_the_title_it_repeats() -> None:
    # Bioinformatics's layout: the "Availability and implementation" part repeats the title,
    # which made it the best-rated sentence.
    abstract = (
        "Motivation: High-throughput screens have produced many protein contacts, but their "
        "coverage is low and they are noisy. "
        "Results: We present FoldPair, a deep learning framework to predict protein contacts "
        "from sequence alone. "
        "Our experiments show that FoldPair outperforms earlier methods on four benchmarks. "
        "Availability and implementation: Predicting protein contacts from sequence with deep "
        "learning: https://github.com/example/foldpair. "
        "Supplementary information: Supplementary data are available online."
    )
    title = "Predicting protein contacts from sequence with deep learning"
    summary = summarize_paper(Paper(id="p", abstract=abstract, title=title))
    assert summary.text.startswith("We present FoldPair, a deep learning framework")
    # Alone, the back matter is the line still: an abstract always gives one.
    alone = "Availability and implementation: The code and data are at https://example.org/x."
    assert summarize_paper(Paper(id="q", abstract=alone)).text.startswith("The code and data")
