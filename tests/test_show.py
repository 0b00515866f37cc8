"""`digest show` in each format, and hostile text that must stay literal in every output."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from markdown_it import MarkdownIt

from digest.cli import main

HOSTILE_TITLE = "Robots\n\n# Injected heading [x](javascript:alert(1)) <script>alert(2)</script>"
HOSTILE_ABSTRACT = (
    "We introduce a robot hand with <script>alert(3)</script> and a "
    "[link](javascript:alert(4)) and ![img](https://evil.example/p.png) and <!channel> here. "
    "It learns dexterous manipulation in simulation and transfers to the real robot."
)

# The hostile paper has no link of its own (a javascript: URL is none): it gets a search for
# its title, every character of it escaped.
EVIL_SEARCH = (
    "https://scholar.google.com/scholar?q=Robots+%23+Injected+heading+"
    "%5Bx%5D%28javascript%3Aalert%281%29%29+%3Cscript%3Ealert%282%29%3C%2Fscript%3E"
)


def build(rows: list[dict[str, str]]) -> None:
    Path("inbox").mkdir()
    Path("inbox/p.jsonl").write_text("\n".join(json.dumps(r) for r in rows) + "\n")
    result = CliRunner().invoke(main, ["build", "inbox", "--date", "2026-11-16", "-q"])
    assert result.exit_code == 0, result.output


def show(*args: str) -> Result:
    return CliRunner().invoke(main, ["show", *args])


@pytest.fixture
def hostile_issue() -> None:
    build(
        [
            {
                "id": "evil",
                "title": HOSTILE_TITLE,
                "abstract": HOSTILE_ABSTRACT,
                "url": "javascript:alert(5)",
            },
            {
                "id": "good",
                "abstract": "We present a dialogue metric that matches people well. "
                "It correlates with human judgements on three datasets.",
                "url": "https://arxiv.org/abs/2101.00001",
            },
        ]
    )


class Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.hrefs: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.hrefs += [v or "" for k, v in attrs if k == "href"]


def html_tags(html: str) -> Tags:
    parser = Tags()
    parser.feed(html)
    return parser


@pytest.mark.usefixtures("hostile_issue")
def test_markdown_renders_hostile_text_literally() -> None:
    result = show("--format", "markdown")
    assert result.exit_code == 0, result.output
    html = MarkdownIt("commonmark").render(result.output)
    tags = html_tags(html)
    assert "h1" not in tags.tags and "script" not in tags.tags and "img" not in tags.tags
    assert all(h.startswith("https://") for h in tags.hrefs), tags.hrefs
    assert "# Injected heading" in html  # still there, as text


@pytest.mark.usefixtures("hostile_issue")
def test_every_output_file_keeps_hostile_text_inert() -> None:
    out = Path("out")
    md_html = MarkdownIt("commonmark").render((out / "digest.md").read_text())
    for html in (md_html, (out / "email.html").read_text(), (out / "index.html").read_text()):
        tags = html_tags(html)
        assert "script" not in tags.tags
        assert not [h for h in tags.hrefs if h.lower().startswith("javascript")]
    assert "<script>" not in (out / "feed.xml").read_text().replace("&lt;script&gt;", "")


@pytest.mark.usefixtures("hostile_issue")
def test_slack_escapes_links_and_mentions() -> None:
    result = show("--format", "slack")
    assert result.exit_code == 0
    # The only <...> in the output are our own links, to https URLs.
    links = re.findall(r"<([^>|]*)", result.output)
    assert sorted(links) == ["https://arxiv.org/abs/2101.00001", EVIL_SEARCH]
    assert "(<" + EVIL_SEARCH + "|no link: search for it>)" in result.output
    assert "&lt;!channel&gt;" in result.output
    assert "&lt;script&gt;" in result.output


@pytest.mark.usefixtures("hostile_issue")
def test_html_fragment_is_escaped() -> None:
    result = show("--format", "html")
    assert result.exit_code == 0
    tags = html_tags(result.output)
    assert set(tags.tags) <= {"h2", "h3", "ul", "li", "strong", "a"}
    assert sorted(tags.hrefs) == ["https://arxiv.org/abs/2101.00001", EVIL_SEARCH]
    assert not result.output.lstrip().startswith("<!DOCTYPE")


@pytest.mark.usefixtures("hostile_issue")
def test_one_paper_and_one_theme_and_errors() -> None:
    paper = show("good", "--format", "text")
    assert paper.exit_code == 0
    lines = paper.output.splitlines()
    assert lines[0].startswith("* ") and "https://arxiv.org/abs/2101.00001" in paper.output
    assert "==" not in paper.output  # one paper: no theme heading
    label = json.loads(Path("out/digest.json").read_text())["themes"][0]["label"]
    themed = show("--theme", label.upper(), "--format", "text")
    assert themed.exit_code == 0 and themed.output.startswith(f"== {label} ==")
    missing = show("--theme", "No such theme")
    assert missing.exit_code == 1
    assert missing.output.startswith("Error: no theme 'No such theme' in issue 1 (2026-W47)")
    assert show("nope").output.startswith("Error: no paper 'nope' in issue 1")
    assert show("--issue", "7").output.startswith("Error: no issue 7 in")


def test_show_before_any_build_says_what_to_do() -> None:
    result = show()
    assert result.exit_code == 1
    assert "no issues yet; run digest build first" in result.output


def build_weeks() -> None:
    """Two issues: an arXiv paper with a DOI in the first, another paper in the second."""
    Path("inbox").mkdir()
    first = {
        "id": "gsm8k",
        "title": "GSM8K",
        "abstract": "We introduce GSM8K, a dataset of grade school math word problems. "
        "It shows that verifiers improve the accuracy of language models on such problems.",
        "url": "https://arxiv.org/abs/2110.14168v2",
        "doi": "10.1000/XYZ.123",
        "pmid": "34567890",
    }
    second = {
        "id": "dialogue-metric",
        "abstract": "We present a dialogue metric that matches people well. "
        "It correlates with human judgements on three datasets.",
    }
    for date, row in (("2026-11-09", first), ("2026-11-16", second)):
        Path(f"inbox/{row['id']}.jsonl").write_text(json.dumps(row) + "\n")
        args = ["build", "inbox", "--date", date, "-q"]
        result = CliRunner().invoke(main, args)
        assert result.exit_code == 0, result.output


@pytest.mark.parametrize(
    "ref",
    [
        "gsm8k",
        "2110.14168",
        "arXiv:2110.14168",
        "ARXIV:2110.14168v2",
        "2110.14168v1",
        "https://arxiv.org/abs/2110.14168v2",
        "10.48550/arXiv.2110.14168",
        "10.1000/xyz.123",
        "doi:10.1000/XYZ.123",
        "https://doi.org/10.1000/XYZ.123",
        "34567890",
        "PMID: 34567890",
        "https://pubmed.ncbi.nlm.nih.gov/34567890/",
    ],
)
def test_a_paper_of_any_past_issue_by_any_of_its_ids(ref: str) -> None:
    build_weeks()
    result = show(ref, "--format", "text")
    assert result.exit_code == 0, result.output
    assert result.output.startswith("* GSM8K\n")
    assert "https://arxiv.org/abs/2110.14168" in result.output


def test_a_paper_not_found_says_where_it_is_or_how_to_ask() -> None:
    build_weeks()
    elsewhere = show("2110.14168", "--issue", "2")
    assert elsewhere.exit_code == 1
    assert elsewhere.output == (
        "Error: no paper '2110.14168' in issue 2 (2026-W47), but issue 1 (2026-W46) has it: "
        "drop --issue, or pass --issue 1\n"
    )
    missing = show("2110.14186")
    assert missing.exit_code == 1
    assert missing.output == (
        "Error: no paper '2110.14186' in issues 1 to 2; give its id (digest.json lists them), "
        "its arXiv id (2110.14168, arXiv:2110.14168v2), its DOI or its PMID, or find it by "
        "words in "
        "search.html\n"
    )
    typo = show("dialogue-metrc")
    assert "did you mean dialogue-metric? " in typo.output


def test_show_help_describes_its_own_formats() -> None:
    result = CliRunner().invoke(main, ["show", "-h"])
    assert result.exit_code == 0
    flat = " ".join(result.output.split())
    assert "JSON" not in flat
    assert "markdown (CommonMark: Notion, Confluence, GitHub), slack (Slack's mrkdwn)" in flat
    assert "[default: markdown]" in flat
