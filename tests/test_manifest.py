"""The build manifest records exactly what Drafter generated, so later builds can trust it."""

from __future__ import annotations

import hashlib
import json
import re
from typing import Any
from pathlib import Path

import pytest

from drafter.cli import main
from drafter.manifest import load_manifest
from drafter.paths import examples
from tests.conftest import real_project


def test_manifest_holds_versions_answers_texts_and_hashes(tmp_path: Path) -> None:
    assert main(["build", "--example", "print-mail", "-o", str(tmp_path)]) == 0
    folder = tmp_path / "fold-stamp-print-co"
    manifest = load_manifest(folder)
    assert manifest is not None
    assert manifest.library_version.startswith("clauses-")
    assert manifest.answers["business.name"] == "Fold & Stamp Print Co."
    expected_hash = hashlib.sha256(json.dumps(manifest.answers, sort_keys=True).encode()).hexdigest()
    assert manifest.answers_hash == expected_hash
    for name, record in manifest.files.items():
        data = (folder / name).read_bytes()
        assert record.sha256 == hashlib.sha256(data).hexdigest(), name
        assert record.text is None if name.endswith(".docx") else record.text == data.decode()
    assert set(manifest.files) == {f"privacy-policy.{s}" for s in ("md", "html", "txt", "docx")}
    project = real_project()
    policy = project.draft(project.answers(examples()["print-mail"])).policy
    assert [(c.id, c.text) for c in manifest.clauses] == [(c.id, c.markdown) for c in policy.clauses()]
    assert manifest.generated.markdown == (folder / "privacy-policy.md").read_text()


def test_a_broken_manifest_is_a_one_line_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["build", "--example", "kiosk", "-o", str(tmp_path)]) == 0
    manifest = tmp_path / "parcel-point-kiosks-inc" / "drafter-manifest.json"
    manifest.write_text('{"format": 1}')
    assert main(["build", "--example", "kiosk", "-o", str(tmp_path)]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"drafter: error: {manifest}: ") and err.count("\n") == 1


@pytest.mark.parametrize(("edit", "message"), [
    (lambda m: m["files"]["privacy-policy.md"].update(sha256=7),
     "files.privacy-policy.md.sha256: Input should be a valid string"),
    (lambda m: m["clauses"][1].pop("text"), "clauses.1.text: Field required"),
    (lambda m: m["generated"].update(extra="x"), "generated.extra: Extra inputs are not permitted"),
    (lambda m: m.update(format="1"), "format: Input should be a valid integer"),
    (lambda m: m.update(effective_date="soon"), "effective_date: Input should be a valid date"),
    (lambda m: m.update(sections={}), "sections: Input should be a valid list"),
    (lambda m: m.update(unresolved=None), None),
])
def test_each_field_of_the_manifest_is_checked_where_it_is(
        tmp_path: Path, edit: Any, message: str | None) -> None:
    from drafter.errors import UserError

    assert main(["build", "--example", "kiosk", "--format", "md", "-o", str(tmp_path)]) == 0
    folder = tmp_path / "parcel-point-kiosks-inc"
    path = folder / "drafter-manifest.json"
    record = json.loads(path.read_text())
    edit(record)
    path.write_text(json.dumps(record))
    if message is None:
        assert load_manifest(folder) is not None
        return
    with pytest.raises(UserError, match=re.escape(message)):
        load_manifest(folder)


def test_the_library_version_hashes_every_file_by_its_path_in_path_order(tmp_path: Path) -> None:
    """`library_version` as it was first written with pathlib (rglob, Path order, symlinked
    folders not entered), on names whose string order differs from their path order."""
    import os
    from types import SimpleNamespace

    from drafter.manifest import library_version

    def reference(root: Path) -> str:
        digest = hashlib.sha256()
        for path in sorted(p for p in root.rglob("*") if p.is_file()):
            digest.update(path.relative_to(root).as_posix().encode() + b"\0")
            digest.update(path.read_bytes() + b"\0")
        return f"clauses-{digest.hexdigest()[:12]}"

    for name in ("a/b", "a-b/x", "a.b", "A/z", ".hidden", "a/.h/y", "é/ü", "a b/c"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(name)
    os.symlink(tmp_path / "a", tmp_path / "linked-folder")
    os.symlink(tmp_path / "a.b", tmp_path / "linked-file")
    os.symlink(tmp_path / "nowhere", tmp_path / "broken-link")
    assert library_version(SimpleNamespace(root=tmp_path)) == reference(tmp_path)  # type: ignore[arg-type]


def test_a_rebuild_reads_the_folders_manifest_once(tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    """The manifest holds the whole policy several times over (some 300 KB of JSON for the
    largest example): a build reads the last one once, and passes on the one it writes
    (to `changes.md` and the other languages) rather than reading it back (issue 13)."""
    import drafter.manifest

    command = ["build", "--example", "kiosk", "--lang", "en,es", "--format", "md,txt",
               "-o", str(tmp_path)]
    assert main(command) == 0
    read: list[Path] = []

    def counted(path: Path, *args: Any, **kwargs: Any) -> str:
        read.append(path)
        return read_text(path, *args, **kwargs)

    read_text = drafter.manifest.read_text
    monkeypatch.setattr(drafter.manifest, "read_text", counted)
    assert main(command) == 0
    assert [p.name for p in read] == ["drafter-manifest.json"]
    folder = read[0].parent
    assert (folder / "changes.md").exists() and (folder / "privacy-policy.es.txt").exists()
    manifest = load_manifest(folder)
    assert manifest is not None and set(manifest.languages) == {"es"}
