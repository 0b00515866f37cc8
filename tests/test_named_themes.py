from digest.models import NamedTheme
from digest.named_themes import assign_named_themes

from factories import make_paper

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
