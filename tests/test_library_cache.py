"""The questionnaire and library kept as one object between runs (drafter/library_cache.py):
a second start reads no file's parse, an edit is never stale, a broken entry only costs speed."""

from __future__ import annotations

import os
import shutil
from pathlib import Path
from typing import Any

import pytest

from drafter import library_cache, parsecache, project as project_module
from drafter.manifest import hash_library
from drafter.project import Project

from tests.conftest import MINI


@pytest.fixture()
def mini_copy(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the mini questionnaire and library, and a cache folder of their own."""
    monkeypatch.setenv("DRAFTER_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setattr(parsecache, "_CACHE", parsecache._Cache())
    shutil.copytree(MINI, tmp_path / "mini")
    return tmp_path / "mini"


def _load(folder: Path) -> Project:
    project = Project.load(folder / "questionnaire.yaml", folder / "clauses")
    project.library  # noqa: B018 - loaded, and so kept
    return project


def _entries(folder: Path) -> list[Path]:
    return sorted((folder.parent / "cache").glob("library-*.pickle"))


def _no_reading(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: Any, **kwargs: Any) -> Any:
        raise AssertionError("read again although the cache holds it")

    monkeypatch.setattr(project_module, "load_questionnaire", refuse)
    monkeypatch.setattr("drafter.library.load_library", refuse)


def _text(project: Project, folder: Path) -> str:
    from drafter.document.model import Draft
    from drafter.export.markdown import to_markdown

    return to_markdown(Draft(project.assemble(project.answers(folder / "answers.yaml")), ()))


def test_a_second_start_reads_the_kept_object(mini_copy: Path,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    first = _load(mini_copy)
    assert len(_entries(mini_copy)) == 1
    _no_reading(monkeypatch)
    second = _load(mini_copy)
    assert second.questionnaire.keys == first.questionnaire.keys
    assert [c.meta for c in second.library.clauses] == [c.meta for c in first.library.clauses]
    kept = vars(second.library)
    assert {"review_rules", "notice", "changelog", "version", "by_section",
            "template_data"} <= kept.keys()
    assert kept["version"] == hash_library(mini_copy / "clauses")
    assert _text(second, mini_copy) == _text(first, mini_copy)


@pytest.mark.parametrize("edit", ["clause", "added clause", "questionnaire"])
def test_an_edited_or_added_file_is_never_stale(mini_copy: Path, edit: str) -> None:
    _load(mini_copy)
    clause = mini_copy / "clauses" / "main" / "intro.md.j2"
    if edit == "clause":
        clause.write_text(clause.read_text().replace("answers at", "is reached at"))
    elif edit == "added clause":
        (clause.parent / "more.md.j2").write_text(
            "---\nid: main.more\nsection: main\norder: 90\n---\nOne more sentence.\n")
    else:
        path = mini_copy / "questionnaire.yaml"
        path.write_text(path.read_text().replace("title:", "title: Edited", 1))
    project = _load(mini_copy)
    text = _text(project, mini_copy)
    assert ("is reached at" in text) == (edit == "clause")
    assert ("One more sentence." in text) == (edit == "added clause")
    assert project.questionnaire.title.startswith("Edited") == (edit == "questionnaire")


@pytest.mark.parametrize("damage", ["truncated", "garbage", "empty"])
def test_a_broken_entry_is_loaded_afresh_and_replaced(mini_copy: Path, damage: str,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    expected = _text(_load(mini_copy), mini_copy)
    [entry] = _entries(mini_copy)
    data = entry.read_bytes()
    broken = {"truncated": data[: len(data) // 2], "garbage": b"\x80not a pickle",
              "empty": b""}[damage]
    entry.write_bytes(broken)
    assert _text(_load(mini_copy), mini_copy) == expected
    assert entry.read_bytes() != broken  # written whole again, and read on the next start:
    _no_reading(monkeypatch)
    assert _text(_load(mini_copy), mini_copy) == expected


def test_a_file_changed_while_loading_keeps_nothing(mini_copy: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    """The key is taken before the files are read: one edited meanwhile would be kept under
    the old text's key (stale once the edit is undone), so nothing is kept."""
    from drafter import library

    real = library.load_library

    def edited_meanwhile(root: Path) -> Any:
        loaded = real(root)
        clause = root / "main" / "intro.md.j2"
        clause.write_text(clause.read_text() + "\nEdited while loading.\n")
        return loaded

    monkeypatch.setattr(library, "load_library", edited_meanwhile)
    _load(mini_copy)
    assert _entries(mini_copy) == []


def test_an_interrupted_write_leaves_the_old_entry_whole(mini_copy: Path,
                                                         monkeypatch: pytest.MonkeyPatch
                                                         ) -> None:
    """Written to a temporary file and renamed over the entry: two writers, or a writer and a
    reader, never see half a file; a failed write leaves the old one and no temporary file."""
    _load(mini_copy)
    [entry] = _entries(mini_copy)
    before = entry.read_bytes()
    clause = mini_copy / "clauses" / "main" / "intro.md.j2"
    clause.write_text(clause.read_text().replace("answers at", "is reached at"))

    def fail(*args: Any) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", fail)
    assert "is reached at" in _text(_load(mini_copy), mini_copy)
    assert entry.read_bytes() == before
    assert sorted(p.name for p in entry.parent.iterdir() if p.name.startswith(".")) == []


def test_off_keeps_nothing(mini_copy: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DRAFTER_CACHE_DIR", "off")
    assert library_cache.key(mini_copy / "questionnaire.yaml", mini_copy / "clauses") is None
    _load(mini_copy)
    assert not (mini_copy.parent / "cache").exists()


def test_the_app_reads_the_questionnaire_alone_and_the_library_when_asked(
        mini_copy: Path) -> None:
    """Without `with_library` (the app's first screen) the library is not unpickled, nor its
    modules imported; asked for later, it comes from the entry unless a file changed since."""
    import subprocess
    import sys

    _load(mini_copy)
    code = ("import sys; from pathlib import Path; from drafter.project import Project; "
            "p = Project.load(Path(sys.argv[1]) / 'questionnaire.yaml', "
            "Path(sys.argv[1]) / 'clauses'); "
            "print(sorted(m for m in ('drafter.library', 'drafter.review', 'markdown_it') "
            "if m in sys.modules), bool(p._loaded))")
    result = subprocess.run([sys.executable, "-c", code, str(mini_copy)], capture_output=True,
                            text=True, check=True, env=dict(os.environ))
    assert result.stdout.split() == ["[]", "False"]
    project = Project.load(mini_copy / "questionnaire.yaml", mini_copy / "clauses")
    clause = mini_copy / "clauses" / "main" / "intro.md.j2"
    clause.write_text(clause.read_text().replace("answers at", "is reached at"))
    assert "is reached at" in _text(project, mini_copy)  # edited after the questionnaire


def test_with_library_reads_both_at_once(mini_copy: Path,
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    """`drafter build` and `review` take both from one read of the entry, hashing the files
    once."""
    _load(mini_copy)
    _no_reading(monkeypatch)
    hashed: list[Path] = []
    real = library_cache.key

    def counted(questionnaire: Path, root: Path) -> str | None:
        hashed.append(root)
        return real(questionnaire, root)

    monkeypatch.setattr(library_cache, "key", counted)
    project = Project.load(mini_copy / "questionnaire.yaml", mini_copy / "clauses",
                           with_library=True)
    assert project._loaded and len(hashed) == 1
    assert project.library.clauses and len(hashed) == 1
