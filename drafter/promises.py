"""Promises: the commitments a policy makes, each tied to the answers that grant it.

A clause marks every commitment it states (a deadline, a notice, an opt-out, a retention period,
a security measure, a "we never …") with a block tag that names the answers it rests on:

    {% promise "security.breach_notice" %}If a breach affects you, we will tell you.{% endpromise %}

The tag renders its body unchanged; while a clause renders, each promise is recorded with its
basis, so the ledger for counsel (`review.md`, the DOCX appendix, the JSON `promises` key) is
derived from the templates and never typed twice. A basis is a question key (`section.question`)
or a derived fact (`law.ccpa`) when the promise is what a law makes the business do. The names
are string literals, so `drafter lint` reads them without rendering and proves each is a real
question that the clause's `when` or body actually reads.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from typing import Any

from jinja2 import TemplateSyntaxError, nodes
from jinja2.ext import Extension
from jinja2.parser import Parser

_TRAILING_SPACE = re.compile(r"[ \t]+$", re.MULTILINE)
_BLANK_RUNS = re.compile(r"\n{3,}")


def tidy(text: str) -> str:
    """Rendered Markdown as a clause keeps it: no trailing spaces, no runs of blank lines."""
    return _BLANK_RUNS.sub("\n\n", _TRAILING_SPACE.sub("", text)).strip()


@dataclass(frozen=True)
class Promise:
    """One commitment as rendered, and the answers (or `law.*` facts) it rests on."""

    text: str
    basis: tuple[str, ...]


_RECORDING: ContextVar[list[Promise] | None] = ContextVar("drafter_promises", default=None)


@contextmanager
def recording() -> Iterator[list[Promise]]:
    """Collect the promises rendered inside the `with` block (one clause's render)."""
    found: list[Promise] = []
    token = _RECORDING.set(found)
    try:
        yield found
    finally:
        _RECORDING.reset(token)


class PromiseExtension(Extension):
    """`{% promise "a.b", "law.c" %}…{% endpromise %}`: mark a commitment and its basis."""

    tags = {"promise"}

    def parse(self, parser: Parser) -> nodes.Node:
        lineno = next(parser.stream).lineno
        basis: list[nodes.Expr] = []
        while parser.stream.current.type != "block_end":
            if basis:
                parser.stream.expect("comma")
            expr = parser.parse_primary()
            if not (isinstance(expr, nodes.Const) and isinstance(expr.value, str)):
                raise TemplateSyntaxError(
                    "a promise names its answers as quoted keys, e.g. "
                    '{% promise "retention.schedule" %}', lineno, parser.name, parser.filename)
            basis.append(expr)
        if not basis:
            raise TemplateSyntaxError(
                "a promise names the answers it rests on, e.g. "
                '{% promise "retention.schedule" %}', lineno, parser.name, parser.filename)
        body = parser.parse_statements(("name:endpromise",), drop_needle=True)
        call = self.call_method("_record", [nodes.List(basis)])
        return nodes.CallBlock(call, [], [], body).set_lineno(lineno)

    @staticmethod
    def _record(basis: list[str], caller: Callable[[], str]) -> str:
        text = caller()
        found = _RECORDING.get()
        if found is not None and text.strip():
            found.append(Promise(tidy(text), tuple(basis)))
        return text


def declared_bases(tree: nodes.Template) -> list[tuple[tuple[str, ...], int]]:
    """Each promise tag in a parsed template: the keys it names and its line (for lint)."""
    found: list[tuple[tuple[str, ...], int]] = []
    for block in tree.find_all(nodes.CallBlock):
        call = block.call
        if (isinstance(call, nodes.Call) and isinstance(call.node, nodes.ExtensionAttribute)
                and call.node.name == "_record"):
            listed: Any = call.args[0]
            found.append((tuple(item.value for item in listed.items), block.lineno))
    return found


def spans(markdown: str, promises: tuple[Promise, ...]) -> list[tuple[int, int]]:
    """Where each promise stands in its clause's Markdown (start, end), for the check that every
    commitment-like sentence is inside one."""
    return occurrences(markdown, [promise.text for promise in promises])


def occurrences(markdown: str, texts: Iterable[str]) -> list[tuple[int, int]]:
    """Where each of `texts` stands in `markdown` (start, end), every time it does."""
    found: list[tuple[int, int]] = []
    for text in texts:
        start = markdown.find(text)
        while start != -1:
            found.append((start, start + len(text)))
            start = markdown.find(text, start + 1)
    return found
