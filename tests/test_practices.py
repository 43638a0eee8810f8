"""Issue 16: each business practice the questionnaire can now describe changes the policy when it
is answered, and each "I'm not sure" about it becomes a question for counsel, not a guess.

Every case starts from the all-modules fixture (every kind of business switched on), answers
one practice, and checks the sentence that answer adds; the same draft without the answer must
not have it."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import pytest

from drafter.answers import Answers, validate_answers
from drafter.document.model import Draft
from drafter.project import Project
from drafter.yamlio import parse_yaml

FIXTURE = Path(__file__).parent / "fixtures" / "all-modules.yaml"


def _answers(project: Project, changes: dict[str, dict[str, Any]]) -> Answers:
    doc = copy.deepcopy(parse_yaml(FIXTURE.read_text(), FIXTURE))
    for section, answers in changes.items():
        for question, value in answers.items():
            if value is None:
                doc.setdefault(section, {}).pop(question, None)
            else:
                doc.setdefault(section, {})[question] = value
    return validate_answers(doc, project.questionnaire, FIXTURE)


def _draft(project: Project, changes: dict[str, dict[str, Any]]) -> Draft:
    return project.draft(_answers(project, changes))


def _text(draft: Draft) -> str:
    return "\n\n".join(c.markdown for c in draft.policy.clauses())


# (practice, answers that describe it, a phrase it adds to the policy)
PRACTICES: list[tuple[str, dict[str, dict[str, Any]], str]] = [
    ("surveys and research panels",
     {"collection": {"surveys": ["surveys", "panel", "outside"]}},
     "You can also join our research panel"),
    ("backups and the limits of deletion",
     {"retention": {"backups": "days", "backup_days": 35}},
     "can stay in our backups for up to 35 days"),
    ("job applicants and staff, with a separate notice",
     {"collection": {"staff": True, "staff_notice": "yes"}},
     "We give them a separate notice"),
    ("push notifications",
     {"business": {"has_app": True}, "choices": {"push": ["service", "marketing"]}},
     "Our app can send notifications to your device"),
    ("buying or appending data from brokers",
     {"collection": {"sources": ["individuals", "automatic", "brokers"],
                     "broker_data": "ages and interests added to our customer list."}},
     "We buy or rent ages and interests added to our customer list."),
    ("clients' pixels on pages the business hosts",
     {"cookies": {"client_pixels": "yes"}},
     "Our clients can add their own pixels and tags"),
    ("showing other companies' ads, on the site and in emails",
     {"cookies": {"publisher_ads": ["site", "emails"], "publisher_ads_targeted": "no"}},
     "We show ads for other companies' products on our website and in our emails"),
    ("plain (not hashed) customer lists sent to ad platforms",
     {"data_practices": {"ad_audiences_hashed": "plain"}},
     "Some of these lists are plain text"),
    ("open and click tracking in the business's own marketing email",
     {"choices": {"email_marketing": True, "email_tracking": ["opens", "clicks"]}},
     "Our marketing emails record whether you open them and which links you click"),
    ("who can see a gift registry or wish list",
     {"marketplace": {"registries": True, "registry_visibility": "search"}},
     "Anyone can find it by searching for your name"),
    ("18 or older, 13 to 17 with a parent's permission",
     {"children": {"age_rule": "18_or_parent"}},
     "If you are 13 to 17, you may use them only with permission from a parent"),
    ("partner portals and referral cookies",
     {"sharing": {"partner_programme": ["portal", "referral_links"]}},
     "a cookie remembers which partner sent you"),
    ("contact details to partners for their own marketing, a sale said plainly",
     {"sharing": {"partner_marketing": "yes", "sells": "yes"},
      "data_practices": {"sold_categories": ["contact"], "buyers": "Acme Catalog Co."}},
     "This is a sale of your personal information"),
    ("cards stored by the business itself",
     {"security": {"card_storage": "us", "card_pci": "yes"}, "print_mail": {"stores_cards": False}},
     "we keep the card details in our own systems"),
    ("uploaded artwork used unless the customer opts out",
     {"print_mail": {"artwork_marketing": "opt_out"}},
     "unless you tell us not to"),
    ("card, device, location and usage data kiosk operators send",
     {"kiosks": {"operator_data": ["cards", "devices", "locations", "usage"]}},
     "payment card details, details of the devices its customers use"),
    ("partly controller, partly processor for the same data",
     {"client_data": {"own_purposes": "yes", "own_uses": "to bill the client and detect spam"}},
     "For those uses we decide how the information is used"),
    ("partners' promotions listed on the site",
     {"sharing": {"partner_promotions": True}},
     "We show offers from partner companies"),
    ("social plug-ins",
     {"cookies": {"social_plugins": True}},
     "the network can learn that you visited it"),
    ("separate Swiss and UK DPF certifications and the recourse body chosen",
     {"audience": {"regions": ["usa", "eu", "uk", "switzerland"], "eu_office": True,
                   "uk_office": True, "swiss_office": True},
      "international": {"transfer_tools": ["dpf"], "dpf_parts": ["uk", "swiss"],
                        "dpf_recourse": "other", "dpf_recourse_name": "VeraSafe",
                        "dpf_recourse_url": "https://verasafe.example/dpf"}},
     "the UK Extension to the EU-U.S. DPF and the Swiss-U.S. Data Privacy Framework"),
    ("profile pictures",
     {"collection": {"categories": ["contact", "account", "payment", "uploads"],
                     "profile_pictures": "users"}},
     "Other users of our services can see it"),
    ("how a merger would be announced",
     {"sharing": {"merger_notice": ["website", "email"]}},
     "we will tell you by a notice on our website and by an email to account holders"),
    ("kiosk still photos, no face geometry",
     {"kiosks": {"camera_capture": "photo", "photo_faces": "no"}},
     "We do not measure the faces in these photos"),
    ("an advertising purpose",
     {"use": {"purposes": ["provide", "legal", "advertising"]}},
     "To show you ads for our products on other websites and apps"),
    ("analytics cookies under the UK exemption, confirmed by the owner",
     {"audience": {"regions": ["usa", "uk"], "uk_office": False},
      "cookies": {"analytics": True, "session_recording": False, "advertising": False,
                  "settings_panel": "opt_out", "uk_analytics_only": "yes"}},
     "UK law lets us set them without asking you first"),
    ("session recordings (clicks, scrolling and mouse movement)",
     {"cookies": {"analytics": True, "session_recording": True}},
     "Our analytics tools also record your clicks, scrolling and mouse movement"),
    ("other users the person deals with (landlords who get applications)",
     {"sharing": {"counterparties": True, "counterparty_who": "landlords",
                  "counterparty_what": "your application"}},
     "When you deal with landlords through our service, we send them your application."),
    ("customer data sent to AI providers",
     {"data_practices": {"ai_providers": "yes", "ai_sent": "the text of support messages, to draft replies",
                         "ai_kept": "days", "ai_kept_days": 30, "ai_provider_training": "no"}},
     "They keep what we send for no more than 30 days"),
]


@pytest.mark.parametrize("practice,answers,phrase", PRACTICES, ids=[p[0] for p in PRACTICES])
def test_answering_a_practice_changes_the_policy(project: Project, practice: str,
                                                 answers: dict[str, dict[str, Any]],
                                                 phrase: str) -> None:
    assert phrase not in _text(_draft(project, {}))
    assert phrase in " ".join(_text(_draft(project, answers)).split())


# (question answered "I'm not sure", other answers it needs, the counsel requirement it raises)
UNSURE: list[tuple[str, dict[str, dict[str, Any]], str]] = [
    ("audience.us_states", {}, "review.unsure-us-states"),
    ("collection.staff_notice", {"collection": {"staff": True}}, "review.unsure-staff-notice"),
    ("sharing.partner_marketing", {}, "review.unsure-partner-marketing"),
    ("cookies.publisher_ads_targeted", {"cookies": {"publisher_ads": ["site"]}},
     "review.unsure-publisher-targeting"),
    ("cookies.client_pixels", {}, "review.unsure-client-pixels"),
    ("choices.email_tracking", {"choices": {"email_marketing": True}}, "review.unsure-email-tracking"),
    ("data_practices.ad_audiences_hashed", {}, "review.unsure-ad-audiences-hashed"),
    ("data_practices.ai_providers", {}, "review.unsure-ai-providers"),
    ("data_practices.ai_kept", {"data_practices": {"ai_providers": "yes", "ai_sent": "chats"}},
     "review.unsure-ai-kept"),
    ("data_practices.ai_provider_training",
     {"data_practices": {"ai_providers": "yes", "ai_sent": "chats"}}, "review.unsure-ai-provider-training"),
    ("retention.backups", {}, "review.unsure-backups"),
    ("security.card_storage", {}, "review.unsure-card-storage"),
    ("security.card_pci", {"security": {"card_storage": "us"}, "print_mail": {"stores_cards": False}},
     "review.unsure-card-pci"),
    ("kiosks.photo_faces", {"kiosks": {"camera_capture": "photo"}}, "review.unsure-photo-faces"),
    ("cookies.uk_analytics_only",
     {"audience": {"regions": ["usa", "uk"], "uk_office": False},
      "cookies": {"analytics": True, "session_recording": False, "advertising": False,
                  "settings_panel": "opt_out"}},
     "review.unsure-uk-analytics"),
]


@pytest.mark.parametrize("key,others,requirement", UNSURE, ids=[u[0] for u in UNSURE])
def test_not_sure_about_a_practice_asks_counsel(project: Project, key: str,
                                                others: dict[str, dict[str, Any]],
                                                requirement: str) -> None:
    section, question = key.split(".")
    answers = copy.deepcopy(others)
    answers.setdefault(section, {})[question] = "unsure"
    raised = {n.requirement for n in _draft(project, answers).notes if n.for_counsel}
    assert requirement in raised
    assert requirement not in {n.requirement for n in _draft(project, others).notes}


def test_not_sure_where_customers_live_applies_every_state_law(project: Project) -> None:
    """"Not sure" reads as all over the US (the conservative side): the same laws as choosing
    it, never fewer; a state with no privacy law of its own, such as Arizona, adds none."""
    def laws(us_states: Any) -> set[str]:
        draft = _draft(project, {"audience": {"us_states": us_states, "people": 500000,
                                              "residents_35k": None, "residents_25k": None}})
        return {c.id for c in draft.policy.clauses()}
    assert laws("unsure") == laws(["nationwide"])
    assert laws(["arizona"]) == laws(["elsewhere"])
    assert laws(["arizona"]) < laws("unsure")


def test_showing_targeted_ads_for_others_is_sharing(project: Project) -> None:
    """Ads for other companies picked by what the networks learn about readers are "sharing":
    no clause may then promise that nothing is shared for ads."""
    base = {"cookies": {"advertising": False}, "data_practices": {"ad_audiences": False},
            "sharing": {"catalog": ["aws", "stripe", "ups", "fedex"]}}
    quiet = _text(_draft(project, base))
    assert "we do not share it with other companies for them to advertise to you" in quiet
    targeted = copy.deepcopy(base)
    targeted["cookies"]["publisher_ads"] = ["site"]
    targeted["cookies"]["publisher_ads_targeted"] = "yes"
    text = " ".join(_text(_draft(project, targeted)).split())
    assert "we do not share it with other companies for them to advertise to you" not in text
    assert "choose ads based on your interests" in text
    # The ad networks' own tracking makes it sharing; the site sets no advertising cookies of
    # its own, so the policy must not say it does.
    assert "advertising cookies" not in text
    assert "the ad networks that place them choose ads using what they learn about you" in text


def test_not_sure_where_customers_live_asks_what_all_over_the_us_asks(project: Project) -> None:
    """The questions that depend on the states (Tennessee's 175,000 residents, Texas's text
    registration) are asked under "not sure" exactly as under "all over the US"."""
    def shown(us_states: Any) -> set[str]:
        return set(_answers(project, {"audience": {"us_states": us_states, "revenue": "over_26m",
                                                   "people": 500000},
                                      "choices": {"sms_marketing": True}}).shown())
    assert "audience.residents_175k" in shown(["nationwide"])
    assert "choices.texas_registration" in shown(["nationwide"])
    assert shown("unsure") == shown(["nationwide"])


# (answers, the reviewer note they raise where a law attaches to the practice)
NOTES: list[tuple[dict[str, dict[str, Any]], str]] = [
    ({"audience": {"revenue": "over_26m"}, "collection": {"staff": True, "staff_notice": "no"}},
     "ccpa.workforce-notice"),
    ({"data_practices": {"ai_providers": "yes", "ai_sent": "chats", "ai_provider_training": "yes"}},
     "ai.provider-training"),
    ({"security": {"card_storage": "us", "card_pci": "no"}, "print_mail": {"stores_cards": False}},
     "pci.stored-cards"),
    ({"audience": {"regions": ["usa", "eu"], "eu_office": True},
      "international": {"transfer_tools": ["sccs"]}, "retention": {"backups": "longer"}},
     "gdpr.backup-retention"),
    ({"kiosks": {"camera_capture": "photo", "photo_faces": "no"}}, "kiosk.photo-face-geometry"),
]


@pytest.mark.parametrize("answers,requirement", NOTES, ids=[n[1] for n in NOTES])
def test_a_practice_the_law_reaches_gets_its_note(project: Project,
                                                  answers: dict[str, dict[str, Any]],
                                                  requirement: str) -> None:
    assert requirement in {n.requirement for n in _draft(project, answers).notes}
    assert requirement not in {n.requirement for n in _draft(project, {}).notes}
