"""Bibliography files recognised but not read: Hayagriva YAML (typst) and Word's
bibliography XML. Each is refused with the export to pass instead; none of its field lines
becomes a paper (as plain text, a Hayagriva `title:` or `author:` line of twelve words was one).

tests/fixtures/exports/ holds files written for these tests in the layouts the programs
write: hayagriva-docs.yml as Hayagriva's documentation does (four-space fields,
`author: [...]`, a `parent`), hayagriva-quoted.yml as a DOI-to-Hayagriva tool does (two
spaces, quoted values, `serial-number: doi:`, an `abstract`), word-sources.xml as Word's
Source Manager does (`b:Sources`, `b:Source`, `b:Author/b:Author/b:NameList`).
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


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (HAYAGRIVA_DOCS, "hayagriva"),
        (HAYAGRIVA_QUOTED, "hayagriva"),
        (WORD_SOURCES, "word-sources"),
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
