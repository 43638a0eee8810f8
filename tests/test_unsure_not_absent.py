"""Issue 16: "not sure" is never a silent "no". A requirement that a sure answer would bring
in is judged as applying-or-unknown when the owner is not sure: its note is taken into the one
question for counsel that the "not sure" raises (`covers`), not dropped. California's request
metrics (over 10 million people a year) and Rhode Island's list of buyers once read "not sure"
as "under 10 million" and "sells nothing"."""

from __future__ import annotations

from typing import Any

from drafter.answers import Answers
from drafter.document.model import Draft, Note
from drafter.paths import examples
from tests.conftest import real_project as project


def draft(example: str, **changes: Any) -> Draft:
    base = project().answers(examples()[example])
    return project().draft(Answers(project().questionnaire, {**base.values, **changes}))


def counsel(d: Draft, key: str) -> Note:
    [note] = [n for n in d.notes if n.for_counsel and n.resolves_by == key]
    return note


def standalone(d: Draft) -> set[str]:
    return {n.requirement for n in d.notes if n.requirement and not n.for_counsel}


def test_not_sure_of_the_number_of_people_asks_counsel_about_request_metrics() -> None:
    unsure = draft("california-store", **{"audience.people": "unsure"})
    assert "ccpa.metrics" in counsel(unsure, "audience.people").covers
    assert "ccpa.metrics" not in standalone(unsure)
    many = draft("california-store", **{"audience.people": 20_000_000})
    assert "ccpa.metrics" in standalone(many)
    few = draft("california-store", **{"audience.people": 5_000})
    assert not any("ccpa.metrics" in (n.requirement, *n.covers) for n in few.notes)


def test_not_sure_of_selling_asks_counsel_about_rhode_islands_list_of_buyers() -> None:
    unsure = draft("marketplace", **{"sharing.sells": "unsure"})
    note = counsel(unsure, "sharing.sells")
    assert note.requirement == "review.unsure-sells"
    # The kinds sold are asked only after a "yes": Texas's sale notices cannot be judged, so
    # counsel's question takes them in too (tests/test_unsure_never_no.py: every such rule).
    sale_rules = {"rhode-island.named-buyers", "texas.sensitive-sale-notice",
                  "texas.biometric-sale-notice"}
    assert sale_rules <= set(note.covers)
    assert not sale_rules & standalone(unsure)
    sure = draft("marketplace", **{"sharing.sells": "no"})
    assert not any(rule in (n.requirement, *n.covers) for n in sure.notes for rule in sale_rules)
