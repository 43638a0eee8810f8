"""Library records as frozen dataclasses, checked by pydantic only when read from a file.

A pydantic model class costs its module some 0.3 ms to create (its fields collected, its
annotations evaluated), paid by every `drafter` start, although a build reads the library
back from its cache and validates nothing (issue 13). A frozen dataclass costs a fraction of
that, and unpickles without a Python call per object. Such a record declares what pydantic
checks in its annotations (`Annotated[str, StringConstraints(...)]`, `Field(alias=...)`) and
`__pydantic_config__ = FORBID`; `validate` checks data against it through a `TypeAdapter`
built the first time a file is read, never on a cached start.

`message` gives pydantic's message as a model words it: only two differ for a dataclass (an
unknown key, a value that is not a mapping), so a mistake in a file reads as it always did.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, TypeVar

T = TypeVar("T")

FORBID: Any = {"extra": "forbid"}  # a record's `__pydantic_config__`: unknown keys refused

_AS_A_MODEL = {
    "unexpected_keyword_argument": "Extra inputs are not permitted",
    "dataclass_type": "Input should be a valid dictionary or instance of {class_name}",
}


@lru_cache(maxsize=None)
def _adapter(record: type[Any]) -> Any:
    from pydantic import TypeAdapter

    return TypeAdapter(record)


def validate(record: type[T], data: Any) -> T:
    """`data` (from YAML) as a `record`; raises pydantic's `ValidationError`."""
    return _adapter(record).validate_python(data)  # type: ignore[no-any-return]


def dump_json(record: Any, **options: Any) -> str:
    """`record` as JSON, as `model_dump_json(**options)` gives a model's (the release hashes)."""
    return _adapter(type(record)).dump_json(record, **options).decode()  # type: ignore[no-any-return]


def dump_data(record: Any, **options: Any) -> dict[str, Any]:
    """`record` as JSON-ready data, as `model_dump(mode="json", **options)` gives a model's."""
    return _adapter(type(record)).dump_python(record, mode="json", **options)  # type: ignore[no-any-return]


def message(error: Mapping[str, Any]) -> str:
    """The message of one of `ValidationError.errors()`, as a pydantic model gives it."""
    template = _AS_A_MODEL.get(error["type"])
    return template.format(**error.get("ctx", {})) if template else str(error["msg"])


class After:
    """`Annotated` metadata: `check(value)` once pydantic has validated the field, as pydantic's
    `AfterValidator` (a `ValueError` it raises is the field's error), without importing pydantic
    where the record is declared."""

    __slots__ = ("check",)

    def __init__(self, check: Callable[[Any], Any]) -> None:
        self.check = check

    def __get_pydantic_core_schema__(self, source: Any, handler: Any) -> Any:
        return after(handler(source), self.check)


def after(schema: Any, check: Callable[[Any], Any]) -> Any:
    """`schema` then `check(record)`: a whole record's check, as a model's
    `model_validator(mode="after")` (for a record's `__get_pydantic_core_schema__`)."""
    from pydantic_core import core_schema

    return core_schema.no_info_after_validator_function(check, schema)


record = dataclass(frozen=True, kw_only=True)  # a record's decorator (fields by keyword)
