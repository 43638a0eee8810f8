"""`drafter publish --site DIR`: the published versions as a static site (drafter/site.py).

Two versions are published (1 November, then 1 December with one retention period changed);
the site is checked link by link on disk, then opened in headless Chromium from the file
system, following the links between the current policy, the archive, an old version and what
changed."""

from __future__ import annotations

import os
import re
import shutil
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from ruamel.yaml import YAML

from drafter.cli import main
from drafter.paths import examples

COUNSEL_NOTE = "<!-- comment (A. Lawyer): between us, check the kiosk cameras -->"
# the kiosk serves people in Spanish too: its Spanish version is published with the English,
# and its pages are under es/
PAGES_EN = ["changes.html", "index.html", "versions/2026-11-01.html", "versions/2026-12-01.html",
            "versions/index.html"]
PAGES_ES = [f"es/{page}" for page in PAGES_EN]
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
BROWSER_ARGS = ["--no-sandbox", "--disable-background-networking", "--disable-gpu"]


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    work = tmp_path_factory.mktemp("site")
    answers = work / "answers.yaml"
    answers.write_text(examples()["kiosk"].read_text())  # effective 1 November 2026
    out = str(work / "output")
    assert main(["publish", str(answers), "-o", out, "--date", "2026-11-01",
                 "--format", "md"]) == 0
    text = answers.read_text()
    assert "how_long: 3 years" in text
    answers.write_text(text.replace("how_long: 3 years", "how_long: 18 months"))
    policy = next((work / "output").glob("*/privacy-policy.md"))
    policy.write_text(policy.read_text().replace(  # a Word comment that absorb brought back
        "\n## Who we share", f"\n{COUNSEL_NOTE}\n\n## Who we share", 1))
    assert main(["publish", str(answers), "-o", out, "--date", "2026-12-01", "--format", "md",
                 "--site", str(work / "site")]) == 0
    return work / "site"


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.hrefs: list[str] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if tag == "a" and found.get("href"):
            self.hrefs.append(str(found["href"]))
        if found.get("id"):
            self.ids.add(str(found["id"]))


def _read(path: Path) -> _Links:
    links = _Links()
    links.feed(path.read_text())
    return links


def test_the_site_has_the_current_policy_each_version_and_what_changed(site: Path) -> None:
    pages = sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html"))
    assert pages == sorted([*PAGES_ES, *PAGES_EN])
    index = (site / "index.html").read_text()
    assert "18 months" in index and "Effective date: December 1, 2026" in index
    old = (site / "versions" / "2026-11-01.html").read_text()
    assert "3 years" in old and "replaced on December 1, 2026" in old
    changes = (site / "changes.html").read_text()
    assert "<del>Kiosk support tickets — 3 years</del>" in changes
    assert "<ins>Kiosk support tickets — 18 months</ins>" in changes
    assert changes.count("<h3>") == 1  # only the retention section changed (the date is no change)
    published = next(site.parent.glob("output/*/history/2026-12-01/privacy-policy.md"))
    assert COUNSEL_NOTE in published.read_text()
    for page in [*site.rglob("*.html"), *site.rglob("*.md")]:  # the public copy: no reviewer
        text = page.read_text()  # markers or notes, nor counsel's comments, even in its source
        assert not re.search(r"\[R\d+\]|Reviewer notes|A\. Lawyer", text), page


