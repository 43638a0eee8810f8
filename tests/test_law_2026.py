"""The laws added for issue 16 (current law as of 2026-12-01): each requirement applies only
when the answers call for it and only from the day its duty starts (`in_force`), and is met by
its clause or raised as a note for counsel."""

from __future__ import annotations

import re
from datetime import date
from typing import Any

import pytest

from drafter.answers import Answers
from drafter.assemble import template_context
from drafter.paths import examples
from drafter.document.model import Draft
from drafter.requirements import InForce
from drafter.templating import compile_condition
from tests.conftest import real_project as project


def draft(example: str, **changes: Any) -> Draft:
    """The example's draft with some answers (`section.question`) changed."""
    base = project().answers(examples()[example])
    return project().draft(Answers(project().questionnaire, {**base.values, **changes}))


def context(example: str, **changes: Any) -> dict[str, Any]:
    """What conditions see (answers and `law.*`) for the example with some answers changed."""
    base = project().answers(examples()[example])
    answers = Answers(project().questionnaire, {**base.values, **changes})
    return template_context(answers, project().library)


def clauses(d: Draft) -> dict[str, str]:
    return {c.id: c.markdown for c in d.policy.clauses()}


def notes(d: Draft) -> dict[str, str]:
    return {n.requirement: n.severity for n in d.notes if n.requirement}


def dated(day: str) -> dict[str, Any]:
    return {"policy.effective_date": date.fromisoformat(day)}


# --- the start date of a duty ---

def test_in_force_reads_the_policy_date_and_else_today(monkeypatch: pytest.MonkeyPatch) -> None:
    rule = InForce(compile_condition("true"), date(2027, 1, 1))
    policy = type("Policy", (), {})
    before, after = policy(), policy()
    before.effective_date, after.effective_date = date(2026, 12, 31), date(2027, 1, 1)
    assert not rule.holds({"policy": before})
    assert rule.holds({"policy": after})
    monkeypatch.setenv("DRAFTER_TODAY", "2026-12-01")
    assert not rule.holds({})  # undated: in force from that day on
    monkeypatch.setenv("DRAFTER_TODAY", "2027-02-01")
    assert rule.holds({})
    assert InForce(compile_condition("false"), None).holds({}) is False


def test_every_new_requirement_has_a_start_date_or_applies_already() -> None:
    catalog = project().library.requirements
    starts = {rid: e.requirement.in_force for rid, e in catalog.items() if e.requirement.in_force}
    assert starts["vermont.design-code"] == date(2027, 1, 1)
    assert starts["oregon.no-location-sale"] == date(2026, 1, 1)
    assert starts["eu.ai-act"] == date(2026, 8, 2)
    assert starts["coppa.direct-notice"] == date(2026, 4, 22)
    assert starts["quebec.portability"] == date(2024, 9, 22)


# --- US states ---

def test_vermont_design_code_from_2027_with_an_advance_note_before() -> None:
    now = notes(draft("vermont-kids"))
    assert now["vermont.design-code"] == "warning"
    assert "vermont.design-code-upcoming" not in now
    assert "If you are under 18" in clauses(draft("vermont-kids"))["children.teens"]
    early = notes(draft("vermont-kids", **dated("2026-12-15")))
    assert "vermont.design-code" not in early
    assert early["vermont.design-code-upcoming"] == "advice"


