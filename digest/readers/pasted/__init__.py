# Chinese paper lists write full-width labels and punctuation; they are matched on purpose.
# ruff: noqa: RUF002
"""What people paste by hand: Markdown paper lists and notes, browser copies of arXiv listing
and abstract pages, and plain notes of title / URL / abstract blocks.

A paste has no schema, so records are assembled from what each line is:

- structure: Markdown headings, list items with a `[Title](url)` link, table rows, `---` rules,
  and arXiv's `[1] arXiv:ID [pdf, …]` listing lines start a new entry; a heading named like a
  part of a paper ("Abstract", "Summary", "摘要") labels what follows, and one named like a
  part of a note ("Notes", "Content", "Connections", "Scraped from …") holds no abstract;
- labelled fields, in English or Chinese, plain or bold (`Title:`, `**Authors**:`,
  `**摘要**：`, `Subjects:`, `Link:`…): a field line is never an abstract;
- the abstract: a labelled one, a blockquote, or else the entry's first paragraph of prose
  (MIN_ABSTRACT_WORDS words and a sentence end) that is not a list of names;
- pieces of arXiv found whole (arxiv_pages.py): a flattened RSS item, a flattened abstract
  page, RSS/Atom XML pasted into a note.

A summary labelled as one ("简介", "TL;DR") is the abstract only of an entry that has no other.
A list whose entries all lack an abstract (titles and links only) says so in each entry's
reason. In a paste without structure, an entry ends where a field it already has comes again (a
second title, a second abstract). The same paper pasted twice in one file (the same arXiv id,
DOI or title of 20 characters or more) is one record, keeping the longest abstract and the most
explicit title. Headings, notes and page navigation that are no paper come back as notices, so
nothing vanishes silently. Markdown's backslash escapes (`G\\-YOLOv11`, `\\(CAD\\)`) are removed.

No Markdown library helps here: they render documents, while this needs the lines' roles.

The modules, each one thing, from the smallest pieces up:
- `blocks`: the shapes a line may have (a heading, a rule, a list item, a quote, a table row,
  a line that is only a link, front matter);
- `text`: inline markup to plain text, a paragraph's lines joined, and what a text is (prose,
  a list of names, the same title);
- `fields`: labelled fields (`Title:`, `**摘要**：`) and the labels each field knows;
- `entries`: the paper being assembled (`Entry`) and the reader's state (`Reader`), which ends
  paragraphs and files fields, ids and links;
- `wrapped`: a field's value hard-wrapped over the next lines;
- `arxiv_lines`: a search result's header lines, the title line above a flattened feed item;
- `headings`, `items`, `tables`: a Markdown heading, a list item, a table row (Markdown or HTML);
- `lines`: what one line is, in the order the shapes are tried;
- `front_matter`: a note's properties, and what they fill in;
- `finishing`: entries to records (the same paper merged, the entries without an abstract
  accounted for);
- `recognising`: `looks_like_markdown`, `looks_like_notes`;
- `parsing`: `parse_markdown`, `parse_arxiv_page`, `parse_notes`: the walk over the lines.
"""

from __future__ import annotations

from digest.readers.pasted.parsing import parse_arxiv_page, parse_markdown, parse_notes
from digest.readers.pasted.recognising import looks_like_markdown, looks_like_notes

__all__ = [
    "looks_like_markdown",
    "looks_like_notes",
    "parse_arxiv_page",
    "parse_markdown",
    "parse_notes",
]
