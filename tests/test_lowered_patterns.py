"""`CompiledPattern.finditers` searches lower-cased ASCII text without IGNORECASE: it must
find exactly what the rule's own patterns find, in the same order, on any text."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from drafter.paths import default_library
from drafter.review.rules import load_review_rules
from drafter.review.text_rules import CompiledPattern, PatternRule, _lowercase

WORDS = ["We", "WILL", "never", "within", "30", "Days", "of", "encrypted", "only", "to",
         "don't", "sell", "our", "partners", "Do", "not", "share", "ſell", "K", "\u212a",
         "annually", "at least", "once", "a", "Year", ".", "\n", "notify", "you"]


def spans(compiled: CompiledPattern, text: str) -> list[list[tuple[int, int]]]:
    return [[m.span() for m in found] for found in compiled.finditers(text)]


def slow(compiled: CompiledPattern, text: str) -> list[list[tuple[int, int]]]:
    return [[m.span() for m in p.finditer(text)] for p in compiled.patterns]


def without_empty(found: list[list[tuple[int, int]]]) -> list[list[tuple[int, int]]]:
    return found if any(found) else []


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(WORDS), max_size=40))
def test_commitments_find_the_same_matches(words: list[str]) -> None:
    compiled = load_review_rules(default_library()).commitments
    assert compiled is not None and compiled.lowered[1] is not None  # the fast path is taken
    text = " ".join(words)
    assert without_empty(spans(compiled, text)) == without_empty(slow(compiled, text))


def test_a_pattern_with_its_own_capitals_keeps_ignoring_case() -> None:
    rule = PatternRule(id="x", topic="consistency", severity="warning", message="m",
                       patterns=[r"\bWe never\b", r"\bonly\b"])
    compiled = CompiledPattern(rule)
    assert compiled.lowered[0][0] is None and compiled.lowered[1] is None
    assert spans(compiled, "WE NEVER, only") == [[(0, 8)], [(10, 14)]]


def test_what_counts_as_lower_case() -> None:
    assert _lowercase(r"\bwe (will )?never\W{0,4}\b")
    assert not _lowercase(r"[A-Z]")
    assert not _lowercase(r"\x41")  # a character given by its code
    assert not _lowercase(r"(?-i:we)")
    assert not _lowercase(r"(we)\1")
