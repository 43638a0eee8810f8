"""The sandbox's quick path for answers (templating._Sandbox) reads exactly what Jinja's own
sandbox reads, and refuses what it refuses."""

from __future__ import annotations

import pytest
from jinja2 import StrictUndefined
from jinja2.sandbox import SandboxedEnvironment

from drafter.templating import AnswerGroup, environment

CONTEXT = {"business": AnswerGroup(name="Kiosk Co", kinds=["kiosks"],
                                   contact=AnswerGroup(email="a@b.example"))}
TEMPLATES = ["{{ business.name }}", "{{ business.kinds | join(',') }}",
             "{{ business.contact.email }}", "{{ 'kiosks' in business.kinds }}",
             "{{ business.missing is defined }}", "{{ business['name'] }}"]
REFUSED = ["{{ business.__class__ }}", "{{ business.__dict__ }}", "{{ business._x }}",
           "{{ business.contact.__init__ }}", "{{ business.missing }}"]


def jinja() -> SandboxedEnvironment:
    return SandboxedEnvironment(undefined=StrictUndefined)


@pytest.mark.parametrize("source", TEMPLATES)
def test_answers_read_as_jinja_reads_them(source: str) -> None:
    ours = environment().from_string(source).render(CONTEXT)
    assert ours == jinja().from_string(source).render(CONTEXT)


@pytest.mark.parametrize("source", REFUSED)
def test_what_jinja_refuses_is_refused(source: str) -> None:
    with pytest.raises(Exception) as theirs:
        jinja().from_string(source).render(CONTEXT)
    with pytest.raises(type(theirs.value)):
        environment().from_string(source).render(CONTEXT)
