"""Law through 2027 (issue 16, second part): Connecticut's PA 26-64, Colorado's biometric
duties for any controller, Montana's minors' duties, the Vermont and Nebraska design codes as
read, and a review rule that reads the policy's date (the UK regulator's new name)."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest

from drafter.answers import Answers
from drafter.assemble import template_context
from drafter.paths import examples
from drafter.review import Document, review_document
from drafter.review.document import markdown_blocks, read_document
from tests.conftest import real_project as project
from tests.test_law_2026 import clauses, context, dated, draft, notes

TODAY = date(2026, 12, 1)
CORPUS = Path(__file__).parent / "corpus" / "docs"
OLD_NAME = "You can complain to the Information Commissioner's Office at ico.org.uk."


def review_text(text: str, **options: Any) -> set[str | None]:
    document = Document(tuple(markdown_blocks(text)), "policy.md")
    return {n.check for n in review_document(document, project().library, today=TODAY,
                                             **options)}


def policy(day: str | None, sentence: str = OLD_NAME) -> str:
    header = f"Last updated: {day}\n\n" if day else ""
    return f"# Privacy policy\n\n{header}We bake bread in Leeds. {sentence}\n"


# --- a review rule that reads the policy's date ---

@pytest.mark.parametrize(("day", "fires"), [
    ("October 5, 2026", True), ("30 September 2026", True), ("2027-01-04", True),
    ("September 29, 2026", False), ("March 1, 2024", False), (None, False)])
def test_the_old_uk_regulator_name_is_noted_only_on_a_policy_dated_after_the_change(
        day: str | None, fires: bool) -> None:
    """From 30 Sep 2026 the UK regulator is the Information Commission (DUAA 2025 ss.
    117-119). A policy whose stated date is on or after that day and still names the
    Information Commissioner's Office gets advice; one dated earlier, or undated (nothing
    says it was written after the change), gets none."""
    assert ("outdated.uk-commissioner" in review_text(policy(day))) is fires


@pytest.mark.parametrize("sentence", [
    "Complain to the Information Commission (formerly the Information Commissioner's Office).",
    "Complain to the Information Commission, which replaced the Information Commissioner's "
    "Office.",
    "Complain to the ICO at ico.org.uk.",
    "Swiss users may complain to the Federal Data Protection and Information Commissioner.",
    "Jersey users may complain to the Jersey Office of the Information Commissioner."])
def test_the_new_name_or_another_regulator_is_no_old_name(sentence: str) -> None:
    assert "outdated.uk-commissioner" not in review_text(policy("October 5, 2026", sentence))


def test_the_note_is_advice_that_counsel_verifies() -> None:
    document = Document(tuple(markdown_blocks(policy("October 5, 2026"))), "policy.md")
    (note,) = [n for n in review_document(document, project().library, today=TODAY)
               if n.check == "outdated.uk-commissioner"]
    assert note.severity == "advice" and note.verify
    assert "Information Commission" in note.message and "2026" in (note.cite or "")


def test_with_answers_the_rule_reads_the_answers_date_not_the_text() -> None:
    """A review with answers reads their effective date (`policy.effective_date`), as every
    condition does: counsel's edited draft naming the old office is noted when the answers
    date the policy after the change, whatever (or whether) the text states."""
    base = project().answers(examples()["uk-bakery"])
    for day, fires in (("2026-11-24", True), ("2026-09-29", False)):
        answers = Answers(project().questionnaire,
                          {**base.values, "policy.effective_date": date.fromisoformat(day)})
        found = review_text(policy(None), answers=answers)
        assert ("outdated.uk-commissioner" in found) is fires, day


def test_the_rule_and_the_law_start_on_the_same_day() -> None:
    """The rule's condition repeats `law.uk_commission`'s start date: keep them equal."""
    rules = {c.rule.id: c.rule for c in project().library.review_rules.patterns}
    law = {d.name: d for d in project().library.laws}["uk_commission"]
    assert law.in_force is not None
    assert f"'{law.in_force.isoformat()}'" in (rules["outdated.uk-commissioner"].when or "")


def test_no_false_alarm_on_the_corpus_of_real_policies() -> None:
    """Two real policies name the office (GitHub's, 2024 and 2026 copies); both state an
    effective date of 1 February 2024, so neither gets the note."""
    naming = [p for p in sorted(CORPUS.iterdir())
              if "Commissioner\u2019s Office" in p.read_text(encoding="utf-8", errors="replace")
              or "Commissioner's Office" in p.read_text(encoding="utf-8", errors="replace")]
    assert len(naming) == 2
    for path in naming:
        found = review_document(read_document(path), project().library, today=TODAY)
        assert "outdated.uk-commissioner" not in {n.check for n in found}, path.name


# --- Connecticut PA 26-64 (SB 4, 2026) ---

def test_connecticut_bars_selling_precise_location_from_october_2026() -> None:
    """The parking app sells exact location with consent; it serves Hartford. From 1 Oct 2026
    Connecticut bars the sale (a warning: the Act's exceptions were not read)."""
    assert notes(draft("texas-parking"))["connecticut.no-location-sale"] == "warning"
    assert "connecticut.no-location-sale" not in notes(draft("texas-parking",
                                                            **dated("2026-09-30")))
    assert "connecticut.no-location-sale" not in notes(draft(
        "texas-parking", **{"audience.us_states": ["texas"]}))
    entry = project().library.requirements["connecticut.no-location-sale"].requirement
    assert entry.in_force == date(2026, 10, 1) and isinstance(entry.verify, str)


def test_a_connecticut_business_that_sells_no_location_says_the_law_forbids_it() -> None:
    only_ct = {"audience.us_states": ["connecticut"], "sharing.sells": "no"}
    text = clauses(draft("texas-parking", **only_ct))["us-states.precise-location"]
    assert text.endswith("We do not sell your precise location. Connecticut law forbids it.")
    assert "us-states.precise-location" not in clauses(draft("texas-parking", **only_ct,
                                                             **dated("2026-09-30")))
    # Oregon's law, where it applies too, is the one named (as before)
    oregon = clauses(draft("oregon-store"))["us-states.precise-location"]
    assert context("oregon-store")["law"].connecticut_location and "Oregon law" in oregon


def test_selling_data_of_connecticut_residents_asks_about_broker_registration_from_2027() -> None:
    """PA 26-64's data broker registration (from 1 Jan 2027): advice for counsel on a policy
    dated from then, for a business that sells data of people in Connecticut."""
    assert notes(draft("texas-parking"))["connecticut.data-broker"] == "advice"
    assert "connecticut.data-broker" not in notes(draft("texas-parking", **dated("2026-12-31")))
    assert "connecticut.data-broker" not in notes(draft(
        "texas-parking", **{"audience.us_states": ["texas"]}))
    assert "connecticut.data-broker" not in notes(draft(
        "texas-parking", **{"audience.glba": "yes"}))


def test_connecticut_profiling_rights_of_2026_are_advice_for_counsel() -> None:
    assert notes(draft("rental-marketplace"))["connecticut.profiling-2026"] == "advice"
    assert "connecticut.profiling-2026" not in notes(draft(
        "rental-marketplace", **{"data_practices.automated_decisions": "no"}))
    assert "connecticut.profiling-2026" not in notes(draft("rental-marketplace",
                                                          **dated("2026-09-30")))


# --- Colorado's biometric duties (HB 24-1130) ---

def test_colorado_biometric_duties_reach_a_business_under_the_act_thresholds() -> None:
    law = context("colorado-gym")["law"]
    assert law.colorado_biometric and not law.colorado and not law.other_states
    d = draft("colorado-gym")
    text = clauses(d)["us-states.biometric-policy"]
    assert "https://flatironsbouldering.example/biometric-policy" in text
    assert "Colorado law" in text and "colorado.biometric-policy" not in notes(d)
    assert notes(d)["colorado.biometric-consent"] == "warning"
    assert "colorado.biometric-consent" not in notes(draft(
        "colorado-gym", **{"data_practices.sensitive_consent": True}))


def test_colorado_biometric_duties_start_on_1_july_2025_and_need_colorado() -> None:
    assert not context("colorado-gym", **dated("2025-06-30"))["law"].colorado_biometric
    elsewhere = {"audience.us_states": ["utah"]}
    assert not context("colorado-gym", **elsewhere)["law"].colorado_biometric
    base = project().answers(examples()["colorado-gym"])
    moved = Answers(project().questionnaire, {**base.values, **elsewhere})
    assert "data_practices.biometric_policy_url" not in moved.shown()
    assert "data_practices.biometric_policy_url" in base.shown()


def test_without_the_published_biometric_policy_the_draft_blocks() -> None:
    d = draft("colorado-gym", **{"data_practices.biometric_policy_url": None})
    assert notes(d)["colorado.biometric-policy"] == "blocking"
    assert "us-states.biometric-policy" not in clauses(d)


def test_a_kiosk_business_meets_colorado_with_its_own_biometric_policy() -> None:
    """The kiosk operator serves Coloradans (nationwide) and its kiosks read faces: its policy
    holds the written biometric policy (kiosks.biometrics), which meets the kiosk module's
    Colorado requirement; the general one and its question are not for kiosk businesses."""
    assert context("kiosk")["law"].colorado_biometric
    d = draft("kiosk")
    assert "co.biometric-policy" not in notes(d) and "kiosks.biometrics" in clauses(d)
    assert "data_practices.biometric_policy_url" not in project().answers(
        examples()["kiosk"]).shown()


# --- Montana's minors' duties (SB 297) ---

def test_montana_minors_duties_reach_a_small_business_from_october_2025() -> None:
    montana = {"audience.us_states": ["montana"]}
    law = context("vermont-kids", **montana)["law"]
    assert law.montana_minors and not law.montana and law.minors_states
    assert not context("vermont-kids", **montana, **dated("2025-09-30"))["law"].montana_minors
    assert not context("vermont-kids", **montana,
                       **{"children.under_13": "no", "children.under_16": "no",
                          "children.under_18": "no"})["law"].montana_minors
    d = draft("vermont-kids", **montana)
    assert notes(d)["montana.minors-duties"] == "warning"
    note = next(n for n in d.notes if n.requirement == "montana.minors-duties")
    assert "Montana" in note.message and "Mont. Code" in (note.cite or "")


# --- Vermont's and Nebraska's design codes, as read ---

def test_vermont_design_code_has_no_small_business_exclusion_but_excludes_glba_entities() -> None:
    """9 V.S.A. §2449b as enacted: government, HIPAA data, research, journalism and
    Gramm-Leach-Bliley financial institutions; no small-business exclusion."""
    assert context("vermont-kids")["law"].vermont_design  # 9,000 people, under $25 million
    assert not context("vermont-kids", **{"audience.glba": "yes"})["law"].vermont_design
    note = next(n for n in draft("vermont-kids").notes if n.requirement == "vermont.design-code")
    assert "no small-business exclusion" in note.message and "§2449b" in (note.cite or "")


def test_nebraska_design_code_note_names_the_duties_read() -> None:
    note = next(n for n in draft("nebraska-weather").notes
                if n.requirement == "nebraska.design-code")
    assert "§§87-1304 to 87-1306" in (note.cite or "") and "school hours" in note.message


def test_a_requirement_may_give_the_reason_to_verify() -> None:
    """`verify: "reason"` (what was not read) marks the note to verify, as `verify: true`."""
    catalog = project().library.requirements
    reasons = {rid for rid, e in catalog.items() if isinstance(e.requirement.verify, str)}
    assert {"connecticut.no-location-sale", "colorado.biometric-policy",
            "montana.minors-sale"} <= reasons
    note = next(n for n in draft("texas-parking").notes
                if n.requirement == "connecticut.no-location-sale")
    assert note.verify is True


@pytest.mark.parametrize("states", [["colorado"], ["nationwide"], "unsure", ["utah"],
                                    ["colorado", "utah"]])
@pytest.mark.parametrize("changes", [
    {}, {"collection.categories": ["contact"]}, {"business.kinds": ["kiosks"]},
    {"audience.regions": ["eu"]}, dated("2025-06-30"), dated("2025-07-01")])
def test_the_biometric_policy_address_is_asked_exactly_where_the_draft_links_it(
        states: Any, changes: dict[str, Any]) -> None:
    """As the health policy's address: a required question asked only where a law makes the
    draft link the answer (law.colorado_biometric, outside kiosk businesses, whose policy
    holds the biometric policy itself)."""
    base = project().answers(examples()["colorado-gym"]).values
    answers = Answers(project().questionnaire, {**base, "audience.us_states": states, **changes})
    context = template_context(answers, project().library)
    linked = bool(context["law"].colorado_biometric) \
        and "kiosks" not in (context["business"].kinds or [])
    assert ("data_practices.biometric_policy_url" in answers.shown()) == linked


def test_the_biometric_question_and_the_law_start_on_the_same_day() -> None:
    law = {d.name: d for d in project().library.laws}["colorado_biometric"]
    question = project().questionnaire.entry("data_practices.biometric_policy_url").question
    assert law.in_force is not None and f"'{law.in_force.isoformat()}'" in (question.when or "")


@pytest.mark.parametrize(("lang", "said"), [("es", "La ley de Connecticut lo prohíbe."),
                                            ("fr-CA", "La loi du Connecticut l’interdit.")])
def test_the_connecticut_location_sentence_is_translated(lang: str, said: str) -> None:
    from drafter.i18n.catalog import catalog
    from drafter.promises import recording, tidy
    from drafter.i18n.locale_text import in_locale
    from drafter.templating import answer_context

    library = project().library
    found = catalog(library)
    base = project().answers(examples()["texas-parking"])
    answers = Answers(project().questionnaire, {
        **base.values, "audience.us_states": ["connecticut"], "sharing.sells": "no"})
    english = template_context(answers, library)
    context = {**english,
               "data": answer_context({"data": found.data_for(lang, library.data)})["data"]}
    translation = found.clauses[("us-states.precise-location", lang)]
    with recording(), in_locale(found.languages[lang].locale):
        assert tidy(translation.template.render(context)).endswith(said)
