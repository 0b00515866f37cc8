"""Alert e-mails saved as files: one message (.eml) or a folder (mbox), decoded by the
standard library's email package and their bodies read by the reader their content calls for.

Fixtures: tests/fixtures/mail/, written for these tests in the shapes mail programs save
(arXiv's listing as quoted-printable and as base64, a Google Scholar alert as HTML only and
as multipart/alternative with a stub plain part, an mbox with ">From " escaping and an
attachment); the papers in them are made up.
"""

from __future__ import annotations

import base64
import json
import sys
from pathlib import Path
from types import FrameType

import pytest
from click.testing import CliRunner

from digest.cli import main
from digest.errors import InputError
from digest.loading import load_papers
from digest.models import Corpus, Paper
from digest.readers import sniff_format
from digest.readers.mail import looks_like_mail
from digest.readers.markup import html_to_lines

MAIL = Path(__file__).resolve().parent / "fixtures" / "mail"


def load(*names: str) -> Corpus:
    return load_papers([MAIL / name for name in names])


def titled(corpus: Corpus, start: str) -> Paper:
    [paper] = [p for p in corpus.papers if (p.title or "").lower().startswith(start.lower())]
    return paper


def file_line(name: str, text: str) -> int:
    """The line of the file that starts with `text`."""
    lines = (MAIL / name).read_bytes().decode("utf-8").splitlines()
    return next(i for i, line in enumerate(lines, start=1) if line.startswith(text))


# --- one message ----------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["arxiv_quoted_printable.eml", "arxiv_base64.eml"])
def test_an_arxiv_listing_mail_is_read_whatever_its_transfer_encoding(name: str) -> None:
    corpus = load(name)
    assert [f.format for f in corpus.files] == ["email: arxiv-listing"]
    assert sorted(p.arxiv_id or "" for p in corpus.papers) == ["2306.90001", "2306.90002"]
    first = titled(corpus, "Tokenizer Drift")
    # A quoted-printable soft line break (the title was wrapped at 76 characters) is undone,
    # and =C3=A9 is é: nothing of the encoding reaches a field.
    assert first.title == (
        "Tokenizer Drift: How Vocabulary Changes Between Model Releases Affect Downstream Metrics"
    )
    assert first.authors == ("Hélène Fournier", "Kwame Asante", "Li Wei")
    assert first.abstract.endswith("on six benchmarks, and we release the scripts.")
    second = titled(corpus, "Sparse Adapters")
    assert second.authors == ("Amara Okafor", "José Martínez")
    assert "show that = signs, ellipses … and accents (café) survive" in second.abstract
    assert second.url == "https://arxiv.org/abs/2306.90002"
    assert not corpus.skipped


def test_a_quoted_printable_body_keeps_the_files_line_numbers() -> None:
    corpus = load("arxiv_quoted_printable.eml")
    name = "arxiv_quoted_printable.eml"
    # Lines after soft breaks count as the file has them.
    assert [p.sources[0].line for p in corpus.papers] == [
        file_line(name, "arXiv:2306.90001"),
        file_line(name, "arXiv:2306.90002"),
    ]


def test_the_same_listing_as_base64_gives_the_same_papers() -> None:
    quoted = load("arxiv_quoted_printable.eml")
    base64 = load("arxiv_base64.eml")
    fields = [(p.arxiv_id, p.title, p.authors, p.abstract) for p in quoted.papers]
    assert fields == [(p.arxiv_id, p.title, p.authors, p.abstract) for p in base64.papers]


@pytest.mark.parametrize("name", ["scholar_html_only.eml", "scholar_alternative.eml"])
def test_a_google_scholar_alert_in_html_keeps_its_papers_and_their_links(name: str) -> None:
    corpus = load(name)
    assert [f.format for f in corpus.files] == ["email: scholar-alert"]
    adapters = titled(corpus, "Sparse adapters")
    assert adapters.title == "Sparse adapters for low-resource speech translation"  # no [PDF]
    assert adapters.authors == ("A Okafor", "J Martínez")
    assert adapters.arxiv_id == "2306.90002"
    assert adapters.abstract == (
        "Speech translation for languages with little parallel audio remains hard. We "
        "train sparse adapters on top of a frozen multilingual encoder and show that …"
    )
    soil = titled(corpus, "Root exudates")
    assert soil.title == "Root exudates reshape microbial communities in drought-stressed soils"
    # Out of Google's redirect; the DOI in the address is found too.
    assert soil.url == "https://www.example.org/journal/article/10.5555/soil.2023.118"
    assert (soil.venue, soil.date) == ("Soil Biology Letters", "2023")
    assert soil.authors == ("M Keller", "S Nakamura", "T Oduya")
    # The save and share buttons, the footer and its links are no papers and no problems.
    assert not corpus.skipped


