"""A passage said twice: a clause pasted into two sections, or a sentence restated later.

Found over words, not sentences: every run of `min_words` words (case and punctuation
ignored) is remembered where it first occurs; a later occurrence starts a repeat, extended
while the following words keep matching. One pass over the text, so the time grows with its
length.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from itertools import chain, repeat
from operator import lshift, or_

from drafter.review.checks import Subject, check
from drafter.review.coverage import heading_like
from drafter.review.document import Block
from drafter.document.model import Note
from drafter.review.text_checks import rule_note

_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")

Place = tuple[int, int]  # (block index, word index)


def _words(text: str) -> list[str]:
    """The words of `text`, lower-cased: the text is lowered once, unless a letter's lower
    case is longer (then word by word, as the places of the words are read in `text`)."""
    lowered = text.lower()
    if len(lowered) == len(text):
        return _WORD.findall(lowered)
    return [word.lower() for word in _WORD.findall(text)]


def _gram_keys(ids: list[int], size: int, bits: int) -> list[int]:
    """One number for each run of `size` word ids: the ids side by side, `bits` each, so two
    numbers are equal exactly when the runs are. Built by doubling the run length with maps
    of `lshift` and `or_` (no Python loop per word: the 8-word tuples they replace were the
    slowest part of a long policy's review)."""
    keys = {1: ids}
    length = 1
    while length * 2 <= size:
        short = keys[length]
        keys[length * 2] = list(map(or_, map(lshift, short, repeat(length * bits)),
                                    short[length:]))
        length *= 2
    result, have = keys[length], length
    for piece in sorted(keys, reverse=True):
        if have + piece <= size:
            result = list(map(or_, map(lshift, result, repeat(piece * bits)),
                              keys[piece][have:]))
            have += piece
    return result


def repeated_runs(blocks: tuple[Block, ...], size: int) -> Iterator[tuple[Place, Place, int]]:
    """(first place, later place, length in words) of each maximal run of at least `size`
    words said exactly twice, the later occurrence not overlapping the first. Words that
    belong to a run said three times or more are a refrain (the same words for each item of
    a list), not a duplicate. Only a gram said exactly twice can start a run (or be the
    first of one), so only those are visited."""
    words = [_words(block.text) for block in blocks]
    flat = list(chain.from_iterable(words))
    index = {word: i for i, word in enumerate(dict.fromkeys(flat))}  # in order of first use
    # The whole document's grams at once (a policy has hundreds of short blocks: one call a
    # block cost more than the grams), then each block's: those that start and end in it.
    every = _gram_keys(list(map(index.__getitem__, flat)), size,
                       max(1, len(index).bit_length()))
    grams: list[list[int]] = []
    start = 0
    for ws in words:
        grams.append(every[start:start + len(ws) - size + 1] if len(ws) >= size else [])
        start += len(ws)
    counts = Counter(chain.from_iterable(grams))
    twice = {gram for gram, times in counts.items() if times == 2}

    def refrain(b: int, i: int) -> bool:
        """Whether one of the `size` grams ending with gram `i` is said three times or more."""
        return max(map(counts.__getitem__, grams[b][max(0, i - size + 1):i + 1])) > 2

    seen: dict[int, Place] = {}
    for b, lowered in enumerate(words):
        i = 0
        for candidate in ([j for j, gram in enumerate(grams[b]) if gram in twice]
                          if twice else []):
            if candidate < i:
                continue
            i = candidate
            first = seen.setdefault(grams[b][i], (b, i))
            if first == (b, i) or (first[0] == b and i - first[1] < size) or refrain(b, i):
                i += 1
                continue
            fb, fi = first
            source = words[fb]
            length = size
            while (i + length < len(lowered) and fi + length < len(source)
                   and (fb, fi + length) < (b, i) and lowered[i + length] == source[fi + length]
                   and not refrain(b, i + length - size + 1)):
                length += 1
            for j in range(i + 1, i + length - size + 1):  # the run's later grams are seen
                seen.setdefault(grams[b][j], (b, j))
            yield first, (b, i), length
            i += length


def _span(matches: list[re.Match[str]], i: int, length: int) -> tuple[int, int]:
    return matches[i].start(), matches[i + length - 1].end()


class _Matches(dict[int, list[re.Match[str]]]):
    """Each block's words with their places, found only for the blocks a repeat is in."""

    def __init__(self, blocks: tuple[Block, ...]) -> None:
        super().__init__()
        self.blocks = blocks

    def __missing__(self, b: int) -> list[re.Match[str]]:
        self[b] = list(_WORD.finditer(self.blocks[b].text))
        return self[b]


def _whole_thought(block: Block, span: tuple[int, int]) -> bool:
    """Whether the words at `span` begin or end a sentence (or clause) of a prose paragraph:
    a duplicate says something; "we collect the following kinds of … from" twice is a frame
    with different words in its slot, and a label or table cell repeated is not prose."""
    before, after = block.text[:span[0]].rstrip(), block.text[span[1]:].lstrip()
    if not before and not after:
        return block.text.rstrip()[-1:] in ".!?"
    return not before or before[-1] in ".!?;:" or not after or after[0] in ".!?;:"


@check("repeats")
def repeated_passages(subject: Subject) -> Iterator[Note]:
    """On a policy Drafter did not write: one note at the first passage said twice, naming
    where the others are (a table of contents repeating the headings is not a repeat)."""
    rule = subject.rules.text.repeats
    if rule is None or subject.policy is not None:
        return
    blocks = subject.document.blocks
    words = _Matches(blocks)
    found: list[tuple[int, tuple[int, int]]] = []
    firsts: list[int] = []
    for (fb, fi), (b, i), length in repeated_runs(blocks, rule.min_words):
        if heading_like(blocks[fb]) or heading_like(blocks[b]):
            continue
        span, first = _span(words[b], i, length), _span(words[fb], fi, length)
        if _whole_thought(blocks[b], span) or _whole_thought(blocks[fb], first):
            found.append((b, span))
            firsts.append(fb)
    if not found:
        return
    (b, span), fb = found[0], firsts[0]
    passage = " ".join(blocks[b].text[span[0]:span[1]].split())
    others = sorted({blocks[later].start for later, _ in found[1:]})
    more = (f" Other passages repeat too, at line{'s' if len(others) > 1 else ''} "
            f"{', '.join(map(str, others))}." if others else "")
    yield rule_note(rule, rule.message.format(passage=passage, where=f"line {blocks[fb].start}")
                + more, blocks[b], span)
