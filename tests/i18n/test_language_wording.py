"""What the Spanish and French drafts say reads as a native reader expects: states by their
names in the language, "e"/"u" for the Spanish "y"/"o" before the same sound, numbers in the
gender of their noun."""

from __future__ import annotations

import shutil
from dataclasses import replace
from pathlib import Path

import pytest

from drafter.assemble import assemble
from drafter.i18n.catalog import catalog
from drafter.paths import default_library, examples
from drafter.project import Project
from drafter.i18n.locale_text import in_locale, join_and
from drafter.templating import compile_template, with_conjunction

BANDS = {f"audience.residents_{b}": ["none"] for b in ("35k", "25k")}


def _text(project: Project, lang: str, **values: object) -> str:
    """texas-small's `lang` policy with `values` changed, as one text."""
    answers = project.answers(examples()["texas-small"])
    answers = replace(answers, values={**answers.values, **values})
    policy = assemble(answers, project.library, lang)
    return "\n".join(c.markdown for s in policy.sections for c in s.clauses)


def _list_rights(project: Project, lang: str, *states: str) -> str:
    return _text(project, lang, **{"audience.us_states": ["nationwide"], "audience.people": 10**6,
                                   "audience.small_business": "no", **BANDS,
                                   "audience.residents_100k": list(states)})


# ---- state names ---------------------------------------------------------------------------

def test_states_are_named_in_the_policys_language(project: Project) -> None:
    assert "Si vive en Oregón o Minnesota, puede pedirnos" in \
        _list_rights(project, "es", "oregon", "minnesota")
    assert "If you live in Oregon or Minnesota, you can ask" in \
        _list_rights(project, "en", "oregon", "minnesota")
    french = _list_rights(project, "fr-CA", "oregon", "minnesota", "maryland")
    assert "Si vous habitez l’un de ces États : Oregon et Minnesota, vous pouvez" in french
    assert "Si vous habitez l’État suivant : Maryland, vous pouvez" in french


@pytest.mark.parametrize("lang", ["", ".es", ".fr-CA"])
def test_every_state_the_answers_or_laws_name_has_a_name_in_every_language(
        project: Project, lang: str) -> None:
    names = catalog(project.library).data_for(lang.lstrip("."), project.library.data)[
        "us_states"] if lang else project.library.data["us_states"]
    options = project.questionnaire.entry("audience.us_states").question.options
    states = set(options) - {"nationwide", "elsewhere"}
    assert set(names) == states
    assert {d.statute.state for d in project.library.laws if d.statute is not None} <= states


def test_known_names_in_spanish_and_french(project: Project) -> None:
    found = catalog(project.library)
    es = found.data_for("es", project.library.data)["us_states"]
    fr = found.data_for("fr-CA", project.library.data)["us_states"]
    assert (es["new_york"], es["north_carolina"], es["new_mexico"]) == \
        ("Nueva York", "Carolina del Norte", "Nuevo México")
    assert (fr["pennsylvania"], fr["north_carolina"], fr["new_mexico"]) == \
        ("Pennsylvanie", "Caroline du Nord", "Nouveau-Mexique")


# ---- Spanish "y"/"o" before the same sound ------------------------------------------------

@pytest.mark.parametrize(("items", "conjunction", "joined"), [
    (["Oregón", "Illinois"], "and", "Oregón e Illinois"),
    (["padres", "madres", "hijos"], "and", "padres, madres e hijos"),
    (["Oregón", "Indiana"], "y", "Oregón e Indiana"),
    (["agua", "hielo"], "and", "agua y hielo"),  # a diphthong: the sound is /y/
    (["cobre", "hierro"], "and", "cobre y hierro"),
    (["Utah", "Iowa"], "and", "Utah y Iowa"),
    (["siete", "ocho"], "or", "siete u ocho"),
    (["mujeres", "hombres"], "or", "mujeres u hombres"),
    (["correo", "teléfono"], "or", "correo o teléfono"),
    (["a", "Illinois"], "y mediante", "a y mediante Illinois"),  # not the word before it
])
def test_spanish_conjunctions_take_the_form_of_the_next_sound(
        items: list[str], conjunction: str, joined: str) -> None:
    with in_locale("es"):
        assert join_and(items, conjunction) == joined
    with in_locale("fr_CA"):
        assert join_and(["Oregon", "Illinois"]) == "Oregon et Illinois"
    assert join_and(["Oregon", "Illinois"]) == "Oregon and Illinois"


def test_a_template_writes_the_conjunction_before_an_answer_with_its_filter() -> None:
    template = compile_template('Oregón {{ x | with_conjunction("y") }}')
    with in_locale("es"):
        assert template.render(x="Idaho") == "Oregón e Idaho"
        assert template.render(x="Texas") == "Oregón y Texas"
    assert with_conjunction("a*b", "and") == "and a\\*b"  # the answer escaped as any


def _lint(root: Path) -> list[str]:
    project = Project.load(library=root)
    return [str(p) for p in project.library.lint(project.questionnaire).problems]


def test_lint_refuses_a_spanish_y_written_before_an_answer(tmp_path: Path) -> None:
    root = tmp_path / "clauses"
    shutil.copytree(default_library(), root)
    path = root / "scope" / "who-we-are.es.md.j2"
    path.write_text(path.read_text().replace("explica cómo {{ business.name }}",
                                             "explica cómo nosotros y {{ business.name }}"))
    french = root / "scope" / "who-we-are.fr-CA.md.j2"
    french.write_text(french.read_text().replace("comment {{ business.name }}",
                                                 "comment nous et {{ business.name }}"))
    assert _lint(root) == [f"{path}:1: scope.who-we-are: \"y\" before an answer: write "
                           "`{{ value | with_conjunction('y') }}`, so it becomes \"e\" before "
                           "the same sound"]


# ---- numbers in the gender of their noun ---------------------------------------------------

def test_numbers_take_the_gender_the_template_gives_their_noun(project: Project) -> None:
    found = catalog(project.library)
    for lang, words in (("es", ("un día", "una hora")), ("fr-CA", ("un jour", "une heure"))):
        data = found.data_for(lang, project.library.data)["number_words"]
        template = compile_template("{{ n.masculine[1] }} {{ m }}, {{ n.feminine[1] }} {{ f }}")
        day, hour = (w.split()[1] for w in words)
        assert template.render(n=data, m=day, f=hour) == ", ".join(words)
    # English has one form, as before
    assert project.library.data["number_words"][1] == "one"


def test_lint_refuses_number_words_in_genders_the_language_does_not_have(
        tmp_path: Path) -> None:
    root = tmp_path / "clauses"
    shutil.copytree(default_library(), root)
    path = root / "data" / "number_words.es.yaml"
    path.write_text(path.read_text().replace("feminine:", "neuter:"))
    assert any("number_words" in p for p in _lint(root))


def test_french_elides_de_before_un(project: Project) -> None:
    answers = project.answers(examples()["email-platform"])
    for key, days in (("email_platform.opt_out_days", 1), ("client_data.forward_days", 1)):
        changed = replace(answers, values={**answers.values, key: days})
        policy = assemble(changed, project.library, "fr-CA")
        text = "\n".join(c.markdown for s in policy.sections for c in s.clauses)
        assert "délai de un" not in text
        assert "dans un délai d’un jour" in text, key
    policy = assemble(replace(answers, values={**answers.values,
                                               "email_platform.opt_out_days": 3}),
                      project.library, "fr-CA")
    assert "dans un délai de trois jours ouvrables" in \
        "\n".join(c.markdown for s in policy.sections for c in s.clauses)
