"""Where the data lives: the repo's `clauses/` and `questionnaires/`, or their copies that a
wheel install carries inside the package (`drafter/_data/`)."""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def data_dir(name: str) -> Path:
    """`clauses` or `questionnaires`: the source tree's copy first, else the installed one."""
    for candidate in (_PACKAGE.parent / name, _PACKAGE / "_data" / name):
        if candidate.is_dir():
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
