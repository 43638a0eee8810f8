"""No statement without an answer, browser trial 17 (Mesa Lockers: luggage lockers in Arizona,
New Mexico and Texas; Square for card payments at the locker only, Twilio for PIN texts only,
Microsoft 365 for staff email).

Its exported policy said Square took payments "in person and online" and Twilio handled "phone
calls" (no question asks either: the catalog may state only what choosing the vendor tells),
listed Microsoft 365 under "Email delivery", told the kiosk operator "what was sent or bought"
(no parcels), covered "the services we offer through" the website (nothing says any are), and
its translation note said a kept suggestion was "typed by the owner".
"""

from __future__ import annotations

import re
import shutil
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from drafter.answers import Answers
from drafter.assemble import assemble
from drafter.document.model import Draft
from drafter.project import Project
from drafter.review.answer_rules import condition_names
from drafter.vendor_wording import PRACTICES_FILE, load_practices, parts, wording_problems
from drafter.yamlio import dump_yaml, load_data
from tests.changed_answers import changed, clause_text

TODAY = date(2026, 12, 2)
MESA = Path(__file__).parent / "fixtures" / "browser17" / "answers.yaml"


def mesa(project: Project, **changes: Any) -> Answers:
    return changed(project, MESA, **changes)


def draft(project: Project, **changes: Any) -> Draft:
    return project.draft(mesa(project, **changes), today=TODAY)


def clause(result: Draft, clause_id: str) -> str:
    return clause_text(result.policy, clause_id)


def translated(project: Project, clause_id: str, lang: str, **changes: Any) -> str:
    return clause_text(assemble(mesa(project, **changes), project.library, lang), clause_id)


# 1. A catalog vendor's wording says only what choosing it tells, or what an answer gives.
# Uses no question asks, by the vendor kinds they would be claimed of: a claim of one in the
# catalog's unconditional wording is a statement resting on no answer.
UNASKED = {
    "payments": re.compile(r"\bonline\b|\bin[ -]person\b|\bpayouts?\b", re.IGNORECASE),
    "sms": re.compile(r"\bcalls?\b|\bvoice\b", re.IGNORECASE),
    "shipping": re.compile(r"\babroad\b|\binternational", re.IGNORECASE),
    # a purpose is one text, so it cannot rest on choices.email_marketing: it may not say it
    "crm": re.compile(r"\b(sales|marketing) emails?\b|\bnewsletters?\b", re.IGNORECASE),
}


def test_no_catalog_vendor_claims_a_use_no_question_asks(project: Project) -> None:
    vendors = load_data(project.library_root / "data" / "vendors.yaml").data
    claimed = [(vid, part.field, part.text) for vid, entry in vendors.items()
               if entry.get("category") in UNASKED for part in parts(vid, entry)
               if part.when is None and UNASKED[entry["category"]].search(str(part.text))]
    assert claimed == []


def test_lint_refuses_a_vendor_claiming_an_unasked_use(project: Project, tmp_path: Path) -> None:
    root = project.library_root
    (tmp_path / "data").mkdir()
    shutil.copy(root / PRACTICES_FILE, tmp_path / PRACTICES_FILE)
    vendors = load_data(root / "data" / "vendors.yaml").data
    # the entries as they were
    old = {"square": dict(vendors["square"],
                          purpose="processing card payments in person and online"),
           "twilio": dict(vendors["twilio"],
                          purpose="sending text messages and handling phone calls"),
           "paypal": dict(vendors["paypal"], purpose="taking payments and making payouts"),
           "hubspot": dict(vendors["hubspot"],
                           purpose="keeping customer records and sending sales emails"),
           "dhl": dict(vendors["dhl"], purpose="delivering parcels, including abroad")}
    (tmp_path / "data" / "vendors.yaml").write_text(dump_yaml(old))
    names = condition_names(project.questionnaire, project.library)
    found = [str(p) for p in wording_problems(tmp_path, names)]
    assert len(found) == 5, found
    for vid, problem in zip(("square", "twilio", "paypal", "hubspot", "dhl"), found):
        assert f"{vid}.purpose" in problem, problem
    assert all("no question asks" in p for p in found[:3] + found[4:]), found
    assert "choices.email_marketing" in found[3], found
    loaded = load_practices(root)
    assert loaded and any(p.when is None for p in loaded[1].values())


def test_mesa_vendor_lines_say_only_what_the_answers_give(project: Project) -> None:
    result = draft(project)
    text = clause(result, "sharing.service-providers")
    square = next(line for line in text.splitlines() if "[Square]" in line)
    twilio = next(line for line in text.splitlines() if "[Twilio]" in line)
    assert "online" not in square and "in person" not in square
    assert "calls" not in twilio
    # the group's heading names the kind of service, not a use ("Text messages and phone calls")
    heading = text.split("[Twilio]")[0].rsplit("\n*", 1)[1]
    assert "phone calls" not in heading and "services" in heading, heading
    spanish = translated(project, "sharing.service-providers", "es")
    assert "en línea" not in spanish and "llamadas telefónicas." not in spanish


# 2. Staff email and documents are not bulk email delivery.
def test_staff_email_is_not_listed_under_email_delivery(project: Project) -> None:
    text = clause(draft(project), "sharing.service-providers")
    heading = text.split("[Microsoft 365]")[0].rsplit("\n*", 1)[1]
    assert not heading.startswith("Email delivery"), heading
    vendors = load_data(project.library_root / "data" / "vendors.yaml").data
    delivery = {vid: v["purpose"] for vid, v in vendors.items() if v["category"] == "email"}
    assert all(re.match(r"(delivering|sending)\b", p) for p in delivery.values()), delivery


# 3. What the operator is told, and what the policy covers, follow the answers.
def test_operator_is_told_what_the_kiosk_records_not_parcels(project: Project) -> None:
    result = draft(project)
    text = clause(result, "sharing.kiosk-operators")
    assert "sent" not in text and "bought" not in text
    assert "for how much" in text  # kiosks.payments
    unpaid = clause(draft(project, kiosks__payments=False), "sharing.kiosk-operators")
    assert "for how much" not in unpaid and "how much" not in unpaid
    for lang, words in (("es", "envió"), ("fr-CA", "envoyé")):
        assert words not in translated(project, "sharing.kiosk-operators", lang)


@pytest.mark.parametrize("lang", ["en", "es", "fr-CA"])
def test_scope_claims_no_services_through_the_website(project: Project, lang: str) -> None:
    text = translated(project, "scope.what-it-covers", lang)
    assert text
    for words in ("through it", "a través de él", "par son intermédiaire"):
        assert words not in text


# 4. The translation note does not call every quoted answer typed.
def test_translation_note_does_not_say_typed(project: Project) -> None:
    result = draft(project)
    notes = [n.message for n in result.notes if "Spanish translation" in n.message]
    assert notes and "typed" not in notes[0], notes[0]
    # a kept suggestion ("the United States") is our words, printed in Spanish: not noted
    assert "the United States" not in notes[0]
