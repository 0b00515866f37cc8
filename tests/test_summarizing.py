"""The summarize stage: which sentence is chosen, how it is shortened, and what never breaks."""

from __future__ import annotations

import numpy as np
import pytest

from digest import summarizing
from digest.models import Paper, Summary
from digest.sentences import split_sentences, tokenize_words
from digest.summarizing import (
    ELLIPSIS,
    MAX_LINE_CHARS,
    METHODS,
    NO_TEXT,
    select_sentence,
    shorten_sentence,
    stem_word,
    stem_words,
    summarize_paper,
    summarize_papers,
    summarize_with,
)

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


def test_summary_sentence_is_verbatim_and_text_fits_a_line() -> None:
    for abstract in (BIG_BENCH, CODEX, HER, GSM8K):
        summary = summarize_paper(paper(abstract))
        assert summary.sentence in abstract
        assert len(summary.text) <= MAX_LINE_CHARS
        assert summary.shortened == (summary.text != summary.sentence)


def test_title_words_steer_the_choice() -> None:
    abstract = (
        "We propose a method for graph coloring. "
        "We also propose a scheduler for sparse matrix kernels on GPUs."
    )
    untitled = summarize_paper(paper(abstract))
    titled = summarize_paper(paper(abstract, title="Scheduling Sparse Matrix Kernels on GPUs"))
    assert untitled.sentence.startswith("We propose a method")
    assert titled.sentence.startswith("We also propose a scheduler")
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


def test_short_sentences_are_not_shortened() -> None:
    assert shorten_sentence("We propose X.") == ("We propose X.", False)


def test_long_sentence_is_cut_at_a_clause_with_an_ellipsis() -> None:
    sentence = (
        "We introduce Phasic Policy Gradient (PPG), a reinforcement learning framework which "
        "modifies traditional on-policy actor-critic methods by separating policy and value "
        "function training into distinct phases, and we show that it helps."
    )
    text, shortened = shorten_sentence(sentence, limit=120)
    assert shortened
    assert text.endswith(ELLIPSIS)
    assert len(text) <= 120
    assert text == "We introduce Phasic Policy Gradient (PPG)" + ELLIPSIS


def test_cut_without_clause_drops_dangling_function_words() -> None:
    sentence = "word " * 10 + "of the " + "x" * 100
    text, shortened = shorten_sentence(sentence.strip(), limit=80)
    assert shortened
    assert text == ("word " * 10).strip() + ELLIPSIS


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
    monkeypatch.setattr(summarizing, "CHUNK_PAPERS", 3)
    done: list[int] = []
    assert summarize_papers(papers, workers=2, on_progress=done.append) == one_batch
    assert done == [3, 3, 3, 3, 2]
    assert summarize_papers(papers, workers=1) == one_batch


def test_small_batches_stay_in_this_process(monkeypatch: pytest.MonkeyPatch) -> None:
    def no_workers(*args: object) -> None:
        raise AssertionError("a small batch started worker processes")

    monkeypatch.setattr(summarizing, "_summarize_in_workers", no_workers)
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
    ids, lengths = summarizing._tokenize_rows(rows)
    word_of = {i: w for w, i in summarizing._VOCABULARY.ids.items()}
    expected = [tokenize_words(row.lower()) for row in rows]
    assert lengths.tolist() == [len(words) for words in expected]
    assert [word_of[i] for i in ids.tolist()] == [w for words in expected for w in words]


@pytest.mark.parametrize(
    ("sentence", "cue", "aim"),
    [
        ("We propose a new parser.", True, False),
        ("We also introduce two losses.", True, False),
        ("We formally introduce two losses.", True, False),
        ("We also formally introduce two losses.", False, False),  # one insert at most
        ("In this paper we study parsers.", False, True),
        ("This paper presents a parser.", True, True),
        ("Our work develops a parser.", True, False),
        ("Here we describe it.", True, True),
        ("This parser is fast.", False, False),
        ("They propose a parser.", False, False),
        ("The results are in this paper", False, True),
        ("We", False, False),
    ],
)
def test_contribution_and_aim_cues(sentence: str, cue: bool, aim: bool) -> None:
    ids, lengths = summarizing._tokenize_rows([sentence])
    flags = summarizing._VOCABULARY.flags[ids]
    rows = np.repeat(np.arange(1), lengths)
    cues, aims = summarizing._subject_cues(flags, rows, lengths)
    assert (cues.tolist(), aims.tolist()) == ([float(cue)], [float(aim)])


def test_emptying_the_word_cache_does_not_change_summaries(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    abstracts = (BIG_BENCH, CODEX, HER, GSM8K, "Éric's Δ-learning. We propose it.", "   ")
    papers = [paper(a, id=str(i)) for i, a in enumerate(abstracts)]
    expected = summarize_papers(papers, workers=1)
    # A limit so small that the cache is emptied before every chunk of one paper.
    monkeypatch.setattr(summarizing, "_ID_CACHE_LIMIT", 5)
    monkeypatch.setattr(summarizing, "CHUNK_PAPERS", 1)
    assert summarize_papers(papers, workers=1) == expected
    assert len(summarizing._VOCABULARY.ids) < 200


def test_ratings_of_a_sumy_document_are_those_of_its_text() -> None:
    sentences = split_sentences(GSM8K)
    title = "Training Verifiers to Solve Math Word Problems"
    document = summarizing.build_document(sentences, title)
    from_document = summarizing.ContributionSummarizer().rate_sentences(document)
    from_text = summarizing.rate_sentence_lists([sentences], [title])[0]
    assert from_document.tolist() == from_text.tolist()
    assert len(from_text) == len(sentences)
