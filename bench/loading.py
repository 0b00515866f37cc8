"""Benchmark: load 10,000 abstracts in each input format; print papers per second and peak memory.

    .venv/bin/python bench/loading.py [--papers N] [--corpus PATH]

The abstracts are the real ones in ../shared/bench/corpus/abstracts.jsonl (8,507); past those,
new distinct abstracts are made by rotating each abstract's sentences, so duplicate merging
does not collapse them. Each format is written to a temporary folder, then loaded with
`load_papers` three times: the best time is reported (the machine's noise is not the
loader's), and peak memory is measured in a separate run under tracemalloc (which slows
Python down, so it never shares a run with the clock).
"""

from __future__ import annotations

import argparse
import csv
import json
import tempfile
import textwrap
import time
import tracemalloc
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from xml.sax.saxutils import escape as xml_escape

from digest.loading import load_papers

REPO = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = REPO.parent / "shared" / "bench" / "corpus" / "abstracts.jsonl"


@dataclass(frozen=True)
class Paper:
    number: int
    title: str
    abstract: str

    @property
    def arxiv_id(self) -> str:
        return f"24{(self.number // 90000) % 12 + 1:02d}.{10000 + self.number % 90000:05d}"


def read_papers(corpus: Path, count: int) -> list[Paper]:
    rows = [json.loads(line) for line in corpus.read_text(encoding="utf-8").splitlines()]
    papers: list[Paper] = []
    rotation = 0
    while len(papers) < count:
        for row in rows:
            if len(papers) == count:
                break
            abstract = _rotated(row["abstract"], rotation)
            papers.append(Paper(len(papers), row.get("title") or "", abstract))
        rotation += 1
    return papers


def _rotated(abstract: str, times: int) -> str:
    sentences = abstract.split(". ")
    if times == 0 or len(sentences) < 2:
        return abstract if times == 0 else f"{abstract} (variant {times})"
    shift = times % len(sentences) or 1
    return ". ".join(sentences[shift:] + sentences[:shift])


# --- writers, one per format ----------------------------------------------------------------


def escape(text: str) -> str:
    """XML text: markup escaped, and no control characters (which XML cannot carry)."""
    return xml_escape("".join(ch for ch in text if ch >= " " or ch in "\t\n"))


def write_jsonl(papers: Sequence[Paper], path: Path) -> None:
    with path.open("w", encoding="utf-8") as out:
        for p in papers:
            row = {"id": f"p{p.number}", "title": p.title, "abstract": p.abstract}
            out.write(json.dumps(row, ensure_ascii=False) + "\n")


