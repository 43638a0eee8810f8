"""`drafter outdated`: a policy built with an older library learns what changed in the law for
this business only, which questions to answer, and keeps counsel's edits through the rebuild
(issue 19, "Done when")."""

from __future__ import annotations

import json
import re
import shutil
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

import pytest

from drafter.cli import main
from drafter.manifest import load_manifest
from drafter.outdated import outdated, updates_for
from drafter.paths import default_library, examples
from drafter.project import Project
from drafter.release import CHANGELOG, load_changelog

INSTALLED = load_changelog(default_library()).version
NEXT = "2099.1.1"  # the release the fixture's "installed" library adds
OLD_SENTENCE = "Each kind of record has its own time limit."
COUNSEL = "Counsel added this sentence after the first build."

NEW_RELEASE = f"""  - version: {NEXT}
    date: 2099-01-01
    summary: Connecticut's AI training notice; retention reworded; Vermont and ADMT touch-ups.
    changes:
      - summary: Say whether personal data trains AI models.
        law: Connecticut CTDPA
        cite: Conn. Gen. Stat. §42-520(c)
        in_force: 2026-07-01
        requirements: {{added: [connecticut.ai-training]}}
        clauses: {{added: [use.ai-training]}}
        questions: {{added: [data_practices.ai_training]}}
      - summary: The retention clause no longer promises a limit per kind of record.
        requirements: {{changed: [general.retention]}}
        clauses: {{changed: [retention.criteria]}}
      - summary: Vermont's design code, reworded (does not reach the kiosk business).
        law: Vermont Age-Appropriate Design Code
        cite: 9 V.S.A. §2449a
        requirements: {{changed: [vermont.design-code]}}
      - summary: Automated decisions, explained (the kiosk business makes none).
        questions: {{changed: [data_practices.automated_logic]}}
      - summary: An old duty repealed, and the sentence that met it.
        law: General
        cite: repealed
        requirements: {{removed: [old.duty]}}
        clauses: {{removed: [scope.old-notice]}}
      - summary: Another repealed duty, whose clause this business never had.
        requirements: {{removed: [old.other-duty]}}
        clauses: {{removed: [scope.never-had]}}
"""
OLD_CLAUSE = """---
id: scope.old-notice
section: scope
order: 99
satisfies: [old.duty]
---
This notice is gone from the newer library.
"""
OLD_DUTIES = """
- id: old.duty
  law: General
  cite: repealed
  topic: scope
  note: An old duty.
- id: old.other-duty
  law: General
  cite: repealed
  topic: scope
  note: Another old duty.
"""


def _cut(text: str, start: str, end: str) -> str:
    """`text` without the part from `start` up to (not including) the next `end`."""
    begin = text.index(start)
    return text[:begin] + text[text.index(end, begin + len(start)):]


@dataclass(frozen=True)
class Scene:
    old: Path  # the library the policy was built with
    new: Path  # the library installed since
    answers: Path
    out: Path

    def run(self, library: Path, *args: str) -> int:
        return main(["--library", str(library), *args])


@pytest.fixture(scope="module")
def scene(tmp_path_factory: pytest.TempPathFactory) -> Scene:
    """The kiosk business built with library {INSTALLED} lacking Connecticut's AI training
    requirement and clause, with an older retention clause; counsel then edits the policy;
    the installed library is {NEXT}, whose changelog says what changed."""
    root = tmp_path_factory.mktemp("outdated")
    old, new = root / "old" / "clauses", root / "new" / "clauses"
    shutil.copytree(default_library(), old)
    shutil.copytree(default_library(), new)
    (new / CHANGELOG).write_text((new / CHANGELOG).read_text() + NEW_RELEASE)
    requirements = old / "requirements.yaml"
    text = _cut(requirements.read_text(), "- id: connecticut.ai-training\n", "\n- id: ")
    requirements.write_text(text.replace(
        "note: Say how long information is kept, or the criteria used to decide.",
        "note: Say how long information is kept.", 1) + OLD_DUTIES)
    (old / "scope" / "old-notice.md.j2").write_text(OLD_CLAUSE)
    (old / "use" / "ai-training.md.j2").unlink()
    criteria = old / "retention" / "criteria.md.j2"
    criteria.write_text(criteria.read_text().replace(
        "To decide how long", f"{OLD_SENTENCE} To decide how long", 1))
    answers = root / "kiosk.yaml"
    shutil.copy(examples()["kiosk"], answers)
    out = root / "out"
    scene = Scene(old, new, answers, out)
    assert scene.run(old, "build", str(answers), "-o", str(out), "--format", "md") == 0
    policy = next(out.iterdir()) / "privacy-policy.md"
    text = policy.read_text()
    assert OLD_SENTENCE in text and "language model" not in text
    assert "This notice is gone" in text
    first = re.search(r"^We keep personal information only.*$", text, re.MULTILINE)
    assert first is not None
    policy.write_text(text.replace(first.group(0), f"{COUNSEL}\n\n{first.group(0)}", 1))
    return scene


