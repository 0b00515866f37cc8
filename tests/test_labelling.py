"""label_groups: specific, readable, distinct labels and keywords for groups of abstracts."""

from __future__ import annotations

import csv
import random
import re
from collections.abc import Sequence
from pathlib import Path

import pytest

import digest.labelling.choosing
import digest.labelling.phrases
import digest.labelling.spelling
import digest.labelling.words
from digest.grouping import group_by_theme
from digest.labelling import (
    GENERIC_HEADS,
    GENERIC_WORDS,
    MAX_WORD_LENGTH,
    OTHER_LABEL,
    WEAK_WORDS,
    Label,
    label_groups,
)
from digest.labelling.phrases import Phrase
from digest.loading import load_papers
from digest.models import Paper
from digest.tagging import word_tags

SEEDS = Path(__file__).resolve().parent.parent / "seeds"

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


def test_an_acronym_and_its_plural_are_one_keyword() -> None:
    # "PPI" and "PPIs" are two phrases the speller writes alike: the keywords of a RIS
    # export's theme read "PPIs, PPIs" (tengann/IAV_PPI_Graph_Embedding_Review).
    texts = [
        "Protein-protein interactions (PPIs) drive signalling. We predict PPIs from sequence, "
        "and each PPI gets a score.",
        "Protein-protein interactions (PPIs) are noisy. We rank PPIs by network cohesion; a PPI "
        "with support ranks high.",
        "Protein-protein interactions (PPIs) in databases grow. We mine PPIs from text and check "
        "every PPI by hand.",
        "Galaxy clusters lens background sources. We measure lensing masses of galaxy clusters.",
        "Galaxy clusters grow by mergers. We simulate the mergers of galaxy clusters.",
        "Galaxy clusters host hot gas. We map the gas of galaxy clusters in X-rays.",
    ]
    for lab in label_groups(texts, [[0, 1, 2], [3, 4, 5]]):
        assert len(set(lab.keywords)) == len(lab.keywords), lab


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


def test_a_title_case_use_does_not_capitalise_a_phrase_written_in_lower_case() -> None:
    # One use opens a sentence, the other writes the method in Title Case: neither says the
    # papers write "Annealed" with a capital (the seeds' keyword did).
    texts = [
        "Markov random fields are hard to evaluate as generative models. Annealed importance "
        "sampling (AIS) is widely used to estimate their partition functions.",
        "We propose to use Annealed Importance Sampling for evaluating log-likelihoods of "
        "generative models with decoders.",
        "Generative models such as the variational autoencoder are trained with a lower bound "
        "on the log-likelihood.",
        "Robot manipulation in simulation transfers to hardware.",
        "Robot manipulation on hardware with reinforcement learning.",
    ]
    labels = label_groups(texts, [[0, 1, 2], [3, 4]])
    assert "annealed importance sampling" in labels[0].keywords
    # A name its papers write in capitals keeps them.
    texts[0] = texts[0].replace("Annealed importance sampling (AIS) is", "We use Hindsight Replay;")
    texts[2] += " Hindsight Replay helps. We apply Hindsight Replay."
    assert "Hindsight Replay" in label_groups(texts, [[0, 1, 2], [3, 4]])[0].keywords


def test_labels_are_capitalised_phrases_of_at_most_four_words() -> None:
    labels = label_groups([*DIALOGUE, *ROBOTS], [[0, 1, 2], [3, 4, 5]])
    for lab in labels:
        assert isinstance(lab, Label)
        assert lab.label[0].isupper()
        assert 2 <= len(lab.label.split()) <= 4


def test_a_group_with_a_single_usable_word_is_named_by_it() -> None:
    (lab,) = label_groups(["Lensing.", "Lensing!"], [[0, 1]])
    assert lab.label == "Lensing"


def test_a_group_without_any_word_still_gets_a_label() -> None:
    (lab,) = label_groups(["1234 5678", "9 10 11"], [[0, 1]])
    assert lab.label
    assert lab.keywords == ()


# Four topics of one batch, written as abstracts are: the phrase that names a topic is often
# a modifier ("black hole masses"), a sentence may open on a vague word ("Array accuracy").
LANGUAGE = [
    "Language models solve math word problems with chain-of-thought reasoning.",
    "Scaling language models improves reasoning on grade school math.",
    "We train language models to verify reasoning steps.",
    "Reasoning benchmarks for language models reveal gaps in arithmetic.",
]
GALAXIES = [
    "Supermassive black holes grow in massive galaxies at high redshift.",
    "Galaxies host black hole seeds whose mass tracks the bulge.",
    "We measure black hole masses in nearby galaxies with stellar kinematics.",
    "Feedback from black holes quenches star formation in galaxies.",
    "The black hole mass function of galaxies from the survey.",
]
AGENTS = [
    "Multi-agent environments with emergent tool use.",
    "Agents learn to cooperate in multi-agent environments through self-play.",
    "Emergent communication in multi-agent environments.",
]
INSTRUMENTS = [
    "Array accuracy for the new camera: we report the noise of the detector array.",
    "An array of antennas improves accuracy of the radio camera.",
    "The camera detector readout noise and accuracy on sky.",
]
BATCH = [*LANGUAGE, *GALAXIES, *AGENTS, *INSTRUMENTS]
TOPICS = [[0, 1, 2, 3], [4, 5, 6, 7, 8], [9, 10, 11], [12, 13, 14]]


def _singular(word: str) -> str:
    return word[:-1] if word.endswith("s") else word


