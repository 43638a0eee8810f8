"""Business modules: `clauses/modules/NAME/`, one folder per kind of business.

A module folder holds everything the kind of business adds, and nothing in Python:
`module.yaml` (its policy section and its questionnaire pages), its clauses (`*.md.j2`, which
may also add to core sections such as `sharing`), and optionally its `requirements.yaml` and
`answer-checks.yaml`, in the same forms as the library's own. The library and the
questionnaire compose them into the whole: module sections and pages go after the section
that `document.yaml` and the questionnaire name in `modules_after`, in `order`, then by
folder name.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated

from pydantic import StringConstraints

from drafter.parsecache import memo
from drafter.records import FORBID
from drafter.questionnaire import Section as QuestionPage
from drafter.yamlio import DataFile, load_data

MODULES = "modules"
MODULE_FILE = "module.yaml"


@dataclass(frozen=True, kw_only=True)
class SectionSpec:
    """A policy section: its place, heading and (for jurisdiction sections) when it appears.
    A record (drafter.records), checked when the file is read."""

    __pydantic_config__ = FORBID
    id: Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9-]*$")]
    title: str
    when: str = "true"


@dataclass(frozen=True, kw_only=True)
class ModuleSpec:
    """`module.yaml` (a record, drafter.records)."""

    __pydantic_config__ = FORBID
    order: int = 100
    section: SectionSpec | None = None  # the module's own policy section, if it has one
    questions: list[QuestionPage] = field(default_factory=list)  # its questionnaire pages


@dataclass(frozen=True)
class Module:
    name: str
    folder: Path
    spec: ModuleSpec
    file: DataFile


def find_modules(root: Path) -> tuple[Module, ...]:
    """Every module folder under `root/modules`, in order (none without the folder)."""
    found: list[Module] = []
    folder = root / MODULES
    for path in sorted(folder.glob(f"*/{MODULE_FILE}")) if folder.is_dir() else ():
        file = load_data(path)
        spec = memo("module", file.text, lambda: file.validated(ModuleSpec))
        found.append(Module(path.parent.name, path.parent, spec, file))
    return tuple(sorted(found, key=lambda m: (m.spec.order, m.name)))
