"""What one build writes, decided in one place for `drafter build` and the app's export.

`build_all` builds every language (`drafter.i18n.build.build_languages`, which writes the
formats, review.md and the changes files) and then each language's redline once a version
is published in it (`drafter.redline`). `drafter build`, `drafter publish` and the app's export
call it and only present what it returns, so a file one of them writes and another does not
cannot come back: the app's export, then `drafter publish`, had their own call to
`build_languages` and never wrote the redline `drafter build` did.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from drafter import clock

if TYPE_CHECKING:
    from drafter.answers import Answers
    from drafter.build import BuildResult
    from drafter.export import Format
    from drafter.i18n.build import LanguagesBuilt
    from drafter.project import Project


@dataclass(frozen=True)
class Built:
    languages: LanguagesBuilt  # the build of every language (its `result`: the English one)
    written: tuple[Path, ...]  # every file written, the redlines last
    skipped: tuple[str, ...]  # one line each: a language or a redline not written, and why

    @property
    def result(self) -> BuildResult:
        return self.languages.result


def build_all(project: Project, answers: Answers, out_dir: Path, formats: list[Format],
              langs: list[str] | None = None, *, redline: bool = False,
              **options: Any) -> Built:
    """Build the policy in each language (`options` as `drafter.build.build` takes them), then
    each language's redline where a version is published in it (`redline`: the English one
    is asked for, which fails while nothing is published)."""
    from drafter.i18n.build import build_languages

    languages = build_languages(project, answers, out_dir, formats, langs, **options)
    skipped = list(languages.skipped)
    redlines = _redlines(project, languages, redline, skipped)
    return Built(languages, (*languages.result.written, *redlines), tuple(skipped))


def _redlines(project: Project, built: LanguagesBuilt, asked: bool,
              skipped: list[str]) -> list[Path]:
    from drafter.history import last_published
    from drafter.i18n import ENGLISH

    folder, written = built.result.folder, []
    outcomes = {ENGLISH: built.result.outcome, **built.outcomes}
    for lang in built.built:
        if not (lang == ENGLISH and asked) and last_published(folder, lang) is None:
            continue
        # only now: a build with nothing published writes no redline (nor imports its code)
        from drafter.document.model import Labels
        from drafter.i18n.catalog import catalog
        from drafter.manifest import policy_md
        from drafter.redline import write_redline

        if outcomes[lang].conflicts:
            skipped.append(f"No redline: resolve the merge conflicts in {policy_md(lang)} "
                           "first.")
            continue
        labels = Labels() if lang == ENGLISH else \
            Labels(**vars(catalog(project.library).language(lang).labels))
        written.append(write_redline(folder, clock.today(), lang, labels))
    return written