def assert_readable(labels: Sequence[Label]) -> None:
    """What the issue asks of automatic labels: two to four words, none or last generic,
    distinct, with two or three keywords that do not repeat the label."""
    shown = [lab.label.lower() for lab in labels]
    assert len(set(shown)) == len(shown), shown
    for lab in labels:
        words = [w.lower() for w in lab.label.split()]
        assert 2 <= len(words) <= 4, lab
        assert lab.label[0].isupper(), lab
        last = words[-1]
        assert {last, _singular(last)}.isdisjoint(WEAK_WORDS), lab
        if {last, _singular(last)} & GENERIC_HEADS:
            # Only as a kind of paper that the group is: 'Language models'.
            assert len(words) == 2 and "and" not in words, lab
        assert not set(words) - {"and"} <= GENERIC_WORDS | GENERIC_HEADS, lab
        assert_noun_phrases(lab)
        assert 2 <= len(lab.keywords) <= 3, lab
        label_words = {_singular(w) for w in words} - {"and"}
        for keyword in lab.keywords:
            assert label_words.isdisjoint(_singular(w.lower()) for w in keyword.split()), lab


def assert_noun_phrases(lab: Label) -> None:
    """Each half of a label, and each keyword, is a noun phrase by the words' likely tags
    (it ends on a noun, holds no verb or adverb); 'A and B' joins two words or two phrases,
    never a word and a phrase ('Galaxies and black holes')."""
    parts = lab.label.lower().split(" and ")
    assert len({len(part.split()) == 1 for part in parts}) == 1, lab
    for phrase in [*parts, *(k.lower() for k in lab.keywords)]:
        words = phrase.split()
        tags = [word_tags(w) for w in words]
        assert any(t in ("NN", "NNS", "NNP") for t, _ in tags[-1]), (lab, phrase, tags)
        for word, options in zip(words[:-1], tags[:-1], strict=True):
            assert options[0][0] not in ("VB", "VBD", "VBZ", "RB", "IN"), (lab, word, options)
        assert all(len(w) <= MAX_WORD_LENGTH for w in words), lab


def test_labels_of_a_batch_are_readable_headings() -> None:
    assert_readable(label_groups(BATCH, TOPICS))


def test_labels_of_the_seeds_are_readable_headings() -> None:
    themes = group_by_theme(load_papers([SEEDS]).papers)
    assert len(themes) > 3
    assert_readable(
        [Label(t.label, t.keywords) for t in themes if len(t.paper_ids) > 1 and t.label != "Other"]
    )


def test_a_kind_of_paper_most_of_the_group_writes_names_it_without_a_glued_word() -> None:
    # Not 'Language models and reasoning', which glues a word to a phrase.
    lab = label_groups(BATCH, TOPICS)[0]
    assert lab.label == "Language models"
    assert "reasoning" in lab.keywords


