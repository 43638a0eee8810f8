"""The parse cache: a second start reads the library from it, and an edit is never stale."""

from __future__ import annotations

import os
import pickle
import time
import shutil
from pathlib import Path
from typing import Any

import pytest

from drafter import parsecache, yamlio
from drafter.library import load_library
from drafter.paths import default_library
from drafter.review.rules import load_review_rules


@pytest.fixture()
def fresh(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the library, and a cache of its own (as a new process would start with)."""
    monkeypatch.setenv("DRAFTER_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setattr(parsecache, "_CACHE", parsecache._Cache())
    root = tmp_path / "clauses"
    shutil.copytree(default_library(), root)
    return root


def _new_process(monkeypatch: pytest.MonkeyPatch) -> None:
    parsecache.save()
    monkeypatch.setattr(parsecache, "_CACHE", parsecache._Cache())


def _no_parsing(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: Any) -> Any:
        raise AssertionError("parsed although the cache holds this text")

    monkeypatch.setattr(yamlio, "_parse_fast", refuse)


def test_a_second_start_parses_nothing(fresh: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    first = load_library(fresh)
    assert list((fresh.parent / "cache").glob("*")) == []  # written at exit (or `save`)
    _new_process(monkeypatch)
    assert len(list((fresh.parent / "cache").glob("parsed-*.pickle"))) == 1
    _no_parsing(monkeypatch)
    second = load_library(fresh)
    assert [c.meta for c in second.clauses] == [c.meta for c in first.clauses]
    assert dict(second.requirements).keys() == dict(first.requirements).keys()
    assert [e.requirement for e in second.requirements.values()] == \
        [e.requirement for e in first.requirements.values()]


def test_an_edited_clause_file_is_read_again(fresh: Path,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    load_library(fresh)
    load_review_rules.cache_clear()
    _new_process(monkeypatch)
    path = next(fresh.rglob("updates.md.j2"))
    text = path.read_text()
    path.write_text(text.replace("order:", "title: Edited title\norder:", 1))
    clause = next(c for c in load_library(fresh).clauses if c.path == path)
    assert clause.meta.title == "Edited title"


def test_an_edit_that_breaks_a_file_is_reported_not_hidden(
        fresh: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    load_library(fresh)
    _new_process(monkeypatch)
    path = fresh / "requirements.yaml"
    text = path.read_text()
    line = text[:text.index("severity: warning")].count("\n") + 1
    path.write_text(text.replace("severity: warning", "severity: urgent", 1))
    with pytest.raises(Exception, match=f"requirements.yaml:{line}: "):
        load_library(fresh)


def test_a_torn_cache_file_only_costs_speed(fresh: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    load_library(fresh)
    _new_process(monkeypatch)
    for found in (fresh.parent / "cache").glob("parsed-*.pickle"):
        found.write_bytes(found.read_bytes()[:100])
    assert len(load_library(fresh).clauses) > 100


def test_off_turns_the_cache_off(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DRAFTER_CACHE_DIR", "off")
    assert parsecache.cache_dir() is None
    monkeypatch.delenv("DRAFTER_CACHE_DIR")
    monkeypatch.setenv("XDG_CACHE_HOME", "/somewhere")
    assert parsecache.cache_dir() == Path("/somewhere/drafter")


def test_answers_are_validated_again_against_a_changed_questionnaire(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from drafter.paths import default_questionnaire, examples
    from drafter.project import Project

    monkeypatch.setenv("DRAFTER_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setattr(parsecache, "_CACHE", parsecache._Cache())
    answers = examples()["kiosk"]
    assert Project.load().answers(answers).values["business.name"]
    _new_process(monkeypatch)
    stricter = tmp_path / "questionnaire.yaml"
    stricter.write_text(default_questionnaire().read_text().replace(
        "        required: true\n        max: 200\n", "        required: true\n        max: 3\n", 1))
    with pytest.raises(Exception, match="business.name"):
        Project.load(stricter).answers(answers)
    edited = tmp_path / "answers.yaml"
    edited.write_text(answers.read_text().replace("name: ", "name: Renamed ", 1))
    assert Project.load().answers(edited).values["business.name"].startswith("Renamed ")


def test_the_cache_stays_small_as_files_are_edited(fresh: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    folder = fresh.parent / "cache"
    folder.mkdir()
    older = folder / "parsed-0123456789abcdef.pickle"
    older.write_bytes(b"from an older Drafter")
    month_ago = time.time() - (parsecache.STALE_DAYS + 1) * 86400
    os.utime(older, (month_ago, month_ago))
    other = folder / "parsed-fedcba9876543210.pickle"  # a second install's, in use
    other.write_bytes(b"from another Drafter")
    path = next(fresh.rglob("updates.md.j2"))
    text = path.read_text()
    for n in range(4):  # each edit leaves the entries of the text before it
        path.write_text(text.replace("order: 10", f"order: {10 + n}", 1))
        load_library(fresh)
        used = len(parsecache._CACHE.used)
        _new_process(monkeypatch)
    assert not older.exists() and other.exists()  # a second install keeps its cache
    [kept] = set(folder.glob("parsed-*.pickle")) - {other}
    with kept.open("rb") as handle:
        assert len(pickle.load(handle)) <= 2 * used


def test_template_code_comes_from_the_cache_and_a_torn_entry_is_compiled_again(
        fresh: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from drafter.templating import compile_template, environment

    source = "Hello {{ name }} ({{ 6 * 7 }}) — test_template_code_comes_from_the_cache"
    before = set(parsecache._CACHE._load())
    assert compile_template(source).render(name="x").startswith("Hello x (42) — test_")
    _new_process(monkeypatch)
    compiled: list[str] = []
    real_compile = type(environment()).compile

    def counting(self: Any, *args: Any, **kwargs: Any) -> Any:
        compiled.append(str(args[0]))
        return real_compile(self, *args, **kwargs)

    monkeypatch.setattr(type(environment()), "compile", counting)
    assert compile_template(source).render(name="y").startswith("Hello y (42)")
    assert compiled == []  # the code came from the cache
    entries = parsecache._CACHE._load()
    (key,) = [k for k in set(entries) - before if k.startswith("jinja code")]
    entries[key] = entries[key][:20]  # torn
    assert compile_template(source).render(name="z").startswith("Hello z (42)")
    assert compiled == [source]


def test_a_cache_folder_that_cannot_be_written_only_costs_speed(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """(As root a read-only mode does not stop a write, so the folder's place is a file.)"""
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the cache folder would be")
    monkeypatch.setenv("DRAFTER_CACHE_DIR", str(blocker / "cache"))
    monkeypatch.setattr(parsecache, "_CACHE", parsecache._Cache())
    assert len(load_library(default_library()).clauses) > 100
    parsecache.save()  # raises nothing
    assert blocker.read_text().startswith("a file")
