"""The archive as a site, week after week (through the real CLI): index, issue pages and their
navigation, feeds of every kind, the search data, and rebuilding an older week."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path

import feedparser
from click.testing import CliRunner, Result

from digest.cli import main

from jsonfeed import check_json_feed

SITE = "https://lab.example.org/digest/"
WEEKS = ["2026-11-02", "2026-11-09", "2026-11-16"]
ISO = ["2026-W45", "2026-W46", "2026-W47"]
TOPICS = ["robotics", "dialogue", "galaxies"]


def abstract(topic: str, n: int) -> str:
    return (
        f"We introduce {topic} method number {n} for studying {topic} systems at scale. "
        f"Prior work on {topic} relied on small benchmarks. "
        f"Our {topic} approach improves accuracy by {n} points on three benchmarks."
    )


def grow_folder(week: int, extra: list[dict[str, object]] | None = None) -> None:
    rows: list[dict[str, object]] = [
        {
            "id": f"w{week}-{i}",
            "title": f"{TOPICS[i % 3].title()} study {week}.{i}",
            "abstract": abstract(TOPICS[i % 3], 10 * week + i),
            "authors": [f"Author{week}{i} Lovelace", "Grace Hopper"],
        }
        for i in range(4)
    ]
    Path("inbox").mkdir(exist_ok=True)
    lines = [json.dumps(r) for r in rows + (extra or [])]
    Path(f"inbox/week{week}.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")


def build(date: str, *extra: str) -> Result:
    args = ["build", "inbox", "--out", "out", "--date", date, "--site-url", SITE, *extra]
    return CliRunner().invoke(main, args, catch_exceptions=False)


def three_weeks(*extra: str) -> None:
    for week, date in enumerate(WEEKS, start=1):
        grow_folder(week)
        result = build(date, *extra)
        assert result.exit_code == 0, result.output


class Links(HTMLParser):
    """Every href of a page, and every element id."""

    def __init__(self) -> None:
        super().__init__()
        self.links: list[dict[str, str]] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {k: v or "" for k, v in attrs}
        if "href" in values:
            self.links.append({"tag": tag, **values})
        if "id" in values:
            self.ids.add(values["id"])


def links_of(page: Path) -> Links:
    parser = Links()
    parser.feed(page.read_text(encoding="utf-8"))
    return parser


def files(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()
    }


FEEDS = [
    "feed.xml",
    "atom.xml",
    "feed.json",
    "papers/feed.xml",
    "papers/atom.xml",
    "papers/feed.json",
]


def test_every_feed_parses_and_every_json_feed_has_the_required_fields() -> None:
    Path("digest.toml").write_text(
        '[[theme]]\nlabel = "Robotics"\nkeywords = ["robotics"]\n', encoding="utf-8"
    )
    three_weeks()
    out = Path("out")
    xml = sorted(out.rglob("*.xml"))
    assert [p.relative_to(out).as_posix() for p in xml] == [
        "atom.xml",
        "feed.xml",
        "papers/atom.xml",
        "papers/feed.xml",
        "themes/robotics/atom.xml",
        "themes/robotics/feed.xml",
    ]
    for path in xml:
        parsed = feedparser.parse(path.read_bytes())
        assert not parsed.bozo, (path, parsed.get("bozo_exception"))
        assert parsed.entries, path
        if path.name == "atom.xml":
            assert parsed.feed.author_detail.name, path
    json_feeds = sorted(out.rglob("*.json"))
    assert {p.relative_to(out).as_posix() for p in json_feeds} == {
        "digest.json",
        "feed.json",
        "papers/feed.json",
        "themes/robotics/feed.json",
    }
    for path in json_feeds:
        if path.name == "feed.json":
            feed = check_json_feed(path.read_bytes())
            assert feed["feed_url"] == SITE + path.relative_to(out).as_posix()
    issues = check_json_feed((out / "feed.json").read_bytes())
    assert [i["id"] for i in issues["items"]] == [f"{SITE}issues/{w}.html" for w in reversed(ISO)]


def test_the_paper_feeds_have_one_item_a_paper_newest_first_with_stable_ids() -> None:
    grow_folder(1)
    assert build(WEEKS[0], "--feed-papers", "6").exit_code == 0
    first = feedparser.parse(Path("out/papers/feed.xml").read_bytes())
    grow_folder(2)
    assert build(WEEKS[1], "--feed-papers", "6").exit_code == 0
    out = Path("out")
    rss = feedparser.parse((out / "papers/feed.xml").read_bytes())
    atom = feedparser.parse((out / "papers/atom.xml").read_bytes())
    data = check_json_feed((out / "papers/feed.json").read_bytes())
    week2 = json.loads((out / "digest.json").read_text(encoding="utf-8"))
    newest = [p["id"] for t in week2["themes"] for p in t["papers"]]
    ids = [e.id for e in rss.entries]
    # The last 6 papers: the 4 of week 2, in the issue's order, then 2 of week 1.
    assert len(ids) == 6
    assert ids[:4] == [f"{SITE}issues/2026-W46.html#p-{pid}" for pid in newest]
    assert all(i.startswith(f"{SITE}issues/2026-W45.html#p-w1-") for i in ids[4:])
    assert [e.id for e in atom.entries] == ids == [i["id"] for i in data["items"]]
    # A paper's id is its permalink, and stays the same when later issues are added.
    assert ids[4:] == [e.id for e in first.entries][:2]
    assert [e.link for e in rss.entries] == ids
    assert [e.published_parsed[:3] for e in rss.entries] == [(2026, 11, 9)] * 4 + [
        (2026, 11, 2)
    ] * 2
    # The permalink's anchor is the paper's row on its issue page.
    for link in ids:
        page, anchor = link.removeprefix(SITE).split("#")
        assert anchor in links_of(out / page).ids, link
    assert rss.entries[0].title == week2["themes"][0]["papers"][0]["headline"]
    assert [a.name for a in atom.entries[0].authors][1] == "Grace Hopper"


def test_every_page_advertises_every_feed_and_every_local_link_resolves() -> None:
    three_weeks()
    out = Path("out")
    pages = [out / "index.html", out / "search.html", *sorted((out / "issues").glob("*.html"))]
    assert len(pages) == 5
    for page in pages:
        parsed = links_of(page)
        alternates = [
            link["href"]
            for link in parsed.links
            if link["tag"] == "link" and link.get("rel") == "alternate"
        ]
        resolved = {(page.parent / href).resolve() for href in alternates}
        assert resolved == {(out / f).resolve() for f in FEEDS}, page
        for link in parsed.links:
            href = link["href"]
            if href.startswith(("https://", "http://", "mailto:")):
                continue
            target, _, anchor = href.partition("#")
            path = (page.parent / target).resolve() if target else page.resolve()
            assert path.is_file(), (page, href)
            if anchor:
                assert anchor in links_of(path).ids, (page, href)


def nav_links(page: Path) -> dict[str, str]:
    """The navigation's links of an issue page, by their text (the first nav only)."""
    html = page.read_text(encoding="utf-8")
    nav = html.split('<nav class="site-nav"', 1)[1].split("</nav>", 1)[0]
    return {
        text: href
        for href, text in re.findall(r'<a (?:rel="\w+" )?href="([^"]+)">([^<]+)</a>', nav)
    }


