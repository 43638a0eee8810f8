"""Speed of the counsel hand-off (run on demand: `pytest tests/benchmarks`)."""

from __future__ import annotations

from io import BytesIO
from docx import Document
from pytest_benchmark.fixture import BenchmarkFixture

from drafter.absorb import reconcile, source_blocks
from drafter.absorb_word import word_blocks
from drafter.build import render
from drafter.export import FORMATS
from drafter.export.markdown import to_markdown
from drafter.manifest import Generation
from drafter.paths import examples
from drafter.regenerate import merge
from drafter.document.model import Draft
from tests.conftest import real_project


def _draft(name: str) -> Draft:
    project = real_project()
    return project.draft(project.answers(examples()[name]))


def test_docx_export(benchmark: BenchmarkFixture) -> None:
    draft = _draft("marketplace")
    benchmark(render, draft, [FORMATS["docx"]])


def test_three_way_merge(benchmark: BenchmarkFixture) -> None:
    draft = _draft("marketplace")
    text = to_markdown(draft)
    base = Generation(markdown=text, plain=text)
    lines = text.splitlines(keepends=True)
    ours = "".join(line.replace("We ", "We at Crate & Kettle ", 1) if n % 7 == 0 else line
                   for n, line in enumerate(lines))
    theirs_text = text.replace("personal information", "personal data")
    theirs = Generation(markdown=theirs_text, plain=theirs_text)
    benchmark(merge, base, ours, theirs)


def test_absorb_alignment(benchmark: BenchmarkFixture) -> None:
    draft = _draft("marketplace")
    text = to_markdown(draft)
    doc = Document(BytesIO(render(draft, [FORMATS["docx"]], text)[".docx"]))
    ids = [c.id for c in draft.policy.clauses()]
    benchmark(lambda: reconcile(source_blocks(text), word_blocks(doc, ids), {}))
