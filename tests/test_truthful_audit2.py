"""Audit group 2 (issue 11, rule 1): the choice, rights, California, US-state, Nevada, EU/UK,
Canada, Brazil and children clauses state only what an answer says, or what a law that applies
makes the business do, stated as the law's."""

from __future__ import annotations

import re
from datetime import date
from functools import lru_cache
from typing import Any

import pytest

from drafter.answers import Answers
from drafter.paths import examples
from drafter.document.model import Draft
from tests.conftest import real_project as project

TODAY = date(2026, 12, 1)
FOLDERS = ("choice.", "rights.", "california.", "us-states.", "nevada.", "eu-uk.", "canada.",
           "brazil.", "children.")
NOT_OURS = {"choice.marketing-sms"}  # audit group 3


@lru_cache(maxsize=16)
def example(name: str) -> Draft:
    return project().draft(project().answers(examples()[name]), today=TODAY)


def draft(name: str, **changes: Any) -> Draft:
    """The example's draft with some answers (`section.question`) changed."""
    base = project().answers(examples()[name])
    return project().draft(Answers(project().questionnaire, {**base.values, **changes}),
                           today=TODAY)


def clauses(d: Draft) -> dict[str, str]:
    return {c.id: c.markdown for c in d.policy.clauses()}


def promises(d: Draft, clause_id: str) -> list[tuple[str, tuple[str, ...]]]:
    return [(p.text, p.basis) for c in d.policy.clauses() if c.id == clause_id
            for p in c.promises]


def ours(clause_id: str) -> bool:
    return clause_id.startswith(FOLDERS) and clause_id not in NOT_OURS


@pytest.mark.parametrize("name", sorted(examples()))
def test_no_unbacked_or_default_promise_from_our_clauses(name: str) -> None:
    found = [(n.check, n.anchor, n.excerpt) for n in example(name).notes
             if n.check.startswith("promise") and ours(str(n.anchor))]
    assert found == []


DEADLINE = re.compile(r"\bwithin (\d+|ten|one) (business )?(days?|months?)\b")


@pytest.mark.parametrize("name", sorted(examples()))
def test_every_deadline_we_state_is_the_laws_and_says_so(name: str) -> None:
    """A reply deadline is a number only the law (or the owner) can give; ours are the law's."""
    for clause in example(name).policy.clauses():
        if not ours(clause.id):
            continue
        for promise in clause.promises:
            if DEADLINE.search(promise.text):
                assert any(b.startswith("law.") for b in promise.basis), promise
                assert "law" in promise.text, promise.text


def test_quebec_users_are_promised_cookie_settings_only_when_the_owner_says_so() -> None:
    for answer in (None, "no", "opt_out"):
        text = clauses(draft("marketplace", **{"cookies.settings_panel": answer}))
        assert "off until you turn them on" not in text["canada.quebec-profiling"]
    d = example("marketplace")
    assert promises(d, "canada.quebec-profiling") == [(
        "These tools are off until you turn them on in our cookie settings.",
        ("cookies.settings_panel",))]


def test_without_the_quebec_answer_the_off_by_default_rule_is_a_blocking_note() -> None:
    d = draft("marketplace", **{"cookies.settings_panel": "no"})
    assert "answers.cookie-settings-unconfirmed" in {n.check for n in d.notes if n.blocking}
    assert "answers.cookie-settings-unconfirmed" not in {n.check for n in example("marketplace").notes}


SENSITIVE = {"collection.categories": ["contact", "transactions", "precise_location"]}


def test_the_california_right_to_limit_follows_the_sensitive_use_answer() -> None:
    unused = clauses(draft("california-store", **SENSITIVE, **{"data_practices.sensitive_use": "no"}))
    assert "**limit**" not in unused["california.rights"]
    assert "choice.limit-sensitive" not in unused
    used = clauses(draft("california-store", **SENSITIVE, **{"data_practices.sensitive_use": "yes"}))
    assert "**limit** how we use sensitive information" in used["california.rights"]
    assert "choice.limit-sensitive" in used


