"""Trial 17: a suggestion (Enter keeps it) never says "No" to what an earlier answer already
says is so. The kiosk owner ticked Mailchimp and the marketing purpose and was offered "No" to
"Do you send marketing emails?"; said "Yes" to users aged 13 to 15 and was offered "No" to
"Do you know that some of your users are under 18?"; ticked Google Analytics and got no
suggestion at all for "Do you use an analytics service?", which the catalog answers.

Over the whole catalog and every age answer: each vendor of a kind that implies a practice,
picked from the list or typed in with that kind, leaves the practice's question suggesting
"Yes" or nothing, never "No"; so does a purpose that implies it; and an answer that a younger
age band is served leaves no older band's question suggesting "No"."""

from __future__ import annotations

import itertools
import re
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from drafter.answers import Answers, load_answers
from drafter.paths import default_library, examples
from drafter.project import Project
from drafter.yamlio import load_data

# Each kind of company in the catalog (clauses/data/vendors.yaml `category`) → the yes/no
# question it answers "yes" to, or tells against "no" (a review widget, say, is most often
# but not always customers' public reviews).
BY_CATEGORY = {
    "analytics": "cookies.analytics",
    "advertising": "cookies.advertising",
    "affiliate": "marketplace.affiliates",
    "warranty": "marketplace.warranty",
    "reviews": "marketplace.reviews",
    "sms": "email_platform.sms",
}
# Companies whose purpose, as the policy states it, is sending marketing: the policy would
# say "we use Mailchimp for sending our newsletters and marketing emails" under "no".
MARKETING = re.compile(r"marketing|newsletter|sales emails", re.I)
# Companies that print or mail for the business (not those that only check addresses or print
# shipping labels): the print-and-mail business's "other print shops or mailing houses".
PRINTING = re.compile(r"^printing\b", re.I)
# A purpose ticked under "What do you use people's information for?" → the questions that
# purpose tells against "no" for.
BY_PURPOSE = {
    "marketing": ("choices.email_marketing", "choices.sms_marketing"),
    "advertising": ("cookies.advertising",),
}


def _catalog() -> dict[str, dict[str, Any]]:
    data = load_data(default_library() / "data" / "vendors.yaml").data
    return {key: row for key, row in data.items() if isinstance(row, dict)}


def _base(project: Project) -> dict[str, Any]:
    """The kiosk example with every business module's page shown, no company and no purpose
    beyond providing the service: only what a case adds tells for or against anything."""
    q = project.questionnaire
    given = dict(load_answers(examples()["kiosk"], q).values)
    kinds = q.entry("business.kinds").question.options or {}
    given["business.kinds"] = [k for k in kinds if k != "processor_saas"]
    given.update({"sharing.catalog": [], "sharing.vendors": [], "use.purposes": ["provide"]})
    return given


def _suggested(project: Project, values: dict[str, Any], key: str) -> Any:
    """The suggestion the app shows for `key` with the answers before it (its own and later
    ones unanswered), as a session computes it."""
    q = project.questionnaire
    order = [entry.key for entry in q]
    earlier = set(order[:order.index(key)])
    answers = Answers(q, {k: v for k, v in values.items() if k in earlier}, suggestions=True)
    assert key in answers.shown(), key
    return answers.suggestion(key)


def _yes(project: Project, key: str) -> Any:
    question = project.questionnaire.entry(key).question
    return True if question.type == "bool" else "yes"


def _no(project: Project, key: str) -> Any:
    question = project.questionnaire.entry(key).question
    return False if question.type == "bool" else "no"


def test_the_trial_gets_yes_where_its_answers_say_so(project: Project) -> None:
    base = _base(project)
    f1 = {**base, "sharing.catalog": ["mailchimp"], "use.purposes": ["provide", "marketing"]}
    assert _suggested(project, f1, "choices.email_marketing") is True
    f2 = {**base, "children.under_13": "no", "children.under_16": "yes"}
    assert _suggested(project, f2, "children.under_18") == "yes"
    f3 = {**base, "sharing.catalog": ["google_cloud", "google_analytics"]}
    assert _suggested(project, f3, "cookies.analytics") is True
    # where nothing tells against it, "No" is still suggested
    assert _suggested(project, base, "choices.email_marketing") is False
    assert _suggested(project, base, "cookies.analytics") is False
    assert _suggested(project, {**base, "children.under_13": "no", "children.under_16": "no"},
                      "children.under_18") == "no"


