"""Library YAML read fast: libyaml through PyYAML, the YAML 1.2 way ruamel reads answers.

Imported only when the parse cache (parsecache.py) does not hold a file's text yet.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml as pyyaml
from ruamel.yaml.resolver import implicit_resolvers

from drafter.errors import UserError
from drafter.yamlio import MAX_DIGITS


class _DataLoader(pyyaml.CSafeLoader):
    """libyaml read the way ruamel reads answers files, YAML 1.2 (one reading of numbers and
    times for every file): booleans are only true/false (`no` stays the string "no"),
    `010` is ten and `0o10` eight, `1:30` is text (not 90 minutes), `1e3` is a number; an
    impossible date or a number too long to convert stays text. Duplicate keys are refused
    rather than silently overwritten."""

    def construct_mapping(self, node: Any, deep: bool = False) -> Any:
        seen: set[Any] = set()
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=True)
            if key in seen:
                raise pyyaml.constructor.ConstructorError(
                    None, None, f"found duplicate key {key!r}", key_node.start_mark)
            seen.add(key)
        return super().construct_mapping(node, deep=deep)

    def construct_yaml_int(self, node: Any) -> Any:
        text = str(self.construct_scalar(node))
        if sum(c.isdigit() for c in text) > MAX_DIGITS:
            return text
        value = text.replace("_", "")
        sign = -1 if value[0] == "-" else 1
        value = value.lstrip("+-")
        base = {"0b": 2, "0x": 16, "0o": 8}.get(value[:2], 10)
        return sign * int(value[2:] if base != 10 else value, base)

    def construct_yaml_float(self, node: Any) -> Any:
        value = str(self.construct_scalar(node)).replace("_", "").lower()
        sign = -1.0 if value[0] == "-" else 1.0
        value = value.lstrip("+-")
        return sign * float("inf") if value == ".inf" else float("nan") if value == ".nan" \
            else sign * float(value)

    def construct_yaml_timestamp(self, node: Any) -> Any:
        try:
            return super().construct_yaml_timestamp(node)
        except ValueError:
            return self.construct_scalar(node)


def _yaml_1_2_resolvers() -> dict[Any, list[tuple[str, re.Pattern[str]]]]:
    """libyaml's resolvers with booleans, integers and floats taken from ruamel's YAML 1.2
    set: the same patterns for library files and answers files."""
    replaced = {_BOOL, _INT, _FLOAT}
    resolvers = {first: [(tag, rx) for tag, rx in found if tag not in replaced]
                 for first, found in pyyaml.CSafeLoader.yaml_implicit_resolvers.items()}
    for versions, tag, regexp, firsts in implicit_resolvers:
        if (1, 2) in versions and tag in replaced:
            for first in firsts:
                resolvers.setdefault(first, []).append((tag, regexp))
    return resolvers


_BOOL, _INT, _FLOAT = (f"tag:yaml.org,2002:{name}" for name in ("bool", "int", "float"))
_DataLoader.yaml_implicit_resolvers = _yaml_1_2_resolvers()
for _tag, _method in ((_INT, _DataLoader.construct_yaml_int),
                      (_FLOAT, _DataLoader.construct_yaml_float),
                      ("tag:yaml.org,2002:timestamp", _DataLoader.construct_yaml_timestamp)):
    _DataLoader.add_constructor(_tag, _method)


def load_fast(text: str, path: Path, first_line: int = 1) -> Any:
    """Plain data from YAML text, or a one-line error naming the file and line."""
    try:
        return pyyaml.load(text, Loader=_DataLoader)  # noqa: S506 - a safe loader
    except pyyaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + first_line if mark is not None else None
        problem = (exc.problem or exc.context or "invalid YAML").strip()
        raise UserError(f"invalid YAML: {problem}", path=path, line=line) from None
    except pyyaml.YAMLError as exc:
        raise UserError(f"invalid YAML: {str(exc).splitlines()[0]}", path=path) from None
