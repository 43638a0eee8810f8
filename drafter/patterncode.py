"""Compiled regular expressions kept between runs, as `classcode` keeps dataclasses' code.

A `drafter build` compiles some 240 regular expressions (ours, Jinja's, markdown-it's,
pydantic's) that Python's `re` cache forgets at exit; `re` parses each pattern and generates
its matcher code in Python, some 65 ms of a build's CPU (issue 13). What a pattern compiles to
depends only on its text, its flags and the interpreter, so, like a `.pyc`, the generated
code (the arguments `re._compiler.compile` hands to `_sre.compile`) is kept in the user's cache
folder (parsecache.cache_dir, same switch), one file per interpreter, keyed by pattern and
flags. An unseen pattern is compiled as before; a pattern with a mistake raises as before and
keeps nothing.

Installed by `drafter/__init__.py` on Python 3.11 only, whose `re._compiler.compile` this
repeats line for line (another version simply compiles as usual). `_sre.compile` validates
the code it is given, so a torn or foreign file can only fail, and a failure compiles afresh.

A pattern whose text changes with the hash seed would be new in every process and rewrite
the file at every exit: code that builds one from a set runs inside `unkept()` (every call into babel,
`drafter.templating`), which compiles as usual and keeps nothing new.
"""

import atexit
import hashlib
import marshal
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

_lock = threading.Lock()
_codes: dict[tuple[Any, int], tuple[Any, ...]] = {}
_new: set[tuple[Any, int]] = set()
_used: set[tuple[Any, int]] = set()
_file: Path | None = None
_passing = threading.local()  # `unkept` in this thread: compile without keeping


def _arguments(pattern: str | bytes, flags: int) -> tuple[Any, ...]:
    """What `re._compiler.compile(pattern, flags)` passes to `_sre.compile` after `pattern`
    (Python 3.11's code, minus its debug print)."""
    from re import _compiler, _parser  # type: ignore[attr-defined]

    parsed = _parser.parse(pattern, flags)
    code = [int(word) for word in _compiler._code(parsed, flags)]  # opcodes: int subclasses
    groupindex = parsed.state.groupdict
    indexgroup: list[str | None] = [None] * parsed.state.groups
    for name, index in groupindex.items():
        indexgroup[index] = name
    return (int(flags | parsed.state.flags), code, int(parsed.state.groups - 1),
            {str(name): int(index) for name, index in groupindex.items()}, tuple(indexgroup))


def _compile(p: Any, flags: int = 0) -> Any:
    import _sre

    if type(p) not in (str, bytes) or type(flags) is not int or flags & 128:  # re.DEBUG
        return _original(p, flags)
    key = (p, flags)
    found = _codes.get(key)
    if found is not None:
        _used.add(key)
        try:
            return _sre.compile(p, *found)
        except Exception:  # not code this interpreter accepts: compiled afresh
            pass
    if getattr(_passing, "depth", 0):  # inside `unkept()`: nothing new is kept
        return _original(p, flags)
    _used.add(key)
    arguments = _arguments(p, flags)
    with _lock:
        if not _new and _file is not None:
            atexit.register(_save)
        _codes[key] = arguments
        _new.add(key)
    return _sre.compile(p, *arguments)


@contextmanager
def unkept() -> Iterator[None]:
    """A pattern first compiled inside (in this thread) is compiled as usual and not added to
    the cache: for code that builds a pattern's text from a set, whose order, and so the text,
    changes with the hash seed (one already cached is still read from it)."""
    _passing.depth = getattr(_passing, "depth", 0) + 1
    try:
        yield
    finally:
        _passing.depth -= 1


def _save() -> None:
    """Write the known code plus this run's new code, atomically; a failure costs only speed."""
    with _lock:
        if not _new or _file is None:
            return
        _new.clear()
        # Patterns no longer compiled (an older Drafter's) go once they outnumber the used.
        kept = _codes if len(_codes) <= 2 * len(_used) else \
            {key: code for key, code in _codes.items() if key in _used}
        data = marshal.dumps(dict(kept))
    from drafter.parsecache import write

    try:
        write(_file, data)
    except OSError:
        pass


def install(folder: Path | None) -> None:
    """Read the cached code from `folder` (None: keep nothing between runs) and compile every
    regular expression through it from now on."""
    global _file, _original
    if sys.version_info[:2] != (3, 11):
        return
    import _sre
    from re import _compiler  # type: ignore[attr-defined]

    if _compiler.compile is _compile:
        return
    if folder is not None:
        tag = hashlib.sha256(f"{sys.version}|{_sre.MAGIC}|{_sre.CODESIZE}|{sys.maxunicode}"
                             .encode()).hexdigest()[:12]
        _file = folder / f"patterncode-{sys.implementation.cache_tag}-{tag}.marshal"
        try:
            found = marshal.loads(_file.read_bytes())
            if isinstance(found, dict):
                _codes.update(found)
        except Exception:  # missing, unreadable or torn: compile afresh
            pass
    _original = _compiler.compile
    _compiler.compile = _compile


_original: Any = None
