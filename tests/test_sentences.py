"""Sentence splitting and word tokenizing for scientific abstracts."""

from __future__ import annotations

import pytest

from digest.sentences import ScientificTokenizer, split_sentences, tokenize_words


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("We propose X. It works.", ["We propose X.", "It works."]),
        ("Models, e.g. GPT-3, scale. Next.", ["Models, e.g. GPT-3, scale.", "Next."]),
        ("This holds, i.e. Always. Next.", ["This holds, i.e. Always.", "Next."]),
        (
            "As in Smith et al. (2020), we train. Done.",
            ["As in Smith et al. (2020), we train.", "Done."],
        ),
        ("See Fig. 3 for details. Then go.", ["See Fig. 3 for details.", "Then go."]),
        ("By Eq. 2 the loss drops. So.", ["By Eq. 2 the loss drops.", "So."]),
        ("Ours vs. Theirs wins. Yes.", ["Ours vs. Theirs wins.", "Yes."]),
        ("It takes approx. 3 hours. Ok.", ["It takes approx. 3 hours.", "Ok."]),
        ("A BLEU of 42.1 is new. Next.", ["A BLEU of 42.1 is new.", "Next."]),
        ("The BLEU is 42.1. Next we test.", ["The BLEU is 42.1.", "Next we test."]),
        (
            "We extend prior work (arXiv:1804.01118). A agent paints.",
            ["We extend prior work (arXiv:1804.01118).", "A agent paints."],
        ),
        ("By J. Smith and A. B. Jones. Then.", ["By J. Smith and A. B. Jones.", "Then."]),
        ("We call it model X. We then test.", ["We call it model X.", "We then test."]),
        (
            "Data from the U.S. Census is used. Next.",
            ["Data from the U.S. Census is used.", "Next."],
        ),
        (
            "Code: https://github.com/openai/ppo-ewma. We train.",
            ["Code: https://github.com/openai/ppo-ewma.", "We train."],
        ),
        (
            "Videos at https://x.org/a.B.html are shown. Next.",
            ["Videos at https://x.org/a.B.html are shown.", "Next."],
        ),
        ("Accurate to $1.5$cm here. Next.", ["Accurate to $1.5$cm here.", "Next."]),
        ("The bound $O(n. M)$ holds. Next.", ["The bound $O(n. M)$ holds.", "Next."]),
        ("Does it work? Yes! It does.", ["Does it work?", "Yes!", "It does."]),
        ('He said "it works." Then left.', ['He said "it works."', "Then left."]),
        ("WE PROPOSE A METHOD. IT WORKS WELL.", ["WE PROPOSE A METHOD.", "IT WORKS WELL."]),
        ("we propose a method. it works well.", ["we propose a method.", "it works well."]),
        ("One line\nwrapped here. Two.", ["One line wrapped here.", "Two."]),
        ("Para one\n\nPara two", ["Para one", "Para two"]),
        ("Wir nutzen das. Éric sagt ja.", ["Wir nutzen das.", "Éric sagt ja."]),
        ("No final stop", ["No final stop"]),
        ("", []),
        ("   \n ", []),
    ],
)
def test_split_sentences(text: str, expected: list[str]) -> None:
    assert split_sentences(text) == expected


def test_sentences_are_verbatim_up_to_whitespace() -> None:
    text = "We study  X.\nIt is\tgood (see Fig. 2). Next, e.g. Y, follows."
    assert " ".join(split_sentences(text)) == " ".join(text.split())


def test_tokenize_words_splits_hyphens_and_keeps_digits() -> None:
    assert tokenize_words("State-of-the-art GSM8K, 42.1%!") == [
        "State",
        "of",
        "the",
        "art",
        "GSM8K",
        "42",
        "1",
    ]


def test_tokenizer_object_is_what_sumy_calls() -> None:
    tokenizer = ScientificTokenizer()
    assert tokenizer.to_sentences("A b. C d.") == ("A b.", "C d.")
    assert tokenizer.to_words("A b-c.") == ("A", "b", "c")


def test_limit_stops_after_that_many_sentences() -> None:
    text = "First one. Second one.\n\nThird one. Fourth one."
    assert split_sentences(text, limit=3) == ["First one.", "Second one.", "Third one."]
    assert split_sentences(text, limit=1) == ["First one."]
    assert split_sentences(text, limit=10) == split_sentences(text)
