"""Checks on Drafter's own drafts: unmet requirements, contradictory answers, a stale date, and
how notes appear in the Markdown (markers after clause comments, a list at the end)."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest

from drafter.answers import Answers, validate_answers
from drafter.build import build, render
from drafter.project import Project
from drafter.export import formats
from drafter.export.markdown import to_markdown
from drafter.paths import examples
from drafter.document.model import Draft, Note
from drafter.yamlio import parse_yaml

TODAY = date(2026, 11, 22)


def answers(project: Project, example: str = "kiosk", **changes: str) -> Answers:
    """An example's answers with some `key: value` lines replaced (value as YAML)."""
    text = examples()[example].read_text()
    for key, value in changes.items():
        pattern = re.compile(rf"^(  {key}:).*$(\n    .*$)*", re.MULTILINE)
        assert pattern.search(text), key
        text = pattern.sub(lambda m: f"{m.group(1)} {value}", text, count=1)
    return validate_answers(parse_yaml(text, Path(example)), project.questionnaire,
                            Path(f"{example}.yaml"), complete=False)


def notes_for(project: Project, answers: Answers, today: date = TODAY) -> list[Note]:
    return list(project.draft(answers, today).notes)


@pytest.mark.parametrize("example", list(examples()))
def test_examples_have_no_blocking_note(project: Project, example: str) -> None:
    """None for the owner to fix (an example's "not sure" is a question for counsel, which
    blocks publication until counsel settles it)."""
    notes = notes_for(project, answers(project, example))
    assert [n for n in notes if n.owner_blocking] == []


def test_kiosk_draft_is_clean_but_for_advice_and_translation(project: Project) -> None:
    """The kiosk operator serves Spanish speakers: with 25,000 Montana residents, Montana's
    law applies, and Drafter writes the Spanish version, so no warning; a language Drafter
    cannot write is the one warning; without Montana, no warning at all."""
    undated = notes_for(project, answers(project, residents_25k="[montana]"))
    # Montana's law asks for the date the notice was last updated: only the owner's date
    assert [n.requirement for n in undated if n.severity == "blocking"] == [
        "colorado.date-updated"]
    dated = "2026-11-01\n  last_updated: 2026-11-01"
    montana = answers(project, residents_25k="[montana]", effective_date=dated)
    assert {n.severity for n in notes_for(project, montana)} == {"advice"}
    notes = notes_for(project, answers(project, residents_25k="[montana]", effective_date=dated,
                                       languages="[english, spanish, chinese]"))
    assert [n.requirement for n in notes if n.severity == "warning"] == ["states.languages"]
    assert {n.severity for n in notes} == {"warning", "advice"}
    assert {n.severity for n in notes_for(project, answers(project))} == {"advice"}


def test_unsure_answer_becomes_one_question_for_counsel(project: Project) -> None:
    """"Not sure" about children under 13: the unmet COPPA notice is no red mark for the owner
    but part of the one question for counsel, which keeps its blocking severity. The minors'
    duties of Colorado, Connecticut and New York (and the advice to read Nebraska's LB 838: the
    kiosk operator is over Nebraska's size test) apply only because the draft assumes children
    may be users: they join that question, never warn as if minors were known."""
    notes = notes_for(project, answers(project, under_13='"unsure"', residents_25k="[montana]",
                                       languages="[english, other]"))
    about = [n for n in notes if n.resolves_by == "children.under_13"]
    assert [(n.requirement, n.for_counsel) for n in about] == [("review.unsure-under-13", True)]
    (note,) = about
    assert note.severity == "blocking"
    # COPPA's own rules join it too: "not sure" is no "no" (tests/test_unsure_never_no.py).
    coppa = {f"coppa.{r}" for r in ("operator-contact", "collected", "third-parties",
                                    "persistent-identifiers", "audio", "parent-rights", "consent",
                                    "retention-policy", "direct-notice", "security-program",
                                    "images-voice")}
    assert set(note.covers) == {"coppa.notice", "colorado.minors-duties", "connecticut.minors-duties",
                                "montana.minors-duties", "ny.child-data",
                                "vermont.design-code-upcoming", "nebraska.design-code-lb838",
                                *coppa}
    assert "because you were not sure" in note.message and "Counsel:" in note.message
    assert [n.requirement for n in notes if n.severity == "warning"] == ["states.languages"]


@pytest.mark.parametrize(("check", "changes"), [
    ("answers.ads-without-gpc", {"advertising": "true", "honors_gpc": "false"}),
    ("answers.retention-forever", {"schedule": "[{what: Order records, how_long: Forever}]"}),
    ("answers.one-request-method", {"request_methods": "[email]"}),
    ("answers.app-link", {"has_app": "true"}),
])
def test_answer_checks_fire(project: Project, check: str, changes: dict[str, str]) -> None:
    before = {n.check for n in notes_for(project, answers(project, has_app="false"))}
    assert check not in before
    after = notes_for(project, answers(project, **{"has_app": "false", **changes}))
    (note,) = [n for n in after if n.check == check]
    assert note.message and note.resolves_by in project.questionnaire