def test_issue_pages_link_to_the_archive_the_search_and_their_neighbours() -> None:
    grow_folder(1)
    assert build(WEEKS[0]).exit_code == 0
    grow_folder(2)
    assert build(WEEKS[1]).exit_code == 0
    # The latest issue has no next one yet.
    assert "Issue 3 (2026-W47) →" not in nav_links(Path("out/issues/2026-W46.html"))
    grow_folder(3)
    assert build(WEEKS[2]).exit_code == 0
    first, middle, last = (nav_links(Path(f"out/issues/{w}.html")) for w in ISO)
    for nav in (first, middle, last):
        assert nav["All issues"] == "../index.html"
        assert nav["Search"] == "../search.html"
    assert middle["← Issue 1 (2026-W45)"] == "2026-W45.html"
    assert middle["Issue 3 (2026-W47) →"] == "2026-W47.html"
    assert not any(text.startswith("←") for text in first)
    assert not any(text.endswith("→") for text in last)
    html = Path("out/issues/2026-W46.html").read_text(encoding="utf-8")
    assert html.count('<nav class="site-nav"') == 2  # above and below the issue
    assert "digest:nav" not in html


def test_the_index_lists_every_issue_with_its_date_and_themes() -> None:
    three_weeks()
    index = Path("out/index.html").read_text(encoding="utf-8")
    for number, (week, day) in enumerate(zip(ISO, ["2", "9", "16"], strict=True), start=1):
        assert f'<a href="issues/{week}.html">Issue {number} · {week}</a>' in index
        assert f"{day} November 2026" in index
    latest = json.loads(Path("out/digest.json").read_text(encoding="utf-8"))
    for theme in latest["themes"]:
        slug = re.sub(r"[^a-z0-9]+", "-", theme["label"].lower()).strip("-")
        assert (
            f'<a href="issues/2026-W47.html#{slug}">{theme["label"]}</a> '
            f'<span class="count muted">({len(theme["papers"])})</span>'
        ) in index
    # Newest first.
    assert index.index("Issue 3 ·") < index.index("Issue 2 ·") < index.index("Issue 1 ·")


