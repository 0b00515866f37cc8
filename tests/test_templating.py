import json
from pathlib import Path

import cmarkgfm
import pytest
from markdown_it import MarkdownIt

from digest import rendering
from digest.errors import TemplateError
from digest.rendering import issue_context, render_json, render_markdown
from digest.templating import (
    escape_markdown,
    make_environment,
    render_template,
    render_template_bytes,
)

from factories import make_entry, make_issue

HOSTILE = [
    "\n\n# Injected heading",
    "[x](javascript:alert(1))",
    "![img](https://evil.example/x.png)",
    "<script>alert(1)</script>",
    "**bold** and _em_ and `code`",
    "1. not a list",
    "- not a list",
    "> not a quote",
    "&lt;b&gt; entity",
    "a | table | row",
]


@pytest.mark.parametrize("text", HOSTILE)
def test_escaped_text_renders_literally(text: str) -> None:
    html = MarkdownIt("commonmark").render(escape_markdown(text))
    flat = " ".join(text.split())
    # One paragraph, no markup of ours, and the visible text equals the input.
    assert html.startswith("<p>") and html.count("<p>") == 1
    for tag in (
        "<h1",
        "<a ",
        "<img",
        "<script",
        "<strong",
        "<em",
        "<code",
        "<ol",
        "<ul",
        "<blockquote",
    ):
        assert tag not in html
    visible = html.removeprefix("<p>").removesuffix("</p>\n")
    unescaped = visible.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", '"')
    assert unescaped.replace("&amp;", "&") == flat


@pytest.mark.parametrize("label", ["Robotics #", "C ##", "#", "Q # A", "Issue #12 #"])
def test_a_heading_keeps_the_hashes_it_ends_with(label: str) -> None:
    # A heading drops a closing run of '#' after a space; the label keeps it.
    html = MarkdownIt("commonmark").render(f"## {escape_markdown(label)}\n")
    assert html == f"<h2>{label}</h2>\n"


BARE_LINKS = [
    "Code at https://evil.example/x?a=1 now",
    "See HTTP://EVIL.EXAMPLE or ftp://evil.example/f.",
    "Visit www.evil.example today",
    "(https://evil.example/in-brackets)",
]


@pytest.mark.parametrize("text", BARE_LINKS)
def test_bare_links_stay_text_on_github(text: str) -> None:
    gfm = cmarkgfm.github_flavored_markdown_to_html(escape_markdown(text))
    assert "<a" not in gfm
    assert gfm == f"<p>{text.replace('&', '&amp;')}</p>\n"
    assert MarkdownIt("commonmark").render(escape_markdown(text)) == gfm


def test_plain_prose_stays_readable() -> None:
    assert escape_markdown("R&D costs 5% more") == "R&D costs 5% more"


def test_user_template_wins_and_can_extend_default(tmp_path: Path) -> None:
    (tmp_path / "digest.md.j2").write_text(
        '{% extends "default/digest.md.j2" %}{% block header %}# Custom {{ title }}\n{% endblock %}'
    )
    env = make_environment(tmp_path)
    out = render_template(
        env,
        "digest.md.j2",
        number=1,
        updated=[],
        title="T",
        themes=[],
        date_long="",
        week="",
        paper_count=0,
        theme_count=0,
    )
    assert out.startswith("# Custom T\n")


def test_missing_template_names_every_folder(tmp_path: Path) -> None:
    env = make_environment(tmp_path)
    with pytest.raises(TemplateError) as info:
        render_template(env, "nope.md.j2")
    assert "'nope.md.j2' not found" in str(info.value)
    assert str(tmp_path) in str(info.value) and "templates" in str(info.value)


def test_syntax_error_names_file_and_line(tmp_path: Path) -> None:
    (tmp_path / "digest.md.j2").write_text("line one\n{% for x in %}\n")
    env = make_environment(tmp_path)
    with pytest.raises(TemplateError, match=r"digest\.md\.j2:2: template syntax error"):
        render_template(env, "digest.md.j2")


def test_missing_templates_folder_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(TemplateError, match="no such templates folder"):
        make_environment(tmp_path / "absent")


def test_bytes_rendering_is_the_encoded_text(tmp_path: Path) -> None:
    env = make_environment()
    context = issue_context(make_issue())
    text = render_template(env, "digest.md.j2", **context)
    assert render_template_bytes(env, "digest.md.j2", **context) == text.encode("utf-8")
    assert render_markdown(context, env) == text.encode("utf-8")


def test_templates_read_keys_of_data_and_attributes_of_objects(tmp_path: Path) -> None:
    (tmp_path / "t.txt.j2").write_text("{{ d.title }} {{ d.items() | list | length }} {{ o.real }}")
    env = make_environment(tmp_path)
    assert render_template(env, "t.txt.j2", d={"title": "T"}, o=3) == "T 1 3"
    (tmp_path / "u.txt.j2").write_text("{{ d.missing }}")
    with pytest.raises(TemplateError, match="has no attribute 'missing'"):
        render_template(env, "u.txt.j2", d={"title": "T"})


def test_json_has_one_paper_a_line_whatever_the_text(monkeypatch: pytest.MonkeyPatch) -> None:
    # Batches of two, so that lines are joined within and across batches; text that looks
    # like the end of one paper and the start of the next must stay text.
    monkeypatch.setattr(rendering, "_PAPERS_PER_BATCH", 2)
    tricky = 'A "quote", a brace }, {"id": "x"} and Ünïcode — 😀.'
    entries = [
        make_entry(f"p{i}", f"Paper {i}", tricky if i == 2 else f"We do {i}.") for i in range(5)
    ]
    issue = make_issue({"Only": entries}, updated=(make_entry("u1", "Updated", tricky),))
    context = issue_context(issue)
    text = render_json(context).decode("utf-8")
    data = json.loads(text)
    assert [p["id"] for p in data["themes"][0]["papers"]] == [f"p{i}" for i in range(5)]
    assert data["themes"][0]["papers"][2]["summary"] == tricky
    assert data["updated"][0]["summary"] == tricky
    lines = text.splitlines()
    for paper in data["themes"][0]["papers"]:
        line = "        " + json.dumps(paper, ensure_ascii=False)
        assert line in lines or line + "," in lines
    assert "    " + json.dumps(data["updated"][0], ensure_ascii=False) in lines


def test_json_of_an_issue_without_themes_or_updates() -> None:
    data = json.loads(render_json(issue_context(make_issue({}))))
    assert data["themes"] == [] and data["updated"] == [] and data["paper_count"] == 0
