"""Contradictions between answers (`clauses/answer-checks.yaml`): each check fires on answers
that should trigger it, stays silent on every example business, and a check whose disclosure
the policy already makes (`unless_met`) stays silent on drafts and texts that make it."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from drafter.answers import Answers, validate_answers
from drafter.project import Project
from drafter.paths import default_library, examples
from drafter.review import Note, review_document
from drafter.review.document import Block, Document
from drafter.review.rules import ANSWER_CHECKS, lint_review, load_review_rules
from drafter.yamlio import parse_yaml

TODAY = date(2026, 11, 22)
DROP = object()  # remove the answer, as if the owner never gave it


def answers(project: Project, example: str, **changes: Any) -> Answers:
    """An example's answers with `section__question=value` changed (or dropped with DROP)."""
    path = examples()[example]
    data = parse_yaml(path.read_text(), path)
    for key, value in changes.items():
        section, question = key.split("__")
        group = data.setdefault(section, {})
        if value is DROP:
            group.pop(question, None)
        else:
            group[question] = value
    return validate_answers(data, project.questionnaire, path, complete=False)


def fired(project: Project, given: Answers) -> dict[str, Note]:
    """Each check that fired, with its note (a question for counsel, for a check it took in)."""
    notes = project.draft(given, TODAY).notes
    return {**{c: n for n in notes for c in n.covers}, **{n.check: n for n in notes}}


# (check, example, changes that should make it fire)
FIRING: list[tuple[str, str, dict[str, Any]]] = [
    ("answers.eu-without-transfer-mechanism", "chat-saas", {"international__transfer_tools": []}),
    ("answers.eu-without-transfer-mechanism", "california-store",
     {"international__transfer_tools": "unsure"}),
    ("answers.eu-without-representative", "california-store",
     {"international__eu_representative": DROP}),
    ("answers.sms-without-consent-record", "california-store", {"choices__sms_consent": False}),
    ("answers.sms-without-consent-record", "email-platform", {"choices__sms_consent": DROP}),
    ("answers.sensitive-without-consent", "california-store",
     {"collection__categories": ["contact", "health"]}),
    ("answers.sensitive-without-consent", "kids-crafts",  # no EU, but Virginia's law applies
     {"collection__categories": ["contact", "precise_location"],
      "audience__us_states": ["virginia"], "audience__people": 200000,
      "data_practices__sensitive_consent": False}),
    ("answers.breach-notice-too-late", "chat-saas", {"client_data__breach_hours": 96}),
    ("answers.retention-forever", "print-mail",
     {"retention__schedule": [{"what": "Address lists", "how_long": "Forever"}]}),
]

# The same situations, answered so that nothing is contradicted.
SILENT: list[tuple[str, str, dict[str, Any]]] = [
    ("answers.eu-without-transfer-mechanism", "chat-saas",
     {"audience__regions": ["usa"], "international__transfer_tools": []}),
    ("answers.eu-without-representative", "california-store",
     {"international__eu_representative": DROP, "audience__eu_office": True}),
    ("answers.sms-without-consent-record", "california-store",
     {"choices__sms_consent": False, "choices__sms_marketing": False}),
    ("answers.sensitive-without-consent", "california-store",
     {"collection__categories": ["contact", "health"],
      "data_practices__sensitive_consent": True}),
    ("answers.sensitive-without-consent", "texas-small",  # small: Texas asks consent only to sell
     {"collection__categories": ["contact", "precise_location"]}),
    ("answers.breach-notice-too-late", "chat-saas", {"client_data__breach_hours": 72}),
]

CONTRADICTIONS = {check for check, _, _ in FIRING} | {
    "answers.no-sale-but-ads", "answers.processor-without-routing",
    "answers.children-without-consent"}


@pytest.fixture(scope="module")
def project() -> Project:
    return Project.load()


@pytest.mark.parametrize(("check", "example", "changes"), FIRING)
def test_check_fires(project: Project, check: str, example: str,
                     changes: dict[str, Any]) -> None:
    assert check not in fired(project, answers(project, example))
    note = fired(project, answers(project, example, **changes)).get(check)
    assert note is not None, check
    assert note.message and note.cite
    assert note.resolves_by in project.questionnaire


@pytest.mark.parametrize(("check", "example", "changes"), SILENT)
def test_check_silent_when_answers_agree(project: Project, check: str, example: str,
                                         changes: dict[str, Any]) -> None:
    assert check not in fired(project, answers(project, example, **changes))


@pytest.mark.parametrize("example", list(examples()))
def test_no_contradiction_in_any_example(project: Project, example: str) -> None:
    notes = fired(project, answers(project, example))
    assert CONTRADICTIONS.isdisjoint(notes)
    assert not [n for n in notes.values() if n.blocking]


def test_every_check_is_usable_and_lint_is_quiet(project: Project) -> None:
    """No check waits for a question, and every `resolves_by` is a question."""
    rules = load_review_rules(project.library.root)
    assert lint_review(rules, project.questionnaire, project.library) == []
    assert CONTRADICTIONS <= {c.check.id for c in rules.answer_checks}


# --- checks that the policy's own words can settle (`unless_met`) ---

