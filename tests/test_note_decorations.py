"""Reviewer-note decorations in the Markdown (markers after clause comments, a notes list at
the end) never reach the DOCX as text, never conflict with counsel's edits, and survive
`drafter absorb`. The decorations are found in counsel's text by parsing it (never by aligning
it with the last draft) and put back by the clause or section they are on, so these tests fix
only which notes the review returns, or write the decorated texts as the exporter does."""

from __future__ import annotations

from pathlib import Path

import pytest
from docx import Document

import drafter.review as review_module
from drafter.cli import main
from drafter.document.decorations import decorate, reading
from drafter.document.markdown import parse, render_html
from drafter.document.model import Note
from drafter.export.markdown import note_marks, to_markdown
from drafter.paths import examples
from drafter.project import Project
from drafter.manifest import Generation
from drafter.regenerate import merge, redecorate, undecorate
from drafter.templating import escape_markdown

FOLDER = "parcel-point-kiosks-inc"
CHILDREN = "Our services are not meant for children under 13"


def _notes(*anchors: str) -> list[Note]:
    return [Note(f"R{i}", "warning", "sharing", f"Check {a}.", "test", anchor=a)
            for i, a in enumerate(anchors, start=1)]


@pytest.fixture
def review(monkeypatch: pytest.MonkeyPatch) -> list[list[Note]]:
    """The test sets which notes the review returns; the exporter decorates the Markdown."""
    current: list[list[Note]] = [_notes("sharing.overview")]
    monkeypatch.setattr(review_module, "review_draft", lambda *args: current[0])
    return current


def test_docx_shows_notes_as_comments_only_and_absorb_keeps_the_markers(
        tmp_path: Path, review: list[list[Note]], capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["build", "--example", "kiosk", "-o", str(tmp_path)]) == 0
    folder = tmp_path / FOLDER
    md = (folder / "privacy-policy.md").read_text()
    assert "[R1]\n" in md and "## Reviewer notes" in md
    doc = Document(str(folder / "privacy-policy.docx"))
    texts = [p.text for p in doc.paragraphs]
    assert "[R1]" not in texts and "Reviewer notes" not in texts
    assert [c.text.split("]")[0] for c in doc.comments] == ["[R1"]

    assert main(["absorb", str(folder / "privacy-policy.docx"), "-o", str(tmp_path)]) == 0
    assert (folder / "privacy-policy.md").read_text() == md
    capsys.readouterr()
    assert main(["build", "--example", "kiosk", "-o", str(tmp_path)]) == 0
    assert "privacy-policy.md: no change." in capsys.readouterr().out

    children = next(p for p in doc.paragraphs if p.text.startswith(CHILDREN))
    for run in children.runs[1:]:
        run.text = ""
    children.runs[0].text = "We do not aim our services at children under 13."
    doc.save(str(tmp_path / "edited.docx"))
    assert main(["absorb", str(tmp_path / "edited.docx"), "-o", str(tmp_path)]) == 0
    absorbed = (folder / "privacy-policy.md").read_text()
    assert absorbed == md.replace(children_line(md), "We do not aim our services at children under 13.")


def children_line(md: str) -> str:
    return next(line for line in md.splitlines() if line.startswith(CHILDREN))


def test_renumbered_notes_merge_cleanly_with_prose_edits(tmp_path: Path, review: list[list[Note]]) -> None:
    assert main(["build", "--example", "kiosk", "-o", str(tmp_path)]) == 0
    md_path = tmp_path / FOLDER / "privacy-policy.md"
    md = md_path.read_text()
    overview = next(line for line in md.splitlines() if line.startswith("We do not sell"))
    edited = md.replace(overview, overview.replace("We do not sell", "We never sell"))
    md_path.write_text(edited)
    review[0] = _notes("collection.categories", "sharing.overview")  # R1 becomes R2
    assert main(["build", "--example", "kiosk", "-o", str(tmp_path)]) == 0
    merged = md_path.read_text()
    assert "<!-- clause: sharing.overview (sharing/overview.md.j2) -->\n[R2]\n\nWe never sell" in merged
    assert "<!-- clause: collection.categories (collection/categories.md.j2) -->\n[R1]\n" in merged
    assert "- **[R1]** *warning*: Check collection.categories." in merged
    assert "- **[R2]** *warning*: Check sharing.overview." in merged
    assert "[R1]\n\nWe never sell" not in merged


