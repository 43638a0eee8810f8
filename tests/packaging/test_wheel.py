"""The wheel and sdist carry everything Drafter needs: installed into a fresh venv outside the
checkout, the `drafter` command builds every example and reviews a policy (wheel_check.py).

`.ci/run` runs wheel_check.py as a step of its own before the suite and sets
DRAFTER_WHEEL_CHECKED, so CI pays for the build once; elsewhere these tests run it."""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

import wheel_check

pytestmark = pytest.mark.skipif(bool(os.environ.get("DRAFTER_WHEEL_CHECKED")),
                                reason=".ci/run checked the wheel in a step of its own")


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, Path]]:
    work = tmp_path_factory.mktemp("wheel")
    wheel = wheel_check.build_dist(work / "dist")
    assert wheel.name.startswith("drafter_privacy-")  # `drafter` on the index is someone else's
    yield wheel_check.make_venv(wheel, work / "venv"), work


def _package(bin_dir: Path, work: Path) -> Path:
    where = subprocess.run([bin_dir / "python", "-c", "import drafter; print(drafter.__file__)"],
                           capture_output=True, text=True, check=True, cwd=work,
                           env=wheel_check.user_env(bin_dir, work))
    return Path(where.stdout.strip()).parent


def test_the_installed_wheel_builds_every_example_and_reviews(installed: tuple[Path, Path]
                                                              ) -> None:
    timings = wheel_check.check(*installed)
    assert set(timings) == {"build every example", "review"}


def test_a_data_file_left_out_of_the_package_is_named(installed: tuple[Path, Path]) -> None:
    package = _package(*installed)
    vendors = package / "_data" / "clauses" / "data" / "vendors.yaml"
    kept = vendors.read_bytes()
    vendors.unlink()
    try:
        assert wheel_check.missing_data(package) == ["drafter/_data/clauses/data/vendors.yaml"]
    finally:
        vendors.write_bytes(kept)
    assert wheel_check.missing_data(package) == []


def test_a_clauses_folder_beside_the_installed_package_is_not_the_library(
        installed: tuple[Path, Path]) -> None:
    bin_dir, work = installed
    package = _package(bin_dir, work)
    stray = package.parent / "clauses"  # site-packages/clauses, as another distribution may put
    stray.mkdir()
    try:
        found = subprocess.run(
            [bin_dir / "python", "-c", "from drafter.paths import default_library as d; print(d())"],
            capture_output=True, text=True, check=True, cwd=work,
            env=wheel_check.user_env(bin_dir, work))
    finally:
        shutil.rmtree(stray)
    assert Path(found.stdout.strip()) == package / "_data" / "clauses"
