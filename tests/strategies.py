"""Hypothesis strategies that draw valid answers from any questionnaire, by question type."""

from __future__ import annotations

import string
from datetime import date
from typing import Any

from hypothesis import strategies as st

from drafter.questionnaire import UNSURE, Entry, Question, Questionnaire

# Markdown and HTML specials are in, so escaping is exercised; braces and brackets are out so
# that a leftover `{{` or `[placeholder]` in the output can only come from a template.
SAFE_TEXT = st.text(
    alphabet=string.ascii_letters + string.digits + " .,;:'\"!?&*_#<>|~-+/()@%$",
    min_size=1, max_size=40,
).map(str.strip).filter(bool)
# Head counts at which some law starts or stops applying (state thresholds, COPPA, CCPA).
THRESHOLDS = [0, 9_999, 10_000, 15_000, 25_000, 35_000, 100_000, 175_000, 10_000_000]
WORD = st.text(alphabet=string.ascii_lowercase, min_size=1, max_size=12)


def value(question: Question) -> st.SearchStrategy[Any]:
    kind = question.type
    options = list(question.options or {})
    strategy: st.SearchStrategy[Any]
    if question.pattern:
        strategy = st.from_regex(question.pattern, fullmatch=True)
    elif kind in ("text", "long_text"):
        limit = int(question.max) if question.max is not None else 40
        strategy = SAFE_TEXT.map(lambda t: t[:limit].strip() or "x")
    elif kind == "email":
        strategy = st.builds(lambda a, b: f"{a}@{b}.example", WORD, WORD)
    elif kind == "url":
        strategy = st.builds(lambda a, b: f"https://{a}.example/{b}", WORD, WORD)
    elif kind == "phone":
        strategy = st.integers(0, 9999).map(lambda n: f"+1 415 555 {n:04d}")
    elif kind == "date":
        strategy = st.dates(date(2020, 1, 1), date(2030, 12, 31))
    elif kind == "bool":
        strategy = st.booleans()
    elif kind == "number":
        low = int(question.min) if question.min is not None else 0
        high = int(question.max) if question.max is not None else 20_000_000
        edges = [n for n in THRESHOLDS if low <= n <= high]  # where the laws change
        strategy = st.integers(low, high) | st.sampled_from(edges or [low])
    elif kind == "one":
        strategy = st.sampled_from(options)
    elif kind == "many":  # an `exclusive` option ("None of these") only on its own
        others = [o for o in options if o not in question.exclusive]
        strategy = st.lists(st.sampled_from(others), unique=True,
                            min_size=1 if question.required else 0) if others else st.just([])
        if question.exclusive:
            strategy = strategy | st.sampled_from(question.exclusive).map(lambda o: [o])
    else:
        strategy = st.lists(record(question), min_size=1 if question.required else 0,
                            max_size=3)
    if question.unsure:
        strategy = strategy | st.just(UNSURE)
    return strategy


def record(question: Question) -> st.SearchStrategy[dict[str, Any]]:
    fields = {f.id: value(f) if f.required else st.none() | value(f)
              for f in question.fields or []}
    return st.fixed_dictionaries(fields).map(
        lambda item: {k: v for k, v in item.items() if v is not None})


def needed(question: Question) -> bool:
    """Whether a build needs an answer to `question` when it is shown: a required one, or one
    with a suggestion (`default:`), which is no answer until the owner gives it."""
    return question.required or question.default is not None


_ANSWER: dict[int, tuple[Question, st.SearchStrategy[Any]]] = {}


def answer(question: Question) -> st.SearchStrategy[Any]:
    """A question's value, or none for one the owner may leave out (not `needed`): the same
    strategy object every time it is asked for, so hypothesis validates it once, not at every
    draw (that validation was half the drawing time of a walk)."""
    held = _ANSWER.get(id(question))
    if held is None or held[0] is not question:
        strategy = value(question) if needed(question) else st.none() | value(question)
        held = _ANSWER[id(question)] = (question, strategy)
    return held[1]


@st.composite
def shown_answers(draw: st.DrawFn, questionnaire: Questionnaire) -> dict[str, Any]:
    """Answers as an owner gives them: in order, only to questions the answers so far show.
    One walk of the questionnaire, drawing each shown answer as the walk reaches it."""
    values: dict[str, Any] = {}

    def give(entry: Entry) -> Any:
        drawn = draw(answer(entry.question))
        if drawn is not None:
            values[entry.key] = drawn
        return drawn

    questionnaire.ask(give)
    return values


def answers(questionnaire: Questionnaire) -> st.SearchStrategy[dict[str, Any]]:
    """Answers by dotted key to every question, shown or not (hidden ones must be ignored);
    questions a build needs (`needed`) always answered, others sometimes."""
    parts = {entry.key: answer(entry.question) for entry in questionnaire}
    return st.fixed_dictionaries(parts).map(
        lambda drawn: {k: v for k, v in drawn.items() if v is not None})