def _implied() -> list[tuple[str, str]]:
    cases = []
    for vendor, row in _catalog().items():
        if row.get("category") in BY_CATEGORY:
            cases.append((vendor, BY_CATEGORY[row["category"]]))
        if MARKETING.search(str(row.get("purpose", ""))):
            cases.append((vendor, "choices.email_marketing"))
        if row.get("category") == "print" and PRINTING.search(str(row.get("purpose", ""))):
            cases.append((vendor, "print_mail.print_partners"))
    return cases


def test_the_catalog_has_companies_of_each_kind() -> None:
    """The cases below are drawn from the catalog: a kind no company has would test nothing."""
    found = {key for _, key in _implied()}
    assert found == {*BY_CATEGORY.values(), "choices.email_marketing",
                     "print_mail.print_partners"}


@pytest.mark.parametrize(("vendor", "key"), _implied())
def test_a_company_never_leaves_no_for_what_it_does(project: Project, vendor: str,
                                                   key: str) -> None:
    base = _base(project)
    row = _catalog()[vendor]
    picked = {**base, "sharing.catalog": [vendor]}
    typed = {**base, "sharing.vendors": [{"name": row["name"], "purpose": row["purpose"],
                                          "category": row["category"]}]}
    for values in (picked, typed):
        assert _suggested(project, values, key) in (_yes(project, key), None), (vendor, key)


@pytest.mark.parametrize(("purpose", "key"),
                         [(p, k) for p, keys in BY_PURPOSE.items() for k in keys])
def test_a_purpose_never_leaves_no_for_what_it_is(project: Project, purpose: str,
                                                 key: str) -> None:
    values = {**_base(project), "use.purposes": ["provide", purpose]}
    assert _suggested(project, values, key) in (_yes(project, key), None)


def test_sharing_with_partners_never_leaves_no_for_their_marketing(project: Project) -> None:
    """Partners who offer their own products (a co-branded offer) may well market them to
    the people whose details they get: "No" to that would be a guess against the answer."""
    base = _base(project)
    assert _suggested(project, {**base, "sharing.partners": True},
                      "sharing.partner_marketing") in ("yes", None)
    assert _suggested(project, {**base, "sharing.partners": False},
                      "sharing.partner_marketing") == "no"


def test_each_company_a_suggestion_names_is_in_the_catalog(project: Project) -> None:
    """A suggestion's condition lists the catalog's companies by id (a questionnaire condition
    reads answers, not the catalog): a misspelt id would never match."""
    named = {(entry.key, vendor) for entry in project.questionnaire
             for source in (entry.question.default_when or "",
                            *(s.when for s in entry.question.suggest))
             for listed in re.findall(r"sharing\.catalog \| select\('in', \[([^\]]*)\]", source)
             for vendor in re.findall(r"'([a-z0-9_]+)'", listed)}
    assert len({key for key, _ in named}) >= 8
    assert {pair for pair in named if pair[1] not in _catalog()} == set()


BANDS = ("children.under_13", "children.under_16", "children.under_18")


@pytest.mark.parametrize("given", list(itertools.product(("yes", "no", "unsure", None),
                                                         repeat=2)))
def test_a_younger_band_served_never_leaves_no_for_an_older_one(
        project: Project, given: tuple[str | None, str | None]) -> None:
    """Every answer (and no answer) to the two younger bands: "yes" to any band under 18 means
    "yes" to under 18 (under 13 or 13 to 15), so its "No" is never suggested; "I'm not sure"
    about a younger band is no ground for "No" to an older one either."""
    base = {k: v for k, v in _base(project).items() if not k.startswith("children.")}
    values = {**base, **{k: v for k, v in zip(BANDS, given) if v is not None}}
    suggested = _suggested(project, values, "children.under_18")
    if "yes" in given:
        assert suggested in ("yes", None), given
    elif "unsure" in given:
        assert suggested != "no", given
    else:
        assert suggested == "no", given  # nothing tells against it: still suggested