def test_vermont_design_code_models_each_prong_of_a_covered_business() -> None:
    """9 V.S.A. §2449a ("covered business"): it does business in Vermont, earns a majority of
    its annual revenue from online services, and its service is reasonably likely to be
    accessed by minors (made for children, or 2% or more of its audience under 18). Each
    answer that rules a prong out takes the code out; "not sure" keeps it in and asks counsel."""
    def vermont(**changes: Any) -> bool:
        return bool(context("vermont-kids", **changes)["law"].vermont_design)
    assert vermont(**{"children.online_revenue": "yes"}) is True
    assert vermont(**{"children.online_revenue": "no"}) is False
    assert vermont(**{"children.online_revenue": "unsure"}) is True
    assert vermont(**{"audience.us_states": ["oregon"]}) is False
    # teenagers known to be fewer than 2 in 100 users: not likely to be accessed by minors,
    # unless the service is one for children under 13
    teens = {"children.under_13": "no", "children.under_16": "yes", "children.under_18": "yes"}
    assert vermont(**teens, **{"children.few_minors": "no"}) is True
    assert vermont(**teens, **{"children.few_minors": "yes"}) is False
    assert vermont(**teens, **{"children.few_minors": "unsure"}) is True
    assert vermont(**{"children.few_minors": "yes"}) is True  # a children's app
    # the questions are asked where their answer can matter
    def asked(key: str, **changes: Any) -> bool:
        base = project().answers(examples()["vermont-kids"]).values
        return key in Answers(project().questionnaire, {**base, **changes}).shown()
    assert asked("children.online_revenue") is True
    assert asked("children.online_revenue", **{"audience.us_states": ["oregon"]}) is False
    assert asked("children.few_minors", **teens) is True
    assert asked("children.few_minors") is False  # under 13s: in whatever their share
    unsure = draft("vermont-kids", **{"children.online_revenue": "unsure"})
    counsel = [n for n in unsure.notes if n.for_counsel
               and n.resolves_by == "children.online_revenue"]
    assert len(counsel) == 1 and "vermont.design-code" in counsel[0].covers


def test_oregon_bans_selling_precise_location_from_2026() -> None:
    selling = {"sharing.sells": "yes", "data_practices.sold_categories": ["contact", "precise_location"],
               "data_practices.buyers": "Trail Data Co."}
    assert notes(draft("oregon-store", **selling))["oregon.no-location-sale"] == "blocking"
    assert "oregon.no-location-sale" not in notes(draft("oregon-store", **selling, **dated("2025-12-31")))
    text = clauses(draft("oregon-store"))["us-states.precise-location"]
    assert "We do not sell your precise location" in text and "Oregon" in text
    assert "us-states.precise-location" not in clauses(draft("oregon-store", **selling))


def test_oregon_bans_ads_to_known_under_16s() -> None:
    assert notes(draft("oregon-store", **{"children.under_16": "yes"}))["oregon.no-minor-sale"] == "blocking"
    assert "oregon.no-minor-sale" not in notes(draft("oregon-store"))


def test_connecticut_profiling_contest_from_july_2026_met_by_the_decisions_clause() -> None:
    automated = {"data_practices.automated_decisions": "yes",
                 "data_practices.automated_logic": "We approve returns by computer.",
                 "data_practices.automated_review": "yes"}
    d = draft("oregon-store", **automated)
    assert "use.automated-decisions" in clauses(d)
    assert "connecticut.profiling-contest" not in notes(d)  # met by the clause
    rule = project().library.requirements["connecticut.profiling-contest"].applies
    assert rule.holds(context("oregon-store", **automated))
    assert not rule.holds(context("oregon-store", **automated, **dated("2026-06-30")))
    assert not rule.holds(context("oregon-store"))  # no automated decisions


def test_new_york_minors_sale_is_blocking_and_duties_are_a_warning() -> None:
    kids = {"cookies.advertising": True}
    assert notes(draft("vermont-kids", **kids))["ny.child-data-sale"] == "blocking"
    assert notes(draft("vermont-kids"))["ny.child-data"] == "warning"
    assert "ny.child-data" not in notes(draft("vermont-kids", **dated("2025-06-19")))


def test_nebraska_design_code_needs_revenue_and_a_data_sales_business() -> None:
    big = {"audience.revenue": "over_26m", "audience.sale_revenue": "over_50",
           "children.under_18": "yes"}
    assert notes(draft("oregon-store", **big))["nebraska.design-code"] == "warning"
    assert "nebraska.design-code" not in notes(draft("oregon-store", **{"children.under_18": "yes"}))
    assert notes(draft("nebraska-weather"))["nebraska.design-code"] == "warning"
    assert "nebraska.design-code" not in notes(draft("nebraska-weather", **dated("2025-12-31")))
    assert "nebraska.design-code" not in notes(draft("nebraska-weather", **{"children.under_18": "no"}))


