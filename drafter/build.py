"""The whole pipeline as one call: questionnaire → answers → clauses → policy → notes → files.

The CLI and the app both go through `Project` and `build`, so anything the app can do, a
script can do, and both produce byte-identical files from the same answers and library.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

from drafter.answers import Answers
from drafter.changes import ChangeReport
from drafter.decisions import Ruling, resolved_markdown, rule_file
from drafter.errors import UserError
from drafter.parsecache import memo
from drafter.document.decorations import Marks, reading
from drafter.document.tree import cut, read
from drafter.export import Format, Source
from drafter.export.markdown import note_marks, to_markdown
from drafter.history import changes_file, last_published, record_changes
from drafter.outdated import record_law_changes
from drafter.manifest import (
    MANIFEST_NAME,
    POLICY_MD,
    FileRecord,
    Generation,
    Manifest,
    NoteRecord,
    Unresolved,
    check_owner,
    library_version,
    load_manifest,
    make_manifest,
    save_manifest,
    sha256,
)
from drafter.project import Project
from drafter.regenerate import Outcome, backup, regenerate, split_newlines, undecorate
from drafter.document.model import Draft, Note
from drafter.review.report import as_markdown, note_item
from drafter.tracked import as_it_stands, proposal_notes
from drafter.yamlio import atomic_write, read_text


def slug(name: str) -> str:
    """A folder name from a business name, in any script: `Fold & Stamp Print Co.` →
    `fold-stamp-print-co`, `Почта России` → `pochta-rossii`. Different names may still share
    one (`Fold + Stamp`): `check_owner` keeps one business from building over another.
    Kept in the parse cache: python-slugify compiles a pattern of every HTML entity name
    on import, a tenth of a build's own work for one folder name."""

    def made() -> str:
        from slugify import slugify

        return slugify(name, max_length=60) or "policy"

    return memo("slug", name, made)


def build_folder(project: Project, answers: Answers, out_dir: Path) -> Path:
    """Where `build` writes for these answers: a folder named after the business. Read from
    the answers alone, so callers that only need the place need not draft the policy."""
    name = answers.resolved()[project.library.document.business_name] or ""
    return out_dir / slug(str(name))


def renamed_from(out_dir: Path, folder: Path, answers: Answers) -> tuple[Path, Manifest] | None:
    """The folder these answers were last built into under another name (the business was
    renamed, so the folder name changed), found by the answers file its manifest records,
    with that manifest: the newest if there are several. None if there is none."""
    if answers.path is None or not out_dir.is_dir():
        return None
    own = str(answers.path.resolve())
    found: list[tuple[float, Path, Manifest]] = []
    for path in out_dir.glob(f"*/{MANIFEST_NAME}"):
        if path.parent == folder or not (path.parent / POLICY_MD).is_file():
            continue
        try:
            manifest = load_manifest(path.parent)
        except UserError:  # another folder's broken manifest is not this build's business
            continue
        if manifest is not None and manifest.answers_file == own:
            found.append((path.stat().st_mtime, path.parent, manifest))
    if not found:
        return None
    _, old, manifest = max(found, key=lambda item: item[0])
    return old, manifest


def _edited_elsewhere(out_dir: Path, folder: Path, answers: Answers) -> Path | None:
    """An edited `privacy-policy.md` built from these answers after this folder's last build,
    under another business name (renamed, then renamed back): its edits are not merged here,
    so the build says where they are."""
    found = renamed_from(out_dir, folder, answers)
    if found is None:
        return None
    other, manifest = found
    if (other / MANIFEST_NAME).stat().st_mtime <= (folder / MANIFEST_NAME).stat().st_mtime:
        return None
    text = split_newlines(read_text(other / POLICY_MD))[0]
    return other / POLICY_MD if text != manifest.generated.markdown else None


