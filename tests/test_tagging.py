"""Parts of speech: the shipped lexicon tags abstracts' words, offline."""

from __future__ import annotations

import numpy as np

from digest.tagging import TAGS, load_lexicon, tag_batch, tag_text, tag_words, tokenize, vocabulary


def test_tags_a_contribution_sentence() -> None:
    words = tokenize("We introduce a dataset of math problems and show that models fail.")
    assert tag_words(words) == [
        "PRP", "VB", "DT", "NN", "IN", "NN", "NNS", "CC", "VB", "IN", "NNS", "VB", "PUNCT",
    ]  # fmt: skip


def test_the_same_word_is_a_noun_or_a_verb_by_its_neighbours() -> None:
    assert dict(tag_text("The reward model generalizes well."))["generalizes"] == "VBZ"
    assert tag_words(["we", "model", "the", "data"])[1] == "VB"
    assert tag_words(["the", "model", "is", "small"])[1] == "NN"


def test_common_words_are_listed_where_their_ending_would_leave_them_in_doubt() -> None:
    # "the" ends like "breathe": unlisted, it took the ending's odds and could be a verb.
    words = ["the", "curiosity", "objective", "and", "the", "hand-designed", "rewards"]
    assert tag_words(words)[4] == "DT"
    assert load_lexicon().odds("the") == (("DT", 1.0),)


def test_names_numbers_and_unknown_words() -> None:
    tags = dict(tag_text("On the Procgen benchmark, GPT-3 solves 16 of 8.5K tasks florpishly."))
    assert tags["Procgen"] == "NNP"
    assert tags["GPT-3"] == "NNP"
    assert tags["16"] == "CD"
    assert tags["8.5K"] == "NNP"
    assert tags["florpishly"] == "RB"  # by its ending


def test_every_word_gets_one_known_tag() -> None:
    words = tokenize("A 1 MB " + "x" * 1_000_000 + " word, «quoted», and ünïcödé text!")
    tags = tag_words(words)
    assert len(tags) == len(words)
    assert set(tags) <= set(TAGS)
    assert tags[words.index("x" * 1_000_000)] == "X"  # too long to be a word
    assert tag_words([]) == []


def test_the_shipped_lexicon_is_complete() -> None:
    lexicon = load_lexicon()
    assert len(lexicon.words) > 10_000
    assert len(lexicon.suffixes) > 1_000
    listed = {tag for word in lexicon.words for tag, _ in lexicon.odds(word) or ()}
    assert listed <= set(TAGS)
    assert ("DT", "NN") in lexicon.fits


def test_tagging_many_sentences_at_once_tags_each_as_alone() -> None:
    """tag_batch tags many sentences with numpy, in rounds; tag_words one word at a time:
    the same tags, whatever the sentences around."""
    texts = [
        "We introduce a dataset of math problems and show that models fail.",
        "The reward model generalizes well. We model the data: it is small!",
        "On the Procgen benchmark, GPT-3 solves 16 of 8.5K tasks florpishly.",
        "A 1 MB " + "x" * 100 + " word, «quoted», and ünïcödé text!",
        "Models model models. Tests test tests? Results result.",
        "",
        ".",
    ]
    sentences = [tokenize(text) for text in texts]
    words = [word for sentence in sentences for word in sentence]
    starts = np.zeros(len(words), dtype=bool)
    at = 0
    for sentence in sentences:
        if sentence:
            starts[at] = True
        at += len(sentence)
    ids, tags = tag_batch(words, starts)
    assert [TAGS[t] for t in tags] == [tag for s in sentences for tag in tag_words(s)]
    assert [vocabulary().words[i] for i in ids] == words
