"""No statement without an answer, over new-user trial 17 in tmux (Sunrise Kiosk Co., photo-printing
kiosks with a photo-booth camera in Nevada, Arizona and Colorado).

Its exported policy said the camera images were used only against theft and fraud and shared
"only with the police" (the questions offered neither "the photos the customer orders" nor
the companies that print them), that every vendor's name links to its privacy policy (a
hand-typed one had none), offered "the operator of the kiosk" to a business with no operators,
listed one kind of kiosk user as a list, gave examples of contact and payment details no
answer named, said analytics companies follow visitors across other sites, and kept asking
for a kiosk-locations page the business may not have. Each test builds the trial's answers
(one changed where it says so) and looks for the sentence or the question."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from drafter.answers import Answers
from drafter.assemble import assemble
from drafter.document.model import Draft, Policy
from drafter.project import Project
from tests.changed_answers import DROP, changed, clause_text

TODAY = date(2026, 12, 1)
SUNRISE = Path(__file__).parent / "fixtures" / "trial17" / "sunrise-kiosk.yaml"


def sunrise(project: Project, **changes: Any) -> Answers:
    """The trial's answers, with `section__question=value` changed (DROP removes one)."""
    return changed(project, SUNRISE, **changes)


def draft(project: Project, language: str | None = None, **changes: Any) -> Draft | Policy:
    """The English draft, or the policy in `language` (its clauses are what is looked at)."""
    if language:
        return assemble(sunrise(project, **changes), project.library, language)
    return project.draft(sunrise(project, **changes), today=TODAY)


def clause(result: Draft | Policy, clause_id: str) -> str:
    policy = result.policy if isinstance(result, Draft) else result
    return clause_text(policy, clause_id)


# A. The camera takes the photos the customer buys, and a printer receives them
def test_camera_questions_offer_the_customers_photos_and_service_providers(
        project: Project) -> None:
    purposes = project.questionnaire.entry("kiosks.camera_purposes").question.options
    recipients = project.questionnaire.entry("kiosks.camera_recipients").question.options
    assert "service" in purposes and "providers" in recipients
    cameras = clause(draft(project, kiosks__camera_purposes=["service", "fraud"],
                           kiosks__camera_recipients=["providers", "police"]), "kiosks.cameras")
    assert "photos or videos you order" in cameras
    assert "companies that process them for us" in cameras
    assert "only with the police" not in cameras
    for language, words in (("es", "las fotos o los videos que usted encarga"),
                            ("fr-CA", "les photos ou les vidéos que vous commandez")):
        found = clause(draft(project, language, kiosks__camera_purposes=["service"],
                             kiosks__camera_recipients=["providers"]), "kiosks.cameras")
        assert words in found, language


def test_only_is_said_of_recipients_only_when_the_list_is_the_owners(project: Project) -> None:
    """"Only with the police" rests on the answer; left unanswered, the draft says nothing of
    who receives the images (and no "only")."""
    cameras = clause(draft(project, kiosks__camera_recipients=DROP), "kiosks.cameras")
    assert "only with" not in cameras


# C. "Each one's name links to its own privacy policy": only of those with a link
def test_links_are_claimed_only_for_vendors_that_have_one(project: Project) -> None:
    sharing = clause(draft(project), "sharing.service-providers")
    assert "Each one's name links" not in sharing
    assert "PhotoLab Supply Inc." in sharing
    linked = [{"name": "PhotoLab Supply Inc.", "purpose": "printing photos", "category": "print",
               "link": "https://photolab.example/privacy"}]
    assert "Each one's name links" in clause(draft(project, sharing__vendors=linked),
                                              "sharing.service-providers")
    for language, words in (("es", "enlaza con su propia"), ("fr-CA", "renvoie à sa propre")):
        assert words not in clause(draft(project, language), "sharing.service-providers")


# H. "The operator of the kiosk" is not offered where no operators run the kiosks
def test_operator_recipient_hidden_without_operators(project: Project) -> None:
    hidden = sunrise(project).hidden_options
    assert "operators" in hidden.get("kiosks.camera_recipients", [])
    assert "operators" not in sunrise(project, kiosks__operators=True).hidden_options.get(
        "kiosks.camera_recipients", [])


# I. One kind of kiosk user: a sentence, not a one-item list
def test_one_kind_of_kiosk_user_is_a_sentence(project: Project) -> None:
    for language in (None, "es", "fr-CA"):
        people = clause(draft(project, language), "scope.kiosk-people")
        assert people and "\n- " not in "\n" + people, (language, people)
    people = clause(draft(project), "scope.kiosk-people")
    assert "kiosk" in people
    with_operators = clause(draft(project, kiosks__operators=True), "scope.kiosk-people")
    assert "**Operators**" in with_operators and "**Users**" in with_operators


# J. Examples of contact and payment details only from answers
def test_category_examples_come_from_answers(project: Project) -> None:
    categories = clause(draft(project), "collection.categories")
    assert "billing address" not in categories and "postal address" not in categories
    assert "documents" not in categories and "lists you upload" not in categories
    assert "the last digits of your card number" in categories  # card_handling: processor
    assert "email address" in categories  # choices.email_marketing
    plain = clause(draft(project, kiosks__card_handling="our_systems",
                         choices__email_marketing=False), "collection.categories")
    assert "last digits" not in plain


# L. Tracking across other sites: only with advertising tools
def test_cross_site_tracking_rests_on_advertising(project: Project) -> None:
    tracking = clause(draft(project), "cookies.third-party-tracking")
    assert "other sites" not in tracking and "other companies" in tracking
    ads = clause(draft(project, cookies__advertising=True), "cookies.third-party-tracking")
    assert "other sites" in ads
    for language, words in (("es", "otros sitios"), ("fr-CA", "d’autres sites")):
        assert words not in clause(draft(project, language), "cookies.third-party-tracking")


# G. A kiosk-locations page is optional: no page, nothing left to answer, nothing said
def test_the_locations_page_is_optional(project: Project, tmp_path: Path) -> None:
    from drafter.editing import Session
    from drafter.standing import counted

    text = SUNRISE.read_text()
    assert "  locator_url: https://sunrisekiosk.com/locations\n" in text
    path = tmp_path / "answers.yaml"
    path.write_text(text.replace("  locator_url: https://sunrisekiosk.com/locations\n", ""))
    session = Session.open(project, path)
    assert "kiosks.locator_url" in session.visible()
    assert "kiosks.locator_url" not in counted(session)  # not "1 to answer"
    assert "list of kiosk locations" not in clause(
        draft(project, kiosks__locator_url=DROP), "kiosks.overview")


def test_nevada_section_claims_cross_site_words_only_where_the_policy_has_them(
        project: Project) -> None:
    """The Nevada section listed "whether others track you across sites" among what the
    policy says; with analytics alone the policy no longer says it (no answer gives it)."""
    assert "across sites" not in clause(draft(project), "nevada.sale")
    ads = draft(project, cookies__advertising=True)
    assert "across sites" in clause(ads, "nevada.sale")
    assert "other sites" in clause(ads, "cookies.third-party-tracking")
