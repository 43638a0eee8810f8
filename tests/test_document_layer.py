"""`drafter/document/` is the layer under review and export: it imports neither, and it is the
one place Markdown is configured and parsed."""

from __future__ import annotations

import ast
from pathlib import Path

import drafter

PACKAGE = Path(drafter.__file__).parent
# What the document layer may stand on: the rendered clauses' promises, the requirements'
# severities and topics, and the Markdown escaping of owner text.
BELOW = {"drafter.promises", "drafter.requirements", "drafter.templating"}


def _imports(path: Path) -> set[str]:
    """The drafter modules a file imports when it runs (names only for type checkers left out)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and isinstance(node.test, ast.Name) and \
                node.test.id == "TYPE_CHECKING":
            node.body = []
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
    return {name for name in found if name.startswith("drafter")}


def test_the_document_layer_imports_nothing_above_it() -> None:
    for path in (PACKAGE / "document").glob("*.py"):
        above = {m for m in _imports(path) if not m.startswith("drafter.document") and m not in BELOW}
        assert not above, f"{path.name} imports {sorted(above)}"


def test_markdown_is_configured_in_one_place() -> None:
    configured = sorted(str(path.relative_to(PACKAGE)) for path in PACKAGE.rglob("*.py")
                        if "MarkdownIt(" in path.read_text(encoding="utf-8"))
    assert configured == ["document/markdown.py"]


def test_review_and_export_read_the_model_from_the_document_layer() -> None:
    assert not (PACKAGE / "review" / "model.py").exists()
    assert not (PACKAGE / "provenance.py").exists()
    for path in PACKAGE.rglob("*.py"):
        for module in _imports(path):
            assert module not in ("drafter.review.model", "drafter.provenance"), path


def test_clause_provenance_is_written_in_one_place() -> None:
    """The clause comments (`<!-- clause: ID (path) -->`) are made and read by
    `document/provenance.py` alone: export and absorb go through its `ClauseMark`."""
    writers = sorted(str(path.relative_to(PACKAGE)) for path in PACKAGE.rglob("*.py")
                     if "<!-- clause" in path.read_text(encoding="utf-8"))
    assert writers == ["document/provenance.py"]
