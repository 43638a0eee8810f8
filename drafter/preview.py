"""The preview's draft while answers are still missing, and what the form needs from the
clause library: which clauses each question feeds, and the suggestions for a list question.

Core code (no Textual): the app only presents what these return.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from drafter import clock
from drafter.answers import Answers
from drafter.errors import DrafterError
from drafter.project import Project
from drafter.questionnaire import Entry
from drafter.templating import referenced_names

if TYPE_CHECKING:  # the policy stage loads after the app's first screen is up
    from drafter.document.model import Policy


@dataclass(frozen=True)
class PreviewPolicy:
    """The policy for the preview, or why there is none yet; `answers` (with stand-ins for
    missing ones) is what the review of it must read."""

    policy: Policy | None
    answers: Answers
    problem: str = ""


def preview_policy(project: Project, valid: Mapping[str, Any]) -> PreviewPolicy:
    """The policy for the preview, even while required answers are missing.

    Missing required answers are shown as a visible gap (text) or today's date, and a
    suggestion (`default:`) the owner has not confirmed stands in for its answer, only here:
    the exported files are always built from the saved answers file by `build`, which takes
    no suggestion for an answer (the review says which promises rest on one). The review
    runs afterwards (`Project.review`), so that typing shows its words first.
    """
    questionnaire = project.questionnaire
    values: dict[str, Any] = dict(valid)
    unfilled: list[str] = []  # choices: no stand-in would read true, so the clause must wait
    for key in Answers(questionnaire, values, suggestions=True).missing():
        kind = questionnaire.entry(key).question.type
        if kind == "date":
            values[key] = clock.today()
        elif kind in ("text", "long_text", "email", "url", "phone"):
            values[key] = f"[{key}]"
        else:
            unfilled.append(questionnaire.entry(key).question.prompt)
    answers = Answers(questionnaire, values, suggestions=True)
    try:
        return PreviewPolicy(project.assemble(answers), answers)
    except DrafterError as exc:
        if unfilled:
            return PreviewPolicy(None, answers,
                                 "first answer " + "; ".join(f'"{p}"' for p in unfilled))
        return PreviewPolicy(None, answers, str(exc))


def clauses_by_question(project: Project) -> dict[str, list[str]]:
    """Clause ids each question key feeds (its template or its `when` names the key)."""
    found: dict[str, list[str]] = {}
    for clause in project.library.clauses:
        names = (referenced_names(clause.source, expression=False)
                 | referenced_names(clause.meta.when, expression=True))
        for name in sorted(names):
            found.setdefault(name, []).append(clause.meta.id)
    return found


def record_catalog(project: Project, entry: Entry) -> list[Mapping[str, Any]]:
    """Suggestions for a `records` question: `clauses/data/<question id>.yaml`, if present,
    as a list of items (or a mapping of name to item) with the question's field ids."""
    data = project.library.data.get(entry.question.id)
    first = (entry.question.fields or [None])[0]
    if isinstance(data, Mapping) and first is not None:
        data = [{first.id: name, **(item if isinstance(item, Mapping) else {})}
                for name, item in data.items()]
    if not isinstance(data, list):
        return []
    return [item for item in data if isinstance(item, Mapping)]
