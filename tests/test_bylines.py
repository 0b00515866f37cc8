"""Each paper's byline in the issue: who wrote it, where and when it appeared."""

from __future__ import annotations

import json

import pytest
from markdown_it import MarkdownIt

from digest.rendering import (
    BYLINE_PART_LIMIT,
    byline,
    issue_context,
    render_email_html,
    render_email_text,
    render_feed_content,
    render_feed_content_of,
    render_json,
    render_markdown,
    render_show,
)
from digest.templating import make_environment

from factories import make_entry, make_issue


@pytest.mark.parametrize(
    ("authors", "expected"),
    [
        (("Ada Lovelace",), "Ada Lovelace"),
        (("Ada Lovelace", "Charles Babbage"), "Ada Lovelace and Charles Babbage"),
        (("Ada Lovelace", "Charles Babbage", "Mary Somerville"), "Ada Lovelace et al."),
    ],
)
def test_one_or_two_authors_by_name_more_as_the_first_et_al(
    authors: tuple[str, ...], expected: str
) -> None:
    assert byline(authors, None, None) == expected


def test_authors_venue_and_year_in_that_order() -> None:
    got = byline(("Ada Lovelace", "B. C", "D. E"), "Nature Medicine", "2021-09-23")
    assert got == "Ada Lovelace et al. · Nature Medicine · 2021"


def test_the_year_is_found_in_a_date_written_as_the_export_wrote_it() -> None:
    assert byline((), "Journal of Tests", "3/4/2019") == "Journal of Tests · 2019"
    assert byline((), None, "2017 FAL") == "2017"


def test_a_venue_that_holds_the_year_is_not_followed_by_it_again() -> None:
    got = byline(("Ada Lovelace",), "Proceedings of ACL 2020", "2020-07")
    assert got == "Ada Lovelace · Proceedings of ACL 2020"


def test_an_nlm_journal_title_loses_its_subtitle() -> None:
    got = byline(("Ada Lovelace",), "Journal of Alzheimer's disease : JAD", "2019")
    assert got == "Ada Lovelace · Journal of Alzheimer's disease · 2019"


def test_an_nlm_journal_title_loses_a_place_and_year_its_subtitle_cut_would_leave_open() -> None:
    got = byline(("Ada Lovelace",), "Journal of tests (Testville, Tex. : 1997)", "2001-11")
    assert got == "Ada Lovelace · Journal of tests · 2001"


@pytest.mark.parametrize(
    ("venue", "name"),
    [
        (
            "Phys. Rev. D 103, 122002 (2021); Erratum: Phys. Rev. D 112, 049902 (2025)",
            "Phys. Rev. D",
        ),
        ("Journal of Tests, 2023, Vol. 66, No. 10, pp. 2361-2384", "Journal of Tests"),
        ("Tests and Trials, 33(18), 2017, 2808-2817", "Tests and Trials"),
        ("The Test Journal 1005:12 (2026)", "The Test Journal"),
        ("Testing Workshops (TW), pp. 66-69", "Testing Workshops (TW)"),
        (
            "In Proc. Symposium on Testing (SOT 2020), pages 14-26. ACM, 2020",
            "In Proc. Symposium on Testing (SOT 2020)",
        ),
        ("Trial Methods, TRIM 2025, Pt III", "Trial Methods, TRIM"),
        ("Tests Conference (TC '23), November 26-28, 2023, Lisbon", "Tests Conference (TC '23)"),
        ("Congress on Testing. CT'02 (Cat. No.02TH8600)", "Congress on Testing. CT'02"),
        # arXiv's journal references the astronomers write: volume and page, no comma.
        ("Publ. Test. Soc. 138 046001 (2026)", "Publ. Test. Soc."),
        ("T&T 670, A12 (2023)", "T&T"),
    ],
)
def test_a_venue_written_as_a_citation_is_named_without_it(venue: str, name: str) -> None:
    assert byline(("Ada Lovelace",), venue, "2021").split(" · ")[1] == name


