"""The requirement catalog, the clause library, the questionnaire and the reference data agree."""

from __future__ import annotations


import pytest

from tests.conftest import real_project as project

# Review checks (an answer that needs counsel, or a practice the law bans) that no clause can
# satisfy; every other requirement must have a clause that can meet it.
REVIEW_ONLY_TOPIC = "consistency"


def test_library_lints_clean() -> None:
    assert [str(p) for p in project().lint()] == []


def test_every_requirement_is_satisfiable_by_some_clause() -> None:
    library = project().library
    claimed = {rid for clause in library.clauses for rid in clause.meta.satisfies}
    unmet = [rid for rid, entry in library.requirements.items()
             if entry.requirement.topic != REVIEW_ONLY_TOPIC and rid not in claimed]
    assert unmet == []


def test_review_only_requirements_are_never_claimed() -> None:
    library = project().library
    review_only = {rid for rid, e in library.requirements.items()
                   if e.requirement.topic == REVIEW_ONLY_TOPIC}
    claimed = {rid for clause in library.clauses for rid in clause.meta.satisfies}
    assert review_only & claimed == set()


def test_every_requirement_names_the_question_that_resolves_it() -> None:
    questions = project().questionnaire.keys
    for rid, entry in project().library.requirements.items():
        assert entry.requirement.ask in questions, rid


def test_law_specific_requirements_say_when_they_apply() -> None:
    """Only the general items and CalOPPA (any US site Californians use) apply to everyone."""
    everywhere = {rid for rid, e in project().library.requirements.items()
                  if e.requirement.applies_when == "true"}
    assert all(rid.split(".")[0] in ("general", "caloppa") for rid in everywhere), everywhere


@pytest.mark.parametrize("question", ["collection.categories", "data_practices.sold_categories"])
def test_category_options_match_the_reference_data(question: str) -> None:
    options = project().questionnaire.entry(question).question.options or {}
    assert list(options) == list(project().library.data["categories"])


def test_categories_point_at_real_statutory_groups_sources_and_purposes() -> None:
    q = project().questionnaire
    data = project().library.data
    letters = {group["letter"] for group in data["ccpa_categories"]}
    sources = set(q.entry("collection.sources").question.options or {})
    purposes = set(q.entry("use.purposes").question.options or {})
    for key, kind in data["categories"].items():
        assert set(kind["ccpa"]) <= letters, key
        assert set(kind["sources"]) <= sources, key
        assert set(kind["purposes"]) <= purposes, key
        assert {"label", "examples", "sensitive", "ads"} <= set(kind), key


def test_purposes_data_covers_every_purpose_option() -> None:
    options = project().questionnaire.entry("use.purposes").question.options or {}
    assert set(project().library.data["purposes"]) == set(options)


def test_verify_flags_carry_through() -> None:
    """Items LEGAL.md marks [verify] keep the flag until someone reads the law's own text, so
    counsel sees it on the note. (The UK complaints duty lost it on 2 Dec 2026: s. 164A and
    SI 2026/82 reg. 3 were read on legislation.gov.uk; so did Nevada's consumer health data
    policy, NRS 603A.495 and 603A.500 read the same day.)"""
    flagged = {rid for rid, e in project().library.requirements.items() if e.requirement.verify}
    assert {"quebec.french", "ccpa.service-provider-categories",
            "connecticut.ai-training"} <= flagged
