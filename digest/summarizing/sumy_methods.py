"""sumy, wrapped: its document model, its summarizer base class, and its own methods by name.

Everything that touches sumy lives here, so its quirks stay in one place:
- documents are built with sumy's object model (`ObjectDocumentModel`) from sentences split by
  `digest.sentences`, never with `PlaintextParser`, which takes ALL-CAPS lines for headings,
  and never with sumy's `Tokenizer("english")`, which needs NLTK data we cannot download;
- a title, when the paper has one, is the document's heading: that is where sumy's Edmundson
  title method (and ours) looks for title words;
- sumy's summarizers return `Sentence` objects whose equality is by text, so the chosen
  sentence is mapped back to its position by identity (`chosen_index`);
- `str(sentence)` goes through two of sumy's Python 2 compatibility wrappers, ten times
  slower than reading the slot where sumy keeps the text; `sentence_texts` reads the slot
  when sumy's `Sentence` has it (tested), and falls back on `str` otherwise;
- importing sumy's `AbstractSummarizer` imports `sumy.nlp.stemmers` for one default argument,
  `null_stemmer`, and that module imports NLTK's Snowball stemmer, which runs NLTK's whole
  setup (scipy.stats, scikit-learn when installed): 1.4-2.5 s on every build, for a stemmer
  nobody here calls (ours is PyStemmer's, `digest.summarizing.words`). So unless something
  imported it already, `sumy.nlp.stemmers` starts as a small stand-in module that has
  sumy's `null_stemmer` and loads the real module the first time anything else is asked of
  it (`sumy.nlp.stemmers.Stemmer` still works);
- `sumy.utils` imports `requests` (60-160 ms) for `fetch_url` alone, which we never call:
  while it is imported, `requests` is such a stand-in too, so `sumy.utils.requests` loads
  the real package the first time it is used, and every other importer gets the real one.
"""

from __future__ import annotations

import importlib
import operator
import sys
import types
from collections.abc import Callable, Sequence
from typing import Any, Final

from digest.sentences import STOP_WORDS, ScientificTokenizer
from digest.summarizing.words import stem_word


def _null_stemmer(word: object) -> str:
    """sumy's `null_stemmer`: the word as lowercase text."""
    return str(word).lower()


class _StandIn(types.ModuleType):
    """A module that imports the real module of its name the first time it is asked for
    anything it was not given (`known`), and answers from it from then on."""

    def __init__(self, name: str, known: dict[str, Any]) -> None:
        super().__init__(name)
        self.__dict__.update(known)

    def __getattr__(self, name: str) -> Any:
        # The import system asks modules for `__path__` and the like: a stand-in has none.
        if name.startswith("__"):
            raise AttributeError(name)
        if sys.modules.get(self.__name__) is self:
            del sys.modules[self.__name__]
        return getattr(importlib.import_module(self.__name__), name)


def _import_sumy() -> None:
    """Import sumy's modules that every build needs without NLTK and requests (see above)."""
    if "sumy.nlp.stemmers" not in sys.modules:
        import sumy.nlp

        stemmers = _StandIn("sumy.nlp.stemmers", {"null_stemmer": _null_stemmer})
        sys.modules[stemmers.__name__] = stemmers
        sumy.nlp.stemmers = stemmers
    if "sumy.utils" in sys.modules or "requests" in sys.modules:
        return
    # Only sumy.utils gets the stand-in: anyone importing requests later gets the real one.
    requests = _StandIn("requests", {})
    sys.modules["requests"] = requests
    try:
        import sumy.utils
    finally:
        if sys.modules.get("requests") is requests:
            del sys.modules["requests"]


_import_sumy()

from sumy.models.dom import ObjectDocumentModel, Paragraph, Sentence  # noqa: E402
from sumy.summarizers import AbstractSummarizer  # noqa: E402

__all__ = [
    "METHODS",
    "AbstractSummarizer",
    "LeadSummarizer",
    "ObjectDocumentModel",
    "build_document",
    "build_documents",
    "chosen_index",
    "sentence_texts",
]

