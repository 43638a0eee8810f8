"""No statement without an answer, over new-user trial 22 (Corner Print & Ship LLC, print-and-mail
services and print kiosks in Ohio, Michigan and Illinois).

Its exported policy said Mailchimp receives email opens and clicks while the owner was not sure
the emails record either (beside a note saying the draft did not say so), where kiosk card
details go while not sure of that either, that information is handled in the United States
beside hosts and processors handling it "in the United States and other countries", that
artwork "stays yours" and NCOALink's exceptions and licence terms no answer gave, told
customers what rights they must have, listed Google Analytics' "rough location" while no
location was collected, and a note promised a sentence about under-16s that the draft did not
have. `drafter review` without answers said "0 blocking" of a file carrying seven blocking
notes. Each test builds the trial's answers (one changed where it says so)."""

from __future__ import annotations

import subprocess
import sys
from datetime import date
from pathlib import Path
from typing import Any

from drafter.answers import Answers
from drafter.assemble import assemble
from drafter.document.model import Draft, Policy
from drafter.project import Project
from tests.changed_answers import changed, clause_text

TODAY = date(2026, 12, 3)
CORNER = Path(__file__).parent / "fixtures" / "trial22" / "corner-print.yaml"
LANGUAGES = (None, "es", "fr-CA")


def corner(project: Project, **changes: Any) -> Answers:
    return changed(project, CORNER, **changes)


def draft(project: Project, language: str | None = None, **changes: Any) -> Draft | Policy:
    if language:
        return assemble(corner(project, **changes), project.library, language)
    return project.draft(corner(project, **changes), today=TODAY)


def clause(result: Draft | Policy, clause_id: str) -> str:
    policy = result.policy if isinstance(result, Draft) else result
    return clause_text(policy, clause_id)


def notes(project: Project, **changes: Any) -> dict[str, str]:
    made = draft(project, **changes)
    assert isinstance(made, Draft)
    return {n.requirement or n.check: " ".join(n.message.split()) for n in made.notes}


# 1. Not sure whether emails record opens or clicks: no vendor line says they do
def test_unsure_email_tracking_is_not_a_vendor_statement(project: Project) -> None:
    words = {None: ("email opens", "clicks"), "es": ("aperturas", "clics"),
             "fr-CA": ("ouvertures", "clics")}
    for language in LANGUAGES:
        sharing = clause(draft(project, language), "sharing.service-providers")
        assert "Mailchimp" in sharing
        for word in words[language]:
            assert word not in sharing, (language, word)
    said = clause(draft(project, choices__email_tracking=["opens", "clicks"]),
                  "sharing.service-providers")
    assert "email opens" in said and "clicks on links" in said
    assert "does not say whether marketing emails record opens or clicks" in \
        notes(project)["review.unsure-email-tracking"]


# 2. Not sure how card details are handled: where they go is not said
def test_unsure_card_handling_says_nothing_of_where_card_details_go(project: Project) -> None:
    for language, words in ((None, "payment processor"), ("es", "procesador"),
                            ("fr-CA", "fournisseur de traitement")):
        cards = clause(draft(project, language), "kiosks.card-payments")
        assert cards and words not in cards, (language, cards)
    assert "straight to the processor" in clause(
        draft(project, kiosks__card_handling="processor"), "kiosks.card-payments")
    assert "where card details go" in notes(project)["review.unsure-card-handling"]


# 3. Where information is handled agrees with the companies listed
def test_location_names_the_companies_that_handle_it_elsewhere(project: Project) -> None:
    where = clause(draft(project), "international.location")
    assert "Google Cloud, Stripe, Square and Google Analytics also handle it in other places" \
        in where, where
    assert "Mailchimp (Intuit) also" not in where and "USPS (United States Postal Service) also" \
        not in where
    only_us = clause(draft(project, sharing__catalog=["mailchimp", "usps"]),
                     "international.location")
    assert "other places" not in only_us
    for language, words in (("es", "en otros lugares"), ("fr-CA", "à d’autres endroits")):
        assert words in clause(draft(project, language), "international.location"), language


# 4. The print-and-mail module states only what the answers give
def test_print_mail_says_only_what_was_answered(project: Project) -> None:
    text = {language: "\n".join(clause(draft(project, language), c) for c in (
        "print-mail.address-lists", "print-mail.ncoa", "print-mail.artwork"))
        for language in LANGUAGES}
    for phrase in ("stays yours", "upload or create", "Current Resident", "licence requires",
                   "right to use every address"):
        assert phrase not in text[None], phrase
    for phrase in ("sigue siendo suyo", "sube o crea", "Current Resident", "exige la licencia",
                   "derecho a usar cada"):
        assert phrase not in text["es"], phrase
    for phrase in ("demeurent les vôtres", "téléversez ou créez", "Current Resident",
                   "l’exige la licence", "droit d’utiliser chaque"):
        assert phrase not in text["fr-CA"], phrase
    assert "NCOALink" in text[None] and "We do not add it to any other list" in text[None]


# 5. What a chosen company receives is among what is collected, or a note says so
def test_vendor_data_not_collected_is_noted(project: Project) -> None:
    found = notes(project)
    assert "General location" in found.get("answers.vendor-data-not-collected", ""), found
    listed = corner(project).values["collection.categories"] + ["approximate_location"]
    assert "answers.vendor-data-not-collected" not in notes(
        project, collection__categories=listed)


# 6. The under-16 note speaks of a promise only where the draft makes it
def test_unsure_under_16_note_matches_the_draft(project: Project) -> None:
    found = notes(project)
    assert "review.unsure-under-16" not in found
    note = found["review.unsure-under-16-no-sale"]
    assert "sign-up" not in note and "sell" not in note
    assert "under 16" not in clause(draft(project), "children.minors")


# 7. Contracts that do not limit providers: a note wherever a law requires such contracts
def test_provider_contracts_note_follows_the_laws_that_apply(project: Project) -> None:
    assert "answers.provider-contracts-missing" not in notes(project)  # no such law in OH/MI/IL
    california = notes(project, audience__us_states=["ohio", "california"],
                       audience__revenue="over_26m")
    assert "answers.provider-contracts-missing" in california


# 8. A review without answers says it did not check the notes the file carries
def test_review_without_answers_names_the_notes_it_did_not_check(
        project: Project, tmp_path: Path) -> None:
    built = subprocess.run([sys.executable, "-m", "drafter", "build", str(CORNER), "-o",
                            str(tmp_path), "--format", "md"], capture_output=True, text=True)
    assert built.returncode == 0, built.stderr
    policy = next(tmp_path.rglob("privacy-policy.md"))
    assert "<!-- reviewer-notes -->" in policy.read_text()
    run = subprocess.run([sys.executable, "-m", "drafter", "review", str(policy)],
                         capture_output=True, text=True)
    assert "0 blocking" in run.stdout
    assert "reviewer note(s) the file carries" in run.stderr
    assert "pass --answers" in run.stderr