@pytest.mark.parametrize(
    ("venue", "date", "expected"),
    [
        # arXiv's journal reference of a paper it had the year before (the bench's
        # arxiv_atom/fmuro_arxiv_api_query.xml: "Nature 522, 68-72 (04 June 2015)").
        ("Test Letters 522, 68-72 (04 June 2015)", "2014-11-17", "Test Letters · 2015"),
        ("Tests and Trials, 33(18), 2017, 2808-2817", "2019-10-10", "Tests and Trials · 2017"),
        ("Journal of Tests, 5(1) (1995) pp. 111-122", "2002-03-01", "Journal of Tests · 1995"),
        ("Findings of Tests 2024, pp. 112-125", None, "Findings of Tests · 2024"),
        # A journal's first year (NLM), a conference's, pages: not the year it appeared.
        ("Social tests & medicine (1982)", "2020-02", "Social tests & medicine · 2020"),
        ("Trial Methods, TRIM 2025, Pt III", "2026", "Trial Methods, TRIM · 2026"),
        ("Testing Workshops (TW), pp. 1987-1995", "2021", "Testing Workshops (TW) · 2021"),
    ],
)
def test_the_year_of_a_venues_citation_is_the_bylines(
    venue: str, date: str | None, expected: str
) -> None:
    assert byline((), venue, date) == expected


@pytest.mark.parametrize(
    "venue",
    [
        "2015 17th International Conference on Testing (ICT)",
        "Proceedings of the 2019 Conference on Tests, Volumes and Trials",
        "Lecture Notes in Testing (including subseries Lecture Notes in Trials)",
        "Journal of No Violence Studies",
    ],
)
def test_a_venue_name_with_numbers_is_not_cut(venue: str) -> None:
    assert byline((), venue, None) == venue


def test_an_author_that_is_also_the_venue_is_named_once() -> None:
    assert byline(("The Daily Planet",), "The Daily Planet", "2020") == "The Daily Planet · 2020"


def test_no_authors_venue_or_date_no_byline() -> None:
    assert byline((), None, None) == ""
    assert byline((), "", "n.d.") == ""


def test_each_part_is_bounded_whatever_the_input() -> None:
    got = byline(("x" * 5000,), "Journal " * 1000, "2020")
    name, venue, year = got.split(" · ")
    assert len(name) <= BYLINE_PART_LIMIT and name.endswith("…")
    assert len(venue) <= BYLINE_PART_LIMIT and venue.endswith("…")
    assert year == "2020"


def _issue_with_bylines() -> dict[str, object]:
    issue = make_issue(
        {
            "Engines": [
                make_entry(
                    "p1",
                    "Engine harms",
                    "We survey engines.",
                    authors=("Ada Lovelace", "Charles Babbage", "Mary Somerville"),
                    venue="Journal of Invented Results",
                    date="2017-11-30",
                    doi="10.1234/invented.2017.1",
                ),
                make_entry("p2", "No byline", "We measure nothing."),
            ]
        }
    )
    return issue_context(issue)


EXPECTED = "Ada Lovelace et al. · Journal of Invented Results · 2017"


def test_the_markdown_issue_shows_the_byline_in_italics_after_the_line() -> None:
    env = make_environment(None)
    md = render_markdown(_issue_with_bylines(), env).decode()
    (line,) = [x for x in md.splitlines() if x.startswith("- **Engine harms**")]
    assert line == (
        f"- **Engine harms**: We survey engines. — *{EXPECTED}* "
        "([link](<https://doi.org/10.1234/invented.2017.1>))"
    )
    html = MarkdownIt("commonmark").render(line)
    assert f"<em>{EXPECTED}</em>" in html
    (bare,) = [x for x in md.splitlines() if x.startswith("- **No byline**")]
    assert bare.startswith("- **No byline**: We measure nothing. (no link: [search for it]")


