"""Where the data lives: the repo's `clauses/` and `questionnaires/`, or their copies that a
wheel install carries inside the package (`drafter/_data/`); the built-in examples, and copies
of them to edit."""

from __future__ import annotations

from pathlib import Path

from typing import TYPE_CHECKING

from drafter.errors import UserError
from drafter.schema import offer_schema, with_modeline

if TYPE_CHECKING:
    from drafter.questionnaire import Questionnaire

_PACKAGE = Path(__file__).resolve().parent


def data_dir(name: str) -> Path:
    """`clauses` or `questionnaires`: the copy an installed wheel carries, else the source
    tree's. Never a folder of that name that merely sits beside the package: installed, that is
    `site-packages/`, where another distribution may have put one."""
    source = _PACKAGE.parent / name if (_PACKAGE.parent / "pyproject.toml").is_file() else None
    for candidate in (_PACKAGE / "_data" / name, source):
        if candidate is not None and candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"Drafter's {name}/ data folder is missing from the installation")


def default_questionnaire() -> Path:
    return data_dir("questionnaires") / "privacy-policy.yaml"


def default_library() -> Path:
    return data_dir("clauses")


def examples() -> dict[str, Path]:
    """The built-in example answers files by short name (`kiosk`, `email-platform`, …)."""
    folder = data_dir("questionnaires") / "examples"
    return {p.name.removesuffix(".yaml"): p for p in sorted(folder.glob("*.yaml"))}


def example_copies(source: Path, folder: Path) -> list[Path]:
    """Where a copy of a built-in example may go, in order: `answers.yaml` in `folder`, then
    `answers-<example>.yaml`, `-2`, `-3`, …"""
    return [folder / "answers.yaml", folder / f"answers-{source.stem}.yaml",
            *(folder / f"answers-{source.stem}-{n}.yaml" for n in range(2, 1000))]


def copy_example(source: Path, targets: list[Path],
                 questionnaire: Questionnaire | None = None) -> Path:
    """Copy a built-in example to the first of `targets` that does not exist yet (see
    `example_copies`). Never overwrites a file, even when two sessions race for one name.
    The copy starts with the line pointing an editor at the schema, which is written beside
    it in the background (for `questionnaire`) unless one is there (`drafter.schema`)."""
    text = with_modeline(source.read_bytes().decode("utf-8"))
    for target in targets:
        try:
            with target.open("xb") as handle:  # created only if absent, even if two race
                handle.write(text.encode("utf-8"))
        except FileExistsError:
            continue
        if questionnaire is not None:
            offer_schema(target, questionnaire)
        return target
    where = targets[0] if len(targets) == 1 else targets[0].parent
    raise UserError("already exists: no free name for a copy of the example" if len(targets) == 1
                    else "no free name for a copy of the example", path=where)
