"""The rating's signals, its learned weights, and the script that learns them."""

from __future__ import annotations

import importlib.util
import json
import sys
from importlib import resources
from pathlib import Path
from types import ModuleType

import numpy as np
import pytest

from digest.sentences import split_sentences
from digest.summarizing.features import FEATURES, TITLE_FEATURES, sentence_features
from digest.summarizing.model import Weights, load_weights
from digest.summarizing.trimming import linking_clause_end

REPO = Path(__file__).resolve().parent.parent
DEV = REPO.parent / "shared" / "bench" / "scitldr" / "dev.jsonl"


def features_of(sentence: str, title: str | None = None) -> dict[str, float]:
    found = sentence_features([[sentence]], [title])
    return dict(zip(FEATURES, found.values[0].tolist(), strict=True))


@pytest.mark.parametrize(
    ("sentence", "contribution", "aim", "finding"),
    [
        ("We propose a new parser.", 1, 0, 0),
        ("We also introduce two losses.", 1, 0, 0),
        ("We formally introduce two losses.", 1, 0, 0),
        ("We also formally introduce two losses.", 0, 0, 0),  # one insert at most
        ("In this paper we study parsers.", 0, 1, 0),
        ("This paper presents a parser.", 1, 1, 0),
        ("Our work develops a parser.", 1, 0, 0),
        ("Here we describe it.", 1, 1, 0),
        ("We show that parsers fail.", 0, 0, 1),
        ("We then demonstrate it on tables.", 0, 0, 1),
        # A contribution verb before "that" reports a finding.
        ("We establish that our reward model generalizes.", 0, 0, 1),
        ("We establish a benchmark for parsers.", 1, 0, 0),
        ("We define a dataset and an evaluation protocol.", 1, 0, 0),
        ("The paper presents a parser.", 1, 0, 0),
        ("The parser presents a table.", 0, 0, 0),
        ("This parser is fast.", 0, 0, 0),
        ("They propose a parser.", 0, 0, 0),
        ("The results are in this paper", 0, 1, 0),
        ("We", 0, 0, 0),
    ],
)
def test_cues_of_what_the_authors_do(
    sentence: str, contribution: int, aim: int, finding: int
) -> None:
    found = features_of(sentence)
    assert (found["contribution_first"], found["aim"], found["finding"]) == (
        contribution,
        aim,
        finding,
    )


def test_the_first_contribution_cue_of_an_abstract_is_told_apart() -> None:
    found = sentence_features(
        [["Parsing is hard.", "We propose A.", "We propose B."], ["We introduce C."]], [None, None]
    )
    first, later = found.column("contribution_first"), found.column("contribution_later")
    assert first.tolist() == [0, 1, 0, 1]
    assert later.tolist() == [0, 0, 1, 0]
    assert found.states_contribution.tolist() == [False, True, True, True]


def test_our_method_and_a_finding_state_the_contribution_but_not_a_result() -> None:
    found = sentence_features(
        [
            [
                "Our method combines parsing with search.",
                "Our key insight is to parse twice.",
                "We show that common parsers are search procedures.",
                "Our method significantly outperforms the baselines.",
                "Our findings are validated with experimental results on MNIST.",
                "We demonstrate the effectiveness of our parser on three datasets.",
                "We show that both parsers outperform a strong baseline.",
            ]
        ],
        [None],
    )
    assert found.states_contribution.tolist() == [True, True, True, False, False, False, False]