@dataclass(frozen=True)
class BuildResult:
    folder: Path
    written: tuple[Path, ...]
    draft: Draft
    outcome: Outcome  # what happened to the Markdown edit layer (merged, conflicts, …)
    backups: tuple[Path, ...] = ()
    previous: Manifest | None = None
    manifest: Manifest | None = None
    changes: tuple[ChangeReport, str] | None = None  # since the last published version
    carried_from: Path | None = None  # the folder of the business's old name, edits taken from
    edited_elsewhere: Path | None = None  # a newer edited Markdown of these answers, not used
    ruling: Ruling | None = None  # counsel's decisions on the notes (resolved, reopened, …)


def render(draft: Draft, formats: list[Format], markdown: str | None = None,
           library: str = "", plain: str | None = None, clean: bool = False,
           published: bool = False, lay_out: bool = False) -> dict[str, bytes]:
    """Every requested format's file content by suffix, all from one Markdown text (the
    generated one, or the merged edit layer when counsel has edited it; `plain` is that text
    without the reviewer-note decorations, None when it has none). The text is parsed once,
    without its decorations (the draft's own tree when it is the generated text), and the
    notes join that tree as comments. `clean` leaves the reviewer markers and notes (and in
    Word the note comments and the promises appendix) out: the publishable copy. `published`:
    this text is the published version (Word drops its draft marking); `lay_out`: Word's
    contents get their page numbers from a LibreOffice layout (`export/docx_pages.py`)."""
    if clean:
        draft = Draft(draft.policy, (), tree=draft.tree)
    if markdown is None:
        markdown = to_markdown(draft)
        plain = to_markdown(Draft(draft.policy, ())) if draft.notes else None
    text = markdown if plain is None else plain
    if clean:  # the copy to publish: counsel's open proposals are not yet the policy's words
        text = as_it_stands(text)
    if draft.tree is not None and draft.tree.markdown == text:
        tree = draft.tree
    elif plain is not None and text == plain and reading(markdown).plain == plain:
        tree = cut(plain, reading(markdown).tokens, draft.policy)  # counsel's text, read once
    else:
        tree = read(text, draft.policy)
    source = Source(draft, markdown, tree, library, published, lay_out)
    rendered: dict[str, bytes] = {}
    for fmt in formats:
        data = fmt.render(source)
        rendered[fmt.suffix] = data.encode("utf-8") if isinstance(data, str) else data
    return rendered


def _write(path: Path, data: bytes | str) -> None:
    try:
        atomic_write(path, data)
    except OSError as exc:
        raise UserError(f"cannot write: {exc.strerror or exc}", path=path) from None


def _write_formats(folder: Path, rendered: dict[str, bytes], previous: Manifest | None,
                   files: dict[str, FileRecord], backups: list[Path]) -> list[Path]:
    """Write the formats made from the Markdown; one that changed since the last build (say,
    counsel edited the DOCX) is backed up first. Records each file in `files`."""
    written: list[Path] = []
    for suffix, data in rendered.items():
        path = folder / f"privacy-policy{suffix}"
        known = previous.files.get(path.name) if previous else None
        if path.exists() and (known is None or sha256(path.read_bytes()) != known.sha256):
            backups.append(backup(path))
        _write(path, data)
        written.append(path)
        text = data.decode("utf-8") if not suffix.endswith(".docx") else None
        files[path.name] = FileRecord(sha256=sha256(data), text=text)
    return written


def keep_edit_layer(path: Path, outcome: Outcome, files: dict[str, FileRecord],
                    backups: list[Path]) -> Unresolved | None:
    """Write an edit layer (`privacy-policy.md`, or a language's) as `regenerate` left it and
    record it in `files`; a merge left in conflict returns its base, kept for the next build
    (`Unresolved`): then no other format is written from it."""
    _write(path, outcome.text)
    files[path.name] = FileRecord(sha256=sha256(outcome.text), text=outcome.markdown)
    if outcome.backup:
        backups.append(outcome.backup)
    if outcome.conflicts and outcome.backup and outcome.base:
        return Unresolved(backup_sha256=sha256(outcome.backup.read_bytes()), base=outcome.base)
    return None


