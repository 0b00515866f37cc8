"""Bibliography files recognised but not read: Hayagriva YAML (typst), Word's bibliography
XML and any other XML document no XML reader takes. Each is refused with the export to pass
instead; none of its field lines becomes a paper (as plain text, a Hayagriva `title:` or
`author:` line of twelve words was one, and so was a search API's `<info>` line of markup).

tests/fixtures/exports/ holds files written for these tests in the layouts the programs
write: hayagriva-docs.yml as Hayagriva's documentation does (four-space fields,
`author: [...]`, a `parent`), hayagriva-quoted.yml as a DOI-to-Hayagriva tool does (two
spaces, quoted values, `serial-number: doi:`, an `abstract`), word-sources.xml as Word's
Source Manager does (`b:Sources`, `b:Source`, `b:Author/b:Author/b:NameList`),
search-api-hits.xml as dblp's publication search API answers (`result`, `hits`, `hit`, each
`info` on one line).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from digest.errors import InputError
from digest.loading import load_papers
from digest.readers import sniff_format

EXPORTS = Path(__file__).resolve().parent / "fixtures" / "exports"
HAYAGRIVA_DOCS = (EXPORTS / "hayagriva-docs.yml").read_text(encoding="utf-8")
HAYAGRIVA_QUOTED = (EXPORTS / "hayagriva-quoted.yml").read_text(encoding="utf-8")
WORD_SOURCES = (EXPORTS / "word-sources.xml").read_text(encoding="utf-8")
SEARCH_HITS = (EXPORTS / "search-api-hits.xml").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (HAYAGRIVA_DOCS, "hayagriva"),
        (HAYAGRIVA_QUOTED, "hayagriva"),
        (WORD_SOURCES, "word-sources"),
        (SEARCH_HITS, "other-xml"),
    ],
)
def test_recognised_by_content(text: str, name: str) -> None:
    assert sniff_format(text).name == name
    assert sniff_format("\ufeff" + text.replace("\n", "\r\n")).name == name


@pytest.mark.parametrize(
    ("text", "said"),
    [
        (HAYAGRIVA_DOCS, "a Hayagriva YAML bibliography (typst's) is not read: pass the BibTeX"),
        (HAYAGRIVA_QUOTED, "a Hayagriva YAML bibliography (typst's) is not read: pass the BibTeX"),
        (WORD_SOURCES, "Word's bibliography XML (b:Sources) is not read: Word keeps no abstracts"),
        (SEARCH_HITS, "an XML document of a kind digest does not read (root element <result>)"),
    ],
)
def test_refused_with_the_export_to_pass_and_no_field_line_a_paper(
    tmp_path: Path, text: str, said: str
) -> None:
    (tmp_path / "refs.txt").write_text(text, encoding="utf-8")
    with pytest.raises(InputError) as error:
        load_papers([tmp_path])
    message = str(error.value)
    assert f"refs.txt: {said}" in message
    assert "not an abstract" not in message  # no line reported one by one


def test_a_refused_file_does_not_sink_the_others(tmp_path: Path) -> None:
    (tmp_path / "refs.yml").write_text(HAYAGRIVA_DOCS, encoding="utf-8")
    (tmp_path / "abstracts.txt").write_text(
        "Abstract: We study sparse retrieval at scale and find that inverted indexes keep up "
        "with dense retrievers on twelve benchmarks.\n",
        encoding="utf-8",
    )
    corpus = load_papers([tmp_path])
    assert [p.abstract[:25] for p in corpus.papers] == ["We study sparse retrieval"]
    [skipped] = [s for s in corpus.skipped if s.path.endswith("refs.yml")]
    assert skipped.reason.startswith("a Hayagriva YAML bibliography")


@pytest.mark.parametrize(
    "text",
    [
        # A GitHub workflow, docker-compose and a Jekyll data list are YAML, not Hayagriva.
        "name: CI\non: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n",
        "services:\n  web:\n    image: nginx\n    title: front end\n",
        "- title: Sparse retrieval at scale\n  type: article\n  parent:\n    title: IRJ\n",
        # Notes whose first line is a heading with a colon, then indented text.
        "Reading list:\n  title: ideas for the week\n  then the abstracts below.\n",
    ],
)
def test_other_yaml_and_notes_are_not_hayagriva(text: str) -> None:
    assert sniff_format(text).name != "hayagriva"


@pytest.mark.parametrize(
    "text",
    [
        # No declaration, and a root declaring a namespace: an ORCID record.
        '<record:record path="/0000-0002-1825-0097" xmlns:record="http://www.orcid.org/ns/record">'
        "\n<work:title>Sparse retrieval at scale</work:title>\n</record:record>\n",
        # A declaration, a comment and a DOCTYPE before the root.
        '<?xml version="1.0"?>\n<!-- saved 2024-05-01 -->\n<!DOCTYPE export SYSTEM "e.dtd">\n'
        "<export><item>Sparse retrieval at scale</item></export>\n",
    ],
)
def test_other_xml_documents_are_refused_by_their_root(text: str) -> None:
    assert sniff_format(text).name == "other-xml"


@pytest.mark.parametrize(
    "text",
    [
        # A README opening with HTML, notes with a tag in them, an XHTML page.
        '<div align="center">\n\n# Sparse retrieval\n\n</div>\n\nAbstract: We study it.\n',
        "<b>Sparse retrieval at scale</b>\nWe study sparse retrieval at scale and find that "
        "inverted indexes keep up with dense retrievers on twelve benchmarks.\n",
        '<?xml version="1.0" encoding="UTF-8"?>\n<html xmlns="http://www.w3.org/1999/xhtml">'
        "<body><p>Sparse retrieval</p></body></html>\n",
    ],
)
def test_html_and_notes_opening_with_a_tag_are_not_other_xml(text: str) -> None:
    assert sniff_format(text).name != "other-xml"
