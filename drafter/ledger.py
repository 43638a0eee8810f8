"""The promises ledger: every commitment a policy makes, where it is, and what grants it.

Built from what rendering recorded (`RenderedClause.promises`, see `drafter.promises`), so it is
never typed twice: one entry per promise, in document order, with the promise's text (plain for
a table, and its Markdown), the clause and section it sits in, each answer it rests on as the
owner sees it (option labels, not stored keys) and whether the owner gave that answer, and each
`law.*` fact it rests on by the law's name (its `name:` in `clauses/laws.yaml`). `review.md`, the
DOCX appendix, `drafter promises` and the JSON `promises` key all show this one list, so counsel
can check every commitment against the answer behind it on one page.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Literal

from drafter.answered import answer_state
from drafter.answers import Answers
from drafter.document.model import Policy
from drafter.document.tree import Tree, plain_text, policy_tree
from drafter.library import Library, law_names
from drafter.answer_text import answer_text

LAW_PREFIX = "law."

Status = Literal["given", "default", "left empty", "not answered", "not asked"]


@dataclass(frozen=True)
class AnswerBasis:
    """One answer a promise rests on, as a person reads it."""

    key: str
    prompt: str
    answer: str  # the answer as shown to the owner ("" when there is none)
    # given by the owner, a suggested default, left empty (an optional question, read as none),
    # not answered, or not asked: `drafter.answered`'s rule, the app's
    status: Status

    @property
    def given(self) -> bool:
        return self.status == "given"

    def shown(self) -> str:
        """The answer with what counsel must know about it: "Small", "suggested default, not
        confirmed: 30 days", "not answered"."""
        if self.status == "default":
            return f"suggested default, not confirmed: {self.answer}"
        if self.status == "left empty":  # in the app's words (`drafter.standing`)
            return f"{self.answer} (left empty)"
        return self.answer if self.status == "given" else self.status


@dataclass(frozen=True)
class LawBasis:
    """A `law.*` fact a promise rests on: a promise the law makes the business keep."""

    name: str  # law.ccpa
    label: str  # California Consumer Privacy Act (CCPA/CPRA)


@dataclass(frozen=True)
class LedgerEntry:
    text: str  # plain text, for a table
    markdown: str  # as the policy has it
    clause: str
    clause_title: str | None
    section: str
    section_title: str
    answers: tuple[AnswerBasis, ...]
    laws: tuple[LawBasis, ...]

    @property
    def unconfirmed(self) -> list[str]:
        """Question keys it rests on that the owner did not give (an optional one left empty
        is complete, as the app counts it: `drafter.answered`)."""
        return [a.key for a in self.answers if not a.given and a.status != "left empty"]

    def where(self) -> str:
        """The clause, as counsel finds it: `Section › Clause title (clause.id)`."""
        title = f"{self.section_title} › {self.clause_title}" if self.clause_title \
            else self.section_title
        return f"{title} ({self.clause})"

    def as_json(self) -> dict[str, Any]:
        """The `promises` item of `drafter review --format json` and the build manifest."""
        return {"text": self.text, "clause": self.clause,
                "answers": [a.key for a in self.answers],
                "laws": [law.name for law in self.laws],
                "markdown": self.markdown, "section": self.section,
                "unconfirmed": self.unconfirmed}


def _answer(key: str, answers: Answers, shown: set[str], resolved: Mapping[str, Any]) -> AnswerBasis:
    questionnaire = answers.questionnaire
    if key not in questionnaire:
        return AnswerBasis(key, key, "", "not asked")
    question = questionnaire.entry(key).question
    value = resolved.get(key)
    if key not in shown:
        return AnswerBasis(key, question.prompt, "", "not asked")
    state = answer_state(question, key, answers.values)  # as the app counts it
    if state == "given":  # an empty list the owner saved, "none", too
        return AnswerBasis(key, question.prompt, answer_text(question, value), "given")
    if key not in answers.values and value not in (None, "", []):  # the preview's suggestion
        return AnswerBasis(key, question.prompt, answer_text(question, value), "default")
    if state == "left empty":  # optional: complete without ("Leave empty if you do not")
        words = "none of these" if question.type in ("many", "records") else "nothing to add"
        return AnswerBasis(key, question.prompt, words, "left empty")
    return AnswerBasis(key, question.prompt, "", "not answered")


def sentence(text: str) -> str:
    """A promise as a row of its own: a promise may start mid-sentence in its clause ("When you
    pay by card, a card reader … "), and a row starts with a capital letter (only the first
    letter changes: "eBay" or a quoted word stays as it is, past the quote)."""
    for i, char in enumerate(text):
        if char.isalpha():
            return text[:i] + char.upper() + text[i + 1:] if char.islower() and (
                i + 1 == len(text) or not text[i + 1].isupper()) else text
    return text


def ledger(policy: Policy, answers: Answers, library: Library,
           tree: Tree | None = None) -> tuple[LedgerEntry, ...]:
    """One entry per promise of `policy`, in document order; each promise's plain text is
    read from the policy's `tree` (parsed here if not given)."""
    tree = tree if tree is not None else policy_tree(policy)
    shown = set(answers.shown())
    resolved = answers.resolved()
    names = law_names(library)
    entries: list[LedgerEntry] = []
    for section in policy.sections:
        for clause in section.clauses:
            for promise in clause.promises:
                keys = [k for k in promise.basis if not k.startswith(LAW_PREFIX)]
                laws = [k for k in promise.basis if k.startswith(LAW_PREFIX)]
                entries.append(LedgerEntry(
                    text=sentence(plain_text(tree, clause, promise.text)),
                    markdown=promise.text, clause=clause.id,
                    clause_title=clause.title, section=section.id, section_title=section.title,
                    answers=tuple(_answer(k, answers, shown, resolved) for k in keys),
                    laws=tuple(LawBasis(k, str(names.get(k.removeprefix(LAW_PREFIX), k)))
                               for k in laws)))
    return tuple(entries)