def nebraska_note(d: Draft) -> str | None:
    return next((n.message for n in d.notes if n.requirement == "nebraska.design-code"), None)


def test_nebraska_design_code_models_each_test_of_the_act() -> None:
    """Neb. Rev. Stat. §87-1302 ("covered online service"): over $25 million revenue or the
    data of 50,000 or more consumers, households or devices; half the revenue or more from
    selling or sharing data; not a service that knows fewer than 2% of its users are minors.
    The note states every test, and an answer that rules one out takes the note away."""
    text = nebraska_note(draft("nebraska-weather"))
    assert text is not None
    for test in ("$25 million", "50,000", "half", "2%"):
        assert test in text, test
    # revenue under $25 million, but 900,000 people's data: the count test may still reach it
    assert nebraska_note(draft("nebraska-weather", **{"audience.revenue": "under_25m"}))
    small = {"audience.revenue": "under_25m", "audience.people": 40000}
    assert nebraska_note(draft("nebraska-weather", **small)) is None
    assert nebraska_note(draft("nebraska-weather", **{"audience.people": 40000})) is not None
    assert nebraska_note(draft("nebraska-weather", **{"audience.sale_revenue": "25_to_50"})) is None
    # the exemption for a service that knows fewer than 2% of its users are minors
    assert nebraska_note(draft("nebraska-weather", **{"children.few_minors": "yes"})) is None
    assert nebraska_note(draft("nebraska-weather", **{"children.few_minors": "no"})) is not None
    unsure = draft("nebraska-weather", **{"children.few_minors": "unsure"})
    counsel = [n for n in unsure.notes if n.for_counsel and n.resolves_by == "children.few_minors"]
    assert len(counsel) == 1 and "nebraska.design-code" in counsel[0].covers
    # the question is asked only where its answer can matter
    assert "children.few_minors" in project().answers(examples()["nebraska-weather"]).shown()
    assert "children.few_minors" not in project().answers(examples()["oregon-store"]).shown()
    base = project().answers(examples()["nebraska-weather"]).values
    small_answers = Answers(project().questionnaire, {**base, **small})
    assert "children.few_minors" not in small_answers.shown()


def test_nebraska_lb838_unread_is_a_question_for_counsel_not_a_silent_gap() -> None:
    """LB 838 (2026) amended the Act, and a secondary source says it removed the half-of-revenue
    test; its text was not read. A service over the size test that sells little or no data is
    then not known to be outside: an advice note asks counsel, and the design-code warning
    (which rests on LB 504 as enacted) stays for the data sellers only. Each note says what
    counsel must confirm."""
    below = {"audience.sale_revenue": "25_to_50"}
    def lb838(d: Draft) -> str | None:
        return next((n.message for n in d.notes if n.requirement == "nebraska.design-code-lb838"), None)
    below_draft = draft("nebraska-weather", **below)
    text = lb838(below_draft)
    assert text is not None and "LB 838" in text and "half" in text
    assert nebraska_note(below_draft) is None
    assert lb838(draft("nebraska-weather", **below, **dated("2026-04-13"))) is None
    # the facts the note's condition reads: over the size test, and not the data sellers
    def facts(**changes: Any) -> tuple[bool, bool]:
        found = context("nebraska-weather", **changes)["law"]
        return found.nebraska_design_size, found.nebraska_design
    assert facts(**below) == (True, False)
    assert facts() == (True, True)  # the warning covers it already
    assert facts(**below, **{"audience.revenue": "under_25m", "audience.people": 40000}) == (
        False, False)


def test_washington_notes_do_not_ask_for_a_health_policy_already_linked() -> None:
    """The owner gave the consumer health data policy's address and the draft links it: no
    note may say that a separate policy is still needed."""
    for example in ("washington-scooters", "oregon-store"):
        d = draft(example)
        url = str(project().answers(examples()[example]).values["data_practices.health_policy_url"])
        assert url in clauses(d)["us-states.health-data"]
        wrong = [n.requirement for n in d.notes if "separate consumer health data" in n.message]
        assert wrong == [], (example, wrong)
    # without the address, the note still asks for the separate policy
    bare = draft("washington-scooters", **{"data_practices.health_policy_url": None})
    assert "washington.health-scope" in notes(bare)


