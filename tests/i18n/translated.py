"""The examples translated so far, and the languages they are translated into (shared by
the tests in this folder).

`TRANSLATED` are the examples with golden files in every language: they must always build.
The tests that hold a language version to the English (the same requirements, readability)
run over every example instead (`EXAMPLES`, through `versions`), and skip, naming what is
missing, an example that does not build in that language yet: they grow by themselves as
translations land.
"""

from __future__ import annotations

import pytest

from drafter.assemble import assemble
from drafter.document.model import Policy
from drafter.i18n.render import MissingWording
from drafter.paths import examples
from drafter.project import Project

TRANSLATED = ("quebec-firm", "texas-small")  # every clause and data wording they need
LANGUAGES = ("es", "fr-CA")
EXAMPLES = tuple(sorted(examples()))


def versions(project: Project, name: str, lang: str) -> tuple[Policy, Policy]:
    """Example `name`'s English policy and its `lang` version; the test is skipped when the
    example does not build in `lang` yet (never for one of `TRANSLATED`)."""
    answers = project.answers(examples()[name])
    english = assemble(answers, project.library)
    try:
        return english, assemble(answers, project.library, lang)
    except MissingWording as exc:
        if name in TRANSLATED:
            raise
        pytest.skip(f"{name} does not build in {lang} yet: {exc.message}")