@pytest.mark.parametrize(
    ("sentence", "points_back", "leans_back"),
    [
        ("We show how to make these algorithms batch size-invariant.", 1, 1),
        ("This paper leverages that and establishes a benchmark.", 1, 1),
        ("It can be combined with any off-policy algorithm.", 1, 1),
        ("Such methods fail on tables.", 1, 1),
        ("We build on the above analysis.", 1, 1),
        ("This leads to a new tuning paradigm.", 1, 1),
        # The linking clause leans back, and is dropped; what is left stands on its own.
        ("To address this challenge, we introduce the BIG-bench benchmark.", 0, 1),
        ("In response to this challenge, we formulate evaluation as learning.", 0, 1),
        ("To mitigate the loss in legibility, we propose a training algorithm.", 0, 1),
        ("Moreover, we show that parsers fail.", 0, 1),
        ("Finally, we discuss the broader impacts of parsers.", 0, 1),
        # A marker of an addition among the line's first words.
        ("We also present baseline agents, including behavior cloning.", 1, 1),
        ("We then present an adaptation of actor-critic methods.", 1, 1),
        ("Our models also transfer to news articles.", 1, 1),
        ("For example, BERT fails on tables.", 1, 1),
        ("Further analysis indicates that parsers fail.", 1, 1),
        # Adjectives that refer back.
        ("Our resulting model generates summaries of entire books.", 1, 1),
        ("We evaluate the proposed method on tables.", 1, 1),
        # The paper presenting itself as "it".
        ("It introduces a suite of continuous control tasks.", 0, 0),
        # Not pointing back.
        ("In this paper, we propose a parser.", 0, 0),
        ("This paper presents a parser.", 0, 0),
        ("We propose methods such as parsing.", 0, 0),
        ("We show that parsers fail.", 0, 0),
        ("We propose this second iteration of the MineRL Competition.", 0, 0),
        ("Safety challenges, such as those introduced by large models, remain.", 0, 0),
        # "that" opening a relative clause, not a pronoun.
        ("We introduce a bonus for deep learning methods that is easy to implement.", 0, 0),
        ("We propose a parser that can read tables.", 0, 0),
        # A link that only leads on to the contribution.
        ("To this end, we propose a parser for tables.", 0, 0),
        # Markers of a first step, or further down the line.
        ("We first use a parser to read tables.", 0, 0),
        ("We propose a parser and then evaluate it further on tables.", 0, 0),
        # A demonstrative about what the same sentence named.
        ("We study two kinds of signals, and algorithms that use both of these signals.", 0, 0),
    ],
)
def test_leaning_on_an_earlier_sentence(sentence: str, points_back: int, leans_back: int) -> None:
    found = sentence_features([[sentence]], [None])
    assert found.column("points_back").tolist() == [points_back]
    assert found.line_leans_back.tolist() == [bool(points_back)]
    assert found.leans_back.tolist() == [bool(leans_back)]


def test_a_definite_subject_named_before_leans_back() -> None:
    """ "All tasks have sparse binary rewards" after "it introduces a suite of ... tasks": the
    tasks are the earlier sentence's; "The tasks" opening an abstract are not."""
    found = sentence_features(
        [
            [
                "It introduces a suite of challenging continuous control tasks.",
                "All tasks have sparse binary rewards.",
                "The bonus is the error of a network.",
                "The tasks include pushing and sliding.",
            ],
            ["The tasks include pushing and sliding.", "Rewards of all tasks are sparse."],
        ],
        [None, None],
    )
    assert found.column("points_back").tolist() == [0, 1, 0, 1, 0, 0]
    assert found.line_leans_back.tolist() == [False, True, False, True, False, False]
    # "It introduces ..." states the contribution, as the paper's own words.
    assert found.states_contribution.tolist()[0]


def test_title_features_are_zero_without_a_title() -> None:
    sentence = "We propose a scheduler for sparse matrix kernels on GPUs."
    titled = features_of(sentence, "Scheduling Sparse Matrix Kernels on GPUs")
    untitled = features_of(sentence)
    assert titled["title_coverage"] == 1.0
    assert 0 < titled["title_f1"] < 1
    assert untitled["title_coverage"] == untitled["title_f1"] == 0.0


