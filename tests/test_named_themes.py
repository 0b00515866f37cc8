from pathlib import Path

from digest.loading import load_papers
from digest.models import NamedTheme
from digest.named_themes import assign_named_themes
from digest.pipeline import group_papers
from digest.summarizing import summarize_papers

from factories import make_paper

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
ROBOTS = NamedTheme("Robotics", ("robot", "sim-to-real"))
DIALOGUE = NamedTheme("Dialogue", ("dialogue", "chatbot"))


def test_papers_go_to_the_theme_they_mention_most() -> None:
    papers = [
        make_paper("a", "A robot learns sim to real transfer of a dialogue policy."),
        make_paper("b", "We evaluate chatbot dialogue quality."),
        make_paper("c", "We study galaxies."),
        make_paper("d", "Robots and robotics."),  # 'robot' is not a whole word here
    ]
    themes, rest = assign_named_themes(papers, [ROBOTS, DIALOGUE])
    assert [(t.label, t.paper_ids) for t in themes] == [("Robotics", ("a",)), ("Dialogue", ("b",))]
    assert [p.id for p in rest] == ["c", "d"]


def test_ties_go_to_the_first_listed_and_empty_themes_are_dropped() -> None:
    papers = [make_paper("a", "A robot chatbot.")]
    themes, rest = assign_named_themes(papers, [DIALOGUE, ROBOTS, NamedTheme("X", ("none",))])
    assert [t.label for t in themes] == ["Dialogue"]
    assert rest == ()


def test_title_counts() -> None:
    papers = [make_paper("a", "We study things.", title="Chatbot evaluation")]
    themes, _ = assign_named_themes(papers, [DIALOGUE])
    assert themes[0].paper_ids == ("a",)


def test_a_keyword_matches_whole_words_in_any_case_and_hyphenation() -> None:
    randomization = NamedTheme("Randomization", ("domain randomization",))
    papers = [
        make_paper("a", "SIM-TO-REAL transfer of a Robot arm."),
        make_paper("b", "Domain-randomization and domain\nrandomization."),
        make_paper("c", "Simulation to reality."),
        make_paper("d", "A chatbots study."),  # 'chatbot' is not a whole word here
    ]
    themes, rest = assign_named_themes(papers, [ROBOTS, DIALOGUE, randomization])
    assert [(t.label, t.paper_ids) for t in themes] == [
        ("Robotics", ("a",)),
        ("Randomization", ("b",)),
    ]
    assert [p.id for p in rest] == ["c", "d"]


def test_naming_a_theme_leaves_the_automatic_themes_as_they_were() -> None:
    """The seeds' automatic themes, then the same with a named theme: the named theme takes
    its papers, and every automatic theme keeps its label, keywords, place and other papers
    (a theme left empty is dropped)."""
    papers = load_papers([SEEDS]).papers
    summaries = summarize_papers(papers)
    before = group_papers(papers, summaries, None)
    dialogue = NamedTheme("Dialogue", ("dialogue", "chatbot", "conversation"))
    after = group_papers(papers, summaries, None, [dialogue])
    assert after[0].label == "Dialogue"
    taken = set(after[0].paper_ids)
    assert 2 <= len(taken) < len(papers)
    expected = [
        (t.label, t.keywords, tuple(p for p in t.paper_ids if p not in taken)) for t in before
    ]
    assert [(t.label, t.keywords, t.paper_ids) for t in after[1:]] == [e for e in expected if e[2]]
