"""What the JSON Schema of answers files (`drafter schema`, `drafter.schema`) says of each kind
of answer beyond the form the app saves: the other forms `drafter` reads in a hand-edited file.

The schema is generated from the answers model (`questions.value_type`), so it says what the
model checks. Some answers are read in more forms than the one saved: a date typed "January 15,
2027" (saved as 2027-01-15), a count typed "180,000" or "last 4" (saved as a number), a yes/no
typed `yes` (saved as true), a phone number the YAML read as digits, a text the YAML read as a
number. An editor using the schema must not mark those wrong, so each such kind's schema is
"the saved form, or this", the second branch described as read by `drafter` and saved in the
first form. JSON Schema cannot say which texts name a real date or one whole number: `drafter`
checks that when it reads the file, with a message naming the line.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from pydantic import GetJsonSchemaHandler
from pydantic.json_schema import JsonSchemaValue
from pydantic_core import CoreSchema

# The words pydantic reads as true or false (any case), beside `true`/`false` and 1/0.
TRUTH_WORDS = ("yes", "no", "y", "n", "true", "false", "on", "off", "t", "f", "1", "0")


def _any_case(word: str) -> str:
    return "".join(f"[{c.lower()}{c.upper()}]" if c.isalpha() else c for c in word)


READ_AS: dict[str, dict[str, Any]] = {
    "date": {"type": "string", "pattern": r"\d",
             "description": "A date as written (January 15, 2027; 15 January 2027; 1/15/2027 "
                            "where only one reading is a real date): read by drafter, saved "
                            "as 2027-01-15."},
    "number": {"type": "string", "pattern": r"\d",
               "description": "A whole number as written (180,000; last 4): read as that "
                              "number when nothing else could be meant, and saved as it."},
    "bool": {"anyOf": [{"type": "string",
                        "pattern": f"^({'|'.join(_any_case(w) for w in TRUTH_WORDS)})$"},
                       {"enum": [0, 1]}],
             "description": "yes/no, on/off or 1/0 as written: read as true or false, and "
                            "saved as it."},
    "phone": {"type": "integer", "description": "A number written as digits alone: read as "
                                                "those digits, and saved as text."},
    "text": {"type": "number", "description": "A number where text is asked: read as its "
                                              "digits, and saved as text."},
}
READ_AS["long_text"] = READ_AS["text"]  # an email or web address is never a number


@dataclass(frozen=True)
class AlsoRead:
    """In an answer's `Annotated` type: its schema is the saved form or `READ_AS[kind]`."""

    kind: str

    def __get_pydantic_json_schema__(self, schema: CoreSchema,
                                     handler: GetJsonSchemaHandler) -> JsonSchemaValue:
        saved = handler(schema)
        return {"anyOf": [{**saved, "description": "As the app saves it."}, READ_AS[self.kind]]}


def also_read(kind: str) -> tuple[AlsoRead, ...]:
    """The marker for an answer of `kind`, where it is read in more forms than saved."""
    return (AlsoRead(kind),) if kind in READ_AS else ()


__all__ = ["READ_AS", "AlsoRead", "also_read"]
