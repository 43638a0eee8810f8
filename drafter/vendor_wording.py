"""The vendor catalog's wording (`clauses/data/vendors.yaml`) states only what the answers give.

A vendor's `receives` or `location` may be a list of parts, each a text or a `text` with a
`when` (templates read them through the `wording` filter). `clauses/vendor-practices.yaml`
names the practices an answer governs (customer lists, ad pixels, email tracking, marketing
texts, face scans) and the words that state them; `drafter lint` requires each English part
that states one to carry a `when` reading the answers the practice's own `when` reads. A
practice without a `when` is one no question asks (where customers pay, phone calls through a
text-message service): the catalog may not state it at all, only what choosing the vendor tells.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, ValidationError, field_validator

from drafter.errors import UserError
from drafter.name_check import condition_problems
from drafter.templating import referenced_names
from drafter.yamlio import DataFile, load_data

PRACTICES_FILE = "vendor-practices.yaml"
VENDORS_FILE = Path("data") / "vendors.yaml"
WORDING = ("purpose", "receives", "location")
# The app fills an owner's own vendor rows from a catalog entry's purpose: it stays one text.
ONE_TEXT = ("purpose",)


class Practice(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    name: str
    when: str | None = None  # None: no question asks it, so no wording may state it
    words: list[str]
    categories: list[str] | None = None

    @field_validator("words")
    @classmethod
    def _patterns(cls, words: list[str]) -> list[str]:
        for word in words:
            re.compile(word)
        return words

    def stated(self, category: object, text: str) -> str | None:
        """The words of `text` that state this practice in a vendor of `category`."""
        if self.categories is not None and category not in self.categories:
            return None
        found = next((m for w in self.words
                      if (m := re.search(w, text, re.IGNORECASE))), None)
        return found.group(0) if found else None

    def answers(self) -> set[str]:
        return referenced_names(self.when, expression=True) if self.when else set()


@dataclass(frozen=True)
class Part:
    field: str
    loc: tuple[str | int, ...]
    text: Any
    when: Any


def parts(vid: str, entry: Mapping[str, Any]) -> Iterator[Part]:
    """Every wording part of a catalog entry, with where it is in the file."""
    for field in WORDING:
        value = entry.get(field)
        if value is None:  # a missing field is the catalog's shape test's business
            continue
        if not isinstance(value, list):
            yield Part(field, (vid, field), value, None)
            continue
        for i, part in enumerate(value):
            if isinstance(part, Mapping):
                yield Part(field, (vid, field, i), part.get("text"), part.get("when"))
            else:
                yield Part(field, (vid, field, i), part, None)


def load_practices(root: Path) -> tuple[DataFile, dict[str, Practice]] | None:
    """The practices file, or None where a library has none (a problem if it is malformed)."""
    path = root / PRACTICES_FILE
    if not path.is_file():
        return None
    file = load_data(path)
    practices: dict[str, Practice] = {}
    for pid, entry in (file.data or {}).items():
        try:
            practices[pid] = Practice.model_validate(entry)
        except (ValidationError, re.error) as exc:
            raise UserError(str(exc).splitlines()[0], path=path, line=file.line((pid,)),
                            field=pid) from None
    return file, practices


def wording_problems(root: Path, names: frozenset[str]) -> list[UserError]:
    """`drafter lint`: wording parts that are malformed, whose `when` does not compile or names
    no question, or that state a practice without reading the answer that governs it."""
    path = root / VENDORS_FILE
    try:
        loaded = load_practices(root)
    except UserError as exc:
        return [exc]
    if not path.is_file() or loaded is None:
        return []
    practices_file, practices = loaded
    problems = [problem for pid, p in practices.items()
                if p.when is not None
                for problem in condition_problems(p.when, names, path=practices_file.path,
                                                  line=practices_file.spot((pid, "when")),
                                                  field=pid)]
    file = load_data(path)
    for vid, entry in (file.data or {}).items():
        for part in parts(vid, entry):
            line = partial(file.line, part.loc)  # found only for a problem: parsing is slow
            field = ".".join(map(str, part.loc))
            if part.field in ONE_TEXT and part.loc != (vid, part.field):
                problems.append(UserError("must be one text, not parts: the app fills an "
                                          "owner's own vendor rows from it", path=path,
                                          line=line(), field=field))
                continue
            if not isinstance(part.text, str) or not part.text.strip():
                problems.append(UserError("each part needs a `text`", path=path, line=line(),
                                          field=field))
                continue
            read: set[str] = set()
            if part.when is not None:
                problems += condition_problems(str(part.when), names, path=path,
                                               line=file.spot((*part.loc, "when")), field=field)
                read = referenced_names(str(part.when), expression=True)
            for pid, practice in practices.items():
                said = practice.stated(entry.get("category"), part.text)
                if said and practice.when is None:
                    problems.append(UserError(
                        f"{said!r} states {practice.name} ({pid} in {PRACTICES_FILE}), which "
                        "no question asks: say only what choosing the vendor tells (its kind)",
                        path=path, line=line(), field=field))
                    continue
                missing = practice.answers() - read
                if said and missing:
                    problems.append(UserError(
                        f"{said!r} states {practice.name} ({pid} in {PRACTICES_FILE}), but "
                        f"the part does not depend on {', '.join(sorted(missing))}: make it "
                        "a part with a `when` on that answer", path=path, line=line(),
                        field=field))
    return problems

