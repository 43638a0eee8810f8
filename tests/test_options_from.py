"""`options_from`: a question's options come from a data file, so a catalog lives in one place."""

from __future__ import annotations

from pathlib import Path

import pytest

from drafter.errors import UserError
from drafter.project import Project
from drafter.questionnaire import load_questionnaire


def _questionnaire(tmp_path: Path, questions: str) -> Path:
    path = tmp_path / "q.yaml"
    path.write_text("title: T\nversion: '1'\nsections:\n  - id: s\n    title: S\n    questions:\n"
                    + questions)
    return path


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "data"
    folder.mkdir()
    (folder / "tools.yaml").write_text(
        "hammer:\n  name: Hammer\n  weight: 2\nsaw: Saw\n")
    (folder / "kinds.yaml").write_text("- {id: metal, name: Metal}\n- {id: wood, name: Wood}\n")
    return folder


def test_mapping_file_gives_options_in_file_order(tmp_path: Path, data_dir: Path) -> None:
    path = _questionnaire(tmp_path, "      - {id: t, prompt: P, type: many, options_from: tools}\n")
    question = load_questionnaire(path, data_dir).entry("s.t").question
    assert question.options == {"hammer": "Hammer", "saw": "Saw"}


def test_list_file_and_record_fields_are_resolved(tmp_path: Path, data_dir: Path) -> None:
    path = _questionnaire(tmp_path, (
        "      - id: r\n        prompt: P\n        type: records\n        fields:\n"
        "          - {id: kind, prompt: K, type: one, options_from: kinds}\n"))
    field = load_questionnaire(path, data_dir).entry("s.r").question.fields[0]  # type: ignore[index]
    assert field.options == {"metal": "Metal", "wood": "Wood"}


def test_answers_outside_the_catalog_are_rejected(tmp_path: Path, data_dir: Path) -> None:
    from drafter.answers import parse_answers

    path = _questionnaire(tmp_path, "      - {id: t, prompt: P, type: many, options_from: tools}\n")
    questionnaire = load_questionnaire(path, data_dir)
    assert parse_answers("s: {t: [saw]}\n", questionnaire, tmp_path / "a.yaml").values == {
        "s.t": ["saw"]}
    with pytest.raises(UserError, match="s.t"):
        parse_answers("s: {t: [drill]}\n", questionnaire, tmp_path / "a.yaml")


@pytest.mark.parametrize(("question", "message"), [
    ("{id: t, prompt: P, type: many, options_from: nails}", "nails.yaml, which is not in"),
    ("{id: t, prompt: P, type: many, options_from: tools, options: {a: A}}", "not both"),
])
def test_bad_references_name_the_question(tmp_path: Path, data_dir: Path, question: str,
                                          message: str) -> None:
    path = _questionnaire(tmp_path, f"      - {question}\n")
    with pytest.raises(UserError, match=message) as caught:
        load_questionnaire(path, data_dir)
    assert caught.value.field == "s.t"


def test_a_malformed_data_file_is_reported_with_its_line(tmp_path: Path, data_dir: Path) -> None:
    (data_dir / "tools.yaml").write_text("hammer: Hammer\nBad Key: Saw\n")
    path = _questionnaire(tmp_path, "      - {id: t, prompt: P, type: many, options_from: tools}\n")
    with pytest.raises(UserError) as caught:
        load_questionnaire(path, data_dir)
    assert caught.value.path == data_dir / "tools.yaml"
    assert caught.value.line == 2


def test_a_subset_of_a_data_file_between_options_of_the_question_s_own(
        tmp_path: Path, data_dir: Path) -> None:
    """`options_from: {data, only, first, last}`: the names stay in one data file, and a
    subset is a list of its ids in another (US states: us_states.yaml, state_residents.yaml)."""
    (data_dir / "wooden.yaml").write_text("# ids of tools.yaml\n- saw\n")
    path = _questionnaire(tmp_path, (
        "      - id: t\n        prompt: P\n        type: many\n"
        "        options_from: {data: tools, first: {all: All of them}, last: {no: None}}\n"
        "      - id: w\n        prompt: P\n        type: many\n"
        "        options_from: {data: tools, only: wooden}\n"))
    questionnaire = load_questionnaire(path, data_dir)
    assert questionnaire.entry("s.t").question.options == {
        "all": "All of them", "hammer": "Hammer", "saw": "Saw", "no": "None"}
    assert questionnaire.entry("s.w").question.options == {"saw": "Saw"}


@pytest.mark.parametrize(("spec", "wooden", "message", "where"), [
    ("{data: tools, only: wooden}", "- saw\n- drill\n", "'drill' is not an id of tools.yaml",
     ("wooden.yaml", 2)),
    ("{data: tools, only: metal}", "- saw\n", "`only` names metal.yaml", ("q.yaml", 10)),
    ("{data: tools, last: {saw: A saw}}", "- saw\n", "repeats an option of tools.yaml",
     ("q.yaml", 10)),
    ("{data: tools, only: wooden}", "saw: Saw\n", "expected a non-empty list of option ids",
     ("wooden.yaml", 1)),
])
def test_a_bad_subset_is_named_with_its_file_and_line(
        tmp_path: Path, data_dir: Path, spec: str, wooden: str, message: str,
        where: tuple[str, int]) -> None:
    (data_dir / "wooden.yaml").write_text(wooden)
    path = _questionnaire(tmp_path, f"      - id: t\n        prompt: P\n        type: many\n"
                                    f"        options_from: {spec}\n")
    with pytest.raises(UserError, match=message) as caught:
        load_questionnaire(path, data_dir)
    assert (caught.value.path.name, caught.value.line) == where  # type: ignore[union-attr]
    assert caught.value.field == "s.t"


