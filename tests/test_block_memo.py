"""The review's memo of what each block text holds (drafter.review.block_memo) changes no note:
every example's draft, and its Markdown reviewed as any policy, gets the same notes with no
memo, with a memo that has seen nothing, and with one that has seen it all."""

from __future__ import annotations

import pickle
import re
from collections.abc import Callable
from datetime import date

import pytest

from drafter.document.model import Note
from drafter.paths import examples
from drafter.project import Project
from drafter.review import review_document
from drafter.review.block_memo import LIMIT, BlockMemo
from drafter.review.document import Block, Document, markdown_blocks

TODAY = date(2026, 12, 1)


def reviews(project: Project, monkeypatch: pytest.MonkeyPatch,
            review: Callable[[], list[Note]]) -> tuple[list[Note], ...]:
    """`review()` with no memo, then with a fresh memo twice (texts unseen, then seen)."""
    rules = project.library.review_rules
    words = rules.memo.words
    monkeypatch.setitem(rules.__dict__, "memo", None)
    none = review()
    monkeypatch.setitem(rules.__dict__, "memo", BlockMemo(words))
    return none, review(), review()


@pytest.mark.parametrize("example", list(examples()))
def test_a_draft_has_the_same_notes_with_or_without_the_memo(
        project: Project, monkeypatch: pytest.MonkeyPatch, example: str) -> None:
    answers = project.answers(examples()[example])
    draft = project.draft(answers, TODAY)
    none, unseen, seen = reviews(project, monkeypatch, lambda: list(
        project.review(draft.policy, answers, TODAY, draft.tree)))
    assert unseen == none and seen == none
    markdown = "\n\n".join(c.markdown for c in draft.policy.clauses())
    document = Document(tuple(markdown_blocks(markdown)), example)
    none, unseen, seen = reviews(project, monkeypatch, lambda: review_document(
        document, project.library, today=TODAY))
    assert unseen == none and seen == none


def blocks(*texts: str) -> Document:
    return Document(tuple(Block(text, n, n) for n, text in enumerate(texts, start=1)), "t")


TEXTS = ("Our Security team", "no hint here", "We use SSL.", "İstanbul security", "secur",
         "ends with ssl", "tbd and TBD")


@pytest.mark.parametrize("words", [("secur",), ("ssl", "tbd"), ("absent",), ("secur", "xyz")])
def test_blocks_with_finds_what_the_search_of_the_whole_text_finds(words: tuple[str, ...],
                                                                  ) -> None:
    memo = BlockMemo(["secur", "ssl", "tbd", "absent"])
    plain, memoized = blocks(*TEXTS), Document(blocks(*TEXTS).blocks, "t", memo)
    assert [b.text for b in memoized.blocks_with(words)] == \
        [b.text for b in plain.blocks_with(words)]
    again = Document(blocks(*reversed(TEXTS)).blocks, "t", memo)  # every text seen, moved
    assert [b.text for b in again.blocks_with(words)] == \
        [b.text for b in blocks(*reversed(TEXTS)).blocks_with(words)]


def test_matches_are_those_of_the_pattern_and_kept_by_text_only() -> None:
    memo = BlockMemo(["ssl"])
    pattern = re.compile(r"\bssl\b", re.IGNORECASE)
    first, other = Block("SSL and ssl", 1, 1), Block("SSL and ssl", 9, 9)
    found = memo.matches(pattern, first.text, ["ssl"])
    assert [m.span() for m in found] == [m.span() for m in pattern.finditer(first.text)]
    assert memo.matches(pattern, other.text, ["ssl"]) is found  # the same text: kept
    assert [m.span() for m in memo.matches(pattern, "no match", ["ssl"])] == []


def test_a_full_memo_starts_afresh_and_a_pickled_one_keeps_only_its_words() -> None:
    memo = BlockMemo(["word"])
    for n in range(LIMIT + 10):
        memo.index([f"word {n}"])
    assert memo.index(["a word", "none"]) == {"word": [0]}
    kept = pickle.loads(pickle.dumps(memo))
    assert kept.words == memo.words and kept.index(["word"]) == {"word": [0]}
    assert len(pickle.dumps(kept)) < 200
