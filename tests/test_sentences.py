"""Sentence splitting and word tokenizing for scientific abstracts."""

from __future__ import annotations

import pytest

from digest.sentences import (
    ScientificTokenizer,
    split_abstracts,
    split_sentences,
    tokenize_words,
)


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
        # a quoted title's mark before its short name (ERIC's MEDLINE of an Educational
        # Technology Research and Development paper): the sentence goes on after it
        (
            'We ask whether "Here to There!" (HT:E), a game, helps. It does.',
            ['We ask whether "Here to There!" (HT:E), a game, helps.', "It does."],
        ),
        ("WE PROPOSE A METHOD. IT WORKS WELL.", ["WE PROPOSE A METHOD.", "IT WORKS WELL."]),
        ("we propose a method. it works well.", ["we propose a method.", "it works well."]),
        ("One line\nwrapped here. Two.", ["One line wrapped here.", "Two."]),
        ("Para one\n\nPara two", ["Para one", "Para two"]),
        ("Wir nutzen das. Éric sagt ja.", ["Wir nutzen das.", "Éric sagt ja."]),
        # a name that opens with small letters (iFeature's abstract, a RIS export of
        # tengann/IAV_PPI_Graph_Embedding_Review): the summary was both sentences
        (
            "We present iFeat, a toolkit. iFeat encodes 18 schemes.",
            ["We present iFeat, a toolkit.", "iFeat encodes 18 schemes."],
        ),
        (
            "We measure it. mRNA levels rise, e.g. eQTL hits.",
            ["We measure it.", "mRNA levels rise, e.g. eQTL hits."],
        ),
        # European Radiology's key points after its abstract (Lens through Mendeley,
        # asreview/citation-file-formatting Datasets/RIS/_baseline_mendeley.ris): each
        # bullet opens a sentence and is no part of it.
        (
            "More kites are needed. \u2022 CT scans of the frame are of fair value.\n "
            "\u2022 UV helps. \u2022 in small letters it stays.",
            [
                "More kites are needed.",
                "CT scans of the frame are of fair value.",
                "UV helps. \u2022 in small letters it stays.",
            ],
        ),
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


# Texts that exercise each rule of the splitter, including the ones that keep a text out of
# the joined batch (paragraphs, no capitals, the separator) and the words before a dot that
# the batch must not take from the text before.
BATCH = [
    "We propose X. It works.",
    "Fig. 3 shows it. Next.",
    "ends without a stop",
    "e.g. This starts with an abbreviation. Next.",
    "By J. Smith and A. B. Jones. Then.",
    "See (Fig. 2) and [e.g. 3]. Then.",
    "Code: https://github.com/openai/ppo-ewma. We train. Also 10.1000/xyz. Then.",
    "Accurate to $1.5$cm here. Next.",
    "The bound \\(n. M\\) holds. Next.",
    "Does it work? Yes! It does.",
    'He said "it works." Then left.',
    'We ask whether "Here to There!" (HT:E), a game, helps. It does. (A) Then.',
    "we propose a method. it works well.",
    "We present iFeat, a toolkit. iFeat encodes. Models, e.g. mRNA ones. Next.",
    "One line\nwrapped here.  Two.\tThree.",
    "Para one.\n\nPara two. Still two.",
    "Nul\x00 inside. Next.",
    "Unicode\u00a0Fig. 3 here. \u00c9ric sagt ja.\u2003Next one.",
    "A.\u00a0B. C d.",
    "Key points follow. \u2022 MR works. \u2022  DWI too.\u2022 Glued. \u2022 low.",
    "",
    "   ",
    " Leading and trailing space. ",
    "The BLEU is 42.1. Next we test. U.S. Census data. W.R.T. All. A.B.C.D. Ends.",
    "目的 探讨其影响.方法 选择60例,分为两组。结论 有效\uff01We test it. Next.",
]


@pytest.mark.parametrize("limit", [None, 1, 2, 40])
def test_split_abstracts_equals_splitting_one_by_one(limit: int | None) -> None:
    expected = [split_sentences(text, limit) for text in BATCH]
    assert split_abstracts(BATCH, limit) == expected
    assert split_abstracts(BATCH[::-1], limit) == expected[::-1]


