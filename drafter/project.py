"""A questionnaire and its clause library: what every command and the app work from.

Kept light on purpose: the app needs only the questionnaire to show its first question, so
the library and the assembly and review stages are imported and loaded on first use, after
the first screen is up (`drafter build`, `review` and `lint` ask for them at once).
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from drafter import library_cache, parsecache
from drafter.answers import Answers, load_answers
from drafter.errors import UserError
from drafter.paths import default_library, default_questionnaire
from drafter.questionnaire import Questionnaire, load_questionnaire

if TYPE_CHECKING:
    from drafter.document.model import Policy
    from drafter.library import Library
    from drafter.document.model import Draft, Note
    from drafter.document.tree import Tree


@dataclass(frozen=True)
class Project:
    """A questionnaire and the clause library that answers to it.

    The library is loaded on first use, so the app can show its first question while the
    clauses load in the background; `drafter build`, `review` and `lint` load it at once.
    """

    questionnaire: Questionnaire
    library_root: Path
    _loaded: list[Library] = field(default_factory=list, repr=False, compare=False)
    _loading: threading.Lock = field(default_factory=threading.Lock, repr=False, compare=False)
    # The questionnaire file, the key of the files it was read from (library_cache), and
    # whether it came from the cache (whose library is then read from there too, if the files
    # still have that key when it is asked for).
    _source: tuple[Path, str | None, bool] | None = field(default=None, repr=False,
                                                         compare=False)

    @classmethod
    def load(cls, questionnaire: Path | None = None, library: Path | None = None, *,
             with_library: bool = False) -> Project:
        """Load the questionnaire (the library follows on first use, or at once
        `with_library`, as `drafter build` and `review` want it). Cross-checking the two
        is `lint()`, run by `drafter lint` and the tests rather than on every start: a broken
        template still fails at render time, with its file named."""
        from drafter.modules import find_modules

        root = library or default_library()
        path = questionnaire or default_questionnaire()
        found = library_cache.key(path, root)  # before anything is read
        kept = library_cache.load(path, root, found, with_library)
        if kept is not None:  # exactly as these files load: nothing to read or check
            held, library_kept = kept
            return cls(held, root, [] if library_kept is None else [library_kept],
                       _source=(path, found, True))
        return cls(load_questionnaire(path, root / "data", find_modules(root)), root,
                   _source=(path, found, False))

    @property
    def library(self) -> Library:
        with self._loading:  # the app's workers may ask for it at the same moment
            if not self._loaded:
                self._loaded.append(self._kept_library() or self._read_library())
            return self._loaded[0]

    def _kept_library(self) -> Library | None:
        """The library kept with the questionnaire this project was loaded from, if every
        file is still as it was then (the app asks for it some time after loading)."""
        if self._source is None or not self._source[2]:
            return None
        path, found, _ = self._source
        if library_cache.key(path, self.library_root) != found:
            return None
        kept = library_cache.load(path, self.library_root, found, True)
        return kept[1] if kept is not None else None

    def _read_library(self) -> Library:
        from drafter.library import load_library

        library = load_library(self.library_root)
        parsecache.save()  # now, not at exit: the next `drafter` starts warm
        for problem in library.heading_problems(self.questionnaire):
            raise problem  # every stage reads these two answers: refused at once
        if self._source is not None:
            self._keep(library)
        return library

    def _keep(self, library: Library) -> None:
        """Keep the questionnaire and the library for the next start (library_cache), with
        the review and notice rules that every build reads; not if one of those has a
        mistake (it is reported where it is used, as ever)."""
        assert self._source is not None
        path, found, _ = self._source
        try:
            library.review_rules, library.notice, library.changelog  # noqa: B018 - kept
            library.version, library.by_section, library.template_data  # noqa: B018 - kept
        except UserError:
            return
        library_cache.save(path, self.library_root, found, self.questionnaire, library)

    def lint(self) -> list[UserError]:
        """Every way the library does not fit the questionnaire and catalog, one per line
        (`Library.lint` also gives the warnings)."""
        return self.library.lint(self.questionnaire).problems

    def answers(self, path: Path) -> Answers:
        return load_answers(path, self.questionnaire)

    def draft(self, answers: Answers, today: date | None = None,
              extra_notes: tuple[Note, ...] = ()) -> Draft:
        from drafter.document.model import Draft
        from drafter.document.tree import policy_tree
        from drafter.ledger import ledger

        policy = self.assemble(answers)
        tree = policy_tree(policy)  # the one parse: review reads it, the exporters render it
        return Draft(policy, self.review(policy, answers, today, tree, extra_notes),
                     ledger(policy, answers, self.library, tree), tree)

    def assemble(self, answers: Answers) -> Policy:
        """The policy text alone (the app shows it before the review has run)."""
        from drafter.assemble import assemble

        return assemble(answers, self.library)

    def review(self, policy: Policy, answers: Answers, today: date | None = None,
               tree: Tree | None = None, extra: tuple[Note, ...] = ()) -> tuple[Note, ...]:
        from drafter.i18n.answers import language_notes
        from drafter.review import review_draft

        extra = (*extra, *language_notes(answers, self.library, policy))
        return tuple(review_draft(policy, answers, self.library, today, tree, extra))
