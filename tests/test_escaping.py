"""Owner text is data: Jinja syntax, HTML and Markdown in answers appear literally everywhere."""

from __future__ import annotations

import html
import json
from pathlib import Path

import pytest

from drafter.answers import parse_answers
from drafter.build import render
from drafter.project import Project
from drafter.export import formats
from tests.conftest import MINI

HOSTILE = [
    "{{ 7*7 }}",
    "{% raw %}",
    "<script>alert(1)</script>",
    "**bold** [x](y)",
    "Café & Co. _under_ `code` # not a heading | pipe ~strike~ &copy;",
]


@pytest.mark.parametrize("name", HOSTILE)
def test_business_name_appears_literally(mini: Project, name: str) -> None:
    text = (MINI / "answers.yaml").read_text().replace("name: Mini Shop LLC",
                                                       f"name: {json.dumps(name)}")
    answers = parse_answers(text, mini.questionnaire, MINI / "answers.yaml")
    assert answers.values["business.name"] == name
    files = render(mini.draft(answers), formats("md,html,txt"))
    txt = files[".txt"].decode()
    page = files[".html"].decode()
    assert txt.count(name) >= 2, "title block and clause both show the name as typed"
    assert page.count(html.escape(name, quote=False)) >= 2
    assert "<script>" not in page and "<strong>bold</strong>" not in page
    assert "49" not in txt and "<em>under</em>" not in page and "©" not in txt


def test_line_start_markup_in_long_text_stays_text(mini: Project, tmp_path: Path) -> None:
    from drafter.templating import escape_markdown
    from drafter.export.text import markdown_to_text

    typed = "- not a list\n1. not numbered\n===\n> not a quote\n+1 415 555 0100"
    assert markdown_to_text(escape_markdown(typed)).strip() == " ".join(typed.split("\n"))
