"""Look at the email and the site as a person would: headless Chromium screenshots.

    .venv/bin/python bench/screenshots.py [HTML ...] [--out DIR]
    .venv/bin/python bench/screenshots.py --site out [--query WORDS] [--out DIR]

Takes a screenshot of each HTML file (default out/email.html) at 600 px (desktop mail
clients), at 375 px (a phone) and at 600 px with the dark colour scheme. With --site, takes
the archive instead: index.html, the newest issue's page and search.html searching for
--query, each at 1000 px (a laptop) and 375 px, opened from disk (file://) as a reader who
downloaded the folder would. Prints where they are. Needs Debian's `chromium` (apt-get install
chromium); it is started with networking features off, so a page that tried to load anything
from outside would show it missing. Prints paths; asserts nothing.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from urllib.parse import urlencode

VIEWS = {
    "desktop": (600, 2400, []),
    "phone": (375, 2400, []),
    "dark": (
        600,
        2400,
        [
            "--force-dark-mode",
            "--enable-features=WebContentsForceDark:inversion_method/cielab_based",
        ],
    ),
}
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--hide-scrollbars",
]


SITE_VIEWS = {"wide": (1000, 1800, []), "phone": (375, 2400, [])}


def screenshot(
    browser: str, page: Path | str, target: Path, width: int, height: int, extra: list[str]
) -> None:
    with tempfile.TemporaryDirectory() as profile:
        subprocess.run(
            [
                browser,
                *FLAGS,
                *extra,
                f"--user-data-dir={profile}",
                f"--window-size={width},{height}",
                f"--screenshot={target}",
                page if isinstance(page, str) else page.resolve().as_uri(),
            ],
            check=True,
            capture_output=True,
            timeout=120,
        )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("pages", nargs="*", type=Path, default=[Path("out/email.html")])
    parser.add_argument("--out", type=Path, default=Path("out/screenshots"))
    parser.add_argument("--site", type=Path, default=None, help="an output folder to look at")
    parser.add_argument("--query", default="language model", help="what --site searches for")
    args = parser.parse_args()
    browser = shutil.which("chromium") or shutil.which("chromium-browser")
    if browser is None:
        print("chromium not found: apt-get install chromium", file=sys.stderr)
        return 1
    args.out.mkdir(parents=True, exist_ok=True)
    if args.site is not None:
        return site_screenshots(browser, args.site, args.query, args.out)
    for page in args.pages:
        for view, (width, height, extra) in VIEWS.items():
            target = args.out / f"{page.stem}-{view}.png"
            screenshot(browser, page, target, width, height, extra)
            print(f"{view:8} {width}px  {target}")
    return 0


def site_screenshots(browser: str, site: Path, query: str, out: Path) -> int:
    issues = sorted((site / "issues").glob("*.html"))
    if not (site / "index.html").is_file() or not issues:
        print(f"{site}: no index.html or issues/*.html; run digest build first", file=sys.stderr)
        return 1
    search = (site / "search.html").resolve().as_uri() + "?" + urlencode({"q": query})
    pages: dict[str, Path | str] = {
        "index": site / "index.html",
        "issue": issues[-1],
        "search": search,
    }
    for name, page in pages.items():
        for view, (width, height, extra) in SITE_VIEWS.items():
            target = out / f"site-{name}-{view}.png"
            screenshot(browser, page, target, width, height, extra)
            print(f"{name:7} {view:6} {width}px  {target}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
