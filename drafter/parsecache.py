"""Parsed library files kept between runs, keyed by what they contain.

Reading the clause library (about 140 YAML files and front matters, validated into pydantic
models) was most of a build's start-up, yet what a file parses to depends only on its text and
on Drafter's own code. `memo` keeps each result under a hash of both, in one file in the
user's cache folder (`$XDG_CACHE_HOME/drafter`, else `~/.cache/drafter`; `DRAFTER_CACHE_DIR`
names another folder, `DRAFTER_CACHE_DIR=off` turns the cache off). An edited file hashes
differently and a changed Drafter stamps differently, so nothing read from the cache is ever
stale; deleting the folder only makes the next start slower. Only successful parses are kept:
a file with a mistake is parsed, and reported, every time. A cache that cannot be read or
written is ignored.
"""

from __future__ import annotations

import atexit
import hashlib
import importlib.util
import os
import pickle
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path
from typing import TypeVar

T = TypeVar("T")


def cache_dir() -> Path | None:
    """Where the cache lives, or None when turned off."""
    chosen = os.environ.get("DRAFTER_CACHE_DIR")
    if chosen:
        return None if chosen == "off" else Path(chosen)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "drafter"


@lru_cache(maxsize=1)
def _stamp() -> str:
    """A hash of the code that turns text into what the cache holds: every Drafter module
    (the models and loaders), Python, and the parsing libraries (Jinja and pydantic by
    version; PyYAML, ruamel, python-slugify and nupunkt, not imported on a cached start, by
    their installed files). Drafter's modules count by name, size and modification time, as
    Python itself picks a module's `.pyc` over its source: the code that runs is decided the
    same way (hashing their 1 MB of source was some 18M instructions of every start)."""
    import jinja2
    import pydantic

    parts = [sys.version, pydantic.VERSION, jinja2.__version__]
    for name in ("yaml", "ruamel.yaml", "slugify", "nupunkt"):
        spec = importlib.util.find_spec(name)
        origin = spec.origin if spec is not None else None
        info = os.stat(origin) if origin else None
        parts.append(f"{name}:{info.st_size}:{info.st_mtime_ns}" if info else f"{name}:-")
    digest = hashlib.sha256("|".join(parts).encode())
    for name, path in files_in(os.path.dirname(__file__), ".py"):
        info = os.stat(path)
        digest.update(f"{name}\0{info.st_size}\0{info.st_mtime_ns}\0".encode())
    return digest.hexdigest()[:16]


def stamp() -> str:
    """A hash of Drafter's code and the libraries it parses with (see `_stamp`)."""
    return _stamp()


def files_in(root: str, suffix: str = "") -> list[tuple[str, str]]:
    """Every file under `root` whose name ends with `suffix`, as (its path from `root` with
    `/`, its full path), in the order of their Paths (part by part), as `Path.rglob` finds them
    (symlinked folders are not entered), with `os.scandir` and plain strings: pathlib's
    globbing and Path objects cost a build some 20 ms for the library's ~500 files."""
    found: list[tuple[list[str], str]] = []

    def walk(folder: str, parts: list[str]) -> None:
        with os.scandir(folder) as entries:
            for entry in entries:
                if entry.is_dir(follow_symlinks=False):
                    walk(entry.path, [*parts, entry.name])
                elif entry.name.endswith(suffix) and entry.is_file():
                    found.append(([*parts, entry.name], entry.path))

    walk(root, [])
    found.sort(key=lambda item: item[0])
    return [("/".join(parts), path) for parts, path in found]


class _Cache:
    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.entries: dict[str, bytes] | None = None
        self.used: set[str] = set()
        self.dirty = False
        self.path: Path | None = None

    def _load(self) -> dict[str, bytes]:
        if self.entries is None:
            self.entries = {}
            folder = cache_dir()
            if folder is not None:
                self.path = folder / f"parsed-{_stamp()}.pickle"
                try:
                    with open(self.path, "rb") as handle:
                        found = pickle.load(handle)
                    if isinstance(found, dict):
                        self.entries = found
                except Exception:  # missing, unreadable or torn: start afresh
                    pass
        return self.entries

    def get(self, key: str) -> bytes | None:
        with self.lock:
            self.used.add(key)
            return self._load().get(key)

    def put(self, key: str, data: bytes) -> None:
        with self.lock:
            self._load()[key] = data
            if not self.dirty and self.path is not None:
                atexit.register(self.save)
            self.dirty = True

    def memo(self, kind: str, text: str, build: Callable[[], T]) -> T:
        key = hashlib.sha256(f"{kind}\0{text}".encode()).hexdigest()
        found = self.get(key)
        if found is not None:
            try:
                return pickle.loads(found)  # type: ignore[no-any-return]
            except Exception:
                pass
        value = build()
        try:
            self.put(key, pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL))
        except Exception:  # not picklable: simply not cached
            pass
        return value

    def save(self) -> None:
        """Write this run's entries, and as many from earlier runs (another library, a file
        before its last edit), atomically. Another Drafter's file (an older version, or a
        second install sharing the cache folder) is removed once unused for `STALE_DAYS`:
        removing it sooner would make two installs wipe each other's cache on every run."""
        with self.lock:
            if not self.dirty or self.path is None or self.entries is None:
                return
            kept = {k: v for k, v in self.entries.items() if k in self.used}
            for key, value in self.entries.items():
                if len(kept) >= 2 * len(self.used):
                    break
                kept.setdefault(key, value)
            self.dirty = False
            path = self.path
        try:
            write(path, pickle.dumps(kept, protocol=pickle.HIGHEST_PROTOCOL))
            stale = time.time() - STALE_DAYS * 86400
            for old in path.parent.glob("parsed-*.pickle"):
                if old != path and old.stat().st_mtime < stale:
                    old.unlink(missing_ok=True)
        except OSError:  # a read-only or full disk only costs speed
            pass


def write(path: Path, data: bytes) -> None:
    """Replace a cache file at once (readers see the old file or the new one, never a torn
    one); no fsync: a cache lost in a power cut is only rebuilt. Raises OSError."""
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.stem}-", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


STALE_DAYS = 30
_CACHE = _Cache()


def memo(kind: str, text: str, build: Callable[[], T]) -> T:
    """What `build()` makes of `text`, from the cache when this text (as `kind`) was built
    before by this same code; `build` raising (a mistake in the file) caches nothing."""
    return _CACHE.memo(kind, text, build)


def get(key: str) -> bytes | None:
    """Bytes stored under `key` by `put` in this or an earlier run (Jinja's compiled code)."""
    return _CACHE.get(key)


def put(key: str, data: bytes) -> None:
    _CACHE.put(key, data)


def save() -> None:
    """Write the cache now (it is also written when the process exits)."""
    _CACHE.save()