def test_the_right_to_limit_is_offered_only_where_californias_law_gives_it() -> None:
    d = clauses(draft("texas-small", **SENSITIVE, **{"data_practices.sensitive_use": "yes"}))
    assert "choice.limit-sensitive" not in d


def dpf_text(d: Draft) -> str:
    text = clauses(d)
    return "\n".join(text.get(k, "") for k in
                     ("eu-uk.dpf", "eu-uk.transfers", "eu-uk.uk-transfers", "eu-uk.swiss-transfers"))


EVERYWHERE = {"audience.regions": ["usa", "eu", "uk", "switzerland"]}


def test_an_eu_dpf_certification_alone_prints_no_uk_or_swiss_certification() -> None:
    text = dpf_text(draft("california-store", **EVERYWHERE,
                          **{"international.dpf_parts": ["eu"]}))
    assert "EU-U.S. Data Privacy Framework" in text
    assert "UK Extension" not in text
    assert "Swiss-U.S." not in text
    assert "Switzerland" not in clauses(draft("california-store", **EVERYWHERE, **{
        "international.dpf_parts": ["eu"]}))["eu-uk.dpf"]


def test_each_dpf_part_is_named_only_when_answered() -> None:
    d = draft("california-store", **EVERYWHERE,
              **{"international.dpf_parts": ["eu", "uk", "swiss"]})
    text = dpf_text(d)
    assert "UK Extension" in text and "Swiss-U.S. Data Privacy Framework" in text
    dpf = clauses(d)["eu-uk.dpf"]
    assert "from the EU, the UK and Switzerland" in dpf
    assert promises(d, "eu-uk.dpf")[0][1] == ("international.dpf_parts",)


def test_a_dpf_answer_without_its_parts_prints_no_certification() -> None:
    d = draft("california-store", **{"international.dpf_parts": []})
    assert "eu-uk.dpf" not in clauses(d)
    assert "dpf.participation" in {n.requirement for n in d.notes}


def test_the_dpf_examples_name_their_parts() -> None:
    assert "UK Extension" in clauses(example("email-platform"))["eu-uk.dpf"]
    assert "UK Extension" not in clauses(example("california-store"))["eu-uk.dpf"]


SELLS_NOTHING_WITH_ADS = {"sharing.sells": "no", "cookies.advertising": True,
                          "audience.us_states": ["nationwide"]}


def sale_text(d: Draft) -> str:
    text = clauses(d)
    return "\n".join(text.get(k, "") for k in ("choice.opt-out-sale", "nevada.sale",
                                                 "choice.no-sale", "children.minors"))


def test_nothing_sold_means_no_sentence_says_we_sell() -> None:
    text = sale_text(draft("california-store", **SELLS_NOTHING_WITH_ADS))
    assert not re.search(r"\b[Ww]e (may )?sell\b", text)
    assert "We do not sell it" in text  # Nevada


def test_unsure_about_selling_says_so_instead_of_may_sell() -> None:
    text = sale_text(draft("california-store", **{"sharing.sells": "unsure"}))
    assert not re.search(r"\b[Ww]e (may )?sell\b", text)
    assert "not yet confirmed" in text
    assert "We do not sell it" not in text


def test_selling_names_what_is_sold() -> None:
    d = draft("california-store", **{"sharing.sells": "yes",
                                      "data_practices.sold_categories": ["contact", "transactions"],
                                      "data_practices.buyers": "Acme Lists Inc."})
    text = clauses(d)["choice.opt-out-sale"]
    assert "We sell some personal information" in text
    assert "contact details; orders and purchases" in text


