"""Where the owner stands: how many questions are answered out of those asked, and what is
left, for the owner (answers to give or fix, suggestions to confirm, blocking notes their
answers settle) and for counsel (questions only counsel can settle), overall (`standing`) and
per section (`section_progress`). Core code: the app shows `Standing.lines()` and the
sections' counts and marks. An optional question left empty is in neither count: the owner's
answer is complete without it (`counted`), until the owner moves on from it, when it counts as
answered. So does a list (not required) the owner moved on from with nothing ticked: an empty
list is "none of these", as a build reads it (`settled`). A required one never is; "moved on
from" is `Session.seen`, kept beside the file, never an answer written for the owner.
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
    answered: int  # questions counted that the owner answered (a valid answer in the file)
    shown: int  # questions counted: those shown, given the answers so far (see `counted`)
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

    def line(self) -> str:
        """The figures in one short line, for a phone's width (40 columns up to 999
        questions): answered of asked, then how many things are left for the owner (the sum
        of `lines()`'s second line) and for counsel."""
        return (f"{self.answered}/{self.shown} done · to do: you {self.for_owner}, "
                f"counsel {self.counsel}")


def counted(session: Session) -> list[str]:
    """The questions shown that progress counts: all but an optional one left empty and not
    yet moved on from."""
    entry = session.questionnaire.entry
    return [key for key in session.visible()
            if key in session.raw or key in session.seen or not entry(key).question.optional]


def settled(session: Session, key: str) -> bool:
    """Whether `key` counts as answered: a valid answer, or nothing given to an optional
    question or a list (not required, nothing suggested) the owner has moved on from."""
    if key in session.valid:
        return True
    if key in session.raw or key not in session.seen or session.suggested(key):
        return False
    question = session.questionnaire.entry(key).question
    return not question.required and (question.optional or question.type in ("many", "records"))


def section_progress(session: Session) -> dict[str, tuple[int, int, bool]]:
    """Per section with something to ask: (answered, counted, anything left to fix: a
    required answer missing or an answer not valid). A default shown is a suggestion, not an
    answer, until the owner confirms it. A section asking only optional questions, left
    empty, is listed (0 of 0: nothing left)."""
    missing = session.missing()
    found = {key.split(".", 1)[0]: (0, 0, False) for key in session.visible()}
    for key in counted(session):
        section = key.split(".", 1)[0]
        answered, shown, problems = found[section]
        done = key not in missing and settled(session, key)
        found[section] = (answered + done, shown + 1,
                          problems or key in missing or key in session.errors)
    return found


def standing(session: Session, notes: Iterable[Note] = ()) -> Standing:
    """The owner's standing in `session`, with the reviewer `notes` on the current draft."""
    visible = counted(session)
    answered = unanswered = suggested = 0
    for key in visible:
        if settled(session, key):
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


__all__ = ["Standing", "counted", "section_progress", "settled", "standing"]
