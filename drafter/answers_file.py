"""An answers file being edited, by the app or a script: its round-trip tree (comments, key
order and quoting kept), saved atomically and merged with what others wrote since it was read,
under one lock per folder. `drafter.answers` validates what it holds."""

from __future__ import annotations

import copy
import fcntl
import os
import threading
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from drafter.errors import UserError
from drafter.plain import plain, same_answer
from drafter.schema import MODELINE
from drafter.values import describe
from drafter.yamlio import (
    ANSWERS_LIMIT,
    atomic_write,
    clean_stale_temporaries,
    decode_text,
    dump_yaml,
    parse_yaml,
    read_bytes,
)


class AnswersFile:
    """An answers file being edited (by the app or a script): set values, save atomically.

    Edits go into ruamel's round-trip tree, so the owner's comments, key order and quoting
    survive every save.
    """

    def __init__(self, path: Path, doc: Any, read: str | None = None) -> None:
        self.path = path
        self._version = 0  # counts the tree's changes: `values` keeps its view of one
        self._values: tuple[int, dict[str, Any]] | None = None
        self.doc = doc
        self._read = read  # the file's text as read (None: there was no file)
        self._base: dict[str, Any] = {}  # each key this writer set: its value as read

    @property
    def doc(self) -> Any:
        """The round-trip tree: the one source of truth, which `values` is a view of."""
        return self._doc

    @doc.setter
    def doc(self, doc: Any) -> None:
        self._doc = doc
        self._changed()

    def _changed(self) -> None:
        """The tree changed: the view `values` kept is out of date. Counted, not cleared, so
        that a view made from the old tree (in another thread) is never kept as the new one."""
        self._version += 1

    @classmethod
    def open(cls, path: Path) -> AnswersFile:
        """Open an existing file, or start an empty one (written on first `save`); what a
        save killed mid-way left beside it is removed."""
        clean_stale_temporaries(path)
        return cls._parse(path, current_text(path))

    @classmethod
    def _parse(cls, path: Path, text: str | None) -> AnswersFile:
        from ruamel.yaml.comments import CommentedMap

        doc = parse_yaml(text, path) if text is not None else None
        if doc is None:
            doc = CommentedMap()
            if text is None:  # a new file: an editor finds the schema beside it
                doc.yaml_set_start_comment(MODELINE.removeprefix("# ").rstrip("\n"))
        if not isinstance(doc, CommentedMap):
            raise UserError("expected a mapping of sections at the top level", path=path, line=1)
        return cls(path, doc, text)

    def get(self, key: str) -> Any:
        """One answer as a plain value (`drafter.plain`), however the file writes it."""
        return plain(self._node(key))

    def values(self) -> dict[str, Any]:
        """The whole file as plain values, by section (`drafter.plain`): converted once and
        kept until the tree changes (`set`, or a save that took in the disk's answers), since
        the editing session reads it on every check. Every reader shares it: read it, never
        change it (an answer changes through `set`)."""
        kept = self._values
        if kept is not None and kept[0] == self._version:
            return kept[1]
        version, found = self._version, plain(self.doc)
        view = found if isinstance(found, dict) else {}
        self._values = (version, view)
        return view

    def _node(self, key: str) -> Any:
        """One answer as the round-trip tree holds it (with its quoting, for writing back)."""
        section, question = key.split(".", 1)
        group = self.doc.get(section)
        return group.get(question) if isinstance(group, Mapping) else None

    def set(self, key: str, value: Any) -> None:
        """Set (or with None, remove) one answer, keeping everything else as it was."""
        from ruamel.yaml.comments import CommentedMap

        from drafter.yamlrt import quoted_where_misread

        if key not in self._base:
            self._base[key] = self.get(key)
        try:
            section, question = key.split(".", 1)
            group = self.doc.get(section)
            if value is None:
                if isinstance(group, CommentedMap):
                    group.pop(question, None)
                return
            if not isinstance(group, CommentedMap):
                group = CommentedMap()
                self.doc[section] = group
            group[question] = quoted_where_misread(value)
        finally:  # counted once the tree has changed (see `_changed`)
            self._changed()

    def text(self) -> str:
        return dump_yaml(self.doc)

    @property
    def saved_text(self) -> str | None:
        """The text this writer last read or wrote (None: there was no file)."""
        return self._read

    def save(self) -> None:
        """Write this writer's changes, merged with the file as it is now on disk.

        The file is read again under `answers_lock` (the lock every save takes): if another
        session, `drafter publish` or an editor changed it since this writer read it, only the
        answers this writer `set` are applied to what is there, so nothing they wrote is put
        back. If one of those same answers was changed on disk to something else, nothing is
        written (a one-line `UserError` names it): neither side's answer is lost silently."""
        with answers_lock(self.path):
            now = current_text(self.path)
            if now != self._read and now is not None:  # changed (if removed: ours is all)
                disk = AnswersFile._parse(self.path, now)

                for key, base in self._base.items():
                    theirs, mine = disk.get(key), self.get(key)
                    if not same_answer(theirs, base) and not same_answer(theirs, mine):
                        what = "removed" if theirs is None else f"changed to {describe(theirs)}"
                        raise UserError(f"{key} was {what} by someone else since it was read; "
                                        "nothing saved (open the file again to see it)",
                                        path=self.path, field=key)
                for key in self._base:
                    disk.set(key, copy.deepcopy(self._node(key)))
                self.doc = disk.doc
            text = self.text()
            atomic_write(self.path, text)
            self._read, self._base = text, {}


def current_text(path: Path) -> str | None:
    """An answers file's text as it is now (None if there is none), size-limited."""
    if not path.exists():
        return None
    return decode_text(read_bytes(path, ANSWERS_LIMIT, "an answers file"), path)


_HELD = threading.local()  # the folders this thread holds `answers_lock` on


@contextmanager
def answers_lock(path: Path) -> Iterator[None]:
    """An exclusive lock for a read-merge-write of an answers file: on the folder that holds
    it (the file itself is replaced by each write, so a lock on it would not be shared; a
    lock file would be litter). Writes take milliseconds, so sharing one lock per folder
    costs nothing. Reentrant within a thread: a session that reads the disk under the lock
    then saves (`AnswersFile.save` takes it too) does not wait for itself."""
    folder = Path(os.path.realpath(path)).parent  # two names for one file share one lock
    held: set[Path] = _HELD.__dict__.setdefault("folders", set())
    if folder in held:
        yield
        return
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:  # no such folder yet: nothing else can be writing there
        yield
        return
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        held.add(folder)
        yield
    finally:
        held.discard(folder)
        os.close(fd)  # releases the lock