def test_labels_of_real_weeks_are_noun_phrases_that_most_papers_share() -> None:
    """On real arXiv weeks: every label and keyword is a noun phrase (see
    assert_noun_phrases), and a label is written by at least a tenth of its theme's papers
    (either half of 'A and B'); most labels by a fifth or more."""
    weeks = sorted((Path(__file__).resolve().parents[2] / "shared/bench/themes").glob("*.csv"))
    if not weeks:
        pytest.skip("no ../shared beside the checkout")
    for path in weeks[:3]:
        with path.open(encoding="utf-8", newline="") as f:
            rows = list(csv.DictReader(f))
        papers = [Paper(id=r["id"], abstract=r["abstract"], title=r["title"]) for r in rows]
        text = {p.id: f"{p.title} {p.abstract}".lower() for p in papers}
        themes = [t for t in group_by_theme(papers) if t.label != "Other"]
        assert_readable([Label(t.label, t.keywords) for t in themes])
        shares = []
        for theme in themes:
            halves = [h.split() for h in theme.label.lower().split(" and ")]
            using = sum(
                1
                for pid in theme.paper_ids
                if any(all(w.rstrip("s")[:5] in text[pid] for w in half) for half in halves)
            )
            shares.append(using / len(theme.paper_ids))
        assert min(shares) >= 0.1, (path.name, shares)
        assert sorted(shares)[len(shares) // 2] >= 0.2, (path.name, shares)


def test_a_giant_word_never_becomes_a_label_or_keyword() -> None:
    giant = "x" * 1_000_000
    texts = [f"Dark matter halos and {giant} form in simulations of dark matter." for _ in range(4)]
    for lab in label_groups(texts, [[0, 1, 2, 3]]):
        assert giant not in lab.label
        assert all(len(k) < 100 for k in lab.keywords)
    # Nor does a one-paper theme's giant name.
    lab = label_groups([texts[0]], [[0]], [f"Title {giant}"])[0]
    assert len(lab.label) < 100


def test_a_modifier_becomes_a_label_with_the_noun_its_papers_use() -> None:
    assert label_groups(BATCH, TOPICS)[2].label == "Multi-agent environments"


def test_a_label_takes_the_plural_when_papers_write_it_as_a_noun() -> None:
    # 'black hole' is written in the singular mostly as a modifier ('black hole masses').
    label = label_groups(BATCH, TOPICS)[1].label.lower()
    assert "black holes" in label


def test_vague_words_do_not_name_a_theme_and_sentence_capitals_do_not_stick() -> None:
    label = label_groups(BATCH, TOPICS)[3].label
    assert not label.lower().startswith(("array", "accuracy"))
    assert "Array" not in label.split()[1:]


@pytest.mark.parametrize(
    ("texts", "label"),
    [
        # A word always written in a phrase is labelled as that phrase.
        (
            [
                "Supermassive black holes in quasars.",
                "Quasars and their supermassive black holes.",
                "Spin of supermassive black holes.",
            ],
            "Supermassive black holes",
        ),
        # A kind of paper every paper writes names the group, not one paper's method:
        # "Annealed importance sampling" is two papers' method and the rarest phrase.
        (
            [
                "We evaluate generative models by annealed importance sampling of likelihoods.",
                "Annealed importance sampling estimates the log-likelihood of generative models.",
                "An importance weighted autoencoder is a generative model with a tighter bound.",
            ],
            "Generative models",
        ),
    ],
)
def test_a_group_beside_robots_is_labelled_by_what_its_papers_share(
    texts: list[str], label: str
) -> None:
    robots = ["Robot manipulation in simulation.", "Robot manipulation on hardware."]
    labels = label_groups([*texts, *robots], [[0, 1, 2], [3, 4]])
    assert labels[0].label == label


def test_labels_do_not_depend_on_the_order_of_the_batch() -> None:
    order = [14, 3, 9, 0, 12, 5, 1, 7, 10, 2, 13, 4, 8, 11, 6]
    moved = [BATCH[i] for i in order]
    where = {old: new for new, old in enumerate(order)}
    topics = [[where[i] for i in group] for group in TOPICS]
    assert label_groups(moved, topics) == label_groups(BATCH, TOPICS)


def test_seed_themes_do_not_depend_on_the_order_of_the_papers() -> None:
    papers = load_papers([SEEDS]).papers
    shuffled = list(papers)
    random.Random(5).shuffle(shuffled)
    labelled = [(t.label, t.keywords) for t in group_by_theme(papers)]
    assert [(t.label, t.keywords) for t in group_by_theme(shuffled)] == labelled


def test_a_one_paper_theme_is_named_after_its_paper_and_keywords_do_not_repeat_it() -> None:
    labels = label_groups(
        BATCH, [*TOPICS[:3], [12]], single_names=[None, None, None, "Array noise"]
    )
    assert labels[3].label == "Array noise"
    for keyword in labels[3].keywords:
        assert not {"array", "noise"} & {w.lower() for w in keyword.split()}


def test_a_compound_modifier_narrows_a_field_into_a_label() -> None:
    # No paper writes "multi-agent reinforcement learning"; "multi-agent" is what sets the
    # second group apart.
    texts = [
        "Reinforcement learning agents explore sparse rewards with curiosity.",
        "Reinforcement learning with sample-efficient exploration of sparse rewards.",
        "Sparse rewards slow reinforcement learning; curiosity helps exploration.",
        "Multi-agent policies trained by reinforcement learning learn to communicate.",
        "We study multi-agent communication, trained with reinforcement learning in games.",
        "Reinforcement learning of multi-agent coordination in competitive games.",
    ]
    labels = label_groups(texts, [[0, 1, 2], [3, 4, 5]])
    assert labels[1].label == "Multi-agent reinforcement learning"


def test_keywords_are_phrases_several_papers_share_before_a_common_noun_alone() -> None:
    texts = [
        "Robot grasping of an object uses tactile sensing and a parallel gripper.",
        "Tactile sensing guides a parallel gripper to grasp each object.",
        "Robot grasping of an object with a parallel gripper and tactile sensing.",
        "Galaxy rotation curves and dark matter halos.",
        "Dark matter halos from galaxy rotation curves.",
    ]
    labels = label_groups(texts, [[0, 1, 2], [3, 4]])
    keywords = [k.lower() for k in labels[0].keywords]
    assert "object" not in keywords
    assert {"tactile sensing", "robot grasping"} <= set(keywords)


def test_a_large_group_is_labelled_from_a_sample_that_does_not_depend_on_its_order() -> None:
    rng = random.Random(3)
    topics = ["dark matter halos", "exoplanet atmospheres", "solar flares"]
    texts = [
        f"We study {topics[i % 3]} with {rng.choice(['new', 'deep', 'old'])} data number {i}."
        for i in range(300)
    ]
    groups = [[i for i in range(300) if i % 3 == t] for t in range(3)]
    labels = label_groups(texts, groups)
    assert [lab.label for lab in labels] == [
        "Dark matter halos",
        "Exoplanet atmospheres",
        "Solar flares",
    ]
    reversed_groups = [list(reversed(g)) for g in groups]
    assert label_groups(texts, reversed_groups) == labels


def test_a_scattered_group_is_not_named_by_two_unrelated_words_glued() -> None:
    # No phrase is used by a fifth of the group: two papers write 'pairwise comparison', two
    # others 'run', the rest share nothing. 'Comparison and run' would cover four papers
    # only by gluing two words that no paper writes together; the group's best heading
    # phrase names what some of it is about.
    scattered = [
        "Pairwise comparison of hospitals, patients, regions.",
        "Pairwise comparison of towns, options, surveys.",
        "Run, telescope, detector.",
        "Run, merger, star.",
        "Coral, glacier.",
        "Honey, copper.",
        "Timber, nitrogen.",
        "Monk, nurse.",
        "Bridge, library.",
        "Rain, soil.",
        "Ink, reef.",
        "Bee, shift.",
        "Price, housing.",
        "Summer, flower.",
        "Earthquake, joint.",
    ]
    graphs = [
        "Graph neural networks learn molecular properties from atom graphs.",
        "Message passing in graph neural networks oversmooths deep node features.",
        "We scale graph neural networks to billions of edges with sampling.",
    ]
    first = list(range(len(scattered)))
    labels = label_groups([*scattered, *graphs], [first, [len(first) + i for i in range(3)]])
    assert labels[0].label == "Pairwise comparison"
    assert "pairwise" not in labels[0].keywords


def test_a_noun_and_the_activity_it_undergoes_names_a_theme() -> None:
    # 'unlearning' and 'spreading' read as verbs, yet 'machine unlearning' and 'rumor
    # spreading' name what these papers study; 'machine learning' (in fewer of them) does not.
    unlearning = [
        "Machine unlearning removes the influence of deleted data from machine learning models.",
        "We study machine unlearning for deep networks under deletion requests.",
        "Certified machine unlearning gives provable guarantees for convex models.",
        "Machine unlearning in federated learning lets clients forget their data.",
    ]
    rumors = [
        "Rumor spreading model with forgetting on scale-free networks.",
        "Rumor spreading in online social networks with a hesitating mechanism.",
        "Rumor spreading model considering the attractiveness of rumors.",
        "Rumor spreading dynamics with media coverage and immunization.",
    ]
    labels = label_groups([*unlearning, *rumors, *ROBOTS], [[0, 1, 2, 3], [4, 5, 6, 7], [8, 9, 10]])
    assert labels[0].label == "Machine unlearning"
    assert labels[1].label == "Rumor spreading"


@pytest.mark.parametrize(
    "key",
    [
        ("data", "using"),
        ("models", "outperforming"),
        ("model", "achieving"),
        ("benchmark", "comprising"),
    ],
)
def test_a_gerund_that_opens_a_clause_does_not_end_a_noun_phrase(key: tuple[str, ...]) -> None:
    assert not digest.labelling.words.is_noun_phrase(key)


@pytest.mark.parametrize("written", ["Einstein's", "Alzheimer\u2019s", "author's"])
def test_a_possessive_modifies_a_noun_and_ends_no_noun_phrase(written: str) -> None:
    words = digest.labelling.words
    key = words.word_key(written)
    assert key is not None
    assert not words.is_noun_phrase((key,))
    assert not words.may_stand_alone(key)  # no keyword "Einstein's"
    assert words.is_noun_phrase((key, "disease"))  # "Alzheimer's disease" still is one


def test_a_participle_after_a_noun_does_not_end_a_label() -> None:
    # 'comprising' is only ever a verb: it opens the clause that says what the benchmark holds.
    benchmarks = [
        "We present a benchmark comprising 200 geometry problems stated in Coq.",
        "A benchmark comprising 90 olympiad puzzles tests theorem provers.",
        "Our benchmark comprising 500 proofs checks formal mathematical reasoning.",
    ]
    labels = label_groups([*benchmarks, *ROBOTS], [[0, 1, 2], [3, 4, 5]])
    assert labels[0].label != "Benchmark comprising"


# Papers that share no word with each other: the scattered rest of a group.
UNRELATED = [
    "Bridge, library.",
    "Rain, soil.",
    "Ink, reef.",
    "Bee, shift.",
    "Price, housing.",
    "Summer, flower.",
    "Earthquake, joint.",
    "Violin, canyon.",
    "Harbor, lantern.",
    "Tulip, pepper.",
    "Comet, marble.",
    "Falcon, quartz.",
]


@pytest.mark.parametrize(
    "vague",
    [
        *("Run", "A comparison", "Ten degrees", "The article", "Authors", "People", "In June"),
        *("BACKGROUND", "Conclusions", "Methodology/Principal Findings"),
        *("Estimation", "Processing", "The topics", "A workshop", "Symposium"),
    ],
)
def test_words_that_name_no_field_do_not_make_a_label(vague: str) -> None:
    # The word and 'software' are each in 4 of 20 papers, 'pairwise comparison' in 2: 'Run
    # and software' or 'Software and comparisons' would cover 8, but a run is anything that
    # runs, a comparison is made in every field and degrees measure anything; a phrase the
    # papers write names the group.
    # (The bench exports built together gave 'Run and software'.)
    scattered = [
        "Pairwise comparison of hospitals, patients, regions.",
        "Pairwise comparison of towns, options, surveys.",
        *(f"{vague}, {words}." for words in ["telescope, detector", "merger, star"]),
        *(f"{vague}, {words}." for words in ["glacier, coral", "walnut, ferry"]),
        "Software, honey, copper.",
        "Software, timber, nitrogen.",
        "Software, monk, nurse.",
        "Software, saddle, orchard.",
        *UNRELATED,
    ]
    labels = label_groups([*scattered, *ROBOTS], [list(range(20)), [20, 21, 22]])
    assert labels[0].label == "Pairwise comparison"


def test_a_label_of_three_words_goes_on_with_the_noun_its_papers_write_after_it() -> None:
    # Phrases are indexed up to three words: 'hybrid functional Petri' is what sets these
    # papers apart from the others' 'functional Petri nets', and every one goes on with 'nets'.
    petri = [
        "Hybrid functional Petri nets model the p53 signalling pathway.",
        "We simulate gene regulation with hybrid functional Petri nets.",
        "Hybrid functional Petri net models of the circadian clock.",
        "A tool for hybrid functional Petri nets with extensions for biology.",
    ]
    others = [
        "Functional Petri nets of metabolism, checked for deadlocks.",
        "Stochastic functional Petri nets of enzyme kinetics.",
        "Coloured functional Petri nets for cell signalling.",
    ]
    labels = label_groups([*petri, *others], [[0, 1, 2, 3], [4, 5, 6]])
    assert labels[0].label == "Hybrid functional Petri nets"


def test_a_scattered_group_is_named_by_two_nouns_each_a_fifth_of_it_uses() -> None:
    # No phrase is written by a fifth of these 20 papers ('astrophysical phenomena' by two),
    # but 'telescope' is used by six and 'imaging' by five: an instruments group (arXiv's
    # astro-ph.IM) that 'Astrophysical phenomena' described only two papers of.
    scattered = [
        "Astrophysical phenomena of coral, glacier.",
        "Astrophysical phenomena of honey, copper.",
        "Telescopes, timber, nitrogen.",
        "Telescopes and optics, monk, nurse.",
        "Telescopes and mirrors, bridge, library.",
        "Telescope pointing, imaging, rain.",
        "Telescope domes, imaging, soil.",
        "Telescope arrays, ink, reef.",
        "Imaging, walnut, ferry.",
        "Imaging, saddle, orchard.",
        "Imaging, kettle, meadow.",
        *UNRELATED[:9],
    ]
    labels = label_groups([*scattered, *ROBOTS], [list(range(20)), [20, 21, 22]])
    assert labels[0].label == "Telescopes and imaging"


def test_arxivs_stand_in_for_a_link_is_no_keyword() -> None:
    # arXiv writes 'this https URL' where an abstract gave a link.
    texts = [
        "Dark matter halos of dwarf galaxies; code at this https URL.",
        "Dark matter halos in simulations; data at this https URL.",
        "Dark matter halos and their subhalos; see this https URL.",
        *ROBOTS,
    ]
    lab = label_groups(texts, [[0, 1, 2], [3, 4, 5]])[0]
    assert all("url" not in keyword.lower() for keyword in lab.keywords), lab.keywords


def test_words_that_praise_the_work_name_no_field() -> None:
    # 'extensive experiments' is in all four papers and 'object detection' in two: a theme
    # of computer vision was labelled 'Extensive experiments' (the 39 bench exports).
    vision = [
        "Object detection in drone images; extensive experiments show superior performance.",
        "Object detection with transformers; extensive experiments show superior performance.",
        "Extensive experiments on segmentation of satellite images show superior performance.",
        "Extensive experiments on video segmentation; a comprehensive survey of images.",
    ]
    lab = label_groups([*vision, *ROBOTS], [[0, 1, 2, 3], [4, 5, 6]])[0]
    words = " ".join([lab.label, *lab.keywords]).lower()
    for praise in ("extensive", "superior", "comprehensive"):
        assert praise not in words, (lab.label, lab.keywords)


def test_a_word_becomes_the_phrase_most_of_its_papers_write_not_the_best_ranked() -> None:
    # Six papers of a group write 'detection' (the bench's Markdown list of YOLO papers):
    # 'object detection task' (two of them) ranks above 'object detection' (three), which
    # the label must be; the group was 'Detection and benchmarks'.
    ranked = [
        Phrase(("detection",), 3.0, 6),
        Phrase(("object", "detection", "task"), 2.0, 2),
        Phrase(("object", "detection"), 1.5, 3),
    ]
    widened = digest.labelling.choosing._widened(ranked[0], ranked)
    assert widened.key == ("object", "detection")


def test_title_case_uses_do_not_capitalise_part_of_a_phrase_but_names_keep_capitals() -> None:
    texts = [
        "Learning Natural Image Statistics With Flows. We model natural images with flows.",
        "Natural Image Priors For Denoising. A prior over natural images helps denoising.",
        "Sampling Natural Image Patches. We sample natural image patches from a flow.",
        "Graph Neural Networks (GNNs) learn on natural images as graphs of superpixels.",
        "A graph neural network over natural image regions, with data from the Dark Energy "
        "Survey and the Dark Energy Survey footprint.",
        "Graph Neural Networks (GNNs) on natural images from the Dark Energy Survey.",
    ]
    speller = digest.labelling.spelling.Speller(
        digest.labelling.phrases.PhraseIndex(texts), texts, list(range(len(texts)))
    )
    assert speller(("natural", "image")) == "natural image"
    assert speller(("graph", "neural", "network"), heading=True) == "graph neural networks"
    assert speller(("dark", "energy", "survey")) == "Dark Energy Survey"


def test_a_keyword_is_the_whole_phrase_its_papers_write_not_a_fragment() -> None:
    # 'acoustic oscillation' (five papers) ranks above 'baryon acoustic oscillation' (four),
    # which is the phrase they write.
    texts = [
        "Dark energy constraints from the baryon acoustic oscillation of galaxies.",
        "Dark energy and the baryon acoustic oscillation scale in galaxy surveys.",
        "Dark energy from the baryon acoustic oscillation feature of quasars and voids.",
        "Dark energy and the baryon acoustic oscillation of voids.",
        "Dark energy and an acoustic oscillation in the early universe.",
        "Dark energy with weak lensing of galaxies and voids.",
        *ROBOTS,
    ]
    lab = label_groups(texts, [list(range(6)), [6, 7, 8]])[0]
    assert lab.label == "Dark energy"
    assert "baryon acoustic oscillation" in lab.keywords, lab.keywords


def test_function_words_of_other_languages_make_no_label_or_keyword() -> None:
    # A Zotero library's three French abstracts were labelled 'Dans le domaine', with the
    # keywords 'ceux qui' and 'par les'.
    french = [
        "Dans le domaine des humanités numériques, les chercheurs publient par les revues.",
        "Dans le domaine des humanités numériques, ceux qui publient des données ouvertes.",
        "Les chercheurs en humanités numériques et ceux qui gèrent les données, par les archives.",
    ]
    lab = label_groups([*french, *ROBOTS], [[0, 1, 2], [3, 4, 5]])[0]
    words = {w.lower() for text in (lab.label, *lab.keywords) for w in text.split()}
    assert not words & {"dans", "le", "les", "des", "par", "ceux", "qui", "en", "et"}, lab
    assert "Humanités numériques" in (lab.label, *lab.keywords)


def test_spanish_function_words_sumy_does_not_list_make_no_label_or_keyword() -> None:
    # Two Spanish abstracts of an Open Journal Systems export were labelled 'Del sistema':
    # sumy's Spanish stop list lacks "del", and "para" was kept as an English word.
    spanish = [
        "La construcción del sistema de informatización para la gestión de los tribunales.",
        "La sustitución del expediente judicial tradicional del sistema de justicia cubano.",
        "El control automático del sistema para la gestión de los tribunales cubanos.",
    ]
    lab = label_groups([*spanish, *ROBOTS], [[0, 1, 2], [3, 4, 5]])[0]
    words = {w.lower() for text in (lab.label, *lab.keywords) for w in text.split()}
    assert not words & {"del", "para", "la", "los", "de", "el"}, lab


def test_the_spanish_pronoun_se_and_como_make_no_keyword() -> None:
    # A Spanish abstract in Dublin Core (UANL's eprints, via LA Referencia: "En este trabajo
    # se proporciona un ejemplo … de cómo emplear una PC") had the keywords 'se proporciona'
    # and 'cómo': sumy's Spanish stop list has neither.
    spanish = [
        "En este trabajo se proporciona un secador de fruta y se explica cómo se controla.",
        "Se construye un secador de fruta tipo túnel y se mide cómo cambia la humedad.",
        "Se controla la humedad del secador de fruta; se proporciona cómo medirla.",
    ]
    lab = label_groups([*spanish, *ROBOTS], [[0, 1, 2], [3, 4, 5]])[0]
    words = {w.lower() for text in (lab.label, *lab.keywords) for w in text.split()}
    assert not words & {"se", "cómo"}, lab


def test_no_keyword_is_an_acronym_of_the_label_or_of_another_keyword() -> None:
    # 'Federated learning' had the keyword 'FL', 'Black holes' both 'active galactic nuclei'
    # and 'AGN', 'Protein-protein interactions' 'PPIs': the acronym says nothing more.
    federated = [
        "Federated learning (FL) trains a global model on clients; FL keeps data local.",
        "We study FL with a global model and secure aggregation, as federated learning must.",
        "In federated learning, each FL client sends updates; a global model averages them.",
        "Active galactic nuclei (AGN) in FL surveys: federated learning of AGN spectra.",
        "AGN and active galactic nuclei seen by a global model of federated learning.",
    ]
    lab = label_groups([*federated, *ROBOTS], [[0, 1, 2, 3, 4], [5, 6, 7]])[0]
    assert lab.label == "Federated learning", lab
    assert "global model" in lab.keywords, lab
    assert "FL" not in lab.keywords, lab
    assert not {"AGN", "active galactic nuclei"} <= set(lab.keywords), lab


def test_a_heading_of_a_structured_abstract_is_no_keyword() -> None:
    # PubMed abstracts with "DISCUSSION:" gave the keyword 'DISCUSSION'.
    adhd = [
        "BACKGROUND: Attention deficit hyperactivity disorder in adults. DISCUSSION: Risk.",
        "Attention deficit hyperactivity disorder and sleep. DISCUSSION: Sleep matters.",
        "DISCUSSION: attention deficit hyperactivity disorder in children needs care.",
    ]
    lab = label_groups([*adhd, *ROBOTS], [[0, 1, 2], [3, 4, 5]])[0]
    assert "DISCUSSION" not in lab.keywords and "Discussion" not in lab.keywords, lab


def test_a_number_parts_the_words_around_it() -> None:
    # "aged 85 years" made the keyword 'aged year' and "type 2 diabetes" would make 'type
    # diabetes': the number was skipped as if the words were next to each other.
    index = digest.labelling.phrases.PhraseIndex(
        ["Patients aged 85 years with type 2 diabetes and COVID-19 pneumonia in 3D scans."]
    )
    assert index.holders(("aged", "year")) == frozenset()
    assert index.holders(("type", "diabetes")) == frozenset()
    assert index.holders(("covid-19", "pneumonia")) == frozenset({0})
    assert index.holders(("patient",)) == frozenset({0})


def test_a_clause_of_chinese_is_no_label_nor_a_heading_of_its_abstract() -> None:
    # Chinese has no spaces: a run of ideographs between marks is a clause. Two Wanfang
    # abstracts were labelled '目的 探讨优化护理活动用于乳腺癌患者外周置入中心静脉导管' (their
    # heading and their first clause), with the keyword '结论'.
    chinese = [
        "目的 探讨优化护理活动用于乳腺癌患者外周置入中心静脉导管(PICC)的防控价值."
        "结论 PICC护理有效.",
        "目的 探讨优化护理活动用于乳腺癌患者PICC置管的效果.结论 乳腺癌 PICC护理质量更高.",
        "目的 探讨动机访谈对乳腺癌患者的影响.结论 乳腺癌 患者的生活质量更高.",
    ]
    lab = label_groups([*chinese, *ROBOTS], [[0, 1, 2], [3, 4, 5]])[0]
    for text in (lab.label, *lab.keywords):
        runs = re.findall(r"[\u4e00-\u9fff]+", text)
        assert all(len(run) <= 6 for run in runs), lab
        assert not {"目的", "结论"} & set(runs), lab
    assert "乳腺癌" in (lab.label, *lab.keywords) or "PICC" in lab.label, lab


def test_a_phrase_on_the_word_nearly_all_write_beats_two_words_joined() -> None:
    # Every paper writes 'cognitive', a modifier that names nothing alone and whose papers
    # write no one phrase of it in most uses; 'home' and 'health' are the best nouns. A
    # fifth of the group writes 'cognitive impairment': that names the group, where 'Home
    # and health' joins two words few of its papers write together.
    elderly = [
        "Cognitive impairment of walnut, ferry.",
        "Cognitive impairment of saddle, orchard.",
        "Cognitive impairment of kettle, meadow.",
        "Cognitive load, home, coral.",
        "Cognitive load, home, glacier.",
        "Cognitive decline, home, honey.",
        "Cognitive decline, home, copper.",
        "Cognitive training, home, timber.",
        "Cognitive training, home, health, nitrogen.",
        "Cognitive bias, home, health, monk.",
        "Cognitive bias, health, nurse.",
        "Cognitive maps, health, bridge.",
        "Cognitive maps, health, library.",
        "Cognitive tests, rain, soil.",
        "Cognitive tests, ink, reef.",
    ]
    labels = label_groups([*elderly, *ROBOTS], [list(range(15)), [15, 16, 17]])
    assert labels[0].label == "Cognitive impairment"
    assert labels[1].label == "Robot manipulation"


def test_the_plural_of_a_word_ending_on_a_vowel_and_y_is_read_as_its_plural() -> None:
    # 'rays' is the plural of 'ray' as 'galaxies' is of 'galaxy': not 'Cosmic ray'.
    rays = [
        "Cosmic rays reach the Earth from supernova remnants.",
        "We trace cosmic rays through the Galactic magnetic field.",
        "Ultra-high-energy cosmic rays and their arrival directions.",
    ]
    assert label_groups([*rays, *ROBOTS], [[0, 1, 2], [3, 4, 5]])[0].label == "Cosmic rays"


def test_two_words_joined_agree_in_number_when_the_papers_write_both_plurals() -> None:
    # 'detector' is written in the plural once in ten uses, too seldom to make it plural
    # alone; beside 'telescopes' it takes the plural its papers write: not 'Detector and
    # telescopes'.
    scattered = [
        "Astrophysical phenomena of coral, glacier.",
        "Astrophysical phenomena of honey, copper.",
        "Telescopes, timber, nitrogen.",
        "Telescopes and optics, monk, nurse.",
        "Telescopes, bridge, library.",
        "Telescope pointing, detector, rain.",
        "Telescope domes, detector, soil.",
        "Telescope arrays, detector, ink, reef.",
        "A detector, walnut, ferry. The detector, saddle.",
        "The detector, saddle, orchard. A detector, pencil.",
        "Two detectors, kettle, meadow. The detector, plum.",
        *UNRELATED[:9],
    ]
    labels = label_groups([*scattered, *ROBOTS], [list(range(20)), [20, 21, 22]])
    assert labels[0].label == "Detectors and telescopes"


def test_a_label_is_not_a_window_cut_inside_a_longer_phrase() -> None:
    # Of the windows of 'central Great Barrier Reef', written once, 'central Great Barrier'
    # became the label of two unrelated 1990s papers: a heading is finished to its noun
    # even when only one paper writes it, once.
    texts = [
        "Coral bleaching on the central Great Barrier Reef. Bleached corals were surveyed on "
        "inshore reefs in 1991.",
        "Tax policy in open economies. Inflation and household savings were compared in 1992.",
        "Soil nitrogen in boreal forests. Nitrogen mineralisation was measured in forest soils.",
        "Soil carbon in boreal forests. Carbon stocks were measured in forest soils after fire.",
    ]
    reef, _ = label_groups(texts, [[0, 1], [2, 3]])
    assert reef.label == "Central Great Barrier Reef"


@pytest.mark.parametrize(
    ("key", "reads"),
    [
        (("resulting", "spatial", "displacement"), False),
        (("resulting", "displacement"), False),
        (("developing", "data", "attribution"), False),
        (("developing", "country"), True),
        (("emerging", "technology"), True),
        (("spatial", "displacement"), True),
        (("data", "attribution"), True),
    ],
)
def test_a_phrase_that_opens_on_a_verb_is_no_noun_phrase(key: tuple[str, ...], reads: bool) -> None:
    # 'The resulting spatial displacement', 'Developing Data Attribution and Citation
    # Practices' (a title): a participle that says nothing, a verb taking its object. (The
    # wos_plain and biblatex exports, each built alone, were labelled so.)
    assert digest.labelling.words.is_noun_phrase(key) is reads


def test_a_label_is_not_cut_short_of_the_noun_its_papers_write_after_it() -> None:
    # Every use of 'temporal action' goes on with a noun, most often 'localization': the
    # two words are the modifier of the papers' task, not a topic. (The bibtex export built
    # alone gave 'Temporal action'.)
    actions = [
        "Temporal action localization finds actions in untrimmed videos.",
        "We improve temporal action localization with boundary-aware proposals.",
        "Temporal action detection in untrimmed videos with a transformer.",
        "Temporal action proposals with anchor-free boundary regression.",
        "Weakly supervised temporal action localization from video labels.",
    ]
    labels = label_groups([*actions, *ROBOTS], [[0, 1, 2, 3, 4], [5, 6, 7]])
    assert labels[0].label == "Temporal action localization"


def test_a_phrase_its_papers_write_only_in_the_singular_is_no_kind_of_paper() -> None:
    # 'The unlearned model' is one model of each paper, not the kind of paper they are
    # ('Language models'). (The wos_tab export built alone gave 'Unlearned model'.)
    unlearning = [
        "Deletion requests are served by the unlearned model without retraining.",
        "We audit the unlearned model after deletion requests from users.",
        "The unlearned model forgets data named in deletion requests.",
        "Deletion requests under privacy law, checked against the unlearned model.",
    ]
    labels = label_groups([*unlearning, *ROBOTS], [[0, 1, 2, 3], [4, 5, 6]])
    assert labels[0].label == "Deletion requests"


def test_a_conference_is_no_topic() -> None:
    # Scopus lists a conference's proceedings as a record whose abstract names the venue and
    # its topics: what they are about is the topics, not 'International conference'. (The
    # scopus_csv export built alone gave 'International Conference'.)
    proceedings = [
        "The proceedings contain 40 papers. The topics discussed include grid computing.",
        "The proceedings contain 12 papers. International Conference on grid computing.",
        "The proceedings contain 31 papers. International Conference on data mining.",
        "The proceedings contain 25 papers. International Conference on Petri nets.",
        "The proceedings contain 18 papers. International Conference on grid computing.",
    ]
    labels = label_groups([*proceedings, *ROBOTS], [[0, 1, 2, 3, 4], [5, 6, 7]])
    assert labels[0].label == "Grid computing"


def test_in_addition_gives_no_keyword() -> None:
    # 'In addition' links sentences: 'addition' alone names nothing these papers share.
    texts = [
        "Protein interaction networks of influenza. In addition, we map host kinases.",
        "Protein interaction networks of measles. In addition, we rank host receptors.",
        "Protein interaction networks of dengue. In addition, we test host lipids.",
        "Protein interaction networks of rabies. In addition, we list host genes.",
    ]
    labels = label_groups([*texts, *ROBOTS], [[0, 1, 2, 3], [4, 5, 6]])
    assert "addition" not in [k.lower() for k in labels[0].keywords]


def _speller(texts: list[str]) -> digest.labelling.spelling.Speller:
    """A speller of the texts' phrases, the texts one group."""
    index = digest.labelling.phrases.PhraseIndex(texts)
    return digest.labelling.spelling.Speller(index, texts, range(len(texts)))


def test_quotes_part_phrases_as_other_punctuation_does() -> None:
    # A real astro-ph abstract: "100 of our `definite' lens candidates" gave the label
    # "Definite len candidate", a phrase no paper writes, its words as normalised.
    texts = ["Of these, 149 were `definite' lens candidates and 516 'probable' lens candidates."]
    index = digest.labelling.phrases.PhraseIndex(texts)
    assert not index.holders(("definite", "len", "candidate"))
    assert not index.holders(("probable", "len"))
    assert index.holders(("len", "candidate"))


def test_a_verbs_ing_form_after_a_comma_or_a_noun_opens_a_clause_not_a_label() -> None:
    # The seeds' Codex abstract: "... deploying powerful code generation technologies,
    # covering safety, security, and economics" made a week's label "Covering safety".
    texts = [
        "We discuss the impacts of deploying code generation technologies, covering safety, "
        "security, and economics.",
        "We release a benchmark covering safety and fairness, with missing data filled in.",
        "Models trained with missing data degrade during the third LIGO observing run, we find.",
    ]
    spell = _speller(texts)
    assert not spell.reads_as_noun_phrase(("covering", "safety"))
    assert spell.reads_as_noun_phrase(("missing", "data"))
    assert spell.reads_as_noun_phrase(("observing", "run"))
    # Each reading alone: the word before is the one told ("model of missing data").
    for texts, key, noun_phrase in [
        (
            [
                "We release a benchmark covering safety and fairness.",
                "A new suite covering safety is proposed.",
                "Each task covering safety is scored.",
            ],
            ("covering", "safety"),
            False,
        ),
        (
            [
                "We release benchmarks, covering safety and fairness.",
                "A new suite is proposed, covering safety in depth.",
                "Each task is scored, covering safety.",
            ],
            ("covering", "safety"),
            False,
        ),
        (
            [
                "A model of missing data is given.",
                "We study the imputation of missing data here.",
                "Methods for missing data are compared.",
            ],
            ("missing", "data"),
            True,
        ),
        (
            [
                "The missing data imputation methods vary.",
                "Such missing data imputation methods work.",
                "Our missing data imputation methods fail.",
            ],
            ("missing", "data"),
            True,
        ),
    ]:
        spell = _speller(texts)
        assert spell.reads_as_noun_phrase(key) == noun_phrase, texts


def test_a_heading_of_three_words_is_not_cut_after_the_first_word_its_papers_write() -> None:
    # Phrases are indexed up to three words: a small astro-ph week was labelled "Chain Monte
    # Carlo", each of its papers writing "Markov chain Monte Carlo".
    texts = [
        "We sample the posterior with Markov chain Monte Carlo and nested sampling.",
        "Parameters are fitted by Markov chain Monte Carlo over the light curves.",
        "A Markov chain Monte Carlo analysis of the lens models constrains the slope.",
    ]
    spell = _speller(texts)
    assert spell(("chain", "monte", "carlo"), heading=True) == "Markov chain Monte Carlo"
    # A word before only some of the uses is no part of the phrase.
    texts[1] = texts[1].replace("by Markov chain", "by the chain")
    spell = _speller(texts)
    assert spell(("chain", "monte", "carlo"), heading=True) == "chain Monte Carlo"
    # Nor a word before every use that makes no noun phrase of it.
    texts = [
        "We perform Monte Carlo simulations of the disk.",
        "Authors perform Monte Carlo simulations of winds.",
        "They perform Monte Carlo simulations of jets.",
    ]
    spell = _speller(texts)
    assert spell(("monte", "carlo", "simulation"), heading=True) == "Monte Carlo simulations"


def test_a_participle_after_a_noun_is_its_verb_not_a_modifier() -> None:
    # The bench's PubMed XML: "Matching factors included year of birth" labelled a theme
    # "Matching factors included year", and the bench's RIS had the keyword "feedback caused
    # people".
    texts = [
        "Matching factors included year of birth and sex.",
        "Cases were matched; factors included year of diagnosis.",
        "The included studies were small, and the reported outcomes varied.",
    ]
    spell = _speller(texts)
    assert not spell.reads_as_noun_phrase(("factor", "included", "year"))
    assert spell.reads_as_noun_phrase(("reported", "outcome"))
    # ("reported" is a stop word: that phrase is judged by its words alone.) A participle
    # opening the phrase, or after an adjective, still modifies.
    texts = [
        "We compare the matched controls with cases.",
        "The matched controls were older.",
        "Matched controls came from the registry.",
        "The red shifted lines are broad.",
        "We fit the red shifted lines.",
        "Its red shifted lines are weak.",
    ]
    spell = _speller(texts)
    assert spell.reads_as_noun_phrase(("matched", "control"))
    assert spell.reads_as_noun_phrase(("red", "shifted", "line"))


def test_a_keyword_of_three_words_is_not_cut_short_of_the_word_its_papers_write_after_it() -> None:
    # An astro-ph week's theme had the keyword "James Webb Space" (labels were finished so,
    # keywords were not).
    texts = [
        "Galaxies observed with the James Webb Space Telescope at high redshift are massive.",
        "We use James Webb Space Telescope spectra of quiescent galaxies.",
        "Imaging from the James Webb Space Telescope resolves the stellar mass profiles.",
    ]
    spell = _speller(texts)
    key = tuple(digest.labelling.words.word_key(w) or "" for w in ("James", "Webb", "Space"))
    assert spell(key) == "James Webb Space Telescope"
    assert spell(key, heading=True) == "James Webb Space Telescope"
    # Not with a word after that its papers write as a verb, which a noun could be
    # ("increases"); one that could not be a noun ("converges") leaves the word before.
    for texts, key, written in [
        (
            [
                "The angular momentum flux increases with radius.",
                "Its angular momentum flux increases inward.",
                "The disk's angular momentum flux increases outward.",
            ],
            ("angular", "momentum", "flux"),
            "angular momentum flux",
        ),
        (
            [
                "We find that Markov chain Monte Carlo converges slowly.",
                "Here Markov chain Monte Carlo converges fast.",
                "Our Markov chain Monte Carlo converges in hours.",
            ],
            ("chain", "monte", "carlo"),
            "Markov chain Monte Carlo",
        ),
    ]:
        spell = _speller(texts)
        assert spell(key) == written
