"""Load damaged copies of real files: crashes and slow files, the way real damage finds them.

    .venv/bin/python bench/fuzz_loading.py                  # seed 0, every kind of damage
    .venv/bin/python bench/fuzz_loading.py --seed 7 --kinds trunc,cut,manyspaces
    .venv/bin/python bench/fuzz_loading.py --list           # the kinds of damage

Every file of ../shared/bench/exports (the real exports), tests/fixtures and seeds/ is copied
with one kind of damage at a time (cut short, a span cut or repeated, garbage bytes, another
encoding, a NUL, lines dropped or shuffled, one structural character swapped in, long runs of
one character, deep nesting …; positions drawn from --seed) into a temporary folder, and
loaded alone with digest.loading.load_papers. "No abstracts found" (InputError) is an
expected answer; any other exception is a bug, printed with its traceback, and so is a
file that takes more than --slow seconds (a regex or loop whose time explodes: each found so
far was a pattern that rescans a long run of the same character). The shared data is only
read. Prints what it finds and a count; asserts nothing.
"""

from __future__ import annotations

import argparse
import random
import tempfile
import time
import traceback
from collections.abc import Iterator
from pathlib import Path

from digest.errors import InputError
from digest.loading import load_papers

ROOT = Path(__file__).resolve().parent.parent
SOURCES = (
    ROOT.parent / "shared" / "bench" / "exports",
    ROOT / "tests" / "fixtures",
    ROOT / "seeds",
)
MAX_BYTES = 3_000_000
# Runs of one string, inserted at a random place: (kind, string, count).
RUNS = (
    ("longline", b"x", 200_000),
    ("deepjson", b"[", 100_000),
    ("deepbrace", b"{", 50_000),
    ("manyquotes", b'"', 5_001),
    ("manylines", b"\n", 300_000),
    ("manyamps", b"&", 5_001),
    ("manylt", b"<", 5_001),
    ("manyspaces", b" ", 100_000),
    ("manytabs", b"\t", 100_000),
    ("manycommas", b",", 100_000),
    ("manydots", b". ", 50_000),
    ("manylinks", b"[](", 20_000),
    ("longword", b"ab-cd ", 30_000),
)
STRUCTURAL = b'<>"{},\t;&\\'


def damaged(data: bytes, rng: random.Random) -> Iterator[tuple[str, bytes]]:
    """(kind, damaged copy) for each kind of damage, at positions drawn from `rng`."""
    n = len(data)
    a = rng.randrange(n)
    b = min(n, a + rng.randrange(1, 2000))
    text = data.decode("utf-8", "replace")
    yield "trunc", data[:a]
    yield "cut", data[:a] + data[b:]
    yield "garbage", data[:a] + bytes(rng.randrange(256) for _ in range(50)) + data[a:]
    yield "dup", data[:b] + data[a:]
    yield "repeat", data[a:b] * 200
    yield "utf16", text.encode("utf-16")
    yield "crlf-latin1", text.replace("\n", "\r\n").encode("latin-1", "replace")
    yield "cr", data.replace(b"\n", b"\r")
    yield "bom", b"\xef\xbb\xbf" + data
    yield "nul", data[:a] + b"\x00" + data[a:]
    lines = data.split(b"\n")
    i = rng.randrange(len(lines))
    yield "dropline", b"\n".join(lines[:i] + lines[i + 1 :])
    yield "swaplines", b"\n".join(rng.sample(lines, len(lines))[:50] + lines)
    for char in STRUCTURAL:
        j = rng.randrange(n)
        yield f"char{chr(char)!r}", data[:j] + bytes([char]) + data[j + 1 :]
    multibyte = [k for k in range(n) if data[k] >= 0xC0]
    if multibyte:
        k = rng.choice(multibyte)
        yield "cutmultibyte", data[: k + 1]
    yield "opencdata", data[:a] + b"<![CDATA[" + data[a:]
    yield "opencomment", data[:a] + b"<!--" + data[a:]
    if b"boundary=" in data:
        yield "mimeboundary", data.replace(b"boundary=", b"boundary=X", 1)
    for kind, piece, count in RUNS:
        yield kind, data[:a] + piece * count + data[a:]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--kinds", help="comma-separated kinds of damage (default: all)")
    parser.add_argument("--slow", type=float, default=2.0, help="seconds that make a file slow")
    parser.add_argument("--list", action="store_true", help="list the kinds and stop")
    args = parser.parse_args()
    if args.list:
        print(" ".join(kind for kind, _ in damaged(b"a\nb\xc3\xa9 boundary=", random.Random(0))))
        return
    kinds = set(args.kinds.split(",")) if args.kinds else None
    rng = random.Random(args.seed)
    files = sorted(
        path
        for source in SOURCES
        for path in source.rglob("*")
        if path.is_file() and 0 < path.stat().st_size < MAX_BYTES and path.name != "MANIFEST.tsv"
    )
    tried = crashes = slow = 0
    with tempfile.TemporaryDirectory() as scratch:
        for source in files:
            for kind, data in damaged(source.read_bytes(), rng):
                if kinds and kind not in kinds:
                    continue
                copy = Path(scratch) / f"{source.stem}.{kind.strip(chr(39))}{source.suffix}"
                copy.write_bytes(data)
                tried += 1
                start = time.perf_counter()
                try:
                    load_papers([copy])
                except InputError:
                    pass
                except Exception:  # a bug to report, with the input that shows it
                    crashes += 1
                    print(f"CRASH {source.relative_to(ROOT.parent)} {kind}")
                    traceback.print_exc(limit=4)
                seconds = time.perf_counter() - start
                if seconds > args.slow:
                    slow += 1
                    print(f"SLOW {seconds:.1f} s {source.relative_to(ROOT.parent)} {kind}")
                copy.unlink()
    found = f"{crashes} crashes, {slow} slow"
    print(f"seed {args.seed}: {len(files)} files, {tried} damaged copies, {found}")


if __name__ == "__main__":
    main()
