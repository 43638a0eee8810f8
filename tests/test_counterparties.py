"""Issue 16: other users a person deals with through the service (the rental marketplace's
landlords, who get the applications its system has checked) are recipients the policy names:
in the sharing section, below the California table, and in the EU/UK list of recipients; an
owner who says no such user gets anything reads none of it."""

from __future__ import annotations

from typing import Any

from drafter.answers import Answers
from drafter.document.model import Draft
from drafter.paths import examples
from tests.conftest import real_project as project


def draft(example: str, **changes: Any) -> Draft:
    base = project().answers(examples()[example])
    return project().draft(Answers(project().questionnaire, {**base.values, **changes}))


def clauses(d: Draft) -> dict[str, str]:
    return {c.id: c.markdown for c in d.policy.clauses()}


def test_landlords_are_named_with_what_they_get() -> None:
    text = clauses(draft("rental-marketplace"))
    said = text["sharing.counterparties"]
    assert "When you deal with landlords through our service, we send them your application" in said
    assert "This policy does not cover what they do with it." in said
    assert "and to landlords when you deal with them" in text["collection.details-table"]


def test_in_the_eu_they_are_among_the_recipients() -> None:
    text = clauses(draft("rental-marketplace", **{"audience.regions": ["usa", "eu"]}))
    assert "landlords you deal with through our service" in text["eu-uk.recipients"]


def test_no_such_users_no_words_about_them() -> None:
    text = clauses(draft("rental-marketplace", **{"sharing.counterparties": False}))
    assert "sharing.counterparties" not in text
    assert "landlords when you deal" not in text["collection.details-table"]
