"""Review notes on new-user trial 17 (Sunrise Kiosk Co., photo-printing kiosks with cameras in
Nevada, Arizona and Colorado only).

Every note must be right: the PCI note said the draft "does not mention" PCI DSS when its
security section did; the policy named "our payment processor" while the list of companies had
none and no note said so; the face-geometry advice spoke of matching a parcel "sender", and
the minors' duties note named Connecticut and Montana, which the business does not serve.
Each test builds the trial's answers (one changed where it says so) and reads the notes.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path
from typing import Any

from drafter.answers import Answers
from drafter.document.model import Note
from drafter.project import Project
from tests.changed_answers import changed

TODAY = date(2026, 12, 2)
SUNRISE = Path(__file__).parent / "fixtures" / "trial17-notes" / "sunrise-kiosk.yaml"


def sunrise(project: Project, **changes: Any) -> Answers:
    """The trial's answers, with `section__question=value` changed."""
    return changed(project, SUNRISE, **changes)


def notes(project: Project, **changes: Any) -> dict[str, Note]:
    """The notes by requirement or check id."""
    draft = project.draft(sunrise(project, **changes), TODAY)
    return {(n.requirement or n.check): n for n in draft.notes}


def policy_text(project: Project, **changes: Any) -> str:
    draft = project.draft(sunrise(project, **changes), TODAY)
    return "\n".join(c.markdown for c in draft.policy.clauses())


# B. The PCI note says what is unknown (the kiosk setup's validation), never that the draft is
# silent on the standard when the processor safeguard names it.
def test_pci_note_does_not_deny_what_the_draft_says(project: Project) -> None:
    assert "PCI Data Security Standard" in policy_text(project)
    note = notes(project)["review.unsure-pci"]
    assert "does not mention" not in note.message
    assert "validated" in note.message


# D. Card payments go to "our payment processor": the list of companies must name one.
def test_card_payments_without_a_payment_company_are_noted(project: Project) -> None:
    assert "our payment processor" in policy_text(project)
    found = notes(project)
    assert "answers.payments-without-processor" in found
    assert found["answers.payments-without-processor"].severity == "warning"
    listed = notes(project, sharing__catalog=["google_cloud", "stripe"])
    assert "answers.payments-without-processor" not in listed
    typed = notes(project, sharing__vendors=[
        {"name": "Kiosk Pay Ltd", "purpose": "takes card payments at the kiosks", "category": "payments"}])
    assert "answers.payments-without-processor" not in typed


# K. The face-geometry advice is a photo kiosk's, not a parcel locker's.
def test_face_geometry_advice_has_no_parcel_wording(project: Project) -> None:
    note = notes(project)["kiosk.photo-face-geometry"]
    assert "sender" not in note.message


US_STATES = ("California", "Connecticut", "Montana", "Colorado", "Virginia", "Texas", "Oregon",
             "Delaware", "Maryland", "New York", "Florida", "Utah", "Minnesota")


# K. The minors' duties note names only the states served whose law applies.
def test_minors_duties_note_names_only_states_served(project: Project) -> None:
    found = notes(project)
    assert "connecticut.minors-duties" not in found and "montana.minors-duties" not in found
    note = found["colorado.minors-duties"]
    assert "Colorado" in note.message
    assert "Connecticut" not in note.message and "Montana" not in note.message
    assert "Connecticut" not in note.cite and "Montana" not in note.cite


def test_no_note_names_a_state_law_the_answers_leave_out(project: Project) -> None:
    """The class: no note of the trial names a state that is neither served nor where a kiosk
    is, but for the biometric advice, which names the states whose laws define face geometry."""
    served = {"Nevada", "Arizona", "Colorado"}
    for key, note in notes(project).items():
        if key in ("kiosk.photo-face-geometry",):
            continue
        named = {s for s in US_STATES if s in note.message} - served
        assert not named, (key, named, note.message)


def _served_limited(answers: Answers) -> set[str] | None:
    """The states a business serves, when it names them (not nationwide, not unsure), with
    where its kiosks are; None when every state may be served."""
    served = answers.values.get("audience.us_states")
    if not isinstance(served, list) or "nationwide" in served or not served:
        return None
    kiosks = answers.values.get("kiosks.states")
    return set(served) | (set(kiosks) if isinstance(kiosks, list) else set())


# How a citation names a state without its name: its code's abbreviation (the note's cite is
# shown to counsel beside the message, so a statute of a state not served is as wrong there).
STATUTES = {"illinois": "ILCS", "texas": "Tex. ", "washington": "RCW ", "colorado": "C.R.S.",
            "california": "Cal. ", "connecticut": "Conn. Gen. Stat.", "virginia": "Va. Code",
            "oregon": "ORS ", "utah": "Utah Code", "new_york": "N.Y. ", "nevada": "NRS "}