def test_markup_in_a_venue_renders_literally_in_the_markdown() -> None:
    issue = make_issue(
        {
            "T": [
                make_entry(
                    "p1", "H", "We do it.", venue="*Bold* [x](javascript:y) _z_", doi="10.1/x"
                )
            ]
        }
    )
    md = render_markdown(issue_context(issue), make_environment(None)).decode()
    (line,) = [x for x in md.splitlines() if x.startswith("- **H**")]
    html = MarkdownIt("commonmark").render(line)
    # The headline in bold and the paper's own link only.
    assert html.count("<a ") == 1 and html.count("<strong>") == 1
    assert "<em>*Bold* [x](javascript:y) _z_</em>" in html


def test_the_email_shows_the_byline_before_the_link_and_nothing_without_one() -> None:
    env = make_environment(None)
    context = _issue_with_bylines()
    text = render_email_text(context, env)
    assert f"  We survey engines.\n  {EXPECTED}\n  https://doi.org/" in text
    assert "  We measure nothing.\n  no link; search for it: https://" in text
    html = render_email_html(context, env, email=True)
    assert f'<p class="meta">{EXPECTED} · <a href="https://doi.org/' in html
    assert '<p class="meta">No link: <a href="https://' in html


def test_the_plain_text_email_never_leaves_the_year_alone_on_a_line() -> None:
    # "Ada Lovelace et al. · " and this venue fill 70 columns with the " ·" after it: word
    # wrapping put "2019" alone on the next line.
    venue = "Anuario de Estudios Inventados sobre Motores"
    issue = make_issue(
        {
            "T": [
                make_entry(
                    "p1",
                    "H",
                    "We do it.",
                    authors=("Ada Lovelace", "B. C", "D. E"),
                    venue=venue,
                    date="2019",
                    doi="10.1/x",
                )
            ]
        }
    )
    text = render_email_text(issue_context(issue), make_environment(None))
    assert "\n  Ada Lovelace et al. · Anuario de Estudios Inventados sobre\n" in text
    assert "\n  Motores · 2019\n  https://doi.org/10.1/x" in text
    assert "\u00a0" not in text
    assert all(len(line) <= 72 for line in text.splitlines() if "://" not in line)


def test_the_issue_feed_item_and_a_named_theme_feed_show_the_byline() -> None:
    env = make_environment(None)
    context = _issue_with_bylines()
    assert f"We survey engines. — <em>{EXPECTED}</em></li>" in render_feed_content(context, env)
    # A named theme's feed is made from digest.json, which keeps the fields, not the byline.
    themes = json.loads(render_json(context))["themes"]
    assert "byline" not in themes[0]["papers"][0]
    feed = render_feed_content_of(themes, env)
    assert f"We survey engines. — <em>{EXPECTED}</em></li>" in feed
    assert "We measure nothing.</li>" in feed
    # An older digest's JSON may lack the fields.
    for paper in themes[0]["papers"]:
        for key in ("authors", "venue", "date"):
            paper.pop(key)
    assert "<em>" not in render_feed_content_of(themes, env)


@pytest.mark.parametrize(
    ("fmt", "shown"),
    [
        ("markdown", f"We survey engines. — *{EXPECTED}* ([link]"),
        ("text", f"  We survey engines.\n  {EXPECTED}\n  https://doi.org/"),
        ("html", f"We survey engines. — <em>{EXPECTED}</em></li>"),
        ("slack", f"We survey engines. — {EXPECTED}\n"),
    ],
)
def test_digest_show_gives_the_byline_in_every_format(fmt: str, shown: str) -> None:
    themes = json.loads(render_json(_issue_with_bylines()))["themes"]
    out = render_show(None, themes, fmt, make_environment(None))
    assert shown in out
    assert out.count(EXPECTED) == 1  # the paper without a byline shows none
