"""Loading is linear in every shape of input, and a hostile JSON file sinks only itself.

No test here reads a clock: work is counted instead. `python_steps` counts the lines of
digest's own code that run (a deterministic count, the same on a busy machine as on an idle
one); `_ScanCounting` counts the characters the reader's string searches go over, which the
line count cannot see. Doubling the input must about double either count: a quadratic step
(counting lines from the start of the file for each record, trying every earlier suffix for a
repeated id, comparing a record with every earlier one sharing its abstract) makes it grow
four times. bench/json_scale.py prints the timings these counts stand for.
"""

from __future__ import annotations

import json
import re
import sys
from collections import UserList
from collections.abc import Callable
from pathlib import Path
from types import FrameType
from typing import Any

import pytest

from digest.loading import load_papers
from digest.readers import arxiv_pages, markup, saved_feeds, sniff_format, xml_documents
from digest.readers.arxiv_list_pages import (
    looks_like_arxiv_list_page,
    looks_like_arxiv_search_page,
    parse_arxiv_list_page,
    parse_arxiv_search_page,
)
from digest.readers.bibtex import parse_bibtex
from digest.readers.pasted.fields import labelled_field
from digest.readers.scholarly_json import apis

DIGEST = str(Path(__file__).resolve().parent.parent / "digest")


def python_steps(run: Callable[[], object]) -> int:
    """How many lines of digest's own code `run` executes."""
    steps = 0

    def local(frame: FrameType, event: str, arg: Any) -> Any:
        nonlocal steps
        if event == "line":
            steps += 1
        return local

    def tracer(frame: FrameType, event: str, arg: Any) -> Any:
        return local if frame.f_code.co_filename.startswith(DIGEST) else None

    sys.settrace(tracer)
    try:
        run()
    finally:
        sys.settrace(None)
    return steps


def abstract(i: int) -> str:
    return f"We study problem {i} and show that method {i * 7} works on {i % 13 + 2} benchmarks."


def _grows_linearly(count: Callable[[int], int], size: int) -> tuple[int, int]:
    return count(size), count(2 * size)


def test_records_sharing_one_id_are_renamed_in_linear_steps(tmp_path: Path) -> None:
    # 20,000 records all saying "p1" took 33 s: each tried every suffix before its own.
    def steps(n: int) -> int:
        path = tmp_path / f"same_id_{n}.jsonl"
        rows = [{"id": "p1", "abstract": abstract(i)} for i in range(n)]
        path.write_text("".join(json.dumps(row) + "\n" for row in rows), encoding="utf-8")
        corpus = load_papers([path])
        assert [p.id for p in corpus.papers[:3]] == ["p1", "p1-2", "p1-3"]
        assert len({p.id for p in corpus.papers}) == n
        return python_steps(lambda: load_papers([path]))

    one, two = _grows_linearly(steps, 400)
    assert two < 2.3 * one, (one, two)


def test_records_sharing_one_abstract_merge_in_linear_steps(tmp_path: Path) -> None:
    # Each record sharing an abstract was compared with every record merged before it.
    def steps(n: int) -> int:
        path = tmp_path / f"same_text_{n}.jsonl"
        rows = [{"title": f"Copy {i}", "abstract": abstract(1)} for i in range(n)]
        path.write_text("".join(json.dumps(row) + "\n" for row in rows), encoding="utf-8")
        corpus = load_papers([path])
        assert len(corpus.papers) == 1 and len(corpus.merges) == n - 1
        return python_steps(lambda: load_papers([path]))

    one, two = _grows_linearly(steps, 400)
    assert two < 2.3 * one, (one, two)


def test_records_sharing_an_abstract_but_not_their_doi_stay_apart(tmp_path: Path) -> None:
    rows = [
        {"doi": "10.1000/a", "abstract": abstract(1)},
        {"abstract": abstract(1)},  # joins the first: no DOI of its own
        {"doi": "10.1000/B", "abstract": abstract(1)},  # conflicts: another DOI
        {"doi": "10.1000/A", "abstract": abstract(1)},  # the first's DOI, another case
    ]
    path = tmp_path / "a.jsonl"
    path.write_text("".join(json.dumps(row) + "\n" for row in rows), encoding="utf-8")
    corpus = load_papers([path])
    assert [(p.doi, len(p.sources)) for p in corpus.papers] == [("10.1000/a", 3), ("10.1000/B", 1)]