def test_a_google_scholar_alerts_html_saved_on_its_own_is_read_as_the_alert() -> None:
    # The alert's HTML part saved as a file (no mail headers around it), in Google's own
    # layout: attributes wrapped over lines, a Japanese "保存" save button, the footer.
    corpus = load("scholar_alert_body.html")
    assert [f.format for f in corpus.files] == ["scholar-alert"]
    assert [p.title for p in corpus.papers] == [
        "From Consumers to Critical Users: A Literacy Tool for Reading Model Outputs",
        "Teaching Critical Reading of Model Outputs",
    ]
    tool, teaching = corpus.papers
    assert tool.url == "https://www.example.org/papers/critical-users.pdf"
    assert tool.authors == ("D Mensah", "R Garcia", "P Lima")
    assert tool.abstract.startswith("Language models write text quickly")
    assert teaching.arxiv_id == "2401.01234"
    assert not corpus.skipped


def test_a_scholar_snippet_wrapped_after_a_hyphen_is_rejoined(tmp_path: Path) -> None:
    # Google's alerts (HTML and plain text) break the snippet with <br> anywhere, after a
    # hyphen too: "Phallus cremeo-<br>ochraceus" (a 2021 alert saved by rdmpage/biorss).
    html = (
        '<h3><a class="gse_alrt_title" href="https://scholar.google.ca/scholar_url?url='
        'https://example.org/phallus.pdf&amp;hl=en">Two new species of Phallus</a></h3>'
        '<div>T Li, WQ Deng - MycoKeys, 2021</div><div class="gse_alrt_sni">Two new species, '
        "P. cremeo-ochraceus and P. rigidus, were <br>found in China. Phallus cremeo-<br>"
        "ochraceus has a cream receptacle and a white indusium that is well-<br>developed and "
        "repre-<br>sentative of the genus …</div>"
    )
    (tmp_path / "alert.html").write_text(html, encoding="utf-8")
    [paper] = load_papers([tmp_path / "alert.html"]).papers
    assert paper.abstract == (
        "Two new species, P. cremeo-ochraceus and P. rigidus, were found in China. Phallus "
        "cremeo-ochraceus has a cream receptacle and a white indusium that is well-developed "
        "and representative of the genus …"
    )


def test_a_scholar_snippet_in_japanese_is_rejoined_without_spaces(tmp_path: Path) -> None:
    # A real "new articles" alert (ucfchps/chps-research-roundup, tests/fixtures/
    # scholar-alerts/alert-nonlatin-title-stout) wraps a J-STAGE snippet with <br> between
    # two kana or kanji: a space there is no part of the Japanese text.
    html = (
        '<h3><a href="https://scholar.google.com/scholar_url?url=https://www.jstage.jst.go.jp/'
        'article/x/33/6/33_12/_article/-char/ja/&amp;hl=en" class="gse_alrt_title">'
        "痛みの評価: 方法論的レビュー</a></h3>"
        '<div style="color:#006621">A Sato, JR Stout - Strength and Conditioning Journal …, '
        '2026</div><div class="gse_alrt_sni">運動は, 痛みを管理するための方法<br>として, '
        "認識されつつある. Pain scores<br>vary …</div>"
    )
    (tmp_path / "alert.html").write_text(html, encoding="utf-8")
    [paper] = load_papers([tmp_path / "alert.html"]).papers
    assert paper.title == "痛みの評価: 方法論的レビュー"
    assert (
        paper.abstract
        == "運動は, 痛みを管理するための方法として, 認識されつつある. Pain scores vary …"
    )


