"""Look at the email as a person would: headless Chromium screenshots of out/email.html.

    .venv/bin/python bench/screenshots.py [HTML ...] [--out DIR]

Takes a screenshot of each HTML file at 600 px (desktop mail clients), at 375 px (a phone) and
at 600 px with the dark colour scheme, and prints where they are. Needs Debian's `chromium`
(apt-get install chromium); it is started with networking features off, so a page that tried
to load anything from outside would show it missing. Prints paths; asserts nothing.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

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


def screenshot(
    browser: str, page: Path, target: Path, width: int, height: int, extra: list[str]
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
                page.resolve().as_uri(),
            ],
            check=True,
            capture_output=True,
            timeout=120,
        )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("pages", nargs="*", type=Path, default=[Path("out/email.html")])
    parser.add_argument("--out", type=Path, default=Path("out/screenshots"))
    args = parser.parse_args()
    browser = shutil.which("chromium") or shutil.which("chromium-browser")
    if browser is None:
        print("chromium not found: apt-get install chromium", file=sys.stderr)
        return 1
    args.out.mkdir(parents=True, exist_ok=True)
    for page in args.pages:
        for view, (width, height, extra) in VIEWS.items():
            target = args.out / f"{page.stem}-{view}.png"
            screenshot(browser, page, target, width, height, extra)
            print(f"{view:8} {width}px  {target}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