def write_csv(papers: Sequence[Paper], path: Path) -> None:
    with path.open("w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out)
        writer.writerow(["id", "title", "abstract", "authors", "url", "date"])
        for p in papers:
            url = f"https://arxiv.org/abs/{p.arxiv_id}"
            writer.writerow([f"p{p.number}", p.title, p.abstract, "A. Author", url, "2024-11-19"])


def write_text(papers: Sequence[Paper], path: Path) -> None:
    """Hard-wrapped 'Abstract:' paragraphs, as pasted from PDFs and mail."""
    with path.open("w", encoding="utf-8") as out:
        for p in papers:
            out.write(textwrap.fill("Abstract: " + p.abstract, 78) + "\n\n")


def write_listing(papers: Sequence[Paper], path: Path) -> None:
    with path.open("w", encoding="utf-8") as out:
        out.write("Subject: cs daily Subj-class mailing\n\n" + "-" * 78 + "\n")
        for p in papers:
            title = textwrap.fill("Title: " + (p.title or "Untitled"), 78, subsequent_indent="  ")
            body = textwrap.fill(p.abstract, 78, initial_indent="  ")
            out.write(
                f"\\\\\narXiv:{p.arxiv_id}\nDate: Mon, 18 Nov 2024 19:02:11 GMT   (812kb)\n\n"
                f"{title}\nAuthors: Ana Lima, Kofi Mensah\nCategories: cs.CL\n\\\\\n{body}\n"
                f"\\\\ ( https://arxiv.org/abs/{p.arxiv_id} ,  812kb)\n" + "-" * 78 + "\n"
            )


def write_rss(papers: Sequence[Paper], path: Path) -> None:
    with path.open("w", encoding="utf-8") as out:
        out.write('<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"><channel>\n')
        for p in papers:
            description = f"arXiv:{p.arxiv_id}v1 Announce Type: new \nAbstract: {p.abstract}"
            out.write(
                f"<item><title>{escape(p.title)}</title>"
                f"<link>https://arxiv.org/abs/{p.arxiv_id}</link>"
                f"<description>{escape(description)}</description></item>\n"
            )
        out.write("</channel></rss>\n")


def write_atom(papers: Sequence[Paper], path: Path) -> None:
    with path.open("w", encoding="utf-8") as out:
        out.write(
            '<?xml version="1.0" encoding="UTF-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom">\n'
        )
        for p in papers:
            out.write(
                f"<entry><id>http://arxiv.org/abs/{p.arxiv_id}v1</id>"
                f"<title>{escape(p.title)}</title><summary>{escape(p.abstract)}</summary>"
                "<author><name>Ana Lima</name></author></entry>\n"
            )
        out.write("</feed>\n")


def write_pubmed_xml(papers: Sequence[Paper], path: Path) -> None:
    with path.open("w", encoding="utf-8") as out:
        out.write('<?xml version="1.0" ?>\n<PubmedArticleSet>\n')
        for p in papers:
            out.write(
                f"<PubmedArticle><MedlineCitation><PMID>{30000000 + p.number}</PMID><Article>"
                "<Journal><Title>Bench</Title></Journal>"
                f"<ArticleTitle>{escape(p.title)}</ArticleTitle>"
                f"<Abstract><AbstractText>{escape(p.abstract)}</AbstractText></Abstract>"
                "<AuthorList><Author><LastName>Lima</LastName><ForeName>Ana</ForeName></Author>"
                "</AuthorList></Article></MedlineCitation></PubmedArticle>\n"
            )
        out.write("</PubmedArticleSet>\n")


def write_endnote_xml(papers: Sequence[Paper], path: Path) -> None:
    """On one line, every value in a <style> wrapper, as EndNote writes it."""

    def styled(text: str) -> str:
        return f'<style face="normal" font="default" size="100%">{escape(text)}</style>'

    with path.open("w", encoding="utf-8") as out:
        out.write('<?xml version="1.0" encoding="UTF-8" ?><xml><records>')
        for p in papers:
            out.write(
                f'<record><rec-number>{p.number}</rec-number><ref-type name="Journal Article">'
                f"17</ref-type><contributors><authors><author>{styled('Lima, Ana')}</author>"
                f"</authors></contributors><titles><title>{styled(p.title)}</title></titles>"
                f"<abstract>{styled(p.abstract)}</abstract><electronic-resource-num>"
                f"{styled(f'10.5555/bench.{p.number}')}</electronic-resource-num></record>"
            )
        out.write("</records></xml>")


def write_zotero_rdf(papers: Sequence[Paper], path: Path) -> None:
    with path.open("w", encoding="utf-8") as out:
        out.write(
            '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" '
            'xmlns:z="http://www.zotero.org/namespaces/export#" '
            'xmlns:dc="http://purl.org/dc/elements/1.1/" '
            'xmlns:dcterms="http://purl.org/dc/terms/" '
            'xmlns:bib="http://purl.org/net/biblio#" xmlns:foaf="http://xmlns.com/foaf/0.1/">\n'
        )
        for p in papers:
            out.write(
                f'    <bib:Article rdf:about="#item_{p.number}">\n'
                "        <z:itemType>journalArticle</z:itemType>\n"
                f"        <dc:title>{escape(p.title)}</dc:title>\n"
                f"        <dcterms:abstract>{escape(p.abstract)}</dcterms:abstract>\n"
                f"        <dc:description>arXiv: {p.arxiv_id}</dc:description>\n"
                "    </bib:Article>\n"
            )
        out.write("</rdf:RDF>\n")


def write_bibtex(papers: Sequence[Paper], path: Path) -> None:
    with path.open("w", encoding="utf-8") as out:
        for p in papers:
            abstract = p.abstract.replace("{", "(").replace("}", ")")
            title = p.title.replace("{", "(").replace("}", ")")
            out.write(
                f"@article{{p{p.number},\n  title = {{{title}}},\n"
                f"  author = {{Lima, Ana and Mensah, Kofi}},\n  eprint = {{{p.arxiv_id}}},\n"
                f"  abstract = {{{abstract}}},\n}}\n\n"
            )


def write_ris(papers: Sequence[Paper], path: Path) -> None:
    with path.open("w", encoding="utf-8") as out:
        for p in papers:
            out.write(
                f"TY  - JOUR\nTI  - {p.title}\nAU  - Lima, Ana\nAB  - {p.abstract}\n"
                f"UR  - https://arxiv.org/abs/{p.arxiv_id}\nER  - \n\n"
            )


def _wrapped(text: str, indent: str, width: int = 80) -> str:
    return textwrap.fill(text, width, subsequent_indent=indent, break_on_hyphens=False)


def write_medline(papers: Sequence[Paper], path: Path) -> None:
    """PubMed's MEDLINE text: values continued on lines indented six spaces."""
    with path.open("w", encoding="utf-8") as out:
        for p in papers:
            out.write(
                f"PMID- {30_000_000 + p.number}\nTI  - {_wrapped(p.title, ' ' * 6)}\n"
                f"AB  - {_wrapped(p.abstract, ' ' * 6)}\nFAU - Lima, Ana\nAU  - Lima A\n"
                f"LID - 10.5555/bench.{p.number} [doi]\nJT  - Bench Journal\n\n"
            )


def write_web_of_science(papers: Sequence[Paper], path: Path) -> None:
    """Web of Science plain text: values continued on lines indented three spaces."""
    with path.open("w", encoding="utf-8") as out:
        out.write("FN Clarivate Analytics Web of Science\nVR 1.0\n")
        for p in papers:
            out.write(
                f"PT J\nAU Lima, A\n   Mensah, K\nTI {_wrapped(p.title, '   ')}\n"
                f"AB {_wrapped(p.abstract, '   ')}\nDI 10.5555/bench.{p.number}\nER\n\n"
            )
        out.write("EF\n")


def write_scopus(papers: Sequence[Paper], path: Path) -> None:
    """A Scopus-style CSV export: its own column names and a copyright line in each abstract."""
    with path.open("w", encoding="utf-8-sig", newline="") as out:
        writer = csv.writer(out)
        writer.writerow(["Authors", "Title", "Year", "Source title", "DOI", "Abstract", "EID"])
        for p in papers:
            abstract = f"{p.abstract} © 2024 Elsevier Ltd. All rights reserved."
            doi = f"10.5555/bench.{p.number}"
            writer.writerow(
                ["Lima A., Mensah K.", p.title, "2024", "Bench", doi, abstract, p.number]
            )


WRITERS: dict[str, tuple[str, Callable[[Sequence[Paper], Path], None]]] = {
    "jsonl": ("papers.jsonl", write_jsonl),
    "csv": ("papers.csv", write_csv),
    "text": ("papers.txt", write_text),
    "arxiv-listing": ("listing.eml", write_listing),
    "rss": ("feed.xml", write_rss),
    "atom": ("feed.atom", write_atom),
    "pubmed-xml": ("pubmed.xml", write_pubmed_xml),
    "endnote-xml": ("endnote.xml", write_endnote_xml),
    "zotero-rdf": ("zotero.rdf", write_zotero_rdf),
    "bibtex": ("papers.bib", write_bibtex),
    "ris": ("papers.ris", write_ris),
    "medline": ("pubmed.nbib", write_medline),
    "web-of-science": ("savedrecs.txt", write_web_of_science),
    "csv-scopus": ("scopus.csv", write_scopus),
}


# --- measuring ------------------------------------------------------------------------------


def measure(path: Path, expected: int, repeats: int) -> tuple[float, float, float, str]:
    """Best wall-clock and CPU seconds over `repeats` loads, peak MiB, and the format read.

    CPU time is reported too because on a shared machine the wall clock also counts other
    processes' turns; the CPU time is what the loader itself costs.
    """
    best = best_cpu = float("inf")
    fmt = ""
    for _ in range(repeats):
        start, start_cpu = time.perf_counter(), time.process_time()
        corpus = load_papers([path])
        best = min(best, time.perf_counter() - start)
        best_cpu = min(best_cpu, time.process_time() - start_cpu)
        if len(corpus.papers) != expected:
            raise SystemExit(f"{path.name}: {len(corpus.papers)} papers, expected {expected}")
        fmt = corpus.files[0].format
    tracemalloc.start()
    load_papers([path])
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return best, best_cpu, peak / 2**20, fmt


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--papers", type=int, default=10_000)
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument(
        "--formats", nargs="+", choices=list(WRITERS), default=list(WRITERS), metavar="FORMAT"
    )
    args = parser.parse_args()
    papers = read_papers(args.corpus, args.papers)
    print(f"{len(papers)} abstracts, best of {args.repeats} runs; peak memory under tracemalloc")
    print(
        f"{'format':<14}{'MiB':>6}{'wall s':>8}{'cpu s':>7}{'papers/s':>10}"
        f"{'(cpu)':>9}{'peak MiB':>10}"
    )
    with tempfile.TemporaryDirectory() as folder:
        for name in args.formats:
            filename, write = WRITERS[name]
            path = Path(folder) / filename
            write(papers, path)
            seconds, cpu, peak, fmt = measure(path, len(papers), args.repeats)
            if fmt != name.split("-")[0] and fmt != name:
                raise SystemExit(f"{filename} was read as {fmt}, not {name}")
            size = path.stat().st_size / 2**20
            print(
                f"{name:<14}{size:>6.1f}{seconds:>8.2f}{cpu:>7.2f}"
                f"{len(papers) / seconds:>10,.0f}{len(papers) / cpu:>9,.0f}{peak:>10.1f}"
            )


if __name__ == "__main__":
    main()
