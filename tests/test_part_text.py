"""`_part_text` reads part of a run's text from its tokens in stretches: the same text as
matching the run's text to its source one character at a time (the definition it keeps)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from drafter.document.markdown import inline_text, parse
from drafter.document.tree import _part_text

PIECES = ["we ", "keep ", "your ", "data ", "*only* ", "**never** ", "[the form](https://x.io/a) ",
          "\\* ", "&amp; ", "`code` ", "e-mail ", "a ", "   ", "30 days ", "<b>", "_it_ "]


def one_at_a_time(text: str, source: str, begin: int, end: int) -> str:
    kept: list[str] = []
    position = 0
    for char in text:
        found = source.find(char, position)
        if found < 0:
            continue
        if begin <= found < end:
            kept.append(char)
        position = found + 1
    return "".join(kept)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(PIECES), min_size=1, max_size=60), st.data())
def test_stretches_keep_what_characters_keep(pieces: list[str], data: st.DataObject) -> None:
    source = ("Then " + "".join(pieces)).strip()  # (a paragraph: not an HTML block)
    token = next(t for t in parse(source) if t.type == "inline")
    begin = data.draw(st.integers(0, len(source)))
    end = data.draw(st.integers(begin, len(source)))
    assert _part_text(token, source, begin, end) == one_at_a_time(inline_text(token), source,
                                                                  begin, end)
