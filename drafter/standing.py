"""Where the owner stands: how many questions are answered out of those asked, and what is
left, for the owner (answers to give or fix, suggestions to confirm, blocking notes their
answers settle) and for counsel (questions only counsel can settle), overall (`standing`) and
per section (`section_progress`). Core code: the app shows `Standing.lines()` and the
sections' counts and marks. Everything here is read from the answers file alone, as `drafter
build` and its promises ledger read it, so a copy of the file says the same anywhere: a
question is answered when the file holds a valid answer to it (`settled`), a list saved empty
(`[]`, the owner's "none of these": `drafter.none_of_these`) included; an optional question
left empty is in neither count, the owner's answer being complete without it (`counted`). The
rule is `drafter.answered`'s, which the promises ledger reads too.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from drafter.answered import answer_state
from drafter.counting import count_of
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
    unfinished: int = 0  # rows of a list (a vendor) with a pick left empty (`unfinished`)

    @property
    def for_owner(self) -> int:
        return (self.unanswered + self.suggested + self.to_fix + self.owner_notes
                + self.unfinished)

    def answered_words(self) -> str:
        """How many are answered of those asked, in the words both layouts start with."""
        return f"Answered {self.answered} of {self.shown}"

    def lines(self) -> list[str]:
        """The figures in words, shortest first (each fits 22 columns)."""
        parts = [f"{n} {what}" for n, what in ((self.unanswered, "to answer"),
                                               (self.suggested, "to confirm"),
                                               (self.to_fix, "to fix"),
                                               (self.unfinished, "to finish")) if n]
        parts += [count_of(self.owner_notes, "blocking note")] if self.owner_notes else []
        return [self.answered_words(),
                f"For you: {', '.join(parts) if parts else 'nothing left'}",
                f"For counsel: {self.counsel or 'nothing'}"]

    def phrases(self) -> list[str]:
        """The same figures for a phone's width, as `lines()` says them but with one number
        each: answered of asked, then how many things are left for the owner (the sum of the
        second line's) and for counsel, each only when there are some ("Answered 2 of 88 · 86
        for you · 3 for counsel"; "Answered 88 of 88 · nothing left"). The app joins them on
        one line where they fit, never breaking a phrase."""
        left = [f"{n} for {whom}" for n, whom in ((self.for_owner, "you"),
                                                  (self.counsel, "counsel")) if n]
        return [self.answered_words(), *(left or ["nothing left"])]

    def line(self) -> str:
        return " · ".join(self.phrases())


def counted(session: Session) -> list[str]:
    """The questions shown that progress counts: all but an optional one left empty (what
    the file holds as typed, a wrong answer included, says so: `drafter.answered`)."""
    entry = session.questionnaire.entry
    return [key for key in session.visible()
            if answer_state(entry(key).question, key, session.raw) != "left empty"]


def settled(session: Session, key: str) -> bool:
    """Whether `key` counts as answered: the file holds a valid answer to it, an empty list
    the owner saved ("none of these") included where it can be one (`drafter.answered`, the
    rule the promises ledger reads too)."""
    question = session.questionnaire.entry(key).question
    return answer_state(question, key, session.valid) == "given"


def unfinished(session: Session, key: str) -> list[tuple[int, str]]:
    """The rows of a list of records (a vendor: name, purpose, link, kind) begun and left
    without one of their picks (the kind of service), each as (index, the first such field):
    "nothing left" was said of a vendor whose kind was never chosen. A pick can always be made
    (one of the choices is "Other services"), so such a row is left to do until it is; a
    link, which a company may not have, is not asked for this way."""
    question = session.questionnaire.entry(key).question
    picks = [f.id for f in question.fields or [] if f.type in ("one", "bool")]
    rows = session.valid.get(key) if question.type == "records" and picks else None
    if not isinstance(rows, list):
        return []
    return [(index, empty[0]) for index, row in enumerate(rows) if isinstance(row, dict)
            and (empty := [name for name in picks if row.get(name) in (None, "")])]


def left_for_owner(session: Session) -> list[str]:
    """The questions with something left for the owner to do, in the questionnaire's order:
    an answer to give, confirm or fix, or a row to finish (see `standing`)."""
    return [key for key in counted(session)
            if not settled(session, key) or unfinished(session, key)]


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
        done = key not in missing and settled(session, key) and not unfinished(session, key)
        found[section] = (answered + done, shown + 1,
                          problems or key in missing or key in session.errors)
    return found


def standing(session: Session, notes: Iterable[Note] = ()) -> Standing:
    """The owner's standing in `session`, with the reviewer `notes` on the current draft."""
    visible = counted(session)
    answered = unanswered = suggested = 0
    for key in visible:
        if unfinished(session, key):
            continue  # its rows are counted to finish
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
        unfinished=sum(len(unfinished(session, key)) for key in visible),
        answered=answered, shown=len(visible), unanswered=unanswered, suggested=suggested,
        to_fix=sum(1 for key in session.errors if key in shown),
        owner_notes=sum(1 for n in notes if n.owner_blocking),
        counsel=sum(1 for n in notes if n.for_counsel))


__all__ = ["Standing", "counted", "left_for_owner", "section_progress", "settled", "standing",
           "unfinished"]