def test_the_build_recorded_the_older_library(scene: Scene) -> None:
    manifest = load_manifest(next(scene.out.iterdir()))
    assert manifest is not None and manifest.library_release == INSTALLED
    assert load_changelog(scene.new).version == NEXT


def test_outdated_lists_exactly_the_changes_that_apply(
        scene: Scene, capsys: pytest.CaptureFixture[str]) -> None:
    capsys.readouterr()
    assert scene.run(scene.new, "outdated", str(scene.answers), "-o", str(scene.out)) == 1
    out = capsys.readouterr().out
    assert out.startswith(f"Parcel Point Kiosks, Inc.: policy built with library {INSTALLED}; "
                          f"installed: {NEXT}.\n")
    listed = re.findall(r"^  (requirement|clause|question) (added|changed|removed): (\S+)",
                        out, re.MULTILINE)
    assert listed == [("requirement", "added", "connecticut.ai-training"),
                      ("clause", "added", "use.ai-training"),
                      ("question", "added", "data_practices.ai_training"),
                      ("requirement", "changed", "general.retention"),
                      ("clause", "changed", "retention.criteria"),
                      ("requirement", "removed", "old.duty"),
                      ("clause", "removed", "scope.old-notice")]
    assert "Vermont" not in out and "automated_logic" not in out
    assert "old.other-duty" not in out and "never-had" not in out
    assert f"{NEXT} (January 1, 2099): Connecticut CTDPA (Conn. Gen. Stat. §42-520(c)), " \
           "in force July 1, 2026\n  Say whether personal data trains AI models." in out
    assert "requirement changed: general.retention (Say how long information is kept, or " \
           "the criteria used to decide.)" in out
    questions = out.split("Questions to answer")[1].split("\n\n")[0].splitlines()[1:]
    assert [q.split(":")[0].strip() for q in questions] == ["data_practices.ai_training",
                                                             "retention.schedule"]
    assert out.endswith("Out of date: rebuild the policy (drafter build).\n")


def test_json_for_ci(scene: Scene, capsys: pytest.CaptureFixture[str]) -> None:
    capsys.readouterr()
    scene.run(scene.old, "outdated", str(scene.answers), "-o", str(scene.out), "--format",
              "json")
    report = json.loads(capsys.readouterr().out)
    assert report["installed"] == INSTALLED and report["changes"] == []
    code = scene.run(scene.new, "outdated", str(scene.answers), "-o", str(scene.out),
                     "--format", "json")
    report = json.loads(capsys.readouterr().out)
    assert code == 1 and report["out_of_date"] is True
    first = report["changes"][0]
    assert first["version"] == NEXT and first["law"] == "Connecticut CTDPA"
    assert first["in_force"] == "2026-07-01"
    assert first["requirements"] == [{"id": "connecticut.ai-training", "how": "added"}]


def test_the_app_offers_only_the_changed_questions(scene: Scene) -> None:
    project = Project.load(library=scene.new)
    assert updates_for(project, project.answers(scene.answers), scene.out) == (
        "data_practices.ai_training", "retention.schedule")
    # the same answers, with the library they were built with: nothing to update
    old = Project.load(library=scene.old)
    assert updates_for(old, old.answers(scene.answers), scene.out) == ()


def test_the_rebuild_keeps_counsels_edits_and_is_then_up_to_date(
        scene: Scene, capsys: pytest.CaptureFixture[str]) -> None:
    assert scene.run(scene.new, "build", str(scene.answers), "-o", str(scene.out),
                     "--format", "md") == 0
    folder = next(scene.out.iterdir())
    text = (folder / "privacy-policy.md").read_text()
    assert COUNSEL in text and OLD_SENTENCE not in text and "language model" in text
    assert "This notice is gone" not in text
    changes = (folder / "changes.md").read_text()
    assert f"## From the law (clause library {INSTALLED} to {NEXT})" in changes
    law = changes.split("## From the law")[1]
    assert "Say whether personal data trains AI models." in law and "Vermont" not in law
    capsys.readouterr()
    assert scene.run(scene.new, "outdated", str(scene.answers), "-o", str(scene.out)) == 0
    assert capsys.readouterr().out.endswith("Up to date.\n")


