"""Issue 15: a suggestion (a question's `default:`, shown by the app as "Suggested answer")
never contradicts an answer the owner already gave. A trial's kiosk operator ticked "Photos,
video or voice recordings" and was then offered "No" for "Do your kiosks have cameras…?", and
"No" for "Do you hold information about job applicants or your own staff?" with 35 staff, against
that question's own help. A question's `default_when` (data, an expression over earlier answers)
withdraws the suggestion where an earlier answer tells against it; the question still needs the
owner's answer.

Over the whole questionnaire: for every example business and every question it is shown with a
suggestion, taking that suggestion on the example's earlier answers must raise no reviewer check
on answers (clauses/answer-checks.yaml) that the example's own answer does not: the library's
own checks are what says which answers contradict each other."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from drafter.answers import Answers, load_answers, missing_error
from drafter.assemble import template_context
from drafter.paths import default_library, examples
from drafter.project import Project
from drafter.review.rules import condition_names, load_review_rules, usable_answer_checks
from drafter.templating import compile_condition

# Earlier answers that tell against a suggestion which no answer check reads (the check
# `answers.feature-data-not-collected` reads the other way: a feature without its kind of
# information), as conditions: where one holds, the question must suggest nothing.
AGAINST = {
    "kiosks.cameras": "'photos_audio' in collection.categories",
    "kiosks.id_scans": "'government_id' in collection.categories",
    "children.audio": "'photos_audio' in collection.categories",
    "collection.profile_pictures": "'photos_audio' in collection.categories",
    # its help: "Almost every business with staff does"
    "collection.staff": "audience.employees > 1",
}


def _law_keys(project: Project) -> dict[str, frozenset[str]]:
    """Each `law.NAME` → the answer keys it reads, through the laws it reads."""
    direct = {f"law.{d.name}": set(d.names()) for d in project.library.laws}
    out: dict[str, frozenset[str]] = {}

    def keys(name: str, seen: frozenset[str] = frozenset()) -> frozenset[str]:
        if name not in out:
            found: set[str] = set()
            for n in direct.get(name, ()):
                found |= keys(n, seen | {name}) if n.startswith("law.") and n not in seen \
                    else ({n} if not n.startswith("law.") else set())
            out[name] = frozenset(found)
        return out[name]

    for name in direct:
        keys(name)
    return out


def test_every_suggestion_agrees_with_the_answers_before_it(project: Project) -> None:
    q, library = project.questionnaire, project.library
    checks = usable_answer_checks(load_review_rules(default_library()),
                                  condition_names(q, library))
    laws = _law_keys(project)
    reads = {c.check.id: frozenset(k for n in c.names
                                   for k in (laws.get(n, ()) if n.startswith("law.") else (n,)))
             for c in checks}
    order = [entry.key for entry in q]
    position = {key: i for i, key in enumerate(order)}

    def fired(values: dict[str, Any], upto: int) -> set[str]:
        context = template_context(Answers(q, values), library)
        return {c.check.id for c in checks
                if all(position.get(k, -1) <= upto for k in reads[c.check.id])
                and c.condition.holds(context)
                and (c.items is None or list(c.items.value(context) or []))}

    compiled = {key: compile_condition(expr) for key, expr in AGAINST.items()}
    found: list[tuple[str, str, Any, object]] = []
    suggesting = [i for i, key in enumerate(order) if q.entry(key).question.default is not None]
    for name, path in examples().items():
        given = load_answers(path, q).values
        shown = set(Answers(q, given).shown())  # a question's `when` reads earlier answers only
        for i in suggesting:
            key = order[i]
            if key not in shown:
                continue
            earlier = Answers(q, {k: v for k, v in given.items() if position.get(k, -1) < i})
            suggested = earlier.suggestion(key)
            if key in compiled and compiled[key].holds(earlier.context()):
                if suggested is not None:
                    found.append((name, key, suggested, AGAINST[key]))
                continue
            own = given.get(key)
            if suggested is None or suggested == own:
                continue
            mine = {**earlier.values, **({key: own} if own is not None else {})}
            new = fired({**earlier.values, key: suggested}, i) - fired(mine, i)
            if new:
                found.append((name, key, suggested, sorted(new)))
    assert found == []


def _kiosk(project: Project, tmp_path: Path, **changes: Any) -> Answers:
    """The kiosk example as far as the trial's owner had got: collection answered, the kiosk
    pages not yet."""
    text = examples()["kiosk"].read_text()
    path = tmp_path / "kiosk.yaml"
    path.write_text(text)
    answers = load_answers(path, project.questionnaire)
    keep = {k: v for k, v in answers.values.items() if not k.startswith("kiosks.")}
    return Answers(project.questionnaire, {**keep, **changes}, path, suggestions=True)


def test_the_trial_gets_no_contradicting_suggestion(project: Project, tmp_path: Path) -> None:
    answers = _kiosk(project, tmp_path, **{"audience.employees": 35})
    assert "photos_audio" in answers.values["collection.categories"]
    assert answers.suggestion("kiosks.cameras") is None
    assert answers.suggestion("collection.staff") is None
    # the question still needs the owner's answer, and the error says so without a suggestion
    plain = Answers(project.questionnaire, {k: v for k, v in answers.values.items()
                                            if k != "collection.staff"}, answers.path)
    assert "collection.staff" in plain.missing()
    error = str(missing_error(plain, ["collection.staff"], {}, answers.path))
    assert "suggested" not in error and "job applicants" in error
    # where nothing tells against it, the suggestion stands
    alone = _kiosk(project, tmp_path, **{"audience.employees": 1,
                                         "collection.categories": ["contact", "payment"]})
    assert alone.suggestion("kiosks.cameras") is False
    assert alone.suggestion("collection.staff") is False


@pytest.mark.parametrize(("spec", "error"), [
    ("type: bool, default: false, default_when: 'unknown.question'", "not an earlier question"),
    ("type: bool, default: false, default_when: 'a.b'", "not an earlier question"),
    ("type: bool, default_when: 'true'", "needs a `default`"),
    ("type: text, default: x, default_when: 'true'", "not `text`"),
    ("type: bool, suggest: [{when: 'true', answer: true}]", "`suggest` needs a `default`"),
    ("type: text, default: x, suggest: [{when: 'true', answer: y}]", "not `text`"),
    ("type: bool, default: false, suggest: [{when: 'a.b', answer: true}]",
     "not an earlier question"),
    ("type: bool, default: false, suggest: [{when: 'true', answer: maybe}]",
     "`suggest` is not a valid answer"),
    ("type: one, options: {x: X, y: {label: Y, when: 'false'}}, default: x, "
     "suggest: [{when: 'true', answer: y}]", "offered only under its `when`"),
])
def test_a_bad_default_when_is_one_line_naming_the_question(tmp_path: Path, spec: str,
                                                             error: str) -> None:
    from drafter.errors import UserError
    from drafter.questionnaire import load_questionnaire

    path = tmp_path / "q.yaml"
    path.write_text("title: T\nversion: '1'\nsections:\n  - id: a\n    title: A\n"
                    f"    questions:\n      - {{id: b, prompt: B?, {spec}}}\n")
    with pytest.raises(UserError, match=error) as raised:
        load_questionnaire(path)
    assert "a.b" in str(raised.value) and "q.yaml" in str(raised.value)


def test_the_app_session_suggests_nothing_against_an_earlier_answer(project: Project,
                                                                      tmp_path: Path) -> None:
    """The app's form: no "Suggested answer" under the cameras question, nothing for Enter to
    confirm, and the progress counts it to answer, not to confirm; ticking "Photos, video or
    voice recordings" away brings the suggestion back."""
    from drafter.editing import Session
    from drafter.standing import standing
    from drafter.yamlio import parse_yaml

    path = tmp_path / "kiosk.yaml"
    text = examples()["kiosk"].read_text()
    path.write_text("\n".join(line for line in text.splitlines()
                              if not line.strip().startswith("cameras:")) + "\n")
    assert "photos_audio" in parse_yaml(path.read_text(), path)["collection"]["categories"]
    session = Session.open(project, path)
    assert "kiosks.cameras" in session.visible()
    assert not session.suggested("kiosks.cameras") and session.value("kiosks.cameras") is None
    assert not session.confirm("kiosks.cameras")
    before = standing(session)
    categories = [c for c in session.valid["collection.categories"] if c != "photos_audio"]
    session.set("collection.categories", categories)
    assert session.suggested("kiosks.cameras") and session.value("kiosks.cameras") is False
    after = standing(session)
    assert (after.suggested, after.unanswered) == (before.suggested + 1, before.unanswered - 1)


