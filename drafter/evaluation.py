"""Evaluating a compiled condition (`templating.Condition`) against the answers, cheaply.

A condition is the one-statement template `{% set result = (EXPRESSION) %}` that Jinja's own
`compile_expression` builds. Jinja's `TemplateExpression` makes a new context for every call:
a copy of the answers with the globals under them, and a `Context` around it; that was most
of the cost of a condition (some 5 µs of 6), and a draft reads hundreds of conditions on the
same answers (a review of 1,385 drafts, 230,000). Here each thread keeps one `Context` over
the last mapping it read: its `parent` is that mapping itself, not a copy, so what the
condition sees is what the mapping holds when it is read, exactly as with a fresh copy, and
nothing kept can be stale. The globals (Jinja's `range`, `namespace`, …) are found under the
mapping, as before, by `resolve_or_missing`, the lookup Jinja documents for overriding.
"""

from __future__ import annotations

import threading
from collections.abc import Mapping
from typing import Any

from jinja2 import Template
from jinja2.runtime import Context
from jinja2.utils import missing


class _Reading(Context):
    """A context whose `parent` is the caller's mapping as it is (Jinja's `shared`), with the
    environment's globals looked up after it (where an unshared context has them)."""

    def resolve_or_missing(self, key: str) -> Any:
        if key in self.vars:
            return self.vars[key]
        if key in self.parent:
            return self.parent[key]
        return self.environment.globals.get(key, missing)


_HELD = threading.local()  # per thread: the condition's `result` is written into the context


def evaluate(template: Template, context: Mapping[str, Any]) -> Any:
    """The value `{% set result = (…) %}` in `template` gives `result`, with `context`'s
    names (what `TemplateExpression(template, undefined_to_none=False)(**context)` returns).
    A condition read while another is (a filter that reads one) shares the context: each
    writes its `result` last, after all its reading, and takes it out at once."""
    reading = getattr(_HELD, "reading", None)
    if reading is None or reading.parent is not context:
        reading = _HELD.reading = _Reading(template.environment, context,  # type: ignore[arg-type]
                                           None, {})
    for _ in template.root_render_func(reading):
        pass
    return reading.vars.pop("result")
