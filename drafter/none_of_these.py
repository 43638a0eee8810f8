"""A list the owner moves on from with nothing ticked: their "none of these", kept in the
answers file as an empty list (`[]`), the one place that says what is answered. The app
records it when the owner moves on from the list with Enter or Tab (never on quitting, a click
elsewhere or a section switched: only a key that says "move on" from that list), as one undo
step, and says so under the list; `drafter build`, the promises ledger and the app's progress
all read the same `[]` ("given": nothing ticked), and a copy of the file opened anywhere else
shows the same progress.

Before, the lists moved on from were kept only in the app's position side file (`seen`), so
the file alone said "3 to answer" where the app said "nothing left". `migrate_seen` turns such
a side file's lists into the answers they stood for, once, telling the owner.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from drafter.answered import empty_is_an_answer
from drafter.questionnaire import Question

if TYPE_CHECKING:
    from drafter.editing import Session

MIGRATED = ("{names}: you had moved on from {these} with nothing ticked. That is now saved "
            "in the answers file itself, as \u201cnone of these\u201d, so a copy of the file "
            "says the same anywhere. Nothing is lost: your answers and progress are as before.")


def left_empty_is_none(question: Question) -> bool:
    """Whether moving on from `question` with nothing given records "none of these": a list
    for which `[]` is an answer (`drafter.answered`, the rule progress and the ledger count
    by: not a required one, nor one offering its own exclusive "None of these" option, which
    the owner ticks), without a suggestion (moving on from it confirms the suggestion)."""
    return empty_is_an_answer(question) and question.default is None


def none_note(question: Question, value: object) -> str | None:
    """What the form says under a list saved empty (`value`, its answer, is `[]`), or None."""
    if value != [] or not left_empty_is_none(question):
        return None
    if question.type == "records":
        return "Saved as \u201cnone\u201d. Add any that apply."
    return "Saved as \u201cnone of these\u201d. Tick any that apply."


def migrate_seen(session: Session, seen: tuple[str, ...]) -> list[str]:
    """Save as "none of these" each list an old side file's `seen` names that is still
    unanswered (see `Session.none_of_these`); returns their keys. Other questions it names
    (optional ones left empty) need nothing: an optional question left empty is not counted
    (`drafter.standing`)."""
    done = [key for key in dict.fromkeys(seen)
            if key in session.questionnaire and session.none_of_these(key, save=False)]
    if done:
        session.flush()
    return done


def migrated_message(session: Session, keys: list[str]) -> str:
    names = ", ".join(f"\u201c{session.questionnaire.entry(k).question.prompt}\u201d"
                      for k in keys)
    return MIGRATED.format(names=names, these="it" if len(keys) == 1 else "these lists")


__all__ = ["left_empty_is_none", "migrate_seen", "migrated_message", "none_note"]
