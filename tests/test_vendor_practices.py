"""Vendor catalog wording states only the data flows the owner's answers give: a vendor's
`purpose`/`receives` part that depends on a practice (customer lists, ad pixels, email tracking,
marketing texts, face scans) carries a `when:` on the answer that governs it."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from drafter.paths import examples
from tests.conftest import real_project as project

ROOT = Path(__file__).resolve().parents[1]


def test_eu_studio_meta_gets_no_customer_list_when_the_owner_uploads_none(
        tmp_path: Path) -> None:
    answers = project().answers(examples()["eu-studio"])
    assert answers.resolved()["data_practices.ad_audiences"] is False
    subprocess.run([sys.executable, "-m", "drafter", "build", "--example", "eu-studio",
                    "--format", "md", "-o", str(tmp_path)], check=True, cwd=ROOT,
                   capture_output=True)
    [policy] = tmp_path.glob("*/privacy-policy.md")
    text = policy.read_text()
    assert "Meta (Facebook and Instagram ads)" in text
    assert "hashed email" not in text
