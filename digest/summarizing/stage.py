"""The summarize stage: for each paper, a headline and the line that states its contribution.

`summarize_papers` splits a chunk of abstracts at a time (`split_abstracts`), builds a sumy
document of each (its title as the heading, its first `MAX_SENTENCES` sentences), and lets
the summarizer of the chosen method pick one sentence per document, `summarizer(document, 1)`.
The default, "contribution", is ours (`ContributionSummarizer`), which rates each chunk's
documents in one numpy batch first; sumy's own methods and lead-1 stay available by name for
comparison (see bench/summaries.py). The chosen sentence becomes the reader's line through
`digest.summarizing.trimming`. Large batches are spread over worker processes.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import Any, Final

import numpy as np

from digest import forking
from digest.headlines import derive_headlines
from digest.models import Paper, Summary
from digest.sentences import split_abstracts
from digest.summarizing import sumy_methods
from digest.summarizing.summarizer import ContributionSummarizer
from digest.summarizing.sumy_methods import ObjectDocumentModel, build_documents, chosen_index
from digest.summarizing.trimming import trim_sentence

# Only the first sentences of an abstract are considered, so that a pasted book costs the same
# as a long abstract (LexRank and TextRank are quadratic in the number of sentences).
# Abstracts have 5-12 sentences; the contribution is stated early.
MAX_SENTENCES: Final = 40
NO_TEXT: Final = "No abstract text to summarize."
DEFAULT_METHOD: Final = "contribution"

# Papers are summarized this many at a time: the arrays of one chunk stay a few megabytes, so
# memory does not grow with the batch beyond the summaries themselves.
CHUNK_PAPERS: Final = 1_000
# Below this many papers one process is faster: starting workers and warming their word caches
# costs more than the second core saves.
PARALLEL_MIN_PAPERS: Final = 4_000

# Every summarizer by name, built fresh for each batch (sumy's keep per-document state).
METHODS: Final[dict[str, Callable[[], Any]]] = {
    DEFAULT_METHOD: ContributionSummarizer,
    **sumy_methods.METHODS,
}

# One summary as it travels back from a worker process: headline, sentence, text, shortened.
_Row = tuple[str, str, str, bool]


def summarize_paper(paper: Paper) -> Summary:
    """The one line said about `paper`: its headline and its contribution sentence."""
    return summarize_papers([paper])[0]


def summarize_with(paper: Paper, method: str) -> Summary:
    """Summarize one paper with a named method from `METHODS` (for comparisons)."""
    return summarize_papers([paper], method=method)[0]


def summarize_papers(
    papers: Sequence[Paper],
    *,
    method: str = DEFAULT_METHOD,
    workers: int | None = None,
    on_progress: Callable[[int], object] | None = None,
) -> tuple[Summary, ...]:
    """`summarize_paper` for each paper, in the same order; `method` names one of `METHODS`.

    Papers are summarized `CHUNK_PAPERS` at a time; from `PARALLEL_MIN_PAPERS` papers on,
    chunks run in worker processes on every available core. `workers` overrides the number of
    processes (1: this one only). `on_progress` is called with the number of papers finished
    after each chunk. The result is the same, byte for byte, whatever the chunking and the
    processes.
    """
    if method not in METHODS:
        raise ValueError(f"unknown method {method!r}; known: {', '.join(sorted(METHODS))}")
    spans = [
        (start, min(start + CHUNK_PAPERS, len(papers)))
        for start in range(0, len(papers), CHUNK_PAPERS)
    ]
    processes = _process_count(len(papers), len(spans), workers)
    rows: Iterable[list[_Row]] = (
        _summarize_in_workers(papers, spans, method, processes)
        if processes > 1
        else (_summarize_rows(papers[start:stop], method) for start, stop in spans)
    )
    summaries: list[Summary] = []
    for (start, stop), chunk_rows in zip(spans, rows, strict=True):
        summaries.extend(
            Summary(paper.id, *row)
            for paper, row in zip(papers[start:stop], chunk_rows, strict=True)
        )
        if on_progress is not None:
            on_progress(stop - start)
    return tuple(summaries)


def select_sentences(
    sentence_lists: Sequence[Sequence[str]], titles: Sequence[str | None], method: str
) -> list[int]:
    """For each abstract, the index of the sentence `method` picks among its first
    `MAX_SENTENCES` (0 for one without sentences)."""
    considered = [s[:MAX_SENTENCES] for s in sentence_lists]
    documents = build_documents(considered, titles)
    if method == DEFAULT_METHOD:
        summarizer = ContributionSummarizer()
        with summarizer.rating(documents):
            return [chosen_index(d, summarizer(d, 1)) for d in documents]
    return [_select_with_sumy(d, method) for d in documents]


def select_sentence(sentences: Sequence[str], title: str | None, method: str) -> int:
    """`select_sentences` of one abstract."""
    return select_sentences([sentences], [title], method)[0]


def _select_with_sumy(document: ObjectDocumentModel, method: str) -> int:
    if len(document.sentences) <= 1:
        return 0
    summarizer = METHODS[method]()
    # sumy's LexRank divides by a zero norm when no two sentences share a word.
    with np.errstate(divide="ignore", invalid="ignore"):
        chosen = summarizer(document, 1)
    # sumy returns nothing when no sentence has a content word.
    return chosen_index(document, chosen)


def _summarize_rows(papers: Sequence[Paper], method: str) -> list[_Row]:
    split = split_abstracts([p.abstract for p in papers], limit=MAX_SENTENCES)
    indexes = select_sentences(split, [p.title for p in papers], method)
    # The chunk's headlines at once: deriving them in a batch costs a fraction of one by one.
    headlines = derive_headlines(papers, split, indexes)
    return [
        _summary_row(headline, sentences, index)
        for headline, sentences, index in zip(headlines, split, indexes, strict=True)
    ]


def _summary_row(headline: str, sentences: list[str], index: int) -> _Row:
    if not sentences:
        return headline, "", NO_TEXT, False
    sentence = sentences[index]
    text, shortened = trim_sentence(sentence)
    return headline, sentence, text, shortened


def _process_count(n_papers: int, n_chunks: int, workers: int | None) -> int:
    if not forking.CAN_FORK:
        return 1
    if workers is None:
        if n_papers < PARALLEL_MIN_PAPERS:
            return 1
        workers = forking.cores()
    return max(1, min(workers, n_chunks))


def _summarize_in_workers(
    papers: Sequence[Paper], spans: list[tuple[int, int]], method: str, processes: int
) -> Iterable[list[_Row]]:
    """The rows of each span, in order, from this process and `processes` - 1 forked ones.

    This process takes every `processes`-th chunk itself rather than waiting idle: one fork
    fewer, and one process fewer that warms its word caches from nothing. The others' chunks
    are queued in order, so they run in step with this process's. The workers inherit the
    papers (pickling 100,000 of them would cost more than a core's share of the work).
    """
    with forking.forked_pool(processes - 1, papers) as pool:
        futures = {
            i: pool.submit(_summarize_forked_span, span, method)
            for i, span in enumerate(spans)
            if i % processes
        }
        for i, (start, stop) in enumerate(spans):
            future = futures.get(i)
            yield _summarize_rows(papers[start:stop], method) if future is None else future.result()


def _summarize_forked_span(span: tuple[int, int], method: str) -> list[_Row]:
    start, stop = span
    papers: Sequence[Paper] = forking.inherited()
    return _summarize_rows(papers[start:stop], method)
