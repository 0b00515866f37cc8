"""The archive in a real headless browser (Debian's chromium, driven through its chromedriver
by selenium), opened from disk (file://) and from a web server on 127.0.0.1: every link
resolves, the search finds papers of any issue, abstract text stays text, and nothing is wider
than a 375 px phone. Skipped, saying why, where no browser is installed; .ci/run installs one.
"""

from __future__ import annotations

import functools
import http.server
import json
import os
import shutil
import tempfile
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlsplit

import pytest
from click.testing import CliRunner

from digest.cli import main

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
CHROMEDRIVER = shutil.which("chromedriver")
pytestmark = pytest.mark.skipif(
    CHROMIUM is None or CHROMEDRIVER is None,
    reason="no headless Chromium here: apt-get install chromium chromium-driver "
    "(.ci/run installs them)",
)
webdriver = pytest.importorskip("selenium.webdriver", reason="selenium is in the test extra")

SITE = "https://lab.example.org/digest/"
WEEKS = ["2026-11-02", "2026-11-09", "2026-11-16"]
LONG_WORD = "Supercalifragilistic" * 6
HOSTILE = 'Robots <img src=x onerror="window.pwned=1"> </script><b>bold</b> & ' + LONG_WORD
TOPICS = ["robotics", "dialogue", "galaxies"]


def rows(week: int) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = [
        {
            "id": f"w{week}-{i}",
            "title": f"{TOPICS[i % 3].title()} study {week}.{i}",
            "abstract": (
                f"We introduce {TOPICS[i % 3]} method number {week}{i} with a "
                f"{'quokka' if (week, i) == (1, 1) else 'plain'} estimator for systems at scale. "
                f"Prior work on {TOPICS[i % 3]} relied on small benchmarks. "
                f"Our approach improves accuracy by {i} points on three benchmarks."
            ),
            "authors": [f"Ada{week}{i} Lovelace", "Grace Hopper"],
            "url": f"https://arxiv.org/abs/2101.0{week}{i:03d}",
        }
        for i in range(4)
    ]
    if week == 1:
        out.append(
            {
                "id": "evil",
                "title": HOSTILE,
                "abstract": "We introduce a robot hand <script>window.pwned=2</script> that "
                f"learns {LONG_WORD} dexterous manipulation in simulation. It transfers to "
                "the real robot without any fine-tuning at all.",
            }
        )
    return out


@pytest.fixture(scope="module")
def site() -> Iterator[Path]:
    """Three weekly issues built with the real CLI, in a folder of their own."""
    with tempfile.TemporaryDirectory() as tmp:
        previous = Path.cwd()
        os.chdir(tmp)
        try:
            Path("inbox").mkdir()
            for week, date in enumerate(WEEKS, start=1):
                lines = [json.dumps(r) for r in rows(week)]
                Path(f"inbox/w{week}.jsonl").write_text("\n".join(lines) + "\n")
                args = ["build", "inbox", "--date", date, "--site-url", SITE, "-q"]
                result = CliRunner().invoke(main, args, catch_exceptions=False)
                assert result.exit_code == 0, result.output
        finally:
            os.chdir(previous)
        yield Path(tmp) / "out"


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


@pytest.fixture(scope="module")
def server(site: Path) -> Iterator[str]:
    """The folder served over HTTP on 127.0.0.1, as a web server would publish it."""
    handler = functools.partial(_Quiet, directory=str(site))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}/"
    finally:
        httpd.shutdown()
        httpd.server_close()


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    profile = tempfile.TemporaryDirectory()
    for flag in (
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--window-size=1000,900",
        f"--user-data-dir={profile.name}",
    ):
        options.add_argument(flag)
    # The driver that apt installed with this chromium: selenium fetches nothing.
    driver = webdriver.Chrome(service=Service(executable_path=CHROMEDRIVER), options=options)
    driver.set_page_load_timeout(30)
    try:
        yield driver
    finally:
        driver.quit()
        profile.cleanup()


@pytest.fixture(params=["file", "http"])
def root(request: pytest.FixtureRequest, site: Path) -> str:
    """The site's address: the folder opened from disk, or the web server's."""
    if request.param == "file":
        return site.as_uri() + "/"
    server_root: str = request.getfixturevalue("server")
    return server_root


def ids_of(driver: Any, url: str) -> set[str]:
    driver.get(url)
    found: list[str] = driver.execute_script(
        "return Array.from(document.querySelectorAll('[id]'), e => e.id);"
    )
    return set(found)


def test_every_link_of_every_page_resolves(browser: Any, root: str, site: Path) -> None:
    pages = ["index.html", "search.html"] + [
        f"issues/{p.name}" for p in (site / "issues").glob("*.html")
    ]
    checked: dict[str, set[str]] = {}
    for page in pages:
        browser.get(root + page)
        assert "digest" in browser.title.lower() or browser.title, page
        hrefs: list[str] = browser.execute_script(
            "return Array.from(document.querySelectorAll('a[href], link[href]'), a => a.href);"
        )
        local = [h for h in hrefs if h.startswith(root)]
        assert len(local) >= 7, (page, hrefs)  # six feeds and the archive at least
        for href in local:
            target, _, anchor = href.partition("#")
            path = site / urlsplit(target).path.removeprefix(urlsplit(root).path)
            assert path.is_file(), (page, href)
            if anchor and target.endswith(".html"):
                if target not in checked:
                    checked[target] = ids_of(browser, target)
                assert anchor in checked[target], (page, href)
        for href in hrefs:
            assert href.startswith((root, "https://")), (page, href)


