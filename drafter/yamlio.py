"""YAML in and out: fast data loading, round-trip editing, line numbers, atomic saving.

Library data (questionnaire, clause front matter, requirements) is read with libyaml through
PyYAML (`load_data`, yamlfast.py): about 25 times faster than a round-trip parse, and kept in
the parse cache, so an unchanged file is not parsed again at all. Only when an error must name a line is the text parsed again with
ruamel's round-trip loader (`DataFile.line`). Answers files, which Drafter edits, are read and
written round-trip (`load_yaml`, `dump_yaml`) so the owner's comments survive. Everything
written goes through `atomic_write`, so a crash or `kill -9` never leaves a torn file.
"""

from __future__ import annotations

import glob
import io
import os
import stat
import tempfile
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any, TypeVar

from drafter import records
from drafter.errors import InvalidExpression, UserError
from drafter.parsecache import memo

_M = TypeVar("_M")  # a pydantic model, or a record (drafter.records)


MAX_DEPTH = 32  # nested lists and mappings: an answers file needs five
MAX_DIGITS = 30  # a longer run of digits stays text (validation then says it is too large)


def read_bytes(path: Path, limit: int | None = None, kind: str = "file") -> bytes:
    """Read a regular file of at most `limit` bytes, turning every way it can fail into a
    one-line `UserError`. A FIFO or device is refused without blocking on it."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except FileNotFoundError:
        raise UserError("no such file", path=path) from None
    except IsADirectoryError:
        raise UserError("is a folder, not a file", path=path) from None
    except OSError as exc:
        raise UserError(f"cannot read: {exc.strerror or exc}", path=path) from None
    info = os.fstat(fd)
    problem = ("is a folder, not a file" if stat.S_ISDIR(info.st_mode)
               else "is not a regular file" if not stat.S_ISREG(info.st_mode)
               else f"is {_megabytes(info.st_size)}; {kind} may be at most {_megabytes(limit)}"
               if limit is not None and info.st_size > limit else None)
    if problem is not None:
        os.close(fd)
        raise UserError(problem, path=path)
    with os.fdopen(fd, "rb") as handle:
        try:
            data = handle.read() if limit is None else handle.read(limit + 1)
        except OSError as exc:
            raise UserError(f"cannot read: {exc.strerror or exc}", path=path) from None
    if limit is not None and len(data) > limit:  # it grew while we read it
        raise UserError(f"{kind} may be at most {_megabytes(limit)}", path=path)
    return data


def _megabytes(size: int) -> str:
    return f"{size / 1_000_000:.1f} MB".replace(".0 MB", " MB") if size >= 1_000_000 \
        else f"{size:,} bytes"


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


def parse_yaml(text: str, path: Path, first_line: int = 1, *, hand_written: bool = True) -> Any:
    """Parse YAML text (keeping comments and line numbers); `first_line` offsets embedded YAML.
    `hand_written` (an answers file) refuses aliases and deep nesting (see yamlrt.py)."""
    from ruamel.yaml.error import MarkedYAMLError, YAMLError

    from drafter.yamlrt import round_trip  # ruamel only when a file is really parsed

    try:
        return round_trip(hand_written).load(text)
    except MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + first_line if mark is not None else None
        problem = (exc.problem or exc.context or "invalid YAML").strip()
        raise UserError(f"invalid YAML: {problem}", path=path, line=line) from None
    except YAMLError as exc:
        raise UserError(f"invalid YAML: {str(exc).splitlines()[0]}", path=path) from None


ANSWERS_LIMIT = 1_000_000  # bytes: the largest real answers file is a few kilobytes


def load_yaml(path: Path) -> Any:
    """Read a YAML file that Drafter edits (answers) into ruamel's commented containers."""
    return parse_yaml(decode_text(read_bytes(path, ANSWERS_LIMIT, "an answers file"), path),
                      path)


@dataclass(frozen=True)
class DataFile:
    """Plain data parsed fast, plus what is needed to find a line for an error message."""

    path: Path
    text: str
    data: Any
    first_line: int = 1

    def __getstate__(self) -> dict[str, Any]:
        """Kept (library_cache) without the trees parsed to find a line."""
        return {k: v for k, v in self.__dict__.items() if k not in ("_tree", "_nodes")}

    @cached_property
    def _tree(self) -> Any:
        return parse_yaml(self.text, self.path, self.first_line, hand_written=False)

    def line(self, loc: Sequence[str | int]) -> int | None:
        """The line of `loc` (a pydantic error location or key path) in the file."""
        return line_of(self._tree, loc, self.first_line)

    def spot(self, loc: Sequence[str | int]) -> Spot:
        """Where the value at `loc` is written, looked up only when a problem is reported."""
        return Spot(self, tuple(loc))

    @cached_property
    def _nodes(self) -> Any:
        """The file as ruamel's composer sees it: every value with where it starts and ends."""
        from drafter.yamlrt import round_trip

        return round_trip(hand_written=False).compose(self.text)

    def validated(self, model: type[_M]) -> _M:
        """The data as `model` (a pydantic model or a record, drafter.records), or a one-line
        error naming the file, line and field."""
        from pydantic import ValidationError

        try:
            return _checked(model, self.data if self.data is not None else {})
        except ValidationError as exc:
            err = exc.errors()[0]
            raise UserError(records.message(err), path=self.path,
                            line=self.error_line(err, err["loc"]),
                            field=".".join(map(str, err["loc"]))) from None

    def error_line(self, err: Mapping[str, Any], loc: Sequence[str | int]) -> int | None:
        """The line of pydantic's error `err` at `loc`: its value's, or for a condition that
        does not compile (`InvalidExpression`), the line of it that is wrong."""
        if isinstance((err.get("ctx") or {}).get("error"), InvalidExpression):
            from drafter.name_check import condition_line

            return condition_line(self, tuple(loc))
        return self.line(loc)


    def validated_entries(self, model: type[_M], what: str) -> list[_M]:
        """The data, a list of `what` (each with an `id`), as `model`s; or the one-line error
        naming the file, the line and the entry's id with its field (a duplicate id too)."""
        from pydantic import ValidationError

        if not isinstance(self.data, list):
            raise UserError(f"expected a list of {what}", path=self.path, line=1)
        entries: list[_M] = []
        seen: set[object] = set()
        for index, item in enumerate(self.data):
            rid = item.get("id") if isinstance(item, Mapping) else None
            try:
                entry = _checked(model, item)
            except ValidationError as exc:
                loc = exc.errors()[0]["loc"]
                raise UserError(records.message(exc.errors()[0]), path=self.path,
                                line=self.error_line(exc.errors()[0], (index, *loc)),
                                field=".".join(map(str, [rid if rid else index, *loc]))
                                ) from None
            if rid in seen:
                raise UserError(f"duplicate id in the {what}", path=self.path,
                                line=self.line((index,)), field=str(rid))
            seen.add(rid)
            entries.append(entry)
        return entries