HOSTILE = 'Robots </script><img src=x onerror=alert(1)> \u2028 & "quotes" \\ done'


def search_data() -> dict[str, list[object]]:
    text = Path("out/search-data.js").read_text(encoding="ascii")
    prefix, suffix = "window.digestSearch = ", ";\n"
    assert text.startswith(prefix) and text.endswith(suffix)
    data: dict[str, list[object]] = json.loads(text[len(prefix) : -len(suffix)])
    return data


def test_the_search_data_holds_every_paper_of_every_issue_and_no_markup() -> None:
    grow_folder(1, [{"id": "evil", "title": HOSTILE, "abstract": abstract("robotics", 99)}])
    assert build(WEEKS[0]).exit_code == 0
    grow_folder(2)
    assert build(WEEKS[1]).exit_code == 0
    raw = Path("out/search-data.js").read_bytes()
    assert not set(raw) & set(b"<>&\xe2"), "only escaped ASCII text"
    data = search_data()
    assert [i["week"] for i in data["issues"]] == ["2026-W46", "2026-W45"]  # type: ignore[index]
    papers = data["papers"]
    assert len(papers) == 9
    headlines = {p[2]: p for p in papers}  # type: ignore[index]
    evil = headlines[" ".join(HOSTILE.replace("\u2028", " ").split())]
    assert evil[0] == 1 and evil[5] == "p-evil"  # type: ignore[index]
    assert any(p[4] == "Author21 Lovelace, Grace Hopper" for p in papers)  # type: ignore[index]


def test_rebuilding_an_older_week_writes_its_page_and_keeps_the_latest_outputs() -> None:
    three_weeks()
    out = Path("out")
    before = files(out)
    result = build(WEEKS[0], "--title", "Renamed digest")
    assert result.exit_code == 0, result.output
    assert "issue 1 (rebuilt), 2026-W45" in result.output
    assert (
        "Issue 1 is an older week: out/issues/2026-W45.html and the archive are up to date; "
        "digest.md, digest.json and email.* still hold the latest issue, 3 (2026-W47)."
    ) in result.output
    after = files(out)
    for name in ("digest.md", "digest.json", "email.html", "email.txt", "email.eml"):
        assert after[name] == before[name], name
    assert "Renamed digest" in after["issues/2026-W45.html"].decode()
    assert "Renamed digest" not in after["issues/2026-W47.html"].decode()
