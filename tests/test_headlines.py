"""Headlines: the title, else the contribution's name, else a key phrase."""

from __future__ import annotations

from pathlib import Path

import pytest

from digest.headlines import contribution_name, derive_headline, key_phrase
from digest.loading import load_papers
from digest.models import Paper
from digest.sentences import split_sentences
from digest.summarizing import summarize_papers

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def seed_abstracts() -> list[str]:
    """The seeds' "Abstract:" lines (a simple reading; the real loader is digest.loading)."""
    return [
        line.removeprefix("Abstract:").strip()
        for path in sorted(SEEDS.glob("*.txt"))
        for line in path.read_text(encoding="utf-8").splitlines()
        if line.startswith("Abstract:")
    ]


def headline_of(abstract: str, title: str | None = None) -> str:
    return derive_headline(Paper(id="p", abstract=abstract, title=title))


def test_title_wins_and_is_tidied() -> None:
    assert headline_of("We introduce Codex, a model.", title="  Evaluating\n Large Models ") == (
        "Evaluating Large Models"
    )


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        ("We call the resulting models InstructGPT.", "InstructGPT"),
        ("We introduce Codex, a GPT language model fine-tuned on code.", "Codex"),
        ("To diagnose failures, we introduce GSM8K, a dataset of 8.5K problems.", "GSM8K"),
        (
            "We introduce Phasic Policy Gradient (PPG), a reinforcement learning framework.",
            "Phasic Policy Gradient (PPG)",
        ),
        (
            "In this report, we introduce Procgen Benchmark, a suite of 16 games.",
            "Procgen Benchmark",
        ),
        (
            "We present a novel technique called Hindsight Experience Replay which allows it.",
            "Hindsight Experience Replay",
        ),
        (
            "We present the importance weighted autoencoder (IWAE), a generative model.",
            "Importance weighted autoencoder (IWAE)",
        ),
        ("We present an evaluation model (ADEM) that learns to score.", "ADEM"),
        ("This leads to a new paradigm we call muTransfer: tune small.", "muTransfer"),
        (
            "We propose a search method, Policy Gradient Search (PGS), which adapts.",
            "Policy Gradient Search (PGS)",
        ),
        (
            "We introduce the Beyond the Imitation Game benchmark (BIG-bench).",
            "Beyond the Imitation Game benchmark (BIG-bench)",
        ),
    ],
)
def test_contribution_name(sentence: str, name: str) -> None:
    assert contribution_name([sentence]) == name


@pytest.mark.parametrize(
    "sentence",
    [
        "We introduce an exploration bonus for deep reinforcement learning methods.",
        "We propose to use annealed importance sampling for evaluation.",
        "We present progress on this problem.",
        "In this paper, we show an avenue for aligning language models.",
    ],
)
def test_plain_descriptions_are_not_names(sentence: str) -> None:
    assert contribution_name([sentence]) is None


@pytest.mark.parametrize(
    "name",
    [
        "InstructGPT",
        "Codex",
        "Hindsight Experience Replay",
        "SPIRAL",
        "Reverse AIS Estimator (RAISE)",
        "Beyond the Imitation Game benchmark (BIG-bench)",
    ],
)
def test_seed_abstracts_name_their_contribution(name: str) -> None:
    headlines = {headline_of(a) for a in seed_abstracts()}
    assert name in headlines


def test_key_phrase_is_short_capitalised_and_not_a_fragment() -> None:
    sentences = split_sentences(
        "Sparse rewards slow learning. We study sparse rewards in robotic manipulation. "
        "Agents with sparse rewards explore poorly, and the results show it."
    )
    phrase = key_phrase(sentences)
    assert phrase == "Sparse rewards"


def test_every_seed_gets_a_short_headline() -> None:
    stop_endings = {"the", "a", "an", "of", "and", "to", "in", "for", "with", "on"}
    for abstract in seed_abstracts():
        headline = headline_of(abstract)
        assert headline
        # A key phrase is capitalised; a name keeps its own case ("muTransfer").
        assert any(ch.isupper() or ch.isdigit() for ch in headline.split()[0])
        assert len(headline.split()) <= 8
        assert headline.split()[-1].lower() not in stop_endings


def test_headline_falls_back_when_nothing_is_usable() -> None:
    assert headline_of("1234. 5678.") == "Untitled"


def test_every_seed_headline_is_a_name_or_a_phrase() -> None:
    # The real path: the key phrase is looked for in the sentence chosen as the summary.
    papers = load_papers([SEEDS]).papers
    assert len(papers) >= 40
    summaries = summarize_papers(papers)
    phrases = 0
    for paper, summary in zip(papers, summaries, strict=True):
        name = contribution_name(split_sentences(paper.abstract))
        if name:
            assert summary.headline == name
            continue
        phrases += 1
        words = summary.headline.split()
        assert 2 <= len(words) <= 6, summary.headline
        assert words[0][0].isupper()
        assert words[-1].lower() not in {"the", "a", "an", "of", "and", "to", "in", "for"}
    assert phrases >= 10  # the fallback is exercised, not only names


@pytest.mark.parametrize(
    ("abstract", "focus", "phrase"),
    [
        (
            "Bridging the reality gap could accelerate robotic research. This paper explores "
            "domain randomization, a simple technique for training models on simulated images "
            "that transfer to real images. We train simulated agents on simulated images.",
            1,
            "Domain randomization",
        ),
        (
            "We fine-tune GPT-3 to answer long-form questions using a text-based environment. "
            "We train models on a dataset of questions asked by users.",
            0,
            "Long-form questions",
        ),
        (
            "We show how to derive unsupervised neural machine translation systems from "
            "language models. Our unsupervised translation uses a neural model.",
            0,
            "Unsupervised neural machine translation",
        ),
    ],
)
def test_key_phrase_of_the_contribution_sentence(abstract: str, focus: int, phrase: str) -> None:
    assert key_phrase(split_sentences(abstract), focus) == phrase


def test_key_phrase_skips_generic_words_and_leading_verbs() -> None:
    sentences = ["We use models to learn dexterous manipulation policies for a robot hand."]
    assert key_phrase(sentences, 0) == "Dexterous manipulation policies"