def test_no_company_makes_a_suggestion_raise_the_note_its_question_settles(
        project: Project) -> None:
    """The library's own word on contradictions, over every company of the catalog: with it
    picked, a question's suggestion never raises a reviewer check on answers
    (clauses/answer-checks.yaml) that this question settles (`resolves_by`) and another
    answer to it would not, on the answers before it (those after it are not given yet when
    the owner keeps the suggestion). Catches a kind of company no table above names."""
    from drafter.assemble import template_context
    from drafter.review.rules import condition_names, load_review_rules, usable_answer_checks

    q, library = project.questionnaire, project.library
    checks = usable_answer_checks(load_review_rules(default_library()),
                                  condition_names(q, library))
    settles = {key for key in (c.check.resolves_by for c in checks)
               if key in q and q.entry(key).question.default is not None
               and q.entry(key).question.type in ("bool", "one")}
    assert {"cookies.analytics", "cookies.advertising", "collection.staff"} <= settles

    def fired(values: dict[str, Any], key: str) -> set[str]:
        context = template_context(Answers(q, values), library)
        return {c.check.id for c in checks if c.check.resolves_by == key
                and c.condition.holds(context)
                and (c.items is None or list(c.items.value(context) or []))}

    base = _base(project)
    order = [entry.key for entry in q]
    found = []
    for vendor in _catalog():
        values = {**base, "sharing.catalog": [vendor]}
        for key in sorted(settles):
            entry = q.entry(key)
            if key not in Answers(q, values).shown():
                continue
            suggested = _suggested(project, values, key)
            if suggested is None:
                continue
            before = set(order[:order.index(key)])
            earlier = {k: v for k, v in values.items() if k in before}
            others = [True, False] if entry.question.type == "bool" else \
                list(entry.question.options or {})
            taken = fired({**earlier, key: suggested}, key)
            if any(taken - fired({**earlier, key: other}, key) for other in others):
                found.append((vendor, key, suggested, sorted(taken)))
    assert found == []


def _implying(project: Project, values: dict[str, Any]) -> set[str]:
    """The questions these answers' companies and purposes answer "yes" to or tell against
    "no" for, by the tables above."""
    catalog = _catalog()
    keys: set[str] = set()
    rows = [catalog[v] for v in values["sharing.catalog"]] + values["sharing.vendors"]
    for row in rows:
        keys |= {BY_CATEGORY[row["category"]]} if row.get("category") in BY_CATEGORY else set()
    for row in (catalog[v] for v in values["sharing.catalog"]):
        if MARKETING.search(str(row.get("purpose", ""))):
            keys.add("choices.email_marketing")
        if row.get("category") == "print" and PRINTING.search(str(row.get("purpose", ""))):
            keys.add("print_mail.print_partners")
    for purpose in values["use.purposes"]:
        keys |= set(BY_PURPOSE.get(purpose, ()))
    return keys


_KINDS = sorted({str(row.get("category")) for row in _catalog().values()})


@settings(max_examples=25, deadline=None, suppress_health_check=[
    HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(picked=st.sets(st.sampled_from(sorted(_catalog())), max_size=5),
       typed=st.lists(st.sampled_from(_KINDS), max_size=2),
       purposes=st.sets(st.sampled_from(["marketing", "advertising", "analytics", "support"])))
def test_no_mix_of_companies_and_purposes_leaves_no_for_what_one_of_them_does(
        project: Project, picked: set[str], typed: list[str], purposes: set[str]) -> None:
    """Any mix at once (a company implying one practice beside others that imply nothing,
    typed-in companies of any kind, purposes): each question one of them answers suggests
    "Yes" or nothing."""
    values = {**_base(project), "sharing.catalog": sorted(picked),
              "sharing.vendors": [{"name": f"Company {i}", "purpose": "work for us",
                                   "category": kind} for i, kind in enumerate(typed)],
              "use.purposes": ["provide", *sorted(purposes)]}
    for key in sorted(_implying(project, values)):
        assert _suggested(project, values, key) in (_yes(project, key), None), (key, values)
