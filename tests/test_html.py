"""The HTML page is standalone, semantic and its table of contents links resolve."""

from __future__ import annotations

import re
from html.parser import HTMLParser

from drafter.build import render
from drafter.project import Project
from drafter.export import formats
from drafter.paths import examples


class _Collect(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.ids: set[str] = set()
        self.links: list[str] = []
        self.sources: list[str] = []
        self.headings: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        if attributes.get("id"):
            self.ids.add(str(attributes["id"]))
        if tag == "a" and attributes.get("href"):
            self.links.append(str(attributes["href"]))
        if tag in ("script", "img", "link", "iframe") or "src" in attributes:
            self.sources.append(tag)
        if re.fullmatch(r"h[1-6]", tag):
            self.headings.append(tag)


def test_html_page(project: Project) -> None:
    draft = project.draft(project.answers(examples()["kiosk"]))
    page = render(draft, formats("html"))[".html"].decode()
    assert page.startswith("<!doctype html>\n<html lang=\"en\">")
    parsed = _Collect()
    parsed.feed(page)
    anchors = [link[1:] for link in parsed.links if link.startswith("#")]
    assert len(anchors) == len(draft.policy.sections)
    assert set(anchors) <= parsed.ids, "every contents link has its heading"
    assert parsed.sources == [], "no scripts, images, fonts or stylesheets from anywhere"
    assert parsed.headings[0] == "h1" and parsed.headings.count("h1") == 1
    assert "@media print" in page
    assert "<title>Privacy Policy — Parcel Point Kiosks, Inc.</title>" in page
