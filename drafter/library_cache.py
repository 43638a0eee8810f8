"""The questionnaire and the whole clause library, kept between runs as one entry.

`parsecache` keeps what each file parses to; even from there, a start looked up some 1,100
entries (a hash of each text, a pickle each) and put the library together again. This keeps
what `Project` ends with, the `Questionnaire` and the `Library` (with its review and notice
rules, changelog and version), in one file in the cache folder (`parsecache.cache_dir`, same
switch) per questionnaire and library folder. It is used only when its key matches: a hash of
Drafter's code (`parsecache`'s stamp), the two paths, and the name, size and bytes of every
file in the library folder and of the questionnaire file. An edited, added or removed file
changes the key, so nothing read from it is ever stale; the key is worked out again after
loading, and nothing is kept if a file changed while it was read. The two are pickled one
after the other: the app reads the questionnaire alone for its first screen and the library
when it is asked for, after checking the key again. The file is written whole (temporary
file, then rename), so readers see the old entry or the new one; a missing, torn or foreign
file is loaded afresh and replaced. Deleting it only slows the next start.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import time
from pathlib import Path
from typing import TYPE_CHECKING

from drafter import parsecache

if TYPE_CHECKING:
    from drafter.library import Library
    from drafter.questionnaire import Questionnaire

_PREFIX = "library-"


def key(questionnaire: Path, root: Path) -> str | None:
    """What the entry for this questionnaire and library is valid for (None: no cache, or a
    file that cannot be read, which the loaders then report)."""
    if parsecache.cache_dir() is None:
        return None
    digest = hashlib.blake2b(digest_size=20)
    digest.update(parsecache.stamp().encode())
    try:
        for name, path in ((str(questionnaire), str(questionnaire)),
                           *parsecache.files_in(str(root))):
            data = _read(path)
            digest.update(f"\0{name}\0{len(data)}\0".encode())
            digest.update(data)
    except OSError:
        return None
    relative = not (questionnaire.is_absolute() and root.is_absolute())
    digest.update(f"\0{questionnaire}\0{root}\0{os.getcwd() if relative else ''}".encode())
    return digest.hexdigest()


def _read(path: str) -> bytes:
    """A file's bytes through the system calls alone: `open()`'s file objects were half the
    cost of hashing the library's ~500 files (some 15M instructions a start)."""
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_CLOEXEC", 0))
    try:
        chunks = []
        while chunk := os.read(fd, 1 << 20):
            chunks.append(chunk)
    finally:
        os.close(fd)
    return b"".join(chunks)


def _path(questionnaire: Path, root: Path) -> Path | None:
    folder = parsecache.cache_dir()
    if folder is None:
        return None
    where = hashlib.sha256(f"{os.path.abspath(questionnaire)}\0{os.path.abspath(root)}"
                           .encode()).hexdigest()[:16]
    return folder / f"{_PREFIX}{where}.pickle"


def load(questionnaire: Path, root: Path, found: str | None, with_library: bool
         ) -> tuple[Questionnaire, Library | None] | None:
    """The questionnaire kept under key `found`, and the library `with_library` (else None:
    the app shows its first question without unpickling the library), or None."""
    path = _path(questionnaire, root)
    if found is None or path is None:
        return None
    try:
        with open(path, "rb") as handle:
            if handle.readline() != f"{found}\n".encode():
                return None
            held = pickle.load(handle)
            library = pickle.load(handle) if with_library else None
    except Exception:  # missing, torn, or written by another version: loaded afresh
        return None
    return held, library


def save(questionnaire_path: Path, root: Path, found: str | None,
         questionnaire: Questionnaire, library: Library) -> None:
    """Keep `questionnaire` and `library` under key `found` (worked out before they were
    read), if the files still have that key. Never raises: a cache only costs speed."""
    path = _path(questionnaire_path, root)
    if found is None or path is None or key(questionnaire_path, root) != found:
        return
    try:  # two pickles, so that the questionnaire can be read alone
        data = pickle.dumps(questionnaire, protocol=pickle.HIGHEST_PROTOCOL) + \
            pickle.dumps(library, protocol=pickle.HIGHEST_PROTOCOL)
    except Exception:  # something not picklable: simply not kept
        return
    try:
        parsecache.write(path, f"{found}\n".encode() + data)
        stale = time.time() - parsecache.STALE_DAYS * 86400
        for old in path.parent.glob(f"{_PREFIX}*.pickle"):
            if old != path and old.stat().st_mtime < stale:
                old.unlink(missing_ok=True)
    except OSError:
        pass
