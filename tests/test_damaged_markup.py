"""Damaged markup is an input problem: the HTML and JATS readers read around a declaration
Python's HTMLParser cannot parse, and a file the parser still refuses is reported by name.

On Python 3.11 `<![` followed by anything but a known keyword (`<![ endif]>`, garbage from a
damaged base64 part) raises AssertionError from _markupbase; that sank the whole load.
"""

from __future__ import annotations

import html.parser
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner

from digest.cli import main
from digest.loading import load_papers
from digest.readers import markup

MAIL = Path(__file__).resolve().parent / "fixtures" / "mail"
DAMAGED = MAIL / "scholar_damaged_declaration.html"
DECLARATIONS = ("<![ endif]>", "<![0]>", "<![foo[ x ]]>", "<![\x1e\\\x19H]>", "<![")


def test_an_alert_with_damaged_declarations_keeps_the_papers_after_them() -> None:
    corpus = load_papers([DAMAGED])
    assert [p.title for p in corpus.papers] == [
        "From Consumers to Critical Users: A Literacy Tool for Reading Model Outputs",
        "Teaching Critical Reading of Model Outputs",
    ]
    assert not corpus.skipped


READERS: dict[str, Callable[[str], str]] = {
    "html_to_text": markup.html_to_text,
    "html_blocks": lambda text: " ".join(markup.html_blocks(text)),
    "html_to_lines": markup.html_to_lines,
    "html_table_rows": lambda text: " ".join(
        " ".join(row.cells) for row in markup.html_table_rows(text)
    ),
    "jats_to_text": markup.jats_to_text,
}


@pytest.mark.parametrize("declaration", DECLARATIONS)
@pytest.mark.parametrize("reader", READERS)
def test_every_markup_reader_reads_past_a_damaged_declaration(
    reader: str, declaration: str
) -> None:
    row = "<tr><td><p>{}</p></td></tr>"
    text = f"<table>{row.format('Before it')}{declaration}{row.format('after it')}</table>"
    read = READERS[reader](text)
    assert "Before it" in read
    if declaration != "<![":  # an unclosed one at the very end holds the rest, as in HTML5
        assert "after it" in read


def test_well_formed_marked_sections_are_read_as_before() -> None:
    assert markup.html_to_text("<p>a <![CDATA[hidden]]> b <![if mso]>c<![endif]> d</p>") == (
        "a b c d"
    )


def test_markup_the_parser_still_refuses_names_the_file_and_the_rest_is_read(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Stands for any other refusal of the standard parser: the file is reported, with what
    # to do, and the other files are read.
    def refuse(self: html.parser.HTMLParser, i: int) -> int:
        raise AssertionError("we should not get here!")

    monkeypatch.setattr(html.parser.HTMLParser, "parse_endtag", refuse)
    result = CliRunner().invoke(main, ["load", str(DAMAGED), str(MAIL / "arxiv_base64.eml")])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    [at] = [i for i, line in enumerate(lines) if "cannot be read" in line]
    assert lines[at - 1].startswith(f"{DAMAGED}: scholar-alert, 0 records")
    line = lines[at]
    assert line.startswith("  whole file: skipped, HTML or XML markup that cannot be read")
    assert "we should not get here!" in line
    assert "fix or remove that markup, or export it again" in line
    assert "arxiv_base64.eml: email" in result.output


def test_a_tag_opening_that_never_closes_is_scanned_once(tmp_path: Path) -> None:
    # Fuzzing by hand: "<a" and 100,000 letters with no ">" after them in an abstract took
    # 48 s to load, the tag pattern trying every split of the letters between the tag's name
    # and the rest of it. It is no tag: the abstract is kept as it is.
    damaged = "We find x <a" + "a" * 100_000 + " and more."
    (tmp_path / "damaged.ris").write_text(
        f"TY  - JOUR\nTI  - A damaged abstract\nAB  - {damaged}\nER  - \n", encoding="utf-8"
    )
    [paper] = load_papers([tmp_path / "damaged.ris"]).papers
    assert paper.abstract == damaged
    assert markup.markup_to_text(damaged) == damaged