TOKENIZER: Final = ScientificTokenizer()


def build_document(sentences: Sequence[str], title: str | None) -> ObjectDocumentModel:
    """A sumy document: one paragraph, the title (if any) as its heading, then the sentences."""
    items = [Sentence(title, TOKENIZER, is_heading=True)] if title and title.strip() else []
    items.extend(Sentence(s, TOKENIZER) for s in sentences)
    return ObjectDocumentModel([Paragraph(items)])


_TEXT_SLOT: Final = "_text"
_read_text: Callable[[Any], str] = (
    operator.attrgetter(_TEXT_SLOT) if _TEXT_SLOT in getattr(Sentence, "__slots__", ()) else str
)


def sentence_texts(sentences: Sequence[Any]) -> list[str]:
    """The text of each of sumy's `Sentence`s, as `str(sentence)` gives it."""
    return list(map(_read_text, sentences))


def build_documents(
    sentence_lists: Sequence[Sequence[str]], titles: Sequence[str | None]
) -> list[ObjectDocumentModel]:
    """`build_document` for each abstract."""
    return [build_document(s, t) for s, t in zip(sentence_lists, titles, strict=True)]


def chosen_index(document: ObjectDocumentModel, chosen: Sequence[Any]) -> int:
    """The position among `document.sentences` of the first sentence a summarizer returned
    (0 when it returned none). By identity: sumy's sentences are equal by text."""
    if not chosen:
        return 0
    return next(i for i, s in enumerate(document.sentences) if s is chosen[0])


class LeadSummarizer(AbstractSummarizer):  # type: ignore[misc]  # sumy has no type hints
    """The first sentences: the baseline every other method must beat."""

    def __call__(self, document: ObjectDocumentModel, sentences_count: int) -> tuple[Any, ...]:
        return tuple(document.sentences[:sentences_count])


# Cue words for sumy's Edmundson method (stemmed by it); stop words are its "null words".
EDMUNDSON_BONUS_WORDS: Final = (
    "propose",
    "introduce",
    "present",
    "novel",
    "new",
    "approach",
    "method",
    "framework",
    "show",
    "paper",
)
EDMUNDSON_STIGMA_WORDS: Final = (
    "however",
    "previous",
    "existing",
    "recent",
    "recently",
    "although",
    "traditional",
    "challenging",
)


# sumy's own summarizers are imported when first asked for: they are for comparisons, and
# importing them all costs more than summarizing a week of papers.
def _with_stop_words(module: str, name: str) -> Callable[[], Any]:
    """A maker of sumy's summarizer `name` (in `sumy.summarizers.<module>`) with our stemmer
    and sumy's English stop words."""

    def make() -> Any:
        summarizer = getattr(importlib.import_module(f"sumy.summarizers.{module}"), name)
        made = summarizer(stem_word)
        made.stop_words = STOP_WORDS
        return made

    return make


def _edmundson() -> Any:
    from sumy.summarizers.edmundson import EdmundsonSummarizer

    summarizer = EdmundsonSummarizer(stem_word, cue_weight=1.0, title_weight=1.0, key_weight=0.0)
    summarizer.bonus_words = EDMUNDSON_BONUS_WORDS
    summarizer.stigma_words = EDMUNDSON_STIGMA_WORDS
    summarizer.null_words = STOP_WORDS
    return summarizer


# sumy's own methods and lead-1, each built fresh per batch: sumy's keep per-document state
# in places.
METHODS: Final[dict[str, Callable[[], Any]]] = {
    "lead": LeadSummarizer,
    "luhn": _with_stop_words("luhn", "LuhnSummarizer"),
    "lexrank": _with_stop_words("lex_rank", "LexRankSummarizer"),
    "lsa": _with_stop_words("lsa", "LsaSummarizer"),
    "textrank": _with_stop_words("text_rank", "TextRankSummarizer"),
    "edmundson": _edmundson,
}
