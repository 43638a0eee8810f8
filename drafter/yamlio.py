"""YAML in and out: fast data loading, round-trip editing, line numbers, atomic saving.

Library data (questionnaire, clause front matter, requirements) is read with libyaml through
PyYAML (`load_data`): about 25 times faster than a round-trip parse, which matters because it
happens on every start. Only when an error must name a line is the text parsed again with
ruamel's round-trip loader (`DataFile.line`). Answers files, which Drafter edits, are read and
written round-trip (`load_yaml`, `dump_yaml`) so the owner's comments survive. Everything
written goes through `atomic_write`, so a crash or `kill -9` never leaves a torn file.
"""

from __future__ import annotations

import io
import os
import re
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any

import yaml as pyyaml

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.constructor import RoundTripConstructor
from ruamel.yaml.error import MarkedYAMLError, YAMLError

from drafter.errors import UserError


class _Constructor(RoundTripConstructor):
    """Round-trip constructor that leaves an impossible date (`2026-02-30`) as text, so
    validation can report it against its question and line instead of crashing here."""

    def construct_yaml_timestamp(self, node: Any, values: Any = None) -> Any:
        try:
            return super().construct_yaml_timestamp(node, values)
        except ValueError:
            return self.construct_scalar(node)


_Constructor.add_constructor("tag:yaml.org,2002:timestamp", _Constructor.construct_yaml_timestamp)


def _yaml() -> YAML:
    yaml = YAML(typ="rt")
    yaml.Constructor = _Constructor
    yaml.preserve_quotes = True
    yaml.width = 100
    yaml.indent(mapping=2, sequence=4, offset=2)
    return yaml


def read_bytes(path: Path) -> bytes:
    """Read a file, turning every way it can fail into a one-line `UserError`."""
    if path.is_dir():
        raise UserError("is a folder, not a file", path=path)
    try:
        return path.read_bytes()
    except FileNotFoundError:
        raise UserError("no such file", path=path) from None
    except OSError as exc:
        raise UserError(f"cannot read: {exc.strerror or exc}", path=path) from None


def decode_text(data: bytes, path: Path, kind: str = "YAML text") -> str:
    """UTF-8 (with or without a BOM), or a `UserError` naming the line that is not."""
    if b"\x00" in data:
        raise UserError(f"is a binary file, not {kind}", path=path)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise UserError("is not UTF-8 text", path=path, line=line) from None


def read_text(path: Path) -> str:
    """Read a UTF-8 text file, turning every way it can fail into a one-line `UserError`."""
    return decode_text(read_bytes(path), path)


def parse_yaml(text: str, path: Path, first_line: int = 1) -> Any:
    """Parse YAML text (keeping comments and line numbers); `first_line` offsets embedded YAML."""
    try:
        return _yaml().load(text)
    except MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + first_line if mark is not None else None
        problem = (exc.problem or exc.context or "invalid YAML").strip()
        raise UserError(f"invalid YAML: {problem}", path=path, line=line) from None
    except YAMLError as exc:
        raise UserError(f"invalid YAML: {str(exc).splitlines()[0]}", path=path) from None


def load_yaml(path: Path) -> Any:
    """Read a YAML file that Drafter edits (answers) into ruamel's commented containers."""
    return parse_yaml(read_text(path), path)


class _DataLoader(pyyaml.CSafeLoader):
    """libyaml with YAML 1.2's booleans (only true/false: `no` stays the string "no", as in
    answers files) and duplicate keys refused rather than silently overwritten."""

    def construct_mapping(self, node: Any, deep: bool = False) -> Any:
        seen: set[Any] = set()
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=True)
            if key in seen:
                raise pyyaml.constructor.ConstructorError(
                    None, None, f"found duplicate key {key!r}", key_node.start_mark)
            seen.add(key)
        return super().construct_mapping(node, deep=deep)


_BOOL = "tag:yaml.org,2002:bool"
_DataLoader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != _BOOL]
    for first, resolvers in pyyaml.CSafeLoader.yaml_implicit_resolvers.items()
}
_DataLoader.add_implicit_resolver(
    _BOOL, re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF"))


@dataclass(frozen=True)
class DataFile:
    """Plain data parsed fast, plus what is needed to find a line for an error message."""

    path: Path
    text: str
    data: Any
    first_line: int = 1

    @cached_property
    def _tree(self) -> Any:
        return parse_yaml(self.text, self.path, self.first_line)

    def line(self, loc: Sequence[str | int]) -> int | None:
        """The line of `loc` (a pydantic error location or key path) in the file."""
        return line_of(self._tree, loc, self.first_line)


def parse_data(text: str, path: Path, first_line: int = 1) -> DataFile:
    """Parse YAML that Drafter only reads (library files, front matter)."""
    try:
        data = pyyaml.load(text, Loader=_DataLoader)  # noqa: S506 - a safe loader
    except pyyaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + first_line if mark is not None else None
        problem = (exc.problem or exc.context or "invalid YAML").strip()
        raise UserError(f"invalid YAML: {problem}", path=path, line=line) from None
    except pyyaml.YAMLError as exc:
        raise UserError(f"invalid YAML: {str(exc).splitlines()[0]}", path=path) from None
    return DataFile(path, text, data, first_line)


def load_data(path: Path) -> DataFile:
    """Read a library YAML file (fast; see `parse_data`)."""
    return parse_data(read_text(path), path)


def line_of(node: Any, loc: Sequence[str | int], first_line: int = 1) -> int | None:
    """The 1-based line of the deepest part of `loc` that exists in a ruamel tree.

    `loc` is a pydantic error location or an answer key path; where the exact item is missing
    (a required answer left out), the line of its nearest existing parent is the best hint.
    """
    line: int | None = None
    current = node
    for part in loc:
        if isinstance(current, CommentedMap) and part in current:
            line = current.lc.key(part)[0] + first_line
            current = current[part]
        elif isinstance(current, CommentedSeq) and isinstance(part, int) and part < len(current):
            line = current.lc.item(part)[0] + first_line
            current = current[part]
        else:
            break
    if line is None and isinstance(node, (CommentedMap, CommentedSeq)):
        line = node.lc.line + first_line
    return line


def dump_yaml(data: Any) -> str:
    """Serialise YAML the way we save answers files (round-trip, comments kept)."""
    buffer = io.StringIO()
    _yaml().dump(data, buffer)
    return buffer.getvalue()


def atomic_write(path: Path, data: str | bytes) -> None:
    """Write a file so that readers see the old or the new content, never a torn one.

    Writes a temporary file beside the target, flushes it to disk, renames it over the target,
    then syncs the folder so the rename itself survives a power cut.
    """
    payload = data.encode("utf-8") if isinstance(data, str) else data
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(payload)
            handle.flush()
            os.fsync(handle.fileno())
        if path.exists():
            os.chmod(tmp, path.stat().st_mode & 0o777)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    dir_fd = os.open(path.parent, os.O_RDONLY)
    try:
        os.fsync(dir_fd)
    finally:
        os.close(dir_fd)