# ---- counsel's edits around the decorations (texts as the exporter writes them) -------------

PLAIN = ("# Privacy policy\n\n**Acme**  \nEffective date: May 1, 2026\n\n"
         "## Contents\n\n1. [Sharing](#sharing)\n\n"
         "## Sharing\n\n"
         "<!-- clause: s.a (s/a.md.j2) -->\nAlpha.\n\n"
         "<!-- clause: s.b (s/b.md.j2) -->\nBeta.\n\n"
         "<!-- clause: s.c (s/c.md.j2) -->\nGamma.\n")


def _notes_list(*items: str) -> str:
    return "\n<!-- reviewer-notes -->\n## Reviewer notes\n\n" + "".join(f"{i}\n" for i in items)


def _generation(head: str | None, section: str | None, on_a: str | None, *items: str) -> Generation:
    """PLAIN decorated as `to_markdown` does: markers on the header, the section, clause s.a."""
    text = PLAIN
    if head:
        text = text.replace("2026\n\n## Contents", f"2026\n\n{head}\n\n## Contents")
    if section:
        text = text.replace("## Sharing\n\n<!--", f"## Sharing\n\n{section}\n\n<!--")
    if on_a:
        text = text.replace("j2) -->\nAlpha.", f"j2) -->\n{on_a}\n\nAlpha.")
    return Generation(markdown=text + (_notes_list(*items) if items else ""), plain=PLAIN)


BASE = _generation("[R1]", "[R2]", "[R3]", "- **[R1]** *advice*: One.",
                   "- **[R2]** *advice*: Two.", "- **[R3]** *warning*: Three.")


def _move_a_to_the_end(text: str) -> str:
    start = text.index("<!-- clause: s.a")
    end = text.index("<!-- clause: s.b")
    moved = text[:start] + text[end:]
    at = moved.index("Gamma.\n") + len("Gamma.\n")
    return moved[:at] + "\n" + text[start:end].rstrip("\n") + "\n" + moved[at:]


def test_a_clause_moved_with_its_marker_keeps_one_marker_where_it_went() -> None:
    """The clause's marker goes with the clause: the text comes back as counsel left it, with
    no second marker where the clause was (a line-by-line alignment with the last draft lost
    the moved marker, kept it as counsel's text and put the new one where the clause had been)."""
    ours = _move_a_to_the_end(BASE.markdown)
    assert merge(BASE, ours, BASE) == (ours, [])
    renumbered = _generation("[R1]", "[R2]", "[R4]", "- **[R4]** *warning*: Three, again.")
    merged, conflicts = merge(BASE, ours, renumbered)
    assert conflicts == [] and merged.count("[R4]\n") == 1 and "[R3]" not in merged
    assert "<!-- clause: s.a (s/a.md.j2) -->\n[R4]\n\nAlpha.\n\n<!-- reviewer-notes -->" in merged


def test_counsels_words_in_the_notes_list_never_reach_the_policy() -> None:
    """The notes list is the build's, rewritten every time: a reply counsel typed into it goes
    with it, never into the policy's last clause (where the line alignment left the old note);
    a paragraph counsel added after the list is theirs and stays."""
    ours = BASE.markdown.replace("*warning*: Three.", "*warning*: Three.  \n  Counsel: fine.") \
        + "\nCounsel's closing words.\n"
    theirs = _generation(None, None, "[R1]", "- **[R1]** *warning*: Three.")
    merged, conflicts = merge(BASE, ours, theirs)
    assert conflicts == []
    assert merged == theirs.plain.replace("j2) -->\nAlpha.", "j2) -->\n[R1]\n\nAlpha.") + \
        "\nCounsel's closing words.\n" + _notes_list("- **[R1]** *warning*: Three.")


