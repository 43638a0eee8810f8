"""Counts in the app's words: "1 suggested tick", never "1 suggested ticks" (trial 17), and
the progress panel's blocking notes without "(s)"."""

from __future__ import annotations

from drafter.counting import count_of
from drafter.standing import Standing


def test_one_thing_is_singular_and_others_plural() -> None:
    assert [count_of(n, "suggested tick") for n in (0, 1, 2)] == [
        "0 suggested ticks", "1 suggested tick", "2 suggested ticks"]
    assert count_of(1, "entry", "entries") == "1 entry"
    assert count_of(3, "entry", "entries") == "3 entries"


def test_the_progress_panel_counts_blocking_notes_in_words() -> None:
    def second_line(notes: int) -> str:
        return Standing(answered=1, shown=2, unanswered=1, suggested=0, to_fix=0,
                        owner_notes=notes, counsel=0).lines()[1]

    assert second_line(1) == "For you: 1 to answer, 1 blocking note"
    assert second_line(2) == "For you: 1 to answer, 2 blocking notes"
    assert second_line(0) == "For you: 1 to answer"