def test_a_scholar_citation_item_keeps_its_title_and_is_counted_without_abstract(
    tmp_path: Path,
) -> None:
    # A [CITATION] item (ucfchps/chps-research-roundup, tests/fixtures/scholar-alerts/
    # pair-citation-tag-schellhase) links its title to Scholar's page about the citation,
    # not through the redirect, and has no snippet. Its title was lost and reported as text
    # outside any item; it is the item's title, and the item a record without an abstract.
    html = (
        '<h3><span style="font-size:11px">[CITATION]</span> <a href="https://scholar.google.com'
        "/citations?hl=en&amp;view_op=view_citation&amp;citation_for_view=ez1ilMIAAAAJ:8k81kl"
        '&amp;oi=scholaralrt" class="gse_alrt_title">Job Satisfaction Among Athletic Trainers'
        '</a></h3><div style="color:#006621">KC Schellhase, A Layne, M Ulan… - International '
        "Journal of …, 2026</div><br>"
        '<h3><a href="https://scholar.google.com/scholar_url?url=https://example.org/knee&amp;'
        'hl=en" class="gse_alrt_title">Knee loading in landing tasks</a></h3>'
        '<div style="color:#006621">KC Schellhase, B Norte - Journal of Athletic Training, '
        '2026</div><div class="gse_alrt_sni">Landing tasks load the knee in ways that …</div>'
        "<p>This message was sent by Google Scholar because you're following new articles "
        "written by Kristen Schellhase.</p>"
    )
    (tmp_path / "alert.html").write_text(html, encoding="utf-8")
    corpus = load_papers([tmp_path / "alert.html"])
    assert [p.title for p in corpus.papers] == ["Knee loading in landing tasks"]
    [skipped] = corpus.skipped
    assert (skipped.reason, skipped.excerpt) == (
        "no abstract (no snippet)",
        "Job Satisfaction Among Athletic Trainers",
    )


def test_a_scholar_byline_garbled_from_a_reference_list_gives_surnames(tmp_path: Path) -> None:
    # Scholar reads "Vanryckeghem, M. & Brutten, G." off a reference list and prints the
    # byline "G Vanryckeghem, M. & Brutten - 2026" (ucfchps/chps-research-roundup,
    # tests/fixtures/scholar-alerts/alert-multi-real-vanryckeghem-citations): it was no
    # byline, so every item's lines were reported as text outside any item. The initials
    # stand by the wrong surnames: the authors are the surnames.
    html = (
        '<h3><span style="font-size:11px">[CITATION]</span> <a href="https://scholar.google.com'
        '/citations?hl=en&amp;view_op=view_citation&amp;citation_for_view=qK9t:evX4" '
        'class="gse_alrt_title">Communication Attitude Test for Preschoolers</a></h3>'
        '<div style="color:#006621">G Vanryckeghem, M. &amp; Brutten - 2026</div><br>'
        '<h3><a href="https://scholar.google.com/scholar_url?url=https://example.org/bab&amp;'
        'hl=en" class="gse_alrt_title">Behavior Assessment Battery for Adults</a></h3>'
        '<div style="color:#006621">G Vanryckeghem, M. &amp; Brutten - Hogrefe, 2025</div>'
        '<div class="gse_alrt_sni">The battery measures speech-associated attitude and '
        "reactions in adults who stutter …</div>"
        "<p>This message was sent by Google Scholar because you're following new articles "
        "written by Martine Vanryckeghem.</p>"
    )
    (tmp_path / "alert.html").write_text(html, encoding="utf-8")
    corpus = load_papers([tmp_path / "alert.html"])
    [paper] = corpus.papers
    assert (paper.title, paper.authors, paper.venue) == (
        "Behavior Assessment Battery for Adults",
        ("Vanryckeghem", "Brutten"),
        "Hogrefe",
    )
    [skipped] = corpus.skipped
    assert (skipped.reason, skipped.excerpt) == (
        "no abstract (no snippet)",
        "Communication Attitude Test for Preschoolers",
    )


def test_a_my_ncbi_alert_lists_no_abstracts_and_says_which_export_has_them() -> None:
    # My NCBI's e-mail of a saved PubMed search (a real one of 2017, kept in a comment of a
    # public repository's parser of these mails) was read as plain text: its HTML lines
    # became five junk papers and 25 skipped lines. Its items (title, link, authors, citation, PMID)
    # hold no abstract: each is a record without one, and the reason says what to do.
    with pytest.raises(InputError) as raised:
        load("myncbi_summary.eml")
    message = str(raised.value)
    assert "2 records without an abstract" in message
    assert "My NCBI's e-mail of a saved search lists no abstracts" in message
    assert "choose Format: PubMed" in message


