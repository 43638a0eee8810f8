"""No statement without an answer: kiosks, client data, messaging, print and mail, marketplace
and marketing texts (issue 11, "What was found" 1 and Build 1 and 6).

Each finding is reproduced from an example's answers with one answer changed: the sentence an
answer never granted must not appear, and when the owner does give the answer, the sentence
appears as a promise that names it.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from drafter.paths import examples
from drafter.project import Project
from drafter.document.model import Draft
from tests.changed_answers import DROP
from tests.test_answer_checks import answers

TODAY = date(2026, 12, 1)
MINE = ("kiosks.", "client-data.", "messaging.", "print-mail.", "marketplace.",
        "choice.marketing-sms")
DELETE = DROP  # remove the answer, as if the owner never gave it


def draft(project: Project, example: str, **changes: Any) -> Draft:
    """The example's draft with answers changed (`kiosks__payments=True`; DELETE removes one),
    every required answer still given."""
    return project.draft(answers(project, example, complete=True, **changes), today=TODAY)


def clause(result: Draft, clause_id: str) -> str:
    found = [c.markdown for c in result.policy.clauses() if c.id == clause_id]
    return found[0] if found else ""


def promises(result: Draft, clause_id: str) -> list[tuple[str, tuple[str, ...]]]:
    return [(p.text, p.basis) for c in result.policy.clauses() if c.id == clause_id
            for p in c.promises]


def policy_text(result: Draft) -> str:
    return "\n\n".join(c.markdown for c in result.policy.clauses())


# --- The class: every commitment in these clauses rests on an answer the owner gave ---

@pytest.mark.parametrize("example", sorted(examples()))
def test_no_unbacked_or_default_promise_in_these_clauses(project: Project, example: str) -> None:
    result = draft(project, example)
    loose = [(n.check, n.anchor, n.excerpt) for n in result.notes
             if n.check.startswith("promise") and (n.anchor or "").startswith(MINE)]
    assert loose == []


def test_no_number_these_clauses_print_comes_from_a_default(project: Project) -> None:
    """A day, hour or digit count in these clauses is the owner's answer or nothing."""
    numbers = ["kiosks.receipt_digits", "kiosks.video_days", "kiosks.biometric_days",
               "client_data.forward_days", "client_data.delete_days", "client_data.breach_hours",
               "email_platform.opt_out_days", "print_mail.list_delete_days"]
    questions = {f"{s.id}.{q.id}": q for s in project.questionnaire.sections for q in s.questions}
    assert {key: questions[key].default for key in numbers} == dict.fromkeys(numbers)


# --- Messaging: "our terms forbid bought or rented lists" ---

def test_bought_lists_are_forbidden_only_when_the_owner_says_so(project: Project) -> None:
    unanswered = clause(draft(project, "email-platform", email_platform__list_rules=DELETE),
                        "messaging.contact-lists")
    assert "forbid" not in unanswered and "abuse" not in unanswered
    answered = draft(project, "email-platform", email_platform__list_rules=["no_bought_lists"])
    assert ("Our terms forbid bought or rented lists.", ("email_platform.list_rules",)) in \
        promises(answered, "messaging.contact-lists")


def test_never_selling_client_contacts_needs_the_owners_word(project: Project) -> None:
    result = draft(project, "email-platform", client_data__own_purposes=DELETE)
    for clause_id in ("messaging.contact-lists", "messaging.sms", "messaging.unsubscribes",
                      "client-data.role"):
        assert "never" not in clause(result, clause_id).replace("never its", "")
        assert "We do not share" not in clause(result, clause_id)


# --- Client data: "within 72 hours", "deletion after 30 days", forwarding days ---

def test_breach_notice_hours_come_only_from_an_answer(project: Project) -> None:
    text = clause(draft(project, "chat-saas", client_data__breach_hours=DELETE),
                  "client-data.breach")
    assert "hour" not in text and "72" not in text
    assert "require us to tell the affected clients" in text
    result = draft(project, "chat-saas", client_data__breach_hours=24)
    [(said, basis)] = promises(result, "client-data.breach")
    assert "within 24 hours at most" in said and basis == ("client_data.breach_hours",)


def test_deletion_days_come_only_from_an_answer(project: Project) -> None:
    text = clause(draft(project, "chat-saas", client_data__delete_days=DELETE),
                  "client-data.retention")
    assert "30" not in text and "days" not in text
    assert "set by our agreement with that client" in text
    result = draft(project, "chat-saas", client_data__delete_days=90)
    assert any("within 90 days" in t and b == ("client_data.delete_days",)
               for t, b in promises(result, "client-data.retention"))


def test_forwarding_days_come_only_from_an_answer(project: Project) -> None:
    text = clause(draft(project, "chat-saas", client_data__forward_days=DELETE),
                  "client-data.requests")
    assert "within five days" not in text and "We will pass" not in text


# --- Kiosks: receipt digits, card handling, operators, cameras ---

