"""The build manifest (`output/<slug>/drafter-manifest.json`): what Drafter generated last time.

Re-generation needs the exact text Drafter wrote before (the base of a three-way merge),
`drafter diff` needs the answers and clauses behind each version, and every build needs the
hash of each file it wrote so it can tell which ones counsel has edited since.
"""

from __future__ import annotations

import hashlib
import json
import types
from collections.abc import Callable
from dataclasses import MISSING, dataclass, field, fields, replace
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any, Union, get_args, get_origin, get_type_hints

from drafter import __version__
from drafter.answers import Answers
from drafter.errors import UserError
from drafter.i18n import ENGLISH
from drafter.library import Library
from drafter.parsecache import files_in
from drafter.document.model import Draft
from drafter.yamlio import atomic_write, read_text

MANIFEST_NAME = "drafter-manifest.json"
POLICY_MD = "privacy-policy.md"  # the Markdown edit layer: source of every other format
FORMAT = 1


def policy_md(lang: str = ENGLISH) -> str:
    """A language's edit layer: `privacy-policy.md` (English), `privacy-policy.es.md`."""
    return POLICY_MD if lang == ENGLISH else f"privacy-policy.{lang}.md"


def sha256(data: str | bytes) -> str:
    payload = data.encode("utf-8") if isinstance(data, str) else data
    return hashlib.sha256(payload).hexdigest()


# Plain frozen dataclasses rather than pydantic models: a build writes (and re-reads) one
# manifest, and building pydantic's validators for it cost a build more than everything else
# the manifest does (its plugin loader scans every installed package's metadata). `_read`
# checks a manifest file against these classes just as strictly (no unknown keys, every
# required key, each value of its type) and names the first mistake the way pydantic did.

@dataclass(frozen=True)
class FileRecord:
    sha256: str
    text: str | None = None  # text formats only; DOCX is recorded by hash


@dataclass(frozen=True)
class ClauseRecord:
    id: str
    section: str
    source: str
    sha256: str
    text: str


@dataclass(frozen=True)
class SectionRecord:
    id: str
    title: str


@dataclass(frozen=True)
class PromiseRecord:
    """One promise of the policy (`drafter.ledger`), as `drafter review --format json` gives it,
    so CI can check the ledger of what was built."""

    text: str
    clause: str
    answers: list[str]
    laws: list[str]
    markdown: str
    section: str
    unconfirmed: list[str]


@dataclass(frozen=True)
class NoteRecord:
    """A reviewer note of the build (`drafter.decisions`): its number, the key that finds it
    again in later builds and the fingerprint of what it is about, so a comment resolved in
    the Word file of this build is traced back to its note."""

    id: str
    key: str
    severity: str
    message: str
    about: dict[str, str]


@dataclass(frozen=True)
class Generation:
    """The pure generation (no edits): the base of the next three-way merge.

    `plain` is the same Markdown without reviewer-note decorations, which are regenerated on
    every build and never merged (so note renumbering cannot collide with counsel's edits)."""

    markdown: str
    plain: str


@dataclass(frozen=True)
class Unresolved:
    """A merge left conflicts: if counsel restores the backup instead of resolving them,
    the next build merges against the generation before this one again."""

    backup_sha256: str
    base: Generation


@dataclass(frozen=True)
class LanguageRecord:
    """What a build generated in another language (drafter.i18n): the base of that language's
    next merge, its clauses and section titles. Answers, dates and files are the build's."""

    generated: Generation
    sections: list[SectionRecord]
    clauses: list[ClauseRecord]
    unresolved: Unresolved | None = None


@dataclass(frozen=True)
class Manifest:
    drafter_version: str
    library_version: str
    answers_hash: str
    answers: dict[str, Any]
    business_name: str
    effective_date: date
    sections: list[SectionRecord]
    clauses: list[ClauseRecord]
    generated: Generation
    files: dict[str, FileRecord]
    format: int = FORMAT
    unresolved: Unresolved | None = None
    promises: list[PromiseRecord] = field(default_factory=list)  # absent before the ledger
    answers_file: str | None = None  # the answers file this folder belongs to (absolute)
    notes: list[NoteRecord] = field(default_factory=list)  # absent before decisions
    # The library's release (clauses/CHANGELOG.yaml) that built it: `drafter outdated`
    # compares it with the installed one. Absent before releases, or for an unversioned library.
    library_release: str | None = None
    # The other languages built (drafter.i18n), by tag; each kept until it is built again.
    languages: dict[str, LanguageRecord] = field(default_factory=dict)

    def in_language(self, lang: str) -> Manifest | None:
        """This build as seen by one language's edit layer (`policy_md(lang)`): its generation,
        clauses and sections in place of the English ones; None when it was never built."""
        if lang == ENGLISH:
            return self
        record = self.languages.get(lang)
        if record is None:
            return None
        return replace(self, generated=record.generated, sections=record.sections,
                       clauses=record.clauses, unresolved=record.unresolved, languages={})

    def clause_sources(self) -> dict[str, str]:
        return {c.id: c.source for c in self.clauses}

    def as_json(self) -> str:
        """The manifest file's text: keys in the order pydantic wrote them (`format` first)."""
        record = _plain(self)
        ordered = {"format": record.pop("format"), **record}
        ordered["effective_date"] = self.effective_date.isoformat()
        return json.dumps(ordered, indent=2, ensure_ascii=False)


