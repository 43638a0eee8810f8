"""A suggestion never leads the owner into a blocking note (new-user trial 17).

The app offers a question's suggestion, and Enter keeps it. "Do you get written consent
before capturing biometric data?" suggested "No", and that "No" raised a blocking note later
(Illinois and Texas require consent): the owner was led, by one key, to state that the
business breaks a law it may well follow. A suggestion is a guess; a guess must not be what a
blocking note rests on.

For every yes/no or one-of question that shows a suggestion, in the first example that asks
it: drafting with the suggestion must not give a blocking note that another answer avoids
(the other answer's blocking notes a strict subset of the suggestion's). An answer that needs
further required answers to draft is left out of the comparison."""

from __future__ import annotations

from datetime import date
from typing import Any

from drafter.answers import Answers, load_answers
from drafter.paths import examples
from drafter.project import Project

TODAY = date(2026, 12, 2)


def _blocking(project: Project, values: dict[str, Any]) -> frozenset[str] | None:
    answers = Answers(project.questionnaire, values)
    if answers.missing():  # the other answer asks for more: not a finished draft
        return None
    draft = project.draft(answers, TODAY)
    return frozenset(n.requirement or n.check for n in draft.notes if n.severity == "blocking")


def _cases(project: Project) -> list[tuple[str, str, Any, dict[str, Any]]]:
    """(example, question, suggestion, the example's other answers) for each question with a
    suggestion, in the first example that shows it."""
    q = project.questionnaire
    seen: set[str] = set()
    cases = []
    for name, path in sorted(examples().items()):
        given = dict(load_answers(path, q).values)
        for entry in q:
            if entry.key in seen or entry.question.type not in ("bool", "one"):
                continue
            others = {k: v for k, v in given.items() if k != entry.key}
            offered = Answers(q, others, suggestions=True)
            if entry.key not in offered.shown():
                continue
            suggestion = offered.suggestion(entry.key)
            if suggestion is None:
                continue
            seen.add(entry.key)
            cases.append((name, entry.key, suggestion, others))
    return cases


def test_no_suggestion_leads_to_a_blocking_note(project: Project) -> None:
    cases = _cases(project)
    assert len(cases) > 30  # the examples show most suggestions: the check is not empty
    led = []
    for name, key, suggestion, others in cases:
        question = project.questionnaire.entry(key).question
        choices = [True, False] if question.type == "bool" else list(question.options or {})
        kept = _blocking(project, {**others, key: suggestion})
        if kept is None:
            continue
        for other in choices:
            if other == suggestion:
                continue
            avoided = _blocking(project, {**others, key: other})
            if avoided is not None and avoided < kept:
                led.append(f"{name}: {key} suggests {suggestion!r}, which gives "
                           f"{sorted(kept - avoided)}; {other!r} does not")
    assert not led, "\n".join(led)


def _toggles(question: Any, suggestion: list[str]) -> list[list[str]]:
    """The ticks one change away from `suggestion`, as the app allows them: each option
    ticked more (an exclusive one alone; any other unticks the exclusive ones) and each
    suggested tick taken off (while one stays)."""
    exclusive = set(question.exclusive)
    kept = [o for o in suggestion if o not in exclusive]
    more = [[o] if o in exclusive else [*kept, o]
            for o in question.options or {} if o not in suggestion]
    fewer = [[o for o in suggestion if o != off] for off in suggestion if len(suggestion) > 1]
    return more + fewer


def _many_cases(project: Project) -> list[tuple[str, str, list[str], dict[str, Any]]]:
    """(example, question, suggested ticks, the example's other answers) for each many-choice
    question showing suggested ticks, in every example that shows it: the earlier answers of
    each are a realistic business, and the ticks suggested follow them (`suggest`)."""
    q = project.questionnaire
    cases = []
    for name, path in sorted(examples().items()):
        given = dict(load_answers(path, q).values)
        for entry in q:
            if entry.question.type != "many":
                continue
            others = {k: v for k, v in given.items() if k != entry.key}
            offered = Answers(q, others, suggestions=True)
            suggestion = offered.suggestion(entry.key) if entry.key in offered.shown() else None
            if suggestion:
                cases.append((name, entry.key, list(suggestion), others))
    return cases


def test_no_suggested_ticks_lead_to_a_blocking_note(project: Project) -> None:
    """Many-choice questions: keeping the suggested ticks as they stand gives no blocking note
    that ticks one change away avoid (their blocking notes a strict subset)."""
    cases = _many_cases(project)
    assert len({key for _, key, _, _ in cases}) >= 6  # most suggested ticks are checked
    led = []
    for name, key, suggestion, others in cases:
        kept = _blocking(project, {**others, key: suggestion})
        if not kept:
            continue
        question = project.questionnaire.entry(key).question
        for other in _toggles(question, suggestion):
            avoided = _blocking(project, {**others, key: other})
            if avoided is not None and avoided < kept:
                led.append(f"{name}: {key} suggests {suggestion}, which gives "
                           f"{sorted(kept - avoided)}; {other} does not")
                break
    assert not led, "\n".join(led)
