"""Issue 16 audit: GDPR Art. 26 joint control reaches social plug-ins (CJEU C-40/17
Fashion ID), not only ad pixels: a business under the GDPR or UK GDPR with social media
buttons or embedded posts says what the joint control covers, in every language."""

from __future__ import annotations

from typing import Any

from drafter.answers import Answers
from drafter.assemble import template_context
from drafter.document.model import Draft
from drafter.paths import examples
from tests.conftest import real_project as project

REQUIREMENT = "gdpr.joint-controllers-pixels"


def answers(example: str, **changes: Any) -> Answers:
    base = project().answers(examples()[example])
    return Answers(project().questionnaire, {**base.values, **changes})


def draft(example: str, **changes: Any) -> Draft:
    return project().draft(answers(example, **changes))


def applies(example: str, **changes: Any) -> bool:
    entry = project().library.requirements[REQUIREMENT]
    return entry.applies.holds(template_context(answers(example, **changes), project().library))


def text(d: Draft, clause: str) -> str:
    return next((c.markdown for c in d.policy.clauses() if c.id == clause), "")


def test_social_plugins_alone_bring_joint_control_under_the_gdpr_and_uk_gdpr() -> None:
    for regions in (["eu"], ["uk"]):
        changes = {"cookies.social_plugins": True, "cookies.advertising": False,
                   "audience.regions": regions}
        assert applies("eu-studio", **changes)
        d = draft("eu-studio", **changes)
        said = text(d, "cookies.social-plugins-joint")
        assert "joint controllers" in said and "collected at the button" in said
        assert REQUIREMENT in d.policy.satisfied()
        assert REQUIREMENT not in {n.requirement for n in d.notes}


def test_no_plugins_or_no_gdpr_says_nothing_of_joint_control() -> None:
    quiet = {"cookies.social_plugins": False, "cookies.advertising": False}
    assert not applies("eu-studio", **quiet)
    assert text(draft("eu-studio", **quiet), "cookies.social-plugins-joint") == ""
    us_only = draft("marketplace")  # social plug-ins, but users only in the US and Canada
    assert text(us_only, "cookies.social-plugins") and not applies("marketplace")
    assert text(us_only, "cookies.social-plugins-joint") == ""


def test_the_clause_is_translated() -> None:
    library = project().library
    clause = next(c for c in library.clauses if c.meta.id == "cookies.social-plugins-joint")
    folder = clause.path.parent
    for lang in ("es", "fr-CA"):
        assert (folder / f"social-plugins-joint.{lang}.md.j2").read_text().strip()
