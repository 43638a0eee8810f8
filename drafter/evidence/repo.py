"""`drafter scan --repo DIR`: the SDKs an app ships, read from its dependency manifests.

JSON and TOML are parsed by the standard library and pubspec by the YAML loader; Gradle
scripts, Podfiles and Package.swift are code, so only their dependency declarations are read,
line by line (`implementation "group:artifact:1.0"`, `pod 'Name'`, `.product(name: "X"`,
`.package(url: "…"`). Each package is looked up in the vendor catalog's `packages`.
"""

from __future__ import annotations

import json
import re
import tomllib
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from drafter.errors import UserError
from drafter.evidence.catalog import Catalog
from drafter.evidence.model import Evidence, Sdk
from drafter.yamlio import parse_data, read_bytes

SKIP = {"node_modules", "Pods", "build", "dist", "vendor", "venv", "target", "DerivedData",
        "__pycache__", "site-packages"}
LIMIT = 8 * 1024 * 1024
_REQUIREMENT = re.compile(r"\s*([A-Za-z0-9][A-Za-z0-9._-]*)")
_GRADLE = re.compile(r"""^\s*(?:implementation|api|compile|runtimeOnly|releaseImplementation|
                         debugImplementation|kapt|ksp)\s*\(?\s*(?:platform\s*\(\s*)?
                         ["']([\w.-]+):([\w.-]+)""", re.X)
_POD = re.compile(r"""^\s*pod\s+["']([^"']+)["']""")
_SWIFT_PRODUCT = re.compile(r"""\.product\s*\(\s*name\s*:\s*"([^"]+)\"""")
_SWIFT_PACKAGE = re.compile(r"""\.package\s*\(\s*(?:name\s*:\s*"[^"]*"\s*,\s*)?url\s*:\s*
                                "(?:https?://)?([^"]+?)(?:\.git)?\"""", re.X)


def _text(path: Path) -> str:
    return read_bytes(path, LIMIT, "a manifest").decode("utf-8", "replace")


def _npm(path: Path) -> Iterator[str]:
    try:
        data = json.loads(_text(path))
    except json.JSONDecodeError as exc:
        raise UserError(f"not JSON: {exc.msg}", path=path, line=exc.lineno) from None
    for key in ("dependencies", "optionalDependencies"):  # devDependencies do not ship
        section = data.get(key) if isinstance(data, dict) else None
        if isinstance(section, dict):
            yield from section


def _requirements(path: Path) -> Iterator[str]:
    for line in _text(path).splitlines():
        line = line.split("#", 1)[0]
        match = _REQUIREMENT.match(line)
        if match and not line.lstrip().startswith("-"):
            yield match.group(1)


def _pyproject(path: Path) -> Iterator[str]:
    try:
        data = tomllib.loads(_text(path))
    except tomllib.TOMLDecodeError as exc:
        raise UserError(f"not TOML: {exc}", path=path) from None
    project = data.get("project") or {}
    specs = list(project.get("dependencies") or [])
    for extra in (project.get("optional-dependencies") or {}).values():
        specs += extra
    for spec in specs:
        match = _REQUIREMENT.match(str(spec))
        if match:
            yield match.group(1)
    poetry = ((data.get("tool") or {}).get("poetry") or {}).get("dependencies") or {}
    yield from (name for name in poetry if name != "python")


def _lines(pattern: re.Pattern[str], join: str = ":") -> Callable[[Path], Iterator[str]]:
    def read(path: Path) -> Iterator[str]:
        for line in _text(path).splitlines():
            for match in pattern.finditer(line):
                yield join.join(match.groups())
    return read


def _swift(path: Path) -> Iterator[str]:
    yield from _lines(_SWIFT_PRODUCT)(path)
    yield from _lines(_SWIFT_PACKAGE)(path)


def _pubspec(path: Path) -> Iterator[str]:
    data: Any = parse_data(_text(path), path).data
    section = data.get("dependencies") if isinstance(data, dict) else None
    if isinstance(section, dict):
        yield from section


READERS: dict[str, Callable[[Path], Iterator[str]]] = {
    "package.json": _npm, "pyproject.toml": _pyproject, "build.gradle": _lines(_GRADLE),
    "build.gradle.kts": _lines(_GRADLE), "Podfile": _lines(_POD), "Package.swift": _swift,
    "pubspec.yaml": _pubspec,
}


def _reader(path: Path) -> Callable[[Path], Iterator[str]] | None:
    if path.name in READERS:
        return READERS[path.name]
    if path.suffix == ".txt" and path.name.startswith("requirements"):
        return _requirements
    return None


def manifests(root: Path) -> list[Path]:
    """Every manifest under `root`, skipping installed dependencies, builds and hidden
    folders (sorted, so the evidence is the same on every run)."""
    found: list[Path] = []

    def walk(folder: Path) -> None:
        for entry in sorted(folder.iterdir()):
            if entry.is_dir() and not entry.is_symlink():
                if entry.name not in SKIP and not entry.name.startswith("."):
                    walk(entry)
            elif entry.is_file() and _reader(entry) is not None:
                found.append(entry)
    walk(root)
    return found


def scan_repo(root: Path, catalog: Catalog) -> Evidence:
    if not root.is_dir():
        raise UserError("no such folder", path=root)
    sdks: dict[tuple[str, str], Sdk] = {}
    others = 0
    files = manifests(root)
    for path in files:
        reader = _reader(path)
        assert reader is not None
        relative = path.relative_to(root).as_posix()
        for package in reader(path):
            vendor = catalog.by_package(package)
            if vendor is None:
                others += 1
                continue
            sdks.setdefault((package, relative),
                            Sdk(package=package, manifest=relative, vendor=vendor))
    limits = ["A repository shows the SDKs an app ships, not what they send: requests, "
              "cookies, forms and consent were not checked."]
    if not files:
        limits.append("No dependency manifest found (package.json, requirements*.txt, "
                      "pyproject.toml, build.gradle, Podfile, Package.swift, pubspec.yaml).")
    elif others:
        limits.append(f"{others} other dependencies are not in the vendor catalog.")
    return Evidence(source=str(root), kind="repo", pages=[], sdks=list(sdks.values()),
                    limits=limits)