class _ScanCounting(str):
    """A text that counts the characters its own searches go over."""

    scanned = 0

    def _span(self, start: Any, end: Any) -> None:
        begin = 0 if start is None else start if start >= 0 else len(self) + start
        stop = len(self) if end is None else end if end >= 0 else len(self) + end
        type(self).scanned += max(0, stop - begin)

    def count(self, sub: str, start: Any = None, end: Any = None) -> int:  # type: ignore[override]
        self._span(start, end)
        return super().count(sub, start, end)

    def find(self, sub: str, start: Any = None, end: Any = None) -> int:  # type: ignore[override]
        self._span(start, end)
        return super().find(sub, start, end)

    def index(self, sub: str, start: Any = None, end: Any = None) -> int:  # type: ignore[override]
        self._span(start, end)
        return super().index(sub, start, end)

    def rfind(self, sub: str, start: Any = None, end: Any = None) -> int:  # type: ignore[override]
        self._span(start, end)
        return super().rfind(sub, start, end)


def test_a_json_array_is_read_with_linear_scanning() -> None:
    # 20,000 objects took 47 s (the same records as JSONL: 0.8 s): each object's line was
    # counted from the start of the file.
    def scanned(n: int) -> int:
        rows = [{"id": f"p{i}", "abstract": abstract(i)} for i in range(n)]
        text = _ScanCounting(json.dumps(rows, indent=2))
        _ScanCounting.scanned = 0
        parsed = sniff_format(text).parse(text)
        assert len(parsed.records) == n
        assert parsed.records[-1].line == 4 * (n - 1) + 2  # each object is 4 lines
        return _FindCounting.scanned + len(text)

    small, large = scanned(500), scanned(1000)
    assert large < 2.3 * small, (small, large)


def test_xml_pasted_into_a_note_is_read_with_linear_scanning() -> None:
    # 20,000 items pasted into a Markdown note took 12 s: each item's line was counted
    # from the start of the paste.
    def scanned(n: int) -> int:
        items = [
            f"<item><title>Paper {i}</title><description>{abstract(i)}</description></item>"
            for i in range(n)
        ]
        chunk = _ScanCounting('<rss version="2.0"><channel>\n' + "\n".join(items) + "\n</rss>")
        _ScanCounting.scanned = 0
        found = arxiv_pages.xml_items(5, chunk)
        assert [item.line for item in found[-2:]] == [5 + n - 1, 5 + n]
        assert found[-1].fields["title"] == f"Paper {n - 1}"
        return _ScanCounting.scanned + len(chunk)

    small, large = scanned(500), scanned(1000)
    assert large < 2.3 * small, (small, large)