def test_a_my_ncbi_alerts_html_saved_on_its_own_is_read_as_the_alert(tmp_path: Path) -> None:
    html = (MAIL / "myncbi_summary.eml").read_text(encoding="utf-8").split("\n\n", 1)[1]
    (tmp_path / "alert.html").write_text(html, encoding="utf-8")
    assert sniff_format(html).name == "ncbi-alert"
    # Beside a file with papers, the alert is one line that counts its items, not 25 lines
    # of markup and junk papers.
    (tmp_path / "other.txt").write_text(
        "Abstract: We measure how root exudates change soil microbes during long droughts "
        "on eleven farms, and find that the change lasts for two seasons.\n",
        encoding="utf-8",
    )
    corpus = load_papers([tmp_path / "alert.html", tmp_path / "other.txt"])
    assert [p.title for p in corpus.papers] == [None]
    [skipped] = corpus.skipped
    assert skipped.reason.startswith("2 records without an abstract, not papers")
    assert skipped.reason.endswith(
        "choose Format: PubMed to save the abstracts in a file digest reads"
    )


def test_a_my_ncbi_item_that_holds_its_abstract_is_a_paper(tmp_path: Path) -> None:
    text = (
        "This message contains My NCBI what's new results from the National Center for "
        "Biotechnology Information (NCBI) at the U.S. National Library of Medicine (NLM).\n"
        "Search: soil drought\n\nPubMed Results\nItems 1 - 2 of 2\n\n"
        "1. Drought memory in wheat roots.\n<http://www.ncbi.nlm.nih.gov/pubmed/90000002>\n"
        "Lima P, Garcia R.\nPlant Roots. 2017 Mar 29;12(3):45-52. doi: 10.5555/pr.2017.045.\n"
        "Wheat roots that lived through one drought grow deeper in the next one. We follow "
        "forty plants over two dry seasons and measure root depth and water uptake.\n"
        "PMID: 90000002 [PubMed - in process]\nSimilar articles\n\n"
        "2. Root exudates under drought.\n<http://www.ncbi.nlm.nih.gov/pubmed/90000001>\n"
        "Keller M.\nSoil Biol Lett. 2017 Mar 30. doi: 10.5555/sbl.2017.118.\n"
        "PMID: 90000001 [PubMed - as supplied by publisher]\n"
    )
    (tmp_path / "alert.txt").write_text(text, encoding="utf-8")
    corpus = load_papers([tmp_path / "alert.txt"])
    [paper] = corpus.papers
    assert paper.title == "Drought memory in wheat roots."
    assert (paper.pmid, paper.doi, paper.venue, paper.date) == (
        "90000002",
        "10.5555/pr.2017.045",
        "Plant Roots",
        "2017-03-29",
    )
    assert paper.authors == ("Lima P", "Garcia R")
    assert paper.abstract.startswith("Wheat roots that lived through one drought")
    [skipped] = corpus.skipped
    assert skipped.line == text.splitlines().index("2. Root exudates under drought.") + 1


def _gmail_part(mime: str, text: str, headers: tuple[tuple[str, str], ...] = ()) -> dict:
    data = base64.urlsafe_b64encode(text.encode("utf-8")).decode("ascii").rstrip("=")
    named = [{"name": name, "value": value} for name, value in headers]
    return {"mimeType": mime, "headers": named, "body": {"size": len(text), "data": data}}


