"""One YAML reading (1.2, ruamel's) of numbers, times and booleans for library files (read
fast with libyaml) and answers files (read round-trip with ruamel)."""

from __future__ import annotations

import math
from pathlib import Path
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from drafter.yamlio import parse_data, parse_yaml

PATH = Path("sample.yaml")


def _both(scalar: str) -> tuple[Any, Any]:
    text = f"value: {scalar}\n"
    return parse_yaml(text, PATH)["value"], parse_data(text, PATH).data["value"]


def _same(answers: Any, library: Any) -> bool:
    if isinstance(answers, float) and math.isnan(answers):
        return isinstance(library, float) and math.isnan(library)
    # ruamel's scalars are subclasses of the plain types (ScalarInt, ScalarFloat, …)
    return type(library) in type(answers).__mro__ and answers == library


def test_times_and_leading_zeros_read_alike() -> None:
    assert _both("1:30") == ("1:30", "1:30")  # YAML 1.1 made it 90 (minutes, base 60)
    assert _both("010") == (10, 10)  # YAML 1.1 made it 8 (octal)
    assert _both("0o10") == (8, 8)
    assert _both("1e3") == (1000.0, 1000.0)
    assert _both("no") == ("no", "no")
    assert _both("2026-02-30") == ("2026-02-30", "2026-02-30")


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet="0123456789_:.+-eEoxbTtrufalsFnNiI", min_size=1, max_size=12)
       | st.sampled_from(["2026-01-01", "2026-01-01 10:00:00", ".inf", "-.Inf", ".NaN",
                          "null", "~", "Null", "yes", "off", "0x1F", "0b101", "1" * 40]))
def test_any_scalar_reads_the_same_in_library_and_answers_files(scalar: str) -> None:
    try:
        answers = parse_yaml(f"value: {scalar}\n", PATH)
    except Exception:  # not a scalar on its own (`- 1`, `: x`): nothing to compare
        return
    if not isinstance(answers, dict) or "value" not in answers or len(answers) != 1:
        return
    library = parse_data(f"value: {scalar}\n", PATH).data["value"]
    assert _same(answers["value"], library), (scalar, answers["value"], library)
