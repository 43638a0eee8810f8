"""`drafter build --lang`: one file set per language beside the English, which keeps its
names; a language that lacks wording the answers need refuses in one line naming it."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from drafter.cli import main
from drafter.manifest import load_manifest
from drafter.paths import default_library


def _build(tmp_path: Path, *args: str, library: Path | None = None) -> int:
    chosen = ["--library", str(library)] if library else []
    return main([*chosen, "build", "--example", args[0], "-o", str(tmp_path), "--format",
                 "md,html,txt", *args[1:]])


def _without_spanish_kiosk_overview(tmp_path: Path) -> Path:
    """A copy of the library whose kiosk overview has no Spanish yet (the shipped library may
    translate everything the kiosk example needs)."""
    root = tmp_path / "clauses"
    shutil.copytree(default_library(), root)
    (root / "modules" / "kiosks" / "overview.es.md.j2").unlink()
    return root


def test_each_language_writes_its_own_files_and_english_keeps_its_names(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert _build(tmp_path, "quebec-firm", "--lang", "en,es,fr-CA") == 0
    folder = tmp_path / "fournitures-fleur-de-sel-inc"
    names = {p.name for p in folder.iterdir()}
    assert {"privacy-policy.md", "privacy-policy.html", "privacy-policy.txt", "review.md",
            "privacy-policy.es.md", "privacy-policy.es.html", "privacy-policy.es.txt",
            "privacy-policy.fr-CA.md", "privacy-policy.fr-CA.html",
            "privacy-policy.fr-CA.txt"} <= names
    html = (folder / "privacy-policy.fr-CA.html").read_text()
    assert '<html lang="fr-CA">' in html
    for lang, href in (("en", "privacy-policy.html"), ("es", "privacy-policy.es.html"),
                       ("fr-CA", "privacy-policy.fr-CA.html")):
        assert f'hreflang="{lang}" href="{href}"' in html
        assert f'hreflang="{lang}" href="{href}"' in (folder / "privacy-policy.html").read_text()
    assert '<html lang="en">' in (folder / "privacy-policy.html").read_text()
    assert "Politique de confidentialité" in (folder / "privacy-policy.fr-CA.md").read_text()
    assert "27 de noviembre de 2026" in (folder / "privacy-policy.es.md").read_text()
    review = (folder / "review.md").read_text()
    assert "Also built, from the same answers and clauses, in: Spanish, Canadian French" in review
    manifest = load_manifest(folder)
    assert manifest is not None and "privacy-policy.es.md" in manifest.files
    out = capsys.readouterr().out
    assert str(folder / "privacy-policy.fr-CA.html") in out


def test_a_language_missing_wording_refuses_in_one_line_and_writes_nothing(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    library = _without_spanish_kiosk_overview(tmp_path / "library")
    out = tmp_path / "out"
    assert _build(out, "kiosk", "--lang", "en,es", library=library) == 2
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1
    assert "no Spanish (es) policy" in err and "kiosks.overview" in err
    assert not out.exists() or not any(out.iterdir())


def test_without_lang_the_answered_languages_are_built_or_named(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """texas-small serves people in Spanish: its Spanish is built. The kiosk example too, but
    the library cannot write it yet: the English is built and the missing language named."""
    library = _without_spanish_kiosk_overview(tmp_path / "library")
    tmp_path = tmp_path / "out"
    assert _build(tmp_path, "texas-small") == 0
    assert (tmp_path / "bluebonnet-bike-repair-llc" / "privacy-policy.es.md").is_file()
    assert not (tmp_path / "bluebonnet-bike-repair-llc" / "privacy-policy.fr-CA.md").exists()
    assert _build(tmp_path, "kiosk", library=library) == 0
    out = capsys.readouterr().out
    assert "Not built: no Spanish (es) policy" in out
    assert [p.parent.name for p in tmp_path.glob("*/privacy-policy.es.md")] == \
        ["bluebonnet-bike-repair-llc"]
    # review.md (in English, for counsel) says which languages were built, and which not
    texas = (tmp_path / "bluebonnet-bike-repair-llc" / "review.md").read_text()
    assert "Also built, from the same answers and clauses, in: Spanish (" in texas
    assert "Not built in" not in texas
    (kiosk,) = [p for p in tmp_path.glob("*/review.md") if "bluebonnet" not in str(p)]
    review = kiosk.read_text()
    assert "Also built" not in review
    assert "Not built in Spanish (es), although the business serves people in it: " in review
    assert "clause(s) these answers need have no Spanish wording yet (" in review


def test_an_unknown_language_or_no_english_is_refused(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert _build(tmp_path, "texas-small", "--lang", "en,de") == 2
    assert "no language 'de' in the library; it offers en, es, fr-CA" in capsys.readouterr().err
    assert _build(tmp_path, "texas-small", "--lang", "es") == 2
    assert "English is always built" in capsys.readouterr().err


def test_a_language_file_edited_before_languages_were_recorded_is_backed_up_then_replaced(
        tmp_path: Path) -> None:
    """A folder built before the manifest kept each language's generation has no base to
    merge counsel's Spanish edits on: the file is backed up (never lost), then replaced.
    (Merging counsel's edits per language: test_counsel_languages.py.)"""
    assert _build(tmp_path, "texas-small", "--lang", "en,es") == 0
    folder = tmp_path / "bluebonnet-bike-repair-llc"
    record = json.loads((folder / "drafter-manifest.json").read_text())
    assert set(record.pop("languages")) == {"es"}
    (folder / "drafter-manifest.json").write_text(json.dumps(record))
    spanish = folder / "privacy-policy.es.md"
    spanish.write_text(spanish.read_text() + "\nEditado por el abogado.\n")
    assert _build(tmp_path, "texas-small", "--lang", "en,es") == 0
    backups = list((folder / "backups").glob("privacy-policy.es.*.md"))
    assert len(backups) == 1 and "Editado por el abogado." in backups[0].read_text()
    assert "Editado por el abogado." not in spanish.read_text()
