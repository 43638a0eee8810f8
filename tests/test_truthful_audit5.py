"""No statement without an answer, second pass over new-user trial 16 (Harbor Lockers, a kiosk
operator in Oregon, Washington and California).

Its exported policy still said things no answer gave: disclosures to protect people, sharing
"with your permission", how requests are checked and who may make them, the questions used to
decide how long to keep things, backups "overwritten", a "last updated" date, what is collected
about operators, refunds, legal claims holding camera video, deleting a child's information,
places for a hand-added vendor, chat messages and tax records. Each test builds the trial's
answers (one changed where it says so) and looks for the sentence, and for the answer (or the
law, or the default the owner must confirm, in the promises ledger) behind it.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from drafter.answers import Answers, validate_answers
from drafter.document.model import Draft
from drafter.project import Project
from drafter.yamlio import parse_yaml
from tests.changed_answers import DROP, changed, clause_text

TODAY = date(2026, 12, 1)
HARBOR = Path(__file__).parent / "fixtures" / "trial16" / "harbor-lockers.yaml"


def harbor(project: Project, **changes: Any) -> Answers:
    """The trial's answers, with `section__question=value` changed (DROP removes one)."""
    return changed(project, HARBOR, **changes)


def draft(project: Project, **changes: Any) -> Draft:
    return project.draft(harbor(project, **changes), today=TODAY)


def clause(result: Draft, clause_id: str) -> str:
    return clause_text(result.policy, clause_id)


def ledger_row(result: Draft, words: str):
    rows = [row for row in result.promises or () if words in row.markdown]
    assert rows, words
    return rows[0]


# 1. Disclosures to protect people: only when the owner says so
def test_protective_disclosures_rest_on_an_answer(project: Project) -> None:
    legal = clause(draft(project), "sharing.legal")
    assert "court orders" in legal  # the owner's legal purpose
    assert "protect the rights" not in legal
    given = draft(project, sharing__protective_disclosures=True)
    row = ledger_row(given, "protect the rights")
    assert "sharing.protective_disclosures" in [a.key for a in row.answers]


# 2. "With your permission": only when the owner says it shares on request
def test_sharing_with_permission_rests_on_an_answer(project: Project) -> None:
    assert clause(draft(project), "sharing.consent") == ""
    row = ledger_row(draft(project, sharing__on_request=True), "when you ask us to")
    assert [a.key for a in row.answers] == ["sharing.on_request"]


# 3. Identity checks and agents: the owner's answer, or California law's own rule
def test_identity_checks_and_agents_rest_on_answers(project: Project) -> None:
    asked = clause(draft(project), "rights.how-to-ask")
    assert "within the time the law sets" not in asked  # no privacy law sets one for Harbor
    assert "really comes from you" not in asked and "someone else" not in asked
    given = draft(project, rights__verification=True, rights__agents=True)
    for words, key in (("really comes from you", "rights.verification"),
                       ("someone else to make a request", "rights.agents")):
        assert [a.key for a in ledger_row(given, words).answers] == [key]


def test_under_california_law_checks_and_deadline_are_the_laws(project: Project) -> None:
    result = draft(project, audience__revenue="over_26m")
    row = ledger_row(result, "within the time the law sets")
    assert [law.name for law in row.laws][:1] == ["law.ccpa"] and not row.answers


def test_a_clients_deadline_is_stated_as_the_law(project: Project) -> None:
    from drafter.paths import examples
    given = project.answers(examples()["email-platform"])
    found = clause(project.draft(given, today=TODAY), "client-data.requests")
    assert found and "will come within the time the law sets" not in found


# 4. Retention: the questions asked are the owner's; no "overwritten"
def test_retention_criteria_rest_on_an_answer(project: Project) -> None:
    result = draft(project)
    assert "Why do we hold it?" not in clause(result, "retention.criteria")
    fewer = clause(draft(project, retention__criteria=["purpose"]), "retention.criteria")
    assert "Why do we hold it?" in fewer and "settle disputes" not in fewer
    assert "overwritten" not in clause(result, "retention.backups")
    assert "up to 35 days" in clause(result, "retention.backups")


# 5. "last updated": only a date the owner gave
def test_last_updated_only_when_answered(project: Project) -> None:
    changes = clause(draft(project), "changes.updates")
    assert "last updated" not in changes and "March 1, 2027" in changes
    assert clause(draft(project), "changes.last-updated") == ""
    given = clause(draft(project, policy__last_updated="2027-02-10"), "changes.last-updated")
    assert "last updated on February 10, 2027" in given


# 6. Operator details: only those the owner says it collects
def test_operator_details_rest_on_an_answer(project: Project) -> None:
    operators = clause(draft(project), "kiosks.operators")
    assert "work contact details" not in operators and "name and address" not in operators
    assert "bank and tax details" in operators  # operator_payouts: true
    given = clause(draft(project, kiosks__operator_details=["business", "staff"]),
                   "kiosks.operators")
    assert "name and address" in given and "work contact details" in given