def test_mails_as_the_gmail_api_gives_them_are_read_as_saved_mails(tmp_path: Path) -> None:
    # Scripts that fetch alerts through the Gmail API keep its users.messages.get answers
    # (ucfchps/chps-research-roundup, tests/fixtures/scholar-alerts/*.json: format=full,
    # the body's decoded HTML in URL-safe base64). They were read as JSON: "no abstracts".
    html = (MAIL / "scholar_alert_body.html").read_text(encoding="utf-8")
    full = {
        "id": "19ee9a51105ea002",
        "threadId": "19ee9a51105ea002",
        "labelIds": ["UNREAD", "INBOX"],
        "payload": {
            "mimeType": "multipart/alternative",
            "headers": [
                {"name": "Subject", "value": "[critical reading] - new results"},
                {
                    "name": "From",
                    "value": "Google Scholar Alerts <scholaralerts-noreply@google.com>",
                },
                {"name": "Content-Type", "value": 'multipart/alternative; boundary="b1"'},
            ],
            "parts": [
                _gmail_part("text/plain", "Open this alert in a mail program that shows HTML.\n"),
                _gmail_part(
                    "text/html",
                    html,
                    (
                        ("Content-Type", 'text/html; charset="UTF-8"'),
                        ("Content-Transfer-Encoding", "quoted-printable"),
                    ),
                ),
            ],
        },
        "historyId": "330274",
        "internalDate": "1782036369000",
    }
    raw_mail = (MAIL / "arxiv_quoted_printable.eml").read_bytes()
    raw = {
        "id": "19f0000000000002",
        "threadId": "19f0000000000002",
        "historyId": "330275",
        "raw": base64.urlsafe_b64encode(raw_mail).decode("ascii"),
    }
    ids_only = {"id": "19f0000000000003", "threadId": "19f0000000000003", "labelIds": []}
    path = tmp_path / "messages.json"
    path.write_text(json.dumps({"messages": [full, raw, ids_only]}, indent=2), encoding="utf-8")
    corpus = load_papers([path])
    assert [f.format for f in corpus.files] == ["gmail-json: scholar-alert, arxiv-listing"]
    assert [p.title for p in corpus.papers] == [
        "From Consumers to Critical Users: A Literacy Tool for Reading Model Outputs",
        "Teaching Critical Reading of Model Outputs",
        "Tokenizer Drift: How Vocabulary Changes Between Model Releases Affect Downstream Metrics",
        "Sparse Adapters for Low-Resource Speech Translation",
    ]
    tool = corpus.papers[0]
    assert tool.url == "https://www.example.org/papers/critical-users.pdf"
    assert tool.authors == ("D Mensah", "R Garcia", "P Lima")
    # Each paper is at the line of its message's "id"; a message without content says so.
    lines = path.read_text(encoding="utf-8").splitlines()
    full_at, raw_at, ids_at = (
        next(number for number, line in enumerate(lines, 1) if f'"id": "{m["id"]}"' in line)
        for m in (full, raw, ids_only)
    )
    assert [p.sources[0].line for p in corpus.papers] == [full_at, full_at, raw_at, raw_at]
    [skipped] = corpus.skipped
    assert (skipped.line, skipped.reason) == (
        ids_at,
        "a Gmail message without its content (ask for format=full or raw)",
    )


def test_gmail_api_json_nested_too_deep_is_one_bad_file_not_a_crash(tmp_path: Path) -> None:
    message = {"id": "19f0000000000001", "threadId": "19f0000000000001", "historyId": "1"}
    message["raw"] = base64.urlsafe_b64encode((MAIL / "arxiv_base64.eml").read_bytes()).decode()
    text = "[" * 5000 + json.dumps({"messages": [message]}) + "]" * 5000
    path = tmp_path / "messages.json"
    path.write_text(text, encoding="utf-8")
    corpus = load_papers([MAIL / "arxiv_base64.eml", path])
    assert {p.sources[0].path for p in corpus.papers} == {str(MAIL / "arxiv_base64.eml")}
    [skipped] = corpus.skipped
    assert (skipped.path, skipped.reason) == (
        str(path),
        "JSON nested too deep to read (hundreds of levels); the Gmail API nests less",
    )


def test_a_header_a_megabyte_long_is_parsed_in_bounded_work(tmp_path: Path) -> None:
    # The email package parses a header's value in time growing as its length squared
    # (python/cpython#136063): a damaged alert whose Subject ran on for a megabyte took
    # minutes. Its parser's calls are counted: each step of it copies the rest of the value.
    mail = (MAIL / "arxiv_quoted_printable.eml").read_text(encoding="utf-8")
    long_subject = "Background: the thing matters. Methods We measured it. " * 20_000
    path = tmp_path / "long.eml"
    path.write_text(mail.replace("Subject: ", f"Subject: {long_subject}", 1), encoding="utf-8")
    corpus, calls = _loaded_counting_header_parsing(path)
    assert [p.title for p in corpus.papers] == [
        p.title for p in load_papers([MAIL / "arxiv_quoted_printable.eml"]).papers
    ]
    assert calls < 20_000


def _loaded_counting_header_parsing(path: Path) -> tuple[Corpus, int]:
    """The file loaded, and the calls made in the email package's header parser."""
    calls = 0

    def count(frame: FrameType, event: str, arg: object) -> None:
        nonlocal calls
        calls += event == "call" and frame.f_code.co_filename.endswith("_header_value_parser.py")

    sys.setprofile(count)
    try:
        return load_papers([path]), calls
    finally:
        sys.setprofile(None)


