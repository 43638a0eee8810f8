"""Install Drafter as a user would, outside the checkout, and use it from there.

Builds the sdist and, from it, the wheel (`python -m build`; without `build`, the wheel alone
with `pip wheel`), installs the wheel into a fresh venv in a temporary folder, and from a
folder outside the checkout: checks that every data file of the checkout (`clauses/`,
`questionnaires/`, the app's web files) is in the installed package and that Playwright comes
only with the `scan` extra, builds every built-in example and reviews a built policy with the
`drafter` command. So a
data file left out of the package fails here, not on a user's machine.

The venv gets no copies of the dependencies: it sees those of the venv running this script
through a `.pth` line (pip reports any dependency the wheel declares that they do not
satisfy), which keeps the run to seconds. Run by `.ci/run` and by tests/packaging/.

    python tests/packaging/wheel_check.py [--keep DIR]
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import subprocess
import sys
import sysconfig
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
DATA_ROOTS = ("clauses", "questionnaires")


def run(cmd: list[str | Path], strict: bool = True, **kw: object
        ) -> subprocess.CompletedProcess[str]:
    """Run a command; unless `strict` is False, a non-zero exit ends the check with its output."""
    done = subprocess.run([str(c) for c in cmd], text=True, capture_output=True, **kw)  # type: ignore[call-overload]
    if strict and done.returncode != 0:
        raise SystemExit(f"wheel check: {' '.join(map(str, cmd))} exited {done.returncode}:\n"
                         f"{done.stdout[-2000:]}{done.stderr[-3000:]}")
    return done


def build_dist(out: Path) -> Path:
    """The wheel, built from the sdist when `build` is installed (so the sdist is checked too)."""
    if importlib.util.find_spec("build") is not None:
        run([sys.executable, "-m", "build", "--outdir", out, REPO])
        sdists = list(out.glob("*.tar.gz"))
        assert len(sdists) == 1, sdists
    else:
        run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", out, REPO])
    wheels = list(out.glob("*.whl"))
    assert len(wheels) == 1, wheels
    return wheels[0]


def make_venv(wheel: Path, where: Path) -> Path:
    """A fresh venv holding the wheel; dependencies seen from this interpreter's venv."""
    run([sys.executable, "-m", "venv", "--without-pip", where])
    python = where / "bin" / "python"
    run([sys.executable, "-m", "pip", "--python", python, "install", "-q", "--no-deps",
         "--no-index", wheel])
    site = Path(run([python, "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"]
                    ).stdout.strip())
    ours = {sysconfig.get_path("purelib"), sysconfig.get_path("platlib")}
    (site / "_drafter_dependencies.pth").write_text("".join(f"{p}\n" for p in sorted(ours)))
    run([sys.executable, "-m", "pip", "--python", python, "check"])
    return where / "bin"


def expected_data() -> set[str]:
    """Every non-Python file of the checkout the package needs, as the wheel lays it out."""
    listed = subprocess.run(["git", "ls-files", "-z", "--", "drafter", *DATA_ROOTS], cwd=REPO,
                            capture_output=True, text=True)
    if listed.returncode == 0 and listed.stdout:
        files = [f for f in listed.stdout.split("\0") if f]
    else:  # not a git checkout: what is on disk
        files = [p.relative_to(REPO).as_posix() for root in ("drafter", *DATA_ROOTS)
                 for p in (REPO / root).rglob("*") if p.is_file()
                 and "__pycache__" not in p.parts]
    return {f if f.startswith("drafter/") else f"drafter/_data/{f}"
            for f in files if not f.endswith(".py") and (REPO / f).exists()}


def missing_data(package: Path) -> list[str]:
    """The checkout's data files that the installed `package` folder lacks."""
    return sorted(f for f in expected_data() if not (package.parent / f).is_file())


def user_env(bin_dir: Path, work: Path) -> dict[str, str]:
    """A user's environment with the venv's commands first (nothing pointing at the checkout)."""
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    env.update(DRAFTER_CACHE_DIR=str(work / "cache"), DRAFTER_TODAY="2026-12-01",
               PATH=f"{bin_dir}{os.pathsep}{env.get('PATH', '')}")
    return env


def check(bin_dir: Path, work: Path) -> dict[str, float]:
    timings: dict[str, float] = {}
    env = user_env(bin_dir, work)
    site = work / "site"
    site.mkdir(exist_ok=True)
    where = json.loads(run([bin_dir / "python", "-c", "import json, drafter, drafter.paths as p;"
                            "print(json.dumps([drafter.__file__, str(p.default_library()),"
                            " sorted(p.examples())]))"], cwd=site, env=env).stdout)
    package = Path(where[0]).parent
    for path in (package, Path(where[1])):
        assert REPO not in path.parents, f"{path} is the checkout's, not the installed copy"
    missing = missing_data(package)
    assert not missing, f"not in the installed package: {', '.join(missing)}"
    needs = json.loads(run([bin_dir / "python", "-c", "import json, importlib.metadata as m;"
                            "print(json.dumps(m.requires('drafter-privacy')))"],
                           cwd=site, env=env).stdout)
    browser = [r.replace(" ", "") for r in needs if r.startswith("playwright")]
    # `pip install 'drafter-privacy[scan]'` brings Playwright (`drafter scan URL` names that
    # command when it is missing); a plain install does not
    assert browser and all(r.endswith(("extra=='scan'", "extra=='test'")) for r in browser) \
        and any(r.endswith("extra=='scan'") for r in browser), needs

    start = time.perf_counter()  # every example in one process: its start-up is paid once
    script = ("import sys\nfrom drafter.cli import main\n"
              "codes = [main(['build', '--example', n, '-o', 'out']) for n in sys.argv[1:]]\n"
              "sys.exit(max(codes))\n")
    built = run([bin_dir / "python", "-c", script, *where[2]], cwd=site, env=env)
    policies = sorted((site / "out").glob("*/privacy-policy.md"))
    assert len(policies) == len(where[2]), built.stdout
    timings["build every example"] = time.perf_counter() - start

    start = time.perf_counter()
    reviewed = run([bin_dir / "drafter", "review", policies[0], "--format", "json"], cwd=site,
                   env=env, strict=False)
    assert reviewed.returncode in (0, 1), reviewed.stderr
    assert json.loads(reviewed.stdout)["file"].endswith("privacy-policy.md")
    timings["review"] = time.perf_counter() - start
    return timings


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--keep", type=Path, help="work in this folder and leave it")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="drafter-wheel-") as tmp:
        work = args.keep or Path(tmp)
        work.mkdir(parents=True, exist_ok=True)
        start = time.perf_counter()
        wheel = build_dist(work / "dist")
        timings = {"build sdist and wheel": time.perf_counter() - start}
        start = time.perf_counter()
        bin_dir = make_venv(wheel, work / "venv")
        timings["venv and install"] = time.perf_counter() - start
        timings.update(check(bin_dir, work))
    print(f"wheel check: {wheel.name} installed outside the checkout builds every example: "
          + ", ".join(f"{k} {v:.1f} s" for k, v in timings.items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