# 7. Card payments: no refunds nobody mentioned; 8. cameras: no legal claims nobody mentioned
def test_card_and_camera_purposes_are_those_answered(project: Project) -> None:
    result = draft(project)
    assert "refunds" not in clause(result, "kiosks.card-payments")
    cameras = clause(result, "kiosks.cameras")
    assert "legal claim" not in cameras and "look into an incident" in cameras


# 9. Children: deleting is promised only when the owner says so
def test_deleting_a_childs_information_rests_on_an_answer(project: Project) -> None:
    assert "delete" not in clause(draft(project), "children.not-directed")
    row = ledger_row(draft(project, children__deletes=True), "we will delete it")
    assert [a.key for a in row.answers] == ["children.deletes"]
    refused = clause(draft(project, children__deletes=False), "children.not-directed")
    assert "delete" not in refused and "not meant for children under 13" in refused


# 10. Places beside each company: not said of a hand-added vendor with none
def test_places_are_promised_only_beside_the_companies_that_show_them(project: Project) -> None:
    where = clause(draft(project), "international.location")
    assert "Next to each company" not in where
    assert "Stripe" in where and "LockerTech" not in where
    catalog_only = clause(draft(project, sharing__vendors=[]), "international.location")
    assert "Next to each company" in catalog_only


# 11. Examples only of what an answer gives
def test_message_and_record_examples_rest_on_answers(project: Project) -> None:
    listed = clause(draft(project), "collection.categories")
    line = next(x for x in listed.splitlines() if "Messages you send us" in x)
    assert "chat" not in line and "support requests" in line
    assert "tax records" not in listed
    assert "tax law" not in clause(draft(project), "rights.overview")


# The answer check about information the answers describe but the list leaves out
def test_missing_kind_note_names_only_laws_that_apply(project: Project) -> None:
    result = draft(project, collection__categories=["contact", "payment", "transactions"])
    found = [n for n in result.notes if n.check.startswith("answers.feature-data-not-collected")]
    assert found, [n.check for n in result.notes]
    for note in found:
        assert "Illinois" not in note.message and "ILCS" not in (note.cite or "")
        assert "California" not in note.message and "Cal. Civ." not in (note.cite or "")
        assert "photos, video and recordings" in note.message
    california = draft(project, collection__categories=["contact", "payment", "transactions"],
                       audience__revenue="over_26m")
    cited = [n for n in california.notes
             if n.check.startswith("answers.feature-data-not-collected")]
    assert cited and all("Cal. Civ. Code" in (n.cite or "") and "Illinois" not in n.message
                         for n in cited)


def test_illinois_is_named_only_for_biometrics_at_kiosks_in_illinois(project: Project) -> None:
    from drafter.paths import examples
    path = examples()["kiosk"]  # kiosks in Illinois that recognise faces; the CCPA not met
    data = parse_yaml(path.read_text(), path)
    data["collection"]["categories"] = ["contact", "account", "payment", "transactions",
                                        "device"]
    given = validate_answers(data, project.questionnaire, path, complete=False)
    notes = project.draft(given, today=TODAY).notes
    illinois = [n for n in notes if "740 ILCS" in (n.cite or "")
                and n.check.startswith("answers.")]
    assert [n.check for n in illinois] == ["answers.biometrics-not-collected-illinois"]
    listed = [n for n in notes if n.check == "answers.feature-data-not-collected-list"]
    assert listed and "Illinois" not in listed[0].message and not listed[0].cite


# The class, beyond the trial's sentences: a practice in another clause no answer gave
def test_training_ai_promises_no_removal_nobody_answered(project: Project) -> None:
    trained = clause(draft(project, data_practices__ai_training="yes"), "use.ai-training")
    assert "train AI tools" in trained and "remove names" not in trained


# The security paragraph: safeguards only as answered; the disclaimer promises nothing
def test_safeguards_are_those_answered_and_nothing_more(project: Project) -> None:
    measures = clause(draft(project), "security.measures")
    assert "fit how sensitive" not in measures and "They include" not in measures
    assert "with these safeguards:" in measures and "No system is perfectly safe" in measures
    none = clause(draft(project, security__measures=[]), "security.measures")
    assert "We protect" not in none and none.startswith("No system is perfectly safe")


def test_why_a_walk_up_transaction_is_kept_follows_the_purposes(project: Project) -> None:
    kept = clause(draft(project), "kiosks.overview")
    assert "to complete it, to support it and to meet our legal duties" in kept
    fewer = clause(draft(project, use__purposes=["provide", "payments"]), "kiosks.overview")
    assert "we then keep the details of that transaction to complete it." in fewer
    assert "legal duties" not in fewer and "support it" not in fewer


def test_no_periods_and_no_criteria_is_noted_where_a_law_asks_for_one(project: Project) -> None:
    def checks(**changes: Any) -> set[str]:
        return {n.check for n in draft(project, **changes).notes}
    assert "answers.retention-untold-california" not in checks(retention__schedule=DROP)
    california = checks(audience__revenue="over_26m", retention__schedule=DROP)
    assert "answers.retention-untold-california" in california
    assert "answers.retention-untold-california" not in checks(
        audience__revenue="over_26m", retention__schedule=DROP, retention__criteria=["purpose"])