def test_retention_check_reads_every_row(project: Project) -> None:
    rows = "[{what: Orders, how_long: 6 years}, {what: Logs, how_long: kept indefinitely}]"
    notes = notes_for(project, answers(project, schedule=rows))
    blocking = [n for n in notes if n.blocking]
    assert [n.check for n in blocking] == ["answers.retention-forever"]
    assert blocking[0].anchor == "retention.criteria"


def test_stale_effective_date_in_a_draft(project: Project) -> None:
    kiosk = answers(project, effective_date="2025-10-01")
    assert "changes.stale-date" in {n.check for n in notes_for(project, kiosk)}
    assert "changes.stale-date" not in {
        n.check for n in notes_for(project, kiosk, today=date(2026, 9, 30))}


def test_owner_typed_placeholder_is_caught_in_its_clause(project: Project) -> None:
    notes = notes_for(project, answers(project, offering="TBD"))
    (note,) = [n for n in notes if n.check == "placeholder.tbd"]
    assert note.anchor == "scope.who-we-are" and note.lines is None


def _draft(project: Project) -> Draft:
    return project.draft(answers(project, under_13='"unsure"', advertising="true",
                                 request_methods="[email]"), TODAY)


def test_markers_sit_on_their_own_line_after_the_anchor(project: Project) -> None:
    draft = _draft(project)
    lines = to_markdown(draft).splitlines()
    assert len(draft.notes) >= 3
    for note in draft.notes:
        marker_lines = [i for i, line in enumerate(lines) if f"[{note.id}]" in line.split()]
        i = marker_lines[0]
        assert re.fullmatch(r"(\[R\d+\] ?)+", lines[i]) and lines[i + 1] == ""
        if note.anchor and "." in note.anchor:
            assert lines[i - 1].startswith(f"<!-- clause: {note.anchor} ")
        elif note.anchor:
            assert lines[i - 2].startswith("## ")
    notes_at = lines.index("## Reviewer notes")
    listed = [line.split()[1] for line in lines[notes_at:] if line.startswith("- **[")]
    assert listed == [f"**[{n.id}]**" for n in draft.notes]


def test_clean_copy_has_no_markers_or_notes(project: Project) -> None:
    draft = _draft(project)
    clean = to_markdown(draft, clean=True)
    assert "Reviewer notes" not in clean and not re.search(r"\[R\d+\]", clean)
    assert clean == to_markdown(Draft(draft.policy, ()))


def test_html_and_text_follow_the_markdown(project: Project) -> None:
    draft = _draft(project)
    out = render(draft, formats("html,txt"))
    assert out[".html"].count(b"[R1]") == 2  # the marker and the list entry
    assert b"Reviewer notes" in out[".txt"]
    clean = render(draft, formats("html,txt"), clean=True)
    assert b"[R1]" not in clean[".html"] and b"[R1]" not in clean[".txt"]


def test_build_writes_review_md_for_counsel(project: Project, tmp_path: Path) -> None:
    kiosk = answers(project, under_13='"unsure"', advertising="true", residents_25k="[montana]",
                    languages="[english, spanish, other]")  # a language Drafter cannot write
    result = build(project, kiosk, tmp_path, formats("md"))
    review = (result.folder / "review.md").read_text()
    counsel = review.index("## Questions for counsel")
    # The counsel question comes first; the owner's blocking notes (GPC not checked, and
    # Montana's rule for minors under the stricter reading) follow, without the COPPA notice
    # the counsel question took in.
    blocking, warnings = review.index("## Blocking"), review.index("## Warnings")
    assert counsel < blocking < warnings
    assert "coppa.notice" not in review[blocking:warnings]
    assert review.index("16 CFR §312.4(d)") < blocking
    assert "Also covers: `coppa.notice`" in review
    prompt = project.questionnaire.entry("children.under_13").question.prompt
    assert f"Counsel settles the question “{prompt}” (`children.under_13`)" in review
    assert "blocking (1 of them for counsel)" in review


def test_a_partly_answered_draft_gets_notes_not_a_crash(project: Project) -> None:
    """The app reviews drafts while questions are still unanswered (None)."""
    text = "business:\n  name: Half Done Ltd\npolicy:\n  effective_date: 2026-11-01\n"
    partial = validate_answers(parse_yaml(text, Path("a.yaml")), project.questionnaire,
                               Path("a.yaml"), complete=False)
    notes = notes_for(project, partial)
    assert any(n.blocking and n.check == "requirement" for n in notes)
