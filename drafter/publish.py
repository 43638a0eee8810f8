"""`drafter publish`: keep the approved version in the history, moving the date if needed.

See `drafter.history` for how versions are kept and how the effective date is decided.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from drafter.answers_file import AnswersFile
from drafter.build import BuildResult
from drafter.build_all import build_all
from drafter.project import Project
from drafter.changes import ChangeReport
from drafter.errors import UserError
from drafter.export import Format
from drafter.history import HISTORY, changes_file, changes_since_published, last_published, \
    published_versions
from drafter.i18n import ENGLISH
from drafter.i18n.build import LanguagesBuilt
from drafter.i18n.in_step import out_of_step
from drafter.manifest import MANIFEST_NAME, policy_md
from drafter.paths import examples
from drafter.tracked import proposals


@dataclass(frozen=True)
class PublishResult:
    kept: Path | None  # the history folder written, None when nothing changed
    report: tuple[ChangeReport, str] | None
    redated: date | None  # the new effective date written into the answers, if moved
    build: BuildResult
    langs: tuple[str, ...] = ("en",)  # the languages published, English first


def publish(project: Project, answers_path: Path, out_dir: Path, formats: list[Format],
            on: date, lay_out: bool = False, langs: list[str] | None = None) -> PublishResult:
    """Build, then keep this version in the history if its text or practices changed
    (`lay_out`: the Word file's contents get their page numbers from LibreOffice). Every
    language built (`langs`, as `drafter build --lang`) is published with the English, and
    only when they say the same thing (`drafter.i18n.in_step`)."""
    built = _build(project, answers_path, out_dir, formats, lay_out, langs)
    result = built.result
    kept = published_versions(result.folder)
    report = changes_since_published(project.questionnaire, project.library.root, result.folder)
    redated: date | None = None
    if kept and report is not None:
        if not _changed(project, result.folder, built.built, report):
            return PublishResult(None, report, None, result, built.built)
        if result.draft.policy.effective_date <= kept[-1].manifest.effective_date:
            redated = _redate(project, answers_path, on)
            built = _build(project, answers_path, out_dir, formats, lay_out, langs)
            result = built.result
            report = changes_since_published(project.questionnaire, project.library.root,
                                             result.folder)
    target = result.folder / HISTORY / result.draft.policy.effective_date.isoformat()
    n = 1
    while target.exists():
        n += 1
        target = target.with_name(f"{result.draft.policy.effective_date.isoformat()}-{n}")
    target.mkdir(parents=True)
    for name in [*(p.name for p in result.written), MANIFEST_NAME,
                 *(changes_file(lang) for lang in built.built)]:
        if (result.folder / name).exists():
            shutil.copy2(result.folder / name, target / name)
    return PublishResult(target, report, redated, result, built.built)


def _changed(project: Project, folder: Path, langs: tuple[str, ...],
             report: tuple[ChangeReport, str]) -> bool:
    """Whether anything is new to publish: the English's text or practices, a language's
    text, or a language never published before."""
    if report[0].text_changed or any(c.kind == "practice" for c in report[0].changes):
        return True
    for lang in langs[1:]:
        if last_published(folder, lang) is None:
            return True
        found = changes_since_published(project.questionnaire, project.library.root, folder,
                                        lang=lang)
        if found is not None and found[0].text_changed:
            return True
    return False


def _build(project: Project, answers_path: Path, out_dir: Path, formats: list[Format],
           lay_out: bool = False, langs: list[str] | None = None) -> LanguagesBuilt:
    # the one build `drafter build` and the app's export make (`build_all`): the same files,
    # each language's redline against the version published before this one included
    built = build_all(project, project.answers(answers_path), out_dir, formats, langs,
                      published=True, lay_out=lay_out).languages
    folder = built.result.folder
    outcomes = {ENGLISH: built.result.outcome, **built.outcomes}
    for lang, outcome in outcomes.items():
        if outcome.conflicts:
            raise UserError("has merge conflicts: resolve them and build before publishing",
                            path=folder / policy_md(lang))
        pending = proposals(outcome.markdown)
        if pending:
            raise UserError(f"has {len(pending)} open proposal(s) ({{++ … ++}}, {{-- … --}}, "
                            f"{{~~ … ~> … ~~}}): accept or reject each before publishing",
                            path=folder / policy_md(lang),
                            line=outcome.markdown.count("\n", 0, pending[0].start) + 1)
    last = last_published(folder)
    left = sorted(lang for lang in (last.manifest.languages if last else ())
                  if (last.folder / policy_md(lang)).exists() and lang not in built.built)
    if left:
        raise UserError(f"the last published version is also in {', '.join(left)}, which this "
                        "build did not write: publish every language together (--lang), or "
                        "the published versions would say different things",
                        path=folder / policy_md(left[0]))
    apart = out_of_step(folder, built.built, project.library.root)
    if apart:
        raise UserError("the language versions no longer say the same thing: "
                        + "; ".join(apart) + ". Make each edit in every language (or undo "
                        "it), then publish", path=folder)
    return built


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
