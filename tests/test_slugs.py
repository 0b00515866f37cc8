"""Every named theme has its own bounded, stable folder and HTML id, whatever its label."""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path

import feedparser
import pytest
from click.testing import CliRunner

from digest.cli import main
from digest.config import parse_settings
from digest.errors import ConfigError
from digest.models import slugify, unique_slugs
from digest.rendering import ANCHOR_MAX, paper_anchor

LONG = "very long label " * 19  # 304 characters


def test_readable_labels_keep_their_readable_slug() -> None:
    assert slugify("Dialogue evaluation") == "dialogue-evaluation"
    assert slugify("Robotics and sim-to-real") == "robotics-and-sim-to-real"
    assert slugify("Café & Crème") == "cafe-creme"


@pytest.mark.parametrize("label", ["..", "/", "机器人", "视觉", "Робототехника", LONG, ""])
def test_labels_a_plain_slug_would_lose_get_a_hash_and_stay_short(label: str) -> None:
    slug = slugify(label)
    assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*-[0-9a-f]{8}", slug), slug
    assert len(slug) <= 69
    assert slugify(label) == slug  # stable


def test_labels_that_used_to_share_a_folder_no_longer_do() -> None:
    labels = ["..", "机器人", "视觉", "/", "Робототехника", LONG, LONG + "x"]
    assert len({slugify(label) for label in labels}) == len(labels)
    # Stable across runs and versions: the hash is of the label itself.
    assert slugify("机器人") == "theme-" + hashlib.sha256("机器人".encode()).hexdigest()[:8]


def test_ids_on_one_page_are_unique_and_the_first_keeps_its_own() -> None:
    assert unique_slugs(["Robotics", "robotics", "ROBOTICS!", "Vision"]) == [
        "robotics",
        "robotics-2",
        "robotics-3",
        "vision",
    ]


@pytest.mark.parametrize(
    "labels",
    [("Robotics", "robotics"), ("Robotics", "Robotics"), ("Sim-to-real", "sim to real")],
)
def test_named_themes_that_would_share_a_folder_are_refused(labels: tuple[str, str]) -> None:
    data = {"theme": [{"label": label, "keywords": ["robot"]} for label in labels]}
    with pytest.raises(ConfigError) as caught:
        parse_settings(data, Path("digest.toml"))
    slug = slugify(labels[0])
    assert str(caught.value) == (
        f"digest.toml: theme[2].label {labels[1]!r} would share the feed folder themes/{slug}/ "
        f"with theme[1] ({labels[0]!r}); give them labels that differ in more than case, "
        "accents or punctuation"
    )


def test_each_named_theme_gets_its_own_feed_and_anchor() -> None:
    named = {"..": "lidar", "机器人": "robot", "视觉": "vision", LONG.strip(): "galaxy"}
    Path("digest.toml").write_text(
        "".join(
            f"[[theme]]\nlabel = {json.dumps(label)}\nkeywords = [{json.dumps(word)}]\n"
            for label, word in named.items()
        ),
        encoding="utf-8",
    )
    rows = [
        {"id": f"{word}-{i}", "abstract": f"We introduce a {word} method number {i}. It works."}
        for word in named.values()
        for i in range(2)
    ]
    Path("inbox").mkdir()
    Path("inbox/p.jsonl").write_text("\n".join(json.dumps(r) for r in rows) + "\n")
    site = "https://lab.example.org/digest/"
    args = ["build", "inbox", "--date", "2026-11-16", "--site-url", site]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.output
    page = Path("out/issues/2026-W47.html").read_text(encoding="utf-8")
    ids = re.findall(r'<h2 id="([^"]+)"', page)
    assert len(ids) == len(set(ids)) >= len(named)
    for label, word in named.items():
        slug = slugify(label)
        assert slug in ids
        feed = feedparser.parse(Path(f"out/themes/{slug}/feed.xml").read_bytes())
        assert not feed.bozo
        assert [e.link for e in feed.entries] == [f"{site}issues/2026-W47.html#{slug}"]
        content = feed.entries[0].content[0].value
        assert f"{word} method" in content
        assert all(f"{other} method" not in content for other in named.values() if other != word)


# --- paper anchors ---------------------------------------------------------------------------


def test_a_paper_anchor_keeps_a_readable_id_as_it_is() -> None:
    assert paper_anchor("2110.14168") == "p-2110.14168"
    assert paper_anchor("abs-0123456789ab") == "p-abs-0123456789ab"
    assert paper_anchor("doi:10.1/x y") == "p-doi_3a_10.1_2f_x_20_y"


def test_a_huge_paper_id_gets_a_short_anchor_unique_and_stable() -> None:
    huge = "x" * 1_000_000
    anchor = paper_anchor(huge)
    assert len(anchor) <= ANCHOR_MAX
    assert anchor == paper_anchor(huge)  # the same every week
    assert anchor.startswith("p-xxxx")
    # Ids that differ only far past the cut keep different anchors, as do cut and uncut ones.
    ids = [huge, huge + "y", "é" * 40, "é" * 41, "x" * 98, "x" * 99, "x" * 200]
    anchors = [paper_anchor(i) for i in ids]
    assert len(set(anchors)) == len(ids)
    assert all(len(a) <= ANCHOR_MAX for a in anchors)
    assert re.fullmatch(r"p-[A-Za-z0-9._-]+", anchors[0])


def test_a_build_with_a_huge_paper_id_links_it_by_its_short_anchor(tmp_path: Path) -> None:
    inbox = tmp_path / "in"
    inbox.mkdir()
    huge = "id-" + "z" * 100_000
    abstract = "We study how a very long identifier travels through a build. It stays put."
    (inbox / "a.jsonl").write_text(json.dumps({"id": huge, "abstract": abstract}) + "\n")
    args = ["build", str(inbox), "--out", "out", "--date", "2026-11-16", "-q"]
    result = CliRunner().invoke(main, args, catch_exceptions=False)
    assert result.exit_code == 0, result.output
    page = Path("out/issues/2026-W47.html").read_text(encoding="utf-8")
    assert f'id="{paper_anchor(huge)}"' in page
    assert "z" * 1000 not in Path("out/search-data.js").read_text(encoding="utf-8")
