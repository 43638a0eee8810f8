"""Re-generation keeps counsel's edits: the end-to-end merge and conflict scenarios, and the
rule that reviewer-note decorations never collide with prose edits."""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from drafter.cli import main
from drafter.document.markdown import NOTES_MARK
from drafter.manifest import Generation, load_manifest
from drafter.paths import examples
from drafter.regenerate import merge

FOLDER = "parcel-point-kiosks-inc"
# Sentences from three different clauses of the kiosk policy.
WHO = 'This policy explains how Parcel Point Kiosks, Inc. ("Parcel Point") handles personal information.'
CHILDREN = "Our services are not meant for children under 13, and we do not knowingly collect their personal information."
SELLS_OLD = "We do not sell your personal information, and we do not share it with other companies"
SELLS_NEW = "We do not sell your personal information for money."


def _answers(tmp_path: Path, advertising: bool) -> Path:
    text = examples()["kiosk"].read_text()
    path = tmp_path / "answers.yaml"
    path.write_text(text.replace("  advertising: false", f"  advertising: {str(advertising).lower()}"))
    return path


def _build(answers: Path, out: Path, *extra: str) -> int:
    return main(["build", str(answers), "-o", str(out), *extra])


def _first_build(tmp_path: Path) -> tuple[Path, Path, Path]:
    """Answers without advertising, built once: (answers file, output dir, the Markdown)."""
    answers = _answers(tmp_path, advertising=False)
    out = tmp_path / "out"
    assert _build(answers, out) == 0
    return answers, out, out / FOLDER / "privacy-policy.md"


def _turn_on_advertising(answers: Path) -> None:
    answers.write_text(answers.read_text().replace("advertising: false", "advertising: true"))


def _edit(text: str, old: str, new: str) -> str:
    assert text.count(old) == 1, old
    return text.replace(old, new)


def test_clean_merge_keeps_both_edits_and_the_new_text(tmp_path: Path) -> None:
    answers, out, md_path = _first_build(tmp_path)
    edits = [(WHO, "This policy explains how Parcel Point Kiosks, Inc. (\"Parcel Point\") "
                   "collects, uses and protects personal information."),
             (CHILDREN, "We do not aim our services at children under 13.")]
    edited = md_path.read_text()
    for old, new in edits:
        edited = _edit(edited, old, new)
    md_path.write_text(edited)

    _turn_on_advertising(answers)
    assert _build(answers, out) == 0

    merged = md_path.read_text()
    fresh = tmp_path / "fresh"
    assert _build(answers, fresh) == 0
    expected = (fresh / FOLDER / "privacy-policy.md").read_text()
    for old, new in edits:
        expected = _edit(expected, old, new)
    assert merged == expected  # both edits and the new text, nothing else moved
    assert SELLS_NEW in merged and SELLS_OLD not in merged
    assert list((out / FOLDER / "backups").glob("privacy-policy.*.md"))
    # The other formats are rendered from the merged Markdown.
    assert "We do not aim our services at children under 13." in (out / FOLDER / "privacy-policy.txt").read_text()


