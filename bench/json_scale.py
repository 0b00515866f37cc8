"""Benchmark: loading is linear in every JSON shape (issue 18, item 8).

    .venv/bin/python bench/json_scale.py [--sizes 10000,20000,40000] [--repeat 3]

For each size, the same records are written as a JSON array, as JSONL, as a JSON array whose
records all share one id, and as JSONL whose records all share one abstract; each file is
loaded `--repeat` times and the best time printed, with the time per 1,000 records. Linear
loading keeps that last column flat as the size doubles (before the fix: 20,000 records in
an array took 47 s, 40,000 took 183 s, 20,000 sharing one id 33 s).
tests/test_linear_loading.py checks the same by counting work instead of reading a clock.
"""

from __future__ import annotations

import argparse
import json
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from digest.loading import load_papers


def _abstract(i: int) -> str:
    return (
        f"We study problem {i} in depth and show that method {i * 7} improves results "
        f"on {i % 13 + 2} benchmarks while using fewer parameters than earlier work."
    )


def _shapes() -> dict[str, tuple[str, Callable[[int], str]]]:
    def rows(n: int, same_id: bool = False, same_text: bool = False) -> list[dict[str, str]]:
        return [
            {
                "id": "p1" if same_id else f"p{i}",
                "title": f"Paper {i}",
                "abstract": _abstract(1 if same_text else i),
            }
            for i in range(n)
        ]

    def lines(items: list[dict[str, str]]) -> str:
        return "".join(json.dumps(item) + "\n" for item in items)

    return {
        "json array": ("a.json", lambda n: json.dumps(rows(n), indent=2)),
        "jsonl": ("a.jsonl", lambda n: lines(rows(n))),
        "array, one id": ("a.json", lambda n: json.dumps(rows(n, same_id=True), indent=2)),
        "jsonl, one abstract": ("a.jsonl", lambda n: lines(rows(n, same_text=True))),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default="10000,20000,40000")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    sizes = [int(size) for size in args.sizes.split(",")]
    print(f"{'shape':22} {'records':>8} {'papers':>8} {'best s':>8} {'ms/1k':>7}")
    with tempfile.TemporaryDirectory() as folder:
        for shape, (name, write) in _shapes().items():
            for size in sizes:
                path = Path(folder) / name
                path.write_text(write(size), encoding="utf-8")
                best = float("inf")
                papers = 0
                for _ in range(args.repeat):
                    start = time.perf_counter()
                    papers = len(load_papers([path]).papers)
                    best = min(best, time.perf_counter() - start)
                print(f"{shape:22} {size:8d} {papers:8d} {best:8.2f} {best / size * 1e6:7.1f}")


if __name__ == "__main__":
    main()
