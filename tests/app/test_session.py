"""The session under the app: per-answer validation through the answers model, saving."""

from __future__ import annotations

from pathlib import Path

from drafter.answer_check import check
from drafter.editing import Session
from drafter.session_export import export
from drafter.manifest import edited_by_hand
from drafter.preview import clauses_by_question, preview_policy
from drafter.project import Project
from drafter.paths import examples
from tests.conftest import MINI


def test_check_uses_the_answers_model_messages(project: Project) -> None:
    q = project.questionnaire
    assert check(q, "contact.email", "privacy at example", Path("a.yaml")) == (
        "expected an email address such as privacy@example.com, got 'privacy at example'")
    assert check(q, "policy.effective_date", "2026-11-01", Path("a.yaml"))[0].isoformat() == (
        "2026-11-01")
    message = check(q, "sharing.vendors", [{"purpose": "hosting"}], Path("a.yaml"))
    assert message == "item 1, name: this field is required"


def test_invalid_text_is_saved_as_typed_and_comments_survive(project: Project,
                                                             tmp_path: Path) -> None:
    path = tmp_path / "answers.yaml"
    path.write_text("# keep me\ncontact:\n  phone: +1 510 555 0142  # desk\n")
    session = Session.open(project, path)
    assert session.set("contact.email", "privacy at example") is not None
    text = path.read_text()
    assert "# keep me" in text and "# desk" in text and "email: privacy at example" in text
    reopened = Session.open(project, path)
    assert reopened.value("contact.email") == "privacy at example"
    assert "contact.email" in reopened.errors


def test_every_clause_variable_leads_back_to_its_clauses(project: Project) -> None:
    feeds = clauses_by_question(project)
    for clause in project.library.clauses:
        if "business.name" in clause.source:
            assert clause.meta.id in feeds["business.name"]


def test_hand_edits_are_found_and_not_overwritten(project: Project, tmp_path: Path) -> None:
    from drafter.paths import examples

    path = tmp_path / "answers.yaml"
    path.write_bytes(examples()["kiosk"].read_bytes())
    session = Session.open(project, path)
    result = export(session, tmp_path / "out")
    assert not isinstance(result, list)
    assert edited_by_hand(result.result.folder) == []
    md = result.result.folder / "privacy-policy.md"
    md.write_text("edited by counsel\n")
    assert export(session, tmp_path / "out") == [md]
    assert md.read_text() == "edited by counsel\n"


def test_a_value_the_form_already_shows_is_not_a_change(project: Project,
                                                        tmp_path: Path) -> None:
    path = tmp_path / "answers.yaml"
    path.write_text("business:\n  name: Acme\n")
    session = Session.open(project, path)
    default_key = next(e.key for e in project.questionnaire
                       if isinstance(e.question.default, str))
    assert session.unchanged(default_key, project.questionnaire.entry(default_key).question.default)
    assert session.unchanged("business.name", "Acme")
    assert not session.unchanged("business.name", "Acme Inc")
    # A number's text box announces its default as text; that is not an answer to save. (The
    # real questionnaire gives no number a default any more: a number is the owner's answer.)
    questions = (MINI / "questionnaire.yaml").read_text().replace(
        "type: number, min: 0", "type: number, default: 12, min: 0")
    (tmp_path / "questionnaire.yaml").write_text(questions)
    project = Project.load(tmp_path / "questionnaire.yaml", MINI / "clauses")
    session = Session.open(project, path)
    number, default = "business.staff", 12
    assert project.questionnaire.entry(number).question.default == default
    assert session.unchanged(number, str(default))
    assert not session.unchanged(number, str(default + 1))
    session.set(number, str(default + 1))
    assert session.unchanged(number, str(default + 1)) and not session.unchanged(number, "")


def test_the_preview_names_the_choice_it_waits_for(project: Project) -> None:
    """A required choice left open cannot be stood in for (text can: `[key]`), so the
    preview says which question to answer instead of showing a template error."""
    values = dict(project.answers(examples()["kids-crafts"]).values)
    del values["children.consent_method"]
    found = preview_policy(project, values)
    assert found.policy is None
    prompt = project.questionnaire.entry("children.consent_method").question.prompt
    assert found.problem == f'first answer "{prompt}"'
    values["children.consent_method"] = "form"
    del values["business.name"]
    found = preview_policy(project, values)
    assert found.policy is not None and "[business.name]" in found.policy.business_name
    assert found.answers.values["business.name"] == "[business.name]"  # what the review reads
