"""No statement without an answer, in the sharing, use, collection, retention, security,
changes, contact, scope, cookies, do-not-track and international clauses (issue 11, item 1):
each commitment rests on an answer the owner gave, or is a law's own requirement stated as the
law's, and what nobody answered is left out or said neutrally."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from drafter.answers import Answers
from drafter.paths import examples
from drafter.document.model import Draft
from tests.conftest import real_project as project

TODAY = date(2026, 12, 1)
FOLDERS = ("sharing", "use", "collection", "retention", "security", "changes", "contact",
           "scope", "cookies", "do-not-track", "international")
UNSET = object()  # an answer the owner never gave


def draft(example: str, **changes: Any) -> Draft:
    """The example's draft with some answers (`section.question`) changed or, given UNSET,
    removed."""
    values = dict(project().answers(examples()[example]).values)
    for key, value in changes.items():
        if value is UNSET:
            values.pop(key, None)
        else:
            values[key] = value
    return project().draft(Answers(project().questionnaire, values), today=TODAY)


def text(d: Draft, clause: str) -> str:
    return {c.id: c.markdown for c in d.policy.clauses()}.get(clause, "")


def promises(d: Draft, clause: str) -> list[tuple[str, tuple[str, ...]]]:
    return [(" ".join(p.text.split()), p.basis)
            for c in d.policy.clauses() if c.id == clause for p in c.promises]


def mine(anchor: str | None) -> bool:
    return (anchor or "").split(".")[0] in FOLDERS


@pytest.mark.parametrize("example", sorted(examples()))
def test_no_unbacked_or_default_promise_in_these_clauses(example: str) -> None:
    d = draft(example)
    loose = [(n.check, n.anchor, n.excerpt) for n in d.notes
             if n.check.startswith("promise.") and mine(n.anchor)]
    assert loose == []


@pytest.mark.parametrize("example", sorted(examples()))
def test_a_business_transfer_promises_no_notice_nobody_answered(example: str) -> None:
    d = draft(example, **{"sharing.merger_notice": UNSET})  # the examples all answer it
    clause = text(d, "sharing.business-transfer")
    assert "let you know" not in clause and "choices you have" not in clause
    assert all(all(b.startswith("law.") for b in basis)
               for _, basis in promises(d, "sharing.business-transfer"))


def test_the_new_owners_notice_is_californias_rule_and_only_where_it_applies() -> None:
    californian = promises(draft("california-store", **{"sharing.merger_notice": UNSET}),
                           "sharing.business-transfer")
    assert [basis for _, basis in californian] == [("law.ccpa",)]
    assert "California law" in californian[0][0]
    assert promises(draft("texas-small", **{"sharing.merger_notice": UNSET}),
                    "sharing.business-transfer") == []


def test_a_yearly_review_is_said_only_as_the_ccpas_requirement() -> None:
    ccpa = draft("california-store")
    assert ("law.ccpa",) in [basis for _, basis in promises(ccpa, "changes.updates")]
    assert "12 months" in text(ccpa, "changes.updates")
    small = text(draft("texas-small"), "changes.updates")
    assert "once a year" not in small and "12 months" not in small and "review" not in small


def test_no_sign_in_or_account_text_for_a_business_without_accounts() -> None:
    d = draft("texas-small")
    for clause in ("cookies.overview", "do-not-track.gpc", "collection.sources",
                   "retention.criteria"):
        body = text(d, clause).lower()
        assert "signed in" not in body and "account" not in body, clause
    with_accounts = draft("kiosk")
    assert "signed in" in text(with_accounts, "cookies.overview")
    assert "signed in" in text(with_accounts, "do-not-track.gpc")


def test_the_california_table_states_no_retention_period_nobody_answered() -> None:
    # periods the table used to take from clauses/data/categories.yaml, never from an answer
    defaults = ["up to two years", "up to three years after your last message",
                "while your account is open", "until you delete them or close your account"]
    for example in ("california-store", "kiosk", "email-platform", "marketplace"):
        d = draft(example)
        table = text(d, "collection.details-table")
        assert table, example
        assert "two years" not in table and "three years" not in table, example
        assert not [k for k in defaults if k.lower() in table.lower()], example
        assert '"How long we keep information"' in table, example
    # and the owner's own schedule is stated as the owner's promise, where the table points
    d = draft("kiosk")
    assert [basis for _, basis in promises(d, "retention.criteria")
            if "While your account is open, then 2 years" in _] == [("retention.schedule",)]


def test_security_measures_are_listed_only_as_the_owner_ticked_them() -> None:
    unanswered = text(draft("texas-small", **{"security.measures": UNSET}), "security.measures")
    assert "encrypt" not in unanswered and "letting only staff" not in unanswered
    d = draft("texas-small", **{"security.measures": ["mfa"]})
    assert "two-step sign-in" in text(d, "security.measures")
    assert "encrypt" not in text(d, "security.measures")
    assert [basis for _, basis in promises(d, "security.measures")] == [("security.measures",)]


SELLS_UNSURE = {"sharing.sells": "unsure"}


def table_sale_cells(d: Draft) -> list[str]:
    rows = [r for r in text(d, "collection.details-table").splitlines()
            if r.startswith("| ") and r[2:3].isalpha() and r[3:4] == "."]
    return [r.split("|")[6].strip() for r in rows]


def test_the_sale_column_follows_the_same_answers_as_the_sale_wording() -> None:
    # "not sure" makes the choices section say the sale is unconfirmed: the table must not say
    # "Neither".
    d = draft("kiosk", **SELLS_UNSURE)
    assert "not yet confirmed" in text(d, "choice.opt-out-sale")
    cells = table_sale_cells(d)
    assert cells and all(c.startswith("May be sold") for c in cells), cells
    # an owner who sells says which kinds: those rows say "Sold", the others do not
    d = draft("kiosk", **{"sharing.sells": "yes", "data_practices.sold_categories": ["contact"],
                          "data_practices.buyers": "Acme Lists, Inc."})
    rows = text(d, "collection.details-table")
    assert "| Contact details |" in rows
    assert any(c.startswith("Sold") for c in table_sale_cells(d))
    assert not any(c.startswith("May be") for c in table_sale_cells(d))
    # a business that neither sells nor shares: every row says "Neither", and no clause says
    # the business may sell
    d = draft("kiosk")
    assert set(table_sale_cells(d)) == {"Neither"}
    assert not [c.id for c in d.policy.clauses() if "may sell" in c.markdown.lower()]


def test_a_rewards_programme_is_never_sold_while_the_rest_of_the_policy_sells_nothing() -> None:
    rewards = {"data_practices.rewards": True, "data_practices.rewards_terms": "Points.",
               "data_practices.rewards_value": "About $1.", "data_practices.rewards_sold": "yes",
               "data_practices.rewards_sold_detail": "Purchase history, to ad networks."}
    rewards["audience.residents_100k"] = ["colorado"]  # Colorado's law applies
    d = draft("kiosk", **rewards)  # sells nothing, no ad cookies: the question is not asked
    assert "may sell" not in text(d, "use.rewards-colorado")
    assert set(table_sale_cells(d)) == {"Neither"}
    d = draft("kiosk", **rewards, **{"cookies.advertising": True})
    assert "may sell some information from the programme" in text(d, "use.rewards-colorado")


def test_no_operator_customer_sentence_when_operators_send_nothing() -> None:
    d = draft("kiosk", **{"kiosks.operator_data": []})
    assert "send us" not in text(d, "scope.kiosk-people")
    d = draft("kiosk", **{"kiosks.operator_data": ["contact"]})
    assert "send us" in text(d, "scope.kiosk-people")


def test_no_cookie_free_promise_beyond_what_the_owner_said() -> None:
    d = draft("texas-small")
    clause = text(d, "cookies.third-party-tracking")
    assert "analytics or advertising" in clause
    assert "cannot follow you" not in clause
    assert [basis for _, basis in promises(d, "cookies.third-party-tracking")] == [
        ("cookies.uses_cookies", "cookies.analytics", "cookies.advertising")]


@pytest.mark.parametrize(("key", "clause", "sentence"), [
    ("retention.deletes", "retention.criteria", "we delete it or remove what links it to you"),
    ("use.new_purposes", "use.purposes", "we will tell you first"),
])
def test_an_unanswered_question_makes_no_promise(key: str, clause: str, sentence: str) -> None:
    assert sentence in text(draft("kiosk"), clause)
    assert sentence not in text(draft("kiosk", **{key: UNSET}), clause)
    assert sentence not in text(draft("kiosk", **{key: "unsure"}), clause)


def test_a_review_by_a_person_is_promised_only_when_the_owner_says_so() -> None:
    decisions = {"data_practices.automated_decisions": "yes",
                 "data_practices.automated_logic": "We score sign-ups for fraud."}
    unanswered = text(draft("kiosk", **decisions), "use.automated-decisions")
    assert "the law may let you question the result of such a decision, ask a person" in unanswered
    d = draft("kiosk", **decisions, **{"data_practices.automated_review": "yes"})
    assert [basis for _, basis in promises(d, "use.automated-decisions")] == [
        ("data_practices.automated_review",)]


def test_operators_are_said_to_see_names_only_when_they_send_customer_details() -> None:
    assert "see your name" not in text(draft("kiosk", **{"kiosks.operator_data": []}),
                                       "sharing.kiosk-operators")
    assert "full card number" not in text(draft("kiosk"), "sharing.kiosk-operators")


def test_an_unsure_seller_is_never_told_it_is_not_paid_for_ads() -> None:
    d = draft("marketplace", **SELLS_UNSURE)
    assert "not paid" not in text(d, "sharing.advertising-partners")
    assert "We are not paid for this." in text(draft("marketplace"), "sharing.advertising-partners")
