"""The plain-text export's quick line filling gives textwrap's lines, or leaves it to textwrap."""

from __future__ import annotations

import textwrap

from hypothesis import given, settings
from hypothesis import strategies as st

from drafter.export.text import WIDTH, fill

WORD = st.text(alphabet=st.sampled_from("ab-.é\u00a0"), min_size=1, max_size=30)
GAP = st.sampled_from([" ", " ", " ", "  ", "\t"])


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(WORD, GAP), max_size=30), st.sampled_from(["", "- ", "  12. "]),
       st.sampled_from(["", "  ", "      "]), st.integers(0, 90))
def test_fill_is_textwrap_or_nothing(parts: list[tuple[str, str]], first: str, rest: str,
                                     long: int) -> None:
    para = "".join(word + gap for word, gap in parts).rstrip(" \t") + "x" * long
    expected = textwrap.wrap(para, WIDTH, initial_indent=first, subsequent_indent=rest,
                             break_on_hyphens=False)
    found = fill(para, first, rest)
    assert found is None or found == expected


def test_a_usual_paragraph_is_filled() -> None:
    para = " ".join(["word"] * 60)
    assert fill(para, "- ", "  ") == textwrap.wrap(para, WIDTH, initial_indent="- ",
                                                   subsequent_indent="  ")
    full = "exactly " + "y" * (WIDTH - 8)  # a line exactly as wide as the page
    assert fill(full, "", "") == [full] == textwrap.wrap(full, WIDTH)
    assert fill(full + "y", "", "") == ["exactly", "y" * (WIDTH - 7)] == textwrap.wrap(full + "y",
                                                                                      WIDTH)