def build(project: Project, answers: Answers, out_dir: Path, formats: list[Format],
          force: bool = False, clean: bool = False, published: bool = False,
          lay_out: bool = False, alternates: tuple[tuple[str, str, str], ...] = (),
          extra_notes: tuple[Note, ...] = ()) -> BuildResult:
    """Write `out_dir/<business-slug>/privacy-policy.<suffix>` for each format, and
    `review.md`: the notes for counsel, grouped by severity.

    The Markdown is always written: it is the edit layer. When counsel edited it since the
    last build, the new generation is merged into their text (`regenerate`); a conflicted
    merge writes only the Markdown, with markers. Any other file edited since the last build
    is backed up before it is replaced. The manifest records what was generated. The files
    are marked as a draft unless `published` (`drafter publish` is publishing this build) or
    this text is the last published version's."""
    folder = build_folder(project, answers, out_dir)
    previous = load_manifest(folder)
    check_owner(folder, previous, answers, project.library.document.business_name)
    draft = project.draft(answers, extra_notes=extra_notes)  # extra: a scan's (evidence)
    if alternates:  # the other language versions, which the HTML links (drafter.i18n)
        draft = replace(draft, policy=replace(draft.policy, alternates=alternates))
    # Notes counsel resolved stay out of every file until what they are about changes.
    ruling = rule_file(draft.notes, draft.policy, answers.resolved(), answers.path)
    draft = replace(draft, notes=ruling.open)
    generation = Generation(markdown=to_markdown(draft, clean=clean),
                            plain=draft.tree.markdown if draft.tree is not None
                            else to_markdown(Draft(draft.policy, ())))
    md_path = folder / POLICY_MD
    # A renamed business gets a new folder: counsel's edits come along from the old one.
    source, base, carried_from = md_path, previous, None
    if previous is None and not md_path.exists():
        found = renamed_from(out_dir, folder, answers)
        if found is not None:
            carried_from, base = found
            source = carried_from / POLICY_MD
    elsewhere = _edited_elsewhere(out_dir, folder, answers) if previous is not None else None
    outcome = regenerate(source, base, generation, force,
                         Marks() if clean else note_marks(draft))
    written = [md_path]
    version = library_version(project.library)
    files = dict(previous.files) if previous else {}  # formats not rewritten stay on record
    backups: list[Path] = []
    unresolved = keep_edit_layer(md_path, outcome, files, backups)
    if unresolved is None:
        # The generated text's decorations are the notes themselves; only counsel's edited
        # text needs them found and taken out (`undecorate`: its one parse, which `render`
        # then renders).
        plain = undecorate(outcome.markdown, generation)
        last = last_published(folder)
        final = published or last is not None and last.markdown == outcome.text
        rendered = render(draft, formats, outcome.markdown, version, plain, clean, final,
                          lay_out)
        rendered.pop(".md", None)
        written += _write_formats(folder, rendered, previous, files, backups)
    review_path = folder / "review.md"
    # proposals are numbered after every note of the build, resolved ones included, since a
    # resolved note keeps its number (review.md, Word and `drafter resolve` agree on it)
    open_items = draft.notes + tuple(proposal_notes(outcome.markdown, len(ruling.notes) + 1))
    decided = resolved_markdown(ruling, lambda n: note_item(n, project.questionnaire))
    _write(review_path, as_markdown(open_items, f"{draft.policy.business_name} privacy policy",
                                    project.questionnaire, draft.promises, decided=decided))
    written.append(review_path)
    manifest = replace(make_manifest(draft, answers, project.library, generation, files,
                                     unresolved, version),
                       notes=[NoteRecord(k.note.id, k.key, k.note.severity, k.note.message,
                                         k.about) for k in ruling.notes])
    save_manifest(folder, manifest)
    changes = None if outcome.conflicts else record_changes(
        project.questionnaire, project.library.root, folder, base, current=manifest)
    if changes is not None:  # and which of the changes came from the law (the library)
        written.append(folder / changes_file())
        record_law_changes(project, answers, folder, base)
    return BuildResult(folder, tuple(written), draft, outcome, tuple(backups), previous, manifest,
                       changes, carried_from, elsewhere, ruling)
