"""The package's shape (issue 13): every module under 400 lines, and no import cycle among the
modules' top-level imports (one a function makes when it runs, or one under TYPE_CHECKING, is
left out: those are how a stage defers what it seldom needs)."""

from __future__ import annotations

import ast
from pathlib import Path

import drafter

PACKAGE = Path(drafter.__file__).parent
MOST_LINES = 400


def _modules() -> dict[str, Path]:
    found = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        found[name] = path
    return found


def _top_level_imports(name: str, path: Path, known: set[str]) -> set[str]:
    """The package's modules that `name` imports when it is imported."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: set[str] = set()
    for node in tree.body:
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                base = ".".join(package.split(".")[:len(package.split(".")) - node.level + 1]
                                + ([base] if base else []))
            targets = [f"{base}.{alias.name}" for alias in node.names] + [base]
        else:
            continue
        for target in targets:
            while target and target not in known:  # `from drafter.x import name` is drafter.x
                target = target.rpartition(".")[0]
            if target and target != name:
                found.add(target)
    return found


def test_every_module_is_under_400_lines() -> None:
    long = {name: n for name, path in _modules().items()
            if (n := len(path.read_text(encoding="utf-8").splitlines())) > MOST_LINES}
    assert long == {}


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    cycles: list[list[str]] = []
    state: dict[str, int] = {}  # 1: on the path being walked, 2: done

    def walk(name: str, trail: list[str]) -> None:
        state[name] = 1
        for target in sorted(graph[name]):
            # a package's __init__ importing its own submodules is how a package is built
            if target.startswith(name + "."):
                continue
            if state.get(target) == 1:
                cycles.append([*trail[trail.index(target):], target])
            elif target not in state:
                walk(target, [*trail, target])
        state[name] = 2

    for name in sorted(graph):
        if name not in state:
            walk(name, [name])
    return cycles


def test_no_module_imports_itself_back() -> None:
    modules = _modules()
    graph = {name: _top_level_imports(name, path, set(modules)) for name, path in modules.items()}
    assert _cycles(graph) == []


def test_the_cycle_finder_sees_a_planted_cycle(tmp_path: Path) -> None:
    """The walk above cannot pass by seeing nothing: two modules naming each other are found."""
    a, b = tmp_path / "a.py", tmp_path / "b.py"
    a.write_text("from drafter.b import x\n")
    b.write_text("import drafter.a\n")
    known = {"drafter.a", "drafter.b"}
    assert _top_level_imports("drafter.a", a, known) == {"drafter.b"}
    assert _top_level_imports("drafter.b", b, known) == {"drafter.a"}
    assert _cycles({"drafter.a": {"drafter.b"}, "drafter.b": {"drafter.a"}}) == [
        ["drafter.a", "drafter.b", "drafter.a"]]
    assert _cycles({"drafter.a": {"drafter.b"}, "drafter.b": set()}) == []


def test_the_core_never_imports_textual() -> None:
    """Only `drafter/app/` may import Textual, anywhere in a module (a function's import too):
    the command line and a build run without a terminal UI."""
    found = []
    for name, path in _modules().items():
        if name == "drafter.app" or name.startswith("drafter.app."):
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else \
                [node.module or ""] if isinstance(node, ast.ImportFrom) and not node.level else []
            found += [f"{name}: {n}" for n in names if n == "textual" or n.startswith("textual.")]
    assert found == []