def test_a_content_type_run_on_with_stops_is_parsed_in_bounded_work(tmp_path: Path) -> None:
    # A Google Scholar alert whose text/html part's Content-Type ran on with 50,000 ". "
    # took 2.8 s: cut to 10,000 characters, the value was still parsed in time growing as
    # its square, and again at each look at the part's type.
    mail = (MAIL / "scholar_alternative.eml").read_text(encoding="utf-8")
    damaged = mail.replace("text/html; charset", "text/html; charset" + ". " * 50_000, 1)
    path = tmp_path / "damaged.eml"
    path.write_text(damaged, encoding="utf-8")
    corpus, calls = _loaded_counting_header_parsing(path)
    assert [p.title for p in corpus.papers] == [
        p.title for p in load_papers([MAIL / "scholar_alternative.eml"]).papers
    ]
    assert calls < 400_000


def test_html_turned_into_lines_follows_no_script_image_or_script_link() -> None:
    html = (
        "<html><head><title>Alert</title><script>fetch('https://evil.example/x')</script>"
        "<style>p{color:red}</style></head><body><p>Paper <a href='javascript:alert(1)'>"
        "title</a> <a href='https://example.org/p'>page</a></p>"
        "<img src='https://tracker.example/open.gif' alt='pixel'></body></html>"
    )
    assert html_to_lines(html) == "Paper title page\n<https://example.org/p>\n"


# --- an mbox --------------------------------------------------------------------------------


def test_every_message_of_an_mbox_is_read_and_the_same_paper_merged() -> None:
    corpus = load("alerts.mbox")
    [report] = corpus.files
    assert report.format == "mbox: arxiv-listing, scholar-alert"
    assert sorted(p.title or "" for p in corpus.papers) == [
        "Root exudates reshape microbial communities in drought-stressed soils",
        "Sparse Adapters for Low-Resource Speech Translation",
        "Tokenizer Drift: How Vocabulary Changes Between Model Releases Affect Downstream Metrics",
    ]
    # The arXiv mail and the Scholar alert both hold 2306.90002: one paper, two sources
    # (a paper read from HTML is at the line where the HTML starts).
    adapters = titled(corpus, "Sparse adapters")
    assert [s.line for s in adapters.sources] == [
        file_line("alerts.mbox", "arXiv:2306.90002"),
        file_line("alerts.mbox", "<!doctype html>"),
    ]
    assert adapters.url == "https://arxiv.org/abs/2306.90002"


def test_an_mbox_body_line_escaped_as_from_is_unescaped() -> None:
    assert ">From these" in (MAIL / "alerts.mbox").read_text(encoding="utf-8")
    drift = titled(load("alerts.mbox"), "Tokenizer Drift")
    assert "stays fixed. From these measurements we derive" in drift.abstract


def test_a_mail_without_abstracts_and_an_attachment_are_reported_with_their_line() -> None:
    corpus = load("alerts.mbox")
    start = file_line("alerts.mbox", "Subject: Google Scholar alert created") - 2
    assert [(s.line, s.reason, s.notice) for s in corpus.skipped] == [
        (
            start,
            "1 attachment not read ('alert-help.pdf'): save an attachment and pass it "
            "itself to read it",
            True,
        ),
        (start, "an e-mail that holds no abstracts, not a paper", False),
    ]
    assert corpus.skipped[1].excerpt == "Subject: Google Scholar alert created"


def _deeply_nested_message(depth: int) -> str:
    opening = "".join(
        f'Content-Type: multipart/mixed; boundary="b{i}"\n\n--b{i}\n' for i in range(depth)
    )
    closing = "".join(f"--b{i}--\n" for i in reversed(range(depth)))
    return f"From: a@example.org\nSubject: deep\n{opening}Content-Type: text/plain\n\nhi\n{closing}"


def test_one_bad_message_in_an_mbox_never_sinks_the_others(tmp_path: Path) -> None:
    good = (MAIL / "alerts.mbox").read_text(encoding="utf-8")
    bad = "From MAILER-DAEMON Tue Jun 13 00:00:00 2023\n" + _deeply_nested_message(3000)
    path = tmp_path / "inbox.mbox"
    path.write_text(bad + "\n" + good, encoding="utf-8")
    corpus = load_papers([path])
    assert len(corpus.papers) == 3
    assert next((s.line, s.reason) for s in corpus.skipped) == (
        2,
        "an e-mail that cannot be read (RecursionError); the others are read",
    )


