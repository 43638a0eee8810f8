"""Evidence → suggestions the owner accepts or declines one at a time (core, free of Textual).

The app's Suggestions view (`drafter edit ANSWERS --evidence FILE`) and `drafter scan --apply`
both present a `Suggestions`: the answer changes the evidence proposes (`propose.proposals`),
each with what showed it. Accepting one writes exactly that answer through the editing session,
the way a typed answer is written (recorded, journaled, then saved to the file); declining
writes nothing. An answer changed elsewhere since the suggestions were made (another window,
an editor) is not overwritten: the suggestion is set aside and says why.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from drafter.plain import same_answer
from drafter.answer_check import check
from drafter.editing import READ_ONLY, Session
from drafter.evidence.catalog import Catalog, catalog
from drafter.evidence.model import Evidence
from drafter.evidence.propose import Proposal, proposals, show_value
from drafter.project import Project

State = Literal["open", "accepted", "declined", "refused"]
Answer = Callable[[str, Any], "tuple[bool, str | None]"]
"""How an answer is recorded (not yet saved): `Session.answer(save=False)`, or the app's undo
history's `answer`, so an accepted suggestion is undone like a typed answer."""


@dataclass
class Suggestion:
    proposal: Proposal
    state: State = "open"
    problem: str | None = None  # why a refused suggestion was not written

    @property
    def key(self) -> str:
        return self.proposal.key


class Suggestions:
    """The suggestions for one answers file, and what the owner decided about each."""

    def __init__(self, session: Session, found: list[Proposal],
                 answer: Answer | None = None) -> None:
        self.session = session
        self.items = [Suggestion(p) for p in found]
        self.answer: Answer = answer or (lambda key, value: session.answer(key, value,
                                                                           save=False))

    @classmethod
    def of(cls, session: Session, evidence: Evidence, known: Catalog | None = None,
           answer: Answer | None = None) -> Suggestions:
        """What `evidence` suggests for the session's answers (`known`: the vendor catalog,
        read from the library when not given)."""
        known = known or catalog(session.project.library.data)
        asked = set(session.questionnaire.keys)
        return cls(session, proposals(evidence, known, session.value, asked), answer)

    def prompt(self, index: int) -> str:
        return self.session.questionnaire.entry(self.items[index].key).question.prompt

    def change(self, index: int) -> str:
        """`from → to`, as the answers file would read; for a list that only grows, what it
        adds (the whole list is long and mostly unchanged)."""
        p = self.items[index].proposal
        if isinstance(p.current, list) and isinstance(p.proposed, list) \
                and p.proposed[:len(p.current)] == p.current:
            return "add " + ", ".join(map(str, p.proposed[len(p.current):]))
        return f"{show_value(p.current)} → {show_value(p.proposed)}"

    def accept(self, index: int) -> Suggestion:
        """Write the suggested answer (if still open): checked first, never written when the
        questionnaire refuses it or when the answer has changed since it was suggested."""
        item = self.items[index]
        if item.state != "open":
            return item
        if self.session.read_only:
            return self._refuse(item, READ_ONLY)
        key, proposed = item.key, item.proposal.proposed
        self.session.reload()  # a change made elsewhere since: seen now, not overwritten
        now = self.session.value(key)
        if not same_answer(now, item.proposal.current):
            return self._refuse(item, f"changed since it was suggested (now {show_value(now)})")
        problem = check(self.session.questionnaire, key, proposed, self.session.path)
        if isinstance(problem, str):
            return self._refuse(item, problem)
        self.answer(key, proposed)
        self.session.keep()  # journaled, as a typed answer is, then written to the file
        self.session.flush()
        item.state = "accepted"
        return item

    def decline(self, index: int) -> Suggestion:
        item = self.items[index]
        if item.state == "open":
            item.state = "declined"
        return item

    @staticmethod
    def _refuse(item: Suggestion, problem: str) -> Suggestion:
        item.state, item.problem = "refused", problem
        return item

    def left(self) -> list[int]:
        return [i for i, item in enumerate(self.items) if item.state == "open"]

    def count(self, state: State) -> int:
        return sum(item.state == state for item in self.items)

    def status(self) -> str:
        """What is left, in one line: `2 of 4 left to decide (1 accepted, 1 declined)`."""
        done = [f"{self.count(s)} {s}" for s in ("accepted", "declined", "refused")
                if self.count(s)]
        left = len(self.left())
        head = (f"{left} of {len(self.items)} left to decide" if left
                else f"All {len(self.items)} decided")
        return head + (f" ({', '.join(done)})" if done else "")


def offer(project: Project, evidence: Evidence, known: Catalog, path: Path, *,
          apply: bool, ask: bool) -> int:
    """Print the proposals; with `apply`, write the ones the owner accepts (all if not
    `ask`). Returns the exit status."""
    session = Session.open(project, path)
    found = Suggestions.of(session, evidence, known)
    if not found.items:
        print(f"The answers in {path} already agree with the evidence.")
        return 0
    print(f"Suggested changes to {path} (nothing is written without your yes):")
    for number, item in enumerate(found.items, start=1):
        print(f"  {number}. {item.proposal.line()}")
        for reason in item.proposal.because:
            print(f"       seen: {reason}")
    if not apply:
        print("Run again with --apply to accept them one by one.")
        return 0
    for index, item in enumerate(found.items):
        if ask and not _yes(f"Change {item.key} to {show_value(item.proposal.proposed)}? "
                            "[y/N] "):
            found.decline(index)
        elif found.accept(index).problem:  # checked first: a refused value is never written
            print(f"  {item.key}: not changed: {item.problem}")
    session.close()
    print(f"{found.count('accepted')} of {len(found.items)} change(s) written to {path}.")
    return 0


def _yes(prompt: str) -> bool:
    try:
        return input(prompt).strip().lower() in ("y", "yes")
    except EOFError:  # no one to ask: the answer is no
        print(file=sys.stderr)
        return False
