"""What the text checks find in a block, kept by the block's text (issue 13).

The app reviews a draft again on every change, and most of its blocks come out as they were;
so do a business's blocks across the many drafts the tests make of it. Two things the checks
ask depend on a block's text alone: which of the rules' `hint` words it holds (lower-cased),
and where a pattern matches in it. Searching the whole text of a 35 KB draft for each of some
50 hint words (mostly absent, so each search reads all of it), then each pattern in the blocks
found, was some 40% of a warm review. A `BlockMemo` (one per set of rules: `ReviewRules.memo`)
keeps both by text: a review looks each block up once and searches only the blocks it has not
seen. What it keeps is a function of the text and of the memo's words, so it is never stale;
it holds at most `LIMIT` texts (then starts afresh), and a pickled memo (the library cache)
keeps only its words.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import Any

from drafter.review.scan import finditer_near

LIMIT = 4096  # texts kept; past that the memo starts afresh


class _Seen:
    """One text's findings: the memo's words it holds, and each pattern's matches."""

    __slots__ = ("words", "found")

    def __init__(self, words: tuple[str, ...]) -> None:
        self.words = words
        self.found: dict[re.Pattern[str], tuple[re.Match[str], ...]] = {}


class BlockMemo:
    """Each block text's hint words (of `words`) and pattern matches."""

    def __init__(self, words: Iterable[str]) -> None:
        # A word spanning a line break could run on into the next block in the whole text
        # (`Document._find_blocks`), so such words are left to that search.
        self.words = frozenset(w for w in words if w and "\n" not in w)
        self._order = tuple(sorted(self.words))
        self._seen: dict[str, _Seen] = {}

    def __getstate__(self) -> dict[str, Any]:
        return {"words": self.words}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__init__(state["words"])  # type: ignore[misc]

    def _of(self, text: str) -> _Seen:
        seen = self._seen.get(text)
        if seen is None:
            lower = text.lower()
            seen = _Seen(tuple(w for w in self._order if w in lower))
            if len(self._seen) >= LIMIT:
                self._seen.clear()
            self._seen[text] = seen
        return seen

    def index(self, texts: Sequence[str]) -> dict[str, list[int]]:
        """Each word held by one of `texts` to the positions of the texts holding it."""
        index: dict[str, list[int]] = {}
        for position, text in enumerate(texts):
            for word in self._of(text).words:
                index.setdefault(word, []).append(position)
        return index

    def matches(self, pattern: re.Pattern[str], text: str, hint: Sequence[str],
                ) -> tuple[re.Match[str], ...]:
        """`pattern.finditer(text)`'s matches (searched with `finditer_near`)."""
        seen = self._of(text)
        found = seen.found.get(pattern)
        if found is None:
            found = seen.found[pattern] = tuple(finditer_near(pattern, text, hint))
        return found