def test_no_sale_statements_rest_on_the_answers_that_say_so() -> None:
    for name in ("chat-saas", "print-mail"):
        (text, basis), = promises(example(name), "choice.no-sale")
        assert text.startswith("We do not sell")
        assert {"sharing.sells", "cookies.advertising", "data_practices.ad_audiences"} <= set(basis)
    assert promises(example("chat-saas"), "nevada.sale")[0] == ("We do not sell it",
                                                                 ("sharing.sells",))


def test_profiling_is_denied_only_when_the_owner_said_no_automated_decisions() -> None:
    text = clauses(draft("print-mail", **{"data_practices.automated_decisions": "yes",
                                          "data_practices.automated_logic": "Credit checks."}))
    assert "profiling" not in text["choice.no-sale"]


def test_gpc_is_offered_as_an_opt_out_only_when_the_owner_honours_it() -> None:
    assert "Global Privacy Control" in clauses(example("california-store"))["choice.opt-out-sale"]
    off = clauses(draft("california-store", **{"cookies.honors_gpc": False}))
    assert "Global Privacy Control" not in off["choice.opt-out-sale"]


def test_the_15_business_day_opt_out_deadline_is_californias_and_only_under_its_law() -> None:
    d = example("california-store")
    assert any("law.ccpa" in basis and "15 business days" in text
               for text, basis in promises(d, "choice.opt-out-sale"))
    outside = clauses(draft("california-store", **{"audience.us_states": ["colorado"],
                                                   "audience.people": 150000,
                                                   "audience.residents_100k": ["colorado"]}))
    assert "choice.opt-out-sale" in outside
    assert "15 business days" not in outside["choice.opt-out-sale"]
    assert "Do Not Sell" not in outside["choice.opt-out-sale"]


def test_appeals_set_no_deadline_the_owner_never_chose() -> None:
    text = clauses(example("email-platform"))["us-states.appeal"]
    assert "within 60 days of our answer" not in text
    assert "state laws applying to us" in text


def test_sensitive_data_consent_is_claimed_only_when_the_owner_says_so() -> None:
    changes = {**SENSITIVE, "audience.us_states": ["virginia"], "audience.people": 150000}
    without = clauses(draft("print-mail", **changes, **{"data_practices.sensitive_consent": False}))
    assert "consent" not in without["us-states.rights"]
    with_it = clauses(draft("print-mail", **changes, **{"data_practices.sensitive_consent": True}))
    assert "We ask for your consent before we handle sensitive data" in with_it["us-states.rights"]


def test_sign_in_is_mentioned_only_when_there_are_accounts() -> None:
    assert "signing in" not in clauses(example("texas-small"))["choice.cookies"]
    d = draft("texas-small", **{"collection.categories": ["contact", "account"]})
    assert "signing in" in clauses(d)["choice.cookies"]


def test_the_parents_notice_quotes_the_owners_uses_and_moderation_answers() -> None:
    text = clauses(example("kids-crafts"))["children.coppa-notice"]
    assert "We use it to run the craft gallery" in text
    assert "We check every post before others can see it" in text
    unchecked = clauses(draft("kids-crafts", **{"children.public_safeguards": []}))
    assert "We check every post" not in unchecked["children.coppa-notice"]


def test_ads_on_a_childrens_service_are_never_denied_when_the_owner_uses_them() -> None:
    d = clauses(draft("kids-crafts", **{"cookies.advertising": True}))
    assert "We do not use them to build profiles" not in d["children.coppa-notice"]
    assert "we do not sell it" not in d["children.coppa-notice"]


def test_voice_recordings_are_said_to_be_deleted_only_when_the_owner_says_so() -> None:
    base = {"children.audio": True}
    kept = clauses(draft("kids-crafts", **base, **{"children.audio_deleted": False}))
    assert "delete it right after" not in kept["children.voice"]
    assert "parent's consent" in kept["children.voice"]
    deleted = clauses(draft("kids-crafts", **base, **{"children.audio_deleted": True}))
    assert "delete it right after" in deleted["children.voice"]