# CalOPPA (Cal. Bus. & Prof. Code §§22575-22579) protects Californians who visit any US
# business's website, whichever states it serves: the catalog applies it under `law.us`.
CALOPPA = re.compile(r"Cal\. Bus\. & Prof\. Code §§?2257\d[^;]*;?\s*")

# Notes that may name a state the business does not serve, each with its reason.
BEYOND_SERVED = {"language.untranslated": "quotes the owner's own answers (a place they typed)"}


def _narrowed(project: Project, answers: Answers, states: list[str]) -> Answers:
    """`answers` serving only `states`, with no state ticked in a residents band (the app
    offers there only the states served: `options_from`'s `within`)."""
    values = {**answers.values, "audience.us_states": states}
    for key in values:
        if key.startswith("audience.residents_"):
            values[key] = ["none"]
    return Answers(project.questionnaire, values)


def test_notes_of_businesses_serving_named_states_name_no_other_state(project: Project) -> None:
    """The class: a note (its message or its cite) names no US state that the business does not
    serve. Over every example serving named states, this trial, and every US example narrowed
    to Nevada, to Arizona and Colorado, and to Utah (found so: the sensitive-data consent note
    named Virginia, Colorado and Connecticut to a Texas gym; the app-link advice California)."""
    from drafter.paths import examples

    names = project.library.data["us_states"]
    cases = [(name, project.answers(path)) for name, path in examples().items()]
    cases += [(f"{name} in {states}", _narrowed(project, answers, states))
              for name, answers in list(cases)
              if "usa" in (answers.values.get("audience.regions") or [])
              for states in (["nevada"], ["arizona", "colorado"], ["utah"])]
    cases.append(("trial17", sunrise(project)))
    # Revenue unanswered or "not sure": the notes saying what the draft assumes (they named
    # California, Utah and Tennessee to every business).
    for name, answers in list(cases[-4:]):
        for revenue in (None, "unsure"):
            values = {**answers.values, "audience.revenue": revenue}
            cases.append((f"{name}, revenue {revenue}",
                          Answers(project.questionnaire, values)))
    # The kiosk's face-geometry notes (not sure whether faces are measured; measured but no
    # biometrics ticked), in Nevada only.
    kiosk = project.answers(examples()["kiosk"])
    for faces, biometrics in (("unsure", ["face"]), ("yes", [])):
        varied = _narrowed(project, kiosk, ["nevada"]).values
        varied.update({"kiosks.states": ["nevada"], "kiosks.photo_faces": faces,
                       "kiosks.biometrics": biometrics})
        cases.append((f"kiosk photo faces {faces}", Answers(project.questionnaire, varied)))
    checked = 0
    wrong: list[str] = []
    for name, answers in cases:
        served = _served_limited(answers)
        if served is None:
            continue
        checked += 1
        for note in project.draft(answers, TODAY).notes:
            key = note.requirement or note.check
            if key in BEYOND_SERVED:
                continue
            text = f"{note.message} {note.cite or ''}"
            named = {state for state, label in names.items()
                     if state not in served
                     and (label in text or STATUTES.get(state, "\0") in CALOPPA.sub("", note.cite or ""))
                     and not (state == "virginia" and "West Virginia" in text)
                     and not (state == "washington" and "Washington, D.C." in text)}
            if named:
                wrong.append(f"{name}: {key} names {sorted(named)}")
    assert not wrong, "\n".join(sorted(set(wrong)))
    assert checked >= 30


def test_sensitive_consent_note_not_for_utahs_law_alone(project: Project) -> None:
    """Found by the class test's narrowing: the blocking consent note rested on any state law;
    Utah's (and Iowa's) ask only for notice and a chance to opt out. The answer check's silent
    example is a Utah-only store: Utah's law applies to it, so the example is not empty."""
    from drafter.assemble import template_context
    from drafter.paths import examples

    base = project.answers(examples()["california-store"])
    utah = Answers(project.questionnaire, {
        **base.values, "audience.regions": ["usa"], "audience.us_states": ["utah"],
        "audience.residents_100k": ["utah"], "collection.categories": ["contact", "health"]})
    law = template_context(utah, project.library)["law"]
    assert law.utah and law.other_states and law.sensitive
    assert not law.sensitive_consent_states
    checks = {n.check for n in project.draft(utah, TODAY).notes}
    assert "answers.sensitive-without-consent" not in checks