def test_the_spanish_pages_are_in_spanish_and_linked_with_the_english(site: Path) -> None:
    index = (site / "es" / "index.html").read_text()
    assert '<html lang="es">' in index
    assert "Fecha de entrada en vigor: 1 de diciembre de 2026" in index
    assert '<a href="versions/index.html">Todas las versiones</a>' in index
    assert '<a href="../index.html">English</a>' in index
    assert '<link rel="alternate" hreflang="en" href="../index.html">' in index
    english = (site / "index.html").read_text()
    assert '<a href="es/index.html">Español</a>' in english
    assert '<link rel="alternate" hreflang="es" href="es/index.html">' in english
    old = (site / "es" / "versions" / "2026-11-01.html").read_text()
    assert "Esta versión entró en vigor el 1 de noviembre de 2026 y fue sustituida el 1 de " \
           "diciembre de 2026." in old
    changes = (site / "es" / "changes.html").read_text()
    assert "<h2 id=\"v-2026-12-01\">1 de diciembre de 2026</h2>" in changes
    assert "<li>Se eliminó: <del>" in changes and "3 years</del>" in changes
    assert "<li>Se añadió: <ins>" in changes and "18 months</ins>" in changes
    assert "<h3>Sección modificada: <a" in changes
    for page in (site / "es").rglob("*.html"):
        text = page.read_text()
        for english_words in ("All versions", "What changed", "Current policy", "Removed:",
                              "took effect"):
            assert english_words not in text, (page, english_words)
    markdown = (site / "markdown" / "es" / "index.md").read_text()
    assert "title: Política de privacidad — " in markdown


def test_every_link_is_relative_and_reaches_its_page_and_anchor(site: Path) -> None:
    for page in site.rglob("*.html"):
        for href in _read(page).hrefs:
            parts = urlsplit(href)
            if parts.scheme in ("mailto", "tel", "https"):  # the policy's own contact links
                continue
            assert not parts.scheme and not parts.netloc and not href.startswith("/"), href
            target = (page.parent / parts.path).resolve() if parts.path else page
            assert target.is_file(), (page, href)
            if parts.fragment:
                assert unquote(parts.fragment) in _read(target).ids, (page, href)


def test_the_markdown_pages_have_front_matter_and_relative_md_links(site: Path) -> None:
    pages = sorted(p.relative_to(site / "markdown").as_posix()
                   for p in (site / "markdown").rglob("*.md"))
    assert pages == sorted(p.replace(".html", ".md") for p in (*PAGES_ES, *PAGES_EN))
    for page in (site / "markdown").rglob("*.md"):
        _, front, body = page.read_text().split("---\n", 2)
        meta = YAML(typ="safe").load(front)
        assert set(meta) == {"title", "date"} and str(meta["date"]).startswith("2026-1")
        for target in re.findall(r"\]\(([^)#]+\.md)(?:#[^)]*)?\)", body):
            assert (page.parent / target).is_file(), (page, target)
        assert "[R1]" not in body and "<!-- clause:" not in body


def test_nothing_published_means_no_site(tmp_path: Path) -> None:
    from drafter.errors import UserError
    from drafter.site import write_site

    with pytest.raises(UserError, match="nothing published yet"):
        write_site(tmp_path, tmp_path / "site")


@pytest.mark.skipif(not Path(CHROMIUM).exists() and os.environ.get("CI") != "true",
                    reason="needs chromium (.ci/run installs it)")
def test_chromium_follows_the_links_between_versions(site: Path) -> None:
    playwright = pytest.importorskip("playwright.sync_api")
    with playwright.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=BROWSER_ARGS)
        try:
            page = browser.new_page()
            page.goto((site / "index.html").as_uri())
            assert page.locator("h1").first.inner_text() == "Privacy Policy"
            page.click("nav.site >> text=All versions")
            assert page.url.endswith("/versions/index.html")
            page.click("text=November 1, 2026")
            assert page.url.endswith("/versions/2026-11-01.html")
            assert "3 years" in page.inner_text("main")
            page.click("text=Read the current policy")
            assert page.url.endswith("/index.html") and "/versions/" not in page.url
            page.click("nav.site >> text=What changed")
            assert page.url.endswith("/changes.html")
            page.click("h3 >> text=How long we keep information")
            assert page.url.endswith("/versions/2026-12-01.html#how-long-we-keep-information")
            assert page.locator("#how-long-we-keep-information").is_visible()
            assert "18 months" in page.inner_text("main")
            page.go_back()
            page.click("text=The version before")
            assert page.url.endswith("/versions/2026-11-01.html")
        finally:
            browser.close()
