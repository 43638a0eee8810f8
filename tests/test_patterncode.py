"""drafter.patterncode: a regular expression compiled through the kept code is the one `re`
compiles (Pattern objects compare their flags, text and matcher code), read back from the
cache file too; a pattern with a mistake raises as before and keeps nothing; a torn file is
ignored."""

from __future__ import annotations

import marshal
import re
import sys
from pathlib import Path

import _sre
import pytest

from drafter import patterncode

pytestmark = pytest.mark.skipif(sys.version_info[:2] != (3, 11), reason="installed on 3.11 only")

PATTERNS: list[tuple[str | bytes, int]] = [
    (r"\A---[ \t]*\n(.*?\n)---[ \t]*\n", re.DOTALL),
    (r"\.(?P<lang>[a-z]{2}(?:-[A-Z]{2})?)\.(?P<suffix>md\.j2|yaml)$", 0),
    (r"(?<![\w-])(?i:privacy shield)(?!\w)", 0),
    (r"^\s*[-*+]\s+(?P<item>.+?)\s*$", re.MULTILINE | re.IGNORECASE),
    (r"[\u00c0-\u024f\w]+(?:'[a-z]+)?", re.UNICODE),
    (r"(a)(b)?(?(2)c|d)", 0),
    (rb"\x00(?P<n>[0-9]+)\xff", 0),
    (r"\bTBD\b|\bTODO\b", re.ASCII),
    (r"(?ix) hello \s+ world", 0),
]


def _original(pattern: str | bytes, flags: int) -> re.Pattern:
    return patterncode._original(pattern, flags) if patterncode._original else \
        re._compiler.compile(pattern, flags)  # type: ignore[attr-defined]


@pytest.mark.parametrize(("pattern", "flags"), PATTERNS)
def test_the_kept_code_compiles_to_the_same_pattern(pattern: str | bytes, flags: int) -> None:
    expected = _original(pattern, flags)
    kept = marshal.loads(marshal.dumps(patterncode._arguments(pattern, flags)))  # as on disk
    got = _sre.compile(pattern, *kept)
    assert got == expected and got.groupindex == expected.groupindex
    assert got.groups == expected.groups and got.flags == expected.flags


def test_a_build_compiles_through_it() -> None:
    from re import _compiler  # type: ignore[attr-defined]

    assert _compiler.compile is patterncode._compile  # installed by `import drafter`
    pattern = r"patterncode (?P<word>test) \d{3}"
    assert re.compile(pattern) == _original(pattern, 0)
    assert (pattern, 0) in patterncode._codes


def test_a_mistake_raises_and_keeps_nothing() -> None:
    with pytest.raises(re.error):
        patterncode._compile(r"(unclosed", 0)
    assert (r"(unclosed", 0) not in patterncode._codes


def test_a_torn_or_foreign_entry_compiles_afresh(monkeypatch: pytest.MonkeyPatch) -> None:
    pattern = r"torn (entry)"
    monkeypatch.setitem(patterncode._codes, (pattern, 0), (0, [1, 2, 3], 0, {}, (None,)))
    assert patterncode._compile(pattern, 0) == _original(pattern, 0)


def test_a_torn_file_is_ignored(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from re import _compiler  # type: ignore[attr-defined]

    monkeypatch.setattr(patterncode, "_file", None)  # all three restored after the test
    monkeypatch.setattr(patterncode, "_codes", {})
    monkeypatch.setattr(_compiler, "compile", patterncode._original)  # as before install
    patterncode.install(tmp_path)
    assert patterncode._file is not None and patterncode._file.parent == tmp_path
    for data in (b"\x00garbage", marshal.dumps([1, 2])):
        patterncode._file.write_bytes(data)
        monkeypatch.setattr(_compiler, "compile", patterncode._original)
        patterncode.install(tmp_path)
        assert patterncode._codes == {} and _compiler.compile is patterncode._compile
        pattern = r"after (a) torn file"
        assert patterncode._compile(pattern, re.I) == _original(pattern, re.I)
        patterncode._codes.clear()


def test_a_build_under_another_hash_seed_writes_nothing_to_the_cache(tmp_path: Path) -> None:
    """Every file in the cache folder (compiled patterns and classes, the parsed library) is
    keyed by text that must not depend on the hash seed: markdown-it joined its text-rule
    terminators from a frozenset, so each process compiled a pattern never seen before and
    rewrote the pattern file (180 KB) at exit; babel, imported for a translation's lists and
    dates, compiles one at import (`babel/plural.py`, its plural rules' variables from a
    set), so every translated build rewrote it too. The first build fills the folder, the
    second drops what only the first needed (parsing the library's YAML); a third, under yet
    another seed, finds everything kept and writes no file. The build is English and Spanish:
    the English alone never imports babel."""
    import os
    import subprocess

    cache = tmp_path / "cache"
    env = {**os.environ, "DRAFTER_CACHE_DIR": str(cache)}

    def build(seed: str) -> dict[str, tuple[int, int]]:
        subprocess.run([sys.executable, "-m", "drafter", "build", "--example", "uk-bakery",
                        "--format", "md", "--lang", "en,es", "-o", str(tmp_path / seed)], cwd=tmp_path,
                       env={**env, "PYTHONHASHSEED": seed}, check=True, capture_output=True)
        return {p.name: (p.stat().st_mtime_ns, p.stat().st_ino) for p in cache.iterdir()}

    build("1")
    kept = build("2")
    assert build("3") == kept