def test_receipt_digits_come_from_an_answer_or_the_law(project: Project) -> None:
    text = clause(draft(project, "kiosk", kiosks__receipt_digits=DELETE), "kiosks.card-payments")
    assert "four" not in text
    assert "Federal law lets a receipt printed at a kiosk show no more than the last five" in text
    result = draft(project, "kiosk", kiosks__receipt_digits=3)
    assert any("last three digits" in t and b == ("kiosks.receipt_digits",)
               for t, b in promises(result, "kiosks.card-payments"))


@pytest.mark.parametrize("handling", [DELETE, "unsure", "our_systems"])
def test_card_encryption_is_claimed_only_from_the_card_handling_answer(
        project: Project, handling: object) -> None:
    text = clause(draft(project, "kiosk", kiosks__card_handling=handling),
                  "kiosks.card-payments")
    card = text.split("\n\n")[0]  # the receipts paragraph rests on receipt_digits
    assert card.startswith("**Paying by card.**")
    assert "encrypt" not in card and "never" not in card and "four" not in card


def test_card_encryption_rests_on_the_card_handling_answer(project: Project) -> None:
    result = draft(project, "kiosk", kiosks__card_handling="processor")
    assert any("encrypts your card details" in t and "We never see or store" in t
               and b == ("kiosks.card_handling",)
               for t, b in promises(result, "kiosks.card-payments"))


@pytest.mark.parametrize("empty", [DELETE, []])
def test_an_empty_operator_data_answer_says_operators_send_nothing(
        project: Project, empty: object) -> None:
    result = draft(project, "kiosk", kiosks__operator_data=empty)
    text = policy_text(result)
    assert "operator may send us" not in text and "Their operator may send us" not in text
    assert "Information operators send us" not in text
    assert "**Customers**" not in text


@pytest.mark.parametrize(("capture", "said", "unsaid"), [
    ("photo", "take a still photo of the person using the kiosk", "video"),
    ("video", "record video of the area in front of them", "still photo"),
    (DELETE, "cameras that can capture images of people using them", "record"),
])
def test_camera_text_follows_what_the_cameras_capture(
        project: Project, capture: object, said: str, unsaid: str) -> None:
    text = clause(draft(project, "kiosk", kiosks__camera_capture=capture), "kiosks.cameras")
    assert said in text and unsaid not in text


def test_camera_images_go_only_to_the_recipients_the_owner_named(project: Project) -> None:
    none = clause(draft(project, "kiosk", kiosks__camera_recipients=DELETE), "kiosks.cameras")
    assert "operator of the kiosk" not in none and "share" not in none
    police = draft(project, "kiosk", kiosks__camera_recipients=["police"])
    assert "operator of the kiosk" not in clause(police, "kiosks.cameras")
    both = draft(project, "kiosk", kiosks__camera_recipients=["operators", "police"])
    assert any("the operator of the kiosk" in t and b == ("kiosks.camera_recipients",)
               for t, b in promises(both, "kiosks.cameras"))


def test_camera_retention_days_come_only_from_an_answer(project: Project) -> None:
    text = clause(draft(project, "kiosk", kiosks__video_days=DELETE), "kiosks.cameras")
    assert "days" not in text


def test_an_unanswered_zip_code_question_promises_nothing(project: Project) -> None:
    result = draft(project, "kiosk", kiosks__zip_code=DELETE)
    assert clause(result, "kiosks.zip-codes") == ""


def test_an_unanswered_id_kept_question_claims_no_kept_image(project: Project) -> None:
    text = clause(draft(project, "kiosk", kiosks__id_kept=DELETE), "kiosks.id-scans")
    assert "image" not in text and "keep" not in text


# --- Texas SB 140: marketing texts are telephone solicitations from 1 Sep 2025 ---

TEXAS_HOURS = "between 9 a.m. and 9 p.m. on Monday to Saturday and between noon and 9 p.m."


def test_texas_texting_hours_are_promised_under_the_law_where_texans_are_served(
        project: Project) -> None:
    nationwide = draft(project, "email-platform")
    assert any(TEXAS_HOURS in t and b == ("law.texas_texts",)
               for t, b in promises(nationwide, "choice.marketing-sms"))
    assert TEXAS_HOURS in clause(nationwide, "messaging.sms")
    california_only = draft(project, "california-store")
    assert "Texas" not in clause(california_only, "choice.marketing-sms")


def registration_notes(result: Draft) -> list[tuple[str, str]]:
    return [(n.requirement or "", n.severity) for n in result.notes
            if (n.requirement or "").startswith("texas.sms-")]


@pytest.mark.parametrize(("answer", "expected"), [
    (DELETE, [("texas.sms-registration-unanswered", "warning")]),  # the owner's to answer
    ("unsure", [("texas.sms-registration", "blocking")]),  # a question for counsel: blocks publishing
    ("not_registered", [("texas.sms-not-registered", "blocking")]),
    ("registered", []),
    ("exempt", []),
])
def test_counsel_hears_about_texas_registration_until_it_is_answered(
        project: Project, answer: object, expected: list[tuple[str, str]]) -> None:
    result = draft(project, "email-platform", choices__texas_registration=answer)
    assert registration_notes(result) == expected


def test_no_texas_registration_note_without_texans_or_texts(project: Project) -> None:
    assert registration_notes(draft(project, "california-store")) == []
    assert registration_notes(draft(project, "kiosk")) == []