def test_the_us_states_are_named_once_in_the_library(project: Project) -> None:
    """The states the questionnaire offers are us_states.yaml's, by their names there: no
    state's name is written in the questionnaire itself."""
    from drafter.paths import default_library

    states = project.library.data["us_states"]
    offered = project.questionnaire.entry("audience.us_states").question.options or {}
    assert {k: v for k, v in offered.items() if k in states} == states
    residents = project.questionnaire.entry("audience.residents_100k").question.options or {}
    assert set(residents) - {"none"} <= set(states) and len(residents) > 10
    text = (default_library().parent / "questionnaires" / "privacy-policy.yaml").read_text()
    assert [name for name in states.values() if f": {name}\n" in text] == []


def test_an_edited_catalog_revalidates_cached_answers(tmp_path: Path, data_dir: Path) -> None:
    """Answers are kept in the parse cache under the questionnaire's stamp, made from the texts
    it is built of: a catalog that drops an option must change it, so the answer using that
    option is checked again, not read back as valid. An unchanged catalog keeps it."""
    from drafter.answers import load_answers

    path = _questionnaire(tmp_path, "      - {id: t, prompt: P, type: many, options_from: tools}\n")
    answers = tmp_path / "a.yaml"
    answers.write_text("s: {t: [saw]}\n")
    before = load_questionnaire(path, data_dir)
    assert load_answers(answers, before).values == {"s.t": ["saw"]}
    assert load_questionnaire(path, data_dir).stamp == before.stamp
    (data_dir / "tools.yaml").write_text("hammer: Hammer\n")
    after = load_questionnaire(path, data_dir)
    assert after.stamp != before.stamp
    with pytest.raises(UserError, match="s.t"):
        load_answers(answers, after)


def test_offer_narrows_what_is_offered_not_what_is_valid(tmp_path: Path, data_dir: Path) -> None:
    """`offer`: the data options offered, one of them only while its `when` holds; one not
    listed is never offered, yet an answer holding it stays valid (kept, with a warning)."""
    from drafter.answers import parse_answers

    path = _questionnaire(tmp_path, (
        "      - {id: a, prompt: A, type: bool}\n"
        "      - id: t\n        prompt: P\n        type: many\n"
        "        options_from: {data: tools, offer: [{saw: s.a}], last: {none: None}}\n"))
    questionnaire = load_questionnaire(path, data_dir)
    assert questionnaire.entry("s.t").question.option_when == {"hammer": "false", "saw": "s.a"}
    answers = parse_answers("s: {a: false, t: [hammer]}\n", questionnaire, tmp_path / "a.yaml")
    assert answers.hidden_options == {"s.t": frozenset({"hammer", "saw"})}
    assert answers.unoffered() == {"s.t": ["hammer"]}
    with_a = parse_answers("s: {a: true}\n", questionnaire, tmp_path / "a.yaml")
    assert with_a.hidden_options == {"s.t": frozenset({"hammer"})}
    path.write_text(path.read_text().replace("offer: [{saw: s.a}]", "offer: [drill]"))
    with pytest.raises(UserError) as raised:
        load_questionnaire(path, data_dir)
    assert "`offer` item 'drill'" in raised.value.message and raised.value.field == "s.t"


@pytest.mark.parametrize(("earlier", "within", "message"), [
    ("      - {id: w, prompt: W, type: many, options: {all: All, saw: Saw}}\n",
     "{answer: s.v, all: all}", "`within` names 's.v', which is not a many-of question"),
    ("      - {id: w, prompt: W, type: one, options: {all: All, saw: Saw}}\n",
     "{answer: s.w, all: all}", "`within` names 's.w', which is not a many-of question"),
    ("", "{answer: s.w, all: all}", "`within` names 's.w'"),  # asked after, not before
    ("      - {id: w, prompt: W, type: many, options: {every: All, saw: Saw}}\n",
     "{answer: s.w, all: all}", "`within`'s `all` is 'all', which is not an option of s.w"),
])
def test_within_names_an_earlier_many_of_question_and_one_of_its_options(
        tmp_path: Path, data_dir: Path, earlier: str, within: str, message: str) -> None:
    """A `within` written wrong is found where it is written (the trial-16 residents bands
    narrow by `audience.us_states`): not later as a condition naming an unknown answer, or
    never, when `all` is no option and the narrowing silently never opens."""
    later = "" if earlier else "      - {id: w, prompt: W, type: many, options: {all: All}}\n"
    path = _questionnaire(tmp_path, earlier + (
        "      - id: t\n        prompt: P\n        type: many\n"
        f"        options_from: {{data: tools, within: {within}}}\n") + later)
    with pytest.raises(UserError, match=message) as caught:
        load_questionnaire(path, data_dir)
    assert (caught.value.path.name, caught.value.line, caught.value.field) == (  # type: ignore[union-attr]
        "q.yaml", 11 if earlier else 10, "s.t")  # the `options_from` line


def test_within_offers_only_the_options_an_earlier_answer_names(tmp_path: Path,
                                                                data_dir: Path) -> None:
    from drafter.answers import parse_answers

    path = _questionnaire(tmp_path, (
        "      - {id: w, prompt: W, type: many, options: {all: All, saw: Saw, hammer: H}}\n"
        "      - id: t\n        prompt: P\n        type: many\n"
        "        options_from: {data: tools, within: {answer: s.w, all: all}}\n"))
    questionnaire = load_questionnaire(path, data_dir)
    saw = parse_answers("s: {w: [saw]}\n", questionnaire, tmp_path / "a.yaml")
    assert saw.hidden_options == {"s.t": frozenset({"hammer"})}
    every = parse_answers("s: {w: [all]}\n", questionnaire, tmp_path / "a.yaml")
    assert every.hidden_options == {}