def test_publisher_ads_alone_share_only_what_the_networks_collect_themselves() -> None:
    """An app whose only ad sharing is the networks that fill its ad spaces (no ad pixels, no
    customer lists) gives them device, usage and rough location, never its contact list."""
    rows = {row.split(" | ")[1]: row for row in
            clauses(draft("nebraska-weather"))["collection.details-table"].splitlines()
            if row.startswith("| ") and " | " in row}
    assert rows["Contact details"].endswith("| Neither |")
    assert "advertising companies" not in rows["Contact details"]
    assert rows["Device and connection details"].endswith("| Shared |")
    pixel = clauses(draft("nebraska-weather", **{"cookies.advertising": True}))["collection.details-table"]
    assert "| Contact details | you | " in pixel and "advertising companies | Shared |" in pixel


def test_washington_consumer_health_data_is_more_than_a_health_tick() -> None:
    d = draft("oregon-store")
    # the policy's address is given and linked: consent is what is left (health-consent)
    assert notes(d)["washington.health-consent"] == "warning"
    assert "washington.health-scope" not in notes(d)
    unlinked = draft("oregon-store", **{"data_practices.health_policy_url": None})
    assert notes(unlinked)["washington.health-scope"] == "warning"
    assert "us-states.health-data" in clauses(d) and "washington.health-policy" not in notes(d)
    places = notes(draft("oregon-store", **{"data_practices.consumer_health": ["health_places"]}))
    assert places["washington.geofence"] == "warning"
    none = notes(draft("oregon-store", **{"data_practices.consumer_health": ["none"]}))
    assert not {"washington.health-scope", "washington.health-consent",
                "connecticut.health-data"} & set(none)
    assert notes(d)["connecticut.health-data"] == "warning"


def test_state_response_deadline_is_met_by_the_rights_clause() -> None:
    d = draft("oregon-store")
    assert "within 45 days" in clauses(d)["us-states.rights"]
    assert "states.response-deadline" not in notes(d)


# --- California ---

def test_cybersecurity_audit_needs_a_count_besides_the_revenue() -> None:
    """11 CCR §7120(b): half the revenue from selling or sharing; or revenue over the limit AND
    the data of 250,000 or more consumers or sensitive data of 50,000 or more. Revenue alone is
    one half of a two-part prong: a large shop with few customers owes no audit."""
    def audit(**changes: Any) -> bool:
        return "ccpa.cybersecurity-audit" in notes(draft("california-store", **changes))
    assert audit()  # over $26.6 million and 300,000 people
    assert not audit(**{"audience.people": 40000})
    plain = {"collection.categories": ["contact", "transactions", "device", "usage"]}
    assert not audit(**{"audience.people": 100000}, **plain)  # no sensitive data
    sensitive = {"collection.categories": ["contact", "transactions", "precise_location"]}
    assert audit(**{"audience.people": 100000}, **sensitive)
    assert audit(**{"audience.people": 100000})  # account logins are sensitive in California
    assert not audit(**{"audience.people": 40000}, **sensitive)
    assert audit(**{"audience.people": 40000, "audience.sale_revenue": "over_50"})
    assert audit(**{"audience.people": "unsure"})


def test_ccpa_2026_duties_outside_the_policy_are_advice() -> None:
    n = notes(draft("california-store"))
    assert n["ccpa.risk-assessment"] == "advice"
    assert n["ccpa.cybersecurity-audit"] == "advice"
    assert n["ccpa.offline-notice"] == "warning"  # two shops: signs at the till
    assert "ccpa.offline-notice" not in notes(draft("california-store", **{"collection.in_person": False}))
    assert "ccpa.risk-assessment" not in notes(draft("california-store", **dated("2025-12-31")))


def test_staff_notice_is_a_duty_from_2023_and_the_scooter_example_shows_it() -> None:
    """The CCPA's exemption for applicants and staff ended on 1 Jan 2023 (§1798.145(m))."""
    assert notes(draft("washington-scooters"))["ccpa.workforce-notice"] == "warning"
    assert "ccpa.workforce-notice" not in notes(draft("washington-scooters", **dated("2022-12-31")))
    given = {"collection.staff_notice": "yes"}
    assert "We give them a separate notice" in " ".join(
        clauses(draft("washington-scooters", **given))["scope.staff"].split())
    assert "ccpa.workforce-notice" not in notes(draft("washington-scooters", **given))


