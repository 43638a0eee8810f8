"""Matches of a rule's pattern in a long paragraph, searched only near its `hint` words.

A rule's `hint` is in every text its patterns can match (`review-checks.yaml`), so a match of
a pattern that matches at most `width` characters lies within `width` characters of a hint
word. In a paragraph of megabytes where the words are rare, searching those windows (found
with `str.find`) instead of the whole paragraph skips most of a regular-expression pass. The
matches are the same, in the same order: no match lies outside a window, windows that touch
are merged, and a window is searched with one character of context past its end (`\\b`).
"""

from __future__ import annotations

import re
import re._constants as sre  # re's own parser: how wide a pattern's matches can be
import re._parser as sre_parser
from collections.abc import Iterator, Sequence
from functools import lru_cache

from drafter import parsecache

LONG = 1 << 16  # a shorter text is searched whole
WIDEST = 1024  # the widest a rule's match may be (`widest`); wider ones are searched whole


def widest(pattern: str, flags: int = 0) -> int:
    """The most characters a match of `pattern` can span (re's own reckoning; a `*`, `+` or
    `{n,}` makes it practically infinite). A pattern wider than `WIDEST` can scan far from
    where it starts, and so again from each next start: quadratic time on a long text."""
    return sre_parser.parse(pattern, flags).getwidth()[1]


@lru_cache(maxsize=512)
def _width(pattern: str, flags: int) -> int | None:
    """The most characters a match can span, or None when too wide (or when the pattern
    looks around or anchors, which the windows could change)."""
    parsed = sre_parser.parse(pattern, flags)
    width = parsed.getwidth()[1]
    if width > WIDEST or not _local(parsed):
        return None
    return width


def _local(items: object) -> bool:
    for op, value in items:  # type: ignore[attr-defined]
        if op in (sre.ASSERT, sre.ASSERT_NOT) or (op is sre.AT and value not in (
                sre.AT_BOUNDARY, sre.AT_NON_BOUNDARY, sre.AT_UNI_BOUNDARY,
                sre.AT_UNI_NON_BOUNDARY)):
            return False
        if op is sre.IN:
            continue
        nested = value[1] if op is sre.BRANCH else [
            v for v in (value if isinstance(value, tuple) else (value,))
            if isinstance(v, (list, sre_parser.SubPattern))]
        if not all(_local(v) for v in nested):
            return False
    return True


@lru_cache(maxsize=512)
def sees_only_its_match(pattern: str) -> bool:
    """Whether a pattern decides a match by its own characters and word edges alone (no
    anchor, no look-ahead or look-behind): it matches inside a stretch of a text exactly as
    it does inside any longer text holding it."""
    return _local(sre_parser.parse(pattern))


def _windows(lower: str, words: Sequence[str], width: int) -> list[tuple[int, int]]:
    spans = []
    for word in words:
        position = lower.find(word)
        while position >= 0:
            spans.append((max(0, position - width), position + len(word) + width))
            position = lower.find(word, position + 1)
    merged: list[tuple[int, int]] = []
    for low, high in sorted(spans):
        if merged and low <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], high))
        else:
            merged.append((low, high))
    return merged


def finditer_near(pattern: re.Pattern[str], text: str, hint: Sequence[str],
                  ) -> Iterator[re.Match[str]]:
    """`pattern.finditer(text)`, searching a long text only near the `hint` words (a short
    one is searched whole, with no generator of ours in between: rules ask this of
    thousands of blocks)."""
    width = _width(pattern.pattern, pattern.flags) if hint and len(text) >= LONG else None
    if width is None:
        return finditer_at_words(pattern, text)
    lower = text.lower()
    if len(lower) != len(text):
        return pattern.finditer(text)
    return _finditer_windows(pattern, text, _windows(lower, hint, width))


def _finditer_windows(pattern: re.Pattern[str], text: str, windows: list[tuple[int, int]],
                      ) -> Iterator[re.Match[str]]:
    for low, high in windows:
        yield from pattern.finditer(text, low, min(len(text), high + 1))


