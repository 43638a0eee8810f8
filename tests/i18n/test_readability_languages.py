"""Each language version reads as easily as plain English does, by its own language's
formula (tests/benchmarks/readability_languages.py prints the figures): at least 65 on
Fernández-Huerta (Spanish) and Kandel–Moles (French), "fairly easy" on both scales, where the
English versions score about 75 on Flesch's."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
import textstat

from drafter.assemble import assemble
from drafter.paths import examples
from drafter.project import Project
from tests.i18n.translated import TRANSLATED

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
from readability import plain_sentences  # noqa: E402
from readability_languages import kandel_moles  # noqa: E402

FLOOR = 65


@pytest.fixture(autouse=True)
def _english_after() -> Iterator[None]:
    yield
    textstat.set_lang("en_US")  # textstat's language is global: leave it as found


def _text(project: Project, name: str, lang: str) -> str:
    policy = assemble(project.answers(examples()[name]), project.library, lang)
    return plain_sentences("\n\n".join(c.markdown for c in policy.clauses()))


@pytest.mark.parametrize("name", TRANSLATED)
def test_spanish_reads_fairly_easily(project: Project, name: str) -> None:
    textstat.set_lang("es")
    assert textstat.fernandez_huerta(_text(project, name, "es")) >= FLOOR


@pytest.mark.parametrize("name", TRANSLATED)
def test_french_reads_fairly_easily(project: Project, name: str) -> None:
    assert kandel_moles(_text(project, name, "fr-CA")) >= FLOOR
