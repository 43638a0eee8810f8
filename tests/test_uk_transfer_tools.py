"""The UK's transfer tools are named once: in the sentence for information from the UK, not
also in the list of safeguards above it, and never as "the UK tools above" (a sentence that
added nothing after a list that already named them, in five examples)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from drafter.build import render
from drafter.export import formats
from drafter.paths import examples
from tests.conftest import real_project as project

UK_TOOLS = re.compile(r"UK Addendum|International Data Transfer Agreement|UK Extension")


def markdown(path: Path) -> str:
    answers = project().answers(path)
    [data] = render(project().draft(answers), formats("md")).values()
    return data.decode()


def transfers(text: str) -> str:
    """From the transfers clause to the next clause after the UK one."""
    start = text.index("<!-- clause: eu-uk.transfers ")
    uk = text.index("<!-- clause: eu-uk.uk-transfers ")
    after = text.find("<!-- clause:", uk + 1)
    return text[start:after if after > 0 else None]


@pytest.mark.parametrize("name", ["chat-saas", "email-platform", "eu-studio", "uk-bakery",
                                  "vermont-kids"])
def test_each_uk_tool_is_named_once_and_nothing_points_back(name: str) -> None:
    text = markdown(examples()[name])
    assert "UK tools above" not in text
    part = transfers(text)
    named = UK_TOOLS.findall(part)
    assert named and len(named) == len(set(named)), named
    uk_sentence = part[part.index("<!-- clause: eu-uk.uk-transfers "):]
    assert all(tool in uk_sentence for tool in named)


def test_adequacy_alone_names_the_uk_governments_findings(tmp_path: Path) -> None:
    source = examples()["uk-bakery"].read_text()
    assert "transfer_tools: [idta]" in source
    answers = tmp_path / "answers.yaml"
    answers.write_text(source.replace("transfer_tools: [idta]", "transfer_tools: [adequacy]"))
    part = transfers(markdown(answers))
    assert "We send information from the UK only to countries that the UK government has "\
        "approved. It has found that their laws protect it adequately." in part
    assert "International Data Transfer Agreement" not in part
