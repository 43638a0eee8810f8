"""A business module added as a folder, with no Python: its questions reach the
questionnaire, its clauses the policy and its requirements the review."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from drafter.cli import main
from drafter.paths import default_library, examples
from drafter.project import Project
from drafter.yamlio import dump_yaml, load_yaml

MODULE = """\
order: 60
section:
  id: food-trucks
  title: Our food trucks
  when: food_trucks.operates
questions:
  - id: food_trucks
    title: Your food trucks
    questions:
      - id: operates
        prompt: Do you sell from food trucks?
        type: bool
      - id: city
        prompt: Which city do your trucks serve?
        type: text
        when: food_trucks.operates
      - id: loyalty_app
        prompt: Do customers collect stamps in a loyalty app?
        type: bool
        when: food_trucks.operates
"""
CLAUSE = """\
---
id: food-trucks.where
section: food-trucks
order: 10
when: food_trucks.operates and food_trucks.city
satisfies: [food-trucks.where]
---
Our food trucks serve {{ food_trucks.city }}.
"""
REQUIREMENTS = """\
- id: food-trucks.where
  law: Test rule
  cite: Test Code §1
  topic: scope
  note: Say where the food trucks serve.
  applies_when: food_trucks.operates
- id: food-trucks.loyalty
  law: Test rule
  cite: Test Code §2
  topic: collection
  note: Say what the loyalty app collects.
  applies_when: food_trucks.operates and food_trucks.loyalty_app
  severity: warning
"""


@pytest.fixture()
def library(tmp_path: Path) -> Path:
    root = tmp_path / "clauses"
    shutil.copytree(default_library(), root)
    folder = root / "modules" / "food-trucks"
    folder.mkdir()
    (folder / "module.yaml").write_text(MODULE)
    (folder / "where.md.j2").write_text(CLAUSE)
    (folder / "requirements.yaml").write_text(REQUIREMENTS)
    # Spanish and Canadian French are complete: a module brings its clause in both, and its
    # section's title in each (clauses/languages.yaml)
    (folder / "where.es.md.j2").write_text(
        "Nuestros camiones de comida están en {{ food_trucks.city }}.\n")
    (folder / "where.fr-CA.md.j2").write_text(
        "Nos camions-restaurants sont à {{ food_trucks.city }}.\n")
    languages = root / "languages.yaml"
    languages.write_text(languages.read_text()
                         .replace("      kiosks: Nuestros quioscos\n",
                                  "      kiosks: Nuestros quioscos\n"
                                  "      food-trucks: Nuestros camiones de comida\n")
                         .replace("      kiosks: Nos bornes libre-service\n",
                                  "      kiosks: Nos bornes libre-service\n"
                                  "      food-trucks: Nos camions-restaurants\n"))
    return root


def _answers(tmp_path: Path, **food_trucks: object) -> Path:
    doc = load_yaml(examples()["chat-saas"])
    doc["food_trucks"] = food_trucks
    path = tmp_path / "answers.yaml"
    path.write_text(dump_yaml(doc))
    return path


def test_a_module_folder_joins_the_questionnaire_after_the_other_modules(library: Path) -> None:
    project = Project.load(library=library)
    ids = [s.id for s in project.questionnaire.sections]
    assert ids.index("client_data") + 1 == ids.index("food_trucks") < ids.index("cookies")
    assert "food_trucks.loyalty_app" in project.questionnaire
    assert project.lint() == []
    sections = [s.spec.id for s in project.library.sections]
    assert sections.index("client-data") + 1 == sections.index("food-trucks")
    assert not list((library / "modules").rglob("*.py"))


def test_a_module_folder_drafts_its_clauses_and_reviews_its_requirements(
        library: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    answers = _answers(tmp_path, operates=True, city="Portland", loyalty_app=True)
    out = tmp_path / "out"
    assert main(["--library", str(library), "build", str(answers), "-o", str(out),
                 "--format", "md"]) == 0
    policy = next(out.rglob("privacy-policy.md")).read_text()
    assert "## Our food trucks" in policy
    assert "Our food trucks serve Portland." in policy
    review = next(out.rglob("review.md")).read_text()
    assert "Say what the loyalty app collects." in review  # its requirement, not met
    assert "Say where the food trucks serve." not in review  # met by its clause
    project = Project.load(library=library)
    draft = project.draft(project.answers(_answers(tmp_path, operates=False)))
    assert "food-trucks" not in [s.id for s in draft.policy.sections]
    assert not [n for n in draft.notes if (n.requirement or "").startswith("food-trucks.")]


def test_a_mistake_in_a_module_names_its_own_file_and_line(library: Path) -> None:
    module = library / "modules" / "food-trucks" / "module.yaml"
    module.write_text(MODULE.replace("when: food_trucks.operates\n      - id: loyalty_app",
                                     "when: food_trucks.nope\n      - id: loyalty_app"))
    with pytest.raises(Exception) as found:
        Project.load(library=library)
    assert str(found.value).startswith(f"{module}:16: food_trucks.city: `when` names "
                                       "'food_trucks.nope'")
