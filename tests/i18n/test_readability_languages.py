"""Each language version reads as easily as plain English does, by its own language's
formula (tests/benchmarks/readability_languages.py prints the figures): at least 65 on
Fernández-Huerta (Spanish) and Kandel–Moles (French), "fairly easy" on both scales, where the
English versions score about 75 on Flesch's. Every example that builds in the language is
held to it (`translated.versions` skips the others)."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
import textstat

from drafter.project import Project
from tests.i18n.translated import EXAMPLES, versions

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
from readability import plain_sentences  # noqa: E402
from readability_languages import kandel_moles  # noqa: E402

FLOOR = 65


@pytest.fixture(autouse=True)
def _english_after() -> Iterator[None]:
    yield
    textstat.set_lang("en_US")  # textstat's language is global: leave it as found


def _text(project: Project, name: str, lang: str) -> str:
    policy = versions(project, name, lang)[1]
    return plain_sentences("\n\n".join(c.markdown for c in policy.clauses()))


@pytest.mark.parametrize("name", EXAMPLES)
def test_spanish_reads_fairly_easily(project: Project, name: str) -> None:
    textstat.set_lang("es")
    assert textstat.fernandez_huerta(_text(project, name, "es")) >= FLOOR


@pytest.mark.parametrize("name", EXAMPLES)
def test_french_reads_fairly_easily(project: Project, name: str) -> None:
    assert kandel_moles(_text(project, name, "fr-CA")) >= FLOOR