def test_damage_in_every_record_of_an_xml_file_is_read_around_in_linear_steps(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # A bare "&" in every abstract of a 16,000-entry feed took about 30 s: each restart
    # after damage fed expat a newline for every line before it, and a 1 MB slice.
    fed = 0
    parser_class = xml_documents.safe_xml.XMLParser

    class _FeedCounting(parser_class):  # type: ignore[misc, valid-type]
        def feed(self, data: str) -> None:
            nonlocal fed
            fed += len(data)
            super().feed(data)

    monkeypatch.setattr(xml_documents.safe_xml, "XMLParser", _FeedCounting)

    def characters_fed(n: int) -> int:
        nonlocal fed
        entries = "".join(
            f"<entry>\n<id>p{i}</id>\n<title>Paper {i}</title>\n"
            f"<summary>{abstract(i)} &amp; so on & on.</summary>\n</entry>\n"
            for i in range(n)
        )
        text = (
            f'<?xml version="1.0"?>\n<feed xmlns="http://www.w3.org/2005/Atom">\n{entries}</feed>\n'
        )
        fed = 0
        parsed = saved_feeds.parse_feed(text)
        assert not parsed.records
        assert [p.line for p in parsed.problems[-2:]] == [3 + 5 * (n - 2) + 3, 3 + 5 * (n - 1) + 3]
        return fed

    small, large = characters_fed(300), characters_fed(600)
    assert large < 2.3 * small, (small, large)


def test_an_abstract_inside_thousands_of_brace_pairs_is_unwrapped_in_linear_steps() -> None:
    # A BibTeX abstract inside 25,000 more pairs of braces took 71 s to load: each pair was
    # taken off after a scan of all that was left, to see that its brace closes at the end.
    def steps(n: int) -> int:
        text = "@article{k, title={T}, abstract={" + "{" * n + abstract(1) + "}" * n + "}}\n"
        [record] = parse_bibtex(text).records
        assert record.abstract == abstract(1)
        return python_steps(lambda: parse_bibtex(text))

    one, two = _grows_linearly(steps, 300)
    assert two < 2.3 * one, (one, two)


def test_unclosed_highwire_figures_are_not_searched_for_their_ends_again_and_again(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # A bioRxiv abstract with 20,000 "O_FIG" marks and no "C_FIG" took 16 s: the block
    # pattern scanned from each opening to the end. Now it is given the text up to a
    # kind's last closing mark only (none here: nothing to search for figures).
    searched: dict[str, int] = {}

    class Counting:
        def __init__(self, kind: str, pattern: Any) -> None:
            self.kind, self.pattern = kind, pattern

        def sub(self, repl: str, text: str) -> str:
            searched[self.kind] = searched.get(self.kind, 0) + len(text)
            return str(self.pattern.sub(repl, text))

    blocks = {kind: Counting(kind, p) for kind, p in apis._HIGHWIRE_BLOCKS.items()}
    monkeypatch.setattr(apis, "_HIGHWIRE_BLOCKS", blocks)
    opened = "O_FIG Figure. " * 2000
    text = "We count owls. O_TBL Table C_TBL Then again. " + opened
    read = " ".join(apis.highwire_free(text).split())
    assert read.startswith("We count owls. Then again. O_FIG")
    assert searched == {"TBL": len("We count owls. O_TBL Table C_TBL")}


def test_highwire_marks_after_long_runs_of_spaces_and_unclosed_subheadings_read_once() -> None:
    # 100,000 spaces before a list item's end took 34 s, each space of the run tried as the
    # start of "\s*C_LI"; 20,000 "O_ST_ABS" marks closing nowhere 42 s, each scanned to the end.
    spaced = "We count owls." + " " * 100_000 + "C_LI Then " + "\n" * 100_000 + "C_LI again."
    assert apis.highwire_free(spaced) == "We count owls. Then; again."
    unclosed = "O_ST_ABSCountC_ST_ABS We count owls. " + "O_ST_ABS " * 100_000
    assert apis.highwire_free(unclosed).startswith(" Count: We count owls. O_ST_ABS O_ST_ABS")


def test_a_bullet_before_a_long_run_of_spaces_is_tried_as_a_field_label_once(
    tmp_path: Path,
) -> None:
    # A Markdown paper list whose "---" rule had 100,000 spaces pasted into it ("-", the
    # spaces, "--") was read for more than 40 minutes (8,000 spaces: 40 s): the field-label
    # pattern gave back the spaces after the "-" bullet one at a time, and for each tried
    # every label up to 40 characters against the rest of the run.
    assert labelled_field("-" + " " * 100_000 + "--") is None
    assert labelled_field("- " + " " * 100_000 + "x" * 50 + ":") is None
    assert labelled_field("-" + " " * 100_000 + "Title: Owls") == ("title", "title", "Owls")
    entry = "## Owls at night\n\n**Abstract**: We count owls at night in two forests.\n"
    (tmp_path / "list.md").write_text(
        f"{entry}\n-{' ' * 100_000}--\n\n{entry.replace('Owls', 'Bats').replace('owls', 'bats')}",
        encoding="utf-8",
    )
    assert [p.title for p in load_papers([tmp_path]).papers] == ["Owls at night", "Bats at night"]


def test_arxiv_list_and_search_pages_nested_thousands_deep_are_read_in_linear_steps() -> None:
    # Unclosed elements inside a listed paper: what each piece of text is part of, and
    # whether an end tag closes anything, are answered without walking the open elements.
    def steps(n: int) -> int:
        text = (
            "<dt><a href='/abs/2411.00001'>x</a></dt><dd><div class='list-title'>T</div>"
            + "<div><span>a</span>" * n
            + "<p>An abstract.</p>"
            + "</b>" * n
            + "</dd>"
        )
        result = (
            "<li class='arxiv-result'><a href='https://arxiv.org/abs/2411.00001'>x</a>"
            "<p class='title'>T</p>"
            + "<div><span>a</span>" * n
            + "<span class='abstract-full'>An abstract.</span>"
            + "</b>" * n
            + "</li>"
        )
        assert looks_like_arxiv_list_page(text)
        assert looks_like_arxiv_search_page(result)
        [record] = parse_arxiv_list_page(text).records
        [found] = parse_arxiv_search_page(result).records
        assert record.title == found.title == "T"
        return python_steps(lambda: (parse_arxiv_list_page(text), parse_arxiv_search_page(result)))

    one, two = _grows_linearly(steps, 300)
    assert two < 2.3 * one, (one, two)


class _ReadCounting(UserList[str]):
    """A markup parser's parts that count the parts read from them (joined, tested)."""

    read = 0

    def __getitem__(self, at: Any) -> Any:
        type(self).read += len(range(len(self))[at]) if isinstance(at, slice) else 1
        return super().__getitem__(at)


def test_thousands_of_jats_sections_and_paragraph_ends_are_read_in_linear_steps(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # An abstract of 10,000 <sec><title>s took 1.8 s to read, 40,000 nested <p>s 4.5 s: each
    # title's end joined every part written before it (to see whether it is the first),
    # each "</p>" every part since the last <p>.
    start = markup._JatsText.__init__

    def counting(parser: markup._JatsText) -> None:
        start(parser)
        parser.parts = _ReadCounting()

    monkeypatch.setattr(markup._JatsText, "__init__", counting)

    def parts_read(n: int) -> int:
        _ReadCounting.read = 0
        sections = "".join(f"<sec><title>Part {i}</title><p>Text {i}.</p></sec>" for i in range(n))
        assert markup.jats_to_text(sections).startswith("Part 0: Text 0. Part 1: Text 1.")
        assert markup.jats_to_text("<p>" * n + "Text." + "</p>" * n) == "Text."
        return _ReadCounting.read

    small, large = parts_read(300), parts_read(600)
    assert large < 2.3 * small, (small, large)


class _CopyCounting(tuple[str, ...]):
    """A reader's names that count the names copied when a tuple is added to them: adding
    tuple to tuple once per element copies everything gathered so far (quadratic)."""

    copied = 0

    def __radd__(self, other: tuple[str, ...]) -> tuple[str, ...]:
        type(self).copied += len(other) + len(self)
        return (*other, *self)


@pytest.mark.parametrize(
    ("element", "gatherer"),
    [("dc:creator", "_creators"), ("author", "split_authors")],
)
def test_an_rss_item_gathers_its_many_names_without_copying_them_again(
    monkeypatch: pytest.MonkeyPatch, element: str, gatherer: str
) -> None:
    # An item with 100,000 dc:creator elements did not load in a minute: each one's names
    # were added to a tuple of all the names before them.
    real = getattr(saved_feeds, gatherer)
    monkeypatch.setattr(saved_feeds, gatherer, lambda *a: _CopyCounting(real(*a)))
    _CopyCounting.copied = 0
    n = 2000
    names = "".join(f"<{element}>Ana Lima{i}</{element}>" for i in range(n))
    text = (
        '<?xml version="1.0"?><rss xmlns:dc="http://purl.org/dc/elements/1.1/" version="2.0">'
        "<channel><title>T</title><item><title>A paper</title>"
        f"<description>{abstract(1)}</description>{names}</item></channel></rss>"
    )
    [record] = saved_feeds.parse_feed(text).records
    assert record.authors == tuple(f"Ana Lima{i}" for i in range(n))
    assert _CopyCounting.copied <= 2 * n, _CopyCounting.copied


DEEP = 1000


def test_json_nested_1000_deep_is_one_bad_file_not_a_crash(tmp_path: Path) -> None:
    good = tmp_path / "good.jsonl"
    good.write_text(json.dumps({"abstract": abstract(1)}) + "\n", encoding="utf-8")
    deep_field = {"abstract": abstract(2)}
    deep_text = json.dumps([deep_field])[:-2] + ', "x": ' + "[" * DEEP + "]" * DEEP + "}]"
    files = {
        "array.json": deep_text,
        "object.json": '{"a":' * DEEP + "1" + "}" * DEEP,
        "line.jsonl": json.dumps({"abstract": abstract(3)}) + "\n" + '{"a":' * DEEP + "}" * DEEP,
    }
    for name, text in files.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    corpus = load_papers(sorted(tmp_path.iterdir()))
    assert sorted(p.abstract for p in corpus.papers) == [abstract(1), abstract(3)]
    too_deep = [s for s in corpus.skipped if "nested too deep" in s.reason]
    assert sorted(Path(s.path).name for s in too_deep) == [
        "array.json",
        "line.jsonl",
        "object.json",
    ]


def test_a_files_many_skips_of_one_reason_are_grouped_in_linear_steps() -> None:
    # The build report asked of each skip whether any of its file's skips of its reason had
    # no line, going over all of them each time: 10,000 skips of one reason took 15 s.
    from digest.models import Skipped
    from digest.reports import _by_reason

    def steps(n: int) -> int:
        skips = [Skipped("notes.txt", 2 * i + 1, "not an abstract") for i in range(n)]
        skips.append(Skipped("notes.txt", None, "no paper in it"))
        [(first, same), (last, alone)] = _by_reason(skips)
        assert (first, same, last, alone) == (skips[0], skips[:-1], skips[-1], [skips[-1]])
        return python_steps(lambda: _by_reason(skips))

    one, two = _grows_linearly(steps, 400)
    assert two < 2.3 * one, (one, two)


class _FindCounting(str):
    """A text that counts the characters its searches go over up to what they find (an
    HTML parser looks for the next "<" in all the text left)."""

    scanned = 0

    def find(self, sub: str, start: Any = None, end: Any = None) -> int:  # type: ignore[override]
        found = super().find(sub, start, end)
        stop = found + len(sub) if found >= 0 else len(self) if end is None else end
        type(self).scanned += max(0, stop - (start or 0))
        return found

    def rfind(self, sub: str, start: Any = None, end: Any = None) -> int:  # type: ignore[override]
        found = super().rfind(sub, start, end)
        type(self).scanned += (len(self) if end is None else end) - max(found, start or 0)
        return found


class _ScannedMarkup(markup._TextOnly):
    """An HTML reader whose text to read counts the characters its searches go over."""

    @property
    def rawdata(self) -> str:
        return self._raw

    @rawdata.setter
    def rawdata(self, text: str) -> None:
        self._raw = _FindCounting(text)


@pytest.mark.parametrize(
    "unclosed", ["<li ", "<a href='", "<!--", "</", "<![CDATA[", "<?", "<!DOCTYPE", "<!x"]
)
def test_thousands_of_unclosed_tags_are_read_as_text_with_linear_scanning(unclosed: str) -> None:
    # A page of 8,000 "<li " took 7 s to read, 50,000 minutes: at the end of the text
    # HTMLParser looked for each one's ">" to the end of the text, then took it as text.
    def scanned(n: int) -> int:
        text = "<p>Some text.</p>" + unclosed * n
        parser = _ScannedMarkup()
        _FindCounting.scanned = 0
        parser.read(text)
        assert " ".join("".join(parser.parts).split()) == " ".join(f"Some text.{text[17:]}".split())
        return _FindCounting.scanned + len(text)

    small, large = scanned(500), scanned(1000)
    assert large < 2.3 * small, (small, large)


@pytest.mark.parametrize("unclosed", ["<!--x>", "<![CDATA[x>", "<![if x>"])
def test_thousands_of_comments_and_sections_nothing_closes_are_read_with_linear_scanning(
    monkeypatch: pytest.MonkeyPatch, unclosed: str
) -> None:
    # 50,000 "<!--x>" took about 40 s, "<![CDATA[x>" 14 s: each one's "-->" (or "]]>")
    # was looked for to the end of the text.
    import _markupbase

    searched = 0

    class _Counting:
        def __init__(self, real: re.Pattern[str]) -> None:
            self.real = real

        def search(self, text: str, start: int) -> Any:
            nonlocal searched
            found = self.real.search(text, start)
            searched += (found.end() if found else len(text)) - start
            return found

    for name in ("_commentclose", "_markedsectionclose", "_msmarkedsectionclose"):
        monkeypatch.setattr(_markupbase, name, _Counting(getattr(_markupbase, name)))

    def scanned(n: int) -> int:
        nonlocal searched
        text = "<p>Some text.</p><!-- a comment -->" + unclosed * n
        parser = _ScannedMarkup()
        searched = _FindCounting.scanned = 0
        parser.read(text)
        assert "".join(parser.parts).strip() == "Some text." + unclosed * n
        return searched + _FindCounting.scanned + len(text)

    small, large = scanned(500), scanned(1000)
    assert large < 2.3 * small, (small, large)


def test_long_runs_of_spaces_and_brackets_in_cochrane_terms_and_wos_bibtex_read_once(
    tmp_path: Path,
) -> None:
    # Each space of a run was tried as the start of a MeSH qualifier ("\s*\[") or of Web of
    # Science's escaped "&" ("\s*\\& "), and each "[" scanned to the end for its "]":
    # 100,000 of either took minutes.
    record = (
        "Record #1 of 1\nID: CD000001\nTI: Owls\nAB: We count owls.\n"
        f"KY: Owls{' ' * 100_000}at night [diet];Bats {'[' * 100_000}\n"
    )
    (tmp_path / "citation-export.txt").write_text(record, encoding="utf-8")
    [paper] = load_papers([tmp_path]).papers
    assert paper.keywords == ("Owls at night", "Bats " + "[" * 100_000)
    entry = (
        "@article{WOS:000000000000001,\n title = {Owls in T \\& uuml;rkiye},\n"
        f" abstract = {{We count owls.{' ' * 100_000}x \\& amp; y}},\n}}\n"
    )
    [owls] = parse_bibtex(entry).records
    assert (owls.title, owls.abstract[-5:]) == ("Owls in T\u00fcrkiye", "x & y")
