"""Derived facts (`clauses/laws.yaml`): which laws apply, worked out from plain answers.

An owner answers where their users are, their revenue band and how many people they serve;
whether the CCPA or Oregon's law applies follows from those answers by thresholds that belong
with the rest of the legal data, not in Python. Each entry is a Jinja expression over the
answers and the entries above it; conditions and templates read the results as `law.NAME`.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from drafter.errors import DrafterError, UserError
from drafter.templating import (
    AnswerGroup,
    Condition,
    TemplateSyntaxError,
    compile_condition,
    referenced_names,
)
from drafter.yamlio import DataFile, load_data


@dataclass(frozen=True)
class Derived:
    name: str
    expression: Condition
    source: DataFile

    @property
    def line(self) -> int | None:
        """Where the entry is in laws.yaml (found only when an error needs it)."""
        return self.source.line((self.name,))

    def names(self) -> set[str]:
        """The answer keys and `law.*` names the expression reads (for lint)."""
        return referenced_names(self.expression.source, expression=True)


def load_laws(path: Path) -> tuple[Derived, ...]:
    """Load the derived facts in file order; a missing file means there are none."""
    if not path.exists():
        return ()
    file = load_data(path)
    doc = file.data
    if not isinstance(doc, Mapping):
        raise UserError("expected a mapping of name to expression", path=path, line=1)
    found: list[Derived] = []
    for name, source in doc.items():
        if not isinstance(source, str) or not str(name).isidentifier():
            raise UserError("each entry is `name: \"expression\"`", path=path,
                            line=file.line((name,)), field=str(name))
        try:
            found.append(Derived(str(name), compile_condition(source), file))
        except TemplateSyntaxError as exc:
            raise UserError(f"not a valid expression: {exc.message}", path=path,
                            line=file.line((name,)), field=str(name)) from None
    return tuple(found)


def evaluate(laws: tuple[Derived, ...], context: Mapping[str, Any]) -> AnswerGroup:
    """Every derived fact for these answers, each seeing the ones before it as `law.NAME`."""
    values: dict[str, Any] = {}
    for derived in laws:
        try:
            values[derived.name] = derived.expression.compiled(
                **context, law=AnswerGroup(**values))
        except Exception as exc:  # a failure inside the sandbox is a library bug
            raise DrafterError(f"law.{derived.name} ({derived.expression.source!r}) "
                               f"failed: {exc}") from exc
    return AnswerGroup(**values)
