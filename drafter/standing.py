"""Where the owner stands: how many questions are answered out of those asked, and what is
left, for the owner (answers to give or fix, suggestions to confirm, blocking notes their
answers settle) and for counsel (questions only counsel can settle). Core code: the app shows
`Standing.lines()`; the counts are the ones the sidebar's marks are made from.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from drafter.editing import Session

if TYPE_CHECKING:
    from drafter.document.model import Note


@dataclass(frozen=True)
class Standing:
    answered: int  # questions shown that the owner answered (a valid answer in the file)
    shown: int  # questions shown, given the answers so far
    unanswered: int  # shown, no answer and no default
    suggested: int  # shown with a default the owner has not confirmed yet
    to_fix: int  # answers that are not valid
    owner_notes: int  # blocking reviewer notes that an owner's answer settles
    counsel: int  # questions for counsel

    @property
    def for_owner(self) -> int:
        return self.unanswered + self.suggested + self.to_fix + self.owner_notes

    def lines(self) -> list[str]:
        """The figures in words, shortest first (each fits 22 columns)."""
        parts = [f"{n} {what}" for n, what in ((self.unanswered, "to answer"),
                                               (self.suggested, "to confirm"),
                                               (self.to_fix, "to fix"),
                                               (self.owner_notes, "blocking note(s)")) if n]
        return [f"Answered {self.answered} of {self.shown}",
                f"For you: {', '.join(parts) if parts else 'nothing left'}",
                f"For counsel: {self.counsel or 'nothing'}"]


def standing(session: Session, notes: Iterable[Note] = ()) -> Standing:
    """The owner's standing in `session`, with the reviewer `notes` on the current draft."""
    visible = session.visible()
    answered = unanswered = suggested = 0
    for key in visible:
        if key in session.valid:
            answered += 1
        elif key in session.errors:
            continue
        elif session.suggested(key):
            suggested += 1
        else:
            unanswered += 1
    shown = set(visible)
    notes = list(notes)
    return Standing(
        answered=answered, shown=len(visible), unanswered=unanswered, suggested=suggested,
        to_fix=sum(1 for key in session.errors if key in shown),
        owner_notes=sum(1 for n in notes if n.owner_blocking),
        counsel=sum(1 for n in notes if n.for_counsel))


__all__ = ["Standing", "standing"]
