"""Whole words: a pattern that decides what a policy says must not match inside a longer word.

`voice` finds "invoice", `INFORM` finds "information", `review` finds "reviewed"... and a
`detect` that matches inside a word reports an item present that is not there, so the review
stays quiet about what is missing. The rule, checked by `drafter lint` on re's own parse of
each pattern: every match begins and ends at a word edge. A pattern starts with `\\b` (or a
look-behind, or a character that is not a letter) and ends with `\\b` (or a look-ahead); a
stem says how long its word may grow, `affiliat[a-z]{0,15}\\b`, so it still ends where the word
does.

Only the patterns that decide a finding are held to it: requirements' `detect`, and the
`patterns` and `variants` of `review-checks.yaml`'s text rules. Helpers that only excuse or
shape a finding (`unless`, the history cues, what is not prose, the company-name and date
patterns) may start or end where they need to.
"""

from __future__ import annotations

import re
import re._constants as sre  # re's own parser (as `scan.widest` uses it)
import re._parser as sre_parser
from collections.abc import Iterator, Mapping, Sequence
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from drafter.errors import UserError

if TYPE_CHECKING:
    from drafter.requirements import CatalogEntry
    from drafter.review.rules import ReviewRules

_WORD_CHAR = re.compile(r"\w")
_EDGES = frozenset({sre.AT_BOUNDARY, sre.AT_UNI_BOUNDARY, sre.AT_BEGINNING,
                    sre.AT_BEGINNING_LINE, sre.AT_BEGINNING_STRING, sre.AT_END,
                    sre.AT_END_LINE, sre.AT_END_STRING})
_WORDY_CATEGORIES = frozenset({sre.CATEGORY_WORD, sre.CATEGORY_NOT_SPACE, sre.CATEGORY_DIGIT,
                               sre.CATEGORY_NOT_DIGIT, sre.CATEGORY_NOT_WORD})
_REPEATS = (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT)


def _may_be_letter(op: object, value: object) -> bool:
    """Whether one item of a parsed pattern can match a word character."""
    if op is sre.LITERAL:
        return bool(_WORD_CHAR.match(chr(value)))  # type: ignore[arg-type]
    if op is sre.IN:
        for kind, item in value:  # type: ignore[attr-defined]
            if kind is sre.NEGATE or (kind is sre.CATEGORY and item in _WORDY_CATEGORIES):
                return True
            if kind is sre.LITERAL and _WORD_CHAR.match(chr(item)):
                return True
            if kind is sre.RANGE and any(_WORD_CHAR.match(chr(c))
                                         for c in range(item[0], item[1] + 1)):
                return True
        return False
    return True  # any character, a negated literal, a back-reference: it may be a letter


def at_edge(items: Sequence[tuple[object, object]], *, end: bool = False) -> bool:
    """Whether every match of these parsed items begins (or, with `end`, ends) at a word edge:
    on every path through the pattern, the first item that matches a character is preceded by
    a `\\b` or anchor or a look-behind (followed by a look-ahead at the end), or cannot match
    a letter itself. An optional item counts only together with what follows it."""
    return _first(items, end) is not False


def _first(items: Sequence[tuple[object, object]], end: bool) -> bool | None:
    """True: every path meets a word edge first; False: some path may meet a letter inside a
    word; None: some path went through without matching anything (what follows decides)."""
    ordered = list(items)[::-1] if end else list(items)
    for index, (op, value) in enumerate(ordered):
        rest = ordered[index + 1:]
        if op is sre.AT:
            if value in _EDGES:
                return True
            continue
        if op in (sre.ASSERT, sre.ASSERT_NOT):
            if (value[0] < 0) != end:  # type: ignore[index]  # look-behind first, -ahead last
                return True
            continue
        if op is sre.SUBPATTERN:
            paths = [_first(value[3], end)]  # type: ignore[index]
        elif op is sre.BRANCH:
            paths = [_first(branch, end) for branch in value[1]]  # type: ignore[index]
        elif op in _REPEATS:
            least, _, inner = value  # type: ignore[misc]
            paths = [_first(inner, end)] + ([None] if least == 0 else [])
        else:
            return not _may_be_letter(op, value)
        if False in paths:
            return False
        if None in paths:  # some path matched nothing yet: what follows decides for it
            return _first(rest[::-1] if end else rest, end)
        return True
    return None


@lru_cache(maxsize=1024)
def whole_words(pattern: str) -> tuple[bool, bool]:
    """(starts at a word edge, ends at one) for every match of `pattern`."""
    parsed = sre_parser.parse(pattern, re.IGNORECASE)
    return at_edge(parsed.data), at_edge(parsed.data, end=True)


def deciding_patterns(rules: ReviewRules, catalog: Mapping[str, CatalogEntry],
                      ) -> Iterator[tuple[str, str, CatalogEntry | None]]:
    """(where, pattern, its requirement) for the patterns whose match is a finding: of all the
    review runs (`rules.review_patterns`), the `detect`, `patterns` and `variants`."""
    from drafter.review.rules import review_patterns

    return ((where, pattern, entry) for where, pattern, entry in review_patterns(rules, catalog)
            if where.endswith((".detect", ".patterns")) or ".variants." in where)


def _line(entry: CatalogEntry | None, pattern: str) -> int | None:
    """The line of a requirement's pattern in its file (its `detect` line at least)."""
    if entry is None:
        return None
    index = entry.requirement.detect.index(pattern)
    try:
        return entry.source.line((entry.index, "detect", index))
    except (KeyError, IndexError, TypeError):
        return entry.source.line((entry.index, "detect"))


def inside_words(rules: ReviewRules, catalog: Mapping[str, CatalogEntry]) -> list[UserError]:
    """Lint problems: each deciding pattern that can match inside a longer word, at its line."""
    return [_inside(where, pattern, entry.source.path if entry else rules.text_path,
                    _line(entry, pattern))
            for where, pattern, entry in deciding_patterns(rules, catalog)
            if not all(whole_words(pattern))]


def _inside(where: str, pattern: str, path: Path, line: int | None) -> UserError:
    starts, ends = whole_words(pattern)
    side = "begin and end" if not (starts or ends) else "begin" if not starts else "end"
    return UserError(
        f"pattern can {side} inside a word (as `voice` finds \"invoice\"): start it with "
        f"`\\b` and end it with `\\b`, a stem as `stem[a-z]{{0,15}}\\b`: {pattern!r}",
        path=path, line=line, field=where)


def inside_words_in_languages(root: Path) -> list[UserError]:
    """The same lint for the words a review reads other languages by (`review-languages/`)."""
    from drafter.review.languages import load_review_language, review_languages

    found = []
    for lang in review_languages(root):
        path = root / "review-languages" / f"{lang}.yaml"
        words = load_review_language(path)
        deciding = [*((f"{rid}.patterns", p) for rid, w in words.outdated.items()
                      for p in w.patterns),
                    *((f"{rid}.detect", p) for rid, w in words.requirements.items()
                      for p in w.detect)]
        found += [_inside(where, pattern, path, None) for where, pattern in deciding
                  if not all(whole_words(pattern))]
    return found