def test_header_control_characters_never_reach_a_report(tmp_path: Path) -> None:
    path = tmp_path / "note.eml"
    path.write_text(
        "From: a@example.org\nMessage-ID: <1@example.org>\n"
        "Subject: =?utf-8?q?Hi=0D=0AReply-To:_x@evil.example=E2=80=A8=1B[31m?=\n\n"
        "See you at lunch.\n",
        encoding="utf-8",
    )
    with pytest.raises(InputError, match="holds no abstracts") as error:
        load_papers([path])
    assert "\r" not in str(error.value) and "\x1b" not in str(error.value)
    assert "\u2028" not in str(error.value)


# --- what is and is not a mail --------------------------------------------------------------


def test_a_mail_is_recognised_by_its_headers_whatever_its_name() -> None:
    for name in ("arxiv_base64.eml", "scholar_html_only.eml", "alerts.mbox"):
        assert sniff_format((MAIL / name).read_text(encoding="utf-8")).name == "email"
    # Notes that open with field lines, and other exports, are no mail.
    assert not looks_like_mail("Date: 2024-05-01\nSubject: papers to read\n\nAbstract: We …\n")
    assert not looks_like_mail("Title: A paper\nAuthors: A. Lima\n\nWe study cats.\n")
    assert not looks_like_mail("PMID- 123\nTI  - A title\nAB  - We study cats.\n")
    assert not looks_like_mail("TY  - JOUR\nTI  - A title\nER  - \n")
    assert looks_like_mail("From: a@example.org\nSubject: hi\n\nbody\n")


def test_an_issue_of_digests_own_newsletter_is_never_read_as_papers(tmp_path: Path) -> None:
    seeds = Path(__file__).resolve().parent.parent / "seeds"
    out = tmp_path / "out"
    build = CliRunner().invoke(
        main, ["build", str(seeds), "--out", str(out), "--state", str(tmp_path / "h.db")]
    )
    assert build.exit_code == 0, build.output
    copy = tmp_path / "inbox" / "last-week.eml"  # saved or copied out of the output folder
    copy.parent.mkdir()
    copy.write_bytes((out / "email.eml").read_bytes())
    (copy.parent / "alerts.mbox").write_bytes((MAIL / "alerts.mbox").read_bytes())
    corpus = load_papers([copy.parent])
    assert len(corpus.papers) == 3  # the alerts' papers only
    [own] = [s for s in corpus.skipped if s.path.endswith("last-week.eml")]
    assert own.reason.startswith("an issue of the newsletter digest builds")


def _forwards(tmp_path: Path) -> dict[str, Path]:
    """The arXiv listing mail forwarded as mail clients forward it: attached whole (two
    alerts in one mail, as Gmail forwards several), and quoted line by line in a reply."""
    import email
    import email.policy
    from email.message import EmailMessage

    alert = email.message_from_bytes(
        (MAIL / "arxiv_quoted_printable.eml").read_bytes(), policy=email.policy.default
    )
    assert isinstance(alert, EmailMessage)
    scholar = email.message_from_bytes(
        (MAIL / "scholar_html_only.eml").read_bytes(), policy=email.policy.default
    )
    attached = EmailMessage()
    attached["From"], attached["Subject"] = "me@example.org", "Fwd: this week's alerts"
    attached.set_content("FYI: two alerts attached.")
    attached.add_attachment(alert)
    attached.add_attachment(scholar)
    body = alert.get_content()
    quoted = EmailMessage()
    quoted["From"], quoted["Subject"] = "me@example.org", "Re: cs daily"
    quoted.set_content(
        "Worth a look.\n\nOn Tue, 13 Jun 2023, arXiv wrote:\n"
        + "\n".join(f"> {line}" for line in body.splitlines())
    )
    paths = {"attached": tmp_path / "attached.eml", "quoted": tmp_path / "quoted.eml"}
    paths["attached"].write_bytes(bytes(attached))
    paths["quoted"].write_bytes(bytes(quoted))
    return paths