def test_the_consent_suggestion_names_every_sensitive_kind(project: Project) -> None:
    """`data_practices.sensitive_consent` suggests "No" only where no sensitive kind of
    information is collected; a questionnaire condition cannot read `data.categories`, so its
    `default_when` lists them: the list must be the data's."""
    from drafter.yamlio import load_data

    entry = project.questionnaire.entry("data_practices.sensitive_consent")
    listed = set(re.findall(r"'([a-z_]+)'", (entry.question.default_when or "").split('[')[-1]))
    data = load_data(default_library() / "data" / "categories.yaml").data
    rows = data.items() if isinstance(data, dict) else [(r["id"], r) for r in data]
    assert listed == {key for key, row in rows if isinstance(row, dict) and row.get("sensitive")}


def test_a_suggest_that_cannot_be_worked_out_names_its_line(tmp_path: Path) -> None:
    """A `suggest` entry's `when` that fails on the answers is one line naming the file, the
    line of that `when` and the question, as a `default_when` is."""
    from drafter.errors import UserError
    from drafter.questionnaire import load_questionnaire

    path = tmp_path / "q.yaml"
    path.write_text("title: T\nversion: '1'\nsections:\n  - id: a\n    title: A\n"
                    "    questions:\n      - {id: x, prompt: X?, type: number}\n"
                    "      - id: b\n        prompt: B?\n        type: bool\n"
                    "        default: false\n        suggest:\n"
                    "          - when: 'a.x > 3'\n            answer: true\n")
    q = load_questionnaire(path)
    assert Answers(q, {"a.x": 5}, suggestions=True).suggestion("a.b") is True
    assert Answers(q, {"a.x": 1}, suggestions=True).suggestion("a.b") is False
    with pytest.raises(UserError) as raised:
        Answers(q, {}, suggestions=True).suggestion("a.b")
    assert str(raised.value).startswith(f"{path}:13: a.b: `when: a.x > 3`"), str(raised.value)