def _checked(model: type[_M], data: Any) -> _M:
    """`data` as `model`: a pydantic model validates itself, a record through `records`."""
    check = getattr(model, "model_validate", None)
    return check(data) if check is not None else records.validate(model, data)  # type: ignore[no-any-return]


@dataclass(frozen=True)
class Spot:
    """Where one value of a data file is written (`DataFile.spot`): called, its line (found
    only for a problem: parsing for lines is slow); `written`, the value as it is written,
    so that a condition written over several lines is pointed at the line that is wrong."""

    file: DataFile
    loc: tuple[str | int, ...]

    def __call__(self) -> int | None:
        return self.file.line(self.loc)

    def written(self) -> tuple[int, str] | None:
        """The line the value starts on and its text as written (quotes, a block scalar's
        indicator and line breaks kept); None if `loc` is not one value in the file."""
        from ruamel.yaml.nodes import MappingNode, ScalarNode, SequenceNode

        node = self.file._nodes
        for part in self.loc:
            if isinstance(node, MappingNode):
                node = next((v for k, v in node.value if k.value == str(part)), None)
            elif isinstance(node, SequenceNode) and isinstance(part, int) and \
                    part < len(node.value):
                node = node.value[part]
            else:
                return None
        if not isinstance(node, ScalarNode):
            return None
        start, end = node.start_mark, node.end_mark
        return start.line + self.file.first_line, self.file.text[start.index:end.index]


def parse_data(text: str, path: Path, first_line: int = 1) -> DataFile:
    """Parse YAML that Drafter only reads (library files, front matter)."""
    return DataFile(path, text, memo("yaml", text, lambda: _parse_fast(text, path, first_line)),
                    first_line)


def _parse_fast(text: str, path: Path, first_line: int) -> Any:
    from drafter.yamlfast import load_fast  # libyaml: only when the parse cache misses

    return load_fast(text, path, first_line)


def load_data(path: Path) -> DataFile:
    """Read a library YAML file (fast; see `parse_data`)."""
    return parse_data(read_text(path), path)


def line_of(node: Any, loc: Sequence[str | int], first_line: int = 1) -> int | None:
    """The 1-based line of the deepest part of `loc` that exists in a ruamel tree.

    `loc` is a pydantic error location or an answer key path; where the exact item is missing
    (a required answer left out), the line of its nearest existing parent is the best hint.
    """
    from ruamel.yaml.comments import CommentedMap, CommentedSeq

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
    from drafter.yamlrt import round_trip

    round_trip().dump(data, buffer)
    return buffer.getvalue()


def _umask() -> int:
    """The process's umask, read without changing it (other threads may be creating files)."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except (OSError, ValueError):
        pass
    mask = os.umask(0o022)  # no /proc: the classic read, which briefly sets it
    os.umask(mask)
    return mask


STALE_AFTER = 600  # seconds: a save takes milliseconds, so an older temporary file is litter


def clean_stale_temporaries(path: Path, now: float | None = None) -> None:
    """Remove what a killed save of `path` left (`.NAME.*.tmp` from `atomic_write`); one
    newer than `STALE_AFTER` may belong to a save under way in another session."""
    cutoff = (time.time() if now is None else now) - STALE_AFTER
    for tmp in path.parent.glob(f".{glob.escape(path.name)}.*.tmp"):
        try:
            if tmp.is_file() and not tmp.is_symlink() and tmp.stat().st_mtime < cutoff:
                tmp.unlink()
        except OSError:
            continue


def file_stamp(path: Path) -> tuple[int, ...] | None:
    """What tells cheaply that a file may have changed: its time, size and inode (None: no
    such file, or unreadable)."""
    try:
        info = path.stat()
    except OSError:
        return None
    return (info.st_mtime_ns, info.st_size, info.st_ino)


def atomic_write(path: Path, data: str | bytes) -> None:
    """Write a file so that readers see the old or the new content, never a torn one.

    Writes a temporary file beside the target, flushes it to disk, renames it over the target,
    then syncs the folder so the rename itself survives a power cut. A symlink (even one whose
    target does not exist yet) is followed, and its target written.
    """
    payload = data.encode("utf-8") if isinstance(data, str) else data
    path = Path(os.path.realpath(path))  # a symlink stays one: its target is written
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(payload)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, path.stat().st_mode & 0o7777 if path.exists() else 0o666 & ~_umask())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    dir_fd = os.open(path.parent, os.O_RDONLY)
    try:
        os.fsync(dir_fd)
    finally:
        os.close(dir_fd)
