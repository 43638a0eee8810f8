"""The whole pipeline as one call: questionnaire → answers → clauses → policy → notes → files.

The CLI and the app both go through `Project` and `build`, so anything the app can do, a
script can do, and both produce byte-identical files from the same answers and library.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from drafter.answers import Answers, load_answers
from drafter.assemble import assemble
from drafter.errors import UserError
from drafter.export import Format, Source
from drafter.export.markdown import to_markdown
from drafter.library import Library, lint_library, load_library
from drafter.paths import default_library, default_questionnaire
from drafter.questionnaire import Questionnaire, load_questionnaire
from drafter.review import Draft, review_draft
from drafter.review.report import as_markdown
from drafter.yamlio import atomic_write


@dataclass(frozen=True)
class Project:
    """A questionnaire and the clause library that answers to it, loaded and cross-checked."""

    questionnaire: Questionnaire
    library: Library

    @classmethod
    def load(cls, questionnaire: Path | None = None, library: Path | None = None) -> Project:
        """Load both. Cross-checking them is `lint()`, run by `drafter lint` and the tests
        rather than on every start: a broken template still fails at render time, with its
        file named."""
        root = library or default_library()
        return cls(load_questionnaire(questionnaire or default_questionnaire(), root / "data"),
                   load_library(root))

    def lint(self) -> list[UserError]:
        """Every way the library does not fit the questionnaire and catalog, one per line."""
        return lint_library(self.library, self.questionnaire)

    def answers(self, path: Path) -> Answers:
        return load_answers(path, self.questionnaire)

    def draft(self, answers: Answers, today: date | None = None) -> Draft:
        policy = assemble(answers, self.library)
        return Draft(policy, tuple(review_draft(policy, answers, self.library, today)))


def slug(name: str) -> str:
    """A folder name from a business name: `Fold & Stamp Print Co.` → `fold-stamp-print-co`."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-")[:60].strip("-") or "policy"


@dataclass(frozen=True)
class BuildResult:
    folder: Path
    written: tuple[Path, ...]
    draft: Draft


def render(draft: Draft, formats: list[Format], clean: bool = False) -> dict[str, bytes]:
    """Every requested format's file content by suffix, all from one Markdown text (without
    reviewer markers and notes when `clean`: the publishable copy)."""
    source = Source(draft, to_markdown(draft, clean=clean))
    rendered: dict[str, bytes] = {}
    for fmt in formats:
        data = fmt.render(source)
        rendered[fmt.suffix] = data.encode("utf-8") if isinstance(data, str) else data
    return rendered


def build(project: Project, answers: Answers, out_dir: Path, formats: list[Format],
          clean: bool = False) -> BuildResult:
    """Write `out_dir/<business-slug>/privacy-policy.<suffix>` for each format, and
    `review.md`: the notes for counsel, grouped by severity."""
    draft = project.draft(answers)
    folder = out_dir / slug(draft.policy.business_name)
    written: list[Path] = []
    files = {f"privacy-policy{suffix}": data
             for suffix, data in render(draft, formats, clean).items()}
    files["review.md"] = as_markdown(draft.notes, f"{draft.policy.business_name} privacy policy",
                                     project.questionnaire).encode("utf-8")
    for name, data in files.items():
        path = folder / name
        try:
            atomic_write(path, data)
        except OSError as exc:
            raise UserError(f"cannot write: {exc.strerror or exc}", path=path) from None
        written.append(path)
    return BuildResult(folder, tuple(written), draft)
