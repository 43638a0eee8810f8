"""ruamel's round-trip YAML as Drafter reads and writes answers files (imported when one is
really parsed or saved: a build of unchanged answers reads them from the parse cache)."""

from __future__ import annotations

from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.composer import Composer, ComposerError
from ruamel.yaml.constructor import RoundTripConstructor
from ruamel.yaml.events import AliasEvent

from drafter.yamlio import MAX_DEPTH, MAX_DIGITS


class _Constructor(RoundTripConstructor):
    """Round-trip constructor that leaves an impossible date (`2026-02-30`) or a number too
    long for Python to convert (4,301 digits) as text, so validation can report it against
    its question and line instead of crashing here."""

    def construct_yaml_timestamp(self, node: Any, values: Any = None) -> Any:
        try:
            return super().construct_yaml_timestamp(node, values)
        except ValueError:
            return self.construct_scalar(node)

    def construct_yaml_int(self, node: Any) -> Any:
        if sum(c.isdigit() for c in str(node.value)) > MAX_DIGITS:
            return self.construct_scalar(node)
        return super().construct_yaml_int(node)


_Constructor.add_constructor("tag:yaml.org,2002:timestamp", _Constructor.construct_yaml_timestamp)
_Constructor.add_constructor("tag:yaml.org,2002:int", _Constructor.construct_yaml_int)


class _Composer(Composer):
    """Nodes for a file written by hand, bounded: no anchors or aliases (nine nested aliases
    of nine items each expand to gigabytes: the "billion laughs"), and no nesting deeper than
    `MAX_DEPTH` (which would exhaust the stack)."""

    def compose_node(self, parent: Any, index: Any) -> Any:
        event = self.parser.peek_event()
        if isinstance(event, AliasEvent) or getattr(event, "anchor", None):
            raise ComposerError(None, None, "anchors and aliases (&name, *name) are not "
                                "allowed here; write the value out", event.start_mark)
        depth = getattr(self, "_depth", 0)
        if depth >= MAX_DEPTH:
            raise ComposerError(None, None, f"nested too deeply (more than {MAX_DEPTH} levels)",
                                event.start_mark)
        self._depth = depth + 1
        try:
            return super().compose_node(parent, index)
        finally:
            self._depth = depth


def quoted_where_misread(value: Any) -> Any:
    """`value` to write into an answers file, with each text that a YAML 1.1 reader (PyYAML and
    many other tools) would read as something else when written plain put in quotes: `yes`,
    `no`, `on`, `off` (booleans there), `1:20` (a number). YAML 1.2, which Drafter reads, reads
    them as the text either way, so a file written before keeps its meaning (trial 16: a
    yes/no answer was written `no`, false to such a reader). In lists and rows too. Which
    texts is PyYAML's own YAML 1.1 resolver's answer, not a list kept here."""
    from ruamel.yaml.scalarstring import DoubleQuotedScalarString
    from yaml import ScalarNode
    from yaml.resolver import Resolver

    resolver = Resolver()

    def fix(item: Any) -> Any:  # the same object where nothing is quoted
        if isinstance(item, list):
            items = [fix(each) for each in item]
            return items if any(a is not b for a, b in zip(items, item)) else item
        if isinstance(item, dict):
            pairs = {key: fix(each) for key, each in item.items()}
            return pairs if any(pairs[k] is not v for k, v in item.items()) else item
        if type(item) is str and resolver.resolve(  # not one already quoted
                ScalarNode, item, (True, False)) != "tag:yaml.org,2002:str":
            return DoubleQuotedScalarString(item)
        return item

    return fix(value)


def round_trip(hand_written: bool = True) -> YAML:
    yaml = YAML(typ="rt")
    yaml.Constructor = _Constructor
    if hand_written:  # library files are trusted, and may share values through aliases
        yaml.Composer = _Composer
    yaml.preserve_quotes = True
    yaml.width = 1 << 20  # never fold a long line the owner wrote on one line
    yaml.indent(mapping=2, sequence=4, offset=2)
    return yaml
