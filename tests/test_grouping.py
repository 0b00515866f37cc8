"""group_by_theme: every paper once, stable order, sensible sizes, and recognisable themes."""

from __future__ import annotations

import dataclasses
import os
import random
import re
from collections.abc import Sequence
from pathlib import Path

import numpy as np
import pytest

from digest import forking, grouping
from digest.errors import ConfigError
from digest.grouping import choose_theme_count, group_by_theme
from digest.labelling import GENERIC_WORDS, OTHER_LABEL, WEAK_WORDS
from digest.models import UNGROUPED_LABEL, NamedTheme, Paper, Theme
from digest.pipeline import themes_of

from factories import make_paper

SEEDS = Path(__file__).resolve().parent.parent / "seeds"

GALAXIES = [
    "We measure the dark matter halo masses of galaxy clusters with weak gravitational lensing.",
    "Galaxy clusters trace dark matter halos; we model their lensing signal and halo mass.",
    "Weak lensing of distant galaxies constrains the dark matter halo profile of clusters.",
    "We map dark matter in galaxy clusters using strong and weak gravitational lensing.",
    "Halo masses of galaxy clusters from lensing agree with X-ray estimates of dark matter.",
    "The dark matter halo of our galaxy cluster sample is measured with weak lensing shear.",
]
PROTEINS = [
    "We predict protein folding pathways and enzyme binding sites with molecular dynamics.",
    "Enzyme binding pockets change as the protein folds; molecular dynamics shows how.",
    "Protein folding simulations reveal how enzyme active sites bind their substrates.",
    "Molecular dynamics of protein folding explains enzyme binding affinity for ligands.",
    "We study enzyme kinetics and protein folding stability using molecular dynamics runs.",
    "Binding of ligands to enzyme pockets depends on protein folding, per molecular dynamics.",
]


def two_topics() -> list[Paper]:
    return [make_paper(f"g{i}", text) for i, text in enumerate(GALAXIES)] + [
        make_paper(f"p{i}", text) for i, text in enumerate(PROTEINS)
    ]


