"""Sentences of a policy's text, as a lawyer reads them: found by nupunkt (a Punkt sentence
splitter trained on legal and financial text, MIT, no dependencies), so that "U.S.", "Inc.",
"e.g.", "No. 4" and "Cal. Civ. Code §" do not end a sentence and neither does a line wrap.

A check needs the sentence around a match, not every sentence of the document, so a text is
split lazily in fixed chunks (with a margin either side, so that a boundary near a chunk's
edge is judged with its context) and each chunk is split at most once: the work grows with
the text, never with its square, however long a paragraph and however many matches it holds.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import OrderedDict
from functools import lru_cache
from typing import Any

from drafter.parsecache import memo

CHUNK = 4096  # characters split at a time
MARGIN = 512  # context either side of a chunk; also the longest run looked through for a break
_MAX_TEXTS = 64  # texts (blocks) whose boundaries are remembered


@lru_cache(maxsize=1)
def _splitter() -> Any:
    import nupunkt  # imported here: only a review that needs a sentence pays for it

    return nupunkt.load_default_model()


def _starts(window: str) -> tuple[int, ...]:
    """Where nupunkt starts a sentence in `window`: kept in the parse cache (`memo`, keyed by
    the text and nupunkt's installed files), so that a review of text reviewed before, such as
    a rebuild's draft, neither imports nupunkt nor loads its model."""
    return memo("sentences", window,
                lambda: tuple(start for start, _ in _splitter().span_tokenize(window)))


class _Boundaries:
    """Where sentences start in one text, found chunk by chunk as checks ask."""

    def __init__(self, text: str, never_after: tuple[str, ...]) -> None:
        self.text = text
        self.never_after = never_after
        self.chunks: dict[int, list[int]] = {}

    def _chunk(self, index: int) -> list[int]:
        if index not in self.chunks:
            low, high = index * CHUNK, min(len(self.text), (index + 1) * CHUNK)
            left = max(0, low - MARGIN)
            window = self.text[left:high + MARGIN]
            starts = []
            for start in _starts(window):
                position = left + start
                if low <= position < high and position > 0 and not self._joined(position):
                    starts.append(position)
            self.chunks[index] = starts
        return self.chunks[index]

    def _joined(self, position: int) -> bool:
        """A break right after one of `never_after` (an abbreviation the splitter takes for a
        sentence end, such as "U.S." before "Privacy Shield") is no break."""
        before = self.text[max(0, position - 16):position].rstrip()
        return before.endswith(self.never_after)

    def before(self, offset: int) -> int:
        """The start of the sentence holding `offset` (at most `CHUNK + MARGIN` back)."""
        index = offset // CHUNK
        for current in (index, index - 1):
            if current < 0:
                break
            starts = self._chunk(current)
            found = bisect_right(starts, offset) - 1
            if found >= 0:
                return starts[found]
        return max(0, (index - 1) * CHUNK) if index > 0 else 0

    def after(self, offset: int) -> int:
        """The start of the first sentence that begins after `offset` (or the text's end)."""
        index = offset // CHUNK
        for current in (index, index + 1):
            if current * CHUNK >= len(self.text):
                break
            starts = self._chunk(current)
            found = bisect_left(starts, offset + 1)
            if found < len(starts):
                return starts[found]
        return min(len(self.text), (index + 2) * CHUNK)


_TEXTS: OrderedDict[tuple[int, tuple[str, ...]], _Boundaries] = OrderedDict()


def _boundaries(text: str, never_after: tuple[str, ...]) -> _Boundaries:
    key = (id(text), never_after)
    found = _TEXTS.get(key)
    if found is None or found.text is not text:
        found = _TEXTS[key] = _Boundaries(text, never_after)
        if len(_TEXTS) > _MAX_TEXTS:
            _TEXTS.popitem(last=False)
    else:
        _TEXTS.move_to_end(key)
    return found


def sentence_span(text: str, start: int, end: int, following: int = 0,
                  never_after: tuple[str, ...] = ()) -> tuple[int, int]:
    """The span of the sentence(s) around `text[start:end]`, with `following` more sentences
    after it; `never_after` lists abbreviations after which a sentence never ends."""
    found = _boundaries(text, never_after)
    first = found.before(start)
    last = found.after(max(start, end - 1))
    for _ in range(following):
        if last >= len(text):
            break
        last = found.after(last)
    return first, last


def sentence(text: str, start: int, end: int, following: int = 0,
             never_after: tuple[str, ...] = ()) -> str:
    """The text of `sentence_span`."""
    first, last = sentence_span(text, start, end, following, never_after)
    return text[first:last]


_ENDS = ".!?\u2026"  # the only characters after which nupunkt may end a sentence
_WORD = re.compile(r"\w")


def _may_end(text: str, position: int, never_after: tuple[str, ...]) -> bool:
    """Whether `sentence_span` may end a sentence at the `_ENDS` character at `position`:
    not when a letter or digit follows it ("U.S", "3.5", "example.com": nupunkt only breaks
    before a space or punctuation), nor when it ends one of `never_after` before one space and
    a word ("U.S. Privacy Shield")."""
    following = text[position + 1:position + 3]
    if following[:1].isalnum():
        return False
    return not (text[position] == "." and len(following) == 2 and following[0] == " "
                and following[1].isalnum() and text.endswith(never_after, 0, position + 1))


def plain_stretch(text: str, start: int, end: int,
                  never_after: tuple[str, ...] = ()) -> tuple[int, int] | None:
    """A stretch around `text[start:end]` that lies, whole, in the sentence `sentence_span`
    gives, found without splitting: from the first word after the nearest character before
    the match that may end a sentence, to the nearest one after it (or None when the stretch
    would reach past the chunks `sentence_span` looks in, where it cuts long sentences, or
    when the match ends in punctuation). A pattern matching inside it matches the sentence,
    so a check can excuse a match by its sentence without splitting any text; only a match
    the stretch does not excuse needs the real sentence."""
    if end <= start or not _WORD.match(text, end - 1):
        return None
    low = (start // CHUNK - 1) * CHUNK if start >= CHUNK else 0
    high = min(len(text), (max(start, end - 1) // CHUNK + 2) * CHUNK)
    first, position = None, start
    while first is None:
        found = max(text.rfind(char, low, position) for char in _ENDS)
        if found < 0:
            if low > 0:
                return None
            first = 0
        elif _may_end(text, found, never_after):
            first = found + 1
        else:
            position = found
    words = _WORD.search(text, first, start)
    first = words.start() if words else start
    if first > 0 and _WORD.match(text, first - 1):
        return None
    last, position = None, end
    while last is None:
        ends = [found for found in (text.find(char, position, high) for char in _ENDS)
                if found >= 0]
        if not ends:
            if high < len(text):
                return None
            last = len(text)
        elif _may_end(text, min(ends), never_after):
            last = min(ends)
        else:
            position = min(ends) + 1
    return first, last
