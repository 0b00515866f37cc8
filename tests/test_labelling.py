"""label_groups: specific, readable, distinct labels and keywords for groups of abstracts."""

from __future__ import annotations

from digest.labelling import GENERIC_WORDS, OTHER_LABEL, WEAK_WORDS, Label, label_groups

DIALOGUE = [
    "We propose a novel approach to dialogue evaluation. Results show our model works.",
    "Automatic dialogue evaluation metrics correlate poorly with humans; we propose a model.",
    "This paper studies dialogue evaluation with a learned model of response quality.",
]
ROBOTS = [
    "We propose a novel approach to robot manipulation. Results show our model works.",
    "Robot manipulation policies trained in simulation transfer to hardware with our model.",
    "This paper studies robot manipulation with a learned model of contact dynamics.",
]


def test_one_label_per_group_named_by_what_sets_it_apart() -> None:
    labels = label_groups([*DIALOGUE, *ROBOTS], [[0, 1, 2], [3, 4, 5]])
    assert [lab.label for lab in labels] == ["Dialogue evaluation", "Robot manipulation"]


def test_words_every_abstract_uses_never_make_a_label() -> None:
    labels = label_groups([*DIALOGUE, *ROBOTS], [[0, 1, 2], [3, 4, 5]])
    for lab in labels:
        words = set(lab.label.lower().split())
        assert not words & WEAK_WORDS
        assert not words <= GENERIC_WORDS
        for keyword in lab.keywords:
            assert not set(keyword.lower().split()) <= GENERIC_WORDS


def test_generic_words_alone_are_not_labels_even_when_most_common() -> None:
    texts = [
        "The model uses data. Model data tasks and contrastive pretraining.",
        "Model, data, tasks: contrastive pretraining of the model on data.",
        "Data for the model; contrastive pretraining helps the model on tasks.",
    ]
    (lab,) = label_groups(texts, [[0, 1, 2]])
    assert lab.label.lower() not in {"model", "models", "data", "tasks", "model data"}
    assert "contrastive" in lab.label.lower() or "pretraining" in lab.label.lower()


def test_keywords_add_to_the_label_without_repeating_it() -> None:
    labels = label_groups([*DIALOGUE, *ROBOTS], [[0, 1, 2], [3, 4, 5]])
    for lab in labels:
        assert 1 <= len(lab.keywords) <= 3
        label_words = set(lab.label.lower().split())
        for keyword in lab.keywords:
            assert not label_words & set(keyword.lower().split())


def test_a_one_paper_group_is_named_after_its_paper_when_a_name_is_given() -> None:
    labels = label_groups(
        [*DIALOGUE, ROBOTS[0]], [[0, 1, 2], [3]], single_names=[None, "Robots that grasp"]
    )
    assert labels[1].label == "Robots that grasp"
    assert labels[0].label == "Dialogue evaluation"


def test_names_are_only_for_one_paper_groups() -> None:
    (lab,) = label_groups(DIALOGUE, [[0, 1, 2]], single_names=["Not this"])
    assert lab.label == "Dialogue evaluation"


def test_labels_are_distinct_even_when_groups_share_their_best_phrase() -> None:
    texts = [*DIALOGUE, *DIALOGUE]
    labels = label_groups(texts, [[0, 1, 2], [3, 4, 5]])
    assert labels[0].label != labels[1].label
    assert OTHER_LABEL not in [lab.label for lab in labels]


def test_singular_and_plural_count_as_one_phrase_written_as_usual() -> None:
    texts = [
        "Large language models follow instructions after alignment.",
        "Aligning language models with human feedback.",
        "A language model that refuses harmful requests after alignment.",
        "Galaxy rotation curves and halo shapes.",
        "Halo shapes from galaxy rotation curves.",
        "Rotation curves of dwarf galaxy halos.",
    ]
    labels = label_groups(texts, [[0, 1, 2], [3, 4, 5]])
    assert "language models" in labels[0].label.lower() or "language models" in [
        k.lower() for k in labels[0].keywords
    ]


def test_acronyms_keep_their_capitals() -> None:
    texts = [
        "We fine-tune GPT-3 on math word problems with verifiers.",
        "GPT-3 solves math word problems when sampled many times.",
        "Verifiers rank GPT-3 solutions to math word problems.",
        "Robot manipulation in simulation.",
        "Robot manipulation on hardware.",
    ]
    labels = label_groups(texts, [[0, 1, 2], [3, 4]])
    shown = [labels[0].label, *labels[0].keywords]
    assert any("GPT-3" in s for s in shown)
    assert not any("gpt-3" in s for s in shown)


def test_labels_are_capitalised_phrases_of_at_most_four_words() -> None:
    labels = label_groups([*DIALOGUE, *ROBOTS], [[0, 1, 2], [3, 4, 5]])
    for lab in labels:
        assert isinstance(lab, Label)
        assert lab.label[0].isupper()
        assert 1 <= len(lab.label.split()) <= 4


def test_a_lone_gerund_is_a_fine_label() -> None:
    (lab,) = label_groups(["Lensing.", "Lensing!"], [[0, 1]])
    assert lab.label == "Lensing"


def test_a_group_without_any_word_still_gets_a_label() -> None:
    (lab,) = label_groups(["1234 5678", "9 10 11"], [[0, 1]])
    assert lab.label
    assert lab.keywords == ()
