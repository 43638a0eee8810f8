"""Business modules: each kind of business gets its own folder (`clauses/modules/NAME/`) of
questions, clauses, checks and requirements, and its clauses meet its industry rules whenever
those rules apply."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from drafter.answers import Answers, validate_answers
from drafter.assemble import template_context
from drafter.project import Project
from drafter.paths import default_library, examples
from drafter.document.model import Draft
from drafter.yamlio import parse_yaml

FIXTURE = Path(__file__).parent / "fixtures" / "all-modules.yaml"
KINDS = ["kiosks", "email_platform", "print_mail", "marketplace", "processor_saas"]
# Which kinds of business each module's clauses belong to (section id or clause id).
OWNERS: dict[str, set[str]] = {
    "kiosks": {"kiosks"},
    "scope.kiosk-people": {"kiosks"},
    "sharing.kiosk-operators": {"kiosks"},
    "messaging": {"email_platform"},
    "print-mail": {"print_mail"},
    "marketplace": {"marketplace"},
    "sharing.marketplace-sellers": {"marketplace"},
    "sharing.commerce-partners": {"marketplace"},
    "client-data": {"processor_saas", "email_platform"},
    "scope.client-role": {"processor_saas", "email_platform"},
}


def _answers(project: Project, **changes: Any) -> Answers:
    """The all-modules fixture with some answers replaced (`kiosks__biometric_consent=False`)."""
    doc = parse_yaml(FIXTURE.read_text(), FIXTURE)
    for key, value in changes.items():
        section, question = key.split("__")
        doc[section][question] = value
    return validate_answers(doc, project.questionnaire, FIXTURE)


def _module_requirements() -> list[str]:
    """The requirements in module folders that a clause meets: not review-only notes (topic
    "consistency", e.g. contest registration) nor questions for counsel."""
    library = Project.load().library
    modules = default_library() / "modules"
    return [rid for rid, entry in library.requirements.items()
            if modules in entry.source.path.parents and not entry.requirement.counsel
            and entry.requirement.topic != "consistency"]


def _owner(clause_id: str, section_id: str) -> set[str] | None:
    return OWNERS.get(clause_id) or OWNERS.get(section_id)


@pytest.mark.parametrize("kind", KINDS)
def test_module_clauses_appear_only_for_their_kind(project: Project, kind: str) -> None:
    draft = project.draft(_answers(project, business__kinds=[kind]))
    present = {(c.id, s.id) for s in draft.policy.sections for c in s.clauses}
    for clause_id, section_id in present:
        owners = _owner(clause_id, section_id)
        assert owners is None or kind in owners, clause_id
    expected = {k for k, kinds in OWNERS.items() if kind in kinds}
    found = {k for k in expected if any(k in (c, s) for c, s in present)}
    assert found == expected


def test_no_module_clauses_for_a_plain_business(project: Project) -> None:
    draft = project.draft(_answers(project, business__kinds=[]))
    assert not [c.id for s in draft.policy.sections for c in s.clauses if _owner(c.id, s.id)]


def test_every_module_requirement_has_a_clause(project: Project) -> None:
    satisfiable = {r for clause in project.library.clauses for r in clause.meta.satisfies}
    ids = _module_requirements()
    assert len(ids) >= 20
    assert set(ids) <= satisfiable


def _module_notes(draft: Draft) -> list[str]:
    module = set(_module_requirements())
    return [n.requirement for n in draft.notes if n.requirement in module]  # type: ignore[misc]


# Over the CCPA's revenue threshold: the contest's financial-incentive notice is the CCPA's.
CCPA = {"audience__revenue": "over_26m"}


def test_every_module_requirement_is_met_when_it_applies(project: Project) -> None:
    answers = _answers(project, **CCPA)
    context = template_context(answers, project.library)
    applies = [rid for rid in _module_requirements()
               if project.library.requirements[rid].applies.holds(context)]
    assert applies == _module_requirements()  # the fixture triggers every one of them
    assert _module_notes(project.draft(answers)) == []


@pytest.mark.parametrize("name", sorted(examples()))
def test_examples_meet_their_module_requirements(project: Project, name: str) -> None:
    draft = project.draft(project.answers(examples()[name]))
    assert _module_notes(draft) == []
    assert [n for n in draft.notes if n.owner_blocking] == []  # counsel's questions apart


@pytest.mark.parametrize(("change", "requirement"), [
    ({"kiosks__biometric_consent": False}, "bipa.consent"),
    ({"kiosks__nyc_signs": False}, "nyc.biometric-signage"),
    ({"kiosks__zip_code": "kept"}, "ca.civ-1747-08"),
    ({"kiosks__pci_validated": False}, "pci-dss.v4"),
    ({"marketplace__high_volume_sellers": False}, "inform.seller-disclosure"),
    ({"client_data__contract": False}, "ccpa.service-provider-terms"),
])
def test_a_practice_that_falls_short_gets_a_note(project: Project, change: dict[str, Any],
                                                 requirement: str) -> None:
    assert requirement in _module_notes(project.draft(_answers(project, **change)))


def _section(draft: Draft, section_id: str) -> str:
    return "\n\n".join(c.markdown for s in draft.policy.sections if s.id == section_id
                       for c in s.clauses)


def test_processor_requests_go_to_the_client(project: Project) -> None:
    for kind in ("processor_saas", "email_platform"):
        text = _section(project.draft(_answers(project, business__kinds=[kind])), "client-data")
        assert "please contact the client that collected it" in text
        assert "pass your request to that client within seven days" in text


def test_address_lists_are_never_described_as_sold(project: Project) -> None:
    draft = project.draft(_answers(project, business__kinds=["print_mail"]))
    text = _section(draft, "print-mail")
    sentences = re.split(r"(?<=[.!?])\s+", text)
    selling = [s for s in sentences if re.search(r"\b(sell|sold|rent|trade)\b", s, re.I)]
    assert selling, "the address-list clause must say lists are not sold"
    for sentence in selling:
        assert re.search(r"\b(never|not)\b", sentence), sentence
    assert "delete lists you do not save 14 days after" in text


def test_contest_clause_carries_the_financial_incentive_items(project: Project) -> None:
    text = _section(project.draft(_answers(project, business__kinds=["marketplace"], **CCPA)),
                    "marketplace")
    for item in ("financial incentive", "What the offer is", "What information it uses",
                 "How to join", "How to withdraw", "good-faith estimate is about $2 per entrant",
                 "how we worked it out", "https://everything.example/rules"):
        assert item in text, item


def test_vendors_are_grouped_with_links_and_ads_listed_apart(project: Project) -> None:
    draft = project.draft(_answers(project, business__kinds=["marketplace"]))
    providers = next(c.markdown for c in draft.policy.clauses()
                     if c.id == "sharing.service-providers")
    assert providers.index("*Payment processing*") < providers.index("[Stripe](<https://stripe")
    assert providers.index("*Shipping carriers and postage*") < providers.index("[UPS]")
    assert "**Own Printer**" in providers and "Meta" not in providers
    ads = next(c.markdown for c in draft.policy.clauses() if c.id == "sharing.advertising-partners")
    assert "[Meta (Facebook and Instagram ads)](<https://www.facebook.com/privacy/policy/>)" in ads


OUTDATED = re.compile(r"Safe Harbor|Privacy Shield|TRUSTe|\bSSL\b", re.I)


@pytest.mark.parametrize("name", sorted(examples()))
def test_examples_use_no_outdated_terms(project: Project, name: str) -> None:
    from drafter.export.markdown import to_markdown

    markdown = to_markdown(project.draft(project.answers(examples()[name])))
    assert not OUTDATED.search(markdown)


CHECK = Path("/work/shared/tools/check-originality")
THIRD_PARTY = "tests/corpus/docs/"


@pytest.mark.skipif(not CHECK.exists(), reason="the originality checker is not on this machine")
def test_no_sentences_copied_from_the_reference_policies() -> None:
    root = Path(__file__).resolve().parent.parent
    python = shutil.which("python3") or "python3"
    result = subprocess.run([python, str(CHECK), str(root)], capture_output=True, text=True,
                            check=False)
    # tests/corpus/docs/ holds real third-party policies, quoted unchanged under their
    # licences as test data for the review (tests/corpus/README.md): they are not our text.
    ours = [line for line in result.stdout.splitlines()
            if not line.startswith(THIRD_PARTY) and " run(s) of " not in line]
    assert ours == [], "\n".join(ours)[:2000]


MODULE_CLAUSES = ("kiosks.", "messaging.", "print-mail.", "marketplace.", "client-data.",
                  "sharing.", "scope.kiosk-people", "scope.client-role")


def test_module_clauses_read_at_grade_ten_or_below(project: Project) -> None:
    textstat = pytest.importorskip("textstat")
    drafts = [project.draft(project.answers(path)) for path in examples().values()]
    drafts += [project.draft(_answers(project, business__kinds=[kind])) for kind in KINDS]
    grades: dict[str, float] = {}
    for draft in drafts:
        for clause in draft.policy.clauses():
            if clause.id.startswith(MODULE_CLAUSES):
                plain = re.sub(r"\[([^\]]*)\]\(<[^>]*>\)", r"\1", clause.markdown)
                grade = textstat.flesch_kincaid_grade(plain.replace("*", ""))
                grades[clause.id] = max(grades.get(clause.id, 0.0), grade)
    assert {cid: g for cid, g in grades.items() if g > 10} == {}


_TOGGLES = {
    "kiosks": ["operators", "operator_payouts", "operator_reports", "walk_up", "carrier_accounts",
               "payments", "pci_validated", "cameras", "id_scans", "biometric_consent",
               "nyc_signs"],
    "email_platform": ["open_tracking", "click_tracking", "tracking_off", "site_tracking",
                       "list_uploads", "sms"],
    "print_mail": ["address_lists", "saved_lists", "ncoa", "print_partners", "stores_cards"],
    "marketplace": ["sellers", "high_volume_sellers", "reviews", "registries", "gift_cards",
                    "contests", "contest_sponsors", "warranty", "fulfilment", "affiliates"],
    "client_data": ["contract"],
}
_CHOICES = {
    ("kiosks", "states"): st.one_of(st.just("unsure"), st.lists(st.sampled_from(
        ["california", "illinois", "texas", "washington", "colorado", "new_york_city"]),
        unique=True)),
    ("kiosks", "operator_data"): st.lists(st.sampled_from(["contact", "member_ids",
                                                           "transactions"]), unique=True),
    ("kiosks", "operator_role"): st.sampled_from(["operator", "us"]),
    ("kiosks", "receipt_digits"): st.integers(0, 5),
    ("kiosks", "zip_code"): st.sampled_from(["never", "verification_only", "kept"]),
    ("kiosks", "id_kept"): st.sampled_from(["result_only", "details", "image"]),
    ("kiosks", "biometrics"): st.lists(st.sampled_from(["face", "fingerprint", "palm"]),
                                       unique=True),
    ("email_platform", "opt_out_days"): st.integers(0, 10),
    ("print_mail", "artwork_marketing"): st.sampled_from(["never", "opt_in"]),
    ("marketplace", "buyer_details"): st.lists(st.sampled_from(
        ["name", "shipping_address", "email", "phone"]), unique=True),
    ("marketplace", "seller_public"): st.lists(st.sampled_from(
        ["shop_name", "location", "ratings", "contact"]), unique=True),
    ("client_data", "forward_days"): st.integers(1, 30),
    ("client_data", "improve"): st.sampled_from(["no", "deidentified"]),
    ("sharing", "catalog"): st.lists(st.sampled_from(["aws", "stripe", "ups", "google_ads",
                                                      "usps", "lob"]), unique=True),
}
_DANGLING = re.compile(r"\b(your|the|of|to|and|or|as|such)\s?[.;:]|\b(your|the|of|such as)\s?,"
                       r"|,\s?[.,;:]|\s[.,]|\.\.|\(\s*\)")


@st.composite
def _module_answers(draw: st.DrawFn) -> dict[str, Any]:
    changes: dict[str, Any] = {"business__kinds": draw(st.lists(st.sampled_from(KINDS),
                                                                  unique=True))}
    for section, names in _TOGGLES.items():
        for name in names:
            changes[f"{section}__{name}"] = draw(st.booleans())
    for (section, name), strategy in _CHOICES.items():
        changes[f"{section}__{name}"] = draw(strategy)
    return changes


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(changes=_module_answers())
def test_any_mix_of_module_answers_renders_clean_prose(project: Project,
                                                       changes: dict[str, Any]) -> None:
    draft = project.draft(_answers(project, **changes))
    for clause in draft.policy.clauses():
        if clause.id.startswith(MODULE_CLAUSES):
            prose = re.sub(r"\]\(<[^>]*>\)", "]", clause.markdown)
            found = _DANGLING.search(prose)
            assert found is None, (clause.id, prose[max(found.start() - 40, 0):found.end() + 10])


def test_contest_clause_has_no_incentive_notice_without_the_ccpa(project: Project) -> None:
    text = _section(project.draft(_answers(project, business__kinds=["marketplace"])),
                    "marketplace")
    assert "Contests and sweepstakes" in text and "financial incentive" not in text


@pytest.mark.parametrize(("text", "line", "field", "message"), [
    ("order: 5\nbogus: 1\n", 2, "bogus", "Extra inputs are not permitted"),
    ("section: just words\n", 1, "section",
     "Input should be a valid dictionary or instance of SectionSpec"),
    ("section:\n  id: Bad Id\n  title: T\n", 2, "section.id",
     "String should match pattern '^[a-z0-9][a-z0-9-]*$'"),
    ("questions: [{id: p, title: P, questions: []}, 3]\n", 1, "questions.1",
     "Input should be a valid dictionary or instance of Section"),
])
def test_a_mistake_in_module_yaml_is_one_line_naming_its_field(
        tmp_path: Path, text: str, line: int, field: str, message: str) -> None:
    """module.yaml is a record checked by pydantic when read (drafter.records): each mistake
    reads as it did when it was a pydantic model, with its line and field."""
    from drafter.errors import UserError
    from drafter.modules import find_modules

    folder = tmp_path / "modules" / "shop"
    folder.mkdir(parents=True)
    (folder / "module.yaml").write_text(text)
    with pytest.raises(UserError) as caught:
        find_modules(tmp_path)
    assert (caught.value.line, caught.value.field, caught.value.message) == (line, field, message)