def _plain(value: Any) -> Any:
    """A record as JSON values, as `dataclasses.asdict` makes it but without deep-copying
    every string on the way (the manifest holds the whole policy twice)."""
    if hasattr(type(value), "__dataclass_fields__"):
        return {item.name: _plain(getattr(value, item.name)) for item in fields(value)}
    if isinstance(value, list):
        return [_plain(item) for item in value]
    if isinstance(value, dict):
        return {key: _plain(item) for key, item in value.items()}
    return value


class _Invalid(Exception):
    def __init__(self, where: tuple[str | int, ...], message: str) -> None:
        super().__init__(message)
        self.where = where


_Reader = Callable[[Any, tuple[Union[str, int], ...]], Any]


def _read(kind: Any, value: Any, where: tuple[str | int, ...] = ()) -> Any:
    """`value` (parsed JSON) as a `kind`, or `_Invalid` naming where it does not fit."""
    return _reader(kind)(value, where)


@cache
def _reader(kind: Any) -> _Reader:
    """The check-and-convert function for `kind`, worked out once per type (a manifest holds
    thousands of values of a dozen types)."""
    origin = get_origin(kind)
    if origin in (Union, types.UnionType):
        optional = type(None) in get_args(kind)
        (inner,) = [arg for arg in get_args(kind) if arg is not type(None)]
        read_inner = _reader(inner)

        def read_union(value: Any, where: tuple[str | int, ...]) -> Any:
            return None if value is None and optional else read_inner(value, where)
        return read_union
    if isinstance(kind, type) and hasattr(kind, "__dataclass_fields__"):
        return _dataclass_reader(kind)
    if origin is list:
        (item_kind,) = get_args(kind)
        read_item = _reader(item_kind)

        def read_list(value: Any, where: tuple[str | int, ...]) -> Any:
            if not isinstance(value, list):
                raise _Invalid(where, "Input should be a valid list")
            return [read_item(item, (*where, index)) for index, item in enumerate(value)]
        return read_list
    if origin is dict:
        read_value = _reader(get_args(kind)[1])

        def read_dict(value: Any, where: tuple[str | int, ...]) -> Any:
            if not isinstance(value, dict):
                raise _Invalid(where, "Input should be a valid dictionary")
            return {key: read_value(item, (*where, key)) for key, item in value.items()}
        return read_dict
    if kind is date:
        def read_date(value: Any, where: tuple[str | int, ...]) -> Any:
            try:
                return date.fromisoformat(value)
            except (TypeError, ValueError):
                raise _Invalid(where, "Input should be a valid date") from None
        return read_date
    if kind is int:
        def read_int(value: Any, where: tuple[str | int, ...]) -> Any:
            if type(value) is not int:
                raise _Invalid(where, "Input should be a valid integer")
            return value
        return read_int
    if kind is str:
        def read_str(value: Any, where: tuple[str | int, ...]) -> Any:
            if not isinstance(value, str):
                raise _Invalid(where, "Input should be a valid string")
            return value
        return read_str
    return lambda value, where: value  # Any


def _dataclass_reader(kind: type) -> _Reader:
    hints = get_type_hints(kind)
    plan = [(item.name, item.default is MISSING and item.default_factory is MISSING)
            for item in fields(kind)]
    names = {name for name, _ in plan}
    readers: dict[str, _Reader] = {}

    def read_record(value: Any, where: tuple[str | int, ...]) -> Any:
        if not isinstance(value, dict):
            raise _Invalid(where, "Input should be an object")
        for key in value:
            if key not in names:
                raise _Invalid((*where, key), "Extra inputs are not permitted")
        if not readers:  # a record may hold its own kind: its readers are made on first use
            readers.update((name, _reader(hints[name])) for name, _ in plan)
        found = {}
        for name, required in plan:
            if name in value:
                found[name] = readers[name](value[name], (*where, name))
            elif required:
                raise _Invalid((*where, name), "Field required")
        return kind(**found)
    return read_record