def seed_papers() -> list[Paper]:
    """The sample corpus, parsed simply: one abstract per 'Abstract:' line, or per arXiv id."""
    abstracts: dict[str, str] = {}
    for path in sorted(SEEDS.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        if "Abstract:" in text:
            found = [line[9:].strip() for line in text.splitlines() if line.startswith("Abstract:")]
        else:
            pieces = re.split(r"arXiv:\d{4}\.\d{4,5}", text)
            found = [p.strip().splitlines()[0] for p in pieces if len(p.strip()) > 200]
        for abstract in found:
            abstracts.setdefault(abstract, f"s{len(abstracts):02d}")
    return [make_paper(pid, abstract) for abstract, pid in abstracts.items()]


def theme_of(themes: Sequence[Theme], papers: Sequence[Paper], opening: str) -> str:
    """The label of the theme holding the paper whose abstract starts with `opening`."""
    pid = next(p.id for p in papers if p.abstract.startswith(opening))
    return next(t.label for t in themes if pid in t.paper_ids)


@pytest.fixture(scope="module")
def seeds() -> list[Paper]:
    return seed_papers()


@pytest.fixture(scope="module")
def seed_themes(seeds: list[Paper]) -> tuple[Theme, ...]:
    return group_by_theme(seeds)


def test_seed_corpus_parses_into_distinct_papers(seeds: list[Paper]) -> None:
    assert len(seeds) == 42


def test_every_paper_lands_in_exactly_one_theme(
    seeds: list[Paper], seed_themes: tuple[Theme, ...]
) -> None:
    placed = [pid for theme in seed_themes for pid in theme.paper_ids]
    assert sorted(placed) == sorted(p.id for p in seeds)


def test_same_papers_in_any_order_give_the_same_themes(
    seeds: list[Paper], seed_themes: tuple[Theme, ...]
) -> None:
    shuffled = list(seeds)
    random.Random(7).shuffle(shuffled)
    assert group_by_theme(shuffled) == seed_themes
    assert group_by_theme(list(reversed(seeds))) == seed_themes


def test_themes_are_ordered_largest_first(seed_themes: tuple[Theme, ...]) -> None:
    sizes = [len(t.paper_ids) for t in seed_themes if t.label != OTHER_LABEL]
    assert sizes == sorted(sizes, reverse=True)


def test_seed_themes_are_newsletter_sized(seed_themes: tuple[Theme, ...]) -> None:
    sizes = [len(t.paper_ids) for t in seed_themes]
    assert 4 <= len(seed_themes) <= 8
    # Never one giant theme plus crumbs.
    assert max(sizes) <= 42 // 2


@pytest.mark.parametrize(
    ("first", "second"),
    [
        # Sim-to-real robotics: domain randomization, and the Shadow hand trained in simulation.
        ("Bridging the 'reality gap'", "We use reinforcement learning (RL) to learn dexterous"),
        # Likelihoods of generative models: VAEs and MRFs evaluated with AIS.
        ("Markov random fields (MRFs)", "The variational autoencoder (VAE"),
        # Language model alignment with human feedback.
        ("Making language models bigger", "A major challenge for scaling machine learning"),
        # Dialogue evaluation: two learned metrics for open-domain dialogue.
        ("Evaluating the quality of a dialogue", "Automatically evaluating the quality of dial"),
        # RL generalization benchmarks.
        ("In this report, we introduce Procgen", "The NeurIPS 2020 Procgen Competition"),
    ],
)
def test_seed_papers_on_one_topic_share_a_theme(
    seeds: list[Paper], seed_themes: tuple[Theme, ...], first: str, second: str
) -> None:
    assert theme_of(seed_themes, seeds, first) == theme_of(seed_themes, seeds, second)


def test_robotics_and_generative_likelihoods_are_different_themes(
    seeds: list[Paper], seed_themes: tuple[Theme, ...]
) -> None:
    robotics = theme_of(seed_themes, seeds, "Bridging the 'reality gap'")
    likelihoods = theme_of(seed_themes, seeds, "Markov random fields (MRFs)")
    assert robotics != likelihoods


def test_two_separate_topics_are_separated() -> None:
    themes = group_by_theme(two_topics(), n_themes=2)
    groups = sorted(sorted(t.paper_ids) for t in themes)
    assert groups == [[f"g{i}" for i in range(6)], [f"p{i}" for i in range(6)]]


def test_two_separate_topics_never_mix_when_digest_chooses() -> None:
    themes = group_by_theme(two_topics())
    for theme in themes:
        assert len({pid[0] for pid in theme.paper_ids}) == 1


def test_web_addresses_in_abstracts_name_no_theme() -> None:
    # A RIS export's abstracts (tengann/IAV_PPI_Graph_Embedding_Review, references.ris) give
    # a database's address, "http://www.agbase.msstate.edu/hpi/main.html": its parts named
    # a theme "Edu hpi".
    address = " The data are at http://www.plab.msstate.edu/hpi/main.html (see www.plab.org/hpi)."
    papers = [make_paper(f"g{i}", text) for i, text in enumerate(GALAXIES)] + [
        make_paper(f"p{i}", text + address) for i, text in enumerate(PROTEINS)
    ]
    for theme in group_by_theme(papers, n_themes=2):
        named = " ".join([theme.label, *theme.keywords]).lower().split()
        assert not {"edu", "hpi", "html", "www", "plab"} & set(named), theme


def test_an_abstract_with_an_address_and_a_long_hyphenated_run_is_labelled_in_one_pass() -> None:
    # The address's scheme was looked for from every word start of "a-a-a-...", to its end:
    # 200,000 of them took minutes. Its scheme is now at most 32 characters.
    run = " a-" + "a-" * 200_000 + "a."
    papers = [make_paper(f"g{i}", text) for i, text in enumerate(GALAXIES)] + [
        make_paper(f"p{i}", text + " See http://x.org/p." + run) for i, text in enumerate(PROTEINS)
    ]
    assert len(group_by_theme(papers, n_themes=2)) == 2


def test_structured_abstracts_are_grouped_and_labelled_by_topic_not_by_their_headings() -> None:
    # A Web of Science export of Emerald's abstracts (profmarcelojesus/gestao_de_custos,
    # savedrecs.txt): its two structured abstracts were a theme of their own, with the
    # keywords "design methodology, originality value", the words of their headings.
    def emerald(text: str) -> str:
        return (
            f"Purpose: {text} Design/methodology/approach: A survey. Findings: Few. "
            "Research limitations/implications: Some. Originality/value: None."
        )

    papers = [
        make_paper(f"{pid[0]}{i}", emerald(text) if i % 2 else text)
        for pid, texts in (("g", GALAXIES), ("p", PROTEINS))
        for i, text in enumerate(texts)
    ]
    for theme in group_by_theme(papers):
        assert len(theme.paper_ids) < 2 or any(int(pid[1]) % 2 == 0 for pid in theme.paper_ids)
        named = " ".join([theme.label, *theme.keywords]).lower().split()
        assert not {"design", "methodology", "originality", "limitations"} & set(named), theme


def test_two_topics_are_labelled_after_their_subject() -> None:
    themes = group_by_theme(two_topics(), n_themes=2)
    labels = {t.paper_ids[0][0]: t.label.lower() for t in themes}
    assert re.search(r"lensing|dark matter|halo|galaxy cluster", labels["g"])
    assert re.search(r"protein|enzyme|molecular|folding", labels["p"])


def test_most_central_paper_comes_first_and_the_outlier_last() -> None:
    papers = [make_paper(f"g{i}", text) for i, text in enumerate(GALAXIES)]
    papers.append(make_paper("odd", "Galaxy clusters are large. We describe a telescope mirror."))
    (theme,) = group_by_theme(papers, n_themes=1)
    assert theme.paper_ids[-1] == "odd"
    assert theme.paper_ids[0] != "odd"


@pytest.mark.parametrize("n", [1, 2, 3, 5, 9])
def test_the_requested_number_of_themes_is_respected(seeds: list[Paper], n: int) -> None:
    themes = group_by_theme(seeds, n_themes=n)
    assert len(themes) == n
    assert all(t.label != OTHER_LABEL for t in themes)


def test_more_themes_than_papers_gives_one_theme_per_paper() -> None:
    themes = group_by_theme(two_topics()[:3], n_themes=10)
    assert len(themes) == 3


def test_identical_abstracts_cannot_be_split_into_more_themes() -> None:
    papers = [make_paper(f"x{i}", "We measure dark matter halos with lensing.") for i in range(4)]
    themes = group_by_theme(papers, n_themes=3)
    assert [len(t.paper_ids) for t in themes] == [4]


def test_a_large_batch_of_identical_abstracts_is_one_theme_not_other() -> None:
    papers = [
        make_paper(f"x{i:03d}", "We measure dark matter halos with lensing.") for i in range(60)
    ]
    (theme,) = group_by_theme(papers)
    assert theme.label != OTHER_LABEL
    assert len(theme.paper_ids) == 60


def test_zero_themes_is_a_user_error() -> None:
    with pytest.raises(ConfigError, match="at least 1"):
        group_by_theme(two_topics(), n_themes=0)


def test_no_papers_no_themes() -> None:
    assert group_by_theme([]) == ()


def test_a_single_paper_is_one_theme_named_after_it() -> None:
    paper = make_paper("only", GALAXIES[0], title="Weighing clusters with lensing")
    (theme,) = group_by_theme([paper], names={"only": "Cluster masses from lensing"})
    assert theme.paper_ids == ("only",)
    assert theme.label == "Cluster masses from lensing"
    (untitled,) = group_by_theme([paper])
    assert untitled.label == "Weighing clusters with lensing"


def test_names_are_asked_for_only_to_label_a_one_paper_theme() -> None:
    asked: list[int] = []

    def names() -> dict[str, str]:
        asked.append(1)
        return {"g0": "Cluster masses from lensing"}

    themes = grouping.name_groups(grouping.find_groups(two_topics(), n_themes=2), names)
    assert sorted(len(t.paper_ids) for t in themes) == [6, 6]
    assert asked == []
    (theme,) = grouping.name_groups(grouping.find_groups(two_topics()[:1]), names)
    assert (theme.label, asked) == ("Cluster masses from lensing", [1])


def test_a_single_paper_without_name_or_title_gets_a_key_phrase() -> None:
    (theme,) = group_by_theme([make_paper("only", PROTEINS[0])])
    assert theme.label
    assert not set(theme.label.lower().split()) <= GENERIC_WORDS | WEAK_WORDS


def test_two_unrelated_papers_get_one_or_two_themes() -> None:
    papers = [make_paper("a", GALAXIES[0]), make_paper("b", PROTEINS[0])]
    themes = group_by_theme(papers)
    assert 1 <= len(themes) <= 2
    assert sorted(pid for t in themes for pid in t.paper_ids) == ["a", "b"]


def test_seed_labels_are_distinct_short_and_specific(seed_themes: tuple[Theme, ...]) -> None:
    labels = [t.label for t in seed_themes]
    assert len(set(labels)) == len(labels)
    for theme in seed_themes:
        words = theme.label.lower().split()
        assert 1 <= len(words) <= 4, theme.label
        assert not set(words) & WEAK_WORDS, theme.label
        assert not set(words) <= GENERIC_WORDS | {"and"}, theme.label
        assert not re.search(r"\b(theme|cluster|topic|group)\s*\d", theme.label, re.I)
        assert 1 <= len(theme.keywords) <= 3
        assert theme.label.lower() not in [k.lower() for k in theme.keywords]


def test_theme_count_grows_slowly_and_stops_at_a_readable_number() -> None:
    sizes = (1, 2, 5, 15, 42, 300, 1000, 3000, 10_000, 100_000)
    counts = [choose_theme_count(n) for n in sizes]
    assert counts == sorted(counts)
    assert counts[0] == 1
    # A week's batch stays at a handful of sections; a month of arXiv gets more, within reason.
    assert counts[sizes.index(1000)] <= 8
    assert 8 < counts[sizes.index(3000)] <= 12
    assert counts[-1] <= 15


def test_papers_sharing_nothing_with_a_large_batch_are_pooled_as_other_last() -> None:
    main_topics = [
        make_paper(f"{kind}{i:02d}", texts[i % 6] + f" Run {i}.")
        for kind, texts in (("g", GALAXIES), ("p", PROTEINS))
        for i in range(30)
    ]
    stray = [
        make_paper("zz1", "Medieval poetry and the history of troubadour song in Provence."),
        make_paper("zz2", "Tax policy, inflation and household savings in small open economies."),
        make_paper("zz3", "Soil erosion on alpine pastures after glacier retreat and grazing."),
    ]
    themes = group_by_theme(main_topics + stray)
    placed = sorted(pid for t in themes for pid in t.paper_ids)
    assert placed == sorted(p.id for p in main_topics + stray)
    assert themes[-1] == Theme(label=OTHER_LABEL, keywords=(), paper_ids=("zz1", "zz2", "zz3"))
    assert all(len({pid[0] for pid in t.paper_ids}) == 1 for t in themes[:-1])
    assert OTHER_LABEL not in [t.label for t in themes[:-1]]


def test_a_requested_number_of_themes_has_no_other() -> None:
    poetry = make_paper("zz1", "Medieval poetry and the history of troubadour song in Provence.")
    papers = [*two_topics(), poetry]
    themes = group_by_theme(papers, n_themes=3)
    assert len(themes) == 3
    assert OTHER_LABEL not in [t.label for t in themes]


def test_seed_labels_never_join_two_lone_words() -> None:
    # 'Object and manipulation' reads as a list; a heading names one thing.
    for theme in group_by_theme(seed_papers()):
        assert not re.fullmatch(r"[\w-]+ and [\w-]+", theme.label), theme.label


def two_large_topics() -> list[Paper]:
    """80 distinct papers on two topics: each sentence of a topic with one of its others."""
    papers = []
    for kind, texts in (("g", GALAXIES), ("p", PROTEINS)):
        pairs = [(a, b) for a in range(6) for b in range(6) if a != b]
        for i, (a, b) in enumerate(pairs[:40]):
            papers.append(make_paper(f"{kind}{i:02d}", f"{texts[a]} {texts[b]}"))
    return papers


def test_a_batch_larger_than_the_sample_is_grouped_from_the_sample(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    papers = two_large_topics()
    monkeypatch.setattr(grouping, "FIT_SAMPLE", 30)
    monkeypatch.setattr(grouping, "LABEL_SAMPLE", 20)
    themes = group_by_theme(papers, n_themes=2)
    assert sorted(sorted(t.paper_ids) for t in themes) == [
        sorted(p.id for p in papers if p.id[0] == kind) for kind in "gp"
    ]
    shuffled = list(papers)
    random.Random(3).shuffle(shuffled)
    assert group_by_theme(shuffled, n_themes=2) == themes


def test_the_sample_depends_on_the_papers_not_their_order() -> None:
    ids = [f"id{i}" for i in range(50)]
    sample = grouping.fit_sample(ids, 10)
    again = grouping.fit_sample(list(reversed(ids)), 10)
    assert sorted(ids[i] for i in sample) == sorted(list(reversed(ids))[i] for i in again)
    assert len(set(sample.tolist())) == 10


def test_ward_separates_well_separated_blobs() -> None:
    rng = np.random.default_rng(0)
    centres = np.array([[0.0, 0.0], [10.0, 0.0], [0.0, 10.0]])
    points = np.concatenate([c + rng.normal(scale=0.5, size=(15, 2)) for c in centres])
    labels = grouping.ward_labels(points, 3)
    assert sorted(np.bincount(labels).tolist()) == [15, 15, 15]
    assert all(len(set(labels[i * 15 : (i + 1) * 15].tolist())) == 1 for i in range(3))


def test_ward_gives_the_number_of_clusters_asked_even_when_merges_tie() -> None:
    # Three pairs, each one unit apart: cutting at four clusters must split one of the tied
    # pairs, where a cut by height would keep all three whole.
    points = np.array([[0.0, 0.0], [0.0, 1.0], [5.0, 0.0], [5.0, 1.0], [10.0, 0.0], [10.0, 1.0]])
    labels = grouping.ward_labels(points, 4)
    assert sorted(np.bincount(labels).tolist()) == [1, 1, 2, 2]
    assert labels[0] == 0  # clusters are numbered by their first member


def test_the_same_token_has_the_same_hash_and_different_tokens_differ() -> None:
    tokens = grouping.Tokens.of(["Dark matter, dark-matter halos.", "matter DARK x-ray"])
    by_text: dict[bytes, set[int]] = {}
    for i, h in enumerate(tokens.hashes.tolist()):
        by_text.setdefault(tokens.text(i), set()).add(h)
    assert set(by_text) == {b"dark", b"matter", b"dark-matter", b"halos", b"x-ray"}
    assert all(len(hashes) == 1 for hashes in by_text.values())
    assert len({h for hashes in by_text.values() for h in hashes}) == len(by_text)
    assert tokens.docs.tolist() == [0, 0, 0, 0, 1, 1, 1]


def random_sparse_rows(rng: np.random.Generator, n_rows: int, n_cols: int) -> grouping.SparseRows:
    """A matrix with empty rows and columns, stored as _tfidf stores one (rows reversed)."""
    dense = rng.random((n_rows, n_cols)) * (rng.random((n_rows, n_cols)) < 0.3)
    dense[::7] = 0
    dense[:, ::5] = 0
    rows, cols = np.nonzero(dense)
    counts = np.bincount(rows, minlength=n_rows)
    indptr = np.concatenate([[0], np.cumsum(counts)])
    sorted_rows = grouping.SparseRows(indptr, cols, dense[rows, cols], n_cols)
    return grouping._tfidf(sorted_rows, rng.random(n_cols) + 1)


@pytest.mark.parametrize("width", [1, 2, 7, 60])
def test_sparse_products_in_numpy_give_the_bits_scipy_gives(
    width: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Small batches multiply in numpy, large ones in scipy: the two must agree to the last
    # bit, or a batch's themes would depend on its size in a second way.
    rng = np.random.default_rng(width)
    matrix = random_sparse_rows(rng, 40, 30)
    right = rng.standard_normal((30, width))
    left = rng.standard_normal((40, width))
    results = []
    for in_scipy, block in ((False, 3), (False, 10**6), (True, 10**6)):
        monkeypatch.setattr(grouping, "_BLOCK_TERMS", block)
        computed = dataclasses.replace(matrix, in_scipy=in_scipy)
        results.append((computed.times(right), computed.transposed_times(left)))
    dense = matrix.dense()
    for product, transposed in results:
        assert np.allclose(product, dense @ right)
        assert np.allclose(transposed, dense.T @ left)
        assert product.tobytes() == results[-1][0].tobytes()
        assert transposed.tobytes() == results[-1][1].tobytes()


def test_vectors_made_in_worker_processes_are_the_same(monkeypatch: pytest.MonkeyPatch) -> None:
    if not forking.CAN_FORK:
        pytest.skip("no fork() here")
    papers = sorted(two_large_topics(), key=lambda p: p.id)
    monkeypatch.setattr(grouping, "FIT_SAMPLE", 30)
    monkeypatch.setattr(grouping, "CHUNK_PAPERS", 15)
    monkeypatch.setattr(grouping, "PARALLEL_MIN_PAPERS", 1)
    monkeypatch.setattr(os, "sched_getaffinity", lambda pid: {0, 1})
    forked = grouping.cluster_papers(papers, 2)
    monkeypatch.setattr(forking, "CAN_FORK", False)
    serial = grouping.cluster_papers(papers, 2)
    assert forked.labels == serial.labels
    assert forked.vectors.tobytes() == serial.vectors.tobytes()


# Papers of a small batch drawn from unrelated fields, two of them on one topic: an issue
# built from a handful of exports looks like this.
HAIR_LOSS = [
    "Autologous dermal sheath cup cells were injected into the scalp of men and women with "
    "pattern hair loss; hair density rose after six months.",
    "Androgenetic alopecia, the commonest pattern hair loss, is studied through the "
    "extracellular matrix around the hair follicle.",
]
UNRELATED = [
    "Aerobic exercise lowered blood pressure and waist circumference in older adults with "
    "type 2 diabetes and the metabolic syndrome.",
    "The moon raises two tides a day; the sun's pull makes spring and neap tides.",
    "Long-term potentiation and depression of synapses have been found in many brain areas.",
    "Medieval poetry and the history of troubadour song in Provence are retold.",
    "Tax policy, inflation and household savings in small open economies are compared.",
]


def test_a_small_batch_group_its_label_does_not_describe_keeps_only_the_papers_it_does() -> None:
    # 'Hair loss' was the label of seven papers of which two wrote it: a label must
    # describe the papers under it, so the five others go to "Other", listed last.
    papers = [make_paper(f"h{i}", text) for i, text in enumerate(HAIR_LOSS)] + [
        make_paper(f"u{i}", text) for i, text in enumerate(UNRELATED)
    ]
    ids = tuple(sorted(p.id for p in papers))
    found = grouping.Groups(tuple(papers), (ids,), (), tuple(range(len(papers))), True)
    themes = grouping.name_groups(found, dict)
    assert [t.label for t in themes] == ["Pattern hair loss", OTHER_LABEL]
    assert themes[0].paper_ids == ("h0", "h1")
    assert sorted(themes[1].paper_ids) == [f"u{i}" for i in range(len(UNRELATED))]
    assert themes[1].keywords == ()
    # Themes the user asked for, and a large batch's, are left as they were cut.
    (kept,) = grouping.name_groups(dataclasses.replace(found, loose_to_other=False), dict)
    assert kept.paper_ids == ids


def test_a_small_batch_group_sharing_no_phrase_goes_to_other_whole() -> None:
    papers = [make_paper(f"u{i}", text) for i, text in enumerate(UNRELATED)]
    ids = tuple(p.id for p in papers)
    found = grouping.Groups(tuple(papers), (ids[:3], ids[3:]), (), tuple(range(5)), True)
    (theme,) = grouping.name_groups(found, dict)
    assert theme == Theme(label=OTHER_LABEL, keywords=(), paper_ids=ids)


def test_every_theme_of_a_small_mixed_batch_has_a_phrase_two_of_its_papers_write() -> None:
    papers = [
        *(make_paper(f"g{i}", text) for i, text in enumerate(GALAXIES)),
        *(make_paper(f"p{i}", text) for i, text in enumerate(PROTEINS)),
        *(make_paper(f"h{i}", text) for i, text in enumerate(HAIR_LOSS)),
        *(make_paper(f"u{i}", text) for i, text in enumerate(UNRELATED)),
    ]
    themes = group_by_theme(papers)
    assert sorted(pid for t in themes for pid in t.paper_ids) == sorted(p.id for p in papers)
    assert themes[-1].label == OTHER_LABEL
    assert {pid[0] for pid in themes[-1].paper_ids} == {"u"}
    for theme in themes[:-1]:
        assert len({pid[0] for pid in theme.paper_ids}) == 1, theme


def test_an_other_theme_with_no_theme_beside_it_reads_papers() -> None:
    # Two papers sharing nothing both go to "Other": as the one section, other
    # than nothing, it is labelled "Papers" instead.
    papers = [make_paper(f"u{i}", text) for i, text in enumerate(UNRELATED[1:3])]
    assert themes_of(papers, dict, None) == (
        Theme(label=UNGROUPED_LABEL, keywords=(), paper_ids=("u0", "u1")),
    )
    # Beside a theme the team named in digest.toml, the papers left over are still "Other".
    tides = NamedTheme("Tides", ("tides",))
    assert themes_of(papers, dict, None, [tides]) == (
        Theme(label="Tides", keywords=("tides",), paper_ids=("u0",)),
        Theme(label=OTHER_LABEL, keywords=(), paper_ids=("u1",)),
    )
    # A named theme that matched no paper is not in the issue: "Papers" again.
    (alone,) = themes_of(papers, dict, None, [NamedTheme("Zebras", ("zebra",))])
    assert alone.label == UNGROUPED_LABEL
    # Beside an automatic theme, "Other" stays "Other", listed last.
    mixed = [make_paper(f"h{i}", text) for i, text in enumerate(HAIR_LOSS[:2])] + papers
    assert [t.label for t in themes_of(mixed, dict, None)][-1] == OTHER_LABEL


def test_a_paper_alone_in_its_group_joins_other_where_there_is_one() -> None:
    # Beside an "Other" of papers sharing nothing, a group of one is no theme either: a
    # reader would see one unrelated paper ("Brain areas") set up as a field.
    papers = [make_paper(f"h{i}", text) for i, text in enumerate(HAIR_LOSS)] + [
        make_paper(f"u{i}", text) for i, text in enumerate(UNRELATED)
    ]
    ids = [p.id for p in papers]
    groups = (tuple(ids[:2]), tuple(ids[2:4] + ids[5:]), (ids[4],))  # ids[4]: the synapses
    found = grouping.Groups(tuple(papers), groups, (), tuple(range(len(papers))), True)
    themes = grouping.name_groups(found, dict)
    assert [t.label for t in themes] == ["Pattern hair loss", OTHER_LABEL]
    assert sorted(themes[1].paper_ids) == [f"u{i}" for i in range(len(UNRELATED))]
    # Without an "Other", a paper alone keeps its theme, named by itself.
    alone = grouping.Groups(tuple(papers[:3]), (tuple(ids[:2]), (ids[2],)), (), (0, 1, 2), True)
    assert [len(t.paper_ids) for t in grouping.name_groups(alone, dict)] == [2, 1]
