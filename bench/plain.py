"""The plain approach a user would write in an afternoon: the baseline of bench/scale.py.

    .venv/bin/python bench/plain.py FOLDER [--out page.html] [--themes 8]

What issue 8 describes, written the way sumy's and scikit-learn's READMEs show it: read every
JSONL file in FOLDER, pick one sentence per abstract with sumy's LexRank through sumy's own
`PlaintextParser` (with a regex tokenizer object, because sumy's `Tokenizer("english")` needs
NLTK data that is not available offline), group with TF-IDF + k-means (a fixed number of
groups, named by the top terms of each centroid), and render one jinja2 HTML page. No
deduplication, no cleaning, no feeds. Prints the seconds of each stage.

The functions are the stages, so that bench/scale.py can time them one by one.
"""

from __future__ import annotations

import argparse
import json
import re
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import jinja2
import numpy as np
from sklearn.cluster import KMeans
from sklearn.feature_extraction.text import TfidfVectorizer
from sumy.nlp.stemmers import Stemmer
from sumy.parsers.plaintext import PlaintextParser
from sumy.summarizers.lex_rank import LexRankSummarizer
from sumy.utils import get_stop_words

# A newsletter-sized number of groups, the same cap digest uses when it chooses itself.
THEMES = 8
RANDOM_STATE = 0
TOP_TERMS = 3

PAGE = jinja2.Template(
    """<!doctype html>
<html><head><meta charset="utf-8"><title>Digest</title></head><body>
<h1>Digest: {{ count }} papers</h1>
{% for group in groups %}<h2>{{ group.label }}</h2>
<ul>
{% for paper in group.papers %}<li><b>{{ paper.title }}</b>: {{ paper.summary }}</li>
{% endfor %}</ul>
{% endfor %}</body></html>
""",
    autoescape=True,
)


@dataclass(frozen=True)
class PlainPaper:
    id: str
    title: str
    abstract: str


class RegexTokenizer:
    """The tokenizer object sumy's parser expects, with two regexes instead of NLTK's punkt."""

    language = "english"
    _sentence_end = re.compile(r"(?<=[.!?])\s+")
    _word = re.compile(r"\w+")

    def to_sentences(self, paragraph: str) -> tuple[str, ...]:
        return tuple(s for s in self._sentence_end.split(paragraph.strip()) if s)

    def to_words(self, sentence: str) -> tuple[str, ...]:
        return tuple(self._word.findall(sentence))


def load_jsonl(folder: Path) -> list[PlainPaper]:
    """Every line of every *.jsonl file in `folder`, in file-name order."""
    papers: list[PlainPaper] = []
    for path in sorted(folder.glob("*.jsonl")):
        with path.open(encoding="utf-8") as f:
            for line in f:
                if line.strip():
                    row = json.loads(line)
                    papers.append(PlainPaper(row["id"], row.get("title", ""), row["abstract"]))
    return papers


def summarize_lexrank(papers: Sequence[PlainPaper]) -> list[str]:
    """One LexRank sentence per abstract, through sumy's PlaintextParser (the README way)."""
    tokenizer = RegexTokenizer()
    summarizer = LexRankSummarizer(Stemmer("english"))
    summarizer.stop_words = get_stop_words("english")
    out: list[str] = []
    # sumy's LexRank divides by zero norms on sentences without shared words.
    with np.errstate(divide="ignore", invalid="ignore"):
        for paper in papers:
            document = PlaintextParser.from_string(paper.abstract, tokenizer).document
            chosen = summarizer(document, 1)
            out.append(str(chosen[0]) if chosen else "")
    return out


def group_kmeans(papers: Sequence[PlainPaper], k: int = THEMES) -> tuple[list[int], list[str]]:
    """TF-IDF of title + abstract, k-means; each group named by its centroid's top terms."""
    texts = [f"{p.title} {p.abstract}" for p in papers]
    vectorizer = TfidfVectorizer(stop_words="english")
    matrix = vectorizer.fit_transform(texts)
    # scikit-learn's defaults (one k-means++ start), as a user who copies its example would.
    model = KMeans(n_clusters=min(k, len(papers)), random_state=RANDOM_STATE)
    labels = [int(x) for x in model.fit_predict(matrix)]
    terms = vectorizer.get_feature_names_out()
    names = [
        ", ".join(str(terms[i]) for i in np.argsort(-centre)[:TOP_TERMS])
        for centre in model.cluster_centers_
    ]
    return labels, names


def render_page(
    papers: Sequence[PlainPaper], summaries: Sequence[str], labels: Sequence[int], names: list[str]
) -> str:
    groups = [
        {
            "label": name,
            "papers": [
                {"title": p.title, "summary": s}
                for p, s, lab in zip(papers, summaries, labels, strict=True)
                if lab == g
            ],
        }
        for g, name in enumerate(names)
    ]
    return str(PAGE.render(count=len(papers), groups=groups))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path, help="folder of *.jsonl files (id, title, abstract)")
    parser.add_argument("--out", type=Path, default=None, help="where to write the page")
    parser.add_argument("--themes", type=int, default=THEMES, help="k for k-means")
    args = parser.parse_args()

    start = time.perf_counter()
    papers = load_jsonl(args.folder)
    loaded = time.perf_counter()
    summaries = summarize_lexrank(papers)
    summarized = time.perf_counter()
    labels, names = group_kmeans(papers, args.themes)
    grouped = time.perf_counter()
    page = render_page(papers, summaries, labels, names)
    if args.out is not None:
        args.out.write_text(page, encoding="utf-8")
    rendered = time.perf_counter()
    print(
        f"{len(papers)} papers: load {loaded - start:.2f} s, summarize {summarized - loaded:.2f} s,"
        f" group {grouped - summarized:.2f} s, render {rendered - grouped:.2f} s,"
        f" total {rendered - start:.2f} s"
    )


if __name__ == "__main__":
    main()
