"""The one Jinja environment: sandboxed, strict, and escaping owner text for Markdown.

Conditions (`when`, `applies_when`) and clause templates share it, so there is a single
expression language. Every `{{ … }}` result passes through `finalize`, which escapes Markdown
control characters: whatever an owner types (`**bold**`, `<script>`, `{{ 7*7 }}`) lands in the
policy as literal text in every format. Filters that build Markdown on purpose return `Markdown`,
a marked-safe string, the way Jinja's HTML autoescape uses `Markup`.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping, MutableMapping
from dataclasses import dataclass
from functools import cached_property, lru_cache
from types import SimpleNamespace
from typing import Any
from urllib.parse import quote

import jinja2
from jinja2 import StrictUndefined, Template, TemplateSyntaxError, meta, nodes
from jinja2.environment import TemplateExpression
from jinja2.sandbox import SandboxedEnvironment

from drafter.company_names import same_company
from drafter.errors import DrafterError
from drafter.evaluation import evaluate
from drafter.i18n.conjunctions import conjoined
from drafter.i18n.locale_text import current_locale, join_and, long_date
from drafter.template_cache import SourceLoader, bytecode_cache
from drafter.parsecache import memo
from drafter.promises import PromiseExtension, declared_bases


class Markdown(str):
    """Markdown produced by a filter on purpose; `finalize` passes it through unescaped."""


# CommonMark lets any ASCII punctuation be backslash-escaped; these are the ones that can start
# markup anywhere in a line. `&` is included so entities such as `&copy;` stay literal.
_INLINE_SPECIAL = re.compile(r"([\\`*_\[\]<>#|~{}&!])")
# These only matter at the start of a line and before a space or the line's end: list markers
# (`- `, `+ `, `1. `), setext underlines (`===`) and thematic breaks (`---`).
_LINE_START_SPECIAL = re.compile(r"^(\s*)([-+]|\d+[.)]|=+|-{2,})(?=\s|$)", re.MULTILINE)


def escape_markdown(value: object) -> str:
    """Make text render literally in Markdown (and so in HTML and DOCX made from it)."""
    text = _INLINE_SPECIAL.sub(r"\\\1", str(value))
    text = _LINE_START_SPECIAL.sub(
        lambda m: m.group(1) + m.group(2)[:-1] + "\\" + m.group(2)[-1], text
    )
    return text


def _finalize(value: Any) -> Any:
    if isinstance(value, Markdown):
        return value
    if value is None:
        return ""
    return escape_markdown(value)


def _link_destination(url: str) -> str:
    return quote(url, safe=":/?#@!$&'*+,;=%~-._")


def link_filter(url: object, label: object | None = None) -> Markdown:
    """`{{ business.website | link }}`: a Markdown link whose label and target stay literal."""
    shown = escape_markdown(label if label is not None else url)
    return Markdown(f"[{shown}](<{_link_destination(str(url))}>)")


def mailto_filter(address: object) -> Markdown:
    """`{{ contact.email | mailto }}`: a clickable email address."""
    return Markdown(f"[{escape_markdown(address)}](<mailto:{_link_destination(str(address))}>)")


def with_conjunction(value: object, conjunction: str) -> Markdown:
    """`y {{ x }}` written `{{ x | with_conjunction("y") }}`: the conjunction as written before
    this answer in the locale rendered in ("e Illinois", "u ocho"), then the answer."""
    text = _finalize(value)
    return Markdown(f"{conjoined(conjunction, str(value), current_locale())} {text}")


@jinja2.pass_context
def wording(context: jinja2.runtime.Context, value: Any) -> str:
    """`v.receives | wording`: a data wording, either its text or a list of parts, each a text
    or a `text` with a `when` (a condition on the answers, as a clause's `when`): the parts
    whose condition holds, read as a list ("a, b and c"); "" when none does."""
    if value is None or isinstance(value, str):
        return value or ""
    held: list[str] = []
    for part in value:
        if isinstance(part, str):
            held.append(part)
            continue
        when = _field(part, "when")
        if when is None or compile_condition(str(when)).holds(context.get_all()):
            held.append(str(_field(part, "text")))
    return join_and(held)


def postal(address: object, name: object) -> str:
    """`business.address | postal(business.name)`: the name, then the address on one line; the
    name once when the owner's address already starts with it (the answer stays as typed)."""
    text = str(address or "")
    first = text.split("\n", 1)[0].strip(" ,.").casefold()
    if name and first != str(name).strip(" ,.").casefold():
        text = f"{name}\n{text}"
    return text.replace("\n", ", ")


def _field(record: Any, name: str) -> Any:
    return record.get(name) if isinstance(record, Mapping) else getattr(record, name, None)


def lookup(key: object, mapping: Mapping[Any, Any]) -> Any:
    """`keys | map('lookup', phrases)`: turn chosen option keys into the clause's own words.

    Works on reference data too (`map('lookup', data.categories)`), which templates see as
    attribute namespaces rather than dicts.
    """
    if isinstance(mapping, Mapping):
        return mapping[key]
    return getattr(mapping, str(key))


def _records(data: Any) -> Iterable[Any]:
    return data.values() if isinstance(data, Mapping) else vars(data).values()


def advertiser(vendor: Any, catalog: Any) -> bool:
    """`vendors | select('advertiser', data.vendors)`: a company whose kind is advertising, or
    whose name names one of the catalog's advertising companies (its `name` or one of its
    `also_known_as`, as whole words): "Meta Platforms" typed in is Meta's ad business."""
    if getattr(vendor, "category", None) == "advertising":
        return True
    name = str(getattr(vendor, "name", ""))
    return any(re.search(rf"(?<!\w){re.escape(str(known))}(?!\w)", name, re.IGNORECASE)
               for entry in _records(catalog) if getattr(entry, "category", None) == "advertising"
               for known in [entry.name, *getattr(entry, "also_known_as", [])])


FILTERS: dict[str, Callable[..., Any]] = {
    "long_date": long_date,
    "lookup": lookup,
    "link": link_filter,
    "mailto": mailto_filter,
    "join_and": join_and,
    "with_conjunction": with_conjunction,
    "wording": wording,
    "postal": postal,
}


class _Sandbox(SandboxedEnvironment):
    """Jinja's sandbox, reading answers faster. An `AnswerGroup`'s public attributes are
    its answers (or reference data), held in its `__dict__`: for one, the sandbox's checks
    (is the value `str.format`? is the object a function, frame or generator?) all pass, so
    the value is returned at once. Rendering the clauses and conditions of a draft spent
    a third of its time in those checks. Anything else takes the sandbox's own path."""

    def getattr(self, obj: Any, attribute: str) -> Any:
        if type(obj) is AnswerGroup and not attribute.startswith("_"):
            found = obj.__dict__.get(attribute, _MISSING)
            if found is not _MISSING:
                return found
        return super().getattr(obj, attribute)

    def make_globals(self, d: MutableMapping[str, Any] | None) -> MutableMapping[str, Any]:
        """A template's globals as one dict, not Jinja's `ChainMap` over the environment's:
        every render and every condition's evaluation makes a context that takes the set of
        its globals' names, and iterating a `ChainMap` for it was a tenth of a draft's time.
        The ChainMap is there to show later changes to the environment's globals; Drafter
        sets its globals (Jinja's own) once, when `environment()` builds it."""
        return {**self.globals, **(d or {})}


_MISSING = object()


@lru_cache(maxsize=1)
def environment() -> SandboxedEnvironment:
    """The shared sandbox. Built once; templates and expressions are compiled against it."""
    env = _Sandbox(
        loader=SourceLoader(),
        bytecode_cache=bytecode_cache(),
        cache_size=0,  # each text is compiled once by its owner; no need to keep a second copy
        undefined=StrictUndefined,
        autoescape=False,
        finalize=_finalize,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=False,
        extensions=[PromiseExtension],
    )
    env.filters.update(FILTERS)
    env.tests["advertiser"] = advertiser
    env.tests["same_company"] = same_company  # a name typed by hand names a catalog company
    return env


def compile_template(source: str) -> Template:
    """Compile a clause body (from the bytecode cache when it was compiled before)."""
    return environment().get_template(source)


class AnswerGroup(SimpleNamespace):
    """A section's answers (or one record) as templates see them: `business.name`, `v.link`.

    A namespace rather than a dict so that a question called `items` or `keys` is never
    shadowed by a dict method inside a template.
    """


def template_value(value: Any) -> Any:
    """An answer as templates see it: mappings become `AnswerGroup`s, all the way down."""
    if isinstance(value, Mapping):
        return AnswerGroup(**{str(k): template_value(v) for k, v in value.items()})
    if isinstance(value, (list, tuple)):
        return [template_value(v) for v in value]
    return value


def answer_context(sections: Mapping[str, Mapping[str, Any]]) -> dict[str, AnswerGroup]:
    """Template variables from answers grouped by section: `{"business": {"name": …}}`."""
    return {name: template_value(values) for name, values in sections.items()}


@dataclass(frozen=True)
class Condition:
    """A `when`/`applies_when` expression, compiled on first use (`checked` proved at load
    that it compiles), with its source for error messages."""

    source: str

    def __getstate__(self) -> dict[str, Any]:
        """Kept (library_cache) without its compiled code, which is loaded again on use."""
        return {"source": self.source}

    @cached_property
    def template(self) -> Template:
        return _expression_template(self.source)

    @cached_property
    def compiled(self) -> Callable[..., Any]:
        return TemplateExpression(self.template, undefined_to_none=False)

    def holds(self, context: Mapping[str, Any]) -> bool:
        value = self.value(context)
        try:
            return bool(value)
        except Exception as exc:  # a name not answered anywhere, found when its truth is asked
            raise DrafterError(f"condition {self.source!r} failed: {exc}") from exc

    def value(self, context: Mapping[str, Any]) -> Any:
        """The expression's value (a list of names for a note, say), not just its truth."""
        if self.source == "true":  # the default `when`, a sixth of a draft's conditions
            return True
        try:
            return evaluate(self.template, context)
        except Exception as exc:  # any failure inside the sandbox is a library bug
            raise DrafterError(f"condition {self.source!r} failed: {exc}") from exc


@lru_cache(maxsize=4096)
def _expression_template(source: str) -> Template:
    """A condition's compiled template, one per text: the library read from its cache holds
    25 texts twice (a clause's `when` and a law's, say), and each loaded its own copy."""
    return compile_template("{% set result = (" + source + ") %}")


def checked(source: str) -> None:
    """Raise `TemplateSyntaxError` unless the template `source` compiles. Loading a compiled
    template (even from the bytecode cache) costs about a quarter of a millisecond, and a
    build renders only the clauses and evaluates only the conditions that apply, so the
    loaders prove each text compiles (remembered in the parse cache, like its bytecode) and
    compile it on first use."""
    memo("template compiles", source, lambda: bool(compile_template(source)))


@lru_cache(maxsize=4096)
def compile_condition(source: str) -> Condition:
    """A condition, proved to compile (the same text in several places shares one
    `Condition`, so it is compiled once); raises `TemplateSyntaxError` on bad syntax.

    Written as the one-statement template that `Environment.compile_expression` builds from
    the expression, so that it goes through the loader and its bytecode cache.
    """
    checked("{% set result = (" + source + ") %}")
    return Condition(source)


def referenced_names(source: str, *, expression: bool) -> set[str]:
    """Dotted answer keys (`section.question`) and bare top-level names a template uses.

    Used by the loaders to prove every variable names a real question. Only `name.attr`
    pairs on top-level (undeclared) names are keys: loop variables such as `v.name` are not.
    Parsing for them costs more than loading the compiled code, so the answer is kept in the
    parse cache.
    """
    kind = "names of expression" if expression else "names of template"
    return memo(kind, source, lambda: _referenced_names(source, expression))



def promise_bases(source: str) -> list[tuple[tuple[str, ...], int]]:
    """Each promise tag of a template: the keys it names and its line (`declared_bases`),
    kept in the parse cache, as `referenced_names` is: lint compares every clause's with its
    own and its translations'."""
    return memo("promise bases", source, lambda: declared_bases(environment().parse(source)))

def _referenced_names(source: str, expression: bool) -> set[str]:
    text = "{{ " + source + " }}" if expression else source
    tree = environment().parse(text)
    # An expression declares nothing, so every name in it is an input; only a template
    # (loops, `set`) needs Jinja's full scope analysis, which compiles it.
    top = ({n.name for n in tree.find_all(nodes.Name)} if expression
           else meta.find_undeclared_variables(tree))
    found: set[str] = set()
    dotted: set[int] = set()
    for node in tree.find_all(nodes.Getattr):
        if isinstance(node.node, nodes.Name) and node.node.name in top:
            found.add(f"{node.node.name}.{node.attr}")
            dotted.add(id(node.node))
    for node in tree.find_all(nodes.Name):
        if node.name in top and id(node) not in dotted:
            found.add(node.name)
    return found



__all__ = [
    "AnswerGroup",
    "Condition",
    "Markdown",
    "answer_context",
    "TemplateSyntaxError",
    "compile_condition",
    "compile_template",
    "environment",
    "escape_markdown",
    "template_value",
    "referenced_names",
]