def test_duties_coming_within_180_days_are_listed_not_drafted(tmp_path: Path) -> None:
    """A Vermont business whose policy is dated 1 Dec 2026: the design code's duties start on
    1 Jan 2027, 31 days on; listed as coming, absent from the text; on 1 Jul 2027 they are
    in force and the policy, still dated before them, is out of date."""
    project = Project.load()
    answers = project.answers(examples()["vermont-kids"])
    answers = type(answers)(answers.questionnaire, {**answers.values,
                            "policy.effective_date": date(2026, 12, 1)}, answers.path)
    assert main(["build", "--example", "vermont-kids", "-o", str(tmp_path), "--format",
                 "md"]) == 0
    manifest = load_manifest(next(tmp_path.iterdir()))
    assert manifest is not None
    found = outdated(project, answers, manifest, date(2026, 12, 1))
    coming = {c.requirement.id: c.day for c in found.coming}
    assert coming["vermont.design-code"] == date(2027, 1, 1)
    assert not found.out_of_date
    assert outdated(project, answers, manifest, date(2026, 6, 1)).coming == ()  # 214 days
    later = outdated(project, answers, manifest, date(2027, 7, 1))
    assert later.out_of_date and "vermont.design-code" in {
        c.requirement.id for c in later.in_force_since_built}


def test_a_build_from_before_releases_compares_with_every_release(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A manifest without `library_release` (built before the library had versions): every
    release counts as since, so the changes of every release that touch the kiosk business
    are listed (2026.12.3 changed a requirement it has), and a rebuild records the version."""
    assert main(["build", "--example", "kiosk", "-o", str(tmp_path), "--format", "md"]) == 0
    path = next(tmp_path.iterdir()) / "drafter-manifest.json"
    record = json.loads(path.read_text())
    del record["library_release"]
    path.write_text(json.dumps(record))
    capsys.readouterr()
    assert main(["outdated", "--example", "kiosk", "-o", str(tmp_path)]) == 1
    out = capsys.readouterr().out
    assert out.startswith("Parcel Point Kiosks, Inc.: policy built with an unversioned library "
                          f"(before releases were recorded); installed: {INSTALLED}.")
    assert "requirement changed: caloppa.categories" in out
    assert "eu.email-tracking-consent" not in out  # a change that does not touch a kiosk
    assert main(["build", "--example", "kiosk", "-o", str(tmp_path), "--format", "md"]) == 0
    assert main(["outdated", "--example", "kiosk", "-o", str(tmp_path)]) == 0


def test_no_build_is_a_one_line_error(tmp_path: Path,
                                      capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["outdated", "--example", "kiosk", "-o", str(tmp_path)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "no policy built here yet: run `drafter build" in err


def test_the_report_names_duties_to_come_and_those_already_due(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    answers = tmp_path / "vermont.yaml"
    text = examples()["vermont-kids"].read_text()
    assert "effective_date: 2027-01-04" in text
    answers.write_text(text.replace("effective_date: 2027-01-04", "effective_date: 2026-12-01"))
    out = tmp_path / "out"
    assert main(["build", str(answers), "-o", str(out), "--format", "md"]) == 0
    capsys.readouterr()
    monkeypatch.setenv("DRAFTER_TODAY", "2026-12-01")
    assert main(["outdated", str(answers), "-o", str(out)]) == 0
    report = capsys.readouterr().out
    assert "\nComing into force (within 180 days):\n  From January 1, 2027 your policy must " \
           "also say: " in report
    assert "(Vermont Age-Appropriate Design Code, " in report
    monkeypatch.setenv("DRAFTER_TODAY", "2027-01-02")
    assert main(["outdated", str(answers), "-o", str(out)]) == 1
    report = capsys.readouterr().out
    assert "  Since January 1, 2027 your policy must also say: " in report
    assert report.endswith("Out of date: duties listed above started after the policy's "
                           "effective date: give it a later one (policy.effective_date) and "
                           "rebuild.\n")



def test_a_policy_built_with_a_newer_library_says_so(scene: Scene) -> None:
    """`--library` pinned to an older folder than the build's: no change is listed as new,
    and the report says the installed library is the older one."""
    folder = next(scene.out.iterdir())
    manifest = load_manifest(folder)
    assert manifest is not None
    old = Project.load(library=scene.old)
    found = outdated(old, old.answers(scene.answers),
                     replace(manifest, library_release="2100.1.1"), date(2026, 12, 1))
    assert found.ahead and not found.behind and found.changes == () and not found.out_of_date
