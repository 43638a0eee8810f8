""""I'm not sure" never becomes a statement, sentence by sentence (new-user trial 22: Mailchimp
"receives ... email opens and clicks on links in our emails" while the owner was not sure
whether the emails record either, beside a note saying the draft did not say so).

For every question that offers "not sure" (one business that asks it each), the draft with
"not sure" is read sentence by sentence against the drafts with each definite answer: no
sentence may appear that the lenient answer gives and the strict one does not, and for a
question with no stricter answer (the draft names what was picked) none that some definite
answers give and picking none does not. Vendor lines count: they are sentences of a clause."""

from __future__ import annotations

import re
from functools import lru_cache

import pytest

from drafter.questionnaire import UNSURE
from tests.conftest import real_project as project
from tests.test_review_unsure import READINGS, Reading, cases, draft, unsure_draft


def sentences(reading: Reading) -> set[str]:
    text = "\n".join(markdown for _, markdown in reading.clauses)
    parts = re.split(r"(?<=[.!?])\s+|\n+", text)
    return {re.sub(r"[*_`\[\]]", "", p).strip() for p in parts if p.strip()}


@lru_cache(maxsize=None)
def one_case_per_question() -> list[tuple[str, str]]:
    """Each question on the first business that asks it; a question with no stricter answer
    (whose draft names what was picked: vendor lines among it) on every business that asks it."""
    first: dict[str, str] = {}
    every = [(key, name) for key, name in cases() if READINGS[key] is None]
    for key, name in cases():
        first.setdefault(key, name)
    return sorted(set(first.items()) | set(every))


def definite_answers(key: str) -> list[object]:
    question = project().questionnaire.entry(key).question
    if question.type == "bool":
        return [True, False]
    options = [o for o in question.options or {} if o not in ("none", UNSURE)]
    if question.type == "many":
        return [[], *([o] for o in options), options]
    return options


@pytest.mark.parametrize(("key", "name"), one_case_per_question())
def test_unsure_states_no_sentence_only_one_answer_supports(key: str, name: str) -> None:
    unsure = sentences(unsure_draft(name, key))
    readings = READINGS[key]
    if readings:
        lenient, strict = (sentences(draft(name, key, value)) for value in readings)
        stated = sorted((unsure & lenient) - strict)
    else:
        # the draft names what was picked: "not sure" says no more than picking nothing
        least, *others = (sentences(draft(name, key, value)) for value in definite_answers(key))
        stated = sorted((unsure & set().union(*others)) - least)
    assert stated == [], f"{key}=unsure ({name}) states what only some answers support"