def test_alerts_forwarded_as_attachments_or_quoted_are_read(tmp_path: Path) -> None:
    alone = {p.arxiv_id for p in load("arxiv_quoted_printable.eml").papers}
    scholar = {(p.title or "").lower() for p in load("scholar_html_only.eml").papers}
    paths = _forwards(tmp_path)
    attached = load_papers([paths["attached"]])
    assert {p.arxiv_id for p in attached.papers if p.arxiv_id} == alone
    # (a paper in both alerts is merged: titles compared without case)
    assert {(p.title or "").lower() for p in attached.papers} >= scholar
    assert not attached.skipped  # the sender's "FYI" line is no problem to report
    quoted = load_papers([paths["quoted"]])
    assert {p.arxiv_id for p in quoted.papers} == alone
    assert all(not (p.title or "").startswith(">") for p in quoted.papers)
    assert not any(">" in name for p in quoted.papers for name in p.authors)


def test_a_line_starting_with_a_quote_mark_in_an_unquoted_body_stays(tmp_path: Path) -> None:
    text = (
        "From: alerts@example.org\nSubject: new papers\nMIME-Version: 1.0\n"
        "Content-Type: text/plain; charset=utf-8\n\n"
        "We measured blood pressure in a cohort of adults across three clinics and\n"
        "> 50% of patients had readings above the threshold at their first visit.\n"
    )
    (tmp_path / "alert.eml").write_text(text, encoding="utf-8")
    [paper] = load_papers([tmp_path]).papers
    assert "and > 50% of patients" in paper.abstract


@pytest.mark.parametrize(
    ("charset", "codec", "title", "abstract"),
    [
        (
            "big5",
            "cp950",
            "臺灣都市綠地的降溫效應",
            "本研究以臺北市為例分析綠地面積與形狀對地表溫度的影響。",
        ),
        (
            "gb2312",
            "gbk",
            "城市绿地的降温效应",
            "本研究以上海市为例分析绿地面积与形状对地表温度的影响。",
        ),
        (
            "shift_jis",
            "cp932",
            "都市緑地の冷却効果",
            "本研究では東京都区部を対象として緑地の面積を分析した。",
        ),
        (
            "euc-kr",
            "euc_kr",
            "도시 녹지의 냉각 효과",
            "본 연구는 서울시를 대상으로 녹지의 면적과 형태를 분석하였다.",
        ),
    ],
)
def test_8bit_east_asian_mail_reads_with_the_charset_it_declares(
    tmp_path: Path, charset: str, codec: str, title: str, abstract: str
) -> None:
    # A saved mail whose export (here RIS) was sent as 8-bit Big5, GB2312, Shift_JIS or
    # EUC-KR: the file is read in that encoding, and was then re-encoded as UTF-8 for the
    # mail parser, which decoded those bytes with the declared charset, as mojibake.
    head = (
        "From: alerts@example.org\nSubject: Export\nMIME-Version: 1.0\n"
        f"Content-Type: text/plain; charset={charset}\nContent-Transfer-Encoding: 8bit\n\n"
    )
    body = f"TY  - JOUR\nAU  - 王明\nTI  - {title}\nPY  - 2021\nAB  - {abstract}\nER  - \n"
    (tmp_path / "export.eml").write_bytes(head.encode("ascii") + body.encode(codec))
    [paper] = load_papers([tmp_path]).papers
    assert (paper.title, paper.abstract) == (title, abstract)


def test_8bit_parts_are_decoded_with_the_charset_each_message_declares(tmp_path: Path) -> None:
    # An mbox whose first alert was sent as 8-bit UTF-8 and whose second as 8-bit
    # ISO-8859-1: the file as a whole is not UTF-8, yet each body reads as its sender wrote.
    def message(charset: str, abstract: str) -> bytes:
        head = (
            "From alerts@example.org Tue Jun 13 00:00:00 2023\nFrom: alerts@example.org\n"
            f"Subject: New papers\nMIME-Version: 1.0\n"
            f'Content-Type: text/plain; charset="{charset}"\nContent-Transfer-Encoding: 8bit\n\n'
        )
        return head.encode("ascii") + abstract.encode(charset) + b"\n\n"

    cafes = (
        "We study how cafés shape the social life of neighbourhoods using a survey of "
        "2,000 residents and find strong effects on trust."
    )
    munich = (
        "Residents of München report more trust in neighbours where squares are car-free, "
        "according to a panel of 3,000 households followed for five years."
    )
    path = tmp_path / "alerts.mbox"
    path.write_bytes(message("utf-8", cafes) + message("iso-8859-1", munich))
    corpus = load_papers([path])
    assert sorted(p.abstract for p in corpus.papers) == sorted([cafes, munich])
