"""Drafter: draft a privacy policy from a questionnaire, with reviewer notes for counsel."""

from __future__ import annotations

from drafter import classcode, parsecache, patterncode

__version__ = "0.1.0"

# Before any dataclass is made (ours, pydantic's): their generated methods' compiled code
# comes from the cache folder, as a module's comes from its .pyc (classcode.py).
classcode.install(parsecache.cache_dir())
# Likewise every regular expression's generated matcher code (patterncode.py).
patterncode.install(parsecache.cache_dir())