def test_location_near_clinics_brings_the_geofence_note_in_the_scooter_example() -> None:
    n = notes(draft("washington-scooters"))
    assert n["washington.geofence"] == n["washington.health-consent"] == "warning"
    assert "washington.geofence" not in notes(
        draft("washington-scooters", **{"data_practices.consumer_health": ["none"]}))


# --- Children ---

def test_amended_coppa_duties_from_the_compliance_date() -> None:
    n = notes(draft("vermont-kids"))
    assert n["coppa.direct-notice"] == n["coppa.security-program"] == "warning"
    assert n["coppa.images-voice"] == "advice"
    early = notes(draft("vermont-kids", **dated("2026-04-21")))
    assert not {"coppa.direct-notice", "coppa.security-program", "coppa.images-voice"} & set(early)


# --- EU and UK ---

def test_eu_cookies_need_consent_and_the_policy_says_so() -> None:
    d = draft("eu-studio")
    assert "only after you agree" in clauses(d)["eu-uk.cookie-consent"]
    assert "eu.cookie-consent" not in notes(d)
    assert notes(draft("eu-studio", **{"cookies.settings_panel": "opt_out"}))["eu.cookie-consent"] == "blocking"


def test_uk_analytics_exemption_is_said_only_when_the_owner_confirms_it() -> None:
    """PECR Sch. A1 para. 5 (from 5 Feb 2026): UK analytics cookies that only measure use to
    improve the site need no consent if visitors are told and can turn them off. The policy
    says so only on the owner's "yes"; "no" or no answer needs consent, as in the EU."""
    uk_only = {"audience.regions": ["uk"], "cookies.advertising": False,
               "cookies.settings_panel": "opt_out"}
    exempt = draft("eu-studio", **uk_only, **{"cookies.uk_analytics_only": "yes"})
    assert "UK law lets us set them without asking you first" in clauses(exempt)["eu-uk.uk-analytics"]
    assert not {"uk.analytics-cookies", "eu.cookie-consent"} & set(notes(exempt))
    for answer in ("no", None):
        n = notes(draft("eu-studio", **uk_only, **{"cookies.uk_analytics_only": answer}))
        assert n["eu.cookie-consent"] == "blocking", answer
        assert "eu-uk.uk-analytics" not in clauses(draft("eu-studio", **uk_only))
    eu = notes(draft("eu-studio", **{**uk_only, "audience.regions": ["eu"]}))
    assert eu["eu.cookie-consent"] == "blocking" and "uk.analytics-cookies" not in eu
    assert notes(draft("uk-bakery")) == {"uk.recognised-interests": "advice"}


def test_a_pixel_makes_joint_controllers_and_the_policy_says_so() -> None:
    d = draft("eu-studio")
    assert "joint controllers" in clauses(d)["eu-uk.pixels"]
    assert "eu-uk.pixels" not in clauses(draft("eu-studio", **{"cookies.advertising": False}))


def test_ai_act_chatbot_disclosure_from_august_2026() -> None:
    d = draft("eu-studio")
    assert "not a person" in clauses(d)["eu-uk.ai-act"]
    made = clauses(draft("eu-studio", **{"data_practices.ai_features": ["ai_content"]}))
    assert "made by AI" in made["eu-uk.ai-act"] and "chat" not in made["eu-uk.ai-act"]
    plain = draft("eu-studio", **{"data_practices.ai_features": ["none"]})
    assert "eu-uk.ai-act" not in clauses(plain)
    rule = project().library.requirements["eu.ai-act"].applies
    assert rule.holds(context("eu-studio"))
    assert not rule.holds(context("eu-studio", **dated("2026-08-01")))
    assert not rule.holds(context("eu-studio", **{"audience.regions": ["uk"]}))