def _text(*paragraphs: str) -> Document:
    return Document(tuple(Block(p, i, i) for i, p in enumerate(paragraphs, start=1)), "t")


def _document_checks(project: Project, given: Answers, *paragraphs: str) -> set[str]:
    notes = review_document(_text(*paragraphs), project.library, answers=given, today=TODAY)
    return {n.check for n in notes}


NO_SALE = "We do not sell personal information or share it for targeted advertising."
OPT_OUT = ("Some state laws call our ad cookies sharing. You can opt out of the sale or sharing "
           'of your information with the "Do Not Sell or Share My Personal Information" link.')


def test_no_sale_but_ads_silent_when_the_draft_discloses_sharing(project: Project) -> None:
    """The California store says "no" to selling but uses ad pixels: its draft says the data
    is shared and offers the opt-out, so there is nothing to contradict."""
    store = answers(project, "california-store")
    assert "choice.opt-out-sale" in {c.id for c in project.draft(store, TODAY).policy.clauses()}
    assert "answers.no-sale-but-ads" not in fired(project, store)


def test_no_sale_but_ads_fires_on_a_policy_that_denies_sharing(project: Project) -> None:
    store = answers(project, "california-store")
    assert "answers.no-sale-but-ads" in _document_checks(project, store, NO_SALE)
    assert "answers.no-sale-but-ads" not in _document_checks(project, store, NO_SALE, OPT_OUT)
    no_ads = answers(project, "california-store", cookies__advertising=False,
                     data_practices__ad_audiences=False)
    assert "answers.no-sale-but-ads" not in _document_checks(project, no_ads, NO_SALE)
    assert "answers.no-sale-but-ads" in _document_checks(
        project, answers(project, "california-store", cookies__advertising=False), NO_SALE)


def _library_without(tmp_path: Path, clause: str) -> Path:
    root = tmp_path / "clauses"
    shutil.copytree(default_library(), root)
    (root / clause).unlink()
    return root


@pytest.mark.parametrize(("check", "example", "clause"), [
    ("answers.no-sale-but-ads", "california-store", "choice/opt-out-sale.md.j2"),
    ("answers.processor-without-routing", "chat-saas", "client-data/requests.md.j2"),
])
def test_fires_on_a_draft_without_the_disclosure(tmp_path: Path, check: str, example: str,
                                                 clause: str) -> None:
    trimmed = Project.load(library=_library_without(tmp_path, clause))
    assert check in fired(trimmed, answers(trimmed, example))


def test_processor_without_routing_on_an_existing_policy(project: Project) -> None:
    chat = answers(project, "chat-saas")
    bare = "We host chat widgets for online shops."
    routed = ("If a shop uses our chat, please contact the business whose website you were on; "
              "we pass requests we receive to it within five days.")
    assert "answers.processor-without-routing" in _document_checks(project, chat, bare)
    assert "answers.processor-without-routing" not in _document_checks(project, chat, bare,
                                                                       routed)
    shop = answers(project, "california-store")
    assert "answers.processor-without-routing" not in _document_checks(project, shop, bare)


def test_children_without_consent(project: Project) -> None:
    """Reviewed against a policy (a draft of these half-finished answers cannot be rendered:
    the COPPA clause needs the consent method)."""
    kids = answers(project, "kids-crafts")
    assert "answers.children-without-consent" not in _document_checks(project, kids, NO_SALE)
    unfinished = answers(project, "kids-crafts", children__consent_method=DROP)
    assert "answers.children-without-consent" in _document_checks(project, unfinished, NO_SALE)


@pytest.mark.parametrize(("old", "new", "warning"), [
    ("unless_met: [processor.requests-to-client]", "unless_met: [processor.no-such-thing]",
     "answers.processor-without-routing: `unless_met` names unknown requirement "
     "'processor.no-such-thing'"),
    ("requirement: gdpr.representative", "requirement: gdpr.no-such-thing",
     "answers.eu-without-representative: `requirement` names unknown requirement "
     "'gdpr.no-such-thing'"),
])
def test_requirements_named_by_checks_exist(tmp_path: Path, old: str, new: str,
                                            warning: str) -> None:
    root = tmp_path / "clauses"
    shutil.copytree(default_library(), root)
    path = root / ANSWER_CHECKS
    assert old in path.read_text()
    path.write_text(path.read_text().replace(old, new))
    project = Project.load(library=root)
    warnings = [str(w) for w in lint_review(load_review_rules(root), project.questionnaire,
                                            project.library)]
    assert any(warning in w for w in warnings), warnings


def test_an_answer_check_and_the_unmet_requirement_it_names_make_one_note() -> None:
    from drafter.review.checks import one_note_per_requirement

    unmet = Note(id="", severity="blocking", topic="international", message="general",
                 check="requirement", requirement="gdpr.representative")
    specific = Note(id="", severity="warning", topic="international", message="specific",
                    check="answers.eu-without-representative", requirement="gdpr.representative")
    other = Note(id="", severity="advice", topic="scope", message="other", check="requirement",
                 requirement="ccpa.in-app")
    (kept, rest) = one_note_per_requirement([unmet, specific, other])
    assert (kept.message, kept.severity, rest) == ("specific", "blocking", other)
    assert one_note_per_requirement([unmet, other]) == [unmet, other]
