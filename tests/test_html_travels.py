"""The HTML page travels (issue 17, item 6): on a 375 px phone a wide table scrolls inside its
own box, never the page; printed, it is the clean copy (no reviewer markers or notes list) and
each link to elsewhere shows its address."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from drafter.build import render
from drafter.export import formats
from drafter.export.html import SCROLL_OPEN, STYLE
from drafter.paths import examples
from drafter.project import Project

LARGEST = "email-platform"


def _page(project: Project, name: str = LARGEST) -> str:
    draft = project.draft(project.answers(examples()[name]))
    return render(draft, formats("html"))[".html"].decode()


def _rules(css: str) -> dict[str, str]:
    """Selector → declarations of the print block's rules."""
    block = css[css.index("@media print"):]
    return {sel.strip(): body for sel, body in re.findall(r"([^{}]+)\{([^{}]*)\}", block[
        block.index("{") + 1:])}


def test_every_table_sits_in_its_own_scrolling_box(project: Project) -> None:
    page = _page(project)
    tables = page.count("<table>")
    assert tables >= 2
    assert page.count(SCROLL_OPEN + "<table>") == tables
    assert len(re.findall(r"</table>\s*</div>", page)) == tables
    assert re.search(r"\.table-scroll \{ overflow-x: auto;", STYLE)


def test_print_is_the_clean_copy_with_link_addresses(project: Project) -> None:
    page = _page(project)
    assert '<p class="note-marker">[R1] [R2]</p>' in page  # two notes on one block
    markers = re.findall(r"<p[^>]*>(\[R\d+\](?: \[R\d+\])*)</p>", page)
    assert markers and all(f'<p class="note-marker">{m}</p>' in page for m in markers)
    assert '<h2 id="reviewer-notes"' in page
    rules = _rules(STYLE)
    hidden = next(body for sel, body in rules.items() if ".note-marker" in sel)
    assert "display: none" in hidden
    selectors = next(sel for sel in rules if ".note-marker" in sel)
    assert "#reviewer-notes ~ *" in selectors
    links = next(body for sel, body in rules.items() if sel.startswith("a[href]"))
    assert 'content: " (" attr(href) ")"' in links
    link_selector = next(sel for sel in rules if sel.startswith("a[href]"))
    assert ':not([href^="#"])' in link_selector and ":not(.bare)" in link_selector
    # A link whose text is its address is marked, so print does not show it twice.
    assert '<a href="https://brightsignal.example" class="bare">https://brightsignal.example</a>' \
        in page
    assert re.search(r'<a href="https://aws\.amazon\.com/privacy/">Amazon Web Services</a>', page)


def test_a_phone_scrolls_the_wide_table_not_the_page(project: Project, tmp_path: Path) -> None:
    chromium = shutil.which("chromium")
    if chromium is None:
        pytest.skip("chromium is not installed")
    (tmp_path / "policy.html").write_text(_page(project))
    # Headless Chromium's window is at least 500 px wide: a 375 px iframe is the phone.
    (tmp_path / "phone.html").write_text(
        '<!doctype html><body><iframe id="f" src="policy.html" width="375" height="800">'
        '</iframe><pre id="out">not loaded</pre><script>'
        'document.getElementById("f").onload = function () {'
        ' var d = this.contentDocument;'
        ' document.getElementById("out").textContent = [d.documentElement.scrollWidth,'
        ' this.contentWindow.innerWidth].join(" ") + ";" + Array.from('
        ' d.querySelectorAll(".table-scroll"), b => b.scrollWidth + "/" + b.clientWidth)'
        '.join(",") };</script></body>')
    dom = subprocess.run(
        [chromium, "--headless", "--no-sandbox", "--disable-gpu", "--allow-file-access-from-files",
         "--virtual-time-budget=5000", "--window-size=500,1000", "--dump-dom",
         (tmp_path / "phone.html").as_uri()],
        check=True, capture_output=True, timeout=120).stdout.decode()
    found = re.search(r'<pre id="out">(\d+) (\d+);([\d/,]+)</pre>', dom)
    assert found, dom[-500:]
    page_width, viewport = int(found.group(1)), int(found.group(2))
    assert viewport == 375 and page_width <= viewport
    boxes = [tuple(map(int, b.split("/"))) for b in found.group(3).split(",")]
    assert any(inner > box for inner, box in boxes), "the category table scrolls in its box"
    assert all(box <= viewport for _, box in boxes)
