"""Dataclasses' generated methods come from the cache folder (drafter/classcode.py), and the
classes are exactly those `dataclasses` makes by itself."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

_PROGRAM = '''
import dataclasses, sys
from drafter import classcode  # installs the cache (drafter/__init__.py)

compiled = []
original = classcode._exec
def counting(source, globals=None, locals=None):
    if type(source) is str and source not in classcode._codes:
        compiled.append(source)
    return original(source, globals, locals)
dataclasses.exec = counting

@dataclasses.dataclass(frozen=True)
class Record:
    name: str
    count: int = 0
    tags: list[str] = dataclasses.field(default_factory=list)

one = Record("a", 2, ["x"])
try:
    one.name = "b"
    frozen = False
except dataclasses.FrozenInstanceError:
    frozen = True
print(len(compiled), repr(one), one == Record("a", 2, ["x"]), one != Record("a"), frozen,
      Record.__init__.__annotations__)
'''


def run(cache: Path | str) -> list[str]:
    env = {**os.environ, "DRAFTER_CACHE_DIR": str(cache)}
    result = subprocess.run([sys.executable, "-c", _PROGRAM], capture_output=True, text=True,
                            check=True, env=env)
    return result.stdout.split(" ", 1)


def test_the_second_run_compiles_nothing_and_makes_the_same_class(tmp_path: Path) -> None:
    first_count, first = run(tmp_path)
    second_count, second = run(tmp_path)
    off_count, off = run("off")
    assert int(first_count) > 0 and int(off_count) > 0
    assert second_count == "0"
    assert first == second == off
    assert first.startswith("Record(name='a', count=2, tags=['x']) True True True ")
    assert list(tmp_path.glob("classcode-*.marshal"))


def test_a_torn_cache_file_is_compiled_afresh(tmp_path: Path) -> None:
    run(tmp_path)
    (cached,) = tmp_path.glob("classcode-*.marshal")
    cached.write_bytes(cached.read_bytes()[:100])
    count, text = run(tmp_path)
    assert int(count) > 0 and text.startswith("Record(name='a'")
