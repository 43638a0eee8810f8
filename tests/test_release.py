"""The clause library has its own version and a dated changelog: every requirement, clause
or question changed since the recorded release must have an entry saying so."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from drafter.cli import main
from drafter.errors import UserError
from drafter.library import load_library
from drafter.manifest import load_manifest
from drafter.paths import default_library
from drafter.release import (
    CHANGELOG,
    library_release,
    load_changelog,
    stale_entries,
    unrecorded,
)
from tests.conftest import real_project


def test_every_change_since_the_last_release_has_a_changelog_entry() -> None:
    project = real_project()
    missing = unrecorded(project.library, project.questionnaire, project.library_root)
    assert not missing, "\n".join(missing)


def test_the_newest_release_names_only_what_is_there() -> None:
    project = real_project()
    stale = stale_entries(project.library, project.questionnaire, project.library_root)
    assert not stale, "\n".join(stale)


def test_version_shows_the_program_and_the_library(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exited:
        main(["--version"])
    assert exited.value.code == 0
    current = load_changelog(default_library()).releases[-1].version
    assert capsys.readouterr().out == f"drafter 0.1.0, library {current}\n"


def test_a_build_records_the_library_release(tmp_path: Path) -> None:
    assert main(["build", "--example", "kiosk", "-o", str(tmp_path), "--format", "md"]) == 0
    manifest = load_manifest(next(tmp_path.iterdir()))
    assert manifest is not None
    assert manifest.library_release == library_release(default_library()) is not None


@pytest.fixture(scope="module")
def library_copy(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("lib") / "clauses"
    shutil.copytree(default_library(), root)
    return root


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text()
    assert old in text
    path.write_text(text.replace(old, new, 1))


def test_a_change_without_an_entry_is_named_with_the_entry_to_add(library_copy: Path) -> None:
    """The check can fail: a reworded requirement and clause, each named, and the message
    says which entry to add; an entry listing them satisfies it."""
    project = real_project()
    _edit(library_copy / "requirements.yaml", "- id: caloppa.categories\n",
          "- id: caloppa.categories\n  verify: true\n")
    clause = next(c for c in project.library.clauses if c.meta.id == "contact.details")
    copy = library_copy / clause.path.relative_to(project.library_root)
    copy.write_text(copy.read_text() + "\n")
    library = load_library(library_copy)
    missing = unrecorded(library, project.questionnaire, library_copy)
    assert len(missing) == 2, missing
    assert missing[0].startswith("requirement caloppa.categories was changed since library ")
    assert "`requirements: {changed: [caloppa.categories]}`" in missing[0]
    assert "clause contact.details was changed" in missing[1]
    changelog = library_copy / CHANGELOG
    changelog.write_text(changelog.read_text() + "  - version: 2099.1.1\n    date: 2099-01-01\n"
                         "    summary: test\n    changes:\n"
                         "      - summary: x\n"
                         "        requirements: {changed: [caloppa.categories]}\n"
                         "      - summary: y\n        clauses: {added: [contact.details]}\n")
    assert load_changelog(library_copy).version == "2099.1.1"
    missing = unrecorded(library, project.questionnaire, library_copy)
    assert len(missing) == 1 and "clause contact.details was changed" in missing[0]
    assert "(it lists it as added)" in missing[0]
    assert stale_entries(library, project.questionnaire, library_copy) == []


def test_releases_out_of_order_are_a_one_line_error(tmp_path: Path) -> None:
    (tmp_path / CHANGELOG).write_text(
        "releases:\n  - {version: 2026.12.2, date: 2026-12-02, summary: b}\n"
        "  - {version: 2026.12.1, date: 2026-12-01, summary: a}\n")
    with pytest.raises(UserError) as raised:
        load_changelog(tmp_path)
    assert str(raised.value).startswith(f"{tmp_path / CHANGELOG}:3: releases.1.version: ")


def test_how_the_review_recognises_an_item_is_no_release_change(tmp_path) -> None:
    """`detect`, `looks_for` and `certain` are read only when reviewing someone else's
    policy: rewording them changes nothing the law asks of a business, so `drafter outdated`
    must not tell owners a requirement changed."""
    import shutil

    from drafter.paths import default_library
    from drafter.project import Project
    from drafter.release import content_hashes

    root = tmp_path / "clauses"
    shutil.copytree(default_library(), root)
    before = Project.load(library=root)
    path = root / "requirements.yaml"
    text = path.read_text()
    start = text.index("- id: gdpr.dpo\n")
    looks = text.index("  looks_for: '", start)
    path.write_text(text[:looks] + text[looks:].replace("  looks_for: '",
                                                        "  looks_for: 'reworded: ", 1))
    after = Project.load(library=root)
    old = content_hashes(before.library, before.questionnaire)["requirements"]
    new = content_hashes(after.library, after.questionnaire)["requirements"]
    assert after.library.requirements["gdpr.dpo"].requirement.looks_for.startswith("reworded")
    assert old == new


_RELEASE = "releases:\n  - version: 2026.12.1\n    date: 2026-12-01\n    summary: a\n"
CHANGELOG_MISTAKES = [  # (the changelog, the error after its path)
    (_RELEASE + "    bogus: 1\n", ":5: releases.0.bogus: Extra inputs are not permitted"),
    (_RELEASE.replace("2026.12.1", "2026-12"), ":2: releases.0.version: String should match "
     "pattern '^[0-9]{4}\\.[0-9]{1,2}\\.[0-9]+$'"),
    (_RELEASE + "    changes:\n      - {summary: b, clauses: [x]}\n",
     ":6: releases.0.changes.0.clauses: Input should be a valid dictionary or instance of Items"),
    (_RELEASE + "    changes:\n      - {summary: b, clauses: {moved: [x]}}\n",
     ":6: releases.0.changes.0.clauses.moved: Extra inputs are not permitted"),
    (_RELEASE + "    changes:\n      - {summary: b, in_force: soon}\n",
     ":6: releases.0.changes.0.in_force: Input should be a valid date or datetime, input is "
     "too short"),
]


@pytest.mark.parametrize(("text", "error"), CHANGELOG_MISTAKES)
def test_a_mistake_in_the_changelog_names_its_line_and_field(
        tmp_path: Path, text: str, error: str) -> None:
    """The changelog is read into records (drafter.records), its mistakes worded as before."""
    (tmp_path / CHANGELOG).write_text(text)
    with pytest.raises(UserError) as raised:
        load_changelog(tmp_path)
    assert str(raised.value) == f"{tmp_path / CHANGELOG}{error}"