def test_the_navigation_leads_from_issue_to_issue_and_back_to_the_archive(
    browser: Any, root: str
) -> None:
    from selenium.webdriver.common.by import By

    browser.get(root + "index.html")
    browser.find_element(By.LINK_TEXT, "Issue 2 · 2026-W46").click()
    wait_for(browser, arrived(root + "issues/2026-W46.html"))
    browser.find_element(By.PARTIAL_LINK_TEXT, "Issue 3 (2026-W47)").click()
    wait_for(browser, arrived(root + "issues/2026-W47.html"))
    browser.find_element(By.PARTIAL_LINK_TEXT, "Issue 2 (2026-W46)").click()
    wait_for(browser, arrived(root + "issues/2026-W46.html"))
    browser.find_element(By.PARTIAL_LINK_TEXT, "Issue 1 (2026-W45)").click()
    wait_for(browser, arrived(root + "issues/2026-W45.html"))
    browser.find_element(By.LINK_TEXT, "All issues").click()
    wait_for(browser, arrived(root + "index.html"))


def wait_for(browser: Any, condition: Any, seconds: float = 30) -> None:
    """Wait until `condition(browser)` holds: a click or a submit only starts a navigation,
    and a loaded machine may take a while to finish it."""
    from selenium.webdriver.support.ui import WebDriverWait

    WebDriverWait(browser, seconds).until(condition)


def arrived(url: str) -> Any:
    return lambda driver: driver.current_url == url


def search_results(browser: Any) -> list[dict[str, str]]:
    found: list[dict[str, str]] = browser.execute_script(
        "return Array.from(document.querySelectorAll('#results li'), li => ({"
        "  title: li.querySelector('a').textContent, href: li.querySelector('a').href,"
        "  text: li.textContent}));"
    )
    return found


def test_the_search_finds_a_paper_of_an_older_issue(browser: Any, root: str) -> None:
    from selenium.webdriver.common.by import By

    # From the archive's search box, as a reader would: words of the oldest issue's summary.
    browser.get(root + "index.html")
    box = browser.find_element(By.NAME, "q")
    box.send_keys("quokka estim")
    box.submit()
    wait_for(browser, lambda d: d.current_url.startswith(root + "search.html?q=quokka"))
    wait_for(browser, lambda d: "match" in d.find_element(By.ID, "status").text)
    hits = search_results(browser)
    assert [h["title"] for h in hits] == ["Dialogue study 1.1"]
    assert hits[0]["href"] == root + "issues/2026-W45.html#p-w1-1"
    assert "Issue 1 · 2026-W45" in hits[0]["text"]
    status = browser.find_element(By.ID, "status").text
    assert status == "1 paper matches."
    browser.find_element(By.LINK_TEXT, "Dialogue study 1.1").click()
    wait_for(browser, arrived(root + "issues/2026-W45.html#p-w1-1"))
    assert browser.execute_script("return document.getElementById('p-w1-1') !== null;")
    # By an author, across every issue, newest first; typing updates the results.
    browser.get(root + "search.html")
    box = browser.find_element(By.ID, "q")
    box.send_keys("grace hopper")
    wait_for(browser, lambda d: d.find_element(By.ID, "status").text.startswith("12 "))
    hits = search_results(browser)
    assert len(hits) == 12
    assert hits[0]["href"].startswith(root + "issues/2026-W47.html#")
    box.clear()
    box.send_keys("no such words anywhere")
    wait_for(browser, lambda d: "No paper matches" in d.find_element(By.ID, "status").text)
    assert search_results(browser) == []
    assert "No paper matches" in browser.find_element(By.ID, "status").text


def test_abstract_text_stays_text_in_the_search(browser: Any, root: str) -> None:
    browser.get(root + "search.html?q=" + quote("robots bold"))
    hits = search_results(browser)
    assert len(hits) == 1
    assert '<img src=x onerror="window.pwned=1">' in hits[0]["title"]
    assert browser.execute_script("return window.pwned === undefined;")
    assert (
        browser.execute_script(
            "return document.querySelectorAll('#results img, #results b').length;"
        )
        == 0
    )
    browser.get(root + "issues/2026-W45.html")
    assert browser.execute_script("return window.pwned === undefined;")


@pytest.mark.parametrize(
    "page",
    ["index.html", "issues/2026-W45.html", "issues/2026-W47.html", "search.html?q=robot"],
)
def test_nothing_is_wider_than_a_phone(browser: Any, site: Path, page: str) -> None:
    browser.execute_cdp_cmd(
        "Emulation.setDeviceMetricsOverride",
        {"width": 375, "height": 800, "deviceScaleFactor": 1, "mobile": True},
    )
    try:
        browser.get(site.as_uri() + "/" + page)
        width = browser.execute_script("return document.documentElement.clientWidth;")
        assert width == 375
        wide: list[str] = browser.execute_script(
            "return Array.from(document.querySelectorAll('body *'))"
            ".filter(e => e.getBoundingClientRect().right > 375.5)"
            ".map(e => e.tagName + '.' + e.className + ': ' + e.textContent.slice(0, 40));"
        )
        assert wide == []
        assert browser.execute_script("return document.documentElement.scrollWidth;") <= 375
    finally:
        browser.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