_ZERO_WIDTH = (sre.AT, sre.ASSERT, sre.ASSERT_NOT)
_MOST_PREFIXES = 64
_SHORTEST = 3  # shorter leading words ("e", "do") occur everywhere: cheaper to search whole


def _prefixes(items: object) -> tuple[set[str], bool]:
    """The literal texts a match of `items` must begin with (after zero-width items), and
    whether they are all of it (so what follows continues them)."""
    out = {""}
    for op, value in items:  # type: ignore[attr-defined]
        if op is sre.LITERAL:
            out = {p + chr(value) for p in out}
        elif op in _ZERO_WIDTH:
            continue
        elif op is sre.SUBPATTERN or op is sre.BRANCH:
            parts = [_prefixes(value[3])] if op is sre.SUBPATTERN else [
                _prefixes(branch) for branch in value[1]]
            out = {p + q for p in out for part, _ in parts for q in part}
            if len(out) > _MOST_PREFIXES or not all(whole for _, whole in parts):
                return out, False
        else:
            return out, False
    return out, True


@lru_cache(maxsize=1024)
def leading_words(pattern: str, flags: int = 0) -> tuple[str, ...] | None:
    """Lower-case ASCII texts one of which every match of `pattern` starts with (its
    leading literal words, read with re's own parser: `\\b(share|disclose)` → "share",
    "disclose"), or None when some match may start otherwise or one is shorter than
    `_SHORTEST`. In an ASCII text, a match can only start where one of them occurs (in any
    case). Kept in the parse cache, keyed by the pattern and flags: parsing the twenty-odd
    patterns a build's review tries was some 9M instructions of every build."""
    return parsecache.memo("leading-words", f"{flags}\0{pattern}",
                           lambda: _leading_words(pattern, flags))


def _leading_words(pattern: str, flags: int) -> tuple[str, ...] | None:
    words, _ = _prefixes(sre_parser.parse(pattern, flags))
    if len(words) > _MOST_PREFIXES or not all(w.isascii() and len(w) >= _SHORTEST
                                              for w in words):
        return None
    lower = {w.lower() for w in words}  # a word that starts with another is found with it
    return tuple(sorted(w for w in lower if not any(w.startswith(v) for v in lower - {w})))


@lru_cache(maxsize=4)
def _lowered(text: str) -> str:
    return text.lower()


def finditer_at_words(pattern: re.Pattern[str], text: str) -> Iterator[re.Match[str]]:
    """`pattern.finditer(text)`, in an ASCII text tried only where one of its
    `leading_words` occurs: the same matches (none is empty, as each starts with a word),
    found without trying the pattern at every character."""
    words = leading_words(pattern.pattern, pattern.flags)
    if words is None or not text.isascii():
        return pattern.finditer(text)
    return _at_words(pattern, text, text.lower(), words)


def _at_words(pattern: re.Pattern[str], text: str, lower: str, words: tuple[str, ...],
              ) -> Iterator[re.Match[str]]:
    found = {word: lower.find(word) for word in words}
    position = 0
    while True:
        for word, at in found.items():
            if 0 <= at < position:
                found[word] = lower.find(word, position)
        places = [at for at in found.values() if at >= 0]
        if not places:
            return
        start = min(places)
        match = pattern.match(text, start)
        if match:
            yield match
        position = match.end() if match else start + 1


def search_at_words(pattern: re.Pattern[str], text: str) -> bool:
    """Whether `pattern.search(text)` finds a match: in an ASCII text, tried only where one of
    its `leading_words` occurs (a policy holds few of them; a search that finds nothing
    otherwise tries the whole pattern at every character)."""
    words = leading_words(pattern.pattern, pattern.flags)
    if words is None or not text.isascii():
        return pattern.search(text) is not None
    lower = _lowered(text)
    for word in words:
        position = lower.find(word)
        while position >= 0:
            if pattern.match(text, position):
                return True
            position = lower.find(word, position + 1)
    return False
