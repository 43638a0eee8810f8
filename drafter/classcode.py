"""Compiled code of dataclasses' generated methods, kept between runs like `.pyc` files.

`@dataclass` writes each class's `__init__`, `__repr__`, `__eq__`, `__hash__` and (frozen)
`__setattr__`/`__delattr__` as Python source and compiles it while the module is imported:
some 500 small compilations in a `drafter build` (our records, and pydantic's and
annotated-types' own), a fifth of what importing Drafter costs (issue 13). What a text compiles
to depends only on the text and the interpreter, so, like a `.pyc`, the code objects are kept
in the user's cache folder (parsecache.cache_dir, same switch) in one file per bytecode
version, keyed by the full text: an unseen text is compiled as before, so the classes are
exactly those `dataclasses` makes. Installed by `drafter/__init__.py`, before anything is
imported; it changes nothing but where the compiled code comes from.

`dataclasses` (3.11-3.13) compiles through the module-level name `exec`; `install` shadows
it with `_exec`. Should a later Python stop calling it, this simply stops being used.

Why this is safe (reviewed in issue 13, fourth session): a code object is a pure function of
the source text, the file name (`<string>`), the compiler flags and the optimisation level;
the text is the whole key, the flags are those `exec` uses there (dataclasses.py has no
`__future__` import, hence `dont_inherit`), and the level and bytecode version name the
file. The file is trusted as a `.pyc` is (the user's own cache folder, mode 0700); a torn or
foreign file is ignored. It saves some 250M of a build's ~2,000M instructions.
"""

import atexit
import builtins
import dataclasses
import importlib.util
import marshal
import sys
import threading
from pathlib import Path
from typing import Any

_lock = threading.Lock()
_codes: dict[str, Any] = {}
_new: dict[str, Any] = {}
_used: set[str] = set()
_file: Path | None = None


def _exec(source: Any, globals: Any = None, locals: Any = None) -> None:
    if type(source) is str:
        _used.add(source)
        code = _codes.get(source)
        if code is None:
            # As `exec(source)` inside dataclasses.py compiles it: no __future__ flags.
            code = compile(source, "<string>", "exec", dont_inherit=True)
            with _lock:
                if not _new and _file is not None:
                    atexit.register(_save)
                _codes[source] = _new[source] = code
        source = code
    builtins.exec(source, globals, locals)


def _save() -> None:
    """Write the known code plus this run's new code, atomically; a failure costs only speed."""
    with _lock:
        if not _new or _file is None:
            return
        _new.clear()
        # Texts no longer made (an older Drafter's classes) go once they outnumber the used.
        kept = _codes if len(_codes) <= 2 * len(_used) else \
            {text: code for text, code in _codes.items() if text in _used}
        data = marshal.dumps(dict(kept))
    from drafter.parsecache import write

    try:
        write(_file, data)
    except OSError:
        pass


def install(folder: Path | None) -> None:
    """Read the cached code from `folder` (None: keep nothing between runs) and compile every
    dataclass's methods through it from now on."""
    global _file
    if folder is not None:
        # Like a .pyc's name: the bytecode version, and `-O` (which changes what compiles).
        tag = f"{sys.implementation.cache_tag}-{importlib.util.MAGIC_NUMBER.hex()}" + \
            (f"-opt{sys.flags.optimize}" if sys.flags.optimize else "")
        _file = folder / f"classcode-{tag}.marshal"
        try:
            found = marshal.loads(_file.read_bytes())
            if isinstance(found, dict):
                _codes.update(found)
        except Exception:  # missing, unreadable or torn: compile afresh
            pass
    dataclasses.exec = _exec  # type: ignore[attr-defined]
