"""Where the one Jinja environment (`drafter.templating`) finds its templates and keeps their
compiled code: templates are named by their own text, and their bytecode lives in the parse
cache (`drafter.parsecache`), one file for the whole library."""

from __future__ import annotations

import marshal
from collections.abc import Callable
from typing import Any

import jinja2
from jinja2 import BaseLoader
from jinja2.bccache import BytecodeCache

from drafter import parsecache


class SourceLoader(BaseLoader):
    """Templates named by their own text, so that Jinja's bytecode cache can key on them.

    Compiling the library's ~600 templates and conditions from scratch takes about a second;
    loading their cached bytecode takes a few milliseconds. The cache is checked against a
    checksum of the text, so an edited clause is always recompiled.
    """

    def get_source(self, environment: jinja2.Environment,
                   template: str) -> tuple[str, None, Callable[[], bool]]:
        return template, None, lambda: True


class ParseCacheBytecode(BytecodeCache):
    """Compiled templates kept in the parse cache (parsecache.py): one file for the whole
    library rather than one per template, which cost a build some 600 file opens. The cache's
    stamp covers this module, the promise tag and Jinja's version; the bucket's checksum
    covers the text. The code is kept as `marshal.dumps` makes it and read back with
    `marshal.loads`: Jinja's own bucket format is read through `marshal.load` on a file
    object, which fetches every string of the code with a call back into Python, and was a
    third of a first assembly's time.

    A template is named by its own text (`SourceLoader`), so the text itself is the key and
    there is nothing left for a checksum to prove: Jinja's two SHA-1 hashes of every text
    (name and source) were half the cost of loading a build's ~500 templates from here."""

    def get_cache_key(self, name: str, filename: str | None = None) -> str:
        return name if filename is None else f"{name}\0{filename}"

    def get_source_checksum(self, source: str) -> str:
        return ""

    def load_bytecode(self, bucket: Any) -> None:
        found = parsecache.get(f"jinja code\0{bucket.key}\0{bucket.checksum}")
        if found is not None:
            try:
                bucket.code = marshal.loads(found)
            except (EOFError, ValueError, TypeError):  # torn: compiled afresh
                bucket.reset()

    def dump_bytecode(self, bucket: Any) -> None:
        parsecache.put(f"jinja code\0{bucket.key}\0{bucket.checksum}",
                       marshal.dumps(bucket.code))


def bytecode_cache() -> BytecodeCache | None:
    return ParseCacheBytecode() if parsecache.cache_dir() is not None else None
