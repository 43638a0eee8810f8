"""Whether a document is one the review can read: it has text, and that text is in a
language whose wording the checks know (`languages` in review-checks.yaml). Otherwise the
review stops with one line, rather than reporting every required item of an empty file or a
Spanish policy as missing.

The language is told by py3langid (a trained naive-Bayes classifier over 97 languages, BSD,
deterministic). Its model takes a moment to load, so a text whose commonest words are plainly
English is taken as English without it; the model decides every other text.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache
from typing import Any

from drafter.errors import UserError
from drafter.review.document import Document

SAMPLE = 20_000  # characters classified: the opening of a policy says what language it is in
_LETTERS = 200  # fewer letters than this are too few to judge a language by
_SURE = 0.9  # probability above which another language is taken as the text's
_WORDS = re.compile(r"[^\W\d_]+")
_ASCII_WORDS = re.compile(r"[a-z]+")  # `_WORDS` in lower-cased ASCII text
# The commonest words of English prose, and the share of a text's words they make up in
# English policies (over 30%; in other languages a few per cent).
_ENGLISH = frozenset("the of and to a in is you your we our for that or this be are with by "
                     "on as not may it at from will us an if can".split())
_PLAINLY_ENGLISH = 0.2
NAMES = {"en": "English", "es": "Spanish", "fr": "French", "de": "German", "it": "Italian",
         "pt": "Portuguese", "nl": "Dutch", "pl": "Polish", "sv": "Swedish", "da": "Danish",
         "no": "Norwegian", "fi": "Finnish", "cs": "Czech", "ro": "Romanian", "hu": "Hungarian",
         "tr": "Turkish", "ru": "Russian", "uk": "Ukrainian", "el": "Greek", "ja": "Japanese",
         "zh": "Chinese", "ko": "Korean", "ar": "Arabic", "he": "Hebrew", "hi": "Hindi",
         "id": "Indonesian", "vi": "Vietnamese", "th": "Thai", "ca": "Catalan"}


@lru_cache(maxsize=1)
def _identifier() -> Any:
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def words_of(text: str) -> list[str]:
    """The words of `text`, each lower-cased; ASCII text lowered at once and read with a
    cheaper pattern (other text word by word: lowering a whole text may differ, as a final
    Σ becomes ς)."""
    if text.isascii():
        return _ASCII_WORDS.findall(text.lower())
    return [w.lower() for w in _WORDS.findall(text)]


def language_of(text: str) -> tuple[str, float] | None:
    """(ISO 639-1 code, probability) of `text`'s language; None when too short to tell."""
    sample = text[:SAMPLE]
    words = words_of(sample)
    if sum(map(len, words)) < _LETTERS:
        return None
    counts = Counter(words)
    if sum(counts[w] for w in _ENGLISH) >= _PLAINLY_ENGLISH * len(words):
        return "en", 1.0
    code, probability = _identifier().classify(sample)
    return code, float(probability)


def name(code: str) -> str:
    return NAMES.get(code, code)


def check_reviewable(document: Document, languages: list[str]) -> str | None:
    """A one-line `UserError` for a document with no text, or in a language not reviewed;
    otherwise the language it is surely in (None: too short or too mixed to tell, read as
    English)."""
    if not document.text.strip():
        raise UserError("has no text to review (is it empty, or all markup?)", path=document.name)
    found = language_of(document.text)
    if found is None or found[1] < _SURE:
        return None
    if found[0] in languages:
        return found[0]
    reviewed = ", ".join(name(code) for code in languages)
    raise UserError(f"looks like {name(found[0])} ({found[0]}); the review reads policies in "
                    f"{reviewed} only", path=document.name)