def test_children_in_europe_get_the_consent_ages_and_the_uk_code() -> None:
    n = notes(draft("eu-studio", **{"children.under_16": "yes", "children.under_18": "yes"}))
    assert n["gdpr.child-consent-age"] == "warning"
    assert n["uk.childrens-code"] == "warning"


# --- Canada ---

def test_quebec_portability_french_and_casl() -> None:
    d = draft("quebec-firm")
    text = clauses(d)
    assert "structured, commonly used format" in text["canada.quebec"]
    assert "10 business days" in text["canada.casl"]
    n = notes(d)
    # the firm serves French speakers: Drafter writes its Canadian French policy, so no note
    assert not {"quebec.portability", "casl.messages", "quebec.french"} & set(n)
    english_only = notes(draft("quebec-firm", **{"audience.languages": ["english"]}))
    assert english_only["quebec.french"] == "warning"
    assert "canada.casl" not in clauses(draft("quebec-firm", **{"choices.email_marketing": False}))


# --- email tracking pixels in Europe ---

def test_email_tracking_in_europe_needs_consent_and_the_policy_says_so() -> None:
    text = clauses(draft("eu-studio"))["eu-uk.email-tracking"]
    assert "opens and link clicks" in text and "only if you agreed" in text
    assert "change your mind" in text
    assert "eu.email-tracking-consent" not in notes(draft("eu-studio"))
    off = clauses(draft("eu-studio", **{"choices.email_tracking_consent": "off"}))
    assert "We do not record opens or link clicks" in off["eu-uk.email-tracking"]
    # tracking every reader without asking: the policy cannot claim consent; counsel is told
    untold = draft("eu-studio", **{"choices.email_tracking_consent": "none"})
    assert "eu-uk.email-tracking" not in clauses(untold)
    assert notes(untold)["eu.email-tracking-consent"] == "blocking"
    uk = clauses(draft("eu-studio", **{"audience.regions": ["uk"]}))["eu-uk.email-tracking"]
    assert "if you live in the UK." in uk


def test_email_tracking_consent_is_asked_only_for_european_readers() -> None:
    base = project().answers(examples()["california-store"])  # sells in the US and the EU
    assert "choices.email_tracking_consent" in base.shown()
    us = Answers(project().questionnaire, {**base.values, "audience.regions": ["usa"]})
    assert "choices.email_tracking_consent" not in us.shown()
    rule = project().library.requirements["eu.email-tracking-consent"].applies
    assert rule.holds(context("california-store"))
    assert not rule.holds(context("california-store", **{"audience.regions": ["usa"]}))
    assert "not record opens or link clicks" in clauses(draft("california-store"))["eu-uk.email-tracking"]
    quiet = project().answers(examples()["eu-studio"])
    none = Answers(project().questionnaire, {**quiet.values, "choices.email_tracking": []})
    assert "choices.email_tracking_consent" not in none.shown()


def test_a_business_with_eu_users_that_skips_the_ai_question_is_told_to_answer_it() -> None:
    """Art. 50 applies from 2 Aug 2026: a blank AI answer leaves the policy silent, a guess that
    nobody meets AI, so the owner gets a warning; every example with EU users answers it."""
    for name, path in examples().items():
        given = project().answers(path)
        if "eu" in given.values["audience.regions"]:
            assert given.values.get("data_practices.ai_features"), name
            assert "review.no-ai-features" not in notes(draft(name)), name
    assert notes(draft("eu-studio", **{"data_practices.ai_features": None}))["review.no-ai-features"] == "warning"
    assert "review.no-ai-features" not in notes(draft("eu-studio", **{"data_practices.ai_features": ["none"]}))
    assert "review.no-ai-features" not in notes(draft("texas-small", **{"data_practices.ai_features": None}))


