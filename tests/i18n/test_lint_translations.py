"""`drafter lint` holds each translation to its English clause: the same answers read (by
Jinja's scope analysis), the same promises, a title with a title; data translations only
reword; a language declared complete lacks nothing."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from drafter.errors import UserError
from drafter.i18n.catalog import LANGUAGES_FILE, load_languages
from drafter.paths import default_library
from drafter.project import Project


def _copy(tmp_path: Path) -> Path:
    root = tmp_path / "clauses"
    shutil.copytree(default_library(), root)
    return root


def _problems(root: Path) -> list[str]:
    project = Project.load(library=root)
    return [str(p) for p in project.library.lint(project.questionnaire).problems]


def test_the_library_as_shipped_has_no_translation_problems() -> None:
    project = Project.load()
    assert project.library.lint(project.questionnaire).problems == []


def test_a_translation_reading_an_answer_the_english_does_not_is_a_problem(
        tmp_path: Path) -> None:
    root = _copy(tmp_path)
    path = root / "sharing" / "consent.es.md.j2"
    path.write_text(path.read_text().rstrip() + "\n\nBy {{ business.brand }}.\n")
    at = len(path.read_text().splitlines())  # the line using it, not the first
    assert _problems(root) == [f"{path}:{at}: sharing.consent: uses business.brand, which the "
                               "English clause does not read"]


def test_a_translation_leaving_out_an_answer_the_english_reads_is_a_problem(
        tmp_path: Path) -> None:
    root = _copy(tmp_path)
    path = root / "canada" / "quebec.fr-CA.md.j2"
    path.write_text(path.read_text().replace("{{ international.storage_country }}", "là-bas"))
    assert _problems(root) == [f"{path}:1: canada.quebec: never reads "
                               "international.storage_country, which the English clause reads"]


def test_a_loop_variable_is_not_an_answer(tmp_path: Path) -> None:
    """Scope analysis, not a pattern: `{% for k in … %}{{ k }}` reads no answer `k`."""
    root = _copy(tmp_path)
    path = root / "sharing" / "consent.es.md.j2"
    path.write_text(path.read_text() + "{% for k in [1] %}{{ k }}{% endfor %}\n")
    assert _problems(root) == []


def test_a_promise_on_other_answers_is_a_problem(tmp_path: Path) -> None:
    root = _copy(tmp_path)
    path = root / "children" / "not-directed.es.md.j2"
    path.write_text(path.read_text().replace('{% promise "children.under_13" %}', "")
                    .replace("{% endpromise %}", "", 1))
    problems = _problems(root)
    assert len(problems) == 1 and "its promises do not rest on the same answers" in problems[0]


def test_front_matter_other_than_a_title_is_refused(tmp_path: Path) -> None:
    root = _copy(tmp_path)
    path = root / "sharing" / "consent.es.md.j2"
    path.write_text("---\nwhen: 'true'\n---\n" + path.read_text())
    assert _problems(root) == [f"{path}:2: when: a translation gives only its `title`; "
                               "`when` is the English clause's"]


def test_a_complete_language_must_translate_every_clause(tmp_path: Path) -> None:
    root = _copy(tmp_path)
    languages = root / "languages.yaml"
    text = languages.read_text()
    # one clause, one section title and one data wording left out, whatever the shipped
    # library has translated by now
    (root / "brazil" / "lgpd.es.md.j2").unlink(missing_ok=True)
    (root / "data" / "number_words.es.yaml").unlink(missing_ok=True)
    text = "".join(line for line in text.splitlines(keepends=True)
                   if line != "      brazil: Personas en Brasil\n")
    languages.write_text(text.replace("status: partial", "status: complete", 1))
    problems = _problems(root)
    library = Project.load(library=root).library
    untranslated = [c for c in library.clauses
                    if not c.path.with_name(c.path.name.replace(".md.j2", ".es.md.j2")).exists()]
    missing = [p for p in problems if "no Spanish translation" in p]
    assert len(missing) == len(untranslated) > 0
    assert all(any(str(c.path) in p for p in missing) for c in untranslated)
    assert any("no Spanish title for this section" in p for p in problems)
    assert any("not every wording is in Spanish" in p for p in problems)
    assert all("Canadian French" not in p for p in problems)


def test_a_data_translation_may_only_reword(tmp_path: Path) -> None:
    root = _copy(tmp_path)
    path = root / "data" / "purposes.es.yaml"
    path.write_text(path.read_text() + "legal_extra:\n  text: Algo\nprovide2: {}\n"
                    "security2:\n  basis: contract\n")
    path.write_text(path.read_text().replace("  short: seguridad", "  short: seguridad\n"
                                             "  basis: contract"))
    problems = _problems(root)
    assert any("legal_extra: not a key of the English file" in p for p in problems)
    assert any("security.basis: not a wording field" in p for p in problems)


def test_a_translation_file_in_an_undeclared_language_or_with_no_english_is_a_problem(
        tmp_path: Path) -> None:
    root = _copy(tmp_path)
    (root / "sharing" / "consent.de.md.j2").write_text("Mit Ihrer Erlaubnis.\n")
    (root / "sharing" / "nowhere.es.md.j2").write_text("Nada.\n")
    problems = _problems(root)
    assert f"{root / 'sharing' / 'consent.de.md.j2'}: a translation in a language " \
        "languages.yaml does not declare" in problems
    assert f"{root / 'sharing' / 'nowhere.es.md.j2'}: a translation with no English file " \
        "beside it (nowhere.md.j2)" in problems


def test_a_glued_line_in_a_translation_is_named_like_one_in_english(tmp_path: Path) -> None:
    root = _copy(tmp_path)
    path = root / "sharing" / "consent.es.md.j2"
    path.write_text("Intro.{% if true %} Más.{% endif %}\n- " + path.read_text())
    assert _problems(root) == [f"{path}:1: sharing.consent: line ends in a block tag that "
                               "eats its line break, so what follows is glued to it: write "
                               "`+%}` to keep the break (or `-%}` to join on purpose)"]


def test_review_words_name_real_checks_and_are_checked_like_the_english(tmp_path: Path) -> None:
    root = _copy(tmp_path)
    path = root / "review-languages" / "es.yaml"
    text = path.read_text().replace("    hint: ['shield', 'escudo']", "    hint: ['Shield', 'escudo']")
    path.write_text(text.replace("  general.sale:", "  general.no-such:", 1))
    problems = _problems(root)
    assert any(p.startswith(f"{path}:") and "outdated.privacy-shield" in p and "lower case" in p
               for p in problems)
    assert any("general.no-such: no requirement has this id" in p for p in problems)
    assert len(problems) == 2


def test_a_complete_language_gives_every_word_of_the_site_pages(tmp_path: Path) -> None:
    root = _copy(tmp_path)
    path = root / "languages.yaml"
    path.write_text(path.read_text().replace("      only_one: Solo se ha publicado una versión.\n",
                                             ""))
    assert _problems(root) == [f"{path}: languages.es.site.only_one: no Spanish words for the "
                               "site's pages, and Spanish is declared complete"]


LANGUAGE_MISTAKES = [  # (the text replaced, its replacement, the error after the path)
    ("    labels:\n", "    labels:\n      bogus: x\n",
     ":76: languages.es.labels.bogus: Extra inputs are not permitted"),
    ("languages:\n", "bogus: 1\nlanguages:\n", ":40: bogus: Extra inputs are not permitted"),
    ("    genders: [masculine, feminine]\n", "    genders: 3\n",
     ":47: languages.es.genders: Input should be a valid list"),
    ("    site:  # the pages of `drafter publish --site` around the policy\n",
     "    site: [1]\n    old_site:\n",
     ":52: languages.es.site: Input should be a valid dictionary or instance of SiteLabels"),
]


@pytest.mark.parametrize(("old", "new", "error"), LANGUAGE_MISTAKES)
def test_a_mistake_in_languages_yaml_names_its_line_and_field(
        tmp_path: Path, old: str, new: str, error: str) -> None:
    """`languages.yaml` is read into records (drafter.records), its mistakes worded as before."""
    text = (default_library() / LANGUAGES_FILE).read_text()
    assert old in text
    (tmp_path / LANGUAGES_FILE).write_text(text.replace(old, new, 1))
    with pytest.raises(UserError) as caught:
        load_languages(tmp_path)
    assert str(caught.value) == f"{tmp_path / LANGUAGES_FILE}{error}"
