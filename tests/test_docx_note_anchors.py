"""Reviewer notes in Word sit on the node of the parsed policy they are about (the clause, the
section's heading, the title), as the Markdown markers do, never on a paragraph found by its
text: a heading's words can be another heading's too."""

from __future__ import annotations

import zipfile
from dataclasses import replace
from functools import lru_cache
from io import BytesIO

from lxml import etree
from mdit_py_plugins.anchors.index import slugify

from drafter.build import render
from drafter.document.model import Draft, Note, Policy
from drafter.export import FORMATS
from drafter.export.markdown import to_markdown
from drafter.paths import examples
from tests.conftest import real_project

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


@lru_cache(maxsize=1)
def _policy() -> Policy:
    project = real_project()
    return project.draft(project.answers(examples()["kiosk"])).policy


def _retitled(policy: Policy, index: int, title: str) -> Policy:
    sections = list(policy.sections)
    sections[index] = replace(sections[index], title=title, anchor=slugify(title))
    return replace(policy, sections=tuple(sections))


def _commented(policy: Policy, note: Note, markdown: str | None = None) -> list[tuple[str, str]]:
    """(style id, text) of each paragraph the note's comment starts in."""
    data = render(Draft(policy, (note,)), [FORMATS["docx"]], markdown)[".docx"]
    body = etree.fromstring(zipfile.ZipFile(BytesIO(data)).read("word/document.xml"))
    found = []
    for p in body.iter(f"{W}p"):
        if p.find(f"{W}commentRangeStart") is not None:
            style = p.find(f"{W}pPr/{W}pStyle")
            found.append((style.get(f"{W}val") if style is not None else "",
                          "".join(p.itertext())))
    return found


def _note(anchor: str | None) -> Note:
    return Note("R1", "warning", "cookies", "Name the cookies.", "test", anchor=anchor)


def test_a_note_on_the_second_of_two_sections_of_one_title_is_on_the_second() -> None:
    policy = _retitled(_policy(), 6, "Cookies and similar technologies")  # section 5's title
    data = render(Draft(policy, (_note(policy.sections[6].id),)), [FORMATS["docx"]])[".docx"]
    body = etree.fromstring(zipfile.ZipFile(BytesIO(data)).read("word/document.xml"))
    headings = [p for p in body.iter(f"{W}p")
                if "".join(p.itertext()) == "Cookies and similar technologies"]
    assert len(headings) == 2
    assert [h.find(f"{W}commentRangeStart") is not None for h in headings] == [False, True]


def test_a_note_on_a_section_whose_title_a_clause_heading_has_too_is_on_the_section() -> None:
    policy = _policy()
    cookies = policy.sections[5]
    sections = list(policy.sections)
    first = sections[1].clauses[0]
    sections[1] = replace(sections[1], clauses=(replace(first, title=cookies.title),
                                                *sections[1].clauses[1:]))
    policy = replace(policy, sections=tuple(sections))
    assert _commented(policy, _note(cookies.id)) == [("Heading1", cookies.title)]


def test_a_note_on_a_section_counsel_retitled_is_on_its_new_heading() -> None:
    policy = _policy()
    cookies = policy.sections[5]
    markdown = to_markdown(Draft(policy, ())).replace(f"## {cookies.title}\n",
                                                      "## Cookies, pixels and tags\n")
    assert _commented(policy, _note(cookies.id), markdown) == [
        ("Heading1", "Cookies, pixels and tags")]


def test_a_retitled_section_without_its_first_clause_keeps_its_note_on_its_heading() -> None:
    policy = _policy()
    cookies = policy.sections[5]
    first = cookies.clauses[0]
    text = to_markdown(Draft(policy, ())).replace(f"## {cookies.title}\n",
                                                  "## Cookies, pixels and tags\n")
    start = text.index(f"<!-- clause: {first.id} ")
    end = text.index("<!-- clause:", start + 1)
    markdown = text[:start] + text[end:]  # counsel deleted the section's first clause
    assert first.id not in markdown
    assert _commented(policy, _note(cookies.id), markdown) == [
        ("Heading1", "Cookies, pixels and tags")]


def test_notes_on_a_clause_and_the_whole_policy_keep_their_places() -> None:
    policy = _policy()
    overview = policy.sections[5].clauses[0]
    [(style, text)] = _commented(policy, _note(overview.id))
    assert style == "Normal" and text.startswith(overview.markdown.split("*")[0].split(".")[0][:20])
    assert _commented(policy, _note(None)) == [("Title", policy.title)]
