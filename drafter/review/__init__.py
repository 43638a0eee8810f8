"""Review: reviewer notes on Drafter's drafts and on policies it did not write.

Counsel trusts a draft because it says plainly what still needs a lawyer. Both entry points
run every registered check (`checks.CHECKS`) over a `Subject` and number the notes R1, R2, …
in document order:

- `review_draft` — a freshly assembled `Policy` with its answers: unmet requirements,
  contradictions between answers, a stale effective date, and the text checks on each clause.
- `review_document` — any policy text (`.md`, `.txt`, `.html`, `.docx`), optionally with the
  answers that describe the business: text checks, plus `detect` patterns for required items.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import replace
from datetime import date
from functools import lru_cache

from drafter import clock
from drafter.answers import Answers
from drafter.assemble import template_context
from drafter.document.model import Note, Policy, number
from drafter.document.tree import Tree, policy_tree
from drafter.errors import UserError
from drafter.library import Library
from drafter.review import answer_checks as _answer_checks  # noqa: F401  (registers checks)
from drafter.review import coverage as _coverage  # noqa: F401  (registers checks)
from drafter.review import promise_checks as _promise_checks  # noqa: F401  (registers checks)
from drafter.review import repeats as _repeats  # noqa: F401  (registers checks)
from drafter.review import text_checks as _text_checks  # noqa: F401  (registers checks)
from drafter.review.checks import AnswerFacts, Subject, run_checks
from drafter.unsure import alternatives
from drafter.review.document import Block, Document, read_document, token_blocks
from drafter.review.language import check_reviewable
from drafter.review.rules import condition_names

_UNANCHORED = float("inf")


def _facts(answers: Answers, library: Library) -> AnswerFacts:
    effective = answers.resolved().get(library.document.effective_date)
    context = template_context(answers, library)
    return AnswerFacts(context, answers.questionnaire,
                       effective if isinstance(effective, date) else None,
                       condition_names(answers.questionnaire, library),
                       frozenset(answers.values), alternatives(answers, library), answers.moves)


def review_draft(policy: Policy, answers: Answers, library: Library,
                 today: date | None = None, tree: Tree | None = None,
                 extra: Iterable[Note] = ()) -> list[Note]:
    """Notes for a draft, anchored to clause or section ids, in the policy's order. The
    checks read the clauses' nodes of the policy's `tree` (parsed here if not given).
    `extra` notes (from a scan's evidence) join them, at their anchor if the draft has it."""
    tree = tree if tree is not None else policy_tree(policy)
    order: dict[str, int] = {}
    titled: set[str] = set()
    for section in policy.sections:
        order[section.id] = len(order)
        for clause in section.clauses:
            order[clause.id] = len(order)
            if clause.title:
                titled.add(clause.id)
    blocks: list[Block] = []
    for node in tree.nodes:
        if node.kind != "clause" or node.anchor not in order:
            continue
        start = node.body
        if node.anchor in titled and start < node.end and \
                tree.tokens[start].type == "heading_open":
            start += 3  # the clause's title is the policy's, not the clause text's
        blocks += token_blocks(tree.tokens[start:node.end], anchor=node.anchor)
    subject = Subject(
        document=Document(tuple(blocks), "draft", library.review_rules.memo),
        rules=library.review_rules,
        catalog=library.requirements,
        today=today or clock.today(),
        laws=frozenset(),
        answers=_facts(answers, library),
        policy=policy,
    )
    homes = library.homes
    added = (n if n.anchor in order else replace(n, anchor=None) for n in extra)
    asked = set(answers.shown())
    return number((policy.home(_asked(note, asked, answers), homes)
                   for note in (*run_checks(subject), *added)),
                  lambda n: order.get(n.anchor, _UNANCHORED) if n.anchor else -1)


def _asked(note: Note, asked: set[str], answers: Answers) -> Note:
    """A note never sends the owner to a question these answers do not ask (a kiosk
    business is not asked whether it collects in person: no answer settles its notice at
    collection), so it then names none."""
    key = note.resolves_by
    if key is not None and key in answers.questionnaire and key not in asked:
        return replace(note, resolves_by=None)
    return note


def review_document(document: Document, library: Library, *, answers: Answers | None = None,
                    laws: Iterable[str] | None = None, facts: Iterable[str] = (),
                    today: date | None = None) -> list[Note]:
    """Notes for any policy text, by line; document-wide notes (missing items) come last.
    `facts` names facts about the business (`review-checks.yaml` `facts`) for a review
    without `answers`. A document with no text, or in a language the checks cannot read, is a
    `UserError`."""
    # Other languages' words (pydantic models) only for a text to review: a build's draft is
    # reviewed by `review_draft`, which never reads them.
    from drafter.review.languages import reading, review_languages

    rules = library.review_rules
    lang = check_reviewable(document, [*rules.text.languages, *review_languages(library.root)])
    families, stated = scope(laws, facts, answers, library)
    read = reading(lang, library, families)  # a Spanish or French text: its own words
    subject = Subject(
        document=replace(document, memo=read.rules.memo) if document.memo is None else document,
        rules=read.rules,
        catalog=read.catalog,
        today=today or clock.today(),
        laws=families,
        answers=_facts(answers, library) if answers is not None else None,
        facts=stated,
    )
    return number([*run_checks(subject), *read.notes],
                  lambda n: n.lines[0] if n.lines else _UNANCHORED)


def scope(laws: Iterable[str] | None, facts: Iterable[str], answers: Answers | None,
          library: Library) -> tuple[frozenset[str], dict[str, object]]:
    """The law families to look in and the facts stated (`resolve_facts`); `facts` only
    without `answers`, which state the facts themselves. A bad law or fact is a `UserError`."""
    families = resolve_laws(laws, library)
    facts = list(facts)
    if answers is None:
        return resolve_facts(families, facts, library)
    if facts:
        raise UserError("the answers already state the facts; leave out --facts or --answers",
                        field="--facts")
    return families, {}


def resolve_facts(families: frozenset[str], names: Iterable[str], library: Library,
                  ) -> tuple[frozenset[str], dict[str, object]]:
    """The families to look in and the facts stated, for a review without answers: each named
    fact's answers and families, then what choosing each family states (`law_facts`)."""
    text_rules = library.review_rules.text
    chosen, stated = set(families), {}
    for name in names:
        key = name.strip().lower()
        if key not in text_rules.facts:
            raise UserError(f"unknown fact {name!r}; known: {', '.join(text_rules.facts)}",
                            field="--facts")
        fact = text_rules.facts[key]
        stated.update(fact.answers)
        chosen.update(fact.laws)
    for family in sorted(chosen):
        stated.update(text_rules.law_facts.get(family, {}))
    return frozenset(chosen), stated


def resolve_laws(names: Iterable[str] | None, library: Library) -> frozenset[str]:
    """Requirement families (id prefixes such as `caloppa`) for `--laws` names, which may be
    prefixes or words of a requirement's `law` ("ccpa" for "CCPA/CPRA"). None means the
    baseline every US site needs (`default_laws`); `always_laws` are always added."""
    text_rules = library.review_rules.text
    families = _families(tuple((rid.split(".")[0], entry.requirement.law)
                               for rid, entry in library.requirements.items()))
    chosen = set(text_rules.always_laws)
    for name in (text_rules.default_laws if names is None else names):
        key = name.strip().lower()
        if key not in families:
            raise UserError(f"no requirements for law {name!r}; known: "
                            f"{', '.join(sorted(set(families.values())))}", field="--laws")
        chosen.add(families[key])
    return frozenset(chosen)


@lru_cache(maxsize=8)
def _families(laws: tuple[tuple[str, str], ...]) -> dict[str, str]:
    """Each family prefix, and each word of its requirements' `law`, to the family (worked
    out once a run: every file's review asks)."""
    families: dict[str, str] = {}
    for prefix, law in laws:
        families[prefix] = prefix
        for word in re.findall(r"[a-z0-9-]+", law.lower()):
            families.setdefault(word, prefix)
    return families


__all__ = ["Document", "read_document", "resolve_facts", "resolve_laws", "review_document",
           "review_draft", "scope"]