def library_version(library: Library) -> str:
    """A content hash of the whole clause library: it changes whenever any clause, data file
    or requirement changes, which is what decides whether a re-generation can differ. Worked
    out once per library (`Library.version`, kept with it in `library_cache`, whose key
    covers the same bytes), by `hash_library`."""
    version = getattr(library, "version", None)
    return version if isinstance(version, str) else hash_library(library.root)


def hash_library(root: Path) -> str:
    """Every file under `root`, in path order, by its path from the root and its bytes (read
    with `parsecache.files_in`), as `library_version` gives it."""
    digest = hashlib.sha256()
    for name, full in files_in(str(root)):
        digest.update(name.encode() + b"\0")
        with open(full, "rb") as handle:
            digest.update(handle.read() + b"\0")
    return f"clauses-{digest.hexdigest()[:12]}"


def answers_record(answers: Answers) -> dict[str, Any]:
    """The resolved answers as JSON values (dates as ISO text), keyed `section.question`."""
    return json.loads(json.dumps(answers.resolved(), default=str, sort_keys=True))


def make_manifest(draft: Draft, answers: Answers, library: Library, generated: Generation,
                  files: dict[str, FileRecord], unresolved: Unresolved | None = None,
                  version: str | None = None) -> Manifest:
    """The record of a build; `version` is `library_version(library)` when the caller has
    already hashed the library (it reads every file of it)."""
    policy = draft.policy
    record = answers_record(answers)
    sections, clauses = policy_records(draft)
    return Manifest(
        drafter_version=__version__,
        library_version=version if version is not None else library_version(library),
        answers_hash=sha256(json.dumps(record, sort_keys=True)),
        answers=record,
        business_name=policy.business_name,
        effective_date=policy.effective_date,
        sections=sections,
        clauses=clauses,
        generated=generated,
        files=files,
        unresolved=unresolved,
        promises=[_read(PromiseRecord, p.as_json()) for p in draft.promises or ()],
        answers_file=str(answers.path.resolve()) if answers.path is not None else None,
        library_release=library.changelog.version,
    )


def policy_records(draft: Draft) -> tuple[list[SectionRecord], list[ClauseRecord]]:
    """The sections and clauses a manifest records of a draft (in any language)."""
    policy = draft.policy
    return ([SectionRecord(id=s.id, title=s.title) for s in policy.sections],
            [ClauseRecord(id=c.id, section=s.id, source=c.source.as_posix(),
                          sha256=sha256(c.markdown), text=c.markdown)
             for s in policy.sections for c in s.clauses])


def check_owner(folder: Path, previous: Manifest | None, answers: Answers,
                name_key: str) -> None:
    """Refuse to build over another business's folder. Folder names come from business names,
    and two names can make one (`Fold & Stamp`, `Fold + Stamp`): the folder belongs to the
    answers file that built it, or to the same business name (the file was moved). A folder
    from before owners were recorded is taken over by its next build."""
    if previous is None or previous.answers_file is None or answers.path is None:
        return
    name = str(answers.resolved().get(name_key) or "")
    if previous.answers_file == str(answers.path.resolve()) or previous.business_name == name:
        return
    raise UserError(f"holds the policy of {previous.business_name!r}, built from "
                    f"{previous.answers_file}, not {name!r}: build this one into another "
                    "folder (-o DIR), or move that folder away first", path=folder)


def load_manifest(folder: Path) -> Manifest | None:
    """The manifest of the last build in `folder`, or None if nothing was built there."""
    path = folder / MANIFEST_NAME
    if not path.exists():
        return None
    try:
        return _read(Manifest, json.loads(read_text(path)))  # type: ignore[no-any-return]
    except json.JSONDecodeError as exc:
        raise UserError(f"manifest: not valid JSON ({exc.msg}) (delete it, or rebuild with "
                        "--force)", path=path, line=exc.lineno) from None
    except _Invalid as exc:
        where = ".".join(str(part) for part in exc.where) or "manifest"
        raise UserError(f"{where}: {exc} (delete it, or rebuild with --force)",
                        path=path) from None


def save_manifest(folder: Path, manifest: Manifest) -> Path:
    path = folder / MANIFEST_NAME
    atomic_write(path, manifest.as_json() + "\n")
    return path


def edited_by_hand(folder: Path) -> list[Path]:
    """Files in an export folder that changed since Drafter last wrote them.

    The build manifest (`drafter-manifest.json`) records each file's hash; a file whose content
    no longer matches was changed by someone (counsel) since. `build` itself never loses such
    edits (it merges the Markdown and backs up the rest); this lets an export ask first.
    """
    manifest = load_manifest(folder)
    if manifest is None:
        return []
    return [folder / name for name, record in sorted(manifest.files.items())
            if (folder / name).exists() and sha256((folder / name).read_bytes()) != record.sha256]
