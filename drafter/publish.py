"""`drafter publish`: keep the approved version in the history, moving the date if needed.

See `drafter.history` for how versions are kept and how the effective date is decided.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from drafter.answers import AnswersFile
from drafter.build import BuildResult, build
from drafter.project import Project
from drafter.changes import ChangeReport
from drafter.errors import UserError
from drafter.export import Format
from drafter.history import CHANGES_MD, HISTORY, changes_since_published, published_versions
from drafter.manifest import MANIFEST_NAME, POLICY_MD
from drafter.paths import examples
from drafter.tracked import proposals


@dataclass(frozen=True)
class PublishResult:
    kept: Path | None  # the history folder written, None when nothing changed
    report: tuple[ChangeReport, str] | None
    redated: date | None  # the new effective date written into the answers, if moved
    build: BuildResult


def publish(project: Project, answers_path: Path, out_dir: Path, formats: list[Format],
            on: date, lay_out: bool = False) -> PublishResult:
    """Build, then keep this version in the history if its text or practices changed
    (`lay_out`: the Word file's contents get their page numbers from LibreOffice)."""
    result = _build(project, answers_path, out_dir, formats, lay_out)
    kept = published_versions(result.folder)
    report = changes_since_published(project.questionnaire, project.library.root, result.folder)
    redated: date | None = None
    if kept and report is not None:
        changed = report[0].text_changed or any(c.kind == "practice" for c in report[0].changes)
        if not changed:
            return PublishResult(None, report, None, result)
        if result.draft.policy.effective_date <= kept[-1].manifest.effective_date:
            redated = _redate(project, answers_path, on)
            result = _build(project, answers_path, out_dir, formats, lay_out)
            report = changes_since_published(project.questionnaire, project.library.root, result.folder)
    target = result.folder / HISTORY / result.draft.policy.effective_date.isoformat()
    n = 1
    while target.exists():
        n += 1
        target = target.with_name(f"{result.draft.policy.effective_date.isoformat()}-{n}")
    target.mkdir(parents=True)
    for name in [*(p.name for p in result.written), MANIFEST_NAME, CHANGES_MD]:
        if (result.folder / name).exists():
            shutil.copy2(result.folder / name, target / name)
    return PublishResult(target, report, redated, result)


def _build(project: Project, answers_path: Path, out_dir: Path,
           formats: list[Format], lay_out: bool = False) -> BuildResult:
    result = build(project, project.answers(answers_path), out_dir, formats, published=True,
                   lay_out=lay_out)
    if result.outcome.conflicts:
        raise UserError("has merge conflicts: resolve them and build before publishing",
                        path=result.folder / POLICY_MD)
    pending = proposals(result.outcome.markdown)
    if pending:
        raise UserError(f"has {len(pending)} open proposal(s) ({{++ … ++}}, {{-- … --}}, "
                        f"{{~~ … ~> … ~~}}): accept or reject each before publishing",
                        path=result.folder / POLICY_MD,
                        line=result.outcome.markdown.count("\n", 0, pending[0].start) + 1)
    return result


def _redate(project: Project, answers_path: Path, on: date) -> date:
    """Move the effective-date answer to `on` (comments and order in the file kept)."""
    key = project.library.document.effective_date
    if answers_path.resolve() in {p.resolve() for p in examples().values()}:
        raise UserError(f"publishing a changed text moves {key} to {on.isoformat()}; copy the "
                        "built-in example to your own answers file first", path=answers_path)
    # `save` re-reads the file under the lock every save takes and applies only this date:
    # an answer an open app saved in between is kept, not put back (a lost update).
    answers = AnswersFile.open(answers_path)
    answers.set(key, on)
    answers.save()
    return on