def test_a_marker_counsel_joined_to_the_text_or_deleted_is_no_text() -> None:
    """Counsel deleted the blank line after one marker and deleted another marker: the first
    is still a marker (a line of its own), and the policy's words are untouched."""
    ours = BASE.markdown.replace("[R3]\n\nAlpha.", "[R3]\nAlpha, edited.").replace("[R2]\n\n", "")
    merged, conflicts = merge(BASE, ours, BASE)
    assert conflicts == []
    assert merged == BASE.markdown.replace("Alpha.", "Alpha, edited.")


def test_counsels_own_bracketed_ids_are_text() -> None:
    """"[R1]" inside a sentence, or escaped on a line of its own (as Drafter writes it from
    Word), is counsel's text, kept through the merge."""
    own = f"Beta, as note [R1] asked.\n\n{escape_markdown('[R2]')}"  # a line typed in Word
    ours = BASE.markdown.replace("Beta.", own)
    merged, _ = merge(BASE, ours, BASE)
    assert merged == ours
    assert undecorate(ours) == PLAIN.replace("Beta.", own)


def test_decorations_are_found_by_a_parse_without_the_last_draft_or_difflib(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """`undecorate` reads counsel's text alone; neither it nor putting the notes back aligns
    anything with difflib (which the three-way merge of the words still uses)."""
    import difflib

    def refused(*args: object, **kwargs: object) -> None:
        raise AssertionError("decorations are not found by alignment")

    monkeypatch.setattr(difflib, "SequenceMatcher", refused)
    edited = _move_a_to_the_end(BASE.markdown).replace("Beta.", "Beta, edited.")
    plain = _move_a_to_the_end(PLAIN).replace("Beta.", "Beta, edited.")
    assert undecorate(edited) == plain
    assert redecorate(plain, BASE) == edited


def test_a_build_says_counsels_words_in_the_notes_list_were_not_kept(
        tmp_path: Path, review: list[list[Note]], capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["build", "--example", "kiosk", "-o", str(tmp_path), "--format", "md"]) == 0
    md_path = tmp_path / FOLDER / "privacy-policy.md"
    md_path.write_text(md_path.read_text().replace(
        "Check sharing.overview.", "Check sharing.overview.  \n  Counsel: fine as it is."))
    review[0] = _notes("collection.categories")
    capsys.readouterr()
    assert main(["build", "--example", "kiosk", "-o", str(tmp_path), "--format", "md"]) == 0
    shown = capsys.readouterr().out
    (saved,) = (tmp_path / FOLDER / "backups").glob("privacy-policy.*.md")
    assert "counsel's words in the Reviewer notes list were not kept" in shown
    assert str(saved) in shown and "Counsel: fine as it is." in saved.read_text()
    assert "Counsel: fine" not in md_path.read_text()
    assert "Check sharing.overview" not in md_path.read_text()


@pytest.mark.parametrize("name", ["texas-parking", "kids-crafts", "email-platform"])
def test_the_exporters_decorations_read_back_and_go_back_in_exactly(project: Project,
                                                                    name: str) -> None:
    """Markers on the header, a section and clauses, and a notes list with questions for
    counsel: read from the Markdown, they leave the policy's own text and tokens (which the
    exporters render without parsing it again), and put back by node they give the Markdown."""
    draft = project.draft(project.answers(examples()[name]))
    assert draft.tree is not None
    markdown, plain, marks = to_markdown(draft), draft.tree.markdown, note_marks(draft)
    read = reading(markdown)
    assert read.plain == plain and read.marks == marks and marks.markers and marks.notes
    assert decorate(plain, marks) == markdown
    parsed = parse(plain)
    assert render_html(list(read.tokens)) == render_html(parsed)
    assert [t.map for t in read.tokens] == [t.map for t in parsed]


def test_a_section_counsel_retitled_keeps_its_marker_under_the_new_title() -> None:
    ours = BASE.markdown.replace("## Sharing\n", "## Who we share with\n")
    assert merge(BASE, ours, BASE) == (ours, [])
