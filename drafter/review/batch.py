"""Review many policies in one run: files and folders, one start-up, every core.

The library, rules and answers are loaded once, in this process, and the first file's review
warms what loads on first use. With enough files to repay a fork (`workers_for`), worker
processes forked from it (so they inherit all of that, already loaded) review the rest in
parallel; results come back in the order the files were given (folders sorted by path), so
the output is the same whatever the number of workers. A file that cannot be read is a
result with an error, so one bad file does not hide the others' notes.
"""

from __future__ import annotations

import gc
import os
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from drafter import collector
from drafter.answers import Answers
from drafter.errors import UserError
from drafter.library import Library
from drafter.review import read_document, review_document
from drafter.review.document import READERS, Document
from drafter.review.ignore import apply_ignores, find_ignores, without_comments
from drafter.document.model import Note

if TYPE_CHECKING:
    from drafter.ledger import LedgerEntry
    from drafter.questionnaire import Questionnaire

POOL_FROM = 4  # files a worker must have at least: forking would cost more than it saves
WORKER_BYTES = 256 * 1024  # input a worker must have at least, for the same reason


@dataclass(frozen=True)
class Setup:
    """Everything every file's review shares, loaded once."""

    library: Library
    laws: tuple[str, ...] | None
    today: date | None
    known_checks: frozenset[str]
    answers: Answers | None = None
    facts: tuple[str, ...] = ()


@dataclass(frozen=True)
class FileReview:
    """One file's outcome: its notes (numbered R1, R2, …), or the one-line error."""

    name: str
    notes: tuple[Note, ...] = ()
    error: str | None = None
    internal: bool = False  # the error is Drafter's fault, not the file's
    ignored: int = 0  # notes silenced by `drafter: ignore` comments
    baselined: int = 0  # notes the baseline accepts


def policy_files(arguments: Sequence[str]) -> list[Path]:
    """The files to review: each file argument as given, and every file with a known suffix
    under each folder (hidden files and folders skipped), sorted; each file once."""
    seen: set[Path] = set()
    found: list[Path] = []
    for argument in arguments:
        path = Path(argument)
        for file in (_folder_files(path) if path.is_dir() else [path]):
            resolved = file.resolve()
            if resolved not in seen:
                seen.add(resolved)
                found.append(file)
    return found


def _folder_files(folder: Path) -> list[Path]:
    files: list[Path] = []
    for root, dirs, names in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        files += [Path(root) / n for n in sorted(names)
                  if not n.startswith(".") and Path(n).suffix.lower() in READERS]
    if not files:
        raise UserError(f"no policy files ({', '.join(sorted(READERS))}) in this folder",
                        path=folder)
    return sorted(files, key=lambda p: p.parts)


def review_file(setup: Setup, path: Path) -> FileReview:
    """Read and review one file, then drop the notes its ignore comments silence."""
    name = str(path)
    try:
        document = read_document(path)
        ignores = find_ignores(path.read_bytes(), document, setup.known_checks,
                               docx=path.suffix.lower() == ".docx")
        document = without_comments(document) if ignores else document

        def review(text: Document) -> list[Note]:
            return review_document(text, setup.library, answers=setup.answers,
                                   laws=setup.laws, facts=setup.facts,
                                   today=setup.today)

        kept, ignored = apply_ignores(review(document), ignores, document, review)
        return FileReview(name, tuple(kept), ignored=ignored)
    except UserError as exc:
        return FileReview(name, error=str(exc))
    except Exception as exc:  # one file's crash must not hide the others
        if os.environ.get("DRAFTER_DEBUG"):
            raise
        return FileReview(name, error=f"{type(exc).__name__}: {exc}"[:500], internal=True)


def renumber(notes: Iterable[Note]) -> list[Note]:
    """R1, R2, … again, in the same order, once some notes are left out."""
    return [replace(note, id=f"R{i}") for i, note in enumerate(notes, start=1)]


_SETUP: Setup | None = None  # set before the workers fork, so they inherit it


def _review_in_worker(path: Path) -> FileReview:
    assert _SETUP is not None
    return review_file(_SETUP, path)


def cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def review_files(setup: Setup, paths: Sequence[Path],
                 jobs: int | None = None) -> Iterator[FileReview]:
    """Every file's review, in the order given. The first file is reviewed here, which also
    warms everything a review loads on first use (compiled patterns, conditions); then, when
    the rest is large enough to repay a worker's start (`workers_for`) and the platform can
    fork, forked workers inherit all of it and review the rest; else this process does."""
    global _SETUP
    if not paths:
        return
    yield review_file(setup, paths[0])
    rest = paths[1:]
    workers = workers_for(rest, jobs or cores())
    if workers >= 2:  # only then: one policy's review loads no process pool (issue 13)
        import multiprocessing
        from concurrent import futures
    if workers < 2 or "fork" not in multiprocessing.get_all_start_methods():
        yield from (review_file(setup, p) for p in rest)
        return
    _SETUP = setup
    # Objects frozen before (the command's own freeze, or a test session's loaded project)
    # stay frozen: `gc.unfreeze` lets go of all of them, and every later full collection of
    # a process that goes on (the tests: ~330,000 objects of the project) walked them again.
    frozen_before = collector.frozen()  # not gc.get_freeze_count(): it counts one by one
    gc.collect()
    collector.freeze()  # a worker's collections do not touch (and so copy) the inherited objects
    try:
        chunk = max(1, len(rest) // (workers * 4))
        with futures.ProcessPoolExecutor(workers,
                                         mp_context=multiprocessing.get_context("fork")) as pool:
            yield from pool.map(_review_in_worker, rest, chunksize=chunk)
    finally:
        if not frozen_before:
            collector.unfreeze()
        _SETUP = None


def workers_for(paths: Sequence[Path], most: int) -> int:
    """How many workers to review `paths` with: at most `most`, and one for every
    `WORKER_BYTES` of input, since a worker costs a fork and the copying of the pages it
    touches, which a few small files do not repay (a file that cannot be sized counts as
    small: its review is an error)."""
    size = 0
    for path in paths:
        try:
            size += path.stat().st_size
        except OSError:
            continue
    return min(most, len(paths) // POOL_FROM, size // WORKER_BYTES)


@dataclass(frozen=True)
class Run:
    """A whole `drafter review` run, as an output format sees it. `many` is whether the user
    asked about several files (more than one argument, or a folder): the JSON is then one
    document listing them all, even if a folder held one file."""

    files: Sequence[FileReview]
    many: bool
    questionnaire: Questionnaire | None = None
    promises: Sequence[LedgerEntry] | None = None

    @property
    def reviewed(self) -> list[FileReview]:
        return [f for f in self.files if f.error is None]