# A requirement of a state law modelled as a statute in clauses/laws.yaml starts the day that
# statute does: the catalog's date says so for counsel, and the two never disagree.
STATUTE_OF = {
    "colorado.date-updated": "colorado", "colorado.loyalty": "colorado",
    "maryland.minors": "maryland", "maryland.no-sensitive-sale": "maryland",
    "minnesota.profiling-question": "minnesota", "minnesota.retention": "minnesota",
    "minnesota.third-party-list": "minnesota", "oregon.business-name": "oregon",
    "oregon.third-party-list": "oregon", "rhode-island.named-buyers": "rhode_island",
    "texas.biometric-sale-notice": "texas", "texas.sensitive-sale-notice": "texas",
    "states.third-party-categories": "delaware", "states.languages": "montana",
    "colorado.minors-duties": "colorado_minors", "connecticut.minors-duties": "connecticut_minors",
    "montana.minors-duties": "montana_minors",
}


@pytest.mark.parametrize("requirement, statute", sorted(STATUTE_OF.items()))
def test_a_state_requirement_starts_when_its_statute_does(requirement: str, statute: str) -> None:
    laws = {d.name: d.statute for d in project().library.laws if d.statute is not None}
    started = project().library.requirements[requirement].requirement.in_force
    assert started == laws[statute].in_force


def test_a_small_texas_business_selling_sensitive_data_needs_consent() -> None:
    """The TDPSA's small-business rule (and Nebraska's and Minnesota's): exempt from most of
    the law, but not from consent before selling sensitive data."""
    selling = {"sharing.sells": "yes", "data_practices.sold_categories": ["contact", "precise_location"]}
    assert notes(draft("texas-small", **selling))["texas.small-business-consent"] == "warning"
    plain = {"sharing.sells": "yes", "data_practices.sold_categories": ["contact"]}
    assert "texas.small-business-consent" not in notes(draft("texas-small", **plain))
    assert "texas.small-business-consent" not in notes(draft("texas-small"))


@pytest.mark.parametrize("states", [["ohio", "pennsylvania", "michigan"], ["washington"],
                                    ["nevada"], ["nationwide"], "unsure"])
@pytest.mark.parametrize("health", [{"collection.categories": ["contact", "health"]},
                                    {"data_practices.consumer_health": ["health_places"]}])
def test_the_health_policy_address_is_asked_only_where_the_draft_links_it(
        states: Any, health: dict[str, Any]) -> None:
    """The kiosk trial: a business in Ohio, Pennsylvania and Michigan with pharmacy-visit
    locations had to give a Washington/Nevada health policy's address (required, no "not sure")
    before it could export. The question is asked exactly where a law makes the draft link it."""
    base = project().answers(examples()["oregon-store"]).values
    answers = Answers(project().questionnaire, {
        **base, "audience.us_states": states, "collection.categories": ["contact"],
        "data_practices.consumer_health": ["none"], **health})
    context = template_context(answers, project().library)
    law = context["law"]
    linked = bool(law.washington_health or law.nevada_health)
    assert ("data_practices.health_policy_url" in answers.shown()) == linked, (states, health)


def test_the_uk_regulator_is_the_information_commission_from_30_september_2026() -> None:
    """DUAA 2025 ss. 117-119 (SI 2026/1015 reg. 2): the office of Information Commissioner is
    abolished on 30 Sep 2026 and its functions pass to the Information Commission, still known
    as the ICO. A policy dated from that day names the Commission; one dated the day before
    names the Information Commissioner's Office; both meet the complaint requirement."""
    for day, named, not_named in (
            ("2026-09-30", "the Information Commission (known as the ICO)", "Commissioner"),
            ("2026-09-29", "the Information Commissioner's Office (ICO)", "Information Commission ")):
        d = draft("uk-bakery", **dated(day))
        text = clauses(d)["eu-uk.complaint-uk"]
        assert named in text and not_named not in text, day
        assert "ico.org.uk" in text and "uk.ico-complaint" not in notes(d), day
    assert context("uk-bakery")["law"].uk_commission  # the example is dated 2026-11-24
    assert not context("uk-bakery", **dated("2026-09-29"))["law"].uk_commission
    assert not context("eu-studio", **{"audience.regions": ["eu"]})["law"].uk_commission
    # a policy Drafter did not write meets it with either name, or the short one
    detect = project().library.requirements["uk.ico-complaint"].requirement.detect
    for text in ("the Information Commission", "the Information Commissioner's Office", "the ICO"):
        assert any(re.search(p, f"Complain to {text}.", re.I) for p in detect), text
