"""`.pre-commit-hooks.yaml` works as a website's repository would use it: `pre-commit try-repo`
of this checkout, on a fixture repository holding a policy that a merge left markers in.

pre-commit installs the hook repository into an environment of its own (`pip install .`);
the dependencies come from the venv running the tests (PYTHONPATH), so only Drafter itself is
built and installed, as wheel_check.py does."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import sysconfig
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
if os.environ.get("CI") != "true":  # CI installs the test extras: there it must run
    pytest.importorskip("pre_commit")
pytestmark = pytest.mark.skipif(not (REPO / ".git").exists() or shutil.which("git") is None,
                                reason="needs git and a git checkout")

CONFLICTED = """# Privacy Policy

We collect the email address you give us.

<<<<<<< counsel's edit (privacy-policy.md)
We keep it for two years.
=======
We keep it for one year.
>>>>>>> new draft
"""


def _git(where: Path, *args: str) -> None:
    subprocess.run(["git", "-c", "user.name=Drafter", "-c", "user.email=dev@drafter.invalid",
                    *args], cwd=where, check=True, capture_output=True)


def test_try_repo_reviews_policies_and_finds_merge_markers(tmp_path: Path) -> None:
    site = tmp_path / "site"
    (site / "legal").mkdir(parents=True)
    (site / "legal" / "privacy-policy.md").write_text(CONFLICTED)
    (site / "legal" / "privacy-draft.md").write_text("# Privacy Policy\n\n" + "=" * 7 + "\n")
    (site / "README.md").write_text("<<<<<<< not a policy\n")
    _git(site, "init", "-q")
    _git(site, "add", ".")
    _git(site, "commit", "-qm", "site")
    env = {**os.environ, "PRE_COMMIT_HOME": str(tmp_path / "pre-commit"),
           "PYTHONPATH": sysconfig.get_path("purelib")}
    ran = subprocess.run([sys.executable, "-m", "pre_commit", "try-repo", str(REPO),
                          "--all-files", "--color", "never"], cwd=site, env=env,
                         capture_output=True, text=True, timeout=600)
    out = ran.stdout
    assert ran.returncode == 1, out + ran.stderr
    markers = out.split("- hook id: drafter-merge-markers", 1)[1].split("- hook id:")[0]
    # both markers of the conflicted policy; not the setext `=======` of the other policy, nor
    # README.md, which is not a policy
    assert "legal/privacy-policy.md:5:<<<<<<< counsel's edit" in markers
    assert "legal/privacy-policy.md:9:>>>>>>> new draft" in markers
    assert "privacy-draft.md" not in markers and "README" not in markers
    review = out.split("- hook id: drafter-review", 1)[1]
    assert "legal/privacy-policy.md: blocking" in review  # Drafter's own notes, from the hook
    assert "legal/privacy-draft.md:" in review and "README" not in review
