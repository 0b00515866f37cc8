from pathlib import Path

import pytest
from markdown_it import MarkdownIt

from digest.errors import TemplateError
from digest.templating import escape_markdown, make_environment, render_template

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