def test_split_abstracts_keeps_each_text_to_itself() -> None:
    # Without a space before it, the first word of a text is not joined to the last of the
    # text before: "Fig." opens the second text and stays an abbreviation.
    assert split_abstracts(["Alpha beta", "Fig. 3 shows. Next."]) == [
        ["Alpha beta"],
        ["Fig. 3 shows.", "Next."],
    ]
    assert split_abstracts([]) == []


def test_chinese_sentences_end_at_their_stops_with_no_space_after() -> None:
    # Wanfang's abstracts end a sentence with an ASCII stop and go on without a space
    # ("…的影响.方法 选择…"); Chinese text ends them with "。"; the whole abstract was one
    # sentence, and its one-liner the whole abstract.
    text = (
        "目的 探讨前锯肌平面(SP)阻滞对免疫因子的影响.方法 选择2015年6月-2017年6月的患者60例,"
        "分为两组.结果 S组IL-6水平为3.5。结论 有效\uff01We also test it in English. Next one."
    )
    assert split_sentences(text) == [
        "目的 探讨前锯肌平面(SP)阻滞对免疫因子的影响.",
        "方法 选择2015年6月-2017年6月的患者60例,分为两组.",
        "结果 S组IL-6水平为3.5。",
        "结论 有效\uff01",
        "We also test it in English.",
        "Next one.",
    ]
    assert split_sentences(text, limit=2) == split_sentences(text)[:2]
    assert split_abstracts([text, "Plain. Text."]) == [split_sentences(text), ["Plain.", "Text."]]


def test_japanese_sentences_end_at_an_ascii_stop_before_kana() -> None:
    # J-STAGE's Japanese abstracts (keisato0/jss-csl sample.ris, Zotero) end a sentence with
    # an ASCII stop and go on with kana, not an ideograph ("…ものがある.こうした…"): five
    # sentences were one, and the paper's one-liner the abstract's first 300 characters.
    text = (
        "\u8abf\u67fb\u306f\u9032\u3093\u3060.\u3053\u3046\u3057\u305f\u8abf\u67fb\u306f"
        "\u5468\u7e01\u7684\u3060.\u30d5\u30a3\u30fc\u30eb\u30c9\u306f\u6b8b\u308b."
    )
    assert split_sentences(text) == [
        "\u8abf\u67fb\u306f\u9032\u3093\u3060.",
        "\u3053\u3046\u3057\u305f\u8abf\u67fb\u306f\u5468\u7e01\u7684\u3060.",
        "\u30d5\u30a3\u30fc\u30eb\u30c9\u306f\u6b8b\u308b.",
    ]


@pytest.mark.parametrize("stops", ["." * 300, "!?" * 150])
def test_a_run_of_stops_is_one_candidate_end_tried_from_its_first_stop(stops: str) -> None:
    # A run of stops with no space (or no ideograph) after it was tried as a sentence end
    # from each of its stops, and each try went to the run's end and back: 100,000 dots took
    # minutes. Only the run's first stop may start an end now, and what follows decides it.
    from digest import sentences

    for text, pattern in [
        ("Spaced " + stops + " Next", sentences._BOUNDARY),
        ("spaced " + stops + " next", sentences._LOWERCASE_BOUNDARY),
        ("研究" + stops + "方法", sentences._IDEOGRAPHIC_END),
    ]:
        first = text.index(stops)
        assert pattern.match(text, first) is not None
        assert not any(pattern.match(text, i) for i in range(first + 1, first + len(stops)))
    for text in ("Spaced " + stops + "x", "研究" + stops + "x"):
        assert split_sentences(text) == [text]
        assert split_sentences(text + ". Next.") == [text + ".", "Next."]


def test_bracketed_math_is_protected_over_a_bounded_span() -> None:
    # "\(" with no "\)" after it was looked for to the text's end from each opener: 100,000
    # of them took 73 s to split. Math is now looked for over 500 characters at most, so an
    # opener far from any closer protects nothing and the text splits at its stops.
    near = r"We set \(a. b\) here. Next one."
    assert split_sentences(near) == [r"We set \(a. b\) here.", "Next one."]
    far = r"We set \(a. " + "Word " * 120 + r"b\) here. Next one."
    assert split_sentences(far)[0] == r"We set \(a."
    assert split_sentences(r"\( " * 100_000) == [(r"\( " * 100_000).strip()]