def test_editing_the_rewritten_sentence_is_a_conflict(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    answers, out, md_path = _first_build(tmp_path)
    edited = _edit(md_path.read_text(), SELLS_OLD, "We never sell or rent your personal information, and we do not share it with other companies")
    md_path.write_text(edited)
    html_before = (out / FOLDER / "privacy-policy.html").read_text()

    _turn_on_advertising(answers)
    assert _build(answers, out) == 1
    shown = capsys.readouterr().out
    assert "conflict at" in shown and "sharing.overview" in shown

    merged = md_path.read_text()
    line = int(re.search(r"privacy-policy\.md:(\d+) \(clause sharing\.overview\)", shown)[1])
    assert merged.splitlines()[line - 1] == "<<<<<<< counsel's edit (privacy-policy.md)"
    assert ">>>>>>> new draft" in merged
    assert "We never sell or rent your personal information" in merged
    assert SELLS_NEW in merged
    backups = list((out / FOLDER / "backups").glob("privacy-policy.*.md"))
    assert [b.read_text() for b in backups] == [edited]
    assert (out / FOLDER / "privacy-policy.html").read_text() == html_before

    # Until the conflict is resolved, a build refuses to touch the file.
    assert _build(answers, out) == 2
    assert md_path.read_text() == merged


def test_force_backs_up_and_regenerates(tmp_path: Path) -> None:
    answers, out, md_path = _first_build(tmp_path)
    generated = md_path.read_text()
    md_path.write_text(generated.replace(WHO, "Counsel rewrote this."))
    assert _build(answers, out, "--force") == 0
    assert md_path.read_text() == generated
    backups = list((out / FOLDER / "backups").glob("privacy-policy.*.md"))
    assert len(backups) == 1 and "Counsel rewrote this." in backups[0].read_text()


def test_restoring_the_backup_after_a_conflict_merges_against_the_older_draft(tmp_path: Path) -> None:
    answers, out, md_path = _first_build(tmp_path)
    edited = _edit(md_path.read_text(), SELLS_OLD, "We never sell your data, and we do not share it with other companies")
    md_path.write_text(edited)
    _turn_on_advertising(answers)
    assert _build(answers, out) == 1
    backup = next((out / FOLDER / "backups").glob("privacy-policy.*.md"))
    shutil.copy(backup, md_path)  # counsel gives up on the merge and restores their file
    assert _build(answers, out) == 1  # the same conflict again, not a silent loss of the new text
    assert SELLS_NEW in md_path.read_text()


def test_an_edited_file_without_a_manifest_is_never_overwritten(tmp_path: Path) -> None:
    answers, out, md_path = _first_build(tmp_path)
    md_path.write_text("Counsel's own version.\n")
    (out / FOLDER / "drafter-manifest.json").unlink()
    assert _build(answers, out) == 2
    assert md_path.read_text() == "Counsel's own version.\n"
    assert load_manifest(out / FOLDER) is None


CLAUSES = ["<!-- clause: a.one (a/one.md.j2) -->\n", "First clause text.\n", "\n",
           "<!-- clause: a.two (a/two.md.j2) -->\n", "Second clause text.\n"]


def _decorated(plain: list[str], markers: dict[int, str], notes: list[str]) -> Generation:
    """A generation whose notes add a marker line (and a blank line) after some lines and a
    notes list at the end, as the Markdown exporter writes them."""
    full: list[str] = []
    for n, line in enumerate(plain):
        full.append(line)
        if n in markers:
            full += [markers[n], "\n"]
    return Generation(markdown="".join(full + ["\n", f"{NOTES_MARK}\n", *notes]),
                      plain="".join(plain))


def test_renumbered_note_markers_never_conflict_with_prose_edits() -> None:
    base = _decorated(CLAUSES, {0: "[R1]\n", 3: "[R2]\n"},
                      ["## Reviewer notes\n", "\n", "- R1 old\n", "- R2 old\n"])
    # The new draft drops note R1, so R2 becomes R1 and the notes list changes.
    theirs = _decorated(CLAUSES, {3: "[R1]\n"}, ["## Reviewer notes\n", "\n", "- R1 renumbered\n"])
    ours = base.markdown.replace("First clause text.", "First clause, edited.") \
        .replace("Second clause text.", "Second clause, edited.")
    merged, conflicts = merge(base, ours, theirs)
    assert conflicts == []
    assert merged == ("<!-- clause: a.one (a/one.md.j2) -->\nFirst clause, edited.\n\n"
                      "<!-- clause: a.two (a/two.md.j2) -->\n[R1]\n\nSecond clause, edited.\n\n"
                      f"{NOTES_MARK}\n## Reviewer notes\n\n- R1 renumbered\n")


def test_after_resolving_a_conflict_nothing_is_backed_up_twice(tmp_path: Path) -> None:
    answers, out, md_path = _first_build(tmp_path)
    md_path.write_text(_edit(md_path.read_text(), SELLS_OLD, "We never sell your data, and we do not share it with other companies"))
    _turn_on_advertising(answers)
    assert _build(answers, out) == 1
    resolved = re.sub(r"<<<<<<< .*?\n=======\n(.*?)>>>>>>> new draft\n", r"\1", md_path.read_text(), flags=re.S)
    md_path.write_text(resolved.replace(SELLS_NEW, "We never sell your personal information for money."))
    backups = out / FOLDER / "backups"
    assert _build(answers, out) == 0
    assert sorted(p.suffix for p in backups.iterdir()) == [".md"]  # the other formats were ours
    assert _build(answers, out) == 0
    assert len(list(backups.iterdir())) == 1  # an unchanged rebuild backs nothing up
    assert "We never sell your personal information for money." in md_path.read_text()


def test_different_sentences_of_one_paragraph_merge_cleanly() -> None:
    """Counsel edits the last sentence; the new draft rewrites the first: both kept."""
    text = "A one. B two. C three. D four.\n"
    base = Generation(markdown=text, plain=text)
    new = "A 1. B two. C three. D four.\n"
    theirs = Generation(markdown=new, plain=new)
    merged, conflicts = merge(base, "A one. B two. C three. D quatre.\n", theirs)
    assert conflicts == []
    assert merged == "A 1. B two. C three. D quatre.\n"


def test_the_same_sentence_changed_on_both_sides_conflicts_as_whole_paragraphs() -> None:
    base = Generation(markdown="A one. B two. C three.\n", plain="A one. B two. C three.\n")
    theirs = Generation(markdown="A one. B 2. C three.\n", plain="A one. B 2. C three.\n")
    merged, conflicts = merge(base, "A one. B deux. C three.\n", theirs)
    assert len(conflicts) == 1
    assert merged.splitlines()[1] == "A one. B deux. C three."
    assert merged.splitlines()[-2] == "A one. B 2. C three."


def test_an_edited_docx_is_backed_up_before_it_is_replaced(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    answers, out, _ = _first_build(tmp_path)
    docx = out / FOLDER / "privacy-policy.docx"
    docx.write_bytes(docx.read_bytes() + b"counsel saved over it")
    capsys.readouterr()
    assert _build(answers, out) == 0
    [saved] = (out / FOLDER / "backups").glob("privacy-policy.*.docx")
    assert saved.read_bytes().endswith(b"counsel saved over it")
    assert f"Backed up: {saved}" in capsys.readouterr().out


_PARAGRAPHS = st.lists(
    st.lists(st.sampled_from(["Alpha one.", "Beta two.", "Gamma three!", "Delta four?", ""]),
             min_size=1, max_size=4).map(" ".join),
    min_size=1, max_size=8).map(lambda ps: "\n".join(ps) + "\n")


@settings(max_examples=60, deadline=None)
@given(base=_PARAGRAPHS, other=_PARAGRAPHS)
def test_a_side_that_changed_nothing_never_changes_the_merge(base: str, other: str) -> None:
    generation = Generation(markdown=base, plain=base)
    changed = Generation(markdown=other, plain=other)
    assert merge(generation, other, generation) == (other, [])  # only counsel edited
    assert merge(generation, base, changed) == (other, [])  # only the draft changed
    assert merge(generation, other, changed) == (other, [])  # both made the same change


def _clauses(*parts: tuple[str, str]) -> str:
    return "".join(f"<!-- clause: {cid} ({cid}.md.j2) -->\n{text}\n\n" for cid, text in parts)


def test_an_edit_inside_a_clause_the_new_draft_moved_merges_cleanly() -> None:
    base = _clauses(("s.a", "Alpha."), ("s.b", "Beta."), ("s.c", "Gamma."))
    ours = _clauses(("s.a", "Alpha."), ("s.b", "Beta."), ("s.c", "Gamma, as counsel put it."))
    theirs = "## Up front\n\n" + _clauses(("s.c", "Gamma.")) + "## The rest\n\n" + \
        _clauses(("s.a", "Alpha."), ("s.b", "Beta, redrafted."))
    merged, conflicts = merge(Generation(markdown=base, plain=base), ours,
                              Generation(markdown=theirs, plain=theirs))
    assert conflicts == []
    assert merged == "## Up front\n\n" + _clauses(("s.c", "Gamma, as counsel put it.")) + \
        "## The rest\n\n" + _clauses(("s.a", "Alpha."), ("s.b", "Beta, redrafted."))


def test_a_section_added_right_after_an_edited_clause_does_not_collide() -> None:
    base = "## One\n\n" + _clauses(("s.a", "Alpha."))
    ours = "## One\n\n" + _clauses(("s.a", "Alpha, edited."))
    theirs = base + "## Two\n\n" + _clauses(("t.a", "New clause."))
    merged, conflicts = merge(Generation(markdown=base, plain=base), ours,
                              Generation(markdown=theirs, plain=theirs))
    assert (merged, conflicts) == (ours + "## Two\n\n" + _clauses(("t.a", "New clause.")), [])


ADS = "We advertise our services on other websites and apps."


def test_an_edited_clause_the_answers_remove_is_a_conflict_never_dropped(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    answers = _answers(tmp_path, advertising=True)
    out = tmp_path / "out"
    assert _build(answers, out) == 0
    md_path = out / FOLDER / "privacy-policy.md"
    md_path.write_text(_edit(md_path.read_text(), ADS, "We advertise only on partner sites we vet."))
    answers.write_text(answers.read_text().replace("advertising: true", "advertising: false"))
    capsys.readouterr()
    assert _build(answers, out) == 1
    shown = capsys.readouterr().out
    assert "(clause sharing.advertising-partners)" in shown and "removed by your answers" in shown
    merged = md_path.read_text()
    assert "We advertise only on partner sites we vet." in merged
    line = int(re.search(r"privacy-policy\.md:(\d+) \(clause sharing\.advertising-partners\)", shown)[1])
    assert merged.splitlines()[line - 1] == "<<<<<<< counsel's edit (privacy-policy.md)"


def test_a_removed_clause_counsel_edited_is_kept_as_a_conflict_and_an_unedited_one_goes() -> None:
    base = _clauses(("s.a", "Alpha."), ("s.b", "Beta."), ("s.c", "Gamma."))
    ours = _clauses(("s.a", "Alpha."), ("s.b", "Beta, as counsel put it."), ("s.c", "Gamma."))
    theirs = _clauses(("s.a", "Alpha."), ("s.c", "Gamma."))
    merged, conflicts = merge(Generation(markdown=base, plain=base), ours,
                              Generation(markdown=theirs, plain=theirs))
    assert [(c.clause, c.removed) for c in conflicts] == [("s.b", True)]
    assert "Beta, as counsel put it." in merged
    assert merged.splitlines()[conflicts[0].line - 1].startswith("<<<<<<< ")
    # Counsel also deleted the clause's text: both agree, nothing to ask.
    deleted = _clauses(("s.a", "Alpha.")) + "<!-- clause: s.b (s.b.md.j2) -->\n\n" + _clauses(("s.c", "Gamma."))
    assert merge(Generation(markdown=base, plain=base), deleted,
                 Generation(markdown=theirs, plain=theirs)) == (theirs, [])
    # Unedited, it simply goes.
    assert merge(Generation(markdown=base, plain=base), base,
                 Generation(markdown=theirs, plain=theirs)) == (theirs, [])


def test_crlf_line_endings_merge_like_any_other_and_are_kept(tmp_path: Path) -> None:
    answers, out, md_path = _first_build(tmp_path)
    edited = _edit(md_path.read_text(), CHILDREN, "We do not aim our services at children under 13.")
    md_path.write_bytes(edited.replace("\n", "\r\n").encode())
    _turn_on_advertising(answers)
    assert _build(answers, out) == 0
    merged = md_path.read_bytes().decode()
    assert "\r\n" in merged and "\n" not in merged.replace("\r\n", "")
    assert "We do not aim our services at children under 13." in merged and SELLS_NEW in merged
    assert "<<<<<<<" not in merged
    assert b"\r" not in (out / FOLDER / "privacy-policy.txt").read_bytes()
    assert _build(answers, out) == 0  # and the next build sees no change
    assert md_path.read_bytes().decode() == merged


def test_counsel_swapping_two_clauses_keeps_their_order() -> None:
    base = _clauses(("s.a", "Alpha."), ("s.b", "Beta."), ("s.c", "Gamma."))
    ours = _clauses(("s.a", "Alpha."), ("s.c", "Gamma."), ("s.b", "Beta."))
    theirs = _clauses(("s.a", "Alpha."), ("s.b", "Beta, redrafted."), ("s.c", "Gamma."), ("s.d", "Delta."))
    merged, conflicts = merge(Generation(markdown=base, plain=base), ours,
                              Generation(markdown=theirs, plain=theirs))
    assert (merged, conflicts) == (_clauses(("s.a", "Alpha."), ("s.c", "Gamma."),
                                            ("s.b", "Beta, redrafted."), ("s.d", "Delta.")), [])


def test_a_clause_counsel_added_is_kept() -> None:
    base = _clauses(("s.a", "Alpha."), ("s.b", "Beta."))
    ours = _clauses(("s.a", "Alpha."), ("x.own", "Counsel's own clause."), ("s.b", "Beta."))
    theirs = _clauses(("s.a", "Alpha, redrafted."), ("s.b", "Beta."))
    merged, conflicts = merge(Generation(markdown=base, plain=base), ours,
                              Generation(markdown=theirs, plain=theirs))
    assert (merged, conflicts) == (_clauses(("s.a", "Alpha, redrafted."), ("x.own", "Counsel's own clause."),
                                            ("s.b", "Beta.")), [])


def test_counsel_deleting_a_clause_the_new_draft_rewrote_is_a_conflict() -> None:
    base = _clauses(("s.a", "Alpha."), ("s.b", "Beta."))
    ours = _clauses(("s.a", "Alpha."))
    theirs = _clauses(("s.a", "Alpha."), ("s.b", "Beta, redrafted."))
    merged, conflicts = merge(Generation(markdown=base, plain=base), ours,
                              Generation(markdown=theirs, plain=theirs))
    assert len(conflicts) == 1 and "Beta, redrafted." in merged


def test_renaming_the_business_carries_counsels_edits_to_the_new_folder(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    answers, out, md_path = _first_build(tmp_path)
    md_path.write_text(_edit(md_path.read_text(), CHILDREN, "We do not aim our services at children under 13."))
    answers.write_text(answers.read_text().replace("name: Parcel Point Kiosks, Inc.", "name: Parcel Point Lockers LLC"))
    capsys.readouterr()
    assert _build(answers, out) == 0
    shown = capsys.readouterr().out
    renamed = out / "parcel-point-lockers-llc" / "privacy-policy.md"
    text = renamed.read_text()
    assert "We do not aim our services at children under 13." in text
    assert "Parcel Point Lockers LLC" in text and "Parcel Point Kiosks, Inc." not in text
    assert str(out / FOLDER) in shown and "renamed" in shown
    assert "We do not aim our services" in md_path.read_text()  # the old folder is left alone
    assert _build(answers, out) == 0  # the next build is at home in the new folder
    assert renamed.read_text() == text


def test_renaming_back_says_where_the_newer_edits_are(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    answers, out, md_path = _first_build(tmp_path)
    original = answers.read_text()
    answers.write_text(original.replace("name: Parcel Point Kiosks, Inc.", "name: Parcel Point Lockers LLC"))
    assert _build(answers, out) == 0
    renamed = out / "parcel-point-lockers-llc"
    (renamed / "privacy-policy.md").write_text(
        _edit((renamed / "privacy-policy.md").read_text(), CHILDREN, "We do not aim our services at children under 13."))
    manifest = renamed / "drafter-manifest.json"
    os.utime(manifest, (manifest.stat().st_mtime + 60,) * 2)  # built after the first folder
    answers.write_text(original)  # the old name again
    capsys.readouterr()
    assert _build(answers, out) == 0
    shown = capsys.readouterr().out
    assert f"{renamed / 'privacy-policy.md'}" in shown and "not in this folder" in shown


_IDS = ["s.a", "s.b", "s.c", "s.d", "s.e"]


@settings(max_examples=60, deadline=None)
@given(order=st.permutations(_IDS), redrafted=st.sampled_from(_IDS))
def test_any_reordering_by_counsel_survives_a_redraft(order: list[str], redrafted: str) -> None:
    base = _clauses(*((c, f"Text of {c}.") for c in _IDS))
    ours = _clauses(*((c, f"Text of {c}.") for c in order))
    theirs = base.replace(f"Text of {redrafted}.", f"New text of {redrafted}.")
    merged, conflicts = merge(Generation(markdown=base, plain=base), ours,
                              Generation(markdown=theirs, plain=theirs))
    assert conflicts == []
    assert merged == ours.replace(f"Text of {redrafted}.", f"New text of {redrafted}.")


@pytest.mark.parametrize("name", ["email-platform", "kiosk", "texas-small"])
def test_a_text_as_built_undecorates_as_a_compared_one_does(tmp_path: Path, name: str) -> None:
    """`undecorate` takes the text as built (the usual case) from the manifest, without
    parsing it; a text with one line added after the notes list is parsed, and must read the
    same, the added line kept."""
    from drafter.regenerate import undecorate

    assert main(["build", "--example", name, "-o", str(tmp_path), "--format", "md"]) in (0, 1)
    (folder,) = [p.parent for p in tmp_path.rglob("privacy-policy.md")]
    generated = load_manifest(folder).generated  # type: ignore[union-attr]
    as_built = undecorate(generated.markdown, generated)
    added = "\n<!-- added afterwards -->\n"
    assert undecorate(generated.markdown + added, generated) == as_built + added
    assert as_built.splitlines() == generated.plain.splitlines()  # the notes all gone