def test_shape_and_position() -> None:
    found = sentence_features(
        [["Short one.", "Is it a question?", "x " * 120 + "end.", "There are 42 % of them."]],
        [None],
    )
    assert found.column("first_sentence").tolist() == [1, 0, 0, 0]
    assert found.column("last_sentence").tolist() == [0, 0, 0, 1]
    assert found.column("relative_position").tolist() == pytest.approx([0, 1 / 3, 2 / 3, 1])
    assert found.column("fragment").tolist() == [1, 1, 0, 1]
    assert found.column("long").tolist() == [0, 0, 1, 0]
    assert found.column("over_line").tolist() == [0, 0, 1, 0]
    assert found.column("question").tolist() == [0, 1, 0, 0]
    assert found.column("numbers").tolist() == [0, 0, 0, 1]


def _real_sentences() -> list[str]:
    abstracts = [
        line.removeprefix("Abstract:").strip()
        for path in sorted((REPO / "seeds").glob("*.txt"))
        for line in path.read_text(encoding="utf-8").splitlines()
        if line.startswith("Abstract:")
    ]
    if DEV.exists():
        rows = [json.loads(line) for line in DEV.read_text(encoding="utf-8").splitlines() if line]
        abstracts += [" ".join(row["source"]) for row in rows]
    return [s for a in abstracts for s in split_sentences(a)]


def test_the_batch_finds_every_linking_clause_the_line_drops() -> None:
    """The features look for linking clauses in Python only where numpy says one may be; that
    filter must not miss any that `trimming` drops from the line."""
    sentences = _real_sentences()
    found = sentence_features([sentences], [None]).column("linking_clause")
    expected = [float(linking_clause_end(s) > 0) for s in sentences]
    assert found.tolist() == expected
    assert sum(expected) > 20


# --- the learned weights --------------------------------------------------------------------


def test_the_shipped_weights_weigh_every_feature() -> None:
    text = resources.files("digest.summarizing").joinpath("weights.json").read_text("utf-8")
    data = json.loads(text)
    assert data["features"] == list(FEATURES)
    assert data["trained_on"]["file"] == "train.jsonl"
    weights = load_weights()
    assert len(weights.titled) == len(weights.untitled) == len(FEATURES)
    for name in TITLE_FEATURES:
        assert weights.untitled[FEATURES.index(name)] == 0
        assert weights.titled[FEATURES.index(name)] > 0
    # What a reader would expect of the learned signs.
    assert weights.titled[FEATURES.index("contribution_first")] > 0
    assert weights.untitled[FEATURES.index("centrality")] > 0
    assert weights.untitled[FEATURES.index("result_words")] < 0


def test_weights_for_other_features_are_refused() -> None:
    data = json.loads(
        resources.files("digest.summarizing").joinpath("weights.json").read_text("utf-8")
    )
    data["features"] = data["features"][:-1]
    with pytest.raises(ValueError, match=r"train them again with bench/train_summarizer\.py"):
        Weights.from_json(data)


def _training_script() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "train_summarizer", REPO / "bench" / "train_summarizer.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def test_training_is_deterministic_and_writes_what_digest_reads() -> None:
    train = _training_script()
    rng = np.random.default_rng(0)
    values = rng.random((60, len(FEATURES)))
    docs = np.repeat(np.arange(12), 5)
    labels = values[:, FEATURES.index("centrality")] + 0.1 * rng.random(60)
    first = train.fit(values, labels, docs, 10.0, titled=True)
    again = train.fit(values.copy(), labels.copy(), docs, 10.0, titled=True)
    assert first.tolist() == again.tolist()
    assert first[FEATURES.index("centrality")] > 0
    untitled = train.fit(values, labels, docs, 10.0, titled=False)
    assert all(untitled[FEATURES.index(name)] == 0 for name in TITLE_FEATURES)
    text = train.weights_json(first, untitled, {"file": "train.jsonl"})
    assert text == train.weights_json(again, untitled, {"file": "train.jsonl"})
    weights = Weights.from_json(json.loads(text))
    assert weights.titled.tolist() == pytest.approx(first.tolist(), abs=1e-6)
    # Labels centered per abstract: a constant per abstract changes nothing.
    shifted = train.fit(values, labels + docs, docs, 10.0, titled=True)
    assert shifted.tolist() == pytest.approx(first.tolist())
